/**
 * The heap models (src/core/heap/collections.ts) against a counting global allocator compiled
 * with the installed rustc: each collection is filled with N elements of several element types
 * (a ZST, u8, u64, a 24-byte array, a 64-aligned struct) for N from 0 to 100,000, and the
 * allocator calls (alloc + realloc) and the live heap bytes at the end are compared with the
 * model. x86_64 (SSE2: hashbrown's 16-byte groups).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boxCost, hashMapInsertCost, rcCost, vecPushCost, vecWithCapacityCost, type ElemLayout, type HeapCost } from '../../src/core/heap/collections';
import { run, rustcAvailable } from '../oracle/rustc';

const NS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 28, 29, 31, 32, 33, 57, 100, 1000, 10_000, 100_000];
const ELEMS: Record<string, string> = { zst: '()', u8: 'u8', u64: 'u64', arr24: '[u64; 3]', a64: 'A64' };

function program(): string {
  const kinds = Object.entries(ELEMS);
  const lines: string[] = [];
  for (const [k, t] of kinds) {
    lines.push(`    println!("layout ${k} {} {}", std::mem::size_of::<${t}>(), std::mem::align_of::<${t}>());`);
    lines.push(`    println!("layout entry-${k} {} {}", std::mem::size_of::<(u64, ${t})>(), std::mem::align_of::<(u64, ${t})>());`);
    lines.push(`    case("box", "${k}", 0, || Box::new(mk::<${t}>(0)));`);
    lines.push(`    case("rc", "${k}", 0, || Rc::new(mk::<${t}>(0)));`);
    lines.push(`    case("arc", "${k}", 0, || Arc::new(mk::<${t}>(0)));`);
    lines.push(`    for &n in NS {`);
    lines.push(`        case("vec", "${k}", n, || { let mut v = Vec::new(); for i in 0..n { v.push(mk::<${t}>(i)); } v });`);
    lines.push(`        case("with_capacity", "${k}", n, || Vec::<${t}>::with_capacity(n));`);
    lines.push(`        case("vecdeque", "${k}", n, || { let mut v = VecDeque::new(); for i in 0..n { v.push_back(mk::<${t}>(i)); } v });`);
    lines.push(`        case("hashmap", "${k}", n, || { let mut m = HashMap::new(); for i in 0..n { m.insert(i as u64, mk::<${t}>(i)); } m });`);
    if (k !== 'a64') lines.push(`        case("binaryheap", "${k}", n, || { let mut h = BinaryHeap::new(); for i in 0..n { h.push(mk::<${t}>(i)); } h });`);
    lines.push('    }');
  }
  return `use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static CALLS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Relaxed);
        LIVE.fetch_add(l.size(), Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        CALLS.fetch_add(1, Relaxed);
        LIVE.fetch_add(n, Relaxed);
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[repr(align(64))]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct A64(u8);

trait Mk { fn mk(i: usize) -> Self; }
impl Mk for () { fn mk(_: usize) -> Self {} }
impl Mk for u8 { fn mk(i: usize) -> Self { i as u8 } }
impl Mk for u64 { fn mk(i: usize) -> Self { i as u64 } }
impl Mk for [u64; 3] { fn mk(i: usize) -> Self { [i as u64; 3] } }
impl Mk for A64 { fn mk(i: usize) -> Self { A64(i as u8) } }
fn mk<T: Mk>(i: usize) -> T { T::mk(i) }

const NS: &[usize] = &[${NS.join(', ')}];

fn case<T>(what: &str, elem: &str, n: usize, f: impl FnOnce() -> T) {
    let (c0, l0) = (CALLS.load(Relaxed), LIVE.load(Relaxed));
    let v = std::hint::black_box(f());
    let (c1, l1) = (CALLS.load(Relaxed), LIVE.load(Relaxed));
    drop(v);
    println!("case {what} {elem} {n} {} {}", c1 - c0, l1 - l0);
}

fn main() {
    // stdout's buffer is allocated by the first print, outside every measurement.
    println!("start");
${lines.join('\n')}
}
`;
}

describe('heap cost of std collections, against a counting allocator', function () {
  this.timeout(300_000);

  it('Vec, VecDeque, BinaryHeap, HashMap, Box, Rc and Arc: allocator calls and heap bytes at every N', async function () {
    if (!rustcAvailable()) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'rll-heap-'));
    let out: string;
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
    const layouts = new Map<string, ElemLayout>();
    for (const m of out.matchAll(/^layout (\S+) (\d+) (\d+)$/gm)) layouts.set(m[1]!, { size: Number(m[2]), align: Number(m[3]) });
    let compared = 0;
    const wrong: string[] = [];
    for (const m of out.matchAll(/^case (\S+) (\S+) (\d+) (\d+) (\d+)$/gm)) {
      const [what, elem, n, calls, live] = [m[1]!, m[2]!, Number(m[3]), Number(m[4]), Number(m[5])];
      const e = layouts.get(elem)!;
      let model: HeapCost;
      switch (what) {
        case 'box':
          model = boxCost(e);
          break;
        case 'rc':
        case 'arc':
          model = rcCost(e, 8);
          break;
        case 'vec':
        case 'vecdeque':
        case 'binaryheap':
          model = vecPushCost(e, n);
          break;
        case 'with_capacity':
          model = vecWithCapacityCost(e, n);
          break;
        case 'hashmap':
          model = hashMapInsertCost(layouts.get(`entry-${elem}`)!, n, 16);
          break;
        default:
          throw new Error(what);
      }
      compared++;
      if (model.allocations !== calls || model.bytes !== live) wrong.push(`${what}<${elem}> × ${n}: model ${model.allocations} calls / ${model.bytes} B, allocator ${calls} / ${live} B`);
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${compared} differ`);
    assert.equal(compared, 5 * 3 + Object.keys(ELEMS).length * NS.length * 4 + (Object.keys(ELEMS).length - 1) * NS.length);
  });
});
