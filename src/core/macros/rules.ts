//! Parsing a `macro_rules!` body into rules (rustc's `mbe::quoted` and `compute_locs`): each
//! matcher is flattened into the positions of rustc's NFA matcher, each transcriber into a tree
//! of tokens, groups, `$var`s, `$crate` and `$( .. ) sep op` repetitions.

import { fragmentKind, type Edition, type FragmentKind } from './fragments';
import { lex } from './lexer';
import { isOpen, isPunct, type Token } from './tokens';
import { QuietError } from '../quietError';

export type KleeneOp = '*' | '+' | '?';

/** One position of a flattened matcher (rustc's `MatcherLoc`). */
export type MatcherLoc =
  /** A token to match literally (delimiters included). */
  | { readonly t: 'token'; readonly tok: Token }
  /** Start of `$( .. )`: its variables are `firstVar ..< firstVar + vars`; `after` is the position past it. */
  | { readonly t: 'seq'; readonly op: KleeneOp; readonly vars: number; readonly firstVar: number; readonly after: number; readonly depth: number }
  /** End of a repetition without separator: repeat from `first`, or go on. */
  | { readonly t: 'repeat'; readonly op: KleeneOp; readonly first: number }
  /** End of a repetition with a separator: the separator, then (next position) repeat from `first`. */
  | { readonly t: 'sep'; readonly sep: Token }
  | { readonly t: 'repeatAfterSep'; readonly first: number }
  /** `$name:kind`; `index` numbers the matcher's variables in order, `depth` counts enclosing repetitions. */
  | { readonly t: 'var'; readonly name: string; readonly kind: FragmentKind; readonly index: number; readonly depth: number }
  | { readonly t: 'eof' };

export type TranscriberNode =
  | { readonly t: 'token'; readonly tok: Token }
  | { readonly t: 'group'; readonly open: Token; readonly close: Token; readonly body: readonly TranscriberNode[] }
  | { readonly t: 'var'; readonly name: string; readonly dollar: Token; readonly ident: Token }
  | { readonly t: 'crate' }
  | { readonly t: 'seq'; readonly body: readonly TranscriberNode[]; readonly sep: Token | undefined; readonly op: KleeneOp };

export interface Rule {
  readonly matcher: readonly MatcherLoc[];
  /** Variable names by index. */
  readonly vars: readonly string[];
  readonly transcriber: readonly TranscriberNode[];
}

/** The matcher as a tree, before flattening (rustc's `mbe::TokenTree` on the matcher side). */
type MatcherTree =
  | { readonly t: 'token'; readonly tok: Token }
  | { readonly t: 'group'; readonly open: Token; readonly close: Token; readonly body: readonly MatcherTree[] }
  | { readonly t: 'var'; readonly name: string; readonly kind: FragmentKind }
  | { readonly t: 'seq'; readonly body: readonly MatcherTree[]; readonly sep: Token | undefined; readonly op: KleeneOp; readonly vars: number };

class RuleError extends QuietError {}

function fail(msg: string, at?: Token): never {
  throw new RuleError(at ? `${msg} (at offset ${at.start})` : msg);
}

/** A metavariable's name: its identifier without `r#`. */
function varName(t: Token): string {
  return t.text.startsWith('r#') ? t.text.slice(2) : t.text;
}

/** rustc's `parse_sep_and_kleene_op` after `$( .. )`; `i` is the index after the `)`. */
function sepAndOp(toks: readonly Token[], i: number, end: number): { sep: Token | undefined; op: KleeneOp; next: number } {
  const kleene = (t: Token | undefined): KleeneOp | undefined => (t?.kind === 'punct' && (t.text === '*' || t.text === '+' || t.text === '?') ? t.text : undefined);
  const first = i < end ? toks[i] : undefined;
  const op = kleene(first);
  if (op) return { sep: undefined, op, next: i + 1 };
  if (first === undefined || first.kind === 'open' || first.kind === 'close') fail('expected one of: `*`, `+`, or `?` after `$( .. )`', first);
  const second = i + 1 < end ? kleene(toks[i + 1]) : undefined;
  if (second === undefined) fail('expected one of: `*`, `+`, or `?` after the separator', first);
  if (second === '?') fail('the `?` macro repetition operator does not take a separator', first);
  return { sep: first, op: second, next: i + 2 };
}

function countVars(trees: readonly MatcherTree[]): number {
  let n = 0;
  for (const m of trees) n += m.t === 'var' ? 1 : m.t === 'seq' ? m.vars : m.t === 'group' ? countVars(m.body) : 0;
  return n;
}

/** The matcher tokens `toks[start..end)` as a tree; doc comments are dropped, as rustc ignores them. */
function parseMatcher(toks: readonly Token[], start: number, end: number, edition: Edition): MatcherTree[] {
  const out: MatcherTree[] = [];
  for (let i = start; i < end; i++) {
    const t = toks[i];
    if (t.doc) continue;
    if (t.kind === 'open') {
      out.push({ t: 'group', open: t, close: toks[t.pair], body: parseMatcher(toks, i + 1, t.pair, edition) });
      i = t.pair;
      continue;
    }
    if (!isPunct(t, '$') || i + 1 >= end) {
      out.push({ t: 'token', tok: t });
      continue;
    }
    const n = toks[i + 1];
    if (isOpen(n, '(')) {
      const body = parseMatcher(toks, i + 2, n.pair, edition);
      const { sep, op, next } = sepAndOp(toks, n.pair + 1, end);
      out.push({ t: 'seq', body, sep, op, vars: countVars(body) });
      i = next - 1;
    } else if (n.kind === 'ident' && n.text === 'crate') {
      out.push({ t: 'token', tok: { ...n, text: '$crate' } });
      i += 1;
    } else if (n.kind === 'ident') {
      const colon = toks[i + 2];
      const spec = toks[i + 3];
      if (i + 3 >= end || !isPunct(colon, ':') || spec.kind !== 'ident') fail(`missing fragment specifier for \`$${n.text}\``, n);
      const kind = fragmentKind(spec.text, edition);
      if (kind === undefined) fail(`invalid fragment specifier \`${spec.text}\``, spec);
      out.push({ t: 'var', name: varName(n), kind });
      i += 3;
    } else {
      fail(`expected an identifier or \`(\` after \`$\` in a matcher, found \`${n.text}\``, n);
    }
  }
  return out;
}

/** rustc's `check_lhs_no_empty_seq`: a repetition that can match nothing would loop forever. */
function checkNoEmptyRepetition(trees: readonly MatcherTree[]): void {
  for (const m of trees) {
    if (m.t === 'group') checkNoEmptyRepetition(m.body);
    if (m.t !== 'seq') continue;
    const canBeEmpty = m.body.every((b) => (b.t === 'var' && b.kind === 'vis') || (b.t === 'seq' && b.op !== '+'));
    if (m.sep === undefined && canBeEmpty) fail('repetition matches empty token tree');
    checkNoEmptyRepetition(m.body);
  }
}

/** rustc's `compute_locs`. */
function flatten(trees: readonly MatcherTree[], locs: MatcherLoc[], vars: string[], depth: number): void {
  for (const m of trees) {
    switch (m.t) {
      case 'token':
        locs.push(m);
        break;
      case 'group':
        locs.push({ t: 'token', tok: m.open });
        flatten(m.body, locs, vars, depth);
        locs.push({ t: 'token', tok: m.close });
        break;
      case 'var':
        if (vars.includes(m.name)) fail(`duplicated bind name: ${m.name}`);
        locs.push({ t: 'var', name: m.name, kind: m.kind, index: vars.length, depth });
        vars.push(m.name);
        break;
      case 'seq': {
        const at = locs.length;
        const firstVar = vars.length;
        locs.push({ t: 'eof' }); // placeholder, replaced below once `after` is known
        const first = locs.length;
        flatten(m.body, locs, vars, depth + 1);
        if (m.sep) locs.push({ t: 'sep', sep: m.sep }, { t: 'repeatAfterSep', first });
        else locs.push({ t: 'repeat', op: m.op, first });
        locs[at] = { t: 'seq', op: m.op, vars: m.vars, firstVar, after: locs.length, depth };
        break;
      }
    }
  }
}

/**
 * `name!(..)` written in the transcriber of a `#[macro_export(local_inner_macros)]` macro: rustc
 * resolves such a single-segment macro path in the defining crate, as if written `$crate::name!`.
 */
function isLocalInnerCall(toks: readonly Token[], i: number, start: number): boolean {
  const t = toks[i];
  return t.kind === 'ident' && t.text !== 'macro_rules' && isPunct(toks[i + 1], '!') && isOpen(toks[i + 2]) && !(i > start && (isPunct(toks[i - 1], '::') || isPunct(toks[i - 1], '$')));
}

function parseTranscriber(toks: readonly Token[], start: number, end: number, localInner: boolean): TranscriberNode[] {
  const out: TranscriberNode[] = [];
  for (let i = start; i < end; i++) {
    const t = toks[i];
    if (t.kind === 'open') {
      out.push({ t: 'group', open: t, close: toks[t.pair], body: parseTranscriber(toks, i + 1, t.pair, localInner) });
      i = t.pair;
      continue;
    }
    if (localInner && isLocalInnerCall(toks, i, start)) out.push({ t: 'crate' }, { t: 'token', tok: { kind: 'punct', text: '::', start: t.start, pair: -1 } });
    if (!isPunct(t, '$') || i + 1 >= end) {
      out.push({ t: 'token', tok: t });
      continue;
    }
    const n = toks[i + 1];
    if (isOpen(n, '(')) {
      const body = parseTranscriber(toks, i + 2, n.pair, localInner);
      const { sep, op, next } = sepAndOp(toks, n.pair + 1, end);
      out.push({ t: 'seq', body, sep, op });
      i = next - 1;
    } else if (n.kind === 'ident') {
      out.push(n.text === 'crate' ? { t: 'crate' } : { t: 'var', name: varName(n), dollar: t, ident: n });
      i += 1;
    } else if (isPunct(n, '$')) {
      out.push({ t: 'token', tok: t }); // `$$`: a literal `$`
      i += 1;
    } else if (isOpen(n, '{')) {
      fail('metavariable expressions (`${ .. }`) are not supported', n);
    } else {
      fail(`expected an identifier or \`(\` after \`$\`, found \`${n.text}\``, n);
    }
  }
  return out;
}

/**
 * Parses the rules `(matcher) => {transcriber};*` of a macro_rules body; `localInner` for a
 * `#[macro_export(local_inner_macros)]` definition.
 */
export function parseRules(body: string, edition: Edition, localInner: boolean): Rule[] | { error: string } {
  const lexed = lex(body);
  if ('error' in lexed) return { error: lexed.error };
  const toks = lexed.tokens;
  const rules: Rule[] = [];
  try {
    for (let i = 0; i < toks.length; ) {
      const m = toks[i];
      if (m.kind !== 'open') fail(`expected a matcher in \`( .. )\`, \`[ .. ]\` or \`{ .. }\`, found \`${m.text}\``, m);
      const arrow = toks[m.pair + 1];
      if (!isPunct(arrow, '=>')) fail('expected `=>` after the matcher', arrow ?? m);
      const tr = toks[m.pair + 2];
      if (tr?.kind !== 'open') fail('expected a transcriber in `( .. )`, `[ .. ]` or `{ .. }` after `=>`', tr ?? arrow);
      const trees = parseMatcher(toks, i + 1, m.pair, edition);
      checkNoEmptyRepetition(trees);
      const matcher: MatcherLoc[] = [];
      const vars: string[] = [];
      flatten(trees, matcher, vars, 0);
      matcher.push({ t: 'eof' });
      rules.push({ matcher, vars, transcriber: parseTranscriber(toks, m.pair + 3, tr.pair, localInner) });
      i = tr.pair + 1;
      if (i < toks.length && !isPunct(toks[i], ';')) fail('expected `;` between rules', toks[i]);
      i++;
    }
  } catch (e) {
    if (e instanceof RuleError) return { error: e.message };
    throw e;
  }
  return rules;
}
