/**
 * The parse budget (src/parse/parser.ts) counts what the parse itself costs: the CPU time of the
 * thread that parses, not the whole process's (issue 14: at start-up, WebAssembly compilation,
 * garbage collection and other extensions' threads were counted against a file's parse, and a
 * clean file came out empty). Pathological input is still stopped within its budget.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FIRST_OF_ITS_SIZE, RUNTIME_WASM, RUST_GRAMMAR_WASM, abandonedParse, loadRustParser, parseBudgetMs, parseClock, scaleParseBudget, type RustParser } from '../../src/parse/parser';
import { getParser, wasmDir } from './parseHelpers';
import { useNodeParseClock } from '../../src/platform/nodeClock';
import { realisticRustModule } from './realisticRust';

/** Threads of this process that spin until terminated. */
async function busyThreads(count: number): Promise<{ stop(): Promise<void> }> {
  const workers = Array.from({ length: count }, () => new Worker('require("node:worker_threads").parentPort.postMessage("up"); for (;;) {}', { eval: true }));
  await Promise.all(workers.map((w) => new Promise((res) => w.once('message', res))));
  return {
    stop: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Parses `text` and returns whether it was given up, and the thread's CPU time it took (ms). */
function timedParse(parser: RustParser, text: string, budgetMs?: number): { abandoned: string | undefined; ms: number; wall: number } {
  const c0 = parseClock().now();
  const w0 = performance.now();
  const tree = parser.parse(text, null, budgetMs === undefined ? undefined : { budgetMs });
  const ms = parseClock().now() - c0;
  const wall = performance.now() - w0;
  try {
    return { abandoned: abandonedParse(tree), ms, wall };
  } finally {
    tree.delete();
  }
}

/** An unclosed struct followed by thousands of lines: tree-sitter's error recovery runs at about 1.2 ms per 1,000 characters (3 to 9 times clean code). */
function pathological(lines: number): string {
  return 'pub struct Unclosed {\n    flag: f32,\n' + Array.from({ length: lines }, (_, k) => `const C${k}: usize = C${k + 1} + 1;\n`).join('');
}

/** A parser of its own (a fresh copy of the grammar), so that which sizes it has parsed is known. */
async function freshParser(): Promise<{ parser: RustParser; done(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rll-budget-'));
  for (const f of [RUNTIME_WASM, RUST_GRAMMAR_WASM]) copyFileSync(path.join(wasmDir, f), path.join(dir, f));
  const parser = await loadRustParser(dir);
  return {
    parser,
    done() {
      parser.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Also without mocha's setup file (a single test file run with --no-config).
useNodeParseClock();

describe('parse budget: what a parse costs, not what the process does (issue 14)', function () {
  this.timeout(120_000);
  const clean = realisticRustModule(300_000, 'Budget', 7);
  const cores = availableParallelism();

  it('counts the parsing thread\'s own CPU time where the platform tells it (Linux here), not the other threads\'', async function () {
    if (process.platform !== 'linux') this.skip();
    assert.equal(parseClock().kind, 'thread');
    const busy = await busyThreads(cores);
    try {
      // This thread spins until its clock says 100 ms; the spinning threads run meanwhile.
      const c0 = parseClock().now();
      const p0 = process.cpuUsage();
      const w0 = performance.now();
      while (parseClock().now() - c0 < 100 && performance.now() - w0 < 20_000) {
        /* spin */
      }
      const own = parseClock().now() - c0;
      const used = process.cpuUsage(p0);
      const all = (used.user + used.system) / 1000;
      const wall = performance.now() - w0;
      // The loop ended on this thread's clock, not on the 20 s guard. No upper bound: a garbage
      // collection inside the loop is this thread's own work, and in the unit run's large heap one
      // took 46 ms (CI, 146 ms read after a 100 ms spin); what tells the clocks apart is below.
      assert.ok(own >= 100 && wall < 20_000, `this thread's clock moved ${own.toFixed(1)} ms in ${wall.toFixed(0)} ms`);
      // The spinning threads got about as much CPU as this one each: the process's clock has it all.
      assert.ok(all - own > own, `the process used ${all.toFixed(0)} ms in ${wall.toFixed(0)} ms with ${cores} threads spinning; this thread's clock says ${own.toFixed(0)} ms`);
    } finally {
      await busy.stop();
    }
  });

  it('the generated 300 KB file is clean, realistic Rust', async () => {
    const parser = await getParser();
    const tree = parser.parse(clean, null, { budgetMs: Infinity });
    try {
      assert.equal(tree.rootNode.hasError, false);
      assert.ok(clean.length >= 300_000 && clean.length < 320_000, `${clean.length} characters`);
      const kinds = new Set(tree.rootNode.children.map((c) => c.type));
      for (const k of ['struct_item', 'enum_item', 'impl_item', 'trait_item', 'const_item', 'line_comment', 'attribute_item']) assert.ok(kinds.has(k), `no ${k}`);
    } finally {
      tree.delete();
    }
  });

  it('a clean 300 KB file parses while other threads of the process keep every core busy', async () => {
    const parser = await getParser();
    // Warm (not the first parse of its size), then what it costs this thread when nothing else runs.
    timedParse(parser, clean, Infinity);
    const quiet = Math.min(...[0, 1, 2].map(() => timedParse(parser, clean, Infinity).ms));
    const busy = await busyThreads(3 * cores);
    try {
      // The default budget (160 ms for 300 KB).
      const r = timedParse(parser, clean);
      assert.equal(r.abandoned, undefined, `given up with ${3 * cores} busy threads (quiet parse ${quiet.toFixed(0)} ms, now ${r.ms.toFixed(0)} ms of this thread, ${r.wall.toFixed(0)} ms wall): ${r.abandoned}`);
      // A budget of three times the quiet parse: with three busy threads per core this thread gets
      // about a third of a core, so the wall time passes that budget and the process's CPU time
      // (this thread's plus the spinning ones') is far over it; this thread's own is not.
      const budget = 3 * quiet;
      for (let k = 0; k < 3; k++) {
        const b = timedParse(parser, clean, budget);
        assert.equal(b.abandoned, undefined, `given up under a ${budget.toFixed(0)} ms budget (quiet parse ${quiet.toFixed(0)} ms; this one ${b.ms.toFixed(0)} ms of this thread, ${b.wall.toFixed(0)} ms wall)`);
      }
    } finally {
      await busy.stop();
    }
  });

  it('a pathological input is still given up within its budget, busy threads or not', async () => {
    const parser = await getParser();
    const text = pathological(10_000);
    // Half the usual budget: on a fast machine this input parses in 1.6-1.8 times its usual budget,
    // too close to it to tell a budget that stops the parse from one that does not.
    scaleParseBudget(0.5);
    try {
      const budget = parseBudgetMs(text.length);
      // Unbudgeted, it takes well over its budget (this also makes it no longer the first of its size).
      const full = timedParse(parser, text, Infinity);
      assert.ok(full.ms > 1.5 * budget, `the pathological input took ${full.ms.toFixed(0)} ms, its budget is ${budget.toFixed(0)} ms`);
      for (const threads of [0, cores]) {
        const busy = await busyThreads(threads);
        try {
          const r = timedParse(parser, text);
          assert.match(r.abandoned ?? '', /gave up on this text after \d+ ms of parsing/, `not given up (${r.ms.toFixed(0)} ms, ${threads} busy threads)`);
          // Stopped at the first check past the budget (tree-sitter checks every ~100 operations;
          // the thread's clock moves at the scheduler's tick, 4 ms here).
          assert.ok(r.ms < budget + 25, `given up after ${r.ms.toFixed(0)} ms of this thread, budget ${budget.toFixed(0)} ms (${threads} busy threads)`);
        } finally {
          await busy.stop();
        }
      }
    } finally {
      scaleParseBudget(1);
    }
  });

  it('a parse longer than any before it has twice the budget; the next one of that size the usual one', async () => {
    const { parser, done } = await freshParser();
    scaleParseBudget(0.05); // small enough that a clean parse of 300 KB is given up: the message shows the budget
    try {
      const budget = (chars: number) => Number(/its budget for \d+ KB is (\d+) ms/.exec(timedParse(parser, clean.slice(0, chars)).abandoned ?? '')?.[1]);
      const base = (chars: number) => Math.round(parseBudgetMs(chars));
      assert.equal(budget(clean.length), Math.round(parseBudgetMs(clean.length) * FIRST_OF_ITS_SIZE));
      assert.equal(budget(clean.length), base(clean.length), 'the same size again: the usual budget');
      assert.equal(budget(200_000), base(200_000), 'smaller: the usual budget');
    } finally {
      scaleParseBudget(1);
      done();
    }
  });

  describe('a first parse in slices (RustParser.parseInSlices)', function () {
    // The sliced parses below run under the product's budget, counted in the thread's CPU time; on
    // a machine whose two cores are shared with other test processes that time can double (161 ms
    // of CPU for a 293 KB file whose budget is 160 ms was seen once), and the parse is then given
    // up, as the product gives it up and parses again later (src/features/parseRetries.ts). What
    // these tests check is the sliced tree, so such a run is made again.
    this.retries(2);
    it('gives the tree a parse in one piece gives, and lets the event loop run between its slices', async () => {
      const parser = await getParser();
      const text = realisticRustModule(300_000, 'S', 7);
      const whole = parser.parse(text, null, { budgetMs: Infinity });
      let ticks = 0;
      let ticking = true;
      const tick = (): void => {
        if (!ticking) return;
        ticks++;
        setImmediate(tick);
      };
      setImmediate(tick);
      const sliced = await parser.parseInSlices(text, 2);
      ticking = false;
      try {
        assert.equal(abandonedParse(sliced), undefined);
        assert.equal(sliced.rootNode.toString(), whole.rootNode.toString());
        assert.ok(ticks >= 3, `the event loop ran ${ticks} times during the sliced parse`);
      } finally {
        sliced.delete();
        whole.delete();
      }
    });

    it('parses made between its slices (other documents) neither disturb it nor are disturbed', async () => {
      const parser = await getParser();
      const text = realisticRustModule(200_000, 'T', 3);
      const other = 'pub struct Other { a: u8, b: u64 }\n';
      const alone = parser.parse(text, null, { budgetMs: Infinity });
      const otherAlone = parser.parse(other);
      let between = 0;
      let mismatch = '';
      let on = true;
      const interleave = (): void => {
        if (!on) return;
        const t = parser.parse(other);
        if (t.rootNode.toString() !== otherAlone.rootNode.toString()) mismatch = t.rootNode.toString();
        t.delete();
        between++;
        setImmediate(interleave);
      };
      setImmediate(interleave);
      const sliced = await parser.parseInSlices(text, 2);
      on = false;
      try {
        assert.equal(mismatch, '');
        assert.ok(between >= 2, `${between} parses between the slices`);
        assert.equal(sliced.rootNode.toString(), alone.rootNode.toString());
      } finally {
        sliced.delete();
        alone.delete();
        otherAlone.delete();
      }
    });

    it('a pathological input is given up after its budget of parsing, summed over the slices', async () => {
      const parser = await getParser();
      const text = pathological(10_000);
      const budget = parseBudgetMs(text.length);
      const c0 = parseClock().now();
      const tree = await parser.parseInSlices(text, 5);
      const ms = parseClock().now() - c0;
      try {
        assert.match(abandonedParse(tree) ?? '', /gave up on this text after \d+ ms of parsing/);
        assert.ok(ms < 2 * budget + 50, `given up after ${ms.toFixed(0)} ms of this thread, budget ${budget.toFixed(0)} ms`);
      } finally {
        tree.delete();
      }
      // The slicing parser starts afresh afterwards.
      const next = await parser.parseInSlices('pub struct Fine(u8);\n');
      try {
        assert.equal(abandonedParse(next), undefined);
        assert.equal(next.rootNode.hasError, false);
      } finally {
        next.delete();
      }
    });
  });
});
