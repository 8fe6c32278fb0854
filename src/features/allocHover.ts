/**
 * Hovers where code talks to an allocator (src/analysis/allocSites.ts): `Layout::new::<T>()` and
 * `Layout::array::<T>(n)` say what the allocator will be asked for, computed by the engine for the
 * selected target; `#[global_allocator]`, `impl GlobalAlloc for`, `impl Allocator for` and the
 * `alloc`/`dealloc`/`realloc` calls say what they do, each with a link to the allocator chapter.
 * The same sites (but the calls) get a CodeLens with the short answer, opening that chapter.
 */
import * as vscode from 'vscode';
import type { Analyzer } from '../analysis/analyzer';
import { allocSiteAt, allocSiteOffsets, typeLayouter, typeTextParser } from '../analysis/allocSites';
import type { TypeExpr } from '../core/model';
import { readSettings } from './config';
import { guideLink } from './layoutText';
import type { DocumentReports } from './reports';

export class AllocatorHoverProvider implements vscode.HoverProvider {
  private parseType?: (text: string) => TypeExpr | undefined;

  constructor(
    private readonly reports: DocumentReports,
    private readonly analyzer: Analyzer,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    return this.reports.safely('allocator hover', async () => {
      if (!readSettings(document).hoverEnabled) return undefined;
      const line = document.lineAt(position.line).text;
      if (!/Layout|global_allocator|GlobalAlloc|Allocator|alloc|static/.test(line)) return undefined;
      const a = await this.reports.analyze(document, token);
      if (!a || token.isCancellationRequested) return undefined;
      const parser = await this.analyzer.parser();
      this.parseType ??= typeTextParser((p, t) => this.analyzer.parseWith(parser, p, t));
      const parseType = this.parseType;
      const m = a.analysis.moduleOfFile(a.path);
      const site = allocSiteAt(a.text, document.offsetAt(position), typeLayouter(a.analysis, m, parseType));
      if (!site) return undefined;
      const [chapter, section] = site.guide.split('#') as [string, string];
      const md = new vscode.MarkdownString(`${site.markdown}\n\n*${a.target}* · ${guideLink(chapter, section)}`);
      md.isTrusted = { enabledCommands: ['rustLayout.openGuide'] };
      md.supportHtml = false;
      return new vscode.Hover(md, new vscode.Range(document.positionAt(site.start), document.positionAt(site.end)));
    }, undefined);
  }
}

export class AllocatorCodeLensProvider implements vscode.CodeLensProvider {
  private parseType?: (text: string) => TypeExpr | undefined;

  constructor(
    private readonly reports: DocumentReports,
    private readonly analyzer: Analyzer,
  ) {}

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    return this.reports.safely('allocator CodeLens', async () => {
      if (!readSettings(document).codeLensEnabled) return [];
      const text = document.getText();
      if (!text.includes('Layout') && !text.includes('global_allocator') && !text.includes('Alloc')) return [];
      const offsets = allocSiteOffsets(text);
      if (!offsets.length) return [];
      const a = await this.reports.analyze(document, token);
      if (!a || token.isCancellationRequested) return [];
      const parser = await this.analyzer.parser();
      this.parseType ??= typeTextParser((p, t) => this.analyzer.parseWith(parser, p, t));
      const parseType = this.parseType;
      const layoutOf = typeLayouter(a.analysis, a.analysis.moduleOfFile(a.path), parseType);
      const lenses: vscode.CodeLens[] = [];
      for (const off of offsets) {
        const site = allocSiteAt(a.text, off, layoutOf);
        if (!site) continue;
        const [chapter, section] = site.guide.split('#') as [string, string];
        const at = document.positionAt(site.start);
        lenses.push(new vscode.CodeLens(new vscode.Range(at, at), { title: site.summary, command: 'rustLayout.openGuide', arguments: [{ chapter, section }], tooltip: `${site.summary} (${a.target}) — open the guide` }));
      }
      return lenses;
    }, []);
  }
}
