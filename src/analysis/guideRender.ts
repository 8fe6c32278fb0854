/**
 * Renders guide chapters (and doc comments) to HTML for the panel, with markdown-it.
 *
 * `html: false` everywhere: raw HTML in Markdown is shown as text, so a doc comment holding
 * `<img src=x onerror=…>` or `<script>` can never become markup. The guide's conventions are a
 * small plugin on top:
 *   - `## Title {#id}` → `<h2 id="s-id">Title</h2>`;
 *   - `{{size:T}}`, `{{align:T}}`, `{{offset:T.f}}` → the engine's number, or "unknown (reason)";
 *   - `{{layout:T}}` alone on its line → a block the panel's script fills with the byte grid;
 *   - ```rust blocks → code plus an "Open as snippet" button; ```vec-growth → the simulator slot;
 *     ```heap-chart T@N → a heap chart slot (the chart computed with the other values);
 *   - links `(chapter#section)`, `(#section)`, `(chapter)` → `data-chapter`/`data-section`,
 *     intercepted by the panel's script; `http(s)` links → `data-external`.
 * No `vscode` here.
 */
import MarkdownIt from 'markdown-it';
import type { TypeReport } from '../core/reportTypes';
import type { HeapChartData } from '../core/heap/chart';
import { type GuideValue, type Placeholder, parsePlaceholder } from './guideValues';

type MD = InstanceType<typeof MarkdownIt>;
/** The parts of markdown-it's Token, StateInline and StateCore this plugin touches. */
interface Token {
  type: string;
  tag: string;
  content: string;
  info: string;
  meta: unknown;
  children: Token[] | null;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
}
interface StateInline {
  readonly src: string;
  pos: number;
  push(type: string, tag: string, nesting: number): Token;
}
interface StateCore {
  readonly tokens: Token[];
}
interface Renderer {
  renderToken(tokens: Token[], idx: number, options: unknown): string;
}
type Rule = MD['renderer']['rules']['fence'];

export interface RenderedChapter {
  readonly html: string;
  /** Reports for the `data-layout` slots, in order (null: the value is unknown, the slot says why). */
  readonly layouts: (TypeReport | null)[];
  /** Inputs of the `data-sim` slots, in order. */
  readonly sims: { type: string; pushes: number }[];
  /** Code of the `data-snippet` buttons, in order. */
  readonly snippets: string[];
  /** The ```heap-chart blocks' charts, by their `data-chart` index. */
  readonly heapCharts: HeapChartData[];
}

interface Env {
  readonly chapter: string;
  readonly chapterIds: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, GuideValue>;
  readonly target: string;
  readonly out: RenderedChapter;
}

const escapeHtml = (s: string): string => new MarkdownIt().utils.escapeHtml(s);

/** The `{{…}}` inline rule: only well-formed placeholders become tokens. */
function placeholderRule(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x7b || src.charCodeAt(pos + 1) !== 0x7b) return false;
  const end = src.indexOf('}}', pos + 2);
  if (end < 0) return false;
  const p = parsePlaceholder(src.slice(pos + 2, end));
  if (!p) return false;
  if (!silent) {
    const t = state.push('rll_placeholder', '', 0);
    t.meta = p;
  }
  state.pos = end + 2;
  return true;
}

/** Heading anchors `{#id}` and block-level `{{layout:T}}` paragraphs. */
function structureRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1]!;
    const close = tokens[i + 2]!;
    if (open.type === 'heading_open' && inline.type === 'inline') {
      const m = /\s*\{#([A-Za-z0-9_-]+)\}\s*$/.exec(inline.content);
      const last = inline.children?.[inline.children.length - 1];
      if (m && last?.type === 'text' && last.content.endsWith(m[0].trimStart())) {
        last.content = last.content.slice(0, last.content.length - m[0].trimStart().length).trimEnd();
        inline.content = inline.content.slice(0, m.index);
        open.attrSet('id', `s-${m[1]!}`);
        open.attrSet('data-section', m[1]!);
      }
    }
    if (open.type === 'paragraph_open' && inline.type === 'inline' && close.type === 'paragraph_close') {
      const kids = (inline.children ?? []).filter((k) => !(k.type === 'text' && !k.content.trim()));
      if (kids.length === 1 && kids[0]!.type === 'rll_placeholder' && (kids[0]!.meta as Placeholder).kind === 'layout') {
        open.tag = close.tag = 'div';
        open.attrSet('class', 'rll-layout-block');
      }
    }
  }
}

function renderPlaceholder(tokens: Token[], idx: number, _o: unknown, env: Env): string {
  const p = tokens[idx]!.meta as Placeholder;
  const v = env.values.get(p.raw) ?? { kind: 'unknown', reason: 'not computed' };
  const title = escapeHtml(`${p.raw.slice(2, -2)} for ${env.target}`);
  if (v.kind === 'unknown') {
    return `<span class="rll-unknown" title="${title}">unknown <span class="rll-reason">(${escapeHtml(v.reason)})</span></span>`;
  }
  if (p.kind === 'layout') {
    if (v.kind !== 'layout') return `<span class="rll-unknown">unknown <span class="rll-reason">(no diagram)</span></span>`;
    env.out.layouts.push(v.report);
    return `<span class="rll-diagram-slot" data-layout="${env.out.layouts.length - 1}" aria-label="${title}"></span>`;
  }
  if (v.kind === 'text') return `<span class="rll-value" title="${title}">${escapeHtml(v.text)}</span>`;
  if (v.kind !== 'number') return `<span class="rll-unknown">unknown</span>`;
  return `<span class="rll-value" title="${title}">${v.value}</span>`;
}

function renderFence(tokens: Token[], idx: number, _o: unknown, env: Env): string {
  const t = tokens[idx]!;
  const info = t.info.trim();
  const lang = info.split(/\s+/)[0] ?? '';
  if (lang === 'heap-chart') {
    // ```heap-chart T@N: the chart of what T owns, computed with the chapter's other values.
    const p = parsePlaceholder(`heapchart:${info.slice(lang.length).trim()}`);
    const v = p && env.values.get(p.raw);
    if (!v || v.kind !== 'chart') return `<p class="rll-unknown">Heap chart unknown <span class="rll-reason">(${escapeHtml(v?.kind === 'unknown' ? v.reason : 'not computed')})</span></p>\n`;
    env.out.heapCharts.push(v.chart);
    return `<div class="rll-heapchart-slot" data-chart="${env.out.heapCharts.length - 1}"></div>\n`;
  }
  if (lang === 'vec-growth') {
    let type = 'u64';
    let pushes = 20;
    try {
      const j = JSON.parse(t.content) as { type?: unknown; pushes?: unknown };
      if (typeof j.type === 'string') type = j.type;
      if (typeof j.pushes === 'number' && Number.isFinite(j.pushes)) pushes = j.pushes;
    } catch {
      /* keep the defaults */
    }
    env.out.sims.push({ type, pushes });
    return `<div class="rll-vecsim" data-sim="${env.out.sims.length - 1}"></div>\n`;
  }
  const code = `<pre><code class="language-${escapeHtml(lang || 'text')}">${escapeHtml(t.content)}</code></pre>`;
  if (lang !== 'rust') return code + '\n';
  env.out.snippets.push(t.content);
  const kind = /\bexample\b/.test(info) ? 'example' : /\bignore\b/.test(info) ? 'sketch' : 'program';
  const index = env.out.snippets.length - 1;
  // `rust run=NAME`: a companion program the panel can build and run (its output shown below it).
  const run = /\brun=(\w+)/.exec(info)?.[1];
  const runParts = run
    ? `<button type="button" class="rll-run" data-run="${index}">Run</button><pre class="rll-run-output" data-run-output="${index}" aria-live="polite" hidden></pre>`
    : '';
  return `<div class="rll-code rll-${kind}">${code}<button type="button" class="rll-snippet" data-snippet="${index}">Open as snippet</button>${runParts}</div>\n`;
}

/** Marks internal links for the panel's script; `http(s)` links become `data-external`. */
function renderLinkOpen(tokens: Token[], idx: number, options: unknown, env: Env | undefined, self: Renderer): string {
  const t = tokens[idx]!;
  const href = t.attrGet('href') ?? '';
  if (/^https?:\/\//i.test(href)) {
    t.attrSet('data-external', href);
  } else if (env && 'chapterIds' in env && !/^[a-z][a-z0-9+.-]*:/i.test(href)) {
    const [chapterPart, section] = href.split('#', 2) as [string, string | undefined];
    const chapter = chapterPart || env.chapter;
    if (env.chapterIds.has(chapter)) {
      t.attrSet('href', `#${section ? `s-${section}` : 'top'}`);
      t.attrSet('data-chapter', chapter);
      if (section) t.attrSet('data-section', section);
    } else t.attrSet('href', '#');
  } else {
    // Anything else (a relative path in a doc comment, mailto:, command:) is not followed.
    t.attrSet('href', '#');
  }
  return self.renderToken(tokens, idx, options);
}

function makeMarkdown(): MD {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.before('text', 'rll_placeholder', placeholderRule as unknown as Parameters<MD['inline']['ruler']['push']>[1]);
  md.core.ruler.push('rll_structure', structureRule as unknown as Parameters<MD['core']['ruler']['push']>[1]);
  md.renderer.rules.rll_placeholder = renderPlaceholder as unknown as Rule;
  md.renderer.rules.fence = renderFence as unknown as Rule;
  md.renderer.rules.link_open = renderLinkOpen as unknown as Rule;
  return md;
}

let guideMd: MD | undefined;
let docMd: MD | undefined;

/** Renders one chapter with its values (from guideValues.evaluateChapter). */
export function renderChapter(
  markdown: string,
  ctx: { chapter: string; chapterIds: Iterable<string>; values: ReadonlyMap<string, GuideValue>; target: string },
): RenderedChapter {
  guideMd ??= makeMarkdown();
  const out: RenderedChapter = { html: '', layouts: [], sims: [], snippets: [], heapCharts: [] };
  const env: Env = { chapter: ctx.chapter, chapterIds: new Set(ctx.chapterIds), values: ctx.values, target: ctx.target, out };
  const html = guideMd.render(markdown, env as unknown as Record<string, unknown>);
  return { ...out, html };
}

/**
 * A doc comment (lines as the parser gives them, markers stripped) as HTML. It is the user's
 * text: raw HTML stays text, links are not followed, placeholders are not evaluated.
 */
export function renderDocComment(lines: readonly string[]): string {
  docMd ??= (() => {
    const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
    md.renderer.rules.link_open = renderLinkOpen as unknown as Rule;
    return md;
  })();
  return docMd.render(lines.join('\n'), {});
}
