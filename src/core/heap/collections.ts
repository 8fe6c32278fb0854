/**
 * What std's collections ask the global allocator for as they are filled, for the selected
 * target: the blocks they hold (and so the heap bytes), how many allocator calls it took to get
 * there, and the size the next growth step reaches. Each model follows rustc 1.95's std and names
 * the file; test/unit/heapCost.test.ts checks every one against a counting global allocator
 * compiled with the installed rustc. Pure: element layouts come from the engine.
 */

export interface ElemLayout {
  readonly size: number;
  readonly align: number;
}

export interface HeapCost {
  /** Calls to `alloc`/`alloc_zeroed`/`realloc` made while filling (a block moved counts again). */
  readonly allocations: number;
  /** Bytes of the blocks the collection holds at the end. */
  readonly bytes: number;
  /** The largest block it holds. */
  readonly largest: number;
  /** What the next growth makes the block (bytes), and at which element count it happens; none for a ZST. */
  readonly next?: { readonly at: number; readonly bytes: number };
  /** Elements the buffer holds room for (Vec and VecDeque: the capacity; maps: the capacity before the next growth). */
  readonly capacity: number;
}

const roundUp = (n: number, a: number): number => Math.ceil(n / a) * a;

// ----- RawVec: Vec, String, VecDeque, BinaryHeap (library/alloc/src/raw_vec/mod.rs) -----------

/** RawVec's first non-zero capacity: 8 for 1-byte elements, 4 up to 1 KiB, else 1. */
export function minNonZeroCap(elemSize: number): number {
  return elemSize === 1 ? 8 : elemSize <= 1024 ? 4 : 1;
}

/** The capacities a `Vec::new()` goes through while `n` elements are pushed one by one (amortized doubling). */
export function vecCapacitySteps(elem: ElemLayout, n: number): number[] {
  if (elem.size === 0) return [];
  const steps: number[] = [];
  let cap = 0;
  for (let len = 0; len < n; len++) {
    if (len === cap) {
      cap = Math.max(cap * 2, len + 1, minNonZeroCap(elem.size));
      steps.push(cap);
    }
  }
  return steps;
}

/** `Vec::new()` then `n` pushes (String: `push` of `n` bytes; VecDeque: `push_back`; BinaryHeap: `push`). */
export function vecPushCost(elem: ElemLayout, n: number): HeapCost {
  if (elem.size === 0) return { allocations: 0, bytes: 0, largest: 0, capacity: Number.MAX_SAFE_INTEGER };
  const steps = vecCapacitySteps(elem, n);
  const cap = steps.at(-1) ?? 0;
  const bytes = cap * elem.size;
  const nextCap = Math.max(cap * 2, cap + 1, minNonZeroCap(elem.size));
  return { allocations: steps.length, bytes, largest: bytes, capacity: cap, next: { at: cap + 1, bytes: nextCap * elem.size } };
}

/** `Vec::with_capacity(n)`: one block of exactly `n` elements (none for 0 or a ZST). */
export function vecWithCapacityCost(elem: ElemLayout, n: number): HeapCost {
  if (elem.size === 0 || n === 0) return { allocations: 0, bytes: 0, largest: 0, capacity: elem.size === 0 ? Number.MAX_SAFE_INTEGER : 0 };
  const bytes = n * elem.size;
  return { allocations: 1, bytes, largest: bytes, capacity: n, next: { at: n + 1, bytes: Math.max(n * 2, n + 1, minNonZeroCap(elem.size)) * elem.size } };
}

// ----- Box, Rc, Arc (library/alloc/src/boxed.rs, rc.rs, sync.rs) -------------------------------

/** `Box::new(value)`: one block of the value's layout (none for a ZST). */
export function boxCost(value: ElemLayout): HeapCost {
  return value.size === 0 ? { allocations: 0, bytes: 0, largest: 0, capacity: 1 } : { allocations: 1, bytes: value.size, largest: value.size, capacity: 1 };
}

/** `Rc::new` / `Arc::new`: one block holding the strong and weak counts, then the value (`#[repr(C)]`, so never empty). */
export function rcCost(value: ElemLayout, pointerSize: number): HeapCost {
  const align = Math.max(pointerSize, value.align);
  const bytes = roundUp(roundUp(2 * pointerSize, value.align) + value.size, align);
  return { allocations: 1, bytes, largest: bytes, capacity: 1 };
}

// ----- HashMap, HashSet (hashbrown 0.15 as vendored by std 1.95: src/raw/mod.rs) ------------------

/** hashbrown's bucket count for a capacity: 4 or 8 for small tables, else the next power of two of cap × 8/7. */
export function capacityToBuckets(cap: number): number {
  if (cap < 8) return cap < 4 ? 4 : 8;
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

/**
 * `HashMap::new()` then `n` inserts of distinct keys (`entry` is the `(K, V)` pair's layout;
 * HashSet: the element's). Each growth allocates a new table and frees the old one.
 */
export function hashMapInsertCost(entry: ElemLayout, n: number, groupWidth: number): HeapCost {
  let buckets = 0;
  let allocations = 0;
  let items = 0;
  for (; items < n; items++) {
    const cap = buckets ? bucketsToCapacity(buckets) : 0;
    if (items === cap) {
      buckets = capacityToBuckets(Math.max(items + 1, cap + 1));
      allocations++;
    }
  }
  const cap = buckets ? bucketsToCapacity(buckets) : 0;
  const bytes = buckets ? tableBlock(entry, buckets, groupWidth).size : 0;
  const nextBuckets = capacityToBuckets(Math.max(cap + 1, cap + 1));
  return { allocations, bytes, largest: bytes, capacity: cap, next: { at: cap + 1, bytes: tableBlock(entry, nextBuckets, groupWidth).size } };
}

/**
 * hashbrown's control-group width: 16 with SSE2 on x86/x86_64, 8 with NEON on little-endian
 * aarch64, else its generic group, a machine word (hashbrown src/control/group/mod.rs).
 */
export function groupWidth(targetArch: string, features: readonly string[], pointerSize: number, endian: string): number {
  if ((targetArch === 'x86_64' || targetArch === 'x86') && features.includes('sse2')) return 16;
  if (targetArch === 'aarch64' && features.includes('neon') && endian === 'little') return 8;
  return pointerSize;
}
