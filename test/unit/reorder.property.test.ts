/**
 * Property test of the repr(C) reorder: for 10,000 generated `#[repr(C)]` structs with
 * attributes, doc comments, visibility and comments (seeded, reproducible with RLL_SEED),
 *   - the reordered text re-parses with tree-sitter without ERROR/MISSING nodes,
 *   - it keeps every token (comments included) as a multiset,
 *   - every field keeps its own docs, attributes, visibility and comments,
 *   - its padding equals the brute-force minimum over all field orders,
 *   - no fix is offered when the declared order is already minimal.
 */
import assert from 'node:assert/strict';
import { applyEdits, cPadding, planReorder, reorderEdits, type FieldShape } from '../../src/core/reorder';
import type { StructDef } from '../../src/core/model';
import { extractFile } from '../../src/parse/extract';
import { getParser, rng } from './parseHelpers';

const SEED = Number(process.env.RLL_SEED ?? 20261121);
const COUNT = Number(process.env.RLL_REORDER_COUNT ?? 10_000);


/** x86_64 sizes and alignments (every size a multiple of its alignment, as in Rust). */
const TYPES: [string, number, number][] = [
  ['u8', 1, 1],
  ['bool', 1, 1],
  ['u16', 2, 2],
  ['i32', 4, 4],
  ['f32', 4, 4],
  ['char', 4, 4],
  ['u64', 8, 8],
  ['f64', 8, 8],
  ['usize', 8, 8],
  ['u128', 16, 16],
  ['[u8; 3]', 3, 1],
  ['[u16; 3]', 6, 2],
  ['[u32; 3]', 12, 4],
  ['()', 0, 1],
  ['(u8, u32)', 8, 4],
];

interface Generated {
  readonly text: string;
  readonly shapes: FieldShape[];
  readonly minAlign: number;
}

function generate(rand: () => number, id: number): Generated {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const n = rand() < 0.05 ? 1 : 2 + Math.floor(rand() * 5);
  const tuple = rand() < 0.15;
  const oneLine = rand() < 0.2;
  const trailingComma = rand() < 0.7;
  const align = rand() < 0.1 ? pick([8, 16, 32]) : 1;
  const shapes: FieldShape[] = [];
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const [ty, size, al] = pick(TYPES);
    shapes.push({ size, align: al });
    let f = '';
    const lead: string[] = [];
    if (!oneLine) {
      if (rand() < 0.25) lead.push(`// note ${id}.${i}`);
      if (rand() < 0.1) lead.push(`/* block ${i} */`);
      if (rand() < 0.3) lead.push(`/// Doc ${i}.`);
      if (rand() < 0.05) lead.push(`/** Block doc ${i}. */`);
    } else if (rand() < 0.1) {
      lead.push(`/* c${i} */`);
    }
    if (rand() < 0.3) lead.push(pick(['#[allow(dead_code)]', '#[cfg_attr(test, allow(unused))]', '#[doc(hidden)]']));
    const vis = pick(['', '', 'pub ', 'pub(crate) ']);
    f += lead.map((l) => l + (oneLine ? ' ' : '\n    ')).join('');
    f += tuple ? `${vis}${ty}` : `${vis}f${i}: ${ty}`;
    const last = i === n - 1;
    if (!last || trailingComma) f += ',';
    if (!oneLine && rand() < 0.3) f += pick([` // t${i}`, ` /* t${i} */`, `  // tail ${i}, with a comma`]);
    parts.push(f);
  }
  const repr = align > 1 ? `#[repr(C, align(${align}))]` : pick(['#[repr(C)]', '#[repr(C)]', '#[derive(Clone, Copy)]\n#[repr(C)]']);
  const docs = rand() < 0.5 ? `/// Struct ${id}.\n` : '';
  let body: string;
  if (oneLine) body = tuple ? `(${parts.join(' ')})` : `{ ${parts.join(' ')} }`;
  else {
    const opener = rand() < 0.1 ? ' // fields' : '';
    const closer = rand() < 0.1 ? '    // end of fields\n' : '';
    const blank = () => (rand() < 0.15 ? '\n' : '');
    const inner = parts.map((p) => `${blank()}    ${p}\n`).join('');
    body = tuple ? `(${opener}\n${inner}${closer})` : `{${opener}\n${inner}${closer}}`;
  }
  const text = `${docs}${repr}\npub struct S${id}${body}${tuple ? ';' : ''}\n\nfn after() {}\n`;
  return { text, shapes, minAlign: align };
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  return out;
}
const PERMS = new Map<number, number[][]>();
function bruteMin(shapes: readonly FieldShape[], minAlign: number): number {
  if (!PERMS.has(shapes.length)) PERMS.set(shapes.length, permutations(shapes.length));
  let best = Infinity;
  for (const p of PERMS.get(shapes.length)!) best = Math.min(best, cPadding(p.map((i) => shapes[i]!), minAlign));
  return best;
}

function tokens(text: string): string[] {
  return (text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_][A-Za-z0-9_]*|\d+|\S/g) ?? []).sort();
}

/** Everything attached to a field, for checking that it moved with the field. */
function attachments(text: string, s: StructDef): string[] {
  return s.fields.map((f) => `${f.vis ?? ''}|${text.slice(f.span.start, f.nameSpan.start)}|${f.attrs.map((a) => a.text).join('/')}|${text.slice(f.ty.span.start, f.ty.span.end)}`);
}

describe('reorder property: generated #[repr(C)] structs', function () {
  this.timeout(300_000);

  it(`${COUNT} structs (seed ${SEED}) reorder to the minimum padding, keep every token and re-parse cleanly`, async () => {
    const parser = await getParser();
    const rand = rng(SEED);
    const parse = (text: string, path: string) => {
      const tree = parser.parse(text);
      try {
        return { file: extractFile(tree, text, path), hasError: tree.rootNode.hasError };
      } finally {
        tree.delete();
      }
    };
    let planned = 0;
    for (let id = 0; id < COUNT; id++) {
      const g = generate(rand, id);
      const where = `struct #${id} (RLL_SEED=${SEED}):\n${g.text}`;
      const before = parse(g.text, 'gen.rs');
      assert.equal(before.hasError, false, `generator produced invalid Rust: ${where}`);
      const s = before.file.items.find((i): i is StructDef => i.kind === 'struct');
      assert.ok(s && s.fields.length === g.shapes.length, where);
      const min = bruteMin(g.shapes, g.minAlign);
      const plan = planReorder(g.shapes, g.minAlign);
      if (!plan) {
        assert.equal(cPadding(g.shapes, g.minAlign), min, `no plan although a better order exists: ${where}`);
        continue;
      }
      planned++;
      assert.equal(plan.bestPadding, min, where);
      const edits = reorderEdits(g.text, s, plan.order);
      assert.ok(edits, `no edit for ${where}`);
      const out = applyEdits(g.text, edits);
      const after = parse(out, 'gen.rs');
      assert.equal(after.hasError, false, `reordered text does not parse:\n${out}\nfrom ${where}`);
      assert.deepEqual(tokens(out), tokens(g.text), `tokens changed:\n${out}\nfrom ${where}`);
      const s2 = after.file.items.find((i): i is StructDef => i.kind === 'struct');
      assert.ok(s2, where);
      // The fields appear in the planned order, each with its own attachments.
      const names = s.fields.map((f) => g.text.slice(f.span.start, f.span.end));
      assert.deepEqual(
        s2.fields.map((f) => out.slice(f.span.start, f.span.end)),
        plan.order.map((i) => names[i]),
        `fields not in the planned order:\n${out}\nfrom ${where}`,
      );
      const att = attachments(g.text, s);
      assert.deepEqual(attachments(out, s2), plan.order.map((i) => att[i]), where);
      assert.equal(cPadding(plan.order.map((i) => g.shapes[i]!), g.minAlign), min, where);
      // Comments keep their lines: a line comment still ends a line.
      for (const m of out.matchAll(/\/\/[^\n]*/g)) assert.ok(out[m.index + m[0].length] === '\n', `comment not at end of line:\n${out}`);
    }
    assert.ok(planned > COUNT / 5, `only ${planned} of ${COUNT} generated structs needed a reorder`);
  });
});
