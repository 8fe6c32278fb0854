/**
 * rustc's own layouts of a crate's types: the crate is copied to a scratch directory (never
 * touching the user's files), `const _: usize = size_of::<T>();` is appended for each type to the
 * file that defines it (so private types are reachable and every one is laid out), and the copy
 * is compiled with `-Zprint-type-sizes` (RUSTC_BOOTSTRAP=1): by cargo (`cargo rustc --profile
 * check`, the crate's dependencies and features as cargo resolves them) or, for a dependency-free
 * crate, by rustc alone. Forcing lines rustc refuses (generic types, cfg'd-out items, unsized
 * types) are dropped and the build retried. Node only: it runs processes.
 *
 * Used by the "Verify with rustc" command (src/features/verify.ts) and the real-crate
 * differential tests (test/oracle/real-crates.ts).
 */
import { type FeatureSelection, featureArgs } from '../cargo/graph';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parsePrintTypeSizes, type PtsType } from '../core/verify/printTypeSizes';
import { parseManifest } from '../cargo/manifest';

export interface CrateInfo {
  readonly name: string;
  readonly edition: string;
  readonly features: readonly string[];
  readonly entry: string;
  /** No library target: the entry is a binary's `main.rs`. */
  readonly binOnly: boolean;
  /** The binary's name when it is not the package's (a `[[bin]]` target's). */
  readonly bin?: string;
}

/** Edition, crate name and the transitive default features, read from Cargo.toml (roughly: rustc-only mode). */
export function readCargoToml(dir: string): CrateInfo {
  const toml = existsSync(join(dir, 'Cargo.toml')) ? readFileSync(join(dir, 'Cargo.toml'), 'utf8') : '';
  const pkg = /\[package\]([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1] ?? '';
  const name = (/^\s*name\s*=\s*"([^"]+)"/m.exec(pkg)?.[1] ?? 'krate').replace(/-/g, '_');
  const edition = /^\s*edition\s*=\s*"(\d+)"/m.exec(pkg)?.[1] ?? '2015';
  const featSection = /\n\[features\]([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1] ?? '';
  const table = new Map<string, string[]>();
  for (const m of featSection.matchAll(/^\s*([\w-]+)\s*=\s*\[([\s\S]*?)\]/gm)) {
    table.set(m[1]!, [...m[2]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!));
  }
  const on = new Set<string>();
  const enable = (f: string): void => {
    if (f.startsWith('dep:') || f.includes('/') || on.has(f)) return;
    on.add(f);
    for (const g of table.get(f) ?? []) enable(g);
  };
  for (const f of table.get('default') ?? []) enable(f);
  const libPath = /\n\[lib\]([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1]?.match(/^\s*path\s*=\s*"([^"]+)"/m)?.[1];
  const hasLib = !!libPath || existsSync(join(dir, 'src/lib.rs'));
  if (hasLib) return { name, edition, features: [...on], entry: libPath ?? 'src/lib.rs', binOnly: false };
  const bin = binTarget(dir, toml);
  return { name, edition, features: [...on], entry: bin?.path ?? 'src/main.rs', binOnly: true, ...(bin ? { bin: bin.name } : {}) };
}

/**
 * The binary a package without a library is built as: the `[[bin]]` whose file is src/main.rs
 * (fd-find's is named `fd`), else the first `[[bin]]` with a file that exists (ripgrep's `rg`,
 * crates/core/main.rs); undefined when src/main.rs is the package's own binary (named after it).
 */
function binTarget(dir: string, toml: string): { name: string; path: string } | undefined {
  let bins: readonly { name?: string; path?: string }[];
  try {
    bins = parseManifest(toml, dir).bins ?? [];
  } catch {
    return undefined;
  }
  const named = bins.flatMap((b) => (b.name ? [{ name: b.name, path: b.path ?? `src/bin/${b.name}.rs` }] : []));
  const main = named.find((b) => b.path.replace(/^\.\//, '') === 'src/main.rs');
  if (main) return main;
  if (existsSync(join(dir, 'src/main.rs'))) return undefined;
  return named.find((b) => existsSync(join(dir, b.path)));
}

/** Module path of a file under src/ (lib.rs/main.rs → '', a/mod.rs → a, a/b.rs → a::b). */
/**
 * The module path of each candidate's file. From the file's place (`src/a/b.rs` is `a::b`) when
 * every type of the file is under it; otherwise (a `#[path]` module, a `mod` a macro declares)
 * the shortest path of the file's types without their name, when every other one is under it
 * (types of inline modules in the file). Undefined for a file where neither holds: its types are
 * not probed.
 */
function fileModules(candidates: readonly ProbeCandidate[]): Map<string, string | undefined> {
  const byFile = new Map<string, string[]>();
  for (const c of candidates) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c.name]);
  const under = (name: string, mod: string) => mod === '' || name.startsWith(`${mod}::`);
  const out = new Map<string, string | undefined>();
  for (const [file, names] of byFile) {
    const placed = modulePathOf(file);
    if (names.every((n) => under(n, placed))) {
      out.set(file, placed);
      continue;
    }
    const parents = names.map((n) => n.split('::').slice(0, -1).join('::'));
    const shortest = parents.reduce((a, b) => (b.split('::').length < a.split('::').length || b === '' ? b : a));
    out.set(file, names.every((n) => under(n, shortest)) ? shortest : undefined);
  }
  return out;
}

export function modulePathOf(fileRel: string): string {
  const parts = fileRel.replace(/\\/g, '/').replace(/^src\//, '').replace(/\.rs$/, '').split('/');
  if (parts.length === 1 && (parts[0] === 'lib' || parts[0] === 'main')) return '';
  if (parts[parts.length - 1] === 'mod') parts.pop();
  return parts.join('::');
}

export interface ProbeCandidate {
  /** Path from the crate root: `ast::Span`. */
  readonly name: string;
  readonly kind: string;
  /** File (relative to the package directory) that defines it. */
  readonly file: string;
}

export interface ProbeOptions {
  readonly target?: string;
  /** Build with cargo (otherwise rustc alone, for a crate without dependencies). */
  readonly cargo?: {
    readonly cargoHome?: string;
    /** Shared target directory: dependencies built once are reused by later runs. */
    readonly targetDir?: string;
    /**
     * Copy this directory (the workspace root that holds the package) instead of the package
     * alone, so `workspace = true` inheritance and path dependencies inside it still resolve.
     */
    readonly workspaceRoot?: string;
    readonly offline?: boolean;
    /** The root package's features (cargo's `--features`, `--all-features`, `--no-default-features`). */
    readonly features?: FeatureSelection;
  };
  /** Probe this binary target (its name and entry file, relative to the package) instead of the library. */
  readonly bin?: { readonly name: string; readonly path: string };
  readonly signal?: AbortSignal;
  /** Per cargo/rustc run. */
  readonly timeoutMs?: number;
}

export interface ProbeResult {
  readonly types: Map<string, PtsType>;
  /** Candidates whose `size_of` rustc refused for a reason about the type itself (E0277: unsized). */
  readonly rejected: Map<string, { code: string; message: string }>;
  readonly forced: number;
  readonly dropped: number;
  readonly ms: number;
  /** rustc's report as printed (the `print-type-size` lines). */
  readonly report: string;
}

/** A run that could not give a report: cargo missing, a build error outside the probes, a timeout, a cancel. */
export class ProbeError extends Error {
  constructor(
    readonly reason: 'not-found' | 'build' | 'timeout' | 'cancelled',
    message: string,
    readonly stderr = '',
  ) {
    super(message);
  }
}

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(cmd: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((done, fail) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env, signal: opts.signal, timeout: opts.timeoutMs ?? 0, killSignal: 'SIGKILL', maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) {
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
        if (e.name === 'AbortError' || opts.signal?.aborted) return fail(new ProbeError('cancelled', 'cancelled'));
        if (e.code === 'ENOENT') return fail(new ProbeError('not-found', `\`${cmd}\` was not found on PATH`));
        if (e.killed) return fail(new ProbeError('timeout', `\`${cmd}\` did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`, stderr));
        return done({ code: typeof e.code === 'number' ? e.code : 1, stdout, stderr });
      }
      done({ code: 0, stdout, stderr });
    });
  });
}

const MARK = '// rll-force';
const SKIP_DIRS = /[\\/](?:target|\.git|node_modules)$/;

/** Every Cargo.toml under `root` (build outputs and VCS folders left out). */
function manifestsUnder(root: string): string[] {
  const manifests: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, n.name);
      if (n.isDirectory()) {
        if (!SKIP_DIRS.test(p)) walk(p);
      } else if (n.name === 'Cargo.toml') manifests.push(p);
    }
  };
  walk(root);
  return manifests;
}

/** Relative `path = "…"` dependencies that leave the copied tree are made absolute in the copy's manifests. */
function fixOutsidePaths(origRoot: string, copyRoot: string): void {
  for (const m of manifestsUnder(copyRoot)) {
    const origDir = join(origRoot, relative(copyRoot, dirname(m)));
    const text = readFileSync(m, 'utf8');
    const fixed = text.replace(/(\bpath\s*=\s*")([^"]+)(")/g, (all, a: string, p: string, b: string) => {
      if (isAbsolute(p)) return all;
      const abs = resolve(origDir, p);
      const rel = relative(origRoot, abs);
      return rel.startsWith('..') || isAbsolute(rel) ? `${a}${abs.replace(/\\/g, '/')}${b}` : all;
    });
    if (fixed !== text) writeFileSync(m, fixed);
  }
}

/**
 * Copies the package (or the workspace that holds it) into `tmp`: the whole tree, not only src/
 * (`include_str!("../README.md")`, `#[path]` files outside src/), without build outputs. For a
 * cargo build, path dependencies outside the copy are made absolute. Returns the package's
 * directory in the copy.
 */
export function copyPackage(dir: string, tmp: string, workspaceRoot: string | undefined, forCargo: boolean): string {
  const root = workspaceRoot ?? dir;
  cpSync(root, tmp, { recursive: true, filter: (p) => !SKIP_DIRS.test(p) });
  if (forCargo) fixOutsidePaths(root, tmp);
  return join(tmp, relative(root, dir));
}

/**
 * rustc's layouts of the candidates (see the file comment). `dir` is the package directory.
 * Throws ProbeError when no report can be had.
 */
export async function probeCrateLayouts(dir: string, candidates: readonly ProbeCandidate[], opts: ProbeOptions = {}): Promise<ProbeResult> {
  const read = readCargoToml(dir);
  const info: CrateInfo = opts.bin ? { ...read, entry: opts.bin.path, binOnly: true, bin: opts.bin.name } : read;
  const tmp = mkdtempSync(join(tmpdir(), 'rll-crate-'));
  const t0 = Date.now();
  const rejected = new Map<string, { code: string; message: string }>();
  try {
    const pkg = copyPackage(dir, tmp, opts.cargo?.workspaceRoot, !!opts.cargo);
    const sizeOf = info.edition === '2015' ? '::rll_core::mem::size_of' : '::core::mem::size_of';
    const byFile = new Map<string, string[]>();
    const fileModule = fileModules(candidates);
    for (const c of candidates) {
      const mod = fileModule.get(c.file);
      if (mod === undefined) continue;
      const rel = mod && c.name.startsWith(`${mod}::`) ? c.name.slice(mod.length + 2) : mod ? null : c.name;
      if (!rel) continue;
      if (!byFile.has(c.file)) byFile.set(c.file, []);
      byFile.get(c.file)!.push(`const _: usize = ${sizeOf}::<self::${rel}>(); ${MARK} ${c.name}`);
    }
    // In the 2015 edition `::core` is the crate root's `core`, which std crates do not have:
    // name core from the root under a name of ours (the line works in no_std crates too).
    if (info.edition === '2015') {
      const p = join(pkg, info.entry);
      writeFileSync(p, `${readFileSync(p, 'utf8')}\nextern crate core as rll_core;\n`);
    }
    for (const [file, lines] of byFile) {
      const p = join(pkg, file);
      if (!existsSync(p)) continue;
      writeFileSync(p, readFileSync(p, 'utf8') + '\n' + lines.join('\n') + '\n');
    }
    const target = opts.target ? ['--target', opts.target] : [];
    const args = ['--edition', info.edition, '--crate-type', info.binOnly ? 'bin' : 'lib', '--crate-name', info.name, '-Zprint-type-sizes', '--emit=metadata', '--cap-lints', 'allow', ...info.features.flatMap((f) => ['--cfg', `feature="${f}"`]), ...target, '-o', join(tmp, 'out.rmeta'), join(pkg, info.entry)];
    const which = info.binOnly ? ['--bin', info.bin ?? readPackageName(dir) ?? info.name] : ['--lib'];
    const env = { ...process.env, RUSTC_BOOTSTRAP: '1' };
    // A shared target directory lets several runs reuse the dependencies they have in common.
    // A binary beside the package's library builds that library too, with its own lints
    // (`#![deny(warnings)]` meets rustc 1.95's newer warnings): capped like the probed target's.
    const capLib = opts.bin && !read.binOnly ? { RUSTFLAGS: [process.env.RUSTFLAGS, '--cap-lints=allow'].filter(Boolean).join(' ') } : {};
    const cargoEnv = { ...env, ...(opts.cargo?.cargoHome ? { CARGO_HOME: opts.cargo.cargoHome } : {}), CARGO_TARGET_DIR: opts.cargo?.targetDir ?? join(tmp, 'target'), ...capLib };
    // `-Zavoid-dev-deps` keeps dev-dependencies out of the resolve, for when they are not on disk.
    // It changes what is built (with feature resolver 1, `cargo build` turns on the features the
    // dev-dependencies ask for) and makes cargo skip `paths` overrides: passed only when the
    // dev-dependencies cannot be resolved.
    const devDeps = manifestsUnder(tmp).some((m) => /^\s*\[(?:[^\]]*\.)?dev[-_]dependencies\b/m.test(readFileSync(m, 'utf8')));
    const avoidDevDeps =
      devDeps && !!opts.cargo && (await run('cargo', ['metadata', '--format-version', '1', ...(opts.cargo.offline ? ['--offline'] : [])], { cwd: pkg, env: cargoEnv, signal: opts.signal, timeoutMs: opts.timeoutMs })).code !== 0;
    const cargoArgs = ['rustc', ...(avoidDevDeps ? ['-Zavoid-dev-deps'] : []), ...which, ...(opts.cargo?.offline ? ['--offline'] : []), '--quiet', '--profile', 'check', ...(opts.cargo?.features ? featureArgs(opts.cargo.features) : []), ...target, '--', '-Zprint-type-sizes', '--cap-lints', 'allow'];
    let dropped = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      const r = opts.cargo ? await run('cargo', cargoArgs, { cwd: pkg, env: cargoEnv, signal: opts.signal, timeoutMs: opts.timeoutMs }) : await run('rustc', args, { cwd: pkg, env, signal: opts.signal, timeoutMs: opts.timeoutMs });
      if (r.code === 0) {
        const report = r.stdout
          .split('\n')
          .filter((l) => l.startsWith('print-type-size'))
          .join('\n');
        return { types: parsePrintTypeSizes(r.stdout), rejected, forced: [...byFile.values()].reduce((a, l) => a + l.length, 0) - dropped, dropped, ms: Date.now() - t0, report };
      }
      // Drop every forcing line an error points at, then retry. An error's first `-->` is its
      // primary location; the code and message are kept for E0277 (the type is unsized: rustc
      // still prints the sized prefix's layout, which is not what `size_of` would give).
      const hits = new Map<string, Map<number, { code: string; message: string }>>();
      for (const block of r.stderr.split(/\n(?=error)/)) {
        const head = /^error(?:\[(E\d{4})\])?:\s*(.*)/.exec(block);
        const at = /-->\s+(\S+?):(\d+):\d+/.exec(block);
        if (!head || !at) continue;
        // cargo prints paths from the workspace root (the copied root), rustc from its cwd (the package, the root then too).
        const f = relative(tmp, isAbsolute(at[1]!) ? at[1]! : join(tmp, at[1]!)).split(sep).join('/');
        if (!hits.has(f)) hits.set(f, new Map());
        if (!hits.get(f)!.has(Number(at[2]))) hits.get(f)!.set(Number(at[2]), { code: head[1] ?? '', message: head[2]! });
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
      if (!removed) {
        const errors = r.stderr.split('\n').filter((l) => /^error/.test(l)).slice(0, 5);
        throw new ProbeError('build', `the crate does not build${errors.length ? `: ${errors.join(' / ')}` : ''}`, r.stderr);
      }
    }
    throw new ProbeError('build', 'rustc kept failing after 8 rounds of dropping the probes it refused');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function readPackageName(dir: string): string | undefined {
  const toml = existsSync(join(dir, 'Cargo.toml')) ? readFileSync(join(dir, 'Cargo.toml'), 'utf8') : '';
  const pkg = /\[package\]([\s\S]*?)(?:\n\[|$)/.exec(toml)?.[1] ?? '';
  return /^\s*name\s*=\s*"([^"]+)"/m.exec(pkg)?.[1];
}
