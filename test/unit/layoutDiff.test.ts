/**
 * The layout diff (src/core/layoutDiff.ts) and `node dist/cli.js --diff` on a git repository made
 * here with isomorphic-git (no `git` binary): a field added, a field widened, fields reordered
 * (same size; rustc keeps equal-alignment fields in source order, so two offsets swap), a type renamed, a type changed through a type of another
 * module, an enum variant that changes the tag; unchanged types are not listed. Sizes are
 * rustc 1.95's on x86_64 (each checked with -Zprint-type-sizes).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as git from 'isomorphic-git';
import { Analyzer } from '../../src/analysis/analyzer';
import { runDiff } from '../../src/cliDiff';
import { changeSummary, diffLayouts, type TypeChange } from '../../src/core/layoutDiff';
import { getTarget } from '../../src/core/targets';

const ROOT = join(__dirname, '../../..');
const author = { name: 'Test', email: 'test@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };

const V1 = {
  'Cargo.toml': '[package]\nname = "diffy"\nversion = "0.1.0"\nedition = "2021"\n',
  'src/lib.rs': [
    'pub mod geo;',
    'pub struct Header { pub tag: u8, pub len: u32 }',
    'pub struct Wide { pub a: u8, pub b: u16 }',
    'pub struct Reordered { pub a: u8, pub b: u64, pub c: u8 }',
    'pub struct OldName { pub p: u16, pub q: u16 }',
    'pub struct Same { pub s: u64 }',
    'pub enum Slot { Full(&\'static u8), Empty }',
    '',
  ].join('\n'),
  'src/geo.rs': 'pub struct Point { pub x: f32, pub y: f32 }\npub struct Shape { pub at: Point, pub id: u8 }\n',
};

const V2 = {
  ...V1,
  'src/lib.rs': [
    'pub mod geo;',
    'pub struct Header { pub tag: u8, pub len: u32, pub crc: u32 }',
    'pub struct Wide { pub a: u8, pub b: u64 }',
    'pub struct Reordered { pub c: u8, pub b: u64, pub a: u8 }',
    'pub struct NewName { pub p: u16, pub q: u16 }',
    'pub struct Same { pub s: u64 }',
    'pub enum Slot { Full(&\'static u8), Empty, Spare(u8) }',
    '',
  ].join('\n'),
  'src/geo.rs': 'pub struct Point { pub x: f64, pub y: f64 }\npub struct Shape { pub at: Point, pub id: u8 }\n',
};

function write(dir: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(join(dir, p, '..'), { recursive: true });
    fs.writeFileSync(join(dir, p), text);
  }
}

async function commit(dir: string, files: Record<string, string>, message: string): Promise<string> {
  write(dir, files);
  for (const p of Object.keys(files)) await git.add({ fs, dir, filepath: p });
  return git.commit({ fs, dir, message, author });
}

describe('layout diff against git', function () {
  this.timeout(120_000);
  let dir: string;
  let analyzer: Analyzer;
  const target = getTarget('x86_64-unknown-linux-gnu')!;

  before(async () => {
    dir = fs.mkdtempSync(join(tmpdir(), 'rll-diff-'));
    await git.init({ fs, dir, defaultBranch: 'main' });
    await commit(dir, V1, 'one');
    await commit(dir, V2, 'two');
    await git.tag({ fs, dir, ref: 'v2' });
    // The working tree goes one step further: Same grows.
    write(dir, { 'src/lib.rs': V2['src/lib.rs'].replace('pub struct Same { pub s: u64 }', 'pub struct Same { pub s: u64, pub t: u8 }') });
    analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
  });
  after(() => {
    analyzer?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function diff(rev: string, format: 'json' | 'markdown' | 'text' = 'json', failOnGrowth?: number): Promise<{ code: number; out: string; err: string; changes: TypeChange[] }> {
    let out = '';
    let err = '';
    const code = await runDiff({ analyzer, target, path: dir, rev, format, failOnGrowth }, (s) => (out += s), (s) => (err += s));
    return { code, out, err, changes: format === 'json' && code !== 2 ? (JSON.parse(out) as { changes: TypeChange[] }).changes : [] };
  }

  it('between two revisions: each kind of change, with rustc’s numbers, and nothing else', async () => {
    const { code, changes } = await diff('HEAD~1..v2');
    assert.equal(code, 0);
    const by = new Map(changes.map((c) => [c.name, c]));
    assert.deepEqual([...by.keys()], ['Header', 'NewName', 'Reordered', 'Slot', 'Wide', 'geo::Point', 'geo::Shape']);
    assert.equal(changeSummary(by.get('Header')!), '8 B → 12 B (+4)');
    assert.ok(by.get('Header')!.notes.some((n) => /field `crc` added/.test(n)));
    assert.equal(changeSummary(by.get('Wide')!), '4 B → 16 B (+12) · padding +6');
    assert.ok(by.get('Wide')!.notes.includes('field `b`: 2 B → 8 B'));
    assert.equal(by.get('NewName')!.status, 'renamed');
    assert.equal(by.get('NewName')!.renamedFrom, 'OldName');
    // Through another module's type: Point doubled, so Shape grew.
    assert.equal(changeSummary(by.get('geo::Shape')!), '12 B → 24 B (+12) · padding +4');
    // A third variant with data: the pointer's niche no longer suffices, a tag appears.
    const slot = by.get('Slot')!;
    assert.equal(changeSummary(slot), '8 B → 16 B (+8) · padding +7');
    assert.ok(slot.notes.includes('niche 8 B @0 → tag 1 B @0'), slot.notes.join('; '));
    // Same size; the two bytes after the u64 swap places (equal alignment keeps source order).
    assert.equal(changeSummary(by.get('Reordered')!), '16 B → 16 B · field `c`: offset 9 → 8');
    assert.deepEqual(by.get('Reordered')!.notes, ['field `c`: offset 9 → 8', 'field `a`: offset 8 → 9']);
    assert.ok(!by.has('Same'));
  });

  it('against the working tree, with a branch, a tag, an abbreviated commit and the merge base', async () => {
    const head = await git.resolveRef({ fs, dir, ref: 'HEAD' });
    for (const rev of ['HEAD', 'main', 'v2', head.slice(0, 8), 'merge-base:main:v2']) {
      const { code, changes } = await diff(rev);
      assert.equal(code, 0, rev);
      assert.deepEqual(changes.map((c) => [c.name, c.status]), [['Same', 'changed']], rev);
      assert.equal(changes[0]!.sizeDelta, 8);
    }
  });

  it('prints a Markdown table and fails on growth past the limit', async () => {
    const md = await diff('HEAD~1', 'markdown', 12);
    assert.equal(md.code, 0, 'Wide and Shape grew by 12, not more');
    assert.match(md.out, /^\| type \| before \| after \| Δ size \| what changed \|$/m);
    assert.match(md.out, /^\| `Header` \| 8 B \| 12 B \| \+4 \| /m);
    const strict = await diff('HEAD~1', 'markdown', 4);
    assert.equal(strict.code, 1);
    assert.match(strict.err, /5 types grew by more than 4 B: Same \(\+8\), Slot \(\+8\), Wide \(\+12\), geo::Point \(\+8\), geo::Shape \(\+12\)/);
  });

  it('says what is wrong with an unknown revision or a path outside a repository', async () => {
    const bad = await diff('no-such-branch');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown revision `no-such-branch`/);
    const outside = fs.mkdtempSync(join(tmpdir(), 'rll-norepo-'));
    try {
      let err = '';
      const code = await runDiff({ analyzer, target, path: outside, rev: 'HEAD', format: 'text' }, () => undefined, (s) => (err += s));
      assert.equal(code, 2);
      assert.match(err, /no git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('is the CLI’s --diff (dist/cli.js)', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), '--diff', 'HEAD', '--format', 'text', dir], { encoding: 'utf8' });
    assert.match(out, /^Same: 8 B → 16 B \(\+8\)/m);
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), '--diff', 'HEAD~1', '--fail-on-growth', '0', '--json', dir], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal((JSON.parse(r.stdout) as { changes: unknown[] }).changes.length, 8);
  });

  it('diffLayouts ignores types unknown on both sides and says when one becomes known', () => {
    const t = (name: string, size: number | null, unknown?: string) => ({ name, kind: 'struct' as const, file: 'a.rs', line: 1, size, ...(unknown ? { unknown } : {}) });
    assert.deepEqual(diffLayouts([t('U', null, 'x')], [t('U', null, 'y')]), []);
    assert.deepEqual(diffLayouts([t('K', null, 'external')], [t('K', 8)]).map((c) => c.notes), [['now known (was: external)']]);
  });
});
