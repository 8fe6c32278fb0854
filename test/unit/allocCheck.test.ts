/**
 * "Does this function allocate?" (src/platform/allocProbe.ts, src/core/verify/allocIr.ts) on
 * test/fixtures/workspace/allocs, built optimised by the real cargo: every answer below was checked by hand
 * in the crate's optimised LLVM IR (rustc 1.95, x86_64): allocations that vanish and that stay,
 * through a non-inlined helper, a generic at its instantiation, methods, frees only, and the
 * honest "unknown" where the call goes into std's compiled code.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demangleLegacy, functionKey, type AllocAnswer } from '../../src/core/verify/allocIr';
import { probeAllocations } from '../../src/platform/allocProbe';
import { functionsIn } from '../../src/analysis/functions';
import { rustcAvailable } from '../oracle/rustc';

const ROOT = join(__dirname, '../../..');

const EXPECTED: Record<string, AllocAnswer['kind']> = {
  boxed: 'allocates',
  boxed_then_read: 'none', // the box never escapes: LLVM removes the allocation
  push_one: 'allocates',
  capacity_only: 'none', // the buffer is never touched: removed
  owned: 'allocates',
  formatted: 'unknown', // alloc::fmt::format::format_inner is std's compiled code
  add: 'none',
  empty_vec: 'none',
  empty_string: 'none',
  consume: 'frees',
  zeroed: 'allocates',
  shared: 'allocates',
  boxed_unit: 'none', // zero-sized: never allocates
  sum: 'none',
  doubled: 'allocates',
  append: 'allocates',
  sort: 'none',
  make_buffer: 'allocates',
  through_helper: 'allocates', // through the #[inline(never)] helper
  wrap_byte: 'allocates', // the generic `wrap` at its instantiation
  'Counter::bump': 'none',
  'Counter::record': 'allocates',
  copy_name: 'unknown', // String::clone is std's compiled code
  'Named::fmt': 'unknown',
};

describe('does this function allocate?', function () {
  this.timeout(300_000);

  it('reads legacy symbols and keys functions by their path', () => {
    assert.equal(demangleLegacy('_ZN5alloc7raw_vec19RawVec$LT$T$C$A$GT$8grow_one17h18ff8a21052db45cE'), 'alloc::raw_vec::RawVec<T,A>::grow_one');
    assert.equal(functionKey('<krate::a::T<u8> as core::fmt::Display>::fmt'), 'krate::a::T::fmt');
    assert.equal(functionKey('krate::wrap<Vec<u8>>'), 'krate::wrap');
  });

  it('answers for 24 functions checked by hand in the optimised IR', async function () {
    if (!rustcAvailable()) this.skip();
    const targetDir = mkdtempSync(join(tmpdir(), 'rll-alloc-target-'));
    try {
      const { crate, answers } = await probeAllocations(join(ROOT, 'test/fixtures/workspace/allocs'), { targetDir, offline: true });
      assert.equal(crate, 'alloc_answers');
      const got = Object.fromEntries(Object.keys(EXPECTED).map((k) => [k, answers.get(`${crate}::${k}`)?.kind ?? 'absent']));
      assert.deepEqual(got, EXPECTED);
      assert.equal(answers.get(`${crate}::wrap`), undefined, 'a generic has no code of its own: only its instantiations');
      const via = answers.get(`${crate}::through_helper`)!;
      assert.ok(via.kind === 'allocates' && via.via[0] === 'alloc_answers::make_buffer', JSON.stringify(via));
      const fmt = answers.get(`${crate}::formatted`)!;
      assert.ok(fmt.kind === 'unknown' && /alloc::fmt::format::format_inner/.test(fmt.why), JSON.stringify(fmt));
    } finally {
      rmSync(targetDir, { recursive: true, force: true });
    }
  });
});

describe('the optimizer chapter’s claims, checked by the same code', function () {
  this.timeout(300_000);
  it('its “vanish” examples make no call to the allocator; `Vec::new()` then `push` keeps one', async function () {
    if (!rustcAvailable()) this.skip();
    const md = readFileSync(join(ROOT, 'media/guide/06-optimizer.md'), 'utf8');
    const section = md.slice(md.indexOf('{#vanish}'), md.indexOf('{#stays}'));
    const code = /```rust\n([\s\S]*?)```/.exec(section)![1]!;
    const names = [...code.matchAll(/^pub fn (\w+)/gm)].map((m) => m[1]!);
    assert.equal(names.length, 5);
    const dir = mkdtempSync(join(tmpdir(), 'rll-optimizer-'));
    try {
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "optimizer_claims"\nversion = "0.1.0"\nedition = "2021"\n');
      // The chapter's "what usually stays" claim about `Vec::new()` followed by `push`.
      writeFileSync(join(dir, 'src/lib.rs'), `${code}\npub fn pushed_from_new() -> i32 {\n    let mut v = Vec::new();\n    v.push(1);\n    v.push(2);\n    v.iter().sum()\n}\n`);
      const { answers } = await probeAllocations(dir, { targetDir: join(dir, 'target'), offline: true });
      for (const n of names) assert.equal(answers.get(`optimizer_claims::${n}`)?.kind, 'none', n);
      assert.equal(answers.get('optimizer_claims::pushed_from_new')?.kind, 'allocates');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('functions of a file, with the path rustc gives their code', () => {
  it('free functions, methods, trait impls and defaults, inline modules; not strings, comments or declarations', () => {
    const src = [
      'mod a { pub fn x() { let s = "fn y() {"; /* fn z() {} */ fn inner() {} } }',
      'impl<T: Clone> std::fmt::Debug for Foo<T> where T: Copy { fn fmt(&self) {} }',
      'impl Bar { pub(crate) const fn new() -> Self { Bar } }',
      'trait Tr { fn d(&self); fn e(&self) { } }',
      'extern "C" { fn ext(x: u8); }',
      'struct S { a: u8 }',
      "fn after() { if true { let c = '{'; } }",
    ].join('\n');
    assert.deepEqual(
      functionsIn(src).map((f) => f.path),
      ['a::x', 'Foo::fmt', 'Bar::new', 'Tr::e', 'after'],
    );
    const after = functionsIn(src).at(-1)!;
    assert.equal(src.slice(after.start, after.end), "fn after() { if true { let c = '{'; } }");
  });
});
