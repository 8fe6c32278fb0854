/**
 * Per-document syntax tree cache, independent of VS Code (the adapter passes plain objects).
 *
 * - One tree per open document, keyed by URI and stamped with the document version, so hover,
 *   CodeLens and code actions share one parse (and one extraction) per version.
 * - Edits are applied incrementally: `tree.edit()` with the change's offsets and OLD
 *   positions, the new end position computed from the inserted text, then a re-parse that
 *   reuses the old tree. If anything looks off (the changes do not give the document's text),
 *   it falls back to a full parse.
 * - Every replaced tree is `delete()`d, and so is a closed document's; `dispose()` frees all.
 *   A tree handed out by `get`/`update` stays valid only until the next update or close of
 *   that document.
 */
import type { Tree } from 'web-tree-sitter';
import { Edit } from 'web-tree-sitter';
import type { SourceFile } from '../core/model';
import { extractFile, extractIncremental } from './extract';
import { type RustParser, abandonedParse } from './parser';

export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** What VS Code's `TextDocumentContentChangeEvent` carries (range in the OLD text). */
export interface ContentChange {
  readonly range?: { readonly start: Position; readonly end: Position };
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** Owned by the cache: valid until the document's next update or close. */
  readonly tree: Tree;
  /** The extracted model, computed on first use and cached for this version. */
  file(): SourceFile;
}

interface Entry {
  uri: string;
  version: number;
  text: string;
  tree: Tree;
  model: SourceFile | undefined;
  /** The last extracted model before this version, and how much of its text is unchanged at each end. */
  base: Base | undefined;
  doc: ParsedDocument;
}

interface Base {
  readonly model: SourceFile;
  readonly text: string;
  readonly prefix: number;
  readonly suffix: number;
}

export interface DocumentTreesOptions {
  /** Trees kept at most (least recently used are freed first). Default 64. */
  readonly maxDocuments?: number;
}

export class DocumentTrees {
  private readonly entries = new Map<string, Entry>();
  private readonly max: number;
  private disposed = false;
  /** Counters for tests and diagnostics. */
  readonly stats = { full: 0, incremental: 0, fallback: 0, extractFull: 0, extractIncremental: 0 };

  constructor(
    private readonly parser: RustParser,
    options: DocumentTreesOptions = {},
  ) {
    this.max = Math.max(1, options.maxDocuments ?? 64);
  }

  /** The tree of `doc` at its current version (parsed now if the cache has no such version). */
  get(doc: TextDocumentLike): ParsedDocument {
    this.checkAlive();
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version) {
      this.touch(e);
      return e.doc;
    }
    return this.fullParse(doc.uri, doc.version, doc.getText()).doc;
  }

  /**
   * Applies `changes` (in the order VS Code reports them: each in the coordinates of the text
   * left by the previous ones) to the cached tree and re-parses incrementally. Without a
   * cached tree, or when the cache is not at the version before these changes, parses fully.
   */
  update(doc: TextDocumentLike, changes: readonly ContentChange[]): ParsedDocument {
    this.checkAlive();
    const e = this.entries.get(doc.uri);
    // No tree, or the empty tree of a parse that was given up (nothing to reuse): parse afresh.
    if (!e || (e.version !== doc.version && abandonedParse(e.tree) !== undefined)) return this.fullParse(doc.uri, doc.version, doc.getText()).doc;
    if (e.version === doc.version) {
      this.touch(e);
      return e.doc;
    }
    const expected = doc.getText();
    let text = e.text;
    const tree = e.tree;
    // The unchanged start and end, relative to the last extracted model.
    let prefix = e.model ? e.text.length : (e.base?.prefix ?? 0);
    let suffix = e.model ? e.text.length : (e.base?.suffix ?? 0);
    const single = changes.length === 1 && doc.version === e.version + 1;
    try {
      for (const ch of changes) {
        const start = ch.rangeOffset;
        const oldEnd = ch.rangeOffset + ch.rangeLength;
        if (start < 0 || oldEnd > text.length) throw new Error('change outside the text');
        const startPosition = ch.range ? toPoint(ch.range.start) : pointAt(text, start);
        const oldEndPosition = ch.range ? toPoint(ch.range.end) : pointAt(text, oldEnd);
        const newEndPosition = advance(startPosition, ch.text);
        tree.edit(
          new Edit({
            startIndex: start,
            oldEndIndex: oldEnd,
            newEndIndex: start + ch.text.length,
            startPosition,
            oldEndPosition,
            newEndPosition,
          }),
        );
        prefix = Math.min(prefix, start);
        suffix = Math.min(suffix, text.length - oldEnd);
        if (!single) text = text.slice(0, start) + ch.text + text.slice(oldEnd);
      }
    } catch {
      this.stats.fallback++;
      return this.fullParse(doc.uri, doc.version, expected).doc;
    }
    // The text these changes give must be the document's. One change on the next version (a
    // keystroke): the length and the inserted text are checked, the rest is the cached text;
    // otherwise the whole text is rebuilt and compared (a 220 KB comparison costs ~0.5 ms).
    const ok = single
      ? expected.length === text.length - changes[0]!.rangeLength + changes[0]!.text.length && expected.startsWith(changes[0]!.text, changes[0]!.rangeOffset)
      : text === expected;
    if (!ok) {
      // missed an event, or changes not relative to the cached version
      this.stats.fallback++;
      return this.fullParse(doc.uri, doc.version, expected).doc;
    }
    const next = this.parser.parse(expected, tree);
    this.stats.incremental++;
    const baseModel = e.model ?? e.base?.model;
    let base: Base | undefined;
    if (baseModel && abandonedParse(next) === undefined) {
      for (const r of next.getChangedRanges(tree)) {
        prefix = Math.min(prefix, r.startIndex);
        suffix = Math.min(suffix, expected.length - r.endIndex);
      }
      base = { model: baseModel, text: e.model ? e.text : e.base!.text, prefix: Math.max(0, prefix), suffix: Math.max(0, suffix) };
    }
    return this.store(doc.uri, doc.version, expected, next, base).doc;
  }

  /** Frees the document's tree (call on `onDidCloseTextDocument`). */
  close(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    this.entries.delete(uri);
    e.tree.delete();
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const e of this.entries.values()) e.tree.delete();
    this.entries.clear();
  }

  private checkAlive(): void {
    if (this.disposed) throw new Error('DocumentTrees used after dispose()');
  }

  private fullParse(uri: string, version: number, text: string): Entry {
    const tree = this.parser.parse(text);
    this.stats.full++;
    return this.store(uri, version, text, tree);
  }

  /** Replaces (and frees) the document's previous tree. */
  private store(uri: string, version: number, text: string, tree: Tree, base?: Base): Entry {
    const old = this.entries.get(uri);
    if (old) {
      this.entries.delete(uri);
      if (old.tree !== tree) old.tree.delete();
    }
    const entry: Entry = {
      uri,
      version,
      text,
      tree,
      model: undefined,
      base,
      doc: undefined as unknown as ParsedDocument,
    };
    entry.doc = {
      uri,
      version,
      text,
      tree,
      file: () => (entry.model ??= this.extract(entry)),
    };
    this.entries.set(uri, entry);
    while (this.entries.size > this.max) {
      const [lruUri, lru] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(lruUri);
      lru.tree.delete();
    }
    return entry;
  }

  /** The entry's model: from its base model when only part of the text changed, else in full. */
  private extract(e: Entry): SourceFile {
    const b = e.base;
    e.base = undefined;
    const file = b && extractIncremental(e.tree, e.text, e.uri, b.model, b.text, b.prefix, b.suffix);
    if (file) {
      this.stats.extractIncremental++;
      return file;
    }
    this.stats.extractFull++;
    return extractFile(e.tree, e.text, e.uri);
  }

  private touch(e: Entry): void {
    // Map keeps insertion order: re-insert to mark as most recently used
    this.entries.delete(e.uri);
    this.entries.set(e.uri, e);
  }
}

function toPoint(p: Position): { row: number; column: number } {
  return { row: p.line, column: p.character };
}

/** Row/column (UTF-16, rows split at `\n` like tree-sitter) of `offset` in `text`. */
export function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  let i = text.indexOf('\n');
  while (i >= 0 && i < offset) {
    row++;
    lineStart = i + 1;
    i = text.indexOf('\n', lineStart);
  }
  return { row, column: offset - lineStart };
}

/** The position reached after inserting `inserted` at `start`. */
export function advance(start: { row: number; column: number }, inserted: string): { row: number; column: number } {
  let lines = 0;
  let last = -1;
  for (let i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) {
    lines++;
    last = i;
  }
  if (lines === 0) return { row: start.row, column: start.column + inserted.length };
  return { row: start.row + lines, column: inserted.length - last - 1 };
}
