#!/usr/bin/env node
/**
 * Regenerates src/core/targetTable.json: the facts the layout rules read for every built-in
 * target of the installed rustc, taken from rustc itself.
 *
 *   RUSTC_BOOTSTRAP=1 rustc -Z unstable-options --print target-spec-json --target T
 *     → data layout, pointer width, c-enum-min-bits, C int width, max-atomic-width, endianness, description,
 *       tier, whether std is available;
 *   rustc --print cfg --target T
 *     → the `#[cfg]` names and key-value pairs (target_os, target_env, target_feature…).
 *
 * Usage: node scripts/gen-targets.mjs [--check]
 *   --check  exit 1 when the committed table differs from what this rustc prints (nothing written).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'targetTable.json');
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
const targets = {};
for (const triple of triples) {
  const cpu = TARGET_CPU[triple] ? ['-C', `target-cpu=${TARGET_CPU[triple]}`] : [];
  const spec = JSON.parse(rustc(['-Z', 'unstable-options', '--print', 'target-spec-json', '--target', triple, ...cpu]));
  const cfg = rustc(['--print', 'cfg', '--target', triple, ...cpu], true).split('\n').map((s) => s.trim()).filter(Boolean);
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
  targets[triple] = entry;
}

const text = `${JSON.stringify({ rustc: version, generatedBy: 'scripts/gen-targets.mjs', targets }).replace(/,"(?=[a-z0-9_.-]+":\{)/g, ',\n"')}\n`;
if (process.argv.includes('--check')) {
  const old = readFileSync(OUT, 'utf8');
  if (old !== text) {
    console.error(`${OUT} differs from what ${version} prints; run node scripts/gen-targets.mjs`);
    process.exit(1);
  }
  console.log(`${triples.length} targets: the table matches ${version}`);
} else {
  writeFileSync(OUT, text);
  console.log(`${triples.length} targets from ${version} written to ${OUT} (${text.length} bytes)`);
}
