/**
 * The document model: one parse and one layout per (document, version, target), shared by
 * every feature (hover, CodeLens, inlay hints, diagnostics, code actions).
 *
 * A document inside a Cargo crate is analysed as part of its crate: the module tree is loaded
 * from the crate's entry through `mod` declarations, reading open documents before the disk
 * (src/features/workspaceIndex.ts), so a type from another file resolves. Parsed files are
 * cached by (path, text): a keystroke re-parses only the edited file. A document outside any
 * crate (or not reached from its crate's entry) is analysed alone, like `Analyzer.analyzeText`.
 *
 * Failures are logged and become `undefined`; nothing throws into VS Code.
 */
import * as vscode from 'vscode';
import { type Analysis, type Analyzer, type Program, singleFileProgram } from '../analysis/analyzer';
import type { Report, TypeReport } from '../core/reportTypes';
export type { DocumentAnalysis, TypeEntry } from '../incremental/documentModel';
import { loadPackage, targetKind } from '../analysis/program';
import { type WorkspaceVariant, mergeWorkspaceReport, sameTypeIn, workspaceVariant } from '../analysis/workspaceBuild';
import { PENDING_FILE, ParsedFiles } from '../analysis/parsedFiles';
import { type ParseFn, type ParseHints, Project, UNSHOWN_FILE, firstNeeded } from '../analysis/project';
import { hostTriple } from '../core/hostTarget';
import { CrateSession } from '../incremental/crateSession';
import { CargoGraph, type FeatureSelection, type PackageNode, featureArgs, lockedManifests } from '../cargo/graph';
import type { SourceFile } from '../core/model';
import type { Target } from '../core/targets';
import { DocumentTrees, type TextDocumentLike } from '../incremental/documents';
import type { Derivation } from '../incremental/extraction';
import type { RustParser } from '../parse/parser';
import { onDidChangeSettings, readSettings } from './config';
import { Disposable } from './dispose';
import { type DocumentAnalysis, buildDocumentAnalysis, reuseAnalysis } from '../incremental/documentModel';
import { sameFile } from './layoutText';
import type { Log } from './log';
import { type ParseWorker, host } from './host';
import { TurnBudget, nextTurn } from '../analysis/turnBudget';
import { Postponed, later } from '../core/budget';
import { clearParsedManifests, parseManifest, withManifestBudget } from '../cargo/manifest';
import { clearExpansionMemo } from '../analysis/expand';
import { budgetedFs, readAhead } from '../cargo/fs';
import { dirname, isInside, join } from '../cargo/paths';
import { FailedRuns, GivenUpParses, MAX_ATTEMPTS } from './parseRetries';
import { type CrateInfo, WorkspaceIndex } from './workspaceIndex';

/** A crate's last analysis, and the session that makes the next one (src/incremental/crateSession.ts). */
interface CrateEntry {
  readonly generation: number;
  readonly reads: number;
  /** `DocumentReports.editSeq` when it was made: documents edited since, outside the crate, may be its dependencies'. */
  readonly editSeq: number;
  readonly analysis: Analysis;
  readonly program: Program;
  /** False while files of the walk are still being parsed. */
  readonly complete: boolean;
  readonly dir: string;
  readonly session: CrateSession | undefined;
  readonly project: Project | undefined;
}

/** A package graph being made or made (see projectFor). */
interface ProjectEntry {
  readonly generation: number;
  made: number;
  project: Promise<Project | undefined>;
  done: { readonly project: Project | undefined } | undefined;
}

interface DocEntry {
  readonly version: number;
  readonly target: string;
  readonly generation: number;
  readonly reads: number;
  /** The index's project generation and `DocumentReports.editSeq` when it was asked for (what carrying its reports over needs unchanged). */
  readonly projectGeneration: number;
  readonly editSeq: number;
  readonly result: Promise<DocumentAnalysis | undefined>;
}

/** How long (ms) a package graph with dependencies missing on disk is kept before they are looked for again. */
const MISSING_RECHECK_MS = 10_000;

/** Pause in typing (ms) after which the edited files' whole trees are re-parsed. */
const SETTLE_AFTER_MS = 400;

/**
 * A file opened with at least this many characters is first parsed by the worker (its tree here
 * in slices). The first parses on this thread run the grammar's WASM cold, next to the extension
 * host's own start-up: a 20 KB file took 320 ms there.
 */
const FIRST_PARSE_OFF_THREAD = 4 * 1024;
/**
 * The longest macro expansion parsed on the main thread (a millisecond or two): one parse cannot
 * be cut, and a budget asked before it does not bound it (tokio's `cfg_*!` calls wrap whole
 * module bodies: 30 ms in one piece). Longer ones go to the worker.
 */
const MAIN_THREAD_EXPANSION_MAX = 8 * 1024;

/** Crates read at start (`preloadWorkspace`): the workspace folders' packages and those one level below. */
const PRELOAD_MAX_CRATES = 4;

/** `+12 ms` since `t0` (performance.now()), for the debug log. */
const since = (t0: number): string => `+${(performance.now() - t0).toFixed(0)} ms`;

/** A crate's walk (with the parse worker) yields to the event loop after this long (ms), between one file and the next. */
const WALK_SLICE_MS = 10;

/** Milliseconds per turn of the event loop for steps that can wait (see TurnBudget). */
const TURN_BUDGET_MS = 12;

/** Reading a crate's files for longer than this (ms) shows progress in the status bar. */
const PROGRESS_AFTER_MS = 1000;

/** Files read in one turn of the event loop while a crate's files are handed to the parse worker (bytes). */
const READ_SLICE_BYTES = 1 << 20;

/** A crate read at start (`DocumentReports.preloadWorkspace`). */
export interface ReadAhead {
  readonly entry: string;
  readonly files: number;
  /** Files parsed with their function bodies blanked (no document held them). */
  readonly unshown: number;
  /** The crate was walked too, completely: its walk is the one the first file opened finds. */
  readonly walked: boolean;
}

export interface DocumentReportsOptions {
  /**
   * The parse worker (the Node host's; src/features/host.ts): crates are then read off the main
   * thread, and a file is shown before the rest of its crate is read. Without it, crates are
   * parsed on the spot, in one piece (the web build, tests of the document model alone).
   */
  readonly parseWorker?: ParseWorker;
}

export class DocumentReports extends Disposable {
  private readonly docs = new Map<string, DocEntry>();
  private readonly parsed = new Map<string, { text: string; file: SourceFile }>();
  private readonly crates = new Map<string, CrateEntry>();
  /**
   * A workspace member's whole-workspace build (src/analysis/workspaceBuild.ts), by the member's
   * project: null when it gives every package the member reaches the same features (the common case).
   */
  private readonly wholeWorkspace = new WeakMap<Project, Promise<{ readonly variant: WorkspaceVariant; readonly project: Project } | null>>();
  /** The whole-workspace build's analysis of a member's crate, by entry and target. */
  private readonly wholeWorkspaceCrates = new Map<string, { readonly project: Project; readonly generation: number; readonly reads: number; readonly analysis: Promise<Analysis> }>();
  /** Crates (by entry and target) being walked in slices, and when the walk is done. */
  private readonly walking = new Map<string, Promise<void>>();
  /** Crate files parsed off the main thread (with `parseWorker`), shared by every crate and dependency. */
  private files: ParsedFiles | undefined;
  private worker: ParseWorker | undefined;
  /** Counts batches of files read elsewhere: a crate walked before the last one is walked again. */
  private reads = 0;
  /**
   * Edits of Rust documents (and their closing, when the disk's text takes over), numbered, by
   * path: what changed since an analysis outside the crate it read, a dependency's open file or,
   * for a test or binary, the package's library.
   */
  private editSeq = 0;
  private readonly lastEdit = new Map<string, number>();
  private readsTimer: ReturnType<typeof setTimeout> | undefined;
  /** Crates (by entry and project) whose files were all handed to the worker. */
  private readonly rootsRead = new WeakMap<Project, Set<string>>();
  /** Crates whose next analysis must walk them again (a document of theirs was closed: the disk text is back). */
  private readonly forceLoad = new Set<string>();
  /** Documents whose first tree is being parsed in slices (DocumentTrees.prepare). */
  private readonly preparing = new Set<string>();
  /** Progress in the status bar is planned or shown. */
  private progressPlanned = false;
  /** Package graphs with the dependency crates read so far, per (package, target), until files change on disk. */
  private readonly projects = new Map<string, ProjectEntry>();
  /** Each turn's share of costly steps that can wait (manifests, macro expansions, their parses): the rest in later turns. */
  private readonly budget = new TurnBudget(TURN_BUDGET_MS);
  /** Parses given up over their budget (never cached as models): parsed again, a few times, when due. */
  private readonly retries = new GivenUpParses(() => this.retryGivenUp());
  private readonly loggedGivenUp = new WeakSet<SourceFile>();
  /** Settles (undefined) when every document was closed and what was read let go: waits for it end. */
  private letGo: () => void = () => undefined;
  private dropped = new Promise<undefined>((resolve) => (this.letGo = () => resolve(undefined)));
  /** What `preloadWorkspace` read (see `whenReadAhead`). */
  private readAhead: Promise<readonly ReadAhead[]> = Promise.resolve([]);
  /** The paths of the open documents (`unshownHints`), until one opens or closes. */
  private openPaths: Set<string> | undefined;
  /** Analyses that threw: dropped from `docs` and asked for again after a pause (a few times per version). */
  private readonly failedRuns = new FailedRuns(() => this._onDidInvalidate.fire());
  readonly index: WorkspaceIndex;
  /** Incremental trees of the analysed documents (created with the parser). */
  private trees: DocumentTrees | undefined;
  private readonly _onDidInvalidate = this._register(new vscode.EventEmitter<void>());
  private readonly _onDidRead = this._register(new vscode.EventEmitter<void>());
  private readonly _onDidFinishReading = this._register(new vscode.EventEmitter<void>());
  /** Fires when the files being read are all in (the last of a burst of `onDidInvalidate`s). */
  readonly onDidFinishReading = this._onDidFinishReading.event;
  /** Fires when results may have changed for a reason other than an edit of the document itself. */
  readonly onDidInvalidate = this._onDidInvalidate.event;

  constructor(
    private readonly analyzer: Analyzer,
    private readonly log: Log,
    index?: WorkspaceIndex,
    private readonly options: DocumentReportsOptions = {},
  ) {
    super();
    this.index = index ?? this._register(new WorkspaceIndex());
    this._register(
      vscode.workspace.onDidOpenTextDocument(() => (this.openPaths = undefined)),
    );
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.openPaths = undefined;
        this.docs.delete(d.uri.toString());
        this.failedRuns.forget(d.uri.toString());
        this.trees?.close(documentPath(d));
        if (d.languageId === 'rust') {
          this.lastEdit.set(documentPath(d), ++this.editSeq);
          for (const k of this.crates.keys()) this.forceLoad.add(k);
          this.dropClosedCrates();
        }
      }),
    );
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Keep the tree in step with the edits (tree.edit, then a re-parse of the touched items or of the whole file).
        const key = documentPath(e.document);
        if (e.document.languageId === 'rust' && e.contentChanges.length > 0) {
          this.lastEdit.set(key, ++this.editSeq);
          this.scheduleCrossFileRefresh();
        }
        if (!this.trees?.has(key) || e.contentChanges.length === 0) return;
        try {
          this.trees.update(treeDoc(e.document), e.contentChanges);
          this.scheduleSettle();
        } catch (err) {
          this.log.error(`incremental parse of ${key} failed`, err);
          this.trees.close(key);
        }
      }),
    );
    this._register(this.index.onDidChange(() => this._onDidInvalidate.fire()));
    this._register(onDidChangeSettings(() => this.invalidate()));
    // The extension is activated by a Rust document: the worker starts now (its thread, grammar
    // and the modelled std), not when that document's first analysis asks for it.
    if (options.parseWorker) this.startWorker(options.parseWorker);
  }

  private startWorker(worker: ParseWorker): ParseWorker {
    if (!this.worker) {
      this.worker = worker;
      this.analyzer.preloadStd((p, t) => worker.parse(p, t, Infinity, true));
    }
    return this.worker;
  }

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * While typing, an edit re-parses only the items it touches (DocumentTrees' region re-parse);
   * once typing pauses, bring the whole files' trees up to date, off the keystroke path.
   */
  private scheduleSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      if (this.isDisposed) return;
      try {
        this.trees?.settle();
      } catch (err) {
        this.log.error('re-parse of the edited files failed', err);
      }
    }, SETTLE_AFTER_MS);
  }

  /**
   * An edit in one file can change the layouts shown in the crate's other open files: once
   * typing pauses, tell the surfaces to ask again (unchanged documents hit the cache).
   */
  private scheduleCrossFileRefresh(): void {
    if (vscode.workspace.textDocuments.filter((d) => d.languageId === 'rust').length < 2) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (!this.isDisposed) this._onDidInvalidate.fire();
    }, 600);
  }

  /** The analysis of the document's current version, or undefined (not Rust, or failed: logged). */
  analyze(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentAnalysis | undefined> {
    // Another parse of a given-up text is due: nothing that may hold its given-up model is reused.
    if (this.retries.takeDue()) this.forgetGivenUp();
    const key = document.uri.toString();
    const target = readSettings(document).target;
    const generation = this.index.generation;
    const reads = this.reads;
    const hit = this.docs.get(key);
    if (hit && hit.version === document.version && hit.target === target && hit.generation === generation && hit.reads === reads) return hit.result;
    if (token?.isCancellationRequested) return Promise.resolve(undefined);
    const version = document.version;
    const text = document.getText();
    const path = documentPath(document);
    const started = performance.now();
    // Reports are carried over from the previous version only if no files came in since (a
    // report that said "being read" must be made again once they are) and nothing changed on
    // disk (a dependency, a manifest, a build script: the package graph is made again).
    const projectGeneration = this.index.projectGeneration;
    const previous = hit && hit.reads === reads && hit.projectGeneration === projectGeneration ? { result: hit.result, editSeq: hit.editSeq } : undefined;
    const editSeq = this.editSeq;
    const result = this.run(document, path, text, version, target, previous).then(
      (r) => {
        this.log.trace(`analysed ${path} v${version} for ${target} in ${(performance.now() - started).toFixed(1)} ms`);
        return r;
      },
      (err: unknown) => {
        // Not the document's answer: dropped, and asked for again after a pause (a few times).
        const again = !this.isDisposed && this.failedRuns.note(key, version);
        this.log.error(`analysis of ${path} failed${again ? '; it will be run again' : ''}`, err);
        if (again && this.docs.get(key) === entry) this.docs.delete(key);
        return undefined;
      },
    );
    const entry: DocEntry = { version, target, generation, reads, projectGeneration, editSeq, result };
    this.docs.set(key, entry);
    return result;
  }

  private async run(
    document: vscode.TextDocument,
    path: string,
    text: string,
    version: number,
    target: string,
    previous: { readonly result: Promise<DocumentAnalysis | undefined>; readonly editSeq: number } | undefined,
  ): Promise<DocumentAnalysis> {
    const started = performance.now();
    const parser = await this.analyzer.parser();
    this.trees ??= new DocumentTrees(parser);
    const parse = (p: string, t: string) => this.parse(parser, p, t);
    const files = this.filesFor(parse);
    // How the document's model was built from the previous version's, when it was (the carry-over reads it).
    let derivation: Derivation | undefined;
    if (document.version === version && !document.isClosed) {
      const trees = this.trees;
      if (this.worker && !trees.has(path) && text.length >= FIRST_PARSE_OFF_THREAD) {
        // A large file opened: its first model comes from the parse worker, and its tree (for
        // incremental edits) is parsed here in slices, so neither blocks the editor.
        if (this.parsed.get(path)?.text !== text) {
          this.noteParse(path, text, await this.worker.parse(path, text, undefined, true));
          this.log.debug(`${path}: first model from the parse worker (${since(started)})`);
        }
        const doc = treeDoc(document);
        if (!this.preparing.has(path)) {
          this.preparing.add(path);
          void trees
            .prepare(doc, this.parsed.get(path))
            .catch((err: unknown) => this.log.error(`parse of ${path} failed`, err))
            .finally(() => this.preparing.delete(path));
        }
      } else {
        // The document's own model comes from its incremental tree; a given-up parse of it is
        // parsed again when due, or once this text was parsed elsewhere (by a crate's load).
        const retry = this.retries.due(path, text) || this.parsed.get(path)?.text === text;
        const parsed = trees.get(treeDoc(document), { retry });
        const file = parsed.file();
        derivation = parsed.derivation();
        this.noteParse(path, text, file);
      }
    }
    const crateParse = this.crateParse(parse, files);
    let analysis: Analysis | undefined;
    let crateDir: string | undefined;
    let adjust: ((r: TypeReport) => TypeReport) | undefined;
    const crate = host().handles(document.uri) ? this.index.crateOf(path) : undefined;
    if (crate) {
      // An integration test, bench, example or binary is a crate of its own, with the package's
      // library (and, for tests, the dev-dependencies) as dependencies.
      const kind = path !== crate.entry ? targetKind(crate.dir, path) : undefined;
      const entry = kind ? path : crate.entry;
      const key = `${entry}\0${target}`;
      // A walk in slices may be under way for this crate (another surface's request, another
      // file of it): wait for it, then look again, rather than walk it twice side by side.
      const t = this.analyzer.resolveTarget(target);
      // A package the workspace's packages depend on (a registry crate opened by Go to Definition,
      // a vendored one) is laid out as the workspace builds it: its node in a workspace package's
      // graph, with the features, cfgs and dependency versions that build gives it.
      const asDependency = kind ? undefined : this.dependencyOfWorkspace(crate.dir, t);
      const project = asDependency?.project ?? (await this.projectFor(crate.dir, t, crateParse, files, kind === 'test', readSettings(document).features));
      const rootNode = asDependency?.node ?? project?.graph.root;
      this.log.debug(`${path}: package graph of ${crate.dir} ready (${since(started)})`);
      for (let waits = 0; waits < 4 && this.walking.has(key); waits++) await this.walking.get(key);
      const generation = this.index.generation;
      const reads = this.reads;
      const editSeq = this.editSeq;
      let c = this.crates.get(key);
      // A dependency of the package in the workspace whose open document changed since: read it again.
      if (c && project && this.forgetEditedDependencies(project, c)) this.forceLoad.add(key);
      // Walk again when files came in; patch the last walk when only open documents changed (a
      // keystroke: src/incremental/crateSession.ts decides whether it can); else walk again.
      const stale = c && c.program.texts.has(path) && c.program.texts.get(path) !== text;
      if (!c || c.project !== project || c.reads !== reads || c.generation !== generation || stale) {
        let walked!: () => void;
        this.walking.set(key, new Promise<void>((resolve) => (walked = resolve)));
        let made: Pick<CrateEntry, 'program' | 'analysis' | 'complete' | 'session'>;
        try {
          if (project) {
            const session =
              c?.session && c.project === project
                ? c.session
                : new CrateSession(project, rootNode!, entry, this.analyzer, target, {
                    read: (p) => this.index.readFile(p),
                    parse: crateParse,
                    withOwnLibrary: kind !== undefined,
                    ...(files ? { sliceMs: WALK_SLICE_MS } : {}),
                  });
            // A test or binary links the package's library: read it again when documents changed.
            if (kind && c && c.generation !== generation) project.forget(project.graph.root);
            const changed = c?.session === session && c.reads === reads && !this.forceLoad.has(key) ? this.changedFiles(c.program, crateParse) : undefined;
            this.forceLoad.delete(key);
            if (c && changed?.length === 0 && !kind) {
              // Nothing of this crate changed (an edit in another crate's document): as it was.
              made = c;
            } else {
              const started = performance.now();
              const r = changed?.length ? await session.update(changed) : await session.load();
              this.log.debug(`${entry}: ${r.how} in ${(performance.now() - started).toFixed(1)} ms${r.pending ? ` (${r.pending} files being read)` : ''}`);
              made = { program: r.program, analysis: r.analysis, complete: r.pending === 0, session };
              if (r.pending > 0 && files) void this.readCrateFiles(project, entry, files);
            }
          } else {
            const loaded = loadPackage(crate.dir, { fs: this.index, parse, target: t });
            for (const p of loaded.problems) this.log.debug(`${p.file}: ${p.message}`);
            made = { program: loaded.program, analysis: await this.analyzer.analyze(loaded.program, target), complete: true, session: undefined };
          }
        } finally {
          this.walking.delete(key);
          walked();
        }
        if (this.reading) this.showProgressSoon();
        c = { ...made, generation, reads, editSeq, dir: crate.dir, project };
        this.crates.set(key, c);
      }
      // Only if the crate reaches this file, and with the text of this version.
      if (c.program.texts.get(path) === text) {
        analysis = c.analysis;
        crateDir = crate.dir;
        // A workspace member whose dependencies a whole-workspace build compiles with other
        // features: its types whose layout that changes say both layouts, as unknown.
        const ws = project && !asDependency ? await this.wholeWorkspaceOf(project, t, crateParse, files, readSettings(document).features) : null;
        if (ws) {
          const theirs = await this.wholeWorkspaceAnalysis(ws.project, key, entry, kind !== undefined, target, generation, reads);
          const twin = sameTypeIn(theirs.reports((f) => f === path));
          adjust = (r) => mergeWorkspaceReport(r, twin(r), ws.variant);
        }
      } else if (!c.complete && project) {
        // The crate is still being read and has not reached this file yet: its own types first,
        // with the crate's features, cfgs and dependencies; what it takes from the rest of the
        // crate says it is still being read.
        const own = this.parsed.get(path);
        if (own && own.text === text) {
          const read = (p: string) => (p === path ? text : undefined);
          const d = project.loadCrate(rootNode!, path, { read, detached: true, withOwnLibrary: kind !== undefined });
          analysis = await this.analyzer.analyze({ crate: d.input, texts: d.texts }, target);
          // The whole-workspace build's too, the same way (see above).
          const ws = !asDependency ? await this.wholeWorkspaceOf(project, t, crateParse, files, readSettings(document).features) : null;
          if (ws) {
            const w = ws.project.loadCrate(ws.project.graph.root, path, { read, detached: true, withOwnLibrary: kind !== undefined });
            const theirs = await this.analyzer.analyze({ crate: w.input, texts: w.texts }, target);
            const twin = sameTypeIn(theirs.reports((f) => f === path));
            adjust = (r) => mergeWorkspaceReport(r, twin(r), ws.variant);
          }
        }
      }
    }
    const file = parse(path, text);
    // The previous version's reports can be carried over when only comments or bodies changed,
    // and for a document alone its crate scope and engine too.
    // Not when a document this analysis did not read as its own was edited since: a dependency's, or the library of a test.
    const before = await previous?.result;
    // (Not with a whole-workspace build to merge: its analysis may have changed while this one did not.)
    const carry = before && !adjust && !this.editedSince(previous!.editSeq, (p) => p === path || before.analysis.program.texts.has(p)) ? before.carryOver() : undefined;
    const resolved = this.analyzer.resolveTarget(target);
    analysis ??=
      reuseAnalysis(file, { path, text, target: resolved.triple, derivation }, carry) ??
      (await this.analyzer.analyze(singleFileProgram(file, text, { target: resolved, parse }), target));
    this.log.debug(`${path} v${version}: analysis ready${crateDir ? ' (in its crate)' : ''} (${since(started)})`);
    return buildDocumentAnalysis(analysis, file, { uri: document.uri.toString(), version, path, text, crateDir, derivation, ...(adjust ? { adjust } : {}) }, carry);
  }

  /**
   * The files of a crate's last walk whose open document's text is not the walked one, with
   * their models; undefined when one is not parsed yet (a full walk then waits for it).
   */
  private changedFiles(program: Program, parse: ParseFn): { path: string; text: string; file: SourceFile }[] | undefined {
    const out: { path: string; text: string; file: SourceFile }[] = [];
    for (const d of vscode.workspace.textDocuments) {
      if (d.isClosed || !host().handles(d.uri) || d.languageId !== 'rust') continue;
      const p = host().pathOf(d.uri);
      const was = program.texts.get(p);
      if (was === undefined) continue;
      const text = d.getText();
      if (text === was) continue;
      const file = parse(p, text);
      if (file === PENDING_FILE) return undefined;
      out.push({ path: p, text, file });
    }
    return out;
  }

  /**
   * How a crate's walk parses. With the worker, a crate's files are parsed there. Macro
   * expansions (made during the walk) are parsed here within the turn's budget (a walk then
   * need not wait for the worker once per level of expansion, and a keystroke in a macro call
   * stays quick), the rest there (gimli's 73 expansions are 180 KB: 70-255 ms to parse in one
   * piece). A dependency's files come with the hint that their function bodies may be blanked
   * (the worker does it); so do the crate's files that no document holds (no layout reads a
   * body: a third less parsing); the open documents' are parsed as written.
   */
  private crateParse(parse: (p: string, t: string) => SourceFile, files: ParsedFiles | undefined): ParseFn {
    if (!files) return parse;
    return (p, t, hints) => {
      if (!p.includes('#macro:')) return files.parse(p, t, hints ?? this.unshownHints(p));
      return files.get(p, t, hints) ?? (this.budget.left && t.length <= MAIN_THREAD_EXPANSION_MAX ? this.budget.spend(() => parse(p, t)) : files.parse(p, t, hints));
    };
  }

  /**
   * Reads the workspace's crates before any of their files is opened (the extension starts on a
   * `Cargo.toml`): the package graph is made and every file handed to the parse worker, at its
   * low priority, so that the first file opened can be laid out in its crate at once. Only with
   * the worker; the folders' own packages and the packages one level below them, at most
   * `PRELOAD_MAX_CRATES`. Setting `rustLayout.readWorkspaceAtStart` (default on).
   */
  async preloadWorkspace(): Promise<number> {
    const started = this.readWorkspace();
    this.readAhead = started.then(
      async ({ read, reading }) => {
        await reading;
        return read;
      },
      () => [],
    );
    return (await started).crates;
  }

  /** Starts reading the crates: how many, what came of each (filled in as they end), and when all have. */
  private async readWorkspace(): Promise<{ crates: number; read: readonly ReadAhead[]; reading: Promise<unknown> }> {
    const none = { crates: 0, read: [], reading: Promise.resolve() };
    if (!this.options.parseWorker || this.isDisposed) return none;
    const entries: CrateInfo[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (!host().handles(folder.uri)) continue;
      const dir = host().pathOf(folder.uri);
      const own = this.index.crateOf(join(dir, 'Cargo.toml'));
      if (own) entries.push(own);
      for (const name of (await this.index.readDirAsync?.(dir)) ?? this.index.readDir(dir) ?? []) {
        if (entries.length >= PRELOAD_MAX_CRATES) break;
        if (name.startsWith('.') || name === 'target' || name.endsWith('.rs')) continue;
        const sub = join(dir, name);
        if (this.index.readFile(join(sub, 'Cargo.toml')) === undefined) continue;
        const c = this.index.crateOf(join(sub, 'Cargo.toml'));
        if (c && c.dir === sub && !entries.some((e) => e.entry === c.entry)) entries.push(c);
      }
    }
    const crates = entries.slice(0, PRELOAD_MAX_CRATES);
    if (crates.length === 0) return none;
    const parser = await this.analyzer.parser();
    this.trees ??= new DocumentTrees(parser);
    const parse = (p: string, t: string) => this.parse(parser, p, t);
    const files = this.filesFor(parse);
    if (!files) return none;
    const crateParse = this.crateParse(parse, files);
    const read: ReadAhead[] = [];
    const reading: Promise<void>[] = [];
    for (const c of crates) {
      if (this.isDisposed) break;
      const settings = readSettings(host().uriOf(c.entry));
      const project = await this.projectFor(c.dir, this.analyzer.resolveTarget(settings.target), crateParse, files, false, settings.features);
      if (!project) continue;
      this.log.debug(`${c.entry}: read ahead of any open file`);
      const entry = c.entry;
      reading.push(
        this.readCrateFiles(project, entry, files).then(async () => {
          // What came of it, for the log and the tests: the files parsed as no document holds them.
          const paths = await project.sourceFilesAsync(entry);
          const unshown = paths.filter((p) => {
            const text = this.index.readFile(p);
            return text !== undefined && files.get(p, text, UNSHOWN_FILE) !== undefined;
          }).length;
          const walked = await this.walkAhead(project, entry, c.dir, settings.target, crateParse, files);
          this.log.debug(`${entry}: read ahead, ${unshown} of ${paths.length} files parsed with their bodies blanked${walked ? ', walked' : ''}`);
          read.push({ entry, files: paths.length, unshown, walked });
        }),
      );
    }
    return { crates: reading.length, read, reading: Promise.all(reading) };
  }

  /**
   * Walks a crate read ahead (its macro expansions parsed too) and keeps the walk as the crate's,
   * as a document's first analysis would: the first file opened then finds its crate laid out.
   * Not when a document's analysis walks it already. True when the walk came out complete.
   */
  private async walkAhead(project: Project, entry: string, dir: string, target: string, parse: ParseFn, files: ParsedFiles): Promise<boolean> {
    const key = `${entry}\0${target}`;
    // Every document was closed meanwhile (what was read is let go: see dropClosedCrates).
    const current = () => !this.isDisposed && this.files === files;
    if (!current() || this.crates.has(key) || this.walking.has(key)) return false;
    let walked!: () => void;
    this.walking.set(key, new Promise<void>((resolve) => (walked = resolve)));
    try {
      const session = new CrateSession(project, project.graph.root, entry, this.analyzer, target, {
        read: (p) => this.index.readFile(p),
        parse,
        withOwnLibrary: false,
        sliceMs: WALK_SLICE_MS,
      });
      // Expansions over the main thread's share are parsed in the worker: walk again once they are in.
      for (let round = 0; round < 4 && current(); round++) {
        const generation = this.index.generation;
        const reads = this.reads;
        const editSeq = this.editSeq;
        // A walk that waits for files no worker will parse (every document closed) is let go.
        const r = await Promise.race([session.load(), this.dropped]);
        if (r === undefined || !current()) return false;
        if (r.pending === 0) {
          if (!this.crates.has(key)) this.crates.set(key, { program: r.program, analysis: r.analysis, complete: true, session, generation, reads, editSeq, dir, project });
          return true;
        }
        await Promise.race([files.fetch(), this.dropped]);
      }
      return false;
    } finally {
      this.walking.delete(key);
      walked();
    }
  }

  /**
   * The crates `preloadWorkspace` read, once their files are all parsed: each entry, its files,
   * and how many of them were parsed as files no document holds (bodies blanked). Empty if it did
   * not run.
   */
  whenReadAhead(): Promise<readonly ReadAhead[]> {
    return this.readAhead;
  }

  /** The shared ParsedFiles over the parse worker, or undefined without one. */
  private filesFor(parse: ParseFn): ParsedFiles | undefined {
    if (!this.options.parseWorker) return undefined;
    if (!this.files) {
      const worker = this.startWorker(this.options.parseWorker);
      // A crate file the worker gave up is counted and parsed again when due, like the
      // document's own (see forgetGivenUp); it never replaces the document's model.
      this.files = new ParsedFiles(parse, (p, t, hints) => worker.parse(p, t, undefined, false, hints?.blankBodies), {
        onGivenUp: (p, t, file) => this.noteParse(p, t, file),
      });
      // What the main thread parsed already (the open documents' models) serves the walks too.
      for (const [p, e] of this.parsed) this.files.put(p, e.text, e.file);
    }
    return this.files;
  }

  /**
   * Hands every `.rs` file under a crate entry's directory to the parse worker, a slice of files
   * per turn of the event loop (reading 20 MB from disk in one go would block), then walks the
   * crate again once they are in.
   */
  private readCrateFiles(project: Project, entry: string, files: ParsedFiles): Promise<void> {
    let done = this.rootsRead.get(project);
    if (!done) this.rootsRead.set(project, (done = new Set()));
    if (done.has(entry)) {
      return this.track(files.fetch().then(() => this.filesRead()));
    }
    done.add(entry);
    const run = async (): Promise<void> => {
      const { needed, rest } = firstNeeded(await project.sourceFilesAsync(entry), entry, this.openTextsUnder(dirname(entry)));
      const list = [...needed, ...rest];
      // Once the files the open documents name are in, their types are laid out again at once,
      // without waiting for the rest of the crate (a whole crate is a second or more of parsing).
      if (needed.length && rest.length) void this.track(this.whenParsed(files, needed).then(() => this.filesRead()));
      if (this.index.readFileAsync) {
        // Off the main thread (the disk's waits and copies are Node's thread pool), the files the
        // open documents name first; each handed to the worker as it arrives.
        let bytes = 0;
        await readAhead(this.index, list, (p, t) => {
          files.parse(p, t, this.unshownHints(p));
          bytes += t.length;
          if (bytes >= READ_SLICE_BYTES) {
            bytes = 0;
            void files.fetch();
          }
        }, () => this.isDisposed, nextTurn, 8);
        await files.fetch();
        this.filesRead();
        return;
      }
      let i = 0;
      while (i < list.length && !this.isDisposed) {
        let bytes = 0;
        while (i < list.length && bytes < READ_SLICE_BYTES) {
          const p = list[i++]!;
          const t = this.index.readFile(p);
          if (t === undefined) continue;
          bytes += t.length;
          files.parse(p, t, this.unshownHints(p));
        }
        void files.fetch();
        await nextTurn();
      }
      await files.fetch();
      this.filesRead();
    };
    return this.track(run());
  }

  /**
   * How a crate file is parsed: as written when a document holds it (its model is the one the
   * surfaces show), else with its function bodies blanked (`UNSHOWN_FILE`).
   */
  private unshownHints(path: string): ParseHints | undefined {
    this.openPaths ??= new Set(vscode.workspace.textDocuments.filter((d) => !d.isClosed && host().handles(d.uri)).map((d) => host().pathOf(d.uri)));
    return this.openPaths.has(path) ? undefined : UNSHOWN_FILE;
  }

  /** The open Rust documents under `dir`: paths and texts. */
  private openTextsUnder(dir: string): { path: string; text: string }[] {
    return vscode.workspace.textDocuments
      .filter((d) => !d.isClosed && d.languageId === 'rust' && host().handles(d.uri) && host().pathOf(d.uri).startsWith(`${dir}/`))
      .map((d) => ({ path: host().pathOf(d.uri), text: d.getText() }));
  }

  /** Resolves once every one of `paths` has a model (polled each 10 ms; at most 10 s). */
  private async whenParsed(files: ParsedFiles, paths: readonly string[]): Promise<void> {
    const deadline = performance.now() + 10_000;
    while (!this.isDisposed && performance.now() < deadline) {
      if (paths.every((p) => {
        const t = this.index.readFile(p);
        return t === undefined || files.get(p, t, this.unshownHints(p)) !== undefined;
      })) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Files came in from the worker: walks made before are made again (coalesced), and the surfaces ask again. */
  private filesRead(): void {
    if (this.readsTimer || this.isDisposed) return;
    this.readsTimer = setTimeout(() => {
      this.readsTimer = undefined;
      if (this.isDisposed) return;
      this.reads++;
      this._onDidRead.fire();
      this._onDidInvalidate.fire();
      if (!this.reading) this._onDidFinishReading.fire();
    }, 30);
  }

  /** Whether crate files are being read (some results may say "still being read"). */
  get reading(): boolean {
    return (this.files?.busy ?? false) || this.readsTimer !== undefined;
  }

  /**
   * Resolves when the next batch of files read elsewhere is in (the results are then made
   * again), when nothing is being read, or after `ms`.
   */
  nextRead(ms: number, token?: vscode.CancellationToken): Promise<void> {
    if (!this.reading) return Promise.resolve();
    return new Promise((resolve) => {
      const subs: vscode.Disposable[] = [];
      const done = () => {
        clearTimeout(timer);
        for (const d of subs) d.dispose();
        resolve();
      };
      const timer = setTimeout(done, ms);
      subs.push(this._onDidRead.event(done));
      if (token) subs.push(token.onCancellationRequested(done));
    });
  }

  /** Runs a reading task (errors logged) and shows progress if reading lasts; resolves when it ends. */
  private track(p: Promise<unknown>): Promise<void> {
    this.showProgressSoon();
    return p.then(
      () => undefined,
      (err: unknown) => this.log.error('reading crate files failed', err),
    );
  }

  /** Past a second of reading crate files, the status bar shows it until all is read. */
  private showProgressSoon(): void {
    if (this.progressPlanned) return;
    this.progressPlanned = true;
    setTimeout(() => {
      if (!this.reading || this.isDisposed) {
        this.progressPlanned = false;
        return;
      }
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Rust Layout: reading the crate' }, async (progress) => {
        while (this.reading && !this.isDisposed) {
          const left = this.files?.pending ?? 0;
          progress.report({ message: left > 0 ? `${left} files to parse` : undefined });
          await this.nextRead(500);
        }
        this.progressPlanned = false;
      });
    }, PROGRESS_AFTER_MS);
  }

  /**
   * A Rust document was closed: crates none of whose files is open any more are let go, with
   * their parsed files (dependency files go when no Rust document is open at all).
   */
  private dropClosedCrates(): void {
    const open = vscode.workspace.textDocuments.filter((d) => !d.isClosed && d.languageId === 'rust' && host().handles(d.uri)).map((d) => host().pathOf(d.uri));
    if (open.length === 0) {
      this.letGo();
      this.dropped = new Promise<undefined>((resolve) => (this.letGo = () => resolve(undefined)));
      this.walking.clear();
      this.crates.clear();
      this.projects.clear();
      this.parsed.clear();
      this.docs.clear();
      // The texts read from disk (20 MB for a 20 MB crate) go too, and the expansions and manifests kept for the next walk.
      this.index.clear();
      clearExpansionMemo();
      clearParsedManifests();
      this.files = undefined;
      this.worker?.dispose();
      this.worker = undefined;
      return;
    }
    for (const [key, c] of this.crates) {
      if (!open.some((p) => p.startsWith(`${c.dir}/`))) this.crates.delete(key);
    }
  }

  /** Whether a document not `own` was edited (or closed) after edit number `seq`. */
  private editedSince(seq: number, own: (path: string) => boolean): boolean {
    if (seq === this.editSeq) return false;
    for (const [p, n] of this.lastEdit) if (n > seq && !own(p)) return true;
    return false;
  }

  /**
   * Forgets the path dependencies `project` has read whose open documents were edited since
   * crate `c` was analysed (a dependency crate is read once per package graph), so that they are
   * read again with their new texts. True when one was.
   */
  private forgetEditedDependencies(project: Project, c: CrateEntry): boolean {
    if (c.editSeq === this.editSeq) return false;
    let forgot = false;
    for (const [p, n] of this.lastEdit) {
      if (n <= c.editSeq || c.program.texts.has(p)) continue;
      for (const node of [...project.read]) {
        if (node.source === 'path' && node !== project.graph.root && isInside(p, node.dir)) {
          project.forget(node);
          forgot = true;
        }
      }
    }
    return forgot;
  }

  /**
   * The workspace package whose build reaches the package at `dir` as a registry or git
   * dependency (vendored ones included), with that package's node in its graph: the graphs made
   * so far for this target, a library's before a test's. Undefined when none does (the package is
   * then laid out as it builds alone). Only the graphs of packages in a workspace folder count:
   * a registry crate opened earlier from outside the workspace (Go to Definition) has a graph
   * too, and a crate its build reaches (a dev-dependency's `default-features = false`) must not
   * be laid out as that crate builds it, nor differently depending on what was opened before.
   */
  private dependencyOfWorkspace(dir: string, target: Target): { project: Project; node: PackageNode } | undefined {
    let fallback: { project: Project; node: PackageNode } | undefined;
    for (const [key, e] of this.projects) {
      const project = e.done?.project;
      if (!project || project.graph.target.triple !== target.triple || project.graph.root.dir === dir) continue;
      if (!this.inWorkspaceFolder(project.graph.root.dir)) continue;
      const node = project.graph.packages().find((p) => p.dir === dir && p.source !== 'path');
      if (!node) continue;
      if (!key.includes('\0dev')) return { project, node };
      fallback ??= { project, node };
    }
    return fallback;
  }

  /** Whether `dir` is inside one of the window's workspace folders (that this host reads). */
  private inWorkspaceFolder(dir: string): boolean {
    return (vscode.workspace.workspaceFolders ?? []).some((f) => host().handles(f.uri) && isInside(dir, host().pathOf(f.uri)));
  }

  /**
   * The package graph of a package for a target, kept (with the dependency crates read so far)
   * until files change on disk. Undefined when its manifest cannot be read (logged).
   */
  private async projectFor(dir: string, target: Target, parse: ParseFn, files: ParsedFiles | undefined, dev: boolean, features: FeatureSelection): Promise<Project | undefined> {
    const key = `${dir}\0${target.triple}${dev ? '\0dev' : ''}\0${featureArgs(features).join(' ')}`;
    const generation = this.index.projectGeneration;
    const hit = this.projects.get(key);
    // Sources outside the workspace (CARGO_HOME) are not watched: a graph missing some is made
    // again after a while, in case `cargo fetch` brought them.
    const stale = hit?.done && (hit.done.project?.graph.missing.length ?? 0) > 0 && performance.now() - hit.made > MISSING_RECHECK_MS;
    if (hit && hit.generation === generation && !stale) return hit.project;
    const entry: ProjectEntry = { generation, made: performance.now(), project: Promise.resolve(undefined), done: undefined };
    entry.project = this.makeProject(dir, target, parse, files, dev, features).then((project) => {
      entry.done = { project };
      entry.made = performance.now();
      return project;
    });
    this.projects.set(key, entry);
    return entry.project;
  }

  /**
   * The whole-workspace build of a workspace member's project, made once per project: null
   * outside a workspace, alone in it, or when every package the member reaches gets the same
   * features (then nothing more is loaded). The manifests are read a turn's budget at a time.
   */
  private wholeWorkspaceOf(project: Project, target: Target, parse: ParseFn, files: ParsedFiles | undefined, features: FeatureSelection): Promise<{ readonly variant: WorkspaceVariant; readonly project: Project } | null> {
    let hit = this.wholeWorkspace.get(project);
    if (hit) return hit;
    hit = (async () => {
      const alone = project.graph;
      const fs = budgetedFs(this.index, this.budget);
      for (;;) {
        try {
          const make = () => (files ? withManifestBudget(this.budget, () => new CargoGraph(fs, target, alone.root.dir, features, alone.dev, true)) : new CargoGraph(this.index, target, alone.root.dir, features, alone.dev, true));
          const variant = workspaceVariant(alone, make);
          if (!variant) return null;
          this.log.debug(`${alone.root.dir}: a whole-workspace build gives other features: ${variant.why}`);
          const machine = host().machine;
          const buildHost = machine ? hostTriple(machine.platform, machine.arch) : undefined;
          const other = new Project(variant.graph, this.index, parse, target, { ...(files ? { files, onRead: () => this.filesRead(), budget: this.budget } : {}), ...(buildHost ? { host: buildHost } : {}) });
          return { variant, project: other };
        } catch (err) {
          if (err instanceof Postponed && !this.isDisposed) {
            await nextTurn();
            continue;
          }
          this.log.warn(`${alone.root.dir}: whole-workspace build: ${(err as Error).message}`);
          return null;
        }
      }
    })();
    this.wholeWorkspace.set(project, hit);
    return hit;
  }

  /** The whole-workspace build's analysis of a member's crate (walked in slices), made again when files change or come in. */
  private wholeWorkspaceAnalysis(project: Project, key: string, entry: string, withOwnLibrary: boolean, target: string, generation: number, reads: number): Promise<Analysis> {
    const hit = this.wholeWorkspaceCrates.get(key);
    if (hit && hit.project === project && hit.generation === generation && hit.reads === reads) return hit.analysis;
    if (hit?.project === project && hit.generation !== generation) project.forget(project.graph.root);
    const analysis = (async () => {
      const c = await project.loadCrateInSlices(project.graph.root, entry, { read: (p) => this.index.readFile(p), ...(withOwnLibrary ? { withOwnLibrary } : {}) }, WALK_SLICE_MS);
      return this.analyzer.analyze({ crate: c.input, texts: c.texts }, target);
    })();
    this.wholeWorkspaceCrates.set(key, { project, generation, reads, analysis });
    return analysis;
  }

  /**
   * A package graph and its project. With the parse worker the manifests (a graph of 80 crates
   * reads 80, about 4 ms each to parse) are parsed a turn's budget at a time: the graph is built
   * again in the next turn, with what was parsed kept, until it is complete.
   */
  private async makeProject(dir: string, target: Target, parse: ParseFn, files: ParsedFiles | undefined, dev: boolean, features: FeatureSelection): Promise<Project | undefined> {
    if (files) await this.prefetchManifests(dir);
    const fs = budgetedFs(this.index, this.budget);
    for (;;) {
      try {
        // With the worker, reading and parsing the manifests (and finding the packages in their
        // sources) is charged to the turn's budget: the graph is built again in the next turn.
        const graph = files
          ? withManifestBudget(this.budget, () => new CargoGraph(fs, target, dir, features, dev))
          : new CargoGraph(this.index, target, dir, features, dev);
        for (const p of graph.problems) this.log.warn(p.message);
        const machine = host().machine;
        const buildHost = machine ? hostTriple(machine.platform, machine.arch) : undefined;
        // A package outside the workspace folders (a registry crate opened from outside, Go to
        // Definition) is not watched, like every dependency source: its `include!("x.rs")` files
        // are read as a dependency's are (cssparser's tokenizer, unicode-linebreak's tables).
        const outside = !this.inWorkspaceFolder(dir);
        return new Project(graph, this.index, parse, target, { ...(files ? { files, onRead: () => this.filesRead(), budget: this.budget } : {}), ...(buildHost ? { host: buildHost } : {}), ...(outside ? { ownIncludes: true } : {}) });
      } catch (err) {
        if (err instanceof Postponed && !this.isDisposed) {
          await nextTurn();
          continue;
        }
        this.log.warn(`${dir}: ${(err as Error).message}`);
        return undefined;
      }
    }
  }

  /**
   * Reads and parses the manifests of the packages in the package's Cargo.lock a turn's budget
   * at a time, so that building its graph (which would otherwise be put off and built again
   * once per turn) finds them cached. Errors are left for the build to report.
   */
  private async prefetchManifests(dir: string): Promise<void> {
    const steps = lockedManifests(this.index, dir);
    for (let done = false; !done && !this.isDisposed; ) {
      if (!this.budget.left) await nextTurn();
      done = this.budget.spend(() => {
        try {
          const step = steps.next();
          if (step.done) return true;
          parseManifest(step.value.text, step.value.dir);
          return false;
        } catch {
          return false;
        }
      });
    }
  }

  /**
   * Parses with the (path, text) cache; every tree is deleted before returning. A given-up text
   * is parsed again only when due: until then its given-up model stands in.
   */
  private parse(parser: RustParser, path: string, text: string): SourceFile {
    const hit = this.parsed.get(path);
    if (hit && hit.text === text) return hit.file;
    const waiting = this.retries.waiting(path, text);
    if (waiting) return waiting;
    const file = this.analyzer.parseWith(parser, path, text);
    this.noteParse(path, text, file);
    return file;
  }

  /**
   * Caches a parse by (path, text), unless it was given up: that one is recorded to be parsed
   * again (src/features/parseRetries.ts). When an earlier parse of this text had been given up,
   * every surface is told to ask again (other documents of the crate may show more now).
   */
  private noteParse(path: string, text: string, file: SourceFile): void {
    const outcome = this.retries.note(path, text, file);
    if (outcome === 'givenUp') {
      const s = this.retries.state(path, text);
      if (s && !this.loggedGivenUp.has(file)) this.log.info(`${path}: ${file.problems[0]?.message ?? 'parse given up'} (attempt ${s.attempts} of ${MAX_ATTEMPTS})`);
      this.loggedGivenUp.add(file);
      return;
    }
    if (this.parsed.get(path)?.text !== text) {
      this.parsed.set(path, { text, file });
      this.files?.put(path, text, file);
    }
    if (outcome === 'recovered') {
      this.log.info(`${path}: parsed this time, after a given-up parse`);
      later(() => {
        if (!this.isDisposed) this._onDidInvalidate.fire();
      });
    }
  }

  /**
   * Forgets the results, crates and package graphs that may hold a given-up model (the parses
   * themselves stay cached), and the crate files the worker gave up whose next attempt is due:
   * the next walk sends them to the worker again.
   */
  private forgetGivenUp(): void {
    this.docs.clear();
    this.crates.clear();
    this.projects.clear();
    this.files?.forgetGivenUp((p, t) => this.retries.due(p, t));
  }

  /** Some given-up texts are due for another parse and the extension host is idle: the surfaces ask again. */
  private retryGivenUp(): void {
    if (this.isDisposed) return;
    this.forgetGivenUp();
    this._onDidInvalidate.fire();
  }

  /**
   * How the diagnostic of a given-up parse of this text ends: when it will be parsed again, or
   * that it will not be before the text changes.
   */
  retryNote(path: string, text: string): string {
    const s = this.retries.state(path, text);
    if (!s) return '';
    if (s.willRetry) return ` It will be parsed again once the editor is idle (attempt ${s.attempts} of ${MAX_ATTEMPTS}).`;
    return ` It was given up ${s.attempts} times; it will be parsed again when the text changes.`;
  }

  /** A line in the log at debug level (the surfaces say there what they answered, and when). */
  debug(message: string): void {
    this.log.debug(message);
  }

  /** Runs a provider's body: an exception is logged and becomes `fallback`, never thrown into VS Code. */
  async safely<T>(what: string, body: () => Promise<T> | T, fallback: T): Promise<T> {
    try {
      return await body();
    } catch (err) {
      this.log.error(`${what} failed`, err);
      return fallback;
    }
  }

  /** The report for the document's current text (the types declared in it). */
  async get(document: vscode.TextDocument): Promise<Report | undefined> {
    return (await this.analyze(document))?.report;
  }

  /** The types of `report` that are declared in `document` (a crate report may list others). */
  typesIn(document: vscode.TextDocument, report: Report): TypeReport[] {
    const path = documentPath(document);
    return report.types.filter((t) => sameFile(t.file, path));
  }

  /** Drops every cached result (settings changed, files changed outside the editor). */
  invalidate(): void {
    this.docs.clear();
    this.crates.clear();
    this.projects.clear();
    this.index.clear();
    this._onDidInvalidate.fire();
  }

  override dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    if (this.readsTimer) clearTimeout(this.readsTimer);
    this.retries.dispose();
    this.failedRuns.dispose();
    this.worker?.dispose();
    this.worker = undefined;
    this.files = undefined;
    this.trees?.dispose();
    this.trees = undefined;
    this.docs.clear();
    this.parsed.clear();
    this.crates.clear();
    super.dispose();
  }
}

function treeDoc(d: vscode.TextDocument): TextDocumentLike {
  return { uri: documentPath(d), version: d.version, getText: () => d.getText() };
}

/** The path handed to the engine: the host's path for documents it reads files for (`file:` ones in Node), else the URI path. */
export function documentPath(document: vscode.TextDocument): string {
  return host().handles(document.uri) ? host().pathOf(document.uri) : document.uri.path;
}
