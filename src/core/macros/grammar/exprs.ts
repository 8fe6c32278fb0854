//! Expressions, read the way rustc's expression parser reads them (prefix operators, postfix
//! calls/fields/`?`, binary operators by precedence, casts, ranges, closures, block-like forms),
//! only to find where an `expr` fragment ends. `noStruct` is rustc's NO_STRUCT_LITERAL
//! restriction: in `if`, `while`, `match` and `for` heads, `Path {` does not start a struct literal.

import type { Cursor } from '../cursor';
import { canBeginExpr, isKeyword, isOpen, isPathSegmentKeyword, isPunct, isReservedIdent, KEYWORDS_SINCE_2018, type Token } from '../tokens';
import { parsePatTop } from './patterns';
import { genericArgsRest, parseGenericParams, parsePath, parseQPath, parseTy, skipOuterAttributes } from './types';

/** rustc's `ExprPrecedence`, low to high, for the binary operators. */
const enum Prec {
  Assign = 1,
  Range,
  LOr,
  LAnd,
  Compare,
  BitOr,
  BitXor,
  BitAnd,
  Shift,
  Sum,
  Product,
  Cast,
}

const BINARY: Readonly<Record<string, Prec>> = {
  '=': Prec.Assign, '+=': Prec.Assign, '-=': Prec.Assign, '*=': Prec.Assign, '/=': Prec.Assign, '%=': Prec.Assign,
  '^=': Prec.Assign, '&=': Prec.Assign, '|=': Prec.Assign, '<<=': Prec.Assign, '>>=': Prec.Assign,
  '..': Prec.Range, '..=': Prec.Range,
  '||': Prec.LOr, '&&': Prec.LAnd,
  '==': Prec.Compare, '!=': Prec.Compare, '<': Prec.Compare, '>': Prec.Compare, '<=': Prec.Compare, '>=': Prec.Compare,
  '|': Prec.BitOr, '^': Prec.BitXor, '&': Prec.BitAnd, '<<': Prec.Shift, '>>': Prec.Shift,
  '+': Prec.Sum, '-': Prec.Sum, '*': Prec.Product, '/': Prec.Product, '%': Prec.Product,
};

function binaryPrec(t: Token | undefined): Prec | undefined {
  if (t?.kind === 'punct') return BINARY[t.text];
  return isKeyword(t, 'as') ? Prec.Cast : undefined;
}

/** rustc's `is_at_start_of_range_notation_rhs`. */
function rangeRhsFollows(c: Cursor, noStruct: boolean): boolean {
  const t = c.cur;
  return canBeginExpr(t) && !(noStruct && isOpen(t, '{'));
}

/** A whole expression (rustc's `parse_expr`). */
export function parseExpr(c: Cursor, noStruct = false): boolean {
  return parseAssoc(c, Prec.Assign, noStruct);
}

/** rustc's `parse_expr_assoc_with`: operators binding at least as tightly as `min`. */
function parseAssoc(c: Cursor, min: Prec, noStruct: boolean): boolean {
  return c.nest(() => {
    if (c.eat('..') || c.eat('..=') || c.eat('...')) {
      return rangeRhsFollows(c, noStruct) ? parseAssoc(c, Prec.Range + 1, noStruct) : true;
    }
    if (!parsePrefix(c, noStruct)) return false;
    for (;;) {
      const prec = binaryPrec(c.cur);
      if (prec === undefined || prec < min) return true;
      c.bump();
      if (prec === Prec.Range) return rangeRhsFollows(c, noStruct) ? parseAssoc(c, Prec.Range + 1, noStruct) : true;
      if (prec === Prec.Cast) {
        if (!parseTy(c, false)) return false;
        continue;
      }
      // Assignment is right-associative; the others bind their right operand one level tighter.
      if (!parseAssoc(c, prec === Prec.Assign ? prec : prec + 1, noStruct)) return false;
    }
  });
}

/** Unary operators, then an operand with its postfix operators. */
function parsePrefix(c: Cursor, noStruct: boolean): boolean {
  return c.nest(() => {
    skipOuterAttributes(c);
    const t = c.cur;
    if (isPunct(t, '!') || isPunct(t, '-') || isPunct(t, '*')) {
      c.bump();
      return parsePrefix(c, noStruct);
    }
    if (isPunct(t, '&') || isPunct(t, '&&')) {
      c.eatSplit('&');
      const next = c.ahead(1);
      if (isKeyword(c.cur, 'raw') && (isKeyword(next, 'const') || isKeyword(next, 'mut'))) {
        c.bump();
        c.bump();
      } else {
        c.eatKeyword('mut');
      }
      return parsePrefix(c, noStruct);
    }
    if (!parseBottom(c, noStruct)) return false;
    return parsePostfix(c);
  });
}

/** `?`, `.field`, `.method::<T>(..)`, `.0`, `.await`, calls `(..)` and indexing `[..]`. */
function parsePostfix(c: Cursor): boolean {
  for (;;) {
    const t = c.cur;
    if (isPunct(t, '?') || isOpen(t, '(') || isOpen(t, '[')) {
      c.bump();
    } else if (isPunct(t, '.')) {
      c.bump();
      const member = c.cur;
      if (member?.kind === 'literal') {
        c.bump(); // `.0`, or `.0.1` lexed as the float `0.1`
      } else if (member?.kind === 'ident') {
        c.bump();
        if (isPunct(c.cur, '::') && (isPunct(c.ahead(1), '<') || isPunct(c.ahead(1), '<<'))) {
          c.bump();
          if (!c.eatSplit('<') || !genericArgsRest(c)) return false;
        }
      } else {
        return false;
      }
    } else {
      return true;
    }
  }
}

/** `if cond { } else if cond { } else { }` with the `if` at the cursor. */
function parseIf(c: Cursor): boolean {
  c.bump();
  if (!parseExpr(c, true) || !c.eatGroup('{')) return false;
  if (!c.eatKeyword('else')) return true;
  return isKeyword(c.cur, 'if') ? parseIf(c) : c.eatGroup('{');
}

/** A closure: `static? async? move? |params| body` or `|| body`, `-> T { .. }`. */
function parseClosure(c: Cursor, noStruct: boolean): boolean {
  c.eatKeyword('static');
  c.eatKeyword('async');
  c.eatKeyword('move');
  if (!c.eat('||')) {
    if (!c.eat('|')) return false;
    while (!c.eat('|')) {
      skipOuterAttributes(c);
      if (!parsePatTop(c, false)) return false;
      if (c.eat(':') && !parseTy(c, true)) return false;
      if (!c.eat(',') && !isPunct(c.cur, '|')) return false;
    }
  }
  if (c.eat('->')) return parseTy(c, false) && c.eatGroup('{');
  return parseExpr(c, noStruct);
}

/** A path expression, then a macro call `!(..)` or (where allowed) a struct literal `{ .. }`. */
function parsePathExpr(c: Cursor, noStruct: boolean): boolean {
  const t = c.cur;
  if (!(isPunct(t, '<') || isPunct(t, '<<') ? parseQPath(c, 'expr') : parsePath(c, 'expr'))) return false;
  if (isPunct(c.cur, '!') && isOpen(c.ahead(1))) {
    c.bump();
    c.bump();
  } else if (!noStruct && isOpen(c.cur, '{')) {
    c.bump();
  }
  return true;
}

/** `loop`, `while`, `for` or a block after a label `'a:`. */
function parseLabeled(c: Cursor): boolean {
  const t = c.cur;
  if (isOpen(t, '{')) return c.eatGroup('{');
  if (isKeyword(t, 'loop') || isKeyword(t, 'while') || isKeyword(t, 'for')) return parseBottom(c, false);
  return false;
}

/** The value after `return`, `break`, `yield`, `become`, if one follows. */
function optionalValue(c: Cursor, noStruct: boolean): boolean {
  return rangeRhsFollows(c, noStruct) ? parseExpr(c, noStruct) : true;
}

/** rustc's `parse_expr_bottom`: literals, groups, paths, and the keyword-introduced forms. */
function parseBottom(c: Cursor, noStruct: boolean): boolean {
  const t = c.cur;
  if (t === undefined) return false;
  // A forwarded fragment: an expression, literal, path or block is an operand, whole.
  if (t.nt !== undefined && !canBeginExpr(t)) return false;
  if (t.kind === 'literal' || t.kind === 'open') {
    c.bump();
    return true;
  }
  if (t.kind === 'lifetime') {
    c.bump();
    return c.eat(':') && parseLabeled(c);
  }
  if (isPunct(t, '|') || isPunct(t, '||')) return parseClosure(c, noStruct);
  if (t.kind === 'punct') return isPunct(t, '::') || isPunct(t, '<') || isPunct(t, '<<') ? parsePathExpr(c, noStruct) : false;
  if (t.kind !== 'ident') return false;
  // 2015: `try!(e)`, `async`, `await` are a macro call and plain names.
  if (t.e2015 && KEYWORDS_SINCE_2018.has(t.text)) return parsePathExpr(c, noStruct);
  const next = c.ahead(1);
  switch (t.text) {
    case 'true':
    case 'false':
    case '_':
      c.bump();
      return true;
    case 'if':
      return parseIf(c);
    case 'match':
      c.bump();
      return parseExpr(c, true) && c.eatGroup('{');
    case 'loop':
    case 'unsafe':
    case 'try':
      c.bump();
      return c.eatGroup('{');
    case 'while':
      c.bump();
      return parseExpr(c, true) && c.eatGroup('{');
    case 'for':
      if (isPunct(next, '<')) {
        c.bump();
        return parseGenericParams(c) && parseClosure(c, noStruct);
      }
      c.bump();
      return parsePatTop(c, true) && c.eatKeyword('in') && parseExpr(c, true) && c.eatGroup('{');
    case 'const':
      c.bump();
      return c.eatGroup('{');
    case 'async':
      if (isOpen(next, '{') || (isKeyword(next, 'move') && isOpen(c.ahead(2), '{'))) {
        c.bump();
        c.eatKeyword('move');
        return c.eatGroup('{');
      }
      return parseClosure(c, noStruct);
    case 'move':
    case 'static':
      return parseClosure(c, noStruct);
    case 'return':
    case 'yield':
    case 'become':
      c.bump();
      return optionalValue(c, noStruct);
    case 'break':
      c.bump();
      if (c.cur?.kind === 'lifetime') c.bump();
      return optionalValue(c, noStruct);
    case 'continue':
      c.bump();
      if (c.cur?.kind === 'lifetime') c.bump();
      return true;
    case 'let':
      c.bump();
      return parsePatTop(c, true) && c.eat('=') && parseAssoc(c, Prec.LAnd + 1, noStruct);
    case 'box':
      c.bump();
      return parsePrefix(c, noStruct);
  }
  if (isReservedIdent(t) && !isPathSegmentKeyword(t)) return false;
  return parsePathExpr(c, noStruct);
}
