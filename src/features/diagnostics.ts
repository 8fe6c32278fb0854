/**
 * Layout diagnostics (collection "rust-layout", severity `rustLayout.diagnostics.severity`,
 * Information by default), each switchable:
 *   reprCPadding      a `#[repr(C)]` struct whose fields could be ordered with less padding;
 *   largeType         a type larger than `largeTypeThreshold` bytes (a 64-byte cache line);
 *   largeEnumVariant  an enum whose largest variant is `largeEnumVariantThreshold` bytes (200)
 *                     or more larger than the next one, like clippy's large_enum_variant.
 * No noise on half-typed code: types whose layout is unknown or an error are skipped, and so is
 * any item that contains a syntax error. Open documents are re-checked shortly after an edit.
 */
import * as vscode from 'vscode';
import type { DiagnosticSettings } from './config';
import { readSettings } from './config';
import { spanToRange } from './convert';
import { Disposable } from './dispose';
import { isKnown } from './layoutText';
import type { Log } from './log';
import { largestVariants, reorderProposal } from './plans';
import type { DocumentAnalysis, DocumentReports } from './reports';

export const DIAGNOSTIC_SOURCE = 'rust-layout';

export type LayoutDiagnosticCode = 'reprCPadding' | 'largeType' | 'largeEnumVariant';

/** One finding, before it becomes a vscode.Diagnostic (pure data, offsets into the text). */
export interface Finding {
  readonly code: LayoutDiagnosticCode;
  readonly message: string;
  readonly span: { start: number; end: number };
  /** Offset of the type's name (identifies the type for code actions). */
  readonly typeOffset: number;
}

/** The findings for one analysed document under the given settings. */
export function findings(a: DocumentAnalysis, s: DiagnosticSettings): Finding[] {
  const out: Finding[] = [];
  for (const { report: t, item } of a.types) {
    if (!isKnown(t) || !t.nameSpan) continue;
    if (a.file.problems.some((p) => p.span.start < item.span.end && p.span.end > item.span.start)) continue;
    const base = { span: t.nameSpan, typeOffset: t.nameSpan.start };
    if (s.reprCPadding) {
      const r = reorderProposal(a.text, item, t);
      if (r) {
        out.push({
          ...base,
          code: 'reprCPadding',
          message: `\`${item.name}\` has ${plural(r.plan.padding, 'byte')} of padding; ordering its fields by alignment would remove ${r.plan.saved} (#[repr(C)] keeps the declared order).`,
        });
      }
    }
    if (s.largeType && t.size > s.largeTypeThreshold) {
      out.push({
        ...base,
        code: 'largeType',
        message: `\`${item.name}\` is ${plural(t.size, 'byte')}, larger than ${s.largeTypeThreshold === 64 ? 'a 64-byte cache line' : `${s.largeTypeThreshold} bytes`}.`,
      });
    }
    if (s.largeEnumVariant) {
      const v = largestVariants(t);
      if (v && v.largest.size - v.second.size >= s.largeEnumVariantThreshold) {
        out.push({
          ...base,
          code: 'largeEnumVariant',
          message:
            `The variant \`${v.largest.name}\` of \`${item.name}\` is ${plural(v.largest.size, 'byte')}, ` +
            `${v.largest.size - v.second.size} more than the next largest (\`${v.second.name}\`, ${plural(v.second.size, 'byte')}): ` +
            `every \`${item.name}\` takes ${plural(t.size, 'byte')}. Consider boxing the large variant's data.`,
        });
      }
    }
  }
  return out;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

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
    if (document.languageId !== 'rust' || this.isDisposed) return;
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
      if (!a || document.isClosed || a.version !== document.version || this.isDisposed) return;
      const severity = SEVERITY[settings.severity];
      this.collection.set(
        document.uri,
        findings(a, settings).map((f) => {
          const d = new vscode.Diagnostic(spanToRange(document, f.span), f.message, severity);
          d.source = DIAGNOSTIC_SOURCE;
          d.code = f.code;
          return d;
        }),
      );
    } catch (err) {
      this.log.error(`diagnostics for ${document.uri.toString()} failed`, err);
    }
  }
}
