/** src/features/throttle.ts: at most one call per period, the first at once, the last never lost. */
import assert from 'node:assert/strict';
import { throttle } from '../../src/features/throttle';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('throttle (change events to the workbench)', () => {
  it('fires at once, then at most once per period however many calls come, and once more at its end', async () => {
    let clock = 0;
    const fired: number[] = [];
    const t = throttle(() => fired.push(clock), 50, () => clock);
    t();
    assert.deepEqual(fired, [0], 'the first call fires at once');
    for (clock = 1; clock < 40; clock += 3) t();
    assert.deepEqual(fired, [0], 'calls within the period wait');
    await sleep(80);
    assert.equal(fired.length, 2, `one trailing fire for all the calls of the period: ${fired.join(', ')}`);
    clock = 200;
    t();
    assert.equal(fired.length, 3, 'a call after a quiet period fires at once again');
    t.dispose();
  });

  it('flush fires at once within the period, and the waiting call does not fire again after it', async () => {
    let clock = 0;
    const fired: number[] = [];
    const t = throttle(() => fired.push(clock), 50, () => clock);
    t();
    clock = 10;
    t(); // waits for the period's end
    clock = 20;
    t.flush();
    assert.deepEqual(fired, [0, 20], 'flush fires now');
    await sleep(80);
    assert.deepEqual(fired, [0, 20], 'the call that waited was answered by the flush');
    clock = 30;
    t();
    await sleep(80);
    assert.equal(fired.length, 3, 'a call within the period after a flush waits for its end, then fires');
    t.dispose();
    t.flush();
    assert.equal(fired.length, 3, 'nothing after dispose');
  });

  it('fires nothing after dispose', async () => {
    let n = 0;
    const t = throttle(() => n++, 30);
    t();
    t();
    t.dispose();
    await sleep(60);
    t();
    assert.equal(n, 1);
  });
});
