/**
 * Entry point of the web-worker extension host (vscode.dev, github.dev, `@vscode/test-web`):
 * the workspace is read ahead through `vscode.workspace.fs` (src/features/webHost.ts), files are
 * parsed on this thread (a web worker already), and what needs a process (rustc, cargo, git)
 * says so instead of running. The composition shared with the Node build is src/activate.ts.
 */
import * as vscode from 'vscode';
import { type ProcessFeatures, type RustLayoutApi, activateWith } from './activate';
import { Analyzer } from './analysis/analyzer';
import { registerCommands } from './features/commands';
import { Log } from './features/log';
import { readStdModelIn, readWorkspace, wasmFilesIn, webHost } from './features/webHost';

export type { RustLayoutApi } from './activate';

export async function activate(context: vscode.ExtensionContext): Promise<RustLayoutApi | undefined> {
  const log = new Log();
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
  const started = performance.now();
  // Types are laid out once their crate's files are read: until then nothing is shown, rather
  // than a file laid out alone (its crate's features and other modules unseen).
  const [snapshot, std] = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Rust Layout: reading the workspace' },
    () => Promise.all([readWorkspace(roots, vscode.workspace.fs), readStdModelIn(dist)]),
  );
  log.info(
    `web: read ${snapshot.files.size} files (${(snapshot.bytes / 1e6).toFixed(1)} MB) of ${roots.length} workspace folder(s) in ${(performance.now() - started).toFixed(0)} ms` +
      (snapshot.skipped ? `; ${snapshot.skipped} files left unread (over the limits): their modules are reported as not found` : '') +
      (std ? '' : `; no usable ${dist.toString(true)}/std-model.json: std is parsed here`),
  );
  const host = webHost(snapshot, roots);
  context.subscriptions.push(host);
  const analyzer = new Analyzer({ wasmDir: dist.toString(), wasmFiles: wasmFilesIn(dist), prebuiltStd: () => std });
  return activateWith(context, log, { host, analyzer, processFeatures: webProcessFeatures });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

/** What needs a process: each command says so where a user looks for it (the palette). */
const webProcessFeatures: ProcessFeatures = {
  register(context, { log }) {
    const absent = (id: string, what: string, runs: string) => ({
      id,
      execute: () => {
        void vscode.window.showInformationMessage(`Rust Layout: ${what} is not available in VS Code for the Web: it runs ${runs}, and a browser has no process to run them. Open this folder in desktop VS Code (or code-server) to use it.`);
      },
    });
    context.subscriptions.push(
      registerCommands(
        [
          absent('rustLayout.verifyWithRustc', 'Verify with rustc', 'rustc and cargo'),
          absent('rustLayout.compareWith', 'Compare with…', 'git and the command-line tool'),
          absent('rustLayout.doesItAllocate', 'Does This Function Allocate?', 'rustc and cargo'),
        ],
        log,
      ),
    );
    return {};
  },
};
