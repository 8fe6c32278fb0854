//! Items, statements, visibilities and attribute contents (`meta`), read the way rustc's item
//! and statement parsers read them, to find where an `item`, `stmt`, `vis` or `meta` fragment
//! ends — and to split a run of items (the branches of `cfg_if!`). Items that end at a `;`
//! (`use`, `const`, `static`, `type`, `extern crate`) are read up to their `;` at the top level:
//! no expression or type can hold a bare `;` outside a delimited group.

import type { Cursor } from '../cursor';
import { isKeyword, isOpen, isPunct, isReservedIdent } from '../tokens';
import { parseExpr } from './exprs';
import { parsePatTop } from './patterns';
import { eatIdent, parseBounds, parseGenericParams, parsePath, parseTy, parseWhereClause, skipOuterAttributes } from './types';

/** A visibility: `pub`, `pub(crate)`, `pub(self)`, `pub(super)`, `pub(in path)`, or nothing. */
export function parseVis(c: Cursor): void {
  if (!c.eatKeyword('pub')) return;
  const g = c.cur;
  if (!isOpen(g, '(')) return;
  const first = c.toks[c.i + 1];
  const second = c.toks[c.i + 2];
  const restricted =
    isKeyword(first, 'in') || ((isKeyword(first, 'crate') || isKeyword(first, 'super') || isKeyword(first, 'self')) && second?.kind === 'close');
  if (restricted) c.bump();
}

/** Steps to just past the next `;` at this level. */
function throughSemicolon(c: Cursor): boolean {
  for (let t = c.cur; t !== undefined; t = c.cur) {
    c.bump();
    if (isPunct(t, ';')) return true;
  }
  return false;
}

function eatGenerics(c: Cursor): boolean {
  return !isPunct(c.cur, '<') || parseGenericParams(c);
}

/** `fn` with its qualifiers (`const async unsafe extern "C"`), signature and body or `;`. */
function fnItem(c: Cursor): boolean {
  c.eatKeyword('const');
  c.eatKeyword('async');
  if (!c.eatKeyword('unsafe')) c.eatKeyword('safe');
  if (c.eatKeyword('extern') && c.cur?.kind === 'literal') c.bump();
  if (!c.eatKeyword('fn') || !eatIdent(c) || !eatGenerics(c) || !c.eatGroup('(')) return false;
  if (c.eat('->') && !parseTy(c, true)) return false;
  if (!parseWhereClause(c)) return false;
  return c.eatGroup('{') || c.eat(';');
}

function structItem(c: Cursor): boolean {
  c.bump();
  if (!eatIdent(c) || !eatGenerics(c)) return false;
  if (isKeyword(c.cur, 'where')) return parseWhereClause(c) && (c.eatGroup('{') || c.eat(';'));
  if (c.eatGroup('{')) return true;
  if (c.eatGroup('(')) return parseWhereClause(c) && c.eat(';');
  return c.eat(';');
}

/** `enum` / `union`: name, generics, where clause, body. */
function adtItem(c: Cursor): boolean {
  c.bump();
  return eatIdent(c) && eatGenerics(c) && parseWhereClause(c) && c.eatGroup('{');
}

function traitItem(c: Cursor): boolean {
  c.eatKeyword('auto');
  if (!c.eatKeyword('trait') || !eatIdent(c) || !eatGenerics(c)) return false;
  if (c.eat(':') && !parseBounds(c)) return false;
  if (c.eat('=')) return parseBounds(c) && parseWhereClause(c) && c.eat(';');
  return parseWhereClause(c) && c.eatGroup('{');
}

/** `impl<T> Trait for Type where .. { .. }` (also `impl !Trait for T`, `impl const Trait for T`). */
function implItem(c: Cursor): boolean {
  c.bump();
  const a1 = c.ahead(1);
  const a2 = c.ahead(2);
  // rustc's `choose_generics_over_qpath`: `impl<T>`, not `impl <T as Tr>::X`.
  const generics =
    isPunct(c.cur, '<') &&
    (a1?.kind === 'lifetime' || isPunct(a1, '>') || isKeyword(a1, 'const') || (a1?.kind === 'ident' && (isPunct(a2, '>') || isPunct(a2, ',') || isPunct(a2, ':') || isPunct(a2, '='))));
  if (generics && !parseGenericParams(c)) return false;
  c.eatKeyword('const');
  c.eat('!');
  if (!parseTy(c, true)) return false;
  if (c.eatKeyword('for') && !parseTy(c, true)) return false;
  return parseWhereClause(c) && c.eatGroup('{');
}

/** A macro call in item position: `path! (..);`, `path! [..];` or `path! { .. }`. */
function macroCall(c: Cursor): boolean {
  if (!parsePath(c, 'mod') || !c.eat('!')) return false;
  if (c.eatGroup('{')) return true;
  return c.eatGroup() && c.eat(';');
}

/** The item after its attributes and visibility. */
function itemKind(c: Cursor): boolean {
  const t = c.cur;
  if (t?.kind !== 'ident') return isPunct(t, '::') && macroCall(c);
  const a1 = c.ahead(1);
  switch (t.text) {
    case 'use':
    case 'type':
    case 'static':
      return throughSemicolon(c);
    case 'const':
      if (isPunct(c.ahead(2), ':') && a1?.kind === 'ident') return throughSemicolon(c);
      return fnItem(c);
    case 'extern':
      if (isKeyword(a1, 'crate')) return throughSemicolon(c);
      if (isOpen(a1, '{') || (a1?.kind === 'literal' && isOpen(c.ahead(2), '{'))) {
        c.bump();
        if (c.cur?.kind === 'literal') c.bump();
        return c.eatGroup('{');
      }
      return fnItem(c);
    case 'fn':
    case 'async':
    case 'safe':
      return fnItem(c);
    case 'unsafe':
      if (isKeyword(a1, 'impl')) {
        c.bump();
        return implItem(c);
      }
      if (isKeyword(a1, 'trait') || isKeyword(a1, 'auto')) {
        c.bump();
        return traitItem(c);
      }
      if (isKeyword(a1, 'mod') || (isKeyword(a1, 'extern') && (isOpen(c.ahead(2), '{') || isOpen(c.ahead(3), '{')))) {
        c.bump();
        return itemKind(c);
      }
      return fnItem(c);
    case 'mod':
      c.bump();
      return eatIdent(c) && (c.eatGroup('{') || c.eat(';'));
    case 'struct':
      return structItem(c);
    case 'enum':
      return adtItem(c);
    case 'union':
      if (a1?.kind === 'ident' && !isReservedIdent(a1)) return adtItem(c);
      break;
    case 'trait':
      return traitItem(c);
    case 'auto':
      if (isKeyword(a1, 'trait')) return traitItem(c);
      break;
    case 'impl':
      return implItem(c);
    case 'default':
      if (a1?.kind === 'ident' && ['impl', 'fn', 'unsafe', 'const', 'async', 'type'].includes(a1.text)) {
        c.bump();
        return itemKind(c);
      }
      break;
    case 'macro_rules':
      if (isPunct(a1, '!') && c.ahead(2)?.kind === 'ident') {
        c.bump();
        c.bump();
        c.bump();
        if (c.eatGroup('{')) return true;
        return c.eatGroup() && c.eat(';');
      }
      break;
    case 'macro':
      c.bump();
      if (!eatIdent(c)) return false;
      c.eatGroup('(');
      return c.eatGroup('{');
  }
  return macroCall(c);
}

/** An item with its outer attributes and visibility (rustc's `parse_item`). */
export function parseItem(c: Cursor): boolean {
  return c.nest(() => {
    skipOuterAttributes(c);
    parseVis(c);
    return itemKind(c);
  });
}

/** Whether an item (not an expression) starts here: rustc's statement parser's item check. */
function atItemStart(c: Cursor): boolean {
  const t = c.cur;
  if (t?.kind !== 'ident') return false;
  const a1 = c.ahead(1);
  switch (t.text) {
    case 'pub':
    case 'fn':
    case 'use':
    case 'struct':
    case 'enum':
    case 'trait':
    case 'type':
    case 'mod':
    case 'extern':
    case 'impl':
    case 'macro':
      return true;
    case 'unsafe':
      return !isOpen(a1, '{');
    case 'const':
      return !isOpen(a1, '{') && !isPunct(a1, '|') && !isPunct(a1, '||') && !isKeyword(a1, 'move') && !isKeyword(a1, 'async');
    case 'static':
      return isKeyword(a1, 'mut') || (a1?.kind === 'ident' && !isReservedIdent(a1));
    case 'union':
      return a1?.kind === 'ident' && !isReservedIdent(a1);
    case 'auto':
      return isKeyword(a1, 'trait');
    case 'async':
      return isKeyword(a1, 'fn') || isKeyword(a1, 'unsafe');
    case 'safe':
      return isKeyword(a1, 'fn');
    case 'macro_rules':
      return isPunct(a1, '!') && c.ahead(2)?.kind === 'ident';
    default:
      return false;
  }
}

/** A statement without its trailing `;` (rustc's `parse_stmt`): `let`, an item, `;`, or an expression. */
export function parseStmt(c: Cursor): boolean {
  return c.nest(() => {
    skipOuterAttributes(c);
    if (c.eatKeyword('let')) {
      if (!parsePatTop(c, true)) return false;
      if (c.eat(':') && !parseTy(c, true)) return false;
      if (c.eat('=')) {
        if (!parseExpr(c)) return false;
        if (c.eatKeyword('else') && !c.eatGroup('{')) return false;
      }
      return true;
    }
    if (atItemStart(c)) {
      parseVis(c);
      return itemKind(c);
    }
    if (c.eat(';')) return true;
    return parseExpr(c);
  });
}

/** An attribute's contents (rustc's `parse_attr_item`): `path`, `path(..)`, `path = expr`, `unsafe(..)`. */
export function parseMeta(c: Cursor): boolean {
  if (isKeyword(c.cur, 'unsafe') && isOpen(c.ahead(1), '(')) {
    c.bump();
    c.bump();
    return true;
  }
  if (!parsePath(c, 'mod')) return false;
  if (c.eatGroup()) return true;
  return c.eat('=') ? parseExpr(c) : true;
}
