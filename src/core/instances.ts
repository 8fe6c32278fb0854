/**
 * A generic type has no layout of its own; the instances of it that a crate's concrete types hold
 * do. Starting from the non-generic types (the roots), every type inside them is visited (fields,
 * tuple and array elements, and what a pointer points to: a `Box<W<u8>>`'s, a `Vec<W<u8>>`'s
 * elements, a std type's type arguments), and each sized instance of one of the asked generic items is kept with its size and
 * alignment and the first root holding it. Pure over the engine: its layout cache makes the walk
 * cheap once the roots are laid out.
 */
import type { Engine, Ty } from './engine';
import { tyToString } from './engine';
import type { TypeItem } from './model';
import type { ModuleScope, WrittenType } from './resolve';
import { isGenericItem, isKnown } from './report';
import type { InstanceReport, TypeReport } from './reportTypes';

export interface InstanceRoot {
  readonly item: TypeItem;
  readonly m: ModuleScope;
  /** The name the root is reported by (`ast::Span`). */
  readonly name: string;
}

/** At most this many instances are kept per generic item (the first ones met). */
export const MAX_INSTANCES = 12;
/** At most this many types are visited in one walk (a huge crate's types share most of theirs). */
const MAX_VISITS = 200_000;

/**
 * The instances of `wanted`'s items that `roots` hold in place, by item, in the order met (roots
 * in the order given, then depth first), and then those the types written in `written` (aliases,
 * constants, statics) are or hold. Roots that are generic, or whose layout is not known, add
 * nothing; an instance whose layout is not known is left out.
 */
export function instancesIn(engine: Engine, roots: Iterable<InstanceRoot>, wanted: ReadonlySet<TypeItem>, written: Iterable<WrittenType> = []): Map<TypeItem, InstanceReport[]> {
  const walk = new InstanceWalk(engine, wanted);
  if (wanted.size === 0) return walk.found;
  for (const root of roots) walk.root(root);
  for (const w of written) walk.written(w);
  return walk.found;
}

/**
 * One walk of `instancesIn`, a root at a time, so that a caller can spread a crate's roots over
 * several turns of the event loop (the hover's crate-wide list). `found` grows as roots are added.
 */
export class InstanceWalk {
  readonly found = new Map<TypeItem, InstanceReport[]>();
  private readonly seen = new Set<string>();
  private visits = 0;

  constructor(
    private readonly engine: Engine,
    private readonly wanted: ReadonlySet<TypeItem>,
  ) {}

  /** A concrete type item (a generic one adds nothing). */
  root({ item, m, name }: InstanceRoot): void {
    if (item.generics.params.some((p) => p.kind !== 'lifetime')) return;
    this.visit({ k: 'adt', def: { item, m }, args: [] }, name);
  }

  /** The type a type alias, a constant or a static names. */
  written({ ty, m, name }: WrittenType): void {
    let t: Ty;
    try {
      t = this.engine.tyOf(ty, { m, generics: new Map() });
    } catch {
      return; // a type not known or refused holds nothing to list
    }
    this.visit(t, name);
  }

  private visit(ty: Ty, root: string): void {
    if (++this.visits > MAX_VISITS) return;
    switch (ty.k) {
      case 'tuple':
        for (const e of ty.elems) this.visit(e, root);
        return;
      case 'array':
      case 'slice':
        this.visit(ty.elem, root);
        return;
      case 'ptr':
        // A `Box<W<u8>>`'s, a `Vec<W<u8>>`'s elements (through std's own pointers).
        this.visit(ty.pointee, root);
        return;
      case 'adt':
        break;
      default:
        return;
    }
    const key = this.engine.key(ty);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    let r;
    try {
      r = this.engine.adtLayout(ty);
    } catch {
      return; // not known (or refused): neither it nor what it holds is shown
    }
    const item = ty.def.item;
    if (this.wanted.has(item) && r.layout.sized) {
      let list = this.found.get(item);
      if (!list) this.found.set(item, (list = []));
      if (list.length < MAX_INSTANCES) list.push({ type: tyToString(ty, 120), size: r.layout.size, align: r.layout.align, in: root });
    }
    for (const variant of r.fields) for (const f of variant) this.visit(f.ty, root);
    // A std collection's elements (`Vec<W<u8>>` holds its `T` behind a type-erased pointer).
    if (ty.def.m.crate.isStd) for (const a of ty.args) if (a.k === 'ty') this.visit(a.ty, root);
  }
}

/** The generic items among `items` (type or const parameters without defaults): the ones whose instances are worth listing. */
export function genericItems(items: Iterable<TypeItem>): Set<TypeItem> {
  const out = new Set<TypeItem>();
  for (const it of items) if (isGenericItem(it)) out.add(it);
  return out;
}

/**
 * `reports` (one per entry, in the same order) with each generic type's instances added: those
 * the entries whose reports are known hold. The same array when there is no generic type.
 */
export function withInstances(engine: Engine, entries: readonly InstanceRoot[], reports: readonly TypeReport[], written: () => Iterable<WrittenType> = () => []): TypeReport[] {
  const wanted = genericItems(entries.map((e) => e.item));
  if (wanted.size === 0) return reports as TypeReport[];
  const known = entries.filter((_, i) => isKnown(reports[i]!));
  const found = instancesIn(engine, known, wanted, written());
  if (found.size === 0) return reports as TypeReport[];
  return reports.map((r, i) => {
    const list = found.get(entries[i]!.item);
    return list ? { ...r, instances: list } : r;
  });
}
