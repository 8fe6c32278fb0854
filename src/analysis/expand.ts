/**
 * Item-position macro calls, expanded during the module walk the way rustc's expansion sees
 * them (src/core/macros does the expanding itself):
 *
 * - `macro_rules!` definitions are in textual scope after their definition, in the module and
 *   the modules declared after it; a `#[macro_use] mod` keeps its macros in scope after it.
 * - `#[macro_export]` macros are named by path: `crate::m!`, `$crate::m!`, `dep::m!`, or
 *   imported (`use dep::m;`), and `#[macro_use] extern crate dep;` brings all of a dependency's.
 * - `cfg_if!` and `bitflags!` (1.x and 2.x) are built in (src/core/macros), so modules declared
 *   inside `cfg_if! { .. }` are reached and flags types have their layout.
 * - Calls that cannot be expanded stay in the model with the reason (a procedural macro, a macro
 *   that is not found, a matching error), which is what a type they may define says.
 *
 * An expansion's output is parsed like a file (a virtual one, `<file>#macro:N`); the items it
 * makes are marked (src/core/expansion.ts) and placed on the call in the real file.
 */
import type { CfgPredicate, Item, MacroItem, ModDef, SourceFile, Span, TypeExpr, UseEntry } from '../core/model';
import { markExpanded, type ExpansionMark } from '../core/expansion';
import { PENDING_FILE } from './parsedFiles';
import { dirname, isAbsolute, join } from '../cargo/paths';
import { hasTypeMacro, itemHasTypeMacro, mapItemTypes, mapTypeMacros, respan, typeMacroCall } from './typeMacros';
import type { WorkBudget } from '../core/budget';
import { SELF_CRATE } from '../core/resolve';
import { type Edition, type Expansion, type Failure, type MacroRules, blankEmptyGenerics, expandBitflags, expandCfgIf, expandMacro, expandPinProjectLite, parseMacroRules, soleMacroCall } from '../core/macros';

/** The crate a macro is defined in; `id` is its CrateScope's, set once the crate's scope exists. */
export interface MacroHome {
  id?: number;
}

/** The first segment `$crate` becomes in another crate: `::__rll_crate_<id>` (see Project.linksOf). */
export const DOLLAR_CRATE_PREFIX = '__rll_crate_';

/** A `macro_rules!` definition with what its expansions need. */
export interface MacroDef {
  readonly name: string;
  readonly body: string;
  /** The defining crate: `$crate` is `crate` there and `::__rll_crate_<id>` elsewhere. */
  readonly home: MacroHome;
  readonly edition: Edition;
  /** The package that defines it (`bitflags` 1.3.2 is expanded by the built-in). */
  readonly pkg?: { readonly name: string; readonly version?: string };
  /** `#[macro_export(local_inner_macros)]`. */
  readonly localInner: boolean;
  /** Parsed on first use. */
  parsed?: MacroRules | Failure;
}

/** The macros a crate exports (`#[macro_export]`): what other crates can name. */
export type ExportedMacros = ReadonlyMap<string, MacroDef>;

export interface ExpandEnv {
  /** The crate being walked. */
  readonly home: MacroHome;
  readonly pkg?: { readonly name: string; readonly version?: string };
  readonly edition: Edition;
  /** A dependency's exported macros by the name this crate uses for it, or why they cannot be read. */
  external(name: string): ExportedMacros | { readonly unavailable: string; readonly pending?: boolean } | undefined;
  /** Parses an expansion's text like a file. */
  readonly parse: (path: string, text: string) => SourceFile;
  readonly active: (cfg: readonly CfgPredicate[]) => boolean;
  /**
   * With a budget, an expansion not made before is put off once this turn's budget is spent:
   * the call is then pending (like an expansion whose parse is not in), and the walk is made again.
   */
  readonly budget?: WorkBudget;
  /** This crate's `#[macro_export]` macros from a walk made before (see `missedExported`). */
  readonly exportedBefore?: ReadonlyMap<string, MacroDef>;
  /** The macros modules' `use q;` gave a path in a walk made before (see `missedExported`). */
  readonly macroUsesBefore?: ReadonlyMap<string, ReadonlyMap<string, MacroDef>>;
  /**
   * Reads a file for `include!("file.rs")` at item position. Given only for crates whose sources
   * never change (registry and git dependencies): the editor does not watch included files.
   */
  readonly read?: (path: string) => string | undefined;
  /** The crate's sources never change and it is not the one being edited (a registry or git dependency). */
  readonly frozen?: boolean;
  /**
   * What a known build script's `OUT_DIR/<name>` holds (src/cargo/buildScripts.ts
   * `outDirSource`): a file with its items (the path), or the generated text itself.
   */
  readonly outDirSource?: (name: string) => { readonly path: string; readonly text?: string } | undefined;
  /** The OUT_DIR file a known build script names by an environment variable (`include!(env!("TYPENUM_BUILD_CONSTS"))`). */
  readonly outDirEnv?: (env: string) => string | undefined;
  /** The package's directory, what `env!("CARGO_MANIFEST_DIR")` gives. */
  readonly manifestDir?: string;
}

/**
 * Walks one `mod` at its place (src/analysis/modules.ts): the item to keep and the macros in
 * scope at its end. A generator, so that a long walk can be run a slice at a time.
 */
/**
 * Walks a `mod` at its place. `dir`: the directory its file is looked for in, when not the
 * module's own (the items of an `include!`d file look for theirs beside that file, as in a
 * `mod.rs`).
 */
export type WalkMod = (m: ModDef, textual: Textual | undefined, dir?: string) => Generator<void, { mod: ModDef; textual: Textual | undefined }, void>;

/** Macros in textual scope: a persistent list, innermost first. */
export interface Textual {
  readonly def: MacroDef;
  readonly next: Textual | undefined;
}

export interface ExpansionProblem {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

/** How offsets of an expansion's text map back to the real file. */
interface Placement {
  /** The outermost call, in the real file. */
  readonly call: Span;
  readonly macro: string;
  /** A real-file offset for an offset of this text, when the token came from a call's input. */
  map(offset: number): number | undefined;
}

export interface ItemsContext {
  /** The real file holding these items (or the outermost call). */
  readonly file: string;
  /** Its text (for line numbers). */
  readonly fileText: string;
  /** Macros in textual scope before these items. */
  readonly textual: Textual | undefined;
  /** Nested expansions so far (rustc's recursion limit counts them). */
  readonly depth: number;
  /** Undefined for the file's own items. */
  readonly place?: Placement;
  /** The path of the module these items are in (from the crate root), when known. */
  readonly module?: readonly string[];
  /** The directory of the `include!`d file these items come from (its own `include!`s and `mod`s start there). */
  readonly includeDir?: string;
}

/** How many `use`s deep a macro path is followed through the crate's modules. */
const MAX_MACRO_IMPORT_DEPTH = 16;

/** How many type-position calls deep an expansion is followed (a call whose type is another call). */
const MAX_TYPE_MACRO_DEPTH = 16;

const STD_NO_ITEMS = new Set(['thread_local', 'global_asm']);

const MODULE_KEYWORDS = new Set(['crate', 'self', 'super', '$crate', SELF_CRATE]);

/**
 * What `$crate` becomes in an expansion of `def` in the crate of `home`: its own crate's root by a
 * name of its own (SELF_CRATE, not `crate`: a `macro_rules!` the expansion defines keeps it
 * apart from a written `crate`, which names the crate where that macro is called), else the
 * defining crate by its scope id.
 */
function dollarCrateOf(def: MacroDef, home: MacroHome): string {
  return def.home === home || def.home.id === undefined ? SELF_CRATE : `::${DOLLAR_CRATE_PREFIX}${def.home.id}`;
}

/** rustc's default `recursion_limit`. */
const DEFAULT_RECURSION_LIMIT = 128;

export function editionOf(e: string | undefined): Edition {
  return e === '2015' ? 2015 : e === '2018' ? 2018 : e === '2024' ? 2024 : 2021;
}

/**
 * The line index of each file with macro calls, by path, for as long as its text is the same: a
 * crate is walked again after every edit and as files come in, and indexing every such file anew
 * on each walk cost tens of milliseconds in a large dependency graph.
 */
const lineIndexes = new Map<string, { readonly text: string; readonly lineOf: (offset: number) => number }>();
const MAX_LINE_INDEXES = 4096;

function lineIndexOf(path: string, text: string): (offset: number) => number {
  const hit = lineIndexes.get(path);
  if (hit && hit.text === text) return hit.lineOf;
  if (lineIndexes.size >= MAX_LINE_INDEXES) lineIndexes.clear();
  const lineOf = lineIndex(text);
  lineIndexes.set(path, { text, lineOf });
  return lineOf;
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (o) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** One crate's expansions (one per crate walk). */
export class CrateExpander {
  /** This crate's `#[macro_export]` macros, as the walk meets them. */
  readonly exported = new Map<string, MacroDef>();
  /** Names called by a crate path (`crate::m!`) and not exported (yet) when the walk met them. */
  private readonly missed = new Set<string>();
  private readonly lines = new Map<string, (o: number) => number>();
  readonly problems: ExpansionProblem[] = [];
  /** The expansions' texts by their virtual paths. */
  readonly texts = new Map<string, string>();
  private readonly macroUse: string[] = [];
  /** Expansions whose parse is not in yet (see ParsedFiles): the walk is made again once they are. */
  pending = 0;
  private recursionLimit = DEFAULT_RECURSION_LIMIT;
  /**
   * The `use` entries of each module walked so far, by module path joined with `::`: a macro
   * imported by `use super::*` or `use crate::m::bitflags` is found through them (a module's
   * parents are walked before it).
   */
  private readonly usesOf = new Map<string, readonly UseEntry[]>();
  /**
   * Macros that a module's `use q;` gives a path (`macro_rules! q {..} pub(crate) use q;`), by
   * module path joined with `::`, then by the name bound: `crate::m::q!` and `use m::q;` find them.
   */
  private readonly macroUses = new Map<string, Map<string, MacroDef>>();

  constructor(private readonly env: ExpandEnv) {}

  /** A new expander for a walk made again, knowing this walk's `#[macro_export]` macros (see `missedExported`). */
  again(): CrateExpander {
    return new CrateExpander({ ...this.env, exportedBefore: new Map(this.exported), macroUsesBefore: new Map(this.macroUses) });
  }

  /**
   * Whether a macro called by a crate path before its `#[macro_export]` definition was met is
   * exported after all: the walk must then be made again with `exportedBefore` (rustc puts every
   * exported macro at the crate root, whatever the order).
   */
  get missedExported(): boolean {
    for (const n of this.missed) if (this.exported.has(n) && !this.env.exportedBefore?.has(n)) return true;
    // Likewise a macro called by a module path (`self::inner::q!`) before that module's `use q;`.
    for (const [mod, name] of this.missedUses) if (this.macroUses.get(mod)?.has(name) && !this.env.macroUsesBefore?.get(mod)?.has(name)) return true;
    return false;
  }

  /** Macros looked for under a module's path and not found there, as [module, name]. */
  private readonly missedUses: [string, string][] = [];

  /**
   * Before a file's calls are expanded again alone (src/incremental/crateSession.ts): forgets its line
   * index, and the expansion texts and problems of its calls.
   */
  forgetFile(file: string): void {
    this.lines.delete(file);
    const prefix = `${file}#macro:`;
    for (const p of [...this.texts.keys()]) if (p.startsWith(prefix)) this.texts.delete(p);
    for (let i = this.problems.length - 1; i >= 0; i--) if (this.problems[i]!.file === file) this.problems.splice(i, 1);
  }

  /** Reads the root's `#[macro_use] extern crate`s and `#![recursion_limit]`. */
  noteRoot(root: SourceFile): void {
    for (const it of root.items) if (it.kind === 'externCrate' && it.macroUse && this.env.active(it.cfg)) this.macroUse.push(it.alias ?? it.crate);
    for (const a of root.innerAttrs) {
      const m = /^recursion_limit\s*=\s*"(\d+)"/.exec(a.text);
      if (m) this.recursionLimit = Number(m[1]);
    }
  }

  /**
   * One module's items in order: definitions join the textual scope, calls are replaced by their
   * expansion (expanded in turn), and `walkMod` walks each active `mod` at its place, returning
   * the module item to keep (an inline one with its items expanded) and the macros in scope at
   * its end (kept after it when it is `#[macro_use]`).
   */
  *items(items: readonly Item[], ctx: ItemsContext, walkMod: WalkMod): Generator<void, { items: Item[]; textual: Textual | undefined }, void> {
    const out: Item[] = [];
    let textual = ctx.textual;
    const own = items.flatMap((i) => (i.kind === 'use' && this.env.active(i.cfg) ? i.entries : []));
    if (ctx.module && ctx.depth === 0) this.usesOf.set(ctx.module.join('::'), own);
    // An expansion's items see the `use`s of the module it is in (syn-mid's `ast_struct!` structs
    // write `Token![..]` imported by the module), after its own.
    const outer = ctx.depth > 0 && ctx.module ? this.usesOf.get(ctx.module.join('::')) : undefined;
    const uses = outer?.length ? [...own, ...outer] : own;
    for (const it of items) {
      if (!('cfg' in it) || !this.env.active(it.cfg)) {
        out.push(it);
        continue;
      }
      switch (it.kind) {
        case 'macroRules': {
          const exportAttr = it.attrs.find((a) => a.name === 'macro_export');
          // `#[macro_export(local_inner_macros)]`: helper calls in its rules name `$crate`'s (bitflags 1, lazy_static, log).
          const localInner = exportAttr !== undefined && /local_inner_macros/.test(exportAttr.text);
          // Defined by an expansion: the outer macro's `$crate` (this crate) is `$crate` again here.
          const body = ctx.place && it.body.includes(SELF_CRATE) ? it.body.split(SELF_CRATE).join('$crate') : it.body;
          const def: MacroDef = { name: it.name, body, home: this.env.home, edition: this.env.edition, pkg: this.env.pkg, localInner };
          textual = { def, next: textual };
          if (exportAttr) this.exported.set(it.name, def);
          out.push(it);
          break;
        }
        case 'macroCall': {
          const r = yield* this.call(it, { ...ctx, textual }, uses, walkMod);
          // A place to stop between one expansion and the next (a file may hold hundreds).
          yield;
          if ('reason' in r) out.push({ ...it, unexpanded: r.reason });
          else {
            out.push(...r.items);
            textual = r.textual;
          }
          break;
        }
        case 'use': {
          // `pub(crate) use q;` of a `macro_rules! q` in textual scope: the macro has a path now.
          if (ctx.module) {
            for (const e of it.entries) {
              if (e.glob || e.path.length !== 1) continue;
              let def: MacroDef | undefined;
              for (let t = textual; t && !def; t = t.next) if (t.def.name === e.path[0]) def = t.def;
              if (!def) continue;
              const key = ctx.module.join('::');
              let m = this.macroUses.get(key);
              if (!m) this.macroUses.set(key, (m = new Map<string, MacroDef>()));
              m.set(e.alias ?? def.name, def);
            }
          }
          out.push(it);
          break;
        }
        case 'mod': {
          const r = yield* walkMod(it, textual);
          out.push(r.mod);
          if (it.attrs.some((a) => a.name === 'macro_use')) textual = r.textual;
          break;
        }
        default:
          // `Token![;]` in a field's type: the type its expansion is.
          out.push(itemHasTypeMacro(it) ? mapItemTypes(it, (te) => mapTypeMacros(te, (m) => this.typeMacro(m, { ...ctx, textual }, uses, 0))) : it);
      }
    }
    return { items: out, textual };
  }

  /**
   * `include!("file.rs")` at item position in a crate whose sources never change (ExpandEnv.read):
   * the file's text, as an expansion placed on the call. Undefined for other calls.
   */
  private included(call: MacroItem, ctx: ItemsContext): { readonly exp: Expansion; readonly dir: string } | undefined {
    if (!this.env.read || !/^(?:(?:::)?(?:std|core)::)?include$/.test(call.name)) return undefined;
    if (ctx.file.includes('#macro:')) return undefined;
    const arg = includeArgument(call.input);
    if (!arg) return undefined;
    let path: string | undefined;
    let text: string | undefined;
    if (arg.from === 'file') path = isAbsolute(arg.path) ? arg.path : join(ctx.includeDir ?? dirname(ctx.file), arg.path);
    else if (arg.from === 'manifest') path = this.env.manifestDir !== undefined ? join(this.env.manifestDir, arg.path.replace(/^\/+/, '')) : undefined;
    else {
      // `include!(concat!(env!("OUT_DIR"), "/tokenizer.rs"))` of a build script known to copy a
      // source file; `include!(env!("TYPENUM_BUILD_CONSTS"))`, a file the script names by a variable it sets.
      const out = arg.from === 'outDir' ? arg.path.replace(/^\/+/, '') : this.env.outDirEnv?.(arg.path);
      const src = out !== undefined ? this.env.outDirSource?.(out) : undefined;
      path = src?.path;
      text = src?.text;
    }
    if (path === undefined) return undefined;
    text ??= this.env.read(path);
    if (text === undefined) return undefined;
    let exp = includedFiles.get(path);
    if (exp?.text !== text) includedFiles.set(path, (exp = { text, origins: [] }));
    return { exp, dir: dirname(path) };
  }

  /**
   * The type a type-position macro call expands to, its spans on the call; undefined (the type
   * stays unknown) when the macro is not found, not yet read (the walk is made again), or its
   * expansion is not one type.
   */
  private typeMacro(m: Extract<TypeExpr, { kind: 'macro' }>, ctx: ItemsContext, uses: readonly UseEntry[], depth: number): TypeExpr | undefined {
    if (depth >= MAX_TYPE_MACRO_DEPTH) return undefined;
    const call = typeMacroCall(m);
    if (!call) return undefined;
    const item: MacroItem = { kind: 'macroCall', name: call.name, span: m.span, input: call.input, inputStart: call.inputStart, attrs: [], cfg: [] };
    const target = this.resolve(item, ctx.textual, uses, ctx.module);
    if ('reason' in target) {
      if (!target.pending) return undefined;
      this.pending++;
      // The type says it is waiting (the macro's crate is being read), not that it is unknown for good.
      return { ...m, pending: target.reason };
    }
    if (!('def' in target)) return undefined;
    const def = target.def;
    const dollarCrate = dollarCrateOf(def, this.env.home);
    const exp = memoExpansion(
      `${def.name}\0${def.edition}\0${def.localInner}\0${dollarCrate}\0${bodyId(def.body)}\0${this.env.edition === 2015 ? '2015\0' : ''}${call.input}`,
      () => {
        def.parsed ??= parseMacroRules(def.name, def.body, { edition: def.edition, localInnerMacros: def.localInner });
        return 'error' in def.parsed ? def.parsed : expandMacro(def.parsed, call.input, { dollarCrate, inputEdition: this.env.edition });
      },
      this.env.budget,
    );
    const waiting = { ...m, pending: `the expansion of \`${call.name}!\` is being read` };
    if (exp === undefined) {
      this.pending++;
      return waiting;
    }
    if ('error' in exp) return undefined;
    let ty = parsedTypes.get(exp);
    if (!ty) {
      const file = this.env.parse(`${ctx.file}#macro:type:${m.span.start}:${depth}`, `type __RllType = ${exp.text};`);
      if (file === PENDING_FILE) {
        this.pending++;
        return waiting;
      }
      const alias = file.items[0];
      if (file.items.length !== 1 || alias?.kind !== 'alias' || !alias.ty || file.problems.length) return undefined;
      ty = alias.ty;
      parsedTypes.set(exp, ty);
    }
    const placed = respan(ty, m.span);
    return hasTypeMacro(placed) ? mapTypeMacros(placed, (x) => this.typeMacro(x, ctx, uses, depth + 1)) : placed;
  }

  /**
   * A macro named `name` as module `segs` (a path written in module `here`) sees it: imported
   * there by name or by a glob, followed through at most MAX_MACRO_IMPORT_DEPTH modules.
   */
  private throughModule(
    here: readonly string[],
    segs: readonly string[],
    name: string,
    fromCrate: (crate: string, name: string) => MacroDef | { reason: string; pending?: boolean } | undefined,
    depth: number,
    seen: Set<string> = new Set(),
  ): MacroDef | { reason: string; pending?: boolean } | undefined {
    if (depth >= MAX_MACRO_IMPORT_DEPTH) return undefined;
    let mod: string[] = segs[0] === 'crate' || segs[0] === '$crate' || segs[0] === SELF_CRATE ? [] : [...here];
    for (const [i, seg] of segs.entries()) {
      if (i === 0 && (seg === 'crate' || seg === '$crate' || seg === SELF_CRATE || seg === 'self')) continue;
      if (seg === 'super') {
        if (mod.length === 0) return undefined;
        mod.pop();
      } else mod = [...mod, seg];
    }
    // Modules that glob each other (`use crate::a::*;` in b, `use crate::b::*;` in a) would
    // otherwise be retried along every path up to the depth limit: (globs)^depth lookups.
    const key = `${mod.join('::')}|${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const used = this.macroUses.get(mod.join('::'))?.get(name) ?? this.env.macroUsesBefore?.get(mod.join('::'))?.get(name);
    if (used) return used;
    if (this.missedUses.length < 1000) this.missedUses.push([mod.join('::'), name]);
    if (mod.length === 0) {
      const def = this.exported.get(name) ?? this.env.exportedBefore?.get(name);
      if (def) return def;
    }
    const uses = this.usesOf.get(mod.join('::'));
    if (!uses) return undefined;
    for (const u of uses) {
      if (u.glob || (u.alias ?? u.path[u.path.length - 1]) !== name || u.path.length < 2) continue;
      // `use defs::q;` of a child module (2018: the path starts at this module), else of a crate.
      const r =
        MODULE_KEYWORDS.has(u.path[0]!) || this.usesOf.has([...mod, u.path[0]!].join('::'))
          ? this.throughModule(mod, u.path.slice(0, -1), u.path[u.path.length - 1]!, fromCrate, depth + 1, seen)
          : fromCrate(u.path[0]!, u.path[u.path.length - 1]!);
      if (r) return r;
    }
    for (const g of uses) {
      if (!g.glob || g.path.length === 0) continue;
      const r = MODULE_KEYWORDS.has(g.path[0]!) || this.usesOf.has([...mod, g.path[0]!].join('::')) ? this.throughModule(mod, g.path, name, fromCrate, depth + 1, seen) : g.path.length === 1 ? fromCrate(g.path[0]!, name) : undefined;
      if (r) return r;
    }
    return undefined;
  }

  /** The macro a call names, or why it cannot be expanded. */
  private resolve(call: MacroItem, textual: Textual | undefined, uses: readonly UseEntry[], here: readonly string[] | undefined): { def: MacroDef } | { builtin: 'cfg_if' | 'bitflags1' | 'bitflags2' | 'nothing' | 'pin_project_lite' } | { reason: string; pending?: boolean } {
    const segs = call.name.replace(/^::/, '').split('::');
    const last = segs[segs.length - 1]!;
    /** A `#[macro_use]` crate that is still being read (the macro may be there). */
    let pendingCrate: string | undefined;
    const fromCrate = (crate: string, name: string): MacroDef | { reason: string; pending?: boolean } | undefined => {
      if (crate === 'crate' || crate === 'self' || crate === 'super' || crate === '$crate' || crate === SELF_CRATE) {
        // `#[macro_export]` macros are at the crate root whatever the module order: one defined
        // later in the walk is known from the walk before (see `missedExported`).
        const def = this.exported.get(name) ?? this.env.exportedBefore?.get(name);
        if (!def) this.missed.add(name);
        return def;
      }
      const ext = this.env.external(crate);
      if (!ext) return undefined;
      if ('unavailable' in ext) return { reason: ext.unavailable, ...(ext.pending ? { pending: true } : {}) };
      return ext.get(name);
    };
    let found: MacroDef | { reason: string; pending?: boolean } | undefined;
    if (segs.length > 1 && MODULE_KEYWORDS.has(segs[0]!) && here) {
      // `crate::m::q!`, `super::q!`, `self::q!`: what that module has under the name, a
      // `#[macro_export]` macro only at the crate root (elsewhere rustc finds nothing: E0433).
      found = this.throughModule(here, segs.slice(0, -1), last, fromCrate, 0);
      // One exported later in the walk is known from the walk made again (see `missedExported`).
      if (!found && segs.length === 2 && segs[0] !== 'self' && segs[0] !== 'super') this.missed.add(last);
    } else if (segs.length > 1) {
      // `defs::q!` (2018: a path starts at this module): through a child module of this one, else an extern crate.
      if (here && !call.name.startsWith('::') && this.usesOf.has([...here, segs[0]!].join('::'))) found = this.throughModule(here, segs.slice(0, -1), last, fromCrate, 0);
      found ??= fromCrate(segs[0]!, last);
    } else {
      for (let t = textual; t && !found; t = t.next) if (t.def.name === last) found = t.def;
      for (const u of uses) {
        if (found) break;
        if (u.glob || (u.alias ?? u.path[u.path.length - 1]) !== last || u.path.length < 2) continue;
        // `use super::bitflags;`, `use crate::util::m;`: what that module imports under the name.
        // `use m::q;` of a child module's `pub(crate) use q;` (2018: paths start at this module).
        if (here && (MODULE_KEYWORDS.has(u.path[0]!) || this.usesOf.has([...here, u.path[0]!].join('::')))) found = this.throughModule(here, u.path.slice(0, -1), u.path[u.path.length - 1]!, fromCrate, 0);
        found ??= fromCrate(u.path[0]!, u.path[u.path.length - 1]!);
      }
      // Glob imports: `use super::*;` (procfs's modules see the root's `use bitflags::bitflags;`), `use some_crate::*;`.
      for (const g of uses) {
        if (found) break;
        if (!g.glob || g.path.length === 0) continue;
        if (here && (MODULE_KEYWORDS.has(g.path[0]!) || this.usesOf.has([...here, g.path[0]!].join('::')))) found = this.throughModule(here, g.path, last, fromCrate, 0);
        else if (g.path.length === 1) found = fromCrate(g.path[0]!, last);
      }
      for (const c of this.macroUse) {
        if (found) break;
        const ext = this.env.external(c);
        if (ext && !('unavailable' in ext)) found = ext.get(last);
        else if (ext && 'pending' in ext && ext.pending) pendingCrate ??= ext.unavailable;
      }
      // At the crate root, a `#[macro_export]` macro defined in any module is an item of this module.
      if (!found && !pendingCrate && here?.length === 0) found = fromCrate('crate', last);
    }
    if (found && 'body' in found) {
      const pkg = found.pkg?.name;
      if (pkg === 'cfg-if' && last === 'cfg_if') return { builtin: 'cfg_if' };
      if (pkg === 'bitflags' && last === 'bitflags') return { builtin: found.pkg?.version?.startsWith('1.') ? 'bitflags1' : 'bitflags2' };
      // In a dependency, only the item itself matters (see src/core/macros/pinProjectLite.ts);
      // the crate being edited gets the real expansion, projection types included.
      if (pkg === 'pin-project-lite' && last === 'pin_project' && this.env.frozen) return { builtin: 'pin_project_lite' };
      return { def: found };
    }
    // The two macros every crate uses from elsewhere, when their crate's source is not at hand
    // (a bitflags crate being read is waited for: its major version decides the expansion).
    if (last === 'cfg_if') return { builtin: 'cfg_if' };
    if (found && 'reason' in found && found.pending) return { reason: `the macro \`${call.name}!\` is not available yet: ${found.reason}`, pending: true };
    if (pendingCrate) return { reason: `the macro \`${call.name}!\` is not available yet: ${pendingCrate}`, pending: true };
    if (last === 'bitflags') {
      // Not found where it is called (a `#[macro_use] extern crate bitflags;` in an `include!`d
      // file): the package's own bitflags dependency tells the major version, else 2.x.
      const dep = this.env.external('bitflags');
      const def = dep && !('unavailable' in dep) ? dep.get('bitflags') : undefined;
      return { builtin: def && 'body' in def && def.pkg?.version?.startsWith('1.') ? 'bitflags1' : 'bitflags2' };
    }
    // std's item macros that define no type, constant or module: `thread_local!` makes statics
    // of type `LocalKey<T>` (not usable in constant expressions), `global_asm!` assembly.
    if (STD_NO_ITEMS.has(last) && (segs.length === 1 || (segs.length === 2 && ['std', 'core'].includes(segs[0]!)))) return { builtin: 'nothing' };
    // `include!(concat!(env!("OUT_DIR"), ..))`: code a build script writes (bindgen's bindings).
    if (last === 'include' && segs.length === 1) {
      if (/OUT_DIR/.test(call.input)) return { reason: 'the items come from a file that a build script writes (`include!` of `OUT_DIR`), and build scripts are not run' };
      return { reason: `the items of an included file (\`include!(${call.input.trim().slice(0, 80)})\`) are not read` };
    }
    if (found && 'reason' in found) {
      return { reason: /procedural-macro/.test(found.reason) ? `generated by a procedural macro (\`${call.name}!\`)` : `the macro \`${call.name}!\` is not available: ${found.reason}` };
    }
    return { reason: `the macro \`${call.name}!\` was not found` };
  }

  private *call(call: MacroItem, ctx: ItemsContext, uses: readonly UseEntry[], walkMod: WalkMod): Generator<void, { items: Item[]; textual: Textual | undefined } | { reason: string }, void> {
    const callSpan = ctx.place ? ctx.place.call : call.span;
    if (ctx.depth >= this.recursionLimit) {
      const reason = `recursion limit reached while expanding \`${call.name}!\``;
      this.problems.push({ file: ctx.file, span: callSpan, message: reason });
      return { reason };
    }
    if (call.unterminated) {
      const reason = `\`${call.name}!(..)\` at item position needs a \`;\` after it (rustc: macros that expand to items must be delimited with braces or followed by a semicolon)`;
      this.problems.push({ file: ctx.file, span: callSpan, message: reason });
      return { reason };
    }
    const inc = this.included(call, ctx);
    const target = inc ? { included: inc.exp } : this.resolve(call, ctx.textual, uses, ctx.module);
    if ('reason' in target) {
      // The macro's crate is still being read: the walk is made again once it is.
      if (target.pending) this.pending++;
      return target;
    }
    let exp: Expansion | Failure | undefined;
    if ('builtin' in target && target.builtin === 'nothing') return { items: [], textual: ctx.textual };
    if ('included' in target) exp = target.included;
    else if ('builtin' in target) {
      const builtin = target.builtin;
      exp = memoExpansion(
        `${builtin}\0${call.input}`,
        () => (builtin === 'cfg_if' ? expandCfgIf(call.input) : builtin === 'pin_project_lite' ? expandPinProjectLite(call.input) : expandBitflags(call.input, builtin === 'bitflags1' ? 1 : 2)),
        this.env.budget,
      );
    } else {
      const def = target.def;
      const dollarCrate = dollarCrateOf(def, this.env.home);
      exp = memoExpansion(
        `${def.name}\0${def.edition}\0${def.localInner}\0${dollarCrate}\0${bodyId(def.body)}\0${this.env.edition === 2015 ? '2015\0' : ''}${call.input}`,
        () => {
          def.parsed ??= parseMacroRules(def.name, def.body, { edition: def.edition, localInnerMacros: def.localInner });
          return 'error' in def.parsed ? def.parsed : expandMacro(def.parsed, call.input, { dollarCrate, inputEdition: this.env.edition });
        },
        this.env.budget,
      );
    }
    if (exp === undefined) {
      this.pending++;
      return { reason: `the expansion of \`${call.name}!\` is being read` };
    }
    if ('error' in exp) {
      this.problems.push({ file: ctx.file, span: callSpan, message: exp.error });
      return { reason: `the macro \`${call.name}!\` could not be expanded: ${exp.error}` };
    }
    // Named by the call's place: the same expansion keeps its name (and its parse) from one walk to the next.
    const path = `${ctx.file}#macro:${callSpan.start}:${ctx.depth}:${call.inputStart}`;
    this.texts.set(path, exp.text);
    // An expansion's items depend on its text alone: parsed once, whatever the call's place
    // (typing above a call moves it, and its name with it).
    let file = parsedExpansions.get(exp);
    if (!file) {
      // An expansion that is nothing but another call (a recursive macro's next step: half of the
      // expansion text in a build of hyper, through pin-project-lite) or nothing at all needs no parse.
      const sole = /\S/.test(exp.text) ? soleMacroCall(exp.text) : { empty: true as const };
      if (sole) {
        const items: Item[] = 'empty' in sole ? [] : [{ kind: 'macroCall', name: sole.name, span: { start: sole.start, end: sole.end }, input: sole.input, inputStart: sole.inputStart, attrs: [], cfg: [], ...(sole.unterminated ? { unterminated: true as const } : {}) }];
        file = { path, items, problems: [], innerAttrs: [] };
      } else file = this.env.parse(path, blankEmptyGenerics(exp.text));
      if (file !== PENDING_FILE && !file.problems.some((p) => p.code === 'parseAbandoned')) parsedExpansions.set(exp, file);
    }
    if (file === PENDING_FILE) {
      this.pending++;
      return { reason: `the expansion of \`${call.name}!\` is being read` };
    }
    if (file.problems.length) this.problems.push({ file: ctx.file, span: callSpan, message: `the expansion of \`${call.name}!\` has syntax errors: ${file.problems[0]!.message}` });
    const parent = ctx.place;
    const origins = exp.origins;
    const place: Placement = {
      call: callSpan,
      macro: parent?.macro ?? call.name,
      map(o) {
        // Binary search for the origin holding o.
        let lo = 0;
        let hi = origins.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const g = origins[mid]!;
          if (o < g.outStart) hi = mid - 1;
          else if (o >= g.outEnd) lo = mid + 1;
          else {
            const inCall = call.inputStart + g.inStart + (o - g.outStart);
            return parent ? parent.map(inCall) : inCall;
          }
        }
        return undefined;
      },
    };
    const mark: ExpansionMark = { text: exp.text, macro: place.macro, call: callSpan };
    const placed = file.items.map((it) => this.place(it, place, mark, ctx));
    if (!inc) return yield* this.items(placed, { ...ctx, depth: ctx.depth + 1, place }, walkMod);
    // An included file's `mod x;` is looked for beside it (rustc reads it as a `mod.rs`), and so is what it includes.
    const dir = inc.dir;
    return yield* this.items(placed, { ...ctx, depth: ctx.depth + 1, place, includeDir: dir }, (m, t, d) => walkMod(m, t, d ?? dir));
  }

  /** An expanded item marked and put on the call: its name where the call's input wrote it, else the call. */
  private place(it: Item, place: Placement, mark: ExpansionMark, ctx: ItemsContext): Item {
    if (!('nameSpan' in it)) return markExpanded({ ...it, span: place.call } as Item, mark);
    const at = place.map(it.nameSpan.start);
    const nameSpan = at !== undefined ? { start: at, end: at + (it.nameSpan.end - it.nameSpan.start) } : place.call;
    // Looked up once per file and walk: comparing a long text that is not the same string costs.
    let lineOf = this.lines.get(ctx.file);
    if (!lineOf) this.lines.set(ctx.file, (lineOf = lineIndexOf(ctx.file, ctx.fileText)));
    const moved = { ...it, nameSpan, span: place.call, line: lineOf(nameSpan.start) } as Item;
    if (moved.kind === 'mod' && moved.items) return markExpanded({ ...moved, items: moved.items.map((x) => this.place(x, place, mark, ctx)) }, mark);
    return markExpanded(moved, mark);
  }
}

/**
 * Expansions by everything they depend on (the macro's rules, edition and `$crate`, the call's
 * input): a crate is walked again after edits and as files come in, and matching its macro
 * calls anew each time cost most of a walk (gimli: 73 calls). Expanding is a pure function of
 * these, so the cache is shared; it is emptied past MEMO_CHARS characters of keys and output.
 */
const memo = new Map<string, Expansion | Failure>();
/**
 * A number per macro body text, for the memo's keys: a key that held the body (pin-project-lite's
 * internal macro is 30 KB) cost a copy and a hash of it per call.
 */
const bodyIds = new Map<string, number>();
/** Never reused, so a key made before the memo was emptied cannot name another body. */
let nextBodyId = 1;

function bodyId(body: string): number {
  let id = bodyIds.get(body);
  if (id === undefined) bodyIds.set(body, (id = nextBodyId++));
  return id;
}
/** The model of each expansion's text (see CrateExpander.call). */
const parsedExpansions = new WeakMap<Expansion, SourceFile>();
/** The text of each file read for `include!`, as an expansion (one object per text, so its parse is kept). */
const includedFiles = new Map<string, Expansion>();
/** The type each type-position expansion is (see CrateExpander.typeMacro). */
const parsedTypes = new WeakMap<Expansion, TypeExpr>();
let memoChars = 0;
const MEMO_CHARS = 32_000_000;

/** Forgets every memoized expansion (no Rust document is open any more: let the memory go). */
export function clearExpansionMemo(): void {
  memo.clear();
  lineIndexes.clear();
  memoChars = 0;
}

/** The expansion for `key`, made now if it is not cached; undefined when `budget` says to put it off. */
function memoExpansion(key: string, expand: () => Expansion | Failure, budget?: WorkBudget): Expansion | Failure | undefined {
  const hit = memo.get(key);
  if (hit) return hit;
  if (budget && !budget.left) return undefined;
  const exp = budget ? budget.spend(expand) : expand();
  memoChars += key.length + ('text' in exp ? exp.text.length : 0);
  if (memoChars > MEMO_CHARS) {
    memo.clear();
    bodyIds.clear();
    memoChars = key.length + ('text' in exp ? exp.text.length : 0);
  }
  memo.set(key, exp);
  return exp;
}

/** Where an `include!` argument points: a literal path, or one built with `concat!` on `env!`. */
type IncludeArgument =
  | { readonly from: 'file' | 'manifest' | 'outDir'; readonly path: string }
  | { readonly from: 'env'; readonly path: string };

/**
 * Reads `include!`'s argument: `"x.rs"`, `env!("VAR")`, or `concat!(env!("CARGO_MANIFEST_DIR" |
 * "OUT_DIR"), "/a", "b.rs")`. Undefined for anything else (other variables, nested macros).
 */
export function includeArgument(input: string): IncludeArgument | undefined {
  const lit = /^\s*"([^"\\]*)"\s*,?\s*$/.exec(input)?.[1];
  if (lit !== undefined) return { from: 'file', path: lit };
  // `include!(r"gen/b.rs")`, `include!(r#"gen/b.rs"#)`.
  const raw = /^\s*r(#*)"([^"]*)"\1\s*,?\s*$/.exec(input)?.[2];
  if (raw !== undefined) return { from: 'file', path: raw };
  // `include!(concat!("../", "gen/c.rs"))`: literals only.
  const joined = /^\s*concat!\s*[(]\s*((?:"[^"\\]*"\s*,\s*)*"[^"\\]*")\s*,?\s*[)]\s*$/.exec(input)?.[1];
  if (joined !== undefined) return { from: 'file', path: [...joined.matchAll(/"([^"\\]*)"/g)].map((m) => m[1]!).join('') };
  const env = /^\s*env!\s*[(]\s*"([A-Za-z_]\w*)"\s*,?\s*[)]\s*$/.exec(input)?.[1];
  if (env !== undefined) return { from: 'env', path: env };
  const concat = /^\s*concat!\s*[(]\s*env!\s*[(]\s*"(CARGO_MANIFEST_DIR|OUT_DIR)"\s*,?\s*[)]\s*((?:,\s*"[^"\\]*"\s*)*),?\s*[)]\s*$/.exec(input);
  if (!concat) return undefined;
  const rest = [...concat[2]!.matchAll(/"([^"\\]*)"/g)].map((m) => m[1]!).join('');
  return { from: concat[1] === 'OUT_DIR' ? 'outDir' : 'manifest', path: rest };
}
