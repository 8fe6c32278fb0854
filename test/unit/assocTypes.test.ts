/**
 * Associated types read from trait impls (engine `projection`): the cases where guessing would be
 * wrong abstain. The exact cases are rule tests checked by rustc (test/unit/rules.test.ts).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';

const wasmDir = path.join(__dirname, '../../../dist');

describe('associated types from trait impls: abstain rather than guess', () => {
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  const report = async (source: string, name: string) => {
    const r = await analyzer.analyzeText('a.rs', source);
    const t = r.types.find((x) => x.name === name);
    assert.ok(t, `${name} is reported`);
    return t;
  };

  it("two traits of the type define an associated type of that name: the parameter's bound picks one (as rustc does); through a supertrait, unknown", async () => {
    const source = `pub trait A { type Out; }
pub trait B { type Out; }
pub trait C: A {}
pub struct Two;
impl A for Two { type Out = u8; }
impl B for Two { type Out = u64; }
impl C for Two {}
pub struct UsesA<T: A> { o: T::Out }
pub struct UsesB<T> where T: B { o: T::Out }
pub struct ViaA(UsesA<Two>);
pub struct ViaB(UsesB<Two>);
pub struct UsesC<T: C> { o: T::Out }
pub struct ViaC(UsesC<Two>);
`;
    assert.equal((await report(source, 'ViaA')).size, 1);
    assert.equal((await report(source, 'ViaB')).size, 8);
    const t = await report(source, 'ViaC');
    assert.equal(t.size, null);
    assert.match(t.unknown ?? '', /associated type `T::Out`/);
  });

  it('an impl for one instance of a generic type (`impl Tr for Foo<u8>`) is that instance\'s only', async () => {
    const source = `pub trait Tr { type X; }
pub struct Foo<T>(T);
impl Tr for Foo<u8> { type X = u64; }
pub struct Uses<T: Tr> { x: T::X }
pub struct Inst(Uses<Foo<u8>>);
pub struct NoImpl(Uses<Foo<u16>>);
`;
    assert.equal((await report(source, 'Inst')).size, 8);
    const none = await report(source, 'NoImpl');
    assert.equal(none.size, null, 'Foo<u16> has no impl of Tr: not Foo<u8>\'s');
  });

  it('an instance the engine cannot compare with the impl\'s (a type it does not know): unknown', async () => {
    const t = await report(
      `pub trait Tr { type X; }
pub struct Foo<T>(T);
impl Tr for Foo<u8> { type X = u64; }
pub struct Uses<T: Tr> { x: T::X }
pub struct Inst(Uses<Foo<some_crate::Unknown>>);
`,
      'Inst',
    );
    assert.equal(t.size, null);
  });

  it('an impl under a cfg that does not hold is not used', async () => {
    const t = await report(
      `pub trait Tr { type X; }
pub struct Foo;
#[cfg(target_os = "windows")]
impl Tr for Foo { type X = u64; }
pub struct Uses<T: Tr> { x: T::X }
pub struct Inst(Uses<Foo>);
`,
      'Inst',
    );
    assert.equal(t.size, null);
  });

  it('the impl found: the associated type laid out with the impl parameters bound', async () => {
    const t = await report(
      `pub trait Tr { type X; }
pub struct Foo<E>(E);
impl<E> Tr for Foo<E> { type X = (E, [E; 3]); }
pub struct Uses<T: Tr> { x: T::X, b: u8 }
pub struct Inst(Uses<Foo<u32>>);
`,
      'Inst',
    );
    assert.equal(t.size, 20);
    assert.equal(t.align, 4);
  });
});
