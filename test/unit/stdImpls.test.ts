/**
 * Which std types implement the traits `#[derive]` and bounds ask for (Clone, Default, Debug,
 * PartialEq, Eq, PartialOrd, Ord, Hash), as rustc 1.95 answers: the table the engine reads
 * (src/core/stdImpls.json, through src/core/bounds.ts) is checked here against the compiler,
 * and written from it with `RLL_WRITE_STD_IMPLS=1`.
 *
 * Every public std type of the model whose type parameters have no bounds and no const
 * parameters is asked, through `fn f() { needs_clone::<X>(); }` lines (rustc's E0277 on a line
 * says no), with these arguments for its type parameters without a default:
 *  - `Full` (a unit struct deriving every trait) for all: no means the type never has the trait,
 *    unless another argument for all does better (OTHERS: `Pin<P>` asks `P: Deref`, left out);
 *  - then for one parameter at a time `Bare` (implementing nothing): yes means that parameter
 *    does not matter; and `Only` (deriving just the trait and its supertraits, and neither `Send`,
 *    `Sync` nor `Unpin`): yes means the trait on that argument is what the impl asks of it.
 * A parameter that matters but is not decided by the trait alone (`Cell<T>: Clone` asks
 * `T: Copy`) leaves the trait out of the table for that type (not known there, or decided by the
 * hand-written rules of src/core/bounds.ts), and so does a `?Sized` parameter whose `[Full]`
 * answers otherwise than the rule (the impl asks `Sized` too).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { UNSTABLE_STD } from '../../src/core/stdUnstable';
import { run, rustcAvailable } from '../oracle/rustc';
import { cachedRustcAnswer } from '../oracle/rustcCache';
import { modelStdPaths } from './stdPaths';

const TABLE = path.join(__dirname, '../../../src/core/stdImpls.json');

const TRAITS = ['Clone', 'Default', 'Debug', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'Hash'] as const;
type Trait = (typeof TRAITS)[number];

/** What a trait's `Only` argument derives: the trait and its supertraits. */
const ONLY_DERIVES: Readonly<Record<Trait, string>> = {
  Clone: 'Clone',
  Default: 'Default',
  Debug: 'Debug',
  PartialEq: 'PartialEq',
  Eq: 'PartialEq, Eq',
  PartialOrd: 'PartialEq, PartialOrd',
  Ord: 'PartialEq, Eq, PartialOrd, Ord',
  Hash: 'Hash',
};

/** By std path, by trait: always, never, or the type parameters (by index) that must have the trait. */
type Rule = boolean | readonly number[];
type Table = Record<string, Partial<Record<Trait, Rule>>>;

const HEADER = [
  '#![allow(dead_code, unused, deprecated)]',
  '#[derive(Clone, Copy, Default, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)] pub struct Full;',
  'pub struct Bare;',
  ...TRAITS.map((t) => `#[derive(${ONLY_DERIVES[t]})] pub struct Only${t}(std::marker::PhantomData<(*const (), std::marker::PhantomPinned)>);`),
  ...TRAITS.map((t) => `fn needs_${t}<T: ?Sized + ${t === 'Debug' ? 'std::fmt::Debug' : t === 'Hash' ? 'std::hash::Hash' : t}>() {}`),
];

/**
 * Other arguments given to every parameter at once when `Full` gets a no: a yes with one of them
 * means std has an impl whose bounds `Full` does not meet (`Pin<Box<T>>: Default`,
 * `BufWriter<W: Write>: Debug`, `FromFn<F: Fn(&mut Formatter) -> Result>: Debug`), so the no is not a never.
 */
const OTHERS = ['Box<Full>', "&'static Full", 'Vec<u8>', 'std::fs::File', "fn(&mut std::fmt::Formatter<'_>) -> std::fmt::Result", 'std::ops::Range<u8>', 'String', 'u8', "&'static str", '()', 'std::hash::RandomState', 'std::collections::hash_map::DefaultHasher', 'Box<dyn Fn()>'];

interface Question {
  readonly path: string;
  readonly trait: Trait;
  /** -1: every argument `Full` (or one of OTHERS, `arg` naming it); else the parameter given `Bare`, `Only` or (a `?Sized` one) `[Full]`. */
  readonly at: number;
  readonly arg: string;
  readonly line: number;
}

/** The probe source and what each of its lines asks. */
async function questions(analyzer: Analyzer): Promise<{ lines: string[]; asked: Question[] }> {
  const lines = [...HEADER];
  const asked: Question[] = [];
  for (const [item, paths] of await modelStdPaths(analyzer)) {
    // Keyed by the item's first public path (as src/core/stdPublic.ts's publicStdItems gives it,
    // which the engine looks up), written by the first one a stable crate may write.
    const key = paths[0]!;
    const p = paths.filter((x) => UNSTABLE_STD[x] === undefined).sort((a, b) => a.split('::').length - b.split('::').length)[0];
    if (p === undefined || item.kind === 'alias' || item.attrs.some((a) => a.name === 'deprecated')) continue;
    if (p.startsWith('proc_macro::')) continue;
    const params = item.generics.params;
    if (params.some((q) => q.kind === 'const')) continue;
    if (item.generics.predicates?.length || item.generics.opaqueBounds) continue;
    // Parameters with bounds take arguments of their own (not `Full`): left to the hand-written rules.
    const types = params.filter((q) => q.kind === 'type');
    if (types.some((q) => q.kind === 'type' && (q.traits?.length || q.bounds?.length || q.otherBounds?.length || q.fnBounds?.length || q.staticBound || q.projectionBounds))) continue;
    const written = types.filter((q) => q.kind === 'type' && q.default === undefined).length;
    const lifetimes = params.filter((q) => q.kind === 'lifetime').map(() => "'static");
    const text = (at: number, arg: string, trait: Trait): string => {
      const all = at < 0 && arg !== 'Full' ? arg : 'Full';
      const args = [...lifetimes, ...Array.from({ length: written }, (_, i) => (i === at ? (arg === 'Only' ? `Only${trait}` : arg === 'Slice' ? '[Full]' : arg) : all))];
      return `std::${p}${args.length ? `<${args.join(', ')}>` : ''}`;
    };
    for (const trait of TRAITS) {
      const ask = (at: number, arg: Question['arg']): void => {
        asked.push({ path: key, trait, at, arg, line: lines.length + 1 });
        lines.push(`fn q${lines.length}() { needs_${trait}::<${text(at, arg, trait)}>(); }`);
      };
      ask(-1, 'Full');
      if (written > 0) for (const other of OTHERS) ask(-1, other);
      const own = types.filter((q) => q.kind === 'type' && q.default === undefined);
      for (let i = 0; i < written; i++) {
        ask(i, 'Bare');
        ask(i, 'Only');
        if (own[i]?.kind === 'type' && own[i].maybeUnsized) ask(i, 'Slice');
      }
    }
  }
  return { lines, asked };
}

/** The 1-based lines rustc refuses, with the code of the first error on each, compiled as a library. */
function refusedLines(lines: readonly string[]): Promise<[number, string][]> {
  return cachedRustcAnswer('std-impls', lines, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rll-std-impls-'));
    try {
      writeFileSync(path.join(dir, 'lib.rs'), `${lines.join('\n')}\n`);
      const r = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit', 'metadata', '--cap-lints', 'allow', '-o', path.join(dir, 'lib.rmeta'), path.join(dir, 'lib.rs')]);
      const out = new Map<number, string>();
      for (const block of r.stderr.split(/\n(?=error)/)) {
        const head = /^error(?:\[(E\d{4})\])?:/.exec(block);
        if (!head || /^error: aborting/.test(block)) continue;
        const line = Number(/-->\s+\S+?:(\d+):\d+/.exec(block)?.[1] ?? 0);
        assert.ok(line > HEADER.length, `rustc refuses the probe's header or an unplaced line:\n${block.slice(0, 2000)}`);
        if (!out.has(line)) out.set(line, head[1] ?? 'lint');
      }
      assert.ok(r.code === 0 || out.size > 0, `rustc failed without errors on the lines:\n${r.stderr.slice(0, 2000)}`);
      return [...out].sort((a, b) => a[0] - b[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/**
 * The table rustc's answers make (see the header comment). Only E0277 (an unmet bound) is a no:
 * a type refused for another reason (an unstable path) says nothing and is left out.
 */
function tableOf(asked: readonly Question[], refused: ReadonlyMap<number, string>): Table {
  const by = new Map<string, Question[]>();
  for (const q of asked) {
    const k = `${q.path}\u0000${q.trait}`;
    (by.get(k) ?? by.set(k, []).get(k)!).push(q);
  }
  const table: Table = {};
  for (const qs of by.values()) {
    const { path: p, trait } = qs[0]!;
    if (qs.some((q) => q.arg !== 'Full' && q.at < 0 ? false : (refused.get(q.line) ?? 'E0277') !== 'E0277')) continue;
    const yes = (at: number, arg: string): boolean => {
      const q = qs.find((x) => x.at === at && x.arg === arg);
      return q !== undefined && !refused.has(q.line);
    };
    let rule: Rule | undefined;
    // A no is never only where no other argument does better (OTHERS).
    if (!yes(-1, 'Full')) rule = OTHERS.some((o) => yes(-1, o)) ? undefined : false;
    else {
      const needs: number[] = [];
      let decided = true;
      for (const i of new Set(qs.filter((q) => q.at >= 0).map((q) => q.at))) {
        if (yes(i, 'Bare')) continue;
        if (!yes(i, 'Only')) {
          decided = false;
          break;
        }
        needs.push(i);
      }
      // A `?Sized` parameter given `[Full]` (unsized, and every trait of `Full` but `Clone` and
      // `Default`): an answer other than the rule's means the impl asks `Sized` too (`Weak<T>: Default`).
      for (const q of qs.filter((x) => x.arg === 'Slice')) {
        const expected = !needs.includes(q.at) || (trait !== 'Clone' && trait !== 'Default');
        if (yes(q.at, 'Slice') !== expected) decided = false;
      }
      if (decided) rule = needs.length ? needs : true;
    }
    if (rule !== undefined) (table[p] ??= {})[trait] = rule;
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe("std's impls of the derivable traits, against rustc", function () {
  this.timeout(600_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());
  before(function () {
    if (!rustcAvailable()) this.skip();
  });

  it('src/core/stdImpls.json is what rustc says of every public std type without bounded parameters (RLL_WRITE_STD_IMPLS=1 writes it)', async () => {
    const { lines, asked } = await questions(analyzer);
    const refused = new Map(await refusedLines(lines));
    const table = tableOf(asked, refused);
    const text = `${JSON.stringify(table, null, 1)}\n`;
    if (process.env.RLL_WRITE_STD_IMPLS === '1') writeFileSync(TABLE, text);
    const types = Object.keys(table).length;
    const rules = Object.values(table).reduce((n, r) => n + Object.keys(r).length, 0);
    console.log(`      ${asked.length} questions, ${refused.size} refused: ${rules} rules for ${types} std types`);
    assert.ok(types > 200 && refused.size > 500, `too few answers: ${types} types, ${refused.size} refused`);
    assert.equal(readFileSync(TABLE, 'utf8'), text, 'src/core/stdImpls.json differs from what rustc says (RLL_WRITE_STD_IMPLS=1 writes it)');
  });
});
