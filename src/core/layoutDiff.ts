/**
 * What changed in a crate's layouts between two versions of its source (a git revision and the
 * working tree, or two revisions): the types whose size, alignment, padding, field offsets or
 * tag changed, the new ones, the removed ones and the renamed ones (a removed type and a new type
 * of the same kind with the same fields and the same layout). Types unknown on both sides are not
 * compared: nothing can be said about them. Pure: the CLI (`--diff`) and the editor share it.
 */
import type { FieldReport, TypeReport } from './reportTypes';

export interface LayoutFacts {
  readonly size: number | null;
  readonly align?: number;
  readonly padding?: number;
  /** Why the size is not known (size is then null), or rustc's error. */
  readonly unknown?: string;
  readonly tag?: { readonly size: number; readonly offset: number; readonly encoding: string };
  readonly fields?: readonly { readonly name: string; readonly offset: number | null; readonly size: number | null }[];
  /** Enum variants: each one's fields as `name:size@offset`. */
  readonly variants?: readonly { readonly name: string; readonly fields: string }[];
}

export interface TypeChange {
  /** The type's path from the crate root, as it is now (its old name for a removed type). */
  readonly name: string;
  readonly kind: TypeReport['kind'];
  readonly status: 'changed' | 'new' | 'removed' | 'renamed';
  readonly before?: LayoutFacts;
  readonly after?: LayoutFacts;
  /** For a renamed type: its name in the base. */
  readonly renamedFrom?: string;
  /** after.size − before.size, when both are known. */
  readonly sizeDelta?: number;
  readonly paddingDelta?: number;
  /** What moved or grew: `field `b`: offset 8 → 16`, `tag 1 B → 2 B`, `now unknown: …`. */
  readonly notes: readonly string[];
  /** Where the type is now (or was, when removed). */
  readonly file: string;
  readonly line: number;
}

function facts(t: TypeReport): LayoutFacts {
  return {
    size: t.size,
    ...(t.align !== undefined ? { align: t.align } : {}),
    ...(t.padding !== undefined ? { padding: t.padding } : {}),
    ...(t.unknown || t.error ? { unknown: t.error ?? t.unknown } : {}),
    ...(t.tag ? { tag: t.tag } : {}),
    ...(t.fields ? { fields: t.fields.map((f: FieldReport) => ({ name: f.name, offset: f.offset ?? null, size: f.size ?? null })) } : {}),
    ...(t.variants ? { variants: t.variants.map((v) => ({ name: v.name, fields: v.fields.map((f) => `${f.name}:${f.size}@${f.offset}`).join(',') })) } : {}),
  };
}

/** The differences between two layouts of one type, as notes; empty when they are the same. */
function compareFacts(a: LayoutFacts, b: LayoutFacts): string[] {
  const notes: string[] = [];
  if (a.size === null && b.size !== null) notes.push(`now known (was: ${a.unknown ?? 'unknown'})`);
  if (a.size !== null && b.size === null) notes.push(`now unknown: ${b.unknown ?? 'unknown'}`);
  if (a.size === null || b.size === null) return notes;
  if (a.size !== b.size) notes.push(`size ${a.size} B → ${b.size} B`);
  if (a.align !== b.align) notes.push(`align ${a.align ?? '?'} → ${b.align ?? '?'}`);
  if ((a.padding ?? 0) !== (b.padding ?? 0)) notes.push(`padding ${a.padding ?? 0} B → ${b.padding ?? 0} B`);
  const tagText = (t: LayoutFacts['tag']): string => (t ? `${t.encoding === 'niche' ? 'niche' : 'tag'} ${t.size} B @${t.offset}` : 'no tag');
  if (tagText(a.tag) !== tagText(b.tag)) notes.push(`${tagText(a.tag)} → ${tagText(b.tag)}`);
  const before = new Map((a.fields ?? []).map((f) => [f.name, f]));
  const after = new Map((b.fields ?? []).map((f) => [f.name, f]));
  for (const [name, f] of after) {
    const o = before.get(name);
    if (!o) notes.push(`field \`${name}\` added (${f.size ?? '?'} B @${f.offset ?? '?'})`);
    else {
      if (o.size !== f.size) notes.push(`field \`${name}\`: ${o.size ?? '?'} B → ${f.size ?? '?'} B`);
      if (o.offset !== f.offset) notes.push(`field \`${name}\`: offset ${o.offset ?? '?'} → ${f.offset ?? '?'}`);
    }
  }
  for (const name of before.keys()) if (!after.has(name)) notes.push(`field \`${name}\` removed`);
  const va = new Map((a.variants ?? []).map((v) => [v.name, v.fields]));
  const vb = new Map((b.variants ?? []).map((v) => [v.name, v.fields]));
  for (const [name, fs] of vb) {
    if (!va.has(name)) notes.push(`variant \`${name}\` added`);
    else if (va.get(name) !== fs) notes.push(`variant \`${name}\`: fields moved or resized`);
  }
  for (const name of va.keys()) if (!vb.has(name)) notes.push(`variant \`${name}\` removed`);
  return notes;
}

/** Same kind, same field names, sizes and offsets, same size and alignment: the same type under another name. */
function sameShape(a: TypeReport, b: TypeReport): boolean {
  if (a.kind !== b.kind || a.size === null || a.size !== b.size || a.align !== b.align) return false;
  const fa = (a.fields ?? []).map((f) => `${f.name}:${f.size}@${f.offset}`).join(',');
  const fb = (b.fields ?? []).map((f) => `${f.name}:${f.size}@${f.offset}`).join(',');
  const va = (a.variants ?? []).map((v) => v.name).join(',');
  const vb = (b.variants ?? []).map((v) => v.name).join(',');
  return fa === fb && va === vb;
}

/** The layout changes from `base` to `head` (reports of the same crate), by name; sorted by name. */
export function diffLayouts(base: readonly TypeReport[], head: readonly TypeReport[]): TypeChange[] {
  const byName = (ts: readonly TypeReport[]): Map<string, TypeReport> => {
    const m = new Map<string, TypeReport>();
    // cfg'd alternatives of one name: the first laid out stands for the name.
    for (const t of ts) if (!m.has(t.name) || (m.get(t.name)!.size === null && t.size !== null)) m.set(t.name, t);
    return m;
  };
  const a = byName(base);
  const b = byName(head);
  const out: TypeChange[] = [];
  const added: TypeReport[] = [];
  for (const [name, t] of b) {
    const o = a.get(name);
    if (!o) {
      added.push(t);
      continue;
    }
    const before = facts(o);
    const after = facts(t);
    const notes = compareFacts(before, after);
    if (!notes.length) continue;
    out.push({
      name,
      kind: t.kind,
      status: 'changed',
      before,
      after,
      notes,
      file: t.file,
      line: t.line,
      ...(before.size !== null && after.size !== null ? { sizeDelta: after.size - before.size, paddingDelta: (after.padding ?? 0) - (before.padding ?? 0) } : {}),
    });
  }
  const removed = [...a.values()].filter((t) => !b.has(t.name));
  for (const t of added) {
    // A rename: exactly one removed type has this one's shape, and no other new type has it.
    const was = removed.filter((r) => sameShape(r, t));
    if (was.length === 1 && added.filter((x) => sameShape(was[0]!, x)).length === 1) {
      const r = was[0]!;
      removed.splice(removed.indexOf(r), 1);
      out.push({ name: t.name, kind: t.kind, status: 'renamed', renamedFrom: r.name, before: facts(r), after: facts(t), sizeDelta: 0, paddingDelta: 0, notes: [`renamed from \`${r.name}\``], file: t.file, line: t.line });
      continue;
    }
    out.push({ name: t.name, kind: t.kind, status: 'new', after: facts(t), notes: ['new'], file: t.file, line: t.line });
  }
  for (const r of removed) out.push({ name: r.name, kind: r.kind, status: 'removed', before: facts(r), notes: ['removed'], file: r.file, line: r.line });
  return out.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

const sizeText = (f: LayoutFacts | undefined): string => (!f ? '—' : f.size === null ? 'unknown' : `${f.size} B`);
const signed = (n: number): string => (n > 0 ? `+${n}` : `${n}`);

/** One line for a CodeLens or a table cell: `24 B → 32 B (+8) · padding +7`, `new`, `renamed from X`. */
export function changeSummary(c: TypeChange): string {
  if (c.status === 'new') return `new · ${sizeText(c.after)}`;
  if (c.status === 'removed') return `removed (was ${sizeText(c.before)})`;
  if (c.status === 'renamed') return `renamed from ${c.renamedFrom} · ${sizeText(c.after)}`;
  if (c.sizeDelta === undefined) return `${sizeText(c.before)} → ${sizeText(c.after)}`;
  const parts = [`${sizeText(c.before)} → ${sizeText(c.after)}${c.sizeDelta ? ` (${signed(c.sizeDelta)})` : ''}`];
  if (c.paddingDelta) parts.push(`padding ${signed(c.paddingDelta)}`);
  if (!c.sizeDelta && !c.paddingDelta) parts.push(c.notes[0] ?? 'layout changed');
  return parts.join(' · ');
}

/** The changes as a Markdown table, ready for a pull request comment. */
export function changesMarkdown(changes: readonly TypeChange[], base: string, head: string, target: string): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  if (!changes.length) return `No layout changes between \`${esc(base)}\` and ${esc(head)} (${target}).\n`;
  const rows = changes.map((c) => `| \`${esc(c.name)}\` | ${sizeText(c.before)} | ${sizeText(c.after)} | ${c.sizeDelta !== undefined && c.status === 'changed' ? signed(c.sizeDelta) : ''} | ${esc(c.notes.join('; '))} |`);
  return [`Layout changes between \`${esc(base)}\` and ${esc(head)} (${target}):`, '', '| type | before | after | Δ size | what changed |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}
