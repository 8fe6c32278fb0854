/**
 * Cargo's configuration as far as finding sources goes: `.cargo/config.toml` (or `.cargo/config`)
 * in the crate's directory and every directory above it, then `$CARGO_HOME/config.toml`
 * (`CARGO_HOME` defaults to `~/.cargo`). Closer files win, key by key, as in cargo. Read: the
 * `[source.*]` tables (`replace-with`, `directory`, `local-registry`, `registry`, `git`).
 */
import { parse as parseToml } from 'smol-toml';
import type { ProjectFs } from './fs';
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
  for (const { file, doc } of configFiles(fs, dir)) {
    files.push(file);
    // Relative paths are relative to the directory that holds `.cargo/`.
    const base = dirname(dirname(file));
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
  return { cargoHome: cargoHome(fs), sources, files };
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
