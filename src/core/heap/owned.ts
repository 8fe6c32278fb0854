/**
 * What a value of a Rust type owns on the heap, found by walking the engine's types: the std
 * collections it holds (directly, in fields, in `Option`s, boxes and locks), the single blocks of
 * `Box`/`Rc`/`Arc`, and what each element of a collection owns in turn (`Vec<String>`,
 * `HashMap<K, Vec<V>>`). Evaluated for a number of entries per collection, with an average length
 * for the collections nested inside elements.
 *
 * Honest by construction: a raw pointer outside the modelled std types, an enum whose variants
 * own different things, a recursive type, a boxed slice or `dyn` (sized at run time) or a type the
 * engine cannot lay out make the figure unknown, with the reason.
 */
import type { Engine, Ty } from '../engine';
import { tyToString } from '../engine';
import { Abstain, LayoutError } from '../layout/types';
import { boxCost, linkedListCost, rcCost } from './boxes';
import { btreeInsertCost } from './btree';
import { groupWidth, hashMapInsertCost, tableSteps, bucketsToCapacity } from './hashTable';
import { vecCapacitySteps, vecPushCost } from './rawVec';
import type { ElemLayout, Range } from './types';
import type { StdHeapOwner } from '../reportTypes';

/** `slice`: a `Box<[T]>`, `Box<str>` or `CString`: one block of exactly its length, built at its final size. */
export type CollectionKind = 'vec' | 'hash' | 'btree' | 'list' | 'slice';

/** One std collection: how its own storage grows, and what each of its elements owns. */
export interface CollectionPlan {
  readonly kind: CollectionKind;
  /** As written for people: `Vec<Order>`, `HashMap<u64, String>`. */
  readonly name: string;
  /** What is counted: `elements`, `bytes` (String, OsString, PathBuf), `entries` (maps and sets). */
  readonly unit: 'elements' | 'bytes' | 'entries';
  /** Vec family: the element; hash tables: the stored entry (`(K, V)` or `T`). */
  readonly slot: ElemLayout;
  /** B-trees: the two node layouts; linked lists: the node (in `leaf`). */
  readonly leaf?: ElemLayout;
  readonly internal?: ElemLayout;
  /** Hash tables: the control-group width. */
  readonly group?: number;
  /** What one element (or entry) owns itself. */
  readonly each: Owned;
}

/** What one value owns on the heap. */
export interface Owned {
  /** Single blocks (Box, Rc, Arc), by size. */
  readonly blocks: readonly number[];
  /** Collections held directly (not inside another collection's elements). */
  readonly collections: readonly { readonly path: string; readonly plan: CollectionPlan }[];
  /** Why the whole figure cannot be given. */
  readonly unknown?: string;
  /**
   * What kind of reason: `heap` (it owns heap memory whose amount is not known: enum variants,
   * recursion, blocks sized at run time), `pointer` (a raw pointer that may own memory), `type`
   * (a type the engine cannot read).
   */
  readonly unknownKind?: 'heap' | 'pointer' | 'type' | 'budget';
  /** Assumptions made on the way (`Option`s counted as `Some`). */
  readonly assumptions: readonly string[];
}

const NOTHING: Owned = { blocks: [], collections: [], assumptions: [] };

const STD_COLLECTIONS: Record<string, { kind: CollectionKind; unit: CollectionPlan['unit'] }> = {
  'vec::Vec': { kind: 'vec', unit: 'elements' },
  'string::String': { kind: 'vec', unit: 'bytes' },
  'ffi::os_str::OsString': { kind: 'vec', unit: 'bytes' },
  'path::PathBuf': { kind: 'vec', unit: 'bytes' },
  'collections::vec_deque::VecDeque': { kind: 'vec', unit: 'elements' },
  'collections::binary_heap::BinaryHeap': { kind: 'vec', unit: 'elements' },
  'collections::hash_map::HashMap': { kind: 'hash', unit: 'entries' },
  'collections::hash_set::HashSet': { kind: 'hash', unit: 'entries' },
  'collections::btree_map::BTreeMap': { kind: 'btree', unit: 'entries' },
  'collections::btree_set::BTreeSet': { kind: 'btree', unit: 'entries' },
  'collections::linked_list::LinkedList': { kind: 'list', unit: 'elements' },
};

/** Std's heap-owning types by their model path, under the names people write. */
const STD_OWNER_NAMES: Record<string, string> = {
  'boxed::Box': 'Box',
  'rc::Rc': 'Rc',
  'sync::Arc': 'Arc',
  'ffi::c_str::CString': 'CString',
  ...Object.fromEntries(Object.keys(STD_COLLECTIONS).map((k) => [k, k.slice(k.lastIndexOf(':') + 1)])),
};

/** The std heap-owning type `ty` is, or an `Option` of (`Option<Box<T>>`), as resolved; undefined for any other type. */
export function stdHeapOwner(ty: Ty): StdHeapOwner | undefined {
  if (ty.k !== 'adt' || !ty.def.m.crate.isStd) return undefined;
  const name = stdName(ty);
  if (name === 'option::Option') {
    const inner = tyArgs(ty)[0];
    const o = inner && inner.k === 'adt' && inner.def.m.crate.isStd ? STD_OWNER_NAMES[stdName(inner)] : undefined;
    return o ? { name: o, inOption: true } : undefined;
  }
  const o = STD_OWNER_NAMES[name];
  return o ? { name: o } : undefined;
}

/**
 * Std types holding a buffer whose size is chosen when the value is made, not by how much it
 * holds: their collection inside does not grow as the models' collections do.
 */
const STD_FIXED_BUFFERS: Record<string, string> = {
  'io::BufReader': 'has a buffer of the capacity it was made with (8 KiB by `BufReader::new`)',
  'io::BufWriter': 'has a buffer of the capacity it was made with (8 KiB by `BufWriter::new`)',
  'io::LineWriter': 'has a buffer of the capacity it was made with (1 KiB by `LineWriter::new`)',
};

/**
 * Std types that own nothing on the heap although a pointer is inside (they borrow or share).
 * `ptr::NonNull` is not one: it is the usual owning pointer of containers (hashbrown's and
 * indexmap's tables, hand-written boxes), so like a raw pointer it makes the figure unknown.
 */
const STD_BORROWING = new Set(['rc::Weak', 'sync::Weak', 'cell::Ref', 'cell::RefMut', 'marker::PhantomData']);

/** A type as people write it: std's default arguments (`Global`, `RandomState`) left out. */
function display(ty: Ty): string {
  // Twice: `HashMap<K, V, RandomState, Global>` loses `Global`, then `RandomState`.
  return tyToString(ty).replace(/, (Global|RandomState)>/g, '>').replace(/, (Global|RandomState)>/g, '>');
}

function stdName(ty: Extract<Ty, { k: 'adt' }>): string {
  return [...ty.def.m.path, ty.def.item.name].join('::');
}

function tyArgs(ty: Extract<Ty, { k: 'adt' }>): Ty[] {
  return ty.args.flatMap((a) => (a.k === 'ty' ? [a.ty] : []));
}

/** Distinct types one walk may visit, and how deep it may go, before it gives up. */
const MAX_TYPES = 4000;
const MAX_DEPTH = 256;

class TooManyTypes extends Error {}
class TooDeep extends Error {}
class OverLocalBudget extends Error {}

/**
 * What a value of a dependency's or std's type owns never changes for a target (their sources
 * do not change): kept per crate scope (shared by every version of the documents), by target and type.
 */
const frozenCache = new WeakMap<object, Map<string, Owned>>();

/** A type made of std's and dependencies' types only (its heap can be kept across versions). */
function frozenOnly(ty: Ty): boolean {
  switch (ty.k) {
    case 'adt':
      return ty.def.m.crate.frozen && ty.args.every((a) => a.k === 'const' || frozenOnly(a.ty));
    case 'ptr':
      return frozenOnly(ty.pointee);
    case 'array':
    case 'slice':
      return frozenOnly(ty.elem);
    case 'tuple':
      return ty.elems.every(frozenOnly);
    case 'param':
    case 'unknown':
    case 'error':
    case 'dyn':
      return false;
    default:
      return true;
  }
}

/** `o` as seen from a value that holds it at `path` (field paths are relative to the value walked). */
function prefixed(o: Owned, path: string): Owned {
  if (!path || !o.collections.length) return o;
  return { ...o, collections: o.collections.map((c) => ({ path: path + c.path, plan: c.plan })) };
}

class Walker {
  private readonly stack: string[] = [];
  private readonly memo = new Map<string, Owned>();
  private visited = 0;
  private local = 0;
  constructor(
    private readonly engine: Engine,
    private readonly maxLocal = Infinity,
  ) {}

  layout(ty: Ty): ElemLayout {
    const l = this.engine.layoutOf(ty);
    return { size: l.size, align: l.align };
  }

  /** What a value of `ty` owns, field paths relative to it, found at `path` of the value walked. */
  owned(ty: Ty, path: string): Owned {
    return prefixed(this.ownedOf(ty), path);
  }

  private ownedOf(ty: Ty): Owned {
    // By identity, not by the written name: `std::fs::File` holds std's internal `File`, and a
    // crate may have a `Vec` of its own beside std's. The engine's keys number items the same way
    // in every analysis, so they also key the cache shared across versions.
    const key = this.engine.key(ty);
    const hit = this.memo.get(key);
    if (hit) return hit;
    if (this.stack.includes(key)) return { ...NOTHING, unknown: `\`${display(ty)}\` contains itself: its heap depends on how deep it is nested`, unknownKind: 'heap' };
    const cacheable = ty.k === 'adt' && frozenOnly(ty);
    const cache = cacheable ? frozenCache.get(ty.def.m.crate) : undefined;
    const cacheKey = `${this.engine.target.triple} ${key}`;
    const cached = cache?.get(cacheKey);
    if (cached) {
      this.memo.set(key, cached);
      return cached;
    }
    if (++this.visited > MAX_TYPES) throw new TooManyTypes();
    if (ty.k === 'adt' && !ty.def.m.crate.frozen && ++this.local > this.maxLocal) throw new OverLocalBudget();
    if (this.stack.length >= MAX_DEPTH) throw new TooDeep();
    this.stack.push(key);
    let o: Owned;
    try {
      o = this.ownedInner(ty, '');
    } finally {
      this.stack.pop();
    }
    this.memo.set(key, o);
    if (cacheable) {
      const crate = (ty as Extract<Ty, { k: 'adt' }>).def.m.crate;
      let m = frozenCache.get(crate);
      if (!m) {
        m = new Map<string, Owned>();
        frozenCache.set(crate, m);
      }
      m.set(cacheKey, o);
    }
    return o;
  }

  private ownedInner(ty: Ty, path: string): Owned {
    switch (ty.k) {
      case 'int':
      case 'float':
      case 'bool':
      case 'char':
      case 'never':
      case 'str':
      case 'fnptr':
        return NOTHING;
      case 'ptr':
        return ty.kind === '&' || ty.kind === '&mut' ? NOTHING : { ...NOTHING, unknown: `a raw pointer (\`${display(ty)}\`) may own heap memory`, unknownKind: 'pointer' };
      case 'array': {
        const each = this.owned(ty.elem, `${path}[_]`);
        const n = Number(ty.len);
        return scale(each, n);
      }
      case 'slice':
      case 'dyn':
        return { ...NOTHING, unknown: `\`${display(ty)}\` is sized at run time`, unknownKind: 'heap' };
      case 'tuple':
        return sum(ty.elems.map((e, i) => this.owned(e, `${path}.${i}`)));
      case 'adt':
        return this.adt(ty, path);
      case 'param':
        return { ...NOTHING, unknown: `generic: depends on \`${ty.name}\``, unknownKind: 'type' };
      case 'unknown':
        return { ...NOTHING, unknown: ty.reason, unknownKind: 'type' };
      case 'error':
        return { ...NOTHING, unknown: ty.message, unknownKind: 'type' };
    }
  }

  private adt(ty: Extract<Ty, { k: 'adt' }>, path: string): Owned {
    if (ty.def.m.crate.isStd) {
      const name = stdName(ty);
      const args = tyArgs(ty);
      const c = STD_COLLECTIONS[name];
      if (c) return { ...NOTHING, collections: [{ path, plan: this.collection(ty, name, c.kind, c.unit, args) }] };
      if (STD_BORROWING.has(name)) return NOTHING;
      const fixed = STD_FIXED_BUFFERS[name];
      if (fixed) return { ...NOTHING, unknown: `\`${display(ty)}\` ${fixed}`, unknownKind: 'heap' };
      if (name === 'ptr::NonNull') return { ...NOTHING, unknown: `a pointer (\`${display(ty)}\`) may own heap memory`, unknownKind: 'pointer' };
      if (name === 'option::Option' && args[0]) {
        const inner = this.owned(args[0], path);
        if (inner === NOTHING || (!inner.blocks.length && !inner.collections.length && !inner.unknown)) return NOTHING;
        return { ...inner, assumptions: [...new Set([...inner.assumptions, 'every `Option` is counted as `Some`'])] };
      }
      if (name === 'boxed::Box' && args[0]) return this.single(args[0], path, (l) => boxCost(l).bytes, 'Box');
      if ((name === 'rc::Rc' || name === 'sync::Arc') && args[0]) return this.single(args[0], path, (l) => rcCost(l, this.engine.target.pointerSize).bytes, name === 'rc::Rc' ? 'Rc' : 'Arc');
    }
    const def = this.fieldsOf(ty);
    // Inside a std type the field names are the model's own, not std's: keep the outer path.
    const std = ty.def.m.crate.isStd;
    const variants = def.variants.map((fields) => sum(fields.map((f) => this.owned(f.ty, std ? path : `${path}.${f.name}`))));
    if (def.kind === 'struct') return variants[0] ?? NOTHING;
    const owning = variants.filter((v) => v.unknown || v.blocks.length || v.collections.length);
    if (!owning.length) return NOTHING;
    const first = owning.find((v) => v.unknown && v.unknownKind !== 'heap');
    if (first && owning.every((v) => v.unknown && v.unknownKind !== 'heap')) return first;
    const which = def.variantNames.filter((_, i) => owning.includes(variants[i]!));
    const names = which.length <= 3 ? which.map((n) => `\`${n}\``).join(', ') : `${which.length} of its ${variants.length}`;
    return { ...NOTHING, unknown: def.kind === 'enum' ? `\`${display(ty)}\` owns heap memory in some variants (${names}): how much depends on which one each value holds` : `a union field of \`${display(ty)}\` owns heap memory`, unknownKind: 'heap' };
  }

  /**
   * The fields of a crate's type as its layout found them (the engine has laid it out already for
   * the report, so nothing is resolved twice); std's, whose model may lay out another type in its
   * place, and types that cannot be laid out, from their definitions.
   */
  private fieldsOf(ty: Extract<Ty, { k: 'adt' }>): ReturnType<Engine['adtFieldTys']> {
    const item = ty.def.item;
    if (!ty.def.m.crate.isStd) {
      try {
        const l = this.engine.adtLayout(ty);
        const kind = item.kind === 'enum' ? 'enum' : item.kind === 'union' ? 'union' : 'struct';
        return { kind, variants: l.fields.map((fs) => fs.map((f) => ({ name: f.def.name, ty: f.ty }))), variantNames: l.variants.map((v) => v.name) };
      } catch (e) {
        if (!(e instanceof Abstain || e instanceof LayoutError)) throw e;
      }
    }
    return this.engine.adtFieldTys(ty);
  }

  /** Box, Rc, Arc: one block (none for a zero-sized Box), then what the value owns. */
  private single(inner: Ty, path: string, blockOf: (l: ElemLayout) => number, what: string): Owned {
    if (what === 'Box' && (inner.k === 'slice' || inner.k === 'str')) {
      // Box<[T]> and Box<str>: a collection of fixed length, one block of exactly that many elements.
      const elem: Ty = inner.k === 'str' ? { k: 'int', size: 1, signed: false, name: 'u8' } : inner.elem;
      const plan: CollectionPlan = { kind: 'slice', name: `Box<${display(inner)}>`, unit: inner.k === 'str' ? 'bytes' : 'elements', slot: this.layout(elem), each: inner.k === 'str' ? NOTHING : this.owned(elem, '') };
      return { ...NOTHING, collections: [{ path, plan }] };
    }
    if (inner.k === 'slice' || inner.k === 'str' || inner.k === 'dyn') return { ...NOTHING, unknown: `a \`${what}<${display(inner)}>\` block is sized by its value at run time`, unknownKind: 'heap' };
    // What the value owns first: a walk over its budget stops there, before laying the value out.
    const own = this.owned(inner, path);
    const l = this.layout(inner);
    const bytes = blockOf(l);
    return { ...own, blocks: bytes ? [bytes, ...own.blocks] : own.blocks };
  }

  private collection(ty: Extract<Ty, { k: 'adt' }>, name: string, kind: CollectionKind, unit: CollectionPlan['unit'], args: Ty[]): CollectionPlan {
    const label = display(ty);
    const t = this.engine.target;
    const u8: Ty = { k: 'int', size: 1, signed: false, name: 'u8' };
    const unit0: Ty = { k: 'tuple', elems: [] };
    if (kind === 'vec') {
      const elem = unit === 'bytes' ? u8 : args[0]!;
      // What each element owns first (a walk over its budget stops before any layout), then the slot.
      const each = unit === 'bytes' ? NOTHING : this.owned(elem, '');
      return { kind, name: label, unit, slot: this.layout(elem), each };
    }
    if (kind === 'hash') {
      const map = name.endsWith('HashMap');
      const entry: Ty = map ? { k: 'tuple', elems: [args[0]!, args[1]!] } : args[0]!;
      const width = groupWidth(t.cfg.target_arch?.[0] ?? '', t.cfg.target_feature ?? [], t.pointerSize, t.cfg.target_endian?.[0] ?? 'little');
      const hasher = args[map ? 2 : 1];
      const owned = this.owned(entry, '');
      // A hasher that owns heap memory (not RandomState, BuildHasherDefault…) is not modelled.
      const extra = hasher ? this.owned(hasher, '') : NOTHING;
      const hasherOwns = !!(extra.unknown || extra.blocks.length || extra.collections.length);
      const each = hasherOwns ? { ...owned, unknown: owned.unknown ?? `the hasher \`${display(hasher!)}\` owns heap memory`, unknownKind: owned.unknownKind ?? 'heap' } : owned;
      return { kind, name: label, unit, slot: this.layout(entry), group: width, each };
    }
    if (kind === 'btree') {
      const map = name.endsWith('BTreeMap');
      const k = args[0]!;
      const v = map ? args[1]! : unit0;
      const leaf = this.engine.stdType(['collections', 'btree_map'], 'LeafNode', [k, v]);
      const internal = this.engine.stdType(['collections', 'btree_map'], 'InternalNode', [k, v]);
      if (!leaf || !internal) throw new Abstain('the B-tree node types are missing from the std model');
      const each = this.owned({ k: 'tuple', elems: [k, v] }, '');
      return { kind, name: label, unit, slot: this.layout({ k: 'tuple', elems: [k, v] }), leaf: this.layout(leaf), internal: this.layout(internal), each };
    }
    const node = this.engine.stdType(['collections', 'linked_list'], 'Node', [args[0]!]);
    if (!node) throw new Abstain('the linked-list node type is missing from the std model');
    const each = this.owned(args[0]!, '');
    return { kind, name: label, unit, slot: this.layout(args[0]!), leaf: this.layout(node), each };
  }
}

function sum(parts: readonly Owned[]): Owned {
  if (!parts.length) return NOTHING;
  if (parts.length === 1) return parts[0]!;
  return {
    blocks: parts.flatMap((p) => p.blocks),
    collections: parts.flatMap((p) => p.collections),
    unknown: parts.find((p) => p.unknown)?.unknown,
    unknownKind: parts.find((p) => p.unknown)?.unknownKind,
    assumptions: [...new Set(parts.flatMap((p) => p.assumptions))],
  };
}

function scale(o: Owned, n: number): Owned {
  if (!o.blocks.length && !o.collections.length) return o;
  const blocks: number[] = [];
  const collections: Owned['collections'][number][] = [];
  for (let i = 0; i < Math.min(n, 64); i++) {
    blocks.push(...o.blocks);
    collections.push(...o.collections);
  }
  return n > 64 ? { ...o, unknown: o.unknown ?? 'an array of more than 64 heap-owning elements', unknownKind: o.unknownKind ?? 'heap' } : { ...o, blocks, collections };
}

/**
 * What a value of `ty` owns on the heap; "unknown" with the reason when it cannot be told.
 * `maxLocalTypes` bounds how many of the crate's own types the walk lays out (a type hover while
 * typing: dependency and std types are kept across versions, the crate's own are not).
 */
export function heapOfTy(engine: Engine, ty: Ty, opts: { readonly maxLocalTypes?: number } = {}): Owned {
  try {
    return new Walker(engine, opts.maxLocalTypes).owned(ty, '');
  } catch (e) {
    if (e instanceof OverLocalBudget) return { ...NOTHING, unknown: `it holds more than ${opts.maxLocalTypes} of the crate's own types`, unknownKind: 'budget' };
    if (e instanceof TooDeep) return { ...NOTHING, unknown: `its types nest more than ${MAX_DEPTH} levels deep, deeper than the heap walk follows`, unknownKind: 'heap' };
    if (e instanceof TooManyTypes) return { ...NOTHING, unknown: `it reaches more than ${MAX_TYPES.toLocaleString('en-US')} types, more than the heap walk follows`, unknownKind: 'heap' };
    if (e instanceof Abstain || e instanceof LayoutError) return { ...NOTHING, unknown: e.message, unknownKind: 'type' };
    throw e;
  }
}

/** A heap figure: exact when every `min` equals its `max`. */
export interface HeapFigure {
  /** Allocator calls (`alloc`/`realloc`) while filling. */
  readonly allocations: Range;
  /** Bytes of the live blocks at the end. */
  readonly bytes: Range;
  /** Live blocks at the end. */
  readonly blocks: Range;
  /** The largest single block. */
  readonly largest: Range;
}

const ZERO: HeapFigure = { allocations: { min: 0, max: 0 }, bytes: { min: 0, max: 0 }, blocks: { min: 0, max: 0 }, largest: { min: 0, max: 0 } };
const r = (n: number): Range => ({ min: n, max: n });
const add = (a: Range, b: Range, k = 1): Range => ({ min: a.min + k * b.min, max: a.max + k * b.max });
const most = (a: Range, b: Range): Range => ({ min: Math.max(a.min, b.min), max: Math.max(a.max, b.max) });

function plus(a: HeapFigure, b: HeapFigure, k = 1): HeapFigure {
  if (k === 0) return a;
  return { allocations: add(a.allocations, b.allocations, k), bytes: add(a.bytes, b.bytes, k), blocks: add(a.blocks, b.blocks, k), largest: most(a.largest, b.largest) };
}

/** The collection's own storage after `n` one-by-one inserts of distinct elements. */
function ownStorage(p: CollectionPlan, n: number): HeapFigure {
  switch (p.kind) {
    case 'vec': {
      const c = vecPushCost(p.slot, n);
      return { allocations: r(c.allocations), bytes: r(c.bytes), blocks: r(c.bytes ? 1 : 0), largest: r(c.largest) };
    }
    case 'hash': {
      const c = hashMapInsertCost(p.slot, n, p.group!);
      return { allocations: r(c.allocations), bytes: r(c.bytes), blocks: r(c.allocations ? 1 : 0), largest: r(c.largest) };
    }
    case 'btree': {
      const c = btreeInsertCost(p.leaf!, p.internal!, n);
      return { allocations: c.allocations, bytes: c.bytes, blocks: c.allocations, largest: c.largest };
    }
    case 'slice': {
      const bytes = n * p.slot.size;
      return { allocations: r(bytes ? 1 : 0), bytes: r(bytes), blocks: r(bytes ? 1 : 0), largest: r(bytes) };
    }
    case 'list': {
      const c = linkedListCost(p.leaf!, n);
      return { allocations: r(c.allocations), bytes: r(c.bytes), blocks: r(n), largest: r(c.largest) };
    }
  }
}

/** What one value owns, its collections filled with `n` entries each and those nested in elements with `inner`. */
function ownedFigure(o: Owned, n: number, inner: number): HeapFigure {
  let f = ZERO;
  for (const b of o.blocks) f = plus(f, { allocations: r(1), bytes: r(b), blocks: r(1), largest: r(b) });
  for (const c of o.collections) f = plus(f, collectionFigure(c.plan, n, inner));
  return f;
}

/** A collection of `n` entries whose elements' own collections hold `inner` entries each. */
function collectionFigure(p: CollectionPlan, n: number, inner: number): HeapFigure {
  return plus(ownStorage(p, n), ownedFigure(p.each, inner, inner), n);
}

/** Why `o` or anything inside its collections' elements has no figure, if so. */
export function unknownIn(o: Owned): { readonly reason: string; readonly kind: NonNullable<Owned['unknownKind']> } | undefined {
  if (o.unknown) return { reason: o.unknown, kind: o.unknownKind ?? 'type' };
  for (const c of o.collections) {
    const u = unknownIn(c.plan.each);
    if (u) return u;
  }
  return undefined;
}

/**
 * The heap of a value that owns `o`: every collection it holds directly filled with `n` entries
 * (one by one, distinct keys), every collection inside their elements with `inner` entries.
 * Undefined when the figure is unknown (`o.unknown` says why).
 */
export function heapFigure(o: Owned, n: number, inner: number): HeapFigure | undefined {
  if (unknownIn(o)) return undefined;
  return ownedFigure(o, n, inner);
}

export interface SeriesPoint {
  readonly n: number;
  readonly bytes: Range;
  readonly allocations: Range;
}

/**
 * Heap bytes and allocator calls against the number of entries, 0 to `maxN`: every growth step
 * of the collections (just before and at it), the counts in `also`, and a log-spaced grid, for a
 * step chart.
 */
export function heapSeries(o: Owned, maxN: number, inner: number, also: readonly number[] = [], gridPoints = 48): SeriesPoint[] | undefined {
  if (unknownIn(o)) return undefined;
  const ns = new Set<number>([0, maxN, ...also]);
  for (let i = 0; i <= gridPoints; i++) ns.add(Math.round(Math.pow(maxN + 1, i / gridPoints)) - 1);
  for (const c of o.collections) {
    const p = c.plan;
    const at: number[] = [];
    if (p.kind === 'vec') {
      let prev = 0;
      for (const cap of vecCapacitySteps(p.slot, maxN)) {
        at.push(prev + 1);
        prev = cap;
      }
    } else if (p.kind === 'hash') {
      let cap = 0;
      for (const b of tableSteps(maxN, p.slot.size, p.group!)) {
        at.push(cap + 1);
        cap = bucketsToCapacity(b);
      }
    }
    for (const a of at) {
      if (a - 1 >= 0) ns.add(a - 1);
      if (a <= maxN) ns.add(a);
    }
  }
  return [...ns]
    .filter((n) => n >= 0 && n <= maxN)
    .sort((a, b) => a - b)
    .map((n) => {
      const f = ownedFigure(o, n, inner);
      return { n, bytes: f.bytes, allocations: f.allocations };
    });
}

/** A collection's figures for a hover or report: its own storage, what its elements add, and when it grows next. */
export interface CollectionBreakdown {
  readonly plan: CollectionPlan;
  readonly entries: number;
  /** The collection's own blocks (buffer, table or nodes). */
  readonly storage: HeapFigure;
  /** What all its elements own besides (zero when they own nothing). */
  readonly elements: HeapFigure;
  readonly total: HeapFigure;
  /** Vec family and hash tables: the entries that fit before the next growth, and that growth. */
  readonly capacity?: number;
  readonly next?: { readonly at: number; readonly bytes: number };
  /** B-trees: how many leaves and internal nodes, at the least and the most. */
  readonly nodes?: { readonly leaves: Range; readonly internals: Range };
  /** Why what the elements own is not known (then `elements` and `total` count the storage only). */
  readonly elementsUnknown?: string;
}

export function collectionBreakdown(plan: CollectionPlan, n: number, inner: number): CollectionBreakdown {
  const storage = ownStorage(plan, n);
  const elementsUnknown = unknownIn(plan.each)?.reason;
  const elements = elementsUnknown ? ZERO : plus(ZERO, ownedFigure(plan.each, inner, inner), n);
  const total = plus(storage, elements);
  const base = { plan, entries: n, storage, elements, total, elementsUnknown };
  if (plan.kind === 'vec') {
    const c = vecPushCost(plan.slot, n);
    return { ...base, capacity: c.capacity, next: plan.slot.size ? c.next : undefined };
  }
  if (plan.kind === 'hash') {
    const c = hashMapInsertCost(plan.slot, n, plan.group!);
    return { ...base, capacity: c.capacity, next: c.next };
  }
  if (plan.kind === 'btree') return { ...base, nodes: btreeInsertCost(plan.leaf!, plan.internal!, n).nodes };
  return base;
}
