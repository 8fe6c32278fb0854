// Runs the integration suite (mocha) inside the real extension host of code-server.
//
//   node scripts/run-tests.mjs [--ext DIR] [--tests INDEX.js] [--folder WORKSPACE] [--timeout MS]
//
// The workbench gets extensionDevelopmentPath + extensionTestsPath through the URL payload;
// when the suite ends it calls window.codeAutomationExit(code), and the extension host's
// console reaches us through window.codeAutomationLog. Exit: 0 pass, 1 failure or runner
// error, 2 timeout. VERBOSE=1 shows server and browser logs; KEEP_TMP=1 keeps the scratch folder.
import { format } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ROOT,
  VERBOSE,
  copyWorkspace,
  ensureCodeServer,
  launchBrowser,
  makeScratch,
  parseArgs,
  say,
  startCodeServer,
  workbenchUrl,
} from './lib.mjs';

const args = parseArgs(process.argv.slice(2), { options: ['ext', 'tests', 'folder', 'timeout'] });
const ext = resolve(args.ext ?? ROOT);
const tests = resolve(args.tests ?? join(ROOT, 'out/test/integration/index.js'));
const folder = resolve(args.folder ?? join(ROOT, 'test/fixtures/workspace'));
// A hang detector: the cold-open suite alone takes 1-3 minutes on a loaded 2-core machine.
const timeoutMs = Number(args.timeout ?? 600_000);

async function main() {
  for (const [what, p] of [['extension', join(ext, 'package.json')], ['test index', tests], ['workspace', folder]]) {
    if (!existsSync(p)) {
      console.error(`${what} not found: ${p}${what === 'test index' ? ' (run `npm run build` first)' : ''}`);
      return 1;
    }
  }
  ensureCodeServer();
  const started = Date.now();
  const scratch = makeScratch('rll-it-');
  let server;
  let browser;
  try {
    const workspace = copyWorkspace(scratch, folder);
    server = await startCodeServer(scratch);
    browser = await launchBrowser(scratch);
    const page = browser.pages()[0] ?? (await browser.newPage());
    let finish;
    const exited = new Promise((res) => (finish = res));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      // The marketplace (open-vsx.org) is unreachable offline: harmless, and long.
      if (!VERBOSE && /ENOTFOUND open-vsx\.org/.test(line)) return;
      if (type === 'error') console.error(line);
      else console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    if (VERBOSE) page.on('console', (m) => console.log(`[browser] ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[browser] page error: ${e.message}`));
    const url = workbenchUrl(server.origin, { folder: workspace, devPath: ext, testsPath: tests });
    if (VERBOSE) say(`opening ${url}`);
    await page.goto(url);
    let timer;
    const timeout = new Promise((res) => {
      timer = setTimeout(() => res('timeout'), timeoutMs);
    });
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (result === 'timeout') {
      console.error(`integration tests did not finish within ${timeoutMs / 1000} s`);
      if (!VERBOSE) console.error(server.output().split('\n').slice(-30).join('\n'));
      return 2;
    }
    say(`integration run finished with exit code ${result} in ${secs} s`);
    return result === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    scratch.remove();
  }
}

let code;
try {
  code = await main();
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  code = 1;
}
process.exit(code);
