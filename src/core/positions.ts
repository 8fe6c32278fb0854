/**
 * Positions of items that moved: after an edit, every item behind it moves by the edit's length.
 *
 * Copying each moved item with every position shifted (its fields, types, attributes…) cost a few
 * megabytes per keystroke on a 220 KB file, most of the garbage collector's work while typing. So
 * a moved item is copied shallowly instead (`movedItem`): its own `span`, `nameSpan`, `bodySpan`
 * and `line` are right, and everything inside it (fields, variants, types, attributes,
 * generics) is shared with the item it was moved from, positions included. Those nested
 * positions are off by `nestedShift(item)` characters (and variants' lines by as many lines), and
 * `placed(item)` gives the item with every position right (computed once per moved item).
 *
 * Only positions are affected: names, types and everything a layout depends on are the same, so
 * the crate scope and the engine read moved items as they are. Whatever reads a nested position
 * (hover, inlay hints, the reorder fix, a field's report) goes through `placed` or adds the shift.
 */
import type { Attribute, ConstExpr, FieldDef, GenericArg, GenericParam, Generics, Item, PathSegment, Span, TypeExpr, VariantDef } from './model';

/**
 * On a moved item, under symbol keys (JSON, `for…in` and the model comparisons never see them,
 * and no WeakMap grows by hundreds of entries per keystroke): the item whose nested positions it
 * shares (never itself a moved one), and its placed copy once computed. How far it moved is
 * derived: its own span and line against the origin's.
 */
const ORIGIN = Symbol('origin');
const PLACED = Symbol('placed');
type Moved = { [ORIGIN]?: Item; [PLACED]?: Item };

/** The origin of a moved item (undefined if it did not move) and how far it moved from it. */
function moveOf(it: Item): { origin: Item; d: number; ld: number } | undefined {
  const origin = (it as Moved)[ORIGIN];
  if (!origin || !('line' in origin) || !('line' in it)) return undefined;
  return { origin, d: it.span.start - origin.span.start, ld: it.line - origin.line };
}

/**
 * `it` moved by `d` characters and `ld` lines: a shallow copy with its own positions shifted and
 * its contents shared (see the header). Inline modules' items move the same way. One literal per
 * kind (no spread): this runs for every item after an edit, on every keystroke.
 */
export function movedItem(it: Item, d: number, ld: number): Item {
  if (d === 0 && ld === 0) return it;
  let out: Item;
  switch (it.kind) {
    case 'use':
    case 'externCrate':
    case 'macroCall':
    case 'macroRules':
    case 'impl':
      // Nothing nested has a position, or the item is small and a file holds few (impls): the deep copy is as cheap.
      return shifted(it, d, ld);
    case 'struct':
      out = {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: it.attrs, cfg: it.cfg, shape: it.shape, generics: it.generics, repr: it.repr, fields: it.fields, bodySpan: it.bodySpan && spanSh(it.bodySpan, d), syntaxError: it.syntaxError,
      };
      break;
    case 'union':
      out = {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: it.attrs, cfg: it.cfg, generics: it.generics, repr: it.repr, fields: it.fields, bodySpan: it.bodySpan && spanSh(it.bodySpan, d), syntaxError: it.syntaxError,
      };
      break;
    case 'enum':
      out = {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: it.attrs, cfg: it.cfg, generics: it.generics, repr: it.repr, variants: it.variants, bodySpan: it.bodySpan && spanSh(it.bodySpan, d), syntaxError: it.syntaxError,
      };
      break;
    case 'alias':
      out = {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: it.attrs, cfg: it.cfg, generics: it.generics, ty: it.ty, syntaxError: it.syntaxError,
      };
      break;
    case 'const':
    case 'static':
      out = {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: it.attrs, cfg: it.cfg, ty: it.ty, value: it.value, ...(it.syntaxError !== undefined ? { syntaxError: it.syntaxError } : {}),
      };
      break;
    case 'trait':
      out = {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: it.attrs, cfg: it.cfg, unsizedAssoc: it.unsizedAssoc, unsureAssoc: it.unsureAssoc, superTraits: it.superTraits, superBounds: it.superBounds, typeParams: it.typeParams, outlivesStatic: it.outlivesStatic, dyn: it.dyn,
      };
      break;
    case 'fn':
      out = {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: it.attrs, cfg: it.cfg, ...(it.constFn ? { constFn: it.constFn } : {}),
      };
      break;
    case 'mod':
      out = {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: it.attrs, cfg: it.cfg, items: it.items?.map((x) => movedItem(x, d, ld)), pathAttr: it.pathAttr,
      };
      break;
  }
  (out as Moved)[ORIGIN] = (it as Moved)[ORIGIN] ?? it;
  return out;
}

/** Characters to add to the nested positions of `it` (0 for an item that did not move). */
export function nestedShift(it: Item): number {
  return moveOf(it)?.d ?? 0;
}

/** `it` with every position right, nested ones included (the same object when it did not move). */
export function placed<T extends Item>(it: T): T {
  const cached = (it as Moved)[PLACED];
  if (cached) return cached as T;
  const m = moveOf(it);
  if (!m) return it;
  const deep = shifted(m.origin, m.d, m.ld);
  // The item's own positions and its inline module's items are those of `it`.
  const p = it.kind === 'mod' ? ({ ...deep, items: (it as Extract<Item, { kind: 'mod' }>).items } as Item) : deep;
  (it as Moved)[PLACED] = p;
  return p as T;
}

/** A span moved by `d`. */
export function shiftSpan(sp: Span, d: number): Span {
  return d === 0 ? sp : { start: sp.start + d, end: sp.end + d };
}

// Deep shifting: copies of the model's objects with every span moved by `d` and every line by `ld`
// (for `placed`, and for the items without nested positions that `movedItem` copies whole).
// Written per type with fixed object literals (not a generic walk, not spreads): one shape per
// type keeps V8 fast. (Spreading a shared helper's
// ItemCommon keys into each literal was measured 4-5x slower, so the keys are repeated.) (An optional key absent from
// the original is present with `undefined` in the copy.) Values without positions (cfg,
// repr, most constants) are shared.

function shifted(it: Item, d: number, ld: number): Item {
  if (d === 0 && ld === 0) return it;
  switch (it.kind) {
    case 'struct':
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg, shape: it.shape, generics: genericsSh(it.generics, d), repr: it.repr, fields: fieldsSh(it.fields, d),
        bodySpan: it.bodySpan && spanSh(it.bodySpan, d), syntaxError: it.syntaxError,
      };
    case 'union':
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg, generics: genericsSh(it.generics, d), repr: it.repr, fields: fieldsSh(it.fields, d),
        bodySpan: it.bodySpan && spanSh(it.bodySpan, d), syntaxError: it.syntaxError,
      };
    case 'enum':
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg, generics: genericsSh(it.generics, d), repr: it.repr, variants: it.variants.map((v) => variantSh(v, d, ld)),
        bodySpan: it.bodySpan && spanSh(it.bodySpan, d), syntaxError: it.syntaxError,
      };
    case 'alias':
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg, generics: genericsSh(it.generics, d), ty: it.ty && tySh(it.ty, d), syntaxError: it.syntaxError,
      };
    case 'const':
    case 'static':
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg, ty: it.ty && tySh(it.ty, d), value: it.value && constSh(it.value, d), ...(it.syntaxError !== undefined ? { syntaxError: it.syntaxError } : {}),
      };
    case 'mod':
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg, items: it.items?.map((x) => shifted(x, d, ld)), pathAttr: it.pathAttr,
      };
    case 'trait':
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg, unsizedAssoc: it.unsizedAssoc, unsureAssoc: it.unsureAssoc, superTraits: it.superTraits,
        superBounds: it.superBounds?.map((b) => tySh(b, d)), typeParams: it.typeParams, outlivesStatic: it.outlivesStatic, dyn: it.dyn,
      };
    case 'fn': {
      const f = it.constFn;
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg,
        ...(f
          ? {
              constFn: {
                ...f,
                ...(f.params ? { params: f.params.map((p) => ({ name: p.name, ty: tySh(p.ty, d) })) } : {}),
                ...(f.ret ? { ret: tySh(f.ret, d) } : {}),
                body: constSh(f.body, d),
              },
            }
          : {}),
      };
    }
    case 'use':
      return { kind: it.kind, entries: it.entries, vis: it.vis, span: spanSh(it.span, d), cfg: it.cfg };
    case 'externCrate':
      return { kind: it.kind, crate: it.crate, alias: it.alias, vis: it.vis, span: spanSh(it.span, d), cfg: it.cfg, macroUse: it.macroUse };
    case 'macroCall':
      return { kind: it.kind, name: it.name, span: spanSh(it.span, d), input: it.input, inputStart: it.inputStart + d, attrs: attrsSh(it.attrs, d), cfg: it.cfg };
    case 'macroRules':
      return {
        kind: it.kind, name: it.name, nameSpan: spanSh(it.nameSpan, d), span: spanSh(it.span, d), line: it.line + ld, vis: it.vis,
        attrs: attrsSh(it.attrs, d), cfg: it.cfg, body: it.body, bodyStart: it.bodyStart + d,
      };
    case 'impl':
      // Every field: a moved impl is what the engine reads (its trait, associated types, generics).
      return {
        kind: it.kind, selfTy: tySh(it.selfTy, d), consts: it.consts.map((c) => shifted(c, d, ld) as typeof c), copy: it.copy, clone: it.clone, stdTrait: it.stdTrait, trait: it.trait, traitPath: it.traitPath,
        traitArgs: it.traitArgs && argsSh(it.traitArgs, d), generics: it.generics && genericsSh(it.generics, d), hasWhere: it.hasWhere, boundsOthers: it.boundsOthers, types: it.types?.map((t) => shifted(t, d, ld) as typeof t),
        attrs: it.attrs && attrsSh(it.attrs, d), span: spanSh(it.span, d), cfg: it.cfg,
      };
  }
}

function spanSh(sp: Span, d: number): Span {
  return { start: sp.start + d, end: sp.end + d };
}

function attrsSh(a: readonly Attribute[], d: number): readonly Attribute[] {
  return a.length === 0 ? a : a.map((x) => ({ name: x.name, text: x.text, span: spanSh(x.span, d) }));
}

function fieldsSh(fs: readonly FieldDef[], d: number): readonly FieldDef[] {
  if (fs.length === 0) return fs;
  const out: FieldDef[] = new Array<FieldDef>(fs.length);
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i]!;
    out[i] = { name: f.name, nameSpan: spanSh(f.nameSpan, d), span: spanSh(f.span, d), ty: tySh(f.ty, d), vis: f.vis, attrs: attrsSh(f.attrs, d), cfg: f.cfg };
  }
  return out;
}

function variantSh(v: VariantDef, d: number, ld: number): VariantDef {
  return {
    name: v.name, nameSpan: spanSh(v.nameSpan, d), span: spanSh(v.span, d), line: v.line + ld, shape: v.shape, fields: fieldsSh(v.fields, d),
    discriminant: v.discriminant && constSh(v.discriminant, d), attrs: attrsSh(v.attrs, d), cfg: v.cfg, ...(v.vis !== undefined ? { vis: v.vis } : {}),
  };
}

function genericsSh(g: Generics, d: number): Generics {
  if (!g.predicates && !g.outlivesPredicates && !g.boundTypes && !g.params.some((p) => p.kind === 'const' || (p.kind === 'type' && (p.default !== undefined || p.bounds !== undefined || p.fnBounds !== undefined)))) return g;
  return {
    ...(g.boundTypes ? { boundTypes: g.boundTypes.map((t) => tySh(t, d)) } : {}),
    ...(g.opaqueBounds ? { opaqueBounds: true as const } : {}),
    ...(g.undeclaredLifetime ? { undeclaredLifetime: g.undeclaredLifetime } : {}),
    ...(g.relaxedBound !== undefined ? { relaxedBound: g.relaxedBound } : {}),
    ...(g.predicates ? { predicates: g.predicates.map((w) => ({ ...w, ty: tySh(w.ty, d), ...(w.bounds ? { bounds: w.bounds.map((b) => tySh(b, d)) } : {}) })) } : {}),
    ...(g.outlivesPredicates ? { outlivesPredicates: g.outlivesPredicates.map((w) => ({ ...w, ty: tySh(w.ty, d) })) } : {}),
    params: g.params.map((p): GenericParam => {
      if (p.kind === 'type') {
        if (!p.default && !p.bounds && !p.fnBounds) return p;
        return {
          ...p, ...(p.default ? { default: tySh(p.default, d) } : {}), ...(p.bounds ? { bounds: p.bounds.map((b) => tySh(b, d)) } : {}),
          ...(p.fnBounds ? { fnBounds: p.fnBounds.map((f) => ({ ...f, params: f.params.map((x) => tySh(x, d)), ...(f.ret ? { ret: tySh(f.ret, d) } : {}) })) } : {}),
        };
      }
      if (p.kind === 'const') return { kind: p.kind, name: p.name, ty: tySh(p.ty, d), default: p.default && constSh(p.default, d) };
      return p;
    }),
  };
}

function argsSh(args: readonly GenericArg[], d: number): readonly GenericArg[] {
  if (args.length === 0) return args;
  return args.map((a): GenericArg => {
    switch (a.kind) {
      case 'type':
        return { kind: a.kind, ty: tySh(a.ty, d) };
      case 'binding':
        return { kind: a.kind, name: a.name, ty: tySh(a.ty, d) };
      case 'const':
        return { kind: a.kind, value: constSh(a.value, d) };
      case 'lifetime':
        return a;
    }
  });
}

function segmentsSh(segs: readonly PathSegment[], d: number): readonly PathSegment[] {
  for (const s of segs) if (s.args.length) return segs.map((x) => (x.args.length === 0 ? x : { name: x.name, args: argsSh(x.args, d) }));
  return segs;
}

function tySh(t: TypeExpr, d: number): TypeExpr {
  const span = spanSh(t.span, d);
  switch (t.kind) {
    case 'path':
      return {
        kind: t.kind,
        segments: segmentsSh(t.segments, d),
        global: t.global,
        qualified: t.qualified,
        ...(t.qself ? { qself: { ...t.qself, ty: tySh(t.qself.ty, d), ...(t.qself.traitArgs ? { traitArgs: argsSh(t.qself.traitArgs, d) } : {}) } } : {}),
        span,
      };
    case 'ref':
      return { kind: t.kind, mutable: t.mutable, inner: tySh(t.inner, d), span, elided: t.elided, lifetime: t.lifetime };
    case 'ptr':
      return { kind: t.kind, mutable: t.mutable, inner: tySh(t.inner, d), span };
    case 'array':
      return { kind: t.kind, elem: tySh(t.elem, d), len: constSh(t.len, d), span };
    case 'slice':
      return { kind: t.kind, elem: tySh(t.elem, d), span };
    case 'tuple':
      return { kind: t.kind, elems: t.elems.length === 0 ? t.elems : t.elems.map((e) => tySh(e, d)), span };
    case 'dyn':
      // Every field as it is (`fnSugar`, `secondLifetime`…), spans moved.
      return { ...t, ...(t.inner ? { inner: t.inner.map((e) => tySh(e, d)) } : {}), span };
    case 'macro':
    case 'unknown':
      return { kind: t.kind, text: t.text, span };
    case 'fnptr':
      return {
        kind: t.kind, span, ...(t.inner ? { inner: t.inner.map((e) => tySh(e, d)) } : {}), ...(t.params !== undefined ? { params: t.params } : {}), ...(t.retNever ? { retNever: true as const } : {}),
        ...(t.unsafe ? { unsafe: true as const } : {}), ...(t.abi !== undefined ? { abi: t.abi } : {}), ...(t.variadic ? { variadic: t.variadic } : {}), ...(t.lifetimes ? { lifetimes: t.lifetimes } : {}),
      };
    case 'never':
    case 'impl':
    case 'infer':
      return { kind: t.kind, span };
  }
}

/** Constants hold spans only in the types they name (casts, `size_of::<T>()`). */
function constSh(c: ConstExpr, d: number): ConstExpr {
  switch (c.kind) {
    case 'cast':
      return { kind: c.kind, expr: constSh(c.expr, d), ty: tySh(c.ty, d) };
    case 'sizeOf':
    case 'alignOf':
      return { kind: c.kind, ty: tySh(c.ty, d), callee: c.callee, global: c.global };
    case 'unary': {
      const operand = constSh(c.operand, d);
      return operand === c.operand ? c : { kind: c.kind, op: c.op, operand };
    }
    case 'binary': {
      const left = constSh(c.left, d);
      const right = constSh(c.right, d);
      return left === c.left && right === c.right ? c : { kind: c.kind, op: c.op, left, right };
    }
    case 'call': {
      const args = c.args.map((a) => constSh(a, d));
      if (c.typeArgs) return { ...c, args, typeArgs: argsSh(c.typeArgs, d) };
      return args.every((a, i) => a === c.args[i]) ? c : { ...c, args };
    }
    case 'block':
      return { ...c, lets: c.lets.map((l) => ({ ...l, ...(l.ty ? { ty: tySh(l.ty, d) } : {}), value: constSh(l.value, d) })), value: constSh(c.value, d) };
    case 'match':
      return {
        ...c,
        scrutinee: constSh(c.scrutinee, d),
        arms: c.arms.map((a) => ({
          pats: a.pats.map((p) => (p.kind === 'lit' ? { ...p, value: constSh(p.value, d) } : p.kind === 'range' ? { ...p, ...(p.lo ? { lo: constSh(p.lo, d) } : {}), ...(p.hi ? { hi: constSh(p.hi, d) } : {}) } : p)),
          value: constSh(a.value, d),
        })),
      };
    case 'array': {
      const elems = c.elems.map((a) => constSh(a, d));
      return elems.every((a, i) => a === c.elems[i]) ? c : { ...c, elems };
    }
    case 'repeat':
      return { ...c, elem: constSh(c.elem, d), count: constSh(c.count, d) };
    case 'ref':
      return { ...c, expr: constSh(c.expr, d) };
    case 'method': {
      const receiver = constSh(c.receiver, d);
      const args = c.args.map((a) => constSh(a, d));
      return receiver === c.receiver && args.every((a, i) => a === c.args[i]) ? c : { ...c, receiver, args };
    }
    case 'if': {
      const [cond, then, els] = [constSh(c.cond, d), constSh(c.then, d), constSh(c.else, d)];
      return cond === c.cond && then === c.then && els === c.else ? c : { kind: c.kind, cond, then, else: els };
    }
    default:
      return c;
  }
}

/** Every item of `items` placed, inline modules' items too (what a full extraction gives). */
export function placedAll(items: readonly Item[]): Item[] {
  return items.map((it) => {
    const p = placed(it);
    return p.kind === 'mod' && p.items ? { ...p, items: placedAll(p.items) } : p;
  });
}
