/**
 * The right target without asking, in the real extension host: a crate whose `.cargo/config.toml`
 * says `[build] target = ["thumbv7em-none-eabihf", …]` gets thumbv7em layouts on open, a crate
 * whose config names a custom target file (a copy of msp430-none-elf's spec) gets that target's,
 * other files the setting's or the host's; the status bar says where the target came from.
 * Numbers: rustc 1.95 (no_core) on thumbv7em and msp430.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, hoverAt, openFixture, resetSetting, setSetting, workspaceRoot } from './helpers';

type Api = { targetOf(uri: string): { triple: string; origin: string; file?: string; statusText: string; statusTooltip: string } };
const api = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as Api;

suite('targets from cargo config', () => {
  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
  });
  suiteTeardown(() => resetSetting('target'));

  test('a crate whose .cargo/config.toml names thumbv7em gets thumbv7em layouts on open', async () => {
    const doc = await openFixture('embedded/src/lib.rs');
    const h = await hoverAt(doc, 'pub struct Sample', 'Sample');
    assert.match(h, /size 24 · align 8\b/, h);
    const t = api().targetOf(doc.uri.toString());
    assert.equal(t.triple, 'thumbv7em-none-eabihf');
    assert.equal(t.origin, 'cargo-config');
    assert.equal(t.statusText, '$(symbol-ruler) thumbv7em');
    assert.match(t.statusTooltip, /thumbv7em-none-eabihf — from embedded\/\.cargo\/config\.toml \(\[build\] target\)/);
  });

  test('a custom target file named in the config is read', async () => {
    const doc = await openFixture('board/src/lib.rs');
    const h = await hoverAt(doc, 'pub struct Regs', 'Regs');
    assert.match(h, /size 8 · align 2\b/, h);
    assert.equal(api().targetOf(doc.uri.toString()).triple, 'my-board');
  });

  test('elsewhere: the setting when set, else the host; the config wins in its crate', async () => {
    const lib = await openFixture('src/lib.rs');
    let t = api().targetOf(lib.uri.toString());
    assert.equal(t.origin, 'host');
    assert.equal(t.triple, 'x86_64-unknown-linux-gnu');
    assert.match(t.statusTooltip, /the host’s own target/);
    await setSetting('target', 'i686-unknown-linux-gnu');
    t = api().targetOf(lib.uri.toString());
    assert.equal(t.triple, 'i686-unknown-linux-gnu');
    assert.equal(t.origin, 'setting');
    const emb = await openFixture('embedded/src/lib.rs');
    assert.equal(api().targetOf(emb.uri.toString()).triple, 'thumbv7em-none-eabihf');
  });

  test('a changed config is followed at once', async () => {
    await resetSetting('target');
    const cfg = path.join(workspaceRoot().fsPath, 'embedded/.cargo/config.toml');
    const before = fs.readFileSync(cfg, 'utf8');
    const doc = await openFixture('embedded/src/lib.rs');
    try {
      fs.writeFileSync(cfg, '[build]\ntarget = "x86_64-unknown-linux-gnu"\n');
      const deadline = Date.now() + 15_000;
      while (api().targetOf(doc.uri.toString()).triple !== 'x86_64-unknown-linux-gnu' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      assert.equal(api().targetOf(doc.uri.toString()).triple, 'x86_64-unknown-linux-gnu');
      const h = await hoverAt(doc, 'pub struct Sample', 'Sample');
      assert.match(h, /size 32 · align 16\b/, h);
    } finally {
      fs.writeFileSync(cfg, before);
    }
  });
});
