/**
 * Parsed files by (path, text), shared by every crate a session reads. Two modes:
 *  - synchronous (the CLI, tests): a file not parsed yet is parsed on the spot;
 *  - asynchronous (the editor): a walk that meets a file not parsed yet gets `PENDING_FILE`
 *    and the file is noted; `fetch()` parses the noted files elsewhere (a worker thread) so the
 *    extension host's main thread never parses a whole crate in one go, and the walk is made
 *    again once they are in.
 *
 * A parse given up elsewhere (over its budget: the worker was slow, the machine busy) is not the
 * file's model: it never replaces a model of the same text put meanwhile (the open document's,
 * parsed on the main thread), it is announced (`onGivenUp`: the editor counts the attempts and
 * says when it will try again), and it stands in only until `forgetGivenUp` drops it (its next
 * attempt is due): the next walk then notes the file again and it is parsed again.
 */
import type { SourceFile } from '../core/model';
import { DEPENDENCY_FILE, UNSHOWN_FILE, type ParseHints } from './project';

/** The cache key of a parse: a file parsed with its bodies blanked is another model. */
function keyOf(path: string, hints: ParseHints | undefined): string {
  return hints?.blankBodies ? `${path}\0${hints.blankBodies} bodies blanked` : path;
}

/** Whether tree-sitter gave up on the text (see `abandonedParse` in src/parse/parser.ts): an empty model that says why. */
function givenUp(file: SourceFile): boolean {
  return file.problems.some((p) => p.code === 'parseAbandoned');
}

export interface ParsedFilesOptions {
  /** A parse made elsewhere came back given up (counted once per answer; `path` and `text` as asked). */
  readonly onGivenUp?: (path: string, text: string, file: SourceFile) => void;
}

/** What a walk gets for a file that is still being parsed (see loadModules). */
export const PENDING_FILE: SourceFile = Object.freeze({ path: '<pending>', items: Object.freeze([]), problems: Object.freeze([]), innerAttrs: Object.freeze([]) });

export class ParsedFiles {
  private readonly files = new Map<string, { readonly text: string; readonly file: SourceFile }>();
  /** Files to parse elsewhere, by cache key. */
  private readonly noted = new Map<string, { readonly path: string; readonly text: string; readonly hints: ParseHints | undefined }>();
  private fetching: Promise<void> | undefined;
  /** Files handed to the other side and not back yet. */
  private inFlight = 0;

  /** Cache keys whose model is a parse given up elsewhere (see `forgetGivenUp`). */
  private readonly givenUp = new Map<string, { readonly path: string }>();

  constructor(
    private readonly parseNow: ((path: string, text: string, hints?: ParseHints) => SourceFile) | undefined,
    private readonly parseElsewhere?: (path: string, text: string, hints?: ParseHints) => Promise<SourceFile>,
    private readonly options: ParsedFilesOptions = {},
  ) {}

  /** A file's model for this text: cached, parsed now (synchronous mode), or PENDING_FILE. */
  readonly parse = (path: string, text: string, hints?: ParseHints): SourceFile => {
    const key = keyOf(path, hints);
    const hit = this.files.get(key);
    if (hit && hit.text === text) return hit.file;
    if (!this.parseElsewhere && this.parseNow) {
      const file = this.parseNow(path, text, hints);
      this.files.set(key, { text, file });
      return file;
    }
    this.noted.set(key, { path, text, hints });
    return PENDING_FILE;
  };

  /** A file's model for this text if it is in, else undefined (nothing noted). */
  get(path: string, text: string, hints?: ParseHints): SourceFile | undefined {
    const hit = this.files.get(keyOf(path, hints));
    return hit && hit.text === text ? hit.file : undefined;
  }

  /** Records a model made elsewhere (the open document's, from its incremental tree). */
  put(path: string, text: string, file: SourceFile): void {
    this.files.set(path, { text, file });
    this.givenUp.delete(path);
  }

  /**
   * Drops the given-up models for which `due(path, text)` says another attempt is due, so that
   * the next walk notes those files again (and `fetch` parses them again). Returns how many.
   */
  forgetGivenUp(due: (path: string, text: string) => boolean): number {
    let n = 0;
    for (const [key, { path }] of this.givenUp) {
      const hit = this.files.get(key);
      if (hit && !due(path, hit.text)) continue;
      this.files.delete(key);
      this.givenUp.delete(key);
      n++;
    }
    return n;
  }

  /** Forgets a file (closed, or its text changed on disk). */
  forget(path: string): void {
    for (const key of [path, keyOf(path, DEPENDENCY_FILE), keyOf(path, UNSHOWN_FILE)]) {
      this.files.delete(key);
      this.givenUp.delete(key);
    }
  }

  /** Whether files are waiting to be parsed or being parsed. */
  get busy(): boolean {
    return this.fetching !== undefined || this.noted.size > 0;
  }

  /** Files a walk is waiting for (noted, or being parsed). */
  get pending(): number {
    return this.noted.size + this.inFlight;
  }

  /**
   * Parses every noted file elsewhere; resolves when they are all in (a file that fails to
   * parse is cached as an empty model with the error as its problem, so walks move on).
   */
  fetch(): Promise<void> {
    if (this.fetching) return this.fetching;
    if (!this.parseElsewhere || this.noted.size === 0) return Promise.resolve();
    const parse = this.parseElsewhere;
    const run = async (): Promise<void> => {
      while (this.noted.size) {
        const batch = [...this.noted];
        this.noted.clear();
        this.inFlight += batch.length;
        await Promise.all(
          batch.map(async ([key, { path, text, hints }]) => {
            let file: SourceFile;
            try {
              file = await parse(path, text, hints);
            } catch (e) {
              file = { path, items: [], problems: [{ message: `could not be parsed: ${e instanceof Error ? e.message : String(e)}`, span: { start: 0, end: 0 } }], innerAttrs: [] };
            }
            this.inFlight--;
            this.store(key, path, text, file);
          }),
        );
      }
    };
    this.fetching = run().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  /**
   * Keeps a model that came back from elsewhere. A given-up one never replaces a model of the
   * same text that came meanwhile (the main thread's parse of the open document, `put` while
   * the worker was busy): that one is the file's model, and nothing would replace the given-up
   * one later (every file is in, no surface asks again). Otherwise it stands in until it is due
   * again, and is announced.
   */
  private store(key: string, path: string, text: string, file: SourceFile): void {
    const hit = this.files.get(key);
    if (givenUp(file)) {
      if (hit && hit.text === text && !givenUp(hit.file)) return;
      this.files.set(key, { text, file });
      this.givenUp.set(key, { path });
      this.options.onGivenUp?.(path, text, file);
      return;
    }
    this.files.set(key, { text, file });
    this.givenUp.delete(key);
  }
}
