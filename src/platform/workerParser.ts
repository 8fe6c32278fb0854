/**
 * The main thread's side of the parse worker (src/parse/worker.ts): `parse` posts a file and
 * resolves with its model. One worker, started on first use; a crashed worker fails the
 * waiting parses and the next parse starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../core/model';

export class WorkerParser {
  private worker: Worker | undefined;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (f: SourceFile) => void; reject: (e: Error) => void }>();

  /** `script`: dist/parseWorker.js; `wasmDir`: the folder with the two .wasm files. */
  constructor(
    private readonly script: string,
    private readonly wasmDir: string,
  ) {}

  private start(): Worker {
    const w = new Worker(this.script, { workerData: { wasmDir: this.wasmDir } });
    w.on('message', (m: { id: number; file?: SourceFile; error?: string }) => {
      const cb = this.waiting.get(m.id);
      if (!cb) return;
      this.waiting.delete(m.id);
      if (m.file) cb.resolve(m.file);
      else cb.reject(new Error(m.error ?? 'the parse worker sent no model'));
    });
    const fail = (e: Error) => {
      if (this.worker === w) this.worker = undefined;
      for (const cb of this.waiting.values()) cb.reject(e);
      this.waiting.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the parse worker exited (${code})`)));
    // The worker must not keep a process (the CLI, a test) alive on its own.
    w.unref();
    return w;
  }

  /**
   * `budgetMs`: the parse budget (default: `parseBudgetMs` of the text's size; Infinity: none).
   * `urgent`: parsed before the requests that are not, whatever their order (a document opened).
   * `blankBodies`: a dependency's file, its function bodies blanked before the parse (src/parse/bodies.ts).
   */
  parse(path: string, text: string, budgetMs?: number, urgent = false, blankBodies = false): Promise<SourceFile> {
    this.worker ??= this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker!.postMessage({ id, path, text, ...(budgetMs !== undefined ? { budgetMs } : {}), ...(urgent ? { urgent } : {}), ...(blankBodies ? { blankBodies } : {}) });
    });
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
    for (const cb of this.waiting.values()) cb.reject(new Error('the parse worker was stopped'));
    this.waiting.clear();
  }
}
