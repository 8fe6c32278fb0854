/**
 * A generic type's instances (src/core/instances.ts): which ones a crate's concrete types hold,
 * and their numbers, each checked by rustc (`size_of`/`align_of` asserted in a copy of the
 * snippet: a wrong number fails to compile).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import type { TypeReport } from '../../src/core/reportTypes';
import { run } from '../oracle/rustc';

const SOURCE = `
#![allow(dead_code)]
pub struct W<T> { a: T, b: u8 }
pub struct Pair<A, B>(A, B);
pub enum Tree<T> { Leaf(T), Node(Box<Tree<T>>, Box<Tree<T>>) }
pub struct Arr<const N: usize>([u16; N]);
pub struct Unused<T>(T);
pub struct Held { w: W<u32>, p: Option<Pair<u8, W<u64>>>, t: Tree<String>, a: (Arr<3>, [W<bool>; 2]) }
pub struct Behind { b: Box<W<char>>, v: Vec<W<i8>>, s: &'static W<u16> }
pub struct InGeneric<T> { w: W<i64>, t: T }
pub struct Refused(W<str>);
pub struct Default<T = u8>(T, W<i32>);
pub struct Aliased<T>(T, u8);
pub type Small = Aliased<u16>;
pub type Generic<T> = Aliased<T>;
pub type Lifetimed<'a> = &'a Aliased<char>;
pub const C: Option<Aliased<u32>> = None;
pub static S: [Aliased<i16>; 2] = [Aliased(0, 0), Aliased(0, 0)];
pub type Twice = Aliased<u16>;
#[cfg(any())]
pub type Off = Aliased<u128>;
mod inner {
    pub type Deep = super::Aliased<u64>;
}
`;

describe('instances of generic types that concrete types hold', function () {
  this.timeout(120_000);
  let analyzer: Analyzer;
  let types: readonly TypeReport[];
  before(async () => {
    analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
    types = (await analyzer.analyzeText('inst.rs', SOURCE)).types;
  });
  after(() => analyzer.dispose());

  const instancesOf = (name: string) => types.find((t) => t.name === name)?.instances?.map((i) => `${i.type} in ${i.in}`) ?? [];

  it('lists those held in place, inside std types and behind pointers, with the first holder; not those only generic or refused types hold', () => {
    assert.deepEqual(instancesOf('W'), ['W<u32> in Held', 'W<u64> in Held', 'W<bool> in Held', 'W<char> in Behind', 'W<i8> in Behind', 'W<u16> in Behind']);
    assert.deepEqual(instancesOf('Pair'), ['Pair<u8, W<u64>> in Held']);
    assert.deepEqual(instancesOf('Tree'), ['Tree<String> in Held']);
    assert.deepEqual(instancesOf('Arr'), ['Arr<3> in Held']);
    assert.deepEqual(instancesOf('Unused'), []);
    // Type aliases, constants and statics (not generic ones, not those a cfg leaves out), after the types' fields.
    assert.deepEqual(instancesOf('Aliased'), ['Aliased<u16> in Small', "Aliased<char> in Lifetimed", 'Aliased<u32> in C', 'Aliased<i16> in S', 'Aliased<u64> in inner::Deep']);
    // The generic type keeps its own verdict: no number of its own.
    const w = types.find((t) => t.name === 'W')!;
    assert.equal(w.size, null);
    assert.match(w.unknown ?? '', /generic/);
    // Non-generic types get no list.
    assert.equal(types.find((t) => t.name === 'Held')!.instances, undefined);
  });

  it("gives rustc's size and alignment for every instance", async function () {
    const asserts: string[] = [];
    for (const t of types) for (const i of t.instances ?? []) asserts.push(`const _: () = assert!(core::mem::size_of::<${i.type}>() == ${i.size} && core::mem::align_of::<${i.type}>() == ${i.align});`);
    assert.ok(asserts.length >= 9, `expected at least 9 instances, got ${asserts.length}`);
    const dir = mkdtempSync(path.join(tmpdir(), 'rll-inst-'));
    try {
      // `Refused` is dropped from the copy: rustc would stop at it before the asserts.
      const src = SOURCE.replace(/^pub struct Refused.*$/m, '') + asserts.join('\n') + '\n';
      writeFileSync(path.join(dir, 'lib.rs'), src);
      const r = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit=metadata', '-o', path.join(dir, 'lib.rmeta'), path.join(dir, 'lib.rs')]);
      assert.equal(r.code, 0, r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
