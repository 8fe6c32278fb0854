/**
 * dist/std-model.json on disk (see src/core/stdModel.ts): read by the editor and the CLI,
 * written by the build (`node out/buildStdModel.js DIR`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '../core/model';
import { decodeStdModel } from '../core/stdModel';

export const STD_MODEL_FILE = 'std-model.json';

/** The model in `dir`, or undefined when it is missing, unreadable or stale (std is then parsed). */
export function readStdModel(dir: string): SourceFile | undefined {
  try {
    return decodeStdModel(fs.readFileSync(path.join(dir, STD_MODEL_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}
