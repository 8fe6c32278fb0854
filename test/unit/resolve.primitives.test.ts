import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';

const wasmDir = path.join(__dirname, '../../../dist');

describe('resolve: modules named like primitives', () => {
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('`use std::str;` (or a local `mod u8`) leaves `str` / `u8` in type position the primitive, as rustc does', async () => {
    // Sizes from rustc 1.95 -Zprint-type-sizes (x86_64). httparse and rustc-demangle import
    // `core::str` and then name `&str` fields: the module used to shadow the primitive (E0573).
    const r = await analyzer.analyzeText('a.rs', `
use std::str;
pub struct Header<'a> { pub name: &'a str, pub value: &'a [u8] }
pub struct Owned { pub s: Box<str>, pub n: u8 }
mod u8 { pub const MAX: usize = 3; }
pub struct Local { a: u8, b: [u16; 3] }
mod inner {
    use core::str;
    pub struct P<'a> { pub a: &'a str, pub b: u8 }
}
`);
    const by = new Map(r.types.map((t) => [t.name, t]));
    const got = (n: string) => {
      const t = by.get(n)!;
      return [t.size, t.align, t.error ?? t.unknown ?? ''];
    };
    assert.deepEqual(got('Header'), [32, 8, '']);
    assert.deepEqual(got('Owned'), [24, 8, '']);
    assert.deepEqual(got('Local'), [8, 2, '']);
    assert.deepEqual(got('inner::P'), [24, 8, '']);
  });

  it('a module is still not a type when its name is not a primitive', async () => {
    const r = await analyzer.analyzeText('b.rs', 'mod m {}\nstruct S { a: m }\n');
    assert.match(r.types.find((t) => t.name === 'S')!.error ?? '', /E0573/);
  });
});
