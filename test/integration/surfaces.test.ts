/**
 * The editor surfaces through VS Code's own command pipeline on test/fixtures/workspace (a Cargo
 * crate; `Vec3` lives in src/geometry.rs): hover formats, CodeLens titles, inlay hints,
 * diagnostics, and a second target. Expected numbers are rustc 1.95's (-Zprint-type-sizes).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, poll, positionOf, resetSetting, setSetting } from './helpers';

async function lensTitles(doc: vscode.TextDocument, predicate: (titles: string[]) => boolean = (t) => t.length > 0): Promise<vscode.CodeLens[]> {
  return poll(
    async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [],
    (ls) => predicate(ls.map((l) => l.command?.title ?? '')),
  );
}

function lensesAt(lenses: readonly vscode.CodeLens[], line: number): string[] {
  return lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '');
}

/** Line of the first attribute/doc-less line of the item: where the item (and its lenses) start. */
function itemLine(doc: vscode.TextDocument, anchor: string): number {
  return positionOf(doc, anchor, anchor).line;
}

function layoutDiagnostics(doc: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'rust-layout');
}

suite('editor surfaces', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    doc = await openFixture('src/lib.rs');
  });

  teardown(async () => {
    for (const k of ['target', 'inlayHints.enabled', 'codeLens.enabled', 'diagnostics.largeType', 'diagnostics.severity']) await resetSetting(k);
  });

  test('type hover: summary, memory-order table, cross-file field type, learn-more link', async () => {
    const text = await hoverAt(doc, 'pub struct Particle', 'Particle');
    assert.match(text, /\*\*Particle\*\* — size 24 · align 8 · 3 B padding \(13%\)/);
    // Memory order: id@0, pos@8 (Vec3 from geometry.rs: 12 bytes), alive@20, 3 bytes of padding.
    assert.match(text, / 0 +8 +id: u64\n +8 +12 +pos: Vec3\n +20 +1 +alive: bool\n +21 +3 +\(padding\)/);
    assert.match(text, /\]\(command:rustLayout\.openGuide\?%7B%22chapter%22%3A%22layout%22%2C%22section%22%3A%22reordering%22%7D/);
  });

  test('enum hover: tag, per-variant sizes and niche', async () => {
    const text = await hoverAt(doc, 'pub enum Message', 'Message');
    assert.match(text, /size 260 · align 4/);
    assert.match(text, /Tag: 1 byte at offset 0\./);
    assert.match(text, /Variants \(bytes used, tag included\): Quit 1 · Data 257 · Ping 8/);
  });

  test('heap notes for fields that own heap memory', async () => {
    // Compare the rendered text: drop markdown's backslash escapes.
    const text = (await hoverAt(doc, 'pub struct Owner', 'Owner')).replace(/\\([^\s\w])/g, '$1');
    assert.match(text, /size 56 · align 8 · no padding/);
    assert.match(text, /`items: Vec<u64>`: 24 B here \(pointer, capacity and length\); the buffer is on the heap\./);
    assert.match(text, /`next: Option<Box<Owner>>`: 8 B here \(a pointer\); the value is on the heap\. `None` is the null pointer/);
  });

  test('field hover: offset, size, align, padding after', async () => {
    const text = await hoverAt(doc, 'pub struct Particle', 'alive');
    assert.match(text, /\*\*alive\*\*: `bool` — offset 20 · size 1 · align 1 · then 3 bytes of padding/);
  });

  test('hover on a type written in a field: its layout and heap behaviour', async () => {
    const vec = await hoverAt(doc, 'items: Vec<u64>', 'Vec');
    assert.match(vec, /^`Vec<u64>` — size 24 · align 8/m);
    assert.match(vec, /the buffer is on the heap/);
    const cross = await hoverAt(doc, 'pos: Vec3', 'Vec3');
    assert.match(cross, /^`Vec3` — size 12 · align 4/m);
    const elem = await hoverAt(doc, 'Vec<u64>', 'u64');
    assert.match(elem, /^`u64` — size 8 · align 8/m);
  });

  test('CodeLens titles, the diagram command and the reorder lens', async () => {
    const lenses = await lensTitles(doc, (t) => t.some((x) => x.startsWith('reorder')));
    assert.deepEqual(lensesAt(lenses, itemLine(doc, '/// 16 bytes, align 8.')), ['16 B · align 8 · no padding']);
    assert.deepEqual(lensesAt(lenses, itemLine(doc, '/// Declaration order is kept')), ['24 B · align 8 · 13 B padding', 'reorder: save 8 B']);
    assert.deepEqual(lensesAt(lenses, itemLine(doc, '/// Layout depends on T')), ['size unknown: generic: needs type arguments']);
    const main = lenses.find((l) => l.command?.title === '16 B · align 8 · no padding');
    assert.strictEqual(main?.command?.command, 'rustLayout.showLayout');
    const args = main?.command?.arguments?.[0] as { uri: string; offset: number };
    assert.strictEqual(args.uri, doc.uri.toString());
    assert.strictEqual(doc.getText().slice(args.offset, args.offset + 5), 'Point');
    const reorder = lenses.find((l) => l.command?.title === 'reorder: save 8 B');
    assert.strictEqual(reorder?.command?.command, 'rustLayout.reorderFields');
  });

  test('rustLayout.codeLens.enabled = false removes the lenses', async () => {
    await lensTitles(doc);
    await setSetting('codeLens.enabled', false);
    const lenses = await poll(
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [],
      (ls) => !ls.some((l) => /\d+ B · align/.test(l.command?.title ?? '')),
    );
    assert.ok(!lenses.some((l) => /\d+ B · align/.test(l.command?.title ?? '')));
  });

  test('inlay hints: offset, size and padding at the end of each field line (off by default)', async () => {
    const padded = itemLine(doc, '#[repr(C)]\npub struct Padded');
    const range = new vscode.Range(padded, 0, padded + 2, 0);
    const off = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range)) ?? [];
    assert.ok(!off.some((h) => /@\d/.test(typeof h.label === 'string' ? h.label : '')), 'inlay hints are off by default');
    await setSetting('inlayHints.enabled', true);
    const hints = await poll(
      async () => (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range)) ?? [],
      (hs) => hs.length >= 3,
    );
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.deepEqual(labels, ['@0 · 1 B · +7 pad', '@8 · 8 B', '@16 · 2 B · +6 pad']);
    // `pub struct Padded { a: u8, b: u64, c: u16 }` is one line: each hint follows its field's comma.
    const line = doc.lineAt(padded + 1).text;
    assert.strictEqual(line.slice(0, hints[0]!.position.character), 'pub struct Padded { a: u8,');
  });

  test('diagnostics: avoidable repr(C) padding, large type, large enum variant', async () => {
    const diags = await poll(
      async () => layoutDiagnostics(doc),
      (ds) => ds.length >= 3,
    );
    const messages = diags.map((d) => `${typeof d.code === 'string' ? d.code : '?'}: ${d.message}`).sort();
    assert.deepEqual(messages, [
      'largeEnumVariant: The variant `Data` of `Message` is 257 bytes, 249 more than the next largest (`Ping`, 8 bytes): every `Message` takes 260 bytes. Consider boxing the large variant\'s data.',
      'largeType: `Message` is 260 bytes, larger than a 64-byte cache line.',
      'reprCPadding: `Padded` has 13 bytes of padding; ordering its fields by alignment would remove 8 (#[repr(C)] keeps the declared order).',
    ]);
    assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Information));
    const padded = diags.find((d) => d.code === 'reprCPadding')!;
    assert.strictEqual(doc.getText(padded.range), 'Padded');
    await setSetting('diagnostics.largeType', false);
    await setSetting('diagnostics.severity', 'warning');
    const after = await poll(
      async () => layoutDiagnostics(doc),
      (ds) => !ds.some((d) => d.code === 'largeType') && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Warning),
    );
    assert.deepEqual(after.map((d) => d.code).sort(), ['largeEnumVariant', 'reprCPadding']);
    assert.ok(after.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('no diagnostics for an item with a syntax error', async () => {
    const edit = new vscode.WorkspaceEdit();
    const original = doc.getText();
    const at = doc.positionAt(original.indexOf('Data([u8; 256])') + 'Data([u8; 256]'.length);
    edit.insert(doc.uri, at, ' +');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      // Settled: while the crate is analysed again the diagnostics may pass through a state
      // where neither is there yet.
      const ds = await poll(
        async () => layoutDiagnostics(doc),
        (d) => !d.some((x) => x.code === 'largeEnumVariant') && d.some((x) => x.code === 'reprCPadding'),
      );
      assert.ok(!ds.some((x) => x.code === 'largeEnumVariant'), 'a half-typed enum still has a diagnostic');
      assert.ok(ds.some((x) => x.code === 'reprCPadding'), 'the other items keep theirs');
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(back);
    }
  });

  test('an unsaved edit in another file of the crate changes the layouts here', async () => {
    const geo = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(doc.uri, '..', 'geometry.rs'));
    const original = geo.getText();
    const edit = new vscode.WorkspaceEdit();
    const at = original.indexOf('pub z: f32');
    assert.ok(at > 0);
    edit.replace(geo.uri, new vscode.Range(geo.positionAt(at), geo.positionAt(at + 'pub z: f32'.length)), 'pub z: f64');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      // Vec3 { f32, f32, f64 } is 16 bytes, align 8: Particle becomes id@0, pos@8, alive@24 → 32.
      const text = await poll(
        () => hoverAt(doc, 'pub struct Particle', 'Particle'),
        (t) => /size 32\b/.test(t),
      );
      assert.match(text, /size 32 · align 8 · 7 B padding \(22%\)/);
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(geo.uri, new vscode.Range(geo.positionAt(0), geo.positionAt(geo.getText().length)), original);
      await vscode.workspace.applyEdit(back);
    }
    const restored = await poll(
      () => hoverAt(doc, 'pub struct Particle', 'Particle'),
      (t) => /size 24\b/.test(t),
    );
    assert.match(restored, /size 24 · align 8/);
  });

  test('a document outside any crate is analysed alone', async () => {
    const loose = await vscode.workspace.openTextDocument({ language: 'rust', content: '#[repr(C)]\nstruct Loose { a: u8, b: u64 }\n' });
    const lenses = await lensTitles(loose);
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['16 B · align 8 · 7 B padding'],
    );
  });

  test("a generic type's lens and hover give the instances the file's types hold", async () => {
    const content = 'struct W<T> { a: T, b: u8 }\nstruct Holder { x: W<u32>, y: Option<W<u64>> }\nstruct Lone<T>(T);\ntype Small = W<u16>;\nstatic TABLE: [W<u8>; 4] = [W { a: 0, b: 0 }; 4];\n';
    const generic = await vscode.workspace.openTextDocument({ language: 'rust', content });
    const lenses = await lensTitles(generic, (t) => t.length === 3);
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['generic · W<u32> 8 B · W<u64> 16 B · +2 more', '32 B · align 8 · no padding', 'size unknown: generic: needs type arguments'],
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', generic.uri, new vscode.Position(0, 7));
    const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\([^\s\w])/g, '$1');
    assert.match(text, /Instances in this file:\n- `W<u32>` — size 8 · align 4 \(in `Holder`\)\n- `W<u64>` — size 16 · align 8 \(in `Holder`\)\n- `W<u16>` — size 4 · align 2 \(in `Small`\)\n- `W<u8>` — size 2 · align 1 \(in `TABLE`\)/);
    // An alias's and a static's names, and a type written in a static: their layouts (rustc: W<u16> 4 B, [W<u8>; 4] 8 B).
    const hoverText = async (line: number, character: number) => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', generic.uri, new vscode.Position(line, character));
      return (hs ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\([^\s\w])/g, '$1');
    };
    assert.match(await hoverText(3, 6), /^`type Small = W<u16>` — size 4 · align 2/);
    assert.match(await hoverText(4, 8), /^`static TABLE: \[W<u8>; 4\]` — size 8 · align 1/);
    assert.match(await hoverText(4, 15), /^`W<u8>` — size 2 · align 1/);
  });

  test('a second target: lenses and diagnostics follow rustLayout.target', async () => {
    await setSetting('target', 'i686-unknown-linux-gnu');
    // On i686, u64 is 4-aligned: Padded is a@0 b@4 c@12 → 16 bytes, 5 of padding; b, c, a → 12.
    const lenses = await lensTitles(doc, (t) => t.includes('16 B · align 4 · 5 B padding'));
    assert.deepEqual(lensesAt(lenses, itemLine(doc, '/// Declaration order is kept')), ['16 B · align 4 · 5 B padding', 'reorder: save 4 B']);
    const diags = await poll(
      async () => layoutDiagnostics(doc),
      (ds) => ds.some((d) => /remove 4\b/.test(d.message)),
    );
    assert.ok(diags.some((d) => d.message.includes('`Padded` has 5 bytes of padding; ordering its fields by alignment would remove 4')));
  });
});
