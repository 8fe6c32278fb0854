/**
 * Entry point of the Node extension host (desktop VS Code, code-server): the local disk, a
 * parse worker, and the features that run a process (rustc, cargo, git). The composition
 * shared with the web build is src/activate.ts.
 */
import * as vscode from 'vscode';
import { type ProcessFeatures, type RustLayoutApi, activateWith } from './activate';
import { Analyzer } from './analysis/analyzer';
import { AllocationChecks } from './features/allocCheck';
import { registerCommands } from './features/commands';
import { LayoutBaselines, LayoutDiffCodeLensProvider, LayoutDiffHoverProvider, compareWithCommand } from './features/layoutBaseline';
import { Log } from './features/log';
import { nodeHost } from './features/nodeHost';
import { ReportDocuments, skewEngineNumberForTests, verifyCommand } from './features/verify';

export type { RustLayoutApi } from './activate';

export function activate(context: vscode.ExtensionContext): RustLayoutApi | undefined {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  // The modelled std comes from the parse worker, which reads dist/std-model.json (not this thread).
  const host = nodeHost({ wasmDir: dist.fsPath, parseWorkerScript: vscode.Uri.joinPath(dist, 'parseWorker.js').fsPath });
  const analyzer = new Analyzer({ wasmDir: dist.fsPath });
  return activateWith(context, new Log(), { host, analyzer, processFeatures: processFeatures(dist) });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function processFeatures(dist: vscode.Uri): ProcessFeatures {
  return {
    register(context, { log, reports, refreshSurfaces }) {
      const rust = { language: 'rust' };
      // Verify with rustc: rustc's report in read-only documents, mismatches as diagnostics.
      const rustcReports = new ReportDocuments();
      const verifyDiagnostics = vscode.languages.createDiagnosticCollection('rust-layout-verify');
      context.subscriptions.push(
        rustcReports,
        verifyDiagnostics,
        registerCommands([verifyCommand({ extensionUri: context.extensionUri, storageUri: context.globalStorageUri, log, reports: rustcReports, diagnostics: verifyDiagnostics })], log),
      );
      // Layout changes against git (a base revision's layouts come from the CLI in a child process).
      const baselines = new LayoutBaselines(vscode.Uri.joinPath(dist, 'cli.js').fsPath, log);
      const diffLenses = new LayoutDiffCodeLensProvider(reports, baselines);
      context.subscriptions.push(
        baselines,
        diffLenses,
        vscode.languages.registerCodeLensProvider(rust, diffLenses),
        vscode.languages.registerHoverProvider(rust, new LayoutDiffHoverProvider(reports, baselines)),
        baselines.onDidChange(refreshSurfaces),
        registerCommands([compareWithCommand(log)], log),
      );
      // Does this function allocate? (an optimised build's LLVM IR; trusted workspaces only)
      const allocations = new AllocationChecks(context.globalStorageUri, log);
      context.subscriptions.push(allocations, vscode.languages.registerCodeLensProvider(rust, allocations), registerCommands([allocations.command()], log));
      return { baselines, refresh: () => diffLenses.refresh(), skewEngineNumberForTests };
    },
  };
}
