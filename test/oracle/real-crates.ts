/**
 * Real-code check: the CLI's layouts of a crate's own types against rustc's -Zprint-type-sizes.
 *
 *   node scripts/build.mjs && node out/test/oracle/real-crates.js [--cli dist/cli.js] [--rustc-only] [--bin NAME] [--verbose] CRATE_DIR...
 *
 * For each crate (dependency-free; entry `[lib] path`, src/lib.rs or src/main.rs, or with
 * `--bin NAME` that binary of the package, an application's code beside its library): copies the
 * package to a temp dir, appends `const _: usize = size_of::<T>();` for each of the crate's types
 * to the file that defines it (so private types are reachable), compiles with RUSTC_BOOTSTRAP=1
 * rustc -Zprint-type-sizes (edition and default features from Cargo.toml), drops forcing lines
 * rustc refuses (generic types, cfg'd-out or unreachable items) and retries, then compares with
 * `node dist/cli.js --json DIR`. Prints exact / wrong / abstained per crate. A type whose
 * `size_of` rustc refuses with E0277 (unsized: a struct ending in a slice or `str`) is compared
 * as rejected (error-match when the engine reports E0277 too), not with the sized-prefix layout
 * -Zprint-type-sizes still prints for it. Sources: `node scripts/bench-corpus.mjs NAME...`
 * fetches Debian's packaged crates into ~/.cache/rust-layout-lens/bench-crates/crates/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { compareWithRustc, exactRate, formatSummary, probeCandidates, type EngineReport, type Summary } from './compare';
import type { OracleRejected, OracleType } from './rustc';
import { cachedRustcAnswer } from './rustcCache';
import { type FeatureSelection, featureArgs } from '../../src/cargo/graph';
import { parseManifest } from '../../src/cargo/manifest';
import { ptsToOracleByKind } from '../../src/core/verify/printTypeSizes';
import { modulePathOf, probeCrateLayouts, type ProbeCandidate as Candidate, type ProbeResult } from '../../src/platform/rustcProbe';
export { ptsToOracleByKind };

export { readCargoToml, modulePathOf, type CrateInfo } from '../../src/platform/rustcProbe';

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (n.endsWith('.rs')) out.push(p);
  }
  return out;
}

/** Without an engine report: a crude scan for top-level struct/enum/union items (no inline modules). */
function scanCandidates(dir: string): Candidate[] {
  const out: Candidate[] = [];
  for (const f of walk(join(dir, 'src'))) {
    const rel = relative(dir, f).split(sep).join('/');
    const mod = modulePathOf(rel);
    for (const m of readFileSync(f, 'utf8').matchAll(/^(?:pub(?:\([^)]*\))?\s+)?(struct|enum|union)\s+([A-Za-z_]\w*)\s*(<[^>]*>)?/gm)) {
      if (m[3] && !/^<\s*('\w+\s*,?\s*)+>$/.test(m[3])) continue; // type-generic: no layout
      out.push({ name: mod ? `${mod}::${m[2]}` : m[2], kind: m[1], file: rel });
    }
  }
  return out;
}

export type RustcCrateResult = ProbeResult;

/**
 * rustc's layouts of the candidates (src/platform/rustcProbe.ts). With `cargoHome`, the package
 * is built by cargo (offline, with that CARGO_HOME's sources), so its dependencies are checked
 * and its features are cargo's.
 */
/**
 * The compiler the checks are made with is the machine's default one (rustc 1.95): a package's
 * `rust-toolchain` file (dashmap 5.4 pins 1.59) would have rustup look for another one.
 */
function pinDefaultToolchain(): void {
  if (process.env.RUSTUP_TOOLCHAIN) return;
  try {
    const active = execFileSync('rustup', ['show', 'active-toolchain'], { cwd: tmpdir(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const name = active.trim().split(/\s+/)[0];
    if (name) process.env.RUSTUP_TOOLCHAIN = name;
  } catch {
    // No rustup: rustc and cargo are used as they are.
  }
}

export function rustcCrateLayouts(dir: string, candidates: readonly Candidate[], target?: string, cargoHome?: string, cargoTargetDir?: string, features?: FeatureSelection, bin?: { name: string; path: string }): Promise<RustcCrateResult> {
  pinDefaultToolchain();
  return probeCrateLayouts(dir, candidates, { target, cargo: cargoHome ? { cargoHome, targetDir: cargoTargetDir, offline: true, ...(features ? { features } : {}) } : undefined, ...(bin ? { bin } : {}) });
}

/** `features` (cargo's selection, passed to the CLI and to cargo alike) needs `cargoHome`: rustc alone builds with the default features. */
/**
 * The entry file (relative to the package) of its binary `name`: its `[[bin]]` target's `path`,
 * else cargo's places (src/bin/NAME.rs, src/bin/NAME/main.rs, src/main.rs for the package's own).
 */
export function binPath(dir: string, name: string): string {
  const bins = parseManifest(readFileSync(join(dir, 'Cargo.toml'), 'utf8'), dir).bins ?? [];
  const declared = bins.find((b) => b.name === name)?.path;
  if (declared) return declared;
  const found = [`src/bin/${name}.rs`, `src/bin/${name}/main.rs`, 'src/main.rs'].find((p) => existsSync(join(dir, p)));
  if (!found) throw new Error(`${dir}: no binary ${name}`);
  return found;
}

/**
 * The CLI's report of a package against rustc's. `rustcKey` (what the package's sources and the
 * registry it builds from are, not where) lets rustc's answer be kept between runs for the same
 * candidates and toolchain (test/oracle/rustcCache.ts); without it rustc is asked every time.
 */
export async function checkCrate(dir: string, opts: { cli: string; rustcOnly?: boolean; target?: string; cargoHome?: string; cargoTargetDir?: string; features?: FeatureSelection; bin?: string; rustcKey?: unknown }): Promise<{ summary?: Summary; oracle: OracleType[]; rejected: OracleRejected[]; rustc: RustcCrateResult }> {
  let engine: EngineReport | undefined;
  let candidates: Candidate[];
  const bin = opts.bin ? { name: opts.bin, path: binPath(dir, opts.bin) } : undefined;
  if (!opts.rustcOnly) {
    const env = opts.cargoHome ? { ...process.env, CARGO_HOME: opts.cargoHome } : process.env;
    const out = execFileSync(process.execPath, [opts.cli, '--json', ...(opts.target ? ['--target', opts.target] : []), ...(opts.features ? featureArgs(opts.features) : []), bin ? join(dir, bin.path) : dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env, stdio: ['ignore', 'pipe', 'pipe'] });
    engine = JSON.parse(out) as EngineReport;
    candidates = probeCandidates(engine).map((c) => ({ ...c, file: relative(dir, join(dir, c.file)).split(sep).join('/') }));
  } else candidates = scanCandidates(dir);
  const ask = () => rustcCrateLayouts(dir, candidates, opts.target, opts.cargoHome, opts.cargoTargetDir, opts.features, bin);
  const rustc = opts.rustcKey === undefined ? await ask() : await cachedRustcAnswer('crate', [opts.rustcKey, !!opts.cargoHome, candidates, opts.target, opts.features, bin], ask);
  if (!engine) {
    const oracle = [...new Set(candidates.map((c) => c.name))].flatMap((n) => {
      const p = rustc.types.get(n);
      return p ? [ptsToOracleByKind(n, candidates.find((c) => c.name === n)!.kind, p)] : [];
    });
    return { oracle, rejected: [], rustc };
  }
  const { summary, oracle, rejected } = compareWithRustc(dir, engine, rustc.types, rustc.rejected);
  return { summary, oracle, rejected, rustc };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  const flag = (name: string): boolean => {
    const i = argv.indexOf(name);
    if (i >= 0) argv.splice(i, 1);
    return i >= 0;
  };
  const cli = opt('--cli') ?? 'dist/cli.js';
  const cargoHome = opt('--cargo-home');
  const target = opt('--target');
  const rustcOnly = flag('--rustc-only');
  const bin = opt('--bin');
  const verbose = flag('--verbose');
  const featureList = opt('--features');
  const features: FeatureSelection = { ...(featureList ? { features: featureList.split(/[\s,]+/).filter(Boolean) } : {}), ...(flag('--all-features') ? { all: true } : {}), ...(flag('--no-default-features') ? { noDefault: true } : {}) };
  if (!argv.length || (featureArgs(features).length > 0 && !cargoHome)) {
    console.error('usage: node out/test/oracle/real-crates.js [--cli dist/cli.js] [--target T] [--cargo-home DIR [--features F,.. --all-features --no-default-features]] [--rustc-only] [--bin NAME] [--verbose] CRATE_DIR...');
    process.exit(2);
  }
  const rows: string[] = [];
  let bad = false;
  for (const dir of argv) {
    let checked;
    try {
      checked = await checkCrate(dir, { cli, rustcOnly, target, cargoHome, features, ...(bin ? { bin } : {}) });
    } catch (e) {
      // One package that does not build (a dependency missing from the registry…) does not stop the others.
      rows.push(`${dir}: not checked: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
      continue;
    }
    const { summary, oracle, rustc } = checked;
    if (!summary) {
      rows.push(`${dir}: rustc laid out ${oracle.length} types (${rustc.dropped} forcing lines dropped) in ${rustc.ms} ms`);
      if (verbose) for (const t of oracle) console.log(JSON.stringify(t));
      continue;
    }
    console.log(formatSummary(summary, verbose ? 1000 : 25));
    const c = summary.counts;
    const rej = c['error-match'] + c['error-mismatch'] ? `, rejected by rustc: matched ${c['error-match']}, mismatched ${c['error-mismatch']}` : '';
    rows.push(`${dir}: ${summary.total} types, exact ${c.exact} (${(100 * exactRate(summary)).toFixed(1)}%), wrong ${c.wrong}, abstained ${c.abstained}, missing ${c.missing}${rej}`);
    if (c.wrong || c['error-mismatch']) bad = true;
  }
  console.log(rows.join('\n'));
  if (bad) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
