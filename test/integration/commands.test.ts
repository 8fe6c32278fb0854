/** The contributed commands exist, and Select Target changes the layouts the hover shows. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, hoverText, openFixture, poll, positionOf, resetSetting, setSetting } from './helpers';

suite('commands and settings', () => {
  suiteSetup(activateExtension);

  teardown(async () => {
    await resetSetting('target');
    await resetSetting('hover.enabled');
  });

  test('every contributed command is registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['rustLayout.showLog', 'rustLayout.selectTarget']) {
      assert.ok(all.includes(id), `${id} is not registered`);
    }
  });

  test('Select Target with an argument sets rustLayout.target and the hover follows it', async () => {
    const doc = await openFixture('src/lib.rs');
    const chosen = await vscode.commands.executeCommand<string>('rustLayout.selectTarget', 'i686-unknown-linux-gnu');
    assert.strictEqual(chosen, 'i686-unknown-linux-gnu');
    assert.strictEqual(vscode.workspace.getConfiguration('rustLayout').get('target'), 'i686-unknown-linux-gnu');
    // On i686, u64 is 4-aligned: Mixed { a: u8, b: u64, c: u16 } is 12 bytes, align 4 (rustc 1.95).
    const text = await poll(
      () => hoverAt(doc, 'struct Mixed', 'Mixed'),
      (t) => /i686/.test(t),
    );
    assert.match(text, /size 12\b/);
    assert.match(text, /align 4\b/);
  });

  test('rustLayout.hover.enabled = false removes the layout hover', async () => {
    const doc = await openFixture('src/lib.rs');
    await hoverAt(doc, 'struct Point', 'Point');
    await setSetting('hover.enabled', false);
    const pos = positionOf(doc, 'struct Point', 'Point').translate(0, 1);
    const hovers = await poll(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos),
      (h) => !/size \d/.test(hoverText(h ?? [])),
      5_000,
    );
    assert.doesNotMatch(hoverText(hovers ?? []), /size \d/);
  });
});
