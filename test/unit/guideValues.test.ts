/**
 * The guide's numbers come from the engine: for x86_64 every placeholder must equal what rustc
 * printed (guide-values.x86_64.json), or be `unknown` — never a wrong number.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import {
  evaluateChapter,
  evaluatePlaceholders,
  parsePlaceholder,
  placeholdersOf,
  sizeOfIn,
  splitOffsetArg,
  type GuideValue,
} from '../../src/analysis/guideValues';

const root = path.join(__dirname, '../../..');
const wasmDir = path.join(root, 'dist');
const guideDir = path.join(root, 'media/guide');
const index: { id: string; file: string }[] = JSON.parse(readFileSync(path.join(guideDir, 'index.json'), 'utf8'));
const expected: { target: string; chapters: Record<string, Record<string, number | { size: number; align: number }>> } = JSON.parse(
  readFileSync(path.join(__dirname, '../../../test/unit/guide-values.x86_64.json'), 'utf8'),
);

function show(v: GuideValue | undefined): string {
  if (!v) return 'missing';
  if (v.kind === 'number') return String(v.value);
  if (v.kind === 'layout') return `layout ${v.report.size}/${v.report.align}`;
  if (v.kind === 'text') return v.text;
  if (v.kind === 'chart') return `chart of ${v.chart.type}`;
  return `unknown (${v.reason})`;
}

/** A number or range the engine gave (`1,024`, `28,032–34,368`), or a chart's bytes at its entry count. */
function engineRange(v: GuideValue): { min: number; max: number } | undefined {
  if (v.kind === 'number') return { min: v.value, max: v.value };
  if (v.kind === 'text') {
    const [a, b] = v.text.split('–').map((x) => Number(x.replace(/,/g, '')));
    return Number.isFinite(a) ? { min: a!, max: b ?? a! } : undefined;
  }
  if (v.kind === 'chart') return v.chart.series.at(-1)?.points.find((p) => p.n === v.chart.entries)?.bytes;
  return undefined;
}

describe('guide values', () => {
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('parses placeholders and splits offsets at the first top-level dot', () => {
    assert.deepEqual(splitOffsetArg('Wrapper<(u8, u32)>.inner.0'), { type: 'Wrapper<(u8, u32)>', field: 'inner.0' });
    assert.equal(splitOffsetArg('fn(u8) -> Option<u8>'), undefined);
    assert.deepEqual(parsePlaceholder('offset:Record.tag'), { raw: '{{offset:Record.tag}}', kind: 'offset', type: 'Record', field: 'tag' });
    assert.equal(parsePlaceholder('sizeof:u8'), undefined);
    assert.equal(parsePlaceholder('offset:Record'), undefined);
  });

  it('ignores placeholders in code spans and fenced blocks', () => {
    const md = 'a {{size:u8}} `{{size:u16}}`\n```rust\n{{size:u32}}\n```\n{{layout:T}}\n';
    assert.deepEqual(
      placeholdersOf(md).map((p) => p.raw),
      ['{{size:u8}}', '{{layout:T}}'],
    );
  });

  for (const entry of index) {
    it(`chapter ${entry.id}: every x86_64 value equals rustc's or is unknown`, async () => {
      const md = readFileSync(path.join(guideDir, entry.file), 'utf8');
      const values = await evaluateChapter(analyzer, md, expected.target);
      const want = expected.chapters[entry.id] ?? {};
      const placeholders = placeholdersOf(md);
      assert.deepEqual(new Set(Object.keys(want)), new Set(placeholders.map((p) => p.raw)), 'the rustc record and the chapter list different placeholders');
      const wrong: string[] = [];
      let known = 0;
      for (const [raw, rustc] of Object.entries(want)) {
        const v = values.get(raw);
        assert.ok(v, `${raw} not evaluated`);
        if (v.kind === 'unknown') continue;
        known++;
        if (typeof rustc === 'number') {
          // Exact numbers must be equal; a range (a B-tree's node fill) must hold rustc's.
          const r = engineRange(v);
          if (!r || rustc < r.min || rustc > r.max) wrong.push(`${raw}: engine ${show(v)}, rustc ${rustc}`);
          if (r && r.min !== r.max && !/^\{\{(heap\w+):BTree/.test(raw)) wrong.push(`${raw}: a range where the figure is exact`);
        } else if (v.kind !== 'layout' || v.report.size !== rustc.size || v.report.align !== rustc.align) {
          wrong.push(`${raw}: engine ${show(v)}, rustc ${rustc.size}/${rustc.align}`);
        }
      }
      assert.deepEqual(wrong, []);
      // The engine models these chapters' types: most numbers must be known, not abstained.
      assert.ok(known >= Object.keys(want).length / 2, `only ${known} of ${Object.keys(want).length} values known`);
    });
  }

  it('follows the target: u64 is 4-aligned on i686, 8 on x86_64', async () => {
    const md = 'The align is {{align:u64}} and size {{size:usize}}.\n';
    const x = await evaluateChapter(analyzer, md, 'x86_64-unknown-linux-gnu');
    const i = await evaluateChapter(analyzer, md, 'i686-unknown-linux-gnu');
    assert.equal(show(x.get('{{align:u64}}')), '8');
    assert.equal(show(i.get('{{align:u64}}')), '4');
    assert.equal(show(i.get('{{size:usize}}')), '4');
  });

  it('says unknown (with the reason) instead of guessing', async () => {
    const values = await evaluatePlaceholders(
      analyzer,
      ['struct S { a: u8 }'],
      [parsePlaceholder('size:regex::Regex')!, parsePlaceholder('offset:S.nope')!, parsePlaceholder('size:[u8]')!, parsePlaceholder('layout:u8')!],
      'x86_64-unknown-linux-gnu',
    );
    for (const [raw, v] of values) assert.equal(v.kind, 'unknown', `${raw} should be unknown, got ${show(v)}`);
    assert.match(show(values.get('{{offset:S.nope}}')), /no field `nope`/);
  });

  it('computes offsets through nested fields and tuples, and layouts of example types', async () => {
    const values = await evaluatePlaceholders(
      analyzer,
      ['#[repr(C)]\nstruct In { a: u8, b: (u16, u64) }\nstruct Out { x: u8, i: In }'],
      [parsePlaceholder('offset:In.b.1')!, parsePlaceholder('layout:In')!, parsePlaceholder('size:Out')!],
      'x86_64-unknown-linux-gnu',
    );
    assert.equal(show(values.get('{{offset:In.b.1}}')), '16');
    assert.equal(show(values.get('{{layout:In}}')), 'layout 24/8');
    assert.equal(show(values.get('{{size:Out}}')), '32');
  });

  it('sizes a simulator element type in a chapter context', async () => {
    const md = '```rust example\nstruct Big { a: [u8; 2000] }\n```\n';
    assert.deepEqual(await sizeOfIn(analyzer, md, 'Big', 'x86_64-unknown-linux-gnu'), { size: 2000, align: 1 });
    assert.deepEqual(await sizeOfIn(analyzer, md, '(u8, u32)', 'x86_64-unknown-linux-gnu'), { size: 8, align: 4 });
    assert.ok('reason' in (await sizeOfIn(analyzer, md, 'u8; struct X', 'x86_64-unknown-linux-gnu')));
    assert.ok('reason' in (await sizeOfIn(analyzer, md, 'NoSuchType', 'x86_64-unknown-linux-gnu')));
  });
});
