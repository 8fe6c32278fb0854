/**
 * A WorkBudget (src/core/budget.ts) of `ms` milliseconds per turn of the event loop: the time
 * spent is forgotten once the current turn ends (the next `setImmediate`), so one synchronous
 * walk gets `ms` of costly steps and puts the rest off, whatever ran before it in that turn.
 */
import type { WorkBudget } from '../core/budget';

export class TurnBudget implements WorkBudget {
  private spent = 0;
  private resetPlanned = false;

  constructor(private readonly ms: number) {}

  get left(): boolean {
    return this.spent < this.ms;
  }

  spend<T>(work: () => T): T {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      this.spent += performance.now() - t0;
      if (!this.resetPlanned) {
        this.resetPlanned = true;
        setImmediate(() => {
          this.spent = 0;
          this.resetPlanned = false;
        });
      }
    }
  }
}

/** Resolves in a later turn of the event loop (after pending I/O callbacks). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
