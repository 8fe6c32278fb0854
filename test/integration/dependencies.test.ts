/**
 * Types holding dependency types, in the real extension host: test/fixtures/workspace/deps/app
 * has a Cargo.lock, a `.cargo/config.toml` that replaces crates.io with a vendored directory
 * (`deps/vendor`) and a path dependency (`deps/pathdep`). Expected numbers: rustc 1.95 through
 * `cargo rustc --offline -- -Zprint-type-sizes` on the fixture (x86_64).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, poll, positionOf, hoverText, resetSetting, setSetting, workspaceRoot } from './helpers';

/** The CodeLens titles of `d`'s types, by type name (the lens sits on the item's first line, its doc comment). */
async function lensTitles(d: vscode.TextDocument): Promise<Map<string, string>> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', d.uri, 100)) ?? [];
  const out = new Map<string, string>();
  for (const l of lenses) {
    let name: string | undefined;
    for (let k = l.range.start.line; k < Math.min(d.lineCount, l.range.start.line + 6) && !name; k++) {
      name = /^\s*(?:pub\s+)?(?:struct|enum|union)\s+(\w+)/.exec(d.lineAt(k).text)?.[1];
    }
    if (name && !out.has(name)) out.set(name, l.command?.title ?? '');
  }
  return out;
}

/** Asserts every lens of `want` starts with its expected title, printing all of them when one does not. */
function assertTitles(got: Map<string, string>, want: ReadonlyMap<string, string>, when: string): void {
  for (const [name, w] of want) assert.ok(got.get(name)?.startsWith(w), `${when}: ${name} is "${got.get(name)}", want "${w}" (all: ${JSON.stringify([...got])})`);
}

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
    const all = await poll(() => lensTitles(doc), (t) => [...want].every(([n, w]) => t.get(n)?.startsWith(w)), 30_000);
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

  test('a dependency\'s own file is laid out as the workspace builds it: its features from the package that depends on it, not its defaults', async () => {
    // deps_app asks fakebytes for `shared`, which adds a field: 32 bytes in that build (rustc
    // 1.95), 24 as fakebytes builds alone with its default features.
    await lensTitles(doc);
    const dep = await openFixture('deps/vendor/fakebytes/src/lib.rs');
    const titles = await poll(() => lensTitles(dep), (t) => /^\d+ B/.test(t.get('Bytes') ?? ''), 30_000);
    assertTitles(titles, new Map([['Bytes', '32 B · align 8'], ['Vtable', '8 B · align 8']]), 'fakebytes as deps_app builds it');
    const hover = await hoverAt(dep, 'pub struct Bytes', 'Bytes');
    assert.match(hover, /size 32 · align 8\b/, hover);
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
      // Every lens of the test file at once (rustc 1.95 on the edited fixture): none carried over
      // from before the edit (the test crate's own files did not change, its library did).
      assertTitles(
        await lensTitles(it),
        new Map([
          ['InTest', '56 B · align 8'],
          ['TwoSmalls', '20 B · align 2'],
          ['WithPair', '72 B · align 8'],
          ['MaybeHeld', '56 B · align 8'],
          ['Holders', '96 B · align 8'],
        ]),
        'after the library\'s edit',
      );
    } finally {
      const back = new vscode.WorkspaceEdit();
      const from = doc.getText().indexOf('    extra: u64,\n');
      back.delete(doc.uri, new vscode.Range(doc.positionAt(from), doc.positionAt(from + '    extra: u64,\n'.length)));
      await vscode.workspace.applyEdit(back);
    }
    const again = await poll(() => hoverAt(it, 'pub struct InTest', 'InTest'), (t) => /size 48\b/.test(t));
    assert.match(again, /size 48 · align 8\b/, again);
  });

  test('an unsaved edit of the path dependency\'s open file shows in the package\'s types, every lens at once', async () => {
    const dep = await openFixture('deps/pathdep/src/lib.rs');
    const field = '    pub b: u8,\n';
    const edit = new vscode.WorkspaceEdit();
    const at = dep.getText().indexOf(field);
    assert.ok(at > 0);
    edit.insert(dep.uri, dep.positionAt(at + field.length), '    pub c: u32,\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      // Small grows to 8 (align 4): rustc 1.95 on the edited fixture.
      const grown = await poll(() => hoverAt(doc, 'pub struct Smalls', 'Smalls'), (t) => /size 20\b/.test(t));
      assert.match(grown, /size 20 · align 4\b/, grown);
      assertTitles(
        await lensTitles(doc),
        new Map([
          ['Holder', '48 B · align 8'],
          ['Pair', '64 B · align 8'],
          ['Smalls', '20 B · align 4'],
          ['MaybeHolder', '48 B · align 8'],
        ]),
        'after the dependency\'s edit',
      );
    } finally {
      const back = new vscode.WorkspaceEdit();
      const from = dep.getText().indexOf('    pub c: u32,\n');
      back.delete(dep.uri, new vscode.Range(dep.positionAt(from), dep.positionAt(from + '    pub c: u32,\n'.length)));
      await vscode.workspace.applyEdit(back);
    }
    const again = await poll(() => hoverAt(doc, 'pub struct Smalls', 'Smalls'), (t) => /size 10\b/.test(t));
    assert.match(again, /size 10 · align 2\b/, again);
  });

  test('with the path dependency\'s folder moved away (one event), no type holding it keeps a number', async () => {
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'deps/pathdep');
    const away = vscode.Uri.joinPath(workspaceRoot(), 'deps/pathdep-away');
    const before = await poll(() => lensTitles(doc), (t) => !!t.get('Smalls')?.startsWith('10 B'));
    assert.ok(before.get('Smalls')?.startsWith('10 B'), JSON.stringify([...before]));
    await vscode.workspace.fs.rename(dir, away);
    try {
      const numbered = /^\d+ B\b/;
      // (Pair, which holds only the vendored crate's types, may say "being read" while the new graph reads it.)
      const gone = await poll(() => lensTitles(doc), (t) => ['Holder', 'Smalls', 'MaybeHolder'].every((n) => t.has(n) && !numbered.test(t.get(n)!)) && numbered.test(t.get('Pair') ?? ''), 30_000);
      for (const n of ['Holder', 'Smalls', 'MaybeHolder']) assert.doesNotMatch(gone.get(n) ?? '', numbered, `${n}: ${gone.get(n)}`);
      assert.ok(gone.get('Pair')?.startsWith('64 B · align 8'), `Pair: ${gone.get('Pair')}`);
    } finally {
      await vscode.workspace.fs.rename(away, dir);
    }
    const back = await poll(() => lensTitles(doc), (t) => !!t.get('Smalls')?.startsWith('10 B'), 30_000);
    assert.ok(back.get('Smalls')?.startsWith('10 B · align 2'), `Smalls: ${back.get('Smalls')}`);
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
  test('a registry crate opened from outside the workspace builds alone, not as another outside crate opened before builds it (hunt W)', async () => {
    // Outside the workspace folder: `outer` asks the vendored `ybig` for no default features
    // (Y is 1 byte then); `ybig` alone has `big` by default: Y { a: u8, b: u64 } is 16 bytes
    // (rustc 1.95). Opening `outer` first made a graph that reaches ybig; ybig's own file was then
    // laid out as outer builds it (1 B), though outer is no workspace package.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rll-outside-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('.cargo/config.toml', '[source.crates-io]\nreplace-with = "vendored"\n\n[source.vendored]\ndirectory = "vendor"\n');
    write('vendor/ybig/Cargo.toml', '[package]\nname = "ybig"\nversion = "1.0.0"\nedition = "2021"\n\n[features]\ndefault = ["big"]\nbig = []\n');
    write('vendor/ybig/.cargo-checksum.json', '{"files":{},"package":null}');
    write('vendor/ybig/src/lib.rs', 'pub struct Y {\n    pub a: u8,\n    #[cfg(feature = "big")]\n    pub b: u64,\n}\n');
    write('outer/Cargo.toml', '[package]\nname = "outer"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nybig = { version = "1", default-features = false }\n');
    write('outer/src/lib.rs', 'pub struct Outer {\n    pub y: ybig::Y,\n}\n');
    try {
      const outer = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, 'outer/src/lib.rs')));
      await vscode.window.showTextDocument(outer);
      const o = await poll(() => lensTitles(outer), (t) => /^\d+ B/.test(t.get('Outer') ?? ''), 30_000);
      assert.ok(o.get('Outer')?.startsWith('1 B · align 1'), `Outer: ${o.get('Outer')}`);
      const ybig = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, 'vendor/ybig/src/lib.rs')));
      await vscode.window.showTextDocument(ybig);
      const y = await poll(() => lensTitles(ybig), (t) => /^\d+ B/.test(t.get('Y') ?? ''), 30_000);
      assert.ok(y.get('Y')?.startsWith('16 B · align 8'), `Y: ${y.get('Y')} (want 16 B, as ybig builds alone)`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  test('a crate opened from outside the workspace reads its include!("x.rs") files, as the command line does (hunt W)', async () => {
    // unicode-linebreak's `include!("shared.rs")`, cssparser's tokenizer through OUT_DIR: the
    // types they define, and the types holding them, had no number in the editor (rustc 1.95:
    // Shared is 8 bytes, align 4; Holder 12, align 4).
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rll-include-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('inc/Cargo.toml', '[package]\nname = "inc"\nversion = "0.1.0"\nedition = "2021"\n');
    write('inc/src/shared.rs', 'pub struct Shared {\n    pub a: u32,\n    pub b: u8,\n}\n');
    write('inc/src/lib.rs', 'pub struct Holder {\n    pub s: Shared,\n    pub c: u16,\n}\n\n// The included file\'s items are placed here.\n\n\n\n\n\ninclude!("shared.rs");\n');
    try {
      const lib = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, 'inc/src/lib.rs')));
      await vscode.window.showTextDocument(lib);
      const t = await poll(() => lensTitles(lib), (x) => /^\d+ B/.test(x.get('Holder') ?? ''), 30_000);
      assert.ok(t.get('Holder')?.startsWith('12 B · align 4'), `Holder: ${t.get('Holder')}`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
