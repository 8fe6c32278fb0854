/**
 * The modelled std's public items and their paths (src/core/stdPublic.ts), as a crate on
 * x86_64 Linux sees them: what the tests that write every public std type walk over.
 */
import type { Analyzer } from '../../src/analysis/analyzer';
import { CrateScope, Resolver } from '../../src/core/resolve';
import { PRELUDE, STD_SOURCE } from '../../src/core/stdSource';
import { publicStdPaths, type PublicStdItem } from '../../src/core/stdPublic';
import { getTarget } from '../../src/core/targets';

const made = new WeakMap<Analyzer, Promise<ReadonlyMap<PublicStdItem, readonly string[]>>>();

/** Parsed once per analyzer. */
export function modelStdPaths(analyzer: Analyzer): Promise<ReadonlyMap<PublicStdItem, readonly string[]>> {
  let hit = made.get(analyzer);
  if (!hit) {
    hit = (async () => {
      const std = await analyzer.parseFile('<std>', STD_SOURCE, { budgetMs: Infinity });
      const crate = new CrateScope({ name: 'std', root: { file: '<std>', items: std.items }, fileModules: new Map(), externCrates: [], features: [] }, getTarget('x86_64-unknown-linux-gnu')!, true);
      return publicStdPaths(crate, new Resolver(crate, PRELUDE));
    })();
    made.set(analyzer, hit);
  }
  return hit;
}
