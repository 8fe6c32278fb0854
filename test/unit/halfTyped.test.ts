/**
 * Half-typed code: a type whose definition has a syntax error is not laid out. tree-sitter
 * recovers from the error (a MISSING `>`, a field swallowed by an ERROR node, a struct closed
 * early), and what it recovers is a guess: `struct G { a: u8, b: Option<u16 }` was 6 bytes and
 * `struct H { pub : u8, b: u16 }` 2 bytes, shown as facts for code rustc does not compile. Each
 * case is checked against rustc: it refuses the broken definition, and the types around it keep
 * rustc's numbers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { run } from '../oracle/rustc';

const BEFORE = 'pub struct Before { pub a: u8, pub b: u32 }';
const AFTER = 'pub struct After { pub a: u8, pub b: u64 }';

/** A broken line, the type that must not be laid out, and what the reason names. */
const CASES: readonly (readonly [line: string, type: string, what: RegExp, broken?: string])[] = [
  ['pub struct G { pub a: u8, pub b: Option<u16 }', 'G', /missing `>`/],
  ['pub struct H { pub : u8, pub b: u16 }', 'H', /unexpected/],
  ['pub struct S { pub a: u8; pub b: u32 }', 'S', /unexpected `pub a: u8;`/],
  ['pub struct T { pub a: u8, pub b: (u32, }', 'T', /missing `\)`/],
  ["pub struct R { pub a: u8, pub b: &'static [u8 }", 'R', /missing `\]`/],
  ['pub struct P(pub u8, pub Option<u32);', 'P', /missing `>`/],
  ['pub enum E { X(u8, ), Y(Option<u16) }', 'E', /missing `>`/],
  ['pub enum D { X = 1 +, Y }', 'D', /unexpected `\+`/],
  ['pub enum F { X(u8), Y(u32 }', 'F', /missing `\)`/],
  ['pub struct A { pub a: u8, pub b: [u32; ], }', 'A', /unexpected `;`/],
  ['pub struct B { pub a: u8, pub b: [u64 3] }', 'B', /unexpected `3`/],
  ['pub struct C { pub a: u8, pub b: &mut }', 'C', /a type missing/],
  ['pub struct K { pub a: u8, pub b: Option<Box<u32>, pub c: u64 }', 'K', /unexpected `c`/],
  ['pub struct L { pub a: u8, pub b: Vec<u8>> }', 'L', /unexpected `>`/],
  ['pub type Al = Option<u8;', 'Al', /missing `>`/],
  // A constant that does not parse: what it sizes is not laid out (it was 3 bytes).
  ['pub const N: usize = 3\npub struct Z(pub [u8; N]);', 'Z', /missing `;`/, 'N'],
  ['pub const M: usize = 2 +;\npub struct Y(pub [u8; M]);', 'Y', /a name or a value missing/, 'M'],
  // An attribute that does not parse: `#[repr(C, packed]` was read as packed (5 bytes).
  ['#[repr(C, packed] pub struct Q { pub a: u8, pub b: u32 }', 'Q', /in the attribute `#\[repr\(C, packed\]`/],
  ['#[repr(u8] pub enum Q2 { A, B }', 'Q2', /in the attribute `#\[repr\(u8\]`/],
  ['#[derive(Debug, Clone] pub struct Q3 { pub a: u8 }', 'Q3', /in the attribute/],
  // A keyword where a field's name goes: tree-sitter reads a name, rustc does not parse it.
  ['pub struct KS { pub self: u8, pub b: u16 }', 'KS', /`self` cannot name a field/],
  ['pub struct KT { pub a: u8, pub type: u32 }', 'KT', /`type` cannot name a field/],
  ['pub struct KU { pub _: u64 }', 'KU', /`_` cannot name a field/],
  ['pub enum KE { A { match: u8 }, B }', 'KE', /`match` cannot name a field/],
];

describe('half-typed code: a definition with a syntax error is not laid out (rustc refuses it)', function () {
  this.timeout(600_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());
  let dir: string;
  let around: Map<string, string>;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rll-half-'));
    // rustc's numbers for the well-formed neighbours.
    writeFileSync(path.join(dir, 'ok.rs'), `${BEFORE}\n${AFTER}\nfn main() {\n${['Before', 'After'].map((n) => `    println!("${n} {}/{}", std::mem::size_of::<${n}>(), std::mem::align_of::<${n}>());`).join('\n')}\n}\n`);
    const r = await run('rustc', ['--edition', '2021', '-o', path.join(dir, 'ok'), path.join(dir, 'ok.rs')]);
    assert.equal(r.code, 0, r.stderr);
    const out = await run(path.join(dir, 'ok'), []);
    around = new Map(out.stdout.trim().split('\n').map((l) => l.split(' ') as [string, string]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [line, type, what, named] of CASES) {
    it(`\`${line}\``, async () => {
      const source = `${BEFORE}\n${line}\n${AFTER}\npub struct Uses { pub x: ${type} }\n`;
      const file = path.join(dir, `${type}.rs`);
      writeFileSync(file, source);
      const r = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit', 'metadata', '-o', path.join(dir, `${type}.rmeta`), file]);
      assert.notEqual(r.code, 0, `rustc compiles it:\n${source}`);
      assert.match(r.stderr, new RegExp(`^error[^\\n]*\\n\\s*--> [^\\n]*:2:`, 'm'), `rustc's first error is on the broken line:\n${r.stderr.slice(0, 1200)}`);

      const types = new Map((await analyzer.analyzeText('half.rs', source)).types.map((t) => [t.name, t]));
      // A type alias is not reported itself: the struct holding it says why.
      const broken = types.get(type === 'Al' ? 'Uses' : type);
      assert.ok(broken, `${type} is listed`);
      assert.equal(broken.size, null, `${type} must not be laid out: ${JSON.stringify(broken)}`);
      const why = broken.unknown ?? '';
      assert.match(why, new RegExp(`the definition of \`${named ?? type}\` does not parse`), why);
      assert.match(why, what, why);
      assert.equal(types.get('Uses')?.size, null, `a type holding ${type} is not laid out either`);
      for (const n of ['Before', 'After']) {
        const t = types.get(n);
        assert.equal(t && `${t.size}/${t.align}`, around.get(n), `${n} keeps rustc's numbers`);
      }
    });
  }

  it('an error-free definition is not marked, and fixing the broken one gives its number back', async () => {
    const fixed = (await analyzer.analyzeText('half.rs', `${BEFORE}\npub struct G { pub a: u8, pub b: Option<u16> }\n`)).types;
    assert.deepEqual(
      fixed.map((t) => [t.name, `${t.size}/${t.align}`, t.unknown]),
      [
        ['Before', around.get('Before'), undefined],
        ['G', '6/2', undefined],
      ],
    );
  });
});
