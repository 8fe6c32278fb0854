//! Paths, types, trait bounds, generic parameters and where clauses, as far as rustc's parser
//! needs to read them to know where a `ty` or `path` fragment ends (`parse_ty`, `parse_path`).
//! Delimited groups are stepped over whole: what is inside one never moves a fragment's end.

import type { Cursor } from '../cursor';
import { canBeginType, isBoolLit, isKeyword, isOpen, isPathSegmentKeyword, isPathStart, isPunct, isReservedIdent, type Token } from '../tokens';

/** rustc's `PathStyle`: generic arguments as `<..>` / `(..) -> T` (type), only `::<..>` (expr), none (mod). */
export type PathStyle = 'type' | 'expr' | 'mod';

/** `<`, `<<` or `<-` (rustc's `is_args_start`, with `(` for `Fn(A) -> B`). */
function isArgsStart(t: Token | undefined): boolean {
  return isPunct(t, '<') || isPunct(t, '<<') || isPunct(t, '<-') || isOpen(t, '(');
}

/** A path segment's identifier: a non-reserved identifier, or `self`, `Self`, `super`, `crate`. */
function eatSegmentIdent(c: Cursor): boolean {
  const t = c.cur;
  if (t?.kind !== 'ident' || (isReservedIdent(t) && !isPathSegmentKeyword(t))) return false;
  c.bump();
  return true;
}

/** An identifier naming an item or binding (not a keyword unless raw, not `_`). */
export function eatIdent(c: Cursor): boolean {
  const t = c.cur;
  if (t?.kind !== 'ident' || isReservedIdent(t)) return false;
  c.bump();
  return true;
}

function segment(c: Cursor, style: PathStyle): boolean {
  if (!eatSegmentIdent(c)) return false;
  if (style === 'mod') return true;
  const argsHere = style === 'type' && isArgsStart(c.cur);
  const argsAfterSep = isPunct(c.cur, '::') && isArgsStart(c.ahead(1));
  if (!argsHere && !argsAfterSep) return true;
  c.eat('::');
  if (c.eatSplit('<')) return genericArgsRest(c);
  c.bump(); // `(A, B)` of `Fn(A, B) -> C`
  return c.eat('->') ? parseTy(c, false) : true;
}

/** A path in the given style; stops before a `::` that no segment follows. */
export function parsePath(c: Cursor, style: PathStyle): boolean {
  c.eat('::');
  if (!segment(c, style)) return false;
  while (isPunct(c.cur, '::')) {
    const next = c.ahead(1);
    if (next?.kind !== 'ident') break;
    c.bump();
    if (!segment(c, style)) return false;
  }
  return true;
}

/** `<T as Trait>::Name...` (also `<T>::Name`): the qualified self, then at least one segment. */
export function parseQPath(c: Cursor, style: PathStyle): boolean {
  if (!c.eatSplit('<') || !parseTy(c, true)) return false;
  if (c.eatKeyword('as') && !parsePath(c, 'type')) return false;
  if (!c.eatSplit('>') || !isPunct(c.cur, '::')) return false;
  while (isPunct(c.cur, '::') && c.ahead(1)?.kind === 'ident') {
    c.bump();
    if (!segment(c, style)) return false;
  }
  return true;
}

/** A const generic argument: `{ .. }`, a literal, `-` literal, `true`/`false`. */
function eatConstArg(c: Cursor): boolean {
  const t = c.cur;
  if (isOpen(t, '{') || t?.kind === 'literal' || isBoolLit(t)) {
    c.bump();
    return true;
  }
  if (isPunct(t, '-') && (c.ahead(1)?.kind === 'literal' || isBoolLit(c.ahead(1)))) {
    c.bump();
    c.bump();
    return true;
  }
  return false;
}

function genericArgValue(c: Cursor): boolean {
  return eatConstArg(c) || parseTy(c, true);
}

/** One generic argument: lifetime, type, const, or an associated item constraint (`Item = T`, `Item: Tr`). */
function genericArg(c: Cursor): boolean {
  const t = c.cur;
  if (t?.kind === 'lifetime') {
    c.bump();
    return true;
  }
  if (eatConstArg(c)) return true;
  if (t?.kind === 'ident' && (isPunct(c.ahead(1), '=') || isPunct(c.ahead(1), ':'))) {
    c.bump();
    if (c.eat('=')) return genericArgValue(c);
    c.bump(); // `:`
    return parseBounds(c);
  }
  if (!parseTy(c, true)) return false;
  // `Item<'a> = T` / `Item<'a>: Bound` (a generic associated type's constraint).
  if (c.eat('=')) return genericArgValue(c);
  if (c.eat(':')) return parseBounds(c);
  return true;
}

/** The rest of `<..>` after its `<`: arguments up to the (possibly split-off) `>`. */
export function genericArgsRest(c: Cursor): boolean {
  return c.nest(() => {
    for (;;) {
      if (c.eatSplit('>')) return true;
      if (!genericArg(c)) return false;
      if (!c.eat(',')) return c.eatSplit('>');
    }
  });
}

function canBeginBound(t: Token | undefined): boolean {
  return (
    t?.kind === 'lifetime' ||
    isPathStart(t) ||
    isPunct(t, '?') ||
    isPunct(t, '~') ||
    isPunct(t, '!') ||
    isOpen(t, '(') ||
    isKeyword(t, 'for') ||
    isKeyword(t, 'const') ||
    isKeyword(t, 'async') ||
    isKeyword(t, 'use')
  );
}

/** `for<'a, ..>`, if present. */
function eatBinder(c: Cursor): boolean {
  if (!(isKeyword(c.cur, 'for') && isPunct(c.ahead(1), '<'))) return true;
  c.bump();
  return parseGenericParams(c);
}

function bound(c: Cursor): boolean {
  const t = c.cur;
  if (t?.kind === 'lifetime' || isOpen(t, '(')) {
    c.bump();
    return true;
  }
  if (isKeyword(t, 'use')) {
    c.bump();
    return c.eatSplit('<') && genericArgsRest(c);
  }
  if (!eatBinder(c)) return false;
  c.eat('~');
  c.eatKeyword('const');
  c.eatKeyword('async');
  if (!c.eat('?')) c.eat('!');
  if (!eatBinder(c)) return false;
  return parsePath(c, 'type');
}

/** `Bound + Bound + ..` (rustc's `parse_generic_bounds`: possibly none, a trailing `+` allowed). */
export function parseBounds(c: Cursor): boolean {
  while (canBeginBound(c.cur)) {
    if (!bound(c)) return false;
    if (!c.eatSplit('+')) break;
  }
  return true;
}

/** `unsafe? (extern "abi"?)? fn(..) (-> T)?` */
function fnPointer(c: Cursor): boolean {
  c.eatKeyword('unsafe');
  if (c.eatKeyword('extern') && c.cur?.kind === 'literal') c.bump();
  if (!c.eatKeyword('fn') || !c.eatGroup('(')) return false;
  return c.eat('->') ? parseTy(c, false) : true;
}

/**
 * A type, as rustc's `parse_ty` (`allowPlus`) or `parse_ty_no_plus` reads it. Returns false when
 * the tokens do not start a type; the cursor is then somewhere inside.
 */
export function parseTy(c: Cursor, allowPlus: boolean): boolean {
  return c.nest(() => {
    const t = c.cur;
    if (t === undefined) return false;
    if (t.nt !== undefined) {
      // A forwarded fragment: a type or a path is a type, whole.
      if (!canBeginType(t)) return false;
      c.bump();
      return true;
    }
    if (t.kind === 'open') {
      if (t.text === '{') return false;
      c.bump(); // tuple, parenthesized type, array or slice
      if (t.text === '(' && allowPlus && c.eat('+')) return parseBounds(c);
      return true;
    }
    if (isPunct(t, '!')) {
      c.bump();
      return true;
    }
    if (isPunct(t, '*')) {
      c.bump();
      return (c.eatKeyword('const') || c.eatKeyword('mut')) && parseTy(c, false);
    }
    if (c.eatSplit('&')) {
      if (c.cur?.kind === 'lifetime') c.bump();
      c.eatKeyword('mut');
      return parseTy(c, false);
    }
    if (isKeyword(t, '_')) {
      c.bump();
      return true;
    }
    if (isKeyword(t, 'for') && isPunct(c.ahead(1), '<')) {
      c.bump();
      if (!parseGenericParams(c)) return false;
      const f = c.cur;
      if (isKeyword(f, 'fn') || isKeyword(f, 'unsafe') || isKeyword(f, 'extern')) return fnPointer(c);
      if (!parsePath(c, 'type')) return false;
      return allowPlus && c.eat('+') ? parseBounds(c) : true;
    }
    if (isKeyword(t, 'fn') || isKeyword(t, 'unsafe') || isKeyword(t, 'extern')) return fnPointer(c);
    if (isKeyword(t, 'impl') || isKeyword(t, 'dyn')) {
      c.bump();
      return canBeginBound(c.cur) && parseBounds(c);
    }
    if (isPunct(t, '<') || isPunct(t, '<<')) return parseQPath(c, 'type');
    // A bare trait object: `?Sized + ..`, or a lifetime only when `+` follows (`'a + Tr`); a lone
    // lifetime is not a type (rustc: "expected type, found lifetime").
    if (isPunct(t, '?') || (t.kind === 'lifetime' && (isPunct(c.ahead(1), '+') || isPunct(c.ahead(1), '+=')))) return parseBounds(c);
    if (t.kind === 'lifetime') return false;
    if (!isPathStart(t)) return false;
    if (!parsePath(c, 'type')) return false;
    if (isPunct(c.cur, '!') && isOpen(c.ahead(1))) {
      c.bump();
      c.bump(); // a macro in type position
      return true;
    }
    return allowPlus && c.eat('+') ? parseBounds(c) : true;
  });
}

/** `<'a: 'b, T: Bound = Default, const N: usize = 3>` with its `<` at the cursor. */
export function parseGenericParams(c: Cursor): boolean {
  if (!c.eatSplit('<')) return false;
  return c.nest(() => {
    for (;;) {
      if (c.eatSplit('>')) return true;
      skipOuterAttributes(c);
      const t = c.cur;
      if (t?.kind === 'lifetime') {
        c.bump();
        if (c.eat(':')) {
          while (c.cur?.kind === 'lifetime') {
            c.bump();
            if (!c.eatSplit('+')) break;
          }
        }
      } else if (isKeyword(t, 'const')) {
        c.bump();
        if (!eatIdent(c) || !c.eat(':') || !parseTy(c, false)) return false;
        if (c.eat('=') && !genericArgValue(c)) return false;
      } else if (t?.kind === 'ident' && !isReservedIdent(t)) {
        c.bump();
        if (c.eat(':') && !parseBounds(c)) return false;
        if (c.eat('=') && !parseTy(c, true)) return false;
      } else {
        return false;
      }
      if (!c.eat(',')) return c.eatSplit('>');
    }
  });
}

/** `where T: A, 'a: 'b, for<'x> F: Fn(&'x u8),` if present (ends before `{`, `;` or `=`). */
export function parseWhereClause(c: Cursor): boolean {
  if (!c.eatKeyword('where')) return true;
  for (;;) {
    const t = c.cur;
    if (t?.kind === 'lifetime') {
      c.bump();
      if (!c.eat(':') || !parseBounds(c)) return false;
    } else if (canBeginType(t)) {
      if (!eatBinder(c) || !parseTy(c, false)) return false;
      if (c.eat(':')) {
        if (!parseBounds(c)) return false;
      } else if (!(c.eat('=') || c.eat('==')) || !parseTy(c, false)) {
        return false;
      }
    } else {
      return true;
    }
    if (!c.eat(',')) return true;
  }
}

/** `#[..]` attributes, however many. */
export function skipOuterAttributes(c: Cursor): void {
  while (isPunct(c.cur, '#') && isOpen(c.ahead(1), '[')) {
    c.bump();
    c.bump();
  }
}
