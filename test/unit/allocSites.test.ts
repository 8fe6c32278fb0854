/**
 * Allocator sites in code (src/analysis/allocSites.ts): what `Layout::new::<T>()` and
 * `Layout::array::<T>(n)` ask the allocator for, computed by the engine (T from the file's own
 * types too), and the notes on `#[global_allocator]`, `impl GlobalAlloc`/`Allocator` and the
 * free functions `alloc`/`dealloc`.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { allocSiteAt, allocSiteOffsets, typeLayouter, typeTextParser } from '../../src/analysis/allocSites';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';

const ROOT = join(__dirname, '../../..');

const SRC = `use std::alloc::{alloc, dealloc, GlobalAlloc, Layout, System};
pub struct Pair { a: u8, b: u64 }
pub struct Counting;
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 { System.alloc(l) }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) { System.dealloc(p, l) }
}
#[global_allocator]
static GLOBAL: Counting = Counting;
pub fn f() {
    let one = Layout::new::<Pair>();
    let many = Layout::array::<u32>(10).unwrap();
    let some = Layout::array::<Option<Box<Pair>>>(n).unwrap();
    let none = Layout::new::<()>();
    let what = Layout::new::<Missing>();
    let p = unsafe { alloc(one) };
    unsafe { dealloc(p, one) };
}
`;

describe('allocator sites', () => {
  let analyzer: Analyzer;
  let at: (needle: string, delta?: number) => ReturnType<typeof allocSiteAt>;
  before(async () => {
    analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
    const parser = await analyzer.parser();
    const file = analyzer.parseWith(parser, 'lib.rs', SRC);
    const a = await analyzer.analyze(singleFileProgram(file, SRC), 'x86_64-unknown-linux-gnu');
    const parseType = typeTextParser((p, t) => analyzer.parseWith(parser, p, t));
    const layoutOf = typeLayouter(a, a.moduleOfFile('lib.rs'), parseType);
    at = (needle, delta = 2) => {
      const i = SRC.indexOf(needle);
      assert.ok(i >= 0, needle);
      return allocSiteAt(SRC, i + delta, layoutOf);
    };
  });
  after(() => analyzer.dispose());

  it('Layout::new::<T>() of the file’s own type: its size and alignment', () => {
    const s = at('Layout::new::<Pair>')!;
    assert.match(s.markdown, /asked for \*\*16 bytes, aligned to 8\*\*/);
    assert.equal(s.guide, 'layout#layout-type');
    assert.equal(SRC.slice(s.start, s.end), 'Layout::new::<Pair>');
  });

  it('Layout::array::<T>(n): the total for a literal n, per element otherwise', () => {
    assert.match(at('Layout::array::<u32>')!.markdown, /\*\*40 bytes \(10 × 4\), aligned to 4\*\*/);
    assert.match(at('Layout::array::<Option')!.markdown, /\*\*n × 8 bytes, aligned to 8\*\*/);
  });

  it('a zero-sized layout is called out; an unknown type says it does not know', () => {
    assert.match(at('Layout::new::<()>')!.markdown, /0 bytes.*zero-sized request/);
    assert.match(at('Layout::new::<Missing>')!.markdown, /size unknown/);
  });

  it('CodeLens lines: every Layout constructor, the global allocator and the impls, with a short answer', () => {
    assert.deepEqual(
      allocSiteOffsets(SRC).map((o) => allocSiteAt(SRC, o, (t) => (t === 'Pair' ? { size: 16, align: 8 } : t === 'u32' ? { size: 4, align: 4 } : t === '()' ? { size: 0, align: 1 } : { unknown: 'x' }))!.summary),
      [
        'GlobalAlloc: the whole program’s allocator when #[global_allocator]',
        'global allocator: every Box, Vec, String… allocates here',
        'allocator asked for 16 B, align 8',
        'allocator asked for 40 B, align 4',
        'allocation size unknown',
        'allocator asked for 0 B, align 1',
        'allocation size unknown',
      ],
    );
  });

  it('the global allocator, the trait impls and the free functions', () => {
    const g = at('#[global_allocator]')!;
    assert.equal(g.guide, 'allocators#global-allocator');
    assert.match(g.markdown, /Global allocator\*\*: `Counting`/);
    assert.equal(at('impl GlobalAlloc for', 7)!.guide, 'allocators#global-alloc');
    assert.match(at('alloc(one)', 1)!.markdown, /^\*\*`alloc`\*\* asks the global allocator/);
    assert.match(at('dealloc(p, one)', 1)!.markdown, /^\*\*`dealloc`\*\*/);
    assert.equal(at('System.alloc(l)', 8), undefined, 'a method call is not the free function');
    assert.equal(at('fn alloc(&self', 4), undefined, 'a definition is not a call');
    assert.equal(at('pub struct Pair'), undefined);
  });
});
