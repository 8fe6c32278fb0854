/**
 * The numbers of the guide chapters, computed by the engine for a target.
 *
 * A chapter's placeholders (`{{size:T}}`, `{{align:T}}`, `{{offset:T.field}}`, `{{layout:T}}`)
 * are evaluated in the context of that chapter's ```rust example blocks: the blocks plus one
 * `type __rll_N = T;` line per distinct type become one synthetic file, analysed like any other,
 * and each alias is resolved by the engine. Whatever the engine cannot compute exactly becomes
 * `unknown` with the reason: the guide never prints a number the engine is not sure of.
 *
 * No `vscode` here: the panel (src/features/guideView.ts) and the unit tests share it.
 */
import type { TypeReport } from '../core/reportTypes';
import type { Analyzer } from './analyzer';
import { singleFileProgram } from './analyzer';
import type { Engine, Ty } from '../core/engine';
import { describeTy, reportType } from '../core/report';
import { Abstain, LayoutError } from '../core/layout/types';
import { collectionBreakdown, formatCount, formatRange, heapChart, heapFigure, heapOfTy, unknownIn, type HeapChartData } from '../core/heap/collections';

export const PLACEHOLDER_KINDS = ['size', 'align', 'offset', 'layout', 'heapbytes', 'heapcalls', 'heapblocks', 'heapcap', 'heapnext', 'leafsize', 'internalsize', 'heapchart'] as const;
/** Heap placeholders: `{{heapbytes:T@N}}` (or `T@N~M`, M entries in each collection inside an element). */
const HEAP_KINDS = new Set<string>(['heapbytes', 'heapcalls', 'heapblocks', 'heapcap', 'heapnext']);
export type PlaceholderKind = (typeof PLACEHOLDER_KINDS)[number];

export interface Placeholder {
  /** `{{kind:ARG}}` exactly as written (the key of every value map). */
  readonly raw: string;
  readonly kind: PlaceholderKind;
  /** The type expression (for `offset`: the part before the field path). */
  readonly type: string;
  /** For `offset`: the field path, e.g. `length` or `0.1`. */
  readonly field?: string;
  /** For the heap kinds: entries in each collection held directly, and in those inside elements. */
  readonly entries?: number;
  readonly inner?: number;
}

export type GuideValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'layout'; readonly report: TypeReport }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'chart'; readonly chart: HeapChartData }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Splits `TYPE.field` at the first `.` outside brackets (`->` is not a closing bracket). */
export function splitOffsetArg(arg: string): { type: string; field: string } | undefined {
  let depth = 0;
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (c === '(' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === ']' || (c === '>' && arg[i - 1] !== '-')) depth--;
    else if (c === '.' && depth === 0) return { type: arg.slice(0, i).trim(), field: arg.slice(i + 1).trim() };
  }
  return undefined;
}

/** Parses the inside of `{{…}}`; undefined when it is not a placeholder. */
export function parsePlaceholder(inner: string): Placeholder | undefined {
  const colon = inner.indexOf(':');
  if (colon < 0) return undefined;
  const kind = inner.slice(0, colon).trim();
  const arg = inner.slice(colon + 1).trim();
  if (!(PLACEHOLDER_KINDS as readonly string[]).includes(kind) || !arg) return undefined;
  const raw = `{{${inner}}}`;
  if (kind === 'offset') {
    const split = splitOffsetArg(arg);
    if (!split?.type || !split.field) return undefined;
    return { raw, kind, type: split.type, field: split.field };
  }
  if (HEAP_KINDS.has(kind) || kind === 'heapchart') {
    const m = /^(.*)@\s*(\d+)\s*(?:~\s*(\d+)\s*)?$/s.exec(arg);
    if (!m || !m[1]!.trim()) return undefined;
    return { raw, kind: kind as PlaceholderKind, type: m[1]!.trim(), entries: Number(m[2]), inner: m[3] === undefined ? 16 : Number(m[3]) };
  }
  return { raw, kind: kind as PlaceholderKind, type: arg };
}

interface Fence {
  readonly info: string;
  readonly code: string;
}

/** Fenced blocks of a chapter, in order (``` or ~~~, info string trimmed). */
export function fencesOf(markdown: string): Fence[] {
  const out: Fence[] = [];
  let open: { marker: string; info: string; body: string[] } | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (open) {
      if (m && m[1]!.startsWith(open.marker) && !m[2]!.trim()) {
        out.push({ info: open.info, code: open.body.join('\n') });
        open = undefined;
      } else open.body.push(line);
    } else if (m) open = { marker: m[1]!, info: m[2]!.trim(), body: [] };
  }
  return out;
}

/** The ```rust example blocks: the type definitions a chapter's placeholders use. */
export function exampleBlocks(markdown: string): string[] {
  return fencesOf(markdown)
    .filter((f) => /^rust\s+example\b/.test(f.info))
    .map((f) => f.code);
}

/** Every placeholder of a chapter outside fenced blocks and code spans, in order, duplicates kept. */
export function placeholdersOf(markdown: string): Placeholder[] {
  const out: Placeholder[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (m && m[1]!.startsWith(fence) && !m[2]!.trim()) fence = undefined;
      continue;
    }
    if (m) {
      fence = m[1]!;
      // A ```heap-chart T@N block: the panel's heap chart of T, evaluated like a placeholder.
      const chart = /^heap-chart\s+(.+)$/.exec(m[2]!.trim());
      const ph = chart && parsePlaceholder(`heapchart:${chart[1]!}`);
      if (ph) out.push(ph);
      continue;
    }
    const prose = line.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');
    for (const p of prose.matchAll(/\{\{([^{}]*)\}\}/g)) {
      const ph = parsePlaceholder(p[1]!);
      if (ph) out.push(ph);
    }
  }
  return out;
}

export const ALIAS_PREFIX = '__rll_';

/** The synthetic source: example blocks, then one alias per distinct type. */
export function guideSource(blocks: readonly string[], types: readonly string[]): string {
  return [...blocks, types.map((t, i) => `type ${ALIAS_PREFIX}${i} = ${t};`).join('\n')].join('\n\n') + '\n';
}

function unknown(reason: string): GuideValue {
  return { kind: 'unknown', reason };
}

function errorReason(e: unknown): GuideValue {
  if (e instanceof Abstain) return unknown(e.message);
  if (e instanceof LayoutError) return unknown(`${e.code}: ${e.message}`);
  throw e;
}

/** Offset of a field path inside `ty` (structs, unions and tuples; enums have no fixed offsets). */
function fieldOffset(engine: Engine, ty: Ty, path: readonly string[]): GuideValue {
  let offset = 0;
  let cur = ty;
  for (const seg of path) {
    if (cur.k === 'tuple') {
      const i = /^[0-9]+$/.test(seg) ? Number(seg) : -1;
      if (i < 0 || i >= cur.elems.length) return unknown(`no field \`${seg}\` in a ${cur.elems.length}-tuple`);
      offset += engine.layoutOf(cur).offsets[i]!;
      cur = cur.elems[i]!;
    } else if (cur.k === 'adt') {
      if (cur.def.item.kind === 'enum') return unknown(`\`${cur.def.item.name}\` is an enum: its fields have no single offset`);
      const r = engine.adtLayout(cur);
      const fields = r.fields[0] ?? [];
      const i = fields.findIndex((f) => f.def.name === seg);
      if (i < 0) return unknown(`no field \`${seg}\` in \`${cur.def.item.name}\``);
      offset += cur.def.item.kind === 'union' ? 0 : r.layout.offsets[i]!;
      cur = fields[i]!.ty;
    } else return unknown(`\`${seg}\`: only structs, unions and tuples have fields here`);
  }
  return { kind: 'number', value: offset };
}


/** The heap placeholders: figures of the first collection `ty` holds (src/core/heap), or the chart. */
function heapValue(engine: Engine, ty: Ty, p: Placeholder): GuideValue {
  const owned = heapOfTy(engine, ty);
  const why = unknownIn(owned);
  if (why) return unknown(why.reason);
  if (p.kind === 'heapchart') {
    const chart = heapChart(p.type, owned, p.entries!, p.inner!);
    return chart ? { kind: 'chart', chart } : unknown('it owns nothing on the heap');
  }
  const c = owned.collections[0]?.plan;
  if (p.kind === 'leafsize' || p.kind === 'internalsize') {
    if (c?.kind !== 'btree') return unknown('node sizes are for BTreeMap and BTreeSet');
    return { kind: 'number', value: (p.kind === 'leafsize' ? c.leaf : c.internal)!.size };
  }
  const f = heapFigure(owned, p.entries!, p.inner!)!;
  if (p.kind === 'heapbytes') return { kind: 'text', text: formatRange(f.bytes) };
  if (p.kind === 'heapcalls') return { kind: 'text', text: formatRange(f.allocations) };
  if (p.kind === 'heapblocks') return { kind: 'text', text: formatRange(f.blocks) };
  if (!c) return unknown('it holds no collection');
  const b = collectionBreakdown(c, p.entries!, p.inner!);
  if (p.kind === 'heapcap') return b.capacity === undefined ? unknown('only Vec-like collections and hash tables have a capacity') : { kind: 'text', text: formatCount(b.capacity) };
  return b.next === undefined ? unknown('it does not grow by steps') : { kind: 'text', text: formatCount(b.next.at) };
}

/** Evaluates one placeholder whose type has been resolved to `ty`. */
export function evaluateOne(engine: Engine, ty: Ty, p: Placeholder, text?: string): GuideValue {
  try {
    if (p.kind === 'size' || p.kind === 'align') {
      const d = describeTy(engine, ty);
      if ('unknown' in d) return unknown(d.unknown);
      if ('error' in d) return unknown(d.error);
      return { kind: 'number', value: p.kind === 'size' ? d.size : d.align };
    }
    if (p.kind === 'offset') return fieldOffset(engine, ty, p.field!.split('.'));
    if (HEAP_KINDS.has(p.kind) || p.kind === 'heapchart' || p.kind === 'leafsize' || p.kind === 'internalsize') return heapValue(engine, ty, p);
    // layout: the full report of a struct/enum/union (the diagram's model).
    if (ty.k !== 'adt' || ty.args.length) return unknown('a diagram needs a struct, enum or union written without arguments');
    const report = reportType(engine, { item: ty.def.item, m: ty.def.m, name: ty.def.item.name, file: ty.def.m.file, text });
    if (report.size === null) return unknown(report.unknown ?? report.error ?? 'layout not known');
    return { kind: 'layout', report };
  } catch (e) {
    return errorReason(e);
  }
}

/**
 * The types written as `types`, read in the context of `blocks` for `triple`: each text's type,
 * or why it could not be read. The guide's values and the heap tests read types this way.
 */
export async function typesInContext(
  analyzer: Analyzer,
  blocks: readonly string[],
  types: readonly string[],
  triple: string,
): Promise<{ engine: Engine; text: string; tys: Map<string, Ty | GuideValue> }> {
  const text = guideSource(blocks, types);
  const file = await analyzer.parseFile('<guide>', text);
  const analysis = await analyzer.analyze(singleFileProgram(file, text), triple);
  const root = analysis.crate.root;
  const tys = new Map<string, Ty | GuideValue>();
  types.forEach((t, i) => {
    const alias = root.types.get(`${ALIAS_PREFIX}${i}`);
    if (!alias || alias.kind !== 'alias' || !alias.ty) {
      tys.set(t, unknown(`could not read the type \`${t}\``));
      return;
    }
    try {
      tys.set(t, analysis.engine.tyOf(alias.ty, { m: root, generics: new Map() }));
    } catch (e) {
      tys.set(t, errorReason(e));
    }
  });
  return { engine: analysis.engine, text, tys };
}

/** A read type's failure (see typesInContext). */
export function isGuideValue(x: Ty | GuideValue): x is GuideValue {
  return !('k' in x);
}

/**
 * Values of `placeholders` for `triple`, in the context of `blocks`: a map keyed by `raw`.
 * Never rejects for layout problems: they become `unknown` values.
 */
export async function evaluatePlaceholders(
  analyzer: Analyzer,
  blocks: readonly string[],
  placeholders: readonly Placeholder[],
  triple: string,
): Promise<Map<string, GuideValue>> {
  const { engine, text, tys } = await typesInContext(analyzer, blocks, [...new Set(placeholders.map((p) => p.type))], triple);
  const out = new Map<string, GuideValue>();
  for (const p of placeholders) {
    if (out.has(p.raw)) continue;
    const ty = tys.get(p.type)!;
    out.set(p.raw, isGuideValue(ty) ? ty : evaluateOne(engine, ty, p, text));
  }
  return out;
}

/** All values of one chapter's Markdown for a target. */
export function evaluateChapter(analyzer: Analyzer, markdown: string, triple: string): Promise<Map<string, GuideValue>> {
  return evaluatePlaceholders(analyzer, exampleBlocks(markdown), placeholdersOf(markdown), triple);
}

/** Size and alignment of a type written in a chapter's context (the growth simulator's element). */
export async function sizeOfIn(
  analyzer: Analyzer,
  markdown: string,
  type: string,
  triple: string,
): Promise<{ size: number; align: number } | { reason: string }> {
  const size = parsePlaceholder(`size:${type}`);
  const align = parsePlaceholder(`align:${type}`);
  if (!size || !align || /[{};]/.test(type)) return { reason: 'not a type' };
  const values = await evaluatePlaceholders(analyzer, exampleBlocks(markdown), [size, align], triple);
  const s = values.get(size.raw);
  const a = values.get(align.raw);
  if (s?.kind === 'number' && a?.kind === 'number') return { size: s.value, align: a.value };
  return { reason: s?.kind === 'unknown' ? s.reason : a?.kind === 'unknown' ? a.reason : 'not evaluated' };
}
