/**
 * The layout engine: resolves written types to semantic types (`Ty`), has the constants layouts
 * need evaluated (./consteval.ts), and computes rustc's layout of any type for one target. Abstains (with a
 * reason) where it cannot be exact, and reports rustc's error where rustc would reject.
 */
import { FN_BODY_MODULE } from './model';
import type { Attribute, ConstExpr, EnumDef, FieldDef, GenericArg, GenericParam, Generics, ImplDef, Repr, Span, StructDef, TraitDef, TypeAliasDef, TypeExpr, TypeItem, UnionDef, VariantDef } from './model';
import type { Target } from './targets';
import { attrPath, attrTextsWhere, cfgAttrTexts, mayBeMacroAttr, emptyRepr, mergeRepr, type MutableRepr, splitTopLevel } from './attrs';
import { BLANKET_IMPLS, type Binding, blanketParam, type CrateScope, enclosingModule, type ModuleScope, PRIMITIVES, Resolver, SELF_CRATE } from './resolve';
import { publicStdItems } from './stdPublic';
import { STD_TRANSPARENT } from './stdTransparent';
import { NOT_IN_STD, stdPathRefused, UNSTABLE_STD } from './stdUnstable';
import { isLintAttr } from './lints';
import type { IntTy } from './intMethods';
import { ConstEval, INT_NAMES, short, WIDE } from './consteval';
import { refKey } from './refs';
import { type DefinitionError, declaredLifetimes, definitionError, lifetimesNamedIn, namesLifetime, nameUse, substituteParams, undeclaredLifetimeIn } from './definitionChecks';
import { type LifetimeView, OutlivesRequirements, shortIn, staticBoundRefused, substituteArg, unconstrainedBinder } from './lifetimes';
import { allocatorParam, all, hasForeignDerive, type BoundProblem, bareObjectStdTrait, bindParams, implBoundsHold, deriveProblem, findInTy, homeStdTraitOf, implementsStd, implsMaybeUnseen, INERT_ATTRS, markerImpls, misplacedDefault, sameTy, stdDerives, stdTraitOf, unmetBound, unmetStdTypeBound, writtenPath, type BoundHost, type DeriveProblem, type Verdict } from './bounds';
import { hasTraitWithArgs, selectImpl, type SelectHost, TraitImpls } from './implSelect';
import { type Layout, type Scalar, Abstain, LayoutError, Reject, checkedMul, fullScalar, scalarLayout, is1Zst, mask } from './layout/types';
import { type ReprOptions, DEFAULT_REPR, inhibitEnumLayoutOpt, neverLayout, scalarPair, structOrEnumLayout, unionLayout, univariant } from './layout/calc';
import { jsonText } from './jsonText';

export { Reject } from './layout/types';
export { refKey, refKeyOf } from './refs';

export type GArg = { readonly k: 'ty'; readonly ty: Ty } | { readonly k: 'const'; readonly value: bigint; /** A `const fn` parameter's declared type. */ readonly ty?: IntTy };

/**
 * A trait of a trait object (see Ty `dyn`): `std::Name`, or a crate's trait and its crate, held
 * weakly (a type may outlive its crate's analysis in a cache of std's, and must not keep the
 * crate's scopes alive: the editor lets a crate go when its files are closed).
 */
export type DynTrait = string | CrateDynTrait;
/** A crate's trait in a trait object, with the crate it is defined in. */
export type CrateDynTrait = { readonly item: object; readonly crate: WeakRef<CrateScope> };

export interface AdtRef {
  readonly item: TypeItem;
  readonly m: ModuleScope;
}

export type Ty =
  | { readonly k: 'int'; readonly size: number; readonly signed: boolean; readonly name: string }
  | { readonly k: 'float'; readonly size: number; readonly name: string }
  | { readonly k: 'bool' }
  | { readonly k: 'char' }
  | { readonly k: 'never' }
  | { readonly k: 'str' }
  | { readonly k: 'ptr'; readonly pointee: Ty; readonly nonNull: boolean; readonly kind: '&' | '&mut' | '*const' | '*mut' }
  | { readonly k: 'fnptr'; readonly sig?: FnSig }
  | { readonly k: 'array'; readonly elem: Ty; readonly len: bigint }
  | { readonly k: 'slice'; readonly elem: Ty }
  /**
   * `traits`: what each of its traits is (a crate's trait and its module, or `std::Name` for the
   * std traits of DYN_STD_TRAITS), when each is known and has no arguments; two trait objects are
   * the same type when these are the same (src/core/bounds.ts sameTy).
   */
  /**
   * `std`: the last segments of its traits when each is certainly std's (`dyn Fn() + Send`:
   * ['Fn', 'Send']): no crate can implement a trait for it then, so std's impls are all there are.
   */
  | {
      readonly k: 'dyn';
      readonly text: string;
      readonly traits?: readonly DynTrait[];
      readonly autos?: readonly string[];
      readonly supers?: readonly string[];
      /** Some supertrait of its crate traits could not be told (a trait of no known crate): `supers` may lack one. */
      readonly superUnsure?: true;
      /** Its crates' traits, arguments or not (`dyn Gen<u8>`), when every bound is one of them or std's. */
      readonly crateTraits?: readonly CrateDynTrait[];
      /**
       * The crate traits (their TraitDef items) the object has: its own and their crate
       * supertraits, transitively (`dyn Sub` with `trait Sub: Fail` has `Fail`).
       */
      readonly crateHas?: readonly object[];
      readonly future?: true;
      readonly std?: readonly string[];
    }
  | { readonly k: 'tuple'; readonly elems: readonly Ty[] }
  | { readonly k: 'adt'; readonly def: AdtRef; readonly args: readonly GArg[] }
  | { readonly k: 'param'; readonly name: string; readonly maybeUnsized: boolean }
  /**
   * `refused`: rustc surely refuses the written type (a name found nowhere, a std type written
   * without its arguments), though the model cannot name the error: a path holding it as an
   * argument is unknown too, even where its layout does not look at the argument (`Vec<Foo>`).
   */
  | { readonly k: 'unknown'; readonly reason: string; readonly refused?: true }
  | { readonly k: 'error'; readonly code: string; readonly message: string };

/** A fn pointer's signature, as the `Fn` bounds a pointer meets need it (src/core/bounds.ts). */
export interface FnSig {
  readonly params: readonly Ty[];
  /** undefined: `()` (no `->`). */
  readonly ret: Ty | 'never' | undefined;
  /** A safe fn of the Rust ABI: only those implement the `Fn` traits. */
  readonly safeRust: boolean;
  /** It names a lifetime (`&'static u8`, `&'a u8`, `Cow<'a, str>`): elided ones are the pointer's own. */
  readonly namesLifetime: boolean;
}

export interface TyScope {
  readonly m: ModuleScope;
  readonly generics: ReadonlyMap<string, GArg>;
  readonly self?: Ty;
  /** The crate item whose definition is being read (`refKey`): names resolved here are its references. */
  readonly owner?: string;
  /** In an impl's associated constant: the path `Self` stands for. */
  readonly selfPath?: readonly string[];
  /**
   * The attributes that set lint levels where a constant is written, innermost first (a
   * variant's, its enum's; a constant's): an overflowing literal wraps where
   * `overflowing_literals` is allowed (src/core/lints.ts).
   */
  readonly lints?: readonly (readonly Attribute[])[];
  /**
   * The generic parameters `generics` binds, as written (their bounds): `U::ArrayType` with
   * `U: ArrayLength<T>` is the impl of `ArrayLength<T>` for U's type.
   */
  readonly params?: readonly GenericParam[];
  /**
   * A type alias's right-hand side: its lifetime and type parameters stand for what each use
   * writes (rustc does not check an alias's bounds where it is defined), so `'static` bounds are
   * not judged by them.
   */
  readonly inAlias?: true;
  /**
   * In a type alias's right-hand side: the use that is being expanded, as rustc judges lifetimes
   * there (at the use, not where the alias is defined): what the use writes for each of the
   * alias's parameters, and the parameters and module of the item the use is written in
   * (`struct X<'a>(A<'a>)`: `'x` → `'a`, X's parameters). Absent where nothing is judged.
   */
  readonly aliasUse?: LifetimeView;
  /** Its `where` predicates on other types than the parameters, where it is a type's definition (adtScope). */
  readonly predicates?: Generics['predicates'];
  /**
   * In an impl's associated type: whether the impl's self type, as written, names one of the
   * impl's parameters (an elided lifetime is one); 'maybe' when not known. `Self` in an array
   * length there is rustc's "generic `Self` types" error only then (`impl<T> Tr<T> for bool`
   * is fine). Absent: a type's definition, whose `Self` is generic when it has parameters.
   */
  readonly selfGeneric?: boolean | 'maybe';
}

/** Per-ADT-instance result, with the per-variant field layouts for reports. */
export interface AdtLayout {
  readonly layout: Layout;
  /** For each variant (one for structs/unions): the layouts and types of its active fields. */
  readonly fields: readonly (readonly { readonly def: FieldDef; readonly layout: Layout; readonly ty: Ty }[])[];
  /** Active variants (enums). */
  readonly variants: readonly VariantDef[];
}


const MAX_DEPTH = 400;
const MAX_KEY = 100_000;
/** Nesting of one definition in itself, with growing arguments, taken as polymorphic recursion. */
const POLY_DEPTH = 8;
/** Constants evaluated inside each other, at most (rustc evaluates longer chains; we abstain). */


const REPR_CONFLICTS: Readonly<Record<NonNullable<Repr['conflict']>, string>> = {
  E0634: 'type has conflicting packed representation hints',
  E0692: 'transparent struct cannot have other repr hints',
  E0589: 'invalid `repr(align)` or `repr(packed)` attribute: not an unsuffixed power of two up to 2^29',
  E0693: 'incorrect `repr(align)` attribute format (`align(N)`, not `align = N`)',
  E0552: 'invalid representation hint (an unknown hint, or arguments to one that takes none)',
  E0565: 'meta item in `repr` must be an identifier',
  E0539: 'malformed `repr` attribute input (`#[repr(..)]` takes a list)',
};

/**
 * `scope` with a field's or variant's own lint attributes innermost
 * (`#[allow(overflowing_literals)] a: [u8; 300 as u8 as usize]`); `scope` itself when they set none.
 */
function withLints(scope: TyScope, attrs: readonly Attribute[]): TyScope {
  return attrs.some(isLintAttr) ? { ...scope, lints: [attrs, ...(scope.lints ?? [])] } : scope;
}


/** A type as Rust writes it; past `max` characters the rest is elided (types can be exponentially large DAGs). */
export function tyToString(ty: Ty, max = 400): string {
  const budget = { left: max };
  const s = tyText(ty, budget);
  return budget.left < 0 ? s.slice(0, max) + '…' : s;
}

function tyText(ty: Ty, budget: { left: number }): string {
  if (budget.left < 0) return '';
  const s = tyTextInner(ty, budget);
  budget.left -= s.length;
  return s;
}

function tyTextInner(ty: Ty, budget: { left: number }): string {
  const tyToString = (t: Ty): string => tyText(t, budget);
  switch (ty.k) {
    case 'int':
    case 'float':
      return ty.name;
    case 'bool':
    case 'char':
    case 'str':
      return ty.k;
    case 'never':
      return '!';
    case 'ptr':
      return `${ty.kind === '&' ? '&' : ty.kind === '&mut' ? '&mut ' : ty.kind + ' '}${tyToString(ty.pointee)}`;
    case 'fnptr':
      return 'fn(..)';
    case 'array':
      return `[${tyToString(ty.elem)}; ${ty.len}]`;
    case 'slice':
      return `[${tyToString(ty.elem)}]`;
    case 'dyn':
      return ty.text;
    case 'tuple':
      return ty.elems.length === 1 ? `(${tyToString(ty.elems[0]!)},)` : `(${ty.elems.map(tyToString).join(', ')})`;
    case 'adt': {
      const args = ty.args.map((a) => (a.k === 'ty' ? tyToString(a.ty) : String(a.value)));
      return ty.def.item.name + (args.length ? `<${args.join(', ')}>` : '');
    }
    case 'param':
      return ty.name;
    case 'unknown':
      return '?';
    case 'error':
      return '{error}';
  }
}

/**
 * An item's `#[repr]`, with what `#[cfg_attr(pred, repr(..))]` adds where `pred` holds for the
 * crate (crossbeam's `CachePadded`: `cfg_attr(target_arch = "x86_64", repr(align(128)))`).
 */
export function reprOf(item: TypeItem, crate: CrateScope): Repr {
  if (!item.attrs.some((a) => a.name === 'cfg_attr')) return item.repr;
  const added = cfgAttrTexts(
    item.attrs.filter((a) => a.name === 'cfg_attr').map((a) => a.text),
    (p) => crate.active([p]),
  ).filter((t) => /^repr\s*\(/.test(t));
  if (added.length === 0) return item.repr;
  // In attribute order, as rustc reads them: of `#[cfg_attr(all(), repr(u16))] #[repr(u8)]` the
  // last integer hint, u8, wins.
  const r: MutableRepr = emptyRepr();
  for (const a of item.attrs) {
    if (a.name === 'repr') mergeRepr(r, a.text);
    else if (a.name === 'cfg_attr') for (const t of cfgAttrTexts([a.text], (p) => crate.active([p]))) if (/^repr\s*\(/.test(t)) mergeRepr(r, t);
  }
  return r;
}

function reprOptions(r: Repr, t: Target): ReprOptions {
  const int = r.int ? (r.int === 'usize' || r.int === 'isize' ? { size: t.pointerSize, signed: r.int === 'isize', ptr: true } : { size: INT_NAMES[r.int]![0], signed: INT_NAMES[r.int]![1] }) : undefined;
  return { c: r.c, simd: r.simd, transparent: r.transparent, pack: r.packed, align: r.align, int };
}

function attr(item: TypeItem, name: string): string | undefined {
  const a = item.attrs.find((x) => x.name === name || x.text.startsWith(name + '(') || x.text.startsWith(name + ' ') || x.text === name);
  return a?.text;
}

/**
 * The std flavors an `#[rll_os(...)]` item is modelled for; a bare `#[rll_os]` is 64-bit Linux
 * only; `std` means every target that has std (the item is the same on every OS).
 */
function osFlavors(text: string): string[] {
  const list = /\(([^)]*)\)/.exec(text)?.[1];
  return list ? list.split(',').map((x) => x.trim()) : ['linux64'];
}

function attrNumber(item: TypeItem, name: string): bigint | undefined {
  const a = attr(item, name);
  if (!a) return undefined;
  const m = /\(\s*([0-9_]+)\s*\)/.exec(a);
  return m ? BigInt(m[1]!.replace(/_/g, '')) : undefined;
}

/**
 * `#[rustc_layout_scalar_valid_range_start(N)]` / `_end(N)` on a struct, written or added by a
 * `cfg_attr` that holds: the scalar's valid range, as rustc narrows it (std's NonNull and
 * NonZero; any crate with `#![feature(rustc_attrs)]`, such as rustix's `Errno` on a compiler that
 * accepts nightly features). A value that is not an integer literal is not guessed at.
 */
function validRangeOf(item: TypeItem, crate: CrateScope): { start?: bigint; end?: bigint } {
  const texts = attrTextsWhere(item.attrs, (p) => crate.active([p]));
  const bound = (name: string): bigint | undefined => {
    const t = texts.find((x) => new RegExp(`^${name}\\s*\\(`).test(x));
    if (t === undefined) return undefined;
    const m = /\(\s*(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)(?:[iu](?:8|16|32|64|128|size))?\s*\)\s*$/.exec(t);
    if (!m) throw new Abstain(`\`#[${t}]\`: the bound is not an integer literal`);
    return BigInt(m[1]!.replace(/_/g, ''));
  };
  const start = bound('rustc_layout_scalar_valid_range_start');
  const end = bound('rustc_layout_scalar_valid_range_end');
  return { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

/**
 * Associated type names of std's traits (Iterator, IntoIterator, Deref, Add…, ToOwned, FromStr,
 * TryFrom, Future, Try, Pointee, BuildHasher, ToSocketAddrs, AsyncFn…): a std type's projection by one of these names may be
 * std's own impl, so a crate's impl of the same name does not decide it.
 */
/** The std trait an `rll_assoc` name belongs to, as a path from any crate. */
const ASSOC_TRAIT: Readonly<Record<string, string>> = { Item: '::core::iter::Iterator', IntoIter: '::core::iter::IntoIterator', Searcher: '::core::str::pattern::Pattern' };

/** Std's operator traits with an associated type, whose `Rhs` parameter defaults to `Self`. */
const RHS_SELF_OPS: ReadonlySet<string> = new Set(['Add', 'Sub', 'Mul', 'Div', 'Rem', 'BitAnd', 'BitOr', 'BitXor', 'Shl', 'Shr']);

const STD_ASSOC_NAMES = new Set(['Item', 'IntoIter', 'Target', 'Output', 'Owned', 'Err', 'Error', 'Residual', 'Metadata', 'IntoFuture', 'Hasher', 'Args', 'Key', 'Value', 'Ok', 'Yield', 'Return', 'Searcher', 'Iter', 'CallRefFuture', 'CallOnceFuture', 'Discriminant']);

/** Std traits whose associated types the std model writes down, by trait and name: the `rll_assoc` struct in std's `assoc` module. */
const STD_TRAIT_ASSOC: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = new Map([
  ['IntoIterator', new Map([['IntoIter', ['IntoIterOf']], ['Item', ['IntoIterOf', 'ItemOf']]])],
  ['Iterator', new Map([['Item', ['ItemOf']]])],
  ['Pattern', new Map([['Searcher', ['SearcherOf']]])],
  ['DiscriminantKind', new Map([['Discriminant', ['DiscriminantOf']]])],
  ['FromStr', new Map([['Err', ['ErrOf']]])],
]);

/** Stable ids for items across analyses (std items are parsed once and shared). */
const itemIds = new WeakMap<object, number>();
let nextItemId = 1;

/** Layouts of std-only types, shared by every analysis of one target. */
export type SharedLayoutCache = Map<string, AdtLayout | Error>;

export class Engine {
  private readonly layoutCache = new Map<string, AdtLayout | Error>();
  private readonly inProgress: string[] = [];
  private readonly sizedCache = new Map<string, boolean>();
  /** packedChain's verdict per struct or union definition. */
  private readonly packedChains = new WeakMap<object, 'error' | 'ok' | 'unsure'>();
  /** The constant evaluator (array lengths, discriminants, const arguments). */
  readonly consts: ConstEval = new ConstEval(this);
  private boundHostMemo?: BoundHost;
  /** What the check of generic arguments against their parameters' bounds needs (src/core/bounds.ts). */
  private get boundHost(): BoundHost {
    return (this.boundHostMemo ??= {
      resolver: this.resolver,
      isCopy: (ty) => this.isCopy(ty, 0),
      stdAssoc: (ty) => this.stdAssocOf(ty),
      argTy: (arg, m, generics, params) => this.tyOf(arg, { m, generics, ...(params ? { params } : {}) }),
      text: (ty) => tyToString(ty),
      sized: (ty) => {
        try {
          const r = this.sizedness(ty, 0, false);
          return r === 'maybe' ? 'unknown' : r;
        } catch {
          return 'unknown';
        }
      },
      fieldTys: (ty) => {
        try {
          return this.adtFieldTys(ty).variants.flat().map((f) => f.ty);
        } catch {
          return undefined;
        }
      },
      traitImpls: (trait, crate) => (this.traitImplsMemo ??= new TraitImpls(this.resolver)).of(crate).byTrait.get(trait) ?? [],
      stdItem: (ty, trait) => {
        let t = this.stdTraitAssoc(ty, trait, 'Item');
        // An `Item` written with a holder (`PointeeOf<ItemOf<I>>` for `Copied<I>`) is the type it stands for.
        for (let i = 0; t && i < 8; i++) {
          const resolved = this.stdAssocOf(t);
          if (!resolved) break;
          t = resolved;
        }
        return t === undefined || t.k === 'unknown' || t.k === 'error' ? undefined : t;
      },
      refusedImpls: new Map(),
      traitWithArgs: (b, ty, m, generics) =>
        this.boundedSelection(() => hasTraitWithArgs(b, ty, m, generics, this.selectHost, (this.traitImplsMemo ??= new TraitImpls(this.resolver)), this.traitWithArgsDepth)),
      crateTraitImpl: (ty, trait) =>
        this.boundedSelection(() => {
          const r = selectImpl(ty, trait, undefined, this.selectHost, (this.traitImplsMemo ??= new TraitImpls(this.resolver)), this.traitWithArgsDepth);
          return r === 'none' ? false : r === undefined ? 'unknown' : true;
        }),
    });
  }
  private traitWithArgsDepth = 0;
  /** An impl selection for a bound: deciding one may ask another (an impl's bounds, a supertrait's), so their nesting is bounded. */
  private boundedSelection(select: () => Verdict): Verdict {
    if (this.traitWithArgsDepth > 8) return 'unknown';
    this.traitWithArgsDepth++;
    try {
      return select();
    } catch (e) {
      if (e instanceof Abstain || e instanceof Reject || e instanceof LayoutError) return 'unknown';
      throw e;
    } finally {
      this.traitWithArgsDepth--;
    }
  }
  /** Non-generic aliases expanded once, so `type A1 = (A0, A0)` chains stay linear (a DAG). */
  private readonly aliasCache = new Map<object, Ty>();
  /** What each type asks its parameters to outlive (src/core/lifetimes.ts). */
  private outlivesMemo?: OutlivesRequirements;
  private get outlives(): OutlivesRequirements {
    return (this.outlivesMemo ??= new OutlivesRequirements(this.resolver));
  }
  /** Layouts of tuples and arrays by identity (shared sub-types of a DAG are laid out once). */
  private readonly composite = new WeakMap<Ty, Layout>();
  private readonly stdOnlyCache = new WeakMap<Ty, boolean>();
  /** Keys by type object: substituted types share sub-types, so `(T, T)` nested n deep is a
   * DAG of n nodes whose written form has 2^n leaves; unmemoized, each key walked every leaf. */
  private readonly keyCache = new WeakMap<Ty, string>();
  private depth = 0;
  /**
   * Every reference between the crate's own items met so far: owner key → keys of the items
   * (types, aliases, constants) its definition names. A layout depends only on its type's
   * definition and, transitively, on these (std never changes), which lets the editor carry
   * results over between versions of a document (src/incremental/documentModel.ts).
   */
  readonly refs = new Map<string, Set<string>>();

  constructor(
    readonly target: Target,
    readonly resolver: Resolver,
    private readonly stdCache: SharedLayoutCache = new Map(),
  ) {}

  /** Changes whenever `refs` gains an entry (a version reusing this engine can tell whether it learnt anything). */
  refsVersion = 0;

  /**
   * rustc's E0588 walk (check_packed_inner) over a packed struct's or union's definition: its
   * fields as declared (its own parameters unsubstituted), and, for each one whose type is a
   * struct or union, that type's definition in turn; `error` when one on the way has
   * `#[repr(align)]`. A field of a parameter's type, an enum, a tuple, an array or a pointer ends
   * its chain: so `Wrapper<Aligned>` and `Option<Aligned>` are accepted and `bytes::Bytes` (an
   * `AtomicPtr` field) is not, whatever the arguments. `unsure` where a field's type is not known.
   */
  private packedChain(item: StructDef | UnionDef, m: ModuleScope, stack: Set<object>): 'error' | 'ok' | 'unsure' {
    const memo = this.packedChains.get(item);
    if (memo) return memo;
    const params = new Set(item.generics.params.filter((p) => p.kind === 'type').map((p) => p.name));
    const identity = identityArgs(item.generics.params);
    const scope = this.adtScope({ k: 'adt', def: { item, m }, args: identity });
    let out: 'ok' | 'unsure' = 'ok';
    stack.add(item);
    try {
      for (const f of item.fields) {
        if (!m.crate.active(f.cfg)) continue;
        // `T::Assoc` and `<T as Tr>::Assoc` stay projections in the definition: not an ADT.
        if (this.projectionAsDeclared(f.ty, m, params, 0)) continue;
        let fty: Ty;
        try {
          fty = this.tyOf(f.ty, scope);
        } catch (e) {
          if (!(e instanceof Abstain || e instanceof LayoutError)) throw e;
          out = 'unsure';
          continue;
        }
        if (fty.k === 'unknown' || fty.k === 'error') {
          out = 'unsure';
          continue;
        }
        if (fty.k !== 'adt') continue;
        const d = fty.def.item;
        if ((d.kind !== 'struct' && d.kind !== 'union') || stack.has(d)) continue;
        // std's model says where its written form differs from what the model lays out
        // (src/core/stdSource.ts): `repr(simd)` types and fields written as `Atomic<T>`.
        const std = fty.def.m.crate.isStd;
        if (reprOptions(reprOf(d, fty.def.m.crate), this.target).align !== undefined && !(std && d.attrs.some((a) => a.name === 'rll_simd'))) return 'error';
        if (std && d.attrs.some((a) => a.name === 'rll_atomic_alias')) continue;
        const r = this.packedChain(d, fty.def.m, stack);
        if (r === 'error') return r;
        if (r === 'unsure') out = 'unsure';
      }
    } finally {
      stack.delete(item);
    }
    this.packedChains.set(item, out);
    return out;
  }

  /**
   * Whether a field's type, as rustc has it before normalizing, is a projection: `<T as Tr>::A`,
   * `T::A` of a parameter, or an alias (through aliases) of one (`type Futex = <u32 as
   * AtomicPrimitive>::AtomicInner`). rustc's E0588 walk does not look through those.
   */
  private projectionAsDeclared(te: TypeExpr, m: ModuleScope, params: ReadonlySet<string>, depth: number): boolean {
    if (te.kind !== 'path' || depth > 16) return false;
    if (te.qualified) return true;
    if (!te.global && te.segments.length > 1 && params.has(te.segments[0]!.name)) return true;
    if (!te.global && te.segments.length === 1 && params.has(te.segments[0]!.name)) return false;
    let b: ReturnType<Resolver['resolveTypePath']>;
    try {
      b = this.resolver.resolveTypePath(m, te.segments.map((x) => x.name), te.global);
    } catch {
      return false;
    }
    if (b?.k !== 'item' || b.item.kind !== 'alias' || !b.item.ty) return false;
    const own = new Set(b.item.generics.params.filter((p) => p.kind === 'type').map((p) => p.name));
    return this.projectionAsDeclared(b.item.ty, b.m, own, depth + 1);
  }

  addRef(owner: string | undefined, key: string): void {
    if (owner === undefined) return;
    let set = this.refs.get(owner);
    if (!set) this.refs.set(owner, (set = new Set()));
    if (!set.has(key)) {
      set.add(key);
      this.refsVersion++;
    }
  }

  idOf(o: object): number {
    let id = itemIds.get(o);
    if (id === undefined) {
      id = nextItemId++;
      itemIds.set(o, id);
    }
    return id;
  }

  /** Whether a type is built from std items and primitives only (its layout never changes). */
  private stdOnly(ty: Ty): boolean {
    if (ty.k !== 'tuple' && ty.k !== 'adt') return this.stdOnlyInner(ty);
    let r = this.stdOnlyCache.get(ty);
    if (r === undefined) this.stdOnlyCache.set(ty, (r = this.stdOnlyInner(ty)));
    return r;
  }

  private stdOnlyInner(ty: Ty): boolean {
    switch (ty.k) {
      case 'adt':
        return ty.def.m.crate.isStd && ty.args.every((a) => a.k === 'const' || this.stdOnly(a.ty));
      case 'ptr':
        return this.stdOnly(ty.pointee);
      case 'array':
      case 'slice':
        return this.stdOnly(ty.elem);
      case 'tuple':
        return ty.elems.every((e) => this.stdOnly(e));
      case 'param':
      case 'unknown':
      case 'error':
        return false;
      default:
        return true;
    }
  }

  key(ty: Ty): string {
    const hit = this.keyCache.get(ty);
    if (hit !== undefined) return hit;
    const k = this.keyInner(ty);
    if (k.length > MAX_KEY) throw new Abstain('type too large to lay out (its written form exceeds 100,000 characters)');
    this.keyCache.set(ty, k);
    return k;
  }

  private keyInner(ty: Ty): string {
    switch (ty.k) {
      case 'adt':
        return `#${this.idOf(ty.def.item)}<${ty.args.map((a) => (a.k === 'ty' ? this.key(a.ty) : `=${a.value}`)).join(',')}>`;
      case 'ptr':
        return `*${ty.nonNull ? 'n' : ''}${this.key(ty.pointee)}`;
      case 'array':
        return `[${this.key(ty.elem)};${ty.len}]`;
      case 'slice':
        return `[${this.key(ty.elem)}]`;
      case 'tuple': {
        let out = '(';
        for (const e of ty.elems) {
          out += this.key(e) + ',';
          if (out.length > MAX_KEY) throw new Abstain('type too large to lay out (its written form exceeds 100,000 characters)');
        }
        return out + ')';
      }
      case 'unknown':
        return `?${ty.reason}`;
      case 'error':
        return `!${ty.code}${ty.message}`;
      case 'param':
        // `T` and `T: ?Sized` are different types to sizedness (and its cache).
        return ty.maybeUnsized ? `${ty.name}?` : ty.name;
      default:
        return tyToString(ty);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Written types → Ty

  tyOf(e: TypeExpr, s: TyScope): Ty {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      return { k: 'unknown', reason: `type nesting deeper than ${MAX_DEPTH} levels: not computed` };
    }
    try {
      return this.tyOfInner(e, s);
    } finally {
      this.depth--;
    }
  }

  private tyOfInner(e: TypeExpr, s: TyScope): Ty {
    switch (e.kind) {
      // A pointee or slice element rustc refuses refuses the pointer, whose layout may not look at
      // it (`&'a [Strng]` is a wide pointer whatever `Strng` is).
      case 'ref': {
        const pointee = this.tyOf(e.inner, s);
        return refusedIn(pointee) ?? this.staticRefRefused(e, s) ?? { k: 'ptr', pointee, nonNull: true, kind: e.mutable ? '&mut' : '&' };
      }
      case 'ptr': {
        const pointee = this.tyOf(e.inner, s);
        return refusedIn(pointee) ?? { k: 'ptr', pointee, nonNull: false, kind: e.mutable ? '*mut' : '*const' };
      }
      case 'array': {
        const elem = this.tyOf(e.elem, s);
        const op = this.genericConstOperation(e.len, s);
        if (op) return op;
        const len = this.consts.tryConst(e.len, s, this.consts.usize());
        if (len instanceof Error) return errTy(len);
        return { k: 'array', elem, len };
      }
      case 'slice': {
        const elem = this.tyOf(e.elem, s);
        return refusedIn(elem) ?? { k: 'slice', elem };
      }
      case 'tuple':
        return { k: 'tuple', elems: e.elems.map((x) => this.tyOf(x, s)) };
      case 'fnptr': {
        // The pointer is 8 bytes whatever its signature, but rustc refuses a name found nowhere in
        // it (`fn(Strng)`) and a `...` without a C-like ABI (E0045).
        if (e.variadic === 'rust') return { k: 'error', code: 'E0045', message: 'C-variadic function must have a compatible calling convention, like `C`' };
        const tys: Ty[] = [];
        for (const x of e.inner ?? []) {
          const t = this.tyOf(x, s);
          const r = refusedIn(t);
          if (r) return r;
          tys.push(t);
        }
        if (e.variadic === 'other') return { k: 'unknown', reason: 'whether this calling convention allows a `...` parameter is not known here' };
        if (e.params === undefined || e.variadic) return { k: 'fnptr' };
        const sig: FnSig = {
          params: tys.slice(0, e.params),
          ret: e.retNever ? 'never' : tys[e.params],
          safeRust: !e.unsafe && (e.abi === undefined || e.abi === 'Rust'),
          namesLifetime: (e.inner ?? []).some((x) => namesLifetime(x, 0)),
        };
        return { k: 'fnptr', sig };
      }
      case 'never':
        // `!` as a type (not a function's return type) is unstable.
        if (!s.m.crate.isStd && !crateFeatures(s.m.crate).has('never_type')) return { k: 'error', code: 'E0658', message: 'the `!` type is experimental (the crate root needs `#![feature(never_type)]`, on nightly)' };
        return { k: 'never' };
      case 'dyn':
      {
        if (e.bounds.every((b) => b.trim() === '')) {
          // A bare `dyn`: in the 2015 edition not a keyword but a name (`pub struct dyn(u16);`),
          // from 2018 on a trait object without a trait.
          if (s.m.crate.input.edition === '2015') return this.tyOf({ kind: 'path', segments: [{ name: 'dyn', args: [] }], global: false, span: e.span }, s);
          return { k: 'error', code: 'E0224', message: 'at least one trait is required for an object type (`dyn` alone)' };
        }
        // `Box<Fn(u8)>`, `Box<Tr + Send>`: an error from the 2021 edition on, a warning before.
        const ed = s.m.crate.input.edition;
        if (e.bare && !s.m.crate.isStd && ed !== '2015' && ed !== '2018') return { k: 'error', code: 'E0782', message: `trait objects must include the \`dyn\` keyword (\`dyn ${e.bounds.join(' + ')}\`)` };
        const traits = s.m.crate.isStd ? undefined : this.dynTraits(e.bounds, e.args, s.m);
        const { supers, unsure: superUnsure, crateHas } = s.m.crate.isStd ? { supers: [], unsure: false, crateHas: [] } : this.dynStdSupertraits(e.bounds, s.m);
        // Std's auto traits written in the bounds (`dyn Fn() + Send + Sync`): the object has them.
        const autos = s.m.crate.isStd ? [] : e.bounds.filter((b) => ['Send', 'Sync', 'Unpin'].includes(lastSegment(b)) && this.namesStdTrait(b, s.m)).map((b) => lastSegment(b));
        // `dyn Future<Output = T>`: std's `Future` by a path that cannot name another trait (not
        // through another crate's glob: futures 0.1 has a `Future` of its own).
        const future = !s.m.crate.isStd && e.bounds.some((b) => lastSegment(b) === 'Future' && bareObjectStdTrait(b, s.m, this.resolver) !== undefined);
        const std = s.m.crate.isStd ? undefined : this.stdObjectTraits(e.bounds, s.m);
        const crateTraits = s.m.crate.isStd || std ? undefined : this.crateObjectTraits(e.bounds, s.m);
        return (s.m.crate.isStd ? undefined : this.dynError(e.bounds, e.args, s.m) ?? this.dynInnerError(e, s) ?? this.objectLifetimeError(e, s)) ?? { k: 'dyn', text: `dyn ${e.bounds.join(' + ')}`, ...(traits ? { traits } : {}), ...(autos.length ? { autos } : {}), ...(supers.length ? { supers } : {}), ...(future ? { future: true as const } : {}), ...(std ? { std } : {}), ...(superUnsure ? { superUnsure: true as const } : {}), ...(crateTraits ? { crateTraits } : {}), ...(crateHas.length ? { crateHas } : {}) };
      }
      case 'impl':
        // rustc refuses both wherever a field's type holds them (E0562, E0121), in a `Vec<_>` too;
        // in a type alias `impl Trait` is unstable (E0658, `type_alias_impl_trait`).
        if (s.inAlias) {
          if (crateFeatures(s.m.crate).has('type_alias_impl_trait')) return { k: 'unknown', reason: '`impl Trait` in a type alias (`type_alias_impl_trait`): its hidden type is not read' };
          return { k: 'error', code: 'E0658', message: '`impl Trait` in type aliases is unstable (the crate root needs `#![feature(type_alias_impl_trait)]`, on nightly)' };
        }
        return { k: 'error', code: 'E0562', message: '`impl Trait` is not allowed in the type of a field' };
      case 'infer':
        return { k: 'error', code: 'E0121', message: 'the placeholder `_` is not allowed within types on item signatures' };
      case 'macro':
        return { k: 'unknown', reason: e.pending ?? `type written by the macro \`${e.text.split('!')[0]}!\`` };
      case 'unknown':
        return { k: 'unknown', reason: `could not read the type \`${short(e.text)}\`` };
      case 'path':
        return this.pathTy(e, s);
    }
  }

  /** A trait named where a type goes (`Box<Write>`, 2015 and 2018 editions): checked as `dyn` is. */
  private bareTraitObject(last: readonly GenericArg[], text: string, span: Span, s: TyScope): Ty {
    const args = last.map((a) => (a.kind === 'binding' ? `${a.name} = _` : a.kind === 'lifetime' ? a.name : '_')).join(', ');
    const inner = last.flatMap((a) => (a.kind === 'type' || a.kind === 'binding' ? [a.ty] : []));
    return this.tyOf({ kind: 'dyn', bounds: [text], args: [args], ...(inner.length ? { inner } : {}), bare: true, span }, s);
  }

  private pathTy(e: Extract<TypeExpr, { kind: 'path' }>, s: TyScope): Ty {
    // Half-typed code (`a: ::,`) can leave a path with no segment at all.
    if (e.segments.length === 0) return { k: 'unknown', reason: 'could not read the type (an empty path)' };
    const segs = e.segments.map((x) => x.name);
    const text = segs.join('::');
    const ed = s.m.crate.input.edition;
    if (!e.qualified && !s.m.crate.isStd && (ed === '2015' || ed === '2018')) {
      // A std trait named where a type goes: a trait object without `dyn` (a warning before 2021).
      const trait = bareObjectStdTrait(`${e.global ? '::' : ''}${text}`, s.m, this.resolver);
      if (trait) return this.bareTraitObject(e.segments[e.segments.length - 1]!.args, trait, e.span, s);
    }
    if (e.qualified) {
      // `<T as Trait>::Name`: T's impl of that trait, in its crate or this one.
      const selfTy = e.qself && segs.length === 2 ? this.tyOf(e.qself.ty, s) : undefined;
      // The trait as written (`qself.trait` keeps its last segment only): `<X as iter::Iterator>`.
      const traitPath = /\bas\s+((?:::)?[\w\s:]+?)\s*(?:<[^]*)?>$/.exec(segs[0]!)?.[1]?.replace(/\s+/g, '');
      const stdOp = !!e.qself?.trait && RHS_SELF_OPS.has(e.qself.trait) && !!traitPath && this.namesStdTrait(traitPath, s.m);
      const traitArgs = selfTy && e.qself!.trait ? this.qualifiedTraitArgs(e.qself!, selfTy, stdOp, s) : undefined;
      const argsKnown = traitArgs !== undefined || !(e.qself?.traitArgs ?? []).some((a) => a.kind !== 'lifetime') ? 'qualified' : false;
      const found = selfTy ? this.projection(selfTy, segs[1]!, s, e.qself?.trait ? (traitPath ?? e.qself.trait) : undefined, traitArgs, stdOp, argsKnown) : undefined;
      if (found) return found;
      const viaStd = selfTy && traitPath && this.namesStdTrait(traitPath, s.m) ? this.stdTraitAssoc(selfTy, traitPath.split('::').pop()!, segs[1]!) : undefined;
      // A self type that is, or holds, an unknown type says why (`<ffi::ctx_t as Ptr>::Inner`
      // with `ffi::ctx_t` not found): the impl that would answer cannot be told.
      const unknownSelf = !viaStd && selfTy ? unknownWithin(selfTy) : undefined;
      if (unknownSelf) return unknownSelf;
      return viaStd ?? { k: 'unknown', reason: `associated type \`${text}\`: its layout depends on a trait impl` };
    }
    const last = e.segments[e.segments.length - 1]!;
    if (segs.length === 1 && !e.global) {
      const g = s.generics.get(last.name);
      if (g) return g.k === 'ty' ? g.ty : { k: 'unknown', reason: `const \`${last.name}\` used as a type` };
      if (last.name === 'Self') return s.self ?? { k: 'unknown', reason: '`Self` outside a type definition' };
    }
    if (segs.length >= 2 && !e.global && s.generics.has(segs[0]!)) {
      // `R::Text` with `R` a type of this crate graph whose trait impl defines `Text`; through
      // R's bounds with arguments first (`U: ArrayLength<T>`: that trait's impl, with T).
      const g = s.generics.get(segs[0]!)!;
      // Through the parameter's bounds; without any trait only when it has no bound that could
      // name it (an impl of an unrelated trait of the argument is not the one: `I: Iterator` with
      // `I = &mut X` and `impl Foo for &X { type Item = .. }`).
      // (A crate trait's bound may name it through a supertrait, `T: BufferKindUser` for
      // `BlockSizeUser::BlockSize`: the impl found without a trait answers then.)
      const p = s.params?.find((q) => q.kind === 'type' && q.name === segs[0]);
      const bounded =
        p?.kind === 'type' &&
        (p.bounds?.length || p.traits?.length) &&
        [...(p.traits ?? []), ...(p.bounds ?? []).map((b) => writtenPath(b) ?? '')].every((t) => t !== '' && this.namesStdTrait(t, s.m));
      const found =
        segs.length === 2 && g.k === 'ty'
          ? (this.boundProjection(g.ty, segs[0]!, segs[1]!, s) ?? this.traitBoundProjection(g.ty, segs[0]!, segs[1]!, s) ?? this.stdBoundProjection(g.ty, segs[0]!, segs[1]!, s) ?? (bounded ? undefined : this.projection(g.ty, segs[1]!, s)))
          : undefined;
      return found ?? { k: 'unknown', reason: `associated type \`${text}\`: its layout depends on a trait impl` };
    }
    if (segs[0] === 'Self' && segs.length >= 2) {
      const found = segs.length === 2 && s.self ? this.projection(s.self, segs[1]!, s) : undefined;
      return found ?? { k: 'unknown', reason: `associated type \`${text}\`` };
    }
    const b = this.resolver.resolveTypePath(s.m, segs, e.global);
    if (!b) return this.notFound(s.m, segs, e.global);
    if (segs.length > 1 && !s.m.crate.isStd) {
      const hidden = this.privateStep(s.m, segs, b);
      if (hidden) return { k: 'error', code: 'E0603', message: hidden };
    }
    if (segs.length === 1 && !s.m.crate.isStd) {
      // Imported by a `use` whose path steps into what is private to it (`use m::Private;`):
      // rustc refuses the import (E0603), and the crate with it.
      const u = s.m.uses.find((x) => !x.glob && x.path.length > 1 && (x.alias ?? x.path[x.path.length - 1]) === segs[0]);
      const hidden = u ? this.privateStep(s.m, u.path, b) : undefined;
      if (hidden) return { k: 'error', code: 'E0603', message: `${hidden} (imported by \`use ${u!.path.join('::')}\`)` };
    }
    if (b.k === 'item' && b.item.kind === 'alias' && !s.m.crate.isStd && b.m.crate === s.m.crate) {
      const hidden = this.aliasHides(b.item, b.m, s.m, 0);
      if (hidden) return { k: 'error', code: 'type_private', message: `type \`${hidden}\` is private (named through a type alias where it is not visible)` };
    }
    return this.bindingTy(b, last.args, s, text, e.span);
  }

  /**
   * A struct, enum or union of the crate that a type alias's definition names (through the aliases
   * it names too, not through its parameters) and that `viewer` cannot see: rustc's type privacy
   * refuses the alias's use there (`m::Alias` with `pub type Alias = Private;` inside `m`: "type
   * `Private` is private"), whatever the alias's own visibility.
   */
  private aliasHides(alias: TypeAliasDef, m: ModuleScope, viewer: ModuleScope, depth: number): string | undefined {
    if (!alias.ty || depth > 8) return undefined;
    const params = new Set(alias.generics.params.map((p) => p.name));
    const walk = (te: TypeExpr, d: number): string | undefined => {
      if (d > 32) return undefined;
      switch (te.kind) {
        case 'ref':
        case 'ptr':
          return walk(te.inner, d + 1);
        case 'array':
        case 'slice':
          return walk(te.elem, d + 1);
        case 'tuple':
          for (const x of te.elems) {
            const r = walk(x, d + 1);
            if (r) return r;
          }
          return undefined;
        case 'path': {
          for (const g of te.segments) {
            for (const a of g.args) {
              const r = a.kind === 'type' || a.kind === 'binding' ? walk(a.ty, d + 1) : undefined;
              if (r) return r;
            }
          }
          if (te.qualified || (te.segments.length === 1 && params.has(te.segments[0]!.name))) return undefined;
          let b: Binding | undefined;
          try {
            b = this.resolver.resolveTypePath(m, te.segments.map((x) => x.name), te.global);
          } catch {
            return undefined;
          }
          if (b?.k !== 'item' || b.m.crate !== viewer.crate || b.item.kind === 'trait') return undefined;
          if (b.item.kind === 'alias') return this.aliasHides(b.item, b.m, viewer, depth + 1);
          return visibleFrom(b.item.vis, b.m, viewer) ? undefined : b.item.name;
        }
        default:
          return undefined;
      }
    };
    return walk(alias.ty, 0);
  }

  /**
   * A path through the crate's own modules (`m::inner::P`, `crate::m::P`, `super::P`) that names a
   * module or type its visibility hides from `m` (rustc's E0603), with rustc's message; undefined
   * when every step is visible, and when a step is not a module or item written there (an
   * import, a re-export, another crate's), which this does not judge.
   */
  private privateStep(m: ModuleScope, segs: readonly string[], b: Binding): string | undefined {
    if (b.k !== 'item' || b.m.crate !== m.crate) return undefined;
    let cur: ModuleScope | undefined;
    let i = 0;
    const first = segs[0]!;
    if (first === 'crate') {
      cur = m.crate.root;
      i = 1;
    } else if (first === 'self' || first === 'super') {
      cur = enclosingModule(m);
      if (first === 'self') i = 1;
    } else {
      // A child module of `m`, as the lexical lookup finds it.
      const head = this.resolver.firstSegment(m, first);
      if (head?.k !== 'module' || head.m !== m.children.get(first)) return undefined;
      cur = head.m;
      i = 1;
    }
    for (; segs[i] === 'super'; i++) {
      cur = cur?.parent;
      if (!cur) return undefined;
    }
    for (; i < segs.length - 1; i++) {
      const child: ModuleScope | undefined = cur.children.get(segs[i]!);
      if (!child || child.pending || child.missing) return undefined;
      if (!visibleFrom(child.vis, cur, m)) return `module \`${segs[i]}\` is private`;
      cur = child;
    }
    if (cur.pending || cur.types.get(segs[segs.length - 1]!) !== b.item) return undefined;
    const kind = b.item.kind === 'alias' ? 'type alias' : b.item.kind;
    return visibleFrom(b.item.vis, cur, m) ? undefined : `${kind} \`${segs[segs.length - 1]}\` is private`;
  }

  /**
   * `<T as Trait>::Name` for a std trait whose impls the std model writes down (`<Vec<u8> as
   * IntoIterator>::IntoIter`, `<I as Iterator>::Item`): through its `rll_assoc` structs
   * (`IntoIterator::Item` is the `Item` of the `IntoIter`, `ItemOf<IntoIterOf<T>>`). Undefined
   * for another trait or name.
   */
  private stdTraitAssoc(self: Ty, trait: string, name: string): Ty | undefined {
    const chain = STD_TRAIT_ASSOC.get(trait)?.get(name);
    if (!chain) return undefined;
    let wrapped: Ty = self;
    for (const holder of chain) {
      const b = this.resolver.resolveUse(this.resolver.std.root, ['assoc', holder], false);
      if (b?.k !== 'item' || b.item.kind !== 'struct') return undefined;
      wrapped = { k: 'adt', def: { item: b.item, m: b.m }, args: [{ k: 'ty', ty: wrapped }] };
    }
    try {
      return this.assocTy(wrapped as Extract<Ty, { k: 'adt' }>, name);
    } catch (err) {
      if (err instanceof Abstain) return { k: 'unknown', reason: err.message };
      if (err instanceof LayoutError) return errTy(err);
      throw err;
    }
  }

  /**
   * Whether a trait path written in module `m` names std's trait of that name: the prelude's
   * (`Iterator`, when nothing of the crate graph is named so there) or one written from `std`,
   * `core` or `alloc` (`std::iter::IntoIterator`) when that first segment is not a module or crate
   * of the graph's own. Any other path (`iter::Iterator`, `crate::..`) is a crate's trait.
   */
  /**
   * What rustc refuses in a trait object's bounds (measured, rustc 1.95): a second trait that is
   * not an auto trait (E0225); a std trait that is not dyn compatible (`dyn Clone`, E0038), whose
   * `Rhs` defaults to `Self` (`dyn PartialEq`, E0393), or whose associated types are not given
   * (`dyn Iterator`, E0191). A crate's own traits are not checked (their items are not read).
   */
  private dynError(bounds: readonly string[], args: readonly string[] | undefined, m: ModuleScope): Ty | undefined {
    // `dyn Vec`, `Box<Vec(u8)>`: a type where a trait goes (E0404; E0214 with parentheses).
    for (const path of bounds) {
      if (!/^(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/.test(path)) continue;
      let r: Binding | undefined;
      try {
        const global = path.startsWith('::');
        r = this.resolver.traitPath(path, m) ?? this.resolver.resolveTypePath(m, path.replace(/^::/, '').split('::'), global);
      } catch {
        continue;
      }
      if (r?.k === 'item' && r.item.kind !== 'trait') return { k: 'error', code: 'E0404', message: `expected trait, found ${r.item.kind === 'alias' ? 'type alias' : r.item.kind} \`${path}\` (in a trait object)` };
    }
    const nonAuto = bounds.map((name, i) => ({ path: name, args: args?.[i] ?? '' })).filter((b) => b.path && !AUTO_TRAITS.has(b.path.split('::').pop()!));
    if (nonAuto.length > 1) {
      return { k: 'error', code: 'E0225', message: `only auto traits can be used as additional traits in a trait object (\`${nonAuto[0]!.path}\` and \`${nonAuto[1]!.path}\`)` };
    }
    const b = nonAuto[0];
    if (b !== undefined && !this.namesStdTrait(b.path, m)) return this.crateTraitObject(b.path, b.args, m);
    if (b === undefined) return undefined;
    // Its own name where a `use` renamed it (`use std::error::Error as StdError;`).
    const written = b.path.split('::').pop()!;
    const bound = b.path.includes('::') ? undefined : this.resolver.lookupIn(m, written);
    const renamed = b.path.includes('::') ? undefined : m.uses.find((u) => !u.glob && u.alias === written);
    const name = bound?.k === 'item' && bound.item.kind === 'trait' ? bound.item.name : renamed ? renamed.path[renamed.path.length - 1]! : written;
    // A path through std to a trait not listed here may name none (`dyn std::fmt::Foo`: E0405),
    // an unstable one (`dyn std::iter::TrustedLen`: E0658) or one that cannot be an object.
    const foundNowhere = !b.path.includes('::') && this.resolver.lookupIn(m, b.path) === undefined && !preludeTraits(m).has(name);
    if (!KNOWN_STD_OBJECT_TRAITS.has(name) && !foundNowhere) return { k: 'unknown', reason: `whether \`dyn ${b.path}\` is a valid trait object is not known here (\`${name}\` is not a std trait this extension judges)` };
    const typeArgs = topLevelParts(b.args).filter((p) => p.trim() !== '' && !/^\s*[A-Za-z_]\w*\s*=(?!=)/.test(p) && !/^\s*'/.test(p));
    if (typeArgs.length === 0 && NEEDS_TYPE_ARG.has(name)) return { k: 'error', code: 'E0107', message: `missing generics for trait \`${name}\`` };
    if (typeArgs.length === 0 && RHS_DEFAULTS_TO_SELF.has(name)) {
      return { k: 'error', code: 'E0393', message: `the type parameter \`${name === 'Sum' || name === 'Product' ? 'A' : 'Rhs'}\` of \`${name}\` must be explicitly specified (it defaults to \`Self\`)` };
    }
    if (NOT_DYN_COMPATIBLE.has(name)) return { k: 'error', code: 'E0038', message: `the trait \`${name}\` is not dyn compatible` };
    // `Fn<(u8,)>`: the Fn family written with angle brackets is unstable.
    if ((name === 'Fn' || name === 'FnMut' || name === 'FnOnce') && b.args !== '' && !crateFeatures(m.crate).has('unboxed_closures')) {
      return { k: 'error', code: 'E0658', message: `the precise format of \`Fn\`-family traits' type parameters is subject to change (\`${name}<${b.args}>\`; use \`${name}(..)\`)` };
    }
    const known = DYN_ASSOC_NEEDED[name];
    const stray = known && topLevelParts(b.args).map((p) => /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(p)?.[1]).find((x) => x !== undefined && !known.includes(x));
    if (stray) return { k: 'error', code: 'E0220', message: `associated type \`${stray}\` not found for \`${name}\`` };
    for (const a of DYN_ASSOC_NEEDED[name] ?? []) {
      if (!new RegExp(`(?:^|[,<\\s])${a}\\s*=`).test(b.args)) return { k: 'error', code: 'E0191', message: `the value of the associated type \`${a}\` in \`${name}\` must be specified` };
    }
    return undefined;
  }

  /**
   * Whose parameters the lifetime rules judge a type written in `s` by: the item's own, or in a
   * type alias's right-hand side, those of the item its use is written in, with the alias's
   * parameters replaced by what that use writes (TyScope.aliasUse). Undefined where nothing is
   * judged: in std, in a registry or git dependency (it compiled), in an alias seen without a use.
   */
  private lifetimeView(s: TyScope): LifetimeView | undefined {
    if (s.inAlias) return s.aliasUse;
    if (s.m.crate.isStd || s.m.crate.capLints) return undefined;
    return { params: s.params ?? [], m: s.m };
  }

  /** The view of a type alias's right-hand side at one use (TyScope.aliasUse): undefined when the use binds nothing or is not judged. */
  private aliasUseOf(params: readonly GenericParam[], args: readonly GenericArg[], s: TyScope): LifetimeView | undefined {
    const outer = this.lifetimeView(s);
    if (!outer) return undefined;
    const written = outer.subst ? args.map((a) => substituteArg(a, outer.subst!)) : args;
    const lifetimes = written.filter((a) => a.kind === 'lifetime');
    const others = written.filter((a) => a.kind === 'type' || a.kind === 'const');
    const subst = new Map<string, GenericArg>();
    params.filter((p) => p.kind === 'lifetime').forEach((p, i) => lifetimes[i] && subst.set(p.name, lifetimes[i]));
    params.filter((p) => p.kind !== 'lifetime').forEach((p, i) => others[i] && subst.set(p.name, others[i]));
    return subst.size ? { params: outer.params, m: outer.m, subst } : undefined;
  }

  /**
   * `&'static T` asks `T: 'static`: rustc refuses it when T names a lifetime parameter of the item
   * that may be shorter (`&'static &'a u8`, `&'static dyn Fn(&'a u8)`: E0491) or one of its type
   * parameters whose bounds do not give `'static` (`&'static U`: E0310). In a type alias, as its
   * use sees it (TyScope.aliasUse: `type R<T> = &'static T;` and `R<U>`).
   */
  private staticRefRefused(e: Extract<TypeExpr, { kind: 'ref' }>, s: TyScope): Ty | undefined {
    // (`&'static`: neither elided nor naming another lifetime.)
    if (e.elided || e.lifetime !== undefined) return undefined;
    const view = this.lifetimeView(s);
    if (!view) return undefined;
    const inner = view.subst ? substituteParams(e.inner, view.subst) : e.inner;
    for (const l of lifetimesNamedIn(inner)) {
      if (shortIn(l, view)) return { k: 'error', code: 'E0491', message: `a \`&'static\` reference to a type naming \`${l}\`, which may be shorter: the reference has a longer lifetime than the data it references` };
    }
    const param = view.params.find((p) => p.kind === 'type' && nameUse(inner, p.name, 0) === 'yes' && this.paramMayBeShort(p, view.params, view.m));
    if (param) return { k: 'error', code: 'E0310', message: `the parameter type \`${param.name}\` may not live long enough (a \`&'static\` reference to it asks \`${param.name}: 'static\`)` };
    return undefined;
  }

  /**
   * `dyn Any + 'a`: a trait object whose trait asks `'static` of its types (`Any`, or a crate's
   * `trait Tr: 'static`, supertraits followed) may not be bounded by a shorter lifetime, here a
   * lifetime parameter of the item without `'a: 'static` (rustc's E0478). In a type alias's
   * right-hand side, which rustc checks at each use, where the use binds `'a` to such a one
   * (TyScope.aliasUse).
   */
  private objectLifetimeError(e: Extract<TypeExpr, { kind: 'dyn' }>, s: TyScope): Ty | undefined {
    // `dyn Debug + 'static + 'static`, `dyn Tr + 'a + 'b`.
    if (e.secondLifetime !== undefined) return { k: 'error', code: 'E0226', message: `only a single explicit lifetime bound is permitted (\`${e.objectLifetime}\` and \`${e.secondLifetime}\` on a trait object)` };
    // `dyn Iterator<Item = u8, Item = u16>`: an associated type bound twice (E0719).
    for (const a of e.args ?? []) {
      const names = a.split(',').flatMap((part) => /^\s*(?:r#)?([A-Za-z_]\w*)\s*=(?!=)/.exec(part)?.[1] ?? []);
      const twice = names.find((x, i) => names.indexOf(x) !== i);
      if (twice !== undefined && !/[<([]/.test(a)) return { k: 'error', code: 'E0719', message: `the value of the associated type \`${twice}\` is already specified (in a trait object's bound)` };
    }
    const view = e.objectLifetime === undefined ? undefined : this.lifetimeView(s);
    const written = view?.subst && e.objectLifetime !== undefined ? view.subst.get(e.objectLifetime) : undefined;
    const lt = written?.kind === 'lifetime' ? written.name : e.objectLifetime;
    if (!view || lt === undefined || !shortIn(lt, view)) return undefined;
    const principal = e.bounds.find((b) => b.trim() !== '' && !AUTO_TRAITS.has(lastSegment(b)));
    if (principal === undefined || this.traitOutlivesStatic(principal, s.m, new Set()) !== 'yes') return undefined;
    return { k: 'error', code: 'E0478', message: `lifetime bound not satisfied: \`${principal}\` asks \`'static\` of its types, and \`${lt}\` may be shorter` };
  }

  /**
   * Whether a trait asks `'static` of the types that have it: std's `Any`, or `trait Tr: 'static`,
   * supertraits followed; 'unknown' for a trait not found or whose supertraits are not all read.
   */
  private traitOutlivesStatic(path: string, m: ModuleScope, seen: Set<TraitDef>): 'yes' | 'no' | 'unknown' {
    if (this.namesStdTrait(path, m)) return lastSegment(path) === 'Any' ? 'yes' : 'no';
    let r: Binding | undefined;
    try {
      r = this.resolver.traitPath(path, m);
    } catch {
      return 'unknown';
    }
    if (r?.k !== 'item' || r.item.kind !== 'trait' || r.m.crate.isStd) return 'unknown';
    if (seen.has(r.item)) return 'no';
    if (seen.size > 16) return 'unknown';
    seen.add(r.item);
    if (r.item.outlivesStatic) return 'yes';
    let verdict: 'no' | 'unknown' = 'no';
    for (const st of [...(r.item.superTraits ?? []), ...(r.item.superBounds ?? []).map((b) => writtenPath(b) ?? '?')]) {
      const v = this.traitOutlivesStatic(st, r.m, seen);
      if (v === 'yes') return 'yes';
      if (v === 'unknown') verdict = 'unknown';
    }
    return verdict;
  }

  /**
   * Whether a type parameter may certainly be shorter-lived than `'static` (rustc's E0310 where
   * `'static` is asked of it): none of its bounds is `'static`, a lifetime that outlives it, or a
   * trait that asks it (`U: Any`); false where that is not known (a bound not read, a trait not found).
   */
  private paramMayBeShort(p: GenericParam, params: readonly GenericParam[], m: ModuleScope): boolean {
    if (p.kind !== 'type' || p.staticBound || p.projectionBounds) return false;
    for (const l of p.outlives ?? []) {
      const q = params.find((x) => x.kind === 'lifetime' && x.name === l);
      if (q?.kind !== 'lifetime' || q.outlivesStatic) return false;
    }
    // Bounds kept as written: only the `Fn` family's, read, are known not to ask `'static`.
    if ((p.otherBounds?.length ?? 0) > (p.fnBounds?.length ?? 0)) return false;
    const paths = [...(p.traits ?? []), ...(p.bounds ?? []).map((b) => writtenPath(b) ?? '?')];
    return paths.every((t) => this.traitOutlivesStatic(t, m, new Set()) === 'no');
  }

  /**
   * `dyn Tr` for a trait of a crate: rustc refuses it when the trait is not dyn compatible
   * (E0038), when an associated type of it or of a supertrait is not bound (E0191), or when its
   * parameters need arguments (E0107, E0393). Undefined when none of that holds or the trait is
   * not a crate's; unknown when that is not known here.
   */
  private crateTraitObject(path: string, args: string, m: ModuleScope): Ty | undefined {
    const r = this.resolver.traitPath(path, m);
    if (r?.k !== 'item' || r.item.kind !== 'trait' || r.m.crate.isStd) return undefined;
    const name = path.split('::').pop()!;
    const v = this.traitDynVerdict(r.item, r.m, new Set());
    if (v.error) return { k: 'error', code: 'E0038', message: `the trait \`${name}\` is not dyn compatible: ${v.error}` };
    if (v.unsure) return { k: 'unknown', reason: `whether the trait \`${name}\` can be made into an object is not known here: ${v.unsure}` };
    const needs = r.item.dyn?.needsArgs;
    if (needs && args === '') {
      return needs === 'missing'
        ? { k: 'error', code: 'E0107', message: `missing generics for trait \`${name}\`` }
        : { k: 'error', code: 'E0393', message: `a type parameter of \`${name}\` must be explicitly specified (its default names \`Self\`)` };
    }
    const bound = new Set(topLevelParts(args).map((p) => /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(p)?.[1]));
    const missing = v.assoc.find((a) => !bound.has(a));
    if (missing) return { k: 'error', code: 'E0191', message: `the value of the associated type \`${missing}\` in \`${name}\` must be specified` };
    return undefined;
  }

  /**
   * What a crate's trait, its supertraits followed, says of `dyn Trait`: why rustc refuses it
   * (`error`), why that is not known (`unsure`), or the associated types an object must bind.
   */
  private traitDynVerdict(trait: TraitDef, m: ModuleScope, seen: Set<TraitDef>): { error?: string; unsure?: string; assoc: string[] } {
    if (seen.has(trait)) return { assoc: [] };
    seen.add(trait);
    const macroAttr = trait.attrs.find((a) => !INERT_ATTRS.has(a.name));
    if (macroAttr) return { unsure: `the attribute \`#[${macroAttr.name}]\` on \`${trait.name}\` may rewrite its items`, assoc: [] };
    const f = trait.dyn;
    if (f?.incompatible) return { error: f.incompatible, assoc: [] };
    let unsure = f?.unsure;
    const assoc = [...(f?.assocTypes ?? [])];
    const supers: { path: string; args: readonly GenericArg[] }[] = [
      ...(trait.superTraits ?? []).map((path) => ({ path, args: [] as readonly GenericArg[] })),
      ...(trait.superBounds ?? []).flatMap((b) => (b.kind === 'path' ? [{ path: writtenPath(b) ?? '?', args: b.segments[b.segments.length - 1]!.args }] : [])),
    ];
    for (const st of supers) {
      const last = st.path.split('::').pop()!;
      if (this.namesStdTrait(st.path, m)) {
        if (last === 'Sized') return { error: `it requires \`Self: Sized\``, assoc: [] };
        if (NOT_DYN_COMPATIBLE.has(last) || ((last === 'PartialEq' || last === 'PartialOrd') && st.args.length === 0)) return { error: `its supertrait \`${last}\` is not dyn compatible`, assoc: [] };
        const needed = DYN_ASSOC_NEEDED[last];
        if (needed) assoc.push(...needed.filter((a) => !st.args.some((x) => x.kind === 'binding' && x.name === a)));
        else if (!DYN_SUPERTRAITS_OK.has(last)) unsure ??= `its supertrait \`${st.path}\` is not judged here`;
        continue;
      }
      const r = this.resolver.traitPath(st.path, m);
      if (r?.k !== 'item' || r.item.kind !== 'trait' || r.m.crate.isStd) {
        unsure ??= `its supertrait \`${st.path}\` is not read here`;
        continue;
      }
      if (st.args.length) unsure ??= `its supertrait \`${st.path}\` is written with arguments`;
      const sub = this.traitDynVerdict(r.item, r.m, seen);
      if (sub.error) return { error: `its supertrait \`${last}\` is not dyn compatible (${sub.error})`, assoc: [] };
      unsure ??= sub.unsure;
      assoc.push(...sub.assoc);
    }
    return { ...(unsure ? { unsure } : {}), assoc };
  }

  private namesStdTrait(path: string, m: ModuleScope): boolean {
    const global = path.startsWith('::');
    const segs = path.replace(/^::/, '').split('::');
    const isStdBinding = (b: Binding | undefined) => b === undefined || (b.k === 'module' && b.m.crate.isStd) || (b.k === 'item' && b.m.crate.isStd) || (b.k === 'extern' && ['std', 'core', 'alloc'].includes(b.name));
    if (segs.length === 1) return !global && isStdBinding(this.resolver.lookupIn(m, segs[0]!));
    if (!['std', 'core', 'alloc'].includes(segs[0]!)) {
      // `fmt::Debug` after `use std::fmt;`: a std module imported by name.
      const head = global ? undefined : this.resolver.lookupIn(m, segs[0]!);
      return head?.k === 'module' && head.m.crate.isStd;
    }
    return global || isStdBinding(this.resolver.lookupIn(m, segs[0]!));
  }

  /**
   * `<Self as Trait>::name` where `self` is a type of a crate (not std) whose trait impls define
   * an associated type `name`: that type, with the impl's parameters bound to `self`'s arguments.
   * Undefined (the caller abstains) unless exactly one impl of the type's crate, or of the crate
   * asking, defines it and its self type is the type applied to plain parameters
   * (`impl<'c> RegularExpression for ExecNoSyncStr<'c>`, `impl<E> FileHeader for FileHeader64<E>`):
   * two traits may name an associated type alike, and the trait bound that tells them apart is
   * not read.
   */
  /**
   * `P::name` where the parameter P has bounds with generic arguments (`U: ArrayLength<T>`):
   * the projection through the first of them an impl answers, with the bound's arguments
   * (evaluated where the bound is written) matched against the impl's trait arguments.
   */
  private boundProjection(self: Ty, param: string, name: string, s: TyScope): Ty | undefined {
    const p = s.params?.find((q) => q.kind === 'type' && q.name === param);
    if (p?.kind !== 'type' || !p.bounds) return undefined;
    // `T: Iterator<Item = u8>`: the bound says what `T::Item` is (rustc normalizes through it),
    // whatever the argument. Only when one binding of that name is written.
    const bound = p.bounds.flatMap((b) => (b.kind === 'path' ? b.segments[b.segments.length - 1]!.args : [])).filter((a) => a.kind === 'binding' && a.name === name);
    if (bound.length === 1 && bound[0]!.kind === 'binding') return this.tyOf(bound[0]!.ty, s);
    for (const b of p.bounds) {
      if (b.kind !== 'path') continue;
      const last = b.segments[b.segments.length - 1]!;
      const args: GArg[] = [];
      for (const a of last.args) {
        if (a.kind === 'lifetime') continue;
        if (a.kind !== 'type') return undefined;
        args.push({ k: 'ty', ty: this.tyOf(a.ty, s) });
      }
      const found = this.projection(self, name, s, writtenPath(b)!, args);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The trait's arguments of `<X as Tr<A, ..>>::Name`, evaluated where it is written; for std's
   * operator traits written without them (`<X as Sub>`), `Rhs` is their default, `Self`.
   * Undefined when there are none (a lifetime is none), or when one is not a plain known type: the
   * impls are then told apart by their self type alone.
   */
  private qualifiedTraitArgs(q: NonNullable<Extract<TypeExpr, { kind: 'path' }>['qself']>, self: Ty, stdOp: boolean, s: TyScope): GArg[] | undefined {
    const written = (q.traitArgs ?? []).filter((a) => a.kind !== 'lifetime');
    if (written.length === 0) return stdOp ? [{ k: 'ty', ty: self }] : undefined;
    const args: GArg[] = [];
    for (const a of written) {
      if (a.kind !== 'type') return undefined;
      const ty = this.tyOf(a.ty, s);
      if (ty.k === 'unknown' || ty.k === 'error' || ty.k === 'param') return undefined;
      args.push({ k: 'ty', ty });
    }
    return args;
  }

  /**
   * `stdOp`: the trait is one of std's operator traits (`RHS_SELF_OPS`), as named where the
   * projection is written. `argsKnown`: false when the trait's arguments were written but one is
   * not a known type (`traitArgs` is then undefined too); 'qualified' for `<X as Tr<..>>::name`
   * (a trait no impl of which applies is then rustc's E0277).
   */
  private projection(self: Ty, name: string, s: TyScope, trait?: string, traitArgs?: readonly GArg[], stdOp = false, argsKnown: boolean | 'qualified' = true): Ty | undefined {
    return (
      this.directProjection(self, name, s, trait, traitArgs, stdOp) ??
      (trait !== undefined && !traitArgs?.length ? this.blanketProjection(self, name, s, trait) : undefined) ??
      (trait !== undefined && argsKnown !== false ? this.selectedProjection(self, name, s, trait, traitArgs, argsKnown === 'qualified') : undefined)
    );
  }

  /** A crate's trait impls by trait, per crate (src/core/implSelect.ts). */
  private traitImplsMemo?: TraitImpls;
  private selectHostMemo?: SelectHost;

  private get selectHost(): SelectHost {
    return (this.selectHostMemo ??= {
      resolver: this.resolver,
      ty: (te, m, generics) => this.tyOf(te, { m, generics }),
      len: (e, m, generics) => {
        const v = this.consts.tryConst(e, { m, generics }, this.consts.usize());
        return v instanceof Error ? undefined : v;
      },
      sized: (ty) => this.boundHost.sized(ty),
      bounds: this.boundHost,
    });
  }

  /**
   * `<X as Tr<A, ..>>::name` for a crate's trait `Tr`, from the one impl of it that applies to X
   * and those arguments, matched over every impl the crates that may hold one have
   * (src/core/implSelect.ts): `impl<T> Conv<Vec<T>> for K`, `impl Tr for [u8; 4]`, `impl<'a> Tr
   * for &'a u8`, impls for tuples and trait objects. Undefined when that is not certain.
   */
  private selectedProjection(self: Ty, name: string, s: TyScope, trait: string, traitArgs: readonly GArg[] | undefined, qualified: boolean): Ty | undefined {
    const tr = this.resolver.traitPath(trait, s.m);
    if (tr?.k !== 'item' || tr.item.kind !== 'trait' || tr.m.crate.isStd) return undefined;
    const chosen = selectImpl(self, { item: tr.item, m: tr.m }, traitArgs, this.selectHost, (this.traitImplsMemo ??= new TraitImpls(this.resolver)));
    if (chosen === 'none') {
      // Only a projection written with its trait says so: a bound's projection tries each trait of the bound.
      if (!qualified) return undefined;
      const args = traitArgs?.length ? `<${traitArgs.map((a) => (a.k === 'ty' ? tyToString(a.ty) : String(a.value))).join(', ')}>` : '';
      return { k: 'error', code: 'E0277', message: `the trait bound \`${tyToString(self)}: ${tr.item.name}${args}\` is not satisfied (no impl of the trait applies)` };
    }
    if (!chosen) return undefined;
    const alias = implAlias(chosen.impl, name, chosen.m.crate);
    if (!alias?.ty || alias.generics.params.some((p) => p.kind !== 'lifetime')) return undefined;
    const params = chosen.impl.generics?.params;
    return this.tyOf(alias.ty, { m: chosen.m, generics: chosen.generics, self, owner: s.owner, ...(params ? { params } : {}), ...this.implSelfScope(chosen.impl, chosen.m) });
  }

  /**
   * What the traits of a trait object written in `m` are (see Ty `dyn`): undefined unless each is
   * a crate's trait or one of DYN_STD_TRAITS, none with generic arguments (`Fn(u8)` is written
   * without any, and is not one of them).
   */
  private dynTraits(bounds: readonly string[], args: readonly string[] | undefined, m: ModuleScope): DynTrait[] | undefined {
    if (args?.some((a) => a !== '')) return undefined;
    const out: DynTrait[] = [];
    for (const b of bounds) {
      if (b === '' || b.startsWith("'")) continue;
      const last = lastSegment(b);
      if (this.namesStdTrait(b, m)) {
        // A one-segment name imported from elsewhere than std is not std's, whatever namesStdTrait says of a path it cannot follow.
        const imported = !b.includes('::') && importedFromOutsideStd(b, m);
        if (!DYN_STD_TRAITS.has(last) || imported) return undefined;
        out.push(`std::${last}`);
        continue;
      }
      const r = this.resolver.traitPath(b, m);
      if (r?.k !== 'item' || r.item.kind !== 'trait' || r.m.crate.isStd) return undefined;
      out.push({ item: r.item, crate: new WeakRef(r.m.crate) });
    }
    return out.length ? out : undefined;
  }

  /**
   * A trait object's crate traits (Ty `dyn`'s `crateTraits`), with arguments or not, when each of
   * its other bounds is std's; undefined when a bound is found nowhere.
   */
  private crateObjectTraits(bounds: readonly string[], m: ModuleScope): CrateDynTrait[] | undefined {
    const out: CrateDynTrait[] = [];
    for (const b of bounds) {
      if (b.startsWith("'") || b.startsWith('?')) continue;
      if (b === '') return undefined;
      const r = this.resolver.traitPath(b, m);
      if (r?.k === 'item' && r.item.kind === 'trait' && !r.m.crate.isStd) out.push({ item: r.item, crate: new WeakRef(r.m.crate) });
      else if (!this.stdObjectTraits([b], m)) return undefined;
    }
    return out.length ? out : undefined;
  }

  /**
   * The last segments of a trait object's traits when every one is certainly std's (Ty `dyn`'s
   * `std`): named through std, or by a prelude name no import or glob of another crate can shadow.
   */
  private stdObjectTraits(bounds: readonly string[], m: ModuleScope): string[] | undefined {
    const out: string[] = [];
    const foreignGlob = m.uses.some((u) => u.glob && !['std', 'core', 'alloc', 'crate', 'self', 'super'].includes(u.path[0] ?? ''));
    for (const b of bounds) {
      if (b.startsWith("'") || b.startsWith('?')) continue;
      if (b === '' || !this.namesStdTrait(b, m)) return undefined;
      const last = lastSegment(b);
      if (!b.includes('::')) {
        // Imported by name (`use std::fmt::Debug;`), else found in std, else the prelude's.
        if (importedFromOutsideStd(b, m)) return undefined;
        if (!m.uses.some((u) => !u.glob && (u.alias ?? u.path[u.path.length - 1]) === b)) {
          const bound = this.resolver.lookupIn(m, b);
          if (bound === undefined ? foreignGlob || !PRELUDE_OBJECT_TRAITS.has(b) : !(bound.k === 'item' && bound.m.crate.isStd)) return undefined;
        }
      }
      out.push(last);
    }
    return out.length ? out : undefined;
  }

  /**
   * The std traits (of DYN_STD_TRAITS, as `std::Name`) that the crate traits of a trait object
   * written in `m` have as supertraits, directly or through other crate traits: `dyn SeekRead`
   * with `trait SeekRead: Read + Seek {}` is `Read` and `Seek` (rustc: a trait object implements
   * its trait's supertraits). A supertrait that cannot be told to be std's is left out (no claim).
   */
  private dynStdSupertraits(bounds: readonly string[], m: ModuleScope): { supers: string[]; unsure: boolean; crateHas: object[] } {
    const out = new Set<string>();
    const seen = new Set<object>();
    let unsure = false;
    const visit = (path: string, at: ModuleScope, depth: number): void => {
      if (depth > 16) unsure = true;
      if (depth > 16 || path === '' || path.startsWith("'") || path.startsWith('?')) return;
      const r = this.resolver.traitPath(path, at);
      if (r?.k === 'item' && r.item.kind === 'trait' && !r.m.crate.isStd) {
        if (seen.has(r.item)) return;
        seen.add(r.item);
        for (const t of r.item.superTraits ?? []) visit(t, r.m, depth + 1);
        return;
      }
      // Only a supertrait (depth > 0) is added: the object's own std traits are in `traits`.
      // Named as bounds are (a std import, a glob of `std::io::prelude`, the prelude; not a name
      // the crate defines or a glob of another crate may bring): `Write` as `io::Write` or `fmt::Write`.
      if (depth === 0) return;
      const home = homeStdTraitOf(path, at, this.resolver);
      if (home === 'io::Write' || home === 'fmt::Write') out.add(`std::${home}`);
      else if (home !== undefined) {
        if (DYN_STD_TRAITS.has(home)) out.add(`std::${home}`);
      } else {
        const std = stdTraitOf(path, at, this.resolver);
        if (std !== undefined && DYN_STD_TRAITS.has(std)) out.add(`std::${std}`);
        else if (std === undefined) unsure = true;
      }
    };
    for (const b of bounds) visit(b, m, 0);
    return { supers: [...out], unsure, crateHas: [...seen] };
  }

  /**
   * `T::name` through the plain trait bounds of the parameter `T` (`T: ArchivePointee + ?Sized`):
   * the one bound whose impl for the argument defines `name`.
   */
  private traitBoundProjection(self: Ty, param: string, name: string, s: TyScope): Ty | undefined {
    const p = s.params?.find((q) => q.kind === 'type' && q.name === param);
    if (p?.kind !== 'type' || !p.traits) return undefined;
    const found = [...new Set(p.traits)].map((t) => this.projection(self, name, s, t)).filter((t) => t !== undefined);
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * `I::Item` where the parameter I is bounded by std's trait (`I: Iterator`, `I: IntoIterator`):
   * what std's model says of that trait's associated type for the argument (as for
   * `<X as Iterator>::Item`). Only when exactly one of the parameter's std bounds defines `name`.
   */
  private stdBoundProjection(self: Ty, param: string, name: string, s: TyScope): Ty | undefined {
    const p = s.params?.find((q) => q.kind === 'type' && q.name === param);
    if (p?.kind !== 'type' || !p.traits) return undefined;
    // The bound's path as written: `m::Iterator` is a crate's trait, `Iterator` std's unless a crate's is in scope.
    const traits = [...new Set(p.traits)].filter((t) => STD_TRAIT_ASSOC.get(lastSegment(t))?.has(name) && this.namesStdTrait(t, s.m));
    if (traits.length !== 1) return undefined;
    const found = this.stdTraitAssoc(self, lastSegment(traits[0]!), name);
    return found && found.k !== 'unknown' ? found : undefined;
  }

  /**
   * `<X as Tr>::name` from a blanket impl of the crate asking (or of X's crate): `impl<T> Tr for T`,
   * or for `*mut T`, `*const T`, `&T`, `&mut T`, `[T]` (rkyv's `impl<T> ArchivePointee for T`,
   * gpgme's `impl<T> Ptr for *mut T`). Only an impl whose parameter has no bound and which has no
   * `where` clause: then, by coherence, no other impl of the trait applies to X (`T` without
   * `?Sized` matches sized types only, so X must be known to be sized). The trait is known by
   * name: it must be a crate's trait, and the same where the projection is written if the name
   * is in scope there.
   */
  private blanketProjection(self: Ty, name: string, s: TyScope, trait: string): Ty | undefined {
    const crates = self.k === 'adt' && !self.def.m.crate.isStd && self.def.m.crate !== s.m.crate ? [s.m.crate, self.def.m.crate] : [s.m.crate];
    const asked = this.resolver.traitPath(trait, s.m);
    const found: { alias: TypeAliasDef; m: ModuleScope; generics: Map<string, GArg>; params: readonly GenericParam[]; impl: ImplDef }[] = [];
    for (const crate of crates) {
      for (const { impl, m } of crate.impls.get(BLANKET_IMPLS) ?? []) {
        if (impl.trait !== lastSegment(trait) || impl.hasWhere || !crate.active(impl.cfg)) continue;
        const alias = implAlias(impl, name, crate);
        if (alias === null) return undefined;
        if (!alias?.ty || alias.generics.params.some((p) => p.kind !== 'lifetime')) continue;
        const param = blanketParam(impl)!;
        const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
        const p = params.find((q) => q.name === param);
        if (params.length !== 1 || p?.kind !== 'type' || p.bounds || p.traits) continue;
        const tr = this.resolver.traitPath(impl.traitPath ?? impl.trait, m);
        if (tr?.k !== 'item' || tr.item.kind !== 'trait' || tr.m.crate.isStd) continue;
        if (asked && (asked.k !== 'item' || asked.item !== tr.item)) continue;
        // The self type's pattern, and what the parameter stands for.
        const st = impl.selfTy;
        let arg: Ty | undefined;
        if (st.kind === 'path') arg = self;
        else if (st.kind === 'ptr' || st.kind === 'ref') {
          const kind = st.kind === 'ref' ? (st.mutable ? '&mut' : '&') : st.mutable ? '*mut' : '*const';
          arg = self.k === 'ptr' && self.kind === kind ? self.pointee : undefined;
        } else if (st.kind === 'slice') arg = self.k === 'slice' ? self.elem : undefined;
        if (!arg) continue;
        if (arg.k === 'param' || arg.k === 'unknown' || arg.k === 'error') return undefined;
        if (!maybeUnsizedParam(p)) {
          let sized: boolean | 'maybe';
          try {
            sized = this.sizedness(arg, 0, false);
          } catch {
            return undefined;
          }
          if (sized === 'maybe') return undefined;
          if (!sized) continue;
        }
        found.push({ alias, m, generics: new Map([[param, { k: 'ty', ty: arg }]]), params: impl.generics!.params, impl });
      }
    }
    if (found.length !== 1) return undefined;
    const { alias, m, generics, params, impl } = found[0]!;
    return this.tyOf(alias.ty!, { m, generics, self, owner: s.owner, params, ...this.implSelfScope(impl, m) });
  }

  private directProjection(self: Ty, name: string, s: TyScope, trait?: string, traitArgs?: readonly GArg[], stdOp = false): Ty | undefined {
    if (self.k === 'int' || self.k === 'float' || self.k === 'bool' || self.k === 'char' || self.k === 'str') return this.primitiveProjection(self, name, s, trait);
    if (self.k === 'array') return this.arrayProjection(self, name, s, trait);
    // `<&'a Map<String, Value> as IntoIterator>::IntoIter`: from an impl for references to the type.
    const refKind = self.k === 'ptr' && (self.kind === '&' || self.kind === '&mut') && self.pointee.k === 'adt' ? self.kind : undefined;
    const adt = refKind && self.k === 'ptr' ? self.pointee : self;
    if (adt.k !== 'adt') return undefined;
    // A std type's: from the asking crate's impl of its own trait for it (rkyv's
    // `impl ArchivePointee for CStr { type ArchivedMetadata = … }`), unless std's traits have an
    // associated type of that name (std's own impls, `Deref for String`, are not read here).
    if (adt.def.m.crate.isStd && (STD_ASSOC_NAMES.has(name) || s.m.crate.isStd)) return undefined;
    const item = adt.def.item;
    const found: { alias: TypeAliasDef; m: ModuleScope; generics: Map<string, GArg>; params: readonly GenericParam[] | undefined; impl: ImplDef }[] = [];
    const crates = adt.def.m.crate === s.m.crate || adt.def.m.crate.isStd ? [s.m.crate] : [adt.def.m.crate, s.m.crate];
    for (const crate of crates) {
      for (const { impl, m } of crate.impls.get(refKind ? `${refKind}${item.name}` : item.name) ?? []) {
        if (trait !== undefined && !this.implOfTrait(impl, m, trait, s.m)) continue;
        const alias = implAlias(impl, name, crate);
        if (alias === null) return undefined;
        const selfTy = refKind && impl.selfTy.kind === 'ref' && impl.selfTy.mutable === (refKind === '&mut') ? impl.selfTy.inner : refKind ? undefined : impl.selfTy;
        if (!alias || !crate.active(impl.cfg) || selfTy?.kind !== 'path') continue;
        const segs = selfTy.segments;
        const bound = this.resolver.resolveTypePath(m, segs.map((x) => x.name), selfTy.global);
        if (bound?.k !== 'item' || bound.item !== item) continue;
        // The impl's parameters, as the self type's written arguments name them.
        const params = new Set((impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime').map((p) => p.name));
        const written = (segs[segs.length - 1]!.args ?? []).filter((a) => a.kind !== 'lifetime' && a.kind !== 'binding');
        // `impl<T> Tr for Arc<T>` is `Arc<T, Global>`'s: arguments left out must be the defaults.
        if (written.length > adt.args.length) return undefined;
        if (written.length < adt.args.length && !this.defaultsRest(adt, written.length)) continue;
        const generics = new Map<string, GArg>();
        let matches = true;
        const concrete: { a: GenericArg; arg: GArg }[] = [];
        for (let i = 0; i < written.length; i++) {
          const a = written[i]!;
          const arg = adt.args[i];
          if (!arg) return undefined;
          const p = a.kind === 'type' && a.ty.kind === 'path' && a.ty.segments.length === 1 && !a.ty.global ? a.ty.segments[0]!.name : undefined;
          if (p !== undefined && params.has(p)) {
            if (generics.has(p)) return undefined;
            generics.set(p, arg);
          } else concrete.push({ a, arg });
        }
        // Asked without arguments (`<M as Tr>`, `T: Tr`): the trait's defaults are not read, so
        // an impl for other arguments (`impl Tr<u8> for M`) may not be the one.
        if (!traitArgs?.length && impl.traitArgs?.some((a) => a.kind !== 'lifetime')) return undefined;
        // `impl<T> ArrayLength<T> for UTerm`: parameters only the trait's arguments name are
        // bound by the bound's arguments (`U: ArrayLength<u8>`); other arguments must be equal.
        if (traitArgs?.length) {
          const written = (impl.traitArgs ?? []).filter((a) => a.kind !== 'lifetime');
          if (written.length !== traitArgs.length) {
            // `impl Sub for X` is `Sub<X>` (std's operator traits default `Rhs` to `Self`). Other
            // arguments left out are defaults this does not read: that impl is passed over (if it
            // were the one asked for, no other impl could match: they would overlap).
            const rhs = traitArgs[0]!;
            if (written.length !== 0 || traitArgs.length !== 1 || !stdOp || rhs.k !== 'ty' || !this.namesStdTrait(impl.traitPath ?? impl.trait!, m)) continue;
            const same = sameTy(self, rhs.ty);
            if (same === undefined) return undefined;
            if (!same) continue;
          }
          for (let i = 0; i < written.length && matches; i++) {
            const a = written[i]!;
            const arg = traitArgs[i]!;
            const p = a.kind === 'type' && a.ty.kind === 'path' && a.ty.segments.length === 1 && !a.ty.global && !a.ty.segments[0]!.args.length ? a.ty.segments[0]!.name : undefined;
            if (p !== undefined && params.has(p)) {
              const had = generics.get(p);
              if (!had) generics.set(p, arg);
              else if (had.k !== 'ty' || arg.k !== 'ty' || !sameTy(had.ty, arg.ty)) return undefined;
              continue;
            }
            const same = a.kind === 'type' && arg.k === 'ty' ? sameTy(this.tyOf(a.ty, { m, generics }), arg.ty) : undefined;
            if (same === undefined) return undefined;
            if (!same) matches = false;
          }
        }
        if (generics.size !== params.size || alias.generics.params.some((p) => p.kind !== 'lifetime')) return undefined;
        // `impl IntoIterator for Map<String, Value>`: its written arguments must be the type's.
        for (const { a, arg } of concrete) {
          const same = a.kind === 'type' && arg.k === 'ty' ? sameTy(this.tyOf(a.ty, { m, generics }), arg.ty) : undefined;
          if (same === undefined) return undefined;
          if (!same) matches = false;
        }
        if (!matches) continue;
        // `impl<T: Clone> Tr for Vec<T>` is not `Vec<NoClone>`'s: an impl whose bounds certainly
        // do not hold does not apply. One whose bounds are not decided here is still the type's
        // only impl of that shape and is taken, as before (generic-array's `impl<T, N>
        // ArrayLength<T> for UInt<N, B0> where N: ArrayLength<T>`, typenum's recursion).
        if (implBoundsHold(impl, m, generics, this.boundHost) === false) continue;
        found.push({ alias, m, generics, params: impl.generics?.params, impl });
      }
    }
    if (found.length !== 1) return undefined;
    const { alias, m, generics, params, impl } = found[0]!;
    return this.tyOf(alias.ty!, { m, generics, self, owner: s.owner, ...(params ? { params } : {}), ...this.implSelfScope(impl, m) });
  }

  /** Whether the arguments of `adt` from `from` on are its definition's defaults (`Global` of `Arc<T>`). */
  private defaultsRest(adt: Extract<Ty, { k: 'adt' }>, from: number): boolean {
    const params = adt.def.item.generics.params.filter((p) => p.kind !== 'lifetime');
    if (params.length !== adt.args.length) return false;
    const generics = new Map<string, GArg>();
    for (let i = 0; i < params.length; i++) generics.set(params[i]!.name, adt.args[i]!);
    for (let i = from; i < params.length; i++) {
      const p = params[i]!;
      const arg = adt.args[i]!;
      if (p.kind !== 'type' || !p.default || arg.k !== 'ty') return false;
      const def = this.tyOf(p.default, { m: adt.def.m, generics, owner: undefined });
      if (!sameTy(def, arg.ty)) return false;
    }
    return true;
  }

  /**
   * `<u16 as Archive>::Archived`: a primitive's associated type from the asking crate's impls for
   * it (rkyv writes them for every primitive). Undefined unless exactly one non-generic impl of
   * that crate for the primitive (not a type of the same name) defines it.
   */
  private primitiveProjection(self: Extract<Ty, { k: 'int' | 'float' | 'bool' | 'char' | 'str' }>, name: string, s: TyScope, trait?: string): Ty | undefined {
    const prim = self.k === 'bool' || self.k === 'char' || self.k === 'str' ? self.k : self.name;
    // std's own impls for primitives (`impl Add for u32`) are not read: a std trait is not answered.
    if (trait === undefined || this.namesStdTrait(trait, s.m)) return undefined;
    const crate = s.m.crate;
    const found: { alias: TypeAliasDef; m: ModuleScope }[] = [];
    for (const { impl, m } of crate.impls.get(prim) ?? []) {
      if (trait !== undefined && !this.implOfTrait(impl, m, trait, s.m)) continue;
      const alias = implAlias(impl, name, crate);
        if (alias === null) return undefined;
      if (!alias?.ty || !crate.active(impl.cfg) || impl.selfTy.kind !== 'path' || impl.selfTy.segments.length !== 1) continue;
      if ((impl.generics?.params ?? []).some((p) => p.kind !== 'lifetime') || alias.generics.params.some((p) => p.kind !== 'lifetime')) continue;
      if (this.resolver.resolveTypePath(m, [prim], impl.selfTy.global)?.k !== 'prim') continue;
      found.push({ alias, m });
    }
    if (found.length !== 1) return undefined;
    const { alias, m } = found[0]!;
    return this.tyOf(alias.ty!, { m, generics: new Map(), self, owner: s.owner });
  }

  /**
   * `<[T; N] as Array>::Item`: an array's associated type from the asking crate's impls for
   * arrays (smallvec's `impl<T> Array for [T; 8]`, one per length, or one for every `N`).
   * Undefined unless exactly one impl matches: its element type is a parameter of the impl and
   * its length that array's (a const parameter, or a constant of that value).
   */
  private arrayProjection(self: Extract<Ty, { k: 'array' }>, name: string, s: TyScope, trait?: string): Ty | undefined {
    // std's own impls for arrays (`IntoIterator for [T; N]`) are not read: a std trait is not answered.
    if (trait === undefined || this.namesStdTrait(trait, s.m)) return undefined;
    const crate = s.m.crate;
    const found: { alias: TypeAliasDef; m: ModuleScope; generics: Map<string, GArg> }[] = [];
    for (const { impl, m } of crate.impls.get('[]') ?? []) {
      if (trait !== undefined && !this.implOfTrait(impl, m, trait, s.m)) continue;
      const alias = implAlias(impl, name, crate);
        if (alias === null) return undefined;
      if (!alias?.ty || !crate.active(impl.cfg) || impl.selfTy.kind !== 'array' || alias.generics.params.some((p) => p.kind !== 'lifetime')) continue;
      const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
      const elem = impl.selfTy.elem;
      const elemParam = elem.kind === 'path' && elem.segments.length === 1 && !elem.global && !elem.segments[0]!.args?.length ? elem.segments[0]!.name : undefined;
      if (elemParam === undefined || !params.some((p) => p.kind === 'type' && p.name === elemParam)) return undefined;
      const generics = new Map<string, GArg>([[elemParam, { k: 'ty', ty: self.elem }]]);
      const len = impl.selfTy.len;
      const lenParam = len.kind === 'path' && len.path.length === 1 && params.some((p) => p.kind === 'const' && p.name === len.path[0]) ? len.path[0]! : undefined;
      if (lenParam !== undefined) generics.set(lenParam, { k: 'const', value: self.len });
      else {
        let n: bigint;
        try {
          n = this.consts.evalConst(len, { m, generics: new Map(), owner: undefined }, this.consts.usize());
        } catch {
          return undefined;
        }
        if (n !== self.len) continue;
      }
      if (params.some((p) => !generics.has(p.name))) return undefined;
      found.push({ alias, m, generics });
    }
    if (found.length !== 1) return undefined;
    const { alias, m, generics } = found[0]!;
    return this.tyOf(alias.ty!, { m, generics, self, owner: s.owner });
  }

  private notFound(m: ModuleScope, segs: readonly string[], global: boolean): Ty {
    const text = segs.join('::');
    const first = segs[0]!;
    if (segs.length > 1 || global) {
      const head = this.resolver.firstSegment(m, first);
      if (!head && !global && !['crate', 'self', 'super', 'std', 'core', 'alloc', SELF_CRATE].includes(first)) {
        // A file shown before the rest of its crate is read: `archive::Header` may be a module of it.
        if (m.crate.outside) return { k: 'unknown', reason: `\`${text}\` is not defined in this file, and the rest of the crate is still being read` };
        // `wl_seat::WlSeat` with `use wayland_client::protocol::wl_seat;`: a module the
        // dependency's build script writes.
        const imp = m.uses.find((u) => (u.alias ?? u.path[u.path.length - 1]) === first && u.path.length > 1);
        const why = imp ? this.missingInDependency(m, imp.path, imp.global) : undefined;
        if (why?.k === 'unknown') return { k: 'unknown', reason: `unknown type \`${text}\`: ${why.reason.replace(/^unknown type `[^`]*`: /, `\`${imp!.path.join('::')}\` is `)}` };
        return { k: 'unknown', reason: `unknown type \`${text}\` (external crate \`${first}\`?)` };
      }
      if (head?.k === 'module' && head.m.crate.isStd) {
        // `core::primitive::u64`: std's re-exports of the primitive types.
        if (segs.length === 3 && segs[1] === 'primitive' && PRIMITIVES.has(segs[2]!)) return this.primTy(segs[2]!);
        return { k: 'unknown', reason: `\`${text}\` is not a std type this extension models` };
      }
      // A module on the way still being read (the editor parses crates off the main thread).
      let cur: Binding | undefined = head;
      for (let i = 1; cur?.k === 'module' && i < segs.length; i++) {
        if (cur.m.pending) return { k: 'unknown', reason: `\`${text}\`: its module's file is still being read` };
        cur = this.resolver.step(cur, segs[i]!, m.crate);
      }
      if (head?.k === 'module' && head.m.missing) return { k: 'unknown', reason: `unknown type \`${text}\` (module file not found)` };
      const inDependency = this.missingInDependency(m, segs, global);
      if (inDependency) return inDependency;
    }
    if (m.pending) return { k: 'unknown', reason: `\`${text}\`: this module's file is still being read` };
    // A file shown before the rest of its crate is read: what it does not define may be there.
    if (m.crate.outside) return { k: 'unknown', reason: `\`${text}\` is not defined in this file, and the rest of the crate is still being read` };
    if (m.missing) return { k: 'unknown', reason: `unknown type \`${text}\` (module file not found)` };
    if (segs.length === 1) {
      // Imported by a `use` whose path we could not follow (std items we do not model, other crates).
      const imp = m.uses.find((u) => (u.alias ?? u.path[u.path.length - 1]) === first);
      if (imp) {
        const head = imp.path[0] ?? '';
        const path = imp.path.join('::');
        if (this.throughPending(m, imp.path, imp.global)) return { k: 'unknown', reason: `\`${path}\`: its module's file is still being read` };
        if (['std', 'core', 'alloc'].includes(head)) {
          if (imp.path.length === 3 && imp.path[1] === 'primitive' && PRIMITIVES.has(imp.path[2]!)) return this.primTy(imp.path[2]!);
          return { k: 'unknown', reason: `\`${path}\` is not a std type this extension models` };
        }
        if (!['crate', 'self', 'super', SELF_CRATE].includes(head)) return this.missingInDependency(m, imp.path, imp.global) ?? { k: 'unknown', reason: `unknown type \`${path}\` (external crate \`${head}\`?)` };
      }
    }
    const macros = collectMacros(m);
    if (macros.length) {
      const [first] = macros;
      const why = first!.reason ? `: ${first!.reason}` : '';
      return { k: 'unknown', reason: `unknown type \`${text}\` (maybe made by the unexpanded macro call \`${first!.name}!\`${why})` };
    }
    if (m.globs.length) return { k: 'unknown', reason: `unknown type \`${text}\` (not found; may come from a glob import of an external crate)` };
    // Certain only when no `use` names it (one whose path could not be followed may hold it:
    // a re-export behind a cfg or a glob) and the path's head is found nowhere either.
    const imported = m.uses.some((u) => (u.alias ?? u.path[u.path.length - 1]) === first);
    return imported || segs.length > 1 || global ? { k: 'unknown', reason: `unknown type \`${text}\`` } : { k: 'unknown', reason: `unknown type \`${text}\``, refused: true };
  }

  /**
   * A path into a dependency crate that was read, whose last step finds nothing there: why, from
   * the module it stopped in (a `-sys` crate's `include!` of the bindings its build script writes:
   * `nettle_sys::mpz_t`). Undefined when the path does not reach another crate's module.
   */
  private missingInDependency(m: ModuleScope, path: readonly string[], global: boolean): Ty | undefined {
    let cur: Binding | undefined = global ? undefined : this.resolver.firstSegment(m, path[0] ?? '');
    let i = 1;
    for (; cur?.k === 'module' && i < path.length - 1; i++) {
      const next = this.resolver.step(cur, path[i]!, m.crate);
      if (next?.k !== 'module') break;
      cur = next;
    }
    if (cur?.k !== 'module' || cur.m.crate === m.crate || cur.m.crate.isStd) return undefined;
    const text = path.join('::');
    const crate = path[0]!;
    const inside = cur.m;
    const macros = collectMacros(inside);
    if (macros.length) {
      const [first] = macros;
      const why = first!.reason ? `: ${first!.reason}` : '';
      return { k: 'unknown', reason: `unknown type \`${text}\`: not found in the crate \`${crate}\`, where the unexpanded macro call \`${first!.name}!\` may make it${why}` };
    }
    if (inside.globs.length) return { k: 'unknown', reason: `unknown type \`${text}\`: not found in the crate \`${crate}\` (it may come from a glob import there)` };
    return undefined;
  }

  /** Whether a `use` path that did not resolve stops at a module still being read (the editor reads crates off the main thread). */
  private throughPending(m: ModuleScope, path: readonly string[], global: boolean): boolean {
    let cur: Binding | undefined = global ? undefined : this.resolver.firstSegment(m, path[0] ?? '');
    for (let i = 1; cur?.k === 'module' && i < path.length; i++) {
      if (cur.m.pending) return true;
      cur = this.resolver.step(cur, path[i]!, m.crate);
    }
    return cur?.k === 'module' && cur.m.pending;
  }

  private bindingTy(b: Binding, args: readonly GenericArg[], s: TyScope, text: string, span?: Span): Ty {
    switch (b.k) {
      case 'error':
        return { k: 'error', code: b.code, message: b.message };
      case 'extern':
        return { k: 'unknown', reason: b.reason ? `unknown type \`${text}\`: ${b.reason}` : `unknown type \`${text}\` (external crate)` };
      case 'module':
        return { k: 'error', code: 'E0573', message: `expected type, found module \`${text}\`` };
      case 'prim':
        return this.primTy(b.name);
      case 'item': {
        const item = b.item;
        const own = b.m.crate.frozen ? undefined : refKey('t', b.m, item);
        if (own !== undefined) this.addRef(s.owner, own);
        if (item.kind === 'trait') {
          // A bare trait object (`Box<Trait>`) is an error from the 2021 edition on, a warning before.
          const ed = s.m.crate.input.edition;
          if (!s.m.crate.isStd && ed !== '2015' && ed !== '2018') return { k: 'error', code: 'E0782', message: `trait objects must include the \`dyn\` keyword (\`dyn ${text}\`)` };
          return s.m.crate.isStd ? { k: 'dyn', text: `dyn ${item.name}` } : this.bareTraitObject(args, text, span ?? { start: 0, end: 0 }, s);
        }
        // The std model's private helpers are not std's API (rustc: E0603 or not found).
        if (b.m.crate.isStd && !s.m.crate.isStd) {
          const path = publicStdItems(this.resolver.std, this.resolver).get(item);
          if (path === undefined) return { k: 'unknown', reason: `\`${text}\` is not a std type this extension models` };
          // Written `std::…`: a path std does not give (`std::Vec`) or gives unstably (`std::sync::poison::Mutex`).
          const segs = text.split('::');
          if (segs[0] === 'std' && segs.length > 1) {
            const refused = stdPathRefused(segs.slice(1).join('::'));
            if (refused && refused.feature === null) return { k: 'error', code: 'E0412', message: `cannot find type \`${text}\`: std has no such path (rustc 1.95)` };
            if (refused?.feature && !crateFeatures(s.m.crate).has(refused.feature)) {
              return { k: 'error', code: 'E0658', message: `use of unstable library feature \`${refused.feature}\` (\`${text}\`; the crate root needs \`#![feature(${refused.feature})]\`, on nightly)` };
            }
          }
          const missing = NOT_IN_STD[path];
          if (missing !== undefined && (segs[0] === 'std' || (missing !== null && !crateFeatures(s.m.crate).has(missing)))) {
            const where = missing === null ? '`core` has it' : `\`core\` has it behind \`#![feature(${missing})]\``;
            return { k: 'error', code: segs[0] === 'std' ? 'E0412' : 'E0658', message: `\`${text}\` is not in std (rustc 1.95); ${where}` };
          }
          const feature = UNSTABLE_STD[path];
          if (feature !== undefined && !crateFeatures(s.m.crate).has(feature)) {
            return { k: 'error', code: 'E0658', message: `use of unstable library feature \`${feature}\` (\`std::${path}\`; the crate root needs \`#![feature(${feature})]\`, on nightly)` };
          }
          // An allocator argument (`Vec<u8, A>`, `Box<T, A>`) is unstable, whatever is written there.
          const alloc = allocatorParam(item);
          // (Too many arguments is E0107 first: genericArgs below.)
          const given = args.filter((a) => a.kind === 'type' || a.kind === 'const').length;
          if (alloc !== undefined && given > alloc && given <= item.generics.params.filter((p) => p.kind !== 'lifetime').length && !crateFeatures(s.m.crate).has('allocator_api')) {
            return { k: 'error', code: 'E0658', message: `use of unstable library feature \`allocator_api\` (the allocator argument of \`std::${path}\`; the crate root needs \`#![feature(allocator_api)]\`, on nightly)` };
          }
        }
        const argVals = this.genericArgs(item.generics.params, args, s, { m: b.m, generics: new Map(), owner: own }, text);
        if (!Array.isArray(argVals)) return argVals;
        if (item.kind === 'alias') {
          if (item.syntaxError) return { k: 'unknown', reason: syntaxErrorReason(item.name, item.syntaxError) };
          if (!item.ty) return { k: 'unknown', reason: `type alias \`${item.name}\` has no type` };
          if (!b.m.crate.isStd) {
            if (b.m.definedTwice.has(item.name)) return { k: 'error', code: 'E0428', message: `the name \`${item.name}\` is defined multiple times in its module` };
            // A type alias takes neither a derive nor a repr.
            if (item.attrs.some((a) => a.name === 'derive')) return { k: 'error', code: 'E0774', message: `\`derive\` may only be applied to \`struct\`s, \`enum\`s and \`union\`s (the type alias \`${item.name}\`)` };
            if (item.attrs.some((a) => a.name === 'repr')) return { k: 'error', code: 'E0517', message: `\`repr\` should be applied to a struct, enum, or union (the type alias \`${item.name}\`)` };
            const badTrait = this.unknownBoundTrait(item.generics, item.name, b.m);
            if (badTrait) return badTrait;
            // `type A<T> = u8;`: a type parameter the alias's type never names is E0091.
            const unusedTy = item.generics.params.find((p) => p.kind === 'type' && nameUse(item.ty!, p.name, 0) === 'no');
            if (unusedTy) return { k: 'error', code: 'E0091', message: `type parameter \`${unusedTy.name}\` of the type alias \`${item.name}\` is never used` };
            // `type A = &u8;`: no lifetime elision in an alias either (E0106).
            const undeclared = item.generics.undeclaredLifetime ?? undeclaredLifetimeIn(item.ty, declaredLifetimes(item.generics.params), 0);
            if (undeclared) return { k: 'error', code: 'E0261', message: `use of undeclared lifetime name \`${undeclared}\` in the type alias \`${item.name}\`` };
            let lifetime = this.aliasLifetimes.get(item);
            if (lifetime === undefined) this.aliasLifetimes.set(item, (lifetime = this.elidedIn(item.ty, b.m, 0) ?? null));
            if (lifetime) return { k: 'error', code: 'E0106', message: `missing lifetime specifier: ${lifetime} in the type alias \`${item.name}\`` };
            const binder = unconstrainedBinder(item.ty, typeParamNames(item.generics.params));
            if (binder) return { k: 'error', code: binder.code, message: `${binder.message} (in the type alias \`${item.name}\`)` };
          }
          const aliasUse = this.aliasUseOf(item.generics.params, args, s);
          const memo = argVals.length === 0 && !aliasUse ? this.aliasCache.get(item) : undefined;
          if (memo) return memo;
          // `type A = Box<A>;`: an alias whose definition names itself, through other aliases'
          // definitions (not through an impl's associated type), is rustc's E0391.
          if (this.aliasCycle(item, b.m)) return { k: 'error', code: 'E0391', message: `cycle detected when expanding type alias \`${item.name}\`` };
          const g = bindParams(item.generics.params, argVals);
          const t = this.tyOf(item.ty, { m: b.m, generics: g, owner: own, ...(item.attrs.some(isLintAttr) ? { lints: [item.attrs] } : {}), params: item.generics.params, inAlias: true, ...(aliasUse ? { aliasUse } : {}) });
          if (argVals.length === 0 && !aliasUse) this.aliasCache.set(item, t);
          return t;
        }
        // `'static` and outlives bounds, std's types' too: not in a dependency (it compiled), nor in
        // std, and in a type alias as its use sees it.
        const view = item.generics.params.some((p) => p.kind !== 'const') ? this.lifetimeView(s) : undefined;
        if (view) {
          const written = view.subst ? args.map((a) => substituteArg(a, view.subst!)) : args;
          const shown = (i: number): string => {
            const v = argVals[i];
            return v?.k === 'ty' ? tyToString(v.ty) : 'the argument';
          };
          const shortLived = staticBoundRefused(item, this.outlives.of(item, b.m), shown, written, view.params, (p) => this.paramMayBeShort(p, view.params, view.m));
          if (shortLived) return shortLived;
        }
        if (!b.m.crate.isStd) {
          const unsized = this.unsizedArgument(item.generics.params, argVals, args);
          if (unsized) return unsized;
          // The defaults of a dependency's generic type met its bounds when cargo built it.
          const written = args.filter((a) => a.kind === 'type' || a.kind === 'const').length;
          const trustedFrom = b.m.crate.capLints ? written : Infinity;
          const unmet = unmetBound(item.generics, argVals, b.m, this.boundHost, s.params && { params: s.params, m: s.m, ...(s.predicates ? { predicates: s.predicates } : {}) }, trustedFrom);
          if (unmet && unmet.k !== 'unsure') return unmetBoundTy(unmet, item.name);
          if (unmet) {
            // A definition rustc refuses in its own generics (`F: Fn<(u8,)>`) is refused in each use.
            const refused = this.genericsError(item, b.m);
            if (refused?.k === 'error') return refused;
            // Written in a registry or git dependency, which cargo has built before any crate that
            // uses it: the bounds of what its own items write hold. (A parameter there stands for
            // what the user's crate gave, whose own bounds were checked where it was written.)
            if (!s.m.crate.capLints || s.m.crate.isStd) return unmetBoundTy(unmet, item.name);
          }
        } else {
          // `Vec<str>`, `HashMap<str, u8>`: std's parameters are Sized unless the model (std's own
          // declarations) says `?Sized` (test/unit/stdUnsized.test.ts measures them).
          const unsized = s.m.crate.isStd ? undefined : this.unsizedArgument(item.generics.params, argVals, args);
          if (unsized) return unsized;
          const unmet = s.m.crate.isStd ? undefined : unmetStdTypeBound(item, argVals, this.boundHost);
          if (unmet) return unmetBoundTy(unmet, item.name);
        }
        return { k: 'adt', def: { item, m: b.m }, args: argVals };
      }
    }
  }

  /**
   * What an impl's associated type's scope knows of `Self`: whether it is generic, and the path
   * it stands for in a constant (`Self::N` is `Foo::N`) when the impl's self type is written as
   * a path without arguments.
   */
  private implSelfScope(impl: ImplDef, m: ModuleScope): Pick<TyScope, 'selfGeneric' | 'selfPath'> {
    const st = impl.selfTy;
    const plain = st.kind === 'path' && !st.qself && !st.qualified && !st.global && st.segments.every((x) => !x.args.length);
    return { selfGeneric: this.implSelfGeneric(impl, m), ...(plain ? { selfPath: st.segments.map((x) => x.name) } : {}) };
  }

  /**
   * Whether an impl's self type, as written, names one of the impl's parameters (rustc's
   * `type_of(impl).has_param()`): a type or const parameter, a lifetime it declares, an elided
   * or `'_` lifetime (the impl header makes it a parameter: `impl Tr for &u8`, `impl Tr for
   * Cow<str>`). 'maybe' where a path without lifetime arguments names something not read here.
   */
  private implSelfGeneric(impl: ImplDef, m: ModuleScope): boolean | 'maybe' {
    const params = impl.generics?.params ?? [];
    const named = (n: string): boolean => params.some((p) => p.name === n);
    const lifetime = (n: string | undefined): boolean => n === undefined || n === "'_" || named(n);
    let maybe = false;
    const walk = (t: TypeExpr, depth: number): boolean => {
      if (depth > MAX_DEPTH) {
        maybe = true;
        return false;
      }
      switch (t.kind) {
        case 'ref':
          return !!t.elided || (t.lifetime !== undefined && lifetime(t.lifetime)) || walk(t.inner, depth + 1);
        case 'ptr':
          return walk(t.inner, depth + 1);
        case 'slice':
          return walk(t.elem, depth + 1);
        case 'array':
          return walk(t.elem, depth + 1) || constAny(t.len, (p) => p.length === 1 && named(p[0]!));
        case 'tuple':
          return t.elems.some((x) => walk(x, depth + 1));
        case 'never':
          return false;
        case 'fnptr':
          if ((t.lifetimes ?? []).some(named)) return true;
          return (t.inner ?? []).some((x) => walk(x, depth + 1));
        case 'dyn':
          // A trait object's default lifetime bound is 'static; parameters named in it are not read here.
          if (params.length && [...t.bounds, ...(t.args ?? [])].some((b) => params.some((p) => new RegExp(`(^|[^\\w'])${p.name}\\b`).test(b)))) maybe = true;
          return false;
        case 'path': {
          if (t.qself) {
            if (walk(t.qself.ty, depth + 1) || t.qself.traitRegions) return true;
          }
          if (!t.global && !t.qualified && t.segments.length === 1 && named(t.segments[0]!.name)) return true;
          for (const seg of t.segments) {
            for (const a of seg.args) {
              if (a.kind === 'lifetime' ? lifetime(a.name) : a.kind === 'const' ? constAny(a.value, (p) => p.length === 1 && named(p[0]!)) : walk(a.ty, depth + 1)) return true;
            }
          }
          if (t.qualified) return false;
          // A path without lifetime arguments to a type with lifetime parameters: elided ones.
          if (t.segments[t.segments.length - 1]!.args.some((a) => a.kind === 'lifetime')) return false;
          const b = this.resolver.resolveTypePath(m, t.segments.map((x) => x.name), t.global);
          if (b?.k === 'prim') return false;
          if (b?.k !== 'item' || b.item.kind === 'trait') {
            maybe = true;
            return false;
          }
          return (b.item.generics?.params ?? []).some((p) => p.kind === 'lifetime');
        }
        default:
          maybe = true;
          return false;
      }
    };
    return walk(impl.selfTy, 0) ? true : maybe ? 'maybe' : false;
  }

  /**
   * A generic parameter inside a constant expression (`[u8; N + 1]`, `[u8; size_of::<T>()]`):
   * rustc refuses it without the unstable `generic_const_exprs` ("generic parameters may not be
   * used in const operations"). The parameter alone (`[u8; N]`) is fine.
   */
  private genericConstOperation(e: ConstExpr, s: TyScope, bareAllowed = true): Ty | undefined {
    if (s.m.crate.isStd) return undefined;
    // `Self::N` in a generic type's field (a lifetime parameter is enough): rustc's "generic
    // `Self` types are currently not permitted in anonymous constants".
    if (s.self && constMentionsSelf(e)) {
      const generic = s.selfGeneric ?? !!s.params?.length;
      if (generic === true) return { k: 'error', code: 'generic_self_const', message: 'generic `Self` types are currently not permitted in anonymous constants (rustc)' };
      if (generic === 'maybe') return { k: 'unknown', reason: 'whether the impl\'s self type names a generic parameter (rustc refuses `Self` in a constant then) is not known here' };
    }
    if ((bareAllowed && e.kind === 'path' && !e.parenthesized) || s.generics.size === 0) return undefined;
    const names = s.generics;
    const inType = (t: TypeExpr): boolean => {
      switch (t.kind) {
        case 'path':
          return (!t.global && !t.qualified && t.segments.length >= 1 && names.has(t.segments[0]!.name)) || t.segments.some((x) => x.args.some((a) => (a.kind === 'type' ? inType(a.ty) : a.kind === 'const' ? inConst(a.value) : false))) || (t.qself !== undefined && inType(t.qself.ty));
        case 'ref':
        case 'ptr':
          return inType(t.inner);
        case 'slice':
          return inType(t.elem);
        case 'array':
          return inType(t.elem) || inConst(t.len);
        case 'tuple':
          return t.elems.some(inType);
        default:
          return false;
      }
    };
    const inConst = (c: ConstExpr): boolean => constAny(c, (p) => p.length === 1 && names.has(p[0]!), inType);
    if (!inConst(e)) return undefined;
    if (!bareAllowed) return { k: 'error', code: 'generic_discriminant', message: 'generic parameters may not be used in enum discriminant values (rustc)' };
    return { k: 'error', code: 'generic_const_exprs', message: 'generic parameters may not be used in const operations (rustc, without the unstable `generic_const_exprs`)' };
  }

  /**
   * A crate's generic type given an unsized argument for a parameter without `?Sized`
   * (`W<[u8]>` for `struct W<U>(u8, Box<U>)`): rustc's E0277, behind pointers too. Arguments
   * left to defaults, and those whose sizedness is not known here, pass.
   */
  private unsizedArgument(params: readonly GenericParam[], argVals: readonly GArg[], written: readonly GenericArg[]): Ty | undefined {
    const given = written.filter((a) => a.kind !== 'lifetime' && a.kind !== 'binding').length;
    const tparams = params.filter((p) => p.kind !== 'lifetime');
    for (let i = 0; i < Math.min(given, tparams.length, argVals.length); i++) {
      const p = tparams[i]!;
      const v = argVals[i]!;
      if (p.kind !== 'type' || maybeUnsizedParam(p) || v.k !== 'ty') continue;
      let sized: boolean | 'maybe';
      try {
        sized = this.sizedness(v.ty, 0, false);
      } catch {
        continue;
      }
      if (sized === false) return { k: 'error', code: 'E0277', message: `the size for values of type \`${tyToString(v.ty)}\` cannot be known at compilation time (the parameter \`${p.name}\` is \`Sized\`)` };
    }
    return undefined;
  }

  primTy(name: string): Ty {
    const t = this.target;
    if (name === 'bool') return { k: 'bool' };
    if (name === 'char') return { k: 'char' };
    if (name === 'str') return { k: 'str' };
    if (name === 'usize' || name === 'isize') return { k: 'int', size: t.pointerSize, signed: name === 'isize', name };
    const int = INT_NAMES[name];
    if (int) return { k: 'int', size: int[0], signed: int[1], name };
    if (name === 'f32') return { k: 'float', size: 4, name };
    if (name === 'f64') return { k: 'float', size: 8, name };
    if (name === 'f16' || name === 'f128') return { k: 'unknown', reason: `\`${name}\` is an unstable type` };
    return { k: 'unknown', reason: `unknown primitive \`${name}\`` };
  }

  /** Binds written generic arguments to parameters, filling defaults. */
  private genericArgs(params: readonly GenericParam[], args: readonly GenericArg[], s: TyScope, defScope: TyScope, text: string): GArg[] | Ty {
    const written = args.filter((a) => a.kind !== 'lifetime' && a.kind !== 'binding');
    const tparams = params.filter((p) => p.kind !== 'lifetime');
    if (written.length > tparams.length) return { k: 'error', code: 'E0107', message: `too many generic arguments for \`${text}\`` };
    // Written lifetimes are counted too (`A<'static>` for `struct A<const N: usize>`); none written
    // is elision, which is not checked here.
    const lifetimes = args.filter((a) => a.kind === 'lifetime').length;
    const lparams = params.filter((p) => p.kind === 'lifetime').length;
    if (lifetimes > 0 && lifetimes !== lparams) return { k: 'error', code: 'E0107', message: `\`${text}\` takes ${lparams} lifetime argument(s) but ${lifetimes} were supplied` };
    // Too few, counted before the kinds are (`X<0>` for `struct X<T, const N: usize>` is E0107, not E0747).
    // (std's types too: the model declares their parameters and defaults as std does, which
    // test/unit/stdModel.test.ts and the registry scans measure.)
    if (!s.m.crate.isStd) {
      const required = tparams.filter((p) => (p.kind === 'type' || p.kind === 'const') && !p.default).length;
      if (written.length < required) return { k: 'error', code: 'E0107', message: `\`${text}\` takes ${required} generic argument(s) but ${written.length} were supplied` };
    }
    const out: GArg[] = [];
    const bound = new Map<string, GArg>();
    for (let i = 0; i < tparams.length; i++) {
      const p = tparams[i]!;
      const a = written[i];
      let v: GArg;
      if (p.kind === 'type') {
        if (a?.kind === 'type') {
          const ty = this.tyOf(a.ty, s);
          // An argument rustc refuses (`Vec<Strng>`, `PhantomData<Vec<u8, u8, u8>>`, `Vec<Box<Tr>>`)
          // refuses the path, also where the layout never looks at the argument.
          if (ty.k === 'error' || (ty.k === 'unknown' && ty.refused)) return ty;
          v = { k: 'ty', ty };
        } else if (a) return { k: 'error', code: 'E0747', message: `expected a type argument for \`${p.name}\`` };
        else if (p.default) v = { k: 'ty', ty: this.tyOf(p.default, { ...defScope, generics: bound }) };
        else return { k: 'unknown', reason: `\`${text}\` needs type arguments`, refused: true };
      } else if (p.kind === 'const') {
        // In the parameter's type (`const N: usize`): `S<{ !0 >> 62 }>` is 3, not a negative
        // number; `S<3u8>` is E0308. A `bool` or `char` parameter's argument is read as before.
        const pTy = this.consts.intTypeIn(p.ty, defScope.m, s.owner) ?? WIDE;
        const pName = p.ty.kind === 'path' && p.ty.segments.length === 1 ? p.ty.segments[0]!.name : undefined;
        const nonInt = pTy === WIDE && (pName === 'bool' || pName === 'char') ? pName : undefined;
        // `const N: f32`, `const N: &'static str`: forbidden as a const parameter's type (rustc:
        // an error without a code at the definition; an integer argument is also E0308).
        if (pTy === WIDE && !nonInt && (p.ty.kind !== 'path' || (pName !== undefined && ['f32', 'f64', 'f16', 'f128', 'str'].includes(pName)))) {
          const shown = p.ty.kind === 'path' ? pName ?? 'type' : 'non-scalar type';
          if (a?.kind === 'const' && (a.value.kind === 'int' || a.value.kind === 'bool')) return { k: 'error', code: 'E0308', message: `mismatched types: the parameter's type is \`${shown}\`, which is forbidden as a const parameter's type` };
          return { k: 'error', code: 'forbidden_const_param_type', message: `the ${shown} is forbidden as the type of a const generic parameter (only integers, \`bool\` and \`char\`)` };
        }
        // An integer parameter given a `bool` or a char literal (`A<true>` for `const N: u8`).
        if (pTy !== WIDE && a?.kind === 'const' && (a.value.kind === 'bool' || (a.value.kind === 'int' && a.value.text.startsWith("'")))) {
          const found = a.value.kind === 'bool' ? `\`${String(a.value.value)}\`, a \`bool\`` : `\`${short(a.value.text)}\`, a \`char\``;
          return { k: 'error', code: 'E0308', message: `mismatched types: expected an integer, found ${found}` };
        }
        // (A char literal is a `char` parameter's argument; a byte literal `b'x'` is a u8.)
        if (nonInt && a?.kind === 'const' && a.value.kind === 'int' && !(nonInt === 'char' && a.value.text.startsWith("'"))) return { k: 'error', code: 'E0308', message: `mismatched types: expected \`${nonInt}\`, found an integer (\`${short(a.value.text)}\`)` };
        let c: bigint | Error;
        const op = a?.kind === 'const' ? this.genericConstOperation(a.value, s) : !a && p.default ? this.genericConstOperation(p.default, { ...defScope, generics: bound }) : undefined;
        if (op) return op;
        // A `bool` or `char` parameter's argument: its value (a code point for a char) tells instances apart.
        if (nonInt && a?.kind === 'const') c = this.consts.tryNonIntArg(a.value, s, nonInt);
        else if (a?.kind === 'const') c = this.consts.tryConst(a.value, s, pTy);
        else if (a?.kind === 'type' && a.ty.kind === 'path') {
          // `B<M>`: a constant's name, written like a type.
          const named: ConstExpr = { kind: 'path', path: a.ty.segments.map((x) => x.name), text: a.ty.segments.map((x) => x.name).join('::') };
          c = nonInt ? this.consts.tryNonIntArg(named, s, nonInt) : this.consts.tryConst(named, s, pTy);
          // Not a constant but a type (`A<u8>`, `A<Len>` with `type Len = usize`): E0747.
          if (c instanceof Error && !(c instanceof LayoutError) && !s.generics.has(named.path[0]!)) {
            const tb = this.resolver.resolveTypePath(s.m, a.ty.segments.map((x) => x.name), a.ty.global);
            if (tb?.k === 'prim' || (tb?.k === 'item' && tb.item.kind !== 'trait')) return { k: 'error', code: 'E0747', message: `a type (\`${named.text}\`) was provided where a constant was expected` };
          }
        }
        else if (!a && p.default) c = this.consts.tryConst(p.default, { ...defScope, generics: bound }, pTy);
        else return { k: 'unknown', reason: `\`${text}\` needs const arguments` };
        if (c instanceof Error) return errTy(c);
        v = { k: 'const', value: c };
      } else continue;
      bound.set(p.name, v);
      out.push(v);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // Sizedness

  /**
   * E0277 where `ty` is certainly unsized in a place that needs `Sized` (`&[dyn Tr]`,
   * `Box<[str; 2]>`, `&(str, u8)`: rustc checks it behind pointers too). A type whose sizedness is
   * not known here passes: `&[Unknown]` is a wide pointer either way.
   */
  private mustBeSized(ty: Ty, what: string, guard: number): void {
    let sized: boolean | 'maybe';
    try {
      sized = this.sizedness(ty, guard + 1, false);
    } catch (err) {
      if (err instanceof Abstain) return;
      throw err;
    }
    if (sized === false) throw new Reject('E0277', `the size for values of type \`${tyToString(ty)}\` cannot be known at compilation time (${what})`);
  }

  /** Whether a type is Sized; 'maybe' for a `?Sized` generic parameter. */
  /**
   * With `wf`, also the checks that make a type well-formed (slice, array and non-last tuple
   * elements sized: mustBeSized); those elements are asked without it, so a
   * DAG of tuples (`type T2 = (T1, T1)` 44 times) costs its depth, not 2^44.
   */
  sizedness(ty: Ty, guard = 0, wf = true): boolean | 'maybe' {
    if (guard > MAX_DEPTH) throw new Abstain('type nesting too deep');
    switch (ty.k) {
      case 'str':
      case 'dyn':
        return false;
      case 'slice':
        if (wf) this.mustBeSized(ty.elem, 'slice and array elements must be sized', guard);
        return false;
      case 'array':
        if (wf) this.mustBeSized(ty.elem, 'slice and array elements must be sized', guard);
        return true;
      case 'param':
        return ty.maybeUnsized ? 'maybe' : true;
      case 'tuple':
        if (wf) for (const e of ty.elems.slice(0, -1)) this.mustBeSized(e, 'only the last element of a tuple may be unsized', guard);
        return ty.elems.length ? this.sizedness(ty.elems[ty.elems.length - 1]!, guard + 1, wf) : true;
      case 'unknown':
        throw new Abstain(ty.reason);
      case 'error':
        throw new Reject(ty.code, ty.message);
      case 'adt': {
        if (ty.def.item.kind !== 'struct') return true;
        const k = this.key(ty);
        const hit = this.sizedCache.get(k);
        if (hit !== undefined) return hit;
        this.sizedCache.set(k, true);
        // An array is sized whatever its length: the length (`[u8; size_of::<Box<Self>>()]`) is
        // not evaluated here, where asking for it again would look like a cycle.
        if (this.tailField(ty)?.ty.kind === 'array') return true;
        const tail = this.tailFieldTy(ty);
        const r = tail ? this.sizedness(tail, guard + 1) : true;
        if (r !== 'maybe') this.sizedCache.set(k, r);
        else this.sizedCache.delete(k);
        return r;
      }
      default:
        return true;
    }
  }

  /** A struct's last field (`#[cfg]`-inactive ones left out). */
  private tailField(ty: Extract<Ty, { k: 'adt' }>): FieldDef | undefined {
    return (ty.def.item as StructDef).fields.filter((f) => ty.def.m.crate.active(f.cfg)).at(-1);
  }

  private tailFieldTy(ty: Extract<Ty, { k: 'adt' }>): Ty | undefined {
    const last = this.tailField(ty);
    return last && this.tyOf(last.ty, this.adtScope(ty));
  }

  adtScope(ty: Extract<Ty, { k: 'adt' }>): TyScope {
    const m = ty.def.m;
    // `[u8; Self::SIZE]` in a field: the type's own associated constant (base64ct's BlockBuffer).
    const params = ty.def.item.generics.params;
    return { m, generics: bindParams(params, ty.args), self: ty, selfPath: [ty.def.item.name], owner: m.crate.frozen ? undefined : refKey('t', m, ty.def.item), lints: [ty.def.item.attrs], params, predicates: ty.def.item.generics.predicates ?? [] };
  }

  /**
   * The fields of an ADT with its arguments substituted, per variant (a struct or union has one),
   * `#[cfg]`-inactive ones left out: what the heap model walks to find owned collections.
   */
  adtFieldTys(ty: Extract<Ty, { k: 'adt' }>): { readonly kind: 'struct' | 'enum' | 'union'; readonly variants: readonly (readonly { readonly name: string; readonly ty: Ty }[])[]; readonly variantNames: readonly string[] } {
    const item = ty.def.item;
    const crate = ty.def.m.crate;
    const scope = this.adtScope(ty);
    const fieldsOf = (fields: readonly FieldDef[]) => fields.filter((f) => crate.active(f.cfg)).map((f) => ({ name: f.name, ty: this.tyOf(f.ty, withLints(scope, f.attrs)) }));
    if (item.kind === 'enum') {
      const vs = (item as EnumDef).variants.filter((v) => crate.active(v.cfg));
      return { kind: 'enum', variants: vs.map((v) => fieldsOf(v.fields)), variantNames: vs.map((v) => v.name) };
    }
    if (item.kind === 'union') return { kind: 'union', variants: [fieldsOf((item as UnionDef).fields)], variantNames: [] };
    return { kind: 'struct', variants: [fieldsOf((item as StructDef).fields)], variantNames: [] };
  }

  /** A type of the std model by module path and name, private ones included (`collections::btree_map`, `LeafNode`), with type arguments. */
  stdType(path: readonly string[], name: string, args: readonly Ty[]): Extract<Ty, { k: 'adt' }> | undefined {
    let m: ModuleScope | undefined = this.resolver.std.root;
    for (const seg of path) m = m?.children.get(seg);
    const item = m?.types.get(name);
    if (!m || !item || (item.kind !== 'struct' && item.kind !== 'enum' && item.kind !== 'union')) return undefined;
    return { k: 'adt', def: { item: item as TypeItem, m }, args: args.map((ty) => ({ k: 'ty', ty })) };
  }

  private readonly definitionBounds = new WeakMap<object, string | null>();
  private readonly definitionErrors = new WeakMap<object, DefinitionError | null>();

  /** An error rustc finds in the definition alone (definitionChecks.ts), memoized per item. */
  private definitionError(item: TypeItem, crate: CrateScope): DefinitionError | undefined {
    let found = this.definitionErrors.get(item);
    if (found === undefined) this.definitionErrors.set(item, (found = definitionError(item, (cfg) => crate.active(cfg)) ?? null));
    return found ?? undefined;
  }

  private readonly aliasCycles = new WeakMap<object, boolean>();

  /**
   * Whether a type alias's definition reaches the alias again through the paths it writes,
   * followed into the definitions of the aliases they name (`type A = Vec<fn(B)>; type B =
   * Box<A>;`). A projection (`<T as Tr>::Out`) is not followed: `type Archived<T> = <T as
   * Archive>::Archived` with an impl's `type Archived = Archived<u32>` is no cycle.
   */
  private aliasCycle(item: TypeAliasDef, m: ModuleScope): boolean {
    const memo = this.aliasCycles.get(item);
    if (memo !== undefined) return memo;
    const seen = new Set<object>();
    let found = false;
    const visitAlias = (a: TypeAliasDef, am: ModuleScope, depth: number): void => {
      if (found || seen.has(a) || !a.ty || depth > 32) return;
      seen.add(a);
      visit(a.ty, am, new Set(a.generics.params.map((p) => p.name)), depth);
    };
    // `ps`: the generic parameters of the alias being read (a path naming one is not an item).
    const visit = (te: TypeExpr, tm: ModuleScope, ps: ReadonlySet<string>, depth: number): void => {
      if (found || depth > 64) return;
      switch (te.kind) {
        case 'ref':
        case 'ptr':
          return visit(te.inner, tm, ps, depth + 1);
        case 'array':
        case 'slice':
          return visit(te.elem, tm, ps, depth + 1);
        case 'tuple':
          return te.elems.forEach((x) => visit(x, tm, ps, depth + 1));
        case 'fnptr':
        case 'dyn':
          return te.inner?.forEach((x) => visit(x, tm, ps, depth + 1));
        case 'path': {
          for (const seg of te.segments) for (const a of seg.args) if (a.kind === 'type' || a.kind === 'binding') visit(a.ty, tm, ps, depth + 1);
          if (te.qualified || te.qself || (!te.global && ps.has(te.segments[0]!.name))) return;
          let b: Binding | undefined;
          try {
            b = this.resolver.resolveTypePath(tm, te.segments.map((x) => x.name), te.global);
          } catch {
            return;
          }
          if (b?.k !== 'item' || b.item.kind !== 'alias') return;
          if (b.item === item) found = true;
          else visitAlias(b.item, b.m, depth + 1);
          return;
        }
        default:
          return;
      }
    };
    visitAlias(item, m, 0);
    this.aliasCycles.set(item, found);
    return found;
  }

  private readonly missingLifetimes = new WeakMap<object, { readonly code: 'E0106' | 'E0261' | 'E0581' | 'E0582'; readonly message: string } | null>();
  private readonly aliasLifetimes = new WeakMap<object, string | null>();

  /**
   * A lifetime a crate type's field leaves out where rustc allows no elision (E0106, "missing
   * lifetime specifier"): a reference written `&T` or `&'_ T`, or a type with lifetime parameters
   * written without them (`Cow<str>`, `L` for `struct L<'a>`, `L<'_>`), outside function pointer
   * types (the model keeps no types inside those, nor inside trait objects' arguments).
   */
  private missingLifetime(item: TypeItem, m: ModuleScope): { readonly code: 'E0106' | 'E0261' | 'E0581' | 'E0582'; readonly message: string } | undefined {
    const memo = this.missingLifetimes.get(item);
    if (memo !== undefined) return memo ?? undefined;
    const crate = m.crate;
    const fields = item.kind === 'enum' ? (item as EnumDef).variants.filter((v) => crate.active(v.cfg)).flatMap((v) => v.fields) : (item as StructDef | UnionDef).fields;
    const declared = declaredLifetimes(item.generics.params);
    let found: { readonly code: 'E0106' | 'E0261' | 'E0581' | 'E0582'; readonly message: string } | undefined =
      item.generics.undeclaredLifetime ? { code: 'E0261', message: `use of undeclared lifetime name \`${item.generics.undeclaredLifetime}\` in the generics of \`${item.name}\`` } : undefined;
    for (const f of found ? [] : fields) {
      if (!crate.active(f.cfg)) continue;
      const undeclared = undeclaredLifetimeIn(f.ty, declared, 0);
      if (undeclared) {
        found = { code: 'E0261', message: `use of undeclared lifetime name \`${undeclared}\` in a field of \`${item.name}\`` };
        break;
      }
      const elided = this.elidedIn(f.ty, m, 0);
      if (elided) {
        found = { code: 'E0106', message: `missing lifetime specifier: ${elided} in a field of \`${item.name}\`` };
        break;
      }
      const binder = unconstrainedBinder(f.ty, typeParamNames(item.generics.params));
      if (binder) {
        found = { code: binder.code, message: `${binder.message} (a field of \`${item.name}\`)` };
        break;
      }
    }
    this.missingLifetimes.set(item, found ?? null);
    return found;
  }

  /**
   * Whether a union field's written type is `Copy` on the generic definition for every parameter
   * it holds by value: a parameter bounded `Copy` itself (`T: Copy`, inline or in the where
   * clause), alone or in tuples and arrays of such (the instance's types are checked apart).
   */
  private copyByBounds(te: TypeExpr, params: readonly GenericParam[], m: ModuleScope, names: ReadonlySet<string>, depth: number): boolean {
    if (depth > 64 || !holdsParamByValue(te, names)) return depth <= 64;
    if (te.kind === 'array') return this.copyByBounds(te.elem, params, m, names, depth + 1);
    if (te.kind === 'tuple') return te.elems.every((e) => this.copyByBounds(e, params, m, names, depth + 1));
    if (te.kind !== 'path' || te.global || te.qualified || te.segments.length !== 1 || te.segments[0]!.args.length) return false;
    const p = params.find((q) => q.kind === 'type' && q.name === te.segments[0]!.name);
    return p?.kind === 'type' && (p.traits ?? []).some((t) => stdTraitOf(t, m, this.resolver) === 'Copy');
  }

  /**
   * `fn() -> &u8`, `fn(&u8, &u8) -> &u8`, `dyn Fn() -> Ref<'_, u8>`: a signature's return type that
   * leaves a lifetime out takes the one lifetime of its inputs (elided or not); with none, or more
   * than one, rustc says E0106. Undefined where the signature is fine or this cannot tell.
   */
  private returnElision(params: readonly TypeExpr[], ret: TypeExpr | undefined, m: ModuleScope, what: string): string | undefined {
    if (!ret || !this.lifetimePositions(ret, m, 0, true)) return undefined;
    let inputs = 0;
    for (const x of params) {
      const c = this.lifetimePositions(x, m, 0, false);
      if (c === undefined) return undefined;
      inputs += c;
    }
    if (inputs === 1) return undefined;
    return `${what}'s return type borrowing ${inputs === 0 ? 'with no input to borrow from' : 'from one of several inputs'}`;
  }

  /**
   * How many lifetime positions a written type has, as fn pointer elision counts them: with
   * `elidedOnly` those that leave the lifetime out (`&T`, `'_`, a path to a type with lifetime
   * parameters written without them), else every one, named and `'static` included. A nested fn
   * pointer's are its own (none); a trait object counts the bound written after it (`+ 'a`).
   * Undefined where this cannot tell (a path not found, a trait object's arguments naming one).
   */
  private lifetimePositions(te: TypeExpr, m: ModuleScope, depth: number, elidedOnly: boolean): number | undefined {
    if (depth > 32) return undefined;
    const sum = (xs: readonly TypeExpr[]): number | undefined => {
      let n = 0;
      for (const x of xs) {
        const c = this.lifetimePositions(x, m, depth + 1, elidedOnly);
        if (c === undefined) return undefined;
        n += c;
      }
      return n;
    };
    switch (te.kind) {
      case 'ref': {
        const inner = this.lifetimePositions(te.inner, m, depth + 1, elidedOnly);
        return inner === undefined ? undefined : inner + (te.elided || !elidedOnly ? 1 : 0);
      }
      case 'ptr':
        return this.lifetimePositions(te.inner, m, depth + 1, elidedOnly);
      case 'array':
      case 'slice':
        return this.lifetimePositions(te.elem, m, depth + 1, elidedOnly);
      case 'tuple':
        return sum(te.elems);
      case 'fnptr':
      case 'never':
        return 0;
      case 'dyn':
        if ((te.args ?? []).some((a) => /'|&/.test(a))) return undefined;
        return te.objectLifetime === undefined ? 0 : te.objectLifetime === "'_" || !elidedOnly ? 1 : 0;
      case 'path': {
        if (te.qualified) return undefined;
        const last = te.segments[te.segments.length - 1];
        if (!last) return undefined;
        if (te.segments.length === 1 && !te.global && last.args.length === 0 && PRIMITIVES.has(last.name)) return 0;
        const args = sum(te.segments.flatMap((g) => g.args.flatMap((a) => (a.kind === 'type' || a.kind === 'binding' ? [a.ty] : []))));
        if (args === undefined) return undefined;
        const written = last.args.filter((a) => a.kind === 'lifetime');
        if (written.length) return args + written.filter((a) => !elidedOnly || (a.kind === 'lifetime' && a.name === "'_")).length;
        let b: ReturnType<Resolver['resolveTypePath']>;
        try {
          b = this.resolver.resolveTypePath(m, te.segments.map((x) => x.name), te.global);
        } catch {
          return undefined;
        }
        if (b?.k === 'prim') return args;
        if (b?.k !== 'item' || !('generics' in b.item) || !b.item.generics) return undefined;
        return args + b.item.generics.params.filter((p) => p.kind === 'lifetime').length;
      }
      default:
        return undefined;
    }
  }

  /** Where a written type leaves out a lifetime rustc needs there (see missingLifetime), undefined if nowhere. */
  private elidedIn(te: TypeExpr, m: ModuleScope, depth: number): string | undefined {
    if (depth > 64) return undefined;
    switch (te.kind) {
      case 'ref':
        return te.elided ? 'a reference without a named lifetime' : this.elidedIn(te.inner, m, depth + 1);
      case 'ptr':
        return this.elidedIn(te.inner, m, depth + 1);
      case 'array':
      case 'slice':
        return this.elidedIn(te.elem, m, depth + 1);
      case 'tuple':
        for (const e of te.elems) {
          const r = this.elidedIn(e, m, depth + 1);
          if (r) return r;
        }
        return undefined;
      case 'path': {
        if (te.qualified) return undefined;
        for (const seg of te.segments) {
          for (const a of seg.args) {
            const r = a.kind === 'type' || a.kind === 'binding' ? this.elidedIn(a.ty, m, depth + 1) : undefined;
            if (r) return r;
          }
        }
        const last = te.segments[te.segments.length - 1];
        if (!last) return undefined;
        const lifetimes = last.args.filter((a) => a.kind === 'lifetime');
        if (lifetimes.some((a) => a.kind === 'lifetime' && a.name !== "'_")) return undefined;
        let b: ReturnType<Resolver['resolveTypePath']>;
        try {
          b = this.resolver.resolveTypePath(m, te.segments.map((x) => x.name), te.global);
        } catch {
          return undefined;
        }
        if (b?.k !== 'item' || !('generics' in b.item) || !b.item.generics) return undefined;
        const wanted = b.item.generics.params.filter((p) => p.kind === 'lifetime').length;
        return wanted > 0 ? `\`${last.name}\` without its lifetime argument${wanted > 1 ? 's' : ''}` : undefined;
      }
      case 'fnptr': {
        const inner = te.inner ?? [];
        const n = te.params ?? inner.length;
        return this.returnElision(inner.slice(0, n), inner[n], m, 'a fn pointer');
      }
      case 'dyn': {
        // `dyn Debug + '_`: an elided object lifetime (rustc's E0106 in a type's definition).
        if (te.objectLifetime === "'_") return "a trait object bounded by `'_`";
        // `dyn Fn() -> &u8`: its sugar elides as a fn pointer does.
        for (const f of te.fnSugar ?? []) {
          const inner = te.inner ?? [];
          const r = this.returnElision(inner.slice(f.at, f.at + f.params), f.ret ? inner[f.at + f.params] : undefined, m, 'an `Fn` bound');
          if (r) return r;
        }
        // `dyn Tr<'_>`, `dyn Iterator<Item = Ref<u8>>`: the arguments of a trait that is not of the
        // `Fn` family (whose sugar elides in its own signature).
        if (!te.bounds.some((b) => /^(?:.*::)?Fn(?:Mut|Once)?$/.test(b.trim()))) {
          if ((te.args ?? []).some((a) => /'_(?!\w)/.test(a))) return "`'_` in a trait object's arguments";
          for (const x of te.inner ?? []) {
            const r = this.elidedIn(x, m, depth + 1);
            if (r) return r;
          }
        }
        // Only the arguments' text is kept: a reference without a lifetime outside parentheses
        // (`Iterator<Item = &u8>`; `Fn(&u8)` elides in its own signature).
        for (const a of te.args ?? []) {
          let flat = a;
          for (let prev = ''; prev !== flat; ) {
            prev = flat;
            flat = flat.replace(/\([^()]*\)/g, '');
          }
          if (/&\s*(?!'[A-Za-z])/.test(flat)) return 'a reference without a named lifetime in a trait object\'s arguments';
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * A bound a field of a generic definition breaks with the definition's own parameter (`struct
   * H<U>(W<U>)` where `W<T: Copy>` and `U` has no `Copy` bound): rustc rejects the definition,
   * whatever its arguments. The message of the first one, or undefined.
   */
  private definitionBound(item: TypeItem, m: ModuleScope): string | undefined {
    const memo = this.definitionBounds.get(item);
    if (memo !== undefined) return memo ?? undefined;
    const identity = identityArgs(item.generics.params);
    const scope = this.adtScope({ k: 'adt', def: { item, m }, args: identity });
    const fields = item.kind === 'enum' ? (item as EnumDef).variants.filter((v) => m.crate.active(v.cfg)).flatMap((v) => v.fields) : (item as StructDef | UnionDef).fields;
    let found: string | undefined;
    for (const f of fields) {
      if (found || !m.crate.active(f.cfg)) continue;
      try {
        found = boundErrorIn(this.tyOf(f.ty, scope));
      } catch (e) {
        if (!(e instanceof Abstain || e instanceof LayoutError)) throw e;
      }
    }
    this.definitionBounds.set(item, found ?? null);
    return found;
  }

  /**
   * Whether a bound on a trait (`written` in `m`) makes its parameter Sized: false when it names a
   * crate's trait none of whose supertraits, followed through the crate's traits, is `Sized` or a
   * std trait that implies it; undefined when that is not certain (a trait not read, an attribute
   * macro on one).
   */
  private traitGivesSized(written: string, m: ModuleScope, seen: Set<object>): boolean | undefined {
    const name = lastSegment(written);
    if (SIZED_STD_TRAITS.has(name)) return true;
    if (NOT_SIZED_STD_TRAITS.has(name)) return false;
    const segs = written.split('::');
    const global = segs[0] === '';
    const b = this.resolver.resolveTypePath(m, global ? segs.slice(1) : segs, global);
    if (b?.k !== 'item' || b.item.kind !== 'trait' || b.m.crate.isStd || b.item.attrs.some((a) => !INERT_ATTRS.has(a.name))) return undefined;
    if (seen.has(b.item)) return false;
    seen.add(b.item);
    const supers = [...(b.item.superTraits ?? []), ...(b.item.superBounds ?? []).map((x) => writtenPath(x) ?? '?')];
    let r: boolean | undefined = false;
    for (const t of supers) {
      const v = this.traitGivesSized(t, b.m, seen);
      if (v === true) return true;
      if (v === undefined) r = undefined;
    }
    return r;
  }

  /** The generic definition's own tail decides MaybeUnsized (rustc checks `instantiate_identity`). */
  private defMaybeUnsized(item: StructDef, m: ModuleScope): boolean {
    const last = item.fields.filter((f) => m.crate.active(f.cfg)).at(-1);
    if (last && this.unprovenProjection(last.ty, m, item.generics.params, undefined, 0)) return true;
    // `T: ?Sized + Tr` with a crate's trait: Sized if `Tr` has `Sized` among its supertraits
    // (followed through the crate's traits); it decides whether the last field may be reordered.
    if (last) {
      for (const p of item.generics.params) {
        if (p.kind !== 'type' || !maybeUnsizedParam(p) || paramUse(last.ty, new Set([p.name])) === 'none') continue;
        // `T::M` (a projection of T) does not depend on T's own sizedness.
        if (last.ty.kind === 'path' && (last.ty.qualified || (!last.ty.global && last.ty.segments.length > 1 && last.ty.segments[0]!.name === p.name))) continue;
        const written = [...(p.traits ?? []), ...(p.bounds ?? []).map((b) => writtenPath(b) ?? '?')];
        const other = written.find((t) => !NOT_SIZED_STD_TRAITS.has(lastSegment(t)) && this.traitGivesSized(t, m, new Set()) !== false);
        if (other !== undefined) throw new Abstain(`whether \`${p.name}: ?Sized + ${other}\` is Sized (\`${other}\` may have \`Sized\` as a supertrait) is not read here; it decides whether \`${item.name}\`'s last field may be reordered`);
      }
    }
    const identity = identityArgs(item.generics.params);
    const ty: Ty = { k: 'adt', def: { item, m }, args: identity };
    try {
      return this.sizedness(ty) !== true;
    } catch (e) {
      if (e instanceof Abstain) return false;
      throw e;
    }
  }

  /**
   * A struct's last field declared as an associated type that rustc's layout does not prove
   * `Sized` (measured, rustc 1.95): a projection whose written types name a generic parameter of
   * the struct or a lifetime, or hold a reference or trait object (`<Wrap<&'static u8> as
   * Tr>::Out`, `<Vec<T> as IntoIterator>::IntoIter`, also through a type alias). Such a field stays
   * last, as an unsized tail would. A projection on a parameter itself (`T::Out`, `<T as Tr>::Out`)
   * is proved by the trait's own bound, and a fully concrete one (`<Vec<u64> as
   * IntoIterator>::IntoIter`) by normalising it: those are reordered.
   */
  private unprovenProjection(te: TypeExpr, m: ModuleScope, params: readonly GenericParam[], alias: AliasArgs | undefined, depth: number): boolean {
    if (te.kind !== 'path' || depth > 8) return false;
    // A generic associated type given a lifetime or a parameter (`<X as Ga>::Out<'static>`, `T::Out<'a>`).
    const namesIn = (a: GenericArg): boolean =>
      a.kind === 'lifetime' || ((a.kind === 'type' || a.kind === 'binding') && this.namesParamOrRegion(a.ty, params, alias, 0)) || (a.kind === 'const' && constNames(a.value, params, alias));
    if ((te.qualified || (te.segments.length === 2 && params.some((p) => p.kind === 'type' && p.name === te.segments[0]!.name))) && te.segments.slice(1).some((g) => g.args.some(namesIn))) return true;
    if (te.qualified) {
      if (!te.qself) return false;
      // The trait's arguments, when read: a fn pointer among them is not known to name a region
      // or not (`fn(&u8)` does not, `fn(&'static u8)` does: namesParamOrRegion abstains).
      if (te.qself.traitArgs) {
        if (te.qself.traitArgs.some(namesIn)) return true;
      } else if (te.qself.traitRegions) return true;
      const self = te.qself.ty;
      if (self.kind === 'path' && !self.qualified && !self.global && self.segments.length === 1) {
        const name = self.segments[0]!.name;
        // Proved by the trait's own declaration, unless it says `type Out: ?Sized`.
        if (alias ? alias.get(name) === 'bare' : params.some((p) => p.kind === 'type' && p.name === name)) {
          const traitPath = /\bas\s+((?:::)?[\w\s:]+?)\s*(?:<[^]*)?>$/.exec(te.segments[0]!.name)?.[1]?.replace(/\s+/g, '');
          if (te.segments.length !== 2 || traitPath === undefined) return false;
          const p = alias ? undefined : params.find((q) => q.kind === 'type' && q.name === name);
          return this.maybeUnsizedProjection([traitPath], te.segments[1]!.name, m, p?.kind === 'type' && p.projectionBounds === true);
        }
      }
      return this.namesParamOrRegion(self, params, alias, 0);
    }
    // `T::Out` with `T: D` where D declares `type Out: ?Sized`.
    if (!te.global && te.segments.length === 2 && !alias) {
      const p = params.find((q) => q.kind === 'type' && q.name === te.segments[0]!.name);
      if (p?.kind === 'type') return this.maybeUnsizedProjection(p.traits ?? [], te.segments[1]!.name, m, p.projectionBounds === true);
    }
    // A type alias's own type, its parameters standing for the arguments written here.
    const b = this.resolver.resolveTypePath(m, te.segments.map((x) => x.name), te.global);
    if (b?.k === 'item' && b.item.kind === 'struct') {
      // `Wrap<T::Out>` with `struct Wrap<U: ?Sized>(U)`: as sized as its argument, when the struct's last field is that parameter.
      const def = b.item;
      const last = def.fields.filter((f) => b.m.crate.active(f.cfg)).at(-1);
      const lt = last?.ty;
      const tail = lt?.kind === 'path' && !lt.qualified && !lt.global && lt.segments.length === 1 && !lt.segments[0]!.args.length ? lt.segments[0]!.name : undefined;
      const typeParams = def.generics.params.filter((q) => q.kind !== 'lifetime');
      const i = typeParams.findIndex((q) => q.kind === 'type' && q.name === tail && maybeUnsizedParam(q));
      const arg = i >= 0 ? te.segments[te.segments.length - 1]!.args.filter((x) => x.kind !== 'lifetime')[i] : undefined;
      return arg?.kind === 'type' && this.unprovenProjection(arg.ty, m, params, alias, depth + 1);
    }
    if (b?.k !== 'item' || b.item.kind !== 'alias' || !b.item.ty) return false;
    const args = te.segments[te.segments.length - 1]!.args;
    const lifetimes = args.filter((x) => x.kind === 'lifetime');
    const others = args.filter((x) => x.kind !== 'lifetime');
    const bound: Map<string, AliasArg> = new Map();
    let li = 0;
    let oi = 0;
    for (const p of b.item.generics.params) {
      const a = p.kind === 'lifetime' ? lifetimes[li++] : others[oi++];
      if (!a) continue;
      if (a.kind === 'lifetime') bound.set(p.name, true);
      else if (a.kind === 'type') {
        const t = a.ty;
        const bare = t.kind === 'path' && !t.qualified && !t.global && t.segments.length === 1 && (alias ? alias.get(t.segments[0]!.name) === 'bare' : params.some((q) => q.kind === 'type' && q.name === t.segments[0]!.name));
        bound.set(p.name, bare ? 'bare' : this.namesParamOrRegion(t, params, alias, 0));
      } else if (a.kind === 'const') bound.set(p.name, constNames(a.value, params, alias));
    }
    return this.unprovenProjection(b.item.ty, b.m, params, bound, depth + 1);
  }

  /**
   * Whether `impl` (written in `implM`) implements the trait `asked` names in `askedM`: the same
   * last segment, and the same trait item when both paths lead to one (`use a::Tr as B; impl B for
   * X` is `a::Tr`'s impl, `impl b::Tr for X` is not). When one does not resolve, the name decides.
   */
  private implOfTrait(impl: ImplDef, implM: ModuleScope, asked: string, askedM: ModuleScope): boolean {
    return this.resolver.sameTrait(asked, askedM, impl.traitPath ?? impl.trait, implM);
  }


  /**
   * Whether `P::name`, P bounded by the traits `paths` name (from `m`), may be unsized: one of them
   * declares it `?Sized`. Abstains when that is not known: declared `?Sized` with other bounds
   * that may imply Sized, or a `where` clause bounding the projection itself (`where T::Out: Sized`).
   */
  private maybeUnsizedProjection(paths: readonly string[], name: string, m: ModuleScope, projectionBounds: boolean): boolean {
    let unsized = false;
    for (const path of paths) {
      const b = this.resolver.traitPath(path, m);
      if (b?.k !== 'item' || b.item.kind !== 'trait') continue;
      if (b.item.unsureAssoc?.includes(name)) throw new Abstain(`the associated type \`${name}\` is declared \`?Sized\` with other bounds: whether they make it Sized (so whether a last field of it may move) is not known`);
      if (b.item.unsizedAssoc?.includes(name)) unsized = true;
    }
    if (unsized && projectionBounds) throw new Abstain(`a \`where\` clause bounds a projection \`${name}\` declared \`?Sized\`: whether it makes it Sized (so whether a last field of it may move) is not known`);
    return unsized;
  }

  /**
   * Whether a written type names a generic parameter (of `params`, or an alias parameter bound to
   * one: `alias`) or a lifetime, or holds a reference or trait object.
   */
  private namesParamOrRegion(te: TypeExpr, params: readonly GenericParam[], alias: AliasArgs | undefined, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const arg = (a: GenericArg): boolean =>
      a.kind === 'lifetime' || ((a.kind === 'type' || a.kind === 'binding') && this.namesParamOrRegion(a.ty, params, alias, depth + 1)) || (a.kind === 'const' && constNames(a.value, params, alias));
    switch (te.kind) {
      case 'ref':
      case 'dyn':
        return true;
      case 'fnptr':
        // `fn(&'static u8)` and `fn(T)` name a region or a parameter; `fn(&u8)` and `for<'a>
        // fn(&'a u8)` do not: the fn type binds those (measured).
        return (te.lifetimes?.length ?? 0) > 0 || (te.inner ?? []).some((x) => this.namesInFnPointer(x, params, alias, depth + 1));
      case 'ptr':
        return this.namesParamOrRegion(te.inner, params, alias, depth + 1);
      case 'slice':
        return this.namesParamOrRegion(te.elem, params, alias, depth + 1);
      case 'array':
        return this.namesParamOrRegion(te.elem, params, alias, depth + 1) || constNames(te.len, params, alias);
      case 'tuple':
        return te.elems.some((x) => this.namesParamOrRegion(x, params, alias, depth + 1));
      case 'path': {
        if (te.qself && (te.qself.traitRegions || this.namesParamOrRegion(te.qself.ty, params, alias, depth + 1))) return true;
        if (!te.global && !te.qualified) {
          const head = te.segments[0]?.name;
          if (head !== undefined && (alias ? alias.get(head) !== undefined && alias.get(head) !== false : params.some((p) => p.kind !== 'lifetime' && p.name === head))) return true;
        }
        return te.segments.some((x) => x.args.some(arg));
      }
      default:
        return false;
    }
  }

  /**
   * namesParamOrRegion inside a fn pointer's signature, where a reference's elided or `for<'a>`
   * lifetime is the pointer's own: `'static` and the parameters count, a trait object's default
   * lifetime is not known here (abstains).
   */
  private namesInFnPointer(te: TypeExpr, params: readonly GenericParam[], alias: AliasArgs | undefined, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    switch (te.kind) {
      case 'ref':
        // Neither elided nor named: `'static` (the extractors keep no name for it).
        return (!te.elided && te.lifetime === undefined) || this.namesInFnPointer(te.inner, params, alias, depth + 1);
      case 'ptr':
        return this.namesInFnPointer(te.inner, params, alias, depth + 1);
      case 'slice':
        return this.namesInFnPointer(te.elem, params, alias, depth + 1);
      case 'array':
        return this.namesInFnPointer(te.elem, params, alias, depth + 1) || constNames(te.len, params, alias);
      case 'tuple':
        return te.elems.some((x) => this.namesInFnPointer(x, params, alias, depth + 1));
      case 'fnptr':
        return (te.inner ?? []).some((x) => this.namesInFnPointer(x, params, alias, depth + 1));
      case 'path': {
        if (te.qself) throw new Abstain('the last field is an associated type written with a function pointer holding a projection: whether rustc keeps it last is not known');
        if (!te.global && !te.qualified) {
          const head = te.segments[0]?.name;
          if (head !== undefined && (alias ? alias.get(head) !== undefined && alias.get(head) !== false : params.some((p) => p.kind !== 'lifetime' && p.name === head))) return true;
        }
        return te.segments.some((x) =>
          x.args.some((a) => (a.kind === 'lifetime' ? a.name === "'static" : a.kind === 'type' || a.kind === 'binding' ? this.namesInFnPointer(a.ty, params, alias, depth + 1) : constNames(a.value, params, alias))),
        );
      }
      case 'dyn':
        throw new Abstain('the last field is an associated type written with a function pointer holding a trait object: whether rustc keeps it last (the object\'s default lifetime may be `\'static`) is not known');
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Layouts

  layoutOf(ty: Ty, forConstant = false): Layout {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      throw new Abstain(`type nesting deeper than ${MAX_DEPTH} levels: not computed`);
    }
    const base = this.constBase;
    if (forConstant) this.constBase = this.inProgress.length;
    try {
      return this.layoutInner(ty);
    } finally {
      this.depth--;
      this.constBase = base;
    }
  }
  /**
   * How many of the types being laid out (`inProgress`) were so before the innermost constant
   * asked for a layout (`size_of::<T>()`): a type met again below that point is a cycle through a
   * constant (rustc's E0391), not a type of infinite size.
   */
  private constBase = 0;

  private layoutInner(ty: Ty): Layout {
    const t = this.target;
    switch (ty.k) {
      case 'int':
        return scalarLayout(fullScalar(ty.size, t.intAlign[ty.size as 1 | 2 | 4 | 8 | 16], ty.signed));
      case 'float':
        return scalarLayout(fullScalar(ty.size, ty.size === 4 ? t.f32Align : t.f64Align, false));
      case 'bool':
        return scalarLayout({ size: 1, align: t.intAlign[1], signed: false, pointer: false, start: 0n, end: 1n });
      case 'char':
        return scalarLayout({ size: 4, align: t.intAlign[4], signed: false, pointer: false, start: 0n, end: 0x10ffffn });
      case 'never':
        return neverLayout(t);
      case 'str':
        return { size: 0, align: 1, offsets: [], uninhabited: false, sized: false, abi: { k: 'memory' } };
      case 'dyn':
        return { size: 0, align: 1, offsets: [], uninhabited: false, sized: false, abi: { k: 'memory' } };
      case 'slice': {
        const e = this.layoutOf(ty.elem);
        if (!e.sized) throw new Reject('E0277', `the size for values of type \`${tyToString(ty.elem)}\` cannot be known at compilation time`);
        return { size: 0, align: e.align, offsets: [], uninhabited: false, sized: false, abi: { k: 'memory' } };
      }
      case 'fnptr':
        return scalarLayout(this.ptrScalar(true));
      case 'ptr':
        return this.pointerLayout(ty);
      case 'array': {
        const hit = this.composite.get(ty);
        if (hit) return hit;
        const e = this.layoutOf(ty.elem);
        if (!e.sized) throw new Reject('E0277', `the size for values of type \`${tyToString(ty.elem)}\` cannot be known at compilation time`);
        const size = checkedMul(e.size, ty.len, t.objSizeBound, () => tyToString(ty));
        const l: Layout = {
          size,
          align: e.align,
          offsets: [],
          niche: ty.len !== 0n ? e.niche : undefined,
          uninhabited: e.uninhabited && ty.len !== 0n,
          reprAlign: e.reprAlign,
          sized: true,
          abi: { k: 'memory' },
          height: (e.height ?? 1) + 1,
        };
        this.composite.set(ty, l);
        return l;
      }
      case 'tuple': {
        const hit = this.composite.get(ty);
        if (hit) return hit;
        const fields = ty.elems.map((e) => this.layoutOf(e));
        const l = { ...univariant(t, fields, DEFAULT_REPR, fields.length === 0 ? { k: 'always' } : { k: 'maybeUnsized' }, () => tyToString(ty)), height: heightOver(fields) };
        this.composite.set(ty, l);
        return l;
      }
      case 'adt':
        return this.adtLayout(ty).layout;
      case 'param':
        throw new Abstain(`generic parameter \`${ty.name}\`: needs type arguments`);
      case 'unknown':
        throw new Abstain(ty.reason);
      case 'error':
        throw new Reject(ty.code, ty.message);
    }
  }

  private ptrScalar(nonNull: boolean): Scalar {
    const t = this.target;
    return { size: t.pointerSize, align: t.pointerAlign, signed: false, pointer: true, start: nonNull ? 1n : 0n, end: mask(t.pointerSize) };
  }

  private pointerLayout(ty: Extract<Ty, { k: 'ptr' }>): Layout {
    const data = this.ptrScalar(ty.nonNull);
    const sized = this.sizedness(ty.pointee);
    if (sized === true) return scalarLayout(data);
    if (sized === 'maybe') throw new Abstain(`pointer to \`${tyToString(ty.pointee)}\`, which may be unsized: needs type arguments`);
    const tail = this.unsizedTail(ty.pointee);
    const meta: Scalar = tail === 'dyn' ? this.ptrScalar(true) : fullScalar(this.target.pointerSize, this.target.pointerAlign, false);
    return scalarPair(this.target, data, meta);
  }

  private unsizedTail(ty: Ty, guard = 0): 'len' | 'dyn' {
    if (guard > MAX_DEPTH) throw new Abstain('type nesting too deep');
    if (ty.k === 'dyn') return 'dyn';
    if (ty.k === 'str' || ty.k === 'slice') return 'len';
    if (ty.k === 'tuple') return this.unsizedTail(ty.elems[ty.elems.length - 1]!, guard + 1);
    if (ty.k === 'adt') {
      const tail = this.tailFieldTy(ty);
      if (tail) return this.unsizedTail(tail, guard + 1);
    }
    throw new Abstain(`unsized tail of \`${tyToString(ty)}\``);
  }

  /** Layout of a struct/enum/union instance, cached; detects infinite-size recursion (E0072). */
  adtLayout(ty: Extract<Ty, { k: 'adt' }>): AdtLayout {
    const k = this.key(ty);
    const shared = this.stdOnly(ty);
    const cache = shared ? this.stdCache : this.layoutCache;
    const hit = cache.get(k);
    if (hit) {
      if (hit instanceof Error) throw hit;
      return hit;
    }
    const def = k.slice(0, k.indexOf('<') + 1);
    let same = this.inProgressByDef.get(def);
    let at = same?.includes(k) ? this.inProgress.indexOf(k) : -1;
    if (at < 0 && same && same.length >= POLY_DEPTH) {
      // Polymorphic recursion (`struct G<T>(Option<G<(T, T)>>)`, rustc's E0072): the same
      // definition nested POLY_DEPTH times in itself, its arguments growing at every level.
      const last = [...same.slice(-POLY_DEPTH + 1), k];
      if (last.every((x, i) => i === 0 || x.length >= last[i - 1]!.length + 3)) at = this.inProgress.indexOf(last[0]!);
    }
    if (at >= 0 && at < this.constBase) {
      // `struct S { a: [u8; size_of::<S>()] }`: the length asks for S's own layout.
      throw new Reject('E0391', `cycle detected when evaluating type-level constant (\`${ty.def.item.name}\`'s layout asks for itself through a constant)`);
    }
    if (at >= 0) {
      // Name the crate's own types, as rustc does (`List`, not `Option`), when there are any.
      const all = this.inProgress.slice(at).map((x) => this.nameOfKey.get(x) ?? '?');
      const own = all.filter((_, i) => !this.stdKeys.has(this.inProgress[at + i]!));
      const names = [...new Set(own.length ? own : all)];
      const err = new Reject(
        'E0072',
        names.length === 1 ? `recursive type \`${names[0]}\` has infinite size` : `recursive types ${names.map((n) => `\`${n}\``).join(' and ')} have infinite size`,
      );
      throw err;
    }
    this.inProgress.push(k);
    if (!same) this.inProgressByDef.set(def, (same = []));
    same.push(k);
    this.nameOfKey.set(k, ty.def.item.name);
    if (ty.def.m.crate.isStd) this.stdKeys.add(k);
    try {
      const computed = this.computeAdt(ty);
      const r = { ...computed, layout: { ...computed.layout, height: Math.max(computed.layout.height ?? 0, heightOver(computed.fields.flat().map((f) => f.layout))) } };
      cache.set(k, r);
      return r;
    } catch (e) {
      if (e instanceof Abstain || e instanceof LayoutError) cache.set(k, e);
      throw e;
    } finally {
      this.inProgress.pop();
      same.pop();
    }
  }
  private readonly nameOfKey = new Map<string, string>();
  /** The in-progress keys of each definition (`#id<`), innermost last. */
  private readonly inProgressByDef = new Map<string, string[]>();
  private readonly stdKeys = new Set<string>();

  /**
   * The first attribute macro among `attrs` as seen from module `m`: written, or added by a
   * `cfg_attr` whose predicate holds or may hold (`#[cfg_attr(feature = "x", bitfield)]`).
   */
  private attributeMacro(attrs: readonly Attribute[], m: ModuleScope): { readonly name: string; readonly from: string } | undefined {
    const crate = m.crate;
    const names = attrs.map((a) => a.name);
    if (attrs.some((a) => a.name === 'cfg_attr')) {
      const added = cfgAttrTexts(
        attrs.filter((a) => a.name === 'cfg_attr').map((a) => a.text),
        (p) => crate.active([p]) || crate.unsure([p]) !== undefined,
      );
      for (const t of added) {
        const n = attrPath(t);
        if (n) names.push(n);
      }
    }
    for (const name of names) {
      if (LAYOUT_KEEPING_ATTRS.has(name)) continue;
      const from = this.resolver.attributeMacroCrate(m, name);
      if (from) return { name, from };
    }
    return undefined;
  }

  /**
   * What stops a definition from being laid out whatever its arguments (thrown: Abstain or
   * Reject): a syntax error in it, an attribute macro that may rewrite it, a cfg not known here,
   * its name bound twice (E0255), an error in the definition alone (definitionChecks.ts), a
   * lifetime missing or undeclared. The crate's definitions only (std's are well-formed).
   */
  checkDefinition(item: TypeItem, m: ModuleScope): void {
    if (item.syntaxError) throw new Abstain(syntaxErrorReason(item.name, item.syntaxError));
    const crate = m.crate;
    const edition = Number(crate.input.edition ?? '2021');
    if (item.editionKeyword && edition >= keywordEdition(item.editionKeyword)) throw new Abstain(syntaxErrorReason(item.name, `\`${item.editionKeyword}\` cannot name a field (a keyword from the ${keywordEdition(item.editionKeyword)} edition on)`));
    if (item.name === 'gen' && edition >= 2024) throw new Abstain(syntaxErrorReason(item.name, '`gen` cannot name a type (a keyword from the 2024 edition on)'));
    if (!crate.isStd) {
      const own = this.attributeMacro(item.attrs, m);
      if (own) throw new Abstain(`\`#[${own.name}]\` is an attribute macro (from the crate \`${own.from}\`), which may rewrite the type`);
      // An attribute macro on an enclosing module rewrites what is in it (`#[cxx::bridge] mod ffi`).
      for (let up: ModuleScope | undefined = m; up?.parent; up = up.parent) {
        const a = this.attributeMacro(up.lintAttrs ?? [], up.parent);
        if (a) throw new Abstain(`the module \`${up.path[up.path.length - 1]}\` is under \`#[${a.name}]\`, an attribute macro (from the crate \`${a.from}\`), which may rewrite what it holds`);
      }
    }
    const why = crate.unsureAt(item, m) ?? uncertainCfgIn(item, crate);
    if (why) throw new Abstain(`\`${item.name}\` depends on a cfg not known here: ${why}`);
    if (crate.isStd) return;
    // The module also imports the item's name in its namespace (E0255): rustc refuses the crate.
    const named = this.resolver.lookupIn(m, item.name);
    if (named?.k === 'error') throw new Reject(named.code, named.message);
    // (Not in a function body's module: it gathers the items of every block inside the body.)
    if (m.definedTwice.has(item.name) && !m.path[m.path.length - 1]?.startsWith(FN_BODY_MODULE)) throw new Reject('E0428', `the name \`${item.name}\` is defined multiple times in its module`);
    const attr = this.unresolvedAttribute(item, m);
    if (attr) throw attr;
    const bad = this.definitionError(item, crate) ?? misplacedDefault(item, m);
    if (bad) throw new Reject(bad.code, bad.message);
    const lifetime = this.missingLifetime(item, m);
    if (lifetime) throw new Reject(lifetime.code, lifetime.message);
    const derived = this.deriveError(item, m);
    if (derived) throw new Reject(derived.code, derived.message);
    const generics = this.genericsError(item, m);
    if (generics?.k === 'error') throw new Reject(generics.code, generics.message);
    if (generics?.k === 'unknown') throw new Abstain(generics.reason);
  }

  /**
   * An attribute written bare (`#[bitfield]`, `#[serde(..)]`) that is neither built-in, nor
   * possibly a derive helper, nor imported: rustc's "cannot find attribute" (Reject), or, where a
   * glob import of another crate may bring it, maybe an attribute macro that rewrites the item
   * (`use modular_bitfield::prelude::*; #[bitfield]`: Abstain). On a field or a variant it is an
   * error wherever it comes from (an attribute macro is refused there too). Not judged where a
   * derive of another crate may declare helpers, under an attribute macro of the item (which may
   * read its fields' attributes, `#[pin]`), nor in a crate enabling features (a nightly
   * attribute the measured list lacks).
   */
  private unresolvedAttribute(item: TypeItem, m: ModuleScope): Reject | Abstain | undefined {
    const crate = m.crate;
    if (crateFeatures(crate).size || hasForeignDerive(item, m)) return undefined;
    const paths = (attrs: readonly Attribute[]): string[] => attrTextsWhere(attrs, (p) => crate.active([p])).map((t) => attrPath(t) ?? '');
    // Single names that may be macros (`default` is std's `Default` helper: misplacedDefault's).
    const bare = (attrs: readonly Attribute[]): string[] => paths(attrs).filter((name) => name !== '' && !name.includes('::') && mayBeMacroAttr(name) && name !== 'default');
    const own = bare(item.attrs);
    for (const name of own) {
      const src = this.resolver.attributeSource(m, name);
      if (src.k === 'missing') return new Reject('unknown_attribute', `cannot find attribute \`${name}\` in this scope (on \`${item.name}\`)`);
      if (LAYOUT_KEEPING_ATTRS.has(name)) continue;
      if (src.k === 'maybe') return new Abstain(`\`#[${name}]\` may be an attribute macro, which may rewrite the type: ${src.why}`);
      if (src.k === 'macro') return new Abstain(`\`#[${name}]\` is an attribute macro (from the crate \`${src.from}\`), which may rewrite the type`);
    }
    // An attribute macro on the item may read its fields' attributes (`#[pin_project]`, `#[pin]`),
    // a path one too (`#[pin_project::pin_project]`).
    if (paths(item.attrs).some(mayBeMacroAttr)) return undefined;
    const parts = item.kind === 'enum' ? item.variants.filter((v) => crate.active(v.cfg)).flatMap((v) => [{ attrs: v.attrs, what: `the variant \`${v.name}\`` }, ...v.fields.filter((f) => crate.active(f.cfg)).map((f) => ({ attrs: f.attrs, what: `a field of \`${v.name}\`` }))]) : item.fields.filter((f) => crate.active(f.cfg)).map((f) => ({ attrs: f.attrs, what: `the field \`${f.name}\`` }));
    for (const { attrs, what } of parts) {
      const name = bare(attrs)[0];
      if (name === undefined) continue;
      const src = this.resolver.attributeSource(m, name);
      if (src.k === 'maybe') return new Abstain(`\`#[${name}]\` on ${what} of \`${item.name}\` is not known here (${src.why}; rustc accepts only built-in and derive helper attributes there)`);
      return new Reject('unknown_attribute', src.k === 'missing' ? `cannot find attribute \`${name}\` in this scope (on ${what} of \`${item.name}\`)` : `expected non-macro attribute, found \`${name}\` (on ${what} of \`${item.name}\`)`);
    }
    return undefined;
  }

  private readonly genericsErrors = new WeakMap<object, Ty | null>();

  /**
   * A bound naming a trait found nowhere (`T: Foo`), in a type's or an alias's generics: rustc's
   * E0405, a refused unknown here. Only where that is certain (notFound), and never for the
   * preludes' traits, which the model does not all hold.
   */
  private unknownBoundTrait(generics: Generics, owner: string, m: ModuleScope): Ty | undefined {
    const traitNames = [...generics.params.flatMap((p) => (p.kind === 'type' ? p.traits ?? [] : [])), ...(generics.predicates ?? []).flatMap((q) => q.traits ?? [])];
    for (const t of traitNames) {
      if (this.traitFoundNowhere(t, m)) return { k: 'unknown', reason: `unknown trait \`${t}\` in the bounds of \`${owner}\``, refused: true };
    }
    const withArgs = [...generics.params.flatMap((p) => (p.kind === 'type' ? p.bounds ?? [] : [])), ...(generics.predicates ?? []).flatMap((q) => q.bounds ?? [])];
    for (const path of [...traitNames, ...withArgs.map((b) => writtenPath(b) ?? '')]) {
      // `T: Vec<u8>`, `where T: String`: a type where a trait goes.
      if (!/^(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$/.test(path)) continue;
      let r: Binding | undefined;
      try {
        r = this.resolver.traitPath(path, m) ?? this.resolver.resolveTypePath(m, path.replace(/^::/, '').split('::'), path.startsWith('::'));
      } catch {
        continue;
      }
      if (r?.k === 'item' && r.item.kind !== 'trait') return { k: 'error', code: 'E0404', message: `expected trait, found ${r.item.kind === 'alias' ? 'type alias' : r.item.kind} \`${path}\` (in the bounds of \`${owner}\`)` };
    }
    // `T: Iterator<Itm = u8>`: an associated type std's trait does not have (E0220).
    for (const b of withArgs) {
      const path = writtenPath(b) ?? '';
      const known = DYN_ASSOC_NEEDED[path.split('::').pop()!];
      if (!known || b.kind !== 'path' || !this.namesStdTrait(path, m)) continue;
      const stray = b.segments[b.segments.length - 1]!.args.find((a) => a.kind === 'binding' && !known.includes(a.name));
      if (stray?.kind === 'binding') return { k: 'error', code: 'E0220', message: `associated type \`${stray.name}\` not found for \`${path}\` (in the bounds of \`${owner}\`)` };
    }
    // `F: Fn<(u8,)>`: the Fn family with angle brackets is unstable.
    const angled = withArgs.map((b) => writtenPath(b) ?? '').find((p) => ['Fn', 'FnMut', 'FnOnce'].includes(p.split('::').pop()!) && this.namesStdTrait(p, m));
    if (angled && !crateFeatures(m.crate).has('unboxed_closures')) {
      return { k: 'error', code: 'E0658', message: `the precise format of \`Fn\`-family traits' type parameters is subject to change (\`${angled}<..>\` in the bounds of \`${owner}\`; use \`${angled}(..)\`)` };
    }
    return undefined;
  }

  /** Whether a one-segment trait name is certainly found nowhere from `m` (rustc's E0405). */
  private traitFoundNowhere(t: string, m: ModuleScope): boolean {
    if (t.includes('::') || !/^[A-Za-z_]\w*$/.test(t) || preludeTraits(m).has(t) || this.resolver.resolveTypePath(m, [t], false)) return false;
    const nf = this.notFound(m, [t], false);
    return nf.k === 'unknown' && nf.refused === true;
  }

  /**
   * What rustc refuses in a trait object beyond dynError: a trait found nowhere (E0405), a type
   * refused inside it (`dyn Fn() -> Strng`, `dyn Iterator<Item = Vec<u8, u8>>`).
   */
  private dynInnerError(e: Extract<TypeExpr, { kind: 'dyn' }>, s: TyScope): Ty | undefined {
    for (const b of e.bounds) {
      if (this.traitFoundNowhere(b, s.m)) return { k: 'error', code: 'E0405', message: `cannot find trait \`${b}\` in this scope (in a trait object)` };
    }
    for (const x of e.inner ?? []) {
      try {
        const r = refusedIn(this.tyOf(x, s));
        if (r) return r;
      } catch (err) {
        if (!(err instanceof Abstain || err instanceof LayoutError)) throw err;
      }
    }
    return undefined;
  }

  /**
   * What rustc refuses in a definition's generics whatever its arguments: a parameter with a
   * default before one without ("generic parameters with a default must be trailing"), a default
   * or a `where` predicate's type naming a type found nowhere (`Id<T = Foo>`, `struct S where T:
   * Copy` without a `T`) or otherwise refused, an unsized default for a Sized parameter (E0277).
   * An error or a refused unknown (Ty), memoized per item.
   */
  private genericsError(item: TypeItem, m: ModuleScope): Ty | undefined {
    const memo = this.genericsErrors.get(item);
    if (memo !== undefined) return memo ?? undefined;
    let found: Ty | undefined;
    const params = item.generics.params;
    const defaulted = params.findIndex((p) => p.kind !== 'lifetime' && p.default !== undefined);
    if (defaulted >= 0 && params.slice(defaulted).some((p) => p.kind !== 'lifetime' && p.default === undefined)) {
      found = { k: 'error', code: 'default_not_trailing', message: `generic parameters with a default must be trailing (in \`${item.name}\`)` };
    }
    if (item.generics.relaxedBound !== undefined) found ??= { k: 'error', code: 'relaxed_bound', message: `bound modifier \`?\` can only be applied to \`Sized\` (\`${item.generics.relaxedBound}\` in \`${item.name}\`)` };
    found ??= this.unknownBoundTrait(item.generics, item.name, m);
    // `struct S<T = U, U = u8>`: a default may name only the parameters before it (E0128).
    params.forEach((p, i) => {
      if (found || p.kind === 'lifetime' || p.default === undefined) return;
      const later = params.slice(i).find((q) => q.kind !== 'lifetime' && p.default !== undefined && (p.kind === 'type' ? nameUse(p.default, q.name, 0) === 'yes' : constAny(p.default, (x) => x.length === 1 && x[0] === q.name, () => false)));
      if (later) found = { k: 'error', code: 'E0128', message: `generic parameters with a default cannot use forward declared identifiers (\`${later.name}\` in the default of \`${item.name}\`'s \`${p.name}\`)` };
    });
    // `F: Fn() -> !`: the never type is unstable there too.
    if (!found && !crateFeatures(m.crate).has('never_type') && params.some((p) => p.kind === 'type' && p.fnBounds?.some((f) => f.ret?.kind === 'never'))) {
      found = { k: 'error', code: 'E0658', message: `the \`!\` type is experimental (an \`Fn\` bound of \`${item.name}\` returns it; the crate root needs \`#![feature(never_type)]\`, on nightly)` };
    }
    if (!found) {
      const identity = identityArgs(params);
      const scope = this.adtScope({ k: 'adt', def: { item, m }, args: identity });
      // `Self` in a default (`enum Tree<T = Self>`): rustc's E0735.
      const selfIn = params.find((p) => p.kind === 'type' && p.default && /"name":"Self"/.test(jsonText(p.default)));
      if (selfIn) found = { k: 'error', code: 'E0735', message: `generic parameters cannot use \`Self\` in their defaults (\`${item.name}\`'s \`${selfIn.name}\`)` };
      const written: { te: TypeExpr; sized: boolean }[] = found
        ? []
        : [
            ...params.flatMap((p) => (p.kind === 'type' && p.default ? [{ te: p.default, sized: !maybeUnsizedParam(p) }] : [])),
            // A const parameter's type naming a type found nowhere (`const N: Usize`).
            ...params.flatMap((p) => (p.kind === 'const' ? [{ te: p.ty, sized: false }] : [])),
            ...(item.generics.predicates ?? []).map((q) => ({ te: q.ty, sized: false })),
            // A name found nowhere in a bound's `Fn` signature (`F: Fn(Strng)`).
            ...(item.generics.boundTypes ?? []).map((te) => ({ te, sized: false })),
          ];
      for (const { te, sized } of written) {
        let ty: Ty;
        try {
          ty = this.tyOf(te, scope);
        } catch (e) {
          if (!(e instanceof Abstain || e instanceof LayoutError)) throw e;
          continue;
        }
        found = refusedIn(ty);
        // A predicate on a type without parameters that certainly does not hold (`where String: Copy`).
        const q = (item.generics.predicates ?? []).find((x) => x.ty === te);
        if (!found && q && !findInTy(ty, (x) => (x.k === 'param' || x.k === 'unknown' || x.k === 'error' ? true : undefined))) {
          for (const t of q.traits ?? []) {
            const std = stdTraitOf(t, m, this.resolver);
            if (!std || std === 'From' || std === 'Into') continue;
            if (implementsStd(ty, std, undefined, this.boundHost) === false) {
              found = { k: 'error', code: 'E0277', message: `the trait bound \`${tyToString(ty)}: ${std}\` is not satisfied (a \`where\` predicate of \`${item.name}\`)` };
              break;
            }
          }
        }
        // A default that does not meet its parameter's std bounds (`T: Copy = String`).
        const owner = params.find((p) => p.kind === 'type' && p.default === te);
        if (!found && owner?.kind === 'type' && !findInTy(ty, (x) => (x.k === 'param' || x.k === 'unknown' || x.k === 'error' ? true : undefined))) {
          for (const t of owner.traits ?? []) {
            const std = stdTraitOf(t, m, this.resolver);
            if (!std || std === 'From' || std === 'Into') continue;
            if (implementsStd(ty, std, undefined, this.boundHost) === false) {
              found = { k: 'error', code: 'E0277', message: `the trait bound \`${tyToString(ty)}: ${std}\` is not satisfied (the default of \`${item.name}\`'s parameter \`${owner.name}\`)` };
              break;
            }
          }
        }
        if (!found && sized && ty.k !== 'param') {
          let isSized: boolean | 'maybe' = 'maybe';
          try {
            isSized = this.sizedness(ty, 0, false);
          } catch {
            // not known
          }
          if (isSized === false) found = { k: 'error', code: 'E0277', message: `the size for values of type \`${tyToString(ty)}\` cannot be known at compilation time (a default of \`${item.name}\`'s Sized parameter)` };
        }
        if (found) break;
      }
    }
    if (!found) {
      // A `?Sized` parameter held by value where rustc needs `Sized`: a struct's field before the
      // last, any field of an enum or a union, an array's element.
      const unsized = new Set(params.flatMap((p) => (p.kind === 'type' && maybeUnsizedParam(p) ? [p.name] : [])));
      const bare = (te: TypeExpr): string | undefined =>
        te.kind === 'path' && !te.global && !te.qualified && te.segments.length === 1 && !te.segments[0]!.args.length && unsized.has(te.segments[0]!.name) ? te.segments[0]!.name : undefined;
      const inArray = (te: TypeExpr, depth: number): string | undefined =>
        depth > 64 ? undefined : te.kind === 'array' ? bare(te.elem) ?? inArray(te.elem, depth + 1) : te.kind === 'tuple' ? te.elems.map((x) => inArray(x, depth + 1)).find((x) => x) : undefined;
      const lists = item.kind === 'enum' ? (item as EnumDef).variants.filter((v) => m.crate.active(v.cfg)).map((v) => v.fields) : [(item as StructDef | UnionDef).fields];
      for (const list of unsized.size ? lists : []) {
        const fields = list.filter((f) => m.crate.active(f.cfg));
        fields.forEach((f, i) => {
          const tail = item.kind === 'struct' && i === fields.length - 1;
          const name = (tail ? undefined : bare(f.ty)) ?? inArray(f.ty, 0);
          if (name && !found) found = { k: 'error', code: 'E0277', message: `the size for values of type \`${name}\` cannot be known at compilation time (a \`?Sized\` parameter held by value in \`${item.name}\`'s field \`${f.name}\`)` };
        });
      }
    }
    if (!found && !m.crate.isStd && !m.crate.capLints) found = this.fieldDefinitionError(item, m);
    this.genericsErrors.set(item, found ?? null);
    return found;
  }

  /**
   * A field of a generic definition that asks a lifetime of what may be shorter (`struct E<U>(W<U>)`
   * with `W<T: 'static>`: E0310; `&'static U`-like requirements through `where` clauses and the
   * types it names), or computes with a generic parameter in a constant (`[u8; N + 1]`): rustc
   * refuses the definition whatever its arguments, as each of its uses shows.
   */
  private fieldDefinitionError(item: TypeItem, m: ModuleScope): Ty | undefined {
    // A use of the item met while its own fields are read (a recursive type) finds no error here.
    this.genericsErrors.set(item, null);
    const identity = identityArgs(item.generics.params);
    const scope = this.adtScope({ k: 'adt', def: { item, m }, args: identity });
    const lists = item.kind === 'enum' ? (item as EnumDef).variants.filter((v) => m.crate.active(v.cfg)).map((v) => v.fields) : [(item as StructDef | UnionDef).fields];
    for (const f of lists.flat()) {
      if (!m.crate.active(f.cfg)) continue;
      try {
        const r = refusedIn(this.tyOf(f.ty, scope));
        if (r?.k === 'error' && FIELD_DEFINITION_ERRORS.has(r.code)) return r;
      } catch (e) {
        if (!(e instanceof Abstain || e instanceof LayoutError)) throw e;
      }
    }
    return undefined;
  }

  private readonly deriveErrors = new WeakMap<object, DeriveProblem | null>();

  /** An error rustc gives the item's std derives (bounds.ts deriveProblem), memoized per item. */
  private deriveError(item: TypeItem, m: ModuleScope): DeriveProblem | undefined {
    const memo = this.deriveErrors.get(item);
    if (memo !== undefined) return memo ?? undefined;
    let found: DeriveProblem | undefined;
    if (stdDerives(item, m).length) {
      const identity = identityArgs(item.generics.params);
      const self: Ty = { k: 'adt', def: { item, m }, args: identity };
      const scope = this.adtScope(self);
      const active = item.kind === 'enum' ? (item as EnumDef).variants.filter((v) => m.crate.active(v.cfg)) : [];
      const written = item.kind === 'enum' ? active.flatMap((v) => v.fields) : (item as StructDef | UnionDef).fields;
      const fields: Ty[] = [];
      for (const f of written) {
        if (!m.crate.active(f.cfg)) continue;
        try {
          fields.push(this.tyOf(f.ty, scope));
        } catch (e) {
          if (!(e instanceof Abstain || e instanceof LayoutError)) throw e;
        }
      }
      const variants = active.map((v) => ({ name: v.name, unit: v.shape === 'unit', isDefault: v.attrs.some((a) => a.name === 'default') }));
      found = deriveProblem(item, m, this.boundHost, self, fields, variants, item.kind === 'struct' && reprOf(item, m.crate).packed !== undefined);
    }
    this.deriveErrors.set(item, found ?? null);
    return found;
  }

  private computeAdt(ty: Extract<Ty, { k: 'adt' }>): AdtLayout {
    const t = this.target;
    const item = ty.def.item;
    const crate = ty.def.m.crate;
    const name = () => tyToString(ty);
    if (crate.isStd) {
      const os = attr(item, 'rll_os');
      if (os !== undefined) {
        const flavors = osFlavors(os);
        if (flavors.includes('std') ? !t.hasStd : !flavors.includes(t.stdFlavor)) {
          throw new Abstain(
            flavors.includes('std') ? `\`${item.name}\` is part of std, which ${t.triple} does not have (core and alloc only)` : `\`${item.name}\` depends on the standard library's implementation for ${t.triple}, which this extension does not model`,
          );
        }
      }
      const atomic = attrNumber(item, 'rll_atomic');
      if (atomic !== undefined && BigInt(t.maxAtomicSize) < atomic) {
        throw new Reject('E0432', `\`${item.name}\` does not exist on ${t.triple} (no ${Number(atomic) * 8}-bit atomics)`);
      }
      if (attr(item, 'rll_to_owned')) return this.toOwned(ty);
      const assoc = attr(item, 'rll_assoc');
      if (assoc) return this.assocType(ty, /\(\s*(\w+)\s*\)/.exec(assoc)?.[1] ?? '');
    }
    this.checkDefinition(item, ty.def.m);
    if (!crate.isStd && item.generics.params.some((p) => p.kind === 'type')) {
      const unmet = this.definitionBound(item, ty.def.m);
      if (unmet) throw new Reject('E0277', `${unmet} in the definition of \`${item.name}\`, whose own parameter does not have that bound`);
    }
    const itemRepr = reprOf(item, crate);
    const repr = reprOptions(itemRepr, t);
    if (itemRepr.simd) throw new Abstain('`#[repr(simd)]` is unstable and not modelled');
    if (itemRepr.unknown.length) throw new Abstain(`unknown repr hint \`${itemRepr.unknown.join(', ')}\``);
    if (itemRepr.conflict) throw new Reject(itemRepr.conflict, REPR_CONFLICTS[itemRepr.conflict]);
    // `repr(Rust)` with `C` or an integer: rustc refuses it outright (not the lint).
    if (itemRepr.rust && (itemRepr.c || itemRepr.int !== undefined)) throw new Reject('E0566', 'conflicting representation hints (`Rust` with `C` or an integer type)');
    if (repr.pack !== undefined && repr.align !== undefined) throw new Reject('E0587', 'type has conflicting packed and align representation hints');
    if (item.kind === 'enum' && repr.pack !== undefined) throw new Reject('E0517', 'attribute should be applied to a struct or union');
    // `#[repr(u8)]` names an enum's tag: rustc refuses it on a struct or a union.
    if (item.kind !== 'enum' && itemRepr.int !== undefined) throw new Reject('E0517', 'attribute should be applied to an enum');
    // On 16-bit targets isize::MAX is below rustc's 2^29 limit: align(32768) is already rejected.
    if (repr.align !== undefined && BigInt(repr.align) >= t.objSizeBound) throw new Reject('E0589', `alignment must not be greater than \`isize::MAX\` bytes (${t.objSizeBound - 1n} on ${t.triple})`);
    if (repr.transparent && (repr.c || repr.pack !== undefined || repr.align !== undefined || repr.int !== undefined)) {
      throw new Reject('E0692', 'transparent type cannot have other repr hints');
    }
    // The `#[repr(..)]` attributes in force, a `cfg_attr` that holds included.
    const reprAttrTexts = () => item.attrs.flatMap((a) => (a.name === 'repr' ? [a.text] : a.name === 'cfg_attr' ? cfgAttrTexts([a.text], (p) => crate.active([p])).filter((t) => /^repr\s*\(/.test(t)) : []));
    const intHints = reprAttrTexts()
      .flatMap((t) => t.replace(/^repr\s*\(/, '').replace(/\)\s*$/, '').split(','))
      .map((x) => x.trim())
      .filter((x) => /^[iu](8|16|32|64|128|size)$/.test(x));
    // Conflicting hints are the `conflicting_repr_hints` lint (denied by default): where it is
    // allowed rustc takes the last integer hint and lays the type out.
    const reprHintsAllowed = (): boolean => this.consts.lintPasses('conflicting_repr_hints', [item.attrs], ty.def.m);
    if (intHints.length > 1 && !reprHintsAllowed()) throw new Reject('E0566', 'conflicting representation hints (the lint `conflicting_repr_hints`, denied by default)');
    const scope = this.adtScope(ty);
    // rustc's internal niche attributes: a nightly feature, and on structs only.
    const attrTexts = attrTextsWhere(item.attrs, (p) => crate.active([p]));
    const validRange = attrTexts.find((t) => /^rustc_layout_scalar_valid_range_(start|end)\b/.test(t));
    if (validRange !== undefined && !crate.isStd) {
      if (!crateFeatures(crate).has('rustc_attrs')) throw new Reject('E0658', `use of an internal attribute (\`#[${validRange}]\` needs \`#![feature(rustc_attrs)]\`, on nightly)`);
      if (item.kind !== 'struct') throw new Reject('misplaced_attribute', `\`#[${validRange.replace(/\s*\(.*$/s, '')}]\` attribute cannot be used on ${item.kind === 'enum' ? 'enums' : 'unions'}`);
    }
    if (item.kind === 'union' && attrTexts.some((t) => /^non_exhaustive\b/.test(t))) throw new Reject('misplaced_attribute', '`#[non_exhaustive]` attribute cannot be used on unions');
    // Built-in attributes rustc 1.95 refuses on a type, a variant or a field (measured).
    const misplaced = (attrs: readonly Attribute[], where: 'item' | 'variant' | 'field'): string | undefined => {
      const texts = attrTextsWhere(attrs, (p) => crate.active([p]));
      for (const t of texts) {
        const bad = malformedAttr(t.trim());
        // Stability attributes are std's (`#![feature(staged_api)]` allows them elsewhere).
        if (bad && !(bad.startsWith('E0734') && crateFeatures(crate).size)) return bad;
        const name = /^([A-Za-z_]\w*)/.exec(t.trim())?.[1];
        const on = name === undefined ? undefined : MISPLACED_ATTRS[name];
        if (on && on.includes(where)) return name;
        // Unstable ones are refused first for their feature (E0658), wherever written.
        if (name !== undefined && GATED_ATTRS.has(name) && crateFeatures(crate).size === 0) return name;
      }
      return undefined;
    };
    if (!crate.isStd) {
      const what = item.kind === 'struct' ? 'structs' : item.kind === 'enum' ? 'enums' : 'unions';
      const onItem = misplaced(item.attrs, 'item');
      if (onItem) throw misplacedReject(onItem, what);
      const variantsHere = item.kind === 'enum' ? (item as EnumDef).variants.filter((v) => crate.active(v.cfg)) : [];
      for (const v of variantsHere) {
        const a = misplaced(v.attrs, 'variant');
        if (a) throw misplacedReject(a, 'enum variants');
      }
      const fieldsHere = item.kind === 'enum' ? variantsHere.flatMap((v) => v.fields) : (item as StructDef | UnionDef).fields;
      for (const f of fieldsHere) {
        const a = crate.active(f.cfg) ? misplaced(f.attrs, 'field') : undefined;
        if (a) throw misplacedReject(a, 'fields');
      }
    }
    // `#[repr(..)]` on a variant or a field (rustc: E0517, whatever the hint).
    const reprOn = (attrs: readonly Attribute[]) => attrs.some((a) => a.name === 'repr' || (a.name === 'cfg_attr' && cfgAttrTexts([a.text], (p) => crate.active([p])).some((t) => /^repr\b/.test(t))));
    const members = item.kind === 'enum' ? (item as EnumDef).variants.filter((v) => crate.active(v.cfg)) : [];
    const memberFields = item.kind === 'enum' ? members.flatMap((v) => v.fields) : (item as StructDef | UnionDef).fields;
    if (members.some((v) => reprOn(v.attrs)) || memberFields.some((f) => crate.active(f.cfg) && reprOn(f.attrs))) {
      throw new Reject('E0517', '`#[repr(..)]` on a variant or a field: it applies to a struct, enum or union only');
    }
    // Tuple fields are numbered after `#[cfg]` filtering, as rustc numbers them.
    const fieldsOf = (fields: readonly FieldDef[]) =>
      fields
        .filter((f) => crate.active(f.cfg))
        .map((def, i) => {
          const fty = this.tyOf(def.ty, withLints(scope, def.attrs));
          const named = /^\d+$/.test(def.name) ? { ...def, name: String(i) } : def;
          return { def: named, ty: fty, layout: this.layoutOf(fty) };
        });

    const checkPacked = (fields: readonly { ty: Ty; layout: Layout }[]) => {
      // Only a layout that holds a `#[repr(align)]` type can meet one on rustc's walk.
      if (repr.pack === undefined || !fields.some((f) => f.layout.reprAlign)) return;
      const r = this.packedChain(item as StructDef | UnionDef, ty.def.m, new Set());
      if (r === 'error') throw new Reject('E0588', 'packed type cannot transitively contain a `#[repr(align)]` type');
      if (r === 'unsure') throw new Abstain('a packed type with a field whose type is not known here: whether it holds a `#[repr(align)]` struct (rustc: E0588) is not known');
    };
    // rustc checks `#[repr(transparent)]` and union fields on the generic definition, where a
    // field of a parameter's type is neither a 1-ZST nor `Copy` (unless its bounds say so).
    const typeParams = new Set(item.generics.params.filter((p) => p.kind === 'type').map((p) => p.name));
    const checkTransparent = (fields: readonly { def: FieldDef; ty: Ty; layout: Layout }[], what: string) => {
      let certain = 0;
      let maybe = 0;
      for (const f of fields) {
        const use = typeParams.size ? paramUse(f.def.ty, typeParams) : 'none';
        if (!is1Zst(f.layout) || use === 'bare') certain++;
        else if (use === 'other') maybe++;
      }
      if (certain > 1) throw new Reject('E0690', `${what} needs at most one field with non-trivial size or alignment, but has ${certain}`);
      if (certain + maybe > 1) throw new Abstain(`whether rustc takes this \`#[repr(transparent)]\` type's generic fields for zero-sized ones is not modelled`);
      // rustc 1.95's `repr_transparent_non_zst_fields` (denied by default, in `future_incompatible`,
      // read on the type itself): a 1-ZST field holding (through tuples, arrays and fields) a
      // `repr(C)` type, or another crate's type with private fields or `#[non_exhaustive]`, is
      // refused beside a non-trivial field or after another such field.
      if (this.consts.lintPasses('repr_transparent_non_zst_fields', [item.attrs], ty.def.m)) return;
      let prev = false;
      for (const f of fields) {
        if (!is1Zst(f.layout)) continue;
        const found = this.transparentUnsuited(f.ty, crate, 0);
        if (found === undefined) continue;
        const use = typeParams.size ? paramUse(f.def.ty, typeParams) : 'none';
        if (found === 'unknown' || use !== 'none' || (certain === 0 && maybe > 0)) {
          throw new Abstain(
            found === 'unknown'
              ? "whether a zero-sized field of this `#[repr(transparent)]` type holds a std type with private fields or `#[non_exhaustive]` (rustc's `repr_transparent_non_zst_fields`, denied by default) is not known for every std type"
              : "whether rustc's `repr_transparent_non_zst_fields` (denied by default) refuses this generic `#[repr(transparent)]` type is not modelled",
          );
        }
        if (certain > 0 || prev) {
          throw new Reject('repr_transparent_non_zst_fields', `zero-sized fields in \`repr(transparent)\` cannot contain ${found} (the lint \`repr_transparent_non_zst_fields\`, denied by default)`);
        }
        prev = true;
      }
    };
    if (item.kind === 'union') {
      if (repr.transparent && !crate.isStd && !crateFeatures(crate).has('transparent_unions')) {
        throw new Reject('E0658', 'transparent unions are unstable (the crate root needs `#![feature(transparent_unions)]`, on nightly)');
      }
      const fields = fieldsOf((item as UnionDef).fields);
      checkPacked(fields);
      if (typeParams.size && fields.some((f) => holdsParamByValue(f.def.ty, typeParams) && !this.copyByBounds(f.def.ty, item.generics.params, ty.def.m, typeParams, 0))) {
        throw new Abstain('a union field holding a type parameter must be `Copy` by its bounds (rustc: E0740 otherwise): only a `Copy` bound on the parameter itself is read');
      }
      for (const f of fields) {
        const ok = this.allowedUnionField(f.ty);
        if (ok === false) throw new Reject('E0740', 'field must implement `Copy` or be wrapped in `ManuallyDrop<...>` to be used in a union');
        if (ok === 'unknown') throw new Abstain(`whether \`${tyToString(f.ty)}\` is \`Copy\` (as a union field must be) is not known`);
      }
      return { layout: unionLayout(t, fields.map((f) => f.layout), repr, name), fields: [fields], variants: [] };
    }
    if (item.kind === 'struct') {
      const s = item as StructDef;
      const fields = fieldsOf(s.fields);
      checkPacked(fields);
      if (repr.transparent) checkTransparent(fields, 'transparent struct');
      const layout = structOrEnumLayout(t, {
        repr,
        variants: [fields.map((f) => f.layout)],
        isEnum: false,
        // std's, or a `#![no_core]` crate's own (`#[lang = ..]` needs `#![feature(lang_items)]`).
        noNiche: item.attrs.some((a) => a.name === 'lang' && /^lang\s*=\s*"unsafe_cell"$/.test(a.text.trim())),
        validRange: validRangeOf(item, crate),
        discriminants: [],
        dontNicheOptimize: false,
        alwaysSized: !this.defMaybeUnsized(s, ty.def.m),
        name,
      });
      // A struct ending in `[u8]`, `str` or `dyn Trait`: a valid definition, but no size at
      // compile time (`size_of::<T>()` is rustc's E0277), which is what is asked here.
      if (!layout.sized) {
        throw new Reject('E0277', `the size for values of type \`${name()}\` cannot be known at compilation time: it is dynamically sized (its last field is unsized), a valid definition whose values' size is known only at run time`);
      }
      return { layout, fields: [fields], variants: [] };
    }
    const en = item as EnumDef;
    const variants = en.variants.filter((v) => crate.active(v.cfg));
    // Any `#[repr(..)]` at all on an enum without variants (`align(8)`, `Rust`, even `repr()`).
    if (variants.length === 0 && reprAttrTexts().length > 0) throw new Reject('E0084', 'unsupported representation for zero-variant enum');
    if (repr.transparent && variants.length !== 1) throw new Reject('E0731', 'transparent enum needs exactly one variant');
    // Only unit variants (`A`, not `A()` or `A {}`) make `repr(C, u8)` a conflict.
    if (repr.c && repr.int !== undefined && variants.every((v) => v.shape === 'unit') && !reprHintsAllowed()) throw new Reject('E0566', 'conflicting representation hints (the lint `conflicting_repr_hints`, denied by default)');
    const fields = variants.map((v) => fieldsOf(v.fields));
    if (repr.transparent && fields[0]) checkTransparent(fields[0], 'the variant of a transparent enum');
    // A lone variant without `repr(C)` or an integer repr is laid out as a struct: rustc never
    // asks for its discriminant there, so `V = size_of::<Self>() as isize` is no cycle (size 0).
    // Its value is still evaluated and checked, as rustc does, but outside this layout.
    const lone = variants.length === 1 && variants[0]!.discriminant !== undefined && !inhibitEnumLayoutOpt(repr);
    const { discriminants, explicit } = !lone
      ? this.discriminants(variants, repr, scope)
      : this.discriminantsOutside.has(item)
        ? { discriminants: [0n], explicit: true }
        : this.outsideLayouts(item, () => this.discriminants(variants, repr, scope));
    // `A()` and `A {}` are not unit variants; `repr(C)` alone is not an integer repr.
    if (explicit && variants.some((v) => v.shape !== 'unit') && repr.int === undefined) {
      throw new Reject('E0732', '`#[repr(inttype)]` must be specified for enums with explicit discriminants and non-unit variants');
    }
    const layout = structOrEnumLayout(t, {
      repr,
      variants: fields.map((v) => v.map((f) => f.layout)),
      isEnum: true,
      noNiche: false,
      validRange: {},
      discriminants,
      dontNicheOptimize: inhibitEnumLayoutOpt(repr) || explicit,
      alwaysSized: true,
      name,
    });
    return { layout, fields, variants };
  }

  /**
   * rustc's rule for a union field (`allowed_union_or_unsafe_field`): references, `ManuallyDrop`,
   * tuples and arrays of allowed types, and `Copy` types. 'unknown' when Copy-ness is not known.
   */
  private allowedUnionField(ty: Ty, depth = 0): boolean | 'unknown' {
    if (depth > MAX_DEPTH) return 'unknown';
    if (ty.k === 'ptr' && (ty.kind === '&' || ty.kind === '&mut')) return true;
    if (ty.k === 'tuple') return all(ty.elems.map((e) => this.allowedUnionField(e, depth + 1)));
    if (ty.k === 'array') return this.allowedUnionField(ty.elem, depth + 1);
    if (ty.k === 'adt' && ty.def.m.crate.isStd && ty.def.item.name === 'ManuallyDrop') return true;
    return this.isCopy(ty, depth + 1);
  }

  /** Whether a type is `Copy` (derives and `impl Copy for` in the crates, a table for std). */
  private isCopy(ty: Ty, depth: number): boolean | 'unknown' {
    if (depth > MAX_DEPTH) return 'unknown';
    switch (ty.k) {
      case 'int':
      case 'float':
      case 'bool':
      case 'char':
      case 'never':
      case 'fnptr':
        return true;
      case 'ptr':
        return ty.kind !== '&mut';
      // `Copy: Clone: Sized`: an unsized type is never `Copy`.
      case 'str':
      case 'slice':
      case 'dyn':
        return false;
      case 'array':
        return this.isCopy(ty.elem, depth + 1);
      case 'tuple':
        return all(ty.elems.map((e) => this.isCopy(e, depth + 1)));
      case 'adt': {
        const { item, m } = ty.def;
        const args = () => all(ty.args.map((a) => (a.k === 'const' ? true : this.isCopy(a.ty, depth + 1))));
        if (m.crate.isStd) {
          // `ItemOf<I>` (`<I as Iterator>::Item`) is the type it resolves to: `u8` for `Peekable<vec::IntoIter<u8>>`.
          const assoc = this.stdAssocOf(ty);
          if (assoc) return assoc.k === 'unknown' || assoc.k === 'error' ? 'unknown' : this.isCopy(assoc, depth + 1);
          // The std model carries std's own `#[derive(Copy)]`s (`range::Range` is Copy, `ops::Range` not).
          if (derivesCopy(item.attrs.map((a) => a.text))) return args();
          if (attr(item, 'rll_copy_unknown')) return args() === false ? false : 'unknown';
          const c = COPY_STD[item.name];
          if (c === 'always') return true;
          if (c === 'args') return args();
          // Every Copy type of the model is marked (test/unit/stdModel.test.ts checks each public
          // type as a union field against rustc), so the others are not Copy.
          return false;
        }
        const texts = item.attrs.filter((a) => a.name !== 'cfg_attr').map((a) => a.text);
        const added = cfgAttrTexts(item.attrs.filter((a) => a.name === 'cfg_attr').map((a) => a.text), (p) => m.crate.active([p]));
        // A derive bounds every type parameter by Copy.
        if (derivesCopy(texts) || derivesCopy(added)) return args();
        // `impl Copy for X` (`impl<T: Copy> Copy for G<T>`: when its bounds hold).
        const written = markerImpls(ty, 'copy', this.boundHost, depth);
        if (written === true || written === 'unknown') return written;
        return this.resolver.renamesCopy(m.crate) || implsMaybeUnseen(item, m) ? 'unknown' : false;
      }
      default:
        return 'unknown';
    }
  }

  /**
   * The type a std `rll_assoc` struct stands for (`ItemOf<Peekable<vec::IntoIter<u8>>>` is `u8`),
   * `unknown` where the engine does not resolve it; undefined for any other type.
   */
  private stdAssocOf(ty: Ty): Ty | undefined {
    if (ty.k !== 'adt' || !ty.def.m.crate.isStd) return undefined;
    const assoc = attr(ty.def.item, 'rll_assoc');
    if (!assoc) return undefined;
    try {
      return this.assocTy(ty, /\(\s*(\w+)\s*\)/.exec(assoc)?.[1] ?? '');
    } catch (err) {
      if (err instanceof LayoutError || err instanceof Abstain) return { k: 'unknown', reason: err.message };
      throw err;
    }
  }

  /**
   * What makes a zero-sized field of a `#[repr(transparent)]` type of crate `local` unsuited
   * (rustc's `check_unsuited`): a `repr(C)` type, or another crate's type with private fields or
   * `#[non_exhaustive]`, met through tuples, arrays and the fields of the types met; 'unknown'
   * for a std type rustc's verdict on is not known (src/core/stdTransparent.ts).
   */
  private transparentUnsuited(ty: Ty, local: CrateScope, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return 'unknown';
    if (ty.k === 'tuple') {
      for (const e of ty.elems) {
        const r = this.transparentUnsuited(e, local, depth + 1);
        if (r !== undefined) return r;
      }
      return undefined;
    }
    if (ty.k === 'array') return this.transparentUnsuited(ty.elem, local, depth + 1);
    if (ty.k !== 'adt') return undefined;
    const { item, m } = ty.def;
    if (m.crate.isStd) {
      const path = publicStdItems(this.resolver.std, this.resolver).get(item);
      const known = path === undefined ? undefined : STD_TRANSPARENT[path];
      if (known === undefined) return 'unknown';
      if (known === 'private') return 'external types with private fields';
      if (known === 'non_exhaustive') return 'external non-exhaustive types';
      if (known === 'ok') return undefined;
      for (const a of ty.args) {
        if (a.k === 'const') continue;
        const r = this.transparentUnsuited(a.ty, local, depth + 1);
        if (r !== undefined) return r;
      }
      return undefined;
    }
    const variants = item.kind === 'enum' ? (item as EnumDef).variants : [];
    if (m.crate !== local) {
      if (attr(item, 'non_exhaustive') !== undefined || variants.some((v) => v.attrs.some((a) => a.name === 'non_exhaustive'))) return 'external non-exhaustive types';
      // An enum's fields are public; a struct's or union's are when written `pub`.
      if (item.kind !== 'enum' && (item as StructDef | UnionDef).fields.some((f) => m.crate.active(f.cfg) && f.vis?.replace(/\s+/g, '') !== 'pub')) return 'external types with private fields';
    }
    if (reprOf(item, m.crate).c) return '`repr(C)` types';
    let laid: AdtLayout;
    try {
      laid = this.adtLayout(ty);
    } catch {
      return 'unknown';
    }
    for (const f of laid.fields.flat()) {
      const r = this.transparentUnsuited(f.ty, local, depth + 1);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  /** The lone-variant enums whose discriminant is being evaluated outside their layout. */
  private readonly discriminantsOutside = new Set<object>();

  /**
   * Runs `f` (a lone variant's discriminant) as a query of its own, the way rustc evaluates a
   * discriminant apart from any layout: the types being laid out are set aside meanwhile, so a
   * layout it asks for is computed afresh, and the enum met again inside skips this evaluation.
   */
  private outsideLayouts<R>(item: object, f: () => R): R {
    const progress = this.inProgress.splice(0);
    const byDef = new Map(this.inProgressByDef);
    this.inProgressByDef.clear();
    const base = this.constBase;
    this.constBase = 0;
    this.discriminantsOutside.add(item);
    try {
      return f();
    } finally {
      this.discriminantsOutside.delete(item);
      this.inProgress.splice(0, this.inProgress.length, ...progress);
      this.inProgressByDef.clear();
      for (const [k, v] of byDef) this.inProgressByDef.set(k, v);
      this.constBase = base;
    }
  }

  /** The discriminant of each (active) variant, as rustc assigns them (explicit values, else the previous one plus one). */
  private discriminants(variants: readonly VariantDef[], repr: ReprOptions, scope: TyScope): { discriminants: bigint[]; explicit: boolean } {
    const discrTy = repr.int ?? { size: this.target.pointerSize, signed: true, ptr: true };
    const discriminants: bigint[] = [];
    const seen = new Set<bigint>();
    let explicit = false;
    let prev: bigint | undefined;
    for (const v of variants) {
      let d: bigint;
      if (v.discriminant) {
        explicit = true;
        const op = this.genericConstOperation(v.discriminant, scope, false);
        if (op?.k === 'error') throw new Reject(op.code, op.message);
        const r = this.consts.tryConst(v.discriminant, withLints(scope, v.attrs), discrTy);
        if (r instanceof Error) throw r;
        d = r;
      } else {
        d = prev === undefined ? 0n : prev + 1n;
        if (d > intMax(discrTy)) throw new Reject('E0370', `enum discriminant overflowed`);
      }
      if (seen.has(d)) throw new Reject('E0081', `discriminant value \`${d}\` assigned more than once`);
      seen.add(d);
      discriminants.push(d);
      prev = d;
    }
    return { discriminants, explicit };
  }

  /** `Enum::Variant` in a constant (`MZFlush::None as isize`): a field-less variant's discriminant. */
  variantDiscriminant(m: ModuleScope, segs: readonly string[]): bigint | undefined {
    const owner = this.resolver.resolveTypePath(m, segs.slice(0, -1), false);
    if (owner?.k !== 'item' || owner.item.kind !== 'enum') return undefined;
    const item = owner.item;
    const variants = item.variants.filter((v) => owner.m.crate.active(v.cfg));
    const i = variants.findIndex((v) => v.name === segs[segs.length - 1]);
    if (i < 0 || variants.some((v) => v.fields.length > 0)) return undefined;
    const ty: Ty = { k: 'adt', def: { item, m: owner.m }, args: [] };
    const scope = this.adtScope(ty as Extract<Ty, { k: 'adt' }>);
    // This variant's alone: the nearest explicit one at or before it, plus the variants between
    // (`enum E { A = 1, B = E::A as isize + 1 }`, `B = E::C as u8 + 1, C = 3` asks for a later
    // one). A discriminant that asks for itself is rustc's cycle error.
    let j = i;
    while (j >= 0 && !variants[j]!.discriminant) j--;
    const repr = reprOptions(reprOf(item, owner.m.crate), this.target);
    const discrTy = repr.int ?? { size: this.target.pointerSize, signed: true, ptr: true };
    let base = -1n;
    if (j >= 0) {
      const v = variants[j]!;
      if (this.discriminantsAsked.has(v)) throw new Reject('E0391', `cycle detected when evaluating the discriminant of \`${segs.join('::')}\``);
      this.discriminantsAsked.add(v);
      try {
        const r = this.consts.tryConst(v.discriminant!, withLints(scope, v.attrs), discrTy);
        if (r instanceof Error) throw r;
        base = r;
      } finally {
        this.discriminantsAsked.delete(v);
      }
    }
    const d = base + BigInt(i - j);
    if (d > intMax(discrTy)) throw new Reject('E0370', `enum discriminant overflowed`);
    return d;
  }

  /** The variants whose discriminant is being evaluated (see variantDiscriminant). */
  private readonly discriminantsAsked = new Set<VariantDef>();

  /**
   * An associated type of a std trait (`#[rll_assoc(Item)] struct ItemOf<I>(I)` is
   * `<I as Iterator>::Item`), for the std types whose impl the model writes down as a type alias
   * beside the type: `type Iter__Item<'a, T> = &'a T;` next to `slice::Iter` (its parameters are
   * the type's), `type ref_Vec__IntoIter<'a, T, A> = …` for `&Vec<T, A>`, and for other types
   * (`char`, `&str`, `[char; N]`) `type char__Searcher<S> = …` beside the `rll_assoc` struct,
   * whose one parameter is the type itself. An iterator is its own `IntoIter`.
   * `Discriminant` is built in: an enum's repr integer (`isize` without one), `u8` for any other
   * type. Anything else (a crate's own types, generic parameters) abstains: its impl is not known.
   */
  private assocType(ty: Extract<Ty, { k: 'adt' }>, name: string): AdtLayout {
    return { layout: this.layoutOf(this.assocTy(ty, name)), fields: [], variants: [] };
  }

  private assocTy(ty: Extract<Ty, { k: 'adt' }>, name: string, guard = 0): Ty {
    const a = ty.args[0];
    if (!a || a.k !== 'ty' || !name) throw new Abstain('std model incomplete');
    if (guard > MAX_DEPTH) throw new Abstain('type nesting too deep');
    let self = a.ty;
    // `IntoIterOf<ItemOf<I>>`: the argument is itself an associated type, resolved first.
    while (self.k === 'adt' && self.def.m.crate.isStd && attr(self.def.item, 'rll_assoc')) {
      self = this.assocTy(self, /\(\s*(\w+)\s*\)/.exec(attr(self.def.item, 'rll_assoc')!)?.[1] ?? '', guard + 1);
    }
    const arg: GArg = { k: 'ty', ty: self };
    const text = () => `<${tyToString(self)}>::${name}`;
    let out: Ty | undefined;
    if (name === 'Pointee') {
      // `&T` → `T` (`Copied<I>`'s `Item`, where `I` yields references).
      if (self.k === 'ptr' && (self.kind === '&' || self.kind === '&mut')) out = self.pointee;
      else if (self.k === 'param' || self.k === 'unknown' || self.k === 'error') this.layoutOf(self);
      else throw new Abstain(`\`${tyToString(self)}\` is not a reference`);
    } else if (name === 'Discriminant') {
      if (self.k === 'adt' && self.def.item.kind === 'enum') {
        const selfRepr = reprOf(self.def.item, self.def.m.crate);
        const r = reprOptions(selfRepr, this.target).int;
        out = r ? { k: 'int', size: r.size, signed: r.signed, name: selfRepr.int! } : { k: 'int', size: this.target.pointerSize, signed: true, name: 'isize' };
      } else if (self.k === 'param' || self.k === 'unknown' || self.k === 'error') this.layoutOf(self);
      else out = { k: 'int', size: 1, signed: false, name: 'u8' };
    } else {
      const target = self.k === 'ptr' && self.pointee.k === 'adt' && (self.kind === '&' || self.kind === '&mut') ? self.pointee : self;
      let m: ModuleScope;
      let alias: string;
      let args: readonly GArg[];
      if (target.k === 'adt') {
        if (!target.def.m.crate.isStd) {
          // A std trait's associated type of a crate's own type (`Peekable<StringRecordIter>`'s
          // `Item`): from that crate's impl, when exactly one defines it.
          // Only an impl of the std trait that defines the name (an unrelated trait's `IntoIter` is not it).
          const trait = ASSOC_TRAIT[name];
          const own = target === self && trait ? this.projection(self, name, { m: target.def.m, generics: new Map(), owner: undefined }, trait) : undefined;
          if (own) return own;
          throw new Abstain(`associated type \`${text()}\`: its layout depends on a trait impl`);
        }
        m = target.def.m;
        alias = `${target === self ? '' : self.k === 'ptr' && self.kind === '&mut' ? 'mut_' : 'ref_'}${target.def.item.name}__${name}`;
        args = target.args;
      } else {
        // By the exact type (`char__Searcher`, `ref_array_char__Searcher`: one parameter, the type
        // itself), else by its shape (`ref_slice__IntoIter<T>`, `array__IntoIter<T, const N: usize>`).
        m = ty.def.m;
        const key = assocKey(self);
        const shape = assocShape(self);
        if (key !== undefined && m.types.get(`${key}__${name}`)) {
          alias = `${key}__${name}`;
          args = [arg];
        } else if (shape && m.types.get(`${shape.key}__${name}`)) {
          alias = `${shape.key}__${name}`;
          args = shape.args;
        } else {
          if (self.k === 'param' || self.k === 'unknown' || self.k === 'error') this.layoutOf(self);
          throw new Abstain(key === undefined && !shape ? `associated type \`${text()}\`: its layout depends on a trait impl` : `associated type \`${text()}\` is not modelled`);
        }
      }
      const found = m.types.get(alias);
      if (found?.kind === 'alias' && found.ty) out = this.tyOf(found.ty, { m, generics: bindParams(found.generics.params, args) });
      else if (name === 'IntoIter' && target === self && target.k === 'adt' && m.types.get(`${target.def.item.name}__Item`)) out = self;
      else throw new Abstain(`associated type \`${text()}\` is not modelled`);
    }
    if (!out) throw new Abstain(`associated type \`${text()}\` is not modelled`);
    return out;
  }

  /** `Cow`'s owned side: `<B as ToOwned>::Owned` for the types std implements it for. */
  private toOwned(ty: Extract<Ty, { k: 'adt' }>): AdtLayout {
    const a = ty.args[0];
    if (!a || a.k !== 'ty') throw new Abstain('`ToOwned` of an unknown type');
    const b = a.ty;
    const std = (path: string[], args: GArg[]): Ty => {
      const bnd = this.resolver.resolveUse(this.resolver.std.root, path, false);
      if (bnd?.k !== 'item' || bnd.item.kind === 'alias' || bnd.item.kind === 'trait') throw new Abstain('std model incomplete');
      return { k: 'adt', def: { item: bnd.item, m: bnd.m }, args };
    };
    let owned: Ty;
    if (b.k === 'str') owned = std(['string', 'String'], []);
    else if (b.k === 'slice') {
      // `impl<T: Clone> ToOwned for [T]`.
      if (implementsStd(b.elem, 'Clone', undefined, this.boundHost) !== true) throw new Abstain(`\`Cow<${tyToString(b)}>\`: whether \`${tyToString(b.elem)}\` is Clone (so \`[_]\` is ToOwned) is not known here`);
      owned = std(['vec', 'Vec'], [{ k: 'ty', ty: b.elem }, { k: 'ty', ty: std(['alloc', 'Global'], []) }]);
    }
    else if (b.k === 'adt' && b.def.m.crate.isStd && b.def.item.name === 'Path') owned = std(['path', 'PathBuf'], []);
    else if (b.k === 'adt' && b.def.m.crate.isStd && b.def.item.name === 'OsStr') owned = std(['ffi', 'OsString'], []);
    else if (b.k === 'adt' && b.def.m.crate.isStd && b.def.item.name === 'CStr') owned = std(['ffi', 'CString'], []);
    else if (b.k === 'adt' && !b.def.m.crate.isStd) {
      // A crate's type: itself when it is Clone (std's `impl<T: Clone> ToOwned for T`; coherence
      // rules out an impl of its own then), else its crate's `impl ToOwned for T { type Owned }`.
      const item = b.def.item;
      const texts = item.attrs.filter((x) => x.name !== 'cfg_attr').map((x) => x.text);
      const added = cfgAttrTexts(item.attrs.filter((x) => x.name === 'cfg_attr').map((x) => x.text), (p) => b.def.m.crate.active([p]));
      if (derivesClone(texts) || derivesClone(added) || this.resolver.hasCloneImpl(item, b.def.m)) owned = b;
      else {
        const p = this.projection(b, 'Owned', { m: b.def.m, generics: new Map(), owner: undefined }, 'ToOwned');
        if (!p) throw new Abstain(`\`Cow<${tyToString(b)}>\`: the owned type comes from a \`ToOwned\` impl that was not found`);
        owned = p;
      }
    } else if (this.sizedness(b) === true && implementsStd(b, 'Clone', undefined, this.boundHost) === true) owned = b;
    else throw new Abstain(`\`Cow<${tyToString(b)}>\`: unknown owned type (std's \`impl<T: Clone> ToOwned for T\` needs it Clone)`);
    const l = this.layoutOf(owned);
    return { layout: l, fields: [], variants: [] };
  }
}

/**
 * Std types that are `Copy` by an impl of std's own: 'always', or 'args' when their type arguments
 * are (what std's impls require). The std model marks its other Copy types with std's
 * `#[derive(Copy)]`; every other std type is not `Copy`.
 */
const COPY_STD: Readonly<Record<string, 'always' | 'args'>> = {
  PhantomData: 'always', PhantomPinned: 'always', NonNull: 'always', NonZero: 'always', NonZeroInner: 'always', Duration: 'always',
  Instant: 'always', SystemTime: 'always', Ordering: 'always', Ipv4Addr: 'always', Ipv6Addr: 'always', IpAddr: 'always', TypeId: 'always',
  Layout: 'always', Infallible: 'always', Arguments: 'always', Global: 'always', System: 'always', RangeFull: 'always', ThreadId: 'always',
  Discriminant: 'always', DynMetadata: 'always', PhantomCovariant: 'always', PhantomContravariant: 'always', PhantomInvariant: 'always',
  PhantomCovariantLifetime: 'always', PhantomContravariantLifetime: 'always', PhantomInvariantLifetime: 'always',
  Option: 'args', Result: 'args', ManuallyDrop: 'args', MaybeUninit: 'args', Wrapping: 'args', Saturating: 'args', Reverse: 'args',
  Bound: 'args', Poll: 'args', ControlFlow: 'args', Pin: 'args', RangeTo: 'args', RangeToInclusive: 'args',
  // core::arch vector types
  __m128i: 'always', __m128: 'always', __m128d: 'always', __m256i: 'always', __m256: 'always', __m256d: 'always', __m512i: 'always',
  __m512: 'always', __m512d: 'always', uint8x16_t: 'always', uint16x8_t: 'always', uint32x4_t: 'always', uint64x2_t: 'always', uint8x8_t: 'always',
};

/** The key of a non-ADT type in the names of `rll_assoc` impl aliases (`char`, `ref_str`, `array_char`). */
function assocKey(ty: Ty): string | undefined {
  switch (ty.k) {
    case 'int':
    case 'float':
      return ty.name;
    case 'bool':
    case 'char':
    case 'str':
    case 'fnptr':
      return ty.k;
    case 'ptr': {
      const inner = assocKey(ty.pointee);
      return inner === undefined ? undefined : `${ty.kind === '&' ? 'ref' : ty.kind === '&mut' ? 'mut' : 'ptr'}_${inner}`;
    }
    case 'array':
    case 'slice': {
      const inner = assocKey(ty.elem);
      return inner === undefined ? undefined : `${ty.k}_${inner}`;
    }
    default:
      return undefined;
  }
}

/** The shape of a slice or array type in the names of `rll_assoc` impl aliases, with the alias's arguments (`&[T]` → `ref_slice`, [T]). */
function assocShape(ty: Ty): { key: string; args: GArg[] } | undefined {
  const inner = ty.k === 'ptr' && (ty.kind === '&' || ty.kind === '&mut') ? ty.pointee : ty;
  const prefix = inner === ty ? '' : ty.k === 'ptr' && ty.kind === '&mut' ? 'mut_' : 'ref_';
  if (inner.k === 'slice') return { key: `${prefix}slice`, args: [{ k: 'ty', ty: inner.elem }] };
  if (inner.k === 'array') return { key: `${prefix}array`, args: [{ k: 'ty', ty: inner.elem }, { k: 'const', value: inner.len }] };
  return undefined;
}

/** `derive(.., Copy, ..)` among the attribute texts (outer ones, and those `cfg_attr`s add). */
function derivesClone(texts: readonly string[]): boolean {
  return texts.some((t) => /^derive\s*\(/.test(t) && /(?:^|[(,\s:])Clone\s*(?:[,)]|$)/.test(t.slice(t.indexOf('(') + 1)));
}

function derivesCopy(texts: readonly string[]): boolean {
  return texts.some((t) => /^derive\s*\(/.test(t) && /(?:^|[(,\s:])Copy\s*(?:[,)]|$)/.test(t.slice(t.indexOf('(') + 1)));
}

/**
 * How a field's declared type uses the definition's type parameters, as rustc sees it when it
 * checks the generic definition (`#[repr(transparent)]`, union fields): 'bare' where the layout
 * is that of a parameter (`T`, `[T; 0]`, `(u8, T)`), so not known to be a 1-ZST nor `Copy`;
 * 'other' where a parameter is an argument of another type (`Option<T>`, `T::Assoc`); 'none'
 * where the layout does not depend on one (references, pointers, `PhantomData<T>`).
 */
function paramUse(t: TypeExpr, params: ReadonlySet<string>, depth = 0): 'none' | 'bare' | 'other' {
  if (depth > 64) return 'other';
  switch (t.kind) {
    case 'path': {
      const segs = t.segments;
      if (!t.qualified && !t.global && segs.length === 1 && !segs[0]!.args?.length && params.has(segs[0]!.name)) return 'bare';
      if (t.qualified || (segs.length > 1 && params.has(segs[0]!.name))) return 'other';
      const last = segs[segs.length - 1]!;
      if (last.name === 'PhantomData') return 'none';
      let use: 'none' | 'other' = 'none';
      for (const seg of segs) {
        for (const a of seg.args ?? []) {
          const ty = a.kind === 'type' || a.kind === 'binding' ? a.ty : undefined;
          if (ty && paramUse(ty, params, depth + 1) !== 'none') use = 'other';
          if (a.kind === 'const' && a.value.kind === 'path' && a.value.path.length === 1 && params.has(a.value.path[0]!)) use = 'other';
        }
      }
      return use;
    }
    case 'array': {
      const u = paramUse(t.elem, params, depth + 1);
      return u === 'none' ? 'none' : u;
    }
    case 'tuple': {
      const uses = t.elems.map((x) => paramUse(x, params, depth + 1));
      return uses.includes('bare') ? 'bare' : uses.includes('other') ? 'other' : 'none';
    }
    default:
      return 'none';
  }
}

/** Whether a union field's declared type may hold a type parameter by value (not through ManuallyDrop, a reference or a pointer). */
function holdsParamByValue(t: TypeExpr, params: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 64) return true;
  switch (t.kind) {
    case 'path': {
      const last = t.segments[t.segments.length - 1]!;
      if (last.name === 'ManuallyDrop' || last.name === 'PhantomData') return false;
      return paramUse(t, params, depth) !== 'none';
    }
    case 'array':
      return holdsParamByValue(t.elem, params, depth + 1);
    case 'tuple':
      return t.elems.some((x) => holdsParamByValue(x, params, depth + 1));
    default:
      return false;
  }
}



/** `u8`, `isize`…: a type's name for messages. */
/** The largest value of an integer type. */
function intMax(t: { size: number; signed: boolean }): bigint {
  const bits = BigInt(t.size * 8);
  return t.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
}


/**
 * Attribute macros known to emit the type they are on unchanged (only adding impls or
 * projections); any other attribute macro on a type makes its layout unknown.
 */

const LAYOUT_KEEPING_ATTRS = new Set(['derive', 'repr', 'doc', 'cfg', 'cfg_attr', 'allow', 'warn', 'deny', 'forbid', 'expect', 'non_exhaustive', 'must_use', 'path', 'macro_use', 'pin_project', 'pin_project::pin_project', 'pinned_drop', 'async_trait', 'async_trait::async_trait', 'serde_as', 'serde_with::serde_as']);

/** Why one of the item's fields' or variants' `#[cfg]`s depends on a build script, if one does. */
function uncertainCfgIn(item: TypeItem, crate: CrateScope): string | undefined {
  const fields = item.kind === 'enum' ? item.variants.flatMap((v) => [{ cfg: v.cfg }, ...v.fields]) : item.fields;
  for (const f of fields) {
    const why = crate.unsure(f.cfg);
    if (why !== undefined) return why;
  }
  return undefined;
}

/**
 * The associated type `name` an impl defines for the crate's cfgs (`#[cfg(unix)] type Out = u16;`
 * beside a `#[cfg(not(unix))]` one), or null when one of that name has a `#[cfg]` a build script
 * decides (then which one holds is not known).
 */
function implAlias(impl: ImplDef, name: string, crate: CrateScope): TypeAliasDef | undefined | null {
  if (impl.types?.some((t) => t.name === name) && crate.unsure(impl.cfg) !== undefined) return null;
  let found: TypeAliasDef | undefined;
  for (const t of impl.types ?? []) {
    if (t.name !== name) continue;
    if (crate.unsure(t.cfg) !== undefined) return null;
    if (!found && crate.active(t.cfg)) found = t;
  }
  return found;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf(':') + 1);
}

/**
 * What a use makes of a bound of `owner`'s it does not meet: rustc's error (E0277, or the code the
 * problem names; E0271 for another associated type than the bound binds), or unknown where the
 * bound may not hold.
 */
function unmetBoundTy(unmet: BoundProblem, owner: string): Ty {
  if (unmet.k === 'unsure') return { k: 'unknown', reason: `whether \`${tyToString(unmet.ty)}: ${unmet.bound}\` holds, as \`${owner}\` requires, is not known here (rustc rejects the type if not)` };
  if (unmet.k === 'mismatch') return { k: 'error', code: unmet.code ?? 'E0271', message: `type mismatch resolving \`${unmet.bound}\`: it is \`${unmet.found ? tyToString(unmet.found) : '?'}\` (\`${owner}\` requires it)` };
  return { k: 'error', code: unmet.code ?? 'E0277', message: `the trait bound \`${tyToString(unmet.ty)}: ${unmet.bound}\` is not satisfied (\`${owner}\` requires it${unmet.why ? `: ${unmet.why}` : ''})` };
}

/** The edition from which a word is a keyword (src/parse/syntax.ts EDITION_2018_KEYWORDS). */
function keywordEdition(word: string): number {
  return word === 'gen' ? 2024 : 2018;
}

/** The traits the prelude of every edition names, which a bound may name without importing them. */
const PRELUDE_TRAITS_2015 = 'Copy Send Sized Sync Unpin Drop Fn FnMut FnOnce AsyncFn AsyncFnMut AsyncFnOnce AsMut AsRef From Into DoubleEndedIterator ExactSizeIterator Extend IntoIterator Iterator Clone Default Eq Ord PartialEq PartialOrd ToOwned ToString'.split(' ');
/** The 2021 prelude adds `TryFrom`, `TryInto` and `FromIterator`; the 2024 one `Future` and `IntoFuture` (elsewhere: E0405). */
const PRELUDE_TRAITS_2021: ReadonlySet<string> = new Set([...PRELUDE_TRAITS_2015, 'TryFrom', 'TryInto', 'FromIterator']);
const PRELUDE_TRAITS_BY_EDITION: Readonly<Record<string, ReadonlySet<string>>> = {
  '2015': new Set(PRELUDE_TRAITS_2015),
  '2018': new Set(PRELUDE_TRAITS_2015),
  '2021': PRELUDE_TRAITS_2021,
  '2024': new Set([...PRELUDE_TRAITS_2021, 'Future', 'IntoFuture']),
};
/** The traits the prelude names in a module's crate (a file alone: the 2021 edition's). */
function preludeTraits(m: ModuleScope): ReadonlySet<string> {
  return PRELUDE_TRAITS_BY_EDITION[m.crate.input.edition ?? '2021'] ?? PRELUDE_TRAITS_2021;
}

/** Whether `m` is `d` or a module inside it. */
function within(m: ModuleScope, d: ModuleScope): boolean {
  for (let c: ModuleScope | undefined = m; c; c = c.parent) if (c === d) return true;
  return false;
}

/**
 * Whether an item or module declared in `d` with the visibility `vis` (as the extractors write
 * it: undefined for private, `pub(crate)`, `pub(in crate::a)`) can be named from `m`, in the same
 * crate. A visibility not understood counts as visible.
 */
function visibleFrom(vis: string | undefined, declared: ModuleScope, m: ModuleScope): boolean {
  if (vis === undefined || vis === 'pub(self)') return within(m, declared);
  // In a block's module, `self` and `super` are those of the module the block is in.
  const d = enclosingModule(declared);
  if (vis === 'pub(super)') return d.parent ? within(m, d.parent) : true;
  const path = /^pub\(in (.+)\)$/.exec(vis)?.[1]?.split('::').map((x) => x.trim());
  if (!path) return true;
  let t: ModuleScope | undefined = path[0] === 'crate' ? d.crate.root : path[0] === 'self' || path[0] === 'super' ? d : undefined;
  for (let k = path[0] === 'super' ? 0 : 1; t && k < path.length; k++) t = path[k] === 'super' ? t.parent : t.children.get(path[k]!);
  return t ? within(m, t) : true;
}

/** A generic argument list's parts at depth 0 (`Item = Vec<u8>, N = u8` → two). */
function topLevelParts(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' && text[i - 1] !== '-') || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** The first unknown type `ty` is or holds (a pointee, an element, an argument), if any. */
function unknownWithin(ty: Ty, depth = 0): Extract<Ty, { k: 'unknown' }> | undefined {
  if (depth > 16) return undefined;
  switch (ty.k) {
    case 'unknown':
      return ty;
    case 'ptr':
      return unknownWithin(ty.pointee, depth + 1);
    case 'array':
    case 'slice':
      return unknownWithin(ty.elem, depth + 1);
    case 'tuple':
      for (const e of ty.elems) {
        const u = unknownWithin(e, depth + 1);
        if (u) return u;
      }
      return undefined;
    case 'adt':
      for (const a of ty.args) {
        const u = a.k === 'ty' ? unknownWithin(a.ty, depth + 1) : undefined;
        if (u) return u;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** `ty` itself when rustc surely refuses it (an error, an unknown marked `refused`), else undefined. */
/** A definition's own parameters as its arguments (the generic definition itself; a const parameter as 0). */
function identityArgs(params: readonly GenericParam[]): GArg[] {
  return params.filter((p) => p.kind !== 'lifetime').map((p) => (p.kind === 'type' ? { k: 'ty', ty: { k: 'param', name: p.name, maybeUnsized: maybeUnsizedParam(p) } } : { k: 'const', value: 0n }));
}

/** The names of a definition's type parameters. */
function typeParamNames(params: readonly GenericParam[]): ReadonlySet<string> {
  return new Set(params.flatMap((p) => (p.kind === 'type' ? [p.name] : [])));
}

/**
 * The errors rustc gives a generic definition's field whatever its arguments: lifetimes
 * (src/core/lifetimes.ts) and generic parameters in a constant (`[u8; N + 1]`).
 */
const FIELD_DEFINITION_ERRORS: ReadonlySet<string> = new Set(['E0310', 'E0477', 'E0478', 'E0491', 'generic_const_exprs', 'generic_self_const']);

function refusedIn(ty: Ty): Ty | undefined {
  return ty.k === 'error' || (ty.k === 'unknown' && ty.refused) ? ty : undefined;
}

function errTy(e: Error): Ty {
  if (e instanceof LayoutError) return { k: 'error', code: e.code, message: e.message };
  return { k: 'unknown', reason: e.message };
}


/**
 * Std traits a trait object may name that have no generic parameters, and whose last path segment
 * names no other std trait: a trait object of them is told apart by these names.
 */
// `Write` is not among them: `std::Write` would not say whether it is `io::Write` or `fmt::Write`.
/** Whether a name is imported by a `use` of a path outside std (`use other::Debug;`). */
function importedFromOutsideStd(name: string, m: ModuleScope): boolean {
  return m.uses.some((u) => !u.glob && (u.alias ?? u.path[u.path.length - 1]) === name && !['std', 'core', 'alloc'].includes(u.path[0] ?? ''));
}

/** The prelude's traits a trait object may name without an import. */
const PRELUDE_OBJECT_TRAITS: ReadonlySet<string> = new Set(['Fn', 'FnMut', 'FnOnce', 'Send', 'Sync', 'Unpin', 'Iterator', 'DoubleEndedIterator', 'ExactSizeIterator', 'Extend', 'AsRef', 'AsMut', 'ToString', 'Drop']);

const DYN_STD_TRAITS: ReadonlySet<string> = new Set(['Any', 'Send', 'Sync', 'Unpin', 'Debug', 'Display', 'Error', 'UnwindSafe', 'RefUnwindSafe', 'Read', 'Seek', 'BufRead']);

/**
 * Std traits with `Sized` among their supertraits: a parameter bounded `?Sized + Copy` is Sized
 * (rustc lays out a struct ending in it as an always-sized one).
 */
const SIZED_STD_TRAITS: ReadonlySet<string> = new Set(['Sized', 'Copy', 'Clone', 'Default', 'From', 'Into', 'TryFrom', 'TryInto', 'FromStr', 'FromIterator']);

/** Std traits that do not imply `Sized` (a `?Sized` parameter bounded by them may be unsized). */
const NOT_SIZED_STD_TRAITS: ReadonlySet<string> = new Set([
  'Debug', 'Display', 'Send', 'Sync', 'Unpin', 'Any', 'Hash', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'Fn', 'FnMut', 'FnOnce',
  'Iterator', 'DoubleEndedIterator', 'ExactSizeIterator', 'AsRef', 'AsMut', 'Borrow', 'BorrowMut', 'Deref', 'DerefMut', 'Error',
  'Read', 'Write', 'BufRead', 'Seek', 'ToString', 'ToOwned', 'UnwindSafe', 'RefUnwindSafe', 'Future', 'Hasher', 'Pointee', 'Extend', 'IntoIterator',
]);

/** Whether a type parameter may be unsized: `?Sized`, unless another bound is a std trait that implies Sized. */
function maybeUnsizedParam(p: GenericParam): boolean {
  if (p.kind !== 'type' || !p.maybeUnsized) return false;
  const last = (path: string) => path.slice(path.lastIndexOf(':') + 1);
  if ((p.traits ?? []).some((t) => SIZED_STD_TRAITS.has(last(t)))) return false;
  return !(p.bounds ?? []).some((b) => b.kind === 'path' && SIZED_STD_TRAITS.has(b.segments[b.segments.length - 1]!.name));
}

/** The message of an unmet bound (src/core/bounds.ts) anywhere in a type, if there is one. */
function boundErrorIn(t: Ty): string | undefined {
  return findInTy(t, (x) => (x.k === 'error' && x.code === 'E0277' && x.message.startsWith('the trait bound') ? x.message : undefined));
}

/** One more than the deepest of `parts` (see Layout.height). */
function heightOver(parts: readonly Layout[]): number {
  let h = 0;
  for (const p of parts) h = Math.max(h, p.height ?? 1);
  return h + 1;
}

function collectMacros(m: ModuleScope): ModuleScope['macroCalls'] {
  const out: ModuleScope['macroCalls'][number][] = [];
  for (let cur: ModuleScope | undefined = m; cur; cur = cur.parent) out.push(...cur.macroCalls);
  return out;
}


/** Auto traits: any number of them may follow a trait object's one trait. */
const AUTO_TRAITS: ReadonlySet<string> = new Set(['Send', 'Sync', 'Unpin', 'UnwindSafe', 'RefUnwindSafe']);
/** std traits that cannot be made into a trait object (rustc 1.95: E0038). */
const NOT_DYN_COMPATIBLE: ReadonlySet<string> = new Set([
  'Clone', 'Copy', 'Default', 'Hash', 'Eq', 'Ord', 'Sized', 'FromStr', 'From', 'Into', 'TryFrom', 'TryInto', 'Extend', 'FromIterator',
  'ToOwned', 'RangeBounds', 'Sum', 'Product', 'Wake', 'FromRawFd',
  // `dyn AsyncFn()`, `dyn AsyncFnMut()`: rustc 1.95 names `AsyncFnMut` (its `CallRefFuture<'a>`).
  'AsyncFn', 'AsyncFnMut',
]);
/** std traits a trait object must give a type argument (rustc 1.95: E0107 without one). */
const NEEDS_TYPE_ARG: ReadonlySet<string> = new Set(['AsRef', 'AsMut', 'Borrow', 'BorrowMut', 'Index', 'IndexMut', 'RangeBounds', 'TryFrom', 'TryInto', 'From', 'Into', 'Extend', 'FromIterator', 'SliceIndex']);
/** std traits whose first parameter defaults to `Self` (rustc 1.95: E0393 in a trait object without it). */
const RHS_DEFAULTS_TO_SELF: ReadonlySet<string> = new Set([
  'PartialEq', 'PartialOrd', 'Add', 'Sub', 'Mul', 'Div', 'Rem', 'BitAnd', 'BitOr', 'BitXor', 'Shl', 'Shr',
  'AddAssign', 'SubAssign', 'MulAssign', 'DivAssign', 'RemAssign', 'BitAndAssign', 'BitOrAssign', 'BitXorAssign', 'ShlAssign', 'ShrAssign', 'Sum', 'Product',
]);
/**
 * std traits a crate's trait may have as supertraits and stay dyn compatible (rustc 1.95), with
 * their arguments where they take some (`AsRef<str>`, `PartialEq<u8>`).
 */
const DYN_SUPERTRAITS_OK: ReadonlySet<string> = new Set([
  'Debug', 'Display', 'Send', 'Sync', 'Unpin', 'UnwindSafe', 'RefUnwindSafe', 'Error', 'Any', 'Write', 'Read', 'BufRead', 'Seek', 'ToString',
  'AsRef', 'AsMut', 'Borrow', 'BorrowMut', 'PartialEq', 'PartialOrd', 'Fn', 'FnMut', 'FnOnce',
  // Measured as supertraits (`trait X: AsRawFd {}`, `Box<dyn X>`: 16 bytes, rustc 1.95).
  'Hasher', 'Pointer', 'LowerHex', 'UpperHex', 'Octal', 'Binary', 'LowerExp', 'UpperExp', 'AsRawFd', 'AsFd', 'IntoRawFd', 'GlobalAlloc', 'IsTerminal', 'Termination', 'Drop',
]);
/** std traits whose associated types a trait object must give (rustc 1.95: E0191). */
const DYN_ASSOC_NEEDED: Readonly<Record<string, readonly string[]>> = {
  Iterator: ['Item'], DoubleEndedIterator: ['Item'], ExactSizeIterator: ['Item'], IntoIterator: ['Item', 'IntoIter'],
  Deref: ['Target'], DerefMut: ['Target'], Future: ['Output'], IntoFuture: ['Output', 'IntoFuture'], BuildHasher: ['Hasher'], ToOwned: ['Owned'], AsyncFnOnce: ['CallOnceFuture'],
  Add: ['Output'], Sub: ['Output'], Mul: ['Output'], Div: ['Output'], Rem: ['Output'], Neg: ['Output'], Not: ['Output'],
  BitAnd: ['Output'], BitOr: ['Output'], BitXor: ['Output'], Shl: ['Output'], Shr: ['Output'], Index: ['Output'], IndexMut: ['Output'],
  FusedIterator: ['Item'], ToSocketAddrs: ['Iter'], SliceIndex: ['Output'],
};
/**
 * The std traits whose trait objects this extension judges (measured against rustc 1.95); a
 * `dyn` of another trait named through std is unknown.
 */
const KNOWN_STD_OBJECT_TRAITS: ReadonlySet<string> = new Set([
  ...DYN_SUPERTRAITS_OK, ...NOT_DYN_COMPATIBLE, ...NEEDS_TYPE_ARG, ...RHS_DEFAULTS_TO_SELF, ...Object.keys(DYN_ASSOC_NEEDED),
  'Hasher', 'Pointer', 'LowerHex', 'UpperHex', 'Octal', 'Binary', 'LowerExp', 'UpperExp', 'Drop', 'AsRawFd', 'AsFd', 'IntoRawFd', 'GlobalAlloc', 'IsTerminal', 'Termination',
]);

/**
 * What an alias parameter stands for, in unprovenProjection: `'bare'` a type parameter of the
 * struct itself, `true` a type naming a parameter or a region, `false` neither.
 */
type AliasArg = 'bare' | boolean;
type AliasArgs = ReadonlyMap<string, AliasArg>;

/** Whether a constant names one of `params` (`N` in `[u8; N]`), or an alias parameter bound to one. */
function constNames(c: ConstExpr, params: readonly GenericParam[], alias: AliasArgs | undefined): boolean {
  return constAny(c, (p) => p.length === 1 && (alias ? (alias.get(p[0]!) ?? false) !== false : params.some((q) => q.kind === 'const' && q.name === p[0])));
}

/** Whether a constant names `Self` (`Self::N`, `size_of::<Self>()`). */
function constMentionsSelf(c: ConstExpr): boolean {
  return constAny(c, (p) => p[0] === 'Self', (t) => t.kind === 'path' && t.segments[0]?.name === 'Self');
}

/** Whether a constant holds a path for which `path` holds, or a type (a cast's, `size_of::<T>()`'s) for which `type` does. */
function constAny(c: ConstExpr, path: (p: readonly string[]) => boolean, type: (t: TypeExpr) => boolean = () => false): boolean {
  const any = (x: ConstExpr): boolean => constAny(x, path, type);
  switch (c.kind) {
    case 'path':
      return path(c.path);
    case 'unary':
      return any(c.operand);
    case 'binary':
      return any(c.left) || any(c.right);
    case 'cast':
      return any(c.expr) || type(c.ty);
    case 'sizeOf':
    case 'alignOf':
      return type(c.ty);
    case 'call':
      return c.args.some(any) || (c.typeArgs ?? []).some((a) => (a.kind === 'type' ? type(a.ty) : a.kind === 'const' && any(a.value)));
    case 'method':
      return any(c.receiver) || c.args.some(any);
    case 'if':
      return any(c.cond) || any(c.then) || any(c.else);
    case 'block':
      return c.lets.some((l) => (l.ty !== undefined && type(l.ty)) || any(l.value)) || any(c.value);
    case 'match':
      return (
        any(c.scrutinee) ||
        c.arms.some((a) => any(a.value) || a.pats.some((p) => (p.kind === 'path' ? path(p.path) : p.kind === 'lit' ? any(p.value) : p.kind === 'range' && ((p.lo !== undefined && any(p.lo)) || (p.hi !== undefined && any(p.hi))))))
      );
    case 'array':
      return c.elems.some(any);
    case 'repeat':
      return any(c.elem) || any(c.count);
    case 'ref':
      return any(c.expr);
    default:
      return false;
  }
}

const crateFeatureCache = new WeakMap<CrateScope, ReadonlySet<string>>();

/** The language and library features a crate's root turns on (`#![feature(a, b)]`). */
function crateFeatures(crate: CrateScope): ReadonlySet<string> {
  let hit = crateFeatureCache.get(crate);
  if (!hit) {
    const out = new Set<string>();
    const attrs = crate.root.lintAttrs;
    // Also `#![cfg_attr(feature = "nightly", feature(..))]` where that holds, or may.
    const added = cfgAttrTexts(attrs.filter((a) => a.name === 'cfg_attr').map((a) => a.text), (p) => crate.active([p]) || crate.unsure([p]) !== undefined);
    for (const text of [...attrs.filter((a) => a.name === 'feature').map((a) => a.text), ...added.filter((t) => /^feature\s*\(/.test(t))]) {
      const inner = /\(([^]*)\)/.exec(text)?.[1] ?? '';
      for (const f of inner.split(',')) if (f.trim()) out.add(f.trim());
    }
    crateFeatureCache.set(crate, (hit = out));
  }
  return hit;
}

/** Why a definition with a syntax error in it (half-typed code) is not laid out. */
function syntaxErrorReason(name: string, what: string): string {
  return `the definition of \`${name}\` does not parse (${what})`;
}

/**
 * Built-in attributes rustc 1.95 refuses (an error, not the `unused_attributes` warning) on a
 * struct, enum or union (`item`), an enum variant or a field, each measured: `#[inline]` on a
 * struct is an error where on a field it is a warning.
 */
const MISPLACED_ATTRS: Readonly<Record<string, readonly ('item' | 'variant' | 'field')[]>> = {
  inline: ['item', 'variant'],
  track_caller: ['item', 'variant'],
  target_feature: ['item', 'variant'],
  export_name: ['item', 'variant'],
  no_link: ['item', 'variant'],
  used: ['item', 'variant', 'field'],
  naked: ['item', 'variant', 'field'],
  test: ['item', 'variant', 'field'],
  global_allocator: ['item', 'variant', 'field'],
  proc_macro: ['item', 'variant', 'field'],
  proc_macro_derive: ['item', 'variant', 'field'],
  proc_macro_attribute: ['item', 'variant', 'field'],
  collapse_debuginfo: ['item', 'variant', 'field'],
  debugger_visualizer: ['item', 'variant', 'field'],
  link_ordinal: ['item', 'variant', 'field'],
  derive: ['variant', 'field'],
  panic_handler: ['item', 'variant'],
};

/** Unstable built-in attributes: E0658 in a crate that enables no feature (measured on a struct, a variant and a field). */
const GATED_ATTRS: ReadonlySet<string> = new Set([
  'bench', 'coverage', 'sanitize', 'optimize', 'ffi_pure', 'ffi_const', 'thread_local', 'register_tool', 'linkage',
  'alloc_error_handler', 'allow_internal_unsafe', 'allow_internal_unstable', 'cfg_accessible', 'cfg_eval', 'cfi_encoding', 'compiler_builtins', 'const_continue',
  'custom_mir', 'default_lib_allocator', 'define_opaque', 'export_stable', 'force_target_feature', 'fundamental', 'lang', 'loop_match', 'marker', 'may_dangle',
  'move_size_limit', 'must_not_suspend', 'needs_allocator', 'needs_panic_runtime', 'no_core', 'panic_runtime', 'patchable_function_entry', 'pin_v2', 'prelude_import',
  'profiler_runtime', 'test_case', 'test_runner',
]);

/** Built-in attributes rustc 1.95 refuses written as a bare word (E0539: they take a value or a list), measured on a struct, a variant and a field. */
const VALUE_ATTRS: ReadonlySet<string> = new Set([
  'crate_name', 'crate_type', 'feature', 'instruction_set', 'link', 'link_name', 'link_section', 'path', 'recursion_limit', 'reexport_test_harness_main',
  'type_length_limit', 'windows_subsystem', 'export_name', 'target_feature',
]);

/**
 * A built-in attribute written in a form rustc 1.95 refuses, wherever it stands (measured):
 * `deprecated = 5` or `deprecated(foo)` (E0539), `non_exhaustive(..)` (E0565), `must_use = 5`
 * (E0539), `automatically_derived(..)` (E0565), a bare `allow` or `derive` (no code),
 * `derive(5)` (E0777), a bare `cfg_attr` (E0539). Returned as `code: message`.
 */
function malformedAttr(t: string): string | undefined {
  const str = /^(?:b?"|r#*")/;
  let m = /^deprecated\s*(=|\()\s*([^]*)$/.exec(t);
  if (m) {
    if (m[1] === '=') return str.test(m[2]!) ? undefined : 'E0539: malformed `deprecated` attribute input';
    for (const part of splitTopLevel(m[2]!.replace(/\)\s*$/, ''))) {
      const kv = /^(\w+)\s*=\s*([^]*)$/.exec(part);
      if (kv && /^[\w:]+\s*!/.test(kv[2]!)) return 'malformed_attribute: expected a literal (`"string"`) in `deprecated`, found a macro call';
      if (!kv || (kv[1] !== 'since' && kv[1] !== 'note' && kv[1] !== 'suggestion') || !str.test(kv[2]!)) return 'E0539: malformed `deprecated` attribute input';
    }
    return undefined;
  }
  if (/^non_exhaustive\s*[=(]/.test(t)) return 'E0565: malformed `non_exhaustive` attribute input';
  if (/^automatically_derived\s*[=(]/.test(t)) return 'E0565: malformed `automatically_derived` attribute input';
  m = /^must_use\s*(=|\()\s*([^]*)$/.exec(t);
  if (m && (m[1] === '(' || !str.test(m[2]!))) return 'E0539: malformed `must_use` attribute input';
  if (/^(allow|warn|deny|forbid|expect|derive)\s*(=[^]*)?$/.test(t)) return `malformed_attribute: malformed \`${/^\w+/.exec(t)![0]}\` attribute input`;
  if (/^derive\s*\(\s*(?:[0-9]|b?"|r#*")/.test(t) || /^derive\s*\([^]*,\s*(?:[0-9]|b?"|r#*")/.test(t)) return 'E0777: expected path to a trait, found literal';
  if (/^cfg_attr\s*$/.test(t)) return 'E0539: malformed `cfg_attr` attribute input';
  if (VALUE_ATTRS.has(t)) return `E0539: malformed \`${t}\` attribute input (it takes a value)`;
  // Outside std (a crate enabling no feature: checked by the caller).
  if (/^(stable|unstable|unstable_feature_bound)\s*($|\()/.test(t)) return 'E0734: stability attributes may not be used outside of the standard library';
  return undefined;
}

function misplacedReject(name: string, where: string): Reject {
  const coded = /^(E\d{4}|malformed_attribute): ([^]*)$/.exec(name);
  if (coded) return new Reject(coded[1]!, coded[2]!);
  if (GATED_ATTRS.has(name)) return new Reject('E0658', `the \`#[${name}]\` attribute is unstable (and does not apply to ${where})`);
  if (name === 'panic_handler') return new Reject('E0718', '`panic_impl` lang item must be applied to a function');
  return new Reject('misplaced_attribute', `\`#[${name}]\` attribute cannot be used on ${where}`);
}
