/**
 * Constant expressions with comparisons and boolean operators (`(A < B) as usize`, `&&`, `!`),
 * as real crates write them (semver's `TAIL_BYTES`), checked against rustc when it is on PATH.
 */
import assert from 'node:assert/strict';
import { Analyzer } from '../../src/analysis/analyzer';
import { printTypeSizes, rustcAvailable } from '../oracle/rustc';
import { wasmDir } from './parseHelpers';

const SOURCE = `
const PTR_BYTES: usize = core::mem::size_of::<*const u8>();
const TAIL: usize = 8 * (PTR_BYTES < 8) as usize - PTR_BYTES * (PTR_BYTES < 8) as usize;
const WIDE: usize = (PTR_BYTES >= 8 && !(PTR_BYTES == 16)) as usize * 4 + (1 != 1) as usize;
pub struct A { pub x: [u8; TAIL + 1], pub y: [u16; WIDE + 1] }
pub struct B { pub a: [u32; (3 <= 2 || 5 > 4) as usize], pub b: u8 }
#[repr(u8)]
pub enum C { X = (1 < 2) as u8, Y = 7 }
pub struct D { pub a: [u64; (PTR_BYTES > 100) as usize], pub b: C }
pub fn force(_: A, _: B, _: C, _: D) {}
`;

describe('constant expressions with comparisons', () => {
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('are evaluated on x86_64 (and a bool used as an integer abstains)', async () => {
    const r = await analyzer.analyzeText('c.rs', SOURCE + 'pub struct Bad { a: [u8; 1 < 2] }\n');
    const by = new Map(r.types.map((t) => [t.name, t]));
    // x86_64: PTR_BYTES = 8, TAIL = 0, WIDE = 4 → A { [u8; 1], [u16; 5] }: 11 bytes, align 2 → 12
    assert.equal(by.get('A')?.size, 12);
    assert.equal(by.get('B')?.size, 8);
    assert.equal(by.get('D')?.size, 8); // [u64; 0] still aligns to 8
    assert.match(by.get('Bad')?.unknown ?? '', /bool/);
    // i686: PTR_BYTES = 4, TAIL = 4, WIDE = 0 → A { [u8; 5], [u16; 1] }: 7 → 8
    const i686 = await analyzer.analyzeText('c.rs', SOURCE, 'i686-unknown-linux-gnu');
    assert.equal(i686.types.find((t) => t.name === 'A')?.size, 8);
  });

  it('match rustc', async function () {
    if (!rustcAvailable()) this.skip();
    this.timeout(60_000);
    const { pts, code, stderr } = await printTypeSizes(SOURCE, ['--emit=metadata']);
    assert.equal(code, 0, stderr);
    const r = await analyzer.analyzeText('c.rs', SOURCE);
    for (const name of ['A', 'B', 'C', 'D']) {
      const ours = r.types.find((t) => t.name === name);
      const theirs = pts.get(name);
      assert.ok(theirs, `rustc did not print ${name}`);
      assert.equal(ours?.size, theirs.size, `${name}: size`);
      assert.equal(ours?.align, theirs.align, `${name}: align`);
    }
  });
});
