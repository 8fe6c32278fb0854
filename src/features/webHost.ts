/**
 * The web side of the seam (src/features/host.ts), for VS Code's web-worker extension host
 * (vscode.dev, github.dev): no process and no local disk. The engine reads files synchronously,
 * so the workspace's Rust sources, manifests, lock files and cargo configs are read ahead
 * through `vscode.workspace.fs` (`readWorkspace`), and kept up to date from file events. The
 * parser's WebAssembly and the modelled std come from the extension's own URIs.
 */
import * as vscode from 'vscode';
import type { ProjectFs } from '../cargo/fs';
import { basename, dirname } from '../cargo/paths';
import type { SourceFile } from '../core/model';
import { STD_MODEL_FILE, decodeStdModel, stdFingerprint } from '../core/stdModel';
import { STD_SOURCE } from '../core/stdSource';
import type { WasmFiles } from '../parse/parser';
import { RUNTIME_WASM, RUST_GRAMMAR_WASM } from '../parse/parser';
import type { Host } from './host';

/** Folders never read: build output, version control, JavaScript dependencies. */
const SKIPPED_DIRS = new Set(['target', '.git', '.hg', '.svn', 'node_modules']);

/** At most this many files and bytes are read ahead (manifests first, then sources, shallowest first). */
export const MAX_FILES = 20_000;
export const MAX_BYTES = 96 * 1024 * 1024;
/** At most this many folders are listed. */
export const MAX_DIRS = 50_000;

/** How many reads are in flight at once. */
const PARALLEL_READS = 16;

/** Whether a file is one the engine reads: Rust sources, manifests, lock files, cargo configs. */
export function isProjectFile(path: string): boolean {
  const name = basename(path);
  if (name.endsWith('.rs') || name === 'Cargo.toml' || name === 'Cargo.lock') return true;
  return (name === 'config.toml' || name === 'config') && basename(dirname(path)) === '.cargo';
}

/** What was read ahead, and what was left out. */
export interface WorkspaceSnapshot {
  readonly files: Map<string, string>;
  readonly dirs: Map<string, string[]>;
  /** Files not read because of `MAX_FILES` / `MAX_BYTES` (their modules say "not found", never a number). */
  skipped: number;
  bytes: number;
}

/**
 * Lists every folder under the workspace folders (but `SKIPPED_DIRS`, hidden folders other
 * than `.cargo`, and folders reached through a symbolic link), then reads the manifests, lock files and configs, then the Rust sources,
 * shallowest first, within the limits.
 */
export async function readWorkspace(
  roots: readonly vscode.Uri[],
  fs: Pick<vscode.FileSystem, 'readDirectory' | 'readFile'>,
  token?: vscode.CancellationToken,
  limits: { readonly files: number; readonly bytes: number } = { files: MAX_FILES, bytes: MAX_BYTES },
): Promise<WorkspaceSnapshot> {
  const snap: WorkspaceSnapshot = { files: new Map(), dirs: new Map(), skipped: 0, bytes: 0 };
  const found: vscode.Uri[] = [];
  let dirs = 0;
  let level = [...roots];
  while (level.length && !token?.isCancellationRequested) {
    const next: vscode.Uri[] = [];
    await inParallel(level, async (dir) => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await fs.readDirectory(dir);
      } catch {
        return; // unreadable: its modules say "not found"
      }
      snap.dirs.set(dir.path, entries.map(([name]) => name));
      for (const [name, type] of entries) {
        const child = vscode.Uri.joinPath(dir, name);
        if (type & vscode.FileType.Directory) {
          // Not through symbolic links (one to an ancestor would never end), and not past MAX_DIRS.
          if (type & vscode.FileType.SymbolicLink || ++dirs > MAX_DIRS) continue;
          if (!SKIPPED_DIRS.has(name) && (!name.startsWith('.') || name === '.cargo')) next.push(child);
        } else if (isProjectFile(child.path)) found.push(child);
      }
    });
    level = next;
  }
  // Manifests and configs first: without them a file would be read as a crate of its own.
  const depth = (u: vscode.Uri) => u.path.split('/').length;
  found.sort((a, b) => Number(a.path.endsWith('.rs')) - Number(b.path.endsWith('.rs')) || depth(a) - depth(b) || (a.path < b.path ? -1 : 1));
  const decoder = new TextDecoder();
  let count = 0;
  await inParallel(found, async (uri) => {
    if (token?.isCancellationRequested || count >= limits.files || snap.bytes >= limits.bytes) {
      snap.skipped++;
      return;
    }
    count++;
    try {
      const bytes = await fs.readFile(uri);
      snap.bytes += bytes.byteLength;
      snap.files.set(uri.path, decoder.decode(bytes));
    } catch {
      // gone meanwhile: not found
    }
  });
  return snap;
}

async function inParallel<T>(items: readonly T[], f: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  const lane = async (): Promise<void> => {
    while (i < items.length) await f(items[i++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, items.length) }, lane));
}

/** The Host of the web-worker extension host over a snapshot of the workspace, kept up to date. */
export function webHost(snapshot: WorkspaceSnapshot, roots: readonly vscode.Uri[], fs: vscode.FileSystem = vscode.workspace.fs): Host & vscode.Disposable {
  const reader: ProjectFs = {
    readFile: (p) => snapshot.files.get(p),
    readDir: (p) => snapshot.dirs.get(p.replace(/\/+$/, '') || '/'),
    env: () => undefined,
  };
  const changed = new vscode.EventEmitter<readonly string[]>();
  const sameRoot = (uri: vscode.Uri) => roots.find((r) => r.scheme === uri.scheme && r.authority === uri.authority);
  const decoder = new TextDecoder();
  // Changes on "disk" (saves, files created or deleted): read again, then say which paths changed.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const reread = async (uri: vscode.Uri, gone: boolean): Promise<void> => {
    if (!sameRoot(uri) || uri.path.split('/').some((seg) => SKIPPED_DIRS.has(seg))) return;
    const p = uri.path;
    const parent = snapshot.dirs.get(dirname(p));
    if (gone) {
      snapshot.files.delete(p);
      snapshot.dirs.delete(p);
      if (parent) snapshot.dirs.set(dirname(p), parent.filter((n) => n !== basename(p)));
      changed.fire([p]);
      return;
    }
    if (parent && !parent.includes(basename(p))) parent.push(basename(p));
    if (!isProjectFile(p)) {
      changed.fire([p]);
      return;
    }
    try {
      snapshot.files.set(p, decoder.decode(await fs.readFile(uri)));
    } catch {
      snapshot.files.delete(p);
    }
    changed.fire([p]);
  };
  const subs = [
    watcher,
    changed,
    watcher.onDidCreate((u) => void reread(u, false)),
    watcher.onDidChange((u) => void reread(u, false)),
    watcher.onDidDelete((u) => void reread(u, true)),
  ];
  return {
    kind: 'web',
    files: reader,
    freshFiles: () => reader,
    machine: undefined,
    handles: (uri) => sameRoot(uri) !== undefined,
    pathOf: (uri) => uri.path,
    uriOf: (path) => {
      const root = roots.find((r) => path === r.path || path.startsWith(`${r.path.replace(/\/$/, '')}/`)) ?? roots[0];
      return root ? root.with({ path }) : vscode.Uri.parse(`file://${path}`);
    },
    parseWorker: () => undefined,
    runExample: undefined,
    onDidChange: changed.event,
    dispose: () => {
      for (const s of subs) s.dispose();
    },
  };
}

/** Reads one of the extension's own files: through `workspace.fs`, else `fetch` (an http(s) extension URI). */
async function readOwn(uri: vscode.Uri): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (first) {
    if (uri.scheme !== 'http' && uri.scheme !== 'https') throw first;
    const r = await fetch(uri.toString(true));
    if (!r.ok) throw new Error(`${uri.toString(true)}: HTTP ${r.status}`, { cause: first });
    return new Uint8Array(await r.arrayBuffer());
  }
}

/** The parser's WebAssembly files in `dist`, as bytes. */
export function wasmFilesIn(dist: vscode.Uri): WasmFiles {
  return {
    runtime: () => readOwn(vscode.Uri.joinPath(dist, RUNTIME_WASM)),
    grammar: () => readOwn(vscode.Uri.joinPath(dist, RUST_GRAMMAR_WASM)),
  };
}

/** The build's model of std in `dist`, or undefined (missing or stale: std is then parsed here). */
export async function readStdModelIn(dist: vscode.Uri): Promise<SourceFile | undefined> {
  try {
    return decodeStdModel(new TextDecoder().decode(await readOwn(vscode.Uri.joinPath(dist, STD_MODEL_FILE))), stdFingerprint(STD_SOURCE));
  } catch {
    return undefined;
  }
}
