/**
 * The instances of a document's generic types that code holds (`W<u32>` in `Config`,
 * `type Small = W<u8>`), for the CodeLens and the hover of a generic type: pure over the analysis
 * (no `vscode` at run time).
 *  - The CodeLens lists those the open file holds (its types, aliases, constants and statics):
 *    a keystroke costs a walk over layouts the engine has already computed for that file's lenses.
 *  - The hover of a generic type's name lists those the whole crate holds, as the command line
 *    does (src/core/instances.ts): the crate's types are laid out for it a slice at a time
 *    (`prepareCrateInstances`, awaited by the hover provider), once per analysed version.
 */
import { genericItems, InstanceWalk, instancesIn } from '../core/instances';
import { isGenericItem } from '../core/report';
import type { InstanceReport } from '../core/reportTypes';
import type { DocumentAnalysis } from '../incremental/documentModel';
import type { TypeItem } from '../core/model';
import type { ModuleScope } from '../core/resolve';
import { nextTurn } from '../analysis/turnBudget';
import { isKnown } from './layoutText';

type PerEntry = readonly (readonly InstanceReport[] | undefined)[];

/**
 * Each analysed version's answer, one slot per entry of `a.types`. Only strings and numbers are
 * kept, so a version's model is not held past its analysis (the walk's items are let go).
 */
const byVersion = new WeakMap<DocumentAnalysis, PerEntry>();
/** The same for the whole crate (computed for a hover). */
const crateByVersion = new WeakMap<DocumentAnalysis, PerEntry>();

/**
 * The document's generic items as the crate scope holds them, and a way back to their entries:
 * an analysis reused from the previous version (an edit in a comment) resolves names to that
 * version's items, not to `a.types`' ones, so entries are matched by module and name.
 */
function wantedItems(a: DocumentAnalysis): { wanted: Set<TypeItem>; toEntries: (found: ReadonlyMap<TypeItem, InstanceReport[]>) => PerEntry } {
  const scopeItems: TypeItem[] = [];
  const scopeMods: ModuleScope[] = [];
  a.analysis.crate.eachTypeItem(a.path, scopeItems, scopeMods);
  const wanted = genericItems(scopeItems);
  const toEntries = (found: ReadonlyMap<TypeItem, InstanceReport[]>): PerEntry => {
    const at = new Map<ModuleScope, Map<string, number>>();
    for (const [i, e] of a.types.entries()) {
      let byName = at.get(e.m);
      if (!byName) at.set(e.m, (byName = new Map<string, number>()));
      if (!byName.has(e.shallow.name)) byName.set(e.shallow.name, i);
    }
    const out = new Array<readonly InstanceReport[] | undefined>(a.types.length).fill(undefined);
    for (const [i, item] of scopeItems.entries()) {
      const list = found.get(item);
      const j = list && at.get(scopeMods[i]!)?.get(item.name);
      if (j !== undefined) out[j] = list;
    }
    return out;
  };
  return { wanted, toEntries };
}

/** The instances held by the document's types, by the index of the generic type's entry in `a.types`. */
export function documentInstances(a: DocumentAnalysis): PerEntry {
  const hit = byVersion.get(a);
  if (hit) return hit;
  const { wanted, toEntries } = wantedItems(a);
  let out: PerEntry = [];
  if (wanted.size > 0) {
    const roots = a.types.filter((e) => !isGenericItem(e.shallow) && isKnown(e.report)).map((e) => ({ item: e.shallow, m: e.m, name: e.report.name }));
    out = toEntries(instancesIn(a.analysis.engine, roots, wanted, a.analysis.crate.writtenTypes(a.path)));
  }
  byVersion.set(a, out);
  return out;
}

/**
 * The instances of the generic type at `index` of `a.types` (undefined for a concrete type or
 * when none is held). Kept from the previous version when no layout of the document changed (a
 * keystroke in a comment or a body), so typing costs no walk.
 */
export function instancesAt(a: DocumentAnalysis, index: number): readonly InstanceReport[] | undefined {
  const entry = a.types[index];
  if (!entry || !isGenericItem(entry.shallow)) return undefined;
  return a.typeNote(entry, () => ({ list: documentInstances(a)[index] }))?.list;
}

/** Whether the document is laid out with other files (its crate's), which may hold its generic types too. */
function withOtherFiles(a: DocumentAnalysis): boolean {
  return a.analysis.program.texts.size > 1;
}

/** Milliseconds of the crate walk per turn of the event loop. */
const SLICE_MS = 10;

/**
 * For a hover at `offset`: when it is on the name of a generic type of a document read with its
 * crate, lays out the crate's types and the types its aliases, constants and statics name, a
 * slice at a time, and keeps the instances they hold of the document's generic types for
 * `crateInstancesAt`. Stops (keeping nothing) once `wanted()` turns false (a newer version, a
 * cancelled hover).
 */
export async function prepareCrateInstances(a: DocumentAnalysis, offset: number, wanted: () => boolean): Promise<void> {
  if (crateByVersion.has(a) || !withOtherFiles(a)) return;
  const onName = a.types.some((e) => isGenericItem(e.shallow) && e.report.nameSpan && e.report.nameSpan.start <= offset && offset < e.report.nameSpan.end);
  if (!onName) return;
  const { wanted: items, toEntries } = wantedItems(a);
  const walk = new InstanceWalk(a.analysis.engine, items);
  let t0 = performance.now();
  const slice = async (): Promise<boolean> => {
    if (performance.now() - t0 <= SLICE_MS) return true;
    await nextTurn();
    t0 = performance.now();
    return wanted();
  };
  for (const { item, m } of a.analysis.crate.typeItems()) {
    walk.root({ item, m, name: [...m.path, item.name].join('::') });
    if (!(await slice())) return;
  }
  for (const w of a.analysis.crate.writtenTypes(undefined)) {
    walk.written(w);
    if (!(await slice())) return;
  }
  if (wanted()) crateByVersion.set(a, toEntries(walk.found));
}

/**
 * The crate-wide instances of the generic type at `index` once `prepareCrateInstances` has run
 * for this version (`list` undefined when the crate holds none), else undefined.
 */
export function crateInstancesAt(a: DocumentAnalysis, index: number): { list: readonly InstanceReport[] | undefined } | undefined {
  const all = crateByVersion.get(a);
  return all && { list: all[index] };
}
