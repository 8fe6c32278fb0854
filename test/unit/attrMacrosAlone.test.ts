import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';

const wasmDir = path.join(__dirname, '../../../dist');

/**
 * A file analysed alone (no Cargo.toml, so no crate graph) names other crates' attribute macros:
 * `#[ouroboros::self_referencing]` turns the struct into another one (its fields boxed, a
 * `'this` lifetime removed), `#[modular_bitfield::bitfield]` into a byte array. Laid out as
 * written, the first was a false E0261 and both had numbers rustc never gives.
 */
describe('attribute macros of other crates, in a file analysed alone', () => {
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('a path attribute through a crate, or one imported from a crate, may rewrite the type: no number, no error', async () => {
    const r = await analyzer.analyzeText('alone.rs', `
use modular_bitfield::bitfield;
#[ouroboros::self_referencing]
pub struct SelfRef { data: String, #[borrows(data)] r: &'this str }
#[bitfield]
pub struct Bits { a: u8, b: u8 }
mod inner {
    #[some_crate::rewrite]
    pub struct Deep { a: u8, b: u32 }
}
`);
    const by = new Map(r.types.map((t) => [t.name, t]));
    for (const [name, attr, crate] of [['SelfRef', 'ouroboros::self_referencing', 'ouroboros'], ['Bits', 'bitfield', 'modular_bitfield'], ['inner::Deep', 'some_crate::rewrite', 'some_crate']] as const) {
      const t = by.get(name)!;
      assert.equal(t.size, null, name);
      assert.equal(t.error, undefined, `${name}: ${t.error}`);
      assert.equal(t.unknown, `\`#[${attr}]\` is an attribute macro (from the crate \`${crate}\`), which may rewrite the type`);
    }
  });

  it('a bare attribute a glob import of another crate may bring may be an attribute macro; one re-exported by a module of the file is one; on a field, another crate\'s is an error', async () => {
    const r = await analyzer.analyzeText('globs.rs', `
use modular_bitfield::prelude::*;
#[bitfield]
pub struct Bits { a: bool, b: bool, c: u8 }
#[derive(Debug)] #[bitfield]
pub struct StdDerive { a: u8, b: u8 }
mod prelude { pub use modular_bitfield::bitfield; }
mod local {
    use crate::prelude::bitfield;
    #[bitfield]
    pub struct ReExported { a: u8, b: u8 }
    use keep_crate::keep;
    pub struct OnField { #[keep] a: u8 }
}
mod helpers {
    use serde::Serialize;
    use modular_bitfield::prelude::*;
    #[derive(Serialize)] #[serde(rename = "x")]
    pub struct WithHelper { #[serde(skip)] a: u8, b: u32 }
}
`);
    const by = new Map(r.types.map((t) => [t.name, t]));
    for (const name of ['Bits', 'StdDerive']) {
      const t = by.get(name)!;
      assert.deepEqual([t.size, t.error], [null, undefined], name);
      assert.equal(t.unknown, '`#[bitfield]` may be an attribute macro, which may rewrite the type: the glob import `use modular_bitfield::prelude::*` may bring it', name);
    }
    const re = by.get('local::ReExported')!;
    assert.equal(re.size, null);
    assert.equal(re.unknown, '`#[bitfield]` is an attribute macro (from the crate `modular_bitfield`), which may rewrite the type');
    assert.match(by.get('local::OnField')!.error ?? '', /^unknown_attribute: expected non-macro attribute, found `keep`/);
    // Another crate's derive may declare the helper (serde's \`serde\`): the type keeps its number.
    assert.deepEqual([by.get('helpers::WithHelper')!.size, by.get('helpers::WithHelper')!.align], [8, 4]);
  });

  it('a name given twice in a module is no E0428 when one of the two is under an attribute macro, which may rename or remove it', async () => {
    // zbus 1's `#[dbus_proxy] trait Background` beside `struct Background` (ashpd 0.1): the macro
    // turns the trait into `BackgroundProxy`. Sizes from rustc 1.95 (x86_64).
    const r = await analyzer.analyzeText('twice.rs', `
use zbus_macros::dbus_proxy;
pub struct Background { a: u8, b: u32 }
#[dbus_proxy(interface = "org.freedesktop.portal.Background")]
trait Background { fn request_background(&self) -> u8; }
#[zbus::dbus_proxy]
trait Device { fn access(&self); }
pub struct Device(u16);
pub struct Twice(u8);
pub trait Twice {}
`);
    const by = new Map(r.types.map((t) => [t.name, t]));
    assert.deepEqual([by.get('Background')!.size, by.get('Background')!.error], [8, undefined]);
    assert.deepEqual([by.get('Device')!.size, by.get('Device')!.error], [2, undefined]);
    assert.match(by.get('Twice')!.error ?? '', /^E0428/);
  });

  it('tool attributes, built-in attributes and attributes known to keep the type leave the number', async () => {
    // Sizes from rustc 1.95 (x86_64): each struct is { u8, u32 }, 8 bytes, align 4.
    const r = await analyzer.analyzeText('tools.rs', `
#[rustfmt::skip]
pub struct A { a: u8, b: u32 }
#[clippy::has_significant_drop]
#[diagnostic::do_not_recommend]
pub struct B { a: u8, b: u32 }
#[derive(Clone, Copy)] #[must_use] #[non_exhaustive] #[doc = "x"]
pub struct C { a: u8, b: u32 }
#[pin_project::pin_project]
pub struct D { a: u8, #[pin] b: u32 }
mod m {}
`);
    for (const name of ['A', 'B', 'C', 'D']) {
      const t = r.types.find((x) => x.name === name)!;
      assert.deepEqual([t.size, t.align, t.unknown ?? t.error ?? ''], [8, 4, ''], name);
    }
  });
});
