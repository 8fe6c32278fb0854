/**
 * The heap chart of the panel: heap bytes and allocator calls against the number of entries,
 * drawn as step lines (a collection's heap jumps at each growth and stays flat in between), with
 * a band between the least and the most where the figure is a range (B-tree node fill), and a
 * marker at the entry count the hovers use. SVG built with DOM calls (no innerHTML); colours are
 * the theme's chart colours, set in media/guide.css.
 */
import type { HeapChartData } from '../core/heap/chart';

const SVG = 'http://www.w3.org/2000/svg';
const W = 320;
const PAD = { left: 54, right: 8, top: 10, bottom: 30 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const num = (n: number): string => n.toLocaleString('en-US');

/** 0, and round numbers up to `max` for an axis (about three ticks). */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const step0 = max / 3;
  const mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  return out;
}

function bytesLabel(b: number): string {
  if (b >= 1 << 20) return `${+(b / (1 << 20)).toFixed(1)} MiB`;
  if (b >= 1 << 10) return `${+(b / (1 << 10)).toFixed(1)} KiB`;
  return `${b} B`;
}

/** One step chart: `value` picks bytes or allocator calls from each point. */
function stepChart(data: HeapChartData, value: 'bytes' | 'allocations', height: number, title: string): SVGSVGElement {
  const H = height;
  const maxY = Math.max(1, ...data.series.flatMap((s) => s.points.map((p) => p[value].max)));
  const x = (n: number) => PAD.left + (n / data.maxN) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / maxY) * (H - PAD.top - PAD.bottom);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'rll-heap-svg', role: 'img', 'aria-label': `${title} against the number of entries, 0 to ${num(data.maxN)}` });
  root.appendChild(svg('title', {}, title));
  const axes = svg('g', { class: 'rll-heap-axis' });
  axes.appendChild(svg('line', { x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }));
  axes.appendChild(svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom }));
  for (const t of ticks(data.maxN)) {
    axes.appendChild(svg('line', { x1: x(t), y1: H - PAD.bottom, x2: x(t), y2: H - PAD.bottom + 4 }));
    axes.appendChild(svg('text', { x: x(t), y: H - PAD.bottom + 15, 'text-anchor': 'middle' }, num(t)));
  }
  for (const t of ticks(maxY)) {
    axes.appendChild(svg('line', { class: 'rll-heap-grid', x1: PAD.left, y1: y(t), x2: W - PAD.right, y2: y(t) }));
    axes.appendChild(svg('text', { x: PAD.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, value === 'bytes' ? bytesLabel(t) : num(t)));
  }
  axes.appendChild(svg('text', { x: W - PAD.right, y: H - 2, 'text-anchor': 'end' }, 'entries'));
  axes.appendChild(svg('text', { x: PAD.left + 4, y: PAD.top + 10, class: 'rll-heap-axis-title' }, title));
  root.appendChild(axes);
  data.series.forEach((s, i) => {
    const g = svg('g', { class: `rll-heap-series rll-heap-s${i % 6}${s.label === 'all' ? ' rll-heap-all' : ''}` });
    const path = (pick: 'min' | 'max') =>
      s.points
        .map((p, j) => {
          const prev = s.points[j - 1];
          return j === 0 ? `M${x(p.n)},${y(p[value][pick])}` : `L${x(p.n)},${y(prev![value][pick])} L${x(p.n)},${y(p[value][pick])}`;
        })
        .join(' ');
    const ranged = s.points.some((p) => p[value].min !== p[value].max);
    if (ranged) {
      const lo = s.points.map((p) => `${x(p.n)},${y(p[value].min)}`);
      const hi = s.points.map((p) => `${x(p.n)},${y(p[value].max)}`).reverse();
      g.appendChild(svg('polygon', { class: 'rll-heap-band', points: [...lo, ...hi].join(' ') }));
      g.appendChild(svg('path', { class: 'rll-heap-line rll-heap-max', d: path('max') }));
    }
    g.appendChild(svg('path', { class: 'rll-heap-line', d: path('min') }));
    root.appendChild(g);
  });
  if (data.entries <= data.maxN) {
    const mark = svg('g', { class: 'rll-heap-marker' });
    mark.appendChild(svg('line', { x1: x(data.entries), y1: PAD.top, x2: x(data.entries), y2: H - PAD.bottom }));
    mark.appendChild(svg('text', { x: x(data.entries) - 4, y: PAD.top + 10, 'text-anchor': 'end' }, `N = ${num(data.entries)}`));
    root.appendChild(mark);
  }
  return root;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The chart section: heading, the two step charts, a legend, the figures at N as text (the same
 * numbers as the hover), and a button that changes N (`onChangeEntries`, when given).
 */
export function heapChartElement(data: HeapChartData, heading: 'h3' | 'h4', onChangeEntries?: () => void): HTMLElement {
  const box = element('section', 'rll-heap');
  box.setAttribute('aria-label', `Heap of ${data.type}`);
  box.appendChild(element(heading, 'rll-heap-title', `On the heap: ${data.type}`));
  if (data.unknown) {
    box.appendChild(element('p', 'rll-unknown', `Unknown: ${data.unknown}.`));
    return box;
  }
  box.appendChild(stepChart(data, 'bytes', 170, 'Heap bytes'));
  box.appendChild(stepChart(data, 'allocations', 110, 'Allocator calls'));
  const legend = element('ul', 'rll-heap-legend');
  data.series.forEach((s, i) => {
    const li = element('li', '');
    li.appendChild(element('span', `rll-heap-swatch rll-heap-s${i % 6}${s.label === 'all' ? ' rll-heap-all' : ''}`));
    li.appendChild(document.createTextNode(s.label === 'all' ? 'everything the type owns' : s.label));
    legend.appendChild(li);
  });
  if (data.series.some((s) => s.points.some((p) => p.bytes.min !== p.bytes.max))) {
    const li = element('li', '');
    li.appendChild(element('span', 'rll-heap-swatch rll-heap-bandswatch'));
    li.appendChild(document.createTextNode('the least to the most, by node fill'));
    legend.appendChild(li);
  }
  box.appendChild(legend);
  if (!data.lines.length) return box; // the Vec simulator: its own text says the rest
  const list = element('ul', 'rll-heap-lines');
  for (const line of data.lines) list.appendChild(element('li', '', line));
  box.appendChild(list);
  const notes = [
    `Filled one by one (distinct keys); collections inside elements hold ${num(data.inner)} entries each.`,
    ...data.assumptions.map((a) => `Assumes ${a}.`),
  ];
  box.appendChild(element('p', 'rll-heap-note', notes.join(' ')));
  if (onChangeEntries) {
    const b = element('button', 'rll-run', `Change N (${num(data.entries)})`);
    b.setAttribute('type', 'button');
    b.addEventListener('click', onChangeEntries);
    box.appendChild(b);
  }
  return box;
}
