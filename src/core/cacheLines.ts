/**
 * Fields that straddle a 64-byte cache line: a field that would fit in one line but whose bytes
 * cross a line boundary, counted from the start of the value (so: when the value itself starts on
 * a cache line, as a 64-aligned type or a fresh heap block of 64 bytes or more usually does).
 * Reading or writing such a field touches two lines. Pure: the hover, the diagnostic and the
 * panel's legend share it.
 */
import type { FieldReport, TypeReport } from './reportTypes';

export const CACHE_LINE = 64;

export interface Straddle {
  readonly field: FieldReport;
  /** The variant the field belongs to (enums). */
  readonly variant?: string;
  /** The line boundary it crosses (a multiple of 64). */
  readonly boundary: number;
}

/** Whether a field of `size` bytes at `offset` crosses a line boundary while it could fit in one line. */
export function straddles(offset: number, size: number): number | undefined {
  if (size <= 1 || size > CACHE_LINE) return undefined;
  const first = Math.floor(offset / CACHE_LINE);
  const last = Math.floor((offset + size - 1) / CACHE_LINE);
  return first !== last ? last * CACHE_LINE : undefined;
}

/** Every straddling field of a laid-out type (struct, union and enum variant fields). */
export function straddlingFields(t: TypeReport): Straddle[] {
  if (t.size === null) return [];
  const out: Straddle[] = [];
  for (const f of t.fields ?? []) {
    const b = straddles(f.offset, f.size);
    if (b !== undefined) out.push({ field: f, boundary: b });
  }
  for (const v of t.variants ?? []) {
    for (const f of v.fields) {
      const b = straddles(f.offset, f.size);
      if (b !== undefined) out.push({ field: f, variant: v.name, boundary: b });
    }
  }
  return out;
}
