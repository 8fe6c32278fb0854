/**
 * A WorkBudget (src/core/budget.ts) of `ms` milliseconds per turn of the event loop, shared by
 * every TurnBudget: the time spent is forgotten once the current turn ends (the next
 * `setImmediate`), so the synchronous walks of one turn get `ms` of costly steps together and
 * put the rest off. Put-off work comes back through `nextTurn` (the gate in src/core/budget.ts).
 */
import { later, nextTurn, type WorkBudget } from '../core/budget';

export { nextTurn };

/**
 * Time spent in this turn by every TurnBudget together: two budgets do not get twice the time of
 * one in the same turn.
 */
let spentThisTurn = 0;
let resetPlanned = false;

export class TurnBudget implements WorkBudget {
  constructor(private readonly ms: number) {}

  get left(): boolean {
    return spentThisTurn < this.ms;
  }

  spend<T>(work: () => T): T {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      spentThisTurn += performance.now() - t0;
      if (!resetPlanned) {
        resetPlanned = true;
        later(() => {
          spentThisTurn = 0;
          resetPlanned = false;
        });
      }
    }
  }
}

/** Runs a generator that stops now and then (a walk) to its end, at once. */
export function runToEnd<T>(work: Generator<void, T, void>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs a generator that stops now and then to its end, yielding to the event loop whenever `sliceMs` has passed. */
export async function runInSlices<T>(work: Generator<void, T, void>, sliceMs: number): Promise<T> {
  let t0 = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - t0 > sliceMs) {
      await nextTurn();
      t0 = performance.now();
    }
  }
}
