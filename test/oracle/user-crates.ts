/**
 * Dependency types as a user's crate holds them, against rustc: for packages D of a cargo
 * directory registry (Debian's /usr/share/cargo/registry), writes user crates `u` that depend on
 * one to three of them (a random subset of their features, sometimes `default-features = false`,
 * sometimes under another name) and hold their types in wrappers:
 *
 *   pub struct W17(pub d::path::Type<'static, u8, 4>);
 *   pub struct W18(pub Option<d::Concrete>);
 *
 * generic types instantiated with arguments from a pool (several instantiations each), concrete
 * types as they are. `cargo check` (offline, with RUSTC_BOOTSTRAP=1 like the probe) prunes the
 * wrappers rustc refuses (private paths, unmet bounds, wrong argument counts, cfg'd-out types)
 * until the crate builds; then each wrapper is compared as real-crates.ts does:
 * -Zprint-type-sizes against `node dist/cli.js --json u`.
 *
 *   node scripts/build.mjs && node out/test/oracle/user-crates.js --cargo-home H [--target-dir T]
 *     [--registry DIR] [--out DIR] [--seed S] [--only a,b] [--limit N] [--group N] [--verbose] [--cli dist/cli.js]
 *     [--baseline-cli OTHER/cli.js]   (also compares another build of the CLI with the same rustc layouts)
 *   node out/test/oracle/user-crates.js --cargo-home H --recompare OUT [--cli X]
 *     (the CLI against the rustc layouts an earlier run kept in OUT/gN/rustc.json: no build)
 *
 * The user crates are written under --out (default /tmp/rll-user-crates); every verdict goes to
 * OUT/results.jsonl, the merged summary (abstain reasons by frequency) to stdout. Deterministic
 * for a seed and a registry. Not part of npm test: a hunt for wrong numbers.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { compareWithRustc, formatSummary, mergeSummaries, probeCandidates, type EngineReport, type Summary } from './compare';
import { probeCrateLayouts } from '../../src/platform/rustcProbe';
import type { PtsType } from '../../src/core/verify/printTypeSizes';
import { Rng } from './prng';
import { libCrateName, parseManifest, type Manifest } from '../../src/cargo/manifest';

interface Param {
  readonly kind: 'lifetime' | 'type' | 'const';
  readonly name: string;
  readonly bounds: string;
  readonly ty?: string;
  readonly hasDefault: boolean;
}

interface DepType {
  /** Path from the crate root, as the CLI names it (`sync::mpsc::Sender`). */
  readonly name: string;
  /** undefined: not generic; otherwise its parameters (maybe only lifetimes). */
  readonly params?: readonly Param[];
  /** The CLI gave it a size as the root crate. */
  readonly sized: boolean;
  /** The declaration's `where` clause (bounds read loosely). */
  readonly where?: string;
}

interface Pkg {
  readonly dir: string;
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly lib: string;
  readonly manifest: Manifest;
}

interface Wrapper {
  readonly name: string;
  readonly crate: string;
  readonly expr: string;
  /** The wrapper's declaration after `pub struct NAME` / `pub enum NAME` (default: `(pub EXPR);`). */
  readonly decl?: string;
}

/**
 * Where a user puts a dependency's type (X): the niches it offers (one value, two), its size and
 * alignment beside other fields, cells that hide its niches, a reference to it.
 */
const CONTEXTS: readonly (readonly [number, string])[] = [
  [6, 'Option<X>'],
  [2, 'Option<Option<X>>'],
  [1, '(X, u8)'],
  [1, 'Option<(u8, X)>'],
  [1, 'Result<X, u16>'],
  [1, '[X; 2]'],
  [1, 'Option<core::mem::ManuallyDrop<X>>'],
  [1, 'Option<core::cell::UnsafeCell<X>>'],
  [1, 'Option<core::mem::MaybeUninit<X>>'],
  [1, "&'static X"],
  [1, 'Box<X>'],
];

/** User enums holding X: the tag in X's niche or beside it. */
const ENUMS: readonly string[] = ['{ A(X), B }', '{ A(X), B(u8), C }', '{ A(u32, X), B(u64) }', '{ A(X), B(X) }', '{ A, B(X), C, D }'];

function run(cmd: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** The text between the `<` at `open` and its matching `>` (a `->` is not a closer). */
function angleGroup(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '<') depth++;
    else if (c === '>' && text[i - 1] !== '-') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    } else if (c === '{' || c === ';') return undefined;
  }
  return undefined;
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' && s[i - 1] !== '-') || c === ')' || c === ']') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function parseParams(group: string): Param[] | undefined {
  const out: Param[] = [];
  for (let p of splitTop(group)) {
    p = p.replace(/#\[[^\]]*\]\s*/g, '').trim();
    if (p.startsWith("'")) {
      out.push({ kind: 'lifetime', name: p.split(/[\s:]/)[0]!, bounds: '', hasDefault: false });
      continue;
    }
    const c = /^const\s+(\w+)\s*:\s*([\w:]+)\s*(=.*)?$/s.exec(p);
    if (c) {
      out.push({ kind: 'const', name: c[1]!, bounds: '', ty: c[2]!, hasDefault: !!c[3] });
      continue;
    }
    const t = /^(\w+)\s*(?::\s*([^=]*))?(=.*)?$/s.exec(p);
    if (!t) return undefined;
    out.push({ kind: 'type', name: t[1]!, bounds: (t[2] ?? '').trim(), hasDefault: !!t[3] });
  }
  return out;
}

/** The generic parameters of `name` as declared at (or near) `line` of `file`; undefined when not found. */
function declaredParams(file: string, line: number, name: string): { params: Param[]; where: string } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const from = lines.slice(0, Math.max(0, line - 1)).join('\n').length;
  const re = new RegExp(`\\b(?:struct|enum|union)\\s+${name}\\b\\s*(<)?`, 'g');
  let best: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) if (!best || Math.abs(m.index - from) < Math.abs(best.index - from)) best = m as RegExpExecArray;
  if (!best) return undefined;
  if (!best[1]) return { params: [], where: '' };
  const g = angleGroup(text, best.index + best[0].length - 1);
  if (g === undefined) return undefined;
  const params = parseParams(g);
  if (!params) return undefined;
  const after = text.slice(best.index + best[0].length - 1 + g.length + 2, best.index + best[0].length + g.length + 400);
  const where = /^\s*(?:\([^;]*?\)\s*)?where([^{;]*)/s.exec(after)?.[1] ?? '';
  return { params, where };
}

const POOL: readonly (readonly [number, string])[] = [
  [4, 'u8'],
  [4, 'u32'],
  [3, 'u64'],
  [4, 'String'],
  [2, 'Vec<u16>'],
  [2, 'Box<str>'],
  [2, 'Option<u32>'],
  [2, '()'],
  [2, 'bool'],
  [1, 'char'],
  [2, "&'static str"],
  [1, '[u8; 3]'],
  [1, 'Box<dyn Fn()>'],
  [1, 'i16'],
  [1, 'f64'],
  [1, 'core::num::NonZeroU32'],
  [1, 'std::sync::Arc<u64>'],
  [1, 'Box<u8>'],
  [1, '(u8, u32)'],
  [1, 'std::collections::HashMap<u8, u8>'],
  [1, 'fn(u32) -> u32'],
  [1, 'core::marker::PhantomData<u8>'],
  [1, 'core::cmp::Ordering'],
];

const ARRAYS = ['[u8; 16]', '[u32; 4]', '[u8; 1]', '[u64; 3]', '[String; 2]', '[u16; 8]', '[char; 5]'];

/** A type argument for `param`, its bounds read loosely. */
function typeArg(rng: Rng, param: Param, where: string, extra: readonly string[], extraChance = 0.12): string {
  const b = `${param.bounds} ${new RegExp(`\\b${param.name}\\s*:([^,]*)`).exec(where)?.[1] ?? ''}`;
  if (/\bArray\b/.test(b)) return extra.length && rng.chance(extraChance / 2) ? `[${rng.pick(extra)}; ${rng.pick([1, 2, 3, 8])}]` : rng.pick(ARRAYS);
  if (/BuildHasher/.test(b)) return rng.pick(['std::collections::hash_map::RandomState', 'core::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>']);
  if (/\bFn(Mut|Once)?\s*\(/.test(b)) return rng.pick(['fn()', 'fn(u32) -> u32', 'fn(&str) -> bool', 'Box<dyn Fn()>']);
  if (/\?\s*Sized/.test(b) && rng.chance(0.4)) return rng.pick(['str', '[u8]', 'dyn core::fmt::Debug', 'dyn Fn() + Send', '[u32]']);
  if (/\bHasher\b/.test(b)) return 'std::collections::hash_map::DefaultHasher';
  if (/\b(Copy|Pod|Zeroable)\b/.test(b)) return rng.pick(['u8', 'u32', 'u64', 'char', '[u8; 3]', 'i16', 'f32']);
  if (/\b(Hash|Eq|Ord)\b/.test(b)) return rng.pick(['u8', 'u32', 'u64', 'String', '&\'static str', 'char', 'Box<str>']);
  if (/\bFuture\b/.test(b)) return rng.pick(['core::future::Ready<u8>', 'core::pin::Pin<Box<dyn core::future::Future<Output = ()> + Send>>', 'core::future::Pending<String>']);
  if (/\b(Read|BufRead)\b/.test(b)) return rng.pick(['std::fs::File', '&\'static [u8]', 'std::io::Cursor<Vec<u8>>', 'std::io::Stdin']);
  if (/\bWrite\b/.test(b)) return rng.pick(['std::fs::File', 'Vec<u8>', 'std::io::Stdout', 'String']);
  if (/\bIterator\b/.test(b)) return rng.pick(['core::ops::Range<u32>', 'std::vec::IntoIter<String>', 'core::str::Chars<\'static>']);
  if (/\bError\b/.test(b)) return rng.pick(['std::io::Error', 'core::fmt::Error', 'Box<dyn std::error::Error + Send + Sync>']);
  if (extra.length && rng.chance(extraChance)) return rng.pick(extra);
  return rng.weighted(POOL);
}

function constArg(rng: Rng, ty: string | undefined): string {
  if (ty === 'bool') return rng.pick(['true', 'false']);
  if (ty === 'char') return "'a'";
  return String(rng.pick([0, 1, 2, 3, 4, 7, 8, 16, 33]));
}

/** `path<args>` for one instantiation (trailing defaulted parameters left out at times). */
function instantiate(rng: Rng, path: string, params: readonly Param[], where: string, extra: readonly string[], extraChance = 0.12): string {
  let keep = params.length;
  // An allocator parameter keeps its default (Global): no type of the pool is an Allocator.
  const alloc = params.findIndex((p) => p.hasDefault && /Allocator/.test(p.bounds));
  if (alloc >= 0 && params.slice(alloc).every((p) => p.hasDefault)) keep = alloc;
  while (keep > 0 && params[keep - 1]!.hasDefault && rng.chance(0.5)) keep--;
  const args = params.slice(0, keep).map((p) => (p.kind === 'lifetime' ? "'static" : p.kind === 'const' ? constArg(rng, p.ty) : typeArg(rng, p, where, extra, extraChance)));
  return args.length ? `${path}<${args.join(', ')}>` : path;
}

function packages(registry: string): Pkg[] {
  const out: Pkg[] = [];
  for (const id of readdirSync(registry).sort()) {
    const dir = join(registry, id);
    const toml = join(dir, 'Cargo.toml');
    if (!existsSync(toml)) continue;
    let m: Manifest;
    try {
      m = parseManifest(readFileSync(toml, 'utf8'), dir);
    } catch {
      continue;
    }
    if (!m.package || m.lib?.procMacro) continue;
    const lib = libCrateName(m);
    if (!lib || !(m.lib?.path ? existsSync(join(dir, m.lib.path)) : existsSync(join(dir, 'src/lib.rs')))) continue;
    out.push({ dir, id, name: m.package.name, version: m.package.version ?? '0.0.0', lib, manifest: m });
  }
  return out;
}

async function depTypes(pkg: Pkg, cli: string, env: NodeJS.ProcessEnv): Promise<DepType[]> {
  let r = await run(process.execPath, [cli, '--json', '--all-features', pkg.dir], { cwd: pkg.dir, env, timeoutMs: 300_000 });
  if (r.code !== 0 || !r.stdout.trim()) r = await run(process.execPath, [cli, '--json', pkg.dir], { cwd: pkg.dir, env, timeoutMs: 300_000 });
  if (!r.stdout.trim()) return [];
  let report: EngineReport;
  try {
    report = JSON.parse(r.stdout) as EngineReport;
  } catch {
    return [];
  }
  const out: DepType[] = [];
  const seen = new Set<string>();
  for (const t of report.types as readonly (EngineReport['types'][number] & { file?: string; line?: number })[]) {
    if (!t.file || seen.has(t.name)) continue;
    seen.add(t.name);
    const base = t.name.split('::').pop()!;
    const decl = t.line ? declaredParams(join(pkg.dir, t.file), t.line, base) : undefined;
    const generic = /generic/i.test(t.unknown ?? '');
    if (generic && !decl?.params.length) continue;
    out.push({ name: t.name, params: decl?.params.length ? decl.params : undefined, sized: typeof t.size === 'number', ...(decl?.where ? { where: decl.where } : {}) });
  }
  return out;
}

/** The paths a user might name `name` by: its own, its parent module's, the crate root's. */
function pathsOf(root: string, name: string): string[] {
  const segs = name.split('::');
  const out = [`${root}::${name}`];
  if (segs.length > 2) out.push(`${root}::${[...segs.slice(0, -2), segs[segs.length - 1]!].join('::')}`);
  if (segs.length > 1) out.push(`${root}::${segs[segs.length - 1]}`);
  return out;
}

const UNSTABLE_FEATURE = /nightly|unstable|specializ|may_dangle|const_generics_|simd|asm|allocator_api|docs?rs|bench|test|core_intrinsics|read_initializer|portable/i;

function chooseFeatures(rng: Rng, pkg: Pkg): { features: string[]; noDefault: boolean } {
  const all = [...pkg.manifest.features.keys()].filter((f) => f !== 'default' && !UNSTABLE_FEATURE.test(f));
  for (const d of pkg.manifest.deps) if (d.optional && d.kind === 'normal' && !all.includes(d.name) && ![...pkg.manifest.features.values()].some((v) => v.includes(`dep:${d.name}`))) all.push(d.name);
  if (rng.chance(0.45) || !all.length) return { features: [], noDefault: rng.chance(0.15) };
  const n = rng.int(1, Math.min(4, all.length));
  const picked = new Set<string>();
  for (let i = 0; i < n; i++) picked.add(rng.pick(all));
  return { features: [...picked].sort(), noDefault: rng.chance(0.35) };
}

interface DepChoice {
  readonly pkg: Pkg;
  readonly key: string;
  readonly root: string;
  features: string[];
  noDefault: boolean;
  /**
   * The same package again in another table, with other features: cargo's feature resolver 1
   * (editions 2015/2018) unifies them with the normal dependency's, resolver 2 does not.
   */
  also?: { table: string; features: string[]; noDefault: boolean };
}

const OTHER_TABLES = ['build-dependencies', 'dev-dependencies', "target.'cfg(windows)'.dependencies", "target.'cfg(unix)'.dependencies", "target.'cfg(target_os = \"macos\")'.dependencies"];

interface Shape {
  edition: '2018' | '2021';
  /** `resolver = "2"` written in an edition-2018 package. */
  resolver2: boolean;
}

function manifestText(deps: readonly DepChoice[], shape: Shape): string {
  const lines = ['[package]', 'name = "u"', 'version = "0.1.0"', `edition = "${shape.edition}"`, ...(shape.resolver2 ? ['resolver = "2"'] : []), '', '[lib]', 'path = "src/lib.rs"', ''];
  const spec = (d: DepChoice, features: readonly string[], noDefault: boolean): string => {
    const parts = [`version = "=${d.pkg.version}"`];
    if (d.key !== d.pkg.name) parts.push(`package = "${d.pkg.name}"`);
    if (features.length) parts.push(`features = [${features.map((f) => JSON.stringify(f)).join(', ')}]`);
    if (noDefault) parts.push('default-features = false');
    return `${d.key} = { ${parts.join(', ')} }`;
  };
  const tables = new Map<string, string[]>([['dependencies', deps.map((d) => spec(d, d.features, d.noDefault))]]);
  for (const d of deps) if (d.also) tables.set(d.also.table, [...(tables.get(d.also.table) ?? []), spec(d, d.also.features, d.also.noDefault)]);
  for (const [t, entries] of tables) lines.push(`[${t}]`, ...entries, '');
  return lines.join('\n');
}

const MAX_PER_CRATE = 240;

/**
 * A second wave: the group's generic types instantiated with the dependency types rustc took in
 * the first one (`IndexMap<SmallVec<[u8; 16]>, Either<u8, String>>`), in contexts too.
 */
function secondWave(rng: Rng, deps: readonly DepChoice[], types: ReadonlyMap<string, readonly DepType[]>, survivors: readonly Wrapper[], next: () => string): Wrapper[] {
  const held = survivors.filter((x) => !x.decl && deps.some((d) => x.expr.startsWith(`${d.root}::`)) && !/^&|^\[/.test(x.expr)).map((x) => x.expr);
  if (!held.length) return [];
  const out: Wrapper[] = [];
  for (const d of deps) {
    const generic = (types.get(d.pkg.id) ?? []).filter((t) => t.params?.some((p) => p.kind === 'type'));
    // The paths rustc took for this crate's types in the first wave.
    const taken = new Set(survivors.filter((x) => x.crate === d.pkg.id).map((x) => /^[\w:]+/.exec(x.expr)?.[0]));
    for (const t of generic) {
      const path = pathsOf(d.root, t.name).find((p) => taken.has(p));
      if (!path) continue;
      for (let i = 0; i < 3 && out.length < 120; i++) {
        const e = instantiate(rng, path, t.params!, t.where ?? '', held, 0.6);
        out.push({ name: next(), crate: d.pkg.id, expr: e });
        if (rng.chance(0.35)) out.push({ name: next(), crate: d.pkg.id, expr: rng.weighted(CONTEXTS).replace('X', e) });
      }
    }
  }
  return out;
}

function wrappersFor(rng: Rng, dep: DepChoice, types: readonly DepType[], extra: readonly string[], next: () => string): Wrapper[] {
  const out: Wrapper[] = [];
  const exprs = new Set<string>();
  const add = (e: string, decl?: string): void => {
    const key = decl ?? e;
    if (exprs.has(key) || out.length >= MAX_PER_CRATE) return;
    exprs.add(key);
    out.push({ name: next(), crate: dep.pkg.id, expr: e, ...(decl ? { decl } : {}) });
  };
  const shuffled = [...types];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  for (const t of shuffled) {
    for (const path of pathsOf(dep.root, t.name)) {
      const n = t.params ? (t.params.every((p) => p.kind === 'lifetime') ? 1 : rng.int(2, 4)) : 1;
      for (let i = 0; i < n; i++) {
        const e = t.params ? instantiate(rng, path, t.params, t.where ?? '', extra) : path;
        add(e);
        if (rng.chance(0.45)) add(rng.weighted(CONTEXTS).replace('X', e));
        if (rng.chance(0.12)) {
          const body = rng.pick(ENUMS).replace(/X/g, e);
          add(`enum ${body}`, `enum ${body}`);
        }
      }
    }
  }
  return out;
}

interface CheckOutcome {
  readonly ok: boolean;
  readonly removed: number;
  readonly stderr: string;
}

/** `cargo check` until it builds, blanking every wrapper line an error points at. */
async function pruneUntilBuilds(dir: string, env: NodeJS.ProcessEnv): Promise<CheckOutcome> {
  let removed = 0;
  for (let round = 0; round < 12; round++) {
    const r = await run('cargo', ['check', '--lib', '--offline', '--message-format=short'], { cwd: dir, env, timeoutMs: 900_000 });
    if (r.code === 0) return { ok: true, removed, stderr: '' };
    writeFileSync(join(dir, `check-${round}.log`), r.stderr);
    const lib = join(dir, 'src/lib.rs');
    const text = readFileSync(lib, 'utf8').split('\n');
    let n = 0;
    for (const m of r.stderr.matchAll(/^(\S+?):(\d+):\d+: error/gm)) {
      if (!/(^|\/)src\/lib\.rs$/.test(m[1]!) || (m[1]!.startsWith('/') && !m[1]!.startsWith(dir))) continue;
      const i = Number(m[2]) - 1;
      if (text[i] && /^pub (?:struct|enum) W\d+/.test(text[i]!)) {
        text[i] = '';
        n++;
      }
    }
    if (!n) return { ok: false, removed, stderr: r.stderr };
    removed += n;
    writeFileSync(lib, text.join('\n'));
  }
  return { ok: false, removed, stderr: 'too many rounds' };
}

/**
 * real-crates.ts's check (that module runs its own main when bundled into this script, so it is
 * not imported): the CLI's report of `dir` against -Zprint-type-sizes through cargo.
 */
async function checkUserCrate(dir: string, cli: string, env: NodeJS.ProcessEnv, cargoHome: string, targetDir: string, baselineCli?: string): Promise<{ summary: Summary; baseline?: Summary }> {
  const report = async (which: string): Promise<EngineReport> => {
    const r = await run(process.execPath, [which, '--json', dir], { cwd: dir, env, timeoutMs: 900_000 });
    if (r.code !== 0) throw new Error(`the CLI failed: ${r.stderr.split('\n')[0]}`);
    return JSON.parse(r.stdout) as EngineReport;
  };
  const engine = await report(cli);
  const candidates = probeCandidates(engine).map((c) => ({ ...c, file: relative(dir, join(dir, c.file)).split(sep).join('/') }));
  const rustc = await probeCrateLayouts(dir, candidates, { cargo: { cargoHome, targetDir, offline: true }, timeoutMs: 900_000 });
  // Kept beside the crate: --recompare compares another CLI with them without building again.
  writeFileSync(join(dir, 'rustc.json'), JSON.stringify({ types: [...rustc.types], rejected: [...rustc.rejected] }));
  const summary = compareWithRustc(dir, engine, rustc.types, rustc.rejected).summary;
  if (!baselineCli) return { summary };
  // Another build of the CLI (before a fix) against the same rustc layouts.
  return { summary, baseline: compareWithRustc(dir, await report(baselineCli), rustc.types, rustc.rejected).summary };
}

interface CrateTally {
  exact: number;
  wrong: number;
  abstained: number;
  other: number;
}

/** The CLI against the rustc layouts kept by an earlier run, group by group (no build). */
async function recompare(out: string, cli: string, env: NodeJS.ProcessEnv): Promise<void> {
  const parts: Summary[] = [];
  const groups = readdirSync(out)
    .filter((d) => /^g\d+$/.test(d) && existsSync(join(out, d, 'rustc.json')))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  for (const g of groups) {
    const dir = join(out, g);
    const saved = JSON.parse(readFileSync(join(dir, 'rustc.json'), 'utf8')) as { types: [string, PtsType][]; rejected: [string, { code: string; message: string }][] };
    const wrappers = new Map((JSON.parse(readFileSync(join(dir, 'wrappers.json'), 'utf8')) as Wrapper[]).map((x) => [x.name, x]));
    const r = await run(process.execPath, [cli, '--json', dir], { cwd: dir, env, timeoutMs: 900_000 });
    if (r.code !== 0) {
      console.log(`${g}: the CLI failed: ${r.stderr.split('\n')[0]}`);
      continue;
    }
    const summary = compareWithRustc(dir, JSON.parse(r.stdout) as EngineReport, new Map(saved.types), new Map(saved.rejected)).summary;
    const s: Summary = { ...summary, title: g, verdicts: summary.verdicts.map((v) => ({ ...v, name: `${v.name} = ${wrappers.get(v.name)?.expr ?? '?'} (${wrappers.get(v.name)?.crate ?? '?'})` })) };
    parts.push(s);
    for (const v of s.verdicts) if (v.verdict === 'wrong' || v.verdict === 'error-mismatch') console.log(`   ${v.verdict.toUpperCase()} ${g} ${v.name}: ${v.details.join('; ')}`);
  }
  const all = mergeSummaries(`user crates (${cli})`, parts);
  console.log(formatSummary(all, 60));
  const crates = new Set(all.verdicts.map((v) => /\(([^()]*)\)$/.exec(v.name)?.[1]));
  console.log(`${groups.length} groups, ${crates.size} crates held`);
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
  const cli = resolve(opt('--cli') ?? 'dist/cli.js');
  const baselineArg = opt('--baseline-cli');
  const baselineCli = baselineArg ? resolve(baselineArg) : undefined;
  const cargoHome = opt('--cargo-home');
  const registry = opt('--registry') ?? '/usr/share/cargo/registry';
  const out = opt('--out') ?? '/tmp/rll-user-crates';
  const seed = opt('--seed') ?? 'hunt-u';
  const only = opt('--only')?.split(',');
  const limit = Number(opt('--limit') ?? '100000');
  const groupMax = Number(opt('--group') ?? '3');
  const verbose = flag('--verbose');
  if (!cargoHome) {
    console.error('usage: node out/test/oracle/user-crates.js --cargo-home DIR [--target-dir DIR] [--registry DIR] [--out DIR] [--seed S] [--only a,b] [--limit N] [--group N] [--verbose]');
    process.exit(2);
  }
  const again = opt('--recompare');
  if (again) {
    await recompare(again, cli, { ...process.env, CARGO_HOME: cargoHome });
    return;
  }
  const targetDir = opt('--target-dir') ?? join(cargoHome, 'target');
  mkdirSync(out, { recursive: true });
  mkdirSync(targetDir, { recursive: true });
  const env = { ...process.env, CARGO_HOME: cargoHome, RUSTC_BOOTSTRAP: '1', CARGO_TARGET_DIR: targetDir };
  const rng = new Rng(seed);
  let pkgs = packages(registry).filter((p) => !only || only.includes(p.id) || only.includes(p.name));
  for (let i = pkgs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [pkgs[i], pkgs[j]] = [pkgs[j]!, pkgs[i]!];
  }
  pkgs = pkgs.slice(0, limit);
  const results = join(out, 'results.jsonl');
  const parts: Summary[] = [];
  const baselines: Summary[] = [];
  const tally = new Map<string, CrateTally>();
  let g = 0;
  /** Groups that did not build, to be tried one package at a time. */
  const retry: Pkg[][] = [];
  for (let at = 0; at < pkgs.length || retry.length; g++) {
    let group: Pkg[] = [];
    if (retry.length) group = retry.shift()!;
    else {
      const size = Math.min(rng.int(1, groupMax), pkgs.length - at);
      while (group.length < size && at < pkgs.length) {
        const p = pkgs[at++]!;
        if (!group.some((q) => q.name === p.name)) group.push(p);
        else retry.push([p]);
      }
    }
    const grng = new Rng(`${seed}/${group.map((p) => p.id).join('+')}`);
    const deps: DepChoice[] = group.map((p, i) => {
      const key = grng.chance(0.15) ? `dep${i}_${p.name.replace(/-/g, '_')}` : p.name;
      const d: DepChoice = { pkg: p, key, root: key === p.name ? p.lib : key.replace(/-/g, '_'), ...chooseFeatures(grng, p) };
      if (grng.chance(0.3)) {
        let f = chooseFeatures(grng, p);
        if (!f.features.length) f = chooseFeatures(grng, p);
        d.also = { table: grng.pick(OTHER_TABLES), ...f };
      }
      return d;
    });
    const shape: Shape = grng.chance(0.35) ? { edition: '2018', resolver2: grng.chance(0.3) } : { edition: '2021', resolver2: false };
    const types = new Map<string, DepType[]>();
    for (const d of deps) types.set(d.pkg.id, await depTypes(d.pkg, cli, env));
    const extra = deps.flatMap((d) => types.get(d.pkg.id)!.filter((t) => !t.params && t.sized && !t.name.includes('::')).map((t) => `${d.root}::${t.name}`));
    let w = 0;
    let wrappers = deps.flatMap((d) => wrappersFor(grng, d, types.get(d.pkg.id)!, extra, () => `W${w++}`));
    const dir = join(out, `g${g}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'src'), { recursive: true });
    const write = (): void => {
      writeFileSync(join(dir, 'Cargo.toml'), manifestText(deps, shape));
      writeFileSync(join(dir, 'src/lib.rs'), ['#![allow(warnings)]', ...wrappers.map((x) => (x.decl?.startsWith('enum ') ? `pub enum ${x.name} ${x.decl.slice(5)}` : `pub struct ${x.name}(pub ${x.expr});`))].join('\n') + '\n');
    };
    write();
    let pruned = await pruneUntilBuilds(dir, env);
    if (!pruned.ok && deps.some((d) => d.features.length || d.noDefault)) {
      // A feature the registry cannot satisfy (a missing optional dependency, a platform-only
      // one): the group with each package's default features.
      for (const d of deps) {
        d.features = [];
        d.noDefault = false;
        if (d.also) d.also = { ...d.also, features: [], noDefault: false };
      }
      write();
      pruned = await pruneUntilBuilds(dir, env);
    }
    if (pruned.ok) {
      const kept = new Set([...readFileSync(join(dir, 'src/lib.rs'), 'utf8').matchAll(/^pub (?:struct|enum) (W\d+)/gm)].map((m) => m[1]));
      const survivors = wrappers.filter((x) => kept.has(x.name));
      const wave = secondWave(grng, deps, types, survivors, () => `W${w++}`);
      if (wave.length) {
        wrappers = [...survivors, ...wave];
        write();
        const second = await pruneUntilBuilds(dir, env);
        if (second.ok) pruned = { ok: true, removed: pruned.removed + second.removed, stderr: '' };
        else {
          wrappers = survivors;
          write();
          pruned = await pruneUntilBuilds(dir, env);
        }
      }
    }
    const feats = (f: readonly string[], noDefault: boolean): string => `${f.length ? ` [${f.join(',')}]` : ''}${noDefault ? ' no-default' : ''}`;
    const label = `${shape.edition}${shape.resolver2 ? '/r2' : ''}: ${deps.map((d) => `${d.pkg.id}${d.key !== d.pkg.name ? ` as ${d.key}` : ''}${feats(d.features, d.noDefault)}${d.also ? ` (${d.also.table}:${feats(d.also.features, d.also.noDefault) || ' default'})` : ''}`).join(' + ')}`;
    if (!pruned.ok) {
      const first = pruned.stderr.split('\n').filter((l) => /error/.test(l)).slice(0, 3).join(' | ');
      console.log(`g${g} ${label}: does not build: ${first}`);
      appendFileSync(results, JSON.stringify({ group: g, label, error: first }) + '\n');
      if (group.length > 1) retry.push(...group.map((p) => [p]));
      continue;
    }
    let summary: Summary;
    try {
      const checked = await checkUserCrate(dir, cli, env, cargoHome, targetDir, baselineCli);
      summary = checked.summary;
      if (checked.baseline) {
        const b = checked.baseline;
        baselines.push({ ...b, title: `g${g}` });
        const changed = b.verdicts.filter((v, i) => v.verdict !== summary.verdicts[i]?.verdict);
        for (const v of changed) console.log(`   BASELINE ${v.verdict} ${v.name} = ${wrappers.find((x) => x.name === v.name)?.expr ?? '?'}: ${v.details.join('; ')}`);
      }
    } catch (e) {
      console.log(`g${g} ${label}: not checked: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
      continue;
    }
    writeFileSync(join(dir, 'wrappers.json'), JSON.stringify(wrappers));
    const byName = new Map(wrappers.map((x) => [x.name, x]));
    const s: Summary = { ...summary, title: `g${g}`, verdicts: summary.verdicts.map((v) => ({ ...v, name: `${v.name} = ${byName.get(v.name)?.expr ?? '?'}` })) };
    parts.push(s);
    for (const v of summary.verdicts) {
      const c = byName.get(v.name)?.crate ?? '?';
      const t = tally.get(c) ?? { exact: 0, wrong: 0, abstained: 0, other: 0 };
      if (v.verdict === 'exact' || v.verdict === 'error-match') t.exact++;
      else if (v.verdict === 'wrong' || v.verdict === 'error-mismatch') t.wrong++;
      else if (v.verdict === 'abstained') t.abstained++;
      else t.other++;
      tally.set(c, t);
      appendFileSync(results, JSON.stringify({ group: g, crate: c, type: byName.get(v.name)?.expr, verdict: v.verdict, details: v.details }) + '\n');
    }
    const c = summary.counts;
    console.log(`g${g} ${label}: ${wrappers.length} wrappers, ${pruned.removed} pruned, ${summary.total} compared: exact ${c.exact}, wrong ${c.wrong}, abstained ${c.abstained}, missing ${c.missing}, rejected ${c['error-match']}/${c['error-mismatch']}`);
    for (const v of s.verdicts) if (v.verdict === 'wrong' || v.verdict === 'error-mismatch' || (verbose && v.verdict !== 'exact')) console.log(`   ${v.verdict.toUpperCase()} ${v.name}: ${v.details.join('; ')}`);
  }
  if (baselineCli) console.log(formatSummary(mergeSummaries(`user crates, baseline ${baselineCli}`, baselines), 60));
  const all = mergeSummaries('user crates', parts);
  console.log(formatSummary(all, 60));
  console.log(`${tally.size} crates held, ${[...tally.values()].filter((t) => t.wrong).length} with a wrong number`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
