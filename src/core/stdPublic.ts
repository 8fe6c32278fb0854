/**
 * The modelled std's public items: what user code can name. The model (src/core/stdSource.ts) also
 * holds private helpers (`mod sys`, `mod hashbrown`, a struct's field types) that rustc would not
 * let a crate name (E0603), so the engine lays out a std item for a crate only when it is public.
 */
import type { Item, TypeAliasDef, TypeItem } from './model';
import type { CrateScope, ModuleScope, Resolver } from './resolve';

export type PublicStdItem = TypeItem | TypeAliasDef;

const cache = new WeakMap<CrateScope, Map<PublicStdItem, string[]>>();

/**
 * Every public struct, enum, union and type alias of the std crate, with the first public path
 * that reaches it (`pub` items of `pub` modules, and `pub use` re-exports, named or glob, from
 * `pub` modules). Items inactive on the crate's target are absent.
 */
export function publicStdItems(std: CrateScope, resolver: Resolver): ReadonlyMap<PublicStdItem, string> {
  const hit = firsts.get(std);
  if (hit) return hit;
  const out = new Map<PublicStdItem, string>();
  for (const [item, paths] of publicStdPaths(std, resolver)) out.set(item, paths[0]!);
  firsts.set(std, out);
  return out;
}

const firsts = new WeakMap<CrateScope, Map<PublicStdItem, string>>();

/** Every public path of each public std item, the first one first (as publicStdItems gives it). */
export function publicStdPaths(std: CrateScope, resolver: Resolver): ReadonlyMap<PublicStdItem, readonly string[]> {
  const hit = cache.get(std);
  if (hit) return hit;
  // The model items of each inline module (the std model is one file).
  const itemsOf = new Map<ModuleScope, readonly Item[]>();
  const index = (m: ModuleScope, items: readonly Item[]): void => {
    itemsOf.set(m, items);
    for (const it of items) {
      if (it.kind === 'mod' && it.items && std.active(it.cfg)) {
        const child = m.children.get(it.name);
        if (child && !itemsOf.has(child)) index(child, it.items);
      }
    }
  };
  index(std.root, std.input.root.items);
  const out = new Map<PublicStdItem, string[]>();
  const add = (item: PublicStdItem, path: string): void => {
    const paths = out.get(item);
    if (!paths) out.set(item, [path]);
    else if (!paths.includes(path)) paths.push(path);
  };
  const visited = new Set<string>();
  const visit = (m: ModuleScope, path: readonly string[]): void => {
    const key = `${m.path.join('::')}@${path.join('::')}`;
    if (visited.has(key)) return;
    visited.add(key);
    const at = (name: string): string => [...path, name].join('::');
    for (const it of itemsOf.get(m) ?? []) {
      if (!('vis' in it) || it.vis !== 'pub' || !std.active(it.cfg)) continue;
      if (it.kind === 'struct' || it.kind === 'enum' || it.kind === 'union' || it.kind === 'alias') {
        // The first definition of a name wins, as in CrateScope (cfg'd twins are one item).
        if (m.types.get(it.name) === it) add(it, at(it.name));
      } else if (it.kind === 'mod') {
        const child = m.children.get(it.name);
        if (child) visit(child, [...path, it.name]);
      } else if (it.kind === 'use') {
        for (const e of it.entries) {
          const b = resolver.resolveUse(m, e.path, e.global);
          const name = e.alias ?? e.path[e.path.length - 1]!;
          if (b?.k === 'module') visit(b.m, e.glob ? path : [...path, name]);
          else if (b?.k === 'item' && b.item.kind !== 'trait' && !e.glob) add(b.item, at(name));
        }
      }
    }
  };
  visit(std.root, []);
  cache.set(std, out);
  return out;
}
