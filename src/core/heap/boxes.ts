/**
 * Single blocks: `Box<T>` (library/alloc/src/boxed.rs), `Rc<T>`/`Arc<T>` (rc.rs, sync.rs:
 * `#[repr(C)]` RcInner/ArcInner — the strong count, the weak count, then the value) and the nodes
 * of `LinkedList<T>` (collections/linked_list.rs: one `Box<Node<T>>` per element; the node's
 * layout comes from the engine).
 */
import { roundUp, type ElemLayout, type HeapCost } from './types';

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

/** `LinkedList::new()` then `n` `push_back`s: one node block per element. */
export function linkedListCost(node: ElemLayout, n: number): HeapCost {
  return { allocations: n, bytes: n * node.size, largest: n ? node.size : 0, capacity: n, next: { at: n + 1, bytes: node.size } };
}
