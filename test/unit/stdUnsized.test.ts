/**
 * Which of std's type parameters take an unsized argument (`Box<str>`, `Rc<[u8]>`,
 * `RefCell<dyn Tr>`) and which are `Sized` (`Vec<str>`, `HashMap<str, u8>`: rustc's E0277): every
 * public generic type of the std model, given `str` for one parameter at a time, against rustc.
 * The engine reads `?Sized` from the model's declarations (src/core/stdSource.ts), so a
 * declaration that leaves it out would refuse a type rustc lays out, and one that adds it would
 * give a number where rustc refuses the type. Each type is also written with `u8` for every
 * parameter, by its first public path: rustc refuses the bounds `u8` does not meet
 * (`Peekable<u8>`, `slice::Split<'_, u8, u8>`, `NonZero<bool>`) and the paths std does not give
 * (`std::sync::poison::Mutex` is unstable), and the engine must give those no number.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { UNSTABLE_STD } from '../../src/core/stdUnstable';
import { rustcAvailable } from '../oracle/rustc';
import { rustcVerdicts } from './rustcVerdicts';
import { modelStdPaths } from './stdPaths';

const CASE = /^pub struct S\d+\(/;

describe("std's type parameters: Sized unless declared ?Sized, against rustc (E0277)", function () {
  this.timeout(600_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());
  before(function () {
    if (!rustcAvailable()) this.skip();
  });

  it('each public generic std type with `str` for one parameter, and with `u8` for all: no number where rustc refuses it, no E0277 where it lays it out', async () => {
    const stdPaths = await modelStdPaths(analyzer);
    const lines = ['#![allow(dead_code, unused, deprecated)]'];
    // The item's path with all-`u8` arguments (its baseline) and with `str` at each type parameter.
    const groups: { base: number; probes: number[] }[] = [];
    for (const [item, paths] of stdPaths) {
      const p = paths[0]!;
      if (UNSTABLE_STD[p] !== undefined || item.attrs.some((a) => a.name === 'deprecated')) continue;
      const params = item.generics.params;
      if (params.some((q) => q.kind === 'const') || !params.some((q) => q.kind === 'type')) continue;
      const types = params.filter((q) => q.kind === 'type');
      // Parameters with a default are written only up to the one given `str`.
      const required = types.filter((q) => q.kind === 'type' && q.default === undefined).length;
      const args = (unsized: number) => {
        const n = Math.max(required, unsized + 1);
        return [...params.filter((q) => q.kind === 'lifetime').map(() => "'static"), ...types.slice(0, n).map((_, k) => (k === unsized ? 'str' : 'u8'))].join(', ');
      };
      const base = lines.length;
      lines.push(`pub struct S${lines.length}(pub std::${p}<${args(-1)}>, pub u8);`);
      const probes: number[] = [];
      for (let k = 0; k < types.length; k++) {
        probes.push(lines.length);
        lines.push(`pub struct S${lines.length}(pub std::${p}<${args(k)}>, pub u8);`);
      }
      groups.push({ base, probes });
    }
    const rustc = await rustcVerdicts(lines, (l) => CASE.test(l));
    const engine = new Map((await analyzer.analyzeText('std_unsized.rs', lines.join('\n'))).types.map((t) => [t.name, t]));
    const wrong: string[] = [];
    let sized = 0;
    let unsized = 0;
    let told = 0;
    for (const g of groups) {
      // With `u8` everywhere: rustc refuses a type whose bound `u8` does not meet (`Peekable<u8>`).
      const baseWant = rustc.get(`S${g.base}`) ?? '';
      const baseGot = engine.get(`S${g.base}`);
      if (!/^\d+\/\d+$/.test(baseWant)) {
        if (baseGot?.size != null) wrong.push(`${lines[g.base]}  rustc: ${baseWant}, engine: ${baseGot.size}/${baseGot.align}`);
        // ... and then the `str` probes say nothing of sizedness.
        continue;
      }
      if (baseGot?.size != null && `${baseGot.size}/${baseGot.align}` !== baseWant) wrong.push(`${lines[g.base]}  rustc: ${baseWant}, engine: ${baseGot.size}/${baseGot.align}`);
      if (baseGot?.error) wrong.push(`${lines[g.base]}  rustc: ${baseWant}, engine: ${baseGot.error.slice(0, 5)}`);
      for (const i of g.probes) {
        const want = rustc.get(`S${i}`)!;
        const t = engine.get(`S${i}`);
        const got = t?.size != null ? `${t.size}/${t.align}` : t?.error ? t.error.slice(0, 5) : 'unknown';
        if (/^\d+\/\d+$/.test(want)) {
          unsized++;
          if (got === want) told++;
          else if (got !== 'unknown') wrong.push(`${lines[i]}  rustc: ${want}, engine: ${got}`);
        } else {
          sized++;
          if (want === 'E0277' && got === 'E0277') told++;
          else if (got !== 'unknown' && !(want !== 'E0277' && got.startsWith('E'))) wrong.push(`${lines[i]}  rustc: ${want}, engine: ${got}`);
        }
      }
    }
    console.log(`      ${sized + unsized} parameters: rustc refuses str for ${sized}, lays out ${unsized}; the engine tells ${told}`);
    assert.deepEqual(wrong, [], `${wrong.length} differ from rustc`);
    // rustc 1.95: most of std's parameters are Sized; Box, Rc, Arc, the cells, PhantomData… are not.
    assert.ok(sized > 200 && unsized >= 8, `too few cases: ${sized} sized, ${unsized} unsized`);
    assert.ok(told > 0.8 * (sized + unsized), `the engine told only ${told} of ${sized + unsized}`);
  });
});
