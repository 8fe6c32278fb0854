/**
 * rustc's layout report (`-Zprint-type-sizes`) read into numbers, and the shape the comparisons
 * use for what rustc says about a type. Pure: the verify command (src/features/verify.ts) and the
 * differential tests (test/oracle) share it.
 */

export type TypeKind = 'struct' | 'enum' | 'union';

export interface OracleField {
  readonly name: string;
  readonly offset: number;
  readonly size?: number;
}

export interface OracleVariant {
  readonly name: string;
  readonly fields: readonly OracleField[];
}

export interface OracleType {
  readonly name: string;
  readonly kind?: TypeKind;
  readonly size: number;
  readonly align: number;
  /** Struct and union fields in declaration order. */
  readonly fields: readonly OracleField[];
  readonly variants?: readonly OracleVariant[];
  /** Direct tag (always at offset 0); null = no direct tag (niche-encoded or single variant);
   *  absent = not known. */
  readonly tag?: { readonly size: number; readonly offset: number } | null;
}

export interface OracleRejected {
  readonly id: string;
  readonly name: string;
  readonly intended: string;
  /** Distinct error codes rustc printed, in order (`lint` for code-less errors). */
  readonly codes: readonly string[];
  /** The first error line. */
  readonly message: string;
}

export interface OracleReport {
  readonly target: string;
  readonly rustc: string;
  readonly types: readonly OracleType[];
}

export interface PtsField {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}
export interface PtsVariant {
  readonly name: string;
  readonly size: number;
  readonly fields: readonly PtsField[];
}
export interface PtsType {
  /** As printed, with lifetime-only arguments removed (`L<'_>` → `L`). */
  readonly name: string;
  readonly size: number;
  readonly align: number;
  /** Size of the direct tag, when rustc printed a `discriminant:` line. */
  readonly discriminant?: number;
  /** Struct fields (memory order, absolute offsets). */
  readonly fields: readonly PtsField[];
  readonly variants: readonly PtsVariant[];
}

/** Strips lifetime-only generic arguments: `L<'_>` → `L`, `W<'_, u8>` stays. */
export function normalizePtsName(name: string): string {
  return name.replace(/<'_(?:, '_)*>$/, '');
}

/**
 * Parses `-Zprint-type-sizes` output. Field offsets are reconstructed the way rustc prints them
 * (`rustc_session::code_stats`): fields are listed by increasing offset, a `padding:` line covers
 * a gap, and an explicit `offset:` appears only when a field starts before the previous end
 * (unions). Variant fields start after the discriminant.
 */
export function parsePrintTypeSizes(text: string): Map<string, PtsType> {
  const out = new Map<string, PtsType>();
  type MutVariant = { name: string; size: number; fields: PtsField[]; cursor: number };
  type MutType = { name: string; size: number; align: number; discriminant?: number; fields: PtsField[]; variants: MutVariant[]; cursor: number };
  let cur: MutType | null = null;
  let variant: MutVariant | null = null;
  const finish = (): void => {
    if (cur && !out.has(cur.name)) {
      out.set(cur.name, {
        name: cur.name,
        size: cur.size,
        align: cur.align,
        ...(cur.discriminant !== undefined ? { discriminant: cur.discriminant } : {}),
        fields: cur.fields,
        variants: cur.variants.map((v) => ({ name: v.name, size: v.size, fields: v.fields })),
      });
    }
  };
  const typeRe = /^print-type-size type: `(.*)`: (\d+) bytes, alignment: (\d+) bytes$/;
  const fieldRe = /^(\s+)(?:field|upvar|local) `\.(.*)`: (\d+) bytes(?:, offset: (\d+) bytes)?(?:, alignment: \d+ bytes)?$/;
  const padRe = /^(\s+)padding: (\d+) bytes$/;
  for (const raw of text.split('\n')) {
    if (!raw.startsWith('print-type-size')) continue;
    const line = raw.slice('print-type-size'.length).replace(/^ /, '');
    let m = typeRe.exec(raw);
    if (m) {
      finish();
      cur = { name: normalizePtsName(m[1]), size: Number(m[2]), align: Number(m[3]), fields: [], variants: [], cursor: 0 };
      variant = null;
      continue;
    }
    if (!cur) continue;
    const indent = /^\s*/.exec(line)![0].length;
    const body = line.trim();
    if ((m = /^discriminant: (\d+) bytes$/.exec(body))) {
      cur.discriminant = Number(m[1]);
      continue;
    }
    if ((m = /^variant `(.*)`: (\d+) bytes$/.exec(body))) {
      variant = { name: m[1], size: Number(m[2]), fields: [], cursor: cur.discriminant ?? 0 };
      cur.variants.push(variant);
      continue;
    }
    if (/^end padding: \d+ bytes$/.test(body)) continue;
    if ((m = padRe.exec(line))) {
      const target = indent > 4 && variant ? variant : cur;
      target.cursor += Number(m[2]);
      continue;
    }
    if ((m = fieldRe.exec(line))) {
      const target = indent > 4 && variant ? variant : cur;
      const size = Number(m[3]);
      const offset = m[4] !== undefined ? Number(m[4]) : target.cursor;
      target.fields.push({ name: m[2], offset, size });
      target.cursor = offset + size;
      continue;
    }
  }
  finish();
  return out;
}

/** Converts a print-type-sizes entry into the oracle's shape, using the declared field order. */

/** rustc's numbers for a type of the given kind, in the comparisons' shape (fields by name). */
export function ptsToOracleByKind(name: string, kind: string | undefined, p: PtsType): OracleType {
  if (kind === 'enum') {
    return { name, kind: 'enum', size: p.size, align: p.align, fields: [], variants: p.variants.map((v) => ({ name: v.name, fields: v.fields.map((f) => ({ name: f.name, offset: f.offset, size: f.size })) })), tag: p.discriminant !== undefined ? { size: p.discriminant, offset: 0 } : null };
  }
  const fs = kind === 'union' ? (p.variants[0]?.fields ?? []) : p.fields;
  return { name, kind: kind === 'union' ? 'union' : 'struct', size: p.size, align: p.align, fields: fs.map((f) => ({ name: f.name, offset: f.offset, size: f.size })) };
}
