/**
 * Keys of the crate's own items in `Engine.refs` (what each definition names), shared by the
 * engine and the constant evaluator.
 */
import type { ModuleScope } from './resolve';

/**
 * Keys by item, for the module the item was last seen in. The same parsed item can sit in more
 * than one module (a file shown alone before its crate is read is a crate root; once read it is
 * `g::small`): a key kept per item alone once named a type held by another by its detached
 * path, so an edit of it in the crate did not reach its holders and their old layouts were
 * carried over.
 */
const refKeys = { t: new WeakMap<object, { readonly m: ModuleScope; readonly k: string }>(), v: new WeakMap<object, { readonly m: ModuleScope; readonly k: string }>() };

/**
 * A crate item's key in `Engine.refs`: namespace (`t` types, `v` constants), module path, name.
 * Stable across versions of a document as long as no name changes.
 */
export function refKey(ns: 't' | 'v', m: ModuleScope, item: { readonly name: string }): string {
  const hit = refKeys[ns].get(item);
  if (hit?.m === m) return hit.k;
  const k = refKeyOf(ns, m.path, item.name);
  refKeys[ns].set(item, { m, k });
  return k;
}

export function refKeyOf(ns: 't' | 'v', modulePath: readonly string[], name: string): string {
  return `${ns}:${modulePath.join('::')}::${name}`;
}
