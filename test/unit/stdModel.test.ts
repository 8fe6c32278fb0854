/**
 * Every public type of the modelled std (src/core/stdSource.ts) against the real compiler.
 *
 * The list of types comes from the model itself (test/oracle/stdTypes.ts: `pub` items of `pub`
 * modules and `pub use` re-exports), so a type added to the model is measured without being
 * listed here. Each is instantiated with representative arguments (integers of every alignment,
 * a bool and a char for niches, `&str` and `Option<Box<u32>>` for pointers, a ZST, `[u8; 3]`,
 * `String`; `str`, `[u16]` and `dyn Debug` where a parameter is `?Sized`); types whose
 * parameters have bounds (or are const) take the arguments listed in EXPLICIT_ARGS. One probe
 * program measures them all with the installed rustc (x86_64-unknown-linux-gnu): size, alignment,
 * the niche (`Option`, `Option<Option<_>>`, an enum around it and, for small niches, its exact
 * count). 0 wrong, 0 abstained. A second compile puts each instantiation in a union: rustc's
 * E0740 (a field that is not Copy) must match the engine's, or the engine must say it does not know.
 *
 * `RLL_STD_PROBE=FILE` writes the probe program there (to run rustc on it by hand).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import type { TypeReport } from '../../src/core/reportTypes';
import { STD_SOURCE } from '../../src/core/stdSource';
import { getTarget } from '../../src/core/targets';
import { compareReport, formatSummary } from '../oracle/compare';
import { HOST, probeStd, renderStdProbe, run, rustcAvailable, rustcVersion } from '../oracle/rustc';
import { cachedRustcAnswer } from '../oracle/rustcCache';
import { type PublicStdType, type StdInstance, publicStdTypes, stdTypeCorpus } from '../oracle/stdTypes';

const ROOT = join(__dirname, '../../..');

/** At least this many public std types are modelled (the goal of the std model). */
const MIN_TYPES = 400;

/** Arguments for an unbounded type parameter: alignments 1 to 16, niches of every kind, a ZST. */
const ARGS = ['u8', 'u64', 'bool', "&'static str", 'Option<Box<u32>>', '()', '[u8; 3]', 'u128', 'char', 'String'];
/** Extra arguments for a `?Sized` parameter. */
const UNSIZED_ARGS = ['str', '[u16]', 'dyn std::fmt::Debug'];

/** Iterators whose item types the model knows, and arguments for `I: Iterator` parameters. */
const ITERS = ['std::ops::Range<u8>', "std::slice::Iter<'static, u64>", "std::str::Chars<'static>", 'std::vec::IntoIter<String>', 'std::option::IntoIter<bool>', "std::collections::btree_map::Iter<'static, u8, u32>"];
/** `P: Pattern` arguments (each has its own searcher type). */
const PATTERNS = ['char', "&'static str", "&'static String", "&'static &'static str", '[char; 2]', "&'static [char; 3]", "&'static [char]", 'fn(char) -> bool'];
const SLICE_SPLIT = ["'static, u8, fn(&u8) -> bool", "'static, u64, fn(&u64) -> bool", "'static, String, fn(&String) -> bool", "'static, (), fn(&()) -> bool"];
const lt = (args: readonly string[]): string[] => args.map((a) => `'static, ${a}`);

/**
 * The generic arguments (inside `<…>`, lifetimes included) of types whose parameters have bounds
 * (or are const), and of types whose defaults are worth overriding. Other generic types get ARGS.
 */
const EXPLICIT_ARGS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(['Split', 'RSplit', 'SplitTerminator', 'RSplitTerminator', 'SplitInclusive', 'SplitN', 'RSplitN', 'MatchIndices', 'RMatchIndices', 'Matches', 'RMatches'].map((n) => [`str::${n}`, lt(PATTERNS)])),
  ...Object.fromEntries(['Split', 'SplitInclusive', 'SplitMut', 'SplitInclusiveMut', 'RSplit', 'RSplitMut', 'SplitN', 'RSplitN', 'SplitNMut', 'RSplitNMut'].map((n) => [`slice::${n}`, SLICE_SPLIT])),
  'array::IntoIter': ['u8, 3', 'u64, 0', 'String, 2', 'bool, 1', "&'static str, 4", '(), 5', 'char, 3', 'Option<Box<u32>>, 1'],
  'slice::ArrayWindows': ["'static, u8, 3", "'static, u64, 0", "'static, String, 2"],
  'str::pattern::CharArraySearcher': ["'static, 2", "'static, 0"],
  'str::pattern::CharArrayRefSearcher': ["'static, 'static, 2", "'static, 'static, 0"],
  'str::pattern::CharPredicateSearcher': ["'static, fn(char) -> bool"],
  'fmt::NumBuffer': ['u8', 'u64', 'i128', 'usize'],
  'fmt::FromFn': ['fn(&mut std::fmt::Formatter<\'_>) -> std::fmt::Result'],
  'iter::FromFn': ['fn() -> Option<u8>', 'fn() -> Option<String>'],
  'iter::Successors': ['u8, fn(&u8) -> Option<u8>', 'String, fn(&String) -> Option<String>', 'bool, fn(&bool) -> Option<bool>'],
  'iter::Peekable': [...ITERS, 'std::iter::Peekable<std::ops::Range<u64>>', 'std::iter::Enumerate<std::str::Chars<\'static>>', "std::str::CharIndices<'static>", "std::collections::hash_map::Iter<'static, u8, bool>"],
  'iter::Flatten': ['std::vec::IntoIter<Vec<u8>>', 'std::option::IntoIter<Option<char>>', "std::slice::Iter<'static, Vec<u64>>", 'std::vec::IntoIter<std::ops::Range<u16>>', "std::option::IntoIter<std::str::Chars<'static>>", 'std::vec::IntoIter<[u16; 3]>', "std::vec::IntoIter<&'static [u64]>", "std::vec::IntoIter<&'static mut [bool]>"],
  'iter::FlatMap': ['std::ops::Range<u8>, Vec<u32>, fn(u8) -> Vec<u32>', "std::slice::Iter<'static, u8>, Option<char>, fn(&u8) -> Option<char>", 'std::vec::IntoIter<String>, std::ops::Range<u8>, fn(String) -> std::ops::Range<u8>', 'std::ops::Range<u8>, [char; 2], fn(u8) -> [char; 2]', "std::ops::Range<u8>, &'static [u16], fn(u8) -> &'static [u16]"],
  'iter::Intersperse': ['std::ops::Range<u8>', "std::slice::Iter<'static, u64>", "std::str::Chars<'static>", 'std::vec::IntoIter<String>'],
  'iter::IntersperseWith': ['std::ops::Range<u8>, fn() -> u8', "std::str::Chars<'static>, fn() -> char"],
  'iter::ArrayChunks': ['std::ops::Range<u8>, 3', "std::str::Chars<'static>, 2", 'std::vec::IntoIter<String>, 1'],
  'iter::MapWindows': ['std::ops::Range<u8>, fn(&[u8; 3]) -> u8, 3', "std::str::Chars<'static>, fn(&[char; 2]) -> bool, 2"],
  'vec::Splice': lt(ITERS),
  'collections::vec_deque::Splice': lt(ITERS),
  'num::NonZero': ['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'char'],
  'char::DecodeUtf16': ['std::vec::IntoIter<u16>', 'std::ops::Range<u16>', "std::iter::Copied<std::slice::Iter<'static, u16>>"],
  'mem::DropGuard': ['u8, fn(u8)', 'String, fn(String)', 'bool, fn(bool)'],
  'mem::Discriminant': ['Option<u8>', 'std::cmp::Ordering', 'u8', 'String', 'Result<u8, bool>', 'std::num::IntErrorKind'],
  'borrow::Cow': lt(['str', '[u8]', 'u64', 'std::path::Path', 'std::ffi::OsStr', 'std::ffi::CStr', '[String]', 'bool']),
  'io::BufWriter': ['Vec<u8>', 'std::fs::File', 'std::io::Sink', 'std::io::Cursor<Vec<u8>>', "&'static mut [u8]", 'dyn std::io::Write'],
  'io::LineWriter': ['Vec<u8>', 'std::fs::File', 'std::io::Sink', 'dyn std::io::Write'],
  'error::Report': ['Box<dyn std::error::Error>', 'std::io::Error', 'std::fmt::Error', 'String'],
};

/** Unstable features the probe enables (unstable std types and parameters). */
const FEATURES = [
  'allocator_api', 'phantom_variance_markers', 'transmutability', 'drop_guard', 'maybe_dangling', 'ptr_metadata', 'ptr_alignment_type',
  'coroutine_trait', 'try_trait_v2_yeet', 'one_sided_range', 'new_range_api', 'sliceindex_wrappers', 'hint_prefetch', 'thin_box',
  'string_into_chars', 'vec_peek_mut', 'pattern', 'ascii_char', 'int_format_into', 'formatting_options', 'iter_intersperse',
  'iter_array_chunks', 'iter_map_windows', 'iter_from_coroutine', 'std_internals', 'local_waker', 'async_iter_from_iter', 'async_iterator', 'unsafe_pinned',
  'panic_backtrace_config', 'ip', 'tcplistener_into_incoming', 'cstr_bytes', 'bstr', 'unique_rc_arc', 'exclusive_wrapper',
  'mapped_lock_guards', 'nonpoison_mutex', 'nonpoison_rwlock', 'nonpoison_condvar', 'sync_nonpoison', 'sync_poison_mod', 'reentrant_lock',
  'mpmc_channel', 'oneshot_channel', 'try_reserve_kind', 'map_try_insert', 'btree_cursors', 'btree_set_entry', 'hash_set_entry',
  'binary_heap_into_iter_sorted', 'binary_heap_drain_sorted', 'linked_list_cursors', 'vec_deque_extract_if', 'deque_extend_front',
  'core_io_borrowed_buf', 'error_reporter', 'error_iter', 'linux_pidfd', 'peer_credentials_unix_socket', 'unix_socket_ancillary_data',
  'normalize_lexically', 'exit_status_error', 'random', 'backtrace_frames', 'option_into_flat_iter', 'sync_unsafe_cell',
  'stdarch_x86_avx512_bf16', 'f16',
];

/** Public types of core that std does not re-export (the model is one crate for std, core and alloc). */
const CORE_ONLY = new Set(['index::Clamp', 'index::Last', 'error::Source', 'ffi::c_str::Bytes', 'fmt::NumBuffer', 'panic::PanicMessage']);

function instancesOf(t: PublicStdType): StdInstance[] {
  // proc_macro is a crate of its own (the probes say `extern crate proc_macro;`).
  const name = t.path.startsWith('proc_macro::') ? t.path : `${CORE_ONLY.has(t.path) ? 'core' : 'std'}::${t.path}`;
  const explicit = EXPLICIT_ARGS[t.path];
  if (explicit) return explicit.map((a) => ({ type: t, text: `${name}<${a}>` }));
  const own = t.params.filter((p) => !p.hasDefault || p.kind === 'lifetime');
  if (own.length === 0) return [{ type: t, text: name }];
  if (own.some((p) => p.kind === 'const')) throw new Error(`${t.path}: const generic parameters need EXPLICIT_ARGS`);
  const types = own.filter((p) => p.kind === 'type');
  const render = (pick: (j: number) => string): string => {
    let j = 0;
    return `${name}<${own.map((p) => (p.kind === 'lifetime' ? "'static" : pick(j++))).join(', ')}>`;
  };
  if (types.length === 0) return [{ type: t, text: render(() => '') }];
  const out: StdInstance[] = [];
  for (let k = 0; k < ARGS.length; k++) out.push({ type: t, text: render((j) => ARGS[(k + 3 * j) % ARGS.length]!) });
  types.forEach((p, j) => {
    if (!p.maybeUnsized) return;
    for (const u of UNSIZED_ARGS) out.push({ type: t, text: render((i) => (i === j ? u : ARGS[i % ARGS.length]!)) });
  });
  return out;
}

describe('std model: every public type against rustc', function () {
  this.timeout(300_000);
  let analyzer: Analyzer;
  /** Public types and aliases (aliases are measured too, but a type is what the goal counts). */
  let types: PublicStdType[] = [];
  let modelled: PublicStdType[] = [];
  before(async function () {
    analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
    const std = await analyzer.parseFile('<std>', STD_SOURCE, { budgetMs: Infinity });
    assert.equal(std.problems.length, 0, `the std model has syntax errors: ${JSON.stringify(std.problems)}`);
    types = publicStdTypes(std, getTarget(HOST)!);
    modelled = types.filter((t) => t.item.kind !== 'alias');
  });
  after(() => analyzer?.dispose());

  /** Every instantiation, and the engine's layout of each (which are unsized, their niche counts). */
  let first: Promise<{ instances: StdInstance[]; pre: Map<string, TypeReport>; unsized: (i: number) => boolean }> | undefined;
  const firstPass = () =>
    (first ??= (async () => {
      const instances = types.flatMap(instancesOf);
      const t0 = Date.now();
      // With the probe's features: an unstable type is E0658 without them.
      const pre = await laidOut(analyzer, 'std-types-pre.rs', `#![feature(${FEATURES.join(', ')})]\n${instances.map((inst, i) => `pub struct S${i}(pub ${inst.text});`).join('\n')}`);
      console.log(`      engine first pass ${Date.now() - t0} ms`);
      return { instances, pre, unsized: (i: number): boolean => /^E0277/.test(pre.get(`S${i}`)?.error ?? '') };
    })());

  it(`models at least ${MIN_TYPES} public std/core/alloc types`, () => {
    console.log(`      ${modelled.length} public std types modelled (and ${types.length - modelled.length} public aliases)`);
    assert.ok(modelled.length >= MIN_TYPES, `${modelled.length} public std types modelled, fewer than ${MIN_TYPES}`);
  });

  it('lays out every one like rustc (size, alignment, niche), with representative arguments', async function () {
    if (!rustcAvailable()) {
      console.log('      rustc not on PATH: skipped');
      this.skip();
    }
    const { instances, pre, unsized } = await firstPass();
    let t0 = Date.now();
    const niche = (i: number): bigint | undefined => {
      const r = pre.get(`S${i}`);
      return r && !r.error && r.size !== null ? BigInt(r.niche?.count ?? '0') : undefined;
    };
    const header = `#![feature(${FEATURES.join(', ')})]\nextern crate proc_macro;`;
    const { corpus, of } = stdTypeCorpus(instances, header, unsized, niche);
    if (process.env.RLL_STD_PROBE) writeFileSync(process.env.RLL_STD_PROBE, renderStdProbe(corpus).text);
    t0 = Date.now();
    // rustc's answer is kept between runs for the same probe and toolchain (test/oracle/rustcCache.ts).
    const oracle = await cachedRustcAnswer('std-probe', renderStdProbe(corpus).text, () => probeStd(corpus, undefined, { tags: false }));
    const rustcMs = Date.now() - t0;
    t0 = Date.now();
    // The engine reads the definitions (the probe's const array of size_of calls is rustc's part).
    const report = await laidOut(analyzer, 'std-types.rs', `${corpus.header}\n${corpus.defs}\n`);
    const engineMs = Date.now() - t0;
    const raw = compareReport('std types', { types: [...report.values()] }, oracle.types);
    // Name each probe by what it measures (`O12` → `O<std::cell::Ref<'static, u8>>`).
    const s = { ...raw, verdicts: raw.verdicts.map((v) => ({ ...v, name: `${v.name} ${of.get(v.name)?.probe ?? '?'}<${of.get(v.name)?.instance.text ?? '?'}>` })) };
    const text = formatSummary(s, 60);
    console.log(`      ${rustcVersion()}: ${modelled.length} types and ${types.length - modelled.length} aliases, ${instances.length} instantiations, ${corpus.types.length} probes (rustc ${rustcMs} ms, engine ${engineMs} ms)`);
    console.log(text.replace(/^/gm, '      '));
    if (s.counts.exact !== s.total) {
      const file = join(tmpdir(), 'rll-std-types.rs');
      writeFileSync(file, oracle.source);
      console.log(`      probe kept: ${file}`);
    }
    assert.equal(s.counts.wrong, 0, text);
    assert.equal(s.counts.abstained, 0, text);
    assert.equal(s.counts.missing, 0, text);
    assert.equal(s.counts.exact, s.total, text);
  });

  /** rustc's stderr for `source` checked as a library (metadata only), kept between runs for the same source and toolchain. */
  function rustcLibErrors(source: string): Promise<string> {
    return cachedRustcAnswer('lib-check', source, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rll-std-probe-'));
      try {
        writeFileSync(join(dir, 'lib.rs'), source);
        return (await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit=metadata', '-o', join(dir, 'lib.rmeta'), join(dir, 'lib.rs')])).stderr;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  /**
   * Each sized instantiation wrapped in an item of its own (`wrap`), compiled by rustc: its errors
   * of `code` (by line) against the engine's, which must be the same error, a number where rustc
   * accepts, or unknown.
   */
  async function oneErrorProbe(wrap: (text: string, i: number) => string, name: (i: number) => string, code: string, prelude = '') {
    const { instances, unsized } = await firstPass();
    const header = `#![feature(${FEATURES.join(', ')})]\n#![allow(warnings)]\nextern crate proc_macro;${prelude ? `\n${prelude}` : ''}`;
    const lines = header.split('\n').length;
    const sized = instances.map((inst, i) => ({ inst, i })).filter(({ i }) => !unsized(i));
    const source = `${header}\n${sized.map(({ inst, i }) => wrap(inst.text, i)).join('\n')}\n`;
    const stderr = await rustcLibErrors(source);
    const rejected = errorLines(stderr, code);
    const otherErrors = stderr.split('\n').filter((l) => /^error(\[E\d+\])?:/.test(l) && !l.startsWith(`error[${code}]`) && !/aborting due to/.test(l));
    assert.deepEqual(otherErrors, [], `the probe has errors other than ${code}`);
    const report = await laidOut(analyzer, `std-${code}.rs`, source);
    const wrong: string[] = [];
    let agree = 0;
    let unknown = 0;
    sized.forEach(({ inst, i }, k) => {
      const r = report.get(name(i));
      const rustcRejects = rejected.has(lines + 1 + k);
      if (!r || (r.size === null && !r.error)) unknown++;
      else if ((r.error ?? '').startsWith(code) === rustcRejects && (rustcRejects || !r.error)) agree++;
      else wrong.push(`${inst.text}: engine ${r.error ?? `size ${r.size}`}, rustc ${rustcRejects ? code : 'accepts'}`);
    });
    return { total: sized.length, agree, unknown, wrong, rejected: rejected.size };
  }

  it('says whether each one may be a union field (Copy) as rustc does, or that it does not know', async function () {
    if (!rustcAvailable()) this.skip();
    const r = await oneErrorProbe((text, i) => `pub union U${i} { pub a: ${text} }`, (i) => `U${i}`, 'E0740');
    console.log(`      ${r.total} unions: ${r.agree} as rustc (${r.rejected} rejected), ${r.unknown} unknown (Copy-ness not known), ${r.wrong.length} wrong`);
    assert.equal(r.wrong.length, 0, r.wrong.join('\n'));
  });

  it('says whether a packed struct may hold each one (E0588: it holds a `#[repr(align)]` struct, as declared) as rustc does, or that it does not know', async function () {
    if (!rustcAvailable()) this.skip();
    const r = await oneErrorProbe((text, i) => `#[repr(packed)] pub struct P${i}(pub u8, pub ${text});`, (i) => `P${i}`, 'E0588');
    console.log(`      ${r.total} packed structs: ${r.agree} as rustc (${r.rejected} rejected), ${r.unknown} unknown, ${r.wrong.length} wrong`);
    assert.equal(r.wrong.length, 0, r.wrong.join('\n'));
    assert.ok(r.rejected > 0 && r.unknown === 0, `${r.rejected} rejected by rustc, ${r.unknown} unknown`);
  });

  it("says whether a `#[repr(transparent)]` type may hold each align-1 one in a zero-sized field (rustc's `repr_transparent_non_zst_fields`, denied by default) as rustc does, or that it does not know", async function () {
    if (!rustcAvailable()) this.skip();
    const { instances, pre, unsized } = await firstPass();
    // Only a 1-ZST field is checked, so only a type of alignment 1 can be met (in `[T; 0]`).
    const met = instances.map((inst, i) => ({ inst, i })).filter(({ i }) => !unsized(i) && pre.get(`S${i}`)?.align === 1);
    const header = `#![feature(${FEATURES.join(', ')})]\n#![allow(warnings)]\nextern crate proc_macro;`;
    const lines = header.split('\n').length;
    const source = `${header}\n${met.map(({ inst, i }) => `#[repr(transparent)] pub struct R${i}(pub u8, pub [${inst.text}; 0]);`).join('\n')}\n`;
    if (process.env.RLL_STD_TRANSPARENT_PROBE) writeFileSync(process.env.RLL_STD_TRANSPARENT_PROBE, source);
    const stderr = await rustcLibErrors(source);
    const rejected = new Set<number>();
    const re = /^error: zero-sized fields in `repr\(transparent\)`[^\n]*\n\s*--> [^\n]*?:(\d+):\d+/gm;
    for (let m = re.exec(stderr); m; m = re.exec(stderr)) rejected.add(Number(m[1]));
    const otherErrors = stderr.split('\n').filter((l) => /^error(\[E\d+\])?:/.test(l) && !l.startsWith('error: zero-sized fields') && !/aborting due to/.test(l));
    assert.deepEqual(otherErrors, [], 'the probe has other errors');
    const report = await laidOut(analyzer, 'std-transparent.rs', source);
    const wrong: string[] = [];
    let agree = 0;
    let unknown = 0;
    met.forEach(({ inst, i }, k) => {
      const r = report.get(`R${i}`);
      const rustcRejects = rejected.has(lines + 1 + k);
      const engineRejects = (r?.error ?? '').startsWith('repr_transparent_non_zst_fields');
      if (!r || (r.size === null && !r.error)) unknown++;
      else if (engineRejects === rustcRejects && (rustcRejects || !r.error)) agree++;
      else wrong.push(`[${inst.text}; 0]: engine ${r.error ?? `size ${r.size}`}, rustc ${rustcRejects ? 'refuses' : 'accepts'}`);
    });
    console.log(`      ${met.length} of alignment 1 in \`[T; 0]\`: ${agree} as rustc (${rejected.size} refused), ${unknown} unknown, ${wrong.length} wrong`);
    assert.equal(wrong.length, 0, wrong.join('\n'));
    assert.ok(rejected.size > 0, 'rustc refused none');
  });

  // Each one as the argument of a generic type whose parameter is bounded by a std trait: E0277
  // where rustc finds the bound unmet (src/core/bounds.ts), else a number, or unknown.
  for (const [trait, path, minAgree] of [
    ['Clone', 'Clone', 500], ['Default', 'Default', 240], ['Debug', 'std::fmt::Debug', 2700], ['PartialEq', 'PartialEq', 230], ['Eq', 'Eq', 230],
    ['PartialOrd', 'PartialOrd', 250], ['Ord', 'Ord', 250], ['Hash', 'std::hash::Hash', 250], ['Send', 'Send', 2300], ['Sync', 'Sync', 2400],
  ] as const) {
    it(`says whether each one is \`${trait}\` as a bounded parameter needs (E0277 if not) as rustc does, or that it does not know`, async function () {
      if (!rustcAvailable()) this.skip();
      const r = await oneErrorProbe((text, i) => `pub struct B${i}(pub W<${text}>);`, (i) => `B${i}`, 'E0277', `pub struct W<T: ${path}>(pub T);`);
      console.log(`      ${r.total} as \`T: ${trait}\`: ${r.agree} as rustc (${r.rejected} rejected), ${r.unknown} unknown, ${r.wrong.length} wrong`);
      assert.equal(r.wrong.length, 0, r.wrong.join('\n'));
      assert.ok(r.agree >= minAgree, `only ${r.agree} told as rustc tells them`);
    });
  }
});

/** rustc's errors of one code, by the 1-based line they point at. */
function errorLines(stderr: string, code: string): Set<number> {
  const out = new Set<number>();
  const re = new RegExp(`^error\\[${code}\\][^\\n]*\\n\\s*--> [^\\n]*?:(\\d+):\\d+`, 'gm');
  for (let m = re.exec(stderr); m; m = re.exec(stderr)) out.add(Number(m[1]));
  return out;
}

/** The engine's reports of a whole file, by name (parsed without the editor's time budget). */
async function laidOut(analyzer: Analyzer, path: string, text: string): Promise<Map<string, TypeReport>> {
  const file = await analyzer.parseFile(path, text, { budgetMs: Infinity });
  const a = await analyzer.analyze(singleFileProgram(file, text), HOST);
  return new Map(a.reports().map((r) => [r.name, r]));
}
