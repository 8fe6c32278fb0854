/**
 * What types written as text own on the heap, for a target: the guide's heap placeholders and
 * charts, and the heap tests. The types are read in the context of some Rust source (a chapter's
 * example blocks), like the guide's other numbers (src/analysis/guideValues.ts).
 */
import type { Analyzer } from './analyzer';
import { singleFileProgram } from './analyzer';
import { ALIAS_PREFIX, guideSource } from './guideValues';
import { heapOfTy, type Owned } from '../core/heap/collections';
import { Abstain, LayoutError } from '../core/layout/types';

/** What each of `types` owns, by its text (unknown, with the reason, when it cannot be read). */
export async function ownedOfTypes(analyzer: Analyzer, blocks: readonly string[], types: readonly string[], triple: string): Promise<Map<string, Owned>> {
  const text = guideSource(blocks, types);
  const file = await analyzer.parseFile('<heap>', text);
  const analysis = await analyzer.analyze(singleFileProgram(file, text), triple);
  const root = analysis.crate.root;
  const out = new Map<string, Owned>();
  types.forEach((t, i) => {
    const alias = root.types.get(`${ALIAS_PREFIX}${i}`);
    if (!alias || alias.kind !== 'alias' || !alias.ty) {
      out.set(t, { blocks: [], collections: [], assumptions: [], unknown: `could not read the type \`${t}\`` });
      return;
    }
    try {
      out.set(t, heapOfTy(analysis.engine, analysis.engine.tyOf(alias.ty, { m: root, generics: new Map() })));
    } catch (e) {
      if (!(e instanceof Abstain || e instanceof LayoutError)) throw e;
      out.set(t, { blocks: [], collections: [], assumptions: [], unknown: e.message });
    }
  });
  return out;
}
