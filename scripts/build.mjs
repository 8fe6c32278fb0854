// Builds every bundle with esbuild. `node scripts/build.mjs [--production] [--only=unit]`
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice(7);

// web-tree-sitter 0.27's ESM build crashes Parser.init() inside a CJS bundle: use its .cjs file.
const alias = { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs') };
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  keepNames: !!process.env.RLL_KEEPNAMES,
  external: ['vscode'],
  alias,
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
};

/** web-tree-sitter's `require("fs")` and `import("fs/promises")`, in code that runs in Node only: an empty module in the web bundle. */
const nodeBranchesOfWebTreeSitter = {
  name: 'node-branches-of-web-tree-sitter',
  setup(build) {
    build.onResolve({ filter: /^(fs|fs\/promises|module|path|url)$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'web-tree-sitter')}`) ? { path: args.path, namespace: 'empty-node-module' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'empty-node-module' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

function walk(dir, pred, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

const builds = [];
if (!only || only === 'main') {
  const entries = [
    ['src/extension.ts', 'dist/extension.js'],
    ['src/cli.ts', 'dist/cli.js'],
    ['src/platform/parseWorker.ts', 'dist/parseWorker.js'],
    ['test/bench/bench.ts', 'dist/bench.js'],
    ['src/platform/buildStdModel.ts', 'out/buildStdModel.js'],
  ].filter(([src]) => existsSync(join(root, src)));
  for (const [src, out] of entries) {
    builds.push(esbuild.build({ ...common, entryPoints: [join(root, src)], outfile: join(root, out) }));
  }
  // The web-worker extension host's bundle (vscode.dev, github.dev): the `browser` entry of
  // package.json. No Node built-in may reach it: esbuild fails on one, except for the
  // Node-only branches of web-tree-sitter's loader, which never run in a browser.
  builds.push(
    esbuild.build({
      ...common,
      platform: 'browser',
      target: 'es2022',
      entryPoints: [join(root, 'src/extension.web.ts')],
      outfile: join(root, 'dist/web/extension.js'),
      plugins: [nodeBranchesOfWebTreeSitter],
    }),
  );
  if (existsSync(join(root, 'src/webview/main.ts'))) {
    builds.push(
      esbuild.build({
        ...common,
        platform: 'browser',
        format: 'iife',
        external: [],
        entryPoints: [join(root, 'src/webview/main.ts')],
        outfile: join(root, 'dist/webview.js'),
      }),
    );
  }
}
if (!only || only === 'unit' || only === 'tests') {
  // Every test file is its own bundle under out/, so mocha can load them without a TS loader.
  // test/web runs in a web worker: one browser bundle of its own, below.
  const testFiles = walk(join(root, 'test'), (p) => p.endsWith('.ts') && !p.includes('/fixtures/') && !p.includes(`${join('test', 'web')}/`));
  if (testFiles.length) {
    builds.push(
      esbuild.build({
        ...common,
        // mocha stays a run-time require: the integration index loads it inside the extension
        // host from node_modules (bundling it breaks its dynamic file loading).
        external: ['vscode', 'mocha'],
        entryPoints: testFiles,
        outdir: join(root, 'out/test'),
        outbase: join(root, 'test'),
      }),
    );
  }
}
if ((!only || only === 'tests' || only === 'web') && existsSync(join(root, 'test/web/index.ts'))) {
  // The web-worker suite (scripts/run-web-tests.mjs): mocha's browser build bundled in.
  builds.push(
    esbuild.build({
      ...common,
      platform: 'browser',
      target: 'es2022',
      entryPoints: [join(root, 'test/web/index.ts')],
      outfile: join(root, 'out/test/web/index.js'),
    }),
  );
}
await Promise.all(builds);

if (!only || only === 'unit' || only === 'tests') {
  // Drop bundles whose source is gone, so a deleted or renamed test cannot keep running.
  for (const js of walk(join(root, 'out/test'), (p) => /\.js(\.map)?$/.test(p))) {
    const src = join(root, 'test', relative(join(root, 'out/test'), js)).replace(/\.js(\.map)?$/, '.ts');
    if (!existsSync(src)) rmSync(js, { force: true });
  }
}

mkdirSync(join(root, 'dist'), { recursive: true });
copyFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'), join(root, 'dist/web-tree-sitter.wasm'));
copyFileSync(join(root, 'node_modules/tree-sitter-rust/tree-sitter-rust.wasm'), join(root, 'dist/tree-sitter-rust.wasm'));
// The modelled std, parsed now rather than at every start-up (src/core/stdModel.ts).
if (!only || only === 'main') {
  const r = spawnSync(process.execPath, [join(root, 'out/buildStdModel.js'), join(root, 'dist')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('writing dist/std-model.json failed');
}
if (process.argv.includes('--verbose')) console.log('built', relative(process.cwd(), root) || '.');
