/**
 * The main thread's side of the parse worker (src/parse/worker.ts): `parse` posts a file and
 * resolves with its model. One worker, started on first use; a crashed worker fails the
 * waiting parses and the next parse starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../core/model';

/**
 * A model comes out of the worker as a structured clone, in which every string is a copy of its
 * own: the `kind: 'path'` of each of a file's thousands of type paths, each `pub`, each repeated
 * name or attribute. This makes each distinct string of the file one string again (in place:
 * the clone is the receiver's alone). In a 20 MB crate that is about 7 MB less heap, for one
 * walk of each model as it arrives.
 */
function shareStrings(file: SourceFile): SourceFile {
  const seen = new Map<string, string>();
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const s = seen.get(v);
      if (s !== undefined) return s;
      seen.set(v, v);
      return v;
    }
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = visit(v[i]);
    } else {
      const o = v as Record<string, unknown>;
      for (const k in o) o[k] = visit(o[k]);
    }
    return v;
  };
  return visit(file) as SourceFile;
}

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
      if (m.file) cb.resolve(shareStrings(m.file));
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
   * `blankBodies`: function bodies blanked before the parse (`ParseHints` in src/analysis/project.ts).
   */
  parse(path: string, text: string, budgetMs?: number, urgent = false, blankBodies?: 'all' | 'functions'): Promise<SourceFile> {
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
