/**
 * Integer methods in constants (`0x0300u16.swap_bytes()`, `u32::pow(2, 5)`,
 * `x.checked_add(1).unwrap()`, src/core/intMethods.ts), checked against rustc: random calls on
 * random values of every integer type become array lengths, rustc compiles them (a call that
 * panics is an E0080 on its line), and the engine must give every type the same size or the same
 * error. A few named cases cover what the random ones do not: ambiguous receivers, `Ord`'s
 * methods, `if` and bool results. Random `const fn`s of the crate, called the same way, too.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { rustcAvailable, run } from '../oracle/rustc';
import { rng } from './parseHelpers';

interface Int {
  readonly name: string;
  readonly bits: number;
  readonly signed: boolean;
}
const INTS: readonly Int[] = [8, 16, 32, 64, 128].flatMap((bits) => [
  { name: `u${bits}`, bits, signed: false },
  { name: `i${bits}`, bits, signed: true },
]).concat([{ name: 'usize', bits: 64, signed: false }, { name: 'isize', bits: 64, signed: true }]);

/** Method → its arguments after `self` (`s`: the receiver's type, `u`: u32) and what it is defined for. */
const METHODS: Record<string, { args: string; only?: 'signed' | 'unsigned'; result?: 'bool' | 'option' }> = {
  swap_bytes: { args: '' }, reverse_bits: { args: '' }, to_be: { args: '' }, to_le: { args: '' },
  rotate_left: { args: 'u' }, rotate_right: { args: 'u' }, pow: { args: 'u' },
  wrapping_add: { args: 's' }, wrapping_sub: { args: 's' }, wrapping_mul: { args: 's' }, wrapping_div: { args: 's' },
  wrapping_rem: { args: 's' }, wrapping_neg: { args: '' }, wrapping_pow: { args: 'u' }, wrapping_shl: { args: 'u' },
  wrapping_shr: { args: 'u' }, saturating_add: { args: 's' }, saturating_sub: { args: 's' }, saturating_mul: { args: 's' },
  saturating_pow: { args: 'u' }, next_power_of_two: { args: '', only: 'unsigned' }, div_ceil: { args: 's', only: 'unsigned' },
  div_euclid: { args: 's' }, rem_euclid: { args: 's' }, isqrt: { args: '' }, abs: { args: '', only: 'signed' },
  signum: { args: '', only: 'signed' }, unsigned_abs: { args: '', only: 'signed' }, abs_diff: { args: 's' },
  count_ones: { args: '' }, count_zeros: { args: '' }, leading_zeros: { args: '' }, trailing_zeros: { args: '' },
  leading_ones: { args: '' }, trailing_ones: { args: '' }, ilog2: { args: '' }, ilog10: { args: '' }, ilog: { args: 's' },
  is_power_of_two: { args: '', only: 'unsigned', result: 'bool' }, is_positive: { args: '', only: 'signed', result: 'bool' },
  is_negative: { args: '', only: 'signed', result: 'bool' },
  checked_add: { args: 's', result: 'option' }, checked_sub: { args: 's', result: 'option' }, checked_mul: { args: 's', result: 'option' },
  checked_div: { args: 's', result: 'option' }, checked_rem: { args: 's', result: 'option' }, checked_pow: { args: 'u', result: 'option' }, checked_shl: { args: 'u', result: 'option' },
  checked_neg: { args: '', result: 'option' }, checked_next_power_of_two: { args: '', only: 'unsigned', result: 'option' },
};

/** The methods const-stable since rustc 1.73–1.91 (`o`: an argument of the other signedness, same width). */
const NEWER_METHODS: typeof METHODS = {
  next_multiple_of: { args: 's', only: 'unsigned' }, checked_next_multiple_of: { args: 's', only: 'unsigned', result: 'option' },
  is_multiple_of: { args: 's', only: 'unsigned', result: 'bool' }, midpoint: { args: 's' },
  cast_signed: { args: '', only: 'unsigned' }, cast_unsigned: { args: '', only: 'signed' },
  unbounded_shl: { args: 'u' }, unbounded_shr: { args: 'u' },
  strict_add: { args: 's' }, strict_sub: { args: 's' }, strict_mul: { args: 's' }, strict_div: { args: 's' }, strict_rem: { args: 's' },
  strict_div_euclid: { args: 's' }, strict_rem_euclid: { args: 's' }, strict_neg: { args: '' }, strict_pow: { args: 'u' },
  strict_shl: { args: 'u' }, strict_shr: { args: 'u' }, strict_abs: { args: '', only: 'signed' },
  checked_ilog2: { args: '', result: 'option' }, checked_ilog10: { args: '', result: 'option' }, checked_ilog: { args: 's', result: 'option' },
  checked_abs: { args: '', only: 'signed', result: 'option' }, checked_isqrt: { args: '', only: 'signed', result: 'option' },
  checked_div_euclid: { args: 's', result: 'option' }, checked_rem_euclid: { args: 's', result: 'option' },
  wrapping_abs: { args: '', only: 'signed' }, wrapping_div_euclid: { args: 's' }, wrapping_rem_euclid: { args: 's' },
  saturating_neg: { args: '', only: 'signed' }, saturating_abs: { args: '', only: 'signed' }, saturating_div: { args: 's' },
  checked_add_signed: { args: 'o', only: 'unsigned', result: 'option' }, saturating_add_signed: { args: 'o', only: 'unsigned' },
  wrapping_add_signed: { args: 'o', only: 'unsigned' }, checked_add_unsigned: { args: 'o', only: 'signed', result: 'option' },
  checked_sub_unsigned: { args: 'o', only: 'signed', result: 'option' }, saturating_add_unsigned: { args: 'o', only: 'signed' },
  saturating_sub_unsigned: { args: 'o', only: 'signed' }, wrapping_add_unsigned: { args: 'o', only: 'signed' },
  wrapping_sub_unsigned: { args: 'o', only: 'signed' },
};

/** The type of the same width and the other signedness. */
function otherSign(t: Int): Int {
  const name = t.name.startsWith('u') ? `i${t.name.slice(1)}` : `u${t.name.slice(1)}`;
  return INTS.find((x) => x.name === name)!;
}

function literal(t: Int, v: bigint, suffix: boolean): string {
  const s = `${v < 0n ? -v : v}${suffix ? t.name : ''}`;
  return v < 0n ? `(-${s})` : s;
}

/** A value of type t: small ones, powers of two and the edges are likelier than uniform. */
function value(t: Int, r: () => number): bigint {
  const lo = t.signed ? -(1n << BigInt(t.bits - 1)) : 0n;
  const hi = t.signed ? (1n << BigInt(t.bits - 1)) - 1n : (1n << BigInt(t.bits)) - 1n;
  const pick = r();
  if (pick < 0.1) return [lo, hi, 0n, 1n][Math.floor(r() * 4)]!;
  if (pick < 0.4) return BigInt(Math.floor(r() * 40)) - (t.signed ? 10n : 0n);
  if (pick < 0.6) {
    const p = 1n << BigInt(Math.floor(r() * (t.bits - (t.signed ? 1 : 0))));
    return r() < 0.5 ? p : p - 1n;
  }
  let v = 0n;
  for (let i = 0; i < t.bits; i += 16) v = (v << 16n) | BigInt(Math.floor(r() * 65536));
  v = BigInt.asUintN(t.bits, v);
  return t.signed ? BigInt.asIntN(t.bits, v) : v;
}

function call(r: () => number, methods = METHODS): string {
  const t = INTS[Math.floor(r() * INTS.length)]!;
  const names = Object.keys(methods).filter((m) => methods[m]!.only !== (t.signed ? 'unsigned' : 'signed'));
  const m = names[Math.floor(r() * names.length)]!;
  const spec = methods[m]!;
  const byPath = r() < 0.25;
  const arg = (a: string): string => {
    if (a === 'u') return String(Math.floor(r() * (t.bits + 8))) + (byPath ? '' : 'u32');
    const at = a === 'o' ? otherSign(t) : t;
    return literal(at, value(at, r), !byPath);
  };
  const args = [...spec.args].map(arg);
  const expr = byPath ? `${t.name}::${m}(${[literal(t, value(t, r), false), ...args].join(', ')})` : `${literal(t, value(t, r), true)}.${m}(${args.join(', ')})`;
  const full = spec.result === 'option' ? `${expr}.unwrap()` : expr;
  return spec.result === 'bool' ? `(${full}) as usize` : `((${full}) as u128 % 997) as usize`;
}

/** rustc's size per struct `S<i>`, or the code of the error on its line (lines blanked and compiled again). */
async function rustcSizes(lines: string[]): Promise<Map<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rll-int-methods-'));
  const out = new Map<string, string>();
  try {
    const src = [...lines];
    for (let round = 0; round < 6; round++) {
      const live = src.map((l, i) => (/^pub struct S\d+\(/.test(l) ? `S${i}` : '')).filter(Boolean);
      const main = `${src.join('\n')}\nfn main() {\n${live.map((n) => `    println!("${n} {}", std::mem::size_of::<${n}>());`).join('\n')}\n}\n`;
      writeFileSync(path.join(dir, 'main.rs'), main);
      const r = await run('rustc', ['--edition', '2021', '--cap-lints', 'allow', '-o', path.join(dir, 'main'), path.join(dir, 'main.rs')]);
      if (r.code === 0) {
        for (const l of (await run(path.join(dir, 'main'), [])).stdout.trim().split('\n')) {
          const [n, size] = l.split(' ');
          if (n) out.set(n, size!);
        }
        return out;
      }
      let found = 0;
      for (const block of r.stderr.split(/\n(?=error)/)) {
        const code = /^error(?:\[(E\d{4})\])?:/.exec(block)?.[1];
        const line = Number(/-->\s+\S+?:(\d+):\d+/.exec(block)?.[1] ?? 0);
        if (!code || !line || line > lines.length || !src[line - 1]) continue;
        out.set(`S${line - 1}`, code);
        src[line - 1] = '';
        found++;
      }
      assert.ok(found > 0, `rustc's errors are not on the cases' lines:\n${r.stderr.slice(0, 3000)}`);
    }
    assert.fail('rustc kept rejecting lines');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `count` random `const fn`s over integers (parameters of every type, arithmetic, shifts, casts,
 * `if .. else`, calls of the ones before), then `count` array lengths calling them. Well typed by
 * construction (negative literals are suffixed: a cast's hint would make `-2 as usize` E0600), so
 * rustc's only errors are panics (E0080) on the structs' lines.
 */
function constFnCases(r: () => number, count: number): string[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const tys = INTS.map((t) => t.name);
  const fns: { name: string; params: { name: string; ty: string }[]; ret: string }[] = [];
  const lit = (ty: string): string => {
    const v = Math.floor(r() * (r() < 0.2 ? 300 : 20));
    if (ty.startsWith('i') && r() < 0.2) return `(-${v}${ty})`;
    return r() < 0.4 ? `${v}${ty}` : `${v}`;
  };
  const gen = (ty: string, d: number, params: readonly { name: string; ty: string }[]): string => {
    const choices = ['lit', 'lit'];
    const own = params.filter((p) => p.ty === ty);
    if (own.length) choices.push('param', 'param', 'param');
    if (d < 3) choices.push('bin', 'bin', 'cast', 'if', 'shift');
    const callable = fns.filter((f) => f.ret === ty);
    if (d < 3 && callable.length) choices.push('call');
    switch (pick(choices)) {
      case 'param':
        return pick(own).name;
      case 'bin':
        return `(${gen(ty, d + 1, params)} ${pick(['+', '-', '*', '/', '%', '&', '|', '^'])} ${gen(ty, d + 1, params)})`;
      case 'shift':
        return `(${gen(ty, d + 1, params)} ${pick(['<<', '>>'])} ${Math.floor(r() * 10)}u32)`;
      case 'cast':
        return `(${gen(pick(tys), d + 1, params)} as ${ty})`;
      case 'if': {
        const t2 = pick(tys);
        return `if ${gen(t2, d + 1, params)} ${pick(['<', '>', '==', '!=', '<=', '>='])} ${gen(t2, d + 1, params)} { ${gen(ty, d + 1, params)} } else { ${gen(ty, d + 1, params)} }`;
      }
      case 'call': {
        const f = pick(callable);
        return `${f.name}(${f.params.map((p) => gen(p.ty, d + 1, params)).join(', ')})`;
      }
      default:
        return lit(ty);
    }
  };
  const lines = ['#![allow(arithmetic_overflow, unconditional_panic, dead_code, unused_parens, overflowing_literals)]'];
  for (let i = 0; i < count; i++) {
    const params = Array.from({ length: Math.floor(r() * 3) }, (_, k) => ({ name: `p${k}`, ty: pick(tys) }));
    const ret = pick(tys);
    lines.push(`pub const fn f${i}(${params.map((p) => `${p.name}: ${p.ty}`).join(', ')}) -> ${ret} { ${gen(ret, 0, params)} }`);
    fns.push({ name: `f${i}`, params, ret });
  }
  for (let i = 0; i < count; i++) {
    const f = pick(fns);
    lines.push(`pub struct S${lines.length}([u8; (${f.name}(${f.params.map((p) => gen(p.ty, 2, [])).join(', ')}) as usize) % 50], u8);`);
  }
  return lines;
}

describe('integer methods in constants, against rustc', function () {
  this.timeout(300_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());
  before(function () {
    if (!rustcAvailable()) this.skip();
  });

  const check = async (lines: string[], allowUnknown: ReadonlySet<number> = new Set()) => {
    const rustc = await rustcSizes(lines);
    const engine = new Map((await analyzer.analyzeText('methods.rs', lines.join('\n'))).types.map((t) => [t.name, t]));
    const wrong: string[] = [];
    lines.forEach((line, i) => {
      if (!line.startsWith('pub struct S')) return;
      const want = rustc.get(`S${i}`);
      const t = engine.get(`S${i}`);
      const got = t?.error ? /^(E\d{4})/.exec(t.error)?.[1] ?? t.error : t?.size === null || t?.size === undefined ? `unknown: ${t?.unknown}` : String(t.size);
      if (allowUnknown.has(i) && got.startsWith('unknown')) return;
      if (got !== want) wrong.push(`${line}\n    rustc: ${want}, engine: ${got}`);
    });
    assert.deepEqual(wrong, [], `${wrong.length} of ${lines.length} differ`);
  };

  it('300 random calls of 50 methods on every integer type, by method and by path: the same size or the same error', async () => {
    const r = rng(0x5eed_1e75);
    await check(Array.from({ length: 300 }, (_, i) => `pub struct S${i}([u8; ${call(r)}]);`));
  });

  it('400 random calls of the 42 methods const-stable since rustc 1.73 (`next_multiple_of`, `midpoint`, `strict_*`, `checked_ilog2`, `*_add_signed`…): the same size or the same error', async () => {
    assert.equal(Object.keys(NEWER_METHODS).length, 42);
    const r = rng(Number(process.env.RLL_SEED ?? 0x1e3e_7a11));
    await check(Array.from({ length: 400 }, (_, i) => `pub struct S${i}([u8; ${call(r, NEWER_METHODS)}]);`));
  });

  it("the crate's own `const fn`s: 3 × 60 random ones (integer parameters of every type, arithmetic, shifts, casts, `if`, calls of each other) called from array lengths: the same size or the same error (E0080 for overflow inside the call)", async () => {
    for (const seed of [0xc0_f1, 0xc0_f2, 0xc0_f3]) await check(constFnCases(rng(seed), 60));
  });

  it('`if`, bools, typed constants and primitive constants as receivers; `Ord::max` is refused as rustc refuses it', async () => {
    const lines = [
      'const N: usize = 100; const M: u16 = 0x0300;',
      'pub struct S1([u8; if N.is_power_of_two() { 1 } else { 2 }]);',
      'pub struct S2([u8; N.next_power_of_two() - N]);',
      'pub struct S3([u8; M.swap_bytes() as usize]);',
      'pub struct S4([u8; i8::MIN.unsigned_abs() as usize]);',
      'pub struct S5([u8; (u32::MAX.count_ones() + u8::BITS) as usize]);',
      'pub struct S6([u8; usize::max(3, 9)]);',
      'pub struct S7([u8; 3usize.min(9)]);',
      'pub struct S8([u8; N.checked_sub(101).unwrap()]);',
      'pub struct S9([u8; core::mem::size_of::<u64>().pow(2)]);',
      'pub struct S10([u8; if N > 50 { if N > 99 { 7 } else { 8 } } else { 9 }]);',
      'pub struct S11([u8; (N.ilog2() as usize).div_ceil(3)]);',
      'pub struct S12([u8; N.checked_div(3).expect("three")]);',
      'pub struct S13([u8; (i8::MIN.checked_rem(-1)).unwrap() as u8 as usize]);',
      'pub struct S14([u8; (i8::MIN.wrapping_rem(-1)) as u8 as usize]);',
      // Huge exponents: answered at once (no 4e9-bit number is ever built).
      'pub struct S15([u8; 3u64.pow(4000000000) as usize]);',
      'pub struct S16([u8; (3u64.wrapping_pow(4000000000) % 100) as usize]);',
      'pub struct S17([u8; (2i8.saturating_pow(4000000001)) as usize]);',
      'pub struct S18([u8; ((-2i8).saturating_pow(4000000001)) as u8 as usize]);',
      'pub struct S19([u8; 3u64.checked_pow(4000000000).unwrap() as usize]);',
      'pub struct S20([u8; ((-1i32).pow(4000000001) + 2) as usize]);',
    ];
    await check(lines);
  });

  it('says it does not know what rustc cannot type: a method of an unsuffixed literal (E0689), and refuses a count_ones where a usize is expected (E0308)', async () => {
    const r = new Map((await analyzer.analyzeText('m.rs', 'pub struct A([u8; 3.pow(2)]);\npub struct B([u8; 7usize.count_ones()]);\npub struct C([u8; 7u8.wrapping_add(1) as usize]);')).types.map((t) => [t.name, t]));
    assert.match(r.get('A')!.unknown ?? '', /ambiguous \(rustc: E0689\)/);
    assert.match(r.get('B')!.error ?? '', /^E0308: mismatched types: expected `usize`, found `u32`/);
    assert.equal(r.get('C')!.size, 8);
  });
});
