/** Hover text: numbers only when the report vouches for them; markdown safely escaped. */
import assert from 'node:assert/strict';
import type { FieldReport, TypeReport } from '../../src/core/reportTypes';
import {
  escapeMarkdown,
  fieldHoverMarkdown,
  fieldTable,
  inlineCodeText,
  sameFile,
  guideLink,
  heapNote,
  lensTitle,
  paddingText,
  typeExprHoverMarkdown,
  typeHoverMarkdown,
  typeSummary,
} from '../../src/features/layoutText';

function field(name: string, type: string, offset: number, size: number, paddingAfter = 0): FieldReport {
  return { name, type, offset, size, align: size, paddingAfter };
}

const base = { kind: 'struct', file: 'src/lib.rs', line: 1 } as const;
const mixed: TypeReport = {
  ...base,
  name: 'Mixed',
  size: 16,
  align: 8,
  padding: 5,
  fields: [field('a', 'u8', 10, 1, 5), field('b', 'u64', 0, 8), field('c', 'u16', 8, 2)],
};

describe('layoutText', () => {
  it('summarises a known layout on one line', () => {
    assert.equal(typeSummary(mixed), '**Mixed** — size 16 · align 8 · 5 B padding (31%)');
    assert.equal(typeSummary({ ...base, name: 'Point', size: 16, align: 8, padding: 0 }), '**Point** — size 16 · align 8 · no padding');
  });

  it('names a type in an anonymous constant’s block as rustc does (`m::_::P`)', () => {
    assert.equal(typeSummary({ ...base, name: 'm::_#16#1kcib18::P', size: 4, align: 4, padding: 0 }), '**m::\\_::P** — size 4 · align 4 · no padding');
    const t: TypeReport = { ...base, name: '_#3#x::Q', size: null, unknown: 'unknown type `_#3#x::Gone` (not found)' };
    assert.equal(typeSummary(t), '**\\_::Q** — unknown: unknown type `_::Gone` \\(not found\\)');
  });

  it('shows no number for an unknown layout, even if a size slipped through', () => {
    const t: TypeReport = { ...base, name: 'Wrapper', size: null, unknown: 'generic: needs type arguments' };
    assert.equal(typeSummary(t), '**Wrapper** — unknown: generic: needs type arguments');
    const contradictory: TypeReport = { ...mixed, unknown: 'unknown type `regex::Regex` (external crate)' };
    const md = typeHoverMarkdown(contradictory, 'x86_64-unknown-linux-gnu');
    assert.doesNotMatch(md, /size \d|offset|\b16\b/);
    assert.match(md, /unknown type `regex::Regex` \\\(external crate\\\)/);
  });

  it('shows the error of a type rustc rejects, without numbers', () => {
    const t: TypeReport = { ...base, name: 'List', size: null, error: 'E0072: recursive type `List` has infinite size' };
    assert.equal(typeSummary(t), '**List** — error: E0072: recursive type `List` has infinite size');
  });

  it('lists fields in memory order with the padding between them', () => {
    assert.equal(
      fieldTable(mixed.fields ?? [], 16),
      ['```text', 'offset  size  field', '     0     8  b: u64', '     8     2  c: u16', '    10     1  a: u8', '    11     5  (padding)', '```'].join('\n'),
    );
    const padded = [field('a', 'u8', 0, 1, 7), field('b', 'u64', 8, 8), field('c', 'u16', 16, 2, 6)];
    assert.match(fieldTable(padded, 24), /\n {5}1 {5}7 {2}\(padding\)\n/);
  });

  it('names the target and describes tags and niches of enums', () => {
    const e: TypeReport = {
      ...base,
      kind: 'enum',
      name: 'Shape',
      size: 24,
      align: 8,
      tag: { size: 1, offset: 0, encoding: 'direct' },
      niche: { offset: 0, size: 1, count: '253' },
      variants: [
        { name: 'Circle', size: 16, fields: [] },
        { name: 'Never', size: 0, fields: [], absent: true },
      ],
    };
    const md = typeHoverMarkdown(e, 'i686-unknown-linux-gnu');
    assert.match(md, /Tag: 1 byte at offset 0\./);
    assert.match(md, /Niche: 253 spare values in 1 byte at offset 0/);
    assert.match(md, /Variants \(bytes used, tag included\): Circle 16 · Never absent/);
    assert.match(md, /\*i686\\-unknown\\-linux\\-gnu\* · \[Learn more\]\(command:rustLayout\.openGuide\?/);
  });

  it('gives a field hover its offset and the padding after it', () => {
    const md = fieldHoverMarkdown(mixed, field('a', 'u8', 10, 1, 5), 'x86_64-unknown-linux-gnu');
    assert.match(md, /^\*\*a\*\*: `u8` — offset 10 · size 1 · align 1 · then 5 bytes of padding/);
  });

  it('gives a packed struct\'s field the alignment it is placed at, its type\'s beside it (hunt L)', () => {
    const packed: TypeReport = { ...base, name: 'P', size: 5, align: 1, padding: 0, repr: 'packed', fields: [field('a', 'u8', 0, 1), field('b', 'u32', 1, 4)] };
    assert.match(fieldHoverMarkdown(packed, packed.fields![1]!, 't'), /offset 1 · size 4 · align 1 here \(packed; its type's is 4\)/);
    const two: TypeReport = { ...packed, repr: 'C, packed(2)', size: 6, align: 2 };
    assert.match(fieldHoverMarkdown(two, field('b', 'u32', 2, 4), 't'), /align 2 here \(packed; its type's is 4\)/);
    assert.match(fieldHoverMarkdown(two, field('a', 'u8', 0, 1), 't'), /size 1 · align 1 ·/);
  });

  it('escapes markdown and HTML outside code spans', () => {
    assert.equal(escapeMarkdown('a<b>*_'), 'a&lt;b&gt;\\*\\_');
    assert.equal(inlineCodeText('type `Vec<T>` <T>'), 'type `Vec<T>` &lt;T&gt;');
    assert.equal(inlineCodeText('odd ` tick'), 'odd \\` tick');
  });

  it('matches report files to document paths', () => {
    assert.ok(sameFile('src/lib.rs', '/home/u/crate/src/lib.rs'));
    assert.ok(sameFile('/home/u/crate/src/lib.rs', '/home/u/crate/src/lib.rs'));
    assert.ok(sameFile('', '/x.rs'));
    assert.ok(!sameFile('src/shapes.rs', '/home/u/crate/src/lib.rs'));
    assert.ok(!sameFile('lib.rs', '/home/u/crate/src/mylib.rs'));
  });

  it('formats padding with its share of the size, and CodeLens titles', () => {
    assert.equal(paddingText(7, 24), '7 B padding (29%)');
    assert.equal(paddingText(0, 24), 'no padding');
    assert.equal(lensTitle({ ...base, name: 'P', size: 24, align: 8, padding: 7 }), '24 B · align 8 · 7 B padding');
    assert.equal(lensTitle({ ...base, name: 'P', size: 16, align: 8, padding: 0 }), '16 B · align 8 · no padding');
    assert.equal(lensTitle({ ...base, name: 'W', size: null, unknown: 'generic: needs type arguments' }), 'size unknown: generic: needs type arguments');
    assert.equal(lensTitle({ ...base, name: 'L', size: null, error: 'E0072: recursive type `L` has infinite size' }), 'error E0072');
    assert.equal(lensTitle({ ...base, name: 'O', size: null, error: 'overflowing_literals: literal `256` out of range for a 8-bit unsigned integer (a lint rustc denies by default)' }), 'error: overflowing_literals (a lint denied by default)');
  });

  it('notes heap-owning fields: the bytes here and where the buffer lives', () => {
    assert.equal(heapNote({ name: 'Vec' }, 24), '24 B here (pointer, capacity and length); the buffer is on the heap.');
    assert.match(heapNote({ name: 'Box', inOption: true }, 8) ?? '', /^8 B here \(a pointer\); the value is on the heap\. `None` is the null pointer/);
    assert.match(heapNote({ name: 'HashMap' }, 48) ?? '', /48 B here/);
    assert.equal(heapNote(undefined, 8), undefined);
    const md = typeHoverMarkdown({ ...base, name: 'S', size: 24, align: 8, padding: 0, fields: [{ ...field('v', 'Vec<u64>', 0, 24), stdOwner: { name: 'Vec' } }] }, 'x86_64-unknown-linux-gnu');
    assert.match(md, /`v: Vec<u64>`: 24 B here/);
    assert.match(md, /command:rustLayout\.openGuide\?%7B%22chapter%22%3A%22vec%22%2C%22section%22%3A%22triplet%22%7D/);
  });

  it('links the guide through an encoded command URI', () => {
    const link = guideLink('layout', 'padding');
    const m = /\(command:rustLayout\.openGuide\?([^ )]+)/.exec(link);
    assert.ok(m);
    assert.deepEqual(JSON.parse(decodeURIComponent(m[1]!)), { chapter: 'layout', section: 'padding' });
  });

  it('describes a type written in a field', () => {
    const md = typeExprHoverMarkdown('Option<Box<u8>>', { size: 8, align: 8, niche: '0', uninhabited: false, stdOwner: { name: 'Box', inOption: true } }, 'x86_64-unknown-linux-gnu');
    assert.match(md, /^`Option<Box<u8>>` — size 8 · align 8\n/);
    assert.match(md, /the value is on the heap/);
    assert.match(typeExprHoverMarkdown('Foo', { unknown: 'unknown type `Foo`' }, 't'), /unknown: unknown type `Foo`/);
    // One spare value, in the singular (a `&str`'s null pointer).
    assert.match(typeExprHoverMarkdown('&str', { size: 16, align: 8, niche: '1', uninhabited: false }, 't'), /^`&str` — size 16 · align 8 · niche: 1 spare value\n/);
    assert.match(typeHoverMarkdown({ ...mixed, niche: { offset: 0, size: 8, count: '1' } }, 't'), /Niche: 1 spare value in 8 bytes at offset 0\./);
  });
});
