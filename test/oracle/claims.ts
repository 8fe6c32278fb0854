/**
 * The claims hunt: every number the editor surfaces show, checked against rustc.
 *
 *   node scripts/build.mjs --only=unit && node out/test/oracle/claims.js SEED COUNT [TYPES_PER_BATCH] [OUTDIR] [FIRST_BATCH]
 *
 * (batch k's corpus is seed `SEED/k`: FIRST_BATCH reruns one batch of a long run alone; RLL_DEBUG=1
 * prints each unverified claim and each probe rustc refused).
 *
 * For each generated corpus (test/oracle/generator.ts, std mode) the document is analysed as the
 * editor analyses it, and every surface is read as text, the way a user reads it:
 *  - the hover of each type's name: size, align, padding (and its percentage), the field table
 *    (offsets, sizes, padding rows), the tag or niche-stored discriminant, the variant sizes (and
 *    which are absent), the niche (count, size, offset), "uninhabited", the "N B here" heap notes;
 *    for a generic type, its "Instances in this file" list;
 *  - the hover of each field's name: offset, size, align (packed: the align it is placed at),
 *    the padding after it, the cache-line straddle;
 *  - the hover of every written type expression (each node of each field's type, of each type
 *    alias, constant and static, and their names): size, align, niche count, uninhabited, the
 *    "N B here" note, a Box's heap block (size, alignment, or zero-sized);
 *  - the CodeLens titles (lensTitle, instancesLensTitle);
 *  - the diagnostics' numbers (findings: padding, bytes saved, large type, large variant, cache
 *    line), the "pin this layout" assertions (inserted and compiled), and the repr(C) reorder fix
 *    (applied, compiled, its size checked against the bytes it claims to save).
 * rustc's side: `#[rustc_layout(debug)]` on a type alias per type checked, in the module where the
 * type is written (test/oracle/rustcLayout.ts), one `--emit=metadata` compile per batch.
 *
 * A claim is `ok` when rustc agrees, `wrong` when it does not, `unverified` when rustc could not be
 * asked (the probe did not compile, or the surface said "unknown": no number, nothing to check).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { buildDocumentAnalysis, type DocumentAnalysis, type TypeEntry } from '../../src/incremental/documentModel';
import { fieldPairs, hoverAt } from '../../src/features/hoverModel';
import { instancesAt } from '../../src/features/instancesModel';
import { inlayHintLabel, instancesLensTitle, lensTitle } from '../../src/features/layoutText';
import { findings, pinProposal, reorderProposal } from '../../src/features/plans';
import { applyEdits, type TextEdit } from '../../src/core/reorder';
import { straddles } from '../../src/core/cacheLines';
import { isGenericItem } from '../../src/core/report';
import type { FieldDef, Item, ModDef, TypeExpr } from '../../src/core/model';
import { Generator as CorpusGenerator } from './generator';
import { Rng } from './prng';
import { scaleParseBudget } from '../../src/parse/parser';
import { run } from './rustc';
import { parseLayoutDebug, type RLayout } from './rustcLayout';

export type Verdict = 'ok' | 'wrong' | 'unverified';

export interface Claim {
  /** The surface showing it: `type hover`, `field hover`, `written hover`, `lens`, `diagnostic`, `pin`, `reorder`, `instances`. */
  readonly surface: string;
  /** What it is about: `m1::S3`, `m1::S3.x`, `` `Option<u8>` in m1 ``. */
  readonly subject: string;
  /** Which number: `size`, `align`, `offset`, `niche count`… */
  readonly what: string;
  readonly shown: string;
  /** rustc's value, or undefined when rustc could not be asked. */
  expected?: string;
  verdict?: Verdict;
  why?: string;
}

export interface ClaimsResult {
  readonly claims: Claim[];
  /** Hovers (and lenses) that showed no number: their reasons, by frequency. */
  readonly unknowns: Map<string, number>;
  /** The probe file of the batch, when a claim was wrong (for reducing). */
  readonly source: string;
  readonly probeErrors: string[];
}

// ----- markdown → text -------------------------------------------------------------------------

/** A hover's markdown as the user reads it (escapes and entities undone). */
export function plain(md: string): string {
  return md
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The heap-figure lines (checked against a counting allocator elsewhere: test/oracle/countingAllocator.ts) left out. */
function withoutHeapFigures(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\*\*Heap/.test(l) && !/^- \*\*Heap/.test(l))
    .join('\n');
}

// ----- the probes ------------------------------------------------------------------------------

interface Probe {
  readonly name: string;
  readonly mod: string;
  readonly text: string;
}

class Probes {
  readonly list: Probe[] = [];
  private readonly byKey = new Map<string, string>();
  layouts = new Map<string, RLayout>();
  /** Probes rustc refused (the compile error), by name. */
  readonly refused = new Map<string, string>();

  add(mod: string, text: string): string {
    const key = `${mod}\u0000${text}`;
    let name = this.byKey.get(key);
    if (!name) {
      name = `__rll_p${this.list.length}`;
      this.byKey.set(key, name);
      this.list.push({ name, mod, text });
    }
    return name;
  }

  get(name: string): RLayout | undefined {
    return this.layouts.get(name);
  }
}

/** Every `mod` item with its path from the file root. */
function modules(items: readonly Item[], path: string[] = [], out = new Map<string, ModDef>()): Map<string, ModDef> {
  for (const it of items) {
    if (it.kind === 'mod' && it.items) {
      const p = [...path, it.name];
      out.set(p.join('::'), it);
      modules(it.items, p, out);
    }
  }
  return out;
}

/** Items with their module path (inline modules followed). */
function* itemsWithModule(items: readonly Item[], path: string[] = []): Generator<{ item: Item; mod: string }> {
  for (const it of items) {
    yield { item: it, mod: path.join('::') };
    if (it.kind === 'mod' && it.items) yield* itemsWithModule(it.items, [...path, it.name]);
  }
}

/** The probe file: `text` with `#[rustc_layout(debug)]` aliases inserted in their modules, and `edits` applied. */
function probeFile(text: string, mods: Map<string, ModDef>, probes: readonly Probe[], edits: readonly TextEdit[]): string {
  const all: TextEdit[] = [...edits];
  const byMod = new Map<string, Probe[]>();
  for (const p of probes) {
    if (!byMod.has(p.mod)) byMod.set(p.mod, []);
    byMod.get(p.mod)!.push(p);
  }
  for (const [mod, ps] of byMod) {
    const body = ps.map((p) => `\n#[rustc_layout(debug)]\ntype ${p.name} = ${p.text};`).join('') + '\n';
    if (mod === INSTANCES) {
      // Instances are shown with their types' bare names (`G3<E8>`, `E8` in `m2`): every module's names in scope.
      const globs = [...mods.keys()].map((m) => `use crate::${m}::*;`).join(' ');
      const std = 'use std::ops::{Range, RangeFrom, RangeTo, RangeInclusive}; use std::pin::Pin; use std::collections::*; use std::ffi::*;';
      all.push({ offset: text.length, length: 0, newText: `\nmod ${INSTANCES} {\n#![allow(unused_imports)]\nuse super::*; ${std} ${globs}${body}}\n` });
    } else if (mod === '') all.push({ offset: text.length, length: 0, newText: body });
    else {
      const m = mods.get(mod);
      if (!m) throw new Error(`no module ${mod}`);
      const close = text.lastIndexOf('}', m.span.end);
      all.push({ offset: close, length: 0, newText: body });
    }
  }
  return '#![feature(rustc_attrs)]\n' + applyEdits(text, all);
}

async function compile(source: string): Promise<{ stderr: string; code: number; file: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rll-claims-'));
  const file = join(dir, 'lib.rs');
  writeFileSync(file, source);
  const r = await run('rustc', ['--edition', '2021', '--crate-type', 'lib', '--emit=metadata', '-A', 'warnings', '-o', join(dir, 'out.rmeta'), file]);
  return { stderr: r.stderr, code: r.code, file, dir };
}

/**
 * Compiles the probes; an alias rustc refuses (an error other than the layout printouts and the
 * pin assertions) is left out and the file compiled again, so one refusal costs no other answer.
 */
async function askRustc(
  text: string,
  mods: Map<string, ModDef>,
  probes: Probes,
  edits: readonly TextEdit[],
): Promise<{ source: string; stderr: string; errors: string[] }> {
  let keep = probes.list.filter((p) => !probes.refused.has(p.name));
  for (let round = 0; ; round++) {
    const source = probeFile(text, mods, keep, edits);
    const c = await compile(source);
    rmSync(c.dir, { recursive: true, force: true });
    const lines = source.split('\n');
    const others: string[] = [];
    const blocks = c.stderr.split(/\n(?=error)/);
    let dropped = 0;
    for (const b of blocks) {
      if (!/^error/.test(b) || /^error: layout_of\(/.test(b) || /^error: aborting/.test(b) || /evaluation panicked: assertion failed/.test(b)) continue;
      const at = /--> [^\n]*?:(\d+):\d+/.exec(b);
      const line = at ? lines[Number(at[1]) - 1] ?? '' : '';
      const alias = /type (__rll_p\d+) =/.exec(line)?.[1];
      if (alias && !probes.refused.has(alias)) {
        probes.refused.set(alias, b.split('\n')[0]!);
        if (process.env.RLL_DEBUG) console.log(`refused: ${line.trim()} — ${b.split('\n')[0]}`);
        dropped++;
      } else others.push(b.split('\n').slice(0, 3).join(' | '));
    }
    if (dropped === 0 || round > 4) {
      probes.layouts = parseLayoutDebug(c.stderr);
      return { source, stderr: c.stderr, errors: others };
    }
    keep = keep.filter((p) => !probes.refused.has(p.name));
  }
}

/** rustc's layouts of types written at the crate root of `text` (`#[rustc_layout(debug)]`), by their text. */
export async function rustcLayouts(text: string, types: readonly string[]): Promise<Map<string, RLayout>> {
  const probes = new Probes();
  const names = types.map((t) => probes.add('', t));
  const asked = await askRustc(text, new Map(), probes, []);
  if (asked.errors.length) throw new Error(`rustc refused the text: ${asked.errors.join('; ')}`);
  return new Map(types.map((t, i) => [t, probes.get(names[i]!)!] as const));
}

// ----- reading the surfaces ----------------------------------------------------------------------

/** The nodes the hover descends into (hoverModel's `innermost`), this one first. */
function* nodes(e: TypeExpr): Generator<TypeExpr> {
  yield e;
  switch (e.kind) {
    case 'path':
      for (const s of e.segments) for (const g of s.args) if (g.kind === 'type' || g.kind === 'binding') yield* nodes(g.ty);
      break;
    case 'ref':
    case 'ptr':
      yield* nodes(e.inner);
      break;
    case 'array':
    case 'slice':
      yield* nodes(e.elem);
      break;
    case 'tuple':
      for (const x of e.elems) yield* nodes(x);
      break;
    default:
      break;
  }
}

/** A written type's text as a probe can name it: lifetimes become `'static`, `Self` the type itself. */
function probeText(text: string, self: string | undefined): string | undefined {
  // Lifetimes a `for<'a>` binds stay.
  const bound = new Set([...text.matchAll(/\bfor\s*<([^>]*)>/g)].flatMap((m) => m[1]!.split(',').map((x) => x.trim())));
  let t = text.replace(/'(?!static\b)[A-Za-z_]\w*\b(?!')/g, (l) => (bound.has(l) ? l : "'static")).replace(/&(?!')/g, "&'static ");
  if (/\bSelf\b/.test(t)) {
    if (!self) return undefined;
    t = t.replace(/\bSelf\b/g, self);
  }
  return t;
}

interface Ctx {
  readonly a: DocumentAnalysis;
  readonly probes: Probes;
  readonly claims: Claim[];
  readonly unknowns: Map<string, number>;
  /** Checks run once rustc has answered. */
  readonly later: (() => void)[];
  /** rustc's offset and size of each field, by `Type|Variant|field` (after rustc answered). */
  readonly fieldAt: Map<string, () => { offset?: number; size?: number }>;
}

function unknown(ctx: Ctx, surface: string, reason: string): void {
  const key = `${surface}: ${reason.replace(/`[^`]*`/g, '`…`').replace(/\d+/g, 'N').slice(0, 120)}`;
  ctx.unknowns.set(key, (ctx.unknowns.get(key) ?? 0) + 1);
}

/** Records a claim whose expected value `expect` computes once rustc has answered (undefined: not askable). */
function claim(ctx: Ctx, surface: string, subject: string, what: string, shown: string | number | bigint, expect: () => string | number | bigint | undefined, why?: () => string | undefined): void {
  const c: Claim = { surface, subject, what, shown: String(shown) };
  ctx.claims.push(c);
  ctx.later.push(() => {
    let e: string | number | bigint | undefined;
    try {
      e = expect();
    } catch (err) {
      e = undefined;
      c.why = String(err);
    }
    if (e === undefined) {
      c.verdict = 'unverified';
      c.why ??= why?.() ?? 'rustc not asked';
      return;
    }
    c.expected = String(e);
    c.verdict = c.expected === c.shown ? 'ok' : 'wrong';
  });
}

/** Why a probe has no layout. */
function missing(ctx: Ctx, probe: string): string {
  return ctx.probes.refused.get(probe) ?? 'rustc printed no layout';
}

/** The claims of a written type's hover (`` `T` — size 8 · align 8 · niche: 1 spare value ``). */
function writtenClaims(ctx: Ctx, md: string, subject: string, probe: string | undefined, inner: string | undefined): void {
  const text = withoutHeapFigures(plain(md));
  const first = text.split('\n', 1)[0]!;
  const L = () => (probe ? ctx.probes.get(probe) : undefined);
  const why = () => (probe ? missing(ctx, probe) : 'no probe (names generics or Self)');
  const u = / — (unknown|error): (.*)$/.exec(first);
  if (u) {
    // A corpus rustc compiles has no error in it; an "unknown" is an honest no-number.
    if (u[1] === 'error') claim(ctx, 'written hover', subject, 'is an error', 'error', () => (L() ? 'compiles' : undefined), why);
    else unknown(ctx, 'written hover', u[2]!);
    return;
  }
  const m = / — size (\d+) · align (\d+)(?: · niche: (\d+) spare values?)?( · uninhabited)?$/.exec(first);
  if (!m) {
    claim(ctx, 'written hover', subject, 'first line', first, () => 'a size line');
    return;
  }
  claim(ctx, 'written hover', subject, 'size', m[1]!, () => L()?.size, why);
  claim(ctx, 'written hover', subject, 'align', m[2]!, () => L()?.align, why);
  claim(ctx, 'written hover', subject, 'niche count', m[3] ?? '0', () => {
    const l = L();
    return l && (l.niche?.count ?? 0n);
  }, why);
  claim(ctx, 'written hover', subject, 'uninhabited', m[4] ? 'yes' : 'no', () => {
    const l = L();
    return l && (l.uninhabited ? 'yes' : 'no');
  }, why);
  const here = /^(\d+) B here \(/m.exec(text);
  if (here) claim(ctx, 'written hover', subject, '"B here" note', here[1]!, () => L()?.size, why);
  const block = /The heap block: (\d+) B, aligned to (\d+)/.exec(text);
  const innerL = () => (inner ? ctx.probes.get(inner) : undefined);
  const innerWhy = () => (inner ? missing(ctx, inner) : 'no probe of the boxed type');
  if (block) {
    claim(ctx, 'box note', subject, 'heap block size', block[1]!, () => innerL()?.size, innerWhy);
    claim(ctx, 'box note', subject, 'heap block align', block[2]!, () => innerL()?.align, innerWhy);
  }
  if (/The boxed type is zero-sized/.test(text)) claim(ctx, 'box note', subject, 'boxed type size', 0, () => innerL()?.size, innerWhy);
}

/** The boxed type of a written `Box<T>` or `Option<Box<T>>` (hoverModel's `boxNote`), when it is a sized one. */
function boxedType(e: TypeExpr): TypeExpr | undefined {
  let inner = e;
  const opt = inner.kind === 'path' ? inner.segments.at(-1) : undefined;
  if (opt?.name === 'Option' && opt.args[0]?.kind === 'type') inner = opt.args[0].ty;
  if (inner.kind !== 'path') return undefined;
  const seg = inner.segments.at(-1);
  return seg?.name === 'Box' && seg.args[0]?.kind === 'type' ? seg.args[0].ty : undefined;
}

/** Hovers every node of a written type; returns the probe of the whole type. */
function hoverWritten(ctx: Ctx, ty: TypeExpr, mod: string, self: string | undefined, where: string, skipFirst = false): string | undefined {
  const { a } = ctx;
  let top: string | undefined;
  for (const e of nodes(ty)) {
    const src = a.text.slice(e.span.start, e.span.end);
    const h = hoverAt(a, e.span.start);
    // No probe for a type the hover gives no number for (it names generics): rustc would refuse it.
    const pt = h && / — unknown: generic/.test(plain(h.markdown)) ? undefined : probeText(src, self);
    const probe = pt === undefined ? undefined : ctx.probes.add(mod, pt);
    if (e === ty) top = probe;
    if (e === ty && skipFirst) continue;
    if (!h) {
      unknown(ctx, 'written hover', 'no hover');
      continue;
    }
    let md = h.markdown;
    // A tuple field's hover: the field's part, then the type's.
    const parts = md.split('\n\n---\n\n');
    if (parts.length === 2) md = parts[1]!;
    if (h.span.start !== e.span.start || h.span.end !== e.span.end) {
      unknown(ctx, 'written hover', 'hover span is not the node');
      continue;
    }
    const boxed = boxedType(e);
    const innerText = boxed && probeText(a.text.slice(boxed.span.start, boxed.span.end), self);
    const inner = innerText === undefined ? undefined : ctx.probes.add(mod, innerText);
    writtenClaims(ctx, md, `\`${src.replace(/\s+/g, ' ')}\`${mod ? ` in ${mod}` : ''} (${where})`, probe, inner);
  }
  return top;
}

/** The probe module where an instance's text is asked about: the file's names, every module's, some of std's. */
const INSTANCES = '__rll_instances';

/** The file's types with lifetime parameters, and how many (an instance's text elides them: `L4<u8>`). */
let lifetimeTypes = new Map<string, number>();

/** An instance's text as a probe can name it, or undefined (shortened, or a `fn(..)`). */
function instanceText(shown: string): string | undefined {
  if (/…|\.\./.test(shown)) return undefined;
  let t = shown.replace(/, Global>/g, '>');
  for (const [name, n] of lifetimeTypes) {
    const ls = new Array(n).fill("'static").join(', ');
    t = t.replace(new RegExp(`\\b${name}\\b(?!\\s*<\\s*')(<)?`, 'g'), (_m, lt?: string) => (lt ? `${name}<${ls}, ` : `${name}<${ls}>`));
  }
  return probeText(t, undefined);
}

interface FieldInfo {
  readonly def: FieldDef;
  /** Its type's probe. */
  readonly probe: string | undefined;
  /** Index of its variant (enums). */
  readonly variant?: number;
  readonly index: number;
  /** Its name in the reports: a tuple field's index counts only the fields compiled in. */
  readonly name: string;
}

/** rustc's offset of a field, as the engine reports it (an absent variant's fields at 0, as rustc's `for_variant`). */
function rustcOffset(L: RLayout, kind: string, f: FieldInfo): number | undefined {
  if (kind === 'union') return 0;
  if (kind !== 'enum') return L.offsets[f.index];
  if (L.variants) return L.variants.layouts[f.variant!]?.offsets[f.index];
  return L.single === f.variant ? L.offsets[f.index] : 0;
}

function typeClaims(ctx: Ctx, entry: TypeEntry, index: number, mod: string): void {
  const { a, probes } = ctx;
  const item = entry.item;
  const t = entry.report;
  const name = t.name;
  const lifetimes = item.generics.params.filter((p) => p.kind === 'lifetime').length;
  // A type whose parameters all have defaults is laid out with them (`C<const N: usize = 3>`: `C`).
  const generic = isGenericItem(item);
  const self = generic ? undefined : lifetimes ? `${item.name}<${new Array(lifetimes).fill("'static").join(', ')}>` : item.name;
  const own = self ? probes.add(mod, self) : undefined;
  const L = () => (own ? probes.get(own) : undefined);
  const why = () => (own ? missing(ctx, own) : 'generic');
  if (process.env.RLL_DEBUG) ctx.later.push(() => {
    if (own && !probes.get(own)) console.log(`no layout: ${name} (${own}) ${missing(ctx, own)}`);
  });

  // Fields: their types' hovers (every node), their names' hovers.
  const fields: FieldInfo[] = [];
  const defs: { def: FieldDef; variant?: number; index: number }[] = [];
  // Fields and variants cfg'd out are not there for rustc (nor in the report).
  const on = (cfg: FieldDef['cfg']) => a.analysis.crate.active(cfg) && a.analysis.crate.unsure(cfg) === undefined;
  const variants = item.kind === 'enum' ? item.variants.filter((v) => on(v.cfg)) : [];
  if (item.kind === 'enum') variants.forEach((v, vi) => v.fields.filter((f) => on(f.cfg)).forEach((def, index) => defs.push({ def, variant: vi, index })));
  else item.fields.filter((f) => on(f.cfg)).forEach((def, index) => defs.push({ def, index }));
  const isMacro = t.nameSpan === undefined;
  for (const d of defs) {
    const probe = isMacro ? undefined : hoverWritten(ctx, d.def.ty, mod, self, `field ${name}.${d.def.name}`);
    fields.push({ ...d, probe, name: d.def.nameSpan.start === d.def.ty.span.start ? String(d.index) : d.def.name });
  }
  if (isMacro) return;
  const fl = (f: FieldInfo) => (f.probe ? probes.get(f.probe) : undefined);
  const variantOf = (f: FieldInfo) => fields.filter((g) => g.variant === f.variant);
  /** rustc's padding after a field (memory order within its struct or variant, up to the type's end). */
  const padAfter = (f: FieldInfo): number | undefined => {
    const l = L();
    if (!l) return undefined;
    const group = variantOf(f);
    const at = group.map((g) => ({ g, off: rustcOffset(l, item.kind, g), size: fl(g)?.size }));
    if (at.some((x) => x.off === undefined || x.size === undefined)) return undefined;
    at.sort((p, q) => p.off! - q.off! || p.size! - q.size! || p.g.index - q.g.index);
    const j = at.findIndex((x) => x.g === f);
    const next = j + 1 < at.length ? at[j + 1]!.off! : l.size;
    return Math.max(0, next - (at[j]!.off! + at[j]!.size!));
  };
  const pack = item.repr.packed;
  for (const f of fields) {
    const v = f.variant !== undefined ? variants[f.variant]!.name : '';
    ctx.fieldAt.set(`${name}|${v}|${f.name}`, () => {
      const l = L();
      return { offset: l && rustcOffset(l, item.kind, f), size: fl(f)?.size };
    });
  }

  // The type's own hover.
  const h = hoverAt(a, t.nameSpan!.start);
  const md = h ? withoutHeapFigures(plain(h.markdown)) : '';
  const first = md.split('\n', 1)[0] ?? '';
  const sub = name;
  const u = / — (unknown|error): (.*)$/.exec(first);
  if (!h) unknown(ctx, 'type hover', 'no hover');
  else if (u) {
    if (u[1] === 'error') claim(ctx, 'type hover', sub, 'is an error', 'error', () => (L() ? 'compiles' : undefined), why);
    else unknown(ctx, 'type hover', u[2]!);
  } else {
    const m = / — size (\d+) · align (\d+) · (?:no padding|(\d+) B padding(?: \((\d+)%\))?)$/.exec(first);
    if (!m) claim(ctx, 'type hover', sub, 'first line', first, () => 'a size line');
    else {
      claim(ctx, 'type hover', sub, 'size', m[1]!, () => L()?.size, why);
      claim(ctx, 'type hover', sub, 'align', m[2]!, () => L()?.align, why);
      const padding = (): number | undefined => {
        const l = L();
        if (!l) return undefined;
        const sizes = fields.map(fl);
        if (sizes.some((s) => !s)) return undefined;
        const sum = (fs: FieldInfo[]) => fs.reduce((s, f) => s + fl(f)!.size, 0);
        if (item.kind === 'union') return l.size - Math.max(0, ...sizes.map((s) => s!.size));
        if (item.kind === 'struct') return l.size - sum(fields);
        const payload = Math.max(0, ...(item.kind === 'enum' ? variants.map((_, vi) => sum(fields.filter((f) => f.variant === vi))) : []));
        return Math.max(0, l.size - payload - (l.variants?.encoding === 'direct' ? l.variants.tagSize : 0));
      };
      claim(ctx, 'type hover', sub, 'padding', m[3] ?? '0', padding, why);
      if (m[4] !== undefined) claim(ctx, 'type hover', sub, 'padding %', m[4], () => {
        const p = padding();
        const l = L();
        return p !== undefined && l && l.size > 0 ? Math.round((p * 100) / l.size) : undefined;
      }, why);
    }
    // The field table (structs, unions, single-variant enums).
    const table = /```text\n([\s\S]*?)\n```/.exec(md)?.[1];
    if (table) {
      const rows = table.split('\n').slice(1);
      const shownPads: string[] = [];
      for (const row of rows) {
        const r = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(row);
        if (!r) continue;
        if (r[3] === '(padding)') {
          shownPads.push(`${r[1]}+${r[2]}`);
          continue;
        }
        const fname = r[3]!.split(': ', 1)[0]!;
        const present = item.kind === 'enum' ? fields.filter((f) => t.fields && f.name === fname && f.variant === variantOfTable()) : fields.filter((f) => f.name === fname);
        const f = present[0];
        if (!f) {
          claim(ctx, 'type hover', `${sub}.${fname}`, 'table row', row.trim(), () => 'a field');
          continue;
        }
        claim(ctx, 'type hover', `${sub}.${fname}`, 'table offset', r[1]!, () => {
          const l = L();
          return l && rustcOffset(l, item.kind, f);
        }, why);
        claim(ctx, 'type hover', `${sub}.${fname}`, 'table size', r[2]!, () => fl(f)?.size, () => (f.probe ? missing(ctx, f.probe) : 'no probe'));
      }
      claim(ctx, 'type hover', sub, 'table padding rows', shownPads.join(' '), () => {
        const l = L();
        if (!l) return undefined;
        const group = item.kind === 'enum' ? fields.filter((f) => f.variant === variantOfTable()) : fields;
        const at = group.map((g) => ({ off: rustcOffset(l, item.kind, g), size: fl(g)?.size }));
        if (at.some((x) => x.off === undefined || x.size === undefined)) return undefined;
        at.sort((p, q) => p.off! - q.off! || p.size! - q.size!);
        const pads: string[] = [];
        let end = 0;
        for (const x of at) {
          if (x.off! > end) pads.push(`${end}+${x.off! - end}`);
          end = Math.max(end, x.off! + x.size!);
        }
        if (l.size > end) pads.push(`${end}+${l.size - end}`);
        return pads.join(' ');
      }, why);
    }
    const tag = /^(Tag|Discriminant stored in a niche): (\d+) bytes? at offset (\d+)/m.exec(md);
    claim(ctx, 'type hover', sub, 'tag', tag ? `${tag[1] === 'Tag' ? 'direct' : 'niche'} ${tag[2]}@${tag[3]}` : 'none', () => {
      const l = L();
      if (!l) return undefined;
      return l.variants ? `${l.variants.encoding} ${l.variants.tagSize}@${l.variants.tagOffset}` : 'none';
    }, why);
    const vline = /^Variants \([^)]*\): (.*)$/m.exec(md);
    if (vline && item.kind === 'enum') {
      for (const cell of vline[1]!.split(' · ')) {
        const c = /^(.*) (absent|\d+)$/.exec(cell);
        const vi = c ? variants.findIndex((v) => v.name === c[1]) : -1;
        if (!c || vi < 0) {
          claim(ctx, 'type hover', sub, 'variant cell', cell, () => 'a variant');
          continue;
        }
        const vfields = fields.filter((f) => f.variant === vi);
        claim(ctx, 'type hover', `${sub}::${c[1]}`, 'variant size', c[2]!, () => {
          const l = L();
          if (!l) return undefined;
          const sizes = vfields.map(fl);
          if (sizes.some((s) => !s)) return undefined;
          const zst = sizes.every((s) => s!.size === 0 && s!.align === 1);
          const vl = l.variants ? l.variants.layouts[vi] : l.single === vi ? l : undefined;
          if (!vl) return 'absent';
          if (vl.uninhabited && zst) return 'absent';
          // rustc's -Zprint-type-sizes variant size plus the discriminant: the end of its last
          // field, or with no field its layout's size. (A variant's layout may be larger than its
          // fields' end: rounded up to its alignment; a variant with a field of a ScalarPair enum
          // is given the enum's whole size.)
          if (vfields.length === 0) return vl.size;
          const tagEnd = l.variants?.encoding === 'direct' ? l.variants.tagOffset + l.variants.tagSize : 0;
          return Math.max(tagEnd, ...vfields.map((f) => (rustcOffset(l, 'enum', f) ?? 0) + fl(f)!.size));
        }, why);
      }
    }
    const niche = /^Niche: (\d+) spare values? in (\d+) bytes? at offset (\d+)\./m.exec(md);
    claim(ctx, 'type hover', sub, 'niche', niche ? `${niche[1]} in ${niche[2]}@${niche[3]}` : 'none', () => {
      const l = L();
      if (!l) return undefined;
      return l.niche && l.niche.count > 0n ? `${l.niche.count} in ${l.niche.size}@${l.niche.offset}` : 'none';
    }, why);
    claim(ctx, 'type hover', sub, 'uninhabited', /^Uninhabited:/m.test(md) ? 'yes' : 'no', () => {
      const l = L();
      return l && (l.uninhabited ? 'yes' : 'no');
    }, why);
    for (const note of md.matchAll(/^- `([^`:]+): ([^\n]*)`: (\d+) B here/gm)) {
      // An enum's variants share field names (`0`): the note names the field's type too.
      const bare = (t: string) => t.replace(/\s+/g, '');
      const named = fields.filter((x) => x.name === note[1]);
      const f = named.length === 1 ? named[0] : named.find((x) => bare(a.text.slice(x.def.ty.span.start, x.def.ty.span.end)) === bare(note[2]!));
      claim(ctx, 'type hover', `${sub}.${note[1]}`, '"B here" note', note[3]!, () => (f ? fl(f)?.size : undefined), () => (f?.probe ? missing(ctx, f.probe) : 'no field'));
    }
  }

  // Instances of a generic type.
  const listed = /^Instances in this (?:file|crate)[^\n]*:\n((?:- .*\n?)*)/m.exec(md);
  if (listed) {
    for (const row of listed[1]!.trim().split('\n')) {
      const r = /^- `(.*)` — size (\d+) · align (\d+) \(in `(.*)`\)$/.exec(row);
      if (!r) {
        claim(ctx, 'instances', sub, 'row', row, () => 'a row');
        continue;
      }
      const p = instanceText(r[1]!);
      const ip = p === undefined ? undefined : probes.add(INSTANCES, p);
      claim(ctx, 'instances', r[1]!, 'size', r[2]!, () => (ip ? probes.get(ip)?.size : undefined), () => (ip ? missing(ctx, ip) : 'shortened or `fn(..)`: no probe'));
      claim(ctx, 'instances', r[1]!, 'align', r[3]!, () => (ip ? probes.get(ip)?.align : undefined), () => (ip ? missing(ctx, ip) : 'no probe'));
    }
  }

  function variantOfTable(): number | undefined {
    // A single-variant enum's table holds the present variant's fields.
    if (item.kind !== 'enum' || !t.fields || !t.variants) return undefined;
    const names = t.fields.map((f) => f.name).join(',');
    const vi = t.variants.findIndex((v) => v.fields.map((f) => f.name).join(',') === names && !v.absent);
    return vi < 0 ? undefined : vi;
  }

  // Field names' hovers (tuple fields: the type's hover carries the field's part).
  for (const f of fields) {
    if (t.size === null || t.size === undefined) {
      unknown(ctx, 'field hover', 'its type is unknown or an error: no field numbers');
      continue;
    }
    const tuple = f.def.nameSpan.start === f.def.ty.span.start;
    const fh = hoverAt(a, f.def.nameSpan.start);
    if (!fh) {
      unknown(ctx, 'field hover', 'no hover');
      if (process.env.RLL_DEBUG) console.log(`no field hover: ${name}.${f.name} at ${f.def.nameSpan.start}: ${a.text.slice(f.def.span.start, f.def.span.end)}`);
      continue;
    }
    let text = plain(fh.markdown);
    if (tuple) {
      const parts = text.split('\n\n---\n\n');
      if (parts.length !== 2) {
        unknown(ctx, 'field hover', 'tuple field without its field part');
        if (process.env.RLL_DEBUG) console.log(`no tuple field part: ${name}.${f.name}: ${text.slice(0, 200)}`);
        continue;
      }
      text = parts[0]!;
    }
    const fsub = `${name}${f.variant !== undefined && item.kind === 'enum' ? `::${variants[f.variant]!.name}` : ''}.${f.name}`;
    const m = / — offset (\d+) · size (\d+) · align (\d+)(?: here \(packed; its type's is (\d+)\))? · (?:no padding after|then (\d+) bytes? of padding)/.exec(text);
    if (!m) {
      if (/ — in \*\*/.test(text)) unknown(ctx, 'field hover', 'owner unknown');
      else claim(ctx, 'field hover', fsub, 'line', text.split('\n', 1)[0]!, () => 'an offset line');
      continue;
    }
    const fwhy = () => (f.probe ? missing(ctx, f.probe) : 'no probe');
    claim(ctx, 'field hover', fsub, 'offset', m[1]!, () => {
      const l = L();
      return l && rustcOffset(l, item.kind, f);
    }, why);
    claim(ctx, 'field hover', fsub, 'size', m[2]!, () => fl(f)?.size, fwhy);
    claim(ctx, 'field hover', fsub, 'align', m[4] !== undefined ? `${m[3]} (type ${m[4]})` : m[3]!, () => {
      const l = fl(f);
      if (!l) return undefined;
      return pack !== undefined && pack < l.align ? `${pack} (type ${l.align})` : l.align;
    }, fwhy);
    claim(ctx, 'field hover', fsub, 'padding after', m[5] ?? '0', () => padAfter(f), why);
    const st = /Straddles the cache-line boundary at byte (\d+)/.exec(text);
    claim(ctx, 'field hover', fsub, 'straddle', st ? st[1]! : 'none', () => {
      const l = L();
      const off = l && rustcOffset(l, item.kind, f);
      const size = fl(f)?.size;
      return off === undefined || size === undefined ? undefined : (straddles(off, size) ?? 'none');
    }, why);
    const here = /^(\d+) B here \(/m.exec(text);
    if (here) claim(ctx, 'field hover', fsub, '"B here" note', here[1]!, () => fl(f)?.size, fwhy);
  }

  // The inlay hints: the same pairing of fields with reports as the provider's.
  const entryOf = a.types[index]!;
  for (const [def, rep] of fieldPairs(entryOf, t.fields ?? [], t.variants ?? [])) {
    if (!rep || t.size === null || t.size === undefined) continue;
    const f = fields.find((x) => x.def.nameSpan.start === def.nameSpan.start);
    const label = inlayHintLabel(rep);
    const m = /^@(\d+) · (\d+) B(?: · \+(\d+) pad)?$/.exec(label);
    const hsub = `${name}.${f?.name ?? def.name}`;
    if (!m || !f) {
      claim(ctx, 'inlay hint', hsub, 'label', label, () => 'a field label');
      continue;
    }
    claim(ctx, 'inlay hint', hsub, 'offset', m[1]!, () => {
      const l = L();
      return l && rustcOffset(l, item.kind, f);
    }, why);
    claim(ctx, 'inlay hint', hsub, 'size', m[2]!, () => fl(f)?.size, () => (f.probe ? missing(ctx, f.probe) : 'no probe'));
    claim(ctx, 'inlay hint', hsub, 'padding after', m[3] ?? '0', () => padAfter(f), why);
  }

  // The CodeLens title.
  const inst = instancesAt(a, index);
  const lens = instancesLensTitle(t, inst) ?? lensTitle(t);
  const lm = /^(\d+) B · align (\d+) · (?:no padding|(\d+) B padding)$/.exec(lens);
  if (lm) {
    claim(ctx, 'lens', sub, 'size', lm[1]!, () => L()?.size, why);
    claim(ctx, 'lens', sub, 'align', lm[2]!, () => L()?.align, why);
    // The padding is the hover's (same report): compared with it, it is compared with rustc.
    claim(ctx, 'lens', sub, 'padding', lm[3] ?? '0', () => /(\d+) B padding/.exec(first)?.[1] ?? (/no padding/.test(first) ? '0' : undefined));
  } else if (/^generic · /.test(lens)) {
    for (const [k, cell] of lens.replace(/^generic · /, '').replace(/ · \+\d+ more$/, '').split(' · ').entries()) {
      const i = inst?.[k];
      const c = /^(.*) (\d+) B$/.exec(cell);
      const p = i && instanceText(i.type);
      const ip = p === undefined ? undefined : probes.add(INSTANCES, p);
      claim(ctx, 'lens', c?.[1] ?? cell, 'instance size', c?.[2] ?? cell, () => (ip ? probes.get(ip)?.size : undefined), () => (ip ? missing(ctx, ip) : 'no instance'));
    }
  } else if (/^size unknown: (.*)$/.test(lens)) unknown(ctx, 'lens', lens.slice('size unknown: '.length));
  else if (/^error/.test(lens)) claim(ctx, 'lens', sub, 'is an error', lens, () => (L() ? 'compiles' : undefined), why);
  else if (!/^generic$/.test(lens)) claim(ctx, 'lens', sub, 'title', lens, () => 'a size title');
}

// ----- one batch ---------------------------------------------------------------------------------

/** Shapes a written type takes around a generated one (`T`), besides the generator's own field types. */
const SHAPES: readonly ((t: string) => string)[] = [
  (t) => t,
  (t) => `Option<(u8, ${t})>`,
  (t) => `[${t}; 3]`,
  (t) => `Result<${t}, ()>`,
  (t) => `Result<(), ${t}>`,
  (t) => `Box<${t}>`,
  (t) => `Option<Box<${t}>>`,
  (t) => `Box<[${t}]>`,
  (t) => `(${t}, u16, ${t})`,
  (t) => `Option<Option<${t}>>`,
  (t) => `&'static [${t}]`,
  (t) => `&'static ${t}`,
  (t) => `std::mem::MaybeUninit<${t}>`,
  (t) => `std::cell::Cell<${t}>`,
  (t) => `Vec<${t}>`,
  () => `&'static dyn std::fmt::Debug`,
  () => `Box<dyn Fn(u8) -> u8>`,
  () => `Box<str>`,
  () => `Box<[u16]>`,
];

/** `pub type __W0 = Option<(u8, S3)>;` … at the crate root: more written types to hover (names and nodes); and `#[repr(C)]` structs to reorder. */
function writtenAliases(g: CorpusGenerator, seed: string, n: number): string {
  const r = new Rng(`${seed}/written`);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`pub type __W${i} = ${r.pick(SHAPES)(g.ty({ mod: null, depth: 1 }).text)};`);
  // repr(C) structs mixing small and large fields: the reorder fix and its diagnostic have work.
  const small = ['u8', 'bool', 'u16', 'i8', '[u8; 3]', 'char'];
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    const fields = Array.from({ length: r.int(2, 5) }, (_, k) => `pub f${k}: ${r.chance(0.6) ? r.pick(small) : g.ty({ mod: null, depth: 1 }).text}`);
    out.push(`#[repr(C)]\npub struct __R${i} { ${fields.join(', ')} }`);
  }
  return out.join('\n') + '\n';
}

const SETTINGS = {
  severity: 'information',
  reprCPadding: true,
  largeType: true,
  largeTypeThreshold: 16,
  largeEnumVariant: true,
  largeEnumVariantThreshold: 1,
  cacheLineStraddle: true,
} as const;

export async function checkCorpus(analyzer: Analyzer, seed: string, count: number): Promise<ClaimsResult> {
  const g = new CorpusGenerator(seed, 'std');
  const corpus = g.generate(count, seed);
  const text = ['#![allow(warnings)]', corpus.header, corpus.defs, writtenAliases(g, seed, Math.ceil(count / 4))].join('\n');
  const file = join('/virtual', 'lib.rs');
  // A cold start on a busy machine can exceed the editor's parse budget: the hunt reads whole corpora.
  scaleParseBudget(50);
  const sf = await analyzer.parseFile(file, text);
  scaleParseBudget(1);
  const gaveUp = sf.problems.find((p) => p.code === 'parseAbandoned');
  if (gaveUp) throw new Error(`the parse of corpus ${seed} was given up: ${gaveUp.message}`);
  if (process.env.RLL_DEBUG) writeFileSync(join(tmpdir(), 'claims-last.rs'), text);
  const a = buildDocumentAnalysis(await analyzer.analyze(singleFileProgram(sf, text)), sf, { uri: file, version: 1, path: file, text });
  const probes = new Probes();
  const ctx: Ctx = { a, probes, claims: [], unknowns: new Map(), later: [], fieldAt: new Map() };
  const mods = modules(sf.items);
  lifetimeTypes = new Map();
  for (const { item } of itemsWithModule(sf.items)) {
    if (item.kind !== 'struct' && item.kind !== 'enum' && item.kind !== 'union' && item.kind !== 'alias') continue;
    const n = item.generics.params.filter((p) => p.kind === 'lifetime').length;
    if (n) lifetimeTypes.set(item.name, n);
  }
  const modOf = new Map<number, string>();
  for (const { item, mod } of itemsWithModule(sf.items)) if ('span' in item) modOf.set(item.span.start, mod);

  const pins: TextEdit[] = [];
  const pinned: { name: string; size: string; align: string }[] = [];
  const reorders: TextEdit[] = [];
  const reordered: { mod: string; name: string; saved: number; best: number; own: string | undefined; entry: TypeEntry }[] = [];
  for (const [index, entry] of a.types.entries()) {
    const mod = modOf.get(entry.shallow.span.start) ?? '';
    typeClaims(ctx, entry, index, mod);
    const t = entry.report;
    const p = pinProposal(text, entry.item, t);
    if (p) {
      pins.push(p);
      const m = /size_of::<(.*?)>\(\) == (\d+)\);[\s\S]*align_of::<.*?>\(\) == (\d+)\)/.exec(p.newText)!;
      pinned.push({ name: m[1]!, size: m[2]!, align: m[3]! });
    }
    const r = reorderProposal(text, entry.item, t);
    if (r) {
      reorders.push(...r.edits);
      reordered.push({ mod, name: entry.item.name, saved: r.plan.saved, best: r.plan.bestPadding, own: undefined, entry });
    }
  }
  // Type aliases, constants and statics: the hover of the name, and of every node of the type.
  for (const { item, mod } of itemsWithModule(sf.items)) {
    if ((item.kind !== 'alias' && item.kind !== 'const' && item.kind !== 'static') || !item.ty || item.syntaxError) continue;
    const generic = item.kind === 'alias' && item.generics.params.some((p) => p.kind !== 'lifetime');
    const top = hoverWritten(ctx, item.ty, mod, undefined, `${item.kind} ${item.name}`);
    const h = hoverAt(a, item.nameSpan.start);
    if (!h) {
      unknown(ctx, 'written hover', 'no hover on the name');
      continue;
    }
    const boxed = boxedType(item.ty);
    const innerText = boxed && !generic ? probeText(text.slice(boxed.span.start, boxed.span.end), undefined) : undefined;
    writtenClaims(ctx, h.markdown, `${item.kind} ${mod ? `${mod}::` : ''}${item.name}`, generic ? undefined : top, innerText === undefined ? undefined : probes.add(mod, innerText));
  }

  // The diagnostics' numbers.
  const diags = findings(a, SETTINGS);
  for (const f of diags) {
    const entry = a.types.find((e) => e.report.nameSpan?.start === f.typeOffset);
    if (!entry) continue;
    const mod = modOf.get(entry.shallow.span.start) ?? '';
    const lifetimes = entry.item.generics.params.filter((p) => p.kind === 'lifetime').length;
    const self = lifetimes ? `${entry.item.name}<${new Array(lifetimes).fill("'static").join(', ')}>` : entry.item.name;
    const own = self ? probes.add(mod, self) : undefined;
    const L = () => (own ? probes.get(own) : undefined);
    const sub = entry.report.name;
    if (f.code === 'largeType') {
      const m = /is (\d+) bytes?/.exec(f.message)!;
      claim(ctx, 'diagnostic', sub, 'large type size', m[1]!, () => L()?.size);
    } else if (f.code === 'reprCPadding') {
      const m = /has (\d+) bytes? of padding; ordering its fields by alignment would remove (\d+)/.exec(f.message)!;
      // The padding is the hover's number (checked there); the saving is checked by compiling the fix.
      const fields = entry.item.kind === 'struct' ? entry.item.fields : [];
      const fps = fields.map((d) => probes.add(mod, probeText(text.slice(d.ty.span.start, d.ty.span.end), self) ?? ''));
      claim(ctx, 'diagnostic', sub, 'repr(C) padding', m[1]!, () => {
        const l = L();
        const sizes = fps.map((fp) => probes.get(fp));
        return l && !sizes.some((s) => !s) ? l.size - sizes.reduce((s, x) => s + x!.size, 0) : undefined;
      });
      const r = reordered.find((x) => x.entry === entry);
      claim(ctx, 'diagnostic', sub, 'repr(C) saving', m[2]!, () => (r ? String(r.saved) : 'no fix'));
    } else if (f.code === 'largeEnumVariant') {
      const m = /The variant `(\w+)` of `\w+` is (\d+) bytes?, (\d+) more than the next largest \(`(\w+)`, (\d+) bytes?\): every `\w+` takes (\d+) bytes?/.exec(f.message)!;
      // The variant sizes are the hover's (checked there): the same report; the type's size against rustc.
      const vs = entry.report.variants ?? [];
      claim(ctx, 'diagnostic', sub, 'large variant', `${m[1]} ${m[2]}, next ${m[4]} ${m[5]}, diff ${m[3]}`, () => {
        const sorted = vs.filter((v) => !v.absent).sort((x, y) => y.size - x.size);
        return `${sorted[0]!.name} ${sorted[0]!.size}, next ${sorted[1]!.name} ${sorted[1]!.size}, diff ${sorted[0]!.size - sorted[1]!.size}`;
      });
      claim(ctx, 'diagnostic', sub, 'large variant: type size', m[6]!, () => L()?.size);
    } else if (f.code === 'cacheLineStraddle') {
      const m = /^`(?:(\w+)\.)?(\w+)` of `\w+` \((\d+) bytes? at offset (\d+)\) straddles the cache-line boundary at byte (\d+)/.exec(f.message)!;
      const at = ctx.fieldAt.get(`${sub}|${m[1] ?? ''}|${m[2]}`);
      claim(ctx, 'diagnostic', `${sub}.${m[1] ? `${m[1]}.` : ''}${m[2]}`, 'straddle', `${m[3]}@${m[4]} → ${m[5]}`, () => {
        const r = at?.();
        if (r?.offset === undefined || r.size === undefined) return undefined;
        return `${r.size}@${r.offset} → ${straddles(r.offset, r.size)}`;
      });
    }
  }

  const asked = await askRustc(text, mods, probes, pins);
  // The pins: every assertion compiled unless rustc said which failed.
  const failedPins = [...asked.stderr.matchAll(/assertion failed: core::mem::(size|align)_of::<(.*?)>\(\) == (\d+)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  for (const p of pinned) {
    for (const what of ['size', 'align'] as const) {
      const shown = what === 'size' ? p.size : p.align;
      const failed = failedPins.includes(`${what} ${p.name} ${shown}`);
      claim(ctx, 'pin', p.name, what, shown, () => (asked.errors.length && !failed ? undefined : failed ? 'assertion failed' : shown), () => `the probe did not compile: ${asked.errors[0]}`);
    }
  }
  for (const run of ctx.later.splice(0)) run();

  // The reorder fix, applied and compiled.
  if (reordered.length) {
    const rp = new Probes();
    for (const r of reordered) r.own = rp.add(r.mod, r.name);
    const fieldProbes = reordered.map((r) => (r.entry.item.kind === 'struct' ? r.entry.item.fields.map((d) => rp.add(r.mod, probeText(text.slice(d.ty.span.start, d.ty.span.end), r.name) ?? '')) : []));
    const fixed = applyEdits(text, reorders);
    scaleParseBudget(50);
    const fixedFile = await analyzer.parseFile(file, fixed);
    scaleParseBudget(1);
    if (fixedFile.problems.some((p) => p.code === 'parseAbandoned')) throw new Error(`the parse of corpus ${seed} with the reorder fixes was given up`);
    await askRustc(fixed, modules(fixedFile.items), rp, []);
    reordered.forEach((r, k) => {
      const before = probes.get(probes.add(r.mod, r.name));
      const after = rp.get(r.own!);
      const fieldsBefore = r.entry.item.kind === 'struct' ? r.entry.item.fields.map((d) => probes.get(probes.add(r.mod, probeText(text.slice(d.ty.span.start, d.ty.span.end), r.name) ?? ''))) : [];
      // The fixes of a batch are applied together: a field that is (or holds) another struct this
      // batch reorders may change size or alignment, and the plan was made for the fields as they were.
      const fieldsAfter = () => {
        const sizes = fieldProbes[k]!.map((p) => rp.get(p));
        if (sizes.some((s) => !s) || fieldsBefore.some((s) => !s)) return undefined;
        return sizes.every((s, j) => s!.size === fieldsBefore[j]!.size && s!.align === fieldsBefore[j]!.align) ? sizes : undefined;
      };
      const why = () => (fieldsAfter() === undefined ? 'a field changed with another fix of the batch, or was not laid out' : 'not laid out by rustc');
      claim(ctx, 'reorder', r.entry.report.name, 'bytes saved', r.saved, () => {
        const sizes = fieldsAfter();
        return before && after && sizes ? before.size - after.size : undefined;
      }, why);
      claim(ctx, 'reorder', r.entry.report.name, 'padding after the fix', r.best, () => {
        const sizes = fieldsAfter();
        return after && sizes ? after.size - sizes.reduce((s, x) => s + x!.size, 0) : undefined;
      }, why);
    });
    for (const run of ctx.later.splice(0)) run();
  }
  return { claims: ctx.claims, unknowns: ctx.unknowns, source: asked.source, probeErrors: asked.errors };
}

// ----- the command line --------------------------------------------------------------------------

async function main(): Promise<void> {
  const [seed = 'claims', countArg = '1000', perArg = '120', outDir = tmpdir(), firstArg = '0'] = process.argv.slice(2);
  const count = Number(countArg);
  const per = Number(perArg);
  const analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
  const totals = new Map<string, { ok: number; wrong: number; unverified: number }>();
  const unknowns = new Map<string, number>();
  const unverifiedWhy = new Map<string, number>();
  let wrong = 0;
  try {
    for (let done = 0, batch = Number(firstArg); done < count; batch++) {
      const n = Math.min(per, count - done);
      const bseed = `${seed}/${batch}`;
      const t0 = Date.now();
      const r = await checkCorpus(analyzer, bseed, n);
      for (const c of r.claims) {
        const key = `${c.surface} · ${c.what}`;
        const s = totals.get(key) ?? { ok: 0, wrong: 0, unverified: 0 };
        s[c.verdict ?? 'unverified']++;
        totals.set(key, s);
        if (c.verdict === 'unverified') {
          if (process.env.RLL_DEBUG) console.log(`unverified ${bseed} [${c.surface}] ${c.subject}: ${c.what} shown ${c.shown} — ${c.why}`);
          const w = `${c.surface}: ${(c.why ?? '').replace(/\d+/g, 'N').slice(0, 100)}`;
          unverifiedWhy.set(w, (unverifiedWhy.get(w) ?? 0) + 1);
        }
      }
      for (const [k, v] of r.unknowns) unknowns.set(k, (unknowns.get(k) ?? 0) + v);
      const bad = r.claims.filter((c) => c.verdict === 'wrong');
      if (bad.length) {
        const f = join(outDir, `claims-${bseed.replace(/[^\w.-]/g, '_')}.rs`);
        writeFileSync(f, r.source);
        for (const c of bad) console.log(`WRONG ${bseed} [${c.surface}] ${c.subject}: ${c.what} shown ${c.shown}, rustc ${c.expected}   [${f}]`);
        wrong += bad.length;
      }
      for (const e of r.probeErrors) console.log(`probe error ${bseed}: ${e}`);
      console.log(`batch ${bseed}: ${n} types, ${r.claims.length} claims, wrong ${bad.length}, unverified ${r.claims.filter((c) => c.verdict === 'unverified').length} (${Date.now() - t0} ms)`);
      done += n;
    }
  } finally {
    analyzer.dispose();
  }
  console.log('\nclaims by surface (ok / wrong / unverified):');
  for (const [k, s] of [...totals].sort()) console.log(`  ${k}: ${s.ok} / ${s.wrong} / ${s.unverified}`);
  console.log('\nunverified, why:');
  for (const [k, v] of [...unverifiedWhy].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${v}  ${k}`);
  console.log('\nno number shown (unknown), why:');
  for (const [k, v] of [...unknowns].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${v}  ${k}`);
  console.log(`\nwrong: ${wrong}`);
  if (wrong) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
