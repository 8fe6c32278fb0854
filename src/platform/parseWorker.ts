/**
 * The parse worker (a `worker_threads` worker, bundled as dist/parseWorker.js): parses and
 * extracts files off the extension host's main thread, with a parser of its own, and posts
 * back the model (plain data: structured clone). One message per file:
 *   in:  { id, path, text, budgetMs?, urgent?, blankBodies? }      out: { id, file } or { id, error }
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { extractFile } from '../parse/extract';
import { blankFunctionBodies } from '../parse/bodies';
import { loadRustParser } from '../parse/parser';
import { STD_PATH } from '../core/stdModel';
import { readStdModel } from './stdModelFile';
import { useNodeParseClock } from './nodeClock';

interface Request {
  readonly id: number;
  readonly path: string;
  readonly text: string;
  /** The parse budget (`ParseOptions.budgetMs`); Infinity for the modelled std. */
  readonly budgetMs?: number;
  /** Parsed before every request that is not (the document being opened). */
  readonly urgent?: boolean;
  /** Function bodies blanked before the parse (src/parse/bodies.ts): `'all'` for a dependency's file (test modules too), `'functions'` for a crate file no editor shows. */
  readonly blankBodies?: 'all' | 'functions';
}

/**
 * The nice value this thread takes on Linux once it starts on a crate's files (the first request
 * that is not urgent): reading a crate can wait, the extension host's main thread cannot. On a
 * machine with few cores, the worker's busy thread otherwise takes the core the main thread was
 * running on for tens of milliseconds at a time, and the editor stalls although no code of ours
 * runs there. The urgent requests before (the document being opened, std) run at the thread's
 * first priority: a lowered priority cannot be raised again without privileges. Linux keeps the
 * nice value per thread, so this lowers this thread alone: `/proc/thread-self` names it
 * (`<pid>/task/<tid>`).
 */
export const WORKER_NICE = 10;

/** Lowers this thread's priority where the OS allows one thread's alone (Linux); the nice value set, else undefined. */
export function lowerThreadPriority(nice = WORKER_NICE): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const m = /^(\d+)\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'));
    // Only a thread of this process: never another process's priority.
    if (!m || Number(m[1]) !== process.pid || Number(m[2]) === process.pid) return undefined;
    setPriority(Number(m[2]), nice);
    return nice;
  } catch {
    return undefined;
  }
}

const port = parentPort;
if (port) {
  useNodeParseClock();
  let lowered = false;
  const wasmDir = (workerData as { wasmDir: string }).wasmDir;
  const parser = loadRustParser(wasmDir);
  // Requests are taken one at a time, the urgent ones first (the document being opened, before
  // the hundreds of files of its crate sent ahead of it); messages that arrive during a parse
  // are read before the next one is chosen.
  const queue: Request[] = [];
  let planned = false;
  const plan = () => {
    if (planned) return;
    if (queue.length === 0) {
      warmSoon();
      return;
    }
    planned = true;
    setImmediate(() => {
      planned = false;
      void next();
    });
  };
  // Warming up while idle: the first file a user opens was parsed by cold code (V8 optimises the
  // grammar's WebAssembly and the extractor only once they have run a while), 238 ms for gimli's
  // 110 KB `write/unit.rs` in a worker started seconds before. The modelled std's text (sent
  // first, answered from the build's model) is parsed and extracted twice, a top-level item or
  // more of about 8 KB per turn, and a request that comes in meanwhile goes first.
  let warmText: string | undefined;
  let warmAt = 0;
  let warmRounds = 0;
  let warmPlanned = false;
  const warmSoon = () => {
    if (warmPlanned || warmText === undefined || warmRounds >= 2) return;
    warmPlanned = true;
    setImmediate(() => {
      warmPlanned = false;
      void warmPiece();
    });
  };
  const warmPiece = async (): Promise<void> => {
    if (queue.length > 0 || warmText === undefined) return;
    const p = await parser;
    const text = warmText;
    // Up to the end of the first top-level item (a `}` alone on its line) after 8 KB.
    const close = text.indexOf('\n}\n', warmAt + 8192);
    const end = close < 0 ? text.length : close + 2;
    const piece = text.slice(warmAt, end);
    try {
      const tree = p.parse(piece, null, { budgetMs: Infinity });
      try {
        extractFile(tree, piece, 'warm-up.rs');
      } finally {
        tree.delete();
      }
    } catch {
      warmText = undefined;
      return;
    }
    warmAt = end;
    if (warmAt >= text.length) {
      warmAt = 0;
      // Twice through, then the text is let go.
      if (++warmRounds >= 2) warmText = undefined;
    }
    plan();
  };
  const next = async (): Promise<void> => {
    const i = queue.findIndex((r) => r.urgent);
    const m = queue.splice(i >= 0 ? i : 0, 1)[0]!;
    if (!m.urgent && !lowered) {
      lowered = true;
      lowerThreadPriority();
    }
    try {
      // The modelled std, parsed at build time (src/core/stdModel.ts): read rather than parsed.
      const prebuilt = m.path === STD_PATH ? readStdModel(wasmDir, m.text) : undefined;
      if (m.path === STD_PATH) warmText ??= m.text;
      if (prebuilt) {
        port.postMessage({ id: m.id, file: prebuilt });
        plan();
        return;
      }
      const p = await parser;
      const text = m.blankBodies ? blankFunctionBodies(m.text, { testModules: m.blankBodies === 'all' }) : m.text;
      const tree = p.parse(text, null, m.budgetMs === undefined ? undefined : { budgetMs: m.budgetMs });
      try {
        port.postMessage({ id: m.id, file: extractFile(tree, text, m.path) });
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
