/**
 * The standard library types, written as Rust definitions that mirror the *structure* of
 * rustc 1.95's std/core/alloc (field types, `?Sized` tails, `UnsafeCell`, valid-range
 * attributes) so that the ordinary layout algorithm computes their size, alignment and niche.
 * Field names are ours; only the shapes matter. Comments name the std source file a model follows
 * where the shape is not the public type's own fields (a `sys` implementation, a dependency).
 * Every public type here is checked against the real compiler by test/unit/stdModel.test.ts
 * (x86_64-unknown-linux-gnu, with representative arguments).
 *
 * Attributes understood by the engine:
 *  - `#[rustc_layout_scalar_valid_range_start(N)]` / `_end(N)`: as in rustc (NonNull, NonZero…)
 *  - `#[lang = "unsafe_cell"]`: hides niches (UnsafeCell)
 *  - `#[rll_os]`: implementation depends on the OS; laid out only for 64-bit Linux targets;
 *    `#[rll_os(linux64, windows64, apple64)]`: modelled for those std flavors (src/core/targets.ts),
 *    with `#[cfg]` variants where they differ; `#[rll_os(std)]`: the same on every OS, but only
 *    where the target has std
 *  - `#[rll_atomic(N)]`: exists only where the target has N-byte atomics
 *  - `#[rll_to_owned]`: the `<B as ToOwned>::Owned` type of its argument (for Cow)
 *  - `#[derive(Copy)]` as in std (the engine's union-field rule reads it; other std types are not
 *    Copy, except the unconditional impls tabled in the engine); `#[rll_copy_unknown]`: Copy under
 *    a bound the engine does not check (Exclusive: T: Sync)
 *  - `#[rll_assoc(Name)]`: the associated type `Name` of its argument (`Item`, `IntoIter`,
 *    `Searcher`, `Discriminant`), taken from the `Type__Name` alias written beside a std type
 *    (see Engine.assocType); other types' associated types are not known
 *  - `#[rll_simd]`: the `repr(align(N))` beside it stands for `repr(simd)`'s alignment, which is
 *    not a `repr(align)` to rustc's E0588 check (a packed struct may hold `__m128i`)
 *  - `#[rll_atomic_alias]`: std writes its atomic fields as `Atomic<T>`, an alias of a projection
 *    (`<T as AtomicPrimitive>::AtomicInner`), which rustc's E0588 walk does not follow (a packed
 *    struct may hold a `Mutex`, though a `Mutex` holds an `AtomicU32`)
 *
 * Private items (`mod sys`, `mod hashbrown`, fields' helper types) are implementation details;
 * the public ones are the types users name.
 */
export const STD_SOURCE = String.raw`
pub mod marker {
    pub struct PhantomData<T: ?Sized>;
    #[derive(Clone, Copy)]
    pub struct PhantomPinned;
    // core/marker/variance.rs (unstable phantom_variance_markers)
    #[repr(transparent)] pub struct PhantomCovariant<T: ?Sized>(PhantomData<fn() -> T>);
    #[repr(transparent)] pub struct PhantomContravariant<T: ?Sized>(PhantomData<fn(T)>);
    #[repr(transparent)] pub struct PhantomInvariant<T: ?Sized>(PhantomData<fn(T) -> T>);
    #[repr(transparent)] pub struct PhantomCovariantLifetime<'a>(PhantomCovariant<&'a ()>);
    #[repr(transparent)] pub struct PhantomContravariantLifetime<'a>(PhantomContravariant<&'a ()>);
    #[repr(transparent)] pub struct PhantomInvariantLifetime<'a>(PhantomInvariant<&'a ()>);
}
pub mod mem {
    // core/mem/maybe_dangling.rs
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct MaybeDangling<P: ?Sized>(P);
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct ManuallyDrop<T: ?Sized> { value: MaybeDangling<T> }
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub union MaybeUninit<T> { uninit: (), value: ManuallyDrop<T> }
    // core/mem/mod.rs: <T as DiscriminantKind>::Discriminant (an enum's repr integer, isize without one; u8 for other types)
    pub struct Discriminant<T>(crate::assoc::DiscriminantOf<T>);
    // core/mem/transmutability.rs (unstable transmutability)
    #[derive(Clone, Copy)]
    pub struct Assume { pub alignment: bool, pub lifetimes: bool, pub safety: bool, pub validity: bool }
    // core/mem/drop_guard.rs (unstable drop_guard): ManuallyDrop fields
    pub struct DropGuard<T, F> { inner: ManuallyDrop<T>, f: ManuallyDrop<F> }
}
/// Associated types of std traits, resolved by the engine (rll_assoc): see Engine.assocType.
mod assoc {
    #[rll_assoc(Item)]
    pub struct ItemOf<I>(I);
    #[rll_assoc(IntoIter)]
    pub struct IntoIterOf<I>(I);
    #[rll_assoc(Searcher)]
    pub struct SearcherOf<P>(P);
    #[rll_assoc(Discriminant)]
    pub struct DiscriminantOf<T>(T);
    #[rll_assoc(Err)]
    pub struct ErrOf<T>(T);
    // What a reference points to (&T: T), the Item of Copied and Cloned.
    #[rll_assoc(Pointee)]
    pub struct PointeeOf<P>(P);
    // FromStr impls of primitives (core/num, core/str/traits.rs, core/char): <T as FromStr>::Err
    type i8__Err<S> = crate::num::ParseIntError;
    type i16__Err<S> = crate::num::ParseIntError;
    type i32__Err<S> = crate::num::ParseIntError;
    type i64__Err<S> = crate::num::ParseIntError;
    type i128__Err<S> = crate::num::ParseIntError;
    type isize__Err<S> = crate::num::ParseIntError;
    type u8__Err<S> = crate::num::ParseIntError;
    type u16__Err<S> = crate::num::ParseIntError;
    type u32__Err<S> = crate::num::ParseIntError;
    type u64__Err<S> = crate::num::ParseIntError;
    type u128__Err<S> = crate::num::ParseIntError;
    type usize__Err<S> = crate::num::ParseIntError;
    type f32__Err<S> = crate::num::ParseFloatError;
    type f64__Err<S> = crate::num::ParseFloatError;
    type bool__Err<S> = crate::str::ParseBoolError;
    type char__Err<S> = crate::char::ParseCharError;
    // Pattern impls of non-ADT types (core/str/pattern.rs): <P as Pattern>::Searcher<'a>
    type char__Searcher<S> = crate::str::pattern::CharSearcher<'static>;
    type ref_str__Searcher<S> = crate::str::pattern::StrSearcher<'static, 'static>;
    type ref_ref_str__Searcher<S> = crate::str::pattern::StrSearcher<'static, 'static>;
    type ref_slice_char__Searcher<S> = crate::str::pattern::MultiCharEqSearcher<'static, S>;
    type fnptr__Searcher<S> = crate::str::pattern::CharPredicateSearcher<'static, S>;
    // [char; N], &[char; N] and &[char] search through MultiCharEqSearcher (CharArraySearcher and the others are newtypes of it)
    type array_char__Searcher<S> = crate::str::pattern::MultiCharEqSearcher<'static, S>;
    type ref_array_char__Searcher<S> = crate::str::pattern::MultiCharEqSearcher<'static, S>;
    // IntoIterator of slices and arrays, by shape (core/slice/iter.rs, core/array/iter.rs)
    type ref_slice__IntoIter<T> = crate::slice::Iter<'static, T>;
    type mut_slice__IntoIter<T> = crate::slice::IterMut<'static, T>;
    type array__IntoIter<T, const N: usize> = crate::array::IntoIter<T, N>;
    type ref_array__IntoIter<T, const N: usize> = crate::slice::Iter<'static, T>;
    type mut_array__IntoIter<T, const N: usize> = crate::slice::IterMut<'static, T>;
}
pub mod cell {
    use crate::option::Option;
    #[lang = "unsafe_cell"]
    #[repr(transparent)]
    pub struct UnsafeCell<T: ?Sized> { value: T }
    #[repr(transparent)]
    pub struct SyncUnsafeCell<T: ?Sized> { value: UnsafeCell<T> }
    #[repr(transparent)]
    pub struct Cell<T: ?Sized> { value: UnsafeCell<T> }
    pub struct RefCell<T: ?Sized> { borrow: Cell<isize>, value: UnsafeCell<T> }
    pub struct BorrowError;
    pub struct BorrowMutError;
    struct BorrowRef<'b> { borrow: &'b Cell<isize> }
    struct BorrowRefMut<'b> { borrow: &'b Cell<isize> }
    pub struct Ref<'b, T: ?Sized + 'b> { value: crate::ptr::NonNull<T>, borrow: BorrowRef<'b> }
    pub struct RefMut<'b, T: ?Sized> { value: crate::ptr::NonNull<T>, borrow: BorrowRefMut<'b>, marker: crate::marker::PhantomData<&'b mut T> }
    pub struct OnceCell<T> { inner: UnsafeCell<Option<T>> }
    pub struct LazyCell<T, F = fn() -> T> { state: UnsafeCell<LazyState<T, F>> }
    enum LazyState<T, F> { Uninit(F), Init(T), Poisoned }
}
pub mod ptr {
    #[rustc_layout_scalar_valid_range_start(1)]
    #[repr(transparent)]
    pub struct NonNull<T: ?Sized> { pointer: *const T }
    #[repr(transparent)]
    pub(crate) struct Unique<T: ?Sized> { pointer: NonNull<T>, marker: crate::marker::PhantomData<T> }
    // core/ptr/metadata.rs (unstable ptr_metadata): a vtable pointer
    struct VTable;
    pub struct DynMetadata<Dyn: ?Sized> { vtable_ptr: NonNull<VTable>, phantom: crate::marker::PhantomData<Dyn> }
    // core/ptr/alignment.rs (unstable ptr_alignment_type): a repr(usize) enum of the powers of two,
    // whose valid range is 1..=the largest power
    #[cfg(target_pointer_width = "64")]
    #[rustc_layout_scalar_valid_range_start(1)]
    #[rustc_layout_scalar_valid_range_end(9223372036854775808)]
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct Alignment(usize);
    #[cfg(target_pointer_width = "32")]
    #[rustc_layout_scalar_valid_range_start(1)]
    #[rustc_layout_scalar_valid_range_end(2147483648)]
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct Alignment(usize);
}
pub mod num {
    // core/num/nonzero.rs + niche_types.rs: NonZero<T>(T::NonZeroInner), a pattern type excluding 0
    #[rustc_layout_scalar_valid_range_start(1)]
    #[repr(transparent)]
    struct NonZeroInner<T>(T);
    #[repr(transparent)]
    pub struct NonZero<T>(NonZeroInner<T>);
    pub type NonZeroU8 = NonZero<u8>;
    pub type NonZeroU16 = NonZero<u16>;
    pub type NonZeroU32 = NonZero<u32>;
    pub type NonZeroU64 = NonZero<u64>;
    pub type NonZeroU128 = NonZero<u128>;
    pub type NonZeroUsize = NonZero<usize>;
    pub type NonZeroI8 = NonZero<i8>;
    pub type NonZeroI16 = NonZero<i16>;
    pub type NonZeroI32 = NonZero<i32>;
    pub type NonZeroI64 = NonZero<i64>;
    pub type NonZeroI128 = NonZero<i128>;
    pub type NonZeroIsize = NonZero<isize>;
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct Wrapping<T>(pub T);
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct Saturating<T>(pub T);
    pub struct ParseIntError { kind: IntErrorKind }
    #[derive(Clone, Copy)]
    pub enum IntErrorKind { Empty, InvalidDigit, PosOverflow, NegOverflow, Zero }
    pub struct ParseFloatError { kind: FloatErrorKind }
    enum FloatErrorKind { Empty, Invalid }
    #[derive(Clone, Copy)]
    pub struct TryFromIntError(());
    #[derive(Clone, Copy)]
    pub enum FpCategory { Nan, Infinite, Zero, Subnormal, Normal }
}
pub mod option {
    #[derive(Clone, Copy)]
    pub enum Option<T> { None, Some(T) }
    // core/option.rs
    struct Item<A> { opt: Option<A> }
    pub struct Iter<'a, A> { inner: Item<&'a A> }
    pub struct IterMut<'a, A> { inner: Item<&'a mut A> }
    pub struct IntoIter<A> { inner: Item<A> }
    pub struct OptionFlatten<A> { iter: Option<A> }
    type Iter__Item<'a, A> = &'a A;
    type IterMut__Item<'a, A> = &'a mut A;
    type IntoIter__Item<A> = A;
    type Option__IntoIter<T> = IntoIter<T>;
    type ref_Option__IntoIter<T> = Iter<'static, T>;
    type mut_Option__IntoIter<T> = IterMut<'static, T>;
}
pub mod result {
    #[derive(Clone, Copy)]
    pub enum Result<T, E> { Ok(T), Err(E) }
    pub struct Iter<'a, T> { inner: crate::option::Option<&'a T> }
    pub struct IterMut<'a, T> { inner: crate::option::Option<&'a mut T> }
    pub struct IntoIter<T> { inner: crate::option::Option<T> }
    type Iter__Item<'a, T> = &'a T;
    type IterMut__Item<'a, T> = &'a mut T;
    type IntoIter__Item<T> = T;
    type Result__IntoIter<T, E> = IntoIter<T>;
}
pub mod cmp {
    #[repr(i8)]
    #[derive(Clone, Copy)]
    pub enum Ordering { Less = -1, Equal = 0, Greater = 1 }
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct Reverse<T>(pub T);
}
pub mod convert {
    #[derive(Clone, Copy)]
    pub enum Infallible {}
}
pub mod ops {
    pub struct Range<Idx> { pub start: Idx, pub end: Idx }
    pub struct RangeFrom<Idx> { pub start: Idx }
    #[derive(Clone, Copy)]
    pub struct RangeTo<Idx> { pub end: Idx }
    #[derive(Clone, Copy)]
    pub struct RangeFull;
    pub struct RangeInclusive<Idx> { start: Idx, end: Idx, exhausted: bool }
    #[derive(Clone, Copy)]
    pub struct RangeToInclusive<Idx> { pub end: Idx }
    #[derive(Clone, Copy)]
    pub enum Bound<T> { Included(T), Excluded(T), Unbounded }
    #[derive(Clone, Copy)]
    pub enum ControlFlow<B, C = ()> { Continue(C), Break(B) }
    #[derive(Clone, Copy)]
    pub enum CoroutineState<Y, R> { Yielded(Y), Complete(R) }
    pub struct Yeet<T>(pub T);
    pub enum OneSidedRangeBound { StartInclusive, End, EndInclusive }
    type Range__Item<Idx> = Idx;
    type RangeFrom__Item<Idx> = Idx;
    type RangeInclusive__Item<Idx> = Idx;
    // core/ops/index_range.rs
    pub(crate) struct IndexRange { start: usize, end: usize }
}
/// core/range.rs and core/range/iter.rs (the new Copy ranges)
pub mod range {
    #[derive(Clone, Copy)]
    pub struct Range<Idx> { pub start: Idx, pub end: Idx }
    #[derive(Clone, Copy)]
    pub struct RangeInclusive<Idx> { pub start: Idx, pub last: Idx }
    #[derive(Clone, Copy)]
    pub struct RangeFrom<Idx> { pub start: Idx }
    #[derive(Clone, Copy)]
    pub struct RangeToInclusive<Idx> { pub last: Idx }
    pub struct RangeIter<A>(crate::ops::Range<A>);
    pub struct RangeInclusiveIter<A>(crate::ops::RangeInclusive<A>);
    pub struct RangeFromIter<A> { start: A, first: bool }
    type RangeIter__Item<A> = A;
    type RangeInclusiveIter__Item<A> = A;
    type RangeFromIter__Item<A> = A;
    pub mod legacy {
        pub use crate::ops::{Range, RangeFrom, RangeInclusive, RangeToInclusive};
    }
}
pub mod index {
    pub struct Clamp<Idx>(pub Idx);
    pub struct Last;
}
pub mod hint {
    #[derive(Clone, Copy)]
    pub enum Locality { L3, L2, L1 }
}
pub mod time {
    #[rustc_layout_scalar_valid_range_start(0)]
    #[rustc_layout_scalar_valid_range_end(999999999)]
    #[repr(transparent)]
    struct Nanoseconds(u32);
    #[derive(Clone, Copy)]
    pub struct Duration { secs: u64, nanos: Nanoseconds }
    pub struct TryFromFloatSecsError { kind: TryFromFloatSecsErrorKind }
    enum TryFromFloatSecsErrorKind { Negative, OverflowOrNan }
    // std/sys/pal/unix/time.rs: Linux and Apple share the Timespec (Apple reads another clock)
    #[rll_os(linux64, apple64)]
    #[derive(Clone, Copy)]
    pub(crate) struct Timespec { tv_sec: i64, tv_nsec: Nanoseconds }
    // std/sys/time/unix.rs; std/sys/time/windows.rs: an Instant is a Duration since an arbitrary
    // epoch, a SystemTime a FILETIME (two u32 halves, windows-sys)
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(windows))]
    #[derive(Clone, Copy)]
    pub struct Instant(Timespec);
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(windows)]
    #[derive(Clone, Copy)]
    pub struct Instant(Duration);
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(windows))]
    #[derive(Clone, Copy)]
    pub struct SystemTime(Timespec);
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(windows)]
    #[derive(Clone, Copy)]
    pub struct SystemTime(crate::sys::FILETIME);
    pub struct SystemTimeError(Duration);
}
pub mod alloc {
    #[derive(Clone, Copy)]
    pub struct Global;
    #[derive(Clone, Copy)]
    pub struct System;
    #[derive(Clone, Copy)]
    pub struct Layout { size: usize, align: crate::ptr::Alignment }
    pub struct LayoutError;
    pub type LayoutErr = LayoutError;
    #[derive(Clone, Copy)]
    pub struct AllocError;
}
mod raw_vec {
    #[cfg(target_pointer_width = "64")]
    #[rustc_layout_scalar_valid_range_end(9223372036854775807)]
    #[repr(transparent)]
    pub struct Cap(usize);
    #[cfg(target_pointer_width = "32")]
    #[rustc_layout_scalar_valid_range_end(2147483647)]
    #[repr(transparent)]
    pub struct Cap(usize);
    pub struct RawVecInner<A = crate::alloc::Global> { ptr: crate::ptr::Unique<u8>, cap: Cap, alloc: A }
    pub struct RawVec<T, A = crate::alloc::Global> { inner: RawVecInner<A>, marker: crate::marker::PhantomData<T> }
}
pub mod boxed {
    pub struct Box<T: ?Sized, A = crate::alloc::Global>(crate::ptr::Unique<T>, A);
    // alloc/boxed/thin.rs
    #[repr(transparent)]
    struct WithOpaqueHeader(crate::ptr::NonNull<u8>);
    pub struct ThinBox<T: ?Sized> { ptr: WithOpaqueHeader, marker: crate::marker::PhantomData<T> }
    type Box__IntoIter<T, A> = crate::assoc::IntoIterOf<T>;
}
pub mod vec {
    use crate::alloc::Global;
    use crate::ptr::NonNull;
    use crate::assoc::ItemOf;
    pub struct Vec<T, A = Global> { buf: crate::raw_vec::RawVec<T, A>, len: usize }
    pub struct IntoIter<T, A = Global> {
        buf: NonNull<T>,
        phantom: crate::marker::PhantomData<T>,
        cap: usize,
        alloc: crate::mem::ManuallyDrop<A>,
        ptr: NonNull<T>,
        end: *const T,
    }
    pub struct Drain<'a, T, A = Global> { tail_start: usize, tail_len: usize, iter: crate::slice::Iter<'a, T>, vec: NonNull<Vec<T, A>> }
    pub struct ExtractIf<'a, T, F, A = Global> { vec: &'a mut Vec<T, A>, idx: usize, end: usize, del: usize, old_len: usize, pred: F }
    pub struct Splice<'a, I: Iterator, A = Global> { drain: Drain<'a, ItemOf<I>, A>, replace_with: I }
    pub struct PeekMut<'a, T, A = Global> { vec: &'a mut Vec<T, A> }
    type IntoIter__Item<T, A> = T;
    type Drain__Item<'a, T, A> = T;
    type Vec__IntoIter<T, A> = IntoIter<T, A>;
    type ref_Vec__IntoIter<T, A> = crate::slice::Iter<'static, T>;
    type mut_Vec__IntoIter<T, A> = crate::slice::IterMut<'static, T>;
}
pub mod string {
    pub struct String { vec: crate::vec::Vec<u8> }
    type String__Err = crate::convert::Infallible;
    pub type ParseError = crate::convert::Infallible;
    pub struct FromUtf8Error { bytes: crate::vec::Vec<u8>, error: crate::str::Utf8Error }
    pub struct FromUtf16Error(());
    pub struct Drain<'a> { string: *mut String, start: usize, end: usize, iter: crate::str::Chars<'a> }
    pub struct IntoChars { bytes: crate::vec::IntoIter<u8> }
    type Drain__Item<'a> = char;
    type IntoChars__Item = char;
    type ref_String__Searcher = crate::str::pattern::StrSearcher<'static, 'static>;
}
pub mod str {
    use crate::assoc::SearcherOf;
    use crate::iter::{Filter, Map, Chain, Flatten, FlatMap, Copied};
    #[derive(Clone, Copy)]
    pub struct Utf8Error { valid_up_to: usize, error_len: crate::option::Option<u8> }
    pub struct ParseBoolError;
    pub struct Chars<'a> { iter: crate::slice::Iter<'a, u8> }
    pub struct CharIndices<'a> { front_offset: usize, iter: Chars<'a> }
    pub struct Bytes<'a>(Copied<crate::slice::Iter<'a, u8>>);
    type Chars__Item<'a> = char;
    type CharIndices__Item<'a> = (usize, char);
    type Bytes__Item<'a> = u8;
    // core/str/iter.rs: the pattern iterators hold the pattern's searcher, <P as Pattern>::Searcher<'a>
    struct SplitInternal<'a, P> { start: usize, end: usize, matcher: SearcherOf<P>, allow_trailing_empty: bool, finished: bool }
    struct SplitNInternal<'a, P> { iter: SplitInternal<'a, P>, count: usize }
    struct MatchIndicesInternal<'a, P>(SearcherOf<P>);
    struct MatchesInternal<'a, P>(SearcherOf<P>);
    pub struct Split<'a, P: Pattern>(SplitInternal<'a, P>);
    pub struct RSplit<'a, P: Pattern>(SplitInternal<'a, P>);
    pub struct SplitTerminator<'a, P: Pattern>(SplitInternal<'a, P>);
    pub struct RSplitTerminator<'a, P: Pattern>(SplitInternal<'a, P>);
    pub struct SplitInclusive<'a, P: Pattern>(SplitInternal<'a, P>);
    pub struct SplitN<'a, P: Pattern>(SplitNInternal<'a, P>);
    pub struct RSplitN<'a, P: Pattern>(SplitNInternal<'a, P>);
    pub struct MatchIndices<'a, P: Pattern>(MatchIndicesInternal<'a, P>);
    pub struct RMatchIndices<'a, P: Pattern>(MatchIndicesInternal<'a, P>);
    pub struct Matches<'a, P: Pattern>(MatchesInternal<'a, P>);
    pub struct RMatches<'a, P: Pattern>(MatchesInternal<'a, P>);
    type Split__Item<'a, P> = &'a str;
    type SplitInclusive__Item<'a, P> = &'a str;
    // core/str/mod.rs: nameable closures (impl_fn_for_zst!), zero-sized
    struct LinesMap;
    struct CharEscapeDebugContinue;
    struct CharEscapeUnicode;
    struct CharEscapeDefault;
    struct IsWhitespace;
    struct IsAsciiWhitespace;
    struct IsNotEmpty;
    struct BytesIsNotEmpty;
    struct UnsafeBytesToStr;
    type IsWhitespace__Searcher = pattern::CharPredicateSearcher<'static, IsWhitespace>;
    pub struct Lines<'a>(Map<SplitInclusive<'a, char>, LinesMap>);
    pub struct LinesAny<'a>(Lines<'a>);
    pub struct SplitWhitespace<'a> { inner: Filter<Split<'a, IsWhitespace>, IsNotEmpty> }
    pub struct SplitAsciiWhitespace<'a> { inner: Map<Filter<crate::slice::Split<'a, u8, IsAsciiWhitespace>, BytesIsNotEmpty>, UnsafeBytesToStr> }
    pub struct EncodeUtf16<'a> { chars: Chars<'a>, extra: u16 }
    pub struct EscapeDebug<'a> {
        inner: Chain<Flatten<crate::option::IntoIter<crate::char::EscapeDebug>>, FlatMap<Chars<'a>, crate::char::EscapeDebug, CharEscapeDebugContinue>>,
    }
    pub struct EscapeDefault<'a> { inner: FlatMap<Chars<'a>, crate::char::EscapeDefault, CharEscapeDefault> }
    pub struct EscapeUnicode<'a> { inner: FlatMap<Chars<'a>, crate::char::EscapeUnicode, CharEscapeUnicode> }
    pub struct Utf8Chunk<'a> { valid: &'a str, invalid: &'a [u8] }
    pub struct Utf8Chunks<'a> { source: &'a [u8] }
    pub trait Pattern {}
    pub mod pattern {
        pub use super::Pattern;
        pub struct CharSearcher<'a> { haystack: &'a str, finger: usize, finger_back: usize, needle: char, utf8_size: u8, utf8_encoded: [u8; 4] }
        // <MultiCharEqPattern<C> as Pattern>::Searcher<'a>
        struct MultiCharEqSearcher<'a, C> { char_eq: C, haystack: &'a str, char_indices: super::CharIndices<'a> }
        pub struct CharArraySearcher<'a, const N: usize>(MultiCharEqSearcher<'a, [char; N]>);
        pub struct CharArrayRefSearcher<'a, 'b, const N: usize>(MultiCharEqSearcher<'a, &'b [char; N]>);
        pub struct CharSliceSearcher<'a, 'b>(MultiCharEqSearcher<'a, &'b [char]>);
        pub struct CharPredicateSearcher<'a, F>(MultiCharEqSearcher<'a, F>);
        pub struct StrSearcher<'a, 'b> { haystack: &'a str, needle: &'b str, searcher: StrSearcherImpl }
        enum StrSearcherImpl { Empty(EmptyNeedle), TwoWay(TwoWaySearcher) }
        struct EmptyNeedle { position: usize, end: usize, is_match_fw: bool, is_match_bw: bool, is_finished: bool }
        struct TwoWaySearcher { crit_pos: usize, crit_pos_back: usize, period: usize, byteset: u64, position: usize, end: usize, memory: usize, memory_back: usize }
        #[derive(Clone, Copy)]
        pub enum Utf8Pattern<'a> { StringPattern(&'a [u8]), CharPattern(char) }
        #[derive(Clone, Copy)]
        pub enum SearchStep { Match(usize, usize), Reject(usize, usize), Done }
    }
}
pub mod slice {
    use crate::ptr::NonNull;
    use crate::marker::PhantomData;
    pub struct Iter<'a, T> { ptr: NonNull<T>, end_or_len: *const T, marker: PhantomData<&'a T> }
    pub struct IterMut<'a, T> { ptr: NonNull<T>, end_or_len: *mut T, marker: PhantomData<&'a mut T> }
    type Iter__Item<'a, T> = &'a T;
    type IterMut__Item<'a, T> = &'a mut T;
    // core/slice/iter.rs
    pub struct Split<'a, T, P: FnMut> { v: &'a [T], pred: P, finished: bool }
    pub struct SplitInclusive<'a, T, P: FnMut> { v: &'a [T], pred: P, finished: bool }
    pub struct SplitMut<'a, T, P: FnMut> { v: &'a mut [T], pred: P, finished: bool }
    pub struct SplitInclusiveMut<'a, T, P: FnMut> { v: &'a mut [T], pred: P, finished: bool }
    pub struct RSplit<'a, T, P: FnMut> { inner: Split<'a, T, P> }
    pub struct RSplitMut<'a, T, P: FnMut> { inner: SplitMut<'a, T, P> }
    struct GenericSplitN<I> { iter: I, count: usize }
    pub struct SplitN<'a, T, P: FnMut> { inner: GenericSplitN<Split<'a, T, P>> }
    pub struct RSplitN<'a, T, P: FnMut> { inner: GenericSplitN<RSplit<'a, T, P>> }
    pub struct SplitNMut<'a, T, P: FnMut> { inner: GenericSplitN<SplitMut<'a, T, P>> }
    pub struct RSplitNMut<'a, T, P: FnMut> { inner: GenericSplitN<RSplitMut<'a, T, P>> }
    pub struct Windows<'a, T> { v: &'a [T], size: crate::num::NonZero<usize> }
    pub struct Chunks<'a, T> { v: &'a [T], chunk_size: usize }
    pub struct ChunksMut<'a, T> { v: *mut [T], chunk_size: usize, marker: PhantomData<&'a mut T> }
    pub struct ChunksExact<'a, T> { v: &'a [T], rem: &'a [T], chunk_size: usize }
    pub struct ChunksExactMut<'a, T> { v: *mut [T], rem: &'a mut [T], chunk_size: usize, marker: PhantomData<&'a mut T> }
    pub struct ArrayWindows<'a, T, const N: usize> { v: &'a [T] }
    pub struct RChunks<'a, T> { v: &'a [T], chunk_size: usize }
    pub struct RChunksMut<'a, T> { v: *mut [T], chunk_size: usize, marker: PhantomData<&'a mut T> }
    pub struct RChunksExact<'a, T> { v: &'a [T], rem: &'a [T], chunk_size: usize }
    pub struct RChunksExactMut<'a, T> { v: *mut [T], rem: &'a mut [T], chunk_size: usize }
    pub struct ChunkBy<'a, T, P> { slice: &'a [T], predicate: P }
    pub struct ChunkByMut<'a, T, P> { slice: &'a mut [T], predicate: P }
    type Split__Item<'a, T, P> = &'a [T];
    type Chunks__Item<'a, T> = &'a [T];
    type Windows__Item<'a, T> = &'a [T];
    // core/slice/ascii.rs
    struct EscapeByte;
    pub struct EscapeAscii<'a> { inner: crate::iter::FlatMap<Iter<'a, u8>, crate::ascii::EscapeDefault, EscapeByte> }
    pub enum GetDisjointMutError { IndexOutOfBounds, OverlappingIndices }
}
pub mod char {
    pub struct ParseCharError { kind: CharErrorKind }
    enum CharErrorKind { EmptyString, TooManyChars }
    #[derive(Clone, Copy)]
    pub struct CharTryFromError(());
    #[derive(Clone, Copy)]
    pub struct TryFromCharError(());
    pub struct DecodeUtf16<I: Iterator<Item = u16>> { iter: I, buf: crate::option::Option<u16> }
    pub struct DecodeUtf16Error { code: u16 }
    // core/char/mod.rs over core/escape.rs
    pub struct EscapeUnicode(crate::escape::EscapeIterInner<10, crate::escape::AlwaysEscaped>);
    pub struct EscapeDefault(crate::escape::EscapeIterInner<10, crate::escape::AlwaysEscaped>);
    pub struct EscapeDebug(crate::escape::EscapeIterInner<10, crate::escape::MaybeEscaped>);
    struct CaseMappingIter(crate::array::IntoIter<char, 3>);
    pub struct ToLowercase(CaseMappingIter);
    pub struct ToUppercase(CaseMappingIter);
    type EscapeUnicode__Item = char;
    type EscapeDefault__Item = char;
    type EscapeDebug__Item = char;
    type ToLowercase__Item = char;
    type ToUppercase__Item = char;
    type DecodeUtf16__Item<I> = crate::result::Result<char, DecodeUtf16Error>;
}
mod escape {
    // core/escape.rs
    union MaybeEscapedCharacter<const N: usize> { escape_seq: [crate::ascii::Char; N], literal: char }
    #[derive(Clone, Copy)]
    pub struct AlwaysEscaped;
    #[derive(Clone, Copy)]
    pub struct MaybeEscaped;
    pub struct EscapeIterInner<const N: usize, ESCAPING> { data: MaybeEscapedCharacter<N>, alive: crate::ops::Range<u8>, escaping: crate::marker::PhantomData<ESCAPING> }
}
pub mod ascii {
    pub struct EscapeDefault(crate::escape::EscapeIterInner<4, crate::escape::AlwaysEscaped>);
    type EscapeDefault__Item = u8;
    // core/ascii/ascii_char.rs: the 128 ASCII characters
    #[repr(u8)]
    #[derive(Clone, Copy)]
    pub enum Char {
        C0, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15,
        C16, C17, C18, C19, C20, C21, C22, C23, C24, C25, C26, C27, C28, C29, C30, C31,
        C32, C33, C34, C35, C36, C37, C38, C39, C40, C41, C42, C43, C44, C45, C46, C47,
        C48, C49, C50, C51, C52, C53, C54, C55, C56, C57, C58, C59, C60, C61, C62, C63,
        C64, C65, C66, C67, C68, C69, C70, C71, C72, C73, C74, C75, C76, C77, C78, C79,
        C80, C81, C82, C83, C84, C85, C86, C87, C88, C89, C90, C91, C92, C93, C94, C95,
        C96, C97, C98, C99, C100, C101, C102, C103, C104, C105, C106, C107, C108, C109, C110, C111,
        C112, C113, C114, C115, C116, C117, C118, C119, C120, C121, C122, C123, C124, C125, C126, C127,
    }
}
pub mod array {
    // core/array/iter.rs, iter/iter_inner.rs
    struct PolymorphicIter<DATA: ?Sized> { alive: crate::ops::IndexRange, data: DATA }
    pub struct IntoIter<T, const N: usize> { inner: crate::mem::ManuallyDrop<PolymorphicIter<[crate::mem::MaybeUninit<T>; N]>> }
    #[derive(Clone, Copy)]
    pub struct TryFromSliceError(());
    type IntoIter__Item<T, const N: usize> = T;
}
pub mod any {
    // core/any.rs: [*const (); 16 / size_of::<*const ()>()]
    #[cfg(target_pointer_width = "64")]
    #[derive(Clone, Copy)]
    pub struct TypeId { data: [*const (); 2] }
    #[cfg(target_pointer_width = "32")]
    #[derive(Clone, Copy)]
    pub struct TypeId { data: [*const (); 4] }
    pub trait Any {}
}
pub mod fmt {
    use crate::marker::PhantomData;
    #[derive(Clone, Copy)]
    pub struct Arguments<'a> { template: crate::ptr::NonNull<u8>, args: crate::ptr::NonNull<u8>, marker: PhantomData<&'a ()> }
    #[derive(Clone, Copy)]
    pub struct Error;
    pub type Result = crate::result::Result<(), Error>;
    pub trait Write {}
    #[derive(Clone, Copy)]
    pub enum Alignment { Left, Right, Center }
    #[derive(Clone, Copy)]
    pub enum Sign { Plus, Minus }
    #[derive(Clone, Copy)]
    pub enum DebugAsHex { Lower, Upper }
    #[derive(Clone, Copy)]
    pub struct FormattingOptions { flags: u32, width: u16, precision: u16 }
    pub struct Formatter<'a> { options: FormattingOptions, buf: &'a mut dyn Write }
    // core/fmt/builders.rs
    pub struct DebugStruct<'a, 'b> { fmt: &'a mut Formatter<'b>, result: Result, has_fields: bool }
    pub struct DebugTuple<'a, 'b> { fmt: &'a mut Formatter<'b>, result: Result, fields: usize, empty_name: bool }
    struct DebugInner<'a, 'b> { fmt: &'a mut Formatter<'b>, result: Result, has_fields: bool }
    pub struct DebugSet<'a, 'b> { inner: DebugInner<'a, 'b> }
    pub struct DebugList<'a, 'b> { inner: DebugInner<'a, 'b> }
    struct PadAdapterState { on_newline: bool }
    pub struct DebugMap<'a, 'b> { fmt: &'a mut Formatter<'b>, result: Result, has_fields: bool, has_key: bool, state: PadAdapterState }
    pub struct FromFn<F>(F);
    // core/fmt/num_buffer.rs (unstable int_format_into)
    pub struct NumBuffer<T> { buf: [crate::mem::MaybeUninit<u8>; 40], phantom: PhantomData<T> }
}
pub mod hash {
    use crate::marker::PhantomData;
    pub struct BuildHasherDefault<H>(PhantomData<fn() -> H>);
    // core/hash/sip.rs
    #[repr(C)]
    struct SipState { v0: u64, v2: u64, v1: u64, v3: u64 }
    struct SipInner<S> { k0: u64, k1: u64, length: usize, state: SipState, tail: u64, ntail: usize, marker: PhantomData<S> }
    struct Sip13Rounds;
    struct Sip24Rounds;
    pub(crate) struct SipHasher13 { hasher: SipInner<Sip13Rounds> }
    struct SipHasher24 { hasher: SipInner<Sip24Rounds> }
    pub struct SipHasher(SipHasher24);
    // std/hash/random.rs (the same on every OS: only the keys' source differs)
    #[rll_os(std)]
    pub struct RandomState { k0: u64, k1: u64 }
    pub struct DefaultHasher(SipHasher13);
}
pub mod iter {
    use crate::option::Option;
    use crate::marker::PhantomData;
    use crate::assoc::{ItemOf, IntoIterOf};
    // core/iter/adapters
    pub struct Rev<T> { iter: T }
    pub struct Chain<A, B> { a: Option<A>, b: Option<B> }
    pub struct Filter<I, P> { iter: I, predicate: P }
    pub struct Map<I, F> { iter: I, f: F }
    pub struct Enumerate<I> { iter: I, count: usize }
    pub struct Skip<I> { iter: I, n: usize }
    pub struct Take<I> { iter: I, n: usize }
    pub struct Cloned<I> { it: I }
    pub struct Copied<I> { it: I }
    pub struct Fuse<I> { iter: Option<I> }
    pub struct Cycle<I> { orig: I, iter: I }
    pub struct FilterMap<I, F> { iter: I, f: F }
    pub struct Inspect<I, F> { iter: I, f: F }
    pub struct MapWhile<I, P> { iter: I, predicate: P }
    pub struct Scan<I, St, F> { iter: I, f: F, state: St }
    pub struct SkipWhile<I, P> { iter: I, flag: bool, predicate: P }
    pub struct TakeWhile<I, P> { iter: I, flag: bool, predicate: P }
    pub struct StepBy<I> { iter: I, step_minus_one: usize, first_take: bool }
    pub struct Zip<A, B> { a: A, b: B, index: usize, len: usize }
    pub struct ByRefSized<'a, I>(pub &'a mut I);
    // core/iter/adapters/flatten.rs: the inner iterators are <U as IntoIterator>::IntoIter
    struct FlattenCompat<I, U> { iter: Fuse<I>, frontiter: Option<U>, backiter: Option<U> }
    pub struct FlatMap<I, U: IntoIterator, F> { inner: FlattenCompat<Map<I, F>, IntoIterOf<U>> }
    pub struct Flatten<I: Iterator> { inner: FlattenCompat<I, IntoIterOf<ItemOf<I>>> }
    pub struct Peekable<I: Iterator> { iter: I, peeked: Option<Option<ItemOf<I>>> }
    pub struct Intersperse<I: Iterator> { started: bool, separator: ItemOf<I>, next_item: Option<ItemOf<I>>, iter: Fuse<I> }
    pub struct IntersperseWith<I: Iterator, G> { started: bool, separator: G, next_item: Option<ItemOf<I>>, iter: Fuse<I> }
    pub struct ArrayChunks<I: Iterator, const N: usize> { iter: I, remainder: Option<crate::array::IntoIter<ItemOf<I>, N>> }
    // core/iter/adapters/map_windows.rs
    pub struct MapWindows<I: Iterator, F, const N: usize> { f: F, inner: MapWindowsInner<I, N> }
    struct MapWindowsInner<I, const N: usize> { iter: Option<I>, buffer: Option<WindowBuffer<ItemOf<I>, N>> }
    struct WindowBuffer<T, const N: usize> { buffer: [[crate::mem::MaybeUninit<T>; N]; 2], start: usize }
    // core/iter/sources
    pub struct Empty<T>(PhantomData<fn() -> T>);
    pub struct FromCoroutine<G>(G);
    pub struct FromFn<F>(F);
    pub struct Once<T> { inner: crate::option::IntoIter<T> }
    pub struct OnceWith<F> { make: Option<F> }
    pub struct Repeat<A> { element: A }
    struct RepeatNInner<T> { count: crate::num::NonZero<usize>, element: T }
    pub struct RepeatN<A> { inner: Option<RepeatNInner<A>> }
    #[derive(Clone, Copy)]
    pub struct RepeatWith<F> { repeater: F }
    pub struct Successors<T, F> { next: Option<T>, succ: F }
    pub trait Iterator {}
    pub trait IntoIterator {}
    // Item types of the adapters that do not depend on a closure
    type Rev__Item<T> = ItemOf<T>;
    type Copied__Item<I> = crate::assoc::PointeeOf<ItemOf<I>>;
    type Cloned__Item<I> = crate::assoc::PointeeOf<ItemOf<I>>;
    type Chain__Item<A, B> = ItemOf<A>;
    type Filter__Item<I, P> = ItemOf<I>;
    type Enumerate__Item<I> = (usize, ItemOf<I>);
    type Skip__Item<I> = ItemOf<I>;
    type Take__Item<I> = ItemOf<I>;
    type Fuse__Item<I> = ItemOf<I>;
    type Cycle__Item<I> = ItemOf<I>;
    type Inspect__Item<I, F> = ItemOf<I>;
    type SkipWhile__Item<I, P> = ItemOf<I>;
    type TakeWhile__Item<I, P> = ItemOf<I>;
    type StepBy__Item<I> = ItemOf<I>;
    type Peekable__Item<I> = ItemOf<I>;
    type Zip__Item<A, B> = (ItemOf<A>, ItemOf<B>);
    type Flatten__Item<I> = ItemOf<IntoIterOf<ItemOf<I>>>;
    type Empty__Item<T> = T;
    type Once__Item<T> = T;
    type Repeat__Item<A> = A;
    type RepeatN__Item<A> = A;
    type Successors__Item<T, F> = T;
}
pub mod task {
    use crate::marker::PhantomData;
    #[derive(Clone, Copy)]
    pub enum Poll<T> { Ready(T), Pending }
    #[derive(Clone, Copy)]
    pub struct RawWakerVTable { clone: unsafe fn(*const ()) -> RawWaker, wake: unsafe fn(*const ()), wake_by_ref: unsafe fn(*const ()), drop: unsafe fn(*const ()) }
    pub struct RawWaker { data: *const (), vtable: &'static RawWakerVTable }
    #[repr(transparent)]
    pub struct Waker { waker: RawWaker }
    #[repr(transparent)]
    pub struct LocalWaker { waker: RawWaker }
    // core/task/wake.rs
    enum ExtData<'a> { Some(&'a mut dyn crate::any::Any), None(()) }
    pub struct Context<'a> {
        waker: &'a Waker,
        local_waker: &'a LocalWaker,
        ext: crate::panic::AssertUnwindSafe<ExtData<'a>>,
        marker: PhantomData<fn(&'a ()) -> &'a ()>,
        marker2: PhantomData<*mut ()>,
    }
    pub struct ContextBuilder<'a> {
        waker: &'a Waker,
        local_waker: &'a LocalWaker,
        ext: ExtData<'a>,
        marker: PhantomData<fn(&'a ()) -> &'a ()>,
        marker2: PhantomData<*mut ()>,
    }
}
pub mod future {
    pub struct Ready<T>(crate::option::Option<T>);
    pub struct Pending<T> { data: crate::marker::PhantomData<fn() -> T> }
    pub struct PollFn<F> { f: F }
}
pub mod async_iter {
    pub struct FromIter<I> { iter: I }
}
pub mod pin {
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct Pin<Ptr> { pointer: Ptr }
    #[repr(transparent)]
    pub struct UnsafePinned<T: ?Sized> { value: crate::cell::UnsafeCell<T> }
}
pub mod panic {
    // core::panic::PanicInfo and std::panic::PanicInfo (an alias of PanicHookInfo) differ; one model
    // cannot hold both, so neither is modelled.
    #[derive(Clone, Copy)]
    pub struct Location<'a> { filename: crate::ptr::NonNull<str>, line: u32, col: u32, marker: crate::marker::PhantomData<&'a str> }
    pub struct AssertUnwindSafe<T>(pub T);
    pub struct PanicMessage<'a> { message: &'a crate::fmt::Arguments<'a> }
    // std/panic.rs
    pub struct PanicHookInfo<'a> { payload: &'a dyn crate::any::Any, location: &'a Location<'a>, can_unwind: bool, force_no_backtrace: bool }
    #[derive(Clone, Copy)]
    pub enum BacktraceStyle { Short, Full, Off }
}
pub mod net {
    // core/net
    #[derive(Clone, Copy)]
    pub struct Ipv4Addr { octets: [u8; 4] }
    #[derive(Clone, Copy)]
    pub struct Ipv6Addr { octets: [u8; 16] }
    #[derive(Clone, Copy)]
    pub enum IpAddr { V4(Ipv4Addr), V6(Ipv6Addr) }
    #[derive(Clone, Copy)]
    pub enum Ipv6MulticastScope { InterfaceLocal, LinkLocal, RealmLocal, AdminLocal, SiteLocal, OrganizationLocal, Global }
    #[derive(Clone, Copy)]
    pub struct SocketAddrV4 { ip: Ipv4Addr, port: u16 }
    #[derive(Clone, Copy)]
    pub struct SocketAddrV6 { ip: Ipv6Addr, port: u16, flowinfo: u32, scope_id: u32 }
    #[derive(Clone, Copy)]
    pub enum SocketAddr { V4(SocketAddrV4), V6(SocketAddrV6) }
    enum AddrKind { Ip, Ipv4, Ipv6, Socket, SocketV4, SocketV6 }
    pub struct AddrParseError(AddrKind);
    type Ipv4Addr__Err = AddrParseError;
    type Ipv6Addr__Err = AddrParseError;
    type IpAddr__Err = AddrParseError;
    type SocketAddrV4__Err = AddrParseError;
    type SocketAddrV6__Err = AddrParseError;
    type SocketAddr__Err = AddrParseError;
    // std/net
    #[derive(Clone, Copy)]
    pub enum Shutdown { Read, Write, Both }
    #[rll_os(linux64, windows64, apple64)]
    pub struct TcpStream(crate::sys::Socket);
    #[rll_os(linux64, windows64, apple64)]
    pub struct TcpListener(crate::sys::Socket);
    #[rll_os(linux64, windows64, apple64)]
    pub struct UdpSocket(crate::sys::Socket);
    #[rll_os(linux64, windows64, apple64)]
    pub struct Incoming<'a> { listener: &'a TcpListener }
    #[rll_os(linux64, windows64, apple64)]
    pub struct IntoIncoming { listener: TcpListener }
}
pub mod ffi {
    pub type c_char = i8;
    pub type c_schar = i8;
    pub type c_uchar = u8;
    pub type c_short = i16;
    pub type c_ushort = u16;
    // core/ffi/primitives.rs: C int is 16-bit on avr and msp430; C long is 64-bit on 64-bit
    // targets but Windows (and on wasm32 Linux), 32-bit everywhere else.
    #[cfg(not(any(target_arch = "avr", target_arch = "msp430")))]
    pub type c_int = i32;
    #[cfg(not(any(target_arch = "avr", target_arch = "msp430")))]
    pub type c_uint = u32;
    #[cfg(any(target_arch = "avr", target_arch = "msp430"))]
    pub type c_int = i16;
    #[cfg(any(target_arch = "avr", target_arch = "msp430"))]
    pub type c_uint = u16;
    #[cfg(any(all(target_pointer_width = "64", not(windows)), all(target_arch = "wasm32", target_os = "linux")))]
    pub type c_long = i64;
    #[cfg(any(all(target_pointer_width = "64", not(windows)), all(target_arch = "wasm32", target_os = "linux")))]
    pub type c_ulong = u64;
    #[cfg(not(any(all(target_pointer_width = "64", not(windows)), all(target_arch = "wasm32", target_os = "linux"))))]
    pub type c_long = i32;
    #[cfg(not(any(all(target_pointer_width = "64", not(windows)), all(target_arch = "wasm32", target_os = "linux"))))]
    pub type c_ulong = u32;
    pub type c_longlong = i64;
    pub type c_ulonglong = u64;
    pub type c_float = f32;
    pub type c_double = f64;
    #[repr(u8)]
    pub enum c_void { Variant1, Variant2 }
    pub mod c_str {
        use super::c_char;
        pub struct CStr { inner: [c_char] }
        #[derive(Clone, Copy)]
        pub enum FromBytesWithNulError { InteriorNul { position: usize }, NotNulTerminated }
        pub struct FromBytesUntilNulError(());
        pub struct Bytes<'a> { ptr: crate::ptr::NonNull<u8>, phantom: crate::marker::PhantomData<&'a [c_char]> }
        type Bytes__Item<'a> = u8;
        // alloc/ffi/c_str.rs
        pub struct CString { inner: crate::boxed::Box<[u8]> }
        pub struct NulError(usize, crate::vec::Vec<u8>);
        enum FromBytesWithNulErrorKind { InteriorNul(usize), NotNulTerminated }
        pub struct FromVecWithNulError { error_kind: FromBytesWithNulErrorKind, bytes: crate::vec::Vec<u8> }
        pub struct IntoStringError { inner: CString, error: crate::str::Utf8Error }
    }
    pub mod os_str {
        // std/sys/os_str/bytes.rs (the byte representation of every target but Windows)
        #[cfg(not(windows))]
        #[repr(transparent)]
        struct Buf { inner: crate::vec::Vec<u8> }
        // std/sys/os_str/wtf8.rs on Windows: a Wtf8Buf (alloc's wtf8), the bytes and whether they are known UTF-8
        #[cfg(windows)]
        struct Buf { bytes: crate::vec::Vec<u8>, is_known_utf8: bool }
        #[repr(transparent)]
        struct Slice { inner: [u8] }
        pub struct OsString { inner: Buf }
        #[repr(transparent)]
        pub struct OsStr { inner: Slice }
        pub struct Display<'a> { os_str: &'a OsStr }
    }
    pub use self::c_str::{CStr, CString, FromBytesWithNulError, FromBytesUntilNulError, NulError, FromVecWithNulError, IntoStringError};
    pub use self::os_str::{OsString, OsStr};
}
pub mod borrow {
    pub enum Cow<'a, B: ?Sized> { Borrowed(&'a B), Owned(ToOwnedOf<B>) }
    #[rll_to_owned]
    struct ToOwnedOf<B: ?Sized>(B);
}
pub mod bstr {
    #[repr(transparent)]
    pub struct ByteStr(pub [u8]);
    #[repr(transparent)]
    pub struct ByteString(pub crate::vec::Vec<u8>);
}
pub mod rc {
    use crate::alloc::Global;
    use crate::ptr::NonNull;
    use crate::marker::PhantomData;
    #[repr(C, align(2))]
    struct RcInner<T: ?Sized> { strong: crate::cell::Cell<usize>, weak: crate::cell::Cell<usize>, value: T }
    pub struct Rc<T: ?Sized, A = Global> { ptr: NonNull<RcInner<T>>, phantom: PhantomData<RcInner<T>>, alloc: A }
    pub struct Weak<T: ?Sized, A = Global> { ptr: NonNull<RcInner<T>>, alloc: A }
    pub struct UniqueRc<T: ?Sized, A = Global> { ptr: NonNull<RcInner<T>>, marker: PhantomData<RcInner<T>>, marker2: PhantomData<*mut T>, alloc: A }
}
pub mod sync {
    use crate::alloc::Global;
    use crate::ptr::NonNull;
    use crate::marker::PhantomData;
    use crate::cell::UnsafeCell;
    pub mod atomic {
        #[rll_atomic(1)]
        #[repr(C, align(1))]
        pub struct AtomicBool { v: crate::cell::UnsafeCell<u8> }
        #[rll_atomic(1)]
        #[repr(C, align(1))]
        pub struct AtomicU8 { v: crate::cell::UnsafeCell<u8> }
        #[rll_atomic(1)]
        #[repr(C, align(1))]
        pub struct AtomicI8 { v: crate::cell::UnsafeCell<i8> }
        #[rll_atomic(2)]
        #[repr(C, align(2))]
        pub struct AtomicU16 { v: crate::cell::UnsafeCell<u16> }
        #[rll_atomic(2)]
        #[repr(C, align(2))]
        pub struct AtomicI16 { v: crate::cell::UnsafeCell<i16> }
        #[rll_atomic(4)]
        #[repr(C, align(4))]
        pub struct AtomicU32 { v: crate::cell::UnsafeCell<u32> }
        #[rll_atomic(4)]
        #[repr(C, align(4))]
        pub struct AtomicI32 { v: crate::cell::UnsafeCell<i32> }
        #[rll_atomic(8)]
        #[repr(C, align(8))]
        pub struct AtomicU64 { v: crate::cell::UnsafeCell<u64> }
        #[rll_atomic(8)]
        #[repr(C, align(8))]
        pub struct AtomicI64 { v: crate::cell::UnsafeCell<i64> }
        #[cfg(target_pointer_width = "64")]
        #[rll_atomic(8)]
        #[repr(C, align(8))]
        pub struct AtomicUsize { v: crate::cell::UnsafeCell<usize> }
        #[cfg(target_pointer_width = "64")]
        #[rll_atomic(8)]
        #[repr(C, align(8))]
        pub struct AtomicIsize { v: crate::cell::UnsafeCell<isize> }
        #[cfg(target_pointer_width = "64")]
        #[rll_atomic(8)]
        #[repr(C, align(8))]
        pub struct AtomicPtr<T> { p: crate::cell::UnsafeCell<*mut T> }
        #[cfg(target_pointer_width = "32")]
        #[rll_atomic(4)]
        #[repr(C, align(4))]
        pub struct AtomicUsize { v: crate::cell::UnsafeCell<usize> }
        #[cfg(target_pointer_width = "32")]
        #[rll_atomic(4)]
        #[repr(C, align(4))]
        pub struct AtomicIsize { v: crate::cell::UnsafeCell<isize> }
        #[cfg(target_pointer_width = "32")]
        #[rll_atomic(4)]
        #[repr(C, align(4))]
        pub struct AtomicPtr<T> { p: crate::cell::UnsafeCell<*mut T> }
        #[derive(Clone, Copy)]
        pub enum Ordering { Relaxed, Release, Acquire, AcqRel, SeqCst }
    }
    // alloc/sync.rs
    #[repr(C, align(2))]
    struct ArcInner<T: ?Sized> { strong: atomic::AtomicUsize, weak: atomic::AtomicUsize, data: T }
    pub struct Arc<T: ?Sized, A = Global> { ptr: NonNull<ArcInner<T>>, phantom: PhantomData<ArcInner<T>>, alloc: A }
    pub struct Weak<T: ?Sized, A = Global> { ptr: NonNull<ArcInner<T>>, alloc: A }
    pub struct UniqueArc<T: ?Sized, A = Global> { ptr: NonNull<ArcInner<T>>, marker: PhantomData<ArcInner<T>>, marker2: PhantomData<*mut T>, alloc: A }
    // core/sync/exclusive.rs (Copy when T is Copy and Sync: the engine does not know Sync)
    #[rll_copy_unknown]
    #[repr(transparent)]
    pub struct Exclusive<T: ?Sized> { inner: T }
    // std/sys/sync/{mutex,condvar,rwlock,once}/mod.rs choose per OS. Linux and Windows use the
    // futex versions (futex.rs): a Futex is an AtomicU32 on both; the Mutex's SmallFutex is an
    // AtomicU32 on Linux (sys/pal/unix/futex.rs) and an AtomicU8 on Windows
    // (sys/pal/windows/futex.rs). Apple uses mutex/pthread.rs (an OnceBox: one atomic pointer),
    // condvar/pthread.rs (an OnceBox and the address of the mutex it was used with), and the queue
    // versions of rwlock and once (queue.rs: one atomic pointer each).
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(any(windows, target_vendor = "apple")))]
    #[rll_atomic_alias]
    struct SysMutex { futex: atomic::AtomicU32 }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(windows)]
    #[rll_atomic_alias]
    struct SysMutex { futex: atomic::AtomicU8 }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(target_vendor = "apple")]
    #[rll_atomic_alias]
    struct SysMutex { pal: atomic::AtomicPtr<u8> }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(target_vendor = "apple"))]
    #[rll_atomic_alias]
    struct SysCondvar { futex: atomic::AtomicU32 }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(target_vendor = "apple")]
    #[rll_atomic_alias]
    struct SysCondvar { cvar: atomic::AtomicPtr<u8>, mutex: atomic::AtomicUsize }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(target_vendor = "apple"))]
    #[rll_atomic_alias]
    struct SysRwLock { state: atomic::AtomicU32, writer_notify: atomic::AtomicU32 }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(target_vendor = "apple")]
    #[rll_atomic_alias]
    struct SysRwLock { state: atomic::AtomicPtr<()> }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(target_vendor = "apple"))]
    #[rll_atomic_alias]
    struct SysOnce { state_and_queued: atomic::AtomicU32 }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(target_vendor = "apple")]
    #[rll_atomic_alias]
    struct SysOnce { state_and_queue: atomic::AtomicPtr<()> }
    // std/sync/poison.rs (the same on every OS; std is built with panic=unwind)
    #[rll_atomic_alias]
    struct PoisonFlag { failed: atomic::AtomicBool }
    struct PoisonGuard { panicking: bool }
    pub mod poison {
        use super::{SysMutex, SysCondvar, SysRwLock, PoisonFlag, PoisonGuard};
        use crate::ptr::NonNull;
        use crate::marker::PhantomData;
        #[rll_os(linux64, windows64, apple64)]
        pub struct Mutex<T: ?Sized> { inner: SysMutex, poison: PoisonFlag, data: crate::cell::UnsafeCell<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct MutexGuard<'a, T: ?Sized> { lock: &'a Mutex<T>, poison: PoisonGuard }
        #[rll_os(linux64, windows64, apple64)]
        pub struct MappedMutexGuard<'a, T: ?Sized> { data: NonNull<T>, inner: &'a SysMutex, poison_flag: &'a PoisonFlag, poison: PoisonGuard, variance: PhantomData<&'a mut T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct RwLock<T: ?Sized> { inner: SysRwLock, poison: PoisonFlag, data: crate::cell::UnsafeCell<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct RwLockReadGuard<'a, T: ?Sized> { data: NonNull<T>, inner_lock: &'a SysRwLock }
        #[rll_os(linux64, windows64, apple64)]
        pub struct RwLockWriteGuard<'a, T: ?Sized> { lock: &'a RwLock<T>, poison: PoisonGuard }
        #[rll_os(linux64, windows64, apple64)]
        pub struct MappedRwLockReadGuard<'a, T: ?Sized> { data: NonNull<T>, inner_lock: &'a SysRwLock }
        #[rll_os(linux64, windows64, apple64)]
        pub struct MappedRwLockWriteGuard<'a, T: ?Sized> { data: NonNull<T>, variance: PhantomData<&'a mut T>, inner_lock: &'a SysRwLock, poison_flag: &'a PoisonFlag, poison_guard: PoisonGuard }
        #[rll_os(linux64, windows64, apple64)]
        pub struct Condvar { inner: SysCondvar }
        pub struct PoisonError<T> { data: T }
        pub enum TryLockError<T> { Poisoned(PoisonError<T>), WouldBlock }
    }
    pub type LockResult<T> = crate::result::Result<T, PoisonError<T>>;
    pub type TryLockResult<T> = crate::result::Result<T, TryLockError<T>>;
    pub use self::poison::{Mutex, MutexGuard, MappedMutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard, MappedRwLockReadGuard, MappedRwLockWriteGuard, Condvar, PoisonError, TryLockError};
    pub mod nonpoison {
        use super::{SysMutex, SysCondvar, SysRwLock};
        use crate::ptr::NonNull;
        use crate::marker::PhantomData;
        #[rll_os(linux64, windows64, apple64)]
        pub struct Mutex<T: ?Sized> { inner: SysMutex, data: crate::cell::UnsafeCell<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct MutexGuard<'a, T: ?Sized> { lock: &'a Mutex<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct MappedMutexGuard<'a, T: ?Sized> { data: NonNull<T>, inner: &'a SysMutex, variance: PhantomData<&'a mut T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct RwLock<T: ?Sized> { inner: SysRwLock, data: crate::cell::UnsafeCell<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct RwLockReadGuard<'a, T: ?Sized> { data: NonNull<T>, inner_lock: &'a SysRwLock }
        #[rll_os(linux64, windows64, apple64)]
        pub struct RwLockWriteGuard<'a, T: ?Sized> { lock: &'a RwLock<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct MappedRwLockReadGuard<'a, T: ?Sized> { data: NonNull<T>, inner_lock: &'a SysRwLock }
        #[rll_os(linux64, windows64, apple64)]
        pub struct MappedRwLockWriteGuard<'a, T: ?Sized> { data: NonNull<T>, variance: PhantomData<&'a mut T>, inner_lock: &'a SysRwLock }
        #[rll_os(linux64, windows64, apple64)]
        pub struct Condvar { inner: SysCondvar }
        pub struct WouldBlock;
    }
    #[rll_os(linux64, windows64, apple64)]
    pub struct Once { inner: SysOnce }
    // std/sync/poison/once.rs over std/sys/sync/once/futex.rs (a Cell of the futex's u32) or, on
    // Apple, queue.rs (a Cell of the state-and-queue pointer)
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(target_vendor = "apple"))]
    pub struct OnceState { poisoned: bool, set_state_to: crate::cell::Cell<u32> }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(target_vendor = "apple")]
    pub struct OnceState { poisoned: bool, set_state_on_drop_to: crate::cell::Cell<*mut ()> }
    #[rll_os(linux64, windows64, apple64)]
    pub struct OnceLock<T> { once: Once, value: UnsafeCell<crate::mem::MaybeUninit<T>>, marker: PhantomData<T> }
    #[rll_os(linux64, windows64, apple64)]
    pub struct LazyLock<T, F = fn() -> T> { once: Once, data: UnsafeCell<LazyData<T, F>> }
    union LazyData<T, F> { value: crate::mem::ManuallyDrop<T>, f: crate::mem::ManuallyDrop<F> }
    struct BarrierState { count: usize, generation_id: usize }
    #[rll_os(linux64, windows64, apple64)]
    pub struct Barrier { lock: Mutex<BarrierState>, cvar: Condvar, num_threads: usize }
    pub struct BarrierWaitResult(bool);
    #[derive(Clone, Copy)]
    pub struct WaitTimeoutResult(bool);
    // std/sync/reentrant_lock.rs (targets with 64-bit atomics: the owner is an AtomicU64)
    #[rll_os(linux64, windows64, apple64)]
    #[rll_atomic_alias]
    pub struct ReentrantLock<T: ?Sized> { mutex: SysMutex, owner: atomic::AtomicU64, lock_count: UnsafeCell<u32>, data: T }
    #[rll_os(linux64, windows64, apple64)]
    pub struct ReentrantLockGuard<'a, T: ?Sized> { lock: &'a ReentrantLock<T> }
    pub mod mpsc {
        #[rll_os(linux64, windows64, apple64)]
        pub struct Sender<T> { inner: super::mpmc::Sender<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct SyncSender<T> { inner: super::mpmc::Sender<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct Receiver<T> { inner: super::mpmc::Receiver<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct Iter<'a, T> { rx: &'a Receiver<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct TryIter<'a, T> { rx: &'a Receiver<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct IntoIter<T> { rx: Receiver<T> }
        #[derive(Clone, Copy)]
        pub struct SendError<T>(pub T);
        #[derive(Clone, Copy)]
        pub struct RecvError;
        #[derive(Clone, Copy)]
        pub enum TryRecvError { Empty, Disconnected }
        #[derive(Clone, Copy)]
        pub enum RecvTimeoutError { Timeout, Disconnected }
        #[derive(Clone, Copy)]
        pub enum TrySendError<T> { Full(T), Disconnected(T) }
    }
    // std/sync/mpmc: each end holds a raw pointer to one of three channel flavors
    pub mod mpmc {
        enum Flavor<T> { Array(*const T), List(*const T), Zero(*const T) }
        #[rll_os(linux64, windows64, apple64)]
        pub struct Sender<T> { flavor: Flavor<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct Receiver<T> { flavor: Flavor<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct Iter<'a, T> { rx: &'a Receiver<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct TryIter<'a, T> { rx: &'a Receiver<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct IntoIter<T> { rx: Receiver<T> }
        #[derive(Clone, Copy)]
        pub enum SendTimeoutError<T> { Timeout(T), Disconnected(T) }
        pub use super::mpsc::{RecvError, RecvTimeoutError, SendError, TryRecvError, TrySendError};
    }
    pub mod oneshot {
        #[rll_os(linux64, windows64, apple64)]
        pub struct Sender<T> { inner: super::mpmc::Sender<T> }
        #[rll_os(linux64, windows64, apple64)]
        pub struct Receiver<T> { inner: super::mpmc::Receiver<T> }
        pub enum TryRecvError<T> { Empty(Receiver<T>), Disconnected }
        pub enum RecvTimeoutError<T> { Timeout(Receiver<T>), Disconnected }
    }
}
pub mod collections {
    // alloc/collections/mod.rs
    pub struct TryReserveError { kind: TryReserveErrorKind }
    pub enum TryReserveErrorKind { CapacityOverflow, AllocError { layout: crate::alloc::Layout, non_exhaustive: () } }
    pub use crate::ops::Bound;
    pub mod hash_map {
        use crate::alloc::Global;
        use crate::hashbrown as base;
        pub use crate::hash::{RandomState, DefaultHasher};
        // std/collections/hash/map.rs over hashbrown 0.16.1
        #[rll_os(std)]
        pub struct HashMap<K, V, S = RandomState, A = Global> { base: base::map::HashMap<K, V, S, A> }
        #[rll_os(std)]
        pub struct Iter<'a, K, V> { base: base::map::Iter<'a, K, V> }
        #[rll_os(std)]
        pub struct IterMut<'a, K, V> { base: base::map::IterMut<'a, K, V> }
        #[rll_os(std)]
        pub struct IntoIter<K, V, A = Global> { base: base::map::IntoIter<K, V, A> }
        #[rll_os(std)]
        pub struct Keys<'a, K, V> { inner: Iter<'a, K, V> }
        #[rll_os(std)]
        pub struct Values<'a, K, V> { inner: Iter<'a, K, V> }
        #[rll_os(std)]
        pub struct ValuesMut<'a, K, V> { inner: IterMut<'a, K, V> }
        #[rll_os(std)]
        pub struct IntoKeys<K, V, A = Global> { inner: IntoIter<K, V, A> }
        #[rll_os(std)]
        pub struct IntoValues<K, V, A = Global> { inner: IntoIter<K, V, A> }
        #[rll_os(std)]
        pub struct Drain<'a, K, V, A = Global> { base: base::map::Drain<'a, K, V, A> }
        #[rll_os(std)]
        pub struct ExtractIf<'a, K, V, F, A = Global> { base: base::map::ExtractIf<'a, K, V, F, A> }
        #[rll_os(std)]
        pub enum Entry<'a, K, V, A = Global> { Occupied(OccupiedEntry<'a, K, V, A>), Vacant(VacantEntry<'a, K, V, A>) }
        #[rll_os(std)]
        pub struct OccupiedEntry<'a, K, V, A = Global> { base: base::rustc_entry::RustcOccupiedEntry<'a, K, V, A> }
        #[rll_os(std)]
        pub struct VacantEntry<'a, K, V, A = Global> { base: base::rustc_entry::RustcVacantEntry<'a, K, V, A> }
        #[rll_os(std)]
        pub struct OccupiedError<'a, K, V, A = Global> { pub entry: OccupiedEntry<'a, K, V, A>, pub value: V }
        type Iter__Item<'a, K, V> = (&'a K, &'a V);
        type IterMut__Item<'a, K, V> = (&'a K, &'a mut V);
        type IntoIter__Item<K, V, A> = (K, V);
        type Keys__Item<'a, K, V> = &'a K;
        type Values__Item<'a, K, V> = &'a V;
        type ValuesMut__Item<'a, K, V> = &'a mut V;
        type IntoKeys__Item<K, V, A> = K;
        type IntoValues__Item<K, V, A> = V;
        type Drain__Item<'a, K, V, A> = (K, V);
        type ExtractIf__Item<'a, K, V, F, A> = (K, V);
        type HashMap__IntoIter<K, V, S, A> = IntoIter<K, V, A>;
    }
    pub mod hash_set {
        use crate::alloc::Global;
        use crate::hashbrown as base;
        use super::hash_map::RandomState;
        #[rll_os(std)]
        pub struct HashSet<T, S = RandomState, A = Global> { base: base::set::HashSet<T, S, A> }
        #[rll_os(std)]
        pub struct Iter<'a, K> { base: base::set::Iter<'a, K> }
        #[rll_os(std)]
        pub struct IntoIter<K, A = Global> { base: base::set::IntoIter<K, A> }
        #[rll_os(std)]
        pub struct Drain<'a, K, A = Global> { base: base::set::Drain<'a, K, A> }
        #[rll_os(std)]
        pub struct ExtractIf<'a, K, F, A = Global> { base: base::set::ExtractIf<'a, K, F, A> }
        #[rll_os(std)]
        pub struct Intersection<'a, T, S, A = Global> { iter: Iter<'a, T>, other: &'a HashSet<T, S, A> }
        #[rll_os(std)]
        pub struct Difference<'a, T, S, A = Global> { iter: Iter<'a, T>, other: &'a HashSet<T, S, A> }
        #[rll_os(std)]
        pub struct SymmetricDifference<'a, T, S, A = Global> { iter: crate::iter::Chain<Difference<'a, T, S, A>, Difference<'a, T, S, A>> }
        #[rll_os(std)]
        pub struct Union<'a, T, S, A = Global> { iter: crate::iter::Chain<Iter<'a, T>, Difference<'a, T, S, A>> }
        #[rll_os(std)]
        pub enum Entry<'a, T, S, A = Global> { Occupied(OccupiedEntry<'a, T, S, A>), Vacant(VacantEntry<'a, T, S, A>) }
        #[rll_os(std)]
        pub struct OccupiedEntry<'a, T, S, A = Global> { base: base::set::OccupiedEntry<'a, T, S, A> }
        #[rll_os(std)]
        pub struct VacantEntry<'a, T, S, A = Global> { base: base::set::VacantEntry<'a, T, S, A> }
        type Iter__Item<'a, K> = &'a K;
        type IntoIter__Item<K, A> = K;
        type Drain__Item<'a, K, A> = K;
        type ExtractIf__Item<'a, K, F, A> = K;
        type Intersection__Item<'a, T, S, A> = &'a T;
        type Difference__Item<'a, T, S, A> = &'a T;
        type SymmetricDifference__Item<'a, T, S, A> = &'a T;
        type Union__Item<'a, T, S, A> = &'a T;
        type HashSet__IntoIter<T, S, A> = IntoIter<T, A>;
    }
    pub use self::hash_map::HashMap;
    pub use self::hash_set::HashSet;
    pub mod btree_map {
        use crate::alloc::Global;
        use crate::ptr::NonNull;
        use crate::marker::PhantomData;
        use crate::option::Option;
        use crate::mem::{ManuallyDrop, MaybeUninit};
        // alloc/collections/btree/node.rs (nodes are only ever behind pointers)
        struct LeafNode<K, V> { parent: Option<NonNull<LeafNode<K, V>>>, parent_idx: MaybeUninit<u16>, len: u16, keys: [MaybeUninit<K>; 11], vals: [MaybeUninit<V>; 11] }
        #[repr(C)]
        struct InternalNode<K, V> { data: LeafNode<K, V>, edges: [MaybeUninit<NonNull<LeafNode<K, V>>>; 12] }
        pub(crate) struct NodeRef<BorrowType, K, V, Type> { height: usize, node: NonNull<LeafNode<K, V>>, marker: PhantomData<(BorrowType, Type)> }
        pub(crate) struct Handle<Node, Type> { node: Node, idx: usize, marker: PhantomData<Type> }
        pub(crate) enum Leaf {}
        pub(crate) enum LeafOrInternal {}
        pub(crate) enum Owned {}
        pub(crate) enum Dying {}
        pub(crate) enum KV {}
        pub(crate) enum Edge {}
        pub(crate) struct Immut<'a>(PhantomData<&'a ()>);
        pub(crate) struct Mut<'a>(PhantomData<&'a mut ()>);
        pub(crate) struct ValMut<'a>(PhantomData<&'a mut ()>);
        type Root<K, V> = NodeRef<Owned, K, V, LeafOrInternal>;
        type LeafEdge<B, K, V> = Handle<NodeRef<B, K, V, Leaf>, Edge>;
        // alloc/collections/btree/borrow.rs, navigate.rs
        pub(crate) struct DormantMutRef<'a, T> { ptr: NonNull<T>, marker: PhantomData<&'a mut T> }
        pub(crate) struct LeafRange<B, K, V> { front: Option<LeafEdge<B, K, V>>, back: Option<LeafEdge<B, K, V>> }
        enum LazyLeafHandle<B, K, V> { Root(NodeRef<B, K, V, LeafOrInternal>), Edge(LeafEdge<B, K, V>) }
        pub(crate) struct LazyLeafRange<B, K, V> { front: Option<LazyLeafHandle<B, K, V>>, back: Option<LazyLeafHandle<B, K, V>> }
        pub struct BTreeMap<K, V, A = Global> { root: Option<Root<K, V>>, length: usize, alloc: ManuallyDrop<A>, marker: PhantomData<crate::boxed::Box<(K, V), A>> }
        pub struct Iter<'a, K: 'a, V: 'a> { range: LazyLeafRange<Immut<'a>, K, V>, length: usize }
        pub struct IterMut<'a, K, V> { range: LazyLeafRange<ValMut<'a>, K, V>, length: usize, marker: PhantomData<&'a mut (K, V)> }
        pub struct IntoIter<K, V, A = Global> { range: LazyLeafRange<Dying, K, V>, length: usize, alloc: A }
        pub struct Keys<'a, K, V> { inner: Iter<'a, K, V> }
        pub struct Values<'a, K, V> { inner: Iter<'a, K, V> }
        pub struct ValuesMut<'a, K, V> { inner: IterMut<'a, K, V> }
        pub struct IntoKeys<K, V, A = Global> { inner: IntoIter<K, V, A> }
        pub struct IntoValues<K, V, A = Global> { inner: IntoIter<K, V, A> }
        pub struct Range<'a, K: 'a, V: 'a> { inner: LeafRange<Immut<'a>, K, V> }
        pub struct RangeMut<'a, K, V> { inner: LeafRange<ValMut<'a>, K, V>, marker: PhantomData<&'a mut (K, V)> }
        pub(crate) struct ExtractIfInner<'a, K, V, R> { length: &'a mut usize, dormant_root: Option<DormantMutRef<'a, Root<K, V>>>, cur_leaf_edge: Option<LeafEdge<Mut<'a>, K, V>>, range: R }
        pub struct ExtractIf<'a, K, V, R, F, A = Global> { pred: F, inner: ExtractIfInner<'a, K, V, R>, alloc: A }
        pub struct Cursor<'a, K, V> { current: Option<LeafEdge<Immut<'a>, K, V>>, root: Option<&'a Root<K, V>> }
        pub struct CursorMutKey<'a, K, V, A = Global> { current: Option<LeafEdge<Mut<'a>, K, V>>, root: DormantMutRef<'a, Option<Root<K, V>>>, length: &'a mut usize, alloc: &'a mut A }
        pub struct CursorMut<'a, K, V, A = Global> { inner: CursorMutKey<'a, K, V, A> }
        pub struct UnorderedKeyError {}
        // alloc/collections/btree/map/entry.rs
        pub enum Entry<'a, K, V, A = Global> { Vacant(VacantEntry<'a, K, V, A>), Occupied(OccupiedEntry<'a, K, V, A>) }
        pub struct VacantEntry<'a, K, V, A = Global> { key: K, handle: Option<LeafEdge<Mut<'a>, K, V>>, dormant_map: DormantMutRef<'a, BTreeMap<K, V, A>>, alloc: A, marker: PhantomData<&'a mut (K, V)> }
        pub struct OccupiedEntry<'a, K, V, A = Global> { handle: Handle<NodeRef<Mut<'a>, K, V, LeafOrInternal>, KV>, dormant_map: DormantMutRef<'a, BTreeMap<K, V, A>>, alloc: A, marker: PhantomData<&'a mut (K, V)> }
        pub struct OccupiedError<'a, K, V, A = Global> { pub entry: OccupiedEntry<'a, K, V, A>, pub value: V }
        type Iter__Item<'a, K, V> = (&'a K, &'a V);
        type IterMut__Item<'a, K, V> = (&'a K, &'a mut V);
        type IntoIter__Item<K, V, A> = (K, V);
        type Keys__Item<'a, K, V> = &'a K;
        type Values__Item<'a, K, V> = &'a V;
        type Range__Item<'a, K, V> = (&'a K, &'a V);
        type BTreeMap__IntoIter<K, V, A> = IntoIter<K, V, A>;
        type ref_BTreeMap__IntoIter<K, V, A> = Iter<'static, K, V>;
    }
    pub mod btree_set {
        use crate::alloc::Global;
        use super::btree_map as map;
        use crate::option::Option;
        use crate::assoc::ItemOf;
        struct SetValZST;
        pub struct BTreeSet<T, A = Global> { map: map::BTreeMap<T, SetValZST, A> }
        pub struct Iter<'a, T> { iter: map::Keys<'a, T, SetValZST> }
        pub struct IntoIter<T, A = Global> { iter: map::IntoIter<T, SetValZST, A> }
        pub struct Range<'a, T> { iter: map::Range<'a, T, SetValZST> }
        pub struct Difference<'a, T, A = Global> { inner: DifferenceInner<'a, T, A> }
        enum DifferenceInner<'a, T, A> {
            Stitch { self_iter: Iter<'a, T>, other_iter: crate::iter::Peekable<Iter<'a, T>> },
            Search { self_iter: Iter<'a, T>, other_set: &'a BTreeSet<T, A> },
            Iterate(Iter<'a, T>),
        }
        // alloc/collections/btree/merge_iter.rs
        struct MergeIterInner<I> { a: I, b: I, peeked: Option<Peeked<I>> }
        enum Peeked<I> { A(ItemOf<I>), B(ItemOf<I>) }
        pub struct SymmetricDifference<'a, T>(MergeIterInner<Iter<'a, T>>);
        pub struct Intersection<'a, T, A = Global> { inner: IntersectionInner<'a, T, A> }
        enum IntersectionInner<'a, T, A> {
            Stitch { a: Iter<'a, T>, b: Iter<'a, T> },
            Search { small_iter: Iter<'a, T>, large_set: &'a BTreeSet<T, A> },
            Answer(Option<&'a T>),
        }
        pub struct Union<'a, T>(MergeIterInner<Iter<'a, T>>);
        pub struct ExtractIf<'a, T, R, F, A = Global> { pred: F, inner: map::ExtractIfInner<'a, T, SetValZST, R>, alloc: A }
        pub struct Cursor<'a, K> { inner: map::Cursor<'a, K, SetValZST> }
        pub struct CursorMut<'a, K, A = Global> { inner: map::CursorMut<'a, K, SetValZST, A> }
        pub struct CursorMutKey<'a, K, A = Global> { inner: map::CursorMutKey<'a, K, SetValZST, A> }
        pub use super::btree_map::UnorderedKeyError;
        pub enum Entry<'a, T, A = Global> { Occupied(OccupiedEntry<'a, T, A>), Vacant(VacantEntry<'a, T, A>) }
        pub struct OccupiedEntry<'a, T, A = Global> { inner: map::OccupiedEntry<'a, T, SetValZST, A> }
        pub struct VacantEntry<'a, T, A = Global> { inner: map::VacantEntry<'a, T, SetValZST, A> }
        type Iter__Item<'a, T> = &'a T;
        type IntoIter__Item<T, A> = T;
        type Range__Item<'a, T> = &'a T;
        type BTreeSet__IntoIter<T, A> = IntoIter<T, A>;
        type ref_BTreeSet__IntoIter<T, A> = Iter<'static, T>;
    }
    pub use self::btree_map::BTreeMap;
    pub use self::btree_set::BTreeSet;
    pub mod vec_deque {
        use crate::alloc::Global;
        pub struct VecDeque<T, A = Global> { head: usize, len: usize, buf: crate::raw_vec::RawVec<T, A> }
        pub struct Iter<'a, T> { i1: crate::slice::Iter<'a, T>, i2: crate::slice::Iter<'a, T> }
        pub struct IterMut<'a, T> { i1: crate::slice::IterMut<'a, T>, i2: crate::slice::IterMut<'a, T> }
        pub struct IntoIter<T, A = Global> { inner: VecDeque<T, A> }
        pub struct Drain<'a, T, A = Global> { deque: crate::ptr::NonNull<VecDeque<T, A>>, drain_len: usize, idx: usize, tail_len: usize, remaining: usize, marker: crate::marker::PhantomData<&'a T> }
        pub struct ExtractIf<'a, T, F, A = Global> { vec: &'a mut VecDeque<T, A>, idx: usize, end: usize, del: usize, old_len: usize, pred: F }
        pub struct Splice<'a, I: Iterator, A = Global> { drain: Drain<'a, crate::assoc::ItemOf<I>, A>, replace_with: I }
        type Iter__Item<'a, T> = &'a T;
        type IntoIter__Item<T, A> = T;
        type VecDeque__IntoIter<T, A> = IntoIter<T, A>;
        type ref_VecDeque__IntoIter<T, A> = Iter<'static, T>;
    }
    pub use self::vec_deque::VecDeque;
    pub mod binary_heap {
        use crate::alloc::Global;
        pub struct BinaryHeap<T, A = Global> { data: crate::vec::Vec<T, A> }
        pub struct PeekMut<'a, T, A = Global> { heap: &'a mut BinaryHeap<T, A>, original_len: crate::option::Option<crate::num::NonZero<usize>> }
        pub struct Iter<'a, T> { iter: crate::slice::Iter<'a, T> }
        pub struct IntoIter<T, A = Global> { iter: crate::vec::IntoIter<T, A> }
        pub struct IntoIterSorted<T, A = Global> { inner: BinaryHeap<T, A> }
        pub struct Drain<'a, T, A = Global> { iter: crate::vec::Drain<'a, T, A> }
        pub struct DrainSorted<'a, T, A = Global> { inner: &'a mut BinaryHeap<T, A> }
        type Iter__Item<'a, T> = &'a T;
        type IntoIter__Item<T, A> = T;
    }
    pub use self::binary_heap::BinaryHeap;
    pub mod linked_list {
        use crate::alloc::Global;
        use crate::option::Option;
        use crate::ptr::NonNull;
        use crate::marker::PhantomData;
        struct Node<T> { next: Option<NonNull<Node<T>>>, prev: Option<NonNull<Node<T>>>, element: T }
        pub struct LinkedList<T, A = Global> {
            head: Option<NonNull<Node<T>>>,
            tail: Option<NonNull<Node<T>>>,
            len: usize,
            alloc: A,
            marker: PhantomData<crate::boxed::Box<Node<T>, A>>,
        }
        pub struct Iter<'a, T> { head: Option<NonNull<Node<T>>>, tail: Option<NonNull<Node<T>>>, len: usize, marker: PhantomData<&'a Node<T>> }
        pub struct IterMut<'a, T> { head: Option<NonNull<Node<T>>>, tail: Option<NonNull<Node<T>>>, len: usize, marker: PhantomData<&'a mut Node<T>> }
        pub struct IntoIter<T, A = Global> { list: LinkedList<T, A> }
        pub struct Cursor<'a, T, A = Global> { index: usize, current: Option<NonNull<Node<T>>>, list: &'a LinkedList<T, A> }
        pub struct CursorMut<'a, T, A = Global> { index: usize, current: Option<NonNull<Node<T>>>, list: &'a mut LinkedList<T, A> }
        pub struct ExtractIf<'a, T: 'a, F: 'a, A = Global> { list: &'a mut LinkedList<T, A>, it: Option<NonNull<Node<T>>>, pred: F, idx: usize, old_len: usize }
        type Iter__Item<'a, T> = &'a T;
        type IntoIter__Item<T, A> = T;
        type LinkedList__IntoIter<T, A> = IntoIter<T, A>;
    }
    pub use self::linked_list::LinkedList;
}
/// hashbrown 0.16.1 (the version std 1.95 is built with)
mod hashbrown {
    use crate::alloc::Global;
    use crate::ptr::NonNull;
    use crate::marker::PhantomData;
    // control/group/mod.rs picks sse2.rs (x86 with SSE2), neon.rs (little-endian aarch64 with NEON),
    // lsx.rs (loongarch64 with LSX; std builds hashbrown with its nightly feature) or generic.rs,
    // whose group is a u64 on 64-bit targets, aarch64, x86_64 and wasm32, else a u32. The bit mask:
    // a u16 for SSE2 and LSX, a u64 for NEON, the group word for the generic one.
    #[cfg(any(all(target_feature = "sse2", any(target_arch = "x86", target_arch = "x86_64")), all(target_arch = "loongarch64", target_feature = "lsx")))]
    pub(crate) struct BitMask(u16);
    #[cfg(all(target_arch = "aarch64", target_feature = "neon", target_endian = "little"))]
    pub(crate) struct BitMask(u64);
    #[cfg(all(not(any(all(target_feature = "sse2", any(target_arch = "x86", target_arch = "x86_64")), all(target_arch = "loongarch64", target_feature = "lsx"), all(target_arch = "aarch64", target_feature = "neon", target_endian = "little"))), any(target_pointer_width = "64", target_arch = "aarch64", target_arch = "x86_64", target_arch = "wasm32")))]
    pub(crate) struct BitMask(u64);
    #[cfg(all(not(any(all(target_feature = "sse2", any(target_arch = "x86", target_arch = "x86_64")), all(target_arch = "loongarch64", target_feature = "lsx"), all(target_arch = "aarch64", target_feature = "neon", target_endian = "little"))), not(any(target_pointer_width = "64", target_arch = "aarch64", target_arch = "x86_64", target_arch = "wasm32"))))]
    pub(crate) struct BitMask(u32);
    pub(crate) struct BitMaskIter(BitMask);
    pub(crate) struct Bucket<T> { ptr: NonNull<T> }
    pub(crate) struct RawTableInner { bucket_mask: usize, ctrl: NonNull<u8>, growth_left: usize, items: usize }
    pub(crate) struct RawTable<T, A = Global> { table: RawTableInner, alloc: A, marker: PhantomData<T> }
    pub(crate) struct RawIterRange<T> { current_group: BitMaskIter, data: Bucket<T>, next_ctrl: *const u8, end: *const u8 }
    pub(crate) struct RawIter<T> { iter: RawIterRange<T>, items: usize }
    pub(crate) struct RawIntoIter<T, A = Global> { iter: RawIter<T>, allocation: crate::option::Option<(NonNull<u8>, crate::alloc::Layout, A)>, marker: PhantomData<T> }
    pub(crate) struct RawDrain<'a, T, A = Global> { iter: RawIter<T>, table: RawTableInner, orig_table: NonNull<RawTableInner>, marker: PhantomData<&'a RawTable<T, A>> }
    pub(crate) struct RawExtractIf<'a, T, A> { iter: RawIter<T>, table: &'a mut RawTable<T, A> }
    pub(crate) mod map {
        use super::*;
        pub(crate) struct HashMap<K, V, S, A = Global> { hash_builder: S, table: RawTable<(K, V), A> }
        pub(crate) struct Iter<'a, K, V> { inner: RawIter<(K, V)>, marker: PhantomData<(&'a K, &'a V)> }
        pub(crate) struct IterMut<'a, K, V> { inner: RawIter<(K, V)>, marker: PhantomData<(&'a K, &'a mut V)> }
        pub(crate) struct IntoIter<K, V, A = Global> { inner: RawIntoIter<(K, V), A> }
        pub(crate) struct Keys<'a, K, V> { inner: Iter<'a, K, V> }
        pub(crate) struct Drain<'a, K, V, A = Global> { inner: RawDrain<'a, (K, V), A> }
        pub(crate) struct ExtractIf<'a, K, V, F, A = Global> { f: F, inner: RawExtractIf<'a, (K, V), A> }
        pub(crate) struct OccupiedEntry<'a, K, V, S, A = Global> { hash: u64, elem: Bucket<(K, V)>, table: &'a mut HashMap<K, V, S, A> }
        pub(crate) struct VacantEntry<'a, K, V, S, A = Global> { hash: u64, key: K, table: &'a mut HashMap<K, V, S, A> }
    }
    pub(crate) mod set {
        use super::*;
        pub(crate) struct HashSet<T, S, A = Global> { map: map::HashMap<T, (), S, A> }
        pub(crate) struct Iter<'a, K> { iter: map::Keys<'a, K, ()> }
        pub(crate) struct IntoIter<K, A = Global> { iter: map::IntoIter<K, (), A> }
        pub(crate) struct Drain<'a, K, A = Global> { iter: map::Drain<'a, K, (), A> }
        pub(crate) struct ExtractIf<'a, K, F, A = Global> { f: F, inner: RawExtractIf<'a, (K, ()), A> }
        pub(crate) struct OccupiedEntry<'a, T, S, A = Global> { inner: map::OccupiedEntry<'a, T, (), S, A> }
        pub(crate) struct VacantEntry<'a, T, S, A = Global> { inner: map::VacantEntry<'a, T, (), S, A> }
    }
    pub(crate) mod rustc_entry {
        use super::*;
        pub(crate) struct RustcOccupiedEntry<'a, K, V, A = Global> { elem: Bucket<(K, V)>, table: &'a mut RawTable<(K, V), A> }
        pub(crate) struct RustcVacantEntry<'a, K, V, A = Global> { hash: u64, key: K, table: &'a mut RawTable<(K, V), A> }
    }
}
/// The Linux (x86_64/aarch64, glibc) implementation under std's OS-dependent types (std/sys).
// Every item of sys is #[rll_os]: its shapes are Linux's (a type holding one abstains elsewhere).
mod sys {
    use crate::option::Option;
    // std/os/fd/owned.rs (unix: Linux and Apple): a file descriptor is never -1
    #[rll_os(linux64, apple64)]
    #[rustc_layout_scalar_valid_range_start(0)]
    #[rustc_layout_scalar_valid_range_end(4294967294)]
    #[repr(transparent)]
    pub(crate) struct ValidRawFd(i32);
    #[rll_os(linux64, apple64)]
    pub(crate) struct FileDesc(crate::os::fd::OwnedFd);
    // std/sys/fs/unix.rs: a FileDesc; std/sys/fs/windows.rs: a Handle
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(windows))]
    pub(crate) struct File(FileDesc);
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(windows)]
    pub(crate) struct File { handle: Handle }
    // std/sys/pal/windows/handle.rs: an OwnedHandle (a raw HANDLE: no niche)
    #[rll_os(windows64)]
    pub(crate) struct Handle(crate::os::windows::io::OwnedHandle);
    // windows-sys FILETIME, as std's SystemTime holds it
    #[rll_os(windows64)]
    #[repr(C)]
    #[derive(Clone, Copy)]
    pub(crate) struct FILETIME { dwLowDateTime: u32, dwHighDateTime: u32 }
    // std/sys/net/connection/socket/unix.rs: a FileDesc; windows.rs: an OwnedSocket (never INVALID_SOCKET)
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(windows))]
    pub(crate) struct Socket(FileDesc);
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(windows)]
    pub(crate) struct Socket(crate::os::windows::io::OwnedSocket);
    // libc: a mode_t is a u32 on Linux, a u16 on Apple
    #[cfg(not(target_vendor = "apple"))]
    pub(crate) type mode_t = u32;
    #[cfg(target_vendor = "apple")]
    pub(crate) type mode_t = u16;
    pub(crate) type pid_t = i32;
    pub(crate) type uid_t = u32;
    pub(crate) type gid_t = u32;
    // libc 0.2.178, linux gnu
    #[cfg(target_arch = "x86_64")]
    #[repr(C)]
    #[rll_os]
    pub(crate) struct stat64 {
        st_dev: u64, st_ino: u64, st_nlink: u64, st_mode: u32, st_uid: u32, st_gid: u32, pad0: i32, st_rdev: u64,
        st_size: i64, st_blksize: i64, st_blocks: i64, st_atime: i64, st_atime_nsec: i64, st_mtime: i64,
        st_mtime_nsec: i64, st_ctime: i64, st_ctime_nsec: i64, unused: [i64; 3],
    }
    #[cfg(target_arch = "aarch64")]
    #[repr(C)]
    #[rll_os]
    pub(crate) struct stat64 {
        st_dev: u64, st_ino: u64, st_mode: u32, st_nlink: u32, st_uid: u32, st_gid: u32, st_rdev: u64, pad1: u64,
        st_size: i64, st_blksize: i32, pad2: i32, st_blocks: i64, st_atime: i64, st_atime_nsec: i64, st_mtime: i64,
        st_mtime_nsec: i64, st_ctime: i64, st_ctime_nsec: i64, unused: [i32; 2],
    }
    #[repr(C)]
    #[rll_os]
    pub(crate) struct statx_timestamp { tv_sec: i64, tv_nsec: u32, pad1: [i32; 1] }
    #[repr(C)]
    #[rll_os]
    pub(crate) struct sockaddr_un { sun_family: u16, sun_path: [crate::ffi::c_char; 108] }
    #[repr(C)]
    #[rll_os]
    pub(crate) struct iovec { iov_base: *mut crate::ffi::c_void, iov_len: usize }
    #[repr(C)]
    #[rll_os]
    pub(crate) struct ucred { pid: i32, uid: u32, gid: u32 }
    #[repr(C)]
    #[rll_os]
    pub(crate) struct cmsghdr { cmsg_len: usize, cmsg_level: i32, cmsg_type: i32 }
    #[rll_os(linux64, apple64)]
    pub(crate) enum DIR {}
    // std/sys/fs/unix.rs: on Linux with glibc a stat64 and the statx fields; on Apple libc's stat
    // (64-bit inodes) alone, and a whole dirent in each DirEntry
    #[rll_os]
    #[cfg(not(target_vendor = "apple"))]
    pub(crate) struct FileAttr { stat: stat64, statx_extra_fields: Option<StatxExtraFields> }
    #[rll_os(apple64)]
    #[cfg(target_vendor = "apple")]
    pub(crate) struct FileAttr { stat: stat_apple }
    // libc, apple/b64: struct stat
    #[rll_os(apple64)]
    #[repr(C)]
    pub(crate) struct stat_apple {
        st_dev: i32, st_mode: u16, st_nlink: u16, st_ino: u64, st_uid: u32, st_gid: u32, st_rdev: i32,
        st_atime: i64, st_atime_nsec: i64, st_mtime: i64, st_mtime_nsec: i64, st_ctime: i64, st_ctime_nsec: i64,
        st_birthtime: i64, st_birthtime_nsec: i64, st_size: i64, st_blocks: i64, st_blksize: i32, st_flags: u32,
        st_gen: u32, st_lspare: i32, st_qspare: [i64; 2],
    }
    // libc, apple/b64: struct dirent
    #[rll_os(apple64)]
    #[repr(C)]
    pub(crate) struct dirent_apple { d_ino: u64, d_seekoff: u64, d_reclen: u16, d_namlen: u16, d_type: u8, d_name: [crate::ffi::c_char; 1024] }
    #[rll_os]
    struct StatxExtraFields { stx_mask: u32, stx_btime: statx_timestamp }
    #[rll_os(linux64, apple64)]
    pub(crate) struct InnerReadDir { dirp: DirStream, root: crate::path::PathBuf }
    #[rll_os(linux64, apple64)]
    struct DirStream(*mut DIR);
    #[rll_os]
    pub(crate) struct dirent64_min { d_ino: u64, d_type: u8 }
    #[rll_os(linux64, apple64)]
    pub(crate) struct OpenOptions { read: bool, write: bool, append: bool, truncate: bool, create: bool, create_new: bool, custom_flags: i32, mode: mode_t }
    #[derive(Clone, Copy)]
    #[rll_os(linux64, apple64)]
    #[cfg(not(target_vendor = "apple"))]
    pub(crate) struct FileTimes { accessed: Option<crate::time::SystemTime>, modified: Option<crate::time::SystemTime> }
    #[derive(Clone, Copy)]
    #[rll_os(linux64, apple64)]
    #[cfg(target_vendor = "apple")]
    pub(crate) struct FileTimes { accessed: Option<crate::time::SystemTime>, modified: Option<crate::time::SystemTime>, created: Option<crate::time::SystemTime> }
    // std/sys/process/unix/common.rs, unix.rs, env.rs
    #[rll_os]
    pub(crate) struct Command {
        program: crate::ffi::CString,
        args: CStringArray,
        env: CommandEnv,
        program_kind: ProgramKind,
        cwd: Option<crate::ffi::CString>,
        chroot: Option<crate::ffi::CString>,
        uid: Option<uid_t>,
        gid: Option<gid_t>,
        saw_nul: bool,
        closures: crate::vec::Vec<crate::boxed::Box<dyn FnMut() -> crate::io::Result<()> + Send + Sync>>,
        groups: Option<crate::boxed::Box<[gid_t]>>,
        stdin: Option<Stdio>,
        stdout: Option<Stdio>,
        stderr: Option<Stdio>,
        create_pidfd: bool,
        pgroup: Option<pid_t>,
        setsid: bool,
    }
    #[rll_os]
    struct CStringArray { ptrs: crate::vec::Vec<*const crate::ffi::c_char> }
    #[rll_os]
    struct CommandEnv { clear: bool, saw_path: bool, vars: crate::collections::BTreeMap<crate::ffi::OsString, Option<crate::ffi::OsString>> }
    #[rll_os]
    enum ProgramKind { PathLookup, Relative, Absolute }
    #[rll_os]
    pub(crate) enum Stdio { Inherit, Null, MakePipe, Fd(FileDesc), StaticFd(crate::os::fd::BorrowedFd<'static>) }
    #[rll_os]
    pub(crate) struct CStringIter<'a> { iter: crate::slice::Iter<'a, *const crate::ffi::c_char> }
    #[rll_os]
    pub(crate) struct Process { pid: pid_t, status: Option<crate::process::ExitStatus>, pidfd: Option<crate::os::linux::process::PidFd> }
    // std/sys/thread/unix.rs: a pthread_t (an unsigned long on Linux, a pointer on Apple);
    // std/sys/thread/windows.rs: a Handle
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(not(any(windows, target_vendor = "apple")))]
    pub(crate) struct NativeThread { id: crate::ffi::c_ulong }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(target_vendor = "apple")]
    pub(crate) struct NativeThread { id: *mut crate::ffi::c_void }
    #[rll_os(linux64, windows64, apple64)]
    #[cfg(windows)]
    pub(crate) struct NativeThread { handle: Handle }
    // std/sys/env/common.rs, args/common.rs
    #[rll_os]
    pub(crate) struct Env { iter: crate::vec::IntoIter<(crate::ffi::OsString, crate::ffi::OsString)> }
    #[rll_os]
    pub(crate) struct Args { iter: crate::vec::IntoIter<crate::ffi::OsString> }
    // std/sys/pal/unix/os.rs: SplitPaths is Map<slice::Split<u8, fn item>, fn item>; fn items are zero-sized
    #[rll_os]
    pub(crate) struct IsSeparator;
    #[rll_os]
    pub(crate) struct IntoPathBuf;
}
pub mod io {
    use crate::ptr::NonNull;
    use crate::marker::PhantomData;
    pub type Result<T> = crate::result::Result<T, Error>;
    // std/io/error.rs: a tagged pointer on 64-bit targets (repr_bitpacked.rs), an enum elsewhere (repr_unpacked.rs)
    pub struct Error { repr: Repr }
    #[cfg(target_pointer_width = "64")]
    #[repr(transparent)]
    struct Repr(NonNull<()>, PhantomData<ErrorData<crate::boxed::Box<Custom>>>);
    #[cfg(target_pointer_width = "32")]
    struct Repr(ErrorData<crate::boxed::Box<Custom>>);
    enum ErrorData<C> { Os(i32), Simple(ErrorKind), SimpleMessage(&'static SimpleMessage), Custom(C) }
    #[repr(align(4))]
    struct SimpleMessage { kind: ErrorKind, message: &'static str }
    #[repr(align(4))]
    struct Custom { kind: ErrorKind, error: crate::boxed::Box<dyn crate::error::Error + Send + Sync> }
    #[derive(Clone, Copy)]
    pub enum ErrorKind { NotFound, PermissionDenied, ConnectionRefused, ConnectionReset, HostUnreachable, NetworkUnreachable, ConnectionAborted, NotConnected, AddrInUse, AddrNotAvailable, NetworkDown, BrokenPipe, AlreadyExists, WouldBlock, NotADirectory, IsADirectory, DirectoryNotEmpty, ReadOnlyFilesystem, FilesystemLoop, StaleNetworkFileHandle, InvalidInput, InvalidData, TimedOut, WriteZero, StorageFull, NotSeekable, QuotaExceeded, FileTooLarge, ResourceBusy, ExecutableFileBusy, Deadlock, CrossesDevices, TooManyLinks, InvalidFilename, ArgumentListTooLong, Interrupted, Unsupported, UnexpectedEof, OutOfMemory, InProgress, Other, Uncategorized }
    #[derive(Clone, Copy)]
    pub enum SeekFrom { Start(u64), End(i64), Current(i64) }
    // std/sys/io/io_slice/iovec.rs
    #[rll_os]
    #[repr(transparent)]
    #[derive(Clone, Copy)]
    pub struct IoSlice<'a> { vec: crate::sys::iovec, marker: PhantomData<&'a [u8]> }
    #[rll_os]
    #[repr(transparent)]
    pub struct IoSliceMut<'a> { vec: crate::sys::iovec, marker: PhantomData<&'a mut [u8]> }
    pub struct Cursor<T> { inner: T, pos: u64 }
    pub struct Bytes<R> { inner: R }
    pub struct Chain<T, U> { first: T, second: U, done_first: bool }
    pub struct Take<T> { inner: T, len: u64, limit: u64 }
    pub struct Split<B> { buf: B, delim: u8 }
    pub struct Lines<B> { buf: B }
    #[derive(Clone, Copy)]
    pub struct Empty;
    pub struct Repeat { byte: u8 }
    #[derive(Clone, Copy)]
    pub struct Sink;
    // std/io/buffered
    struct Buffer { buf: crate::boxed::Box<[crate::mem::MaybeUninit<u8>]>, pos: usize, filled: usize, initialized: usize }
    pub struct BufReader<R: ?Sized> { buf: Buffer, inner: R }
    pub struct BufWriter<W: ?Sized> { buf: crate::vec::Vec<u8>, panicked: bool, inner: W }
    pub struct LineWriter<W: ?Sized> { inner: BufWriter<W> }
    pub struct IntoInnerError<W>(W, Error);
    pub struct WriterPanicked { buf: crate::vec::Vec<u8> }
    // std/io/stdio.rs: references to statics, the same on every OS (the raw handles are zero-sized:
    // std/sys/stdio/unix.rs, windows.rs)
    struct StdinRaw;
    struct StdoutRaw;
    struct StderrRaw;
    #[rll_os(linux64, windows64, apple64)]
    pub struct Stdin { inner: &'static crate::sync::Mutex<BufReader<StdinRaw>> }
    #[rll_os(linux64, windows64, apple64)]
    pub struct StdinLock<'a> { inner: crate::sync::MutexGuard<'a, BufReader<StdinRaw>> }
    #[rll_os(linux64, windows64, apple64)]
    pub struct Stdout { inner: &'static crate::sync::ReentrantLock<crate::cell::RefCell<LineWriter<StdoutRaw>>> }
    #[rll_os(linux64, windows64, apple64)]
    pub struct StdoutLock<'a> { inner: crate::sync::ReentrantLockGuard<'a, crate::cell::RefCell<LineWriter<StdoutRaw>>> }
    #[rll_os(linux64, windows64, apple64)]
    pub struct Stderr { inner: &'static crate::sync::ReentrantLock<crate::cell::RefCell<StderrRaw>> }
    #[rll_os(linux64, windows64, apple64)]
    pub struct StderrLock<'a> { inner: crate::sync::ReentrantLockGuard<'a, crate::cell::RefCell<StderrRaw>> }
    // std/io/pipe.rs
    #[rll_os]
    pub struct PipeReader(crate::sys::FileDesc);
    #[rll_os]
    pub struct PipeWriter(crate::sys::FileDesc);
    // core/io/borrowed_buf.rs
    pub struct BorrowedBuf<'data> { buf: &'data mut [crate::mem::MaybeUninit<u8>], filled: usize, init: usize }
    pub struct BorrowedCursor<'a> { buf: &'a mut BorrowedBuf<'a> }
}
pub mod error {
    pub trait Error {}
    pub struct Report<E = crate::boxed::Box<dyn Error>> { error: E, show_backtrace: bool, pretty: bool }
    pub struct Source<'a> { current: crate::option::Option<&'a dyn Error> }
}
pub mod fs {
    use crate::sys;
    #[rll_os(linux64, windows64, apple64)]
    pub struct File { inner: sys::File }
    #[rll_os(linux64, apple64)]
    pub struct Metadata(sys::FileAttr);
    #[rll_os(linux64, apple64)]
    pub struct ReadDir { inner: crate::sync::Arc<sys::InnerReadDir>, end_of_stream: bool }
    #[rll_os(linux64, apple64)]
    #[cfg(not(target_vendor = "apple"))]
    pub struct DirEntry { dir: crate::sync::Arc<sys::InnerReadDir>, entry: sys::dirent64_min, name: crate::ffi::CString }
    #[rll_os(linux64, apple64)]
    #[cfg(target_vendor = "apple")]
    pub struct DirEntry { dir: crate::sync::Arc<sys::InnerReadDir>, entry: sys::dirent_apple }
    #[rll_os(linux64, apple64)]
    pub struct OpenOptions(sys::OpenOptions);
    #[rll_os(linux64, apple64)]
    #[derive(Clone, Copy)]
    pub struct FileTimes(sys::FileTimes);
    #[rll_os(linux64, apple64)]
    pub struct Permissions { mode: sys::mode_t }
    #[rll_os(linux64, apple64)]
    #[derive(Clone, Copy)]
    pub struct FileType { mode: sys::mode_t }
    #[rll_os(linux64, apple64)]
    pub struct DirBuilder { mode: sys::mode_t, recursive: bool }
    pub enum TryLockError { Error(crate::io::Error), WouldBlock }
}
pub mod os {
    pub mod raw {
        pub use crate::ffi::{c_char, c_schar, c_uchar, c_short, c_ushort, c_int, c_uint, c_long, c_ulong, c_longlong, c_ulonglong, c_float, c_double, c_void};
    }
    pub mod fd {
        pub type RawFd = i32;
        #[rll_os(linux64, apple64)]
        #[repr(transparent)]
        pub struct OwnedFd { fd: crate::sys::ValidRawFd }
        #[rll_os(linux64, apple64)]
        #[repr(transparent)]
        #[derive(Clone, Copy)]
        pub struct BorrowedFd<'fd> { fd: crate::sys::ValidRawFd, marker: crate::marker::PhantomData<&'fd OwnedFd> }
    }
    // std/os/windows/io/handle.rs and socket.rs: a HANDLE is a raw pointer (no niche: null and
    // INVALID_HANDLE_VALUE are both used); a SOCKET never holds INVALID_SOCKET (all ones)
    #[cfg(windows)]
    pub mod windows {
        pub mod raw {
            pub type HANDLE = *mut crate::ffi::c_void;
            #[cfg(target_pointer_width = "64")]
            pub type SOCKET = u64;
            #[cfg(target_pointer_width = "32")]
            pub type SOCKET = u32;
        }
        pub mod io {
            use crate::marker::PhantomData;
            pub type RawHandle = super::raw::HANDLE;
            pub type RawSocket = super::raw::SOCKET;
            #[rll_os(windows64)]
            #[rustc_layout_scalar_valid_range_start(0)]
            #[rustc_layout_scalar_valid_range_end(18446744073709551614)]
            #[repr(transparent)]
            struct ValidRawSocket(u64);
            #[rll_os(windows64)]
            #[repr(transparent)]
            pub struct OwnedHandle { handle: RawHandle }
            #[rll_os(windows64)]
            #[repr(transparent)]
            #[derive(Clone, Copy)]
            pub struct BorrowedHandle<'handle> { handle: RawHandle, phantom: PhantomData<&'handle OwnedHandle> }
            #[rll_os(windows64)]
            #[repr(transparent)]
            pub struct HandleOrNull(RawHandle);
            #[rll_os(windows64)]
            #[repr(transparent)]
            pub struct HandleOrInvalid(RawHandle);
            #[rll_os(windows64)]
            #[repr(transparent)]
            pub struct OwnedSocket { socket: ValidRawSocket }
            #[rll_os(windows64)]
            #[repr(transparent)]
            #[derive(Clone, Copy)]
            pub struct BorrowedSocket<'socket> { socket: ValidRawSocket, phantom: PhantomData<&'socket OwnedSocket> }
        }
    }
    pub mod linux {
        pub mod process {
            #[rll_os]
            #[repr(transparent)]
            pub struct PidFd { inner: crate::sys::FileDesc }
        }
    }
    pub mod unix {
        pub mod io {
            pub use crate::os::fd::{OwnedFd, BorrowedFd, RawFd};
        }
        // std/os/unix/prelude.rs: its types (the rest are traits)
        pub mod prelude {
            pub use super::io::{OwnedFd, BorrowedFd, RawFd};
        }
        pub mod net {
            use crate::sys;
            #[rll_os]
            pub struct UnixStream(sys::Socket);
            #[rll_os]
            pub struct UnixListener(sys::Socket);
            #[rll_os]
            pub struct UnixDatagram(sys::Socket);
            #[rll_os]
            pub struct SocketAddr { addr: sys::sockaddr_un, len: u32 }
            #[rll_os]
            pub struct Incoming<'a> { listener: &'a UnixListener }
            #[rll_os]
            #[derive(Clone, Copy)]
            pub struct UCred { pub uid: sys::uid_t, pub gid: sys::gid_t, pub pid: crate::option::Option<sys::pid_t> }
            // std/os/unix/net/ancillary.rs
            struct AncillaryDataIter<'a, T> { data: &'a [u8], phantom: crate::marker::PhantomData<T> }
            #[rll_os]
            pub struct SocketCred(sys::ucred);
            #[rll_os]
            pub struct ScmRights<'a>(AncillaryDataIter<'a, i32>);
            #[rll_os]
            pub struct ScmCredentials<'a>(AncillaryDataIter<'a, sys::ucred>);
            pub enum AncillaryError { Unknown { cmsg_level: i32, cmsg_type: i32 } }
            #[rll_os]
            pub enum AncillaryData<'a> { ScmRights(ScmRights<'a>), ScmCredentials(ScmCredentials<'a>) }
            #[rll_os]
            pub struct Messages<'a> { buffer: &'a [u8], current: crate::option::Option<&'a sys::cmsghdr> }
            #[rll_os]
            pub struct SocketAncillary<'a> { buffer: &'a mut [u8], length: usize, truncated: bool }
        }
    }
}
pub mod path {
    use crate::ffi::OsStr;
    use crate::option::Option;
    pub struct PathBuf { inner: crate::ffi::OsString }
    type PathBuf__Err = crate::convert::Infallible;
    #[repr(transparent)]
    pub struct Path { inner: OsStr }
    #[derive(Clone, Copy)]
    pub enum Prefix<'a> { Verbatim(&'a OsStr), VerbatimUNC(&'a OsStr, &'a OsStr), VerbatimDisk(u8), DeviceNS(&'a OsStr), UNC(&'a OsStr, &'a OsStr), Disk(u8) }
    enum State { Prefix = 0, StartDir = 1, Body = 2, Done = 3 }
    #[derive(Clone, Copy)]
    pub struct PrefixComponent<'a> { raw: &'a OsStr, parsed: Prefix<'a> }
    #[derive(Clone, Copy)]
    pub enum Component<'a> { Prefix(PrefixComponent<'a>), RootDir, CurDir, ParentDir, Normal(&'a OsStr) }
    pub struct Components<'a> { path: &'a [u8], prefix: Option<Prefix<'a>>, has_physical_root: bool, front: State, back: State }
    pub struct Iter<'a> { inner: Components<'a> }
    #[derive(Clone, Copy)]
    pub struct Ancestors<'a> { next: Option<&'a Path> }
    pub struct StripPrefixError(());
    pub struct NormalizeError;
    pub struct Display<'a> { inner: crate::ffi::os_str::Display<'a> }
    type Components__Item<'a> = Component<'a>;
    type Iter__Item<'a> = &'a OsStr;
    type Ancestors__Item<'a> = &'a Path;
}
pub mod process {
    use crate::sys;
    use crate::option::Option;
    #[rll_os]
    pub struct Command { inner: sys::Command }
    #[rll_os]
    pub struct Child { handle: sys::Process, pub stdin: Option<ChildStdin>, pub stdout: Option<ChildStdout>, pub stderr: Option<ChildStderr> }
    #[rll_os]
    pub struct ChildStdin { inner: sys::FileDesc }
    #[rll_os]
    pub struct ChildStdout { inner: sys::FileDesc }
    #[rll_os]
    pub struct ChildStderr { inner: sys::FileDesc }
    #[rll_os]
    pub struct CommandArgs<'a> { inner: sys::CStringIter<'a> }
    #[rll_os]
    pub struct CommandEnvs<'a> { iter: crate::collections::btree_map::Iter<'a, crate::ffi::OsString, Option<crate::ffi::OsString>> }
    #[rll_os]
    pub struct Output { pub status: ExitStatus, pub stdout: crate::vec::Vec<u8>, pub stderr: crate::vec::Vec<u8> }
    #[rll_os]
    pub struct Stdio(sys::Stdio);
    #[rll_os]
    #[derive(Clone, Copy)]
    pub struct ExitStatus(i32);
    #[rll_os]
    #[derive(Clone, Copy)]
    pub struct ExitStatusError(crate::num::NonZero<i32>);
    #[rll_os]
    #[derive(Clone, Copy)]
    pub struct ExitCode(u8);
}
pub mod env {
    use crate::sys;
    #[rll_os]
    pub struct Args { inner: ArgsOs }
    #[rll_os]
    pub struct ArgsOs { inner: sys::Args }
    #[rll_os]
    pub struct Vars { inner: VarsOs }
    #[rll_os]
    pub struct VarsOs { inner: sys::Env }
    #[rll_os]
    pub struct SplitPaths<'a> { inner: crate::iter::Map<crate::slice::Split<'a, u8, sys::IsSeparator>, sys::IntoPathBuf> }
    #[rll_os]
    pub struct JoinPathsError { inner: () }
    pub enum VarError { NotPresent, NotUnicode(crate::ffi::OsString) }
}
pub mod thread {
    use crate::sync::Arc;
    use crate::marker::PhantomData;
    // std/thread/thread.rs: the handle is an Arc of a private, 8-aligned Inner
    #[repr(align(8))]
    struct Inner { name: crate::option::Option<crate::ffi::CString>, id: ThreadId, parker: crate::sync::atomic::AtomicU32 }
    #[rll_os(linux64, windows64, apple64)]
    pub struct Thread { inner: crate::pin::Pin<Arc<Inner, crate::alloc::System>> }
    #[rll_os(linux64, windows64, apple64)]
    #[derive(Clone, Copy)]
    pub struct ThreadId(crate::num::NonZero<u64>);
    // std/thread/lifecycle.rs
    struct ScopeData { num_running_threads: crate::sync::atomic::AtomicUsize, a_thread_panicked: crate::sync::atomic::AtomicBool, main_thread: Thread }
    struct Packet<'scope, T> { scope: crate::option::Option<Arc<ScopeData>>, result: crate::cell::UnsafeCell<crate::option::Option<crate::result::Result<T, crate::boxed::Box<dyn crate::any::Any + Send>>>>, marker: PhantomData<crate::option::Option<&'scope ScopeData>> }
    #[rll_os(linux64, windows64, apple64)]
    struct JoinInner<'scope, T> { native: crate::sys::NativeThread, thread: Thread, packet: Arc<Packet<'scope, T>> }
    #[rll_os(linux64, windows64, apple64)]
    pub struct JoinHandle<T>(JoinInner<'static, T>);
    #[rll_os(linux64, windows64, apple64)]
    pub struct ScopedJoinHandle<'scope, T>(JoinInner<'scope, T>);
    #[rll_os(linux64, windows64, apple64)]
    pub struct Scope<'scope, 'env: 'scope> { data: Arc<ScopeData>, scope: PhantomData<&'scope mut &'scope ()>, env: PhantomData<&'env mut &'env ()> }
    pub struct Builder { name: crate::option::Option<crate::string::String>, stack_size: crate::option::Option<usize>, no_hooks: bool }
    pub struct LocalKey<T: 'static> { inner: fn(crate::option::Option<&mut crate::option::Option<T>>) -> *const T }
    pub type Result<T> = crate::result::Result<T, crate::boxed::Box<dyn crate::any::Any + Send>>;
    #[derive(Clone, Copy)]
    pub struct AccessError;
}
pub mod backtrace {
    use crate::vec::Vec;
    use crate::option::Option;
    #[rll_os]
    pub struct Backtrace { inner: Inner }
    pub enum BacktraceStatus { Unsupported, Disabled, Captured }
    enum Inner { Unsupported, Disabled, Captured(crate::sync::LazyLock<Capture, LazyResolve>) }
    struct Capture { actual_start: usize, frames: Vec<BacktraceFrame> }
    // the closure of lazy_resolve, which captures the Capture by value
    struct LazyResolve { capture: Capture }
    #[rll_os]
    pub struct BacktraceFrame { frame: RawFrame, symbols: Vec<BacktraceSymbol> }
    // backtrace-rs: libunwind's Frame
    enum RawFrame { Raw(*mut u8), Cloned { ip: *mut u8, sp: *mut u8, symbol_address: *mut u8 } }
    struct BacktraceSymbol { name: Option<Vec<u8>>, filename: Option<BytesOrWide>, lineno: Option<u32>, colno: Option<u32> }
    enum BytesOrWide { Bytes(Vec<u8>), Wide(Vec<u16>) }
}
pub mod random {
    #[derive(Clone, Copy)]
    pub struct DefaultRandomSource;
}
pub mod arch {
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    mod x86_shared {
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(16))] pub struct __m128i([i64; 2]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(16))] pub struct __m128([f32; 4]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(16))] pub struct __m128d([f64; 2]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(16))] pub struct __m128bh([u16; 8]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(16))] pub struct __m128h([u16; 8]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(32))] pub struct __m256i([i64; 4]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(32))] pub struct __m256([f32; 8]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(32))] pub struct __m256d([f64; 4]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(32))] pub struct __m256bh([u16; 16]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(32))] pub struct __m256h([u16; 16]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(64))] pub struct __m512i([i64; 8]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(64))] pub struct __m512([f32; 16]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(64))] pub struct __m512d([f64; 8]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(64))] pub struct __m512bh([u16; 32]);
        #[derive(Clone, Copy)] #[rll_simd] #[repr(C, align(64))] pub struct __m512h([u16; 32]);
        #[derive(Clone, Copy)]
        pub struct CpuidResult { pub eax: u32, pub ebx: u32, pub ecx: u32, pub edx: u32 }
    }
    #[cfg(target_arch = "x86")]
    pub mod x86 {
        pub use super::x86_shared::*;
    }
    #[cfg(target_arch = "x86_64")]
    pub mod x86_64 {
        pub use super::x86_shared::*;
    }
    #[cfg(target_arch = "aarch64")]
    pub mod aarch64 {
        #[repr(C, align(16))] pub struct uint8x16_t([u8; 16]);
        #[repr(C, align(16))] pub struct uint16x8_t([u16; 8]);
        #[repr(C, align(16))] pub struct uint32x4_t([u32; 4]);
        #[repr(C, align(16))] pub struct uint64x2_t([u64; 2]);
        #[repr(C, align(8))] pub struct uint8x8_t([u8; 8]);
    }
}
// The proc_macro crate (a sysroot crate beside std: extern crate proc_macro, or a proc-macro
// crate's own), rustc 1.95's library/proc_macro/src/lib.rs and bridge/{mod,client,symbol}.rs. Its
// values are u32 handles into the compiler's tables. It needs std, hence #[rll_os(std)].
pub mod proc_macro {
    mod bridge {
        pub mod client {
            pub(crate) type Handle = crate::num::NonZero<u32>;
            #[derive(Copy, Clone)]
            pub struct Span { handle: Handle }
            pub struct TokenStream { handle: Handle }
        }
        pub mod symbol {
            #[derive(Copy, Clone)]
            pub struct Symbol(crate::num::NonZero<u32>);
        }
        pub enum LitKind { Byte, Char, Integer, Float, Str, StrRaw(u8), ByteStr, ByteStrRaw(u8), CStr, CStrRaw(u8), ErrWithGuar }
        #[derive(Copy, Clone)]
        pub struct DelimSpan<Span> { pub open: Span, pub close: Span, pub entire: Span }
        pub struct Group<TokenStream, Span> { pub delimiter: crate::proc_macro::Delimiter, pub stream: Option<TokenStream>, pub span: DelimSpan<Span> }
        pub struct Punct<Span> { pub ch: u8, pub joint: bool, pub span: Span }
        #[derive(Copy, Clone)]
        pub struct Ident<Span, Symbol> { pub sym: Symbol, pub is_raw: bool, pub span: Span }
        pub struct Literal<Span, Symbol> { pub kind: LitKind, pub symbol: Symbol, pub suffix: Option<Symbol>, pub span: Span }
        pub enum TokenTree<TokenStream, Span, Symbol> { Group(Group<TokenStream, Span>), Punct(Punct<Span>), Ident(Ident<Span, Symbol>), Literal(Literal<Span, Symbol>) }
    }
    use self::bridge::client;
    use self::bridge::symbol::Symbol;
    #[rll_os(std)]
    pub struct TokenStream(Option<client::TokenStream>);
    #[rll_os(std)]
    pub struct LexError(crate::string::String);
    #[rll_os(std)]
    #[derive(Copy, Clone)]
    pub struct Span(client::Span);
    #[rll_os(std)]
    pub enum TokenTree { Group(Group), Ident(Ident), Punct(Punct), Literal(Literal) }
    #[rll_os(std)]
    pub struct Group(bridge::Group<client::TokenStream, client::Span>);
    #[rll_os(std)]
    #[derive(Copy, Clone)]
    pub enum Delimiter { Parenthesis, Brace, Bracket, None }
    #[rll_os(std)]
    pub struct Punct(bridge::Punct<client::Span>);
    #[rll_os(std)]
    #[derive(Copy, Clone)]
    pub enum Spacing { Joint, Alone }
    #[rll_os(std)]
    pub struct Ident(bridge::Ident<client::Span, Symbol>);
    #[rll_os(std)]
    pub struct Literal(bridge::Literal<client::Span, Symbol>);
    pub mod token_stream {
        #[rll_os(std)]
        pub struct IntoIter(crate::vec::IntoIter<super::bridge::TokenTree<super::bridge::client::TokenStream, super::bridge::client::Span, super::bridge::symbol::Symbol>>);
    }
}
pub use self::option::Option;
pub use self::result::Result;
pub use self::vec::Vec;
pub use self::string::String;
pub use self::boxed::Box;
`;

/** Names the prelude puts in scope of every module (types only). */
export const PRELUDE: Readonly<Record<string, readonly string[]>> = {
  Option: ['option', 'Option'],
  Result: ['result', 'Result'],
  Vec: ['vec', 'Vec'],
  String: ['string', 'String'],
  Box: ['boxed', 'Box'],
};
