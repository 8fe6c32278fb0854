/**
 * A given-up parse is not the file's model (issue 14): DocumentTrees parses it again when asked,
 * and GivenUpParses (src/features/parseRetries.ts) decides when: up to MAX_ATTEMPTS parses of a
 * text, spaced by RETRY_DELAYS_MS, each attempt taken once (`takeDue`, or announced by `onIdle`
 * when the event loop is idle).
 */
import assert from 'node:assert/strict';
import type { SourceFile } from '../../src/core/model';
import { FAILED_RUN_DELAYS_MS, FailedRuns, GivenUpParses, MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../src/features/parseRetries';
import { DocumentTrees } from '../../src/incremental/documents';
import { abandonedParse } from '../../src/parse/parser';
import { getParser, tracking } from './parseHelpers';

const givenUp = (n: number): SourceFile => ({ path: 'a.rs', items: [], problems: [{ message: `gave up ${n}`, span: { start: 0, end: 0 }, code: 'parseAbandoned' }], innerAttrs: [] });
const parsed: SourceFile = { path: 'a.rs', items: [], problems: [], innerAttrs: [] };

describe('given-up parses are parsed again (issue 14)', () => {
  it('a given-up text is due again after 1, 2 and 4 s, four parses in all; then it waits for the text to change', () => {
    let now = 1000;
    const idle: number[] = [];
    const r = new GivenUpParses(() => idle.push(now), { clock: () => now });
    try {
      assert.deepEqual(RETRY_DELAYS_MS, [1000, 2000, 4000]);
      assert.equal(MAX_ATTEMPTS, 4);
      assert.equal(r.due('a.rs'), false);
      assert.equal(r.state('a.rs', 'text'), undefined);
      const f1 = givenUp(1);
      assert.equal(r.note('a.rs', 'text', f1), 'givenUp');
      assert.deepEqual(r.state('a.rs', 'text'), { attempts: 1, willRetry: true });
      // Not due yet: the given-up model is reused instead of parsing again.
      assert.equal(r.due('a.rs', 'text'), false);
      assert.equal(r.waiting('a.rs', 'text'), f1);
      assert.equal(r.waiting('a.rs', 'other text'), undefined, 'another text is parsed');
      // The same given-up model noted again (another surface read it) is not another attempt.
      assert.equal(r.note('a.rs', 'text', f1), 'givenUp');
      assert.equal(r.state('a.rs', 'text')!.attempts, 1);
      now += 999;
      assert.equal(r.due('a.rs', 'text'), false);
      assert.equal(r.takeDue(), false);
      now += 1;
      assert.equal(r.due('a.rs', 'text'), true);
      assert.equal(r.due('a.rs'), true);
      // Taken once per attempt: whoever takes it drops what holds the given-up model.
      assert.equal(r.takeDue(), true);
      assert.equal(r.takeDue(), false);
      assert.equal(r.due('a.rs', 'text'), true, 'still due until parsed');
      assert.equal(r.due('a.rs', 'other text'), false);
      assert.equal(r.waiting('a.rs', 'text'), undefined, 'due: parse again');
      // Given up again, and again.
      for (const [attempt, delay] of [[2, 2000], [3, 4000]] as const) {
        assert.equal(r.note('a.rs', 'text', givenUp(attempt)), 'givenUp');
        assert.deepEqual(r.state('a.rs', 'text'), { attempts: attempt, willRetry: true });
        now += delay - 1;
        assert.equal(r.due('a.rs', 'text'), false, `attempt ${attempt}`);
        now += 1;
        assert.equal(r.due('a.rs', 'text'), true, `attempt ${attempt}`);
        assert.equal(r.takeDue(), true, `attempt ${attempt}`);
      }
      const f4 = givenUp(4);
      r.note('a.rs', 'text', f4);
      assert.deepEqual(r.state('a.rs', 'text'), { attempts: 4, willRetry: false });
      now += 1e9;
      assert.equal(r.due('a.rs', 'text'), false, 'no fifth parse of the same text');
      assert.equal(r.waiting('a.rs', 'text'), f4);
      // The text changes: a new text starts afresh.
      assert.equal(r.note('a.rs', 'text 2', givenUp(5)), 'givenUp');
      assert.deepEqual(r.state('a.rs', 'text 2'), { attempts: 1, willRetry: true });
      assert.equal(r.state('a.rs', 'text'), undefined);
    } finally {
      r.dispose();
    }
  });

  it('a parse that comes out right clears the record: "recovered" for the same text, "parsed" for another', () => {
    let now = 0;
    const r = new GivenUpParses(() => undefined, { clock: () => now });
    try {
      assert.equal(r.note('a.rs', 'text', parsed), 'parsed');
      r.note('a.rs', 'text', givenUp(1));
      now += 1000;
      assert.equal(r.note('a.rs', 'text', parsed), 'recovered');
      assert.equal(r.state('a.rs', 'text'), undefined);
      assert.equal(r.due('a.rs'), false);
      r.note('b.rs', 'old', givenUp(1));
      assert.equal(r.note('b.rs', 'new', parsed), 'parsed', 'another text of b.rs parsed: nothing to announce');
      assert.equal(r.state('b.rs', 'old'), undefined);
    } finally {
      r.dispose();
    }
  });

  it('announces a due attempt once, when the event loop is idle', async () => {
    const calls: number[] = [];
    const t0 = performance.now();
    const r = new GivenUpParses(() => calls.push(performance.now() - t0), { delaysMs: [30, 60, 120] });
    try {
      r.note('a.rs', 'text', givenUp(1));
      // Keep the event loop busy for 400 ms (tasks of 20 ms back to back).
      const busyUntil = t0 + 400;
      await new Promise<void>((res) => {
        const chunk = (): void => {
          const end = Math.min(busyUntil, performance.now() + 20);
          while (performance.now() < end) {
            /* busy */
          }
          if (performance.now() < busyUntil) setTimeout(chunk, 0);
          else res();
        };
        setTimeout(chunk, 0);
      });
      assert.equal(calls.length, 0, 'not announced while the event loop is busy');
      await new Promise((res) => setTimeout(res, 1000));
      assert.equal(calls.length, 1, `announced ${calls.length} times`);
      assert.ok(calls[0]! >= 400, `announced at ${calls[0]!.toFixed(0)} ms, while busy`);
      // Nobody parsed it again: no second announcement for the same attempt.
      await new Promise((res) => setTimeout(res, 300));
      assert.equal(calls.length, 1);
      // The next attempt, given up too: announced again after its delay.
      r.note('a.rs', 'text', givenUp(2));
      await new Promise((res) => setTimeout(res, 400));
      assert.equal(calls.length, 2);
      // A parse that succeeds leaves nothing to announce.
      r.note('a.rs', 'text', givenUp(3));
      r.note('a.rs', 'text', parsed);
      await new Promise((res) => setTimeout(res, 400));
      assert.equal(calls.length, 2);
    } finally {
      r.dispose();
    }
  });

  it('DocumentTrees: asking again for a given-up version parses it again (unless told not to)', async () => {
    const real = await getParser();
    let giveUp = true;
    const { parser, live } = tracking(real, () => (giveUp ? -1 : undefined));
    const cache = new DocumentTrees(parser);
    const text = Array.from({ length: 40 }, (_, i) => `struct S${i} { a: u8, b: u64 }\n`).join('');
    const doc = { uri: 'u', version: 3, getText: () => text };
    try {
      const first = cache.get(doc);
      assert.ok(abandonedParse(first.tree));
      assert.equal(first.file().problems[0]?.code, 'parseAbandoned');
      // Told not to: the same given-up version, no parse.
      assert.equal(cache.get(doc, { retry: false }), first);
      assert.equal(cache.stats.retry, 0);
      // Asked again, still over budget: parsed again, given up again.
      const second = cache.get(doc);
      assert.notEqual(second, first);
      assert.ok(abandonedParse(second.tree));
      assert.equal(cache.stats.retry, 1);
      giveUp = false;
      const third = cache.get(doc);
      assert.equal(abandonedParse(third.tree), undefined);
      assert.equal(third.file().items.length, 40);
      assert.equal(cache.stats.retry, 2);
      // A real parse is the document's tree: asking again is a cache hit.
      assert.equal(cache.get(doc), third);
      assert.equal(cache.stats.retry, 2);
      assert.equal(cache.stats.full, 3);
      assert.equal(live(), 1, 'the given-up trees were deleted');
    } finally {
      cache.dispose();
    }
    assert.equal(live(), 0);
  });
});

describe('an analysis that threw is asked for again (FailedRuns)', () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('a failed version is run again after each pause, as many times as there are pauses; then it stays failed', async () => {
    assert.deepEqual(FAILED_RUN_DELAYS_MS, [1000, 4000]);
    let due = 0;
    const runs = new FailedRuns(() => due++, [5, 10]);
    try {
      assert.equal(runs.note('a.rs', 3), true, 'first failure: asked again');
      await tick(30);
      assert.equal(due, 1);
      assert.equal(runs.note('a.rs', 3), true, 'second failure: asked again');
      await tick(40);
      assert.equal(due, 2);
      assert.equal(runs.note('a.rs', 3), false, 'third failure of the same version: it stays');
      await tick(30);
      assert.equal(due, 2, 'nothing more is asked');
      // A new version starts afresh; so does another document, and a closed one.
      assert.equal(runs.note('a.rs', 4), true);
      assert.equal(runs.note('b.rs', 3), true);
      runs.note('b.rs', 3);
      runs.forget('b.rs');
      assert.equal(runs.note('b.rs', 3), true);
      await tick(40);
      assert.equal(due, 6);
    } finally {
      runs.dispose();
    }
  });

  it('nothing is asked for after dispose', async () => {
    let due = 0;
    const runs = new FailedRuns(() => due++, [5]);
    assert.equal(runs.note('a.rs', 1), true);
    runs.dispose();
    await tick(30);
    assert.equal(due, 0);
    assert.equal(runs.note('a.rs', 2), false);
  });
});
