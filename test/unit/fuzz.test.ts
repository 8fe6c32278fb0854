/**
 * Robustness (issue 3): 100,000 mutated and truncated Rust sources from test/fixtures go through
 * parse, extract, resolve and layout (every type's report) on the five targets in turn, with no
 * exception and only sane reports; recursive types, `[u8; 1 << 62]` and 10,000-deep nesting give
 * rustc-like errors (or an `unknown` with its reason), never a stack overflow.
 *
 * The inputs come from test/fuzz/mutator.ts (input i is a function of i alone: a failure names
 * its index; `fuzzInput(loadCorpus(root), i)` rebuilds it). RLL_FUZZ_COUNT overrides the count
 * for local runs, RLL_FUZZ_WORKERS the number of worker threads (default 2). The time per input
 * (target: none over 100 ms) is measured by `npm run bench` (test/bench/fuzz.ts), not asserted
 * here: the machines running the tests are shared.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import type { TypeReport } from '../../src/core/reportTypes';
import { FEATURED_TARGETS, getTarget } from '../../src/core/targets';
import { MAX_IMPORT_DEPTH } from '../../src/core/resolve';
import { FRAGMENTS, PENDING_FRAGMENTS, fuzzInput, loadCorpus, splitItems } from '../fuzz/mutator';
import { type FuzzProblem, checkReport, defaultWorkers, mergeResults, runFuzz } from '../fuzz/run';

const repoRoot = path.join(__dirname, '../../..');
const COUNT = Number(process.env.RLL_FUZZ_COUNT ?? 100_000);
const WORKERS = Number(process.env.RLL_FUZZ_WORKERS ?? defaultWorkers());
const PENDING = process.env.RLL_FUZZ_PENDING === '1';

function describeProblems(what: string, count: number, list: readonly FuzzProblem[]): string {
  const shown = list.slice(0, 5).map((p) => `--- input #${p.index} (${p.target}): ${p.message}\n${p.text.slice(0, 600)}`);
  return `${count} ${what}; the first ${shown.length}:\n${shown.join('\n')}`;
}

describe('robustness fuzz (issue 3)', () => {
  it('the mutator is deterministic and varied, over every fixture', () => {
    const c = loadCorpus(repoRoot);
    assert.ok(c.files.length >= 40 && c.pieces.length >= 1000, `${c.files.length} small files, ${c.pieces.length} pieces`);
    const texts = Array.from({ length: 2000 }, (_, i) => fuzzInput(c, i));
    assert.deepEqual(texts.slice(0, 50), Array.from({ length: 50 }, (_, i) => fuzzInput(c, i)), 'input i is a function of i');
    assert.ok(new Set(texts).size > 1900, 'inputs are distinct');
    assert.notDeepEqual(texts.slice(0, 50), Array.from({ length: 50 }, (_, i) => fuzzInput(c, i, { seed: 4 })), 'the seed changes the sequence');
    // every fixture source appears in some form, and mutations show up
    assert.ok(texts.some((t) => t.includes('\r\n')) && texts.some((t) => /Z\d+/.test(t)) && texts.some((t) => t.includes('#[repr(')));
    const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
    assert.ok(lengths[1000]! > 100 && lengths[1000]! < 5000, `median length ${lengths[1000]}`);
    assert.deepEqual(splitItems('use a::b;\n#[repr(C)]\nstruct A {\n  x: u8,\n}\nenum E { X }\n').items, ['#[repr(C)]\nstruct A {\n  x: u8,\n}', 'enum E { X }']);
    assert.deepEqual(Object.keys(FRAGMENTS).filter((k) => PENDING_FRAGMENTS.includes(k)).sort(), [...PENDING_FRAGMENTS].sort());
  });

  it(`${COUNT.toLocaleString('en')} mutated and truncated fixture sources through parse, resolve and layout: 0 exceptions, sane reports`, async function () {
    this.timeout(30 * 60_000); // a hang detector only: the time per input is the bench's job
    if (!process.env.RLL_FUZZ_COUNT) assert.ok(COUNT >= 100_000);
    const t0 = Date.now();
    const results = await runFuzz({ repoRoot, pending: PENDING }, COUNT, WORKERS);
    const r = mergeResults(results);
    console.log(
      `      fuzz: ${r.count} inputs in ${((Date.now() - t0) / 1000).toFixed(1)} s on ${WORKERS} worker(s); ` +
        `${r.reports} reports: ${r.laidOut} laid out, ${r.unknown} unknown, ${r.errors} errors`,
    );
    assert.equal(r.count, COUNT, 'every input ran');
    assert.equal(results.length, Math.ceil(COUNT / 2000));
    assert.equal(r.exceptionCount, 0, describeProblems('inputs threw', r.exceptionCount, r.exceptions));
    assert.equal(r.insaneCount, 0, describeProblems('inputs gave an insane report', r.insaneCount, r.insane));
    // the pipeline really ran: many types, of every outcome
    assert.ok(r.reports >= COUNT, `${r.reports} reports`);
    assert.ok(r.laidOut > r.reports / 10 && r.unknown > r.reports / 20 && r.errors > r.reports / 50, JSON.stringify(r));
  });

  it('the sanity check rejects inconsistent reports', () => {
    const base: TypeReport = { name: 'A', kind: 'struct', file: 'a.rs', line: 1, size: 8, align: 4 };
    assert.equal(checkReport(base), undefined);
    assert.equal(checkReport({ ...base, size: null, unknown: 'x' }), undefined);
    assert.equal(checkReport({ ...base, size: null, error: 'E0072: x' }), undefined);
    assert.match(checkReport({ ...base, size: null }) ?? '', /neither/);
    assert.match(checkReport({ ...base, size: 6 }) ?? '', /multiple/);
    assert.match(checkReport({ ...base, align: 2 ** 64 }) ?? '', /align/);
    assert.match(checkReport({ ...base, align: 3 }) ?? '', /align/);
    const f = { name: 'x', offset: 4, size: 8, align: 4, paddingAfter: 0, type: 'u64' };
    assert.match(checkReport({ ...base, fields: [f] }) ?? '', /outside/);
    assert.match(checkReport({ ...base, fields: [{ ...f, offset: undefined as unknown as number }] }) ?? '', /offset undefined/);
  });
});

/** Every target's reports for one file, by type name. */
async function reportsOn(analyzer: Analyzer, text: string): Promise<Map<string, Map<string, TypeReport>>> {
  const p = await analyzer.parser();
  const out = new Map<string, Map<string, TypeReport>>();
  for (const t of FEATURED_TARGETS) {
    // Without the parse budget: these texts test the engine's limits, and a 10,000-deep nesting
    // parsed again per target came near the budget on a loaded machine (given up: no reports).
    const file = analyzer.parseWith(p, 'limits.rs', text, { budgetMs: Infinity });
    const reports = (await analyzer.analyze(singleFileProgram(file, text), t)).reports();
    for (const r of reports) assert.equal(checkReport(r), undefined, `${t} ${r.name}: ${checkReport(r)}`);
    out.set(t, new Map(reports.map((r) => [r.name, r])));
  }
  return out;
}

/** `name` on every target: its error (or unknown reason) must match `want`. */
function expectNotLaidOut(all: Map<string, Map<string, TypeReport>>, name: string, want: RegExp): void {
  for (const [t, by] of all) {
    const r = by.get(name);
    assert.ok(r, `${t}: no report for ${name} in [${[...by.keys()].slice(0, 10).join(', ')}]`);
    assert.equal(r.size, null, `${t}: ${name} laid out as ${r.size} bytes`);
    assert.match(r.error ?? r.unknown ?? '', want, `${t}: ${name}`);
  }
}

const deep = (open: string, inner: string, close: string, n = 10_000) => open.repeat(n) + inner + close.repeat(n);
const POINTER = new Map(FEATURED_TARGETS.map((t) => [t, getTarget(t)!.pointerSize]));

describe('robustness: limits give errors, not exceptions (issue 3)', function () {
  this.timeout(120_000);
  const analyzer = new Analyzer({ wasmDir: path.join(repoRoot, 'dist') });
  after(() => analyzer.dispose());

  it('`[u8; 1 << 62]` and other oversized arrays: E0080 on every target', async () => {
    const all = await reportsOn(
      analyzer,
      'struct A { a: [u8; 1 << 62] }\nstruct B([u16; 1 << 62], u8);\nenum C { X([u8; 1 << 62]), Y }\nstruct D([[u8; 1 << 31]; 1 << 31]);\nstruct E([u8; usize::MAX]);\nunion U { a: [u64; 1 << 62] }',
    );
    for (const n of ['A', 'B', 'C', 'D', 'E', 'U']) expectNotLaidOut(all, n, /^E0080: (values of the type `.*` are too big for the target architecture|attempt to shift left with overflow)$/);
    assert.match(all.get('x86_64-unknown-linux-gnu')!.get('A')!.error!, /\[u8; 4611686018427387904\]/);
  });

  it('recursive types: E0072 (E0391 for a length that asks its own type\'s size); recursive aliases and constants: not laid out', async () => {
    const all = await reportsOn(
      analyzer,
      [
        'struct L { next: L }',
        'enum E { Cons(u8, E), Nil }',
        'struct A { b: B }\nstruct B(Option<A>);',
        'struct Arr(u32, [Arr; 3]);',
        'struct G<T>(T);\nstruct H { g: G<H> }',
        'struct Sz([u8; ::core::mem::size_of::<Sz>()]);',
        'union Un { a: Un, b: u8 }',
        'type T = (u8, T);\nstruct UsesT(T);',
        'const N: usize = N + 1;\nstruct UsesN([u8; N]);',
        'struct Boxed { next: Option<Box<Boxed>> }',
      ].join('\n'),
    );
    for (const n of ['L', 'E', 'A', 'B', 'Arr', 'H', 'Un']) expectNotLaidOut(all, n, /^E0072: /);
    // A length asking for its own type's size is a cycle to rustc (E0391), not an infinite size.
    expectNotLaidOut(all, 'Sz', /^E0391: /);
    expectNotLaidOut(all, 'UsesT', /./);
    expectNotLaidOut(all, 'UsesN', /N/);
    for (const [t, by] of all) assert.equal(by.get('Boxed')!.size, POINTER.get(t));
  });

  it('10,000-deep type nesting: unknown (too deep) or the pointer size, never a stack overflow', async () => {
    const all = await reportsOn(
      analyzer,
      [
        `struct Opt { a: ${deep('Option<', 'u8', '>')} }`,
        `struct Tup(${deep('(', 'u8', ',)')});`,
        `struct Arr(${deep('[', 'u8', '; 1]')});`,
        `type Alias = ${deep('Option<', 'u16', '>')};\nstruct UsesAlias(Alias);`,
        `struct G<T>(T);\nstruct Gen(${deep('G<', 'u8', '>')});`,
        `struct Res(${deep('Result<u8, ', 'u8', '>')});`,
        `struct Bx(${deep('Box<', 'u8', '>')});`,
        `struct Rf(${"&'static ".repeat(10_000)}u8);`,
        // Without a lifetime, rustc's E0106 (no elision in a field).
        `struct RfElided(${'&'.repeat(10_000)}u8);`,
        `struct Ptr(${'*const '.repeat(10_000)}u8);`,
      ].join('\n'),
    );
    for (const n of ['Opt', 'Tup', 'Arr', 'UsesAlias', 'Gen', 'Res']) expectNotLaidOut(all, n, /deep/);
    for (const [t, by] of all) for (const n of ['Bx', 'Rf', 'Ptr']) assert.equal(by.get(n)!.size, POINTER.get(t), `${t} ${n}`);
    expectNotLaidOut(all, 'RfElided', /^E0106: /);
  });

  it('10,000-deep modules, constant expressions and import chains: no exception, the deep uses unknown', async () => {
    const n = 10_000;
    const chain = Array.from({ length: n }, (_, k) => `mod c${k} { pub use super::c${k + 1}::{S, K}; }`).join('\n');
    const all = await reportsOn(
      analyzer,
      [
        `${deep('pub mod m { ', 'pub struct Inner(u8);', ' }')}\nstruct ViaModules(${'m::'.repeat(n)}Inner);`,
        `const DEEP: usize = ${deep('(', '1', ' + 1)')};\nstruct ViaConst([u8; DEEP]);`,
        `${chain}\nmod c${n} { pub struct S(u16); pub const K: usize = 3; }\nstruct ViaImports(c0::S);\nstruct ViaImportedConst([u8; c0::K]);`,
        'mod a { pub use super::b::*; pub use super::b::N; }\nmod b { pub use super::a::*; pub use super::a::S; }\nstruct Cycle(a::S);\nstruct ConstCycle([u8; a::N]);',
        `struct Near(c${n - 5}::S, [u8; c${n - 5}::K]);`,
      ].join('\n'),
    );
    for (const name of ['ViaModules', 'ViaImports', 'Cycle']) expectNotLaidOut(all, name, /unknown type/);
    expectNotLaidOut(all, 'ViaConst', /nested too deeply/);
    for (const name of ['ViaImportedConst', 'ConstCycle']) expectNotLaidOut(all, name, /constant .* is not known/);
    // a chain shorter than the limit still resolves: S is 2 bytes, K is 3
    assert.ok(MAX_IMPORT_DEPTH > 5);
    for (const [t, by] of all) assert.equal(by.get('Near')!.size, 6, t);
  });

  it('a chain of 10,000 structs, each holding the next: no exception', async () => {
    const n = 10_000;
    const text = Array.from({ length: n }, (_, k) => `struct S${k}(S${k + 1}, u8);`).join('\n') + `\nstruct S${n}(u16);`;
    const all = await reportsOn(analyzer, text);
    for (const [t, by] of all) {
      assert.equal(by.size, n + 1, t);
      assert.equal(by.get(`S${n - 1}`)!.size, 4, t);
      const first = by.get('S0')!;
      assert.ok(first.size === n + 2 || /deep/.test(first.unknown ?? ''), `${t}: S0 ${first.size ?? first.unknown}`);
    }
  });

  // These used to overflow the stack or blow up exponentially in src/core/engine.ts.
  const limits: Array<[string, string, string, RegExp]> = [
    ['a chain of 2,000 constants', Array.from({ length: 2000 }, (_, k) => `const C${k}: usize = C${k + 1} + 1;`).join('\n') + '\nconst C2000: usize = 0;\nstruct D([u8; C0]);', 'D', /./],
    ['polymorphic recursion `struct G<T>(Option<G<(T, T)>>)`', 'struct G<T>(Option<G<(T, T)>>);\nstruct D(G<u8>);', 'D', /^E0072: /],
    ['aliases doubling 60 times', 'type A0 = u8;\n' + Array.from({ length: 60 }, (_, k) => `type A${k + 1} = (A${k}, A${k});`).join('\n') + '\nstruct D(A60);', 'D', /./],
    ['generics doubling 60 times', 'struct Z0<T>(T);\n' + Array.from({ length: 60 }, (_, k) => `struct Z${k + 1}<T>(Z${k}<(T, T)>, Z${k}<T>);`).join('\n') + '\nstruct D(Z60<u8>);', 'D', /./],
  ];
  for (const [what, text, name, want] of limits) {
    it(`${what}: no exception, no hang`, async () => {
      expectNotLaidOut(await reportsOn(analyzer, text), name, want);
    });
  }
});

describe('robustness: regressions found by the fuzz', function () {
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir: path.join(repoRoot, 'dist') });
  after(() => analyzer.dispose());

  it('repr(align)/repr(packed) above 2^29 (rustc E0589) are not taken as valid: 2^32 and 2^64 used to pass for powers of two', async () => {
    const all = await reportsOn(
      analyzer,
      [
        '#[repr(align(18446744073709551616))] struct A64 {}',
        '#[repr(align(4294967296))] struct A32(u8);',
        '#[repr(align(1073741824))] struct A30(u8);',
        '#[repr(align(12884901888))] struct A3x32(u8);',
        '#[repr(packed(4294967296))] struct P32(u64);',
        '#[repr(align(536870912))] struct A29(u8);',
        '#[repr(packed(2))] struct P2(u8, u64);',
      ].join('\n'),
    );
    for (const n of ['A64', 'A32', 'A30', 'A3x32', 'P32']) expectNotLaidOut(all, n, /^E0589: /);
    for (const [t, by] of all) {
      if (getTarget(t)!.pointerSize === 2) {
        // isize::MAX is 32767 there: rustc rejects the alignment itself (E0589).
        assert.match(by.get('A29')!.error ?? '', /^E0589/, t);
        assert.deepEqual([by.get('P2')!.size, by.get('P2')!.align], [10, 2]);
        continue;
      }
      assert.deepEqual([by.get('A29')!.size, by.get('A29')!.align], [2 ** 29, 2 ** 29]);
      assert.deepEqual([by.get('P2')!.size, by.get('P2')!.align], [10, 2]);
    }
  });

  it('an enum whose variants are all absent reports its fields at offset 0 (not undefined)', async () => {
    const all = await reportsOn(analyzer, 'use std::convert::Infallible;\npub enum E71 { Err(Infallible) }\npub enum Two { A(Infallible), B(Infallible, ()) }');
    for (const [t, by] of all) {
      const e = by.get('E71')!;
      assert.equal(e.size, 0, t);
      assert.deepEqual(
        e.fields!.map((f) => [f.name, f.offset, f.paddingAfter]),
        [['0', 0, 0]],
      );
      assert.deepEqual(e.variants!.map((v) => v.fields.map((f) => f.offset)), [[0]]);
      assert.deepEqual(by.get('Two')!.variants!.map((v) => v.fields.map((f) => f.offset)), [[0], [0, 0]]);
    }
  });

  it('a field type that is a path with no segment (`a:::,`) is unknown, not an exception in the engine', async () => {
    const all = await reportsOn(analyzer, 'pub struct A { pub a:::, }\npub struct B(u8);');
    for (const by of all.values()) {
      assert.match(by.get('A')!.unknown ?? '', /does not parse \(|could not read the type/);
      assert.equal(by.get('B')!.size, 1);
    }
  });
});
