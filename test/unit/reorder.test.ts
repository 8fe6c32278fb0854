/** The repr(C) reorder planner and its text edits, on hand-written structs (strings in, strings out). */
import assert from 'node:assert/strict';
import { applyEdits, cPadding, cStructSize, pinLayoutEdit, planReorder, reorderEdits } from '../../src/core/reorder';
import { extract, getParser, struct } from './parseHelpers';

const SIZES: Record<string, [number, number]> = {
  u8: [1, 1],
  u16: [2, 2],
  u32: [4, 4],
  u64: [8, 8],
  f64: [8, 8],
  u128: [16, 16],
  '[u8; 3]': [3, 1],
};

/** Reorders struct `name` of `text` into its minimal-padding order; returns the new text. */
async function reorder(text: string, name = 'S'): Promise<string | undefined> {
  const f = await extract(text);
  const s = struct(f, name);
  const shapes = s.fields.map((fd) => {
    const t = text.slice(fd.ty.span.start, fd.ty.span.end);
    const sa = SIZES[t];
    assert.ok(sa, `no size for ${t}`);
    return { size: sa[0], align: sa[1] };
  });
  const plan = planReorder(shapes);
  if (!plan) return undefined;
  const edits = reorderEdits(text, s, plan.order);
  return edits && applyEdits(text, edits);
}

async function reparsesCleanly(text: string): Promise<boolean> {
  const p = await getParser();
  const tree = p.parse(text);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

describe('reorder planner', () => {
  it('computes repr(C) sizes like rustc', () => {
    assert.deepEqual(cStructSize([{ size: 1, align: 1 }, { size: 8, align: 8 }, { size: 2, align: 2 }]), { size: 24, align: 8 });
    assert.equal(cPadding([{ size: 1, align: 1 }, { size: 8, align: 8 }, { size: 2, align: 2 }]), 13);
    assert.equal(cPadding([{ size: 8, align: 8 }, { size: 2, align: 2 }, { size: 1, align: 1 }]), 5);
    // repr(align(32)) on the struct rounds the size up.
    assert.deepEqual(cStructSize([{ size: 8, align: 8 }], 32), { size: 32, align: 32 });
  });

  it('sorts by descending alignment, ties in declaration order', () => {
    const plan = planReorder([
      { size: 1, align: 1 },
      { size: 8, align: 8 },
      { size: 2, align: 2 },
      { size: 1, align: 1 },
      { size: 8, align: 8 },
    ]);
    assert.ok(plan);
    assert.deepEqual(plan.order, [1, 4, 2, 0, 3]);
    assert.equal(plan.padding, 12); // a@0 b@8 c@16 d@18 e@24 → 32 bytes, 20 of them fields
    assert.equal(plan.bestPadding, 4);
    assert.equal(plan.saved, plan.padding - plan.bestPadding);
  });

  it('offers nothing when the order is already minimal', () => {
    assert.equal(planReorder([{ size: 8, align: 8 }, { size: 1, align: 1 }]), undefined);
    assert.equal(planReorder([{ size: 1, align: 1 }]), undefined);
    // Tail padding no order can remove: { u64, u8 } in any order is 16.
    assert.equal(planReorder([{ size: 1, align: 1 }, { size: 8, align: 8 }]), undefined);
  });
});

describe('reorder edits', () => {
  it('moves doc comments, attributes, visibility, comments and keeps the comma style', async () => {
    const text = [
      '#[repr(C)]',
      'pub struct S {',
      '    // the tag',
      '    /// Doc for a.',
      '    #[allow(unused)]',
      '    pub a: u8, // after a',
      '',
      '    /* about b */',
      '    pub(crate) b: u64,',
      '    c: u16 // last, no comma',
      '}',
      '',
    ].join('\n');
    const out = await reorder(text);
    assert.equal(
      out,
      [
        '#[repr(C)]',
        'pub struct S {',
        '    /* about b */',
        '    pub(crate) b: u64,',
        '',
        '    c: u16, // last, no comma',
        '    // the tag',
        '    /// Doc for a.',
        '    #[allow(unused)]',
        '    pub a: u8 // after a',
        '}',
        '',
      ].join('\n'),
    );
    assert.ok(await reparsesCleanly(out));
  });

  it('reorders a one-line struct and a tuple struct', async () => {
    assert.equal(await reorder('#[repr(C)] struct S { a: u8, b: u64, c: u16 }'), '#[repr(C)] struct S { b: u64, c: u16, a: u8 }');
    assert.equal(await reorder('#[repr(C)] struct S(u8, u64, u16,);'), '#[repr(C)] struct S(u64, u16, u8,);');
  });

  it('keeps comments on the opening brace line and before the closing brace in place', async () => {
    const text = '#[repr(C)]\nstruct S { // fields\n    a: u8,\n    b: u64,\n    c: u16,\n    // end\n}\n';
    assert.equal(await reorder(text), '#[repr(C)]\nstruct S { // fields\n    b: u64,\n    c: u16,\n    a: u8,\n    // end\n}\n');
  });

  it('refuses when a line comment would swallow the rest of a one-line struct', async () => {
    const text = '#[repr(C)]\nstruct S { a: u8, // c\n b: u64, c: u16 }\n';
    assert.equal(await reorder(text), undefined);
  });

  it('leaves CRLF line endings alone', async () => {
    const text = '#[repr(C)]\r\nstruct S {\r\n    a: u8, // x\r\n    b: u64,\r\n    c: u16,\r\n}\r\n';
    assert.equal(await reorder(text), '#[repr(C)]\r\nstruct S {\r\n    b: u64,\r\n    c: u16,\r\n    a: u8, // x\r\n}\r\n');
  });
});

describe('pin layout edit', () => {
  it('inserts size and align assertions after the item with its indentation', async () => {
    const text = 'mod m {\n    pub struct P { x: f64 }\n}\n';
    const f = await extract(text);
    const m = f.items.find((i) => i.kind === 'mod');
    assert.ok(m && m.kind === 'mod' && m.items);
    const p = m.items.find((i) => i.kind === 'struct');
    assert.ok(p && p.kind === 'struct');
    const out = applyEdits(text, [pinLayoutEdit(text, p.span, 'P', 8, 8)]);
    assert.equal(
      out,
      'mod m {\n    pub struct P { x: f64 }\n    const _: () = assert!(core::mem::size_of::<P>() == 8);\n    const _: () = assert!(core::mem::align_of::<P>() == 8);\n}\n',
    );
    assert.ok(await reparsesCleanly(out));
  });
});
