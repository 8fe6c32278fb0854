// Hunt W: the editor's CodeLens titles and field hovers against the CLI's JSON, for a deterministic
// sample of Debian's registry crates. Not part of `npm test`.
//
//   node scripts/build.mjs && node scripts/hunt-editor.mjs [--crates N] [--variant outside|folder|multi] [--out DIR] [--only a,b] [--edit-every K]
//
//   outside  the files are opened from /usr/share/cargo/registry, outside the workspace folder
//            (the fixture workspace)
//   folder   each of the first crates is copied and opened as the workspace folder (one run each)
//   multi    the sampled crates are copied side by side into one workspace folder (each its own
//            package, found upwards from the file; the read-ahead of the workspace reads them)
//
// Runs `node dist/cli.js --json CRATE` (CARGO_HOME=/tmp/ch, Debian's registry as crates.io) for
// each crate first, writes the plan, runs test/hunt through scripts/run-tests.mjs and summarises
// the findings (OUT/findings.jsonl) by class.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, parseArgs } from './lib.mjs';

const REGISTRY = '/usr/share/cargo/registry';
const args = parseArgs(process.argv.slice(2), { options: ['crates', 'variant', 'out', 'only', 'edit-every', 'files', 'timeout'] });
const count = Number(args.crates ?? 120);
const variant = args.variant ?? 'outside';
const out = args.out ?? '/tmp/W-hunt';
const editEvery = Number(args['edit-every'] ?? 4);
const filesPerCrate = Number(args.files ?? 4);
const cargoHome = process.env.CARGO_HOME ?? '/tmp/ch';
mkdirSync(out, { recursive: true });

function walk(dir, acc = []) {
  if (!existsSync(dir)) return acc;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    const s = statSync(p);
    if (s.isDirectory()) walk(p, acc);
    else if (n.endsWith('.rs')) acc.push(p);
  }
  return acc;
}

let names = readdirSync(REGISTRY)
  .filter((n) => existsSync(join(REGISTRY, n, 'src/lib.rs')) && existsSync(join(REGISTRY, n, 'Cargo.toml')))
  .sort();
if (args.only) {
  const only = new Set(args.only.split(','));
  names = names.filter((n) => only.has(n) || only.has(n.replace(/-[\d.]+$/, '')));
} else {
  const step = Math.max(1, names.length / count);
  const picked = [];
  for (let i = 0; i < names.length && picked.length < count; i += step) picked.push(names[Math.floor(i)]);
  names = picked;
}

// pathdep: a workspace of two packages, app -> mylib (path) -> registry crates with features
// other than their defaults. A registry file opened then is laid out as app builds it: the
// oracle is the CLI on the crate with the features cargo resolves for that graph (cargo metadata).
const PATHDEP = {
  'log-0.4.17': ['--features', 'kv_unstable'],
  'regex-syntax-0.6.27': ['--no-default-features', '--features', 'unicode-perl'],
  'bytes-1.2.1': [],
  'indexmap-1.9.2': ['--no-default-features'],
  'hashbrown-0.12.3': ['--no-default-features', '--features', 'raw'],
};
if (variant === 'pathdep') names = Object.keys(PATHDEP);

const crates = [];
for (const [i, name] of names.entries()) {
  const dir = join(REGISTRY, name);
  const cache = join(out, 'cli', `${name}${variant === 'pathdep' ? '.pathdep' : ''}.json`);
  let json;
  if (existsSync(cache)) json = JSON.parse(readFileSync(cache, 'utf8'));
  else {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), '--json', ...(variant === 'pathdep' ? PATHDEP[name] : []), dir], { env: { ...process.env, CARGO_HOME: cargoHome }, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
    if (r.status !== 0 && !r.stdout) {
      console.error(`${name}: CLI failed (${r.status}): ${(r.stderr ?? '').slice(0, 200)}`);
      continue;
    }
    try {
      json = JSON.parse(r.stdout);
    } catch {
      console.error(`${name}: CLI output is not JSON`);
      continue;
    }
    mkdirSync(join(out, 'cli'), { recursive: true });
    writeFileSync(cache, JSON.stringify(json));
  }
  const byFile = new Map();
  for (const t of json.types) {
    if (!t.file || !t.line) continue;
    const f = t.file.startsWith('/') ? relative(dir, t.file) : t.file;
    if (f.startsWith('..')) continue; // a type from outside the crate (include!, path attributes)
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f).push({
      line: t.line,
      name: t.name,
      title: lensTitle(t),
      ...(t.instances ? { instances: t.instances.map((x) => ({ type: x.type, size: x.size, align: x.align })) } : {}),
      ...(t.kind === 'struct' && t.fields && t.size !== null ? { fields: t.fields.map((x) => ({ name: x.name, offset: x.offset, size: x.size })) } : {}),
    });
  }
  if (byFile.size === 0) continue;
  const files = [...byFile.keys()];
  const size = (f) => statSync(join(dir, f)).size;
  const chosen = [];
  const add = (f) => f && !chosen.includes(f) && chosen.length < filesPerCrate && chosen.push(f);
  add([...files].sort((a, b) => byFile.get(b).length - byFile.get(a).length || a.localeCompare(b))[0]); // most types
  add([...files].sort((a, b) => b.split('/').length - a.split('/').length || a.localeCompare(b))[0]); // deepest
  add([...files].sort((a, b) => size(b) - size(a) || a.localeCompare(b))[0]); // biggest
  // A .rs file of src/ with a type in it that the CLI lists nothing from (a cfg'd-out module, a
  // file of another target): what does the editor show there?
  const silent = walk(join(dir, 'src'))
    .map((p) => relative(dir, p))
    .filter((f) => !byFile.has(f) && /^\s*(pub(\([^)]*\))?\s+)?(struct|enum|union)\s+\w/m.test(readFileSync(join(dir, f), 'utf8')))
    .sort();
  if (silent.length && chosen.length < filesPerCrate) chosen.push(silent[i % silent.length]);
  add(files.sort()[i % files.length]);
  crates.push({
    crate: name,
    files: chosen.map((f, k) => ({ path: variant === 'outside' || variant === 'pathdep' ? join(dir, f) : `${variant === 'multi' ? name + '/' : ''}${f}`, types: byFile.get(f) ?? [], ...(k === 0 && i % editEvery === 0 ? { edit: true } : {}) })),
  });
}

/** src/features/layoutText.ts's lensTitle, on the CLI's JSON (kept in step by hand; the runner compares titles). */
function lensTitle(t) {
  if (t.error !== undefined) {
    const code = /^(E\d{4})/.exec(t.error)?.[1];
    const lint = /^([a-z][a-z0-9_]*):\s/.exec(t.error)?.[1];
    return code ? `error ${code}` : lint ? `error: ${lint} (a lint denied by default)` : `error: ${firstLine(t.error)}`;
  }
  if (t.size === null || t.unknown !== undefined) return `size unknown: ${firstLine(t.unknown ?? 'the layout could not be computed').replace(/`/g, '')}`;
  const parts = [`${t.size} B`];
  if (t.align !== undefined) parts.push(`align ${t.align}`);
  if (t.padding !== undefined) parts.push(t.padding > 0 ? `${t.padding} B padding` : 'no padding');
  return parts.join(' · ');
}
function firstLine(s) {
  const l = s.split('\n', 1)[0] ?? s;
  return l.length > 80 ? l.slice(0, 79) + '…' : l;
}

const findings = join(out, `findings-${variant}.jsonl`);
rmSync(findings, { force: true });
const nFiles = crates.reduce((n, c) => n + c.files.length, 0);
const nTypes = crates.reduce((n, c) => n + c.files.reduce((m, f) => m + f.types.length, 0), 0);
console.log(`${crates.length} crates, ${nFiles} files, ${nTypes} CLI types in them (${variant})`);

function run(planCrates, folder, inWorkspace, label) {
  const planFile = join(out, `plan-${label}.json`);
  writeFileSync(planFile, JSON.stringify({ variant: label, inWorkspace, crates: planCrates }));
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/run-tests.mjs'), '--tests', join(ROOT, 'out/test/hunt/index.js'), '--folder', folder, '--timeout', String(args.timeout ?? 5_400_000)], {
    env: { ...process.env, CARGO_HOME: cargoHome, RLL_HUNT_PLAN: planFile, RLL_HUNT_OUT: findings },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log(`${label}: run-tests exit ${r.status}`);
}

if (variant === 'outside') {
  run(crates, join(ROOT, 'test/fixtures/workspace'), false, 'outside');
} else if (variant === 'folder') {
  for (const c of crates) {
    const ws = join(out, 'ws', c.crate);
    rmSync(ws, { recursive: true, force: true });
    cpSync(join(REGISTRY, c.crate), ws, { recursive: true });
    run([c], ws, true, 'folder');
  }
} else if (variant === 'pathdep') {
  const ws = join(out, 'ws-pathdep');
  rmSync(ws, { recursive: true, force: true });
  const write = (f, text) => (mkdirSync(join(ws, f, '..'), { recursive: true }), writeFileSync(join(ws, f), text));
  write('app/Cargo.toml', '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nmylib = { path = "../mylib" }\n');
  write('app/src/lib.rs', 'pub struct AppThing {\n    pub a: mylib::Wrap,\n    pub flag: bool,\n}\n');
  write('mylib/Cargo.toml', '[package]\nname = "mylib"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nlog = { version = "0.4", features = ["kv_unstable"] }\nbytes = "1"\nindexmap = "1"\nregex-syntax = { version = "0.6", default-features = false, features = ["unicode-perl"] }\n');
  write('mylib/src/lib.rs', 'pub struct Wrap {\n    pub rec: log::Record<\'static>,\n    pub b: bytes::Bytes,\n    pub lvl: log::Level,\n    pub map: indexmap::IndexMap<u32, u64>,\n}\n');
  run(crates, ws, false, 'pathdep');
} else if (variant === 'multi') {
  const ws = join(out, 'ws-multi');
  rmSync(ws, { recursive: true, force: true });
  for (const c of crates) cpSync(join(REGISTRY, c.crate), join(ws, c.crate), { recursive: true });
  run(crates, ws, true, 'multi');
}

// Summary by class.
const rows = existsSync(findings) ? readFileSync(findings, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const tally = new Map();
for (const r of rows) {
  const k = `${r.kind}:${r.phase ?? ''}:${r.verdict}`;
  tally.set(k, (tally.get(k) ?? 0) + 1);
}
console.log([...tally].sort().map(([k, n]) => `${k.padEnd(40)} ${n}`).join('\n'));
for (const r of rows.filter((x) => !['agree', 'settled', 'generic-ok', 'info'].includes(x.verdict) && x.kind !== 'start').slice(0, 80)) {
  console.log(`${r.verdict.padEnd(18)} ${r.crate} ${r.file?.replace(REGISTRY + '/', '')}:${r.line ?? ''} ${r.name ?? r.type ?? ''}${r.field ? '.' + r.field : ''} ${r.step ?? ''}\n    editor: ${r.editor ?? ''}\n    cli:    ${r.cli ?? ''}${r.note ? '\n    note: ' + r.note : ''}${r.diff ? '\n    diff: ' + r.diff.join(' / ') : ''}`);
}
