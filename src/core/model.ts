/**
 * The source model: what `src/parse` extracts from a Rust file and what the layout engine
 * reads. Pure data, no behaviour, no dependency on tree-sitter or VS Code.
 *
 * Offsets are UTF-16 code units into the file text (what VS Code's `offsetAt` uses);
 * lines and columns are 0-based.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A constant expression as far as layout needs it (array lengths, discriminants). */
export type ConstExpr =
  | { readonly kind: 'int'; readonly value: bigint; readonly text: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | {
      readonly kind: 'path';
      readonly path: readonly string[];
      readonly text: string;
      /** Written with a leading `::`. */
      readonly global?: true;
      /** Written in parentheses (`(N)`): an expression, not the bare generic parameter rustc allows in a length. */
      readonly parenthesized?: true;
    }
  | { readonly kind: 'unary'; readonly op: '-' | '!'; readonly operand: ConstExpr }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^' | '<' | '>' | '<=' | '>=' | '==' | '!=' | '&&' | '||';
      readonly left: ConstExpr;
      readonly right: ConstExpr;
    }
  | { readonly kind: 'cast'; readonly expr: ConstExpr; readonly ty: TypeExpr }
  /**
   * `size_of::<T>()`, `align_of::<T>()`: a call of a path ending in these names; `callee` is the
   * path as written (std's function only if it resolves to it: the engine checks).
   */
  | { readonly kind: 'sizeOf' | 'alignOf'; readonly ty: TypeExpr; readonly callee: readonly string[]; /** Written with a leading `::`. */ readonly global?: true }
  /**
   * A function called by path (`u16::from_be(x)`, `u32::pow(2, 3)`, `gsz::<u64>()`); `text` as
   * written; `typeArgs`, a turbofish on the last segment.
   */
  | { readonly kind: 'call'; readonly callee: readonly string[]; readonly args: readonly ConstExpr[]; readonly text: string; readonly typeArgs?: readonly GenericArg[] }
  /** A method call (`0x0300u16.swap_bytes()`, `N.next_power_of_two()`); `text` as written. */
  | { readonly kind: 'method'; readonly receiver: ConstExpr; readonly name: string; readonly args: readonly ConstExpr[]; readonly text: string }
  | { readonly kind: 'if'; readonly cond: ConstExpr; readonly then: ConstExpr; readonly else: ConstExpr }
  /** `{ let x: u32 = V; let y = x - 1; y }`: a block of `let` statements, then its value. */
  | { readonly kind: 'block'; readonly lets: readonly ConstLet[]; readonly value: ConstExpr; readonly text: string }
  /** `match x { 0 => a, 1..=9 | 12 => b, _ => c }` (arms without guards). */
  | { readonly kind: 'match'; readonly scrutinee: ConstExpr; readonly arms: readonly ConstArm[]; readonly text: string }
  /** A string literal (`"héllo"`, `r#"a"#`) or a byte string (`b"xyz"`): its length in bytes (UTF-8). */
  | { readonly kind: 'str'; readonly len: number; readonly bytes: boolean; readonly text: string }
  /** An array expression, `[a, b, c]` (`elems`) or `[elem; count]` (`repeat`). */
  | { readonly kind: 'array'; readonly elems: readonly ConstExpr[]; readonly text: string }
  | { readonly kind: 'repeat'; readonly elem: ConstExpr; readonly count: ConstExpr; readonly text: string }
  /** `&expr`, of a string, an array or a repeat (other references are `unknown`). */
  | { readonly kind: 'ref'; readonly expr: ConstExpr; readonly text: string }
  | { readonly kind: 'unknown'; readonly text: string };

/** `let name: ty = value;` in a constant's block (`let mut` too: the block has no other statements). */
export interface ConstLet {
  readonly name: string;
  readonly ty?: TypeExpr;
  readonly value: ConstExpr;
}

/** A `match` arm: its patterns (more than one for `a | b`) and its value. */
export interface ConstArm {
  readonly pats: readonly ConstPat[];
  readonly value: ConstExpr;
}

/**
 * A pattern of a constant's `match`: `_`; a literal (`3`, `-1`, `'a'`, `true`); a range (`1..=9`,
 * `..=5`, `10..`, `1..5`) whose ends are literals or paths; a path (a constant, or a binding when
 * it is one identifier naming nothing); anything else is `unknown`.
 */
export type ConstPat =
  | { readonly kind: 'wild' }
  | { readonly kind: 'lit'; readonly value: ConstExpr }
  | { readonly kind: 'range'; readonly lo?: ConstExpr; readonly hi?: ConstExpr; readonly inclusive: boolean; readonly text: string }
  | { readonly kind: 'path'; readonly path: readonly string[]; readonly text: string; readonly global?: true }
  | { readonly kind: 'unknown'; readonly text: string };

export type GenericArg =
  | { readonly kind: 'type'; readonly ty: TypeExpr }
  | { readonly kind: 'const'; readonly value: ConstExpr }
  | { readonly kind: 'lifetime'; readonly name: string }
  /** `Iterator<Item = u8>` style bindings: irrelevant to layout, kept for completeness. */
  | { readonly kind: 'binding'; readonly name: string; readonly ty: TypeExpr };

export interface PathSegment {
  readonly name: string;
  /** Generic arguments written on this segment (`Vec<u8>` → [u8]); empty when none. */
  readonly args: readonly GenericArg[];
}

export type TypeExpr =
  | {
      readonly kind: 'path';
      /** `::std::vec::Vec<u8>` → ['std','vec','Vec']; `crate`, `self`, `super`, `Self` kept as segments. */
      readonly segments: readonly PathSegment[];
      /** Leading `::`. */
      readonly global: boolean;
      /** `<T as Trait>::Assoc` and the like (see `qself`). */
      readonly qualified?: boolean;
      /**
       * A qualified path's self type and trait (`<T as Trait>::Assoc`: T and `Trait`, the last
       * segment of the trait's path; `<T>::Assoc`: no trait). `segments` then holds the text in
       * brackets and the names after it.
       */
      readonly qself?: {
        readonly ty: TypeExpr;
        readonly trait?: string;
        /** The trait's written arguments name a lifetime or hold a reference or trait object (`Tr<'a>`, `Tr<&'static u8>`). */
        readonly traitRegions?: true;
        /** The generic arguments written on the trait's last segment (`<X as Add<Days>>`), when there are any. */
        readonly traitArgs?: readonly GenericArg[];
      };
      readonly span: Span;
    }
  /**
   * `&T`, `&'a mut T`; `elided` when no lifetime is written or it is `'_` (rustc's E0106 in a
   * type's definition); `lifetime`, the one written otherwise, unless it is `'static` (`'a`: the
   * definition must declare it, E0261).
   */
  | { readonly kind: 'ref'; readonly mutable: boolean; readonly inner: TypeExpr; readonly span: Span; readonly elided?: true; readonly lifetime?: string }
  | { readonly kind: 'ptr'; readonly mutable: boolean; readonly inner: TypeExpr; readonly span: Span }
  | { readonly kind: 'array'; readonly elem: TypeExpr; readonly len: ConstExpr; readonly span: Span }
  | { readonly kind: 'slice'; readonly elem: TypeExpr; readonly span: Span }
  /** `()` is a tuple with no elements. */
  | { readonly kind: 'tuple'; readonly elems: readonly TypeExpr[]; readonly span: Span }
  /** `fn(..) -> ..`, `unsafe extern "C" fn(..)`: always a thin, non-null pointer. */
  /**
   * `fn(u8, x: &u16) -> R`: `inner` holds the parameters' types and the return type (not a `!`),
   * where written, so a name found nowhere inside (`fn(Strng)`) is rustc's error, though the pointer
   * is 8 bytes whatever they are; `variadic` a `...` parameter (E0045 without a C-like ABI).
   */
  | {
      readonly kind: 'fnptr';
      readonly span: Span;
      /** Its parameters' types, then its return type's (unless none or `!`). */
      readonly inner?: readonly TypeExpr[];
      /** How many of `inner` are parameters (the rest is the return type). */
      readonly params?: number;
      /** `-> !`. */
      readonly retNever?: true;
      /** `unsafe fn`. */
      readonly unsafe?: true;
      /** `extern "ABI" fn` (`extern fn`: `C`). */
      readonly abi?: string;
      readonly variadic?: 'rust' | 'other';
      /** The lifetimes named in it that no `for<..>` inside it binds, in order, once each ('static and '_ left out). */
      readonly lifetimes?: readonly string[];
    }
  | { readonly kind: 'never'; readonly span: Span }
  /** `dyn Trait + Send`, or a bare trait object. Bound names are the written paths. */
  | {
      readonly kind: 'dyn';
      readonly bounds: readonly string[];
      /** Per trait bound, its generic arguments as written (`Item = u8`), '' where none; absent when no bound has any. */
      readonly args?: readonly string[];
      /**
       * The types written in it, bound by bound: generic arguments and bindings (`Item = u8`), then
       * an `Fn(..) -> R` signature's parameters and return type (not `!`). rustc refuses a name
       * found nowhere there (`dyn Fn() -> Strng`), though the object's size does not depend on it.
       */
      readonly inner?: readonly TypeExpr[];
      /** As fnptr's: `dyn Send + 'q`, `dyn Fn(&'e u8)`, `dyn Iterator<Item = &'v u8>`. */
      readonly lifetimes?: readonly string[];
      /** The lifetime written among its bounds (`dyn Any + 'a`: `'a`), the object's own lifetime bound. */
      readonly objectLifetime?: string;
      /** A second lifetime written among its bounds (`dyn Tr + 'a + 'b`): rustc's E0226. */
      readonly secondLifetime?: string;
      /**
       * Its `Fn(..) -> R` sugar, bound by bound: where the signature's parameters start in `inner`,
       * how many there are, and whether a return type (not `!`) follows them there.
       */
      readonly fnSugar?: readonly FnSugar[];
      /** Written without `dyn` (`Box<Fn(u8)>`, `Box<Tr + Send>`): rustc's E0782 from the 2021 edition on. */
      readonly bare?: true;
      readonly span: Span;
    }
  /** `impl Trait` (not allowed in fields, but may appear in half-typed code). */
  | { readonly kind: 'impl'; readonly span: Span }
  /** `_` */
  | { readonly kind: 'infer'; readonly span: Span }
  /**
   * A type position holding a macro invocation (`my_macro!(..)`). `pending`: the macro's crate is
   * still being read (the walk is made again once it is), and so the type is not known yet.
   */
  | { readonly kind: 'macro'; readonly text: string; readonly span: Span; readonly pending?: string }
  /** Anything the parser could not turn into one of the above (syntax errors, new syntax). */
  | { readonly kind: 'unknown'; readonly text: string; readonly span: Span };

/** One `Fn(..) -> R` bound of a trait object, as positions in its `inner` (TypeExpr `dyn`). */
export interface FnSugar {
  readonly at: number;
  readonly params: number;
  readonly ret: boolean;
}

export interface Attribute {
  /** `repr`, `cfg`, `derive`, `path`, `doc`, `cfg_attr`, … (the attribute's path as written). */
  readonly name: string;
  /** The whole text between `#[` and `]`. */
  readonly text: string;
  readonly span: Span;
}

/** A `#[cfg(...)]` predicate. */
export type CfgPredicate =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'keyValue'; readonly key: string; readonly value: string }
  | { readonly kind: 'all' | 'any'; readonly items: readonly CfgPredicate[] }
  | { readonly kind: 'not'; readonly item: CfgPredicate }
  | { readonly kind: 'unknown'; readonly text: string };

export type IntTy = 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'usize' | 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'isize';

/** All `#[repr(...)]` attributes of an item, merged. */
export interface Repr {
  readonly c: boolean;
  readonly transparent: boolean;
  /** `packed` is `packed(1)`. */
  readonly packed?: number;
  readonly align?: number;
  readonly int?: IntTy;
  readonly simd: boolean;
  /** Hints the parser did not understand (e.g. `repr(foo)`), kept verbatim. */
  readonly unknown: readonly string[];
  /** `repr(Rust)`: the default, spelled out. */
  readonly rust?: boolean;
  /**
   * Hints rustc refuses: `packed(1), packed(2)` (E0634), `transparent` twice (E0692), an
   * alignment or packing that is not a power of two (E0589), `align = "8"` (E0693).
   */
  readonly conflict?: 'E0634' | 'E0692' | 'E0589' | 'E0693' | 'E0552' | 'E0565' | 'E0539';
}

export type GenericParam =
  | {
      readonly kind: 'type';
      readonly name: string;
      /** `T: ?Sized` (inline or in a where clause). */
      readonly maybeUnsized: boolean;
      readonly default?: TypeExpr;
      /**
       * The trait bounds written with generic arguments (`U: ArrayLength<T>`, inline then in the
       * where clause): a projection `U::ArrayType` is the impl of that trait with those arguments.
       */
      readonly bounds?: readonly TypeExpr[];
      /**
       * The paths of the trait bounds written without generic arguments, inline then in the where
       * clause, spaces and `r#` left out (`T: ArchivePointee + ?Sized` → `ArchivePointee`,
       * `I: std::iter::Iterator` → `std::iter::Iterator`; `?Sized`, lifetimes and `Fn(..)` bounds
       * left out): `T::ArchivedMetadata` is then that trait's associated type.
       */
      readonly traits?: readonly string[];
      /**
       * The bounds kept neither in `traits` nor in `bounds`, as written (`Fn(T, T) -> T`,
       * `for<'a> Fn(&'a u8)`, `(Tr)`): src/core/bounds.ts decides the `Fn` family's, where it can.
       */
      readonly otherBounds?: readonly string[];
      /** A where clause bounds a projection of it (`where T::Out: Sized`): those bounds are not kept. */
      readonly projectionBounds?: true;
      /** `T: 'static` (inline or in a where clause): an argument naming a lifetime parameter is refused. */
      readonly staticBound?: true;
      /** The other lifetimes it is bounded by (`T: 'a`, inline or in a where clause). */
      readonly outlives?: readonly string[];
      /** Its `Fn(..) -> R` bounds (in `otherBounds` as written), read (tree extractor only). */
      readonly fnBounds?: readonly FnBound[];
    }
  | { readonly kind: 'const'; readonly name: string; readonly ty: TypeExpr; readonly default?: ConstExpr }
  /**
   * `outlivesStatic`: `'a: 'static`, inline or in a where clause, or through another parameter that
   * does (`'b: 'a`, `'a: 'static`); `outlives`: the other lifetimes it is bounded by (`'b: 'a`).
   */
  | { readonly kind: 'lifetime'; readonly name: string; readonly outlivesStatic?: true; readonly outlives?: readonly string[] };

export interface ItemCommon {
  readonly name: string;
  readonly nameSpan: Span;
  /** The item's whole text, attributes and doc comments included. */
  readonly span: Span;
  /** 0-based line of the name. */
  readonly line: number;
  /** `pub`, `pub(crate)`, … or undefined for private. */
  readonly vis?: string;
  readonly attrs: readonly Attribute[];
  /** Every `#[cfg(..)]` on the item (all must hold). */
  readonly cfg: readonly CfgPredicate[];
}

export interface FieldDef {
  /** Named field's name, or "0", "1", … for tuple fields. */
  readonly name: string;
  /** Span of the field name (for tuple fields, of the type). */
  readonly nameSpan: Span;
  /** The whole field, from its first attribute/doc comment to the end of its type (no comma). */
  readonly span: Span;
  readonly ty: TypeExpr;
  readonly vis?: string;
  readonly attrs: readonly Attribute[];
  readonly cfg: readonly CfgPredicate[];
}

export type Shape = 'named' | 'tuple' | 'unit';

export interface VariantDef {
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
  readonly line: number;
  readonly shape: Shape;
  readonly fields: readonly FieldDef[];
  readonly discriminant?: ConstExpr;
  readonly attrs: readonly Attribute[];
  readonly cfg: readonly CfgPredicate[];
  /** A visibility written on the variant (`pub A(u8)`): rustc refuses it (E0449). */
  readonly vis?: string;
}

export interface Generics {
  readonly params: readonly GenericParam[];
  /**
   * `where` predicates on other types than the parameters (`where Vec<T>: Clone`, `where u8:
   * From<T>`): the type and its trait bounds, plain (`traits`, as in GenericParam) and with
   * arguments (`bounds`); on a projection of a parameter (`T::Out: Copy`, `projection`); on a
   * higher-ranked type (`for<'a> &'a T: Tr`, `higherRanked`). Lifetime predicates are not kept.
   */
  readonly predicates?: readonly WherePredicate[];
  /**
   * `where` clauses bounding another type than a parameter by lifetimes (`where Vec<T>: 'static`,
   * `where T::Out: 'a`, `where &'a T: 'b`): the type and the lifetimes (`'static` included), as
   * rustc checks them at each use (src/core/lifetimes.ts).
   */
  readonly outlivesPredicates?: readonly { readonly ty: TypeExpr; readonly lifetimes: readonly string[] }[];
  /**
   * A bound the model does not keep is written (`F: FnOnce() -> O`, `for<'a> Fn(&'a T)`, a
   * predicate on a higher-ranked type): it may constrain a parameter no field uses (rustc's
   * E0392 is then not given; src/core/definitionChecks.ts).
   */
  readonly opaqueBounds?: true;
  /**
   * The first lifetime the parameters' list or the where clauses name (`T: 'c`, `'a: 'b`,
   * `where 'a: 'z`, `F: Iterator<Item = &'w u8>`) that neither the item declares nor a `for<..>`
   * there binds: rustc's E0261. Set by the extractors of type items only.
   */
  readonly undeclaredLifetime?: string;
  /** A `?Trait` bound on another trait than `Sized` (`T: ?Clone`), as written: rustc refuses it. */
  readonly relaxedBound?: string;
  /**
   * The types written in the `Fn(..) -> R` signatures of the bounds (`F: Fn(Strng)`), kept by the
   * tree extractor (the fast path leaves such items to it): rustc refuses a name found nowhere there.
   */
  readonly boundTypes?: readonly TypeExpr[];
}

/** A bound of the `Fn` family written with its sugar (`FnMut(&T) -> bool`, `for<'a> Fn(&'a u8)`). */
export interface FnBound {
  /** As in `otherBounds`. */
  readonly text: string;
  readonly trait: 'Fn' | 'FnMut' | 'FnOnce';
  readonly params: readonly TypeExpr[];
  /** Its return type (none: `()`). */
  readonly ret?: TypeExpr;
}

export interface WherePredicate {
  readonly ty: TypeExpr;
  readonly traits?: readonly string[];
  /** As GenericParam's `otherBounds`. */
  readonly otherBounds?: readonly string[];
  readonly bounds?: readonly TypeExpr[];
  /** `for<'a> &'a T: Tr`: `ty` is the type under the binder; only a certain "no" decides it. */
  readonly higherRanked?: true;
  /** `T::Out: Copy`, `<T as D>::Out: Copy` (the parameter has `projectionBounds`): checked only for a use with arguments. */
  readonly projection?: true;
}

export interface StructDef extends ItemCommon {
  readonly kind: 'struct';
  readonly shape: Shape;
  readonly generics: Generics;
  readonly repr: Repr;
  readonly fields: readonly FieldDef[];
  /** Span of the field list's braces/parens (for edits); undefined for unit structs. */
  readonly bodySpan?: Span;
  /**
   * Set when tree-sitter found a syntax error (an ERROR or a MISSING node) inside the definition:
   * what it found ("missing `>`"). Half-typed code: the type is not laid out, since what
   * tree-sitter recovered is a guess at what will be written.
   */
  readonly syntaxError?: string;
  /**
   * A field named by a word that is a keyword from the 2018 edition on (`async`, `await`, `dyn`,
   * `try`): a name in a 2015 crate, a syntax error in the others.
   */
  readonly editionKeyword?: string;
}

export interface UnionDef extends ItemCommon {
  readonly kind: 'union';
  readonly generics: Generics;
  readonly repr: Repr;
  readonly fields: readonly FieldDef[];
  readonly bodySpan?: Span;
  /**
   * Set when tree-sitter found a syntax error (an ERROR or a MISSING node) inside the definition:
   * what it found ("missing `>`"). Half-typed code: the type is not laid out, since what
   * tree-sitter recovered is a guess at what will be written.
   */
  readonly syntaxError?: string;
  /** As StructDef's. */
  readonly editionKeyword?: string;
}

export interface EnumDef extends ItemCommon {
  readonly kind: 'enum';
  readonly generics: Generics;
  readonly repr: Repr;
  readonly variants: readonly VariantDef[];
  readonly bodySpan?: Span;
  /**
   * Set when tree-sitter found a syntax error (an ERROR or a MISSING node) inside the definition:
   * what it found ("missing `>`"). Half-typed code: the type is not laid out, since what
   * tree-sitter recovered is a guess at what will be written.
   */
  readonly syntaxError?: string;
  /** As StructDef's. */
  readonly editionKeyword?: string;
}

export interface TypeAliasDef extends ItemCommon {
  readonly kind: 'alias';
  readonly generics: Generics;
  /** Undefined for a half-typed `type X;`. */
  readonly ty?: TypeExpr;
  /**
   * Set when tree-sitter found a syntax error (an ERROR or a MISSING node) inside the definition:
   * what it found ("missing `>`"). Half-typed code: the type is not laid out, since what
   * tree-sitter recovered is a guess at what will be written.
   */
  readonly syntaxError?: string;
}

export interface ConstDef extends ItemCommon {
  readonly kind: 'const' | 'static';
  readonly ty?: TypeExpr;
  readonly value?: ConstExpr;
  /** Half-typed code: what does not parse in the item (`const N: usize = 3` without its `;`); its value is not used. */
  readonly syntaxError?: string;
}

/** One flattened import of a `use` declaration. */
export interface UseEntry {
  /** `use a::b::{c as d}` → path ['a','b','c'], alias 'd'. `self` in a group is resolved away: `use a::{self}` → ['a']. */
  readonly path: readonly string[];
  readonly alias?: string;
  /** `use a::b::*` → path ['a','b'], glob true. */
  readonly glob: boolean;
  /** `use ::a` (leading `::`). */
  readonly global: boolean;
}

export interface UseDef {
  readonly kind: 'use';
  readonly entries: readonly UseEntry[];
  readonly vis?: string;
  readonly span: Span;
  readonly cfg: readonly CfgPredicate[];
}

/**
 * The name of the module a function body becomes when an impl is written in it
 * (src/parse/extract.ts `fnBodyItems`) starts with this: no path can name it, and its types are
 * local to the function (not reported as the crate's).
 */
export const FN_BODY_MODULE = '_#fn#';

/**
 * The modules that stand for blocks (a function body with an impl, an anonymous constant's block:
 * src/parse/extract.ts) have names starting with this. A block is not a module to rustc: `self`
 * and `super` written in one are those of the module around it.
 */
export const BLOCK_MODULE_PREFIX = '_#';

/**
 * The first segment of the `use ENCLOSING::*;` a block's module starts with (src/parse/extract.ts):
 * the module the block is written in, whose names the block sees. Only the extractor writes it.
 */
export const ENCLOSING = '_#enclosing';

export interface ModDef extends ItemCommon {
  readonly kind: 'mod';
  /** Items of an inline `mod m { ... }`; undefined for `mod m;` (file module). */
  readonly items?: readonly Item[];
  /** `#[path = "..."]` value, if any. */
  readonly pathAttr?: string;
  /** An inline module's inner attributes (`mod m { #![allow(..)] .. }`): lint levels. */
  readonly innerAttrs?: readonly Attribute[];
}

export interface ExternCrateDef {
  readonly kind: 'externCrate';
  readonly crate: string;
  readonly alias?: string;
  /** `pub extern crate typenum;` re-exports the crate: `generic_array::typenum::U5`. */
  readonly vis?: string;
  readonly span: Span;
  readonly cfg: readonly CfgPredicate[];
  /** `#[macro_use] extern crate x;`: x's exported macros are in scope everywhere. */
  readonly macroUse?: boolean;
}

/** A trait definition: only its name matters (for `dyn Trait` and for resolving names). */
export interface TraitDef extends ItemCommon {
  readonly kind: 'trait';
  /** Its associated types declared `?Sized` (`type Out: ?Sized;`): `T::Out` may be unsized. */
  readonly unsizedAssoc?: readonly string[];
  /** Its associated types declared `?Sized` with other bounds (`?Sized + Tr`), which may or may not imply Sized. */
  readonly unsureAssoc?: readonly string[];
  /**
   * Its supertraits written without generic arguments (`trait Sub: Sup + a::B`, and a where
   * clause's `Self: Sup`), as GenericParam.traits writes paths: a type that has the trait must have
   * these too (rustc refuses an impl otherwise, E0277).
   */
  readonly superTraits?: readonly string[];
  /** Its supertraits written with generic arguments (`trait BrotliAlloc: Allocator<u8>`), which may name `typeParams`. */
  readonly superBounds?: readonly TypeExpr[];
  /** The names of its type and const parameters, in order (kept when it has `superBounds`). */
  readonly typeParams?: readonly string[];
  /** `trait Tr: 'static` (or `where Self: 'static`): `dyn Tr + 'a` is refused (E0478). */
  readonly outlivesStatic?: true;
  /**
   * What its own items say of `dyn Trait` (rustc's dyn compatibility; its supertraits are the
   * engine's to follow): absent when the trait has no body items.
   */
  readonly dyn?: TraitDynFacts;
}

export interface TraitDynFacts {
  /**
   * Why rustc refuses `dyn Trait` (E0038), from the first item that makes it so: an associated
   * const, a generic associated type, a method that is generic, has no receiver, names `Self`
   * outside its receiver, is `async` or returns `impl Trait`, unless it says `where Self: Sized`.
   */
  readonly incompatible?: string;
  /** An item whose effect is not read (a macro call, a receiver type not judged): why. */
  readonly unsure?: string;
  /** Its associated types (not `where Self: Sized`), which `dyn Trait` must bind (E0191). */
  readonly assocTypes?: readonly string[];
  /**
   * `dyn Trait` written without arguments is refused: `missing` a type or const parameter without
   * a default (E0107), `selfDefault` one whose default names `Self` (E0393).
   */
  readonly needsArgs?: 'missing' | 'selfDefault';
}

/**
 * A free function the constant evaluator may meet: one named like std's (`size_of`, `align_of`),
 * which hides std's in the scope where it is seen, as in rustc; and every `const fn`, which a
 * constant may call (`[u8; twice(N)]`). Other functions are not recorded.
 */
export interface FnDef extends ItemCommon {
  readonly kind: 'fn';
  /** A `const fn` without const parameters (type parameters without bounds): its parameters, return type and body. */
  readonly constFn?: ConstFnDef;
}

export interface ConstFnDef {
  /** Its type parameters' names (`const fn gsz<T>()`), bound by a call's turbofish; absent when none. */
  readonly typeParams?: readonly string[];
  /** Each parameter's name (a plain identifier pattern) and type; undefined when one is of another form. */
  readonly params?: readonly { readonly name: string; readonly ty: TypeExpr }[];
  readonly ret?: TypeExpr;
  /** The body as one expression (`unknown` when it is more than one). */
  readonly body: ConstExpr;
}

/** An item-position macro invocation (`m! { .. }`, `a::m!(..);`): expanded by src/analysis/expand.ts. */
export interface MacroItem {
  readonly kind: 'macroCall';
  /** The macro's path as written, without `!` (`m`, `crate::m`, `$crate::m`). */
  readonly name: string;
  readonly span: Span;
  /** The tokens between the invocation's delimiters, as written. */
  readonly input: string;
  /** Where `input` starts in the file. */
  readonly inputStart: number;
  readonly attrs: readonly Attribute[];
  readonly cfg: readonly CfgPredicate[];
  /** Set by the module walk when the call could not be expanded: why (a type it may define says so). */
  readonly unexpanded?: string;
  /** `m!(..)` or `m![..]` at item position without a `;` after it, which rustc rejects. */
  readonly unterminated?: true;
}

/** `macro_rules! name { rules }`. */
export interface MacroRulesDef extends ItemCommon {
  readonly kind: 'macroRules';
  /** The rules: the text between the definition's outer delimiters. */
  readonly body: string;
  /** Where `body` starts in the file. */
  readonly bodyStart: number;
}

/**
 * An inherent `impl Type { .. }` block that defines associated constants (`[u8; Type::MAX]`), or
 * a trait impl: its associated types and constants, and whom it implements the trait for (a union
 * field must be Copy; a generic parameter's bound is checked against the impls, src/core/bounds.ts).
 * Other inherent impls, and trait impls of IMPLS_NOT_KEPT without associated items, are not
 * recorded (they carry nothing a layout reads).
 */
export interface ImplDef {
  readonly kind: 'impl';
  readonly selfTy: TypeExpr;
  readonly consts: readonly ConstDef[];
  /** `impl Copy for Type` (with `generics`, `hasWhere` and `boundsOthers` as written). */
  readonly copy?: boolean;
  /** `impl Clone for Type` (its `ToOwned::Owned` is then the type itself; generics as for `copy`). */
  readonly clone?: boolean;
  /**
   * An impl of one of the std traits a generic parameter's bound is checked for (src/core/bounds.ts):
   * the trait's last segment (`Default`, `Debug`, `PartialEq`, `Eq`, `PartialOrd`, `Ord`, `Hash`,
   * `Send`, `Sync`, `From`, `Into`), with `traitArgs` and `generics` where written.
   */
  readonly stdTrait?: string;
  /** A trait impl's trait: its path's last segment (`linked_list::Link<u8>` → `Link`). */
  readonly trait?: string;
  /** The trait's path as written, without spaces and generic arguments (`linked_list::Link`), when it has more than one segment. */
  readonly traitPath?: string;
  /** The trait's generic arguments as written (`impl<T> ArrayLength<T> for UTerm` → `T`). */
  readonly traitArgs?: readonly GenericArg[];
  /** The impl's own generic parameters (`impl<'a, T> … for Foo<'a, T>`). */
  readonly generics?: Generics;
  /** The impl has a `where` clause (its predicates on other types than its parameters are not kept). */
  readonly hasWhere?: true;
  /** Its `where` clause bounds other types than its parameters (`where Vec<T>: Clone`); kept on `Copy` and `Clone` impls only. */
  readonly boundsOthers?: true;
  /**
   * The associated types a trait impl defines (`type Text = str;`): a field typed `R::Text`, in a
   * type whose `R` is this impl's self type, has that type.
   */
  readonly types?: readonly TypeAliasDef[];
  /** Lint attributes written on the impl (`#[allow(overflowing_literals)]`), when it defines constants. */
  readonly attrs?: readonly Attribute[];
  readonly span: Span;
  readonly cfg: readonly CfgPredicate[];
}

/**
 * Traits whose impls the extractor does not keep unless they define associated types or
 * constants (src/parse/extract.ts): std's and the ecosystem's most implemented traits, which no
 * bound checked by src/core/bounds.ts asks for. A bound on a crate's own trait of such a name is
 * not checked (its impls may not be kept). `Display`, `Error`, the I/O traits, `AsRef`, `Borrow`,
 * `Extend`, `FromIterator` are kept: a bound asks for them of a crate's type (src/core/stdTraitRules.ts).
 */
export const IMPLS_NOT_KEPT: ReadonlySet<string> = new Set([
  'Drop', 'Serialize', 'Deserialize',
  'Binary', 'Octal', 'LowerHex', 'UpperHex', 'LowerExp', 'UpperExp', 'Pointer', 'Sum', 'Product', 'Unpin',
  'UnwindSafe', 'RefUnwindSafe', 'ToTokens', 'Parse', 'Visit', 'VisitMut', 'Fold',
]);

export type TypeItem = StructDef | UnionDef | EnumDef;
export type Item = TypeItem | TypeAliasDef | ConstDef | UseDef | ModDef | ExternCrateDef | TraitDef | FnDef | MacroItem | MacroRulesDef | ImplDef;

export interface SyntaxProblem {
  readonly message: string;
  readonly span: Span;
  /** Set when tree-sitter gave up on the whole text (see `abandonedParse` in src/parse/parser.ts). */
  readonly code?: 'parseAbandoned';
}

/** One parsed file. */
export interface SourceFile {
  /** Path as given (crate-relative or absolute), or a URI string in the editor. */
  readonly path: string;
  readonly items: readonly Item[];
  /** ERROR and MISSING nodes found at item level. */
  readonly problems: readonly SyntaxProblem[];
  /** Inner attributes at the top (`#![no_std]`, `#![cfg(..)]`…): names only. */
  readonly innerAttrs: readonly Attribute[];
}

/**
 * A copy of `s` that does not share its characters with a longer string. V8 keeps a substring
 * of 13 or more characters as a view into its parent, so a name or type text sliced from a
 * document keeps the whole document alive for as long as the model or report holding it.
 */
export function ownString(s: string): string {
  // Slicing a fresh concatenation flattens it into a string of its own first.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
