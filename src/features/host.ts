/**
 * The seam between the features and where they run. Everything that differs between VS Code's
 * Node extension host (desktop, code-server) and its web-worker extension host (vscode.dev,
 * github.dev) is behind `Host`; the two sides are `src/features/nodeHost.ts` and
 * `src/features/webHost.ts`, installed once by their entry point (`src/extension.ts`,
 * `src/extension.web.ts`) before anything else runs. The rest of src/ is shared, and the lint
 * keeps Node's built-in modules out of it (eslint.config.mjs).
 */
import type * as vscode from 'vscode';
import type { SourceFile } from '../core/model';
import type { ProjectFs } from '../cargo/fs';

/** Parses files off the extension host's thread (the Node side's parse worker). */
export interface ParseWorker {
  /** `budgetMs`: the parse budget (Infinity: none); `urgent`: before every request that is not; `blankBodies`: bodies blanked first (`ParseHints` in src/analysis/project.ts). */
  parse(path: string, text: string, budgetMs?: number, urgent?: boolean, blankBodies?: 'all' | 'functions'): Promise<SourceFile>;
  dispose(): void;
}

/** What running a companion example of the guide gave. */
export interface ExampleOutcome {
  readonly ok: boolean;
  readonly output: string;
}

export interface Host {
  /** `node`: a Node extension host; `web`: a web worker (no process, no local disk). */
  readonly kind: 'node' | 'web';
  /**
   * The files that analyses read, uncached (the workspace index caches them, and puts the open
   * documents first). Synchronous: the web side reads the workspace ahead, through
   * `vscode.workspace.fs`, and answers from what it read.
   */
  readonly files: ProjectFs;
  /** A new reader of the same files that caches nothing shared (cargo configs are read afresh per target resolution). */
  freshFiles(): ProjectFs;
  /** The machine's OS and architecture as Node names them, for the host's own target; undefined on the web. */
  readonly machine: { readonly platform: string; readonly arch: string } | undefined;
  /** Whether a document's URI is one this host reads files for (its path is then `pathOf`). */
  handles(uri: vscode.Uri): boolean;
  /** The `/`-separated path the engine uses for a URI this host handles. */
  pathOf(uri: vscode.Uri): string;
  /** The URI of an engine path (the inverse of `pathOf`). */
  uriOf(path: string): vscode.Uri;
  /** A parser off this thread, or undefined: files are then parsed here. */
  parseWorker(): ParseWorker | undefined;
  /** Builds and runs a companion example with rustc; undefined where there is no process to run. */
  readonly runExample: ((code: string) => Promise<ExampleOutcome>) | undefined;
  /** Fires with the paths whose text `files` now gives differently (the web side, once a changed file is read again). */
  readonly onDidChange: vscode.Event<readonly string[]> | undefined;
}

let current: Host | undefined;

/** Installs the host (the entry point, once, before activation goes on). */
export function setHost(h: Host): void {
  current = h;
}

/** The installed host; the Node one is installed by default for code that runs outside an entry point (tests). */
export function host(): Host {
  if (!current) throw new Error('no Host installed: the entry point must call setHost() first');
  return current;
}

/** Whether a host is installed (tests that build features without an entry point install the Node one). */
export function hasHost(): boolean {
  return current !== undefined;
}
