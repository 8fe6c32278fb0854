/**
 * Items made by a macro expansion carry a mark (a symbol key: invisible to JSON and to model
 * comparisons). Their own `span`, `nameSpan` and `line` are in the file that holds the macro
 * call (the name where it was written in the call's input, else the call), so hovers and lenses
 * sit on the call; everything nested (fields, types) is in the expansion's text, which the mark
 * holds for the reports' type texts.
 */
import type { Item, Span } from './model';

export interface ExpansionMark {
  /** The expansion's text (what nested spans index into). */
  readonly text: string;
  /** The macro, as called (`bitflags`, `crate::make`). */
  readonly macro: string;
  /** The outermost call in the real file. */
  readonly call: Span;
}

const EXPANDED = Symbol('expanded');
type Marked = { [EXPANDED]?: ExpansionMark };

/** Marks `item` as made by an expansion (in place; the item is fresh from the expansion's parse). */
export function markExpanded<T extends Item>(item: T, mark: ExpansionMark): T {
  Object.defineProperty(item, EXPANDED, { value: mark, enumerable: false });
  return item;
}

export function expansionOf(item: Item): ExpansionMark | undefined {
  return (item as Marked)[EXPANDED];
}
