/**
 * The panel's pure parts: the byte grid model (fields, padding, tag, niche, variant rows, cache
 * lines), which type the cursor is on, and the doc comment the diagram shows.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import type { TypeReport } from '../../src/core/reportTypes';
import { docLines, typeAtOffset } from '../../src/analysis/typeAt';
import { buildGrid, cellUnit, describeCell } from '../../src/webview/grid';

const wasmDir = path.join(__dirname, '../../../dist');
const X86 = 'x86_64-unknown-linux-gnu';

const SRC = `
/// 24 bytes, <b>13</b> of padding.
/** Second
 * block */
#[repr(C)]
pub struct Header { tag: u8, length: u64, flags: u16 }

pub enum Token { Word(String), Number(u64), End }

pub enum Shape { Circle { r: f64 }, Rect { w: f64, h: f64 }, Empty }

pub union U { a: u8, b: u32 }

pub struct Big { a: [u8; 100], b: u64 }

pub struct Huge { a: [u8; 4096] }
`;

describe('guide panel: grid, cursor, doc comments', () => {
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());
  let types: readonly TypeReport[];
  const get = (name: string): TypeReport => types.find((t) => t.name === name)!;
  before(async () => {
    types = (await analyzer.analyzeText('/x/lib.rs', SRC, X86)).types;
  });

  it('lays a repr(C) struct out byte by byte: fields, padding, colours', () => {
    const g = buildGrid(get('Header'));
    assert.equal(g.rows.length, 1);
    const kinds = g.rows[0]!.cells.map((c) => (c.kind === 'field' ? c.field!.name[0] : '.')).join('');
    assert.equal(kinds, 't.......llllllllff......');
    assert.deepEqual(new Set(g.rows[0]!.cells.filter((c) => c.kind === 'field').map((c) => c.colour)), new Set([0, 1, 2]));
    const r = g.rows[0]!;
    assert.equal(describeCell(get('Header'), r, r.cells[9]!, false), 'byte 9: field length: u64, offset 8, size 8');
    assert.equal(describeCell(get('Header'), r, r.cells[20]!, false), 'byte 20: padding');
  });

  it('gives enums one row per variant with the tag marked (direct tag)', () => {
    const shape = get('Shape');
    const g = buildGrid(shape);
    assert.deepEqual(g.rows.map((r) => r.label), ['Circle', 'Rect', 'Empty']);
    const tagBytes = (i: number) => g.rows[i]!.cells.filter((c) => c.kind === 'tag').length;
    assert.equal(tagBytes(0), shape.tag!.size);
    assert.equal(tagBytes(2), shape.tag!.size);
    assert.ok(g.rows[2]!.cells.slice(shape.tag!.size).every((c) => c.kind === 'padding'));
  });

  it('shows a niche-encoded tag inside the dataful variant and as the tag elsewhere', () => {
    const token = get('Token');
    assert.equal(token.tag?.encoding, 'niche');
    const g = buildGrid(token);
    const word = g.rows.find((r) => r.label === 'Word')!;
    assert.ok(word.cells.every((c) => c.kind === 'field'));
    assert.equal(word.cells.filter((c) => c.nicheTag).length, token.tag!.size);
    const end = g.rows.find((r) => r.label === 'End')!;
    assert.equal(end.cells.filter((c) => c.kind === 'tag').length, token.tag!.size);
    assert.match(describeCell(token, word, word.cells.find((c) => c.nicheTag)!, true), /^Word: byte \d+: field 0: String.*holds the tag in its niche/);
  });

  it('overlays union fields, one row each', () => {
    const g = buildGrid(get('U'));
    assert.deepEqual(g.rows.map((r) => r.cells.map((c) => c.kind[0]).join('')), ['fppp', 'ffff']);
  });

  it('marks 64-byte cache lines and groups bytes of large types', () => {
    const big = buildGrid(get('Big'));
    assert.deepEqual(big.rows[0]!.cells.filter((c) => c.cacheLine).map((c) => c.start), [64]);
    assert.equal(cellUnit(4096), 8);
    const huge = buildGrid(get('Huge'));
    assert.equal(huge.unit, 8);
    assert.equal(huge.rows[0]!.cells.length, 512);
    assert.deepEqual(huge.rows[0]!.cells.filter((c) => c.cacheLine).length, 4096 / 64 - 1);
    assert.match(describeCell(get('Huge'), huge.rows[0]!, huge.rows[0]!.cells[1]!, false), /^bytes 8–15: field a/);
  });

  it('draws nothing for a type whose size is unknown', () => {
    assert.deepEqual(buildGrid({ name: 'W', kind: 'struct', file: 'x', line: 1, size: null, unknown: 'generic' }).rows, []);
  });

  it('finds the type under the cursor: inside its text, else by the word at the cursor', () => {
    const at = (needle: string, delta = 0) => typeAtOffset(types, SRC, SRC.indexOf(needle) + delta)?.name;
    assert.equal(at('length'), 'Header');
    assert.equal(at('/// 24 bytes'), 'Header');
    assert.equal(at('Number'), 'Token');
    assert.equal(at('\n\npub union', 1), undefined);
    const other = 'fn f(h: Header) {}';
    assert.equal(typeAtOffset(types, other, other.indexOf('Header') + 2)?.name, 'Header');
    assert.equal(typeAtOffset(types, other, 0), undefined);
  });

  it('reads the doc comment in front of a type, markers stripped, text untouched', () => {
    assert.deepEqual(docLines(SRC, get('Header')), ['24 bytes, <b>13</b> of padding.', 'Second', 'block ']);
    assert.deepEqual(docLines(SRC, get('Token')), []);
  });
});
