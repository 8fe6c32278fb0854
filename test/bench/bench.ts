/**
 * `npm run bench`: speed and memory figures, printed (never asserted in tests: machines are noisy).
 *  1. raw tree-sitter parse of a multi-megabyte corpus vs parse + extract + resolve + layout of the
 *     same files, in the same run, and their ratio (target ≤ 1.3);
 *  2. re-analysis of one file after a one-character edit;
 *  3. WASM heap and JS heap before/after.
 * The corpus is generated (test/oracle/generator.ts, several seeds) plus the committed fixtures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { generate } from '../oracle/generator';

const ROOT = path.join(__dirname, '..');
const TARGET_BYTES = Number(process.env.RLL_BENCH_BYTES ?? 3_000_000);

function corpus(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  let bytes = 0;
  for (let seed = 1; bytes < TARGET_BYTES; seed++) {
    const c = generate({ seed: `bench${seed}`, mode: 'std', count: 400 });
    const text = `${c.header}\n${c.defs}`;
    files.push({ name: `gen${seed}.rs`, text });
    bytes += text.length;
  }
  return files;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main(): Promise<void> {
  const analyzer = new Analyzer({ wasmDir: path.join(ROOT, 'dist') });
  const parser = await analyzer.parser();
  const files = corpus();
  const total = files.reduce((s, f) => s + f.text.length, 0);
  console.log(`corpus: ${files.length} files, ${(total / 1e6).toFixed(2)} MB of Rust`);
  // Warm up both paths once.
  parser.parse(files[0]!.text).delete();
  await analyzer.analyze(singleFileProgram(analyzer.parseWith(parser, 'w.rs', files[0]!.text), files[0]!.text));

  const rounds = 3;
  let raw = Infinity;
  let full = Infinity;
  let types = 0;
  for (let r = 0; r < rounds; r++) {
    let t0 = process.hrtime.bigint();
    for (const f of files) parser.parse(f.text).delete();
    raw = Math.min(raw, ms(t0));
    t0 = process.hrtime.bigint();
    types = 0;
    for (const f of files) {
      const sf = analyzer.parseWith(parser, f.name, f.text);
      const a = await analyzer.analyze(singleFileProgram(sf, f.text));
      types += a.reports().length;
    }
    full = Math.min(full, ms(t0));
  }
  console.log(`raw tree-sitter parse:            ${raw.toFixed(0)} ms (${(total / 1e6 / (raw / 1000)).toFixed(1)} MB/s)`);
  console.log(`parse + extract + resolve + layout: ${full.toFixed(0)} ms for ${types} types`);
  console.log(`ratio: ${(full / raw).toFixed(2)} (target <= 1.30)`);

  // One-character edit in a large file: full re-analysis of that file.
  const big = files.reduce((a, b) => (a.text.length > b.text.length ? a : b));
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const at = Math.floor(big.text.length / 2);
    const text = big.text.slice(0, at) + (i % 2 ? ' ' : '\n') + big.text.slice(at);
    const t0 = process.hrtime.bigint();
    const sf = analyzer.parseWith(parser, big.name, text);
    (await analyzer.analyze(singleFileProgram(sf, text))).reports();
    times.push(ms(t0));
  }
  console.log(`re-analysis of a ${(big.text.length / 1024).toFixed(0)} KB file after a 1-char edit: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 1e6).toFixed(0)} MB, JS heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, external+wasm ${(mem.external / 1e6).toFixed(0)} MB`);
  for (const extra of ['./editor']) {
    const p = path.join(ROOT, 'out/test/bench', extra + '.js');
    if (fs.existsSync(p)) await (require(p) as { run(): Promise<void> }).run();
  }
  analyzer.dispose();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
