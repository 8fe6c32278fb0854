/**
 * The standard library types, written as Rust definitions that mirror the *structure* of
 * rustc 1.95's std/core/alloc (field types, `?Sized` tails, `UnsafeCell`, valid-range
 * attributes) so that the ordinary layout algorithm computes their size, alignment and niche.
 * Field names are ours; only the shapes matter. Every type here is checked against the real
 * compiler by test/unit/std-types.test.ts.
 *
 * Attributes understood by the engine:
 *  - `#[rustc_layout_scalar_valid_range_start(N)]` / `_end(N)`: as in rustc (NonNull, NonZero…)
 *  - `#[lang = "unsafe_cell"]`: hides niches (UnsafeCell)
 *  - `#[rll_os]`: implementation depends on the OS; laid out only for 64-bit Linux targets
 *  - `#[rll_atomic(N)]`: exists only where the target has N-byte atomics
 *  - `#[rll_to_owned]`: the `<B as ToOwned>::Owned` type of its argument (for Cow)
 *  - `#[rll_unstable]`: an unstable type (f16, f128)
 */
export const STD_SOURCE = String.raw`
pub mod marker {
    pub struct PhantomData<T: ?Sized>;
    pub struct PhantomPinned;
}
pub mod mem {
    #[repr(transparent)]
    pub struct ManuallyDrop<T: ?Sized> { value: T }
    #[repr(transparent)]
    pub union MaybeUninit<T> { uninit: (), value: ManuallyDrop<T> }
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
    pub struct Ref<'b, T: ?Sized> { value: crate::ptr::NonNull<T>, borrow: &'b Cell<isize> }
    pub struct RefMut<'b, T: ?Sized> { value: crate::ptr::NonNull<T>, borrow: &'b Cell<isize>, marker: crate::marker::PhantomData<&'b mut T> }
    pub struct OnceCell<T> { inner: UnsafeCell<Option<T>> }
    pub struct LazyCell<T, F = fn() -> T> { state: UnsafeCell<LazyState<T, F>> }
    enum LazyState<T, F> { Uninit(F), Init(T), Poisoned }
}
pub mod ptr {
    #[rustc_layout_scalar_valid_range_start(1)]
    #[repr(transparent)]
    pub struct NonNull<T: ?Sized> { pointer: *const T }
    #[repr(transparent)]
    pub struct Unique<T: ?Sized> { pointer: NonNull<T>, marker: crate::marker::PhantomData<T> }
}
pub mod num {
    #[rustc_layout_scalar_valid_range_start(1)]
    #[repr(transparent)]
    pub struct NonZeroInner<T>(T);
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
    pub struct Wrapping<T>(pub T);
    #[repr(transparent)]
    pub struct Saturating<T>(pub T);
    pub struct ParseIntError { kind: IntErrorKind }
    pub enum IntErrorKind { Empty, InvalidDigit, PosOverflow, NegOverflow, Zero }
    pub struct ParseFloatError { kind: FloatErrorKind }
    enum FloatErrorKind { Empty, Invalid }
    pub struct TryFromIntError(());
    pub enum FpCategory { Nan, Infinite, Zero, Subnormal, Normal }
}
pub mod option {
    pub enum Option<T> { None, Some(T) }
}
pub mod result {
    pub enum Result<T, E> { Ok(T), Err(E) }
}
pub mod cmp {
    #[repr(i8)]
    pub enum Ordering { Less = -1, Equal = 0, Greater = 1 }
    #[repr(transparent)]
    pub struct Reverse<T>(pub T);
}
pub mod convert {
    pub enum Infallible {}
}
pub mod ops {
    pub struct Range<Idx> { pub start: Idx, pub end: Idx }
    pub struct RangeFrom<Idx> { pub start: Idx }
    pub struct RangeTo<Idx> { pub end: Idx }
    pub struct RangeFull;
    pub struct RangeInclusive<Idx> { start: Idx, end: Idx, exhausted: bool }
    pub struct RangeToInclusive<Idx> { pub end: Idx }
    pub enum Bound<T> { Included(T), Excluded(T), Unbounded }
    pub enum ControlFlow<B, C = ()> { Continue(C), Break(B) }
}
pub mod time {
    #[rustc_layout_scalar_valid_range_start(0)]
    #[rustc_layout_scalar_valid_range_end(999999999)]
    #[repr(transparent)]
    struct Nanoseconds(u32);
    pub struct Duration { secs: u64, nanos: Nanoseconds }
    #[rll_os]
    struct Timespec { tv_sec: i64, tv_nsec: Nanoseconds }
    #[rll_os]
    pub struct Instant(Timespec);
    #[rll_os]
    pub struct SystemTime(Timespec);
    pub struct SystemTimeError(Duration);
}
pub mod alloc {
    pub struct Global;
    pub struct System;
    #[cfg(target_pointer_width = "64")]
    #[rustc_layout_scalar_valid_range_start(1)]
    #[rustc_layout_scalar_valid_range_end(9223372036854775808)]
    #[repr(transparent)]
    struct Alignment(usize);
    #[cfg(target_pointer_width = "32")]
    #[rustc_layout_scalar_valid_range_start(1)]
    #[rustc_layout_scalar_valid_range_end(2147483648)]
    #[repr(transparent)]
    struct Alignment(usize);
    pub struct Layout { size: usize, align: Alignment }
    pub struct LayoutError;
    pub struct AllocError;
}
pub mod raw_vec {
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
}
pub mod vec {
    pub struct Vec<T, A = crate::alloc::Global> { buf: crate::raw_vec::RawVec<T, A>, len: usize }
    pub struct IntoIter<T, A = crate::alloc::Global> {
        buf: crate::ptr::NonNull<T>,
        phantom: crate::marker::PhantomData<T>,
        cap: usize,
        alloc: crate::mem::ManuallyDrop<A>,
        ptr: crate::ptr::NonNull<T>,
        end: *const T,
    }
}
pub mod string {
    pub struct String { vec: crate::vec::Vec<u8> }
    pub struct FromUtf8Error { bytes: crate::vec::Vec<u8>, error: crate::str::Utf8Error }
}
pub mod str {
    pub struct Utf8Error { valid_up_to: usize, error_len: crate::option::Option<u8> }
    pub struct Chars<'a> { iter: crate::slice::Iter<'a, u8> }
    pub struct Bytes<'a>(crate::slice::Iter<'a, u8>);
}
pub mod slice {
    pub struct Iter<'a, T> { ptr: crate::ptr::NonNull<T>, end_or_len: *const T, marker: crate::marker::PhantomData<&'a T> }
    pub struct IterMut<'a, T> { ptr: crate::ptr::NonNull<T>, end_or_len: *mut T, marker: crate::marker::PhantomData<&'a mut T> }
}
pub mod rc {
    struct RcInner<T: ?Sized> { strong: crate::cell::Cell<usize>, weak: crate::cell::Cell<usize>, value: T }
    pub struct Rc<T: ?Sized, A = crate::alloc::Global> {
        ptr: crate::ptr::NonNull<RcInner<T>>,
        phantom: crate::marker::PhantomData<RcInner<T>>,
        alloc: A,
    }
    pub struct Weak<T: ?Sized, A = crate::alloc::Global> { ptr: crate::ptr::NonNull<RcInner<T>>, alloc: A }
}
pub mod sync {
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
        pub enum Ordering { Relaxed, Release, Acquire, AcqRel, SeqCst }
    }
    struct ArcInner<T: ?Sized> { strong: atomic::AtomicUsize, weak: atomic::AtomicUsize, data: T }
    pub struct Arc<T: ?Sized, A = crate::alloc::Global> {
        ptr: crate::ptr::NonNull<ArcInner<T>>,
        phantom: crate::marker::PhantomData<ArcInner<T>>,
        alloc: A,
    }
    pub struct Weak<T: ?Sized, A = crate::alloc::Global> { ptr: crate::ptr::NonNull<ArcInner<T>>, alloc: A }
    #[rll_os]
    struct Futex { futex: atomic::AtomicU32 }
    #[rll_os]
    struct PoisonFlag { failed: atomic::AtomicBool }
    #[rll_os]
    pub struct Mutex<T: ?Sized> { inner: Futex, poison: PoisonFlag, data: crate::cell::UnsafeCell<T> }
    #[rll_os]
    pub struct MutexGuard<'a, T: ?Sized> { lock: &'a Mutex<T>, poison: bool }
    #[rll_os]
    struct FutexRwLock { state: atomic::AtomicU32, writer_notify: atomic::AtomicU32 }
    #[rll_os]
    pub struct RwLock<T: ?Sized> { inner: FutexRwLock, poison: PoisonFlag, data: crate::cell::UnsafeCell<T> }
    #[rll_os]
    pub struct Condvar { inner: Futex }
    #[rll_os]
    pub struct Once { inner: Futex }
    #[rll_os]
    pub struct OnceLock<T> { once: Once, value: crate::cell::UnsafeCell<crate::mem::MaybeUninit<T>>, marker: crate::marker::PhantomData<T> }
    #[rll_os]
    pub struct LazyLock<T, F = fn() -> T> { once: Once, data: crate::cell::UnsafeCell<LazyData<T, F>> }
    union LazyData<T, F> { value: crate::mem::ManuallyDrop<T>, f: crate::mem::ManuallyDrop<F> }
    #[rll_os]
    pub struct Barrier { lock: Mutex<(usize, usize)>, cvar: Condvar, num_threads: usize }
    pub mod mpsc {
        enum Flavor<T> { Array(*const T), List(*const T), Zero(*const T) }
        #[rll_os]
        pub struct Sender<T> { inner: Flavor<T> }
        #[rll_os]
        pub struct Receiver<T> { inner: Flavor<T> }
        #[rll_os]
        pub struct SyncSender<T> { inner: Flavor<T> }
    }
}
pub mod collections {
    pub mod hash_map {
        #[rll_os]
        pub struct RandomState { k0: u64, k1: u64 }
        pub struct DefaultHasher(SipHasher13);
        struct SipHasher13 { k0: u64, k1: u64, length: usize, v0: u64, v2: u64, v1: u64, v3: u64, tail: u64, ntail: usize }
        #[rll_os]
        pub struct HashMap<K, V, S = RandomState> { base: crate::hashbrown::HashMap<K, V, S> }
    }
    pub mod hash_set {
        #[rll_os]
        pub struct HashSet<T, S = super::hash_map::RandomState> { base: crate::hashbrown::HashSet<T, S> }
    }
    pub use self::hash_map::HashMap;
    pub use self::hash_set::HashSet;
    pub mod btree_map {
        struct LeafNode<K, V> { parent: *const u8, keys: [K; 11], vals: [V; 11], parent_idx: u16, len: u16 }
        struct Root<K, V> { height: usize, node: crate::ptr::NonNull<LeafNode<K, V>>, marker: crate::marker::PhantomData<(K, V)> }
        pub struct BTreeMap<K, V, A = crate::alloc::Global> {
            root: crate::option::Option<Root<K, V>>,
            length: usize,
            alloc: crate::mem::ManuallyDrop<A>,
            marker: crate::marker::PhantomData<crate::boxed::Box<(K, V), A>>,
        }
    }
    pub mod btree_set {
        struct SetValZst;
        pub struct BTreeSet<T, A = crate::alloc::Global> { map: super::btree_map::BTreeMap<T, SetValZst, A> }
    }
    pub use self::btree_map::BTreeMap;
    pub use self::btree_set::BTreeSet;
    pub mod vec_deque {
        pub struct VecDeque<T, A = crate::alloc::Global> { head: usize, len: usize, buf: crate::raw_vec::RawVec<T, A> }
    }
    pub use self::vec_deque::VecDeque;
    pub mod binary_heap {
        pub struct BinaryHeap<T, A = crate::alloc::Global> { data: crate::vec::Vec<T, A> }
    }
    pub use self::binary_heap::BinaryHeap;
    pub mod linked_list {
        struct Node<T> { next: crate::option::Option<crate::ptr::NonNull<Node<T>>>, prev: crate::option::Option<crate::ptr::NonNull<Node<T>>>, element: T }
        pub struct LinkedList<T, A = crate::alloc::Global> {
            head: crate::option::Option<crate::ptr::NonNull<Node<T>>>,
            tail: crate::option::Option<crate::ptr::NonNull<Node<T>>>,
            len: usize,
            alloc: A,
            marker: crate::marker::PhantomData<crate::boxed::Box<Node<T>, A>>,
        }
    }
    pub use self::linked_list::LinkedList;
}
mod hashbrown {
    struct RawTableInner { bucket_mask: usize, ctrl: crate::ptr::NonNull<u8>, growth_left: usize, items: usize }
    pub struct RawTable<T, A = crate::alloc::Global> { table: RawTableInner, alloc: A, marker: crate::marker::PhantomData<T> }
    pub struct HashMap<K, V, S, A = crate::alloc::Global> { hash_builder: S, table: RawTable<(K, V), A> }
    pub struct HashSet<T, S, A = crate::alloc::Global> { map: HashMap<T, (), S, A> }
}
pub mod borrow {
    pub enum Cow<'a, B: ?Sized> { Borrowed(&'a B), Owned(ToOwnedOf<B>) }
    #[rll_to_owned]
    pub struct ToOwnedOf<B: ?Sized>(B);
}
pub mod ffi {
    pub type c_char = i8;
    pub type c_schar = i8;
    pub type c_uchar = u8;
    pub type c_short = i16;
    pub type c_ushort = u16;
    pub type c_int = i32;
    pub type c_uint = u32;
    #[cfg(target_pointer_width = "64")]
    pub type c_long = i64;
    #[cfg(target_pointer_width = "64")]
    pub type c_ulong = u64;
    #[cfg(target_pointer_width = "32")]
    pub type c_long = i32;
    #[cfg(target_pointer_width = "32")]
    pub type c_ulong = u32;
    pub type c_longlong = i64;
    pub type c_ulonglong = u64;
    pub type c_float = f32;
    pub type c_double = f64;
    pub enum c_void { Variant1, Variant2 }
    pub struct CString { inner: crate::boxed::Box<[u8]> }
    pub struct CStr { inner: [c_char] }
    pub struct OsString { inner: OsBuf }
    struct OsBuf { inner: crate::vec::Vec<u8> }
    pub struct OsStr { inner: OsSlice }
    struct OsSlice { inner: [u8] }
    pub struct NulError(usize, crate::vec::Vec<u8>);
}
pub mod path {
    pub struct PathBuf { inner: crate::ffi::OsString }
    pub struct Path { inner: crate::ffi::OsStr }
}
pub mod io {
    pub struct Error { repr: crate::ptr::NonNull<()>, marker: crate::marker::PhantomData<()> }
    pub type Result<T> = crate::result::Result<T, Error>;
    pub enum ErrorKind { NotFound, PermissionDenied, ConnectionRefused, ConnectionReset, HostUnreachable, NetworkUnreachable, ConnectionAborted, NotConnected, AddrInUse, AddrNotAvailable, NetworkDown, BrokenPipe, AlreadyExists, WouldBlock, NotADirectory, IsADirectory, DirectoryNotEmpty, ReadOnlyFilesystem, FilesystemLoop, StaleNetworkFileHandle, InvalidInput, InvalidData, TimedOut, WriteZero, StorageFull, NotSeekable, QuotaExceeded, FileTooLarge, ResourceBusy, ExecutableFileBusy, Deadlock, CrossesDevices, TooManyLinks, InvalidFilename, ArgumentListTooLong, Interrupted, Unsupported, UnexpectedEof, OutOfMemory, InProgress, Other, Uncategorized }
}
pub mod fs {
    #[rll_os]
    #[rustc_layout_scalar_valid_range_start(0)]
    #[rustc_layout_scalar_valid_range_end(4294967294)]
    #[repr(transparent)]
    struct OwnedFd { fd: i32 }
    #[rll_os]
    pub struct File { inner: OwnedFd }
}
pub mod thread {
    #[rll_os]
    pub struct ThreadId(crate::num::NonZero<u64>);
}
pub mod any {
    pub struct TypeId { t: (u64, u64) }
}
pub mod fmt {
    pub struct Arguments<'a> { template: crate::ptr::NonNull<u8>, args: crate::ptr::NonNull<u8>, marker: crate::marker::PhantomData<&'a ()> }
    pub struct Error;
    pub type Result = crate::result::Result<(), Error>;
}
pub mod net {
    pub struct Ipv4Addr { octets: [u8; 4] }
    pub struct Ipv6Addr { octets: [u8; 16] }
    pub enum IpAddr { V4(Ipv4Addr), V6(Ipv6Addr) }
}
pub mod pin {
    #[repr(transparent)]
    pub struct Pin<Ptr> { pointer: Ptr }
}
pub mod task {
    pub enum Poll<T> { Ready(T), Pending }
    pub struct RawWakerVTable { clone: fn(*const ()) -> RawWaker, wake: fn(*const ()), wake_by_ref: fn(*const ()), drop: fn(*const ()) }
    pub struct RawWaker { data: *const (), vtable: &'static RawWakerVTable }
    pub struct Waker { waker: RawWaker }
}
pub mod iter {
    pub struct Rev<T> { iter: T }
    pub struct Chain<A, B> { a: crate::option::Option<A>, b: crate::option::Option<B> }
    pub struct Filter<I, P> { iter: I, predicate: P }
    pub struct Map<I, F> { iter: I, f: F }
    pub struct Enumerate<I> { iter: I, count: usize }
    pub struct Skip<I> { iter: I, n: usize }
    pub struct Take<I> { iter: I, n: usize }
    pub struct Cloned<I> { it: I }
    pub struct Copied<I> { it: I }
    pub struct Fuse<I> { iter: crate::option::Option<I> }
}
pub mod arch {
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    pub mod x86 {
        #[repr(C, align(16))] pub struct __m128i([i64; 2]);
        #[repr(C, align(16))] pub struct __m128([f32; 4]);
        #[repr(C, align(16))] pub struct __m128d([f64; 2]);
        #[repr(C, align(32))] pub struct __m256i([i64; 4]);
        #[repr(C, align(32))] pub struct __m256([f32; 8]);
        #[repr(C, align(32))] pub struct __m256d([f64; 4]);
        #[repr(C, align(64))] pub struct __m512i([i64; 8]);
        #[repr(C, align(64))] pub struct __m512([f32; 16]);
        #[repr(C, align(64))] pub struct __m512d([f64; 8]);
    }
    #[cfg(target_arch = "x86_64")]
    pub mod x86_64 {
        pub use super::x86::*;
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
pub mod hash {
    pub use crate::collections::hash_map::{RandomState, DefaultHasher};
}
pub mod os {
    pub mod raw {
        pub use crate::ffi::*;
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
