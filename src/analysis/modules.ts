/**
 * The module tree of one crate, read the way rustc reads it (rustc_expand/src/module.rs), for
 * one target and feature set: a `mod` whose `#[cfg]` does not hold is not read, and
 * `#[cfg_attr(pred, path = "..")]` gives the path where `pred` holds.
 *
 * - Every module has a directory and, for a non-mod-rs file `a.rs`, a `relative` prefix (`a`).
 *   The crate root and `mod.rs` files have none.
 * - `mod m;` looks for `dir/[relative/]m.rs` (its children then use dir `dir/[relative/]`,
 *   relative `m`) or `dir/[relative/]m/mod.rs` (children in `dir/[relative/]m/`). Both existing
 *   is E0761, neither is E0583.
 * - `#[path = "p"] mod m;` loads `dir/p`, where `dir` is the declaring module's directory; a
 *   `#[path]` file owns its directory like a mod.rs file.
 * - An inline `mod x { .. }` gets directory `dir/[relative/]x` and no relative prefix; with
 *   `#[path = "p"]`, `dir/p`.
 *
 * Paths are `/`-separated (src/cargo/paths.ts). Never throws for missing files or syntax errors.
 */
import { cfgAttrTexts, keyValueString } from '../core/attrs';
import type { CfgPredicate, Item, ModDef, SourceFile, Span } from '../core/model';
import type { ModuleInput } from '../core/resolve';
import { dirname, isAbsolute, join } from '../cargo/paths';
import type { CrateExpander, Textual } from './expand';
import { PENDING_FILE } from './parsedFiles';
import { runToEnd } from './turnBudget';

export interface ModuleProblem {
  /** The file where the problem is (the declaring file for a missing module). */
  readonly file: string;
  readonly message: string;
  readonly span?: Span;
}

export interface ModuleLoadOptions {
  /** A file's text, or undefined when it does not exist. */
  readonly read: (path: string) => string | undefined;
  /** A file's model (the caller caches by text). */
  readonly parse: (path: string, text: string) => SourceFile;
  /** Whether a predicate holds for the crate's target and features. */
  readonly holds: (p: CfgPredicate) => boolean;
  /** Expands item-position macro calls as the walk meets them (without: calls stay as they are). */
  readonly expander?: CrateExpander;
  /**
   * The root file is a module somewhere in a crate still being read, not the crate's root: its
   * `mod x;` files are not looked for (their paths depend on where the file sits) but left
   * pending.
   */
  readonly detached?: boolean;
  /** This walk is the second, made knowing the crate's exported macros (see CrateExpander.again). */
  readonly again?: boolean;
}

export interface LoadedModules {
  readonly root: ModuleInput;
  /** File-backed modules by their path from the root, joined with `::`. */
  readonly fileModules: ReadonlyMap<string, ModuleInput>;
  /** Every file read, and every macro expansion's text: path → text. */
  readonly texts: ReadonlyMap<string, string>;
  readonly problems: readonly ModuleProblem[];
  /** Files the walk met that are still being parsed (see ParsedFiles): walk again once they are in. */
  readonly pending: number;
  /** The expander of the walk given (a new one when the walk was made again: its `exported` are the crate's). */
  readonly expander?: CrateExpander;
  /**
   * How each file module was walked, by module path (`''` for the root): enough to expand that
   * file's macro calls again, alone, after an edit (`rewalkFile`).
   */
  readonly fileWalks: ReadonlyMap<string, FileWalk>;
}

/** One file module's place in a walk. */
export interface FileWalk {
  readonly file: string;
  /** The module's path from the crate root. */
  readonly path: readonly string[];
  /** The macros in textual scope where the file starts, and where it ends. */
  readonly textualIn: Textual | undefined;
  readonly textualOut: Textual | undefined;
}

/**
 * A file's items expanded again, alone, where the last walk put it (its textual scope at the
 * start), after an edit: its `mod x;` files are not walked again, each gives the textual scope
 * the last walk ended it with. Only valid when the file's module declarations are the same as
 * before (the caller checks, on the result's items).
 */
export function rewalkFile(
  fw: FileWalk,
  items: readonly Item[],
  text: string,
  expander: CrateExpander,
  walks: ReadonlyMap<string, FileWalk>,
): { items: readonly Item[]; textual: Textual | undefined; sameScopes: boolean } {
  // Whether each `mod x;` file of this one starts with the macros it started with before (a
  // call inside an inline module can define macros that end with it, unseen at the file's end).
  let sameScopes = true;
  const walkIn = (path: readonly string[]) =>
    function* walkMod(m: ModDef, textual: Textual | undefined): Generator<void, { mod: ModDef; textual: Textual | undefined }, void> {
      const inner = [...path, m.name];
      if (m.items) {
        const r = yield* expander.items(m.items, { file: fw.file, fileText: text, textual, depth: 0, module: inner }, walkIn(inner));
        return { mod: r.items === m.items ? m : { ...m, items: r.items }, textual: r.textual };
      }
      const child = walks.get(inner.join('::'));
      if (child && !sameTextual(textual, child.textualIn)) sameScopes = false;
      return { mod: m, textual: child ? child.textualOut : textual };
    };
  const r = runToEnd(expander.items(items, { file: fw.file, fileText: text, textual: fw.textualIn, depth: 0, module: fw.path }, walkIn(fw.path)));
  return { ...r, sameScopes };
}

/** Whether two textual macro scopes hold the same definitions (compared until they share a tail). */
export function sameTextual(a: Textual | undefined, b: Textual | undefined): boolean {
  while (a !== b) {
    if (!a || !b) return false;
    if (a.def.name !== b.def.name || a.def.body !== b.def.body || a.def.localInner !== b.def.localInner || a.def.home !== b.def.home) return false;
    a = a.next;
    b = b.next;
  }
  return true;
}

const MAX_MODULE_DEPTH = 256;

interface DirState {
  readonly dir: string;
  /** The non-mod-rs file module's name (`a` for `a.rs`), or undefined. */
  readonly relative: string | undefined;
  /** Inside the items of an `include!`d file (an inline module of it too): that file's directory, where its `include!`s start. */
  readonly includeDir?: string;
}

/** Reads the module tree rooted at `rootFile`. */
export function loadModules(rootFile: string, opts: ModuleLoadOptions): LoadedModules {
  return runToEnd(walkModules(rootFile, opts));
}

/**
 * The walk of `loadModules` as a generator that stops between one file module and the next:
 * run it with `runInSlices` (src/analysis/turnBudget.ts) and a crate of 1,000 files is walked
 * in slices instead of in one 100 ms piece.
 */
export function walkModules(rootFile: string, opts: ModuleLoadOptions): Generator<void, LoadedModules, void> {
  return new Walk(opts).run(rootFile);
}

class Walk {
  private readonly texts = new Map<string, string>();
  private readonly fileModules = new Map<string, ModuleInput>();
  private readonly problems: ModuleProblem[] = [];
  /** Files on the current chain of `mod` declarations (a `#[path]` cycle stops there). */
  private readonly loading = new Set<string>();
  private readonly fileWalks = new Map<string, FileWalk>();
  /** Each file's model as this walk parsed it (a second walk of the crate takes them from here). */
  private readonly models = new Map<string, { readonly text: string; readonly file: SourceFile }>();
  private pending = 0;

  constructor(private readonly opts: ModuleLoadOptions) {}

  *run(rootFile: string): Generator<void, LoadedModules, void> {
    const file = this.file(rootFile);
    if (!file) this.problems.push({ file: rootFile, message: `cannot read ${rootFile}` });
    if (file) this.opts.expander?.noteRoot(file);
    this.loading.add(rootFile);
    const walked = yield* this.items(file?.items ?? [], [], rootFile, { dir: dirname(rootFile), relative: undefined }, 0, undefined);
    const items = walked.items;
    if (file && file !== PENDING_FILE) this.fileWalks.set('', { file: rootFile, path: [], textualIn: undefined, textualOut: walked.textual });
    const ex = this.opts.expander;
    if (ex) {
      for (const [p, t] of ex.texts) this.texts.set(p, t);
      for (const p of ex.problems) this.problems.push(p);
    }
    if (ex?.missedExported && !this.opts.again) {
      // A `crate::m!` was met before `m`'s `#[macro_export]` definition: rustc puts exported
      // macros at the crate root whatever the order, so the walk is made once more knowing them.
      // The files are the same: their models are reused, not parsed again (the CLI's parse has no cache).
      const models = this.models;
      const parse = this.opts.parse;
      const reuse = (p: string, t: string): SourceFile => {
        const hit = models.get(p);
        return hit && hit.text === t ? hit.file : parse(p, t);
      };
      return yield* new Walk({ ...this.opts, parse: reuse, expander: ex.again(), again: true }).run(rootFile);
    }
    const pending = this.pending + (ex?.pending ?? 0);
    return { root: { file: rootFile, items, ...(file === PENDING_FILE ? { pending: true } : {}), ...(file?.innerAttrs.length ? { innerAttrs: file.innerAttrs } : {}) }, fileModules: this.fileModules, texts: this.texts, problems: this.problems, pending, ...(ex ? { expander: ex } : {}), fileWalks: this.fileWalks };
  }

  private text(p: string): string | undefined {
    const hit = this.texts.get(p);
    if (hit !== undefined) return hit;
    const t = this.opts.read(p);
    if (t !== undefined) this.texts.set(p, t);
    return t;
  }

  private file(p: string): SourceFile | undefined {
    const t = this.text(p);
    if (t === undefined) return undefined;
    const f = this.opts.parse(p, t);
    if (f === PENDING_FILE) this.pending++;
    else this.models.set(p, { text: t, file: f });
    return f;
  }

  private active(cfg: readonly CfgPredicate[]): boolean {
    for (const c of cfg) if (!this.opts.holds(c)) return false;
    return true;
  }

  /**
   * The `#[path]` of a module declaration, `cfg_attr(pred, path = ..)` included: the first one in
   * attribute order, as rustc reads it (it warns about the others).
   */
  private pathOf(decl: ModDef): string | undefined {
    if (!decl.attrs.some((a) => a.name === 'cfg_attr')) return decl.pathAttr;
    for (const a of decl.attrs) {
      if (a.name === 'path') {
        const v = keyValueString(a.text);
        if (v !== undefined) return v;
      } else if (a.name === 'cfg_attr') {
        for (const t of cfgAttrTexts([a.text], (pred) => this.opts.holds(pred))) {
          if (/^path\s*=/.test(t)) {
            const v = keyValueString(t);
            if (v !== undefined) return v;
          }
        }
      }
    }
    return decl.pathAttr;
  }

  /**
   * One module's items, macro calls expanded (with the macros in textual scope before them),
   * each active `mod` walked at its place. Returns the items to keep and the macros in scope at
   * the end.
   */
  private *items(items: readonly Item[], path: readonly string[], file: string, st: DirState, depth: number, textual: Textual | undefined): Generator<void, { items: readonly Item[]; textual: Textual | undefined }, void> {
    const walkMod = (m: ModDef, t: Textual | undefined, dir?: string) => this.module(m, path, file, dir !== undefined ? { dir, relative: undefined, includeDir: dir } : st, depth + 1, t);
    const ex = this.opts.expander;
    if (ex) return yield* ex.items(items, { file, fileText: this.texts.get(file) ?? '', textual, depth: 0, module: path, ...(st.includeDir !== undefined ? { includeDir: st.includeDir } : {}) }, walkMod);
    for (const it of items) if (it.kind === 'mod' && this.active(it.cfg)) yield* walkMod(it, textual);
    return { items, textual };
  }

  /** Walks one `mod`; returns the item to keep (an inline module with its items expanded) and the macros in scope at its end. */
  private *module(decl: ModDef, parentPath: readonly string[], declFile: string, st: DirState, depth: number, textual: Textual | undefined): Generator<void, { mod: ModDef; textual: Textual | undefined }, void> {
    const path = [...parentPath, decl.name];
    const none = { mod: decl, textual };
    if (depth > MAX_MODULE_DEPTH) {
      this.problems.push({ file: declFile, message: `modules nested too deeply at \`${path.join('::')}\``, span: decl.nameSpan });
      return none;
    }
    const pathAttr = this.pathOf(decl);
    if (decl.items) {
      const dir = pathAttr !== undefined ? join(st.dir, pathAttr) : join(st.dir, ...(st.relative !== undefined ? [st.relative] : []), decl.name);
      const r = yield* this.items(decl.items, path, declFile, { dir, relative: undefined, ...(st.includeDir !== undefined ? { includeDir: st.includeDir } : {}) }, depth, textual);
      return { mod: r.items === decl.items ? decl : { ...decl, items: r.items }, textual: r.textual };
    }
    if (this.opts.detached) {
      this.fileModules.set(path.join('::'), { file: '', items: [], pending: true });
      return none;
    }
    let filePath: string;
    let child: DirState;
    if (pathAttr !== undefined) {
      filePath = isAbsolute(pathAttr) ? pathAttr : join(st.dir, pathAttr);
      child = { dir: dirname(filePath), relative: undefined };
    } else {
      const base = st.relative !== undefined ? join(st.dir, st.relative) : st.dir;
      const primary = join(base, `${decl.name}.rs`);
      const secondary = join(base, decl.name, 'mod.rs');
      const hasPrimary = this.text(primary) !== undefined;
      const hasSecondary = this.text(secondary) !== undefined;
      if (hasPrimary && hasSecondary) {
        this.problems.push({ file: declFile, message: `E0761: file for module \`${decl.name}\` found at both "${primary}" and "${secondary}"`, span: decl.nameSpan });
        return none;
      }
      if (!hasPrimary && !hasSecondary) {
        this.problems.push({ file: declFile, message: `E0583: file not found for module \`${decl.name}\` (looked for "${primary}" and "${secondary}")`, span: decl.nameSpan });
        return none;
      }
      filePath = hasPrimary ? primary : secondary;
      child = hasPrimary ? { dir: base, relative: decl.name } : { dir: join(base, decl.name), relative: undefined };
    }
    if (this.loading.has(filePath)) {
      this.problems.push({ file: declFile, message: `circular modules: "${filePath}" includes itself`, span: decl.nameSpan });
      return none;
    }
    const sf = this.file(filePath);
    if (!sf) {
      this.problems.push({ file: declFile, message: `E0583: cannot read "${filePath}" for module \`${decl.name}\``, span: decl.nameSpan });
      return none;
    }
    const key = path.join('::');
    if (sf === PENDING_FILE) {
      this.fileModules.set(key, { file: filePath, items: [], pending: true });
      return none;
    }
    const inner = sf.innerAttrs.length ? { innerAttrs: sf.innerAttrs } : {};
    this.fileModules.set(key, { file: filePath, items: sf.items, ...inner }); // (its place in module order)
    // A place to stop between one file and the next (see loadModulesInSlices).
    yield;
    this.loading.add(filePath);
    const r = yield* this.items(sf.items, path, filePath, child, depth, textual);
    this.loading.delete(filePath);
    this.fileModules.set(key, { file: filePath, items: r.items, ...inner });
    this.fileWalks.set(key, { file: filePath, path, textualIn: textual, textualOut: r.textual });
    return { mod: decl, textual: r.textual };
  }
}
