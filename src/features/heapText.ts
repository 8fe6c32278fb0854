/**
 * The heap lines of hovers: what a value's collections, boxes and reference counts hold on the
 * heap with N entries (src/core/heap). Pure text: the hover model and its tests share it.
 */
import { collectionBreakdown, formatCount, formatRange, heapFigure, type CollectionPlan, type HeapFigure, type Owned, type Range } from '../core/heap/collections';
import { guideLink } from './layoutText';

/** The section of the collections chapter that explains a collection's growth. */
function sectionOf(p: CollectionPlan): string {
  if (p.kind === 'hash') return 'hashmap';
  if (p.kind === 'btree') return 'btreemap';
  if (p.name.startsWith('VecDeque')) return 'vecdeque';
  return p.unit === 'bytes' ? 'string' : 'counting';
}

const num = formatCount;
const showRange = formatRange;
const calls = (r: Range): string => `${showRange(r)} allocator call${r.max === 1 ? '' : 's'}`;
const blocks = (r: Range): string => `${showRange(r)} block${r.max === 1 ? '' : 's'}`;
const figure = (f: HeapFigure): string => `${calls(f.allocations)}, ${showRange(f.bytes, ' B')} in ${blocks(f.blocks)}`;

export interface HeapTextOptions {
  /** Entries in each collection the value holds directly (`rustLayout.heap.entries`). */
  readonly entries: number;
  /** Entries in each collection inside an element (`rustLayout.heap.innerLength`). */
  readonly inner: number;
  /** A Markdown link that changes the entry count, appended to the first line. */
  readonly changeLink?: string;
}

/**
 * Markdown lines for what `o` owns, or undefined when it owns nothing on the heap. Unknown
 * figures say why; ranges are B-tree node fill.
 */
export function heapMarkdown(o: Owned, opts: HeapTextOptions): string | undefined {
  // A type hover's walk is kept small (it runs at every keystroke): past its budget it says
  // nothing rather than add a line to every large type; its fields' hovers and the panel tell.
  if (o.unknownKind === 'budget') return undefined;
  // Nothing counted and only a pointer or an unreadable type in the way: no line (every FFI
  // handle would get one). Beside a collection, such a pointer makes the figure unknown below.
  if (!o.collections.length && !o.blocks.length) return o.unknown && o.unknownKind === 'heap' ? `**Heap:** unknown — ${o.unknown}.` : undefined;
  if (o.unknown) return `**Heap:** unknown — ${o.unknown}.`;
  const n = opts.entries;
  const link = opts.changeLink ? ` ${opts.changeLink}` : '';
  const lines: string[] = [];
  for (const { path, plan } of o.collections) {
    const b = collectionBreakdown(plan, n, opts.inner);
    const where = path ? ` \`${path.replace(/^\./, '')}\`` : '';
    const what = plan.unit;
    if (!plan.slot.size && plan.kind === 'vec') {
      lines.push(`**Heap**${where} (\`${plan.name}\`): nothing — its elements are zero-sized, so it never allocates.`);
      continue;
    }
    const how = plan.kind === 'hash' || plan.kind === 'btree' ? ' (distinct keys, inserted one by one)' : plan.kind === 'slice' ? '' : ' (pushed one by one)';
    let line = `**Heap**${where} (\`${plan.name}\`) with ${num(n)} ${what}${how}${link}: ${figure(b.storage)}`;
    if (plan.kind === 'btree') {
      line += ` — one block per node (${showRange(b.nodes!.leaves)} leaves of ${plan.leaf!.size} B, ${showRange(b.nodes!.internals)} internal nodes of ${plan.internal!.size} B); how full the nodes are depends on the order of inserts and removals, hence the range.`;
    } else if (plan.kind === 'hash') {
      line += ` — one table of buckets and control bytes, room for ${num(b.capacity!)} entries before it grows (load factor 7/8); the next growth, at ${num(b.next!.at)} entries, moves every entry to a ${num(b.next!.bytes)} B table.`;
    } else if (plan.kind === 'vec') {
      line += ` — room for ${num(b.capacity!)}; the next growth, at ${num(b.next!.at)} ${what}, makes the buffer ${num(b.next!.bytes)} B.`;
    } else if (plan.kind === 'slice') {
      line += ' — one block of exactly that length: a boxed slice never grows.';
    } else line += ` — one node of ${plan.leaf!.size} B per element.`;
    lines.push(`${line} ${guideLink('collections', b.elements.blocks.max > 0 ? 'nested' : sectionOf(plan), 'How it grows')}`);
    if (b.elementsUnknown) lines.push(`What its elements own themselves is unknown: ${b.elementsUnknown}. Not counted above.`);
    else if (b.elements.bytes.max > 0 || b.elements.allocations.max > 0) {
      lines.push(`Its elements own more (each inner collection with ${num(opts.inner)} entries): ${figure(b.elements)}. **In all:** ${figure(b.total)}.`);
    }
  }
  if (o.blocks.length) {
    const total = o.blocks.reduce((s, x) => s + x, 0);
    const direct = heapFigure({ ...o, collections: [] }, n, opts.inner)!;
    lines.push(`**Heap blocks** (Box, Rc, Arc): ${figure(direct)}${o.blocks.length > 1 ? ` (${o.blocks.map(num).join(' + ')} = ${num(total)} B)` : ''}.`);
  }
  if (o.assumptions.length) lines.push(`*Assumes ${o.assumptions.join('; ')}.*`);
  return lines.join('\n\n');
}
