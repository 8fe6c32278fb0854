/**
 * A large file opened (issue 14): its first model comes from the parse worker and its tree is
 * parsed in slices on the extension host's thread; lenses appear, and edits made afterwards
 * (incremental, over the sliced tree) change the layouts. The file (about 120 KB of generated
 * structs, above the 32 KB threshold) is written at test time outside any crate.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, poll, resetSetting, workspaceRoot } from './helpers';

/** 2,000 structs of three fields each; `Target` sits in the middle. Sizes: x86_64, checked by hand against rustc's reordering. */
function bigFile(): string {
  const out = ['//! Generated for the large-file integration test.', '#![allow(dead_code)]', ''];
  for (let i = 0; i < 1000; i++) out.push(`/// Filler ${i}.`, `pub struct Filler${i} { a: u8, b: u32, c: u16 }`, '');
  out.push('/// u8 + u64: 16 bytes, align 8.', 'pub struct Target { small: u8, big: u64 }', '');
  for (let i = 1000; i < 2000; i++) out.push(`/// Filler ${i}.`, `pub struct Filler${i} { a: u8, b: u32, c: u16 }`, '');
  return out.join('\n');
}

suite('a large file', () => {
  let uri: vscode.Uri;

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    uri = vscode.Uri.joinPath(workspaceRoot(), 'loose', 'big_generated.rs');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(bigFile(), 'utf8'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  test('opened: sized lenses, then an edit changes the layout (the tree parsed in slices serves the edit)', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.ok(doc.getText().length > 100_000, `${doc.getText().length} characters`);
    const lenses = await poll(
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 5000)) ?? [],
      (ls) => ls.filter((l) => /^\d+ B · align/.test(l.command?.title ?? '')).length >= 2001,
      30_000,
    );
    const sized = lenses.filter((l) => /^\d+ B · align/.test(l.command?.title ?? ''));
    assert.ok(sized.length >= 2001, `${sized.length} sized lenses`);
    assert.match(await hoverAt(doc, 'pub struct Target', 'Target'), /size 16 · align 8\b/);
    // Let the sliced parse finish, then edit: the field's type changes, and so does the size.
    await new Promise((r) => setTimeout(r, 1000));
    const at = doc.getText().indexOf('big: u64 }');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'big: u64'.length)), 'big: u16');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await poll(() => hoverAt(doc, 'pub struct Target', 'Target'), (t) => /size 4\b/.test(t));
    assert.match(after, /size 4 · align 2\b/, after);
    // A second edit, typed where the first one was: incremental over the tree of the edit before.
    const at2 = doc.getText().indexOf('big: u16 }');
    const edit2 = new vscode.WorkspaceEdit();
    edit2.replace(uri, new vscode.Range(doc.positionAt(at2), doc.positionAt(at2 + 'big: u16'.length)), 'big: u32');
    assert.ok(await vscode.workspace.applyEdit(edit2));
    const again = await poll(() => hoverAt(doc, 'pub struct Target', 'Target'), (t) => /size 8\b/.test(t));
    assert.match(again, /size 8 · align 4\b/, again);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
