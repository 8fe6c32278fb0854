/**
 * The modelled standard library (src/core/stdSource.ts) as a list of public std types, and the
 * probe that measures each of them with the real rustc.
 *
 *  - `publicStdTypes` lists the model's public items the way a user reaches them (`pub` items in
 *    `pub` modules, `pub use` re-exports; src/core/stdPublic.ts, which the engine also uses to
 *    keep the model's private helpers from user code). Every definition counts once, under the
 *    first public path found (the definition's own module when it is public).
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
import type { SourceFile, TypeAliasDef, TypeItem } from '../../src/core/model';
import { CrateScope, Resolver } from '../../src/core/resolve';
import { publicStdItems } from '../../src/core/stdPublic';
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

/** Every public struct/enum/union and type alias of the model that is active on `target`, each definition once (src/core/stdPublic.ts). */
export function publicStdTypes(std: SourceFile, target: Target): PublicStdType[] {
  const crate = new CrateScope({ name: 'std', root: { file: '<std>', items: std.items }, fileModules: new Map(), externCrates: [], features: [] }, target, true);
  return [...publicStdItems(crate, new Resolver(crate, PRELUDE))].map(([item, path]) => ({
    path,
    item,
    params: item.generics.params.map((p) => ({
      kind: p.kind,
      name: p.name,
      maybeUnsized: p.kind === 'type' && p.maybeUnsized,
      hasDefault: p.kind !== 'lifetime' && p.default !== undefined,
    })),
  }));
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
