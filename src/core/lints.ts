/**
 * The level of the deny-by-default lints that decide whether a type compiles at all, as rustc
 * sets it: the nearest `allow`/`warn`/`expect`/`deny`/`forbid` naming the lint (or a group it is
 * in), from the item out through its modules to the crate root; dependencies from a registry or
 * git are built by cargo with `--cap-lints allow`. Where the lint is allowed rustc lays the type
 * out (an overflowing literal wraps, the last integer `repr` wins); where it is denied the type
 * does not compile.
 */
import type { Attribute, CfgPredicate } from './model';
import { cfgAttrTexts } from './attrs';

export type DenyLint = 'overflowing_literals' | 'conflicting_repr_hints' | 'repr_transparent_non_zst_fields';

/** The lint groups each lint is in (`#![allow(warnings)]` does not reach a lint denied by default). */
const GROUPS: Record<DenyLint, readonly string[]> = {
  overflowing_literals: [],
  conflicting_repr_hints: ['future_incompatible'],
  repr_transparent_non_zst_fields: ['future_incompatible'],
};

/** Where lint attributes sit: an item's module, its parent module and so on up to the crate root. */
export interface LintScope {
  /** The attributes of the module's `mod` item and its inner attributes (`#![allow(..)]`). */
  readonly lintAttrs: readonly Attribute[];
  readonly parent: LintScope | undefined;
}

const LEVEL = /^(allow|warn|expect|deny|forbid)\s*\(([\s\S]*)\)\s*$/;
const LEVEL_NAMES: ReadonlySet<string> = new Set(['allow', 'warn', 'expect', 'deny', 'forbid']);

/** An attribute that may set a lint level (`#[allow(..)]`, or one a `cfg_attr` adds). */
export function isLintAttr(a: Attribute): boolean {
  return LEVEL_NAMES.has(a.name) || a.name === 'cfg_attr';
}

type Level = 'allow' | 'warn' | 'expect' | 'deny' | 'forbid';

/** The levels `attrs` set for any of `names`, in attribute order (`cfg_attr` that holds included). */
function levelsIn(attrs: readonly Attribute[], names: readonly string[], holds: (p: CfgPredicate) => boolean): Level[] {
  const out: Level[] = [];
  const consider = (text: string): void => {
    const m = LEVEL.exec(text.trim());
    if (!m) return;
    const listed = m[2]!.split(',').map((x) => x.trim());
    if (listed.some((x) => names.includes(x))) out.push(m[1] as Level);
  };
  for (const a of attrs) {
    if (a.name === 'cfg_attr') for (const t of cfgAttrTexts([a.text], holds)) consider(t);
    else if (LEVEL_NAMES.has(a.name)) consider(a.text);
  }
  return out;
}

/** `[lints.rust]` of the package's Cargo.toml: by lint or group name, its level and priority. */
export type CargoLints = ReadonlyMap<string, { readonly level: string; readonly priority: number }>;

/**
 * The levels `[lints.rust]` sets for `names`: cargo passes them as command-line flags, ordered by
 * priority (then name), which any attribute in the source overrides.
 */
function cargoLevels(names: readonly string[], cargo: CargoLints | undefined): Level[] {
  if (!cargo?.size) return [];
  const hits = names.flatMap((n) => {
    const v = cargo.get(n);
    return v && LEVEL_NAMES.has(v.level) ? [{ n, ...v }] : [];
  });
  hits.sort((a, b) => a.priority - b.priority || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  return hits.map((h) => h.level as Level);
}

/** Every level set for `names`, outermost first: the module chain from the crate root, then `itemAttrs` from the outermost list in. */
function chainLevels(names: readonly string[], itemAttrs: readonly (readonly Attribute[])[], m: LintScope | undefined, holds: (p: CfgPredicate) => boolean): Level[] {
  const lists: (readonly Attribute[])[] = [];
  for (let s = m; s; s = s.parent) lists.unshift(s.lintAttrs);
  for (let i = itemAttrs.length - 1; i >= 0; i--) lists.push(itemAttrs[i]!);
  return lists.flatMap((l) => levelsIn(l, names, holds));
}

/**
 * Whether rustc lets `lint` pass for an item: `capped` (a registry or git dependency, built with
 * `--cap-lints allow`), else by the nearest level among `itemAttrs` (innermost list first: a
 * field's or variant's, then its type's) and the module chain, denied when nothing names it. An
 * `allow` under an outer `forbid` is itself an error (E0453); `warn` fails where the `warnings`
 * group is denied (`#![deny(warnings)]`); `expect` passes.
 */
export function lintAllowed(
  lint: DenyLint,
  itemAttrs: readonly (readonly Attribute[])[],
  m: LintScope | undefined,
  capped: boolean,
  holds: (p: CfgPredicate) => boolean,
  cargo?: CargoLints,
): boolean | 'E0453' {
  if (capped) return true;
  const levels = [...cargoLevels([lint, ...GROUPS[lint]], cargo), ...chainLevels([lint, ...GROUPS[lint]], itemAttrs, m, holds)];
  const nearest = levels[levels.length - 1];
  if (nearest === undefined || nearest === 'deny' || nearest === 'forbid') return false;
  if (levels.includes('forbid')) return 'E0453';
  if (nearest === 'warn') {
    const w = [...cargoLevels(['warnings'], cargo), ...chainLevels(['warnings'], itemAttrs, m, holds)];
    const nearestW = w[w.length - 1];
    if (nearestW === 'deny' || nearestW === 'forbid') return false;
  }
  return true;
}
