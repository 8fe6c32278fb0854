/**
 * Errors rustc finds in a type's definition alone, whatever arguments it is given: a field name
 * declared twice (E0124), a variant name defined twice (E0428), a type or lifetime parameter that
 * no field uses (E0392), a lifetime used but not declared (E0261, asked by the engine for fields
 * and aliases). Half-typed code meets all three (a field copied and not yet renamed, a
 * parameter declared before the field that will use it). Read from the model only.
 */
import type { CfgPredicate, FieldDef, GenericArg, GenericParam, Generics, TypeExpr, TypeItem } from './model';
import { jsonText } from './jsonText';

export interface DefinitionError {
  readonly code: 'E0124' | 'E0428' | 'E0392' | 'E0449' | 'E0403' | 'E0262' | 'param_order';
  readonly message: string;
}

/**
 * The first of these errors in `item`, or undefined. `active` tells the fields and variants a
 * `#[cfg]` keeps (the caller has made sure none is unsure).
 */
export function definitionError(item: TypeItem, active: (cfg: readonly CfgPredicate[]) => boolean): DefinitionError | undefined {
  // `struct C<T, T>`, `<'a, 'a>`, `<T, const T: usize>`: a generic parameter's name twice (types and
  // constants share their namespace); `'static` is no lifetime parameter's name.
  // `<T, 'a>`: lifetimes come first.
  const firstOther = item.generics.params.findIndex((p) => p.kind !== 'lifetime');
  if (firstOther >= 0 && item.generics.params.slice(firstOther).some((p) => p.kind === 'lifetime')) {
    return { code: 'param_order', message: `lifetime parameters must be declared prior to type and const parameters (in \`${item.name}\`)` };
  }
  const names = new Set<string>();
  for (const p of item.generics.params) {
    if (p.kind === 'lifetime' && p.name === "'static") return { code: 'E0262', message: `invalid lifetime parameter name: \`'static\` (in \`${item.name}\`)` };
    if (names.has(p.name)) return { code: 'E0403', message: `the name \`${p.name}\` is already used for a generic parameter of \`${item.name}\`` };
    names.add(p.name);
  }
  const fieldLists: (readonly FieldDef[])[] = [];
  if (item.kind === 'enum') {
    const seen = new Set<string>();
    for (const v of item.variants) {
      if (!active(v.cfg)) continue;
      if (seen.has(v.name)) return { code: 'E0428', message: `the name \`${v.name}\` is defined multiple times (two variants of \`${item.name}\`)` };
      if (v.vis !== undefined) return { code: 'E0449', message: `visibility qualifiers are not permitted here (\`${v.vis}\` on the variant \`${item.name}::${v.name}\`)` };
      // An enum's fields have its visibility: `B(pub u8)` is refused.
      const withVis = v.fields.find((f) => f.vis !== undefined && active(f.cfg));
      if (withVis) return { code: 'E0449', message: `visibility qualifiers are not permitted here (\`${withVis.vis}\` on a field of \`${item.name}::${v.name}\`)` };
      seen.add(v.name);
      fieldLists.push(v.fields.filter((f) => active(f.cfg)));
    }
  } else {
    fieldLists.push(item.fields.filter((f) => active(f.cfg)));
  }
  for (const fields of fieldLists) {
    const seen = new Set<string>();
    for (const f of fields) {
      if (f.name === '?') continue; // text tree-sitter could not read (extract.ts)
      if (seen.has(f.name)) return { code: 'E0124', message: `field \`${f.name}\` is already declared (in \`${item.name}\`)` };
      seen.add(f.name);
    }
  }
  const unused = unusedParam(item.generics, fieldLists.flat());
  if (unused) return { code: 'E0392', message: `${unused.kind === 'lifetime' ? 'lifetime' : 'type'} parameter \`${unused.name}\` of \`${item.name}\` is never used` };
  return undefined;
}

/**
 * A type or lifetime parameter that surely no field names (rustc's variance check gives it no
 * variance), and that no bound or where clause names either: there, rustc may count it as
 * constrained by an associated type binding (`A: Dfa<Id = S>`), which is left alone. A field type
 * whose inside the model does not keep (a function pointer, a trait object's bounds, a macro)
 * makes every parameter it may name unsure: not reported. Const parameters may go unused.
 */
function unusedParam(generics: Generics, fields: readonly FieldDef[]): Extract<GenericParam, { kind: 'type' | 'lifetime' }> | undefined {
  if (generics.opaqueBounds || generics.params.some((q) => q.kind === 'type' && q.projectionBounds)) return undefined;
  for (const p of generics.params) {
    if (p.kind === 'const') continue;
    let surelyUnused = true;
    for (const f of fields) {
      if (uses(f.ty, p, 0) !== false) {
        surelyUnused = false;
        break;
      }
    }
    if (surelyUnused && !namedInBounds(generics, p.name)) return p;
  }
  return undefined;
}

/**
 * Whether a bound or a where clause names `name` (a const parameter's type or default too). Another
 * parameter's default does not count: it constrains nothing (`struct S<T, U = Vec<T>>(U)` is E0392).
 */
function namedInBounds(generics: Generics, name: string): boolean {
  const word = new RegExp(`(?<![\\w'])${name.replace(/[^\w']/g, '')}(?!\\w)`);
  const seen = (x: unknown): boolean => x !== undefined && word.test(jsonText(x));
  if (seen(generics.predicates)) return true;
  for (const q of generics.params) {
    if (q.kind === 'type' && (seen(q.bounds) || seen(q.traits) || seen(q.otherBounds))) return true;
    if (q.kind === 'const' && (seen(q.ty) || seen(q.default))) return true;
  }
  return false;
}

/** Whether a written type names the parameter: true, false, or undefined when the model cannot tell. */
function uses(te: TypeExpr, p: Extract<GenericParam, { kind: 'type' | 'lifetime' }>, depth: number): boolean | undefined {
  if (depth > 64) return undefined;
  const lifetime = p.kind === 'lifetime';
  switch (te.kind) {
    case 'path': {
      if (te.qualified) return undefined;
      if (!lifetime && !te.global && te.segments[0]?.name === p.name) return true;
      let unsure = false;
      for (const seg of te.segments) {
        for (const a of seg.args) {
          const r =
            a.kind === 'lifetime' ? lifetime && a.name === p.name : a.kind === 'type' || a.kind === 'binding' ? uses(a.ty, p, depth + 1) : undefined; // a const argument's expression is not walked
          if (r) return true;
          if (r === undefined) unsure = true;
        }
      }
      return unsure ? undefined : false;
    }
    case 'ref':
      if (lifetime && te.lifetime === p.name) return true;
      return uses(te.inner, p, depth + 1);
    case 'ptr':
      return uses(te.inner, p, depth + 1);
    case 'array': // a length may not name a type or lifetime parameter on stable (E0401/generic_const_exprs)
    case 'slice':
      return uses(te.elem, p, depth + 1);
    case 'tuple': {
      let unsure = false;
      for (const x of te.elems) {
        const r = uses(x, p, depth + 1);
        if (r) return true;
        if (r === undefined) unsure = true;
      }
      return unsure ? undefined : false;
    }
    case 'never':
      return false;
    case 'fnptr':
    case 'dyn': {
      // Its types are in `inner` (parameters and return, a trait's arguments and bindings, an
      // `Fn(..)` signature) and the lifetimes it names outside a `for<..>` in `lifetimes`
      // (`dyn Any + 'a`, `fn(&'a u8)`, `dyn Tr<'a>`): `Box<dyn Debug>` and `for<'x> fn(&'x u8)`
      // name no parameter of the type holding them (rustc's E0392).
      if (lifetime && te.lifetimes?.includes(p.name)) return true;
      let unsure = false;
      for (const x of te.inner ?? []) {
        const r = uses(x, p, depth + 1);
        if (r && !lifetime) return true;
        if (r === undefined) unsure = true;
      }
      // A trait's arguments as written, should one not be in `inner`, and a bound that is not a
      // plain path (`dyn (Tr<T>) + Send`), whose types are not kept.
      if (te.kind === 'dyn' && !lifetime && (te.args?.some((a) => new RegExp(`(?<![\\w'])${p.name}(?!\\w)`).test(a)) || te.bounds.some((b) => !/^(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/.test(b)))) unsure = true;
      return unsure ? undefined : false;
    }
    default:
      // macros, unreadable text, `impl`, `_`
      return undefined;
  }
}

/** The lifetimes a definition declares, with `'static` (and `'_`, which elidedIn judges). */
export function declaredLifetimes(params: readonly GenericParam[]): ReadonlySet<string> {
  const out = new Set(["'static", "'_"]);
  for (const p of params) if (p.kind === 'lifetime') out.add(p.name);
  return out;
}

/**
 * A written type with a type alias's parameters replaced by what one use writes for them
 * (`Inner<'x, T>` with `'x` → `'static`, `T` → `&'c u8`: `Inner<'static, &'c u8>`), as rustc sees
 * the alias at that use. Parts no parameter reaches are kept as they are (spans included).
 */
export function substituteParams(te: TypeExpr, subst: ReadonlyMap<string, GenericArg>, depth = 0): TypeExpr {
  if (depth > 64) return te;
  const sub = (x: TypeExpr): TypeExpr => substituteParams(x, subst, depth + 1);
  const lifetime = (l: string): string => {
    const a = subst.get(l);
    return a?.kind === 'lifetime' ? a.name : l;
  };
  const lifetimes = (ls: readonly string[] | undefined): readonly string[] | undefined => ls && ls.map(lifetime).filter((l) => l !== "'static" && l !== "'_");
  switch (te.kind) {
    case 'ref': {
      const l = te.lifetime === undefined ? undefined : lifetime(te.lifetime);
      const { lifetime: _, ...rest } = te;
      return l === undefined || l === "'static" ? { ...rest, inner: sub(te.inner) } : { ...rest, inner: sub(te.inner), lifetime: l };
    }
    case 'ptr':
      return { ...te, inner: sub(te.inner) };
    case 'array':
    case 'slice':
      return { ...te, elem: sub(te.elem) };
    case 'tuple':
      return { ...te, elems: te.elems.map(sub) };
    case 'fnptr':
      return { ...te, ...(te.inner ? { inner: te.inner.map(sub) } : {}), ...(te.lifetimes ? { lifetimes: lifetimes(te.lifetimes) } : {}) };
    case 'dyn': {
      const object = te.objectLifetime === undefined ? undefined : lifetime(te.objectLifetime);
      return { ...te, ...(te.inner ? { inner: te.inner.map(sub) } : {}), ...(te.lifetimes ? { lifetimes: lifetimes(te.lifetimes) } : {}), ...(object !== undefined ? { objectLifetime: object } : {}) };
    }
    case 'path': {
      const only = te.segments.length === 1 && !te.global && !te.qualified ? te.segments[0]! : undefined;
      const whole = only && only.args.length === 0 ? subst.get(only.name) : undefined;
      if (whole?.kind === 'type') return whole.ty;
      const arg = (a: GenericArg): GenericArg => (a.kind === 'lifetime' ? { kind: 'lifetime', name: lifetime(a.name) } : a.kind === 'type' || a.kind === 'binding' ? { ...a, ty: sub(a.ty) } : a);
      return { ...te, segments: te.segments.map((g) => (g.args.length ? { ...g, args: g.args.map(arg) } : g)), ...(te.qself ? { qself: { ...te.qself, ty: sub(te.qself.ty) } } : {}) };
    }
    default:
      return te;
  }
}

/**
 * The lifetimes a written type names, other than `'static` and `'_`, once each in the order
 * `undeclaredLifetimeIn` finds them (in function pointers and trait objects, those no `for<'a>`
 * there binds); at most `max`.
 */
export function lifetimesNamedIn(te: TypeExpr, max = 16): string[] {
  const seen = new Set(["'static", "'_"]);
  const out: string[] = [];
  for (let l = undeclaredLifetimeIn(te, seen, 0); l !== undefined && out.length < max; l = undeclaredLifetimeIn(te, seen, 0)) {
    out.push(l);
    seen.add(l);
  }
  return out;
}

/**
 * A lifetime a written type names that the definition does not declare (`&'a str` in `struct
 * P { s: &'a str }`: rustc's E0261); in function pointers and trait objects, one no `for<'a>`
 * there binds (their `lifetimes`). Undefined if none.
 */
export function undeclaredLifetimeIn(te: TypeExpr, declared: ReadonlySet<string>, depth: number): string | undefined {
  if (depth > 64) return undefined;
  switch (te.kind) {
    case 'ref':
      if (te.lifetime && !declared.has(te.lifetime)) return te.lifetime;
      return undeclaredLifetimeIn(te.inner, declared, depth + 1);
    case 'ptr':
      return undeclaredLifetimeIn(te.inner, declared, depth + 1);
    case 'array':
    case 'slice':
      return undeclaredLifetimeIn(te.elem, declared, depth + 1);
    case 'tuple':
      for (const e of te.elems) {
        const r = undeclaredLifetimeIn(e, declared, depth + 1);
        if (r) return r;
      }
      return undefined;
    case 'dyn':
    case 'fnptr':
      return te.lifetimes?.find((l) => !declared.has(l));
    case 'path':
      if (te.qualified) return undefined;
      for (const seg of te.segments) {
        for (const a of seg.args) {
          if (a.kind === 'lifetime' && !declared.has(a.name)) return a.name;
          const r = a.kind === 'type' || a.kind === 'binding' ? undeclaredLifetimeIn(a.ty, declared, depth + 1) : undefined;
          if (r) return r;
        }
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Whether a written type names a lifetime (`&'static u8`, `&'a u8`, `Cow<'a, str>`), an elided
 * one (`&u8`) not counted: in a fn pointer or an `Fn` bound, elided lifetimes are its own, and two
 * signatures that elide alike agree (src/core/bounds.ts compares them).
 */
export function namesLifetime(te: TypeExpr, depth: number): boolean {
  if (depth > 64) return true;
  switch (te.kind) {
    case 'ref':
      return !te.elided || namesLifetime(te.inner, depth + 1);
    case 'ptr':
      return namesLifetime(te.inner, depth + 1);
    case 'array':
    case 'slice':
      return namesLifetime(te.elem, depth + 1);
    case 'tuple':
      return te.elems.some((x) => namesLifetime(x, depth + 1));
    case 'path':
      return te.qself !== undefined || te.segments.some((g) => g.args.some((a) => a.kind === 'lifetime' || ((a.kind === 'type' || a.kind === 'binding') && namesLifetime(a.ty, depth + 1))));
    case 'dyn':
    case 'fnptr':
      return (te.lifetimes?.length ?? 0) > 0 || (te.inner ?? []).some((x) => namesLifetime(x, depth + 1));
    case 'never':
      return false;
    default:
      return true;
  }
}

/**
 * Whether a written type names `name` as a type (`T`, `T::Item`, `Vec<T>`, `<T as Tr>::X`):
 * `maybe` where the model keeps text only (a trait object's arguments, a macro) or a constant
 * names it (`[u8; size_of::<T>()]`).
 */
export function nameUse(te: TypeExpr, name: string, depth: number): 'yes' | 'no' | 'maybe' {
  if (depth > 64) return 'maybe';
  const any = (xs: readonly TypeExpr[]): 'yes' | 'no' | 'maybe' => {
    let r: 'yes' | 'no' | 'maybe' = 'no';
    for (const x of xs) {
      const v = nameUse(x, name, depth + 1);
      if (v === 'yes') return 'yes';
      if (v === 'maybe') r = 'maybe';
    }
    return r;
  };
  switch (te.kind) {
    case 'ref':
    case 'ptr':
      return nameUse(te.inner, name, depth + 1);
    case 'slice':
      return nameUse(te.elem, name, depth + 1);
    case 'array':
      return nameUse(te.elem, name, depth + 1) === 'yes' ? 'yes' : 'maybe';
    case 'tuple':
      return any(te.elems);
    case 'fnptr':
      return any(te.inner ?? []);
    case 'dyn': {
      const r = any(te.inner ?? []);
      return r === 'yes' ? 'yes' : te.args?.some((a) => new RegExp(`\\b${name}\\b`).test(a)) ? 'maybe' : r;
    }
    case 'path': {
      if (!te.global && !te.qualified && te.segments[0]?.name === name) return 'yes';
      if (te.qself) {
        const q = nameUse(te.qself.ty, name, depth + 1);
        if (q === 'yes') return 'yes';
        if (q === 'maybe' || (te.qself.traitArgs ?? []).length) return 'maybe';
      }
      let r: 'yes' | 'no' | 'maybe' = 'no';
      for (const seg of te.segments) {
        for (const a of seg.args) {
          const v = a.kind === 'type' || a.kind === 'binding' ? nameUse(a.ty, name, depth + 1) : a.kind === 'const' ? 'maybe' : 'no';
          if (v === 'yes') return 'yes';
          if (v === 'maybe') r = 'maybe';
        }
      }
      return r;
    }
    case 'never':
    case 'infer':
    case 'impl':
      return 'no';
    default:
      return 'maybe';
  }
}
