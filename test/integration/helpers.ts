/** Shared helpers for the integration tests (not a test file itself). */
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'rust-layout-lens.rust-layout-lens';

export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return folder.uri;
}

export async function openFixture(relPath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), relPath));
  await vscode.window.showTextDocument(doc);
  assert.strictEqual(doc.languageId, 'rust');
  return doc;
}

/** Position on the first character of `word` after the first occurrence of `anchor`. */
export function positionOf(doc: vscode.TextDocument, anchor: string, word: string): vscode.Position {
  const text = doc.getText();
  const a = text.indexOf(anchor);
  assert.ok(a >= 0, `anchor ${JSON.stringify(anchor)} not found in ${doc.uri.path}`);
  const w = text.indexOf(word, a);
  assert.ok(w >= 0, `${JSON.stringify(word)} not found after the anchor`);
  return doc.positionAt(w);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Polls until `probe` returns a value that `done` accepts, or fails with the last value. */
export async function poll<T>(probe: () => Thenable<T> | Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

/** Hover markdown the hover providers give at `word` (after `anchor`), once it is non-empty. */
export async function hoverAt(doc: vscode.TextDocument, anchor: string, word: string, timeoutMs = 15_000): Promise<string> {
  const pos = positionOf(doc, anchor, word).translate(0, 1);
  const hovers = await poll(
    () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos),
    (h) => hoverText(h ?? []).trim().length > 0,
    timeoutMs,
  );
  return hoverText(hovers ?? []);
}

/** Sets a `rustLayout.*` setting in the user settings (the runner's scratch profile). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('rustLayout').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Removes a `rustLayout.*` setting from the user and the workspace settings. */
export async function resetSetting(key: string): Promise<void> {
  const c = vscode.workspace.getConfiguration('rustLayout');
  await c.update(key, undefined, vscode.ConfigurationTarget.Global);
  if (vscode.workspace.workspaceFolders?.length) await c.update(key, undefined, vscode.ConfigurationTarget.Workspace);
}
