/**
 * rustc 1.95's verdict on each public std type met inside a zero-sized field of a
 * `#[repr(transparent)]` type, for its lint `repr_transparent_non_zst_fields` (denied by default):
 * rustc walks such a field through tuples, arrays and the fields of the types it meets, and
 * refuses a `repr(C)` type or another crate's type with private fields or `#[non_exhaustive]`.
 * The model's std is not std's own source (its private fields and attributes differ), so the
 * verdicts are rustc's, by the type's first public path (src/core/stdPublic.ts), each measured
 * in `[T; 0]` beside a `u8` (test/unit/stdModel.test.ts checks every public type of alignment 1):
 *  - 'ok': walked into without a finding, whatever its arguments;
 *  - 'args': its fields are its arguments, walked into (`Option<T>`, `Wrapping<T>`, and the
 *    `#[rustc_pub_transparent]` wrappers `Cell`, `UnsafeCell`, `ManuallyDrop`, `MaybeUninit`);
 *  - 'private', 'non_exhaustive': refused, whatever its arguments.
 * A type not listed is not known.
 */
export type StdTransparentVerdict = 'ok' | 'args' | 'private' | 'non_exhaustive';

export const STD_TRANSPARENT: Readonly<Record<string, StdTransparentVerdict>> = {
  'alloc::AllocError': 'ok', 'alloc::Global': 'ok', 'alloc::LayoutErr': 'non_exhaustive', 'alloc::LayoutError': 'non_exhaustive',
  'alloc::System': 'ok', 'array::TryFromSliceError': 'private', 'ascii::Char': 'ok', 'async_iter::FromIter': 'private',
  'backtrace::BacktraceStatus': 'non_exhaustive', 'cell::BorrowError': 'non_exhaustive', 'cell::BorrowMutError': 'non_exhaustive',
  'cell::Cell': 'args', 'cell::OnceCell': 'private', 'cell::SyncUnsafeCell': 'args', 'cell::UnsafeCell': 'args', 'char::CharTryFromError': 'private',
  'char::ParseCharError': 'private', 'char::TryFromCharError': 'private', 'cmp::Ordering': 'ok', 'cmp::Reverse': 'args',
  'collections::btree_map::UnorderedKeyError': 'ok', 'convert::Infallible': 'ok', 'env::JoinPathsError': 'private', 'error::Report': 'private',
  'ffi::c_char': 'ok', 'ffi::c_schar': 'ok', 'ffi::c_str::FromBytesUntilNulError': 'private', 'ffi::c_uchar': 'ok', 'ffi::c_void': 'ok',
  'fmt::Alignment': 'ok', 'fmt::DebugAsHex': 'ok', 'fmt::Error': 'ok', 'fmt::NumBuffer': 'private', 'fmt::Result': 'ok', 'fmt::Sign': 'ok',
  'future::Pending': 'private', 'future::PollFn': 'private', 'future::Ready': 'private', 'hash::BuildHasherDefault': 'private',
  'hint::Locality': 'non_exhaustive', 'index::Clamp': 'args', 'index::Last': 'ok', 'io::Bytes': 'private', 'io::Chain': 'private',
  'io::Empty': 'non_exhaustive', 'io::ErrorKind': 'non_exhaustive', 'io::Lines': 'private', 'io::Repeat': 'private', 'io::Sink': 'non_exhaustive',
  'io::Split': 'private', 'iter::Chain': 'private', 'iter::Cloned': 'private', 'iter::Copied': 'private', 'iter::Cycle': 'private',
  'iter::Empty': 'private', 'iter::Filter': 'private', 'iter::FilterMap': 'private', 'iter::FromCoroutine': 'private', 'iter::Fuse': 'private',
  'iter::Inspect': 'private', 'iter::Intersperse': 'private', 'iter::Map': 'private', 'iter::MapWhile': 'private', 'iter::Once': 'private',
  'iter::OnceWith': 'private', 'iter::Peekable': 'private', 'iter::Repeat': 'private', 'iter::RepeatWith': 'private', 'iter::Rev': 'private',
  'iter::SkipWhile': 'private', 'iter::TakeWhile': 'private', 'marker::PhantomContravariant': 'ok', 'marker::PhantomContravariantLifetime': 'ok',
  'marker::PhantomCovariant': 'ok', 'marker::PhantomCovariantLifetime': 'ok', 'marker::PhantomData': 'ok', 'marker::PhantomInvariant': 'ok',
  'marker::PhantomInvariantLifetime': 'ok', 'marker::PhantomPinned': 'ok', 'mem::Assume': 'ok', 'mem::Discriminant': 'private',
  'mem::ManuallyDrop': 'args', 'mem::MaybeDangling': 'args', 'mem::MaybeUninit': 'args', 'net::AddrParseError': 'private', 'net::IpAddr': 'private',
  'net::Ipv4Addr': 'private', 'net::Ipv6Addr': 'private', 'net::Ipv6MulticastScope': 'non_exhaustive', 'net::Shutdown': 'ok',
  'num::FpCategory': 'ok', 'num::IntErrorKind': 'non_exhaustive', 'num::NonZero': 'private', 'num::NonZeroI8': 'private',
  'num::NonZeroU8': 'private', 'num::ParseFloatError': 'private', 'num::ParseIntError': 'private', 'num::Saturating': 'args',
  'num::TryFromIntError': 'private', 'num::Wrapping': 'args', 'ops::Bound': 'args', 'ops::ControlFlow': 'args', 'ops::CoroutineState': 'args',
  'ops::OneSidedRangeBound': 'ok', 'ops::Range': 'args', 'ops::RangeFrom': 'args', 'ops::RangeFull': 'ok', 'ops::RangeInclusive': 'private',
  'ops::RangeTo': 'args', 'ops::RangeToInclusive': 'args', 'ops::Yeet': 'args', 'option::IntoIter': 'private', 'option::Option': 'args',
  'option::OptionFlatten': 'private', 'panic::AssertUnwindSafe': 'args', 'panic::BacktraceStyle': 'non_exhaustive',
  'path::NormalizeError': 'non_exhaustive', 'path::StripPrefixError': 'private', 'pin::Pin': 'args', 'pin::UnsafePinned': 'private',
  'proc_macro::Delimiter': 'ok', 'proc_macro::Spacing': 'ok', 'process::ExitCode': 'private', 'random::DefaultRandomSource': 'ok',
  'range::Range': 'args', 'range::RangeFrom': 'args', 'range::RangeFromIter': 'private', 'range::RangeInclusive': 'args',
  'range::RangeInclusiveIter': 'private', 'range::RangeIter': 'private', 'range::RangeToInclusive': 'args', 'result::IntoIter': 'private',
  'result::Result': 'args', 'slice::GetDisjointMutError': 'ok', 'str::ParseBoolError': 'non_exhaustive', 'string::FromUtf16Error': 'private',
  'sync::BarrierWaitResult': 'private', 'sync::Exclusive': 'private', 'sync::LockResult': 'private', 'sync::TryLockResult': 'private',
  'sync::WaitTimeoutResult': 'private', 'sync::atomic::AtomicBool': 'private', 'sync::atomic::AtomicI8': 'private',
  'sync::atomic::AtomicU8': 'private', 'sync::atomic::Ordering': 'non_exhaustive', 'sync::mpmc::SendTimeoutError': 'args',
  'sync::mpsc::RecvError': 'ok', 'sync::mpsc::RecvTimeoutError': 'ok', 'sync::mpsc::SendError': 'args', 'sync::mpsc::TryRecvError': 'ok',
  'sync::mpsc::TrySendError': 'args', 'sync::nonpoison::WouldBlock': 'ok', 'sync::poison::PoisonError': 'private',
  'sync::poison::TryLockError': 'private', 'task::Poll': 'args', 'thread::AccessError': 'non_exhaustive', 'time::TryFromFloatSecsError': 'private',
};
