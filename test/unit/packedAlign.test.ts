/**
 * `#[repr(packed)]` and `#[repr(align)]` together, against rustc: random packed (and `C`, and
 * plain) structs whose fields hold aligned types directly, through struct fields as declared,
 * through generic structs, enums, unions, tuples, arrays, `Option`, pointers, aliases and a
 * projection, std's atomics, `Mutex` and a SIMD vector; some are generic packed structs used with
 * an argument. rustc's E0588 check walks definitions (check_packed_inner); the engine must give
 * the same error, or rustc's size and alignment (src/core/engine.ts `packedChain`).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { rustcAvailable } from '../oracle/rustc';
import { rng } from './parseHelpers';
import { rustcVerdicts } from './rustcVerdicts';

const HEADER = [
  '#![allow(dead_code, unused)]',
  'use std::marker::PhantomData;',
  '#[derive(Clone, Copy)] #[repr(align(8))] pub struct Al(pub u8);',
  '#[derive(Clone, Copy)] #[repr(C, align(4))] pub struct Al4(pub u16);',
  'pub struct G<T>(pub T);',
  'pub struct H<T> { pub a: Al, pub t: T }',
  'pub struct W { pub a: Al4 }',
  'pub struct WG<T> { pub w: W, pub t: T }',
  'pub enum E { A(Al), B }',
  'pub union U { pub a: std::mem::ManuallyDrop<Al>, pub b: u8 }',
  'pub union UA { pub a: Al4, pub b: u8 }',
  'pub trait Prim { type Inner; }',
  'impl Prim for u32 { type Inner = Al; }',
  'pub type Proj = <u32 as Prim>::Inner;',
  'pub type AliasAl = Al;',
  'pub struct ViaProj { pub p: Proj }',
  'pub struct ViaAlias { pub p: AliasAl }',
  'pub struct Deep { pub g: G<Al>, pub w: ViaAlias }',
];
const ATOMS = [
  'u8', 'u16', 'u64', 'Al', 'Al4', 'G<Al>', 'G<u8>', 'H<u8>', 'W', 'WG<u8>', 'E', 'U', 'UA', 'Proj', 'AliasAl', 'ViaProj', 'ViaAlias', 'Deep',
  'Option<Al>', '(u8, Al)', '[Al; 2]', 'std::mem::ManuallyDrop<Al>', 'std::cell::Cell<Al4>', 'PhantomData<Al>', 'Box<Al>', 'G<G<Al>>',
  'std::sync::atomic::AtomicU16', 'std::sync::Mutex<u8>', 'std::sync::Arc<Al>', 'core::arch::x86_64::__m128',
];

function cases(r: () => number, count: number): string[] {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const lines = [...HEADER];
  for (let i = 0; i < count; i++) {
    const fields = Array.from({ length: 1 + Math.floor(r() * 3) }, () => `pub ${pick(ATOMS)}`).join(', ');
    const repr = pick(['packed', 'packed', 'packed(2)', 'packed(4)', 'C, packed', 'C', '']);
    if (r() < 0.15) {
      // A generic packed struct (checked on its definition), then used with an argument.
      const g = `S${lines.length}`;
      lines.push(`#[repr(${repr || 'packed'})] pub struct ${g}<T>(pub u8, pub T, ${fields});`);
      lines.push(`pub struct S${lines.length}(pub ${g}<${pick(ATOMS)}>);`);
    } else {
      lines.push(`${repr ? `#[repr(${repr})] ` : ''}pub struct S${lines.length}(${fields});`);
    }
  }
  return lines;
}

describe('packed and aligned types together, against rustc (E0588 on definitions)', function () {
  this.timeout(300_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());
  before(function () {
    if (!rustcAvailable()) this.skip();
  });

  it('2 × 120 random structs: the same error as rustc or its size and alignment', async () => {
    let rejected = 0;
    for (const seed of [0x9ac_01, 0x9ac_02]) {
      const lines = cases(rng(seed), 120);
      const rustc = await rustcVerdicts(lines, (l) => /^(?:#\[repr\(.*?\)\] )?pub struct S\d+\(/.test(l));
      const engine = new Map((await analyzer.analyzeText('packed.rs', lines.join('\n'))).types.map((t) => [t.name, t]));
      const wrong: string[] = [];
      lines.forEach((line, i) => {
        if (/^#\[repr\(.*?\)\] pub struct S\d+<T>/.test(line)) return; // a generic definition: judged through its use
        // A use of a generic definition rustc rejected (E0588 on the definition) is that error.
        const def = /^pub struct S\d+\(pub (S\d+)</.exec(line)?.[1];
        const defVerdict = def ? rustc.get(def) : undefined;
        const want = defVerdict && !defVerdict.includes('/') ? defVerdict : rustc.get(`S${i}`);
        if (want === undefined) return;
        const t = engine.get(`S${i}`);
        const got = t?.error ? /^(E\d{4})/.exec(t.error)?.[1] ?? t.error : t?.size == null ? `unknown: ${t?.unknown}` : `${t.size}/${t.align}`;
        if (!/\//.test(want)) rejected++;
        if (got !== want) wrong.push(`${line}\n    rustc: ${want}, engine: ${got}`);
      });
      assert.deepEqual(wrong, [], `seed ${seed}: ${wrong.length} differ`);
    }
    assert.ok(rejected >= 30, `only ${rejected} rejected by rustc`);
  });
});
