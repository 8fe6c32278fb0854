/**
 * Layout diagnostics (collection "rust-layout", severity `rustLayout.diagnostics.severity`,
 * Information by default), each switchable:
 *   reprCPadding      a `#[repr(C)]` struct whose fields could be ordered with less padding;
 *   largeType         a type larger than `largeTypeThreshold` bytes (a 64-byte cache line);
 *   largeEnumVariant  an enum whose largest variant is `largeEnumVariantThreshold` bytes (200)
 *                     or more larger than the next one, like clippy's large_enum_variant.
 * No noise on half-typed code: types whose layout is unknown or an error are skipped, and so is
 * any item that contains a syntax error. Open documents are re-checked shortly after an edit.
 * A text tree-sitter gave up on gets one diagnostic on its first line, saying why and when it
 * will be parsed again (after which the surfaces are asked to refresh, this one included).
 */
import * as vscode from 'vscode';
import { host } from './host';
import { computeReportsInSlices } from './warmReports';
import type { DiagnosticSettings } from './config';
import { readSettings } from './config';
import { spanToRange } from './convert';
import { Disposable } from './dispose';
import type { Log } from './log';
import { findings } from './plans';
import type { DocumentReports } from './reports';

export const DIAGNOSTIC_SOURCE = 'rust-layout';

const SEVERITY: Record<DiagnosticSettings['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export class LayoutDiagnostics extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly reports: DocumentReports,
    private readonly log: Log,
    private readonly delayMs = 250,
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, this.delayMs)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d.uri.toString());
        this.collection.delete(d.uri);
      }),
    );
    this._register(reports.onDidInvalidate(() => this.refreshAll()));
    this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    this.refreshAll();
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    // Only real documents: not the old side of a diff (git:) or other read-only views.
    if (document.languageId !== 'rust' || this.isDisposed || !(host().handles(document.uri) || ['file', 'untitled', 'vscode-remote'].includes(document.uri.scheme))) return;
    const key = document.uri.toString();
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(document);
      }, delay),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    try {
      if (document.isClosed) return;
      const settings = readSettings(document).diagnostics;
      const a = await this.reports.analyze(document);
      const current = () => !!a && !document.isClosed && a.version === document.version && !this.isDisposed;
      if (!a || !current() || !(await computeReportsInSlices(a, current))) return;
      const severity = SEVERITY[settings.severity];
      const next = findings(a, settings).map((f) => {
        // A given-up parse says when it will be tried again (src/features/parseRetries.ts).
        const message = f.code === 'parseAbandoned' ? f.message + this.reports.retryNote(a.path, a.text) : f.message;
        const d = new vscode.Diagnostic(spanToRange(document, f.span), message, severity);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = f.code;
        return d;
      });
      // Most keystrokes leave every diagnostic as it was: sending the same list again costs a
      // message to the workbench (and its compression, in a remote extension host) for nothing.
      if (!sameDiagnostics(this.collection.get(document.uri), next)) this.collection.set(document.uri, next);
    } catch (err) {
      this.log.error(`diagnostics for ${document.uri.toString()} failed`, err);
    }
  }
}

/** Whether two lists hold the same diagnostics in the same order (range, message, severity, code). */
export function sameDiagnostics(a: readonly vscode.Diagnostic[] | undefined, b: readonly vscode.Diagnostic[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!x.range.isEqual(y.range) || x.message !== y.message || x.severity !== y.severity || x.code !== y.code || x.source !== y.source) return false;
  }
  return true;
}
