import assert from 'node:assert/strict';
import type { Tree } from 'web-tree-sitter';
import { DocumentTrees, advance, pointAt, type ContentChange } from '../../src/incremental/documents';
import { extractFile } from '../../src/parse/extract';
import { abandonedParse, parseBudgetMs } from '../../src/parse/parser';
import { movedItem, placed, placedAll } from '../../src/core/positions';
import { apply, assertSameModel, change, editSession, getParser, rng, tracking, type TextEdit } from './parseHelpers';

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

  it('incremental extraction (item-level reuse) gives exactly the model of a full extraction', async function () {
    this.timeout(60000);
    const base = await getParser();
    const cache = new DocumentTrees(base);
    const random = rng(2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const TEMPLATES = [
      (i: number) => `/// Struct ${i}.\n#[derive(Clone)]\npub struct S${i} {\n    /// Field 1.\n    pub a: u16, // note\n    b: Option<Box<S${Math.max(0, i - 1)}>>,\n}\n`,
      (i: number) => `#[repr(C)]\nstruct C${i}(u8, u32, [u16; ${i % 5}]);\n`,
      (i: number) => `/// Enum ${i}.\nenum E${i} {\n    A(u32),\n    /// B.\n    B { x: u64, y: char },\n    C = 7,\n}\n`,
      (i: number) => `type A${i} = Vec<u8>;\nconst K${i}: usize = ${i} * 2;\n`,
      (i: number) => `impl S${i} {\n    fn f(&self) -> u32 { let v = vec![1, 2]; v.len() as u32 }\n}\n`,
      (i: number) => `mod m${i} {\n    pub struct Z(u8, u64);\n    use super::*;\n}\n`,
      (i: number) => `union U${i} { a: u32, b: f32 }\n// plain comment\n`,
      (i: number) => `use std::collections::HashMap as H${i};\nfn free${i}() {}\n`,
      (i: number) => `pub struct G${i}<'a, T: ?Sized = u8, const N: usize = 3> where T: Copy {\n    a: [u16; N],\n    b: [u8; core::mem::size_of::<u64>() as usize],\n    c: &'a T,\n    d: (u8, fn(u32) -> u8, *const dyn Send),\n}\n`,
      (i: number) => `#[repr(i16)]\nenum R${i} {\n    A = 1 << 2,\n    B = -(3 as i16),\n    C = K${i} as i16,\n}\nstatic Q${i}: [u8; 2] = [0; 2];\n`,
      (i: number) => `pub const fn cf${i}<T>(n: usize) -> usize {\n    let m: usize = n * size_of::<T>();\n    match m { 0 => 1, _ => m + [0u8; 3].len() }\n}\nconst L${i}: &str = "l\u{e9}n";\n`,
      (i: number) => `pub trait Tr${i}<X>: Sup${i} + Copy + a::B<X> where Self: Send {\n    type Out: ?Sized;\n    type Odd: ?Sized + Tr${i}<X>;\n}\n`,
    ];
    let n = 0;
    const block = () => pick(TEMPLATES)(n++);
    let text = `//! Incremental extraction fixture.\n#![allow(dead_code)]\n\n` + Array.from({ length: 40 }, block).join('\n');
    let version = 1;
    const uri = 'file:///inc.rs';
    cache.get({ uri, version, getText: () => text }).file();
    const boundaries = () => [...text.matchAll(/\n\n/g)].map((m) => m.index + 1);
    const edits: (() => TextEdit | undefined)[] = [
      // a field type, same or different length
      () => {
        const m = pick([...text.matchAll(/\bu(8|16|32|64)\b/g)]);
        return m && [m.index, m.index + m[0].length, pick(['u8', 'u16', 'u32', 'u64', 'i128'])];
      },
      // a digit in a doc comment
      () => {
        const m = pick([...text.matchAll(/(Struct|Enum|Field) (\d)/g)]);
        return m && [m.index + m[0].length - 1, m.index + m[0].length, String(Math.floor(random() * 10))];
      },
      // a whole item inserted or deleted
      () => {
        const at = pick(boundaries());
        return at === undefined ? undefined : [at, at, block() + '\n'];
      },
      () => {
        const bs = boundaries();
        const k = Math.floor(random() * (bs.length - 1));
        return bs.length > 2 ? [bs[k]!, bs[k + 1]!, ''] : undefined;
      },
      // an attribute, a comment, blank lines
      () => {
        const m = pick([...text.matchAll(/^(pub )?(struct|enum|union) /gm)]);
        return m && [m.index, m.index, pick(['#[repr(C)]\n', '#[repr(u8)]\n', '/// new doc\n', '// plain\n', '#[cfg(test)]\n'])];
      },
      () => {
        const at = pick(boundaries());
        return at === undefined ? undefined : [at, at, pick(['\n', '// c\n', '   '])];
      },
      // a name (changes what other items resolve to)
      () => {
        const m = pick([...text.matchAll(/(struct|enum) ([A-Z]\w*)/g)]);
        return m && [m.index + m[0].length, m.index + m[0].length, 'x'];
      },
      // anything (usually a syntax error, fixed or not by later edits)
      () => {
        const at = Math.floor(random() * text.length);
        return [at, Math.min(text.length, at + Math.floor(random() * 3)), pick(['{', '}', ';', '', 'x', '/*', '*/', ','])];
      },
    ];
    let incremental = 0;
    let lastModel = cache.get({ uri, version, getText: () => text }).file();
    for (const { step, kind: k, edit: e } of editSession(random, edits, [5, 5, 2, 2, 2, 2, 1, 1], 400, () => text)) {
      const c = change(text, e[0], e[1], e[2]);
      text = apply(text, c);
      version++;
      const inc = cache.update({ uri, version, getText: () => text }, [c]);
      if (random() < 0.2) continue; // versions nobody asked about: the next one derives from an older model
      const before = cache.stats.extractIncremental;
      const model = inc.file();
      if (cache.stats.extractIncremental > before) {
        incremental++;
        const d = inc.derivation();
        assert.ok(d && d.file === model && d.base === lastModel, 'an incremental model comes with what it was derived from');
      }
      lastModel = model;
      const full = base.parse(text);
      try {
        assertSameModel(model, extractFile(full, text, uri), `step ${step} (edit kind ${k})`);
      } finally {
        full.delete();
      }
    }
    assert.ok(incremental >= 150, `incremental extraction used only ${incremental} times`);
    cache.dispose();
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

  it('prepare with a model made elsewhere: that model is the version\'s, and the next edit extracts incrementally from it', async () => {
    const parser = await getParser();
    const cache = new DocumentTrees(parser);
    const made = (() => {
      const t = parser.parse(BASE);
      try {
        return extractFile(t, BASE, 'u');
      } finally {
        t.delete();
      }
    })();
    assert.ok(await cache.prepare({ uri: 'u', version: 1, getText: () => BASE }, { text: BASE, file: made }));
    assert.equal(cache.get({ uri: 'u', version: 1, getText: () => BASE }).file(), made, 'the model made elsewhere, not extracted again');
    assert.equal(cache.stats.extractFull, 0);
    const at = BASE.indexOf('len: u32');
    const text = `${BASE.slice(0, at)}len: u64${BASE.slice(at + 'len: u32'.length)}`;
    const next = cache.update({ uri: 'u', version: 2, getText: () => text }, [change(BASE, at, at + 'len: u32'.length, 'len: u64')]).file();
    assert.equal(cache.stats.extractFull, 0, 'the edit was extracted from the model made elsewhere');
    assert.equal(cache.stats.extractIncremental, 1);
    const fresh = parser.parse(text);
    try {
      assertSameModel(next, extractFile(fresh, text, 'u'), 'after the edit');
    } finally {
      fresh.delete();
    }
    // A model of another text is not taken.
    const other = new DocumentTrees(parser);
    await other.prepare({ uri: 'v', version: 1, getText: () => BASE }, { text: 'struct Other;', file: made });
    assert.notEqual(other.get({ uri: 'v', version: 1, getText: () => BASE }).file(), made);
    cache.dispose();
    other.dispose();
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

  it('falls back to a full parse when a change on the next version does not give the document text', async () => {
    const { parser, live } = tracking(await getParser());
    const cache = new DocumentTrees(parser);
    let text = 'struct A { x: u8 }';
    cache.get({ uri: 'u', version: 1, getText: () => text });
    // The event says `u16` was typed; the document holds `u32` (same length).
    const c = change(text, 14, 16, 'u16');
    text = apply(text, change(text, 14, 16, 'u32'));
    let r = cache.update({ uri: 'u', version: 2, getText: () => text }, [c]);
    assert.equal(cache.stats.fallback, 1);
    const s = r.file().items[0];
    assert.ok(s && s.kind === 'struct');
    assert.equal(s.fields[0]!.ty.kind === 'path' && s.fields[0]!.ty.segments[0]!.name, 'u32');
    // A length that does not add up.
    const c3 = change(text, 14, 17, 'u8');
    text = apply(text, change(text, 14, 17, 'u64'));
    r = cache.update({ uri: 'u', version: 3, getText: () => text }, [c3]);
    assert.equal(cache.stats.fallback, 2);
    assert.equal(cache.stats.incremental, 0);
    assert.equal(r.text, text);
    assert.equal(live(), 1);
    cache.dispose();
  });

  it('moves an item with every field its types carry, as a full extraction of the moved text has them (trait objects\' `Fn` sugar and lifetimes, `where` lifetime predicates, a parenthesized length)', async () => {
    const base = await getParser();
    const text = [
      'pub struct A(pub Box<dyn Fn(&u8) -> &u8>, pub Box<dyn std::fmt::Debug + \'static + \'static>);',
      'pub struct B<T>(pub T) where Vec<T>: \'static, T::Out: \'static;',
      'pub struct C<const N: usize>(pub [u8; (N)]);',
      'pub struct D<\'a>(pub for<\'x> fn(&\'x u8) -> &\'a u8, pub Box<dyn Iterator<Item = u8, Item = u16>>);',
      '',
    ].join('\n');
    const moved = `// above\n${text}`;
    const [t1, t2] = [base.parse(text), base.parse(moved)];
    try {
      const before = extractFile(t1, text, 'u');
      const after = extractFile(t2, moved, 'u');
      const shiftedItems = before.items.map((it) => placed(movedItem(it, 9, 1)));
      assert.deepStrictEqual(JSON.parse(JSON.stringify(shiftedItems, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))), JSON.parse(JSON.stringify(after.items, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))));
    } finally {
      t1.delete();
      t2.delete();
    }
  });

  it('re-extracts items that use long type names (shared, frozen path segments) like a full extraction', async () => {
    const base = await getParser();
    const cache = new DocumentTrees(base);
    let text = 'pub struct VeryLongTypeNameHere { a: u8 }\npub struct Holder { x: VeryLongTypeNameHere, y: u32 }\n';
    cache.get({ uri: 'u', version: 1, getText: () => text }).file();
    const at = text.indexOf('y: u32');
    const c = change(text, at, at, 'z');
    text = apply(text, c);
    const model = cache.update({ uri: 'u', version: 2, getText: () => text }, [c]).file();
    assert.equal(cache.stats.extractIncremental, 1);
    const full = base.parse(text);
    try {
      assert.deepStrictEqual(JSON.parse(JSON.stringify({ ...model, items: placedAll(model.items) })), JSON.parse(JSON.stringify(extractFile(full, text, 'u'))));
    } finally {
      full.delete();
    }
    cache.dispose();
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
  it('gives up a parse over its budget: an empty tree, the reason as the model\'s problem, and a fresh parse on the next edit', async () => {
    const real = await getParser();
    // A budget already spent: tree-sitter's first progress check stops the parse.
    const { parser, live } = tracking(real, (t) => (t.includes('GIVE_UP') ? -1 : undefined));
    const cache = new DocumentTrees(parser);
    const body = Array.from({ length: 60 }, (_, i) => `struct S${i} { a: u8, b: u64, c: [u16; ${i}] }\n`).join('');
    let text = `// GIVE_UP\n${body}`;
    const first = cache.get({ uri: 'u', version: 1, getText: () => text });
    assert.ok(abandonedParse(first.tree), 'the parse was given up');
    assert.equal(first.tree.rootNode.endIndex, 0, 'the tree handed back is that of an empty text');
    const f1 = first.file();
    assert.deepEqual(f1.items, []);
    assert.equal(f1.problems.length, 1);
    assert.equal(f1.problems[0]!.code, 'parseAbandoned');
    assert.match(f1.problems[0]!.message, /gave up .* ms .*syntax errors are too costly/);
    assert.equal(live(), 1);
    // The next keystroke removes the marker: a full parse (the empty tree has nothing to reuse), the whole model.
    const at = text.indexOf('GIVE_UP');
    const c = change(text, at, at + 1, '');
    text = apply(text, c);
    const second = cache.update({ uri: 'u', version: 2, getText: () => text }, [c]);
    assert.equal(abandonedParse(second.tree), undefined);
    assert.equal(cache.stats.full, 2);
    assert.equal(cache.stats.incremental, 0);
    const full = real.parse(text);
    try {
      assert.deepStrictEqual(second.file(), extractFile(full, text, 'u'));
    } finally {
      full.delete();
    }
    assert.equal(second.file().items.length, 60);
    assert.equal(live(), 1, 'the given-up tree was deleted');
    cache.dispose();
    assert.equal(live(), 0);
  });

  it('a given-up parse leaves the parser clean: the next parse of the same text is complete', async () => {
    const parser = await getParser();
    const text = Array.from({ length: 80 }, (_, i) => `enum E${i} { A(u8), B { x: u32 } }\n`).join('');
    const stopped = parser.parse(text, null, { budgetMs: -1 });
    const reason = abandonedParse(stopped);
    stopped.delete();
    assert.ok(reason && reason.includes(`budget for ${Math.round(text.length / 1024)} KB`), reason);
    const again = parser.parse(text);
    try {
      assert.equal(abandonedParse(again), undefined);
      assert.equal(again.rootNode.endIndex, text.length);
      assert.equal(again.rootNode.hasError, false);
      assert.equal(extractFile(again, text, 'x.rs').items.length, 80);
    } finally {
      again.delete();
    }
  });

  it('the default budget: 40 ms plus 0.4 ms per 1,000 characters', () => {
    assert.equal(parseBudgetMs(0), 40);
    assert.equal(parseBudgetMs(100_000), 80);
    assert.equal(parseBudgetMs(1_000_000), 440);
  });
});
