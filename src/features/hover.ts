/**
 * Hover on the name of a struct, enum or union (its layout), on a field name (offset, size,
 * alignment, padding after), on a type written in a field, a type alias, a constant or a static
 * (that type's size, alignment, niche and heap behaviour), and on an alias's, a constant's or a
 * static's name (the same for the type it names or holds). Setting: `rustLayout.hover.enabled`. The markdown may run one
 * command only: `rustLayout.openGuide` (the "Learn more" link).
 */
import * as vscode from 'vscode';
import { readSettings } from './config';
import { spanToRange } from './convert';
import { hoverAt } from './hoverModel';
import { prepareCrateInstances } from './instancesModel';
import type { DocumentReports } from './reports';

/** How long (ms) a hover waits for a crate being read before it shows what is known. */
const HOVER_WAIT_MS = 5000;
/** The reasons of results that change once the crate's files are read. */
const BEING_READ = /\bbeing read\b/;

export class LayoutHoverProvider implements vscode.HoverProvider {
  constructor(private readonly reports: DocumentReports) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    return this.reports.safely('hover', async () => {
      if (!readSettings(document).hoverEnabled) return undefined;
      // While the crate is being read, a hover that would say so waits for the files (a few
      // seconds at most): asked for one type, the user wants its number, not a state.
      const deadline = performance.now() + HOVER_WAIT_MS;
      for (;;) {
        const a = await this.reports.analyze(document, token);
        if (!a || token.isCancellationRequested || a.version !== document.version) return undefined;
        const offset = document.offsetAt(position);
        // On a generic type's name: the instances the whole crate holds, laid out a slice at a time.
        await prepareCrateInstances(a, offset, () => !token.isCancellationRequested && document.version === a.version);
        if (token.isCancellationRequested) return undefined;
        const h = hoverAt(a, offset);
        const left = deadline - performance.now();
        if (h && BEING_READ.test(h.markdown) && this.reports.reading && left > 0) {
          await this.reports.nextRead(left, token);
          continue;
        }
        return h && new vscode.Hover(markdown(h.markdown), spanToRange(document, h.span));
      }
    }, undefined);
  }
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = { enabledCommands: ['rustLayout.openGuide', 'rustLayout.setHeapEntries'] };
  md.supportHtml = false;
  return md;
}

export function registerHover(reports: DocumentReports): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'rust' }, new LayoutHoverProvider(reports));
}
