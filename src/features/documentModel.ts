/**
 * The pure half of the document model (no `vscode` at run time, so the bench and unit tests
 * can use it): what one analysed document version holds, and how it is built from the
 * analysis of its crate (or of the document alone). src/features/reports.ts caches it.
 */
import type { Analysis } from '../analysis/analyzer';
import type { Report, TypeReport } from '../analysis/api';
import type { SourceFile, TypeItem } from '../core/model';
import { reportType } from '../core/report';
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
  /** The crate directory when the document was analysed as part of a crate. */
  readonly crateDir?: string;
}

/** The types of `path` in `analysis`, with their reports, in source order. */
export function buildDocumentAnalysis(
  analysis: Analysis,
  file: SourceFile,
  doc: { uri: string; version: number; path: string; text: string; crateDir?: string },
): DocumentAnalysis {
  const { path, text } = doc;
  const types: TypeEntry[] = [];
  for (const { item, m } of analysis.crate.typeItems()) {
    if (m.file !== path) continue;
    // Reports are computed on first use: a hover right after an edit lays out one type, not all.
    let report: TypeReport | undefined;
    types.push({
      item,
      m,
      get report(): TypeReport {
        return (report ??= reportType(analysis.engine, { item, m, name: [...m.path, item.name].join('::'), file: path, text }));
      },
    });
  }
  types.sort((a, b) => a.item.span.start - b.item.span.start);
  const target = analysis.target.triple;
  let report: Report | undefined;
  return {
    ...doc,
    target,
    file,
    analysis,
    types,
    get report(): Report {
      return (report ??= { target, types: types.map((t) => t.report) });
    },
  };
}
