import assert from 'node:assert/strict';
import { chunkAt } from '../../src/parse/parser';
import { extractFile } from '../../src/parse/extract';
import { getParser } from './parseHelpers';

describe('parse: RustParser input', () => {
  it('parses astral characters wherever they fall on the border of a read (no spurious syntax errors)', async () => {
    const parser = await getParser();
    // Char literals of astral characters (a Unicode table) over several read borders; one more
    // character before them moves every pair by one unit, so both parities meet each border.
    const table = Array.from({ length: 1500 }, (_, i) => `    ('${String.fromCodePoint(0x1e900 + (i % 60))}', '😀'),\n`).join('');
    for (const pad of ['', ' ', '  ']) {
      const text = `const E: &[(char, char)] = &[${pad}\n${table}];\n// 😀 ${'𝕒'.repeat(3000)}\nstruct After { a: u8 }\n`;
      const tree = parser.parse(text);
      try {
        assert.equal(tree.rootNode.hasError, false, `padding ${JSON.stringify(pad)}: a syntax error`);
        const f = extractFile(tree, text, 'emoji.rs');
        assert.deepEqual(
          f.items.map((it) => ('name' in it ? it.name : it.kind)),
          ['E', 'After'],
        );
      } finally {
        tree.delete();
      }
    }
  });

  it('never hands tree-sitter half of a surrogate pair at the end of a read', () => {
    const text = 'a' + '😀'.repeat(5000);
    for (let i = 0; i < text.length; i += 997) {
      const chunk = chunkAt(text, i);
      assert.ok(chunk.length > 0);
      const last = chunk.charCodeAt(chunk.length - 1);
      assert.ok(!(last >= 0xd800 && last <= 0xdbff) || i + chunk.length === text.length, `read at ${i} ends inside a pair`);
    }
  });
});
