/**
 * The heap models (src/core/heap/) against a counting global allocator compiled with the
 * installed rustc. Each collection is filled with N elements of several element types (a ZST,
 * u8, u64, a 24-byte array, a 64-aligned struct) for N from 0 to 100,000, and the allocator calls
 * (alloc + realloc), the live heap bytes and blocks at the end and the largest block asked for are
 * compared with the model: exactly for Vec, String, VecDeque, BinaryHeap, HashMap, HashSet,
 * LinkedList, Box, Box<[T]>, Box<str>, Rc, Arc, shrink_to_fit and nested collections; within the stated min–max for
 * BTreeMap and BTreeSet (ascending, scattered, and inserts followed by removals).
 * The models read their types through the engine (x86_64: SSE2, hashbrown's 16-byte groups).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { btreeNodes, heapFigure, heapReport, vecShrunkCost, vecWithCapacityCost, type HeapFigure, type Owned, type Range } from '../../src/core/heap/collections';
import { Analyzer } from '../../src/analysis/analyzer';
import { ownedOfTypes } from '../../src/analysis/heapTypes';
import { run, rustcAvailable } from '../oracle/rustc';
import { COUNTING_ALLOCATOR } from '../oracle/countingAllocator';

const ROOT = join(__dirname, '../../..');
const NS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 15, 16, 17, 28, 29, 31, 32, 33, 57, 100, 1000, 10_000, 100_000];
const INNER = [0, 1, 5, 17];
const ELEMS: Record<string, string> = { zst: '()', u8: 'u8', u64: 'u64', arr24: '[u64; 3]', a64: 'A64' };
const DEFS = '#[repr(align(64))]\n#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]\nstruct A64(u8);';

/** The collection each case fills, as the model reads it; `E` is the element type. */
const CASES: Record<string, string> = {
  vec: 'Vec<E>',
  with_capacity: 'Vec<E>',
  shrink: 'Vec<E>',
  vecdeque: 'VecDeque<E>',
  binaryheap: 'BinaryHeap<E>',
  hashmap: 'HashMap<u64, E>',
  btree_asc: 'BTreeMap<u64, E>',
  btree_rnd: 'BTreeMap<u64, E>',
  btree_mix: 'BTreeMap<u64, E>',
  btree_collect: 'BTreeMap<u64, E>',
  list: 'LinkedList<E>',
  boxslice: 'Box<[E]>',
  box: 'Box<E>',
  rc: 'Rc<E>',
  arc: 'Arc<E>',
};
const FIXED: Record<string, string> = {
  string: 'String',
  hashset: 'HashSet<u64>',
  btreeset: 'BTreeSet<u64>',
  vecstring: 'Vec<String>',
  mapvec: 'HashMap<u64, Vec<u64>>',
  boxvec: 'Box<Vec<u64>>',
  boxstr: 'Box<str>',
  // Hash tables of tiny entries, whose small tables hashbrown makes larger (n ≤ 256: distinct keys).
  hs_u8: 'HashSet<u8>',
  hm_u8: 'HashMap<u8, u8>',
  hs_u16: 'HashSet<u16>',
  hs_a3: 'HashSet<[u8; 3]>',
  hs_zst: 'HashSet<()>',
};
/** The sizes the tiny-entry tables are filled to (all keys distinct). */
const SMALL_NS = NS.filter((n) => n <= 256);

function program(): string {
  const lines: string[] = [];
  for (const [k, t] of Object.entries(ELEMS)) {
    lines.push(`    case("box", "${k}", 0, 0, || Box::new(mk::<${t}>(0)));`);
    lines.push(`    case("rc", "${k}", 0, 0, || Rc::new(mk::<${t}>(0)));`);
    lines.push(`    case("arc", "${k}", 0, 0, || Arc::new(mk::<${t}>(0)));`);
    lines.push('    for &n in NS {');
    lines.push(`        case("vec", "${k}", n, 0, || { let mut v = Vec::new(); for i in 0..n { v.push(mk::<${t}>(i)); } v });`);
    lines.push(`        case("with_capacity", "${k}", n, 0, || Vec::<${t}>::with_capacity(n));`);
    lines.push(`        case("shrink", "${k}", n, 0, || { let mut v = Vec::new(); for i in 0..n { v.push(mk::<${t}>(i)); } v.shrink_to_fit(); v });`);
    lines.push(`        case("vecdeque", "${k}", n, 0, || { let mut v = VecDeque::new(); for i in 0..n { v.push_back(mk::<${t}>(i)); } v });`);
    lines.push(`        case("binaryheap", "${k}", n, 0, || { let mut h = BinaryHeap::new(); for i in 0..n { h.push(mk::<${t}>(i)); } h });`);
    lines.push(`        case("hashmap", "${k}", n, 0, || { let mut m = HashMap::new(); for i in 0..n { m.insert(i as u64, mk::<${t}>(i)); } m });`);
    lines.push(`        case("btree_asc", "${k}", n, 0, || { let mut m = BTreeMap::new(); for i in 0..n { m.insert(i as u64, mk::<${t}>(i)); } m });`);
    lines.push(`        case("btree_rnd", "${k}", n, 0, || { let mut m = BTreeMap::new(); for i in 0..n { m.insert(scatter(i), mk::<${t}>(i)); } m });`);
    lines.push(`        case("btree_mix", "${k}", n, 0, || { let mut m = BTreeMap::new(); for i in 0..2 * n { m.insert(scatter(i), mk::<${t}>(i)); } for i in 0..n { m.remove(&scatter(2 * i + 1)); } m });`);
    lines.push(`        case("btree_collect", "${k}", n, 0, || (0..n).map(|i| (i as u64, mk::<${t}>(i))).collect::<BTreeMap<_, _>>());`);
    lines.push(`        case("boxslice", "${k}", n, 0, || { let mut v = Vec::with_capacity(n); for i in 0..n { v.push(mk::<${t}>(i)); } v.into_boxed_slice() });`);
    lines.push(`        case("list", "${k}", n, 0, || { let mut l = LinkedList::new(); for i in 0..n { l.push_back(mk::<${t}>(i)); } l });`);
    lines.push('    }');
  }
  lines.push('    for &n in NS {');
  lines.push('        case("string", "-", n, 0, || { let mut s = String::new(); for _ in 0..n { s.push(\'a\'); } s });');
  lines.push('        case("boxstr", "-", n, 0, || { let mut s = String::with_capacity(n); for _ in 0..n { s.push(\'b\'); } s.into_boxed_str() });');
  lines.push('        case("hashset", "-", n, 0, || { let mut s = HashSet::new(); for i in 0..n { s.insert(i as u64); } s });');
  lines.push('        case("btreeset", "-", n, 0, || { let mut s = BTreeSet::new(); for i in 0..n { s.insert(scatter(i)); } s });');
  lines.push('        if n <= 10_000 { for &m in INNER {');
  lines.push('            case("vecstring", "-", n, m, || { let mut v = Vec::new(); for _ in 0..n { let mut s = String::new(); for _ in 0..m { s.push(\'x\'); } v.push(s); } v });');
  lines.push('            case("mapvec", "-", n, m, || { let mut h = HashMap::new(); for i in 0..n { let mut v = Vec::new(); for j in 0..m { v.push(j as u64); } h.insert(i as u64, v); } h });');
  lines.push('        } }');
  lines.push('    }');
  lines.push('    for &m in INNER { case("boxvec", "-", m, 0, || { let mut v = Vec::new(); for j in 0..m { v.push(j as u64); } Box::new(v) }); }');
  lines.push(`    for &n in &[${SMALL_NS.join(', ')}] {`);
  lines.push('        case("hs_u8", "-", n, 0, || { let mut s = HashSet::new(); for i in 0..n { s.insert(i as u8); } s });');
  lines.push('        case("hm_u8", "-", n, 0, || { let mut m = HashMap::new(); for i in 0..n { m.insert(i as u8, i as u8); } m });');
  lines.push('        case("hs_u16", "-", n, 0, || { let mut s = HashSet::new(); for i in 0..n { s.insert(i as u16); } s });');
  lines.push('        case("hs_a3", "-", n, 0, || { let mut s = HashSet::new(); for i in 0..n { s.insert([i as u8, (i >> 8) as u8, 7]); } s });');
  lines.push('    }');
  lines.push('    for n in 0..2 { case("hs_zst", "-", n, 0, || { let mut s = HashSet::new(); for _ in 0..n { s.insert(()); } s }); }');
  return `use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::Rc;
use std::sync::Arc;
${COUNTING_ALLOCATOR}
${DEFS}

trait Mk { fn mk(i: usize) -> Self; }
impl Mk for () { fn mk(_: usize) -> Self {} }
impl Mk for u8 { fn mk(i: usize) -> Self { i as u8 } }
impl Mk for u64 { fn mk(i: usize) -> Self { i as u64 } }
impl Mk for [u64; 3] { fn mk(i: usize) -> Self { [i as u64; 3] } }
impl Mk for A64 { fn mk(i: usize) -> Self { A64(i as u8) } }
fn mk<T: Mk>(i: usize) -> T { T::mk(i) }
/** Distinct keys in a scattered order (an odd multiplier is a bijection on u64). */
fn scatter(i: usize) -> u64 { (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) }

const NS: &[usize] = &[${NS.join(', ')}];
const INNER: &[usize] = &[${INNER.join(', ')}];

fn case<T>(what: &str, elem: &str, n: usize, m: usize, f: impl FnOnce() -> T) {
    LARGEST.store(0, Relaxed);
    let (c0, l0, b0) = (CALLS.load(Relaxed), LIVE.load(Relaxed), BLOCKS.load(Relaxed));
    let v = std::hint::black_box(f());
    let (c1, l1, b1) = (CALLS.load(Relaxed), LIVE.load(Relaxed), BLOCKS.load(Relaxed));
    let largest = LARGEST.load(Relaxed);
    drop(v);
    println!("case {what} {elem} {n} {m} {} {} {} {largest}", c1 - c0, l1 - l0, b1 - b0);
}

fn main() {
    // stdout's buffer is allocated by the first print, outside every measurement.
    println!("start");
${lines.join('\n')}
}
`;
}

const within = (x: number, r: Range): boolean => x >= r.min && x <= r.max;
const show = (r: Range): string => (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`);

describe('heap cost of std collections, against a counting allocator', function () {
  this.timeout(300_000);
  let out = '';
  let owned: Map<string, Owned>;

  before(async function () {
    if (!rustcAvailable()) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'rll-heap-'));
    try {
      writeFileSync(join(dir, 'main.rs'), program());
      const c = await run('rustc', ['--edition=2021', '-O', '-o', join(dir, 'heap'), join(dir, 'main.rs')]);
      assert.equal(c.code, 0, c.stderr);
      const r = await run(join(dir, 'heap'), []);
      assert.equal(r.code, 0, r.stderr);
      out = r.stdout;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const types = new Set<string>(Object.values(FIXED));
    for (const t of Object.values(CASES)) for (const e of Object.values(ELEMS)) types.add(t.replace('E', e));
    const analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
    try {
      const use = 'use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};\nuse std::rc::Rc;\nuse std::sync::Arc;';
      owned = await ownedOfTypes(analyzer, [use, DEFS], [...types], 'x86_64-unknown-linux-gnu');
    } finally {
      analyzer.dispose();
    }
  });

  it('every case: allocator calls, live bytes and blocks, largest block — exact, or within the B-tree range', function () {
    let compared = 0;
    let ranged = 0;
    const wrong: string[] = [];
    const rows = [...out.matchAll(/^case (\S+) (\S+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$/gm)];
    for (const m of rows) {
      const [what, elem] = [m[1]!, m[2]!];
      const [n, inner, calls, live, blocks, largest] = m.slice(3, 9).map(Number) as [number, number, number, number, number, number];
      const type = FIXED[what] ?? CASES[what]!.replace('E', ELEMS[elem]!);
      const o = owned.get(type)!;
      assert.ok(o && !o.unknown, `${type}: ${o?.unknown}`);
      let f: HeapFigure;
      if (what === 'with_capacity' || what === 'shrink') {
        const slot = o.collections[0]!.plan.slot;
        const c = what === 'shrink' ? vecShrunkCost(slot, n) : vecWithCapacityCost(slot, n);
        const x = (v: number): Range => ({ min: v, max: v });
        // After shrink_to_fit the largest block asked for was the pushes' last one: not compared.
        f = { allocations: x(c.allocations), bytes: x(c.bytes), blocks: x(c.bytes ? 1 : 0), largest: what === 'shrink' ? { min: 0, max: Infinity } : x(c.largest) };
      } else f = heapFigure(o, n, inner)!;
      compared++;
      const label = `${what} ${type} × ${n}${inner ? ` (inner ${inner})` : ''}`;
      if (what === 'btree_mix' || what === 'btree_collect') {
        // Removals free and merge nodes, a bulk build fixes its right border: only the state at the end is bounded.
        if (!within(live, f.bytes) || !within(blocks, f.blocks)) wrong.push(`${label}: model bytes ${show(f.bytes)} / blocks ${show(f.blocks)}, allocator ${live} / ${blocks}`);
        ranged++;
        continue;
      }
      if (f.bytes.min !== f.bytes.max) ranged++;
      else if (!what.startsWith('btree')) assert.equal(f.allocations.min, f.allocations.max, `${label}: only B-trees have ranges`);
      if (!within(calls, f.allocations) || !within(live, f.bytes) || !within(blocks, f.blocks) || !within(largest, f.largest)) {
        wrong.push(`${label}: model ${show(f.allocations)} calls / ${show(f.bytes)} B / ${show(f.blocks)} blocks / largest ${show(f.largest)}, allocator ${calls} / ${live} / ${blocks} / ${largest}`);
      }
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${compared} differ`);
    const perElem = 3 + NS.length * 12;
    const fixed = NS.length * 4 + NS.filter((n) => n <= 10_000).length * INNER.length * 2 + INNER.length + SMALL_NS.length * 4 + 2;
    assert.equal(compared, Object.keys(ELEMS).length * perElem + fixed);
    assert.ok(ranged > 100, `B-tree cases with a range: ${ranged}`);
  });

  it('B-tree node counts: the least and the most nodes are reached by real trees, and a lone leaf below 11 entries', function () {
    assert.deepEqual(btreeNodes(0), { leaves: { min: 0, max: 0 }, internals: { min: 0, max: 0 } });
    assert.deepEqual(btreeNodes(10), { leaves: { min: 1, max: 1 }, internals: { min: 0, max: 0 } });
    assert.deepEqual(btreeNodes(12), { leaves: { min: 2, max: 2 }, internals: { min: 1, max: 1 } });
    // Ascending inserts leave every leaf but the last with 6 keys: close to the most.
    const o = owned.get('BTreeMap<u64, u64>')!;
    const asc = [...out.matchAll(/^case btree_asc u64 100000 0 (\d+) (\d+)/gm)][0]!;
    const f = heapFigure(o, 100_000, 0)!;
    assert.ok(Number(asc[2]) > (f.bytes.min + f.bytes.max) / 2, 'ascending inserts: nodes half full, in the upper half of the range');
    // Collecting a sorted iterator packs the leaves: the lower half (the collections chapter says so).
    const bulk = [...out.matchAll(/^case btree_collect u64 100000 0 (\d+) (\d+)/gm)][0]!;
    assert.ok(Number(bulk[2]) < (f.bytes.min + f.bytes.max) / 2, 'a bulk build: full leaves, in the lower half of the range');
  });
});

describe('heap figures of memory behind pointers the models do not follow (hunt L)', function () {
  this.timeout(300_000);
  const DEFS2 = `use std::ptr::NonNull;
pub struct MyBox { p: NonNull<[u64; 4]> }
impl MyBox { pub fn new() -> Self { MyBox { p: NonNull::from(Box::leak(Box::new([7u64; 4]))) } } }
impl Drop for MyBox { fn drop(&mut self) { unsafe { drop(Box::from_raw(self.p.as_ptr())) } } }
pub struct WithBox { v: Vec<u64>, b: MyBox }
pub struct OnlyBox { b: MyBox }
pub struct WithErr { v: Vec<u64>, e: std::io::Error }
pub struct RawOnly { p: *mut u8 }`;

  it('a NonNull or raw pointer beside a collection makes the figure unknown; alone, the JSON says unknown too', async function () {
    if (!rustcAvailable()) this.skip();
    // What the pointers own, measured: a NonNull box and a custom io::Error allocate.
    const dir = mkdtempSync(join(tmpdir(), 'rll-heap-ptr-'));
    let out = '';
    try {
      const main = `${COUNTING_ALLOCATOR}\n${DEFS2}\nfn live() -> usize { LIVE.load(Relaxed) }\nfn main() {\n    println!("start");\n    let a = live(); let b = std::hint::black_box(MyBox::new()); let c = live(); drop(b);\n    let d = live(); let e = std::hint::black_box(std::io::Error::new(std::io::ErrorKind::Other, "custom")); let f = live(); drop(e);\n    println!("{} {}", c - a, f - d);\n}\n`;
      writeFileSync(join(dir, 'main.rs'), main);
      const c = await run('rustc', ['--edition=2021', '-O', '-A', 'dead_code', '-o', join(dir, 'ptr'), join(dir, 'main.rs')]);
      assert.equal(c.code, 0, c.stderr);
      out = (await run(join(dir, 'ptr'), [])).stdout;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const [box, err] = out.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
    assert.equal(box, 32, 'MyBox::new allocates its array');
    assert.ok(err > 0, 'a custom io::Error allocates');
    const analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
    try {
      const owned = await ownedOfTypes(analyzer, [DEFS2.replace(/^impl.*$/gm, '')], ['WithBox', 'OnlyBox', 'WithErr', 'RawOnly'], 'x86_64-unknown-linux-gnu');
      for (const t of ['WithBox', 'OnlyBox', 'WithErr', 'RawOnly']) {
        const o = owned.get(t)!;
        assert.equal(heapFigure(o, 100, 0), undefined, `${t}: no figure may be given`);
        const r = heapReport(o, 100, 0);
        assert.ok(r?.unknown, `${t}: the CLI's heap object says unknown (an absent one says it owns nothing): ${JSON.stringify(r)}`);
      }
      assert.match(owned.get('WithBox')!.unknown ?? '', /NonNull/);
    } finally {
      analyzer.dispose();
    }
  });
});
