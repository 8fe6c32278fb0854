/**
 * Work put off to later turns of the event loop (the editor's main thread must not block): a
 * dependency crate is walked in a turn of its own, never inside the analysis that reaches it;
 * macro expansions and manifests past a turn's budget are made in later turns. Whatever is put
 * off, the numbers in the end are the ones made all at once, and nothing is shown as a number
 * before its sources are read.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { ParsedFiles } from '../../src/analysis/parsedFiles';
import { Project } from '../../src/analysis/project';
import { TurnBudget, nextTurn } from '../../src/analysis/turnBudget';
import { waitingAtGate } from '../../src/core/budget';
import { CargoGraph, lockedManifests } from '../../src/cargo/graph';
import { NodeFs } from '../../src/platform/nodeFs';
import { memoryFs } from '../../src/cargo/fs';
import { parseManifest, plainPackageId, withManifestBudget } from '../../src/cargo/manifest';
import { Postponed, type WorkBudget } from '../../src/core/budget';
import { getTarget } from '../../src/core/targets';

const DIST = join(__dirname, '../../../dist');
const x86 = getTarget('x86_64-unknown-linux-gnu')!;

/** A budget that allows `n` costly steps per turn (`turn()` starts the next one). */
function countingBudget(n: number): WorkBudget & { turn(): void; spent: number } {
  let left = n;
  return {
    spent: 0,
    get left() {
      return left > 0;
    },
    spend<T>(work: () => T): T {
      left--;
      this.spent++;
      return work();
    },
    turn() {
      left = n;
    },
  };
}

/** Text no other test has used: the expansion and manifest caches are shared by the process. */
const fresh = () => `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;


/** Counts turns of the event loop (a task that comes back every turn) until stopped. */
function turnCounter(): { readonly count: number; stop(): void } {
  let count = 0;
  let ticking = true;
  const tick = (): void => {
    count++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get count() {
      return count;
    },
    stop() {
      ticking = false;
    },
  };
}
describe('work put off to later turns', function () {
  this.timeout(60_000);
  const analyzer = new Analyzer({ wasmDir: DIST });
  after(() => analyzer.dispose());

  describe('dependency crates', () => {
    // app → mid → leaf; mid's types are made by leaf's exported macro, one by path and one
    // through `#[macro_use] extern crate`.
    const tag = fresh();
    const FILES: Record<string, string> = {
      '/w/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\nmid = { path = "../mid" }\n',
      '/w/app/src/lib.rs': 'pub struct Holder { m: mid::Made, n: mid::Used, x: u8 }\npub struct Alone(u16);\n',
      '/w/mid/Cargo.toml': '[package]\nname = "mid"\nversion = "0.2.0"\nedition = "2015"\n[dependencies]\nleaf = { path = "../leaf" }\n',
      '/w/mid/src/lib.rs': `#[macro_use] extern crate leaf;\nleaf::make!(Made, u64, ${tag});\nmake!(Used, u32, ${tag});\n`,
      '/w/leaf/Cargo.toml': '[package]\nname = "leaf"\nversion = "0.3.0"\nedition = "2021"\n',
      '/w/leaf/src/lib.rs': '#[macro_export]\nmacro_rules! make { ($n:ident, $t:ty, $tag:ident) => { pub struct $n { a: $t, b: u8 } }; }\n',
    };

    it('are walked in turns of their own: first "being read", then the numbers made at once, never a number before', async () => {
      const parser = await analyzer.parser();
      const parse = (p: string, t: string) => analyzer.parseWith(parser, p, t);
      const fs = memoryFs(FILES);
      // Made at once (the CLI's way).
      const atOnce = new Project(new CargoGraph(fs, x86, '/w/app'), fs, parse, x86);
      const c0 = atOnce.loadCrate(atOnce.graph.root, '/w/app/src/lib.rs');
      const want = new Map((await analyzer.analyze({ crate: c0.input, texts: c0.texts }, x86.triple)).reports().map((r) => [r.name, r.size]));
      assert.deepEqual([want.get('Holder'), want.get('Alone')], [32, 2]);

      // The editor's way: files parsed "elsewhere" (here, a promise later), dependencies walked later.
      const files = new ParsedFiles(undefined, async (p, t) => parse(p, t));
      let reads = 0;
      const project = new Project(new CargoGraph(fs, x86, '/w/app'), fs, files.parse, x86, { files, onRead: () => reads++ });
      const seen: string[] = [];
      for (let round = 0; round < 20; round++) {
        const before = project.read.length;
        const c = project.loadCrate(project.graph.root, '/w/app/src/lib.rs');
        const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
        a.reports();
        // Nothing of a dependency was walked inside this walk and analysis: they only asked for them.
        assert.equal(project.read.length, before, 'a dependency was walked inside the analysis that reached it');
        const h = a.reports().find((r) => r.name === 'Holder');
        seen.push(h?.size != null ? String(h.size) : (h?.unknown ?? 'absent'));
        if (c.pending === 0 && h?.size != null) break;
        await files.fetch();
        for (let i = 0; i < 5; i++) await nextTurn();
      }
      assert.ok(seen.some((s) => /`mid` 0\.2\.0 is being read/.test(s)), seen.join('\n'));
      assert.ok(seen.slice(0, -1).every((s) => !/^\d/.test(s)), `a number before every crate was read: ${seen.join(', ')}`);
      assert.equal(seen[seen.length - 1], '32', seen.join('\n'));
      assert.deepEqual(
        project.read.map((n) => n.name),
        ['leaf', 'mid'],
        'leaf is walked before mid, whose macros come from it',
      );
      assert.ok(reads >= 2, `onRead called per dependency read (${reads})`);
    });
  });

  describe('a crate walked in slices', () => {
    it('gives the walk made at once, and lets the event loop run between its files', async () => {
      const parser = await analyzer.parser();
      const parse = (p: string, t: string) => analyzer.parseWith(parser, p, t);
      const files: Record<string, string> = {
        '/s/Cargo.toml': '[package]\nname = "s"\nversion = "0.1.0"\nedition = "2021"\n',
        '/s/src/lib.rs': `#[macro_export]\nmacro_rules! pair { ($n:ident) => { pub struct $n(u8, u64); } }\n${Array.from({ length: 12 }, (_, i) => `pub mod m${i};`).join('\n')}\npub struct Top { a: m3::S3, b: m11::S11 }\n`,
      };
      for (let i = 0; i < 12; i++) files[`/s/src/m${i}.rs`] = `pub mod inner;\npub struct S${i}([u8; ${i + 1}], u16);\ncrate::pair!(P${i});\n`;
      for (let i = 0; i < 12; i++) files[`/s/src/m${i}/inner.rs`] = `pub struct In${i}(u32);\n`;
      const fs = memoryFs(files);
      const project = new Project(new CargoGraph(fs, x86, '/s'), fs, parse, x86);
      const atOnce = project.loadCrate(project.graph.root, '/s/src/lib.rs');
      // Turns of the event loop, not milliseconds: a quick machine walks these 36 small files
      // within one or two.
      const turns = turnCounter();
      const sliced = await project.loadCrateInSlices(project.graph.root, '/s/src/lib.rs', {}, 0);
      turns.stop();
      assert.ok(turns.count >= 12, `the event loop turned ${turns.count} times during the walk of 24 file modules`);
      const sizes = async (c: typeof atOnce) => JSON.stringify((await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple)).reports().map((r) => [r.name, r.size]));
      assert.deepEqual([...sliced.texts.keys()], [...atOnce.texts.keys()]);
      assert.equal(await sizes(sliced), await sizes(atOnce));
      assert.match(await sizes(sliced), /"m11::P11",16\]/);
    });
  });

  describe('macro expansions over budget', () => {
    it('are put off to later walks, and the walks end with the items made at once', async () => {
      const parser = await analyzer.parser();
      const parse = (p: string, t: string) => analyzer.parseWith(parser, p, t);
      const tag = fresh();
      const calls = Array.from({ length: 6 }, (_, i) => `gen!(S${i}, [u8; ${i + 1}], ${tag});`).join('\n');
      const fs = memoryFs({
        '/b/Cargo.toml': '[package]\nname = "b"\nversion = "0.1.0"\nedition = "2021"\n',
        '/b/src/lib.rs': `macro_rules! gen { ($n:ident, $t:ty, $x:ident) => { pub struct $n { a: $t, b: u32 } gen!(@inner $n); }; (@inner $n:ident) => {}; }\n${calls}\npub struct All { s0: S0, s5: S5 }\n`,
      });
      const sizes = async (project: Project) => {
        const c = project.loadCrate(project.graph.root, '/b/src/lib.rs');
        const a = await analyzer.analyze({ crate: c.input, texts: c.texts }, x86.triple);
        return { pending: c.pending, sizes: Object.fromEntries(a.reports().map((r) => [r.name, r.size ?? r.unknown])) };
      };
      const budget = countingBudget(2);
      const project = new Project(new CargoGraph(fs, x86, '/b'), fs, parse, x86, { budget });
      const walks: number[] = [];
      let last = await sizes(project);
      for (let i = 0; i < 20 && last.pending > 0; i++) {
        walks.push(last.pending);
        assert.doesNotMatch(JSON.stringify(last.sizes.All), /^\d/, 'All has a number while S5 is not expanded yet');
        budget.turn();
        last = await sizes(project);
      }
      assert.ok(walks.length >= 2, `put off in ${walks.length} walks`);
      const atOnce = await sizes(new Project(new CargoGraph(fs, x86, '/b'), fs, parse, x86));
      assert.equal(atOnce.pending, 0);
      assert.deepEqual(last.sizes, atOnce.sizes);
      assert.equal(last.sizes.All, 20);
    });
  });

  describe('manifests', () => {
    it('plainPackageId reads name and version as the TOML parser does, or leaves it to the parser', () => {
      const registry = '/usr/share/cargo/registry';
      const texts: string[] = [];
      if (existsSync(registry)) {
        for (const d of readdirSync(registry).slice(0, 400)) {
          const p = join(registry, d, 'Cargo.toml');
          if (existsSync(p)) texts.push(readFileSync(p, 'utf8'));
        }
      }
      texts.push(
        '[package]\nname = "a"\nversion = "1.2.3"\n',
        '[package]\nname = "a"\nname = "b"\nversion = "1.0.0"\n',
        '[package]\n"name" = "q"\nname = "a"\nversion = "1.0.0"\n',
        '[package]\nname = "a" # c\nversion = "1.0.0"\n',
        '[package]\nversion.workspace = true\nname = "a"\n',
        'package.name = "a"\npackage.version = "1.0.0"\n',
        '[dependencies]\nname = "x"\n[package]\nname = "a"\nversion = "0.1.0"\n[lib]\nname = "other"\n',
      );
      let plain = 0;
      for (const text of texts) {
        const quick = plainPackageId(text);
        if (!quick) continue;
        plain++;
        const m = parseManifest(text, '/x');
        assert.deepEqual(quick, { name: m.package!.name, version: m.package!.version }, text.slice(0, 400));
      }
      assert.ok(plain >= 2, `${plain} of ${texts.length} read without the parser`);
      assert.equal(plainPackageId('[package]\nname = "a"\nname = "b"\nversion = "1.0.0"\n'), undefined);
      assert.equal(plainPackageId('[package]\n"name" = "q"\nname = "a"\nversion = "1.0.0"\n'), undefined);
    });

    it('a package graph built a few manifests per turn equals the one built at once', () => {
      const tag = fresh();
      const files: Record<string, string> = {
        '/g/app/Cargo.toml': `# ${tag}\n[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\na = { path = "../a", features = ["x"] }\nb = { path = "../b" }\n`,
      };
      for (const n of ['a', 'b', 'c', 'd']) {
        const deps = n === 'a' ? 'c = { path = "../c", optional = true }\nd = { path = "../d" }\n' : n === 'b' ? 'd = { path = "../d", features = ["y"] }\n' : '';
        const feats = n === 'a' ? 'x = ["c"]\n' : n === 'd' ? 'y = []\n' : '';
        files[`/g/${n}/Cargo.toml`] = `# ${tag}\n[package]\nname = "${n}"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\n${deps}[features]\n${feats}`;
        files[`/g/${n}/src/lib.rs`] = '';
      }
      const fs = memoryFs(files);
      const describe = (g: CargoGraph) => g.packages().map((p) => `${p.name}:${[...g.features(p)].sort().join(',')}:${g.deps(p).map((e) => e.to && 'name' in e.to ? e.to.name : '?').join(',')}`);
      const budget = countingBudget(1);
      let tries = 0;
      let built: CargoGraph | undefined;
      while (!built && tries < 50) {
        tries++;
        budget.turn();
        try {
          built = withManifestBudget(budget, () => new CargoGraph(fs, x86, '/g/app'));
        } catch (e) {
          if (!(e instanceof Postponed)) throw e;
        }
      }
      assert.ok(built, 'built');
      assert.ok(tries >= 4, `built in ${tries} turns (one manifest each)`);
      const atOnce = new CargoGraph(fs, x86, '/g/app');
      assert.deepEqual(describe(built!), describe(atOnce));
      assert.deepEqual(describe(atOnce).sort(), ['app::a,b', 'a:c,x:c,d', 'c::', 'd:y:', 'b::d'].sort());
    });
  });

  describe('manifests read ahead', () => {
    it('lockedManifests yields the manifest of every locked package found in its source, among them every registry package the graph reaches', () => {
      const dir = join(__dirname, '../../../test/fixtures/workspace/deps/app');
      const disk = new NodeFs();
      const ahead = [...lockedManifests(disk, dir)].map((m) => m.dir);
      assert.ok(ahead.length >= 1 && ahead.every((d) => existsSync(join(d, 'Cargo.toml'))), JSON.stringify(ahead));
      // Every registry package the graph reaches was read ahead.
      const read: string[] = [];
      const spy = { readFile: (p: string) => (read.push(p), disk.readFile(p)), readDir: (p: string) => disk.readDir(p), env: (n: string) => disk.env(n) };
      const graph = new CargoGraph(spy, x86, dir);
      const registry = graph.packages().filter((p) => p.source === 'registry').map((p) => p.dir);
      assert.ok(registry.length >= 1, 'the fixture has a registry dependency');
      for (const d of registry) assert.ok(ahead.includes(d), `${d} was not read ahead`);
    });
  });

  describe('TurnBudget', () => {
    it('is spent within a turn and given back in the next', async () => {
      const b = new TurnBudget(5);
      assert.equal(b.left, true);
      b.spend(() => {
        const t = performance.now();
        while (performance.now() - t < 6);
      });
      assert.equal(b.left, false);
      assert.equal(b.spend(() => 7), 7, 'spend still runs the work');
      await nextTurn();
      assert.equal(b.left, true);
    });

    it('is one budget for all: a second TurnBudget gets no more time in the same turn', async () => {
      await nextTurn();
      const a = new TurnBudget(5);
      const b = new TurnBudget(5);
      a.spend(() => {
        const t = performance.now();
        while (performance.now() - t < 6);
      });
      assert.equal(b.left, false, 'the time spent through a counts for b');
      await nextTurn();
      assert.equal(b.left, true);
    });
  });

  describe('the gate (nextTurn)', () => {
    it('lets one waiter go per turn of the event loop, first come first served, with timers run between', async () => {
      // Three sliced tasks wait at once; a timer due at once must run before the second resumes.
      const order: string[] = [];
      let timerFired = false;
      const task = async (name: string): Promise<void> => {
        await nextTurn();
        order.push(`${name}${timerFired ? '+timer' : ''}`);
        // A slice of work, long enough for the timer to be due when it ends.
        const t = performance.now();
        while (performance.now() - t < 3);
      };
      const all = Promise.all([task('a'), task('b'), task('c')]);
      setTimeout(() => (timerFired = true), 1);
      await all;
      assert.deepEqual(order.map((x) => x[0]), ['a', 'b', 'c'], 'first come, first served');
      assert.ok(order[1]!.endsWith('+timer'), `the timer, due during a's slice, ran before b resumed: ${order.join(', ')}`);
    });

    it('never resumes two waiters in the same turn', async () => {
      const turnOf: number[] = [];
      const turns = turnCounter();
      await Promise.all(Array.from({ length: 6 }, async () => {
        await nextTurn();
        turnOf.push(turns.count);
      }));
      turns.stop();
      assert.equal(new Set(turnOf).size, 6, `each waiter in a turn of its own: ${turnOf.join(', ')}`);
      assert.equal(waitingAtGate(), 0);
    });
  });
});
