/**
 * A long differential run against the installed rustc, batch by batch, for hunting wrong numbers:
 *
 *   node scripts/build.mjs --only=unit && node out/test/oracle/hunt.js SEED COUNT [std|nocore|rejected] [OUTDIR] [TARGET]
 *
 * Prints every wrong type with what differed and keeps each batch that had one (OUTDIR, default
 * the temp directory); ends with the merged summary (abstain reasons by frequency).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { compareRejected, compareReport, exactRate, formatSummary, mergeSummaries, summarize, tooBigCases, type Summary } from './compare';
import { generate, generateRejected, type Mode } from './generator';
import { HOST, probeNoCore, probeRejected, probeStd, renderRejected } from './rustc';

async function main(): Promise<void> {
  const [seed = 'hunt', countArg = '2000', modeArg = 'std', outDir = tmpdir(), target = HOST] = process.argv.slice(2);
  const count = Number(countArg);
  if (modeArg === 'rejected') {
    // Types rustc rejects: the engine must give rustc's error code.
    const analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
    try {
      const cases = generateRejected(seed, count);
      const expected = await probeRejected(cases);
      const verdicts = [];
      for (let i = 0; i < cases.length; i++) {
        const report = await analyzer.analyzeText(`${cases[i]!.id}.rs`, renderRejected(cases[i]!), HOST);
        verdicts.push(compareRejected(expected[i]!, report.types.find((t) => t.name === expected[i]!.name)));
        if (verdicts[i]!.verdict !== 'error-match') console.log(`MISMATCH ${cases[i]!.id}: ${verdicts[i]!.details.join('; ')}\n${cases[i]!.defs}`);
      }
      console.log(formatSummary(summarize(`rejected ${seed}`, verdicts), 60));
    } finally {
      analyzer.dispose();
    }
    return;
  }
  const mode = modeArg as Mode;
  const BATCH = mode === 'std' ? 500 : 300;
  const analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
  const parts: Summary[] = [];
  try {
    for (let done = 0, batch = 0; done < count; batch++) {
      const n = Math.min(BATCH, count - done);
      const bseed = `${seed}/${batch}`;
      const corpus = generate({ seed: bseed, count: n, mode });
      let s: Summary;
      let source: string;
      try {
        if (mode === 'std') {
          const oracle = await probeStd(corpus);
          source = oracle.source;
          s = compareReport(bseed, await analyzer.analyzeText(`hunt-${batch}.rs`, source, HOST), oracle.types);
        } else {
          const oracle = await probeNoCore(corpus, target);
          source = oracle.source;
          s = compareReport(bseed, await analyzer.analyzeText(`hunt-${batch}.rs`, source, target), oracle.types, tooBigCases(oracle.tooBig));
        }
      } catch (e) {
        console.log(`batch ${bseed}: rustc rejected the corpus: ${String(e).split('\n').slice(0, 4).join(' | ')}`);
        done += n;
        continue;
      }
      const bad = s.verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'missing' || v.verdict === 'error-mismatch');
      if (bad.length) {
        const file = join(outDir, `hunt-${bseed.replace(/[^\w.-]/g, '_')}.rs`);
        writeFileSync(file, source);
        for (const v of bad) console.log(`WRONG ${bseed} ${v.name}: ${v.details.join('; ')}   [${file}]`);
      }
      console.log(`batch ${bseed}: ${s.total} types, exact ${(100 * exactRate(s)).toFixed(2)}%, wrong ${s.counts.wrong}, abstained ${s.counts.abstained}`);
      parts.push(s);
      done += n;
    }
  } finally {
    analyzer.dispose();
  }
  console.log(formatSummary(mergeSummaries(`hunt ${seed} ${mode} ${target}`, parts), 60));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
