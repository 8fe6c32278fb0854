/**
 * What std's impls say of std traits beyond the derivable ones (src/core/bounds.ts decides those):
 * the I/O traits (`io::Write`, `Read`, `BufRead`, `Seek`), `fmt::Write`, `Display`, `Error`, `Any`,
 * and the traits with a generic argument a bound names with it (`AsRef<str>`, `Borrow<str>`,
 * `TryFrom<u32>`, `Extend<u8>`, `FromIterator<char>`, `Index<usize>`, `Deref<Target = str>`…).
 *
 * Each answer is true or false only where std's impls are fixed for the type (the language's types,
 * the std types listed), and a crate may not add one (the orphan rule); 'unknown' otherwise. A
 * crate's own type is decided by its crate's impls, through the host. Every entry was measured
 * against rustc 1.95 (test/unit/stdTraitBounds.test.ts).
 */
import type { GArg, Ty } from './engine';

export type Verdict = boolean | 'unknown';

/** The std traits without generic arguments decided here, by where std defines them. */
export type PlainStdTrait = 'Display' | 'Error' | 'io::Write' | 'fmt::Write' | 'Read' | 'BufRead' | 'Seek' | 'Any';

/** The std traits a bound names with a generic argument, decided here. */
export type ArgStdTrait = 'AsRef' | 'AsMut' | 'Borrow' | 'BorrowMut' | 'TryFrom' | 'TryInto' | 'Extend' | 'FromIterator' | 'Index' | 'IndexMut' | 'Deref' | 'DerefMut';

/** Whether the prelude names a trait: in every edition, in none, or from an edition on. */
export type PreludeFrom = boolean | '2021' | '2024';

/** Whether a trait the prelude names `from` is in scope in a crate of `edition` (a file alone: 2021). */
export function inPrelude(from: PreludeFrom, edition: string | undefined): boolean {
  if (typeof from === 'boolean') return from;
  return Number(edition ?? '2021') >= Number(from);
}

/**
 * Where std defines each trait a bound may name (`module::Name`), and whether the prelude names it
 * (`2021`, `2024`: from that edition on). A trait found here whose bound this module does not
 * decide is still std's: a use whose argument may not have it is unknown.
 */
export const STD_TRAIT_HOMES: Readonly<Record<string, readonly { readonly module: string; readonly prelude: PreludeFrom }[]>> = {
  Display: [{ module: 'fmt', prelude: false }],
  Error: [{ module: 'error', prelude: false }],
  Write: [{ module: 'io', prelude: false }, { module: 'fmt', prelude: false }],
  Read: [{ module: 'io', prelude: false }],
  BufRead: [{ module: 'io', prelude: false }],
  Seek: [{ module: 'io', prelude: false }],
  Any: [{ module: 'any', prelude: false }],
  AsRef: [{ module: 'convert', prelude: true }],
  AsMut: [{ module: 'convert', prelude: true }],
  Borrow: [{ module: 'borrow', prelude: false }],
  BorrowMut: [{ module: 'borrow', prelude: false }],
  TryFrom: [{ module: 'convert', prelude: '2021' }],
  TryInto: [{ module: 'convert', prelude: '2021' }],
  Extend: [{ module: 'iter', prelude: true }],
  FromIterator: [{ module: 'iter', prelude: '2021' }],
  Index: [{ module: 'ops', prelude: false }],
  IndexMut: [{ module: 'ops', prelude: false }],
  Deref: [{ module: 'ops', prelude: false }],
  DerefMut: [{ module: 'ops', prelude: false }],
  Iterator: [{ module: 'iter', prelude: true }],
  IntoIterator: [{ module: 'iter', prelude: true }],
  DoubleEndedIterator: [{ module: 'iter', prelude: true }],
  ExactSizeIterator: [{ module: 'iter', prelude: true }],
  Sum: [{ module: 'iter', prelude: false }],
  Product: [{ module: 'iter', prelude: false }],
  Future: [{ module: 'future', prelude: '2024' }],
  RangeBounds: [{ module: 'ops', prelude: false }],
  Hasher: [{ module: 'hash', prelude: false }],
  BuildHasher: [{ module: 'hash', prelude: false }],
  ToOwned: [{ module: 'borrow', prelude: true }],
  ToString: [{ module: 'string', prelude: true }],
};

/** What the rules need of the engine. */
export interface RulesHost {
  /** The public path of a std type (`io::Cursor`, `string::String`), undefined for a crate's. */
  stdPath(ty: Extract<Ty, { k: 'adt' }>): string | undefined;
  /** Whether two types are the same (undefined: not known). */
  sameTy(a: Ty, b: Ty): boolean | undefined;
  /** Whether `to: From<from>` holds (src/core/bounds.ts). */
  conversion(from: Ty, to: Ty): Verdict;
  /** What a crate's impls say of its type and a plain std trait ('unknown' where not all are seen). */
  crateImpls(ty: Extract<Ty, { k: 'adt' }>, trait: PlainStdTrait): Verdict;
  /** What a crate's impls say of its type and a std trait with an argument (`impl AsRef<str> for X`; `Deref` with its `Target`). */
  crateArgImpls(ty: Extract<Ty, { k: 'adt' }>, trait: ArgStdTrait, arg: Ty | undefined, target: Ty | undefined): Verdict;
}

const MAX_DEPTH = 32;

function scalar(ty: Ty): boolean {
  return ty.k === 'int' || ty.k === 'float' || ty.k === 'bool' || ty.k === 'char';
}

function rawPtr(ty: Ty): boolean {
  return ty.k === 'ptr' && (ty.kind === '*const' || ty.kind === '*mut');
}

function argTy(ty: Extract<Ty, { k: 'adt' }>, i: number): Ty | undefined {
  const a: GArg | undefined = ty.args[i];
  return a?.k === 'ty' ? a.ty : undefined;
}

function isU8(ty: Ty | undefined): boolean {
  return ty?.k === 'int' && ty.name === 'u8';
}

/** A `Vec`, `VecDeque` or `Box` with std's own allocator (a written one leaves impls unread). */
function globalAlloc(ty: Extract<Ty, { k: 'adt' }>, at: number): boolean {
  const a = ty.args[at];
  return a === undefined || (a.k === 'ty' && a.ty.k === 'adt' && a.ty.def.m.crate.isStd && a.ty.def.item.name === 'Global');
}

function all(xs: readonly Verdict[]): Verdict {
  if (xs.includes(false)) return false;
  return xs.includes('unknown') ? 'unknown' : true;
}

/** Std's error types (`Error` and `Display`, whatever their arguments). */
const ERRORS: ReadonlySet<string> = new Set([
  'io::Error', 'fmt::Error', 'num::ParseIntError', 'num::ParseFloatError', 'num::TryFromIntError', 'str::Utf8Error', 'string::FromUtf8Error',
  'string::FromUtf16Error', 'str::ParseBoolError', 'char::ParseCharError', 'char::CharTryFromError', 'char::TryFromCharError', 'env::VarError',
  'env::JoinPathsError', 'ffi::NulError', 'ffi::IntoStringError', 'ffi::FromBytesWithNulError', 'net::AddrParseError', 'time::SystemTimeError',
  'time::TryFromFloatSecsError', 'sync::mpsc::RecvError', 'sync::mpsc::TryRecvError', 'sync::mpsc::RecvTimeoutError', 'sync::mpsc::SendError',
  'sync::mpsc::TrySendError', 'sync::PoisonError', 'sync::TryLockError', 'cell::BorrowError', 'cell::BorrowMutError', 'thread::AccessError',
  'alloc::LayoutError', 'array::TryFromSliceError', 'convert::Infallible',
]);

/** Std types with neither `Display` nor `Error` (nor any of the I/O traits but where listed below). */
const NEITHER: ReadonlySet<string> = new Set([
  'option::Option', 'result::Result', 'vec::Vec', 'collections::vec_deque::VecDeque', 'collections::hash_map::HashMap', 'collections::hash_set::HashSet',
  'collections::btree_map::BTreeMap', 'collections::btree_set::BTreeSet', 'marker::PhantomData', 'marker::PhantomPinned', 'time::Duration',
  'cell::Cell', 'cell::RefCell', 'sync::Mutex', 'sync::RwLock', 'path::PathBuf', 'ffi::CString', 'ffi::OsString', 'fs::File', 'io::Stdout',
  'io::Stderr', 'io::Stdin', 'io::Cursor', 'io::BufReader', 'io::BufWriter', 'io::LineWriter', 'net::TcpStream', 'net::UdpSocket', 'thread::JoinHandle',
  'num::IntErrorKind',
]);

/** Std types with `Display` that are not errors: when their arguments have it, for those listed with an index. */
const DISPLAY_ONLY: Readonly<Record<string, readonly number[]>> = {
  'string::String': [], 'fmt::Arguments': [], 'io::ErrorKind': [], 'num::NonZero': [], 'num::Wrapping': [0], 'boxed::Box': [0], 'rc::Rc': [0],
  'sync::Arc': [0], 'pin::Pin': [0],
};

/**
 * The I/O traits of std's I/O types: true, false, or what an argument must have (its index, and
 * the trait: `Cursor<T>` reads where `T: AsRef<[u8]>`, written 'bytes'). Types not listed have
 * none of them when in NEITHER, else are not known.
 */
type IoRule = boolean | readonly (readonly [number, IoTrait | 'bytes' | 'bytesMut'])[];
type IoTrait = 'io::Write' | 'Read' | 'BufRead' | 'Seek';
const IO: Readonly<Record<string, Readonly<Record<IoTrait, IoRule>>>> = {
  'fs::File': { 'io::Write': true, Read: true, BufRead: false, Seek: true },
  'io::Stdout': { 'io::Write': true, Read: false, BufRead: false, Seek: false },
  'io::Stderr': { 'io::Write': true, Read: false, BufRead: false, Seek: false },
  'io::StdoutLock': { 'io::Write': true, Read: false, BufRead: false, Seek: false },
  'io::StderrLock': { 'io::Write': true, Read: false, BufRead: false, Seek: false },
  'io::Stdin': { 'io::Write': false, Read: true, BufRead: false, Seek: false },
  'io::StdinLock': { 'io::Write': false, Read: true, BufRead: true, Seek: false },
  'io::Sink': { 'io::Write': true, Read: false, BufRead: false, Seek: false },
  'io::Empty': { 'io::Write': true, Read: true, BufRead: true, Seek: true },
  'io::Repeat': { 'io::Write': false, Read: true, BufRead: false, Seek: false },
  'net::TcpStream': { 'io::Write': true, Read: true, BufRead: false, Seek: false },
  'net::UdpSocket': { 'io::Write': false, Read: false, BufRead: false, Seek: false },
  'os::unix::net::UnixStream': { 'io::Write': true, Read: true, BufRead: false, Seek: false },
  'process::ChildStdin': { 'io::Write': true, Read: false, BufRead: false, Seek: false },
  'process::ChildStdout': { 'io::Write': false, Read: true, BufRead: false, Seek: false },
  'process::ChildStderr': { 'io::Write': false, Read: true, BufRead: false, Seek: false },
  'io::PipeReader': { 'io::Write': false, Read: true, BufRead: false, Seek: false },
  'io::PipeWriter': { 'io::Write': true, Read: false, BufRead: false, Seek: false },
  'io::Cursor': { 'io::Write': [[0, 'bytesMut']], Read: [[0, 'bytes']], BufRead: [[0, 'bytes']], Seek: [[0, 'bytes']] },
  'io::BufReader': { 'io::Write': false, Read: [[0, 'Read']], BufRead: [[0, 'Read']], Seek: [[0, 'Seek']] },
  'io::BufWriter': { 'io::Write': [[0, 'io::Write']], Read: false, BufRead: false, Seek: [[0, 'io::Write'], [0, 'Seek']] },
  'io::LineWriter': { 'io::Write': [[0, 'io::Write']], Read: false, BufRead: false, Seek: false },
  'io::Take': { 'io::Write': false, Read: [[0, 'Read']], BufRead: [[0, 'BufRead']], Seek: [[0, 'Seek']] },
  'io::Chain': { 'io::Write': false, Read: [[0, 'Read'], [1, 'Read']], BufRead: [[0, 'BufRead'], [1, 'BufRead']], Seek: false },
};

/** Std types whose shared reference has an I/O trait (`impl Write for &File`). */
const IO_BY_REF: Readonly<Record<string, readonly IoTrait[]>> = {
  'fs::File': ['io::Write', 'Read', 'Seek'], 'net::TcpStream': ['io::Write', 'Read'], 'os::unix::net::UnixStream': ['io::Write', 'Read'],
  'io::Stdout': ['io::Write'], 'io::Stderr': ['io::Write'], 'io::Sink': ['io::Write'], 'io::Empty': ['io::Write'], 'process::ChildStdin': ['io::Write'],
  'io::PipeWriter': ['io::Write'], 'io::Stdin': ['Read'], 'io::PipeReader': ['Read'],
};

/** Whether `ty` implements the plain std trait `trait`. */
export function stdPlainVerdict(ty: Ty, trait: PlainStdTrait, host: RulesHost, depth = 0): Verdict {
  if (depth > MAX_DEPTH) return 'unknown';
  if (trait === 'Any') return isStatic(ty, 0) ? true : 'unknown';
  const next = (t: Ty, tr: PlainStdTrait = trait): Verdict => stdPlainVerdict(t, tr, host, depth + 1);
  switch (ty.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
      return trait === 'Display';
    case 'str':
      return trait === 'Display';
    case 'tuple':
    case 'array':
    case 'slice':
    case 'fnptr':
      return false;
    case 'ptr': {
      if (ty.kind === '*const' || ty.kind === '*mut') return false;
      const p = ty.pointee;
      if (trait === 'Display') return fundamental(next(p), p);
      if (ty.kind === '&mut') {
        // `impl<W: Write + ?Sized> Write for &mut W` (and so for each I/O trait and `fmt::Write`),
        // and `impl Write for &mut [u8]`; `Error` is for shared references only.
        if (trait === 'Error') return 'unknown';
        if (trait === 'io::Write' && p.k === 'slice' && isU8(p.elem)) return true;
        return fundamental(next(p), p);
      }
      // `impl<T: Error + ?Sized> Error for &T`; the I/O traits for `&[u8]` and a few std types.
      if (trait === 'Error') return fundamental(next(p), p);
      if (trait === 'fmt::Write') return scalar(p) || p.k === 'str' || p.k === 'slice' || p.k === 'array' || p.k === 'tuple' ? false : 'unknown';
      if (p.k === 'slice' && isU8(p.elem)) return trait === 'Read' || trait === 'BufRead';
      if (scalar(p) || p.k === 'str' || p.k === 'slice' || p.k === 'array' || p.k === 'tuple' || p.k === 'fnptr' || rawPtr(p)) return false;
      if (p.k !== 'adt') return 'unknown';
      const path = host.stdPath(p);
      if (path === undefined) return 'unknown';
      if (IO_BY_REF[path]?.includes(trait)) return true;
      return NEITHER.has(path) || IO_BY_REF[path] !== undefined ? false : 'unknown';
    }
    case 'dyn':
      return dynHas(ty, trait);
    case 'adt':
      return adtVerdict(ty, trait, host, depth);
    default:
      return 'unknown';
  }
}

function adtVerdict(ty: Extract<Ty, { k: 'adt' }>, trait: PlainStdTrait, host: RulesHost, depth: number): Verdict {
  const path = host.stdPath(ty);
  if (!ty.def.m.crate.isStd) return host.crateImpls(ty, trait);
  if (path === undefined) return 'unknown';
  const next = (t: Ty | undefined, tr: PlainStdTrait = trait): Verdict => (t ? stdPlainVerdict(t, tr, host, depth + 1) : 'unknown');
  const a0 = argTy(ty, 0);
  if (trait === 'Display' || trait === 'Error') {
    if (ERRORS.has(path)) return true;
    if (trait === 'Error') {
      // `impl<T: Error> Error for Box<T>` (sized only: not `Box<dyn Error>`), `Arc<T: Error + ?Sized>`.
      if (path === 'boxed::Box') return a0?.k === 'dyn' ? false : globalAlloc(ty, 1) ? fundamental(next(a0), a0) : 'unknown';
      if (path === 'sync::Arc') return globalAlloc(ty, 1) ? next(a0) : 'unknown';
      if (path === 'rc::Rc' || DISPLAY_ONLY[path] !== undefined || NEITHER.has(path)) return false;
      return 'unknown';
    }
    const by = DISPLAY_ONLY[path];
    if (by !== undefined) return by.length === 0 ? true : fundamental(next(a0), a0, path);
    return NEITHER.has(path) ? false : 'unknown';
  }
  if (trait === 'fmt::Write') {
    if (path === 'string::String' || path === 'fmt::Formatter' || path === 'ffi::OsString') return true;
    return NEITHER.has(path) || IO[path] !== undefined || path === 'boxed::Box' || path === 'rc::Rc' || path === 'sync::Arc' || ERRORS.has(path) ? false : 'unknown';
  }
  // The I/O traits.
  if (path === 'vec::Vec') return trait === 'io::Write' && isU8(a0) && globalAlloc(ty, 1);
  if (path === 'collections::vec_deque::VecDeque') return trait !== 'Seek' && isU8(a0) && globalAlloc(ty, 1);
  if (path === 'boxed::Box') {
    if (!globalAlloc(ty, 1)) return 'unknown';
    return fundamental(next(a0), a0);
  }
  if (path === 'sync::Arc') {
    // `impl Read for Arc<File>` (and Write, Seek); a crate may not add one for `Arc<Local>`.
    const inner = a0?.k === 'adt' ? host.stdPath(a0) : undefined;
    if (inner === 'fs::File') return trait !== 'BufRead';
    return a0 === undefined || !globalAlloc(ty, 1) ? 'unknown' : false;
  }
  if (path === 'rc::Rc') return false;
  const rule = IO[path]?.[trait as IoTrait];
  if (rule === undefined) return NEITHER.has(path) || ERRORS.has(path) || DISPLAY_ONLY[path] !== undefined ? false : 'unknown';
  if (typeof rule === 'boolean') return rule;
  return all(rule.map(([i, t]) => {
    const a = argTy(ty, i);
    if (!a) return 'unknown';
    if (t === 'bytes' || t === 'bytesMut') return cursorBytes(a, t === 'bytesMut', host);
    return next(a, t);
  }));
}

/**
 * A "no" through a reference, `Box` or `Pin` to a crate's type is not certain: those are
 * fundamental, so the crate may write `impl Write for Box<Local>` for a `Local` without it.
 */
function fundamental(r: Verdict, inner: Ty | undefined, path?: string): Verdict {
  if (r !== false || inner?.k !== 'adt' || inner.def.m.crate.isStd) return r;
  return path === undefined || path === 'boxed::Box' || path === 'pin::Pin' ? 'unknown' : r;
}

/** Whether a trait object's written traits include `trait` (`dyn Write + Send`); 'unknown' when they cannot be read. */
function dynHas(ty: Extract<Ty, { k: 'dyn' }>, trait: PlainStdTrait): Verdict {
  const name = trait.split('::').pop()!;
  const traits = ty.traits;
  if (!traits) return 'unknown';
  // A std trait of a trait object is kept as `std::Name` where known (engine DYN_STD_TRAITS).
  // And the std supertraits of its crate traits (`dyn SeekRead` with `trait SeekRead: Read + Seek`).
  const has = (n: string) => traits.some((t) => typeof t === 'string' && t === `std::${n}`) || !!ty.supers?.includes(`std::${n}`);
  // Supertraits: `BufRead: Read`, `Error: Display`.
  if (has(name) || (name === 'Read' && has('BufRead')) || (name === 'Display' && has('Error'))) return true;
  // `io::Write` / `fmt::Write` as a supertrait whose module is known (`trait ReadWrite: Read + io::Write`).
  if ((trait === 'io::Write' || trait === 'fmt::Write') && ty.supers?.includes(`std::${trait}`)) return true;
  // std has no impl of an I/O trait for a trait object, and no crate may write one for a trait
  // object of std's traits only (orphan rule): `dyn Debug: Read` does not hold.
  const io = trait === 'Read' || trait === 'BufRead' || trait === 'Seek';
  return io && traits.every((t) => typeof t === 'string') ? false : 'unknown';
}

/**
 * Whether a `Cursor<T>` over `T` reads (`T: AsRef<[u8]>`) or, with `write`, writes (std's impls for
 * `Vec<u8>`, `&mut Vec<u8>`, `&mut [u8]`, `[u8; N]` and `Box<[u8]>`).
 */
function cursorBytes(t: Ty, write: boolean, host: RulesHost): Verdict {
  if (write) {
    if (t.k === 'array') return isU8(t.elem);
    if (t.k === 'ptr') {
      if (t.kind !== '&mut') return false;
      const p = t.pointee;
      if (p.k === 'slice') return isU8(p.elem);
      if (p.k === 'adt' && host.stdPath(p) === 'vec::Vec') return isU8(argTy(p, 0)) && globalAlloc(p, 1) ? true : 'unknown';
      return p.k === 'adt' && !p.def.m.crate.isStd ? false : 'unknown';
    }
    if (t.k === 'adt') {
      const path = host.stdPath(t);
      if (path === 'vec::Vec' || path === 'boxed::Box') {
        const a = argTy(t, 0);
        if (!globalAlloc(t, 1)) return 'unknown';
        return path === 'vec::Vec' ? isU8(a) : a?.k === 'slice' && isU8(a.elem);
      }
      // A crate's own type: only std may write `impl Write for Cursor<..>`.
      if (!t.def.m.crate.isStd) return false;
      return path === 'string::String' || path === 'collections::vec_deque::VecDeque' ? false : 'unknown';
    }
    return scalar(t) || t.k === 'tuple' || t.k === 'str' ? false : 'unknown';
  }
  return asRef(t, { k: 'slice', elem: { k: 'int', size: 1, signed: false, name: 'u8' } }, false, host);
}

/** Whether a type holds no reference nor a type with lifetime parameters (so is `'static`, and `Any`). */
function isStatic(ty: Ty, depth: number): boolean {
  if (depth > 16) return false;
  switch (ty.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'str':
    case 'never':
    case 'fnptr':
      return true;
    case 'ptr':
      return (ty.kind === '*const' || ty.kind === '*mut') && isStatic(ty.pointee, depth + 1);
    case 'array':
    case 'slice':
      return isStatic(ty.elem, depth + 1);
    case 'tuple':
      return ty.elems.every((e) => isStatic(e, depth + 1));
    case 'adt':
      return !ty.def.item.generics.params.some((p) => p.kind === 'lifetime') && ty.args.every((a) => a.k === 'const' || isStatic(a.ty, depth + 1));
    default:
      return false;
  }
}

/**
 * Whether `ty` has the std trait `trait` with the generic argument `arg` (the bound's first; for
 * `Deref`, `target` is its `Target` binding where written). A `Target` other than the type's is
 * rustc's E0271, not an unmet bound: 'unknown' here.
 */
export function stdArgVerdict(ty: Ty, trait: ArgStdTrait, arg: Ty | undefined, host: RulesHost, target?: Ty): Verdict {
  if (ty.k === 'adt' && !ty.def.m.crate.isStd && trait !== 'TryInto') {
    // A crate's type: its crate's impls (only it may write them), besides std's blanket impls
    // (`Borrow<T> for T`, `TryFrom<U>` where `U: Into<T>`).
    if ((trait === 'Borrow' || trait === 'BorrowMut') && arg && host.sameTy(arg, ty) === true) return true;
    if (trait === 'TryFrom') {
      if (!arg) return 'unknown';
      const c = host.conversion(arg, ty);
      if (c === true) return true;
      const r = host.crateArgImpls(ty, trait, arg, target);
      return r === true ? true : r === false && c === false ? false : 'unknown';
    }
    return host.crateArgImpls(ty, trait, arg, target);
  }
  switch (trait) {
    case 'AsRef':
    case 'AsMut':
      return arg ? asRef(ty, arg, trait === 'AsMut', host) : 'unknown';
    case 'Borrow':
    case 'BorrowMut':
      return arg ? borrow(ty, arg, trait === 'BorrowMut', host) : 'unknown';
    case 'TryFrom':
      return arg ? tryFrom(arg, ty, host) : 'unknown';
    case 'TryInto':
      return arg ? tryFrom(ty, arg, host) : 'unknown';
    case 'Extend':
    case 'FromIterator':
      return arg ? collects(ty, arg, host) : 'unknown';
    case 'Index':
    case 'IndexMut':
      return scalar(ty) || ty.k === 'tuple' || ty.k === 'fnptr' || rawPtr(ty) ? false : 'unknown';
    case 'Deref':
    case 'DerefMut':
      return deref(ty, trait === 'DerefMut', target, host);
  }
}

/** `ty: AsRef<arg>` (or `AsMut`): the impls std writes for the language's types, `String`, `Vec`, `Box`, and through references. */
function asRef(ty: Ty, arg: Ty, mut: boolean, host: RulesHost, depth = 0): Verdict {
  if (depth > 8) return 'unknown';
  if (scalar(ty) || ty.k === 'tuple' || ty.k === 'fnptr' || rawPtr(ty)) return false;
  if (ty.k === 'ptr') {
    // `impl AsRef<U> for &T where T: AsRef<U>`; `AsMut` only through `&mut`.
    if (mut && ty.kind === '&') return false;
    return asRef(ty.pointee, arg, mut, host, depth + 1);
  }
  const bytes = arg.k === 'slice' && isU8(arg.elem);
  if (ty.k === 'str') return arg.k === 'str' || bytes ? (mut && bytes ? 'unknown' : true) : 'unknown';
  if (ty.k === 'slice' || ty.k === 'array') return arg.k === 'slice' && host.sameTy(arg.elem, ty.elem) === true ? true : 'unknown';
  if (ty.k !== 'adt' || !ty.def.m.crate.isStd) return 'unknown';
  const path = host.stdPath(ty);
  if (path === 'string::String') return arg.k === 'str' || (bytes && !mut) ? true : 'unknown';
  if (path === 'vec::Vec' && globalAlloc(ty, 1)) {
    const a = argTy(ty, 0);
    return a && arg.k === 'slice' && host.sameTy(arg.elem, a) === true ? true : 'unknown';
  }
  if (path === 'boxed::Box' && globalAlloc(ty, 1)) {
    const a = argTy(ty, 0);
    return a && host.sameTy(arg, a) === true ? true : 'unknown';
  }
  return 'unknown';
}

/** `ty: Borrow<arg>`: every type borrows as itself, `&T` and `&mut T` as `T`, `String` as `str`, `Vec<T>` as `[T]`, `Box<T>`, `Rc<T>` and `Arc<T>` as `T`. */
function borrow(ty: Ty, arg: Ty, mut: boolean, host: RulesHost): Verdict {
  const same = host.sameTy(arg, ty);
  if (same === true) return true;
  if (same === undefined) return 'unknown';
  // The language's scalars, tuples and pointers have only the reflexive impl, and a crate may not add another.
  if (scalar(ty) || ty.k === 'tuple' || ty.k === 'fnptr' || rawPtr(ty) || ty.k === 'str') return false;
  if (ty.k === 'ptr') {
    if (mut && ty.kind === '&') return false;
    return host.sameTy(arg, ty.pointee) === true ? true : 'unknown';
  }
  if (ty.k === 'adt' && ty.def.m.crate.isStd) {
    const path = host.stdPath(ty);
    const a = argTy(ty, 0);
    if (path === 'string::String' && arg.k === 'str') return true;
    if (path === 'vec::Vec' && globalAlloc(ty, 1) && a && arg.k === 'slice' && host.sameTy(arg.elem, a) === true) return true;
    if (path === 'boxed::Box' && globalAlloc(ty, 1) && a && host.sameTy(arg, a) === true) return true;
    // `impl<T: ?Sized, A: Allocator> Borrow<T> for Arc<T, A>` (and `Rc`); no `BorrowMut`.
    if (!mut && (path === 'sync::Arc' || path === 'rc::Rc') && a && host.sameTy(arg, a) === true) return true;
  }
  return 'unknown';
}

/**
 * Std's `TryFrom` impls between the language's scalars other than integer to integer (all of which
 * hold), as rustc 1.95 has them: the target, then every source (itself and `From`'s included).
 */
const SCALAR_TRY_FROM: Readonly<Record<string, readonly string[]>> = {
  u8: ['bool', 'char'], u16: ['bool', 'char'], u32: ['bool', 'char'], u64: ['bool', 'char'], u128: ['bool', 'char'], usize: ['bool', 'char'],
  i8: ['bool'], i16: ['bool'], i32: ['bool'], i64: ['bool'], i128: ['bool'], isize: ['bool'],
  f32: ['u8', 'u16', 'i8', 'i16', 'f32', 'bool'], f64: ['u8', 'u16', 'u32', 'i8', 'i16', 'i32', 'f32', 'f64', 'bool'],
  bool: ['u8', 'u16', 'u32', 'u64', 'u128', 'i8', 'i16', 'i32', 'i64', 'i128', 'bool'], char: ['u8', 'u32', 'char'],
};

function scalarKey(t: Ty): string {
  return t.k === 'int' || t.k === 'float' ? t.name : t.k;
}

/** `to: TryFrom<from>`: std's blanket impl over `Into`, and its impls between the language's scalars. */
function tryFrom(from: Ty, to: Ty, host: RulesHost): Verdict {
  if (scalar(from) && scalar(to)) {
    if (from.k === 'int' && to.k === 'int') return true;
    return (SCALAR_TRY_FROM[scalarKey(to)] ?? []).includes(scalarKey(from));
  }
  return host.conversion(from, to) === true ? true : 'unknown';
}

/** `ty: Extend<item>` and `ty: FromIterator<item>`: none for the language's scalars, pointers, arrays, slices and `str`. */
function collects(ty: Ty, item: Ty, host: RulesHost): Verdict {
  if (scalar(ty) || ty.k === 'fnptr' || rawPtr(ty) || ty.k === 'array' || ty.k === 'slice' || ty.k === 'str') return false;
  if (ty.k === 'adt' && ty.def.m.crate.isStd) {
    const path = host.stdPath(ty);
    if (path === 'string::String') {
      const ok = item.k === 'char' || item.k === 'str' || (item.k === 'ptr' && item.kind === '&' && (item.pointee.k === 'str' || item.pointee.k === 'char'));
      if (ok || (item.k === 'adt' && host.stdPath(item) === 'string::String')) return true;
      return scalar(item) ? false : 'unknown';
    }
    if (path === 'vec::Vec' && globalAlloc(ty, 1)) {
      const a = argTy(ty, 0);
      return a && host.sameTy(a, item) === true ? true : 'unknown';
    }
  }
  return 'unknown';
}

/** Std types without `Deref`. */
const NO_DEREF: ReadonlySet<string> = new Set([
  'option::Option', 'result::Result', 'collections::hash_map::HashMap', 'collections::hash_set::HashSet', 'collections::btree_map::BTreeMap',
  'collections::btree_set::BTreeSet', 'collections::vec_deque::VecDeque', 'cell::Cell', 'cell::RefCell', 'sync::Mutex', 'sync::RwLock',
  'marker::PhantomData', 'time::Duration',
]);

/** The `Target` of a type's `Deref` where std's impl fixes it (`&T`, `String`, `Vec<T>`, `Box<T>`, `Rc<T>`, `Arc<T>`). */
export function derefTarget(ty: Ty, host: RulesHost): Ty | undefined {
  if (ty.k === 'ptr') return ty.kind === '&' || ty.kind === '&mut' ? ty.pointee : undefined;
  if (ty.k !== 'adt' || !ty.def.m.crate.isStd) return undefined;
  const path = host.stdPath(ty);
  const a = argTy(ty, 0);
  if (path === 'string::String') return { k: 'str' };
  if (!globalAlloc(ty, 1) || !a) return undefined;
  if (path === 'vec::Vec') return { k: 'slice', elem: a };
  return path === 'boxed::Box' || path === 'rc::Rc' || path === 'sync::Arc' ? a : undefined;
}

/** `ty: Deref` (`DerefMut` with `mut`), its `Target` compared with `target` where written (std's pointers and the lock and cell guards). */
function deref(ty: Ty, mut: boolean, target: Ty | undefined, host: RulesHost): Verdict {
  if (scalar(ty) || ty.k === 'tuple' || ty.k === 'array' || ty.k === 'slice' || ty.k === 'str' || ty.k === 'fnptr' || rawPtr(ty)) return false;
  const has = (t: Ty | undefined, ok: boolean): Verdict => {
    if (!ok) return false;
    if (!target) return true;
    return t && host.sameTy(t, target) === true ? true : 'unknown';
  };
  if (ty.k === 'ptr') return has(ty.pointee, !mut || ty.kind === '&mut');
  if (ty.k !== 'adt' || !ty.def.m.crate.isStd) return 'unknown';
  const path = host.stdPath(ty);
  if (path === undefined) return 'unknown';
  if (NO_DEREF.has(path)) return false;
  const a = argTy(ty, 0);
  if (path === 'string::String') return has({ k: 'str' }, true);
  if (path === 'vec::Vec') return globalAlloc(ty, 1) && a ? has({ k: 'slice', elem: a }, true) : 'unknown';
  if (path === 'boxed::Box') return globalAlloc(ty, 1) ? has(a, true) : 'unknown';
  if (path === 'rc::Rc' || path === 'sync::Arc') return globalAlloc(ty, 1) ? has(a, !mut) : 'unknown';
  // The guards deref to what they guard; the shared ones (`Ref`, a read guard) not mutably.
  if (path === 'sync::MutexGuard' || path === 'sync::RwLockWriteGuard' || path === 'cell::RefMut') return has(a, true);
  if (path === 'sync::RwLockReadGuard' || path === 'cell::Ref') return has(a, !mut);
  return 'unknown';
}

/** Std types that are not iterators, nor iterable by value (`IntoIterator`), whatever their arguments. */
export const NOT_ITERABLE: ReadonlySet<string> = new Set([
  'fs::File', 'io::Stdout', 'io::Stderr', 'io::Stdin', 'io::StdinLock', 'io::StdoutLock', 'io::Sink', 'io::Empty', 'io::Repeat', 'io::Cursor',
  'io::BufReader', 'io::BufWriter', 'io::LineWriter', 'io::Take', 'io::Chain', 'net::TcpStream', 'io::Error', 'fmt::Error', 'num::ParseIntError',
  'str::Utf8Error', 'io::ErrorKind', 'time::Duration', 'cell::Cell', 'cell::RefCell', 'sync::Mutex', 'sync::RwLock', 'marker::PhantomData',
  'path::PathBuf', 'ffi::OsString', 'ffi::CString', 'sync::Arc', 'rc::Rc', 'num::Wrapping', 'num::NonZero',
]);
/** Std types iterable by value (`IntoIterator`) that are not iterators themselves. */
export const ITERABLE_ONLY: ReadonlySet<string> = new Set([
  'vec::Vec', 'collections::vec_deque::VecDeque', 'collections::hash_map::HashMap', 'collections::hash_set::HashSet', 'collections::btree_map::BTreeMap',
  'collections::btree_set::BTreeSet', 'collections::binary_heap::BinaryHeap', 'collections::linked_list::LinkedList', 'option::Option', 'result::Result',
]);

/** Std types whose definition bounds a parameter by a trait decided here (`BufWriter<W: ?Sized + Write>`). */
export const STD_TYPE_BOUNDS: Readonly<Record<string, readonly (readonly [number, PlainStdTrait])[]>> = {
  'io::BufWriter': [[0, 'io::Write']],
  'io::LineWriter': [[0, 'io::Write']],
};

/** Every std type the tables here name by its public path (test/unit/stdTraitBounds.test.ts checks each is the model's). */
export function namedStdPaths(): string[] {
  return [
    ...ERRORS, ...NEITHER, ...Object.keys(DISPLAY_ONLY), ...Object.keys(IO), ...Object.keys(IO_BY_REF), ...NO_DEREF, ...NOT_ITERABLE, ...ITERABLE_ONLY,
    ...Object.keys(STD_TYPE_BOUNDS), 'sync::MutexGuard', 'sync::RwLockWriteGuard', 'sync::RwLockReadGuard', 'cell::Ref', 'cell::RefMut', 'vec::Vec', 'collections::vec_deque::VecDeque', 'boxed::Box', 'sync::Arc', 'rc::Rc', 'string::String', 'fmt::Formatter',
    'ffi::OsString', 'pin::Pin', 'path::PathBuf',
  ];
}
