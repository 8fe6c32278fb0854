import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';

const wasmDir = path.join(__dirname, '../../../dist');

describe('resolve: glob imports', function () {
  // A hang guard, not a speed target: the walk below took minutes when every path through the
  // glob imports was walked again (gtk4's preludes over gdk's, gio's and glib's: over 5 minutes
  // for the crate); it takes well under a second.
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('a DAG of glob imports with cycles (each prelude globs every earlier one and its parent) is walked once per name', async () => {
    const n = 18;
    const mods = Array.from({ length: n }, (_, i) => `pub mod p${i} { pub use super::*;${Array.from({ length: i }, (_, j) => ` pub use super::p${j}::*;`).join('')} pub struct T${i}(pub u8, pub [u16; ${i}]); }`);
    const r = await analyzer.analyzeText('globs.rs', `${mods.join('\n')}\nuse p${n - 1}::*;\npub struct S { a: T0, b: Missing }\npub struct R { a: T3, b: T1 }\n`);
    const by = new Map(r.types.map((t) => [t.name, t]));
    // Sizes as rustc 1.95 lays them out (x86_64): T3 is 8 bytes (u8 + [u16; 3]), T1 4.
    assert.equal(by.get('R')?.size, 12);
    assert.match(by.get('S')?.unknown ?? '', /unknown type `Missing`/);
    assert.equal(by.get(`p${n - 1}::T${n - 1}`)?.size, 2 + 2 * (n - 1));
  });
});
