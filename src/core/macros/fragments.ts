//! Fragment specifiers (`$x:ty`): which tokens may begin each kind (rustc's
//! `nonterminal_may_begin_with`, which decides whether a matcher position is tried at all) and
//! how much input each consumes once tried (rustc's `parse_nonterminal`).

import type { Cursor } from './cursor';
import { parseExpr } from './grammar/exprs';
import { parseItem, parseMeta, parseStmt, parseVis } from './grammar/items';
import { parsePatTop } from './grammar/patterns';
import { parsePath, parseTy } from './grammar/types';
import { canBeginExpr, canBeginLiteralMaybeMinus, canBeginPattern, canBeginType, isBoolLit, isKeyword, isOpen, isPunct, ntVerdict, type Token } from './tokens';

/**
 * A fragment kind after edition resolution: `expr` is the 2024 one (also `const {..}` and `_`),
 * `expr_2021` the older; `pat` takes top-level `A | B` (2021+), `pat_param` does not.
 */
export type FragmentKind = 'ident' | 'lifetime' | 'literal' | 'tt' | 'block' | 'item' | 'vis' | 'ty' | 'path' | 'expr' | 'expr_2021' | 'pat' | 'pat_param' | 'stmt' | 'meta';

export type Edition = 2015 | 2018 | 2021 | 2024;

/** The kind a written specifier means in a macro defined in `edition`, or undefined if unknown. */
export function fragmentKind(spec: string, edition: Edition): FragmentKind | undefined {
  switch (spec) {
    case 'pat':
      return edition >= 2021 ? 'pat' : 'pat_param';
    case 'expr':
      return edition >= 2024 ? 'expr' : 'expr_2021';
    case 'ident':
    case 'lifetime':
    case 'literal':
    case 'tt':
    case 'block':
    case 'item':
    case 'vis':
    case 'ty':
    case 'path':
    case 'expr_2021':
    case 'pat_param':
    case 'stmt':
    case 'meta':
      return spec;
    default:
      return undefined;
  }
}

/** rustc's `nonterminal_may_begin_with`; `t` is undefined at the end of input or of a group. */
export function mayBegin(kind: FragmentKind, t: Token | undefined): boolean {
  if (t === undefined) return false;
  // A forwarded fragment: as rustc does with each kind (see ntVerdict); where it may begin one
  // but is not one, parseFragment fails, and so does the expansion.
  if (t.nt !== undefined) return ntVerdict(kind, t) !== 'skip';
  switch (kind) {
    case 'expr_2021':
      return canBeginExpr(t) && !isKeyword(t, 'let') && !isKeyword(t, 'const');
    case 'expr':
      return (canBeginExpr(t) || isKeyword(t, '_')) && !isKeyword(t, 'let');
    case 'ty':
      return canBeginType(t);
    case 'ident':
      return t.kind === 'ident' && t.text !== '_';
    case 'literal':
      return canBeginLiteralMaybeMinus(t);
    case 'vis':
      return isPunct(t, ',') || t.kind === 'ident' || canBeginType(t);
    case 'block':
      return isOpen(t, '{');
    case 'path':
    case 'meta':
      return isPunct(t, '::') || t.kind === 'ident';
    case 'pat':
    case 'pat_param':
      return canBeginPattern(t, kind === 'pat');
    case 'lifetime':
      return t.kind === 'lifetime';
    case 'tt':
    case 'item':
    case 'stmt':
      return true;
  }
}

/** Consumes one fragment of `kind` at the cursor; false if rustc's parser would reject it there. */
export function parseFragment(kind: FragmentKind, c: Cursor): boolean {
  const t = c.cur;
  if (t?.nt !== undefined) {
    // A forwarded fragment is taken whole where its kind allows (see ntVerdict). An expression
    // goes on after it as after any operand (`$v + 1`, `$v as usize`, `$v.0`), a pattern after
    // `|`, as rustc's parser does.
    const v = ntVerdict(kind, t);
    if (v === 'empty') return true;
    if (v !== 'take') return false;
    if ((kind === 'expr' || kind === 'expr_2021') && canBeginExpr(t)) return parseExpr(c);
    if (kind === 'pat' && canBeginPattern(t, true)) return parsePatTop(c, true);
    c.bump();
    return true;
  }
  switch (kind) {
    case 'tt':
    case 'ident':
    case 'lifetime':
      if (t === undefined) return false;
      c.bump();
      return true;
    case 'literal':
      c.eat('-');
      if (c.cur?.kind !== 'literal' && !isBoolLit(c.cur)) return false;
      c.bump();
      return true;
    case 'block':
      return c.eatGroup('{');
    case 'item':
      return parseItem(c);
    case 'vis':
      parseVis(c);
      return true;
    case 'ty':
      return parseTy(c, true);
    case 'path':
      return parsePath(c, 'type');
    case 'expr':
    case 'expr_2021':
      return parseExpr(c);
    case 'pat':
      return parsePatTop(c, true);
    case 'pat_param':
      return parsePatTop(c, false);
    case 'stmt':
      return parseStmt(c);
    case 'meta':
      return parseMeta(c);
  }
}
