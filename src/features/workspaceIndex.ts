/**
 * The lazy workspace index: which crate a Rust file belongs to (nearest Cargo.toml upwards and
 * its entry file) and the text of the crate's files, preferring open documents over the disk.
 * Nothing is read until asked; what was read is cached until a FileSystemWatcher (`**\/*.rs`,
 * `**\/Cargo.toml`) reports a change. `target/` and `files.exclude` are ignored.
 * `generation` counts every change that can alter an analysis (edits, file events).
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { type FileSource, crateEntry, readCargoToml } from '../analysis/program';
import { Disposable } from './dispose';

export interface CrateInfo {
  readonly dir: string;
  readonly entry: string;
  readonly name?: string;
  readonly deps: readonly string[];
  readonly features: readonly string[];
  /** The `[package] edition` (2015 when absent; undefined when inherited from a workspace). */
  readonly edition?: string;
}

export class WorkspaceIndex extends Disposable implements FileSource {
  private readonly disk = new Map<string, string | undefined>();
  private readonly crates = new Map<string, CrateInfo | undefined>();
  private excludes: RegExp[] = [];
  private _generation = 0;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when a file of the workspace changed on disk (not for edits of open documents). */
  readonly onDidChange = this._onDidChange.event;

  constructor() {
    super();
    this.readExcludes();
    for (const glob of ['**/*.rs', '**/Cargo.toml']) {
      const w = this._register(vscode.workspace.createFileSystemWatcher(glob));
      this._register(w.onDidCreate((u) => this.onFileEvent(u)));
      this._register(w.onDidChange((u) => this.onFileEvent(u)));
      this._register(w.onDidDelete((u) => this.onFileEvent(u)));
    }
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'rust' && e.contentChanges.length > 0) this._generation++;
      }),
    );
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.languageId === 'rust') this._generation++; // the disk text takes over again
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude')) {
          this.readExcludes();
          this.clear();
        }
      }),
    );
  }

  get generation(): number {
    return this._generation;
  }

  /** True for files the index never looks at: anything under `target/` or excluded by `files.exclude`. */
  isIgnored(fsPath: string): boolean {
    const p = fsPath.replace(/\\/g, '/');
    if (/\/target\//.test(p)) return true;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(fsPath));
    const rel = folder ? nodePath.relative(folder.uri.fsPath, fsPath).replace(/\\/g, '/') : p;
    return this.excludes.some((re) => re.test(rel));
  }

  private onFileEvent(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || this.isIgnored(uri.fsPath)) return;
    this.disk.delete(uri.fsPath);
    this.crates.clear(); // cheap to rebuild: a Cargo.toml or an entry file may have come or gone
    this._generation++;
    this._onDidChange.fire();
  }

  /** Drops everything read so far. */
  clear(): void {
    this.disk.clear();
    this.crates.clear();
    this._generation++;
  }

  /** FileSource: an open document's text, else the file on disk (cached). */
  read(path: string): string | undefined {
    const doc = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.scheme === 'file' && d.uri.fsPath === path);
    if (doc) return doc.getText();
    if (this.disk.has(path)) return this.disk.get(path);
    let text: string | undefined;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    this.disk.set(path, text);
    return text;
  }

  /** The crate whose Cargo.toml is the nearest one above `filePath`, or undefined. */
  crateOf(filePath: string): CrateInfo | undefined {
    let dir = nodePath.dirname(filePath);
    const visited: string[] = [];
    for (let depth = 0; depth < 64; depth++) {
      if (this.crates.has(dir)) {
        const hit = this.crates.get(dir);
        for (const v of visited) this.crates.set(v, hit);
        return hit;
      }
      visited.push(dir);
      const toml = this.read(nodePath.join(dir, 'Cargo.toml'));
      if (toml !== undefined) {
        const entry = crateEntry(dir, this);
        const cargo = readCargoToml(toml);
        const info: CrateInfo | undefined = entry
          ? { dir, entry, name: cargo.name, deps: cargo.deps, features: cargo.defaultFeatures, edition: cargo.edition }
          : undefined;
        for (const v of visited) this.crates.set(v, info);
        return info;
      }
      const parent = nodePath.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.crates.set(v, undefined);
    return undefined;
  }

  private readExcludes(): void {
    const ex = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {};
    this.excludes = Object.entries(ex)
      .filter(([, on]) => on === true)
      .map(([glob]) => globToRegExp(glob));
  }
}

/** A small glob matcher for `files.exclude` keys: `**`, `*`, `?`, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(?:/.*)?$`);
}
