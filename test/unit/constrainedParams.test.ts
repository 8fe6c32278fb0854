/**
 * Type parameters no field uses, against rustc: random generic structs whose parameters all have
 * defaults, with inline and where-clause bounds (associated type bindings `A: Dfa<Id = S>`, trait
 * arguments `A: Tr2<S>`, bounded types `Dense<P>`), fields that use some parameters (directly,
 * in `Option`, in `PhantomData`). rustc rejects the ones with an unconstrained parameter (E0392)
 * and lays out the rest with their defaults; the engine must give every accepted type rustc's
 * size (src/core/report.ts `constrainedByBindings`) and no rejected one a number.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { rustcAvailable } from '../oracle/rustc';
import { rustcVerdicts } from './rustcVerdicts';
import { rng } from './parseHelpers';

const HEADER = [
  '#![allow(dead_code, unused)]',
  'use std::marker::PhantomData;',
  'pub trait Dfa { type Id; }',
  'pub trait Tr2<X> {}',
  'pub struct Dense<I>(I);',
  'impl<I> Dfa for Dense<I> { type Id = I; }',
  'impl Dfa for u8 { type Id = u8; }',
  'impl<I, X> Tr2<X> for Dense<I> {}',
  'impl<X> Tr2<X> for u8 {}',
];

/**
 * `count` structs after HEADER, one a line. Defaults are `u8` or `Dense<u8>` (both `Dfa` with
 * `Id = u8`), and a binding names only a parameter whose default is `u8`, so every bound holds
 * for the defaults: rustc's only verdict on a type is whether its parameters are constrained.
 */
function cases(r: () => number, count: number): string[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const lines = [...HEADER];
  for (let i = 0; i < count; i++) {
    const ps = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) => ({ name: `P${k}`, def: r() < 0.5 ? 'u8' : 'Dense<u8>' }));
    const u8s = ps.filter((p) => p.def === 'u8');
    const inline = new Map<string, string[]>();
    const preds: string[] = [];
    for (let b = Math.floor(r() * 3); b > 0; b--) {
      const param = pick(ps);
      const wrapped = r() >= 0.7;
      const lhs = wrapped ? `Dense<${pick(u8s.length ? u8s : ps).name}>` : param.name;
      const kind = r();
      const bound = kind < 0.6 && u8s.length ? `Dfa<Id = ${pick(u8s).name}>` : kind < 0.8 ? `Tr2<${pick(ps).name}>` : 'Dfa';
      // `Dense<P>: Dfa<Id = X>` holds for the defaults only when P's default is u8.
      if (wrapped && bound.startsWith('Dfa<') && !u8s.some((p) => `Dense<${p.name}>` === lhs)) continue;
      if (!wrapped && r() < 0.4) inline.set(lhs, [...(inline.get(lhs) ?? []), bound]);
      else preds.push(`${lhs}: ${bound}`);
    }
    const fields = ps.flatMap((p) => {
      const x = r();
      return x < 0.35 ? [p.name] : x < 0.45 ? [`Option<${p.name}>`] : x < 0.55 ? [`PhantomData<${p.name}>`] : [];
    });
    const generics = ps.map((p) => `${p.name}${inline.has(p.name) ? `: ${inline.get(p.name)!.join(' + ')}` : ''} = ${p.def}`).join(', ');
    lines.push(`pub struct S${lines.length}<${generics}>(${[...fields, 'u16'].map((f) => `pub ${f}`).join(', ')})${preds.length ? ` where ${preds.join(', ')}` : ''};`);
  }
  return lines;
}

describe('type parameters no field uses, against rustc (E0392 or constrained by a binding)', function () {
  this.timeout(300_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());
  before(function () {
    if (!rustcAvailable()) this.skip();
  });

  it('2 × 150 random generic structs with bounds: every type rustc lays out gets its size, no type it rejects gets a number', async () => {
    let sized = 0;
    for (const seed of [0xb1d_01, 0xb1d_02]) {
      const lines = cases(rng(seed), 150);
      const rustc = await rustcVerdicts(lines, (l) => /^pub struct S\d+</.test(l));
      const engine = new Map((await analyzer.analyzeText('bounds.rs', lines.join('\n'))).types.map((t) => [t.name, t]));
      const wrong: string[] = [];
      lines.forEach((line, i) => {
        if (!line.startsWith('pub struct S')) return;
        const want = rustc.get(`S${i}`)!;
        const t = engine.get(`S${i}`);
        const accepted = /^\d+\/\d+$/.test(want);
        if (accepted) sized++;
        // Accepted: rustc's size and alignment. Rejected: an error or an unknown, never a number.
        const ok = accepted ? `${t?.size}/${t?.align}` === want : t?.size == null;
        if (!ok) wrong.push(`${line}\n    rustc: ${want}, engine: ${t?.size ?? t?.error ?? `unknown: ${t?.unknown}`}`);
      });
      assert.deepEqual(wrong, [], `seed ${seed}: ${wrong.length} differ`);
    }
    // The cases must exercise both verdicts.
    assert.ok(sized >= 60, `only ${sized} types accepted by rustc`);
  });
});
