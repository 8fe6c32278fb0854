/**
 * The modelled std (src/core/stdSource.ts), parsed at build time: the build writes its model
 * beside the bundles (dist/std-model.json, src/platform/buildStdModel.ts), and the parse worker
 * and the CLI read it instead of parsing 84 KB of Rust at start-up (80-90 ms to parse and 140
 * ms to extract in a new process, the grammar and the extractor still cold). The file names the
 * std text it was made from (a hash the caller computes): a stale one is not used.
 */
import type { SourceFile } from './model';

const FORMAT = 2;

/** The path the modelled std is parsed under (and its model's `path`). */
export const STD_PATH = '<std>';

/** The model as JSON (bigints, the only non-JSON values of a model, written as `{"$big": "…"}`). */
export function encodeStdModel(file: SourceFile, source: string): string {
  return JSON.stringify({ format: FORMAT, source, file }, (_k, v: unknown) => (typeof v === 'bigint' ? { $big: v.toString() } : v));
}

/** The model back, or undefined when the JSON is of another format or was made from another std text than `source`. */
export function decodeStdModel(json: string, source: string): SourceFile | undefined {
  const head = /^\{"format":(\d+),"source":"([^"]*)"/.exec(json.slice(0, 200));
  if (!head || Number(head[1]) !== FORMAT || head[2] !== source) return undefined;
  const doc = JSON.parse(json, (_k, v: unknown) => {
    if (v !== null && typeof v === 'object' && '$big' in v && typeof (v as { $big: unknown }).$big === 'string') return BigInt((v as { $big: string }).$big);
    return v;
  }) as { file: SourceFile };
  return doc.file;
}
