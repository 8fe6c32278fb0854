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

export class Generator {
  private readonly rng: Rng;
  private readonly mode: Mode;
  private readonly defs: UserDef[] = [];
  private readonly items: { mod: string | null; text: string }[] = [];
  private readonly types: GenType[] = [];
  private counter = 0;
  private readonly copyImpls: string[] = [];

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
      ]);
      const mod = this.rng.chance(0.22) ? `m${this.rng.int(0, 3)}` : null;
      if (what === 'struct') this.genStruct(mod);
      else if (what === 'enum') this.genEnum(mod);
      else if (what === 'union') this.genUnion(mod);
      else if (what === 'generic') this.genGeneric();
      else if (what === 'alias') this.genAlias();
      else this.genLifetime();
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
      let a = this.ty(ctx);
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
    const text = this.rng.pick(['fn()', 'fn(u8) -> u32', 'unsafe extern "C" fn(i32)', "fn(&'static str) -> bool", 'extern "C" fn() -> u64', 'fn(u64, u64) -> (u64, bool)']);
    return { text, copy: true, hasAlign: false };
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
    return this.wrap1(this.short('MaybeUninit', 'std::mem::MaybeUninit'), inner, inner.copy, inner.hasAlign);
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
    const copy = tys.every((t) => t.copy) && r.chance(0.6);
    const pub = mod ? 'pub ' : '';
    let text = copy ? this.copyAttr(name, [], false) : '';
    text += this.reprAttr(repr);
    if (effShape === 'unit') text += `pub struct ${name};`;
    else if (effShape === 'empty') text += `pub struct ${name} {}`;
    else if (effShape === 'tuple') text += `pub struct ${name}(${tys.map((t) => `${pub}${t.text}`).join(', ')});`;
    else text += `pub struct ${name} {\n${tys.map((t, i) => `    ${pub}${names[i]}: ${t.text},`).join('\n')}\n}`;
    this.emit(mod, text);
    const unit = effShape === 'unit' || effShape === 'empty';
    this.defs.push({ name, mod, kind: 'struct', copy, hasAlign: hasAlignRepr || tys.some((t) => t.hasAlign), uninhabited: false, params: 0, lifetime: false, packed: false });
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
        const d = discs[i] !== null ? ` = ${this.discLiteral(discs[i]!)}` : '';
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
  ];
  for (let i = 0; i < count; i++) {
    const [intended, make] = i < templates.length ? templates[i] : r.pick(templates);
    const { name, defs } = make();
    out.push({ id: `r${String(i).padStart(3, '0')}-${intended}`, name, intended, defs });
  }
  return out;
}
