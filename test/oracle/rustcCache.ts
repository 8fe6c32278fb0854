/**
 * rustc's answers to the sources a test writes alike on every run (the named rule cases, std's
 * parameters given one argument at a time, Debian's crates built with cargo), kept between runs.
 * An answer is a pure function of the compiler and what it was given: the key is the installed
 * toolchain (`rustc -vV`, `cargo -V`) with everything the test passes to it (sources, flags,
 * target), so a changed case, flag or compiler asks rustc again. The engine's side is computed
 * afresh in every run, and sources drawn from a new seed (the live differential, the hunts) are
 * never kept: what is kept is only ever a repeat of the same question.
 *
 * The answers live in `${RLL_CACHE:-~/.cache/rust-layout-lens}/rustc-answers`, beside the cargo
 * target directories (test/unit/cargoTargetCache.ts); `RLL_RUSTC_CACHE=0` asks rustc every time.
 * Answers not read for 30 days are removed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const MAX_AGE_MS = 30 * 24 * 3600_000;

let toolchain: string | undefined;
let pruned = false;

function cacheDir(): string | undefined {
  if (process.env.RLL_RUSTC_CACHE === '0') return undefined;
  return join(process.env.RLL_CACHE ?? join(homedir(), '.cache', 'rust-layout-lens'), 'rustc-answers');
}

function toolchainStamp(): string {
  toolchain ??= [execFileSync('rustc', ['-vV'], { encoding: 'utf8' }), execFileSync('cargo', ['-V'], { encoding: 'utf8' })].join('\n');
  return toolchain;
}

/** JSON with Maps and Sets kept as such. */
function encode(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? { $map: [...v] } : v instanceof Set ? { $set: [...v] } : v));
}

function decode(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.$map) && Object.keys(o).length === 1) return new Map(o.$map as [unknown, unknown][]);
      if (Array.isArray(o.$set) && Object.keys(o).length === 1) return new Set(o.$set as unknown[]);
    }
    return v;
  });
}

function prune(dir: string): void {
  if (pruned) return;
  pruned = true;
  const now = Date.now();
  for (const f of readdirSync(dir)) {
    try {
      if (now - statSync(join(dir, f)).mtimeMs > MAX_AGE_MS) rmSync(join(dir, f), { force: true });
    } catch {
      // Another test process removed it first.
    }
  }
}

/**
 * `compute()`'s answer for `key` (anything JSON can write: the sources, flags and target given to
 * rustc or cargo), from an earlier run with the same toolchain when there was one. `what` names
 * the kind of question (a file-name prefix). A computation that throws is not kept.
 */
export async function cachedRustcAnswer<T>(what: string, key: unknown, compute: () => Promise<T>): Promise<T> {
  const dir = cacheDir();
  if (!dir) return compute();
  let file: string;
  try {
    mkdirSync(dir, { recursive: true });
    prune(dir);
    const hash = createHash('sha256').update(encode([toolchainStamp(), what, key])).digest('hex').slice(0, 32);
    file = join(dir, `${what}-${hash}.json`);
  } catch {
    return compute();
  }
  try {
    const value = decode(readFileSync(file, 'utf8')) as T;
    const now = new Date();
    utimesSync(file, now, now);
    return value;
  } catch {
    // Not asked before (or unreadable): ask rustc.
  }
  const value = await compute();
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, encode(value));
    renameSync(tmp, file);
  } catch {
    // A read-only cache folder: the answer is used this once.
  }
  return value;
}
