/**
 * rustc's own account of a layout: `#[rustc_layout(debug)]` on a type alias (RUSTC_BOOTSTRAP=1,
 * `#![feature(rustc_attrs)]`) makes rustc print the whole `LayoutData` of the aliased type as an
 * error: size, alignment, field offsets, the largest niche, uninhabitedness and, for an enum, its
 * tag (encoding, size, offset) and each variant's layout. One `--emit=metadata` compile answers
 * for every alias of a file.
 */

/** A `Debug` value as rustc pretty-prints it: `Name { k: v }`, `Name(a, b)`, `[a, b]`, words. */
export type DebugValue =
  | { readonly t: 'struct'; readonly name: string; readonly fields: ReadonlyMap<string, DebugValue> }
  | { readonly t: 'tuple'; readonly name: string; readonly items: readonly DebugValue[] }
  | { readonly t: 'list'; readonly items: readonly DebugValue[] }
  | { readonly t: 'words'; readonly words: readonly string[] };

function tokenize(s: string): string[] {
  const out: string[] = [];
  const re = /\s*(\.\.=|\.\.|[{}()[\],:]|"(?:[^"\\]|\\.)*"|[A-Za-z0-9_#'\-+]+)/y;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out.push(m[1]!);
  return out;
}

/** Parses one Debug value from the start of `text`. */
export function parseDebug(text: string): DebugValue {
  const toks = tokenize(text);
  let i = 0;
  /** The comma-separated values up to `close`, which is passed (the opening token already is). */
  const itemsUntil = (close: string): DebugValue[] => {
    const items: DebugValue[] = [];
    while (i < toks.length && toks[i] !== close) {
      items.push(value());
      if (toks[i] === ',') i++;
    }
    i++;
    return items;
  };
  const value = (): DebugValue => {
    const t = toks[i];
    if (t === '[') {
      i++;
      return { t: 'list', items: itemsUntil(']') };
    }
    const words: string[] = [];
    while (i < toks.length && !['{', '(', ')', '}', '[', ']', ','].includes(toks[i]!)) words.push(toks[i++]!);
    if (toks[i] === '{' && words.length === 1) {
      i++;
      const fields = new Map<string, DebugValue>();
      while (toks[i] !== '}') {
        const k = toks[i++]!;
        if (toks[i] !== ':') throw new Error(`rustc_layout: expected ':' after ${k}`);
        i++;
        fields.set(k, value());
        if (toks[i] === ',') i++;
      }
      i++;
      return { t: 'struct', name: words[0]!, fields };
    }
    if (toks[i] === '(' && words.length <= 1) {
      i++;
      return { t: 'tuple', name: words[0] ?? '', items: itemsUntil(')') };
    }
    return { t: 'words', words };
  };
  return value();
}

export interface RNiche {
  readonly offset: number;
  readonly size: number;
  /** Spare values: the values of the scalar outside its valid range. */
  readonly count: bigint;
}

export interface RLayout {
  readonly size: number;
  readonly align: number;
  readonly sized: boolean;
  readonly uninhabited: boolean;
  readonly niche?: RNiche;
  /** Field offsets in declaration order (a union's are all 0); empty for a primitive. */
  readonly offsets: readonly number[];
  readonly union: boolean;
  readonly variants?: {
    readonly encoding: 'direct' | 'niche';
    readonly tagSize: number;
    readonly tagOffset: number;
    readonly layouts: readonly RLayout[];
  };
  /** A single-variant layout: the variant it is (`Single { index }`). */
  readonly single?: number;
}

/** The first word of a value (`true`, `Direct`, `3`). */
function word(v: DebugValue | undefined): string | undefined {
  return v?.t === 'words' ? v.words[0] : undefined;
}

function field(v: DebugValue, k: string): DebugValue {
  if (v.t !== 'struct') throw new Error(`rustc_layout: ${k} of a non-struct`);
  const f = v.fields.get(k);
  if (!f) throw new Error(`rustc_layout: no field ${k} in ${v.name}`);
  return f;
}

/** `Size(8 bytes)` → 8; `Align(4 bytes)` → 4. */
function bytesOf(v: DebugValue): number {
  if (v.t !== 'tuple' || v.items[0]?.t !== 'words') throw new Error('rustc_layout: not a Size/Align');
  return Number(v.items[0].words[0]);
}

/** The size in bytes of a `Primitive` (`Int(I8, false)`, `Pointer(AddressSpace(0))`, `Float(F32)`). */
function primitiveSize(v: DebugValue, pointerSize: number): number {
  if (v.t !== 'tuple') throw new Error('rustc_layout: not a primitive');
  if (v.name === 'Pointer') return pointerSize;
  const w = v.items[0];
  if (w?.t !== 'words') throw new Error('rustc_layout: primitive without a width');
  const m = /^[IF](\d+)$/.exec(w.words[0] ?? '');
  if (!m) throw new Error(`rustc_layout: primitive ${w.words[0]}`);
  return Number(m[1]) / 8;
}

function range(v: DebugValue): [bigint, bigint] {
  if (v.t !== 'words' || v.words.length !== 3 || v.words[1] !== '..=') throw new Error('rustc_layout: not a valid range');
  return [BigInt(v.words[0]!), BigInt(v.words[2]!)];
}

export function toLayout(v: DebugValue, pointerSize = 8): RLayout {
  const size = bytesOf(field(v, 'size'));
  const align = bytesOf(field(field(v, 'align'), 'abi'));
  const repr = field(v, 'backend_repr');
  const sized = !(repr.t === 'struct' && word(repr.fields.get('sized')) === 'false');
  const uninhabited = word(field(v, 'uninhabited')) === 'true';
  let niche: RNiche | undefined;
  const ln = field(v, 'largest_niche');
  if (ln.t === 'tuple' && ln.name === 'Some') {
    const n = ln.items[0]!;
    const nsize = primitiveSize(field(n, 'value'), pointerSize);
    const [start, end] = range(field(n, 'valid_range'));
    const mask = (1n << BigInt(nsize * 8)) - 1n;
    niche = { offset: bytesOf(field(n, 'offset')), size: nsize, count: (start - end - 1n) & mask };
  }
  const f = field(v, 'fields');
  let offsets: number[] = [];
  let union = false;
  if (f.t === 'struct' && f.name === 'Arbitrary') {
    const os = field(f, 'offsets');
    if (os.t === 'list') offsets = os.items.map(bytesOf);
  } else if (f.t === 'tuple' && f.name === 'Union') {
    union = true;
    const n = f.items[0]?.t === 'words' ? Number(f.items[0].words[0]) : 0;
    offsets = new Array<number>(n).fill(0);
  }
  const vs = field(v, 'variants');
  let variants: RLayout['variants'];
  let single: number | undefined;
  if (vs.t === 'struct' && vs.name === 'Multiple') {
    const tag = field(vs, 'tag');
    const tagSize = primitiveSize(field(tag, 'value'), pointerSize);
    const enc = field(vs, 'tag_encoding');
    const tagField = Number(word(field(vs, 'tag_field')));
    const layouts = field(vs, 'variants');
    variants = {
      encoding: enc.t === 'words' && enc.words[0] === 'Direct' ? 'direct' : 'niche',
      tagSize,
      tagOffset: offsets[tagField] ?? 0,
      layouts: layouts.t === 'list' ? layouts.items.map((x) => toLayout(x, pointerSize)) : [],
    };
  } else if (vs.t === 'struct' && vs.name === 'Single') {
    single = Number(word(field(vs, 'index')));
  }
  return { size, align, sized, uninhabited, niche, offsets, union, variants, single };
}

/**
 * Every `layout_of(..) = Layout {..}` rustc printed, by the name of the alias it was printed for
 * (the alias's name is on the source line rustc quotes under it).
 */
export function parseLayoutDebug(stderr: string, pointerSize = 8): Map<string, RLayout> {
  const out = new Map<string, RLayout>();
  const re = /^error: layout_of\(.*?\) = (Layout \{)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(stderr)) !== null) {
    const start = m.index + m[0].length - m[1]!.length;
    // The value ends at the first line that is exactly the closing brace at its indentation.
    const close = stderr.indexOf('\n       }\n', start);
    if (close < 0) break;
    // A wrapping valid range prints as `(..=end) | (start..)`: back to `start..=end` (start > end).
    const body = stderr.slice(start, close + 9).replace(/\(\.\.=(\d+)\) \| \((\d+)\.\.\)/g, '$2..=$1');
    const after = stderr.slice(close, close + 600);
    const name = /\|\s*(?:pub\s+)?type (__rll_\w+)/.exec(after)?.[1];
    if (name) {
      try {
        out.set(name, toLayout(parseDebug(body), pointerSize));
      } catch (e) {
        throw new Error(`${String(e)} in the layout of ${name}:\n${stderr.slice(m.index, close + 200)}`, { cause: e });
      }
    }
    re.lastIndex = close;
  }
  return out;
}
