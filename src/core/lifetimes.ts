/**
 * Lifetimes as rustc checks them where a type is written: what a type asks its parameters to
 * outlive (written bounds, and those implied by its fields and the types they name, std's
 * included), and the uses that give it arguments that may not (E0477, E0478, E0310). The engine
 * decides whose parameters are judged (Engine.lifetimeView: the item's own, or in a type alias
 * those of the item its use is written in) and reads `&'static T` and trait objects' bounds.
 */
import type { Ty } from './engine';
import { lifetimesNamedIn, nameUse, substituteParams } from './definitionChecks';
import type { GenericArg, GenericParam, TypeAliasDef, TypeExpr, TypeItem } from './model';
import type { ModuleScope, Resolver } from './resolve';

/** Whose parameters a type's lifetimes are judged by (Engine.lifetimeView). */
export interface LifetimeView {
  readonly params: readonly GenericParam[];
  readonly m: ModuleScope;
  /** In a type alias: what the use writes for each of its parameters. */
  readonly subst?: ReadonlyMap<string, GenericArg>;
}

/** Whether `l` (already substituted) is a lifetime parameter of the view's item that may be shorter than `'static` (no `'l: 'static`). */
export function shortIn(l: string, view: LifetimeView): boolean {
  return view.params.some((p) => p.kind === 'lifetime' && p.name === l && !p.outlivesStatic);
}

/** A generic argument written in a type alias's right-hand side, as the alias's use sees it (its parameters replaced by what the use writes). */
export function substituteArg(a: GenericArg, subst: ReadonlyMap<string, GenericArg>): GenericArg {
  if (a.kind === 'lifetime') {
    const w = subst.get(a.name);
    return w?.kind === 'lifetime' ? w : a;
  }
  return a.kind === 'type' || a.kind === 'binding' ? { ...a, ty: substituteParams(a.ty, subst) } : a;
}

/**
 * By parameter (`T`, `'b`), the lifetimes it must outlive (OutlivesRequirements): `direct`, where
 * a field names the parameter itself (`&'a T`: `T: 'a`); `projected`, where it names it only
 * inside an associated type (`&'a T::Item`: rustc infers `<T as Iterator>::Item: 'a`, which holds
 * when the argument's `Item` does, whatever the argument's own lifetimes).
 */
export interface Outlives {
  readonly direct: ReadonlyMap<string, ReadonlySet<string>>;
  readonly projected: ReadonlyMap<string, ReadonlySet<string>>;
  /** Lifetime parameters named by a `where` clause's bounded type (`where &'a u8: 'static`): rustc says E0477 of them, not E0478. */
  readonly typePredicateLifetimes?: ReadonlySet<string>;
}
const NO_OUTLIVES: Outlives = { direct: new Map(), projected: new Map() };

/** Whether a path is an associated type: `<X as Tr>::A`, `<X>::A`, or `T::A` / `Self::A` with `T` a type parameter. */
function isProjection(te: TypeExpr, typeParams: ReadonlySet<string>): boolean {
  if (te.kind !== 'path') return false;
  if (te.qself || te.qualified) return true;
  const first = te.segments[0]?.name;
  return !te.global && te.segments.length >= 2 && first !== undefined && (typeParams.has(first) || first === 'Self');
}

/**
 * `te` with each path replaced by what `at` gives for it (undefined: the path is kept, its
 * arguments mapped alike), inside references, arrays, tuples, fn pointers and trait objects.
 */
function mapPaths(te: TypeExpr, at: (p: Extract<TypeExpr, { kind: 'path' }>, rec: (x: TypeExpr) => TypeExpr) => TypeExpr | undefined, depth = 0): TypeExpr {
  if (depth > 64) return te;
  const rec = (x: TypeExpr): TypeExpr => mapPaths(x, at, depth + 1);
  switch (te.kind) {
    case 'ref':
    case 'ptr':
      return { ...te, inner: rec(te.inner) };
    case 'array':
    case 'slice':
      return { ...te, elem: rec(te.elem) };
    case 'tuple':
      return { ...te, elems: te.elems.map(rec) };
    case 'fnptr':
    case 'dyn':
      return te.inner ? { ...te, inner: te.inner.map(rec) } : te;
    case 'path':
      return at(te, rec) ?? { ...te, segments: te.segments.map((seg) => ({ ...seg, args: seg.args.map((a) => (a.kind === 'type' || a.kind === 'binding' ? { ...a, ty: rec(a.ty) } : a)) })) };
    default:
      return te;
  }
}

/** `te` with each associated type in it replaced by `()`: what a field names outside projections. */
function withoutProjections(te: TypeExpr, typeParams: ReadonlySet<string>): TypeExpr {
  return mapPaths(te, (p) => (isProjection(p, typeParams) ? { kind: 'tuple', elems: [], span: p.span } : undefined));
}

/** The lifetimes written in a trait object's argument text (`Item = &'a u8`), `'static` and `'_` left out. */
function lifetimesInText(text: string): string[] {
  return [...text.matchAll(/'(?:r#)?([A-Za-z_]\w*)(?!')/g)].map((x) => `'${x[1]}`).filter((l) => l !== "'static" && l !== "'_");
}

/** A trait object's argument text cut at its top-level commas (`u8, Item = Vec<(u8, u16)>`). */
function topLevelArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' && text[i - 1] !== '-') || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** `te` with each `<X as Tr<..>>::A` replaced by a tuple of what it names (`X`, the trait's arguments): what a return type references. */
function projectionsOpened(te: TypeExpr): TypeExpr {
  return mapPaths(te, (p, rec) => {
    if (!p.qself) return undefined;
    const argTypes = (args: readonly GenericArg[]): TypeExpr[] => args.flatMap((a) => (a.kind === 'type' || a.kind === 'binding' ? [rec(a.ty)] : []));
    const lifetimes = [...(p.qself.traitArgs ?? []), ...p.segments.flatMap((g) => g.args)].flatMap((a) => (a.kind === 'lifetime' ? [a] : []));
    const holder: TypeExpr = { kind: 'path', global: false, segments: [{ name: '_', args: lifetimes }], span: p.span };
    return { kind: 'tuple', elems: [rec(p.qself.ty), ...argTypes(p.qself.traitArgs ?? []), ...argTypes(p.segments.flatMap((g) => g.args)), holder], span: p.span };
  });
}

/**
 * A lifetime a `for<..>` binds that a signature's return type names but its inputs do not
 * constrain (an associated type does not: `<&'a u8 as Tr>::Out`): rustc's E0581 in a fn pointer
 * (`for<'a> fn() -> &'a u8`) and E0582 in a trait object's `Fn` sugar or its associated type
 * bindings (`dyn for<'a> Fn() -> &'a u8`, `dyn for<'a> Iterator<Item = &'a u8>`). Anywhere in a
 * written type; undefined if nowhere.
 */
export function unconstrainedBinder(te: TypeExpr, typeParams: ReadonlySet<string>, depth = 0): { readonly code: 'E0581' | 'E0582'; readonly message: string } | undefined {
  if (depth > 64) return undefined;
  const rec = (x: TypeExpr): ReturnType<typeof unconstrainedBinder> => unconstrainedBinder(x, typeParams, depth + 1);
  const first = (xs: readonly TypeExpr[]): ReturnType<typeof unconstrainedBinder> => {
    for (const x of xs) {
      const r = rec(x);
      if (r) return r;
    }
    return undefined;
  };
  /** The first lifetime `ret` names that is neither free in the whole type nor named by an input. */
  const unconstrained = (inputs: readonly TypeExpr[], ret: TypeExpr | undefined, free: ReadonlySet<string>): string | undefined => {
    if (!ret) return undefined;
    const named = new Set(inputs.flatMap((x) => lifetimesNamedIn(withoutProjections(x, typeParams))));
    return lifetimesNamedIn(projectionsOpened(ret)).find((l) => !free.has(l) && !named.has(l));
  };
  switch (te.kind) {
    case 'ref':
    case 'ptr':
      return rec(te.inner);
    case 'array':
    case 'slice':
      return rec(te.elem);
    case 'tuple':
      return first(te.elems);
    case 'path':
      return first([...te.segments.flatMap((g) => g.args.flatMap((a) => (a.kind === 'type' || a.kind === 'binding' ? [a.ty] : []))), ...(te.qself ? [te.qself.ty] : [])]);
    case 'fnptr': {
      const inner = te.inner ?? [];
      const n = te.params ?? inner.length;
      const l = unconstrained(inner.slice(0, n), inner[n], new Set(te.lifetimes ?? []));
      if (l) return { code: 'E0581', message: `return type references lifetime \`${l}\`, which is not constrained by the fn input types` };
      return first(inner);
    }
    case 'dyn': {
      const inner = te.inner ?? [];
      const free = new Set(te.lifetimes ?? []);
      for (const f of te.fnSugar ?? []) {
        const l = unconstrained(inner.slice(f.at, f.at + f.params), f.ret ? inner[f.at + f.params] : undefined, free);
        if (l) return { code: 'E0582', message: `binding for associated type \`Output\` references lifetime \`${l}\`, which does not appear in the trait input types` };
      }
      // `Iterator<Item = &'a u8>` under the bound's `for<'a>` (a binder inside the arguments is not read).
      for (const a of te.args ?? []) {
        if (/\bfor\s*</.test(a)) continue;
        const parts = topLevelArgs(a);
        const binding = (x: string): boolean => /^\s*(?:r#)?[A-Za-z_]\w*\s*(?:<[^=]*>)?\s*=(?!=)/.test(x);
        const inputs = new Set(parts.filter((x) => !binding(x)).flatMap(lifetimesInText));
        const l = parts.filter(binding).flatMap(lifetimesInText).find((x) => !free.has(x) && !inputs.has(x));
        if (l) return { code: 'E0582', message: `binding for an associated type references lifetime \`${l}\`, which does not appear in the trait input types` };
      }
      return first(inner);
    }
    default:
      return undefined;
  }
}

/**
 * What a use of `item` asks to outlive `'static` (staticBoundRefused): its type parameters
 * bounded by `'static`, and, where the use writes `'static` for a lifetime parameter `'x`, the
 * parameters that must outlive `'x` (`T: 'x`, `'y: 'x`, written or implied by a field `&'x T`).
 */
function staticAtUse(item: TypeItem, requirements: Outlives, args: readonly GenericArg[]): StaticAsks {
  const types = new Set(item.generics.params.flatMap((p) => (p.kind === 'type' && p.staticBound ? [p.name] : [])));
  const asks: StaticAsks = { types, lifetimes: new Set(), projected: new Set() };
  const written = args.filter((a) => a.kind === 'lifetime');
  const lparams = item.generics.params.filter((p) => p.kind === 'lifetime');
  // `'a: 'static` (written, or through `'a: 'b`, `'b: 'static`).
  for (const p of lparams) if (p.outlivesStatic) asks.lifetimes.add(p.name);
  const statics = new Set(["'static", ...lparams.flatMap((p, i) => (written[i]?.kind === 'lifetime' && written[i].name === "'static" ? [p.name] : []))]);
  for (const [name, of] of requirements.direct) {
    if (![...of].some((l) => statics.has(l))) continue;
    if (name.startsWith("'")) asks.lifetimes.add(name);
    else asks.types.add(name);
  }
  for (const [name, of] of requirements.projected) {
    if ([...of].some((l) => statics.has(l)) && !asks.types.has(name) && !asks.lifetimes.has(name)) asks.projected.add(name);
  }
  return asks;
}

/** What a use asks to outlive `'static` (staticAtUse); `projected`: parameters asked it only through an associated type. */
interface StaticAsks {
  readonly types: Set<string>;
  readonly lifetimes: Set<string>;
  readonly projected: Set<string>;
}

/**
 * An argument written for a parameter that must outlive `'static` at this use (staticAtUse:
 * `struct W<T: 'static>`, or `T: 'x` with `'static` written for `'x`) that names a lifetime
 * parameter of the item it is written in (`W<&'a u8>`: rustc's E0477), or one of its type
 * parameters not bounded by `'static` (`W<Vec<U>>`: E0310), unless `'a: 'static` is declared; and
 * a lifetime parameter that must, given such a one (`P<'static, 'c>` with `'b: 'a`: E0478).
 */
export function staticBoundRefused(
  item: TypeItem,
  requirements: Outlives,
  /** The type written for the `i`th type parameter, as an error message shows it. */
  shown: (i: number) => string,
  args: readonly GenericArg[],
  enclosing: readonly GenericParam[],
  mayBeShort: (p: GenericParam) => boolean,
): Ty | undefined {
  const asks = staticAtUse(item, requirements, args);
  if (asks.types.size === 0 && asks.lifetimes.size === 0 && asks.projected.size === 0) return undefined;
  const short = (l: string): boolean => enclosing.some((q) => q.kind === 'lifetime' && q.name === l && !q.outlivesStatic);
  const writtenLifetimes = args.filter((a) => a.kind === 'lifetime');
  const lparams = item.generics.params.filter((p) => p.kind === 'lifetime');
  for (let i = 0; i < lparams.length; i++) {
    const w = writtenLifetimes[i];
    if (asks.lifetimes.has(lparams[i]!.name) && w?.kind === 'lifetime' && short(w.name)) {
      if (requirements.typePredicateLifetimes?.has(lparams[i]!.name)) {
        return { k: 'error', code: 'E0477', message: `the type a \`where\` clause of \`${item.name}\` bounds, naming \`${w.name}\` for \`${lparams[i]!.name}\`, does not fulfill the required lifetime (\`${w.name}\` may be shorter than \`'static\`)` };
      }
      const asked = lparams[i]!.kind === 'lifetime' && lparams[i]!.outlivesStatic ? "`'static`" : "a lifetime given `'static`";
      return { k: 'error', code: 'E0478', message: `lifetime bound not satisfied: \`${item.name}\` asks \`${lparams[i]!.name}\` to outlive ${asked}, and \`${w.name}\` may be shorter` };
    }
  }
  // A trait bound may imply `'static` (`U: Any`), and so may a lifetime bound (`U: 'a`, `'a: 'static`).
  const shortParams = enclosing.flatMap((p) => (p.kind === 'type' && mayBeShort(p) ? [p.name] : []));
  const tparams = item.generics.params.filter((p) => p.kind !== 'lifetime');
  const written = args.filter((a) => a.kind === 'type' || a.kind === 'const');
  for (let i = 0; i < tparams.length; i++) {
    const p = tparams[i]!;
    const w = written[i];
    if (p.kind !== 'type' || !asks.types.has(p.name) || w?.kind !== 'type') continue;
    const asked = p.staticBound ? `\`${p.name}: 'static\`` : `\`${p.name}\` to outlive a lifetime given \`'static\``;
    const lifetime = lifetimesNamedIn(w.ty).find(short);
    if (lifetime) return { k: 'error', code: 'E0477', message: `the type \`${shown(i)}\` does not fulfill the required lifetime (\`${item.name}\` asks ${asked}; \`${lifetime}\` may be shorter)` };
    const param = shortParams.find((n) => nameUse(w.ty, n, 0) === 'yes');
    if (param) return { k: 'error', code: 'E0310', message: `the parameter type \`${param}\` may not live long enough (\`${item.name}\` asks ${asked})` };
  }
  // Asked only of an associated type of the argument (`&'a T::Item`): rustc normalizes it
  // (`Copied<slice::Iter<'c, u8>>`'s `Item` is `u8`, which outlives anything), which is not done
  // here, so an argument that may be short leaves the answer open.
  if (asks.projected.size === 0) return undefined;
  for (let i = 0; i < lparams.length; i++) {
    const w = writtenLifetimes[i];
    if (asks.projected.has(lparams[i]!.name) && w?.kind === 'lifetime' && short(w.name)) {
      return { k: 'unknown', reason: `whether an associated type naming \`${w.name}\` outlives a lifetime given \`'static\`, as \`${item.name}\`'s fields or \`where\` clauses ask, is not known here (rustc rejects the type if not)` };
    }
  }
  for (let i = 0; i < tparams.length; i++) {
    const p = tparams[i]!;
    const w = written[i];
    if (!asks.projected.has(p.name) || w?.kind !== 'type') continue;
    if (lifetimesNamedIn(w.ty).some(short) || shortParams.some((n) => nameUse(w.ty, n, 0) !== 'no')) {
      return { k: 'unknown', reason: `whether the associated types of \`${shown(i)}\` that \`${item.name}\` names in its fields or \`where\` clauses outlive a lifetime given \`'static\` is not known here (rustc rejects the type if not)` };
    }
  }
  return undefined;
}

/**
 * The outlives requirements of types, as rustc infers them (RFC 2093), memoized per type: what a
 * use writing `'static` for a lifetime parameter asks of its other arguments (staticBoundRefused).
 */
export class OutlivesRequirements {
  private readonly memo = new WeakMap<object, Outlives>();

  constructor(private readonly resolver: Resolver) {}

  /**
   * The outlives requirements of a type's parameters, as rustc infers them (RFC 2093): by parameter
   * (`T`, `'b`), the lifetimes it must outlive. They come from its bounds (`T: 'a`, `'b: 'a`), from
   * its fields' references (`&'a T`, `&'a Foo<'b>`) and from the types its fields name, std's and
   * other crates' included (`Inner<'a, T>` with `struct Inner<'a, T: 'a>`, `Ref<'a, T>`). A type
   * met again inside its own fields adds nothing more (rustc iterates to a fixed point).
   */
  of(item: TypeItem | TypeAliasDef, m: ModuleScope, stack: Set<object> = new Set()): Outlives {
    const memo = this.memo.get(item);
    if (memo) return memo;
    if (stack.has(item)) return NO_OUTLIVES;
    stack.add(item);
    const direct = new Map<string, Set<string>>();
    const projected = new Map<string, Set<string>>();
    const add = (name: string, l: string, to = direct): void => {
      if (name !== l && name !== "'static" && l !== "'_") (to.get(name) ?? to.set(name, new Set()).get(name)!).add(l);
    };
    const params = item.generics.params;
    const typeParams = new Set(params.flatMap((p) => (p.kind === 'type' ? [p.name] : [])));
    /**
     * Every parameter named in `te` (and every lifetime) must outlive `l`: directly where `te`
     * names it outside an associated type, through that associated type otherwise (or when the
     * whole of `te` stands inside one: `projectedOnly`).
     */
    const outlive = (te: TypeExpr, l: string, projectedOnly = false): void => {
      const bare = projectedOnly ? undefined : withoutProjections(te, typeParams);
      for (const p of params) {
        if (p.kind !== 'type' || nameUse(te, p.name, 0) !== 'yes') continue;
        add(p.name, l, bare && nameUse(bare, p.name, 0) === 'yes' ? direct : projected);
      }
      const bareLifetimes = new Set(bare ? lifetimesNamedIn(bare) : []);
      for (const x of lifetimesNamedIn(te)) add(x, l, bareLifetimes.has(x) ? direct : projected);
    };
    for (const p of params) if (p.kind !== 'const') for (const l of p.outlives ?? []) add(p.name, l);
    // `where Vec<T>: 'static`, `where &'a T: 'b`: what the bounded type names must outlive them.
    const fromPredicates = new Set<string>();
    for (const w of item.generics.outlivesPredicates ?? []) {
      for (const l of w.lifetimes) {
        outlive(w.ty, l);
        for (const x of lifetimesNamedIn(w.ty)) fromPredicates.add(x);
      }
    }
    const walk = (te: TypeExpr, depth: number): void => {
      if (depth > 32) return;
      switch (te.kind) {
        case 'ref':
          if (te.lifetime !== undefined) outlive(te.inner, te.lifetime);
          walk(te.inner, depth + 1);
          return;
        case 'ptr':
          walk(te.inner, depth + 1);
          return;
        case 'array':
        case 'slice':
          walk(te.elem, depth + 1);
          return;
        case 'tuple':
          for (const e of te.elems) walk(e, depth + 1);
          return;
        // A fn pointer's or a trait object's types count too (`fn(&'a T)`, `dyn Fn(&'a T)`).
        case 'fnptr':
        case 'dyn':
          for (const e of te.inner ?? []) walk(e, depth + 1);
          return;
        case 'path': {
          for (const seg of te.segments) for (const a of seg.args) if (a.kind === 'type' || a.kind === 'binding') walk(a.ty, depth + 1);
          if (te.qualified || te.segments.length === 0) return;
          const segs = te.segments.map((x) => x.name);
          if (segs.length === 1 && (typeParams.has(segs[0]!) || segs[0] === 'Self')) return;
          const b = this.resolver.resolveTypePath(m, segs, te.global);
          if (b?.k !== 'item' || b.item.kind === 'trait') return;
          const inner = this.of(b.item, b.m, stack);
          if (inner.direct.size === 0 && inner.projected.size === 0) return;
          // The arguments written for the named type's parameters, by parameter.
          const written = te.segments[te.segments.length - 1]!.args;
          const lifetimes = written.filter((a) => a.kind === 'lifetime');
          const others = written.filter((a) => a.kind === 'type' || a.kind === 'const');
          const bound = new Map<string, GenericArg>();
          const innerParams = b.item.generics.params;
          innerParams.filter((p) => p.kind === 'lifetime').forEach((p, i) => lifetimes[i] && bound.set(p.name, lifetimes[i]));
          innerParams.filter((p) => p.kind !== 'lifetime').forEach((p, i) => others[i] && bound.set(p.name, others[i]));
          for (const [reqs, viaProjection] of [[inner.direct, false], [inner.projected, true]] as const) {
            for (const [name, of] of reqs) {
              const arg = bound.get(name);
              if (!arg) continue;
              for (const l of of) {
                const to: GenericArg | undefined = l === "'static" ? { kind: 'lifetime', name: l } : bound.get(l);
                if (to?.kind !== 'lifetime') continue;
                if (arg.kind === 'lifetime') add(arg.name, to.name, viaProjection ? projected : direct);
                else if (arg.kind === 'type') outlive(arg.ty, to.name, viaProjection);
              }
            }
          }
          return;
        }
        default:
          return;
      }
    };
    if (item.kind === 'alias') {
      if (item.ty) walk(item.ty, 0);
    } else {
      const fields = item.kind === 'enum' ? item.variants.flatMap((v) => v.fields) : item.fields;
      for (const f of fields) walk(f.ty, 0);
    }
    stack.delete(item);
    const out: Outlives = { direct, projected, ...(fromPredicates.size ? { typePredicateLifetimes: fromPredicates } : {}) };
    this.memo.set(item, out);
    return out;
  }
}
