// UI checks of the Rust Layout panel (webview view), used by scripts/ui-check.mjs. Each check
// gets the `ui` helper object of ui-check.mjs and throws on failure. The webview's DOM lives two
// iframes deep: iframe.webview.ready > #active-frame.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const CHAPTER_TITLES = ['Memory layout and alignment', 'The allocator traits', 'Box', 'Vec', 'Stack and heap', 'What the optimizer removes', 'Companion examples', 'Collections on the heap'];

function panel(ui) {
  return ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** The playwright Frame of the panel's document (for evaluate). */
async function panelFrame(ui, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of ui.page.frames()) {
      if (await f.$('#diagram').catch(() => null)) return f;
    }
    await ui.page.waitForTimeout(200);
  }
  throw new Error('the panel frame (with #diagram) was not found');
}

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Clicks the quick-input row whose label is exactly `label`. */
async function pickRow(ui, label) {
  const row = ui.page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: ui.page.locator('.label-name', { hasText: exactly(label) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
}

/** Runs a command from the Command Palette by its title; `pick` then chooses a row of the next list. */
async function runCommand(ui, title, { pick } = {}) {
  const { page } = ui;
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await pickRow(ui, title);
  if (pick) {
    await page.waitForTimeout(300);
    await input.fill(pick);
    await pickRow(ui, pick);
  }
}

/** Puts the cursor on `word` in the first line of examples/src/lib.rs matching `line` (Go to Line, then Home + offset). */
async function gotoWord(ui, line, word) {
  const lines = readFileSync(join(ROOT, 'examples/src/lib.rs'), 'utf8').split('\n');
  const n = lines.findIndex((l) => line.test(l));
  if (n < 0) throw new Error(`no line ${line} in examples/src/lib.rs`);
  const col = lines[n].indexOf(word) + 1;
  await ui.page.keyboard.press('Escape');
  await ui.page.keyboard.press('Control+G');
  const input = ui.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${n + 1}:${col + 1}`);
  await ui.page.keyboard.press('Enter');
}

async function showLayoutTab(ui) {
  const p = panel(ui);
  await p.locator('#tab-layout').click();
  await p.locator('#panel-layout:not([hidden])').waitFor({ timeout: 5_000 });
}

async function diagramTitle(ui, expected, timeoutMs = 20_000) {
  const title = panel(ui).locator('#diagram .rll-diagram-title .rll-type-name');
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await title.textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
    if (last === expected) return last;
    await ui.page.waitForTimeout(200);
  }
  throw new Error(`the diagram shows ${JSON.stringify(last)}, expected ${expected}`);
}

/** "Rust Layout: Show Guide" opens the panel, which lists the eight chapters and renders one. */
export async function panelOpensFromCommand(ui) {
  await ui.openFile('src/lib.rs');
  await runCommand(ui, 'Rust Layout: Show Guide');
  const p = panel(ui);
  await p.locator('#chapters li').nth(CHAPTER_TITLES.length - 1).waitFor({ timeout: 30_000 });
  const titles = await p.locator('#chapters li').allInnerTexts();
  if (JSON.stringify(titles.map((t) => t.trim())) !== JSON.stringify(CHAPTER_TITLES)) {
    throw new Error(`the chapter list is ${JSON.stringify(titles)}`);
  }
  await p.locator('#chapter h1').first().waitFor({ timeout: 20_000 });
  // Numbers are filled in by the engine: no placeholder survives, and the Layout struct is 16 bytes.
  const text = await p.locator('#chapter').innerText();
  if (/\{\{|\{#/.test(text)) throw new Error('the chapter still shows {{placeholders}} or {#ids}');
  if ((await p.locator('#chapter .rll-value').count()) < 5) throw new Error('the chapter shows no computed values');
  await ui.screenshot('panel-guide', { doc: true });
  return `${titles.length} chapters; first chapter: ${(await p.locator('#chapter h1').first().innerText()).trim()}`;
}

/** A hover's "Learn more" command link opens the panel at the chapter section it names. */
export async function panelOpensFromHoverLink(ui) {
  const p = panel(ui);
  // Move the panel to another chapter first, so the link has to change it.
  await p.locator('#chapters button', { hasText: /^Vec$/ }).click();
  await p.locator('#chapter[data-chapter="vec"]').waitFor({ timeout: 15_000 });
  await ui.openFile('src/lib.rs');
  const link = ui.page.locator('.monaco-hover:not(.hidden) a[data-href*="rustLayout.openGuide"]').first();
  await ui.hoverWord('Header', { line: /struct\s+Header\b/, accept: (t) => /Learn more/i.test(t) || /guide/i.test(t) });
  await link.waitFor({ state: 'visible', timeout: 10_000 });
  const href = decodeURIComponent((await link.getAttribute('data-href')) ?? '');
  const args = JSON.parse(href.slice(href.indexOf('?') + 1));
  await link.click();
  await p.locator(`#chapter[data-chapter="${args.chapter}"]`).waitFor({ timeout: 15_000 });
  if (args.section) {
    const heading = p.locator(`#s-${args.section}`);
    await heading.waitFor({ timeout: 5_000 });
    if (!(await heading.evaluate((h) => h.ownerDocument.activeElement === h))) throw new Error(`section #${args.section} is not the focused heading`);
  }
  await ui.screenshot('panel-from-hover');
  return `opened ${args.chapter}#${args.section ?? ''}`;
}

/** The diagram follows the editor's cursor from one type to another; the grid is keyboard-navigable. */
export async function panelFollowsCursor(ui) {
  await ui.openFile('src/lib.rs');
  await showLayoutTab(ui);
  await ui.word('Point', { line: /struct\s+Point\b/ }).click();
  await diagramTitle(ui, 'Point');
  const p = panel(ui);
  const cells = p.locator('#diagram [role="gridcell"]');
  const pointCells = await cells.count();
  await ui.word('Header', { line: /struct\s+Header\b/ }).click();
  await diagramTitle(ui, 'Header');
  const headerCells = await cells.count();
  if (pointCells !== 16 || headerCells !== 24) throw new Error(`grid cells: Point ${pointCells} (want 16), Header ${headerCells} (want 24)`);
  if ((await p.locator('#diagram .rll-cell.k-padding').count()) !== 13) throw new Error('Header should show 13 hatched padding bytes');
  // Roving tabindex: the first cell is tabbable, arrows move focus and the live line follows.
  await cells.first().focus();
  await ui.page.keyboard.press('ArrowRight');
  const label = await p.locator('#diagram [role="gridcell"][tabindex="0"]').getAttribute('aria-label');
  if (!/^byte 1: padding/.test(label ?? '')) throw new Error(`after ArrowRight the focused cell is ${JSON.stringify(label)}`);
  await ui.page.keyboard.press('ArrowDown');
  const info = await p.locator('#diagram .rll-cell-info').innerText();
  if (!/byte 9: field length: u64, offset 8, size 8/.test(info)) throw new Error(`the info line says ${JSON.stringify(info)}`);
  // An enum: one row per variant, and the tag marked.
  await gotoWord(ui, /enum\s+Token\b/, 'Token');
  await diagramTitle(ui, 'Token');
  const rows = await p.locator('#diagram .rll-row-label').allInnerTexts();
  if (rows.join(',') !== 'Word,Number,End') throw new Error(`Token's variant rows are ${JSON.stringify(rows)}`);
  await ui.screenshot('panel-layout', { doc: true });
  return `Point (${pointCells} cells) → Header (${headerCells} cells) → Token (${rows.length} variant rows)`;
}

/** The collections chapter: its figures are numbers (not "unknown") and each ```heap-chart block is drawn. */
export async function panelCollectionsChapter(ui) {
  const p = panel(ui);
  await p.locator('#tab-guide').click();
  await p.locator('#chapters button', { hasText: /^Collections on the heap$/ }).click();
  const slots = p.locator('#chapter .rll-heapchart-slot');
  await slots.nth(3).locator('svg.rll-heap-svg').first().waitFor({ timeout: 15_000 });
  const charts = await slots.count();
  const drawn = await p.locator('#chapter .rll-heapchart-slot svg.rll-heap-svg').count();
  const unknown = await p.locator('#chapter .rll-unknown').count();
  const values = await p.locator('#chapter .rll-value').allInnerTexts();
  if (charts !== 4 || drawn !== 8) throw new Error(`${charts} chart slots with ${drawn} charts (want 4 with 8)`);
  if (unknown) throw new Error(`${unknown} figures say unknown in the collections chapter`);
  // The String section: 1,000 one-byte pushes → 8 calls, a 1,024-byte buffer.
  if (!values.includes('1,024') || !values.includes('8')) throw new Error(`values: ${JSON.stringify(values.slice(0, 12))}`);
  // B-tree figures are ranges.
  if (!values.some((v) => /^\d[\d,]*–\d[\d,]*$/.test(v))) throw new Error('no min–max range among the B-tree figures');
  return `${values.length} figures, ${charts} charts`;
}

/** The heap chart of the type under the cursor: step lines per collection, the N marker, the figures as text. */
export async function panelHeapChart(ui) {
  await ui.openFile('src/lib.rs');
  await showLayoutTab(ui);
  await gotoWord(ui, /struct\s+Inventory\b/, 'Inventory');
  await diagramTitle(ui, 'Inventory');
  const p = panel(ui);
  const chart = p.locator('#diagram .rll-heap');
  await chart.waitFor({ timeout: 15_000 });
  const svgs = await chart.locator('svg.rll-heap-svg').count();
  const lines = await chart.locator('svg.rll-heap-svg').first().locator('path.rll-heap-line').count();
  const legend = (await chart.locator('.rll-heap-legend li').allInnerTexts()).map((t) => t.trim());
  const figures = await chart.locator('.rll-heap-lines li').allInnerTexts();
  if (svgs !== 2) throw new Error(`${svgs} charts (want bytes and allocator calls)`);
  if (lines !== 3) throw new Error(`${lines} step lines in the bytes chart (want names, stock and their sum)`);
  if (legend.join('|') !== 'names (Vec<String>)|stock (HashMap<u32, u64>)|everything the type owns') throw new Error(`legend: ${JSON.stringify(legend)}`);
  // 1,024 × 24 B + 1,000 strings of 16 B (hover and test/unit/heapCost.test.ts agree).
  if (!/^names: Vec<String> with 1,000 elements: 40,576 B, 2,009 allocator calls; next growth at 1,025$/.test(figures[0] ?? '')) throw new Error(`figures: ${JSON.stringify(figures)}`);
  // The step line is drawn in the theme's chart colour, not black.
  const colour = await chart.locator('svg.rll-heap-svg').first().locator('g.rll-heap-s0 path.rll-heap-line').evaluate((e) => getComputedStyle(e).stroke);
  if (!colour || colour === 'none' || colour === 'rgb(0, 0, 0)') throw new Error(`series colour ${colour}`);
  await chart.scrollIntoViewIfNeeded();
  await ui.screenshot('panel-heap-chart', { doc: true });
  return `${legend.length} series, ${figures.length} figure lines, stroke ${colour}`;
}

/** The Vec chapter's growth simulator: element type and pushes in, RawVec's capacities out. */
export async function panelVecSimulator(ui) {
  const p = panel(ui);
  await p.locator('#tab-guide').click();
  await p.locator('#chapters button', { hasText: /^Vec$/ }).click();
  const sim = p.locator('#chapter .rll-vecsim');
  await sim.waitFor({ timeout: 15_000 });
  const summary = sim.locator('.rll-sim-summary');
  // It starts on the type under the editor's cursor (the panel followed one before); then 40 pushes of u64 → 4, 8, 16, 32, 64.
  await summary.waitFor({ timeout: 15_000 });
  const first = (await sim.locator('input[type="text"]').inputValue()).trim();
  // The panel showed a type of the example crate before: the simulator starts on it, not on the chapter's u64.
  if (!/^[A-Z]\w*$/.test(first)) throw new Error(`the simulator starts on ${JSON.stringify(first)}, not on the type under the cursor`);
  await sim.locator('input[type="text"]').fill('u64');
  await sim.locator('input[type="number"]').fill('40');
  await sim.locator('.rll-sim-summary', { hasText: /^u64: 8 bytes/ }).waitFor({ timeout: 10_000 });
  const seq = (await sim.locator('.rll-sim-seq').innerText()).trim();
  if (seq !== 'Capacities: 4 → 8 → 16 → 32 → 64') throw new Error(`u64 × 40: ${JSON.stringify(seq)}`);
  // A type the engine sizes (String: 24 bytes), 5 pushes → 4, 8; then a one-byte type → 8, 16, 32.
  await sim.locator('input[type="text"]').fill('String');
  await sim.locator('input[type="number"]').fill('5');
  await sim.locator('.rll-sim-summary', { hasText: /^String: 24 bytes/ }).waitFor({ timeout: 10_000 });
  const text = await summary.innerText();
  if (!/capacity 8\b/.test(text) || !/1 reallocation\b/.test(text) || !/at most 96\b/.test(text)) throw new Error(`String × 5: ${JSON.stringify(text)}`);
  await sim.locator('input[type="text"]').fill('u8');
  await sim.locator('input[type="number"]').fill('17');
  await sim.locator('.rll-sim-seq', { hasText: 'Capacities: 8 → 16 → 32' }).waitFor({ timeout: 10_000 });
  await sim.locator('input[type="text"]').fill('NoSuchType');
  await sim.locator('.rll-unknown', { hasText: /Element size unknown/ }).waitFor({ timeout: 10_000 });
  // A type of the open crate (examples/src/lib.rs), and the plural of push.
  await sim.locator('input[type="text"]').fill('Sprite');
  await sim.locator('input[type="number"]').fill('3');
  await sim.locator('.rll-sim-summary', { hasText: /^Sprite: 64 bytes, align 8\. After 3 pushes:/ }).waitFor({ timeout: 10_000 });
  await sim.locator('input[type="text"]').fill('u64');
  await sim.locator('input[type="number"]').fill('40');
  await sim.locator('.rll-sim-summary', { hasText: /^u64: 8 bytes/ }).waitFor({ timeout: 10_000 });
  await sim.locator('.rll-sim-out').scrollIntoViewIfNeeded();
  await ui.screenshot('panel-vec-simulator', { doc: true });
  return `${text.split('.')[0]}; started on ${first}`;
}

/** The companion examples: Run builds the first one with rustc and shows its output under the code. */
export async function panelRunsExample(ui) {
  const p = panel(ui);
  await p.locator('#tab-guide').click();
  await p.locator('#chapters button', { hasText: /^Companion examples$/ }).click();
  const run = p.locator('#chapter button.rll-run').first();
  await run.waitFor({ timeout: 15_000 });
  await run.click();
  const out = p.locator('#chapter pre.rll-run-output', { hasText: 'Option<Box<u64>>: 8 bytes' }).first();
  await out.waitFor({ timeout: 60_000 });
  const text = await out.innerText();
  if (!/^Box<u64>: +8 bytes$/m.test(text) || !/heap block of Box<\[u32\]> with 3 items: 12 bytes, align 4/.test(text)) throw new Error(`the example printed ${JSON.stringify(text)}`);
  await out.scrollIntoViewIfNeeded();
  await ui.screenshot('panel-run-example', { doc: true });
  return `${text.split('\n').length} lines of output`;
}

/** "Rust Layout: Verify with rustc" on the example crate: every type matches; rustc's report opens highlighted. */
export async function verifyWithRustc(ui) {
  await ui.openFile('src/lib.rs');
  await runCommand(ui, 'Rust Layout: Verify with rustc');
  const toast = ui.page.locator('.notification-toast', { hasText: /types checked against rustc/ });
  await toast.waitFor({ timeout: 120_000 });
  const text = (await toast.locator('.notification-list-item-message').innerText()).trim();
  if (!/^Rust Layout: \d+ types checked against rustc: all match/.test(text)) throw new Error(`verify said ${JSON.stringify(text)}`);
  await toast.getByRole('button', { name: /Show rustc/ }).click();
  try {
    const lines = ui.page.locator('.editor-instance .view-lines', { hasText: 'print-type-size type:' });
    await lines.waitFor({ timeout: 15_000 });
    // The grammar coloured it (tokenizing is asynchronous): type names, numbers and keywords differ.
    let colours = 0;
    for (let i = 0; i < 50 && colours < 3; i++) {
      colours = await lines.locator('span span').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
      if (colours < 3) await ui.page.waitForTimeout(200);
    }
    if (colours < 3) throw new Error(`the report shows ${colours} colours: not highlighted`);
    await ui.screenshot('verify-with-rustc', { doc: true });
  } finally {
    await runCommand(ui, 'View: Close Editor');
  }
  return text.replace(/^Rust Layout: /, '');
}

const THEMES = [
  // [label in the theme picker (setting value "Default <label>" for the Modern ones), body class, file]
  ['Light Modern', 'vscode-light', 'light'],
  ['Dark High Contrast', 'vscode-high-contrast', 'high-contrast'],
  ['Dark Modern', 'vscode-dark', 'dark'],
];

/** The panel follows the light, dark and high-contrast themes (body classes and --vscode-* colours). */
export async function panelThemes(ui) {
  await ui.openFile('src/lib.rs');
  await showLayoutTab(ui);
  await gotoWord(ui, /struct\s+Header\b/, 'Header');
  await diagramTitle(ui, 'Header');
  const frame = await panelFrame(ui);
  const seen = [];
  for (const [theme, bodyClass, slug] of THEMES) {
    await runCommand(ui, 'Preferences: Color Theme', { pick: theme });
    await frame.waitForFunction((c) => document.body.classList.contains(c), bodyClass, { timeout: 15_000 });
    const colours = await frame.evaluate(() => {
      const cs = (sel) => getComputedStyle(document.querySelector(sel));
      return { fg: cs('body').color, bg: cs('body').backgroundColor, field: cs('.rll-cell.k-field').backgroundColor };
    });
    if (colours.fg === colours.bg) throw new Error(`${theme}: text and background are the same colour`);
    if (!colours.field || colours.field === 'rgba(0, 0, 0, 0)') throw new Error(`${theme}: field cells have no colour`);
    seen.push(`${slug} ${colours.fg}/${colours.bg}`);
    await ui.screenshot(`panel-${slug}`, { doc: true });
  }
  return seen.join('; ');
}

/** A doc comment with HTML in it shows as text in the panel, no script runs, and the CSP is strict. */
export async function panelEscapesUserText(ui) {
  const { page } = ui;
  await runCommand(ui, 'File: New Untitled Text File');
  await page.locator('.editor-instance .monaco-editor textarea').first().waitFor({ state: 'attached', timeout: 10_000 });
  await runCommand(ui, 'Change Language Mode', { pick: 'Rust' });
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  const doc = '<img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>';
  await page.keyboard.insertText(`/// Evil ${doc}\npub struct Evil { a: u8, b: u32 }\n`);
  await page.keyboard.press('ArrowUp');
  await showLayoutTab(ui);
  await diagramTitle(ui, 'Evil', 30_000);
  const frame = await panelFrame(ui);
  const result = await frame.evaluate(() => {
    const d = document.querySelector('#diagram .rll-doc');
    return {
      text: d?.textContent ?? '',
      tags: d ? Array.from(d.querySelectorAll('*'), (e) => e.tagName.toLowerCase()) : [],
      pwned: window.__pwned,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      // VS Code's host injects one inline script of its own (acquireVsCodeApi); ours must all be nonce'd files.
      scripts: Array.from(document.scripts)
        .filter((s) => !(s.textContent ?? '').includes('acquireVsCodeApi'))
        .map((s) => ({ nonce: !!s.nonce, inline: !s.src })),
      // (VS Code sets the theme's --vscode-* variables in a style attribute of <html>, not in the body.)
      // (Empty style="" attributes are left by the test driver's input events.)
      styleAttrs: Array.from(document.querySelectorAll('body [style]:not([style=""]), body[style]:not([style=""])'), (e) => `${e.tagName}#${e.id}.${e.className}: ${e.getAttribute('style')}`),
    };
  });
  await ui.screenshot('panel-escaping');
  if (!result.text.includes(doc)) throw new Error(`the doc comment is not shown as text: ${JSON.stringify(result.text)}`);
  if (result.tags.some((t) => t !== 'p' && t !== 'code')) throw new Error(`the doc comment became markup: ${result.tags.join(',')}`);
  if (result.pwned !== undefined) throw new Error(`a script from the file ran (window.__pwned = ${result.pwned})`);
  if (/unsafe-inline|unsafe-eval/.test(result.csp) || !/default-src 'none'/.test(result.csp) || !/script-src 'nonce-[^']+'/.test(result.csp)) {
    throw new Error(`weak CSP: ${result.csp}`);
  }
  if (result.scripts.some((s) => s.inline || !s.nonce)) throw new Error(`inline or nonce-less script: ${JSON.stringify(result.scripts)}`);
  if (result.styleAttrs.length) throw new Error(`inline style attributes: ${result.styleAttrs.join('; ')}`);
  await runCommand(ui, 'View: Revert and Close Editor');
  return `doc comment shown as text; CSP: ${result.csp.replace(/vscode-[^ ;]+/g, '…')}`;
}

export const PANEL_CHECKS = [panelOpensFromCommand, panelOpensFromHoverLink, panelVecSimulator, panelRunsExample, verifyWithRustc, panelFollowsCursor, panelHeapChart, panelCollectionsChapter, panelThemes, panelEscapesUserText];
