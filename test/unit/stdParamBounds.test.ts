/**
 * What std's generic types ask their parameters to outlive (`Ref<'b, T: 'b>`, `slice::Iter<'a, T>`
 * through its `PhantomData<&'a T>`, `Cow<'a, B>` through `Borrowed(&'a B)`, `LocalKey<T: 'static>`),
 * against rustc: every public generic std type, written with `'static` for its lifetimes and an
 * argument naming `'c` (`&'c u8`, `slice::Iter<'c, u8>`, `&'c str`) for one type parameter at a
 * time (rustc's E0477 when the type asks that parameter to outlive a lifetime), and with
 * `'static` for one lifetime at a time and `'c` for the others (E0478 when it asks one lifetime
 * to outlive another). The engine reads these requirements from the model's
 * declarations and fields (src/core/stdSource.ts), so a model that leaves one out gives a number
 * where rustc refuses the type, and one that adds one refuses a type rustc lays out.
 *
 * The same types are given a type that implements nothing for one type parameter at a time: rustc
 * refuses it (E0277) where std bounds that parameter by a trait (`Peekable<I: Iterator>`,
 * `BinaryHeap`'s `PeekMut<T: Ord>`), and the engine must give no number there.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import type { GenericParam } from '../../src/core/model';
import { UNSTABLE_STD } from '../../src/core/stdUnstable';
import { rustcAvailable } from '../oracle/rustc';
import { rustcVerdicts } from './rustcVerdicts';
import { modelStdPaths } from './stdPaths';

const CASE = /^pub struct S\d+</;

/** Arguments for a parameter by what it is bounded by: one with no lifetime, and one naming `'c`. */
const ARGS = {
  none: ['u8', "&'c u8"],
  iterator: ['std::vec::IntoIter<u8>', "std::slice::Iter<'c, u8>"],
  fn: ['fn(&u8) -> bool', "&'c dyn Fn(&u8) -> bool"],
  pattern: ['char', "&'c str"],
  write: ['Vec<u8>', "&'c mut Vec<u8>"],
  // `Flatten<I>` asks `I::Item: IntoIterator`, a where clause the model does not write.
  nested: ['std::vec::IntoIter<Vec<u8>>', "std::slice::Iter<'c, Vec<u8>>"],
} as const;

function boundKind(p: GenericParam, path: string): keyof typeof ARGS {
  if (path === 'iter::Flatten') return 'nested';
  // `BufWriter<W: ?Sized + Write>`: the model leaves the bound to src/core/stdTraitRules.ts.
  if (path === 'io::BufWriter' || path === 'io::LineWriter') return 'write';
  const written = JSON.stringify([p.kind === 'type' ? [p.traits, p.bounds, p.otherBounds] : []]);
  return /Iterator/.test(written) ? 'iterator' : /\bFn(Mut|Once)?\b/.test(written) ? 'fn' : /Pattern/.test(written) ? 'pattern' : /Write/.test(written) ? 'write' : 'none';
}

interface Probed {
  readonly refused: number;
  readonly laidOut: number;
  readonly told: number;
  readonly wrong: readonly string[];
}

/**
 * Every public generic std type written with `'static` for its lifetimes and an argument meeting
 * each type parameter's bound (ARGS), then once per type parameter with `probeArg` for it, and,
 * with `lifetimeProbes`, once per lifetime with `'static` for it and `'c` for the others. Probes
 * of a type whose first line rustc refuses say nothing (their bounds are not met alike).
 */
async function probeStdParams(analyzer: Analyzer, header: string, probeArg: (p: GenericParam, path: string) => string, lifetimeProbes: boolean): Promise<Probed> {
  const stdPaths = await modelStdPaths(analyzer);
  const lines = ['#![allow(dead_code, unused, deprecated)]', header];
  const groups: { base: number; probes: number[] }[] = [];
  const add = (ty: string): number => {
    lines.push(`pub struct S${lines.length}<'c>(pub ${ty}, pub &'c u8);`);
    return lines.length - 1;
  };
  for (const [item, paths] of stdPaths) {
    const p = paths[0]!;
    if (UNSTABLE_STD[p] !== undefined || item.attrs.some((a) => a.name === 'deprecated')) continue;
    const params = item.generics.params;
    const lifetimes = params.filter((q) => q.kind === 'lifetime');
    const types = params.filter((q) => q.kind === 'type');
    if (params.length === 0 || params.some((q) => q.kind === 'const')) continue;
    const required = types.filter((q) => q.kind === 'type' && q.default === undefined).length;
    // `'static` for the lifetimes but `shortLifetime` ('c); for the types an argument that meets
    // the parameter's bound with no lifetime, but `probed` the probe's.
    const args = (shortLifetime: number, probed: number): string => {
      const n = Math.max(required, probed + 1);
      const ls = lifetimes.map((_, i) => (shortLifetime < 0 || i === shortLifetime ? "'static" : "'c"));
      return [...ls, ...types.slice(0, n).map((q, k) => (k === probed ? probeArg(q, p) : ARGS[boundKind(q, p)][0]))].join(', ');
    };
    const base = add(`std::${p}<${args(-1, -1)}>`);
    const probes: number[] = [];
    for (let k = 0; k < types.length; k++) probes.push(add(`std::${p}<${args(-1, k)}>`));
    if (lifetimeProbes && lifetimes.length > 1) for (let i = 0; i < lifetimes.length; i++) probes.push(add(`std::${p}<${args(i, -1)}>`));
    groups.push({ base, probes });
  }
  const rustc = await rustcVerdicts(lines, (l) => CASE.test(l));
  const engine = new Map((await analyzer.analyzeText('std_params.rs', lines.join('\n'))).types.map((t) => [t.name, t]));
  const verdict = (i: number): string => {
    const t = engine.get(`S${i}`);
    return t?.size != null ? `${t.size}/${t.align}` : t?.error ? t.error.slice(0, 5) : 'unknown';
  };
  const wrong: string[] = [];
  let refused = 0;
  let laidOut = 0;
  let told = 0;
  for (const g of groups) {
    const baseWant = rustc.get(`S${g.base}`) ?? '';
    if (!/^\d+\/\d+$/.test(baseWant)) {
      if (/^\d/.test(verdict(g.base))) wrong.push(`${lines[g.base]}  rustc: ${baseWant}, engine: ${verdict(g.base)}`);
      continue;
    }
    for (const i of [g.base, ...g.probes]) {
      const want = rustc.get(`S${i}`) ?? '';
      const got = verdict(i);
      if (/^\d+\/\d+$/.test(want)) {
        if (i === g.base) {
          if (got !== want && got !== 'unknown') wrong.push(`${lines[i]}  rustc: ${want}, engine: ${got}`);
          continue;
        }
        laidOut++;
        if (got === want) told++;
        else if (got !== 'unknown') wrong.push(`${lines[i]}  rustc: ${want}, engine: ${got}`);
      } else {
        refused++;
        if (got === want) told++;
        else if (/^\d/.test(got)) wrong.push(`${lines[i]}  rustc: ${want}, engine: ${got}`);
      }
    }
  }
  return { refused, laidOut, told, wrong };
}

describe("std's bounds on their own parameters, against rustc", function () {
  this.timeout(600_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());
  before(function () {
    if (!rustcAvailable()) this.skip();
  });

  it("outlives (E0477, E0478): each public generic std type given an argument naming `'c` for one type parameter, or `'static` for one lifetime: no number where rustc refuses it, no error where it lays it out", async () => {
    const r = await probeStdParams(analyzer, '', (q, p) => ARGS[boundKind(q, p)][1], true);
    console.log(`      ${r.refused + r.laidOut} probes: rustc refuses ${r.refused}, lays out ${r.laidOut}; the engine tells ${r.told}`);
    assert.deepEqual(r.wrong, [], `${r.wrong.length} differ from rustc`);
    // rustc 1.95: most of std's borrowing types ask their parameters to outlive their lifetime.
    assert.ok(r.refused > 60 && r.laidOut >= 5, `too few cases: ${r.refused} refused, ${r.laidOut} laid out`);
    assert.ok(r.told > 0.9 * (r.refused + r.laidOut), `the engine told only ${r.told} of ${r.refused + r.laidOut}`);
  });

  it('traits (E0277): each public generic std type given a type that implements nothing (`Bare`) for one type parameter: no number where std bounds that parameter, and rustc\'s number where it does not', async () => {
    const r = await probeStdParams(analyzer, 'pub struct Bare;', () => 'Bare', false);
    console.log(`      ${r.refused + r.laidOut} probes: rustc refuses ${r.refused}, lays out ${r.laidOut}; the engine tells ${r.told}`);
    assert.deepEqual(r.wrong, [], `${r.wrong.length} differ from rustc`);
    assert.ok(r.refused > 20 && r.laidOut > 200, `too few cases: ${r.refused} refused, ${r.laidOut} laid out`);
    assert.ok(r.told > 0.8 * (r.refused + r.laidOut), `the engine told only ${r.told} of ${r.refused + r.laidOut}`);
  });
});
