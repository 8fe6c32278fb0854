/**
 * Fast path of the extractor: builds the model of an error-free item from its text.
 *
 * Why: every web-tree-sitter `Node` access is a WASM call plus an allocation (~1 µs), and
 * walking every node of every type definition cost more than the parse itself on a 2 MB
 * file. tree-sitter still finds the items (and guarantees, via `hasError`, that the item is
 * well-formed); this module then reads the item's tokens straight from the document string.
 *
 * Contract: for any item it accepts, it produces exactly what the tree path in
 * `extract.ts` produces (spans, texts, shapes) — a differential test checks this over the
 * fixtures and a generated corpus. For anything outside its small grammar it throws `BAIL`
 * and the caller falls back to the tree path for that item. It never sees syntax errors.
 */
import type {
  ConstDef,
  ConstExpr,
  EnumDef,
  FieldDef,
  GenericArg,
  GenericParam,
  Generics,
  ItemCommon,
  PathSegment,
  Span,
  StructDef,
  TraitDef,
  TypeAliasDef,
  TypeExpr,
  UnionDef,
  UseDef,
  UseEntry,
  VariantDef,
  ExternCrateDef,
  FnSugar,
} from '../core/model';
import {
  addAttrText,
  EMPTY,
  singleSegment,
  boundArgs,
  boundName,
  dynArgs,
  EMPTY_REPR,
  firstUndeclared,
  freeLifetimes,
  identName,
  lifetimeName,
  newPending,
  pathArgTypes,
  NO_GENERICS,
  outerDocText,
  parseCharLiteral,
  parseIntLiteral,
  shortText as short,
  stringLiteralLen,
  traitLastSegment,
  traitPathHasRegions,
  useEntry,
  visNormalize,
  withUnsized,
  EDITION_2018_KEYWORDS,
  NOT_FIELD_NAMES,
  type Pending,
} from './syntax';

/** Thrown (not an Error: no stack trace to build) when the fast path does not handle the input. */
export const BAIL = { bail: true } as const;

const enum K {
  Ident,
  Lifetime,
  Int,
  Char,
  Other, // float, string and other literals: never accepted
  Punct,
  Doc,
  Attr,
  Eof,
}

interface Tok {
  k: K;
  start: number;
  end: number;
  /** Punct: the character; Ident: the identifier text (r# kept). */
  v: string;
  /** Punct immediately followed by another punct character (no whitespace). */
  joint: boolean;
}

const MAX_DEPTH = 1000;
/** As src/parse/extract.ts: array expressions longer than this are not lowered. */
const MAX_ARRAY_ELEMS = 256;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdentCont(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
const PUNCT = '!#$%&*+,-./:;<=>?@^|~()[]{}';
/** 1: punctuation; 2: punctuation that can join the next token (not an opening delimiter). */
const PUNCT_CLASS = new Uint8Array(128);
/** Interned one-character strings for punctuation tokens. */
const PUNCT_STR: string[] = [];
for (const ch of PUNCT) {
  const c = ch.charCodeAt(0);
  PUNCT_CLASS[c] = ch === '(' || ch === '[' || ch === '{' ? 1 : 2;
  PUNCT_STR[c] = ch;
}

/** Lazy tokenizer over `text[start, end)`. Plain comments are skipped; doc comments and attributes are tokens. */
class Lexer {
  private pos: number;
  private readonly buf: Tok[] = [];
  private head = 0;
  constructor(
    readonly text: string,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  peek(i = 0): Tok {
    const buf = this.buf;
    while (buf.length - this.head <= i) buf.push(this.lex());
    return buf[this.head + i]!;
  }
  /** Where the last token `next` returned ends. */
  lastEnd = 0;
  next(): Tok {
    const t = this.peek();
    this.lastEnd = t.end;
    this.head++;
    if (this.head > 32 && this.head === this.buf.length) {
      this.buf.length = 0;
      this.head = 0;
    }
    return t;
  }

  private lex(): Tok {
    const s = this.text;
    const end = this.end;
    for (;;) {
      let p = this.pos;
      while (p < end) {
        const c = s.charCodeAt(p);
        if (c === 32 || c === 10 || c === 9 || c === 13) p++;
        else break;
      }
      this.pos = p;
      if (p >= end) return { k: K.Eof, start: end, end, v: '', joint: false };
      const c = s.charCodeAt(p);
      if (c === 47 /* / */) {
        const c1 = s.charCodeAt(p + 1);
        if (c1 === 47) {
          let e = s.indexOf('\n', p);
          e = e < 0 || e >= end ? end : e + 1;
          this.pos = e;
          const raw = s.slice(p, e);
          if (raw.startsWith('///') && !raw.startsWith('////')) return { k: K.Doc, start: p, end: e, v: raw, joint: false };
          continue;
        }
        if (c1 === 42 /* * */) {
          let depth = 1;
          let q = p + 2;
          while (q < end && depth > 0) {
            const d = s.charCodeAt(q);
            if (d === 47 && s.charCodeAt(q + 1) === 42) {
              depth++;
              q += 2;
            } else if (d === 42 && s.charCodeAt(q + 1) === 47) {
              depth--;
              q += 2;
            } else q++;
          }
          if (depth > 0) throw BAIL;
          this.pos = q;
          const raw = s.slice(p, q);
          if (outerDocText(raw) !== undefined) return { k: K.Doc, start: p, end: q, v: raw, joint: false };
          continue;
        }
      }
      if (c === 35 /* # */) {
        // outer attribute `#[...]` (inner `#!` never appears inside an item we accept)
        let q = p + 1;
        while (q < end && /\s/.test(s[q]!)) q++;
        if (s.charCodeAt(q) === 91 /* [ */) {
          q = this.skipDelimited(q);
          this.pos = q;
          return { k: K.Attr, start: p, end: q, v: '', joint: false };
        }
      }
      if (c >= 128) throw BAIL; // non-ASCII identifiers: leave them to tree-sitter
      if (c === 34 /* " */ || isIdentStart(c)) {
        const se = this.stringEnd(p);
        if (se > 0) {
          this.pos = se;
          return { k: K.Other, start: p, end: se, v: '', joint: false };
        }
        if (c === 98 && s.charCodeAt(p + 1) === 39) {
          const q = this.skipChar(p + 1);
          this.pos = q;
          return { k: K.Char, start: p, end: q, v: s.slice(p, q), joint: false };
        }
      }
      if (isIdentStart(c)) {
        let q = p + 1;
        if (c === 114 && s.charCodeAt(p + 1) === 35) q = p + 2; // r#ident
        while (q < end && isIdentCont(s.charCodeAt(q))) q++;
        if (q < end && s.charCodeAt(q) >= 128) throw BAIL;
        this.pos = q;
        return { k: K.Ident, start: p, end: q, v: s.slice(p, q), joint: false };
      }
      if (isDigit(c)) {
        let q = p + 1;
        while (q < end && isIdentCont(s.charCodeAt(q))) q++;
        const hex = c === 48 && (s.charCodeAt(p + 1) === 120 || s.charCodeAt(p + 1) === 98 || s.charCodeAt(p + 1) === 111);
        let float = false;
        // `1.5`, `1.`, `1e5`, `2.5e-3f64` are floats; `1..2` is a range, `1.max(2)` a method call
        if (!hex && s.charCodeAt(q) === 46 && s.charCodeAt(q + 1) !== 46 && !isIdentStart(s.charCodeAt(q + 1))) {
          float = true;
          q++;
          while (q < end && isIdentCont(s.charCodeAt(q))) q++;
        }
        // (`81usize`, `3isize-1`: the `e` of an integer suffix is no exponent.)
        const intSuffix = (t: string): boolean => /[ui](?:8|16|32|64|128|size)$/.test(t);
        if (!hex && /[eE]$/.test(s.slice(p, q)) && !intSuffix(s.slice(p, q)) && (s[q] === '+' || s[q] === '-')) {
          q++;
          while (q < end && isIdentCont(s.charCodeAt(q))) q++;
        }
        const v = s.slice(p, q);
        if (!hex && /[eE]|f32|f64/.test(v) && !intSuffix(v)) float = true;
        this.pos = q;
        if (float) return { k: K.Other, start: p, end: q, v, joint: false };
        return { k: K.Int, start: p, end: q, v, joint: false };
      }
      if (c === 39 /* ' */) {
        // char literal or lifetime
        const c1 = s.charCodeAt(p + 1);
        if (c1 !== 92 && s.charCodeAt(p + 2) === 39) {
          this.pos = p + 3;
          return { k: K.Char, start: p, end: p + 3, v: s.slice(p, p + 3), joint: false };
        }
        if (c1 === 92) {
          const q = this.skipChar(p);
          this.pos = q;
          return { k: K.Char, start: p, end: q, v: s.slice(p, q), joint: false };
        }
        if (isIdentStart(c1)) {
          let q = p + 2;
          while (q < end && isIdentCont(s.charCodeAt(q))) q++;
          if (s.charCodeAt(q) === 39) throw BAIL;
          this.pos = q;
          return { k: K.Lifetime, start: p, end: q, v: s.slice(p, q), joint: false };
        }
        if (c1 >= 0xd800 && c1 <= 0xdbff && s.charCodeAt(p + 3) === 39) {
          // astral char literal `'😀'`
          this.pos = p + 4;
          return { k: K.Char, start: p, end: p + 4, v: s.slice(p, p + 4), joint: false };
        }
        throw BAIL;
      }
      if (PUNCT_CLASS[c]) {
        this.pos = p + 1;
        const n = p + 1 < end ? s.charCodeAt(p + 1) : 0;
        const joint = n < 128 && PUNCT_CLASS[n] === 2;
        return { k: K.Punct, start: p, end: p + 1, v: PUNCT_STR[c]!, joint };
      }
      throw BAIL;
    }
  }

  /** End of a string literal (`".."`, `b".."`, `c".."`, `r#".."#`, `br".."`) starting at `p`, or -1. */
  private stringEnd(p: number): number {
    const s = this.text;
    let q = p;
    let c = s.charCodeAt(q);
    if (c === 98 || c === 99) {
      q++;
      c = s.charCodeAt(q);
    }
    if (c === 114) {
      // raw: r"..", r#".."#
      let h = q + 1;
      while (s.charCodeAt(h) === 35) h++;
      if (s.charCodeAt(h) !== 34) return -1;
      const close = '"' + '#'.repeat(h - q - 1);
      const e = s.indexOf(close, h + 1);
      if (e < 0 || e + close.length > this.end) throw BAIL;
      return e + close.length;
    }
    if (c !== 34) return -1;
    for (let i = q + 1; i < this.end; i++) {
      const d = s.charCodeAt(i);
      if (d === 92) i++;
      else if (d === 34) return i + 1;
    }
    throw BAIL;
  }

  /** `'x'`, `'\n'`, `'\u{..}'` starting at the quote; returns the end. */
  private skipChar(p: number): number {
    const s = this.text;
    let q = p + 1;
    if (s.charCodeAt(q) === 92) {
      q += 2;
      if (s[q - 1] === 'u' && s[q] === '{') {
        const e = s.indexOf('}', q);
        if (e < 0 || e - q > 10) throw BAIL;
        q = e + 1;
      } else if (s[q - 1] === 'x') q += 2;
    } else q++;
    if (s.charCodeAt(q) !== 39) throw BAIL;
    return q + 1;
  }

  /** Skips a balanced `[...]`/`(...)`/`{...}` group starting at `p` (no strings/comments inside). */
  private skipDelimited(p: number): number {
    const s = this.text;
    let depth = 0;
    for (let q = p; q < this.end; q++) {
      const c = s.charCodeAt(q);
      if (c === 91 || c === 40 || c === 123) depth++;
      else if (c === 93 || c === 41 || c === 125) {
        depth--;
        if (depth === 0) return q + 1;
      } else if (c === 34 || c === 39 || c === 47) {
        // strings, chars, comments inside the group: be careful
        if (c === 34) {
          q++;
          while (q < this.end && s.charCodeAt(q) !== 34) {
            if (s.charCodeAt(q) === 92) q++;
            q++;
          }
        } else if (c === 47 && (s.charCodeAt(q + 1) === 47 || s.charCodeAt(q + 1) === 42)) throw BAIL;
        else if (c === 39) throw BAIL;
      }
    }
    throw BAIL;
  }
}

// ───────────────────────────── parser ─────────────────────────────

export class FastParser {
  private readonly lx: Lexer;
  constructor(
    private readonly text: string,
    start: number,
    end: number,
  ) {
    this.lx = new Lexer(text, start, end);
  }

  // ── token helpers ──
  private peek(i = 0): Tok {
    return this.lx.peek(i);
  }
  private next(): Tok {
    return this.lx.next();
  }
  private isP(t: Tok, ch: string): boolean {
    return t.k === K.Punct && t.v === ch;
  }
  private atP(ch: string, i = 0): boolean {
    const t = this.peek(i);
    return t.k === K.Punct && t.v === ch;
  }
  private atIdent(name?: string, i = 0): boolean {
    const t = this.peek(i);
    return t.k === K.Ident && (name === undefined || t.v === name);
  }
  private expectP(ch: string): Tok {
    const t = this.next();
    if (t.k !== K.Punct || t.v !== ch) throw BAIL;
    return t;
  }
  private expectIdent(name?: string): Tok {
    const t = this.next();
    if (t.k !== K.Ident || (name !== undefined && t.v !== name)) throw BAIL;
    return t;
  }
  /** `::` (two joint colons). */
  private atPathSep(i = 0): boolean {
    const a = this.peek(i);
    return a.k === K.Punct && a.v === ':' && a.joint && this.isP(this.peek(i + 1), ':');
  }
  private atArrow(): boolean {
    const a = this.peek();
    return a.k === K.Punct && a.v === '-' && a.joint && this.isP(this.peek(1), '>');
  }
  private noDocOrAttr(): void {
    const t = this.peek();
    if (t.k === K.Doc || t.k === K.Attr) throw BAIL;
  }
  slice(a: number, b: number): string {
    return this.text.slice(a, b);
  }
  atEof(): boolean {
    return this.peek().k === K.Eof;
  }

  // ── attributes/docs inside items ──
  private pending(): Pending {
    const p = newPending();
    for (;;) {
      const t = this.peek();
      if (t.k === K.Attr) {
        this.next();
        addAttrText(p, this.text.slice(t.start, t.end), t.start, t.end);
      } else if (t.k === K.Doc) {
        this.next();
        if (p.start < 0) p.start = t.start;
      } else return p;
    }
  }

  /** `pub`, `pub(crate)`, `pub(in a::b)`: returns the normalized text or undefined. */
  vis(): { text: string; start: number } | undefined {
    const t = this.peek();
    if (t.k !== K.Ident) return undefined;
    if (t.v === 'crate' && !this.atPathSep(1)) throw BAIL; // `crate struct X` (old syntax)
    if (t.v !== 'pub') return undefined;
    this.next();
    let end = t.end;
    if (this.atP('(')) {
      const a = this.peek(1);
      if (a.k === K.Ident && (a.v === 'crate' || a.v === 'self' || a.v === 'super') && this.atP(')', 2)) {
        this.next();
        this.next();
        end = this.next().end;
      } else if (a.k === K.Ident && a.v === 'in') {
        this.next();
        this.next();
        this.simplePathNames();
        end = this.expectP(')').end;
      }
    }
    return { text: visNormalize(this.text.slice(t.start, end)), start: t.start };
  }

  /** Item header: optional visibility, then `keyword`, then the name token. */
  header(keyword: string, nameKind: 'ident' | 'ident_or_underscore'): { vis?: string; name: Tok } {
    const v = this.vis();
    while (this.atIdent('unsafe') || this.atIdent('auto')) this.next();
    this.expectIdent(keyword);
    const name = this.next();
    if (name.k !== K.Ident) throw BAIL;
    void nameKind;
    return v ? { vis: v.text, name } : { name };
  }

  // ── generics ──
  generics(): { params: GenericParam[]; present: boolean } {
    this.lifetimeRanges = [];
    if (!this.atP('<')) return { params: [], present: false };
    const open = this.next();
    const params: GenericParam[] = [];
    for (;;) {
      this.pending(); // attributes on generic params are skipped
      const t = this.peek();
      if (this.isP(t, '>')) {
        this.lifetimeRanges.push([open.start, this.next().end]);
        break;
      }
      if (t.k === K.Lifetime) {
        this.next();
        // `'b: 'a`: bounds by other parameters only, as `'static` (and a where clause on a
        // lifetime) is left to the tree path, so none outlives `'static` (GenericParam.outlivesStatic).
        const bounded = this.atP(':') && !this.atPathSep();
        const name = t.v.replace(/^'r#/, "'");
        if (bounded) {
          this.next();
          this.skipBounds();
        }
        params.push({ kind: 'lifetime', name, ...(bounded && this.boundLifetimes.length ? { outlives: this.boundLifetimes } : {}) });
      } else if (t.k === K.Ident && t.v === 'const') {
        this.next();
        const name = this.expectIdent();
        this.expectP(':');
        const ty = this.type(0);
        let def: ConstExpr | undefined;
        if (this.atP('=')) {
          this.next();
          def = this.constArg();
        }
        params.push({ kind: 'const', name: identName(name.v), ty, ...(def ? { default: def } : {}) });
      } else if (t.k === K.Ident) {
        this.next();
        let maybeUnsized = false;
        let traits: string[] | undefined;
        let outlives: string[] | undefined;
        if (this.atP(':') && !this.atPathSep()) {
          this.next();
          maybeUnsized = this.skipBounds();
          // `U: ArrayLength<T>`: the model keeps such bounds (src/parse/extract.ts `argBounds`).
          if (this.boundArgs) throw BAIL;
          if (this.boundNames.length) traits = this.boundNames;
          if (this.boundLifetimes.length) outlives = this.boundLifetimes;
        }
        let def: TypeExpr | undefined;
        if (this.atP('=')) {
          this.next();
          def = this.type(0);
        }
        params.push({ kind: 'type', name: identName(t.v), maybeUnsized, ...(def ? { default: def } : {}), ...(traits ? { traits } : {}), ...(outlives ? { outlives } : {}) });
      } else throw BAIL;
      if (this.atP(',')) this.next();
      else if (!this.atP('>')) throw BAIL;
    }
    return { params, present: true };
  }

  /** Const generic default / const argument: literal, `-literal`, `{ expr }` or identifier. */
  private constArg(): ConstExpr {
    const t = this.peek();
    if (this.isP(t, '{')) return this.blockExpr(0);
    if (this.isP(t, '-')) {
      this.next();
      const lit = this.next();
      return { kind: 'unary', op: '-', operand: this.literal(lit) };
    }
    if (t.k === K.Ident && t.v !== 'true' && t.v !== 'false') {
      this.next();
      return { kind: 'path', path: [identName(t.v)], text: t.v };
    }
    return this.literal(this.next());
  }

  private literal(t: Tok): ConstExpr {
    if (t.k === K.Int) {
      const value = parseIntLiteral(t.v);
      if (value === undefined) throw BAIL;
      return { kind: 'int', value, text: t.v };
    }
    if (t.k === K.Char) {
      const value = parseCharLiteral(t.v);
      if (value === undefined) throw BAIL;
      return { kind: 'int', value, text: t.v };
    }
    if (t.k === K.Ident && (t.v === 'true' || t.v === 'false')) return { kind: 'bool', value: t.v === 'true' };
    throw BAIL;
  }

  /**
   * Whether the bounds the last `skipBounds` passed had a `<`: a bound with generic arguments
   * (`U: ArrayLength<T>`), which the model records (tree path), or a form that might be one.
   */
  private boundArgs = false;
  /** The lifetimes other than `'static` among the bounds `skipBounds` last read. */
  private boundLifetimes: string[] = [];

  /**
   * Skips trait bounds up to `,`, `>`, `=`, `{`, `;` at depth 0 (or `where`).
   * Returns true when one of them is `?Sized` (any path ending in `Sized`). The lifetimes other
   * than `'static` among them (`T: 'a`, GenericParam.outlives) go to `boundLifetimes`.
   */
  skipBounds(): boolean {
    this.boundArgs = false;
    this.boundNames = [];
    this.boundLifetimes = [];
    let depth = 0;
    let maybe = false;
    let boundStart = true;
    // The current bound's path, while it is a plain path (`a::Tr`), and its last segment.
    let name: string | undefined;
    let path = '';
    let plain = true;
    const endBound = () => {
      if (plain && name !== undefined) this.boundNames.push(path);
      name = undefined;
      path = '';
      plain = true;
    };
    for (;;) {
      const t = this.peek();
      if (t.k === K.Eof) throw BAIL;
      if (t.k === K.Doc || t.k === K.Attr) throw BAIL;
      if (t.k === K.Punct) {
        const c = t.v;
        if (depth === 0 && (c === ',' || c === '>' || c === '=' || c === '{' || c === ';')) {
          endBound();
          return maybe;
        }
        if (depth === 0 && c !== ':' && c !== '+') plain = false;
        if (depth === 0 && c === ':') path += ':';
        if (depth === 0 && c === '+') endBound();
        if (c === '-' && t.joint && this.isP(this.peek(1), '>')) {
          this.next();
          this.next();
          continue;
        }
        // `Fn(T) -> U` (and `(Tr)`): a bound the model keeps as written (tree path, `otherBounds`),
        // and one that may constrain a parameter (Generics.opaqueBounds).
        if (c === '<' || (c === '(' && depth === 0)) this.boundArgs = true;
        if (c === '(' && depth === 0) this.opaqueBound = true;
        if (c === '(' || c === '[' || c === '<') depth++;
        else if (c === ')' || c === ']' || c === '>') {
          if (depth === 0) throw BAIL;
          depth--;
        } else if (c === '{' || c === '}' || c === ';') throw BAIL;
        if (depth === 0 && c === '?' && boundStart) {
          this.next();
          // `?Clone` (refused by rustc) is recorded by the tree path (Generics.relaxedBound).
          if (!this.maybeSizedPath()) throw BAIL;
          maybe = true;
          boundStart = false;
          continue;
        }
        boundStart = depth === 0 && c === '+';
        this.next();
        continue;
      }
      if (depth === 0 && t.k === K.Ident && t.v === 'where') {
        endBound();
        return maybe;
      }
      if (depth === 0 && boundStart && t.k === K.Ident && t.v === 'for') this.opaqueBound = true;
      // `T: 'static` is kept by the tree path (GenericParam.staticBound).
      if (depth === 0 && t.k === K.Lifetime && t.v === "'static") throw BAIL;
      if (depth === 0 && t.k === K.Lifetime) this.boundLifetimes.push(lifetimeName(t.v));
      if (depth === 0) {
        if (t.k === K.Ident && !KEYWORDS.has(t.v)) {
          name = identName(t.v);
          path += name;
        } else plain = false;
      }
      boundStart = false;
      this.next();
    }
  }

  /** The plain trait bounds (no generic arguments) the last `skipBounds` passed, by last segment. */
  private boundNames: string[] = [];
  /**
   * A bound the model does not keep (`F: FnOnce() -> O`, `for<'a> Fn(&'a T)`) was passed since it
   * was last reset: a type item then goes to the tree path, which marks Generics.opaqueBounds.
   */
  private opaqueBound = false;

  /** After `?`: a path ending in `Sized` and then the end of the bound. */
  private maybeSizedPath(): boolean {
    let last = '';
    if (this.atPathSep()) {
      this.next();
      this.next();
    }
    for (;;) {
      const t = this.expectIdent();
      last = t.v;
      if (this.atPathSep()) {
        this.next();
        this.next();
        continue;
      }
      break;
    }
    const n = this.peek();
    if (n.k === K.Punct && (n.v === '<' || n.v === '(')) return false;
    return last === 'Sized';
  }

  /**
   * Plain trait bounds of the `where` clauses read since the item's start, by parameter name
   * (`withUnsized` adds them to the parameters).
   */
  private whereTraits = new Map<string, string[]>();
  /** Lifetime bounds of the `where` clauses read since the item's start (`T: 'a`), by parameter name. */
  private whereOutlives = new Map<string, string[]>();

  /**
   * The item's generics with what its `where` clauses said of its parameters; a bound on another
   * name (`where Foo: Copy`) is a predicate the tree extractor keeps (Generics.predicates).
   */
  private withWhere(g: { readonly present: boolean; readonly params: GenericParam[] }, unsized: readonly string[]): Generics {
    for (const name of [...unsized, ...this.whereTraits.keys(), ...this.whereOutlives.keys()]) {
      if (!g.params.some((p) => p.kind === 'type' && p.name === name)) throw BAIL;
    }
    const undeclared = this.lifetimeRanges.length ? firstUndeclared(this.freeLifetimesIn(this.lifetimeRanges), g.params) : undefined;
    if (undeclared) return { params: withUnsized(g.params, unsized, this.whereTraits, this.whereOutlives), undeclaredLifetime: undeclared };
    return g.present || unsized.length ? { params: withUnsized(g.params, unsized, this.whereTraits, this.whereOutlives) } : NO_GENERICS;
  }

  /** The text ranges of the item's generics list and where clauses (Generics.undeclaredLifetime). */
  private lifetimeRanges: [number, number][] = [];

  /** The free lifetimes written in the ranges (syntax.ts freeLifetimes), read again with a lexer of their own. */
  private freeLifetimesIn(ranges: readonly (readonly [number, number])[]): string[] {
    const occ: { name: string; binder: boolean }[] = [];
    for (const [a, b] of ranges) {
      const lx = new Lexer(this.text, a, b);
      // Inside `for<..>`: the angle depth, 0 outside.
      let binder = 0;
      for (let t = lx.next(); t.k !== K.Eof; t = lx.next()) {
        if (t.k === K.Lifetime) occ.push({ name: lifetimeName(t.v), binder: binder > 0 });
        else if (t.k === K.Ident && t.v === 'for' && binder === 0) {
          const o = lx.peek();
          if (o.k === K.Punct && o.v === '<') {
            lx.next();
            binder = 1;
          }
        } else if (binder > 0 && t.k === K.Punct) {
          if (t.v === '<') binder++;
          else if (t.v === '>') binder--;
        }
      }
    }
    return freeLifetimes(occ);
  }

  /** A trait object's or fn pointer's free lifetimes (the model's `lifetimes`), as a spreadable part. */
  private typeLifetimes(start: number, end: number): { lifetimes?: readonly string[] } {
    const free = this.freeLifetimesIn([[start, end]]);
    return free.length ? { lifetimes: free } : {};
  }

  /** `where` clause (if present): names of type params bounded by `?Sized`; their plain bounds go to `whereTraits`. */
  whereClause(): string[] {
    if (!this.atIdent('where')) return [];
    const start = this.peek().start;
    const out = this.whereBody();
    this.lifetimeRanges.push([start, this.peek().start]);
    return out;
  }

  private whereBody(): string[] {
    const out: string[] = [];
    this.next();
    for (;;) {
      const t = this.peek();
      if (t.k === K.Eof) return out;
      if (t.k === K.Punct && (t.v === '{' || t.v === ';' || t.v === '=')) return out;
      // A bound on a projection (`T::Out: Sized`, `<T as D>::Out: Copy`), on another type
      // (`Vec<T>: Clone`, `for<'a> &'a T: Tr`) or on a lifetime (`'a: 'b`, which marks the
      // lifetime GenericParam.outlivesStatic) is read from the tree.
      if (!(t.k === K.Ident && this.atP(':', 1) && !this.atPathSep(1))) throw BAIL;
      this.next();
      this.next();
      if (this.skipBounds()) out.push(identName(t.v));
      if (this.boundArgs) throw BAIL;
      if (this.boundNames.length) {
        const name = identName(t.v);
        this.whereTraits.set(name, [...(this.whereTraits.get(name) ?? []), ...this.boundNames]);
      }
      if (this.boundLifetimes.length) {
        const name = identName(t.v);
        this.whereOutlives.set(name, [...(this.whereOutlives.get(name) ?? []), ...this.boundLifetimes]);
      }
      if (this.atP(',')) this.next();
      else if (!(this.atP('{') || this.atP(';') || this.atP('=') || this.atEof())) throw BAIL;
    }
  }

  // ── fields and variants ──
  /**
   * `open item, item, … close` (a trailing comma allowed): each item is parsed by `one` after
   * its doc comments and attributes (`p`, `i` its index). Attributes left before `close` are
   * dropped, as in the tree path. Returns the items and the span from `open` to `close`.
   */
  private delimited<T>(open: string, close: string, one: (p: Pending, i: number) => T): { items: T[]; body: Span } {
    const o = this.expectP(open);
    const items: T[] = [];
    for (;;) {
      const p = this.pending();
      if (this.atP(close)) {
        const c = this.next();
        return { items, body: { start: o.start, end: c.end } };
      }
      items.push(one(p, items.length));
      if (this.atP(',')) this.next();
      else if (!this.atP(close)) throw BAIL;
    }
  }

  namedFields(): { fields: FieldDef[]; body: Span } {
    const { items, body } = this.delimited('{', '}', (p): FieldDef => {
      const v = this.vis();
      const name = this.expectIdent();
      if (NOT_FIELD_NAMES.has(name.v) || EDITION_2018_KEYWORDS.has(name.v)) throw BAIL; // the tree path marks the item
      this.expectP(':');
      const ty = this.type(0);
      const start = p.start >= 0 ? p.start : v ? v.start : name.start;
      return {
        name: identName(name.v),
        nameSpan: { start: name.start, end: name.end },
        span: { start, end: ty.span.end },
        ty,
        attrs: p.attrs,
        cfg: p.cfg,
        ...(v ? { vis: v.text } : {}),
      };
    });
    return { fields: items, body };
  }

  tupleFields(): { fields: FieldDef[]; body: Span } {
    const { items, body } = this.delimited('(', ')', (p, i): FieldDef => {
      const v = this.vis();
      if (v && p.start < 0) p.start = v.start;
      this.noDocOrAttr();
      const ty = this.type(0);
      return {
        name: String(i),
        nameSpan: ty.span,
        span: { start: p.start >= 0 ? p.start : ty.span.start, end: ty.span.end },
        ty,
        attrs: p.attrs,
        cfg: p.cfg,
        ...(v ? { vis: v.text } : {}),
      };
    });
    return { fields: items, body };
  }

  variants(lineOf: (offset: number) => number): { variants: VariantDef[]; body: Span } {
    const { items, body } = this.delimited('{', '}', (p): VariantDef => {
      const v = this.vis();
      const name = this.expectIdent();
      let shape: 'unit' | 'named' | 'tuple' = 'unit';
      let fields: FieldDef[] = [];
      let end = name.end;
      if (this.atP('{')) {
        shape = 'named';
        const r = this.namedFields();
        fields = r.fields;
        end = r.body.end;
      } else if (this.atP('(')) {
        shape = 'tuple';
        const r = this.tupleFields();
        fields = r.fields;
        end = r.body.end;
      }
      let discriminant: ConstExpr | undefined;
      if (this.atP('=')) {
        this.next();
        const e = this.expr(0, 0);
        discriminant = e.e;
        end = e.end;
      }
      const start = p.start >= 0 ? p.start : v ? v.start : name.start;
      return {
        name: identName(name.v),
        nameSpan: { start: name.start, end: name.end },
        span: { start, end },
        line: lineOf(name.start),
        shape,
        fields,
        attrs: p.attrs,
        cfg: p.cfg,
        ...(discriminant ? { discriminant } : {}),
        ...(v ? { vis: v.text } : {}),
      };
    });
    return { variants: items, body };
  }

  // ── types ──
  /** Parses a type. `noBounds`: a `+` after it is not part of it (fn return types). */
  type(depth: number, noBounds = false): TypeExpr {
    if (depth > MAX_DEPTH) throw BAIL;
    this.noDocOrAttr();
    const t = this.peek();
    const start = t.start;
    if (t.k === K.Punct) {
      switch (t.v) {
        case '&': {
          this.next();
          let name = "'_";
          if (this.peek().k === K.Lifetime) name = this.next().v.replace(/^'r#/, "'");
          const elided = name === "'_";
          let mutable = false;
          if (this.atIdent('mut')) {
            this.next();
            mutable = true;
          }
          const inner = this.type(depth + 1, true);
          // (Its end is the last token's: `&'a (dyn Tr + Send)` ends at its `)`.)
          return { kind: 'ref', mutable, inner, span: { start, end: this.lx.lastEnd }, ...(elided ? { elided: true as const } : name !== "'static" ? { lifetime: name } : {}) };
        }
        case '*': {
          this.next();
          const m = this.expectIdent();
          if (m.v !== 'const' && m.v !== 'mut') throw BAIL;
          const inner = this.type(depth + 1, true);
          return { kind: 'ptr', mutable: m.v === 'mut', inner, span: { start, end: this.lx.lastEnd } };
        }
        case '[': {
          this.next();
          const elem = this.type(depth + 1);
          if (this.atP(']')) {
            const close = this.next();
            return { kind: 'slice', elem, span: { start, end: close.end } };
          }
          this.expectP(';');
          const len = this.expr(0, depth + 1).e;
          const close = this.expectP(']');
          return { kind: 'array', elem, len, span: { start, end: close.end } };
        }
        case '(': {
          this.next();
          const elems: TypeExpr[] = [];
          let comma = false;
          for (;;) {
            if (this.atP(')')) break;
            elems.push(this.type(depth + 1));
            if (this.atP(',')) {
              this.next();
              comma = true;
            } else if (!this.atP(')')) throw BAIL;
          }
          const close = this.next();
          if (elems.length === 1 && !comma) {
            // parenthesized type: tree-sitter sees a tuple_type without a comma
            return this.maybeBounds(elems[0]!, depth, noBounds, start, true);
          }
          return { kind: 'tuple', elems, span: { start, end: close.end } };
        }
        case '!': {
          this.next();
          return { kind: 'never', span: { start, end: t.end } };
        }
        case '<': {
          return this.maybeBounds(this.pathType(depth), depth, noBounds, start, false);
        }
        case ':':
          if (this.atPathSep()) return this.maybeBounds(this.pathType(depth), depth, noBounds, start, false);
          throw BAIL;
      }
      throw BAIL;
    }
    if (t.k !== K.Ident) throw BAIL;
    switch (t.v) {
      case '_':
        this.next();
        return { kind: 'infer', span: { start, end: t.end } };
      case 'dyn': {
        this.next();
        const bounds: string[] = [];
        const args: string[] = [];
        const inner: TypeExpr[] = [];
        const lifetimes: string[] = [];
        const sugar: FnSugar[] = [];
        const end = this.bounds(bounds, args, depth, noBounds, inner, lifetimes, sugar);
        const written = dynArgs(args);
        return {
          kind: 'dyn', bounds, ...(written ? { args: written } : {}), ...(inner.length ? { inner } : {}), ...this.typeLifetimes(start, end), ...(lifetimes.length ? { objectLifetime: lifetimes[0]! } : {}), ...(lifetimes.length > 1 ? { secondLifetime: lifetimes[1]! } : {}),
          ...(sugar.length ? { fnSugar: sugar } : {}), span: { start, end },
        };
      }
      case 'impl': {
        this.next();
        const end = this.bounds([], [], depth, noBounds, []);
        return { kind: 'impl', span: { start, end } };
      }
      case 'fn':
      case 'unsafe':
      case 'extern':
      case 'for':
        return this.fnPointer(depth);
    }
    return this.maybeBounds(this.pathType(depth), depth, noBounds, start, false);
  }

  /** After a path type: `Fn(..) -> T` sugar, `m!(..)` macros, `A + B` bare trait objects. */
  private maybeBounds(ty: TypeExpr, depth: number, noBounds: boolean, start: number, parenthesized: boolean): TypeExpr {
    let cur = ty;
    if (!parenthesized && cur.kind === 'path' && !cur.qualified) {
      if (this.atP('!') && !this.peek().joint) {
        if (cur.segments.some((s) => s.args.length)) throw BAIL;
        this.next();
        const end = this.skipGroup();
        return { kind: 'macro', text: short(this.text, start, end), span: { start, end } };
      }
      if (this.atP('(')) {
        if (cur.segments.some((s) => s.args.length)) throw BAIL;
        const inner: TypeExpr[] = [];
        const sugar: FnSugar[] = [];
        const end = this.fnSugar(depth, inner, sugar);
        cur = { kind: 'dyn', bounds: [boundName(this.text.slice(start, end))], ...(inner.length ? { inner } : {}), ...this.typeLifetimes(start, end), fnSugar: sugar, bare: true, span: { start, end } };
      }
    }
    if (noBounds || !this.atP('+')) return cur;
    if (parenthesized) throw BAIL;
    if (cur.kind !== 'path' && cur.kind !== 'dyn') throw BAIL;
    const first = this.text.slice(cur.span.start, cur.span.end);
    const bounds: string[] = cur.kind === 'dyn' ? [...cur.bounds] : [boundName(first)];
    const args: string[] = cur.kind === 'dyn' ? (cur.args ? [...cur.args] : cur.bounds.map(() => '')) : [boundArgs(first)];
    const inner: TypeExpr[] = cur.kind === 'dyn' ? [...(cur.inner ?? [])] : [];
    if (cur.kind === 'path') pathArgTypes(cur, inner);
    let end = cur.span.end;
    const lifetimes: string[] = cur.kind === 'dyn' && cur.objectLifetime ? [cur.objectLifetime] : [];
    const sugar: FnSugar[] = cur.kind === 'dyn' ? [...(cur.fnSugar ?? [])] : [];
    while (this.atP('+')) {
      this.next();
      end = this.oneBound(bounds, args, depth, inner, lifetimes, sugar);
    }
    const written = dynArgs(args);
    const bare = cur.kind === 'path' || cur.bare;
    return {
      kind: 'dyn', bounds, ...(written ? { args: written } : {}), ...(inner.length ? { inner } : {}), ...this.typeLifetimes(start, end), ...(lifetimes.length ? { objectLifetime: lifetimes[0]! } : {}), ...(lifetimes.length > 1 ? { secondLifetime: lifetimes[1]! } : {}),
      ...(sugar.length ? { fnSugar: sugar } : {}), ...(bare ? { bare: true as const } : {}), span: { start, end },
    };
  }

  /** `(args) -> Ret` of `Fn` sugar; returns the end offset. */
  private fnSugar(depth: number, inner: TypeExpr[], sugar?: FnSugar[]): number {
    this.expectP('(');
    const at = inner.length;
    while (!this.atP(')')) {
      if (this.atP('#') || this.atP('.')) throw BAIL;
      inner.push(this.type(depth + 1));
      if (this.atP(',')) this.next();
      else if (!this.atP(')')) throw BAIL;
    }
    const params = inner.length - at;
    let end = this.next().end;
    if (this.atArrow()) {
      this.next();
      this.next();
      const ret = this.type(depth + 1, true);
      if (ret.kind !== 'never') inner.push(ret);
      end = ret.span.end;
    }
    sugar?.push({ at, params, ret: inner.length > at + params });
    return end;
  }

  /** Bounds list after `dyn`/`impl`; returns the end offset. */
  private bounds(out: string[], args: string[], depth: number, noBounds: boolean, inner: TypeExpr[], lifetimes?: string[], sugar?: FnSugar[]): number {
    let end = this.oneBound(out, args, depth, inner, lifetimes, sugar);
    if (noBounds) return end;
    while (this.atP('+')) {
      this.next();
      end = this.oneBound(out, args, depth, inner, lifetimes, sugar);
    }
    return end;
  }

  /** One bound of a list; a lifetime bound goes to `lifetimes` (`dyn Tr + 'a`: DynType.objectLifetime). */
  private oneBound(out: string[], args: string[], depth: number, inner: TypeExpr[], lifetimes?: string[], sugar?: FnSugar[]): number {
    const t = this.peek();
    if (t.k === K.Lifetime) {
      this.next();
      lifetimes?.push(lifetimeName(t.v));
      return t.end;
    }
    const start = t.start;
    if (this.isP(t, '?') || this.isP(t, '(') || this.isP(t, '~')) throw BAIL;
    if (t.k === K.Ident && t.v === 'for') {
      this.next();
      this.expectP('<');
      this.skipAngle();
    }
    const p = this.pathType(depth + 1);
    if (p.kind !== 'path' || p.qualified) throw BAIL;
    pathArgTypes(p, inner);
    let end = p.span.end;
    if (this.atP('(')) end = this.fnSugar(depth, inner, sugar);
    const text = this.text.slice(start, end);
    out.push(boundName(text));
    args.push(boundArgs(text));
    return end;
  }

  private skipAngle(): void {
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.k === K.Eof) throw BAIL;
      if (t.k === K.Punct) {
        if (t.v === '<') depth++;
        else if (t.v === '>') depth--;
        else if (t.v === '{' || t.v === '}' || t.v === ';') throw BAIL;
      }
    }
  }

  /** Skips a balanced group starting at the current `(`/`[`/`{` token; returns its end. */
  private skipGroup(): number {
    const open = this.next();
    if (open.k !== K.Punct || (open.v !== '(' && open.v !== '[' && open.v !== '{')) throw BAIL;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t.k === K.Eof) throw BAIL;
      if (t.k === K.Punct) {
        if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
        else if (t.v === ')' || t.v === ']' || t.v === '}') {
          depth--;
          if (depth === 0) return t.end;
        }
      }
    }
  }

  private fnPointer(depth: number): TypeExpr {
    const start = this.peek().start;
    if (this.atIdent('for')) {
      this.next();
      this.expectP('<');
      this.skipAngle();
    }
    let unsafe = false;
    let abi: string | undefined;
    if (this.atIdent('unsafe')) {
      this.next();
      unsafe = true;
    }
    if (this.atIdent('extern')) {
      this.next();
      abi = 'C';
      if (this.peek().k === K.Other) {
        // The ABI string.
        const lit = this.next();
        const m = /^"([^"\\]*)"$/.exec(this.text.slice(lit.start, lit.end));
        if (!m) throw BAIL;
        abi = m[1]!;
      }
    }
    this.expectIdent('fn');
    this.expectP('(');
    const inner: TypeExpr[] = [];
    while (!this.atP(')')) {
      // Attributes and `...` are left to the tree extractor.
      if (this.atP('#') || this.atP('.')) throw BAIL;
      // `name: T`, `_: T`
      if (this.atIdent() && this.atP(':', 1) && !this.atPathSep(1)) {
        this.next();
        this.next();
      }
      inner.push(this.type(depth + 1));
      if (this.atP(',')) this.next();
      else if (!this.atP(')')) throw BAIL;
    }
    let end = this.next().end;
    const params = inner.length;
    let retNever = false;
    if (this.atArrow()) {
      this.next();
      this.next();
      const ret = this.type(depth + 1, true);
      if (ret.kind !== 'never') inner.push(ret);
      else retNever = true;
      end = ret.span.end;
    }
    return {
      kind: 'fnptr', span: { start, end }, ...(inner.length ? { inner } : {}), params, ...(retNever ? { retNever: true as const } : {}),
      ...(unsafe ? { unsafe: true as const } : {}), ...(abi !== undefined ? { abi } : {}), ...this.typeLifetimes(start, end),
    };
  }

  /** A path type: `a::b::C<T>`, `::std::X`, `<T as Tr>::X`, `Self`. */
  private pathType(depth: number): TypeExpr {
    if (depth > MAX_DEPTH) throw BAIL;
    const start = this.peek().start;
    const segs: MutSeg[] = [];
    let global = false;
    let end = start;
    let qself: { ty: TypeExpr; trait?: string; traitRegions?: true; traitArgs?: readonly GenericArg[] } | undefined;
    if (this.atP('<')) {
      // `<T as Trait>::Assoc` (or `<T>::Assoc`): the bracketed part is one segment named by its
      // text, its self type and trait's last segment kept aside (as the tree path does).
      this.next();
      const ty = this.type(depth + 1);
      let trait: string | undefined;
      let traitRegions = false;
      let traitArgs: readonly GenericArg[] | undefined;
      if (this.atIdent('as')) {
        this.next();
        const from = this.peek().start;
        const t = this.pathType(depth + 1);
        const traitText = this.text.slice(from, t.span.end);
        trait = traitLastSegment(traitText);
        traitRegions = traitPathHasRegions(traitText);
        if (t.kind === 'path') traitArgs = t.segments[t.segments.length - 1]?.args;
      }
      const close = this.expectP('>');
      segs.push({ name: short(this.text, start, close.end), args: EMPTY });
      qself = { ty, ...(trait ? { trait } : {}), ...(traitRegions ? { traitRegions: true as const } : {}), ...(traitArgs?.length ? { traitArgs } : {}) };
      if (!this.atPathSep()) throw BAIL;
    } else if (this.atPathSep()) {
      global = true;
    }
    for (;;) {
      if (segs.length > 0 || global) {
        if (!this.atPathSep()) break;
        this.next();
        this.next();
      }
      const id = this.next();
      if (id.k !== K.Ident) throw BAIL;
      if (KEYWORDS.has(id.v)) throw BAIL;
      const seg: MutSeg = { name: identName(id.v), args: EMPTY };
      end = id.end;
      if (this.atP('<')) {
        const r = this.genericArgs(depth + 1);
        seg.args = r.args;
        end = r.end;
      }
      segs.push(seg);
      if (!this.atPathSep()) break;
      if (this.atP('<', 2)) throw BAIL; // turbofish in a type: tree-sitter reports an error
    }
    return {
      kind: 'path',
      segments: segs.length === 1 && segs[0]!.args === EMPTY ? singleSegment(segs[0]!.name) : (segs as PathSegment[]),
      global,
      ...(qself ? { qualified: true, qself } : {}),
      span: { start, end },
    };
  }


  private genericArgs(depth: number): { args: GenericArg[]; end: number } {
    this.expectP('<');
    const args: GenericArg[] = [];
    for (;;) {
      this.noDocOrAttr();
      const t = this.peek();
      if (this.isP(t, '>')) {
        this.next();
        return { args, end: t.end };
      }
      if (t.k === K.Lifetime) {
        this.next();
        args.push({ kind: 'lifetime', name: t.v.replace(/^'r#/, "'") });
      } else if (this.isP(t, '{')) {
        args.push({ kind: 'const', value: this.blockExpr(depth + 1) });
      } else if (t.k === K.Int || t.k === K.Char || (t.k === K.Ident && (t.v === 'true' || t.v === 'false'))) {
        this.next();
        args.push({ kind: 'const', value: this.literal(t) });
      } else if (this.isP(t, '-')) {
        throw BAIL; // tree-sitter parses `Foo<-1>` with an error node
      } else if (t.k === K.Ident && this.atP('=', 1) && !(this.peek(1).joint && this.atP('=', 2))) {
        this.next();
        this.next();
        args.push({ kind: 'binding', name: identName(t.v), ty: this.type(depth + 1) });
      } else if (t.k === K.Ident && this.atP(':', 1) && !this.atPathSep(1)) {
        // `Foo<T: Bound>` associated constraint: tree-sitter keeps the type, drops the bounds
        const ty = this.type(depth + 1);
        args.push({ kind: 'type', ty });
        this.next();
        this.skipBounds();
      } else {
        args.push({ kind: 'type', ty: this.type(depth + 1) });
      }
      if (this.atP(',')) this.next();
      else if (!this.atP('>')) throw BAIL;
    }
  }

  // ── constant expressions ──
  /** `{ expr }` as a const argument / expression. */
  private blockExpr(depth: number): ConstExpr {
    this.expectP('{');
    const e = this.expr(0, depth + 1).e;
    this.expectP('}');
    return e;
  }

  /** Pratt parser over the constant-expression subset; anything else bails. */
  expr(minPrec: number, depth: number): { e: ConstExpr; end: number } {
    if (depth > MAX_DEPTH) throw BAIL;
    let { e: left, end } = this.unary(depth);
    for (let chain = depth; ; chain++) {
      // left-associative chains nest on the left: bound them like the tree path's recursion
      if (chain > MAX_DEPTH) throw BAIL;
      const op = this.binOp();
      if (!op) break;
      const prec = BIN_PREC[op]!;
      if (prec < minPrec) break;
      this.next();
      if (op === '<<' || op === '>>') this.next();
      if (op === 'as') {
        const ty = this.type(depth + 1, true);
        left = { kind: 'cast', expr: left, ty };
        end = ty.span.end;
        continue;
      }
      const r = this.expr(prec + 1, depth + 1);
      left = { kind: 'binary', op: op as '+', left, right: r.e };
      end = r.end;
    }
    return { e: left, end };
  }

  /** The binary operator at the cursor (joint punctuation combined), if any. */
  private binOp(): string | undefined {
    const t = this.peek();
    if (t.k === K.Ident) return t.v === 'as' ? 'as' : undefined;
    if (t.k !== K.Punct) return undefined;
    const c = t.v;
    const n = t.joint ? this.peek(1) : undefined;
    const nv = n && n.k === K.Punct ? n.v : '';
    if (c === '<' || c === '>') {
      if (nv === c) {
        // `<<` / `>>`, but not `<<=` / `>>=`
        const n2 = this.peek(2);
        if (n!.joint && n2.k === K.Punct && n2.v === '=') throw BAIL;
        return c + c;
      }
      throw BAIL; // comparisons
    }
    if (nv === '=' || (c === '&' && nv === '&') || (c === '|' && nv === '|') || (c === '.' && nv === '.')) throw BAIL;
    if (c === '-' && nv === '>') return undefined;
    if ('+-*/%&|^'.includes(c)) return c;
    if (c === '=' || c === '!' || c === '.' || c === '?') throw BAIL;
    return undefined;
  }

  private unary(depth: number): { e: ConstExpr; end: number } {
    const t = this.peek();
    if (this.isP(t, '&') && this.isP(this.peek(1), '[')) {
      // `&[1, 2]`: a reference to an array (anything else behind `&` is unknown, as in the tree path).
      this.next();
      const r = this.primary(depth + 1);
      const text = short(this.text, t.start, r.end);
      return { e: r.e.kind === 'array' || r.e.kind === 'repeat' ? { kind: 'ref', expr: r.e, text } : { kind: 'unknown', text }, end: r.end };
    }
    if (this.isP(t, '-') || this.isP(t, '!')) {
      this.next();
      const r = this.unary(depth + 1);
      return { e: { kind: 'unary', op: t.v as '-', operand: r.e }, end: r.end };
    }
    return this.primary(depth);
  }

  private primary(depth: number): { e: ConstExpr; end: number } {
    const t = this.peek();
    const start = t.start;
    let r: { e: ConstExpr; end: number };
    if (t.k === K.Int || t.k === K.Char || (t.k === K.Ident && (t.v === 'true' || t.v === 'false'))) {
      this.next();
      r = { e: this.literal(t), end: t.end };
    } else if (this.isP(t, '(')) {
      this.next();
      const inner = this.expr(0, depth + 1);
      const close = this.expectP(')');
      r = { e: inner.e.kind === 'path' ? { ...inner.e, parenthesized: true } : inner.e, end: close.end };
    } else if (this.isP(t, '{')) {
      this.next();
      const inner = this.expr(0, depth + 1);
      const close = this.expectP('}');
      r = { e: inner.e, end: close.end };
    } else if (this.isP(t, '[')) {
      r = this.arrayExpr(depth);
    } else if (t.k === K.Ident || (this.isP(t, ':') && this.atPathSep())) {
      r = this.pathExpr(depth);
    } else throw BAIL;
    // Calls: `path(args)` and `receiver.method(args)`, chained (`x.checked_add(1).unwrap()`).
    for (let chain = 0; ; chain++) {
      if (chain > MAX_DEPTH) throw BAIL;
      const n = this.peek();
      if (this.isP(n, '(') && r.e.kind === 'path' && !r.e.global) {
        const call = this.callArgs(depth);
        r = { e: { kind: 'call', callee: r.e.path, args: call.args, text: short(this.text, start, call.end) }, end: call.end };
        continue;
      }
      const name = this.peek(1);
      if (this.isP(n, '.') && !n.joint && name.k === K.Ident && !name.v.startsWith('r#') && this.isP(this.peek(2), '(')) {
        this.next();
        this.next();
        const call = this.callArgs(depth);
        r = { e: { kind: 'method', receiver: r.e, name: name.v, args: call.args, text: short(this.text, start, call.end) }, end: call.end };
        continue;
      }
      break;
    }
    const n = this.peek();
    if (n.k === K.Punct && (n.v === '(' || n.v === '[' || n.v === '.' || n.v === '?')) throw BAIL;
    if (n.k === K.Punct && n.v === '!' && !(n.joint && this.isP(this.peek(1), '='))) throw BAIL;
    return r;
  }

  /**
   * `[a, b, c]` or `[elem; count]`, as the tree path reads them: a list of more than
   * MAX_ARRAY_ELEMS elements is `unknown` (not lowered). Comments inside go to the tree path
   * (which counts them among the node's children).
   */
  private arrayExpr(depth: number): { e: ConstExpr; end: number } {
    const open = this.peek();
    let commas = 0;
    let angle = false;
    let repeat = false;
    let trailing = true;
    let close: Tok | undefined;
    for (let i = 1, d = 0; ; i++) {
      const q = this.peek(i);
      if (q.k === K.Eof || q.k === K.Attr || q.k === K.Doc) throw BAIL;
      if (q.k === K.Punct) {
        if (q.v === '(' || q.v === '[' || q.v === '{') d++;
        else if (q.v === ')' || q.v === ']' || q.v === '}') {
          if (d === 0) {
            close = q;
            break;
          }
          d--;
        } else if (d === 0 && q.v === ',') {
          commas++;
          trailing = true;
          continue;
        } else if (d === 0 && q.v === ';') repeat = true;
        else if (d === 0 && (q.v === '<' || q.v === '|')) angle = true;
      }
      trailing = false;
    }
    if (!this.isP(close, ']') || /\/[/*]/.test(this.text.slice(open.start, close.end))) throw BAIL;
    const count = commas + (trailing ? 0 : 1);
    const text = short(this.text, open.start, close.end);
    if (!repeat && count > MAX_ARRAY_ELEMS) {
      if (angle) throw BAIL;
      while (this.peek().start < close.end) this.next();
      return { e: { kind: 'unknown', text }, end: close.end };
    }
    this.expectP('[');
    if (repeat) {
      const elem = this.expr(0, depth + 1).e;
      this.expectP(';');
      const count = this.expr(0, depth + 1).e;
      this.expectP(']');
      return { e: { kind: 'repeat', elem, count, text }, end: close.end };
    }
    const elems: ConstExpr[] = [];
    while (!this.atP(']')) {
      elems.push(this.expr(0, depth + 1).e);
      if (!this.atP(',')) break;
      this.next();
    }
    this.expectP(']');
    return { e: { kind: 'array', elems, text }, end: close.end };
  }

  /** `(a, b)` after a callee: the arguments as constant expressions. */
  private callArgs(depth: number): { args: ConstExpr[]; end: number } {
    this.expectP('(');
    const args: ConstExpr[] = [];
    while (!this.atP(')')) {
      if (args.length > MAX_DEPTH) throw BAIL;
      args.push(this.expr(0, depth + 1).e);
      if (!this.atP(',')) break;
      this.next();
    }
    const close = this.expectP(')');
    return { args, end: close.end };
  }

  /** `a::b::C`, or `path::size_of::<T>()`. */
  private pathExpr(depth: number): { e: ConstExpr; end: number } {
    const start = this.peek().start;
    const names: string[] = [];
    const global = this.atPathSep();
    if (global) {
      this.next();
      this.next();
    }
    let end = start;
    for (;;) {
      const id = this.next();
      if (id.k !== K.Ident || EXPR_KEYWORDS.has(id.v)) throw BAIL;
      names.push(identName(id.v));
      end = id.end;
      if (!this.atPathSep()) break;
      this.next();
      this.next();
      if (this.atP('<')) {
        // turbofish: only `size_of::<T>()` / `align_of::<T>()`
        const last = names[names.length - 1];
        if (last !== 'size_of' && last !== 'align_of') throw BAIL;
        const r = this.genericArgs(depth + 1);
        this.expectP('(');
        const close = this.expectP(')');
        const a = r.args[0];
        if (r.args.length !== 1 || !a || a.kind !== 'type') throw BAIL;
        if (this.atPathSep()) throw BAIL;
        return { e: { kind: last === 'size_of' ? 'sizeOf' : 'alignOf', ty: a.ty, callee: names, ...(global ? { global: true as const } : {}) }, end: close.end };
      }
    }
    return { e: { kind: 'path', path: names, text: short(this.text, start, end), ...(global ? { global: true as const } : {}) }, end };
  }

  // ── use trees ──
  useTree(prefix: readonly string[], global: boolean, out: UseEntry[], depth: number): void {
    if (depth > MAX_DEPTH) throw BAIL;
    let g = global;
    const segs: string[] = [];
    if (this.atPathSep()) {
      this.next();
      this.next();
      g = true;
    }
    if (this.atP('{')) {
      this.useList([...prefix], g, out, depth);
      return;
    }
    if (this.atP('*')) {
      this.next();
      out.push(useEntry(prefix, [], g, undefined, true));
      return;
    }
    for (;;) {
      const id = this.expectIdent();
      segs.push(identName(id.v));
      if (!this.atPathSep()) break;
      this.next();
      this.next();
      if (this.atP('{')) {
        this.useList([...prefix, ...segs], g, out, depth);
        return;
      }
      if (this.atP('*')) {
        this.next();
        out.push(useEntry(prefix, segs, g, undefined, true));
        return;
      }
    }
    let alias: string | undefined;
    if (this.atIdent('as')) {
      this.next();
      alias = identName(this.expectIdent().v);
    }
    out.push(useEntry(prefix, segs, g, alias, false));
  }

  private useList(prefix: string[], global: boolean, out: UseEntry[], depth: number): void {
    this.expectP('{');
    for (;;) {
      this.noDocOrAttr();
      if (this.atP('}')) {
        this.next();
        return;
      }
      this.useTree(prefix, global, out, depth + 1);
      if (this.atP(',')) this.next();
      else if (!this.atP('}')) throw BAIL;
    }
  }

  simplePathNames(): string[] {
    const out: string[] = [];
    for (;;) {
      out.push(identName(this.expectIdent().v));
      if (!this.atPathSep()) return out;
      this.next();
      this.next();
    }
  }

  private expectEnd(): void {
    if (this.peek().k !== K.Eof) throw BAIL;
  }

  // ── items ──
  private common(outer: Pending, itemStart: number, itemEnd: number, vis: string | undefined, name: Tok, lineOf: LineOf): ItemCommon {
    const base: ItemCommon = {
      name: identName(name.v),
      nameSpan: { start: name.start, end: name.end },
      span: { start: outer.start >= 0 ? outer.start : itemStart, end: itemEnd },
      line: lineOf(name.start),
      attrs: outer.attrs,
      cfg: outer.cfg,
    };
    return vis === undefined ? base : { ...base, vis };
  }

  structItem(kind: 'struct' | 'union', outer: Pending, itemStart: number, itemEnd: number, lineOf: LineOf): StructDef | UnionDef {
    const h = this.header(kind, 'ident');
    this.opaqueBound = false;
    const g = this.generics();
    this.whereTraits = new Map();
    this.whereOutlives = new Map();
    let unsized = this.whereClause();
    let shape: 'unit' | 'named' | 'tuple' = 'unit';
    let fields: FieldDef[] = [];
    let body: Span | undefined;
    if (this.atP(';') && kind === 'struct') {
      this.next();
    } else if (this.atP('{')) {
      const r = this.namedFields();
      shape = 'named';
      fields = r.fields;
      body = r.body;
    } else if (this.atP('(') && kind === 'struct') {
      const r = this.tupleFields();
      shape = 'tuple';
      fields = r.fields;
      body = r.body;
      unsized = unsized.concat(this.whereClause());
      this.expectP(';');
    } else throw BAIL;
    this.expectEnd();
    if (this.opaqueBound) throw BAIL;
    const base = this.common(outer, itemStart, itemEnd, h.vis, h.name, lineOf);
    const generics = this.withWhere(g, unsized);
    const repr = outer.repr ?? EMPTY_REPR;
    if (kind === 'union') {
      const u: UnionDef = { kind: 'union', ...base, generics, repr, fields, ...(body ? { bodySpan: body } : {}) };
      return u;
    }
    const st: StructDef = { kind: 'struct', ...base, shape, generics, repr, fields, ...(body ? { bodySpan: body } : {}) };
    return st;
  }

  enumItem(outer: Pending, itemStart: number, itemEnd: number, lineOf: LineOf): EnumDef {
    const h = this.header('enum', 'ident');
    this.opaqueBound = false;
    const g = this.generics();
    this.whereTraits = new Map();
    this.whereOutlives = new Map();
    const unsized = this.whereClause();
    if (this.opaqueBound) throw BAIL;
    const r = this.variants(lineOf);
    this.expectEnd();
    return {
      kind: 'enum',
      ...this.common(outer, itemStart, itemEnd, h.vis, h.name, lineOf),
      generics: this.withWhere(g, unsized),
      repr: outer.repr ?? EMPTY_REPR,
      variants: r.variants,
      bodySpan: r.body,
    };
  }

  typeAlias(outer: Pending, itemStart: number, itemEnd: number, lineOf: LineOf): TypeAliasDef {
    const h = this.header('type', 'ident');
    this.opaqueBound = false;
    const g = this.generics();
    this.whereTraits = new Map();
    this.whereOutlives = new Map();
    if (this.atP(':') && !this.atPathSep()) {
      this.next();
      this.skipBounds();
    }
    let unsized = this.whereClause();
    let ty: TypeExpr | undefined;
    if (this.atP('=')) {
      this.next();
      ty = this.type(0);
      unsized = unsized.concat(this.whereClause());
    }
    this.expectP(';');
    this.expectEnd();
    if (this.opaqueBound) throw BAIL;
    return {
      kind: 'alias',
      ...this.common(outer, itemStart, itemEnd, h.vis, h.name, lineOf),
      generics: this.withWhere(g, unsized),
      ...(ty ? { ty } : {}),
    };
  }

  constItem(kind: 'const' | 'static', outer: Pending, itemStart: number, itemEnd: number, lineOf: LineOf): ConstDef {
    const v = this.vis();
    this.expectIdent(kind);
    if (kind === 'static' && this.atIdent('mut')) this.next();
    const name = this.expectIdent();
    this.expectP(':');
    const ty = this.type(0);
    let value: ConstExpr | undefined;
    if (this.atP('=')) {
      this.next();
      value = this.opaqueValue() ?? this.expr(0, 0).e;
    }
    this.expectP(';');
    this.expectEnd();
    return {
      kind,
      ...this.common(outer, itemStart, itemEnd, v?.text, name, lineOf),
      ty,
      ...(value ? { value } : {}),
    };
  }

  /**
   * A const/static value that the tree path turns into one `unknown` as a whole: a string or
   * float literal, `&[..]`/`&(..)`/`[..]`/`(..)` or a struct literal `Path { .. }`, followed
   * directly by the final `;`. (A call `path(..)` is read by the expression parser.) Returns undefined (nothing consumed)
   * for anything else.
   */
  private opaqueValue(): ConstExpr | undefined {
    let i = 0;
    const first = this.peek(0);
    // Arrays (`[0; 4]`, `&[1, 2]`) are read as expressions.
    if (this.isP(first, '[') || (this.isP(first, '&') && this.isP(this.peek(1), '['))) return undefined;
    const start = first.start;
    let t = first;
    if (t.k === K.Other) {
      i = 1;
    } else {
      if (this.isP(t, '&')) {
        i++;
        if (this.atIdent('mut', i)) i++;
        t = this.peek(i);
        if (!(this.isP(t, '[') || this.isP(t, '('))) return undefined;
      } else if (t.k === K.Ident && !EXPR_KEYWORDS.has(t.v) && t.v !== 'self' && t.v !== 'super' && t.v !== 'crate') {
        // path(..) or Path { .. }
        i++;
        while (this.atPathSep(i) && this.peek(i + 2).k === K.Ident) i += 3;
        t = this.peek(i);
        // `path(..)` is a call, read as one (src/core/intMethods.ts); `Path { .. }` stays opaque.
        if (!this.isP(t, '{')) return undefined;
      } else if (!(this.isP(t, '[') || this.isP(t, '('))) return undefined;
      // skip one balanced group by peeking
      let depth = 0;
      for (;;) {
        const q = this.peek(i++);
        if (q.k === K.Eof) return undefined;
        if (q.k === K.Punct) {
          if (q.v === '(' || q.v === '[' || q.v === '{') depth++;
          else if (q.v === ')' || q.v === ']' || q.v === '}') {
            depth--;
            if (depth === 0) break;
          }
        }
      }
      if (this.isP(first, '(')) return undefined; // `(a)` is parenthesized, `(a, b)` a tuple: leave to the tree
    }
    const last = this.peek(i - 1);
    if (!this.atP(';', i) || this.peek(i + 1).k !== K.Eof) return undefined;
    while (i-- > 0) this.next();
    const text = short(this.text, start, last.end);
    // A string literal: its length (`const NAME: &str = "abc";`, then `[u8; NAME.len()]`).
    const str = first.k === K.Other && /^b?r?[#"]/.test(this.text.slice(start, start + 3)) ? stringLiteralLen(this.text.slice(start, last.end)) : undefined;
    return str ? { kind: 'str', len: str.len, bytes: str.bytes, text } : { kind: 'unknown', text };
  }

  useItem(outer: Pending, itemStart: number, itemEnd: number): UseDef {
    const v = this.vis();
    this.expectIdent('use');
    const entries: UseEntry[] = [];
    this.useTree([], false, entries, 0);
    this.expectP(';');
    this.expectEnd();
    return {
      kind: 'use',
      entries,
      ...(v ? { vis: v.text } : {}),
      span: { start: outer.start >= 0 ? outer.start : itemStart, end: itemEnd },
      cfg: outer.cfg,
    };
  }

  externCrate(outer: Pending, itemStart: number, itemEnd: number): ExternCrateDef {
    const v = this.vis();
    this.expectIdent('extern');
    this.expectIdent('crate');
    const crate = identName(this.expectIdent().v);
    let alias: string | undefined;
    if (this.atIdent('as')) {
      this.next();
      alias = identName(this.expectIdent().v);
    }
    this.expectP(';');
    this.expectEnd();
    return {
      kind: 'externCrate',
      crate,
      ...(alias !== undefined ? { alias } : {}),
      ...(v ? { vis: v.text } : {}),
      span: { start: outer.start >= 0 ? outer.start : itemStart, end: itemEnd },
      cfg: outer.cfg,
      ...(outer.attrs.some((a) => a.name === 'macro_use') ? { macroUse: true } : {}),
    };
  }

  /** `mod m;` or the header of `mod m { .. }` (the body is walked by the caller). */
  modHeader(outer: Pending, itemStart: number, itemEnd: number, lineOf: LineOf): { common: ItemCommon; inline: boolean } {
    const h = this.header('mod', 'ident');
    if (this.atP('{')) return { common: this.common(outer, itemStart, itemEnd, h.vis, h.name, lineOf), inline: true };
    this.expectP(';');
    this.expectEnd();
    return { common: this.common(outer, itemStart, itemEnd, h.vis, h.name, lineOf), inline: false };
  }

  traitItem(outer: Pending, itemStart: number, itemEnd: number, lineOf: LineOf): TraitDef {
    // Associated types declared `?Sized` are read from the tree.
    if (/\?\s*Sized/.test(this.text.slice(itemStart, itemEnd))) throw BAIL;
    const h = this.header('trait', 'ident');
    // Generics, supertraits and a where clause (TraitDef.superTraits) are read from the tree, and
    // so are the items of a body (TraitDef.dyn).
    if (!this.atP('{') || !this.atP('}', 1)) throw BAIL;
    return { kind: 'trait', ...this.common(outer, itemStart, itemEnd, h.vis, h.name, lineOf) };
  }
}

interface MutSeg {
  name: string;
  args: readonly GenericArg[];
}

const BIN_PREC: Record<string, number> = {
  as: 11,
  '*': 10,
  '/': 10,
  '%': 10,
  '+': 9,
  '-': 9,
  '<<': 8,
  '>>': 8,
  '&': 7,
  '^': 6,
  '|': 5,
};

const KEYWORDS: ReadonlySet<string> = new Set(['as', 'fn', 'dyn', 'impl', 'mut', 'const', 'where', 'for', 'unsafe', 'extern', 'struct', 'enum', 'union', 'type', 'pub', 'in', 'let', 'if', 'else', 'match', 'move', 'ref', 'return', 'static', 'trait', 'use', 'mod', 'loop', 'while', 'break', 'continue', 'async', 'await']);
const EXPR_KEYWORDS: ReadonlySet<string> = new Set([...KEYWORDS, 'true', 'false', '_']);


export type LineOf = (offset: number) => number;
