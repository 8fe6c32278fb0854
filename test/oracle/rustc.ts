/**
 * The oracle: asks the real rustc for the layouts of generated (or real) types.
 *
 *  - x86_64 with std (`probeStd`): a program whose `const` array holds `size_of`, `align_of`
 *    and `offset_of!` (enum variant fields through `#![feature(offset_of_enum)]`, enabled by
 *    RUSTC_BOOTSTRAP=1) for every type; compiled with `-Zprint-type-sizes` at the same time,
 *    which adds the enum tag (the `discriminant:` line of directly tagged enums).
 *  - any target (`probeNoCore`): a `#![no_core]` library with one `pub fn f(_: T) {}` per type,
 *    compiled with `--target T -Zprint-type-sizes --emit=obj`; offsets come from the
 *    memory-order field listing.
 *  - rejected types (`probeRejected`): one file each, the error codes rustc gives.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Corpus, GenType, RejectedCase } from './generator';
import { targetSpec as tableSpec } from '../../src/core/targets';

export const HOST = 'x86_64-unknown-linux-gnu';
/**
 * The targets every no_core differential runs on besides the host (committed fixtures and the
 * live corpus): 32- and 64-bit, Windows and macOS, big-endian (powerpc64, s390x, m68k), 16-bit
 * pointers (msp430, avr), unusual alignments (m68k: 2-byte pointers, i686: 4-byte u64), bare
 * metal. The live test `every built-in target` covers all the others with a smaller corpus.
 */
export const CROSS_TARGETS = [
  'i686-unknown-linux-gnu',
  'wasm32-unknown-unknown',
  'aarch64-unknown-linux-gnu',
  'thumbv7em-none-eabihf',
  'x86_64-pc-windows-msvc',
  'i686-pc-windows-msvc',
  'aarch64-apple-darwin',
  'armv7-unknown-linux-gnueabihf',
  'riscv32imc-unknown-none-elf',
  'riscv64gc-unknown-linux-gnu',
  'thumbv6m-none-eabi',
  'powerpc64-unknown-linux-gnu',
  's390x-unknown-linux-gnu',
  'm68k-unknown-linux-gnu',
  'msp430-none-elf',
  'avr-none',
  'loongarch64-unknown-linux-gnu',
  'wasm32-wasip1',
] as const;

export type { OracleField, OracleVariant, OracleType, OracleRejected, OracleReport, PtsField, PtsVariant, PtsType } from '../../src/core/verify/printTypeSizes';
export { normalizePtsName, parsePrintTypeSizes } from '../../src/core/verify/printTypeSizes';
import { parsePrintTypeSizes, type OracleField, type OracleRejected, type OracleReport, type OracleType, type OracleVariant, type PtsField, type PtsType } from '../../src/core/verify/printTypeSizes';

const ENV = { ...process.env, RUSTC_BOOTSTRAP: '1' };

export function rustcAvailable(): boolean {
  try {
    execFileSync('rustc', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

let versionCache: string | undefined;
export function rustcVersion(): string {
  versionCache ??= execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
  return versionCache;
}

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env ?? ENV, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? ((err as unknown as { code: number }).code as number) : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'rll-oracle-'));
}

function firstErrors(stderr: string, max = 5): string {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('error'))
    .slice(0, max)
    .join('\n');
}

export function ptsToOracle(t: GenType, p: PtsType): OracleType {
  const byName = (fs: readonly PtsField[], name: string, what: string): OracleField => {
    const f = fs.find((x) => x.name === name);
    if (!f) throw new Error(`print-type-sizes: ${t.name}: field ${what}${name} missing`);
    return { name, offset: f.offset, size: f.size };
  };
  if (t.kind === 'enum') {
    const variants: OracleVariant[] = [];
    for (const v of t.variants ?? []) {
      const pv = p.variants.find((x) => x.name === v.name);
      if (!pv) continue; // rustc does not list every variant of every layout (e.g. univariant)
      variants.push({ name: v.name, fields: v.fields.map((f) => byName(pv.fields, f, `${v.name}.`)) });
    }
    return { name: t.name, kind: t.kind, size: p.size, align: p.align, fields: [], variants, tag: p.discriminant !== undefined ? { size: p.discriminant, offset: 0 } : null };
  }
  const fs = t.kind === 'union' ? (p.variants[0]?.fields ?? []) : p.fields;
  return { name: t.name, kind: t.kind, size: p.size, align: p.align, fields: t.fields.map((f) => byName(fs, f, '')) };
}

// ----- x86_64 with std: the probe program ------------------------------------------------------

export interface ProbeSource {
  readonly text: string;
  /** What each number of the probe's output means, in order. */
  readonly slots: readonly { type: number; what: 'size' | 'align' | 'field'; variant?: string; field?: string }[];
}

export function renderStdProbe(corpus: Corpus): ProbeSource {
  const slots: ProbeSource['slots'][number][] = [];
  const exprs: string[] = [];
  corpus.types.forEach((t, i) => {
    exprs.push(`::core::mem::size_of::<${t.rustPath}>()`);
    slots.push({ type: i, what: 'size' });
    exprs.push(`::core::mem::align_of::<${t.rustPath}>()`);
    slots.push({ type: i, what: 'align' });
    for (const f of t.fields) {
      exprs.push(`::core::mem::offset_of!(${t.rustPath}, ${f})`);
      slots.push({ type: i, what: 'field', field: f });
    }
    for (const v of t.variants ?? []) {
      for (const f of v.fields) {
        exprs.push(`::core::mem::offset_of!(${t.rustPath}, ${v.name}.${f})`);
        slots.push({ type: i, what: 'field', variant: v.name, field: f });
      }
    }
  });
  const text = [
    `// Generated by test/oracle/generator.ts: seed ${corpus.seed}, mode ${corpus.mode}, ${corpus.types.length} types.`,
    '// The expected layouts come from rustc (test/oracle/rustc.ts); do not edit by hand.',
    '#![feature(offset_of_enum)]',
    '#![allow(warnings)]',
    corpus.header,
    corpus.defs,
    `const __RLL_LAYOUTS: [usize; ${exprs.length}] = [`,
    ...exprs.map((e) => `    ${e},`),
    '];',
    '',
    'fn main() {',
    '    let mut out = String::new();',
    '    for v in __RLL_LAYOUTS {',
    '        out.push_str(&v.to_string());',
    "        out.push(' ');",
    '    }',
    '    println!("{}", out);',
    '}',
    '',
  ].join('\n');
  return { text, slots };
}

export interface ProbeTiming {
  compileMs: number;
  runMs: number;
}

/** Compiles and runs the probe; returns rustc's layouts of every corpus type (x86_64, std). */
export async function probeStd(corpus: Corpus, timing?: ProbeTiming, opts: { tags?: boolean } = {}): Promise<OracleReport & { source: string }> {
  const { text, slots } = renderStdProbe(corpus);
  const dir = workDir();
  try {
    const src = join(dir, 'probe.rs');
    const bin = join(dir, 'probe');
    writeFileSync(src, text);
    const t0 = Date.now();
    // `tags: false` leaves out -Zprint-type-sizes (enum tags are then not compared): a large probe compiles faster.
    const ptsFlag = opts.tags === false ? [] : ['-Zprint-type-sizes'];
    const c = await run('rustc', ['--edition', '2021', '-C', 'opt-level=0', '-C', 'debuginfo=0', '-A', 'warnings', ...ptsFlag, '-o', bin, src]);
    const t1 = Date.now();
    if (c.code !== 0) throw new Error(`rustc rejected the generated probe (seed ${corpus.seed}):\n${firstErrors(c.stderr, 20)}\n(source kept in ${src})`);
    const r = await run(bin, []);
    const t2 = Date.now();
    if (timing) {
      timing.compileMs += t1 - t0;
      timing.runMs += t2 - t1;
    }
    if (r.code !== 0) throw new Error(`probe failed: ${r.stderr}`);
    const nums = r.stdout.trim().split(/\s+/).map(Number);
    if (nums.length !== slots.length) throw new Error(`probe printed ${nums.length} numbers, expected ${slots.length}`);
    const pts = parsePrintTypeSizes(c.stdout);
    const types = corpus.types.map((t) => ({ t, size: -1, align: -1, fields: [] as OracleField[], variants: new Map<string, OracleField[]>() }));
    slots.forEach((s, k) => {
      const e = types[s.type];
      if (s.what === 'size') e.size = nums[k];
      else if (s.what === 'align') e.align = nums[k];
      else if (s.variant === undefined) e.fields.push({ name: s.field!, offset: nums[k] });
      else {
        if (!e.variants.has(s.variant)) e.variants.set(s.variant, []);
        e.variants.get(s.variant)!.push({ name: s.field!, offset: nums[k] });
      }
    });
    const out: OracleType[] = types.map(({ t, size, align, fields, variants }) => {
      const p = pts.get(t.name);
      const withSizes = (fs: OracleField[], pf: readonly PtsField[] | undefined): OracleField[] =>
        fs.map((f) => {
          const s = pf?.find((x) => x.name === f.name)?.size;
          return s === undefined ? f : { ...f, size: s };
        });
      const base = { name: t.name, kind: t.kind, size, align };
      if (t.kind === 'enum') {
        const vs: OracleVariant[] = (t.variants ?? []).map((v) => ({ name: v.name, fields: withSizes(variants.get(v.name) ?? [], p?.variants.find((x) => x.name === v.name)?.fields) }));
        const tag = p ? (p.discriminant !== undefined ? { size: p.discriminant, offset: 0 } : null) : undefined;
        return { ...base, fields: [], variants: vs, ...(tag !== undefined ? { tag } : {}) };
      }
      return { ...base, fields: withSizes(fields, t.kind === 'union' ? p?.variants[0]?.fields : p?.fields) };
    });
    return { target: HOST, rustc: rustcVersion(), types: out, source: text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ----- any target: #![no_core] + -Zprint-type-sizes ---------------------------------------------

/** `skip`: types not forced (too big for a 16-bit target: rustc rejects the whole crate for them). */
export function renderNoCore(corpus: Corpus, skip: ReadonlySet<string> = new Set()): string {
  return [
    `// Generated by test/oracle/generator.ts: seed ${corpus.seed}, mode ${corpus.mode}, ${corpus.types.length} types.`,
    '// Compiled under #![no_core] for each target; the expected layouts come from rustc -Zprint-type-sizes:',
    '// RUSTC_BOOTSTRAP=1 rustc --crate-type lib --target T -Zprint-type-sizes --emit=obj -C panic=abort -C overflow-checks=off',
    '#![feature(no_core, lang_items)]',
    '#![no_core]',
    '#![allow(dead_code, internal_features)]',
    corpus.header,
    corpus.defs,
    ...corpus.types.flatMap((t, i) => (skip.has(t.name) ? [] : [`pub fn __rll_force_${i}(_: ${t.rustPath}) {}`])),
    '',
  ].join('\n');
}

export async function printTypeSizes(source: string, args: readonly string[]): Promise<{ pts: Map<string, PtsType>; stderr: string; code: number }> {
  const dir = workDir();
  try {
    const src = join(dir, 'lib.rs');
    writeFileSync(src, source);
    const c = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '-Zprint-type-sizes', ...args, '-o', join(dir, 'out.o'), src]);
    return { pts: parsePrintTypeSizes(c.stdout), stderr: c.stderr, code: c.code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lays out a no_core corpus on a target. On 16-bit targets some generated types exceed the
 * address space; rustc then rejects the crate ("values of the type `X` are too big for the target
 * architecture"). Such types are listed in `tooBig` (the engine must report an error for them,
 * never a size) and the corpus is compiled again without forcing them.
 */
export async function probeNoCore(corpus: Corpus, target: string): Promise<OracleReport & { source: string; tooBig: string[] }> {
  const cpu = tableSpec(target)?.targetCpu;
  const tooBig = new Set<string>();
  for (let round = 0; ; round++) {
    const source = renderNoCore(corpus, tooBig);
    const { pts, stderr, code } = await printTypeSizes(source, ['--target', target, ...(cpu ? ['-C', `target-cpu=${cpu}`] : []), '--emit=obj', '-C', 'panic=abort', '-C', 'opt-level=0', '-C', 'overflow-checks=off']);
    if (code !== 0) {
      // Each such error points at the forcing function of the type that holds the big value.
      const big = [...stderr.matchAll(/^error: values of the type `[^\n]*` are too big for the target architecture\n(?:.*\n){0,4}?.*__rll_force_(\d+)\b/gm)].map((m) => Number(m[1]));
      const errors = stderr.split('\n').filter((l) => /^error/.test(l) && !/^error: aborting due to/.test(l));
      const named = big.map((i) => corpus.types[i]);
      if (!big.length || big.length !== errors.length || named.some((t) => !t) || round > 150) throw new Error(`rustc --target ${target} rejected the no_core corpus (seed ${corpus.seed}):\n${firstErrors(stderr, 20)}`);
      for (const t of named) tooBig.add(t!.name);
      continue;
    }
    const types = corpus.types.flatMap((t) => {
      if (tooBig.has(t.name)) return [];
      const p = pts.get(t.name);
      if (!p) throw new Error(`print-type-sizes did not list ${t.name} for ${target}`);
      return [ptsToOracle(t, p)];
    });
    return { target, rustc: rustcVersion(), types, source: renderNoCore(corpus), tooBig: [...tooBig] };
  }
}

// ----- rejected types --------------------------------------------------------------------------

export function renderRejected(c: RejectedCase): string {
  return [
    `// Generated by test/oracle/generator.ts: rustc rejects \`${c.name}\` (built to trigger ${c.intended}).`,
    '#![allow(warnings)]',
    c.defs,
    `const _: usize = ::core::mem::size_of::<${c.name}>();`,
    '',
  ].join('\n');
}

export function parseErrors(stderr: string): { codes: string[]; message: string } {
  const codes: string[] = [];
  let message = '';
  for (const line of stderr.split('\n')) {
    const m = /^error(?:\[(E\d{4})\])?: (.*)$/.exec(line);
    if (!m || /^aborting due to/.test(m[2])) continue;
    const code = m[1] ?? 'lint';
    if (!codes.includes(code)) codes.push(code);
    if (!message) message = m[2];
  }
  return { codes, message };
}

export async function probeRejected(cases: readonly RejectedCase[], concurrency = 2): Promise<OracleRejected[]> {
  const results: OracleRejected[] = new Array(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i];
      const dir = workDir();
      try {
        const src = join(dir, 'lib.rs');
        writeFileSync(src, renderRejected(c));
        const r = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit=metadata', '-o', join(dir, 'out.rmeta'), src]);
        const { codes, message } = parseErrors(r.stderr);
        results[i] = { id: c.id, name: c.name, intended: c.intended, codes: r.code === 0 ? [] : codes, message };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}
