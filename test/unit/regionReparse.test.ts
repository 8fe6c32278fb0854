import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentTrees, MAX_PENDING, type ContentChange } from '../../src/incremental/documents';
import { extractFile } from '../../src/parse/extract';
import { apply, assertSameModel, change, getParser, repoRoot, rng, tracking } from './parseHelpers';

/**
 * Items of every shape whose text could run into the next item's after an edit: line, block and
 * doc comments, strings and raw strings holding comment markers, char literals, items sharing a
 * line, macros, and a top-level expression statement (tree-sitter accepts one; a region may not
 * hold it).
 */
const ITEMS: ((i: number) => string)[] = [
  (i) => `/// Struct ${i}.\n#[derive(Clone)]\npub struct S${i} {\n    /// Field.\n    pub a: u16, // note\n    b: u8,\n}\n`,
  (i) => `struct T${i}(u8, u32); // trailing ${i}\n`,
  (i) => `// plain comment ${i}\n`,
  (i) => `/* block ${i} */\n`,
  (i) => `/** Outer block doc. */\nenum E${i} { A, B(u64) }\n`,
  (i) => `const R${i}: &str = r#"raw "${i}" // text"#;\n`,
  (i) => `static Q${i}: &str = "a /* not a comment ${i}";\n`,
  (i) => `const C${i}: char = '"';\n`,
  (i) => `macro_rules! m${i} { () => {}; }\n`,
  (i) => `m${i}! { struct Hidden${i}; }\n`,
  (i) => `impl T${i} {\n    fn f(&self) -> u8 { if true { 1 } else { 2 } }\n}\n`,
  (i) => `fn g${i}() {}\n`,
  (i) => `union U${i} { a: u32, b: f32 }\n`,
  (i) => `mod m${i} { pub struct Z(u8); }\n`,
  (i) => `use std::fmt as F${i};\n`,
  (i) => `type A${i} = [u8; ${i}];\n`,
  (i) => `#[cfg(test)]\nstruct K${i} { x: char }\n`,
  (i) => `struct P${i}; struct Q${i}(u8);\n`,
  (i) => `#[repr(C)] struct W${i} { a: u8, b: u64 }\n`,
  (i) => `f${i}();\n`,
  (i) => `impl<X: Tr<u8>> Tr<X> for T${i} where X: Other<u16> {\n    type Out = X;\n    const N: usize = ${i};\n}\n`,
  (i) => `impl Clone for T${i} { fn clone(&self) -> Self { *self } }\n`,
  (i) => `pub struct G${i}<T, U: Len<T>>(U::Arr, T) where T: Copy + Tr<[u8; ${i}]>;\n`,
  (i) => `const fn size_of<T>() -> usize { ${i} }\nstruct Z${i}([u8; size_of::<u16>()], <Wrap<&'static u8> as Tr<'static>>::Out);\n`,
];

/** What gets typed: tokens that open or close comments, strings and blocks, and whole items. */
const TOKENS = ['//', '/*', '*/', '"', 'r#"', '"#', "'", '{', '}', ';', '\n', ' ', '#', '!', '/', '*', 'struct X;', 'x', '///', '#[repr(C)]', '\\', '//!', '#!'];

/**
 * Edits typed into a file of `ITEMS`: after each, the model is a full extraction's (and, now and
 * then, the whole file's tree a full parse's). Broken edits are often undone, so most edits start
 * from an error-free file.
 */
async function adversarialSession(regions: boolean, seed: number): Promise<void> {
  const base = await getParser();
  // Parsed to the end, both sides: the editor's parse budget (thread CPU time, GC included) is not
  // what this compares, and a loaded machine could tip a long error recovery over it.
  const { parser, live } = tracking(base, () => Infinity);
  const cache = new DocumentTrees(parser, { regions, regionShare: 1 });
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  let n = 0;
  let text = Array.from({ length: 60 }, () => pick(ITEMS)(n++)).join(random() < 0.5 ? '\n' : '');
  const uri = 'file:///region.rs';
  let version = 1;
  const doc = () => ({ uri, version, getText: () => text });
  cache.get(doc()).file();
  const lineStarts = () => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)].filter((x) => x <= text.length);
  // A position: half of the time at a line's start or end, where items meet.
  const somewhere = () => {
    if (random() < 0.5) return Math.floor(random() * (text.length + 1));
    const s = pick(lineStarts());
    return random() < 0.5 ? s : Math.max(0, s - 1);
  };
  const proposals: (() => ContentChange[])[] = [
    // a token typed
    () => {
      const at = somewhere();
      return [change(text, at, at, pick(TOKENS))];
    },
    // one to three characters deleted (often a line break)
    () => {
      const at = somewhere();
      return [change(text, at, Math.min(text.length, at + 1 + Math.floor(random() * 3)), '')];
    },
    // lines commented out in one event: `/*` at a line start, `*/` at a later line's end
    () => {
      const ls = lineStarts();
      const a = Math.floor(random() * ls.length);
      const b = Math.min(ls.length - 1, a + 1 + Math.floor(random() * 4));
      const first = change(text, ls[a]!, ls[a]!, '/*');
      const after = apply(text, first);
      const end = Math.max(ls[a]! + 2, ls[b]! + 2 - 1);
      return [first, change(after, end, end, '*/')];
    },
    // `// ` added at a line's start, or removed
    () => {
      const m = pick([...text.matchAll(/^\/\/ /gm)]);
      if (m && random() < 0.5) return [change(text, m.index, m.index + 3, '')];
      const at = pick(lineStarts());
      return [change(text, at, at, '// ')];
    },
    // a digit of a doc comment retyped (what most typing is)
    () => {
      const m = pick([...text.matchAll(/(Struct|comment|block) (\d)/g)]);
      const at = m ? m.index + m[0].length - 1 : 0;
      return [change(text, at, m ? at + 1 : 0, String(Math.floor(random() * 10)))];
    },
    // a whole item inserted where a line starts
    () => {
      const at = pick(lineStarts());
      return [change(text, at, at, pick(ITEMS)(n++))];
    },
  ];
  const weights = [6, 3, 1, 2, 3, 1];
  const total = weights.reduce((a, b) => a + b, 0);
  let lastClean = text;
  let checked = 0;
  let regionChecked = 0;
  let structural = 0;
  let settled = 0;
  let previousNames = '';
  for (let step = 0; step < 1500; step++) {
    let changes: ContentChange[];
    if (text !== lastClean && random() < 0.6) {
      // back to the last error-free text (an undo), as one change over the part that differs
      let s = 0;
      while (s < text.length && s < lastClean.length && text[s] === lastClean[s]) s++;
      let e = 0;
      while (e < text.length - s && e < lastClean.length - s && text[text.length - 1 - e] === lastClean[lastClean.length - 1 - e]) e++;
      changes = [change(text, s, text.length - e, lastClean.slice(s, lastClean.length - e))];
    } else {
      let r = random() * total;
      let k = 0;
      while (r >= weights[k]!) r -= weights[k++]!;
      changes = proposals[k]!();
    }
    for (const c of changes) text = apply(text, c);
    version++;
    const regionsBefore = cache.stats.region;
    const inc = cache.update(doc(), changes);
    const byRegion = cache.stats.region > regionsBefore;
    const full = base.parse(text, null, { budgetMs: Infinity });
    try {
      if (!full.rootNode.hasError) lastClean = text;
      if (random() < 0.1) continue; // a version nobody asked about
      const model = inc.file();
      const fresh = extractFile(full, text, uri);
      assertSameModel(model, fresh, `step ${step}${byRegion ? ' (region re-parse)' : ''}`);
      checked++;
      const names = fresh.items.map((it) => ('name' in it ? it.name : it.kind)).join(',');
      if (byRegion) {
        regionChecked++;
        if (names !== previousNames) structural++;
      }
      previousNames = names;
      if (random() < 0.1) {
        // the whole file's tree, brought up to date, is a full parse's (error recovery may differ)
        cache.settle(uri);
        settled++;
        if (!full.rootNode.hasError) assert.equal(inc.tree.rootNode.toString(), full.rootNode.toString(), `step ${step}: settled tree differs`);
      }
    } finally {
      full.delete();
    }
  }
  assert.ok(checked > 1200, `${checked} versions checked`);
  if (regions) {
    assert.ok(regionChecked > 200, `only ${regionChecked} checked versions came from a region re-parse`);
    // Edits whose region re-parse changed which items the file has (added, removed, commented out)
    assert.ok(structural > 15, `only ${structural} region re-parses changed the items`);
    assert.ok(cache.stats.incremental > 100, 'broken edits re-parse the whole file');
    assert.ok(settled > 50);
  } else {
    assert.equal(cache.stats.region, 0);
    assert.ok(cache.stats.extractIncremental > 400, `only ${cache.stats.extractIncremental} models were built from the previous one`);
  }
  cache.settle();
  assert.equal(live(), 1, 'only the whole-file tree is alive once settled');
  cache.dispose();
  assert.equal(live(), 0, 'dispose frees every tree');
}

describe('parse: region re-parse (DocumentTrees)', () => {
  for (const regions of [true, false]) {
    // Seed 6's session pairs nested block comments up anew far below the edit (step 741).
    for (const seed of process.env.REGION_SEED ? [Number(process.env.REGION_SEED)] : [4242, 6]) {
      it(`gives the model of a full parse after edits that change what the text around them is (${regions ? 'region re-parse' : 'whole-file re-parse'}, session ${seed})`, async function () {
        this.timeout(120000);
        await adversarialSession(regions, seed);
      });
    }

    it(`finds the items that \`// \` typed before a \`/*\` uncovers, where tree-sitter reports no change (${regions ? 'region re-parse' : 'whole-file re-parse'})`, async () => {
      const base = await getParser();
      const cache = new DocumentTrees(base, { regions, regionShare: 1 });
      let text = `fn g() {}\n/* block */\n/*f();\nmod m { pub struct Z(u8); }\nstruct T(u8, u32);\n// plain */\n/// Doc.\nstruct S {}\n`;
      const uri = 'file:///uncover.rs';
      cache.get({ uri, version: 1, getText: () => text }).file();
      const at = text.indexOf('/*f');
      const c = change(text, at, at, '// ');
      text = apply(text, c);
      const model = cache.update({ uri, version: 2, getText: () => text }, [c]).file();
      assert.equal(cache.stats.extractIncremental, 1, 'built from the previous model');
      const full = base.parse(text);
      assertSameModel(model, extractFile(full, text, uri), 'uncovered');
      full.delete();
      assert.deepEqual(
        model.items.map((it) => ('name' in it ? it.name : it.kind)),
        ['m', 'T', 'S'],
      );
      cache.dispose();
    });
  }

  it('random edits over the repository\'s own Rust files: every error-free version gets a full extraction\'s model', async function () {
    this.timeout(120000);
    const base = await getParser();
    const dirs = ['examples/src', 'test/fixtures/workspace/src', 'test/fixtures/workspace/legacy/src'];
    const files = dirs.flatMap((d) => fs.readdirSync(path.join(repoRoot, d)).filter((f) => f.endsWith('.rs')).map((f) => path.join(repoRoot, d, f)));
    assert.ok(files.length >= 6, `${files.length} files`);
    const random = rng(77);
    const TYPED = ['//', '/*', '*/', '"', '{', '}', ';', '\n', ' ', '#', '!', '/', 'x', '///', '#[repr(C)]', "'", ')', '(', ','];
    let checked = 0;
    let regions = 0;
    for (const file of files) {
      let text = fs.readFileSync(file, 'utf8');
      const cache = new DocumentTrees(base, { regionShare: 1 });
      const uri = `file://${file}`;
      let version = 1;
      cache.get({ uri, version, getText: () => text }).file();
      let lastClean = text;
      for (let step = 0; step < 150; step++) {
        let c: ContentChange;
        if (text !== lastClean && random() < 0.6) {
          let s = 0;
          while (s < text.length && s < lastClean.length && text[s] === lastClean[s]) s++;
          let e = 0;
          while (e < text.length - s && e < lastClean.length - s && text[text.length - 1 - e] === lastClean[lastClean.length - 1 - e]) e++;
          c = change(text, s, text.length - e, lastClean.slice(s, lastClean.length - e));
        } else {
          const lines = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
          const at = random() < 0.5 ? Math.floor(random() * text.length) : (lines[Math.floor(random() * lines.length)] ?? 0);
          const r = random();
          if (r < 0.5) c = change(text, at, at, TYPED[Math.floor(random() * TYPED.length)]!);
          else if (r < 0.75) c = change(text, at, Math.min(text.length, at + 1 + Math.floor(random() * 3)), '');
          else c = text.startsWith('// ', at) ? change(text, at, at + 3, '') : change(text, at, at, '// ');
        }
        text = apply(text, c);
        const r0 = cache.stats.region;
        const model = cache.update({ uri, version: ++version, getText: () => text }, [c]).file();
        if (cache.stats.region > r0) regions++;
        const full = base.parse(text);
        try {
          // With syntax errors, tree-sitter's incremental error recovery may differ from a fresh parse's (README, Limitations).
          if (full.rootNode.hasError) continue;
          lastClean = text;
          assertSameModel(model, extractFile(full, text, uri), `${path.basename(file)}, step ${step}`);
          checked++;
        } finally {
          full.delete();
        }
      }
      cache.dispose();
    }
    assert.ok(checked > 300, `only ${checked} error-free versions`);
    assert.ok(regions > 100, `only ${regions} region re-parses`);
  });

  it('an item uncovered by an edit takes the outer attributes written before inner attributes above it', async () => {
    const base = await getParser();
    for (const regions of [true, false]) {
      const cache = new DocumentTrees(base, { regions, regionShare: 1 });
      // `/*` before S hides it up to the `*/` of the comment after it; deleting `/*` brings S back
      // with both attributes (rustc rejects an inner attribute after an outer one, but a file being
      // edited can hold anything: the model must still be a full extraction's).
      let text = `struct A(u8);\n\n/// Doc of S.\n#[repr(C)]\n#![allow(unused)]\n#[derive(Clone)]\n/*struct S { a: u8, b: u32 }\n// */\n`;
      const uri = 'file:///inner.rs';
      cache.get({ uri, version: 1, getText: () => text }).file();
      const at = text.indexOf('/*struct');
      const c = change(text, at, at + 2, '');
      text = apply(text, c);
      const model = cache.update({ uri, version: 2, getText: () => text }, [c]).file();
      const full = base.parse(text);
      const fresh = extractFile(full, text, uri);
      full.delete();
      assertSameModel(model, fresh, regions ? 'region re-parse' : 'whole-file re-parse');
      const s = model.items.find((it) => 'name' in it && it.name === 'S');
      assert.ok(s && s.kind === 'struct' && s.repr.c, 'S is #[repr(C)]');
      cache.dispose();
    }
  });

  it('re-parses only the items an edit touches, and the whole file later or after MAX_PENDING regions', async () => {
    const base = await getParser();
    const { parser, created, live } = tracking(base);
    const cache = new DocumentTrees(parser);
    const items = Array.from({ length: 200 }, (_, i) => `/// Struct ${i}.\nstruct S${i} { a: u8, b: u${8 << i % 4} }\n`);
    let text = items.join('\n');
    let version = 1;
    const uri = 'file:///many.rs';
    const doc = () => ({ uri, version, getText: () => text });
    cache.get(doc()).file();
    const parses = created();
    // Retype a digit of a doc comment, each time in another item (same length: offsets stay).
    const sites = items.map((_, k) => text.indexOf(`Struct ${k}.`) + 7);
    const retype = (k: number) => {
      const at = sites[k]!;
      const c = change(text, at, at + 1, String((Number(text[at]) + 1) % 10));
      text = apply(text, c);
      version++;
      return cache.update(doc(), [c]);
    };
    for (let k = 0; k < MAX_PENDING; k++) {
      const d = retype(k * 5 + 1);
      const model = d.file();
      const full = base.parse(text);
      assertSameModel(model, extractFile(full, text, uri), `edit ${k}`);
      full.delete();
    }
    assert.equal(cache.stats.region, MAX_PENDING, 'every edit re-parsed its region');
    assert.equal(cache.stats.incremental + cache.stats.settle, 0, 'and not the whole file');
    assert.equal(created() - parses, MAX_PENDING);
    assert.equal(live(), 1, 'each region tree is freed once its model is extracted');
    // One more region than MAX_PENDING: the whole file is re-parsed instead.
    retype(7).file();
    assert.equal(cache.stats.region, MAX_PENDING);
    assert.equal(cache.stats.incremental, 1);
    // The next edit is a region again; asking for the tree settles it.
    const d = retype(9);
    assert.equal(cache.stats.region, MAX_PENDING + 1);
    const full = base.parse(text);
    assert.equal(d.tree.rootNode.toString(), full.rootNode.toString());
    assert.equal(cache.stats.settle, 1);
    // The model is then extracted from the settled tree, in the window the region gave.
    assertSameModel(d.file(), extractFile(full, text, uri), 'after settle');
    full.delete();
    assert.equal(live(), 1);
    cache.dispose();
    assert.equal(live(), 0);
  });

  it('an impl typed into a function body, then moved down by an edit above, gives a full extraction\'s model each time', async () => {
    const base = await getParser();
    const cache = new DocumentTrees(base, { regionShare: 1 });
    let text = `pub trait Tr {}\npub struct K;\nfn f() {\n    let x = 1;\n}\nimpl K { fn g(&self) {} }\n`;
    let version = 1;
    const uri = 'file:///hidden.rs';
    const doc = () => ({ uri, version, getText: () => text });
    cache.get(doc()).file();
    const edit = (at: number, len: number, insert: string) => {
      const c = change(text, at, at + len, insert);
      text = apply(text, c);
      version++;
      return cache.update(doc(), [c]).file();
    };
    const fresh = () => {
      const tree = base.parse(text, null, { budgetMs: Infinity });
      try {
        return extractFile(tree, text, uri);
      } finally {
        tree.delete();
      }
    };
    const hidden = (f: ReturnType<typeof fresh>) => f.items.filter((i) => i.kind === 'mod').map((i) => (i.kind === 'mod' ? (i.items ?? []).filter((x) => x.kind === 'impl').length : 0));
    let f = edit(text.indexOf('let x'), 0, 'impl Tr for K {}\n    ');
    assertSameModel(f, fresh(), 'impl typed into the body');
    assert.deepEqual(hidden(f), [1]);
    f = edit(text.indexOf('fn g(&self) {'), 'fn g(&self) {'.length, 'fn g(&self) { impl Copy for K {} impl Clone for K { fn clone(&self) -> K { K } } ');
    assertSameModel(f, fresh(), 'impls typed into a method');
    assert.deepEqual(hidden(f), [1, 2]);
    const names = f.items.filter((i) => i.kind === 'mod').map((i) => i.name);
    f = edit(0, 0, '// a line above\n');
    assertSameModel(f, fresh(), 'an edit above');
    assert.deepEqual(f.items.filter((i) => i.kind === 'mod').map((i) => i.name), names, 'the bodies\' modules keep their names when text above them changes');
    f = edit(text.indexOf('impl Tr for K {}'), 'impl Tr for K {}'.length, '');
    assertSameModel(f, fresh(), 'impl deleted');
    assert.deepEqual(hidden(f), [2]);
    cache.dispose();
  });

  it('a region that is not only items (a top-level expression, an error) re-parses the whole file', async () => {
    const base = await getParser();
    const cache = new DocumentTrees(base, { regionShare: 1 });
    let text = `struct A { a: u8 }\n\nf();\n\nstruct B { b: u16 }\n`;
    let version = 1;
    const uri = 'file:///expr.rs';
    const doc = () => ({ uri, version, getText: () => text });
    cache.get(doc()).file();
    const edit = (at: number, len: number, insert: string) => {
      const c = change(text, at, at + len, insert);
      text = apply(text, c);
      version++;
      return cache.update(doc(), [c]);
    };
    edit(text.indexOf('f()'), 1, 'g').file();
    assert.equal(cache.stats.region, 0, 'the expression statement keeps the region path off');
    assert.equal(cache.stats.incremental, 1);
    edit(text.indexOf('u16'), 3, 'u32').file();
    assert.equal(cache.stats.region, 1, 'an edit away from it re-parses its region');
    const d = edit(text.indexOf('u32'), 0, '{');
    assert.equal(cache.stats.region, 1, 'an unclosed brace is an error in the region');
    assert.equal(cache.stats.incremental, 2);
    assert.ok(d.file().problems.length > 0);
    cache.dispose();
  });

  it('an edit inside an item larger than regionShare of the file re-parses the whole file (cheaper than that item from scratch)', async () => {
    const base = await getParser();
    const cache = new DocumentTrees(base);
    const small = Array.from({ length: 100 }, (_, i) => `struct S${i} { a: u8 }\n`).join('');
    const big = `impl S0 {\n${Array.from({ length: 100 }, (_, i) => `    fn f${i}(&self) -> u8 { ${i} }\n`).join('')}}\n`;
    let text = small + big + small.replaceAll('struct S', 'struct R');
    let version = 1;
    const uri = 'file:///big.rs';
    const doc = () => ({ uri, version, getText: () => text });
    cache.get(doc()).file();
    const edit = (at: number) => {
      const c = change(text, at, at + 1, 'x');
      text = apply(text, c);
      version++;
      return cache.update(doc(), [c]).file();
    };
    assert.ok(big.length > text.length / 32);
    edit(text.indexOf('fn f50') + 3);
    assert.deepEqual([cache.stats.region, cache.stats.incremental], [0, 1]);
    edit(text.indexOf('struct S50') + 7);
    assert.deepEqual([cache.stats.region, cache.stats.incremental], [1, 1]);
    cache.dispose();
  });
});
