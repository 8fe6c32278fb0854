// UI checks of the editor surfaces (CodeLens, quick-fix menu), used by scripts/ui-check.mjs on
// the example crate (examples/). Each check gets the `ui` helper object of ui-check.mjs, saves a
// screenshot and throws on failure. Nothing is applied or saved: the example files stay untouched
// (typingMovesLayouts types into the editor and undoes it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

/** Waits until some CodeLens on the page has text matching `re`; returns every lens text. */
async function lensTexts(ui, re, timeoutMs = 30_000) {
  const lenses = ui.page.locator('.contentWidgets .codelens-decoration');
  const deadline = Date.now() + timeoutMs;
  let texts = [];
  while (Date.now() < deadline) {
    texts = (await lenses.allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' ').trim());
    if (texts.some((t) => re.test(t))) return texts;
    await ui.page.waitForTimeout(250);
  }
  throw new Error(`no CodeLens matching ${re}; lenses were: ${JSON.stringify(texts)}`);
}

/** The CodeLens above `#[repr(C)] struct Header`: its layout and the reorder lens. */
async function codeLensAboveTypes(ui) {
  await ui.openFile('src/lib.rs');
  // Bring Header into view: the lenses are rendered for visible lines only.
  await ui.word('Header', { line: /struct\s+Header\b/ }).scrollIntoViewIfNeeded().catch(() => {});
  const texts = await lensTexts(ui, /24 B · align 8 · 13 B padding/);
  await ui.screenshot('codelens', { doc: true });
  const header = texts.find((t) => /24 B · align 8 · 13 B padding/.test(t));
  if (!/reorder: save 8 B/.test(header) && !texts.some((t) => /reorder: save 8 B/.test(t))) {
    throw new Error(`the repr(C) Header has no "reorder: save 8 B" lens; lenses: ${JSON.stringify(texts)}`);
  }
  // The target picker in the status bar.
  const status = ui.page.locator('.statusbar-item', { hasText: /x86_64/ }).first();
  await status.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
    throw new Error('no "x86_64" target item in the status bar');
  });
  return header;
}

/** A generic type's CodeLens and hover list the instances the file's types hold (rustc: Slot<u8> 2 B, Slot<u64> 16 B). */
async function genericInstances(ui) {
  await ui.openFile('src/lib.rs');
  // Slot sits at the end of the file: the editor renders (and asks lenses for) visible lines only.
  const lines = readFileSync(join(ROOT, 'examples/src/lib.rs'), 'utf8').split('\n');
  await ui.goToLine(lines.findIndex((l) => /struct Slots\b/.test(l)) + 1);
  try {
    const texts = await lensTexts(ui, /^generic · /);
    const lens = texts.find((t) => /^generic · /.test(t));
    if (lens !== 'generic · Slot<u8> 2 B · Slot<u64> 16 B') throw new Error(`the lens of Slot<T> is ${JSON.stringify(lens)}`);
    const text = await ui.hoverWord('Slot', { line: /struct\s+Slot\b/, accept: (t) => /Instances in this (file|crate)/.test(t) });
    await ui.screenshot('hover-generic', { doc: true });
    if (!/Slot<u8>\W+size 2 · align 1/.test(text) || !/Slot<u64>\W+size 16 · align 8/.test(text)) {
      throw new Error(`the hover of Slot<T> does not list its instances: ${JSON.stringify(text)}`);
    }
    return lens;
  } finally {
    // The next checks look for the types at the top of the file.
    await ui.page.mouse.move(5, 5);
    await ui.goToLine(1);
  }
}

/** Ctrl+. on a repr(C) struct with avoidable padding offers the reorder quick fix. */
async function quickFixMenu(ui) {
  await ui.openFile('src/lib.rs');
  const word = ui.word('Header', { line: /struct\s+Header\b/ });
  await word.waitFor({ state: 'visible', timeout: 15_000 });
  const rows = ui.page.locator('.action-widget .monaco-list-row');
  const deadline = Date.now() + 30_000;
  let titles = [];
  while (Date.now() < deadline) {
    await word.click();
    await ui.page.keyboard.press('Control+Period');
    try {
      await rows.first().waitFor({ state: 'visible', timeout: 3_000 });
      await ui.page.waitForTimeout(300);
      titles = (await rows.allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' ').trim());
      if (titles.some((t) => /Reorder fields to remove 8 bytes of padding/.test(t))) break;
    } catch {
      /* menu not shown yet (analysis still loading): retry */
    }
    await ui.page.keyboard.press('Escape');
    await ui.page.waitForTimeout(500);
  }
  await ui.screenshot('quickfix', { doc: true });
  await ui.page.keyboard.press('Escape');
  const fix = titles.find((t) => /Reorder fields to remove 8 bytes of padding/.test(t));
  if (!fix) throw new Error(`the quick-fix menu has no reorder action; rows: ${JSON.stringify(titles)}`);
  if (!/changes the C layout/.test(fix)) throw new Error(`the reorder action does not say it changes the C layout: ${fix}`);
  if (!titles.some((t) => /Pin this layout/.test(t))) throw new Error(`no "Pin this layout" action; rows: ${JSON.stringify(titles)}`);
  return fix;
}

/** Clicking the target in the status bar opens the quick pick of targets (nothing is chosen). */
async function targetPicker(ui) {
  await ui.openFile('src/lib.rs');
  const status = ui.page.locator('.statusbar-item', { hasText: /x86_64/ }).first();
  await status.waitFor({ state: 'visible', timeout: 15_000 });
  await status.click();
  const rows = ui.page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10_000 });
  await ui.page.waitForTimeout(200);
  const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  await ui.screenshot('target-picker');
  await ui.page.keyboard.press('Escape');
  if (!/^x86_64-unknown-linux-gnu/.test(titles[0] ?? '') || !titles.some((t) => t.startsWith('i686-unknown-linux-gnu'))) {
    throw new Error(`the target picker should list the current target first, then the others; rows: ${JSON.stringify(titles)}`);
  }
  return `${titles.length} targets`;
}

/**
 * Typing moves every type after the edit: the model and reports of the new version are shallow
 * copies placed on demand (src/core/positions.ts). After typing in a doc comment, a field's hover
 * further down must still find that field and show its numbers. The typing is undone.
 */
async function typingMovesLayouts(ui) {
  await ui.openFile('src/lib.rs');
  await ui.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await ui.page.keyboard.press('Control+Home');
  // Point's doc comment (after the crate's inner attributes, so only the items around it are
  // read again): one comment token, so click the line itself.
  const first = ui.page.locator('.view-line', { hasText: /^\/\/\/\s+Two\s+`f64`s/ }).first();
  await first.waitFor({ state: 'visible', timeout: 15_000 });
  await first.click();
  await ui.page.keyboard.press('End');
  await ui.page.keyboard.type(' typed', { delay: 30 });
  let text;
  try {
    const line = /^\s*length:\s+u64,/;
    text = (await ui.hoverWord('length', { line, accept: (t) => /offset \d+/.test(t) })).replace(/\u00a0/g, ' ');
    await ui.screenshot('typing-field-hover');
  } finally {
    await ui.page.keyboard.press('Escape');
    await first.click();
    for (let i = 0; i < 6; i++) await ui.page.keyboard.press('Control+Z');
  }
  const restored = (await first.innerText()).replace(/\u00a0/g, ' ');
  if (restored.includes(' typed')) throw new Error(`the typing was not undone: ${JSON.stringify(restored)}`);
  if (!/^length: u64 — offset 8 · size 8 · align 8/.test(text)) throw new Error(`after typing, the hover on Header.length says: ${JSON.stringify(text)}`);
  return text.split('\n')[0];
}

export const EDITOR_CHECKS = [codeLensAboveTypes, genericInstances, quickFixMenu, targetPicker, typingMovesLayouts];
