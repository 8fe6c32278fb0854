// End-to-end UI checks: the real workbench of code-server in headless Debian Chromium.
//
//   node scripts/ui-check.mjs [--vsix FILE] [--folder DIR] [OUT_DIR]
//
// Without --vsix the extension is loaded from this folder as a development extension (URL
// payload); with --vsix it is installed by `code-server --install-extension` first, as a user
// would. Each check is a plain async function below; every check saves a PNG screenshot into
// OUT_DIR (default .test-output/screenshots/dev or .../vsix). Prints `N passed, N failed` and
// exits 0 only when every check passed (and at least one ran).
//
// Adding a check (CodeLens, quick fix, webview...): write `async function myCheck(ui)` that
// throws on failure, and add it to CHECKS. Only add checks for surfaces that exist.
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  ROOT,
  VERBOSE,
  ensureCodeServer,
  installVsix,
  launchBrowser,
  copyWorkspace,
  makeScratch,
  makeUi,
  parseArgs,
  say,
  startCodeServer,
  workbenchUrl,
} from './lib.mjs';
import { EDITOR_CHECKS } from './ui-editor-checks.mjs';
import { PANEL_CHECKS } from './ui-panel-checks.mjs';

// ---------------------------------------------------------------------------------------------
// Checks. Each gets the `ui` helper object (makeUi in lib.mjs) and throws an Error when it fails.

/** Hovering a struct's name shows its layout: "size N" from the engine, on the example crate. */
async function hoverOnStructName(ui) {
  await ui.openFile('src/lib.rs');
  const text = await ui.hoverWord('Point', { line: /struct\s+Point\b/ });
  await ui.screenshot('hover');
  if (!/\bPoint\b/.test(text) || !/size \d+/.test(text)) {
    throw new Error(`hover on Point does not show its size; hover text was: ${JSON.stringify(text)}`);
  }
  return text.split('\n')[0];
}

/** A repr(C) struct's hover shows its padding and the field table (rustc: 24 bytes, 13 padding). */
async function hoverShowsPadding(ui) {
  await ui.openFile('src/lib.rs');
  const text = await ui.hoverWord('Header', { line: /struct\s+Header\b/ });
  await ui.screenshot('hover-padding', { doc: true });
  if (!/size 24\b/.test(text) || !/13 B padding/.test(text)) {
    throw new Error(`hover on Header should show size 24 and padding 13; it was: ${JSON.stringify(text)}`);
  }
  return text.split('\n')[0];
}

const CHECKS = [hoverOnStructName, hoverShowsPadding, ...EDITOR_CHECKS, ...PANEL_CHECKS];

// ---------------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2), { options: ['vsix', 'folder'] });
  const vsix = args.vsix ? resolve(args.vsix) : undefined;
  const folder = resolve(args.folder ?? join(ROOT, 'examples'));
  const outDir = resolve(args._[0] ?? join(ROOT, '.test-output/screenshots', vsix ? 'vsix' : 'dev'));
  if (vsix && !existsSync(vsix)) throw new Error(`no such .vsix: ${vsix} (run \`npm run package\`)`);
  if (!vsix && !existsSync(join(ROOT, 'dist/extension.js'))) throw new Error('dist/extension.js missing: run `npm run build`');
  if (!existsSync(folder)) throw new Error(`workspace folder not found: ${folder}`);
  mkdirSync(outDir, { recursive: true });
  ensureCodeServer();

  const started = Date.now();
  const scratch = makeScratch('rll-ui-');
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  try {
    if (vsix) installVsix(scratch, vsix);
    server = await startCodeServer(scratch);
    browser = await launchBrowser(scratch);
    const page = browser.pages()[0] ?? (await browser.newPage());
    if (VERBOSE) page.on('console', (m) => console.log(`[browser] ${m.type()}: ${m.text()}`));
    // A copy: the checks type into its files, and the repository's examples must stay as committed.
    const workspace = copyWorkspace(scratch, folder, basename(folder), { asCloned: true });
    const url = workbenchUrl(server.origin, { folder: workspace, devPath: vsix ? undefined : ROOT });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 }).catch(() => {});
    const ui = makeUi(page, outDir);
    for (const check of CHECKS) {
      const t0 = Date.now();
      try {
        const note = await check(ui);
        passed++;
        console.log(`  ✔ ${check.name} (${Date.now() - t0} ms)${note ? `: ${note}` : ''}`);
      } catch (err) {
        failed++;
        console.log(`  ✘ ${check.name} (${Date.now() - t0} ms): ${err instanceof Error ? err.message : err}`);
        await ui.screenshot(`${check.name}-failure`).catch(() => {});
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    scratch.remove();
  }
  say(`UI checks (${vsix ? 'installed .vsix' : 'development folder'}) took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${outDir}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

let code;
try {
  code = await main();
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  console.log('0 passed, 1 failed');
  code = 1;
}
process.exit(code);
