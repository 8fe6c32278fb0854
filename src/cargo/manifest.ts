/**
 * Cargo.toml → the facts layouts need: the package's name, version, edition and library target,
 * its dependencies (every table: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`,
 * `[target.'cfg(..)'.dependencies]`, renamed with `package = ".."`), its `[features]`, and the
 * `[workspace]` section. `workspace = true` keys are filled from the workspace root's manifest
 * by `inheritWorkspace`. TOML is read with smol-toml.
 */
import { parse as parseToml } from 'smol-toml';
import { Postponed, type WorkBudget } from '../core/budget';
import { join } from './paths';

export type DepKind = 'normal' | 'dev' | 'build';

export interface DepSpec {
  /** The key in the dependency table: the name the crate is known by (`-` becomes `_` in Rust paths). */
  readonly name: string;
  /** The package it names (`package = ".."`, else `name`). */
  readonly package: string;
  /** The version requirement, when one is written. */
  readonly req?: string;
  /** Absolute directory of a path dependency. */
  readonly path?: string;
  /** Repository URL of a git dependency (with `rev`/`branch`/`tag` when written). */
  readonly git?: { readonly url: string; readonly rev?: string; readonly branch?: string; readonly tag?: string };
  /** An alternative registry's name (`registry = ".."`). */
  readonly registry?: string;
  readonly optional: boolean;
  readonly defaultFeatures: boolean;
  readonly features: readonly string[];
  readonly kind: DepKind;
  /** The `target.<key>` table it came from (`cfg(unix)`, a triple), if any. */
  readonly target?: string;
  /** `workspace = true`: still to be merged with `[workspace.dependencies]`. */
  readonly inherit?: boolean;
}

export interface WorkspaceDecl {
  readonly members: readonly string[];
  readonly exclude: readonly string[];
  /** `default-members` (what `cargo build` at the root builds; absent: every member of a virtual workspace, else the root package). */
  readonly defaultMembers?: readonly string[];
  /** `[workspace.dependencies]`, relative paths already made absolute against the workspace root. */
  readonly dependencies: ReadonlyMap<string, DepSpec>;
  /** `[workspace.package]` keys that members can inherit (`edition`, `version`). */
  readonly package: { readonly edition?: string; readonly version?: string };
  /** `workspace.resolver`. */
  readonly resolver?: string;
  /** `[workspace.lints.rust]`. */
  readonly lints?: RustLints;
}

export interface Manifest {
  /** The directory holding Cargo.toml. */
  readonly dir: string;
  /** Absent in a virtual workspace manifest. */
  readonly package?: {
    readonly name: string;
    readonly version?: string;
    /** Cargo's default when absent is 2015; undefined while still to be inherited. */
    readonly edition?: string;
    /** `edition.workspace = true` / `version.workspace = true`. */
    readonly inheritEdition: boolean;
    readonly inheritVersion: boolean;
    /** `package.workspace = ".."`: an explicit workspace root. */
    readonly workspace?: string;
    /** `package.build`: the build script's path, or false for none (default: build.rs if present). */
    readonly build?: string | false;
    /** `package.resolver` (cargo's feature resolver: "1", "2", "3"). */
    readonly resolver?: string;
  };
  /** The library target: its crate name (`[lib] name`, else the package name with `-` as `_`) and entry file. */
  readonly lib?: { readonly name?: string; readonly path?: string; readonly procMacro?: boolean };
  /** The `[[bin]]` targets as written (name and entry file, each when given), in order. */
  readonly bins?: readonly { readonly name?: string; readonly path?: string }[];
  readonly deps: readonly DepSpec[];
  readonly features: ReadonlyMap<string, readonly string[]>;
  readonly workspace?: WorkspaceDecl;
  /** `[lints.rust]` (cargo passes them to rustc as `-A`/`-W`/`-D`/`-F` flags); `lints.workspace = true` is resolved by inheritWorkspace. */
  readonly lints?: RustLints;
  /** `lints.workspace = true`: still to be taken from `[workspace.lints]`. */
  readonly inheritLints?: boolean;
  /**
   * `[patch.<source>]` (read from the workspace root's manifest only, as cargo does): by source
   * (`crates-io` or a git URL), the entries that replace that source's packages, by package name.
   */
  readonly patch?: PatchTable;
  /**
   * `[replace]` (deprecated, still honoured by cargo; the workspace root's only): package id
   * specs (`name:version`, `name@version`, `<source url>#name:version`) and what replaces them.
   */
  readonly replace?: readonly ReplaceEntry[];
}

/** `[patch.<source>]` tables: by source (`crates-io` or a URL), the entries by package name. */
export type PatchTable = ReadonlyMap<string, ReadonlyMap<string, DepSpec>>;

export interface ReplaceEntry {
  readonly name: string;
  /** The version the spec names; undefined when it names none (cargo then refuses the manifest). */
  readonly version?: string;
  readonly with: DepSpec;
}

export class ManifestError extends Error {}

/** A lint's level and priority from `[lints.rust]` (`x = "allow"` or `x = { level = "allow", priority = -1 }`). */
export type RustLints = ReadonlyMap<string, { readonly level: string; readonly priority: number }>;

function rustLints(t: unknown): RustLints | undefined {
  if (typeof t !== 'object' || t === null || Array.isArray(t)) return undefined;
  const rust = (t as Record<string, unknown>).rust;
  if (typeof rust !== 'object' || rust === null || Array.isArray(rust)) return undefined;
  const out = new Map<string, { level: string; priority: number }>();
  for (const [name, v] of Object.entries(rust as Record<string, unknown>)) {
    if (typeof v === 'string') out.set(name, { level: v, priority: 0 });
    else if (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).level === 'string') {
      const pr = (v as Record<string, unknown>).priority;
      out.set(name, { level: (v as Record<string, unknown>).level as string, priority: typeof pr === 'number' ? pr : 0 });
    }
  }
  return out;
}

type Table = Record<string, unknown>;

const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Reads one dependency entry (`"1.0"` or a table). */
function depSpec(name: string, v: unknown, dir: string, kind: DepKind, target: string | undefined): DepSpec | undefined {
  if (typeof v === 'string') return { name, package: name, req: v, optional: false, defaultFeatures: true, features: [], kind, target };
  if (!isTable(v)) return undefined;
  const path = str(v.path);
  const gitUrl = str(v.git);
  const df = v['default-features'] ?? v.default_features;
  return {
    name,
    package: str(v.package) ?? name,
    req: str(v.version),
    path: path !== undefined ? join(dir, path) : undefined,
    git: gitUrl !== undefined ? { url: gitUrl, rev: str(v.rev), branch: str(v.branch), tag: str(v.tag) } : undefined,
    registry: str(v.registry),
    optional: v.optional === true,
    defaultFeatures: df !== false,
    features: strings(v.features),
    kind,
    target,
    inherit: v.workspace === true || undefined,
  };
}

/** A `[patch]` table (of a manifest or a config file), its paths relative to `dir`. */
export function patchTable(raw: unknown, dir: string): PatchTable | undefined {
  if (!isTable(raw)) return undefined;
  const patch = new Map<string, Map<string, DepSpec>>();
  for (const [source, entries] of Object.entries(raw)) {
    if (!isTable(entries)) continue;
    const m = new Map<string, DepSpec>();
    for (const [name, v] of Object.entries(entries)) {
      const d = depSpec(name, v, dir, 'normal', undefined);
      if (d) m.set(d.package, d);
    }
    patch.set(source, m);
  }
  return patch;
}

function depTables(t: Table, dir: string, target: string | undefined, out: DepSpec[]): void {
  const kinds: [string[], DepKind][] = [
    [['dependencies'], 'normal'],
    [['dev-dependencies', 'dev_dependencies'], 'dev'],
    [['build-dependencies', 'build_dependencies'], 'build'],
  ];
  for (const [keys, kind] of kinds) {
    for (const key of keys) {
      const table = t[key];
      if (!isTable(table)) continue;
      for (const [name, v] of Object.entries(table)) {
        const d = depSpec(name, v, dir, kind, target);
        if (d) out.push(d);
      }
    }
  }
}

/** Manifests parsed so far, by directory and text (a package graph reads the same ones again after every change on disk). */
const parsedManifests = new Map<string, Manifest | ManifestError>();
const MAX_PARSED_MANIFESTS = 4000;
/** The budget of the graph being built (see withManifestBudget). */
let manifestBudget: WorkBudget | undefined;

/** Forgets the manifests parsed so far (no Rust document is open any more: let the memory go). */
export function clearParsedManifests(): void {
  parsedManifests.clear();
}

/**
 * Runs `build` with manifests parsed under `budget`: a manifest not parsed before throws
 * Postponed once the turn's budget is spent. The caller builds again in a later turn; what was
 * parsed is kept (a package graph of 80 crates parses 80 manifests, about 4 ms each).
 */
export function withManifestBudget<T>(budget: WorkBudget, build: () => T): T {
  const outer = manifestBudget;
  manifestBudget = budget;
  try {
    return build();
  } finally {
    manifestBudget = outer;
  }
}

/**
 * Parses a Cargo.toml; throws ManifestError when it is not valid TOML (and Postponed under a
 * spent budget, see withManifestBudget). The result is shared: never modify it.
 */
export function parseManifest(text: string, dir: string): Manifest {
  const key = `${dir}\0${text}`;
  let hit = parsedManifests.get(key);
  if (hit === undefined) {
    const budget = manifestBudget;
    if (budget && !budget.left) throw new Postponed();
    hit = budget ? budget.spend(() => parseManifestNow(text, dir)) : parseManifestNow(text, dir);
    if (parsedManifests.size >= MAX_PARSED_MANIFESTS) parsedManifests.clear();
    parsedManifests.set(key, hit);
  }
  if (hit instanceof ManifestError) throw hit;
  return hit;
}

function parseManifestNow(text: string, dir: string): Manifest | ManifestError {
  try {
    return parseManifestText(text, dir);
  } catch (e) {
    if (e instanceof ManifestError) return e;
    throw e;
  }
}

/**
 * `[package] name` and `version` as a manifest writes them in the plain form that `cargo
 * package` (crates.io, Debian, vendored sources) normalizes to: `name = "x"` lines in the
 * `[package]` table. Undefined when they are not written that way (the manifest must then be
 * parsed).
 */
export function plainPackageId(text: string): { name: string; version: string } | undefined {
  const start = /^\[package\][ \t]*$/m.exec(text);
  if (!start) return undefined;
  const rest = text.slice(start.index + start[0].length);
  const end = /^[ \t]*\[/m.exec(rest);
  const table = end ? rest.slice(0, end.index) : rest;
  const name = /^name[ \t]*=[ \t]*"([A-Za-z0-9_-]+)"[ \t]*$/m.exec(table)?.[1];
  const version = /^version[ \t]*=[ \t]*"([0-9A-Za-z.+-]+)"[ \t]*$/m.exec(table)?.[1];
  if (!name || !version) return undefined;
  // Keys written twice or quoted (`"name" = ..`) are for the TOML parser to judge.
  if (table.match(/^[ \t]*"?name"?[ \t]*[=.]/gm)?.length !== 1 || table.match(/^[ \t]*"?version"?[ \t]*[=.]/gm)?.length !== 1) return undefined;
  return { name, version };
}

function parseManifestText(text: string, dir: string): Manifest {
  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch (e) {
    throw new ManifestError(`${join(dir, 'Cargo.toml')}: ${(e as Error).message.split('\n')[0]}`);
  }
  const deps: DepSpec[] = [];
  depTables(doc, dir, undefined, deps);
  if (isTable(doc.target)) for (const [key, t] of Object.entries(doc.target)) if (isTable(t)) depTables(t, dir, key, deps);
  const features = new Map<string, string[]>();
  if (isTable(doc.features)) for (const [k, v] of Object.entries(doc.features)) features.set(k, strings(v));
  let pkg: Manifest['package'];
  const p = doc.package ?? doc.project;
  if (isTable(p) && typeof p.name === 'string') {
    const ed = p.edition;
    const ver = p.version;
    pkg = {
      name: p.name,
      version: str(ver),
      edition: typeof ed === 'string' ? ed : isTable(ed) ? undefined : '2015',
      inheritEdition: isTable(ed) && ed.workspace === true,
      inheritVersion: isTable(ver) && ver.workspace === true,
      workspace: str(p.workspace),
      build: p.build === false ? false : str(p.build),
      resolver: str(p.resolver),
    };
  }
  const lib = isTable(doc.lib)
    ? { name: str(doc.lib.name), path: str(doc.lib.path), procMacro: doc.lib['proc-macro'] === true || doc.lib.proc_macro === true || undefined }
    : undefined;
  let workspace: WorkspaceDecl | undefined;
  if (isTable(doc.workspace)) {
    const w = doc.workspace;
    const wdeps = new Map<string, DepSpec>();
    if (isTable(w.dependencies)) {
      for (const [name, v] of Object.entries(w.dependencies)) {
        const d = depSpec(name, v, dir, 'normal', undefined);
        if (d) wdeps.set(name, d);
      }
    }
    const wp = isTable(w.package) ? w.package : {};
    workspace = { members: strings(w.members), exclude: strings(w.exclude), ...(Array.isArray(w['default-members']) ? { defaultMembers: strings(w['default-members']) } : {}), dependencies: wdeps, package: { edition: str(wp.edition), version: str(wp.version) }, resolver: str(w.resolver), lints: rustLints(w.lints) };
  }
  const patch = patchTable(doc.patch, dir);
  let replace: ReplaceEntry[] | undefined;
  if (isTable(doc.replace)) {
    replace = [];
    for (const [spec, v] of Object.entries(doc.replace)) {
      // `name:version`, `name@version`, either after `<url>#`; a bare `<url>#version` names the URL's last segment.
      const id = spec.includes('#') ? spec.slice(spec.lastIndexOf('#') + 1) : spec;
      const m = /^([A-Za-z0-9_-]+)(?:[:@]([^\s]+))?$/.exec(id);
      const name = m ? m[1]! : undefined;
      const d = name !== undefined ? depSpec(name, v, dir, 'normal', undefined) : undefined;
      if (name !== undefined && d) replace.push({ name, version: m![2], with: d });
    }
  }
  const lints = rustLints(doc.lints);
  const inheritLints = isTable(doc.lints) && doc.lints.workspace === true;
  const bins = Array.isArray(doc.bin) ? doc.bin.filter(isTable).map((b) => ({ name: str(b.name), path: str(b.path) })) : [];
  return { dir, package: pkg, lib, ...(bins.length ? { bins } : {}), deps, features, workspace, ...(patch ? { patch } : {}), ...(replace?.length ? { replace } : {}), ...(lints ? { lints } : {}), ...(inheritLints ? { inheritLints } : {}) };
}

/** A member's manifest with its `workspace = true` keys taken from the workspace root's. */
export function inheritWorkspace(m: Manifest, ws: WorkspaceDecl | undefined): Manifest {
  if (!m.deps.some((d) => d.inherit) && !m.package?.inheritEdition && !m.package?.inheritVersion && !m.inheritLints) return m;
  const deps = m.deps.map((d) => {
    if (!d.inherit) return d;
    const base = ws?.dependencies.get(d.name);
    if (!base) return { ...d, inherit: undefined };
    // The member adds features and may make it optional; the rest is the workspace's.
    return { ...base, name: d.name, kind: d.kind, target: d.target, optional: d.optional, features: [...base.features, ...d.features], inherit: undefined };
  });
  const pkg = m.package && {
    ...m.package,
    // Without a workspace to inherit from (cargo would refuse the manifest) the edition stays unknown.
    edition: m.package.inheritEdition ? ws?.package.edition : m.package.edition,
    version: m.package.inheritVersion ? ws?.package.version : m.package.version,
  };
  return { ...m, package: pkg, deps, ...(m.inheritLints && ws?.lints ? { lints: ws.lints } : {}) };
}

/** The crate name Rust code uses for a package's library. */
export function libCrateName(m: Manifest): string | undefined {
  const n = m.lib?.name ?? m.package?.name;
  return n?.replace(/-/g, '_');
}
