/**
 * A Cargo package with its dependencies, for one target: the root crate's module tree, and each
 * dependency crate read from its source on disk the first time a type path reaches it
 * (`use regex::Regex` → regex's crate), with its own features and dependencies. Found without
 * running cargo (src/cargo/graph.ts), so it works offline and in untrusted workspaces: only
 * manifests and sources are read, nothing is executed.
 */
import { type CargoGraph, type PackageNode } from '../cargo/graph';
import { type ProjectFs, readAhead } from '../cargo/fs';
import type { CfgPredicate, Item, SourceFile } from '../core/model';
import { CrateScope, type CrateInput, type CrateLinks, evalCfg } from '../core/resolve';
import type { Target } from '../core/targets';
import { type FileWalk, type ModuleProblem, walkModules } from './modules';
import { buildCfgs, outDirEnvFile, outDirSource, withScriptModules } from '../cargo/buildScripts';
import { dirname, join } from '../cargo/paths';
import { blankFunctionBodies } from '../parse/bodies';
import type { ParsedFiles } from './parsedFiles';
import { Postponed, type WorkBudget } from '../core/budget';
import { nextTurn, runInSlices, runToEnd } from './turnBudget';
import { CrateExpander, DOLLAR_CRATE_PREFIX, type ExportedMacros, type MacroHome, editionOf } from './expand';

/**
 * What a parse may leave out: no layout reads a function body, so bodies may be blanked before
 * the parse (src/parse/bodies.ts). `blankBodies`: `'all'` for a dependency's file (inline
 * `#[cfg(test)]` modules too: a dependency is never built for its tests); `'functions'` for a file
 * of the workspace's crate that no editor shows (its test modules are kept: an integration test
 * is built with `cfg(test)`). A parse function may ignore the hint: the model it gives is the
 * same but for `#[cfg(test)]` modules' items (with `'all'`) and the problems inside bodies.
 */
export interface ParseHints {
  readonly blankBodies?: 'all' | 'functions';
}

/** `text` as a parse with `hints` reads it. */
export function hintedText(text: string, hints: ParseHints | undefined): string {
  return hints?.blankBodies ? blankFunctionBodies(text, { testModules: hints.blankBodies === 'all' }) : text;
}

export type ParseFn = (path: string, text: string, hints?: ParseHints) => SourceFile;

/** A dependency's files: their bodies need not be parsed. */
export const DEPENDENCY_FILE: ParseHints = Object.freeze({ blankBodies: 'all' });

/** A file of the workspace's crate that no editor shows: its function bodies need not be parsed. */
export const UNSHOWN_FILE: ParseHints = Object.freeze({ blankBodies: 'functions' });

/** Reading a dependency's files from disk yields to the event loop after this long (ms). */
const READ_SLICE_MS = 8;

/** A dependency's walk yields to the event loop after this long (ms), between one file module and the next. */
const WALK_SLICE_MS = 10;

/** A dependency walk still waiting after this many rounds is given up (a safety net: each round makes progress). */
const MAX_WALK_ROUNDS = 200;

/** One crate ready for CrateScope: its module tree, texts and links to its dependencies. */
export interface LoadedCrate {
  readonly input: CrateInput;
  readonly texts: ReadonlyMap<string, string>;
  readonly problems: readonly ModuleProblem[];
}

/** A crate loaded: ready for CrateScope, with its macros and the files it still waits for. */
export type CrateLoad = LoadedCrate & {
  readonly home: MacroHome;
  readonly exported: ExportedMacros;
  readonly pending: number;
  /** The walk's expander and how each file module was walked (to expand one file again: src/incremental/crateSession.ts). */
  readonly expander: CrateExpander;
  readonly fileWalks: ReadonlyMap<string, FileWalk>;
  /** Dependencies whose macros the walk asked for while they were being read. */
  readonly waitingFor: readonly PackageNode[];
};

export interface LoadCrateOptions {
  /** Its sources do not change while analyses are made (see CrateInput.frozen). */
  readonly frozen?: boolean;
  /** How the module tree's files are read (default: the project's file system). */
  readonly read?: (path: string) => string | undefined;
  /** A test, bench, example or binary of the package: its library is one more dependency. */
  readonly withOwnLibrary?: boolean;
  /** `entry` is one file of the crate, shown before the rest is read (see CrateInput.detached). */
  readonly detached?: boolean;
}

export interface ProjectProblem {
  readonly crate: string;
  readonly message: string;
}

/** `extern crate x` names of a file's items (rustc adds them to the extern prelude). */
export function externCrateNames(items: readonly Item[]): string[] {
  const out: string[] = [];
  for (const i of items) if (i.kind === 'externCrate') out.push(i.alias ?? i.crate);
  return out;
}

export class Project {
  private readonly scopes = new Map<PackageNode, CrateScope | { readonly unavailable: string; readonly procMacro?: boolean }>();
  /** Each dependency crate's `#[macro_export]` macros, once read. */
  private readonly macros = new Map<CrateScope, ExportedMacros>();
  /** Crate scopes by id, for the `::__rll_crate_<id>` paths that `$crate` becomes in other crates. */
  private readonly byId = new Map<number, CrateScope>();
  /** Problems met while reading dependency crates (missing module files…), for the log. */
  readonly problems: ProjectProblem[] = [];
  /** Every dependency crate read so far. */
  readonly read: PackageNode[] = [];

  /** Dependencies being read and walked in later turns (the editor's way), and when they will be in. */
  private readonly reading = new Map<PackageNode, Promise<void>>();

  /**
   * `parse` is a ParsedFiles' (or any synchronous parse). With `files` (asynchronous
   * ParsedFiles: the editor) a dependency is first `pending` ("being read"): its files are read
   * and parsed and it is walked in later turns of the event loop, never inside the analysis that
   * reached it, and `onRead` is called once it is in. A `budget` puts off macro expansions past
   * a turn's share (src/core/budget.ts). `host` is the triple of the machine builds run on
   * (build scripts that read the system: openssl-sys). `ownIncludes` reads `include!("file.rs")` in the
   * crate's own files too (the CLI, which sees each file once; the editor reads it in
   * dependencies only, whose sources never change).
   */
  constructor(
    readonly graph: CargoGraph,
    private readonly fs: ProjectFs,
    private readonly parse: ParseFn,
    readonly target: Target,
    private readonly opts: { readonly files?: ParsedFiles; readonly onRead?: () => void; readonly budget?: WorkBudget; readonly host?: string; readonly ownIncludes?: boolean } = {},
  ) {}

  private get files(): ParsedFiles | undefined {
    return this.opts.files;
  }

  private holds(features: ReadonlySet<string>, extra: ReadonlySet<string>): (p: CfgPredicate) => boolean {
    return (p) => evalCfg(p, this.target, features, extra);
  }

  /** Loads a crate of package `node` from `entry` (the library, or the root package's binary). */
  loadCrate(node: PackageNode, entry: string, opts: LoadCrateOptions = {}): CrateLoad {
    return runToEnd(this.crateWalk(node, entry, opts));
  }

  /** `loadCrate` a slice of `sliceMs` at a time, yielding to the event loop between them. */
  loadCrateInSlices(node: PackageNode, entry: string, opts: LoadCrateOptions, sliceMs: number): Promise<CrateLoad> {
    return runInSlices(this.crateWalk(node, entry, opts), sliceMs);
  }

  private *crateWalk(node: PackageNode, entry: string, opts: LoadCrateOptions): Generator<void, CrateLoad, void> {
    const { frozen = false, read = (p: string) => this.fs.readFile(p), withOwnLibrary = false, detached = false } = opts;
    const graphFeatures = this.graph.features(node);
    const buildPath = node.manifest.package?.build;
    const scriptPath = join(node.dir, typeof buildPath === 'string' ? buildPath : 'build.rs');
    const scriptText = node.manifest.package?.build === false ? undefined : this.fs.readFile(scriptPath);
    // The files of the script's `mod x;` may print cfgs too.
    const script = scriptText === undefined ? undefined : withScriptModules((p) => this.fs.readFile(p), scriptPath, scriptText);
    const sysDir = node.name === 'openssl' ? this.graph.deps(node).find((e) => !('missing' in e.to) && e.to.name === 'openssl-sys')?.to : undefined;
    const built = buildCfgs(node.name, script, this.target, graphFeatures, {
      fs: this.fs,
      dir: node.dir,
      host: this.opts.host,
      ...(sysDir && !('missing' in sysDir) ? { sysDir: sysDir.dir, sysFeatures: this.graph.features(sysDir) } : {}),
    });
    // Features the build script turns on count for this crate's own code only.
    const features = built.features.length ? new Set([...graphFeatures, ...built.features]) : graphFeatures;
    // Rustflags' cfgs (`--cfg tokio_unstable`) hold in every crate of the build.
    const flags = this.graph.cfgsFor(node);
    const cfgSet = flags.set.length ? [...built.set, ...flags.set] : built.set;
    const uncertainCfgs = flags.uncertain.size ? new Map([...(built.uncertain ?? []), ...flags.uncertain]) : built.uncertain;
    const holds = this.holds(features, new Set(cfgSet));
    // A dependency's sources never change and no layout reads a function body.
    const parse: ParseFn = frozen ? (p, t) => this.parse(p, t, DEPENDENCY_FILE) : this.parse;
    const home: MacroHome = {};
    const waitingFor = new Set<PackageNode>();
    const expander = new CrateExpander({
      home,
      pkg: { name: node.name, version: node.version },
      edition: editionOf(node.edition),
      external: (name) => this.exportedMacros(node, name, withOwnLibrary, waitingFor),
      parse,
      active: (cfg) => cfg.every(holds),
      ...(this.opts.budget ? { budget: this.opts.budget } : {}),
      // `include!("x.rs")` is read where sources never change (see ExpandEnv.read).
      ...(frozen || this.opts.ownIncludes ? { read } : {}),
      ...(frozen ? { frozen } : {}),
      outDirSource: (name) => {
        const src = outDirSource(node.name, script, name);
        return src === undefined ? undefined : { path: join(node.dir, src.rel), ...(src.text !== undefined ? { text: src.text } : {}) };
      },
      outDirEnv: (env) => outDirEnvFile(node.name, script, env),
      manifestDir: node.dir,
    });
    const mods = yield* walkModules(entry, { read, parse, holds, expander, detached });
    const externs = new Set<string>(externCrateNames(mods.root.items));
    for (const m of mods.fileModules.values()) for (const e of externCrateNames(m.items)) externs.add(e);
    const input: CrateInput = {
      name: node.crateName,
      root: mods.root,
      fileModules: mods.fileModules,
      externCrates: [...externs],
      features: [...features],
      cfgSet,
      uncertainCfgs,
      edition: node.edition,
      links: this.linksOf(node, withOwnLibrary),
      frozen,
      // cargo passes `--cap-lints allow` to every package that is not a path dependency.
      ...(node.source !== 'path' ? { capLints: true } : node.manifest.lints ? { cargoLints: node.manifest.lints } : {}),
      package: { name: node.name, version: node.version },
      ...(detached ? { detached } : {}),
    };
    const ex = mods.expander ?? expander;
    return { input, texts: mods.texts, problems: mods.problems, home, exported: ex.exported, pending: mods.pending, waitingFor: [...waitingFor], expander: ex, fileWalks: mods.fileWalks };
  }

  /**
   * Forgets a crate read as a dependency, so that the next path reaching it reads it again: the
   * package's own library, linked into its tests and binaries, while its files are being edited.
   */
  forget(node: PackageNode): void {
    const scope = this.scopes.get(node);
    if (scope instanceof CrateScope) this.macros.delete(scope);
    this.scopes.delete(node);
    const i = this.read.indexOf(node);
    if (i >= 0) this.read.splice(i, 1);
  }

  /** Registers a crate's scope (after its walk): `$crate` of its macros can now name it. */
  private register(scope: CrateScope, home: MacroHome): void {
    home.id = scope.id;
    this.byId.set(scope.id, scope);
  }

  /** The exported macros of the dependency `name` of `node` (its crate read if needed). */
  private exportedMacros(node: PackageNode, name: string, withOwnLibrary: boolean, waitingFor: Set<PackageNode>): ExportedMacros | { readonly unavailable: string } | undefined {
    const dep = this.linksOf(node, withOwnLibrary).crate(name);
    if (!dep) return undefined;
    if (!(dep instanceof CrateScope)) {
      if ('pending' in dep && dep.pending) {
        const to = withOwnLibrary && node.libEntry && name === node.crateName ? node : this.graph.deps(node).find((e) => e.externName === name)?.to;
        if (to && !('missing' in to)) waitingFor.add(to);
      }
      return dep;
    }
    return this.macros.get(dep) ?? new Map();
  }

  /** The dependencies of `node` as CrateLinks (with its own library for a test or binary): each crate read on first use, then kept. */
  linksOf(node: PackageNode, withOwnLibrary = false): CrateLinks {
    const edges = this.graph.deps(node);
    const byName = new Map<string, PackageNode | { readonly missing: string }>();
    if (withOwnLibrary && node.libEntry) byName.set(node.crateName, node);
    for (const e of edges) if (!byName.has(e.externName)) byName.set(e.externName, e.to);
    return {
      names: [...byName.keys()],
      crate: (name) => {
        if (name.startsWith(DOLLAR_CRATE_PREFIX)) return this.byId.get(Number(name.slice(DOLLAR_CRATE_PREFIX.length)));
        const to = byName.get(name);
        if (!to) return undefined;
        if ('missing' in to) return { unavailable: to.missing };
        return this.dependency(to);
      },
    };
  }

  private dependency(node: PackageNode): CrateScope | { readonly unavailable: string; readonly pending?: boolean; readonly procMacro?: boolean } {
    const hit = this.scopes.get(node);
    if (hit) return hit;
    const label = `\`${node.name}\`${node.version ? ` ${node.version}` : ''}`;
    const pending = { unavailable: `${label} is being read`, pending: true } as const;
    if (this.reading.has(node)) return pending;
    let r: CrateScope | { readonly unavailable: string; readonly procMacro?: boolean };
    if (node.manifest.lib?.procMacro) r = { unavailable: `${label} is a procedural-macro crate (it has no types)`, procMacro: true };
    else if (!node.libEntry) r = { unavailable: `${label} has no library (no ${node.manifest.lib?.path ?? 'src/lib.rs'} in ${node.dir})` };
    else if (this.files) {
      this.reading.set(node, this.readLater(node, node.libEntry, label, this.files));
      return pending;
    } else {
      const w = this.walk(node, node.libEntry, label);
      if (w === 'pending') return pending;
      r = w;
    }
    this.scopes.set(node, r);
    return r;
  }

  /**
   * Walks a dependency crate and keeps its scope, or says it is still waiting for files,
   * expansions put off, or dependencies of its own being read (its scope is then not kept).
   */
  private walk(node: PackageNode, entry: string, label: string): CrateScope | 'pending' {
    // Guard against a dependency cycle while its scope is being built (cargo forbids them for normal dependencies).
    this.scopes.set(node, { unavailable: `${label} depends on itself` });
    return this.walked(node, label, this.loadCrate(node, entry, { frozen: true }));
  }

  /** A dependency's walk made: its scope kept, or 'pending' (nothing kept). */
  private walked(node: PackageNode, label: string, c: CrateLoad): CrateScope | 'pending' {
    if (c.pending > 0) {
      this.scopes.delete(node);
      return 'pending';
    }
    for (const p of c.problems) this.problems.push({ crate: label, message: `${p.file}: ${p.message}` });
    const r = new CrateScope(c.input, this.target, false);
    this.register(r, c.home);
    this.macros.set(r, c.exported);
    this.read.push(node);
    this.scopes.set(node, r);
    return r;
  }

  /**
   * The editor's way to read a dependency: its files read from disk a slice at a time and parsed
   * elsewhere (ParsedFiles), then walked in a turn of its own (again after whatever the walk was
   * waiting for: files, expansions put off, its own dependencies), then `onRead`.
   */
  private async readLater(node: PackageNode, entry: string, label: string, files: ParsedFiles): Promise<void> {
    try {
      await nextTurn();
      if (!this.read.includes(node) && !this.prefetched.has(node)) {
        this.prefetched.add(node);
        if (this.fs.readFileAsync) {
          // Off the main thread: the disk's waits and copies are the host's (Node's thread pool).
          let t0 = performance.now();
          await readAhead(
            this.fs,
            await this.sourceFilesAsync(entry),
            (p, text) => {
              this.parse(p, text, DEPENDENCY_FILE);
              if (performance.now() - t0 > READ_SLICE_MS) {
                void files.fetch();
                t0 = performance.now();
              }
            },
            undefined,
            nextTurn,
            READ_SLICE_MS,
          );
        } else {
          let t0 = performance.now();
          for (const p of this.sourceFiles(entry)) {
            const text = this.fs.readFile(p);
            if (text !== undefined) this.parse(p, text, DEPENDENCY_FILE);
            if (performance.now() - t0 > READ_SLICE_MS) {
              void files.fetch();
              await nextTurn();
              t0 = performance.now();
            }
          }
        }
      }
      for (let round = 0; ; round++) {
        await files.fetch();
        await nextTurn();
        // In slices; no cycle guard is needed: a dependency met during the walk is read later, not walked inside it.
        const c = await this.loadCrateInSlices(node, entry, { frozen: true }, WALK_SLICE_MS);
        const r = this.walked(node, label, c);
        if (r !== 'pending') break;
        if (round >= MAX_WALK_ROUNDS) {
          this.scopes.set(node, { unavailable: `${label} could not be read: its walk was still waiting after ${MAX_WALK_ROUNDS} rounds` });
          break;
        }
        // Its macros' crates being read: wait for them (files and expansions put off need only the next turn).
        const waits: Promise<void>[] = [];
        for (const n of c.waitingFor) {
          const p = n !== node ? this.reading.get(n) : undefined;
          if (p) waits.push(p);
        }
        await Promise.all(waits);
      }
    } catch (err) {
      // A turn's budget spent (the editor's graph reads manifests a turn at a time): nothing is
      // kept, so the next walk that reaches the crate reads it again; not "could not be read".
      if (err instanceof Postponed) this.scopes.delete(node);
      else this.scopes.set(node, { unavailable: `${label} could not be read: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      this.reading.delete(node);
      this.opts.onRead?.();
    }
  }

  private readonly prefetched = new Set<PackageNode>();

  /**
   * The `.rs` files under a crate entry's directory (at most 4,000; `target` and dotted
   * directories left out): the files its module tree most likely reads.
   */
  sourceFiles(entry: string): string[] {
    const out: string[] = [];
    const stack = [dirname(entry)];
    while (stack.length && out.length < MAX_SOURCE_FILES) {
      const dir = stack.pop()!;
      sourceEntries(dir, this.fs.readDir(dir), out, stack);
    }
    return out;
  }

  /** `sourceFiles`, its directories listed off the main thread where the file system can. */
  async sourceFilesAsync(entry: string): Promise<string[]> {
    if (!this.fs.readDirAsync) return this.sourceFiles(entry);
    const out: string[] = [];
    const stack = [dirname(entry)];
    while (stack.length && out.length < MAX_SOURCE_FILES) {
      const dir = stack.pop()!;
      sourceEntries(dir, await this.fs.readDirAsync(dir), out, stack);
    }
    return out;
  }
}

const MAX_SOURCE_FILES = 4000;

/** One directory's part of `Project.sourceFiles`: its `.rs` files into `out`, the directories to go into onto `stack`. */
function sourceEntries(dir: string, entries: readonly string[] | undefined, out: string[], stack: string[]): void {
  for (const e of entries ?? []) {
    const p = join(dir, e);
    if (e.endsWith('.rs')) out.push(p);
    else if (!e.includes('.') && e !== 'target') stack.push(p);
  }
}

/**
 * A crate's files split in two, to be parsed in that order: first the crate's entry, the files
 * of the top-level modules the open documents name as `crate::name` (`name.rs` and everything
 * under `name/`), and the files beside an open document that names `super::` or `self::`; then
 * the rest, in their order. Order only: every file is read.
 */
export function firstNeeded(files: readonly string[], entry: string, open: readonly { readonly path: string; readonly text: string }[]): { needed: string[]; rest: string[] } {
  const dir = dirname(entry);
  const exact = new Set([entry]);
  const subtrees: string[] = [];
  const besides = new Set<string>();
  for (const { path, text } of open) {
    for (const m of text.matchAll(/\bcrate::([A-Za-z_][A-Za-z0-9_]*)/g)) {
      exact.add(`${dir}/${m[1]!}.rs`);
      subtrees.push(`${dir}/${m[1]!}/`);
    }
    if (/\b(?:super|self)::/.test(text)) besides.add(dirname(path));
  }
  const wanted = (f: string) => exact.has(f) || besides.has(dirname(f)) || subtrees.some((p) => f.startsWith(p));
  return { needed: files.filter(wanted), rest: files.filter((f) => !wanted(f)) };
}
