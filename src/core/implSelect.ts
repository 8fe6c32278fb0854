/**
 * The trait impl a projection of a crate's trait uses (`<X as Tr<A, ..>>::Name`, `T::Name` with
 * `T: Tr`), for any self type (a crate's type, a primitive, an array, a reference, a tuple, a
 * trait object) and any trait arguments: every impl of that trait the crates that may hold one
 * have is matched against the asked types, binding its parameters on the way
 * (`impl<T> Conv<Vec<T>> for K` is `Conv<Vec<char>>`'s for K, with `T = char`).
 *
 * An impl is chosen only when it is the one that matches and every other impl of the trait
 * certainly does not. Anything this cannot tell leaves the projection unknown: a type it does not
 * compare (a function pointer, a trait object it cannot name), a trait argument left to its
 * default, an impl under a `#[cfg]` a build script decides, a trait path that does not resolve,
 * an impl whose bounds are not all checked (a bound with generic arguments, a `where` clause, a
 * trait src/core/bounds.ts does not decide). An impl whose bounds certainly do not hold does not
 * apply.
 *
 * The crates searched are the trait's and those of every crate type and trait object's trait in
 * the asked types (the orphan rule lets no other crate implement the trait for them). Each must have no impl the model
 * may miss: a macro call left unexpanded, a derive or attribute macro of another crate on one of
 * those types, an attribute macro on the trait. (Impls written inside function bodies are not
 * read, as elsewhere.)
 */
import type { GArg, Ty } from './engine';
import type { ConstExpr, GenericArg, GenericParam, ImplDef, TraitDef, TypeExpr } from './model';
import { type BoundHost, crateImplsMaybeUnseen, findInTy, implBoundsHold, implsMaybeUnseen, INERT_ATTRS, sameTy, type Verdict } from './bounds';
import type { CrateScope, ModuleScope, Resolver } from './resolve';

/** What the selection needs of the engine. */
export interface SelectHost {
  readonly resolver: Resolver;
  /** A written type of an impl, read in its module with the given parameters bound (throws when it cannot). */
  ty(te: TypeExpr, m: ModuleScope, generics: ReadonlyMap<string, GArg>): Ty;
  /** An array length written in an impl (a `usize` constant), undefined when it is not evaluated. */
  len(e: ConstExpr, m: ModuleScope, generics: ReadonlyMap<string, GArg>): bigint | undefined;
  /** Whether a type is Sized. */
  sized(ty: Ty): Verdict;
  /** What checking an impl's bounds needs. */
  readonly bounds: BoundHost;
}

/** The impl chosen, where it is written, and what its parameters stand for. */
export interface SelectedImpl {
  readonly impl: ImplDef;
  readonly m: ModuleScope;
  readonly generics: ReadonlyMap<string, GArg>;
}

type Listed = readonly { readonly impl: ImplDef; readonly m: ModuleScope }[];

/**
 * A crate's trait impls by the trait their path names where written; those whose path does not
 * resolve, by its last segment. Built once per crate scope for one engine (an analysis does not
 * outlive an edit of its crate scope).
 */
export class TraitImpls {
  private readonly byCrate = new Map<CrateScope, { readonly byTrait: Map<TraitDef, Listed>; readonly unresolved: Map<string, Listed> }>();
  constructor(private readonly resolver: Resolver) {}

  of(crate: CrateScope): { readonly byTrait: ReadonlyMap<TraitDef, Listed>; readonly unresolved: ReadonlyMap<string, Listed> } {
    let r = this.byCrate.get(crate);
    if (r) return r;
    const byTrait = new Map<TraitDef, { impl: ImplDef; m: ModuleScope }[]>();
    const unresolved = new Map<string, { impl: ImplDef; m: ModuleScope }[]>();
    for (const list of crate.impls.values()) {
      for (const e of list) {
        if (e.impl.trait === undefined) continue;
        const segs = (e.impl.traitPath ?? e.impl.trait).split('::').filter((x) => x !== '');
        const b = this.resolver.resolveTypePath(e.m, segs, (e.impl.traitPath ?? '').startsWith('::'));
        if (b?.k === 'item' && b.item.kind === 'trait') push(byTrait, b.item, e);
        else push(unresolved, e.impl.trait, e);
      }
    }
    r = { byTrait, unresolved };
    this.byCrate.set(crate, r);
    return r;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The impl of `trait` for `self` with the trait arguments `traitArgs` (undefined: written
 * without any, `<X as Tr>` or `T: Tr`), when exactly one impl applies and every other certainly
 * does not; 'none' when every impl certainly does not apply (rustc: E0277); undefined otherwise.
 */
export function selectImpl(self: Ty, trait: { readonly item: TraitDef; readonly m: ModuleScope }, traitArgs: readonly GArg[] | undefined, host: SelectHost, impls: TraitImpls, depth = 0): SelectedImpl | 'none' | undefined {
  if (depth > MAX_BOUND_DEPTH || trait.m.crate.isStd || trait.item.attrs.some((a) => !INERT_ATTRS.has(a.name))) return undefined;
  const asked: Ty[] = [self, ...(traitArgs ?? []).flatMap((a) => (a.k === 'ty' ? [a.ty] : []))];
  const crates = new Set<CrateScope>([trait.m.crate]);
  let open = false;
  for (const t of asked) {
    findInTy(t, (x) => {
      if (x.k === 'param' || x.k === 'unknown' || x.k === 'error') open = true;
      // `impl Tr for dyn Shape` may be in Shape's crate: a trait object's traits must be known.
      else if (x.k === 'dyn') {
        if (!x.traits) open = true;
        for (const t of x.traits ?? []) {
          if (typeof t === 'string') continue;
          const c = t.crate.deref();
          if (c) crates.add(c);
          else open = true;
        }
      } else if (x.k === 'adt' && !x.def.m.crate.isStd) {
        crates.add(x.def.m.crate);
        if (implsMaybeUnseen(x.def.item, x.def.m)) open = true;
      }
      return open ? true : undefined;
    });
    if (open) return undefined;
  }
  let found: SelectedImpl | undefined;
  for (const crate of crates) {
    if (crateImplsMaybeUnseen(crate)) return undefined;
    const listed = impls.of(crate);
    // An impl whose trait path does not resolve may be this trait's: it must certainly not match.
    for (const { impl, m } of listed.unresolved.get(trait.item.name) ?? []) {
      if (!liveOrUnsure(crate, impl)) continue;
      if (matchImpl(impl, m, self, traitArgs, host, impls, depth) !== false) return undefined;
    }
    for (const { impl, m } of listed.byTrait.get(trait.item) ?? []) {
      if (!liveOrUnsure(crate, impl)) continue;
      const r = matchImpl(impl, m, self, traitArgs, host, impls, depth);
      if (r === false) continue;
      if (r === undefined || found || crate.unsure(impl.cfg) !== undefined) return undefined;
      found = { impl, m, generics: r };
    }
  }
  return found ?? 'none';
}

/** Whether an impl is there: its cfgs hold, or a build script decides them. */
function liveOrUnsure(crate: CrateScope, impl: ImplDef): boolean {
  return crate.active(impl.cfg) || crate.unsure(impl.cfg) !== undefined;
}

interface MatchCx {
  readonly m: ModuleScope;
  /** The impl's type and const parameters. */
  readonly params: ReadonlyMap<string, GenericParam>;
  /** What they stand for, as matched so far. */
  readonly bound: Map<string, GArg>;
  readonly host: SelectHost;
}

/** The impl's parameters as bound when it applies to `self` and `traitArgs`; false when it does not; undefined when that is not known. */
function matchImpl(impl: ImplDef, m: ModuleScope, self: Ty, traitArgs: readonly GArg[] | undefined, host: SelectHost, impls: TraitImpls, depth: number): Map<string, GArg> | false | undefined {
  const params = new Map<string, GenericParam>();
  for (const p of impl.generics?.params ?? []) if (p.kind !== 'lifetime') params.set(p.name, p);
  const cx: MatchCx = { m, params, bound: new Map(), host };
  const written = (impl.traitArgs ?? []).filter((a) => a.kind !== 'lifetime');
  // Arguments left to the trait's defaults (on either side) are not read: the trait's parameters are not in the model.
  if (written.length !== (traitArgs?.length ?? 0)) return undefined;
  const verdicts: (boolean | undefined)[] = [matchTy(impl.selfTy, self, cx, 0)];
  for (let i = 0; i < written.length && !verdicts.includes(false); i++) verdicts.push(matchArg(written[i]!, traitArgs![i]!, cx, 0));
  const v = and(verdicts);
  if (v !== true) return v;
  // A parameter nothing binds (rustc: E0207), or bound through a projection: not known.
  for (const name of params.keys()) if (!cx.bound.has(name)) return undefined;
  // A parameter without `?Sized` only stands for a Sized type.
  for (const [name, p] of params) {
    const a = cx.bound.get(name)!;
    if (p.kind !== 'type' || p.maybeUnsized || a.k !== 'ty') continue;
    const sized = host.sized(a.ty);
    if (sized === false) return false;
    if (sized !== true) return undefined;
  }
  // Its bounds: an impl whose bounds do not hold does not apply (coherence lets impls overlap
  // where a bound tells them apart), and one they may not hold for is not known to.
  const held = implBoundsHold(impl, m, cx.bound, host.bounds, (b, ty) => boundWithArgs(b, ty, cx, impls, depth));
  if (held !== true) return held === false ? false : undefined;
  return cx.bound;
}

/** How deep a bound with arguments is decided by the impls of its trait (`A: Allocator<u8>` asks Allocator's impls, whose bounds may ask again). */
const MAX_BOUND_DEPTH = 8;

/** Whether `ty` meets an impl's bound with generic arguments (`A: Allocator<u8>`, written in the impl's module): see hasTraitWithArgs. */
function boundWithArgs(b: TypeExpr, ty: Ty, cx: MatchCx, impls: TraitImpls, depth: number): Verdict {
  return hasTraitWithArgs(b, ty, cx.m, cx.bound, cx.host, impls, depth + 1);
}

/**
 * Whether `ty` meets a bound with generic arguments (`A: Allocator<u8>`, written in `m`, its
 * arguments read with `generics` bound): for a crate's trait, by the one impl of it that applies
 * (none: false); any other bound (std's `From<X>`, an associated type binding `Tr<Out = X>`) is
 * not decided.
 */
export function hasTraitWithArgs(b: TypeExpr, ty: Ty, m: ModuleScope, generics: ReadonlyMap<string, GArg>, host: SelectHost, impls: TraitImpls, depth = 0): Verdict {
  if (b.kind !== 'path' || b.qualified) return 'unknown';
  const tr = host.resolver.resolveTypePath(m, b.segments.map((x) => x.name), b.global);
  if (tr?.k !== 'item' || tr.item.kind !== 'trait' || tr.m.crate.isStd) return 'unknown';
  const args: GArg[] = [];
  for (const a of b.segments[b.segments.length - 1]!.args) {
    if (a.kind === 'lifetime') continue;
    if (a.kind !== 'type') return 'unknown';
    let t: Ty;
    try {
      t = host.ty(a.ty, m, generics);
    } catch {
      return 'unknown';
    }
    args.push({ k: 'ty', ty: t });
  }
  const r = selectImpl(ty, { item: tr.item, m: tr.m }, args.length ? args : undefined, host, impls, depth);
  return r === 'none' ? false : r === undefined ? 'unknown' : true;
}

/** All true: true; any false: false; else undefined. */
function and(vs: readonly (boolean | undefined)[]): boolean | undefined {
  if (vs.includes(false)) return false;
  return vs.includes(undefined) ? undefined : true;
}

function matchArg(w: GenericArg, a: GArg, cx: MatchCx, depth: number): boolean | undefined {
  if (w.kind === 'type' && a.k === 'ty') return matchTy(w.ty, a.ty, cx, depth + 1);
  // `W<N>` with `N` a const parameter is written like a type.
  const name = w.kind === 'type' ? singleName(w.ty) : w.kind === 'const' && w.value.kind === 'path' && w.value.path.length === 1 && !w.value.global ? w.value.path[0] : undefined;
  if (a.k === 'const' && name !== undefined && cx.params.get(name)?.kind === 'const') return bindConst(name, a.value, cx);
  if (w.kind === 'const' && a.k === 'const') {
    if (constNamesParam(w.value, cx.params)) return undefined;
    const v = cx.host.len(w.value, cx.m, new Map());
    return v === undefined ? undefined : v === a.value;
  }
  return undefined;
}

function bindConst(name: string, value: bigint, cx: MatchCx): boolean | undefined {
  const had = cx.bound.get(name);
  if (had) return had.k === 'const' ? had.value === value : undefined;
  cx.bound.set(name, { k: 'const', value });
  return true;
}

/** The name of a one-segment path without arguments (`T`). */
function singleName(te: TypeExpr): string | undefined {
  return te.kind === 'path' && !te.global && !te.qualified && te.segments.length === 1 && te.segments[0]!.args.length === 0 ? te.segments[0]!.name : undefined;
}

/** Whether the impl's written type `pat` is `ty`, with the impl's parameters bound as they must be. */
function matchTy(pat: TypeExpr, ty: Ty, cx: MatchCx, depth: number): boolean | undefined {
  if (depth > 64) return undefined;
  if (!namesParam(pat, cx.params, 0)) {
    let t: Ty;
    try {
      t = cx.host.ty(pat, cx.m, new Map());
    } catch {
      return undefined;
    }
    return sameTy(t, ty);
  }
  switch (pat.kind) {
    case 'path': {
      if (pat.qualified) return undefined;
      const name = singleName(pat);
      const p = name !== undefined ? cx.params.get(name) : undefined;
      if (p) {
        if (p.kind !== 'type') return undefined;
        const had = cx.bound.get(p.name);
        if (had) return had.k === 'ty' ? sameTy(had.ty, ty) : undefined;
        cx.bound.set(p.name, { k: 'ty', ty });
        return true;
      }
      if (pat.segments.slice(0, -1).some((s) => s.args.length > 0)) return undefined;
      const b = cx.host.resolver.resolveTypePath(cx.m, pat.segments.map((s) => s.name), pat.global);
      if (b?.k !== 'item' || (b.item.kind !== 'struct' && b.item.kind !== 'enum' && b.item.kind !== 'union')) return undefined;
      if (ty.k !== 'adt') return false;
      if (ty.def.item !== b.item) return false;
      const written = pat.segments[pat.segments.length - 1]!.args.filter((a) => a.kind !== 'lifetime' && a.kind !== 'binding');
      if (written.length > ty.args.length) return undefined;
      const verdicts: (boolean | undefined)[] = [];
      for (let i = 0; i < written.length; i++) {
        verdicts.push(matchArg(written[i]!, ty.args[i]!, cx, depth));
        if (verdicts[i] === false) return false;
      }
      // `impl<T> Tr for Vec<T>` is for `Vec<T, Global>`: the arguments not written must be the defaults.
      if (written.length < ty.args.length) verdicts.push(restAreDefaults(ty, written.length, cx));
      return and(verdicts);
    }
    case 'ref':
    case 'ptr': {
      const kind = pat.kind === 'ref' ? (pat.mutable ? '&mut' : '&') : pat.mutable ? '*mut' : '*const';
      return ty.k === 'ptr' && ty.kind === kind ? matchTy(pat.inner, ty.pointee, cx, depth + 1) : false;
    }
    case 'slice':
      return ty.k === 'slice' ? matchTy(pat.elem, ty.elem, cx, depth + 1) : false;
    case 'array': {
      if (ty.k !== 'array') return false;
      const len = pat.len;
      const lenName = len.kind === 'path' && len.path.length === 1 && !len.global ? len.path[0]! : undefined;
      let lenOk: boolean | undefined;
      if (lenName !== undefined && cx.params.get(lenName)?.kind === 'const') lenOk = bindConst(lenName, ty.len, cx);
      else if (constNamesParam(len, cx.params)) lenOk = undefined;
      else {
        const v = cx.host.len(len, cx.m, new Map());
        lenOk = v === undefined ? undefined : v === ty.len;
      }
      if (lenOk === false) return false;
      return and([lenOk, matchTy(pat.elem, ty.elem, cx, depth + 1)]);
    }
    case 'tuple': {
      if (ty.k !== 'tuple' || ty.elems.length !== pat.elems.length) return false;
      const verdicts: (boolean | undefined)[] = [];
      for (let i = 0; i < pat.elems.length; i++) {
        verdicts.push(matchTy(pat.elems[i]!, ty.elems[i]!, cx, depth + 1));
        if (verdicts[i] === false) return false;
      }
      return and(verdicts);
    }
    default:
      return undefined;
  }
}

/** Whether the arguments of `ty` from `from` on are its definition's defaults. */
function restAreDefaults(ty: Extract<Ty, { k: 'adt' }>, from: number, cx: MatchCx): boolean | undefined {
  const own = ty.def.item.generics.params.filter((p) => p.kind !== 'lifetime');
  if (own.length !== ty.args.length) return undefined;
  const generics = new Map<string, GArg>();
  for (let i = 0; i < own.length; i++) generics.set(own[i]!.name, ty.args[i]!);
  for (let i = from; i < own.length; i++) {
    const q = own[i]!;
    const a = ty.args[i]!;
    if (q.kind !== 'type' || !q.default || a.k !== 'ty') return undefined;
    let d: Ty;
    try {
      d = cx.host.ty(q.default, ty.def.m, generics);
    } catch {
      return undefined;
    }
    const same = sameTy(d, a.ty);
    if (same !== true) return same;
  }
  return true;
}

/** Whether a written type names one of the impl's parameters (a trait object's arguments, kept as text, are searched by name). */
function namesParam(te: TypeExpr, params: ReadonlyMap<string, GenericParam>, depth: number): boolean {
  if (params.size === 0) return false;
  if (depth > 64) return true;
  const arg = (a: GenericArg): boolean => ((a.kind === 'type' || a.kind === 'binding') && namesParam(a.ty, params, depth + 1)) || (a.kind === 'const' && constNamesParam(a.value, params));
  switch (te.kind) {
    case 'path':
      if (te.qself && namesParam(te.qself.ty, params, depth + 1)) return true;
      if (te.qself?.traitArgs?.some(arg)) return true;
      if (!te.global && te.segments.length >= 1 && params.has(te.segments[0]!.name)) return true;
      return te.segments.some((s) => s.args.some(arg));
    case 'ref':
    case 'ptr':
      return namesParam(te.inner, params, depth + 1);
    case 'slice':
      return namesParam(te.elem, params, depth + 1);
    case 'array':
      return namesParam(te.elem, params, depth + 1) || constNamesParam(te.len, params);
    case 'tuple':
      return te.elems.some((e) => namesParam(e, params, depth + 1));
    case 'dyn':
      return [...te.bounds, ...(te.args ?? [])].some((t) => [...params.keys()].some((p) => new RegExp(`\\b${p}\\b`).test(t)));
    default:
      // A function pointer's parameter types are not in the model: it is not compared either way.
      return false;
  }
}

/** Whether a constant expression names one of the parameters (conservatively: any path whose first segment is one). */
function constNamesParam(e: ConstExpr, params: ReadonlyMap<string, GenericParam>): boolean {
  if (params.size === 0) return false;
  let found = false;
  const walk = (x: unknown, depth: number): void => {
    if (found || depth > 64 || x === null || typeof x !== 'object') return;
    const o = x as { kind?: unknown; path?: unknown };
    if (o.kind === 'path' && Array.isArray(o.path) && typeof o.path[0] === 'string' && params.has(o.path[0])) {
      found = true;
      return;
    }
    for (const v of Object.values(x)) walk(v, depth + 1);
  };
  walk(e, 0);
  return found;
}
