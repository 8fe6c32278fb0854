/**
 * Turns engine results into `TypeReport`s (the CLI's JSON and what the editor shows).
 */
import type { FieldReport, StdHeapOwner, TypeReport, VariantReport } from './reportTypes';
import { stdHeapOwner } from './heap/owned';
import type { FieldDef, Repr, TypeExpr, TypeItem } from './model';
import { ownString } from './model';
import { nestedShift, shiftSpan } from './positions';
import { expansionOf } from './expansion';
import { blankMarkers } from './macros/lexer';
import type { ModuleScope } from './resolve';
import { type AdtLayout, type Engine, type Ty, refKey, reprOf } from './engine';
import { type Layout, Abstain, LayoutError, available } from './layout/types';
import { absent as absentVariant } from './layout/calc';

/**
 * Whether the item has no layout of its own: a type or const parameter without a default.
 * rustc lays out `struct Foo<T = u8>` written bare (`size_of::<Foo>()`) as `Foo<u8>`, so an item
 * whose parameters all have defaults is reported with them; lifetimes are taken as `'static`.
 */
export function isGenericItem(item: TypeItem): boolean {
  return item.generics.params.some((p) => p.kind !== 'lifetime' && p.default === undefined);
}

/** Whether a type expression names the generic parameter `name`: true, false, or undefined when it cannot tell (a fn pointer's or trait object's arguments are not in the model). */
function mentions(e: TypeExpr, name: string): boolean | undefined {
  switch (e.kind) {
    case 'path': {
      if (e.qualified) return undefined;
      if (!e.global && e.segments.length >= 1 && e.segments[0]!.name === name) return true;
      let unsure = false;
      for (const seg of e.segments) {
        for (const a of seg.args) {
          const r = a.kind === 'type' || a.kind === 'binding' ? mentions(a.ty, name) : a.kind === 'const' ? undefined : false;
          if (r) return true;
          if (r === undefined) unsure = true;
        }
      }
      return unsure ? undefined : false;
    }
    case 'ref':
    case 'ptr':
      return mentions(e.inner, name);
    case 'array':
    case 'slice':
      return mentions(e.elem, name);
    case 'tuple': {
      let unsure = false;
      for (const x of e.elems) {
        const r = mentions(x, name);
        if (r) return true;
        if (r === undefined) unsure = true;
      }
      return unsure ? undefined : false;
    }
    case 'never':
    case 'infer':
      return false;
    default:
      return undefined;
  }
}

/**
 * A type parameter that no field uses: rustc's E0392, unless a bound constrains it (`A: Dfa<Id = S>`
 * in a where-clause, as matchers' `Pattern<S = usize, A = DenseDFA<Vec<S>, S>>` has). Bounds are not
 * in the model, so a parameter named anywhere else in the item's header (bounds, where-clause,
 * another parameter's default) is only said to be unsure. Undefined: every parameter is used.
 */
function unusedTypeParam(item: TypeItem, header: string | undefined): { name: string; sure: boolean } | undefined {
  const fields = item.kind === 'enum' ? item.variants.flatMap((v) => v.fields) : item.fields;
  const params = item.generics.params.filter((p) => p.kind === 'type').map((p) => p.name);
  const used = new Set(params.filter((n) => !fields.every((f) => mentions(f.ty, n) === false)));
  const bound = header !== undefined && used.size < params.length ? constrainedByBindings(header, params, used) : used;
  for (const p of item.generics.params) {
    if (p.kind !== 'type' || bound.has(p.name)) continue;
    const named = header === undefined ? 2 : (header.match(new RegExp(`(?<![\\w'])${p.name}(?!\\w)`, 'g')) ?? []).length;
    return { name: p.name, sure: named <= 1 };
  }
  return undefined;
}

/**
 * rustc's constrained parameters (`identify_constrained_generic_params`): those the fields use, and
 * then, to a fixed point, every parameter named in an associated type binding (`A: Dfa<Id = S>`,
 * `F: Fn(T) -> R`'s `R`) of a bound whose bounded type and trait arguments name only constrained
 * parameters. Read from the header's text (generics and where-clause); what cannot be read adds
 * nothing.
 */
export function constrainedByBindings(header: string, params: readonly string[], used: ReadonlySet<string>): Set<string> {
  const out = new Set(used);
  const text = header.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  const tokens: string[] = text.match(/[A-Za-z_][\w]*|'[A-Za-z_]\w*|::|->|=>|==|[^\s\w]/g) ?? [];
  const names = (ts: readonly string[]): string[] => ts.filter((t) => params.includes(t));
  // Split a token run at top-level `sep` (brackets of every kind nest).
  const split = (ts: readonly string[], sep: string): string[][] => {
    const parts: string[][] = [[]];
    let depth = 0;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      if (t === '<' || t === '(' || t === '[') depth++;
      else if ((t === '>' && ts[i - 1] !== '-') || t === ')' || t === ']') depth--;
      if (depth === 0 && t === sep) parts.push([]);
      else parts[parts.length - 1]!.push(t);
    }
    return parts.filter((p) => p.length);
  };
  // Predicates `Ty: Bound + Bound`: the generics' inline bounds, then the where-clause's.
  const preds: { ty: string[]; bounds: string[][] }[] = [];
  const addPred = (ts: readonly string[]): void => {
    const colon = ts.findIndex((t, i) => t === ':' && depthAt(ts, i) === 0);
    if (colon <= 0) return;
    preds.push({ ty: ts.slice(0, colon), bounds: split(ts.slice(colon + 1), '+') });
  };
  const whereAt = tokens.indexOf('where');
  const head = whereAt < 0 ? tokens : tokens.slice(0, whereAt);
  if (head[0] === '<') {
    let depth = 0;
    let end = 0;
    for (let i = 0; i < head.length; i++) {
      const t = head[i]!;
      if (t === '<' || t === '(' || t === '[') depth++;
      else if ((t === '>' && head[i - 1] !== '-') || t === ')' || t === ']') depth--;
      if (depth === 0) {
        end = i;
        break;
      }
    }
    for (const p of split(head.slice(1, end), ',')) {
      const eq = p.findIndex((t, i) => t === '=' && depthAt(p, i) === 0);
      addPred(eq < 0 ? p : p.slice(0, eq));
    }
  }
  if (whereAt >= 0) {
    const rest = tokens.slice(whereAt + 1);
    const stop = rest.findIndex((t) => t === ';' || t === '{');
    for (const p of split(stop < 0 ? rest : rest.slice(0, stop), ',')) addPred(p);
  }
  // Each bound: its trait's arguments (inputs) and its bindings' types (outputs).
  const rules: { inputs: string[]; outputs: string[] }[] = [];
  for (const pr of preds) {
    for (const b of pr.bounds) {
      let ts = b;
      if (ts[0] === 'for' && ts[1] === '<') ts = ts.slice(ts.indexOf('>') + 1);
      const lt = ts.indexOf('<');
      const paren = ts.indexOf('(');
      const inputs = names(pr.ty);
      const outputs: string[] = [];
      if (paren >= 0 && (lt < 0 || paren < lt)) {
        // `Fn(A, B) -> R`: the arguments are the trait's input, `R` its `Output` binding.
        const arrow = ts.indexOf('->');
        inputs.push(...names(arrow < 0 ? ts : ts.slice(0, arrow)));
        if (arrow >= 0) outputs.push(...names(ts.slice(arrow + 1)));
      } else if (lt >= 0) {
        const close = ts.lastIndexOf('>');
        inputs.push(...names(ts.slice(0, lt)));
        for (const a of split(ts.slice(lt + 1, close < 0 ? ts.length : close), ',')) {
          if (a.length > 1 && /^[A-Za-z_]/.test(a[0]!) && a[1] === '=') outputs.push(...names(a.slice(2)));
          else if (!(a.length > 1 && a[1] === ':')) inputs.push(...names(a));
        }
      } else continue;
      if (outputs.length) rules.push({ inputs, outputs });
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of rules) {
      if (!r.inputs.every((n) => out.has(n))) continue;
      for (const n of r.outputs) if (!out.has(n)) changed = out.add(n) !== undefined;
    }
  }
  return out;
}

/** The bracket depth just before `ts[i]` (any kind of bracket). */
function depthAt(ts: readonly string[], i: number): number {
  let depth = 0;
  for (let j = 0; j < i; j++) {
    const t = ts[j]!;
    if (t === '<' || t === '(' || t === '[') depth++;
    else if ((t === '>' && ts[j - 1] !== '-') || t === ')' || t === ']') depth--;
  }
  return depth;
}

/** The crate's `#![recursion_limit = "N"]`, else rustc's default 128. */
function recursionLimit(rootAttrs: readonly { readonly text: string }[]): number {
  for (const a of rootAttrs) {
    const m = /^recursion_limit\s*=\s*"(\d+)"$/.exec(a.text.trim());
    if (m) return Number(m[1]);
  }
  return 128;
}

/** The item as a type: its default arguments filled in (by resolving `self::Name` in its module). */
function itemTy(engine: Engine, item: TypeItem, m: ModuleScope, header: string | undefined): Extract<Ty, { k: 'adt' }> | Ty {
  if (!item.generics.params.some((p) => p.kind !== 'lifetime')) return { k: 'adt', def: { item, m }, args: [] };
  const unused = unusedTypeParam(item, header);
  if (unused?.sure) return { k: 'error', code: 'E0392', message: `type parameter \`${unused.name}\` is never used` };
  if (unused) return { k: 'unknown', reason: `type parameter \`${unused.name}\` is used by no field: rustc accepts the type only if a bound constrains it, which is not checked` };
  const span = item.nameSpan;
  const path: TypeExpr = { kind: 'path', segments: [{ name: 'self', args: [] }, { name: item.name, args: [] }], global: false, span };
  const ty = engine.tyOf(path, { m, generics: new Map(), owner: m.crate.frozen ? undefined : refKey('t', m, item) });
  // Another item of the same name (rustc's E0428) would resolve instead: lay out only this one.
  if (ty.k === 'adt' && ty.def.item !== item) return { k: 'unknown', reason: `\`${item.name}\` is defined more than once in its module` };
  return ty;
}

/** The text of `t` in `text`, whitespace runs made one space; `shift` is added to its span (see nestedShift). */
export function typeText(t: TypeExpr, text: string | undefined, shift = 0): string {
  // In a macro's expansion, `$crate` became a name of the analysis's own (see SELF_CRATE).
  // A fragment forwarded to a macro call in it is marked (NT_MARK): shown as written.
  if (text !== undefined) {
    const written = text.slice(t.span.start + shift, t.span.end + shift);
    return ownString(blankMarkers(written).replace(/\s+/g, ' ').replace(/(?:::\s*)?__rll_crate_\d+|\b__rll_dollar_crate\b/g, '$$crate').replace(/([(<[]) /g, '$1').replace(/ ([)>\],])/g, '$1'));
  }
  return '';
}

/** Field reports in declaration order; `paddingAfter` follows memory order. */
function fieldReports(
  fields: readonly { def: FieldDef; layout: Layout; ty: Ty }[],
  offsets: readonly number[],
  end: number,
  text: string | undefined,
  shift: number,
  /** False for a macro-made type: its fields are not in the document. */
  spans: boolean,
): FieldReport[] {
  // A layout with no field offsets (an enum whose variants are all absent has the never type's
  // layout) puts the fields at 0, as rustc's `for_variant` does for an absent variant.
  const at = (i: number): number => offsets[i] ?? 0;
  const order = fields.map((_, i) => i).sort((a, b) => at(a) - at(b) || fields[a]!.layout.size - fields[b]!.layout.size || a - b);
  const padAfter = new Array<number>(fields.length).fill(0);
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const stop = at(i) + fields[i]!.layout.size;
    const next = j + 1 < order.length ? at(order[j + 1]!) : end;
    padAfter[i] = Math.max(0, next - stop);
  }
  return fields.map((f, i) => ({
    name: f.def.name,
    offset: at(i),
    size: f.layout.size,
    align: f.layout.align,
    paddingAfter: padAfter[i]!,
    nameSpan: spans ? shiftSpan(f.def.nameSpan, shift) : undefined,
    type: typeText(f.def.ty, text, shift),
    ...withStdOwner(f.ty),
  }));
}

function withStdOwner(ty: Ty): { stdOwner?: StdHeapOwner } {
  const o = stdHeapOwner(ty);
  return o ? { stdOwner: o } : {};
}

function fieldBytes(fields: readonly { layout: Layout }[]): number {
  return fields.reduce((s, f) => s + f.layout.size, 0);
}

export interface ReportInput {
  readonly item: TypeItem;
  readonly m: ModuleScope;
  /** Display name (path from the crate root). */
  readonly name: string;
  readonly file: string;
  /** The text of the item's file, for type texts. */
  readonly text?: string;
}

/**
 * A type path as rustc prints it: the module made for an anonymous constant's items
 * (`const _: () = { struct P; };`, src/parse/extract.ts) is named `_#<offset>#<hash>` so that
 * each has a scope of its own; rustc calls it `_` (`m::_::P`). For what people and tools read.
 */
export function shownPath(text: string): string {
  return text.replace(/(^|::|`|\s)_#\d+#[0-9a-z]+(?=::)/g, '$1_');
}

/** True when the report vouches for the numbers of its type (a size, and no `unknown` or `error`). */
export function isKnown(t: TypeReport): t is TypeReport & { size: number } {
  return t.size !== null && t.unknown === undefined && t.error === undefined;
}

/** Computes one type's report; never throws for layout problems. */
export function reportType(engine: Engine, input: ReportInput): TypeReport {
  const { item, name, file } = input;
  // The item may have moved (src/core/positions.ts): its fields' positions are off by this much.
  const shift = nestedShift(item);
  // A macro-made item's fields are in its expansion's text (src/core/expansion.ts).
  const expanded = expansionOf(item);
  const text = expanded ? expanded.text : input.text;
  const base = {
    name,
    kind: item.kind,
    file,
    line: item.line + 1,
    nameSpan: item.nameSpan,
    span: item.span,
    repr: reprText(reprOf(item, input.m.crate)),
    ...(expanded ? { expandedFrom: expanded.macro } : {}),
  };
  if (isGenericItem(item)) {
    // What is wrong with the definition whatever its arguments is said on it too (E0392, E0124…).
    try {
      engine.checkDefinition(item, input.m);
    } catch (e) {
      if (e instanceof LayoutError) return { ...base, size: null, error: `${e.code}: ${e.message}` };
      if (!(e instanceof Abstain)) throw e;
      if (item.syntaxError) return { ...base, size: null, unknown: e.message };
    }
    return { ...base, size: null, unknown: 'generic: needs type arguments' };
  }
  let r: AdtLayout;
  try {
    // The header: the item's text after its name but outside its fields (generics, bounds, where-clause).
    const t = input.text;
    const header = t === undefined ? undefined : item.bodySpan ? t.slice(item.nameSpan.end + shift, item.bodySpan.start + shift) + t.slice(item.bodySpan.end + shift, item.span.end + shift) : t.slice(item.nameSpan.end + shift, item.span.end + shift);
    const ty = itemTy(engine, item, input.m, header);
    if (ty.k !== 'adt') engine.layoutOf(ty); // an unknown default argument: abstains (or rustc's error)
    r = engine.adtLayout(ty as Extract<Ty, { k: 'adt' }>);
    // rustc lays out each nested type in a query of its own, at most `recursion_limit` deep
    // ("queries overflow the depth limit!"); types it has laid out before are not computed again,
    // so a deeper nesting may pass: no number either way.
    const limit = recursionLimit(input.m.crate.root.lintAttrs);
    if ((r.layout.height ?? 1) >= limit) return { ...base, size: null, unknown: `types nested ${r.layout.height} deep: rustc may refuse to lay it out ("queries overflow the depth limit", recursion_limit ${limit})` };
  } catch (e) {
    if (e instanceof Abstain) return { ...base, size: null, unknown: e.message };
    if (e instanceof LayoutError) {
      const own = e.code === 'E0072' && !e.message.includes(`\`${item.name}\``);
      return { ...base, size: null, error: own ? `${e.code}: contains a type rustc rejects (${e.message})` : `${e.code}: ${e.message}` };
    }
    throw e;
  }
  const l = r.layout;
  const niche = l.niche ? { offset: l.niche.offset, size: l.niche.size, count: available(l.niche).toString() } : undefined;
  if (item.kind !== 'enum') {
    const fields = r.fields[0] ?? [];
    const offsets = item.kind === 'union' ? fields.map(() => 0) : l.offsets;
    const padding = item.kind === 'union' ? l.size - Math.max(0, ...fields.map((f) => f.layout.size)) : l.size - fieldBytes(fields);
    return {
      ...base,
      size: l.size,
      align: l.align,
      padding,
      fields: fieldReports(fields, offsets, l.size, text, shift, !expanded),
      niche,
      uninhabited: l.uninhabited || undefined,
    };
  }
  // Enums.
  const vs = l.variants;
  // A single present variant laid out like a struct: its fields are the enum's fields. Present is
  // what rustc's layout took (not absent: inhabited, or some field not a 1-ZST), so `H(Infallible, u64)`
  // after `A(Void)` is the one laid out, though uninhabited.
  const single = !vs && r.variants.length >= 1 ? Math.max(0, r.variants.findIndex((_, i) => !absentVariant((r.fields[i] ?? []).map((f) => f.layout)))) : -1;
  const variants: VariantReport[] = r.variants.map((v, i) => {
    const fields = r.fields[i] ?? [];
    // A single present variant is laid out like a struct; the other (absent) variants' fields sit at 0.
    const vl = vs ? vs.variants[i] : i === single ? l : undefined;
    const offsets = vl ? vl.offsets : fields.map(() => 0);
    // The bytes the variant uses as rustc's -Zprint-type-sizes counts them (its variant size plus
    // the discriminant): to the end of its last field (a direct tag in front included), or, with
    // no field, its layout's size. Not the layout's size when it has fields: rustc rounds it up
    // to the variant's alignment, and gives every variant with a field of a Scalar/ScalarPair
    // enum the whole enum's size.
    const tagEnd = vs && vs.encoding.k === 'direct' ? vs.tagOffset + vs.tag.size : 0;
    const end = !vl ? 0 : fields.length === 0 ? vl.size : Math.max(tagEnd, ...fields.map((f, j) => (offsets[j] ?? 0) + f.layout.size));
    // Laid out as one variant, rustc found no other present (uninhabited, 1-ZST fields only): the others are absent too.
    const absent = !vl || absentVariant(fields.map((f) => f.layout));
    return { name: v.name, size: end, fields: fieldReports(fields, offsets, l.size, text, shift, !expanded), absent: absent || undefined };
  });
  const tag = vs ? { size: vs.tag.size, offset: vs.tagOffset, encoding: vs.encoding.k } : undefined;
  const payload = Math.max(0, ...r.fields.map((f) => fieldBytes(f)));
  const padding = Math.max(0, l.size - payload - (tag && tag.encoding === 'direct' ? tag.size : 0));
  const fields = single >= 0 ? fieldReports(r.fields[single] ?? [], l.offsets, l.size, text, shift, !expanded) : undefined;
  return {
    ...base,
    size: l.size,
    align: l.align,
    padding,
    tag,
    variants,
    fields,
    niche,
    uninhabited: l.uninhabited || undefined,
  };
}

export function reprText(r: Repr): string | undefined {
  const parts: string[] = [];
  if (r.c) parts.push('C');
  if (r.transparent) parts.push('transparent');
  if (r.int) parts.push(r.int);
  if (r.packed !== undefined) parts.push(r.packed === 1 ? 'packed' : `packed(${r.packed})`);
  if (r.align !== undefined) parts.push(`align(${r.align})`);
  return parts.length ? parts.join(', ') : undefined;
}

/** Layout of any written type (hover on a field's type): size/align or the reason. */
export function describeTy(
  engine: Engine,
  ty: Ty,
): { size: number; align: number; niche?: string; uninhabited: boolean; stdOwner?: StdHeapOwner } | { unknown: string } | { error: string } {
  try {
    const l = engine.layoutOf(ty);
    if (!l.sized) return { unknown: 'unsized type (its size is only known at run time)' };
    return { size: l.size, align: l.align, niche: l.niche ? available(l.niche).toString() : undefined, uninhabited: l.uninhabited, ...withStdOwner(ty) };
  } catch (e) {
    if (e instanceof Abstain) return { unknown: e.message };
    if (e instanceof LayoutError) return { error: `${e.code}: ${e.message}` };
    throw e;
  }
}
