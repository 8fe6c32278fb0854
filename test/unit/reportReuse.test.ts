/**
 * Reports carried over between versions (src/features/documentModel.ts) must equal reports
 * computed from scratch, for every edit: a differential test over seeded one-character edits,
 * half of them in comments (carried over), half anywhere (often recomputed).
 */
import assert from 'node:assert/strict';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { buildDocumentAnalysis, layoutSignature, sameLayoutModel, type DocumentAnalysis } from '../../src/features/documentModel';
import { generateRustFile } from '../bench/editor';
import { wasmDir } from './parseHelpers';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('report carry-over between document versions', function () {
  this.timeout(120_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('equals a fresh computation after every one-character edit', async () => {
    const rand = prng(Number(process.env.RLL_SEED ?? 7));
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
