/** The Rust Layout panel: its commands exist, the view resolves, its script says `ready`, it follows the cursor. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, openFixture, poll, positionOf } from './helpers';

interface Probe {
  resolved: boolean;
  ready: boolean;
  chapter?: string;
  section?: string;
  diagram?: string;
  posted: number;
}

function probe(): Probe {
  const api = vscode.extensions.getExtension(EXTENSION_ID)?.exports as { guideProbe(): Probe } | undefined;
  assert.ok(api?.guideProbe, 'activate() returned no guide probe');
  return api.guideProbe();
}

suite('guide panel', () => {
  suiteSetup(activateExtension);

  test('the panel commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['rustLayout.showGuide', 'rustLayout.openGuide', 'rustLayout.showLayout', 'rustLayout.guideView.focus']) {
      assert.ok(all.includes(id), `${id} is not registered`);
    }
  });

  test('Show Guide resolves the view and its script completes the ready handshake', async () => {
    await vscode.commands.executeCommand('rustLayout.showGuide');
    const p = await poll(async () => probe(), (x) => x.resolved && x.ready && !!x.chapter, 20_000);
    assert.ok(p.resolved, 'the webview view was not resolved');
    assert.ok(p.ready, 'the webview never posted `ready` (script blocked or crashed?)');
    assert.strictEqual(p.chapter, 'layout');
  });

  test('Open Guide with {chapter, section} (what hover links pass) opens that chapter', async () => {
    await vscode.commands.executeCommand('rustLayout.openGuide', { chapter: 'vec', section: 'growth' });
    const p = await poll(async () => probe(), (x) => x.chapter === 'vec');
    assert.strictEqual(p.chapter, 'vec');
    assert.strictEqual(p.section, 'growth');
    // An unknown chapter falls back to the first one instead of failing.
    await vscode.commands.executeCommand('rustLayout.openGuide', { chapter: 'no-such-chapter' });
    assert.strictEqual((await poll(async () => probe(), (x) => x.chapter === 'layout')).chapter, 'layout');
  });

  test('Show Layout {uri, offset} (what the CodeLens passes) draws that type', async () => {
    const doc = await openFixture('src/lib.rs');
    const at = doc.offsetAt(positionOf(doc, 'struct Mixed', 'Mixed'));
    await vscode.commands.executeCommand('rustLayout.showLayout', { uri: doc.uri.toString(), offset: at });
    const p = await poll(async () => probe(), (x) => x.diagram === 'Mixed');
    assert.strictEqual(p.diagram, 'Mixed');
  });

  test('the diagram follows the cursor to another type', async () => {
    const doc = await openFixture('src/lib.rs');
    const editor = vscode.window.activeTextEditor!;
    const move = (anchor: string, word: string): void => {
      const pos = positionOf(doc, anchor, word);
      editor.selection = new vscode.Selection(pos, pos);
    };
    move('struct Point', 'Point');
    assert.strictEqual((await poll(async () => probe(), (x) => x.diagram === 'Point')).diagram, 'Point');
    move('struct Mixed', 'Mixed');
    assert.strictEqual((await poll(async () => probe(), (x) => x.diagram === 'Mixed')).diagram, 'Mixed');
  });
});
