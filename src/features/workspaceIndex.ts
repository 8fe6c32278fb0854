/**
 * The lazy workspace index: which crate a Rust file belongs to (nearest Cargo.toml upwards and
 * its entry file) and the text of the crate's files, preferring open documents over the disk.
 * Nothing is read until asked; what was read is cached until a FileSystemWatcher (`**\/*.rs`,
 * `**\/Cargo.toml`) reports a change. `target/` and `files.exclude` are ignored.
 * `generation` counts every change that can alter an analysis (edits, file events).
 */
import * as vscode from 'vscode';
import { crateEntry } from '../analysis/program';
import type { ProjectFs } from '../cargo/fs';
import { parseManifest } from '../cargo/manifest';
import { dirname, isInside, join } from '../cargo/paths';
import { Disposable } from './dispose';
import { host } from './host';

export interface CrateInfo {
  /** The package directory (holding its Cargo.toml). */
  readonly dir: string;
  /** The crate's entry file (library, else src/main.rs). */
  readonly entry: string;
}

export class WorkspaceIndex extends Disposable implements ProjectFs {
  private readonly disk = new Map<string, string | undefined>();
  private _projectGeneration = 0;
  private readonly crates = new Map<string, CrateInfo | undefined>();
  private excludes: RegExp[] = [];
  private _generation = 0;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when a file of the workspace changed on disk (not for edits of open documents). */
  readonly onDidChange = this._onDidChange.event;

  constructor() {
    super();
    const files = host().files;
    if (files.readFileAsync) this.readFileAsync = (p) => this.readFileOffThread((q) => files.readFileAsync!(q), p);
    if (files.readDirAsync) this.readDirAsync = (p) => files.readDirAsync!(p);
    this.readExcludes();
    for (const glob of ['**/*.rs', '**/Cargo.toml', '**/Cargo.lock', '**/.cargo/config.toml', '**/.cargo/config']) {
      const w = this._register(vscode.workspace.createFileSystemWatcher(glob));
      this._register(w.onDidCreate((u) => this.onFileEvent(u)));
      this._register(w.onDidChange((u) => this.onFileEvent(u)));
      this._register(w.onDidDelete((u) => this.onFileEvent(u)));
    }
    // A vendored crate's directory that comes or goes (cargo vendor, a rename) changes what is on disk.
    const dirs = this._register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    this._register(dirs.onDidCreate((u) => this.onEntryEvent(u)));
    this._register(dirs.onDidDelete((u) => this.onEntryEvent(u)));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'rust' && e.contentChanges.length > 0) this._generation++;
      }),
    );
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.openDocs = undefined;
        if (d.languageId === 'rust') this._generation++; // the disk text takes over again
      }),
    );
    this._register(vscode.workspace.onDidOpenTextDocument(() => (this.openDocs = undefined)));
    // The web side's files, read again after a change: what it gives now differs.
    const changed = host().onDidChange;
    if (changed) this._register(changed((paths) => this.onHostChange(paths)));
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

  /** The open documents by path, made again when documents open or close. */
  private openDocs: Map<string, vscode.TextDocument> | undefined;
  private readonly docTexts = new WeakMap<vscode.TextDocument, { readonly version: number; readonly text: string }>();

  private openDocument(path: string): vscode.TextDocument | undefined {
    if (!this.openDocs) {
      this.openDocs = new Map();
      for (const d of vscode.workspace.textDocuments) {
        if (!d.isClosed && host().handles(d.uri)) this.openDocs.set(host().pathOf(d.uri), d);
      }
    }
    const d = this.openDocs.get(path);
    return d && !d.isClosed ? d : undefined;
  }

  /** Counts changes on disk (files created, changed, deleted): what can change a package graph or a dependency. */
  get projectGeneration(): number {
    return this._projectGeneration;
  }

  /** True for files the index never looks at: anything under `target/` or excluded by `files.exclude`. */
  isIgnored(uri: vscode.Uri): boolean {
    const p = host().pathOf(uri);
    if (/\/target\//.test(p)) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const root = folder && host().pathOf(folder.uri);
    const rel = root && isInside(p, root) ? p.slice(root.replace(/\/$/, '').length + 1) : p;
    return this.excludes.some((re) => re.test(rel));
  }

  private onFileEvent(uri: vscode.Uri): void {
    if (!host().handles(uri) || this.isIgnored(uri)) return;
    this.drops++;
    this.disk.delete(host().pathOf(uri));
    this.crates.clear(); // cheap to rebuild: a Cargo.toml or an entry file may have come or gone
    this._generation++;
    this._projectGeneration++;
    this._onDidChange.fire();
  }

  /** Files the host reads differently now (the web side read them again). */
  private onHostChange(paths: readonly string[]): void {
    this.drops++;
    for (const p of paths) this.disk.delete(p);
    this.crates.clear();
    this._generation++;
    this._projectGeneration++;
    this._onDidChange.fire();
  }

  /** Any entry created or deleted: package graphs may see other sources now. */
  private onEntryEvent(uri: vscode.Uri): void {
    if (!host().handles(uri) || this.isIgnored(uri) || /\.(rs|toml|lock)$/.test(uri.path)) return;
    this.drops++;
    // A folder deleted (or moved) in one event: the files read under it are gone too.
    const dir = host().pathOf(uri);
    let dropped = false;
    for (const p of this.disk.keys()) {
      if (isInside(p, dir) && p !== dir) {
        this.disk.delete(p);
        dropped = true;
      }
    }
    if (dropped) this.crates.clear();
    this._projectGeneration++;
    this._generation++;
    this._onDidChange.fire();
  }

  /** Counts the times what was read was dropped: a read begun before must not be kept. */
  private drops = 0;

  /** Drops everything read so far. */
  clear(): void {
    this.drops++;
    this.disk.clear();
    this.crates.clear();
    this._generation++;
    this._projectGeneration++;
  }

  /** ProjectFs: an open document's text, else the file on disk (cached). */
  readFile(path: string): string | undefined {
    const doc = this.openDocument(path);
    if (doc) {
      // A walk reads every file of its crate: the open documents' texts once per version.
      const hit = this.docTexts.get(doc);
      if (hit && hit.version === doc.version) return hit.text;
      const text = doc.getText();
      this.docTexts.set(doc, { version: doc.version, text });
      return text;
    }
    if (this.disk.has(path)) return this.disk.get(path);
    const text = host().files.readFile(path);
    this.disk.set(path, text);
    return text;
  }

  /**
   * ProjectFs: `readFile` without blocking the extension host on the disk (the host's async
   * read), cached as `readFile` caches, unless a file event dropped what was read meanwhile.
   * Only where the host reads off the main thread (Node); undefined on the web.
   */
  readonly readFileAsync?: (path: string) => Promise<string | undefined>;
  /** ProjectFs: `readDir` without blocking on the disk, where the host can. */
  readonly readDirAsync?: (path: string) => Promise<readonly string[] | undefined>;

  private async readFileOffThread(read: (path: string) => Promise<string | undefined>, path: string): Promise<string | undefined> {
    if (this.openDocument(path) || this.disk.has(path)) return this.readFile(path);
    const drops = this.drops;
    const text = await read(path);
    if (this.openDocument(path) || this.disk.has(path)) return this.readFile(path);
    if (drops === this.drops) this.disk.set(path, text);
    return text;
  }

  /** ProjectFs: a directory's entries (not cached here: each package graph keeps its own listings). */
  readDir(path: string): readonly string[] | undefined {
    return host().files.readDir(path);
  }

  /** ProjectFs: the extension host's environment (`CARGO_HOME`, `HOME`; none on the web). */
  env(name: string): string | undefined {
    return host().files.env(name);
  }

  /** The crate whose Cargo.toml is the nearest one above `filePath`, or undefined. */
  crateOf(filePath: string): CrateInfo | undefined {
    let dir = dirname(filePath);
    const visited: string[] = [];
    for (let depth = 0; depth < 64; depth++) {
      if (this.crates.has(dir)) {
        const hit = this.crates.get(dir);
        for (const v of visited) this.crates.set(v, hit);
        return hit;
      }
      visited.push(dir);
      const toml = this.readFile(join(dir, 'Cargo.toml'));
      let isPackage = false;
      try {
        isPackage = toml !== undefined && parseManifest(toml, dir).package !== undefined;
      } catch {
        isPackage = toml !== undefined; // a broken manifest: still this package's; its graph says what is wrong
      }
      if (isPackage) {
        const entry = crateEntry(dir, this);
        const info: CrateInfo | undefined = entry ? { dir, entry } : undefined;
        for (const v of visited) this.crates.set(v, info);
        return info;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const v of visited) this.crates.set(v, undefined);
    return undefined;
  }

  private readExcludes(): void {
    const ex = vscode.workspace.getConfiguration('files', null).get<Record<string, boolean>>('exclude') ?? {};
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

/** A file system path in the `/`-separated form the engine uses (src/cargo/paths.ts). */
export function toPath(fsPath: string): string {
  return fsPath.replace(/\\/g, '/');
}
