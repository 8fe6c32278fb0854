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

  it('a module path a glob import goes through, cut short by a cycle while another name was asked, is not remembered as not found', async () => {
    // encoding_rs's variant.rs: `use super::*; use big5::*;` (2018 paths: `big5` comes through
    // the glob of the crate root, which globs `variant` back). Looking up `u32` there walked
    // `big5::*`, whose `big5` was asked again inside its own lookup (cut short, nothing); that
    // "nothing" was kept once `u32` was not found either, and `Big5Decoder` became unknown.
    const src = [
      'mod b { use super::*; use crate::variant::*; pub struct BDec { pub t: &\'static [u16; 128] } }',
      'mod variant { use super::*; use b::*; pub enum VariantDecoder { B(BDec), X(u8) } pub enum VariantEncoding { A(u32), B } }',
      'use crate::variant::*;',
      'pub struct Encoding { v: VariantEncoding, d: VariantDecoder }',
    ].join('\n');
    const r = await analyzer.analyzeText('cycle.rs', src);
    const by = new Map(r.types.map((t) => [t.name, t]));
    // rustc 1.95 (x86_64): the pointer's niche leaves no room for `X(u8)`, so a tag: 16; Encoding 24.
    assert.equal(by.get('variant::VariantDecoder')?.size, 16, by.get('variant::VariantDecoder')?.unknown);
    assert.equal(by.get('Encoding')?.size, 24, by.get('Encoding')?.unknown);
  });
});
