/**
 * Reports carried over between versions (src/features/documentModel.ts) must equal reports
 * computed from scratch, for every edit: a differential test over seeded one-character edits,
 * half of them in comments (carried over), half anywhere (often recomputed).
 */
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { buildDocumentAnalysis, layoutSignature, sameLayoutModel, type DocumentAnalysis } from '../../src/features/documentModel';
import { generateRustFile } from '../bench/editor';
import { DocumentTrees } from '../../src/parse/documents';
import type { SourceFile } from '../../src/core/model';
import { editSession, rng, wasmDir, type TextEdit } from './parseHelpers';


describe('report carry-over between document versions', function () {
  this.timeout(120_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('equals a fresh computation after every one-character edit', async () => {
    const rand = rng(Number(process.env.RLL_SEED ?? 7));
    let text = generateRustFile(12 * 1024);
    const path = '/virtual/lib.rs';
    const build = async (t: string, prev?: DocumentAnalysis) => {
      const sf = await analyzer.parseFile(path, t);
      const a = await analyzer.analyze(singleFileProgram(sf, t));
      return buildDocumentAnalysis(a, sf, { uri: path, version: 0, path, text: t }, prev?.carryOver());
    };
    let prev = await build(text);
    void prev.report;
    let reused = 0;
    let recomputed = 0;
    const alphabet = 'abu8 6:,;{}<>()[]/\n';
    for (let i = 0; i < 150; i++) {
      let at: number;
      if (i % 2 === 0) {
        const notes = [...text.matchAll(/\/\/ note|\/\/\/ Field/g)];
        at = notes[Math.floor(rand() * notes.length)]!.index + 4;
      } else at = Math.floor(rand() * text.length);
      const op = rand();
      const ch = alphabet[Math.floor(rand() * alphabet.length)]!;
      text = op < 0.4 ? text.slice(0, at) + ch + text.slice(at) : op < 0.7 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + ch + text.slice(at + 1);
      const next = await build(text, prev);
      const fresh = await build(text);
      assert.deepEqual(next.report, fresh.report, `edit ${i} at ${at}`);
      assert.equal(sameLayoutModel(prev.file, next.file), layoutSignature(prev.file) === layoutSignature(next.file), `edit ${i}`);
      if (next.reused) reused++;
      else recomputed++;
      prev = next;
    }
    assert.ok(reused > 20, `only ${reused} versions carried reports over`);
    assert.ok(recomputed > 10, `only ${recomputed} versions recomputed`);
  });
});

describe('report carry-over with incremental models (item-level reuse)', function () {
  this.timeout(120_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('equals a fresh computation after every edit, carrying over what no change reaches', async () => {
    const rand = rng(Number(process.env.RLL_SEED ?? 11));
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
    // Dependency chains (T5 → T1 …, enums → structs), plus constants and aliases they go through.
    let text =
      generateRustFile(16 * 1024) +
      '\nconst N0: usize = 4;\nconst N1: usize = N0 * 2;\npub struct Arr { a: [u8; N1], b: T2 }\n' +
      'type Al = T6;\npub struct UsesAl { x: Al, y: Option<Arr> }\npub enum Deep { A(UsesAl), B(E3) }\n';
    const parser = await analyzer.parser();
    const trees = new DocumentTrees(parser);
    const uri = '/virtual/inc.rs';
    let version = 1;
    const doc = () => ({ uri, version, getText: () => text });
    const analyse = async (sf: SourceFile, prev?: DocumentAnalysis) =>
      buildDocumentAnalysis(await analyzer.analyze(singleFileProgram(sf, text)), sf, { uri, version, path: uri, text }, prev?.carryOver());
    let prev = await analyse(trees.get(doc()).file());
    void prev.report;
    const edits: (() => TextEdit | undefined)[] = [
      () => {
        const m = pick([...text.matchAll(/: (u16|u32|u8|u64)\b/g)]);
        return m && [m.index + 2, m.index + m[0].length, pick(['u8', 'u16', 'u32', 'u64', 'char'])!];
      },
      () => {
        const m = pick([...text.matchAll(/(Field|Struct|Enum) (\d+)/g)]);
        return m && [m.index + m[0].length - 1, m.index + m[0].length, String(Math.floor(rand() * 10))];
      },
      () => {
        const m = pick([...text.matchAll(/const N0: usize = (\d+)/g)]);
        return m && [m.index + m[0].length - m[1]!.length, m.index + m[0].length, String(Math.floor(rand() * 9))];
      },
      () => {
        const m = pick([...text.matchAll(/type Al = T(\d+)/g)]);
        return m && [m.index + 10, m.index + m[0].length, `T${pick([1, 2, 5, 6, 9, 10, 13, 14])}`];
      },
      () => {
        const m = pick([...text.matchAll(/^pub struct /gm)]);
        return m && [m.index, m.index, pick(['#[repr(C)]\n', '/// doc\n', '// c\n', '\n'])!];
      },
      () => {
        const m = pick([...text.matchAll(/ {4}\/\/\/ Field \d\.\n {4}pub f\d: [^\n]*\n/g)]);
        return m && [m.index, m.index + m[0].length, ''];
      },
      () => {
        const m = pick([...text.matchAll(/pub (struct|enum) (T|E)\d+/g)]);
        return m && [m.index + m[0].length, m.index + m[0].length, 'x'];
      },
      () => {
        const at = Math.floor(rand() * text.length);
        return [at, at, pick(['{', '}', ';', 'x', '/*', ','])!];
      },
    ];
    let carried = 0;
    let fieldEditsCarried = 0;
    let known = 0;
    for (const { step, kind: k, edit: e } of editSession(rand, edits, [6, 4, 2, 2, 2, 2, 1, 1], 160, () => text)) {
      const c = { rangeOffset: e[0], rangeLength: e[1] - e[0], text: e[2] };
      text = text.slice(0, e[0]) + e[2] + text.slice(e[1]);
      version++;
      const next = await analyse(trees.update(doc(), [c]).file(), prev);
      const fresh = await analyse(await analyzer.parseFile(uri, text));
      assert.deepEqual(next.report, fresh.report, `step ${step}, edit kind ${k}`);
      if (k === 2) known += next.report.types.filter((t) => ['Arr', 'UsesAl', 'Deep', 'Top'].includes(t.name) && t.size !== null).length;
      if (next.reused) {
        carried++;
        if (k === 0) fieldEditsCarried++;
      }
      prev = next;
    }
    assert.ok(carried >= 80, `only ${carried} versions carried reports over`);
    assert.ok(known >= 20, `the types behind constants and aliases were computed only ${known} times after a constant's edit`);
    assert.ok(fieldEditsCarried >= 20, `only ${fieldEditsCarried} field type edits carried reports over`);
    trees.dispose();
  });
});

describe('document versions in memory', function () {
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('keeps only the current version alive: models, reports and texts do not accumulate', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    let text = generateRustFile(100 * 1024);
    const parser = await analyzer.parser();
    const trees = new DocumentTrees(parser);
    const uri = '/virtual/mem.rs';
    let version = 1;
    const doc = () => ({ uri, version, getText: () => text });
    const analyse = async (sf: SourceFile, prev?: DocumentAnalysis) =>
      buildDocumentAnalysis(await analyzer.analyze(singleFileProgram(sf, text)), sf, { uri, version, path: uri, text }, prev?.carryOver());
    let prev = await analyse(trees.get(doc()).file());
    void prev.report;
    // Keystrokes in doc comments and field types, alternately (re-extracted items, recomputed reports).
    const docSites = [...text.matchAll(/Field (\d)\./g)].map((m) => m.index + 6);
    const typeSites = [...text.matchAll(/: u(16|32), \/\/ note/g)].map((m) => m.index + 3);
    const keystroke = async (i: number) => {
      const [at, len, insert] =
        i % 2 === 0
          ? [docSites[(i * 7) % docSites.length]!, 1, String((Number(text[docSites[(i * 7) % docSites.length]!]) + 1) % 10)]
          : [typeSites[(i * 11) % typeSites.length]!, 2, text.slice(typeSites[(i * 11) % typeSites.length]!, typeSites[(i * 11) % typeSites.length]! + 2) === '16' ? '32' : '16'];
      text = text.slice(0, at) + insert + text.slice(at + len);
      version++;
      const next = await analyse(trees.update(doc(), [{ rangeOffset: at, rangeLength: len, text: insert }]).file(), prev);
      void next.report;
      prev = next;
    };
    for (let i = 0; i < 20; i++) await keystroke(i); // warm caches
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 20; i < 140; i++) await keystroke(i);
    // Measured in the same job as the edits, without yielding: nothing may rely on the job ending.
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    assert.equal(trees.stats.extractIncremental, 140, 'every model was derived from the one before');
    assert.ok(prev.reused && prev.report.types.length > 100);
    // One copy of a 100 KB text is 100-200 KB; chained versions or pinned texts grow by that per edit.
    assert.ok(grown < 4 * 1024 * 1024, `the heap grew by ${(grown / 1048576).toFixed(1)} MB over 120 edits`);
    trees.dispose();
  });
});
