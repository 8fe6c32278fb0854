/**
 * Chapter and doc-comment rendering: the guide's Markdown conventions, and escaping of
 * everything that comes from a user's file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderChapter, renderDocComment } from '../../src/analysis/guideRender';
import type { GuideValue } from '../../src/analysis/guideValues';
import type { TypeReport } from '../../src/core/reportTypes';

const CHAPTERS = ['layout', 'allocators', 'box', 'vec', 'stack-heap', 'optimizer'];
const X86 = 'x86_64-unknown-linux-gnu';

function render(md: string, values: Record<string, GuideValue> = {}, chapter = 'layout') {
  return renderChapter(md, { chapter, chapterIds: CHAPTERS, values: new Map(Object.entries(values)), target: X86 });
}

const report: TypeReport = { name: 'R', kind: 'struct', file: '<guide>', line: 1, size: 16, align: 8, fields: [] };

describe('guide rendering', () => {
  it('turns {#id} into heading ids and drops the marker', () => {
    const { html } = render('## Padding and field order {#padding}\n\ntext\n');
    assert.match(html, /<h2 id="s-padding" data-section="padding">Padding and field order<\/h2>/);
    assert.doesNotMatch(html, /\{#/);
  });

  it('fills placeholders with engine values and says unknown with the reason otherwise', () => {
    const { html } = render('A `u64` is {{size:u64}} bytes; a Regex is {{size:regex::Regex}}.\n', {
      '{{size:u64}}': { kind: 'number', value: 8 },
      '{{size:regex::Regex}}': { kind: 'unknown', reason: 'unknown type `regex::Regex` <b>' },
    });
    assert.match(html, /<span class="rll-value" title="size:u64 for x86_64-unknown-linux-gnu">8<\/span> bytes/);
    assert.match(html, /unknown <span class="rll-reason">\(unknown type `regex::Regex` &lt;b&gt;\)<\/span>/);
    assert.doesNotMatch(html, /\{\{/);
  });

  it('leaves placeholders in code alone and never evaluates a placeholder without a value', () => {
    const { html } = render('`{{size:u8}}` and {{size:u16}}\n');
    assert.match(html, /<code>\{\{size:u8\}\}<\/code>/);
    assert.match(html, /unknown <span class="rll-reason">\(not computed\)/);
  });

  it('renders {{layout:T}} as a diagram block and collects its report', () => {
    const r = render('Before.\n\n{{layout:R}}\n\nAfter.\n', { '{{layout:R}}': { kind: 'layout', report } });
    assert.match(r.html, /<div class="rll-layout-block"><span class="rll-diagram-slot" data-layout="0"/);
    assert.deepEqual(r.layouts, [report]);
  });

  it('gives rust blocks an "Open as snippet" button and vec-growth blocks a simulator slot', () => {
    const r = render('```rust example\nstruct A<T> { x: T }\n```\n\n```vec-growth\n{"type": "u8", "pushes": 17}\n```\n\n```text\n<b>\n```\n');
    assert.match(r.html, /<code class="language-rust">struct A&lt;T&gt; \{ x: T \}\n<\/code><\/pre><button type="button" class="rll-snippet" data-snippet="0">Open as snippet<\/button>/);
    assert.deepEqual(r.snippets, ['struct A<T> { x: T }\n']);
    assert.deepEqual(r.sims, [{ type: 'u8', pushes: 17 }]);
    assert.match(r.html, /<div class="rll-vecsim" data-sim="0"><\/div>/);
    assert.match(r.html, /&lt;b&gt;/);
  });

  it('marks internal links for interception and external ones as external', () => {
    const { html } = render('[a](vec#growth) [b](#padding) [c](box) [d](https://doc.rust-lang.org/) [e](nowhere) [f](javascript:alert(1))\n');
    assert.match(html, /<a href="#s-growth" data-chapter="vec" data-section="growth">a<\/a>/);
    assert.match(html, /<a href="#s-padding" data-chapter="layout" data-section="padding">b<\/a>/);
    assert.match(html, /<a href="#top" data-chapter="box">c<\/a>/);
    assert.match(html, /<a href="https:\/\/doc.rust-lang.org\/" data-external="https:\/\/doc.rust-lang.org\/">d<\/a>/);
    assert.match(html, /<a href="#">e<\/a>/);
    assert.doesNotMatch(html, /href="javascript:/);
  });

  it('renders every real chapter without leftover placeholders or anchors', () => {
    const root = path.join(__dirname, '../../..');
    const index: { id: string; file: string }[] = JSON.parse(readFileSync(path.join(root, 'media/guide/index.json'), 'utf8'));
    for (const c of index) {
      const { html, snippets } = render(readFileSync(path.join(root, 'media/guide', c.file), 'utf8'), {}, c.id);
      assert.doesNotMatch(html, /\{\{|\{#/, c.file);
      assert.ok(!/<script|<img|<iframe/i.test(html), `${c.file} rendered raw markup`);
      if (c.id === 'layout') assert.ok(snippets.length > 0);
    }
  });
});

describe('doc comment rendering (user text)', () => {
  const evil = ['Hello <img src=x onerror=alert(1)> and <script>alert(2)</script>', '', '`code` [link](javascript:alert(3)) <a href="x" onclick="y">'];

  it('shows HTML in a doc comment as text', () => {
    const html = renderDocComment(evil);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
    assert.ok(html.includes('&lt;script&gt;alert(2)&lt;/script&gt;'), html);
    // The only markup is Markdown's own: paragraphs and a code span.
    assert.deepEqual([...new Set(html.match(/<\/?[a-z]+/gi))].sort(), ['</code', '</p', '<code', '<p']);
    assert.match(html, /<code>code<\/code>/);
  });

  it('does not evaluate guide placeholders or follow relative links in user text', () => {
    const html = renderDocComment(['{{size:u8}} [x](vec#growth)']);
    assert.match(html, /\{\{size:u8\}\}/);
    assert.doesNotMatch(html, /data-chapter/);
  });
});
