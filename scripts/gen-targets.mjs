#!/usr/bin/env node
/**
 * Regenerates src/core/targetTable.json: the facts the layout rules read for every built-in
 * target of the installed rustc, taken from rustc itself.
 *
 *   RUSTC_BOOTSTRAP=1 rustc -Z unstable-options --print all-target-specs-json (one run; a target
 *   given a CPU below: --print target-spec-json --target T -C target-cpu=…)
 *     → data layout, pointer width, c-enum-min-bits, C int width, max-atomic-width, endianness, description,
 *       tier, whether std is available;
 *   rustc --print cfg --target T
 *     → the `#[cfg]` names and key-value pairs (target_os, target_env, target_feature…).
 *
 * Also writes docs/targets.md (every target with its facts) and the list between the
 * `targets:begin` / `targets:end` markers in README.md.
 *
 * Usage: node scripts/gen-targets.mjs [--check]
 *   --check  exit 1 when the committed table (or the lists made from it) differs from what this
 *            rustc prints (nothing written).
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { availableParallelism, homedir } from 'node:os';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src', 'core', 'targetTable.json');
const DOC = join(ROOT, 'docs', 'targets.md');
const README = join(ROOT, 'README.md');
const BEGIN = '<!-- targets:begin (written by scripts/gen-targets.mjs) -->';
const END = '<!-- targets:end -->';
const env = { ...process.env, RUSTC_BOOTSTRAP: '1' };
// Without RUSTC_BOOTSTRAP, `--print cfg` lists the cfgs stable code sees (not `ub_checks`,
// `target_has_atomic_load_store`, … which need a nightly feature to be tested).
const plainEnv = { ...process.env };
delete plainEnv.RUSTC_BOOTSTRAP;

/** Targets that need a CPU named before rustc will say anything about them. */
const TARGET_CPU = { 'avr-none': 'atmega328p' };

function rustc(args, stable = false) {
  return execFileSync('rustc', args, { env: stable ? plainEnv : env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const version = rustc(['--version']).trim();
const triples = rustc(['--print', 'target-list']).split('\n').map((s) => s.trim()).filter(Boolean).sort();
const run = promisify(execFile);
const allSpecs = JSON.parse(rustc(['-Z', 'unstable-options', '--print', 'all-target-specs-json']));
/** The same as `rustc`, without waiting: ~320 short rustc runs, a few at a time. */
async function rustcAsync(args, stable = false) {
  return (await run('rustc', args, { env: stable ? plainEnv : env, encoding: 'utf8', maxBuffer: 1 << 26 })).stdout;
}
async function describeTarget(triple) {
  const cpu = TARGET_CPU[triple] ? ['-C', `target-cpu=${TARGET_CPU[triple]}`] : [];
  // Every spec comes from one run (`all-target-specs-json`), but a target built for a chosen CPU.
  const [spec, cfgText] = await Promise.all([
    cpu.length ? rustcAsync(['-Z', 'unstable-options', '--print', 'target-spec-json', '--target', triple, ...cpu]).then(JSON.parse) : allSpecs[triple],
    rustcAsync(['--print', 'cfg', '--target', triple, ...cpu], true),
  ]);
  if (!spec) throw new Error(`${triple}: not in rustc --print all-target-specs-json`);
  const cfg = cfgText.split('\n').map((s) => s.trim()).filter(Boolean);
  const entry = {
    description: spec.metadata?.description ?? null,
    tier: spec.metadata?.tier ?? null,
    std: spec.metadata?.std ?? null,
    dataLayout: spec['data-layout'],
    pointerWidth: Number(spec['target-pointer-width']),
    endian: spec['target-endian'] ?? 'little',
  };
  if (spec['c-enum-min-bits'] !== undefined) entry.cEnumMinBits = Number(spec['c-enum-min-bits']);
  if (spec['target-c-int-width'] !== undefined) entry.cIntWidth = Number(spec['target-c-int-width']);
  if (spec['max-atomic-width'] !== undefined) entry.maxAtomicWidth = Number(spec['max-atomic-width']);
  if (TARGET_CPU[triple]) entry.targetCpu = TARGET_CPU[triple];
  entry.cfg = cfg.join(' ');
  return entry;
}
// With --check, what this very compiler printed before is kept (as the tests keep rustc's other
// answers: test/oracle/rustcCache.ts), keyed by `rustc -vV` and the CPUs named above;
// RLL_RUSTC_CACHE=0 asks it every time.
const answers = process.argv.includes('--check') && process.env.RLL_RUSTC_CACHE !== '0' ? join(process.env.RLL_CACHE ?? join(homedir(), '.cache', 'rust-layout-lens'), 'rustc-answers') : undefined;
const answerFile = answers && join(answers, `targets-${createHash('sha256').update(JSON.stringify([rustc(['-vV']), TARGET_CPU, triples])).digest('hex').slice(0, 32)}.json`);
let described;
try {
  described = answerFile && JSON.parse(readFileSync(answerFile, 'utf8'));
} catch {
  described = undefined;
}
if (!Array.isArray(described) || described.length !== triples.length) {
  described = new Array(triples.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(2, availableParallelism()) }, async () => {
      while (next < triples.length) {
        const i = next++;
        described[i] = await describeTarget(triples[i]);
      }
    }),
  );
  if (answerFile) {
    try {
      mkdirSync(answers, { recursive: true });
      writeFileSync(`${answerFile}.${process.pid}.tmp`, JSON.stringify(described));
      renameSync(`${answerFile}.${process.pid}.tmp`, answerFile);
    } catch {
      // A read-only cache folder: asked again next time.
    }
  }
}
// Keys in the sorted order, whatever order the runs finished in.
const targets = Object.fromEntries(triples.map((t, i) => [t, described[i]]));

const text = `${JSON.stringify({ rustc: version, generatedBy: 'scripts/gen-targets.mjs', targets }).replace(/,"(?=[a-z0-9_.-]+":\{)/g, ',\n"')}\n`;

const cfgOf = (e, key) => [...e.cfg.matchAll(new RegExp(`${key}="([^"]*)"`, 'g'))].map((m) => m[1]);
const doc = [
  '# Targets',
  '',
  `Every built-in target of ${version}, as the layout engine knows it. Generated by`,
  '`node scripts/gen-targets.mjs` from `rustc --print target-spec-json` and `rustc --print cfg`;',
  'do not edit by hand. "std" says whether rustc ships std for the target (no: `core` and `alloc`',
  'only); OS-dependent std types are modelled for some operating systems only (see the README).',
  '',
  '| target | description | tier | std | pointer | endian | os |',
  '|---|---|---|---|---|---|---|',
  ...triples.map((t) => {
    const e = targets[t];
    return `| \`${t}\` | ${(e.description ?? '').replace(/\|/g, '\\|')} | ${e.tier ?? ''} | ${e.std === true ? 'yes' : e.std === false ? 'no' : '?'} | ${e.pointerWidth}-bit | ${e.endian} | ${cfgOf(e, 'target_os')[0] ?? ''} |`;
  }),
  '',
].join('\n');

const byTier = new Map();
for (const t of triples) {
  const tier = targets[t].tier ?? 'other';
  if (!byTier.has(tier)) byTier.set(tier, []);
  byTier.get(tier).push(t);
}
const list = [
  BEGIN,
  `${triples.length} targets, from ${version} ([the full table](docs/targets.md)):`,
  '',
  ...[...byTier.keys()].sort().map((tier) => `- **${tier === 'other' ? 'Unclassified' : `Tier ${tier}`}** (${byTier.get(tier).length}): ${byTier.get(tier).map((t) => `\`${t}\``).join(', ')}`),
  END,
].join('\n');

const readme = readFileSync(README, 'utf8');
const b = readme.indexOf(BEGIN);
const en = readme.indexOf(END);
if (b < 0 || en < b) {
  console.error(`README.md lacks the ${BEGIN} … ${END} markers`);
  process.exit(1);
}
const newReadme = readme.slice(0, b) + list + readme.slice(en + END.length);

if (process.argv.includes('--check')) {
  const stale = [[OUT, text], [DOC, doc], [README, newReadme]].filter(([f, want]) => {
    try {
      return readFileSync(f, 'utf8') !== want;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(`${stale.map(([f]) => f).join(', ')} differ from what ${version} prints; run node scripts/gen-targets.mjs`);
    process.exit(1);
  }
  console.log(`${triples.length} targets: the table and its lists match ${version}`);
} else {
  writeFileSync(OUT, text);
  writeFileSync(DOC, doc);
  writeFileSync(README, newReadme);
  console.log(`${triples.length} targets from ${version} written to ${OUT} (${text.length} bytes), docs/targets.md and README.md`);
}
