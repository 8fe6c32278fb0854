/**
 * Pure text for the editor surfaces (hover markdown), built from engine reports. No `vscode`
 * import, so test/unit/layoutText.test.ts checks it in plain Node.
 *
 * The rule: a number is shown only when the report gives it. A type whose size is null, or
 * that carries `unknown` or `error`, shows the reason and no numbers.
 */
import type { FieldReport, TypeReport } from '../analysis/api';

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

function bytes(n: number): string {
  return n === 1 ? '1 byte' : `${n} bytes`;
}

/** True when the report vouches for the numbers of this type. */
export function isKnown(t: TypeReport): t is TypeReport & { size: number } {
  return t.size !== null && t.unknown === undefined && t.error === undefined;
}

/** The first line of the hover: `**Point** — size 16 · align 8 · no padding`. */
export function typeSummary(t: TypeReport): string {
  const name = `**${escapeMarkdown(t.name)}**`;
  if (t.error !== undefined) return `${name} — error: ${inlineCodeText(t.error)}`;
  if (!isKnown(t)) return `${name} — unknown: ${inlineCodeText(t.unknown ?? 'the layout could not be computed')}`;
  const parts = [`size ${t.size}`];
  if (t.align !== undefined) parts.push(`align ${t.align}`);
  if (t.padding !== undefined) parts.push(t.padding === 0 ? 'no padding' : `padding ${t.padding}`);
  return `${name} — ${parts.join(' · ')}`;
}

/**
 * The hover markdown for a type: summary, memory-order field table, tag and niche, target.
 * (Per-variant sizes are left to the full hover: their meaning, with or without the tag,
 * must be stated next to them.)
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
    if (t.niche) {
      out.push(`Niche: ${escapeMarkdown(t.niche.count)} spare values in ${bytes(t.niche.size)} at offset ${t.niche.offset}.`);
    }
  }
  out.push(`*${escapeMarkdown(target)}*`);
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

/** Hover for a field name: `**x**: f64 — offset 0 · size 8 · align 8`. */
export function fieldHoverMarkdown(owner: TypeReport, f: FieldReport, target: string): string {
  const head = `**${escapeMarkdown(f.name)}**: ${codeSpan(f.type)}`;
  if (!isKnown(owner)) return `${head} — in ${typeSummary(owner)}\n\n*${escapeMarkdown(target)}*`;
  const parts = [`offset ${f.offset}`, `size ${f.size}`, `align ${f.align}`];
  if (f.paddingAfter > 0) parts.push(`then ${bytes(f.paddingAfter)} of padding`);
  return `${head} — ${parts.join(' · ')}\n\n*${escapeMarkdown(target)}*`;
}
