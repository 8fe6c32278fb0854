/**
 * The numbers the editor surfaces show besides the item reports, against rustc: the hovers of
 * types, fields and written type expressions, the CodeLens titles, the diagnostics, the "pin this
 * layout" assertions and the repr(C) reorder fix (test/oracle/claims.ts, which the long hunt
 * `node out/test/oracle/claims.js SEED COUNT` runs over thousands of generated types). Here: the
 * wrong numbers that hunt found, and a seeded batch of it.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { buildDocumentAnalysis, type DocumentAnalysis } from '../../src/incremental/documentModel';
import { fieldPairs, hoverAt } from '../../src/features/hoverModel';
import { findings } from '../../src/features/plans';
import { checkCorpus, plain, rustcLayouts } from '../oracle/claims';
import { printTypeSizes, rustcAvailable } from '../oracle/rustc';
import { wasmDir } from './parseHelpers';

const HAVE_RUSTC = rustcAvailable();

const analyzer = new Analyzer({ wasmDir });
after(() => analyzer.dispose());

async function analyse(text: string): Promise<DocumentAnalysis> {
  const file = path.join('/virtual', 'lib.rs');
  const sf = await analyzer.parseFile(file, text);
  const a = await analyzer.analyze(singleFileProgram(sf, text));
  return buildDocumentAnalysis(a, sf, { uri: file, version: 1, path: file, text });
}

/** The hover's text at the `nth` occurrence of `word` after `anchor`. */
function hover(a: DocumentAnalysis, anchor: string, word: string): string {
  const at = a.text.indexOf(word, a.text.indexOf(anchor));
  assert.ok(a.text.indexOf(anchor) >= 0 && at >= 0, anchor);
  return plain(hoverAt(a, at)?.markdown ?? '');
}

describe('claims: the numbers of the editor surfaces, against rustc', () => {
  it("a tuple field after one #[cfg] leaves out shows its own numbers, not the next field's (claims hunt: fields were paired with reports by their written index)", async () => {
    const text = [
      'pub struct S(#[cfg(windows)] pub u64, pub u8, pub u32);',
      'pub enum E { #[cfg(windows)] A(u64), B(u8, #[cfg(windows)] u16, u32) }',
      'pub struct N { #[cfg(windows)] pub x: u64, #[cfg(not(windows))] pub x: u16, pub y: u8 }',
      '',
    ].join('\n');
    const a = await analyse(text);
    // rustc: S's `u8` (field 0) at 4, its `u32` (field 1) at 0; B's likewise.
    assert.match(hover(a, 'pub struct S', 'u8'), /^\*\*0\*\*: `u8` — offset 4 · size 1 · align 1/);
    assert.match(hover(a, 'pub struct S', 'u32'), /^\*\*1\*\*: `u32` — offset 0 · size 4 · align 4/);
    assert.match(hover(a, 'B(', 'u8'), /^\*\*0\*\*: `u8` — offset 4 · size 1/);
    assert.match(hover(a, 'B(', 'u32'), /^\*\*1\*\*: `u32` — offset 0 · size 4/);
    // Not compiled: no field numbers (it had `B`'s field 0's).
    assert.doesNotMatch(hover(a, 'A(', 'u64'), /offset/);
    assert.doesNotMatch(hover(a, 'x: u64', 'x'), /offset/);
    assert.match(hover(a, 'x: u16', 'x'), /^\*\*x\*\*: `u16` — offset 0 · size 2/);
    // The inlay hints pair fields the same way.
    const pairs = (name: string) => {
      const e = a.types.find((t) => t.report.name === name)!;
      return [...fieldPairs(e, e.report.fields ?? [], e.report.variants ?? [])].map(([d, r]) => `${a.text.slice(d.ty.span.start, d.ty.span.end)}@${r?.offset}`);
    };
    assert.deepEqual(pairs('S'), ['u8@4', 'u32@0']);
    assert.deepEqual(pairs('E'), ['u8@4', 'u32@0']);
    assert.deepEqual(pairs('N'), ['u16@0', 'u8@2']);
    if (HAVE_RUSTC) {
      const r = await rustcLayouts(text, ['S', 'E', 'N']);
      assert.deepEqual(r.get('S')!.offsets, [4, 0]);
      assert.deepEqual(r.get('E')!.offsets, [4, 0]);
      assert.deepEqual(r.get('N')!.offsets, [0, 2]);
    }
  });

  const ENUMS = [
    'pub struct Z;',
    'pub enum Void {}',
    'pub enum Pair { Some, H(u16), D { a: [Z; 33] }, Done, B }',
    'pub enum Tail { A(u32, u8), B(u64), C }',
    'pub enum One { A(u32, u8) }',
    '#[repr(C)] pub enum ReprC { A(u32, u8), B }',
    'pub enum Niche { A(bool, u32), B, C }',
    'pub enum Lone { Num, Blue(Void) }',
    'pub enum Big { A([u8; 300]), B(Void) }',
    '#[repr(align(32))] pub enum Aligned { A(u8), B(), C(u64) }',
    '',
  ].join('\n');
  const VARIANTS: Record<string, string> = {
    Pair: 'Some 2 · H 4 · D 2 · Done 2 · B 2',
    Tail: 'A 8 · B 16 · C 1',
    One: 'A 5',
    ReprC: 'A 9 · B 4',
    Niche: 'A 8 · B 1 · C 1',
    Lone: 'Num 0 · Blue absent',
    Big: 'A 300 · B absent',
    Aligned: 'A 2 · B 32 · C 16',
  };

  it("variant sizes are rustc's -Zprint-type-sizes ones, discriminant included: the end of the last field, a fieldless variant's layout size (claims hunt: a variant with fields showed its layout's size, rounded up to its alignment or, in a ScalarPair enum, the enum's)", async () => {
    const a = await analyse(ENUMS);
    for (const [name, want] of Object.entries(VARIANTS)) {
      const line = /^Variants \([^)]*\): (.*)$/m.exec(hover(a, `pub enum ${name} `, name))?.[1];
      assert.equal(line, want, name);
    }
    if (HAVE_RUSTC) {
      // rustc's variant size (the end of its last field, the discriminant left out) plus the discriminant.
      const src = `${ENUMS}pub fn f(_: Pair, _: Tail, _: One, _: ReprC, _: Niche, _: Lone, _: Big, _: Aligned) {}\n`;
      const { pts, code, stderr } = await printTypeSizes(src, ['--emit=obj', '-C', 'opt-level=0']);
      assert.equal(code, 0, stderr);
      for (const [name, want] of Object.entries(VARIANTS)) {
        const p = pts.get(name)!;
        for (const cell of want.split(' · ')) {
          const [v, n] = cell.split(' ');
          const pv = p.variants.find((x) => x.name === v);
          if (n === 'absent') assert.equal(pv, undefined, `${name}::${v} is absent: rustc lists no layout of it`);
          else assert.equal(Number(n), pv!.size + (p.discriminant ?? 0), `${name}::${v}`);
        }
      }
    }
  });

  it("an enum laid out as its one present variant calls the others absent, and the large-variant diagnostic leaves them out (claims hunt: `Blue(Void)` showed 0 bytes and counted as the next largest)", async () => {
    const a = await analyse(ENUMS);
    const lone = a.types.find((t) => t.report.name === 'Lone')!.report;
    assert.deepEqual(lone.variants?.map((v) => [v.name, v.absent ?? false]), [['Num', false], ['Blue', true]]);
    const found = findings(a, { severity: 'information', reprCPadding: true, largeType: false, largeTypeThreshold: 64, largeEnumVariant: true, largeEnumVariantThreshold: 200, cacheLineStraddle: false });
    assert.deepEqual(found.filter((f) => f.code === 'largeEnumVariant').map((f) => f.message), []);
    if (HAVE_RUSTC) {
      const r = await rustcLayouts(ENUMS, ['Lone', 'Big']);
      // One layout (`Single`), no tag: every other variant is absent.
      for (const n of ['Lone', 'Big']) assert.ok(r.get(n)!.variants === undefined && r.get(n)!.single === 0, n);
    }
  });

  for (const seed of ['claims-unit-a', 'claims-unit-b']) {
    it(`seed ${seed}: every number of the hovers, lenses, diagnostics, pins and the reorder fix agrees with rustc`, async function () {
      if (!HAVE_RUSTC) this.skip();
      const r = await checkCorpus(analyzer, seed, 75);
      const wrong = r.claims.filter((c) => c.verdict === 'wrong');
      // The probe file (the corpus with rustc's probes) is kept for reducing a wrong number.
      const kept = path.join(tmpdir(), `claims-${seed}.rs`);
      if (wrong.length) writeFileSync(kept, r.source);
      assert.deepEqual(
        wrong.map((c) => `[${c.surface}] ${c.subject}: ${c.what} shown ${c.shown}, rustc ${c.expected}`),
        [],
        `the probe file: ${kept}`,
      );
      assert.deepEqual(r.probeErrors, []);
      // The hunt reads every surface: a parser of a surface's text that stopped matching would check nothing.
      const ok = new Set(r.claims.filter((c) => c.verdict === 'ok').map((c) => `${c.surface} · ${c.what}`));
      for (const k of [
        'type hover · size', 'type hover · align', 'type hover · padding', 'type hover · table offset', 'type hover · table size', 'type hover · tag',
        'type hover · variant size', 'type hover · niche', 'field hover · offset', 'field hover · size', 'field hover · align', 'field hover · padding after',
        'written hover · size', 'written hover · align', 'written hover · niche count', 'box note · heap block size', 'lens · size', 'pin · size',
        'diagnostic · large type size', 'diagnostic · large variant', 'instances · size', 'reorder · bytes saved', 'inlay hint · offset', 'inlay hint · padding after',
      ]) assert.ok(ok.has(k), `no claim checked: ${k}`);
      assert.ok(r.claims.filter((c) => c.verdict === 'ok').length > 2000, `${r.claims.length} claims`);
    });
  }
});
