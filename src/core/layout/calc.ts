/**
 * The layout algorithms of rustc 1.95 (`rustc_abi::layout::LayoutCalculator`): univariant
 * (structs, tuples, enum variants), unions, and enums (tagged vs niche-filling). Comments name
 * the rustc function each step mirrors; RUSTC-LAYOUT-RULES.md has measured examples.
 */
import type { Target } from '../targets';
import {
  type Abi,
  type Layout,
  type Niche,
  type Scalar,
  Abstain,
  LayoutError,
  alignTo,
  available,
  checkedAdd,
  is1Zst,
  isZst,
  mask,
  nicheFromScalar,
  reserve,
  trailingZeros,
} from './types';

export interface ReprOptions {
  readonly c: boolean;
  readonly simd: boolean;
  readonly transparent: boolean;
  /** packed(N) in bytes. */
  readonly pack?: number;
  /** align(N) in bytes. */
  readonly align?: number;
  /** repr(u8)… : byte size and signedness of the discriminant. */
  readonly int?: { readonly size: number; readonly signed: boolean };
}

export const DEFAULT_REPR: ReprOptions = { c: false, simd: false, transparent: false };

export type StructKind =
  | { readonly k: 'always' }
  | { readonly k: 'maybeUnsized' }
  | { readonly k: 'prefixed'; readonly size: number; readonly align: number };

type Bias = 'start' | 'end';

function inhibitReorder(repr: ReprOptions): boolean {
  return repr.c || repr.simd || repr.int !== undefined;
}

export function inhibitEnumLayoutOpt(repr: ReprOptions): boolean {
  return repr.c || repr.int !== undefined;
}

function nicheAvail(l: Layout): bigint {
  return l.niche ? available(l.niche) : 0n;
}

/** `LayoutCalculator::univariant`: a start-biased layout, or the end-biased one when its niche sits better. */
export function univariant(t: Target, fields: readonly Layout[], repr: ReprOptions, kind: StructKind, name: () => string): Layout {
  const layout = univariantBiased(t, fields, repr, kind, 'start', name);
  if (kind.k !== 'maybeUnsized' && layout.niche) {
    const head = layout.niche.offset;
    const tail = layout.size - head - layout.niche.size;
    if (fields.length > 1 && head !== 0 && tail > 0) {
      const alt = univariantBiased(t, fields, repr, kind, 'end', name);
      const altNiche = alt.niche;
      if (altNiche) {
        const altHead = altNiche.offset;
        if (altHead > head && altHead > tail) return alt;
      }
    }
  }
  return layout;
}

const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;

function univariantBiased(t: Target, fields: readonly Layout[], repr: ReprOptions, kind: StructKind, bias: Bias, name: () => string): Layout {
  const pack = repr.pack;
  let align = pack !== undefined ? t.intAlign[1] : t.aggregateAlign;
  const order = fields.map((_, i) => i);
  const optimize = !inhibitReorder(repr);
  const end = kind.k === 'maybeUnsized' ? fields.length - 1 : fields.length;
  if (optimize && fields.length > 1) {
    const excl = fields.slice(0, end);
    const maxFieldAlign = excl.reduce((m, f) => Math.max(m, f.align), 1);
    const largestNicheSize = excl.reduce((m, f) => (nicheAvail(f) > m ? nicheAvail(f) : m), 0n);
    const groupKey = (f: Layout): number => {
      if (pack !== undefined) return Math.min(f.align, pack);
      const sizeAsAlign = trailingZeros(Math.max(f.align, f.size));
      if (largestNicheSize > 0n) {
        if (bias === 'start') return Math.min(trailingZeros(maxFieldAlign), sizeAsAlign);
        if (nicheAvail(f) === largestNicheSize) return trailingZeros(f.align);
        return sizeAsAlign;
      }
      return sizeAsAlign;
    };
    const head = order.slice(0, end);
    if (kind.k === 'prefixed') {
      // Ascending alignment so the layout stays good whatever the prefix; largest niche last.
      const keys = head.map((i) => ({ i, g: groupKey(fields[i]!), n: nicheAvail(fields[i]!) }));
      keys.sort((a, b) => a.g - b.g || cmpBig(a.n, b.n));
      head.splice(0, head.length, ...keys.map((k) => k.i));
    } else {
      const keys = head.map((i) => {
        const f = fields[i]!;
        const n = nicheAvail(f);
        const nicheKey = bias === 'start' ? U128_MAX - n : n;
        const inner =
          bias === 'start'
            ? BigInt(f.niche ? f.niche.offset : 0)
            : f.niche
              ? U64_MAX - BigInt(f.size - f.niche.size - f.niche.offset)
              : 0n;
        return { i, g: groupKey(f), nicheKey, inner };
      });
      keys.sort((a, b) => b.g - a.g || cmpBig(a.nicheKey, b.nicheKey) || cmpBig(a.inner, b.inner));
      head.splice(0, head.length, ...keys.map((k) => k.i));
    }
    order.splice(0, end, ...head);
  }

  const offsets = new Array<number>(fields.length).fill(0);
  let offset = 0;
  let niche: Niche | undefined;
  let nicheBest = 0n;
  let unsizedSeen = false;
  if (kind.k === 'prefixed') {
    const prefixAlign = pack !== undefined ? Math.min(kind.align, pack) : kind.align;
    align = Math.max(align, prefixAlign);
    offset = alignTo(kind.size, prefixAlign);
  }
  for (const i of order) {
    const f = fields[i]!;
    if (unsizedSeen) throw new LayoutError('E0277', `the size for values of type \`${name()}\` cannot be known at compilation time`);
    if (!f.sized) {
      if (kind.k === 'maybeUnsized') unsizedSeen = true;
      else throw new LayoutError('E0277', `the size for values of type \`${name()}\` cannot be known at compilation time`);
    }
    const fieldAlign = pack !== undefined ? Math.min(f.align, pack) : f.align;
    offset = alignTo(offset, fieldAlign);
    align = Math.max(align, fieldAlign);
    offsets[i] = offset;
    if (f.niche) {
      const a = available(f.niche);
      const prefer = bias === 'start' ? a > nicheBest : a >= nicheBest;
      if (prefer) {
        nicheBest = a;
        niche = { ...f.niche, offset: f.niche.offset + offset };
      }
    }
    offset = checkedAdd(offset, f.size, t.objSizeBound, name);
  }
  if (repr.align !== undefined) align = Math.max(align, repr.align);
  const size = alignTo(offset, align);
  if (BigInt(size) >= t.objSizeBound) throw new LayoutError('E0080', `values of the type \`${name()}\` are too big for the target architecture`);
  const sized = !unsizedSeen;
  return {
    size,
    align,
    offsets,
    memoryOrder: order,
    niche,
    reprAlign: repr.align !== undefined || fields.some((f) => f.reprAlign) || undefined,
    uninhabited: fields.some((f) => f.uninhabited),
    sized,
    abi: structAbi(t, fields, offsets, size, align, sized),
  };
}

function structAbi(t: Target, fields: readonly Layout[], offsets: readonly number[], size: number, align: number, sized: boolean): Abi {
  if (!sized || size === 0) return { k: 'memory' };
  const nonZst = fields.map((f, i) => ({ f, i })).filter((x) => !isZst(x.f));
  if (nonZst.length === 1) {
    const { f, i } = nonZst[0]!;
    if (offsets[i] === 0 && align === f.align && size === f.size && f.abi.k !== 'memory') return f.abi;
  } else if (nonZst.length === 2) {
    const [x, y] = nonZst as [{ f: Layout; i: number }, { f: Layout; i: number }];
    if (x.f.abi.k === 'scalar' && y.f.abi.k === 'scalar') {
      const [p, q] = offsets[x.i]! < offsets[y.i]! ? [x, y] : [y, x];
      const pair = scalarPair(t, (p.f.abi as { s: Scalar }).s, (q.f.abi as { s: Scalar }).s);
      if (offsets[p.i] === 0 && offsets[q.i] === pair.offsets[1] && align === pair.align && size === pair.size) return pair.abi;
    }
  }
  return { k: 'memory' };
}

/** `LayoutData::scalar_pair`. */
export function scalarPair(t: Target, a: Scalar, b: Scalar): Layout {
  const align = Math.max(a.align, b.align, t.aggregateAlign);
  const bOffset = alignTo(a.size, b.align);
  const size = alignTo(bOffset + b.size, align);
  // Iterate b then a: max_by_key keeps the last maximum, so a wins ties.
  const nb = nicheFromScalar(bOffset, b);
  const na = nicheFromScalar(0, a);
  let niche: Niche | undefined = nb;
  if (na && (!niche || available(na) >= available(niche))) niche = na;
  return { size, align, offsets: [0, bOffset], niche, uninhabited: false, sized: true, abi: { k: 'pair', a, b } };
}

/** `LayoutCalculator::layout_of_union`. */
export function unionLayout(t: Target, fields: readonly Layout[], repr: ReprOptions, name: () => string): Layout {
  if (fields.length === 0) throw new LayoutError('E0658', `unions cannot have zero fields`);
  let align = repr.pack !== undefined ? t.intAlign[1] : t.aggregateAlign;
  let size = 0;
  for (const f of fields) {
    if (!f.sized) throw new LayoutError('E0277', `the size for values of type \`${name()}\` cannot be known at compilation time`);
    align = Math.max(align, f.align);
    size = Math.max(size, f.size);
  }
  if (repr.pack !== undefined) align = Math.min(align, repr.pack);
  if (repr.align !== undefined) align = Math.max(align, repr.align);
  return {
    reprAlign: repr.align !== undefined || fields.some((f) => f.reprAlign) || undefined,
    size: alignTo(size, align),
    align,
    offsets: fields.map(() => 0),
    niche: undefined,
    uninhabited: false,
    sized: true,
    abi: { k: 'memory' },
  };
}

/** A variant is absent if it is uninhabited and all its fields are 1-ZSTs. */
export function absent(fields: readonly Layout[]): boolean {
  return fields.some((f) => f.uninhabited) && fields.every(is1Zst);
}

export interface ValidRange {
  readonly start?: bigint;
  readonly end?: bigint;
}

export interface AdtInput {
  readonly repr: ReprOptions;
  /** Field layouts of each variant (a struct has exactly one). */
  readonly variants: readonly (readonly Layout[])[];
  readonly isEnum: boolean;
  /** UnsafeCell and friends: hide every niche. */
  readonly noNiche: boolean;
  readonly validRange: ValidRange;
  /** Discriminant of each variant, as rustc computes it (i128 semantics). */
  readonly discriminants: readonly bigint[];
  /** Explicit discriminants or repr(C)/repr(int) turn niche filling off. */
  readonly dontNicheOptimize: boolean;
  /** The struct's last field cannot be unsized (rustc checks the generic definition). */
  readonly alwaysSized: boolean;
  readonly name: () => string;
}

/** `LayoutCalculator::layout_of_struct_or_enum`. */
export function structOrEnumLayout(t: Target, input: AdtInput): Layout {
  const { repr, variants, isEnum } = input;
  const present = variants.map((v, i) => ({ v, i })).filter(({ v }) => !(!repr.c && absent(v)));
  if (present.length === 0 && isEnum) return neverLayout(t);
  const first = present.length > 0 ? present[0]!.i : 0;
  if (!isEnum || (present.length === 1 && !inhibitEnumLayoutOpt(repr))) {
    return structLayout(t, input, first);
  }
  return enumLayout(t, input);
}

export function neverLayout(t: Target): Layout {
  return { size: 0, align: t.intAlign[1], offsets: [], uninhabited: true, sized: true, abi: { k: 'memory' } };
}

function structLayout(t: Target, input: AdtInput, v: number): Layout {
  const fields = input.variants[v] ?? [];
  const kind: StructKind = input.isEnum || fields.length === 0 || input.alwaysSized ? { k: 'always' } : { k: 'maybeUnsized' };
  const st = univariant(t, fields, input.repr, kind, input.name);
  if (input.noNiche) {
    return { ...st, niche: undefined, abi: hideNiches(st.abi) };
  }
  const { start, end } = input.validRange;
  if (start === undefined && end === undefined) return st;
  let scalar: Scalar;
  if (st.abi.k === 'scalar') scalar = st.abi.s;
  else if (st.abi.k === 'pair') scalar = st.abi.a;
  else throw new Abstain('a layout_scalar_valid_range attribute on a non-scalar type');
  scalar = { ...scalar, start: start ?? scalar.start, end: end ?? scalar.end };
  const abi: Abi = st.abi.k === 'scalar' ? { k: 'scalar', s: scalar } : { k: 'pair', a: scalar, b: (st.abi as { b: Scalar }).b };
  let niche = st.niche;
  const n = nicheFromScalar(0, scalar);
  if (n && (!niche || available(niche) <= available(n))) niche = n;
  return { ...st, abi, niche };
}

function hideNiches(abi: Abi): Abi {
  const full = (s: Scalar): Scalar => ({ ...s, start: 0n, end: mask(s.size) });
  if (abi.k === 'scalar') return { k: 'scalar', s: full(abi.s) };
  if (abi.k === 'pair') return { k: 'pair', a: full(abi.a), b: full(abi.b) };
  return abi;
}

const INT_SIZES = [1, 2, 4, 8, 16] as const;

function fitUnsigned(x: bigint): number {
  for (const s of INT_SIZES) if (x <= mask(s)) return s;
  return 16;
}

function fitSigned(x: bigint): number {
  for (const s of INT_SIZES) {
    const half = 1n << BigInt(s * 8 - 1);
    if (x >= -half && x < half) return s;
  }
  return 16;
}

/** `repr_discr`: the smallest integer holding the discriminant range. */
export function discrRange(t: Target, repr: ReprOptions, min: bigint, max: bigint): { size: number; signed: boolean } {
  const asU128 = (v: bigint) => (v < 0n ? v & ((1n << 128n) - 1n) : v);
  const unsignedFit = fitUnsigned(asU128(min) > asU128(max) ? asU128(min) : asU128(max));
  const signedFit = Math.max(fitSigned(min), fitSigned(max));
  if (repr.int) {
    const fit = repr.int.signed ? signedFit : unsignedFit;
    if (repr.int.size < fit) throw new LayoutError('E0370', `discriminant value outside the range of the repr type`);
    return { size: repr.int.size, signed: repr.int.signed };
  }
  const atLeast = repr.c ? t.cEnumMinSize : 1;
  if (min >= 0n) return { size: Math.max(unsignedFit, atLeast), signed: false };
  return { size: Math.max(signedFit, atLeast), signed: true };
}

function intScalar(t: Target, size: number, signed: boolean, start: bigint, end: bigint): Scalar {
  return { size, align: t.intAlign[size as 1 | 2 | 4 | 8 | 16], signed, pointer: false, start, end };
}

/** `Integer::for_align`. */
function intForAlign(t: Target, align: number): number | undefined {
  return INT_SIZES.find((s) => t.intAlign[s] === align && s === align);
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The valid range of a tag, as rustc 1.95 computes it (rust-lang/rust#144577, checked with
 * `#[rustc_layout(debug)]`): sort the discriminants (as i128, sign-extended for signed
 * discriminant types), and leave out the largest gap between neighbours. The gap that wraps
 * around from the last value to the first is scored `MAX - (last - first)` in u128 arithmetic,
 * where MAX is the *signed* maximum of a signed discriminant type (so for `repr(i8)`, spans of
 * 64..=127 keep the wrap-around gap and exclude the inner one). On ties the later pair wins.
 */
function tagValidRange(values: readonly bigint[], discrSize: number, discrSigned: boolean): { start: bigint; end: bigint } {
  const U128 = (1n << 128n) - 1n;
  const bits = BigInt(discrSize * 8);
  const max = discrSigned ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  const vs = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let bestKey = -1n;
  let start = vs[0]!;
  let end = vs[vs.length - 1]!;
  for (let i = 0; i < vs.length; i++) {
    const s = vs[i]!;
    const e = vs[(i + 1) % vs.length]!;
    const key = s <= e ? (e - s) & U128 : (max - (s - e)) & U128;
    if (key >= bestKey) {
      bestKey = key;
      start = e;
      end = s;
    }
  }
  return { start, end };
}

/** `LayoutCalculator::layout_of_enum`. */
function enumLayout(t: Target, input: AdtInput): Layout {
  const { repr, variants, name } = input;
  if (repr.pack !== undefined) throw new LayoutError('E0517', `attribute should be applied to a struct or union`);

  const nicheFilling = (): Layout | undefined => {
    if (input.dontNicheOptimize || variants.length < 2) return undefined;
    let align = t.aggregateAlign;
    const vl: Layout[] = [];
    for (const v of variants) {
      let st: Layout;
      try {
        st = univariant(t, v, repr, { k: 'always' }, name);
      } catch (e) {
        if (e instanceof LayoutError) return undefined;
        throw e;
      }
      align = Math.max(align, st.align);
      vl.push(st);
    }
    let largest = 0;
    vl.forEach((l, i) => {
      if (l.size >= vl[largest]!.size) largest = i;
    });
    const needsDisc = (i: number) => i !== largest && !absent(variants[i]!);
    let firstIdx = -1;
    let lastIdx = -1;
    for (let i = 0; i < variants.length; i++) {
      if (needsDisc(i)) {
        if (firstIdx < 0) firstIdx = i;
        lastIdx = i;
      }
    }
    if (firstIdx < 0) return undefined;
    const count = BigInt(lastIdx - firstIdx + 1);
    const niche = vl[largest]!.niche;
    if (!niche) return undefined;
    const reserved = reserve(niche, count);
    if (!reserved) return undefined;
    const nicheOffset = niche.offset;
    const nicheSize = niche.size;
    const size = alignTo(vl[largest]!.size, align);
    const placed: Layout[] = [];
    for (let i = 0; i < vl.length; i++) {
      const l = vl[i]!;
      if (i === largest) {
        placed.push(l);
        continue;
      }
      if (l.size <= nicheOffset) {
        placed.push({ ...l, niche: undefined });
        continue;
      }
      const thisOffset = alignTo(nicheOffset + nicheSize, l.align);
      if (thisOffset + l.size > size) return undefined;
      placed.push({
        ...l,
        niche: undefined,
        offsets: l.offsets.map((o) => o + thisOffset),
        size: l.size + thisOffset,
        abi: { k: 'memory' },
      });
    }
    const tag: Scalar = { ...reserved.scalar, align: t.intAlign[nicheSize as 1 | 2 | 4 | 8 | 16] ?? nicheSize };
    const encoding = { k: 'niche' as const, untagged: largest, first: firstIdx, last: lastIdx, nicheStart: reserved.start };
    return {
      size,
      align,
      offsets: [nicheOffset],
      niche: nicheFromScalar(nicheOffset, tag),
      uninhabited: placed.every((v) => v.uninhabited),
      sized: true,
      reprAlign: placed.some((v) => v.reprAlign) || undefined,
      abi: { k: 'memory' },
      variants: { tag, tagOffset: nicheOffset, encoding, variants: placed },
    };
  };

  const nl = nicheFilling();

  // Discriminant range (sign-extended to the declared discriminant type).
  let min: bigint | undefined;
  let max: bigint | undefined;
  const discrSize = repr.int?.size ?? t.pointerSize;
  const discrBits = BigInt(discrSize * 8);
  const discrSigned = repr.int ? repr.int.signed : true;
  const values: bigint[] = [];
  variants.forEach((v, i) => {
    if (!repr.c && v.some((f) => f.uninhabited)) return;
    let val = input.discriminants[i] ?? BigInt(i);
    // rustc reads discriminants as i128 (`d.val as i128`), sign-extending signed reprs first.
    val = discrSigned ? BigInt.asIntN(Number(discrBits), val) : BigInt.asIntN(128, val);
    values.push(val);
    if (min === undefined || val < min) min = val;
    if (max === undefined || val > max) max = val;
  });
  if (min === undefined || max === undefined) {
    min = 0n;
    max = 0n;
    values.push(0n);
  }
  const minIty = discrRange(t, repr, min, max);
  let align = t.aggregateAlign;
  let size = 0;
  let startAlign = 256;
  let prefixAlign = t.intAlign[minIty.size as 1 | 2 | 4 | 8 | 16];
  if (repr.c) for (const v of variants) for (const f of v) prefixAlign = Math.max(prefixAlign, f.align);
  let layoutVariants = variants.map((fields) => {
    const st = univariant(t, fields, repr, { k: 'prefixed', size: minIty.size, align: prefixAlign }, name);
    // rustc goes through the fields in memory order (`index_by_increasing_offset`): at one offset,
    // a zero-sized `[u32; 0]` placed before `[bool; 4]` is the first (and widens the tag to u32).
    for (const i of st.memoryOrder ?? fields.map((_, k) => k)) {
      if (!is1Zst(fields[i]!)) {
        startAlign = Math.min(startAlign, fields[i]!.align);
        break;
      }
    }
    size = Math.max(size, st.size);
    align = Math.max(align, st.align);
    return st;
  });
  size = alignTo(size, align);
  if (BigInt(size) >= t.objSizeBound) throw new LayoutError('E0080', `values of the type \`${name()}\` are too big for the target architecture`);
  let ity = repr.c || repr.int ? minIty.size : (intForAlign(t, startAlign) ?? minIty.size);
  if (ity <= minIty.size) {
    ity = minIty.size;
  } else {
    const oldSize = minIty.size;
    const newSize = ity;
    layoutVariants = layoutVariants.map((v) => ({
      ...v,
      offsets: v.offsets.map((o) => (o <= oldSize ? newSize : o)),
      size: v.size <= oldSize ? newSize : v.size,
    }));
  }
  const m = mask(ity);
  const range = tagValidRange(values, discrSize, discrSigned);
  const tag = intScalar(t, ity, minIty.signed, range.start & m, range.end & m);
  const tl: Layout = {
    size,
    align,
    offsets: [0],
    niche: nicheFromScalar(0, tag),
    uninhabited: layoutVariants.every((v) => v.uninhabited),
    sized: true,
    reprAlign: layoutVariants.some((v) => v.reprAlign) || undefined,
    abi: tag.size === size ? { k: 'scalar', s: tag } : { k: 'memory' },
    variants: { tag, tagOffset: 0, encoding: { k: 'direct' }, variants: layoutVariants },
  };
  if (!nl) return tl;
  const nAvail = (l: Layout) => (l.niche ? available(l.niche) : 0n);
  if (tl.size > nl.size) return nl;
  if (tl.size === nl.size && nAvail(tl) < nAvail(nl)) return nl;
  return tl;
}
