/**
 * web-tree-sitter setup: lazy and memoized. Nothing happens at import time; the first
 * `loadRustParser(dir)` initialises the WASM runtime and loads the Rust grammar, and every
 * later call with the same directory gets the same promise (one runtime, one grammar, one
 * parser per directory).
 *
 * The returned parser owns a WASM object: the composition root calls `dispose()` once, at
 * shutdown. Trees returned by `parse()` are owned by the caller, who must `delete()` them.
 */
import { Parser, Language, type Range, type Tree } from 'web-tree-sitter';
import { nextTurn } from '../core/budget';

/** The WASM runtime or the Rust grammar could not be loaded. */
export class GrammarLoadError extends Error {
  override readonly name = 'GrammarLoadError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** tree-sitter returned no tree (cancelled, or the parser was disposed). */
export class ParseFailedError extends Error {
  override readonly name = 'ParseFailedError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * How much CPU time (ms) tree-sitter may spend on one parse of `chars` characters: 40 ms plus
 * 0.4 ms per 1,000 characters, counted on the thread that parses (see `parseClock`). Measured on
 * the project's machines: real code parses at about 0.13 ms per 1,000 characters on average (the
 * bench's 7.9 MB of crates) and 0.34 at worst (a 328 KB table of numbers, 64% of its budget);
 * error recovery on broken input runs at 0.5 to 3.5 ms per 1,000 characters (an unclosed item
 * followed by thousands of lines, 10,000 unclosed parentheses after a broken parameter list), and
 * is stopped before it blocks the editor.
 */
export function parseBudgetMs(chars: number): number {
  return (40 + chars * 0.0004) * budgetScale;
}

/** A CPU-time clock (ms): of the calling thread where the platform tells it, else of the whole process. */
export interface CpuClock {
  /** `thread`: this thread's CPU time; `process`: every thread's; `wall`: elapsed time (no CPU clock here). */
  readonly kind: 'thread' | 'process' | 'wall';
  now(): number;
}

/**
 * The clock the parse budget is counted on: the CPU time of the thread that parses, so that
 * other work in the process (WebAssembly compilation and garbage collection on V8's helper
 * threads, worker threads) does not count against a parse, and neither do other programs. The
 * Node entry points install the thread's own clock (`src/platform/nodeClock.ts`); until then,
 * the process's CPU time where there is a process, else the wall clock (a web worker).
 */
export function parseClock(): CpuClock {
  const realm = globalThis as { [CLOCK]?: CpuClock };
  realm[CLOCK] ??= defaultClock();
  return realm[CLOCK];
}

/**
 * Counts parse budgets on `c` from now on, in this thread (the Node entry points: the thread's
 * CPU time). The clock is kept on the global object, not in this module: every bundle loaded in
 * the thread (the tests' bundles, a second copy of the analysis stack) counts on the same clock.
 */
export function useParseClock(c: CpuClock): void {
  (globalThis as { [CLOCK]?: CpuClock })[CLOCK] = c;
}

const CLOCK = Symbol.for('rust-layout-lens.parseClock');

function defaultClock(): CpuClock {
  const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  const cpuUsage = proc?.cpuUsage;
  if (typeof cpuUsage === 'function') {
    return {
      kind: 'process',
      now: () => {
        const u = cpuUsage.call(proc);
        return (u.user + u.system) / 1000;
      },
    };
  }
  return { kind: 'wall', now: () => performance.now() };
}

/**
 * The budget of a parse of more characters than the parser has ever parsed is this many times
 * the usual one. Such a parse is the first of its size: it grows the WebAssembly heap, whose new
 * pages the kernel zeroes (and, in a virtual machine, the host maps) on first touch, and in a
 * new process it runs before V8 has optimised the grammar's code. Measured on this project's
 * 2-core virtual machines: the first parse of a 280 KB file took 107-168 ms of the thread's CPU
 * time and the next ones 41-80 ms; the first of 330 KB of 10,000-deep nesting 238 ms (70 ms of
 * it in the kernel, 6,000 page faults), then 80 ms. The allowance is spent once per size: a later
 * parse of the same size, given up or not, has the usual budget.
 */
export const FIRST_OF_ITS_SIZE = 2;

let budgetScale = 1;

/** Multiplies every default parse budget by `k` (tests: 0 gives up every budgeted parse at its first check). */
export function scaleParseBudget(k: number): void {
  budgetScale = k;
}

const abandonedTrees = new WeakMap<Tree, string>();

/**
 * Why the parse that returned `tree` was given up, or undefined for a real parse. A given-up
 * parse returns the (empty) tree of an empty text: extraction then reports this reason as the
 * file's problem instead of items, and nothing is laid out.
 */
export function abandonedParse(tree: Tree): string | undefined {
  return abandonedTrees.get(tree);
}

export interface ParseOptions {
  /**
   * Overrides the budget: `parseBudgetMs(text.length)` (or, with `range`, of the range's length),
   * times `FIRST_OF_ITS_SIZE` for a parse longer than any before it.
   */
  readonly budgetMs?: number;
  /**
   * Parse only this part of `text` (tree-sitter's included ranges): the tree's positions are
   * still the document's. Without it, the whole text.
   */
  readonly range?: Range;
}

export interface RustParser {
  readonly language: Language;
  /**
   * Parses `text`. Pass `oldTree` (already `edit()`ed to match `text`) for an incremental
   * parse. The caller owns the returned tree and must `delete()` it.
   *
   * A parse that runs over `parseBudgetMs(text.length)` of the thread's CPU time (twice that for
   * a parse longer than any before it: `FIRST_OF_ITS_SIZE`) is given up: the tree returned is
   * then that of an empty text, and `abandonedParse(tree)` says why (an edited `oldTree` must not
   * be reused after that). `options.budgetMs` replaces that budget (tests, the CLI).
   */
  parse(text: string, oldTree?: Tree | null, options?: ParseOptions): Tree;
  /**
   * Parses `text` from scratch in slices of about `sliceMs` of wall time, letting the event loop
   * run between them (tree-sitter resumes a halted parse), so a large file's first parse does
   * not block the thread in one piece. Same budget and given-up tree as `parse`. Its own
   * WebAssembly parser, so that parses made between the slices cannot resume this one.
   */
  parseInSlices(text: string, sliceMs?: number): Promise<Tree>;
  /** Frees the WASM parser; later `loadRustParser` calls for the same directory make a new one. */
  dispose(): void;
  readonly isDisposed: boolean;
}

export const RUNTIME_WASM = 'web-tree-sitter.wasm';

export const RUST_GRAMMAR_WASM = 'tree-sitter-rust.wasm';

/** A little of everything the grammar has, parsed once when a parser is made (see `loadRustParser`). */
const WARM_UP = `//! w
#![allow(dead_code)]
use std::{fmt, mem::size_of as s};
/// d
#[repr(C)]
pub struct A<'a, T: ?Sized + 'a> { pub x: u8, y: &'a T, z: [u16; 4], w: Option<Box<dyn Fn(u8) -> u8>> }
enum E { X = 1, Y(u32, (i8, f64)), Z { c: char } }
union U { a: u32, b: f32 }
type B = Vec<A<'static, str>>;
const N: usize = 1 << 4 + s::<u8>() as usize;
mod m { pub(crate) struct S(pub u8); }
impl E { fn f(&self) -> bool { match self { E::X => true, _ => { let v = vec![1, 2]; v.len() > 0 } } } }
fn broken( { (( }
`;

let runtimeInit: Promise<void> | undefined;
const parsers = new Map<string, Promise<RustParser>>();

/** `dir/name` for a folder path or URL, whichever separator it uses. */
function inDir(dir: string, name: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${name}`;
}

/**
 * Where the two WebAssembly files come from when they are not files on disk (the web-worker
 * extension host reads them from the extension's URIs and hands over their bytes).
 */
export interface WasmFiles {
  runtime(): Promise<Uint8Array>;
  grammar(): Promise<Uint8Array>;
}

function initRuntime(wasmDir: string, files: WasmFiles | undefined): Promise<void> {
  if (!runtimeInit) {
    const p = files
      ? files.runtime().then((wasmBinary) => Parser.init({ wasmBinary }))
      : Parser.init({ locateFile: (name: string) => inDir(wasmDir, name === RUNTIME_WASM ? RUNTIME_WASM : name) });
    runtimeInit = p.catch((err: unknown) => {
      runtimeInit = undefined; // allow a retry (e.g. with another directory)
      throw new GrammarLoadError(`could not initialise web-tree-sitter from ${inDir(wasmDir, RUNTIME_WASM)}: ${describe(err)}`, { cause: err });
    });
  }
  return runtimeInit;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

class RustParserImpl implements RustParser {
  private parser: Parser | undefined;
  /** The most characters parsed in one parse so far. */
  private longest = 0;
  constructor(
    readonly language: Language,
    private readonly onDispose: () => void,
  ) {
    this.parser = new Parser();
    this.parser.setLanguage(language);
  }
  get isDisposed(): boolean {
    return this.parser === undefined;
  }
  parse(text: string, oldTree?: Tree | null, options?: ParseOptions): Tree {
    if (!this.parser) throw new ParseFailedError('the Rust parser has been disposed');
    let tree: Tree | null;
    const range = options?.range;
    const size = range ? range.endIndex - range.startIndex : text.length;
    const budget = options?.budgetMs ?? parseBudgetMs(size) * (size > this.longest ? FIRST_OF_ITS_SIZE : 1);
    this.longest = Math.max(this.longest, size);
    if (budget === Infinity || (options?.budgetMs === undefined && size < UNBUDGETED_BELOW)) {
      // No budget to keep (a small text cannot take long, even broken): no clock to read. A
      // crate's macro expansions are thousands of such parses.
      const input = { text };
      try {
        tree = this.parser.parse((index: number) => chunkAt(input.text, index), oldTree ?? null, range ? { includedRanges: [range] } : undefined);
      } catch (err) {
        throw new ParseFailedError(`tree-sitter failed: ${describe(err)}`, { cause: err });
      } finally {
        input.text = '';
      }
      if (!tree) throw new ParseFailedError('tree-sitter returned no tree');
      return tree;
    }
    const started = performance.now();
    const clock = parseClock();
    const cpu0 = clock.now();
    let deadline = started + budget;
    let overrun = false;
    let spent = 0;
    // Called by tree-sitter about every 100 parse operations; true stops the parse. The clock
    // is wall time (cheap to read); past the deadline, the CPU time this thread actually got
    // decides (see `parseClock`), so neither other programs on a busy machine nor other threads
    // of this process stop a normal parse.
    const progressCallback = (): boolean => {
      if (overrun || performance.now() <= deadline) return overrun;
      spent = clock.now() - cpu0;
      if (spent >= budget) overrun = true;
      else deadline = performance.now() + Math.max(1, budget - spent);
      return overrun;
    };
    try {
      // The text is read through a holder emptied after the parse. The tree keeps its input
      // callback (web-tree-sitter's `Tree.textCallback`, read only by `node.text`, which this
      // project never calls), and a tree's object outlives minor garbage collections until the
      // next major one even once deleted (web-tree-sitter registers every tree for finalization):
      // holding the text itself, it made every keystroke's text outlive them too (measured).
      const input = { text };
      tree = this.parser.parse((index: number) => chunkAt(input.text, index), oldTree ?? null, range ? { progressCallback, includedRanges: [range] } : { progressCallback });
      input.text = '';
      if (!tree && overrun) {
        // Start the next parse afresh (a stopped parse would otherwise be resumed), and hand
        // back an empty tree marked with the reason.
        this.parser.reset();
        tree = this.parser.parse('');
        if (tree) {
          abandonedTrees.set(tree, givenUpMessage(spent, budget, size, clock.kind));
        }
      }
    } catch (err) {
      throw new ParseFailedError(`tree-sitter failed: ${describe(err)}`, { cause: err });
    }
    if (!tree) throw new ParseFailedError('tree-sitter returned no tree');
    return tree;
  }
  private slicer: Parser | undefined;
  private slicing: Promise<unknown> = Promise.resolve();

  parseInSlices(text: string, sliceMs = 8): Promise<Tree> {
    // One sliced parse at a time on the slicing parser.
    const run = this.slicing.then(() => this.sliced(text, sliceMs));
    this.slicing = run.catch(() => undefined);
    return run;
  }

  private async sliced(text: string, sliceMs: number): Promise<Tree> {
    if (!this.parser) throw new ParseFailedError('the Rust parser has been disposed');
    if (!this.slicer) {
      this.slicer = new Parser();
      this.slicer.setLanguage(this.language);
    }
    const p = this.slicer;
    const clock = parseClock();
    const budget = parseBudgetMs(text.length) * (text.length > this.longest ? FIRST_OF_ITS_SIZE : 1);
    this.longest = Math.max(this.longest, text.length);
    const input = { text };
    const read = (index: number) => chunkAt(input.text, index);
    let spent = 0;
    try {
      for (;;) {
        const cpu0 = clock.now();
        const sliceEnd = performance.now() + sliceMs;
        const tree = p.parse(read, null, { progressCallback: () => performance.now() > sliceEnd });
        spent += clock.now() - cpu0;
        if (tree) return tree;
        if (spent >= budget) {
          p.reset();
          const empty = p.parse('');
          if (!empty) throw new ParseFailedError('tree-sitter returned no tree');
          abandonedTrees.set(empty, givenUpMessage(spent, budget, text.length, clock.kind));
          return empty;
        }
        await nextTurn();
        if (!this.parser) {
          p.reset();
          throw new ParseFailedError('the Rust parser has been disposed');
        }
      }
    } catch (err) {
      if (err instanceof ParseFailedError) throw err;
      p.reset();
      throw new ParseFailedError(`tree-sitter failed: ${describe(err)}`, { cause: err });
    } finally {
      input.text = '';
    }
  }

  dispose(): void {
    if (!this.parser) return;
    this.parser.delete();
    this.parser = undefined;
    this.slicer?.delete();
    this.slicer = undefined;
    this.onDispose();
  }
}

/** The reason a given-up parse's tree carries (see `abandonedParse`). */
function givenUpMessage(spent: number, budget: number, size: number, kind: CpuClock['kind']): string {
  return (
    `tree-sitter gave up on this text after ${Math.round(spent)} ms of ${kind === 'thread' ? 'parsing' : 'CPU time'} (its budget for ${Math.round(size / 1024)} KB is ${Math.round(budget)} ms): ` +
    'its syntax errors are too costly to recover from, so no type of this file was laid out. Fix the syntax errors (unclosed brackets, usually) and the layouts come back.'
  );
}

/**
 * Texts shorter than this are parsed without a budget: tree-sitter's slowest error recovery
 * measured, 1.5 ms per 1,000 characters, makes that at most about 6 ms.
 */
const UNBUDGETED_BELOW = 4096;

/** Characters handed to tree-sitter per read (web-tree-sitter copies at most 5,119). */
const CHUNK = 4096;

/**
 * The text tree-sitter reads from `index` on: at most `CHUNK` characters, never ending between
 * the two halves of a surrogate pair. tree-sitter decodes a pair split across two reads as an
 * invalid character: with web-tree-sitter's own string input (5,119-character reads), a file
 * with emoji or other astral characters got syntax errors wherever a pair fell on a read's
 * border, and which pairs did moved with every edit (measured on regex-syntax's Unicode tables).
 */
export function chunkAt(text: string, index: number): string {
  let end = index + CHUNK;
  if (end < text.length) {
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
  }
  return text.slice(index, end);
}

/**
 * Loads (once per directory) the Rust parser. `wasmDir` holds `web-tree-sitter.wasm` and
 * `tree-sitter-rust.wasm` (the build copies both into `dist/`); with `files`, their bytes come
 * from there instead (`wasmDir` then only names them, in messages and as the cache key).
 * Rejects with a `GrammarLoadError`; a failed load is not cached.
 */
export function loadRustParser(wasmDir: string, files?: WasmFiles): Promise<RustParser> {
  const key = wasmDir.replace(/[\\/]+$/, '');
  let cached = parsers.get(key);
  if (!cached) {
    cached = (async (): Promise<RustParser> => {
      await initRuntime(key, files);
      let language: Language;
      const grammar = inDir(key, RUST_GRAMMAR_WASM);
      try {
        language = await Language.load(files ? await files.grammar() : grammar);
      } catch (err) {
        throw new GrammarLoadError(`could not load the Rust grammar ${grammar}: ${describe(err)}`, { cause: err });
      }
      const self: RustParser = new RustParserImpl(language, () => {
        if (parsers.get(key) === cached) parsers.delete(key);
      });
      // Warm-up: the first parses also compile the grammar's WebAssembly (on this thread when a
      // function is first called, then optimised on V8's helper threads, which the parse budget
      // counts where only the process's CPU time is known). A small unbudgeted parse gets the
      // first compilations done before any budgeted one.
      self.parse(WARM_UP, null, { budgetMs: Infinity }).delete();
      return self;
    })();
    const p = cached;
    p.catch(() => {
      if (parsers.get(key) === p) parsers.delete(key);
    });
    parsers.set(key, cached);
  }
  return cached;
}
