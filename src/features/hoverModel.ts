/**
 * What the hover shows at an offset of an analysed document: pure over the analysis (no
 * `vscode` at run time), so the bench measures exactly what the hover provider runs.
 */
import type { FieldReport, VariantReport } from '../core/reportTypes';
import type { ConstDef, FieldDef, GenericParam, Item, Span, TypeAliasDef, TypeExpr } from '../core/model';
import type { ModuleScope } from '../core/resolve';
import { placed } from '../core/positions';
import { describeTy, isGenericItem } from '../core/report';
import { heapOfTy } from '../core/heap/collections';
import type { Ty } from '../core/engine';
import { heapMarkdown } from './heapText';
import { expansionOf } from '../core/expansion';
import { Abstain, LayoutError } from '../core/layout/types';
import type { DocumentAnalysis, TypeEntry } from '../incremental/documentModel';
import { type TyDescription, fieldHoverMarkdown, instancesMarkdown, typeExprHoverMarkdown, typeHoverMarkdown } from './layoutText';
import { crateInstancesAt, instancesAt } from './instancesModel';

function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

/** Where a type is written: the module its names resolve in, and the generic parameters of the item it is written in. */
interface WrittenAt {
  readonly m: ModuleScope;
  readonly params: readonly GenericParam[];
}

const at = (entry: TypeEntry): WrittenAt => ({ m: entry.m, params: entry.item.generics.params });

/** The hover at `offset`: markdown and the span it covers, or undefined. */
export function hoverAt(a: DocumentAnalysis, offset: number): { markdown: string; span: { start: number; end: number } } | undefined {
  return typeHoverAt(a, offset) ?? writtenTypeHoverAt(a, offset);
}

function typeHoverAt(a: DocumentAnalysis, offset: number): { markdown: string; span: { start: number; end: number } } | undefined {
  for (const [index, entry] of a.types.entries()) {
    if (!spanContains(entry.shallow.span, offset)) continue;
    const t = entry.report;
    if (t.nameSpan && spanContains(t.nameSpan, offset)) {
      const crate = isGenericItem(entry.shallow) ? crateInstancesAt(a, index) : undefined;
      const note = !isGenericItem(entry.shallow) ? typeHeapNote(a, entry) : crate ? instancesMarkdown(crate.list, 'crate') : instancesMarkdown(instancesAt(a, index), 'file');
      return { markdown: withNote(typeHoverMarkdown(t, a.target), note), span: t.nameSpan };
    }
    // A macro-made type's fields are in its expansion, not in this text.
    if (expansionOf(entry.shallow)) continue;
    const reports = t.fields ?? [];
    const variantReports = t.variants ?? [];
    for (const [def, rep] of fieldPairs(entry, reports, variantReports)) {
      if (spanContains(def.nameSpan, offset) && def.nameSpan.start !== def.ty.span.start && rep) {
        return { markdown: withNote(fieldHoverMarkdown(t, rep, a.target, originOf(a, at(entry), def.ty)), heapNote(a, at(entry), def.ty)), span: def.nameSpan };
      }
      if (spanContains(def.ty.span, offset)) {
        const e = innermost(def.ty, offset);
        const tyHover = typeExprHover(a, at(entry), e);
        // A tuple field has no name: its whole type stands for the field, so show both.
        if (e === def.ty && def.nameSpan.start === def.ty.span.start && rep) {
          const field = fieldHoverMarkdown(t, rep, a.target, originOf(a, at(entry), def.ty)).replace(/\n\n\*[^\n]*\*$/, '');
          return { markdown: `${field}\n\n---\n\n${tyHover}`, span: e.span };
        }
        return { markdown: tyHover, span: e.span };
      }
    }
  }
  return undefined;
}

/** A hover with one more paragraph before its closing italic line (the guide link), if any. */
function withNote(markdown: string, note: string | undefined): string {
  if (!note) return markdown;
  const m = /\n\n(\*[^\n]*)$/.exec(markdown);
  return m ? `${markdown.slice(0, m.index)}\n\n${note}\n\n${m[1]}` : `${markdown}\n\n${note}`;
}

/**
 * Field definitions paired with their reports (declaration order on both sides). Fields and
 * variants `#[cfg]` leaves out are not paired: rustc lays out none of them, and the report numbers
 * tuple fields after that filtering (`S(#[cfg(windows)] u64, u8)`: the `u8` is field `0`), so a
 * pairing by the written index would give a field another field's numbers.
 */
export function* fieldPairs(
  entry: Pick<TypeEntry, 'item' | 'm'>,
  fields: readonly FieldReport[],
  variants: readonly VariantReport[],
): Generator<[FieldDef, FieldReport | undefined]> {
  const item = entry.item;
  const crate = entry.m.crate;
  const named = function* (defs: readonly FieldDef[], reports: readonly FieldReport[] | undefined): Generator<[FieldDef, FieldReport | undefined]> {
    let i = 0;
    for (const f of defs) {
      if (!crate.active(f.cfg)) continue;
      const name = /^\d+$/.test(f.name) ? String(i) : f.name;
      i++;
      yield [f, reports?.find((x) => x.name === name)];
    }
  };
  if (item.kind === 'enum') {
    let vi = 0;
    for (const v of item.variants) {
      if (!crate.active(v.cfg)) continue;
      const vr = variants.find((x) => x.name === v.name) ?? variants[vi];
      vi++;
      yield* named(v.fields, vr?.fields);
    }
  } else {
    yield* named(item.fields, fields);
  }
}

/** The smallest type expression inside `e` that contains `offset`. */
export function innermost(e: TypeExpr, offset: number): TypeExpr {
  const children: TypeExpr[] = [];
  switch (e.kind) {
    case 'path':
      for (const s of e.segments) for (const g of s.args) if (g.kind === 'type' || g.kind === 'binding') children.push(g.ty);
      break;
    case 'ref':
    case 'ptr':
      children.push(e.inner);
      break;
    case 'array':
    case 'slice':
      children.push(e.elem);
      break;
    case 'tuple':
      children.push(...e.elems);
      break;
    default:
      break;
  }
  for (const c of children) if (spanContains(c.span, offset)) return innermost(c, offset);
  return e;
}

/**
 * The dependency crate a written type comes from (`` `bytes 1.2.1` ``), when it is one of another
 * crate's types (std aside).
 */
function originOf(a: DocumentAnalysis, w: WrittenAt, e: TypeExpr): string | undefined {
  try {
    const ty = a.analysis.engine.tyOf(e, { m: w.m, generics: new Map() });
    if (ty.k !== 'adt' || ty.def.m.crate.isStd || ty.def.m.crate === w.m.crate) return undefined;
    const p = ty.def.m.crate.input.package;
    return `\`${p?.name ?? ty.def.m.crate.input.name}${p?.version ? ` ${p.version}` : ''}\``;
  } catch {
    return undefined;
  }
}

/**
 * What a `Box<T>` written here holds on the heap: a fat pointer for `dyn Trait`, slices and `str`
 * (the block's size is only known at run time), no allocation at all for a zero-sized `T`, else
 * the block's size and alignment (T's layout: what the allocator is asked for).
 */
function boxNote(a: DocumentAnalysis, w: WrittenAt, e: TypeExpr): string | undefined {
  let inner = e;
  const opt = inner.kind === 'path' ? inner.segments.at(-1) : undefined;
  if (opt?.name === 'Option' && opt.args[0]?.kind === 'type') inner = opt.args[0].ty;
  if (inner.kind !== 'path') return undefined;
  const seg = inner.segments.at(-1);
  if (seg?.name !== 'Box' || seg.args[0]?.kind !== 'type') return undefined;
  const t = seg.args[0].ty;
  if (t.kind === 'dyn') return 'A fat pointer: the data pointer and a pointer to the vtable (drop, size, alignment, methods). The heap block has the size and alignment of the value put in it.';
  if (t.kind === 'slice') return 'A fat pointer: the data pointer and the number of elements. The heap block holds the elements (no capacity: a `Box<[T]>` cannot grow).';
  if (t.kind === 'path' && t.segments.length === 1 && t.segments[0]!.name === 'str' && !t.segments[0]!.args.length) return 'A fat pointer: the data pointer and the length in bytes. The heap block holds the UTF-8 bytes.';
  const d = describe(a, w, t);
  if (!('size' in d)) return undefined;
  if (d.size === 0) return 'The boxed type is zero-sized: `Box::new` never allocates; the pointer is a dangling, well-aligned one.';
  return `The heap block: ${d.size} B, aligned to ${d.align} (what the allocator is asked for).`;
}

/** The heap lines' counts: entries per collection held directly, and per collection inside an element. */
let heapEntries = 1000;
let heapInner = 16;
export function setHeapEntries(n: number, inner?: number): void {
  heapEntries = n;
  if (inner !== undefined) heapInner = inner;
}
const CHANGE_HEAP_LINK = '[change N](command:rustLayout.setHeapEntries "Set how many entries the heap figures assume")';

/**
 * What a type written here owns on the heap with `heapEntries` entries per collection
 * (src/core/heap, checked against a counting allocator); nothing when it owns nothing, or when
 * it depends on the item's generic parameters.
 */
function heapNote(a: DocumentAnalysis, w: WrittenAt, e: TypeExpr): string | undefined {
  if (namesGenerics(a, w, e)) return undefined;
  let ty: Ty;
  try {
    ty = a.analysis.engine.tyOf(e, { m: w.m, generics: new Map() });
  } catch {
    return undefined;
  }
  return heapMarkdown(heapOfTy(a.analysis.engine, ty), { entries: heapEntries, inner: heapInner, changeLink: CHANGE_HEAP_LINK });
}

/** The heap line of a type's own hover (non-generic types: a generic one's heap depends on its arguments). */
function typeHeapNote(a: DocumentAnalysis, entry: TypeEntry): string | undefined {
  const item = entry.item;
  if (item.generics.params.some((p) => p.kind !== 'lifetime')) return undefined;
  if (item.kind !== 'struct' && item.kind !== 'enum' && item.kind !== 'union') return undefined;
  // A type's hover comes at every keystroke: its walk lays out at most 8 of the crate's own types.
  // Kept from the previous version when no layout of the document changed (a keystroke in a comment).
  const heap = a.typeNote(entry, () => heapOfTy(a.analysis.engine, { k: 'adt', def: { item, m: entry.m }, args: [] }, { maxLocalTypes: TYPE_HOVER_LOCAL_TYPES }));
  return heap && heapMarkdown(heap, { entries: heapEntries, inner: heapInner, changeLink: CHANGE_HEAP_LINK });
}
const TYPE_HOVER_LOCAL_TYPES = 8;

/** Whether a type written in a generic item names the item's parameters (its layout then depends on the arguments). */
function namesGenerics(a: DocumentAnalysis, w: WrittenAt, e: TypeExpr): boolean {
  const params = w.params;
  if (!params.some((p) => p.kind !== 'lifetime')) return false;
  const text = a.text.slice(e.span.start, e.span.end);
  return params.some((p) => new RegExp(`\\b${p.name}\\b`).test(text));
}

function describe(a: DocumentAnalysis, w: WrittenAt, e: TypeExpr): TyDescription {
  if (namesGenerics(a, w, e)) return { unknown: 'generic: depends on the type arguments' };
  try {
    const d = describeTy(a.analysis.engine, a.analysis.engine.tyOf(e, { m: w.m, generics: new Map() }));
    const from = originOf(a, w, e);
    return from ? { ...d, from } : d;
  } catch (err) {
    if (err instanceof Abstain) return { unknown: err.message };
    if (err instanceof LayoutError) return { error: `${err.code}: ${err.message}` };
    throw err;
  }
}


/** The hover of a type written at `e`: its layout, heap behaviour and, for a `Box`, its heap block. */
function typeExprHover(a: DocumentAnalysis, w: WrittenAt, e: TypeExpr, title?: string): string {
  return typeExprHoverMarkdown(a.text.slice(e.span.start, e.span.end), describe(a, w, e), a.target, boxNote(a, w, e), heapNote(a, w, e), title);
}

/**
 * The hover of a type alias's, a constant's or a static's name (the layout of the type it
 * names or holds) or of a type written in one: the places besides a type's fields where code
 * writes a type whose layout is worth knowing (`type Small = SmallVec<[u8; 16]>`).
 */
function writtenTypeHoverAt(a: DocumentAnalysis, offset: number): { markdown: string; span: { start: number; end: number } } | undefined {
  const found = writtenItemAt(a, offset);
  if (!found) return undefined;
  const { item, m } = found;
  const ty = item.ty!;
  const w: WrittenAt = { m, params: item.kind === 'alias' ? item.generics.params : [] };
  if (spanContains(item.nameSpan, offset)) {
    // `static mut` (the model keeps no mutability: the words before the name say it).
    const what = item.kind === 'alias' ? 'type' : item.kind === 'static' && /\bmut\s*$/.test(a.text.slice(item.span.start, item.nameSpan.start)) ? 'static mut' : item.kind;
    const title = `${what} ${item.name}${item.kind === 'alias' ? ' =' : ':'} ${a.text.slice(ty.span.start, ty.span.end)}`;
    return { markdown: typeExprHover(a, w, ty, title), span: item.nameSpan };
  }
  if (!spanContains(ty.span, offset)) return undefined;
  const e = innermost(ty, offset);
  return { markdown: typeExprHover(a, w, e), span: e.span };
}

/** The type alias, constant or static (with its type written) whose text holds `offset`, placed, with its module. */
function writtenItemAt(a: DocumentAnalysis, offset: number): { item: TypeAliasDef | ConstDef; m: ModuleScope } | undefined {
  let m = a.analysis.moduleOfFile(a.path);
  let items: readonly Item[] = a.file.items;
  while (m) {
    const hit = items.find((it) => 'nameSpan' in it && spanContains(it.span, offset));
    if (!hit) return undefined;
    if (hit.kind === 'mod' && hit.items) {
      m = m.children.get(hit.name);
      items = hit.items;
      continue;
    }
    if ((hit.kind !== 'alias' && hit.kind !== 'const' && hit.kind !== 'static') || !hit.ty || hit.syntaxError) return undefined;
    // Not compiled for this target and these features (or a build script decides): rustc lays out nothing.
    if (!a.analysis.crate.active(hit.cfg) || a.analysis.crate.unsure(hit.cfg) !== undefined) return undefined;
    return { item: placed(hit), m };
  }
  return undefined;
}
