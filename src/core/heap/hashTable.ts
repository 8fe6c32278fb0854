/**
 * `HashMap` and `HashSet`: hashbrown's RawTable as vendored by rustc 1.95's std (hashbrown
 * src/raw/mod.rs — `capacity_to_buckets`, `bucket_mask_to_capacity`, `TableLayout::calculate_layout_for`,
 * `reserve_rehash`; the group width in src/control/group/mod.rs).
 */
import { roundUp, type ElemLayout, type HeapCost } from './types';

/**
 * hashbrown's bucket count for a capacity (`capacity_to_buckets`, the hashbrown of rustc 1.95's
 * std): below 15, 4, 8 or 16 buckets, after the capacity is raised for tiny entries so that the
 * entries fill at least the control bytes' alignment (an entry of 0-1 bytes takes 14 items at
 * least with 16-byte groups, 7 with 8-byte ones; of 2-3 bytes, 7 with 16-byte groups). Measured
 * on x86_64 with a counting allocator: `HashSet<u8>` with one item allocates 48 bytes (16
 * buckets), `HashMap<u8, u8>` 40 (8), `HashSet<[u8; 3]>` 56 (8). Else the next power of two of
 * cap × 8/7.
 */
export function capacityToBuckets(cap: number, entrySize: number, groupWidth: number): number {
  if (cap < 15) {
    const min = groupWidth === 16 && entrySize <= 1 ? 14 : groupWidth === 16 && entrySize <= 3 ? 7 : groupWidth === 8 && entrySize <= 1 ? 7 : 3;
    const c = Math.max(cap, min);
    return c < 4 ? 4 : c < 8 ? 8 : 16;
  }
  let b = 1;
  const adjusted = Math.floor((cap * 8) / 7);
  while (b < adjusted) b *= 2;
  return b;
}

/** How many items a table of `buckets` buckets takes before it grows (7/8 of it; all but one when small). */
export function bucketsToCapacity(buckets: number): number {
  return buckets < 8 ? buckets - 1 : (buckets / 8) * 7;
}

/** The single block a table of `buckets` buckets of `entry` lives in: the entries, then one control byte per bucket and a group's worth more. */
export function tableBlock(entry: ElemLayout, buckets: number, groupWidth: number): { size: number; align: number } {
  const ctrlAlign = Math.max(entry.align, groupWidth);
  const ctrlOffset = roundUp(entry.size * buckets, ctrlAlign);
  return { size: ctrlOffset + buckets + groupWidth, align: ctrlAlign };
}

/** The bucket counts a `HashMap::new()` goes through while `n` distinct keys are inserted (entries of `entrySize` bytes). */
export function tableSteps(n: number, entrySize: number, groupWidth: number): number[] {
  const steps: number[] = [];
  let buckets = 0;
  while ((buckets ? bucketsToCapacity(buckets) : 0) < n) {
    const cap = buckets ? bucketsToCapacity(buckets) : 0;
    buckets = capacityToBuckets(cap + 1, entrySize, groupWidth);
    steps.push(buckets);
  }
  return steps;
}

/**
 * `HashMap::new()` then `n` inserts of distinct keys (`entry` is the `(K, V)` pair's layout;
 * HashSet: the element's). Each growth allocates a new table and frees the old one.
 */
export function hashMapInsertCost(entry: ElemLayout, n: number, groupWidth: number): HeapCost {
  const steps = tableSteps(n, entry.size, groupWidth);
  const buckets = steps.at(-1) ?? 0;
  const cap = buckets ? bucketsToCapacity(buckets) : 0;
  const bytes = buckets ? tableBlock(entry, buckets, groupWidth).size : 0;
  return { allocations: steps.length, bytes, largest: bytes, capacity: cap, next: { at: cap + 1, bytes: tableBlock(entry, capacityToBuckets(cap + 1, entry.size, groupWidth), groupWidth).size } };
}

/**
 * hashbrown's control-group width (src/control/group/mod.rs): 16 with SSE2 on x86/x86_64 and
 * with LSX on loongarch64, 8 with NEON on little-endian aarch64, else its generic group
 * (generic.rs): a u64 on 64-bit targets, aarch64, x86_64 and wasm32, a u32 elsewhere.
 */
export function groupWidth(targetArch: string, features: readonly string[], pointerSize: number, endian: string): number {
  if ((targetArch === 'x86_64' || targetArch === 'x86') && features.includes('sse2')) return 16;
  if (targetArch === 'loongarch64' && features.includes('lsx')) return 16;
  if (targetArch === 'aarch64' && features.includes('neon') && endian === 'little') return 8;
  return pointerSize === 8 || ['aarch64', 'x86_64', 'wasm32'].includes(targetArch) ? 8 : 4;
}
