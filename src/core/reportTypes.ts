/**
 * The reports: the contract between the engine (src/core/report.ts makes them), the editor
 * adapters (src/features), the webview and the CLI.
 * Pure types: made by src/core/report.ts, served by the facade src/analysis/analyzer.ts.
 */
import type { Span } from './model';

export interface FieldReport {
  readonly name: string;
  /** Offset rustc gives the field; null when the type's layout is unknown. */
  readonly offset: number;
  readonly size: number;
  readonly align: number;
  /** Padding bytes right after this field in memory order (before the next field or the end). */
  readonly paddingAfter: number;
  readonly nameSpan?: Span;
  /** Display text of the field's type as written. */
  readonly type: string;
  /** When the field's type is std's `Box`, `Vec`, `HashMap`… (or an `Option` of one): its name (see `stdHeapOwner`). */
  readonly stdOwner?: StdHeapOwner;
}

/**
 * A std type that keeps its contents on the heap, as the type resolved (a crate's own `Vec` is
 * not one): `name` is std's (`Box`, `Vec`, `String`, `HashMap`…), `inOption` when the field's
 * type is an `Option` of it.
 */
export interface StdHeapOwner {
  readonly name: string;
  readonly inOption?: true;
}

export interface NicheReport {
  readonly offset: number;
  /** Width in bytes of the scalar that carries the niche. */
  readonly size: number;
  /** Number of invalid values available (decimal string: can exceed 2^53). */
  readonly count: string;
}

export interface VariantReport {
  readonly name: string;
  readonly size: number;
  readonly fields: readonly FieldReport[];
  /** Absent variants (uninhabited, all-ZST) take no space and no tag value. */
  readonly absent?: boolean;
}

export interface TypeReport {
  /** Path from the crate root (or from the file), e.g. `ast::Span`. */
  readonly name: string;
  readonly kind: 'struct' | 'enum' | 'union';
  readonly file: string;
  /** 1-based line of the type's name. */
  readonly line: number;
  readonly size: number | null;
  readonly align?: number;
  /** Total padding bytes (for enums: bytes of the largest variant not covered by tag or fields). */
  readonly padding?: number;
  /** Declaration order, offsets as rustc gives them. */
  readonly fields?: readonly FieldReport[];
  readonly tag?: { readonly size: number; readonly offset: number; readonly encoding: 'direct' | 'niche' };
  readonly variants?: readonly VariantReport[];
  readonly niche?: NicheReport;
  readonly uninhabited?: boolean;
  /** Why the layout is not known exactly (size is then null). */
  readonly unknown?: string;
  /** rustc would reject the type: `E0072: recursive type ...`. */
  readonly error?: string;
  readonly nameSpan?: Span;
  readonly span?: Span;
  readonly repr?: string;
  /** The macro whose expansion made the type (`bitflags`), for a macro-made type. */
  readonly expandedFrom?: string;
  /**
   * A generic type's instances that the crate's (or the file's) non-generic types hold in place,
   * with their layouts (src/core/instances.ts): `Wrapper<u32>` in `Config`.
   */
  readonly instances?: readonly InstanceReport[];
}

/** One instance of a generic type, as a concrete type of the crate holds it. */
export interface InstanceReport {
  /** The instance as a type (`Wrapper<u32>`). */
  readonly type: string;
  readonly size: number;
  readonly align: number;
  /** The first non-generic type found holding it (its report's name). */
  readonly in: string;
}

export interface Report {
  readonly target: string;
  readonly types: readonly TypeReport[];
}
