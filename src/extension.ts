/**
 * Composition root: builds the services, registers the features, and owns their lifetime
 * through `context.subscriptions`. No logic lives here.
 */
import * as vscode from 'vscode';
import { Analyzer } from './analysis/analyzer';
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
import { AllocationChecks } from './features/allocCheck';
import { LayoutInlayHintsProvider } from './features/inlayHints';
import { TargetStatusBar } from './features/statusBar';
import { reportTargetProblemsTo } from './features/targetSource';
import { Log, describeError } from './features/log';
import { DocumentReports } from './features/reports';
import { throttle } from './features/throttle';
import { ReportDocuments, skewEngineNumberForTests, verifyCommand } from './features/verify';
import { LayoutBaselines, LayoutDiffCodeLensProvider, LayoutDiffHoverProvider, compareWithCommand } from './features/layoutBaseline';

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
}

export function activate(context: vscode.ExtensionContext): RustLayoutApi | undefined {
  const started = performance.now();
  const log = new Log();
  context.subscriptions.push(log);
  try {
    // Before anything reads the settings: a target that names nothing known is said once.
    reportTargetProblemsTo((message) => {
      log.warn(`target: ${message}`);
      void vscode.window.showWarningMessage(`Rust Layout: ${message}`);
    });
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    // The modelled std comes from the parse worker, which reads dist/std-model.json (not this thread).
    const analyzer = new Analyzer({ wasmDir: dist.fsPath });
    context.subscriptions.push({ dispose: () => analyzer.dispose({ disposeParser: true }) });
    // Crates are read by a parse worker (dist/parseWorker.js), off the extension host's main thread.
    const reports = new DocumentReports(analyzer, log, undefined, { parseWorker: vscode.Uri.joinPath(dist, 'parseWorker.js').fsPath });
    context.subscriptions.push(
      reports,
      registerHover(reports),
      registerCommands([showLogCommand(log), selectTargetCommand(log)], log),
    );
    // Verify with rustc: rustc's report in read-only documents, mismatches as diagnostics.
    const rustcReports = new ReportDocuments();
    const verifyDiagnostics = vscode.languages.createDiagnosticCollection('rust-layout-verify');
    context.subscriptions.push(
      rustcReports,
      verifyDiagnostics,
      registerCommands([verifyCommand({ extensionUri: context.extensionUri, storageUri: context.globalStorageUri, log, reports: rustcReports, diagnostics: verifyDiagnostics })], log),
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
    // Layout changes against git (a base revision's layouts come from the CLI in a child process).
    const baselines = new LayoutBaselines(vscode.Uri.joinPath(dist, 'cli.js').fsPath, log);
    const diffLenses = new LayoutDiffCodeLensProvider(reports, baselines);
    const refreshSurfaces = throttle(() => {
      lenses.refresh();
      hints.refresh();
      diffLenses.refresh();
    }, SURFACE_REFRESH_MS);
    context.subscriptions.push(
      baselines,
      diffLenses,
      vscode.languages.registerCodeLensProvider(rust, diffLenses),
      vscode.languages.registerHoverProvider(rust, new LayoutDiffHoverProvider(reports, baselines)),
      vscode.languages.registerHoverProvider(rust, new AllocatorHoverProvider(reports, analyzer)),
      vscode.languages.registerCodeLensProvider(rust, new AllocatorCodeLensProvider(reports, analyzer)),
      baselines.onDidChange(refreshSurfaces),
      registerCommands([compareWithCommand(log)], log),
    );
    guide.useBaselines(baselines);
    // Does this function allocate? (an optimised build's LLVM IR; trusted workspaces only)
    const allocations = new AllocationChecks(context.globalStorageUri, log);
    context.subscriptions.push(allocations, vscode.languages.registerCodeLensProvider(rust, allocations), registerCommands([allocations.command()], log));
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
    );
    const bad = unknownTargetSetting();
    if (bad !== undefined) log.warn(`rustLayout.target "${bad}" is not a known target; using the next source (cargo config, host)`);
    const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
    log.info(`Rust Layout Lens ${version} activated in ${vscode.env.appName} ${vscode.version} (${(performance.now() - started).toFixed(0)} ms)`);
    const targetOf = (uri: string) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      const s = readSettings(doc ?? vscode.Uri.parse(uri));
      statusBar.update();
      return { triple: s.target, origin: s.targetSource.origin, file: s.targetSource.file, statusText: statusBar.item.text, statusTooltip: typeof statusBar.item.tooltip === 'string' ? statusBar.item.tooltip : (statusBar.item.tooltip?.value ?? '') };
    };
    return { guideProbe: () => guide.probe(), skewEngineNumberForTests, targetOf };
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

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
