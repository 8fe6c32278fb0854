/**
 * One analysis per (document, version, target), shared by every feature (hover, CodeLens,
 * quick fix) so they never analyse the same text twice. The engine reads sibling module
 * files from disk, so the cache is dropped whenever a Rust file is saved or a setting changes.
 */
import * as vscode from 'vscode';
import type { Report, TypeReport } from '../analysis/api';
import { onDidChangeSettings, readSettings } from './config';
import { Disposable } from './dispose';
import { sameFile } from './layoutText';
import type { Log } from './log';

/** What the features need from the engine (src/analysis/analyzer.ts implements it). */
export interface LayoutAnalyzer {
  analyzeText(path: string, text: string, target: string): Promise<Report>;
}

interface Entry {
  readonly version: number;
  readonly target: string;
  readonly report: Promise<Report | undefined>;
}

export class DocumentReports extends Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly _onDidInvalidate = this._register(new vscode.EventEmitter<void>());
  /** Fires when cached reports are dropped for a reason other than an edit (save, setting). */
  readonly onDidInvalidate = this._onDidInvalidate.event;

  constructor(
    private readonly analyzer: LayoutAnalyzer,
    private readonly log: Log,
  ) {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())));
    this._register(
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.languageId === 'rust') this.invalidate();
      }),
    );
    this._register(onDidChangeSettings(() => this.invalidate()));
  }

  /** The report for the document's current text, or undefined when the engine failed (logged). */
  get(document: vscode.TextDocument): Promise<Report | undefined> {
    const key = document.uri.toString();
    const target = readSettings(document).target;
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.target === target) return hit.report;
    const path = documentPath(document);
    const started = Date.now();
    const report = this.analyzer.analyzeText(path, document.getText(), target).then(
      (r) => {
        this.log.trace(`analysed ${path} v${document.version} for ${target} in ${Date.now() - started} ms`);
        return r;
      },
      (err: unknown) => {
        this.log.error(`analysis of ${path} failed`, err);
        return undefined;
      },
    );
    this.cache.set(key, { version: document.version, target, report });
    return report;
  }

  /** The types of `report` that are declared in `document` (a crate report may list others). */
  typesIn(document: vscode.TextDocument, report: Report): TypeReport[] {
    const path = documentPath(document);
    return report.types.filter((t) => sameFile(t.file, path));
  }

  invalidate(): void {
    this.cache.clear();
    this._onDidInvalidate.fire();
  }
}

/** The path handed to the engine: the file system path for `file:` documents, else the URI path. */
export function documentPath(document: vscode.TextDocument): string {
  return document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.path;
}
