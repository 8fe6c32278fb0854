/**
 * Code actions on test/fixtures/workspace/src/fixes.rs: each one is applied through
 * VS Code and the whole file text is compared. The document is restored after each test.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, poll, positionOf, resetSetting } from './helpers';

async function actionsAt(doc: vscode.TextDocument, anchor: string, word: string, done: (a: vscode.CodeAction[]) => boolean): Promise<vscode.CodeAction[]> {
  const pos = positionOf(doc, anchor, word);
  const range = new vscode.Range(pos, pos.translate(0, word.length));
  return poll(async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range)) ?? [], done);
}

const HEADER_REORDERED = `//! Code-action targets: the integration tests apply each fix and compare the whole file.

/// A C header with avoidable padding.
#[repr(C)]
pub struct Header {
    // Length in bytes.
    pub len: u64,
    #[allow(dead_code)]
    pub flags: u16,
    /// The record kind.
    pub kind: u8, // one byte
}
`;

suite('code actions', () => {
  let doc: vscode.TextDocument;
  let original: string;

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    doc = await openFixture('src/fixes.rs');
    original = doc.getText();
  });

  teardown(async () => {
    if (doc.getText() !== original) {
      const back = new vscode.WorkspaceEdit();
      back.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      assert.ok(await vscode.workspace.applyEdit(back));
    }
  });

  test('quick fix reorders a repr(C) struct; preferred because it answers the diagnostic', async () => {
    await poll(
      async () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code === 'reprCPadding'),
      (ds) => ds.length > 0,
    );
    const actions = await actionsAt(doc, 'pub struct Header', 'Header', (as) => as.some((a) => a.title.startsWith('Reorder') && a.isPreferred === true));
    const fix = actions.find((a) => a.title.startsWith('Reorder'));
    assert.ok(fix, `no reorder action among ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.title, 'Reorder fields to remove 8 bytes of padding (changes the C layout)');
    assert.strictEqual(fix.kind?.value, 'quickfix');
    assert.strictEqual(fix.isPreferred, true);
    // (executeCodeActionProvider does not return `diagnostics`; isPreferred is set only with them.)
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText().slice(0, HEADER_REORDERED.length), HEADER_REORDERED);
    assert.strictEqual(doc.getText().slice(HEADER_REORDERED.length), original.slice(original.indexOf('\n/// Already minimal.')));
  });

  test('without the diagnostic the reorder is still offered, but not preferred', async () => {
    await vscode.workspace.getConfiguration('rustLayout').update('diagnostics.reprCPadding', false, vscode.ConfigurationTarget.Global);
    try {
      await poll(
        async () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code === 'reprCPadding'),
        (ds) => ds.length === 0,
      );
      const actions = await actionsAt(doc, 'pub struct Header', 'Header', (as) => as.some((a) => a.title.startsWith('Reorder') && !a.isPreferred));
      const fix = actions.find((a) => a.title.startsWith('Reorder'));
      assert.ok(fix);
      assert.ok(!fix.isPreferred);
    } finally {
      await resetSetting('diagnostics.reprCPadding');
    }
  });

  test('the rustLayout.reorderFields command (the CodeLens) applies the same edit', async () => {
    const offset = doc.getText().indexOf('Header {');
    const ok = await vscode.commands.executeCommand<boolean>('rustLayout.reorderFields', { uri: doc.uri.toString(), offset });
    assert.strictEqual(ok, true);
    assert.strictEqual(doc.getText().slice(0, HEADER_REORDERED.length), HEADER_REORDERED);
  });

  test('no reorder for a minimal repr(C) struct; "Pin this layout" inserts the assertions', async () => {
    const actions = await actionsAt(doc, 'pub struct Tight', 'Tight', (as) => as.some((a) => a.title.startsWith('Pin')));
    assert.ok(!actions.some((a) => a.title.startsWith('Reorder')));
    const pin = actions.find((a) => a.title.startsWith('Pin'));
    assert.ok(pin?.edit);
    assert.strictEqual(pin.kind?.value, 'refactor.rewrite.rustLayout.pinLayout');
    assert.ok(await vscode.workspace.applyEdit(pin.edit));
    const expected = original.replace(
      'pub struct Tight {\n    a: u64,\n    b: u32,\n    c: u16,\n}\n',
      'pub struct Tight {\n    a: u64,\n    b: u32,\n    c: u16,\n}\nconst _: () = assert!(core::mem::size_of::<Tight>() == 16);\nconst _: () = assert!(core::mem::align_of::<Tight>() == 8);\n',
    );
    assert.notStrictEqual(expected, original);
    assert.strictEqual(doc.getText(), expected);
  });

  test('a default-repr struct gets only the informational "Show rustc\'s field order"', async () => {
    const actions = await actionsAt(doc, 'pub struct Loose', 'Loose', (as) => as.some((a) => a.title.startsWith('Show')));
    assert.ok(!actions.some((a) => a.title.startsWith('Reorder')));
    const show = actions.find((a) => a.title === "Show rustc's field order");
    assert.ok(show?.command);
    assert.strictEqual(show.edit, undefined);
    const order = await vscode.commands.executeCommand<string[]>(show.command.command, ...(show.command.arguments ?? []));
    assert.deepEqual(order, ['b', 'c', 'a']);
  });
});
