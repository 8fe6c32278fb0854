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

export type DenyLint = 'overflowing_literals' | 'conflicting_repr_hints';

/** The lint groups each lint is in (`#![allow(warnings)]` does not reach a lint denied by default). */
const GROUPS: Record<DenyLint, readonly string[]> = {
  overflowing_literals: [],
  conflicting_repr_hints: ['future_incompatible'],
};

/** Where lint attributes sit: an item's module, its parent module and so on up to the crate root. */
export interface LintScope {
  /** The attributes of the module's `mod` item and its inner attributes (`#![allow(..)]`). */
  readonly lintAttrs: readonly Attribute[];
  readonly parent: LintScope | undefined;
}

const LEVEL = /^(allow|warn|expect|deny|forbid)\s*\(([\s\S]*)\)\s*$/;

/** Whether `attrs` set the lint's level: true allowed (or only warned), false denied, undefined silent. The last one wins. */
export function lintLevelIn(attrs: readonly Attribute[], lint: DenyLint, holds: (p: CfgPredicate) => boolean): boolean | undefined {
  let level: boolean | undefined;
  const names = [lint, ...GROUPS[lint]];
  const consider = (text: string): void => {
    const m = LEVEL.exec(text.trim());
    if (!m) return;
    const listed = m[2]!.split(',').map((x) => x.trim());
    if (listed.some((x) => names.includes(x))) level = m[1] === 'allow' || m[1] === 'warn' || m[1] === 'expect';
  };
  for (const a of attrs) {
    if (a.name === 'cfg_attr') for (const t of cfgAttrTexts([a.text], holds)) consider(t);
    else if (a.name === 'allow' || a.name === 'warn' || a.name === 'expect' || a.name === 'deny' || a.name === 'forbid') consider(a.text);
  }
  return level;
}

/**
 * Whether rustc lets `lint` pass for an item: `capped` (a registry or git dependency), else the
 * nearest level among `itemAttrs` (innermost list first: a variant's, then its enum's) and the
 * module chain; denied when nothing names it.
 */
export function lintAllowed(lint: DenyLint, itemAttrs: readonly (readonly Attribute[])[], m: LintScope | undefined, capped: boolean, holds: (p: CfgPredicate) => boolean): boolean {
  if (capped) return true;
  for (const attrs of itemAttrs) {
    const l = lintLevelIn(attrs, lint, holds);
    if (l !== undefined) return l;
  }
  for (let s = m; s; s = s.parent) {
    const l = lintLevelIn(s.lintAttrs, lint, holds);
    if (l !== undefined) return l;
  }
  return false;
}
