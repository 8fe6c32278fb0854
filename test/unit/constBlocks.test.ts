/**
 * Constants with `let` blocks, `match`, `.len()` of strings, byte strings and arrays (and of
 * constants of those types), generic `const fn`s called with a turbofish, and `Self` in an
 * inherent impl's constant: each case is an array length, compiled by rustc, and the engine must
 * give the same size or the same error (E0080 for overflow in a `let`, E0004 for a non-exhaustive
 * `match`, E0308 for arms or elements of another type…). A few cases whose type rustc infers from
 * later uses stay unknown, and say so.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { rustcAvailable } from '../oracle/rustc';
import { rustcVerdicts } from './rustcVerdicts';

/** Items the cases use (no struct named `S<n>` among them). */
const DEFS = [
  'const V2: u32 = 700000; const N7: u32 = 700000;',
  'const NAME: &str = "h\\u{e9}llo"; const MAGIC: &[u8; 4] = b"\\x7fELF"; const TABLE: [u16; 5] = [1, 2, 3, 4, 5]; const SL: &[u8] = &[1, 2, 3];',
  'const fn gsz<T>() -> usize { ::core::mem::size_of::<T>() * 2 + ::core::mem::align_of::<T>() }',
  'const fn blk(n: usize) -> usize { let m = n * 2; m + 1 }',
  'pub struct P { a: u8, b: u32 } impl P { const N: usize = ::core::mem::size_of::<Self>(); }',
];

/** Array lengths: `[u8; <case>]`; a case starting with `!` writes its own line (`$` is the struct's name). */
const CASES = [
  // Blocks with `let`: typed, and typed by their initializer.
  '{ let x: u32 = V2; let y = x - 616252; y } as usize',
  '{ let x: u8 = 255; let y = x + 1; y } as usize',
  '{ let x: u16 = 3; let y = x * 2; y }',
  '{ let x: usize = 16; x }.is_power_of_two() as usize',
  '{ let a: i8 = -3; let b = a.unsigned_abs(); b as usize }',
  '{ let n: usize = 3; let n = n * 4; n + 1 }',
  '{ let x: u8 = 200; let y: u16 = x as u16 + 100; y as usize }',
  'blk(3)',
  // `match`: literals, ranges, or-patterns, constants, bindings, exhaustiveness.
  'match V2 { 0 => 1, 1..=9 => 2, _ => 3 }',
  'match V2 % 7 { 0 | 1 => 10, 2..5 => 20, ..=5 => 30, 6.. => 40 }',
  'match 3u8 { 0..=254 => 1 }',
  'match 3u8 { 0..=255 => 1 }',
  'match 5usize { 0..=usize::MAX => 1 }',
  'match 5usize { 0.. => 1 }',
  'match 3i8 { i8::MIN..=-1 => 1, 0..=i8::MAX => 2 }',
  'match -3isize { ..0 => 7, 0.. => 8 }',
  'match 3u8 { 5..=1 => 1, _ => 2 }',
  'match 3u8 { 5..5 => 1, _ => 2 }',
  'match 3u8 { -1 => 1, _ => 2 }',
  'match 3u8 { 0u16 => 1, _ => 2 }',
  "match 3u8 { 'a' => 1, _ => 2 }",
  'match 3u8 { 0 => 1, _ => 2u16 } as usize',
  'match 3u8 { 0 => 1, _ => 2u16 }',
  'match V2 > 5 { true => 4, false => 9 }',
  'match true { true => 1 }',
  'match 300 { 0 => 1, _ => 2 }',
  'match 7u8 { n => n as usize * 2 }',
  'match V2 { N7 => 1, _ => 2 }',
  'match 3u8 { 0 => 1, _ => { let z: usize = 5; z } }',
  'match 0u8 { 0 => 1, _ => (255u8 + 1) as usize }',
  'match (V2 - 800000) as u8 { 0 => 1, _ => 2 }',
  '{ let k: u8 = 2; match k { 0 => 1, 1 | 2 => k as usize * 3, _ => 0 } }',
  // An `if`'s branch not taken is type-checked too.
  'if true { 1 } else { 1u16 }',
  'if V2 > 0 { 1 } else { (V2 - 800000) as usize }',
  'if V2 > 0 { 1 } else { 255u8.checked_add(1).unwrap() as usize }',
  'match 1u8 { 0 => 3u8.div_euclid(0) as usize, _ => 4 }',
  'match 1u8 { 0 => 1, _ => 255u8.checked_add(1).unwrap() as usize }',
  // `.len()`: UTF-8 bytes, byte strings, arrays, constants of those types.
  '"h\\u{e9}llo".len() + b"xyz".len() + "é".len()',
  '[0u8; 7].len()',
  '[1, 2, 3].len()',
  '[1u64, 2, 3, 4].len() * 2',
  'NAME.len()',
  'MAGIC.len()',
  'TABLE.len()',
  'SL.len()',
  '"abc".as_bytes().len()',
  'r#"a"b"#.len()',
  '!const BAD: [u8; 3] = [1, 2]; pub struct $([u8; BAD.len()]);',
  '[0u8; 7u32].len()',
  '[255u8 + 1].len()',
  '[1, 2u16].len() as u8',
  // Generic `const fn`s (the turbofish binds T) and `Self` in an inherent impl's constant.
  'gsz::<u64>()',
  'gsz::<(u8, u16)>()',
  'gsz::<str>()',
  'P::N',
];

/** Cases rustc accepts whose type it infers from later uses: unknown here, with the reason. */
const UNKNOWN: Record<string, RegExp> = {
  '{ let x = 5; x }': /inferred from its uses/,
  'match 5 { n => n + 1 }': /inferred from its binding's uses/,
  'match 3u8 { x @ 1..=3 => x as usize, _ => 2 }': /pattern `x @ 1..=3` is not evaluated/,
  'match 3u8 { 1 if true => 1, _ => 2 }': /not evaluated/,
  'gsz()': /type arguments/,
  '{ let k: u8 = 2; match 3u8 { k => k as usize } }': /names a local/,
};

describe('constants with blocks, `match`, `.len()` and generic `const fn`s, against rustc', function () {
  this.timeout(300_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());

  const lines = [...DEFS];
  for (const c of CASES) {
    const name = `S${lines.length}`;
    lines.push(c.startsWith('!') ? c.slice(1).replace('$', name) : `pub struct ${name}([u8; ${c}]);`);
  }

  it('the same size or the same error as rustc', async function () {
    if (!rustcAvailable()) this.skip();
    const rustc = await rustcVerdicts(lines, (l) => /pub struct S\d+\(/.test(l));
    const engine = new Map((await analyzer.analyzeText('blocks.rs', lines.join('\n'))).types.map((t) => [t.name, t]));
    const wrong: string[] = [];
    lines.forEach((line, i) => {
      if (!/pub struct S\d+\(/.test(line)) return;
      const want = rustc.get(`S${i}`);
      const t = engine.get(`S${i}`);
      const got = t?.error ? (/^(E\d{4})/.exec(t.error)?.[1] ?? t.error) : t?.size === null || t?.size === undefined ? `unknown: ${t?.unknown}` : `${t.size}/${t.align}`;
      if (got !== want) wrong.push(`${line}\n    rustc: ${want}, engine: ${got}`);
    });
    assert.deepEqual(wrong, [], `${wrong.length} of ${CASES.length} differ`);
  });

  it('says it does not know where the type comes from later uses, a binding pattern or a guard', async () => {
    const src = Object.keys(UNKNOWN).map((c, i) => `pub struct U${i}([u8; ${c}]);`);
    const r = new Map((await analyzer.analyzeText('u.rs', [DEFS[2], ...src].join('\n'))).types.map((t) => [t.name, t]));
    Object.values(UNKNOWN).forEach((want, i) => {
      const t = r.get(`U${i}`);
      assert.equal(t?.size, null, `U${i}: ${JSON.stringify(t)}`);
      assert.match(t?.unknown ?? '', want);
    });
  });

  it('an out-of-range literal in a pattern or in an arm not taken is the lint rustc denies', async () => {
    // rustc (without --cap-lints): "error: literal out of range for `u8`" on both lines.
    const r = new Map(
      (await analyzer.analyzeText('l.rs', 'pub struct A([u8; match 3u8 { 300 => 1, _ => 2 }]);\npub struct B([u8; match 3u8 { 0 => 1, _ => (300u8 as usize) }]);')).types.map((t) => [t.name, t]),
    );
    assert.match(r.get('A')?.error ?? '', /^overflowing_literals/);
    assert.match(r.get('B')?.error ?? '', /^overflowing_literals/);
  });
});
