/**
 * Editor benchmarks (issue 4), imported by test/bench/bench.ts; prints figures, asserts nothing.
 *   - re-layout after a one-character edit in a 220 KB file (target: p95 ≤ 5 ms): incremental
 *     parse (src/incremental/documents.ts), extract, crate scope, then either every type's report
 *     (CodeLens, diagnostics) or only the edited type's (hover) — what DocumentReports does;
 *   - hover (target: p99 ≤ 10 ms): hoverAt on type names, field names and field types;
 *   - WASM memory over 10,000 incremental edits (target: flat within 5%).
 */
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Analyzer, singleFileProgram } from '../../src/analysis/analyzer';
import { type ContentChange, DocumentTrees, type ParsedDocument, pointAt } from '../../src/incremental/documents';
import { type DocumentAnalysis, buildDocumentAnalysis, reuseAnalysis } from '../../src/incremental/documentModel';
import { hoverAt } from '../../src/features/hoverModel';
import { instancesAt } from '../../src/features/instancesModel';

/** Every WebAssembly.Memory the runtime creates (web-tree-sitter does not expose its heap). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Memory: new (d: unknown) => WasmMemory;
  instantiate: (...a: unknown[]) => Promise<unknown>;
}
const memories: WasmMemory[] = [];
function trackWasmMemory(): void {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const Orig = wasm.Memory;
  const Tracked = function (d: unknown) {
    const m = new Orig(d);
    memories.push(m);
    return m;
  } as unknown as WasmApi['Memory'];
  Tracked.prototype = Orig.prototype;
  wasm.Memory = Tracked;
  const origInstantiate = wasm.instantiate.bind(wasm);
  wasm.instantiate = async (...args: unknown[]) => {
    const r = (await origInstantiate(...args)) as { instance?: { exports: Record<string, unknown> }; exports?: Record<string, unknown> };
    const exports = r.instance?.exports ?? r.exports ?? {};
    for (const v of Object.values(exports)) if (v instanceof Orig && !memories.includes(v)) memories.push(v);
    return r;
  };
}
function wasmBytes(): number {
  return memories.reduce((s, m) => s + m.buffer.byteLength, 0);
}

/** A deterministic Rust file of about `bytes` characters: structs, repr(C) structs, enums, modules. */
export function generateRustFile(bytes: number): string {
  const prims = ['u8', 'u16', 'u32', 'u64', 'i32', 'f64', 'bool', 'char', 'usize'];
  const heap = ['String', 'Vec<u64>', 'Box<u32>', 'Option<Box<u8>>'];
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const parts: string[] = ['//! Generated for the editor bench.\n#![allow(dead_code)]\n\n'];
  let size = parts[0]!.length;
  let i = 0;
  while (size < bytes) {
    let s: string;
    const k = i % 4;
    if (k === 3) {
      s = `/// Enum ${i}.\npub enum E${i} {\n    A(u${8 << rand(4)}),\n    B { x: ${prims[rand(prims.length)]}, y: T${Math.max(0, i - 2)} },\n    C,\n}\n\n`;
    } else {
      const n = 3 + rand(6);
      const fields: string[] = [];
      for (let f = 0; f < n; f++) {
        const ty = f === n - 1 && i > 4 && k === 1 ? `T${i - 4}` : rand(5) === 0 && k !== 2 ? heap[rand(heap.length)]! : prims[rand(prims.length)]!;
        fields.push(`    /// Field ${f}.\n    pub f${f}: ${ty}, // note\n`);
      }
      s = `/// Struct ${i}.\n${k === 2 ? '#[repr(C)]\n' : '#[derive(Clone)]\n'}pub struct T${i} {\n${fields.join('')}}\n\n`;
    }
    parts.push(s);
    size += s.length;
    i++;
  }
  return parts.join('');
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
function fmt(xs: number[]): string {
  return `p50 ${quantile(xs, 0.5).toFixed(2)} ms · p95 ${quantile(xs, 0.95).toFixed(2)} ms · p99 ${quantile(xs, 0.99).toFixed(2)} ms · max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`;
}

export async function runEditorBench(opts: { wasmDir: string; edits?: number; memoryEdits?: number }): Promise<void> {
  trackWasmMemory();
  const analyzer = new Analyzer({ wasmDir: opts.wasmDir });
  const parser = await analyzer.parser();
  const trees = new DocumentTrees(parser);
  const file = '/bench/big.rs';
  let text = generateRustFile(220 * 1024);
  let version = 1;
  const doc = () => ({ uri: file, version, getText: () => text });
  console.log(`editor bench: ${(text.length / 1024).toFixed(0)} KB file, ${(text.match(/^pub (struct|enum)/gm) ?? []).length} types`);

  // One-character edits: a digit in a doc comment (`Field 3.` → `Field 4.`).
  const editSites = [...text.matchAll(/Field (\d)\./g)].map((m) => m.index + 6);
  // What VS Code hands the extension: the new text and the change with its range (old text).
  const keystroke = (at: number, length: number, insert: string): ContentChange => {
    const start = pointAt(text, at);
    const range = { start: { line: start.row, character: start.column }, end: { line: start.row, character: start.column + length } };
    text = text.slice(0, at) + insert + text.slice(at + length);
    version++;
    return { range, rangeOffset: at, rangeLength: length, text: insert };
  };
  const nextDigit = (at: number) => String.fromCharCode(48 + ((text.charCodeAt(at) - 47) % 10));
  const edit = (i: number) => {
    const at = editSites[i % editSites.length]!;
    return trees.update(doc(), [keystroke(at, 1, nextDigit(at))]);
  };
  let previous: DocumentAnalysis | undefined;
  // As src/features/reports.ts does for a document alone: the previous version carried over,
  // and its crate scope and engine reused when the layout model is the same.
  const analyse = async (parsed: ParsedDocument) => {
    const sf = parsed.file();
    const derivation = parsed.derivation();
    const carry = previous?.carryOver();
    const analysis = reuseAnalysis(sf, { path: file, text, target: 'x86_64-unknown-linux-gnu', derivation }, carry) ?? (await analyzer.analyze(singleFileProgram(sf, text)));
    const a = buildDocumentAnalysis(analysis, sf, { uri: file, version, path: file, text, derivation }, carry);
    previous = a;
    return a;
  };

  let last = await analyse(trees.get(doc()));
  const all: number[] = [];
  const lazy: number[] = [];
  const parseT: number[] = [];
  const extractT: number[] = [];
  const scopeT: number[] = [];
  const reportT: number[] = [];
  const fullParse: number[] = [];
  const settleT: number[] = [];
  const regionsBefore = trees.stats.region;
  const edits = opts.edits ?? 200;
  for (let i = 0; i < edits; i++) {
    // Typing: a character inserted after a digit in a doc comment, then deleted (every
    // keystroke moves everything after it by one).
    const site = editSites[(Math.floor(i / 2) * 7919) % editSites.length]! + 1;
    const change = i % 2 === 0 ? keystroke(site, 0, 'x') : keystroke(site, 1, '');
    const t0 = performance.now();
    const parsed = trees.update(doc(), [change]);
    const t1 = performance.now();
    parsed.file();
    const t2 = performance.now();
    const a = await analyse(parsed);
    const t3 = performance.now();
    // The hover path: the type around the edit only (reports are lazy).
    hoverAt(a, a.types.find((e) => e.shallow.span.start <= site && site < e.shallow.span.end)?.shallow.nameSpan.start ?? 0);
    const t4 = performance.now();
    void a.report; // CodeLens / diagnostics path: every type of the file
    for (let j = 0; j < a.types.length; j++) instancesAt(a, j); // the lens of a generic type
    const t5 = performance.now();
    parseT.push(t1 - t0);
    extractT.push(t2 - t1);
    scopeT.push(t3 - t2);
    reportT.push(t5 - t4);
    lazy.push(t4 - t0);
    all.push(t5 - t0 - (t4 - t3));
    last = a;
    if (i % 10 === 0) {
      const f0 = performance.now();
      parser.parse(text).delete();
      fullParse.push(performance.now() - f0);
    }
    if (i % 20 === 19) {
      // A pause in typing: the extension brings the whole file's tree up to date (off the keystroke path).
      const s0 = performance.now();
      trees.settle(file);
      settleT.push(performance.now() - s0);
    }
  }
  const regionShare = `${trees.stats.region - regionsBefore}/${edits}`;
  // Layout-changing edits: a field type `u16` ↔ `u32` (same length): the edited type and every
  // type that refers to it (T(i+4) holds T(i), enums hold structs) are recomputed, the rest carried over.
  const typeSites = [...text.matchAll(/: u(16|32), \/\/ note/g)].map((m) => m.index + 3);
  const typeEdit: number[] = [];
  const typeEditLazy: number[] = [];
  let reusedCount = 0;
  for (let i = 0; i < Math.min(edits, typeSites.length); i++) {
    const at = typeSites[(i * 31) % typeSites.length]!;
    const repl = text.slice(at, at + 2) === '16' ? '32' : '16';
    const change = keystroke(at, 2, repl);
    const t0 = performance.now();
    const parsed = trees.update(doc(), [change]);
    const a = await analyse(parsed);
    hoverAt(a, a.types.find((e) => e.shallow.span.start <= at && at < e.shallow.span.end)?.shallow.nameSpan.start ?? 0);
    const t1 = performance.now();
    void a.report;
    typeEditLazy.push(t1 - t0);
    typeEdit.push(performance.now() - t0);
    if (a.reused) reusedCount++;
  }
  const sanity = parser.parse(text);
  const same = sanity.rootNode.toString() === trees.get(doc()).tree.rootNode.toString();
  sanity.delete();
  console.log(`  1-char edit (typing or deleting a character in a doc comment) → layout of every type (CodeLens/diagnostics path, reports carried over): ${fmt(all)}   [target p95 ≤ 5 ms]`);
  // Not the 5 ms target's case: a layout changed, so every type holding the edited one, directly or
  // not, is laid out again (in this generated file, chains of up to a few hundred types).
  console.log(`  field type edit (u16 ↔ u32) → layout of every type (the edited type and every type holding it laid out again; ${reusedCount}/${typeEdit.length} versions carried the rest over): ${fmt(typeEdit)}`);
  console.log(`  field type edit → hover on the edited type (lazy reports):    ${fmt(typeEditLazy)}`);
  console.log(`  1-char edit → hover on the edited type (lazy reports):        ${fmt(lazy)}`);
  console.log(`    re-parse (DocumentTrees.update; ${regionShare} re-parsed the touched items only): ${fmt(parseT)}${same ? '' : '   !! tree differs from a full parse'}`);
  console.log(`    whole-file incremental re-parse after a pause in typing (settle, every 20 edits, off the keystroke path): ${fmt(settleT)}`);
  console.log(`    full parse, for comparison:              ${fmt(fullParse)}`);
  console.log(`    extract model:                           ${fmt(extractT)}`);
  console.log(`    crate scope + engine:                    ${fmt(scopeT)}`);
  console.log(`    report ${last.types.length} types:                       ${fmt(reportT)}`);

  // Hover on an analysed version: type names, field names, field types.
  void last.report;
  const hoverTimes: number[] = [];
  const offsets: number[] = [];
  for (const e of last.types.slice(0, 400)) {
    offsets.push(e.item.nameSpan.start + 1);
    if (e.item.kind !== 'enum') for (const f of e.item.fields.slice(0, 2)) offsets.push(f.nameSpan.start, f.ty.span.start);
  }
  for (let r = 0; r < 3; r++) {
    for (const off of offsets) {
      const t0 = performance.now();
      hoverAt(last, off);
      hoverTimes.push(performance.now() - t0);
    }
  }
  console.log(`  hover (type names, field names, field types): ${fmt(hoverTimes)}   [target p99 ≤ 10 ms]`);

  // Memory over many incremental edits: WASM (DocumentTrees deletes every replaced tree) and
  // the JS heap after a full collection (every 5th version is analysed and reported in full,
  // carrying the previous one over, as the editor does).
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const memEdits = opts.memoryEdits ?? 10_000;
  const warm = wasmBytes();
  let heap0 = 0;
  let peak = warm;
  const m0 = performance.now();
  for (let i = 0; i < memEdits; i++) {
    const parsed = edit((i * 104729) % editSites.length);
    if (i % 5 === 4) void (await analyse(parsed)).report;
    peak = Math.max(peak, wasmBytes());
    if (i === Math.floor(memEdits / 10)) {
      gc();
      heap0 = process.memoryUsage().heapUsed;
    }
  }
  const end = wasmBytes();
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  const mb = (b: number) => (b / 1048576).toFixed(1);
  console.log(
    `  WASM memory over ${memEdits} edits: ${mb(warm)} MB after warm-up → ${mb(end)} MB at the end (peak ${mb(peak)} MB, ${(((end - warm) * 100) / Math.max(1, warm)).toFixed(1)}% growth) in ${((performance.now() - m0) / 1000).toFixed(1)} s   [target ≤ 5%]`,
  );
  console.log(`  JS heap over the same edits (every 5th analysed), after a full collection: ${mb(heap0)} MB at edit ${Math.floor(memEdits / 10)} → ${mb(heap1)} MB at the end`);
  trees.dispose();
  analyzer.dispose();
}

/** Entry point used by test/bench/bench.ts (it loads out/test/bench/editor.js); also runnable directly. */
export async function run(): Promise<void> {
  console.log('\n── editor surfaces (issue 4) ──');
  await runEditorBench({
    wasmDir: path.join(__dirname, '..', '..', '..', 'dist'),
    edits: Number(process.env.RLL_BENCH_EDITS ?? 400),
    memoryEdits: Number(process.env.RLL_BENCH_MEMORY_EDITS ?? 10_000),
  });
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
