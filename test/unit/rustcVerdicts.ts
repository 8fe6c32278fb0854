/**
 * rustc's verdict on each struct of a generated source: `size/align` when it compiles (written
 * bare: `size_of::<S12>()`, so a generic struct's defaults apply), else the code of the error on
 * its line (or on its `size_of` line). Lines rustc rejects are blanked and the rest compiled
 * again, so one error does not hide the others' numbers. Structs are named `S<line index>`.
 * Answers are kept between runs for the same lines and toolchain (test/oracle/rustcCache.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../oracle/rustc';
import { cachedRustcAnswer } from '../oracle/rustcCache';

export function rustcVerdicts(lines: readonly string[], measured: (line: string) => boolean): Promise<Map<string, string>> {
  // Kept between runs for the same lines and toolchain (test/oracle/rustcCache.ts).
  return cachedRustcAnswer('verdicts', [lines, lines.map(measured)], () => askRustc(lines, measured));
}

async function askRustc(lines: readonly string[], measured: (line: string) => boolean): Promise<Map<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rll-verdicts-'));
  const out = new Map<string, string>();
  try {
    const src = [...lines];
    for (let round = 0; round < 8; round++) {
      const live = src.flatMap((l, i) => (l && measured(l) ? [`S${i}`] : []));
      writeFileSync(path.join(dir, 'main.rs'), `${src.join('\n')}\nfn main() {\n${live.map((n) => `    println!("${n} {}/{}", std::mem::size_of::<${n}>(), std::mem::align_of::<${n}>());`).join('\n')}\n}\n`);
      const r = await run('rustc', ['--edition', '2021', '--cap-lints', 'allow', '-o', path.join(dir, 'main'), path.join(dir, 'main.rs')]);
      if (r.code === 0) {
        for (const l of (await run(path.join(dir, 'main'), [])).stdout.trim().split('\n')) {
          const [n, size] = l.split(' ');
          if (n && !out.has(n)) out.set(n, size!);
        }
        return out;
      }
      let found = 0;
      for (const block of r.stderr.split(/\n(?=error)/)) {
        const code = /^error(?:\[(E\d{4})\])?:/.exec(block)?.[1];
        if (!code) continue;
        // On the struct's line, or on its `size_of` line in main.
        const line = Number(/-->\s+\S+?:(\d+):\d+/.exec(block)?.[1] ?? 0);
        const i = line >= 1 && line <= lines.length ? line - 1 : Number(/size_of::<S(\d+)>/.exec(block)?.[1] ?? -1);
        if (i < 0 || !src[i]) continue;
        out.set(`S${i}`, code);
        src[i] = '';
        found++;
      }
      assert.ok(found > 0, `rustc's errors are not on the cases' lines:\n${r.stderr.slice(0, 3000)}`);
    }
    assert.fail('rustc kept rejecting lines');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
