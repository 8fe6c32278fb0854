/**
 * Pure text helpers shared by the tree path (`extract.ts`) and the fast path (`fast.ts`),
 * so both produce byte-identical model objects.
 */
import type { Attribute, CfgPredicate, GenericArg, GenericParam, Generics, PathSegment, Repr, TypeExpr, UseEntry } from '../core/model';
import { ownString } from '../core/model';
import { cfgAttrCondition, keyValueString, mergeRepr, parseCfgAttr, emptyRepr, tokenize, type MutableRepr } from '../core/attrs';

/**
 * One shared frozen empty array: most fields have no docs, attributes, cfg or generic
 * arguments, and the model is read-only, so they all share it (the model is most of the
 * extractor's allocations, and allocation is most of its cost).
 */
export const EMPTY: readonly never[] = Object.freeze([]);

/** Appends to a possibly shared empty array. */
export function append<T>(arr: readonly T[], x: T): readonly T[] {
  if (arr === EMPTY) return [x];
  (arr as T[]).push(x);
  return arr;
}

/** Attributes and doc comments seen before the item (field, variant) they belong to. */
export interface Pending {
  start: number;
  attrs: readonly Attribute[];
  cfg: readonly CfgPredicate[];
  repr: MutableRepr | undefined;
  pathAttr: string | undefined;
  /** An attribute among them that does not parse (`#[repr(C]`), as written. */
  broken: string | undefined;
}

export function newPending(): Pending {
  return { start: -1, attrs: EMPTY, cfg: EMPTY, repr: undefined, pathAttr: undefined, broken: undefined };
}

const segmentCache = new Map<string, readonly PathSegment[]>();
/** `[{ name, args: [] }]`, shared per name (primitive and simple type names repeat a lot). */
/** A trait path as written (`linked_list::Link<u8>`) to its last segment's name (`Link`), or undefined. */
export function traitLastSegment(text: string): string | undefined {
  return text.replace(/<[\s\S]*$/, '').replace(/\s+/g, '').split('::').pop() || undefined;
}

export function singleSegment(name: string): readonly PathSegment[] {
  let segs = segmentCache.get(name);
  if (!segs) {
    // A copy of the name: the cache outlives the text it was read from.
    segs = Object.freeze([Object.freeze({ name: ownString(name), args: EMPTY as readonly GenericArg[] })]);
    if (segmentCache.size < 4096) segmentCache.set(name, segs);
  }
  return segs;
}

export const EMPTY_REPR: Repr = Object.freeze({
  c: false,
  transparent: false,
  simd: false,
  unknown: Object.freeze([]) as readonly string[],
});
export const NO_GENERICS: Generics = Object.freeze({ params: Object.freeze([]) as readonly GenericParam[] });

export function attrInnerText(raw: string): string {
  let s = raw.replace(/^#\s*!?\s*\[/, '');
  if (s.endsWith(']')) s = s.slice(0, -1);
  return s.trim();
}

export const ATTR_NAME = /^\s*((?:r#)?[A-Za-z_][A-Za-z0-9_]*(?:\s*::\s*(?:r#)?[A-Za-z_][A-Za-z0-9_]*)*)/;

/** An Attribute from the source text of a whole `#[...]` (or `#![...]`). */
export function makeAttribute(raw: string, start: number, end: number): Attribute {
  const text = attrInnerText(raw);
  const m = ATTR_NAME.exec(text);
  const name = m ? m[1]!.replace(/\s+/g, '') : '';
  return { name, text, span: { start, end } };
}

/** Records an outer attribute `#[...]` (source text `raw` at `start..end`) into `p`. */
export function addAttrText(p: Pending, raw: string, start: number, end: number): void {
  if (p.start < 0) p.start = start;
  const a = makeAttribute(raw, start, end);
  p.attrs = append(p.attrs, a);
  switch (a.name) {
    case 'cfg':
      p.cfg = append(p.cfg, parseCfgAttr(a.text));
      break;
    case 'cfg_attr': {
      // `#[cfg_attr(p, cfg(q))]`: the item is there unless p holds and q does not.
      const c = cfgAttrCondition(a.text);
      if (c) p.cfg = append(p.cfg, c);
      break;
    }
    case 'repr':
      mergeRepr((p.repr ??= emptyRepr()), a.text);
      break;
    case 'path': {
      // The first `#[path]` is the one rustc reads (it warns about the others).
      const v = keyValueString(a.text);
      if (v !== undefined && p.pathAttr === undefined) p.pathAttr = v;
      break;
    }
  }
}

/** Records a comment (source text `raw` at `start`) into `p` if it is an outer doc comment. */
export function addCommentText(p: Pending, raw: string, start: number): void {
  const doc = outerDocText(raw);
  if (doc === undefined) return;
  if (p.start < 0) p.start = start;
}

/** Outer doc comment text (`///` lines, `/** ... *\/` blocks) with markers stripped, or undefined. */
export function outerDocText(raw: string): string | undefined {
  if (raw.startsWith('///')) {
    if (raw.startsWith('////')) return undefined;
    let s = raw.slice(3).replace(/\r?\n$/, '');
    if (s.startsWith(' ')) s = s.slice(1);
    return s;
  }
  if (raw.startsWith('/**')) {
    if (raw.startsWith('/***') || raw === '/**/') return undefined;
    let s = raw.slice(3);
    if (s.endsWith('*/')) s = s.slice(0, -2);
    const lines = s.split(/\r?\n/);
    const out = lines.map((l, i) => (i === 0 ? l : l.replace(/^\s*\* ?/, '')));
    while (out.length > 1 && out[0]!.trim() === '') out.shift();
    while (out.length > 1 && out[out.length - 1]!.trim() === '') out.pop();
    const joined = out.join('\n').trimEnd();
    return joined.startsWith(' ') ? joined.slice(1) : joined;
  }
  return undefined;
}

/** `pub ( crate )` → `pub(crate)`. */
export function visNormalize(s: string): string {
  if (s === 'pub') return s;
  return s
    .replace(/\s+/g, ' ')
    .replace(/ *\( */g, '(')
    .replace(/ *\) */g, ')');
}

/** The written path of a trait bound, without `for<..>`, `?`, generic arguments or `Fn` sugar. */
export function boundName(s: string): string {
  let t = s.replace(/^\s*for\s*<[^>]*>\s*/, '').replace(/^\?\s*/, '');
  const lt = t.search(/[<(]/);
  if (lt >= 0) t = t.slice(0, lt);
  return t.replace(/\s+/g, '');
}

/**
 * A trait bound's generic arguments as written, whitespace runs made one space: `Iterator<Item =
 * u8>` → `Item = u8`; '' for none (and for `Fn(..)` sugar).
 */
export function boundArgs(s: string): string {
  const t = s.replace(/^\s*for\s*<[^>]*>\s*/, '');
  const at = t.search(/[<(]/);
  if (at < 0 || t[at] !== '<') return '';
  let depth = 0;
  for (let i = at; i < t.length; i++) {
    if (t[i] === '<') depth++;
    else if (t[i] === '>' && t[i - 1] !== '-' && --depth === 0) return t.slice(at + 1, i).replace(/\s+/g, ' ').trim();
  }
  return t.slice(at + 1).replace(/\s+/g, ' ').trim();
}

/** `args` for a dyn type's model: undefined when every bound has none. */
export function dynArgs(args: readonly string[]): readonly string[] | undefined {
  return args.some((a) => a !== '') ? args : undefined;
}

/**
 * Words no field may be named, in every edition (strict and reserved keywords, `_`): rustc's
 * parser refuses `pub self: u8`, `type: u8`, `_: u8` where tree-sitter reads a field name.
 * (`async`, `await`, `dyn`, `try` are names in 2015; `union` is a name everywhere.)
 */
export const NOT_FIELD_NAMES: ReadonlySet<string> = new Set(
  'as break const continue crate else enum extern false fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait true type unsafe use where while abstract become box do final macro override priv typeof unsized virtual yield _'.split(' '),
);

/**
 * Words that name a field only before the edition that made them keywords: 2018 for `async`,
 * `await`, `dyn` and `try`, 2024 for `gen` (the engine knows which: keywordEdition).
 */
export const EDITION_2018_KEYWORDS: ReadonlySet<string> = new Set(['async', 'await', 'dyn', 'try', 'gen']);

/** The types a path's generic arguments and bindings name (`Iterator<Item = u8>` → `u8`), appended to `out`. */
export function pathArgTypes(te: TypeExpr, out: TypeExpr[]): void {
  if (te.kind !== 'path') return;
  for (const seg of te.segments) for (const a of seg.args) if (a.kind === 'type' || a.kind === 'binding') out.push(a.ty);
}

/** A lifetime as declared: the raw `'r#a` is `'a`. */
export function lifetimeName(raw: string): string {
  return raw.startsWith("'r#") ? `'${raw.slice(3)}` : raw;
}

/**
 * The free lifetimes among a type's or a generics list's lifetime occurrences, in order and once
 * each: those a `for<..>` there binds (`binder`), `'static` and `'_` are left out. A binder counts
 * for the whole text, a little wider than rustc's scope, so a lifetime is never called free
 * where rustc binds it.
 */
export function freeLifetimes(occurrences: readonly { readonly name: string; readonly binder: boolean }[]): string[] {
  const bound = new Set(["'static", "'_"]);
  for (const o of occurrences) if (o.binder) bound.add(o.name);
  const out: string[] = [];
  for (const o of occurrences) if (!bound.has(o.name) && !out.includes(o.name)) out.push(o.name);
  return out;
}

/** The first of a generics list's free lifetimes (freeLifetimes) its parameters do not declare. */
export function firstUndeclared(free: readonly string[], params: readonly GenericParam[]): string | undefined {
  return free.find((l) => !params.some((p) => p.kind === 'lifetime' && p.name === l));
}

export function identName(s: string): string {
  return s.startsWith('r#') ? s.slice(2) : s;
}

const INT_SUFFIX = /(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)$/;

/** Value of a Rust integer literal (`0x1F`, `0b1010_u8`, `1_000i64`), or undefined. */
export function parseIntLiteral(raw: string): bigint | undefined {
  let s = raw.replace(/_/g, '');
  const m = INT_SUFFIX.exec(s);
  if (m) s = s.slice(0, m.index);
  if (!s) return undefined;
  let digits = s;
  let ok: RegExp;
  let prefix = '';
  if (s.startsWith('0x')) {
    digits = s.slice(2);
    ok = /^[0-9a-fA-F]+$/;
    prefix = '0x';
  } else if (s.startsWith('0o')) {
    digits = s.slice(2);
    ok = /^[0-7]+$/;
    prefix = '0o';
  } else if (s.startsWith('0b')) {
    digits = s.slice(2);
    ok = /^[01]+$/;
    prefix = '0b';
  } else {
    ok = /^[0-9]+$/;
  }
  if (!ok.test(digits)) return undefined;
  return BigInt(prefix + digits);
}

/** Code point of a char/byte literal (`'a'`, `b'\n'`, `'\u{1F600}'`), or undefined. */
export function parseCharLiteral(raw: string): bigint | undefined {
  const toks = tokenize(raw.replace(/^b?'/, '"').replace(/'$/, '"'));
  const first = toks[0];
  if (!first || first.t !== 'str' || toks.length !== 1) return undefined;
  const cp = first.v.codePointAt(0);
  if (cp === undefined) return undefined;
  if (first.v.length !== (cp > 0xffff ? 2 : 1)) return undefined;
  return BigInt(cp);
}

export function useEntry(
  prefix: readonly string[],
  segs: readonly string[],
  global: boolean,
  alias: string | undefined,
  glob: boolean,
): UseEntry {
  let path = [...prefix, ...segs];
  // `a::{self}` / `a::{self as b}` import `a` itself
  if (path.length > 1 && path[path.length - 1] === 'self' && prefix.length > 0 && segs.length === 1) path = path.slice(0, -1);
  return { path, ...(alias !== undefined ? { alias } : {}), glob, global };
}

/** Bounded text for unknowns and diagnostics. */
export const SHORT_TEXT = 200;
export function shortText(text: string, start: number, end: number): string {
  if (end - start <= SHORT_TEXT) return text.slice(start, end);
  return text.slice(start, start + SHORT_TEXT) + '…';
}

/** Marks type params named in `names` as `?Sized`, and adds the where clauses' plain trait bounds (`traits`) and lifetime bounds (`outlives`) by name. */
export function withUnsized(params: GenericParam[], names: readonly string[], traits?: ReadonlyMap<string, readonly string[]>, outlives?: ReadonlyMap<string, readonly string[]>): GenericParam[] {
  if (!names.length && !traits?.size && !outlives?.size) return params;
  return params.map((p) => {
    if (p.kind !== 'type') return p;
    const more = traits?.get(p.name);
    const longer = outlives?.get(p.name);
    const unsized = names.includes(p.name);
    if (!more && !unsized && !longer) return p;
    return {
      ...p, ...(unsized ? { maybeUnsized: true } : {}), ...(more ? { traits: p.traits ? [...p.traits, ...more] : more } : {}),
      ...(longer ? { outlives: p.outlives ? [...p.outlives, ...longer] : longer } : {}),
    };
  });
}

export { tokenize };

/**
 * Whether a trait path as written (`Tr6<'static>`, `Tr<&'a u8>`, `Tr<Box<dyn Fn()>>`) names a
 * lifetime or holds a reference or a trait object (see the model's `qself.traitRegions`).
 */
export function traitPathHasRegions(text: string): boolean {
  const args = text.indexOf('<');
  return args >= 0 && /'[A-Za-z_]\w*(?!')|&|\bdyn\b/.test(text.slice(args));
}

/** The bytes a code point takes in UTF-8. */
function utf8Len(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * A string literal's length in bytes, as rustc reads it: `"héllo"` is 6 (UTF-8), `b"xyz"` 3,
 * escapes (`\n`, `\x41`, `\u{e9}`, a `\` before a line break skipping the break and the
 * whitespace after it) counted as what they stand for, raw strings (`r#"a"#`, `br"a"`) as written.
 * Undefined for C strings, a carriage return anywhere (rustc reads `\r\n` as one line break) and
 * anything rustc would reject (an unknown escape, `\x80` in a string, a non-ASCII byte-string character).
 */
export function stringLiteralLen(text: string): { len: number; bytes: boolean } | undefined {
  if (text.includes('\r')) return undefined;
  const raw = /^(b?)r(#*)"/.exec(text);
  if (raw) {
    const bytes = raw[1] === 'b';
    const close = '"' + raw[2];
    if (!text.endsWith(close) || text.length < raw[0].length + close.length) return undefined;
    const body = text.slice(raw[0].length, text.length - close.length);
    let len = 0;
    for (const ch of body) {
      const cp = ch.codePointAt(0)!;
      if (bytes && cp > 0x7f) return undefined;
      len += utf8Len(cp);
    }
    return { len, bytes };
  }
  const m = /^(b?)"/.exec(text);
  if (!m || !text.endsWith('"') || text.length < m[0].length + 1) return undefined;
  const bytes = m[1] === 'b';
  const body = text.slice(m[0].length, -1);
  let len = 0;
  for (let i = 0; i < body.length; ) {
    const cp = body.codePointAt(i)!;
    if (cp !== 0x5c) {
      if (cp === 0x22 || (bytes && cp > 0x7f)) return undefined;
      len += utf8Len(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const c = body[i + 1];
    if (c === undefined) return undefined;
    if ('nrt\\0\'"'.includes(c)) {
      len += 1;
      i += 2;
    } else if (c === 'x') {
      const hex = /^[0-9a-fA-F]{2}/.exec(body.slice(i + 2, i + 4))?.[0];
      if (!hex || (!bytes && parseInt(hex, 16) > 0x7f)) return undefined;
      len += 1;
      i += 4;
    } else if (c === 'u' && !bytes) {
      const u = /^\{([0-9a-fA-F][0-9a-fA-F_]*)\}/.exec(body.slice(i + 2));
      if (!u) return undefined;
      const digits = u[1]!.replace(/_/g, '');
      if (digits.length > 6) return undefined;
      const v = parseInt(digits, 16);
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      len += utf8Len(v);
      i += 2 + u[0].length;
    } else if (c === '\n') {
      i += 2;
      while (i < body.length && ' \t\n'.includes(body[i]!)) i++;
    } else return undefined;
  }
  return { len, bytes };
}
