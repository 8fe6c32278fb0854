/**
 * The panel's script (bundled to dist/webview.js, loaded with a nonce; no inline script or
 * style anywhere). Two tabs: "Layout" (the byte grid of the type under the cursor) and "Guide"
 * (the chapters, rendered by the extension with markdown-it, html:false).
 *
 * Everything from a user's file reaches the DOM through textContent/attributes; the only
 * innerHTML is markdown-it output from the extension (chapters, doc comments), which escapes raw
 * HTML. Messages follow src/webview/protocol.ts; `ready` goes first.
 */
import type { DiagramData, FromWebview, PanelState, Tab, ToWebview } from './protocol';
import { buildGrid, describeCell, type Cell, type GridRow } from './grid';
import { describeGrowth, formatCapacity } from '../core/vecGrowth';
import { CACHE_LINE, straddlingFields } from '../core/cacheLines';
import { heapChartElement } from './heapChart';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let state: PanelState = vscode.getState() ?? {};
function save(patch: Partial<PanelState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}
const post = (m: FromWebview): void => vscode.postMessage(m);

function $(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { class?: string; text?: string; attrs?: Record<string, string> } = {}, ...kids: (Node | null | undefined)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.class) e.className = props.class;
  if (props.text !== undefined) e.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v);
  for (const k of kids) if (k) e.appendChild(k);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Tabs

let currentChapter: string | undefined;
let target = '';

function showTab(tab: Tab, focus = false): void {
  for (const t of ['layout', 'guide'] as const) {
    const button = $(`tab-${t}`);
    const on = t === tab;
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    $(`panel-${t}`).hidden = !on;
    if (on && focus) button.focus();
  }
  document.body.dataset.tab = tab;
  save({ tab });
}

function wireTabs(): void {
  const tabs = ['layout', 'guide'] as const;
  tabs.forEach((t, i) => {
    const b = $(`tab-${t}`);
    b.addEventListener('click', () => showTab(t));
    b.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        showTab(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!, true);
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The byte grid

function revealButton(label: string, d: DiagramData, span: { start: number; end: number } | undefined, cls: string): HTMLElement {
  if (!d.uri || !span) return el('span', { class: cls, text: label });
  const uri = d.uri;
  const b = el('button', { class: `${cls} rll-link`, text: label, attrs: { type: 'button', title: 'Go to the definition' } });
  b.addEventListener('click', () => post({ type: 'reveal', uri, start: span.start, end: span.end }));
  return b;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function summaryText(d: DiagramData): string {
  const r = d.report;
  if (r.error) return `rustc rejects this type: ${r.error}`;
  if (r.size === null) return `size unknown (${r.unknown ?? 'not computed'})`;
  const parts = [`size ${plural(r.size, 'byte')}`, `align ${r.align ?? '?'}`];
  if (r.padding !== undefined) parts.push(`padding ${plural(r.padding, 'byte')}`);
  if (r.tag) parts.push(`tag ${plural(r.tag.size, 'byte')} at ${r.tag.offset}${r.tag.encoding === 'niche' ? ' (in a niche)' : ''}`);
  if (r.niche) parts.push(`niche: ${r.niche.count} spare value${r.niche.count === '1' ? '' : 's'} at offset ${r.niche.offset}`);
  if (r.uninhabited) parts.push('uninhabited');
  return parts.join(' · ');
}

function gridElement(d: DiagramData, info: HTMLElement): HTMLElement | undefined {
  const r = d.report;
  const grid = buildGrid(r);
  if (!grid.rows.length) return undefined;
  const multi = grid.rows.length > 1;
  const root = el('div', {
    class: 'rll-grid',
    attrs: { role: 'grid', 'aria-label': `Bytes of ${r.name} in memory order${grid.unit > 1 ? `, ${grid.unit} bytes per cell` : ''}; arrow keys move between bytes` },
  });
  const lines: HTMLElement[][] = [];
  const describe = (row: GridRow, c: Cell): string => describeCell(r, row, c, multi);
  for (const row of grid.rows) {
    const group = el('div', { class: 'rll-rowgroup', attrs: { role: 'rowgroup' } });
    if (multi) group.appendChild(el('div', { class: 'rll-row-label', text: row.label, attrs: { role: 'row', 'aria-label': row.label } }));
    for (let i = 0; i < row.cells.length; i += grid.columns) {
      const line = el('div', { class: 'rll-line', attrs: { role: 'row' } });
      line.appendChild(el('div', { class: 'rll-off', text: `+${row.cells[i]!.start}`, attrs: { role: 'rowheader' } }));
      const cellsOfLine: HTMLElement[] = [];
      for (const c of row.cells.slice(i, i + grid.columns)) {
        const classes = ['rll-cell', `k-${c.kind}`];
        if (c.kind === 'field') classes.push(`c${c.colour ?? 0}`);
        if (c.niche) classes.push('niche');
        if (c.nicheTag) classes.push('nichetag');
        if (c.cacheLine) classes.push('cl');
        const first = c.field && c.start <= c.field.offset && c.field.offset < c.end;
        if (first) classes.push('fstart');
        const text = describe(row, c);
        const cell = el('div', {
          class: classes.join(' '),
          text: c.kind === 'tag' ? 'T' : first ? c.field!.name.slice(0, 2) : '',
          attrs: { role: 'gridcell', tabindex: '-1', 'aria-label': text, title: text },
        });
        const show = (): void => {
          info.textContent = text;
        };
        cell.addEventListener('mouseenter', show);
        cell.addEventListener('focus', show);
        cellsOfLine.push(cell);
        line.appendChild(cell);
      }
      lines.push(cellsOfLine);
      group.appendChild(line);
    }
    root.appendChild(group);
  }
  lines[0]![0]!.tabIndex = 0;
  // Roving tabindex: one cell is in the tab order; arrow keys move focus between cells.
  root.addEventListener('keydown', (e) => {
    const cur = e.target as HTMLElement;
    let li = lines.findIndex((l) => l.includes(cur));
    if (li < 0) return;
    let ci = lines[li]!.indexOf(cur);
    switch (e.key) {
      case 'ArrowRight':
        if (ci + 1 < lines[li]!.length) ci++;
        else if (li + 1 < lines.length) [li, ci] = [li + 1, 0];
        break;
      case 'ArrowLeft':
        if (ci > 0) ci--;
        else if (li > 0) [li, ci] = [li - 1, lines[li - 1]!.length - 1];
        break;
      case 'ArrowDown':
        if (li + 1 < lines.length) [li, ci] = [li + 1, Math.min(ci, lines[li + 1]!.length - 1)];
        break;
      case 'ArrowUp':
        if (li > 0) [li, ci] = [li - 1, Math.min(ci, lines[li - 1]!.length - 1)];
        break;
      case 'Home':
        if (e.ctrlKey) li = 0;
        ci = 0;
        break;
      case 'End':
        if (e.ctrlKey) li = lines.length - 1;
        ci = lines[li]!.length - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    const next = lines[li]![ci]!;
    cur.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  return root;
}

function legendElement(d: DiagramData, multi: boolean): HTMLElement {
  const r = d.report;
  const list = el('ul', { class: 'rll-legend', attrs: { 'aria-label': 'Fields' } });
  const groups = r.kind === 'enum' && r.variants && r.tag ? r.variants.filter((v) => !v.absent).map((v) => ({ label: v.name, fields: v.fields })) : [{ label: '', fields: r.fields ?? [] }];
  for (const g of groups) {
    g.fields.forEach((f, i) => {
      const li = el('li', {}, el('span', { class: `rll-swatch k-field c${r.kind === 'union' ? 0 : i % 6}`, attrs: { 'aria-hidden': 'true' } }));
      if (multi && g.label) li.appendChild(el('span', { class: 'rll-variant-name', text: `${g.label}.` }));
      li.appendChild(revealButton(f.name, d, f.nameSpan, 'rll-field-name'));
      li.appendChild(el('span', { class: 'rll-field-type', text: f.type ? `: ${f.type}` : '' }));
      li.appendChild(el('span', { class: 'rll-field-pos', text: ` — offset ${f.offset}, size ${f.size}${f.paddingAfter ? `, then ${plural(f.paddingAfter, 'padding byte')}` : ''}` }));
      list.appendChild(li);
    });
  }
  const key = (cls: string, text: string): HTMLElement => el('li', { class: 'rll-key' }, el('span', { class: `rll-swatch ${cls}`, attrs: { 'aria-hidden': 'true' } }), el('span', { text }));
  list.appendChild(key('k-padding', 'padding'));
  if (r.tag) list.appendChild(key('k-tag', r.tag.encoding === 'niche' ? 'tag value (stored in a niche)' : 'tag'));
  if (r.niche) list.appendChild(key('k-padding niche', 'niche: bytes with spare bit patterns'));
  if ((r.size ?? 0) > CACHE_LINE) {
    // The thick left edge every 64 bytes (class `cl`), and the fields that cross it.
    const crossing = straddlingFields(r).map((s) => `${s.variant ? `${s.variant}.` : ''}${s.field.name}`);
    list.appendChild(key('k-cache-line', `cache line: a thick edge every ${CACHE_LINE} bytes${crossing.length ? `; crossing one: ${crossing.join(', ')}` : ''}`));
  }
  return list;
}

function diagramElement(d: DiagramData, heading: 'h2' | 'h3'): HTMLElement {
  const r = d.report;
  const box = el('section', { class: 'rll-diagram', attrs: { 'aria-label': `Layout of ${r.name}` } });
  const h = el(heading, { class: 'rll-diagram-title' });
  h.appendChild(el('span', { class: 'rll-kind', text: `${r.kind} ` }));
  h.appendChild(revealButton(r.name, d, r.nameSpan, 'rll-type-name'));
  if (r.repr) h.appendChild(el('span', { class: 'rll-repr', text: ` #[repr(${r.repr})]` }));
  box.appendChild(h);
  box.appendChild(el('p', { class: r.size === null ? 'rll-summary rll-unknown' : 'rll-summary', text: summaryText(d) }));
  box.appendChild(el('p', { class: 'rll-target-line', text: `Target: ${d.target}` }));
  if (d.docHtml) {
    const doc = el('div', { class: 'rll-doc' });
    doc.innerHTML = d.docHtml; // markdown-it with html:false: raw HTML arrives escaped
    box.appendChild(doc);
  }
  const info = el('p', { class: 'rll-cell-info', text: 'Hover or focus a byte to see what it holds.', attrs: { 'aria-live': 'polite' } });
  const grid = gridElement(d, info);
  if (grid) {
    box.appendChild(grid);
    box.appendChild(info);
    box.appendChild(legendElement(d, (r.variants?.length ?? 0) > 1));
  }
  if (d.heap) box.appendChild(heapChartElement(d.heap, heading === 'h2' ? 'h3' : 'h4', () => post({ type: 'setHeapEntries' })));
  if (d.before) {
    // The layout diff's base: the same type as it was, drawn the same way, below the current one.
    const old = el('section', { class: 'rll-before', attrs: { 'aria-label': `Layout of ${r.name} at ${d.before.rev}` } });
    old.appendChild(el(heading === 'h2' ? 'h3' : 'h4', { class: 'rll-diagram-title', text: `At ${d.before.rev} (${d.before.commit})` }));
    old.appendChild(el('p', { class: 'rll-summary', text: `Changed since then: ${d.before.summary}` }));
    const was: DiagramData = { report: d.before.report, target: d.target };
    const oldInfo = el('p', { class: 'rll-cell-info', text: 'Hover or focus a byte to see what it held.', attrs: { 'aria-live': 'polite' } });
    const oldGrid = gridElement(was, oldInfo);
    if (oldGrid) {
      old.appendChild(oldGrid);
      old.appendChild(oldInfo);
      old.appendChild(legendElement(was, (d.before.report.variants?.length ?? 0) > 1));
    }
    box.appendChild(old);
  }
  return box;
}

function showDiagram(d: DiagramData | null, message?: string): void {
  const host = $('diagram');
  host.replaceChildren();
  if (d) host.appendChild(diagramElement(d, 'h2'));
  else host.appendChild(el('p', { class: 'rll-empty', text: message ?? 'Place the cursor in a struct, enum or union of a Rust file to see its bytes.' }));
}

// ---------------------------------------------------------------------------------------------
// The Vec growth simulator

interface Sim {
  readonly root: HTMLElement;
  readonly type: HTMLInputElement;
  readonly pushes: HTMLInputElement;
  readonly out: HTMLElement;
  request: number;
}
const sims = new Map<number, Sim>();
let nextRequest = 1;
const MAX_PUSHES = 100_000;

function simElement(slot: HTMLElement, index: number, init: { type: string; pushes: number }): void {
  const restored = index === 0 && state.sim && state.chapter === currentChapter ? state.sim : init;
  const id = `sim${index}`;
  const type = el('input', { attrs: { id: `${id}-type`, type: 'text', spellcheck: 'false', autocomplete: 'off' } });
  type.value = restored.type;
  const pushes = el('input', { attrs: { id: `${id}-pushes`, type: 'number', min: '0', max: String(MAX_PUSHES), step: '1' } });
  pushes.value = String(restored.pushes);
  const out = el('div', { class: 'rll-sim-out', attrs: { 'aria-live': 'polite' } });
  const form = el(
    'form',
    { class: 'rll-sim-form', attrs: { 'aria-label': 'Vec growth simulator' } },
    el('label', { text: 'Element type ', attrs: { for: `${id}-type` } }),
    type,
    el('label', { text: ' pushes ', attrs: { for: `${id}-pushes` } }),
    pushes,
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  slot.replaceChildren(el('h4', { text: 'Vec growth simulator' }), form, out);
  const sim: Sim = { root: slot, type, pushes, out, request: 0 };
  sims.set(index, sim);
  let timer: number | undefined;
  const update = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => requestSize(index), 250);
  };
  type.addEventListener('input', update);
  pushes.addEventListener('input', update);
  requestSize(index);
}

function requestSize(index: number): void {
  const sim = sims.get(index);
  if (!sim || !currentChapter) return;
  sim.request = nextRequest++;
  const pushes = Number(sim.pushes.value);
  if (index === 0) save({ sim: { type: sim.type.value, pushes: Number.isFinite(pushes) ? pushes : 0 } });
  post({ type: 'elementSize', requestId: sim.request, chapter: currentChapter, text: sim.type.value.trim() });
}

function showGrowth(msg: Extract<ToWebview, { type: 'elementSize' }>): void {
  const sim = [...sims.values()].find((s) => s.request === msg.requestId);
  if (!sim) return; // an answer to an older request
  const pushes = Math.floor(Number(sim.pushes.value));
  if (msg.size === undefined) {
    sim.out.replaceChildren(el('p', { class: 'rll-unknown', text: `Element size unknown (${msg.reason ?? 'not a type'}).` }));
    return;
  }
  if (!Number.isSafeInteger(pushes) || pushes < 0 || pushes > MAX_PUSHES) {
    sim.out.replaceChildren(el('p', { class: 'rll-unknown', text: `Pushes must be a whole number from 0 to ${MAX_PUSHES}.` }));
    return;
  }
  let g: ReturnType<typeof describeGrowth>;
  try {
    g = describeGrowth(msg.size, pushes, { align: msg.align, pointerWidth: msg.pointerWidth });
  } catch (e) {
    sim.out.replaceChildren(el('p', { class: 'rll-unknown', text: e instanceof Error ? e.message : String(e) }));
    return;
  }
  const cap = (n: number): string => formatCapacity(n, msg.pointerWidth);
  const seq = g.moves.map((m) => cap(m.newCapacity));
  const kids: HTMLElement[] = [
    el('p', {
      class: 'rll-sim-summary',
      text:
        `${msg.text}: ${plural(msg.size, 'byte')}, align ${msg.align ?? '?'}. After ${plural(pushes, 'push', 'pushes')}: capacity ${cap(g.finalCapacity)}, ` +
        `${plural(g.allocations, 'allocation')}, ${plural(g.reallocations, 'reallocation')}, ` +
        `bytes copied: at most ${g.bytesCopiedAtMost} (every realloc moves), at least ${g.bytesCopiedAtLeast} (every realloc grows in place).`,
    }),
    el('p', { class: 'rll-sim-seq', text: msg.size === 0 ? `Capacity ${cap(g.finalCapacity)} from the start: a zero-sized element never allocates.` : `Capacities: ${seq.length ? seq.join(' → ') : 'none (no push)'}` }),
  ];
  if (g.moves.length && pushes > 0) {
    // The same chart as the Layout tab's heap chart, for this one Vec.
    const points = [{ n: 0, bytes: { min: 0, max: 0 }, allocations: { min: 0, max: 0 } }];
    g.moves.forEach((m, i) => points.push({ n: m.atPush, bytes: { min: m.newBytes, max: m.newBytes }, allocations: { min: i + 1, max: i + 1 } }));
    const last = points[points.length - 1]!;
    if (last.n < pushes) points.push({ ...last, n: pushes });
    const type = `Vec<${msg.text}>`;
    kids.push(heapChartElement({ type, entries: pushes, inner: 0, maxN: Math.max(16, pushes), series: [{ label: type, points }], lines: [], assumptions: [] }, 'h4'));
  }
  if (g.moves.length) {
    const table = el('table', { class: 'rll-sim-table' });
    const head = el('tr', {}, ...['push', 'capacity', 'heap bytes', 'how'].map((t) => el('th', { text: t, attrs: { scope: 'col' } })));
    table.appendChild(el('thead', {}, head));
    const body = el('tbody');
    for (const m of g.moves.slice(0, 64)) {
      const how = m.path === 'alloc' ? 'first allocation' : m.path === 'realloc' ? `realloc (in place, or copies ${m.oldBytes} B)` : `new block, copies ${m.oldBytes} B, frees`;
      body.appendChild(el('tr', {}, el('td', { text: String(m.atPush) }), el('td', { text: `${cap(m.oldCapacity)} → ${cap(m.newCapacity)}` }), el('td', { text: String(m.newBytes) }), el('td', { text: how })));
    }
    table.appendChild(body);
    kids.push(table);
  }
  sim.out.replaceChildren(...kids);
}

// ---------------------------------------------------------------------------------------------
// Chapters

function showChapterList(chapters: Extract<ToWebview, { type: 'init' }>['chapters']): void {
  const list = $('chapters');
  list.replaceChildren();
  for (const c of chapters) {
    const b = el('button', { class: 'rll-chapter-link', text: c.title, attrs: { type: 'button', 'data-chapter': c.id } });
    b.addEventListener('click', () => post({ type: 'openChapter', chapter: c.id }));
    list.appendChild(el('li', {}, b));
  }
  markCurrentChapter();
}

function markCurrentChapter(): void {
  for (const b of Array.from(document.querySelectorAll<HTMLElement>('#chapters button'))) {
    if (b.dataset.chapter === currentChapter) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
}

function scrollToSection(section: string | undefined): void {
  const h = section ? document.getElementById(`s-${section}`) : null;
  if (h) {
    h.scrollIntoView({ block: 'start' });
    h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: true });
  } else window.scrollTo(0, 0);
}

function showChapter(msg: Extract<ToWebview, { type: 'chapter' }>): void {
  const sameAsSaved = state.chapter === msg.id;
  currentChapter = msg.id;
  target = msg.target;
  $('target').textContent = target;
  const article = $('chapter');
  article.innerHTML = msg.html; // markdown-it output, html:false
  article.dataset.chapter = msg.id;
  sims.clear();
  article.querySelectorAll<HTMLElement>('.rll-diagram-slot').forEach((slot) => {
    const d = msg.layouts[Number(slot.dataset.layout)];
    if (d) slot.appendChild(diagramElement(d, 'h3'));
  });
  article.querySelectorAll<HTMLElement>('.rll-heapchart-slot').forEach((slot) => {
    const c = msg.heapCharts[Number(slot.dataset.chart)];
    if (c) slot.appendChild(heapChartElement(c, 'h4'));
  });
  article.querySelectorAll<HTMLElement>('.rll-vecsim').forEach((slot) => {
    const i = Number(slot.dataset.sim);
    const init = msg.sims[i];
    if (init) simElement(slot, i, init);
  });
  markCurrentChapter();
  if (msg.section) scrollToSection(msg.section);
  else if (sameAsSaved && state.scroll) window.scrollTo(0, state.scroll);
  else window.scrollTo(0, 0);
  save({ chapter: msg.id, scroll: window.scrollY });
}

/** A companion example's output under its code (text only: it is the program's output). */
function showRunResult(msg: Extract<ToWebview, { type: 'runResult' }>): void {
  if (msg.chapter !== currentChapter) return;
  const out = document.querySelector<HTMLElement>(`#chapter pre[data-run-output="${msg.index}"]`);
  const button = document.querySelector<HTMLButtonElement>(`#chapter button[data-run="${msg.index}"]`);
  if (!out) return;
  out.hidden = false;
  out.classList.toggle('rll-run-failed', msg.status === 'failed' || msg.status === 'refused');
  out.textContent = msg.status === 'running' ? 'Building and running…' : msg.output;
  if (button) button.disabled = msg.status === 'running';
}

function wireChapterClicks(): void {
  $('chapter').addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    const button = t.closest<HTMLElement>('button.rll-snippet');
    if (button && currentChapter) {
      post({ type: 'openSnippet', chapter: currentChapter, index: Number(button.dataset.snippet) });
      return;
    }
    const runButton = t.closest<HTMLButtonElement>('button.rll-run');
    if (runButton && currentChapter) {
      post({ type: 'runExample', chapter: currentChapter, index: Number(runButton.dataset.run) });
      return;
    }
    const a = t.closest<HTMLAnchorElement>('a');
    if (!a) return;
    e.preventDefault();
    if (a.dataset.external) post({ type: 'openExternal', href: a.dataset.external });
    else if (a.dataset.chapter) {
      if (a.dataset.chapter === currentChapter) scrollToSection(a.dataset.section);
      else post({ type: 'openChapter', chapter: a.dataset.chapter, section: a.dataset.section });
    }
  });
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending || document.body.dataset.tab !== 'guide') return;
    pending = true;
    window.setTimeout(() => {
      pending = false;
      save({ scroll: window.scrollY });
    }, 200);
  });
}

// ---------------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      target = msg.target;
      $('target').textContent = target;
      showChapterList(msg.chapters);
      break;
    case 'chapter':
      showChapter(msg);
      break;
    case 'diagram':
      showDiagram(msg.diagram, msg.message);
      if (msg.reveal) showTab('layout');
      break;
    case 'showTab':
      showTab(msg.tab);
      break;
    case 'elementSize':
      showGrowth(msg);
      break;
    case 'runResult':
      showRunResult(msg);
      break;
  }
});

wireTabs();
wireChapterClicks();
showTab(state.tab ?? 'layout');
post({ type: 'ready', state });
