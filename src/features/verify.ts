/**
 * "Rust Layout: Verify with rustc": checks the extension's numbers for the active file's crate
 * against rustc's own layout report.
 *
 *  1. the extension's layouts of every type of the crate, from the files on disk (the CLI in a
 *     child process, so the extension host is never blocked: `node dist/cli.js --json`);
 *  2. rustc's: a scratch copy of the package (or its workspace), a `size_of` probe per type, built
 *     by `cargo rustc --profile check -- -Zprint-type-sizes` (src/platform/rustcProbe.ts);
 *  3. the comparison (src/core/verify/compare.ts): a summary, each mismatch as an error
 *     diagnostic on the type, and rustc's raw report in a read-only `rust-type-sizes` document.
 *
 * cargo runs build scripts and procedural macros: the command is refused in an untrusted
 * workspace. Cancellable, with a time limit (`rustLayout.verify.timeoutSeconds`).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { compareWithRustc, probeCandidates, type EngineReport, type EngineType } from '../core/verify/compare';
import { ProbeError, probeCrateLayouts } from '../platform/rustcProbe';
import { featureArgs } from '../cargo/graph';
import type { Command } from './commands';
import { readSettings, SECTION } from './config';
import type { Log } from './log';

export const REPORT_SCHEME = 'rust-layout-report';

/** What the command resolves to (the integration tests read it). */
export interface VerifyResult {
  readonly status: 'done' | 'untrusted' | 'no-crate' | 'cancelled' | 'failed';
  readonly message: string;
  readonly checked?: number;
  readonly matched?: number;
  readonly mismatches?: readonly { readonly name: string; readonly details: readonly string[] }[];
  /** Types not compared, with why: the engine abstained, or rustc did not lay the type out. */
  readonly notChecked?: readonly { readonly name: string; readonly reason: string }[];
  readonly reportUri?: string;
}

/** Test hook: the engine's size of this type is reported 8 bytes too large, so a mismatch shows. */
let skewForTests: string | undefined;
export function skewEngineNumberForTests(name: string | undefined): void {
  skewForTests = name;
}

/** rustc's reports by URI, shown read-only. */
export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
  put(name: string, text: string): vscode.Uri {
    // The `.type-sizes` extension selects the `rust-type-sizes` language and its grammar.
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.type-sizes` });
    this.texts.set(uri.toString(), text);
    return uri;
  }
  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}

/** The nearest directory upwards holding a Cargo.toml with a `[package]`, and the workspace root above it, if any. */
export function findPackage(file: string): { dir: string; workspaceRoot?: string } | undefined {
  let dir = path.dirname(file);
  let pkg: string | undefined;
  for (;;) {
    const manifest = path.join(dir, 'Cargo.toml');
    if (existsSync(manifest)) {
      const text = readFileSync(manifest, 'utf8');
      if (!pkg && /^\s*\[package\]/m.test(text)) pkg = dir;
      else if (pkg && /^\s*\[workspace\]/m.test(text)) return { dir: pkg, workspaceRoot: dir };
      if (pkg && /^\s*\[workspace\]/m.test(text) && dir === pkg) return { dir: pkg, workspaceRoot: dir };
    }
    const up = path.dirname(dir);
    if (up === dir) return pkg ? { dir: pkg } : undefined;
    dir = up;
  }
}

function runCli(cli: string, args: readonly string[], signal: AbortSignal): Promise<EngineReport> {
  return new Promise((resolve, reject) => {
    // In VS Code desktop the extension host's executable is Electron: run it as Node.
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, signal, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (signal.aborted) return reject(new ProbeError('cancelled', 'cancelled'));
      // Exit 1 with a report: some path could not be read; the report is still the crate's.
      if (stdout.trim().startsWith('{')) {
        try {
          return resolve(JSON.parse(stdout) as EngineReport);
        } catch {
          /* fall through */
        }
      }
      reject(new Error(`the extension's command line failed: ${(stderr || err?.message || 'no output').split('\n')[0]}`));
    });
  });
}

export function verifyCommand(deps: { extensionUri: vscode.Uri; storageUri: vscode.Uri; log: Log; reports: ReportDocuments; diagnostics: vscode.DiagnosticCollection }): Command {
  const { log } = deps;
  return {
    id: 'rustLayout.verifyWithRustc',
    // `{ simulateUntrusted: true }`: the integration tests check the refusal in a trusted window.
    execute: async (opts?: unknown): Promise<VerifyResult> => {
      const simulateUntrusted = (opts as { simulateUntrusted?: boolean } | undefined)?.simulateUntrusted === true;
      if (!vscode.workspace.isTrusted || simulateUntrusted) {
        const message = 'Verify with rustc runs cargo, which runs the crate’s build scripts and procedural macros: trust this workspace first.';
        void vscode.window.showWarningMessage(`Rust Layout: ${message}`, 'Manage Workspace Trust').then((c) => {
          if (c) void vscode.commands.executeCommand('workbench.trust.manage');
        });
        return { status: 'untrusted', message };
      }
      const doc = vscode.window.activeTextEditor?.document;
      const found = doc?.uri.scheme === 'file' && doc.languageId === 'rust' ? findPackage(doc.uri.fsPath) : undefined;
      if (!doc || !found) {
        const message = 'open a Rust file of a cargo package (a directory with a Cargo.toml) first.';
        void vscode.window.showInformationMessage(`Rust Layout: ${message}`);
        return { status: 'no-crate', message };
      }
      const { target, features } = readSettings(doc);
      const timeoutMs = 1000 * Math.max(10, vscode.workspace.getConfiguration(SECTION, doc).get<number>('verify.timeoutSeconds', 600));
      const crateName = path.basename(found.dir);
      return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Rust Layout: verifying ${crateName} with rustc`, cancellable: true },
        async (progress, token): Promise<VerifyResult> => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          try {
            progress.report({ message: 'laying out every type with the extension…' });
            const cli = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'cli.js').fsPath;
            const engine = await runCli(cli, ['--json', '--target', target, ...featureArgs(features), found.dir], abort.signal);
            const types = engine.types.map((t) => (t.name === skewForTests && typeof t.size === 'number' ? ({ ...t, size: t.size + 8 } as EngineType) : t));
            const report: EngineReport = { ...engine, types };
            const candidates = probeCandidates(report);
            progress.report({ message: `compiling with cargo (${candidates.length} types probed)…` });
            log.info(`verify: ${candidates.length} types of ${found.dir} probed with cargo for ${target}`);
            const probe = await probeCrateLayouts(found.dir, candidates, {
              target: target === 'x86_64-unknown-linux-gnu' && process.platform === 'linux' && process.arch === 'x64' ? undefined : target,
              cargo: { workspaceRoot: found.workspaceRoot, targetDir: vscode.Uri.joinPath(deps.storageUri, 'verify-target').fsPath, features },
              signal: abort.signal,
              timeoutMs,
            });
            const cmp = compareWithRustc(crateName, report, probe.types, probe.rejected);
            const s = cmp.summary;
            const uri = deps.reports.put(crateName, `${probe.report}\n`);
            const byName = new Map(types.map((t) => [t.name, t as EngineType & { file?: string; line?: number }]));
            // Each mismatch as an error on the type's line.
            deps.diagnostics.clear();
            const diags = new Map<string, vscode.Diagnostic[]>();
            const mismatches = s.verdicts.filter((v) => v.verdict === 'wrong' || v.verdict === 'error-mismatch').map((v) => ({ name: v.name, details: v.details }));
            for (const m of mismatches) {
              const t = byName.get(m.name);
              if (!t?.file) continue;
              const file = path.resolve(found.dir, t.file);
              const line = Math.max(0, (t.line ?? 1) - 1);
              const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), `rustc lays out \`${m.name}\` differently: ${m.details.join('; ')}`, vscode.DiagnosticSeverity.Error);
              d.source = 'Rust Layout (verify with rustc)';
              if (!diags.has(file)) diags.set(file, []);
              diags.get(file)!.push(d);
            }
            for (const [file, ds] of diags) deps.diagnostics.set(vscode.Uri.file(file), ds);
            const notChecked = [
              ...s.verdicts.filter((v) => v.verdict === 'abstained').map((v) => ({ name: v.name, reason: `abstained: ${v.details[0] ?? ''}` })),
              ...cmp.notChecked.map((name) => ({ name, reason: byName.get(name)?.size == null ? `abstained: ${byName.get(name)?.unknown ?? byName.get(name)?.error ?? ''}` : 'rustc did not lay it out (cfg’d out, or a probe it refused)' })),
            ];
            const matched = s.counts.exact + s.counts['error-match'];
            const checked = matched + mismatches.length;
            const head = `${checked} types checked against rustc: ${mismatches.length ? `${mismatches.length} mismatch${mismatches.length === 1 ? '' : 'es'}` : 'all match'}${notChecked.length ? `; ${notChecked.length} not checked` : ''}.`;
            log.info(`verify ${crateName}: ${head} (cargo ${probe.ms} ms)`);
            for (const m of mismatches) log.warn(`verify mismatch ${m.name}: ${m.details.join('; ')}`);
            for (const n of notChecked) log.info(`verify not checked ${n.name}: ${n.reason}`);
            const show = mismatches.length ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
            void show(`Rust Layout: ${head}`, 'Show rustc’s Report', 'Show Log').then(async (c) => {
              if (c === 'Show Log') log.show();
              else if (c) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
            });
            return { status: 'done', message: head, checked, matched, mismatches, notChecked, reportUri: uri.toString() };
          } catch (err) {
            if (err instanceof ProbeError && err.reason === 'cancelled') return { status: 'cancelled', message: 'cancelled' };
            const noStd = err instanceof ProbeError && /can't find crate for `(core|std)`|target may not be installed/.test(err.stderr);
            const message =
              err instanceof ProbeError && err.reason === 'not-found'
                ? 'cargo was not found on PATH: install Rust (rustup.rs) or add cargo to PATH.'
                : noStd
                  ? `rustc's standard library for ${target} is not installed here (with rustup: \`rustup target add ${target}\`), so rustc cannot lay the crate out for it.`
                  : `could not verify: ${err instanceof Error ? err.message : String(err)}`;
            if (err instanceof ProbeError && err.stderr) log.warn(`verify: cargo said:\n${err.stderr.split('\n').slice(0, 40).join('\n')}`);
            void vscode.window.showErrorMessage(`Rust Layout: ${message}`, 'Show Log').then((c) => {
              if (c) log.show();
            });
            return { status: 'failed', message };
          }
        },
      );
    },
  };
}
