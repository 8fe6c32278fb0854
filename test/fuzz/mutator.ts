/**
 * A deterministic mutator over the Rust sources of test/fixtures, for the robustness fuzz
 * (issue 3): `fuzzInput(corpus, i)` is the i-th input, a function of the index alone, so a
 * failure is reproduced from its index on any machine.
 *
 * An input is a small base (a whole small fixture file, or a run of a few top-level items cut out
 * of a large one, sometimes spliced with a run from another fixture and sometimes wrapped in a
 * module) with 1 to 5 mutations applied: truncation, deletion / duplication / swap of token spans
 * or lines, insertion of random tokens and Rust fragments (items, attributes, `[u8; 1 << 62]`,
 * recursive types, deep nesting, huge constants, unicode identifiers), identifier and number
 * replacement, CRLF line ends.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rng } from '../oracle/prng';

export interface Corpus {
  /** Small fixture files, whole. */
  readonly files: readonly string[];
  /** Top-level items (attributes and doc comments included) of every fixture, in file order. */
  readonly pieces: readonly string[];
  /** Where each fixture's run of pieces starts in `pieces` (for runs of consecutive items). */
  readonly runs: ReadonlyArray<{ readonly start: number; readonly end: number; readonly header: string }>;
  /** Identifiers seen in the fixtures (for replacements). */
  readonly idents: readonly string[];
}

/** Files above this size are cut into pieces rather than used whole. */
const WHOLE_FILE_MAX = 3000;
/** A piece longer than this is cut down to its first lines (the generated layout-check arrays). */
const PIECE_MAX = 2500;

/** Every `.rs` file under `dir`, sorted (the corpus must not depend on directory order). */
function rustFiles(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) rustFiles(p, out);
    else if (name.endsWith('.rs')) out.push(p);
  }
  return out;
}

/**
 * Splits a file into its top-level items by bracket depth, line by line (good enough for the
 * generated fixtures; a wrong cut only gives the fuzzer another input). The items of a
 * `mod x { ... }` block are split too and follow the block's own piece.
 */
export function splitItems(text: string): { header: string; items: string[] } {
  const lines = text.split('\n');
  const header: string[] = [];
  const items: string[] = [];
  let cur: string[] = [];
  let depth = 0;
  let i = 0;
  // The leading `use`, `#![...]` and comment lines form the header of every run from this file.
  while (i < lines.length && /^\s*(use |#!\[|\/\/(?!\/)|$)/.test(lines[i]!)) header.push(lines[i++]!);
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    cur.push(line);
    depth += bracketDelta(line);
    const opensAttr = /^\s*(#\[|\/\/\/|\/\*\*)/.test(line);
    if (depth <= 0 && !opensAttr && line.trim() !== '') {
      depth = 0;
      pushItem(items, cur.join('\n'));
      cur = [];
    }
  }
  if (cur.some((l) => l.trim())) pushItem(items, cur.join('\n'));
  return { header: header.join('\n'), items };
}

function pushItem(items: string[], item: string): void {
  const m = /^((?:\s*(?:#\[[^\n]*\]|\/\/[^\n]*)\n)*)\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+[A-Za-z_]\w*\s*\{\n([\s\S]*)\n\s*\}\s*$/.exec(item);
  if (m) {
    // the module as a whole (cut down if long), then its items one by one, dedented
    items.push(cutDown(item));
    const inner = m[2]!.replace(/^ {4}/gm, '');
    for (const it of splitItems(inner).items) items.push(cutDown(it));
    return;
  }
  items.push(cutDown(item));
}

function cutDown(item: string): string {
  if (item.length <= PIECE_MAX) return item;
  const lines = item.split('\n');
  let out = '';
  for (const l of lines) {
    if (out.length + l.length > PIECE_MAX) break;
    out += l + '\n';
  }
  return out + lines[lines.length - 1];
}

function bracketDelta(line: string): number {
  let d = 0;
  // strings and comments are rare in the fixtures; skip line comments and simple strings
  const s = line.replace(/\/\/.*$/, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const c of s) {
    if (c === '{' || c === '(' || c === '[') d++;
    else if (c === '}' || c === ')' || c === ']') d--;
  }
  return d;
}

/** Reads and splits every Rust source under test/fixtures. */
export function loadCorpus(repoRoot: string): Corpus {
  const files: string[] = [];
  const pieces: string[] = [];
  const runs: Array<{ start: number; end: number; header: string }> = [];
  const idents = new Set<string>();
  for (const f of rustFiles(path.join(repoRoot, 'test/fixtures'))) {
    const text = fs.readFileSync(f, 'utf8');
    if (text.length <= WHOLE_FILE_MAX) files.push(text);
    const { header, items } = splitItems(text);
    if (!items.length) continue;
    const start = pieces.length;
    pieces.push(...items);
    runs.push({ start, end: pieces.length, header });
    for (const m of text.matchAll(/\b[A-Za-z_]\w*\b/g)) if (idents.size < 4000) idents.add(m[0]);
  }
  if (!files.length || !pieces.length) throw new Error('no Rust fixtures found under test/fixtures');
  return { files, pieces, runs, idents: [...idents].sort() };
}

// ── fragments ───────────────────────────────────────────────────────────────────────────────

const TOKENS = [
  '{', '}', '(', ')', '[', ']', '<', '>', '<<', '>>', ';', ',', ':', '::', '=', '=>', '->', '&', '&mut ', '*const ', '*mut ',
  "'a", "'static ", '#', '#[', '#![', '!', '?', '.', '..', '-', '+', '*', '/', '%', '|', '^', '_',
  'struct ', 'enum ', 'union ', 'type ', 'const ', 'static ', 'mod ', 'use ', 'pub ', 'pub(crate) ', 'impl ', 'fn ', 'trait ', 'where ',
  'dyn ', 'extern ', 'crate', 'super', 'self', 'Self', 'as ', 'unsafe ', 'macro_rules! ', 'r#type', 'async ',
  'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i128', 'isize', 'f32', 'f64', 'bool', 'char', 'str', '()', '!',
  'Box<', 'Option<', 'Vec<', 'PhantomData<', 'ManuallyDrop<', 'MaybeUninit<', 'NonZero<', 'Cell<', 'Rc<', 'String',
  '0', '1', '255', '256', '-1', '1 << 62', '1 << 63', '1 << 64', 'usize::MAX', 'u128::MAX', 'i64::MIN',
  '18446744073709551615', '340282366920938463463374607431768211456', '0x7fff_ffff_ffff_ffff', '0b1_0000', '1e10', '1.5',
  '"', "'", 'r#"', '"#', '/*', '*/', '//', '///', '//!', '/**', '\n', '\r\n', '\r', '\t', ' ', '\\',
  'é', 'ñame', '变量', 'Ωmega', '😀', '\u0000', '\uFEFF', '\u200B', '\u2028',
];

const ATTRS = [
  '#[repr(C)]', '#[repr(packed)]', '#[repr(packed(2))]', '#[repr(align(8))]', '#[repr(align(4096))]', '#[repr(align(536870912))]',
  '#[repr(align(1073741824))]', '#[repr(align(3))]', '#[repr(align(0))]', '#[repr(u8)]', '#[repr(i128)]', '#[repr(usize)]',
  '#[repr(transparent)]', '#[repr(C, u16)]', '#[repr(C, packed)]', '#[repr(simd)]', '#[repr(Rust)]', '#[repr()]', '#[repr]',
  '#[repr(packed, align(4))]', '#[cfg(target_pointer_width = "32")]', '#[cfg(not(target_arch = "x86_64"))]', '#[cfg(any())]',
  '#[cfg(all())]', '#[cfg(feature = "x")]', '#[cfg_attr(target_pointer_width = "64", repr(C))]', '#[derive(Clone, Copy)]',
  '#[path = "x.rs"]', '#![no_std]', '#![no_core]', '#[doc = "x"]', '/// doc\n', '#[non_exhaustive]',
];

let uniq = 0;

type Fragment = (r: Rng, n: string, idents: readonly string[]) => string;

/** Nesting depth for the deep fragments: mostly shallow, sometimes thousands, rarely 10,000. */
const depth = (r: Rng): number => r.weighted([[20, r.int(2, 64)], [6, r.int(65, 1000)], [2, r.int(1001, 4000)], [1, r.int(9000, 11000)]]);

const chain = (count: number, link: (k: number) => string): string => Array.from({ length: count }, (_, k) => link(k)).join('\n');

/**
 * Rust fragments built to hit a limit or an error path, by name (a failure names its fragment
 * in the input text: `Z<n>` items).
 */
export const FRAGMENTS: Readonly<Record<string, Fragment>> = {
  recursive: (_, n) => `struct ${n} { next: ${n} }`,
  recursiveEnum: (_, n) => `enum ${n} { Cons(u8, ${n}), Nil }`,
  mutual: (_, n) => `struct ${n}A { b: ${n}B } struct ${n}B(Option<${n}A>);`,
  aliasCycle: (_, n) => `type ${n} = (u8, ${n});`,
  aliasCycle2: (_, n) => `type ${n} = ${n}B; type ${n}B = ${n};`,
  genericRecursive: (_, n) => `struct ${n}G<T> { x: T } struct ${n} { g: ${n}G<${n}> }`,
  constSelf: (_, n) => `const ${n}: usize = ${n} + 1; struct ${n}S([u8; ${n}]);`,
  constCycle: (_, n) => `const ${n}A: usize = ${n}B; const ${n}B: usize = ${n}A; struct ${n}([u16; ${n}A]);`,
  sizeOfSelf: (_, n) => `struct ${n}([u8; ::core::mem::size_of::<${n}>()]);`,
  huge62: (_, n) => `struct ${n} { a: [u8; 1 << 62] }`,
  huge80: (_, n) => `struct ${n}([[u64; 1 << 40]; 1 << 40], u8);`,
  hugeMax: (_, n) => `enum ${n} { A([u8; usize::MAX]), B(u8) }`,
  badLen: (r, n) => `struct ${n} { a: [u8; ${r.pick(['1 << 64', '0 - 1', '1 / 0', '1 % 0', 'u128::MAX as usize', '-1i64 as usize', '(1 << 62) * 4', 'usize::MAX + 1'])}] }`,
  deepType: (r, n) => {
    const d = depth(r);
    const [open, close] = r.pick([
      ['Option<', '>'],
      ['Box<', '>'],
      ['(', ',)'],
      ['[', '; 1]'],
      ['&', ''],
      ['*const ', ''],
      ['Vec<', '>'],
      ['Result<u8, ', '>'],
    ] as const);
    return `${r.chance(0.5) ? 'struct' : 'type'} ${n}${r.chance(0.5) ? ' = ' : ' ( '}${open.repeat(d)}u8${close.repeat(d)}${r.chance(0.5) ? ';' : ');'}`;
  },
  deepModules: (r, n) => {
    const d = depth(r);
    return `${'mod m { '.repeat(d)}pub struct ${n}(u8);${' }'.repeat(d)} struct ${n}U(${'m::'.repeat(d)}${n});`;
  },
  deepConstExpr: (r, n) => {
    const d = depth(r);
    return `const ${n}: usize = ${'('.repeat(d)}1${' + 1)'.repeat(d)}; struct ${n}S([u8; ${n}]);`;
  },
  manyVariants: (r, n) => `enum ${n} { ${Array.from({ length: Math.min(depth(r), 3000) }, (_, k) => `V${k}${r.chance(0.1) ? `(u${r.pick([8, 16, 32])})` : ''}`).join(', ')} }`,
  discOverflow: (_, n) => `#[repr(u8)] enum ${n} { A = 255, B }`,
  discHuge: (_, n) => `#[repr(i8)] enum ${n} { A = -129, B = 1 << 62, C = 340282366920938463463374607431768211456 }`,
  unsized: (_, n) => `struct ${n}<T: ?Sized> { a: u8, t: T } type ${n}U = ${n}<[u8]>; struct ${n}W(${n}<dyn Fn()>);`,
  constGeneric: (_, n) => `struct ${n}<const N: usize>([u8; N]); struct ${n}B(${n}<{ 1 << 62 }>, ${n}<{ usize::MAX }>);`,
  oddNames: (r, n) => `struct ${n} { ${r.pick(['变量', 'é', 'r#type', 'Ωmega', '_', 'self', 'r#self'])}: ${r.pick(['u8', 'Self', 'Box<Self>', '[Self; 0]', 'Option<Self>', '&Self'])} }`,
  unionSelf: (_, n) => `union ${n} { a: ${n}, b: u8 } union ${n}E {}`,
  assocType: (_, n) => `trait Tr { type A; } struct ${n}<T: Tr>(T::A); struct ${n}B(<u8 as Tr>::A, ${n}<u8>);`,
  uses: (r, n, idents) => `use self::${n} as ${n}; use super::*; use crate::${n}::*; pub use ${r.pick(idents)} as ${n}X;`,
  macro: (_, n) => `macro_rules! ${n.toLowerCase()} { () => { struct ${n}; } } ${n.toLowerCase()}!(); struct ${n}Y(${n.toLowerCase()}!());`,
  manyFields: (r, n) => `#[repr(C)] struct ${n} { ${Array.from({ length: r.int(1, 600) }, (_, k) => `f${k}: ${r.pick(['u8', 'u64', '[u8; 1 << 40]', 'u128', '()', '!', 'char'])}`).join(', ')} }`,
  variantsOfIdents: (r, n, idents) => `enum ${n} { A(${r.pick(idents)}), B { x: [${r.pick(idents)}; 3] }, C = ${r.pick(['1', 'usize::MAX', '-1'])} }`,
  importChain: (r, n) => {
    const d = r.weighted([[4, r.int(2, 50)], [1, r.int(51, 400)]]);
    return `${chain(d, (k) => `mod ${n}m${k} { pub use super::${n}m${k + 1}::{S, C}; }`)}\nmod ${n}m${d} { pub struct S(u16); pub const C: usize = 3; }\nstruct ${n}(${n}m0::S, [u8; ${n}m0::C]);`;
  },
  importCycle: (_, n) => `mod ${n}a { pub use super::${n}b::*; pub use super::${n}b::N; } mod ${n}b { pub use super::${n}a::*; pub use super::${n}a::S; } struct ${n}([u8; ${n}a::N], ${n}b::S);`,
  structChain: (r, n) => {
    const d = r.int(2, 300);
    return `${chain(d, (k) => `struct ${n}s${k}(${n}s${k + 1}, u8);`)}\nstruct ${n}s${d}(u16);`;
  },
  constChain: (r, n) => {
    const d = r.int(2, 200);
    return `${chain(d, (k) => `const ${n}c${k}: usize = ${n}c${k + 1} + 1;`)}\nconst ${n}c${d}: usize = 0; struct ${n}([u8; ${n}c0]);`;
  },
  // Pending engine fixes (see PENDING_FRAGMENTS).
  constChainDeep: (r, n) => {
    const d = r.int(1000, 2500); // the stack overflowed from about 1,500
    return `${chain(d, (k) => `const ${n}c${k}: usize = ${n}c${k + 1} + 1;`)}\nconst ${n}c${d}: usize = 0; struct ${n}([u8; ${n}c0]);`;
  },
  polymorphicRecursion: (r, n) => `struct ${n}<T>(Option<${n}<${r.pick(['(T, T)', '[T; 2]', 'Box<T>', '(T, u8)'])}>>); struct ${n}D(${n}<u8>);`,
  doublingAliases: (r, n) => {
    const d = r.int(20, 64);
    return `type ${n}0 = u8; ${chain(d, (k) => `type ${n}${k + 1} = (${n}${k}, ${n}${k});`)} struct ${n}(${n}${d});`;
  },
  doublingGenerics: (r, n) => {
    const d = r.int(20, 64);
    return `struct ${n}0<T>(T); ${chain(d, (k) => `struct ${n}${k + 1}<T>(${n}${k}<(T, T)>, ${n}${k}<T>);`)} struct ${n}(${n}${d}<u8>);`;
  },
};

/**
 * Fragments that broke the engine once, now in the default mix (empty: all fixed). They were:
 * constChainDeep (a stack overflow in `evalConst`), polymorphicRecursion (ever larger
 * instantiations until the string keys overflowed; now rustc's E0072), doublingAliases and
 * doublingGenerics (exponential alias expansion and keys). `RLL_FUZZ_PENDING=1` still works.
 */
export const PENDING_FRAGMENTS: readonly string[] = [];

/** Fragments of thousands of items or levels (about 5 to 15 ms each): a third as frequent as the others. */
const HEAVY = new Set(['deepType', 'deepModules', 'deepConstExpr', 'manyVariants', 'manyFields', 'importChain', 'structChain', 'constChain', 'constChainDeep', 'doublingAliases', 'doublingGenerics']);

function fragment(r: Rng, idents: readonly string[], names: ReadonlyArray<readonly [number, string]>): string {
  const n = `Z${uniq++ % 1000}`;
  return FRAGMENTS[r.weighted(names)]!(r, n, idents);
}

// ── mutations ───────────────────────────────────────────────────────────────────────────────

/** Token boundaries: identifiers, numbers, multi-char punctuation, single characters, whitespace runs. */
function tokenStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /\s+|\/\/[^\n]*|[\p{L}_][\p{L}\p{N}_]*|\d[\w.]*|::|->|=>|<<|>>|[\s\S]/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index);
  starts.push(text.length);
  return starts;
}

/** A random token span [a, b) (1 to `max` tokens). */
function tokenSpan(r: Rng, text: string, max: number): [number, number] {
  const starts = tokenStarts(text);
  if (starts.length < 2) return [0, text.length];
  const i = r.int(0, starts.length - 2);
  const j = Math.min(starts.length - 1, i + r.int(1, max));
  return [starts[i]!, starts[j]!];
}

function lineSpan(text: string, r: Rng, max: number): [number, number] {
  const nl: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') nl.push(i + 1);
  nl.push(text.length);
  const i = r.int(0, nl.length - 2);
  const j = Math.min(nl.length - 1, i + r.int(1, max));
  return [nl[i]!, nl[j]!];
}

/** A random insertion point: at a token boundary mostly, anywhere (inside a token) sometimes. */
function point(r: Rng, text: string): number {
  if (r.chance(0.2)) return r.int(0, text.length);
  const starts = tokenStarts(text);
  return r.pick(starts);
}

function mutate(r: Rng, text: string, c: Corpus, fragments: ReadonlyArray<readonly [number, string]>): string {
  const insert = (s: string): string => {
    const at = point(r, text);
    return text.slice(0, at) + s + text.slice(at);
  };
  switch (
    r.weighted([
      [8, 'truncate'],
      [8, 'deleteTokens'],
      [4, 'deleteChars'],
      [5, 'deleteLines'],
      [5, 'duplicateTokens'],
      [4, 'duplicateLines'],
      [5, 'swapTokens'],
      [3, 'swapLines'],
      [14, 'insertToken'],
      [3, 'insertTokens'],
      [5, 'insertAttr'],
      [12, 'insertFragment'],
      [4, 'splice'],
      [5, 'replaceIdent'],
      [4, 'replaceNumber'],
      [2, 'crlf'],
      [1, 'bom'],
    ] as const)
  ) {
    case 'truncate': {
      // mostly in the second half, so most inputs keep some whole items
      const at = r.chance(0.7) ? point(r, text) : r.int(0, text.length);
      return text.slice(0, r.chance(0.6) ? Math.max(at, r.int(text.length >> 1, text.length)) : at);
    }
    case 'deleteTokens': {
      const [a, b] = tokenSpan(r, text, r.chance(0.7) ? 3 : 40);
      return text.slice(0, a) + text.slice(b);
    }
    case 'deleteChars': {
      const a = r.int(0, text.length);
      return text.slice(0, a) + text.slice(a + r.int(1, 30));
    }
    case 'deleteLines': {
      const [a, b] = lineSpan(text, r, 4);
      return text.slice(0, a) + text.slice(b);
    }
    case 'duplicateTokens': {
      const [a, b] = tokenSpan(r, text, 20);
      const piece = text.slice(a, b).repeat(r.weighted([[10, 1], [2, r.int(2, 20)], [1, r.int(100, 1000)]]));
      return insertAt(text, r.chance(0.5) ? b : point(r, text), piece.slice(0, 3000));
    }
    case 'duplicateLines': {
      const [a, b] = lineSpan(text, r, 6);
      return insertAt(text, r.chance(0.5) ? b : lineSpan(text, r, 1)[0], text.slice(a, b));
    }
    case 'swapTokens': {
      const [a, b] = tokenSpan(r, text, 6);
      const [c2, d] = tokenSpan(r, text, 6);
      if (b <= c2) return text.slice(0, a) + text.slice(c2, d) + text.slice(b, c2) + text.slice(a, b) + text.slice(d);
      if (d <= a) return text.slice(0, c2) + text.slice(a, b) + text.slice(d, a) + text.slice(c2, d) + text.slice(b);
      return text;
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const i = r.int(0, lines.length - 1);
      const j = r.int(0, lines.length - 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'insertToken':
      return insert(r.pick(TOKENS));
    case 'insertTokens':
      return insert(Array.from({ length: r.int(2, 12) }, () => r.pick(TOKENS)).join(r.chance(0.5) ? ' ' : ''));
    case 'insertAttr':
      return insertAt(text, lineSpan(text, r, 1)[0], r.pick(ATTRS) + '\n');
    case 'insertFragment':
      return r.chance(0.6) ? insertAt(text, lineSpan(text, r, 1)[0], fragment(r, c.idents, fragments) + '\n') : insert(fragment(r, c.idents, fragments));
    case 'splice': {
      const other = r.pick(c.pieces);
      const [a, b] = tokenSpan(r, other, 60);
      return insert(other.slice(a, b));
    }
    case 'replaceIdent': {
      const spans = [...text.matchAll(/\b[A-Za-z_]\w*\b/g)];
      if (!spans.length) return insert(r.pick(c.idents));
      const m = r.pick(spans);
      const by = r.chance(0.8) ? r.pick(c.idents) : r.pick(['Self', 'self', 'crate', 'super', '_', 'r#struct', '变量', 'ñ', 'u8', 'str', 'dyn', 'impl']);
      return text.slice(0, m.index) + by + text.slice(m.index + m[0].length);
    }
    case 'replaceNumber': {
      const spans = [...text.matchAll(/\b\d[\w]*\b/g)];
      const by = r.pick(['0', '1', '3', '255', '256', '65536', '1 << 62', '1 << 63', '4294967296', '18446744073709551615', '18446744073709551616', '340282366920938463463374607431768211456', '0x_', '1_', '0u8', '9999999999999999999999999999999999999999', 'usize::MAX']);
      if (!spans.length) return insert(by);
      const m = r.pick(spans);
      return text.slice(0, m.index) + by + text.slice(m.index + m[0].length);
    }
    case 'crlf':
      return r.chance(0.7) ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r');
    case 'bom':
      return '\uFEFF' + text;
  }
}

function insertAt(text: string, at: number, s: string): string {
  return text.slice(0, at) + s + text.slice(at);
}

/** The unmutated base of input `r`: a small file, or a run of items (maybe spliced, maybe in a module). */
function base(r: Rng, c: Corpus): string {
  if (r.chance(0.2)) return r.pick(c.files);
  const run = (): string => {
    // mostly a random piece of any fixture (so by size), sometimes a random fixture's
    const from = r.chance(0.75) ? r.int(0, c.pieces.length - 1) : r.pick(c.runs).start;
    const { end, header } = c.runs.find((x) => from >= x.start && from < x.end)!;
    const to = Math.min(end, from + r.weighted([[6, r.int(1, 4)], [3, r.int(5, 10)], [1, r.int(11, 25)]]));
    const items = c.pieces.slice(from, to).join('\n');
    return r.chance(0.3) ? `${header}\n${items}` : items;
  };
  let text = run();
  if (r.chance(0.15)) text += '\n' + run();
  if (r.chance(0.1)) text = `pub mod m${r.int(0, 3)} {\n    use super::*;\n${text}\n}\n`;
  return text;
}

export interface FuzzOptions {
  /** Changes the whole sequence (default 3). */
  readonly seed?: number;
  /** Also use PENDING_FRAGMENTS. */
  readonly pending?: boolean;
}

const ALL_FRAGMENTS = Object.keys(FRAGMENTS).map((k) => [HEAVY.has(k) ? 1 : 3, k] as const);
const DEFAULT_FRAGMENTS = ALL_FRAGMENTS.filter(([, k]) => !PENDING_FRAGMENTS.includes(k));

/** The i-th fuzz input (a function of the corpus, `i` and the options only). */
export function fuzzInput(c: Corpus, i: number, opts: FuzzOptions = {}): string {
  const seed = opts.seed ?? 3;
  const r = new Rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0);
  uniq = i;
  const fragments = opts.pending ? ALL_FRAGMENTS : DEFAULT_FRAGMENTS;
  let text = base(r, c);
  const n = r.weighted([[5, 1], [4, 2], [2, 3], [1, 4], [1, 5]]);
  for (let k = 0; k < n; k++) text = mutate(r, text, c, fragments);
  return text;
}
