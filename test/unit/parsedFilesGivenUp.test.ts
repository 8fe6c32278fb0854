/**
 * A parse the worker gave up is not a crate file's model (issue 14, "never lose a file").
 *
 * The bench's lost lens (gimli, 1 window in 9: 0 lenses, no diagnostic, never a refresh): the
 * worker gave up the opened file's first parse; the crate's read sent the file to the worker
 * again, and that parse was given up too; meanwhile the main thread parsed the document right
 * (its retry) and put its model into ParsedFiles; then the worker's late given-up answer
 * replaced it. The crate's walk took that empty model: the file had no types in its crate, the
 * document's own model was fine (so no diagnostic), and every file was in (so no refresh).
 * Reproduced in the real extension host with a worker made to give up that file's parses.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { SourceFile } from '../../src/core/model';
import { Analyzer } from '../../src/analysis/analyzer';
import { PENDING_FILE, ParsedFiles } from '../../src/analysis/parsedFiles';
import { Project } from '../../src/analysis/project';
import { CargoGraph } from '../../src/cargo/graph';
import { memoryFs } from '../../src/cargo/fs';
import { getTarget } from '../../src/core/targets';

const DIST = join(__dirname, '../../../dist');
const x86 = getTarget('x86_64-unknown-linux-gnu')!;

const givenUp = (path: string, n = 1): SourceFile => ({
  path,
  items: [],
  problems: [{ message: `tree-sitter gave up on this text (${n})`, span: { start: 0, end: 0 }, code: 'parseAbandoned' }],
  innerAttrs: [],
});

const FILES: Record<string, string> = {
  '/w/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n',
  '/w/app/src/lib.rs': 'pub mod unit;\n',
  '/w/app/src/unit.rs': 'pub struct Unit { a: u64, b: u16 }\npub struct Other(u32);\n',
};
const UNIT = '/w/app/src/unit.rs';

/** A gate: the worker's answer for a file waits until `open()`. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

describe('a parse given up elsewhere is not the file\'s model (the lost lens)', function () {
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir: DIST });
  after(() => analyzer.dispose());

  it("the worker's late given-up answer does not replace the model the main thread put meanwhile", async () => {
    const g = gate();
    const files = new ParsedFiles(undefined, async (p) => {
      await g.wait;
      return givenUp(p);
    });
    const text = FILES[UNIT]!;
    assert.equal(files.parse(UNIT, text), PENDING_FILE, 'noted: the crate is being read');
    const fetched = files.fetch();
    // The open document's own model (parsed on the main thread, put by DocumentReports.noteParse).
    const own: SourceFile = { path: UNIT, items: [], problems: [], innerAttrs: [] };
    files.put(UNIT, text, own);
    g.open();
    await fetched;
    assert.equal(files.get(UNIT, text), own);
    assert.equal(files.parse(UNIT, text), own);
  });

  it("the crate's walk keeps the opened file's types (the bench's window: 0 types in its crate, no diagnostic)", async () => {
    const fs = memoryFs(FILES);
    const p = await analyzer.parser();
    const g = gate();
    // The worker: the opened file's parse is given up, and answered late (a busy worker at a lower priority).
    const files = new ParsedFiles(undefined, async (path, text) => {
      if (path === UNIT) {
        await g.wait;
        return givenUp(path);
      }
      return analyzer.parseWith(p, path, text);
    });
    const project = new Project(new CargoGraph(fs, x86, '/w/app'), fs, files.parse, x86, { files });
    const unitTypes = async () => {
      const c = project.loadCrate(project.graph.root, '/w/app/src/lib.rs');
      const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
      const items: unknown[] = [];
      a.crate.eachTypeItem(UNIT, items as never, []);
      return { pending: c.pending, reached: c.texts.get(UNIT) === FILES[UNIT], types: items.length, unit: a.reports().find((r) => r.name.endsWith('Unit')), names: a.reports().map((r) => r.name) };
    };
    // The crate being read: lib.rs first, then unit.rs is sent to the worker.
    let r = await unitTypes();
    assert.ok(r.pending > 0);
    await files.fetch();
    r = await unitTypes();
    assert.ok(r.pending > 0, 'unit.rs is being read');
    const fetched = files.fetch();
    // The main thread parses the open document right (its retry after the given-up first model).
    files.put(UNIT, FILES[UNIT]!, analyzer.parseWith(p, UNIT, FILES[UNIT]!));
    g.open();
    await fetched;
    r = await unitTypes();
    assert.equal(r.pending, 0, 'every file is in: nothing would make the surfaces ask again');
    assert.ok(r.reached);
    assert.equal(r.types, 2, 'the opened file has its types in its crate');
    assert.equal(r.unit?.size, 16, JSON.stringify(r.names));
  });

  it('a given-up answer is kept only until it is due again: announced once, then forgotten, noted and parsed again', async () => {
    let attempts = 0;
    const good: SourceFile = { path: UNIT, items: [], problems: [], innerAttrs: [] };
    const announced: string[] = [];
    const files = new ParsedFiles(
      undefined,
      async (path) => (++attempts === 1 ? givenUp(path) : good),
      { onGivenUp: (path, text, file) => announced.push(`${path} ${text.length} ${file.problems[0]?.code}`) },
    );
    const text = FILES[UNIT]!;
    assert.equal(files.parse(UNIT, text), PENDING_FILE);
    await files.fetch();
    // Until it is due again, the walks take the given-up model (they move on; nothing is left pending).
    const first = files.parse(UNIT, text);
    assert.equal(first.problems[0]?.code, 'parseAbandoned');
    assert.deepEqual(announced, [`${UNIT} ${text.length} parseAbandoned`]);
    assert.equal(files.forgetGivenUp(() => false), 0, 'not due: kept');
    assert.equal(files.parse(UNIT, text), first);
    assert.equal(files.forgetGivenUp((p, t) => p === UNIT && t === text), 1);
    assert.equal(files.parse(UNIT, text), PENDING_FILE, 'due: read again');
    await files.fetch();
    assert.equal(attempts, 2);
    assert.equal(files.parse(UNIT, text), good);
    assert.equal(files.forgetGivenUp(() => true), 0, 'a model that came out right is never dropped');
    assert.equal(announced.length, 1);
  });
});
