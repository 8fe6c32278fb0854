/**
 * Builds a `Program` (a crate's module tree and texts, with its dependencies linked) from a
 * path: a package directory (its Cargo.toml read by src/cargo, the library entry, else
 * `src/main.rs`), or one `.rs` file as the root of its own module tree.
 */
import { CargoGraph } from '../cargo/graph';
import type { ProjectFs } from '../cargo/fs';
import { join } from '../cargo/paths';
import { parseManifest } from '../cargo/manifest';
import type { Target } from '../core/targets';
import { evalCfg } from '../core/resolve';
import type { Program } from './analyzer';
import { type ModuleProblem, loadModules } from './modules';
import { type ParseFn, Project, externCrateNames } from './project';
import { CrateExpander } from './expand';
import type { CfgPredicate } from '../core/model';

export interface LoadProblem {
  readonly file: string;
  readonly message: string;
}

export interface LoadedProgram {
  readonly program: Program;
  readonly problems: readonly LoadProblem[];
  /** The package and its dependency graph (undefined for a file outside any package). */
  readonly project?: Project;
}

export interface LoadOptions {
  readonly fs: ProjectFs;
  readonly parse: ParseFn;
  readonly target: Target;
  /** Read the module tree's files through this instead of `fs` (the editor's open documents). */
  readonly read?: (path: string) => string | undefined;
}

/** The crate entry of a package directory: Cargo.toml's `[lib] path`, then src/lib.rs, then src/main.rs. */
export function crateEntry(dir: string, fs: ProjectFs): string | undefined {
  let libPath: string | undefined;
  const toml = fs.readFile(join(dir, 'Cargo.toml'));
  try {
    libPath = toml !== undefined ? parseManifest(toml, dir).lib?.path : undefined;
  } catch {
    libPath = undefined;
  }
  for (const rel of [...(libPath ? [libPath] : []), 'src/lib.rs', 'src/main.rs']) {
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
  if (!entry) throw new Error(`${dir}: no src/lib.rs or src/main.rs`);
  let graph: CargoGraph | undefined;
  const problems: LoadProblem[] = [];
  try {
    graph = new CargoGraph(opts.fs, opts.target, dir);
  } catch (e) {
    problems.push({ file: join(dir, 'Cargo.toml'), message: (e as Error).message });
  }
  if (!graph) return { ...loadFile(entry, opts), problems };
  for (const p of graph.problems) problems.push({ file: join(dir, 'Cargo.toml'), message: p.message });
  const project = new Project(graph, opts.fs, opts.parse, opts.target);
  const c = project.loadCrate(graph.root, entry, false, opts.read);
  problems.push(...c.problems);
  return { program: { crate: c.input, texts: c.texts }, problems, project };
}

/** One file as a crate root (its `mod` files followed, item macros expanded), without a package. */
export function loadFile(file: string, opts: LoadOptions): LoadedProgram {
  const features = new Set<string>();
  const holds = (p: CfgPredicate) => evalCfg(p, opts.target, features);
  const expander = new CrateExpander({ home: {}, edition: 2021, external: () => undefined, parse: opts.parse, active: (cfg) => cfg.every(holds) });
  const mods = loadModules(file, { read: opts.read ?? ((p) => opts.fs.readFile(p)), parse: opts.parse, holds, expander });
  const externs = new Set(externCrateNames(mods.root.items));
  for (const m of mods.fileModules.values()) for (const e of externCrateNames(m.items)) externs.add(e);
  const problems: ModuleProblem[] = [...mods.problems];
  return { program: { crate: { name: 'crate', root: mods.root, fileModules: mods.fileModules, externCrates: [...externs], features: [] }, texts: mods.texts }, problems };
}

/** A package directory or a single file. */
export function loadPath(p: string, opts: LoadOptions): LoadedProgram & { root: string } {
  const isDir = opts.fs.readDir(p) !== undefined;
  if (isDir) return { ...loadPackage(p, opts), root: p };
  if (opts.fs.readFile(p) === undefined) throw new Error(`cannot read ${p}`);
  return { ...loadFile(p, opts), root: p.slice(0, Math.max(0, p.lastIndexOf('/'))) || '/' };
}
