/**
 * The modelled std's public items that stable rustc 1.95 refuses without a `#![feature(..)]`
 * (E0658), by their first public path (src/core/stdPublic.ts), with the feature each needs. An
 * item counts when every public path to it is unstable: `std::sync::Mutex` is stable though
 * `std::sync::poison::Mutex` is not. `test/unit/stdUnstable.test.ts` measures the list again
 * with rustc (a `use` of every public path) and fails when it differs.
 */
export const UNSTABLE_STD: Readonly<Record<string, string>> = {
  'alloc::AllocError': 'allocator_api',
  'alloc::Global': 'allocator_api',
  'ascii::Char': 'ascii_char',
  'async_iter::FromIter': 'async_iter_from_iter',
  'backtrace::BacktraceFrame': 'backtrace_frames',
  'boxed::ThinBox': 'thin_box',
  'bstr::ByteStr': 'bstr',
  'bstr::ByteString': 'bstr',
  'cell::SyncUnsafeCell': 'sync_unsafe_cell',
  'collections::TryReserveErrorKind': 'try_reserve_kind',
  'collections::binary_heap::DrainSorted': 'binary_heap_drain_sorted',
  'collections::binary_heap::IntoIterSorted': 'binary_heap_into_iter_sorted',
  'collections::btree_map::Cursor': 'btree_cursors',
  'collections::btree_map::CursorMut': 'btree_cursors',
  'collections::btree_map::CursorMutKey': 'btree_cursors',
  'collections::btree_map::OccupiedError': 'map_try_insert',
  'collections::btree_map::UnorderedKeyError': 'btree_cursors',
  'collections::btree_set::Cursor': 'btree_cursors',
  'collections::btree_set::CursorMut': 'btree_cursors',
  'collections::btree_set::CursorMutKey': 'btree_cursors',
  'collections::btree_set::Entry': 'btree_set_entry',
  'collections::btree_set::OccupiedEntry': 'btree_set_entry',
  'collections::btree_set::VacantEntry': 'btree_set_entry',
  'collections::hash_map::OccupiedError': 'map_try_insert',
  'collections::hash_set::Entry': 'hash_set_entry',
  'collections::hash_set::OccupiedEntry': 'hash_set_entry',
  'collections::hash_set::VacantEntry': 'hash_set_entry',
  'collections::linked_list::Cursor': 'linked_list_cursors',
  'collections::linked_list::CursorMut': 'linked_list_cursors',
  'collections::vec_deque::ExtractIf': 'vec_deque_extract_if',
  'collections::vec_deque::Splice': 'deque_extend_front',
  'error::Report': 'error_reporter',
  'fmt::DebugAsHex': 'formatting_options',
  'fmt::FormattingOptions': 'formatting_options',
  'fmt::Sign': 'formatting_options',
  'hint::Locality': 'hint_prefetch',
  'io::BorrowedBuf': 'core_io_borrowed_buf',
  'io::BorrowedCursor': 'core_io_borrowed_buf',
  'iter::ArrayChunks': 'iter_array_chunks',
  'iter::ByRefSized': 'std_internals',
  'iter::FromCoroutine': 'iter_from_coroutine',
  'iter::Intersperse': 'iter_intersperse',
  'iter::IntersperseWith': 'iter_intersperse',
  'iter::MapWindows': 'iter_map_windows',
  'marker::PhantomContravariant': 'phantom_variance_markers',
  'marker::PhantomContravariantLifetime': 'phantom_variance_markers',
  'marker::PhantomCovariant': 'phantom_variance_markers',
  'marker::PhantomCovariantLifetime': 'phantom_variance_markers',
  'marker::PhantomInvariant': 'phantom_variance_markers',
  'marker::PhantomInvariantLifetime': 'phantom_variance_markers',
  'mem::Assume': 'transmutability',
  'mem::DropGuard': 'drop_guard',
  'mem::MaybeDangling': 'maybe_dangling',
  'net::IntoIncoming': 'tcplistener_into_incoming',
  'net::Ipv6MulticastScope': 'ip',
  'ops::CoroutineState': 'coroutine_trait',
  'ops::OneSidedRangeBound': 'one_sided_range',
  'ops::Yeet': 'try_trait_v2_yeet',
  'option::OptionFlatten': 'option_into_flat_iter',
  'os::linux::process::PidFd': 'linux_pidfd',
  'os::unix::net::AncillaryData': 'unix_socket_ancillary_data',
  'os::unix::net::AncillaryError': 'unix_socket_ancillary_data',
  'os::unix::net::Messages': 'unix_socket_ancillary_data',
  'os::unix::net::ScmCredentials': 'unix_socket_ancillary_data',
  'os::unix::net::ScmRights': 'unix_socket_ancillary_data',
  'os::unix::net::SocketAncillary': 'unix_socket_ancillary_data',
  'os::unix::net::SocketCred': 'unix_socket_ancillary_data',
  'os::unix::net::UCred': 'peer_credentials_unix_socket',
  'panic::BacktraceStyle': 'panic_backtrace_config',
  'path::NormalizeError': 'normalize_lexically',
  'pin::UnsafePinned': 'unsafe_pinned',
  'process::ExitStatusError': 'exit_status_error',
  'ptr::Alignment': 'ptr_alignment_type',
  'ptr::DynMetadata': 'ptr_metadata',
  'random::DefaultRandomSource': 'random',
  'range::Range': 'new_range_api',
  'range::RangeFrom': 'new_range_api',
  'range::RangeFromIter': 'new_range_api',
  'range::RangeIter': 'new_range_api',
  'range::RangeToInclusive': 'new_range_api',
  'rc::UniqueRc': 'unique_rc_arc',
  'str::pattern::CharArrayRefSearcher': 'pattern',
  'str::pattern::CharArraySearcher': 'pattern',
  'str::pattern::CharPredicateSearcher': 'pattern',
  'str::pattern::CharSearcher': 'pattern',
  'str::pattern::CharSliceSearcher': 'pattern',
  'str::pattern::SearchStep': 'pattern',
  'str::pattern::StrSearcher': 'pattern',
  'str::pattern::Utf8Pattern': 'pattern',
  'string::IntoChars': 'string_into_chars',
  'sync::Exclusive': 'exclusive_wrapper',
  'sync::ReentrantLock': 'reentrant_lock',
  'sync::ReentrantLockGuard': 'reentrant_lock',
  'sync::UniqueArc': 'unique_rc_arc',
  'sync::mpmc::IntoIter': 'mpmc_channel',
  'sync::mpmc::Iter': 'mpmc_channel',
  'sync::mpmc::Receiver': 'mpmc_channel',
  'sync::mpmc::SendTimeoutError': 'mpmc_channel',
  'sync::mpmc::Sender': 'mpmc_channel',
  'sync::mpmc::TryIter': 'mpmc_channel',
  'sync::nonpoison::Condvar': 'nonpoison_condvar',
  'sync::nonpoison::MappedMutexGuard': 'mapped_lock_guards',
  'sync::nonpoison::MappedRwLockReadGuard': 'mapped_lock_guards',
  'sync::nonpoison::MappedRwLockWriteGuard': 'mapped_lock_guards',
  'sync::nonpoison::Mutex': 'nonpoison_mutex',
  'sync::nonpoison::MutexGuard': 'nonpoison_mutex',
  'sync::nonpoison::RwLock': 'nonpoison_rwlock',
  'sync::nonpoison::RwLockReadGuard': 'nonpoison_rwlock',
  'sync::nonpoison::RwLockWriteGuard': 'nonpoison_rwlock',
  'sync::nonpoison::WouldBlock': 'sync_nonpoison',
  'sync::oneshot::Receiver': 'oneshot_channel',
  'sync::oneshot::RecvTimeoutError': 'oneshot_channel',
  'sync::oneshot::Sender': 'oneshot_channel',
  'sync::oneshot::TryRecvError': 'oneshot_channel',
  'sync::poison::MappedMutexGuard': 'mapped_lock_guards',
  'sync::poison::MappedRwLockReadGuard': 'mapped_lock_guards',
  'sync::poison::MappedRwLockWriteGuard': 'mapped_lock_guards',
  'task::ContextBuilder': 'local_waker',
  'task::LocalWaker': 'local_waker',
  'vec::PeekMut': 'vec_peek_mut',
};

/**
 * Items of the model that `std` does not export at all in rustc 1.95 (every `std::` path to them
 * is E0432), by their first public path: `core` has them behind the feature named here, or
 * stably (`null`). `proc_macro`'s items, the `proc_macro` crate's and not std's, are left to that
 * crate.
 */
export const NOT_IN_STD: Readonly<Record<string, string | null>> = {
  'error::Source': 'error_iter',
  'ffi::c_str::Bytes': 'cstr_bytes',
  'fmt::NumBuffer': 'int_format_into',
  'index::Clamp': 'sliceindex_wrappers',
  'index::Last': 'sliceindex_wrappers',
  'panic::PanicMessage': null,
};

/**
 * Paths under `std::` that rustc 1.95 refuses though the item is reachable by another
 * (`std::sync::poison::Mutex` is unstable, `std::sync::Mutex` is not; `std::Vec` does not exist,
 * the prelude's `Vec` does): a path, or a module ending in `::`, with the feature it needs, or
 * `null` where no feature makes it valid (E0412).
 */
export const STD_PATHS_REFUSED: Readonly<Record<string, string | null>> = {
  'Box': null,
  'Option': null,
  'Result': null,
  'String': null,
  'Vec': null,
  'range::legacy::': 'new_range_api',
  'sync::mpmc::': 'mpmc_channel',
  'sync::poison::': 'sync_poison_mod',
};

/** What STD_PATHS_REFUSED says of a path written after `std::` (`sync::poison::Mutex`), if anything. */
export function stdPathRefused(rest: string): { readonly feature: string | null } | undefined {
  const exact = STD_PATHS_REFUSED[rest];
  if (exact !== undefined) return { feature: exact };
  for (const [p, feature] of Object.entries(STD_PATHS_REFUSED)) if (p.endsWith('::') && rest.startsWith(p)) return { feature };
  return undefined;
}
