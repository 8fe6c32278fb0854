/**
 * `extensionTestsPath` of the editor-against-CLI hunt (scripts/hunt-editor.mjs): runs the
 * `*.hunt.js` files beside this one with mocha inside the real extension host. Not part of
 * `npm test` (test/integration/index.js loads only its own folder; mocha's unit spec is
 * out/test/unit).
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 0, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.hunt.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} hunt test(s) failed`)) : resolve()));
    runner.on('fail', (t, err) => console.error(`FAIL ${t.fullTitle()}: ${String(err)}`));
  });
}
