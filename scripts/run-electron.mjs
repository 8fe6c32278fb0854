// `npm run test:electron`: the integration suite in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (not these offline ones: there the suite runs in
// code-server, see scripts/run-tests.mjs). Runs against the minimum supported version
// (engines.vscode) and stable, like rust-analyzer's runTests.ts.
//
//   node scripts/run-electron.mjs [--version 1.100.0|stable|all]
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, parseArgs, say } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), { options: ['version'] });
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const minVersion = pkg.engines.vscode.replace(/^\^/, '');
const versions = !args.version || args.version === 'all' ? [minVersion, 'stable'] : [args.version];

const { runTests } = await import('@vscode/test-electron');
let failed = 0;
for (const version of versions) {
  // Work on a copy of the fixture: the tests may write workspace settings.
  const dir = mkdtempSync(join(tmpdir(), 'rll-electron-'));
  const workspace = join(dir, 'workspace');
  cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  say(`VS Code ${version}`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'out/test/integration/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(dir, 'user-data')],
    });
  } catch (err) {
    failed++;
    console.error(`VS Code ${version}: ${err instanceof Error ? err.message : err}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);
