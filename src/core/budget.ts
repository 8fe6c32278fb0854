/**
 * Work that may be put off to a later turn of the event loop: the editor's main thread must not
 * block for long, so synchronous walks (a crate's module tree, its macro expansions, a package
 * graph's manifests) ask a budget before each costly step that can wait, and say "not yet"
 * when this turn's budget is spent. The CLI and tests pass no budget: everything is done at once.
 */

export interface WorkBudget {
  /** False once this turn's budget is spent: put off what can wait. */
  readonly left: boolean;
  /** Runs `work` and charges its time to this turn. */
  spend<T>(work: () => T): T;
}

/**
 * Thrown by a step that was put off (its budget spent): the whole computation is made again in
 * a later turn, with what was done so far cached.
 */
export class Postponed extends Error {
  constructor() {
    super('postponed to a later turn');
    this.name = 'Postponed';
  }
}

/**
 * The one gate through which every piece of put-off work comes back: `nextTurn()` resolves in a
 * later turn of the event loop, and the gate lets **one** waiter go per turn (first come, first
 * served). Without it, every task that sliced its work (a crate walk, a dependency's reads, a
 * document's reports, a parse) resumed in the same turn, one after the other, and their slices
 * added up to a block as long as all of them together. With it, timers and I/O run between any
 * two slices, whoever they belong to.
 */
const waiting: Array<() => void> = [];
let releasePlanned = false;
/** Runs `f` in a later turn of the event loop: `setImmediate` in Node, a zero timer in a browser (which has no `setImmediate`). */
export const later: (f: () => void) => void =
  typeof setImmediate === 'function' ? (f) => void setImmediate(f) : (f) => void setTimeout(f, 0);

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    planRelease();
  });
}

function planRelease(): void {
  if (releasePlanned) return;
  releasePlanned = true;
  later(releaseOne);
}

function releaseOne(): void {
  releasePlanned = false;
  const next = waiting.shift();
  // Planned from inside this turn's callback: it runs in the next turn, after timers and I/O.
  if (waiting.length) planRelease();
  next?.();
}

/** How many are waiting at the gate (tests). */
export function waitingAtGate(): number {
  return waiting.length;
}
