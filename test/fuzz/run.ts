/**
 * Runs ranges of fuzz inputs (test/fuzz/mutator.ts) through the whole pipeline — parse,
 * extract, resolve, layout, reports — on every target in turn, and collects exceptions, insane
 * reports and, on request, each input's time. Used by test/unit/fuzz.test.ts and
 * test/bench/fuzz.ts, in this thread or in worker threads (`runFuzzInWorkers`).
 *
 * Loaded as a worker (this bundle, out/test/fuzz/run.js, with `workerData.fuzzWorker`), it
 * answers each `{ from, to }` message with the FuzzResult of that range.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import type { TypeReport } from '../../src/core/reportTypes';
import { FEATURED_TARGETS } from '../../src/core/targets';
import { type Corpus, type FuzzOptions, fuzzInput, loadCorpus } from './mutator';

export interface FuzzSetup extends FuzzOptions {
  readonly repoRoot: string;
  /** Record each input's wall time (ms). */
  readonly timing?: boolean;
}

export interface FuzzProblem {
  readonly index: number;
  readonly target: string;
  readonly message: string;
  /** The input (cut to 2,000 characters). */
  readonly text: string;
}

export interface FuzzResult {
  readonly from: number;
  readonly count: number;
  /** Inputs that threw (the first MAX_PROBLEMS are kept in `exceptions`). */
  readonly exceptionCount: number;
  readonly exceptions: FuzzProblem[];
  /** Inputs with a report that is neither a consistent layout nor an `unknown`/`error` entry. */
  readonly insaneCount: number;
  readonly insane: FuzzProblem[];
  readonly reports: number;
  readonly laidOut: number;
  readonly unknown: number;
  readonly errors: number;
  /** Inputs tree-sitter gave up on (over the parse budget): no reports, the reason as the file's problem. */
  readonly abandoned: number;
  /** Per-input wall time in ms (parse through reports), by index - from; only with `timing`. */
  readonly times?: Float64Array;
  /** Per-input time of parse + extract alone; only with `timing`. */
  readonly parseTimes?: Float64Array;
  /** Per-input length in characters; only with `timing`. */
  readonly sizes?: Uint32Array;
}

const MAX_PROBLEMS = 20;

/** Why a report is not sane, or undefined. */
export function checkReport(t: TypeReport): string | undefined {
  if (t.size === null) {
    if (typeof t.unknown === 'string' && t.unknown) return undefined;
    if (typeof t.error === 'string' && t.error) return undefined;
    return 'size is null with neither `unknown` nor `error`';
  }
  if (t.error) return `has a size and an error (${t.error})`;
  const { size, align } = t;
  if (!Number.isSafeInteger(size) || size < 0) return `size ${size}`;
  if (align === undefined || !Number.isSafeInteger(align) || align < 1 || align > 2 ** 29 || (align & (align - 1)) !== 0) return `align ${align}`;
  if (size % align !== 0) return `size ${size} is not a multiple of align ${align}`;
  const fieldsOk = (fields: TypeReport['fields'], where: string): string | undefined => {
    for (const f of fields ?? []) {
      if (!Number.isSafeInteger(f.offset) || !Number.isSafeInteger(f.size) || f.offset < 0 || f.size < 0) return `${where}.${f.name}: offset ${f.offset}, size ${f.size}`;
      if (!Number.isSafeInteger(f.paddingAfter) || f.paddingAfter < 0) return `${where}.${f.name}: padding after ${f.paddingAfter}`;
      if (f.offset + f.size > size) return `${where}.${f.name} at ${f.offset}+${f.size} is outside the ${size} bytes`;
    }
    return undefined;
  };
  const bad = fieldsOk(t.fields, t.name);
  if (bad) return bad;
  for (const v of t.variants ?? []) {
    const badV = fieldsOk(v.fields, `${t.name}::${v.name}`);
    if (badV) return badV;
    if (v.size > size) return `variant ${v.name} (${v.size} bytes) is larger than the enum (${size})`;
  }
  return undefined;
}

/** A fuzzer bound to one analyser (the parser and every target's std model loaded once). */
export class Fuzzer {
  private constructor(
    private readonly setup: FuzzSetup,
    private readonly corpus: Corpus,
    private readonly analyzer: Analyzer,
    private readonly parser: Awaited<ReturnType<Analyzer['parser']>>,
  ) {}

  static async create(setup: FuzzSetup): Promise<Fuzzer> {
    const analyzer = new Analyzer({ wasmDir: path.join(setup.repoRoot, 'dist') });
    const parser = await analyzer.parser();
    // Build every target's std model before any input is timed.
    const warm = 'struct W(u8, Option<Box<W>>);';
    for (const t of FEATURED_TARGETS) (await analyzer.analyze(singleFileProgram(analyzer.parseWith(parser, 'w.rs', warm), warm), t)).reports();
    return new Fuzzer(setup, loadCorpus(setup.repoRoot), analyzer, parser);
  }

  /** The i-th input and the target it runs on. */
  input(i: number): { text: string; target: string } {
    const targets = FEATURED_TARGETS;
    return { text: fuzzInput(this.corpus, i, this.setup), target: targets[i % targets.length]! };
  }

  /** Runs inputs [from, to). */
  async run(from: number, to: number): Promise<FuzzResult> {
    const timing = this.setup.timing;
    const n = Math.max(0, to - from);
    const times = timing ? new Float64Array(n) : undefined;
    const parseTimes = timing ? new Float64Array(n) : undefined;
    const sizes = timing ? new Uint32Array(n) : undefined;
    const exceptions: FuzzProblem[] = [];
    const insane: FuzzProblem[] = [];
    let exceptionCount = 0;
    let insaneCount = 0;
    let reports = 0;
    let laidOut = 0;
    let unknown = 0;
    let errors = 0;
    let abandoned = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const { text, target } = this.input(i);
      const problem = (message: string): FuzzProblem => ({ index: i, target, message, text: text.slice(0, 2000) });
      let out: readonly TypeReport[] | undefined;
      const t0 = performance.now();
      let t1 = t0;
      try {
        const file = this.analyzer.parseWith(this.parser, 'fuzz.rs', text);
        t1 = performance.now();
        if (file.problems.some((p) => p.code === 'parseAbandoned')) abandoned++;
        out = (await this.analyzer.analyze(singleFileProgram(file, text), target)).reports();
      } catch (e) {
        if (exceptionCount++ < MAX_PROBLEMS) exceptions.push(problem(e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 8).join('\n') : String(e)));
      }
      const t2 = performance.now();
      count++;
      if (times) {
        times[i - from] = t2 - t0;
        parseTimes![i - from] = t1 - t0;
        sizes![i - from] = text.length;
      }
      for (const t of out ?? []) {
        reports++;
        if (t.error) errors++;
        else if (t.size === null) unknown++;
        else laidOut++;
        const why = checkReport(t);
        if (why) {
          if (insaneCount++ < MAX_PROBLEMS) insane.push(problem(`${t.name}: ${why}`));
          break;
        }
      }
    }
    return { from, count, exceptionCount, exceptions, insaneCount, insane, reports, laidOut, unknown, errors, abandoned, times, parseTimes, sizes };
  }

  dispose(): void {
    this.analyzer.dispose();
  }
}

/** Sums results (problems in index order; the per-input arrays are dropped). */
export function mergeResults(results: readonly FuzzResult[]): Omit<FuzzResult, 'times' | 'parseTimes' | 'sizes'> {
  const sorted = [...results].sort((a, b) => a.from - b.from);
  const sum = (k: 'count' | 'exceptionCount' | 'insaneCount' | 'reports' | 'laidOut' | 'unknown' | 'errors' | 'abandoned') => sorted.reduce((s, r) => s + r[k], 0);
  return {
    from: sorted[0]?.from ?? 0,
    count: sum('count'),
    exceptionCount: sum('exceptionCount'),
    exceptions: sorted.flatMap((r) => r.exceptions).slice(0, MAX_PROBLEMS),
    insaneCount: sum('insaneCount'),
    insane: sorted.flatMap((r) => r.insane).slice(0, MAX_PROBLEMS),
    reports: sum('reports'),
    laidOut: sum('laidOut'),
    unknown: sum('unknown'),
    errors: sum('errors'),
    abandoned: sum('abandoned'),
  };
}

/**
 * Runs inputs [0, count) in `workers` worker threads (chunks handed out as workers free up), or
 * in this thread when `workers` is 1. Resolves to the chunks' results.
 */
export async function runFuzz(setup: FuzzSetup, count: number, workers = 1, chunk = 2000): Promise<FuzzResult[]> {
  const ranges: Array<[number, number]> = [];
  for (let from = 0; from < count; from += chunk) ranges.push([from, Math.min(count, from + chunk)]);
  if (workers <= 1) {
    const f = await Fuzzer.create(setup);
    try {
      const out: FuzzResult[] = [];
      for (const [from, to] of ranges) out.push(await f.run(from, to));
      return out;
    } finally {
      f.dispose();
    }
  }
  const script = path.join(setup.repoRoot, 'out/test/fuzz/run.js');
  const out: FuzzResult[] = [];
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, ranges.length) }, () => new Worker(script, { workerData: { fuzzWorker: setup } }));
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let busy = false;
            const give = () => {
              if (next >= ranges.length) return resolve();
              const [from, to] = ranges[next++]!;
              busy = true;
              w.postMessage({ from, to });
            };
            w.on('message', (m: FuzzResult | { fatal: string }) => {
              busy = false;
              if ('fatal' in m) return reject(new Error(`fuzz worker failed: ${m.fatal}`));
              out.push(m);
              give();
            });
            w.on('error', reject);
            w.on('exit', (code) => (busy ? reject(new Error(`fuzz worker exited with code ${code} in the middle of a chunk`)) : undefined));
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}

/** Worker threads to use by default: 2, fewer on a one-core machine. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
}

if (!isMainThread && parentPort && (workerData as { fuzzWorker?: FuzzSetup } | undefined)?.fuzzWorker) {
  const port = parentPort;
  const fuzzer = Fuzzer.create((workerData as { fuzzWorker: FuzzSetup }).fuzzWorker);
  port.on('message', (m: { from: number; to: number }) => {
    fuzzer
      .then((f) => f.run(m.from, m.to))
      .then(
        (r) => port.postMessage(r, r.times ? [r.times.buffer as ArrayBuffer, r.parseTimes!.buffer as ArrayBuffer, r.sizes!.buffer as ArrayBuffer] : []),
        (e: unknown) => port.postMessage({ fatal: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
  });
}
