/**
 * One crate analysed version after version (the editor's way): the home of the incremental
 * work between a keystroke and the next analysis of a crate.
 *
 * A full load walks the module tree (src/analysis/modules.ts, macros expanded), fills a crate
 * scope and analyses it. A keystroke changes one file: when that file's *walk signature* (its
 * module declarations with their attributes, `extern crate` items and inner attributes) is the
 * same as before and neither version has a macro call or a `macro_rules!` definition, the walk
 * could not come out differently anywhere but in that file's items. The scope is then patched
 * in place (`CrateScope.replaceFile`) and a new engine lays out what is asked; nothing else is
 * walked, parsed or filled again. Anything else (a `mod` added, a macro, a file of another
 * crate) takes a full load. The differential test (test/unit/crateSession.test.ts) checks, over
 * hundreds of random edits, that a patched analysis equals a fresh one.
 */
import type { Item, SourceFile } from '../core/model';
import type { CrateExpander } from '../analysis/expand';
import { type FileWalk, rewalkFile, sameTextual } from '../analysis/modules';
import { itemHasTypeMacro } from '../analysis/typeMacros';
import type { CrateScope } from '../core/resolve';
import type { Analysis, Analyzer, Program } from '../analysis/analyzer';
import type { LoadCrateOptions, Project } from '../analysis/project';
import type { PackageNode } from '../cargo/graph';

/**
 * What of a file decides how the rest of its crate is walked, as a string; undefined when the
 * file has a macro call or a `macro_rules!` definition (expansions and textual macro scope can
 * reach other files).
 */
export function walkSignature(file: SourceFile): string | undefined {
  return signature(file.items, file.innerAttrs, false);
}

/**
 * The module declarations and `extern crate` items of items (with the file's inner attributes),
 * as a string. `skipMacros`: macro calls and definitions are passed over (the caller compares
 * them otherwise); else undefined when there is one.
 */
function signature(items: readonly Item[], innerAttrs: SourceFile['innerAttrs'], skipMacros: boolean): string | undefined {
  const out: string[] = [innerAttrs.map((a) => a.text).join('\u0001')];
  const walk = (items: readonly Item[], depth: number): boolean => {
    for (const it of items) {
      switch (it.kind) {
        case 'macroCall':
        case 'macroRules':
          if (!skipMacros) return false;
          break;
        case 'mod':
          out.push(`${depth}:mod ${it.name}|${it.vis ?? ''}|${it.items ? 'inline' : 'file'}|${it.pathAttr ?? ''}|${it.attrs.map((a) => a.text).join('\u0001')}|${(it.innerAttrs ?? []).map((a) => a.text).join('\u0001')}|${JSON.stringify(it.cfg)}`);
          if (it.items && !walk(it.items, depth + 1)) return false;
          break;
        case 'externCrate':
          out.push(`${depth}:extern ${it.crate}|${it.alias ?? ''}|${it.macroUse ? 'macro_use' : ''}|${JSON.stringify(it.cfg)}`);
          break;
        default:
          // A type-position macro call is expanded by the walk too (src/analysis/typeMacros.ts).
          if (!skipMacros && itemHasTypeMacro(it)) return false;
          break;
      }
    }
    return true;
  };
  return walk(items, 0) ? out.join('\n') : undefined;
}

/** A file's `macro_rules!` definitions (inline modules' included), as a string. */
function macroDefinitions(items: readonly Item[]): string {
  const out: string[] = [];
  const walk = (items: readonly Item[], depth: number): void => {
    for (const it of items) {
      if (it.kind === 'macroRules') out.push(`${depth}:${it.name}|${it.attrs.map((a) => a.text).join('\u0001')}|${JSON.stringify(it.cfg)}|${it.body}`);
      else if (it.kind === 'mod' && it.items) {
        out.push(`${depth}:mod ${it.name}`);
        walk(it.items, depth + 1);
      }
    }
  };
  walk(items, 0);
  return out.join('\n');
}

export interface SessionAnalysis {
  readonly analysis: Analysis;
  readonly program: Program;
  /** Files the walk is still waiting for (see ParsedFiles): walk again once they are in. */
  readonly pending: number;
  /**
   * How this analysis was made: a full load, files patched into the last scope, or patched with
   * a file's macro calls expanded again (`expanded`).
   */
  readonly how: 'loaded' | 'patched' | 'expanded';
}

export class CrateSession {
  private last: { scope: CrateScope; program: Program; pending: number; expander: CrateExpander; fileWalks: ReadonlyMap<string, FileWalk> } | undefined;
  /** The model each file of the last walk was walked from, by path (macro expansions left out). */
  private models = new Map<string, SourceFile>();

  constructor(
    private readonly project: Project,
    private readonly node: PackageNode,
    readonly entry: string,
    private readonly analyzer: Analyzer,
    private readonly triple: string,
    private readonly options: Pick<LoadCrateOptions, 'read' | 'withOwnLibrary'> & {
      readonly parse: (path: string, text: string) => SourceFile;
      /** Walks yield to the event loop after this many milliseconds (the editor's way); without, a walk is one piece. */
      readonly sliceMs?: number;
    },
  ) {}

  /** The last analysis' program (undefined before the first load). */
  get program(): Program | undefined {
    return this.last?.program;
  }

  /** Walks the whole crate again and analyses it. */
  async load(): Promise<SessionAnalysis> {
    const opts = { read: this.options.read, withOwnLibrary: this.options.withOwnLibrary };
    const loaded = this.options.sliceMs !== undefined ? await this.project.loadCrateInSlices(this.node, this.entry, opts, this.options.sliceMs) : this.project.loadCrate(this.node, this.entry, opts);
    const program: Program = { crate: loaded.input, texts: loaded.texts };
    const analysis = await this.analyzer.analyze(program, this.triple);
    this.models = new Map();
    for (const [p, t] of loaded.texts) if (!p.includes('#macro:')) this.models.set(p, this.options.parse(p, t));
    this.last = { scope: analysis.crate, program, pending: loaded.pending, expander: loaded.expander, fileWalks: loaded.fileWalks };
    return { analysis, program, pending: loaded.pending, how: 'loaded' };
  }

  /**
   * The analysis after `changed` files got new texts (their models given): one patched into the
   * last scope when it can be (see the header), else a full load. Files not in the last walk,
   * or a walk that was waiting for files, take a full load.
   */
  async update(changed: readonly { readonly path: string; readonly text: string; readonly file: SourceFile }[]): Promise<SessionAnalysis> {
    const last = this.last;
    if (!last || last.pending > 0 || changed.length === 0) return this.load();
    // Every file's new items first (its macro calls expanded again where it has some): if one
    // cannot be patched, nothing was changed in the scope yet.
    const patches: { path: string; text: string; file: SourceFile; items: readonly Item[] }[] = [];
    let expanded = false;
    for (const c of changed) {
      const items = this.patchItems(c, last);
      if (!items) return this.load();
      expanded ||= items !== c.file.items;
      patches.push({ ...c, items });
    }
    const texts = new Map(last.program.texts);
    for (const c of patches) {
      last.scope.replaceFile(c.path, c.items);
      texts.set(c.path, c.text);
      this.models.set(c.path, c.file);
      // The expansions' texts (their virtual paths start with the file's), made again.
      const prefix = `${c.path}#macro:`;
      for (const p of [...texts.keys()]) if (p.startsWith(prefix)) texts.delete(p);
      for (const [p, t] of last.expander.texts) if (p.startsWith(prefix)) texts.set(p, t);
    }
    const program: Program = { crate: last.scope.input, texts };
    this.last = { ...last, program, pending: 0 };
    const analysis = await this.analyzer.analyzeScope(last.scope, program, this.triple);
    return { analysis, program, pending: 0, how: expanded ? 'expanded' : 'patched' };
  }

  /**
   * The items to put in place of a changed file's (`CrateScope.replaceFile`), or undefined when
   * the crate must be walked again. A file without macros: its items, when its walk signature
   * is unchanged. A file with macro calls or definitions: its calls expanded again, alone, in
   * the textual scope the last walk gave it (`rewalkFile`), when its definitions are unchanged,
   * the expansions' module declarations and the textual scope at its end come out the same, and
   * nothing is left waiting for a parse.
   */
  private patchItems(c: { readonly path: string; readonly text: string; readonly file: SourceFile }, last: NonNullable<CrateSession['last']>): readonly Item[] | undefined {
    const was = this.models.get(c.path);
    if (!was || c.file.problems.some((p) => p.code === 'parseAbandoned')) return undefined;
    const plain = walkSignature(was);
    if (plain !== undefined && plain === walkSignature(c.file)) return c.file.items;
    if (signature(was.items, was.innerAttrs, true) !== signature(c.file.items, c.file.innerAttrs, true)) return undefined;
    if (macroDefinitions(was.items) !== macroDefinitions(c.file.items)) return undefined;
    const walks = [...last.fileWalks.entries()].filter(([, w]) => w.file === c.path);
    if (walks.length !== 1) return undefined;
    const [key, fw] = walks[0]!;
    const walkedBefore = key === '' ? last.scope.input.root.items : last.scope.input.fileModules.get(key)?.items;
    if (!walkedBefore) return undefined;
    const ex = last.expander;
    const pending = ex.pending;
    ex.forgetFile(c.path);
    const r = rewalkFile(fw, c.file.items, c.text, ex, last.fileWalks);
    if (ex.pending !== pending || ex.missedExported || !r.sameScopes) return undefined;
    if (!sameTextual(r.textual, fw.textualOut)) return undefined;
    if (signature(walkedBefore, was.innerAttrs, true) !== signature(r.items, c.file.innerAttrs, true)) return undefined;
    return r.items;
  }
}
