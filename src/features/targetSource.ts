/**
 * Which target a Rust file is laid out for, without asking: the `[build] target` of the cargo
 * config that applies to its directory (`.cargo/config.toml` upwards, then `$CARGO_HOME`), then
 * the `rustLayout.target` setting when the user set one, then the host's own triple. A `.json`
 * value is a custom target file (registered under its file name's stem, as cargo and rustc name
 * it). A value that names no known target is reported once and the next source is used.
 */
import * as vscode from 'vscode';
import { readBuildTargets } from '../cargo/config';
import { hostTriple } from '../core/hostTarget';
import { getTarget, registerCustomTarget } from '../core/targets';
import type { ProjectFs } from '../cargo/fs';
import { basename, dirname, isAbsolute, join } from '../cargo/paths';
import { host } from './host';
import { DEFAULT_TARGET } from './targets';

export type TargetOrigin = 'cargo-config' | 'setting' | 'host' | 'default';

export interface ResolvedTarget {
  readonly triple: string;
  readonly origin: TargetOrigin;
  /** The cargo config file that named it (origin `cargo-config`). */
  readonly file?: string;
  /** Every target `[build] target` lists (the picker offers them first). */
  readonly configTargets?: readonly string[];
}

/** A fresh reader per resolution (it caches what it read): config files change. */
let fs: ProjectFs | undefined;
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
    const text = (fs ??= host().freshFiles()).readFile(value);
    if (text === undefined) {
      problem(`${where}: the custom target file ${value} cannot be read`);
      return undefined;
    }
    try {
      return registerCustomTarget(basename(value).replace(/\.json$/, ''), JSON.parse(text)).triple;
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
  fs = host().freshFiles();
  const uri = fileOf(scope);
  if (uri && host().handles(uri)) {
    const cfg = readBuildTargets(fs, dirname(host().pathOf(uri)));
    if (cfg) {
      const triple = known(cfg.targets[0]!, `${cfg.file} ([build] target)`);
      if (triple) return { triple, origin: 'cargo-config', file: cfg.file, configTargets: cfg.targets };
    }
  }
  if (setting) {
    const folderUri = uri ? vscode.workspace.getWorkspaceFolder(uri)?.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const folder = folderUri && host().handles(folderUri) ? host().pathOf(folderUri) : undefined;
    const value = setting.endsWith('.json') && !isAbsolute(setting) && folder ? join(folder, setting) : setting;
    const triple = known(value, 'the rustLayout.target setting');
    if (triple) return { triple, origin: 'setting' };
  }
  const machine = host().machine;
  // VS Code for the Web has no machine of its own to lay out for: the default target, said as such.
  if (!machine) return { triple: DEFAULT_TARGET, origin: 'default' };
  const own = hostTriple(machine.platform, machine.arch);
  if (!own) problem(`no target is known for this machine (${machine.platform} ${machine.arch}): using ${DEFAULT_TARGET}`);
  return { triple: own ?? DEFAULT_TARGET, origin: 'host' };
}

/** A phrase for the status bar's tooltip: where the target came from. */
export function originText(t: ResolvedTarget): string {
  if (t.origin === 'cargo-config') return `from ${vscode.workspace.asRelativePath(t.file ?? '.cargo/config.toml')} ([build] target)`;
  if (t.origin === 'setting') return 'from the rustLayout.target setting';
  if (t.origin === 'default') return `the default target (VS Code for the Web has no machine of its own; set rustLayout.target or a [build] target in .cargo/config.toml)`;
  return 'the host’s own target (no .cargo/config.toml [build] target, no rustLayout.target setting)';
}
