//! `bitflags::bitflags!` built in, for its type declarations only (the flag constants and trait
//! impls do not change a layout). For each `$(#[attr])* $vis struct Name: T { .. }`:
//! - bitflags 1.x declares `$(#[attr])* #[derive(Copy, PartialEq, Eq, Clone, PartialOrd, Ord,
//!   Hash)] $vis struct Name { bits: T }`, written here the same way;
//! - bitflags 2.x declares `$(#[attr])* $vis struct Name(<Name as PublicFlags>::Internal);` whose
//!   field is `#[repr(transparent)] struct InternalBitFlags(T)`: a one-field struct laid out as T,
//!   written here as `$(#[attr])* $vis struct Name(T);`, which rustc lays out identically.
//! The 2.x form `impl Name: T { .. }` (flags for a type declared elsewhere) declares no type.

import { Cursor } from './cursor';
import { DEFAULT_LIMITS, Emitter } from './emit';
import { ExpandError } from './errors';
import { catchExpansionErrors, type Expansion, type Failure } from './expand';
import { parseVis } from './grammar/items';
import { eatIdent, parseTy, skipOuterAttributes } from './grammar/types';
import { lex } from './lexer';
import type { Token } from './tokens';

/** What one declaration contributed: its pieces as tokens of the input. */
interface Declaration {
  readonly attrs: readonly Token[];
  readonly vis: readonly Token[];
  readonly name: Token;
  readonly bits: readonly Token[];
}

function expected(what: string, t: Token | undefined): never {
  throw new ExpandError(t ? `expected ${what}, found \`${t.text}\` (offset ${t.start})` : `expected ${what} at the end of the input`);
}

/** One `$(#[attr])* $vis struct Name: T { .. }` (or 2.x `impl Name: T { .. }`) at the cursor. */
function declaration(c: Cursor, major: 1 | 2): Declaration | undefined {
  const start = c.pos;
  skipOuterAttributes(c);
  const attrs = c.since(start);
  const impl = major === 2 && c.eatKeyword('impl');
  const visStart = c.pos;
  if (!impl) parseVis(c);
  const vis = c.since(visStart);
  if (!impl && !c.eatKeyword('struct')) expected(major === 2 ? '`struct` or `impl`' : '`struct`', c.cur);
  const name = c.cur;
  if (!eatIdent(c) || name === undefined) expected('the flags type name', name);
  if (!c.eat(':')) expected('`:`', c.cur);
  const tyStart = c.pos;
  if (!parseTy(c, true)) expected('the bits type', c.toks[tyStart.i]);
  const bits = c.since(tyStart);
  if (!c.eatGroup('{')) expected('`{`', c.cur);
  return impl ? undefined : { attrs, vis, name, bits };
}

function write(out: Emitter, d: Declaration, major: 1 | 2): void {
  const copy = (toks: readonly Token[]): void => toks.forEach((t) => out.push(t.text, t.kind, t.start));
  const word = (w: string): void => out.push(w, 'ident');
  const punct = (p: string): void => out.push(p, 'punct');
  copy(d.attrs);
  if (major === 1) {
    punct('#');
    out.push('[', 'open');
    word('derive');
    out.push('(', 'open');
    ['Copy', 'PartialEq', 'Eq', 'Clone', 'PartialOrd', 'Ord', 'Hash'].forEach((w, k) => {
      if (k > 0) punct(',');
      word(w);
    });
    out.push(')', 'close');
    out.push(']', 'close');
  }
  copy(d.vis);
  word('struct');
  out.push(d.name.text, 'ident', d.name.start);
  if (major === 1) {
    out.push('{', 'open');
    word('bits');
    punct(':');
    copy(d.bits);
    punct(',');
    out.push('}', 'close');
  } else {
    out.push('(', 'open');
    copy(d.bits);
    out.push(')', 'close');
    punct(';');
  }
  out.newline();
}

/** Expands `bitflags! { .. }` of bitflags `major`.x; `input` is the text between the delimiters. */
export function expandBitflags(input: string, major: 1 | 2): Expansion | Failure {
  const lexed = lex(input);
  if ('error' in lexed) return { error: `\`bitflags!\`: ${lexed.error}` };
  return catchExpansionErrors('`bitflags!`', () => {
    const out = new Emitter(DEFAULT_LIMITS);
    const c = new Cursor(lexed.tokens, 0);
    while (c.cur !== undefined) {
      const d = declaration(c, major);
      if (d) write(out, d, major);
    }
    return { text: out.text, origins: out.origins };
  });
}
