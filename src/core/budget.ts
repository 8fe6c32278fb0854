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
