//! Patterns, as rustc's `parse_pat_no_top_alt` / `parse_pat_allow_top_alt` read them: enough to
//! know where a `pat` or `pat_param` fragment (or a `let`, `for` or closure pattern) ends.

import type { Cursor } from '../cursor';
import { canBeginPattern, isBoolLit, isKeyword, isOpen, isPathSegmentKeyword, isPathStart, isPunct, type Token } from '../tokens';
import { parsePath, parseQPath } from './types';

/** rustc's `is_pat_range_end_start`. */
function isRangeEndStart(t: Token | undefined): boolean {
  return isPathStart(t) || isPunct(t, '-') || t?.kind === 'literal' || isBoolLit(t);
}

function rangeEnd(c: Cursor): boolean {
  const t = c.cur;
  if (isPunct(t, '-')) {
    c.bump();
    const lit = c.cur;
    if (lit?.kind !== 'literal') return false;
    c.bump();
    return true;
  }
  if (t?.kind === 'literal' || isBoolLit(t)) {
    c.bump();
    return true;
  }
  return isPunct(t, '<') || isPunct(t, '<<') ? parseQPath(c, 'expr') : parsePath(c, 'expr');
}

/** After a range's start: `..=end`, `...end`, `..` or `..end`, or nothing. */
function rangeTail(c: Cursor): boolean {
  if (c.eat('..=') || c.eat('...')) return rangeEnd(c);
  if (c.eat('..')) return isRangeEndStart(c.cur) ? rangeEnd(c) : true;
  return true;
}

/** rustc's `can_be_ident_pat`: an identifier that binds rather than starts a path. */
function isBinding(c: Cursor, t: Token): boolean {
  if (t.kind !== 'ident' || isBoolLit(t) || isPathSegmentKeyword(t) || isKeyword(t, 'in')) return false;
  const next = c.ahead(1);
  return !(isOpen(next, '(') || isOpen(next, '{') || isPunct(next, '...') || isPunct(next, '..=') || isPunct(next, '..') || isPunct(next, '::') || isPunct(next, '!'));
}

/** One pattern without top-level `|` alternatives. */
export function parsePat(c: Cursor): boolean {
  return c.nest(() => {
    const t = c.cur;
    if (t === undefined) return false;
    if (t.nt !== undefined) {
      if (!canBeginPattern(t, false)) return false;
      c.bump();
      return true;
    }
    if (c.eatSplit('&')) {
      c.eatKeyword('mut');
      return parsePat(c);
    }
    if (isOpen(t, '(') || isOpen(t, '[')) {
      c.bump();
      return true;
    }
    if (isPunct(t, '-')) {
      c.bump();
      const lit = c.cur;
      if (lit?.kind !== 'literal') return false;
      c.bump();
      return rangeTail(c);
    }
    if (c.eat('..=') || c.eat('...')) return rangeEnd(c);
    if (c.eat('..')) return isRangeEndStart(c.cur) ? rangeEnd(c) : true;
    if (isKeyword(t, '_')) {
      c.bump();
      return true;
    }
    if (isKeyword(t, 'box')) {
      c.bump();
      return parsePat(c);
    }
    if (isKeyword(t, 'const') && isOpen(c.ahead(1), '{')) {
      c.bump();
      c.bump();
      return true;
    }
    if (isKeyword(t, 'ref') || isKeyword(t, 'mut')) {
      c.eatKeyword('ref');
      c.eatKeyword('mut');
      if (c.cur?.kind !== 'ident') return false;
      c.bump();
      return c.eat('@') ? parsePat(c) : true;
    }
    if (t.kind === 'literal' || isBoolLit(t)) {
      c.bump();
      return rangeTail(c);
    }
    if (isBinding(c, t)) {
      c.bump();
      return c.eat('@') ? parsePat(c) : true;
    }
    if (!isPathStart(t)) return false;
    if (!(isPunct(t, '<') || isPunct(t, '<<') ? parseQPath(c, 'expr') : parsePath(c, 'expr'))) return false;
    const after = c.cur;
    if (isPunct(after, '!') && isOpen(c.ahead(1))) {
      c.bump();
      c.bump();
      return true;
    }
    if (isOpen(after, '(') || isOpen(after, '{')) {
      c.bump();
      return true;
    }
    return rangeTail(c);
  });
}

/** A pattern with top-level alternatives `A | B` (and a leading `|`) when `withOr`. */
export function parsePatTop(c: Cursor, withOr: boolean): boolean {
  if (withOr) c.eat('|');
  if (!parsePat(c)) return false;
  while (withOr && c.eat('|')) if (!parsePat(c)) return false;
  return true;
}
