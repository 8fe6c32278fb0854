/**
 * The instances of a document's generic types that the document's own concrete types hold
 * (`W<u32>` in `Config`), and its type aliases, constants and statics (`type Small = W<u8>`), for
 * the CodeLens and the hover of a generic type: pure over the
 * analysis (no `vscode` at run time). The crate-wide list is the CLI's (src/core/instances.ts);
 * in the editor only the open file's types are walked, so a keystroke costs a walk over layouts
 * the engine has already computed for that file's lenses.
 */
import { genericItems, instancesIn } from '../core/instances';
import { isGenericItem } from '../core/report';
import type { InstanceReport } from '../core/reportTypes';
import type { DocumentAnalysis } from '../incremental/documentModel';
import type { TypeItem } from '../core/model';
import type { ModuleScope } from '../core/resolve';
import { isKnown } from './layoutText';

/**
 * Each analysed version's answer, one slot per entry of `a.types`. Only strings and numbers are
 * kept, so a version's model is not held past its analysis (the walk's items are let go).
 */
const byVersion = new WeakMap<DocumentAnalysis, readonly (readonly InstanceReport[] | undefined)[]>();

/** The instances held by the document's types, by the index of the generic type's entry in `a.types`. */
export function documentInstances(a: DocumentAnalysis): readonly (readonly InstanceReport[] | undefined)[] {
  const hit = byVersion.get(a);
  if (hit) return hit;
  // The items as the crate scope holds them: an analysis reused from the previous version (an
  // edit in a comment) resolves names to that version's items, not to `a.types`' ones.
  const scopeItems: TypeItem[] = [];
  const scopeMods: ModuleScope[] = [];
  a.analysis.crate.eachTypeItem(a.path, scopeItems, scopeMods);
  const wanted = genericItems(scopeItems);
  let out: (readonly InstanceReport[] | undefined)[] = [];
  if (wanted.size > 0) {
    const roots = a.types.filter((e) => !isGenericItem(e.shallow) && isKnown(e.report)).map((e) => ({ item: e.shallow, m: e.m, name: e.report.name }));
    const found = instancesIn(a.analysis.engine, roots, wanted, a.analysis.crate.writtenTypes(a.path));
    // Back to the entries: by module and name (the same scopes in a reused analysis).
    const at = new Map<ModuleScope, Map<string, number>>();
    for (const [i, e] of a.types.entries()) {
      let byName = at.get(e.m);
      if (!byName) at.set(e.m, (byName = new Map<string, number>()));
      if (!byName.has(e.shallow.name)) byName.set(e.shallow.name, i);
    }
    out = new Array<readonly InstanceReport[] | undefined>(a.types.length).fill(undefined);
    for (const [i, item] of scopeItems.entries()) {
      const list = found.get(item);
      const j = list && at.get(scopeMods[i]!)?.get(item.name);
      if (j !== undefined) out[j] = list;
    }
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
