/**
 * Typing in a file of a crate, in the real extension host: after each edit the first hover
 * asked for must be the new text's number, never the previous version's. (A field widened in a
 * type that another one holds, the holder hovered at once: the in-crate bench once read the
 * old size there.) The crate is written at test time; its module files are small (the tree parsed
 * here), medium and large (the first model from the parse worker).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, hoverText, poll, positionOf, resetSetting, workspaceRoot } from './helpers';

const HEADER = ['/// The header.', 'pub struct Header {', '    pub kind: u16,', '    pub flags: u8,', '    pub len: u32,', '    pub offset: u64,', '}', ''];
const RECORD = ['/// Holds a header.', 'pub struct Record {', '    pub header: Header,', '    pub name: String,', '    pub parent: Option<Box<super::m1::Other>>,', '    pub x: u64,', '}', ''];

function moduleText(fillers: number): string {
  const out = ['//! A module of the generated crate.', ''];
  for (let i = 0; i < fillers; i++) out.push(`/// Filler ${i}.`, `pub struct Filler${i} { a: u8, b: u32, c: u16, d: [u8; ${i % 7}] }`, '');
  return [...out, ...HEADER, ...RECORD].join('\n');
}

suite('typing in a crate', () => {
  const root = () => vscode.Uri.joinPath(workspaceRoot(), 'typed_crate');

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    const w = (rel: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root(), rel), Buffer.from(text, 'utf8'));
    await w('Cargo.toml', '[package]\nname = "typed_crate"\nversion = "0.1.0"\nedition = "2021"\n');
    await w('src/lib.rs', 'pub mod g;\n');
    await w('src/g/mod.rs', 'pub mod m1;\npub mod small;\npub mod medium;\npub mod large;\n');
    await w('src/g/m1.rs', 'pub struct Other(pub u32);\n');
    await w('src/g/small.rs', moduleText(0));
    await w('src/g/medium.rs', moduleText(250));
    await w('src/g/large.rs', moduleText(600));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(root(), { recursive: true });
  });

  for (const name of ['small', 'medium', 'large']) {
    test(`${name} module file: a field widened, then the holder hovered at once, edit after edit`, async () => {
      const uri = vscode.Uri.joinPath(root(), 'src/g', `${name}.rs`);
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      assert.match(await hoverAt(doc, 'pub struct Record', 'Record', 30_000), /size 56 · align 8\b/);
      await new Promise((r) => setTimeout(r, 600));
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const [from, to] = i % 2 === 0 ? ['kind: u16', 'kind: u32'] : ['kind: u32', 'kind: u16'];
        const at = doc.getText().indexOf(from);
        assert.ok(at >= 0, from);
        assert.ok(await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to)));
        // At once, as a user's mouse would: no waiting for the analysis to settle.
        const text = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(doc, 'pub struct Record', 'Record'))) ?? []);
        const size = /size (\d+)/.exec(text)?.[1];
        seen.push(`${to}: ${size ?? text.slice(0, 80)}`);
        // A hover may say the crate is still being read; a number must be the right one.
        if (size !== undefined) assert.equal(size, to === 'kind: u32' ? '64' : '56', seen.join('\n'));
        await new Promise((r) => setTimeout(r, 30));
      }
      assert.ok(seen.filter((s) => /: \d+$/.test(s)).length >= 4, seen.join('\n'));
      const settled = await poll(() => hoverAt(doc, 'pub struct Record', 'Record'), (t) => /size 56\b/.test(t));
      assert.match(settled, /size 56 · align 8\b/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  }
});
