/**
 * The composition shared by both entry points (src/extension.ts for Node, src/extension.web.ts
 * for the web-worker extension host): builds the services, registers the features, and owns
 * their lifetime through `context.subscriptions`. No logic lives here. What needs a process
 * (rustc, cargo, git) comes from the entry point as `ProcessFeatures`.
 */
import * as vscode from 'vscode';
import { registerCommands, selectTargetCommand, setHeapEntriesCommand, showLogCommand } from './features/commands';
import { heapSettings } from './features/config';
import { readSettings, unknownTargetSetting } from './features/config';
import { LayoutCodeActionProvider, reorderFieldsCommand, showFieldOrderCommand } from './features/codeActions';
import { LayoutCodeLensProvider } from './features/codeLens';
import { LayoutDiagnostics } from './features/diagnostics';
import { GuideView, type GuideViewProbe } from './features/guideView';
import { registerHover } from './features/hover';
import { setHeapEntries } from './features/hoverModel';
import { AllocatorCodeLensProvider, AllocatorHoverProvider } from './features/allocHover';
import { LayoutInlayHintsProvider } from './features/inlayHints';
import { TargetStatusBar } from './features/statusBar';
import { reportTargetProblemsTo } from './features/targetSource';
import { Log, describeError } from './features/log';
import { DocumentReports, type ReadAhead } from './features/reports';
import { throttle } from './features/throttle';
import type { LayoutBaselines } from './features/layoutBaseline';
import { type Host, setHost } from './features/host';
import type { Analyzer as AnalyzerType } from './analysis/analyzer';

/**
 * The shortest time between two change events sent to the CodeLens and inlay-hint providers'
 * listeners (the workbench): longer than VS Code's own debounce (250 ms) plus a request.
 */
const SURFACE_REFRESH_MS = 600;

/** What `activate` returns: a read-only probe the integration tests use. */
export interface RustLayoutApi {
  guideProbe(): GuideViewProbe;
  /** Test hook of Verify with rustc: the engine's size of the named type is reported 8 bytes too large. */
  skewEngineNumberForTests(name: string | undefined): void;
  /** The target a document is laid out for and where it came from (what the status bar shows). */
  targetOf(uri: string): { triple: string; origin: string; file?: string; statusText: string; statusTooltip: string };
  /** The crates read at start (setting `rustLayout.readWorkspaceAtStart`), once read. */
  readAhead(): Promise<readonly ReadAhead[]>;
}

/** What the entry point adds where there is a process to run: Verify with rustc, layout changes against git, Does This Function Allocate?. */
export interface ProcessFeatures {
  /** Registers them (their disposables go to `context.subscriptions`). */
  register(context: vscode.ExtensionContext, services: { readonly log: Log; readonly analyzer: AnalyzerType; readonly reports: DocumentReports; readonly refreshSurfaces: () => void }): RegisteredProcessFeatures;
}

export interface RegisteredProcessFeatures {
  /** The git baselines the panel shows changes against. */
  readonly baselines?: LayoutBaselines;
  /** Asks their CodeLens providers again (with the others, at most once per SURFACE_REFRESH_MS). */
  readonly refresh?: () => void;
  /** Test hook of Verify with rustc (see RustLayoutApi). */
  readonly skewEngineNumberForTests?: (name: string | undefined) => void;
}

/**
 * `host`: where the extension runs (src/features/host.ts); `analyzer`: over the parser's
 * WebAssembly files as that host finds them; `processFeatures`: what needs a process.
 */
export function activateWith(
  context: vscode.ExtensionContext,
  log: Log,
  setup: { readonly host: Host; readonly analyzer: AnalyzerType; readonly processFeatures: ProcessFeatures },
): RustLayoutApi | undefined {
  const started = performance.now();
  setHost(setup.host);
  context.subscriptions.push(log);
  try {
    // Before anything reads the settings: a target that names nothing known is said once.
    reportTargetProblemsTo((message) => {
      log.warn(`target: ${message}`);
      void vscode.window.showWarningMessage(`Rust Layout: ${message}`);
    });
    const analyzer = setup.analyzer;
    context.subscriptions.push({ dispose: () => analyzer.dispose({ disposeParser: true }) });
    // In Node, crates are read by a parse worker (dist/parseWorker.js), off the extension host's main thread.
    const parseWorker = setup.host.parseWorker();
    const reports = new DocumentReports(analyzer, log, undefined, parseWorker ? { parseWorker } : {});
    context.subscriptions.push(
      reports,
      registerHover(reports),
      registerCommands([showLogCommand(log), selectTargetCommand(log)], log),
    );
    // The panel: layout diagram of the type under the cursor, and the guide.
    const guide = new GuideView(context.extensionUri, analyzer, reports, log);
    context.subscriptions.push(guide, registerCommands(guide.commands(), log));
    const statusBar = new TargetStatusBar();
    // The heap figures of hovers and the panel: how many entries they assume.
    const readHeapEntries = () => {
      const h = heapSettings();
      setHeapEntries(h.entries, h.inner);
    };
    readHeapEntries();
    context.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('rustLayout.heap')) {
          readHeapEntries();
          guide.refreshDiagram();
        }
      }),
      registerCommands([setHeapEntriesCommand()], log),
    );
    // Editor surfaces over the shared per-version analysis (see src/features/reports.ts).
    const rust = { language: 'rust' };
    const lenses = new LayoutCodeLensProvider(reports);
    const hints = new LayoutInlayHintsProvider(reports);
    // At most one change event per SURFACE_REFRESH_MS: see src/features/throttle.ts.
    const extraRefresh: Array<() => void> = [];
    const refreshSurfaces = throttle(() => {
      lenses.refresh();
      hints.refresh();
      for (const f of extraRefresh) f();
    }, SURFACE_REFRESH_MS);
    context.subscriptions.push(
      vscode.languages.registerHoverProvider(rust, new AllocatorHoverProvider(reports, analyzer)),
      vscode.languages.registerCodeLensProvider(rust, new AllocatorCodeLensProvider(reports, analyzer)),
    );
    // Verify with rustc, layout changes against git, Does This Function Allocate?: where there is a process.
    const extras = setup.processFeatures.register(context, { log, analyzer, reports, refreshSurfaces: () => refreshSurfaces() });
    if (extras.baselines) guide.useBaselines(extras.baselines);
    if (extras.refresh) extraRefresh.push(extras.refresh);
    context.subscriptions.push(
      lenses,
      hints,
      vscode.languages.registerCodeLensProvider(rust, lenses),
      vscode.languages.registerInlayHintsProvider(rust, hints),
      vscode.languages.registerCodeActionsProvider(rust, new LayoutCodeActionProvider(reports), LayoutCodeActionProvider.metadata),
      new LayoutDiagnostics(reports, log),
      statusBar,
      registerCommands([reorderFieldsCommand(reports, log), showFieldOrderCommand()], log),
      refreshSurfaces,
      reports.onDidInvalidate(refreshSurfaces),
      // A crate read to the end: its last change goes to the workbench at once, not at the period's end.
      reports.onDidFinishReading(() => refreshSurfaces.flush()),
    );
    const bad = unknownTargetSetting();
    if (bad !== undefined) log.warn(`rustLayout.target "${bad}" is not a known target; using the next source (cargo config, host)`);
    const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
    log.info(`Rust Layout Lens ${version} activated in ${vscode.env.appName} ${vscode.version}${setup.host.kind === 'web' ? ' (web worker)' : ''} (${(performance.now() - started).toFixed(0)} ms)`);
    // The workspace's crates are read now, off the main thread, so that the first file opened is laid out at once.
    if (vscode.workspace.getConfiguration('rustLayout').get<boolean>('readWorkspaceAtStart', true)) {
      reports.preloadWorkspace().then(
        (n) => n > 0 && log.debug(`${n} crate(s) of the workspace being read ahead of any open file`),
        (err: unknown) => log.error('reading the workspace at start failed', err),
      );
    }
    const targetOf = (uri: string) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      const s = readSettings(doc ?? vscode.Uri.parse(uri));
      statusBar.update();
      return { triple: s.target, origin: s.targetSource.origin, file: s.targetSource.file, statusText: statusBar.item.text, statusTooltip: typeof statusBar.item.tooltip === 'string' ? statusBar.item.tooltip : (statusBar.item.tooltip?.value ?? '') };
    };
    return { guideProbe: () => guide.probe(), skewEngineNumberForTests: extras.skewEngineNumberForTests ?? (() => undefined), targetOf, readAhead: () => reports.whenReadAhead() };
  } catch (err) {
    // VS Code shows nothing when activate() throws: log the stack and tell the user once.
    log.error('activation failed', err);
    void vscode.window
      .showErrorMessage(`Rust Layout Lens failed to start: ${firstLine(describeError(err))}`, 'Show Log')
      .then((choice) => {
        if (choice) log.show();
      });
    return undefined;
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
