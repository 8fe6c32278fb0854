/**
 * The parse worker (a `worker_threads` worker, bundled as dist/parseWorker.js): parses and
 * extracts files off the extension host's main thread, with a parser of its own, and posts
 * back the model (plain data: structured clone). One message per file:
 *   in:  { id, path, text, budgetMs?, urgent? }      out: { id, file } or { id, error }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFile } from './extract';
import { loadRustParser } from './parser';
import { STD_PATH } from '../core/stdModel';
import { readStdModel } from './stdModelFile';

interface Request {
  readonly id: number;
  readonly path: string;
  readonly text: string;
  /** The parse budget (`ParseOptions.budgetMs`); Infinity for the modelled std. */
  readonly budgetMs?: number;
  /** Parsed before every request that is not (the document being opened). */
  readonly urgent?: boolean;
}

const port = parentPort;
if (port) {
  const wasmDir = (workerData as { wasmDir: string }).wasmDir;
  const parser = loadRustParser(wasmDir);
  // Requests are taken one at a time, the urgent ones first (the document being opened, before
  // the hundreds of files of its crate sent ahead of it); messages that arrive during a parse
  // are read before the next one is chosen.
  const queue: Request[] = [];
  let planned = false;
  const plan = () => {
    if (planned || queue.length === 0) return;
    planned = true;
    setImmediate(() => {
      planned = false;
      void next();
    });
  };
  const next = async (): Promise<void> => {
    const i = queue.findIndex((r) => r.urgent);
    const m = queue.splice(i >= 0 ? i : 0, 1)[0]!;
    try {
      // The modelled std, parsed at build time (src/core/stdModel.ts): read rather than parsed.
      const prebuilt = m.path === STD_PATH ? readStdModel(wasmDir, m.text) : undefined;
      if (prebuilt) {
        port.postMessage({ id: m.id, file: prebuilt });
        plan();
        return;
      }
      const p = await parser;
      const tree = p.parse(m.text, null, m.budgetMs === undefined ? undefined : { budgetMs: m.budgetMs });
      try {
        port.postMessage({ id: m.id, file: extractFile(tree, m.text, m.path) });
      } finally {
        tree.delete();
      }
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
    }
    plan();
  };
  port.on('message', (m: Request) => {
    queue.push(m);
    plan();
  });
}
