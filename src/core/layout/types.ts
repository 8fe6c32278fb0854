/**
 * Layout data, shaped after rustc_abi's `LayoutData`: what a field, a struct, an enum takes.
 * Sizes and offsets are plain numbers; every arithmetic step goes through `checked*`, which
 * refuses results that JavaScript numbers cannot hold exactly.
 */
import { QuietError } from '../quietError';

/** A primitive value with its range of valid bit-patterns (a wrapping range, like rustc's). */
export interface Scalar {
  readonly size: number;
  readonly align: number;
  readonly signed: boolean;
  readonly pointer: boolean;
  readonly start: bigint;
  readonly end: bigint;
}

/** Invalid values of a scalar at some offset, usable to encode enum discriminants. */
export interface Niche {
  readonly offset: number;
  /** Bytes of the scalar holding the niche. */
  readonly size: number;
  readonly start: bigint;
  readonly end: bigint;
  readonly signed: boolean;
  readonly pointer: boolean;
}

export type Abi =
  | { readonly k: 'scalar'; readonly s: Scalar }
  | { readonly k: 'pair'; readonly a: Scalar; readonly b: Scalar }
  | { readonly k: 'memory' };

export type TagEncoding =
  | { readonly k: 'direct' }
  | { readonly k: 'niche'; readonly untagged: number; readonly first: number; readonly last: number; readonly nicheStart: bigint };

export interface Variants {
  readonly tag: Scalar;
  readonly tagOffset: number;
  readonly encoding: TagEncoding;
  /** One layout per declared variant; offsets are relative to the enum's start. */
  readonly variants: readonly Layout[];
}

export interface Layout {
  readonly size: number;
  readonly align: number;
  /** Offsets by declared field index (empty for primitives). */
  readonly offsets: readonly number[];
  /**
   * How deep the layouts nest under this one (1 for a primitive; an ADT, array or tuple is one more
   * than its deepest part): rustc computes each in a `layout_of` query of its own, and refuses
   * more nested queries than the crate's `recursion_limit`. Undefined counts as 1.
   */
  readonly height?: number;
  /** A struct's (or variant's) field indices in memory order, where fields at one offset keep rustc's order (its `memory_index`). */
  readonly memoryOrder?: readonly number[];
  readonly niche?: Niche;
  /** Some part has `#[repr(align)]` (rustc's `max_repr_align`): packed types may not contain it. */
  readonly reprAlign?: boolean;
  readonly uninhabited: boolean;
  readonly sized: boolean;
  readonly abi: Abi;
  /** Enums with more than one present variant. */
  readonly variants?: Variants;
}

/** The layout could not be computed the way rustc would: rustc rejects it (code) or overflow. */
export class LayoutError extends QuietError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** rustc rejects the type: carries the code and the message. */
export class Reject extends LayoutError {}

/** The engine cannot give an exact answer (and says why). */
export class Abstain extends QuietError {}

export const MAX_EXACT = Number.MAX_SAFE_INTEGER;

export function mask(size: number): bigint {
  return (1n << BigInt(size * 8)) - 1n;
}

export function fullScalar(size: number, align: number, signed: boolean, pointer = false): Scalar {
  return { size, align, signed, pointer, start: 0n, end: mask(size) };
}

export function scalarLayout(s: Scalar): Layout {
  return {
    size: s.size,
    align: s.align,
    offsets: [],
    niche: nicheFromScalar(0, s),
    uninhabited: false,
    sized: true,
    abi: { k: 'scalar', s },
  };
}

/** Number of invalid values of a niche (`Niche::available`). */
export function available(n: { size: number; start: bigint; end: bigint }): bigint {
  const m = mask(n.size);
  // niche = (end + 1) .. start, wrapping
  return (n.start - (n.end + 1n)) & m;
}

export function nicheFromScalar(offset: number, s: Scalar): Niche | undefined {
  const n: Niche = { offset, size: s.size, start: s.start, end: s.end, signed: s.signed, pointer: s.pointer };
  return available(n) > 0n ? n : undefined;
}

/** `Niche::reserve`: take `count` invalid values; returns the first reserved value and the new scalar. */
export function reserve(n: Niche, count: bigint): { start: bigint; scalar: Scalar } | undefined {
  const m = mask(n.size);
  const avail = available(n);
  if (count > avail) return undefined;
  const base = { size: n.size, align: 0, signed: n.signed, pointer: n.pointer };
  const moveStart = () => {
    const start = (n.start - count) & m;
    return { start, scalar: { ...base, start, end: n.end } };
  };
  const moveEnd = () => {
    const start = (n.end + 1n) & m;
    const end = (n.end + count) & m;
    return { start, scalar: { ...base, start: n.start, end } };
  };
  const distanceEndZero = m - n.end;
  if (n.start > n.end) return moveEnd();
  if (n.start <= distanceEndZero) return count <= n.start ? moveStart() : moveEnd();
  const end = (n.end + count) & m;
  const overshotZero = end >= 1n && end <= n.end;
  return overshotZero ? moveStart() : moveEnd();
}

export function alignTo(n: number, a: number): number {
  const r = n % a;
  return r === 0 ? n : n + (a - r);
}

function exact(v: bigint, bound: bigint, what: () => string): number {
  if (v >= bound) throw new LayoutError('E0080', `values of the type \`${what()}\` are too big for the target architecture`);
  if (v > BigInt(MAX_EXACT)) throw new Abstain(`size above 2^53 bytes: not computed exactly`);
  return Number(v);
}

export function checkedAdd(a: number, b: number, bound: bigint, what: () => string): number {
  const s = a + b;
  if (s < MAX_EXACT && BigInt(s) < bound) return s;
  return exact(BigInt(a) + BigInt(b), bound, what);
}

export function checkedMul(a: number, n: bigint, bound: bigint, what: () => string): number {
  if (a === 0 || n === 0n) return 0;
  return exact(BigInt(a) * n, bound, what);
}

export function trailingZeros(n: number): number {
  if (n === 0) return 64;
  let z = 0;
  while (n % 2 === 0) {
    n /= 2;
    z++;
  }
  return z;
}

export function isZst(l: Layout): boolean {
  return l.sized && l.size === 0;
}

export function is1Zst(l: Layout): boolean {
  return isZst(l) && l.align === 1;
}
