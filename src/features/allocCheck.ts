/**
 * "Rust Layout: Does This Function Allocate?": builds the crate of the active file optimised
 * (src/platform/allocProbe.ts) and says whether a call into the global allocator survives in the
 * function at the cursor: allocates (with the chain of calls), frees only, none, or unknown (and
 * why). Every function of the crate's open files then shows its answer in a CodeLens until a file
 * of the crate is saved. With `rustLayout.allocations.codeLens`, each function also offers the
 * check as a CodeLens before it was made. cargo runs build scripts: trusted workspaces only.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { functionsIn, type FnSite } from '../analysis/functions';
import type { AllocAnswer } from '../core/verify/allocIr';
import { probeAllocations } from '../platform/allocProbe';
import { ProbeError, modulePathOf } from '../platform/rustcProbe';
import type { Command } from './commands';
import { SECTION } from './config';
import { Disposable } from './dispose';
import type { Log } from './log';
import { findPackage } from './verify';

interface CrateAnswers {
  readonly crate: string;
  readonly answers: ReadonlyMap<string, AllocAnswer>;
}

/** The key of a function of a document (`krate::module::Type::method`), or undefined outside `src/`. */
function keyOf(pkgDir: string, file: string, crate: string, fn: FnSite): string | undefined {
  const rel = path.relative(pkgDir, file).replace(/\\/g, '/');
  if (!rel.startsWith('src/')) return undefined;
  const mod = modulePathOf(rel);
  return [crate, mod, fn.path].filter(Boolean).join('::');
}

export function answerText(name: string, a: AllocAnswer | undefined): string {
  if (!a) return `\`${name}\` has no code of its own in the optimised build (a generic function is compiled where it is used; otherwise it was inlined everywhere or is unused).`;
  switch (a.kind) {
    case 'allocates':
      return `\`${name}\` allocates: a call to \`${a.via.at(-1)}\` survives optimisation${a.via.length > 1 ? ` (through ${a.via.slice(0, -1).map((v) => `\`${v}\``).join(' → ')})` : ''}.`;
    case 'frees':
      return `\`${name}\` does not allocate, but frees: a call to \`__rust_dealloc\` survives${a.via.length > 1 ? ` (through ${a.via.slice(0, -1).map((v) => `\`${v}\``).join(' → ')})` : ''}.`;
    case 'none':
      return `\`${name}\` does not call the allocator once optimised (panicking paths aside).`;
    case 'unknown':
      return `Not known whether \`${name}\` allocates: it ${a.why}.`;
  }
}

function lensTitle(a: AllocAnswer | undefined): string {
  if (!a) return 'allocation: no code of its own';
  return { allocates: 'allocates', frees: 'frees only', none: 'no allocation', unknown: 'allocation: unknown' }[a.kind];
}

export class AllocationChecks extends Disposable implements vscode.CodeLensProvider {
  private readonly results = new Map<string, CrateAnswers>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this._onDidChange.event;

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly log: Log,
  ) {
    super();
    this._register(
      vscode.workspace.onDidSaveTextDocument((d) => {
        for (const dir of [...this.results.keys()]) {
          if (d.uri.fsPath.startsWith(dir + path.sep)) this.results.delete(dir);
        }
        this._onDidChange.fire();
      }),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.uri.scheme !== 'file') return [];
    const offer = vscode.workspace.getConfiguration(SECTION, document).get<boolean>('allocations.codeLens', false);
    // Nothing checked and nothing offered: no file system walk on every keystroke's lens request.
    if (!this.results.size && !offer) return [];
    const pkg = findPackage(document.uri.fsPath);
    if (!pkg) return [];
    const known = this.results.get(pkg.dir);
    if (!known && !offer) return [];
    const text = document.getText();
    return functionsIn(text).map((fn) => {
      const at = document.positionAt(fn.start);
      const range = new vscode.Range(at, at);
      const args = { uri: document.uri.toString(), offset: fn.nameStart };
      if (!known) return new vscode.CodeLens(range, { title: 'does it allocate?', command: 'rustLayout.doesItAllocate', arguments: [args], tooltip: 'Build the crate optimised and see whether a call into the allocator survives here' });
      const key = keyOf(pkg.dir, document.uri.fsPath, known.crate, fn);
      const a = key ? known.answers.get(key) : undefined;
      return new vscode.CodeLens(range, { title: lensTitle(a), command: 'rustLayout.doesItAllocate', arguments: [args], tooltip: answerText(fn.path, a) + (document.isDirty ? '\n(As last saved.)' : '') });
    });
  }

  command(): Command {
    return {
      id: 'rustLayout.doesItAllocate',
      // `{ simulateUntrusted: true }`: the integration tests check the refusal in a trusted window.
      execute: async (arg?: unknown): Promise<{ status: string; answer?: AllocAnswer; message: string } | undefined> => {
        if (!vscode.workspace.isTrusted || (arg as { simulateUntrusted?: boolean } | undefined)?.simulateUntrusted === true) {
          const message = 'Does This Function Allocate? builds the crate with cargo, which runs its build scripts: trust this workspace first.';
          void vscode.window.showWarningMessage(`Rust Layout: ${message}`);
          return { status: 'untrusted', message };
        }
        const a = (arg ?? {}) as { uri?: string; offset?: number };
        const doc = a.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(a.uri)) : vscode.window.activeTextEditor?.document;
        if (!doc || doc.languageId !== 'rust' || doc.uri.scheme !== 'file') return { status: 'no-function', message: 'open a Rust file first.' };
        const offset = typeof a.offset === 'number' ? a.offset : vscode.window.activeTextEditor ? doc.offsetAt(vscode.window.activeTextEditor.selection.active) : 0;
        const fns = functionsIn(doc.getText()).filter((f) => f.start <= offset && offset <= f.end);
        const fn = fns.sort((x, y) => x.end - x.start - (y.end - y.start))[0];
        const pkg = findPackage(doc.uri.fsPath);
        if (!fn || !pkg) {
          const message = !pkg ? 'the file is not part of a cargo package.' : 'put the cursor in a function first.';
          void vscode.window.showInformationMessage(`Rust Layout: ${message}`);
          return { status: 'no-function', message };
        }
        let known = this.results.get(pkg.dir);
        if (!known) {
          known = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Rust Layout: building the crate optimised', cancellable: true }, async (_p, token) => {
            const abort = new AbortController();
            token.onCancellationRequested(() => abort.abort());
            try {
              const r = await probeAllocations(pkg.dir, { workspaceRoot: pkg.workspaceRoot, targetDir: vscode.Uri.joinPath(this.storageUri, 'alloc-target').fsPath, signal: abort.signal, timeoutMs: 1000 * vscode.workspace.getConfiguration(SECTION, doc).get<number>('verify.timeoutSeconds', 600) });
              this.log.info(`allocations: ${r.answers.size} functions of ${pkg.dir} answered`);
              return r;
            } catch (err) {
              if (err instanceof ProbeError && err.reason === 'cancelled') return undefined;
              const message = err instanceof ProbeError && err.reason === 'not-found' ? 'cargo was not found on PATH.' : `could not build the crate: ${err instanceof Error ? err.message : String(err)}`;
              if (err instanceof ProbeError && err.stderr) this.log.warn(`allocations: cargo said:\n${err.stderr.split('\n').slice(0, 40).join('\n')}`);
              void vscode.window.showErrorMessage(`Rust Layout: ${message}`, 'Show Log').then((c) => c && this.log.show());
              return undefined;
            }
          });
          if (!known) return { status: 'failed', message: 'no answer' };
          this.results.set(pkg.dir, known);
          this._onDidChange.fire();
        }
        const key = keyOf(pkg.dir, doc.uri.fsPath, known.crate, fn);
        const answer = key ? known.answers.get(key) : undefined;
        const message = answerText(fn.path, answer) + (doc.isDirty ? ' (As last saved.)' : '');
        void vscode.window.showInformationMessage(`Rust Layout: ${message.replace(/`/g, '')}`, 'Learn More').then((c) => {
          if (c) void vscode.commands.executeCommand('rustLayout.openGuide', { chapter: 'optimizer', section: 'vanish' });
        });
        return { status: 'done', answer, message };
      },
    };
  }
}
