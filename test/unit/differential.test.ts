/**
 * Differential tests: the engine's layouts against rustc's.
 *
 *  (a) committed fixtures (test/fixtures/oracle, produced by make-fixtures from rustc): fast, no rustc;
 *  (b) live: a fresh random corpus from RLL_SEED (default: today's date), compiled by the installed
 *      rustc, compared type by type. RLL_DIFF_COUNT (default 600) std types on x86_64 and
 *      RLL_DIFF_NOCORE_COUNT (default 150) no_core types on each cross target.
 *
 * Bar: 0 wrong, ≥ 99.9% exact; the rest abstains with a reason. Types rustc rejects must carry its
 * error code. A failing corpus is written to the temp directory with its seed, for reproduction.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { compareReport, compareRejected, tooBigCases, exactRate, formatSummary, mergeSummaries, summarize, type EngineReport, type Summary } from '../oracle/compare';
import { generate, generateRejected } from '../oracle/generator';
import { listTargets } from '../../src/core/targets';
import { NOCORE_FIXTURE, NOCORE_TARGETS, STD_FIXTURES } from '../oracle/make-fixtures';
import { CROSS_TARGETS, HOST, probeNoCore, probeRejected, probeStd, renderRejected, rustcAvailable, rustcVersion, type OracleRejected, type OracleType } from '../oracle/rustc';

const ROOT = join(__dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/oracle');
const MIN_EXACT = 0.999;

function assertGood(s: Summary, reproduce: string): void {
  const text = formatSummary(s);
  console.log(text.replace(/^/gm, '      '));
  assert.equal(s.counts.wrong, 0, `${s.counts.wrong} wrong layouts (${reproduce})\n${text}`);
  assert.ok(exactRate(s) >= MIN_EXACT, `exact ${(100 * exactRate(s)).toFixed(2)}% < ${100 * MIN_EXACT}% (${reproduce})\n${text}`);
  assert.equal(s.counts['error-mismatch'], 0, `rejected types not reported as rustc's error (${reproduce})\n${text}`);
}

async function rejectedSummary(analyzer: Analyzer, title: string, cases: readonly { file: string; text: string; expected: OracleRejected }[]): Promise<Summary> {
  const verdicts = [];
  for (const c of cases) {
    const report = await analyzer.analyzeText(c.file, c.text, HOST);
    verdicts.push(compareRejected(c.expected, report.types.find((t) => t.name === c.expected.name)));
  }
  return summarize(title, verdicts);
}

describe('differential: committed rustc fixtures', function () {
  this.timeout(120_000);
  let analyzer: Analyzer;
  before(() => {
    analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
  });
  after(() => analyzer.dispose());

  for (const { seed } of STD_FIXTURES) {
    const stem = `x86_64-seed${seed}`;
    it(`${stem}: engine matches rustc`, async () => {
      const text = readFileSync(join(FIX, `${stem}.rs`), 'utf8');
      const exp = JSON.parse(readFileSync(join(FIX, `${stem}.expected.json`), 'utf8')) as { target: string; types: OracleType[] };
      const report = await analyzer.analyzeText(`${stem}.rs`, text, exp.target);
      assertGood(compareReport(stem, report, exp.types), `test/fixtures/oracle/${stem}.rs`);
    });
  }

  for (const target of NOCORE_TARGETS) {
    it(`nocore-seed1 on ${target}: engine matches rustc`, async () => {
      const text = readFileSync(join(FIX, 'nocore-seed1.rs'), 'utf8');
      const exp = JSON.parse(readFileSync(join(FIX, `nocore-seed1.${target}.expected.json`), 'utf8')) as { types: OracleType[]; tooBig?: string[] };
      assert.equal(exp.types.length + (exp.tooBig?.length ?? 0), NOCORE_FIXTURE.count);
      const report = await analyzer.analyzeText('nocore-seed1.rs', text, target);
      assertGood(compareReport(`nocore-seed1 ${target}`, report, exp.types, tooBigCases(exp.tooBig ?? [])), `test/fixtures/oracle/nocore-seed1.rs --target ${target}`);
    });
  }

  it('rejected types carry rustc’s error code', async () => {
    const exp = JSON.parse(readFileSync(join(FIX, 'rejected.expected.json'), 'utf8')) as { cases: (OracleRejected & { file: string })[] };
    const cases = exp.cases.map((c) => ({ file: c.file, text: readFileSync(join(FIX, c.file), 'utf8'), expected: c }));
    assertGood(await rejectedSummary(analyzer, 'rejected', cases), 'test/fixtures/oracle/rejected');
  });
});

describe('differential: live against the installed rustc', function () {
  this.timeout(600_000);
  const seed = process.env.RLL_SEED ?? new Date().toISOString().slice(0, 10);
  const count = Number(process.env.RLL_DIFF_COUNT ?? 600);
  const nocoreCount = Number(process.env.RLL_DIFF_NOCORE_COUNT ?? 150);
  const BATCH = 500;
  let analyzer: Analyzer;

  before(function () {
    if (!rustcAvailable()) {
      console.log('      rustc not on PATH: live differential test skipped');
      this.skip();
    }
    console.log(`      ${rustcVersion()}; RLL_SEED=${seed} RLL_DIFF_COUNT=${count} RLL_DIFF_NOCORE_COUNT=${nocoreCount}`);
    analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
  });
  after(() => analyzer?.dispose());

  it(`x86_64 with std: random types from seed ${seed}`, async () => {
    const parts: Summary[] = [];
    const timing = { compileMs: 0, runMs: 0 };
    let engineMs = 0;
    for (let done = 0, batch = 0; done < count; batch++) {
      const n = Math.min(BATCH, count - done);
      let bseed = `${seed}/${batch}`;
      let corpus = generate({ seed: bseed, count: n, mode: 'std' });
      let oracle;
      try {
        oracle = await probeStd(corpus, timing);
      } catch (e) {
        // A generator bug (rustc rejects the generated program itself, e.g. a generic union whose
        // parameter is not Copy) says nothing about the engine: say so, and draw the batch again.
        console.log(`      generator produced a program rustc rejects (seed ${bseed}); redrawing: ${String(e).split('\n')[0]}`);
        bseed = `${seed}/${batch}/redraw`;
        corpus = generate({ seed: bseed, count: n, mode: 'std' });
        oracle = await probeStd(corpus, timing);
      }
      const t0 = Date.now();
      const report: EngineReport = await analyzer.analyzeText(`live-${batch}.rs`, oracle.source, HOST);
      engineMs += Date.now() - t0;
      const s = compareReport(`seed ${bseed}`, report, oracle.types);
      if (s.counts.wrong || s.counts.missing || exactRate(s) < MIN_EXACT) {
        const file = join(tmpdir(), `rll-diff-${bseed.replace(/[^\w.-]/g, '_')}.rs`);
        writeFileSync(file, oracle.source);
        console.log(`      corpus kept: ${file} (RLL_SEED=${seed}, batch ${batch})`);
      }
      parts.push(s);
      done += n;
    }
    console.log(`      rustc ${timing.compileMs} ms compile + ${timing.runMs} ms run for ${count} types (${Math.round((1000 * count) / Math.max(1, timing.compileMs + timing.runMs))} types/s); engine ${engineMs} ms`);
    assertGood(mergeSummaries(`live x86_64 seed ${seed}`, parts), `RLL_SEED=${seed}`);
  });

  for (const target of CROSS_TARGETS) {
    it(`${target} (no_core): random types from seed ${seed}`, async () => {
      const corpus = generate({ seed: `${seed}/nocore`, count: nocoreCount, mode: 'nocore' });
      const oracle = await probeNoCore(corpus, target);
      const report = await analyzer.analyzeText('live-nocore.rs', oracle.source, target);
      const s = compareReport(`live ${target} seed ${seed}`, report, oracle.types, tooBigCases(oracle.tooBig));
      if (s.counts.wrong || exactRate(s) < MIN_EXACT) {
        const file = join(tmpdir(), `rll-diff-nocore-${seed.replace(/[^\w.-]/g, '_')}.rs`);
        writeFileSync(file, oracle.source);
        console.log(`      corpus kept: ${file}`);
      }
      assertGood(s, `RLL_SEED=${seed} --target ${target}`);
    });
  }

  it(`every other built-in target rustc can emit here (no_core): random types from seed ${seed}`, async () => {
    // Smaller corpus, every target of the table: a data-layout string parsed wrong anywhere shows.
    const corpus = generate({ seed: `${seed}/alltargets`, count: Number(process.env.RLL_DIFF_ALL_TARGETS_COUNT ?? 40), mode: 'nocore' });
    const parts: Summary[] = [];
    const notEmitted: string[] = [];
    for (const target of listTargets()) {
      if (target === HOST || (CROSS_TARGETS as readonly string[]).includes(target)) continue;
      let oracle;
      try {
        oracle = await probeNoCore(corpus, target);
      } catch (e) {
        // This rustc's LLVM lacks the backend (xtensa) or the target needs a CPU named (amdgcn).
        const msg = String(e);
        if (/differs from LLVM target's|requires explicitly specifying a cpu|could not create LLVM TargetMachine|No available targets/.test(msg)) {
          notEmitted.push(target);
          continue;
        }
        throw e;
      }
      const report = await analyzer.analyzeText('live-all.rs', oracle.source, target);
      parts.push(compareReport(target, report, oracle.types, tooBigCases(oracle.tooBig)));
    }
    console.log(`      ${parts.length} targets compared; not emitted by this rustc: ${notEmitted.join(', ') || 'none'}`);
    assert.ok(parts.length >= 250, `only ${parts.length} targets compared`);
    assertGood(mergeSummaries(`live all targets seed ${seed}`, parts), `RLL_SEED=${seed}, every target`);
  });

  it(`rejected types from seed ${seed}`, async () => {
    const cases = generateRejected(`${seed}/rejected`, 30);
    const expected = await probeRejected(cases);
    assertGood(await rejectedSummary(analyzer, `live rejected seed ${seed}`, cases.map((c, i) => ({ file: `${c.id}.rs`, text: renderRejected(c), expected: expected[i] }))), `RLL_SEED=${seed}`);
  });
});
