import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  PRELUDE_TYPES,
  bareTypeNames,
  definedTypes,
  parseChapter,
  parsePlaceholder,
  type ChapterDoc,
  type Placeholder,
} from './guideSyntax';

const run = promisify(execFile);

interface SectionEntry {
  id: string;
  title: string;
}
interface ChapterEntry {
  id: string;
  file: string;
  title: string;
  sections: SectionEntry[];
}

/** Section ids that hovers and CodeLens link to: they must never disappear. */
const REQUIRED_IDS = [
  'layout#alignment',
  'layout#padding',
  'layout#reordering',
  'layout#isize-max',
  'layout#repr-c',
  'layout#packed',
  'layout#zst',
  'layout#unions',
  'box#heap',
  'vec#growth',
  'vec#triplet',
  'stack-heap#niches',
  'stack-heap#enums',
  'stack-heap#option',
];

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

const guideDir = join(repoRoot(), 'media', 'guide');
const index: ChapterEntry[] = JSON.parse(readFileSync(join(guideDir, 'index.json'), 'utf8'));
const docs = new Map<string, { entry: ChapterEntry; text: string; doc: ChapterDoc }>();
for (const entry of index) {
  const text = readFileSync(join(guideDir, entry.file), 'utf8');
  docs.set(entry.id, { entry, text, doc: parseChapter(text) });
}

describe('guide syntax reader', () => {
  it('accepts the four kinds and splits offset arguments', () => {
    assert.deepEqual(parsePlaceholder('size:Vec<u64>', 1), { raw: '{{size:Vec<u64>}}', kind: 'size', type: 'Vec<u64>', line: 1 });
    const off = parsePlaceholder('offset:Wrapper<(u8, u32)>.inner', 1);
    assert.ok(typeof off !== 'string');
    assert.equal(off.type, 'Wrapper<(u8, u32)>');
    assert.equal(off.field, 'inner');
    assert.ok(typeof parsePlaceholder('size:fn(u8) -> Option<u8>', 1) !== 'string');
  });

  it('rejects malformed placeholders', () => {
    assert.equal(typeof parsePlaceholder('sizeof:u8', 1), 'string');
    assert.equal(typeof parsePlaceholder('size:Vec<u8', 1), 'string');
    assert.equal(typeof parsePlaceholder('offset:Record', 1), 'string');
    assert.equal(typeof parsePlaceholder('size:Record.tag', 1), 'string');
    assert.equal(typeof parsePlaceholder('align:', 1), 'string');
  });

  it('reports unbalanced braces, placeholders in code, inline layouts and missing ids', () => {
    const bad = [
      '## No id here',
      'A {{size:u8} and more',
      'Stray }} here',
      'Code `{{size:u8}}` is not rendered',
      'Inline {{layout:u8}} table',
      '```rust',
      'let x = {{size:u8}};',
      '```',
    ].join('\n');
    const problems = parseChapter(bad).problems.join('\n');
    assert.match(problems, /line 1: .* no \{#id\}/);
    assert.match(problems, /line 2: "\{\{" is not closed/);
    assert.match(problems, /line 3: "\}\}" without/);
    assert.match(problems, /line 4: placeholder inside a code span/);
    assert.match(problems, /line 5: .* must stand alone/);
    assert.match(problems, /line 7: placeholder inside a fenced block/);
  });
});

describe('guide chapters and index.json', () => {
  it('lists seven chapters whose files exist', () => {
    assert.deepEqual(
      index.map((c) => c.id),
      ['layout', 'allocators', 'box', 'vec', 'stack-heap', 'optimizer', 'companion'],
    );
    for (const c of index) assert.ok(existsSync(join(guideDir, c.file)), c.file);
  });

  for (const entry of index) {
    describe(`${entry.file}`, () => {
      const { text, doc } = docs.get(entry.id)!;

      it('follows the markdown conventions', () => {
        assert.deepEqual(doc.problems, []);
      });

      it('has the index title as its only # heading', () => {
        const h1 = doc.headings.filter((h) => h.level === 1);
        assert.deepEqual(h1.map((h) => h.text), [entry.title]);
      });

      it('has exactly the sections index.json lists, in order, with matching titles', () => {
        const h2 = doc.headings.filter((h) => h.level === 2);
        assert.deepEqual(
          h2.map((h) => ({ id: h.id, title: h.text.replace(/`/g, '') })),
          entry.sections.map((s) => ({ id: s.id, title: s.title })),
        );
        for (const s of entry.sections) assert.ok(text.includes(`{#${s.id}}`), `{#${s.id}} missing`);
        assert.equal(new Set(entry.sections.map((s) => s.id)).size, entry.sections.length, 'duplicate section id');
      });

      it('has internal links that resolve', () => {
        for (const { target, line } of doc.links) {
          if (/^https?:/.test(target)) continue;
          const [chapter, section] = target.startsWith('#') ? [entry.id, target.slice(1)] : target.split('#');
          const other = index.find((c) => c.id === chapter);
          assert.ok(other, `line ${line}: link to unknown chapter "${chapter}"`);
          if (section) assert.ok(other.sections.some((s) => s.id === section), `line ${line}: no section "${target}"`);
        }
      });

      it('uses only known fence kinds, with valid simulator blocks and self-contained examples', () => {
        const names = new Map<string, number>();
        for (const f of doc.fences) {
          assert.ok(['rust', 'rust example', 'rust ignore', 'vec-growth'].includes(f.info) || /^(rust run|text output)=\w+$/.test(f.info), `line ${f.line}: fence "${f.info}"`);
          if (f.info === 'vec-growth') {
            const cfg = JSON.parse(f.code);
            assert.equal(typeof cfg.type, 'string', `line ${f.line}: vec-growth needs "type"`);
            assert.ok(Number.isInteger(cfg.pushes) && cfg.pushes > 0, `line ${f.line}: vec-growth needs "pushes"`);
          }
          if (f.info === 'rust example') {
            assert.doesNotMatch(f.code, /\bfn\s+main\b/, `line ${f.line}: example blocks define types, not programs`);
            for (const n of definedTypes(f.code)) {
              assert.ok(!names.has(n), `line ${f.line}: ${n} is also defined at line ${names.get(n)}`);
              names.set(n, f.line);
            }
          }
        }
      });

      it('only names types that the chapter defines or the prelude provides', () => {
        const defined = new Set(doc.fences.filter((f) => f.info === 'rust example').flatMap((f) => definedTypes(f.code)));
        for (const p of doc.placeholders) {
          for (const n of bareTypeNames(p.type)) {
            assert.ok(defined.has(n) || PRELUDE_TYPES.has(n), `line ${p.line}: ${p.raw} uses ${n}, defined nowhere in this chapter (use a std:: path?)`);
          }
        }
      });
    });
  }

  it('contains every section id the editor links to', () => {
    for (const ref of REQUIRED_IDS) {
      const [chapter, section] = ref.split('#');
      const entry = index.find((c) => c.id === chapter);
      assert.ok(entry, `chapter ${chapter}`);
      assert.ok(entry.sections.some((s) => s.id === section), `index.json lacks ${ref}`);
      assert.ok(docs.get(chapter)!.text.includes(`{#${section}}`), `${entry.file} lacks {#${section}}`);
    }
  });

  it('puts the growth simulator in the Vec chapter', () => {
    assert.ok(docs.get('vec')!.doc.fences.some((f) => f.info === 'vec-growth'));
  });
});

// ---------------------------------------------------------------------------------------------
// The real compiler: every placeholder must name a type (and field) rustc accepts, every example
// and program must compile, and the claims the prose makes about relative sizes must hold.

function rustExpr(p: Placeholder): string[] {
  switch (p.kind) {
    case 'size':
      return [`std::mem::size_of::<${p.type}>()`];
    case 'align':
      return [`std::mem::align_of::<${p.type}>()`];
    case 'offset':
      return [`std::mem::offset_of!(${p.type}, ${p.field})`];
    case 'layout':
      return [`std::mem::size_of::<${p.type}>()`, `std::mem::align_of::<${p.type}>()`];
  }
}

/** Claims written in prose (not as numbers): `[chapter, expression that must be true]`. */
const CLAIMS: [string, string][] = [
  ['layout', 'size_of::<Record>() < size_of::<RecordC>()'],
  ['layout', 'offset_of!(Record, tag) != 0'],
  ['layout', 'size_of::<Tagged>() == size_of::<u32>()'],
  ['layout', 'size_of::<Option<Mixed>>() > size_of::<Mixed>()'],
  ['layout', 'size_of::<Option<Vec<u8>>>() == size_of::<Vec<u8>>()'],
  ['layout', 'align_of::<WireHeader>() == 1 && size_of::<WireHeader>() == 7'],
  ['layout', 'align_of::<PerCore>() == 64'],
  ['box', 'size_of::<Tree>() == size_of::<(Box<u8>, Box<u8>)>()'],
  ['box', 'size_of::<Option<Box<u64>>>() == size_of::<Box<u64>>()'],
  ['box', 'size_of::<Box<dyn std::fmt::Debug>>() == 2 * size_of::<usize>()'],
  ['vec', 'size_of::<Vec<[u64; 1000]>>() == size_of::<Vec<u8>>() && size_of::<String>() == size_of::<Vec<u8>>()'],
  ['vec', 'Vec::<Event>::new().capacity() == usize::MAX'],
  ['stack-heap', 'size_of::<Option<Handle>>() == size_of::<Handle>()'],
  ['stack-heap', 'size_of::<Direction>() == 1 && size_of::<Status>() == 4'],
  ['stack-heap', 'size_of::<Result<Box<u8>, ()>>() == size_of::<Box<u8>>()'],
  ['stack-heap', 'size_of::<Result<u32, ()>>() > size_of::<u32>()'],
  ['stack-heap', 'Vec::<u64>::new().as_ptr() as usize == align_of::<u64>()'],
];

const VALUES_TARGET = 'x86_64-unknown-linux-gnu';
const VALUES_FILE = 'guide-values.x86_64.json';

describe('guide examples against rustc', function () {
  this.timeout(300_000);
  let dir = '';
  const values = new Map<string, Map<string, string>>();

  before(async () => {
    try {
      await run('rustc', ['--version']);
    } catch (e) {
      throw new Error(`rustc is required on PATH for the guide checks: ${String(e)}`, { cause: e });
    }
    dir = mkdtempSync(join(tmpdir(), 'guide-check-'));
    // One program per chapter: its example blocks, then a main that prints each placeholder's value.
    for (const entry of index) {
      const { doc } = docs.get(entry.id)!;
      const examples = doc.fences.filter((f) => f.info === 'rust example').map((f) => f.code);
      const prints = doc.placeholders.map(
        (p) => `    println!("{}\\t{}", ${JSON.stringify(p.raw)}, [${rustExpr(p).join(', ')}].map(|v| v.to_string()).join("/"));`,
      );
      const claims = CLAIMS.filter(([c]) => c === entry.id).map(
        ([, expr]) => `    assert!({ use std::mem::*; ${expr} }, ${JSON.stringify('claim failed: ' + expr)});`,
      );
      const src = [
        '#![allow(dead_code, unused)]',
        ...examples,
        'fn main() {',
        ...prints,
        ...claims,
        '}',
        '',
      ].join('\n');
      const file = join(dir, `${entry.id.replace(/-/g, '_')}.rs`);
      writeFileSync(file, src);
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const entry of index) {
    it(`${entry.file}: every placeholder is computable and every prose claim holds`, async () => {
      const name = entry.id.replace(/-/g, '_');
      const src = join(dir, `${name}.rs`);
      const exe = join(dir, name);
      try {
        await run('rustc', ['--edition=2021', '-o', exe, src]);
      } catch (e) {
        const err = e as { stderr?: string };
        assert.fail(`rustc rejected the examples/placeholders of ${entry.file}:\n${err.stderr ?? String(e)}`);
      }
      const { stdout } = await run(exe);
      const got = new Map(stdout.trim().split('\n').filter(Boolean).map((l) => l.split('\t') as [string, string]));
      for (const p of docs.get(entry.id)!.doc.placeholders) {
        assert.match(got.get(p.raw) ?? '', /^\d+(\/\d+)?$/, `${p.raw} printed nothing`);
      }
      values.set(entry.id, got);
    });

    it(`${entry.file}: each example block compiles on its own (open as snippet)`, async () => {
      const blocks = docs.get(entry.id)!.doc.fences.filter((f) => f.info === 'rust example');
      for (const [i, f] of blocks.entries()) {
        const file = join(dir, `${entry.id.replace(/-/g, '_')}_example_${i}.rs`);
        writeFileSync(file, f.code);
        await run('rustc', ['--edition=2021', '--crate-type=lib', '--emit=metadata', '-A', 'warnings', '-o', file + '.rmeta', file]).catch(
          (e: { stderr?: string }) => assert.fail(`example at line ${f.line} does not compile alone:\n${e.stderr}`),
        );
      }
    });

    it(`${entry.file}: its \`rust\` code blocks compile`, async () => {
      const blocks = docs.get(entry.id)!.doc.fences.filter((f) => f.info === 'rust');
      for (const [i, f] of blocks.entries()) {
        const file = join(dir, `${entry.id.replace(/-/g, '_')}_code_${i}.rs`);
        writeFileSync(file, f.code);
        const crateType = /\bfn\s+main\b/.test(f.code) ? 'bin' : 'lib';
        await run('rustc', ['--edition=2021', `--crate-type=${crateType}`, '--emit=metadata', '-A', 'warnings', '-o', file + '.rmeta', file]).catch(
          (e: { stderr?: string }) => assert.fail(`code block at line ${f.line} does not compile:\n${e.stderr}`),
        );
      }
    });
  }

  for (const entry of index) {
    it(`${entry.file}: its runnable examples print what the chapter says they print`, async () => {
      const fences = docs.get(entry.id)!.doc.fences;
      const runs = fences.filter((f) => /^rust run=\w+$/.test(f.info));
      for (const f of runs) {
        const name = f.info.slice('rust run='.length);
        const expected = fences.find((o) => o.info === `text output=${name}`);
        assert.ok(expected, `${entry.file}: no \`text output=${name}\` block for the example at line ${f.line}`);
        const file = join(dir, `${name}.rs`);
        const exe = join(dir, name);
        writeFileSync(file, f.code);
        await run('rustc', ['--edition=2021', '-o', exe, file]).catch((e: { stderr?: string }) => assert.fail(`example ${name} does not compile:\n${e.stderr}`));
        const { stdout } = await run(exe, []);
        assert.equal(stdout.trimEnd(), expected.code.trimEnd(), `${entry.file}: ${name} printed something else`);
      }
      if (entry.id === 'companion') assert.equal(runs.length, 6, 'the six companion examples');
    });
  }

  // The measured numbers, kept in a file so the panel's tests can compare the engine with rustc
  // for every placeholder. Regenerate with UPDATE_GUIDE_VALUES=1 after editing a chapter.
  it(`${VALUES_FILE} matches what rustc prints on this host`, async function () {
    const { stdout } = await run('rustc', ['-vV']);
    const host = /^host: (.+)$/m.exec(stdout)?.[1];
    const release = /^release: (.+)$/m.exec(stdout)?.[1];
    if (host !== VALUES_TARGET) this.skip();
    assert.equal(values.size, index.length, 'the per-chapter rustc checks must run first');
    const chapters: Record<string, Record<string, number | { size: number; align: number }>> = {};
    for (const entry of index) {
      const got = values.get(entry.id)!;
      chapters[entry.id] = {};
      for (const p of docs.get(entry.id)!.doc.placeholders) {
        const [a, b] = got.get(p.raw)!.split('/').map(Number);
        chapters[entry.id][p.raw] = p.kind === 'layout' ? { size: a, align: b } : a;
      }
    }
    const fresh = { target: VALUES_TARGET, rustc: release, chapters };
    const path = join(repoRoot(), 'test', 'unit', VALUES_FILE);
    if (process.env.UPDATE_GUIDE_VALUES === '1') writeFileSync(path, JSON.stringify(fresh, null, 2) + '\n');
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    assert.deepEqual(stored.chapters, fresh.chapters, `${VALUES_FILE} is stale: rerun with UPDATE_GUIDE_VALUES=1`);
  });
});
