/**
 * A rustc-checked case as a small package: the crate root (and a path dependency `dep`), compiled
 * by rustc and read by the CLI. Where rustc compiles it, every type named gets rustc's size and
 * alignment; where rustc refuses it, each type named as refused carries one of rustc's error
 * codes, never a number.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../oracle/rustc';
import { cachedRustcAnswer } from '../oracle/rustcCache';

const ROOT = join(__dirname, '../../..');

export interface PackageCase {
  /** The crate root (`src/lib.rs`). */
  readonly lib: string;
  /** The dependency `dep`'s root, if any. */
  readonly dep?: string;
  /** Cargo's `edition` of the crate (none written: 2015). */
  readonly edition?: '2015' | '2021';
  /** Types (paths from the crate root) whose numbers must be rustc's: the crate compiles. */
  readonly numbers?: readonly string[];
  /** Types that must carry rustc's error code: the crate does not compile. */
  readonly refused?: readonly string[];
  /**
   * Types rustc refuses that must get no number, an "unknown" being enough (the model cannot name
   * rustc's error): the crate does not compile.
   */
  readonly noNumber?: readonly string[];
}

/** rustc's verdict: the crate's error codes, or each type's `size/align`. */
async function rustcVerdict(dir: string, c: PackageCase, types: readonly string[]): Promise<{ codes: string[] } | { sizes: Map<string, string> }> {
  const args = ['--edition', c.edition ?? '2021', '--cap-lints', 'allow'];
  const externs: string[] = [];
  if (c.dep) {
    const r = await run('rustc', [...args, '--crate-type', 'lib', '--crate-name', 'dep', '-o', join(dir, 'libdep.rlib'), join(dir, 'dep/src/lib.rs')]);
    assert.equal(r.code, 0, r.stderr);
    externs.push('--extern', `dep=${join(dir, 'libdep.rlib')}`);
  }
  const probe = `${c.lib}\nfn main() {\n${types.map((t) => `    println!("${t} {}/{}", std::mem::size_of::<${t}>(), std::mem::align_of::<${t}>());`).join('\n')}\n}\n`;
  writeFileSync(join(dir, 'probe.rs'), probe);
  const r = await run('rustc', [...args, ...externs, '--crate-name', 'probe', '-o', join(dir, 'probe'), join(dir, 'probe.rs')]);
  if (r.code !== 0) {
    const codes = [...r.stderr.matchAll(/^error\[(E\d{4})\]/gm)].map((x) => x[1]!);
    // An error without a code (a syntax error): only `noNumber` types can be checked against it.
    assert.ok(codes.length > 0 || (!c.refused?.length && /^error/m.test(r.stderr)), r.stderr);
    return { codes: codes.length ? codes : ['(no code)'] };
  }
  const sizes = new Map<string, string>();
  for (const l of (await run(join(dir, 'probe'), [])).stdout.trim().split('\n')) {
    const [n, v] = l.split(' ');
    sizes.set(n!, v!);
  }
  return { sizes };
}

interface CliType {
  readonly name: string;
  readonly size?: number | null;
  readonly align?: number;
  readonly error?: string;
  readonly unknown?: string;
}

/** Builds the case's package, asks rustc and the CLI, and compares. */
export async function checkPackageCase(c: PackageCase): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rll-package-'));
  try {
    const edition = c.edition === '2015' ? '' : `edition = "${c.edition ?? '2021'}"\n`;
    mkdirSync(join(dir, 'app/src'), { recursive: true });
    writeFileSync(join(dir, 'app/Cargo.toml'), `[package]\nname = "app"\nversion = "0.1.0"\n${edition}\n[dependencies]\n${c.dep ? 'dep = { path = "../dep" }\n' : ''}`);
    writeFileSync(join(dir, 'app/src/lib.rs'), c.lib);
    if (c.dep) {
      mkdirSync(join(dir, 'dep/src'), { recursive: true });
      writeFileSync(join(dir, 'dep/Cargo.toml'), `[package]\nname = "dep"\nversion = "0.1.0"\n${edition}`);
      writeFileSync(join(dir, 'dep/src/lib.rs'), c.dep);
    }
    const names = [...(c.numbers ?? []), ...(c.refused ?? []), ...(c.noNumber ?? [])];
    // Kept between runs for the same case and toolchain (test/oracle/rustcCache.ts).
    const verdict = await cachedRustcAnswer('package', [c, names], () => rustcVerdict(dir, c, names));
    const cli = await run('node', [join(ROOT, 'dist/cli.js'), '--json', join(dir, 'app')], { env: { ...process.env, CARGO_HOME: join(dir, 'cargo-home') } });
    const types = new Map<string, CliType>((JSON.parse(cli.stdout) as { types: CliType[] }).types.map((t) => [t.name, t]));
    const shown = (n: string) => `${n}: ${JSON.stringify(types.get(n))}`;
    if ('codes' in verdict) {
      assert.ok((c.refused?.length || c.noNumber?.length) && !c.numbers?.length, `rustc refuses the crate (${verdict.codes.join(', ')}): the case must name refused types only`);
      for (const n of c.refused ?? []) {
        const code = /^(E\d{4})\b/.exec(types.get(n)?.error ?? '')?.[1];
        assert.ok(code !== undefined && verdict.codes.includes(code), `${shown(n)}; rustc: ${verdict.codes.join(', ')}`);
      }
      for (const n of c.noNumber ?? []) {
        const t = types.get(n);
        assert.ok(t && t.size == null && (t.unknown !== undefined || t.error !== undefined), `${shown(n)}: rustc refuses it (${verdict.codes.join(', ')})`);
      }
    } else {
      assert.ok(!c.refused?.length && !c.noNumber?.length, `rustc compiles the crate: ${[...(c.refused ?? []), ...(c.noNumber ?? [])].join(', ')} are not refused`);
      for (const n of c.numbers ?? []) {
        const t = types.get(n);
        assert.equal(t && t.size != null ? `${t.size}/${t.align}` : undefined, verdict.sizes.get(n), shown(n));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
