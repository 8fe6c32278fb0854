/**
 * The package graph of one Cargo package, as cargo would resolve it for one target, without
 * running cargo: every normal dependency that is active (target tables evaluated, optional
 * dependencies only when a feature turns them on) resolved to a directory on disk
 * (Cargo.lock's exact versions when there is one, else the highest version on disk that
 * satisfies the requirement), and the features of every package unified over the whole graph
 * (default features, `default-features = false`, features requested by every dependent,
 * optional dependencies as implicit features, `dep:x`, `x/f` and `x?/f`). Only manifests are
 * read here; crate sources are read later, when a type path reaches them.
 */
import type { CfgPredicate } from '../core/model';
import { evalCfg } from '../core/resolve';
import type { Target } from '../core/targets';
import { parseCfgAttr } from '../core/attrs';
import { type CargoConfig, profileCfgs, readCargoConfig, readRustflags, rustflagCfgs, type RustflagCfgs } from './config';
import type { ProjectFs } from './fs';
import { type Lockfile, type LockedPackage, parseLockfile } from './lockfile';
import { Postponed } from '../core/budget';
import { type DepSpec, type Manifest, type WorkspaceDecl, ManifestError, inheritWorkspace, libCrateName, parseManifest } from './manifest';
import { ancestors, isInside, join } from './paths';
import { type NotFound, type SourceId, CRATES_IO, SourceLocator, cargoRange, parseSourceId, satisfies } from './sources';

export interface PackageNode {
  /** The package directory (one node per directory and source: a registry crate built as the root is a path package). */
  readonly dir: string;
  readonly name: string;
  readonly version?: string;
  readonly manifest: Manifest;
  /** The library's crate name (`[lib] name` or the package name with `-` as `_`). */
  readonly crateName: string;
  /** The library's entry file, when the package has a library. */
  readonly libEntry?: string;
  /** Undefined when it could not be inherited from a workspace (then the 2018 rules apply). */
  readonly edition?: string;
  readonly source: 'path' | 'registry' | 'git';
}

export interface DepEdge {
  readonly spec: DepSpec;
  /**
   * Feature resolver 1 only: a build-dependency, a dependency for another target or a
   * dev-dependency of the root, whose features are unified with the normal dependency's but
   * which the crate's code cannot name.
   */
  readonly unifyOnly?: true;
  /** The name Rust paths use for it (`use regex::Regex`): the renamed key, else the library's name. */
  readonly externName: string;
  readonly to: PackageNode | NotFound;
}

export interface GraphProblem {
  readonly message: string;
}

const isNotFound = (x: PackageNode | NotFound): x is NotFound => 'missing' in x;

/** The root package's features as cargo's command line selects them. */
export interface FeatureSelection {
  /** `--features a,b` (also `dep/feature`). */
  readonly features?: readonly string[];
  /** `--all-features`. */
  readonly all?: boolean;
  /** `--no-default-features`. */
  readonly noDefault?: boolean;
}

/** cargo's command-line options for a selection (`--features a,b`, `--all-features`, `--no-default-features`). */
export function featureArgs(sel: FeatureSelection): string[] {
  return [...(sel.features?.length ? ['--features', sel.features.join(',')] : []), ...(sel.all ? ['--all-features'] : []), ...(sel.noDefault ? ['--no-default-features'] : [])];
}

export class CargoGraph {
  readonly root: PackageNode;
  readonly workspaceRoot: string;
  readonly config: CargoConfig;
  /** `[patch]` of the workspace root's manifest (cargo reads it there only). */
  private readonly patches: Manifest['patch'];
  /** `[replace]` of the workspace root's manifest. */
  private readonly replacements: Manifest['replace'];
  /** Whether cargo's feature resolver 1 applies (a workspace whose root is of edition 2015/2018, or virtual, without `resolver = "2"`). */
  readonly resolver1: boolean;
  /**
   * What the rustflags cargo passes to every crate (`RUSTFLAGS`, `[build] rustflags`…) and the
   * dev profile (`debug-assertions`, `panic`) change for `#[cfg]`.
   */
  readonly rustflags: RustflagCfgs;
  private readonly fromFlags: RustflagCfgs;
  private readonly packageDir: string;
  private readonly cfgsByPackage = new Map<PackageNode, RustflagCfgs>();
  /** What `[target.'cfg(..)']` tables see: the target's cfgs and the rustflags', not the profile's. */
  private readonly targetCfgs: ReadonlySet<string>;
  readonly lock: Lockfile | undefined;
  readonly problems: GraphProblem[] = [];
  /** Dependencies that could not be found on disk (`cargo fetch` may bring them later). */
  readonly missing: string[] = [];
  private readonly locator: SourceLocator;
  private readonly nodes = new Map<string, PackageNode>();
  private readonly edges = new Map<PackageNode, DepEdge[]>();
  private readonly enabled = new Map<PackageNode, Set<string>>();
  private readonly activeOptional = new Map<PackageNode, Set<string>>();
  private readonly pendingWeak = new Map<PackageNode, Map<string, string[]>>();
  private readonly activated = new Set<PackageNode>();
  private readonly workspaces = new Map<string, { root: string; decl: WorkspaceDecl } | null>();

  /**
   * `packageDir` holds the package's Cargo.toml. `selection`: the root's features as cargo's
   * command line gives them (`--features`, `--all-features`, `--no-default-features`); by
   * default, its default features.
   */
  constructor(
    private readonly fs: ProjectFs,
    readonly target: Target,
    packageDir: string,
    selection: FeatureSelection = {},
    /** Also the root's dev-dependencies (for its tests, benches and examples). */
    readonly dev = false,
    /**
     * Resolve as a whole-workspace build does (`cargo build --workspace`, or at a virtual root
     * without `default-members`): every other member of the workspace is built too, with its
     * default features, and the features of the dependencies they share are unified.
     */
    withMembers = false,
  ) {
    const ws = this.workspaceOf(packageDir);
    this.workspaceRoot = ws?.root ?? packageDir;
    const rootManifest = readManifest(fs, this.workspaceRoot);
    this.resolver1 = resolverOne(rootManifest);
    this.patches = rootManifest?.patch;
    this.replacements = rootManifest?.replace;
    this.config = readCargoConfig(fs, packageDir);
    const flags = readRustflags(fs, packageDir, target.triple, (key) => evalCfg(parseCfgAttr(key), target, new Set()));
    const fromFlags = flags ? rustflagCfgs(flags) : { set: [], uncertain: new Map<string, string>() };
    this.fromFlags = fromFlags;
    this.packageDir = packageDir;
    this.rustflags = this.cfgsWith(profileCfgs(fs, this.workspaceRoot, packageDir));
    // cargo evaluates `[target.'cfg(..)'.dependencies]` with `rustc --print cfg` and the rustflags:
    // the profile's `debug-assertions` and `panic` do not reach it.
    this.targetCfgs = new Set(fromFlags.set);
    const lockText = fs.readFile(join(this.workspaceRoot, 'Cargo.lock'));
    this.lock = lockText !== undefined ? parseLockfile(lockText) : undefined;
    this.locator = new SourceLocator(fs, this.config, this.workspaceRoot);
    const root = this.nodeAt(packageDir, 'path');
    if (!root || isNotFound(root)) throw new ManifestError(root && isNotFound(root) ? root.missing : `${packageDir}: no [package] in Cargo.toml`);
    this.root = root;
    this.activate(root);
    for (const f of this.rootFeatures(selection)) this.enable(root, f);
    if (withMembers && ws) {
      for (const dir of this.memberDirs(ws)) {
        if (dir === packageDir) continue;
        const m = this.nodeAt(dir, 'path');
        if (!m || isNotFound(m)) continue;
        if (!this.activated.has(m)) this.others.add(m);
        this.activate(m);
        this.enable(m, 'default');
      }
    }
  }

  /** The other workspace members a whole-workspace build adds (see the constructor's `withMembers`). */
  readonly others = new Set<PackageNode>();

  /** The member directories of a workspace: `members` (with `*` globs), the root package, less `exclude`. */
  private memberDirs(ws: { root: string; decl: WorkspaceDecl }): string[] {
    const out: string[] = [];
    if (this.manifestAt(ws.root)?.package) out.push(ws.root);
    for (const pattern of ws.decl.members) {
      let dirs = [ws.root];
      for (const seg of pattern.split('/').filter((x) => x !== '' && x !== '.')) {
        if (!/[*?[]/.test(seg)) {
          dirs = dirs.map((d) => join(d, seg));
          continue;
        }
        const re = new RegExp(`^${seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
        dirs = dirs.flatMap((d) => (this.fs.readDir(d) ?? []).filter((e) => re.test(e)).map((e) => join(d, e)));
      }
      for (const d of dirs) if (!out.includes(d) && !ws.decl.exclude.some((x) => isInside(d, join(ws.root, x))) && this.fs.readFile(join(d, 'Cargo.toml')) !== undefined) out.push(d);
    }
    return out;
  }

  /**
   * The workspace's members, when the package is one of a workspace with others (undefined
   * otherwise): what tells whether a whole-workspace build may differ from this one.
   */
  workspaceMembers(): { readonly dirs: readonly string[]; readonly defaultMembers?: readonly string[] } | undefined {
    const ws = this.workspaceOf(this.packageDir);
    if (!ws) return undefined;
    const dirs = this.memberDirs(ws);
    if (dirs.filter((d) => d !== this.packageDir).length === 0) return undefined;
    return { dirs, ...(ws.decl.defaultMembers ? { defaultMembers: ws.decl.defaultMembers.map((m) => join(ws.root, m)) } : {}) };
  }

  /**
   * The feature names cargo's command line enables on the root. `--all-features` is every
   * `[features]` entry and every optional dependency's implicit feature. A name the package
   * does not have is noted in `problems` and left out (cargo refuses it).
   */
  private rootFeatures(sel: FeatureSelection): string[] {
    const m = this.root.manifest;
    const out = sel.noDefault ? [] : ['default'];
    if (sel.all) {
      out.push(...m.features.keys());
      for (const d of this.edgesOf(this.root)) if (d.spec.optional && !this.hasDepSyntax(this.root, d.spec.name)) out.push(d.spec.name);
    }
    for (const raw of sel.features ?? []) {
      // `--features pkg/feat` with the root's own name selects the root's feature `feat`.
      const f = raw.startsWith(`${this.root.name}/`) ? raw.slice(this.root.name.length + 1) : raw;
      const slash = f.indexOf('/');
      const head = slash >= 0 ? f.slice(0, f[slash - 1] === '?' ? slash - 1 : slash) : f;
      // cargo refuses `dep:x` here, and `x` for an optional dependency some feature names as `dep:x`.
      const known = !f.startsWith('dep:') && (m.features.has(head) || this.edgesOf(this.root).some((d) => d.spec.name === head && (slash >= 0 || (d.spec.optional && !this.hasDepSyntax(this.root, head)))));
      if (known) out.push(f);
      else this.problems.push({ message: `${this.root.name}: no feature or dependency named \`${head}\` (left out; cargo would refuse it)` });
    }
    return out;
  }

  /** The enabled features of a package (what `cfg(feature = "..")` sees). */
  features(n: PackageNode): ReadonlySet<string> {
    return this.enabled.get(n) ?? new Set();
  }

  /** The active dependencies of a package (normal ones, for the target, optional ones turned on). */
  deps(n: PackageNode): readonly DepEdge[] {
    return (this.edges.get(n) ?? []).filter((e) => !e.unifyOnly && (!e.spec.optional || this.activeOptional.get(n)?.has(e.spec.name)));
  }

  /** Every package reached (the root first). */
  packages(): PackageNode[] {
    return [...this.activated];
  }

  // ----------------------------------------------------------------------------------------
  // Manifests and workspaces

  private manifestAt(dir: string): Manifest | undefined {
    const text = this.fs.readFile(join(dir, 'Cargo.toml'));
    if (text === undefined) return undefined;
    try {
      return parseManifest(text, dir);
    } catch (e) {
      if (e instanceof Postponed) throw e;
      this.problems.push({ message: (e as Error).message });
      return undefined;
    }
  }

  /** The workspace a path package belongs to: `package.workspace`, else the nearest manifest above with `[workspace]`. */
  private workspaceOf(dir: string): { root: string; decl: WorkspaceDecl } | undefined {
    const cached = this.workspaces.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let found: { root: string; decl: WorkspaceDecl } | undefined;
    const own = this.manifestAt(dir);
    const explicit = own?.package?.workspace;
    const candidates = explicit !== undefined ? [join(dir, explicit)] : ancestors(dir);
    for (const d of candidates) {
      const m = d === dir ? own : this.manifestAt(d);
      if (m?.workspace && (d === dir || explicit !== undefined || !m.workspace.exclude.some((x) => isInside(dir, join(d, x))))) {
        found = { root: d, decl: m.workspace };
        break;
      }
    }
    this.workspaces.set(dir, found ?? null);
    return found;
  }

  private nodeAt(dir: string, source: PackageNode['source']): PackageNode | NotFound | undefined {
    // A package is its name, version and source to cargo: a crate of the registry built as the
    // root (a path package) is not the registry's copy of itself, which a dev-dependency of it
    // may depend on (tokio's tokio-stream asks tokio for `time`: the root does not get it).
    const key = source === 'path' ? dir : `${source}:${dir}`;
    const hit = this.nodes.get(key);
    if (hit) return hit;
    let m = this.manifestAt(dir);
    if (!m) return { missing: `no readable Cargo.toml in ${dir}` };
    if (!m.package) return undefined;
    // Registry sources are published with inheritance resolved; path and git packages may inherit.
    if (source !== 'registry') m = inheritWorkspace(m, this.workspaceOf(dir)?.decl);
    const pkg = m.package!;
    const libPath = m.lib?.path ?? 'src/lib.rs';
    const libEntry = this.fs.readFile(join(dir, libPath)) !== undefined ? join(dir, libPath) : undefined;
    const node: PackageNode = {
      dir,
      name: pkg.name,
      version: pkg.version,
      manifest: m,
      crateName: libCrateName(m) ?? pkg.name.replace(/-/g, '_'),
      libEntry,
      edition: pkg.edition,
      source,
    };
    this.nodes.set(key, node);
    return node;
  }

  // ----------------------------------------------------------------------------------------
  // Resolution of one dependency

  /** The rustflags' cfgs with a profile's: the rustflags come after the profile's flags on rustc's command line, so theirs win. */
  private cfgsWith(profile: readonly string[]): RustflagCfgs {
    const kept = profile.filter((c) => !(this.fromFlags.decidesDebugAssertions && c === '!debug_assertions'));
    return { set: [...this.fromFlags.set, ...kept], uncertain: this.fromFlags.uncertain };
  }

  /**
   * What the rustflags and the dev profile set for one package's `#[cfg]`: `rustflags`, with
   * `[profile.dev.package.<name>]` (and `"*"` for packages outside the workspace) applied.
   */
  cfgsFor(node: PackageNode): RustflagCfgs {
    let hit = this.cfgsByPackage.get(node);
    if (!hit) {
      // Members: the root, and in a `[workspace]` the path packages under its directory (cargo
      // makes those members); without one, a path dependency is not a member.
      const member = node === this.root || (this.workspaceOf(this.packageDir) !== undefined && node.source === 'path' && isInside(node.dir, this.workspaceRoot));
      hit = this.cfgsWith(profileCfgs(this.fs, this.workspaceRoot, this.packageDir, { name: node.name, ...(node.version !== undefined ? { version: node.version } : {}), member }));
      this.cfgsByPackage.set(node, hit);
    }
    return hit;
  }

  private targetActive(key: string | undefined): boolean {
    if (key === undefined) return true;
    if (!key.startsWith('cfg(')) return key === this.target.triple;
    const pred: CfgPredicate = parseCfgAttr(key);
    return evalCfg(pred, this.target, new Set(), this.targetCfgs);
  }

  private lockEntry(n: PackageNode): LockedPackage | undefined {
    return this.lock?.packages.find((p) => p.name === n.name && p.version === n.version && (n.source === 'path') === (p.source === undefined));
  }

  /**
   * The `[patch]` entry for a dependency, if one replaces it: the config files' first (cargo
   * prefers them), then the workspace root manifest's.
   */
  private patchFor(d: DepSpec): DepSpec | undefined {
    if (d.registry !== undefined) return undefined;
    const source = d.git ? d.git.url.replace(/\/+$/, '') : 'crates-io';
    for (const table of [this.config.patch, this.patches]) {
      for (const [key, entries] of table ?? []) {
        if (key.replace(/\/+$/, '') !== source) continue;
        const p = entries.get(d.package);
        if (p) return p;
      }
    }
    return undefined;
  }

  /**
   * What replaces a registry or git package: a `paths` override of the same name (config files),
   * else a `[replace]` entry naming its name and version.
   */
  private overrideOf(n: PackageNode | NotFound, d: DepSpec): PackageNode | NotFound {
    for (const dir of this.config.paths) {
      const o = this.nodeAt(dir, 'path');
      if (o && !isNotFound(o) && o.name === d.package) return o;
    }
    if (isNotFound(n) || !this.replacements) return n;
    const r = this.replacements.find((x) => x.name === n.name && x.version === n.version);
    if (!r) return n;
    if (r.with.path !== undefined) return this.nodeAt(r.with.path, 'path') ?? { missing: `${r.with.path}: no [package] in Cargo.toml` };
    if (!r.with.git) return n;
    // The lockfile's entry is the replaced package's; the replacement is looked up in its own source.
    const loc = this.locator.highest(n.name, `=${n.version}`, { kind: 'git', url: r.with.git.url, query: '' });
    return 'missing' in loc ? loc : (this.nodeAt(loc.dir, 'git') ?? { missing: `${loc.dir}: no [package]` });
  }

  private resolve(from: PackageNode, d: DepSpec, patched = false): PackageNode | NotFound {
    if (d.path !== undefined) {
      const n = this.nodeAt(d.path, 'path');
      return n ?? { missing: `${d.path}: no [package] in Cargo.toml` };
    }
    // `[patch.crates-io] x = { path = ".." }`: the patch, when its version meets the requirement
    // (otherwise cargo leaves it unused, with a warning).
    const patch = patched ? undefined : this.patchFor(d);
    if (patch) {
      const n = patch.path !== undefined ? this.nodeAt(patch.path, 'path') : patch.git ? this.resolve(from, { ...patch, req: d.req }, true) : undefined;
      if (n && !isNotFound(n) && (d.req === undefined || n.version === undefined || satisfies(n.version, cargoRange(d.req)))) return n;
    }
    return this.overrideOf(this.fromSource(from, d), d);
  }

  /** A registry or git dependency as its source (the lockfile's version, else the highest that fits). */
  private fromSource(from: PackageNode, d: DepSpec): PackageNode | NotFound {
    const sourceOf = (): SourceId => (d.git ? { kind: 'git', url: d.git.url, query: '' } : { kind: 'registry', url: CRATES_IO });
    const locked = this.lockEntry(from);
    if (locked) {
      const range = cargoRange(d.req);
      const cands = locked.dependencies.filter((x) => x.name === d.package);
      const pick = cands.length <= 1 ? cands[0] : cands.find((x) => x.version && satisfies(x.version, range));
      const pkg = pick && this.lock!.packages.find((p) => p.name === pick.name && (pick.version === undefined || p.version === pick.version) && (pick.source === undefined || p.source === pick.source));
      if (pkg?.source) {
        const loc = this.locator.locate(pkg.name, pkg.version, parseSourceId(pkg.source));
        if ('missing' in loc) return loc;
        return this.nodeAt(loc.dir, pkg.source.startsWith('git+') ? 'git' : 'registry') ?? { missing: `${loc.dir}: no [package]` };
      }
    }
    const loc = this.locator.highest(d.package, d.req, sourceOf());
    if ('missing' in loc) return loc;
    return this.nodeAt(loc.dir, d.git ? 'git' : 'registry') ?? { missing: `${loc.dir}: no [package]` };
  }

  private edgesOf(n: PackageNode): DepEdge[] {
    let e = this.edges.get(n);
    if (!e) {
      e = [];
      for (const spec of n.manifest.deps) {
        // A whole-workspace test build (`cargo test --workspace`) builds every member's tests too.
        const kindOk = spec.kind === 'normal' || (spec.kind === 'dev' && this.dev && (n === this.root || this.others.has(n)));
        const active = kindOk && this.targetActive(spec.target);
        // Resolver 1 unifies the features of build-dependencies, of other targets' dependencies
        // and of the root's dev-dependencies with the normal ones: `cargo build` of a 2018 crate
        // whose `[dev-dependencies]` ask `dep` for a feature compiles `dep` with it.
        // So are every selected member's dev-dependencies in a whole-workspace build.
        const unifyOnly = !active && this.resolver1 && (spec.kind === 'normal' || spec.kind === 'build' || (spec.kind === 'dev' && (n === this.root || this.others.has(n))));
        if (!active && !unifyOnly) continue;
        // Resolved when first activated (optional dependencies may never be).
        e.push({ spec, externName: spec.name.replace(/-/g, '_'), to: { missing: 'not resolved' }, ...(unifyOnly ? { unifyOnly } : {}) });
      }
      this.edges.set(n, e);
    }
    return e;
  }

  // ----------------------------------------------------------------------------------------
  // Features

  private activate(n: PackageNode): void {
    if (this.activated.has(n)) return;
    this.activated.add(n);
    for (const e of this.edgesOf(n)) if (!e.spec.optional) this.activateEdge(n, e);
  }

  private activateEdge(n: PackageNode, e: DepEdge): void {
    let to = e.to;
    if (isNotFound(to) && to.missing === 'not resolved') {
      to = this.resolve(n, e.spec);
      const externName = !isNotFound(to) && e.spec.package === e.spec.name ? to.crateName : e.spec.name.replace(/-/g, '_');
      const list = this.edges.get(n)!;
      const fresh: DepEdge = { spec: e.spec, externName, to, ...(e.unifyOnly ? { unifyOnly: e.unifyOnly } : {}) };
      list[list.indexOf(e)] = fresh;
      if (isNotFound(to)) {
        this.missing.push(to.missing);
        return;
      }
    }
    if (isNotFound(to)) return;
    this.activate(to);
    if (e.spec.defaultFeatures) this.enable(to, 'default');
    for (const f of e.spec.features) this.enable(to, f);
    const weak = this.pendingWeak.get(n)?.get(e.spec.name);
    if (weak) for (const f of weak) this.enable(to, f);
  }

  private edgesNamed(n: PackageNode, name: string): DepEdge[] {
    return this.edgesOf(n).filter((e) => e.spec.name === name);
  }

  private activateOptional(n: PackageNode, name: string): void {
    let set = this.activeOptional.get(n);
    if (!set) this.activeOptional.set(n, (set = new Set()));
    if (set.has(name)) return;
    set.add(name);
    for (const e of this.edgesNamed(n, name)) this.activateEdge(n, e);
  }

  /** Whether some feature of `n` names `dep:x` (then `x` is no implicit feature). */
  private hasDepSyntax(n: PackageNode, name: string): boolean {
    for (const list of n.manifest.features.values()) if (list.includes(`dep:${name}`)) return true;
    return false;
  }

  private enable(n: PackageNode, f: string): void {
    const slash = f.indexOf('/');
    if (slash >= 0) {
      const weak = f[slash - 1] === '?';
      const dep = f.slice(0, weak ? slash - 1 : slash);
      const feat = f.slice(slash + 1);
      const edges = this.edgesNamed(n, dep);
      if (edges.length === 0) {
        this.enable(n, dep); // `x/f` where x is a feature of this package: cargo accepts it for the feature
        return;
      }
      const active = edges.some((e) => !e.spec.optional) || this.activeOptional.get(n)?.has(dep);
      if (!weak && !active) {
        if (!this.hasDepSyntax(n, dep)) this.addFeature(n, dep);
        this.activateOptional(n, dep);
      }
      if (weak && !active) {
        let m = this.pendingWeak.get(n);
        if (!m) this.pendingWeak.set(n, (m = new Map<string, string[]>()));
        m.set(dep, [...(m.get(dep) ?? []), feat]);
        return;
      }
      // Read again: activation replaced the unresolved edges.
      for (const e of this.edgesNamed(n, dep)) if (!isNotFound(e.to)) this.enable(e.to, feat);
      return;
    }
    if (f.startsWith('dep:')) {
      this.activateOptional(n, f.slice(4));
      return;
    }
    const table = n.manifest.features.get(f);
    if (table) {
      if (!this.addFeature(n, f)) return;
      for (const x of table) this.enable(n, x);
      return;
    }
    const optional = this.edgesNamed(n, f).some((e) => e.spec.optional);
    if (optional && !this.hasDepSyntax(n, f)) {
      this.addFeature(n, f);
      this.activateOptional(n, f);
    }
    // Anything else names no feature of this package (cargo would refuse it): ignored.
  }

  /** Adds a feature; false when it was already enabled. */
  private addFeature(n: PackageNode, f: string): boolean {
    let set = this.enabled.get(n);
    if (!set) this.enabled.set(n, (set = new Set()));
    if (set.has(f)) return false;
    set.add(f);
    return true;
  }
}

/** What a whole-workspace build changes in a package the member alone builds: the features it adds, and which members ask for them. */
export interface FeatureDifference {
  readonly name: string;
  readonly version?: string;
  /** Features the whole-workspace build adds (those another added one implies left out). */
  readonly added: readonly string[];
  /** The other members that ask for one of them themselves (`a` for `serde_json/preserve_order`). */
  readonly by: readonly { readonly member: string; readonly feature: string }[];
}

const nodeKey = (n: PackageNode): string => `${n.source}:${n.dir}`;

/**
 * The packages of `alone` (a member built by itself) whose features `together` (the same
 * member resolved with `withMembers`) changes. Empty when the two builds compile every package
 * the member reaches alike, the common case.
 */
export function featureDifferences(alone: CargoGraph, together: CargoGraph): FeatureDifference[] {
  const byKey = new Map(together.packages().map((n) => [nodeKey(n), n] as const));
  const out: FeatureDifference[] = [];
  for (const p of alone.packages()) {
    const t = byKey.get(nodeKey(p));
    if (!t) continue;
    const mine = alone.features(p);
    const theirs = together.features(t);
    const extra = [...theirs].filter((f) => !mine.has(f));
    const depsDiffer = alone.deps(p).length !== together.deps(t).length;
    if (extra.length === 0 && !depsDiffer) continue;
    const implied = new Set(extra.flatMap((g) => (p.manifest.features.get(g) ?? []).map((x) => x.replace(/^dep:/, ''))));
    const added = extra.filter((f) => !implied.has(f)).sort();
    const by: { member: string; feature: string }[] = [];
    for (const m of together.others) {
      const asked = new Set<string>();
      for (const spec of m.manifest.deps) {
        if (spec.package !== p.name) continue;
        for (const f of spec.features) if (extra.includes(f)) asked.add(f);
        for (const [name, list] of m.manifest.features) {
          if (!together.features(m).has(name)) continue;
          for (const x of list) {
            const mm = /^([^/?]+)\??\/(.+)$/.exec(x);
            if (mm && mm[1] === spec.name && extra.includes(mm[2]!)) asked.add(mm[2]!);
          }
        }
      }
      for (const f of [...asked].sort()) by.push({ member: m.name, feature: `${p.name}/${f}` });
    }
    out.push({ name: p.name, ...(p.version !== undefined ? { version: p.version } : {}), added, by });
  }
  return out;
}

/** The package directory a file belongs to: the nearest Cargo.toml above it with a `[package]`. */
export function packageDirOf(fs: ProjectFs, file: string): string | undefined {
  for (const d of ancestors(file).slice(1)) {
    const text = fs.readFile(join(d, 'Cargo.toml'));
    if (text === undefined) continue;
    try {
      if (parseManifest(text, d).package) return d;
    } catch (e) {
      if (e instanceof Postponed) throw e;
      return undefined;
    }
  }
  return undefined;
}

/**
 * The manifests a package graph is likely to read, one step at a time: every package of the
 * nearest Cargo.lock found in its sources (the lockfile lists them all, for every target).
 * Each step reads (and the caller may parse) one manifest; the editor runs the steps a turn's
 * budget at a time before building the graph, so that the build finds them cached.
 */
export function* lockedManifests(fs: ProjectFs, packageDir: string): Generator<{ readonly dir: string; readonly text: string }> {
  const lockDir = ancestors(join(packageDir, 'Cargo.toml'))
    .slice(1)
    .find((d) => fs.readFile(join(d, 'Cargo.lock')) !== undefined);
  if (lockDir === undefined) return;
  const lock = parseLockfile(fs.readFile(join(lockDir, 'Cargo.lock'))!);
  if (!lock) return;
  const locator = new SourceLocator(fs, readCargoConfig(fs, packageDir), lockDir);
  for (const p of lock.packages) {
    if (!p.source) continue;
    const loc = locator.locate(p.name, p.version, parseSourceId(p.source));
    if ('missing' in loc) continue;
    const text = fs.readFile(join(loc.dir, 'Cargo.toml'));
    if (text !== undefined) yield { dir: loc.dir, text };
  }
}

/** The manifest in `dir`, or undefined when there is none or it is not valid TOML (reported where its package is read). */
function readManifest(fs: ProjectFs, dir: string): Manifest | undefined {
  const text = fs.readFile(join(dir, 'Cargo.toml'));
  if (text === undefined) return undefined;
  try {
    return parseManifest(text, dir);
  } catch (e) {
    if (e instanceof Postponed) throw e;
    return undefined;
  }
}

/**
 * Cargo's feature resolver for the workspace whose root manifest is `m`: its `package.resolver`
 * or `workspace.resolver`, else the root package's edition (2021: "2", 2024: "3", older: "1"); a
 * virtual workspace without one is "1" (cargo warns about it).
 */
function resolverOne(m: Manifest | undefined): boolean {
  if (!m) return false;
  const written = m.package?.resolver ?? m.workspace?.resolver;
  if (written !== undefined) return written === '1';
  if (!m.package) return true;
  const edition = m.package.edition ?? (m.package.inheritEdition ? m.workspace?.package.edition : undefined) ?? '2015';
  return edition === '2015' || edition === '2018';
}
