/**
 * Self-tests of the differential-testing oracle (generator, rustc probe, print-type-sizes
 * parser, comparison). They need rustc but not the layout engine.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, generateRejected } from '../oracle/generator';
import { Rng } from '../oracle/prng';
import { CROSS_TARGETS, parsePrintTypeSizes, printTypeSizes, probeNoCore, probeRejected, probeStd, ptsToOracle, renderNoCore, renderStdProbe, rustcAvailable, type OracleType } from '../oracle/rustc';
import { compareReport, compareType, exactRate, formatSummary, type EngineType } from '../oracle/compare';
import { checkCrate, modulePathOf, readCargoToml } from '../oracle/real-crates';
import { NOCORE_FIXTURE, NOCORE_TARGETS, REJECTED_FIXTURE, STD_FIXTURES } from '../oracle/make-fixtures';

const ROOT = join(__dirname, '../../..');
const FIX = join(ROOT, 'test/fixtures/oracle');
const HAVE_RUSTC = rustcAvailable();

/** Sanity checks any real layout satisfies; a parser bug (e.g. lost padding) breaks them. */
function assertPlausible(t: OracleType): void {
  assert.ok(t.align >= 1 && (t.align & (t.align - 1)) === 0, `${t.name}: align ${t.align}`);
  assert.equal(t.size % t.align, 0, `${t.name}: size ${t.size} not a multiple of align ${t.align}`);
  for (const f of [...t.fields, ...(t.variants ?? []).flatMap((v) => v.fields)]) {
    assert.ok(f.offset >= 0 && f.offset <= t.size, `${t.name}.${f.name}: offset ${f.offset} outside size ${t.size}`);
    if (f.size !== undefined) assert.ok(f.offset + f.size <= t.size, `${t.name}.${f.name}: ends at ${f.offset + f.size} > ${t.size}`);
  }
}

describe('oracle: generator', () => {
  it('PRNG is deterministic and spreads values', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    assert.deepEqual(
      xs,
      Array.from({ length: 1000 }, () => b.next()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const buckets = new Array(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]++;
    assert.ok(Math.min(...buckets) > 50, `skewed: ${buckets}`);
    assert.notDeepEqual(new Rng('2024-01-01').next(), new Rng('2024-01-02').next());
  });

  it('same seed gives the same corpus, another seed another one', () => {
    for (const mode of ['std', 'nocore'] as const) {
      const a = generate({ seed: 7, count: 120, mode });
      const b = generate({ seed: 7, count: 120, mode });
      const c = generate({ seed: 8, count: 120, mode });
      assert.equal(a.defs, b.defs);
      assert.deepEqual(a.types, b.types);
      assert.notEqual(a.defs, c.defs);
      assert.equal(a.types.length, 120);
    }
    assert.deepEqual(generateRejected(3, 30), generateRejected(3, 30));
  });

  it('covers the features the engine must handle', () => {
    const c = generate({ seed: 'coverage', count: 1500, mode: 'std' });
    const src = c.defs;
    const needles = [
      'repr(C)', 'repr(packed)', 'packed(', 'align(', 'repr(transparent)', 'repr(C, u8)', 'repr(u8)', 'repr(i32)', 'repr(u64)', 'repr(i128)',
      'pub union', 'ManuallyDrop<', 'MaybeUninit<', '= -', 'Infallible', 'pub enum Void', '[u8; 0]', 'u128', 'i128', 'char', 'bool', 'f32', 'f64', 'usize',
      "&'static str", "&'static [", "&'static mut ", 'dyn Fn()', '*const ', '*mut ', 'fn(', 'Box<[', 'Box<str>', 'Box<dyn', 'Option<Option<', 'Result<',
      'Vec<', 'String', 'NonZeroU32', 'NonZero<', 'NonNull<', 'PhantomData<', 'Cell<', 'RefCell<', 'UnsafeCell<', 'Rc<', 'Arc<', 'Weak<', 'Duration',
      'Ordering', 'Atomic', 'Range', 'HashMap<', 'BTreeMap<', 'VecDeque<', 'Mutex<', 'RwLock<', 'OnceLock<', "Cow<'static", 'PathBuf', 'pub type A',
      "<'a>", 'pub mod m', 'super::', 'crate::', '0x', '(); ', 'struct S', ';\n',
    ];
    for (const n of needles) assert.ok(src.includes(n), `generator never produced ${JSON.stringify(n)}`);
    assert.ok(/pub struct G\d+<T>/.test(src) && /G\d+<[^T>]/.test(src), 'generic definitions and concrete uses');
    assert.ok(/pub struct S\d+\(/.test(src) && /pub struct S\d+;/.test(src), 'tuple and unit structs');
    assert.ok(c.types.some((t) => t.kind === 'enum' && (t.variants?.length ?? 0) > 250), 'an enum with 250+ variants');
    assert.ok(c.types.some((t) => t.kind === 'enum' && t.variants?.length === 0), 'an empty enum');
    assert.ok(c.types.some((t) => t.name.includes('::')), 'types inside modules');
  });

  it('no_core mode uses no std type', () => {
    const c = generate({ seed: 5, count: 400, mode: 'nocore' });
    for (const bad of ['Option<', 'Vec<', 'Box<', 'String', 'Cell<', 'PhantomData', 'ManuallyDrop', 'std::', 'Infallible']) assert.ok(!c.defs.includes(bad), `no_core corpus uses ${bad}`);
  });
});

describe('oracle: print-type-sizes parser', () => {
  it('reconstructs offsets from padding lines and explicit union offsets', () => {
    // Output of rustc 1.95 for `struct C { a: u8, b: u64, c: u16 }` (repr C, i686), a union and an enum.
    const text = [
      'print-type-size type: `C`: 16 bytes, alignment: 4 bytes',
      'print-type-size     field `.a`: 1 bytes',
      'print-type-size     padding: 3 bytes',
      'print-type-size     field `.b`: 8 bytes, alignment: 4 bytes',
      'print-type-size     field `.c`: 2 bytes',
      'print-type-size     end padding: 2 bytes',
      'print-type-size type: `U`: 4 bytes, alignment: 4 bytes',
      'print-type-size     variant `U`: 4 bytes',
      'print-type-size         field `.a`: 1 bytes',
      'print-type-size         field `.b`: 4 bytes, offset: 0 bytes, alignment: 4 bytes',
      'print-type-size type: `E`: 12 bytes, alignment: 4 bytes',
      'print-type-size     discriminant: 1 bytes',
      'print-type-size     variant `B`: 11 bytes',
      'print-type-size         padding: 3 bytes',
      'print-type-size         field `.0`: 8 bytes, alignment: 4 bytes',
      'print-type-size     variant `A`: 1 bytes',
      'print-type-size         field `.0`: 1 bytes',
      'print-type-size     variant `C`: 0 bytes',
      "print-type-size type: `L<'_>`: 8 bytes, alignment: 4 bytes",
      'print-type-size     field `.r`: 4 bytes',
    ].join('\n');
    const m = parsePrintTypeSizes(text);
    assert.deepEqual(
      m.get('C')!.fields.map((f) => [f.name, f.offset]),
      [['a', 0], ['b', 4], ['c', 12]],
    );
    assert.deepEqual(
      m.get('U')!.variants[0].fields.map((f) => [f.name, f.offset]),
      [['a', 0], ['b', 0]],
    );
    const e = m.get('E')!;
    assert.equal(e.discriminant, 1);
    assert.deepEqual(
      e.variants.map((v) => [v.name, v.fields.map((f) => f.offset)]),
      [['B', [4]], ['A', [1]], ['C', []]],
    );
    assert.ok(m.has('L'));
  });
});

describe('oracle: rustc', function () {
  this.timeout(120_000);
  before(function () {
    if (!HAVE_RUSTC) this.skip();
  });

  it('std probe: generated corpus compiles, runs, and agrees with -Zprint-type-sizes', async () => {
    const corpus = generate({ seed: 'selftest-std', count: 400, mode: 'std' });
    const r = await probeStd(corpus);
    assert.equal(r.types.length, 400);
    r.types.forEach(assertPlausible);
    // Second, independent reading of the same compiler: print-type-sizes in a library.
    const lib = renderStdProbe(corpus).text.replace(/\nfn main\(\) \{[\s\S]*$/, '\n');
    const p = await printTypeSizes(lib, ['--emit=metadata']);
    assert.equal(p.code, 0, p.stderr);
    let compared = 0;
    corpus.types.forEach((t, i) => {
      const pt = p.pts.get(t.name);
      assert.ok(pt, `print-type-sizes lists ${t.name}`);
      const o = ptsToOracle(t, pt);
      const a = r.types[i];
      assert.equal(o.size, a.size, `${t.name} size`);
      assert.equal(o.align, a.align, `${t.name} align`);
      assert.deepEqual(o.fields.map((f) => f.offset), a.fields.map((f) => f.offset), `${t.name} fields`);
      for (const v of o.variants ?? []) {
        const av = a.variants!.find((x) => x.name === v.name)!;
        assert.deepEqual(v.fields.map((f) => f.offset), av.fields.map((f) => f.offset), `${t.name}::${v.name}`);
      }
      if (t.kind === 'enum') assert.deepEqual(a.tag ?? null, o.tag ?? null, `${t.name} tag`);
      compared++;
    });
    assert.equal(compared, 400);
  });

  for (const target of CROSS_TARGETS) {
    it(`no_core corpus compiles for ${target} and every type parses`, async () => {
      const corpus = generate({ seed: `selftest-${target}`, count: 150, mode: 'nocore' });
      const r = await probeNoCore(corpus, target);
      assert.equal(r.types.length + r.tooBig.length, 150);
      if (!target.startsWith('msp430') && !target.startsWith('avr')) assert.deepEqual(r.tooBig, [], 'only 16-bit targets reject types as too big');
      r.types.forEach(assertPlausible);
    });
  }

  it('no_core on x86_64 agrees with the std probe on the same definitions', async () => {
    const corpus = generate({ seed: 'selftest-host', count: 150, mode: 'nocore' });
    const nc = await probeNoCore(corpus, 'x86_64-unknown-linux-gnu');
    // The same definitions with a std prelude instead of no_core.
    const defs = corpus.defs.replace(/^(\s*)impl(<[^>]*>)? Copy for (.+) \{\}$/gm, (_m, ind: string, gen: string | undefined, ty: string) => `${ind}impl${gen ?? ''} Clone for ${ty} {\n${ind}    fn clone(&self) -> Self {\n${ind}        *self\n${ind}    }\n${ind}}\n${ind}impl${gen ?? ''} Copy for ${ty} {}`);
    const std = await probeStd({ ...corpus, mode: 'std', header: 'pub trait Tr {}', defs });
    nc.types.forEach((t, i) => {
      const s = std.types[i];
      assert.equal(t.size, s.size, `${t.name} size`);
      assert.equal(t.align, s.align, `${t.name} align`);
      assert.deepEqual(t.fields.map((f) => f.offset), s.fields.map((f) => f.offset), `${t.name} fields`);
    });
  });

  it('every rejected template is rejected with the intended error code first', async () => {
    const cases = generateRejected('selftest-rejected', 25);
    const res = await probeRejected(cases);
    for (const r of res) assert.equal(r.codes[0], r.intended, `${r.id}: rustc said ${r.codes.join('/') || 'nothing'} (${r.message})`);
  });
});

describe('oracle: committed fixtures', () => {
  const load = (f: string): { generator: { seed: string; count: number }; source: string; target: string; types: OracleType[]; tooBig?: string[] } => JSON.parse(readFileSync(join(FIX, f), 'utf8'));

  it('std fixtures are what the generator produces for their seeds', () => {
    for (const { seed, count } of STD_FIXTURES) {
      const stem = `x86_64-seed${seed}`;
      assert.ok(existsSync(join(FIX, `${stem}.rs`)), `${stem}.rs missing: run node out/test/oracle/make-fixtures.js`);
      const corpus = generate({ seed, count, mode: 'std' });
      assert.equal(readFileSync(join(FIX, `${stem}.rs`), 'utf8'), renderStdProbe(corpus).text, `${stem}.rs is stale: rerun make-fixtures`);
      const exp = load(`${stem}.expected.json`);
      assert.deepEqual(exp.types.map((t) => t.name), corpus.types.map((t) => t.name));
      exp.types.forEach(assertPlausible);
    }
  });

  it('no_core fixture is current and has an expectation per target', () => {
    const corpus = generate({ seed: NOCORE_FIXTURE.seed, count: NOCORE_FIXTURE.count, mode: 'nocore' });
    assert.equal(readFileSync(join(FIX, 'nocore-seed1.rs'), 'utf8'), renderNoCore(corpus), 'nocore-seed1.rs is stale: rerun make-fixtures');
    const sizes = new Set<string>();
    for (const target of NOCORE_TARGETS) {
      const exp = load(`nocore-seed1.${target}.expected.json`);
      assert.equal(exp.target, target);
      const tooBig = new Set(exp.tooBig ?? []);
      assert.deepEqual(exp.types.map((t) => t.name), corpus.types.map((t) => t.name).filter((n) => !tooBig.has(n)));
      exp.types.forEach(assertPlausible);
      sizes.add(JSON.stringify(exp.types.map((t) => [t.size, t.align])));
    }
    assert.ok(sizes.size >= 3, 'targets should disagree on some layouts');
  });

  it('rejected fixture lists one error code per case', () => {
    const exp = JSON.parse(readFileSync(join(FIX, 'rejected.expected.json'), 'utf8')) as { cases: { file: string; codes: string[]; intended: string }[] };
    assert.equal(exp.cases.length, REJECTED_FIXTURE.count);
    for (const c of exp.cases) {
      assert.ok(existsSync(join(FIX, c.file)), c.file);
      assert.equal(c.codes[0], c.intended, c.file);
    }
  });
});

describe('oracle: compare', () => {
  const expected = load();
  function load(): OracleType[] {
    return (JSON.parse(readFileSync(join(FIX, 'x86_64-seed1.expected.json'), 'utf8')) as { types: OracleType[] }).types;
  }
  /** An engine report that repeats rustc's numbers (what a perfect engine would say). */
  const perfect = (): EngineType[] =>
    expected.map((t) => ({
      name: t.name,
      kind: t.kind,
      size: t.size,
      align: t.align,
      fields: t.fields.map((f) => ({ name: f.name, offset: f.offset })),
      variants: t.variants?.map((v) => ({ name: v.name, fields: v.fields.map((f) => ({ name: f.name, offset: f.offset })) })),
      tag: t.tag ? { ...t.tag, encoding: 'direct' } : undefined,
    }));

  it('a perfect report is all exact', () => {
    const s = compareReport('perfect', { types: perfect() }, expected);
    assert.equal(s.counts.exact, expected.length, formatSummary(s));
    assert.equal(exactRate(s), 1);
  });

  it('any changed number is wrong; null is abstained; absence is missing', () => {
    const withField = expected.findIndex((t) => t.fields.length > 1);
    const withVariant = expected.findIndex((t) => t.variants?.some((v) => v.fields.length));
    const withTag = expected.findIndex((t) => t.tag);
    const eng = perfect();
    const f0 = eng[withField].fields![0];
    eng[withField] = { ...eng[withField], fields: [{ ...f0, offset: (f0.offset ?? 0) + 1 }, ...eng[withField].fields!.slice(1)] };
    const v = eng[withVariant].variants!.find((x) => x.fields?.length)!;
    eng[withVariant] = { ...eng[withVariant], variants: [{ ...v, fields: v.fields!.map((f) => ({ ...f, offset: (f.offset ?? 0) + 8 })) }] };
    eng[withTag] = { ...eng[withTag], tag: { size: eng[withTag].tag!.size * 2, offset: 0, encoding: 'direct' } };
    eng[0] = { ...eng[0], size: (eng[0].size ?? 0) + 1 };
    eng[1] = { ...eng[1], size: null, unknown: 'test reason' };
    eng[2] = { ...eng[2], size: null, error: 'E0072: nope' };
    const gone = eng.splice(3, 1)[0];
    const s = compareReport('perturbed', { types: eng }, expected);
    const verdict = (i: number): string => s.verdicts.find((x) => x.name === expected[i].name)!.verdict;
    for (const i of [withField, withVariant, withTag, 0, 2]) assert.equal(verdict(i), 'wrong', expected[i].name);
    assert.equal(verdict(1), 'abstained');
    assert.equal(s.verdicts.find((x) => x.name === gone.name)!.verdict, 'missing');
    assert.match(formatSummary(s), /wrong/);
  });

  it('rejected types: same first code matches, anything else mismatches', () => {
    const rej = [{ id: 'x', name: 'List', intended: 'E0072', codes: ['E0072', 'E0391'], message: 'recursive type' }];
    const ok = compareReport('r', { types: [{ name: 'List', size: null, error: 'E0072: recursive type `List` has infinite size' }] }, [], rej);
    assert.equal(ok.counts['error-match'], 1);
    for (const t of [{ name: 'List', size: null, error: 'E0391: cycle' }, { name: 'List', size: 8 }, { name: 'List', size: null, unknown: 'x' }]) {
      assert.equal(compareReport('r', { types: [t] }, [], rej).counts['error-mismatch'], 1, JSON.stringify(t));
    }
    assert.equal(compareType(expected[0], { name: expected[0].name, size: null, error: 'E0080: too big' }).verdict, 'wrong');
  });
});

describe('oracle: real-crate helper', function () {
  this.timeout(60_000);
  it('reads Cargo.toml features transitively and maps files to modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rll-cargo-'));
    try {
      writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "my-crate"\nedition = "2021"\n\n[features]\ndefault = ["std"]\nstd = ["alloc", "dep:x"]\nalloc = []\nextra = []\n');
      const info = readCargoToml(dir);
      assert.equal(info.name, 'my_crate');
      assert.equal(info.edition, '2021');
      assert.deepEqual([...info.features].sort(), ['alloc', 'std']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(modulePathOf('src/lib.rs'), '');
    assert.equal(modulePathOf('src/a/mod.rs'), 'a');
    assert.equal(modulePathOf('src/a/b.rs'), 'a::b');
  });

  it('forces private, nested and cfg-dependent types, skipping generics and cfg’d-out items', async function () {
    if (!HAVE_RUSTC) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'rll-crate-test-'));
    try {
      mkdirSync(join(dir, 'src/a'), { recursive: true });
      writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "t"\nedition = "2021"\n[features]\ndefault = ["big"]\nbig = []\n');
      writeFileSync(join(dir, 'src/lib.rs'), 'mod a;\npub struct Top { x: u8, y: u32 }\nstruct Gen<T>(T);\n#[cfg(feature = "nope")]\nstruct Gone(u8);\n');
      writeFileSync(join(dir, 'src/a/mod.rs'), 'mod b;\nstruct Priv(u16, u8);\n');
      writeFileSync(join(dir, 'src/a/b.rs'), '#[cfg(feature = "big")]\nenum E { A(u64), B }\n#[cfg(not(feature = "big"))]\nenum E { A(u8), B }\npub union U { a: u8, b: u32 }\n');
      const { oracle, rustc } = await checkCrate(dir, { cli: '', rustcOnly: true });
      const names = oracle.map((t) => t.name).sort();
      assert.deepEqual(names, ['Top', 'a::Priv', 'a::b::E', 'a::b::U']);
      assert.ok(rustc.dropped >= 1, 'the cfg’d-out type’s forcing line is dropped');
      const e = oracle.find((t) => t.name === 'a::b::E')!;
      assert.equal(e.size, 16, 'the enabled default feature picks the u64 variant');
      assert.deepEqual(oracle.find((t) => t.name === 'a::b::U')!.fields.map((f) => f.offset), [0, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
