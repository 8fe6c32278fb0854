/**
 * The CLI's `--heap N` figures for a type (the same models as the hover and the chart), as JSON:
 * ranges are `{min, max}` (equal when exact; a B-tree's node fill makes them differ).
 */
import { collectionBreakdown, heapFigure, unknownIn, type Owned } from './owned';
import type { Range } from './types';

export interface HeapReport {
  readonly entries: number;
  readonly inner: number;
  /** Why the figures are not known (then nothing else but `entries` and `inner`). */
  readonly unknown?: string;
  readonly exact?: boolean;
  readonly allocations?: Range;
  readonly bytes?: Range;
  readonly blocks?: Range;
  readonly largest?: Range;
  /** Each collection the type holds directly, by field path. */
  readonly collections?: readonly {
    readonly field: string;
    readonly type: string;
    readonly allocations: Range;
    readonly bytes: Range;
    readonly blocks: Range;
    readonly capacity?: number;
    readonly nextGrowthAt?: number;
    readonly nextGrowthBytes?: number;
  }[];
  /** Single blocks (Box, Rc, Arc), in bytes. */
  readonly boxes?: readonly number[];
  readonly assumptions?: readonly string[];
}

/**
 * The heap figures of what `o` owns with `entries` per collection, or undefined when it owns
 * nothing. Whatever may own memory the figures cannot count (a pointer, a type the engine cannot
 * read) gives `unknown`: an absent figure says the type owns nothing.
 */
export function heapReport(o: Owned, entries: number, inner: number): HeapReport | undefined {
  if (!o.collections.length && !o.blocks.length && !o.unknown) return undefined;
  const why = unknownIn(o);
  if (why) return { entries, inner, unknown: why.reason };
  const f = heapFigure(o, entries, inner)!;
  const exact = [f.allocations, f.bytes, f.blocks].every((r) => r.min === r.max);
  return {
    entries,
    inner,
    exact,
    allocations: f.allocations,
    bytes: f.bytes,
    blocks: f.blocks,
    largest: f.largest,
    collections: o.collections.map((c) => {
      const b = collectionBreakdown(c.plan, entries, inner);
      return {
        field: c.path.replace(/^\./, ''),
        type: c.plan.name,
        allocations: b.total.allocations,
        bytes: b.total.bytes,
        blocks: b.total.blocks,
        ...(b.capacity !== undefined ? { capacity: b.capacity } : {}),
        ...(b.next ? { nextGrowthAt: b.next.at, nextGrowthBytes: b.next.bytes } : {}),
      };
    }),
    ...(o.blocks.length ? { boxes: o.blocks } : {}),
    ...(o.assumptions.length ? { assumptions: o.assumptions } : {}),
  };
}
