/** Shared helpers for the parse tests: the real grammar, loaded once from dist/. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import type { Tree } from 'web-tree-sitter';
import type { ContentChange } from '../../src/incremental/documents';
import { loadRustParser, type ParseOptions, type RustParser } from '../../src/parse/parser';
import { placedAll } from '../../src/core/positions';
import { extractFile } from '../../src/parse/extract';
import type { Item, SourceFile, TypeExpr, ConstExpr, ConstPat, StructDef, EnumDef } from '../../src/core/model';

/** out/test/unit → repo root. */
export const repoRoot = path.join(__dirname, '../../..');
export const wasmDir = path.join(repoRoot, 'dist');

export function getParser(): Promise<RustParser> {
  if (!existsSync(path.join(wasmDir, 'tree-sitter-rust.wasm'))) {
    throw new Error(`grammar wasm missing in ${wasmDir}: run node scripts/build.mjs first`);
  }
  return loadRustParser(wasmDir);
}

/**
 * Extracts `text` with the default (fast) path, and checks that the tree-only reference path
 * gives exactly the same model: every extraction in the parse tests is also a differential test.
 */
export async function extract(text: string, file = 'test.rs'): Promise<SourceFile> {
  const p = await getParser();
  const tree = p.parse(text);
  try {
    const fast = extractFile(tree, text, file);
    const slow = extractFile(tree, text, file, { fast: false });
    try {
      assert.deepStrictEqual(fast, slow, `fast and tree paths differ on:\n${text.slice(0, 500)}`);
    } catch (e) {
      // A model hundreds of levels deep (the nesting tests) can exhaust the stack of the
      // comparison itself: compared as JSON text then (the same fields, in the same order).
      if (!(e instanceof RangeError)) throw e;
      assert.ok(JSON.stringify(fast) === JSON.stringify(slow), `fast and tree paths differ on:\n${text.slice(0, 500)}`);
    }
    return fast;
  } finally {
    tree.delete();
  }
}

/** The member(s) of Item whose `kind` can be K (ConstDef's kind is 'const' | 'static'). */
export type ItemOf<K> = Item extends infer I ? (I extends { kind: infer IK } ? (K extends IK ? I : never) : never) : never;

export function item<K extends Item['kind']>(f: SourceFile, kind: K, name?: string): ItemOf<K> {
  for (const it of f.items) {
    if (it.kind === kind && (name === undefined || ('name' in it && it.name === name))) {
      return it as ItemOf<K>;
    }
  }
  throw new Error(`no ${kind} ${name ?? ''} in [${f.items.map((i) => i.kind + ':' + ('name' in i ? i.name : '')).join(', ')}]`);
}

export function struct(f: SourceFile, name: string): StructDef {
  return item(f, 'struct', name);
}

export function enumDef(f: SourceFile, name: string): EnumDef {
  return item(f, 'enum', name);
}

/** Compact, span-free rendering of a type, for table-driven assertions. */
export function showType(t: TypeExpr): string {
  switch (t.kind) {
    case 'path': {
      const segs = t.segments.map((s) => {
        if (!s.args.length) return s.name;
        const args = s.args.map((a) => {
          switch (a.kind) {
            case 'type':
              return showType(a.ty);
            case 'const':
              return '{' + showConst(a.value) + '}';
            case 'lifetime':
              return a.name;
            case 'binding':
              return `${a.name}=${showType(a.ty)}`;
          }
        });
        return `${s.name}<${args.join(', ')}>`;
      });
      return (t.qualified ? 'Q:' : '') + (t.global ? '::' : '') + segs.join('::');
    }
    case 'ref':
      return `&${t.mutable ? 'mut ' : ''}${showType(t.inner)}`;
    case 'ptr':
      return `*${t.mutable ? 'mut' : 'const'} ${showType(t.inner)}`;
    case 'array':
      return `[${showType(t.elem)}; ${showConst(t.len)}]`;
    case 'slice':
      return `[${showType(t.elem)}]`;
    case 'tuple':
      return `(${t.elems.map(showType).join(', ')})`;
    case 'fnptr':
      return 'fn';
    case 'never':
      return '!';
    case 'dyn':
      return `dyn ${t.bounds.join('+')}`;
    case 'impl':
      return 'impl';
    case 'infer':
      return '_';
    case 'macro':
      return `macro:${t.text}`;
    case 'unknown':
      return `?${t.text}`;
  }
}

export function showConst(c: ConstExpr): string {
  switch (c.kind) {
    case 'int':
      return c.value.toString();
    case 'bool':
      return String(c.value);
    case 'path':
      return c.path.join('::');
    case 'unary':
      return `(${c.op}${showConst(c.operand)})`;
    case 'binary':
      return `(${showConst(c.left)} ${c.op} ${showConst(c.right)})`;
    case 'cast':
      return `(${showConst(c.expr)} as ${showType(c.ty)})`;
    case 'sizeOf':
      return `size_of<${showType(c.ty)}>`;
    case 'alignOf':
      return `align_of<${showType(c.ty)}>`;
    case 'call':
      return `${c.callee.join('::')}${c.typeArgs ? `::<${c.typeArgs.map((a) => (a.kind === 'type' ? showType(a.ty) : a.kind)).join(', ')}>` : ''}(${c.args.map(showConst).join(', ')})`;
    case 'method':
      return `${showConst(c.receiver)}.${c.name}(${c.args.map(showConst).join(', ')})`;
    case 'if':
      return `if ${showConst(c.cond)} { ${showConst(c.then)} } else { ${showConst(c.else)} }`;
    case 'block':
      return `{ ${c.lets.map((l) => `let ${l.name}${l.ty ? `: ${showType(l.ty)}` : ''} = ${showConst(l.value)}; `).join('')}${showConst(c.value)} }`;
    case 'match':
      return `match ${showConst(c.scrutinee)} { ${c.arms.map((a) => `${a.pats.map(showPat).join(' | ')} => ${showConst(a.value)}`).join(', ')} }`;
    case 'str':
      return `str${c.bytes ? ' bytes' : ''}(${c.len})`;
    case 'array':
      return `[${c.elems.map(showConst).join(', ')}]`;
    case 'repeat':
      return `[${showConst(c.elem)}; ${showConst(c.count)}]`;
    case 'ref':
      return `&${showConst(c.expr)}`;
    case 'unknown':
      return `?${c.text}`;
  }
}

function showPat(p: ConstPat): string {
  switch (p.kind) {
    case 'wild':
      return '_';
    case 'lit':
      return showConst(p.value);
    case 'range':
      return `${p.lo ? showConst(p.lo) : ''}${p.inclusive ? '..=' : '..'}${p.hi ? showConst(p.hi) : ''}`;
    case 'path':
      return p.path.join('::');
    case 'unknown':
      return `?${p.text}`;
  }
}

/** Small deterministic PRNG (mulberry32) for randomized tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A proposed edit: replace [start, end) with the text. */
export type TextEdit = [start: number, end: number, insert: string];

/**
 * A simulated editing session: at each of `steps` steps, picks an edit kind by `weights` and
 * yields what `kinds[k]()` proposes (steps where it proposes nothing are skipped). The last kind
 * is the random one (usually a syntax error): the next step undoes it, as when typing on.
 * `text()` is the document's text when the edit is applied; `kind` is -1 for an undo.
 */
export function* editSession(
  random: () => number,
  kinds: readonly (() => TextEdit | undefined)[],
  weights: readonly number[],
  steps: number,
  text: () => string,
): Generator<{ step: number; kind: number; edit: TextEdit }> {
  const total = weights.reduce((a, b) => a + b, 0);
  let undo: TextEdit | undefined;
  for (let step = 0; step < steps; step++) {
    let r = random() * total;
    let k = 0;
    while (r >= weights[k]!) r -= weights[k++]!;
    const edit = undo ?? kinds[k]!();
    if (undo) k = -1;
    undo = undefined;
    if (!edit) continue;
    if (k === kinds.length - 1) undo = [edit[0], edit[0] + edit[2].length, text().slice(edit[0], edit[1])];
    yield { step, kind: k, edit };
  }
}

/** Document positions computed independently of src/parse (split on \n, UTF-16 columns). */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

export function change(text: string, start: number, end: number, insert: string): ContentChange {
  return {
    range: { start: positionOf(text, start), end: positionOf(text, end) },
    rangeOffset: start,
    rangeLength: end - start,
    text: insert,
  };
}

export function apply(text: string, c: ContentChange): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

/** Each item's own positions (not its fields', types' or attributes'), inline modules' items included. */
function ownPositions(items: readonly Item[]): unknown[] {
  return items.map((it) => ({
    kind: it.kind,
    span: it.span,
    nameSpan: 'nameSpan' in it ? it.nameSpan : undefined,
    line: 'line' in it ? it.line : undefined,
    bodySpan: 'bodySpan' in it ? it.bodySpan : undefined,
    items: it.kind === 'mod' && it.items ? ownPositions(it.items) : undefined,
  }));
}

/**
 * Canonical JSON: a shifted copy may order keys differently and hold an optional key as
 * `undefined` where the original has none; neither is observable.
 */
export function canonicalJson(f: unknown): string {
  return JSON.stringify(
    f,
    (_k, v: unknown) =>
      typeof v === 'bigint' ? `${v}n` : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
    1,
  );
}

/**
 * `model` (built incrementally) is a full extraction's `fresh`. Moved items share their contents
 * with the item they moved from (src/core/positions.ts): placed, they are exactly a full
 * extraction's; unplaced, their own positions already are.
 */
export function assertSameModel(model: SourceFile, fresh: SourceFile, what: string): void {
  const a = canonicalJson({ ...model, items: placedAll(model.items) });
  const b = canonicalJson(fresh);
  if (a !== b) {
    // Long models: say where they part (assert's own diff cuts long strings short).
    let i = 0;
    while (a[i] === b[i]) i++;
    assert.fail(`${what}: incremental model differs at character ${i}:\n${a.slice(Math.max(0, i - 400), i + 200)}\n--- full extraction:\n${b.slice(Math.max(0, i - 400), i + 200)}`);
  }
  assert.equal(canonicalJson(ownPositions(model.items)), canonicalJson(ownPositions(fresh.items)), `${what}: an item's own positions differ`);
}

/** Counts the trees `parser` hands out and checks each is deleted once; `budget` (ms) by text, for the given-up parse tests. */
export function tracking(parser: RustParser, budget?: (text: string) => number | undefined): { parser: RustParser; live: () => number; created: () => number } {
  let created = 0;
  let deleted = 0;
  const track = (t: Tree): Tree => {
    created++;
    const del = t.delete.bind(t);
    let done = false;
    t.delete = () => {
      assert.equal(done, false, 'tree deleted twice');
      done = true;
      deleted++;
      del();
    };
    return t;
  };
  const wrapped: RustParser = {
    get language() {
      return parser.language;
    },
    get isDisposed() {
      return parser.isDisposed;
    },
    async parseInSlices(text: string, sliceMs?: number): Promise<Tree> {
      return track(await parser.parseInSlices(text, sliceMs));
    },
    parse(text: string, old?: Tree | null, options?: ParseOptions): Tree {
      const budgetMs = budget?.(text);
      return track(parser.parse(text, old, budgetMs === undefined ? options : { ...options, budgetMs }));
    },
    dispose() {
      /* the shared parser is not ours to dispose */
    },
  };
  return { parser: wrapped, live: () => created - deleted, created: () => created };
}

