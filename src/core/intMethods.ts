/**
 * The integer methods a constant may call (`0x0300u16.swap_bytes()`, `N.next_power_of_two()`,
 * `u32::pow(2, 5)`, `x.checked_add(1).unwrap()`): the ones const-stable in rustc 1.95, with
 * their argument and result types and their values. A method that panics in a constant (an
 * overflow, `ilog2(0)`, `unwrap()` of `None`) is rustc's E0080. `Ord::min`, `max` and `clamp`
 * are not `const` (rustc: E0658) and are not listed.
 */
import { QuietError } from './quietError';

export interface IntTy {
  readonly size: number;
  readonly signed: boolean;
  /** `usize` / `isize`: a type of its own, even where it has a fixed-size type's width. */
  readonly ptr?: boolean;
}

const U32: IntTy = { size: 4, signed: false };

/**
 * What a method takes after `self` and gives back: `self` is the receiver's type, `other` the
 * type of the same width and the other signedness (`5u32.checked_add_signed(-2)`), `signed` and
 * `unsigned` that width's; `option` an `Option` of the receiver's type, `optionU32` of a `u32`.
 */
interface Sig {
  readonly args: readonly ('self' | 'u32' | 'other')[];
  readonly result: 'self' | 'u32' | 'bool' | 'unsigned' | 'signed' | 'option' | 'optionU32';
  readonly only?: 'signed' | 'unsigned';
}

const SIGS: Record<string, Sig> = {
  swap_bytes: { args: [], result: 'self' },
  reverse_bits: { args: [], result: 'self' },
  to_be: { args: [], result: 'self' },
  to_le: { args: [], result: 'self' },
  from_be: { args: [], result: 'self' },
  from_le: { args: [], result: 'self' },
  rotate_left: { args: ['u32'], result: 'self' },
  rotate_right: { args: ['u32'], result: 'self' },
  pow: { args: ['u32'], result: 'self' },
  wrapping_add: { args: ['self'], result: 'self' },
  wrapping_sub: { args: ['self'], result: 'self' },
  wrapping_mul: { args: ['self'], result: 'self' },
  wrapping_div: { args: ['self'], result: 'self' },
  wrapping_rem: { args: ['self'], result: 'self' },
  wrapping_neg: { args: [], result: 'self' },
  wrapping_pow: { args: ['u32'], result: 'self' },
  wrapping_shl: { args: ['u32'], result: 'self' },
  wrapping_shr: { args: ['u32'], result: 'self' },
  saturating_add: { args: ['self'], result: 'self' },
  saturating_sub: { args: ['self'], result: 'self' },
  saturating_mul: { args: ['self'], result: 'self' },
  saturating_pow: { args: ['u32'], result: 'self' },
  checked_add: { args: ['self'], result: 'option' },
  checked_sub: { args: ['self'], result: 'option' },
  checked_mul: { args: ['self'], result: 'option' },
  checked_div: { args: ['self'], result: 'option' },
  checked_rem: { args: ['self'], result: 'option' },
  checked_pow: { args: ['u32'], result: 'option' },
  checked_shl: { args: ['u32'], result: 'option' },
  checked_shr: { args: ['u32'], result: 'option' },
  checked_neg: { args: [], result: 'option' },
  checked_next_power_of_two: { args: [], result: 'option', only: 'unsigned' },
  next_power_of_two: { args: [], result: 'self', only: 'unsigned' },
  div_ceil: { args: ['self'], result: 'self', only: 'unsigned' },
  div_euclid: { args: ['self'], result: 'self' },
  rem_euclid: { args: ['self'], result: 'self' },
  isqrt: { args: [], result: 'self' },
  abs: { args: [], result: 'self', only: 'signed' },
  signum: { args: [], result: 'self', only: 'signed' },
  unsigned_abs: { args: [], result: 'unsigned', only: 'signed' },
  abs_diff: { args: ['self'], result: 'unsigned' },
  count_ones: { args: [], result: 'u32' },
  count_zeros: { args: [], result: 'u32' },
  leading_zeros: { args: [], result: 'u32' },
  trailing_zeros: { args: [], result: 'u32' },
  leading_ones: { args: [], result: 'u32' },
  trailing_ones: { args: [], result: 'u32' },
  ilog2: { args: [], result: 'u32' },
  ilog10: { args: [], result: 'u32' },
  ilog: { args: ['self'], result: 'u32' },
  is_power_of_two: { args: [], result: 'bool', only: 'unsigned' },
  is_positive: { args: [], result: 'bool', only: 'signed' },
  is_negative: { args: [], result: 'bool', only: 'signed' },
  // Const-stable since rustc 1.73–1.91 (each compiled in a constant by rustc 1.95).
  next_multiple_of: { args: ['self'], result: 'self', only: 'unsigned' },
  checked_next_multiple_of: { args: ['self'], result: 'option', only: 'unsigned' },
  is_multiple_of: { args: ['self'], result: 'bool', only: 'unsigned' },
  midpoint: { args: ['self'], result: 'self' },
  cast_signed: { args: [], result: 'signed', only: 'unsigned' },
  cast_unsigned: { args: [], result: 'unsigned', only: 'signed' },
  unbounded_shl: { args: ['u32'], result: 'self' },
  unbounded_shr: { args: ['u32'], result: 'self' },
  strict_add: { args: ['self'], result: 'self' },
  strict_sub: { args: ['self'], result: 'self' },
  strict_mul: { args: ['self'], result: 'self' },
  strict_div: { args: ['self'], result: 'self' },
  strict_rem: { args: ['self'], result: 'self' },
  strict_div_euclid: { args: ['self'], result: 'self' },
  strict_rem_euclid: { args: ['self'], result: 'self' },
  strict_neg: { args: [], result: 'self' },
  strict_pow: { args: ['u32'], result: 'self' },
  strict_shl: { args: ['u32'], result: 'self' },
  strict_shr: { args: ['u32'], result: 'self' },
  strict_abs: { args: [], result: 'self', only: 'signed' },
  checked_ilog2: { args: [], result: 'optionU32' },
  checked_ilog10: { args: [], result: 'optionU32' },
  checked_ilog: { args: ['self'], result: 'optionU32' },
  checked_abs: { args: [], result: 'option', only: 'signed' },
  checked_isqrt: { args: [], result: 'option', only: 'signed' },
  checked_div_euclid: { args: ['self'], result: 'option' },
  checked_rem_euclid: { args: ['self'], result: 'option' },
  wrapping_abs: { args: [], result: 'self', only: 'signed' },
  wrapping_div_euclid: { args: ['self'], result: 'self' },
  wrapping_rem_euclid: { args: ['self'], result: 'self' },
  saturating_neg: { args: [], result: 'self', only: 'signed' },
  saturating_abs: { args: [], result: 'self', only: 'signed' },
  saturating_div: { args: ['self'], result: 'self' },
  checked_add_signed: { args: ['other'], result: 'option', only: 'unsigned' },
  saturating_add_signed: { args: ['other'], result: 'self', only: 'unsigned' },
  wrapping_add_signed: { args: ['other'], result: 'self', only: 'unsigned' },
  checked_add_unsigned: { args: ['other'], result: 'option', only: 'signed' },
  checked_sub_unsigned: { args: ['other'], result: 'option', only: 'signed' },
  saturating_add_unsigned: { args: ['other'], result: 'self', only: 'signed' },
  saturating_sub_unsigned: { args: ['other'], result: 'self', only: 'signed' },
  wrapping_add_unsigned: { args: ['other'], result: 'self', only: 'signed' },
  wrapping_sub_unsigned: { args: ['other'], result: 'self', only: 'signed' },
};

/** The methods whose result is a `bool`. */
export const BOOL_INT_METHODS: ReadonlySet<string> = new Set(Object.keys(SIGS).filter((k) => SIGS[k]!.result === 'bool'));

export interface MethodTypes {
  readonly args: readonly IntTy[];
  /** `option`: an `Option` of `inner`, read only through `unwrap()` / `expect(..)`. */
  readonly result: IntTy | 'bool' | 'option';
  /** The type an `option` result holds. */
  readonly inner?: IntTy;
}

/** The argument and result types of `recv.name(..)`; undefined for a method not evaluated here. */
export function intMethodTypes(name: string, recv: IntTy): MethodTypes | undefined {
  const sig = Object.prototype.hasOwnProperty.call(SIGS, name) ? SIGS[name] : undefined;
  if (!sig || (sig.only === 'signed' && !recv.signed) || (sig.only === 'unsigned' && recv.signed)) return undefined;
  const withSign = (signed: boolean): IntTy => ({ size: recv.size, signed, ...(recv.ptr ? { ptr: true } : {}) });
  const args = sig.args.map((a) => (a === 'u32' ? U32 : a === 'other' ? withSign(!recv.signed) : recv));
  switch (sig.result) {
    case 'self': return { args, result: recv };
    case 'u32': return { args, result: U32 };
    case 'unsigned': return { args, result: withSign(false) };
    case 'signed': return { args, result: withSign(true) };
    case 'option': return { args, result: 'option', inner: recv };
    case 'optionU32': return { args, result: 'option', inner: U32 };
    case 'bool': return { args, result: 'bool' };
  }
}

/** A panic in a constant: rustc's E0080, with its message. */
export class ConstPanic extends QuietError {}

const range = (t: IntTy): [bigint, bigint] => {
  const bits = BigInt(t.size * 8);
  return t.signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
};
const wrap = (t: IntTy, v: bigint): bigint => (t.signed ? BigInt.asIntN(t.size * 8, v) : BigInt.asUintN(t.size * 8, v));
const fits = (t: IntTy, v: bigint): boolean => {
  const [lo, hi] = range(t);
  return v >= lo && v <= hi;
};

function swapBytes(t: IntTy, v: bigint): bigint {
  let u = BigInt.asUintN(t.size * 8, v);
  let out = 0n;
  for (let i = 0; i < t.size; i++) {
    out = (out << 8n) | (u & 0xffn);
    u >>= 8n;
  }
  return wrap(t, out);
}

function reverseBits(t: IntTy, v: bigint): bigint {
  let u = BigInt.asUintN(t.size * 8, v);
  let out = 0n;
  for (let i = 0; i < t.size * 8; i++) {
    out = (out << 1n) | (u & 1n);
    u >>= 1n;
  }
  return wrap(t, out);
}

function popCount(u: bigint): bigint {
  let n = 0n;
  for (; u > 0n; u >>= 1n) n += u & 1n;
  return n;
}

function leadingZeros(bits: number, u: bigint): bigint {
  let n = 0;
  for (let i = bits - 1; i >= 0 && ((u >> BigInt(i)) & 1n) === 0n; i--) n++;
  return BigInt(n);
}

function trailingZeros(bits: number, u: bigint): bigint {
  if (u === 0n) return BigInt(bits);
  let n = 0n;
  for (; (u & 1n) === 0n; u >>= 1n) n++;
  return n;
}

/** `floor(log_base(v))` for v ≥ 1, base ≥ 2. */
function ilog(v: bigint, base: bigint): bigint {
  let n = 0n;
  for (let p = base; p <= v; p *= base) n++;
  return n;
}

function isqrt(v: bigint): bigint {
  if (v < 2n) return v;
  let x = BigInt(Math.floor(Math.sqrt(Number(v))));
  while (x * x > v) x--;
  while ((x + 1n) * (x + 1n) <= v) x++;
  return x;
}

/** Euclidean division: the remainder is never negative. */
function divEuclid(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b < 0n ? (b > 0n ? q - 1n : q + 1n) : q;
}

/**
 * `v ** e` if it fits `t`, else undefined; never builds a number wider than the type (an
 * exponent of 4,000,000,000 must not hang the editor).
 */
function powIn(t: IntTy, v: bigint, e: bigint): bigint | undefined {
  if (e === 0n) return 1n;
  if (v === 0n || v === 1n) return v;
  if (v === -1n) return e % 2n === 0n ? 1n : -1n;
  // |v| ≥ 2: past the type's width in bits the result cannot fit.
  if (e > BigInt(t.size * 8)) return undefined;
  const r = v ** e;
  return fits(t, r) ? r : undefined;
}

/** `v ** e` wrapped to the type: square and multiply, reduced at every step. */
function wrappingPow(t: IntTy, v: bigint, e: bigint): bigint {
  const bits = t.size * 8;
  let base = BigInt.asUintN(bits, v);
  let acc = 1n;
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) acc = BigInt.asUintN(bits, acc * base);
    base = BigInt.asUintN(bits, base * base);
  }
  return wrap(t, acc);
}

/** `None` of a checked method. */
const NONE = null;

/**
 * The value of `recv.name(args)` for a receiver of type `t` (values already in their types'
 * ranges); null for a checked method's `None`. Throws ConstPanic where rustc's evaluation panics.
 */
export function applyIntMethod(name: string, t: IntTy, v: bigint, args: readonly bigint[], bigEndian: boolean): bigint | boolean | null {
  const bits = t.size * 8;
  const u = BigInt.asUintN(bits, v);
  const [a = 0n] = args;
  const overflow = (what: string): never => {
    throw new ConstPanic(`attempt to ${what} with overflow`);
  };
  const checked = (r: bigint): bigint | null => (fits(t, r) ? r : NONE);
  const saturate = (r: bigint): bigint => {
    const [lo, hi] = range(t);
    return r < lo ? lo : r > hi ? hi : r;
  };
  const divisor = (what: string): void => {
    if (a === 0n) throw new ConstPanic(`attempt to ${what} with a divisor of zero`);
  };
  switch (name) {
    case 'swap_bytes': return swapBytes(t, v);
    case 'reverse_bits': return reverseBits(t, v);
    case 'to_be': case 'from_be': return bigEndian ? v : swapBytes(t, v);
    case 'to_le': case 'from_le': return bigEndian ? swapBytes(t, v) : v;
    case 'rotate_left': case 'rotate_right': {
      const k = BigInt(Number(a % BigInt(bits)));
      const r = name === 'rotate_left' ? k : (BigInt(bits) - k) % BigInt(bits);
      return wrap(t, ((u << r) | (u >> (BigInt(bits) - r))) & ((1n << BigInt(bits)) - 1n));
    }
    case 'pow': return powIn(t, v, a) ?? overflow('multiply');
    case 'wrapping_pow': return wrappingPow(t, v, a);
    // Overflow saturates towards the sign the exact power would have.
    case 'saturating_pow': return powIn(t, v, a) ?? saturate(v < 0n && a % 2n === 1n ? -(1n << 200n) : 1n << 200n);
    case 'checked_pow': return powIn(t, v, a) ?? NONE;
    case 'wrapping_add': return wrap(t, v + a);
    case 'wrapping_sub': return wrap(t, v - a);
    case 'wrapping_mul': return wrap(t, v * a);
    case 'wrapping_neg': return wrap(t, -v);
    case 'wrapping_div': divisor('divide'); return wrap(t, v / a);
    case 'wrapping_rem': divisor('calculate the remainder'); return wrap(t, v % a);
    case 'wrapping_shl': return wrap(t, u << (a % BigInt(bits)));
    case 'wrapping_shr': return wrap(t, (t.signed ? v : u) >> (a % BigInt(bits)));
    case 'saturating_add': return saturate(v + a);
    case 'saturating_sub': return saturate(v - a);
    case 'saturating_mul': return saturate(v * a);
    case 'checked_add': return checked(v + a);
    case 'checked_sub': return checked(v - a);
    case 'checked_mul': return checked(v * a);
    case 'checked_div': return a === 0n ? NONE : checked(v / a);
    // `MIN.checked_rem(-1)` is None (the division overflows), though the remainder would be 0.
    case 'checked_rem': return a === 0n || !fits(t, v / a) ? NONE : v % a;
    case 'checked_neg': return checked(-v);
    case 'checked_shl': return a >= BigInt(bits) ? NONE : wrap(t, u << a);
    case 'checked_shr': return a >= BigInt(bits) ? NONE : v >> a;
    case 'next_power_of_two': case 'checked_next_power_of_two': {
      let p = 1n;
      while (p < v) p <<= 1n;
      if (fits(t, p)) return p;
      return name === 'checked_next_power_of_two' ? NONE : overflow('add');
    }
    case 'div_ceil': {
      divisor('divide');
      const q = v / a;
      return v % a !== 0n ? q + 1n : q;
    }
    case 'div_euclid': { divisor('divide'); const q = divEuclid(v, a); return fits(t, q) ? q : overflow('divide'); }
    case 'rem_euclid': {
      divisor('calculate the remainder');
      if (!fits(t, divEuclid(v, a))) overflow('calculate the remainder');
      return v - a * divEuclid(v, a);
    }
    case 'isqrt':
      if (v < 0n) throw new ConstPanic('argument of integer square root cannot be negative');
      return isqrt(v);
    case 'abs': { const r = v < 0n ? -v : v; return fits(t, r) ? r : overflow('negate'); }
    case 'signum': return v > 0n ? 1n : v < 0n ? -1n : 0n;
    case 'unsigned_abs': return v < 0n ? -v : v;
    case 'abs_diff': return v > a ? v - a : a - v;
    case 'count_ones': return popCount(u);
    case 'count_zeros': return BigInt(bits) - popCount(u);
    case 'leading_zeros': return leadingZeros(bits, u);
    case 'trailing_zeros': return trailingZeros(bits, u);
    case 'leading_ones': return leadingZeros(bits, BigInt.asUintN(bits, ~u));
    case 'trailing_ones': return trailingZeros(bits, BigInt.asUintN(bits, ~u));
    case 'ilog2': case 'ilog10': case 'ilog': {
      const base = name === 'ilog2' ? 2n : name === 'ilog10' ? 10n : a;
      if (base < 2n) throw new ConstPanic('base of integer logarithm must be at least 2');
      if (v <= 0n) throw new ConstPanic('argument of integer logarithm must be positive');
      return ilog(v, base);
    }
    case 'is_power_of_two': return popCount(u) === 1n;
    case 'is_positive': return v > 0n;
    case 'is_negative': return v < 0n;
    case 'next_multiple_of': case 'checked_next_multiple_of': {
      if (a === 0n) {
        if (name === 'checked_next_multiple_of') return NONE;
        throw new ConstPanic('attempt to calculate the remainder with a divisor of zero');
      }
      const r = v % a === 0n ? v : v + (a - (v % a));
      if (fits(t, r)) return r;
      return name === 'checked_next_multiple_of' ? NONE : overflow('add');
    }
    case 'is_multiple_of': return a === 0n ? v === 0n : v % a === 0n;
    // Rounded towards zero (the unsigned ones: down), computed without overflow.
    case 'midpoint': return (v + a) / 2n;
    case 'cast_signed': return BigInt.asIntN(bits, v);
    case 'cast_unsigned': return u;
    case 'unbounded_shl': return a >= BigInt(bits) ? 0n : wrap(t, u << a);
    case 'unbounded_shr': return a >= BigInt(bits) ? (v < 0n ? -1n : 0n) : v >> a;
    case 'strict_add': return fits(t, v + a) ? v + a : overflow('add');
    case 'strict_sub': return fits(t, v - a) ? v - a : overflow('subtract');
    case 'strict_mul': return fits(t, v * a) ? v * a : overflow('multiply');
    case 'strict_div': divisor('divide'); return fits(t, v / a) ? v / a : overflow('divide');
    case 'strict_rem': divisor('calculate the remainder'); return fits(t, v / a) ? v % a : overflow('calculate the remainder');
    case 'strict_div_euclid': { divisor('divide'); const q = divEuclid(v, a); return fits(t, q) ? q : overflow('divide'); }
    case 'strict_rem_euclid': {
      divisor('calculate the remainder');
      if (!fits(t, divEuclid(v, a))) overflow('calculate the remainder');
      return v - a * divEuclid(v, a);
    }
    case 'strict_neg': return fits(t, -v) ? -v : overflow('negate');
    case 'strict_pow': return powIn(t, v, a) ?? overflow('multiply');
    case 'strict_shl': return a >= BigInt(bits) ? overflow('shift left') : wrap(t, u << a);
    case 'strict_shr': return a >= BigInt(bits) ? overflow('shift right') : v >> a;
    case 'strict_abs': { const r = v < 0n ? -v : v; return fits(t, r) ? r : overflow('negate'); }
    case 'checked_ilog2': case 'checked_ilog10': case 'checked_ilog': {
      const base = name === 'checked_ilog2' ? 2n : name === 'checked_ilog10' ? 10n : a;
      return v <= 0n || base < 2n ? NONE : ilog(v, base);
    }
    case 'checked_abs': return checked(v < 0n ? -v : v);
    case 'checked_isqrt': return v < 0n ? NONE : isqrt(v);
    case 'checked_div_euclid': return a === 0n || !fits(t, divEuclid(v, a)) ? NONE : divEuclid(v, a);
    case 'checked_rem_euclid': return a === 0n || !fits(t, divEuclid(v, a)) ? NONE : v - a * divEuclid(v, a);
    case 'wrapping_abs': return wrap(t, v < 0n ? -v : v);
    case 'wrapping_div_euclid': divisor('divide'); return wrap(t, divEuclid(v, a));
    case 'wrapping_rem_euclid': divisor('calculate the remainder'); return fits(t, divEuclid(v, a)) ? v - a * divEuclid(v, a) : 0n;
    case 'saturating_neg': return saturate(-v);
    case 'saturating_abs': return saturate(v < 0n ? -v : v);
    case 'saturating_div': divisor('divide'); return saturate(v / a);
    case 'checked_add_signed': case 'checked_add_unsigned': return checked(v + a);
    case 'checked_sub_unsigned': return checked(v - a);
    case 'saturating_add_signed': case 'saturating_add_unsigned': return saturate(v + a);
    case 'saturating_sub_unsigned': return saturate(v - a);
    case 'wrapping_add_signed': case 'wrapping_add_unsigned': return wrap(t, v + a);
    case 'wrapping_sub_unsigned': return wrap(t, v - a);
  }
  throw new Error(`integer method ${name} has a signature but no value`);
}
