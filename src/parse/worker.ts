/**
 * The parse worker (a `worker_threads` worker, bundled as dist/parseWorker.js): parses and
 * extracts files off the extension host's main thread, with a parser of its own, and posts
 * back the model (plain data: structured clone). One message per file:
 *   in:  { id, path, text, budgetMs? }      out: { id, file } or { id, error }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFile } from './extract';
import { loadRustParser } from './parser';

interface Request {
  readonly id: number;
  readonly path: string;
  readonly text: string;
  /** The parse budget (`ParseOptions.budgetMs`); Infinity for the modelled std. */
  readonly budgetMs?: number;
}

const port = parentPort;
if (port) {
  const parser = loadRustParser((workerData as { wasmDir: string }).wasmDir);
  port.on('message', (m: Request) => {
    parser.then(
      (p) => {
        try {
          const tree = p.parse(m.text, null, m.budgetMs === undefined ? undefined : { budgetMs: m.budgetMs });
          try {
            port.postMessage({ id: m.id, file: extractFile(tree, m.text, m.path) });
          } finally {
            tree.delete();
          }
        } catch (e) {
          port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
        }
      },
      (e: unknown) => port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}
