/**
 * Entry point that VS Code loads as `extensionTestsPath` (code-server through the URL payload,
 * or @vscode/test-electron). Runs every `*.test.js` beside this file with mocha (tdd UI) and
 * rejects when a test fails or when no test ran at all. Ends with `N passed, N failed`.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.RLL_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
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
