/**
 * The places in code where a program talks to an allocator, found on one line of text: what the
 * allocator will be asked for there, computed by the engine, and the guide section that explains
 * it. Recognised:
 *  - `Layout::new::<T>()`: T's size and alignment;
 *  - `Layout::array::<T>(N)`: N × T's size (N an integer literal; otherwise per element);
 *  - `#[global_allocator] static A: T = …` and `impl GlobalAlloc for T` / `impl Allocator for T`:
 *    which trait serves which allocations;
 *  - `alloc(…)`, `alloc_zeroed(…)`, `dealloc(…)`, `realloc(…)` called through `std::alloc` /
 *    `alloc::alloc`: the contract of the call.
 * Type arguments are resolved in the scope of the file's module. No `vscode` here.
 */
import type { TypeExpr } from '../core/model';
import { describeTy } from '../core/report';
import type { Analysis } from './analyzer';
import type { ModuleScope } from '../core/resolve';

export interface AllocSite {
  /** Offsets in the document of the words the hover covers. */
  readonly start: number;
  readonly end: number;
  readonly markdown: string;
  /** A short line for a CodeLens: `allocator asked for 16 B, align 8`. */
  readonly summary: string;
  /** Guide section: `allocators#global-alloc`. */
  readonly guide: string;
}

/** The type argument text of `name::<…>` starting at `open` (the `<`), with its end. */
function turbofish(text: string, open: number): { arg: string; end: number } | undefined {
  let depth = 0;
  for (let i = open; i < Math.min(text.length, open + 400); i++) {
    const c = text[i];
    if (c === '<') depth++;
    else if (c === '>' && text[i - 1] !== '-') {
      depth--;
      if (depth === 0) return { arg: text.slice(open + 1, i).trim(), end: i + 1 };
    } else if (c === ';' || c === '{' || c === '}') return undefined;
  }
  return undefined;
}

/**
 * A parser of type expressions written as text (`Vec<u8>`, `Option<Box<Pair>>`), through a
 * one-line `type` alias file, with its results kept (a hover or a lens asks again and again).
 */
export function typeTextParser(parse: (path: string, text: string) => { readonly items: readonly { readonly kind: string }[] }): (text: string) => TypeExpr | undefined {
  const seen = new Map<string, TypeExpr | undefined>();
  return (text: string) => {
    if (!seen.has(text)) {
      if (seen.size > 200) seen.clear();
      const item = parse('__rll_type.rs', `type __Rll = ${text};`).items.find((i) => i.kind === 'alias') as { kind: 'alias'; ty?: TypeExpr } | undefined;
      seen.set(text, item?.ty);
    }
    return seen.get(text);
  };
}

export interface LayoutOfType {
  (typeText: string): { size: number; align: number } | { unknown: string };
}

/** Lays out a type written as text in a module, with the analysis's engine. */
export function typeLayouter(a: Analysis, m: ModuleScope | undefined, parseType: (text: string) => TypeExpr | undefined): LayoutOfType {
  return (typeText: string) => {
    if (!m) return { unknown: 'the file is not part of the analysed crate' };
    const e = parseType(typeText);
    if (!e) return { unknown: `\`${typeText}\` is not a type the extension can read` };
    let d;
    try {
      d = describeTy(a.engine, a.engine.tyOf(e, { m, generics: new Map() }));
    } catch (err) {
      return { unknown: err instanceof Error ? err.message : 'its layout is not known' };
    }
    if ('unknown' in d) return { unknown: d.unknown };
    if ('error' in d) return { unknown: d.error };
    return { size: d.size, align: d.align };
  };
}

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

/** The allocator-related site at `offset` in `text`, if any. */
export function allocSiteAt(text: string, offset: number, layoutOf: LayoutOfType): AllocSite | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd);
  const at = offset - lineStart;

  for (const m of line.matchAll(/\bLayout\s*::\s*(new|array)\s*::\s*</g)) {
    const s = m.index;
    const tf = turbofish(line, s + m[0].length - 1);
    if (!tf || at < s || at > tf.end) continue;
    const l = layoutOf(tf.arg);
    const span = { start: lineStart + s, end: lineStart + tf.end };
    if (m[1] === 'new') {
      const md = 'size' in l ? `**\`Layout::new::<${tf.arg}>()\`**: the allocator is asked for **${l.size} bytes, aligned to ${l.align}**${l.size === 0 ? ' — a zero-sized request, which `GlobalAlloc::alloc` must never receive (Box and Vec do not allocate for it)' : ''}.` : `**\`Layout::new::<${tf.arg}>()\`**: size unknown (${l.unknown}).`;
      return { ...span, markdown: md, summary: 'size' in l ? `allocator asked for ${l.size} B, align ${l.align}` : 'allocation size unknown', guide: 'layout#layout-type' };
    }
    const args = /^\s*\(\s*([0-9][0-9_]*)(?:usize)?\s*\)/.exec(line.slice(tf.end));
    const n = args ? Number(args[1]!.replace(/_/g, '')) : undefined;
    let md: string;
    if (!('size' in l)) md = `**\`Layout::array::<${tf.arg}>(…)\`**: element size unknown (${l.unknown}).`;
    else if (n !== undefined) {
      const total = n * l.size;
      md = `**\`Layout::array::<${tf.arg}>(${n})\`**: the allocator is asked for **${total} bytes (${n} × ${l.size}), aligned to ${l.align}**. \`array\` returns an error instead when the total would exceed \`isize::MAX\`.`;
    } else md = `**\`Layout::array::<${tf.arg}>(n)\`**: the allocator is asked for **n × ${l.size} bytes, aligned to ${l.align}** (an error when n × ${l.size} exceeds \`isize::MAX\`).`;
    const summary = !('size' in l) ? 'allocation size unknown' : n !== undefined ? `allocator asked for ${n * l.size} B, align ${l.align}` : `allocator asked for n × ${l.size} B, align ${l.align}`;
    return { ...span, markdown: md, summary, guide: 'layout#layout-type' };
  }

  const ga = /#\[\s*global_allocator\s*\]/.exec(line) ?? (/^\s*(?:pub(?:\([^)]*\))?\s+)?static\s+\w+\s*:/.test(line) && /#\[\s*global_allocator\s*\]\s*$/.test(text.slice(Math.max(0, lineStart - 200), lineStart)) ? /static/.exec(line) : null);
  if (ga) {
    const ty = /static\s+\w+\s*:\s*([^=;]+?)\s*[=;]/.exec(text.slice(lineStart, lineStart + 400))?.[1];
    return {
      start: lineStart + ga.index,
      end: lineStart + ga.index + ga[0].length,
      markdown: `**Global allocator**${ty ? `: ${code(ty)}` : ''}. Every \`Box\`, \`Vec\`, \`String\`, \`Rc\`, \`Arc\` and collection of the program that uses the default allocator calls its \`GlobalAlloc::alloc\`/\`dealloc\` (through \`__rust_alloc\`), with the size and alignment of the \`Layout\` asked for; it must return memory aligned to that \`Layout\`'s alignment, or null.`,
      summary: 'global allocator: every Box, Vec, String… allocates here',
      guide: 'allocators#global-allocator',
    };
  }

  const imp = /\bimpl\b[^{;]*?\b(GlobalAlloc|Allocator)\s+for\s+([\w:<>, ]+?)\s*(?:\{|where\b|$)/.exec(line);
  if (imp && at >= imp.index && at <= imp.index + imp[0].length) {
    const global = imp[1] === 'GlobalAlloc';
    return {
      start: lineStart + imp.index,
      end: lineStart + imp.index + imp[0].length,
      markdown: global
        ? `**\`impl GlobalAlloc for ${imp[2]!.trim()}\`**: an allocator the whole program can use (with \`#[global_allocator]\`). \`alloc\` gets a non-zero-sized \`Layout\` and returns a pointer aligned to it, or null on failure; \`dealloc\` gets the same \`Layout\` back. It is \`unsafe\` to implement: the caller relies on these promises.`
        : `**\`impl Allocator for ${imp[2]!.trim()}\`**: an allocator passed to one collection (\`Vec::new_in\`, \`Box::new_in\`; unstable \`allocator_api\`). \`allocate\` may get zero-sized layouts and returns the block's real size as a \`NonNull<[u8]>\`.`,
      summary: global ? 'GlobalAlloc: the whole program’s allocator when #[global_allocator]' : 'Allocator: one collection’s allocator (allocator_api)',
      guide: global ? 'allocators#global-alloc' : 'allocators#allocator',
    };
  }

  const call = /\b(?:(?:std|alloc)\s*::\s*alloc\s*::\s*|\balloc\s*::\s*)?(alloc_zeroed|alloc|dealloc|realloc)\s*\(/g;
  for (const m of line.matchAll(call)) {
    if (at < m.index || at > m.index + m[0].length) continue;
    // A method call (`.alloc(`) or a definition (`fn alloc(`) is not the free function.
    const before = line.slice(0, m.index).trimEnd();
    if (before.endsWith('.') || /\bfn$/.test(before)) continue;
    const what: Record<string, string> = {
      alloc: 'asks the global allocator for a block of the `Layout`\'s size and alignment (uninitialised); a null result means failure (`handle_alloc_error`). The size must not be zero.',
      alloc_zeroed: 'like `alloc`, with the block filled with zeros.',
      dealloc: 'gives a block back: the pointer and the very `Layout` it was allocated with.',
      realloc: 'grows or shrinks a block to a new size, same alignment; the old pointer is invalid afterwards unless null is returned.',
    };
    return { start: lineStart + m.index, end: lineStart + m.index + m[0].length - 1, markdown: `**\`${m[1]}\`** ${what[m[1]!]}`, summary: `${m[1]}: a call into the global allocator`, guide: 'allocators#global-alloc' };
  }
  return undefined;
}

/** Where allocator sites may start on the lines of a text (offsets to ask `allocSiteAt` about): Layout constructors, the global allocator, allocator impls. */
export function allocSiteOffsets(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\bLayout\s*::\s*(?:new|array)\s*::\s*<|#\[\s*global_allocator\s*\]|\bimpl\b[^{;\n]*\b(?:GlobalAlloc|Allocator)\s+for\b/g)) out.push(m.index + (m[0].startsWith('impl') ? m[0].search(/GlobalAlloc|Allocator/) : 1));
  return out;
}
