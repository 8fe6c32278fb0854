import assert from 'node:assert/strict';
import type { Tree } from 'web-tree-sitter';
import { DocumentTrees, advance, pointAt, type ContentChange } from '../../src/parse/documents';
import { extractFile } from '../../src/parse/extract';
import type { RustParser } from '../../src/parse/parser';
import { getParser, rng } from './parseHelpers';

const BASE = `//! Fixture for incremental parsing: é😀
use std::collections::HashMap;

/// A documented struct
#[repr(C)]
pub struct Header<'a, T: ?Sized> {
    /// the tag
    pub tag: u8,
    len: u32,
    name: &'a str,
    data: Box<T>,
}

enum Token { Ident(String), Num(u64) = 3, Punct { ch: char } }

impl Token {
    fn f(&self) -> usize { match self { Token::Ident(s) => s.len(), _ => 0 } }
}

mod inner {
    pub struct Z(u8, [u16; 4]);
    type Alias = Option<Box<Z>>;
}

const N: usize = 1 << 4;
`;

const SNIPPETS = [
  'struct S { a: u8 }\n',
  ', b: u64',
  '{',
  '}',
  '(',
  ';',
  '\n',
  '/// doc\n',
  '#[repr(u8)]',
  'enum E { A, B(u16) }',
  '😀',
  'é',
  '\r\n',
  'x: Vec<u8>,',
  '<',
  '>',
  ' ',
  '"',
  '/*',
  '*/',
  'fn g() {',
];

/** Document positions computed independently of src/parse (split on \n, UTF-16 columns). */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function change(text: string, start: number, end: number, insert: string): ContentChange {
  return {
    range: { start: positionOf(text, start), end: positionOf(text, end) },
    rangeOffset: start,
    rangeLength: end - start,
    text: insert,
  };
}

function apply(text: string, c: ContentChange): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

/** Every node with its type, offsets and row/column positions (toString() has no positions). */
function dump(tree: Tree): string {
  const out: string[] = [];
  const c = tree.walk();
  try {
    for (;;) {
      const s = c.startPosition;
      const e = c.endPosition;
      out.push(`${c.nodeType} ${c.startIndex}-${c.endIndex} ${s.row}:${s.column}-${e.row}:${e.column}`);
      if (c.gotoFirstChild()) continue;
      while (!c.gotoNextSibling()) {
        if (!c.gotoParent()) return out.join('\n');
      }
    }
  } finally {
    c.delete();
  }
}

/** Wraps a parser to count the trees it creates and the trees deleted. */
function tracking(parser: RustParser): { parser: RustParser; live: () => number; created: () => number } {
  let created = 0;
  let deleted = 0;
  const wrapped: RustParser = {
    get language() {
      return parser.language;
    },
    get isDisposed() {
      return parser.isDisposed;
    },
    parse(text: string, old?: Tree | null): Tree {
      const t = parser.parse(text, old);
      created++;
      const del = t.delete.bind(t);
      let done = false;
      t.delete = () => {
        assert.equal(done, false, 'tree deleted twice');
        done = true;
        deleted++;
        del();
      };
      return t;
    },
    dispose() {
      /* the shared parser is not ours to dispose */
    },
  };
  return { parser: wrapped, live: () => created - deleted, created: () => created };
}

describe('parse: DocumentTrees', () => {
  it('advance/pointAt compute positions in UTF-16 units', () => {
    assert.deepEqual(advance({ row: 2, column: 5 }, 'abc'), { row: 2, column: 8 });
    assert.deepEqual(advance({ row: 2, column: 5 }, 'a\nbc😀'), { row: 3, column: 4 });
    assert.deepEqual(advance({ row: 0, column: 0 }, '\n'), { row: 1, column: 0 });
    assert.deepEqual(pointAt('ab\n😀x\ny', 6), { row: 1, column: 3 });
  });

  it('random incremental edits give the same tree and model as a full parse', async function () {
    this.timeout(60000);
    const base = await getParser();
    const { parser, live } = tracking(base);
    const cache = new DocumentTrees(parser);
    const random = rng(12345);
    let text = BASE;
    let version = 1;
    cache.get({ uri: 'file:///a.rs', version, getText: () => text });
    for (let step = 0; step < 300; step++) {
      // 1 to 3 changes per event, each relative to the text left by the previous one
      const n = 1 + Math.floor(random() * 3);
      const changes: ContentChange[] = [];
      for (let k = 0; k < n; k++) {
        const start = Math.floor(random() * (text.length + 1));
        const len = random() < 0.5 ? 0 : Math.floor(random() * Math.min(20, text.length - start + 1));
        const insert = random() < 0.25 ? '' : SNIPPETS[Math.floor(random() * SNIPPETS.length)]!;
        // keep surrogate pairs whole, as an editor does
        const s = /[\udc00-\udfff]/.test(text[start] ?? '') ? start - 1 : start;
        let e = s + len;
        if (/[\udc00-\udfff]/.test(text[e] ?? '')) e++;
        const c = change(text, s, Math.min(e, text.length), insert);
        changes.push(c);
        text = apply(text, c);
      }
      version++;
      const doc = { uri: 'file:///a.rs', version, getText: () => text };
      const inc = cache.update(doc, changes);
      const full = base.parse(text);
      try {
        assert.equal(inc.tree.rootNode.toString(), full.rootNode.toString(), `step ${step}: trees differ`);
        if (step % 5 === 0) {
          assert.equal(dump(inc.tree), dump(full), `step ${step}: node positions differ`);
          assert.deepStrictEqual(inc.file(), extractFile(full, text, 'file:///a.rs'));
          assert.deepStrictEqual(extractFile(inc.tree, text, 'x', { fast: false }), extractFile(full, text, 'x', { fast: false }));
        }
      } finally {
        full.delete();
      }
    }
    assert.equal(cache.stats.fallback, 0);
    assert.equal(cache.stats.incremental, 300);
    assert.equal(live(), 1, 'only the current tree is alive');
    cache.dispose();
    assert.equal(live(), 0, 'dispose frees every tree');
  });

  it('shares one parse and one model per version', async () => {
    const { parser, created } = tracking(await getParser());
    const cache = new DocumentTrees(parser);
    const doc = { uri: 'u', version: 7, getText: () => 'struct A;' };
    const a = cache.get(doc);
    const b = cache.get(doc);
    assert.equal(a, b);
    assert.equal(a.file(), b.file());
    assert.equal(a.file().items.length, 1);
    assert.equal(created(), 1);
    cache.dispose();
  });

  it('falls back to a full parse when an event was missed', async () => {
    const { parser, live } = tracking(await getParser());
    const cache = new DocumentTrees(parser);
    let text = 'struct A { x: u8 }';
    cache.get({ uri: 'u', version: 1, getText: () => text });
    const c1 = change(text, 14, 16, 'u16');
    text = apply(text, c1); // version 2 never reported
    const c2 = change(text, 0, 0, '/// d\n');
    text = apply(text, c2);
    const r = cache.update({ uri: 'u', version: 3, getText: () => text }, [c2]);
    assert.equal(cache.stats.fallback, 1);
    const s = r.file().items[0];
    assert.ok(s && s.kind === 'struct');
    assert.equal(s.fields[0]!.ty.kind === 'path' && s.fields[0]!.ty.segments[0]!.name, 'u16');
    assert.equal(live(), 1);
    cache.dispose();
    assert.equal(live(), 0);
  });

  it('close and LRU eviction delete trees', async () => {
    const { parser, live } = tracking(await getParser());
    const cache = new DocumentTrees(parser, { maxDocuments: 3 });
    for (let i = 0; i < 5; i++) cache.get({ uri: `u${i}`, version: 1, getText: () => `struct S${i};` });
    assert.equal(cache.size, 3);
    assert.equal(live(), 3);
    assert.equal(cache.has('u0'), false);
    cache.close('u4');
    cache.close('u4');
    assert.equal(live(), 2);
    cache.dispose();
    assert.equal(live(), 0);
    assert.throws(() => cache.get({ uri: 'x', version: 1, getText: () => '' }));
  });

  it('applies an edit after astral characters at the right UTF-16 offset', async () => {
    const cache = new DocumentTrees(await getParser());
    let text = '// 😀😀\nstruct A { x: u8 }';
    cache.get({ uri: 'u', version: 1, getText: () => text });
    const at = text.indexOf('u8');
    const c = change(text, at, at + 2, 'u64');
    text = apply(text, c);
    const r = cache.update({ uri: 'u', version: 2, getText: () => text }, [c]);
    const s = r.file().items[0];
    assert.ok(s && s.kind === 'struct');
    const f = s.fields[0]!;
    assert.equal(text.slice(f.ty.span.start, f.ty.span.end), 'u64');
    assert.equal(cache.stats.incremental, 1);
    cache.dispose();
  });
});
