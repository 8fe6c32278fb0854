import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  PRELUDE_TYPES,
  bareTypeNames,
  definedTypes,
  parseChapter,
  parsePlaceholder,
  type ChapterDoc,
  type Placeholder,
} from './guideSyntax';
import { COUNTING_ALLOCATOR } from '../oracle/countingAllocator';

const run = promisify(execFile);

interface SectionEntry {
  id: string;
  title: string;
}
interface ChapterEntry {
  id: string;
  file: string;
  title: string;
  sections: SectionEntry[];
}

/** Section ids that hovers and CodeLens link to: they must never disappear. */
const REQUIRED_IDS = [
  'layout#alignment',
  'layout#padding',
  'layout#reordering',
  'layout#isize-max',
  'layout#repr-c',
  'layout#packed',
  'layout#zst',
  'layout#unions',
  'box#heap',
  'vec#growth',
  'vec#triplet',
  'stack-heap#niches',
  'stack-heap#enums',
  'stack-heap#option',
];

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

const guideDir = join(repoRoot(), 'media', 'guide');
const index: ChapterEntry[] = JSON.parse(readFileSync(join(guideDir, 'index.json'), 'utf8'));
const docs = new Map<string, { entry: ChapterEntry; text: string; doc: ChapterDoc }>();
for (const entry of index) {
  const text = readFileSync(join(guideDir, entry.file), 'utf8');
  docs.set(entry.id, { entry, text, doc: parseChapter(text) });
}

describe('guide syntax reader', () => {
  it('accepts the four kinds and splits offset arguments', () => {
    assert.deepEqual(parsePlaceholder('size:Vec<u64>', 1), { raw: '{{size:Vec<u64>}}', kind: 'size', type: 'Vec<u64>', line: 1 });
    const off = parsePlaceholder('offset:Wrapper<(u8, u32)>.inner', 1);
    assert.ok(typeof off !== 'string');
    assert.equal(off.type, 'Wrapper<(u8, u32)>');
    assert.equal(off.field, 'inner');
    assert.ok(typeof parsePlaceholder('size:fn(u8) -> Option<u8>', 1) !== 'string');
  });

  it('rejects malformed placeholders', () => {
    assert.equal(typeof parsePlaceholder('sizeof:u8', 1), 'string');
    assert.equal(typeof parsePlaceholder('size:Vec<u8', 1), 'string');
    assert.equal(typeof parsePlaceholder('offset:Record', 1), 'string');
    assert.equal(typeof parsePlaceholder('size:Record.tag', 1), 'string');
    assert.equal(typeof parsePlaceholder('align:', 1), 'string');
  });

  it('reports unbalanced braces, placeholders in code, inline layouts and missing ids', () => {
    const bad = [
      '## No id here',
      'A {{size:u8} and more',
      'Stray }} here',
      'Code `{{size:u8}}` is not rendered',
      'Inline {{layout:u8}} table',
      '```rust',
      'let x = {{size:u8}};',
      '```',
    ].join('\n');
    const problems = parseChapter(bad).problems.join('\n');
    assert.match(problems, /line 1: .* no \{#id\}/);
    assert.match(problems, /line 2: "\{\{" is not closed/);
    assert.match(problems, /line 3: "\}\}" without/);
    assert.match(problems, /line 4: placeholder inside a code span/);
    assert.match(problems, /line 5: .* must stand alone/);
    assert.match(problems, /line 7: placeholder inside a fenced block/);
  });
});

describe('guide chapters and index.json', () => {
  it('lists eight chapters whose files exist', () => {
    assert.deepEqual(
      index.map((c) => c.id),
      ['layout', 'allocators', 'box', 'vec', 'stack-heap', 'optimizer', 'companion', 'collections'],
    );
    for (const c of index) assert.ok(existsSync(join(guideDir, c.file)), c.file);
  });

  for (const entry of index) {
    describe(`${entry.file}`, () => {
      const { text, doc } = docs.get(entry.id)!;

      it('follows the markdown conventions', () => {
        assert.deepEqual(doc.problems, []);
      });

      it('has the index title as its only # heading', () => {
        const h1 = doc.headings.filter((h) => h.level === 1);
        assert.deepEqual(h1.map((h) => h.text), [entry.title]);
      });

      it('has exactly the sections index.json lists, in order, with matching titles', () => {
        const h2 = doc.headings.filter((h) => h.level === 2);
        assert.deepEqual(
          h2.map((h) => ({ id: h.id, title: h.text.replace(/`/g, '') })),
          entry.sections.map((s) => ({ id: s.id, title: s.title })),
        );
        for (const s of entry.sections) assert.ok(text.includes(`{#${s.id}}`), `{#${s.id}} missing`);
        assert.equal(new Set(entry.sections.map((s) => s.id)).size, entry.sections.length, 'duplicate section id');
      });

      it('has internal links that resolve', () => {
        for (const { target, line } of doc.links) {
          if (/^https?:/.test(target)) continue;
          const [chapter, section] = target.startsWith('#') ? [entry.id, target.slice(1)] : target.split('#');
          const other = index.find((c) => c.id === chapter);
          assert.ok(other, `line ${line}: link to unknown chapter "${chapter}"`);
          if (section) assert.ok(other.sections.some((s) => s.id === section), `line ${line}: no section "${target}"`);
        }
      });

      it('uses only known fence kinds, with valid simulator blocks and self-contained examples', () => {
        const names = new Map<string, number>();
        for (const f of doc.fences) {
          assert.ok(['rust', 'rust example', 'rust ignore', 'vec-growth'].includes(f.info) || /^(rust run|text output)=\w+$/.test(f.info) || /^heap-chart \S/.test(f.info), `line ${f.line}: fence "${f.info}"`);
          if (f.info.startsWith('heap-chart')) assert.equal(f.code.trim(), '', `line ${f.line}: a heap-chart block says all in its info string`);
          if (f.info === 'vec-growth') {
            const cfg = JSON.parse(f.code);
            assert.equal(typeof cfg.type, 'string', `line ${f.line}: vec-growth needs "type"`);
            assert.ok(Number.isInteger(cfg.pushes) && cfg.pushes > 0, `line ${f.line}: vec-growth needs "pushes"`);
          }
          if (f.info === 'rust example') {
            assert.doesNotMatch(f.code, /\bfn\s+main\b/, `line ${f.line}: example blocks define types, not programs`);
            for (const n of definedTypes(f.code)) {
              assert.ok(!names.has(n), `line ${f.line}: ${n} is also defined at line ${names.get(n)}`);
              names.set(n, f.line);
            }
          }
        }
      });

      it('only names types that the chapter defines or the prelude provides', () => {
        const defined = new Set(doc.fences.filter((f) => f.info === 'rust example').flatMap((f) => definedTypes(f.code)));
        for (const p of doc.placeholders) {
          for (const n of bareTypeNames(p.type)) {
            assert.ok(defined.has(n) || PRELUDE_TYPES.has(n), `line ${p.line}: ${p.raw} uses ${n}, defined nowhere in this chapter (use a std:: path?)`);
          }
        }
      });
    });
  }

  it('contains every section id the editor links to', () => {
    for (const ref of REQUIRED_IDS) {
      const [chapter, section] = ref.split('#');
      const entry = index.find((c) => c.id === chapter);
      assert.ok(entry, `chapter ${chapter}`);
      assert.ok(entry.sections.some((s) => s.id === section), `index.json lacks ${ref}`);
      assert.ok(docs.get(chapter)!.text.includes(`{#${section}}`), `${entry.file} lacks {#${section}}`);
    }
  });

  it('puts the growth simulator in the Vec chapter', () => {
    assert.ok(docs.get('vec')!.doc.fences.some((f) => f.info === 'vec-growth'));
  });
});

// ---------------------------------------------------------------------------------------------
// The real compiler: every placeholder must name a type (and field) rustc accepts, every example
// and program must compile, and the claims the prose makes about relative sizes must hold.

function rustExpr(p: Placeholder): string[] {
  switch (p.kind) {
    case 'size':
      return [`std::mem::size_of::<${p.type}>()`];
    case 'align':
      return [`std::mem::align_of::<${p.type}>()`];
    case 'offset':
      return [`std::mem::offset_of!(${p.type}, ${p.field})`];
    case 'layout':
      return [`std::mem::size_of::<${p.type}>()`, `std::mem::align_of::<${p.type}>()`];
    case 'heapbytes':
    case 'heapchart':
      return [`rll_heap::measure::<${p.type}>(${p.entries}, ${p.inner}).1`];
    case 'heapcalls':
      return [`rll_heap::measure::<${p.type}>(${p.entries}, ${p.inner}).0`];
    case 'heapblocks':
      return [`rll_heap::measure::<${p.type}>(${p.entries}, ${p.inner}).2`];
    case 'heapcap':
      return [`rll_heap::capacity::<${p.type}>(${p.entries})`];
    case 'heapnext':
      return [`rll_heap::next_growth::<${p.type}>(${p.entries})`];
    case 'leafsize':
      return [`rll_heap::largest_block::<${p.type}>(1)`];
    case 'internalsize':
      return [`rll_heap::largest_block::<${p.type}>(12)`];
  }
}

/**
 * What the heap placeholders are checked with: a counting global allocator, and each collection
 * filled one element at a time with distinct keys (`mk(i)`), inner collections with `inner`
 * entries. Added to the program of a chapter that has heap placeholders.
 */
const HEAP_PRELUDE = `
mod rll_heap {
    use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
    use std::hash::Hash;
${COUNTING_ALLOCATOR.replace(/^/gm, '    ')}
    /// One value: the i-th distinct key; inner collections get inner entries.
    pub trait Mk { fn mk(i: usize, inner: usize) -> Self; }
    impl Mk for u8 { fn mk(i: usize, _: usize) -> Self { i as u8 } }
    impl Mk for u32 { fn mk(i: usize, _: usize) -> Self { i as u32 } }
    impl Mk for u64 { fn mk(i: usize, _: usize) -> Self { i as u64 } }
    impl Mk for String { fn mk(_: usize, inner: usize) -> Self { let mut s = String::new(); for _ in 0..inner { s.push('x'); } s } }
    impl<T: Mk> Mk for Vec<T> { fn mk(_: usize, inner: usize) -> Self { let mut v = Vec::new(); for j in 0..inner { v.push(T::mk(j, inner)); } v } }
    impl Mk for super::Order { fn mk(i: usize, _: usize) -> Self { super::Order { id: i as u64, price: 0, qty: 0 } } }

    /// A collection filled with n entries, one by one.
    pub trait Fill: Sized { fn fill(n: usize, inner: usize) -> Self; fn cap(&self) -> usize { 0 } fn push_one(&mut self, _i: usize) {} }
    impl Fill for String { fn fill(n: usize, _: usize) -> Self { let mut s = String::new(); for _ in 0..n { s.push('a'); } s } fn cap(&self) -> usize { self.capacity() } fn push_one(&mut self, _: usize) { self.push('a') } }
    impl<T: Mk> Fill for Vec<T> { fn fill(n: usize, inner: usize) -> Self { let mut v = Vec::new(); for i in 0..n { v.push(T::mk(i, inner)); } v } fn cap(&self) -> usize { self.capacity() } fn push_one(&mut self, i: usize) { self.push(T::mk(i, 0)) } }
    impl<T: Mk> Fill for VecDeque<T> { fn fill(n: usize, inner: usize) -> Self { let mut v = VecDeque::new(); for i in 0..n { v.push_back(T::mk(i, inner)); } v } fn cap(&self) -> usize { self.capacity() } fn push_one(&mut self, i: usize) { self.push_back(T::mk(i, 0)) } }
    impl<T: Mk + Ord> Fill for BinaryHeap<T> { fn fill(n: usize, inner: usize) -> Self { let mut v = BinaryHeap::new(); for i in 0..n { v.push(T::mk(i, inner)); } v } fn cap(&self) -> usize { self.capacity() } fn push_one(&mut self, i: usize) { self.push(T::mk(i, 0)) } }
    impl<K: Mk + Hash + Eq, V: Mk> Fill for HashMap<K, V> { fn fill(n: usize, inner: usize) -> Self { let mut m = HashMap::new(); for i in 0..n { m.insert(K::mk(i, inner), V::mk(i, inner)); } m } fn cap(&self) -> usize { self.capacity() } fn push_one(&mut self, i: usize) { self.insert(K::mk(i, 0), V::mk(i, 0)); } }
    impl<T: Mk + Hash + Eq> Fill for HashSet<T> { fn fill(n: usize, inner: usize) -> Self { let mut m = HashSet::new(); for i in 0..n { m.insert(T::mk(i, inner)); } m } fn cap(&self) -> usize { self.capacity() } fn push_one(&mut self, i: usize) { self.insert(T::mk(i, 0)); } }
    impl<K: Mk + Ord, V: Mk> Fill for BTreeMap<K, V> { fn fill(n: usize, inner: usize) -> Self { let mut m = BTreeMap::new(); for i in 0..n { m.insert(K::mk(i, inner), V::mk(i, inner)); } m } }
    impl<T: Mk + Ord> Fill for BTreeSet<T> { fn fill(n: usize, inner: usize) -> Self { let mut m = BTreeSet::new(); for i in 0..n { m.insert(T::mk(i, inner)); } m } }
    impl<T: Mk> Fill for LinkedList<T> { fn fill(n: usize, inner: usize) -> Self { let mut l = LinkedList::new(); for i in 0..n { l.push_back(T::mk(i, inner)); } l } }

    /// Allocator calls, live bytes and live blocks after filling a T with n entries.
    pub fn measure<T: Fill>(n: usize, inner: usize) -> (usize, usize, usize) {
        let (c0, l0, b0) = (CALLS.load(Relaxed), LIVE.load(Relaxed), BLOCKS.load(Relaxed));
        let v = std::hint::black_box(T::fill(n, inner));
        let r = (CALLS.load(Relaxed) - c0, LIVE.load(Relaxed) - l0, BLOCKS.load(Relaxed) - b0);
        drop(v);
        r
    }
    pub fn capacity<T: Fill>(n: usize) -> usize { T::fill(n, 0).cap() }
    /// The entry count at which the next growth happens (the capacity changes).
    pub fn next_growth<T: Fill>(n: usize) -> usize {
        let mut v = T::fill(n, 0);
        let (cap, mut len) = (v.cap(), n);
        while v.cap() == cap { v.push_one(len); len += 1; }
        len
    }
    /// The largest block asked for while filling n entries (a B-tree: 1 entry is a leaf, 12 make an internal node).
    pub fn largest_block<T: Fill>(n: usize) -> usize {
        LARGEST.store(0, Relaxed);
        let v = std::hint::black_box(T::fill(n, 0));
        let r = LARGEST.load(Relaxed);
        drop(v);
        r
    }
}
`;

/** Claims written in prose (not as numbers): `[chapter, expression that must be true]`. */
const CLAIMS: [string, string][] = [
  ['layout', 'size_of::<Record>() < size_of::<RecordC>()'],
  ['layout', 'offset_of!(Record, tag) != 0'],
  ['layout', 'size_of::<Tagged>() == size_of::<u32>()'],
  ['layout', 'size_of::<Option<Mixed>>() > size_of::<Mixed>()'],
  ['layout', 'size_of::<Option<Vec<u8>>>() == size_of::<Vec<u8>>()'],
  ['layout', 'align_of::<WireHeader>() == 1 && size_of::<WireHeader>() == 7'],
  ['layout', 'align_of::<PerCore>() == 64'],
  ['box', 'size_of::<Tree>() == size_of::<(Box<u8>, Box<u8>)>()'],
  ['box', 'size_of::<Option<Box<u64>>>() == size_of::<Box<u64>>()'],
  ['box', 'size_of::<Box<dyn std::fmt::Debug>>() == 2 * size_of::<usize>()'],
  ['vec', 'size_of::<Vec<[u64; 1000]>>() == size_of::<Vec<u8>>() && size_of::<String>() == size_of::<Vec<u8>>()'],
  ['vec', 'Vec::<Event>::new().capacity() == usize::MAX'],
  ['stack-heap', 'size_of::<Option<Handle>>() == size_of::<Handle>()'],
  ['stack-heap', 'size_of::<Direction>() == 1 && size_of::<Status>() == 4'],
  ['stack-heap', 'size_of::<Result<Box<u8>, ()>>() == size_of::<Box<u8>>()'],
  ['stack-heap', 'size_of::<Result<u32, ()>>() > size_of::<u32>()'],
  ['stack-heap', 'Vec::<u64>::new().as_ptr() as usize == align_of::<u64>()'],
];

const VALUES_TARGET = 'x86_64-unknown-linux-gnu';
const VALUES_FILE = 'guide-values.x86_64.json';

describe('guide examples against rustc', function () {
  this.timeout(300_000);
  let dir = '';
  const values = new Map<string, Map<string, string>>();

  before(async () => {
    try {
      await run('rustc', ['--version']);
    } catch (e) {
      throw new Error(`rustc is required on PATH for the guide checks: ${String(e)}`, { cause: e });
    }
    dir = mkdtempSync(join(tmpdir(), 'guide-check-'));
    // One program per chapter: its example blocks, then a main that prints each placeholder's value.
    for (const entry of index) {
      const { doc } = docs.get(entry.id)!;
      const examples = doc.fences.filter((f) => f.info === 'rust example').map((f) => f.code);
      const prints = doc.placeholders.map(
        (p) => `    println!("{}\\t{}", ${JSON.stringify(p.raw)}, [${rustExpr(p).join(', ')}].map(|v| v.to_string()).join("/"));`,
      );
      const claims = CLAIMS.filter(([c]) => c === entry.id).map(
        ([, expr]) => `    assert!({ use std::mem::*; ${expr} }, ${JSON.stringify('claim failed: ' + expr)});`,
      );
      const heap = doc.placeholders.some((p) => /^(heap|leafsize|internalsize)/.test(p.kind));
      const src = [
        '#![allow(dead_code, unused)]',
        ...examples,
        ...(heap ? [HEAP_PRELUDE] : []),
        'fn main() {',
        ...prints,
        ...claims,
        '}',
        '',
      ].join('\n');
      const file = join(dir, `${entry.id.replace(/-/g, '_')}.rs`);
      writeFileSync(file, src);
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const entry of index) {
    it(`${entry.file}: every placeholder is computable and every prose claim holds`, async () => {
      const name = entry.id.replace(/-/g, '_');
      const src = join(dir, `${name}.rs`);
      const exe = join(dir, name);
      try {
        await run('rustc', ['--edition=2021', '-o', exe, src]);
      } catch (e) {
        const err = e as { stderr?: string };
        assert.fail(`rustc rejected the examples/placeholders of ${entry.file}:\n${err.stderr ?? String(e)}`);
      }
      const { stdout } = await run(exe);
      const got = new Map(stdout.trim().split('\n').filter(Boolean).map((l) => l.split('\t') as [string, string]));
      for (const p of docs.get(entry.id)!.doc.placeholders) {
        assert.match(got.get(p.raw) ?? '', /^\d+(\/\d+)?$/, `${p.raw} printed nothing`);
      }
      values.set(entry.id, got);
    });

    it(`${entry.file}: each example block compiles on its own (open as snippet)`, async () => {
      const blocks = docs.get(entry.id)!.doc.fences.filter((f) => f.info === 'rust example');
      for (const [i, f] of blocks.entries()) {
        const file = join(dir, `${entry.id.replace(/-/g, '_')}_example_${i}.rs`);
        writeFileSync(file, f.code);
        await run('rustc', ['--edition=2021', '--crate-type=lib', '--emit=metadata', '-A', 'warnings', '-o', file + '.rmeta', file]).catch(
          (e: { stderr?: string }) => assert.fail(`example at line ${f.line} does not compile alone:\n${e.stderr}`),
        );
      }
    });

    it(`${entry.file}: its \`rust\` code blocks compile`, async () => {
      const blocks = docs.get(entry.id)!.doc.fences.filter((f) => f.info === 'rust');
      for (const [i, f] of blocks.entries()) {
        const file = join(dir, `${entry.id.replace(/-/g, '_')}_code_${i}.rs`);
        writeFileSync(file, f.code);
        const crateType = /\bfn\s+main\b/.test(f.code) ? 'bin' : 'lib';
        await run('rustc', ['--edition=2021', `--crate-type=${crateType}`, '--emit=metadata', '-A', 'warnings', '-o', file + '.rmeta', file]).catch(
          (e: { stderr?: string }) => assert.fail(`code block at line ${f.line} does not compile:\n${e.stderr}`),
        );
      }
    });
  }

  for (const entry of index) {
    it(`${entry.file}: its runnable examples print what the chapter says they print`, async () => {
      const fences = docs.get(entry.id)!.doc.fences;
      const runs = fences.filter((f) => /^rust run=\w+$/.test(f.info));
      for (const f of runs) {
        const name = f.info.slice('rust run='.length);
        const expected = fences.find((o) => o.info === `text output=${name}`);
        assert.ok(expected, `${entry.file}: no \`text output=${name}\` block for the example at line ${f.line}`);
        const file = join(dir, `${name}.rs`);
        const exe = join(dir, name);
        writeFileSync(file, f.code);
        await run('rustc', ['--edition=2021', '-o', exe, file]).catch((e: { stderr?: string }) => assert.fail(`example ${name} does not compile:\n${e.stderr}`));
        const { stdout } = await run(exe, []);
        assert.equal(stdout.trimEnd(), expected.code.trimEnd(), `${entry.file}: ${name} printed something else`);
      }
      if (entry.id === 'companion') assert.equal(runs.length, 6, 'the six companion examples');
    });
  }

  // The measured numbers, kept in a file so the panel's tests can compare the engine with rustc
  // for every placeholder. Regenerate with UPDATE_GUIDE_VALUES=1 after editing a chapter.
  it(`${VALUES_FILE} matches what rustc prints on this host`, async function () {
    const { stdout } = await run('rustc', ['-vV']);
    const host = /^host: (.+)$/m.exec(stdout)?.[1];
    const release = /^release: (.+)$/m.exec(stdout)?.[1];
    if (host !== VALUES_TARGET) this.skip();
    assert.equal(values.size, index.length, 'the per-chapter rustc checks must run first');
    const chapters: Record<string, Record<string, number | { size: number; align: number }>> = {};
    for (const entry of index) {
      const got = values.get(entry.id)!;
      chapters[entry.id] = {};
      for (const p of docs.get(entry.id)!.doc.placeholders) {
        const [a, b] = got.get(p.raw)!.split('/').map(Number);
        chapters[entry.id][p.raw] = p.kind === 'layout' ? { size: a, align: b } : a;
      }
    }
    const fresh = { target: VALUES_TARGET, rustc: release, chapters };
    const path = join(repoRoot(), 'test', 'unit', VALUES_FILE);
    if (process.env.UPDATE_GUIDE_VALUES === '1') writeFileSync(path, JSON.stringify(fresh, null, 2) + '\n');
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    assert.deepEqual(stored.chapters, fresh.chapters, `${VALUES_FILE} is stale: rerun with UPDATE_GUIDE_VALUES=1`);
  });
});
