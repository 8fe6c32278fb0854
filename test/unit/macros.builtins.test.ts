/**
 * The built-in expansions: `cfg_if!` (exact output, errors) and `bitflags!` 1.x / 2.x (exact
 * output, errors, and layouts equal to the real crate's, compiled by cargo with
 * `-Zprint-type-sizes`). The bitflags 1.x check uses Debian's bitflags-1.3.2 in
 * /usr/share/cargo/registry; the 2.x check a bitflags-2.* source directory found there or named
 * by RLL_BITFLAGS2_SRC. Each is skipped without its source or without cargo.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandBitflags, expandCfgIf, expandPinProjectLite, type Expansion, type Failure } from '../../src/core/macros/index';
import { parsePrintTypeSizes, type PtsType } from '../oracle/rustc';
import { compareExpanded, lexOrThrow, RUSTC_ENV, rustcAvailable, splitItems } from './macrosHarness';

const FIXTURES = join(__dirname, '../../../test/fixtures/macros');
const REGISTRY = '/usr/share/cargo/registry';

function text(r: Expansion | Failure): string {
  if ('error' in r) assert.fail(r.error);
  return r.text;
}

function error(r: Expansion | Failure): string {
  assert.ok('error' in r, `expected an error, got: ${'text' in r ? r.text : ''}`);
  return r.error;
}

describe('macros: cfg_if! builtin', () => {
  it('each item of branch i gets all(cond_i, not(any(earlier conds))), as cfg-if writes it', () => {
    const out = text(expandCfgIf('if #[cfg(unix)] { struct A; fn f() {} } else if #[cfg(windows)] { struct B; } else { struct C(u8); }'));
    assert.equal(
      out,
      [
        '#[cfg(all(unix, not(any())))] struct A;',
        '#[cfg(all(unix, not(any())))] fn f() { }',
        '#[cfg(all(windows, not(any(unix))))] struct B;',
        '#[cfg(all(not(any(unix, windows))))] struct C(u8);',
        '',
      ].join('\n'),
    );
  });

  it('a chain without else; a predicate of several tokens; an empty branch emits nothing', () => {
    const out = text(expandCfgIf('if #[cfg(feature = "x")] {} else if #[cfg(all(a, not(b)))] { pub mod m { } }'));
    assert.equal(out, '#[cfg(all(all(a, not(b)), not(any(feature = "x"))))] pub mod m { }\n');
  });

  it('several chains in one call start afresh (the crate itself accepts one chain only)', () => {
    const out = text(expandCfgIf('if #[cfg(a)] { struct A; } if #[cfg(b)] { struct B; } else { struct C; }'));
    assert.equal(out, ['#[cfg(all(a, not(any())))] struct A;', '#[cfg(all(b, not(any())))] struct B;', '#[cfg(all(not(any(b))))] struct C;', ''].join('\n'));
  });

  it('items of every shape are split where rustc splits them, nested calls included', () => {
    const branch = [
      '#[derive(Debug)] pub struct S<T: Clone>(T) where T: Copy;',
      'const X: [u8; 2] = { let a = [0; 2]; a };',
      'impl<T> Tr for S<T> { fn f(&self) {} }',
      'extern "C" { fn abs(x: i32) -> i32; }',
      'macro_rules! m { () => {} }',
      'm!();',
      'cfg_if::cfg_if! { if #[cfg(x)] { struct N; } }',
      'use a::{b, c::*};',
      'pub(crate) unsafe trait U {}',
    ];
    const out = text(expandCfgIf(`if #[cfg(p)] { ${branch.join(' ')} }`));
    const items = out.split('\n').filter((l) => l.length > 0);
    assert.equal(items.length, branch.length, out);
    for (const line of items) assert.ok(line.startsWith('#[cfg(all(p, not(any())))] '), line);
  });

  it('origins map the copied tokens back into the input', () => {
    const input = 'if #[cfg(unix)] { pub struct A; }';
    const r = expandCfgIf(input);
    assert.ok('text' in r);
    for (const o of r.origins) assert.equal(r.text.slice(o.outStart, o.outEnd), input.slice(o.inStart, o.inStart + (o.outEnd - o.outStart)));
    assert.deepEqual(
      r.origins.map((o) => r.text.slice(o.outStart, o.outEnd)),
      ['unix', 'pub', 'struct', 'A', ';'],
    );
  });

  it('malformed calls are errors that say where', () => {
    assert.match(error(expandCfgIf('')), /expected `if`/);
    assert.match(error(expandCfgIf('if #[cfg()] { struct A; }')), /a predicate in `cfg\(\)`/);
    assert.match(error(expandCfgIf('if #[cfg(a)] { struct A; } else')), /expected `if` or `\{` after `else`/);
    assert.match(error(expandCfgIf('if #[cfg(a)] { let x = 1; }')), /expected an item, found `let` \(offset 15\)/);
    assert.match(error(expandCfgIf('if #[cfg_attr(a)] { }')), /expected `cfg\(\.\.\)`/);
    assert.match(error(expandCfgIf('if #[cfg(a)] { struct A; ')), /unclosed delimiter/);
  });
});

describe('macros: bitflags! builtin', () => {
  const input = '/// Doc\n#[repr(transparent)] pub struct F: u32 { const A = 1; const B = 2; } #[cfg(unix)] struct G: u8 {}';

  it('1.x: the struct the macro declares, `bits: T`, its derives after the outer attributes', () => {
    assert.equal(
      text(expandBitflags(input, 1)),
      [
        '#[doc = r" Doc"] #[repr(transparent)] #[derive(Copy, PartialEq, Eq, Clone, PartialOrd, Ord, Hash)] pub struct F { bits: u32, }',
        '#[cfg(unix)] #[derive(Copy, PartialEq, Eq, Clone, PartialOrd, Ord, Hash)] struct G { bits: u8, }',
        '',
      ].join('\n'),
    );
  });

  it('2.x: a one-field tuple struct of T (the real one wraps a repr(transparent) struct of T)', () => {
    assert.equal(text(expandBitflags(input, 2)), ['#[doc = r" Doc"] #[repr(transparent)] pub struct F(u32);', '#[cfg(unix)] struct G(u8);', ''].join('\n'));
  });

  it('2.x: `impl Name: T { .. }` flags an existing type and declares nothing; 1.x rejects it', () => {
    assert.equal(text(expandBitflags('impl External: u32 { const A = 1; } pub struct Own: u8 {}', 2)), 'pub struct Own(u8);\n');
    assert.match(error(expandBitflags('impl External: u32 { const A = 1; }', 1)), /expected `struct`, found `impl`/);
  });

  it('visibility and bits types of any shape are kept', () => {
    assert.equal(text(expandBitflags('pub(in crate::a) struct P: <T as Tr>::Bits {}', 2)), 'pub(in crate::a) struct P(<T as Tr>::Bits);\n');
    assert.equal(text(expandBitflags('', 1)), '');
  });

  it('malformed calls are errors that say where', () => {
    assert.match(error(expandBitflags('struct F u8 {}', 1)), /expected `:`, found `u8` \(offset 9\)/);
    assert.match(error(expandBitflags('struct F: {}', 2)), /expected the bits type/);
    assert.match(error(expandBitflags('struct F: u8', 2)), /expected `\{` at the end of the input/);
    assert.match(error(expandBitflags('enum F: u8 {}', 2)), /expected `struct` or `impl`, found `enum`/);
  });
});

const CARGO_CONFIG = `[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "${REGISTRY}"
[net]
offline = true
`;

/** The types laid out while compiling `lib` (a crate depending on `dependency`) with -Zprint-type-sizes. */
function cargoTypeSizes(dir: string, lib: string, dependency: string): Map<string, PtsType> {
  mkdirSync(join(dir, 'cargo-home'), { recursive: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'cargo-home/config.toml'), CARGO_CONFIG);
  writeFileSync(join(dir, 'Cargo.toml'), `[package]\nname = "probe"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\nbitflags = ${dependency}\n`);
  writeFileSync(join(dir, 'src/lib.rs'), lib);
  const r = spawnSync('cargo', ['rustc', '--lib', '--offline', '-q', '--', '-Zprint-type-sizes'], {
    cwd: dir,
    env: { ...RUSTC_ENV, CARGO_HOME: join(dir, 'cargo-home'), CARGO_TARGET_DIR: join(dir, 'target') },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return parsePrintTypeSizes(r.stdout);
}

function rustcTypeSizes(dir: string, lib: string): Map<string, PtsType> {
  writeFileSync(join(dir, 'ours.rs'), lib);
  const r = spawnSync('rustc', ['--edition', '2021', '--crate-type', 'lib', '-Zprint-type-sizes', '--out-dir', dir, join(dir, 'ours.rs')], { env: RUSTC_ENV, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return parsePrintTypeSizes(r.stdout);
}

/** The types the fixture declares. */
const FLAG_TYPES = ['Flags8', 'Flags64', 'Private', 'FlagsC', 'Wide', 'Size', 'OnUnix', 'Aligned'];
const probes = FLAG_TYPES.map((t) => `const _: usize = core::mem::size_of::<${t}>();`).join('\n');

/** Each `bitflags! { .. }` call's input in the fixture. */
function fixtureCalls(): string[] {
  const src = readFileSync(join(FIXTURES, 'bitflags.rs'), 'utf8');
  const toks = lexOrThrow(src);
  return splitItems(toks).map(([from]) => {
    const open = toks[from + 2];
    return src.slice(open.start + 1, toks[open.pair].start);
  });
}

function bitflags2Source(): string | undefined {
  const env = process.env.RLL_BITFLAGS2_SRC;
  if (env) return env;
  const found = existsSync(REGISTRY) ? readdirSync(REGISTRY).find((d) => d.startsWith('bitflags-2.')) : undefined;
  return found && join(REGISTRY, found);
}

describe('macros: bitflags! builtin lays out as the real crate (cargo, -Zprint-type-sizes)', function () {
  this.timeout(180_000);
  let dir = '';
  before(function () {
    if (!rustcAvailable() || spawnSync('cargo', ['--version']).status !== 0) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'rll-bitflags-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, 1 | 2, () => string | undefined][] = [
    ['1.x (bitflags 1.3.2)', 1, () => (existsSync(join(REGISTRY, 'bitflags-1.3.2')) ? '"=1.3.2"' : undefined)],
    ['2.x', 2, () => { const src = bitflags2Source(); return src && `{ path = ${JSON.stringify(src)} }`; }],
  ];
  for (const [label, major, dependency] of cases) {
    it(`${label}: size, alignment and fields of every flags type`, function () {
      const dep = dependency();
      if (dep === undefined) this.skip();
      const real = cargoTypeSizes(join(dir, `real${major}`), `use bitflags::bitflags;\n${readFileSync(join(FIXTURES, 'bitflags.rs'), 'utf8')}\n${probes}\n`, dep);
      const expanded = fixtureCalls().map((c) => text(expandBitflags(c, major)));
      const ours = rustcTypeSizes(dir, `${expanded.join('\n')}\n${probes}\n`);
      for (const name of FLAG_TYPES) {
        const r = real.get(name);
        const o = ours.get(name);
        assert.ok(r && o, `${name}: laid out by the real crate ${!!r}, by ours ${!!o}`);
        assert.deepEqual({ size: o.size, align: o.align, fields: o.fields.map((f) => [f.offset, f.size]) }, { size: r.size, align: r.align, fields: r.fields.map((f) => [f.offset, f.size]) }, name);
      }
    });
  }

  it('1.x: the struct declarations equal the real macro\'s (rustc -Zunpretty=expanded)', function () {
    if (!existsSync(join(REGISTRY, 'bitflags-1.3.2'))) this.skip();
    const real = join(dir, 'expanded1');
    cargoTypeSizes(real, `use bitflags::bitflags;\n${readFileSync(join(FIXTURES, 'bitflags.rs'), 'utf8')}\n`, '"=1.3.2"');
    const r = spawnSync('cargo', ['rustc', '--lib', '--offline', '-q', '--', '-Zunpretty=expanded'], {
      cwd: real,
      env: { ...RUSTC_ENV, CARGO_HOME: join(real, 'cargo-home'), CARGO_TARGET_DIR: join(real, 'target') },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const structs = (s: string): string => {
      const toks = lexOrThrow(s);
      return splitItems(toks)
        .filter(([from, to]) => toks.slice(from, to).some((t, k, a) => t.text === 'struct' && FLAG_TYPES.includes(a[k + 1]?.text)))
        .map(([from, to]) => s.slice(toks[from].start, to < toks.length ? toks[to].start : s.length))
        .join('\n');
    };
    const oursExpanded = spawnSync('rustc', ['--edition', '2021', '--crate-type', 'lib', '-Zunpretty=expanded', '-'], {
      input: fixtureCalls().map((c) => text(expandBitflags(c, 1))).join('\n'),
      env: RUSTC_ENV,
      encoding: 'utf8',
    });
    assert.equal(oursExpanded.status, 0, oursExpanded.stderr);
    const { items, mismatches } = compareExpanded(structs(oursExpanded.stdout), structs(r.stdout));
    assert.deepEqual(mismatches, []);
    assert.equal(items, FLAG_TYPES.length);
  });
});

describe("macros: pin-project-lite's pin_project! in a dependency", () => {
  it('is the item itself: `#[pin]` and `#[project..]` attributes blanked, every other character where it was', () => {
    const input = `
    /// A future.
    #[project = MapProj]
    #[project_replace = MapProjReplace]
    #[must_use = "futures do nothing unless you poll them"]
    pub enum Map<Fut, F> {
        Incomplete { #[pin] future: Fut, f: F },
        Complete,
    }
    impl<Fut, F> PinnedDrop for Map<Fut, F> { fn drop(this: Pin<&mut Self>) {} }
`;
    const r = expandPinProjectLite(input);
    assert.ok(!('error' in r), 'error' in r ? r.error : '');
    assert.equal(r.text.length, input.length);
    assert.deepEqual(r.origins, [{ outStart: 0, outEnd: input.length, inStart: 0 }]);
    assert.doesNotMatch(r.text, /#\[pin\]|#\[project/);
    assert.match(r.text, /#\[must_use = "futures do nothing unless you poll them"\]/);
    assert.equal(r.text.replace(/\s+/g, ' '), input.replace(/#\[(pin|project|project_replace)[^\]]*\]/g, '').replace(/\s+/g, ' '));
    assert.equal(r.text.indexOf('pub enum Map'), input.indexOf('pub enum Map'));
    assert.ok('error' in expandPinProjectLite('pub struct S { a: u8 '), 'unbalanced input is an error');
  });
});
