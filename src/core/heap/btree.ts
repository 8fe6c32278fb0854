/**
 * `BTreeMap` and `BTreeSet` (rustc 1.95: library/alloc/src/collections/btree/node.rs, B = 6).
 * Every node is its own allocation: a leaf (`LeafNode<K, V>`: parent pointer, index, length, 11
 * keys and 11 values) or an internal node (`#[repr(C)] InternalNode`: a leaf, then 12 child
 * pointers); their sizes come from the engine, which lays both out from the std model. Nodes are
 * never reallocated: an insert that overflows a node splits it into two (the new one allocated).
 *
 * How many nodes n entries take depends on history (insertion order, removals): every node but
 * the root holds 5 to 11 keys (`MIN_LEN` to `CAPACITY`), the root 1 to 11. The figures here are
 * the least and the most nodes a tree of n entries can have under those rules, which every
 * sequence of inserts, removals and bulk builds stays within.
 */
import type { ElemLayout, Range } from './types';

export const BTREE_CAPACITY = 11;
const MIN_LEN = 5;

/** Internal nodes above `c` nodes of one level, at the most (every parent with 6 children, as many levels as that allows). */
function internalMost(c: number): number {
  if (c <= 1) return 0;
  if (c < 2 * (MIN_LEN + 1)) return 1;
  const p = Math.floor(c / (MIN_LEN + 1));
  return p + internalMost(p);
}

/** Internal nodes above `c` nodes of one level, at the least (every parent with 12 children). */
function internalLeast(c: number): number {
  if (c <= 1) return 0;
  if (c <= BTREE_CAPACITY + 1) return 1;
  const p = Math.ceil(c / (BTREE_CAPACITY + 1));
  return p + internalLeast(p);
}

export interface BTreeNodes {
  readonly leaves: Range;
  readonly internals: Range;
}

/**
 * Leaves and internal nodes of a tree of `n` entries, at the least (nodes full) and at the most
 * (nodes at their minimum). With L leaves, the internal nodes hold L - 1 keys, so the leaves hold
 * n - L + 1, between 5 and 11 each (1 to 11 for a lone root leaf).
 */
export function btreeNodes(n: number): BTreeNodes {
  if (n <= 0) return { leaves: { min: 0, max: 0 }, internals: { min: 0, max: 0 } };
  const leastLeaves = n <= BTREE_CAPACITY ? 1 : Math.ceil((n + 1) / (BTREE_CAPACITY + 1));
  const mostLeaves = n < 2 * MIN_LEN + 1 ? 1 : Math.floor((n + 1) / (MIN_LEN + 1));
  return { leaves: { min: leastLeaves, max: mostLeaves }, internals: { min: internalLeast(leastLeaves), max: internalMost(mostLeaves) } };
}

export interface BTreeCost {
  /** Allocator calls while inserting n distinct keys (one per node: nothing is freed or moved). */
  readonly allocations: Range;
  readonly bytes: Range;
  readonly largest: Range;
  readonly nodes: BTreeNodes;
}

/** `BTreeMap::new()` then `n` inserts of distinct keys, given the engine's node layouts. */
export function btreeInsertCost(leaf: ElemLayout, internal: ElemLayout, n: number): BTreeCost {
  const nodes = btreeNodes(n);
  const count = (pick: 'min' | 'max') => nodes.leaves[pick] + nodes.internals[pick];
  const bytes = (pick: 'min' | 'max') => nodes.leaves[pick] * leaf.size + nodes.internals[pick] * internal.size;
  const largest = (pick: 'min' | 'max') => (nodes.internals[pick] ? internal.size : nodes.leaves[pick] ? leaf.size : 0);
  return {
    allocations: { min: count('min'), max: count('max') },
    bytes: { min: bytes('min'), max: bytes('max') },
    largest: { min: largest('min'), max: largest('max') },
    nodes,
  };
}
