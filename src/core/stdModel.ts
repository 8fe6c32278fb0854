/**
 * The modelled std (src/core/stdSource.ts), parsed at build time: the build writes its model
 * beside the bundles (dist/std-model.json, src/platform/buildStdModel.ts), and the parse worker
 * and the CLI read it instead of parsing 84 KB of Rust at start-up (80-90 ms to parse and 140
 * ms to extract in a new process, the grammar and the extractor still cold). The file names the
 * std text it was made from (`stdFingerprint`): a stale one is not used.
 */
import type { SourceFile } from './model';

const FORMAT = 3;

/** The model's file name beside the bundles (dist/). */
export const STD_MODEL_FILE = 'std-model.json';

/** The path the modelled std is parsed under (and its model's `path`). */
export const STD_PATH = '<std>';

/**
 * Which std text a model is made from: its length and two 53-bit hashes of its UTF-16 code
 * units (cyrb53 with two seeds), in hex. Not a cryptographic hash: it tells a stale model from a
 * current one, in Node and in a browser alike, without an asynchronous digest.
 */
export function stdFingerprint(text: string): string {
  return [text.length.toString(16), cyrb53(text, 0x9e3779b9).toString(16), cyrb53(text, 0x85ebca6b).toString(16)].join('-');
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

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
