/**
 * Parses tree-sitter gave up on (over the parse budget: see `abandonedParse` in
 * src/parse/parser.ts), by file path. A given-up parse is not the file's model: the budget may
 * have run out because the thread ran slowly (a cold start compiling the grammar, a loaded
 * machine), not because the text is costly. So a given-up text is parsed again, up to
 * `MAX_ATTEMPTS` parses in all, each at least `RETRY_DELAYS_MS` after the one before: when the
 * editor is idle (`onIdle` fires; the surfaces then ask again) or, before that, when a surface
 * asks once the delay has passed (`takeDue`). A text that changes starts afresh.
 *
 * No VS Code here: src/features/reports.ts owns one and reports through its events.
 */
import type { SourceFile } from '../core/model';

/** Parses of one text, the first one included, before a given-up text is left as it is. */
export const MAX_ATTEMPTS = 4;

/** The least time (ms) between a given-up parse and the next attempt: after the first, the second, the third. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

/** The event loop counts as idle when it was busy for less than this share of the time since the last check. */
const IDLE_UTILIZATION = 0.5;
/** How often (ms) idleness is checked once a retry is due, and how long at most it is waited for. */
const IDLE_CHECK_MS = 250;
const IDLE_WAIT_MAX_MS = 10_000;

interface GivenUp {
  readonly text: string;
  /** The given-up model (no items; its problem says why). */
  readonly file: SourceFile;
  /** Parses of this text so far, all given up. */
  readonly attempts: number;
  /** When the last one ended (performance.now()). */
  readonly at: number;
  /** The attempt now due was taken (`takeDue`, or `onIdle`): once per attempt. */
  idleSent: boolean;
}

export type ParseOutcome = 'parsed' | 'recovered' | 'givenUp';

export function isGivenUp(file: SourceFile): boolean {
  return file.problems.some((p) => p.code === 'parseAbandoned');
}

export class GivenUpParses {
  private readonly byPath = new Map<string, GivenUp>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  private readonly clock: () => number;
  private readonly delaysMs: readonly number[];

  /**
   * `onIdle`: some given-up text is due for another parse and the event loop is idle (or was
   * waited for long enough). `options` are for tests: the clock (ms) and the delays.
   */
  constructor(
    private readonly onIdle: () => void,
    options: { clock?: () => number; delaysMs?: readonly number[] } = {},
  ) {
    this.clock = options.clock ?? (() => performance.now());
    this.delaysMs = options.delaysMs ?? RETRY_DELAYS_MS;
  }

  /**
   * Records the result of parsing `text` of `path`: 'givenUp' (counted as an attempt, unless it
   * is the same given-up model as last time), 'recovered' when an earlier parse of this very text
   * was given up, else 'parsed'.
   */
  note(path: string, text: string, file: SourceFile): ParseOutcome {
    const rec = this.byPath.get(path);
    const same = rec !== undefined && rec.text === text;
    if (!isGivenUp(file)) {
      if (rec) {
        this.byPath.delete(path);
        this.schedule();
      }
      return same ? 'recovered' : 'parsed';
    }
    if (same && rec.file === file) return 'givenUp';
    this.byPath.set(path, { text, file, attempts: same ? rec.attempts + 1 : 1, at: this.clock(), idleSent: false });
    this.schedule();
    return 'givenUp';
  }

  /** Is a given-up text of `path` (the one recorded, or `text`) due for another parse now? */
  due(path: string, text?: string): boolean {
    const rec = this.byPath.get(path);
    return rec !== undefined && (text === undefined || rec.text === text) && this.isDue(rec);
  }

  /** The given-up model of `text` of `path` while it is not due for another parse, else undefined. */
  waiting(path: string, text: string): SourceFile | undefined {
    const rec = this.byPath.get(path);
    return rec && rec.text === text && !this.isDue(rec) ? rec.file : undefined;
  }

  /**
   * True when some given-up text has become due for another parse since the last call (or since
   * `onIdle`): each attempt is taken once. The caller then drops whatever may hold the given-up
   * models, so that the next analyses parse those texts again.
   */
  takeDue(): boolean {
    let due = false;
    for (const rec of this.byPath.values()) {
      if (!rec.idleSent && this.isDue(rec)) {
        rec.idleSent = true;
        due = true;
      }
    }
    return due;
  }

  /** How often `text` of `path` was given up, and whether it will be parsed again; undefined if it was not. */
  state(path: string, text: string): { attempts: number; willRetry: boolean } | undefined {
    const rec = this.byPath.get(path);
    if (!rec || rec.text !== text) return undefined;
    return { attempts: rec.attempts, willRetry: rec.attempts < MAX_ATTEMPTS };
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.byPath.clear();
  }

  private isDue(rec: GivenUp): boolean {
    return rec.attempts < MAX_ATTEMPTS && this.clock() >= this.dueAt(rec);
  }

  private dueAt(rec: GivenUp): number {
    return rec.at + this.delaysMs[Math.min(rec.attempts, this.delaysMs.length) - 1]!;
  }

  /**
   * Arms the timer for the earliest attempt to come that `onIdle` was not called for yet. The
   * timer then waits for an idle event loop and calls `onIdle` once for every attempt due by then.
   */
  private schedule(): void {
    if (this.disposed) return;
    let next = Infinity;
    for (const rec of this.byPath.values()) if (rec.attempts < MAX_ATTEMPTS && !rec.idleSent) next = Math.min(next, this.dueAt(rec));
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (next === Infinity) return;
    let since = performance.eventLoopUtilization();
    let waited = 0;
    const check = (): void => {
      this.timer = undefined;
      if (this.disposed) return;
      const busy = performance.eventLoopUtilization(since).utilization;
      if (busy > IDLE_UTILIZATION && waited < IDLE_WAIT_MAX_MS) {
        waited += IDLE_CHECK_MS;
        since = performance.eventLoopUtilization();
        this.timer = setTimeout(check, IDLE_CHECK_MS);
        return;
      }
      const due = this.takeDue();
      this.schedule(); // for those due later
      if (due) this.onIdle();
    };
    this.timer = setTimeout(check, Math.max(0, next - this.clock()));
  }
}


/** The least time (ms) before asking again for a document whose analysis threw: after the first failure, the second. */
export const FAILED_RUN_DELAYS_MS: readonly number[] = [1000, 4000];

/**
 * Analyses that threw (the parse worker died, a fault of ours), by document. A failed run is not
 * the document's answer: it is dropped and asked for again after a pause, up to
 * `FAILED_RUN_DELAYS_MS.length` times per version of the document; after that the failure stays
 * (logged) until the text changes, so a fault that repeats does not run on every request.
 */
export class FailedRuns {
  private readonly byKey = new Map<string, { readonly version: number; readonly failures: number }>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private disposed = false;

  /** `onDue`: a pause after a failure has passed; the surfaces should ask again. */
  constructor(
    private readonly onDue: () => void,
    private readonly delaysMs: readonly number[] = FAILED_RUN_DELAYS_MS,
  ) {}

  /**
   * The analysis of `key` at `version` threw. True when it will be asked for again (the caller
   * then drops the failed run from its cache); false once this version failed too often.
   */
  note(key: string, version: number): boolean {
    const rec = this.byKey.get(key);
    const failures = rec && rec.version === version ? rec.failures + 1 : 1;
    this.byKey.set(key, { version, failures });
    const delay = this.delaysMs[failures - 1];
    if (delay === undefined || this.disposed) return false;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.disposed) this.onDue();
    }, delay);
    this.timers.add(timer);
    return true;
  }

  /** The document was closed: its failures are forgotten. */
  forget(key: string): void {
    this.byKey.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.byKey.clear();
  }
}
