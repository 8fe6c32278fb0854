/**
 * The modelled standard library (src/core/stdSource.ts) as a list of public std types, and the
 * probe that measures each of them with the real rustc.
 *
 *  - `publicStdTypes` walks the model the way a user reaches it: `pub` items in `pub` modules,
 *    and `pub use` re-exports (named or glob) from `pub` modules. Every definition counts once,
 *    under the first public path found (the definition's own module when it is public).
 *  - `stdTypeCorpus` instantiates each type with representative arguments and, for each
 *    instantiation `T`, defines wrappers whose layouts rustc and the engine must agree on:
 *      `S(T)`                size and alignment (the layout of `T` itself);
 *      `O(Option<T>)`        whether `T` has a niche (rustc always fills a niche for `Option`);
 *    and, when the engine says `T` has a niche:
 *      `OO(Option<Option<T>>)`   room for two values;
 *      `E { A(T), B(u8) }`   where the niche is (the offset rustc gives `B.0`, the tag);
 *      `KA { A(T), V1..Vc }` and `KB { A(T), V1..Vc+1 }`, where c is the niche count the engine
 *        claims for `T` (when c ≤ MAX_EXACT_NICHE, once per public type and count): rustc fits the
 *        first in the niche and not the second only when the count is exactly c.
 *    Unsized instantiations (`Path`, `Mutex<str>`) are measured behind `&'static`.
 */
import type { Item, SourceFile, TypeAliasDef, TypeItem } from '../../src/core/model';
import { CrateScope, type ModuleScope, Resolver } from '../../src/core/resolve';
import { PRELUDE } from '../../src/core/stdSource';
import type { Target } from '../../src/core/targets';
import type { Corpus, GenType } from './generator';

export interface PublicStdType {
  /** Public path from the std root: `collections::hash_map::Iter`. */
  readonly path: string;
  /** A struct, enum or union; or a type alias (`io::Result`), measured but not counted as a type. */
  readonly item: TypeItem | TypeAliasDef;
  /** Generic parameters in order: lifetimes, types (with `?Sized`), consts. */
  readonly params: readonly { kind: 'lifetime' | 'type' | 'const'; name: string; maybeUnsized: boolean; hasDefault: boolean }[];
}

/** Every public struct/enum/union and type alias of the model that is active on `target`, each definition once. */
export function publicStdTypes(std: SourceFile, target: Target): PublicStdType[] {
  const crate = new CrateScope({ name: 'std', root: { file: '<std>', items: std.items }, fileModules: new Map(), externCrates: [], features: [] }, target, true);
  const resolver = new Resolver(crate, PRELUDE);
  // The model items of each module scope (inline modules only: the model is one file).
  const itemsOf = new Map<ModuleScope, readonly Item[]>();
  const index = (m: ModuleScope, items: readonly Item[]): void => {
    itemsOf.set(m, items);
    for (const it of items) {
      if (it.kind === 'mod' && it.items && crate.active(it.cfg)) {
        const child = m.children.get(it.name);
        if (child && !itemsOf.has(child)) index(child, it.items);
      }
    }
  };
  index(crate.root, std.items);
  const out: PublicStdType[] = [];
  const seen = new Set<TypeItem | TypeAliasDef>();
  const add = (item: TypeItem | TypeAliasDef, path: string): void => {
    if (seen.has(item)) return;
    seen.add(item);
    out.push({
      path,
      item,
      params: item.generics.params.map((p) => ({
        kind: p.kind,
        name: p.name,
        maybeUnsized: p.kind === 'type' && p.maybeUnsized,
        hasDefault: p.kind !== 'lifetime' && p.default !== undefined,
      })),
    });
  };
  const visited = new Set<string>();
  const visit = (m: ModuleScope, path: readonly string[]): void => {
    const key = `${m.path.join('::')}@${path.join('::')}`;
    if (visited.has(key)) return;
    visited.add(key);
    const items = itemsOf.get(m) ?? [];
    const at = (name: string): string => [...path, name].join('::');
    for (const it of items) {
      if (!('cfg' in it) || !crate.active(it.cfg)) continue;
      if ((it.kind === 'struct' || it.kind === 'enum' || it.kind === 'union' || it.kind === 'alias') && it.vis === 'pub') {
        // The first definition of a name wins, as in CrateScope (cfg'd twins are one type).
        if (m.types.get(it.name) === it) add(it, at(it.name));
      } else if (it.kind === 'mod' && it.vis === 'pub') {
        const child = m.children.get(it.name);
        if (child) visit(child, [...path, it.name]);
      } else if (it.kind === 'use' && it.vis === 'pub') {
        for (const e of it.entries) {
          const b = resolver.resolveUse(m, e.path, e.global);
          if (!b) throw new Error(`std model: \`pub use ${e.path.join('::')}\` in \`${m.path.join('::')}\` does not resolve`);
          if (e.glob) {
            if (b.k !== 'module') throw new Error(`std model: glob of a non-module \`${e.path.join('::')}\``);
            visitGlob(b.m, path);
          } else if (b.k === 'item' && b.item.kind !== 'trait') add(b.item, at(e.alias ?? e.path[e.path.length - 1]!));
          else if (b.k === 'module') visit(b.m, [...path, e.alias ?? e.path[e.path.length - 1]!]);
        }
      }
    }
  };
  /** `pub use m::*`: m's public names, re-exported under `path`. */
  const visitGlob = (m: ModuleScope, path: readonly string[]): void => visit(m, path);
  visit(crate.root, []);
  return out;
}

/** One probe instantiation of a public std type. */
export interface StdInstance {
  readonly type: PublicStdType;
  /** The instantiated type as the probe writes it (`std::cell::Ref<'static, u8>`). */
  readonly text: string;
}

export interface ProbeBuild {
  readonly corpus: Corpus;
  /** For each corpus type: the instance it measures and what (S, O, OO, E, K, K+1). */
  readonly of: ReadonlyMap<string, { instance: StdInstance; probe: string }>;
}

/** Most dataless variants a KA/KB probe gets (an exact niche count is checked up to this). */
export const MAX_EXACT_NICHE = 300;

/**
 * The corpus of wrappers around the instances. `unsized(i)` says which instances are unsized
 * (measured behind `&'static`); `nicheCount(i)` is the engine's niche count of the instance
 * (undefined: no KA/KB probes).
 */
export function stdTypeCorpus(
  instances: readonly StdInstance[],
  header: string,
  unsized: (i: number) => boolean,
  nicheCount: (i: number) => bigint | undefined,
): ProbeBuild {
  const defs: string[] = [];
  const types: GenType[] = [];
  const of = new Map<string, { instance: StdInstance; probe: string }>();
  const struct = (name: string, field: string, instance: StdInstance, probe: string): void => {
    defs.push(`pub struct ${name}(pub ${field});`);
    types.push({ name, kind: 'struct', rustPath: name, fields: [], repr: '' });
    of.set(name, { instance, probe });
  };
  // The exact niche count is checked once per public type and count (the count of `Vec<bool>` says
  // nothing that `Vec<char>`'s does not), which keeps the probe small.
  const counted = new Set<string>();
  instances.forEach((inst, i) => {
    const t = unsized(i) ? `&'static ${inst.text}` : inst.text;
    defs.push(`// ${inst.text}`);
    struct(`S${i}`, t, inst, 'S');
    struct(`O${i}`, `Option<${t}>`, inst, 'O');
    const c = nicheCount(i);
    // Without a niche (as the engine claims), `O` is all there is to check: had rustc a niche,
    // its `Option<T>` would be the size of `T`.
    if (c === 0n) return;
    struct(`OO${i}`, `Option<Option<${t}>>`, inst, 'OO');
    defs.push(`pub enum E${i} { A(${t}), B(u8) }`);
    types.push({ name: `E${i}`, kind: 'enum', rustPath: `E${i}`, fields: [], variants: [{ name: 'A', fields: ['0'] }, { name: 'B', fields: ['0'] }], repr: '' });
    of.set(`E${i}`, { instance: inst, probe: 'E' });
    if (c !== undefined && c <= BigInt(MAX_EXACT_NICHE) && !counted.has(`${inst.type.path}/${c}`)) {
      counted.add(`${inst.type.path}/${c}`);
      for (const [name, n] of [[`KA${i}`, Number(c)], [`KB${i}`, Number(c) + 1]] as const) {
        const vs = Array.from({ length: n }, (_, k) => `V${k}`);
        defs.push(`pub enum ${name} { A(${t}), ${vs.join(', ')} }`);
        types.push({ name, kind: 'enum', rustPath: name, fields: [], variants: [{ name: 'A', fields: ['0'] }], repr: '' });
        of.set(name, { instance: inst, probe: name.startsWith('KB') ? 'K+1' : 'K' });
      }
    }
  });
  return { corpus: { seed: 'std-types', mode: 'std', header, defs: defs.join('\n'), types }, of };
}
