/**
 * Entry point that VS Code's web-worker extension host loads as `extensionTestsPath`
 * (scripts/run-web-tests.mjs, through @vscode/test-web). A web worker: no Node, no file system.
 * Runs the suites below with mocha's browser build (tdd UI) and rejects when a test fails or
 * when none ran. Ends with `N passed, M failed`, which the runner reads.
 */
import 'mocha/mocha.js';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(opts: { ui: string; reporter?: unknown; timeout: number; color?: boolean }): void;
  run(done: (failures: number) => void): { on(event: string, f: (...args: unknown[]) => void): void };
}

export function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: undefined, timeout: 60_000, color: false });
  // Loaded after setup: their suite() calls need mocha's globals.
  require('./web.test');
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run(() => {
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0) reject(new Error(`${failed} web test(s) failed`));
      else if (passed === 0) reject(new Error('no web test ran'));
      else resolve();
    });
    // mocha's spec reporter prints each test and the failures' stacks.
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}
