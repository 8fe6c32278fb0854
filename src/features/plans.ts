/**
 * What the editor surfaces propose for a type, computed once from its report: the repr(C)
 * reorder (plan + text edits), the "pin this layout" edit, and the diagnostics' findings.
 * No `vscode` import: plain data that the adapters turn into lenses, actions and diagnostics.
 */
import { expansionOf } from '../core/expansion';
import type { TypeReport } from '../core/reportTypes';
import type { DiagnosticSettings } from './config';
import { straddlingFields } from '../core/cacheLines';
import type { DocumentAnalysis } from '../incremental/documentModel';
import type { TypeItem } from '../core/model';
import { type ReorderPlan, type TextEdit, pinLayoutEdit, planReorder, reorderEdits } from '../core/reorder';
import { isKnown } from './layoutText';
import { placed } from '../core/positions';
import { isGenericItem } from '../core/report';

export interface ReorderProposal {
  readonly plan: ReorderPlan;
  readonly edits: readonly TextEdit[];
}

/** The minimal-padding reorder of a `#[repr(C)]` struct with a known layout, when it saves bytes. */
export function reorderProposal(text: string, item: TypeItem, t: TypeReport): ReorderProposal | undefined {
  if (item.kind !== 'struct' || !item.repr.c || item.repr.packed !== undefined || !isKnown(t) || expansionOf(item)) return undefined;
  const fields = t.fields ?? [];
  if (fields.length !== item.fields.length || fields.length < 2) return undefined;
  const plan = planReorder(
    fields.map((f) => ({ size: f.size, align: f.align })),
    item.repr.align ?? 1,
  );
  if (!plan) return undefined;
  // The planner's arithmetic must agree with the engine's before we offer an edit.
  if (t.padding !== undefined && plan.padding !== t.padding) return undefined;
  const edits = reorderEdits(text, placed(item), plan.order);
  if (!edits || edits.length === 0) return undefined;
  return { plan, edits };
}

/** rustc's field order for a default-repr struct (memory order), when it differs from the declaration. */
export function rustcOrder(item: TypeItem, t: TypeReport): string[] | undefined {
  if (item.kind !== 'struct' || item.repr.c || !isKnown(t) || !t.fields || t.fields.length < 2) return undefined;
  const sorted = [...t.fields].sort((a, b) => a.offset - b.offset || a.size - b.size);
  if (sorted.every((f, i) => f === t.fields![i])) return undefined;
  return sorted.map((f) => f.name);
}

/** The pin-layout edit for a non-generic type with a known layout. */
export function pinProposal(text: string, item: TypeItem, t: TypeReport): TextEdit | undefined {
  if (!isKnown(t) || t.align === undefined) return undefined;
  // A type whose parameters all have defaults is pinned bare (`size_of::<Foo>()` is `Foo<u8>`'s).
  if (isGenericItem(item)) return undefined;
  const lifetimes = item.generics.params.filter((p) => p.kind === 'lifetime').map(() => "'_");
  // `size_of::<T<'_>>()` is not allowed in a const item; `'static` is, and has the same layout.
  const name = lifetimes.length ? `${item.name}<${lifetimes.map(() => "'static").join(', ')}>` : item.name;
  const pinned = new RegExp(`size_of::<${escapeRe(name)}>\\(\\)`);
  if (pinned.test(text.slice(item.span.end, item.span.end + 400))) return undefined; // already pinned
  return pinLayoutEdit(text, item.span, name, t.size, t.align);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Two largest variants of an enum, for the large-variant diagnostic. */
export function largestVariants(t: TypeReport): { largest: { name: string; size: number }; second: { name: string; size: number } } | undefined {
  if (t.kind !== 'enum' || !isKnown(t) || !t.variants) return undefined;
  const vs = t.variants.filter((v) => !v.absent).sort((a, b) => b.size - a.size);
  if (vs.length < 2) return undefined;
  return { largest: { name: vs[0]!.name, size: vs[0]!.size }, second: { name: vs[1]!.name, size: vs[1]!.size } };
}

// ---------------------------------------------------------------------------------------------
// Diagnostics' findings (src/features/diagnostics.ts turns them into vscode.Diagnostics).

export type LayoutDiagnosticCode = 'reprCPadding' | 'largeType' | 'largeEnumVariant' | 'cacheLineStraddle' | 'parseAbandoned';

/** One finding, before it becomes a vscode.Diagnostic (pure data, offsets into the text). */
export interface Finding {
  readonly code: LayoutDiagnosticCode;
  readonly message: string;
  readonly span: { start: number; end: number };
  /** Offset of the type's name (identifies the type for code actions). */
  readonly typeOffset: number;
}

/**
 * The findings for one analysed document under the given settings. A text tree-sitter gave up
 * on always gets one finding at its start (the extension saying why it shows nothing), whatever
 * the switches.
 */
export function findings(a: DocumentAnalysis, s: DiagnosticSettings): Finding[] {
  const out: Finding[] = [];
  for (const p of a.file.problems) if (p.code === 'parseAbandoned') out.push({ code: p.code, message: p.message, span: p.span, typeOffset: 0 });
  for (const { report: t, shallow: item } of a.types) {
    if (!isKnown(t) || !t.nameSpan) continue;
    if (a.file.problems.some((p) => p.span.start < item.span.end && p.span.end > item.span.start)) continue;
    const base = { span: t.nameSpan, typeOffset: t.nameSpan.start };
    if (s.reprCPadding) {
      const r = reorderProposal(a.text, item, t);
      if (r) {
        out.push({
          ...base,
          code: 'reprCPadding',
          message: `\`${item.name}\` has ${plural(r.plan.padding, 'byte')} of padding; ordering its fields by alignment would remove ${r.plan.saved} (#[repr(C)] keeps the declared order).`,
        });
      }
    }
    if (s.largeType && t.size > s.largeTypeThreshold) {
      out.push({
        ...base,
        code: 'largeType',
        message: `\`${item.name}\` is ${plural(t.size, 'byte')}, larger than ${s.largeTypeThreshold === 64 ? 'a 64-byte cache line' : `${s.largeTypeThreshold} bytes`}.`,
      });
    }
    if (s.cacheLineStraddle) {
      for (const st of straddlingFields(t)) {
        const f = st.field;
        out.push({
          span: f.nameSpan ?? t.nameSpan,
          typeOffset: t.nameSpan.start,
          code: 'cacheLineStraddle',
          message: `\`${st.variant ? `${st.variant}.` : ''}${f.name}\` of \`${item.name}\` (${plural(f.size, 'byte')} at offset ${f.offset}) straddles the cache-line boundary at byte ${st.boundary}: when the value starts on a 64-byte line, reading it touches two lines.`,
        });
      }
    }
    if (s.largeEnumVariant) {
      const v = largestVariants(t);
      if (v && v.largest.size - v.second.size >= s.largeEnumVariantThreshold) {
        out.push({
          ...base,
          code: 'largeEnumVariant',
          message:
            `The variant \`${v.largest.name}\` of \`${item.name}\` is ${plural(v.largest.size, 'byte')}, ` +
            `${v.largest.size - v.second.size} more than the next largest (\`${v.second.name}\`, ${plural(v.second.size, 'byte')}): ` +
            `every \`${item.name}\` takes ${plural(t.size, 'byte')}. Consider boxing the large variant's data.`,
        });
      }
    }
  }
  return out;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

