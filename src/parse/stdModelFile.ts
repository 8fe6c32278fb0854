/**
 * dist/std-model.json on disk (see src/core/stdModel.ts): read by the CLI and the editor's parse
 * worker (src/parse/worker.ts), written by the build (`node out/buildStdModel.js DIR`).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '../core/model';
import { decodeStdModel } from '../core/stdModel';
import { STD_SOURCE } from '../core/stdSource';

export const STD_MODEL_FILE = 'std-model.json';

/** Which std text a model is made from: a SHA-1 of it. */
export function stdFingerprint(text: string = STD_SOURCE): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The model in `dir`, or undefined when it is missing, unreadable or stale (std is then parsed). */
export function readStdModel(dir: string, text: string = STD_SOURCE): SourceFile | undefined {
  try {
    return decodeStdModel(fs.readFileSync(path.join(dir, STD_MODEL_FILE), 'utf8'), stdFingerprint(text));
  } catch {
    return undefined;
  }
}
