/**
 * Builds a `Program` (crate module tree + texts) from disk or from an in-memory file system:
 * entry `src/lib.rs` / `src/main.rs` (or one `.rs` file), `mod m;` followed the way rustc
 * does (`m.rs`, `m/mod.rs`, non-mod-rs parents, `#[path]`), Cargo dependencies as external
 * crates and default features enabled.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Item, SourceFile } from '../core/model';
import type { ModuleInput } from '../core/resolve';
import type { Program } from './analyzer';
import { externCratesOf } from './analyzer';

export interface FileSource {
  /** The text of a file, or undefined when it does not exist. */
  read(path: string): string | undefined;
}

export const diskSource: FileSource = {
  read(p) {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
};

export interface LoadProblem {
  readonly file: string;
  readonly message: string;
}

/** The crate entry for a directory: Cargo.toml's `[lib] path`, then src/lib.rs, then src/main.rs. */
export function crateEntry(dir: string, src: FileSource = diskSource): string | undefined {
  const libPath = libPathOf(src.read(nodePath.join(dir, 'Cargo.toml')) ?? '');
  for (const rel of [...(libPath ? [libPath] : []), 'src/lib.rs', 'src/main.rs']) {
    const p = nodePath.join(dir, rel);
    if (src.read(p) !== undefined) return p;
  }
  return undefined;
}

/** `path = "..."` of a Cargo.toml's `[lib]` table (old crates keep lib.rs at the package root). */
function libPathOf(toml: string): string | undefined {
  let inLib = false;
  for (const line of tomlLines(toml)) {
    if (line.startsWith('[')) inLib = /^\[\s*lib\s*\]$/.test(line);
    else if (inLib) {
      const m = /^path\s*=\s*["']([^"']+)["']$/.exec(line);
      if (m) return m[1];
    }
  }
  return undefined;
}

/** A TOML line without its comment (a `#` outside strings starts one). */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/**
 * The logical lines of a TOML text, comments dropped: an array or inline table spread over
 * several lines (`default = [\n  "std",\n  "x",\n]`, as `cargo publish` writes them) is one line.
 */
function tomlLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  let triple = ''; // inside a multi-line string (`description = """...`): its lines are text
  for (const raw of text.split(/\r?\n/)) {
    if (triple) {
      if (raw.includes(triple)) triple = '';
      continue;
    }
    let text1 = raw;
    for (const q of ['"""', "'''"]) {
      if (text1.split(q).length % 2 === 0) {
        triple = q;
        text1 = `${text1.slice(0, text1.lastIndexOf(q))}""`;
      }
    }
    const line = stripComment(text1).trim();
    if (!line) continue;
    pending = pending ? `${pending} ${line}` : line;
    if (!pending.startsWith('[')) {
      const bare = pending.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""');
      if ((bare.match(/[[{]/g)?.length ?? 0) > (bare.match(/[\]}]/g)?.length ?? 0)) continue;
    }
    out.push(pending);
    pending = '';
  }
  if (pending) out.push(pending);
  return out;
}

/**
 * Reads `[dependencies]`-like tables, `[features] default`, the name and the edition (Cargo's
 * default, 2015, when `[package]` has no such key; undefined when inherited from a workspace)
 * from a Cargo.toml: enough for layouts.
 */
export function readCargoToml(text: string): { deps: string[]; defaultFeatures: string[]; name?: string; edition?: string } {
  const deps: string[] = [];
  const features = new Map<string, string[]>();
  let section = '';
  let name: string | undefined;
  let edition: string | undefined;
  let editionSet = false;
  let hasPackage = false;
  for (const line of tomlLines(text)) {
    const sec = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (sec) {
      section = sec[1]!;
      if (section === 'package') hasPackage = true;
      const dotted = /^(?:target\..*\.)?(?:dev-|build-)?dependencies\.([A-Za-z0-9_-]+)$/.exec(section);
      if (dotted && !section.includes('dev-') && !section.includes('build-')) deps.push(dotted[1]!);
      continue;
    }
    if (section === 'package' && /^edition\s*\./.test(line)) editionSet = true; // edition.workspace = true: not known here
    const kv = /^([A-Za-z0-9_"'-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.replace(/["']/g, '');
    if (/^(?:target\..*\.)?dependencies$/.test(section)) {
      const pkg = /package\s*=\s*"([^"]+)"/.exec(kv[2]!);
      deps.push(key);
      if (pkg) deps.push(pkg[1]!);
    } else if (section === 'features') {
      features.set(key, [...kv[2]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
    } else if (section === 'package' && key === 'name') {
      name = /"([^"]+)"/.exec(kv[2]!)?.[1];
    } else if (section === 'package' && key === 'edition') {
      editionSet = true;
      edition = /^["'](\d+)["']$/.exec(kv[2]!)?.[1]; // `{ workspace = true }`: not known here
    }
  }
  const enabled = new Set<string>();
  const visit = (f: string) => {
    if (enabled.has(f)) return;
    enabled.add(f);
    for (const x of features.get(f) ?? []) if (!x.includes('/') && !x.startsWith('dep:')) visit(x);
  };
  for (const f of features.get('default') ?? []) visit(f);
  if (hasPackage && !editionSet) edition = '2015';
  return { deps: deps.map((d) => d.replace(/-/g, '_')), defaultFeatures: [...enabled], name, edition };
}

/**
 * Loads a crate rooted at `rootFile`, following `mod` declarations.
 * `parse` turns a file's text into the model.
 */
export function loadProgram(
  rootFile: string,
  parse: (path: string, text: string) => SourceFile,
  src: FileSource = diskSource,
  extra: { externCrates?: readonly string[]; features?: readonly string[]; name?: string; edition?: string } = {},
): { program: Program; problems: LoadProblem[] } {
  const texts = new Map<string, string>();
  const fileModules = new Map<string, ModuleInput>();
  const problems: LoadProblem[] = [];
  const rootText = src.read(rootFile);
  if (rootText === undefined) throw new Error(`cannot read ${rootFile}`);
  texts.set(rootFile, rootText);
  const root = parse(rootFile, rootText);
  const externs = new Set<string>([...(extra.externCrates ?? []), ...externCratesOf(root.items)]);
  const seen = new Set<string>([nodePath.resolve(rootFile)]);

  /**
   * Walks the items of one file. `dir` is where `mod m;` files are looked for;
   * `modPath` is the module path of these items.
   */
  const walk = (items: readonly Item[], file: string, dir: string, modPath: readonly string[], depth: number, inline: boolean): void => {
    if (depth > 64) return;
    for (const it of items) {
      if (it.kind !== 'mod') continue;
      const childPath = [...modPath, it.name];
      if (it.items) {
        // Inline module: nested `mod x;` files live in dir/<name>/ (or at #[path] relative to dir).
        const childDir = it.pathAttr ? nodePath.join(dir, it.pathAttr) : nodePath.join(dir, it.name);
        walk(it.items, file, childDir, childPath, depth + 1, true);
        continue;
      }
      let candidates: string[];
      if (it.pathAttr) candidates = [nodePath.isAbsolute(it.pathAttr) ? it.pathAttr : nodePath.join(inline ? dir : nodePath.dirname(file), it.pathAttr)];
      else candidates = [nodePath.join(dir, `${it.name}.rs`), nodePath.join(dir, it.name, 'mod.rs')];
      const found = candidates.find((c) => src.read(c) !== undefined);
      if (!found) {
        problems.push({ file, message: `file not found for module \`${it.name}\` (looked for ${candidates.map((c) => nodePath.basename(nodePath.dirname(c)) + '/' + nodePath.basename(c)).join(', ')})` });
        continue;
      }
      const abs = nodePath.resolve(found);
      if (seen.has(abs)) continue;
      seen.add(abs);
      const text = src.read(found)!;
      texts.set(found, text);
      const sf = parse(found, text);
      for (const e of externCratesOf(sf.items)) externs.add(e);
      fileModules.set(childPath.join('::'), { file: found, items: sf.items });
      // mod-rs files (mod.rs or #[path] files) own their directory; `m.rs` owns `m/`.
      const base = nodePath.basename(found);
      const ownDir = base === 'mod.rs' || it.pathAttr ? nodePath.dirname(found) : nodePath.join(nodePath.dirname(found), base.replace(/\.rs$/, ''));
      walk(sf.items, found, ownDir, childPath, depth + 1, false);
    }
  };
  walk(root.items, rootFile, nodePath.dirname(rootFile), [], 0, false);
  return {
    program: {
      crate: {
        name: extra.name ?? 'crate',
        root: { file: rootFile, items: root.items },
        fileModules,
        externCrates: [...externs],
        features: extra.features ?? [],
        edition: extra.edition,
      },
      texts,
    },
    problems,
  };
}

/** Loads a crate directory (with its Cargo.toml) or a single file. */
export function loadPath(
  p: string,
  parse: (path: string, text: string) => SourceFile,
  src: FileSource = diskSource,
): { program: Program; problems: LoadProblem[]; root: string } {
  const stat = fs.existsSync(p) ? fs.statSync(p) : undefined;
  if (stat?.isDirectory()) {
    const entry = crateEntry(p, src);
    if (!entry) throw new Error(`${p}: no src/lib.rs or src/main.rs`);
    const toml = src.read(nodePath.join(p, 'Cargo.toml'));
    const cargo = toml ? readCargoToml(toml) : { deps: [], defaultFeatures: [], name: undefined, edition: undefined };
    const r = loadProgram(entry, parse, src, { externCrates: cargo.deps, features: cargo.defaultFeatures, name: cargo.name, edition: cargo.edition });
    return { ...r, root: p };
  }
  const r = loadProgram(p, parse, src);
  return { ...r, root: nodePath.dirname(p) };
}
