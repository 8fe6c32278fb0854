/** The macro expander's lexer: every token kind with its offset, gluing, groups, comments and doc comments. */
import assert from 'node:assert/strict';
import { lex } from '../../src/core/macros/lexer';
import type { Token } from '../../src/core/macros/tokens';

function tokens(text: string): Token[] {
  const r = lex(text);
  if ('error' in r) assert.fail(r.error);
  return r.tokens;
}

/** `kind:text@offset` per token. */
function show(text: string): string[] {
  return tokens(text).map((t) => `${t.kind}:${t.text}@${t.start}`);
}

function texts(text: string): string[] {
  return tokens(text).map((t) => t.text);
}

describe('macros: lexer', () => {
  it('identifiers: ASCII, Unicode, raw, keywords, `_`; offsets in UTF-16 code units', () => {
    assert.deepEqual(show('foo _x é r#type fn _'), ['ident:foo@0', 'ident:_x@4', 'ident:é@7', 'ident:r#type@9', 'ident:fn@16', 'ident:_@19']);
    assert.deepEqual(show('a/*😀*/b'), ['ident:a@0', 'ident:b@7']); // 😀 is two code units
  });

  it("lifetimes and character literals, told apart as rustc_lexer does", () => {
    assert.deepEqual(show("'a 'static '_ 'r#a"), ["lifetime:'a@0", "lifetime:'static@3", "lifetime:'_@11", "lifetime:'r#a@14"]);
    assert.deepEqual(texts(`'a' '\\n' '\\'' '\\u{1F600}' '😀' ' ' b'x' b'\\''`), [`'a'`, `'\\n'`, `'\\''`, `'\\u{1F600}'`, `'😀'`, `' '`, `b'x'`, `b'\\''`]);
    assert.deepEqual(show("&'a str"), ['punct:&@0', "lifetime:'a@1", 'ident:str@4']);
  });

  it('string literals: escapes, newlines, byte and C strings, suffixes', () => {
    assert.deepEqual(texts('"a\\"b" "line\nnext" b"bytes" c"cstr" "s"suffix'), ['"a\\"b"', '"line\nnext"', 'b"bytes"', 'c"cstr"', '"s"suffix']);
  });

  it('raw strings with any number of `#`s, raw byte and raw C strings', () => {
    assert.deepEqual(texts('r"a\\b" r#"say "hi""# r##"a"#b"## br#"x"# cr"y" r#ident'), ['r"a\\b"', 'r#"say "hi""#', 'r##"a"#b"##', 'br#"x"#', 'cr"y"', 'r#ident']);
  });

  it('numbers: bases, suffixes, floats, exponents, and the `1.` / `1..` / `1.foo` / `x.0.1` cases', () => {
    assert.deepEqual(texts('0 1_000 0xff_u8 0o17 0b1010i64 1u128 1.5 2. 1e10 1.5e-3f64 2E+5 0x1f32'), ['0', '1_000', '0xff_u8', '0o17', '0b1010i64', '1u128', '1.5', '2.', '1e10', '1.5e-3f64', '2E+5', '0x1f32']);
    assert.deepEqual(texts('1..2 1..=2 1.foo() x.0.1 1.0.max'), ['1', '..', '2', '1', '..=', '2', '1', '.', 'foo', '(', ')', 'x', '.', '0.1', '1.0', '.', 'max']);
    assert.ok(tokens('1 2.0 b"x"').every((t) => t.kind === 'literal'));
  });

  it("punctuation glued where rustc glues joint characters, and only there", () => {
    assert.deepEqual(texts(':: => -> ..= ... .. <<= >>= && || += != <- == <= >='), ['::', '=>', '->', '..=', '...', '..', '<<=', '>>=', '&&', '||', '+=', '!=', '<-', '==', '<=', '>=']);
    assert.deepEqual(texts('=== &&= ::: |||'), ['==', '=', '&&', '=', '::', ':', '||', '|']);
    assert.deepEqual(texts('a: :b #![x] $x'), ['a', ':', ':', 'b', '#', '!', '[', 'x', ']', '$', 'x']);
    assert.deepEqual(texts('Vec<Vec<u8>>'), ['Vec', '<', 'Vec', '<', 'u8', '>>']);
    assert.deepEqual(texts('< /**/ <'), ['<', '<']);
  });

  it('delimiters are paired: each knows its partner', () => {
    const t = tokens('a(b[c]{d})e');
    const at = (s: string): number => t.findIndex((x) => x.text === s);
    assert.equal(t[at('(')].pair, at(')'));
    assert.equal(t[at(')')].pair, at('('));
    assert.equal(t[at('[')].pair, at(']'));
    assert.equal(t[at('{')].pair, at('}'));
  });

  it('comments are skipped, block comments nest', () => {
    assert.deepEqual(texts('a // line\nb /* x /* nested */ still */ c /**/ d /***/ e //// f\ng'), ['a', 'b', 'c', 'd', 'e', 'g']);
  });

  it('doc comments become #[doc = r"..."] / #![doc = r"..."], every token at the comment', () => {
    assert.deepEqual(show('/// Outer\nx'), ['punct:#@0', 'open:[@0', 'ident:doc@0', 'punct:=@0', 'literal:r" Outer"@0', 'close:]@0', 'ident:x@10']);
    assert.deepEqual(texts('//! inner'), ['#', '!', '[', 'doc', '=', 'r" inner"', ']']);
    assert.deepEqual(texts('/** block */'), ['#', '[', 'doc', '=', 'r" block "', ']']);
    assert.deepEqual(texts('/*! inner block */'), ['#', '!', '[', 'doc', '=', 'r" inner block "', ']']);
    assert.ok(tokens('/// x').every((t) => t.doc === true));
    const open = tokens('//! x')[2];
    assert.equal(open.pair, 6);
  });

  it('a doc comment with quotes gets as many `#`s as rustc gives it', () => {
    assert.equal(tokens('/// say "hi"')[4].text, 'r#" say "hi""#');
    assert.equal(tokens('/// "# and "##')[4].text, 'r###" "# and "##"###');
    assert.equal(tokens('/// CRLF\r\nx')[4].text, 'r" CRLF"');
  });

  it('errors: unterminated literals and comments, stray or mismatched delimiters, unknown characters', () => {
    const err = (s: string): string => {
      const r = lex(s);
      assert.ok('error' in r, `no error for ${JSON.stringify(s)}`);
      return r.error;
    };
    assert.match(err('"abc'), /unterminated string literal at offset 0/);
    assert.match(err("x '\\n"), /unterminated character literal at offset 2/);
    assert.match(err("'ab'"), /invalid character literal/);
    assert.match(err('r#"abc"'), /unterminated raw string at offset 0/);
    assert.match(err('/* a /* b */'), /unterminated block comment/);
    assert.match(err('a ) b'), /unexpected closing delimiter `\)` at offset 2/);
    assert.match(err('( ]'), /mismatched closing delimiter `\]`/);
    assert.match(err('{ ( }'), /mismatched/);
    assert.match(err('[ a'), /unclosed delimiter `\[` at offset 0/);
    assert.match(err('a ` b'), /unknown start of token: "`" at offset 2/);
    assert.match(err('1e'), /exponent/);
    assert.match(err('('.repeat(300) + ')'.repeat(300)), /nested deeper than 256/);
  });
});
