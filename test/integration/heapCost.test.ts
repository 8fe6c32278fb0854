/**
 * Heap cost in the real extension host: a crate whose type holds a `HashMap` and a `Vec<String>`.
 * The hover of each field and of the type gives the heap figures (checked against a counting
 * allocator by test/unit/heapCost.test.ts); the entry count follows the setting and its command;
 * the panel gets the chart for the type under the cursor.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, hoverAt, poll, resetSetting, workspaceRoot } from './helpers';

const LIB = [
  'use std::collections::HashMap;',
  '',
  'pub struct Order { pub id: u64, pub price: u64, pub qty: u32 }',
  '',
  'pub struct Index {',
  '    pub names: Vec<String>,',
  '    pub by_id: HashMap<u64, Order>,',
  '}',
  '',
].join('\n');

interface ChartProbe {
  type: string;
  entries: number;
  series: { label: string; points: { n: number; bytes: { min: number; max: number } }[] }[];
  lines: string[];
}

suite('heap cost', () => {
  let dir: string;
  let doc: vscode.TextDocument;
  const plain = (s: string) => s.replace(/\\/g, '').replace(/\*\*/g, '');

  suiteSetup(async () => {
    await activateExtension();
    await resetSetting('target');
    await resetSetting('heap.entries');
    await resetSetting('heap.innerLength');
    dir = path.join(workspaceRoot().fsPath, 'heapcost');
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'Cargo.toml'), '[package]\nname = "heapcost"\nversion = "0.1.0"\nedition = "2021"\n');
    fs.writeFileSync(path.join(dir, 'src/lib.rs'), LIB);
    doc = await vscode.workspace.openTextDocument(path.join(dir, 'src/lib.rs'));
    await vscode.window.showTextDocument(doc);
  });

  suiteTeardown(async () => {
    await resetSetting('heap.entries');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the hover of each field and of the type gives the heap with N entries', async () => {
    const map = plain(await hoverAt(doc, 'pub by_id', 'by_id'));
    // (u64, Order) entries of 32 B: 2,048 buckets for 1,000 entries, then 2,048 + 16 control bytes.
    assert.match(map, /Heap \(`HashMap<u64, Order>`\) with 1,000 entries .*: 10 allocator calls, 67,600 B in 1 block/);
    assert.match(map, /room for 1,792 entries before it grows \(load factor 7\/8\)/);
    const names = plain(await hoverAt(doc, 'pub names', 'names'));
    assert.match(names, /Heap \(`Vec<String>`\) with 1,000 elements .*: 9 allocator calls, 24,576 B in 1 block/);
    assert.match(names, /Its elements own more \(each inner collection with 16 entries\): 2,000 allocator calls, 16,000 B in 1,000 blocks\. In all: 2,009 allocator calls, 40,576 B in 1,001 blocks\./);
    const type = plain(await hoverAt(doc, 'pub struct Index', 'Index'));
    assert.match(type, /Heap `names` \(`Vec<String>`\)/);
    assert.match(type, /Heap `by_id` \(`HashMap<u64, Order>`\)/);
    assert.doesNotMatch(plain(await hoverAt(doc, 'pub struct Order', 'Order')), /Heap/, 'plain data owns nothing');
  });

  test('the entry count follows the setting, set by its command', async () => {
    assert.equal(await vscode.commands.executeCommand('rustLayout.setHeapEntries', 100), 100);
    const map = await poll(
      async () => plain(await hoverAt(doc, 'pub by_id', 'by_id')),
      (h) => /with 100 entries/.test(h),
      15_000,
    );
    // 100 entries: 128 buckets of 32 B, 128 + 16 control bytes.
    assert.match(map, /with 100 entries .*: 6 allocator calls, 4,240 B in 1 block/);
    assert.equal(vscode.workspace.getConfiguration('rustLayout').get('heap.entries'), 100);
    await resetSetting('heap.entries');
  });

  test('the panel draws the heap chart of the type under the cursor', async () => {
    const probe = () => (vscode.extensions.getExtension(EXTENSION_ID)!.exports as { guideProbe(): { diagram?: string; heapChart?: ChartProbe } }).guideProbe();
    await vscode.commands.executeCommand('rustLayout.showLayout', { uri: doc.uri.toString(), offset: doc.getText().indexOf('Index') });
    const p = await poll(async () => probe(), (x) => x.diagram === 'Index' && x.heapChart?.entries === 1000, 30_000);
    const chart = p.heapChart!;
    assert.equal(chart.type, 'Index');
    assert.deepEqual(chart.series.map((s) => s.label), ['names (Vec<String>)', 'by_id (HashMap<u64, Order>)', 'all']);
    const at1000 = chart.series.map((s) => s.points.find((x) => x.n === 1000)?.bytes.min);
    assert.deepEqual(at1000, [40_576, 67_600, 40_576 + 67_600]);
    assert.match(chart.lines[1]!, /^by_id: HashMap<u64, Order> with 1,000 entries: 67,600 B, 10 allocator calls; next growth at 1,793$/);
    // Plain data: no chart.
    await vscode.commands.executeCommand('rustLayout.showLayout', { uri: doc.uri.toString(), offset: doc.getText().indexOf('Order {') });
    const q = await poll(async () => probe(), (x) => x.diagram === 'Order', 30_000);
    assert.equal(q.heapChart, undefined);
    await vscode.window.showTextDocument(doc);
  });
});
