import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CapacityOverflowError,
  ZST_CAPACITY,
  describeGrowth,
  formatCapacity,
  minNonZeroCap,
  simulateVec,
  vecCapacities,
  type VecOp,
} from '../../src/core/vecGrowth';

/** A scenario run both by the model and by a real `Vec<[u8; K]>`. */
interface Case {
  readonly name: string;
  readonly elemSize: number;
  readonly initialCapacity?: number;
  readonly ops: readonly VecOp[];
}

const PUSHES = 70;
const PUSH_SIZES = [1, 2, 8, 24, 1000, 1024, 1025, 4096, 0];

const cases: Case[] = [
  ...PUSH_SIZES.map((k) => ({ name: `push_${k}`, elemSize: k, ops: pushes(PUSHES) })),
  { name: 'with_capacity_1_3', elemSize: 1, initialCapacity: 3, ops: pushes(20) },
  { name: 'with_capacity_8_5', elemSize: 8, initialCapacity: 5, ops: pushes(30) },
  { name: 'with_capacity_1025_2', elemSize: 1025, initialCapacity: 2, ops: pushes(10) },
  { name: 'with_capacity_0_10', elemSize: 0, initialCapacity: 10, ops: pushes(5) },
  {
    name: 'reserve_8',
    elemSize: 8,
    ops: [
      ...pushes(3),
      { op: 'reserve', additional: 10 }, // 4 - 3 < 10: max(8, 13, 4) = 13
      { op: 'reserve', additional: 10 }, // fits: no change
      ...pushes(11), // the 11th push finds 13/13: max(26, 14, 4) = 26
      { op: 'reserve', additional: 1 }, // 14 of 26 used: no change
      { op: 'reserve', additional: 100 }, // max(52, 114, 4) = 114
    ],
  },
  {
    name: 'reserve_exact_then_push_2',
    elemSize: 2,
    ops: [{ op: 'reserveExact', additional: 3 }, ...pushes(4), { op: 'reserveExact', additional: 10 }, ...pushes(11)],
  },
  {
    name: 'extend_1',
    elemSize: 1,
    ops: [
      { op: 'extend', count: 3 }, // from empty: max(0, 3, 8) = 8
      { op: 'extend', count: 6 }, // 9 > 8: max(16, 9) = 16
      { op: 'extend', count: 40 }, // max(32, 49, 8) = 49: exactly what was needed
      ...pushes(1), // 49 of 49: doubles to 98
      { op: 'extend', count: 7 }, // 57 of 98: no change
    ],
  },
  {
    name: 'extend_24',
    elemSize: 24,
    ops: [...pushes(5), { op: 'extend', count: 2 }, { op: 'extend', count: 100 }, { op: 'extend', count: 1 }],
  },
  {
    name: 'shrink_then_push_8',
    elemSize: 8,
    ops: [
      ...pushes(9),
      { op: 'shrinkToFit' },
      ...pushes(1),
      { op: 'truncate', len: 2 },
      { op: 'shrinkToFit' },
      { op: 'truncate', len: 0 },
      { op: 'shrinkToFit' },
      ...pushes(2),
    ],
  },
];

function pushes(n: number): VecOp[] {
  return Array.from({ length: n }, () => ({ op: 'push' }) as const);
}

function rustFor(op: VecOp, k: number): string {
  const elem = `[0u8; ${k}]`;
  switch (op.op) {
    case 'push':
      return (op.count ?? 1) === 1 ? `v.push(${elem});` : `for _ in 0..${op.count} { v.push(${elem}); }`;
    case 'reserve':
      return `v.reserve(${op.additional});`;
    case 'reserveExact':
      return `v.reserve_exact(${op.additional});`;
    case 'extend':
      return `v.extend_from_slice(&vec![${elem}; ${op.count}]);`;
    case 'truncate':
      return `v.truncate(${op.len});`;
    case 'shrinkToFit':
      return `v.shrink_to_fit();`;
  }
}

/** One Rust function per case; each prints `name cap cap cap ...` (capacity after every op). */
function rustProgram(all: readonly Case[]): string {
  const fns = all.map((c, i) => {
    const k = c.elemSize;
    const init = c.initialCapacity === undefined ? 'Vec::new()' : `Vec::with_capacity(${c.initialCapacity})`;
    const body = c.ops.map((op) => `    ${rustFor(op, k)}\n    caps.push(v.capacity());`).join('\n');
    return [
      `fn case_${i}() {`,
      `    let mut v: Vec<[u8; ${k}]> = ${init};`,
      `    let mut caps: Vec<usize> = Vec::new();`,
      body,
      `    let text: Vec<String> = caps.iter().map(|c| c.to_string()).collect();`,
      `    println!("{} {}", ${JSON.stringify(c.name)}, text.join(" "));`,
      `}`,
    ].join('\n');
  });
  const calls = all.map((_, i) => `    case_${i}();`).join('\n');
  return `${fns.join('\n\n')}\n\nfn main() {\n${calls}\n}\n`;
}

function toRustNumber(cap: number): string {
  return formatCapacity(cap, 64);
}

describe('vecGrowth model', () => {
  it('uses RawVec minimum capacities 8 / 4 / 1', () => {
    assert.equal(minNonZeroCap(1), 8);
    assert.equal(minNonZeroCap(2), 4);
    assert.equal(minNonZeroCap(1024), 4);
    assert.equal(minNonZeroCap(1025), 1);
  });

  it('doubles from the minimum when pushing', () => {
    assert.deepEqual(vecCapacities(1, 10), [8, 8, 8, 8, 8, 8, 8, 8, 16, 16]);
    assert.deepEqual(vecCapacities(8, 9), [4, 4, 4, 4, 8, 8, 8, 8, 16]);
    assert.deepEqual(vecCapacities(2000, 5), [1, 2, 4, 4, 8]);
  });

  it('starts from with_capacity and keeps doubling from there', () => {
    assert.deepEqual(vecCapacities(4, 8, { initialCapacity: 3 }), [3, 3, 3, 6, 6, 6, 12, 12]);
    // A small with_capacity still jumps to the minimum on the first growth: max(2*1, 2, 4).
    assert.deepEqual(vecCapacities(4, 3, { initialCapacity: 1 }), [1, 4, 4]);
  });

  it('reports zero-sized element types as Infinity, shown as usize::MAX', () => {
    const caps = vecCapacities(0, 3);
    assert.deepEqual(caps, [ZST_CAPACITY, ZST_CAPACITY, ZST_CAPACITY]);
    assert.equal(formatCapacity(caps[0]), '18446744073709551615');
    assert.equal(formatCapacity(caps[0], 32), '4294967295');
    assert.equal(describeGrowth(0, 100).allocations, 0);
    assert.equal(describeGrowth(0, 100).finalBytes, 0);
  });

  it('counts reallocations and copied bytes', () => {
    // u64 pushes 1..=9: alloc 4, grow 4->8 (copies at most 32 bytes), grow 8->16 (at most 64).
    const d = describeGrowth(8, 9, { align: 8 });
    assert.equal(d.allocations, 1);
    assert.equal(d.reallocations, 2);
    assert.equal(d.bytesCopiedAtMost, 32 + 64);
    assert.equal(d.bytesCopiedAtLeast, 0);
    assert.deepEqual(
      d.moves.map((m) => [m.atPush, m.oldCapacity, m.newCapacity, m.path]),
      [
        [1, 0, 4, 'alloc'],
        [5, 4, 8, 'realloc'],
        [9, 8, 16, 'realloc'],
      ],
    );
    assert.equal(d.finalBytes, 128);
    assert.equal(d.unusedBytes, 128 - 72);
    // A 64-byte aligned element is over MIN_ALIGN: every resize is alloc + copy + free.
    const big = describeGrowth(64, 5, { align: 64 });
    assert.deepEqual(big.moves.map((m) => m.path), ['alloc', 'alloc-copy-free']);
    assert.equal(big.bytesCopiedAtLeast, 4 * 64);
  });

  it('panics (throws) on capacity overflow like Rust', () => {
    assert.throws(() => simulateVec(1 << 20, [{ op: 'reserve', additional: 2 ** 12 }], { pointerWidth: 32 }), CapacityOverflowError);
    assert.doesNotThrow(() => simulateVec(1 << 20, [{ op: 'reserve', additional: 2 ** 10 }], { pointerWidth: 32 }));
  });

  it('rejects nonsense input', () => {
    assert.throws(() => vecCapacities(-1, 3), RangeError);
    assert.throws(() => vecCapacities(8, 1.5), RangeError);
  });
});

describe('vecGrowth against a real Vec compiled by rustc', function () {
  this.timeout(180_000);
  let measured = new Map<string, string[]>();
  let dir = '';

  before(() => {
    try {
      execFileSync('rustc', ['--version'], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`rustc is required on PATH for this test (it compares the model with a real Vec): ${String(e)}`, { cause: e });
    }
    dir = mkdtempSync(join(tmpdir(), 'vec-growth-'));
    const src = join(dir, 'growth.rs');
    const exe = join(dir, 'growth');
    writeFileSync(src, rustProgram(cases));
    execFileSync('rustc', ['--edition=2021', '-O', '-o', exe, src], { encoding: 'utf8', stdio: 'pipe' });
    const out = execFileSync(exe, { encoding: 'utf8' });
    measured = new Map(
      out
        .trim()
        .split('\n')
        .map((line) => {
          const [name, ...caps] = line.trim().split(/\s+/);
          return [name, caps] as const;
        }),
    );
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ran every case', () => {
    assert.deepEqual([...measured.keys()].sort(), cases.map((c) => c.name).sort());
  });

  for (const c of cases) {
    it(`${c.name}: ${c.ops.length} ops on Vec<[u8; ${c.elemSize}]>`, () => {
      const real = measured.get(c.name);
      assert.ok(real, `no output for ${c.name}`);
      const onlyPushes = c.ops.every((op) => op.op === 'push' && (op.count ?? 1) === 1);
      const model = onlyPushes
        ? vecCapacities(c.elemSize, c.ops.length, { initialCapacity: c.initialCapacity })
        : simulateVec(c.elemSize, c.ops, { initialCapacity: c.initialCapacity }).map((s) => s.capacity);
      assert.deepEqual(model.map(toRustNumber), real);
    });
  }
});
