/**
 * CodeLens above each struct, enum and union: `24 B · align 8 · 7 B padding` (or
 * `size unknown: reason`, `error E0072`); clicking it runs `rustLayout.showLayout` {uri, offset}
 * (the layout diagram). A `#[repr(C)]` struct with a better field order gets a second lens,
 * `reorder: save 8 B`, running `rustLayout.reorderFields` {uri, offset}.
 * Setting: `rustLayout.codeLens.enabled`. The lenses come from the shared per-version analysis,
 * so providing them costs a cache lookup once the document was analysed.
 */
import * as vscode from 'vscode';
import { readSettings } from './config';
import { spanToRange } from './convert';
import { instancesLensTitle, lensTitle } from './layoutText';
import { instancesAt } from './instancesModel';
import { shownPath } from '../core/report';
import { reorderProposal } from './plans';
import { computeReportsInSlices } from './warmReports';
import type { DocumentReports } from './reports';

export interface LayoutTarget {
  readonly uri: string;
  readonly offset: number;
}

export class LayoutCodeLensProvider implements vscode.CodeLensProvider {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this._onDidChange.event;

  constructor(private readonly reports: DocumentReports) {}

  refresh(): void {
    this._onDidChange.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const asked = performance.now();
    return this.reports.safely('CodeLens', async () => {
      if (!readSettings(document).codeLensEnabled) return [];
      const a = await this.reports.analyze(document, token);
      if (!a || token.isCancellationRequested) return [];
      if (!(await computeReportsInSlices(a, () => !token.isCancellationRequested))) return [];
      const lenses: vscode.CodeLens[] = [];
      let sized = 0;
      for (const [index, { report: t, shallow: item }] of a.types.entries()) {
        if (t.size !== null) sized++;
        if (!t.nameSpan) continue;
        const range = spanToRange(document, { start: item.span.start, end: item.span.start });
        // Above the item's first line (its attributes/docs included), like other lenses.
        const args: LayoutTarget = { uri: document.uri.toString(), offset: t.nameSpan.start };
        lenses.push(
          new vscode.CodeLens(range, {
            title: instancesLensTitle(t, instancesAt(a, index)) ?? lensTitle(t),
            command: 'rustLayout.showLayout',
            arguments: [args],
            tooltip: `Show the memory layout of ${shownPath(t.name)} (${a.target})`,
          }),
        );
        const r = reorderProposal(a.text, item, t);
        if (r) {
          lenses.push(
            new vscode.CodeLens(range, {
              title: `reorder: save ${r.plan.saved} B`,
              command: 'rustLayout.reorderFields',
              arguments: [args],
              tooltip: `Reorder the fields to remove ${r.plan.saved} bytes of padding (changes the C layout)`,
            }),
          );
        }
      }
      this.reports.debug(`CodeLens ${document.uri.fsPath} v${document.version}: ${a.types.length} types, ${sized} sized (asked ${(performance.now() - asked).toFixed(0)} ms ago)`);
      return lenses;
    }, []);
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}
