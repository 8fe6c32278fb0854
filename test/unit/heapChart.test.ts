/**
 * The heap chart's data (src/core/heap/chart.ts) and the guide's heap placeholders and
 * ```heap-chart blocks: series per collection plus their sum, the growth steps as points, the
 * entry count on the axis, and unknown (with the reason) instead of a chart.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { ownedOfTypes } from '../../src/analysis/heapTypes';
import { heapChart } from '../../src/core/heap/collections';
import { evaluatePlaceholders, parsePlaceholder, placeholdersOf } from '../../src/analysis/guideValues';
import { renderChapter } from '../../src/analysis/guideRender';

const ROOT = join(__dirname, '../../..');
const DEFS = [
  'use std::collections::{BTreeMap, HashMap};',
  'pub struct Store { names: Vec<String>, index: HashMap<u64, u32> }',
  'pub enum Shape { Dot, Poly(Vec<u32>) }',
].join('\n');

describe('heap chart and heap placeholders', function () {
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
  after(() => analyzer.dispose());

  it('one series per collection and their sum, with every growth step as a point', async () => {
    const owned = await ownedOfTypes(analyzer, [DEFS], ['Store', 'Vec<u64>', 'Shape', 'u64'], 'x86_64-unknown-linux-gnu');
    const store = heapChart('Store', owned.get('Store')!, 1000, 16)!;
    assert.deepEqual(store.series.map((s) => s.label), ['names (Vec<String>)', 'index (HashMap<u64, u32>)', 'all']);
    assert.equal(store.maxN, 1250);
    for (const s of store.series) {
      assert.ok(s.points.some((p) => p.n === 1000), `${s.label}: a point at N`);
      for (let i = 1; i < s.points.length; i++) assert.ok(s.points[i]!.bytes.min >= s.points[i - 1]!.bytes.min, `${s.label}: never shrinks`);
    }
    const all = store.series[2]!.points;
    const at = (n: number) => all.find((p) => p.n === n)!;
    const names = store.series[0]!.points.find((p) => p.n === 1000)!.bytes.min;
    const index = store.series[1]!.points.find((p) => p.n === 1000)!.bytes.min;
    assert.equal(at(1000).bytes.min, names + index, 'the sum');
    assert.match(store.lines[0]!, /^names: Vec<String> with 1,000 elements: 40,576 B, 2,009 allocator calls; next growth at 1,025$/);
    // Vec<u64>: 4 → 8 → … doubling: the points just before and at each step are there.
    const vec = heapChart('Vec<u64>', owned.get('Vec<u64>')!, 100, 16)!;
    const pts = vec.series[0]!.points;
    for (const step of [1, 5, 9, 17, 33, 65]) {
      assert.ok(pts.some((p) => p.n === step - 1) && pts.some((p) => p.n === step), `step at ${step}`);
      assert.ok(pts.find((p) => p.n === step)!.bytes.min > pts.find((p) => p.n === step - 1)!.bytes.min, `grows at ${step}`);
    }
    assert.equal(heapChart('u64', owned.get('u64')!, 100, 16), undefined, 'no heap, no chart');
    const shape = heapChart('Shape', owned.get('Shape')!, 100, 16)!;
    assert.match(shape.unknown ?? '', /`Shape` owns heap memory in some variants/);
    assert.deepEqual(shape.series, []);
  });

  it('a type met twice is walked once but keeps both paths; a walk reaching thousands of types stops with the reason', async () => {
    const chain = Array.from({ length: 300 }, (_, i) => `pub struct C${i} { next: C${i + 1}, v: Vec<u8> }`).join('\n') + '\npub struct C300 { v: Vec<u8> }';
    const wide = `pub struct W { ${Array.from({ length: 4100 }, (_, i) => `f${i}: T${i}`).join(', ')} }\n` + Array.from({ length: 4100 }, (_, i) => `pub struct T${i} { v: Vec<u8> }`).join('\n');
    const owned = await ownedOfTypes(analyzer, ['pub struct Inner { v: Vec<u8>, s: String }', 'pub struct Pair { a: Inner, b: Inner, c: (Inner, u8) }', chain, wide], ['Pair', 'C0', 'C200', 'W', 'T7'], 'x86_64-unknown-linux-gnu');
    assert.deepEqual(owned.get('Pair')!.collections.map((c) => c.path), ['.a.v', '.a.s', '.b.v', '.b.s', '.c.0.v', '.c.0.s']);
    assert.match(owned.get('C0')!.unknown ?? '', /nest more than 256 levels deep/);
    assert.equal(owned.get('C200')!.collections.length, 101, 'a shallower chain is followed to the end');
    assert.match(owned.get('W')!.unknown ?? '', /reaches more than 4,000 types/);
    assert.equal(owned.get('T7')!.collections.length, 1);
  });

  it('heap placeholders parse T@N and T@N~M, and render exact figures, ranges and charts', async () => {
    assert.deepEqual(parsePlaceholder('heapbytes:Vec<String>@1000~8'), { raw: '{{heapbytes:Vec<String>@1000~8}}', kind: 'heapbytes', type: 'Vec<String>', entries: 1000, inner: 8 });
    assert.equal(parsePlaceholder('heapbytes:Vec<u8>'), undefined, 'N is required');
    const md = [
      '# T',
      '```rust example',
      DEFS,
      '```',
      '',
      'A {{heapbytes:Vec<u64>@1000}} B, {{heapcalls:Vec<u64>@1000}} calls; tree {{heapbytes:BTreeMap<u64, u64>@1000}}; shape {{heapbytes:Shape@10}}.',
      '',
      '```heap-chart HashMap<u64, u32>@500',
      '```',
      '',
    ].join('\n');
    const ps = placeholdersOf(md);
    assert.deepEqual(ps.map((p) => p.kind), ['heapbytes', 'heapcalls', 'heapbytes', 'heapbytes', 'heapchart']);
    const values = await evaluatePlaceholders(analyzer, [DEFS], ps, 'x86_64-unknown-linux-gnu');
    const r = renderChapter(md, { chapter: 't', chapterIds: ['t'], values, target: 'x86_64-unknown-linux-gnu' });
    assert.match(r.html, /<span class="rll-value"[^>]*>8,192<\/span> B, <span class="rll-value"[^>]*>9<\/span> calls/);
    assert.match(r.html, /tree <span class="rll-value"[^>]*>\d{2},\d{3}–\d{2},\d{3}<\/span>/);
    assert.match(r.html, /shape <span class="rll-unknown"[^>]*>unknown <span class="rll-reason">\(`Shape` owns heap memory in some variants/);
    assert.match(r.html, /<div class="rll-heapchart-slot" data-chart="0"><\/div>/);
    assert.equal(r.heapCharts.length, 1);
    assert.equal(r.heapCharts[0]!.type, 'HashMap<u64, u32>');
    assert.equal(r.heapCharts[0]!.entries, 500);
  });

  it('the command line: --heap N [--heap-inner M] adds the same figures to the JSON and the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rll-heap-cli-'));
    try {
      const file = join(dir, 'lib.rs');
      writeFileSync(file, `${DEFS}\npub struct Plain { a: u64 }\npub struct Gen<T> { v: Vec<T> }\n`);
      const cli = join(ROOT, 'dist/cli.js');
      type Out = { types: { name: string; heap?: { entries: number; inner: number; exact?: boolean; bytes?: { min: number; max: number }; unknown?: string; collections?: { field: string; type: string; capacity?: number; nextGrowthAt?: number }[] } }[] };
      const json = JSON.parse(execFileSync(process.execPath, [cli, '--json', '--heap', '1000', '--heap-inner', '16', file], { encoding: 'utf8' })) as Out;
      const heap = (n: string) => json.types.find((t) => t.name === n)!.heap;
      assert.deepEqual(heap('Store')?.collections?.map((c) => [c.field, c.type, c.capacity, c.nextGrowthAt]), [
        ['names', 'Vec<String>', 1024, 1025],
        ['index', 'HashMap<u64, u32>', 1792, 1793],
      ]);
      // 40,576 (the hover's figure for Vec<String>) + a 2,048-bucket table of 16-byte entries and 2,064 control bytes.
      assert.deepEqual(heap('Store')?.bytes, { min: 40_576 + 2048 * 16 + 2048 + 16, max: 40_576 + 2048 * 16 + 2048 + 16 });
      assert.equal(heap('Store')?.exact, true);
      assert.match(heap('Shape')?.unknown ?? '', /some variants/);
      assert.equal(heap('Plain'), undefined, 'owns nothing: no heap object');
      assert.equal(heap('Gen'), undefined, 'generic: depends on its arguments');
      const plain = JSON.parse(execFileSync(process.execPath, [cli, '--json', file], { encoding: 'utf8' })) as Out;
      assert.ok(plain.types.every((t) => t.heap === undefined), 'only with --heap');
      const text = execFileSync(process.execPath, [cli, '--heap', '1000', file], { encoding: 'utf8' });
      assert.match(text, /heap with 1000 entries per collection \(16 in inner ones\)/);
      assert.match(text, /^Store .* 75408 B \/ 2019 calls/m);
      const bad = spawnSync(process.execPath, [cli, '--heap', 'lots', file], { encoding: 'utf8' });
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--heap takes a whole number/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
