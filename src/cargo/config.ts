/**
 * Cargo's configuration as far as finding sources goes: `.cargo/config.toml` (or `.cargo/config`)
 * in the crate's directory and every directory above it, then `$CARGO_HOME/config.toml`
 * (`CARGO_HOME` defaults to `~/.cargo`). Closer files win, key by key, as in cargo. Read: the
 * `[source.*]` tables (`replace-with`, `directory`, `local-registry`, `registry`, `git`), the
 * `[patch.<source>]` tables and `paths` overrides.
 */
import { parse as parseToml } from 'smol-toml';
import type { ProjectFs } from './fs';
import { type DepSpec, patchTable } from './manifest';
import { ancestors, dirname, join } from './paths';

export interface SourceDef {
  readonly replaceWith?: string;
  /** Absolute path of a directory source (`cargo vendor`, Debian's /usr/share/cargo/registry). */
  readonly directory?: string;
  /** Absolute path of a local registry (`.crate` files and an index). */
  readonly localRegistry?: string;
  readonly registry?: string;
  readonly git?: string;
  readonly rev?: string;
  readonly branch?: string;
  readonly tag?: string;
}

export interface CargoConfig {
  readonly cargoHome: string | undefined;
  readonly sources: ReadonlyMap<string, SourceDef>;
  /** The config files read, closest first (for messages). */
  readonly files: readonly string[];
  /**
   * `[patch.<source>]` of the config files, a closer file's entry winning for a package; cargo
   * prefers these to the manifest's `[patch]` for the same package.
   */
  readonly patch: ReadonlyMap<string, ReadonlyMap<string, DepSpec>>;
  /** `paths` overrides (every file's, closest first): local packages used for any registry or git dependency of the same name. */
  readonly paths: readonly string[];
}

/** `CARGO_HOME`, else `$HOME/.cargo` (`%USERPROFILE%\.cargo` on Windows), else undefined. */
export function cargoHome(fs: ProjectFs): string | undefined {
  const h = fs.env('CARGO_HOME');
  if (h) return h;
  const home = fs.env('HOME') ?? fs.env('USERPROFILE');
  return home ? join(home, '.cargo') : undefined;
}

/** Each cargo config file that applies to `dir`, closest first, parsed (unreadable or invalid files skipped). */
function configFiles(fs: ProjectFs, dir: string): { file: string; doc: Record<string, unknown> }[] {
  const home = cargoHome(fs);
  const candidates: string[] = [];
  for (const d of ancestors(dir)) candidates.push(join(d, '.cargo/config.toml'), join(d, '.cargo/config'));
  if (home) candidates.push(join(home, 'config.toml'), join(home, 'config'));
  const out: { file: string; doc: Record<string, unknown> }[] = [];
  for (const file of new Set(candidates)) {
    const text = fs.readFile(file);
    if (text === undefined) continue;
    try {
      out.push({ file, doc: parseToml(text) as Record<string, unknown> });
    } catch {
      // cargo would stop with an error; here what the file says stays unknown
    }
  }
  return out;
}

export function readCargoConfig(fs: ProjectFs, dir: string): CargoConfig {
  const sources = new Map<string, SourceDef>();
  const files: string[] = [];
  const patch = new Map<string, Map<string, DepSpec>>();
  const paths: string[] = [];
  for (const { file, doc } of configFiles(fs, dir)) {
    files.push(file);
    // Relative paths are relative to the directory that holds `.cargo/`.
    const base = dirname(dirname(file));
    for (const [source, entries] of patchTable(doc.patch, base) ?? []) {
      let m = patch.get(source);
      if (!m) patch.set(source, (m = new Map<string, DepSpec>()));
      for (const [name, d] of entries) if (!m.has(name)) m.set(name, d);
    }
    if (Array.isArray(doc.paths)) for (const p of doc.paths) if (typeof p === 'string') paths.push(join(base, p));
    const src = doc.source;
    if (typeof src !== 'object' || src === null) continue;
    for (const [name, raw] of Object.entries(src as Record<string, unknown>)) {
      if (typeof raw !== 'object' || raw === null) continue;
      const r = raw as Record<string, unknown>;
      const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
      const here: SourceDef = {
        replaceWith: s('replace-with'),
        directory: s('directory') !== undefined ? join(base, s('directory')!) : undefined,
        localRegistry: s('local-registry') !== undefined ? join(base, s('local-registry')!) : undefined,
        registry: s('registry'),
        git: s('git'),
        rev: s('rev'),
        branch: s('branch'),
        tag: s('tag'),
      };
      const prev = sources.get(name);
      // A closer file's keys win; keys it does not set come from farther files.
      sources.set(name, prev ? mergeDefined(prev, here) : here);
    }
  }
  return { cargoHome: cargoHome(fs), sources, files, patch, paths };
}

function mergeDefined(closer: SourceDef, farther: SourceDef): SourceDef {
  const out: Record<string, string | undefined> = { ...farther };
  for (const [k, v] of Object.entries(closer)) if (v !== undefined) out[k] = v as string;
  return out as SourceDef;
}

/** `[build] target` of the closest config that sets it: the triples (or `.json` target files, made absolute) and the file. */
export interface BuildTargets {
  readonly targets: readonly string[];
  readonly file: string;
}

/**
 * The `[build] target` cargo would build `dir` for: the closest `.cargo/config.toml` (or
 * `.cargo/config`) from `dir` upwards that sets it, then `$CARGO_HOME/config.toml`. A string or
 * an array (cargo builds for each; the first is the one shown). A value ending in `.json` is a
 * custom target file, relative to the directory that holds `.cargo/`.
 */
export function readBuildTargets(fs: ProjectFs, dir: string): BuildTargets | undefined {
  for (const { file, doc } of configFiles(fs, dir)) {
    const build = doc.build as Record<string, unknown> | undefined;
    const t = build?.target;
    const list = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
    if (!list.length) continue;
    const base = dirname(dirname(file));
    return { targets: list.map((x) => (x.endsWith('.json') && !x.startsWith('/') && !/^[A-Za-z]:/.test(x) ? join(base, x) : x)), file };
  }
  return undefined;
}

/** The rustflags cargo passes to every crate it compiles, and where they come from. */
export interface Rustflags {
  readonly flags: readonly string[];
  /** `RUSTFLAGS`, `CARGO_ENCODED_RUSTFLAGS`, or the config file (`[build] rustflags`, `[target.…] rustflags`). */
  readonly from: string;
}

/** A config's `rustflags` value: an array, or a string split at whitespace. */
function flagList(v: unknown): string[] {
  if (typeof v === 'string') return v.split(/\s+/).filter(Boolean);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The rustflags cargo would use for `dir` and `target`, by cargo's precedence (the first source
 * that has any wins): `CARGO_ENCODED_RUSTFLAGS` (split at 0x1f), `RUSTFLAGS`, the
 * `[target.<triple>]` and matching `[target.'cfg(..)']` tables' `rustflags` (joined), then
 * `[build] rustflags`. Config arrays from several files are joined, farther files first.
 * `cfgHolds` evaluates a `cfg(..)` table key for the target.
 */
export function readRustflags(fs: ProjectFs, dir: string, triple: string, cfgHolds: (key: string) => boolean): Rustflags | undefined {
  const encoded = fs.env('CARGO_ENCODED_RUSTFLAGS');
  if (encoded !== undefined && encoded !== '') return { flags: encoded.split('\x1f'), from: 'CARGO_ENCODED_RUSTFLAGS' };
  const plain = fs.env('RUSTFLAGS');
  if (plain !== undefined && plain.trim() !== '') return { flags: flagList(plain), from: 'RUSTFLAGS' };
  const files = configFiles(fs, dir).reverse();
  const fromTarget: string[] = [];
  const targetFiles: string[] = [];
  const fromBuild: string[] = [];
  const buildFiles: string[] = [];
  for (const { file, doc } of files) {
    const targets = doc.target;
    if (typeof targets === 'object' && targets !== null) {
      for (const [key, table] of Object.entries(targets as Record<string, unknown>)) {
        if (typeof table !== 'object' || table === null || !('rustflags' in table)) continue;
        if (key !== triple && !(key.startsWith('cfg(') && cfgHolds(key))) continue;
        fromTarget.push(...flagList((table as Record<string, unknown>).rustflags));
        targetFiles.push(file);
      }
    }
    const build = doc.build;
    if (typeof build === 'object' && build !== null && 'rustflags' in build) {
      fromBuild.push(...flagList((build as Record<string, unknown>).rustflags));
      buildFiles.push(file);
    }
  }
  if (targetFiles.length) return { flags: fromTarget, from: `[target] rustflags in ${targetFiles.reverse().join(', ')}` };
  if (buildFiles.length) return { flags: fromBuild, from: `[build] rustflags in ${buildFiles.reverse().join(', ')}` };
  return undefined;
}

/** What rustflags change in what `#[cfg]` sees. */
export interface RustflagCfgs {
  /** Names (`tokio_unstable`) and pairs (`target_feature="avx2"`) set by `--cfg` and `-C target-feature=+x`. */
  readonly set: readonly string[];
  /** Cfg keys whose other values are not known (`target_feature` after `-C target-cpu`), with why. */
  readonly uncertain: ReadonlyMap<string, string>;
  /** Whether the flags decide `debug_assertions` (`-C debug-assertions`, `-C opt-level`, `-O`): then the profile's setting does not count. */
  readonly decidesDebugAssertions?: boolean;
}

/**
 * The cfgs rustflags set: `--cfg name`, `--cfg key="value"` (also `--cfg=…`), and target
 * features named by `-C target-feature=+a,+b`. A target feature turned on may turn on others it
 * implies, and `-C target-cpu=…` or a feature turned off changes the set in ways not modelled:
 * then every `target_feature` the target does not have by default (and no flag names) is
 * uncertain. Flags with no effect on `#[cfg]` are ignored.
 */
export function rustflagCfgs(rf: Rustflags): RustflagCfgs {
  const set: string[] = [];
  const uncertain = new Map<string, string>();
  const f = rf.flags;
  // rustc: `debug_assertions` holds when `-C debug-assertions` says so, else when opt-level is 0.
  let debugAssertions: boolean | undefined;
  let optLevel: string | undefined;
  let panic: string | undefined;
  for (let i = 0; i < f.length; i++) {
    const a = f[i]!;
    let cfg: string | undefined;
    let codegen: string | undefined;
    if (a === '-O') optLevel = '2';
    else if (a === '--cfg') cfg = f[++i];
    else if (a.startsWith('--cfg=')) cfg = a.slice(6);
    else if (a === '-C' || a === '--codegen') codegen = f[++i];
    else if (a.startsWith('-C')) codegen = a.slice(2);
    else if (a.startsWith('--codegen=')) codegen = a.slice(10);
    if (cfg !== undefined) {
      const kv = /^\s*([A-Za-z_][\w]*)\s*=\s*"([^"]*)"\s*$/.exec(cfg);
      set.push(kv ? `${kv[1]}="${kv[2]}"` : cfg.trim());
      continue;
    }
    if (codegen === undefined) continue;
    const [key, value = ''] = codegen.split(/=(.*)/s) as [string, string?];
    if (key === 'target-feature') {
      for (const feat of value.split(',').map((x) => x.trim()).filter(Boolean)) {
        if (feat.startsWith('+')) set.push(`target_feature="${feat.slice(1)}"`);
        uncertain.set('target_feature', `\`-C target-feature=${value}\` in ${rf.from} may turn on or off target features it implies, which are not modelled`);
      }
    } else if (key === 'target-cpu') {
      uncertain.set('target_feature', `the target features of \`-C target-cpu=${value}\` (${rf.from}) are not modelled`);
    } else if (key === 'debug-assertions') {
      debugAssertions = value === '' || /^(?:on|yes|y|true)$/.test(value);
    } else if (key === 'opt-level') {
      optLevel = value;
    } else if (key === 'panic') {
      panic = value;
    }
  }
  const decided = debugAssertions ?? (optLevel !== undefined ? optLevel === '0' : undefined);
  if (decided === false) set.push('!debug_assertions');
  if (panic === 'abort') set.push('!panic="unwind"', 'panic="abort"');
  return { set, uncertain, ...(decided !== undefined ? { decidesDebugAssertions: true } : {}) };
}

/**
 * What the dev profile (`cargo build`'s) changes in `#[cfg]`: `debug-assertions = false` unsets
 * `debug_assertions`, `panic = "abort"` makes `panic = "abort"` hold instead of `"unwind"`. Read
 * from the workspace root's Cargo.toml `[profile.dev]`, then cargo config files' `[profile.dev]`
 * (closer first), then `CARGO_PROFILE_DEV_*`; later sources win. Entries are for the `extra`
 * set of `evalCfg`: `!name` or `!key="value"` for what no longer holds.
 */
export function profileCfgs(fs: ProjectFs, workspaceRoot: string, dir: string, pkg?: { readonly name: string; readonly version?: string; readonly member: boolean }): string[] {
  let debugAssertions: boolean | undefined;
  let panic: string | undefined;
  // `[profile.dev.package.<spec>]` (or `"*"`: every package that is not a workspace member) sets
  // `debug-assertions` for that package; the named one wins over `"*"`, both over the profile.
  let named: boolean | undefined;
  let star: boolean | undefined;
  const take = (dev: unknown) => {
    if (typeof dev !== 'object' || dev === null) return;
    const d = dev as Record<string, unknown>;
    if (typeof d['debug-assertions'] === 'boolean') debugAssertions = d['debug-assertions'];
    if (typeof d.panic === 'string') panic = d.panic;
    const packages = d.package;
    if (!pkg || typeof packages !== 'object' || packages === null) return;
    for (const [spec, table] of Object.entries(packages as Record<string, unknown>)) {
      if (typeof table !== 'object' || table === null) continue;
      const da = (table as Record<string, unknown>)['debug-assertions'];
      if (typeof da !== 'boolean') continue;
      if (spec === '*') {
        if (!pkg.member) star = da;
        continue;
      }
      const [name, version] = spec.split(/[@:]/);
      if (name === pkg.name && (version === undefined || version === pkg.version)) named = da;
    }
  };
  const manifest = fs.readFile(join(workspaceRoot, 'Cargo.toml'));
  if (manifest !== undefined) {
    try {
      take(((parseToml(manifest) as Record<string, unknown>).profile as Record<string, unknown> | undefined)?.dev);
    } catch {
      // an unreadable manifest is reported where it is read for its package
    }
  }
  for (const { doc } of configFiles(fs, dir).reverse()) take((doc.profile as Record<string, unknown> | undefined)?.dev);
  const envDa = fs.env('CARGO_PROFILE_DEV_DEBUG_ASSERTIONS');
  if (envDa === 'true' || envDa === 'false') debugAssertions = envDa === 'true';
  const envPanic = fs.env('CARGO_PROFILE_DEV_PANIC');
  if (envPanic) panic = envPanic;
  const out: string[] = [];
  if ((named ?? star ?? debugAssertions) === false) out.push('!debug_assertions');
  if (panic === 'abort') out.push('!panic="unwind"', 'panic="abort"');
  return out;
}
