/**
 * Robustness benchmark (issue 3), loaded by test/bench/bench.ts (out/test/bench/fuzz.js) or run
 * directly (`node out/test/bench/fuzz.js`); prints figures, asserts nothing.
 *
 * The same 100,000 inputs as test/unit/fuzz.test.ts (test/fuzz/mutator.ts), each timed from the
 * parse to the last report: exceptions, p50/p99/max per input and how many took over 100 ms
 * (target: none), then the time of each 10,000-deep nesting case.
 *   RLL_FUZZ_COUNT   inputs (default 100,000)
 *   RLL_FUZZ_WORKERS worker threads (default 1: the editor analyses on one thread, and a lone
 *                    thread gives the least disturbed per-input times)
 *   RLL_FUZZ_PENDING=1 also the fragments left out of the default mix (PENDING_FRAGMENTS)
 */
import * as path from 'node:path';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { FEATURED_TARGETS } from '../../src/core/targets';
import { mergeResults, runFuzz } from '../fuzz/run';

const ROOT = path.join(__dirname, '..', '..', '..');
const LIMIT_MS = 100;

function pct(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : 0;
}

/** The 10,000-deep cases of the unit test, for their times. */
function deepCases(): Array<[string, string]> {
  const n = 10_000;
  const deep = (open: string, inner: string, close: string) => open.repeat(n) + inner + close.repeat(n);
  return [
    ['Option<…> × 10,000', `struct D { a: ${deep('Option<', 'u8', '>')} }`],
    ['(…,) × 10,000', `struct D(${deep('(', 'u8', ',)')});`],
    ['Box<…> × 10,000', `struct D(${deep('Box<', 'u8', '>')});`],
    ['mod m { … } × 10,000', `${deep('pub mod m { ', 'pub struct S(u8);', ' }')}\nstruct D(${'m::'.repeat(n)}S);`],
    ['(1 + 1) × 10,000 in a const', `const N: usize = ${deep('(', '1', ' + 1)')};\nstruct D([u8; N]);`],
    ['10,000 chained re-exports', `${Array.from({ length: n }, (_, k) => `mod c${k} { pub use super::c${k + 1}::S; }`).join('\n')}\nmod c${n} { pub struct S(u16); }\nstruct D(c0::S);`],
    ['10,000 structs, each holding the next', Array.from({ length: n }, (_, k) => `struct S${k}(S${k + 1}, u8);`).join('\n') + `\nstruct S${n}(u16);`],
  ];
}

export async function runFuzzBench(opts: { count: number; workers: number; pending?: boolean }): Promise<void> {
  const { count, workers } = opts;
  const t0 = performance.now();
  const results = await runFuzz({ repoRoot: ROOT, timing: true, pending: opts.pending }, count, workers);
  const wall = (performance.now() - t0) / 1000;
  const r = mergeResults(results);
  const times = new Float64Array(count);
  const parse = new Float64Array(count);
  const sizes = new Uint32Array(count);
  for (const x of results) {
    times.set(x.times!, x.from);
    parse.set(x.parseTimes!, x.from);
    sizes.set(x.sizes!, x.from);
  }
  const order = [...times.keys()].sort((a, b) => times[b]! - times[a]!);
  const sorted = Float64Array.from(times).sort();
  const over = order.filter((i) => times[i]! > LIMIT_MS);
  const slow = order[0] ?? 0;
  console.log(`${r.count} inputs on ${workers} thread(s) in ${wall.toFixed(1)} s: ${r.exceptionCount} exceptions [target: 0], ${r.insaneCount} insane reports; ${r.reports} reports (${r.laidOut} laid out, ${r.unknown} unknown, ${r.errors} errors); ${r.abandoned} inputs given up by tree-sitter (over the parse budget)`);
  console.log(`  per input (parse → reports): p50 ${pct(sorted, 50).toFixed(2)} ms, p99 ${pct(sorted, 99).toFixed(2)} ms, max ${(times[slow] ?? 0).toFixed(1)} ms (input #${slow}, ${sizes[slow]} chars)`);
  console.log(`  over ${LIMIT_MS} ms: ${over.length}   [target: 0 over ${LIMIT_MS} ms]`);
  for (const i of order.slice(0, 5)) {
    console.log(`    #${i}: ${times[i]!.toFixed(1)} ms (parse + extract ${parse[i]!.toFixed(1)} ms), ${sizes[i]} chars`);
  }
  for (const p of [...r.exceptions, ...r.insane].slice(0, 5)) console.log(`  problem in input #${p.index} (${p.target}): ${p.message.split('\n')[0]}`);

  // The named 10,000-deep cases, each on x86_64 after a warm-up run.
  const analyzer = new Analyzer({ wasmDir: path.join(ROOT, 'dist') });
  const parser = await analyzer.parser();
  const target = FEATURED_TARGETS[0];
  const line: string[] = [];
  for (const [name, text] of deepCases()) {
    let best = Infinity;
    let outcome = '';
    for (let k = 0; k < 3; k++) {
      const s = performance.now();
      try {
        const reports = (await analyzer.analyze(singleFileProgram(analyzer.parseWith(parser, 'deep.rs', text), text), target)).reports();
        const d = reports.find((x) => x.name === 'D') ?? reports[0];
        outcome = d ? (d.size !== null ? `${d.size} B` : (d.error ?? d.unknown ?? '')).slice(0, 40) : 'no report';
      } catch (e) {
        outcome = `EXCEPTION ${e instanceof Error ? e.message : String(e)}`.slice(0, 60);
      }
      best = Math.min(best, performance.now() - s);
    }
    line.push(`    ${name}: ${best.toFixed(0)} ms (${(text.length / 1024).toFixed(0)} KB) → ${outcome}`);
  }
  analyzer.dispose();
  console.log(`  10,000-deep nesting (best of 3):\n${line.join('\n')}`);
}

/** Entry point used by test/bench/bench.ts (it loads out/test/bench/fuzz.js); also runnable directly. */
export async function run(): Promise<void> {
  console.log('\n── robustness fuzz (issue 3) ──');
  await runFuzzBench({
    count: Number(process.env.RLL_FUZZ_COUNT ?? 100_000),
    workers: Number(process.env.RLL_FUZZ_WORKERS ?? 1),
    pending: process.env.RLL_FUZZ_PENDING === '1',
  });
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
