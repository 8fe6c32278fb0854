/**
 * The trait bounds of a crate's generic type, checked for the arguments one of its uses gives it
 * (`W<bool>` for `struct W<T: From<u8>>`): rustc refuses such a type with E0277 ("the trait bound
 * `bool: From<u8>` is not satisfied"), so it has no layout.
 *
 * Std's common traits (`Copy`, `Clone`, `Default`, `Debug`, the comparison traits, `Hash`,
 * `Send`, `Sync`, `From`, `Into`) are decided by std's impls for the language's types (fixed), a
 * table of std's common types, and a crate's derives and impls; one that cannot be decided makes
 * the type unknown. Std's operator traits (`Add<Output = T>`, `AddAssign`, `Neg`…) and the `Fn`
 * family are decided where the answer does not depend on impls a crate may write (scalars, `()`,
 * tuples, arrays, `str`, std's containers); any other std trait (`Display`, `Iterator`,
 * `PartialEq<X>`) leaves the type unknown. A crate's own trait is decided by the impls of the crates that may hold one;
 * where that cannot be told, the type keeps its layout, as rustc gives it when the bound holds. A
 * bound is called unmet only when that is certain: every impl that could meet it is seen.
 */
import STD_IMPL_TABLE from './stdImpls.json';
import type { FnSig, GArg, Ty } from './engine';
import { namesLifetime } from './definitionChecks';
import { type CfgPredicate, type FnBound, type GenericArg, type GenericParam, type Generics, type ImplDef, IMPLS_NOT_KEPT, type TraitDef, type TypeAliasDef, type TypeExpr, type TypeItem, type UseEntry } from './model';
import { attrTextsWhere, cfgAttrParts, cfgAttrTexts } from './attrs';
import { BLANKET_IMPLS, OTHER_IMPLS, type CrateScope, type ModuleScope, type Resolver } from './resolve';
import { publicStdItems, publicStdPaths } from './stdPublic';
import { expansionOf } from './expansion';
import { type ArgStdTrait, derefTarget, inPrelude, ITERABLE_ONLY, namedStdPaths, NOT_ITERABLE, type PlainStdTrait, type PreludeFrom, type RulesHost, STD_TRAIT_HOMES, STD_TYPE_BOUNDS, stdArgVerdict, stdPlainVerdict } from './stdTraitRules';

/** true, false, or 'unknown' when this cannot tell. */
export type Verdict = boolean | 'unknown';

export type StdTrait = 'Copy' | 'Clone' | 'Default' | 'Debug' | 'PartialEq' | 'Eq' | 'PartialOrd' | 'Ord' | 'Hash' | 'Send' | 'Sync' | 'From' | 'Into';

/** Where std defines each checked trait (`std::<module>::<trait>`). */
const TRAIT_MODULE: Readonly<Record<StdTrait, string>> = {
  Copy: 'marker', Send: 'marker', Sync: 'marker', Clone: 'clone', Default: 'default', Debug: 'fmt',
  PartialEq: 'cmp', Eq: 'cmp', PartialOrd: 'cmp', Ord: 'cmp', Hash: 'hash', From: 'convert', Into: 'convert',
};

/** The checked traits the prelude names (`Debug` and `Hash` must be imported). */
const PRELUDE: ReadonlySet<string> = new Set(['Copy', 'Send', 'Sync', 'Clone', 'Default', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'From', 'Into']);

/**
 * Std's derive macros (each bounds every type parameter by its trait): an item deriving anything
 * else may get impls this module does not see.
 */
const STD_DERIVES: ReadonlySet<string> = new Set(['Copy', 'Clone', 'Default', 'Debug', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'Hash']);

/** Traits std implements for tuples of at most 12 elements (`Copy` and `Clone` are the compiler's, for any length). */
const TUPLE_12: ReadonlySet<StdTrait> = new Set(['Default', 'Debug', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'Hash']);

const is = (x: string): x is StdTrait => Object.prototype.hasOwnProperty.call(TRAIT_MODULE, x);

/** The lang items of the std traits checked here (a `#![no_core]` crate defines its own). */
const LANG_TRAITS: Readonly<Record<string, StdTrait>> = { copy: 'Copy', clone: 'Clone', sync: 'Sync' };

/**
 * The std trait a bound's path names in module `m`, or undefined when it names another trait or
 * cannot be told apart from one: the crate defines or imports that name, a glob import or an
 * unexpanded macro call may bring it in.
 */
export function stdTraitOf(written: string, m: ModuleScope, resolver: Resolver): StdTrait | undefined {
  let segs = written.split('::');
  if (segs[0] === '') segs = segs.slice(1);
  const name = segs[segs.length - 1]!;
  if (!is(name) || m.macroCalls.length) return undefined;
  return namesStd(written, segs, name, TRAIT_MODULE[name], PRELUDE.has(name), m, resolver) ? name : undefined;
}

/** Std's operator traits (`std::ops`), with `Rhs` defaulting to `Self`, and the unary ones. */
const OPS: ReadonlySet<string> = new Set([
  'Add', 'Sub', 'Mul', 'Div', 'Rem', 'BitAnd', 'BitOr', 'BitXor', 'Shl', 'Shr',
  'AddAssign', 'SubAssign', 'MulAssign', 'DivAssign', 'RemAssign', 'BitAndAssign', 'BitOrAssign', 'BitXorAssign', 'ShlAssign', 'ShrAssign',
  'Neg', 'Not',
]);

/** The `std::ops` trait a bound's path names in `m` (`Add`, `ops::Add`, `core::ops::AddAssign`), as stdTraitOf tells them. */
function stdOpOf(written: string, m: ModuleScope, resolver: Resolver): string | undefined {
  let segs = written.split('::');
  if (segs[0] === '') segs = segs.slice(1);
  const name = segs[segs.length - 1]!;
  if (!OPS.has(name) || m.macroCalls.length) return undefined;
  return namesStd(written, segs, name, 'ops', false, m, resolver) ? name : undefined;
}

/** The std traits of src/core/stdTraitRules.ts without arguments (`Write` as `io::Write` or `fmt::Write`). */
const PLAIN_RULES: ReadonlySet<string> = new Set(['Display', 'Error', 'io::Write', 'fmt::Write', 'Read', 'BufRead', 'Seek', 'Any']);
/** Those decided with their generic argument. */
const ARG_RULES: ReadonlySet<string> = new Set(['AsRef', 'AsMut', 'Borrow', 'BorrowMut', 'TryFrom', 'TryInto', 'Extend', 'FromIterator', 'Index', 'IndexMut', 'Deref', 'DerefMut']);

/**
 * The std trait of STD_TRAIT_HOMES a bound's path names in `m` (`fmt::Display`, `Error` imported
 * from `std::error`, `AsRef` by the prelude): its name, or `io::Write` / `fmt::Write`; undefined
 * when it names another trait or cannot be told apart from one (as stdTraitOf).
 */
export function homeStdTraitOf(written: string, m: ModuleScope, resolver: Resolver): string | undefined {
  let segs = written.split('::');
  if (segs[0] === '') segs = segs.slice(1);
  const name = segs[segs.length - 1]!;
  const homes = Object.prototype.hasOwnProperty.call(STD_TRAIT_HOMES, name) ? STD_TRAIT_HOMES[name] : undefined;
  if (!homes || m.macroCalls.length) return undefined;
  // The 2021 and 2024 preludes' additions (`TryFrom`, `FromIterator`, `Future`) by the crate's edition.
  for (const h of homes) {
    if (namesStd(written, segs, name, h.module, inPrelude(h.prelude, m.crate.input.edition), m, resolver)) return name === 'Write' ? `${h.module}::Write` : name;
  }
  return undefined;
}

/** Where the std traits a bare trait object may name live, besides STD_TRAIT_HOMES's. */
const OBJECT_TRAIT_HOMES: Readonly<Record<string, readonly { readonly module: string; readonly prelude: PreludeFrom }[]>> = {
  ...STD_TRAIT_HOMES,
  Debug: [{ module: 'fmt', prelude: false }],
  Send: [{ module: 'marker', prelude: true }],
  Sync: [{ module: 'marker', prelude: true }],
  Unpin: [{ module: 'marker', prelude: true }],
  Sized: [{ module: 'marker', prelude: true }],
  Copy: [{ module: 'marker', prelude: true }],
  Clone: [{ module: 'clone', prelude: true }],
  Default: [{ module: 'default', prelude: true }],
  Hash: [{ module: 'hash', prelude: false }],
  PartialEq: [{ module: 'cmp', prelude: true }],
  Eq: [{ module: 'cmp', prelude: true }],
  PartialOrd: [{ module: 'cmp', prelude: true }],
  Ord: [{ module: 'cmp', prelude: true }],
  Drop: [{ module: 'ops', prelude: true }],
  From: [{ module: 'convert', prelude: true }],
  Into: [{ module: 'convert', prelude: true }],
  FromStr: [{ module: 'str', prelude: false }],
  UnwindSafe: [{ module: 'panic', prelude: false }],
  RefUnwindSafe: [{ module: 'panic', prelude: false }],
  ...Object.fromEntries(
    ['Add', 'Sub', 'Mul', 'Div', 'Rem', 'BitAnd', 'BitOr', 'BitXor', 'Shl', 'Shr', 'Neg', 'Not', 'AddAssign', 'SubAssign', 'MulAssign', 'DivAssign', 'RemAssign', 'BitAndAssign', 'BitOrAssign', 'BitXorAssign', 'ShlAssign', 'ShrAssign'].map((n) => [n, [{ module: 'ops', prelude: false }]]),
  ),
  ...Object.fromEntries(['Pointer', 'LowerHex', 'UpperHex', 'Octal', 'Binary', 'LowerExp', 'UpperExp'].map((n) => [n, [{ module: 'fmt', prelude: false }]])),
  FusedIterator: [{ module: 'iter', prelude: false }],
  ToSocketAddrs: [{ module: 'net', prelude: false }],
  GlobalAlloc: [{ module: 'alloc', prelude: false }],
  IsTerminal: [{ module: 'io', prelude: false }],
  Termination: [{ module: 'process', prelude: false }],
  Wake: [{ module: 'task', prelude: false }],
  SliceIndex: [{ module: 'slice', prelude: false }],
};

/**
 * The std trait a path written in type position names, for a bare trait object of the 2015 and
 * 2018 editions (`&mut Write` after `use std::io::Write;`, `Box<fmt::Debug>`, `Box<Iterator<..>>`
 * by the prelude): the path to judge it by (as written, or std's own path where it was imported
 * under another name); undefined when the path names no std trait or may name another item
 * (the crate's, a glob's). The 2021 prelude's additions do not count.
 */
export function bareObjectStdTrait(written: string, m: ModuleScope, resolver: Resolver): string | undefined {
  let segs = written.split('::');
  if (segs[0] === '') segs = segs.slice(1);
  const name = segs[segs.length - 1]!;
  // Imported under another name (`use std::io::Write as IoWrite;`).
  const renamed = segs.length === 1 ? m.uses.find((u) => !u.glob && u.alias === name && u.alias !== u.path[u.path.length - 1]) : undefined;
  if (renamed) {
    const [root, module, trait] = renamed.path;
    const homes = renamed.path.length === 3 && trait !== undefined && Object.prototype.hasOwnProperty.call(OBJECT_TRAIT_HOMES, trait) ? OBJECT_TRAIT_HOMES[trait] : undefined;
    const rootIsStd = resolver.firstSegment(m, root!);
    return homes?.some((h) => h.module === module) && isStdHead(root) && (renamed.global || rootIsStd === undefined || (rootIsStd.k === 'module' && rootIsStd.m.crate.isStd)) ? `::${root}::${module}::${trait}` : undefined;
  }
  const homes = Object.prototype.hasOwnProperty.call(OBJECT_TRAIT_HOMES, name) ? OBJECT_TRAIT_HOMES[name] : undefined;
  if (!homes || m.macroCalls.length) return undefined;
  // Not imported by name: a glob of another crate may bring a type of that name, and so may an
  // attribute macro of one (js-sys's `#[wasm_bindgen] extern "C" { type Iterator; }`).
  if (segs.length === 1 && !m.uses.some((u) => !u.glob && (u.alias ?? u.path[u.path.length - 1]) === name) && m.globs.some((g) => !isStdHead(g.path[0]))) return undefined;
  return homes.some((h) => namesStd(written, segs, name, h.module, inPrelude(h.prelude, m.crate.input.edition), m, resolver)) ? written : undefined;
}

/**
 * The bound of a std type its arguments certainly do not meet (`BufWriter<u8>`: `u8: Write`,
 * rustc's E0277); undefined when they meet it or may (std types' other bounds are not checked).
 */
export function unmetStdTypeBound(item: TypeItem, argVals: readonly GArg[], host: BoundHost): BoundProblem | undefined {
  const path = rulePath(item, host.resolver);
  for (const [i, trait] of (path === undefined ? undefined : STD_TYPE_BOUNDS[path]) ?? []) {
    const a = argVals[i];
    if (a?.k !== 'ty' || !concrete(a.ty)) continue;
    if (stdPlainVerdict(a.ty, trait, rulesHost(host)) === false) return { k: 'unmet', ty: a.ty, bound: `std::${trait}` };
  }
  // `slice::Split<'a, T, P>` and its kin: `P: FnMut(&T) -> bool`. Only `Box`, references and
  // closures of std's types are callable (a crate may not implement the Fn traits on stable).
  const pred = SLICE_PREDICATE_TYPES.has(path ?? '') ? argVals[1] : undefined;
  if (pred?.k === 'ty' && concrete(pred.ty)) {
    const p = pred.ty;
    const bound = 'FnMut(&T) -> bool';
    if (p.k === 'never' || callable(p) === false) return { k: 'unmet', ty: p, bound };
    // A fn pointer's signature: safe, of the Rust ABI, one parameter `&T`, returning `bool`.
    if (p.k === 'fnptr' && p.sig) {
      const { params, ret, safeRust, namesLifetime } = p.sig;
      if (!safeRust) return { k: 'unmet', ty: p, bound, why: 'only safe fn pointers of the Rust ABI implement the `Fn` traits' };
      // `fn(&'static u8) -> bool` is not general enough for `for<'a> FnMut(&'a u8)`: rustc refuses
      // it where the type is used (an error without a code); not judged here.
      if (namesLifetime) return { k: 'unsure', ty: p, bound };
      if (params.length !== 1) return { k: 'unmet', ty: p, bound, code: 'E0593', why: `it takes ${params.length} argument(s), the bound 1` };
      const arg = params[0]!;
      const elem = argVals[0];
      const same = elem?.k !== 'ty' || !concrete(elem.ty) ? undefined : arg.k === 'ptr' && arg.kind === '&' ? (concrete(arg.pointee) ? sameTy(arg.pointee, elem.ty) : undefined) : concrete(arg) ? false : undefined;
      if (same === false) return { k: 'unmet', ty: p, bound, code: 'E0631', why: 'type mismatch in argument 1' };
      if (ret === undefined || ret === 'never' || (concrete(ret) && ret.k !== 'bool')) return { k: 'unmet', ty: p, bound, code: 'E0271', why: 'another return type' };
    }
  }
  // `vec::Splice<'a, I: Iterator>`, `char::DecodeUtf16<I: Iterator<Item = u16>>`, `iter::Peekable<I: Iterator>`.
  const it = ITERATOR_PARAM_TYPES.has(path ?? '') ? argVals[0] : undefined;
  if (it?.k === 'ty' && concrete(it.ty) && iteratorVerdict(it.ty, 'Iterator', undefined, host) === false) return { k: 'unmet', ty: it.ty, bound: 'std::iter::Iterator' };
  // `DecodeUtf16<I>` asks `Item = u16`: another `Item` the model writes down is rustc's E0271.
  if (path === 'char::DecodeUtf16' && it?.k === 'ty' && concrete(it.ty)) {
    const found = host.stdItem?.(it.ty, 'Iterator');
    if (!found || !concrete(found)) return { k: 'unsure', ty: it.ty, bound: 'std::iter::Iterator<Item = u16>' };
    if (!(found.k === 'int' && found.name === 'u16')) return { k: 'mismatch', ty: it.ty, found, bound: '<_ as Iterator>::Item == u16', code: 'E0271' };
  }
  const a = argVals[0];
  if (a?.k !== 'ty' || !concrete(a.ty)) return undefined;
  // `NonZero<T: ZeroablePrimitive>`: the integers and `char` (rustc 1.95).
  if (path === 'num::NonZero' && a.ty.k !== 'int' && a.ty.k !== 'char' && a.ty.k !== 'unknown' && a.ty.k !== 'error') return { k: 'unmet', ty: a.ty, bound: 'std::num::ZeroablePrimitive' };
  // `binary_heap::PeekMut<'a, T: Ord>`.
  if (path === 'collections::binary_heap::PeekMut' && implementsStd(a.ty, 'Ord', undefined, host) === false) return { k: 'unmet', ty: a.ty, bound: 'std::cmp::Ord' };
  // `Cow<'a, B: ToOwned>`: `[T]` is ToOwned when `T: Clone` (no crate may implement it for a
  // slice), another type of std's when it is Clone; a crate's type may have its own impl.
  if (path === 'borrow::Cow') {
    const t = a.ty.k === 'slice' ? a.ty.elem : a.ty;
    const own = a.ty.k === 'adt' && !a.ty.def.m.crate.isStd;
    // (Std's unsized types have impls of their own: `Path`, `OsStr`, `CStr`.)
    if (!own && t.k !== 'str' && t.k !== 'dyn' && host.sized(t) === true && implementsStd(t, 'Clone', undefined, host) === false) return { k: 'unmet', ty: a.ty, bound: 'std::borrow::ToOwned' };
  }
  return undefined;
}

const RULE_PATHS: ReadonlySet<string> = new Set(namedStdPaths());

/** std's slice iterators split by a predicate (`P: FnMut(&T) -> bool`, their second type parameter). */
const SLICE_PREDICATE_TYPES: ReadonlySet<string> = new Set([
  'slice::Split', 'slice::SplitInclusive', 'slice::SplitMut', 'slice::SplitInclusiveMut', 'slice::RSplit', 'slice::RSplitMut',
  'slice::SplitN', 'slice::RSplitN', 'slice::SplitNMut', 'slice::RSplitNMut',
]);
/** std types whose first type parameter must be an `Iterator`. */
const ITERATOR_PARAM_TYPES: ReadonlySet<string> = new Set(['vec::Splice', 'char::DecodeUtf16', 'iter::Peekable']);

/**
 * The public path by which src/core/stdTraitRules.ts names a std item (`sync::Mutex`, where the
 * model's first path is `sync::poison::Mutex`), else its first one; undefined for a crate's item.
 */
function rulePath(item: TypeItem, resolver: Resolver): string | undefined {
  const paths = publicStdPaths(resolver.std, resolver).get(item);
  return paths?.find((p) => RULE_PATHS.has(p)) ?? paths?.[0];
}

/** The rules' view of the engine (src/core/stdTraitRules.ts). */
function rulesHost(host: BoundHost): RulesHost {
  return {
    stdPath: (t) => (t.def.m.crate.isStd ? rulePath(t.def.item, host.resolver) : undefined),
    sameTy,
    conversion: (from, to) => conversion(from, to, host),
    crateImpls: (t, trait) => crateStdImpls(t, trait, host),
    crateArgImpls: (t, trait, arg, target) => crateStdArgImpls(t, trait, arg, target, host),
  };
}

/** Whether the crate of module `m` reads the 2021 prelude (a file outside a crate is read as 2021). */
/**
 * What a crate's impls say of its type and a std trait with a generic argument: true by an impl
 * without parameters for the type whose argument is `arg` (`impl Extend<u8> for Ext`; for `Deref`,
 * whose `Target` is `target` where asked); false when the crate's impls are all seen and none is
 * of the trait; 'unknown' otherwise (a generic impl, an impl of another argument).
 */
function crateStdArgImpls(ty: Extract<Ty, { k: 'adt' }>, trait: ArgStdTrait, arg: Ty | undefined, target: Ty | undefined, host: BoundHost): Verdict {
  const { item, m } = ty.def;
  const crate = m.crate;
  const home = STD_TRAIT_HOMES[trait]![0]!;
  let unsure = false;
  const evaluated = (te: TypeExpr, at: ModuleScope): Ty | undefined => {
    try {
      return host.argTy(te, at, new Map());
    } catch {
      return undefined;
    }
  };
  for (const { impl, m: at } of ownImpls(item, crate, host, (i) => i.trait === trait)) {
    const written = impl.traitPath ?? trait;
    if (crateTrait(written, at, host.resolver)) continue;
    let segs = written.split('::');
    if (segs[0] === '') segs = segs.slice(1);
    if (!namesStd(written, segs, trait, home.module, inPrelude(home.prelude, at.crate.input.edition), at, host.resolver)) {
      unsure = true;
      continue;
    }
    if (crate.unsure(impl.cfg) !== undefined || impl.hasWhere || (impl.generics?.params ?? []).some((p) => p.kind !== 'lifetime')) {
      unsure = true;
      continue;
    }
    const selfTy = evaluated(impl.selfTy, at);
    const same = selfTy && sameTy(selfTy, ty);
    if (same === false) continue;
    if (same !== true) {
      unsure = true;
      continue;
    }
    let implArg: TypeExpr | undefined;
    if (trait === 'Deref' || trait === 'DerefMut') {
      if (!target) return true;
      implArg = impl.types?.find((a) => a.name === 'Target')?.ty;
    } else {
      const a = impl.traitArgs?.find((x) => x.kind === 'type');
      implArg = a?.kind === 'type' ? a.ty : undefined;
    }
    const want = trait === 'Deref' || trait === 'DerefMut' ? target : arg;
    const got = implArg && evaluated(implArg, at);
    const r = got && want ? sameTy(got, want) : undefined;
    if (r === true) return true;
    // Another argument (`impl AsRef<[u8]> for X`, asked `AsRef<str>`) is no answer; another `Target` is E0271.
    if (r === undefined || trait === 'Deref' || trait === 'DerefMut') unsure = true;
  }
  // An impl written for an alias or a renamed import of the type (`impl AsRef<str> for Alias`) is its too: not read here.
  if (renamedImplsFor(crate, item.name, host).some(({ e }) => e.impl.trait === trait)) unsure = true;
  if (unsure || (crate.impls.get(BLANKET_IMPLS) ?? []).some(({ impl }) => impl.trait === trait)) return 'unknown';
  return implsMaybeUnseen(item, m) || renames(m, trait) ? 'unknown' : false;
}

/**
 * What a crate's impls say of its type and one of std's plain traits (`impl fmt::Display for X`,
 * `impl<W: Write> io::Write for Tee<W>`): true by one that applies; false when the crate's impls
 * are all seen and none applies (only the type's crate may write them, or a blanket impl of std's
 * that needs more than a crate's type has); 'unknown' otherwise.
 */
function crateStdImpls(ty: Extract<Ty, { k: 'adt' }>, trait: PlainStdTrait, host: BoundHost): Verdict {
  const name = trait.split('::').pop()!;
  const module = trait === 'io::Write' ? 'io' : trait === 'fmt::Write' ? 'fmt' : STD_TRAIT_HOMES[name]![0]!.module;
  return crateImplsOfStd(ty, name, module, false, host);
}

/** crateStdImpls for std's trait `module::name`, which the prelude names when `prelude` (`Iterator`). */
function crateImplsOfStd(ty: Extract<Ty, { k: 'adt' }>, name: string, module: string, prelude: boolean, host: BoundHost): Verdict {
  const { item, m } = ty.def;
  const crate = m.crate;
  let unsure = false;
  for (const { impl, m: at } of ownImpls(item, crate, host, (i) => i.trait === name)) {
    const written = impl.traitPath ?? name;
    // A crate's own trait of that name, or std's other `Write`.
    if (crateTrait(written, at, host.resolver)) continue;
    let segs = written.split('::');
    if (segs[0] === '') segs = segs.slice(1);
    if (!namesStd(written, segs, name, module, prelude, at, host.resolver)) {
      const other = name === 'Write' ? (module === 'io' ? 'fmt' : 'io') : undefined;
      if (other === undefined || !namesStd(written, segs, name, other, false, at, host.resolver)) unsure = true;
      continue;
    }
    if (crate.unsure(impl.cfg) !== undefined || impl.hasWhere) {
      unsure = true;
      continue;
    }
    const r = implApplies(impl, at, ty, host, 0);
    if (r === true) return true;
    if (r === 'unknown') unsure = true;
  }
  // An impl written for an alias or a renamed import of the type (`impl Display for Alias`, hunt P).
  for (const { e: { impl, m: at }, told } of renamedImplsFor(crate, item.name, host)) {
    if (impl.trait !== name || !liveOrUnsure(crate, impl.cfg) || crateTrait(impl.traitPath ?? name, at, host.resolver)) continue;
    const r = renamedImplApplies(impl, at, told, ty, crate, host);
    if (r === true) return true;
    if (r === 'unknown') unsure = true;
  }
  if (unsure || (crate.impls.get(BLANKET_IMPLS) ?? []).some(({ impl }) => impl.trait === name)) return 'unknown';
  return implsMaybeUnseen(item, m) || renames(m, name) ? 'unknown' : false;
}

/**
 * The glob imports module `m` reads: its own, and those of the crate's modules it globs
 * (`use super::*;`), a few levels deep; undefined when a glob on the way is of another crate or
 * of nothing read here (a name may then come from there).
 */
function globsThrough(m: ModuleScope, resolver: Resolver): UseEntry[] | undefined {
  const out: UseEntry[] = [];
  const seen = new Set<ModuleScope>();
  const walk = (x: ModuleScope, depth: number): boolean => {
    if (seen.has(x)) return true;
    seen.add(x);
    for (const g of x.globs) {
      out.push(g);
      if (isStdHead(g.path[0])) continue;
      const b = resolver.resolveUse(x, g.path, g.global);
      if (b?.k !== 'module' || b.m.crate !== m.crate || depth >= 4) return false;
      if (!walk(b.m, depth + 1)) return false;
    }
    return true;
  };
  return walk(m, 0) ? out : undefined;
}

/**
 * Whether the path `written` (segments `segs`, last `name`) names std's item `module::name` in
 * `m`: written in full, through an import of it or of its module, or by the prelude (`prelude`).
 */
function namesStd(written: string, segs: readonly string[], name: string, module: string, prelude: boolean, m: ModuleScope, resolver: Resolver): boolean {
  // A `#![no_core]` crate's own `#[lang = "copy"] trait Copy` is the language's.
  const own = resolver.resolveTypePath(m, segs, written.startsWith('::'));
  if (own?.k === 'item' && own.item.kind === 'trait' && !own.m.crate.isStd) {
    const lang = own.item.attrs.find((a) => a.name === 'lang')?.text.match(/"(\w+)"/)?.[1];
    return lang !== undefined && LANG_TRAITS[lang] === name;
  }
  // A glob import of a crate not read may bring in a trait of that name; the others are searched below.
  // The glob's first segment as its `use` reads it: from the crate root in the 2015 edition
  // (serde's `use lib::*;` in a submodule names the root's `lib`).
  if (m.globs.some((g) => !isStdHead(g.path[0]) && resolver.resolveUse(m, g.path.slice(0, 1), g.global)?.k !== 'module')) return false;
  const head = segs[0]!;
  if (segs.length === 1) {
    const imported = m.uses.find((u) => !u.glob && (u.alias ?? u.path[u.path.length - 1]) === name);
    if (imported) {
      if (imported.path.length === 3 && isStdHead(imported.path[0]) && imported.path[1] === module && imported.path[2] === name) return true;
      // `use std::{fmt, io}; use io::{Read, Write};` (png): from std's module under the name imported.
      if (imported.path.length !== 2 || imported.global || imported.path[1] !== name) return false;
      const at = resolver.firstSegment(m, imported.path[0]!);
      return at?.k === 'module' && at.m.crate.isStd && at.m.displayPath === module;
    }
    const bound = resolver.firstSegment(m, name);
    if (prelude && bound === undefined) return true;
    // `use std::io::prelude::*;` (or `use std::io::*;`) brings `Read`, `Write`, `BufRead` and
    // `Seek`; `use std::fmt::*;` its traits. Not when the name is the crate's, nor when another
    // module's glob brings a `Write` of its own (both would be E0659).
    const fromGlob = (g: { path: readonly string[] }, mod: string) =>
      isStdHead(g.path[0]) && g.path[1] === mod && (g.path.length === 2 || (mod === 'io' && g.path.length === 3 && g.path[2] === 'prelude'));
    // Also through globs of the crate's own modules (zip's `use super::*;` where the parent has
    // `use std::io::prelude::*;`), when every glob on the way is of a module read here.
    const globs = globsThrough(m, resolver) ?? m.globs;
    if (!globs.some((g) => fromGlob(g, module))) return false;
    if (bound !== undefined && !(bound.k === 'item' && bound.m.crate.isStd && bound.item.kind === 'trait' && bound.item.name === name)) return false;
    return !(STD_TRAIT_HOMES[name] ?? []).some((h) => h.module !== module && globs.some((g) => fromGlob(g, h.module)));
  }
  if (segs.length === 3) {
    const root = resolver.firstSegment(m, head);
    return isStdHead(head) && root?.k === 'module' && root.m.crate.isStd && segs[1] === module;
  }
  if (segs.length === 2 && head === module) {
    const imported = m.uses.find((u) => !u.glob && (u.alias ?? u.path[u.path.length - 1]) === head);
    return imported !== undefined && imported.path.length === 2 && isStdHead(imported.path[0]) && imported.path[1] === head;
  }
  return false;
}

const ARITH: ReadonlySet<string> = new Set(['Add', 'Sub', 'Mul', 'Div', 'Rem']);
const BITS: ReadonlySet<string> = new Set(['BitAnd', 'BitOr', 'BitXor']);
/** Std types with no impl of any `std::ops` trait, whatever its arguments (nor for a reference to them). */
const NO_OPS: ReadonlySet<string> = new Set(['Vec', 'Option', 'Result', 'Box', 'Rc', 'Arc', 'HashMap', 'BTreeMap', 'VecDeque', 'Cell', 'RefCell', 'PhantomData', 'Mutex', 'RwLock']);

/**
 * Whether `ty` implements std's operator trait `op` (`Add`, `AddAssign`, `Neg`…) with right-hand
 * side `rhs` (undefined: `Self`) and, when written, `Output = out`: decided for the language's
 * scalars (the impls are fixed) and for types that have no operator impl at all (`()`, `char`,
 * `str`, tuples, arrays, `String` but for `+ &str`, `Vec`…); 'unknown' otherwise (a crate's type,
 * a reference, `Wrapping`, `Duration`…).
 */
function opVerdict(ty: Ty, op: string, rhs: Ty | undefined, out: Ty | undefined): Verdict {
  const base = op.endsWith('Assign') ? op.slice(0, -'Assign'.length) : op;
  const selfRhs = rhs === undefined ? true : sameTy(rhs, ty);
  const selfOut = out === undefined || op.endsWith('Assign') ? true : sameTy(out, ty);
  const scalar = (has: boolean): Verdict => {
    if (!has) return false;
    // std's impls of a scalar type are `Op<Self>` (and `Op<&Self>`, and `Shl<any integer>`), all with `Output = Self`.
    // Another `Output` is rustc's E0271 (a type mismatch), not an unmet bound: left unknown.
    return selfRhs === true && selfOut === true ? true : 'unknown';
  };
  switch (ty.k) {
    case 'int':
      return scalar(base !== 'Neg' || ty.signed);
    case 'float':
      return scalar(ARITH.has(base) || base === 'Neg');
    case 'bool':
      return scalar(BITS.has(base) || base === 'Not');
    case 'char':
    case 'str':
    case 'slice':
    case 'array':
    case 'tuple':
    case 'fnptr':
    case 'dyn':
      return false;
    case 'ptr': {
      if (ty.kind === '*const' || ty.kind === '*mut') return false;
      // std's operator impls for references are for references to scalars and to a few std
      // types (`Wrapping`, `HashSet`, `Ipv4Addr`…), none for one to a type without operators.
      const p = ty.pointee;
      if (p.k === 'int' || p.k === 'float' || p.k === 'bool' || p.k === 'ptr' || p.k === 'param' || p.k === 'unknown' || p.k === 'error' || p.k === 'never') return 'unknown';
      return p.k === 'adt' ? (p.def.m.crate.isStd && (NO_OPS.has(p.def.item.name) || p.def.item.name === 'String') ? false : 'unknown') : false;
    }
    case 'adt': {
      if (!ty.def.m.crate.isStd) return 'unknown';
      const name = ty.def.item.name;
      // `String + &str`, `String += &str`: only with that right-hand side.
      if (name === 'String') return base === 'Add' && rhs !== undefined && rhs.k === 'ptr' ? 'unknown' : false;
      return NO_OPS.has(name) ? false : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/**
 * Whether `ty` is certainly `Unpin` (an auto trait only `PhantomPinned` and what holds it lack, on
 * stable Rust): the language's scalars, `str`, references, raw and fn pointers, `Box` (whatever it
 * holds), and arrays, slices and tuples of those. Other types are not judged.
 */
function surelyUnpin(ty: Ty, depth: number): boolean {
  if (depth > 16) return false;
  switch (ty.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'str':
    case 'fnptr':
    case 'ptr':
    case 'never':
      return true;
    case 'array':
    case 'slice':
      return surelyUnpin(ty.elem, depth + 1);
    case 'tuple':
      return ty.elems.every((e) => surelyUnpin(e, depth + 1));
    case 'adt':
      if (!ty.def.m.crate.isStd) return false;
      if (ty.def.item.name === 'Box') return true;
      // Std's containers and wrappers are Unpin when what they hold is (an auto trait through
      // their fields; measured with rustc 1.95 for each name here). `PhantomPinned` is not listed.
      return UNPIN_BY_ARGS.has(ty.def.item.name) && ty.args.every((a) => a.k !== 'ty' || surelyUnpin(a.ty, depth + 1));
    default:
      return false;
  }
}

/**
 * `ty: Future` (written without `Output`): `dyn Future<..>` holds; `Pin<Box<F>>` and
 * `Pin<&mut F>` when F does; `Box<F>` and `&mut F` when F is a future and surely `Unpin`;
 * `future::Ready` and `future::Pending`; a crate's type by its crate's impls. The language's
 * types other than references have none, and no crate may add one. 'unknown' otherwise.
 */
function futureVerdict(ty: Ty, host: BoundHost, depth: number): Verdict {
  if (depth > MAX_DEPTH) return 'unknown';
  const next = (t: Ty | undefined): Verdict => (t ? futureVerdict(t, host, depth + 1) : 'unknown');
  const local = (t: Ty): boolean => (t.k === 'adt' && !t.def.m.crate.isStd) || t.k === 'param' || t.k === 'dyn';
  switch (ty.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'str':
    case 'slice':
    case 'array':
    case 'tuple':
    case 'fnptr':
    case 'never':
      return false;
    case 'dyn':
      return ty.future ? true : 'unknown';
    case 'ptr': {
      if (ty.kind === '*const' || ty.kind === '*mut') return false;
      // `impl<F: ?Sized + Future + Unpin> Future for &mut F`; none for `&F` (a crate may add one for `&Local`).
      if (ty.kind === '&mut' && next(ty.pointee) === true && surelyUnpin(ty.pointee, 0)) return true;
      return local(ty.pointee) ? 'unknown' : ty.kind === '&' || next(ty.pointee) === false ? false : 'unknown';
    }
    case 'adt': {
      if (!ty.def.m.crate.isStd) return crateImplsOfStd(ty, 'Future', 'future', false, host);
      const path = rulePath(ty.def.item, host.resolver);
      const a0 = ty.args[0]?.k === 'ty' ? ty.args[0].ty : undefined;
      if (path === 'future::Ready' || path === 'future::Pending') return true;
      if (path === 'pin::Pin' && a0) {
        // `impl<P: DerefMut<Target: Future>> Future for Pin<P>`: `&mut F`, or `Box<F, A>` (any allocator).
        const boxed = a0.k === 'adt' && a0.def.m.crate.isStd && rulePath(a0.def.item, host.resolver) === 'boxed::Box';
        const target = a0.k === 'ptr' && a0.kind === '&mut' ? a0.pointee : boxed && a0.args[0]?.k === 'ty' ? a0.args[0].ty : undefined;
        return next(target) === true ? true : 'unknown';
      }
      if (path === 'boxed::Box' && a0 && next(a0) === true && surelyUnpin(a0, 0)) return true;
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** Std types that are Unpin when their type arguments are (hunt R: checked with rustc 1.95). */
const UNPIN_BY_ARGS: ReadonlySet<string> = new Set([
  'String', 'Vec', 'Option', 'Result', 'VecDeque', 'HashMap', 'HashSet', 'BTreeMap', 'BTreeSet', 'Rc', 'Arc', 'Weak', 'Cell', 'RefCell', 'UnsafeCell',
  'Mutex', 'RwLock', 'OnceLock', 'OnceCell', 'NonZero', 'Range', 'RangeInclusive', 'IntoIter', 'Chars', 'Once', 'Duration', 'PhantomData', 'Wrapping',
  'ManuallyDrop', 'MaybeUninit', 'Cow', 'PathBuf', 'NonNull', 'AtomicU32', 'Global', 'RandomState',
]);

const NO_DISPLAY: ReadonlySet<string> = new Set(['Vec', 'Option', 'Result', 'HashMap', 'HashSet', 'BTreeMap', 'BTreeSet', 'VecDeque', 'Cell', 'RefCell', 'PhantomData', 'Mutex', 'RwLock']);

/**
 * Whether `ty` implements `Display` (and so `ToString`): std's impls are for the language's
 * numbers, `bool`, `char`, `str`, `String` and through references and `Box`; none for `()`,
 * tuples, arrays, slices, fn and raw pointers or std's containers. 'unknown' for the rest.
 */
function displayVerdict(ty: Ty, depth: number): Verdict {
  if (depth > 16) return 'unknown';
  switch (ty.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'str':
      return true;
    case 'tuple':
    case 'array':
    case 'slice':
    case 'fnptr':
      return false;
    case 'ptr':
      return ty.kind === '*const' || ty.kind === '*mut' ? false : displayVerdict(ty.pointee, depth + 1);
    case 'adt': {
      if (!ty.def.m.crate.isStd) return 'unknown';
      const name = ty.def.item.name;
      if (name === 'String') return true;
      if ((name === 'Box' || name === 'Rc' || name === 'Arc') && ty.args[0]?.k === 'ty') return displayVerdict(ty.args[0].ty, depth + 1);
      // `NonZero<u32>`, `Wrapping<u8>`, `Saturating<i64>`: Display like the integer they hold.
      if ((name === 'NonZero' || name === 'Wrapping' || name === 'Saturating') && ty.args[0]?.k === 'ty') return displayVerdict(ty.args[0].ty, depth + 1) === true ? true : 'unknown';
      return NO_DISPLAY.has(name) ? false : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** Std traits whose associated types the std model writes down (src/core/engine.ts STD_TRAIT_ASSOC). */
const ASSOC_READ: ReadonlySet<string> = new Set(['Iterator', 'IntoIterator', 'FromStr', 'Pattern', 'DiscriminantKind']);

/**
 * False where `ty` certainly lacks `Iterator`, `IntoIterator` or `FromStr` (std has no impl of them
 * for the language's scalars but `FromStr`, for tuples, `str`, fn and raw pointers, nor `Iterator`
 * for arrays, slices and std's containers, nor `IntoIterator` for `String`); undefined otherwise.
 */
function assocReadVerdict(ty: Ty, name: string): false | undefined {
  const never = ty.k === 'tuple' || ty.k === 'str' || ty.k === 'fnptr' || (ty.k === 'ptr' && (ty.kind === '*const' || ty.kind === '*mut'));
  const scalar = ty.k === 'int' || ty.k === 'float' || ty.k === 'bool' || ty.k === 'char';
  const stdAdt = ty.k === 'adt' && ty.def.m.crate.isStd ? ty.def.item.name : undefined;
  if (name === 'Iterator') return never || scalar || ty.k === 'array' || ty.k === 'slice' || (stdAdt !== undefined && (NO_OPS.has(stdAdt) || stdAdt === 'String') && stdAdt !== 'Box') ? false : undefined;
  if (name === 'IntoIterator') return never || scalar || stdAdt === 'String' ? false : undefined;
  if (name === 'FromStr') return never || ty.k === 'array' || ty.k === 'slice' ? false : undefined;
  return undefined;
}

/**
 * Whether `ty` is an `Iterator` (or `IntoIterator`) whose `Item` is `item` (undefined: any): false
 * where certainly not one (assocReadVerdict, references, std's non-iterators, a crate's type
 * whose crate has no impl of it, all its impls seen); true where the std model writes its `Item`
 * down and it is the one asked; 'unknown' otherwise (an `Item` other than the one asked is
 * rustc's E0271, not told here).
 */
function iteratorVerdict(ty: Ty, trait: 'Iterator' | 'IntoIterator', item: Ty | undefined, host: BoundHost): Verdict {
  if (assocReadVerdict(ty, trait) === false) return false;
  if (trait === 'Iterator' && ty.k === 'ptr' && ty.kind === '&') return false;
  if (ty.k !== 'adt') return 'unknown';
  if (ty.def.m.crate.isStd) {
    const path = rulePath(ty.def.item, host.resolver);
    if (path !== undefined && (NOT_ITERABLE.has(path) || (trait === 'Iterator' && ITERABLE_ONLY.has(path)))) return false;
    const has = host.stdItem?.(ty, trait);
    if (!has) return 'unknown';
    return item === undefined || sameTy(has, item) === true ? true : 'unknown';
  }
  // A crate's type: only its crate may implement `Iterator` for it (or `IntoIterator`, besides std's
  // blanket impl over its iterators).
  const { item: def, m } = ty.def;
  const crate = m.crate;
  const named = (crate.impls.get(def.name) ?? []).some(({ impl }) => impl.trait === 'Iterator' || impl.trait === 'IntoIterator');
  if (named || (crate.impls.get(BLANKET_IMPLS) ?? []).some(({ impl }) => impl.trait === 'Iterator' || impl.trait === 'IntoIterator')) return 'unknown';
  return implsMaybeUnseen(def, m) || renames(m, 'Iterator') || renames(m, 'IntoIterator') ? 'unknown' : false;
}

/** Std's collections whose references (`&C`, and `&mut C` but for `BinaryHeap`) iterate: `impl IntoIterator for &Vec<T>`. */
const REF_ITERABLE: ReadonlySet<string> = new Set([
  'vec::Vec', 'collections::vec_deque::VecDeque', 'collections::linked_list::LinkedList', 'collections::hash_map::HashMap', 'collections::btree_map::BTreeMap',
  'option::Option', 'result::Result',
]);
/** Those whose shared references only iterate (sets and the heap: no `&mut` impl). */
const SHARED_REF_ITERABLE: ReadonlySet<string> = new Set(['collections::hash_set::HashSet', 'collections::btree_set::BTreeSet', 'collections::binary_heap::BinaryHeap']);

/**
 * `ty: Iterator` / `ty: IntoIterator` written without `Item`: iteratorVerdict, and where it cannot
 * tell, `&mut I` (an iterator's), the references std's collections iterate by, and a crate's type
 * by an impl of its crate that applies (or its `Iterator` impl, for `IntoIterator`).
 */
function plainIteratorVerdict(ty: Ty, trait: 'Iterator' | 'IntoIterator', host: BoundHost, depth: number): Verdict {
  if (depth > MAX_DEPTH) return 'unknown';
  const r = iteratorVerdict(ty, trait, undefined, host);
  if (r !== 'unknown') return r;
  if (ty.k === 'ptr' && (ty.kind === '&' || ty.kind === '&mut')) {
    // `impl<I: Iterator + ?Sized> Iterator for &mut I`, and `IntoIterator` for every iterator.
    if (ty.kind === '&mut' && plainIteratorVerdict(ty.pointee, 'Iterator', host, depth + 1) === true) return true;
    if (trait === 'Iterator') return 'unknown';
    const p = ty.pointee;
    if (p.k === 'slice' || p.k === 'array') return true;
    if (p.k === 'adt' && p.def.m.crate.isStd) {
      const path = rulePath(p.def.item, host.resolver);
      if (path !== undefined && (REF_ITERABLE.has(path) || (ty.kind === '&' && SHARED_REF_ITERABLE.has(path)))) return true;
    }
    return 'unknown';
  }
  if (ty.k === 'adt' && !ty.def.m.crate.isStd) {
    if (crateImplsOfStd(ty, 'Iterator', 'iter', true, host) === true) return true;
    if (trait === 'IntoIterator' && crateImplsOfStd(ty, 'IntoIterator', 'iter', true, host) === true) return true;
  }
  return 'unknown';
}

/** Std's types with `impl FromStr` (rustc 1.95), besides the language's scalars. */
const FROM_STR_STD: ReadonlySet<string> = new Set([
  'string::String', 'path::PathBuf', 'ffi::OsString', 'num::NonZero', 'net::IpAddr', 'net::Ipv4Addr', 'net::Ipv6Addr', 'net::SocketAddr', 'net::SocketAddrV4', 'net::SocketAddrV6',
]);

/** `ty: FromStr`: the scalars and FROM_STR_STD hold; a crate's type by its crate's impls; no impl for tuples, arrays, slices, `str`, pointers to std's types. */
function fromStrVerdict(ty: Ty, host: BoundHost): Verdict {
  if (assocReadVerdict(ty, 'FromStr') === false) return false;
  switch (ty.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
      return true;
    case 'adt':
      if (!ty.def.m.crate.isStd) return crateImplsOfStd(ty, 'FromStr', 'str', false, host);
      return FROM_STR_STD.has(rulePath(ty.def.item, host.resolver) ?? '') ? true : 'unknown';
    default:
      return 'unknown';
  }
}

/**
 * The E0271 of a bound binding an associated type (`Iterator<Item = u8>`, `Deref<Target = str>`)
 * for a std type whose own is written down and is another; undefined when that is not certain.
 */
function assocMismatch(ty: Ty, home: string, written: readonly GenericArg[], argTyOf: (t: TypeExpr) => Ty | undefined, host: BoundHost): BoundProblem | undefined {
  const name = home === 'Deref' || home === 'DerefMut' ? 'Target' : home === 'Iterator' || home === 'IntoIterator' ? 'Item' : undefined;
  const binding = written.find((a) => a.kind === 'binding' && a.name === name);
  if (name === undefined || binding?.kind !== 'binding' || written.length !== 1) return undefined;
  const asked = argTyOf(binding.ty);
  if (!asked || !concrete(asked)) return undefined;
  let found: Ty | undefined;
  if (name === 'Target') found = derefTarget(ty, rulesHost(host));
  else if (ty.k === 'adt' && ty.def.m.crate.isStd) found = host.stdItem?.(ty, home as 'Iterator' | 'IntoIterator');
  if (!found || !concrete(found) || sameTy(found, asked) !== false) return undefined;
  return { k: 'mismatch', ty, bound: `<${host.text(ty)} as ${home}>::${name} == ${host.text(asked)}`, found };
}

/**
 * Whether a fn pointer meets an `Fn`-family bound written with its sugar, as rustc 1.95 decides:
 * an `unsafe` or non-Rust-ABI pointer implements none of them (E0277), another number of
 * parameters is E0593, another parameter type E0631, another return type E0271; 'unknown' where
 * either signature names a lifetime (`fn(&'static u8)` does not meet `for<'a> Fn(&'a u8)`) or a
 * type is not known.
 */
function fnPointerMeets(ty: Ty, sig: FnSig, fb: FnBound, argTyOf: (t: TypeExpr) => Ty | undefined, host: BoundHost): BoundProblem | true | 'unknown' {
  if (!sig.safeRust) return { k: 'unmet', ty, bound: fb.text, why: 'only safe fn pointers of the Rust ABI implement the `Fn` traits' };
  if (sig.params.length !== fb.params.length) return { k: 'unmet', ty, bound: fb.text, code: 'E0593', why: `it takes ${sig.params.length} argument(s), the bound ${fb.params.length}` };
  if (sig.namesLifetime) return 'unknown';
  if (fb.params.some((x) => namesLifetime(x, 0)) || (fb.ret !== undefined && namesLifetime(fb.ret, 0))) {
    // A pointer whose lifetimes are all elided and whose return holds none is as general as any
    // signature of its types (slog's `for<'c> Fn(&'c u8) -> V` for `fn(&u8) -> u16`).
    if ((sig.ret !== undefined && sig.ret !== 'never' && tyHoldsRegion(sig.ret)) || (fb.ret !== undefined && namesLifetime(fb.ret, 0))) return 'unknown';
  }
  let all: true | 'unknown' = true;
  for (let i = 0; i < fb.params.length; i++) {
    const want = argTyOf(fb.params[i]!);
    const r = want && concrete(want) && concrete(sig.params[i]!) ? sameTy(want, sig.params[i]!) : undefined;
    if (r === false) return { k: 'unmet', ty, bound: fb.text, code: 'E0631', why: `type mismatch in argument ${i + 1}` };
    if (r !== true) all = 'unknown';
  }
  const wantRet = fb.ret === undefined ? ({ k: 'tuple', elems: [] } as Ty) : fb.ret.kind === 'never' ? 'never' : argTyOf(fb.ret);
  const gotRet = sig.ret === undefined ? ({ k: 'tuple', elems: [] } as Ty) : sig.ret;
  if (wantRet === 'never' || gotRet === 'never') {
    if (wantRet !== gotRet) return wantRet === undefined ? 'unknown' : { k: 'unmet', ty, bound: fb.text, code: 'E0271', why: 'another return type' };
  } else {
    const r = wantRet && concrete(wantRet) && concrete(gotRet) ? sameTy(wantRet, gotRet) : undefined;
    if (r === false) return { k: 'unmet', ty, bound: fb.text, code: 'E0271', why: `it returns \`${host.text(gotRet)}\`, the bound \`${host.text(wantRet as Ty)}\`` };
    if (r !== true) all = 'unknown';
  }
  return all;
}

/** Whether a type may hold a lifetime: a reference, a trait object, a type with lifetime parameters (written or elided). */
function tyHoldsRegion(ty: Ty): boolean {
  return (
    findInTy(ty, (t) =>
      (t.k === 'ptr' && (t.kind === '&' || t.kind === '&mut')) || t.k === 'dyn' || t.k === 'param' || t.k === 'unknown' || t.k === 'error' || (t.k === 'adt' && t.def.item.generics.params.some((p) => p.kind === 'lifetime'))
        ? true
        : undefined,
    ) ?? false
  );
}

/** A bound of the `Fn` family, as written (`Fn(u8) -> u8`, `for<'a> FnMut(&'a T)`, `std::ops::FnOnce()`). */
const FN_BOUND = /^(?:for\s*<[^>]*>\s*)?(?:(?:::)?(?:std|core)::ops::)?(?:Fn|FnMut|FnOnce)\s*\(/;

/**
 * Whether `ty` may implement a trait of the `Fn` family: the language's scalars, `str`, slices,
 * arrays, tuples, raw pointers and std's types but `Box` never do (on stable Rust only closures, fn
 * items and pointers do, and `Box`es of and references to them; a reference as its pointee);
 * 'unknown' for the rest (which signature a pointer has is not compared).
 */
function callable(ty: Ty): Verdict {
  switch (ty.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'str':
    case 'slice':
    case 'array':
    case 'tuple':
      return false;
    case 'ptr':
      // `&F: Fn` and `&mut F: FnMut` exactly when F is callable.
      return ty.kind === '*const' || ty.kind === '*mut' ? false : callable(ty.pointee);
    case 'adt':
      if (ty.def.m.crate.isStd) return ty.def.item.name !== 'Box' ? false : 'unknown';
      // A crate implements the `Fn` traits for its own type only with `#![feature(fn_traits)]`.
      return mayImplementFnTraits(ty.def.m.crate) ? 'unknown' : false;
    default:
      return 'unknown';
  }
}

/** Whether a crate's root enables what implementing the `Fn` traits by hand needs (`fn_traits`, `unboxed_closures`), or may. */
function mayImplementFnTraits(crate: CrateScope): boolean {
  return crate.root.lintAttrs.some((a) => (a.name === 'feature' || a.name === 'cfg_attr') && /\b(fn_traits|unboxed_closures)\b/.test(a.text));
}

/** A path type's written path (`::a::Tr`, arguments left out), as bounds' paths are kept; undefined for other types. */
export function writtenPath(te: TypeExpr): string | undefined {
  return te.kind === 'path' ? `${te.global ? '::' : ''}${te.segments.map((x) => x.name).join('::')}` : undefined;
}

function isStdHead(s: string | undefined): boolean {
  return s === 'std' || s === 'core';
}

/** What the check needs of the engine. */
export interface BoundHost {
  readonly resolver: Resolver;
  /** Whether a type is `Copy` (std's table and the crates' derives and impls). */
  isCopy(ty: Ty): Verdict;
  /** A bound's generic argument as a type, in the generic type's definition with its parameters bound. */
  argTy(arg: TypeExpr, m: ModuleScope, generics: ReadonlyMap<string, GArg>, params?: readonly GenericParam[]): Ty;
  /** A type as rustc writes it in a message. */
  text(ty: Ty): string;
  /** The types of every field of a crate's type, arguments substituted (undefined when not known). */
  fieldTys(ty: Extract<Ty, { k: 'adt' }>): readonly Ty[] | undefined;
  /** The type a std associated-type holder (`ItemOf<I>`) stands for; undefined for other types. */
  stdAssoc?(ty: Ty): Ty | undefined;
  /** Whether a type is Sized (a pointer to it thin). */
  sized(ty: Ty): Verdict;
  /** The types whose auto traits are being decided (cycles hold). */
  autoSeen?: Set<TypeItem>;
  /**
   * Whether `ty` has a crate's trait with generic arguments (`Allocator<u8>`, the bound written in
   * `m`, its arguments read with `generics` bound), by the one impl of it that applies
   * (src/core/implSelect.ts); 'unknown' for std's traits and where that is not certain.
   */
  traitWithArgs?(b: TypeExpr, ty: Ty, m: ModuleScope, generics: ReadonlyMap<string, GArg>): Verdict;
  /**
   * Whether `ty` has a crate's trait without arguments by the one impl of it that applies to any
   * self type (`impl<T> Tr for [T]`, `for *const T`: src/core/implSelect.ts); 'unknown' where that
   * is not certain.
   */
  crateTraitImpl?(ty: Ty, trait: { readonly item: TraitDef; readonly m: ModuleScope }): Verdict;
  /** The `Item` of a std type as an `Iterator` or `IntoIterator`, where the std model writes it down. */
  stdItem?(ty: Ty, trait: 'Iterator' | 'IntoIterator'): Ty | undefined;
  /** The impls of a crate's trait its crate holds (where their trait path resolves to it). */
  traitImpls?(trait: TraitDef, crate: CrateScope): readonly { readonly impl: ImplDef; readonly m: ModuleScope }[];
  /** Each crate trait's impl rustc refuses for a missing supertrait (null: none certainly), once decided. */
  readonly refusedImpls?: Map<TraitDef, BoundProblem | null>;
  /**
   * Whether a type parameter `name` has the std trait: by the bounds of the generic definition
   * being checked (a parameter stands for every type its bounds allow); 'unknown' without one.
   */
  paramHas?(name: string, trait: StdTrait): Verdict;
}

/** A bound an argument does not meet (`unmet`), or may not (`unsure`): the argument and the bound as rustc writes them. */
export interface BoundProblem {
  /** `mismatch`: the trait holds, with another associated type than the bound binds (rustc's E0271; `found` is the type's). */
  readonly k: 'unmet' | 'unsure' | 'mismatch';
  readonly found?: Ty;
  readonly ty: Ty;
  readonly bound: string;
  /** rustc's code when not E0277 (a fn pointer for an `Fn` bound: E0593, E0631, E0271). */
  readonly code?: string;
  /** Why, when more than the bound is to be said. */
  readonly why?: string;
}

/**
 * The first bound of a crate's generic type (defined in `m`) that `argVals` certainly do not meet,
 * else the first one they may not meet: its parameters' bounds, then its `where` predicates on
 * other types (`where Vec<T>: Clone`) with the arguments in place. Arguments left to their
 * defaults are checked too, as rustc does; arguments that hold a type parameter are left to the
 * generic definition. Arguments from index `trustedFrom` on are defaults of a definition that
 * compiled (a registry or git dependency's): only a bound they certainly do not meet counts.
 */
export function unmetBound(generics: Generics, argVals: readonly GArg[], m: ModuleScope, host: BoundHost, using?: UsingScope, trustedFrom = Infinity): BoundProblem | undefined {
  const { params } = generics;
  const tparams = params.filter((p) => p.kind !== 'lifetime');
  let bound: Map<string, GArg> | undefined;
  const bindings = (): Map<string, GArg> => (bound ??= bindParams(params, argVals));
  let unsure: BoundProblem | undefined;
  /** The bounds `traits` (plain) and `withArgs` (`From<X>`, `Into<X>`) on the concrete type `ty`. */
  const unmet = (written: Ty, traits: readonly string[] | undefined, withArgs: readonly TypeExpr[] | undefined, others?: readonly string[], fnBounds?: readonly FnBound[]): BoundProblem | undefined => {
    // `<Peekable<vec::IntoIter<u32>> as Iterator>::Item` is checked as the `u32` it is.
    const resolved = host.stdAssoc?.(written);
    const ty = resolved && resolved.k !== 'unknown' && resolved.k !== 'error' ? resolved : written;
    const check = (trait: StdTrait, arg: Ty | undefined, written: string): BoundProblem | undefined => {
      const r = implementsStd(ty, trait, arg, host);
      if (r === false) return { k: 'unmet', ty, bound: written };
      if (r === 'unknown') unsure ??= { k: 'unsure', ty, bound: written };
      return undefined;
    };
    for (const t of traits ?? []) {
      const trait = stdTraitOf(t, m, host.resolver);
      if (trait === 'From' || trait === 'Into') continue;
      if (trait) {
        const r = check(trait, undefined, trait);
        if (r) return r;
        continue;
      }
      const own = crateTrait(t, m, host.resolver);
      if (!own) {
        // Neither one of the std traits decided above nor a crate's: std's operator traits are
        // decided for the language's types; any other (`Display`, `Iterator`, a trait that does
        // not resolve) is not known, and rustc refuses the type when the bound does not hold.
        const name = t.split('::').pop()!;
        // Std's traits whose associated types the std model reads (`I::Item` with `I: Iterator`):
        // left as before, not decided (a use rustc refuses for them keeps its number: open).
        if (name === 'Sized') continue;
        const home = homeStdTraitOf(t, m, host.resolver);
        if (home !== undefined && (PLAIN_RULES.has(home) || home === 'ToString')) {
          // `Display`, `Error`, the I/O traits, `Any`: std's impls and the type's crate's (`ToString` is `Display`'s blanket impl).
          const r = stdPlainVerdict(ty, home === 'ToString' ? 'Display' : (home as PlainStdTrait), rulesHost(host));
          const viaOwn = home === 'ToString' && r === false && ty.k === 'adt' && !ty.def.m.crate.isStd && (ty.def.m.crate.impls.get(ty.def.item.name) ?? []).some(({ impl }) => impl.trait === 'ToString');
          if (r === false && !viaOwn) return { k: 'unmet', ty, bound: name };
          if (r !== true) unsure ??= { k: 'unsure', ty, bound: name };
          continue;
        }
        if (home === 'Deref' || home === 'DerefMut') {
          // Written without its `Target`.
          const r = stdArgVerdict(ty, home, undefined, rulesHost(host));
          if (r === false) return { k: 'unmet', ty, bound: name };
          if (r !== true) unsure ??= { k: 'unsure', ty, bound: name };
          continue;
        }
        if (name === 'Unpin' && surelyUnpin(ty, 0)) continue;
        if (home === 'Future') {
          const v = futureVerdict(ty, host, 0);
          if (v === false) return { k: 'unmet', ty, bound: name };
          if (v !== true) unsure ??= { k: 'unsure', ty, bound: name };
          continue;
        }
        if (name === 'Display' || name === 'ToString') {
          const d = displayVerdict(ty, 0);
          if (d === true) continue;
          if (d === false) return { k: 'unmet', ty, bound: name };
        }
        if (ASSOC_READ.has(name)) {
          // Std's traits whose associated types the std model reads: held where certain, refused
          // where certainly not, else unknown (rustc refuses `W<Box<u8>>` with `I: Iterator`).
          let v: Verdict = assocReadVerdict(ty, name) === false ? false : 'unknown';
          if (home === 'Iterator' || home === 'IntoIterator') v = plainIteratorVerdict(ty, home, host, 0);
          else if (name === 'FromStr' && namesStd(t, t.replace(/^::/, '').split('::'), 'FromStr', 'str', false, m, host.resolver)) v = fromStrVerdict(ty, host);
          if (v === false) return { k: 'unmet', ty, bound: name };
          if (v !== true) unsure ??= { k: 'unsure', ty, bound: name };
          continue;
        }
        const op = stdOpOf(t, m, host.resolver);
        const r = op ? opVerdict(ty, op, undefined, undefined) : 'unknown';
        if (r === false) return { k: 'unmet', ty, bound: name };
        if (r === 'unknown') unsure ??= { k: 'unsure', ty, bound: name };
        continue;
      }
      let held = implementsCrateTrait(ty, own.item, own.m, host);
      // Not told by the impls for the type's own name (a slice, a raw pointer, a blanket impl that
      // needs `Sized`): the one impl that applies, where that is certain.
      if (held === 'unknown' && host.crateTraitImpl) held = host.crateTraitImpl(ty, own);
      if (held === false) return { k: 'unmet', ty, bound: own.item.name };
      const sup = unmetSupertrait(ty, own.item, own.m, undefined, host) ?? refusedImpl(own.item, own.m, host);
      if (sup) return sup;
      // Not told: unknown for a trait of the crate itself or a path dependency; a registry or git
      // dependency's trait (serde's, generic-array's), whose impls its macros often write, is
      // taken to hold, as rustc lays the type out when it does.
      if (held !== true && !own.m.crate.capLints) unsure ??= { k: 'unsure', ty, bound: own.item.name };
    }
    for (const b of withArgs ?? []) {
      if (b.kind !== 'path' || b.qualified) continue;
      const last = b.segments[b.segments.length - 1]!;
      const trait = stdTraitOf(writtenPath(b)!, m, host.resolver);
      const written = last.args.filter((a) => a.kind !== 'lifetime');
      const shown = b.segments.map((x) => x.name).join('::');
      if (trait === undefined) {
        const op = stdOpOf(writtenPath(b)!, m, host.resolver);
        if (op) {
          // `T: Add<Output = T>`, `T: Shl<u32>`: std's operator traits, with their arguments.
          const rhsTe = written.find((a) => a.kind === 'type');
          const outTe = written.find((a) => a.kind === 'binding' && a.name === 'Output');
          const rhs = rhsTe?.kind === 'type' ? argTyOf(rhsTe.ty) : undefined;
          const out = outTe?.kind === 'binding' ? argTyOf(outTe.ty) : undefined;
          const readable = (!rhsTe || (rhs && concrete(rhs))) && (!outTe || (out && concrete(out))) && written.every((a) => a.kind === 'type' || (a.kind === 'binding' && a.name === 'Output'));
          const r = readable ? opVerdict(ty, op, rhs, out) : 'unknown';
          if (r === false) return { k: 'unmet', ty, bound: shown };
          if (r === 'unknown') unsure ??= { k: 'unsure', ty, bound: shown };
          continue;
        }
        const home = crateTrait(writtenPath(b)!, m, host.resolver) ? undefined : homeStdTraitOf(writtenPath(b)!, m, host.resolver);
        if (home !== undefined) {
          // Std's traits with arguments (`AsRef<str>`, `Deref<Target = str>`, `Iterator<Item = u8>`):
          // decided where std's impls are fixed, else the use is unknown.
          const typeArg = written.find((a) => a.kind === 'type');
          const targetArg = written.find((a) => a.kind === 'binding' && a.name === 'Target');
          const arg = typeArg?.kind === 'type' ? argTyOf(typeArg.ty) : undefined;
          const target = targetArg?.kind === 'binding' ? argTyOf(targetArg.ty) : undefined;
          let r: Verdict;
          if (home === 'Iterator' || home === 'IntoIterator') {
            // `I: Iterator<Item = u8>`: std's iterators whose `Item` the model writes down, and the certain noes.
            const itemArg = written.find((a) => a.kind === 'binding' && a.name === 'Item');
            const item = itemArg?.kind === 'binding' ? argTyOf(itemArg.ty) : undefined;
            const other = written.some((a) => a !== itemArg);
            r = other || (itemArg && !(item && concrete(item))) ? (assocReadVerdict(ty, home) === false ? false : 'unknown') : iteratorVerdict(ty, home, item, host);
            if (r === false) return { k: 'unmet', ty, bound: home };
          } else if (ASSOC_READ.has(home)) {
            if (assocReadVerdict(ty, home) === false) return { k: 'unmet', ty, bound: shown };
            continue;
          } else if (!ARG_RULES.has(home) || (typeArg && !(arg && concrete(arg))) || (targetArg && !(target && concrete(target)))) r = 'unknown';
          else if (written.some((a) => a !== typeArg && a !== targetArg)) r = 'unknown';
          else r = stdArgVerdict(ty, home as ArgStdTrait, arg, rulesHost(host), target);
          if (r === false) return { k: 'unmet', ty, bound: arg ? `${home}<${host.text(arg)}>` : home };
          if (r === 'unknown') {
            // `vec::IntoIter<u16>` for `Iterator<Item = u8>`, `String` for `Deref<Target = [u8]>`: E0271.
            const mismatch = assocMismatch(ty, home, written, argTyOf, host);
            if (mismatch) return mismatch;
            unsure ??= { k: 'unsure', ty, bound: shown };
          }
          continue;
        }
        // A crate's trait with arguments (`A: Allocator<u16>`): by its impls, then its supertraits;
        // a trait that resolves to none of the crates' (nowhere, or std's not decided here) is not known.
        const r = crateBoundUnmet(b, ty, m, bindings(), host);
        if (r?.k === 'unsure') unsure ??= r;
        else if (r) return r;
        continue;
      }
      if ((trait !== 'From' && trait !== 'Into') || written.length !== 1 || written[0]!.kind !== 'type') {
        // `PartialEq<X>`, `From<T>` with a binding…: not decided here.
        unsure ??= { k: 'unsure', ty, bound: shown };
        continue;
      }
      const arg = argTyOf(written[0]!.ty);
      if (!arg || !concrete(arg)) {
        unsure ??= { k: 'unsure', ty, bound: shown };
        continue;
      }
      const r = check(trait, arg, `${trait}<${host.text(arg)}>`);
      if (r) return r;
    }
    for (const o of others ?? []) {
      // `F: Fn(T, T) -> T`: only closures, fn items and pointers, and `Box`/references to them are
      // callable; a fn pointer when its signature is the bound's.
      if (ty.k === 'fnptr' && FN_BOUND.test(o)) {
        const fb = fnBounds?.find((f) => f.text === o);
        const r = fb && ty.sig ? fnPointerMeets(ty, ty.sig, fb, argTyOf, host) : 'unknown';
        if (r === 'unknown') unsure ??= { k: 'unsure', ty, bound: o };
        else if (r !== true) return r;
        continue;
      }
      const r = FN_BOUND.test(o) ? callable(ty) : 'unknown';
      if (r === false) return { k: 'unmet', ty, bound: o };
      if (r === 'unknown') unsure ??= { k: 'unsure', ty, bound: o };
    }
    return undefined;
  };
  // (The parameters go along: `T::Out` in a predicate is read through T's bounds.)
  const argTyOf = (t: TypeExpr): Ty | undefined => {
    try {
      return host.argTy(t, m, bindings(), params);
    } catch {
      return undefined;
    }
  };
  for (let i = 0; i < Math.min(tparams.length, argVals.length); i++) {
    const p = tparams[i]!;
    const v = argVals[i]!;
    if (p.kind !== 'type' || v.k !== 'ty') continue;
    if (v.ty.k === 'param') {
      // A parameter of the definition that uses the type (`struct H<U>(W<U>)`): its own bounds
      // must give what `p`'s ask (rustc rejects the definition otherwise).
      const up = using?.params.find((q) => q.kind === 'type' && q.name === (v.ty as { name: string }).name);
      if (up?.kind !== 'type' || !using) continue;
      for (const t of p.traits ?? []) {
        if (paramGives(up, using.m, t, m, host) === false) return { k: 'unmet', ty: v.ty, bound: t.split('::').pop()! };
      }
      continue;
    }
    if (!concrete(v.ty)) continue;
    // An argument left to its default (index `trustedFrom` on) in a definition that compiled:
    // rustc checks a default against its parameter's bounds there, so only a certain "no" counts.
    const before = unsure;
    const r = unmet(v.ty, p.traits, p.bounds, p.otherBounds, p.fnBounds);
    if (i >= trustedFrom) unsure = before;
    if (r) return r;
  }
  const allConcrete = argVals.length === tparams.length && argVals.every((v) => v.k !== 'ty' || concrete(v.ty));
  for (const w of generics.predicates ?? []) {
    const ty = argTyOf(w.ty);
    if (!ty) {
      // Not read with the arguments in place (`T::Out` of an impl not found): not known.
      if (allConcrete) unsure ??= { k: 'unsure', ty: { k: 'unknown', reason: 'a `where` predicate' }, bound: 'its `where` clause' };
      continue;
    }
    if (w.higherRanked || w.projection) {
      // Checked for a use with arguments only; `for<'a> &'a T: Tr` is decided by a certain "no"
      // alone (an impl for one lifetime, `&'static X`, does not make it hold for all).
      if (!concrete(ty)) {
        if (allConcrete) unsure ??= { k: 'unsure', ty, bound: 'its `where` clause' };
        continue;
      }
      const before = unsure;
      unsure = undefined;
      const r = unmet(ty, w.traits, w.bounds, w.otherBounds);
      const unsureHere = unsure as BoundProblem | undefined;
      unsure = before ?? unsureHere;
      if (r?.k === 'unmet' || (r && !w.higherRanked)) return r;
      // Held for every lifetime where only std's impls decide (theirs are for any lifetime); a
      // crate's type may have an impl for one lifetime only.
      const crateTypes = findInTy(ty, (x) => ((x.k === 'adt' && !x.def.m.crate.isStd) || x.k === 'dyn' ? true : undefined)) !== undefined;
      if (w.higherRanked && (r || unsureHere || crateTypes)) unsure ??= r ?? { k: 'unsure', ty, bound: [...(w.traits ?? []), ...(w.otherBounds ?? [])].join(' + ') || 'a higher-ranked bound' };
      continue;
    }
    if (!concrete(ty)) {
      // `where Vec<T>: Clone` with `T` a parameter `U` of the definition that uses the type
      // (`struct H<U: Hash>(G<U>)`): U's bounds must give it (std's traits; rustc rejects H otherwise).
      if (!using?.predicates || using.predicates.length || argVals.length !== tparams.length) continue;
      const r = unmetWithParams(ty, w.traits, m, withParams(host, using.params, using.m));
      if (r) return r;
      continue;
    }
    const r = unmet(ty, w.traits, w.bounds, w.otherBounds);
    if (r) return r;
  }
  return unsure;
}

/**
 * A host whose type parameters (those in `params`, bounded in `at`) have the std traits their
 * bounds give (paramGives); other parameters are 'unknown'.
 */
function withParams(host: BoundHost, params: readonly GenericParam[], at: ModuleScope): BoundHost {
  return {
    ...host,
    paramHas: (name, trait) => {
      const up = params.find((q) => q.kind === 'type' && q.name === name);
      return up?.kind === 'type' ? paramGivesStd(up, at, trait, host) : 'unknown';
    },
  };
}

/**
 * A std trait of `traits` (written in `m`) that `ty`, holding type parameters `host` answers for,
 * certainly lacks (`Vec<U>: Clone` with `U: Hash` only); crate traits are not decided here.
 */
function unmetWithParams(ty: Ty, traits: readonly string[] | undefined, m: ModuleScope, host: BoundHost): BoundProblem | undefined {
  if (findInTy(ty, (x) => (x.k === 'unknown' || x.k === 'error' ? true : undefined))) return undefined;
  for (const t of traits ?? []) {
    const std = stdTraitOf(t, m, host.resolver);
    if (!std || std === 'From' || std === 'Into') continue;
    if (implementsStd(ty, std, undefined, host) === false) return { k: 'unmet', ty, bound: std };
  }
  return undefined;
}

/**
 * An impl of a crate's trait (or of one of its supertraits) that rustc refuses because its self
 * type does not have a supertrait (`trait Tr: Send` and `impl<T: Eq> Tr for T`, `impl Tr for
 * K` with K not Send: E0277): a bound asking for the trait then names a crate that does not
 * compile. Decided for impls without a `where` clause or trait arguments: a blanket impl by its
 * parameter's bounds, an impl for a type without parameters by that type, an impl for a generic
 * type (`impl<T: Hash> Tr for Vec<T>`) by std's traits with its parameters' bounds.
 */
function refusedImpl(trait: TraitDef, traitM: ModuleScope, host: BoundHost, seen = new Set<TraitDef>()): BoundProblem | undefined {
  if (!host.traitImpls || seen.has(trait) || seen.size > 16) return undefined;
  seen.add(trait);
  const memo = host.refusedImpls?.get(trait);
  if (memo !== undefined) return memo ?? undefined;
  let r: BoundProblem | undefined;
  if (trait.superTraits?.length && !IMPLS_NOT_KEPT.has(trait.name)) {
    const crate = traitM.crate;
    for (const { impl, m: at } of host.traitImpls(trait, crate)) {
      r = refusedBySupertraits(impl, at, trait, traitM, host);
      if (r) break;
    }
  }
  for (const t of trait.superTraits ?? []) {
    if (r) break;
    const own = crateTrait(t, traitM, host.resolver);
    if (own) r = refusedImpl(own.item, own.m, host, seen);
  }
  host.refusedImpls?.set(trait, r ?? null);
  return r;
}

/** The supertrait of `trait` an impl of it certainly does not give its self type (refusedImpl). */
function refusedBySupertraits(impl: ImplDef, at: ModuleScope, trait: TraitDef, traitM: ModuleScope, host: BoundHost): BoundProblem | undefined {
  const crate = at.crate;
  if (!crate.active(impl.cfg) || crate.unsure(impl.cfg) !== undefined || impl.hasWhere || impl.traitArgs?.some((a) => a.kind !== 'lifetime')) return undefined;
  const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
  if (params.some((p) => p.kind !== 'type' || p.bounds?.length || p.projectionBounds)) return undefined;
  const st = impl.selfTy;
  const blanket = params.length === 1 && st.kind === 'path' && !st.qualified && st.segments.length === 1 && st.segments[0]!.name === params[0]!.name && !st.segments[0]!.args.length;
  if (blanket) {
    const p = params[0] as Extract<GenericParam, { kind: 'type' }>;
    for (const t of trait.superTraits ?? []) {
      if (paramGives(p, at, t, traitM, host) === false) return { k: 'unmet', ty: { k: 'param', name: p.name, maybeUnsized: false }, bound: t.split('::').pop()! };
    }
    return undefined;
  }
  const g = new Map<string, GArg>();
  for (const p of params) g.set(p.name, { k: 'ty', ty: { k: 'param', name: p.name, maybeUnsized: false } });
  let self: Ty;
  try {
    self = host.argTy(st, at, g);
  } catch {
    return undefined;
  }
  if (findInTy(self, (x) => (x.k === 'unknown' || x.k === 'error' ? true : undefined))) return undefined;
  const bare = concrete(self);
  const h = params.length ? withParams(host, params, at) : host;
  for (const t of trait.superTraits ?? []) {
    const std = stdTraitOf(t, traitM, host.resolver);
    if (std === 'From' || std === 'Into') continue;
    if (std) {
      if (implementsStd(self, std, undefined, h) === false) return { k: 'unmet', ty: self, bound: std };
      continue;
    }
    const own = bare ? crateTrait(t, traitM, host.resolver) : undefined;
    if (own && implementsCrateTrait(self, own.item, own.m, host) === false) return { k: 'unmet', ty: self, bound: own.item.name };
  }
  return undefined;
}

/**
 * A bound with generic arguments naming a crate's trait (`Allocator<u16>`, written in `m`, read
 * with `generics` bound) that `ty` certainly does not meet, by the trait's impls or one of its
 * supertraits; undefined when it does or that is not certain.
 */
function crateBoundUnmet(b: TypeExpr, ty: Ty, m: ModuleScope, generics: ReadonlyMap<string, GArg>, host: BoundHost, seen?: Set<TraitDef>): BoundProblem | undefined {
  if (b.kind !== 'path' || b.qualified) return undefined;
  const shown = b.segments.map((x) => x.name).join('::');
  const tr = host.resolver.resolveTypePath(m, b.segments.map((x) => x.name), b.global);
  // Found nowhere (rustc: E0405, E0433), or std's trait not decided by the callers (`SliceIndex<[u8]>`).
  if (tr?.k !== 'item' || tr.item.kind !== 'trait' || tr.m.crate.isStd || !host.traitWithArgs) return { k: 'unsure', ty, bound: shown };
  // Arguments not read here (`Hasher<N>` with a const parameter, a binding): still certainly
  // unmet when the type has no impl of the trait at all, whatever its arguments.
  const trait = tr.item;
  const noImplAtAll = (): BoundProblem | undefined => (implementsCrateTrait(ty, trait, tr.m, host) === false ? { k: 'unmet', ty, bound: b.segments.map((x) => x.name).join('::') } : undefined);
  const args: GArg[] = [];
  for (const a of b.segments[b.segments.length - 1]!.args) {
    if (a.kind === 'lifetime') continue;
    if (a.kind !== 'type') return noImplAtAll();
    let t: Ty;
    try {
      t = host.argTy(a.ty, m, generics);
    } catch {
      return noImplAtAll();
    }
    if (!concrete(t)) return noImplAtAll();
    args.push({ k: 'ty', ty: t });
  }
  const held = host.traitWithArgs(b, ty, m, generics);
  if (held === false) {
    return { k: 'unmet', ty, bound: `${tr.item.name}<${args.map((a) => (a.k === 'ty' ? host.text(a.ty) : String(a.value))).join(', ')}>` };
  }
  return unmetSupertrait(ty, tr.item, tr.m, args, host, seen) ?? (held === true || tr.m.crate.capLints ? undefined : { k: 'unsure', ty, bound: shown });
}

/**
 * A supertrait of a crate's trait `trait` (defined in `traitM`) that `ty` certainly does not have,
 * with the trait's arguments `args` (undefined: written without any): rustc refuses every impl of
 * the trait for such a type (E0277), so a bound asking for the trait cannot be met. Supertraits of
 * supertraits are followed; std's traits decided as for bounds; undefined when none is certainly
 * missing.
 */
function unmetSupertrait(ty: Ty, trait: TraitDef, traitM: ModuleScope, args: readonly GArg[] | undefined, host: BoundHost, seen = new Set<TraitDef>()): BoundProblem | undefined {
  if (seen.has(trait) || seen.size > 16 || (!trait.superTraits && !trait.superBounds)) return undefined;
  seen.add(trait);
  for (const t of trait.superTraits ?? []) {
    const std = stdTraitOf(t, traitM, host.resolver);
    if (std === 'From' || std === 'Into') continue;
    if (std) {
      if (implementsStd(ty, std, undefined, host) === false) return { k: 'unmet', ty, bound: std };
      continue;
    }
    const own = crateTrait(t, traitM, host.resolver);
    if (!own) {
      const op = stdOpOf(t, traitM, host.resolver);
      if (op && opVerdict(ty, op, undefined, undefined) === false) return { k: 'unmet', ty, bound: op };
      continue;
    }
    if (implementsCrateTrait(ty, own.item, own.m, host) === false) return { k: 'unmet', ty, bound: own.item.name };
    const r = unmetSupertrait(ty, own.item, own.m, undefined, host, seen);
    if (r) return r;
  }
  if (trait.superBounds) {
    // The trait's parameters stand for the bound's arguments (left to defaults: not read).
    const params = trait.typeParams ?? [];
    if (params.length !== (args?.length ?? 0)) return undefined;
    const generics = new Map<string, GArg>();
    params.forEach((p, i) => generics.set(p, args![i]!));
    for (const b of trait.superBounds) {
      // `trait Elem: Add<Output = Self>`: a type with no impl of the operator at all, whatever its
      // arguments, cannot have the trait (opVerdict's false does not depend on them).
      const op = b.kind === 'path' && !b.qualified ? stdOpOf(writtenPath(b)!, traitM, host.resolver) : undefined;
      if (op) {
        if (opVerdict(ty, op, undefined, undefined) === false) return { k: 'unmet', ty, bound: op };
        continue;
      }
      const r = crateBoundUnmet(b, ty, traitM, generics, host, seen);
      if (r && r.k !== 'unsure') return r;
    }
  }
  return undefined;
}

/** The crate's trait a bound's path names (not std's, nor one that cannot be read). */
function crateTrait(written: string, m: ModuleScope, resolver: Resolver): { item: TraitDef; m: ModuleScope } | undefined {
  let segs = written.split('::');
  const global = segs[0] === '';
  if (global) segs = segs.slice(1);
  const b = resolver.resolveTypePath(m, segs, global);
  return b?.k === 'item' && b.item.kind === 'trait' && !b.m.crate.isStd ? { item: b.item, m: b.m } : undefined;
}

/**
 * Whether `ty` implements a crate's trait (`T: Tr` with `trait Tr {}`): by the impls of the
 * crates that may hold one (the trait's, and those of the crate types in `ty`, by the orphan rule).
 * Certain only when every impl of those crates is seen (no macro call left unexpanded, no derive
 * of another crate on the type) and none may apply; a blanket impl, or one with parameters or
 * trait arguments, leaves it unknown.
 */
export function implementsCrateTrait(ty: Ty, trait: TraitDef, traitM: ModuleScope, host: BoundHost, depth = 0): Verdict {
  if (depth > MAX_DEPTH || IMPLS_NOT_KEPT.has(trait.name)) return 'unknown';
  // A trait object has its own traits and their supertraits (`dyn Fail: Fail`, `dyn Sub: Fail`).
  if (ty.k === 'dyn' && ty.crateHas?.includes(trait)) return true;
  if (ty.k === 'dyn' && ty.superUnsure) return 'unknown';
  const key = implKey(ty);
  if (key === undefined) return 'unknown';
  const crates = new Set([traitM.crate]);
  let unseen = false;
  findInTy(ty, (x) => {
    if (x.k !== 'adt' || x.def.m.crate.isStd) return undefined;
    crates.add(x.def.m.crate);
    if (implsMaybeUnseen(x.def.item, x.def.m)) unseen = true;
    return undefined;
  });
  if (unseen || trait.attrs.some((a) => !INERT_ATTRS.has(a.name))) return 'unknown';
  let unsure = false;
  for (const crate of crates) {
    if (hasMacroCalls(crate)) return 'unknown';
    for (const list of [crate.impls.get(key), crate.impls.get(BLANKET_IMPLS)]) {
      for (const { impl, m: at } of list ?? []) {
        // Every trait impl, whatever its written name (`use a::Tr as B; impl B for X`).
        if (impl.trait === undefined || !liveOrUnsure(crate, impl.cfg)) continue;
        const named = implTrait(impl, at, host.resolver);
        if (named?.k !== 'item') {
          if (impl.trait === trait.name) unsure = true;
          continue;
        }
        if (named.item !== trait) continue;
        if (crate.unsure(impl.cfg) !== undefined || impl.traitArgs?.some((a) => a.kind !== 'lifetime') || impl.hasWhere) {
          unsure = true;
          continue;
        }
        if (list !== crate.impls.get(key)) {
          // A blanket impl (`impl<T: Copy> Tr for T`): its parameter's bounds decide.
          const r = blanketApplies(impl, at, ty, host, depth + 1);
          if (r === true) return true;
          if (r === 'unknown') unsure = true;
          continue;
        }
        if ((impl.generics?.params ?? []).some((p) => p.kind !== 'lifetime')) {
          const self = ty.k === 'adt' && impl.selfTy.kind === 'path' ? host.resolver.resolveTypePath(at, impl.selfTy.segments.map((x) => x.name), impl.selfTy.global) : undefined;
          if (self !== undefined && self.k === 'item' && ty.k === 'adt' && self.item !== ty.def.item) continue;
          const r = self?.k === 'item' && ty.k === 'adt' ? implApplies(impl, at, ty, host, depth + 1) : 'unknown';
          if (r === true) return true;
          if (r === 'unknown') unsure = true;
          continue;
        }
        const same = sameTy(host.argTy(impl.selfTy, at, new Map()), ty);
        if (same === true) return true;
        if (same === undefined) unsure = true;
      }
    }
    // Impls written for the type under another name (a type alias, a renamed import).
    for (const { e: { impl, m: at }, told } of renamedImplsFor(crate, key, host)) {
      if (impl.trait === undefined || !liveOrUnsure(crate, impl.cfg)) continue;
      const named = implTrait(impl, at, host.resolver);
      if (named?.k !== 'item') {
        if (impl.trait === trait.name) unsure = true;
        continue;
      }
      if (named.item !== trait) continue;
      const r = renamedImplApplies(impl, at, told, ty, crate, host);
      if (r === true) return true;
      if (r === 'unknown') unsure = true;
    }
  }
  return unsure ? 'unknown' : false;
}

type ImplEntry = { readonly impl: ImplDef; readonly m: ModuleScope };

/**
 * The impls a crate writes for a type's item by its own path (`impl .. for X<..>`; those for an
 * alias or a renamed import are renamedImplsFor's), live or behind a cfg a build script decides,
 * that `keep` picks.
 */
function ownImpls(item: TypeItem, crate: CrateScope, host: BoundHost, keep: (impl: ImplDef) => boolean): ImplEntry[] {
  const out: ImplEntry[] = [];
  for (const e of crate.impls.get(item.name) ?? []) {
    const { impl, m: at } = e;
    if (!keep(impl) || !liveOrUnsure(crate, impl.cfg) || impl.selfTy.kind !== 'path') continue;
    const self = host.resolver.resolveTypePath(at, impl.selfTy.segments.map((x) => x.name), impl.selfTy.global);
    if (self?.k === 'item' && self.item === item) out.push(e);
  }
  return out;
}

/**
 * A crate's impls whose self type is written under another name than its type's: a type alias
 * (kstring's `type BoxedStr = Box<str>; impl HeapStr for BoxedStr`) or a renamed import (`use
 * a::Foo as Bar; impl Tr for Bar`). `CrateScope.impls` lists an impl by the name written; these
 * are listed again under the key of the type they are for (implKey of the expanded self type,
 * the impl's parameters standing for themselves), and in `untold` when that type is not told
 * here (a self type that does not expand).
 */
interface RenamedImpls {
  readonly byKey: ReadonlyMap<string, readonly ImplEntry[]>;
  readonly untold: readonly ImplEntry[];
}

const renamedMemo = new WeakMap<CrateScope, { readonly stamp: number; readonly r: RenamedImpls }>();

function renamedImpls(crate: CrateScope, host: BoundHost): RenamedImpls {
  const impls = crate.impls;
  const memo = renamedMemo.get(crate);
  if (memo && memo.stamp === crate.implsStamp) return memo.r;
  const byKey = new Map<string, ImplEntry[]>();
  const untold: ImplEntry[] = [];
  for (const [key, list] of impls) {
    if (key === BLANKET_IMPLS || key === OTHER_IMPLS) continue;
    for (const e of list) {
      const st = e.impl.selfTy;
      if (st.kind !== 'path') continue;
      const last = st.segments[st.segments.length - 1]!.name;
      const b = host.resolver.resolveTypePath(e.m, st.segments.map((x) => x.name), st.global);
      const renamed = b?.k === 'item' ? b.item.kind === 'alias' || b.item.name !== last : b?.k === 'prim' && b.name !== last;
      if (!renamed) continue;
      // The impl's parameters stand for themselves: the self type's head is what keys it.
      const g = new Map<string, GArg>();
      for (const p of e.impl.generics?.params ?? []) if (p.kind === 'type') g.set(p.name, { k: 'ty', ty: { k: 'param', name: p.name, maybeUnsized: false } });
      let k: string | undefined;
      try {
        k = implKey(host.argTy(st, e.m, g));
      } catch {
        k = undefined;
      }
      if (k === undefined) untold.push(e);
      else byKey.set(k, [...(byKey.get(k) ?? []), e]);
    }
  }
  const r = { byKey, untold };
  renamedMemo.set(crate, { stamp: crate.implsStamp, r });
  return r;
}

/** The renamed impls (see renamedImpls) that may be for a type of key `key`; `told`: its self type is known to have that key. */
function renamedImplsFor(crate: CrateScope, key: string, host: BoundHost): { e: ImplEntry; told: boolean }[] {
  const r = renamedImpls(crate, host);
  return [...(r.byKey.get(key) ?? []).map((e) => ({ e, told: true })), ...r.untold.map((e) => ({ e, told: false }))];
}

/**
 * Whether a renamed impl (its trait already matched) is for `ty`: its self type, expanded with
 * its type parameters standing for themselves (lalrpop's `impl<T: Ord> Collection for Set<T>`,
 * `type Set<K> = BTreeSet<K>`, is BTreeSet<T, Global>'s), is matched against `ty`, binding them;
 * then each must stand for a Sized type unless `?Sized`, and have the traits the impl bounds it
 * by (implBoundsHold). 'unknown' for an impl with const parameters, trait arguments, a `where`
 * clause, bounds on other types or an undecided cfg, and whatever is not told here.
 */
function renamedImplApplies(impl: ImplDef, at: ModuleScope, told: boolean, ty: Ty, crate: CrateScope, host: BoundHost): Verdict {
  const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
  if (!told || params.some((p) => p.kind !== 'type') || crate.unsure(impl.cfg) !== undefined || impl.traitArgs?.some((a) => a.kind !== 'lifetime') || impl.hasWhere || impl.boundsOthers) return 'unknown';
  const g = new Map<string, GArg>();
  for (const p of params) g.set(p.name, { k: 'ty', ty: { k: 'param', name: p.name, maybeUnsized: false } });
  let self: Ty;
  try {
    self = host.argTy(impl.selfTy, at, g);
  } catch {
    return 'unknown';
  }
  const bound = new Map<string, GArg>();
  const matched = matchParams(self, ty, new Set(g.keys()), bound, 0);
  if (matched !== true) return matched === false ? false : 'unknown';
  const verdicts: Verdict[] = [];
  for (const p of params) {
    const a = bound.get(p.name);
    // A parameter the self type does not bind (rustc: E0207), or not to a type: not told here.
    if (p.kind !== 'type' || a?.k !== 'ty') return 'unknown';
    if (!p.maybeUnsized) {
      const sized = host.sized(a.ty);
      if (sized === false) return false;
      if (sized !== true) verdicts.push('unknown');
    }
  }
  verdicts.push(implBoundsHold(impl, at, bound, host));
  return all(verdicts);
}

/**
 * Whether `pat` (a type where the names in `params` are `param` types) is `ty`, binding those
 * names to what they stand for in `bound`; undefined when that is not known.
 */
function matchParams(pat: Ty, ty: Ty, params: ReadonlySet<string>, bound: Map<string, GArg>, depth: number): boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (pat.k === 'param' && params.has(pat.name)) {
    if (ty.k === 'unknown' || ty.k === 'error' || ty.k === 'param') return undefined;
    const had = bound.get(pat.name);
    if (had) return had.k === 'ty' ? sameTy(had.ty, ty) : undefined;
    bound.set(pat.name, { k: 'ty', ty });
    return true;
  }
  if (!findInTy(pat, (x) => (x.k === 'param' && params.has(x.name) ? true : undefined))) return sameTy(pat, ty);
  if (ty.k === 'unknown' || ty.k === 'error' || ty.k === 'param') return undefined;
  if (pat.k !== ty.k) return false;
  const each = (pairs: readonly (readonly [Ty, Ty])[]): boolean | undefined => {
    let r: boolean | undefined = true;
    for (const [a, b] of pairs) {
      const v = matchParams(a, b, params, bound, depth + 1);
      if (v === false) return false;
      if (v === undefined) r = undefined;
    }
    return r;
  };
  switch (pat.k) {
    case 'adt': {
      const y = ty as typeof pat;
      if (pat.def.item !== y.def.item) return false;
      if (pat.args.length !== y.args.length) return undefined;
      const pairs: [Ty, Ty][] = [];
      let r: boolean | undefined = true;
      for (let i = 0; i < pat.args.length; i++) {
        const x = pat.args[i]!;
        const z = y.args[i]!;
        if (x.k === 'ty' && z.k === 'ty') pairs.push([x.ty, z.ty]);
        else if (x.k === 'const' && z.k === 'const') {
          if (x.value !== z.value) return false;
        } else r = undefined;
      }
      const v = each(pairs);
      return v === false ? false : v === undefined ? undefined : r;
    }
    case 'ptr': {
      const y = ty as typeof pat;
      return pat.kind === y.kind ? each([[pat.pointee, y.pointee]]) : false;
    }
    case 'slice':
      return each([[pat.elem, (ty as typeof pat).elem]]);
    case 'array': {
      const y = ty as typeof pat;
      return pat.len === y.len ? each([[pat.elem, y.elem]]) : false;
    }
    case 'tuple': {
      const y = ty as typeof pat;
      if (pat.elems.length !== y.elems.length) return false;
      return each(pat.elems.map((e, i) => [e, y.elems[i]!] as const));
    }
    default:
      return undefined;
  }
}

/** Whether a blanket impl `impl<T: A + B> Tr for T` applies to `ty`: by T's bounds, when it is the impl's one parameter and they are traits this module checks. */
function blanketApplies(impl: ImplDef, at: ModuleScope, ty: Ty, host: BoundHost, depth: number): Verdict {
  const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
  const p = params[0];
  const st = impl.selfTy;
  if (params.length !== 1 || p?.kind !== 'type' || st.kind !== 'path' || st.segments.length !== 1 || st.segments[0]!.name !== p.name) return 'unknown';
  // Without `?Sized` the parameter is Sized: an unsized type is not covered.
  if (!p.maybeUnsized && host.sized(ty) !== true) return 'unknown';
  return boundsHold(p, at, ty, host, depth);
}

/**
 * Whether `ty` has every trait an impl's parameter `p` is bounded by (written in `at`): 'unknown'
 * when one is not a trait this module checks.
 */
function boundsHold(p: Extract<GenericParam, { kind: 'type' }>, at: ModuleScope, ty: Ty, host: BoundHost, depth: number): Verdict {
  if (p.projectionBounds || (p.bounds?.length && !host.traitWithArgs)) return 'unknown';
  const verdicts: Verdict[] = [];
  // Bounds with arguments (`A: Allocator<u8>`): by the trait's impls, with the parameter standing for `ty`.
  for (const b of p.bounds ?? []) verdicts.push(host.traitWithArgs!(b, ty, at, new Map([[p.name, { k: 'ty', ty }]])));
  for (const t of p.traits ?? []) {
    const std = stdTraitOf(t, at, host.resolver);
    if (std === 'From' || std === 'Into') return 'unknown';
    if (std) verdicts.push(implementsStd(ty, std, undefined, host, depth + 1));
    else {
      const own = crateTrait(t, at, host.resolver);
      const home = own ? undefined : homeStdTraitOf(t, at, host.resolver);
      if (home !== undefined && PLAIN_RULES.has(home)) {
        // `impl<W: io::Write> io::Write for Tee<W>`: std's `Display`, `Error`, I/O traits.
        verdicts.push(depth > MAX_DEPTH ? 'unknown' : stdPlainVerdict(ty, home as PlainStdTrait, rulesHost(host), depth + 1));
        continue;
      }
      if (!own) return 'unknown';
      verdicts.push(implementsCrateTrait(ty, own.item, own.m, host, depth + 1));
    }
  }
  return all(verdicts);
}

/**
 * Whether an impl's parameters, bound to `bound`, have the traits the impl bounds them by (written
 * in `at`): 'unknown' when one is not a trait this module checks, or a bound has generic arguments
 * (unless `withArgs` decides those) or bounds a projection, or the impl has a `where` clause (its predicates on other types are not
 * kept); false when one certainly does not hold.
 */
export function implBoundsHold(impl: ImplDef, at: ModuleScope, bound: ReadonlyMap<string, GArg>, host: BoundHost, withArgs?: (b: TypeExpr, ty: Ty) => Verdict): Verdict {
  const verdicts: Verdict[] = [];
  for (const p of impl.generics?.params ?? []) {
    // `impl<F: Fn(u8)> Tr for W<F>`: the `Fn` family by callable and fnPointerMeets; any other
    // bound the model keeps as written only is not known here.
    if (p.kind === 'type' && p.otherBounds?.length) {
      const a = bound.get(p.name);
      if (a?.k !== 'ty') return 'unknown';
      const argTyOf = (t: TypeExpr): Ty | undefined => {
        try {
          return host.argTy(t, at, bound);
        } catch {
          return undefined;
        }
      };
      for (const o of p.otherBounds) {
        if (!FN_BOUND.test(o)) {
          verdicts.push('unknown');
          continue;
        }
        const fb = p.fnBounds?.find((f) => f.text === o);
        const r: Verdict = a.ty.k === 'fnptr' ? (fb && a.ty.sig ? ((x) => (x === true || x === 'unknown' ? x : false))(fnPointerMeets(a.ty, a.ty.sig, fb, argTyOf, host)) : 'unknown') : callable(a.ty);
        if (r === false) return false;
        verdicts.push(r);
      }
    }
    if (p.kind !== 'type' || (!p.traits?.length && !p.bounds?.length && !p.projectionBounds)) continue;
    const a = bound.get(p.name);
    if (a?.k !== 'ty') return 'unknown';
    // Bounds with generic arguments (`A: Allocator<u8>`): by the caller, when it can.
    if (p.bounds?.length && withArgs && !p.projectionBounds) {
      for (const b of p.bounds) {
        const r = withArgs(b, a.ty);
        if (r === false) return false;
        verdicts.push(r);
      }
    }
    const r = boundsHold(p.bounds?.length && withArgs ? { ...p, bounds: undefined } : p, at, a.ty, host, 0);
    if (r === false) return false;
    verdicts.push(r);
  }
  // A `where` clause's bounds on the parameters are among theirs above; one on another type
  // (kept as a predicate, not checked here) or a bound the model does not keep leaves it unknown.
  // (Without a `where` clause, the bounds the model keeps as written only are the parameters'
  // `otherBounds`, looked at above.)
  if (impl.hasWhere && (!impl.generics || impl.generics.opaqueBounds || impl.generics.predicates?.length || impl.generics.params.some((p) => p.kind === 'type' && p.projectionBounds))) verdicts.push('unknown');
  return all(verdicts);
}

/** What a trait impl's trait path names where the impl is written. */
function implTrait(impl: ImplDef, at: ModuleScope, resolver: Resolver): ReturnType<Resolver['resolveTypePath']> {
  return resolver.resolveTypePath(at, (impl.traitPath ?? impl.trait ?? '').split('::').filter((x) => x !== ''), false);
}

/** The key of `CrateScope.impls` an impl for `ty` is listed under (undefined: not known here). */
function implKey(ty: Ty): string | undefined {
  const scalar = scalarName(ty);
  if (scalar !== undefined) return scalar;
  switch (ty.k) {
    case 'str':
      return ty.k;
    case 'adt':
      return ty.def.item.name;
    case 'array':
      return '[]';
    case 'ptr': {
      const p = ty.pointee;
      if (ty.kind === '*const' || ty.kind === '*mut') return OTHER_IMPLS;
      const inner = p.k === 'adt' ? p.def.item.name : p.k === 'str' ? p.k : scalarName(p);
      // `impl Tr for &[u8]`, `for &[u8; 4]`, `for &dyn X`: listed with the other impls (src/core/resolve.ts).
      return inner === undefined ? (p.k === 'tuple' || p.k === 'fnptr' || p.k === 'ptr' || p.k === 'slice' || p.k === 'array' || p.k === 'dyn' ? OTHER_IMPLS : undefined) : `${ty.kind}${inner}`;
    }
    case 'tuple':
    case 'fnptr':
    case 'slice':
      return OTHER_IMPLS;
    default:
      return undefined;
  }
}

/**
 * The first answer `f` gives for `t` or a type inside it (arguments, pointees, elements), outer
 * first; undefined when it gives none.
 */
export function findInTy<T>(t: Ty, f: (t: Ty) => T | undefined, depth = 0): T | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const here = f(t);
  if (here !== undefined) return here;
  switch (t.k) {
    case 'adt':
      for (const a of t.args) {
        const r = a.k === 'ty' ? findInTy(a.ty, f, depth + 1) : undefined;
        if (r !== undefined) return r;
      }
      return undefined;
    case 'ptr':
      return findInTy(t.pointee, f, depth + 1);
    case 'array':
    case 'slice':
      return findInTy(t.elem, f, depth + 1);
    case 'tuple':
      for (const e of t.elems) {
        const r = findInTy(e, f, depth + 1);
        if (r !== undefined) return r;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The definition whose field names a bounded generic type (its parameters and module). */
export interface UsingScope {
  readonly params: readonly GenericParam[];
  readonly m: ModuleScope;
  /** Its `where` predicates on other types (`where Vec<U>: Clone`); undefined when not known. */
  readonly predicates?: Generics['predicates'];
}

/** What each checked std trait has as supertraits (so a bound gives them too). */
const SUPERTRAITS: Partial<Record<StdTrait, readonly StdTrait[]>> = { Copy: ['Clone'], Eq: ['PartialEq'], PartialOrd: ['PartialEq'], Ord: ['Eq', 'PartialOrd', 'PartialEq'] };

/**
 * Whether a parameter `up` (bounded in `upM`) certainly has the trait a bound `written` (in
 * `boundM`) asks of it: true when one of its bounds, or a supertrait of one (followed through the
 * crate's traits), is that trait; false only when every bound and supertrait is a std trait
 * checked here or a crate's trait whose supertraits are all read, none is the asked one, and (for
 * a crate's trait) no blanket impl of the trait may cover `up`.
 */
function paramGives(up: Extract<GenericParam, { kind: 'type' }>, upM: ModuleScope, written: string, boundM: ModuleScope, host: BoundHost, depth = 0): Verdict {
  const asked = stdTraitOf(written, boundM, host.resolver);
  const own = asked ? undefined : crateTrait(written, boundM, host.resolver);
  return givesTrait(up, upM, asked, own, host, depth);
}

/** paramGives for a std trait. */
function paramGivesStd(up: Extract<GenericParam, { kind: 'type' }>, upM: ModuleScope, asked: StdTrait, host: BoundHost): Verdict {
  // Auto traits and Sized-like facts of a parameter are not read from its bounds alone.
  return givesTrait(up, upM, asked, undefined, host, 0);
}

function givesTrait(up: Extract<GenericParam, { kind: 'type' }>, upM: ModuleScope, asked: StdTrait | undefined, own: { item: TraitDef; m: ModuleScope } | undefined, host: BoundHost, depth: number): Verdict {
  if (up.bounds?.length || up.projectionBounds || depth > 8) return 'unknown';
  if (!asked && !own) return 'unknown';
  if (asked === 'From' || asked === 'Into') return 'unknown';
  const given = new Set<string>();
  const seen = new Set<TraitDef>();
  let open = false;
  // Each bound and its supertraits: std's by SUPERTRAITS, a crate's by its definition.
  const add = (t: string, m: ModuleScope): void => {
    const std = stdTraitOf(t, m, host.resolver);
    if (std) {
      given.add(std);
      for (const x of SUPERTRAITS[std] ?? []) given.add(x);
      return;
    }
    const c = crateTrait(t, m, host.resolver);
    if (!c) {
      open = true;
      return;
    }
    if (seen.has(c.item)) return;
    seen.add(c.item);
    // A supertrait with arguments (`Tr: Other<u8>`) may be the asked trait, or have it as a supertrait.
    // (An attribute macro on the trait may rewrite its supertraits.)
    if (c.item.superBounds?.length || c.item.attrs.some((a) => !INERT_ATTRS.has(a.name))) open = true;
    for (const x of c.item.superTraits ?? []) add(x, c.m);
  };
  for (const t of up.traits ?? []) add(t, upM);
  if (own && seen.has(own.item)) return true;
  if (asked && given.has(asked)) return true;
  if (open) return 'unknown';
  if (asked) return false;
  // A crate's trait: only a blanket impl could give it to a parameter, when the parameter's
  // bounds give what the impl's bounds ask (`impl<T: Copy> Sup for T` covers `U: Copy`, not `U: Sub`).
  const crate = own!.m.crate;
  if (hasMacroCalls(crate) || IMPLS_NOT_KEPT.has(own!.item.name)) return 'unknown';
  for (const { impl, m: at } of crate.impls.get(BLANKET_IMPLS) ?? []) {
    if (impl.trait === undefined) continue;
    const named = implTrait(impl, at, host.resolver);
    if (named?.k !== 'item' ? impl.trait !== own!.item.name : named.item !== own!.item) continue;
    const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
    const p = params[0];
    if (named?.k !== 'item' || params.length !== 1 || p?.kind !== 'type' || p.bounds?.length || p.projectionBounds || impl.hasWhere || up.maybeUnsized || impl.traitArgs?.some((a) => a.kind !== 'lifetime')) return 'unknown';
    const each = (p.traits ?? []).map((t) => paramGives(up, upM, t, at, host, depth + 1));
    if (each.includes(false)) continue;
    return all(each);
  }
  return false;
}


/** Whether a type holds no type parameter, unknown or error (those are decided elsewhere). */
function concrete(t: Ty): boolean {
  return findInTy(t, (x) => (x.k === 'param' || x.k === 'unknown' || x.k === 'error' ? true : undefined)) === undefined;
}

export function bindParams(params: readonly GenericParam[], args: readonly GArg[]): Map<string, GArg> {
  const g = new Map<string, GArg>();
  let i = 0;
  for (const p of params) {
    if (p.kind === 'lifetime') continue;
    const a = args[i++];
    if (a) g.set(p.name, a);
  }
  return g;
}

const MAX_DEPTH = 64;

/** Whether `ty` implements the std trait (`From<arg>`, `Into<arg>` with `arg`). */
export function implementsStd(ty: Ty, trait: StdTrait, arg: Ty | undefined, host: BoundHost, depth = 0): Verdict {
  if (depth > MAX_DEPTH) return 'unknown';
  if (ty.k === 'param') return trait === 'From' || trait === 'Into' || !host.paramHas ? 'unknown' : host.paramHas(ty.name, trait);
  const assoc = host.stdAssoc?.(ty);
  if (assoc) return assoc.k === 'unknown' || assoc.k === 'error' ? 'unknown' : implementsStd(assoc, trait, arg, host, depth + 1);
  if (trait === 'Copy') return host.isCopy(ty);
  if (trait === 'From' || trait === 'Into') return arg ? conversion(trait === 'From' ? arg : ty, trait === 'From' ? ty : arg, host) : 'unknown';
  const each = (tys: readonly Ty[]): Verdict => all(tys.map((t) => implementsStd(t, trait, undefined, host, depth + 1)));
  switch (ty.k) {
    case 'int':
    case 'bool':
    case 'char':
      return true;
    case 'float':
      return trait !== 'Eq' && trait !== 'Ord' && trait !== 'Hash';
    case 'fnptr':
      return trait !== 'Default';
    case 'ptr':
      // Raw pointers: no `Send` nor `Sync`; `Default` (null) only when thin.
      if (ty.kind === '*const' || ty.kind === '*mut') return trait === 'Send' || trait === 'Sync' ? false : trait !== 'Default' || host.sized(ty.pointee);
      if (trait === 'Clone') return ty.kind === '&';
      if (trait === 'Default') return defaultOfRef(ty.pointee);
      // `&T: Send` needs `T: Sync`; `&mut T: Send` needs `T: Send`.
      return implementsStd(ty.pointee, trait === 'Send' && ty.kind === '&' ? 'Sync' : trait, undefined, host, depth + 1);
    case 'str':
      return trait === 'Clone' || trait === 'Default' ? 'unknown' : true;
    case 'slice':
      return trait === 'Clone' || trait === 'Default' ? 'unknown' : each([ty.elem]);
    case 'array':
      if (trait === 'Default') return ty.len === 0n ? true : ty.len > 32n ? false : each([ty.elem]);
      return each([ty.elem]);
    case 'tuple':
      if (ty.elems.length > 12 && TUPLE_12.has(trait)) return false;
      return each(ty.elems);
    case 'adt':
      return adtImplements(ty, trait, host, depth);
    case 'dyn':
      // `dyn Fn() + Send + Sync` is Send and Sync (std's auto traits written in its bounds, or
      // supertraits of its crate traits: `dyn Tr` with `trait Tr: Send`).
      if ((trait === 'Send' || trait === 'Sync') && (ty.autos?.includes(trait) || ty.supers?.includes(`std::${trait}`))) return true;
      return ty.std ? stdObjectImplements(ty.std, trait) : ty.crateTraits ? crateObjectImplements(ty, trait) : 'unknown';
    default:
      return 'unknown';
  }
}

/**
 * Whether a trait object of std's traits only has a derivable trait: only std can implement one
 * for it, and std's are `Debug` for `dyn Debug`, `dyn Error` (a supertrait) and `dyn Any` (alone,
 * `+ Send`, `+ Send + Sync`); `Clone` and `Default` need `Sized` (rustc 1.95).
 */
function stdObjectImplements(traits: readonly string[], trait: StdTrait): Verdict {
  if (trait === 'Send' || trait === 'Sync' || trait === 'From' || trait === 'Into') return 'unknown';
  if (trait !== 'Debug') return false;
  const autos: string[] = traits.filter((t) => t === 'Send' || t === 'Sync' || t === 'Unpin');
  const principal = traits.filter((t) => !autos.includes(t));
  if (principal.some((t) => t === 'Debug' || t === 'Error')) return true;
  if (principal.length === 1 && principal[0] === 'Any') {
    const key = [...new Set(autos)].sort().join('+');
    return key === '' || key === 'Send' || key === 'Send+Sync' ? true : 'unknown';
  }
  return principal.some((t) => !STD_OBJECT_TRAITS_WITHOUT_DEBUG.has(t)) ? 'unknown' : false;
}

/**
 * Whether a trait object of a crate's trait has a derivable trait: through a supertrait
 * (`trait Handler: Debug`), else only by an impl the trait's crate writes for the object
 * (`impl Debug for dyn Handler`), as no other crate may; `Clone` and `Default` need `Sized`.
 */
function crateObjectImplements(ty: Extract<Ty, { k: 'dyn' }>, trait: StdTrait): Verdict {
  if (!DERIVABLE.has(trait)) return 'unknown';
  // (`std::error::Error` has `Debug` for a supertrait: bytecheck's `trait Error: std::error::Error`.)
  if (ty.supers?.includes(`std::${trait}`) || (trait === 'Debug' && ty.supers?.includes('std::Error'))) return true;
  if (trait === 'Clone' || trait === 'Default') return false;
  if (ty.superUnsure) return 'unknown';
  for (const t of ty.crateTraits ?? []) {
    const crate = t.crate.deref();
    if (!crate || hasMacroCalls(crate)) return 'unknown';
    const name = (t.item as TraitDef).name;
    if ((crate.impls.get(OTHER_IMPLS) ?? []).some((e) => e.impl.selfTy.kind === 'dyn' && e.impl.stdTrait === trait && e.impl.selfTy.bounds.some((b) => b.split('::').pop() === name))) return 'unknown';
  }
  return false;
}

/** The traits std's derives implement (the ones a trait object's verdict is told for here). */
const DERIVABLE: ReadonlySet<StdTrait> = new Set(['Clone', 'Default', 'Debug', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'Hash']);

/** Std traits whose trait objects rustc 1.95 has no `Debug` for. */
const STD_OBJECT_TRAITS_WITHOUT_DEBUG: ReadonlySet<string> = new Set(['Fn', 'FnMut', 'FnOnce', 'Iterator', 'DoubleEndedIterator', 'ExactSizeIterator', 'Extend', 'AsRef', 'AsMut', 'ToString', 'Display', 'Read', 'Write', 'Seek', 'BufRead', 'Hasher', 'Future', 'UnwindSafe', 'RefUnwindSafe', 'Borrow', 'BorrowMut', 'Deref', 'DerefMut', 'Index', 'IndexMut', 'Drop']);

/** `Default` for `&T`: std has it for `&str`, `&[T]` and a few std types (`&CStr`, `&OsStr`…); a crate may add one for `&Local`. */
function defaultOfRef(pointee: Ty): Verdict {
  switch (pointee.k) {
    case 'str':
    case 'slice':
      // `impl Default for &str`, `&mut str`, `&[T]`, `&mut [T]` (any T).
      return true;
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'fnptr':
    case 'array':
    case 'tuple':
      return false;
    case 'ptr':
      return pointee.kind === '*const' || pointee.kind === '*mut' ? false : 'unknown';
    case 'dyn':
      // Std has none for a trait object, and a crate may add one only for its own trait's.
      return pointee.std ? false : 'unknown';
    default:
      return 'unknown';
  }
}

function adtImplements(ty: Extract<Ty, { k: 'adt' }>, trait: StdTrait, host: BoundHost, depth: number): Verdict {
  if (!ty.def.m.crate.isStd) return crateAdtImplements(ty, trait, host, depth);
  const r = stdAdtImplements(ty, trait, host, depth);
  // `Box` and `Pin` are fundamental: a crate may implement a std trait for `Box<dyn Local>`
  // (config 0.11's `impl Clone for Box<dyn Source + Send + Sync>`), where std's impl needs more.
  if (r === false && FUNDAMENTAL.has(ty.def.item.name)) return crateImplsFor(ty, ty.def.item.name, trait, host);
  return r;
}

/** std's fundamental types a crate may implement std's traits for, with its own types inside. */
const FUNDAMENTAL: ReadonlySet<string> = new Set(['Box', 'Pin']);

/**
 * Whether a crate whose type or trait `ty` holds implements `trait` for it, `ty` being a
 * `name<..>` (impls are keyed by the self type's last segment): by an impl whose self type is
 * `ty` (a generic impl, or one whose self type cannot be told apart, leaves it unknown).
 */
function crateImplsFor(ty: Ty, name: string, trait: StdTrait, host: BoundHost): Verdict {
  const crates = new Set<CrateScope>();
  findInTy(ty, (x) => {
    if (x.k === 'adt' && !x.def.m.crate.isStd) crates.add(x.def.m.crate);
    if (x.k === 'dyn') {
      for (const t of x.crateTraits ?? []) {
        const c = t.crate.deref();
        if (c) crates.add(c);
      }
    }
    return undefined;
  });
  let unsure = false;
  for (const c of crates) {
    if (hasMacroCalls(c)) return 'unknown';
    for (const { impl, m: at } of c.impls.get(name) ?? []) {
      if (impl.trait !== trait || !liveOrUnsure(c, impl.cfg)) continue;
      if ((impl.generics?.params ?? []).some((p) => p.kind !== 'lifetime') || c.unsure(impl.cfg) !== undefined) {
        unsure = true;
        continue;
      }
      const same = sameTy(host.argTy(impl.selfTy, at, new Map()), ty);
      if (same === true) return true;
      if (same === undefined) unsure = true;
    }
  }
  return unsure ? 'unknown' : false;
}

/** adtImplements for a std type: std's measured impls (src/core/stdImpls.json), or a rule of std's. */
function stdAdtImplements(ty: Extract<Ty, { k: 'adt' }>, trait: StdTrait, host: BoundHost, depth: number): Verdict {
  const { item } = ty.def;
  const args = (): Verdict => argsImplement(ty, trait, host, depth);
  if (trait === 'Clone' && host.isCopy(ty) === true) return true;
  const path = publicStdItems(host.resolver.std, host.resolver).get(item);
  const rule = path === undefined ? undefined : STD_IMPLS[path]?.[trait];
  const measured = rule === undefined && path !== undefined && trait !== 'Send' && trait !== 'Sync' ? measuredStdImpl(item, path, ty.args, trait) : undefined;
  if (measured !== undefined) {
    if (typeof measured === 'boolean') return measured;
    return all(measured.map((i) => {
      const a = ty.args[i];
      return a?.k === 'ty' ? implementsStd(a.ty, trait, undefined, host, depth + 1) : 'unknown';
    }));
  }
  if (rule === undefined) {
    // Most std types are Debug, Send and Sync when their arguments are: taken so only where every
    // argument certainly is, and not for the types rustc 1.95 says are not (NOT_BY_ARGS).
    if (path === undefined || !NOT_BY_ARGS[trait] || NOT_BY_ARGS[trait].has(item.name)) return 'unknown';
    return args() === true ? true : 'unknown';
  }
  if (typeof rule === 'boolean') return rule;
  const at = allocatorParam(item);
  const alloc = at === undefined ? undefined : ty.args[at];
  if (alloc && !(alloc.k === 'ty' && alloc.ty.k === 'adt' && alloc.ty.def.m.crate.isStd && alloc.ty.def.item.name === 'Global')) return 'unknown';
  // A boxed `str` or slice has std's own impls: `Clone for Box<str>`, `Clone for Box<[T]>` where
  // `T: Clone`, `Default` for both (any `T`), though `str` and `[T]` are neither.
  const boxed = path === 'boxed::Box' && (trait === 'Clone' || trait === 'Default') ? ty.args[0] : undefined;
  if (boxed?.k === 'ty' && boxed.ty.k === 'str') return true;
  if (boxed?.k === 'ty' && boxed.ty.k === 'slice') return trait === 'Default' || implementsStd(boxed.ty.elem, 'Clone', undefined, host, depth + 1);
  return all(rule.map(([i, t]) => {
    const a = ty.args[i];
    return a?.k === 'ty' ? implementsStd(a.ty, t ?? trait, undefined, host, depth + 1) : 'unknown';
  }));
}

/** adtImplements for a crate's type: its derives and impls (auto traits: its fields). */
/** Whether every type argument of `ty` has the trait (constants count as having it). */
function argsImplement(ty: Extract<Ty, { k: 'adt' }>, trait: StdTrait, host: BoundHost, depth: number): Verdict {
  return all(ty.args.map((a) => (a.k === 'const' ? true : implementsStd(a.ty, trait, undefined, host, depth + 1))));
}

function crateAdtImplements(ty: Extract<Ty, { k: 'adt' }>, trait: StdTrait, host: BoundHost, depth: number): Verdict {
  const { item, m } = ty.def;
  const args = (): Verdict => argsImplement(ty, trait, host, depth);
  if (trait === 'Send' || trait === 'Sync') {
    // Auto traits: an `unsafe impl` of the crate decides; else the fields do (a type met again
    // inside itself is taken to have it, as rustc takes such cycles).
    const written = byImpls(ty, trait, host, depth);
    if (written !== undefined) return written;
    const seen = (host.autoSeen ??= new Set());
    if (seen.has(item)) return true;
    seen.add(item);
    try {
      const fields = host.fieldTys(ty);
      const r = fields ? all(fields.map((f) => implementsStd(f, trait, undefined, host, depth + 1))) : 'unknown';
      return r === false && (implsMaybeUnseen(item, m) || renames(m, trait)) ? 'unknown' : r;
    } finally {
      seen.delete(item);
    }
  }
  const derives = derivesOf(item, m);
  if (derives.has(trait)) return trait === 'Default' && item.kind === 'enum' ? true : args();
  if (trait !== 'Clone') return byImpls(ty, trait, host, depth) ?? (implsMaybeUnseen(item, m) || renames(m, trait) ? 'unknown' : false);
  // No derive: an `impl Clone` (or `impl Copy`, which needs one) of the crate, whose impls are all
  // seen unless a macro call was left unexpanded or a derive macro of another crate is used.
  const written = [markerImpls(ty, 'clone', host, depth), markerImpls(ty, 'copy', host, depth)];
  if (written.includes(true)) return true;
  if (written.includes('unknown')) return 'unknown';
  return implsMaybeUnseen(item, m) || renames(m, 'Clone') || renames(m, 'Copy') ? 'unknown' : false;
}

/**
 * What the crate's `impl Copy` (or `impl Clone`) for the type's item says: true when one applies,
 * false when each one's bounds fail (`impl<T: Copy> Copy for G<T>` and `G<String>`), 'unknown'
 * when one may apply and cannot be read here (a `where` clause on other types, a bound this module
 * does not check), undefined when the crate has none. An impl without type parameters is taken to
 * apply whatever arguments it is written with (`impl Copy for G<u8>`), and an impl behind a cfg a
 * build script decides is taken to be there.
 */
export function markerImpls(ty: Extract<Ty, { k: 'adt' }>, which: 'copy' | 'clone', host: BoundHost, depth: number): Verdict | undefined {
  const { item, m } = ty.def;
  const crate = m.crate;
  let found = false;
  let unknown = false;
  for (const { impl, m: at } of ownImpls(item, crate, host, (i) => !!i[which])) {
    found = true;
    const generic = impl.generics?.params.some((p) => p.kind !== 'lifetime') ?? false;
    const r = impl.boundsOthers ? 'unknown' : generic ? implApplies(impl, at, ty, host, depth) : true;
    if (r === true) return true;
    if (r === 'unknown') unknown = true;
  }
  for (const { e: { impl, m: at }, told } of renamedImplsFor(crate, item.name, host)) {
    if (!impl[which] || !liveOrUnsure(crate, impl.cfg)) continue;
    found = true;
    const r = renamedImplApplies(impl, at, told, ty, crate, host);
    if (r === true) return true;
    if (r === 'unknown') unknown = true;
  }
  return !found ? undefined : unknown ? 'unknown' : false;
}

/**
 * What the crate's impls of `trait` for the type's item say (`impl Default for X`, `unsafe impl<T:
 * Send> Send for W<T>`): true or false by the first that applies, 'unknown' when one may apply and
 * cannot be read here (a blanket impl, other arguments, a bound this module does not check), or
 * undefined when the crate has none.
 */
function byImpls(ty: Extract<Ty, { k: 'adt' }>, trait: StdTrait, host: BoundHost, depth: number): Verdict | undefined {
  const { item, m } = ty.def;
  const crate = m.crate;
  let found = false;
  for (const { impl, m: at } of ownImpls(item, crate, host, (i) => i.stdTrait === trait)) {
    // A crate's own trait named like std's is not std's.
    if (crateTrait(impl.traitPath ?? impl.trait ?? trait, at, host.resolver)) continue;
    found = true;
    if (crate.unsure(impl.cfg) !== undefined || impl.traitArgs?.some((a) => a.kind !== 'lifetime') || impl.hasWhere) return 'unknown';
    const r = implApplies(impl, at, ty, host, depth);
    if (r !== false) return r;
  }
  for (const { e: { impl, m: at }, told } of renamedImplsFor(crate, item.name, host)) {
    if (impl.stdTrait !== trait || !liveOrUnsure(crate, impl.cfg)) continue;
    if (crateTrait(impl.traitPath ?? impl.trait ?? trait, at, host.resolver)) continue;
    found = true;
    const r = renamedImplApplies(impl, at, told, ty, crate, host);
    if (r !== false) return r;
  }
  if ((crate.impls.get(BLANKET_IMPLS) ?? []).some(({ impl }) => impl.stdTrait === trait)) return 'unknown';
  if (!found) return undefined;
  // `use std::fmt::Debug as D; impl D for X`: an impl of it is not told by its written name.
  return renames(m, trait) ? 'unknown' : false;
}

/**
 * Whether an impl for `Item<P1, ..>` applies to the type: its self type's arguments are its own
 * parameters in order, each bounded by std traits only (checked on the type's arguments); an impl
 * without parameters and arguments applies to the one type there is.
 */
function implApplies(impl: ImplDef, at: ModuleScope, ty: Extract<Ty, { k: 'adt' }>, host: BoundHost, depth: number): Verdict {
  const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
  const selfTy = impl.selfTy as Extract<TypeExpr, { kind: 'path' }>;
  const written = selfTy.segments[selfTy.segments.length - 1]!.args.filter((a) => a.kind !== 'lifetime' && a.kind !== 'binding');
  if (params.length === 0 && written.length === 0) return true;
  if (written.length !== params.length || written.length > ty.args.length) return 'unknown';
  // `impl<T: Tr> Tr for Vec<T>` is for `Vec<T, Global>`: the arguments not written must be the defaults.
  if (written.length < ty.args.length) {
    const own = ty.def.item.generics.params.filter((p) => p.kind !== 'lifetime');
    for (let i = written.length; i < ty.args.length; i++) {
      const q = own[i];
      const a = ty.args[i]!;
      if (q?.kind !== 'type' || !q.default || a.k !== 'ty') return 'unknown';
      let d: Ty;
      try {
        d = host.argTy(q.default, ty.def.m, bindParams(own, ty.args));
      } catch {
        return 'unknown';
      }
      const same = sameTy(d, a.ty);
      if (same !== true) return same === false ? false : 'unknown';
    }
  }
  const verdicts: Verdict[] = [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const w = written[i]!;
    if (w.kind !== 'type' || w.ty.kind !== 'path' || w.ty.segments.length !== 1 || w.ty.segments[0]!.name !== p.name) return 'unknown';
    const a = ty.args[i]!;
    // `impl<const N: usize> Tr for A<N>`: every value.
    if (p.kind === 'const') {
      if (a.k !== 'const') return 'unknown';
      continue;
    }
    if (p.kind !== 'type') return 'unknown';
    if (a.k !== 'ty') return 'unknown';
    verdicts.push(boundsHold(p, at, a.ty, host, depth));
  }
  return all(verdicts);
}

/** Whether an impl may hold: its cfgs hold, or a build script decides them (then the impl may be there). */
function liveOrUnsure(crate: CrateScope, cfg: readonly CfgPredicate[]): boolean {
  return crate.active(cfg) || crate.unsure(cfg) !== undefined;
}

/** Attributes that make no impls (std's derives are read from `derive`). */
export const INERT_ATTRS: ReadonlySet<string> = new Set([
  'derive', 'repr', 'doc', 'cfg', 'cfg_attr', 'allow', 'warn', 'deny', 'forbid', 'expect', 'non_exhaustive', 'must_use', 'deprecated', 'rustfmt::skip', 'automatically_derived',
]);

/**
 * Whether a crate's type may have impls this module does not see: a derive macro of another crate
 * (`#[derive(Educe)]`), an attribute macro on the type, or a macro call of its crate left
 * unexpanded. Without that, the impls of `Copy` and `Clone` the crate's items hold are all of
 * them (impls written inside function bodies are not read; they are rare for these traits).
 */
export function implsMaybeUnseen(item: TypeItem, m: ModuleScope): boolean {
  if (item.attrs.some((a) => !INERT_ATTRS.has(a.name))) return true;
  // A derive behind a `cfg_attr` that a build script decides.
  for (const a of item.attrs) {
    const parts = a.name === 'cfg_attr' ? cfgAttrParts(a.text) : undefined;
    if (parts && m.crate.unsure([parts.pred]) !== undefined) return true;
  }
  if ([...derivesOf(item, m)].some((d) => !STD_DERIVES.has(d))) return true;
  return hasMacroCalls(m.crate);
}

/**
 * Whether some of a crate's impls may not be seen: a macro call left unexpanded, a module still
 * being read (the editor reads crates off the main thread), or a file analysed on its own while
 * the rest of its crate is read (CrateInput.detached). Read without sorting out every module's
 * names (a 1,000-file crate's).
 */
/** Whether some of a crate's impls may not be seen (see hasMacroCalls). */
export function crateImplsMaybeUnseen(crate: CrateScope): boolean {
  return hasMacroCalls(crate);
}

function hasMacroCalls(crate: CrateScope): boolean {
  let r = incompleteCrates.get(crate);
  if (r === undefined) {
    r = crate.input.detached === true || crate.outside !== undefined || crate.modules().some((x) => x.pending || x.hasMacroCalls);
    incompleteCrates.set(crate, r);
  }
  return r;
}

/**
 * Kept per crate scope (a keystroke asks it for every bounded type it lays out): a scope is
 * patched in place only for files without macro calls (src/incremental/crateSession.ts), and a
 * crate read further is walked into a new scope, so the answer holds for the scope's life.
 */
const incompleteCrates = new WeakMap<CrateScope, boolean>();

/** Whether the crate imports std's trait `name` under another name (an impl of it is then not told by its written name). */
function renames(m: ModuleScope, name: string): boolean {
  return m.crate.modules().some((x) => x.uses.some((u) => u.path[u.path.length - 1] === name && u.alias !== undefined && u.alias !== name));
}

/**
 * Std's impls of the checked traits for its common types: true or false for every argument, else
 * what the arguments must implement (`[0]`: the first argument, the same trait; `[0, 'Copy']`:
 * the first argument, `Copy`). Types and traits not listed are not known here.
 */
type Rule = boolean | readonly (readonly [number, StdTrait?])[];
const EACH_FIRST: Partial<Record<StdTrait, Rule>> = { Clone: [[0]], Default: [[0]], Debug: [[0]], PartialEq: [[0]], Eq: [[0]], PartialOrd: [[0]], Ord: [[0]], Hash: [[0]], Send: [[0]], Sync: [[0]] };
const EVERY: Partial<Record<StdTrait, Rule>> = { Clone: true, Default: true, Debug: true, PartialEq: true, Eq: true, PartialOrd: true, Ord: true, Hash: true, Send: true, Sync: true };
const STD_IMPLS: Readonly<Record<string, Partial<Record<StdTrait, Rule>>>> = {
  'string::String': EVERY,
  'time::Duration': EVERY,
  // Derived Clone, Default and Debug only (rustc 1.95; hunt P: cargo's Graph<PackageId, HashSet<Dependency>>).
  'hash::RandomState': { Clone: true, Default: true, Debug: true, PartialEq: false, Eq: false, PartialOrd: false, Ord: false, Hash: false, Send: true, Sync: true },
  'hash::DefaultHasher': { Clone: true, Default: true, Debug: true, PartialEq: false, Eq: false, PartialOrd: false, Ord: false, Hash: false, Send: true, Sync: true },
  'cmp::Ordering': { ...EVERY, Default: false },
  'num::NonZero': { ...EVERY, Default: false },
  'marker::PhantomData': { ...EVERY, Send: [[0]], Sync: [[0]] },
  'option::Option': { ...EACH_FIRST, Default: true },
  'result::Result': { Clone: [[0], [1]], Default: false, Debug: [[0], [1]], PartialEq: [[0], [1]], Eq: [[0], [1]], PartialOrd: [[0], [1]], Ord: [[0], [1]], Hash: [[0], [1]], Send: [[0], [1]], Sync: [[0], [1]] },
  'vec::Vec': { ...EACH_FIRST, Default: true },
  'collections::vec_deque::VecDeque': { ...EACH_FIRST, Default: true },
  'collections::linked_list::LinkedList': { ...EACH_FIRST, Default: true },
  'collections::btree_set::BTreeSet': { ...EACH_FIRST, Default: true },
  'collections::btree_map::BTreeMap': { Clone: [[0], [1]], Default: true, Debug: [[0], [1]], PartialEq: [[0], [1]], Eq: [[0], [1]], PartialOrd: [[0], [1]], Ord: [[0], [1]], Hash: [[0], [1]], Send: [[0], [1]], Sync: [[0], [1]] },
  'collections::hash_map::HashMap': { Clone: [[0], [1], [2]], Default: [[2]], Debug: [[0], [1]], PartialOrd: false, Ord: false, Hash: false },
  'collections::hash_set::HashSet': { Clone: [[0], [1]], Default: [[1]], Debug: [[0]], PartialOrd: false, Ord: false, Hash: false },
  'collections::binary_heap::BinaryHeap': { Clone: [[0]], Default: [[0, 'Ord']], Debug: [[0]], PartialEq: false, Eq: false, PartialOrd: false, Ord: false, Hash: false, Send: [[0]], Sync: [[0]] },
  'ops::Range': { Clone: [[0]], Default: [[0]], Debug: [[0]], PartialEq: [[0]], Eq: [[0]], Hash: [[0]], PartialOrd: false, Ord: false, Send: [[0]], Sync: [[0]] },
  'ops::RangeInclusive': { Clone: [[0]], Debug: [[0]], PartialEq: [[0]], Eq: [[0]], Hash: [[0]], PartialOrd: false, Ord: false, Send: [[0]], Sync: [[0]] },
  'boxed::Box': EACH_FIRST,
  'num::Wrapping': EACH_FIRST,
  'cmp::Reverse': EACH_FIRST,
  'mem::ManuallyDrop': EACH_FIRST,
  'cell::RefCell': { ...EACH_FIRST, Hash: false, Sync: false },
  'cell::Cell': { Clone: [[0, 'Copy']], Default: [[0]], Debug: [[0, 'Copy'], [0]], PartialEq: [[0, 'Copy'], [0]], Eq: [[0, 'Copy'], [0]], PartialOrd: [[0, 'Copy'], [0]], Ord: [[0, 'Copy'], [0]], Hash: false, Send: [[0]], Sync: false },
  'rc::Rc': { ...EACH_FIRST, Clone: true, Send: false, Sync: false },
  'sync::Arc': { ...EACH_FIRST, Clone: true, Send: [[0, 'Send'], [0, 'Sync']], Sync: [[0, 'Send'], [0, 'Sync']] },
};

/**
 * Std's impls of the derivable traits as rustc 1.95 answers for every public std type without
 * bounded parameters (src/core/stdImpls.json, written and checked by test/unit/stdImpls.test.ts):
 * always, never, or the type parameters (by index) that must have the trait. Read only where the
 * type's defaulted parameters have their defaults (a `HashMap` with another hasher is not measured).
 */
function measuredStdImpl(item: TypeItem, path: string, args: readonly GArg[], trait: StdTrait): boolean | readonly number[] | undefined {
  const rule = (STD_IMPL_TABLE as Readonly<Record<string, Partial<Record<string, boolean | readonly number[]>>>>)[path]?.[trait];
  if (rule === undefined) return undefined;
  const params = item.generics.params.filter((p) => p.kind !== 'lifetime');
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p.kind !== 'type' || p.default === undefined) continue;
    const a = args[i];
    if (a === undefined) continue;
    if (a.k !== 'ty' || !atDefault(p.default, a.ty)) return undefined;
  }
  return rule;
}

/** Whether an argument is its parameter's std default (`Global`, `RandomState`, a fn pointer for `fn() -> T`). */
function atDefault(def: TypeExpr, ty: Ty): boolean {
  if (def.kind === 'fnptr') return ty.k === 'fnptr';
  if (def.kind === 'tuple') return def.elems.length === 0 && ty.k === 'tuple' && ty.elems.length === 0;
  if (def.kind !== 'path') return false;
  const name = def.segments[def.segments.length - 1]?.name;
  if (ty.k === 'int' || ty.k === 'float') return def.segments.length === 1 && ty.name === name;
  return ty.k === 'adt' && ty.def.m.crate.isStd && ty.def.item.name === name && ty.args.length === 0;
}

/**
 * Std types that do not have a trait although their arguments have it, as rustc 1.95 says of
 * every public type of the model with representative arguments (test/unit/stdModel.test.ts).
 */
const NOT_BY_ARGS: Partial<Record<StdTrait, ReadonlySet<string>>> = {
  Debug: new Set('AncillaryData DebugList DebugMap DebugSet DebugStruct DebugTuple Difference Formatter Intersection IntoIter Messages OneSidedRangeBound Report ScmCredentials ScmRights SocketCred SymmetricDifference Union'.split(' ')),
  Send: new Set(
    'Args ArgsOs Arguments CommandArgs Context ContextBuilder DebugList DebugMap DebugSet DebugStruct DebugTuple ExtractIf Formatter Group Ident IntoIter Iter LexError Literal LocalWaker MappedMutexGuard MappedRwLockReadGuard MappedRwLockWriteGuard MutexGuard NonNull PanicHookInfo PanicMessage Punct RawWaker ReentrantLockGuard Ref RefMut RwLockReadGuard RwLockWriteGuard Source Span StderrLock StdinLock StdoutLock TokenStream TokenTree TryIter UniqueRc Vars VarsOs Weak'.split(' '),
  ),
  Sync: new Set(
    'Args ArgsOs Arguments CommandArgs Context ContextBuilder DebugList DebugMap DebugSet DebugStruct DebugTuple ExtractIf Formatter Group Ident IntoIter Iter LazyCell LexError Literal LocalWaker NonNull OnceCell OnceState PanicHookInfo PanicMessage Punct RawWaker Receiver Ref RefMut Source Span StderrLock StdoutLock TokenStream TokenTree TryIter UniqueRc UnsafeCell Vars VarsOs Weak'.split(' '),
  ),
};

/**
 * Where a std type takes an allocator (`Vec<T, A>`, `btree_map::Drain<'a, K, V, A>`): the index,
 * among its type and const parameters, of the one whose default is `Global`. Writing an argument
 * for it is unstable (`allocator_api`).
 */
export function allocatorParam(item: TypeItem | TypeAliasDef): number | undefined {
  const i = item.generics.params.filter((p) => p.kind !== 'lifetime').findIndex((p) => p.kind === 'type' && p.default?.kind === 'path' && p.default.segments[p.default.segments.length - 1]?.name === 'Global');
  return i < 0 ? undefined : i;
}

/** derivesOf's answers, per item, for the crate scope they were read in (its cfgs decide `cfg_attr`s). */
const derivesMemo = new WeakMap<TypeItem, { readonly crate: ModuleScope['crate']; readonly derives: ReadonlySet<string> }>();

/** The last path segments an item's `#[derive]`s name (outer ones, and those active `cfg_attr`s add). */
function derivesOf(item: TypeItem, m: ModuleScope): ReadonlySet<string> {
  const memo = derivesMemo.get(item);
  if (memo && memo.crate === m.crate) return memo.derives;
  const derives = readDerives(item, m);
  derivesMemo.set(item, { crate: m.crate, derives });
  return derives;
}

/**
 * Whether the item derives a trait with another crate's macro (`#[derive(Serialize)]`), behind a
 * `cfg_attr` that holds or may hold too: such a derive may declare helper attributes
 * (`#[serde(..)]`) for the item, its variants and fields.
 */
export function hasForeignDerive(item: TypeItem, m: ModuleScope): boolean {
  return [...readDerives(item, m, true)].some((d) => !STD_DERIVES.has(d));
}

function readDerives(item: TypeItem, m: ModuleScope, orMaybe = false): Set<string> {
  const out = new Set<string>();
  for (const t of attrTextsWhere(item.attrs, (p) => m.crate.active([p]) || (orMaybe && m.crate.unsure([p]) !== undefined))) {
    if (!/^derive\s*\(/.test(t)) continue;
    for (const part of t.slice(t.indexOf('(') + 1, t.lastIndexOf(')') < 0 ? undefined : t.lastIndexOf(')')).split(',')) {
      const name = part.trim().split('::').pop()?.trim();
      if (name) out.add(name);
    }
  }
  return out;
}

/**
 * Whether `to: From<from>` (and so `from: Into<to>`) holds. Certain between the language's scalar
 * types, whose impls are all std's (a crate may add `From<Local> for u8`, not `From<u8> for bool`),
 * and from a scalar to the language's other types and std's common ones; every type converts from
 * itself, and `Option<T>`, `Box<T>`, `Rc<T>`… from `T`.
 */
function conversion(from: Ty, to: Ty, host: BoundHost): Verdict {
  const same = sameTy(from, to);
  if (same === true) return true;
  if (same === undefined) return 'unknown';
  // `&str` into `String`, `Box<str>`, `Vec<u8>`, `PathBuf`…: std's impls.
  if (from.k === 'ptr' && from.kind === '&' && from.pointee.k === 'str' && to.k === 'adt' && to.def.m.crate.isStd) {
    const a = to.args[0];
    const argIs = (k: Ty['k'], name?: string): boolean => a?.k === 'ty' && a.ty.k === k && (name === undefined || (a.ty.k === 'int' && a.ty.name === name));
    switch (rulePath(to.def.item, host.resolver)) {
      case 'string::String':
      case 'path::PathBuf':
      case 'ffi::OsString':
        return true;
      case 'vec::Vec':
        return to.args.length === 1 || (to.args[1]?.k === 'ty' && to.args[1].ty.k === 'adt' && to.args[1].ty.def.item.name === 'Global') ? argIs('int', 'u8') || 'unknown' : 'unknown';
      case 'boxed::Box':
        return argIs('str') || 'unknown';
      default:
        return 'unknown';
    }
  }
  const a = scalarName(from);
  const b = scalarName(to);
  if (a !== undefined && b !== undefined) return (SCALAR_FROM[b] ?? []).includes(a);
  if (a !== undefined) {
    // A scalar into a pointer, array, tuple or fn pointer: std has no such impl, and a crate may not add one.
    if (to.k === 'ptr' || to.k === 'array' || to.k === 'tuple' || to.k === 'fnptr') return false;
    if (to.k === 'adt' && to.def.m.crate.isStd) {
      const name = to.def.item.name;
      const inner = to.args[0];
      if (FROM_INNER.has(name)) return inner?.k === 'ty' ? (sameTy(inner.ty, from) ?? 'unknown') : 'unknown';
      if (name === 'String') return a === 'char';
      if (NO_SCALAR_FROM.has(name)) return false;
    }
    if (to.k === 'adt' && !to.def.m.crate.isStd) return crateConversion(to, from, to, host);
    return 'unknown';
  }
  if (b !== undefined) {
    // Into a scalar: from scalars only, and from `NonZero`, `AsciiChar`… which are not read here.
    if (from.k === 'ptr' || from.k === 'array' || from.k === 'tuple' || from.k === 'fnptr') return false;
    if (from.k === 'adt' && from.def.m.crate.isStd && (NO_SCALAR_FROM.has(from.def.item.name) || FROM_INNER.has(from.def.item.name) || from.def.item.name === 'String')) return false;
    if (from.k === 'adt' && !from.def.m.crate.isStd) return crateConversion(from, from, to, host);
  }
  return 'unknown';
}

/**
 * A conversion between a crate's type and a scalar (`X: From<u8>`, `X: Into<u32>`): only the
 * type's crate may write its impls (`impl From<u8> for X`, `impl From<X> for u32`, `impl Into<u32>
 * for X`), so when that crate's impls are all seen, none of them is a certain no.
 */
function crateConversion(own: Extract<Ty, { k: 'adt' }>, from: Ty, to: Ty, host: BoundHost): Verdict {
  const { item, m } = own.def;
  const crate = m.crate;
  if ((crate.impls.get(BLANKET_IMPLS) ?? []).some(({ impl }) => impl.stdTrait === 'From' || impl.stdTrait === 'Into')) return 'unknown';
  const scalar = own === to ? from : to;
  const names = [item.name, scalarName(scalar)!];
  let unsure = false;
  for (const name of names) {
    for (const { impl, m: at } of crate.impls.get(name) ?? []) {
      if ((impl.stdTrait !== 'From' && impl.stdTrait !== 'Into') || !liveOrUnsure(crate, impl.cfg)) continue;
      if (crateTrait(impl.traitPath ?? impl.trait ?? impl.stdTrait, at, host.resolver)) continue;
      if (crate.unsure(impl.cfg) !== undefined || impl.generics?.params.some((p) => p.kind !== 'lifetime') || impl.hasWhere) {
        unsure = true;
        continue;
      }
      const arg = impl.traitArgs?.find((a) => a.kind === 'type');
      if (!arg || arg.kind !== 'type') continue;
      // `impl From<A> for S` converts A into S; `impl Into<S> for A` too.
      const self = host.argTy(impl.selfTy, at, new Map());
      const other = host.argTy(arg.ty, at, new Map());
      const [a, b] = impl.stdTrait === 'From' ? [other, self] : [self, other];
      const r = both(sameTy(a, from), sameTy(b, to));
      if (r === true) return true;
      if (r === undefined) unsure = true;
    }
  }
  return unsure || implsMaybeUnseen(item, m) || renames(m, 'From') || renames(m, 'Into') ? 'unknown' : false;
}

function both(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  return a === false || b === false ? false : a === undefined || b === undefined ? undefined : true;
}

/** Std types that convert from their first argument (`impl<T> From<T> for Rc<T>`), not from another scalar. */
const FROM_INNER: ReadonlySet<string> = new Set(['Option', 'Box', 'Cell', 'RefCell', 'Rc', 'Arc']);

/** Std types that no scalar converts into (nor they, nor those above and `String`, into a scalar). */
const NO_SCALAR_FROM: ReadonlySet<string> = new Set(['Vec', 'Result', 'PhantomData', 'Duration', 'ManuallyDrop', 'Reverse', 'Wrapping']);

function scalarName(t: Ty): string | undefined {
  switch (t.k) {
    case 'int':
    case 'float':
      return t.name;
    case 'bool':
    case 'char':
      return t.k;
    default:
      return undefined;
  }
}

/** Std's `impl From<X> for Y` between scalar types: Y → every X (itself left out). */
const SCALAR_FROM: Readonly<Record<string, readonly string[]>> = {
  u8: ['bool'],
  u16: ['bool', 'u8'],
  u32: ['bool', 'u8', 'u16', 'char'],
  u64: ['bool', 'u8', 'u16', 'u32', 'char'],
  u128: ['bool', 'u8', 'u16', 'u32', 'u64', 'char'],
  usize: ['bool', 'u8', 'u16'],
  i8: ['bool'],
  i16: ['bool', 'u8', 'i8'],
  i32: ['bool', 'u8', 'i8', 'u16', 'i16'],
  i64: ['bool', 'u8', 'i8', 'u16', 'i16', 'u32', 'i32'],
  i128: ['bool', 'u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'u64', 'i64'],
  isize: ['bool', 'u8', 'i8', 'i16'],
  f32: ['bool', 'u8', 'i8', 'u16', 'i16'],
  f64: ['bool', 'u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'f32'],
  char: ['u8'],
  bool: [],
};

/** Three-valued and: false wins, then unknown. */
export function all(xs: readonly Verdict[]): Verdict {
  if (xs.includes(false)) return false;
  return xs.includes('unknown') ? 'unknown' : true;
}

/**
 * Whether two types are the same type: true, false, or undefined when this cannot tell (an
 * unknown or unresolved part; a kind not compared here). Used to pick a trait impl written for
 * one instance of a generic type: "cannot tell" makes the caller abstain.
 */
export function sameTy(a: Ty, b: Ty): boolean | undefined {
  if (a.k === 'unknown' || b.k === 'unknown' || a.k === 'error' || b.k === 'error' || a.k === 'param' || b.k === 'param') return undefined;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'int':
      return a.size === (b as typeof a).size && a.signed === (b as typeof a).signed && a.name === (b as typeof a).name;
    case 'float':
      return a.name === (b as typeof a).name;
    case 'bool':
    case 'char':
    case 'str':
    case 'never':
      return true;
    case 'adt': {
      const y = b as typeof a;
      if (a.def.item !== y.def.item) return false;
      if (a.args.length !== y.args.length) return undefined;
      let all: boolean | undefined = true;
      for (let i = 0; i < a.args.length; i++) {
        const x = a.args[i]!;
        const z = y.args[i]!;
        const r = x.k === 'ty' && z.k === 'ty' ? sameTy(x.ty, z.ty) : x.k === 'const' && z.k === 'const' ? x.value === z.value : undefined;
        if (r === false) return false;
        if (r === undefined) all = undefined;
      }
      return all;
    }
    case 'ptr': {
      const y = b as typeof a;
      // Regions are not in the model (nor do they tell impls apart: two impls differing by a lifetime overlap).
      return a.kind === y.kind ? sameTy(a.pointee, y.pointee) : false;
    }
    case 'slice':
      return sameTy(a.elem, (b as typeof a).elem);
    case 'array': {
      const y = b as typeof a;
      return a.len === y.len ? sameTy(a.elem, y.elem) : false;
    }
    case 'tuple': {
      const y = b as typeof a;
      if (a.elems.length !== y.elems.length) return false;
      let all: boolean | undefined = true;
      for (let i = 0; i < a.elems.length; i++) {
        const r = sameTy(a.elems[i]!, y.elems[i]!);
        if (r === false) return false;
        if (r === undefined) all = undefined;
      }
      return all;
    }
    case 'dyn': {
      // Trait objects are the same type when they name the same traits, in any order (`dyn A + Send`).
      const x = a.traits;
      const y = (b as typeof a).traits;
      if (!x || !y) return undefined;
      const xs = new Set(x.map((t) => (typeof t === 'string' ? t : t.item)));
      const ys = new Set(y.map((t) => (typeof t === 'string' ? t : t.item)));
      return xs.size === ys.size && [...xs].every((t) => ys.has(t));
    }
    default:
      return undefined;
  }
}

/** The std derives a derive attribute's entry may name: bare, or by std's path (`std::fmt::Debug`). */
function stdDeriveOf(written: string, m: ModuleScope): StdTrait | undefined {
  const segs = written.split('::').map((s) => s.trim()).filter((s, i) => s !== '' || i > 0);
  const name = segs[segs.length - 1] ?? '';
  if (!STD_DERIVES.has(name) || !is(name)) return undefined;
  if (segs.length > 1 && !(segs.length === 3 && isStdHead(segs[0]) && segs[1] === TRAIT_MODULE[name])) return undefined;
  // A derive macro of that name imported from elsewhere (or under a glob of another crate) is not std's.
  if (segs.length === 1 && m.uses.some((u) => (u.glob ? !isStdHead(u.path[0]) : (u.alias ?? u.path[u.path.length - 1]) === name && !isStdHead(u.path[0])))) return undefined;
  return name;
}

/** The std traits an item derives (outer `derive`s and those active `cfg_attr`s add), in order. */
export function stdDerives(item: TypeItem, m: ModuleScope, twice?: StdTrait[]): StdTrait[] {
  const texts = item.attrs.filter((a) => a.name === 'derive').map((a) => a.text);
  const added = cfgAttrTexts(item.attrs.filter((a) => a.name === 'cfg_attr').map((a) => a.text), (p) => m.crate.active([p])).filter((t) => /^derive\s*\(/.test(t));
  const out: StdTrait[] = [];
  for (const t of [...texts, ...added]) {
    const open = t.indexOf('(');
    const close = t.lastIndexOf(')');
    if (open < 0 || close < open) continue;
    for (const part of t.slice(open + 1, close).split(',')) {
      const d = stdDeriveOf(part.trim(), m);
      if (d && out.includes(d)) twice?.push(d);
      else if (d) out.push(d);
    }
  }
  return out;
}

/**
 * `#[default]` where rustc takes it from nowhere: on a field (std's `Default` derive reads it on
 * unit variants only), or on a variant of an enum that does not derive `Default`. Only where
 * every derive is std's (cfg_attr's included): another crate's (`SmartDefault`) may take
 * `#[default]` on fields.
 */
export function misplacedDefault(item: TypeItem, m: ModuleScope): DeriveProblem | undefined {
  const derives = derivesOf(item, m);
  if ([...derives].some((d) => !STD_DERIVES.has(d))) return undefined;
  const isDefault = (attrs: readonly { readonly name: string }[]): boolean => attrs.some((a) => a.name === 'default');
  const variants = item.kind === 'enum' ? item.variants.filter((v) => m.crate.active(v.cfg)) : [];
  const fields = item.kind === 'enum' ? variants.flatMap((v) => v.fields) : item.fields;
  if (fields.some((f) => m.crate.active(f.cfg) && isDefault(f.attrs))) return { code: 'default_attr', message: `the \`#[default]\` attribute may only be used on unit enum variants (a field of \`${item.name}\`)` };
  const v = derives.has('Default') ? undefined : variants.find((x) => isDefault(x.attrs));
  return v ? { code: 'default_attr', message: `cannot find attribute \`default\` in this scope (\`${item.name}::${v.name}\`: \`${item.name}\` does not derive \`Default\`)` } : undefined;
}

/** What a derive makes rustc refuse. */
export interface DeriveProblem {
  readonly code: string;
  readonly message: string;
}

/**
 * An error rustc gives a std derive on the item, whatever its arguments: a field whose type
 * certainly lacks the trait (`#[derive(Clone, Copy)]` over a `String`: E0204 for `Copy`, E0277
 * for the others), the item lacking a supertrait the derived impl needs (`Copy` without `Clone`,
 * `Eq` without `PartialEq`: E0277), a trait std cannot derive for a union, an enum's `Default`
 * without one `#[default]` unit variant (E0665). The derived impl bounds each type parameter by
 * the trait (and so by its supertraits). `self` is the item with its own parameters as
 * arguments, `fields` its active fields' types so written; only certain answers count.
 */
export function deriveProblem(
  item: TypeItem,
  m: ModuleScope,
  host: BoundHost,
  self: Ty,
  fields: readonly Ty[] | undefined,
  variants: readonly { readonly name: string; readonly unit: boolean; readonly isDefault: boolean }[],
  /** A `#[repr(packed)]` (or `packed(N)`) struct. */
  packed = false,
): DeriveProblem | undefined {
  // A macro's items: their impls may be made by the macro without being modelled (the built-in
  // `bitflags!` makes the types only), so a missing impl is not certain.
  if (expansionOf(item)) return undefined;
  const twice: StdTrait[] = [];
  const derives = stdDerives(item, m, twice);
  if (!derives.length) return undefined;
  const conflict = (trait: StdTrait): DeriveProblem => ({ code: 'E0119', message: `conflicting implementations of trait \`${trait}\` for type \`${item.name}\`` });
  if (twice.length) return conflict(twice[0]!);
  const params = item.generics.params;
  // An impl the crate writes for a type without type parameters conflicts with the derived one.
  if (!params.some((q) => q.kind === 'type')) {
    for (const { impl, m: at } of m.crate.impls.get(item.name) ?? []) {
      if (!m.crate.active(impl.cfg) || impl.selfTy.kind !== 'path' || impl.traitArgs?.length) continue;
      const trait = derives.find((d) => (d === 'Copy' ? impl.copy : d === 'Clone' ? impl.clone : impl.stdTrait === d));
      if (!trait || crateTrait(impl.traitPath ?? impl.trait ?? trait, at, host.resolver)) continue;
      const self = host.resolver.resolveTypePath(at, impl.selfTy.segments.map((x) => x.name), impl.selfTy.global);
      if (self?.k === 'item' && self.item === item) return conflict(trait);
    }
    // Written under another name (`type A = X; impl Clone for A`): the same impl.
    for (const { e: { impl, m: at }, told } of renamedImplsFor(m.crate, item.name, host)) {
      if (!told || !m.crate.active(impl.cfg) || impl.traitArgs?.length || (impl.generics?.params ?? []).some((p) => p.kind !== 'lifetime')) continue;
      const trait = derives.find((d) => (d === 'Copy' ? impl.copy : d === 'Clone' ? impl.clone : impl.stdTrait === d));
      if (!trait || crateTrait(impl.traitPath ?? impl.trait ?? trait, at, host.resolver)) continue;
      let selfTy: Ty;
      try {
        selfTy = host.argTy(impl.selfTy, at, new Map());
      } catch {
        continue;
      }
      if (selfTy.k === 'adt' && selfTy.def.item === item) return conflict(trait);
    }
  }
  for (const trait of derives) {
    const given = new Set<StdTrait>([trait, ...(SUPERTRAITS[trait] ?? [])]);
    const inImpl: BoundHost = {
      ...host,
      paramHas: (name, asked) => {
        if (given.has(asked)) return true;
        const up = params.find((q) => q.kind === 'type' && q.name === name);
        return up?.kind === 'type' ? paramGivesStd(up, m, asked, host) : 'unknown';
      },
    };
    // `Eq` derives for a union too (its impl only asserts the fields are `Eq`); the others do not.
    if (item.kind === 'union' && trait !== 'Copy' && trait !== 'Clone' && trait !== 'Eq') {
      return { code: 'derive_on_union', message: `\`${trait}\` cannot be derived for unions (\`${item.name}\`)` };
    }
    if (item.kind === 'enum' && trait === 'Default') {
      const defaults = variants.filter((v) => v.isDefault);
      if (defaults.length === 0) return { code: 'E0665', message: `\`#[derive(Default)]\` on the enum \`${item.name}\` with no \`#[default]\` variant` };
      if (defaults.length > 1) return { code: 'default_variants', message: `more than one \`#[default]\` variant in \`${item.name}\`` };
      if (!defaults[0]!.unit) return { code: 'default_non_unit', message: `the \`#[default]\` attribute may only be used on unit enum variants (\`${item.name}::${defaults[0]!.name}\`)` };
      continue;
    }
    // The derived impl's supertraits, asked of the item itself (`Copy` needs `Clone`; a union's `Clone` needs `Copy`).
    const supers: StdTrait[] = item.kind === 'union' && trait === 'Clone' ? ['Copy'] : (SUPERTRAITS[trait] ?? []).filter((x) => x !== 'PartialEq' || trait !== 'Ord');
    for (const sup of supers) {
      const has = sup === 'Copy' ? (derives.includes('Copy') ? true : host.isCopy(self)) : implementsStd(self, sup, undefined, inImpl);
      if (has === false) return { code: 'E0277', message: `the trait bound \`${item.name}: ${sup}\` is not satisfied (\`#[derive(${trait})]\` needs it)` };
    }
    if (item.kind === 'union' && trait === 'Clone') continue; // a union's Clone copies it
    // A packed struct's derives (but `Default`, `Eq` and `Copy`) copy each field out of it, as no
    // reference to one may be taken, unless the struct derives `Copy` (they copy it whole then).
    if (packed && !derives.includes('Copy') && trait !== 'Default' && trait !== 'Eq' && trait !== 'Copy') {
      const moved = (fields ?? []).find((f) => host.isCopy(f) === false);
      if (moved) return { code: 'E0507', message: `\`#[derive(${trait})]\` on the packed struct \`${item.name}\` copies its fields, and one of type \`${host.text(moved)}\` is not \`Copy\`` };
    }
    for (const f of fields ?? []) {
      if (findInTy(f, (x) => (x.k === 'unknown' || x.k === 'error' || (x.k === 'adt' && !x.def.m.crate.isStd && expansionOf(x.def.item)) ? true : undefined))) continue;
      if (implementsStd(f, trait, undefined, inImpl) !== false) continue;
      // rustc's derived `PartialEq` compares the fields with `==` (E0369 where it is missing).
      const code = trait === 'Copy' ? 'E0204' : trait === 'PartialEq' ? 'E0369' : 'E0277';
      return { code, message: `\`#[derive(${trait})]\` on \`${item.name}\`: its field of type \`${host.text(f)}\` does not implement \`${trait}\`` };
    }
  }
  return undefined;
}
