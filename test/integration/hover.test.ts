/**
 * Hover on a type's name, through the real hover pipeline (`vscode.executeHoverProvider`) on
 * test/fixtures/workspace. Expected numbers are rustc 1.95's for x86_64-unknown-linux-gnu.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, hoverText, openFixture, positionOf, resetSetting } from './helpers';

suite('hover', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await activateExtension();
    // The default target, whatever an earlier suite left behind.
    await resetSetting('target');
    doc = await openFixture('src/lib.rs');
  });

  test('Point { x: f64, y: f64 } is size 16, align 8', async () => {
    const text = await hoverAt(doc, 'struct Point', 'Point');
    assert.match(text, /\bPoint\b/);
    assert.match(text, /size 16\b/);
    assert.match(text, /align 8\b/);
  });

  test('Mixed { a: u8, b: u64, c: u16 } is size 16: rustc reorders the fields', async () => {
    const text = await hoverAt(doc, 'struct Mixed', 'Mixed');
    assert.match(text, /size 16\b/, `declaration-order padding would give 24; hover was:\n${text}`);
    assert.doesNotMatch(text, /size 24\b/);
  });

  test('repr(C) Padded { a: u8, b: u64, c: u16 } keeps declaration order: size 24, padding 13', async () => {
    const text = await hoverAt(doc, 'struct Padded', 'Padded');
    assert.match(text, /size 24 · align 8 · 13 B padding \(54%\)/);
  });

  test('a generic struct shows no numbers, only why its layout is unknown', async () => {
    const text = await hoverAt(doc, 'struct Wrapper', 'Wrapper');
    assert.match(text, /unknown/i);
    assert.doesNotMatch(text, /^\*\*Wrapper\*\* — size \d/);
    // The instances the whole crate holds: src/geometry.rs's Wrapped holds a Wrapper<u16> (rustc: 2 bytes).
    assert.match(text, /Instances in this crate:\n- `Wrapper<u16>` — size 2 · align 2 \(in `geometry::Wrapped`\)/);
  });

  test('a 2015-edition crate (no `edition` in Cargo.toml) resolves `use` paths from the crate root', async () => {
    // legacy/src/scene.rs: `use shapes::Size;` names the crate root's module only in 2015.
    const scene = await openFixture('legacy/src/scene.rs');
    const text = await hoverAt(scene, 'struct Sprite', 'Sprite');
    assert.match(text, /size 12 · align 4\b/, `rustc gives 12 bytes, align 4; hover was:\n${text}`);
    assert.match(text, /\bsize: Size\b/);
  });

  test('no layout hover on a word that is not a type name', async () => {
    // (A type written in a field, like `f64`, has its own hover: see surfaces.test.ts.)
    const pos = positionOf(doc, 'pub fn use_all', 'use_all').translate(0, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    assert.doesNotMatch(hoverText(hovers ?? []), /size \d+/);
  });
});
