/**
 * Builds a `Program` (a crate's module tree and texts, with its dependencies linked) from a
 * path: a package directory (its Cargo.toml read by src/cargo, the library entry, else
 * `src/main.rs`), or one `.rs` file as the root of its own module tree.
 */
import { CargoGraph, type FeatureSelection, packageDirOf } from '../cargo/graph';
import type { ProjectFs } from '../cargo/fs';
import { join } from '../cargo/paths';
import { type Manifest, parseManifest } from '../cargo/manifest';
import type { Target } from '../core/targets';
import { evalCfg } from '../core/resolve';
import type { Program } from './analyzer';
import { type ModuleProblem, loadModules } from './modules';
import { type ParseFn, Project, externCrateNames } from './project';
import { CrateExpander } from './expand';
import type { CfgPredicate } from '../core/model';
import { type WorkspaceVariant, workspaceVariant } from './workspaceBuild';

/** `wholeWorkspace` for a crate of `graph`'s root loaded from `entry`. */
function wholeWorkspaceOf(graph: CargoGraph, entry: string, opts: LoadOptions, withOwnLibrary: boolean): NonNullable<LoadedProgram['wholeWorkspace']> {
  let done = false;
  let hit: ReturnType<NonNullable<LoadedProgram['wholeWorkspace']>>;
  return () => {
    if (done) return hit;
    done = true;
    const v = workspaceVariant(graph, () => new CargoGraph(opts.fs, opts.target, graph.root.dir, opts.features, graph.dev, true));
    if (!v) return undefined;
    const project = new Project(v.graph, opts.fs, opts.parse, opts.target, projectOptions(opts));
    const c = project.loadCrate(v.graph.root, entry, { read: opts.read, ...(withOwnLibrary ? { withOwnLibrary } : {}) });
    hit = { ...v, program: { crate: c.input, texts: c.texts } };
    return hit;
  };
}

export interface LoadProblem {
  readonly file: string;
  readonly message: string;
}

export interface LoadedProgram {
  readonly program: Program;
  readonly problems: readonly LoadProblem[];
  /** The package and its dependency graph (undefined for a file outside any package). */
  readonly project?: Project;
  /**
   * The same crate as a whole-workspace build compiles it (src/analysis/workspaceBuild.ts), when
   * that build gives some package it reaches other features; undefined otherwise. Computed when
   * first asked.
   */
  readonly wholeWorkspace?: () => (WorkspaceVariant & { readonly program: Program }) | undefined;
}

export interface LoadOptions {
  readonly fs: ProjectFs;
  readonly parse: ParseFn;
  readonly target: Target;
  /** Read the module tree's files through this instead of `fs` (the editor's open documents). */
  readonly read?: (path: string) => string | undefined;
  /** The triple of the machine builds run on (build scripts that read the system: openssl-sys). */
  readonly host?: string;
  /** Read `include!("file.rs")` in the loaded crate's own files too (one run that sees each file once: the CLI). */
  readonly ownIncludes?: boolean;
  /** The root package's features (cargo's `--features`, `--all-features`, `--no-default-features`). */
  readonly features?: FeatureSelection;
}

/** What a Project takes of the load options (the machine's triple, `include!` of the crate's own files). */
function projectOptions(opts: LoadOptions): { host?: string; ownIncludes?: boolean } {
  return { ...(opts.host ? { host: opts.host } : {}), ...(opts.ownIncludes ? { ownIncludes: true } : {}) };
}

/**
 * The crate entry of a package directory: Cargo.toml's `[lib] path`, then src/lib.rs, then
 * src/main.rs, then (a package of binaries only, with their files elsewhere: ripgrep's
 * `crates/core/main.rs`) the first `[[bin]]` target's file (its `path`, else cargo's
 * src/bin/NAME.rs or src/bin/NAME/main.rs).
 */
export function crateEntry(dir: string, fs: ProjectFs): string | undefined {
  let manifest: Manifest | undefined;
  const toml = fs.readFile(join(dir, 'Cargo.toml'));
  try {
    manifest = toml !== undefined ? parseManifest(toml, dir) : undefined;
  } catch {
    manifest = undefined;
  }
  const libPath = manifest?.lib?.path;
  const binPaths = (manifest?.bins ?? []).flatMap((b) => (b.path ? [b.path] : b.name ? [`src/bin/${b.name}.rs`, `src/bin/${b.name}/main.rs`] : []));
  for (const rel of [...(libPath ? [libPath] : []), 'src/lib.rs', 'src/main.rs', ...binPaths]) {
    const p = join(dir, rel);
    if (fs.readFile(p) !== undefined) return p;
  }
  return undefined;
}

/**
 * Loads a package directory with its dependencies linked. A missing or unreadable Cargo.toml
 * leaves the crate without dependencies (their types then say why they are unknown).
 */
export function loadPackage(dir: string, opts: LoadOptions): LoadedProgram {
  const entry = crateEntry(dir, opts.fs);
  if (!entry) throw new Error(`${dir}: no src/lib.rs, src/main.rs or [[bin]] target`);
  let graph: CargoGraph | undefined;
  const problems: LoadProblem[] = [];
  try {
    graph = new CargoGraph(opts.fs, opts.target, dir, opts.features);
  } catch (e) {
    problems.push({ file: join(dir, 'Cargo.toml'), message: (e as Error).message });
  }
  if (!graph) return { ...loadFile(entry, opts), problems };
  for (const p of graph.problems) problems.push({ file: join(dir, 'Cargo.toml'), message: p.message });
  const project = new Project(graph, opts.fs, opts.parse, opts.target, projectOptions(opts));
  const c = project.loadCrate(graph.root, entry, { read: opts.read });
  problems.push(...c.problems);
  return { program: { crate: c.input, texts: c.texts }, problems, project, wholeWorkspace: wholeWorkspaceOf(graph, entry, opts, false) };
}

/** One file as a crate root (its `mod` files followed, item macros expanded), without a package. */
export function loadFile(file: string, opts: LoadOptions): LoadedProgram {
  const features = new Set<string>();
  const holds = (p: CfgPredicate) => evalCfg(p, opts.target, features);
  const read = opts.read ?? ((p: string) => opts.fs.readFile(p));
  const expander = new CrateExpander({ home: {}, edition: 2021, external: () => undefined, parse: opts.parse, active: (cfg) => cfg.every(holds), ...(opts.ownIncludes ? { read } : {}) });
  const mods = loadModules(file, { read, parse: opts.parse, holds, expander });
  const externs = new Set(externCrateNames(mods.root.items));
  for (const m of mods.fileModules.values()) for (const e of externCrateNames(m.items)) externs.add(e);
  const problems: ModuleProblem[] = [...mods.problems];
  return { program: { crate: { name: 'crate', root: mods.root, fileModules: mods.fileModules, externCrates: [...externs], features: [] }, texts: mods.texts }, problems };
}

/**
 * What a file of a package is the root of, when it is not the library: an integration test, a
 * bench, an example (each with the package's library and its dev-dependencies as dependencies)
 * or a binary (the library and the normal dependencies). Undefined for any other file.
 */
export function targetKind(packageDir: string, file: string): 'test' | 'bin' | undefined {
  const rel = file.startsWith(`${packageDir}/`) ? file.slice(packageDir.length + 1) : undefined;
  if (rel === undefined) return undefined;
  if (/^(tests|benches|examples)\/[^/]+\.rs$/.test(rel) || /^(tests|benches|examples)\/[^/]+\/main\.rs$/.test(rel)) return 'test';
  if (/^src\/bin\/[^/]+\.rs$/.test(rel) || /^src\/bin\/[^/]+\/main\.rs$/.test(rel) || rel === 'src/main.rs') return 'bin';
  return undefined;
}

/** A test, bench, example or binary of a package, rooted at `file`, with its library and dependencies linked. */
export function loadTarget(packageDir: string, file: string, kind: 'test' | 'bin', opts: LoadOptions): LoadedProgram {
  const graph = new CargoGraph(opts.fs, opts.target, packageDir, opts.features, kind === 'test');
  const project = new Project(graph, opts.fs, opts.parse, opts.target, projectOptions(opts));
  const c = project.loadCrate(graph.root, file, { read: opts.read, withOwnLibrary: true });
  return { program: { crate: c.input, texts: c.texts }, problems: [...graph.problems.map((p) => ({ file: join(packageDir, 'Cargo.toml'), message: p.message })), ...c.problems], project, wholeWorkspace: wholeWorkspaceOf(graph, file, opts, true) };
}

/** A package directory or a single file (a test, example or binary of a package gets the package's library and dependencies). */
export function loadPath(p: string, opts: LoadOptions): LoadedProgram & { root: string } {
  const isDir = opts.fs.readDir(p) !== undefined;
  if (isDir) return { ...loadPackage(p, opts), root: p };
  if (opts.fs.readFile(p) === undefined) throw new Error(`cannot read ${p}`);
  const dir = packageDirOf(opts.fs, p);
  const kind = dir !== undefined ? targetKind(dir, p) : undefined;
  if (dir !== undefined && kind) {
    try {
      return { ...loadTarget(dir, p, kind, opts), root: dir };
    } catch {
      // an unreadable manifest: the file alone, as below
    }
  }
  return { ...loadFile(p, opts), root: p.slice(0, Math.max(0, p.lastIndexOf('/'))) || '/' };
}
