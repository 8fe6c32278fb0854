/**
 * The expander never throws and never hangs: random and mutated macro bodies and inputs give an
 * expansion or an `{ error }` (never the "internal error" a thrown exception becomes), quickly;
 * outputs lex back to the tokens that were written; size limits, pathological matchers and deep
 * nesting give clear errors.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandBitflags, expandCfgIf, expandMacro, parseMacroRules, type Expansion, type Failure, type MacroRules } from '../../src/core/macros/index';
import { lex } from '../../src/core/macros/lexer';
import { parseClock } from '../../src/parse/parser';
import { Rng } from '../oracle/prng';
import { lexOrThrow, splitItems } from './macrosHarness';

const FIXTURES = join(__dirname, '../../../test/fixtures/macros');

/** Asserts `r` is an expansion or an ordinary error, and that an expansion's text lexes; true for an expansion. */
function wellFormed(r: Expansion | Failure | MacroRules, context: string): boolean {
  if ('error' in r) {
    assert.ok(!r.error.startsWith('internal error'), `${r.error}\n  ${context}`);
    return false;
  }
  if ('text' in r) {
    const relexed = lex(r.text);
    assert.ok(!('error' in relexed), `output does not lex: ${'error' in relexed ? relexed.error : ''}\n  ${context}`);
  }
  return true;
}

/**
 * A hang detector, not a speed check (that is the bench's): the limit is on this thread's own
 * CPU time (the parse clock mocha's setup file installs), so a loaded machine that takes the CPU
 * away from the test cannot fail it.
 */
function timed<T>(limitMs: number, context: string, f: () => T): T {
  const clock = parseClock();
  const t0 = clock.now();
  const r = f();
  const ms = clock.now() - t0;
  assert.ok(ms < limitMs, `took ${ms.toFixed(0)} ms of CPU: ${context}`);
  return r;
}

const VOCABULARY = [
  '$', '$x', '$y', '$x:', '$y:', 'ident', 'tt', 'expr', 'ty', 'pat', 'pat_param', 'path', 'item', 'stmt', 'block', 'vis', 'meta', 'literal', 'lifetime',
  '(', ')', '[', ']', '{', '}', '$(', ')*', ')+', ')?', '),*', ');*', '=>', ';', ',', ':', '::', '*', '+', '?', '<', '>', '>>', '&', '&&', '|', '||',
  '..', '..=', '-', '!', '#', '=', '.', '@', 'a', 'b', 'struct', 'pub', 'fn', 'let', 'if', 'else', 'match', 'as', 'const', 'impl', 'for', 'mut', 'dyn',
  '1', '0x1f', '2.5', '"s"', "'c'", "'a", 'r#"raw"#', '/// doc\n', '$crate', 'crate', 'Vec', 'u8',
];

function soup(rng: Rng, n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(rng.pick(VOCABULARY));
  return out.join(rng.chance(0.5) ? ' ' : '');
}

/** Random balanced token trees (most random soups are unbalanced and fail in the lexer). */
function tree(rng: Rng, depth: number, n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    if (depth < 4 && rng.chance(0.15)) {
      const [o, c] = rng.pick([['(', ')'], ['[', ']'], ['{', '}'], ['$(', rng.pick([')*', ')+', ')?', '),*'])]]);
      out.push(o, tree(rng, depth + 1, rng.int(0, 6)), c);
    } else {
      out.push(rng.pick(VOCABULARY.filter((v) => !/[()[\]{}]/.test(v))));
    }
  }
  return out.join(' ');
}

/** A sample of each fragment kind. */
const SAMPLES: Record<string, readonly string[]> = {
  tt: ['a', '(b c)', '1', "'l", '::'],
  ident: ['abc', 'r#type', 'self'],
  expr: ['1 + 2', 'f(x)', '-1', 'a.b()', 'if c { 1 } else { 2 }', '|x| x'],
  ty: ['Vec<u8>', '&\'a str', '(u8, i8)', 'fn() -> u8', 'Option<Vec<u8>>'],
  path: ['a::b', 'Vec::<u8>', '::x'],
  pat: ['Some(x)', '_', '1..=2', 'A | B'],
  pat_param: ['(a, b)', 'ref x', '-3'],
  literal: ['1', '-2', '"s"', 'true'],
  lifetime: ["'a", "'static"],
  block: ['{ x }', '{}'],
  item: ['struct S;', 'fn f() {}', 'const C: u8 = 1;'],
  stmt: ['let x = 1', 'f()'],
  meta: ['derive(Debug)', 'doc = "x"', 'cfg(unix)'],
  vis: ['pub', 'pub(crate)', ''],
};
const LITERALS = ['@', 'a', 'struct', '=>', ';', ',', ':', '#', '!', 'kw', '+'];
/** Tokens that may follow each fragment kind in a matcher (a subset of rustc's follow sets). */
const FOLLOW: Record<string, readonly string[]> = { expr: ['=>', ',', ';'], ty: ['=>', ',', ';', ':'], path: ['=>', ',', ';'], pat: ['=>', ',', '=', 'if'], pat_param: ['=>', ',', '|'], stmt: ['=>', ',', ';'], vis: ['a', 'struct'] };

/** A random macro rule and an input built to match it (most of the time). */
function randomMacro(rng: Rng): { rules: string; input: string } {
  let vars = 0;
  const uses: { name: string; depth: number }[] = [];
  const element = (depth: number): { m: string; i: () => string } => {
    const r = rng.next();
    if (r < 0.3) {
      const lit = rng.pick(LITERALS);
      return { m: lit, i: () => lit };
    }
    if (r < 0.7 || depth >= 2) {
      const kind = rng.pick(Object.keys(SAMPLES));
      const name = `v${vars++}`;
      uses.push({ name, depth });
      const follow = FOLLOW[kind] ? ` ${rng.pick(FOLLOW[kind])}` : '';
      return { m: `$${name}:${kind}${follow}`, i: () => `${rng.pick(SAMPLES[kind])}${follow}` };
    }
    const body = Array.from({ length: rng.int(1, 3) }, () => element(depth + 1));
    const sep = rng.pick(['', ',', ';']);
    const op = sep === '' ? rng.pick(['*', '+', '?']) : rng.pick(['*', '+']);
    return {
      m: `$( ${body.map((b) => b.m).join(' ')} )${sep}${op}`,
      i: () => {
        const n = op === '?' ? rng.int(0, 1) : rng.int(op === '+' ? 1 : 0, 3);
        return Array.from({ length: n }, () => body.map((b) => b.i()).join(' ')).join(` ${sep} `);
      },
    };
  };
  const elements = Array.from({ length: rng.int(1, 5) }, () => element(0));
  const transcriber = uses.map((u) => (u.depth === 0 ? `x $${u.name}` : `$( y $${u.name} )*`)).join(' ');
  return { rules: `(${elements.map((e) => e.m).join(' ')}) => { ${transcriber} }`, input: elements.map((e) => e.i()).join(' ') };
}

/** The macro_rules bodies and the calls' inputs of a fixture file. */
function fixturePieces(file: string): { bodies: string[]; inputs: string[] } {
  const src = readFileSync(join(FIXTURES, file), 'utf8');
  const toks = lexOrThrow(src);
  const bodies: string[] = [];
  const inputs: string[] = [];
  for (const [from, to] of splitItems(toks)) {
    const open = toks.slice(from, to).find((t) => t.kind === 'open' && t.text !== '[');
    if (!open) continue;
    const inner = src.slice(open.start + 1, toks[open.pair].start);
    (toks.slice(from, to).some((t) => t.text === 'macro_rules') ? bodies : inputs).push(inner);
  }
  return { bodies, inputs };
}

describe('macros: robustness', function () {
  this.timeout(120_000);

  it('random token soups as bodies and inputs: an expansion or an error, each in well under a second', () => {
    const rng = new Rng('macros-soup');
    let rules = 0;
    let expansions = 0;
    for (let k = 0; k < 1500; k++) {
      const body = rng.chance(0.5) ? soup(rng, rng.int(0, 40)) : `(${tree(rng, 0, rng.int(0, 12))}) => {${tree(rng, 0, rng.int(0, 12))}}`;
      const input = rng.chance(0.5) ? soup(rng, rng.int(0, 30)) : tree(rng, 0, rng.int(0, 15));
      const context = `body: ${body}\n  input: ${input}`;
      const parsed = timed(500, context, () => parseMacroRules('m', body));
      if (!wellFormed(parsed, context) || 'error' in parsed) continue;
      rules++;
      if (wellFormed(timed(500, context, () => expandMacro(parsed, input, { dollarCrate: 'crate' })), context)) expansions++;
    }
    assert.ok(rules > 150, `only ${rules} bodies parsed`);
    assert.ok(expansions > 0);
  });

  it('random matchers with inputs made to fit them: mostly expansions, never an exception', () => {
    const rng = new Rng('macros-fit');
    let expansions = 0;
    for (let k = 0; k < 1500; k++) {
      const m = randomMacro(rng);
      const context = `rules: ${m.rules}\n  input: ${m.input}`;
      const rules = parseMacroRules('m', m.rules);
      assert.ok(!('error' in rules) || !rules.error.startsWith('internal'), context);
      if ('error' in rules) continue;
      if (wellFormed(timed(500, context, () => expandMacro(rules, m.input, { dollarCrate: 'crate' })), context)) expansions++;
    }
    assert.ok(expansions > 600, `only ${expansions} expansions`);
  });

  it('truncated and mutated real macros and calls (the rustc corpus): no exceptions, no hangs', () => {
    const rng = new Rng('macros-mutate');
    const { bodies, inputs } = fixturePieces('corpus.rs');
    assert.ok(bodies.length > 20 && inputs.length > 40);
    const mutate = (s: string): string => {
      switch (rng.int(0, 3)) {
        case 0:
          return s.slice(0, rng.int(0, s.length));
        case 1:
          return s.slice(rng.int(0, s.length));
        case 2: {
          const at = rng.int(0, s.length);
          return s.slice(0, at) + rng.pick(VOCABULARY) + s.slice(at);
        }
        default: {
          const at = rng.int(0, s.length);
          return s.slice(0, at) + s.slice(at + rng.int(1, 8));
        }
      }
    };
    const parsed = bodies.map((b) => parseMacroRules('m', b)).filter((r): r is MacroRules => !('error' in r));
    assert.equal(parsed.length, bodies.length, 'every fixture macro parses');
    let expansions = 0;
    for (let k = 0; k < 1500; k++) {
      const body = mutate(rng.pick(bodies));
      const rules = timed(500, body, () => parseMacroRules('m', body));
      wellFormed(rules, body);
      const target = 'error' in rules ? rng.pick(parsed) : rules;
      const input = rng.chance(0.7) ? mutate(rng.pick(inputs)) : rng.pick(inputs);
      if (wellFormed(timed(500, input, () => expandMacro(target, input, { dollarCrate: 'crate' })), `input: ${input}`)) expansions++;
      wellFormed(timed(500, input, () => expandCfgIf(input)), `cfg_if input: ${input}`);
      wellFormed(timed(500, input, () => expandBitflags(input, rng.chance(0.5) ? 1 : 2)), `bitflags input: ${input}`);
    }
    assert.ok(expansions > 50, `only ${expansions} expansions`);
  });

  it('the output lexes back to exactly the tokens written (spacing never glues or splits a token)', () => {
    const identity = parseMacroRules('id', '($($t:tt)*) => { $($t)* }') as MacroRules;
    const rng = new Rng('macros-identity');
    for (let k = 0; k < 2000; k++) {
      const input = tree(rng, 0, rng.int(1, 25)).replace(/\$\(|\)[*+?]|\),\*/g, (m) => (m.startsWith('$') ? '(' : ')'));
      const before = lex(input);
      if ('error' in before) continue;
      const r = expandMacro(identity, input, { dollarCrate: 'crate' });
      assert.ok('text' in r, `${'error' in r ? r.error : ''}\n  input: ${input}`);
      const after = lex(r.text);
      assert.ok('tokens' in after);
      assert.deepEqual(after.tokens.map((t) => t.text), before.tokens.map((t) => t.text), `input: ${input}\n  output: ${r.text}`);
    }
  });

  it('an expansion over the size limit is an error, not a hang', () => {
    const big = parseMacroRules('big', `($($t:tt)*) => { $( [${'x '.repeat(1000)} $t] )* }`) as MacroRules;
    const input = 'a '.repeat(500);
    const r = timed(5000, 'big', () => expandMacro(big, input, { dollarCrate: 'crate' }));
    assert.ok('error' in r);
    assert.match(r.error, /`big!`: expansion exceeds 200000 tokens/);
    const small = expandMacro(big, 'a', { dollarCrate: 'crate', limits: { maxChars: 100, maxTokens: 10_000 } });
    assert.ok('error' in small);
    assert.match(small.error, /expansion exceeds 100 characters/);
  });

  it('a matcher whose repetitions explode is stopped by the matching budget', () => {
    const m = parseMacroRules('amb', '($(a)* $(a)* $(a)* $(a)* b) => {}') as MacroRules;
    const r = timed(20_000, 'ambiguous', () => expandMacro(m, 'a '.repeat(400) + 'c', { dollarCrate: 'crate' }));
    assert.ok('error' in r);
    assert.match(r.error, /matching took more than \d+ steps/);
  });

  it('deep nesting is an error, not a stack overflow', () => {
    const ty = parseMacroRules('t', '($t:ty) => { $t }') as MacroRules;
    const deepTy = expandMacro(ty, 'Vec<'.repeat(5000) + 'u8' + '>'.repeat(5000), { dollarCrate: 'crate' });
    assert.ok('error' in deepTy);
    assert.match(deepTy.error, /nested too deeply/);
    const ex = parseMacroRules('e', '($e:expr) => { $e }') as MacroRules;
    for (const input of ['- '.repeat(20_000) + 'x', 'a = '.repeat(20_000) + 'b', '&'.repeat(20_000) + 'x']) {
      const r = expandMacro(ex, input, { dollarCrate: 'crate' });
      assert.ok('error' in r && /nested too deeply/.test(r.error), input.slice(0, 20));
    }
    const fine = expandMacro(ex, '1 + '.repeat(20_000) + '1', { dollarCrate: 'crate' });
    assert.ok('text' in fine, 'a long flat expression is fine');
    const deepGroups = expandMacro(ex, '('.repeat(1000) + ')'.repeat(1000), { dollarCrate: 'crate' });
    assert.ok('error' in deepGroups);
    assert.match(deepGroups.error, /nested deeper than 256/);
  });
});
