/**
 * Builds a crate optimised, in a scratch copy, and answers "does this function allocate?" for
 * every function of it from the LLVM IR (src/core/verify/allocIr.ts):
 * `RUSTC_BOOTSTRAP=1 cargo rustc --release --lib -- --emit=llvm-ir -C codegen-units=1
 * -C symbol-mangling-version=legacy -Z cross-crate-inline-threshold=never`: small functions
 * get code of their own here instead of only in the crates that call them, and one codegen unit
 * puts a function's callees in the crate (generic instantiations included) in one module. Node
 * only.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allocationAnswers, type AllocAnswer } from '../core/verify/allocIr';
import { ProbeError, copyPackage, readCargoToml, run } from './rustcProbe';

export interface AllocProbeOptions {
  readonly workspaceRoot?: string;
  readonly targetDir?: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly offline?: boolean;
}

/** Answers by function key (`krate::module::Type::method`), and the crate's name as keys start. */
export async function probeAllocations(dir: string, opts: AllocProbeOptions = {}): Promise<{ crate: string; answers: Map<string, AllocAnswer> }> {
  const info = readCargoToml(dir);
  const tmp = mkdtempSync(join(tmpdir(), 'rll-alloc-'));
  try {
    const pkg = copyPackage(dir, tmp, opts.workspaceRoot, true);
    const targetDir = opts.targetDir ?? join(tmp, 'target');
    const which = info.binOnly ? ['--bins'] : ['--lib'];
    const args = ['rustc', ...which, '--release', '--quiet', ...(opts.offline ? ['--offline'] : []), '--', '--emit=llvm-ir', '-C', 'codegen-units=1', '-C', 'symbol-mangling-version=legacy', '-Z', 'unstable-options', '-Z', 'cross-crate-inline-threshold=never', '--cap-lints', 'allow'];
    const r = await run('cargo', args, { cwd: pkg, env: { ...process.env, RUSTC_BOOTSTRAP: '1', CARGO_TARGET_DIR: targetDir }, signal: opts.signal, timeoutMs: opts.timeoutMs });
    if (r.code !== 0) {
      const errors = r.stderr.split('\n').filter((l) => /^error/.test(l)).slice(0, 5);
      throw new ProbeError('build', `the crate does not build${errors.length ? `: ${errors.join(' / ')}` : ''}`, r.stderr);
    }
    const deps = join(targetDir, 'release', 'deps');
    const stem = `${info.name}-`;
    const ll = readdirSync(deps)
      .filter((f) => f.startsWith(stem) && f.endsWith('.ll'))
      .map((f) => join(deps, f));
    if (!ll.length) throw new ProbeError('build', 'cargo wrote no LLVM IR for the crate');
    // The newest one is this build's (a shared target directory keeps older ones).
    const newest = ll.map((f) => ({ f, t: statSync(f).mtimeMs })).sort((a, b) => b.t - a.t)[0]!.f;
    return { crate: info.name, answers: allocationAnswers(readFileSync(newest, 'utf8')) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
