/**
 * The Rust Layout panel: a webview view (`rustLayout.guideView`, in the "Rust Layout"
 * activity-bar container) with the byte grid of the type under the cursor and the guide.
 *
 * Commands: `rustLayout.showGuide` (focus the panel on the guide), `rustLayout.openGuide`
 * ({chapter, section}: hovers link here through command URIs), `rustLayout.showLayout`
 * ({uri, offset}: the CodeLens; without arguments, the active editor's cursor).
 *
 * Webview conventions: strict CSP with a per-render nonce, the script is dist/webview.js, the
 * styles media/guide.css; messages are src/webview/protocol.ts and nothing is posted before
 * the webview's `ready`. Chapters are rendered here (markdown-it, html:false) with numbers the
 * engine computes for the current target.
 */
import * as vscode from 'vscode';
import type { Analyzer } from '../analysis/analyzer';
import { evaluateChapter, sizeOfIn } from '../analysis/guideValues';
import { renderChapter, renderDocComment } from '../analysis/guideRender';
import { docLines, typeAtOffset } from '../analysis/typeAt';
import type { ChapterSummary, DiagramData, FromWebview, PanelState, ToWebview } from '../webview/protocol';
import type { Command } from './commands';
import { heapSettings, onDidChangeSettings, readSettings } from './config';
import type { TypeReport } from '../core/reportTypes';
import { Disposable } from './dispose';
import type { Log } from './log';
import { type DocumentReports, documentPath } from './reports';
import { host } from './host';
import { typeLayouter, typeTextParser } from '../analysis/allocSites';
import type { LayoutBaselines } from './layoutBaseline';
import { changeSummary } from '../core/layoutDiff';
import { heapChart, heapOfTy, type HeapChartData } from '../core/heap/collections';

export const GUIDE_VIEW_ID = 'rustLayout.guideView';

interface ChapterEntry extends ChapterSummary {
  readonly file: string;
}

/** What the integration tests can observe (returned from `activate`). */
export interface GuideViewProbe {
  readonly resolved: boolean;
  readonly ready: boolean;
  readonly chapter?: string;
  readonly section?: string;
  readonly diagram?: string;
  /** The layout diff's line for the diagram's type (`At HEAD: 4 B → 16 B (+12)`), when the panel draws its old layout too. */
  readonly diagramBefore?: string;
  /** The heap chart sent with the diagram, when its type owns heap memory. */
  readonly heapChart?: HeapChartData;
  readonly posted: number;
}

function nonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

function asUri(u: unknown): vscode.Uri | undefined {
  if (u instanceof vscode.Uri) return u;
  if (typeof u === 'string') {
    try {
      return vscode.Uri.parse(u, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export class GuideView extends Disposable implements vscode.WebviewViewProvider {
  private view?: vscode.WebviewView;
  private ready = false;
  private queue: ToWebview[] = [];
  private chapters?: Promise<ChapterEntry[]>;
  private readonly texts = new Map<string, Promise<string>>();
  private readonly rendered = new Map<string, Promise<Extract<ToWebview, { type: 'chapter' }> & { snippets: string[] }>>();
  private webviewState: PanelState = {};
  private current?: { chapter: string; section?: string };
  private pending?: { chapter: string; section?: string };
  private lastDiagram?: string;
  private lastDiagramName?: string;
  /** The last diagram message, re-sent when the webview reloads (a hidden view loses its page). */
  private lastDiagramMsg?: Extract<ToWebview, { type: 'diagram' }>;
  private posted = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyzer: Analyzer,
    private readonly reports: DocumentReports,
    private readonly log: Log,
  ) {
    super();
    this._register(vscode.window.registerWebviewViewProvider(GUIDE_VIEW_ID, this));
    this._register(vscode.window.onDidChangeTextEditorSelection((e) => this.schedule(e.textEditor, 150)));
    this._register(vscode.window.onDidChangeActiveTextEditor((e) => e && this.schedule(e, 50)));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const ed = vscode.window.activeTextEditor;
        if (ed && e.document === ed.document && e.contentChanges.length) this.schedule(ed, 300);
      }),
    );
    this._register(
      onDidChangeSettings((e) => {
        if (!e.affectsConfiguration('rustLayout.target')) return;
        this.lastDiagram = undefined;
        if (this.ready) void this.sendInit().then(() => this.current && this.openChapter(this.current.chapter, undefined, false));
        const ed = vscode.window.activeTextEditor;
        if (ed) this.schedule(ed, 0);
      }),
    );
    this._register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  probe(): GuideViewProbe {
    return {
      resolved: !!this.view,
      ready: this.ready,
      chapter: this.current?.chapter,
      section: this.current?.section,
      diagram: this.lastDiagramName,
      heapChart: this.lastDiagramMsg?.diagram?.heap,
      diagramBefore: this.lastDiagramMsg?.diagram?.before ? `At ${this.lastDiagramMsg.diagram.before.rev}: ${this.lastDiagramMsg.diagram.before.summary}` : undefined,
      posted: this.posted,
    };
  }

  commands(): Command[] {
    return [
      {
        id: 'rustLayout.showGuide',
        execute: async () => {
          await this.reveal();
          this.post({ type: 'showTab', tab: 'guide' });
          if (!this.current && this.ready) await this.openChapter(this.webviewState.chapter ?? (await this.chapterList())[0]!.id);
        },
      },
      {
        id: 'rustLayout.openGuide',
        execute: async (arg?: unknown) => {
          const { chapter, section } = this.parseGuideArg(arg);
          const list = await this.chapterList();
          const id = list.some((c) => c.id === chapter) ? chapter! : list[0]!.id;
          this.pending = { chapter: id, section };
          await this.reveal();
          this.post({ type: 'showTab', tab: 'guide' });
          if (this.ready) await this.openChapter(id, section);
        },
      },
      {
        id: 'rustLayout.showLayout',
        execute: async (arg?: unknown, offsetArg?: unknown) => {
          const a = (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : { uri: arg, offset: offsetArg }) as { uri?: unknown; offset?: unknown };
          await this.reveal();
          const uri = asUri(a.uri);
          let doc: vscode.TextDocument | undefined;
          let offset: number | undefined;
          if (uri) {
            doc = await vscode.workspace.openTextDocument(uri);
            offset = typeof a.offset === 'number' ? a.offset : 0;
          } else if (vscode.window.activeTextEditor) {
            doc = vscode.window.activeTextEditor.document;
            offset = doc.offsetAt(vscode.window.activeTextEditor.selection.active);
          }
          if (doc && offset !== undefined) await this.updateDiagram(doc, offset, true);
          this.post({ type: 'showTab', tab: 'layout' });
        },
      },
    ];
  }

  private parseGuideArg(arg: unknown): { chapter?: string; section?: string } {
    if (typeof arg === 'string') {
      const [chapter, section] = arg.split('#');
      return { chapter, section: section || undefined };
    }
    if (arg && typeof arg === 'object') {
      const o = arg as { chapter?: unknown; section?: unknown };
      return { chapter: typeof o.chapter === 'string' ? o.chapter : undefined, section: typeof o.section === 'string' ? o.section : undefined };
    }
    return {};
  }

  private async reveal(): Promise<void> {
    if (this.view) this.view.show(true);
    else await vscode.commands.executeCommand(`${GUIDE_VIEW_ID}.focus`);
  }

  // -------------------------------------------------------------------------------------------
  // The webview

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media, dist] };
    view.webview.html = this.html(view.webview);
    const subs = [
      view.webview.onDidReceiveMessage((m: FromWebview) => {
        this.onMessage(m).catch((err: unknown) => this.log.error(`guide panel: message ${m?.type} failed`, err));
      }),
      view.onDidChangeVisibility(() => {
        const ed = vscode.window.activeTextEditor;
        if (view.visible && ed) this.schedule(ed, 0);
      }),
    ];
    view.onDidDispose(() => {
      for (const s of subs) s.dispose();
      if (this.view === view) {
        this.view = undefined;
        this.ready = false;
        this.lastDiagram = undefined;
      }
    });
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'guide.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}'; img-src ${webview.cspSource}`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Rust Layout</title>
</head>
<body>
<header class="rll-header">
  <div role="tablist" aria-label="Rust Layout">
    <button type="button" role="tab" id="tab-layout" aria-controls="panel-layout" aria-selected="true">Layout</button>
    <button type="button" role="tab" id="tab-guide" aria-controls="panel-guide" aria-selected="false" tabindex="-1">Guide</button>
  </div>
  <span id="target" class="rll-target" title="Target (Rust Layout: Select Target)"></span>
</header>
<main>
  <section id="panel-layout" role="tabpanel" aria-labelledby="tab-layout">
    <div id="diagram"><p class="rll-empty">Place the cursor in a struct, enum or union of a Rust file to see its bytes.</p></div>
  </section>
  <section id="panel-guide" role="tabpanel" aria-labelledby="tab-guide" hidden>
    <nav aria-label="Chapters"><ol id="chapters"></ol></nav>
    <article id="chapter" tabindex="-1"></article>
  </section>
</main>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private post(m: ToWebview): void {
    if (!this.view || !this.ready) {
      // The latest diagram/tab wins; chapters are sent on `ready` anyway.
      this.queue = this.queue.filter((q) => q.type !== m.type || m.type === 'elementSize');
      if (m.type !== 'chapter') this.queue.push(m);
      return;
    }
    this.posted++;
    void this.view.webview.postMessage(m);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready': {
        this.webviewState = m.state ?? {};
        this.ready = true;
        this.lastDiagram = undefined;
        await this.sendInit();
        const list = await this.chapterList();
        // A reload (the view was hidden) may have lost messages: what the extension last showed
        // wins over the page's saved state; without a section, the page restores its scroll.
        const want = this.pending ?? (this.current ? { chapter: this.current.chapter } : undefined) ?? { chapter: this.webviewState.chapter ?? list[0]!.id };
        const queued = this.queue;
        this.queue = [];
        await this.openChapter(list.some((c) => c.id === want.chapter) ? want.chapter : list[0]!.id, this.pending?.section, false);
        for (const q of queued) this.post(q);
        if (!queued.some((q) => q.type === 'diagram')) {
          if (this.lastDiagramMsg) this.post({ ...this.lastDiagramMsg, reveal: false });
          const ed = vscode.window.activeTextEditor;
          if (ed) this.schedule(ed, 0);
        }
        return;
      }
      case 'openChapter':
        await this.openChapter(m.chapter, m.section);
        return;
      case 'openSnippet': {
        const r = await this.renderedChapter(m.chapter);
        const code = r?.snippets[m.index];
        if (code === undefined) return;
        const doc = await vscode.workspace.openTextDocument({ language: 'rust', content: code });
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Active });
        return;
      }
      case 'reveal': {
        const uri = asUri(m.uri);
        if (!uri || !Number.isInteger(m.start) || !Number.isInteger(m.end)) return;
        const doc = await vscode.workspace.openTextDocument(uri);
        const range = new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end));
        await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.Active });
        return;
      }
      case 'setHeapEntries':
        await vscode.commands.executeCommand('rustLayout.setHeapEntries');
        return;
      case 'runExample': {
        const r = await this.renderedChapter(m.chapter);
        const code = r?.snippets[m.index];
        if (code === undefined) return;
        const reply = (status: 'running' | 'done' | 'failed' | 'refused', output: string) => this.post({ type: 'runResult', chapter: m.chapter, index: m.index, status, output });
        if (!vscode.workspace.isTrusted) {
          reply('refused', 'Running an example builds and runs a program: trust this workspace first (Workspaces: Manage Workspace Trust).');
          return;
        }
        const run = host().runExample;
        if (!run) {
          reply('refused', 'Running an example needs rustc on this machine: VS Code for the Web has no process to run it. Copy the example into a Rust project, or open this workspace in desktop VS Code.');
          return;
        }
        reply('running', '');
        const outcome = await run(code);
        this.log.info(`guide example ${m.chapter}#${m.index}: ${outcome.ok ? 'ran' : 'failed'}`);
        reply(outcome.ok ? 'done' : 'failed', outcome.output);
        return;
      }
      case 'openExternal':
        if (/^https?:\/\//i.test(m.href)) await vscode.env.openExternal(vscode.Uri.parse(m.href, true));
        return;
      case 'elementSize': {
        const triple = this.target();
        const pointerWidth = (this.analyzer.resolveTarget(triple).pointerSize * 8) as 16 | 32 | 64;
        const md = (await this.chapterText(m.chapter)) ?? '';
        let r = m.text ? await sizeOfIn(this.analyzer, md, m.text, triple) : { reason: 'no element type' };
        // Not a type of the chapter's examples or std: one of the open crate's (the active editor's).
        if ('reason' in r && m.text) r = (await this.sizeInActiveCrate(m.text)) ?? r;
        this.post({ type: 'elementSize', requestId: m.requestId, text: m.text, pointerWidth, ...r });
        return;
      }
    }
  }

  /** The size and alignment of a type written as text, resolved in the active Rust editor's file (its crate's types). */
  private async sizeInActiveCrate(text: string): Promise<{ size: number; align: number } | undefined> {
    const doc = vscode.window.activeTextEditor?.document ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'rust')?.document;
    if (doc?.languageId !== 'rust') return undefined;
    const a = await this.reports.analyze(doc);
    if (!a) return undefined;
    const parser = await this.analyzer.parser();
    const l = typeLayouter(a.analysis, a.analysis.moduleOfFile(a.path), typeTextParser((p, t) => this.analyzer.parseWith(parser, p, t)))(text);
    return 'size' in l ? l : undefined;
  }

  private target(): string {
    return readSettings(vscode.window.activeTextEditor?.document).target;
  }

  private async sendInit(): Promise<void> {
    const list = await this.chapterList();
    this.post({ type: 'init', chapters: list.map(({ id, title, sections }) => ({ id, title, sections })), target: this.target() });
  }

  // -------------------------------------------------------------------------------------------
  // Chapters

  private chapterList(): Promise<ChapterEntry[]> {
    this.chapters ??= this.readMedia('index.json').then((t) => JSON.parse(t) as ChapterEntry[]);
    return this.chapters;
  }

  private readMedia(file: string): Promise<string> {
    const uri = vscode.Uri.joinPath(this.extensionUri, 'media', 'guide', file);
    return Promise.resolve(vscode.workspace.fs.readFile(uri)).then((b) => new TextDecoder().decode(b));
  }

  private async chapterText(id: string): Promise<string | undefined> {
    const entry = (await this.chapterList()).find((c) => c.id === id);
    if (!entry) return undefined;
    let p = this.texts.get(id);
    if (!p) {
      p = this.readMedia(entry.file);
      this.texts.set(id, p);
    }
    return p;
  }

  private renderedChapter(id: string): Promise<(Extract<ToWebview, { type: 'chapter' }> & { snippets: string[] }) | undefined> {
    const target = this.target();
    const key = `${id}@${target}`;
    let p = this.rendered.get(key);
    if (!p) {
      p = (async () => {
        const list = await this.chapterList();
        const entry = list.find((c) => c.id === id)!;
        const md = (await this.chapterText(id))!;
        const values = await evaluateChapter(this.analyzer, md, target);
        const r = renderChapter(md, { chapter: id, chapterIds: list.map((c) => c.id), values, target });
        return {
          type: 'chapter' as const,
          id,
          title: entry.title,
          target,
          html: r.html,
          layouts: r.layouts.map((report): DiagramData | null => (report ? { report, target } : null)),
          sims: r.sims,
          heapCharts: r.heapCharts,
          snippets: r.snippets,
        };
      })();
      p.catch(() => this.rendered.delete(key));
      this.rendered.set(key, p);
    }
    return p.then(
      (v) => v,
      async (err: unknown) => {
        if (!(await this.chapterList()).some((c) => c.id === id)) return undefined;
        throw err;
      },
    );
  }

  private async openChapter(id: string, section?: string, showGuideTab = true): Promise<void> {
    const r = await this.renderedChapter(id);
    if (!r) return;
    this.current = { chapter: id, section };
    this.pending = undefined;
    const { snippets: _snippets, ...msg } = r;
    // The growth simulator starts on the type under the editor's cursor, when the panel follows one.
    const cursorType = this.lastDiagramName?.split('::').pop();
    this.post({ ...msg, sims: cursorType ? msg.sims.map((x) => ({ ...x, type: cursorType })) : msg.sims, section });
    if (showGuideTab) this.post({ type: 'showTab', tab: 'guide' });
  }

  // -------------------------------------------------------------------------------------------
  // The diagram of the type under the cursor

  private schedule(editor: vscode.TextEditor, delay: number): void {
    if (editor.document.languageId !== 'rust' || !this.view?.visible || !this.ready) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (vscode.window.activeTextEditor !== editor) return;
      const offset = editor.document.offsetAt(editor.selection.active);
      this.updateDiagram(editor.document, offset, false).catch((err: unknown) => this.log.error('guide panel: diagram failed', err));
    }, delay);
  }

  /** The layout diff's base (src/features/layoutBaseline.ts): the panel then draws the type's old layout too. */
  private baselines?: LayoutBaselines;
  useBaselines(b: LayoutBaselines): void {
    this.baselines = b;
    this._register(
      b.onDidChange(() => {
        const ed = vscode.window.activeTextEditor;
        if (ed) this.schedule(ed, 0);
      }),
    );
  }

  private async beforeOf(doc: vscode.TextDocument, name: string): Promise<DiagramData['before']> {
    if (!this.baselines) return undefined;
    const a = await this.reports.analyze(doc);
    const b = a && this.baselines.beforeOf(a, doc, name);
    return b ? { rev: b.rev, commit: b.oid.slice(0, 8), summary: changeSummary(b.change), report: b.report } : undefined;
  }

  /** The heap chart of a non-generic type that owns heap memory (src/core/heap/chart.ts). */
  private async heapChartOf(doc: vscode.TextDocument, t: TypeReport): Promise<HeapChartData | undefined> {
    const a = await this.reports.analyze(doc);
    // By the item's own name and place first: only that entry's report is made.
    const short = t.name.split('::').pop();
    const entry = a?.types.find((e) => e.shallow.name === short && e.shallow.nameSpan?.start === t.nameSpan?.start && e.report.name === t.name) ?? a?.types.find((e) => e.report.name === t.name);
    if (!a || !entry) return undefined;
    const item = entry.item;
    if (item.generics.params.some((p) => p.kind !== 'lifetime') || (item.kind !== 'struct' && item.kind !== 'enum' && item.kind !== 'union')) return undefined;
    const h = heapSettings(doc.uri);
    // The panel follows typing too: its walk lays out at most 256 of the crate's own types.
    const owned = heapOfTy(a.analysis.engine, { k: 'adt', def: { item, m: entry.m }, args: [] }, { maxLocalTypes: 256 });
    return heapChart(item.name, owned, h.entries, h.inner);
  }

  /** Draws the diagram of the type under the cursor again (after the heap settings changed). */
  refreshDiagram(): void {
    this.lastDiagram = undefined;
    const ed = vscode.window.activeTextEditor;
    if (ed) this.schedule(ed, 0);
  }

  private async updateDiagram(doc: vscode.TextDocument, offset: number, reveal: boolean): Promise<void> {
    const analysis = await this.reports.analyze(doc);
    if (!analysis) return;
    const report = analysis.report;
    const text = doc.getText();
    const t = typeAtOffset(this.reports.typesIn(doc, report), text, offset);
    if (!t) return; // keep showing the last type
    // The webview reveals fields by their nameSpan: a report that moved shallowly gets them placed.
    const before = await this.beforeOf(doc, t.name);
    const heap = await this.heapChartOf(doc, t);
    const data: DiagramData = { report: analysis.placedReport(t), target: report.target, uri: doc.uri.toString(), docHtml: renderDocComment(docLines(text, t)) || undefined, ...(before ? { before } : {}), ...(heap ? { heap } : {}) };
    const key = JSON.stringify(data);
    if (key === this.lastDiagram && !reveal) return;
    this.lastDiagram = key;
    this.lastDiagramName = t.name;
    this.log.trace(`guide panel: diagram of ${t.name} (${documentPath(doc)})`);
    this.lastDiagramMsg = { type: 'diagram', diagram: data, reveal };
    this.post(this.lastDiagramMsg);
  }
}
