/**
 * Typed access to the `rustLayout.*` settings. Read them where they are used (settings can
 * change at any time); listen with `onDidChangeSettings` to refresh cached results.
 */
import * as vscode from 'vscode';
import type { FeatureSelection } from '../cargo/graph';
import { isKnownTarget } from './targets';
import { resolveTarget, type ResolvedTarget } from './targetSource';

export const SECTION = 'rustLayout';

export interface Settings {
  /** Target triple whose layout rules are used (a built-in triple, or a custom target's name). */
  readonly target: string;
  /** Where it came from (src/features/targetSource.ts). */
  readonly targetSource: ResolvedTarget;
  readonly codeLensEnabled: boolean;
  readonly hoverEnabled: boolean;
  readonly inlayHintsEnabled: boolean;
  readonly diagnostics: DiagnosticSettings;
  /** The features of the package a file belongs to (`rustLayout.cargo.features`, `rustLayout.cargo.noDefaultFeatures`). */
  readonly features: FeatureSelection;
}

export type DiagnosticSeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface DiagnosticSettings {
  readonly severity: DiagnosticSeverityName;
  readonly reprCPadding: boolean;
  readonly largeType: boolean;
  readonly largeTypeThreshold: number;
  readonly largeEnumVariant: boolean;
  readonly largeEnumVariantThreshold: number;
  readonly cacheLineStraddle: boolean;
}

/**
 * The settings read, by the resource they were read for, until the configuration changes:
 * every keystroke's hover, CodeLens and diagnostics ask, and ten `get`s through the
 * configuration service cost 0.2 ms each time.
 */
const cache = new Map<string, Settings>();
// Registered when this module is loaded, so before any listener that reads the settings again.
vscode.workspace.onDidChangeConfiguration(() => cache.clear());
// A cargo config's `[build] target` decides the target too: its changes count as a settings change.
const cargoConfigChanged = new vscode.EventEmitter<void>();
const isCargoConfig = (u: vscode.Uri): boolean => /[\\/]\.cargo[\\/]config(?:\.toml)?$/.test(u.fsPath);
vscode.workspace.onDidSaveTextDocument((d) => {
  if (!isCargoConfig(d.uri)) return;
  cache.clear();
  cargoConfigChanged.fire();
});
for (const glob of ['**/.cargo/config.toml', '**/.cargo/config']) {
  const watcher = vscode.workspace.createFileSystemWatcher(glob);
  for (const on of [watcher.onDidChange, watcher.onDidCreate, watcher.onDidDelete]) {
    on(() => {
      cache.clear();
      cargoConfigChanged.fire();
    });
  }
}

function scopeKey(scope: vscode.ConfigurationScope | undefined): string {
  if (!scope) return '';
  if (scope instanceof vscode.Uri) return scope.toString();
  const s = scope as { uri?: vscode.Uri; languageId?: string };
  return `${s.uri?.toString() ?? ''}\0${s.languageId ?? ''}`;
}

/** How long (ms) a cargo config's `[build] target` is trusted before its files are read again (changes made outside the editor). */
const TARGET_RECHECK_MS = 2000;
const checkedAt = new Map<string, number>();

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const key = scopeKey(scope);
  const hit = cache.get(key);
  const now = performance.now();
  if (hit && now - (checkedAt.get(key) ?? 0) < TARGET_RECHECK_MS) return hit;
  const settings = readSettingsNow(scope);
  if (cache.size > 256) {
    cache.clear();
    checkedAt.clear();
  }
  cache.set(key, settings);
  checkedAt.set(key, now);
  // The target changed under us (a config file edited outside the editor): everyone re-reads.
  if (hit && hit.target !== settings.target) setTimeout(() => cargoConfigChanged.fire(), 0);
  return settings;
}

function readSettingsNow(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const i = c.inspect<string>('target');
  const set = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  const targetSource = resolveTarget(scope, set?.trim() || undefined);
  return {
    target: targetSource.triple,
    targetSource,
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true),
    hoverEnabled: c.get<boolean>('hover.enabled', true),
    inlayHintsEnabled: c.get<boolean>('inlayHints.enabled', false),
    diagnostics: {
      severity: (['error', 'warning', 'information', 'hint'] as const).find((x) => x === c.get<string>('diagnostics.severity')) ?? 'information',
      reprCPadding: c.get<boolean>('diagnostics.reprCPadding', true),
      largeType: c.get<boolean>('diagnostics.largeType', true),
      largeTypeThreshold: positive(c.get<number>('diagnostics.largeTypeThreshold'), 64),
      largeEnumVariant: c.get<boolean>('diagnostics.largeEnumVariant', true),
      largeEnumVariantThreshold: positive(c.get<number>('diagnostics.largeEnumVariantThreshold'), 200),
      cacheLineStraddle: c.get<boolean>('diagnostics.cacheLineStraddle', false),
    },
    features: featureSelection(c.get<unknown>('cargo.features'), c.get<boolean>('cargo.noDefaultFeatures', false)),
  };
}

/** `rustLayout.cargo.features`: a list of feature names, or `"all"` (cargo's `--all-features`). */
export function featureSelection(features: unknown, noDefault: boolean): FeatureSelection {
  const list = Array.isArray(features) ? features.filter((f): f is string => typeof f === 'string').map((f) => f.trim()).filter((f) => f !== '') : [];
  return { ...(features === 'all' ? { all: true } : {}), ...(list.length ? { features: list } : {}), ...(noDefault === true ? { noDefault: true } : {}) };
}

function positive(v: number | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

/** The raw target setting when it is not one the extension knows (for a log warning). */
export function unknownTargetSetting(scope?: vscode.ConfigurationScope): string | undefined {
  const t = vscode.workspace.getConfiguration(SECTION, scope ?? null).get<string>('target', '')?.trim();
  return !t || isKnownTarget(t) ? undefined : t;
}

/** Settings changes, and cargo config files (their `[build] target`) created, changed or deleted. */
export function onDidChangeSettings(listener: (e: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      cache.clear();
      listener(e);
    }),
    cargoConfigChanged.event(() => listener({ affectsConfiguration: (section: string) => section === SECTION || section === `${SECTION}.target` })),
  );
}

/** Writes the target to the workspace when one is open, else to the user settings. */
export async function updateTarget(triple: string): Promise<void> {
  const where = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION, null).update('target', triple, where);
}

/** The heap figures' counts: entries per collection held directly, and per collection inside an element. */
export function heapSettings(scope?: vscode.ConfigurationScope): { entries: number; inner: number } {
  const c = vscode.workspace.getConfiguration('rustLayout', scope);
  const int = (key: string, dflt: number, max: number) => {
    const v = Math.floor(Number(c.get<number>(key, dflt)));
    return Number.isFinite(v) ? Math.min(Math.max(v, 0), max) : dflt;
  };
  return { entries: int('heap.entries', 1000, 100_000_000), inner: int('heap.innerLength', 16, 1_000_000) };
}
