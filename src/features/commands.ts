/**
 * Commands under the "Rust Layout" category: `rustLayout.showLog`, `rustLayout.selectTarget`.
 * Each command is an `{ id, execute }` object so the registry stays one list.
 */
import * as vscode from 'vscode';
import { readSettings, updateTarget } from './config';
import type { Log } from './log';
import { TARGETS, isKnownTarget } from './targets';

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
        const current = readSettings(vscode.window.activeTextEditor?.document).target;
        // The current target first, with a check mark (the status bar item opens this list).
        const ordered = [...TARGETS].sort((a, b) => Number(b.triple === current) - Number(a.triple === current));
        const pick = await vscode.window.showQuickPick(
          ordered.map((t) => ({
            label: t.triple === current ? `$(check) ${t.triple}` : t.triple,
            triple: t.triple,
            description: t.triple === current ? '(current)' : undefined,
            detail: t.description,
          })),
          { title: 'Rust Layout: Select Target', placeHolder: `Target for layouts (now ${current})`, matchOnDetail: true },
        );
        triple = pick?.triple;
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
