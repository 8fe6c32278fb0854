/**
 * The panel's heap chart: heap bytes and allocator calls against the number of entries, for
 * what a type owns (one series per collection it holds, plus their sum). Plain data, built here
 * and drawn by the panel's script (src/webview/heapChart.ts).
 */
import { collectionBreakdown, heapSeries, unknownIn, type Owned, type SeriesPoint } from './owned';
import { formatCount as num, formatRange as range } from './types';

export interface HeapChartSeries {
  /** `names (Vec<String>)`, or `all` for the sum. */
  readonly label: string;
  readonly points: readonly SeriesPoint[];
}

export interface HeapChartData {
  /** The type the chart is for, as written. */
  readonly type: string;
  /** The entry count the hovers use (`rustLayout.heap.entries`): marked on the x axis. */
  readonly entries: number;
  /** Entries of the collections inside elements (`rustLayout.heap.innerLength`). */
  readonly inner: number;
  /** The x axis runs from 0 to this. */
  readonly maxN: number;
  readonly series: readonly HeapChartSeries[];
  /** The figures at `entries`, one line per collection. */
  readonly lines: readonly string[];
  /** Why there is no chart (the type owns heap memory, but how much is not known). */
  readonly unknown?: string;
  readonly assumptions: readonly string[];
}


/** The chart of what `o` owns, or undefined when it owns nothing on the heap. */
export function heapChart(type: string, o: Owned, entries: number, inner: number): HeapChartData | undefined {
  if (!o.collections.length && !o.blocks.length && o.unknownKind !== 'heap' && o.unknownKind !== 'budget') return undefined;
  const maxN = Math.max(16, Math.ceil(entries * 1.25));
  const base = { type, entries, inner, maxN, assumptions: o.assumptions };
  const unknown = unknownIn(o);
  if (unknown) return { ...base, series: [], lines: [], unknown: unknown.reason };
  const series: HeapChartSeries[] = o.collections.map((c) => ({
    label: `${c.path ? `${c.path.replace(/^\./, '')} ` : ''}(${c.plan.name})`,
    points: heapSeries({ blocks: [], collections: [c], assumptions: [] }, maxN, inner, [entries]) ?? [],
  }));
  if (series.length !== 1 || o.blocks.length) series.push({ label: 'all', points: heapSeries(o, maxN, inner, [entries]) ?? [] });
  const lines = o.collections.map((c) => {
    const b = collectionBreakdown(c.plan, entries, inner);
    const at = b.next ? `; next growth at ${num(b.next.at)}` : '';
    return `${c.path ? `${c.path.replace(/^\./, '')}: ` : ''}${c.plan.name} with ${num(entries)} ${c.plan.unit}: ${range(b.total.bytes, ' B')}, ${range(b.total.allocations)} allocator calls${at}`;
  });
  if (o.blocks.length) lines.push(`Box/Rc/Arc blocks: ${o.blocks.map(num).join(' + ')} B`);
  return { ...base, series, lines };
}
