/**
 * Builds one of the guide's companion examples with `rustc` in a scratch folder and runs it: the
 * program's output, or the compiler's errors. Time-limited (a build and a run of a few seconds
 * each), output capped. Node only; the panel offers it in trusted workspaces only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunOutcome {
  readonly ok: boolean;
  /** What the program printed (stdout, then stderr), or why it did not run. */
  readonly output: string;
}

const MAX_OUTPUT = 64 * 1024;

function exec(cmd: string, args: readonly string[], timeoutMs: number): Promise<{ code: number | string; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT * 4, encoding: 'utf8' }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { killed?: boolean }) | null;
      resolve({ code: e ? (e.code ?? 1) : 0, stdout, stderr, killed: !!e?.killed });
    });
  });
}

export async function runRustExample(source: string, opts: { timeoutMs?: number } = {}): Promise<RunOutcome> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'rll-example-'));
  try {
    const src = join(dir, 'main.rs');
    const exe = join(dir, process.platform === 'win32' ? 'main.exe' : 'main');
    writeFileSync(src, source);
    const build = await exec('rustc', ['--edition=2021', '-o', exe, src], timeoutMs);
    if (build.code === 'ENOENT') return { ok: false, output: 'rustc was not found on PATH: install Rust (rustup.rs) to run the examples.' };
    if (build.killed) return { ok: false, output: `rustc did not finish within ${timeoutMs / 1000} s.` };
    if (build.code !== 0) return { ok: false, output: `rustc rejected the example:\n${build.stderr.trim()}` };
    const r = await exec(exe, [], timeoutMs);
    if (r.killed) return { ok: false, output: `the program did not finish within ${timeoutMs / 1000} s.` };
    const text = (r.stdout + (r.stderr ? `\n${r.stderr}` : '')).slice(0, MAX_OUTPUT).trimEnd();
    return r.code === 0 ? { ok: true, output: text } : { ok: false, output: `${text}\n(exit status ${r.code})`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
