/**
 * Types holding dependency types, in the real extension host: test/fixtures/workspace/deps/app
 * has a Cargo.lock, a `.cargo/config.toml` that replaces crates.io with a vendored directory
 * (`deps/vendor`) and a path dependency (`deps/pathdep`). Expected numbers: rustc 1.95 through
 * `cargo rustc --offline -- -Zprint-type-sizes` on the fixture (x86_64).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, poll, positionOf, hoverText, resetSetting, setSetting, workspaceRoot } from './helpers';

suite('dependencies', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    doc = await openFixture('deps/app/src/lib.rs');
  });

  test('every CodeLens of the file gets its number once the dependencies are read (none stays "being read")', async () => {
    // The first of the suite: the package's dependencies have not been read yet.
    const want = new Map([
      ['Holder', '40 B · align 8'],
      ['MaybeBytes', '32 B · align 8'],
      ['Pair', '64 B · align 8'],
      ['Smalls', '10 B · align 2'],
      ['MaybeHolder', '40 B · align 8'],
      ['ManyBytes', '24 B · align 8'],
    ]);
    const titles = async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
      const out = new Map<string, string>();
      for (const l of lenses) {
        // The lens sits on the item's first line (its doc comment): the name is a few lines on.
        let name: string | undefined;
        for (let k = l.range.start.line; k < Math.min(doc.lineCount, l.range.start.line + 6) && !name; k++) {
          name = /^\s*(?:pub\s+)?(?:struct|enum|union)\s+(\w+)/.exec(doc.lineAt(k).text)?.[1];
        }
        if (name && !out.has(name)) out.set(name, l.command?.title ?? '');
      }
      return out;
    };
    const all = await poll(titles, (t) => [...want].every(([n, w]) => t.get(n)?.startsWith(w)), 30_000);
    for (const [name, w] of want) assert.ok(all.get(name)?.startsWith(w), `${name}: ${all.get(name)} (want ${w})`);
  });

  test('a struct holding a vendored registry crate type and a path dependency type gets rustc\'s numbers', async () => {
    const holder = await hoverAt(doc, 'pub struct Holder', 'Holder');
    assert.match(holder, /size 40 · align 8\b/, holder);
    const maybe = await hoverAt(doc, 'pub struct MaybeBytes', 'MaybeBytes');
    assert.match(maybe, /size 32 · align 8\b/, maybe);
  });

  test('the hover of a field whose type comes from a dependency names the crate and its version', async () => {
    const field = await hoverAt(doc, 'data: Bytes', 'data');
    assert.match(field, /from `fakebytes 1\.0\.3`/, field);
    const ty = await hoverAt(doc, 'small: pathdep::Small', 'Small');
    assert.match(ty, /from `pathdep 0\.2\.0`/, ty);
    assert.match(ty, /size 4 · align 2\b/, ty);
  });

  test('with the dependency\'s source gone, the types holding it say it is not on disk (no number)', async () => {
    const vendored = vscode.Uri.joinPath(workspaceRoot(), 'deps/vendor/fakebytes');
    const away = vscode.Uri.joinPath(workspaceRoot(), 'deps/vendor-away');
    await vscode.workspace.fs.rename(vendored, away);
    try {
      const pos = positionOf(doc, 'pub struct Holder', 'Holder').translate(0, 1);
      const probe = async () => hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? []);
      const gone = await poll(probe, (t) => /not on disk/.test(t));
      // (Markdown escapes `.` and `(` in the hover text.)
      assert.match(gone, /`fakebytes` 1\\?\.0\\?\.3 is not on disk \\?\(run `cargo fetch`\\?\)/, gone);
      assert.doesNotMatch(gone, /size \d/);
    } finally {
      await vscode.workspace.fs.rename(away, vendored);
    }
    const back = await poll(
      async () => hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'pub struct Holder', 'Holder').translate(0, 1))) ?? []),
      (t) => /size 40/.test(t),
    );
    assert.match(back, /size 40 · align 8\b/);
  });

  test('an integration test (tests/*.rs) is a crate of its own with the package\'s library: its types holding the library\'s get numbers', async () => {
    const it = await openFixture('deps/app/tests/it.rs');
    const text = await poll(
      () => hoverAt(it, 'pub struct InTest', 'InTest'),
      (t) => /size \d/.test(t),
    );
    assert.match(text, /size 48 · align 8\b/, text);
  });

  test('an unsaved edit of the library shows in its integration test', async () => {
    const it = await openFixture('deps/app/tests/it.rs');
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('    flag: u8,');
    assert.ok(at > 0);
    edit.insert(doc.uri, doc.positionAt(at), '    extra: u64,\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      // Holder grows to 48: InTest becomes 56.
      const grown = await poll(() => hoverAt(it, 'pub struct InTest', 'InTest'), (t) => /size 56\b/.test(t));
      assert.match(grown, /size 56 · align 8\b/, grown);
    } finally {
      const back = new vscode.WorkspaceEdit();
      const from = doc.getText().indexOf('    extra: u64,\n');
      back.delete(doc.uri, new vscode.Range(doc.positionAt(from), doc.positionAt(from + '    extra: u64,\n'.length)));
      await vscode.workspace.applyEdit(back);
    }
    const again = await poll(() => hoverAt(it, 'pub struct InTest', 'InTest'), (t) => /size 48\b/.test(t));
    assert.match(again, /size 48 · align 8\b/, again);
  });

  test('rustLayout.cargo.features lays the package out with the features it names (cargo: Gated is 1 byte by default, 40 with `extra`)', async () => {
    const plain = await poll(() => hoverAt(doc, 'pub struct Gated', 'Gated'), (t) => /size \d/.test(t));
    assert.match(plain, /size 1 · align 1\b/, plain);
    await setSetting('cargo.features', ['extra']);
    try {
      const wide = await poll(() => hoverAt(doc, 'pub struct Gated', 'Gated'), (t) => /size 40\b/.test(t));
      assert.match(wide, /size 40 · align 8\b/, wide);
      // Without the defaults and without `extra`: back to 1 byte.
      await setSetting('cargo.noDefaultFeatures', true);
      await setSetting('cargo.features', []);
      const none = await poll(() => hoverAt(doc, 'pub struct Gated', 'Gated'), (t) => /size 1\b/.test(t));
      assert.match(none, /size 1 · align 1\b/, none);
    } finally {
      await resetSetting('cargo.features');
      await resetSetting('cargo.noDefaultFeatures');
    }
  });
});
