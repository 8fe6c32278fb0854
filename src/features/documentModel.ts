/**
 * The pure half of the document model (no `vscode` at run time, so the bench and unit tests
 * can use it): what one analysed document version holds, and how it is built from the
 * analysis of its crate (or of the document alone). src/features/reports.ts caches it.
 */
import type { Analysis } from '../analysis/analyzer';
import type { Report, TypeReport } from '../analysis/api';
import type { FieldDef, SourceFile, TypeItem } from '../core/model';
import { reportType, typeText } from '../core/report';
import type { ModuleScope } from '../core/resolve';

/** A type declared in the document: its report and the model item it came from. */
export interface TypeEntry {
  readonly report: TypeReport;
  readonly item: TypeItem;
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
  /** The same, as a Report (what the older `get()` callers read). */
  readonly report: Report;
  /** True when the reports were carried over from the previous version (see `buildDocumentAnalysis`). */
  readonly reused?: boolean;
  /** The model and the reports computed so far, for the next version. */
  carryOver(): CarryOver;
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
  readonly reports: readonly (TypeReport | undefined)[];
}

/** Keys of the model that do not influence any layout: positions and doc comments. */
const POSITIONAL = new Set(['span', 'nameSpan', 'bodySpan', 'line', 'docs']);

/** Everything in a file's model that layouts can depend on (all but positions and docs), as a string (the tests' oracle for `sameLayoutModel`). */
export function layoutSignature(file: SourceFile): string {
  return JSON.stringify([file.items, file.innerAttrs], (k, v: unknown) => (POSITIONAL.has(k) ? undefined : typeof v === 'bigint' ? `${v}n` : v));
}

/** Deep equality of two models ignoring positions and doc comments (what `layoutSignature` keeps). */
export function sameLayoutModel(a: SourceFile, b: SourceFile): boolean {
  return same(a.items, b.items) && same(a.innerAttrs, b.innerAttrs);
}

function same(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(y)) return false;
  const ox = x as Record<string, unknown>;
  const oy = y as Record<string, unknown>;
  let nx = 0;
  for (const k in ox) {
    if (POSITIONAL.has(k) || ox[k] === undefined) continue;
    nx++;
    if (!same(ox[k], oy[k])) return false;
  }
  let ny = 0;
  for (const k in oy) if (!POSITIONAL.has(k) && oy[k] !== undefined) ny++;
  return nx === ny;
}

/** True when every other file of the program has the same text. */
function sameOtherFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, path: string): boolean {
  if (a.size !== b.size) return false;
  for (const [p, t] of a) if (p !== path && b.get(p) !== t) return false;
  return true;
}

function crateKey(a: Analysis): string {
  return `${a.program.crate.externCrates.join()}|${a.program.crate.features.join()}`;
}

type FieldList = NonNullable<TypeReport['fields']>;

/** Field reports moved onto the definitions of the new version (matched by name); undefined if one is missing. */
function moveFields(fields: FieldList, defs: ReadonlyMap<string, FieldDef> | undefined, text: string): FieldList | undefined {
  const out: FieldList[number][] = [];
  for (const f of fields) {
    const d = defs?.get(f.name);
    if (!d) return undefined;
    out.push({ ...f, nameSpan: d.nameSpan, type: typeText(d.ty, text) });
  }
  return out;
}

/** A report of the previous version moved to the new positions of `item` (same layout model). */
function moveReport(old: TypeReport, item: TypeItem, text: string): TypeReport | undefined {
  if (old.kind !== item.kind) return undefined;
  const moved: TypeReport = { ...old, line: item.line + 1, nameSpan: item.nameSpan, span: item.span };
  if (item.kind !== 'enum') {
    if (!old.fields) return moved;
    const fields = moveFields(old.fields, new Map(item.fields.map((f) => [f.name, f])), text);
    return fields && { ...moved, fields };
  }
  const defs = new Map(item.variants.map((v) => [v.name, new Map(v.fields.map((f) => [f.name, f]))]));
  let variants: TypeReport['variants'];
  if (old.variants) {
    const vs: NonNullable<TypeReport['variants']>[number][] = [];
    for (const v of old.variants) {
      const fields = moveFields(v.fields, defs.get(v.name), text);
      if (!fields) return undefined;
      vs.push({ ...v, fields });
    }
    variants = vs;
  }
  let fields: FieldList | undefined;
  if (old.fields) {
    // The enum's own fields are those of its single present variant: find it by identity.
    const oldFields = old.fields;
    const k = old.variants?.findIndex((v) => v.fields.length === oldFields.length && v.fields.every((f, j) => f.nameSpan === oldFields[j]!.nameSpan)) ?? -1;
    const v = k >= 0 ? old.variants![k]! : undefined;
    fields = v && moveFields(oldFields, defs.get(v.name), text);
    if (!fields) return undefined;
  }
  return { ...moved, ...(variants ? { variants } : {}), ...(fields ? { fields } : {}) };
}

/**
 * The types of `path` in `analysis`, with their reports, in source order. Reports are computed
 * on first use. With `previous` (the same document's last analysis) the struct and union
 * reports are carried over, moved to their new positions, when nothing a layout depends on
 * changed: same target, same texts in every other file, and the same model of this file but for
 * positions and doc comments (an edit in a comment, a doc comment or a function body). Otherwise they are computed.
 */
export function buildDocumentAnalysis(
  analysis: Analysis,
  file: SourceFile,
  doc: { uri: string; version: number; path: string; text: string; crateDir?: string },
  previous?: CarryOver,
): DocumentAnalysis {
  const { path, text } = doc;
  const target = analysis.target.triple;
  const entries = [...analysis.crate.typeItems()].filter((x) => x.m.file === path).sort((a, b) => a.item.span.start - b.item.span.start);
  let prev = previous;
  let reuse: boolean | undefined;
  const canReuse = (): boolean => {
    if (reuse === undefined) {
      reuse =
        !!prev &&
        prev.path === path &&
        prev.target === target &&
        prev.names.length === entries.length &&
        prev.reports.some((r) => r !== undefined) &&
        prev.crateKey === crateKey(analysis) &&
        sameOtherFiles(prev.texts, analysis.program.texts, path) &&
        sameLayoutModel(prev.file, file);
      if (!reuse) prev = undefined; // nothing to carry: let the old version go
    }
    return reuse;
  };
  const reports: (TypeReport | undefined)[] = entries.map(() => undefined);
  let requested = 0;
  const reportAt = (i: number): TypeReport => {
    const cached = reports[i];
    if (cached) return cached;
    const { item, m } = entries[i]!;
    // A hover asks for one report: computing it beats comparing the models. Past a few,
    // carrying the previous version's reports over is cheaper.
    const old = ++requested > 3 && canReuse() && prev!.names[i] === item.name ? prev!.reports[i] : undefined;
    const r = (old && moveReport(old, item, text)) || reportType(analysis.engine, { item, m, name: [...m.path, item.name].join('::'), file: path, text });
    reports[i] = r;
    return r;
  };
  const types: TypeEntry[] = entries.map(({ item, m }, i) => ({
    item,
    m,
    get report(): TypeReport {
      return reportAt(i);
    },
  }));
  let report: Report | undefined;
  return {
    ...doc,
    target,
    file,
    analysis,
    types,
    get reused(): boolean {
      return reuse === true;
    },
    carryOver: (): CarryOver => ({
      path,
      target,
      file,
      texts: analysis.program.texts,
      crateKey: crateKey(analysis),
      names: entries.map((e) => e.item.name),
      reports: [...reports],
    }),
    get report(): Report {
      return (report ??= { target, types: types.map((t) => t.report) });
    },
  };
}
