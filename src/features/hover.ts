/**
 * Hover on the name of a struct, enum or union (and on a field name): the layout the engine
 * computed for the selected target. Setting: `rustLayout.hover.enabled`.
 */
import * as vscode from 'vscode';
import { readSettings } from './config';
import { spanContains, spanToRange } from './convert';
import { fieldHoverMarkdown, typeHoverMarkdown } from './layoutText';
import type { DocumentReports } from './reports';

export class LayoutHoverProvider implements vscode.HoverProvider {
  constructor(private readonly reports: DocumentReports) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document);
    if (!settings.hoverEnabled) return undefined;
    const report = await this.reports.get(document);
    if (!report || token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    for (const t of this.reports.typesIn(document, report)) {
      if (t.nameSpan && spanContains(t.nameSpan, offset)) {
        return new vscode.Hover(markdown(typeHoverMarkdown(t, report.target)), spanToRange(document, t.nameSpan));
      }
      const fields = t.fields ?? t.variants?.flatMap((v) => v.fields) ?? [];
      for (const f of fields) {
        if (f.nameSpan && spanContains(f.nameSpan, offset)) {
          return new vscode.Hover(markdown(fieldHoverMarkdown(t, f, report.target)), spanToRange(document, f.nameSpan));
        }
      }
    }
    return undefined;
  }
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

export function registerHover(reports: DocumentReports): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'rust' }, new LayoutHoverProvider(reports));
}
