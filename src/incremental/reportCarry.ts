/**
 * What lets a document's version keep the reports of the version before: which items an edit
 * changed (from the derivation of its model), which types those reach, whether the rest of the
 * program is the same, and reports moved to their new positions.
 */
import type { Analysis } from '../analysis/analyzer';
import { refKeyOf } from '../core/engine';
import type { FieldDef, Item, SourceFile, TypeItem } from '../core/model';
import { placed, shiftSpan } from '../core/positions';
import { typeText } from '../core/report';
import type { TypeReport } from '../core/reportTypes';
import type { Splice } from './extraction';

/** Keys of the model that do not influence any layout: positions and doc comments. */
const POSITIONAL = new Set(['span', 'nameSpan', 'bodySpan', 'line', 'bodyStart', 'inputStart']);

/** Everything in a file's model that layouts can depend on (all but positions), as a string (the tests' oracle for `sameLayoutModel`). */
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

/**
 * True when every other file of the program has the same text. The texts of the document's own
 * macro expansions are not compared: they are named by their call's place (`path#macro:N:..`),
 * which moves with any edit above the call, and what they depend on is compared on the models
 * (a changed call or `macro_rules!` of this file carries nothing over; see changedItems).
 */
export function sameOtherFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, path: string): boolean {
  const own = `${path}#macro:`;
  let n = 0;
  for (const [p, t] of a) {
    if (p === path || p.startsWith(own)) continue;
    n++;
    if (b.get(p) !== t) return false;
  }
  for (const p of b.keys()) if (p !== path && !p.startsWith(own)) n--;
  return n === 0;
}

export function crateKey(a: Analysis): string {
  return `${a.program.crate.externCrates.join()}|${a.program.crate.features.join()}`;
}

type FieldList = NonNullable<TypeReport['fields']>;

/**
 * A report as a version holds it. When its type only moved (its text unchanged) the report is a
 * shallow copy: its own `line`, `nameSpan` and `span` are the new ones, its fields and variants
 * are `origin`'s, whose `nameSpan`s are off by `report.span.start - origin.span.start` until
 * `placedReport` places them. This runs for every type after an edit, on every keystroke: what is
 * not read is not copied.
 */
export interface CarriedReport {
  readonly report: TypeReport;
  /** The report the fields come from, when they are off. */
  readonly origin?: TypeReport;
}

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

/**
 * A report of the previous version moved to the new positions of `at` (same layout model), every
 * field rebuilt from the placed item: names and layouts are the old report's, positions and
 * type texts the new version's.
 */
export function moveReport(old: TypeReport, at: TypeItem, text: string): TypeReport | undefined {
  if (old.kind !== at.kind) return undefined;
  const item = placed(at);
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

function shiftFields(fields: FieldList, delta: number): FieldList {
  return fields.map((f) => ({ ...f, nameSpan: f.nameSpan && shiftSpan(f.nameSpan, delta) }));
}

/**
 * The report of `item`, which only moved by `delta` (its text is unchanged), from the previous
 * version's: its own positions are the item's (as `reportType` gives them), its fields and
 * variants stay `origin`'s (see CarriedReport).
 */
export function shiftReport(old: CarriedReport, item: TypeItem, delta: number): CarriedReport {
  const was = old.report;
  if (delta === 0 && was.line === item.line + 1) return old;
  const report: TypeReport = { ...was, line: item.line + 1, nameSpan: item.nameSpan, span: item.span };
  const origin = old.origin ?? (was.fields || was.variants ? was : undefined);
  return origin ? { report, origin } : { report };
}

/** The carried report with its fields' `nameSpan`s right too (the report itself unless it moved shallowly). */
export function placedReport(c: CarriedReport): TypeReport {
  const { report, origin } = c;
  if (!origin) return report;
  const d = (report.span?.start ?? 0) - (origin.span?.start ?? 0);
  const p: { -readonly [K in keyof TypeReport]: TypeReport[K] } = { ...report };
  if (origin.fields) p.fields = shiftFields(origin.fields, d);
  if (origin.variants) p.variants = origin.variants.map((v) => ({ ...v, fields: shiftFields(v.fields, d) }));
  return p;
}

const TYPE_KINDS = new Set(['struct', 'enum', 'union', 'alias']);

/**
 * The crate items (as `Engine.refs` keys) whose definitions differ between the two models of a
 * derivation, or undefined when a name, a `use`, a module or anything else that changes what
 * names resolve to differs (then nothing is carried over).
 */
export function changedItems(d: Splice, prevFile: SourceFile, file: SourceFile, modPath: readonly string[]): Set<string> | undefined {
  const olds = prevFile.items.slice(d.oldFrom, d.oldTo);
  const news = file.items.slice(d.oldFrom, d.newTo);
  if (olds.length !== news.length) return undefined;
  const dirty = new Set<string>();
  for (let i = 0; i < news.length; i++) {
    const o = olds[i]! as Item & { name?: string; vis?: string; cfg?: unknown };
    const n = news[i]! as Item & { name?: string; vis?: string; cfg?: unknown };
    if (o.kind !== n.kind || o.name !== n.name || o.vis !== n.vis || !same(o.cfg, n.cfg)) return undefined;
    if (same(o, n)) continue;
    if (TYPE_KINDS.has(n.kind)) dirty.add(refKeyOf('t', modPath, n.name!));
    else if (n.kind === 'const' || n.kind === 'static') dirty.add(refKeyOf('v', modPath, n.name!));
    else return undefined;
  }
  return dirty;
}

/** `dirty` and every item that refers to one of them, directly or not. */
export function affectedBy(dirty: Set<string>, refs: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  if (dirty.size === 0) return dirty;
  const users = new Map<string, string[]>();
  for (const [owner, deps] of refs) {
    for (const dep of deps) {
      let u = users.get(dep);
      if (!u) users.set(dep, (u = []));
      u.push(owner);
    }
  }
  const out = new Set(dirty);
  const stack = [...dirty];
  while (stack.length) {
    for (const u of users.get(stack.pop()!) ?? []) {
      if (!out.has(u)) {
        out.add(u);
        stack.push(u);
      }
    }
  }
  return out;
}

