/**
 * Commands under the "Rust Layout" category: `rustLayout.showLog`, `rustLayout.selectTarget`.
 * Each command is an `{ id, execute }` object so the registry stays one list.
 */
import * as vscode from 'vscode';
import { heapSettings, readSettings, updateTarget } from './config';
import type { Log } from './log';
import { TARGETS, isKnownTarget } from './targets';
import { listTargets, targetSpec } from '../core/targets';
import { originText } from './targetSource';
import { host } from './host';

export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

export function showLogCommand(log: Log): Command {
  return { id: 'rustLayout.showLog', execute: () => log.show() };
}

/**
 * Picks the target whose layout rules are used. With a triple as argument (keybindings,
 * tests) it sets it without asking. Resolves to the chosen triple, or undefined if cancelled.
 */
export function selectTargetCommand(log: Log): Command {
  return {
    id: 'rustLayout.selectTarget',
    execute: async (arg?: unknown): Promise<string | undefined> => {
      let triple: string | undefined;
      if (typeof arg === 'string') {
        if (!isKnownTarget(arg)) {
          void vscode.window.showErrorMessage(`Rust Layout: unknown target "${arg}".`);
          return undefined;
        }
        triple = arg;
      } else {
        const settings = readSettings(vscode.window.activeTextEditor?.document);
        const current = settings.target;
        // The current target first (the status bar item opens this list), then the cargo config's
        // targets, then the featured ones, then every other target of rustc 1.95.
        type Item = vscode.QuickPickItem & { triple?: string };
        const seen = new Set<string>();
        const item = (triple: string, detail: string | undefined, note?: string): Item => {
          seen.add(triple);
          return { label: triple === current ? `$(check) ${triple}` : triple, triple, description: triple === current ? '(current)' : note, detail };
        };
        const describe = (t: string) => TARGETS.find((x) => x.triple === t)?.description ?? targetSpec(t)?.description ?? undefined;
        const items: Item[] = [item(current, describe(current), undefined)];
        for (const t of settings.targetSource.configTargets ?? []) if (!seen.has(t) && !t.endsWith('.json')) items.push(item(t, describe(t), 'from .cargo/config.toml'));
        items.push({ label: 'Featured', kind: vscode.QuickPickItemKind.Separator });
        for (const t of TARGETS) if (!seen.has(t.triple)) items.push(item(t.triple, t.description));
        items.push({ label: 'Every target of rustc 1.95', kind: vscode.QuickPickItemKind.Separator });
        for (const t of listTargets()) if (!seen.has(t)) items.push(item(t, targetSpec(t)?.description ?? undefined));
        const pick = await vscode.window.showQuickPick(items, { title: 'Rust Layout: Select Target', placeHolder: `Target for layouts (now ${current}, ${originText(settings.targetSource)})`, matchOnDescription: true });
        triple = pick?.triple;
        if (triple !== undefined && settings.targetSource.origin === 'cargo-config' && triple !== current) {
          // The cargo config wins over the setting where it applies: say so.
          void vscode.window
            .showWarningMessage(`Rust Layout: ${vscode.workspace.asRelativePath(settings.targetSource.file!)} sets [build] target = "${current}", which applies to this crate before the setting. The setting applies where no cargo config names a target.`, 'Open the Config')
            .then((c) => c && vscode.window.showTextDocument(host().uriOf(settings.targetSource.file!)));
        }
      }
      if (triple === undefined) return undefined;
      await updateTarget(triple);
      log.info(`target set to ${triple}`);
      return triple;
    },
  };
}

export function registerCommands(commands: readonly Command[], log: Log): vscode.Disposable {
  return vscode.Disposable.from(
    ...commands.map((c) =>
      vscode.commands.registerCommand(c.id, async (...args: unknown[]) => {
        try {
          return await c.execute(...args);
        } catch (err) {
          log.error(`command ${c.id} failed`, err);
          void vscode.window.showErrorMessage(`Rust Layout: ${c.id} failed. See the log for details.`);
          return undefined;
        }
      }),
    ),
  );
}

/**
 * Asks how many entries the heap figures assume (`rustLayout.heap.entries`), or sets it without
 * asking when given a number (the panel's chart, tests). Written where the setting is already set
 * (workspace folder, workspace), else in the user settings.
 */
export function setHeapEntriesCommand(): Command {
  return {
    id: 'rustLayout.setHeapEntries',
    execute: async (arg?: unknown): Promise<number | undefined> => {
      const current = heapSettings().entries;
      let n: number | undefined;
      if (typeof arg === 'number') n = arg;
      else {
        const text = await vscode.window.showInputBox({
          title: 'Rust Layout: Entries for Heap Figures',
          prompt: 'How many entries each collection holds in the heap figures of hovers and the panel (pushed or inserted one by one)',
          value: String(current),
          validateInput: (v) => (/^\s*\d{1,9}\s*$/.test(v) && Number(v) <= 100_000_000 ? undefined : 'A whole number from 0 to 100000000'),
        });
        if (text === undefined) return undefined;
        n = Number(text.trim());
      }
      if (!Number.isSafeInteger(n) || n < 0 || n > 100_000_000) {
        void vscode.window.showErrorMessage(`Rust Layout: the entry count must be a whole number from 0 to 100000000, not ${String(arg)}.`);
        return undefined;
      }
      // A window setting (one figure for every file): the workspace's value if it has one, else the user's.
      const c = vscode.workspace.getConfiguration('rustLayout');
      const i = c.inspect<number>('heap.entries');
      const where = i?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await c.update('heap.entries', n, where);
      return n;
    },
  };
}
