/**
 * Code actions on a struct, enum or union:
 *   - QuickFix "Reorder fields to remove N bytes of padding (changes the C layout)" for a
 *     `#[repr(C)]` struct with a better order (preferred when it answers the reprCPadding
 *     diagnostic); the command `rustLayout.reorderFields` {uri, offset} applies the same edit
 *     (the CodeLens uses it);
 *   - refactor "Show rustc's field order" for a default-repr struct that rustc reorders
 *     (informational: a message, no edit);
 *   - refactor "Pin this layout": `const _: () = assert!(core::mem::size_of::<T>() == N);` and
 *     the alignment, after the type (non-generic types with a known layout).
 * The edits come from src/core/reorder.ts as `{offset, length, newText}`; `toWorkspaceEdit`
 * maps them here.
 */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/reorder';
import type { Command } from './commands';
import { spanContains } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { Log } from './log';
import { pinProposal, reorderProposal, rustcOrder } from './plans';
import type { DocumentAnalysis, DocumentReports, TypeEntry } from './reports';

export const SHOW_ORDER_KIND = vscode.CodeActionKind.Refactor.append('rustLayout').append('showOrder');
export const PIN_KIND = vscode.CodeActionKind.RefactorRewrite.append('rustLayout').append('pinLayout');

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) {
    we.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.newText);
  }
  return we;
}

function entryAt(a: DocumentAnalysis, offset: number): TypeEntry | undefined {
  // The innermost item whose text contains the offset (a type inside an inline module).
  let best: TypeEntry | undefined;
  for (const e of a.types) {
    if (spanContains(e.shallow.span, offset) || e.shallow.span.end === offset) {
      if (!best || e.shallow.span.end - e.shallow.span.start < best.shallow.span.end - best.shallow.span.start) best = e;
    }
  }
  return best;
}

export function reorderTitle(saved: number): string {
  return `Reorder fields to remove ${saved} ${saved === 1 ? 'byte' : 'bytes'} of padding (changes the C layout)`;
}

export class LayoutCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.Refactor, PIN_KIND],
  };

  constructor(private readonly reports: DocumentReports) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    return this.reports.safely('code actions', async () => {
      const a = await this.reports.analyze(document, token);
      if (!a || token.isCancellationRequested || a.version !== document.version) return [];
      const entry = entryAt(a, document.offsetAt(range.start));
      if (!entry) return [];
      const { report: t, item } = entry;
      const actions: vscode.CodeAction[] = [];
      const want = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);

      const reorder = reorderProposal(a.text, item, t);
      if (reorder && want(vscode.CodeActionKind.QuickFix)) {
        const action = new vscode.CodeAction(reorderTitle(reorder.plan.saved), vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document, reorder.edits);
        const diags = context.diagnostics.filter(
          (d) => d.source === DIAGNOSTIC_SOURCE && d.code === 'reprCPadding' && t.nameSpan && d.range.contains(document.positionAt(t.nameSpan.start)),
        );
        if (diags.length) {
          action.diagnostics = diags;
          action.isPreferred = true;
        }
        actions.push(action);
      }

      const order = rustcOrder(item, t);
      if (order && want(SHOW_ORDER_KIND)) {
        const action = new vscode.CodeAction("Show rustc's field order", SHOW_ORDER_KIND);
        action.command = {
          title: "Show rustc's field order",
          command: 'rustLayout.showFieldOrder',
          arguments: [{ name: t.name, order, size: t.size }],
        };
        actions.push(action);
      }

      const pin = pinProposal(a.text, item, t);
      if (pin && want(PIN_KIND)) {
        const action = new vscode.CodeAction('Pin this layout (assert its size and alignment)', PIN_KIND);
        action.edit = toWorkspaceEdit(document, [pin]);
        actions.push(action);
      }
      return actions;
    }, []);
  }
}

/** `rustLayout.reorderFields` {uri, offset}: applies the reorder of the struct at offset (CodeLens). */
export function reorderFieldsCommand(reports: DocumentReports, log: Log): Command {
  return {
    id: 'rustLayout.reorderFields',
    execute: async (arg?: unknown): Promise<boolean> => {
      let document: vscode.TextDocument | undefined;
      let offset: number | undefined;
      const a0 = arg as { uri?: string; offset?: number } | undefined;
      if (a0 && typeof a0.uri === 'string' && typeof a0.offset === 'number') {
        document = await vscode.workspace.openTextDocument(vscode.Uri.parse(a0.uri));
        offset = a0.offset;
      } else {
        const editor = vscode.window.activeTextEditor;
        document = editor?.document;
        offset = editor && document?.offsetAt(editor.selection.active);
      }
      if (!document || offset === undefined || document.languageId !== 'rust') return false;
      const a = await reports.analyze(document);
      const entry = a && entryAt(a, offset);
      const r = entry && a && reorderProposal(a.text, entry.item, entry.report);
      if (!r) {
        void vscode.window.showInformationMessage('Rust Layout: no #[repr(C)] struct with avoidable padding here.');
        return false;
      }
      const ok = await vscode.workspace.applyEdit(toWorkspaceEdit(document, r.edits));
      if (!ok) log.warn(`reorder of ${entry.report.name} was not applied`);
      return ok;
    },
  };
}

/** `rustLayout.showFieldOrder` {name, order, size}: the informational "Show rustc's field order". */
export function showFieldOrderCommand(): Command {
  return {
    id: 'rustLayout.showFieldOrder',
    execute: (arg?: unknown) => {
      const a = arg as { name?: string; order?: string[]; size?: number } | undefined;
      if (!a?.name || !a.order) return undefined;
      void vscode.window.showInformationMessage(
        `rustc lays out ${a.name} (${a.size ?? '?'} bytes) as: ${a.order.join(', ')}. It already reorders fields of default-repr structs, so there is nothing to fix.`,
      );
      return a.order;
    },
  };
}
