/**
 * A document's next model from its previous one: the top-level items around an edit are
 * extracted again (src/parse/extract.ts `extractItemsOf`), the items before them reused as they
 * are, the items after them moved (src/core/positions.ts). What was done is returned with the
 * model, as a `Derivation`: the report carry-over (./documentModel.ts) reads it to know which
 * items may have changed.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { type SourceFile, ownString } from '../core/model';
import { movedItem } from '../core/positions';
import { carriesOver, extractItemsOf, itemStart } from '../parse/extract';

/** How a model was derived from an earlier one by `extractIncremental`. */
export interface Derivation {
  /** The model built, and the model it was built from. Held by the document's tree cache entry
   * and by nothing longer-lived (./documents.ts), so versions do not chain in memory. */
  readonly file: SourceFile;
  readonly base: SourceFile;
  /** The re-extracted region: [start, newEnd) in the new text, [start, oldEnd) in the old one. */
  readonly start: number;
  readonly newEnd: number;
  readonly oldEnd: number;
  /** Offset and line shift of everything after the region. */
  readonly delta: number;
  readonly lineDelta: number;
  /** Items of `base` replaced by the region's items: base.items[oldFrom, oldTo) → file.items[oldFrom, newTo). */
  readonly oldFrom: number;
  readonly oldTo: number;
  readonly newTo: number;
}

/** What a derivation says about the two texts, without the models (what a version may keep). */
export type Splice = Omit<Derivation, 'file' | 'base'>;

/** The splice of `d` when it built `file` from `base`, else undefined. */
export function spliceOf(d: Derivation | undefined, file: SourceFile, base: SourceFile): Splice | undefined {
  if (!d || d.file !== file || d.base !== base) return undefined;
  const { file: _f, base: _b, ...splice } = d;
  return splice;
}

/**
 * The model of `text` built from `prev` (the model of `prevText`) by re-extracting only the
 * top-level items around the changed part. `prefix` and `suffix` are the lengths of the start
 * and end that both texts share and whose syntax did not change (DocumentTrees works them out).
 * `tree` is the whole file's tree, or the parse of a region of `text` that holds that window.
 * Items before the region are reused as they are, items after it are copied with their offsets
 * and lines shifted. Returns undefined (the caller extracts everything) when the result could
 * differ from a full extraction: syntax errors in either version, inner attributes in the
 * region, or an old item crossing the region's border.
 */
export function extractIncremental(
  tree: Tree,
  text: string,
  path: string,
  prev: SourceFile,
  prevText: string,
  prefix: number,
  suffix: number,
): Derivation | undefined {
  if (prev.problems.length || prefix + suffix > Math.min(text.length, prevText.length)) return undefined;
  const root = tree.rootNode;
  if (root.hasError || root.type === 'ERROR') return undefined;
  const newEndW = text.length - suffix;
  const delta = text.length - prevText.length;
  let start = prefix;
  let newEnd = newEndW;
  // The top-level nodes to re-extract. (Node.firstChildForIndex, not the cursor's
  // gotoFirstChildForIndex: web-tree-sitter 0.27's cursor version always reports failure.)
  const nodes: Node[] = [];
  let n = root.firstChildForIndex(prefix);
  if (n) {
    // Back over the attributes and comments that belong to this node's item.
    n = itemStart(n);
    start = Math.min(start, n.startIndex);
    // Forward over every node that starts in the window, and the item trailing attributes belong to.
    let last = '';
    for (let c: Node | null = n; c; c = c.nextSibling) {
      const t = c.type;
      if (c.startIndex > newEndW && !carriesOver(last)) break;
      if (t === 'inner_attribute_item') return undefined;
      nodes.push(c);
      newEnd = Math.max(newEnd, c.endIndex);
      last = t;
    }
  }
  const oldEnd = newEnd - delta;
  if (oldEnd < start) return undefined;
  const items = prev.items;
  let from = 0;
  while (from < items.length && items[from]!.span.end <= start) from++;
  let to = from;
  while (to < items.length && items[to]!.span.start < oldEnd) to++;
  if (from < to && (items[from]!.span.start < start || items[to - 1]!.span.end > oldEnd)) return undefined;
  if (prev.innerAttrs.some((a) => a.span.end > start)) return undefined;
  const region = extractItemsOf(nodes, text, tree.language.types);
  if (!region) return undefined;
  const lineDelta = countLines(text, start, newEnd) - countLines(prevText, start, oldEnd);
  detachStrings(region);
  const out = items.slice(0, from);
  for (const it of region) out.push(it);
  for (let i = to; i < items.length; i++) out.push(movedItem(items[i]!, delta, lineDelta));
  const file: SourceFile = { path, items: out, problems: [], innerAttrs: prev.innerAttrs };
  return { file, base: prev, start, newEnd, oldEnd, delta, lineDelta, oldFrom: from, oldTo: to, newTo: from + region.length };
}

/**
 * Gives every long string in the region's items its own copy. Substrings of the document text
 * keep the whole text alive, and these items outlive their version (later ones reuse or shift
 * them): without this, every keystroke would keep one more copy of the document in memory.
 */
function detachStrings(v: unknown): void {
  // Frozen objects are the shared constants of src/parse/syntax.ts (their strings are already copies).
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'string') {
        if (x.length >= 13) v[i] = ownString(x);
      } else detachStrings(x);
    }
    return;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === 'string') {
      if (x.length >= 13) o[k] = ownString(x);
    } else detachStrings(x);
  }
}

function countLines(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
