/**
 * The field-reorder planner for `#[repr(C)]` structs, and the text edits that apply it.
 * Pure: no `vscode`, no tree-sitter. The editor adapter (src/features/codeActions.ts) maps the
 * `{offset, length, newText}` edits to a WorkspaceEdit; the unit tests apply them to strings.
 *
 * Why sorting by descending alignment is optimal: in Rust every size is a multiple of its
 * alignment, and alignments are powers of two. Laid out in descending-alignment order, every
 * field starts at an offset that is a multiple of its own alignment (the previous fields'
 * sizes are all multiples of a larger-or-equal power of two), so there is no padding between
 * fields; the only padding left is the tail up to the struct's alignment, which no order can
 * avoid (the size must be a multiple of the alignment, and the field bytes are fixed). The
 * property test (test/unit/reorder.property.test.ts) checks this against a brute force.
 */
import type { FieldDef, Span } from './model';

export interface FieldShape {
  readonly size: number;
  readonly align: number;
}

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

function alignUp(n: number, a: number): number {
  return a <= 1 ? n : Math.ceil(n / a) * a;
}

/** Size of a `#[repr(C)]` struct whose fields are laid out in the given order. */
export function cStructSize(fields: readonly FieldShape[], minAlign = 1): { size: number; align: number } {
  let offset = 0;
  let align = Math.max(1, minAlign);
  for (const f of fields) {
    offset = alignUp(offset, f.align) + f.size;
    align = Math.max(align, f.align);
  }
  return { size: alignUp(offset, align), align };
}

/** Padding bytes of a `#[repr(C)]` layout in the given order. */
export function cPadding(fields: readonly FieldShape[], minAlign = 1): number {
  return cStructSize(fields, minAlign).size - fields.reduce((s, f) => s + f.size, 0);
}

export interface ReorderPlan {
  /** New order: `order[k]` is the declaration index of the field placed k-th. */
  readonly order: readonly number[];
  readonly padding: number;
  readonly bestPadding: number;
  /** Bytes saved (padding - bestPadding); > 0 whenever a plan is returned. */
  readonly saved: number;
}

/**
 * The minimal-padding order (stable sort by descending alignment: ties keep declaration
 * order), or undefined when the declared order is already minimal. `minAlign` is a
 * `#[repr(align(N))]` on the struct.
 */
export function planReorder(fields: readonly FieldShape[], minAlign = 1): ReorderPlan | undefined {
  if (fields.length < 2) return undefined;
  const order = fields.map((_, i) => i).sort((a, b) => fields[b]!.align - fields[a]!.align || a - b);
  const padding = cPadding(fields, minAlign);
  const bestPadding = cPadding(
    order.map((i) => fields[i]!),
    minAlign,
  );
  if (bestPadding >= padding) return undefined;
  return { order, padding, bestPadding, saved: padding - bestPadding };
}

// ---------------------------------------------------------------------------------------------
// Text edits.

/** What the edit planner needs of a struct: its fields and the span of its `{…}` or `(…)`. */
export interface StructText {
  readonly fields: readonly Pick<FieldDef, 'span'>[];
  readonly bodySpan?: Span;
}

interface Gap {
  /** Pieces of the text between two fields (or a brace and a field), in order. */
  readonly pieces: readonly { kind: 'ws' | 'comma' | 'comment'; start: number; end: number }[];
}

/** Lexes a gap made only of whitespace, commas and comments; undefined if anything else appears. */
function lexGap(text: string, start: number, end: number): Gap | undefined {
  const pieces: { kind: 'ws' | 'comma' | 'comment'; start: number; end: number }[] = [];
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      let j = i + 1;
      while (j < end && /\s/.test(text[j]!)) j++;
      pieces.push({ kind: 'ws', start: i, end: j });
      i = j;
    } else if (c === ',') {
      pieces.push({ kind: 'comma', start: i, end: i + 1 });
      i++;
    } else if (text.startsWith('//', i)) {
      let j = text.indexOf('\n', i);
      if (j < 0 || j > end) j = end;
      if (text[j - 1] === '\r') j--;
      pieces.push({ kind: 'comment', start: i, end: j });
      i = j;
    } else if (text.startsWith('/*', i)) {
      let depth = 0;
      let j = i;
      while (j < end) {
        if (text.startsWith('/*', j)) {
          depth++;
          j += 2;
        } else if (text.startsWith('*/', j)) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      if (depth !== 0) return undefined;
      pieces.push({ kind: 'comment', start: i, end: j });
      i = j;
    } else {
      return undefined;
    }
  }
  return { pieces };
}

/**
 * Edits that put the fields of `s` in `order`. Each field moves with its attributes, doc
 * comments and visibility (all inside `FieldDef.span`), with the line or block comments on
 * the lines just above it, and with the comments on the rest of its line. Commas and the
 * whitespace between fields stay where they are, so the struct keeps its formatting and its
 * trailing-comma style (a struct without a trailing comma still has none). Returns undefined
 * when the text between fields holds anything but whitespace, commas and comments (e.g. a
 * macro), or when the body cannot be found.
 */
export function reorderEdits(text: string, s: StructText, order: readonly number[]): TextEdit[] | undefined {
  const n = s.fields.length;
  if (!s.bodySpan || n < 2 || order.length !== n) return undefined;
  if ([...order].sort((a, b) => a - b).some((v, i) => v !== i)) return undefined;
  const open = s.bodySpan.start + 1;
  const close = s.bodySpan.end - 1;
  if (!'{('.includes(text[s.bodySpan.start] ?? '') || !'})'.includes(text[close] ?? '')) return undefined;

  // The fields in source order (FieldDef order is declaration order).
  const spans = s.fields.map((f) => f.span);
  for (let i = 1; i < n; i++) if (spans[i]!.start < spans[i - 1]!.end) return undefined;

  // For each field: [chunkStart, spanEnd) is the head (leading comments + field), `mid` is the
  // comma (with the whitespace around it) after it, and the tail is the same-line comments.
  const headStart: number[] = new Array<number>(n);
  const midStart: number[] = new Array<number>(n);
  const midEnd: number[] = new Array<number>(n);
  const tailEnd: number[] = new Array<number>(n);

  const boundaries: { from: number; to: number }[] = [];
  for (let i = 0; i <= n; i++) boundaries.push({ from: i === 0 ? open : spans[i - 1]!.end, to: i === n ? close : spans[i]!.start });
  // The opening brace acts like a field end whose same-line comments stay put.
  const gaps = boundaries.map((b) => lexGap(text, b.from, b.to));
  if (gaps.some((g) => g === undefined)) return undefined;

  // Split each gap k (between field k-1 and field k) into: mid of k-1, tail of k-1, the
  // separator that stays, and the leading comments of k.
  const sepStart: number[] = new Array<number>(n + 1);
  const sepEnd: number[] = new Array<number>(n + 1);
  for (let k = 0; k <= n; k++) {
    const pieces = gaps[k]!.pieces;
    const { from, to } = boundaries[k]!;
    let p = 0;
    let cursor = from;
    if (k > 0) {
      // mid: whitespace without newline, then a comma (only if a comma comes before any comment/newline).
      let q = p;
      let sawComma = false;
      while (q < pieces.length) {
        const pc = pieces[q]!;
        if (pc.kind === 'comma') {
          sawComma = true;
          q++;
          break;
        }
        if (pc.kind === 'ws' && !text.slice(pc.start, pc.end).includes('\n')) {
          q++;
          continue;
        }
        break;
      }
      if (sawComma) {
        p = q;
        cursor = pieces[q - 1]!.end;
      }
      midStart[k - 1] = from;
      midEnd[k - 1] = cursor;
    }
    // tail: same-line comments (with the spaces before them) until a newline.
    let tailCursor = cursor;
    let q = p;
    while (q < pieces.length) {
      const pc = pieces[q]!;
      if (pc.kind === 'ws' && !text.slice(pc.start, pc.end).includes('\n') && pieces[q + 1]?.kind === 'comment') {
        tailCursor = pieces[q + 1]!.end;
        q += 2;
        continue;
      }
      if (pc.kind === 'comment') {
        tailCursor = pc.end;
        q++;
        continue;
      }
      break;
    }
    // (k = 0: comments on the opening brace's line stay in the first separator.)
    if (k > 0) tailEnd[k - 1] = tailCursor;
    const afterTail = k > 0 ? tailCursor : cursor;
    p = q;
    if (k === n) {
      // Everything left before the closing brace stays.
      sepStart[k] = afterTail;
      sepEnd[k] = to;
      // A comma after a comment line would be odd: stay safe.
      if (pieces.slice(p).some((pc) => pc.kind === 'comma')) return undefined;
      continue;
    }
    // leading comments of field k: from the first comment after the separator's whitespace.
    const rest = pieces.slice(p);
    if (rest.some((pc) => pc.kind === 'comma')) return undefined;
    const firstComment = rest.find((pc) => pc.kind === 'comment');
    sepStart[k] = afterTail;
    sepEnd[k] = firstComment ? firstComment.start : to;
    headStart[k] = sepEnd[k]!;
  }
  if (midStart.some((v) => v === undefined)) return undefined;

  const head = (i: number) => text.slice(headStart[i]!, spans[i]!.end);
  const tail = (i: number) => text.slice(midEnd[i]!, tailEnd[i]!);
  const mid = (k: number) => text.slice(midStart[k]!, midEnd[k]!);
  const sep = (k: number) => text.slice(sepStart[k]!, sepEnd[k]!);

  let out = sep(0);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const t = tail(i);
    // A `// …` tail must stay last on its line: the separator after its new place needs a newline.
    if (/\/\/[^\n]*$/.test(t) && !sep(k + 1).includes('\n')) return undefined;
    if (k > 0) out += sep(k);
    out += head(i) + mid(k) + t;
  }
  out += sep(n);
  const start = sepStart[0]!;
  const end = sepEnd[n]!;
  const old = text.slice(start, end);
  if (old === out) return [];
  return [{ offset: start, length: end - start, newText: out }];
}

/** Applies non-overlapping edits to a string (used by tests and by the bench). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// "Pin this layout".

/**
 * The edit that inserts, right after the item, compile-time assertions of its size and
 * alignment, indented like the item's first line.
 */
export function pinLayoutEdit(text: string, itemSpan: Span, typeName: string, size: number, align: number): TextEdit {
  const lineStart = text.lastIndexOf('\n', itemSpan.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, itemSpan.start))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = [
    `const _: () = assert!(core::mem::size_of::<${typeName}>() == ${size});`,
    `const _: () = assert!(core::mem::align_of::<${typeName}>() == ${align});`,
  ];
  return { offset: itemSpan.end, length: 0, newText: lines.map((l) => eol + indent + l).join('') };
}
