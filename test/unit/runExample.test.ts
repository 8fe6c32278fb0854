/**
 * The panel's Run button behind the companion examples (src/platform/runExample.ts, with the real
 * rustc) and the chapter markup that offers it (src/analysis/guideRender.ts).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChapter } from '../../src/analysis/guideRender';
import { runRustExample } from '../../src/platform/runExample';
import { rustcAvailable } from '../oracle/rustc';

const ROOT = join(__dirname, '../../..');

describe('companion examples: the Run button', function () {
  this.timeout(120_000);

  it('is offered under each `rust run=` block of the chapter, not under other code', () => {
    const md = readFileSync(join(ROOT, 'media/guide/07-companion.md'), 'utf8');
    const { html } = renderChapter(md, { chapter: 'companion', chapterIds: ['companion'], values: new Map(), target: 'x86_64-unknown-linux-gnu' });
    assert.equal((html.match(/<button type="button" class="rll-run" data-run="\d+">Run<\/button>/g) ?? []).length, 6);
    assert.equal((html.match(/<pre class="rll-run-output" data-run-output="\d+" aria-live="polite" hidden><\/pre>/g) ?? []).length, 6);
    const other = renderChapter('```rust\nfn main() {}\n```\n', { chapter: 'x', chapterIds: ['x'], values: new Map(), target: 'x86_64-unknown-linux-gnu' });
    assert.doesNotMatch(other.html, /rll-run/);
  });

  it('builds and runs an example, and shows rustc’s errors or a stuck program plainly', async function () {
    if (!rustcAvailable()) this.skip();
    assert.deepEqual(await runRustExample('fn main() { println!("{}", std::mem::size_of::<Box<[u8]>>()); }'), { ok: true, output: '16' });
    const bad = await runRustExample('fn main() { let x: u8 = "no"; }');
    assert.equal(bad.ok, false);
    assert.match(bad.output, /^rustc rejected the example:\n[\s\S]*mismatched types/);
    const slow = await runRustExample('fn main() { loop { std::thread::sleep(std::time::Duration::from_millis(50)); } }', { timeoutMs: 3000 });
    assert.deepEqual(slow, { ok: false, output: 'the program did not finish within 3 s.' });
  });
});
