/**
 * RawVec, the buffer of `Vec`, `String`, `OsString`, `PathBuf`, `VecDeque` and `BinaryHeap`
 * (rustc 1.95: library/alloc/src/raw_vec/mod.rs — `grow_amortized`, `grow_exact`,
 * `shrink`, `min_non_zero_cap`). `VecDeque::push_back` and `BinaryHeap::push` grow through the
 * same `grow_one`, so the same figures hold for them.
 */
import { minNonZeroCap } from '../vecGrowth';
import type { ElemLayout, HeapCost } from './types';

export { minNonZeroCap };

/** The capacities a `Vec::new()` goes through while `n` elements are pushed one by one (amortized doubling). */
export function vecCapacitySteps(elem: ElemLayout, n: number): number[] {
  if (elem.size === 0) return [];
  const steps: number[] = [];
  let cap = 0;
  while (cap < n) {
    cap = Math.max(cap * 2, cap + 1, minNonZeroCap(elem.size));
    steps.push(cap);
  }
  return steps;
}

const ZST_COST: HeapCost = { allocations: 0, bytes: 0, largest: 0, capacity: Number.MAX_SAFE_INTEGER };

function nextGrowth(elem: ElemLayout, cap: number): HeapCost['next'] {
  return { at: cap + 1, bytes: Math.max(cap * 2, cap + 1, minNonZeroCap(elem.size)) * elem.size };
}

/** `Vec::new()` then `n` pushes (String: `push` of `n` bytes; VecDeque: `push_back`; BinaryHeap: `push`). */
export function vecPushCost(elem: ElemLayout, n: number): HeapCost {
  if (elem.size === 0) return ZST_COST;
  const steps = vecCapacitySteps(elem, n);
  const cap = steps.at(-1) ?? 0;
  const bytes = cap * elem.size;
  return { allocations: steps.length, bytes, largest: bytes, capacity: cap, next: nextGrowth(elem, cap) };
}

/** `Vec::with_capacity(n)`: one block of exactly `n` elements (none for 0 or a ZST). */
export function vecWithCapacityCost(elem: ElemLayout, n: number): HeapCost {
  if (elem.size === 0) return ZST_COST;
  if (n === 0) return { allocations: 0, bytes: 0, largest: 0, capacity: 0, next: nextGrowth(elem, 0) };
  const bytes = n * elem.size;
  return { allocations: 1, bytes, largest: bytes, capacity: n, next: nextGrowth(elem, n) };
}

/**
 * `n` pushes, then `shrink_to_fit`: a `realloc` down to exactly `n` elements when the capacity
 * is larger (a `dealloc` when `n` is 0, which is not an allocation).
 */
export function vecShrunkCost(elem: ElemLayout, n: number): HeapCost {
  const pushed = vecPushCost(elem, n);
  if (elem.size === 0 || pushed.capacity === n) return pushed;
  const bytes = n * elem.size;
  return { allocations: pushed.allocations + (n > 0 ? 1 : 0), bytes, largest: bytes, capacity: n, next: nextGrowth(elem, n) };
}
