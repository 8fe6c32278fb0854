/**
 * A document inside a crate, edited as the editor does (src/features/reports.ts): its tree
 * updated incrementally, the crate session patched, the document's reports built with the
 * previous version carried over, and only some reports asked for (a hover, then the lenses).
 * Whatever is asked first after an edit must be the new text's number. (It was not: the file
 * shown alone before its crate was read left its items keyed at the crate root, so an edit of
 * `m::Header` did not reach `m::Record`, whose old layout was carried over.)
 */
import assert from 'node:assert/strict';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { ParsedFiles } from '../../src/analysis/parsedFiles';
import { Project } from '../../src/analysis/project';
import { CrateSession } from '../../src/analysis/crateSession';
import { CargoGraph } from '../../src/cargo/graph';
import { memoryFs } from '../../src/cargo/fs';
import { getTarget } from '../../src/core/targets';
import { buildDocumentAnalysis, type DocumentAnalysis } from '../../src/features/documentModel';
import { DocumentTrees } from '../../src/parse/documents';
import { wasmDir } from './parseHelpers';

const x86 = getTarget('x86_64-unknown-linux-gnu')!;

const M = [
  '//! A module of the crate.',
  '',
  '/// The header.',
  'pub struct Header {',
  '    pub kind: u16,',
  '    pub flags: u8,',
  '    pub len: u32,',
  '    pub offset: u64,',
  '}',
  '',
  '/// Holds a header.',
  'pub struct Record {',
  '    pub header: Header,',
  '    pub other: super::Other,',
  '    pub x: u64,',
  '}',
  '',
  'pub struct Unrelated { a: u8 }',
  '',
].join('\n');

describe('a crate document edited in the editor: the first report asked after an edit is the new one', function () {
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());

  it('a field type widened in a type held by another: the holder grows, whichever report is asked first', async () => {
    const files0: Record<string, string> = {
      '/c/Cargo.toml': '[package]\nname = "c"\nversion = "0.1.0"\nedition = "2021"\n',
      '/c/src/lib.rs': 'pub mod m;\npub struct Other(pub u32);\n',
      '/c/src/m.rs': M,
    };
    const parser = await analyzer.parser();
    const texts = new Map(Object.entries(files0));
    const fs = memoryFs(files0);
    const read = (p: string) => texts.get(p);
    const files = new ParsedFiles((p, t) => analyzer.parseWith(parser, p, t, { budgetMs: Infinity }));
    const project = new Project(new CargoGraph(fs, x86, '/c'), fs, files.parse, x86);
    const session = new CrateSession(project, project.graph.root, '/c/src/lib.rs', analyzer, x86.triple, { read, parse: files.parse });
    const trees = new DocumentTrees(parser);
    const path = '/c/src/m.rs';
    let version = 1;
    let text = M;
    const doc = () => {
      const t = text;
      return { uri: path, version, getText: () => t };
    };
    let current: DocumentAnalysis;
    const analyse = async (first: boolean, order: 'record' | 'all'): Promise<Map<string, number | undefined>> => {
      const file = trees.get(doc()).file();
      files.put(path, text, file);
      texts.set(path, text);
      const r = first ? await session.load() : await session.update([{ path, text, file }]);
      const carry = first ? undefined : current.carryOver();
      current = buildDocumentAnalysis(r.analysis, file, { uri: path, version, path, text, crateDir: '/c' }, carry);
      const out = new Map<string, number | undefined>();
      if (order === 'record') {
        const rec = current.types.find((t) => t.item.name === 'Record')!;
        out.set('Record', rec.report.size ?? undefined);
      }
      for (const t of current.types) out.set(t.item.name, t.report.size ?? undefined);
      return out;
    };
    const fresh = async (): Promise<Map<string, number | undefined>> => {
      const c = project.loadCrate(project.graph.root, '/c/src/lib.rs', { read });
      const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
      return new Map(a.reports().filter((r) => r.name.startsWith('m::')).map((r) => [r.name.slice(3), r.size ?? undefined]));
    };
    // Shown alone first, as the editor does while the crate is being read: the same parsed
    // items then sit at the crate root (`Record`), and later in `m` (`m::Record`).
    const alone = await analyzer.analyze(singleFileProgram(trees.get(doc()).file(), text), x86.triple);
    assert.equal(alone.reports().find((r) => r.name === 'Header')?.size, 16);
    const first = await analyse(true, 'all');
    assert.equal(first.get('Header'), 16);
    assert.equal(first.get('Record'), 32);
    const edit = (from: string, to: string) => {
      const at = text.indexOf(from);
      assert.ok(at >= 0, from);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      version++;
      trees.update(doc(), [{ rangeOffset: at, rangeLength: from.length, text: to }]);
    };
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const [from, to] = i % 2 === 0 ? ['kind: u16', 'kind: u32'] : ['kind: u32', 'kind: u16'];
      edit(from, to);
      const got = await analyse(false, i % 3 === 2 ? 'all' : 'record');
      const want = await fresh();
      seen.push(`${to}: Record ${got.get('Record')} (fresh ${want.get('Record')})`);
      assert.deepEqual(Object.fromEntries(got), Object.fromEntries(want), seen.join('\n'));
    }
    assert.equal((await fresh()).get('Record'), 32);
  });
});
