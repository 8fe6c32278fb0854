/**
 * Real-code check: the CLI's layouts of a crate's own types against rustc's -Zprint-type-sizes.
 *
 *   node scripts/build.mjs && node out/test/oracle/real-crates.js [--cli dist/cli.js] [--rustc-only] [--verbose] CRATE_DIR...
 *
 * For each crate (dependency-free; entry `[lib] path`, src/lib.rs or src/main.rs): copies the
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
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { compareReport, exactRate, formatSummary, type EngineReport, type EngineType, type Summary } from './compare';
import { parsePrintTypeSizes, run, type OracleRejected, type OracleType, type PtsType } from './rustc';

export interface CrateInfo {
  readonly name: string;
  readonly edition: string;
  readonly features: readonly string[];
  readonly entry: string;
}

/** Edition, crate name and the transitive default features, read from Cargo.toml (roughly). */
export function readCargoToml(dir: string): CrateInfo {
  const toml = existsSync(join(dir, 'Cargo.toml')) ? readFileSync(join(dir, 'Cargo.toml'), 'utf8') : '';
  const pkg = /\[package\]([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1] ?? '';
  const name = (/^\s*name\s*=\s*"([^"]+)"/m.exec(pkg)?.[1] ?? 'krate').replace(/-/g, '_');
  const edition = /^\s*edition\s*=\s*"(\d+)"/m.exec(pkg)?.[1] ?? '2015';
  const featSection = /\n\[features\]([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1] ?? '';
  const table = new Map<string, string[]>();
  for (const m of featSection.matchAll(/^\s*([\w-]+)\s*=\s*\[([\s\S]*?)\]/gm)) {
    table.set(m[1], [...m[2].matchAll(/"([^"]+)"/g)].map((x) => x[1]));
  }
  const on = new Set<string>();
  const enable = (f: string): void => {
    if (f.startsWith('dep:') || f.includes('/') || on.has(f)) return;
    on.add(f);
    for (const g of table.get(f) ?? []) enable(g);
  };
  for (const f of table.get('default') ?? []) enable(f);
  const libPath = /\n\[lib\]([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1]?.match(/^\s*path\s*=\s*"([^"]+)"/m)?.[1];
  const entry = libPath ?? (existsSync(join(dir, 'src/lib.rs')) ? 'src/lib.rs' : 'src/main.rs');
  return { name, edition, features: [...on], entry };
}

interface Candidate {
  /** Path from the crate root: `ast::Span`. */
  readonly name: string;
  readonly kind: string;
  /** File (relative to the crate dir) that defines it. */
  readonly file: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (n.endsWith('.rs')) out.push(p);
  }
  return out;
}

/** Module path of a file under src/ (lib.rs/main.rs → '', a/mod.rs → a, a/b.rs → a::b). */
export function modulePathOf(fileRel: string): string {
  const parts = fileRel.replace(/\\/g, '/').replace(/^src\//, '').replace(/\.rs$/, '').split('/');
  if (parts.length === 1 && (parts[0] === 'lib' || parts[0] === 'main')) return '';
  if (parts[parts.length - 1] === 'mod') parts.pop();
  return parts.join('::');
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

export interface RustcCrateResult {
  readonly types: Map<string, PtsType>;
  /** Candidates whose `size_of` rustc refused for a reason about the type itself (E0277: unsized). */
  readonly rejected: Map<string, { code: string; message: string }>;
  readonly forced: number;
  readonly dropped: number;
  readonly ms: number;
}

/**
 * rustc's layouts of the candidates, forcing each one with a `const _` in its own file. With
 * `cargoHome`, the package is built by cargo (offline, with that CARGO_HOME's sources), so its
 * dependencies are checked and its features are cargo's: `cargo rustc --lib --profile check --
 * -Zprint-type-sizes` (check mode evaluates the probes' constants, so every forced type is
 * printed, without code generation).
 */
export async function rustcCrateLayouts(dir: string, candidates: readonly Candidate[], target?: string, cargoHome?: string, cargoTargetDir?: string): Promise<RustcCrateResult> {
  const info = readCargoToml(dir);
  const tmp = mkdtempSync(join(tmpdir(), 'rll-crate-'));
  const t0 = Date.now();
  const rejected = new Map<string, { code: string; message: string }>();
  try {
    // The whole package, not only src/: `include_str!("../README.md")` and `#[path]` files outside src/.
    cpSync(dir, tmp, { recursive: true, filter: (p) => !/[\\/](?:target|\.git)$/.test(p) });
    const MARK = '// rll-force';
    const sizeOf = info.edition === '2015' ? '::rll_core::mem::size_of' : '::core::mem::size_of';
    const byFile = new Map<string, string[]>();
    for (const c of candidates) {
      const mod = modulePathOf(c.file);
      const rel = mod && c.name.startsWith(`${mod}::`) ? c.name.slice(mod.length + 2) : mod ? null : c.name;
      if (!rel) continue;
      if (!byFile.has(c.file)) byFile.set(c.file, []);
      byFile.get(c.file)!.push(`const _: usize = ${sizeOf}::<self::${rel}>(); ${MARK} ${c.name}`);
    }
    // In the 2015 edition `::core` is the crate root's `core`, which std crates do not have:
    // name core from the root under a name of ours (the line works in no_std crates too).
    if (info.edition === '2015') {
      const p = join(tmp, info.entry);
      writeFileSync(p, `${readFileSync(p, 'utf8')}\nextern crate core as rll_core;\n`);
    }
    for (const [file, lines] of byFile) {
      const p = join(tmp, file);
      if (!existsSync(p)) continue;
      writeFileSync(p, readFileSync(p, 'utf8') + '\n' + lines.join('\n') + '\n');
    }
    const args = ['--edition', info.edition, '--crate-type', 'lib', '--crate-name', info.name, '-Zprint-type-sizes', '--emit=metadata', '--cap-lints', 'allow', ...info.features.flatMap((f) => ['--cfg', `feature="${f}"`]), ...(target ? ['--target', target] : []), '-o', join(tmp, 'out.rmeta'), join(tmp, info.entry)];
    const cargoArgs = ['rustc', '-Zavoid-dev-deps', '--lib', '--offline', '--quiet', '--profile', 'check', ...(target ? ['--target', target] : []), '--', '-Zprint-type-sizes', '--cap-lints', 'allow'];
    // A shared target directory lets several crates reuse the dependencies they have in common.
    const cargoEnv = { ...process.env, RUSTC_BOOTSTRAP: '1', CARGO_HOME: cargoHome, CARGO_TARGET_DIR: cargoTargetDir ?? join(tmp, 'target') };
    let dropped = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = cargoHome ? await run('cargo', cargoArgs, { cwd: tmp, env: cargoEnv }) : await run('rustc', args, { cwd: tmp });
      if (r.code === 0) {
        return { types: parsePrintTypeSizes(r.stdout), rejected, forced: byFile.size ? [...byFile.values()].reduce((a, l) => a + l.length, 0) - dropped : 0, dropped, ms: Date.now() - t0 };
      }
      // Drop every forcing line an error points at, then retry. An error's first `-->` is its
      // primary location; the code and message are kept for E0277 (the type is unsized: rustc
      // still prints the sized prefix's layout, which is not what `size_of` would give).
      const hits = new Map<string, Map<number, { code: string; message: string }>>();
      for (const block of r.stderr.split(/\n(?=error)/)) {
        const head = /^error(?:\[(E\d{4})\])?:\s*(.*)/.exec(block);
        const at = /-->\s+(\S+?):(\d+):\d+/.exec(block);
        if (!head || !at) continue;
        const f = relative(tmp, isAbsolute(at[1]) ? at[1] : join(tmp, at[1])).split(sep).join('/');
        if (!hits.has(f)) hits.set(f, new Map());
        if (!hits.get(f)!.has(Number(at[2]))) hits.get(f)!.set(Number(at[2]), { code: head[1] ?? '', message: head[2] });
      }
      let removed = 0;
      for (const [f, lines] of hits) {
        const p = join(tmp, f);
        if (!existsSync(p)) continue;
        const text = readFileSync(p, 'utf8').split('\n');
        for (const [ln, err] of lines) {
          const i = text[ln - 1]?.lastIndexOf(MARK) ?? -1;
          if (i < 0) continue;
          if (err.code === 'E0277') rejected.set(text[ln - 1]!.slice(i + MARK.length).trim(), err);
          text[ln - 1] = '';
          removed++;
        }
        writeFileSync(p, text.join('\n'));
      }
      dropped += removed;
      if (!removed) throw new Error(`rustc failed on ${dir} outside the forcing lines:\n${r.stderr.split('\n').slice(0, 30).join('\n')}`);
    }
    throw new Error(`rustc kept failing on ${dir}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function ptsToOracleByKind(name: string, kind: string | undefined, p: PtsType): OracleType {
  if (kind === 'enum') {
    return { name, kind: 'enum', size: p.size, align: p.align, fields: [], variants: p.variants.map((v) => ({ name: v.name, fields: v.fields.map((f) => ({ name: f.name, offset: f.offset, size: f.size })) })), tag: p.discriminant !== undefined ? { size: p.discriminant, offset: 0 } : null };
  }
  const fs = kind === 'union' ? (p.variants[0]?.fields ?? []) : p.fields;
  return { name, kind: kind === 'union' ? 'union' : 'struct', size: p.size, align: p.align, fields: fs.map((f) => ({ name: f.name, offset: f.offset, size: f.size })) };
}

export async function checkCrate(dir: string, opts: { cli: string; rustcOnly?: boolean; target?: string; cargoHome?: string; cargoTargetDir?: string }): Promise<{ summary?: Summary; oracle: OracleType[]; rejected: OracleRejected[]; rustc: RustcCrateResult }> {
  let engine: EngineReport | undefined;
  let candidates: Candidate[];
  if (!opts.rustcOnly) {
    const env = opts.cargoHome ? { ...process.env, CARGO_HOME: opts.cargoHome } : process.env;
    const out = execFileSync(process.execPath, [opts.cli, '--json', ...(opts.target ? ['--target', opts.target] : []), dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env, stdio: ['ignore', 'pipe', 'pipe'] });
    engine = JSON.parse(out) as EngineReport;
    candidates = (engine.types as (EngineType & { file?: string })[])
      .filter((t) => t.file && !/generic/i.test(t.unknown ?? ''))
      .map((t) => ({ name: t.name, kind: t.kind ?? 'struct', file: relative(dir, join(dir, t.file!)).split(sep).join('/') }));
  } else candidates = scanCandidates(dir);
  const rustc = await rustcCrateLayouts(dir, candidates, opts.target, opts.cargoHome, opts.cargoTargetDir);
  const oracle: OracleType[] = [];
  const rejected: OracleRejected[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.name)) continue; // cfg'd alternatives of one name: rustc saw only one
    seen.add(c.name);
    const no = rustc.rejected.get(c.name);
    if (no) {
      rejected.push({ id: c.name, name: c.name, intended: no.code, codes: [no.code], message: no.message });
      continue;
    }
    const p = rustc.types.get(c.name);
    if (p) oracle.push(ptsToOracleByKind(c.name, c.kind, p));
  }
  const summary = engine ? compareReport(dir, engine, oracle, rejected) : undefined;
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
  const verbose = flag('--verbose');
  if (!argv.length) {
    console.error('usage: node out/test/oracle/real-crates.js [--cli dist/cli.js] [--target T] [--cargo-home DIR] [--rustc-only] [--verbose] CRATE_DIR...');
    process.exit(2);
  }
  const rows: string[] = [];
  let bad = false;
  for (const dir of argv) {
    let checked;
    try {
      checked = await checkCrate(dir, { cli, rustcOnly, target, cargoHome });
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
