/**
 * `npm run bench`: speed and memory figures, printed (never asserted in tests: machines are noisy).
 *  1. Headline, real code: the sources of ~30 popular crates (Debian's librust-*-dev packages,
 *     fetched by scripts/bench-corpus.mjs into ~/.cache/rust-layout-lens/bench-crates, never
 *     committed). Each crate is loaded as a crate directory, as the CLI does (`loadPath`: module
 *     tree, Cargo features, `use` resolution). In one run, best of 3 rounds: the raw tree-sitter
 *     parse of every file the crates load vs parse + extract + resolve + layout (a report for
 *     every type) of the same files, their ratio (target ≤ 1.3) and where the time goes.
 *     Without the corpus (no apt, offline) this says so and only the generated corpus runs.
 *  2. Stress: a generated corpus that is nothing but type definitions (test/oracle/generator.ts);
 *     not representative of real code, so not the headline.
 *  3. Re-analysis of one file after a one-character edit; WASM and JS heap.
 * `RLL_BENCH_CRATES=DIR...` (colon-separated) benches those crate directories instead of fetching;
 * `RLL_BENCH_BYTES` sizes the generated corpus; `RLL_BENCH_VERBOSE=1` prints the ratio per crate;
 * `RLL_BENCH_ONLY=real` stops after the headline (for `node --cpu-prof dist/bench.js`).
 *  1b. Front-ends (issue 14): every .rs file of the real corpus extracted from its tree by the
 *     fast text path with the tree path behind it (what runs) and by the tree path alone, best of
 *     3 rounds each: whether src/parse/fast.ts still pays for itself. `RLL_BENCH_ONLY=frontends`.
 *  4. Last, in a process of its own: the in-crate section (scripts/bench-in-crate.mjs, issues 13
 *     and 14), the extension in the real extension host of code-server on real crates, a
 *     generated 20 MB crate and an 83-crate dependency graph: cold open → first sized CodeLens,
 *     the longest extension-host block, keystroke → hover / CodeLens, field edit → hover, heap.
 *     About 10 minutes or more; `RLL_BENCH_ONLY=in-crate` runs it alone, `RLL_BENCH_IN_CRATE=0`
 *     leaves it out.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { loadPath } from '../../src/analysis/program';
import { hintedText, type ParseHints } from '../../src/analysis/project';
import type { ProjectFs } from '../../src/cargo/fs';
import { getTarget } from '../../src/core/targets';
import { NodeFs } from '../../src/platform/nodeFs';
import type { SourceFile } from '../../src/core/model';
import { extractFile } from '../../src/parse/extract';
import { Parser } from 'web-tree-sitter';
import { abandonedParse, parseClock, type RustParser } from '../../src/parse/parser';
import { useNodeParseClock } from '../../src/platform/nodeClock';
import { generate } from '../oracle/generator';

const ROOT = path.join(__dirname, '..');
const TARGET_BYTES = Number(process.env.RLL_BENCH_BYTES ?? 3_000_000);
const ROUNDS = 3;

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);

/** The crate directories of the real corpus, fetched (once per machine) by scripts/bench-corpus.mjs. */
function realCrates(): { dirs: string[] } | { error: string } {
  if (process.env.RLL_BENCH_CRATES) return { dirs: process.env.RLL_BENCH_CRATES.split(':').filter(Boolean) };
  const script = path.join(ROOT, 'scripts/bench-corpus.mjs');
  if (!fs.existsSync(script)) return { error: `${script} is missing` };
  const r = spawnSync(process.execPath, [script, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    const why = (r.stderr ?? '').split('\n').filter((l) => l && !l.startsWith('fetching ')).join('\n  ');
    return { error: why || `bench-corpus.mjs exited with ${r.status ?? r.signal}` };
  }
  try {
    return { dirs: (JSON.parse(r.stdout) as { crates: string[] }).crates };
  } catch {
    return { error: `bench-corpus.mjs printed no crate list: ${r.stdout.slice(0, 200)}` };
  }
}

const HOST_TARGET = getTarget('x86_64-unknown-linux-gnu')!;

interface Crate {
  readonly dir: string;
  /** Every file read while loading the crate (missing files as undefined), so rounds skip the disk. */
  readonly reads: Map<string, string | undefined>;
  /** The files the crate is made of (what the raw parse parses). */
  readonly files: string[];
}

/**
 * Loads and analyses each crate once from disk, recording the reads and the files parsed: its
 * own, and those of the dependency crates its types reach (read on the way, as the CLI does).
 */
async function loadCrates(analyzer: Analyzer, parser: RustParser, dirs: readonly string[]): Promise<Crate[]> {
  const out: Crate[] = [];
  for (const dir of dirs) {
    const reads = new Map<string, string | undefined>();
    const disk = new NodeFs();
    const recording: ProjectFs = {
      readFile(p) {
        if (!reads.has(p)) reads.set(p, disk.readFile(p));
        return reads.get(p);
      },
      readDir: (p) => disk.readDir(p),
      env: (n) => disk.env(n),
    };
    try {
      // Every file the pipeline parses (macro expansions aside, which are not files).
      const parsed = new Map<string, string>();
      let again = 0;
      const { program } = loadPath(dir, {
        fs: recording,
        parse: (f, t, hints) => {
          if (!f.includes('#macro:')) {
            if (parsed.has(f)) again++;
            parsed.set(f, t);
          }
          return analyzer.parseWith(parser, f, t, { budgetMs: Infinity }, hints);
        },
        target: HOST_TARGET,
        host: HOST_TARGET.triple,
        ownIncludes: true,
      });
      (await analyzer.analyze(program)).reports();
      if (process.env.RLL_BENCH_VERBOSE && again) console.log(`  ${path.basename(dir)}: ${again} files parsed more than once in one load`);
      out.push({ dir, reads, files: [...parsed.values()] });
    } catch (e) {
      console.log(`  skipped ${path.basename(dir)}: ${(e as Error).message}`);
    }
  }
  return out;
}

interface Breakdown {
  raw: number;
  full: number;
  /** The same two on this thread's CPU clock (time the thread waited for a CPU left out). */
  rawCpu?: number;
  fullCpu?: number;
  parse: number;
  extract: number;
  analyze: number;
  reports: number;
  types: number;
  /** Files tree-sitter gave up on in the pipeline (over the parse budget). */
  abandoned?: number;
  /** Per crate directory: [raw ms, full ms] of this round. */
  perCrate?: Map<string, [number, number]>;
}

/** One round: raw parse of every file, then the full pipeline crate by crate, timed by phase. */
async function round(analyzer: Analyzer, parser: RustParser, crates: readonly Crate[]): Promise<Breakdown> {
  const b: Breakdown = { raw: 0, full: 0, rawCpu: 0, fullCpu: 0, parse: 0, extract: 0, analyze: 0, reports: 0, types: 0, abandoned: 0, perCrate: new Map() };
  const cpu = parseClock();
  // The raw parse is web-tree-sitter's own, without the pipeline's parse budget (progress callback).
  const bare = new Parser();
  bare.setLanguage(parser.language);

  // What `Analyzer.parseWith` does, with the two halves timed apart; without a parse budget, as
  // the command line parses (src/cli.ts).
  const parse = (file: string, original: string, hints?: ParseHints): SourceFile => {
    if (process.env.RLL_BENCH_DEBUG) console.log(`    parse ${file} ${original.length}`);
    const t = process.hrtime.bigint();
    const text = hintedText(original, hints);
    const tree = parser.parse(text, null, { budgetMs: Infinity });
    const t1 = process.hrtime.bigint();
    if (abandonedParse(tree)) b.abandoned!++;
    try {
      return extractFile(tree, text, file);
    } finally {
      tree.delete();
      const t2 = process.hrtime.bigint();
      b.parse += Number(t1 - t) / 1e6;
      b.extract += Number(t2 - t1) / 1e6;
    }
  };
  // Raw and full alternate crate by crate, so a change in machine load hits both alike.
  for (const c of crates) {
    const c0 = cpu.now();
    const tr = process.hrtime.bigint();
    for (const text of c.files) bare.parse(text)!.delete();
    const raw = ms(tr);
    const c1 = cpu.now();
    b.raw += raw;
    b.rawCpu! += c1 - c0;
    const tc = process.hrtime.bigint();
    const disk = new NodeFs();
    const src: ProjectFs = { readFile: (p) => c.reads.get(p), readDir: (p) => disk.readDir(p), env: (n) => disk.env(n) };
    // As the CLI loads it (src/cli.ts): include! of the crate's own files read, build scripts on this host.
    const { program } = loadPath(c.dir, { fs: src, parse, target: HOST_TARGET, host: HOST_TARGET.triple, ownIncludes: true });
    let t = process.hrtime.bigint();
    const a = await analyzer.analyze(program);
    b.analyze += ms(t);
    t = process.hrtime.bigint();
    b.types += a.reports().length;
    b.reports += ms(t);
    const full = ms(tc);
    b.fullCpu! += cpu.now() - c1;
    b.full += full;
    b.perCrate!.set(c.dir, [raw, full]);
  }
  bare.delete();
  return b;
}

function best(rounds: Breakdown[]): Breakdown {
  return rounds.reduce((a, r) => ({
    raw: Math.min(a.raw, r.raw),
    full: Math.min(a.full, r.full),
    ...(a.rawCpu !== undefined && r.rawCpu !== undefined ? { rawCpu: Math.min(a.rawCpu, r.rawCpu), fullCpu: Math.min(a.fullCpu!, r.fullCpu!) } : {}),
    parse: Math.min(a.parse, r.parse),
    extract: Math.min(a.extract, r.extract),
    analyze: Math.min(a.analyze, r.analyze),
    reports: Math.min(a.reports, r.reports),
    types: r.types,
    abandoned: Math.max(a.abandoned ?? 0, r.abandoned ?? 0),
  }));
}

function printRatio(label: string, bytes: number, b: Breakdown): void {
  const other = b.full - b.parse - b.extract - b.analyze - b.reports;
  console.log(`  raw tree-sitter parse:              ${b.raw.toFixed(0)} ms (${(bytes / 1e6 / (b.raw / 1000)).toFixed(1)} MB/s)`);
  console.log(`  parse + extract + resolve + layout: ${b.full.toFixed(0)} ms for ${b.types} types`);
  console.log(
    `    (best per phase: parse ${b.parse.toFixed(0)}, extract ${b.extract.toFixed(0)}, analyze ${b.analyze.toFixed(0)}, ` +
      `layout+reports ${b.reports.toFixed(0)}, loading ${Math.max(0, other).toFixed(0)} ms)`,
  );
  console.log(`  ${label} ratio: ${(b.full / b.raw).toFixed(2)} [target <= 1.30]`);
  if (b.rawCpu && b.fullCpu) {
    console.log(`    (on this thread's ${parseClock().kind === 'thread' ? 'CPU time' : 'clock'}, which leaves out its waits for a CPU on a busy machine: ${(b.fullCpu / b.rawCpu).toFixed(2)})`);
  }
  if (b.abandoned !== undefined) console.log(`  files tree-sitter gave up on (over the parse budget): ${b.abandoned}`);
}

/** The generated, type-only corpus (stress). */
function generated(): { name: string; text: string }[] {
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

async function stress(analyzer: Analyzer, parser: RustParser, files: { name: string; text: string }[]): Promise<void> {
  const total = files.reduce((s, f) => s + f.text.length, 0);
  console.log(`\nstress, generated type definitions only (test/oracle/generator.ts): ${files.length} files, ${mb(total)} MB`);
  const rounds: Breakdown[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const b: Breakdown = { raw: 0, full: 0, parse: 0, extract: 0, analyze: 0, reports: 0, types: 0 };
    for (const f of files) {
      const tr = process.hrtime.bigint();
      parser.parse(f.text).delete();
      b.raw += ms(tr);
      const tf = process.hrtime.bigint();
      let t = tf;
      const tree = parser.parse(f.text);
      b.parse += ms(t);
      t = process.hrtime.bigint();
      const sf = extractFile(tree, f.text, f.name);
      tree.delete();
      b.extract += ms(t);
      t = process.hrtime.bigint();
      const a = await analyzer.analyze(singleFileProgram(sf, f.text));
      b.analyze += ms(t);
      t = process.hrtime.bigint();
      b.types += a.reports().length;
      b.reports += ms(t);
      b.full += ms(tf);
    }
    rounds.push(b);
  }
  printRatio('stress', total, best(rounds));
}

/** The in-crate section (scripts/bench-in-crate.mjs) in a process of its own; false when it failed. */
function inCrate(): boolean {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench-in-crate.mjs')], { stdio: 'inherit' });
  return r.status === 0;
}

/** The packages of the dependency section (crates with several dependencies each; .ci/run installs them). */
const DEP_BENCH_CRATES = ['hyper-0.14.19', 'h2-0.3.13', 'rustls-0.20.8', 'clap-4.0.32', 'tokio-util-0.7.3', 'tracing-subscriber-0.3.16'];
const DEBIAN_REGISTRY = '/usr/share/cargo/registry';

/** Raw parse of every file the pipeline reads against the whole pipeline, best of ROUNDS. */
async function ratioSection(analyzer: Analyzer, parser: RustParser, dirs: readonly string[], title: string, label: string, source: string): Promise<void> {
  const crates = await loadCrates(analyzer, parser, dirs);
  const files = crates.reduce((s, c) => s + c.files.length, 0);
  const bytes = crates.reduce((s, c) => s + c.files.reduce((t, f) => t + f.length, 0), 0);
  console.log(`${title}: ${crates.length} crates (${source}), ${files} files read, ${mb(bytes)} MB, loaded as crate directories`);
  await round(analyzer, parser, crates); // warm-up
  const rounds: Breakdown[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round(analyzer, parser, crates));
  printRatio(label, bytes, best(rounds));
  if (process.env.RLL_BENCH_VERBOSE) {
    const rows = crates.map((c) => {
      const raw = Math.min(...rounds.map((r) => r.perCrate!.get(c.dir)![0]));
      const full = Math.min(...rounds.map((r) => r.perCrate!.get(c.dir)![1]));
      const kb = c.files.reduce((t, f) => t + f.length, 0) / 1024;
      return { name: path.basename(c.dir), kb, raw, full };
    });
    for (const r of rows.sort((a, b) => b.full / b.raw - a.full / a.raw)) {
      console.log(`    ${r.name.padEnd(30)} ${r.kb.toFixed(0).padStart(5)} KB  raw ${r.raw.toFixed(1).padStart(6)} ms  full ${r.full.toFixed(1).padStart(6)} ms  ratio ${(r.full / r.raw).toFixed(2)}`);
    }
  }
}

/** All .rs files under `dir`, depth first (tests, benches and examples included: a user opens those too). */
function rustFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'target' && !e.name.startsWith('.')) rustFiles(p, out);
    } else if (e.name.endsWith('.rs')) out.push(p);
  }
  return out;
}

/**
 * The two extraction front-ends on the same trees: `extractFile` with the fast path (items read
 * from the text, the tree path behind any it cannot read) and with the tree path alone. Both give
 * the same model (test/unit/parse.fixtures.test.ts checks it); this says what the fast one saves.
 */
function frontEndSection(parser: RustParser, dirs: readonly string[]): void {
  const files = dirs.flatMap((d) => rustFiles(d)).map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }));
  const trees = files.map(({ text }) => parser.parse(text, null, { budgetMs: Infinity }));
  try {
    const kb = files.reduce((n, x) => n + x.text.length, 0) / 1024;
    const stats = { fast: 0, tree: 0 };
    const round = (fast: boolean): number => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < files.length; i++) extractFile(trees[i]!, files[i]!.text, files[i]!.f, fast ? { stats } : { fast: false });
      return ms(t0);
    };
    round(true);
    round(false); // warm both paths
    const best = { fast: Infinity, tree: Infinity };
    for (let r = 0; r < ROUNDS; r++) {
      best.fast = Math.min(best.fast, round(true));
      best.tree = Math.min(best.tree, round(false));
    }
    const share = (100 * stats.fast) / Math.max(1, stats.fast + stats.tree);
    console.log(`
front-ends: ${files.length} files, ${(kb / 1024).toFixed(1)} MB of real code, extraction from parsed trees (best of ${ROUNDS})`);
    console.log(`  fast text path, tree path behind it: ${best.fast.toFixed(0)} ms (${share.toFixed(0)} % of items read by the fast path)`);
    console.log(`  tree path alone:                     ${best.tree.toFixed(0)} ms`);
    console.log(`  the fast path saves ${(best.tree - best.fast).toFixed(0)} ms, ${((100 * (best.tree - best.fast)) / best.tree).toFixed(0)} % of extraction`);
  } finally {
    for (const t of trees) t.delete();
  }
}

async function main(): Promise<void> {
  if (process.env.RLL_BENCH_ONLY === 'in-crate') {
    if (!inCrate()) process.exitCode = 1;
    return;
  }
  useNodeParseClock(); // as the command line does; the ratio's second figure reads it too
  const analyzer = new Analyzer({ wasmDir: path.join(ROOT, 'dist') });
  const parser = await analyzer.parser();
  const gen = generated();
  // Warm up the parser and the std model.
  parser.parse(gen[0]!.text).delete();
  await analyzer.analyze(singleFileProgram(analyzer.parseWith(parser, 'w.rs', gen[0]!.text), gen[0]!.text));

  const found = realCrates();
  if (process.env.RLL_BENCH_ONLY === 'frontends') {
    if ('error' in found) throw new Error(found.error);
    frontEndSection(parser, found.dirs);
    analyzer.dispose();
    return;
  }
  if ('error' in found) {
    console.log(`real-crate corpus unavailable, so no headline figure (only the generated stress corpus below):\n  ${found.error}`);
  } else {
    await ratioSection(analyzer, parser, found.dirs, 'real code', 'real-code', 'Debian bookworm librust-*-dev sources');
    frontEndSection(parser, found.dirs);
  }
  // The CLI on crates with dependencies (issue 13): Debian's registry as the crates-io source of a
  // private CARGO_HOME, so each crate's dependencies are read as a user's would be.
  const deps = DEP_BENCH_CRATES.map((c) => path.join(DEBIAN_REGISTRY, c)).filter((d) => fs.existsSync(d));
  if (!process.env.RLL_BENCH_CRATES && deps.length) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rll-bench-cargo-'));
    fs.writeFileSync(path.join(home, 'config.toml'), `[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "${DEBIAN_REGISTRY}"\n`);
    const was = process.env.CARGO_HOME;
    process.env.CARGO_HOME = home;
    try {
      await ratioSection(analyzer, parser, deps, '\ncrates with dependencies', 'with-dependencies', 'dependencies read from Debian\'s registry as a directory source');
    } finally {
      if (was === undefined) delete process.env.CARGO_HOME;
      else process.env.CARGO_HOME = was;
      fs.rmSync(home, { recursive: true, force: true });
    }
  }

  if (process.env.RLL_BENCH_ONLY === 'real') {
    analyzer.dispose(); // for profiling the headline alone
    return;
  }
  await stress(analyzer, parser, gen);

  // One-character edit in a large file: full re-analysis of that file.
  const big = gen.reduce((a, b) => (a.text.length > b.text.length ? a : b));
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const at = Math.floor(big.text.length / 2);
    const text = big.text.slice(0, at) + (i % 2 ? ' ' : '\n') + big.text.slice(at);
    const t0 = process.hrtime.bigint();
    const sf = analyzer.parseWith(parser, big.name, text);
    (await analyzer.analyze(singleFileProgram(sf, text))).reports();
    times.push(ms(t0));
  }
  console.log(`\nre-analysis of a ${(big.text.length / 1024).toFixed(0)} KB generated file after a 1-char edit: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 1e6).toFixed(0)} MB, JS heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, external+wasm ${(mem.external / 1e6).toFixed(0)} MB`);
  // The editor and fuzz sections each run in a process of their own: the corpora above stay
  // reachable here (about 100 MB of heap), and an extension host would not carry them.
  for (const extra of ['./editor', './fuzz']) {
    const p = path.join(ROOT, 'out/test/bench', extra + '.js');
    if (!fs.existsSync(p)) continue;
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(p)}).run().catch((e) => { console.error(e); process.exit(1); })`], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
  analyzer.dispose();
  if (process.env.RLL_BENCH_IN_CRATE !== '0' && !inCrate()) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
