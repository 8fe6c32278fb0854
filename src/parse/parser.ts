/**
 * web-tree-sitter setup: lazy and memoized. Nothing happens at import time; the first
 * `loadRustParser(dir)` initialises the WASM runtime and loads the Rust grammar, and every
 * later call with the same directory gets the same promise (one runtime, one grammar, one
 * parser per directory).
 *
 * The returned parser owns a WASM object: the composition root calls `dispose()` once, at
 * shutdown. Trees returned by `parse()` are owned by the caller, who must `delete()` them.
 */
import * as nodePath from 'node:path';
import { Parser, Language, type Tree } from 'web-tree-sitter';

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

export interface RustParser {
  readonly language: Language;
  /**
   * Parses `text`. Pass `oldTree` (already `edit()`ed to match `text`) for an incremental
   * parse. The caller owns the returned tree and must `delete()` it.
   */
  parse(text: string, oldTree?: Tree | null): Tree;
  /** Frees the WASM parser; later `loadRustParser` calls for the same directory make a new one. */
  dispose(): void;
  readonly isDisposed: boolean;
}

export const RUNTIME_WASM = 'web-tree-sitter.wasm';
export const RUST_GRAMMAR_WASM = 'tree-sitter-rust.wasm';

let runtimeInit: Promise<void> | undefined;
const parsers = new Map<string, Promise<RustParser>>();

function initRuntime(wasmDir: string): Promise<void> {
  if (!runtimeInit) {
    const p = Parser.init({
      locateFile: (name: string) => nodePath.join(wasmDir, name === RUNTIME_WASM ? RUNTIME_WASM : name),
    });
    runtimeInit = p.catch((err: unknown) => {
      runtimeInit = undefined; // allow a retry (e.g. with another directory)
      throw new GrammarLoadError(
        `could not initialise web-tree-sitter from ${nodePath.join(wasmDir, RUNTIME_WASM)}: ${describe(err)}`,
        { cause: err },
      );
    });
  }
  return runtimeInit;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

class RustParserImpl implements RustParser {
  private parser: Parser | undefined;
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
  parse(text: string, oldTree?: Tree | null): Tree {
    if (!this.parser) throw new ParseFailedError('the Rust parser has been disposed');
    let tree: Tree | null;
    try {
      tree = this.parser.parse(text, oldTree ?? null);
    } catch (err) {
      throw new ParseFailedError(`tree-sitter failed: ${describe(err)}`, { cause: err });
    }
    if (!tree) throw new ParseFailedError('tree-sitter returned no tree');
    return tree;
  }
  dispose(): void {
    if (!this.parser) return;
    this.parser.delete();
    this.parser = undefined;
    this.onDispose();
  }
}

/**
 * Loads (once per directory) the Rust parser. `wasmDir` holds `web-tree-sitter.wasm` and
 * `tree-sitter-rust.wasm` (the build copies both into `dist/`).
 * Rejects with a `GrammarLoadError`; a failed load is not cached.
 */
export function loadRustParser(wasmDir: string): Promise<RustParser> {
  const key = nodePath.resolve(wasmDir);
  let cached = parsers.get(key);
  if (!cached) {
    cached = (async (): Promise<RustParser> => {
      await initRuntime(key);
      let language: Language;
      const grammar = nodePath.join(key, RUST_GRAMMAR_WASM);
      try {
        language = await Language.load(grammar);
      } catch (err) {
        throw new GrammarLoadError(`could not load the Rust grammar ${grammar}: ${describe(err)}`, { cause: err });
      }
      const self: RustParser = new RustParserImpl(language, () => {
        if (parsers.get(key) === cached) parsers.delete(key);
      });
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
