/**
 * Inlay hints (setting `rustLayout.inlayHints.enabled`, off by default): at the end of each
 * field's line, its offset and size (`@0 · 8 B`) and the padding after it (`+7 pad`).
 */
import * as vscode from 'vscode';
import type { FieldReport } from '../core/reportTypes';
import type { FieldDef } from '../core/model';
import { readSettings } from './config';
import { fieldAlignText, inlayHintLabel, isKnown } from './layoutText';
import type { DocumentReports } from './reports';
import { fieldPairs } from './hoverModel';

export class LayoutInlayHintsProvider implements vscode.InlayHintsProvider {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this._onDidChange.event;

  constructor(private readonly reports: DocumentReports) {}

  refresh(): void {
    this._onDidChange.fire();
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    return this.reports.safely('inlay hints', async () => {
      if (!readSettings(document).inlayHintsEnabled) return [];
      const a = await this.reports.analyze(document, token);
      if (!a || token.isCancellationRequested || a.version !== document.version) return [];
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const hints: vscode.InlayHint[] = [];
      for (const entry of a.types) {
        if (entry.shallow.span.end < start || entry.shallow.span.start > end) continue;
        const t = entry.report;
        if (!isKnown(t)) continue;
        const pairs: [FieldDef, FieldReport | undefined][] = [...fieldPairs(entry, t.fields ?? [], t.variants ?? [])];
        for (const [i, [def, rep]] of pairs.entries()) {
          if (!rep) continue;
          const at = hintOffset(a.text, def, pairs[i + 1]?.[0]);
          const pos = document.positionAt(at);
          const label = inlayHintLabel(rep);
          const hint = new vscode.InlayHint(pos, label);
          hint.paddingLeft = true;
          hint.tooltip = `${rep.name}: offset ${rep.offset}, size ${rep.size}, ${fieldAlignText(t, rep)}` + (rep.paddingAfter > 0 ? `, then ${rep.paddingAfter} bytes of padding` : '');
          hints.push(hint);
        }
      }
      return hints;
    }, []);
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}

/**
 * Where a field's hint goes: the end of its line when the next field starts on a later line
 * (after the comma and any trailing comment), else right after its comma.
 */
export function hintOffset(text: string, f: FieldDef, next: FieldDef | undefined): number {
  let i = f.span.end;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === ',') i++;
  const eol = text.indexOf('\n', i);
  const lineEnd = eol < 0 ? text.length : text[eol - 1] === '\r' ? eol - 1 : eol;
  const closing = text.slice(i, lineEnd).search(/[})]/);
  if (next && next.span.start < lineEnd) return i;
  if (closing >= 0) return i; // `{ a: u8 }` on one line: stay before the brace
  return lineEnd;
}
