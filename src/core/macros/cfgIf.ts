//! `cfg_if::cfg_if!` built in. The crate's macro (1.0.0 to 1.0.4) turns
//! `if #[cfg(a)] { .. } else if #[cfg(b)] { .. } else { .. }` into each branch's items under
//! `#[cfg(all(a, not(any())))]`, `#[cfg(all(b, not(any(a))))]`, `#[cfg(all(not(any(a, b))))]`
//! by way of recursive internal rules and a cfg'd macro call around each branch; here every item
//! of a branch gets that attribute directly, so ordinary cfg evaluation picks the branch.
//! Several chains in one invocation are accepted too (the crate itself takes exactly one).

import { Cursor } from './cursor';
import { DEFAULT_LIMITS, Emitter } from './emit';
import { ExpandError } from './errors';
import { catchExpansionErrors, type Expansion, type Failure } from './expand';
import { parseItem } from './grammar/items';
import { lex } from './lexer';
import { isKeyword, isOpen, isPunct, type Token } from './tokens';

interface Branch {
  /** The tokens inside `cfg( .. )`, or undefined for `else`. */
  readonly cond: readonly Token[] | undefined;
  /** Index of the branch's `{`. */
  readonly open: number;
}

function expected(what: string, t: Token | undefined): never {
  throw new ExpandError(t ? `expected ${what}, found \`${t.text}\` (offset ${t.start})` : `expected ${what} at the end of the input`);
}

/** `#[cfg( .. )]` at the cursor: returns the tokens inside the parentheses. */
function cfgAttribute(c: Cursor): Token[] {
  if (!isPunct(c.cur, '#')) expected('`#[cfg(..)]`', c.cur);
  c.bump();
  const bracket = c.cur;
  if (bracket === undefined || !isOpen(bracket, '[')) expected('`[cfg(..)]`', bracket);
  const b = c.i;
  const name = c.toks[b + 1];
  const paren = c.toks[b + 2];
  if (!isKeyword(name, 'cfg') || !isOpen(paren, '(') || paren.pair + 1 !== bracket.pair) expected('`cfg(..)`', name);
  if (paren.pair === b + 3) expected('a predicate in `cfg()`', c.toks[paren.pair]);
  c.bump();
  return c.toks.slice(b + 3, paren.pair);
}

/** One `if .. else if .. else ..` chain at the cursor. */
function chain(c: Cursor): Branch[] {
  const branches: Branch[] = [];
  if (!c.eatKeyword('if')) expected('`if`', c.cur);
  for (;;) {
    const cond = cfgAttribute(c);
    if (!isOpen(c.cur, '{')) expected('`{`', c.cur);
    branches.push({ cond, open: c.i });
    c.bump();
    if (!c.eatKeyword('else')) return branches;
    if (c.eatKeyword('if')) continue;
    if (!isOpen(c.cur, '{')) expected('`if` or `{` after `else`', c.cur);
    branches.push({ cond: undefined, open: c.i });
    c.bump();
    return branches;
  }
}

/** Tokens copied from the input, with their origins. */
function emitTokens(out: Emitter, toks: readonly Token[]): void {
  for (const t of toks) out.push(t.text, t.kind, t.start);
}

/** `#[cfg(all(<cond>, not(any(<earlier conds>))))]`, as cfg-if writes it. */
function emitCfg(out: Emitter, cond: readonly Token[] | undefined, earlier: readonly (readonly Token[])[]): void {
  const p = (text: string): void => out.push(text, 'punct');
  const w = (text: string): void => out.push(text, 'ident');
  const open = (): void => out.push('(', 'open');
  const close = (): void => out.push(')', 'close');
  p('#');
  out.push('[', 'open');
  w('cfg');
  open();
  w('all');
  open();
  if (cond) {
    emitTokens(out, cond);
    p(',');
  }
  w('not');
  open();
  w('any');
  open();
  earlier.forEach((e, k) => {
    if (k > 0) p(',');
    emitTokens(out, e);
  });
  close();
  close();
  close();
  close();
  out.push(']', 'close');
}

/** Each item of the branch whose `{` is at `open`, under the branch's cfg. */
function emitBranch(out: Emitter, toks: readonly Token[], b: Branch, earlier: readonly (readonly Token[])[]): void {
  const end = toks[b.open].pair;
  const c = new Cursor(toks, b.open + 1);
  while (c.i < end) {
    const from = c.i;
    if (!parseItem(c) || c.cut !== 0) expected('an item', toks[from]);
    emitCfg(out, b.cond, earlier);
    emitTokens(out, toks.slice(from, c.i));
    out.newline();
  }
}

/** Expands `cfg_if! { .. }`; `input` is the text between the invocation's delimiters. */
export function expandCfgIf(input: string): Expansion | Failure {
  const lexed = lex(input);
  if ('error' in lexed) return { error: `\`cfg_if!\`: ${lexed.error}` };
  const toks = lexed.tokens;
  return catchExpansionErrors('`cfg_if!`', () => {
    const out = new Emitter(DEFAULT_LIMITS);
    const c = new Cursor(toks, 0);
    if (c.cur === undefined) expected('`if`', undefined);
    while (c.cur !== undefined) {
      const earlier: (readonly Token[])[] = [];
      for (const b of chain(c)) {
        emitBranch(out, toks, b, earlier);
        if (b.cond) earlier.push(b.cond);
      }
    }
    return { text: out.text, origins: out.origins };
  });
}
