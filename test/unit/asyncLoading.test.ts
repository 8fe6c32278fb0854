/**
 * Reading crates off the main thread (the editor's way): with asynchronous ParsedFiles, files
 * are parsed in the parse worker (dist/parseWorker.js); a walk that meets a file not parsed yet
 * leaves its module `pending`, and a dependency whose files are not all in is "being read"
 * (types reaching it say so, no number) until its files are in and `onRead` is called; then the
 * same analysis gives the synchronous numbers.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { ParsedFiles } from '../../src/analysis/parsedFiles';
import { Project } from '../../src/analysis/project';
import { CargoGraph } from '../../src/cargo/graph';
import { memoryFs } from '../../src/cargo/fs';
import { getTarget } from '../../src/core/targets';
import { WorkerParser } from '../../src/platform/workerParser';

const DIST = join(__dirname, '../../../dist');
const x86 = getTarget('x86_64-unknown-linux-gnu')!;

const FILES: Record<string, string> = {
  '/w/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\ndep = { path = "../dep" }\n',
  '/w/app/src/lib.rs': 'mod local;\npub struct Holder { d: dep::inner::Big, l: local::L, x: u8 }\npub struct Alone(u16);\n',
  '/w/app/src/local.rs': 'pub struct L(pub u32);\n',
  '/w/dep/Cargo.toml': '[package]\nname = "dep"\nversion = "0.3.0"\nedition = "2021"\n',
  '/w/dep/src/lib.rs': 'pub mod inner;\n',
  '/w/dep/src/inner.rs': 'pub struct Big { a: u64, b: [u8; 3] }\n',
};

describe('reading crates off the main thread (parse worker)', function () {
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir: DIST });
  const worker = new WorkerParser(join(DIST, 'parseWorker.js'), DIST);
  after(() => {
    worker.dispose();
    analyzer.dispose();
  });

  it('first says what is being read, then gives the numbers once the worker has parsed the files', async () => {
    const fs = memoryFs(FILES);
    const files = new ParsedFiles(undefined, (p, t) => worker.parse(p, t));
    let reads = 0;
    const project = new Project(new CargoGraph(fs, x86, '/w/app'), fs, files.parse, x86, files, () => reads++);
    const analyse = async () => {
      const c = project.loadCrate(project.graph.root, '/w/app/src/lib.rs', false);
      const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
      return { pending: c.pending, reports: new Map(a.reports().map((r) => [r.name, r])) };
    };
    // Each walk finds what the files parsed since name (mod files, the dependency): a few rounds.
    const seen: string[] = [];
    let last = await analyse();
    for (let round = 0; round < 8; round++) {
      const h = last.reports.get('Holder');
      seen.push(h?.size != null ? `${h.size}/${h.align}` : (h?.unknown ?? 'absent'));
      if (last.pending === 0 && h?.size != null) break;
      await files.fetch();
      await new Promise((r) => setImmediate(r));
      last = await analyse();
    }
    assert.ok(seen.some((x) => /`dep` 0\.3\.0 is being read/.test(x)), seen.join('\n'));
    assert.ok(seen.every((x) => x === '24/8' || !/^\d/.test(x)), `a number before every file was in: ${seen.join(', ')}`);
    assert.equal(seen[seen.length - 1], '24/8', seen.join('\n'));
    assert.equal(last.reports.get('Alone')!.size, 2);
    assert.equal(reads, 1, 'onRead was called once the dependency was in');
    assert.ok(seen.length <= 5, `${seen.length} rounds`);
  });
});
