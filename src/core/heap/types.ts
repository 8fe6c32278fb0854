/**
 * The shared vocabulary of the heap models: what a collection asks the global allocator for.
 * Pure: element layouts come from the engine, the models from std's own arithmetic.
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

/** A figure that depends on history (a B-tree's node fill): the least and the most it can be. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export const roundUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** A count as the figures show it: `1,024`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** A figure or range as the hovers, the chart and the guide show it: `1,024 B`, `28,032–34,368 B`. */
export const formatRange = (r: Range, unit = ''): string => (r.min === r.max ? `${formatCount(r.min)}${unit}` : `${formatCount(r.min)}–${formatCount(r.max)}${unit}`);
