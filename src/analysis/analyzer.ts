/**
 * The headless analyser: parse (web-tree-sitter) → model → resolve → layout → reports.
 * Used by the CLI, the editor features (through `src/features`) and the tests. No `vscode`.
 */
import { STD_PATH } from '../core/stdModel';
import type { Report, TypeReport } from '../core/reportTypes';
import type { CfgPredicate, Item, SourceFile, TypeItem } from '../core/model';
import { type ParseOptions, type RustParser, type WasmFiles, loadRustParser } from '../parse/parser';
import { extractFile } from '../parse/extract';
import { hintedText, type ParseHints } from './project';
import { CrateScope, type CrateInput, type ModuleScope, Resolver, evalCfg } from '../core/resolve';
import { itemHasTypeMacro } from './typeMacros';
import { CrateExpander, editionOf } from './expand';
import { loadModules } from './modules';
import { Engine, type SharedLayoutCache } from '../core/engine';
import { reportType } from '../core/report';
import { withInstances } from '../core/instances';
import { heapOfTy, heapReport, type HeapReport } from '../core/heap/collections';
import { PRELUDE, STD_SOURCE } from '../core/stdSource';
import { type Target, getTarget, DEFAULT_TARGET } from '../core/targets';

export class UnknownTargetError extends Error {}

/** A whole program: one crate with its files' texts. */
export interface Program {
  readonly crate: CrateInput;
  /** File path → text (for type texts in reports). */
  readonly texts: ReadonlyMap<string, string>;
}

/** One analysis of a program for a target: the engine and the crate's scopes, reusable for queries. */
export class Analysis {
  constructor(
    readonly target: Target,
    readonly engine: Engine,
    readonly crate: CrateScope,
    readonly program: Program,
  ) {}

  private reportsCache?: TypeReport[];

  /** Reports for every struct/enum/union of the crate, in file and source order. */
  reports(filter?: (file: string) => boolean): TypeReport[] {
    if (!filter && this.reportsCache) return this.reportsCache;
    let out: TypeReport[] = [];
    const fileOrder = new Map<string, number>();
    const entries: { item: TypeItem; m: ModuleScope; name: string }[] = [];
    for (const { item, m } of this.crate.typeItems()) {
      const file = m.file;
      if (filter && !filter(file)) continue;
      if (!fileOrder.has(file)) fileOrder.set(file, fileOrder.size);
      const name = [...m.path, item.name].join('::');
      entries.push({ item, m, name });
      out.push(reportType(this.engine, { item, m, name, file, text: this.program.texts.get(file) }));
    }
    out = withInstances(this.engine, entries, out, () => this.crate.writtenTypes(undefined).filter((w) => !filter || filter(w.m.file)));
    out.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || (a.span?.start ?? 0) - (b.span?.start ?? 0));
    if (!filter) this.reportsCache = out;
    return out;
  }

  /**
   * What each non-generic struct, enum and union of the crate owns on the heap with `entries`
   * entries per collection (`inner` in those inside elements), by the report's name; types that
   * own nothing are absent.
   */
  heapReports(entries: number, inner: number): Map<string, HeapReport> {
    const out = new Map<string, HeapReport>();
    for (const { item, m } of this.crate.typeItems()) {
      if (item.generics.params.some((p) => p.kind !== 'lifetime')) continue;
      if (item.kind !== 'struct' && item.kind !== 'enum' && item.kind !== 'union') continue;
      const r = heapReport(heapOfTy(this.engine, { k: 'adt', def: { item, m }, args: [] }), entries, inner);
      if (r) out.set([...m.path, item.name].join('::'), r);
    }
    return out;
  }

  /** The module scope of a file (for resolving types written in it). */
  moduleOfFile(file: string): ModuleScope | undefined {
    const stack: ModuleScope[] = [this.crate.root];
    while (stack.length) {
      const m = stack.pop()!;
      if (m.file === file && (!m.parent || m.parent.file !== file)) return m;
      stack.push(...m.children.values());
    }
    return undefined;
  }
}

export class Analyzer {
  private parserP?: Promise<RustParser>;
  private stdFile?: SourceFile;
  private readonly stdScopes = new Map<string, { std: CrateScope; resolver: Resolver; cache: SharedLayoutCache }>();

  /**
   * `prebuiltStd`: the modelled std parsed at build time (src/core/stdModel.ts), or
   * undefined when there is none (std is then parsed on first use). `wasmFiles`: the parser's
   * WebAssembly files' bytes where they are not files in `wasmDir` (the web build).
   */
  constructor(private readonly opts: { readonly wasmDir: string; readonly wasmFiles?: WasmFiles; readonly prebuiltStd?: () => SourceFile | undefined }) {}

  /** The build's model of std, read once (undefined when there is none or it is stale). */
  private prebuilt(): SourceFile | undefined {
    if (!this.stdFile && !this.prebuiltTried) {
      this.prebuiltTried = true;
      this.stdFile = this.opts.prebuiltStd?.();
    }
    return this.stdFile;
  }

  private prebuiltTried = false;

  /** The folder with the parser's WebAssembly files (and the parse worker's script beside them). */
  get wasmDir(): string {
    return this.opts.wasmDir;
  }

  parser(): Promise<RustParser> {
    this.parserP ??= loadRustParser(this.opts.wasmDir, this.opts.wasmFiles);
    return this.parserP;
  }

  /** Parses one text into the model; the tree is freed before returning. */
  async parseFile(path: string, text: string, options?: ParseOptions): Promise<SourceFile> {
    const p = await this.parser();
    return this.parseWith(p, path, text, options);
  }

  /**
   * `options.budgetMs: Infinity` parses without the parse budget (see `parseBudgetMs`);
   * `hints.blankBodies` blanks function bodies first (a dependency's file, see src/parse/bodies.ts).
   */
  parseWith(p: RustParser, path: string, text: string, options?: ParseOptions, hints?: ParseHints): SourceFile {
    const source = hintedText(text, hints);
    const tree = p.parse(source, null, options);
    try {
      return extractFile(tree, source, path);
    } finally {
      tree.delete();
    }
  }

  private stdFileP?: Promise<SourceFile>;

  /**
   * Has the modelled std parsed elsewhere (the editor's parse worker: it is about 200 KB of
   * Rust, 150-300 ms to parse and extract in a new process), unless it is already. `parse`
   * must not give it up. A failure falls back to parsing it here.
   */
  preloadStd(parse: (path: string, text: string) => Promise<SourceFile>): void {
    if (this.prebuilt() || this.stdFileP) return;
    this.stdFileP = parse(STD_PATH, STD_SOURCE).then(
      (f) => {
        if (f.problems.some((p) => p.code === 'parseAbandoned')) throw new Error('given up');
        return f;
      },
    );
    this.stdFileP.catch(() => {
      this.stdFileP = undefined;
    });
  }

  /** The modelled std for a target (parsed once, scoped once per target). */
  private async stdFor(target: Target): Promise<{ std: CrateScope; resolver: Resolver; cache: SharedLayoutCache }> {
    const hit = this.stdScopes.get(target.triple);
    if (hit) return hit;
    this.prebuilt();
    if (!this.stdFile && this.stdFileP) this.stdFile = await this.stdFileP.catch(() => undefined);
    // A scope made by a concurrent call meanwhile.
    const made = this.stdScopes.get(target.triple);
    if (made) return made;
    // Our own source, never given up (a busy machine must not turn std into nothing).
    this.stdFile ??= await this.parseFile(STD_PATH, STD_SOURCE, { budgetMs: Infinity });
    const input: CrateInput = { name: 'std', root: { file: STD_PATH, items: this.stdFile.items }, fileModules: new Map(), externCrates: [], features: [] };
    const std = new CrateScope(input, target, true);
    const r = { std, resolver: new Resolver(std, PRELUDE), cache: new Map() as SharedLayoutCache };
    this.stdScopes.set(target.triple, r);
    return r;
  }

  resolveTarget(triple: string | undefined): Target {
    const t = getTarget(triple ?? DEFAULT_TARGET);
    if (!t) throw new UnknownTargetError(`unknown target \`${triple}\``);
    return t;
  }

  /** Analyses a program (a crate and its texts) for a target. */
  async analyze(program: Program, triple?: string): Promise<Analysis> {
    const target = this.resolveTarget(triple);
    const { resolver, cache } = await this.stdFor(target);
    const crate = new CrateScope(program.crate, target, false);
    return new Analysis(target, new Engine(target, resolver, cache), crate, program);
  }

  /** An analysis over a crate scope made before (src/incremental/crateSession.ts patches one per keystroke): a new engine, no layout kept. */
  async analyzeScope(crate: CrateScope, program: Program, triple?: string): Promise<Analysis> {
    const target = this.resolveTarget(triple);
    const { resolver, cache } = await this.stdFor(target);
    return new Analysis(target, new Engine(target, resolver, cache), crate, program);
  }

  /**
   * A single file as its own crate root (inline modules included; `mod x;` files not followed;
   * item macros expanded), in the 2021 edition unless `opts.edition` names another.
   */
  async analyzeText(path: string, text: string, target?: string, opts: { readonly edition?: string } = {}): Promise<Report> {
    // Parsed to the end: the parse budget guards the editor's thread, not a caller that asked
    // for this text's layouts (on a loaded machine the first parse of a process, which compiles
    // the grammar's code, could be given up: a file without types).
    const file = await this.parseFile(path, text, { budgetMs: Infinity });
    const p = await this.parser();
    const t = this.resolveTarget(target);
    const program = singleFileProgram(file, text, { target: t, parse: (f, x) => this.parseWith(p, f, x, { budgetMs: Infinity }), ...(opts.edition ? { edition: opts.edition } : {}) });
    const a = await this.analyze(program, t.triple);
    return { target: a.target.triple, types: a.reports() };
  }

  /**
   * Drops this analyser's caches. The WASM parser is shared by every analyser of the same
   * directory (see `loadRustParser`), so it is freed only when `disposeParser` is set (the
   * composition root does this once, at shutdown).
   */
  dispose(opts: { disposeParser?: boolean } = {}): void {
    if (opts.disposeParser) void this.parserP?.then((p) => p.dispose()).catch(() => undefined);
    this.parserP = undefined;
    this.stdScopes.clear();
  }
}

/**
 * A file as its own crate root. With `expand`, item macro calls are expanded (the program then
 * also holds the expansions' texts); a file without any is taken as it is.
 */
export function singleFileProgram(file: SourceFile, text: string, expand?: { readonly target: Target; readonly parse: (path: string, text: string) => SourceFile; readonly edition?: string }): Program {
  // The 2021 edition unless one is named (a crate's own files come through src/analysis/program.ts).
  const edition = expand?.edition !== undefined ? { edition: expand.edition } : {};
  if (expand && hasMacroCalls(file.items)) {
    const none = new Set<string>();
    const holds = (p: CfgPredicate) => evalCfg(p, expand.target, none);
    const expander = new CrateExpander({ home: {}, edition: editionOf(expand.edition), external: () => undefined, parse: expand.parse, active: (cfg) => cfg.every(holds) });
    const mods = loadModules(file.path, { read: (p) => (p === file.path ? text : undefined), parse: (p, t) => (p === file.path ? file : expand.parse(p, t)), holds, expander });
    return { crate: { name: 'crate', root: mods.root, fileModules: new Map(), externCrates: externCratesOf(mods.root.items), features: [], ...edition }, texts: mods.texts };
  }
  return {
    crate: { name: 'crate', root: { file: file.path, items: file.items, ...(file.innerAttrs.length ? { innerAttrs: file.innerAttrs } : {}) }, fileModules: new Map(), externCrates: externCratesOf(file.items), features: [], ...edition },
    texts: new Map([[file.path, text]]),
  };
}

/** Item macro calls, or macro calls in a field's or alias's type. */
function hasMacroCalls(items: readonly Item[]): boolean {
  return items.some((i) => i.kind === 'macroCall' || itemHasTypeMacro(i) || (i.kind === 'mod' && i.items !== undefined && hasMacroCalls(i.items)));
}

export function externCratesOf(items: readonly Item[]): string[] {
  return items.filter((i) => i.kind === 'externCrate').map((i) => (i.kind === 'externCrate' ? (i.alias ?? i.crate) : ''));
}
