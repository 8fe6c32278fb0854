/**
 * What types written as text own on the heap, for a target, read in the context of some Rust
 * source like the guide's other values (src/analysis/guideValues.ts): the heap tests use it.
 */
import type { Analyzer } from './analyzer';
import { isGuideValue, typesInContext } from './guideValues';
import { heapOfTy, type Owned } from '../core/heap/collections';

/** What each of `types` owns, by its text (unknown, with the reason, when it cannot be read). */
export async function ownedOfTypes(analyzer: Analyzer, blocks: readonly string[], types: readonly string[], triple: string): Promise<Map<string, Owned>> {
  const { engine, tys } = await typesInContext(analyzer, blocks, types, triple);
  const out = new Map<string, Owned>();
  for (const [t, ty] of tys) {
    out.set(t, isGuideValue(ty) ? { blocks: [], collections: [], assumptions: [], unknown: ty.kind === 'unknown' ? ty.reason : `could not read \`${t}\``, unknownKind: 'type' } : heapOfTy(engine, ty));
  }
  return out;
}
