/**
 * Macro calls in type position (`Token![;]`, syn's; `Punctuated<Ident, Token![,]>`): the types of
 * an item's fields and of a type alias, with each such call replaced by the type its expansion
 * is. Pure over the model: the caller (src/analysis/expand.ts) expands and parses.
 */
import type { FieldDef, GenericArg, Item, Span, TypeExpr, VariantDef } from '../core/model';
import { expansionOf, markExpanded } from '../core/expansion';

/** A type-position call as written: its macro path, its input and where the input starts in the text. */
export interface TypeMacroCall {
  readonly name: string;
  readonly input: string;
  readonly inputStart: number;
}

/** The call a `macro` type holds, if its text is whole (not shortened) and well-formed. */
export function typeMacroCall(te: Extract<TypeExpr, { kind: 'macro' }>): TypeMacroCall | undefined {
  const m = /^((?:::\s*)?[A-Za-z_$][\w$]*(?:\s*::\s*[A-Za-z_$][\w$]*)*)\s*!\s*([([{])([\s\S]*)([)\]}])\s*$/.exec(te.text);
  if (!m || te.text.endsWith('…')) return undefined;
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  if (pairs[m[2]!] !== m[4]) return undefined;
  return { name: m[1]!.replace(/\s+/g, ''), input: m[3]!, inputStart: te.span.start + m[0].indexOf(m[2]!) + 1 };
}

/** Whether a type holds a macro call anywhere (a generic argument's included). */
export function hasTypeMacro(te: TypeExpr | undefined): boolean {
  if (!te) return false;
  switch (te.kind) {
    case 'macro':
      return true;
    case 'path':
      return (te.qself !== undefined && hasTypeMacro(te.qself.ty)) || te.segments.some((s) => s.args.some((a) => (a.kind === 'type' || a.kind === 'binding') && hasTypeMacro(a.ty)));
    case 'ref':
    case 'ptr':
      return hasTypeMacro(te.inner);
    case 'array':
    case 'slice':
      return hasTypeMacro(te.elem);
    case 'tuple':
      return te.elems.some(hasTypeMacro);
    default:
      return false;
  }
}

/** `te` with every macro call replaced by what `expand` gives for it (the same object when none is). */
export function mapTypeMacros(te: TypeExpr, expand: (m: Extract<TypeExpr, { kind: 'macro' }>) => TypeExpr | undefined): TypeExpr {
  const arg = (a: GenericArg): GenericArg => {
    if (a.kind !== 'type' && a.kind !== 'binding') return a;
    const ty = mapTypeMacros(a.ty, expand);
    return ty === a.ty ? a : { ...a, ty };
  };
  switch (te.kind) {
    case 'macro':
      return expand(te) ?? te;
    case 'path': {
      let changed = false;
      const segments = te.segments.map((s) => {
        const args = s.args.map(arg);
        if (args.every((a, i) => a === s.args[i])) return s;
        changed = true;
        return { ...s, args };
      });
      const qty = te.qself ? mapTypeMacros(te.qself.ty, expand) : undefined;
      if (!changed && qty === te.qself?.ty) return te;
      return { ...te, segments, ...(te.qself && qty ? { qself: { ...te.qself, ty: qty } } : {}) };
    }
    case 'ref':
    case 'ptr': {
      const inner = mapTypeMacros(te.inner, expand);
      return inner === te.inner ? te : { ...te, inner };
    }
    case 'array':
    case 'slice': {
      const elem = mapTypeMacros(te.elem, expand);
      return elem === te.elem ? te : { ...te, elem };
    }
    case 'tuple': {
      const elems = te.elems.map((e) => mapTypeMacros(e, expand));
      return elems.every((e, i) => e === te.elems[i]) ? te : { ...te, elems };
    }
    default:
      return te;
  }
}

/** `te` with every span set to `span` (an expansion's types are placed on the call). */
export function respan(te: TypeExpr, span: Span): TypeExpr {
  const arg = (a: GenericArg): GenericArg => (a.kind === 'type' || a.kind === 'binding' ? { ...a, ty: respan(a.ty, span) } : a);
  switch (te.kind) {
    case 'path':
      return { ...te, span, segments: te.segments.map((s) => ({ ...s, args: s.args.map(arg) })), ...(te.qself ? { qself: { ...te.qself, ty: respan(te.qself.ty, span) } } : {}) };
    case 'ref':
    case 'ptr':
      return { ...te, span, inner: respan(te.inner, span) };
    case 'array':
    case 'slice':
      return { ...te, span, elem: respan(te.elem, span) };
    case 'tuple':
      return { ...te, span, elems: te.elems.map((e) => respan(e, span)) };
    default:
      return { ...te, span };
  }
}

/**
 * The answers of `itemHasTypeMacro`, by the item's fields, variants or alias type: a keystroke's
 * model shares them with the previous version's items (moved items are shallow copies), and every
 * keystroke in a file asks for each of its items (a 280 KB file: 0.5 ms a keystroke).
 */
const scanned = new WeakMap<object, boolean>();

/** Whether an item's field or alias types hold a macro call. */
export function itemHasTypeMacro(it: Item): boolean {
  const key: object | undefined = it.kind === 'struct' || it.kind === 'union' ? it.fields : it.kind === 'enum' ? it.variants : it.kind === 'alias' ? it.ty : undefined;
  if (key === undefined) return false;
  const hit = scanned.get(key);
  if (hit !== undefined) return hit;
  let r: boolean;
  switch (it.kind) {
    case 'struct':
    case 'union':
      r = it.fields.some((f) => hasTypeMacro(f.ty));
      break;
    case 'enum':
      r = it.variants.some((v) => v.fields.some((f) => hasTypeMacro(f.ty)));
      break;
    default:
      r = hasTypeMacro(it.kind === 'alias' ? it.ty : undefined);
  }
  scanned.set(key, r);
  return r;
}

/** The item with its field (or alias) types mapped by `map` (the same object when nothing changed). */
export function mapItemTypes(it: Item, map: (te: TypeExpr) => TypeExpr): Item {
  const out = mapTypes(it, map);
  // A macro-made item keeps its mark (its nested spans are in the expansion's text).
  const mark = out !== it ? expansionOf(it) : undefined;
  return mark ? markExpanded(out, mark) : out;
}

function mapTypes(it: Item, map: (te: TypeExpr) => TypeExpr): Item {
  const fields = (fs: readonly FieldDef[]): readonly FieldDef[] => {
    const out = fs.map((f) => {
      const ty = map(f.ty);
      return ty === f.ty ? f : { ...f, ty };
    });
    return out.every((f, i) => f === fs[i]) ? fs : out;
  };
  switch (it.kind) {
    case 'struct':
    case 'union': {
      const fs = fields(it.fields);
      return fs === it.fields ? it : { ...it, fields: fs };
    }
    case 'enum': {
      const variants: VariantDef[] = it.variants.map((v) => {
        const fs = fields(v.fields);
        return fs === v.fields ? v : { ...v, fields: fs };
      });
      return variants.every((v, i) => v === it.variants[i]) ? it : { ...it, variants };
    }
    case 'alias': {
      if (!it.ty) return it;
      const ty = map(it.ty);
      return ty === it.ty ? it : { ...it, ty };
    }
    default:
      return it;
  }
}
