/**
 * Cargo's feature unification across a workspace, in the real extension host:
 * test/fixtures/workspace/wsfeat is a workspace whose member `a` enables `shared/wide` and whose
 * member `b` holds `shared::Cell`. rustc 1.95 (x86_64) gives b's `Holder` 16 B with
 * `cargo build -p b` and 24 B with `cargo build --workspace`: the editor shows neither as the
 * fact. `Plain` is 4 B either way and keeps its number.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, poll, resetSetting } from './helpers';

suite('workspace feature unification', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    doc = await openFixture('wsfeat/b/src/lib.rs');
  });

  test("a member's type whose layout another member's features change names both layouts; a type they do not change keeps its number", async () => {
    const want = /depends on which workspace members are built together: 16 B built alone \(`cargo build -p b`\), 24 B in a whole-workspace build \(`cargo build --workspace` or `cargo build` at the workspace root\), where `a` enables `shared\/wide`/;
    // The hover is markdown: its punctuation comes escaped.
    const plainText = (h: string) => h.replace(/\\(.)/g, '$1');
    const holder = plainText(
      await poll(
        () => hoverAt(doc, 'pub struct Holder', 'Holder'),
        (h) => want.test(plainText(h)),
        30_000,
      ),
    );
    assert.match(holder, want, holder);
    assert.doesNotMatch(holder, /size 16|size 24/, holder);
    const plain = await hoverAt(doc, 'pub struct Plain', 'Plain');
    assert.match(plain, /size 4 · align 4\b/, plain);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100)) ?? [];
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(!titles.some((t) => /^1[6] B|^24 B/.test(t)), JSON.stringify(titles));
  });
});
