/**
 * Which target a Rust file is laid out for, without asking: the `[build] target` of the cargo
 * config that applies to its directory (`.cargo/config.toml` upwards, then `$CARGO_HOME`), then
 * the `rustLayout.target` setting when the user set one, then the host's own triple. A `.json`
 * value is a custom target file (registered under its file name's stem, as cargo and rustc name
 * it). A value that names no known target is reported once and the next source is used.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readBuildTargets } from '../cargo/config';
import { hostTriple } from '../core/hostTarget';
import { getTarget, registerCustomTarget } from '../core/targets';
import { NodeFs } from '../platform/nodeFs';
import { DEFAULT_TARGET } from './targets';

export type TargetOrigin = 'cargo-config' | 'setting' | 'host';

export interface ResolvedTarget {
  readonly triple: string;
  readonly origin: TargetOrigin;
  /** The cargo config file that named it (origin `cargo-config`). */
  readonly file?: string;
  /** Every target `[build] target` lists (the picker offers them first). */
  readonly configTargets?: readonly string[];
}

/** A fresh reader per resolution (NodeFs caches what it read): config files change. */
let fs = new NodeFs();
const reported = new Set<string>();
let onProblem: (message: string) => void = () => undefined;

/** Where problems go (a log line and one warning each): set at activation. */
export function reportTargetProblemsTo(f: (message: string) => void): void {
  onProblem = f;
}

function problem(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  onProblem(message);
}

/** A triple, or a `.json` target file (absolute path): the triple it is known by, or undefined with a problem reported. */
function known(value: string, where: string): string | undefined {
  if (value.endsWith('.json')) {
    const text = fs.readFile(value);
    if (text === undefined) {
      problem(`${where}: the custom target file ${value} cannot be read`);
      return undefined;
    }
    try {
      return registerCustomTarget(path.basename(value, '.json'), JSON.parse(text)).triple;
    } catch (e) {
      problem(`${where}: ${value}: ${(e as Error).message}`);
      return undefined;
    }
  }
  if (getTarget(value)) return getTarget(value)!.triple;
  problem(`${where}: \`${value}\` is not a target of rustc 1.95 (see docs/targets.md)`);
  return undefined;
}

function fileOf(scope: vscode.ConfigurationScope | undefined): vscode.Uri | undefined {
  if (!scope) return undefined;
  if (scope instanceof vscode.Uri) return scope;
  return (scope as { uri?: vscode.Uri }).uri;
}

export function resolveTarget(scope: vscode.ConfigurationScope | undefined, setting: string | undefined): ResolvedTarget {
  fs = new NodeFs();
  const uri = fileOf(scope);
  if (uri?.scheme === 'file') {
    const cfg = readBuildTargets(fs, path.dirname(uri.fsPath).replace(/\\/g, '/'));
    if (cfg) {
      const triple = known(cfg.targets[0]!, `${cfg.file} ([build] target)`);
      if (triple) return { triple, origin: 'cargo-config', file: cfg.file, configTargets: cfg.targets };
    }
  }
  if (setting) {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const value = setting.endsWith('.json') && !path.isAbsolute(setting) && folder ? path.join(folder, setting) : setting;
    const triple = known(value, 'the rustLayout.target setting');
    if (triple) return { triple, origin: 'setting' };
  }
  const host = hostTriple(process.platform, process.arch);
  if (!host) problem(`no target is known for this machine (${process.platform} ${process.arch}): using ${DEFAULT_TARGET}`);
  return { triple: host ?? DEFAULT_TARGET, origin: 'host' };
}

/** A phrase for the status bar's tooltip: where the target came from. */
export function originText(t: ResolvedTarget): string {
  if (t.origin === 'cargo-config') return `from ${vscode.workspace.asRelativePath(t.file ?? '.cargo/config.toml')} ([build] target)`;
  if (t.origin === 'setting') return 'from the rustLayout.target setting';
  return 'the host’s own target (no .cargo/config.toml [build] target, no rustLayout.target setting)';
}
