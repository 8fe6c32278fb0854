/**
 * A model of how `Vec<T>` chooses its capacity, for the guide's growth simulator.
 *
 * Pure TypeScript: no vscode, no node APIs. Numbers in, numbers out.
 *
 * The rule is the one in `library/alloc/src/raw_vec/mod.rs` of Rust 1.95
 * (`RawVecInner::grow_amortized`, `grow_exact`, `min_non_zero_cap`), checked against the real
 * compiler by `test/unit/vecGrowth.test.ts`:
 *
 *   - `push` on a full vector and `reserve(additional)` when `cap - len < additional` both call
 *     the amortized rule:  new_cap = max(cap * 2, len + additional, MIN_NON_ZERO_CAP)
 *   - `MIN_NON_ZERO_CAP` is 8 when the element size is 1, 4 when it is at most 1024, else 1.
 *   - `Vec::with_capacity(n)`, `reserve_exact` and `shrink_to_fit` ask for exactly what they are
 *     told (no doubling, no minimum).
 *   - `extend_from_slice` / extending from an iterator with an exact length is
 *     `reserve(n)` followed by writes, i.e. the amortized rule with `additional = n`.
 *   - Zero-sized element types never allocate: the capacity is `usize::MAX` from the start.
 *
 * ZST capacity is reported as `Infinity` ({@link ZST_CAPACITY}): it keeps the result a plain
 * `number[]`, does not depend on the target's pointer width, survives `postMessage` (structured
 * clone keeps Infinity; note that `JSON.stringify` would turn it into `null`). Use
 * {@link formatCapacity} to show it as the target's `usize::MAX`.
 *
 * The model follows the standard library's own arithmetic. It does not model an allocator that
 * hands back more than it was asked for (RawVec ignores the excess today anyway).
 */

/** Capacity of a `Vec` whose element type is zero-sized: `usize::MAX`, shown as Infinity. */
export const ZST_CAPACITY = Infinity;

export interface VecGrowthOptions {
  /** Start from `Vec::with_capacity(initialCapacity)` instead of `Vec::new()`. Default 0. */
  readonly initialCapacity?: number;
  /** Target pointer width in bits, for the `isize::MAX` bytes limit. Default 64. */
  readonly pointerWidth?: 16 | 32 | 64;
}

/** The smallest capacity a growing vector jumps to, by element size (`min_non_zero_cap`). */
export function minNonZeroCap(elemSize: number): number {
  checkCount(elemSize, 'elemSize');
  if (elemSize === 1) return 8;
  if (elemSize <= 1024) return 4;
  return 1;
}

/** Thrown where Rust would panic with "capacity overflow" (more than isize::MAX bytes). */
export class CapacityOverflowError extends RangeError {
  constructor(readonly requestedCapacity: number, readonly elemSize: number) {
    super(`capacity overflow: ${requestedCapacity} elements of ${elemSize} bytes exceed isize::MAX bytes`);
    this.name = 'CapacityOverflowError';
  }
}

/**
 * The capacity `grow_amortized(len, additional)` picks. Only call it when the vector really needs
 * to grow (`additional > cap - len`); RawVec checks that first (see {@link needsToGrow}).
 */
export function amortizedCapacity(cap: number, len: number, additional: number, elemSize: number): number {
  const required = len + additional;
  return Math.max(cap * 2, required, minNonZeroCap(elemSize));
}

/** RawVec's `needs_to_grow`: is there room for `additional` more elements after `len`? */
export function needsToGrow(cap: number, len: number, additional: number): boolean {
  return additional > cap - len;
}

/** One operation on a simulated vector. */
export type VecOp =
  | { readonly op: 'push'; readonly count?: number }
  /** `v.reserve(additional)`. */
  | { readonly op: 'reserve'; readonly additional: number }
  /** `v.reserve_exact(additional)`. */
  | { readonly op: 'reserveExact'; readonly additional: number }
  /** `v.extend_from_slice(&[..; count])` or any exact-length extend: reserve(count), then writes. */
  | { readonly op: 'extend'; readonly count: number }
  /** `v.truncate(len)` / `v.clear()` (`len: 0`): never changes the capacity. */
  | { readonly op: 'truncate'; readonly len: number }
  /** `v.shrink_to_fit()`: capacity becomes exactly `len` (0 frees the buffer). */
  | { readonly op: 'shrinkToFit' };

/** What happened to the heap buffer during one step. */
export interface BufferEvent {
  /** alloc: first buffer; grow/shrink: resize an existing one; free: shrink to 0. */
  readonly kind: 'alloc' | 'grow' | 'shrink' | 'free';
  readonly oldCapacity: number;
  readonly newCapacity: number;
  /** Elements alive when the buffer moved (what must survive a move). */
  readonly len: number;
}

export interface VecStep {
  readonly op: VecOp;
  /** Length after the step. */
  readonly len: number;
  /** Capacity after the step (Infinity for a zero-sized element type). */
  readonly capacity: number;
  /** Buffer changes made by this step, in order (a `push` with count > 1 can grow several times). */
  readonly events: readonly BufferEvent[];
}

/**
 * Runs `ops` against a model `Vec<T>` with `size_of::<T>() == elemSize` and returns one step per
 * op. Throws {@link CapacityOverflowError} where Rust would panic.
 */
export function simulateVec(elemSize: number, ops: readonly VecOp[], opts: VecGrowthOptions = {}): VecStep[] {
  checkCount(elemSize, 'elemSize');
  const limit = isizeMaxBytes(opts.pointerWidth ?? 64);
  const zst = elemSize === 0;
  let len = 0;
  let cap = 0;
  const steps: VecStep[] = [];

  const setCap = (newCap: number, events: BufferEvent[]): void => {
    if (zst || newCap === cap) return;
    if (BigInt(newCap) * BigInt(elemSize) > limit) throw new CapacityOverflowError(newCap, elemSize);
    const kind = cap === 0 ? 'alloc' : newCap === 0 ? 'free' : newCap > cap ? 'grow' : 'shrink';
    events.push({ kind, oldCapacity: cap, newCapacity: newCap, len });
    cap = newCap;
  };
  const reserve = (additional: number, exact: boolean, events: BufferEvent[]): void => {
    if (zst || !needsToGrow(cap, len, additional)) return;
    setCap(exact ? len + additional : amortizedCapacity(cap, len, additional, elemSize), events);
  };

  const initial = opts.initialCapacity ?? 0;
  checkCount(initial, 'initialCapacity');
  if (initial > 0) setCap(initial, []);

  for (const op of ops) {
    const events: BufferEvent[] = [];
    switch (op.op) {
      case 'push': {
        const count = op.count ?? 1;
        checkCount(count, 'push count');
        for (let i = 0; i < count; i++) {
          // `Vec::push` grows by one slot's worth of need when full: grow_amortized(cap, 1).
          if (!zst && len === cap) setCap(amortizedCapacity(cap, len, 1, elemSize), events);
          len++;
        }
        break;
      }
      case 'reserve':
        checkCount(op.additional, 'additional');
        reserve(op.additional, false, events);
        break;
      case 'reserveExact':
        checkCount(op.additional, 'additional');
        reserve(op.additional, true, events);
        break;
      case 'extend':
        checkCount(op.count, 'extend count');
        reserve(op.count, false, events);
        len += op.count;
        break;
      case 'truncate':
        checkCount(op.len, 'truncate len');
        len = Math.min(len, op.len);
        break;
      case 'shrinkToFit':
        // `shrink_to_fit` only acts when capacity > len.
        if (!zst && cap > len) setCap(len, events);
        break;
    }
    steps.push({ op, len, capacity: zst ? ZST_CAPACITY : cap, events });
  }
  return steps;
}

/**
 * The capacity after each of `pushes` calls to `push`, starting from `Vec::new()` (or from
 * `Vec::with_capacity(opts.initialCapacity)`). Element `i` is the capacity once `i + 1` elements
 * are in the vector. For a zero-sized element type every entry is {@link ZST_CAPACITY}.
 */
export function vecCapacities(elemSize: number, pushes: number, opts: VecGrowthOptions = {}): number[] {
  checkCount(pushes, 'pushes');
  const ops: VecOp[] = Array.from({ length: pushes }, () => ({ op: 'push' }) as const);
  return simulateVec(elemSize, ops, opts).map((s) => s.capacity);
}

export interface GrowthMove {
  /** 1-based number of the push that triggered the move. */
  readonly atPush: number;
  readonly oldCapacity: number;
  readonly newCapacity: number;
  readonly oldBytes: number;
  readonly newBytes: number;
  /**
   * How the std `System` allocator on Unix carries out the resize:
   * `realloc` (libc realloc: may extend in place and copy nothing, or move and copy the old
   * block) or `alloc-copy-free` (over-aligned types: a new aligned block, a copy, a free —
   * always copies). `alloc` for the first buffer.
   */
  readonly path: 'alloc' | 'realloc' | 'alloc-copy-free';
}

export interface GrowthSummary {
  readonly elemSize: number;
  readonly pushes: number;
  readonly capacities: number[];
  readonly finalCapacity: number;
  /** Heap bytes held at the end (0 for ZSTs). */
  readonly finalBytes: number;
  /** Bytes held but not used by elements at the end. */
  readonly unusedBytes: number;
  /** Calls that obtained a new buffer from nothing (0 or 1 when only pushing). */
  readonly allocations: number;
  /** Resizes of an existing buffer. */
  readonly reallocations: number;
  /**
   * Upper bound on bytes copied by all resizes: the old block's full size each time. An in-place
   * `realloc` copies nothing, so the real figure can be lower; never higher.
   */
  readonly bytesCopiedAtMost: number;
  /** Same, but only for the resizes that must copy (`alloc-copy-free`). */
  readonly bytesCopiedAtLeast: number;
  readonly moves: GrowthMove[];
}

export interface DescribeGrowthOptions extends VecGrowthOptions {
  /** `align_of::<T>()`; decides realloc vs alloc-copy-free. Default: 1. */
  readonly align?: number;
  /**
   * The allocator's `MIN_ALIGN` (16 on 64-bit x86/ARM/RISC-V, 8 on 32-bit x86/ARM and wasm32).
   * Default: 16 for pointerWidth 64, else 8.
   */
  readonly minAlign?: number;
}

/**
 * Summarizes `pushes` pushes: the capacity sequence, how many times the buffer was obtained or
 * resized, and how many bytes those resizes copy (bounds, since realloc may work in place).
 */
export function describeGrowth(elemSize: number, pushes: number, opts: DescribeGrowthOptions = {}): GrowthSummary {
  checkCount(pushes, 'pushes');
  const align = opts.align ?? 1;
  const minAlign = opts.minAlign ?? ((opts.pointerWidth ?? 64) === 64 ? 16 : 8);
  const capacities: number[] = [];
  const moves: GrowthMove[] = [];
  const steps = simulateVec(elemSize, Array.from({ length: pushes }, () => ({ op: 'push' }) as const), opts);
  steps.forEach((step, i) => {
    capacities.push(step.capacity);
    for (const e of step.events) {
      const newBytes = e.newCapacity * elemSize;
      // std's Unix System allocator uses libc realloc only when align <= MIN_ALIGN and align <= new size.
      const path = e.kind === 'alloc' ? 'alloc' : align <= minAlign && align <= newBytes ? 'realloc' : 'alloc-copy-free';
      moves.push({
        atPush: i + 1,
        oldCapacity: e.oldCapacity,
        newCapacity: e.newCapacity,
        oldBytes: e.oldCapacity * elemSize,
        newBytes,
        path,
      });
    }
  });
  const finalCapacity = steps.length ? steps[steps.length - 1].capacity : elemSize === 0 ? ZST_CAPACITY : opts.initialCapacity ?? 0;
  const finalBytes = elemSize === 0 ? 0 : finalCapacity * elemSize;
  const resizes = moves.filter((m) => m.path !== 'alloc');
  return {
    elemSize,
    pushes,
    capacities,
    finalCapacity,
    finalBytes,
    unusedBytes: finalBytes - pushes * elemSize,
    allocations: moves.length - resizes.length + ((opts.initialCapacity ?? 0) > 0 && elemSize > 0 ? 1 : 0),
    reallocations: resizes.length,
    bytesCopiedAtMost: resizes.reduce((n, m) => n + m.oldBytes, 0),
    bytesCopiedAtLeast: resizes.filter((m) => m.path === 'alloc-copy-free').reduce((n, m) => n + m.oldBytes, 0),
    moves,
  };
}

/** Shows a capacity; Infinity (a ZST vector) becomes the target's `usize::MAX`. */
export function formatCapacity(capacity: number, pointerWidth: 16 | 32 | 64 = 64): string {
  if (capacity === ZST_CAPACITY) return ((1n << BigInt(pointerWidth)) - 1n).toString();
  return String(capacity);
}

function isizeMaxBytes(pointerWidth: number): bigint {
  return (1n << BigInt(pointerWidth - 1)) - 1n;
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}
