import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';

const wasmDir = path.join(__dirname, '../../../dist');

describe('engine smoke', () => {
  const analyzer = new Analyzer({ wasmDir });
  after(() => analyzer.dispose());
  it('lays out basic structs', async () => {
    const r = await analyzer.analyzeText('a.rs', `
struct Point { x: f64, y: f64 }
struct Mixed { a: u8, b: u64, c: u16 }
#[repr(C)] struct MixedC { a: u8, b: u64, c: u16 }
enum E { A(String), B(u64) }
struct Opt { a: Option<Box<u8>>, v: Vec<u8> }
struct List { next: List }
`);
    const by = new Map(r.types.map((t) => [t.name, t]));
    console.log(JSON.stringify(r.types.map(t=>[t.name,t.size,t.align,t.fields?.map(f=>f.offset),t.unknown,t.error])));
    assert.equal(by.get('Point')?.size, 16);
    assert.equal(by.get('Mixed')?.size, 16);
    assert.equal(by.get('MixedC')?.size, 24);
    assert.equal(by.get('E')?.size, 24);
    assert.equal(by.get('Opt')?.size, 32);
    assert.match(by.get('List')?.error ?? '', /E0072/);
  });
});
