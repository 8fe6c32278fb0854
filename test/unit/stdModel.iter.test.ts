import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';

const wasmDir = path.join(__dirname, '../../../dist');

/**
 * std::task::Waker and iterator adapters (found in real crates: futures-core, event-listener,
 * unicode-segmentation, fixedbitset, xml-rs). Expected values: rustc 1.95 -Zprint-type-sizes,
 * x86_64 (also every field offset, checked with test/oracle/real-crates.ts on this source).
 */
const SOURCE = `
use std::task::Waker;
use std::iter::{Rev, Chain, Filter, Map, Enumerate, Skip, Take, Cloned, Copied, Fuse};
use std::ops::Range;
use std::slice::Iter;
pub struct W(Waker, u8);
pub struct OW(Option<Waker>);
pub struct R(Rev<Range<u32>>);
pub struct RI<'a>(Option<Rev<Iter<'a, u8>>>);
pub struct C(Chain<Range<u8>, Range<u64>>);
pub struct CI<'a>(Option<Chain<Iter<'a, u8>, Iter<'a, u16>>>);
pub struct CC(Option<Chain<Range<u8>, Range<u8>>>);
pub struct F(Filter<Range<u16>, fn(&u16) -> bool>, u8);
pub struct OF<'a>(Option<Filter<Iter<'a, u8>, fn(&&u8) -> bool>>);
pub struct M(Map<Range<u8>, fn(u8) -> u32>, u16);
pub struct E<'a>(Enumerate<Iter<'a, u64>>, bool);
pub struct OE<'a>(Option<Enumerate<Iter<'a, u64>>>);
pub struct S(Skip<Range<u16>>, u8);
pub struct T(Take<Range<u8>>);
pub struct CL<'a>(Cloned<Iter<'a, u32>>, u8);
pub struct CP<'a>(Option<Copied<Iter<'a, u32>>>);
pub struct FU(Fuse<Range<u8>>, u8);
pub struct FI<'a>(Option<Fuse<Iter<'a, u8>>>);
pub struct FF<'a>(Option<Option<Fuse<Iter<'a, u8>>>>);
`;

const RUSTC: Record<string, [number, number]> = {
  W: [24, 8], OW: [16, 8], R: [8, 4], RI: [16, 8], C: [32, 8], CI: [40, 8], CC: [6, 1], F: [24, 8], OF: [24, 8],
  M: [24, 8], E: [32, 8], OE: [24, 8], S: [24, 8], T: [16, 8], CL: [24, 8], CP: [16, 8], FU: [4, 1], FI: [24, 8], FF: [24, 8],
};

describe('std model: Waker and iterator adapters', () => {
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());
  it('match rustc (size, alignment, niches through Option)', async () => {
    const r = await analyzer.analyzeText('iters.rs', SOURCE);
    const got = Object.fromEntries(r.types.map((t) => [t.name, [t.size, t.align]]));
    assert.deepEqual(got, RUSTC);
  });
});
