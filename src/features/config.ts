/**
 * Typed access to the `rustLayout.*` settings. Read them where they are used (settings can
 * change at any time); listen with `onDidChangeSettings` to refresh cached results.
 */
import * as vscode from 'vscode';
import { DEFAULT_TARGET, isKnownTarget } from './targets';

export const SECTION = 'rustLayout';

export interface Settings {
  /** Target triple whose layout rules are used. Always one of TARGETS. */
  readonly target: string;
  readonly codeLensEnabled: boolean;
  readonly hoverEnabled: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const target = c.get<string>('target', DEFAULT_TARGET);
  return {
    target: isKnownTarget(target) ? target : DEFAULT_TARGET,
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
    hoverEnabled: c.get<boolean>('hover.enabled', true),
  };
}

/** The raw target setting when it is not one the extension knows (for a log warning). */
export function unknownTargetSetting(scope?: vscode.ConfigurationScope): string | undefined {
  const t = vscode.workspace.getConfiguration(SECTION, scope).get<string>('target', DEFAULT_TARGET);
  return isKnownTarget(t) ? undefined : t;
}

export function onDidChangeSettings(listener: (e: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener(e);
  });
}

/** Writes the target to the workspace when one is open, else to the user settings. */
export async function updateTarget(triple: string): Promise<void> {
  const where = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('target', triple, where);
}
