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
import type { CrateScope } from '../core/resolve';
import type { Analysis, Analyzer, Program } from './analyzer';
import type { LoadCrateOptions, Project } from './project';
import type { PackageNode } from '../cargo/graph';

/**
 * What of a file decides how the rest of its crate is walked, as a string; undefined when the
 * file has a macro call or a `macro_rules!` definition (expansions and textual macro scope can
 * reach other files).
 */
export function walkSignature(file: SourceFile): string | undefined {
  const out: string[] = [file.innerAttrs.map((a) => a.text).join('\u0001')];
  const walk = (items: readonly Item[], depth: number): boolean => {
    for (const it of items) {
      switch (it.kind) {
        case 'macroCall':
        case 'macroRules':
          return false;
        case 'mod':
          out.push(`${depth}:mod ${it.name}|${it.vis ?? ''}|${it.items ? 'inline' : 'file'}|${it.pathAttr ?? ''}|${it.attrs.map((a) => a.text).join('\u0001')}`);
          if (it.items && !walk(it.items, depth + 1)) return false;
          break;
        case 'externCrate':
          out.push(`${depth}:extern ${it.crate}|${it.alias ?? ''}|${it.macroUse ? 'macro_use' : ''}|${JSON.stringify(it.cfg)}`);
          break;
        default:
          break;
      }
    }
    return true;
  };
  return walk(file.items, 0) ? out.join('\n') : undefined;
}

export interface SessionAnalysis {
  readonly analysis: Analysis;
  readonly program: Program;
  /** Files the walk is still waiting for (see ParsedFiles): walk again once they are in. */
  readonly pending: number;
  /** How this analysis was made: a full load, or one file patched into the last scope. */
  readonly how: 'loaded' | 'patched';
}

export class CrateSession {
  private last: { scope: CrateScope; program: Program; pending: number } | undefined;
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
    this.last = { scope: analysis.crate, program, pending: loaded.pending };
    return { analysis, program, pending: loaded.pending, how: 'loaded' };
  }

  /**
   * The analysis after `changed` files got new texts (their models given): one patched into the
   * last scope when it can be (see the header), else a full load. Files not in the last walk,
   * or a walk that was waiting for files, take a full load.
   */
  async update(changed: readonly { readonly path: string; readonly text: string; readonly file: SourceFile }[]): Promise<SessionAnalysis> {
    const last = this.last;
    if (!last || last.pending > 0 || changed.length === 0 || !this.patchable(changed)) return this.load();
    const texts = new Map(last.program.texts);
    for (const c of changed) {
      last.scope.replaceFile(c.path, c.file.items);
      texts.set(c.path, c.text);
      this.models.set(c.path, c.file);
    }
    const program: Program = { crate: last.scope.input, texts };
    this.last = { scope: last.scope, program, pending: 0 };
    const analysis = await this.analyzer.analyzeScope(last.scope, program, this.triple);
    return { analysis, program, pending: 0, how: 'patched' };
  }

  private patchable(changed: readonly { readonly path: string; readonly file: SourceFile }[]): boolean {
    for (const c of changed) {
      const was = this.models.get(c.path);
      if (!was || c.file.problems.some((p) => p.code === 'parseAbandoned')) return false;
      const a = walkSignature(was);
      if (a === undefined || a !== walkSignature(c.file)) return false;
    }
    return true;
  }
}
