/**
 * Cargo's feature unification across a workspace. `cargo build -p b` (or `cargo build` in b's
 * directory) compiles b's dependencies with the features b asks for; `cargo build --workspace`
 * (or `cargo build` at a virtual root without `default-members`) compiles each shared
 * dependency once, with the union of what every member asks for. `serde_json::Value` is 32 B in
 * the first and 72 B in the second when another member enables `serde_json/preserve_order`
 * (rustc 1.95, x86_64). A member's type that holds such a dependency type then has two real
 * layouts: neither is shown as the fact, the type says both and when each applies.
 *
 * Cheap in the common case: a package outside a workspace, or alone in it, costs nothing; in a
 * workspace, one more graph of manifests; the crate is loaded and laid out a second time only
 * when some package it reaches gets other features in the whole-workspace build.
 */
import { CargoGraph, type FeatureDifference, featureDifferences } from '../cargo/graph';
import type { FieldReport, TypeReport } from '../core/reportTypes';
import { Postponed } from '../core/budget';

/** What a whole-workspace build changes for one member: the second graph, and the sentence that says why. */
export interface WorkspaceVariant {
  readonly graph: CargoGraph;
  readonly differences: readonly FeatureDifference[];
  /** `\`a\` enables \`serde_json/preserve_order\`` (or, failing a member to name, the features added). */
  readonly why: string;
  /** How the whole-workspace build is run: `cargo build --workspace`, and at the root when that builds every member. */
  readonly how: string;
  /** How the member is built alone: `cargo build -p NAME`. */
  readonly alone: string;
}

/**
 * The whole-workspace resolution of `alone`'s root package, when it differs from `alone` in the
 * features of some package `alone` reaches; undefined otherwise (not in a workspace, no other
 * member, or the same features everywhere).
 */
export function workspaceVariant(alone: CargoGraph, make: () => CargoGraph): WorkspaceVariant | undefined {
  const members = alone.workspaceMembers();
  if (!members) return undefined;
  let together: CargoGraph;
  try {
    together = make();
  } catch (e) {
    // A turn's budget spent (the editor): built again in the next turn.
    if (e instanceof Postponed) throw e;
    return undefined;
  }
  const differences = featureDifferences(alone, together);
  if (differences.length === 0) return undefined;
  const byMember = new Map<string, string[]>();
  for (const b of differences.flatMap((d) => d.by)) byMember.set(b.member, [...(byMember.get(b.member) ?? []), `\`${b.feature}\``]);
  const why = byMember.size ? [...byMember].map(([m, fs]) => `\`${m}\` enables ${fs.join(', ')}`).join('; ') : `the other members enable ${differences.flatMap((d) => d.added.map((f) => `\`${d.name}/${f}\``)).join(', ')}`;
  const rootIsVirtual = !members.dirs.includes(alone.workspaceRoot);
  // A test, bench or example (dev-dependencies) is built by `cargo test`.
  const verb = alone.dev ? 'test' : 'build';
  const atRoot = rootIsVirtual && !members.defaultMembers ? ` or \`cargo ${verb}\` at the workspace root` : '';
  return { graph: together, differences, why, how: `\`cargo ${verb} --workspace\`${atRoot}`, alone: `\`cargo ${verb} -p ${alone.root.name}\`` };
}

/** What decides a layout (the parts of a report a difference in them makes another layout). */
function layoutKey(t: TypeReport): string {
  const fields = (fs: readonly FieldReport[] | undefined) => fs?.map((f) => [f.name, f.offset, f.size, f.align]);
  return JSON.stringify([
    t.size,
    t.align,
    t.unknown ?? null,
    t.error ?? null,
    fields(t.fields),
    t.tag ?? null,
    t.variants?.map((v) => [v.name, v.size, fields(v.fields), v.absent ?? false]) ?? null,
    t.niche ?? null,
    t.uninhabited ?? false,
  ]);
}

function described(t: TypeReport): string {
  if (t.error) return `rejected (${t.error})`;
  if (t.size === null) return `unknown (${t.unknown ?? 'no layout'})`;
  return `${t.size} B`;
}

/**
 * The member's reports as built alone, with each type whose layout the whole-workspace build
 * changes made unknown, its reason naming both layouts and when each applies. Types equal in
 * both keep their numbers; a generic type's instances that differ are left out.
 */
export function mergeWorkspaceReports(alone: readonly TypeReport[], together: readonly TypeReport[], v: WorkspaceVariant): TypeReport[] {
  const twin = sameTypeIn(together);
  return alone.map((t) => mergeWorkspaceReport(t, twin(t), v));
}

/**
 * Finds a report's counterpart among another build's reports of the same text: same file, line
 * and name (stateless: the editor asks for reports lazily, in any order). Types sharing all three
 * (a macro invoked once that makes two `_::Projection`s) cannot be told apart: when their
 * layouts in the other build differ, the counterpart is an unknown saying so, never one twin's.
 */
export function sameTypeIn(reports: readonly TypeReport[]): (t: TypeReport) => TypeReport | undefined {
  const key = (r: TypeReport) => `${r.file}\u0000${r.line}\u0000${r.name}`;
  const byKey = new Map<string, TypeReport[]>();
  for (const r of reports) {
    const list = byKey.get(key(r));
    if (list) list.push(r);
    else byKey.set(key(r), [r]);
  }
  return (t) => {
    const list = byKey.get(key(t));
    if (!list) return undefined;
    const first = list[0]!;
    const k = layoutKey(first);
    if (list.every((r) => layoutKey(r) === k)) return first;
    const { fields: _f, variants: _v, tag: _t, niche: _n, padding: _p, align: _a, uninhabited: _u, error: _e, ...rest } = first;
    return { ...rest, size: null, unknown: `${list.length} types of this name are made at this line, with different layouts` };
  };
}

/** One report of `mergeWorkspaceReports`: `w` is the same type's in the whole-workspace build (undefined: not there, kept). */
export function mergeWorkspaceReport(t: TypeReport, w: TypeReport | undefined, v: WorkspaceVariant): TypeReport {
  if (!w) return t;
  let out: TypeReport = t;
  if (t.instances) {
    const theirs = new Map((w.instances ?? []).map((i) => [i.type, i] as const));
    const kept = t.instances.filter((i) => theirs.get(i.type)?.size === i.size && theirs.get(i.type)?.align === i.align);
    if (kept.length !== t.instances.length) {
      const { instances: _i, ...rest } = t;
      out = kept.length ? { ...rest, instances: kept } : rest;
    }
  }
  if (layoutKey(t) === layoutKey(w)) return out;
  let a = described(t);
  let b = described(w);
  if (a === b) {
    a += ' with one field order and niche';
    b += ' with another';
  }
  const unknown = `depends on which workspace members are built together: ${a} built alone (${v.alone}), ${b} in a whole-workspace build (${v.how}), where ${v.why}`;
  const { fields: _f, variants: _v, tag: _t, niche: _n, padding: _p, align: _a, uninhabited: _u, error: _e, instances, ...rest } = out;
  return { ...rest, size: null, unknown, ...(instances ? { instances } : {}) };
}
