/**
 * Laying out every type of a document at once (the diagnostics and the CodeLens ask for all of
 * them) can take 100-200 ms in a large file of a large crate: the reports are computed here a
 * slice at a time, yielding to the event loop between slices, before the caller reads them all.
 */
import { nextTurn } from '../analysis/turnBudget';
import type { DocumentAnalysis } from '../incremental/documentModel';

/** Milliseconds of layout work per turn of the event loop. */
const SLICE_MS = 10;

/**
 * Computes every type's report of `a`, `SLICE_MS` at a time. Resolves to false (stopping early)
 * once `wanted()` says the result is no longer needed (a newer version, a cancelled request).
 */
export async function computeReportsInSlices(a: DocumentAnalysis, wanted: () => boolean): Promise<boolean> {
  let t0 = performance.now();
  for (const entry of a.types) {
    void entry.report;
    if (performance.now() - t0 > SLICE_MS) {
      await nextTurn();
      if (!wanted()) return false;
      t0 = performance.now();
    }
  }
  return wanted();
}
