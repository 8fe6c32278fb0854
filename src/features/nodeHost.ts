/**
 * The Node side of the seam (src/features/host.ts): the local disk, the machine's own target,
 * a parse worker on a `worker_threads` thread, and rustc for the guide's examples. Installed
 * by src/extension.ts; never part of the web bundle.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ProjectFs } from '../cargo/fs';
import type { Host } from './host';
import { NodeFs } from '../platform/nodeFs';
import { useNodeParseClock } from '../platform/nodeClock';
import { runRustExample } from '../platform/runExample';
import { WorkerParser } from '../platform/workerParser';

/**
 * `wasmDir`: the folder with the parser's WebAssembly files; `parseWorkerScript`: the parse
 * worker's bundle (dist/parseWorker.js), or undefined to parse on this thread (tests).
 */
export function nodeHost(opts: { readonly wasmDir: string; readonly parseWorkerScript?: string }): Host {
  useNodeParseClock();
  let worker: WorkerParser | undefined;
  return {
    kind: 'node',
    files: disk,
    freshFiles: () => new NodeFs(),
    machine: { platform: process.platform, arch: process.arch },
    handles: (uri) => uri.scheme === 'file',
    pathOf: (uri) => uri.fsPath.replace(/\\/g, '/'),
    uriOf: (path) => vscode.Uri.file(path),
    parseWorker() {
      if (!opts.parseWorkerScript) return undefined;
      worker ??= new WorkerParser(opts.parseWorkerScript, opts.wasmDir);
      return worker;
    },
    runExample: (code) => runRustExample(code),
    onDidChange: undefined,
  };
}

/** The disk, read afresh every time (the workspace index caches what it read until a file event). */
const disk: ProjectFs = {
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  readDir(path) {
    try {
      return fs.readdirSync(path);
    } catch {
      return undefined;
    }
  },
  env: (name) => process.env[name],
  async readFileAsync(path) {
    try {
      return await fs.promises.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  async readDirAsync(path) {
    try {
      return await fs.promises.readdir(path);
    } catch {
      return undefined;
    }
  },
};
