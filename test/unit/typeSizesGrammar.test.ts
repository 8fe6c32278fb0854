/**
 * The TextMate grammar of rustc's layout report (syntaxes/rust-type-sizes.tmLanguage.json), run by
 * vscode-textmate with the Oniguruma WASM build, as VS Code runs it: each part of a line gets its
 * scope, and every line of a real report rustc prints is recognised.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { run, rustcAvailable } from '../oracle/rustc';

const ROOT = join(__dirname, '../../..');
const SCOPE = 'source.rust-type-sizes';

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== SCOPE) return null;
      const path = join(ROOT, 'syntaxes/rust-type-sizes.tmLanguage.json');
      return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const g = await registry.loadGrammar(SCOPE);
  assert.ok(g, 'grammar loads');
  return g;
}

/** Each token's text with its innermost scope, whitespace-only tokens left out. */
function tokens(g: textmate.IGrammar, text: string): [string, string][][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens
      .map((t): [string, string] => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]!])
      .filter(([s]) => s.trim() !== '');
  });
}

const scopeOf = (line: [string, string][], text: string): string | undefined => line.find(([s]) => s.trim() === text)?.[1];

describe('rust-type-sizes grammar', function () {
  this.timeout(60_000);
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  it('gives each part of a report its scope', () => {
    const sample = [
      'print-type-size type: `Shape<u8>`: 24 bytes, alignment: 8 bytes',
      'print-type-size     discriminant: 1 bytes',
      'print-type-size     variant `Circle`: 15 bytes',
      'print-type-size         padding: 7 bytes',
      'print-type-size         field `.radius`: 8 bytes, alignment: 8 bytes',
      'print-type-size     field `.b`: 4 bytes, offset: 0 bytes, alignment: 4 bytes',
      'print-type-size     upvar `.x`: 8 bytes',
      'print-type-size     end padding: 7 bytes',
    ].join('\n');
    const [type, disc, variant, padding, field, union, upvar, end] = tokens(grammar, sample);
    assert.equal(scopeOf(type!, 'print-type-size'), 'comment.line.prefix.rust-type-sizes');
    assert.equal(scopeOf(type!, 'type'), 'keyword.other.type.rust-type-sizes');
    assert.equal(scopeOf(type!, 'Shape<u8>'), 'entity.name.type.rust-type-sizes');
    assert.equal(scopeOf(type!, '24'), 'constant.numeric.size.rust-type-sizes');
    assert.equal(scopeOf(type!, 'alignment'), 'keyword.other.alignment.rust-type-sizes');
    assert.equal(scopeOf(type!, '8'), 'constant.numeric.alignment.rust-type-sizes');
    assert.equal(scopeOf(disc!, 'discriminant'), 'keyword.other.discriminant.rust-type-sizes');
    assert.equal(scopeOf(disc!, '1'), 'constant.numeric.size.rust-type-sizes');
    assert.equal(scopeOf(variant!, 'variant'), 'keyword.other.variant.rust-type-sizes');
    assert.equal(scopeOf(variant!, 'Circle'), 'variable.other.enummember.rust-type-sizes');
    assert.equal(scopeOf(padding!, 'padding'), 'keyword.other.padding.rust-type-sizes');
    assert.equal(scopeOf(padding!, '7'), 'constant.numeric.size.rust-type-sizes');
    assert.equal(scopeOf(field!, 'field'), 'keyword.other.field.rust-type-sizes');
    assert.equal(scopeOf(field!, 'radius'), 'variable.other.member.rust-type-sizes');
    assert.equal(scopeOf(union!, 'offset'), 'keyword.other.offset.rust-type-sizes');
    assert.equal(scopeOf(union!, '0'), 'constant.numeric.offset.rust-type-sizes');
    assert.equal(scopeOf(upvar!, 'upvar'), 'keyword.other.field.rust-type-sizes');
    assert.equal(scopeOf(end!, 'end padding'), 'keyword.other.end-padding.rust-type-sizes');
  });

  it('does not take a type named like a keyword, or a stray line, for something else', () => {
    const [t, other] = tokens(grammar, 'print-type-size type: `padding`: 0 bytes, alignment: 1 bytes\nwarning: unused variable');
    assert.equal(scopeOf(t!, 'padding'), 'entity.name.type.rust-type-sizes');
    assert.ok(other!.every(([, s]) => s === SCOPE), 'text that is not the report stays unscoped');
  });

  it('recognises every line of a real report from rustc', async function () {
    if (!rustcAvailable()) this.skip();
    const src = [
      'pub struct S { a: u8, b: u64, c: u16 }',
      'pub enum E { A(u32), B { x: u64, y: u8 }, C }',
      'pub union U { a: u32, b: [u8; 6] }',
      '#[repr(C)] pub struct P { a: u8, b: u32 }',
      'pub enum N { A(Box<u8>), B }',
      'pub fn f(s: S, e: E, u: U, p: P, n: N) -> usize { let c = move || s.a as usize; c() + core::mem::size_of_val(&(e, u, p, n)) }',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'rll-grammar-'));
    let r;
    try {
      writeFileSync(join(dir, 'lib.rs'), src);
      r = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '-Zprint-type-sizes', '--emit=obj', '-o', join(dir, 'out.o'), join(dir, 'lib.rs')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(r.code, 0, r.stderr);
    const report = r.stdout.split('\n').filter((l) => l.startsWith('print-type-size')).join('\n');
    const lines = tokens(grammar, report);
    assert.ok(lines.length > 10);
    lines.forEach((l, i) => {
      const kinds = l.map(([, s]) => s);
      assert.ok(kinds.some((s) => /^keyword\.other\./.test(s)), `line ${i + 1} not recognised: ${report.split('\n')[i]}`);
      assert.ok(kinds.every((s) => s !== SCOPE), `line ${i + 1} has unscoped text: ${report.split('\n')[i]}`);
    });
  });
});
