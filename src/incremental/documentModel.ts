/**
 * The pure half of the document model (no `vscode` at run time, so the bench and unit tests
 * can use it): what one analysed document version holds, and how it is built from the
 * analysis of its crate (or of the document alone). src/features/reports.ts caches it.
 */
import { Analysis } from '../analysis/analyzer';
import type { Report, TypeReport } from '../core/reportTypes';
import type { Item, SourceFile, TypeItem } from '../core/model';
import { refKey } from '../core/engine';
import { reportType } from '../core/report';
import type { ModuleScope } from '../core/resolve';
import { placed } from '../core/positions';
import { expansionOf } from '../core/expansion';
import { type Derivation, spliceOf } from './extraction';
import { type CarriedReport, affectedBy, changedItems, crateKey, moveReport, placedReport, sameLayoutModel, sameOtherFiles, shiftReport } from './reportCarry';

export { layoutSignature, sameLayoutModel } from './reportCarry';

/** A type declared in the document: its report and the model item it came from. */
export interface TypeEntry {
  /**
   * The type's report. Its own `line`, `nameSpan` and `span` are right; the `nameSpan`s of its
   * fields may be off when it was carried over from a version where the type sat elsewhere
   * (src/incremental/reportCarry.ts): `placed` has them right.
   */
  readonly report: TypeReport;
  /** The report with every position right (the same object unless it was carried over shallowly). */
  readonly placed: TypeReport;
  /** The item with every position right (`placed`, computed on first read for an item that moved). */
  readonly item: TypeItem;
  /**
   * The same item as the model holds it: name, kind and its own `span`/`nameSpan`/`line` are
   * right, nested positions may be off (src/core/positions.ts). Cheap: for loops over every type.
   */
  readonly shallow: TypeItem;
  readonly m: ModuleScope;
}

/** Everything the features need about one version of one document. */
export interface DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly target: string;
  /** The path the engine knows the document by (file system path for `file:` documents). */
  readonly path: string;
  /** The text that was analysed (the document's text at `version`). */
  readonly text: string;
  /** The document's parsed model (items, syntax problems). */
  readonly file: SourceFile;
  /** The analysis of the document's crate (or of the document alone). */
  readonly analysis: Analysis;
  /** The types declared in the document, in source order. */
  readonly types: readonly TypeEntry[];
  /** The same, as a Report (what the older `get()` callers read). Positions as in `TypeEntry.report`. */
  readonly report: Report;
  /** `report` (one of this version's type reports) with every position right: see `TypeEntry.placed`. */
  placedReport(report: TypeReport): TypeReport;
  /** True when the reports were carried over from the previous version (see `buildDocumentAnalysis`). */
  readonly reused?: boolean;
  /** The model and the reports computed so far, for the next version. */
  carryOver(): CarryOver;
  /**
   * A type's hover note that depends on layouts beyond its report (what it owns on the heap:
   * element types a `Vec<T>` field holds are not among the report's references), computed by
   * `compute` once per version, or the previous version's when no layout of the document can have
   * changed (an edit in a comment or a body, nothing read since).
   */
  typeNote<T extends object>(entry: TypeEntry, compute: () => T | undefined): T | undefined;
  /** The crate directory when the document was analysed as part of a crate. */
  readonly crateDir?: string;
}

/** What a version hands to the next one: plain data only, so versions never chain in memory. */
export interface CarryOver {
  readonly path: string;
  readonly target: string;
  readonly file: SourceFile;
  readonly texts: ReadonlyMap<string, string>;
  readonly crateKey: string;
  readonly names: readonly string[];
  readonly reports: readonly (CarriedReport | undefined)[];
  /** The type notes computed so far (same order; null: computed, none). See DocumentAnalysis.typeNote. */
  readonly notes: readonly (object | null | undefined)[];
  /** The type items the reports belong to (same order). */
  readonly items: readonly TypeItem[];
  /** The modules of `items` (same order). */
  readonly mods: readonly ModuleScope[];
  /** References between the crate's items known so far (see `Engine.refs`). */
  readonly refs: ReadonlyMap<string, ReadonlySet<string>>;
  /** The analysis of this version (its crate scope and engine can serve the next one: `reuseAnalysis`). */
  readonly analysis: Analysis;
  /** `analysis.engine.refsVersion` when `refs` was taken. */
  readonly refsVersion: number;
}

/** A TypeEntry whose report and placed item are computed on first read (a class: no closure per entry). */
class LazyEntry implements TypeEntry {
  constructor(
    readonly shallow: TypeItem,
    readonly m: ModuleScope,
    readonly index: number,
    private readonly reportAt: (i: number) => CarriedReport,
    private readonly placedAt: (i: number) => TypeReport,
  ) {}

  get item(): TypeItem {
    return placed(this.shallow);
  }

  get report(): TypeReport {
    return this.reportAt(this.index).report;
  }

  get placed(): TypeReport {
    return this.placedAt(this.index);
  }
}

/**
 * An analysis made by `reuseAnalysis`, with its type entries: this version's items, the reused
 * scope's modules. (Not a WeakMap from the analysis: a minor garbage collection keeps the values
 * of a long-lived WeakMap alive, and with them every version's items, until the next major one.)
 */
class ReusedAnalysis extends Analysis {
  constructor(
    before: Analysis,
    program: Analysis['program'],
    readonly items: TypeItem[],
    readonly mods: readonly ModuleScope[],
  ) {
    super(before.target, before.engine, before.crate, program);
  }
}

/**
 * The previous version's crate scope and engine, for a version whose layout model is the same
 * (an edit in a comment, a doc comment, whitespace or a function body, found from the
 * derivation of its model: no name, `use`, module or definition changed). Building a crate scope
 * costs a few hundred kilobytes per keystroke on a 220 KB file; the layouts it gives cannot
 * differ. The scope's items keep their old positions, so the new version's type entries are this
 * version's items, matched to the previous entries by walking both models in source order.
 * Undefined when anything differs (then the caller analyses afresh).
 */
export function reuseAnalysis(
  file: SourceFile,
  doc: { path: string; text: string; target: string; derivation?: Derivation },
  previous: CarryOver | undefined,
): Analysis | undefined {
  if (!previous || previous.path !== doc.path || previous.target !== doc.target || previous.analysis.program.texts.size !== 1) return undefined;
  const d = spliceOf(doc.derivation, file, previous.file);
  if (!d) return undefined;
  const before = previous.analysis;
  const dirty = changedItems(d, previous.file, file, before.moduleOfFile(doc.path)?.path ?? []);
  if (!dirty || dirty.size > 0) return undefined;
  // Same structure: the type entries are at the same places of both models, in source order.
  const items: TypeItem[] = [];
  const olds = previous.items;
  const walk = (was: readonly Item[], now: readonly Item[]): boolean => {
    if (was.length !== now.length) return false;
    for (let i = 0; i < was.length && items.length < olds.length; i++) {
      const w = was[i]!;
      const n = now[i]!;
      if (w.kind !== n.kind) return false;
      if (w === olds[items.length]) items.push(n as TypeItem);
      if (w.kind === 'mod' && n.kind === 'mod' && w.items && n.items && !walk(w.items, n.items)) return false;
    }
    return true;
  };
  if (!walk(previous.file.items, file.items) || items.length !== olds.length) return undefined;
  for (let i = 0; i < items.length; i++) if (items[i]!.name !== olds[i]!.name) return undefined;
  const program = { crate: before.program.crate, texts: new Map([[doc.path, doc.text]]) };
  return new ReusedAnalysis(before, program, items, previous.mods);
}

/**
 * The types of `path` in `analysis`, with their reports, in source order. Reports are computed
 * on first use. With `previous` (the same document's last analysis, same target, same texts in
 * every other file) reports are carried over, moved to their new positions:
 *  - when the model was derived from the previous one (`doc.derivation`: ./documents.ts
 *    re-extracted only the items around the edit): every report whose type's definition and everything it
 *    refers to (transitively, `Engine.refs`) are unchanged, provided no name, `use` or module
 *    changed;
 *  - otherwise, when the whole model is the same but for positions and doc comments (an edit in
 *    a comment, a doc comment or a function body).
 */
export function buildDocumentAnalysis(
  analysis: Analysis,
  file: SourceFile,
  doc: {
    uri: string;
    version: number;
    path: string;
    text: string;
    crateDir?: string;
    derivation?: Derivation;
    /** Applied to each report made here (a workspace member's types that a whole-workspace build lays out otherwise: src/analysis/workspaceBuild.ts). */
    adjust?: (r: TypeReport) => TypeReport;
  },
  previous?: CarryOver,
): DocumentAnalysis {
  const { path, text } = doc;
  const target = analysis.target.triple;
  // The file's types, in source order: items[i] lives in mods[i].
  let items: TypeItem[] = [];
  let mods: readonly ModuleScope[];
  if (analysis instanceof ReusedAnalysis) {
    // The scope is an earlier version's (reuseAnalysis): its items have old positions.
    items = analysis.items;
    mods = analysis.mods;
  } else {
    const ms: ModuleScope[] = [];
    analysis.crate.eachTypeItem(path, items, ms);
    mods = ms;
  }
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) if (items[i - 1]!.span.start > items[i]!.span.start) sorted = false;
  if (!sorted) {
    const order = items.map((_, i) => i).sort((a, b) => items[a]!.span.start - items[b]!.span.start);
    const [is, ms] = [items, mods];
    items = order.map((i) => is[i]!);
    mods = order.map((i) => ms[i]!);
  }
  let prev =
    previous &&
    previous.path === path &&
    previous.target === target &&
    previous.names.length === items.length &&
    previous.crateKey === crateKey(analysis) &&
    sameOtherFiles(previous.texts, analysis.program.texts, path)
      ? previous
      : undefined;
  const derived = prev && spliceOf(doc.derivation, file, prev.file);
  const prevNames = prev?.names;
  // What carryOver needs of `previous`, so that no closure holds on to the previous version itself.
  const prevEngine = previous?.analysis.engine;
  const prevRefsVersion = previous?.refsVersion;
  // What may be carried over: `affected` lists the items whose reports must be recomputed.
  let plan: { affected: ReadonlySet<string> } | null | undefined;
  const planned = (): { affected: ReadonlySet<string> } | null => {
    if (plan === undefined) {
      plan = null;
      if (prev && prev.reports.some((r) => r !== undefined)) {
        if (derived) {
          const dirty = changedItems(derived, prev.file, file, analysis.moduleOfFile(path)?.path ?? []);
          if (dirty) plan = { affected: affectedBy(dirty, prev.refs) };
        } else if (sameLayoutModel(prev.file, file)) plan = { affected: new Set() };
      }
      if (!plan) prev = undefined; // nothing to carry: let the old version go
    }
    return plan;
  };
  const reports: (CarriedReport | undefined)[] = new Array<CarriedReport | undefined>(items.length).fill(undefined);
  let requested = 0;
  const carried = (i: number): CarriedReport | undefined => {
    const item = items[i]!;
    // A macro-made type is made afresh by each analysis: its report too.
    if (expansionOf(item)) return undefined;
    // A hover asks for one report: computing it beats comparing whole models. Past a few,
    // carrying the previous version's reports over is cheaper.
    if (!derived && ++requested <= 3) return undefined;
    const p = planned();
    const old = p && prev!.names[i] === item.name ? prev!.reports[i] : undefined;
    if (!old || (p!.affected.size > 0 && p!.affected.has(refKey('t', mods[i]!, item)))) return undefined;
    const was = prev!.items[i]!;
    if (item === was) return old;
    if (derived && item.span.start >= derived.newEnd && item.span.start === was.span.start + derived.delta) return shiftReport(old, item, derived.delta);
    const moved = moveReport(old.report, item, text);
    return moved && { report: moved };
  };
  // Once every report is known the previous version is let go (but for its refs): two versions
  // alive at a time double what each minor garbage collection has to copy.
  let missing = items.length;
  let prevRefs: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  const reportAt = (i: number): CarriedReport => {
    const cached = reports[i];
    if (cached) return cached;
    const item = items[i]!;
    const m = mods[i]!;
    const made = (): CarriedReport => {
      const report = reportType(analysis.engine, { item, m, name: [...m.path, item.name].join('::'), file: path, text });
      return { report: doc.adjust ? doc.adjust(report) : report };
    };
    const r = carried(i) ?? made();
    reports[i] = r;
    if (--missing === 0 && prev) {
      prevRefs = prev.refs;
      prev = undefined;
    }
    return r;
  };
  // Placed copies of the reports carried over shallowly, made when asked for (the diagram's).
  const placedAt: (TypeReport | undefined)[] = [];
  const placedOf = (i: number): TypeReport => (placedAt[i] ??= placedReport(reportAt(i)));
  const types: LazyEntry[] = items.map((item, i) => new LazyEntry(item, mods[i]!, i, reportAt, placedOf));
  // Notes are carried only when nothing of the document's layouts changed (see typeNote).
  let prevNotes = prev?.notes;
  const notes: (object | null | undefined)[] = new Array<object | null | undefined>(items.length).fill(undefined);
  const noteAt = (entry: TypeEntry, compute: () => object | undefined): object | undefined => {
    const i = entry instanceof LazyEntry && types[entry.index] === entry ? entry.index : -1;
    if (i < 0) return compute();
    const known = notes[i];
    if (known !== undefined) return known ?? undefined;
    let note: object | null | undefined;
    if (prevNotes?.[i] !== undefined && planned()?.affected.size === 0 && prevNames?.[i] === items[i]!.name) note = prevNotes[i];
    note ??= compute() ?? null;
    notes[i] = note;
    return note ?? undefined;
  };
  const carryOver = (): CarryOver => {
    // Unchanged when this version laid nothing out (a keystroke in a comment): shared, not copied.
    let refs: ReadonlyMap<string, ReadonlySet<string>>;
    const kept = plan ? (prev?.refs ?? prevRefs) : undefined;
    // (A reused engine already holds what the previous version handed on: shared while it learnt nothing new.)
    const sameEngine = prevEngine === analysis.engine && prevRefsVersion === analysis.engine.refsVersion;
    if (kept && (analysis.engine.refs.size === 0 || sameEngine)) refs = kept;
    else {
      // Merged, not replaced: an engine may meet only some of a type's references (a field type
      // resolved before, on another path), and an entry losing one let a report that depends on
      // it be carried over stale (the in-crate bench's first field edit after typing).
      const copy = new Map<string, ReadonlySet<string>>(kept ?? []);
      for (const [k, v] of analysis.engine.refs) {
        const had = copy.get(k);
        if (!had || had === v) copy.set(k, v);
        else {
          let union: Set<string> | undefined;
          for (const x of v) if (!had.has(x)) (union ??= new Set(had)).add(x);
          if (union) copy.set(k, union);
        }
      }
      refs = copy;
    }
    return {
      path,
      target,
      file,
      texts: analysis.program.texts,
      crateKey: crateKey(analysis),
      names: items.map((it) => it.name),
      reports: [...reports],
      notes: [...notes],
      items,
      mods,
      refs,
      analysis,
      refsVersion: analysis.engine.refsVersion,
    };
  };
  return new VersionAnalysis(doc, target, file, analysis, types, () => !!plan, carryOver, (e, compute) => {
    const note = noteAt(e, compute);
    if (notes.every((n) => n !== undefined)) prevNotes = undefined;
    return note;
  });
}

/**
 * One version's `DocumentAnalysis`. A class, not an object literal with getters: a getter that
 * is a new closure per object keeps the whole version (its items, reports and scope) alive
 * through every minor garbage collection until the next major one, which made one keystroke in
 * about twenty pay 4-6 ms copying survivors on a 220 KB file. Getters on a prototype do not.
 */
class VersionAnalysis implements DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly path: string;
  readonly text: string;
  readonly crateDir?: string;
  private whole: Report | undefined;

  constructor(
    doc: { uri: string; version: number; path: string; text: string; crateDir?: string },
    readonly target: string,
    readonly file: SourceFile,
    readonly analysis: Analysis,
    readonly types: readonly TypeEntry[],
    private readonly carried: () => boolean,
    private readonly handOn: () => CarryOver,
    private readonly note: (entry: TypeEntry, compute: () => object | undefined) => object | undefined,
  ) {
    this.uri = doc.uri;
    this.version = doc.version;
    this.path = doc.path;
    this.text = doc.text;
    if (doc.crateDir !== undefined) this.crateDir = doc.crateDir;
  }

  get reused(): boolean {
    return this.carried();
  }

  get report(): Report {
    return (this.whole ??= { target: this.target, types: this.types.map((t) => t.report) });
  }

  placedReport(report: TypeReport): TypeReport {
    return this.types.find((t) => t.report === report)?.placed ?? report;
  }

  carryOver(): CarryOver {
    return this.handOn();
  }

  typeNote<T extends object>(entry: TypeEntry, compute: () => T | undefined): T | undefined {
    return this.note(entry, compute) as T | undefined;
  }
}
