/**
 * Reports carried over between versions (src/incremental/documentModel.ts) must equal reports
 * computed from scratch, for every edit: a differential test over seeded one-character edits,
 * half of them in comments (carried over), half anywhere (often recomputed).
 */
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { buildDocumentAnalysis, layoutSignature, reuseAnalysis, sameLayoutModel, type DocumentAnalysis } from '../../src/incremental/documentModel';
import type { Report } from '../../src/core/reportTypes';
import { heapOfTy } from '../../src/core/heap/owned';
import { hoverAt } from '../../src/features/hoverModel';
import { documentInstances } from '../../src/features/instancesModel';

import { generateRustFile } from '../bench/editor';
import { DocumentTrees } from '../../src/incremental/documents';
import type { Derivation } from '../../src/incremental/extraction';
import type { SourceFile } from '../../src/core/model';
import { editSession, rng, tracking, wasmDir, type TextEdit } from './parseHelpers';

/** Every parse to the end: these tests compare carried-over reports with fresh ones, not the editor's parse budget (a loaded machine gave one side up). */
const UNBUDGETED = { budgetMs: Infinity } as const;

/** Every report with its fields' positions placed (carried-over reports move shallowly). */
function placedReports(a: DocumentAnalysis): Report {
  const r = a.report;
  return { ...r, types: r.types.map((t) => a.placedReport(t)) };
}

/**
 * A document edited through DocumentTrees, each version analysed with the previous one carried
 * over (what src/features/reports.ts does for an open document).
 */
class EditedDocument {
  private version = 1;
  current!: DocumentAnalysis;
  /** Versions analysed with the previous version's crate scope and engine (reuseAnalysis). */
  reusedAnalyses = 0;

  private constructor(
    private readonly analyzer: Analyzer,
    readonly trees: DocumentTrees,
    readonly uri: string,
    public text: string,
  ) {}

  static async open(analyzer: Analyzer, uri: string, text: string): Promise<EditedDocument> {
    const d = new EditedDocument(analyzer, new DocumentTrees(tracking(await analyzer.parser(), () => Infinity).parser), uri, text);
    d.current = await d.analyse(d.trees.get(d.doc()).file());
    void d.current.report;
    return d;
  }

  /** Replaces [start, end) with `insert`: the new version's analysis. */
  async edit(start: number, end: number, insert: string): Promise<DocumentAnalysis> {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.version++;
    const parsed = this.trees.update(this.doc(), [{ rangeOffset: start, rangeLength: end - start, text: insert }]);
    this.current = await this.analyse(parsed.file(), this.current, parsed.derivation());
    return this.current;
  }

  /** The current text analysed from scratch: a full parse, nothing carried over. */
  async fresh(): Promise<DocumentAnalysis> {
    return this.analyse(await this.analyzer.parseFile(this.uri, this.text, UNBUDGETED));
  }

  private doc() {
    const text = this.text;
    return { uri: this.uri, version: this.version, getText: () => text };
  }

  /** As src/features/reports.ts does for a document alone: the previous analysis reused when the layout model is the same. */
  private async analyse(sf: SourceFile, prev?: DocumentAnalysis, derivation?: Derivation): Promise<DocumentAnalysis> {
    const { uri, version, text } = this;
    const carry = prev?.carryOver();
    const reused = reuseAnalysis(sf, { path: uri, text, target: 'x86_64-unknown-linux-gnu', derivation }, carry);
    if (reused) {
      this.reusedAnalyses++;
      assert.equal(reused.crate, prev!.analysis.crate, 'the previous crate scope');
      assert.equal(reused.engine, prev!.analysis.engine, 'the previous engine');
    }
    const analysis = reused ?? (await this.analyzer.analyze(singleFileProgram(sf, text)));
    return buildDocumentAnalysis(analysis, sf, { uri, version, path: uri, text, derivation }, carry);
  }
}

describe('report carry-over between document versions', function () {
  this.timeout(120_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('equals a fresh computation after every one-character edit', async () => {
    const rand = rng(Number(process.env.RLL_SEED ?? 7));
    let text = generateRustFile(12 * 1024);
    const path = '/virtual/lib.rs';
    const build = async (t: string, prev?: DocumentAnalysis) => {
      const sf = await analyzer.parseFile(path, t, UNBUDGETED);
      const a = await analyzer.analyze(singleFileProgram(sf, t));
      return buildDocumentAnalysis(a, sf, { uri: path, version: 0, path, text: t }, prev?.carryOver());
    };
    let prev = await build(text);
    void prev.report;
    let reused = 0;
    let recomputed = 0;
    const alphabet = 'abu8 6:,;{}<>()[]/\n';
    for (let i = 0; i < 150; i++) {
      let at: number;
      if (i % 2 === 0) {
        const notes = [...text.matchAll(/\/\/ note|\/\/\/ Field/g)];
        at = notes[Math.floor(rand() * notes.length)]!.index + 4;
      } else at = Math.floor(rand() * text.length);
      const op = rand();
      const ch = alphabet[Math.floor(rand() * alphabet.length)]!;
      text = op < 0.4 ? text.slice(0, at) + ch + text.slice(at) : op < 0.7 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + ch + text.slice(at + 1);
      const next = await build(text, prev);
      const fresh = await build(text);
      assert.deepEqual(placedReports(next), fresh.report, `edit ${i} at ${at}`);
      assert.equal(sameLayoutModel(prev.file, next.file), layoutSignature(prev.file) === layoutSignature(next.file), `edit ${i}`);
      if (next.reused) reused++;
      else recomputed++;
      prev = next;
    }
    assert.ok(reused > 20, `only ${reused} versions carried reports over`);
    assert.ok(recomputed > 10, `only ${recomputed} versions recomputed`);
  });
});

describe('report carry-over in a document with macro calls', function () {
  this.timeout(120_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('carries reports over an edit above a call (its expansion moves, unchanged), and equals a fresh computation', async () => {
    const rand = rng(Number(process.env.RLL_SEED ?? 13));
    const path = '/virtual/macros.rs';
    const parser = await analyzer.parser();
    const target = analyzer.resolveTarget('x86_64-unknown-linux-gnu');
    const parse = (p: string, t: string) => analyzer.parseWith(parser, p, t, UNBUDGETED);
    // As src/features/reports.ts analyses a document alone: its macro calls expanded.
    const build = async (t: string, prev?: DocumentAnalysis) => {
      const sf = parse(path, t);
      const a = await analyzer.analyze(singleFileProgram(sf, t, { target, parse }));
      return buildDocumentAnalysis(a, sf, { uri: path, version: 0, path, text: t }, prev?.carryOver());
    };
    let text =
      generateRustFile(8 * 1024) +
      '\nmacro_rules! pair { ($n:ident, $t:ty) => { pub struct $n { a: $t, b: u8 } }; }\n' +
      '// the calls\npair!(PairA, u32);\npair!(PairB, u64);\npub struct UsesPairs { a: PairA, b: Option<PairB>, c: T1, v: Vec<PairB> }\n';
    // The heap line of a hover: PairB's size counts (through the Vec) though no report refers to it.
    const heap = (d: DocumentAnalysis, count: { n: number }) => {
      const e = d.types.find((t) => t.shallow.name === 'UsesPairs')!;
      return d.typeNote(e, () => {
        count.n++;
        return heapOfTy(d.analysis.engine, { k: 'adt', def: { item: e.item, m: e.m }, args: [] });
      });
    };
    const noteCount = { n: 0 };
    let prev = await build(text);
    void prev.report;
    heap(prev, noteCount);
    let reused = 0;
    let recomputed = 0;
    for (let i = 0; i < 60; i++) {
      // Mostly in comments above the calls (their expansions' names move), sometimes in a call.
      const calls = [...text.matchAll(/pair!\(Pair[AB], u(8|16|32|64)\)/g)];
      const notes = [...text.matchAll(/\/\/ note|\/\/\/ Field/g)];
      if (i % 5 === 4) {
        const m = calls[Math.floor(rand() * calls.length)]!;
        const width = m[1]!;
        const at = m.index + m[0].length - 1 - width.length;
        text = text.slice(0, at) + (width === '64' ? '16' : '64') + text.slice(at + width.length);
      } else {
        const at = notes[Math.floor(rand() * notes.length)]!.index + 4;
        text = text.slice(0, at) + 'x' + text.slice(at);
      }
      const next = await build(text, prev);
      const fresh = await build(text);
      assert.deepEqual(placedReports(next), fresh.report, `edit ${i}`);
      assert.deepEqual(heap(next, noteCount), heap(fresh, { n: 0 }), `edit ${i}: the heap note`);
      if (next.reused) reused++;
      else recomputed++;
      prev = next;
    }
    assert.ok(reused >= 30, `only ${reused} versions carried reports over`);
    assert.ok(recomputed >= 8, `only ${recomputed} versions recomputed`);
    assert.ok(noteCount.n <= recomputed + 2, `the heap note was computed ${noteCount.n} times for ${recomputed} versions whose layouts may have changed`);
  });
});

describe('report carry-over with incremental models (item-level reuse)', function () {
  this.timeout(120_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('equals a fresh computation after every edit, carrying over what no change reaches', async () => {
    const rand = rng(Number(process.env.RLL_SEED ?? 11));
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
    // Dependency chains (T5 → T1 …, enums → structs), plus constants and aliases they go through.
    const d = await EditedDocument.open(
      analyzer,
      '/virtual/inc.rs',
      generateRustFile(16 * 1024) +
        '\nconst N0: usize = 4;\nconst N1: usize = N0 * 2;\npub struct Arr { a: [u8; N1], b: T2 }\n' +
        'type Al = T6;\npub struct UsesAl { x: Al, y: Option<Arr> }\npub enum Deep { A(UsesAl), B(E3) }\n',
    );
    const text = () => d.text;
    const edits: (() => TextEdit | undefined)[] = [
      () => {
        const m = pick([...text().matchAll(/: (u16|u32|u8|u64)\b/g)]);
        return m && [m.index + 2, m.index + m[0].length, pick(['u8', 'u16', 'u32', 'u64', 'char'])!];
      },
      () => {
        const m = pick([...text().matchAll(/(Field|Struct|Enum) (\d+)/g)]);
        return m && [m.index + m[0].length - 1, m.index + m[0].length, String(Math.floor(rand() * 10))];
      },
      () => {
        const m = pick([...text().matchAll(/const N0: usize = (\d+)/g)]);
        return m && [m.index + m[0].length - m[1]!.length, m.index + m[0].length, String(Math.floor(rand() * 9))];
      },
      () => {
        const m = pick([...text().matchAll(/type Al = T(\d+)/g)]);
        return m && [m.index + 10, m.index + m[0].length, `T${pick([1, 2, 5, 6, 9, 10, 13, 14])}`];
      },
      () => {
        const m = pick([...text().matchAll(/^pub struct /gm)]);
        return m && [m.index, m.index, pick(['#[repr(C)]\n', '/// doc\n', '// c\n', '\n'])!];
      },
      () => {
        const m = pick([...text().matchAll(/ {4}\/\/\/ Field \d\.\n {4}pub f\d: [^\n]*\n/g)]);
        return m && [m.index, m.index + m[0].length, ''];
      },
      () => {
        const m = pick([...text().matchAll(/pub (struct|enum) (T|E)\d+/g)]);
        return m && [m.index + m[0].length, m.index + m[0].length, 'x'];
      },
      () => {
        const at = Math.floor(rand() * text().length);
        return [at, at, pick(['{', '}', ';', 'x', '/*', ','])!];
      },
    ];
    let carried = 0;
    let fieldEditsCarried = 0;
    let known = 0;
    for (const { step, kind: k, edit: e } of editSession(rand, edits, [6, 4, 2, 2, 2, 2, 1, 1], 160, text)) {
      const next = await d.edit(e[0], e[1], e[2]);
      const fresh = await d.fresh();
      assert.deepEqual(placedReports(next), fresh.report, `step ${step}, edit kind ${k}`);
      if (k === 2) known += next.report.types.filter((t) => ['Arr', 'UsesAl', 'Deep', 'Top'].includes(t.name) && t.size !== null).length;
      if (next.reused) {
        carried++;
        if (k === 0) fieldEditsCarried++;
      }
    }
    assert.ok(carried >= 80, `only ${carried} versions carried reports over`);
    assert.ok(known >= 20, `the types behind constants and aliases were computed only ${known} times after a constant's edit`);
    assert.ok(fieldEditsCarried >= 20, `only ${fieldEditsCarried} field type edits carried reports over`);
    assert.ok(d.reusedAnalyses >= 20, `the previous crate scope and engine served only ${d.reusedAnalyses} versions`);
    d.trees.dispose();
  });
});

describe('report carry-over when each version is asked for one type, as hovers ask', function () {
  this.timeout(120_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('equals a fresh computation for the type asked, and for its heap line, after every edit', async () => {
    const rand = rng(Number(process.env.RLL_SEED ?? 17));
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
    const d = await EditedDocument.open(
      analyzer,
      '/virtual/hover.rs',
      generateRustFile(12 * 1024) +
        '\npub type Le = u32;\npub struct Head { sig: Le, inner: T1 }\npub struct Opt { a: [u8; 3], b: T2 }\n' +
        '/// Headers.\npub struct Headers { sig: Le, head: Head, opt: Opt }\npub struct Holder { h: Headers, v: Vec<Head>, o: Option<Box<Opt>> }\n',
    );
    const text = () => d.text;
    const edits: (() => TextEdit | undefined)[] = [
      // In a comment or a doc comment (nothing changes but positions).
      () => {
        const m = pick([...text().matchAll(/\/\/ note|\/\/\/ Field|\/\/\/ Headers/g)]);
        return m && [m.index + 4, m.index + 4, 'x'];
      },
      // A field type of one of the chain's types.
      () => {
        const m = pick([...text().matchAll(/(sig|a|inner): (Le|u16|u64|\[u8; \d\]|T1|T5)/g)]);
        return m && [m.index + m[1]!.length + 2, m.index + m[0].length, pick(['Le', 'u16', 'u64', '[u8; 5]', 'T1', 'T5'])!];
      },
      () => {
        const m = pick([...text().matchAll(/: (u16|u32|u8|u64)\b/g)]);
        return m && [m.index + 2, m.index + m[0].length, pick(['u8', 'u16', 'u32', 'u64'])!];
      },
    ];
    const names = ['Headers', 'Holder', 'Head', 'Opt', 'T1', 'T2', 'E3'];
    let carried = 0;
    for (const { step, edit: e } of editSession(rand, edits, [6, 2, 1], 200, text)) {
      const next = await d.edit(e[0], e[1], e[2]);
      // One type per version, as a hover asks: its report, then its heap line.
      const name = pick(names)!;
      const entry = next.types.find((t) => t.shallow.name === name);
      const fresh = await d.fresh();
      const want = fresh.types.find((t) => t.shallow.name === name);
      assert.equal(entry === undefined, want === undefined, `step ${step}: ${name}`);
      if (!entry || !want) continue;
      assert.deepEqual(entry.placed, want.report, `step ${step}: the report of ${name}`);
      const heap = (a: DocumentAnalysis, t: typeof entry) => a.typeNote(t, () => heapOfTy(a.analysis.engine, { k: 'adt', def: { item: t.item, m: t.m }, args: [] }, { maxLocalTypes: 8 }));
      assert.deepEqual(heap(next, entry), heap(fresh, want), `step ${step}: the heap line of ${name}`);
      if (next.reused) carried++;
    }
    assert.ok(carried >= 50, `only ${carried} versions carried reports over`);
    d.trees.dispose();
  });

  it("hovers type aliases, constants and statics, and lists the instances they hold, as a fresh computation does after every edit", async () => {
    const rand = rng(Number(process.env.RLL_SEED ?? 23));
    const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rand() * xs.length)];
    const d = await EditedDocument.open(
      analyzer,
      '/virtual/aliases.rs',
      '// note\npub struct W<T> { a: T, b: u8 }\npub struct Plain { x: u32 }\npub type Small = W<u16>;\n// note\n' +
        'pub const C: Option<W<u32>> = None;\npub static S: [W<u8>; 3] = [W { a: 0, b: 0 }; 3];\npub static mut SM: u16 = 0;\n' +
        'mod inner {\n    // note\n    pub type Deep = super::W<Vec<u64>>;\n}\npub type R<T> = Result<T, Plain>;\n',
    );
    const text = () => d.text;
    const edits: (() => TextEdit | undefined)[] = [
      () => {
        const m = pick([...text().matchAll(/\/\/ note/g)]);
        const insert = pick(['x', '\n', ' '])!;
        // A line break goes in front of the comment (inside it, it would end it).
        return m && (insert === '\n' ? [m.index, m.index, insert] : [m.index + 3, m.index + 3, insert]);
      },
      () => {
        const m = pick([...text().matchAll(/W<(u16|u32|u8|u64|i8)>/g)]);
        return m && [m.index + 2, m.index + 2 + m[1]!.length, pick(['u16', 'u32', 'u8', 'u64', 'i8'])!];
      },
      () => {
        const m = pick([...text().matchAll(/x: (u32|u8|u64)/g)]);
        return m && [m.index + 3, m.index + m[0].length, pick(['u32', 'u8', 'u64'])!];
      },
    ];
    const probes = (t: string): number[] =>
      [/type (Small)/, /const (C)/, /static (S)/, /type (Deep)/, /type (R)/, /Option<W<(\w+)>>/, /\[W<(\w+)>/, /W<(Vec)</, /Result<T, (Plain)>/].map((re) => {
        const m = re.exec(t)!;
        return m.index + m[0].indexOf(m[1]!);
      });
    for (const { step, edit: e } of editSession(rand, edits, [3, 2, 1], 60, text)) {
      const next = await d.edit(e[0], e[1], e[2]);
      const fresh = await d.fresh();
      for (const offset of probes(d.text)) assert.deepEqual(hoverAt(next, offset), hoverAt(fresh, offset), `step ${step}: the hover at ${offset}`);
      const w = (a: DocumentAnalysis) => documentInstances(a)[a.types.findIndex((t) => t.shallow.name === 'W')];
      assert.deepEqual(w(next), w(fresh), `step ${step}: W's instances`);
    }
    // The last version's hovers, as rustc lays the types out (checked by hand for these types).
    const now = d.current;
    const small = hoverAt(now, probes(d.text)[0]!)!;
    assert.equal(d.text.slice(small.span.start, small.span.end), 'Small');
    assert.match(small.markdown, /^`type Small = W<(u16|u32|u8|u64|i8)>` — size \d+ · align \d+/);
    assert.match(hoverAt(now, probes(d.text)[1]!)!.markdown, /^`const C: Option<W<\w+>>` — size \d+ · align \d+/);
    assert.match(hoverAt(now, probes(d.text)[1]!)!.markdown, /%22section%22%3A%22option%22/, "an Option's guide link");
    assert.match(hoverAt(now, probes(d.text)[3]!)!.markdown, /^`type Deep = super::W<Vec<u64>>` — size 32 · align 8/);
    assert.match(hoverAt(now, probes(d.text)[2]!)!.markdown, /^`static S: \[W<\w+>; 3\]` — size \d+ · align \d+/);
    assert.match(hoverAt(now, d.text.indexOf('SM:'))!.markdown, /^`static mut SM: u16` — size 2 · align 2/);
    assert.match(hoverAt(now, probes(d.text)[4]!)!.markdown, /^`type R = Result<T, Plain>` — unknown: generic/);
    assert.match(hoverAt(now, probes(d.text)[7]!)!.markdown, /^`Vec<u64>` — size 24 · align 8/);
    assert.deepEqual(documentInstances(now)[now.types.findIndex((t) => t.shallow.name === 'W')]?.map((i) => i.in), ['Small', 'C', 'S', 'inner::Deep']);
    d.trees.dispose();
  });

  it('keeps all of a type\'s references when a version met only some (a pointer to it checks its last field alone)', async () => {
    const text = 'pub struct Head { a: u32 }\npub struct Tail { b: u8 }\npub struct Headers { head: Head, tail: Tail }\npub struct Ptr { p: Box<Headers>, x: u8 }\n';
    const d = await EditedDocument.open(analyzer, '/virtual/refs.rs', text);
    const size = (a: DocumentAnalysis, name: string) => a.types.find((t) => t.shallow.name === name)!.report.size;
    // Only Ptr changes: its report is made again, and a Box<Headers> asks whether Headers is
    // sized, which reads Headers' last field (Tail) alone. Headers' report is carried over.
    let at = d.text.indexOf('x: u8') + 3;
    const v2 = await d.edit(at, at + 2, 'u16');
    assert.equal(size(v2, 'Ptr'), 16);
    void v2.report; // every type's, as the CodeLens ask
    assert.ok(v2.reused, 'the reports of the other types were carried over');
    // Head grows: Headers, which holds it, must be laid out again.
    at = d.text.indexOf('a: u32') + 3;
    const v3 = await d.edit(at, at + 3, 'u64');
    assert.equal(size(v3, 'Headers'), 16, 'Headers carried over with the size it had before Head grew');
    assert.equal(size(await d.fresh(), 'Headers'), 16);
    d.trees.dispose();
  });
});

describe('document versions in memory', function () {
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('keeps only the current version alive: models, reports and texts do not accumulate', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const d = await EditedDocument.open(analyzer, '/virtual/mem.rs', generateRustFile(100 * 1024));
    // Keystrokes in doc comments and field types, alternately (re-extracted items, recomputed reports).
    const docSites = [...d.text.matchAll(/Field (\d)\./g)].map((m) => m.index + 6);
    const typeSites = [...d.text.matchAll(/: u(16|32), \/\/ note/g)].map((m) => m.index + 3);
    const keystroke = async (i: number) => {
      if (i % 2 === 0) {
        const at = docSites[(i * 7) % docSites.length]!;
        await d.edit(at, at + 1, String((Number(d.text[at]) + 1) % 10));
      } else {
        const at = typeSites[(i * 11) % typeSites.length]!;
        await d.edit(at, at + 2, d.text.slice(at, at + 2) === '16' ? '32' : '16');
      }
      void d.current.report;
    };
    for (let i = 0; i < 20; i++) await keystroke(i); // warm caches
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 20; i < 140; i++) await keystroke(i);
    // Measured in the same job as the edits, without yielding: nothing may rely on the job ending.
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    assert.equal(d.trees.stats.extractIncremental, 140, 'every model was derived from the one before');
    assert.ok(d.current.reused && d.current.report.types.length > 100);
    // One copy of a 100 KB text is 100-200 KB; chained versions or pinned texts grow by that per edit.
    assert.ok(grown < 4 * 1024 * 1024, `the heap grew by ${(grown / 1048576).toFixed(1)} MB over 120 edits`);
    d.trees.dispose();
  });

  it('lets each version die young: nothing long-lived points at a version once it is replaced', async () => {
    // A minor collection keeps whatever an old object points at, live or not (a getter closure
    // reached from a shared hidden class, a web-tree-sitter tree after its delete()...):
    // a replaced version reached that way is copied and promoted instead of freed, and keystrokes
    // pay for copying it. With a minor collection after each keystroke and no major one, what the
    // old generation gains per keystroke is what outlived two minor collections.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (o?: { type: 'minor' | 'major' }) => void;
    const d = await EditedDocument.open(analyzer, '/virtual/young.rs', generateRustFile(100 * 1024));
    const sites = [...d.text.matchAll(/Field (\d)\./g)].map((m) => m.index + 6);
    const keystroke = async (i: number) => {
      const at = sites[(i * 7919) % sites.length]!;
      await d.edit(at, at + 1, String((Number(d.text[at]) + 1) % 10));
      void d.current.report;
      gc({ type: 'minor' });
    };
    const old = () => v8.getHeapSpaceStatistics().reduce((n, s) => (s.space_name.startsWith('new') ? n : n + s.space_used_size), 0);
    for (let i = 0; i < 10; i++) await keystroke(i);
    gc({ type: 'major' });
    const before = old();
    const n = 60;
    for (let i = 10; i < 10 + n; i++) await keystroke(i);
    const perKeystroke = (old() - before) / n;
    assert.ok(d.reusedAnalyses >= n, 'the keystrokes reused the previous analysis');
    // Measured: 6-10 KB. A version's text alone is 100 KB, its items and reports as much again.
    assert.ok(perKeystroke < 40 * 1024, `each keystroke left ${(perKeystroke / 1024).toFixed(0)} KB in the old generation`);
    d.trees.dispose();
  });
});
