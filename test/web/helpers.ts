/** Helpers of the web-worker suite (a browser: no Node `assert`). Not a test file itself. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'rust-layout-lens.rust-layout-lens';

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected) throw new AssertionError(message ?? `${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
}

export function match(text: string, re: RegExp, message?: string): void {
  if (!re.test(text)) throw new AssertionError(message ?? `${JSON.stringify(text.slice(0, 400))} does not match ${re}`);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the tests need the fixture workspace open');
  return folder.uri;
}

export async function openFixture(relPath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), relPath));
  await vscode.window.showTextDocument(doc);
  equal(doc.languageId, 'rust');
  return doc;
}

/** Position on the first character of `word` after the first occurrence of `anchor`. */
export function positionOf(doc: vscode.TextDocument, anchor: string, word: string): vscode.Position {
  const text = doc.getText();
  const a = text.indexOf(anchor);
  ok(a >= 0, `anchor ${JSON.stringify(anchor)} not found in ${doc.uri.path}`);
  const w = text.indexOf(word, a);
  ok(w >= 0, `${JSON.stringify(word)} not found after the anchor`);
  return doc.positionAt(w);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Polls until `probe` returns a value that `done` accepts, or gives the last value. */
export async function poll<T>(probe: () => Thenable<T> | Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

/** The hover markdown at `word` (after `anchor`), once it is non-empty and `done` accepts it. */
export async function hoverAt(doc: vscode.TextDocument, anchor: string, word: string, done: (t: string) => boolean = (t) => t.trim().length > 0): Promise<string> {
  const pos = positionOf(doc, anchor, word).translate(0, 1);
  return poll(async () => hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? []), done);
}

/** The CodeLens titles of a document by the type each sits above. */
export async function lensTitles(doc: vscode.TextDocument): Promise<Map<string, string>> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
  const out = new Map<string, string>();
  for (const l of lenses) {
    let name: string | undefined;
    for (let k = l.range.start.line; k < Math.min(doc.lineCount, l.range.start.line + 6) && !name; k++) {
      name = /^\s*(?:pub\s+)?(?:struct|enum|union)\s+(\w+)/.exec(doc.lineAt(k).text)?.[1];
    }
    if (name && !out.has(name)) out.set(name, l.command?.title ?? '');
  }
  return out;
}
