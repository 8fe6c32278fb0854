/**
 * dist/std-model.json on disk (see src/core/stdModel.ts): read by the CLI and the editor's parse
 * worker (src/platform/parseWorker.ts), written by the build (`node out/buildStdModel.js DIR`).
 * The web build reads the same file through `vscode.workspace.fs` (src/features/webHost.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '../core/model';
import { STD_MODEL_FILE, decodeStdModel, stdFingerprint } from '../core/stdModel';
import { STD_SOURCE } from '../core/stdSource';

/** The model in `dir`, or undefined when it is missing, unreadable or stale (std is then parsed). */
export function readStdModel(dir: string, text: string = STD_SOURCE): SourceFile | undefined {
  try {
    return decodeStdModel(fs.readFileSync(path.join(dir, STD_MODEL_FILE), 'utf8'), stdFingerprint(text));
  } catch {
    return undefined;
  }
}
