// Checks a packaged .vsix: size limit and contents (both .wasm files, the bundle, the manifest,
// nothing that should stay home). Reads the zip's central directory itself, no unzip needed.
//
//   node scripts/check-vsix.mjs [FILE.vsix]     (default: rust-layout-lens.vsix)
// Prints one line per check and `N passed, N failed`; exit 0 only when all pass.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './lib.mjs';

export const MAX_VSIX_BYTES = 3 * 1024 * 1024;

/** Entry names and uncompressed sizes from a zip's central directory. */
export function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt central directory');
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function main() {
  const file = resolve(process.argv[2] ?? join(ROOT, 'rust-layout-lens.vsix'));
  const results = [];
  const check = (name, ok, detail) => results.push({ name, ok, detail });
  const bytes = statSync(file).size;
  check(`size ${(bytes / 1024 / 1024).toFixed(2)} MB <= 3 MB`, bytes <= MAX_VSIX_BYTES, `${bytes} bytes`);
  const entries = zipEntries(readFileSync(file));
  const names = new Set(entries.map((e) => e.name));
  for (const must of [
    'extension/package.json',
    'extension/dist/extension.js',
    'extension/dist/web/extension.js',
    'extension/dist/parseWorker.js',
    'extension/dist/cli.js',
    'extension/dist/std-model.json',
    'extension/syntaxes/rust-type-sizes.tmLanguage.json',
    'extension/dist/web-tree-sitter.wasm',
    'extension/dist/tree-sitter-rust.wasm',
    'extension/LICENSE.txt',
    'extension/readme.md',
  ]) {
    const alt = must === 'extension/LICENSE.txt' ? ['extension/LICENSE', 'extension/LICENSE.txt'] : must === 'extension/readme.md' ? ['extension/readme.md', 'extension/README.md'] : [must];
    check(`contains ${must.replace('extension/', '')}`, alt.some((a) => names.has(a)));
  }
  const stray = entries.filter((e) => /^extension\/(node_modules|src|test|out|scripts|examples|\.ci)\//.test(e.name) || e.name.endsWith('.map') || e.name.endsWith('.ts'));
  check('ships no sources, tests, maps or node_modules', stray.length === 0, stray.slice(0, 5).map((e) => e.name).join(', '));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  check('the bundle is the manifest main', names.has(`extension/${pkg.main.replace(/^\.\//, '')}`));
  check('the web bundle is the manifest browser entry', typeof pkg.browser === 'string' && names.has(`extension/${pkg.browser.replace(/^\.\//, '')}`));
  let passed = 0;
  for (const r of results) {
    console.log(`  ${r.ok ? '✔' : '✘'} ${r.name}${!r.ok && r.detail ? ` (${r.detail})` : ''}`);
    if (r.ok) passed++;
  }
  console.log(`${file}: ${entries.length} files, ${bytes} bytes`);
  console.log(`${passed} passed, ${results.length - passed} failed`);
  return passed === results.length ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
