/**
 * Entry point that VS Code loads as `extensionTestsPath` (code-server through the URL payload,
 * or @vscode/test-electron). Runs every `*.test.js` beside this file with mocha (tdd UI) and
 * rejects when a test fails or when no test ran at all. The start-up tests run first. Ends with `N passed, N failed`.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/**
 * Tests of what the extension does at start, before any file is opened: they run first, since
 * every other suite opens files of the workspace (a file opened while its crate is still being
 * read ahead is parsed as the document's, which is right but not what these tests look at).
 */
const STARTUP_TESTS = ['readAhead.test.js'];

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.RLL_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => Number(STARTUP_TESTS.includes(b)) - Number(STARTUP_TESTS.includes(a)) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      console.log('0 passed, 0 failed');
      reject(new Error(`no *.test.js files in ${__dirname}`));
      return;
    }
    let passed = 0;
    let failed = 0;
    let pending = 0;
    try {
      const runner = mocha.run(() => {
        if (pending > 0) console.log(`${pending} pending (not counted as passed)`);
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else if (passed === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
      runner.on('pending', () => pending++);
    } catch (err) {
      console.error(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
