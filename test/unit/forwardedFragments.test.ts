/**
 * A fragment passed on to another macro (`inner!($x)` with `$x:ty`) is one opaque piece there, as
 * rustc keeps it (an invisible group). Which arm of the called macro takes it depends on both
 * kinds: the arm is taken, skipped (the piece cannot begin that kind) or the whole expansion fails
 * (it may begin one but is not one). Every pair of a forwarded kind and a matcher kind is compiled
 * by rustc and analysed by the engine, which must give rustc's number, and no number where rustc
 * rejects the expansion.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { run } from '../oracle/rustc';

/** Forwarded fragments: a name, the kind the first macro takes, what it is given. */
const FORWARDED: readonly (readonly [string, string, string])[] = [
  ['expr5', 'expr', '5'],
  ['exprx', 'expr', 'x'],
  ['exprneg', 'expr', '-5'],
  ['exprsum', 'expr', '1 + 2'],
  ['expr2021', 'expr_2021', '5'],
  ['literal', 'literal', '5'],
  ['literalbool', 'literal', 'true'],
  ['path', 'path', 'a::b'],
  ['pathid', 'path', 'a'],
  ['ty', 'ty', 'u8'],
  ['tygeneric', 'ty', 'Vec<u8>'],
  ['tyref', 'ty', '&u8'],
  ['tytuple', 'ty', '(u8, u16)'],
  ['pat', 'pat', '5'],
  ['pat_param', 'pat_param', '5'],
  ['block', 'block', '{}'],
  ['stmt', 'stmt', 'let x = 1'],
  ['item', 'item', 'struct Q;'],
  ['meta', 'meta', 'a'],
  ['vis', 'vis', 'pub'],
];
const MATCHERS = ['expr', 'expr_2021', 'ty', 'ident', 'literal', 'vis', 'block', 'path', 'meta', 'pat', 'pat_param', 'lifetime', 'item', 'stmt', 'tt'];

/** One pair: the first arm makes a 1-byte struct, the catch-all a 2-byte one. */
function pairSource(n: number, fwdKind: string, value: string, matcher: string): string {
  return (
    `macro_rules! pick${n} { ($x:${matcher}) => { pub struct S${n}(pub [u8; 1]); }; ($($t:tt)*) => { pub struct S${n}(pub [u8; 2]); }; }\n` +
    `macro_rules! fwd${n} { ($x:${fwdKind}) => { pick${n}!($x); }; }\n` +
    `fwd${n}!(${value});\n`
  );
}

describe('forwarded macro fragments: every pair of kinds as rustc 1.95 takes, skips or rejects it', function () {
  this.timeout(600_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());

  it(`${FORWARDED.length} forwarded fragments × ${MATCHERS.length} matcher kinds`, async () => {
    const pairs = FORWARDED.flatMap(([name, kind, value]) => MATCHERS.map((m) => ({ label: `${name} → $x:${m}`, kind, value, m })));
    const dir = mkdtempSync(path.join(tmpdir(), 'rll-fwd-'));
    try {
      // rustc: every pair in one crate first; the pairs its errors point into (three lines each)
      // are compiled alone, and those it rejects alone are the rejected ones. Then the rest in one
      // program, which must build: a rejection the first run hid would fail it.
      const header = '#![allow(dead_code)]\n';
      writeFileSync(path.join(dir, 'pairs.rs'), header + pairs.map((p, i) => pairSource(i, p.kind, p.value, p.m)).join(''));
      const together = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit', 'metadata', '--cap-lints', 'allow', '-o', path.join(dir, 'pairs.rmeta'), path.join(dir, 'pairs.rs')]);
      const pointedAt = new Set([...together.stderr.matchAll(/pairs\.rs:(\d+):\d+/g)].map((m) => Math.floor((Number(m[1]) - 2) / 3)));
      assert.ok(together.code !== 0 && pointedAt.size > 0, 'rustc rejects some pair');
      const rejected = new Set<number>();
      for (const i of pointedAt) {
        const p = pairs[i]!;
        const file = path.join(dir, `p${i}.rs`);
        writeFileSync(file, header + pairSource(i, p.kind, p.value, p.m));
        const r = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit', 'metadata', '--cap-lints', 'allow', '-o', path.join(dir, `p${i}.rmeta`), file]);
        if (r.code !== 0) rejected.add(i);
      }
      const kept = [...pairs.keys()].filter((i) => !rejected.has(i));
      const program = `${header}${kept.map((i) => pairSource(i, pairs[i]!.kind, pairs[i]!.value, pairs[i]!.m)).join('')}fn main() {\n${kept.map((i) => `    println!("S${i} {}", std::mem::size_of::<S${i}>());`).join('\n')}\n}\n`;
      writeFileSync(path.join(dir, 'all.rs'), program);
      const built = await run('rustc', ['--edition', '2021', '--cap-lints', 'allow', '-o', path.join(dir, 'all'), path.join(dir, 'all.rs')]);
      assert.equal(built.code, 0, built.stderr.slice(0, 2000));
      const sizes = new Map((await run(path.join(dir, 'all'), [])).stdout.trim().split('\n').map((l) => l.split(' ') as [string, string]));
      // Both outcomes occur, and both arms: the table is not trivially one way.
      assert.ok(rejected.size > 10 && rejected.size < pairs.length / 2, `rustc rejected ${rejected.size} of ${pairs.length}`);
      assert.ok([...sizes.values()].includes('1') && [...sizes.values()].includes('2'));

      // The engine: each pair alone (a rejected expansion must not leave a number behind).
      const differences: string[] = [];
      for (const [i, p] of pairs.entries()) {
        const report = await analyzer.analyzeText(`p${i}.rs`, pairSource(i, p.kind, p.value, p.m));
        const t = report.types.find((x) => x.name === `S${i}`);
        const ours = t?.size != null ? String(t.size) : 'none';
        const theirs = rejected.has(i) ? 'none' : sizes.get(`S${i}`);
        if (ours !== theirs) differences.push(`${p.label}: rustc ${rejected.has(i) ? 'rejects it' : theirs}, engine ${ours}`);
      }
      assert.deepEqual(differences, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
