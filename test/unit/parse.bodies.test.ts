/**
 * src/parse/bodies.ts: a dependency's function bodies blanked before the parse. The text keeps
 * its length and line breaks, and the model extracted from it is the model of the text as
 * written (but for `#[cfg(test)]` modules' items): checked here on hand-written cases and on
 * every file of the registry crates .ci/run installs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { blankFunctionBodies } from '../../src/parse/bodies';
import { extractFile } from '../../src/parse/extract';
import type { Item, SourceFile } from '../../src/core/model';
import { getParser, repoRoot } from './parseHelpers';

/** `text` with each `«…»` region blanked (the markers removed): what the blanker must give. */
function expectBlanked(marked: string): void {
  const text = marked.replace(/[«»]/g, '');
  let want = '';
  let inside = false;
  for (const ch of marked) {
    if (ch === '«' || ch === '»') {
      inside = ch === '«';
      continue;
    }
    want += inside && ch !== '\n' && ch !== '\r' ? ' '.repeat(ch.length) : ch;
  }
  assert.equal(blankFunctionBodies(text), want, `for:\n${text}`);
}

describe('parse: function bodies blanked in dependencies (src/parse/bodies.ts)', () => {
  it('blanks a body, keeping its braces, length and line breaks', () => {
    expectBlanked('pub struct A { x: u8 }\nfn f(a: u8) -> u8 {«\n    let b = a + 1;\n    b\n»}\nstruct B;');
    expectBlanked('impl A {\n    pub fn new() -> Self {« A { x: 0 } »}\n    fn g(&self) {«»}\n}');
  });

  it("keeps a `const fn`'s body (the constant evaluator reads it)", () => {
    expectBlanked('impl A {\n    pub const fn new() -> Self { A { x: 0 } }\n    fn g(&self) {« 1 »}\n}');
    expectBlanked('pub const fn twice(x: usize) -> usize { x * 2 }\nconst unsafe extern "C" fn f() -> u8 { 1 }\npub(crate) const fn g() {}\nfn h() {« twice(1); »}');
    expectBlanked('fn f() {«\r\n    1\r\n»}\r\n');
  });

  it('leaves declarations without a body and fn pointer types alone', () => {
    expectBlanked('trait T {\n    fn f(&self) -> u8;\n    fn g(&self) {« self.f(); »}\n}\nextern "C" { fn c(x: i32); }');
    expectBlanked('struct S { f: fn(u8) -> u8, g: Option<unsafe extern "C" fn()> }\ntype F = for<\'a> fn(&\'a u8);');
    expectBlanked('fn f() -> fn(u8) -> u8 {« g »}');
  });

  it('tells a body from a brace group inside the signature', () => {
    expectBlanked('fn f<const N: usize>() -> Foo<{ N + 1 }> {« todo!() »}');
    expectBlanked('fn f(x: [u8; { 4 }]) where T: Tr<Out = { 3 }>, {« x »}\nstruct After { a: u8 }');
    expectBlanked('fn f<T>(t: T) -> impl Fn() -> u8\nwhere\n    T: Copy + \'static,\n{« move || 1 »}\npub struct SendRequest<B> {\n    dispatch: B,\n}');
    expectBlanked('fn never() -> ! {« loop {} »}');
  });

  it('matches braces past literals, comments and lifetimes in a body', () => {
    expectBlanked(`fn f<'a>(x: &'a str) -> char {«
    let open = '{'; let close = '}'; let q = '\\''; let b = b'}';
    let s = "}\\"}"; let r = r#"}"}"#; let br = br"}"; let c = c"}";
    // } in a comment
    /* nested /* } */ } */
    'outer: loop { break 'outer; }
    let e = '😀'; let u = '\\u{7d}';
    x.chars().next().unwrap()
»}
struct Next(u8);`);
  });

  it('keeps a body with an impl in it (the impl holds for the whole crate)', () => {
    expectBlanked('fn a() {« let x = 1; »}\nfn b() { struct L; impl Tr for K {} }\nimpl S { fn c() { impl Copy for S {} } fn d() {« 2 »} }\nfn e() -> impl Fn() {« || {} »}');
  });

  it('leaves macro definitions and macro calls as written', () => {
    const raw = 'macro_rules! r#impl {\n    ($t:ty) => { impl X for $t { fn f(&self) { 1 } } };\n}\n';
    assert.equal(blankFunctionBodies(raw), raw);
    const text = 'macro_rules! m {\n    ($n:ident) => { fn $n() { 1 } fn helper() { 2 } };\n}\nm! { fn x() { struct A; } }\nm!(fn y() { 3 });\n';
    assert.equal(blankFunctionBodies(text), text);
    expectBlanked('fn f() -> u8 {« m!(1) »}\nthread_local! { static X: u8 = 0; }');
  });

  it('blanks an inline #[cfg(test)] module, nothing else under cfg', () => {
    expectBlanked('#[cfg(test)]\nmod tests {«\n    use super::*;\n    #[test] fn t() {}\n»}\n#[cfg(not(test))]\nmod real {\n    pub struct R(u8);\n    fn h() {« 1 »}\n}');
    expectBlanked('#[cfg(test)]\n#[allow(dead_code)]\npub(crate) mod t {« struct X; »}\n#[cfg(test)]\nstruct NotAModule;');
  });

  it('keeps inline #[cfg(test)] modules when asked to (a crate of the workspace), blanking their functions\' bodies', () => {
    const text = '#[cfg(test)]\nmod tests {\n    use super::*;\n    pub struct T(u8);\n    #[test] fn t() { assert!(true) }\n}\nfn h() { 1 }';
    const inside = (body: string) => `{${' '.repeat(body.length - 2)}}`;
    assert.equal(blankFunctionBodies(text, { testModules: false }), text.replace('{ assert!(true) }', inside('{ assert!(true) }')).replace('{ 1 }', inside('{ 1 }')));
    // By default (a dependency's file) the whole module's inside goes.
    const all = blankFunctionBodies(text);
    assert.ok(!all.includes('pub struct T') && all.startsWith('#[cfg(test)]\nmod tests {') && all.endsWith('fn h() {   }'), all);
  });

  it('stops where it cannot follow the text, keeping what it blanked before', () => {
    expectBlanked('fn a() {« 1 »}\nfn b() { let s = "unclosed; }\nstruct C;');
    expectBlanked('fn a() {« 1 »}\nfn b() { {\nstruct C;');
    assert.equal(blankFunctionBodies(''), '');
    assert.equal(blankFunctionBodies('fn'), 'fn');
    assert.equal(blankFunctionBodies('fn x'), 'fn x');
  });

  it('gives the same model as the text as written, on every file of the installed registry crates', async function () {
    this.timeout(300_000); // ~6 s alone; a hang detector on a loaded machine
    const registry = '/usr/share/cargo/registry';
    const crates = ['hyper-0.14.19', 'h2-0.3.13', 'rustls-0.20.8', 'clap-4.0.32', 'tokio-util-0.7.3', 'object-0.30.0', 'gimli-0.27.0', 'regex-syntax-0.6.27'];
    const dirs = crates.map((c) => path.join(registry, c)).filter((d) => fs.existsSync(d));
    assert.ok(dirs.length >= 5, `the registry crates .ci/run installs are missing (found ${dirs.length} of ${crates.length} in ${registry}): run bash scripts/install-crates.sh`);
    const files = [...dirs.flatMap((d) => rustFiles(d)), ...rustFiles(path.join(repoRoot, 'test/fixtures'))];
    const parser = await getParser();
    let blankedChars = 0;
    let total = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const blanked = blankFunctionBodies(text);
      const bodiesOnly = blankFunctionBodies(text, { testModules: false });
      assert.equal(blanked.length, text.length, f);
      assert.equal(bodiesOnly.length, text.length, f);
      assert.equal(blanked.split('\n').length, text.split('\n').length, f);
      total += text.length;
      for (let i = 0; i < text.length; i++) if (blanked.charCodeAt(i) !== text.charCodeAt(i)) blankedChars++;
      const before = parser.parse(text, null, { budgetMs: Infinity });
      const after = parser.parse(blanked, null, { budgetMs: Infinity });
      const afterBodies = parser.parse(bodiesOnly, null, { budgetMs: Infinity });
      try {
        if (before.rootNode.hasError) continue; // a file rustc would reject (fixtures of broken code)
        const written = extractFile(before, text, f);
        assert.deepStrictEqual(withoutTestModules(extractFile(after, blanked, f)), withoutTestModules(written), f);
        // A file of the workspace's crate that no editor shows: the very same model, test modules included.
        assert.deepStrictEqual(extractFile(afterBodies, bodiesOnly, f), written, f);
      } finally {
        before.delete();
        after.delete();
        afterBodies.delete();
      }
    }
    // Bodies are a good part of real code: the blanker must actually find them.
    assert.ok(blankedChars > total * 0.15, `only ${blankedChars} of ${total} characters blanked`);
  });
});

function rustFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) rustFiles(p, out);
    else if (e.name.endsWith('.rs')) out.push(p);
  }
  return out;
}

/** The model with the items of `#[cfg(test)]` modules left out (the blanker empties those). */
function withoutTestModules(f: SourceFile): SourceFile {
  const strip = (items: readonly Item[]): Item[] =>
    items.map((it) => {
      if (it.kind !== 'mod' || !it.items) return it;
      const test = it.cfg.some((c) => c.kind === 'name' && c.name === 'test');
      if (test) {
        const { items: _items, innerAttrs: _inner, ...rest } = it;
        return rest as Item;
      }
      return { ...it, items: strip(it.items) };
    });
  return { ...f, items: strip(f.items) };
}
