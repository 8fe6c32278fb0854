/**
 * Build step (scripts/build.mjs runs it after the bundles): parses the modelled std with the
 * parser in DIR and writes DIR/std-model.json.   node out/buildStdModel.js DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STD_MODEL_FILE, STD_PATH, encodeStdModel, stdFingerprint } from '../core/stdModel';
import { STD_SOURCE } from '../core/stdSource';
import { extractFile } from '../parse/extract';
import { loadRustParser } from '../parse/parser';
import { useNodeParseClock } from './nodeClock';

async function main(): Promise<void> {
  useNodeParseClock();
  const dir = path.resolve(process.argv[2] ?? 'dist');
  const parser = await loadRustParser(dir);
  const tree = parser.parse(STD_SOURCE, null, { budgetMs: Infinity });
  try {
    const file = extractFile(tree, STD_SOURCE, STD_PATH);
    if (file.problems.length) throw new Error(`the modelled std has syntax errors: ${file.problems[0]!.message}`);
    fs.writeFileSync(path.join(dir, STD_MODEL_FILE), encodeStdModel(file, stdFingerprint(STD_SOURCE)));
  } finally {
    tree.delete();
    parser.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
