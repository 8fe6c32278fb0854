/**
 * "Does this function allocate?" (src/platform/allocProbe.ts, src/core/verify/allocIr.ts) on
 * test/fixtures/allocs, built optimised by the real cargo: every answer below was checked by hand
 * in the crate's optimised LLVM IR (rustc 1.95, x86_64): allocations that vanish and that stay,
 * through a non-inlined helper, a generic at its instantiation, methods, frees only, and the
 * honest "unknown" where the call goes into std's compiled code.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demangleLegacy, functionKey, type AllocAnswer } from '../../src/core/verify/allocIr';
import { probeAllocations } from '../../src/platform/allocProbe';
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
      const { crate, answers } = await probeAllocations(join(ROOT, 'test/fixtures/allocs'), { targetDir, offline: true });
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
