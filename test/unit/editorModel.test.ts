/**
 * The pure half of the editor surfaces, in plain Node with the real grammar and engine: what the
 * hover shows at an offset, the reorder/pin proposals, and the diagnostics' findings.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { applyEdits } from '../../src/core/reorder';
import { buildDocumentAnalysis, type DocumentAnalysis } from '../../src/incremental/documentModel';
import { hoverAt } from '../../src/features/hoverModel';
import { documentInstances } from '../../src/features/instancesModel';
import { instancesLensTitle } from '../../src/features/layoutText';
import { findings, pinProposal, reorderProposal, rustcOrder } from '../../src/features/plans';
import { extractFile } from '../../src/parse/extract';
import { scaleParseBudget } from '../../src/parse/parser';
import type { SourceFile } from '../../src/core/model';
import { wasmDir } from './parseHelpers';

function abandoned(sf: SourceFile): boolean {
  return sf.problems.some((p) => p.code === 'parseAbandoned');
}

const SETTINGS = {
  severity: 'information',
  reprCPadding: true,
  largeType: true,
  largeTypeThreshold: 64,
  largeEnumVariant: true,
  largeEnumVariantThreshold: 200,
  cacheLineStraddle: false,
} as const;

const analyzer = new Analyzer({ wasmDir });
after(() => analyzer.dispose());

async function analyse(text: string, target?: string): Promise<DocumentAnalysis> {
  const file = path.join('/virtual', 'lib.rs');
  const sf = await analyzer.parseFile(file, text);
  const a = await analyzer.analyze(singleFileProgram(sf, text), target);
  return buildDocumentAnalysis(a, sf, { uri: file, version: 1, path: file, text });
}

function at(text: string, anchor: string, word = anchor): number {
  const a = text.indexOf(anchor);
  assert.ok(a >= 0, anchor);
  return text.indexOf(word, a) + 1;
}

const SRC = `
/// doc
#[repr(C)]
pub struct Header { kind: u8, len: u64, flags: u16 }

pub struct Owner<'a> { name: &'a str, items: Vec<u64>, next: Option<Box<Owner<'a>>> }

pub struct Gen<T> { v: Vec<T>, n: u8 }

#[repr(C, packed)]
pub struct Packed { a: u8, b: u64 }

pub struct Loose { a: u8, b: u32, c: u16 }

pub struct Pair(u8, u32);

pub enum Big { Small(u8), Large([u8; 512]) }
`;

describe('editor model', () => {
  it('heap notes follow the type as resolved: a crate\'s own `Vec` or `Box` gets none (hunt L)', async () => {
    const text = `
pub mod inline {
    pub struct Vec<T>(pub [T; 4]);
    pub struct Box<T>(pub T);
}
pub type Boxed = std::boxed::Box<u64>;
pub struct S { v: inline::Vec<u8>, b: Option<inline::Box<u32>>, real: Vec<u8>, rb: Option<Box<u32>>, al: Boxed }
`;
    const a = await analyse(text);
    const s = a.types.find((t) => t.report.name === 'S')!.report;
    const owner = (n: string) => s.fields!.find((f) => f.name === n)!.stdOwner;
    assert.equal(owner('v'), undefined);
    assert.equal(owner('b'), undefined);
    assert.deepEqual(owner('real'), { name: 'Vec' });
    assert.deepEqual(owner('rb'), { name: 'Box', inOption: true });
    assert.deepEqual(owner('al'), { name: 'Box' }, 'an alias of std\'s Box is std\'s Box');
    const hover = hoverAt(a, text.indexOf('pub struct S') + 'pub struct '.length)!.markdown.replace(/\\/g, '');
    assert.doesNotMatch(hover, /`v: inline::Vec<u8>`/);
    assert.doesNotMatch(hover, /`b: Option<inline::Box<u32>>`/);
    assert.match(hover, /`real: Vec<u8>`: 24 B here \(pointer, capacity and length\)/);
    assert.match(hover, /`rb: Option<Box<u32>>`: 8 B here \(a pointer\); the value is on the heap\. `None` is the null pointer/);
    const field = hoverAt(a, text.indexOf('b: Option<inline'))!.markdown;
    assert.match(field, /size 8/);
    assert.doesNotMatch(field, /costs nothing/);
    const written = hoverAt(a, at(text, 'v: inline::Vec', 'Vec'))!.markdown;
    assert.doesNotMatch(written, /on the heap/);
  });

  it("a generic type's hover and lens list the instances this file's types hold, with their numbers", async () => {
    const text = `
pub struct W<T> { a: T, b: u8 }
pub struct Lone<T>(T);
pub struct Holder { x: W<u32>, y: Option<W<u64>>, z: Vec<W<bool>> }
pub struct AlsoGeneric<T> { t: T, w: W<i16> }
`;
    const a = await analyse(text);
    const index = a.types.findIndex((t) => t.report.name === 'W');
    const w = a.types[index]!.report;
    const list = documentInstances(a)[index];
    assert.deepEqual(list?.map((i) => `${i.type} ${i.size}/${i.align} in ${i.in}`), ['W<u32> 8/4 in Holder', 'W<u64> 16/8 in Holder', 'W<bool> 2/1 in Holder']);
    assert.equal(instancesLensTitle(w, list), 'generic · W<u32> 8 B · W<u64> 16 B · +1 more');
    const hover = hoverAt(a, text.indexOf('struct W') + 'struct '.length)!.markdown;
    assert.match(hover, /unknown: generic/);
    assert.match(hover, /Instances in this file:\n- `W<u32>` — size 8 · align 4 \(in `Holder`\)\n- `W<u64>` — size 16 · align 8/);
    // A generic type nothing concrete holds keeps the plain verdict; a concrete type gets no list.
    const lone = a.types.findIndex((t) => t.report.name === 'Lone');
    assert.equal(documentInstances(a)[lone], undefined);
    assert.equal(instancesLensTitle(a.types[lone]!.report, undefined), undefined);
    assert.doesNotMatch(hoverAt(a, at(text, 'struct Lone', 'Lone'))!.markdown, /Instances in this file/);
    assert.equal(documentInstances(a)[a.types.findIndex((t) => t.report.name === 'Holder')], undefined);
  });

  it('hovers a type name, a field name and a type written in a field', async () => {
    const a = await analyse(SRC);
    const type = hoverAt(a, at(SRC, 'struct Header', 'Header'));
    assert.match(type?.markdown ?? '', /^\*\*Header\*\* — size 24 · align 8 · 13 B padding \(54%\)/);
    const field = hoverAt(a, at(SRC, 'kind: u8', 'kind'));
    assert.match(field?.markdown ?? '', /^\*\*kind\*\*: `u8` — offset 0 · size 1 · align 1 · then 7 bytes of padding/);
    assert.match(hoverAt(a, at(SRC, 'len: u64', 'len'))?.markdown ?? '', /offset 8 · size 8 · align 8 · no padding after/);
    const vec = hoverAt(a, at(SRC, 'items: Vec<u64>', 'Vec'));
    assert.match(vec?.markdown ?? '', /^`Vec<u64>` — size 24 · align 8/);
    assert.equal(SRC.slice(vec!.span.start, vec!.span.end), 'Vec<u64>');
    const elem = hoverAt(a, at(SRC, 'Vec<u64>', 'u64'));
    assert.equal(SRC.slice(elem!.span.start, elem!.span.end), 'u64');
    const opt = hoverAt(a, at(SRC, 'next: Option', 'Option'));
    assert.match(opt?.markdown ?? '', /^`Option<Box<Owner<'a>>>` — size 8 · align 8/);
    // A field type that mentions a type parameter has no numbers.
    assert.match(hoverAt(a, at(SRC, 'v: Vec<T>', 'Vec'))?.markdown ?? '', /unknown: generic/);
    assert.match(hoverAt(a, at(SRC, 'n: u8', 'u8'))?.markdown ?? '', /^`u8` — size 1 · align 1/);
    assert.equal(hoverAt(a, SRC.indexOf('/// doc') + 2), undefined);
    // A tuple field: its offset (rustc puts the u32 first) and its type's layout.
    const pair = hoverAt(a, at(SRC, 'Pair(u8', 'u8'));
    assert.match(pair?.markdown ?? '', /^\*\*0\*\*: `u8` — offset 4 · size 1 · align 1 · then 3 bytes of padding\n\n---\n\n`u8` — size 1 · align 1/);
  });

  it('proposes the reorder only for repr(C) structs with avoidable padding', async () => {
    const a = await analyse(SRC);
    const byName = (n: string) => a.types.find((t) => t.item.name === n)!;
    const h = byName('Header');
    const r = reorderProposal(a.text, h.item, h.report);
    assert.ok(r);
    assert.equal(r.plan.saved, 8);
    assert.match(applyEdits(a.text, r.edits), /pub struct Header \{ len: u64, flags: u16, kind: u8 \}/);
    assert.equal(reorderProposal(a.text, byName('Packed').item, byName('Packed').report), undefined);
    assert.equal(reorderProposal(a.text, byName('Loose').item, byName('Loose').report), undefined);
    assert.deepEqual(rustcOrder(byName('Loose').item, byName('Loose').report), ['b', 'c', 'a']);
    assert.equal(rustcOrder(h.item, h.report), undefined);
  });

  it('pins non-generic types (lifetimes become \'static) and not generic ones', async () => {
    const a = await analyse(SRC);
    const byName = (n: string) => a.types.find((t) => t.item.name === n)!;
    const owner = pinProposal(a.text, byName('Owner').item, byName('Owner').report);
    assert.ok(owner);
    assert.equal(
      owner.newText,
      "\nconst _: () = assert!(core::mem::size_of::<Owner<'static>>() == 48);\nconst _: () = assert!(core::mem::align_of::<Owner<'static>>() == 8);",
    );
    assert.equal(pinProposal(a.text, byName('Gen').item, byName('Gen').report), undefined);
    // Already pinned: not offered twice.
    const pinned = applyEdits(a.text, [owner]);
    const b = await analyse(pinned);
    const o2 = b.types.find((t) => t.item.name === 'Owner')!;
    assert.equal(pinProposal(b.text, o2.item, o2.report), undefined);
  });

  it('finds avoidable repr(C) padding, large types and large enum variants', async () => {
    const a = await analyse(SRC);
    const f = findings(a, SETTINGS).map((x) => `${x.code} ${a.text.slice(x.span.start, x.span.end)}`);
    assert.deepEqual(f, ['reprCPadding Header', 'largeType Big', 'largeEnumVariant Big']);
    assert.deepEqual(findings(a, { ...SETTINGS, reprCPadding: false, largeType: false, largeEnumVariant: false }), []);
    assert.deepEqual(
      findings(a, { ...SETTINGS, largeTypeThreshold: 16, largeEnumVariantThreshold: 600 }).map((x) => x.code),
      ['reprCPadding', 'largeType', 'largeType', 'largeType'],
    );
  });

  it('a Box in a field says what it holds: a fat pointer, nothing for a zero-sized type, or the heap block', async () => {
    const src = 'use std::fmt::Debug;\npub struct Pair { a: u8, b: u64 }\npub struct Boxes { d: Box<dyn Debug>, s: Box<[u16]>, t: Box<str>, z: Box<()>, p: Box<Pair>, o: Option<Box<Pair>> }\n';
    const a = await analyse(src);
    const h = (word: string) => hoverAt(a, at(src, `${word}: Box`, 'Box'))?.markdown ?? '';
    assert.match(h('d'), /^`Box<dyn Debug>` — size 16 · align 8/);
    assert.match(h('d'), /fat pointer: the data pointer and a pointer to the vtable/);
    assert.match(h('s'), /fat pointer: the data pointer and the number of elements/);
    assert.match(h('t'), /fat pointer: the data pointer and the length in bytes/);
    assert.match(h('z'), /zero\\-sized: `Box::new` never allocates/);
    assert.doesNotMatch(h('z'), /is on the heap/);
    assert.match(h('p'), /The heap block: 16 B, aligned to 8/);
    assert.match(hoverAt(a, at(src, 'o: Option', 'Option'))?.markdown ?? '', /The heap block: 16 B, aligned to 8/);
  });

  it('a collection in a field or a type says what it costs on the heap with N entries', async () => {
    const src = [
      'use std::collections::{BTreeMap, HashMap};',
      'pub struct Store { v: Vec<u64>, s: String, m: HashMap<u64, [u64; 3]>, r: std::rc::Rc<u8>, names: Vec<String>, t: BTreeMap<u64, u64>, o: Option<Box<u32>> }',
      'pub struct Vec2 { x: f32 }',
      'pub struct Mine { v: Vec2, p: *mut u8, e: Shape, list: Vec<Shape>, tree: Vec<Tree> }',
      'pub enum Shape { Dot, Poly(Vec<u32>) }',
      'pub struct Tree { kids: Vec<Tree> }',
      'pub struct Plain { a: u64, b: [u8; 4] }',
      '',
    ].join('\n');
    const a = await analyse(src);
    const h = (word: string, ty: string) => (hoverAt(a, at(src, `${word}: ${ty}`, ty))?.markdown ?? '').replace(/\\/g, '');
    const name = (word: string) => (hoverAt(a, at(src, `${word}`, word))?.markdown ?? '').replace(/\\/g, '');
    // RawVec: 4 → 8 → … → 1024 elements of 8 bytes, 9 calls (src/core/heap, checked against a counting allocator).
    assert.match(h('v', 'Vec'), /\*\*Heap\*\* \(`Vec<u64>`\) with 1,000 elements \(pushed one by one\) \[change N\]\(command:rustLayout\.setHeapEntries[^)]*\): 9 allocator calls, 8,192 B in 1 block — room for 1,024; the next growth, at 1,025 elements, makes the buffer 16,384 B\./);
    // Markdown, not text: bold and a working link (not `\*\*Heap\*\*` and `\[change N\]`).
    const raw = hoverAt(a, at(src, 'v: Vec', 'Vec'))!.markdown;
    assert.ok(raw.includes('**Heap**') && raw.includes('[change N](command:rustLayout.setHeapEntries "'), raw);
    assert.match(h('s', 'String'), /with 1,000 bytes \(pushed one by one\)[^\n]*?\): 8 allocator calls, 1,024 B in 1 block/);
    // hashbrown: 1000 entries → 2048 buckets of 32 bytes + 2048 + 16 control bytes.
    assert.match(h('m', 'HashMap'), /with 1,000 entries \(distinct keys, inserted one by one\)[^\n]*?\): 10 allocator calls, 67,600 B in 1 block — one table .*room for 1,792 entries before it grows \(load factor 7\/8\)/);
    assert.match(h('r', 'std'), /\*\*Heap blocks\*\* \(Box, Rc, Arc\): 1 allocator call, 24 B in 1 block\./);
    // Nested: the outer buffer (1024 × 24 B) plus 1000 Strings of 16 bytes (8 → 16: 2 calls each).
    assert.match(h('names', 'Vec'), /9 allocator calls, 24,576 B in 1 block/);
    assert.match(h('names', 'Vec'), /Its elements own more \(each inner collection with 16 entries\): 2,000 allocator calls, 16,000 B in 1,000 blocks\. \*\*In all:\*\* 2,009 allocator calls, 40,576 B in 1,001 blocks\./);
    // B-tree: a range, with the node sizes laid out by the engine (leaf 192 B, internal 288 B).
    assert.match(h('t', 'BTreeMap'), /allocator calls, [\d,]+–[\d,]+ B in [\d,]+–[\d,]+ blocks — one block per node \([\d,]+–[\d,]+ leaves of 192 B, [\d,]+–[\d,]+ internal nodes of 288 B\)/);
    assert.match(h('o', 'Option'), /4 B in 1 block.*\n\n\*Assumes every `Option` is counted as `Some`\.\*/s);
    // On the field's name too, and on a type: every collection it holds.
    assert.match(name('names'), /Its elements own more/);
    const store = hoverAt(a, at(src, 'pub struct Store', 'Store'))?.markdown.replace(/\\/g, '') ?? '';
    for (const f of ['v', 's', 'm', 'names', 't']) assert.match(store, new RegExp(`\\*\\*Heap\\*\\* \`${f}\``), f);
    assert.match(store, /\*Assumes every `Option` is counted as `Some`\.\*\n\n\*x86_64-unknown-linux-gnu\*/, 'before the target line');
    // Unknown, with the reason: a variant-dependent enum, a recursive type; nothing for plain data or a raw pointer alone.
    assert.match(h('list', 'Vec'), /What its elements own themselves is unknown: `Shape` owns heap memory in some variants \(`Poly`\): how much depends/);
    assert.match(h('tree', 'Vec'), /unknown: `Vec<Tree>` contains itself/);
    assert.match(h('e', 'Shape'), /\*\*Heap:\*\* unknown — `Shape` owns heap memory in some variants \(`Poly`\): how much depends/);
    assert.doesNotMatch(h('p', '*mut'), /Heap/);
    assert.doesNotMatch(hoverAt(a, at(src, 'pub struct Plain', 'Plain'))?.markdown ?? '', /Heap/);
    assert.doesNotMatch(h('v', 'Vec2'), /Heap/);
    assert.match(hoverAt(a, at(src, 'pub struct Mine', 'Mine'))?.markdown ?? '', /\*\*Heap:\*\* unknown — a raw pointer/);
  });

  it('a type hover keeps its heap walk small (it runs at every keystroke); its field hovers walk the whole type', async () => {
    // Big reaches nine of the crate's own types: over the type hover's budget of eight.
    const chain = Array.from({ length: 9 }, (_, i) => `pub struct L${i} { v: Vec<u8>${i < 8 ? `, next: L${i + 1}` : ''} }`).join('\n');
    const src = `${chain}\npub struct Big { first: L0 }\npub struct Small { first: L7 }\n`;
    const a = await analyse(src);
    assert.doesNotMatch(hoverAt(a, at(src, 'pub struct Big', 'Big'))?.markdown ?? '', /Heap/);
    assert.match((hoverAt(a, at(src, 'first: L0', 'first'))?.markdown ?? '').replace(/\\/g, ''), /\*\*Heap\*\* `v` \(`Vec<u8>`\)/);
    assert.match((hoverAt(a, at(src, 'pub struct Small', 'Small'))?.markdown ?? '').replace(/\\/g, ''), /\*\*Heap\*\* `first.v`/);
  });

  it('reports fields that straddle a cache line when asked, and says so in their hover', async () => {
    const src = '#[repr(C, packed)]\npub struct Wire { head: [u8; 60], stamp: u64, tail: u8 }\npub enum Msg { Ping, Data([u8; 3], [u32; 16]) }\n';
    const a = await analyse(src);
    assert.deepEqual(findings(a, SETTINGS).filter((f) => f.code === 'cacheLineStraddle'), [], 'off by default');
    const f = findings(a, { ...SETTINGS, largeType: false, cacheLineStraddle: true });
    assert.deepEqual(
      f.map((x) => `${x.code} ${a.text.slice(x.span.start, x.span.end)}`),
      ['cacheLineStraddle stamp', 'cacheLineStraddle [u32; 16]'],
    );
    assert.match(f[0]!.message, /`stamp` of `Wire` \(8 bytes at offset 60\) straddles the cache-line boundary at byte 64/);
    assert.match(f[1]!.message, /`Data\.1` of `Msg` \(64 bytes at offset 4\) straddles the cache-line boundary at byte 64/);
    assert.match(hoverAt(a, at(src, 'stamp: u64', 'stamp'))?.markdown ?? '', /Straddles the cache-line boundary at byte 64/);
    assert.doesNotMatch(hoverAt(a, at(src, 'tail: u8', 'tail'))?.markdown ?? '', /Straddles/);
  });

  it('says why it shows nothing when tree-sitter gave up on the text, whatever the switches', async () => {
    const parser = await analyzer.parser();
    const file = path.join('/virtual', 'lib.rs');
    const text = SRC.repeat(20);
    const tree = parser.parse(text, null, { budgetMs: -1 });
    let sf;
    try {
      sf = extractFile(tree, text, file);
    } finally {
      tree.delete();
    }
    const a = buildDocumentAnalysis(await analyzer.analyze(singleFileProgram(sf, text)), sf, { uri: file, version: 1, path: file, text });
    assert.equal(a.types.length, 0);
    const off = { ...SETTINGS, reprCPadding: false, largeType: false, largeEnumVariant: false };
    for (const s of [SETTINGS, off]) {
      const f = findings(a, s);
      assert.deepEqual(f.map((x) => [x.code, x.span.start, x.span.end]), [['parseAbandoned', 0, 0]]);
      assert.match(f[0]!.message, /tree-sitter gave up on this text/);
    }
  });

  it('never gives up on the modelled std, nor on a parse asked to run unbudgeted (the CLI\'s)', async () => {
    scaleParseBudget(0); // every budgeted parse is given up at its first check
    const fresh = new Analyzer({ wasmDir });
    try {
      // Over 4 KB: shorter texts are parsed without a budget (see UNBUDGETED_BELOW).
      // (The copies after the first in modules of their own: two `Owner`s in one module are rustc's E0428.)
      const text = Array.from({ length: Math.max(4, Math.ceil(5000 / SRC.length)) }, (_, i) => (i === 0 ? SRC : `pub mod copy${i} {${SRC}}\n`)).join('');
      assert.ok(abandoned(await fresh.parseFile('/virtual/a.rs', text)), 'a budgeted parse is given up');
      // A text under 4 KB (a macro expansion, usually) has no budget: not given up even now.
      assert.ok(!abandoned(await fresh.parseFile('/virtual/small.rs', 'pub struct Small(u8);\n')), 'a small text is given up');
      const sf = await fresh.parseFile('/virtual/a.rs', text, { budgetMs: Infinity });
      assert.ok(!abandoned(sf));
      // Analysing parses the std model now, under the same zero budget.
      const owner = (await fresh.analyze(singleFileProgram(sf, text))).reports().find((t) => t.name === 'Owner');
      assert.equal(owner?.size, 48, JSON.stringify(owner));
    } finally {
      scaleParseBudget(1);
      fresh.dispose();
    }
  });

  it('stays quiet on half-typed items', async () => {
    const text = SRC.replace('Large([u8; 512])', 'Large([u8; 512] +)');
    const a = await analyse(text);
    const codes = findings(a, SETTINGS).map((x) => x.code);
    assert.ok(!codes.includes('largeEnumVariant'), codes.join());
    assert.ok(codes.includes('reprCPadding'));
  });

  it('follows the target', async () => {
    const a = await analyse(SRC, 'i686-unknown-linux-gnu');
    const h = a.types.find((t) => t.item.name === 'Header')!;
    assert.equal(reorderProposal(a.text, h.item, h.report)?.plan.saved, 4);
  });
});
