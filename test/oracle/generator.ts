/**
 * Seeded generator of random Rust type definitions for differential testing against rustc.
 *
 * Two modes produce compiling code:
 *  - `std`: x86_64 with the standard library — primitives, pointers, std containers and
 *    wrappers, user structs/enums/unions with every repr, generics, aliases, modules.
 *  - `nocore`: only what exists under `#![no_core]` (primitives, refs, raw and fn pointers,
 *    arrays, tuples, `dyn Tr`, the corpus's own types), for cross-target corpora.
 * `generateRejected` produces one small file per type that rustc rejects, each with the error
 * code it is meant to trigger (the oracle records what rustc actually says).
 */
import { Rng } from './prng';

export type Mode = 'std' | 'nocore';
export type Kind = 'struct' | 'enum' | 'union';

export interface GenVariant {
  readonly name: string;
  /** Field names in declaration order (`"0"`, `"1"` for tuple variants). */
  readonly fields: readonly string[];
}

/** One type the oracle measures (non-generic; lifetime-only generics are measured at 'static). */
export interface GenType {
  /** Path from the file root, as the engine reports it: `S3`, `m1::E7`. */
  readonly name: string;
  readonly kind: Kind;
  /** How the probe names it from the crate root: `m1::E7`, `L4<'static>`. */
  readonly rustPath: string;
  /** Struct/union field names in declaration order. */
  readonly fields: readonly string[];
  readonly variants?: readonly GenVariant[];
  /** The repr attribute as written, for reports (`C, packed(2)`), or ''. */
  readonly repr: string;
}

export interface Corpus {
  readonly seed: string;
  readonly mode: Mode;
  /** `use` lines (std) or the no_core prelude (lang items, Copy impls, `trait Tr`). */
  readonly header: string;
  /** Every generated item, in source order. */
  readonly defs: string;
  readonly types: readonly GenType[];
}

export interface GenOptions {
  readonly seed: number | string;
  /** Number of measurable types (generic definitions and aliases come on top). */
  readonly count: number;
  readonly mode?: Mode;
}

// ---------------------------------------------------------------------------------------------

interface Ty {
  readonly text: string;
  readonly copy: boolean;
  /** Transitively contains a `#[repr(align)]` type inline (packed types must not, E0588). */
  readonly hasAlign: boolean;
}

interface UserDef {
  readonly name: string;
  readonly mod: string | null;
  readonly kind: Kind | 'alias';
  readonly copy: boolean;
  readonly hasAlign: boolean;
  readonly uninhabited: boolean;
  /** Generic parameter count (type parameters), 0 for concrete types. */
  readonly params: number;
  readonly lifetime: boolean;
  /** Generic with packed repr: arguments must not contain align types. */
  readonly packed: boolean;
  /** Alias target rendered at the crate root. */
  readonly aliasOf?: Ty;
}

interface Ctx {
  readonly mod: string | null;
  readonly depth: number;
  readonly uninhabited?: boolean;
  /** Generic parameter names in scope (`T`, `U`). */
  readonly params?: readonly string[];
}

const PRIMS = ['u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'u64', 'i64', 'u128', 'i128', 'usize', 'isize', 'f32', 'f64', 'bool', 'char'] as const;
const INT_PRIMS = ['u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'u64', 'i64', 'usize', 'isize'] as const;
const FIELD_WORDS = ['a', 'b', 'c', 'd', 'x', 'y', 'z', 'len', 'ptr', 'flag', 'id', 'tag', 'next', 'val', 'data', 'kind', 'count', 'n', 'w', 'h', 'lo', 'hi', 'cap', 'state', 'inner', 'left', 'right', 'key', 'name', 'pos'];
const VARIANT_WORDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'Idle', 'Busy', 'Done', 'Empty', 'One', 'Two', 'Many', 'Some', 'Nothing', 'Leaf', 'Node', 'Text', 'Num', 'Err', 'Ok', 'Red', 'Green', 'Blue'];
const ARRAY_LENS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 17, 32, 33];
const ALIGNS = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const PACKS = [1, 2, 4, 8, 16];

/**
 * Integer reprs with their value range. isize/usize depend on the target: in nocore mode the
 * corpus must compile on 16-bit targets too (msp430, avr), so their bounds are 16-bit there.
 */
function intRange(repr: string, mode: Mode): [bigint, bigint] {
  const bits = (r: string): number => {
    if (r === 'usize' || r === 'isize') return mode === 'nocore' ? 16 : 64;
    return Number(r.slice(1));
  };
  const b = BigInt(bits(repr));
  if (repr.startsWith('u')) return [0n, (1n << b) - 1n];
  return [-(1n << (b - 1n)), (1n << (b - 1n)) - 1n];
}

/** Std-trait bounds the bounded generics use. */
const BOUNDS = ['Clone', 'Copy', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'std::fmt::Display', 'Send', 'Sync', 'Unpin', 'From<u8>', 'Into<u64>', 'AsRef<str>', 'Iterator<Item = u8>', 'Iterator', 'Fn(u8) -> u8', 'ToString', 'std::str::FromStr', "'static"] as const;
/** Bounds a `?Sized` parameter may carry in these tests. */
const UNSIZED_OK: readonly string[] = ['std::fmt::Debug', 'Send', 'Sync', 'Unpin', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'std::fmt::Display', 'AsRef<str>', 'ToString', 'Fn(u8) -> u8', "'static"];
const INT_TRAITS = ['Clone', 'Copy', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'std::fmt::Display', 'Send', 'Sync', 'Unpin', 'ToString', 'std::str::FromStr', "'static"];
const PLAIN_TRAITS = ['Clone', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'Send', 'Sync', 'Unpin', "'static"];
/**
 * Concrete arguments and the bounds (of BOUNDS) each meets (rustc 1.95's std). The iterators also
 * meet Clone/Debug/Send/Sync, which the engine leaves unknown (NOT_BY_ARGS is by name): not
 * listed, so the default run keeps its exact rate (hunt R: open).
 */
const BOUND_ARGS: readonly [string, readonly string[]][] = [
  ['u8', [...INT_TRAITS, 'From<u8>', 'Into<u64>']],
  ['u16', [...INT_TRAITS, 'From<u8>', 'Into<u64>']],
  ['u32', [...INT_TRAITS, 'From<u8>', 'Into<u64>']],
  ['u64', [...INT_TRAITS, 'From<u8>', 'Into<u64>']],
  ['i32', [...INT_TRAITS, 'From<u8>']],
  ['i64', [...INT_TRAITS, 'From<u8>']],
  ['u128', [...INT_TRAITS, 'From<u8>']],
  ['f32', ['Clone', 'Copy', 'std::fmt::Debug', 'Default', 'PartialEq', 'PartialOrd', 'std::fmt::Display', 'Send', 'Sync', 'Unpin', 'ToString', 'std::str::FromStr', 'From<u8>', "'static"]],
  ['f64', ['Clone', 'Copy', 'std::fmt::Debug', 'Default', 'PartialEq', 'PartialOrd', 'std::fmt::Display', 'Send', 'Sync', 'Unpin', 'ToString', 'std::str::FromStr', 'From<u8>', "'static"]],
  ['bool', [...INT_TRAITS, 'Into<u64>']],
  ['char', [...INT_TRAITS, 'From<u8>', 'Into<u64>']],
  ['String', ['Clone', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'std::fmt::Display', 'Send', 'Sync', 'Unpin', 'AsRef<str>', 'ToString', 'std::str::FromStr', "'static"]],
  ["&'static str", ['Clone', 'Copy', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'std::fmt::Display', 'Send', 'Sync', 'Unpin', 'AsRef<str>', 'ToString', "'static"]],
  ['Vec<u8>', PLAIN_TRAITS],
  ['Option<u32>', [...PLAIN_TRAITS, 'Copy']],
  ['Option<String>', PLAIN_TRAITS],
  ['(u8, u16)', [...PLAIN_TRAITS, 'Copy']],
  ['[u8; 4]', [...PLAIN_TRAITS, 'Copy']],
  ['()', [...PLAIN_TRAITS, 'Copy']],
  ['Box<u32>', [...PLAIN_TRAITS, 'std::fmt::Display', 'ToString']],
  ['std::num::NonZeroU32', ['Clone', 'Copy', 'std::fmt::Debug', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'std::fmt::Display', 'Send', 'Sync', 'Unpin', 'ToString', 'std::str::FromStr', "'static"]],
  ['std::vec::IntoIter<u8>', ['Unpin', 'Iterator<Item = u8>', 'Iterator', "'static"]],
  ['std::ops::Range<u8>', ['Clone', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'std::hash::Hash', 'Send', 'Sync', 'Unpin', 'Iterator<Item = u8>', 'Iterator', "'static"]],
  ['std::ops::Range<u64>', ['Clone', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'std::hash::Hash', 'Send', 'Sync', 'Unpin', 'Iterator', "'static"]],
  ["std::str::Chars<'static>", ['Unpin', 'Iterator', "'static"]],
  ['std::iter::Once<u8>', ['Unpin', 'Iterator<Item = u8>', 'Iterator', "'static"]],
  ['std::option::IntoIter<u16>', ['Unpin', 'Iterator', "'static"]],
  ['std::collections::hash_map::IntoIter<u8, String>', ['Unpin', 'Iterator', "'static"]],
  ['fn(u8) -> u8', ['Clone', 'Copy', 'std::fmt::Debug', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'Send', 'Sync', 'Unpin', 'Fn(u8) -> u8', "'static"]],
  ['std::rc::Rc<u8>', ['Clone', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'std::fmt::Display', 'Unpin', 'ToString', "'static"]],
  ['std::cell::Cell<u8>', ['Clone', 'std::fmt::Debug', 'Default', 'PartialEq', 'Eq', 'PartialOrd', 'Ord', 'Send', 'Unpin', "'static"]],
];
/**
 * Associated types of std traits on concrete types (and whether the type is Copy). Only those the
 * engine resolves: `<u8 as TryFrom<u64>>::Error`, `<Vec<u16> as Index<usize>>::Output`,
 * `<Box<u32> as Deref>::Target`, `<u8 as Add>::Output` and `<str as ToOwned>::Owned` abstain
 * ("depends on a trait impl"), which would sink the differential test's exact rate (hunt R: open).
 */
const STD_PROJECTIONS: readonly [string, boolean][] = [
  ['<u8 as std::str::FromStr>::Err', false],
  ['<String as std::str::FromStr>::Err', true],
  ['<f64 as std::str::FromStr>::Err', false],
  ['<bool as std::str::FromStr>::Err', false],
  ['<char as std::str::FromStr>::Err', false],
  ['<std::collections::HashMap<u8, String> as IntoIterator>::Item', false],
  ['<std::collections::BTreeMap<u8, u64> as IntoIterator>::IntoIter', false],
  ['<Vec<u32> as IntoIterator>::IntoIter', false],
  ['<Vec<u32> as IntoIterator>::Item', true],
  ['<[u16; 3] as IntoIterator>::Item', true],
  ['<Option<char> as IntoIterator>::IntoIter', false],
  ['<std::ops::Range<u16> as Iterator>::Item', true],
  ["<std::str::Chars<'static> as Iterator>::Item", true],
  ['<std::vec::IntoIter<(u8, u64)> as Iterator>::Item', true],
  ['<std::iter::Once<bool> as Iterator>::Item', true],
  ['<std::iter::Peekable<std::vec::IntoIter<u8>> as Iterator>::Item', true],
];

export class Generator {
  private readonly rng: Rng;
  private readonly mode: Mode;
  private readonly defs: UserDef[] = [];
  private readonly items: { mod: string | null; text: string }[] = [];
  private readonly types: GenType[] = [];
  private counter = 0;
  private readonly copyImpls: string[] = [];
  /**
   * Field types made from the widened shapes (const generics, generic aliases, traits with
   * associated types and consts, recursive types): each makes an instance for a field.
   */
  private readonly extras: ((ctx: Ctx) => Ty)[] = [];
  /** `const` items (usize) with their values, for array lengths and const arguments. */
  /** Value undefined: known only to lie in 0..=16 (`size_of::<S3>() % 17`). */
  private readonly consts: { name: string; value: number | undefined }[] = [];
  /** Traits with `type Out` and `const N: usize`, and the types implementing each. */
  private readonly traits: { name: string; impls: { ty: Ty; out: Ty; n: number }[] }[] = [];

  constructor(seed: number | string, mode: Mode) {
    this.rng = new Rng(seed);
    this.mode = mode;
  }

  generate(count: number, seed: string): Corpus {
    // An empty enum early on, so uninhabited fields have something of ours to use.
    this.genEmptyEnum(null, false);
    if (this.mode === 'nocore') this.genNoCoreStdLike();
    while (this.types.length < count) {
      const what = this.rng.weighted<string>([
        [44, 'struct'],
        [34, 'enum'],
        [8, 'union'],
        [6, 'generic'],
        [4, 'alias'],
        [2, 'lifetime'],
        [7, 'extra'],
      ]);
      const mod = this.rng.chance(0.22) ? `m${this.rng.int(0, 3)}` : null;
      if (what === 'struct') this.genStruct(mod);
      else if (what === 'enum') this.genEnum(mod);
      else if (what === 'union') this.genUnion(mod);
      else if (what === 'generic') this.genGeneric();
      else if (what === 'alias') this.genAlias();
      else if (what === 'lifetime') this.genLifetime();
      else this.genExtra();
    }
    return { seed, mode: this.mode, header: this.header(), defs: this.render(), types: this.types };
  }

  // ----- output ------------------------------------------------------------------------------

  private header(): string {
    if (this.mode === 'nocore') {
      const prims = PRIMS.map((p) => `impl Copy for ${p} {}`).join('\n');
      return [
        '#[lang = "pointee_sized"]',
        'pub trait PointeeSized {}',
        '#[lang = "meta_sized"]',
        'pub trait MetaSized: PointeeSized {}',
        '#[lang = "sized"]',
        'pub trait Sized: MetaSized {}',
        '#[lang = "copy"]',
        'pub trait Copy {}',
        prims,
        'impl<T: ?Sized> Copy for *const T {}',
        'impl<T: ?Sized> Copy for *mut T {}',
        "impl<T: ?Sized> Copy for &T {}",
        'impl<T: Copy, const N: usize> Copy for [T; N] {}',
        '#[lang = "neg"]',
        'pub trait Neg {',
        '    type Output;',
        '    fn neg(self) -> Self::Output;',
        '}',
        ...['i8', 'i16', 'i32', 'i64', 'i128', 'isize'].map((t) => `impl Neg for ${t} {\n    type Output = ${t};\n    fn neg(self) -> ${t} {\n        -self\n    }\n}`),
        'pub trait Tr {}',
        '',
      ].join('\n');
    }
    return [
      'use std::cell::{Cell, RefCell, UnsafeCell};',
      'use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};',
      'use std::marker::PhantomData;',
      'use std::mem::{ManuallyDrop, MaybeUninit};',
      'use std::num::{NonZero, NonZeroU32, NonZeroU8, NonZeroUsize};',
      'use std::ptr::NonNull;',
      'use std::rc::Rc;',
      'use std::sync::{Arc, Mutex, OnceLock, RwLock};',
      'use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize};',
      'use std::time::{Duration, Instant};',
      'use std::borrow::Cow;',
      'use std::path::PathBuf;',
      'use std::convert::Infallible;',
      'use std::cmp::Ordering;',
      '',
    ].join('\n');
  }

  private render(): string {
    const top: string[] = [];
    const mods = new Map<string, string[]>();
    for (const it of this.items) {
      if (it.mod === null) top.push(it.text);
      else {
        if (!mods.has(it.mod)) mods.set(it.mod, []);
        mods.get(it.mod)!.push(it.text);
      }
    }
    const out = [...top];
    for (const [m, texts] of mods) {
      const body = texts.map((t) => t.replace(/^/gm, '    ')).join('\n');
      out.push(`pub mod ${m} {\n    #[allow(unused_imports)]\n    use super::*;\n${body}\n}`);
    }
    return out.join('\n') + '\n';
  }

  private emit(mod: string | null, text: string): void {
    // no_core Copy impls go right after their type, in the same module.
    const impls = this.copyImpls.splice(0);
    this.items.push({ mod, text: impls.length ? `${text}\n${impls.join('\n')}` : text });
  }

  private nextName(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  private pathOf(def: UserDef, from: string | null): string {
    const r = this.rng;
    if (def.mod === from) return def.name;
    if (def.mod === null) {
      // Visible in modules through `use super::*`.
      return r.weighted([
        [3, def.name],
        [1, `super::${def.name}`],
        [1, `crate::${def.name}`],
      ]);
    }
    if (from === null) return r.chance(0.7) ? `${def.mod}::${def.name}` : `crate::${def.mod}::${def.name}`;
    return r.weighted([
      [2, `${def.mod}::${def.name}`],
      [1, `super::${def.mod}::${def.name}`],
      [1, `crate::${def.mod}::${def.name}`],
    ]);
  }

  /** Marks a definition Copy: a derive under std, an impl under no_core. */
  private copyAttr(name: string, params: readonly string[], lifetime: boolean): string {
    if (this.mode === 'std') return '#[derive(Clone, Copy)]\n';
    const gen = lifetime ? `<'a>` : params.length ? `<${params.map((p) => `${p}: Copy`).join(', ')}>` : '';
    const args = lifetime ? `<'a>` : params.length ? `<${params.join(', ')}>` : '';
    this.copyImpls.push(`impl${gen} Copy for ${name}${args} {}`);
    return '';
  }

  // ----- field types -------------------------------------------------------------------------

  private short(shortName: string, full: string): string {
    return this.rng.chance(0.5) ? shortName : full;
  }

  private prim(): Ty {
    return { text: this.rng.pick(PRIMS), copy: true, hasAlign: false };
  }

  ty(ctx: Ctx): Ty {
    const r = this.rng;
    const deep = ctx.depth >= 3;
    const sub: Ctx = { mod: ctx.mod, depth: ctx.depth + 1, params: ctx.params };
    const concrete = this.defs.filter((d) => d.params === 0 && d.kind !== 'alias' && !d.uninhabited);
    const generics = this.defs.filter((d) => d.params > 0);
    const aliases = this.defs.filter((d) => d.kind === 'alias');
    const uninhabited = this.defs.filter((d) => d.uninhabited);
    const std = this.mode === 'std';
    type Choice = () => Ty;
    const choices: [number, Choice][] = [
      [deep ? 50 : 28, () => this.prim()],
      [1, () => ({ text: '()', copy: true, hasAlign: false })],
      [concrete.length ? (deep ? 30 : 22) : 0, () => this.userRef(r.pick(concrete), ctx)],
    ];
    if (ctx.params?.length) choices.push([25, () => ({ text: r.pick(ctx.params!), copy: true, hasAlign: true })]);
    if (ctx.uninhabited) {
      choices.push([
        std ? 6 : 3,
        () => (std && r.chance(0.5) ? { text: this.short('Infallible', 'std::convert::Infallible'), copy: true, hasAlign: false } : this.userRef(r.pick(uninhabited), ctx)),
      ]);
      // Uninhabited but not zero-sized: a variant holding it is not absent.
      const never = (): Ty => (std && r.chance(0.5) ? { text: 'Infallible', copy: true, hasAlign: false } : this.userRef(r.pick(uninhabited), ctx));
      if (!deep) {
        choices.push([
          2,
          () => {
            const n = never();
            const t = this.prim();
            return r.weighted<() => Ty>([
              [2, () => ({ text: `(${t.text}, ${n.text})`, copy: true, hasAlign: false })],
              [1, () => ({ text: `[${n.text}; ${r.int(1, 3)}]`, copy: true, hasAlign: false })],
              [1, () => ({ text: `(${n.text}, [${t.text}; ${r.int(1, 4)}])`, copy: true, hasAlign: false })],
              [std ? 1 : 0, () => ({ text: `Result<${n.text}, ${n.text}>`, copy: true, hasAlign: false })],
            ])();
          },
        ]);
      }
    }
    if (!deep && this.extras.length) choices.push([std ? 9 : 7, () => r.pick(this.extras)(sub)]);
    if (!deep) {
      // Zero-sized arrays keep their element's alignment (and its align repr: no packed around them).
      choices.push([1, () => {
        const inner = this.ty(sub);
        return { text: `[${inner.text}; 0]`, copy: inner.copy, hasAlign: inner.hasAlign };
      }]);
      if (this.consts.length) {
        choices.push([3, () => {
          const inner = this.ty(sub);
          return { text: `[${inner.text}; ${this.constLen(true)}]`, copy: inner.copy, hasAlign: inner.hasAlign };
        }]);
      }
    }
    if (!deep) {
      choices.push(
        [6, () => this.array(sub)],
        [5, () => this.tuple(sub)],
        [5, () => this.reference(sub)],
        [3, () => this.rawPtr(sub)],
        [2, () => this.fnPtr()],
      );
      if (generics.length) choices.push([6, () => this.instance(r.pick(generics), sub)]);
      if (aliases.length) choices.push([4, () => this.userRef(r.pick(aliases), ctx)]);
      if (std) {
        choices.push(
          [8, () => this.option(sub)],
          [3, () => this.result(sub)],
          [3, () => this.boxed(sub)],
          [3, () => this.vecString(sub)],
          [2, () => this.nonzero()],
          [1, () => this.wrap1(this.short('NonNull', 'std::ptr::NonNull'), this.ty(sub), true, false)],
          [2, () => this.wrap1(this.short('PhantomData', 'std::marker::PhantomData'), this.ty(sub), true, false)],
          [2, () => this.manual(sub)],
          [2, () => this.cells(sub)],
          [2, () => this.rcs(sub)],
          [2, () => this.misc()],
          [1, () => this.atomic()],
          [1, () => this.range()],
          [1, () => this.collection(sub)],
          [1, () => this.lock(sub)],
          [1, () => this.strings()],
          [2, () => this.pinned(sub)],
          [1, () => this.dynBox()],
        );
      }
    }
    return r.weighted(choices)();
  }

  private userRef(def: UserDef, ctx: Ctx): Ty {
    if (def.kind === 'alias') return { text: def.name, copy: def.aliasOf!.copy, hasAlign: def.aliasOf!.hasAlign };
    const path = this.pathOf(def, ctx.mod);
    return { text: def.lifetime ? `${path}<'static>` : path, copy: def.copy, hasAlign: def.hasAlign };
  }

  private instance(def: UserDef, ctx: Ctx): Ty {
    const args: Ty[] = [];
    for (let i = 0; i < def.params; i++) {
      // Sometimes an uninhabited argument (`G<Infallible>`, `Opt<Void0>`) or a zero-length array
      // of one (inhabited): variants holding it become absent, or not.
      let a = this.rng.chance(0.06) ? this.neverArg() : this.ty(ctx);
      if (def.packed) for (let k = 0; k < 8 && a.hasAlign; k++) a = this.ty(ctx);
      if (def.packed && a.hasAlign) a = this.prim();
      args.push(a);
    }
    return {
      text: `${this.pathOf(def, ctx.mod)}<${args.map((a) => a.text).join(', ')}>`,
      copy: def.copy && args.every((a) => a.copy),
      hasAlign: def.hasAlign || args.some((a) => a.hasAlign),
    };
  }

  private neverArg(): Ty {
    const r = this.rng;
    const voids = this.defs.filter((d) => d.uninhabited && d.mod === null);
    const never = this.mode === 'std' && r.chance(0.5) ? 'Infallible' : voids.length ? r.pick(voids).name : 'Void0';
    return r.weighted<() => Ty>([
      [4, () => ({ text: never, copy: true, hasAlign: false })],
      [1, () => ({ text: `[${never}; 0]`, copy: true, hasAlign: false })],
      [1, () => ({ text: `(${never}, ${this.prim().text})`, copy: true, hasAlign: false })],
    ])();
  }

  private wrap1(name: string, inner: Ty, copy: boolean, hasAlign: boolean): Ty {
    return { text: `${name}<${inner.text}>`, copy, hasAlign };
  }

  private array(ctx: Ctx): Ty {
    const inner = this.ty(ctx);
    const n = this.rng.pick(ARRAY_LENS);
    return { text: `[${inner.text}; ${n}]`, copy: inner.copy, hasAlign: inner.hasAlign };
  }

  private tuple(ctx: Ctx): Ty {
    const n = this.rng.weighted([
      [1, 0],
      [2, 1],
      [5, 2],
      [4, 3],
      [2, 4],
    ]);
    const els = Array.from({ length: n }, () => this.ty(ctx));
    const text = n === 0 ? '()' : n === 1 ? `(${els[0].text},)` : `(${els.map((e) => e.text).join(', ')})`;
    return { text, copy: els.every((e) => e.copy), hasAlign: els.some((e) => e.hasAlign) };
  }

  private reference(ctx: Ctx): Ty {
    const r = this.rng;
    const std = this.mode === 'std';
    const k = r.weighted<string>([
      [4, 'ref'],
      [2, 'mut'],
      [2, 'str'],
      [2, 'slice'],
      [2, 'dyn'],
    ]);
    const lt = ctx.params?.length ? '' : "'static ";
    if (ctx.params?.length && (k === 'ref' || k === 'mut' || k === 'slice')) {
      // `&'static T` needs `T: 'static`; keep references in generic bodies to concrete types.
      return { text: `&'static ${this.prim().text}`, copy: true, hasAlign: false };
    }
    switch (k) {
      case 'ref':
        return { text: `&${lt}${this.ty(ctx).text}`, copy: true, hasAlign: false };
      case 'mut':
        return { text: `&${lt}mut ${this.ty(ctx).text}`, copy: false, hasAlign: false };
      case 'str':
        return { text: `&'static str`, copy: true, hasAlign: false };
      case 'slice':
        return { text: `&${lt}[${this.ty(ctx).text}]`, copy: true, hasAlign: false };
      default:
        if (!std) return { text: `&'static dyn Tr`, copy: true, hasAlign: false };
        return {
          text: r.pick([`&'static dyn Fn()`, `&'static (dyn std::fmt::Debug + Send + Sync)`, `&'static dyn std::any::Any`, `&'static dyn Fn(u8) -> u32`]),
          copy: true,
          hasAlign: false,
        };
    }
  }

  private rawPtr(ctx: Ctx): Ty {
    const r = this.rng;
    const m = r.pick(['const', 'mut']);
    const text = r.weighted<() => string>([
      [5, () => `*${m} ${this.ty(ctx).text}`],
      [2, () => `*${m} [${this.ty(ctx).text}]`],
      [1, () => `*${m} str`],
      [1, () => (this.mode === 'std' ? `*${m} dyn Fn()` : `*${m} dyn Tr`)],
    ])();
    return { text, copy: true, hasAlign: false };
  }

  private fnPtr(): Ty {
    const text = this.rng.pick([
      'fn()',
      'fn(u8) -> u32',
      'unsafe extern "C" fn(i32)',
      "fn(&'static str) -> bool",
      'extern "C" fn() -> u64',
      'fn(u64, u64) -> (u64, bool)',
      "for<'x> fn(&'x u8) -> &'x u8",
      'unsafe fn() -> !',
      'extern "C" fn(*const u8, ...) -> i32',
    ]);
    return { text, copy: true, hasAlign: false };
  }

  /** `Pin` around pointers (std). */
  private pinned(ctx: Ctx): Ty {
    const r = this.rng;
    const inner = this.ty(ctx);
    return r.weighted<() => Ty>([
      [3, () => ({ text: `std::pin::Pin<Box<${inner.text}>>`, copy: false, hasAlign: false })],
      [1, () => ({ text: `std::pin::Pin<&'static ${this.prim().text}>`, copy: true, hasAlign: false })],
      [1, () => ({ text: `std::pin::Pin<Box<dyn std::future::Future<Output = ${this.prim().text}>>>`, copy: false, hasAlign: false })],
      [1, () => ({ text: `Option<std::pin::Pin<std::rc::Rc<${inner.text}>>>`, copy: false, hasAlign: false })],
    ])();
  }

  private dynBox(): Ty {
    const text = this.rng.pick([
      'Box<dyn std::error::Error + Send + Sync>',
      'Option<Box<dyn std::any::Any>>',
      "&'static (dyn std::fmt::Display + Sync)",
      'Option<&\'static dyn Fn() -> u8>',
      'std::rc::Rc<dyn std::fmt::Debug>',
      'Vec<Box<dyn FnMut(u32)>>',
      'Option<Option<fn()>>',
      'Result<fn(), Box<str>>',
      'Option<std::num::NonZeroU16>',
      'Option<Option<std::num::NonZeroU8>>',
      'Option<Box<[u64]>>',
      'std::sync::Weak<str>',
      'std::cell::Cell<Option<std::num::NonZeroUsize>>',
      'std::mem::MaybeUninit<Option<&\'static u8>>',
      'Option<std::mem::ManuallyDrop<Box<u8>>>',
      'std::marker::PhantomPinned',
      'Option<std::marker::PhantomData<u64>>',
      'Option<std::cmp::Ordering>',
      'Option<Option<Option<bool>>>',
      'Result<(), std::num::NonZeroU32>',
      'Result<u8, ()>',
      'Option<(char, bool)>',
    ]);
    return { text, copy: /^(Option<Option<fn|Option<std::num|Option<Option<std|std::marker|Option<std::marker|Option<std::cmp|Option<Option<Option|Result<\(\)|Result<u8|Option<\(char|std::mem::MaybeUninit|&)/.test(text), hasAlign: false };
  }

  /** An array length from the corpus's `const` items: `K3`, `K3 + 1`, `{ K3 * 2 }`, `K3 % 4`. */
  private constLen(exprs: boolean): string {
    const r = this.rng;
    const k = r.pick(this.consts);
    if (!exprs || this.mode === 'nocore') return k.name;
    return r.weighted<() => string>([
      [3, () => k.name],
      [2, () => `${k.name} + ${r.int(0, 3)}`],
      [1, () => `{ ${k.name} * 2 }`],
      [1, () => `${k.name} % 4`],
      [1, () => (k.value !== undefined && k.value > 0 ? `${k.name} - 1` : k.name)],
      [2, () => this.layoutConst()],
      [1, () => `core::mem::size_of::<${this.prim().text}>()`],
      [1, () => `(${k.name} as u8 as usize) >> 1`],
    ])();
  }

  private option(ctx: Ctx): Ty {
    const inner = this.ty(ctx);
    return this.wrap1(this.short('Option', 'std::option::Option'), inner, inner.copy, inner.hasAlign);
  }

  private result(ctx: Ctx): Ty {
    const a = this.ty(ctx);
    const b = this.rng.chance(0.1) ? { text: 'Infallible', copy: true, hasAlign: false } : this.ty(ctx);
    return { text: `Result<${a.text}, ${b.text}>`, copy: a.copy && b.copy, hasAlign: a.hasAlign || b.hasAlign };
  }

  private boxed(ctx: Ctx): Ty {
    const r = this.rng;
    const text = r.weighted<() => string>([
      [4, () => `Box<${this.ty(ctx).text}>`],
      [2, () => `Box<[${this.ty(ctx).text}]>`],
      [1, () => 'Box<str>'],
      [1, () => 'Box<dyn Fn()>'],
      [1, () => 'Box<dyn Fn(u8) -> u8 + Send>'],
    ])();
    return { text, copy: false, hasAlign: false };
  }

  private vecString(ctx: Ctx): Ty {
    const r = this.rng;
    const text = r.chance(0.5) ? `Vec<${this.ty(ctx).text}>` : r.pick(['String', 'std::string::String']);
    return { text, copy: false, hasAlign: false };
  }

  private nonzero(): Ty {
    const text = this.rng.pick([
      'NonZeroU32',
      'NonZeroU8',
      'NonZeroUsize',
      'std::num::NonZeroI8',
      'std::num::NonZeroU64',
      'core::num::NonZeroI128',
      'NonZero<u64>',
      'NonZero<i16>',
      'std::num::NonZero<u128>',
      'NonZero<usize>',
    ]);
    return { text, copy: true, hasAlign: false };
  }

  private manual(ctx: Ctx): Ty {
    const inner = this.ty(ctx);
    if (this.rng.chance(0.5)) return this.wrap1(this.short('ManuallyDrop', 'std::mem::ManuallyDrop'), inner, inner.copy, inner.hasAlign);
    // `MaybeUninit<T>: Clone` needs `T: Copy`, more than a derive's `T: Clone` bound gives.
    return this.wrap1(this.short('MaybeUninit', 'std::mem::MaybeUninit'), inner, inner.copy && !ctx.params?.length, inner.hasAlign);
  }

  private cells(ctx: Ctx): Ty {
    const inner = this.ty(ctx);
    const name = this.rng.pick(['Cell', 'RefCell', 'UnsafeCell', 'std::cell::Cell', 'std::cell::RefCell']);
    return this.wrap1(name, inner, false, inner.hasAlign);
  }

  private rcs(ctx: Ctx): Ty {
    const r = this.rng;
    const inner = r.chance(0.15) ? { text: r.pick(['str', '[u8]', 'dyn Fn()']), copy: false, hasAlign: false } : this.ty(ctx);
    const name = r.pick(['Rc', 'Arc', 'std::rc::Rc', 'std::sync::Arc', 'std::rc::Weak', 'std::sync::Weak']);
    return this.wrap1(name, inner, false, false);
  }

  private misc(): Ty {
    const text = this.rng.pick(['Duration', 'std::time::Duration', 'Instant', 'Ordering', 'std::cmp::Ordering', 'std::time::SystemTime']);
    return { text, copy: true, hasAlign: false };
  }

  private atomic(): Ty {
    const text = this.rng.pick([
      'AtomicBool',
      'AtomicU32',
      'AtomicU64',
      'AtomicUsize',
      'std::sync::atomic::AtomicU8',
      'std::sync::atomic::AtomicI16',
      'std::sync::atomic::AtomicI64',
      'std::sync::atomic::AtomicPtr<u8>',
    ]);
    return { text, copy: false, hasAlign: true };
  }

  private range(): Ty {
    const r = this.rng;
    const t = r.pick(INT_PRIMS);
    const text = r.pick([`std::ops::Range<${t}>`, `std::ops::RangeInclusive<${t}>`, `std::ops::RangeFrom<${t}>`, `std::ops::RangeTo<${t}>`]);
    return { text, copy: false, hasAlign: false };
  }

  private collection(ctx: Ctx): Ty {
    const r = this.rng;
    const k = this.ty(ctx);
    const text = r.weighted<() => string>([
      [2, () => `HashMap<${k.text}, ${this.ty(ctx).text}>`],
      [1, () => `HashSet<${k.text}>`],
      [2, () => `BTreeMap<${k.text}, ${this.ty(ctx).text}>`],
      [1, () => `std::collections::BTreeSet<${k.text}>`],
      [2, () => `VecDeque<${k.text}>`],
    ])();
    return { text, copy: false, hasAlign: false };
  }

  private lock(ctx: Ctx): Ty {
    const inner = this.ty(ctx);
    const name = this.rng.pick(['Mutex', 'RwLock', 'OnceLock', 'std::sync::Mutex']);
    return this.wrap1(name, inner, false, true);
  }

  private strings(): Ty {
    const text = this.rng.pick(["Cow<'static, str>", "std::borrow::Cow<'static, [u8]>", 'PathBuf', 'std::ffi::OsString']);
    return { text, copy: false, hasAlign: false };
  }

  // ----- definitions -------------------------------------------------------------------------

  private fieldNames(n: number): string[] {
    const used = new Set<string>();
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = this.rng.pick(FIELD_WORDS);
      if (used.has(w)) w = `${w}${i}`;
      used.add(w);
      out.push(w);
    }
    return out;
  }

  private fieldCount(): number {
    return this.rng.weighted([
      [2, 0],
      [10, 1],
      [14, 2],
      [14, 3],
      [12, 4],
      [8, 5],
      [5, 6],
      [3, 8],
      [2, 11],
    ]);
  }

  /** A field type avoiding align types (for packed), or Copy ones (for unions) when asked. */
  private fieldTy(ctx: Ctx, noAlign: boolean, needCopy: boolean): Ty {
    for (let i = 0; i < 12; i++) {
      const t = this.ty(ctx);
      if ((!noAlign || !t.hasAlign) && (!needCopy || t.copy)) return t;
    }
    return this.prim();
  }

  private structRepr(): { repr: string[]; packed: boolean; transparent: boolean } {
    const r = this.rng;
    const k = r.weighted<string>([
      [46, ''],
      [12, 'C'],
      [6, 'packed'],
      [5, 'packedN'],
      [3, 'Cpacked'],
      [2, 'CpackedN'],
      [6, 'align'],
      [4, 'Calign'],
      [6, 'transparent'],
    ]);
    switch (k) {
      case 'C':
        return { repr: ['C'], packed: false, transparent: false };
      case 'packed':
        return { repr: ['packed'], packed: true, transparent: false };
      case 'packedN':
        return { repr: [`packed(${r.pick(PACKS)})`], packed: true, transparent: false };
      case 'Cpacked':
        return { repr: ['C', 'packed'], packed: true, transparent: false };
      case 'CpackedN':
        return { repr: ['C', `packed(${r.pick(PACKS)})`], packed: true, transparent: false };
      case 'align':
        return { repr: [`align(${r.pick(ALIGNS)})`], packed: false, transparent: false };
      case 'Calign':
        return { repr: ['C', `align(${r.pick(ALIGNS)})`], packed: false, transparent: false };
      case 'transparent':
        return { repr: ['transparent'], packed: false, transparent: true };
      default:
        return { repr: [], packed: false, transparent: false };
    }
  }

  private reprAttr(repr: readonly string[]): string {
    if (!repr.length) return '';
    // Sometimes split over two attributes: rustc merges them.
    if (repr.length === 2 && this.rng.chance(0.2)) return `#[repr(${repr[0]})]\n#[repr(${repr[1]})]\n`;
    return `#[repr(${repr.join(', ')})]\n`;
  }

  private zstCompanion(): Ty {
    const text = this.mode === 'std' ? this.rng.pick(['()', 'PhantomData<u64>', '[u8; 0]', 'std::marker::PhantomData<String>', '[bool; 0]']) : this.rng.pick(['()', '[u8; 0]', '((), ())']);
    return { text, copy: true, hasAlign: false };
  }

  private genStruct(mod: string | null): void {
    const r = this.rng;
    const name = this.nextName('S');
    const { repr, packed, transparent } = this.structRepr();
    const hasAlignRepr = repr.some((x) => x.startsWith('align'));
    const shape = r.weighted<string>([
      [62, 'named'],
      [25, 'tuple'],
      [8, 'unit'],
      [5, 'empty'],
    ]);
    const ctx: Ctx = { mod, depth: 0, uninhabited: r.chance(0.03) };
    let tys: Ty[] = [];
    if (transparent) {
      const main = this.fieldTy(ctx, false, false);
      const comp = r.weighted([
        [5, 0],
        [3, 1],
        [1, 2],
      ]);
      tys = [main];
      for (let i = 0; i < comp; i++) tys.splice(r.int(0, tys.length), 0, this.zstCompanion());
    } else if (shape === 'named' || shape === 'tuple') {
      const n = this.fieldCount();
      for (let i = 0; i < n; i++) tys.push(this.fieldTy(ctx, packed, false));
    }
    const effShape = transparent && shape !== 'tuple' ? 'named' : tys.length === 0 && shape !== 'unit' && shape !== 'empty' ? 'empty' : shape;
    const names = effShape === 'tuple' ? tys.map((_, i) => String(i)) : this.fieldNames(tys.length);
    // A field whose type depends on the target (`#[cfg(P)] x: T1, #[cfg(not(P))] x: T2`).
    const alt = new Map<number, { pred: string; ty: Ty }>();
    if (!transparent && tys.length && r.chance(0.12)) alt.set(r.int(0, tys.length - 1), { pred: this.cfgPred(), ty: this.fieldTy(ctx, packed, false) });
    const all = [...tys, ...[...alt.values()].map((a) => a.ty)];
    const copy = all.every((t) => t.copy) && r.chance(0.6);
    const pub = mod ? 'pub ' : '';
    let text = copy ? this.copyAttr(name, [], false) : '';
    text += this.reprAttr(repr);
    // A repr only some targets get.
    const cfgAlign = !repr.length && !transparent && r.chance(0.05) ? r.pick(['C', `align(${r.pick([2, 8, 16])})`]) : undefined;
    if (cfgAlign) text += `#[cfg_attr(${this.cfgPred()}, repr(${cfgAlign}))]\n`;
    const field = (i: number, t: Ty, named: boolean): string => {
      const a = alt.get(i);
      const one = (x: Ty) => (named ? `${pub}${names[i]}: ${x.text}` : `${pub}${x.text}`);
      return a ? `#[cfg(${a.pred})] ${one(t)}, #[cfg(not(${a.pred}))] ${one(a.ty)}` : one(t);
    };
    if (effShape === 'unit') text += `pub struct ${name};`;
    else if (effShape === 'empty') text += `pub struct ${name} {}`;
    else if (effShape === 'tuple') text += `pub struct ${name}(${tys.map((t, i) => field(i, t, false)).join(', ')});`;
    else text += `pub struct ${name} {\n${tys.map((t, i) => `    ${field(i, t, true)},`).join('\n')}\n}`;
    this.emit(mod, text);
    const unit = effShape === 'unit' || effShape === 'empty';
    this.defs.push({ name, mod, kind: 'struct', copy, hasAlign: hasAlignRepr || !!cfgAlign?.startsWith('align') || all.some((t) => t.hasAlign), uninhabited: false, params: 0, lifetime: false, packed: false });
    this.types.push({ name: mod ? `${mod}::${name}` : name, kind: 'struct', rustPath: mod ? `${mod}::${name}` : name, fields: unit ? [] : names, repr: repr.join(', ') });
  }

  private genUnion(mod: string | null): void {
    const r = this.rng;
    const name = this.nextName('U');
    const k = r.weighted<string>([
      [50, ''],
      [15, 'C'],
      [8, 'packed'],
      [6, 'packedN'],
      [8, 'align'],
      [5, 'Calign'],
    ]);
    const repr = k === '' ? [] : k === 'C' ? ['C'] : k === 'packed' ? ['packed'] : k === 'packedN' ? [`packed(${r.pick(PACKS)})`] : k === 'align' ? [`align(${r.pick(ALIGNS)})`] : ['C', `align(${r.pick(ALIGNS)})`];
    const packed = k.startsWith('packed');
    const n = r.int(1, 5);
    const ctx: Ctx = { mod, depth: 0 };
    const tys: Ty[] = [];
    for (let i = 0; i < n; i++) {
      if (this.mode === 'std' && r.chance(0.25)) {
        const inner = this.fieldTy(ctx, packed, false);
        tys.push({ text: `${r.pick(['ManuallyDrop', 'std::mem::ManuallyDrop'])}<${inner.text}>`, copy: inner.copy, hasAlign: inner.hasAlign });
      } else tys.push(this.fieldTy(ctx, packed, true));
    }
    const names = this.fieldNames(n);
    const copy = tys.every((t) => t.copy) && r.chance(0.6);
    const pub = mod ? 'pub ' : '';
    let text = copy ? this.copyAttr(name, [], false) : '';
    text += this.reprAttr(repr);
    text += `pub union ${name} {\n${tys.map((t, i) => `    ${pub}${names[i]}: ${t.text},`).join('\n')}\n}`;
    this.emit(mod, text);
    this.defs.push({ name, mod, kind: 'union', copy, hasAlign: repr.some((x) => x.startsWith('align')) || tys.some((t) => t.hasAlign), uninhabited: false, params: 0, lifetime: false, packed: false });
    this.types.push({ name: mod ? `${mod}::${name}` : name, kind: 'union', rustPath: mod ? `${mod}::${name}` : name, fields: names, repr: repr.join(', ') });
  }

  private genEmptyEnum(mod: string | null, measured = true): void {
    const name = this.nextName('Void');
    const text = this.copyAttr(name, [], false) + `pub enum ${name} {}`;
    this.emit(mod, text);
    this.defs.push({ name, mod, kind: 'enum', copy: true, hasAlign: false, uninhabited: true, params: 0, lifetime: false, packed: false });
    if (measured) this.types.push({ name: mod ? `${mod}::${name}` : name, kind: 'enum', rustPath: mod ? `${mod}::${name}` : name, fields: [], variants: [], repr: '' });
  }

  private variantNames(n: number): string[] {
    if (n > VARIANT_WORDS.length) return Array.from({ length: n }, (_, i) => `V${i}`);
    const pool = [...VARIANT_WORDS];
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(this.rng.int(0, pool.length - 1), 1)[0]);
    return out;
  }

  private discLiteral(v: bigint): string {
    const r = this.rng;
    const neg = v < 0n;
    const a = neg ? -v : v;
    let s: string;
    if (a > 9n && r.chance(0.15)) s = `0x${a.toString(16)}`;
    else if (a >= 10000n && r.chance(0.4)) s = a.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '_');
    else s = a.toString();
    return neg ? `-${s}` : s;
  }

  /** A discriminant as a literal or (std) a constant expression of the repr type with that value. */
  private discExpr(v: bigint, reprTy: string): string {
    const r = this.rng;
    const known = this.consts.filter((c) => c.value !== undefined && BigInt(c.value) <= v);
    if (this.mode !== 'std' || r.chance(0.7)) return this.discLiteral(v);
    return r.weighted<() => string>([
      [2, () => (v > 0n ? `${this.discLiteral(v - 1n)} + 1` : this.discLiteral(v))],
      [2, () => (v > 0n && v < 1n << 62n && (v & (v - 1n)) === 0n ? `1 << ${v.toString(2).length - 1}` : this.discLiteral(v))],
      [1, () => (v >= 0n && v % 2n === 0n ? `${v / 2n} * 2` : this.discLiteral(v))],
      [2, () => {
        if (!known.length) return this.discLiteral(v);
        const k = r.pick(known);
        return `${k.name} as ${reprTy} + ${v - BigInt(k.value!)}`;
      }],
      [1, () => (v < 0n && v > -(1n << 60n) ? `-(${-v})` : `(${this.discLiteral(v)})`)],
    ])();
  }

  /** Assigns discriminants: some explicit (incl. negative and huge), the rest implicit (+1). */
  private discriminants(n: number, lo: bigint, hi: bigint, explicitRate: number): (bigint | null)[] {
    const r = this.rng;
    const used = new Set<bigint>();
    const out: (bigint | null)[] = [];
    let prev: bigint | null = null;
    for (let i = 0; i < n; i++) {
      const implicit: bigint = prev === null ? 0n : prev + 1n;
      let explicit = r.chance(explicitRate);
      if (!explicit && (used.has(implicit) || implicit > hi)) explicit = true;
      if (!explicit) {
        used.add(implicit);
        out.push(null);
        prev = implicit;
        continue;
      }
      let v = 0n;
      for (let tries = 0; tries < 50; tries++) {
        v = r.weighted<() => bigint>([
          [5, () => BigInt(r.int(-3, 20))],
          [3, () => BigInt(r.int(0, 300))],
          [2, () => BigInt(r.int(-200, 200))],
          [1, () => BigInt(r.int(-70000, 70000))],
          [1, () => r.bigint(lo, hi)],
          [1, () => (r.chance(0.5) ? hi - BigInt(r.int(0, 2)) : lo + BigInt(r.int(0, 2)))],
        ])();
        // leave room for the implicit values that follow
        if (v >= lo && v <= hi && !used.has(v)) break;
      }
      if (v < lo || v > hi || used.has(v)) {
        // fall back to the smallest free value
        v = lo < 0n ? 0n : lo;
        while (used.has(v)) v++;
      }
      used.add(v);
      out.push(v);
      prev = v;
    }
    // The implicit value after an explicit `hi` overflows: make such variants explicit.
    let last: bigint | null = null;
    for (let i = 0; i < n; i++) {
      const d = out[i];
      if (d !== null) last = d;
      else {
        const v: bigint = last === null ? 0n : last + 1n;
        if (v > hi) {
          let f = lo < 0n ? 0n : lo;
          while (used.has(f)) f++;
          used.add(f);
          out[i] = f;
          last = f;
        } else last = v;
      }
    }
    return out;
  }

  private genEnum(mod: string | null): void {
    const r = this.rng;
    const shape = r.weighted<string>([
      [32, 'clike'],
      [52, 'data'],
      [8, 'single'],
      [3, 'empty'],
      [5, 'absent'],
    ]);
    if (shape === 'empty') return this.genEmptyEnum(mod);
    const name = this.nextName('E');
    const intReprs = this.mode === 'std' ? ['u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'u64', 'i64', 'usize', 'isize', 'u128', 'i128'] : ['u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'u64', 'i64', 'usize', 'isize'];
    const isClike = shape === 'clike';
    const reprKind = r.weighted<string>(
      isClike
        ? [
            [50, ''],
            [28, 'int'],
            [12, 'C'],
            [4, 'align'],
            [3, 'intalign'],
          ]
        : [
            [58, ''],
            [10, 'C'],
            [15, 'int'],
            [8, 'Cint'],
            [3, 'align'],
            [4, 'transparent'],
          ],
    );
    const intRepr = r.pick(intReprs);
    let repr: string[] = [];
    if (reprKind === 'int') repr = [intRepr];
    else if (reprKind === 'C') repr = ['C'];
    else if (reprKind === 'Cint') repr = ['C', intRepr];
    else if (reprKind === 'align') repr = [`align(${r.pick(ALIGNS)})`];
    else if (reprKind === 'intalign') repr = [intRepr, `align(${r.pick(ALIGNS)})`];
    else if (reprKind === 'transparent') repr = ['transparent'];
    const transparent = reprKind === 'transparent';

    let n: number;
    if (transparent || shape === 'single') n = 1;
    else if (isClike)
      n = r.weighted([
        [3, 1],
        [20, 2],
        [20, 3],
        [14, 4],
        [14, 6],
        [6, 9],
        [4, 17],
        [2, r.int(250, 258)],
      ]);
    else n = r.int(2, 6);
    const vnames = this.variantNames(n);
    const ctx: Ctx = { mod, depth: 0, uninhabited: shape === 'absent' || r.chance(0.05) };
    const variants: { name: string; shape: string; tys: Ty[]; fields: string[] }[] = [];
    for (let i = 0; i < n; i++) {
      let vshape = isClike ? 'unit' : r.weighted<string>([
        [30, 'unit'],
        [45, 'tuple'],
        [25, 'struct'],
      ]);
      let tys: Ty[] = [];
      if (transparent) {
        vshape = r.chance(0.7) ? 'tuple' : 'struct';
        tys = [this.ty(ctx)];
        if (r.chance(0.3)) tys.splice(r.int(0, 1), 0, this.zstCompanion());
      } else if (vshape !== 'unit') {
        const k = r.weighted([
          [8, 1],
          [6, 2],
          [4, 3],
          [2, 4],
          [1, 0],
        ]);
        for (let j = 0; j < k; j++) tys.push(this.ty(ctx));
      }
      if (shape === 'absent' && i === n - 1 && n > 1) {
        // An absent variant (uninhabited, only ZSTs) or an uninhabited one with data.
        const un = this.mode === 'std' && r.chance(0.5) ? { text: 'Infallible', copy: true, hasAlign: false } : this.userRef(r.pick(this.defs.filter((d) => d.uninhabited)), ctx);
        vshape = 'tuple';
        tys = r.chance(0.7) ? [un] : [this.ty(ctx), un];
      }
      const fields = vshape === 'tuple' ? tys.map((_, j) => String(j)) : vshape === 'struct' ? this.fieldNames(tys.length) : [];
      variants.push({ name: vnames[i], shape: vshape, tys, fields });
    }
    if (!isClike && repr.length === 2 && repr[0] === 'C' && variants.every((v) => v.tys.length === 0)) {
      // repr(C, int) on a fieldless enum is E0566 (conflicting hints): give one variant data.
      const v = variants[0];
      variants[0] = { ...v, shape: 'tuple', tys: [this.prim()], fields: ['0'] };
    }
    // Explicit discriminants: C-like enums always may; data enums only with a primitive repr.
    let intForDisc = repr.find((x) => intReprs.includes(x));
    if (intForDisc) {
      // 250+ variants do not fit an i8/u8: widen, as a human would.
      const [lo, hi] = intRange(intForDisc, this.mode);
      if (BigInt(n) > hi - lo + 1n || BigInt(n - 1) > hi) {
        const wide = intForDisc.startsWith('i') ? 'i16' : 'u16';
        repr = repr.map((x) => (x === intForDisc ? wide : x));
        intForDisc = wide;
      }
    }
    const canDisc = isClike || (!!intForDisc && !transparent);
    let discs: (bigint | null)[] = variants.map(() => null);
    if (canDisc && r.chance(isClike ? 0.6 : 0.4)) {
      const [lo, hi] = intForDisc ? intRange(intForDisc, this.mode) : intRange('isize', this.mode);
      discs = this.discriminants(n, lo, hi, r.pick([0.2, 0.5, 1]));
    }
    const allCopy = variants.every((v) => v.tys.every((t) => t.copy));
    const copy = allCopy && r.chance(0.6);
    const body = variants
      .map((v, i) => {
        const d = discs[i] !== null ? ` = ${this.discExpr(discs[i]!, intForDisc ?? 'isize')}` : '';
        if (v.shape === 'unit') return `    ${v.name}${d},`;
        if (v.shape === 'tuple') return `    ${v.name}(${v.tys.map((t) => t.text).join(', ')})${d},`;
        return `    ${v.name} {\n${v.tys.map((t, j) => `        ${v.fields[j]}: ${t.text},`).join('\n')}\n    }${d},`;
      })
      .join('\n');
    let text = copy ? this.copyAttr(name, [], false) : '';
    text += this.reprAttr(repr);
    text += `pub enum ${name} {\n${body}\n}`;
    this.emit(mod, text);
    const uninhabited = false; // conservatively: only empty enums are used as uninhabited fields
    this.defs.push({
      name,
      mod,
      kind: 'enum',
      copy,
      hasAlign: repr.some((x) => x.startsWith('align')) || variants.some((v) => v.tys.some((t) => t.hasAlign)),
      uninhabited,
      params: 0,
      lifetime: false,
      packed: false,
    });
    this.types.push({
      name: mod ? `${mod}::${name}` : name,
      kind: 'enum',
      rustPath: mod ? `${mod}::${name}` : name,
      fields: [],
      variants: variants.map((v) => ({ name: v.name, fields: v.fields })),
      repr: repr.join(', '),
    });
  }

  private genGeneric(): void {
    const r = this.rng;
    const name = this.nextName('G');
    const np = r.weighted([
      [6, 1],
      [3, 2],
    ]);
    const params = np === 1 ? ['T'] : ['T', 'U'];
    const isEnum = r.chance(0.35);
    const ctx: Ctx = { mod: null, depth: 1, params };
    const paramTy = (): Ty => {
      const p = r.pick(params);
      return r.weighted<() => Ty>([
        [6, () => ({ text: p, copy: true, hasAlign: true })],
        [1, () => ({ text: `[${p}; ${r.pick([0, 1, 2, 3])}]`, copy: true, hasAlign: true })],
        [1, () => ({ text: `(${p}, u8)`, copy: true, hasAlign: true })],
        [1, () => ({ text: `*const ${p}`, copy: true, hasAlign: false })],
        [1, () => (this.mode === 'std' ? { text: `Option<${p}>`, copy: true, hasAlign: true } : { text: `[${p}; 1]`, copy: true, hasAlign: true })],
        [1, () => (this.mode === 'std' ? { text: `PhantomData<${p}>`, copy: true, hasAlign: false } : { text: `*mut ${p}`, copy: true, hasAlign: false })],
        [1, () => (this.mode === 'std' ? { text: `Box<${p}>`, copy: false, hasAlign: false } : { text: `&'static u8`, copy: true, hasAlign: false })],
      ])();
    };
    let packed = false;
    let text: string;
    let copy: boolean;
    let hasAlign = false;
    if (isEnum) {
      const n = r.int(1, 4);
      const vnames = this.variantNames(n);
      const vs: string[] = [];
      const all: Ty[] = [];
      // Every parameter must be used.
      const mustUse = [...params];
      for (let i = 0; i < n; i++) {
        const k = i === 0 ? Math.max(1, mustUse.length) : r.int(0, 2);
        const tys: Ty[] = [];
        for (let j = 0; j < k; j++) {
          const p = mustUse.shift();
          tys.push(p ? { text: p, copy: true, hasAlign: true } : r.chance(0.5) ? paramTy() : this.ty(ctx));
        }
        all.push(...tys);
        vs.push(tys.length ? `    ${vnames[i]}(${tys.map((t) => t.text).join(', ')}),` : `    ${vnames[i]},`);
      }
      const repr = r.chance(0.2) ? [r.pick(['C', 'u8', 'u16', 'i32'])] : [];
      copy = all.every((t) => t.copy) && r.chance(0.7);
      hasAlign = all.some((t) => t.hasAlign && !params.includes(t.text));
      text = (copy ? this.copyAttr(name, params, false) : '') + this.reprAttr(repr) + `pub enum ${name}<${params.join(', ')}> {\n${vs.join('\n')}\n}`;
    } else {
      const repr = r.weighted<string[]>([
        [6, []],
        [2, ['C']],
        [1, ['packed']],
        [1, [`align(${r.pick(ALIGNS)})`]],
      ]);
      packed = repr.includes('packed');
      const tys: Ty[] = params.map((p) => ({ text: p, copy: true, hasAlign: true }));
      const extra = r.int(0, 3);
      for (let i = 0; i < extra; i++) tys.splice(r.int(0, tys.length), 0, r.chance(0.4) ? paramTy() : this.fieldTy(ctx, packed, false));
      if (packed) for (let i = 0; i < tys.length; i++) if (tys[i].text.startsWith('Box<') || tys[i].text.startsWith('Option<')) tys[i] = this.prim();
      copy = tys.every((t) => t.copy) && r.chance(0.7);
      hasAlign = repr.some((x) => x.startsWith('align')) || tys.some((t) => t.hasAlign && !params.includes(t.text));
      const tuple = r.chance(0.3);
      const names = tuple ? tys.map((_, i) => String(i)) : this.fieldNames(tys.length);
      const decl = tuple ? `pub struct ${name}<${params.join(', ')}>(${tys.map((t) => t.text).join(', ')});` : `pub struct ${name}<${params.join(', ')}> {\n${tys.map((t, i) => `    ${names[i]}: ${t.text},`).join('\n')}\n}`;
      text = (copy ? this.copyAttr(name, params, false) : '') + this.reprAttr(repr) + decl;
    }
    this.emit(null, text);
    this.defs.push({ name, mod: null, kind: isEnum ? 'enum' : 'struct', copy, hasAlign, uninhabited: false, params: params.length, lifetime: false, packed });
  }

  // ----- widened shapes (hunt R) ----------------------------------------------------------

  /** A cfg predicate that differs between targets (pointer width, endianness, OS, arch, atomics, features). */
  private cfgPred(): string {
    const r = this.rng;
    const one = (): string =>
      r.pick([
        'target_pointer_width = "64"',
        'target_pointer_width = "32"',
        'target_pointer_width = "16"',
        'target_endian = "big"',
        'target_os = "linux"',
        'target_os = "none"',
        'windows',
        'unix',
        'target_arch = "x86_64"',
        'target_arch = "arm"',
        'target_arch = "aarch64"',
        'target_arch = "wasm32"',
        'target_has_atomic = "64"',
        'target_has_atomic = "ptr"',
        'target_vendor = "apple"',
        'target_env = "gnu"',
        'target_env = "msvc"',
        'target_feature = "sse2"',
        'target_family = "wasm"',
        'debug_assertions',
        'test',
        'doc',
      ]);
    return r.weighted<() => string>([
      [6, one],
      [1, () => `not(${one()})`],
      [1, () => `any(${one()}, ${one()})`],
      [1, () => `all(${one()}, not(${one()}))`],
    ])();
  }

  /** One of the widened shapes: a const item, a const-generic type, a generic alias, a trait with associated items, a recursive type. */
  private genExtra(): void {
    const r = this.rng;
    const std = this.mode === 'std';
    const k = r.weighted<string>([
      [3, 'const'],
      [5, 'constGeneric'],
      [3, 'genericAlias'],
      [4, 'trait'],
      [std ? 3 : 0, 'recursive'],
      [5, 'wrapper'],
      [4, 'niche'],
      [this.mode === 'std' ? 5 : 0, 'bounded'],
      [this.mode === 'std' ? 2 : 0, 'projection'],
      [4, 'macro'],
      [2, 'lifetimeGeneric'],
      [3, 'genericUnion'],
      [3, 'inherentConst'],
    ]);
    if (k === 'const' || (k === 'constGeneric' && !this.consts.length)) this.genConst();
    if (k === 'constGeneric') this.genConstGeneric();
    else if (k === 'genericAlias') this.genGenericAlias();
    else if (k === 'trait') this.genTrait();
    else if (k === 'recursive') this.genRecursive();
    else if (k === 'wrapper' && this.extras.length) this.genWrapper();
    else if (k === 'niche') this.genNicheStress();
    else if (k === 'bounded') this.genBounded();
    else if (k === 'macro') this.genMacro();
    else if (k === 'lifetimeGeneric') this.genLifetimeGeneric();
    else if (k === 'genericUnion') this.genGenericUnion();
    else if (k === 'inherentConst') this.genInherentConst();
    else if (k === 'projection' && !this.projections) {
      this.projections = true;
      this.extras.push(() => {
        const [text, copy] = this.rng.pick(STD_PROJECTIONS);
        return { text, copy, hasAlign: false };
      });
    }
  }

  private projections = false;

  /** Types made by `macro_rules!`: a struct or enum per call (fragments `ident`, `ty`, repetitions), and type macros in fields. */
  private genMacro(): void {
    const r = this.rng;
    const mac = this.nextName('mk');
    const ctx: Ctx = { mod: null, depth: 1 };
    const kind = r.weighted<string>([[3, 'struct'], [2, 'enum'], [2, 'typeMacro']]);
    if (kind === 'typeMacro') {
      const shape = r.pick(['($t, $t)', '[$t; 3]', '($t, u8, [$t; 0])', this.mode === 'std' ? 'Option<($t, bool)>' : '(bool, $t)']);
      this.emit(null, `macro_rules! ${mac} {\n    ($t:ty) => {\n        ${shape}\n    };\n}`);
      this.extras.push((c) => {
        const a = this.ty(c);
        // Not Copy: a type macro in a field keeps `derive` off the item ("`derive` cannot be used on items with type macros").
        return { text: `${mac}!(${a.text})`, copy: false, hasAlign: a.hasAlign };
      });
      return;
    }
    const calls = r.int(1, 3);
    if (kind === 'struct') {
      const repr = r.weighted<string>([[4, ''], [1, '#[repr(C)]\n        '], [1, `#[repr(align(${r.pick([2, 8, 16])}))]\n        `]]);
      this.emit(null, `macro_rules! ${mac} {\n    ($name:ident, $t:ty) => {\n        ${repr}pub struct $name {\n            pub a: $t,\n            pub b: u8,\n            pub c: [$t; 2],\n        }\n    };\n}`);
      for (let i = 0; i < calls; i++) {
        const name = this.nextName('S');
        const t = this.fieldTy(ctx, false, false);
        this.emit(null, `${mac}!(${name}, ${t.text});`);
        this.defs.push({ name, mod: null, kind: 'struct', copy: false, hasAlign: t.hasAlign || repr.includes('align'), uninhabited: false, params: 0, lifetime: false, packed: false });
        this.types.push({ name, kind: 'struct', rustPath: name, fields: ['a', 'b', 'c'], repr: '' });
      }
    } else {
      this.emit(null, `macro_rules! ${mac} {\n    ($name:ident { $($v:ident($t:ty)),* $(,)? }) => {\n        pub enum $name {\n            Nothing,\n            $($v($t),)*\n        }\n    };\n}`);
      for (let i = 0; i < calls; i++) {
        const name = this.nextName('E');
        const vs = this.variantNames(r.int(1, 4)).filter((v) => v !== 'Nothing');
        const tys = vs.map(() => this.fieldTy(ctx, false, false));
        this.emit(null, `${mac}!(${name} { ${vs.map((v, j) => `${v}(${tys[j]!.text})`).join(', ')} });`);
        this.defs.push({ name, mod: null, kind: 'enum', copy: false, hasAlign: tys.some((t) => t.hasAlign), uninhabited: false, params: 0, lifetime: false, packed: false });
        this.types.push({ name, kind: 'enum', rustPath: name, fields: [], variants: vs.map((v) => ({ name: v, fields: ['0'] })), repr: '' });
      }
    }
  }

  /** A generic union (`T: Copy`, or `ManuallyDrop<T>` under std) instantiated with Copy arguments. */
  private genGenericUnion(): void {
    const r = this.rng;
    const std = this.mode === 'std';
    const name = this.nextName('GU');
    const md = std && r.chance(0.4);
    const repr = r.weighted<string>([[4, ''], [1, '#[repr(C)]\n'], [1, `#[repr(align(${r.pick([2, 4, 8, 16])}))]\n`], [1, '#[repr(packed)]\n']]);
    const fields = md
      ? [`pub a: std::mem::ManuallyDrop<T>`, `pub b: ${this.prim().text}`, `pub c: [u8; ${r.int(0, 9)}]`]
      : [`pub a: T`, `pub b: (T, ${this.prim().text})`, `pub c: [T; ${r.int(0, 3)}]`, `pub d: ()`].slice(0, r.int(2, 4));
    const copy = !md && r.chance(0.5);
    this.emit(null, `${copy ? this.copyAttr(name, ['T'], false) : ''}${repr}pub union ${name}<T${md ? '' : ': Copy'}> {\n${fields.map((f) => `    ${f},`).join('\n')}\n}`);
    const packed = repr.includes('packed');
    this.extras.push((c) => {
      let a = this.ty(c);
      for (let i = 0; i < 8 && (!a.copy || (packed && a.hasAlign) || /\bT\b|\bU\b/.test(a.text)); i++) a = this.ty(c);
      if (!a.copy || (packed && a.hasAlign) || /\bT\b|\bU\b/.test(a.text)) a = this.prim();
      return { text: `${name}<${a.text}>`, copy, hasAlign: a.hasAlign || repr.includes('align') };
    });
  }

  /** `impl X { pub const N: usize = …; }` on a type of the corpus, and constants typed `u8`/`i32` cast to `usize`: array lengths `X::N`, `M as usize`. */
  private genInherentConst(): void {
    const r = this.rng;
    const owners = this.defs.filter((d) => d.params === 0 && !d.lifetime && d.mod === null && d.kind !== 'alias');
    if (owners.length && r.chance(0.6)) {
      const o = r.pick(owners);
      const n = this.nextName('N').toUpperCase();
      const v = r.int(0, 12);
      this.emit(null, `impl ${o.name} {\n    pub const ${n}: usize = ${v};\n}`);
      this.consts.push({ name: `${o.name}::${n}`, value: v });
    } else {
      const n = this.nextName('M');
      const ty = r.pick(['u8', 'u16', 'i32', 'i64', 'u32']);
      const v = r.int(0, 20);
      this.emit(null, `pub const ${n}: ${ty} = ${v};`);
      this.consts.push({ name: `${n} as usize`, value: v });
    }
  }

  /** `struct LG<'a, T: 'a>` holding `&'a T`, instantiated at `'static`. */
  private genLifetimeGeneric(): void {
    const r = this.rng;
    const name = this.nextName('LG');
    const std = this.mode === 'std';
    const body = r.pick([
      `pub struct ${name}<'a, T: 'a> {\n    pub r: &'a T,\n    pub v: [T; 1],\n    pub s: &'a [T],\n}`,
      `pub struct ${name}<'a, T> {\n    pub r: &'a mut T,\n    pub n: u16,\n}`,
      `pub enum ${name}<'a, T> {\n    Borrowed(&'a T),\n    Owned(T),\n    Nil,\n}`,
      std ? `pub struct ${name}<'a, T: ?Sized> {\n    pub r: Option<&'a T>,\n    pub len: u32,\n}` : `pub struct ${name}<'a, T: ?Sized> {\n    pub r: &'a T,\n    pub len: u32,\n}`,
    ]);
    this.emit(null, body);
    this.extras.push((c) => {
      const a = r.chance(0.2) && body.includes('?Sized') ? { text: r.pick(['str', '[u16]']), copy: false, hasAlign: false } : this.ty(c);
      // In a generic body the `'static` argument needs `T: 'static`: concrete arguments only there.
      const arg = c.params?.length && /\bT\b|\bU\b/.test(a.text) ? this.prim() : a;
      return { text: `${name}<'static, ${arg.text}>`, copy: false, hasAlign: arg.hasAlign };
    });
  }

  /**
   * A generic struct or enum whose parameters carry std-trait bounds (inline, in a where clause,
   * `?Sized`, `Iterator<Item = u8>`, `T::Item` fields), with std derives, instantiated with
   * arguments that meet the bounds (BOUND_ARGS).
   */
  private genBounded(): void {
    const r = this.rng;
    const name = this.nextName('B');
    const bounds = [...new Set(Array.from({ length: r.weighted([[2, 1], [3, 2], [2, 3]]) }, () => r.pick(BOUNDS)))];
    const unsizedOk = bounds.every((b) => UNSIZED_OK.includes(b)) && r.chance(0.25);
    const args = BOUND_ARGS.filter(([, traits]) => bounds.every((b) => traits.includes(b)));
    if (!args.length) return;
    const iter = bounds.includes('Iterator<Item = u8>') || bounds.includes('Iterator');
    const fields: string[] = unsizedOk
      ? [`Box<T>`, r.pick(['u8', 'u32', 'Option<u16>'])]
      : r.pick([
          ['T', 'u8'],
          ['Option<T>', 'u16'],
          ['Vec<T>', 'T', 'bool'],
          ['[T; 2]', 'u32'],
          ['(T, char)'],
          ['Box<T>', 'T'],
          ...(iter ? [['T', 'Option<T::Item>'], ['Option<<T as Iterator>::Item>', 'T']] : []),
        ]);
    // (`dyn Fn(u8) -> u8` for an `Fn(u8) -> u8` bound is left unknown by the engine: not used.)
    const unsizedArgs: [string, readonly string[]][] = [['str', ['std::fmt::Debug', 'std::fmt::Display', 'Send', 'Sync', 'Unpin', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', 'AsRef<str>', 'ToString', "'static"]], ['[u8]', ['std::fmt::Debug', 'Send', 'Sync', 'Unpin', 'PartialEq', 'Eq', 'std::hash::Hash', 'PartialOrd', 'Ord', "'static"]]];
    const pool = unsizedOk ? [...args, ...unsizedArgs.filter(([, t]) => bounds.every((b) => t.includes(b)))] : args;
    const inline = r.chance(0.5);
    const bText = [...(unsizedOk ? ['?Sized'] : []), ...bounds.map((b) => (b === 'Iterator' ? 'Iterator' : b))].join(' + ');
    const gen = inline ? `<T: ${bText}>` : '<T>';
    const where = inline ? '' : `\nwhere\n    T: ${bText},\n`;
    // Derives whose impls hold given the derive's own `T: Trait` bounds on these fields.
    const fieldsCopy = fields.every((f) => !/Vec|Box|Item/.test(f));
    const derives = unsizedOk || iter ? [] : r.pick<string[]>([[], ['Debug'], ['Clone'], ['Clone', 'Debug', 'PartialEq'], ['PartialEq', 'Eq', 'Hash'], ['PartialEq', 'Eq', 'PartialOrd', 'Ord'], ['Default', 'Debug'], ...(fieldsCopy ? [['Clone', 'Copy'], ['Clone', 'Copy', 'Debug', 'Default']] : [])]);
    const derive = derives.length ? `#[derive(${derives.join(', ')})]\n` : '';
    let text: string;
    if (r.chance(0.3) && !unsizedOk) {
      // An enum: derive(Default) needs a #[default] unit variant.
      const rows = [`    A(${fields.join(', ')}),`, derives.includes('Default') ? '    #[default]\n    B,' : '    B,', `    C(${r.pick(['u64', 'i8', '(u8, u8)'])}),`];
      text = `${derive}pub enum ${name}${gen}${where ? where.replace(/\n$/, '') : ''} {\n${rows.join('\n')}\n}`;
    } else {
      text = `${derive}pub struct ${name}${gen}${where ? where.replace(/\n$/, '') : ''} {\n${fields.map((f, i) => `    pub f${i}: ${f},`).join('\n')}\n}`;
    }
    this.emit(null, text);
    this.extras.push(() => {
      const [a] = r.pick(pool);
      return { text: `${name}<${a}>`, copy: false, hasAlign: false };
    });
  }

  /**
   * An enum of one data variant and a number of dataless ones near the payload's niche count
   * (a C-like enum of the corpus leaves 256 - n, bool 254, char 0x10FFFF.., a reference 0): one
   * too many and rustc adds a tag.
   */
  private genNicheStress(): void {
    const r = this.rng;
    const std = this.mode === 'std';
    const clikes = this.defs.filter((d) => d.kind === 'enum' && d.params === 0 && !d.uninhabited && d.mod === null);
    const ctx: Ctx = { mod: null, depth: 1 };
    const payload = r.weighted<() => Ty>([
      [clikes.length ? 4 : 0, () => this.userRef(r.pick(clikes), ctx)],
      [2, () => ({ text: r.pick(['bool', 'char', '(bool, bool)', '[bool; 2]', '(u8, bool)', "&'static u8"]), copy: true, hasAlign: false })],
      [std ? 2 : 0, () => ({ text: r.pick(['Option<bool>', 'Option<Option<bool>>', 'std::cmp::Ordering', 'Option<std::cmp::Ordering>', 'NonZeroU8', 'Option<char>', 'Result<bool, bool>', 'Result<(), bool>']), copy: true, hasAlign: false })],
      [3, () => this.fieldTy(ctx, false, false)],
    ])();
    const k = r.pick([1, 2, 3, 126, 127, 128, 129, 252, 253, 254, 255, 256, 257, r.int(4, 300)]);
    const name = this.nextName('N');
    const units = Array.from({ length: k }, (_, i) => `V${i}`);
    const at = r.int(0, Math.min(3, k));
    const rows = [...units];
    rows.splice(at, 0, `A(${payload.text})`);
    const second = r.chance(0.3) ? (r.chance(0.5) ? '()' : this.prim().text) : undefined;
    if (second) rows.push(`B(${second})`);
    const nonEx = r.chance(0.1) ? '#[non_exhaustive]\n' : '';
    this.emit(null, `${nonEx}pub enum ${name} {\n${rows.map((x) => `    ${x},`).join('\n')}\n}`);
    this.defs.push({ name, mod: null, kind: 'enum', copy: false, hasAlign: payload.hasAlign, uninhabited: false, params: 0, lifetime: false, packed: false });
    this.types.push({ name, kind: 'enum', rustPath: name, fields: [], variants: [{ name: 'A', fields: ['0'] }, ...(second ? [{ name: 'B', fields: ['0'] }] : [])], repr: '' });
  }

  private genConst(): void {
    const r = this.rng;
    const name = this.nextName('K');
    const std = this.mode === 'std';
    const prev = this.consts.length ? r.pick(this.consts) : undefined;
    const known = prev?.value !== undefined ? prev : undefined;
    const [text, value] = r.weighted<() => [string, number | undefined]>([
      [4, () => { const v = r.int(0, 9); return [String(v), v]; }],
      [std && known ? 3 : 0, () => { const a = r.int(1, 3); const b = r.int(0, 4); return [`${known!.name} * ${a} + ${b}`, known!.value! * a + b]; }],
      [std ? 1 : 0, () => ['core::mem::size_of::<u64>()', 8]],
      [std ? 1 : 0, () => ['(u8::MAX as usize) >> 5', 7]],
      [std ? 1 : 0, () => ['std::mem::align_of::<u32>() * 3', 12]],
      [std ? 1 : 0, () => { const v = r.int(1, 5); return [`if ${v} > 2 { ${v} } else { ${v} + 10 }`, v > 2 ? v : v + 10]; }],
      // Const evaluation as real code writes it: methods, casts, string lengths, blocks, cfg!.
      [std ? 6 : 0, () => r.pick<[string, number]>([
        ['u32::BITS as usize / 4', 8],
        ['"hello".len()', 5],
        ['[1u8, 2, 3].len()', 3],
        ['b"abcd".len()', 4],
        ['usize::MAX.count_ones() as usize / 8', 8],
        ['(i32::MIN as usize) % 7', 0],
        ['(-5i32).rem_euclid(3) as usize', 1],
        ['u8::MAX.wrapping_add(4) as usize', 3],
        ['2usize.pow(3) + 1', 9],
        // (`{ let x = 3; x * x }`: the engine does not infer `x`'s type from its use; hunt R: open.)
        ['if cfg!(target_pointer_width = "64") { 8 } else { 4 }', 8],
        ['core::mem::size_of::<Option<&u8>>() + 1', 9],
        ['core::mem::size_of::<[u16; 3]>()', 6],
        // (`u16::from_le_bytes([3, 0])`: not evaluated by the engine; hunt R: open.)
        ['7usize.saturating_sub(9)', 0],
        ['i64::abs(-6) as usize', 6],
        ['(0x1F & 0b1010) as usize', 10],
        ['(260u16 as u8) as usize', 4],
        ['(-1i8 as u8 >> 5) as usize', 7],
        ['usize::BITS as usize - 60', 4],
        ['std::mem::align_of::<u128>()', 16],
        ['match 3u8 { 0..=2 => 1, _ => 5 }', 5],
        ['(1u64 << 40 >> 37) as usize', 8],
        ['i16::MAX as usize % 10', 7],
        ['char::MAX as usize % 11', 1114111 % 11],
        ['(true as usize) + (false as usize) * 4 + 2', 3],
      ])],
      [std && this.types.length ? 3 : 0, () => [this.layoutConst(), undefined]],
      [std ? 2 : 0, () => {
        // A crate's own const fn.
        const f = this.nextName('cf');
        const a = r.int(1, 4);
        this.emit(null, `pub const fn ${f}(x: usize) -> usize {\n    if x > ${a} { x - ${a} } else { x * 2 + 1 }\n}`);
        const arg = known && r.chance(0.5) ? known : undefined;
        const v = arg ? arg.value! : r.int(0, 9);
        return [`${f}(${arg ? arg.name : v})`, v > a ? v - a : v * 2 + 1];
      }],
      [std && this.traits.length ? 2 : 0, () => {
        const t = r.pick(this.traits);
        const i = r.pick(t.impls);
        return [`<${i.ty.text} as ${t.name}>::N + 1`, i.n + 1];
      }],
    ])();
    if (value !== undefined && value > 40) return;
    this.emit(null, `pub const ${name}: usize = ${text};`);
    this.consts.push({ name, value });
  }

  /** `size_of::<X>() % 17` or `align_of::<X>()` of a type of the corpus (or std): a length the engine must lay X out for. */
  private layoutConst(): string {
    const r = this.rng;
    const concrete = this.defs.filter((d) => d.params === 0 && d.kind !== 'alias' && !d.lifetime && d.mod === null);
    // (Not a type macro: `size_of::<mk3!(u8)>()` is left unknown by the engine; hunt R: open.)
    let t = this.ty({ mod: null, depth: 2 }).text;
    if (t.includes('!')) t = this.prim().text;
    const x = concrete.length && r.chance(0.7) ? r.pick(concrete).name : t;
    return r.chance(0.7) ? `core::mem::size_of::<${x}>() % 17` : `core::mem::align_of::<${x}>() % 33`;
  }

  /** `S<T, const N: usize>`, `E<const N: usize>`, const defaults; instances with literal, const-item and braced-expression arguments. */
  private genConstGeneric(): void {
    const r = this.rng;
    const std = this.mode === 'std';
    const name = this.nextName('C');
    const withT = r.chance(0.6);
    const isEnum = r.chance(0.35);
    const hasDefault = !withT && r.chance(0.3);
    const params = withT ? ['T'] : [];
    const ctx: Ctx = { mod: null, depth: 1, params };
    const gen = `<${withT ? 'T, ' : ''}const N: usize${hasDefault ? ` = ${r.int(0, 5)}` : ''}>`;
    const elem = withT ? 'T' : this.prim().text;
    const tys: Ty[] = [{ text: `[${elem}; N]`, copy: true, hasAlign: false }];
    for (let i = r.int(0, 2); i > 0; i--) tys.push(r.chance(0.3) && withT ? { text: r.pick(['T', '(T, u8)', '[T; 2]']), copy: true, hasAlign: false } : this.fieldTy(ctx, false, false));
    let repr: string[] = [];
    let body: string;
    if (isEnum) {
      repr = r.weighted<string[]>([[6, []], [1, ['u8']], [1, ['C']], [1, ['i32']]]);
      const vs = this.variantNames(r.int(2, 4));
      const rows = vs.map((v, i) => (i === 0 ? `    ${v}(${tys.map((t) => t.text).join(', ')}),` : r.chance(0.5) ? `    ${v},` : `    ${v}(${this.fieldTy(ctx, false, false).text}),`));
      body = `pub enum ${name}${gen} {\n${rows.join('\n')}\n}`;
    } else {
      repr = r.weighted<string[]>([[6, []], [2, ['C']], [1, ['packed']], [1, [`align(${r.pick(ALIGNS)})`]]]);
      body = `pub struct ${name}${gen} {\n${tys.map((t, i) => `    pub f${i}: ${t.text},`).join('\n')}\n}`;
    }
    const packed = repr.includes('packed');
    if (packed && tys.some((t) => t.hasAlign)) repr = [];
    // No derive(Copy): the fields' Copy-ness would need bounds; plain types are enough here.
    this.emit(null, this.reprAttr(repr) + body);
    const hasAlign = repr.some((x) => x.startsWith('align')) || tys.some((t) => t.hasAlign);
    const constArg = (): string => {
      if (!this.consts.length || r.chance(0.4)) return String(r.pick([0, 1, 2, 3, 4, 7, 8, 16]));
      const k = r.pick(this.consts);
      // `S5::N`, `M3 as usize` need braces as const arguments.
      if (!/^\w+$/.test(k.name)) return `{ ${k.name} }`;
      if (!std) return k.name;
      return r.pick([k.name, `{ ${k.name} }`, `{ ${k.name} + 1 }`, `{ ${k.name} * 2 }`, `{ core::mem::size_of::<u16>() }`, `{ ${this.layoutConst()} }`]);
    };
    this.extras.push((c) => {
      const args: string[] = [];
      let argAlign = false;
      if (withT) {
        let a = r.chance(0.06) ? this.neverArg() : this.ty(c);
        if (packed) for (let i = 0; i < 8 && a.hasAlign; i++) a = this.ty(c);
        if (packed && a.hasAlign) a = this.prim();
        argAlign = a.hasAlign;
        args.push(a.text);
      }
      const omitted = hasDefault && r.chance(0.4);
      if (!omitted) args.push(constArg());
      return { text: args.length ? `${name}<${args.join(', ')}>` : name, copy: false, hasAlign: hasAlign || argAlign };
    });
  }

  /** `type GA<T> = …` and instances of it. */
  private genGenericAlias(): void {
    const r = this.rng;
    const std = this.mode === 'std';
    const name = this.nextName('GA');
    const generics = this.defs.filter((d) => d.params === 1 && !d.packed);
    const shapes: [number, () => { text: string; copy: boolean }][] = [
      [2, () => ({ text: `(T, ${this.prim().text}, T)`, copy: true })],
      [2, () => ({ text: `[T; ${r.int(0, 4)}]`, copy: true })],
      [std ? 2 : 0, () => ({ text: 'Option<T>', copy: true })],
      [std ? 1 : 0, () => ({ text: 'Result<T, Infallible>', copy: true })],
      [std ? 1 : 0, () => ({ text: `Result<${this.prim().text}, T>`, copy: true })],
      [std ? 1 : 0, () => ({ text: 'Option<(T, Box<T>)>', copy: false })],
      [std ? 1 : 0, () => ({ text: 'std::mem::MaybeUninit<T>', copy: false })],
      [generics.length ? 2 : 0, () => {
        const g = r.pick(generics);
        return { text: std && r.chance(0.5) ? `Option<${g.name}<T>>` : `${g.name}<T>`, copy: g.copy };
      }],
    ];
    const t = r.weighted(shapes)();
    this.emit(null, `pub type ${name}<T> = ${t.text};`);
    this.extras.push((c) => {
      const a = r.chance(0.06) ? this.neverArg() : this.ty(c);
      return { text: `${name}<${a.text}>`, copy: t.copy && a.copy, hasAlign: true };
    });
  }

  /**
   * `trait Tr { type Out; const N: usize; }` with impls for a few types, used as
   * `<X as Tr>::Out`, `[u8; <X as Tr>::N]`, and through a generic `G<T: Tr> { a: T::Out, … }`.
   */
  private genTrait(): void {
    const r = this.rng;
    const std = this.mode === 'std';
    const name = this.nextName('Tr');
    const selfs = [...new Set(['u8', 'u16', 'u32', 'i64', 'bool', 'char', ...this.defs.filter((d) => d.params === 0 && d.kind !== 'alias' && !d.lifetime && d.mod === null && !d.uninhabited).map((d) => d.name)])];
    const impls: { ty: Ty; out: Ty; n: number }[] = [];
    const texts: string[] = [`pub trait ${name} {\n    type Out;\n    const N: usize;\n}`];
    for (const self of selfs.filter(() => r.chance(0.5)).slice(0, 4)) {
      // (Not a type macro: `type Out = mk16!(i128);` in an impl is left unknown by the engine; hunt R: open.)
      let out = this.fieldTy({ mod: null, depth: 2 }, false, false);
      // (Nor a fn pointer: a last field `<X as Tr>::Out` written with one is left unknown; open.)
      if (out.text.includes('!') || /\bfn\b/.test(out.text)) out = this.prim();
      const n = r.int(0, 6);
      const kc = this.consts.filter((c) => c.value !== undefined);
      const kk = std && kc.length && r.chance(0.3) ? r.pick(kc) : undefined;
      const nText = kk ? `${kk.name} % 3 + ${n}` : String(n);
      const value = kk ? (kk.value! % 3) + n : n;
      texts.push(`impl ${name} for ${self} {\n    type Out = ${out.text};\n    const N: usize = ${nText};\n}`);
      impls.push({ ty: { text: self, copy: true, hasAlign: false }, out, n: value });
    }
    if (!impls.length) {
      texts.push(`impl ${name} for u8 {\n    type Out = u16;\n    const N: usize = 2;\n}`);
      impls.push({ ty: { text: 'u8', copy: true, hasAlign: false }, out: { text: 'u16', copy: true, hasAlign: false }, n: 2 });
    }
    // A generic type reading the associated type through its parameter.
    const g = this.nextName('GT');
    const shape = r.pick([
      `pub struct ${g}<T: ${name}> {\n    pub a: T::Out,\n    pub t: T,\n    pub b: ${this.prim().text},\n}`,
      `pub struct ${g}<T: ${name}>(pub <T as ${name}>::Out, pub ${this.prim().text});`,
      `pub struct ${g}<T>\nwhere\n    T: ${name},\n{\n    pub a: [<T as ${name}>::Out; 2],\n    pub b: ${std ? 'Option<T::Out>' : 'T::Out'},\n}`,
      `pub enum ${g}<T: ${name}> {\n    A(T::Out),\n    B(T, u8),\n    C,\n}`,
    ]);
    texts.push(shape);
    this.emit(null, texts.join('\n'));
    // Impl types may have an align repr (the impls' `Out` too).
    this.traits.push({ name, impls });
    const anyAlign = (i: { ty: Ty; out: Ty }) => i.out.hasAlign || this.defs.some((d) => d.name === i.ty.text && d.hasAlign);
    this.extras.push(() => {
      const i = r.pick(impls);
      return r.weighted<() => Ty>([
        [3, () => ({ text: `<${i.ty.text} as ${name}>::Out`, copy: i.out.copy, hasAlign: i.out.hasAlign })],
        [2, () => ({ text: `[${this.prim().text}; <${i.ty.text} as ${name}>::N]`, copy: true, hasAlign: false })],
        [3, () => ({ text: `${g}<${i.ty.text}>`, copy: false, hasAlign: anyAlign(i) })],
      ])();
    });
  }

  /** Types that hold themselves behind a pointer: lists, trees, `Option<Box<Self>>`. */
  private genRecursive(): void {
    const r = this.rng;
    const name = this.nextName('R');
    const v = this.fieldTy({ mod: null, depth: 2 }, false, false);
    const text = r.pick([
      `pub struct ${name} {\n    pub v: ${v.text},\n    pub next: Option<Box<${name}>>,\n}`,
      `pub enum ${name} {\n    Nil,\n    Cons(${v.text}, Box<${name}>),\n}`,
      `pub enum ${name} {\n    Leaf(${v.text}),\n    Node(Vec<${name}>),\n}`,
      `pub struct ${name} {\n    pub kids: Vec<${name}>,\n    pub parent: Option<std::rc::Weak<std::cell::RefCell<${name}>>>,\n    pub v: ${v.text},\n}`,
      `pub enum ${name} {\n    A(Option<std::rc::Rc<${name}>>),\n    B(${v.text}),\n    C(&'static ${name}),\n}`,
      `pub struct ${name}(pub Option<Box<(${name}, ${v.text})>>);`,
      `pub struct ${name} {\n    pub v: ${v.text},\n    pub next: Option<Box<Self>>,\n    pub kids: Vec<Self>,\n}`,
      `pub enum ${name} {\n    Leaf,\n    Pair(Box<Self>, Box<Self>),\n    Val(${v.text}),\n}`,
    ]);
    this.emit(null, text);
    this.defs.push({ name, mod: null, kind: text.startsWith('pub enum') ? 'enum' : 'struct', copy: false, hasAlign: v.hasAlign, uninhabited: false, params: 0, lifetime: false, packed: false });
    const kind: Kind = text.startsWith('pub enum') ? 'enum' : 'struct';
    const fields = kind === 'enum' ? [] : text.includes(`pub struct ${name}(`) ? ['0'] : [...text.matchAll(/^ {4}pub (\w+):/gm)].map((m) => m[1]!);
    this.types.push({ name, kind, rustPath: name, fields, repr: '', ...(kind === 'enum' ? { variants: [] } : {}) });
  }

  /** A struct or enum around one widened shape, so each is measured where it is defined. */
  private genWrapper(): void {
    const r = this.rng;
    const ctx: Ctx = { mod: null, depth: 1 };
    const t = r.pick(this.extras)(ctx);
    const other = this.fieldTy(ctx, false, false);
    if (r.chance(0.6)) {
      const name = this.nextName('W');
      const fields = r.chance(0.5) ? [t, other] : [other, t];
      const nonEx = r.chance(0.2) ? '#[non_exhaustive]\n' : '';
      this.emit(null, `${nonEx}pub struct ${name}(${fields.map((f) => `pub ${f.text}`).join(', ')});`);
      this.defs.push({ name, mod: null, kind: 'struct', copy: false, hasAlign: fields.some((f) => f.hasAlign), uninhabited: false, params: 0, lifetime: false, packed: false });
      this.types.push({ name, kind: 'struct', rustPath: name, fields: ['0', '1'], repr: '' });
    } else {
      const name = this.nextName('WE');
      const std = this.mode === 'std';
      const repr = r.weighted<string[]>([[6, []], [1, ['u8']], [1, ['C']], [std ? 1 : 0, ['i128']], [1, ['u16', `align(${r.pick([2, 4, 8, 16])})`]], [1, ['C', 'u8']]]);
      const rows = [`    A(${t.text}),`, r.chance(0.5) ? '    B,' : `    B(${other.text}),`, '    C,'];
      const variants: GenVariant[] = [{ name: 'A', fields: ['0'] }, { name: 'B', fields: rows[1]!.includes('(') ? ['0'] : [] }, { name: 'C', fields: [] }];
      if (r.chance(0.3)) {
        rows.push(std ? `    D(${r.pick(['Infallible', `(${this.prim().text}, Infallible)`])}),` : `    D(${this.defs.find((d) => d.uninhabited)!.name}),`);
        variants.push({ name: 'D', fields: ['0'] });
      }
      const nonEx = r.chance(0.2) ? '#[non_exhaustive]\n' : '';
      this.emit(null, `${nonEx}${this.reprAttr(repr)}pub enum ${name} {\n${rows.join('\n')}\n}`);
      this.defs.push({ name, mod: null, kind: 'enum', copy: false, hasAlign: t.hasAlign || other.hasAlign || repr.some((x) => x.startsWith('align')), uninhabited: false, params: 0, lifetime: false, packed: false });
      this.types.push({ name, kind: 'enum', rustPath: name, fields: [], variants, repr: repr.join(', ') });
    }
  }

  private genAlias(): void {
    const name = this.nextName('A');
    const t = this.ty({ mod: null, depth: 1 });
    this.emit(null, `pub type ${name} = ${t.text};`);
    this.defs.push({ name, mod: null, kind: 'alias', copy: t.copy, hasAlign: t.hasAlign, uninhabited: false, params: 0, lifetime: false, packed: false, aliasOf: t });
  }

  private genLifetime(): void {
    const r = this.rng;
    const name = this.nextName('L');
    const tys: Ty[] = [];
    const n = r.int(1, 4);
    const refs = [`&'a u8`, `&'a str`, `&'a [u32]`, `&'a mut u64`, `&'a &'a u16`, this.mode === 'std' ? `&'a dyn Fn()` : `&'a dyn Tr`, this.mode === 'std' ? `Option<&'a u32>` : `&'a bool`];
    for (let i = 0; i < n; i++) {
      if (r.chance(0.5)) {
        const t = r.pick(refs);
        tys.push({ text: t, copy: !t.includes('mut'), hasAlign: false });
      } else tys.push(this.ty({ mod: null, depth: 1 }));
    }
    if (!tys.some((t) => t.text.includes("'a"))) tys.push({ text: `&'a u8`, copy: true, hasAlign: false });
    const names = this.fieldNames(tys.length);
    const copy = tys.every((t) => t.copy) && r.chance(0.5);
    const repr = r.chance(0.2) ? ['C'] : [];
    const text = (copy ? this.copyAttr(name, [], true) : '') + this.reprAttr(repr) + `pub struct ${name}<'a> {\n${tys.map((t, i) => `    ${names[i]}: ${t.text},`).join('\n')}\n}`;
    this.emit(null, text);
    this.defs.push({ name, mod: null, kind: 'struct', copy, hasAlign: tys.some((t) => t.hasAlign), uninhabited: false, params: 0, lifetime: true, packed: false });
    this.types.push({ name, kind: 'struct', rustPath: `${name}<'static>`, fields: names, repr: repr.join(', ') });
  }

  /** Under no_core: our own Option/Result look-alikes so niche filling gets exercised. */
  private genNoCoreStdLike(): void {
    this.emit(null, this.copyAttr('Opt', ['T'], false) + 'pub enum Opt<T> {\n    None,\n    Some(T),\n}');
    this.defs.push({ name: 'Opt', mod: null, kind: 'enum', copy: true, hasAlign: false, uninhabited: false, params: 1, lifetime: false, packed: false });
    this.emit(null, this.copyAttr('Res', ['T', 'E'], false) + 'pub enum Res<T, E> {\n    Ok(T),\n    Err(E),\n}');
    this.defs.push({ name: 'Res', mod: null, kind: 'enum', copy: true, hasAlign: false, uninhabited: false, params: 2, lifetime: false, packed: false });
  }
}

export function generate(opts: GenOptions): Corpus {
  const mode = opts.mode ?? 'std';
  return new Generator(opts.seed, mode).generate(opts.count, String(opts.seed));
}

// ----- rejected types ------------------------------------------------------------------------

export interface RejectedCase {
  /** File stem, e.g. `r007-E0072`. */
  readonly id: string;
  /** The type rustc rejects (the one the engine must flag). */
  readonly name: string;
  /** The error code this case is built to trigger. */
  readonly intended: string;
  /** Definitions; the oracle appends `const _: usize = size_of::<NAME>();`. */
  readonly defs: string;
}

export function generateRejected(seed: number | string, count: number): RejectedCase[] {
  const r = new Rng(seed);
  const out: RejectedCase[] = [];
  const prim = (): string => r.pick(['u8', 'u16', 'u32', 'u64', 'i32', 'bool', 'char']);
  const templates: [string, () => { name: string; defs: string }][] = [
    ['E0072', () => ({ name: 'List', defs: `pub struct List {\n    pub v: ${prim()},\n    pub next: Option<List>,\n}` })],
    ['E0072', () => ({ name: 'Tree', defs: `pub enum Tree {\n    Leaf(${prim()}),\n    Node(${prim()}, Tree),\n}` })],
    ['E0072', () => ({ name: 'Ping', defs: `pub struct Ping {\n    pub a: ${prim()},\n    pub p: Pong,\n}\npub struct Pong {\n    pub b: Option<Ping>,\n}` })],
    ['E0072', () => ({ name: 'Arr', defs: `pub struct Arr(${prim()}, [Arr; ${r.int(1, 3)}]);` })],
    ['E0072', () => ({ name: 'Tup', defs: `pub struct Tup {\n    pub t: (${prim()}, Tup),\n}` })],
    ['E0072', () => ({ name: 'Wrapped', defs: `pub struct W<T>(T, ${prim()});\npub struct Wrapped {\n    pub w: W<Wrapped>,\n}` })],
    [
      'E0080',
      () => {
        const e = r.int(61, 62);
        const n = r.int(2, 8);
        return { name: 'Big', defs: `pub struct Big {\n    pub a: ${prim()},\n    pub b: [[u8; 1 << ${e}]; ${n}],\n}` };
      },
    ],
    ['E0080', () => ({ name: 'Huge', defs: `pub struct Huge {\n    pub a: [u64; 1 << ${r.int(58, 62)}],\n}` })],
    ['E0080', () => ({ name: 'BigEnum', defs: `pub enum BigEnum {\n    A([u8; 1 << ${r.int(61, 62)}]),\n    B(${prim()}),\n}` })],
    ['E0080', () => ({ name: 'Inner2', defs: `pub struct Inner2 {\n    pub a: [u32; 1 << 59],\n    pub b: [u32; 1 << 59],\n}` })],
    ['E0587', () => ({ name: 'PackAlign', defs: `#[repr(packed, align(${r.pick([2, 4, 8, 16])}))]\npub struct PackAlign {\n    pub a: ${prim()},\n}` })],
    ['E0587', () => ({ name: 'PackAlign2', defs: `#[repr(C, packed(${r.pick([1, 2, 4])}))]\n#[repr(align(${r.pick([4, 8])}))]\npub struct PackAlign2 {\n    pub a: ${prim()},\n    pub b: ${prim()},\n}` })],
    ['E0588', () => ({ name: 'PackHasAlign', defs: `#[repr(align(${r.pick([2, 4, 8])}))]\npub struct Al(pub ${prim()});\n#[repr(packed)]\npub struct PackHasAlign {\n    pub a: u8,\n    pub b: Al,\n}` })],
    ['E0690', () => ({ name: 'BadTr', defs: `#[repr(transparent)]\npub struct BadTr {\n    pub a: ${prim()},\n    pub b: ${prim()},\n}` })],
    ['E0690', () => ({ name: 'BadTrEnum', defs: `#[repr(transparent)]\npub enum BadTrEnum {\n    A(${prim()}, ${prim()}),\n}` })],
    ['E0277', () => ({ name: 'UnsizedMid', defs: `pub struct UnsizedMid {\n    pub a: [u8],\n    pub b: ${prim()},\n}` })],
    ['E0277', () => ({ name: 'UnsizedLast', defs: `pub struct UnsizedLast {\n    pub a: ${prim()},\n    pub s: ${r.pick(['str', '[u16]', 'dyn std::fmt::Debug'])},\n}` })],
    ['E0084', () => ({ name: 'EmptyRepr', defs: `#[repr(${r.pick(['u8', 'i32', 'u64'])})]\npub enum EmptyRepr {}` })],
    ['E0081', () => ({ name: 'DupDisc', defs: `pub enum DupDisc {\n    A = ${r.int(0, 5)},\n    B = 7,\n    C = 7,\n}` })],
    ['E0370', () => ({ name: 'Overflow', defs: `#[repr(u8)]\npub enum Overflow {\n    A = 254,\n    B,\n    C,\n}` })],
    ['E0517', () => ({ name: 'PackedEnum', defs: `#[repr(packed)]\npub enum PackedEnum {\n    A(${prim()}),\n    B,\n}` })],
    ['E0732', () => ({ name: 'DiscNoRepr', defs: `pub enum DiscNoRepr {\n    A(${prim()}) = 3,\n    B = 9,\n}` })],
    ['E0740', () => ({ name: 'DropUnion', defs: `pub union DropUnion {\n    pub a: ${r.pick(['String', 'Vec<u8>', 'Box<u32>'])},\n    pub b: u64,\n}` })],
    ['E0566', () => ({ name: 'TwoInts', defs: `#[repr(u8, u16)]\npub enum TwoInts {\n    A,\n    B,\n}` })],
    ['E0692', () => ({ name: 'TrC', defs: `#[repr(transparent, C)]\npub struct TrC {\n    pub a: ${prim()},\n}` })],
    // Widened (hunt R): bounds, derives, const generics, associated items, recursion through Self.
    ['E0277', () => ({ name: 'NotCopy', defs: `pub struct B<T: Copy>(pub T, pub ${prim()});\npub struct NotCopy(pub B<${r.pick(['String', 'Vec<u8>', 'Box<u16>'])}>);` })],
    ['E0277', () => ({ name: 'NotOrd', defs: `pub struct B<T>(pub Vec<T>)\nwhere\n    T: Ord;\npub struct NotOrd {\n    pub b: B<${r.pick(['f32', 'f64'])}>,\n}` })],
    ['E0277', () => ({ name: 'NoImpl', defs: `pub trait Tr {\n    type Out;\n}\nimpl Tr for u8 {\n    type Out = u64;\n}\npub struct NoImpl(pub <${r.pick(['u16', 'bool', 'char'])} as Tr>::Out);` })],
    ['E0204', () => ({ name: 'DerivedCopy', defs: `#[derive(Clone, Copy)]\npub struct DerivedCopy {\n    pub a: ${prim()},\n    pub s: ${r.pick(['String', 'Vec<u32>', 'Box<u8>'])},\n}` })],
    ['E0072', () => ({ name: 'SelfRec', defs: `pub struct SelfRec {\n    pub a: ${prim()},\n    pub next: Option<Self>,\n}` })],
    ['E0107', () => ({ name: 'ArgCount', defs: `pub struct C<T, const N: usize>(pub [T; N]);\npub struct ArgCount(pub C<${prim()}>);` })],
    ['E0080', () => ({ name: 'Underflow', defs: `pub const K: usize = ${r.int(0, 3)};\npub struct Underflow(pub [u8; K - ${r.int(4, 9)}]);` })],
    ['E0308', () => ({ name: 'WrongLenTy', defs: `pub const K: ${r.pick(['i32', 'u32', 'u8'])} = 3;\npub struct WrongLenTy(pub [u8; K]);` })],
    ['E0665', () => ({ name: 'NoDefault', defs: `#[derive(Default)]\npub enum NoDefault {\n    A,\n    B(${prim()}),\n}` })],
  ];
  for (let i = 0; i < count; i++) {
    const [intended, make] = i < templates.length ? templates[i] : r.pick(templates);
    const { name, defs } = make();
    out.push({ id: `r${String(i).padStart(3, '0')}-${intended}`, name, intended, defs });
  }
  return out;
}
