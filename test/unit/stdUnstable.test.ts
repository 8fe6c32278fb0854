/**
 * Which of the modelled std's public items stable rustc refuses without a `#![feature(..)]`
 * (E0658): measured by compiling a `use` of every public path of every item with the stable
 * compiler (no RUSTC_BOOTSTRAP), and compared with src/core/stdUnstable.ts, which the engine
 * reads. An item is unstable when every path to it is (`std::sync::Mutex` is stable though
 * `std::sync::poison::Mutex` is not).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { NOT_IN_STD, STD_PATHS_REFUSED, stdPathRefused, UNSTABLE_STD } from '../../src/core/stdUnstable';
import { run } from '../oracle/rustc';
import { allocatorParam } from '../../src/core/bounds';
import { rustcVerdicts } from './rustcVerdicts';
import { modelStdPaths } from './stdPaths';

describe('std model: unstable items (E0658) as stable rustc 1.95 says', function () {
  this.timeout(300_000);
  const analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());

  it('the list the engine reads is what stable rustc refuses, item by item, with the feature it names', async () => {
    const stdPaths = await modelStdPaths(analyzer);
    const items = [...stdPaths].map(([, paths]) => paths);
    const lines = ['#![allow(unused_imports)]', ...items.flatMap((paths) => paths.map((p) => `use std::${p} as _;`))];
    const dir = mkdtempSync(join(tmpdir(), 'rll-unstable-'));
    try {
      writeFileSync(join(dir, 'lib.rs'), `${lines.join('\n')}\n`);
      const env = { ...process.env };
      delete env.RUSTC_BOOTSTRAP;
      const r = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit=metadata', '-o', join(dir, 'lib.rmeta'), join(dir, 'lib.rs')], { env });
      const refused = new Map<number, string>();
      // Paths std does not export at all (E0432).
      const absent = new Set<number>();
      for (const block of r.stderr.split(/\n(?=error)/)) {
        const m = /^error\[E0658\]: use of unstable library feature `([^`]+)`/.exec(block);
        const at = /-->\s+\S+?lib\.rs:(\d+):/.exec(block);
        if (m && at) refused.set(Number(at[1]), m[1]!);
        if (/^error\[E0432\]/.test(block) && at) absent.add(Number(at[1]));
      }
      assert.ok(refused.size > 50, `rustc refused only ${refused.size} paths: ${r.stderr.slice(0, 1500)}`);
      const measured: Record<string, string> = {};
      const notInStd: string[] = [];
      // Paths rustc refuses to an item another path reaches: what stdPathRefused must say of each.
      const pathWrong: string[] = [];
      const pathsRefused = new Set<string>();
      let line = 2;
      for (const paths of items) {
        const features = paths.map((_, k) => refused.get(line + k));
        const gone = paths.map((_, k) => absent.has(line + k));
        if (features.every((f) => f !== undefined)) measured[paths[0]!] = features[0]!;
        else if (gone.every((g) => g)) {
          if (!paths[0]!.startsWith('proc_macro::')) notInStd.push(paths[0]!);
        } else {
          paths.forEach((p, k) => {
            const want = gone[k] ? null : features[k];
            const said = stdPathRefused(p);
            if (want !== undefined) pathsRefused.add(p);
            if ((want === undefined) !== (said === undefined) || (said && said.feature !== want)) pathWrong.push(`std::${p}: rustc ${want === undefined ? 'accepts it' : want === null ? 'E0432' : want}, the table ${said === undefined ? 'says nothing' : said.feature ?? 'null'}`);
          });
        }
        line += paths.length;
      }
      assert.deepEqual(measured, { ...UNSTABLE_STD });
      assert.deepEqual(notInStd.sort(), Object.keys(NOT_IN_STD).sort());
      assert.deepEqual(pathWrong, []);
      // Every entry of the table is met by some path the model gives.
      assert.deepEqual(Object.keys(STD_PATHS_REFUSED).filter((k) => ![...pathsRefused].some((p) => p === k || (k.endsWith('::') && p.startsWith(k)))), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an allocator argument is unstable on every std type the model gives one (its default is `Global`), and only there', async () => {
    const stdPaths = await modelStdPaths(analyzer);
    const lines = ['#![allow(dead_code, unused, deprecated)]'];
    const cases: { line: number; allocator: boolean }[] = [];
    for (const [item, paths] of stdPaths) {
      const p = paths[0]!;
      const params = item.generics.params;
      if (UNSTABLE_STD[p] !== undefined || p.startsWith('proc_macro::') || params.some((q) => q.kind === 'const')) continue;
      // Every parameter written: `u8` for those without a default, the default as written for the others.
      const defaults = params.filter((q) => q.kind === 'type' && q.default?.kind === 'path');
      if (defaults.length === 0 || params.some((q) => q.kind === 'type' && q.default && q.default.kind !== 'path')) continue;
      const args = params.map((q) => (q.kind === 'lifetime' ? "'static" : q.kind === 'type' && q.default?.kind === 'path' ? `std::${DEFAULT_PATHS[q.default.segments[q.default.segments.length - 1]!.name] ?? '?'}` : 'u8'));
      if (args.includes('std::?')) continue;
      const at = allocatorParam(item);
      cases.push({ line: lines.length, allocator: at !== undefined });
      lines.push(`pub struct S${lines.length}(pub std::${p}<${args.join(', ')}>);`);
      // The same without the allocator argument (the defaults before it written): stable.
      if (at === undefined) continue;
      const lifetimes = params.filter((q) => q.kind === 'lifetime').length;
      cases.push({ line: lines.length, allocator: false });
      lines.push(`pub struct S${lines.length}(pub std::${p}<${args.slice(0, lifetimes + at).join(', ')}>);`);
    }
    const rustc = await rustcVerdicts(lines, (l) => l.startsWith('pub struct S'));
    const engine = new Map((await analyzer.analyzeText('allocators.rs', lines.join('\n'))).types.map((t) => [t.name, t]));
    const wrong: string[] = [];
    let allocators = 0;
    for (const c of cases) {
      const want = rustc.get(`S${c.line}`) ?? '';
      const t = engine.get(`S${c.line}`);
      const got = t?.size != null ? `${t.size}/${t.align}` : t?.error ? t.error.slice(0, 5) : 'unknown';
      if (c.allocator) allocators++;
      // rustc refuses the allocator argument (E0658) where the model has one, and nowhere else.
      if ((want === 'E0658') !== c.allocator) wrong.push(`${lines[c.line]}  rustc: ${want}, the model: ${c.allocator ? 'an allocator parameter' : 'none'}`);
      else if (got !== want && got !== 'unknown') wrong.push(`${lines[c.line]}  rustc: ${want}, engine: ${got}`);
    }
    assert.deepEqual(wrong, [], `${wrong.length} differ from rustc`);
    assert.ok(allocators >= 40 && cases.length > allocators, `too few cases: ${allocators} with an allocator of ${cases.length}`);
  });
});

/** The defaults std's type parameters have, by name, as a crate writes them. */
const DEFAULT_PATHS: Readonly<Record<string, string>> = { Global: 'alloc::Global', RandomState: 'hash::RandomState' };
