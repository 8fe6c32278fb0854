/**
 * Layout changes against git in the real extension host: a repository made here (isomorphic-git,
 * no `git` binary) inside the workspace, its working tree changed after the commit (a field added,
 * a field widened, a type renamed, an enum variant that changes the tag, a type changed through
 * another module's type, fields reordered, a new type). Each changed type gets a `Δ HEAD` CodeLens with rustc's numbers (x86_64, checked with -Zprint-type-sizes)
 * and a before/after hover; unchanged types get nothing; typing changes the Δ at once; "Off"
 * removes them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as git from 'isomorphic-git';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, hoverAt, poll, resetSetting, workspaceRoot } from './helpers';

const V1 = {
  'Cargo.toml': '[package]\nname = "gitdiff"\nversion = "0.1.0"\nedition = "2021"\n',
  'src/lib.rs': [
    'pub mod geo;',
    'pub struct Header { pub tag: u8, pub len: u32 }',
    'pub struct Wide { pub a: u8, pub b: u16 }',
    'pub struct OldName { pub p: u16, pub q: u16 }',
    'pub struct Same { pub s: u64 }',
    "pub enum Slot { Full(&'static u8), Empty }",
    'pub struct Shape { pub at: geo::Point, pub id: u8 }',
    'pub struct Reordered { pub a: u8, pub b: u64, pub c: u8 }',
    '',
  ].join('\n'),
  'src/geo.rs': 'pub struct Point { pub x: f32, pub y: f32 }\n',
};
const V2 = {
  'src/lib.rs': [
    'pub mod geo;',
    'pub struct Header { pub tag: u8, pub len: u32, pub crc: u32 }',
    'pub struct Wide { pub a: u8, pub b: u64 }',
    'pub struct NewName { pub p: u16, pub q: u16 }',
    'pub struct Same { pub s: u64 }',
    "pub enum Slot { Full(&'static u8), Empty, Spare(u8) }",
    'pub struct Shape { pub at: geo::Point, pub id: u8 }',
    'pub struct Reordered { pub c: u8, pub b: u64, pub a: u8 }',
    'pub struct Fresh(u16);',
    '',
  ].join('\n'),
  'src/geo.rs': 'pub struct Point { pub x: f64, pub y: f64 }\n',
};

function write(dir: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
}

async function diffLenses(doc: vscode.TextDocument): Promise<Map<string, string>> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
  const out = new Map<string, string>();
  for (const l of lenses) {
    const title = l.command?.title ?? '';
    if (!title.startsWith('Δ')) continue;
    const name = /^\s*pub\s+(?:struct|enum|union)\s+(\w+)/.exec(doc.lineAt(l.range.start.line).text)?.[1];
    if (name) out.set(name, title);
  }
  return out;
}

suite('layout diff against git', () => {
  let dir: string;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    await resetSetting('diff.base');
    dir = path.join(workspaceRoot().fsPath, 'gitdiff');
    write(dir, V1);
    await git.init({ fs, dir, defaultBranch: 'main' });
    for (const p of Object.keys(V1)) await git.add({ fs, dir, filepath: p });
    await git.commit({ fs, dir, message: 'v1', author: { name: 'Test', email: 'test@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 } });
    write(dir, V2);
    doc = await vscode.workspace.openTextDocument(path.join(dir, 'src/lib.rs'));
    await vscode.window.showTextDocument(doc);
  });

  suiteTeardown(async () => {
    await resetSetting('diff.base');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('each changed type gets a Δ CodeLens with rustc’s numbers; unchanged ones get none', async () => {
    const want = new Map([
      ['Header', 'Δ HEAD: 8 B → 12 B (+4)'],
      ['Wide', 'Δ HEAD: 4 B → 16 B (+12) · padding +6'],
      ['NewName', 'Δ HEAD: renamed from OldName · 4 B'],
      ['Slot', 'Δ HEAD: 8 B → 16 B (+8) · padding +7'],
      // Changed through another module's type: only geo::Point was edited.
      ['Shape', 'Δ HEAD: 12 B → 24 B (+12) · padding +4'],
      // Same size; the two bytes after the u64 swap places.
      ['Reordered', 'Δ HEAD: 16 B → 16 B · field `c`: offset 9 → 8'],
      ['Fresh', 'Δ HEAD: new · 2 B'],
    ]);
    const got = await poll(() => diffLenses(doc), (m) => m.size >= want.size, 60_000);
    assert.deepEqual([...got].sort(), [...want].sort());
    const geo = await vscode.workspace.openTextDocument(path.join(dir, 'src/geo.rs'));
    const g = await poll(() => diffLenses(geo), (m) => m.size > 0, 30_000);
    assert.deepEqual([...g], [['Point', 'Δ HEAD: 8 B → 16 B (+8)']]);
    await vscode.window.showTextDocument(doc);
  });

  test('the hover shows the layout before and after', async () => {
    // The base's layouts are read once, in the background: wait for them (when run alone too).
    await poll(() => diffLenses(doc), (m) => m.size > 0, 60_000);
    const h = await hoverAt(doc, 'pub struct Wide', 'Wide');
    assert.match(h, /Layout changed since `HEAD`/);
    assert.match(h, /\| size \| 4 B \| 16 B \|/);
    assert.match(h, /\| padding \| 1 B \| 7 B \|/);
    assert.match(h, /field `b`: 2 B → 8 B/);
    // Every kind of change says what it is; an unchanged type's hover has no such section.
    const at = async (anchor: string, word: string) => hoverAt(doc, anchor, word);
    assert.match(await at('pub struct Header', 'Header'), /field `crc` added \(4 B @4\)/);
    assert.match(await at('pub struct NewName', 'NewName'), /renamed from `OldName`/);
    assert.match(await at('pub enum Slot', 'Slot'), /niche 8 B @0 → tag 1 B @0/);
    assert.match(await at('pub struct Shape', 'Shape'), /field `at`: 8 B → 16 B/);
    assert.match(await at('pub struct Reordered', 'Reordered'), /field `c`: offset 9 → 8/);
    assert.match(await at('pub struct Fresh', 'Fresh'), /New since `HEAD`/);
    assert.doesNotMatch(await at('pub struct Same', 'Same'), /since `HEAD`/);
  });

  test('the panel draws the old layout under the new one', async () => {
    const probe = () => (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { guideProbe(): { diagram?: string; diagramBefore?: string } }).guideProbe();
    await vscode.commands.executeCommand('rustLayout.showLayout', { uri: doc.uri.toString(), offset: doc.getText().indexOf('Wide') });
    const p = await poll(async () => probe(), (x) => x.diagram === 'Wide' && !!x.diagramBefore, 30_000);
    assert.equal(p.diagramBefore, 'At HEAD: 4 B → 16 B (+12) · padding +6');
    await vscode.window.showTextDocument(doc);
  });

  test('typing changes the Δ at once, without saving', async () => {
    const edit = new vscode.WorkspaceEdit();
    const at = doc.positionAt(doc.getText().indexOf('pub s: u64 }') + 'pub s: u64'.length);
    edit.insert(doc.uri, at, ', pub t: u8');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const got = await poll(() => diffLenses(doc), (m) => m.has('Same'), 30_000);
    assert.equal(got.get('Same'), 'Δ HEAD: 8 B → 16 B (+8) · padding +7');
  });

  test('“Off” in Compare with… removes them; HEAD brings them back', async () => {
    await vscode.commands.executeCommand('rustLayout.compareWith', '');
    const off = await poll(() => diffLenses(doc), (m) => m.size === 0, 30_000);
    assert.equal(off.size, 0);
    await vscode.commands.executeCommand('rustLayout.compareWith', 'HEAD');
    const on = await poll(() => diffLenses(doc), (m) => m.size > 0, 30_000);
    assert.ok(on.has('Header'));
  });
});
