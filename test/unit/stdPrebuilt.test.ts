/**
 * The modelled std parsed at build time (dist/std-model.json, src/core/stdModel.ts): it is the
 * model a parse of today's std source gives, a stale one is refused, and an analyser that reads
 * it lays out what one that parses std lays out.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { STD_SOURCE } from '../../src/core/stdSource';
import { STD_MODEL_FILE, decodeStdModel, encodeStdModel, stdFingerprint as fingerprintOf } from '../../src/core/stdModel';
import { readStdModel } from '../../src/platform/stdModelFile';

const stdFingerprint = (text: string = STD_SOURCE): string => fingerprintOf(text);

const DIST = join(__dirname, '../../../dist');

describe('the std model made at build time', function () {
  this.timeout(60_000);

  it('is the model of the current std source, bigints and all', async () => {
    const prebuilt = readStdModel(DIST);
    assert.ok(prebuilt, `${STD_MODEL_FILE} missing or stale in dist/ (run npm run build)`);
    const analyzer = new Analyzer({ wasmDir: DIST });
    try {
      const fresh = await analyzer.parseFile('<std>', STD_SOURCE, { budgetMs: Infinity });
      assert.deepEqual(prebuilt, fresh);
      assert.ok(JSON.stringify(prebuilt, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)).includes('n"'), 'the model holds bigints (discriminants, array lengths)');
    } finally {
      analyzer.dispose();
    }
  });

  it('is refused when made from another std text or format', () => {
    const json = readFileSync(join(DIST, STD_MODEL_FILE), 'utf8');
    assert.ok(decodeStdModel(json, stdFingerprint()));
    assert.equal(decodeStdModel(json, stdFingerprint(`${STD_SOURCE} `)), undefined);
    assert.equal(readStdModel(DIST, `${STD_SOURCE}\n// changed`), undefined, 'a model of another std text is refused');
    assert.match(json, /^\{"format":\d+,/);
    assert.equal(decodeStdModel(json.replace(/^\{"format":\d+,/, '{"format":0,'), stdFingerprint()), undefined);
    assert.notEqual(stdFingerprint('a'), stdFingerprint('b'));
    const round = decodeStdModel(encodeStdModel({ path: '<std>', items: [], problems: [], innerAttrs: [] }, 'x'), 'x');
    assert.deepEqual(round, { path: '<std>', items: [], problems: [], innerAttrs: [] });
  });

  it('an analyser reading it lays out as one parsing std', async () => {
    const text = 'use std::collections::HashMap;\npub struct S { a: Vec<u8>, b: Option<std::num::NonZeroU32>, c: HashMap<u8, String>, d: std::sync::Arc<std::sync::Mutex<u64>>, e: [u16; 3] }\npub enum E { A(std::time::Duration), B(char), C }\n';
    let read = 0;
    const withModel = new Analyzer({ wasmDir: DIST, prebuiltStd: () => (read++, readStdModel(DIST)) });
    const parsing = new Analyzer({ wasmDir: DIST });
    try {
      const a = await withModel.analyzeText('/x.rs', text);
      const b = await parsing.analyzeText('/x.rs', text);
      assert.equal(JSON.stringify(a), JSON.stringify(b));
      assert.ok(a.types.every((t) => t.size != null), JSON.stringify(a.types.map((t) => t.unknown)));
      await withModel.analyzeText('/y.rs', text);
      assert.equal(read, 1, 'read once');
    } finally {
      withModel.dispose();
      parsing.dispose();
    }
  });
});
