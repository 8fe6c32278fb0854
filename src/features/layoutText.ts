/**
 * Pure text for the editor surfaces (hover markdown), built from engine reports. No `vscode`
 * import, so test/unit/layoutText.test.ts checks it in plain Node.
 *
 * The rule: a number is shown only when the report gives it. A type whose size is null, or
 * that carries `unknown` or `error`, shows the reason and no numbers.
 */
import { MAX_INSTANCES } from '../core/instances';
import type { FieldReport, InstanceReport, StdHeapOwner, TypeReport } from '../core/reportTypes';
import { straddles } from '../core/cacheLines';
import { isKnown, shownPath } from '../core/report';

/** `reportFile` may be absolute, relative to the crate root, or empty (a single-file report). */
export function sameFile(reportFile: string | undefined, docPath: string): boolean {
  if (!reportFile) return true;
  const a = reportFile.replace(/\\/g, '/').replace(/^\.\//, '');
  const b = docPath.replace(/\\/g, '/');
  return a === b || b.endsWith('/' + a);
}

/** Escapes markdown syntax (and HTML) in plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}

/** Plain text in which `backticked` parts become code spans and everything else is escaped. */
export function inlineCodeText(text: string): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(text); // unbalanced: treat all as text
  return parts.map((p, i) => (i % 2 === 1 ? codeSpan(p) : escapeMarkdown(p))).join('');
}

function codeSpan(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

function spareValues(count: string): string {
  return count === '1' ? 'spare value' : 'spare values';
}

function bytes(n: number): string {
  return n === 1 ? '1 byte' : `${n} bytes`;
}

export { isKnown } from '../core/report';

/** `7 B padding (29%)`, or `no padding`. */
export function paddingText(padding: number, size: number): string {
  if (padding <= 0) return 'no padding';
  return size > 0 ? `${padding} B padding (${Math.round((padding * 100) / size)}%)` : `${padding} B padding`;
}

/** `size 24 · align 8 · 7 B padding (29%)` (plain text, no markdown). */
export function sizeLine(t: TypeReport & { size: number }): string {
  const parts = [`size ${t.size}`];
  if (t.align !== undefined) parts.push(`align ${t.align}`);
  if (t.padding !== undefined) parts.push(paddingText(t.padding, t.size));
  return parts.join(' · ');
}

/** The first line of the hover: `**Point** — size 16 · align 8 · no padding`. */
export function typeSummary(t: TypeReport): string {
  const name = `**${escapeMarkdown(shownPath(t.name))}**`;
  if (t.error !== undefined) return `${name} — error: ${inlineCodeText(shownPath(t.error))}`;
  if (!isKnown(t)) return `${name} — unknown: ${inlineCodeText(shownPath(t.unknown ?? 'the layout could not be computed'))}`;
  return `${name} — ${sizeLine(t)}`;
}

/**
 * The CodeLens title of a generic type the file's types hold: `generic · W<u32> 8 B · W<u64> 16 B`
 * (at most two, then how many more). Undefined when none is held: the report's own title stands.
 */
export function instancesLensTitle(t: TypeReport, instances: readonly InstanceReport[] | undefined): string | undefined {
  if (!instances || instances.length === 0 || t.error !== undefined) return undefined;
  const shown = instances.slice(0, 2).map((i) => `${short(i.type, 40)} ${i.size} B`);
  return `generic · ${shown.join(' · ')}${instances.length > 2 ? ` · +${instances.length - 2} more` : ''}`;
}

/** The hover's list of a generic type's instances that the file or the whole crate holds (see instancesLensTitle), or undefined. */
export function instancesMarkdown(instances: readonly InstanceReport[] | undefined, where: 'file' | 'crate' = 'file'): string | undefined {
  if (!instances || instances.length === 0) return undefined;
  const rows = instances.map((i) => `- ${codeSpan(i.type)} — size ${i.size} · align ${i.align} (in ${codeSpan(shownPath(i.in))})`);
  const more = instances.length >= MAX_INSTANCES ? ` (the first ${MAX_INSTANCES} found)` : '';
  return `Instances in this ${where}${more}:\n${rows.join('\n')}`;
}

function short(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** The CodeLens title: `24 B · align 8 · 7 B padding`, `size unknown: reason`, `error E0072`. */
export function lensTitle(t: TypeReport): string {
  if (t.error !== undefined) {
    const code = /^(E\d{4})/.exec(t.error)?.[1];
    // A lint rustc denies by default (`overflowing_literals: literal …`): its name is the title.
    const lint = /^([a-z][a-z0-9_]*):\s/.exec(t.error)?.[1];
    return code ? `error ${code}` : lint ? `error: ${lint} (a lint denied by default)` : `error: ${firstLine(t.error)}`;
  }
  if (!isKnown(t)) return `size unknown: ${firstLine(t.unknown ?? 'the layout could not be computed').replace(/`/g, '')}`;
  const parts = [`${t.size} B`];
  if (t.align !== undefined) parts.push(`align ${t.align}`);
  if (t.padding !== undefined) parts.push(t.padding > 0 ? `${t.padding} B padding` : 'no padding');
  return parts.join(' · ');
}

function firstLine(s: string): string {
  const l = s.split('\n', 1)[0] ?? s;
  return l.length > 80 ? l.slice(0, 79) + '…' : l;
}

/** Heap-owning std types: what the bytes in place are, and where the rest lives. */
const HEAP: Record<string, { inPlace: string; section: string }> = {
  Box: { inPlace: 'a pointer', section: 'box#heap' },
  Vec: { inPlace: 'pointer, capacity and length', section: 'vec#triplet' },
  String: { inPlace: 'pointer, capacity and length', section: 'vec#triplet' },
  OsString: { inPlace: 'pointer, capacity and length', section: 'vec#triplet' },
  PathBuf: { inPlace: 'pointer, capacity and length', section: 'vec#triplet' },
  CString: { inPlace: 'a boxed slice', section: 'box#heap' },
  VecDeque: { inPlace: 'buffer pointer, capacity, head and length', section: 'vec#triplet' },
  BinaryHeap: { inPlace: 'a Vec', section: 'vec#triplet' },
  Rc: { inPlace: 'a pointer to the counts and the value', section: 'box#heap' },
  Arc: { inPlace: 'a pointer to the atomic counts and the value', section: 'box#heap' },
  HashMap: { inPlace: 'the table header and the hasher', section: 'box#heap' },
  HashSet: { inPlace: 'the table header and the hasher', section: 'box#heap' },
  BTreeMap: { inPlace: 'a root pointer, height and length', section: 'box#heap' },
  BTreeSet: { inPlace: 'a root pointer, height and length', section: 'box#heap' },
  LinkedList: { inPlace: 'head and tail pointers and a length', section: 'box#heap' },
};

/**
 * What the note says of a std heap-owning type (or an `Option` of one), as the engine resolved
 * the type: a crate's own `Vec` or `Box`, or an alias named so, is not std's.
 */
export function heapKind(owner: StdHeapOwner | undefined): { name: string; inPlace: string; section: string; optional: boolean } | undefined {
  if (!owner || !Object.prototype.hasOwnProperty.call(HEAP, owner.name)) return undefined;
  return { name: owner.name, optional: owner.inOption === true, ...HEAP[owner.name]! };
}

/** `8 B here (a pointer); the buffer is on the heap.` for a heap-owning field type. */
export function heapNote(owner: StdHeapOwner | undefined, size: number | undefined): string | undefined {
  const h = heapKind(owner);
  if (!h) return undefined;
  const here = size !== undefined ? `${size} B here (${h.inPlace})` : `here: ${h.inPlace}`;
  const what = h.name === 'Box' || h.name === 'Rc' || h.name === 'Arc' ? 'the value' : 'the buffer';
  const none = h.optional && (h.name === 'Box' || h.name === 'Rc' || h.name === 'Arc') ? ' `None` is the null pointer, so the `Option` costs nothing.' : '';
  return `${here}; ${what} is on the heap.${none}`;
}

/** The guide section that explains what a type's hover shows. */
export function guideSectionFor(t: TypeReport): { chapter: string; section: string } {
  const repr = t.repr ?? '';
  let id = 'layout#alignment';
  if (t.kind === 'union') id = 'layout#unions';
  else if (/packed/.test(repr)) id = 'layout#packed';
  else if (isKnown(t) && t.size === 0) id = 'layout#zst';
  else if (t.kind === 'enum') id = t.tag?.encoding === 'niche' || (!t.tag && t.niche) ? 'stack-heap#niches' : 'stack-heap#enums';
  else if (/\bC\b/.test(repr)) id = 'layout#repr-c';
  else if (t.fields?.some((f) => heapKind(f.stdOwner))) id = heapKind(t.fields.find((f) => heapKind(f.stdOwner))!.stdOwner)!.section;
  else if (t.fields && t.fields.some((f, i) => i > 0 && f.offset < t.fields![i - 1]!.offset)) id = 'layout#reordering';
  else if ((t.padding ?? 0) > 0) id = 'layout#padding';
  const [chapter, section] = id.split('#') as [string, string];
  return { chapter, section };
}

/** A command URI that opens the guide at a section (the hover trusts only this command). */
export function guideLink(chapter: string, section: string, label = 'Learn more'): string {
  const args = encodeURIComponent(JSON.stringify({ chapter, section }));
  return `[${escapeMarkdown(label)}](command:rustLayout.openGuide?${args} "Open the Rust Layout guide")`;
}

/**
 * The hover markdown for a type: summary, memory-order field table, tag, per-variant sizes
 * (saying whether the tag is included), niche, heap notes, target and the guide link.
 */
export function typeHoverMarkdown(t: TypeReport, target: string): string {
  const out = [typeSummary(t)];
  if (isKnown(t)) {
    if (t.uninhabited) out.push('Uninhabited: no value of this type can exist.');
    if (t.kind !== 'enum' && t.fields && t.fields.length > 0) out.push(fieldTable(t.fields, t.size));
    if (t.tag) {
      out.push(
        t.tag.encoding === 'niche'
          ? `Discriminant stored in a niche: ${bytes(t.tag.size)} at offset ${t.tag.offset}, no separate tag.`
          : `Tag: ${bytes(t.tag.size)} at offset ${t.tag.offset}.`,
      );
    }
    if (t.variants && t.variants.length > 0) {
      // A variant's size runs from offset 0 to the end of its last field: with a direct tag
      // that includes the tag; with a niche (or no tag) it is only the fields' bytes.
      const what = t.tag?.encoding === 'direct' ? 'bytes used, tag included' : 'bytes used by the fields';
      const rows = t.variants.map((v) => `${v.name} ${v.absent ? 'absent' : v.size}`);
      out.push(`Variants (${what}): ` + rows.map(escapeMarkdown).join(' · '));
    }
    if (t.niche) {
      out.push(`Niche: ${escapeMarkdown(t.niche.count)} ${spareValues(t.niche.count)} in ${bytes(t.niche.size)} at offset ${t.niche.offset}.`);
    }
    const fields = t.fields ?? t.variants?.flatMap((v) => v.fields) ?? [];
    const notes = fields
      .map((f) => ({ f, note: heapNote(f.stdOwner, f.size) }))
      .filter((x) => x.note !== undefined)
      .map((x) => `- ${codeSpan(`${x.f.name}: ${x.f.type}`)}: ${inlineCodeText(x.note!)}`);
    if (notes.length) out.push(notes.join('\n'));
  }
  const g = guideSectionFor(t);
  out.push(`*${escapeMarkdown(target)}* · ${guideLink(g.chapter, g.section)}`);
  return out.join('\n\n');
}

/** Fields in memory order with the padding between them, as a fenced block. */
export function fieldTable(fields: readonly FieldReport[], typeSize: number): string {
  const sorted = [...fields].sort((a, b) => a.offset - b.offset || a.size - b.size);
  const rows: [string, string, string][] = [['offset', 'size', 'field']];
  let end = 0;
  for (const f of sorted) {
    if (f.offset > end) rows.push([String(end), String(f.offset - end), '(padding)']);
    rows.push([String(f.offset), String(f.size), `${f.name}: ${f.type}`]);
    end = Math.max(end, f.offset + f.size);
  }
  if (typeSize > end) rows.push([String(end), String(typeSize - end), '(padding)']);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map((r) => `${r[0].padStart(w0)}  ${r[1].padStart(w1)}  ${r[2]}`);
  const fence = lines.some((l) => l.includes('```')) ? '~~~~' : '```';
  return `${fence}text\n${lines.join('\n')}\n${fence}`;
}

/** The inlay hint after a field: `@0 · 8 B`, with ` · +7 pad` when padding follows it. */
export function inlayHintLabel(f: FieldReport): string {
  return `@${f.offset} · ${f.size} B` + (f.paddingAfter > 0 ? ` · +${f.paddingAfter} pad` : '');
}

/**
 * `align 4`, or in a packed type whose pack is below the field type's alignment, the alignment the
 * field is placed at with its type's beside it (`align 1 here (packed; its type's is 4)`).
 */
export function fieldAlignText(owner: TypeReport, f: FieldReport): string {
  const pack = /\bpacked(?:\((\d+)\))?/.exec(owner.repr ?? '');
  const packed = pack ? Number(pack[1] ?? 1) : undefined;
  return packed !== undefined && packed < f.align ? `align ${packed} here (packed; its type's is ${f.align})` : `align ${f.align}`;
}

/** Hover for a field name: `**x**: f64 — offset 0 · size 8 · align 8`; `from` names a dependency crate (`bytes 1.2.1`). */
export function fieldHoverMarkdown(owner: TypeReport, f: FieldReport, target: string, from?: string): string {
  const head = `**${escapeMarkdown(f.name)}**: ${codeSpan(f.type)}${from ? ` (from ${inlineCodeText(from)})` : ''}`;
  if (!isKnown(owner)) return `${head} — in ${typeSummary(owner)}\n\n*${escapeMarkdown(target)}*`;
  const parts = [`offset ${f.offset}`, `size ${f.size}`, fieldAlignText(owner, f)];
  parts.push(f.paddingAfter > 0 ? `then ${bytes(f.paddingAfter)} of padding` : 'no padding after');
  const out = [`${head} — ${parts.join(' · ')}`];
  const note = heapNote(f.stdOwner, f.size);
  if (note) out.push(inlineCodeText(note));
  const line = straddles(f.offset, f.size);
  if (line !== undefined) out.push(`Straddles the cache-line boundary at byte ${line}: when the value starts on a 64-byte line, reading this field touches two lines.`);
  out.push(`*${escapeMarkdown(target)}*`);
  return out.join('\n\n');
}

/** What describeTy says about a type written in a field; `from` names the dependency crate it comes from. */
export type TyDescription = ({ size: number; align: number; niche?: string; uninhabited: boolean; stdOwner?: StdHeapOwner } | { unknown: string } | { error: string }) & { from?: string };

/**
 * Hover for a type written in a field, an alias, a constant or a static (`Vec<u64>` in `v: Vec<u64>`):
 * its layout and heap behaviour. `boxNote` is text (its backticks are code); `heapMarkdown` is markdown;
 * `title` is what the heading shows (`type Small = W<u8>` on an alias's name).
 */
export function typeExprHoverMarkdown(typeText: string, d: TyDescription, target: string, boxNote?: string, heapMarkdown?: string, title = typeText): string {
  const head = codeSpan(title.replace(/\s+/g, ' ')) + (d.from ? ` (from ${inlineCodeText(d.from)})` : '');
  const out: string[] = [];
  if ('error' in d) out.push(`${head} — error: ${inlineCodeText(d.error)}`);
  else if ('unknown' in d) out.push(`${head} — unknown: ${inlineCodeText(d.unknown)}`);
  else {
    const parts = [`size ${d.size}`, `align ${d.align}`];
    if (d.niche !== undefined && d.niche !== '0') parts.push(`niche: ${d.niche} ${spareValues(d.niche)}`);
    if (d.uninhabited) parts.push('uninhabited');
    out.push(`${head} — ${parts.join(' · ')}`);
  }
  const owner = 'stdOwner' in d ? d.stdOwner : undefined;
  const h = heapKind(owner);
  const note = heapNote(owner, 'size' in d ? d.size : undefined);
  // A box of a zero-sized type puts nothing on the heap: its own note says so instead.
  if (note && !boxNote?.includes('zero-sized')) out.push(inlineCodeText(note));
  if (boxNote) out.push(inlineCodeText(boxNote));
  // Markdown already (its own escapes and links: `change N`).
  if (heapMarkdown) out.push(heapMarkdown);
  let link = '';
  if (h) {
    const [chapter, section] = h.section.split('#') as [string, string];
    link = ` · ${guideLink(chapter, section)}`;
  } else if (/^Option\s*</.test(typeText.trim())) link = ` · ${guideLink('stack-heap', 'option')}`;
  out.push(`*${escapeMarkdown(target)}*${link}`);
  return out.join('\n\n');
}
