/**
 * The module tree of a crate, read from disk (node:fs) or from a callback (the editor's
 * unsaved buffers), following rustc's rules for finding module files
 * (rustc_expand/src/module.rs):
 *
 * - Every module has a directory `dir` and, for a non-mod-rs file `a.rs`, a `relative` prefix
 *   (`a`). The crate root and `mod.rs` files have none.
 * - `mod m;` looks for `dir/[relative/]m.rs` (its children then use dir `dir/[relative/]`,
 *   relative `m`) or `dir/[relative/]m/mod.rs` (children in `dir/[relative/]m/`). Both
 *   existing is an error (E0761), neither is E0583.
 * - `#[path = "p"] mod m;` loads `dir/p`, where `dir` is the declaring module's directory
 *   (for a top-level declaration: the declaring file's directory, even in a non-mod-rs
 *   file). A `#[path]` file behaves like a mod.rs file: its children are its siblings.
 * - An inline `mod x { .. }` gets directory `dir/[relative/]x` and no relative prefix; with
 *   `#[path = "p"]` its directory is `dir/p`.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Item, ModDef, SourceFile, Span } from '../core/model';
import { extractFile } from './extract';
import type { RustParser } from './parser';

export interface ModuleNode {
  /** Path from the crate root: `[]` for the root, `['ast', 'span']` for `crate::ast::span`. */
  readonly path: readonly string[];
  /** The file holding this module's items (for an inline module: the file of its `mod { }` block). */
  readonly file: string;
  readonly items: readonly Item[];
  readonly inline: boolean;
  /** The `mod` item that declares this module (undefined for the crate root). */
  readonly decl?: ModDef;
  /** The declaration's file could not be found (or read): `items` is empty. */
  readonly missing?: boolean;
  readonly children: readonly ModuleNode[];
}

export interface CrateProblem {
  /** The file where the problem is (the declaring file for a missing module). */
  readonly file: string;
  readonly message: string;
  readonly span?: Span;
}

export interface CrateModel {
  /** The crate root file. */
  readonly root: string;
  /** Every file read, by path (as built from the root path with node:path). */
  readonly files: ReadonlyMap<string, SourceFile>;
  readonly modules: ModuleNode;
  /** Missing or ambiguous module files, circular `#[path]`s. Syntax problems stay in each SourceFile. */
  readonly problems: readonly CrateProblem[];
}

/** Returns the text of a file, or undefined if it does not exist. */
export type ReadFile = (path: string) => string | undefined;

/** `src/lib.rs` or `src/main.rs` of a crate directory, if present. */
export function findCrateRoot(dir: string, exists: (p: string) => boolean = fileExists): string | undefined {
  for (const rel of ['src/lib.rs', 'src/main.rs']) {
    const p = nodePath.join(dir, rel);
    if (exists(p)) return p;
  }
  return undefined;
}

function fileExists(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function readFromDisk(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Loads a crate from disk. `target` is a crate directory (entry `src/lib.rs` or
 * `src/main.rs`) or a single `.rs` file (the root of its own module tree).
 */
export function loadCrate(parser: RustParser, target: string): CrateModel {
  let root = target;
  if (!target.endsWith('.rs')) {
    const found = findCrateRoot(target);
    if (!found) {
      const file = nodePath.join(target, 'src/lib.rs');
      return {
        root: file,
        files: new Map(),
        modules: { path: [], file, items: [], inline: false, missing: true, children: [] },
        problems: [{ file: target, message: `no src/lib.rs or src/main.rs in ${target}` }],
      };
    }
    root = found;
  }
  return loadCrateWith(parser, root, readFromDisk);
}

/**
 * Loads the module tree rooted at `rootFile`, reading every file through `read` (so the
 * editor can supply unsaved buffers). Never throws for missing files or syntax errors.
 */
export function loadCrateWith(parser: RustParser, rootFile: string, read: ReadFile): CrateModel {
  const loader = new Loader(parser, read);
  const modules = loader.loadRoot(rootFile);
  return { root: rootFile, files: loader.files, modules, problems: loader.problems };
}

const MAX_MODULE_DEPTH = 256;

interface DirState {
  /** Directory that module paths are resolved against. */
  readonly dir: string;
  /** Name of the non-mod-rs file module (`a` for `a.rs`), or undefined. */
  readonly relative: string | undefined;
}

class Loader {
  readonly files = new Map<string, SourceFile>();
  readonly problems: CrateProblem[] = [];
  private readonly texts = new Map<string, string | undefined>();
  /** Files on the current chain of `mod` declarations (to stop `#[path]` cycles). */
  private readonly loading = new Set<string>();

  constructor(
    private readonly parser: RustParser,
    private readonly read: ReadFile,
  ) {}

  loadRoot(rootFile: string): ModuleNode {
    const file = this.parse(rootFile);
    if (!file) {
      this.problems.push({ file: rootFile, message: `cannot read ${rootFile}` });
      return { path: [], file: rootFile, items: [], inline: false, missing: true, children: [] };
    }
    this.loading.add(rootFile);
    const children = this.children(file.items, [], rootFile, { dir: nodePath.dirname(rootFile), relative: undefined }, 0);
    this.loading.delete(rootFile);
    return { path: [], file: rootFile, items: file.items, inline: false, children };
  }

  private text(p: string): string | undefined {
    if (!this.texts.has(p)) this.texts.set(p, this.read(p));
    return this.texts.get(p);
  }

  private parse(p: string): SourceFile | undefined {
    const cached = this.files.get(p);
    if (cached) return cached;
    const text = this.text(p);
    if (text === undefined) return undefined;
    const tree = this.parser.parse(text);
    try {
      const sf = extractFile(tree, text, p);
      this.files.set(p, sf);
      return sf;
    } finally {
      tree.delete();
    }
  }

  private children(items: readonly Item[], path: readonly string[], file: string, st: DirState, depth: number): ModuleNode[] {
    const out: ModuleNode[] = [];
    for (const it of items) {
      if (it.kind !== 'mod') continue;
      out.push(this.module(it, path, file, st, depth + 1));
    }
    return out;
  }

  private module(decl: ModDef, parentPath: readonly string[], declFile: string, st: DirState, depth: number): ModuleNode {
    const path = [...parentPath, decl.name];
    if (depth > MAX_MODULE_DEPTH) {
      this.problems.push({ file: declFile, message: `modules nested too deeply at \`${path.join('::')}\``, span: decl.nameSpan });
      return { path, file: declFile, items: [], inline: decl.items !== undefined, decl, missing: true, children: [] };
    }
    if (decl.items) {
      // inline module
      const dir =
        decl.pathAttr !== undefined
          ? nodePath.join(st.dir, decl.pathAttr)
          : nodePath.join(st.dir, ...(st.relative !== undefined ? [st.relative] : []), decl.name);
      const children = this.children(decl.items, path, declFile, { dir, relative: undefined }, depth);
      return { path, file: declFile, items: decl.items, inline: true, decl, children };
    }
    // file module
    let filePath: string;
    let childState: DirState;
    if (decl.pathAttr !== undefined) {
      filePath = nodePath.join(st.dir, decl.pathAttr);
      childState = { dir: nodePath.dirname(filePath), relative: undefined };
    } else {
      const base = st.relative !== undefined ? nodePath.join(st.dir, st.relative) : st.dir;
      const primary = nodePath.join(base, `${decl.name}.rs`);
      const secondary = nodePath.join(base, decl.name, 'mod.rs');
      const hasPrimary = this.text(primary) !== undefined;
      const hasSecondary = this.text(secondary) !== undefined;
      if (hasPrimary && hasSecondary) {
        this.problems.push({
          file: declFile,
          message: `E0761: file for module \`${decl.name}\` found at both "${primary}" and "${secondary}"`,
          span: decl.nameSpan,
        });
        return { path, file: primary, items: [], inline: false, decl, missing: true, children: [] };
      }
      if (!hasPrimary && !hasSecondary) {
        this.problems.push({
          file: declFile,
          message: `E0583: file not found for module \`${decl.name}\` (looked for "${primary}" and "${secondary}")`,
          span: decl.nameSpan,
        });
        return { path, file: primary, items: [], inline: false, decl, missing: true, children: [] };
      }
      if (hasPrimary) {
        filePath = primary;
        childState = { dir: base, relative: decl.name };
      } else {
        filePath = secondary;
        childState = { dir: nodePath.join(base, decl.name), relative: undefined };
      }
    }
    if (this.loading.has(filePath)) {
      this.problems.push({ file: declFile, message: `circular modules: "${filePath}" includes itself`, span: decl.nameSpan });
      return { path, file: filePath, items: [], inline: false, decl, missing: true, children: [] };
    }
    const sf = this.parse(filePath);
    if (!sf) {
      this.problems.push({ file: declFile, message: `cannot read "${filePath}" for module \`${decl.name}\``, span: decl.nameSpan });
      return { path, file: filePath, items: [], inline: false, decl, missing: true, children: [] };
    }
    this.loading.add(filePath);
    const children = this.children(sf.items, path, filePath, childState, depth);
    this.loading.delete(filePath);
    return { path, file: filePath, items: sf.items, inline: false, decl, children };
  }
}

/** Every module of the tree, depth first (root first). */
export function allModules(root: ModuleNode): ModuleNode[] {
  const out: ModuleNode[] = [];
  const stack = [root];
  while (stack.length) {
    const m = stack.pop()!;
    out.push(m);
    for (let i = m.children.length - 1; i >= 0; i--) stack.push(m.children[i]!);
  }
  return out;
}
