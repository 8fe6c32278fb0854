/**
 * Per-document syntax tree cache, independent of VS Code (the adapter passes plain objects).
 *
 * - One tree per open document, keyed by URI and stamped with the document version, so hover,
 *   CodeLens and code actions share one parse (and one extraction) per version.
 * - Edits are applied incrementally: `tree.edit()` with the change's offsets and OLD
 *   positions, the new end position computed from the inserted text, then a re-parse that
 *   reuses the old tree. If anything looks off (the changes do not give the document's text),
 *   it falls back to a full parse.
 * - Region re-parse. tree-sitter's incremental re-parse still visits every top-level item of
 *   the file (with tree-sitter-rust, each doc comment stops it from reusing more than one item
 *   at a time: about 1.2 ms for the 2,800 items of a 220 KB file). So an edit in an error-free
 *   file first re-parses only the top-level items it touches, with the blank space around
 *   them, as a range of the document (tree-sitter's included ranges). When that parse is clean
 *   and holds only items, attributes and comments (each complete on its own), the rest of the
 *   file parses as before, and the model is rebuilt from this region alone. The whole file's
 *   tree is then brought up to date later (`settle`): when asked for, when typing pauses (the
 *   extension calls `settle`), or after `MAX_PENDING` regions.
 * - A parse given up over its budget (`abandonedParse`: an empty tree) is kept only so the
 *   next edit knows where it stands (it parses afresh); `get` of the same version parses again.
 * - Every replaced tree is `delete()`d, and so is a closed document's; `dispose()` frees all.
 *   A tree handed out by `get`/`update` stays valid only until the next update, close or
 *   `get` that parses again of that document.
 */
import type { Node, Point, Tree } from 'web-tree-sitter';
import { Edit } from 'web-tree-sitter';
import type { SourceFile } from '../core/model';
import { carriesOver, extractFile, itemStart } from '../parse/extract';
import { type RustParser, abandonedParse } from '../parse/parser';
import { type Derivation, extractIncremental } from './extraction';

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
  /** The whole file's tree (re-parsed first if only regions were). Owned by the cache: valid until the document's next update or close. */
  readonly tree: Tree;
  /** The extracted model, computed on first use and cached for this version. */
  file(): SourceFile;
  /**
   * How that model was built from the model of the version before (re-extracting only the items
   * around the edit), or undefined when it was extracted in full. Extracts the model first.
   */
  derivation(): Derivation | undefined;
}

interface Entry {
  uri: string;
  version: number;
  text: string;
  /** The whole file's tree; while `pending` is not empty, that of an earlier version, edited (`tree.edit`) to this text. */
  tree: Tree;
  /** Did the whole file's last parse find no syntax error? */
  clean: boolean;
  /** The parts of this text re-parsed on their own since `tree` was parsed; while `region` is set, the last is its range. */
  pending: readonly Region[];
  /** This version's region parse, until the model is extracted from it or the tree settled. */
  region: Tree | undefined;
  model: SourceFile | undefined;
  /** How `model` was built from `base`'s model, when it was. */
  derivation: Derivation | undefined;
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

/** A part of the text: [start, end). */
export interface Region {
  readonly start: number;
  readonly end: number;
}

/**
 * What a re-parsed region may hold at its top level: items, attributes and comments. Each ends
 * in `}`, `;`, `]`, `*\/` or a line end whatever follows, so what follows the region parses as
 * it did. Not expression statements or `let` (a block expression can continue into the next
 * line), nor a shebang (only the first line can be one).
 */
const REGION_KINDS = new Set([
  'associated_type',
  'attribute_item',
  'const_item',
  'empty_statement',
  'enum_item',
  'extern_crate_declaration',
  'foreign_mod_item',
  'function_item',
  'function_signature_item',
  'impl_item',
  'inner_attribute_item',
  'macro_definition',
  'macro_invocation',
  'mod_item',
  'static_item',
  'struct_item',
  'trait_item',
  'type_item',
  'union_item',
  'use_declaration',
  'line_comment',
  'block_comment',
]);

/** Regions re-parsed on their own before the whole file is re-parsed. */
export const MAX_PENDING = 32;

export interface DocumentTreesOptions {
  /** Trees kept at most (least recently used are freed first). Default 64. */
  readonly maxDocuments?: number;
  /** Re-parse the items an edit touches on their own when they allow it (default true); false re-parses the whole file at every edit. */
  readonly regions?: boolean;
  /**
   * The largest region re-parsed on its own, as a share of the text (default 1/32). Parsing from
   * scratch costs about 40 times more per byte than tree-sitter's re-parse of the rest of the file
   * (measured: a 62 KB `impl` block 13.8 ms alone, the whole 282 KB file around it 5.4 ms), so an
   * edit inside a large item re-parses the whole file.
   */
  readonly regionShare?: number;
}

export class DocumentTrees {
  private readonly entries = new Map<string, Entry>();
  /** What a `ParsedDocument` asks of the cache. */
  private readonly access: CacheAccess = {
    tree: (e) => {
      // Only while this is the document's entry: a later version owns the tree now.
      if (this.entries.get(e.uri) === e) this.settleEntry(e);
      return e.tree;
    },
    model: (e) => (e.model ??= this.extract(e)),
  };
  private readonly max: number;
  private readonly regions: boolean;
  private readonly regionShare: number;
  private disposed = false;
  /** Counters for tests and diagnostics. */
  readonly stats = { full: 0, incremental: 0, region: 0, settle: 0, fallback: 0, extractFull: 0, extractIncremental: 0, retry: 0 };

  constructor(
    private readonly parser: RustParser,
    options: DocumentTreesOptions = {},
  ) {
    this.max = Math.max(1, options.maxDocuments ?? 64);
    this.regions = options.regions ?? true;
    this.regionShare = options.regionShare ?? 1 / 32;
  }

  /**
   * The tree of `doc` at its current version (parsed now if the cache has no such version). A
   * parse that was given up (`abandonedParse`) is not the document's tree: asking again parses
   * the text again, from scratch, unless `options.retry` is false (the caller decides how often
   * a given-up text is tried; until then it gets the given-up version, whose model says why).
   */
  get(doc: TextDocumentLike, options: { readonly retry?: boolean } = {}): ParsedDocument {
    this.checkAlive();
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version && (options.retry === false || !this.givenUp(e))) {
      this.touch(e);
      return e.doc;
    }
    if (e && e.version === doc.version) this.stats.retry++;
    return this.fullParse(doc.uri, doc.version, doc.getText()).doc;
  }

  /**
   * Parses a document not cached yet in slices (`RustParser.parseInSlices`), off the keystroke
   * path, and caches its tree for that version: later edits are then incremental. Resolves to
   * false when the document was cached meanwhile (or this was disposed), true once stored.
   */
  async prepare(doc: TextDocumentLike, made?: { readonly text: string; readonly file: SourceFile }): Promise<boolean> {
    this.checkAlive();
    if (this.entries.has(doc.uri)) return false;
    const version = doc.version;
    const text = doc.getText();
    const tree = await this.parser.parseInSlices(text);
    if (this.disposed || this.entries.has(doc.uri)) {
      tree.delete();
      return false;
    }
    this.stats.full++;
    const e = this.store(doc.uri, version, text, tree);
    // The model of this text made elsewhere (the parse worker's) is this tree's: extracting it
    // again here would block (100 ms for a 200 KB file), and the next edit extracts from it.
    if (made && made.text === text && !made.file.problems.some((p) => p.code === 'parseAbandoned')) e.model = made.file;
    return true;
  }

  /** Is the entry's whole-file tree a given-up parse (its model then holds only the reason)? */
  private givenUp(e: Entry): boolean {
    return abandonedParse(e.tree) !== undefined;
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
    // The same for these changes alone (the base model may be some versions older).
    let editPrefix = e.text.length;
    let editSuffix = e.text.length;
    const single = changes.length === 1 && doc.version === e.version + 1;
    let pending = e.pending;
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
        editPrefix = Math.min(editPrefix, start);
        editSuffix = Math.min(editSuffix, text.length - oldEnd);
        if (pending.length) pending = pending.map((r) => shiftRegion(r, start, oldEnd, start + ch.text.length));
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
    const baseModel = e.model ?? e.base?.model;
    const baseText = e.model ? e.text : e.base?.text;
    const affected = affectedRegion(tree.rootNode, expected.length, Math.min(editPrefix, expected.length - editSuffix), Math.max(editPrefix, expected.length - editSuffix), pending);
    if (this.regions && affected && baseModel && baseText !== undefined && e.clean && pending.length < MAX_PENDING) {
      const r = this.reparseRegion(tree, expected, affected, pending, expected.length * this.regionShare);
      if (r) {
        this.stats.region++;
        // Relative to the base model: this region and what changed in the versions since.
        const base: Base = { model: baseModel, text: baseText, prefix: Math.max(0, Math.min(prefix, r.start)), suffix: Math.max(0, Math.min(suffix, expected.length - r.end)) };
        return this.store(doc.uri, doc.version, expected, tree, base, true, r.pending, r.tree).doc;
      }
    }
    const next = this.parser.parse(expected, tree);
    this.stats.incremental++;
    let base: Base | undefined;
    if (affected && baseModel && baseText !== undefined && abandonedParse(next) === undefined) {
      // From the start of what the edited old tree says the edits reach, up to where both trees
      // have a top-level boundary (the same text follows, parsed from the same state).
      prefix = Math.min(prefix, affected.start);
      suffix = Math.min(suffix, expected.length - commonBoundary(tree.rootNode, next.rootNode, pending, Math.max(affected.end, expected.length - suffix)));
      for (const r of next.getChangedRanges(tree)) {
        prefix = Math.min(prefix, r.startIndex);
        suffix = Math.min(suffix, expected.length - r.endIndex);
      }
      base = { model: baseModel, text: baseText, prefix: Math.max(0, prefix), suffix: Math.max(0, suffix) };
    }
    return this.store(doc.uri, doc.version, expected, next, base).doc;
  }

  /**
   * Parses `region` of `text` on its own (see `affectedRegion`). Returns undefined when the region
   * is longer than `maxLength`, or its parse has an error or holds anything but items, attributes
   * and comments: the whole file is then re-parsed.
   */
  private reparseRegion(tree: Tree, text: string, region: Affected, pending: readonly Region[], maxLength: number): { start: number; end: number; tree: Tree; pending: Region[] } | undefined {
    const { start, end } = region;
    if (end - start > maxLength) return undefined;
    const root = tree.rootNode;
    const startPosition = start === 0 ? { row: 0, column: 0 } : endPositionAt(root, text, start);
    const endPosition = advance(startPosition, text.slice(start, end));
    const rt = this.parser.parse(text, null, { range: { startIndex: start, endIndex: end, startPosition, endPosition } });
    let ok = abandonedParse(rt) === undefined;
    let attachedLast = false;
    if (ok) {
      const rr = rt.rootNode;
      ok = !rr.hasError;
      let last = '';
      for (let c = rr.firstChild; ok && c; c = c.nextSibling) ok = REGION_KINDS.has((last = c.type));
      attachedLast = carriesOver(last);
    }
    if (!ok || (attachedLast && end < text.length)) {
      rt.delete();
      // Attributes and comments at the end belong to the item after the region: take it in.
      const wider = ok ? affectedRegion(root, text.length, start, end, pending) : undefined;
      return wider ? this.reparseRegion(tree, text, wider, pending, maxLength) : undefined;
    }
    const left = pending.filter((_, i) => !region.joined[i]);
    left.push({ start, end });
    return { start, end, tree: rt, pending: left };
  }

  /**
   * Brings the whole file's tree of `uri` (or of every document) up to date when only regions
   * were re-parsed since its last parse: one incremental parse of the whole file. The extension
   * calls it when typing pauses; `ParsedDocument.tree` calls it before handing the tree out.
   */
  settle(uri?: string): void {
    this.checkAlive();
    if (uri === undefined) for (const e of this.entries.values()) this.settleEntry(e);
    else {
      const e = this.entries.get(uri);
      if (e) this.settleEntry(e);
    }
  }

  private settleEntry(e: Entry): void {
    if (e.pending.length === 0) return;
    const stale = e.tree;
    const next = this.parser.parse(e.text, stale);
    this.stats.settle++;
    e.tree = next;
    stale.delete();
    e.pending = [];
    e.clean = !next.rootNode.hasError;
    e.region?.delete();
    e.region = undefined;
    // A given-up parse: no model from a window of it (a full extraction reports why).
    if (abandonedParse(next) !== undefined) e.base = undefined;
  }

  /** Frees the document's tree (call on `onDidCloseTextDocument`). */
  close(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    this.entries.delete(uri);
    freeEntry(e);
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
    for (const e of this.entries.values()) freeEntry(e);
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

  /**
   * Replaces the document's entry, freeing the previous trees that are not carried over: a
   * whole-file tree kept while regions are pending is the same object from version to version.
   */
  private store(uri: string, version: number, text: string, tree: Tree, base?: Base, clean?: boolean, pending: readonly Region[] = [], region?: Tree): Entry {
    const old = this.entries.get(uri);
    if (old) {
      this.entries.delete(uri);
      if (old.tree !== tree) old.tree.delete();
      old.region?.delete();
      old.region = undefined;
      // The replaced version's derivation holds the model before it: let that one go now.
      old.derivation = undefined;
    }
    const entry: Entry = {
      uri,
      version,
      text,
      tree,
      clean: clean ?? (abandonedParse(tree) === undefined && !tree.rootNode.hasError),
      pending,
      region,
      model: undefined,
      derivation: undefined,
      base,
      doc: undefined as unknown as ParsedDocument,
    };
    entry.doc = new VersionDoc(entry, this.access);
    this.entries.set(uri, entry);
    while (this.entries.size > this.max) {
      const [lruUri, lru] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(lruUri);
      freeEntry(lru);
    }
    return entry;
  }

  /** The entry's model: from its base model when only part of the text changed, else in full. */
  private extract(e: Entry): SourceFile {
    const b = e.base;
    e.base = undefined;
    if (b) {
      // The region's parse when it holds every change since the base model (the model of the
      // version before, usually), else the whole file's tree.
      const r = e.pending.at(-1);
      const inRegion = e.region && r && b.prefix >= r.start && e.text.length - b.suffix <= r.end;
      if (!inRegion) this.settleEntry(e);
      const d = extractIncremental(inRegion ? e.region! : e.tree, e.text, e.uri, b.model, b.text, b.prefix, b.suffix);
      e.region?.delete();
      e.region = undefined;
      if (d) {
        this.stats.extractIncremental++;
        e.derivation = d;
        return d.file;
      }
    }
    this.settleEntry(e);
    this.stats.extractFull++;
    return extractFile(e.tree, e.text, e.uri);
  }

  private touch(e: Entry): void {
    // Map keeps insertion order: re-insert to mark as most recently used
    this.entries.delete(e.uri);
    this.entries.set(e.uri, e);
  }
}

interface CacheAccess {
  tree(e: Entry): Tree;
  model(e: Entry): SourceFile;
}

/** One version of a document, as handed out (a class: its getter is shared, not one per version). */
class VersionDoc implements ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  constructor(
    private readonly entry: Entry,
    private readonly access: CacheAccess,
  ) {
    this.uri = entry.uri;
    this.version = entry.version;
    this.text = entry.text;
  }
  get tree(): Tree {
    return this.access.tree(this.entry);
  }
  file(): SourceFile {
    return this.access.model(this.entry);
  }
  derivation(): Derivation | undefined {
    const file = this.access.model(this.entry);
    const d = this.entry.derivation;
    return d?.file === file ? d : undefined;
  }
}

interface Affected extends Region {
  /** Which pending regions it takes in. */
  readonly joined: readonly boolean[];
}

/**
 * The part of the text that an edit of [ws, we) can change the syntax of: the top-level nodes
 * of `root` that overlap or touch it (with the attributes and comments before the first and,
 * when the last is one, the item after it), the blank space up to the nodes around them, and
 * every pending region this reaches (their own nodes in `root` are stale). `root` is the whole
 * file's tree edited to the text (`length` long): outside pending regions, its top-level nodes
 * are the text's. Undefined if the tree does not fit the text.
 *
 * tree-sitter's own changed ranges do not give this: a block comment turned into items by `// `
 * typed before its `/*` is reported as no change at all (measured).
 */
function affectedRegion(root: Node, length: number, ws: number, we: number, pending: readonly Region[]): Affected | undefined {
  // The first top-level node ending at or after ws.
  const touching = root.firstChildForIndex(ws > 0 ? ws - 1 : 0);
  let before: Node | null;
  let after: Node | null;
  if (touching && touching.startIndex <= we) {
    const first = itemStart(touching);
    let last = touching;
    for (let c = touching.nextSibling; c && (c.startIndex <= we || carriesOver(last.type)); c = c.nextSibling) last = c;
    before = first.previousSibling;
    after = last.nextSibling;
  } else {
    after = touching;
    before = touching ? touching.previousSibling : root.lastChild;
  }
  let start = before ? before.endIndex : 0;
  let end = after ? after.startIndex : length;
  if (start > ws || end < we || end > length) return undefined;
  const joined = pending.map(() => false);
  for (let grew = true; grew; ) {
    grew = false;
    pending.forEach((r, i) => {
      if (joined[i] || r.start > end || r.end < start) return;
      joined[i] = true;
      grew = true;
      start = Math.min(start, r.start);
      end = Math.max(end, r.end);
    });
  }
  return { start, end, joined };
}

/**
 * The first offset from `at` on where neither the old tree (edited to the text; its nodes inside
 * a pending region do not count, the region does) nor the new tree has a top-level node
 * spanning across. An edit can move boundaries far from it: `/*` typed before nested block
 * comments pairs them up differently down to the end of the last one.
 */
function commonBoundary(oldRoot: Node, newRoot: Node, pending: readonly Region[], at: number): number {
  let e = at;
  for (let moved = true; moved; ) {
    moved = false;
    for (const root of [oldRoot, newRoot]) {
      const n = root.firstChildForIndex(e); // the first node ending after e
      if (n && n.startIndex < e) {
        e = n.endIndex;
        moved = true;
      }
    }
    for (const r of pending) {
      if (r.start < e && e < r.end) {
        e = r.end;
        moved = true;
      }
    }
  }
  return e;
}

function freeEntry(e: Entry): void {
  e.tree.delete();
  e.region?.delete();
  e.region = undefined;
}

/** Where region `r` lies after the edit replacing [start, oldEnd) with text ending at newEnd. */
function shiftRegion(r: Region, start: number, oldEnd: number, newEnd: number): Region {
  if (r.end <= start) return r;
  const delta = newEnd - oldEnd;
  if (r.start >= oldEnd) return { start: r.start + delta, end: r.end + delta };
  return { start: Math.min(r.start, start), end: Math.max(r.end + delta, newEnd) };
}

/**
 * The row and column of `offset`, the end of a top-level node of `root` (the positions of an
 * edited tree are the text's); counted in the text if no node ends there.
 */
function endPositionAt(root: Node, text: string, offset: number): Point {
  const n = root.firstChildForIndex(offset - 1);
  if (n && n.endIndex === offset) return n.endPosition;
  return pointAt(text, offset);
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
