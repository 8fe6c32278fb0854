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
import { Project, firstNeeded } from '../../src/analysis/project';
import { CargoGraph } from '../../src/cargo/graph';
import { type ProjectFs, READS_IN_FLIGHT, memoryFs, readAhead } from '../../src/cargo/fs';
import { getTarget } from '../../src/core/targets';
import { Postponed } from '../../src/core/budget';
import { WorkerParser } from '../../src/platform/workerParser';
import { WORKER_NICE } from '../../src/platform/parseWorker';
import { readFileSync, readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { loadRustParser } from '../../src/parse/parser';
import { extractFile } from '../../src/parse/extract';
import { STD_PATH } from '../../src/core/stdModel';
import { STD_SOURCE } from '../../src/core/stdSource';

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

  it('the worker runs at a lower priority than the main thread (Linux: its own thread alone)', async function () {
    if (process.platform !== 'linux') this.skip();
    const niceOf = (tid: string): number => {
      const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) end at its last ')'; nice is field 19.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const before = niceOf(String(process.pid));
    const atNice = () => readdirSync(`/proc/${process.pid}/task`).filter((tid) => niceOf(tid) === WORKER_NICE).length;
    const already = atNice();
    // An urgent request (the document being opened) is parsed at the thread's first priority…
    await worker.parse('/w/opened.rs', 'pub struct O(u8);', undefined, true);
    assert.equal(atNice(), already, 'not lowered for an urgent request');
    // …the crate's files after it at the lower one.
    await worker.parse('/w/x.rs', 'pub struct X(u8);');
    const nices = readdirSync(`/proc/${process.pid}/task`).map((tid) => ({ tid, nice: niceOf(tid) }));
    assert.ok(nices.some((t) => t.nice === WORKER_NICE), `a thread at nice ${WORKER_NICE}: ${JSON.stringify(nices)}`);
    assert.equal(niceOf(String(process.pid)), before, 'the main thread keeps its priority');
    assert.equal(getPriority(), before);
  });

  it('first says what is being read, then gives the numbers once the worker has parsed the files', async () => {
    const fs = memoryFs(FILES);
    const files = new ParsedFiles(undefined, (p, t) => worker.parse(p, t));
    let reads = 0;
    const project = new Project(new CargoGraph(fs, x86, '/w/app'), fs, files.parse, x86, { files, onRead: () => reads++ });
    const analyse = async () => {
      const c = project.loadCrate(project.graph.root, '/w/app/src/lib.rs');
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

  it('a type written by a dependency\'s macro says the dependency is being read while it is, not "type written by the macro" as if for good (hunt W)', async () => {
    // syn's `Token![mut]` in async-trait: the editor showed `size unknown: type written by the
    // macro Token!` while syn was being read (tens of seconds), a title that looked final.
    const fs = memoryFs({
      '/m/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\nmac = { path = "../mac" }\n',
      '/m/app/src/lib.rs': 'use mac::Tk;\npub struct HasMut(Option<Tk![mut]>);\n',
      '/m/mac/Cargo.toml': '[package]\nname = "mac"\nversion = "0.2.0"\nedition = "2021"\n',
      '/m/mac/src/lib.rs': '#[macro_export]\nmacro_rules! Tk { [mut] => { $crate::Mut }; }\npub struct Mut { pub span: u32 }\n',
    });
    const files = new ParsedFiles(undefined, (p, t) => worker.parse(p, t));
    const project = new Project(new CargoGraph(fs, x86, '/m/app'), fs, files.parse, x86, { files });
    const seen: string[] = [];
    for (let round = 0; round < 10; round++) {
      const c = project.loadCrate(project.graph.root, '/m/app/src/lib.rs');
      const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
      const h = a.reports().find((r) => r.name === 'HasMut');
      seen.push(h?.size != null ? `${h.size}/${h.align}` : (h?.unknown ?? 'absent'));
      if (c.pending === 0 && h?.size != null) break;
      await files.fetch();
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(seen[seen.length - 1], '8/4', seen.join('\n'));
    assert.ok(!seen.some((x) => /type written by the macro/.test(x)), seen.join('\n'));
    assert.ok(seen.some((x) => /`mac` 0\.2\.0 is being read/.test(x)), seen.join('\n'));
  });

  it('a type from a glob import of a dependency says the dependency is being read while it is, not "not found" (hunt W)', async () => {
    // bindgen's `use clang_sys::*;` then `CXCursor`: the editor showed `unknown type CXCursor (not
    // found; may come from a glob import of an external crate)` while clang-sys was being read.
    const fs = memoryFs({
      '/g/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\nffi = { path = "../ffi" }\n',
      '/g/app/src/lib.rs': 'use ffi::*;\npub struct Cursor { c: CXCursor, t: u8 }\n',
      '/g/ffi/Cargo.toml': '[package]\nname = "ffi"\nversion = "1.3.0"\nedition = "2021"\n',
      '/g/ffi/src/lib.rs': '#[repr(C)]\npub struct CXCursor { pub kind: u32, pub data: [usize; 3] }\n',
    });
    const files = new ParsedFiles(undefined, (p, t) => worker.parse(p, t));
    const project = new Project(new CargoGraph(fs, x86, '/g/app'), fs, files.parse, x86, { files });
    const seen: string[] = [];
    for (let round = 0; round < 10; round++) {
      const c = project.loadCrate(project.graph.root, '/g/app/src/lib.rs');
      const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
      const h = a.reports().find((r) => r.name === 'Cursor');
      seen.push(h?.size != null ? `${h.size}/${h.align}` : (h?.unknown ?? 'absent'));
      if (c.pending === 0 && h?.size != null) break;
      await files.fetch();
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(seen[seen.length - 1], '40/8', seen.join('\n'));
    assert.ok(!seen.some((x) => /not found/.test(x)), seen.join('\n'));
    assert.ok(seen.some((x) => /`ffi` 1\.3\.0 is being read/.test(x)), seen.join('\n'));
  });

  it('a dependency whose read is put off to a later turn (the budget spent) is read again, not kept as "could not be read" (hunt W)', async () => {
    // h2 in the editor: `unknown type Bytes: bytes 1.2.1 could not be read: postponed to a later
    // turn` on 8 types, for good, where the command line gives 280 B.
    const fs = memoryFs(FILES);
    const files = new ParsedFiles(undefined, (p, t) => worker.parse(p, t));
    const graph = new CargoGraph(fs, x86, '/w/app');
    const deps = graph.deps.bind(graph);
    let thrown = 0;
    graph.deps = (n) => {
      if (n.name === 'dep' && thrown === 0) {
        thrown++;
        throw new Postponed();
      }
      return deps(n);
    };
    const project = new Project(graph, fs, files.parse, x86, { files });
    const seen: string[] = [];
    for (let round = 0; round < 12; round++) {
      const c = project.loadCrate(project.graph.root, '/w/app/src/lib.rs');
      const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
      const h = a.reports().find((r) => r.name === 'Holder');
      seen.push(h?.size != null ? `${h.size}/${h.align}` : (h?.unknown ?? 'absent'));
      if (c.pending === 0 && h?.size != null) break;
      await files.fetch();
      await new Promise((r) => setTimeout(r, 5));
    }
    assert.equal(thrown, 1, 'the read was put off once');
    assert.equal(seen[seen.length - 1], '24/8', seen.join('\n'));
  });

  it("with a file system that reads off the main thread (the editor's on Node), a dependency's files are read that way, and the numbers are the same", async () => {
    const mem = memoryFs(FILES);
    const asyncReads: string[] = [];
    const later = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 1));
    const fs: ProjectFs = {
      ...mem,
      readFileAsync: (p) => {
        asyncReads.push(p);
        return later(mem.readFile(p));
      },
      readDirAsync: (p) => later(mem.readDir(p)),
    };
    const files = new ParsedFiles(undefined, (p, t) => worker.parse(p, t));
    let reads = 0;
    const project = new Project(new CargoGraph(fs, x86, '/w/app'), fs, files.parse, x86, { files, onRead: () => reads++ });
    let size: number | null | undefined;
    for (let round = 0; round < 12 && size == null; round++) {
      const c = project.loadCrate(project.graph.root, '/w/app/src/lib.rs');
      const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
      size = a.reports().find((r) => r.name === 'Holder')?.size;
      await files.fetch();
      await new Promise((r) => setTimeout(r, 5));
    }
    assert.equal(size, 24);
    assert.equal(reads, 1);
    assert.deepEqual(asyncReads.sort(), ['/w/dep/src/inner.rs', '/w/dep/src/lib.rs']);
    assert.deepEqual(await project.sourceFilesAsync('/w/dep/src/lib.rs'), project.sourceFiles('/w/dep/src/lib.rs'));
  });

  it(`readAhead: every file once, at most ${READS_IN_FLIGHT} reads in flight, a turn given up past its slice, and it stops when asked`, async () => {
    const paths = Array.from({ length: 50 }, (_, i) => `/f${i}.rs`);
    let inFlight = 0;
    let most = 0;
    const fs: ProjectFs = {
      ...memoryFs({}),
      readFileAsync: async (p) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 1 + (p.length % 3)));
        inFlight--;
        return p === '/f7.rs' ? undefined : `// ${p}`;
      },
    };
    const got: string[] = [];
    await readAhead(fs, paths, (p, t) => got.push(`${p} ${t}`));
    assert.equal(got.length, 49);
    assert.deepEqual(new Set(got).size, 49);
    assert.ok(!got.some((g) => g.startsWith('/f7.rs ')), 'a file that cannot be read is left out');
    assert.ok(most <= READS_IN_FLIGHT && most > 1, `${most} in flight at most`);
    // Reads that complete together are handled in one turn: past the slice, a lane waits for a turn.
    let turns = 0;
    const all: string[] = [];
    await readAhead(fs, paths, (p) => all.push(p), undefined, async () => {
      turns++;
      await new Promise((r) => setImmediate(r));
    }, 0);
    assert.equal(all.length, 49);
    assert.ok(turns >= 49, `${turns} turns given up with a slice of 0 ms`);
    const some: string[] = [];
    await readAhead(fs, paths, (p) => some.push(p), () => some.length >= 10);
    assert.ok(some.length >= 10 && some.length < 10 + READS_IN_FLIGHT, `${some.length} read after the stop`);
  });

  it('a file shown before its crate is read (detached): its own types exact, what it takes from the rest of the crate "still being read", never the file itself', async () => {
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n[features]\ndefault = ["wide"]\nwide = []\n',
      '/w/app/src/lib.rs': 'pub mod a;\npub mod c;\npub struct Shared(u8);\n',
      // `crate::Shared` is lib.rs's 1-byte type, not this file's 8-byte one; `super::Shared` too.
      '/w/app/src/a.rs': [
        'mod b;',
        'pub struct Shared(u64);',
        'pub struct Own { x: u8, y: u32 }',
        'pub struct ViaCrate { s: crate::Shared }',
        'pub struct ViaSuper { s: super::Shared }',
        'pub struct ViaSelf { s: self::Shared }',
        'use crate::Shared as Imported;',
        'pub struct ViaUse { s: Imported }',
        'pub struct ViaMod { s: b::B }',
        'use crate::c;',
        'pub struct ViaImportedMod { s: c::C }',
        '#[cfg(feature = "wide")] pub struct Gated { x: u64 }',
        '#[cfg(not(feature = "wide"))] pub struct Gated { x: u8 }',
        'pub struct UsesGated { g: Gated }',
      ].join('\n'),
      '/w/app/src/a/b.rs': 'pub struct B(u16);\n',
      '/w/app/src/c.rs': 'pub struct C(u32);\n',
      '/w/app/src/b.rs': 'pub struct B(u64);\n', // where a root's `mod b;` would look: never read for a.rs
    };
    const fs = memoryFs(files);
    const parser = await analyzer.parser();
    const parse = (p: string, t: string) => analyzer.parseWith(parser, p, t);
    const project = new Project(new CargoGraph(fs, x86, '/w/app'), fs, parse, x86);
    const text = files['/w/app/src/a.rs']!;
    const d = project.loadCrate(project.graph.root, '/w/app/src/a.rs', { read: (p) => (p === '/w/app/src/a.rs' ? text : undefined), detached: true });
    const a = await analyzer.analyze({ crate: d.input, texts: d.texts }, x86.triple);
    const r = new Map(a.reports().map((x) => [x.name, x]));
    const size = (n: string) => r.get(n)?.size ?? r.get(n)?.unknown;
    assert.equal(size('Own'), 8);
    assert.equal(size('ViaSelf'), 8);
    assert.equal(size('UsesGated'), 8, 'the crate\'s default features hold in a detached file');
    // (`c::C` through `use crate::c;`: a module of the crate, not an external crate.)
    for (const n of ['ViaCrate', 'ViaSuper', 'ViaUse', 'ViaImportedMod']) assert.match(String(size(n)), /still being read/, n);
    assert.match(String(size('ViaMod')), /still being read/, 'a `mod b;` of a detached file is not looked for beside it');
    // The whole crate read: the same file gives rustc's numbers.
    const whole = project.loadCrate(project.graph.root, '/w/app/src/lib.rs');
    const all = await analyzer.analyze({ crate: whole.input, texts: whole.texts }, x86.triple);
    const w = new Map(all.reports().map((x) => [x.name, x.size]));
    assert.deepEqual(
      ['a::ViaCrate', 'a::ViaSuper', 'a::ViaUse', 'a::ViaMod', 'a::Own'].map((n) => w.get(n)),
      [1, 1, 1, 2, 8],
    );
  });

  it('a `use` through a module whose file is still being parsed says so (not "external crate?")', async () => {
    const fs = memoryFs({
      '/w/one/Cargo.toml': '[package]\nname = "one"\nversion = "0.1.0"\nedition = "2021"\n',
      '/w/one/src/lib.rs': 'mod geometry;\nuse geometry::Vec3;\npub struct P { v: Vec3 }\n',
      '/w/one/src/geometry.rs': 'pub struct Vec3(f32, f32, f32);\n',
    });
    const files = new ParsedFiles(undefined, (p, t) => worker.parse(p, t));
    const project = new Project(new CargoGraph(fs, x86, '/w/one'), fs, files.parse, x86, { files });
    const c = project.loadCrate(project.graph.root, '/w/one/src/lib.rs');
    assert.ok(c.pending > 0);
    await files.fetch();
    const c2 = project.loadCrate(project.graph.root, '/w/one/src/lib.rs');
    // lib.rs is in, geometry.rs noted on this walk: still pending.
    const a = await analyzer.analyze({ crate: c2.input, texts: c2.texts }, x86.triple);
    const p = a.reports().find((x) => x.name === 'P')!;
    assert.equal(p.size ?? undefined, undefined);
    assert.match(p.unknown ?? '', /`geometry::Vec3`: its module's file is still being read/);
    await files.fetch();
    const c3 = project.loadCrate(project.graph.root, '/w/one/src/lib.rs');
    assert.equal(c3.pending, 0);
    const done = await analyzer.analyze({ crate: c3.input, texts: c3.texts }, x86.triple);
    assert.equal(done.reports().find((x) => x.name === 'P')!.size, 12);
  });

  it('the modelled std parsed by the worker (Analyzer.preloadStd) lays out as the one parsed here', async () => {
    const text = [
      'use std::collections::{HashMap, BTreeMap, VecDeque};',
      'use std::sync::{Arc, Mutex};',
      'pub struct S { a: Vec<u8>, b: Option<Box<u32>>, c: HashMap<u32, String>, d: BTreeMap<u8, u8>, e: Arc<Mutex<u64>>, f: VecDeque<char>, g: std::rc::Rc<str>, h: Option<std::num::NonZeroU16>, i: std::time::Duration, j: std::cell::RefCell<[u8; 3]> }',
      'pub enum E { A(String), B(Option<Vec<u8>>), C }',
    ].join('\n');
    const viaWorker = new Analyzer({ wasmDir: DIST });
    viaWorker.preloadStd((p, t) => worker.parse(p, t, Infinity));
    try {
      const a = await viaWorker.analyzeText('/x.rs', text);
      const b = await analyzer.analyzeText('/x.rs', text);
      assert.equal(JSON.stringify(a), JSON.stringify(b));
      assert.ok(a.types.every((t) => t.size != null), JSON.stringify(a.types.map((t) => t.unknown)));
    } finally {
      viaWorker.dispose();
    }
  });
});

describe('the parse worker warming up on std while idle', function () {
  this.timeout(60_000);
  it('files sent while it warms up are answered first, with the models a parse here gives', async () => {
    const worker = new WorkerParser(join(DIST, 'parseWorker.js'), DIST);
    const parser = await loadRustParser(DIST);
    try {
      // std's request starts the warm-up (std's text parsed piece by piece between requests).
      await worker.parse(STD_PATH, STD_SOURCE, Infinity, true);
      const texts = Array.from({ length: 6 }, (_, i) => `pub struct S${i} { a: u${8 << (i % 4)}, b: [u8; ${i + 1}] }\n#[repr(C)]\npub enum E${i} { A = ${i}, B }\n`);
      const models = await Promise.all(texts.map((t, i) => worker.parse(`/w/f${i}.rs`, t, undefined, i === 0)));
      for (const [i, t] of texts.entries()) {
        const tree = parser.parse(t);
        try {
          assert.deepEqual(models[i], extractFile(tree, t, `/w/f${i}.rs`), `file ${i}`);
        } finally {
          tree.delete();
        }
      }
    } finally {
      worker.dispose();
    }
  });
});

describe('which files of a crate are parsed first', () => {
  const files = ['/c/src/read/mod.rs', '/c/src/endian.rs', '/c/src/write/mod.rs', '/c/src/lib.rs', '/c/src/pod.rs', '/c/src/pe.rs', '/c/src/read/pe.rs', '/c/src/write/unit.rs', '/c/src/write/abbrev.rs', '/c/src/write/deep/x.rs'];

  it('the entry and the modules the open documents name as crate::name (the whole module) come first; every file is kept', () => {
    const open = [{ path: '/c/src/pe.rs', text: 'use crate::endian::{U16, LE};\nuse crate::write::Unit;\nstruct A { x: crate::endian::U32 }' }];
    const { needed, rest } = firstNeeded(files, '/c/src/lib.rs', open);
    assert.deepEqual(needed, ['/c/src/endian.rs', '/c/src/write/mod.rs', '/c/src/lib.rs', '/c/src/write/unit.rs', '/c/src/write/abbrev.rs', '/c/src/write/deep/x.rs']);
    assert.deepEqual(rest, ['/c/src/read/mod.rs', '/c/src/pod.rs', '/c/src/pe.rs', '/c/src/read/pe.rs']);
    assert.deepEqual([...needed, ...rest].sort(), [...files].sort());
  });

  it('super:: and self:: bring the files beside the document (not below them)', () => {
    const { needed } = firstNeeded(files, '/c/src/lib.rs', [{ path: '/c/src/write/unit.rs', text: 'use super::abbrev::Abbrev;' }]);
    assert.deepEqual(needed, ['/c/src/write/mod.rs', '/c/src/lib.rs', '/c/src/write/unit.rs', '/c/src/write/abbrev.rs']);
  });

  it('with nothing named, only the entry is first', () => {
    const { needed, rest } = firstNeeded(files, '/c/src/lib.rs', [{ path: '/c/src/pe.rs', text: 'struct A;' }]);
    assert.deepEqual(needed, ['/c/src/lib.rs']);
    assert.equal(rest.length, files.length - 1);
  });
});
