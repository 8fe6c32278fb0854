/**
 * Matching and transcription, as named rule tests: each case is a macro's rules, an invocation's
 * input, and the text the expander must produce (or the error it must give). What rustc does in
 * each case is checked against the compiler by macros.rustc.test.ts; these pin the details.
 */
import assert from 'node:assert/strict';
import { blankEmptyGenerics, expandMacro, parseMacroRules, soleMacroCall, type Edition, type Expansion, type Failure, type MacroRules } from '../../src/core/macros/index';

function rules(body: string, edition?: Edition): MacroRules {
  const r = parseMacroRules('m', body, { edition });
  if ('error' in r) assert.fail(r.error);
  return r;
}

function expand(body: string, input: string, edition?: Edition, dollarCrate = 'crate'): Expansion | Failure {
  return expandMacro(rules(body, edition), input, { dollarCrate });
}

function out(body: string, input: string, edition?: Edition): string {
  const r = expand(body, input, edition);
  if ('error' in r) assert.fail(`${r.error}\n  rules: ${body}\n  input: ${input}`);
  return r.text;
}

function err(body: string, input: string, edition?: Edition): string {
  const r = expand(body, input, edition);
  assert.ok('error' in r, `expected an error, got ${'text' in r ? r.text : ''}`);
  return r.error;
}

interface Case {
  readonly name: string;
  readonly rules: string;
  readonly input: string;
  readonly out: string;
  readonly edition?: Edition;
}

/** Each fragment kind, taking exactly what rustc's parser takes. */
const FRAGMENTS: Case[] = [
  { name: 'ident (keywords and raw identifiers too)', rules: '($($i:ident)*) => { $(struct $i;)* }', input: 'A r#type self', out: 'struct A; struct r#type; struct self;' },
  { name: 'lifetime', rules: "($l:lifetime) => { struct S<$l>(&$l u8); }", input: "'a", out: "struct S<'a> (&'a u8);" },
  { name: 'literal, negative ones included (in parentheses: one literal, as rustc keeps it)', rules: '($($l:literal),*) => { [$($l),*] }', input: '1, -2, "s", b\'x\', 1.5e3, true, -false', out: '[1, (-2), "s", b\'x\', 1.5e3, true, (- false)]' },
  { name: 'tt: a token or a whole group', rules: '($($t:tt)*) => { $($t)|* }', input: 'a (b c) [d] {e} :: \'l "s"', out: "a | (b c) | [d] | { e } | :: | 'l | \"s\"" },
  { name: 'block', rules: '($b:block) => { fn f() $b }', input: '{ let x = 1; x }', out: 'fn f() { let x = 1; x }' },
  { name: 'item: each item up to its own end', rules: '($($i:item)*) => { $($i)* }', input: 'const X: u8 = { 1 }; struct S { a: u8 } fn f() {} m!(x);', out: 'const X: u8 = { 1 }; struct S { a: u8 } fn f() { } m!(x);' },
  { name: 'vis: empty, pub, pub(crate), pub(in path)', rules: '($($v:vis fn;)*) => { $($v struct S;)* }', input: 'fn; pub fn; pub(crate) fn; pub(in a::b) fn;', out: 'pub(in self) struct S; pub struct S; pub(crate) struct S; pub(in a::b) struct S;' },
  { name: 'vis: an empty one forwarded to a macro is one opaque piece (rustc keeps an invisible group), so a `vis` matcher of the next macro takes it before `]`', rules: '([$v:vis]) => { struct S; }; ($v:vis fn) => { m!([$v]); }', input: 'fn', out: "m!(['__rll_nt_vis()]);" },
  { name: 'vis: a forwarded empty one is taken by the next macro\'s `vis` matcher', rules: '([$v:vis]) => { struct S; }', input: "['__rll_nt_vis()]", out: 'struct S;' },
  { name: 'forwarded fragments are opaque: a literal arm does not match them, a fragment of their kind does, a tt takes them whole', rules: '(u8) => { A }; ([$t:tt]) => { T }; ($t:ty) => { struct S($t); }', input: "'__rll_nt_ty(u8)", out: 'struct S(u8);' },
  { name: 'a tt takes a forwarded fragment whole, and writes it out as the fragment it was (an expression in parentheses)', rules: '(1 + 1) => { A }; ($t:tt) => { const X: u8 = $t * 2; }', input: "'__rll_nt_expr(1 + 1)", out: 'const X: u8 = (1 + 1) * 2;' },
  { name: 'a forwarded path is a type; inside generic arguments too', rules: '(Vec<u8>) => { A }; ($t:ty) => { struct S($t); }', input: "Vec<'__rll_nt_path(u8)>", out: 'struct S(Vec<u8>);' },
  { name: 'fragments forwarded again stay one piece; ident, lifetime and tt ones are plain tokens', rules: "($t:ty, $i:ident, $l:lifetime, $x:tt) => { m!($t, $i, $l, $x); }", input: "'__rll_nt_ty(u8), a, 'b, c", out: "m!('__rll_nt_ty(u8), a, 'b, c);" },
  { name: 'vis: `pub (u8)` is `pub` and a tuple type', rules: '($v:vis $t:ty) => { struct S($v $t); }', input: 'pub (u8, u8)', out: 'struct S(pub(u8, u8));' },
  { name: 'ty: paths, references, pointers, tuples, arrays, fn pointers, trait objects, qualified paths (a type with a top-level `+` stays one type: in parentheses)', rules: '($($t:ty),*) => { $(type T = $t;)* }', input: "Vec<u8>, &'a mut [u8], *const T, (u8, u16), [u8; 4], fn(u8) -> u8, dyn Fn() -> u8 + Send, impl Iterator<Item = u8>, <T as Tr>::X, !, _, for<'a> fn(&'a u8), ::std::vec::Vec<u8>, Option<&dyn Tr<A = u8>>", out: "type T = Vec<u8>; type T = &'a mut [u8]; type T = * const T; type T = (u8, u16); type T = [u8; 4]; type T = fn(u8) -> u8; type T = (dyn Fn() -> u8 + Send); type T = impl Iterator<Item = u8>; type T = <T as Tr>::X; type T = !; type T = _; type T = for<'a> fn(&'a u8); type T = ::std::vec::Vec<u8>; type T = Option< &dyn Tr<A = u8>>;" },
  { name: 'ty: `>>` closes two generic lists', rules: '($t:ty) => { type T = $t; }', input: 'Vec<Vec<u8>>', out: 'type T = Vec<Vec<u8>>;' },
  { name: 'ty: the `>` split off `>>` is matched next', rules: '(<$t:ty>) => { type T = $t; }', input: '<Vec<u8>>', out: 'type T = Vec<u8>;' },
  { name: 'ty: `>>=` split twice', rules: '($t:ty = $e:expr) => { const C: $t = $e; }', input: 'Option<Option<u8>>= None', out: 'const C: Option<Option<u8>> = None;' },
  { name: 'ty: a macro call type', rules: '($t:ty) => { type T = $t; }', input: 'my_ty!(u8)', out: 'type T = my_ty!(u8);' },
  { name: 'path: generic arguments, turbofish, Fn sugar', rules: '($($p:path),*) => { $(use $p;)* }', input: 'a::b::C, ::x::Y<u8>, Vec::<u8>, Fn(u8) -> u8', out: 'use a::b::C; use ::x::Y<u8>; use Vec::<u8>; use Fn(u8) -> u8;' },
  { name: 'expr: stops at `,` `;` `=>` outside groups, reads closures and turbofish whole', rules: '($($e:expr),*) => { $(f($e);)* }', input: '|a, b| a + b, HashMap::<u8, u8>::new(), if a { 1 } else { 2 }, x as u8 as u16', out: 'f((| a, b | a + b)); f((HashMap::<u8, u8>::new())); f((if a { 1 } else { 2 })); f((x as u8 as u16));' },
  { name: 'expr: struct literals, method chains, ranges, labels, unary operators', rules: '($($e:expr);*) => { $(f($e);)* }', input: "S { a: 1 }.b(); a.b::<u8>()?.c[0]; ..=5; 'l: loop { break 'l 3 }; - -x; &&mut y", out: "f((S { a: 1 }.b())); f((a.b::<u8> ()?.c [0])); f((..= 5)); f(('l: loop { break 'l 3 })); f((- - x)); f((&& mut y));" },
  { name: 'expr_2021 does not take `const { .. }`, 2024 `expr` does', rules: '($e:expr) => { a }; (const $b:block) => { b }', input: 'const { 1 }', out: 'b' },
  { name: 'expr in a 2024 macro takes `const { .. }` and `_`', rules: '($e:expr) => { a($e) }', input: 'const { 1 }', out: 'a((const { 1 }))', edition: 2024 },
  { name: 'pat (2021): top-level or-patterns', rules: '($p:pat) => { match x { $p => {} } }', input: '| A | B(..) | 1..=3', out: 'match x { | A | B(..) | 1 ..= 3 => { } }' },
  { name: 'pat_param: stops at `|`', rules: '($($p:pat_param)|+) => { $(let $p = x;)+ }', input: 'Some(a) | (b, c) | [d, ..] | ref mut e @ 1..=5 | -1 | &&f', out: 'let Some(a) = x; let (b, c) = x; let [d, ..] = x; let ref mut e @ 1 ..= 5 = x; let -1 = x; let && f = x;' },
  { name: 'pat in a 2018 macro is pat_param', rules: '($p:pat | $q:pat) => { [$p, $q] }', input: 'A | B', out: '[A, B]', edition: 2018 },
  { name: 'stmt: without its `;`, items with theirs', rules: '($($s:stmt);*) => { $($s;)* }', input: 'let x: u8 = 1; x + 1; fn f() {}; let Some(y) = z else { return }', out: 'let x: u8 = 1; x + 1; fn f() { }; let Some(y) = z else { return };' },
  { name: 'meta: path, path(..), path = expr', rules: '($(#[$m:meta])*) => { $(#[$m])* struct S; }', input: '#[derive(Debug)] #[doc = "d"] #[cfg(all(unix, not(x)))] #[rustfmt::skip] #[doc = concat!("a", 1)]', out: '#[derive(Debug)] #[doc = "d"] #[cfg(all(unix, not(x)))] #[rustfmt::skip] #[doc = concat!("a", 1)] struct S;' },
  { name: 'doc comments are matched as #[doc = ..] attributes', rules: '($(#[doc = $d:expr])* $i:ident) => { $(#[doc = $d])* struct $i; }', input: '/// One\n/** Two */\nS', out: '#[doc = r" One"] #[doc = r" Two "] struct S;' },
];

/** Repetitions, separators, nesting, rule order, `$crate`, expression grouping. */
const TRANSCRIPTION: Case[] = [
  { name: 'repetition without separator', rules: '($($i:ident)*) => { $(struct $i;)* }', input: 'A B C', out: 'struct A; struct B; struct C;' },
  { name: 'repetition with a separator, none after the last', rules: '($($i:ident),*) => { [$($i),*] }', input: 'a, b, c', out: '[a, b, c]' },
  { name: 'zero repetitions', rules: '($($i:ident),*) => { [$($i),*] }', input: '', out: '[]' },
  { name: 'trailing separator through `$(,)?`', rules: '($($i:ident),* $(,)?) => { [$($i);*] }', input: 'a, b,', out: '[a; b]' },
  { name: 'multi-character separators (a `+` right after `$( .. )` is the operator, not a separator)', rules: '($($a:ident => $b:ident)::*) => { $($a $b)=>* }', input: 'a => b :: c => d', out: 'a b => c d' },
  { name: '`?`: present and absent', rules: '($n:ident $(: $t:ty)?) => { struct $n $(($t))?; }', input: 'A: u8', out: 'struct A(u8);' },
  { name: '`?` absent', rules: '($n:ident $(: $t:ty)?) => { struct $n $(($t))?; }', input: 'A', out: 'struct A;' },
  { name: '`+` needs one', rules: '($($i:ident)+) => { $($i)+ }; () => { none }', input: '', out: 'none' },
  { name: 'nested repetitions', rules: '($($n:ident { $($f:ident: $t:ty),* })*) => { $(struct $n { $($f: $t),* })* }', input: 'A { a: u8, b: u16 } B {} C { c: Vec<u8> }', out: 'struct A { a: u8, b: u16 } struct B { } struct C { c: Vec<u8> }' },
  { name: 'an outer variable inside an inner repetition', rules: '($($n:ident [$($f:ident)*])*) => { $($(const $f: &str = stringify!($n);)*)* }', input: 'A [x y] B [z]', out: 'const x: &str = stringify!(A); const y: &str = stringify!(A); const z: &str = stringify!(B);' },
  { name: 'depth-3 nesting', rules: '($($a:ident ($($b:ident [$($c:ident)*])*))*) => { $($($($a $b $c)*)*)* }', input: 'x (p [1a 1b] q []) y (r [c])'.replace(/1a/g, 'i').replace(/1b/g, 'j'), out: 'x p i x p j y r c' },
  { name: 'rules are tried in order; the first that matches wins', rules: '(a $x:ident) => { first $x }; ($x:ident $y:ident) => { second $x $y }; ($($t:tt)*) => { third }', input: 'b c', out: 'second b c' },
  { name: 'a literal token makes an earlier rule fail and the next one match', rules: '(@inner $x:ident) => { inner $x }; ($x:ident) => { outer $x }', input: 'v', out: 'outer v' },
  { name: 'recursive macros: the output calls the macro again, as written', rules: '() => {}; ($h:ident $($t:ident)*) => { struct $h; m!($($t)*); }', input: 'A B C', out: 'struct A; m!(B C);' },
  { name: 'internal rules with $crate', rules: '(@make $n:ident) => { struct $n; }; ($($n:ident),*) => { $($crate::m!(@make $n);)* }', input: 'A, B', out: 'crate::m!(@make A); crate::m!(@make B);' },
  { name: 'expr grouping kept with parentheses: `$e * 2` with `1 + 1`', rules: '($e:expr) => { $e * 2 }', input: '1 + 1', out: '(1 + 1) * 2' },
  { name: 'no parentheses around one token tree, a path, a call', rules: '($($e:expr),*) => { $($e * 2);* }', input: 'x, (1 + 1), a::b, f(x), m!(y), [1, 2]', out: 'x * 2; (1 + 1) * 2; a::b * 2; f(x) * 2; m!(y) * 2; [1, 2] * 2' },
  { name: 'a negative literal is parenthesised (`$e.abs()`)', rules: '($e:expr) => { $e.abs() }', input: '-1', out: '(-1).abs()' },
  { name: 'ty and path fragments are not parenthesised', rules: '($t:ty, $p:path) => { <$t>::f(); $p::g(); }', input: 'Vec<u8>, a::b', out: '<Vec<u8> >::f(); a::b::g();' },
  { name: 'an unbound `$x` in the transcriber stays as written', rules: '($a:ident) => { macro_rules! inner { ($x:expr) => { $x + $a } } }', input: 'k', out: 'macro_rules! inner { ($x: expr) => { $x + k } }' },
  { name: '`$$` is a `$`', rules: '() => { $$ }', input: '', out: '$' },
  { name: 'doc comments in the transcriber become doc attributes', rules: '() => { /// Made by m.\nstruct S; }', input: '', out: '#[doc = r" Made by m."] struct S;' },
  { name: 'doc comments in the matcher are ignored, as rustc ignores them', rules: '(/// ignored\n$i:ident) => { $i }', input: 'x', out: 'x' },
  { name: 'delimiters of either kind around matcher and transcriber', rules: '[$i:ident] => ( struct $i; ); { } => [ none ]', input: 'S', out: 'struct S;' },
];

describe('macros: fragments', () => {
  for (const c of FRAGMENTS) {
    it(c.name, () => assert.equal(out(c.rules, c.input, c.edition), c.out, `rules: ${c.rules}\ninput: ${c.input}`));
  }
});

describe('macros: transcription', () => {
  for (const c of TRANSCRIPTION) {
    it(c.name, () => assert.equal(out(c.rules, c.input, c.edition), c.out, `rules: ${c.rules}\ninput: ${c.input}`));
  }

  it('$crate becomes the caller-given text', () => {
    const r = expand('($i:ident) => { $crate::inner! { $i } type T = $crate::X; }', 'a', undefined, '::__rll_crate_3');
    assert.ok('text' in r);
    assert.equal(r.text, '::__rll_crate_3::inner! { a } type T = ::__rll_crate_3::X;');
  });

  it('local_inner_macros: single-segment macro calls of the transcriber go through $crate', () => {
    const r = parseMacroRules('m', '($i:ident) => { helper!($i); a::b!(); $i!(); macro_rules! x { () => {} } vec![1]; }', { localInnerMacros: true });
    assert.ok(!('error' in r));
    const e = expandMacro(r, 'user', { dollarCrate: '::__rll_crate_1' });
    assert.ok('text' in e);
    assert.equal(e.text, '::__rll_crate_1::helper!(user); a::b!(); user!(); macro_rules! x { () => { } } ::__rll_crate_1::vec![1];');
  });

  it('origins: every token copied from the input maps back to its text there', () => {
    const input = "pub struct  S { a: Vec<Vec<u8>>, /// doc\n b: &'static str }";
    const r = expand('($v:vis struct $n:ident { $($(#[$m:meta])* $f:ident : $t:ty),* }) => { $v struct $n { $($(#[$m])* $f: $t),* } }', input);
    assert.ok('text' in r, 'error' in r ? r.error : '');
    const copied = r.origins.map((o) => r.text.slice(o.outStart, o.outEnd));
    assert.deepEqual(copied, ['pub', 'S', 'a', 'Vec', '<', 'Vec', '<', 'u8', '>>', 'doc', '=', 'r" doc"', 'b', '&', "'static", 'str']);
    for (const o of r.origins) {
      const text = r.text.slice(o.outStart, o.outEnd);
      if (text.startsWith('r"') || text === 'doc' || text === '=') assert.equal(input.slice(o.inStart, o.inStart + 3), '///');
      else assert.equal(input.slice(o.inStart, o.inStart + text.length), text);
    }
    assert.ok(r.origins.every((o, k) => k === 0 || o.outStart > r.origins[k - 1].outStart), 'sorted by outStart');
    // The synthesized tokens (from the transcriber) have no origin.
    assert.ok(!copied.includes('struct'));
  });

  it('spacing never glues tokens that were apart: `: :`, `> >`, `- -`, `/ /`', () => {
    assert.equal(out('($($t:tt)*) => { $($t)* }', 'a : : b > > c - - d / / e'), 'a: : b> > c - - d / / e');
  });
});

describe('macros: errors', () => {
  it('no rule matches: the token the furthest rule stopped at', () => {
    assert.match(err('(a b c) => {}; (a x) => {}', 'a b d'), /`m!`: no rules expected the token `d` \(offset 4\)/);
    assert.match(err('(a b) => {}', 'a'), /unexpected end of macro invocation/);
    assert.match(err('() => {}', 'x'), /no rules expected the token `x`/);
  });

  it('a fragment that cannot be parsed is a hard error, as in rustc (the next rule is not tried)', () => {
    assert.match(err('($t:ty) => {}; ($($x:tt)*) => {}', 'dyn +'), /could not parse `\$t:ty` at `dyn`/);
  });

  it('in a 2015 crate `try!(e)`, `async` and `await` are plain names in an `expr` (lewton calls `arr!(try!(..))`); from 2018 on they are keywords', () => {
    // rustc 1.95, `--edition 2015`: `m!(try!(r()), async(), await)` parses; 2018 rejects each.
    const body = '($($e:expr),*) => { pub struct S; }';
    for (const input of ['try!(r())', 'async()', 'await', 'x.await']) {
      const r = expandMacro(rules(body, 2015), input, { dollarCrate: 'crate', inputEdition: 2015 });
      assert.ok(!('error' in r), `${input}: ${'error' in r ? r.error : ''}`);
    }
    for (const input of ['try!(r())', 'async()']) {
      const r = expandMacro(rules(body, 2015), input, { dollarCrate: 'crate', inputEdition: 2018 });
      assert.ok('error' in r, `${input} expanded in 2018`);
    }
  });

  it('local ambiguity is reported as rustc reports it', () => {
    assert.match(err('($($a:ident)* $b:ident) => {}', 'x y'), /local ambiguity at `x`: multiple parsing options: `\$a:ident`, `\$b:ident`/);
    assert.match(err('($($t:tt)* ; x) => {}', 'a ; x'), /local ambiguity at `;`/);
  });

  it('repetition mismatches and misuse in the transcriber', () => {
    assert.match(err('($($a:ident)*; $($b:ident)*) => { $($a $b)* }', 'x y; z'), /meta-variable `a` repeats 2 times, but `b` repeats 1 times/);
    assert.match(err('($($a:ident)*) => { $a }', 'x'), /variable `a` is still repeating at this depth/);
    assert.match(err('($a:ident) => { $($a)* }', 'x'), /attempted to repeat an expression containing no syntax variables/);
    assert.match(err('($($a:ident)*) => { $($a)+ }', ''), /this must repeat at least once/);
  });

  it('malformed rules', () => {
    const bad = (body: string): string => {
      const r = parseMacroRules('m', body);
      assert.ok('error' in r, `no error for ${body}`);
      return r.error;
    };
    assert.match(bad('($x) => {}'), /missing fragment specifier for `\$x`/);
    assert.match(bad('($x:expression) => {}'), /invalid fragment specifier `expression`/);
    assert.match(bad('($($x:ident),?) => {}'), /the `\?` macro repetition operator does not take a separator/);
    assert.match(bad('($($x:ident)) => {}'), /expected one of: `\*`, `\+`, or `\?`/);
    assert.match(bad('($x:ident $x:ident) => {}'), /duplicated bind name: x/);
    assert.match(bad('($($v:vis)*) => {}'), /repetition matches empty token tree/);
    assert.match(bad('() {}'), /expected `=>`/);
    assert.match(bad('() => {} () => {}'), /expected `;` between rules/);
    assert.match(bad('x => {}'), /expected a matcher/);
    assert.match(bad('() => ${ count(x) }'), /expected a transcriber/);
    assert.match(bad('() => { ${ count(x) } }'), /metavariable expressions/);
    assert.match(bad('() => { "unterminated }'), /unterminated string/);
    assert.equal((parseMacroRules('m', '') as MacroRules).rules.length, 0);
    assert.match(err('', 'x'), /the macro has no rules/);
  });
});

describe('macros: an expansion that is one more call', () => {
  it('is read without a parse: path, input and offsets, with a `;` or comments around it', () => {
    const text = ' ::__rll_crate_3::__pin_project_internal! { [a] "}" { b } } ';
    const c = soleMacroCall(text)!;
    assert.equal(c.name, '::__rll_crate_3::__pin_project_internal');
    assert.equal(c.input, ' [a] "}" { b } ');
    assert.equal(text.slice(c.inputStart, c.inputStart + c.input.length), c.input);
    assert.equal(c.start, 1);
    assert.equal(text.slice(c.start, c.end), text.trim());
    const paren = soleMacroCall('m!(x, y); // done\n')!;
    assert.equal(paren.input, 'x, y');
    assert.equal(paren.end, 'm!(x, y);'.length);
    assert.equal(soleMacroCall('crate :: inner ! [1]')!.name, 'crate::inner');
  });
  it('is not taken for anything else: two items, a call then an item, `macro_rules!`, an unclosed group', () => {
    assert.equal(soleMacroCall('a! { } b! { }'), undefined);
    assert.equal(soleMacroCall('a! { } struct S;'), undefined);
    assert.equal(soleMacroCall('macro_rules! m { () => {} }'), undefined);
    assert.equal(soleMacroCall('a! { '), undefined);
    assert.equal(soleMacroCall('struct S;'), undefined);
    assert.equal(soleMacroCall('#[cfg(x)] a! { }'), undefined);
  });
});

describe('macros: an expansion as tree-sitter reads it', () => {
  it('empty generic lists are blanked out in place, `>>` and `>=` included', () => {
    const text = "struct P<'a, > where B< >: 'a { x: Vec<Q<>> } impl<> B<> {} fn f<>() -> Option<X<>>{ }";
    const got = blankEmptyGenerics(text);
    assert.equal(got.length, text.length);
    assert.equal(got, "struct P<'a, > where B   : 'a { x: Vec<Q  > } impl   B   {} fn f  () -> Option<X  >{ }");
  });
  it('leaves macro inputs, `macro_rules!` bodies and attributes as written, and a text without `<>` as the same string', () => {
    const text = 'inner! { [<>] } macro_rules! m { () => { S<> } } #[a(<>)] struct S<>;';
    assert.equal(blankEmptyGenerics(text), 'inner! { [<>] } macro_rules! m { () => { S<> } } #[a(<>)] struct S  ;');
    const plain = 'struct S<T>(T);';
    assert.equal(blankEmptyGenerics(plain), plain);
  });
});
