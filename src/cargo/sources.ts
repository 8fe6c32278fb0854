/**
 * Where a package's source lives on disk, found the way cargo would find it, without running
 * cargo: path dependencies; registry packages through `[source]` replacement (a `directory`
 * source such as `cargo vendor`'s or Debian's /usr/share/cargo/registry) or in
 * `$CARGO_HOME/registry/src/<index>/<name>-<version>/`; git packages in
 * `$CARGO_HOME/git/checkouts/<repo>-<hash>/<rev>/` (or their vendored replacement); a `vendor/`
 * directory at the workspace root as a last resort. Directory listings and manifests read here
 * are cached for the locator's life.
 */
import semver from 'semver';
import type { CargoConfig, SourceDef } from './config';
import type { ProjectFs } from './fs';
import { parseManifest, plainPackageId } from './manifest';
import { Postponed } from '../core/budget';
import { join } from './paths';

export type SourceId =
  | { readonly kind: 'registry'; readonly url: string }
  | { readonly kind: 'git'; readonly url: string; readonly query: string; readonly sha?: string }
  | { readonly kind: 'path' };

export const CRATES_IO = 'https://github.com/rust-lang/crates.io-index';
const CRATES_IO_SPARSE = 'https://index.crates.io/';

/** A Cargo.lock `source` string (or its absence, for path packages) as a SourceId. */
export function parseSourceId(source: string | undefined): SourceId {
  if (!source) return { kind: 'path' };
  if (source.startsWith('registry+') || source.startsWith('sparse+')) {
    const url = source.slice(source.indexOf('+') + 1);
    return { kind: 'registry', url: url === CRATES_IO_SPARSE ? CRATES_IO : url };
  }
  if (source.startsWith('git+')) {
    const rest = source.slice(4);
    const hash = rest.indexOf('#');
    const base = hash >= 0 ? rest.slice(0, hash) : rest;
    const q = base.indexOf('?');
    return { kind: 'git', url: q >= 0 ? base.slice(0, q) : base, query: q >= 0 ? base.slice(q + 1) : '', sha: hash >= 0 ? rest.slice(hash + 1) : undefined };
  }
  return { kind: 'registry', url: source };
}

/** A cargo version requirement (`1.2`, `>=1, <2`, `=0.3.1`, `*`, `1.*`) as a semver range. */
export function cargoRange(req: string | undefined): string {
  if (!req || req.trim() === '') return '*';
  return req
    .split(',')
    .map((part) => {
      const p = part.trim();
      if (/^[0-9]/.test(p) && !/[*xX]/.test(p)) return `^${p}`;
      return p.replace(/^(=|>=|<=|>|<|~|\^)\s+/, '$1');
    })
    .join(' ');
}

/**
 * Whether `version` satisfies the semver range `range` (from `cargoRange`). Memoized: a package
 * graph is built again turn after turn while its manifests are read (src/features/reports.ts),
 * and parsing the same ranges anew each time was most of a turn.
 */
export function satisfies(version: string, range: string): boolean {
  const key = `${version}\0${range}`;
  let ok = satisfied.get(key);
  if (ok === undefined) {
    let r = ranges.get(range);
    if (r === undefined) {
      if (ranges.size > 4096) ranges.clear();
      try {
        r = new semver.Range(range, { loose: true });
      } catch {
        r = null;
      }
      ranges.set(range, r);
    }
    ok = r !== null && r.test(version);
    if (satisfied.size > 65536) satisfied.clear();
    satisfied.set(key, ok);
  }
  return ok;
}
const ranges = new Map<string, semver.Range | null>();
const satisfied = new Map<string, boolean>();

export interface Located {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
}

export interface NotFound {
  readonly missing: string;
}

export class SourceLocator {
  private readonly dirIndex = new Map<string, Map<string, Located[]>>();
  /** Directory listings of directory sources (see `inDirectory`). */
  /** A directory source's folders by the names they may hold (`name`, `name-<version>`). */
  private readonly dirEntries = new Map<string, ReadonlyMap<string, readonly string[]>>();
  private readonly listings = new Map<string, readonly string[] | undefined>();
  /** `inDirectory`'s finds by the folder's name, by directory and package name. */
  private readonly quick = new Map<string, Located[]>();

  constructor(
    private readonly fsIn: ProjectFs,
    private readonly config: CargoConfig,
    /** The workspace root (for a `vendor/` directory that no config names). */
    private readonly workspaceRoot: string,
  ) {}

  /** The file system, with directory listings kept for the locator's life (registries are listed many times). */
  private readonly fs: ProjectFs = {
    readFile: (p) => this.fsIn.readFile(p),
    readDir: (p) => {
      if (!this.listings.has(p)) this.listings.set(p, this.fsIn.readDir(p));
      return this.listings.get(p);
    },
    env: (n) => this.fsIn.env(n),
  };

  /** The source definition a registry or git source is finally replaced with, if any. */
  private replacement(id: SourceId): SourceDef | undefined {
    let name: string | undefined;
    if (id.kind === 'registry') {
      if (id.url === CRATES_IO) name = 'crates-io';
      else for (const [n, s] of this.config.sources) if (s.registry === id.url) name = n;
    } else if (id.kind === 'git') {
      for (const [n, s] of this.config.sources) if (s.git === id.url) name = n;
    }
    let def: SourceDef | undefined;
    for (let hops = 0; name !== undefined && hops < 16; hops++) {
      def = this.config.sources.get(name);
      if (!def?.replaceWith) break;
      name = def.replaceWith;
      def = this.config.sources.get(name);
      if (def && !def.replaceWith) break;
    }
    return def && (def.directory || def.localRegistry) ? def : undefined;
  }

  /** Every version of `name` that `id` makes available on disk. */
  available(name: string, id: SourceId): Located[] {
    if (id.kind === 'path') return [];
    const rep = this.replacement(id);
    if (rep?.directory) return this.inDirectory(rep.directory, name);
    if (rep?.localRegistry) return [];
    if (id.kind === 'git') return this.inGitCheckouts(name, id);
    const out: Located[] = [];
    const home = this.config.cargoHome;
    if (home) {
      const src = join(home, 'registry/src');
      for (const index of this.fs.readDir(src) ?? []) {
        for (const entry of this.fs.readDir(join(src, index)) ?? []) {
          if (!entry.startsWith(`${name}-`)) continue;
          const version = entry.slice(name.length + 1);
          if (semver.valid(version)) out.push({ name, version, dir: join(src, index, entry) });
        }
      }
    }
    if (out.length === 0) out.push(...this.inDirectory(join(this.workspaceRoot, 'vendor'), name));
    return out;
  }

  /** The directory of `name` `version` from `id`, or why it is not there. */
  locate(name: string, version: string, id: SourceId): Located | NotFound {
    const hit = this.available(name, id).find((l) => l.version === version);
    if (hit) return hit;
    const rep = id.kind !== 'path' ? this.replacement(id) : undefined;
    if (rep?.localRegistry) return { missing: `\`${name}\` ${version} is in a local registry (${rep.localRegistry}), whose .crate archives are not read` };
    if (id.kind === 'git') return { missing: `\`${name}\` ${version} (git) is not checked out on disk (run \`cargo fetch\`)` };
    return { missing: `\`${name}\` ${version} is not on disk (run \`cargo fetch\`)` };
  }

  /** The highest version of `name` available that satisfies `req` (no Cargo.lock: cargo's resolver picks the highest). */
  highest(name: string, req: string | undefined, id: SourceId): Located | NotFound {
    const range = cargoRange(req);
    const all = this.available(name, id);
    const ok = all.filter((l) => satisfies(l.version, range));
    ok.sort((a, b) => semver.rcompare(a.version, b.version));
    if (ok[0]) return ok[0];
    if (all.length) return { missing: `no version of \`${name}\` on disk satisfies \`${req ?? '*'}\` (found ${all.map((l) => l.version).join(', ')})` };
    return { missing: `\`${name}\` is not on disk (run \`cargo fetch\`)` };
  }

  /**
   * Packages in a directory source: each subdirectory with a Cargo.toml, indexed by package name.
   * The folders named as `cargo vendor` and Debian name them (`name`, `name-<version>`) are read
   * first: reading every manifest of a large directory source (Debian's registry) took 180-265
   * ms. Only when none of them is a package `name` is every manifest read.
   */
  private inDirectory(dir: string, name: string): Located[] {
    let index = this.dirIndex.get(dir);
    if (!index) {
      const known = this.quick.get(`${dir}\0${name}`);
      if (known) return known;
      let byName = this.dirEntries.get(dir);
      if (!byName) this.dirEntries.set(dir, (byName = namesOf(this.fs.readDir(dir) ?? [])));
      const quick: Located[] = [];
      for (const entry of byName.get(name) ?? []) {
        const pkgDir = join(dir, entry);
        const text = this.fs.readFile(join(pkgDir, 'Cargo.toml'));
        const id = text !== undefined ? packageId(text, pkgDir) : undefined;
        if (id?.name === name) quick.push({ name, version: id.version, dir: pkgDir });
      }
      if (quick.length) {
        this.quick.set(`${dir}\0${name}`, quick);
        return quick;
      }
    }
    if (!index) {
      index = new Map();
      this.dirIndex.set(dir, index);
      for (const entry of this.fs.readDir(dir) ?? []) {
        const pkgDir = join(dir, entry);
        const text = this.fs.readFile(join(pkgDir, 'Cargo.toml'));
        if (text === undefined) continue;
        const id = packageId(text, pkgDir);
        if (!id) continue;
        const list = index.get(id.name) ?? [];
        list.push({ name: id.name, version: id.version, dir: pkgDir });
        index.set(id.name, list);
      }
    }
    return index.get(name) ?? [];
  }

  /** A git dependency's checkout: `git/checkouts/<repo>-<hash>/<short sha>/`, the package found inside. */
  private inGitCheckouts(name: string, id: Extract<SourceId, { kind: 'git' }>): Located[] {
    const home = this.config.cargoHome;
    if (!home) return [];
    const repo = id.url.replace(/\/+$/, '').replace(/\.git$/, '').split('/').pop() ?? '';
    const checkouts = join(home, 'git/checkouts');
    const out: Located[] = [];
    for (const d of this.fs.readDir(checkouts) ?? []) {
      if (!d.startsWith(`${repo}-`)) continue;
      for (const rev of this.fs.readDir(join(checkouts, d)) ?? []) {
        if (id.sha && !id.sha.startsWith(rev)) continue;
        const found = findPackage(this.fs, join(checkouts, d, rev), name, 3);
        if (found) out.push(found);
      }
    }
    return out;
  }
}

/**
 * Folder names by every prefix that ends before a `-` (and the whole name): `tokio-util-0.7.1`
 * is listed under `tokio`, `tokio-util` and `tokio-util-0.7.1`, so the folders that may hold a
 * package are found without scanning the directory (Debian's registry has thousands) per package.
 */
function namesOf(entries: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, e: string) => {
    const l = out.get(k);
    if (l) l.push(e);
    else out.set(k, [e]);
  };
  for (const e of entries) {
    add(e, e);
    for (let i = e.indexOf('-'); i > 0; i = e.indexOf('-', i + 1)) add(e.slice(0, i), e);
  }
  return out;
}

/** `[package] name` and `version` of a manifest text, when both are there. */
function packageId(text: string, dir: string): { name: string; version: string } | undefined {
  // Most manifests of a source directory are in cargo's normalized form: read the two keys
  // without parsing the whole file (Debian's registry has hundreds next to each other).
  const plain = plainPackageId(text);
  if (plain) return plain;
  try {
    const m = parseManifest(text, dir);
    if (m.package?.version) return { name: m.package.name, version: m.package.version };
  } catch (e) {
    if (e instanceof Postponed) throw e;
    // a broken manifest in a source directory names no package
  }
  return undefined;
}

/** The package called `name` at `dir` or up to `depth` directories below it (a repository may hold a workspace). */
export function findPackage(fs: ProjectFs, dir: string, name: string, depth: number): Located | undefined {
  const text = fs.readFile(join(dir, 'Cargo.toml'));
  if (text !== undefined) {
    const id = packageId(text, dir);
    if (id?.name === name) return { ...id, dir };
  }
  if (depth === 0) return undefined;
  for (const e of fs.readDir(dir) ?? []) {
    if (e.startsWith('.') || e === 'target') continue;
    const hit = findPackage(fs, join(dir, e), name, depth - 1);
    if (hit) return hit;
  }
  return undefined;
}
