/**
 * The byte grid's model: which byte of a type belongs to which field, the tag, a niche or
 * padding, one row per enum variant (or union field). Pure (no DOM), so unit tests cover it;
 * src/webview/main.ts draws it.
 */
import type { FieldReport, TypeReport } from '../core/reportTypes';
import { CACHE_LINE } from '../core/cacheLines';

export type CellKind = 'field' | 'padding' | 'tag';

export interface Cell {
  /** First byte this cell stands for, and one past its last (cells cover `unit` bytes). */
  readonly start: number;
  readonly end: number;
  readonly kind: CellKind;
  /** For fields: the field, and its colour slot (0..5, by declaration order in its row). */
  readonly field?: FieldReport;
  readonly colour?: number;
  /** The byte carries the type's niche (invalid values the enclosing enums can use). */
  readonly niche: boolean;
  /** The byte holds the tag encoded in a niche of this variant's field. */
  readonly nicheTag: boolean;
  /** The cell starts a new 64-byte cache line (not the first). */
  readonly cacheLine: boolean;
}

export interface GridRow {
  /** Variant name (enums), field name (unions) or the type's name. */
  readonly label: string;
  readonly cells: Cell[];
}

export interface Grid {
  /** Bytes per cell: 1 unless the type is large. */
  readonly unit: number;
  /** Cells per line. */
  readonly columns: number;
  readonly rows: GridRow[];
}

export { CACHE_LINE };
const MAX_CELLS = 512;

export function cellUnit(size: number): number {
  let unit = 1;
  while (size / unit > MAX_CELLS) unit *= 2;
  return unit;
}

interface Span {
  readonly kind: CellKind;
  readonly start: number;
  readonly end: number;
  readonly field?: FieldReport;
  readonly colour?: number;
}

function row(label: string, size: number, unit: number, spans: readonly Span[], report: TypeReport, nicheTag?: { start: number; end: number }): GridRow {
  const cells: Cell[] = [];
  const niche = report.niche;
  for (let start = 0; start < size; start += unit) {
    const end = Math.min(size, start + unit);
    // The cell shows what owns its first byte; a tag wins over a field that overlaps it.
    const owners = spans.filter((s) => s.start < end && start < s.end && s.end > s.start);
    const owner = owners.find((s) => s.kind === 'tag') ?? owners.find((s) => s.kind === 'field');
    cells.push({
      start,
      end,
      kind: owner?.kind ?? 'padding',
      field: owner?.field,
      colour: owner?.colour,
      niche: !!niche && niche.offset < end && start < niche.offset + niche.size,
      nicheTag: !!nicheTag && nicheTag.start < end && start < nicheTag.end,
      cacheLine: start > 0 && Math.floor(start / CACHE_LINE) !== Math.floor((start - unit) / CACHE_LINE),
    });
  }
  return { label, cells };
}

function fieldSpans(fields: readonly FieldReport[]): Span[] {
  return fields.map((f, i) => ({ kind: 'field', start: f.offset, end: f.offset + f.size, field: f, colour: i % 6 }));
}

/** The grid of a report; empty rows when the size is unknown or zero. */
export function buildGrid(report: TypeReport): Grid {
  const size = report.size ?? 0;
  const unit = cellUnit(size);
  const columns = 8;
  if (!size) return { unit, columns, rows: [] };
  const rows: GridRow[] = [];
  if (report.kind === 'union') {
    for (const f of report.fields ?? []) rows.push(row(`${report.name}.${f.name}`, size, unit, fieldSpans([f]), report));
    if (!rows.length) rows.push(row(report.name, size, unit, [], report));
  } else if (report.kind === 'enum' && report.tag && report.variants) {
    const tag = report.tag;
    const tagSpan = { start: tag.offset, end: tag.offset + tag.size };
    // With a niche-encoded tag, the variant whose field holds the niche stores no tag at all.
    const dataful =
      tag.encoding === 'niche'
        ? report.variants.find((v) => v.fields.some((f) => f.offset <= tag.offset && tag.offset + tag.size <= f.offset + f.size && f.size > 0))
        : undefined;
    for (const v of report.variants) {
      if (v.absent) continue;
      const spans = fieldSpans(v.fields);
      if (v === dataful) rows.push(row(v.name, size, unit, spans, report, tagSpan));
      else rows.push(row(v.name, size, unit, [{ kind: 'tag', ...tagSpan }, ...spans], report));
    }
  } else {
    rows.push(row(report.name, size, unit, fieldSpans(report.fields ?? []), report));
  }
  return { unit, columns, rows };
}

/** What a cell means, in words (tooltips, the live info line, aria-label). */
export function describeCell(report: TypeReport, r: GridRow, c: Cell, multiRow: boolean): string {
  const bytes = c.end - c.start === 1 ? `byte ${c.start}` : `bytes ${c.start}–${c.end - 1}`;
  const where = multiRow ? `${r.label}: ` : '';
  let what: string;
  if (c.kind === 'tag') what = `tag (${report.tag?.size ?? 0} byte${report.tag?.size === 1 ? '' : 's'} at offset ${report.tag?.offset ?? 0})`;
  else if (c.kind === 'field' && c.field) {
    const f = c.field;
    what = `field ${f.name}${f.type ? `: ${f.type}` : ''}, offset ${f.offset}, size ${f.size}`;
  } else what = 'padding';
  const extra = [c.nicheTag ? 'holds the tag in its niche' : '', c.niche ? 'niche' : '', c.cacheLine ? 'starts a new cache line' : ''].filter(Boolean);
  return `${where}${bytes}: ${what}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}
