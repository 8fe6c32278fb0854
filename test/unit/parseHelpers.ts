/** Shared helpers for the parse tests: the real grammar, loaded once from dist/. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { loadRustParser, type RustParser } from '../../src/parse/parser';
import { extractFile } from '../../src/parse/extract';
import type { Item, SourceFile, TypeExpr, ConstExpr, StructDef, EnumDef } from '../../src/core/model';

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
    assert.deepStrictEqual(fast, slow, `fast and tree paths differ on:\n${text.slice(0, 500)}`);
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
    case 'unknown':
      return `?${c.text}`;
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
