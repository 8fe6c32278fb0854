/**
 * The modelled std (src/core/stdSource.ts), parsed at build time: the build writes its model
 * beside the bundles (dist/std-model.json, src/platform/stdModelFile.ts), and the editor and
 * the CLI read it instead of parsing 84 KB of Rust at start-up (80-90 ms to parse and 140 ms
 * to extract in a new process, the grammar and the extractor still cold; reading the JSON takes
 * about 20 ms). The file names the std text it was made from: a stale one is not used.
 */
import type { SourceFile } from './model';
import { STD_SOURCE } from './stdSource';

const FORMAT = 1;

/** FNV-1a of the text, with its length: which std source a model was made from. */
export function stdFingerprint(text: string = STD_SOURCE): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

/** The model as JSON (bigints, the only non-JSON values of a model, written as `{"$big": "…"}`). */
export function encodeStdModel(file: SourceFile): string {
  return JSON.stringify({ format: FORMAT, source: stdFingerprint(), file }, (_k, v: unknown) => (typeof v === 'bigint' ? { $big: v.toString() } : v));
}

/** The model back, or undefined when the JSON is of another format or another std text. */
export function decodeStdModel(json: string): SourceFile | undefined {
  const head = /^\{"format":(\d+),"source":"([^"]*)"/.exec(json.slice(0, 200));
  if (!head || Number(head[1]) !== FORMAT || head[2] !== stdFingerprint()) return undefined;
  const doc = JSON.parse(json, (_k, v: unknown) => {
    if (v !== null && typeof v === 'object' && '$big' in v && typeof (v as { $big: unknown }).$big === 'string') return BigInt((v as { $big: string }).$big);
    return v;
  }) as { file: SourceFile };
  return doc.file;
}
