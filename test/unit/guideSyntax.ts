/**
 * A reference reader for the guide's Markdown conventions, used by guide.test.ts.
 *
 * Conventions (the panel's renderer must implement the same):
 * - `## Title {#id}`: every second-level heading ends with an explicit, lowercase-kebab id.
 * - Placeholders `{{kind:ARG}}` with kind size | align | offset | layout. ARG is a Rust type
 *   expression; for `offset` it is `TYPE.field` (the first `.` outside brackets splits them).
 *   `{{layout:TYPE}}` stands alone on its line (it renders as a block). Placeholders never appear
 *   inside code spans or fenced blocks.
 * - Fenced blocks: ```rust example (type definitions the panel parses; no `fn main`),
 *   ```rust (a program or library the test compiles), ```rust ignore (a sketch, not compiled),
 *   ```vec-growth (JSON `{"type": TYPE, "pushes": N}`: where the growth simulator goes),
 *   ```heap-chart TYPE@N (a heap chart; counted as a `heapchart` placeholder).
 * - Heap placeholders `{{heapbytes|heapcalls|heapblocks|heapcap|heapnext:TYPE@N}}` (or `@N~M`:
 *   M entries in each collection inside an element), `{{leafsize|internalsize:TYPE}}`.
 * - Internal links: `(#section)`, `(chapter)` or `(chapter#section)`.
 */

import { PLACEHOLDER_KINDS, type PlaceholderKind, splitOffsetArg } from '../../src/analysis/guideValues';

export interface Placeholder {
  readonly raw: string;
  readonly kind: PlaceholderKind;
  /** The type expression (for offset: the part before the field path). */
  readonly type: string;
  /** For offset: the field path, e.g. `length` or `0`. */
  readonly field?: string;
  /** For the heap kinds (`T@N` or `T@N~M`): entries per collection, and per collection inside an element. */
  readonly entries?: number;
  readonly inner?: number;
  readonly line: number;
}

export interface Fence {
  readonly info: string;
  readonly code: string;
  readonly line: number;
}

export interface Heading {
  readonly level: number;
  readonly text: string;
  readonly id?: string;
  readonly line: number;
}

export interface ChapterDoc {
  readonly headings: Heading[];
  readonly fences: Fence[];
  readonly placeholders: Placeholder[];
  readonly links: { readonly target: string; readonly line: number }[];
  /** Every convention violation found, as readable messages with line numbers. */
  readonly problems: string[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELD = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+))*$/;

/** Checks that (), [] and <> nest properly; `->` is not a closing angle bracket. */
export function bracketsBalanced(text: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '>': '<' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '>' && text[i - 1] === '-') continue;
    if (c === '(' || c === '[' || c === '<') stack.push(c);
    else if (c in pairs) {
      if (stack.pop() !== pairs[c]) return false;
    }
  }
  return stack.length === 0;
}

/** Parses the inside of `{{...}}`; returns an error message or the placeholder. */
export function parsePlaceholder(inner: string, line: number): Placeholder | string {
  const raw = `{{${inner}}}`;
  const colon = inner.indexOf(':');
  if (colon < 0) return `${raw}: missing "kind:"`;
  const kind = inner.slice(0, colon).trim();
  const arg = inner.slice(colon + 1).trim();
  if (!(PLACEHOLDER_KINDS as readonly string[]).includes(kind)) return `${raw}: unknown kind "${kind}"`;
  if (!arg) return `${raw}: empty type`;
  if (!bracketsBalanced(arg)) return `${raw}: unbalanced brackets`;
  if (kind === 'offset') {
    const split = splitOffsetArg(arg);
    if (!split || !split.type) return `${raw}: offset needs TYPE.field`;
    if (!FIELD.test(split.field)) return `${raw}: bad field path "${split.field}"`;
    return { raw, kind, type: split.type, field: split.field, line };
  }
  if (['heapbytes', 'heapcalls', 'heapblocks', 'heapcap', 'heapnext', 'heapchart'].includes(kind)) {
    const m = /^(.*?)@(\d+)(?:~(\d+))?$/.exec(arg);
    if (!m || !m[1]!.trim()) return `${raw}: a heap placeholder needs TYPE@N or TYPE@N~M`;
    return { raw, kind: kind as PlaceholderKind, type: m[1]!.trim(), entries: Number(m[2]), inner: m[3] === undefined ? 16 : Number(m[3]), line };
  }
  if (splitOffsetArg(arg)) return `${raw}: "." outside brackets is only allowed in offset placeholders`;
  return { raw, kind: kind as PlaceholderKind, type: arg, line };
}

/** Removes inline code spans (`...`, ``...``) so placeholders inside them can be reported. */
function codeSpans(line: string): string[] {
  const spans: string[] = [];
  const re = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) spans.push(m[2]);
  return spans;
}

export function parseChapter(text: string): ChapterDoc {
  const headings: Heading[] = [];
  const fences: Fence[] = [];
  const placeholders: Placeholder[] = [];
  const links: { target: string; line: number }[] = [];
  const problems: string[] = [];
  const lines = text.split('\n');
  let fence: { info: string; line: number; body: string[]; marker: string } | undefined;

  lines.forEach((lineText, idx) => {
    const line = idx + 1;
    const fenceMark = /^(`{3,}|~{3,})(.*)$/.exec(lineText);
    if (fence) {
      if (fenceMark && fenceMark[1].startsWith(fence.marker) && !fenceMark[2].trim()) {
        fences.push({ info: fence.info, code: fence.body.join('\n'), line: fence.line });
        fence = undefined;
      } else {
        fence.body.push(lineText);
        if (lineText.includes('{{') || lineText.includes('}}')) problems.push(`line ${line}: placeholder inside a fenced block`);
      }
      return;
    }
    if (fenceMark) {
      fence = { info: fenceMark[2].trim(), line, body: [], marker: fenceMark[1] };
      const chart = /^heap-chart\s+(.+)$/.exec(fence.info);
      if (chart) {
        const p = parsePlaceholder(`heapchart:${chart[1]}`, line);
        if (typeof p === 'string') problems.push(`line ${line}: ${p}`);
        else placeholders.push(p);
      }
      return;
    }

    const heading = /^(#{1,6})\s+(.*?)\s*$/.exec(lineText);
    if (heading) {
      const anchor = /^(.*?)\s*\{#([^}]*)\}$/.exec(heading[2]);
      const h: Heading = anchor
        ? { level: heading[1].length, text: anchor[1], id: anchor[2], line }
        : { level: heading[1].length, text: heading[2], line };
      if (anchor && !ID.test(anchor[2])) problems.push(`line ${line}: id "${anchor[2]}" is not lowercase-kebab`);
      if (h.level === 2 && !anchor) problems.push(`line ${line}: "## ${heading[2]}" has no {#id}`);
      if (h.level !== 2 && anchor) problems.push(`line ${line}: only ## headings carry ids`);
      headings.push(h);
    }

    for (const span of codeSpans(lineText)) {
      if (span.includes('{{') || span.includes('}}')) problems.push(`line ${line}: placeholder inside a code span`);
    }

    // Placeholders: every {{ must close with }} before the next {{, and no }} may be unmatched.
    let pos = 0;
    for (;;) {
      const open = lineText.indexOf('{{', pos);
      const strayClose = lineText.indexOf('}}', pos);
      if (open < 0) {
        if (strayClose >= 0) problems.push(`line ${line}: "}}" without "{{"`);
        break;
      }
      if (strayClose >= 0 && strayClose < open) problems.push(`line ${line}: "}}" without "{{"`);
      const close = lineText.indexOf('}}', open + 2);
      const nextOpen = lineText.indexOf('{{', open + 2);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        problems.push(`line ${line}: "{{" is not closed by "}}"`);
        break;
      }
      const inner = lineText.slice(open + 2, close);
      if (inner.includes('{') || inner.includes('}')) problems.push(`line ${line}: brace inside {{${inner}}}`);
      const p = parsePlaceholder(inner, line);
      if (typeof p === 'string') problems.push(`line ${line}: ${p}`);
      else {
        if (p.kind === 'layout' && lineText.trim() !== p.raw) problems.push(`line ${line}: ${p.raw} must stand alone on its line`);
        placeholders.push(p);
      }
      pos = close + 2;
    }

    const linkRe = /\]\(([^)\s]+)\)/g;
    for (let m = linkRe.exec(lineText); m; m = linkRe.exec(lineText)) links.push({ target: m[1], line });
  });
  if (fence) problems.push(`line ${fence.line}: fenced block never closed`);
  return { headings, fences, placeholders, links, problems };
}

/** Names of the types (struct, enum, union, trait, type alias) an example block defines or imports with `use`. */
export function definedTypes(code: string): string[] {
  const re = /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:unsafe\s+)?(?:struct|enum|union|trait|type)\s+([A-Za-z_][A-Za-z0-9_]*)/gm;
  const names: string[] = [];
  for (let m = re.exec(code); m; m = re.exec(code)) names.push(m[1]);
  // `use a::b::{C, D};` and `use a::C;`: the imported names (no renames or globs in the chapters).
  for (const u of code.matchAll(/^\s*use\s+([^;]+);/gm)) {
    const list = /\{([^}]*)\}\s*$/.exec(u[1]!);
    for (const part of list ? list[1]!.split(',') : [u[1]!]) {
      const name = part.trim().split('::').pop()?.trim();
      if (name && /^[A-Z]\w*$/.test(name)) names.push(name);
    }
  }
  return names;
}

/** Single-segment type names used in a type expression that are not primitives or `std::…` paths. */
export function bareTypeNames(type: string): string[] {
  const names: string[] = [];
  const re = /(?:[A-Za-z_][A-Za-z0-9_]*)(?:::[A-Za-z_][A-Za-z0-9_]*)*/g;
  for (let m = re.exec(type); m; m = re.exec(type)) {
    const path = m[0];
    if (path.includes('::')) continue;
    if (/^[A-Z]/.test(path)) names.push(path);
  }
  return names;
}

/** Names a placeholder may use without a definition: the std prelude's types. */
export const PRELUDE_TYPES = new Set(['Vec', 'Box', 'Option', 'Result', 'String']);
