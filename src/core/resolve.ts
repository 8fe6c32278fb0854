/**
 * Name resolution over a crate's module tree (and the modelled std): `use` paths, globs,
 * renames, `crate`/`self`/`super`, type aliases, the prelude and primitive types.
 * Pure: the module tree is given as data.
 */
import type { Attribute, CfgPredicate, GenericParam, ImplDef, Item, ModDef, TraitDef, TypeAliasDef, TypeExpr, TypeItem, UseEntry } from './model';
import { BLOCK_MODULE_PREFIX, ENCLOSING, FN_BODY_MODULE } from './model';
import type { Target } from './targets';
import { cfgAttrCondition, cfgAttrParts, mayBeMacroAttr, parseCfgAttr, TOOL_NAMESPACES } from './attrs';
import type { CargoLints } from './lints';
import { jsonText } from './jsonText';

export interface ModuleInput {
  readonly file: string;
  readonly items: readonly Item[];
  /** Its file is still being parsed (the editor reads crates off the main thread): `items` is empty for now. */
  readonly pending?: boolean;
  /** The file's inner attributes (`#![allow(overflowing_literals)]`): lint levels for its items. */
  readonly innerAttrs?: readonly Attribute[];
}

export interface CrateInput {
  readonly name: string;
  readonly root: ModuleInput;
  /** File-backed modules by their path from the root, joined with `::` (`a::b`). */
  readonly fileModules: ReadonlyMap<string, ModuleInput>;
  /** Names of external crates (Cargo dependencies, `extern crate`). */
  readonly externCrates: readonly string[];
  /** Enabled cargo features. */
  readonly features: readonly string[];
  /**
   * Cargo's `edition` ('2015' when a Cargo.toml has none). In 2015, `use` paths and `::a` paths
   * start at the crate root. Undefined: 2018 rules (a file outside any crate).
   */
  readonly edition?: string;
  /** Cfg names the crate's build script sets (src/cargo/buildScripts.ts). */
  readonly cfgSet?: readonly string[];
  /** Cfg names its build script may set that are not known, with why: what they gate is not laid out. */
  readonly uncertainCfgs?: ReadonlyMap<string, string>;
  /** The package a dependency crate comes from (for hovers: `bytes 1.5.0`). */
  readonly package?: { readonly name: string; readonly version?: string };
  /** Dependency crates by the names Rust paths use for them (Cargo dependencies), read on first use. */
  readonly links?: CrateLinks;
  /**
   * The crate's sources do not change while analyses are made of it (std, registry and git
   * dependencies): its items are not tracked in `Engine.refs`, and its layouts may be shared.
   */
  readonly frozen?: boolean;
  /**
   * The root is one file of a crate whose other files are still being read (the editor shows an
   * opened file's own types first): `crate::`, `super::` above the file and its `mod x;` files
   * lead to modules still being read, never to the file itself.
   */
  readonly detached?: boolean;
  /**
   * Built with `--cap-lints allow`, as cargo builds registry and git dependencies: a lint denied
   * by default (an overflowing literal, conflicting `repr` hints) does not stop it compiling.
   */
  readonly capLints?: boolean;
  /** `[lints.rust]` of its Cargo.toml (src/core/lints.ts). */
  readonly cargoLints?: CargoLints;
}

/** Dependency crates of one crate (see src/analysis/project.ts). */
export interface CrateLinks {
  /** The names this crate can use for dependencies. */
  readonly names: readonly string[];
  /** The crate a dependency name stands for, or why it cannot be read (`pending`: not yet); undefined for other names. */
  crate(name: string): CrateScope | { readonly unavailable: string; readonly pending?: boolean; readonly procMacro?: boolean } | undefined;
}

/** The `#![cfg(..)]` predicates among a module's inner attributes: when one fails, the module is not compiled. */
function innerCfgs(attrs: readonly Attribute[] | undefined): CfgPredicate[] {
  const out: CfgPredicate[] = [];
  for (const a of attrs ?? []) {
    if (a.name === 'cfg') out.push(parseCfgAttr(a.text));
    else if (a.name === 'cfg_attr') {
      // `#![cfg_attr(p, cfg(q))]`
      const c = cfgAttrCondition(a.text);
      if (c) out.push(c);
    }
  }
  return out;
}

/**
 * One module of a crate. Its child modules are made with it; its names (types, constants,
 * imports) are sorted out of its items on first use, so that an analysis of one file of a
 * 1,000-file crate does not fill every module of it.
 */
export class ModuleScope {
  readonly children = new Map<string, ModuleScope>();
  private readonly _types = new Map<string, TypeItem | TypeAliasDef | TraitDef>();
  private readonly _consts = new Map<string, Item>();
  private readonly _uses: UseEntry[] = [];
  private readonly _globs: UseEntry[] = [];
  private readonly _macroCalls: { readonly name: string; readonly reason?: string }[] = [];
  private readonly _publicUses = new Set<UseEntry>();
  private readonly _unsureTypes = new Map<string, string>();
  private readonly _unsureConsts = new Map<string, string>();
  private readonly _unsureOut: TypeItem[] = [];
  private readonly _twice = new Set<string>();
  /** Items whose names are not sorted into the maps yet (see `ensure`). */
  private unfilled: readonly Item[] | undefined;
  get types(): Map<string, TypeItem | TypeAliasDef | TraitDef> {
    if (this.unfilled) this.ensure();
    return this._types;
  }
  get consts(): Map<string, Item> {
    if (this.unfilled) this.ensure();
    return this._consts;
  }
  /** Names two types, aliases or traits of this module are given (rustc's E0428; `types` keeps the first). */
  get definedTwice(): ReadonlySet<string> {
    if (this.unfilled) this.ensure();
    return this._twice;
  }
  get uses(): UseEntry[] {
    if (this.unfilled) this.ensure();
    return this._uses;
  }
  get globs(): UseEntry[] {
    if (this.unfilled) this.ensure();
    return this._globs;
  }
  /** Item macro calls left unexpanded here, with why (types they may define are unknown). */
  get macroCalls(): { readonly name: string; readonly reason?: string }[] {
    if (this.unfilled) this.ensure();
    return this._macroCalls;
  }
  /** The `use` entries (globs included) of `pub use` declarations: what other crates can see. */
  get publicUses(): Set<UseEntry> {
    if (this.unfilled) this.ensure();
    return this._publicUses;
  }
  /**
   * Names of the type namespace (types, modules, imports) that an item, `mod` or `use` binds
   * here only if a build script sets a cfg it cannot be known to set (CrateInput.uncertainCfgs),
   * with why; `*` for a glob import so gated. What such a name stands for is not known.
   */
  get unsureTypes(): Map<string, string> {
    if (this.unfilled) this.ensure();
    return this._unsureTypes;
  }
  /** Type items whose `#[cfg]` does not hold by default but depends on a build script (reported as unknown). */
  get unsureOut(): readonly TypeItem[] {
    if (this.unfilled) this.ensure();
    return this._unsureOut;
  }
  /** The same for constants and statics. */
  get unsureConsts(): Map<string, string> {
    if (this.unfilled) this.ensure();
    return this._unsureConsts;
  }
  /** This module exists only if a build script sets a cfg (or its file is chosen by one), with why. */
  unsure: string | undefined;
  /** Why this module or one it is inside is gated by a build script's cfg, if one is. */
  get unsureWhy(): string | undefined {
    return this.unsure ?? this.parent?.unsureWhy;
  }
  /** `pub` (or the crate root): visible from other crates when its parents are. */
  isPublic = false;
  /** Its declaration's visibility (`pub(crate)`, …; undefined: private). */
  vis: string | undefined;
  /** The visibility of this module's `use` entries that are not private. */
  readonly useVis = new Map<UseEntry, string>();
  /** Memoized `Resolver.lookupIn` results (scopes live for one analysis); from other crates under `\0` + name. */
  readonly lookupCache = new Map<string, Binding | null>();
  /** Its `mod` item's attributes and its file's inner attributes: lint levels (src/core/lints.ts). */
  lintAttrs: readonly Attribute[] = [];
  /** A file module whose file could not be found. */
  missing = false;
  /** A file module whose file is still being parsed (see ModuleInput.pending). */
  pending = false;
  constructor(
    readonly crate: CrateScope,
    readonly path: readonly string[],
    readonly file: string,
    readonly parent: ModuleScope | undefined,
  ) {}
  private _displayPath: string | undefined;
  get displayPath(): string {
    return (this._displayPath ??= this.path.join('::'));
  }

  /** Notes the items whose names this module has (sorted out on first use). */
  defer(items: readonly Item[]): void {
    this.unfilled = items;
  }

  /** Whether an item macro call was left unexpanded here (read without sorting out the names). */
  get hasMacroCalls(): boolean {
    return this.unfilled ? this.unfilled.some((it) => it.kind === 'macroCall') : this._macroCalls.length > 0;
  }

  /** Sorts the noted items' names into the maps. */
  ensure(): void {
    const items = this.unfilled;
    if (!items) return;
    this.unfilled = undefined;
    this.crate.fillNames(this, items, {
      types: this._types,
      consts: this._consts,
      uses: this._uses,
      globs: this._globs,
      macroCalls: this._macroCalls,
      publicUses: this._publicUses,
      unsureTypes: this._unsureTypes,
      unsureConsts: this._unsureConsts,
      unsureOut: this._unsureOut,
      twice: this._twice,
    });
  }

  /** Empties the module before it is filled again (CrateScope.replaceFile). */
  reset(): void {
    this.unfilled = undefined;
    this.children.clear();
    this._types.clear();
    this._consts.clear();
    this._uses.length = 0;
    this._globs.length = 0;
    this._macroCalls.length = 0;
    this._publicUses.clear();
    this._unsureTypes.clear();
    this._unsureConsts.clear();
    this._unsureOut.length = 0;
    this._twice.clear();
    this.useVis.clear();
    this.lookupCache.clear();
  }
}

/** See Resolver.attributeSource. */
export type AttributeSource =
  | { readonly k: 'macro'; readonly from: string }
  | { readonly k: 'maybe'; readonly why: string }
  | { readonly k: 'missing' }
  | { readonly k: 'other' };

export type Binding =
  | { readonly k: 'module'; readonly m: ModuleScope }
  | { readonly k: 'item'; readonly item: TypeItem | TypeAliasDef | TraitDef; readonly m: ModuleScope }
  | { readonly k: 'prim'; readonly name: string }
  /** A crate that could not be read (`reason`), or a name only known to be an external crate. */
  | { readonly k: 'extern'; readonly name: string; readonly reason?: string; /** The crate is still being read (the walk is made again once it is). */ readonly pending?: true }
  /**
   * A name rustc refuses to resolve: ambiguous between two glob imports (E0659), or defined
   * twice in one namespace of its module by a `use` (E0255, E0252). The crate does not compile.
   */
  | { readonly k: 'error'; readonly name: string; readonly code: string; readonly message: string };

export const PRIMITIVES = new Set([
  'bool', 'char', 'str', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize',
  'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'f16', 'f32', 'f64', 'f128',
]);

/**
 * `$crate` in an expansion made in the macro's own crate (src/analysis/expand.ts): a path segment
 * that names the crate root, as `crate` does where it is written.
 */
export const SELF_CRATE = '__rll_dollar_crate';

/** Path segments that name a module relative to where the path is written. */
const PATH_KEYWORDS = new Set(['self', 'super', 'crate', SELF_CRATE, ENCLOSING]);

/** The module a block's module is written in (itself for a module): what `self` names there. */
export function enclosingModule(m: ModuleScope): ModuleScope {
  let cur = m;
  while (cur.parent && cur.path[cur.path.length - 1]?.startsWith(BLOCK_MODULE_PREFIX)) cur = cur.parent;
  return cur;
}

/** `extra`: names set for this crate only (by its build script). */
export function evalCfg(p: CfgPredicate, target: Target, features: ReadonlySet<string>, extra?: ReadonlySet<string>): boolean {
  switch (p.kind) {
    case 'name':
      // `test`, `doc`, `miri` and unknown names are unset, as in a plain `cargo build`.
      // `!name` in `extra`: unset by the profile (`debug-assertions = false`).
      if (extra?.has(`!${p.name}`)) return false;
      return target.cfgNames.has(p.name) || (extra?.has(p.name) ?? false);
    case 'keyValue':
      if (p.key === 'feature') return features.has(p.value);
      if (extra?.has(`!${p.key}="${p.value}"`)) return false;
      // A build script's `cargo:rustc-cfg=key="value"` (openssl's `osslconf="OPENSSL_NO_…"`).
      if (extra?.has(`${p.key}="${p.value}"`)) return true;
      return (target.cfg[p.key] ?? []).includes(p.value);
    case 'all':
      return p.items.every((i) => evalCfg(i, target, features, extra));
    case 'any':
      return p.items.some((i) => evalCfg(i, target, features, extra));
    case 'not':
      return !evalCfg(p.item, target, features, extra);
    default:
      return false;
  }
}

/**
 * `evalCfg` where some names are set or not by a build script that is not run (`unsure`, with
 * why): true or false when the answer does not depend on them, else the reason it does.
 */
export function cfgState(p: CfgPredicate, target: Target, features: ReadonlySet<string>, extra: ReadonlySet<string>, unsure: ReadonlyMap<string, string>): boolean | string {
  switch (p.kind) {
    case 'name':
      if (GATED_CFG_NAMES.has(p.name)) return gatedCfg(p.name, GATED_CFG_NAMES.get(p.name)!);
      // `!name` in `extra`: decided unset (a `cfg_aliases!` alias whose predicate fails).
      if (!extra.has(p.name) && !extra.has(`!${p.name}`) && !target.cfgNames.has(p.name)) {
        const why = unsure.get(p.name) ?? (NEVER_FROM_BUILD_SCRIPTS.has(p.name) ? undefined : unsure.get('*'));
        if (why !== undefined) return why;
      }
      return evalCfg(p, target, features, extra);
    case 'keyValue':
      if (GATED_CFG_KEYS.has(p.key)) return gatedCfg(`${p.key} = "${p.value}"`, GATED_CFG_KEYS.get(p.key)!);
      // A target feature the target lacks, under rustflags that change the set (`-C target-cpu`).
      if (p.key === 'target_feature' && !extra.has(`target_feature="${p.value}"`) && !(target.cfg['target_feature'] ?? []).includes(p.value)) {
        const why = unsure.get('target_feature') ?? target.uncertainFeatures;
        if (why !== undefined) return why;
      }
      if (p.key === 'feature' && !features.has(p.value)) {
        const why = unsure.get(`feature="${p.value}"`);
        if (why !== undefined) return why;
      } else if (p.key !== 'feature' && !p.key.startsWith('target_') && !NEVER_FROM_BUILD_SCRIPTS.has(p.key) && !extra.has(`${p.key}="${p.value}"`)) {
        // `key = "value"` that a build script may set: the key printed with a value made at run
        // time (`osslconf=\"{}\"`), this very pair, or any name at all.
        const why = unsure.get(`${p.key}="${p.value}"`) ?? unsure.get(p.key) ?? unsure.get('*');
        if (why !== undefined) return why;
      }
      return evalCfg(p, target, features, extra);
    case 'all':
    case 'any': {
      // all: false wins, then unknown; any: true wins, then unknown.
      const decisive = p.kind === 'any';
      let why: string | undefined;
      for (const i of p.items) {
        const v = cfgState(i, target, features, extra, unsure);
        if (v === decisive) return decisive;
        if (typeof v === 'string') why ??= v;
      }
      return why ?? !decisive;
    }
    case 'not': {
      const v = cfgState(p.item, target, features, extra, unsure);
      return typeof v === 'string' ? v : !v;
    }
    default:
      // `version("1.80")`, `target(os = "linux")`, `accessible(..)` (feature-gated forms) and text
      // that is no predicate: not evaluated, so not taken as false either.
      return `the cfg predicate \`${p.text}\` is not evaluated here (a feature-gated form, or not one rustc reads)`;
  }
}

/**
 * cfg names and keys rustc sets only behind a feature gate (rustc 1.95): E0658 without it, and
 * with it values this extension does not model (`overflow_checks` is on in the dev profile), so
 * what they gate is unknown rather than taken as unset.
 */
const GATED_CFG_NAMES: ReadonlyMap<string, string> = new Map([
  ['overflow_checks', 'cfg_overflow_checks'],
  ['ub_checks', 'cfg_ub_checks'],
  ['target_thread_local', 'cfg_target_thread_local'],
  ['contract_checks', 'cfg_contract_checks'],
  ['emscripten_wasm_eh', 'cfg_emscripten_wasm_eh'],
  ['target_has_reliable_f16', 'cfg_target_has_reliable_f16_f128'],
  ['target_has_reliable_f16_math', 'cfg_target_has_reliable_f16_f128'],
  ['target_has_reliable_f128', 'cfg_target_has_reliable_f16_f128'],
  ['target_has_reliable_f128_math', 'cfg_target_has_reliable_f16_f128'],
  ['sanitizer_cfi_generalize_pointers', 'cfg_sanitizer_cfi'],
  ['sanitizer_cfi_normalize_integers', 'cfg_sanitizer_cfi'],
]);
const GATED_CFG_KEYS: ReadonlyMap<string, string> = new Map([
  ['target_has_atomic_load_store', 'cfg_target_has_atomic'],
  ['target_has_atomic_equal_alignment', 'cfg_target_has_atomic_equal_alignment'],
  ['relocation_model', 'cfg_relocation_model'],
  ['fmt_debug', 'fmt_debug'],
  ['sanitize', 'cfg_sanitize'],
]);

/** A macro's path as written, the analysis's own name for a `$crate` shown as `$crate`. */
function shownMacro(name: string): string {
  return name.replace(/^(?:::)?__rll_crate_\d+/, '$$crate').replace(new RegExp(`^${SELF_CRATE}`), '$$crate');
}

function gatedCfg(what: string, feature: string): string {
  return `\`cfg(${what})\` is feature-gated (\`${feature}\`) and not evaluated here`;
}

/** Whether two bindings found for one name are the same thing (one item reached through two imports). */
function sameBinding(a: Binding, b: Binding): boolean {
  switch (a.k) {
    case 'item':
      return b.k === 'item' && a.item === b.item;
    case 'module':
      return b.k === 'module' && a.m === b.m;
    case 'prim':
      return b.k === 'prim' && a.name === b.name;
    case 'extern':
      return b.k === 'extern' && a.name === b.name && a.reason === b.reason;
    case 'error':
      return false;
  }
}

/** A `use` entry as written (`crate::a::*`, `a::B as C`). */
function useText(u: UseEntry): string {
  return `${u.global ? '::' : ''}${u.path.join('::')}${u.glob ? (u.path.length ? '::*' : '*') : ''}${u.alias !== undefined ? ` as ${u.alias}` : ''}`;
}

/** The namespaces a binding is in: `t` types and modules, `v` values (functions, constants, statics, unit and tuple structs and variants). */
type Namespaces = { t: boolean; v: boolean };

/** Whether `m` is `scope` or inside it. */
function within(m: ModuleScope, scope: ModuleScope): boolean {
  for (let x: ModuleScope | undefined = m; x; x = x.parent) if (x === scope) return true;
  return false;
}

/**
 * Whether something declared in module `m` with visibility `vis` (undefined: private) can be
 * named in module `viewer` of the same crate. `pub(in path)` that does not name a module of the
 * crate counts as visible.
 */
export function visibleFrom(vis: string | undefined, m: ModuleScope, viewer: ModuleScope): boolean {
  if (vis === 'pub' || vis === 'pub(crate)' || vis === 'crate') return true;
  // In a block's module, `self` and `super` are those of the module the block is in.
  let scope: ModuleScope | undefined = vis === 'pub(super)' || (vis !== undefined && vis.startsWith('pub(in ')) ? enclosingModule(m) : m;
  if (vis === 'pub(super)') scope = scope.parent ?? scope;
  else if (vis !== undefined && vis !== 'pub(self)') {
    const path = /^pub\(in (.+)\)$/.exec(vis)?.[1]?.split('::');
    if (!path) return true;
    scope = path[0] === 'crate' ? m.crate.root : path[0] === 'self' ? scope : path[0] === 'super' ? scope?.parent : m.crate.root.children.get(path[0]!);
    for (const seg of path.slice(1)) scope = seg === 'super' ? scope?.parent : scope?.children.get(seg);
    if (!scope) return true;
  }
  return within(viewer, scope);
}

/** Cfg names that rustc or cargo set themselves (never a build script's). */
const NEVER_FROM_BUILD_SCRIPTS = new Set(['test', 'doc', 'docsrs', 'miri', 'debug_assertions', 'overflow_checks', 'proc_macro', 'rustfmt', 'clippy', 'panic', 'fmt_debug', 'ub_checks', 'contract_checks', 'relocation_model', 'sanitize', 'target_thread_local']);

/** The attributes that cannot change a type's layout or a module's file (for `cfg_attr`s a build script decides). */
const LAYOUT_NEUTRAL_ATTR = /^(doc|allow|warn|deny|forbid|expect|must_use|deprecated|non_exhaustive|inline|cold|derive|rustfmt|clippy)\b/;

let nextCrateId = 1;

export class CrateScope {
  /** Unique per scope (two versions of one crate may share a name). */
  readonly id = nextCrateId++;
  readonly root: ModuleScope;
  readonly externs: ReadonlySet<string>;
  readonly features: ReadonlySet<string>;
  /** See CrateInput.cfgSet. */
  readonly cfgSet: ReadonlySet<string>;
  /** See CrateInput.uncertainCfgs. */
  readonly unsureCfgs: ReadonlyMap<string, string>;
  /** Items whose `#[cfg]` holds by default but depends on a build script's cfg, with why (see `unsure`). */
  private readonly unsureItems = new WeakMap<object, string>();
  /** 2015 edition: `use a::b` and `::a::b` are paths from the crate root. */
  readonly rootRelativeUse: boolean;
  /** See CrateInput.frozen (std always is). */
  readonly frozen: boolean;
  /** See CrateInput.capLints (std counts as capped). */
  readonly capLints: boolean;
  /** See CrateInput.cargoLints. */
  readonly cargoLints: CargoLints | undefined;
  /** The `use` entries that stand for `extern crate` items (never crate-root paths). */
  readonly externCrateUses = new Set<UseEntry>();
  /** `#[macro_use] extern crate x;` (active): x's macros, attribute macros included, are in scope everywhere. */
  readonly macroUseCrates = new Set<string>();
  /** Names the crate gives itself (`extern crate self as name;`). */
  readonly selfNames = new Set<string>();
  /** `extern crate smallvec as sv;` at the crate root: `sv` in the extern prelude stands for `smallvec` (2018+, every module). */
  readonly externAliases = new Map<string, string>();
  private readonly _impls = new Map<string, { readonly impl: ImplDef; readonly m: ModuleScope }[]>();
  /** Counts the times `impls` changed in place (replaceFile): what is read off it may be kept as long as this stays. */
  private _implsStamp = 0;
  get implsStamp(): number {
    return this._implsStamp;
  }
  /** Whether every module's names are sorted out (see ModuleScope.ensure). */
  private allFilled = false;
  /** Inherent impls with associated constants, by the last segment of their self type's path (every module filled first). */
  get impls(): ReadonlyMap<string, readonly { readonly impl: ImplDef; readonly m: ModuleScope }[]> {
    if (!this.allFilled) {
      for (const m of this.modules()) m.ensure();
      this.allFilled = true;
    }
    return this._impls;
  }
  /** For a detached root (CrateInput.detached): the rest of the crate, a module still being read. */
  readonly outside: ModuleScope | undefined;
  private _input: CrateInput;
  /** The crate as walked (after `replaceFile`, with that file's new items). */
  get input(): CrateInput {
    return this._input;
  }
  constructor(
    input: CrateInput,
    readonly target: Target,
    readonly isStd: boolean,
  ) {
    this._input = input;
    this.externs = new Set([...input.externCrates, ...(input.links?.names ?? [])]);
    this.frozen = isStd || input.frozen === true;
    this.capLints = isStd || input.capLints === true;
    this.cargoLints = input.cargoLints;
    this.features = new Set(input.features);
    this.cfgSet = new Set(input.cfgSet);
    this.unsureCfgs = input.uncertainCfgs ?? new Map();
    this.rootRelativeUse = input.edition === '2015';
    this.root = new ModuleScope(this, [], input.root.file, undefined);
    this.root.isPublic = true;
    this.root.lintAttrs = input.root.innerAttrs ?? [];
    // `#![cfg(windows)]` at the top of the crate: nothing of it is compiled elsewhere.
    const rootCfg = innerCfgs(input.root.innerAttrs);
    const rootUnsure = rootCfg.length ? this.unsure(rootCfg) : undefined;
    if (rootUnsure !== undefined) this.root.unsure = rootUnsure;
    const rootOut = rootCfg.length > 0 && !this.active(rootCfg) && rootUnsure === undefined;
    if (input.detached) {
      this.outside = new ModuleScope(this, ['crate'], '', undefined);
      this.outside.pending = true;
    }
    this.fill(this.root, rootOut ? [] : input.root.items);
  }

  /**
   * Whether the `#[cfg]`s hold. A name a build script may set (CrateInput.uncertainCfgs) counts
   * as unset here; `unsure` tells whether the answer depends on one.
   */
  active(cfg: readonly CfgPredicate[]): boolean {
    for (const c of cfg) if (!evalCfg(c, this.target, this.features, this.cfgSet)) return false;
    return true;
  }

  /** Why whether the `#[cfg]`s hold depends on a build script, if it does (undefined when known). */
  unsure(cfg: readonly CfgPredicate[]): string | undefined {
    if (cfg.length === 0) return undefined;
    let why: string | undefined;
    for (const c of cfg) {
      const v = cfgState(c, this.target, this.features, this.cfgSet, this.unsureCfgs);
      if (v === false) return undefined;
      if (typeof v === 'string') why ??= v;
    }
    return why;
  }

  /**
   * Why an item (or `mod`) depends on a build script, if it does: its `#[cfg]`s, or a
   * `#[cfg_attr(pred, ..)]` that a build script decides and that adds a `repr`, a `path` or an
   * attribute that may rewrite it.
   */
  unsureItem(item: { readonly cfg: readonly CfgPredicate[]; readonly attrs?: readonly { readonly name: string; readonly text: string }[] }): string | undefined {
    const own = this.unsure(item.cfg);
    if (own !== undefined) return own;
    for (const a of item.attrs ?? []) {
      if (a.name !== 'cfg_attr') continue;
      const parts = cfgAttrParts(a.text);
      if (!parts) continue;
      const v = cfgState(parts.pred, this.target, this.features, this.cfgSet, this.unsureCfgs);
      if (typeof v === 'string' && parts.attrs.some((t) => !LAYOUT_NEUTRAL_ATTR.test(t.trim()))) return v;
    }
    return undefined;
  }

  /** Why a type item of module `m` depends on a build script (its own cfg, its module's), if it does. */
  unsureAt(item: object, m: ModuleScope): string | undefined {
    return this.unsureItems.get(item) ?? m.unsureWhy;
  }

  /**
   * Puts new items in place of one file's, in this scope (a keystroke inside a crate: nothing
   * else is walked or filled again). The caller guarantees that the file's module declarations,
   * macro calls and `extern crate` items are the same as before (src/incremental/crateSession.ts
   * checks); its names, `use`s and definitions may differ. The modules of the file are refilled
   * in place (the modules of other files it declares are kept), and every lookup this crate
   * cached is forgotten (a cached binding may hold an item of the old version). An analysis
   * made of this scope before must not be asked anything new afterwards.
   */
  replaceFile(path: string, items: readonly Item[]): void {
    const all = this.modules();
    // The file's own modules (its inline ones are made again when these are refilled).
    const fileMods = all.filter((m) => m.file === path && (!m.parent || m.parent.file !== path || this._input.fileModules.get(m.displayPath)?.file === path));
    this._implsStamp++;
    for (const [name, list] of this._impls) {
      const kept = list.filter((e) => e.m.file !== path);
      if (kept.length) this._impls.set(name, kept);
      else this._impls.delete(name);
    }
    this.allFilled = false;
    let root = this._input.root;
    const fileModules = new Map(this._input.fileModules);
    for (const m of fileMods) {
      if (m === this.root) root = { ...root, items };
      else fileModules.set(m.displayPath, { ...fileModules.get(m.displayPath)!, items });
    }
    this._input = { ...this._input, root, fileModules };
    for (const m of fileMods) {
      const old = new Map(m.children);
      m.reset();
      this.fill(m, items, old);
    }
    for (const m of all) m.lookupCache.clear();
  }

  /** Every module of the crate, inline ones included. */
  modules(): ModuleScope[] {
    const out: ModuleScope[] = [];
    const stack: ModuleScope[] = [this.root];
    while (stack.length) {
      const m = stack.pop()!;
      out.push(m);
      for (const c of m.children.values()) stack.push(c);
    }
    return out;
  }

  /** `reuse`: the modules a refilled module had, by name: file modules among them are kept as they are. */
  private fill(m: ModuleScope, items: readonly Item[], reuse?: ReadonlyMap<string, ModuleScope>): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind !== 'mod') continue;
      const unsure = this.unsureItem(item);
      if (this.active(item.cfg)) this.addModule(m, item, reuse?.get(item.name));
      else if (unsure === undefined) continue;
      else if (!m.children.has(item.name)) {
        // Declared only if a build script says so: a module nothing is known of.
        const child = new ModuleScope(this, [...m.path, item.name], m.file, m);
        child.missing = true;
        m.children.set(item.name, child);
      }
      if (unsure !== undefined) m.children.get(item.name)!.unsure = unsure;
    }
    m.defer(items);
  }

  /** Sorts a module's items (but its modules) into its maps: ModuleScope.ensure, on first use. */
  fillNames(
    m: ModuleScope,
    items: readonly Item[],
    into: {
      types: Map<string, TypeItem | TypeAliasDef | TraitDef>;
      consts: Map<string, Item>;
      uses: UseEntry[];
      globs: UseEntry[];
      macroCalls: { readonly name: string; readonly reason?: string }[];
      publicUses: Set<UseEntry>;
      unsureTypes: Map<string, string>;
      unsureConsts: Map<string, string>;
      unsureOut: TypeItem[];
      twice: Set<string>;
    },
  ): void {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === 'mod') continue;
      const unsure = 'cfg' in item ? this.unsureItem(item as { cfg: readonly CfgPredicate[] }) : undefined;
      if (unsure !== undefined) {
        this.unsureItems.set(item, unsure);
        switch (item.kind) {
          case 'struct':
          case 'enum':
          case 'union':
          case 'alias':
          case 'trait':
            if (!into.unsureTypes.has(item.name)) into.unsureTypes.set(item.name, unsure);
            if (item.kind !== 'alias' && item.kind !== 'trait' && !this.active(item.cfg)) into.unsureOut.push(item);
            // A unit or tuple struct is a value too.
            if (item.kind === 'struct') into.unsureConsts.set(item.name, unsure);
            break;
          case 'const':
          case 'static':
          case 'fn':
            into.unsureConsts.set(item.name, unsure);
            break;
          case 'use':
            for (const e of item.entries) {
              const bound = e.glob ? '*' : (e.alias ?? e.path[e.path.length - 1]);
              if (bound === undefined || bound === '_') continue;
              into.unsureTypes.set(bound, unsure);
              into.unsureConsts.set(bound, unsure);
            }
            break;
        }
      }
      // An impl whose cfg a build script decides is listed (its readers see `unsure(impl.cfg)`):
      // it may be there, so a bound is not called unmet nor an associated type taken from another.
      if ('cfg' in item && !this.active(item.cfg) && !(item.kind === 'impl' && unsure !== undefined)) continue;
      switch (item.kind) {
        case 'struct':
        case 'enum':
        case 'union':
        case 'alias':
        case 'trait':
          {
            const first = into.types.get(item.name);
            if (!first) into.types.set(item.name, item);
            // Not when one of them is under an attribute macro, which may rename or remove it
            // (zbus's `#[dbus_proxy] trait Background` beside `struct Background`).
            else if (first !== item) {
              const [macroFirst, macroItem] = [first, item].map((x) => x.attrs.some((a) => mayBeMacroAttr(a.name)));
              if (!macroFirst && !macroItem) into.twice.add(item.name);
              else if (macroFirst && !macroItem) into.types.set(item.name, item);
            }
          }
          break;
        case 'const':
        case 'static':
        case 'fn':
          into.consts.set(item.name, item);
          break;
        case 'use':
          for (const e of item.entries) {
            (e.glob ? into.globs : into.uses).push(e);
            if (item.vis === 'pub') into.publicUses.add(e);
            if (item.vis !== undefined) m.useVis.set(e, item.vis);
          }
          break;
        case 'externCrate':
          if (item.crate !== 'self') {
            const e: UseEntry = { path: [item.crate], alias: item.alias, glob: false, global: true };
            into.uses.push(e);
            this.externCrateUses.add(e);
            if (item.macroUse) this.macroUseCrates.add(item.crate);
            if (item.alias && m === this.root) this.externAliases.set(item.alias, item.crate);
            // `pub extern crate typenum;`: the crate is a public name of the module.
            if (item.vis === 'pub') into.publicUses.add(e);
            if (item.vis !== undefined) m.useVis.set(e, item.vis);
          } else if (item.alias) {
            // `extern crate self as zbus;`: the crate under a name of its own, in the extern prelude too.
            into.uses.push({ path: ['crate'], alias: item.alias, glob: false, global: false });
            this.selfNames.add(item.alias);
          }
          break;
        case 'macroCall':
          into.macroCalls.push({ name: item.name, reason: item.unexpanded });
          break;
        case 'impl': {
          // Impls for arrays (`impl<T> Array for [T; 8]`, smallvec's) are listed under `[]`.
          // and impls for references to a type (`impl<'a> IntoIterator for &'a Map<..>`) under `&Map` / `&mutMap`.
          const st = item.selfTy;
          const inner = st.kind === 'ref' && st.inner.kind === 'path' ? st.inner : undefined;
          const self =
            blanketParam(item) !== undefined ? BLANKET_IMPLS
            : st.kind === 'path' ? st.segments[st.segments.length - 1]?.name
            : st.kind === 'array' ? '[]'
            : inner ? `${st.kind === 'ref' && st.mutable ? '&mut' : '&'}${inner.segments[inner.segments.length - 1]?.name}`
            : OTHER_IMPLS;
          let list = this._impls.get(self);
          if (!list) this._impls.set(self, (list = []));
          list.push({ impl: item, m });
          break;
        }
      }
    }
    // A unit or tuple struct is a value too: a constant or static of its name is E0428 (a `fn`
    // is not in the model unless `const`).
    for (const [name, item] of into.types) {
      if (item.kind === 'struct' && item.shape !== 'named' && into.consts.has(name)) into.twice.add(name);
    }
  }

  private addModule(parent: ModuleScope, def: ModDef, was?: ModuleScope): void {
    const path = [...parent.path, def.name];
    // The module's own `#![cfg(..)]` (inline, or at the top of its file), as rustc applies it;
    // one a build script decides leaves the module there, unsure.
    const inner = innerCfgs(def.items ? def.innerAttrs : this.input.fileModules.get(path.join('::'))?.innerAttrs);
    const unsure = inner.length ? this.unsure(inner) : undefined;
    if (unsure === undefined && !this.active(inner)) return;
    this.addModuleIn(parent, def, path, was);
    const child = parent.children.get(def.name);
    if (unsure !== undefined && child) child.unsure ??= unsure;
  }

  private addModuleIn(parent: ModuleScope, def: ModDef, path: string[], was?: ModuleScope): void {
    if (def.items) {
      const child = new ModuleScope(this, path, parent.file, parent);
      child.isPublic = def.vis === 'pub';
      child.vis = def.vis;
      child.lintAttrs = def.innerAttrs ? [...def.attrs, ...def.innerAttrs] : def.attrs;
      parent.children.set(def.name, child);
      this.fill(child, def.items, was?.children);
      return;
    }
    if (was && was.file !== parent.file && was.parent === parent) {
      // A refilled module's file module: kept, with everything under it.
      parent.children.set(def.name, was);
      return;
    }
    const input = this.input.fileModules.get(path.join('::'));
    const child = new ModuleScope(this, path, input?.file ?? parent.file, parent);
    child.isPublic = def.vis === 'pub';
    child.vis = def.vis;
    child.lintAttrs = input?.innerAttrs?.length ? [...def.attrs, ...input.innerAttrs] : def.attrs;
    parent.children.set(def.name, child);
    if (input?.pending) child.pending = true;
    else if (input) this.fill(child, input.items);
    else child.missing = true;
  }

  /** Every type item of the crate with the module it lives in. */
  *typeItems(): Generator<{ item: TypeItem; m: ModuleScope }> {
    const items: TypeItem[] = [];
    const modules: ModuleScope[] = [];
    this.eachTypeItem(undefined, items, modules);
    for (let i = 0; i < items.length; i++) yield { item: items[i]!, m: modules[i]! };
  }

  /**
   * The type items (struct, enum, union) of the modules that live in `file` (every module when
   * undefined), in module order, pushed onto `items` with their modules at the same index onto
   * `modules`. No object per item: this runs on every keystroke.
   */
  eachTypeItem(file: string | undefined, items: TypeItem[], modules: ModuleScope[]): void {
    const stack: ModuleScope[] = [this.root];
    while (stack.length) {
      const m = stack.pop()!;
      if (file === undefined || m.file === file) {
        for (const it of m.types.values()) {
          if (it.kind === 'struct' || it.kind === 'enum' || it.kind === 'union') {
            items.push(it);
            modules.push(m);
          }
        }
        // Types left out by a cfg a build script decides: listed, to say so.
        for (const it of m.unsureOut) {
          items.push(it);
          modules.push(m);
        }
      }
      const children = [...m.children.values()];
      // A function body read for its impls (src/parse/extract.ts `fnBodyItems`): its types are
      // local to the function, not the crate's.
      for (let i = children.length - 1; i >= 0; i--) if (!children[i]!.path[children[i]!.path.length - 1]?.startsWith(FN_BODY_MODULE)) stack.push(children[i]!);
    }
  }

  /**
   * The types written in the type aliases, constants and statics of the modules that live in
   * `file` (every module when undefined), in module order: where a crate instantiates generic
   * types besides its own types' fields (`type Small = SmallVec<[u8; 16]>`). An alias with type
   * or const parameters is left out (its type names them).
   */
  writtenTypes(file: string | undefined): WrittenType[] {
    const out: WrittenType[] = [];
    const stack: ModuleScope[] = [this.root];
    while (stack.length) {
      const m = stack.pop()!;
      if (file === undefined || m.file === file) {
        for (const it of m.types.values()) {
          if (it.kind === 'alias' && it.ty && !it.syntaxError && !it.generics.params.some((p) => p.kind !== 'lifetime')) out.push({ ty: it.ty, m, name: [...m.path, it.name].join('::') });
        }
        for (const it of m.consts.values()) {
          if ((it.kind === 'const' || it.kind === 'static') && it.ty && !it.syntaxError) out.push({ ty: it.ty, m, name: [...m.path, it.name].join('::') });
        }
      }
      const children = [...m.children.values()];
      for (let i = children.length - 1; i >= 0; i--) if (!children[i]!.path[children[i]!.path.length - 1]?.startsWith(FN_BODY_MODULE)) stack.push(children[i]!);
    }
    return out;
  }
}

/** A type written in a type alias, a constant or a static, with the module it is written in and the item's path. */
export interface WrittenType {
  readonly ty: TypeExpr;
  readonly m: ModuleScope;
  readonly name: string;
}

/**
 * How many imports deep one lookup follows (`use a::X` where `a` has `pub use b::X`, ...).
 * rustc has no such limit; past it the name is not found (the type is unknown) instead of the
 * lookup overflowing the stack. Real crates re-export a name a few levels deep at most.
 */
export const MAX_IMPORT_DEPTH = 200;

/** A constant found by `Resolver.lookupConst`, or why what the name stands for is not known (a build script decides). */
export type ConstFound =
  | {
      readonly item: Item;
      readonly m: ModuleScope;
      readonly selfPath?: readonly string[];
      /** The impl's attributes, for an associated constant (lint levels). */
      readonly implAttrs?: readonly Attribute[];
      /** The type `Self` is in an associated constant, as written on its impl (where it has no generic arguments). */
      readonly selfTy?: TypeExpr;
    }
  | {
      readonly unknown: string;
      /** Where rustc refuses the use itself: its error (read as unknown where not told apart). */
      readonly reject?: { readonly code: string; readonly message: string };
    };

/**
 * A type or const parameter of an impl that neither its self type nor its trait's arguments name
 * (rustc's E0207 on the impl, and E0282 where an item of it is used); 'unsure' where a bound or a
 * where clause might constrain it through an associated type (`T: Iterator<Item = C>`).
 */
export function unconstrainedImplParam(impl: ImplDef): GenericParam | 'unsure' | undefined {
  const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
  if (!params.length) return undefined;
  // A name written anywhere in the self type or the trait's arguments counts as binding it (rustc
  // does not count one only inside a projection: such an impl is not judged refused here).
  const written = jsonText([impl.selfTy, impl.traitArgs ?? []]);
  const free = params.filter((p) => !written.includes(JSON.stringify(p.name)));
  if (!free.length) return undefined;
  const bounds = jsonText((impl.generics?.params ?? []).map((p) => (p.kind === 'type' ? [p.bounds ?? [], p.otherBounds ?? [], p.projectionBounds ?? false] : [])));
  if (impl.hasWhere || impl.generics?.predicates?.length || impl.generics?.opaqueBounds || free.some((p) => bounds.includes(JSON.stringify(p.name)))) return 'unsure';
  return free[0]!;
}

/** The found constant of `impl`, or why it is not one (an unconstrained parameter of the impl). */
function implConstFound(impl: ImplDef, found: ConstFound): ConstFound {
  if ('unknown' in found) return found;
  const free = unconstrainedImplParam(impl);
  if (free === undefined) return found;
  if (free === 'unsure') return { unknown: 'its impl has a parameter that neither its self type nor its trait names (rustc: E0207 unless a bound constrains it)' };
  // rustc refuses the impl (E0207) and the use: type annotations needed, E0282, or E0283 for a
  // parameter with a trait bound, E0284 for a const parameter.
  const bounded = free.kind === 'type' && (free.traits?.length || free.bounds?.length || free.otherBounds?.length);
  const code = free.kind === 'const' ? 'E0284' : bounded ? 'E0283' : 'E0282';
  const message = `type annotations needed: the ${free.kind} parameter \`${free.name}\` of the impl defining the constant is not constrained by the impl's self type or trait (rustc: E0207 on the impl)`;
  return { unknown: message, reject: { code, message } };
}

/**
 * `V::M` (the type written without generic arguments) for a constant of an impl generic over the
 * type's parameters (`impl<T> V<T>`): nothing in a constant infers them, so rustc refuses the use
 * (type annotations needed: E0284 with a const parameter, E0283 with a bounded type parameter,
 * E0282 otherwise), whatever defaults the type gives its parameters.
 */
function uninferredConstFound(impl: ImplDef, found: ConstFound): ConstFound {
  if ('unknown' in found) return found;
  const params = (impl.generics?.params ?? []).filter((p) => p.kind !== 'lifetime');
  if (!params.length) return found;
  const message = `type annotations needed: the impl defining the constant is generic over \`${params.map((p) => p.name).join('`, `')}\`, which the path does not give (write its arguments, as \`<Type<..>>::NAME\`)`;
  if (impl.hasWhere || impl.generics?.predicates?.length || impl.generics?.opaqueBounds) return { unknown: message };
  const code = params.some((p) => p.kind === 'const') ? 'E0284' : params.some((p) => p.kind === 'type' && (p.traits?.length || p.bounds?.length || p.otherBounds?.length)) ? 'E0283' : 'E0282';
  return { unknown: message, reject: { code, message } };
}

/** Resolves names in the type namespace; one per (crate set, target). */
export class Resolver {
  private readonly visiting = new Set<string>();
  /**
   * Counts the lookups cut short (a cycle of imports, or the depth limit). A lookup during which
   * none was cut is exact whatever is being visited around it, and is cached: without that, a
   * DAG of glob imports (gtk4's `prelude::*` over `auto::*` over `ffi::*`) was walked again for
   * every path through it, minutes for one crate.
   */
  private cuts = 0;
  /** The lookups that found nothing under a cut, during the outermost lookup under way. */
  private negatives: Map<ModuleScope, Set<string>> | undefined;
  /**
   * During the outermost lookup under way: the names whose lookups were cut short by a cycle,
   * the names some lookup found, and whether a cut was of another kind (the depth limit, a
   * constant's lookup), whose outcome is not known. A cut lookup is one still under way further
   * up; the negatives are exact only if none of those ended finding something (a cut `b`, the
   * module a glob import goes through, hides what the glob brings, whatever name is asked).
   */
  private walk: { cut: Set<string>; found: Set<string>; blind: boolean } | undefined;
  /**
   * Counts the crates found still being read: a lookup that met one is not cached (the crate
   * will be there for a later analysis, and a dependency's scopes outlive one analysis).
   */
  private pendingSeen = 0;
  /** Imports being followed (by `lookupUncached` and `lookupConst`), for MAX_IMPORT_DEPTH. */
  private depth = 0;
  constructor(
    readonly std: CrateScope,
    readonly prelude: Readonly<Record<string, readonly string[]>>,
  ) {}

  /**
   * Looks a name up in a module: its own items, explicit imports, then glob imports. From
   * another crate (`from`), only what that crate can see: `pub` items, modules and imports
   * (privacy decides which of two same-named things a path reaches: `use memchr::memchr`
   * imports the function, not memchr's private `mod memchr`). The modelled std is all visible.
   */
  lookupIn(m: ModuleScope, name: string, from?: CrateScope, viewer?: ModuleScope): Binding | undefined {
    const outside = from !== undefined && from !== m.crate && !m.crate.isStd;
    // A glob import sees only what is visible where it is written (`viewer`): a module's private
    // items and imports are not glob-imported outside it, `pub(crate)` ones are.
    const seen = !outside && viewer !== undefined && !m.crate.isStd && !within(viewer, m) ? viewer : undefined;
    const key = outside ? `\0${name}` : seen ? `\u0001${seen.displayPath}\0${name}` : name;
    const hit = m.lookupCache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const top = this.visiting.size === 0;
    // Found nothing under a cut earlier in this outermost lookup: nothing again (as a cut), rather
    // than walking the same imports once per path that reaches them.
    if (!top && this.negatives?.get(m)?.has(key)) {
      this.cuts++;
      this.walk?.cut.add(name);
      return undefined;
    }
    const pending = this.pendingSeen;
    const cuts = this.cuts;
    if (top) {
      this.negatives = new Map();
      this.walk = { cut: new Set(), found: new Set(), blind: false };
    }
    try {
      const r = this.lookupUncached(m, name, outside, seen);
      if (r !== undefined) this.walk?.found.add(name);
      // Results found through a crate still being read are not cached. Nor is a "not found" met
      // while a cycle of imports was cut short (the module being visited may still have it),
      // until the outermost lookup ends: if it found nothing either, nothing on the way could.
      if (this.pendingSeen === pending) {
        if (top || this.cuts === cuts || r !== undefined) m.lookupCache.set(key, r ?? null);
        else if (this.negatives) {
          let set = this.negatives.get(m);
          if (!set) this.negatives.set(m, (set = new Set()));
          set.add(key);
        }
        if (top && r === undefined && this.walk && !this.walk.blind && ![...this.walk.cut].some((n) => this.walk!.found.has(n))) {
          for (const [at, keys] of this.negatives ?? []) for (const k of keys) if (!at.lookupCache.get(k)) at.lookupCache.set(k, null);
        }
      }
      return r;
    } finally {
      if (top) {
        this.negatives = undefined;
        this.walk = undefined;
      }
    }
  }

  /** `viewer`: the module of a glob import outside `m` (see lookupIn). */
  private lookupUncached(m: ModuleScope, name: string, outside: boolean, viewer?: ModuleScope): Binding | undefined {
    const sees = (vis: string | undefined) => viewer === undefined || visibleFrom(vis, m, viewer);
    const unsure = m.unsureTypes.size ? m.unsureTypes.get(name) : undefined;
    if (unsure !== undefined) return { k: 'extern', name, reason: unsure };
    const own = m.types.get(name);
    const child = m.children.get(name);
    const key = `${m.crate.id}/${m.displayPath}/${name}`;
    // A `use` binding a name the module also defines, or a second `use` of it (E0255, E0252).
    const clash = this.namedUses(m, name).length && !this.visiting.has(key) ? this.clashIn(m, name, key) : undefined;
    if (clash) return clash;
    if (own && (!outside || own.vis === 'pub') && sees(own.vis)) return { k: 'item', item: own, m };
    if (child && (!outside || child.isPublic) && sees(child.vis)) return child.unsure !== undefined ? { k: 'extern', name, reason: child.unsure } : { k: 'module', m: child };
    if (this.visiting.has(key) || this.depth >= MAX_IMPORT_DEPTH) {
      this.cuts++;
      if (this.walk) {
        if (this.visiting.has(key)) this.walk.cut.add(name);
        else this.walk.blind = true;
      }
      return undefined;
    }
    this.visiting.add(key);
    this.depth++;
    try {
      for (const u of m.uses) {
        const bound = u.alias ?? u.path[u.path.length - 1];
        if (bound !== name || u.alias === '_' || (outside && !m.publicUses.has(u)) || !sees(m.useVis.get(u))) continue;
        const b = m.crate.externCrateUses.has(u) ? this.externCrate(m.crate, u.path[0]!) : (this.resolveUse(m, u.path, u.global) ?? this.primitiveUse(m, u));
        if (b) return b;
      }
      const globUnsure = m.unsureTypes.size ? m.unsureTypes.get('*') : undefined;
      if (globUnsure !== undefined) return { k: 'extern', name, reason: globUnsure };
      // Every glob import is asked: two that bring different things under the name make it
      // ambiguous (rustc's glob-vs-glob ambiguity).
      let found: { b: Binding; g: UseEntry } | undefined;
      // A glob import of a crate that is not read, before the one that brought the name.
      let unread: UseEntry | undefined;
      for (const g of m.globs) {
        if ((outside && !m.publicUses.has(g)) || !sees(m.useVis.get(g))) continue;
        const target = this.resolveUse(m, g.path, g.global);
        if (target?.k === 'extern' && !found && this.mayHoldTypes(m.crate, target)) unread ??= g;
        if (target?.k !== 'module') continue;
        const b = this.lookupIn(target.m, name, m.crate, m);
        if (!b) continue;
        if (b.k === 'error') return b;
        if (!found) {
          found = { b, g };
          continue;
        }
        if (sameBinding(found.b, b)) continue;
        // rustc 1.95: an error when the first import's item is the crate's own; else the
        // future-incompatibility lint `ambiguous_glob_imports`, and the first one is taken.
        const first = found.b;
        if ((first.k === 'item' || first.k === 'module') && first.m.crate === m.crate && !m.crate.isStd && !outside) {
          return { k: 'error', name, code: 'E0659', message: `\`${name}\` is ambiguous: it is brought in by two glob imports (\`use ${useText(found.g)}\` and \`use ${useText(g)}\`) that name different items` };
        }
        if (first.k === 'extern' || b.k === 'extern') return { k: 'extern', name, reason: `\`${name}\` is brought in by two glob imports (\`use ${useText(found.g)}\` and \`use ${useText(g)}\`), and whether they name one item is not known` };
      }
      if (!found && unread) {
        // Not found, and a glob import's crate is still being read: the name may be there (it
        // says so, and the walk is made again once the crate is in), not "not found" as if for good.
        const t = this.resolveUse(m, unread.path, unread.global);
        if (t?.k === 'extern' && t.pending) return t.reason ? { k: 'extern', name, reason: t.reason, pending: true } : { k: 'extern', name, pending: true };
      }
      if (found) {
        // A glob of a crate not read may bring the name too: rustc would take that one, or refuse both.
        if (unread) return { k: 'extern', name, reason: `\`${name}\` may also come from the glob import \`use ${useText(unread)}\` (a crate not read here)` };
        const first = found.b;
        if ((first.k === 'item' || first.k === 'module') && first.m.crate === m.crate && !m.crate.isStd && !outside) {
          const other = m.globs.find((g) => {
            if (g === found!.g) return false;
            const t = this.resolveUse(m, g.path, g.global);
            return t?.k === 'extern' && this.mayHoldTypes(m.crate, t);
          });
          if (other) return { k: 'extern', name, reason: `\`${name}\` may also come from the glob import \`use ${useText(other)}\` (a crate not read here), which would make it ambiguous` };
        }
        // Any item of the module shadows a glob import, one that a macro call left unexpanded
        // here may make too (`include!` of a build script's file): the name is not known.
        const call = m.macroCalls[0];
        if (call) return { k: 'extern', name, reason: `\`${name}\` comes from a glob import, which an item made by the unexpanded macro call \`${shownMacro(call.name)}!\` may shadow` };
        return first;
      }
    } finally {
      this.visiting.delete(key);
      this.depth--;
    }
    return undefined;
  }

  /** Whether what an `extern` binding names (a path into a crate not read) may hold types: not so in a procedural-macro crate. */
  private mayHoldTypes(crate: CrateScope, b: Extract<Binding, { k: 'extern' }>): boolean {
    const linked = crate.input.links?.crate(b.name.split('::')[0]!);
    return !(linked && !(linked instanceof CrateScope) && linked.procMacro);
  }

  /** The explicit imports of module `m` that bind `name` (`use a::X as _` binds none; `extern crate` is left out). */
  private namedUses(m: ModuleScope, name: string): UseEntry[] {
    const out: UseEntry[] = [];
    for (const u of m.uses) {
      if (u.alias === '_' || (u.alias ?? u.path[u.path.length - 1]) !== name || m.crate.externCrateUses.has(u)) continue;
      out.push(u);
    }
    return out;
  }

  /**
   * E0255 / E0252: a `use` of module `m` binds `name` in a namespace where the module defines it
   * too, or where another `use` binds it (even to the same item). Only what is known counts: an
   * import this model cannot follow clashes with nothing. Items in function bodies are not the
   * module's (they live in their own scopes).
   */
  private clashIn(m: ModuleScope, name: string, key: string): Binding | undefined {
    const uses = this.namedUses(m, name);
    const own = m.types.get(name);
    const child = m.children.get(name);
    const value = m.consts.get(name);
    if (uses.length === 0 || (uses.length === 1 && !own && !child && !value)) return undefined;
    this.visiting.add(key);
    this.depth++;
    try {
      const mine: Namespaces = { t: own !== undefined || child !== undefined, v: value !== undefined || (own?.kind === 'struct' && own.shape !== 'named') };
      const kind = child ? 'module' : own ? (own.kind === 'alias' ? 'type alias' : own.kind) : value?.kind === 'fn' ? 'function' : value?.kind;
      const seen: { u: UseEntry; ns: Namespaces }[] = [];
      for (const u of uses) {
        const ns = this.useNamespaces(m, u);
        if ((ns.t && mine.t) || (ns.v && mine.v)) {
          return { k: 'error', name, code: 'E0255', message: `the name \`${name}\` is defined multiple times: \`use ${useText(u)}\` imports it where the ${kind} \`${name}\` is defined` };
        }
        const twice = seen.find((x) => (x.ns.t && ns.t) || (x.ns.v && ns.v));
        if (twice) return { k: 'error', name, code: 'E0252', message: `the name \`${name}\` is defined multiple times: imported by \`use ${useText(twice.u)}\` and \`use ${useText(u)}\`` };
        seen.push({ u, ns });
      }
      return undefined;
    } finally {
      this.visiting.delete(key);
      this.depth--;
    }
  }

  /**
   * What a `use` entry of `m` binds in the type namespace, as `m` sees it: a name the module it
   * imports from holds privately (its own private item, or a private import: rayon's
   * `iter::repeat` module has `use super::*`, which brings the module `repeat` itself in) is not
   * imported from outside it. rustc passes over a namespace it cannot see when another one
   * resolves (`use self::repeat::repeat` then imports the function alone, beside `mod repeat`).
   */
  private importedType(m: ModuleScope, u: UseEntry): Binding | undefined {
    const last = u.path[u.path.length - 1];
    if (u.path.length >= 2 && last !== undefined && !PATH_KEYWORDS.has(last)) {
      const owner = this.resolveUse(m, u.path.slice(0, -1), u.global);
      if (owner?.k === 'module' && owner.m.crate === m.crate && !m.crate.isStd) return this.lookupIn(owner.m, last, m.crate, m);
    }
    return this.resolveUse(m, u.path, u.global);
  }

  /** The namespaces in which a `use` entry of `m` is known to bind its name. */
  private useNamespaces(m: ModuleScope, u: UseEntry): Namespaces {
    const ns: Namespaces = { t: false, v: false };
    const b = m.crate.externCrateUses.has(u) ? undefined : (this.importedType(m, u) ?? this.primitiveUse(m, u));
    if (b && (b.k === 'module' || b.k === 'item' || b.k === 'prim')) ns.t = true;
    if (b?.k === 'item' && b.item.kind === 'struct' && b.item.shape !== 'named') ns.v = true;
    const last = u.path[u.path.length - 1];
    if (u.path.length < 2 || last === undefined) return ns;
    const owner = this.resolveUse(m, u.path.slice(0, -1), u.global);
    if (owner?.k === 'item' && owner.item.kind === 'enum') {
      // `use E::V`: a variant is in the type namespace, a tuple or unit one in the value namespace too.
      const v = owner.item.variants.find((x) => x.name === last && owner.m.crate.active(x.cfg));
      if (v) {
        ns.t = true;
        if (v.shape !== 'named') ns.v = true;
      }
    } else if (owner?.k === 'module' && !ns.v) {
      const c = this.lookupConst(owner.m, [last]);
      if (c && 'item' in c && (owner.m.crate === m.crate || owner.m.crate.isStd || ('vis' in c.item && c.item.vis === 'pub'))) ns.v = true;
    }
    return ns;
  }

  private stdRoot(name: string): Binding | undefined {
    if (name === 'std' || name === 'core' || name === 'alloc') return { k: 'module', m: this.std.root };
    // The proc_macro sysroot crate is modelled as a module of the std model.
    if (name === 'proc_macro') {
      const m = this.std.root.children.get('proc_macro');
      return m ? { k: 'module', m } : undefined;
    }
    return undefined;
  }

  /** A crate by name from `crate`: std, a linked dependency (its root module), or an unread extern. */
  private externCrate(crate: CrateScope, name: string): Binding {
    if (crate.selfNames.has(name)) return { k: 'module', m: crate.outside ?? crate.root };
    // A root `extern crate x as name;` (the root's names are sorted out first).
    crate.root.ensure();
    const real = crate.externAliases.get(name);
    if (real !== undefined && real !== name) return this.externCrate(crate, real);
    const std = this.stdRoot(name);
    if (std) return std;
    const linked = crate.input.links?.crate(name);
    if (linked instanceof CrateScope) return { k: 'module', m: linked.root };
    if (linked?.pending) {
      this.pendingSeen++;
      return { k: 'extern', name, reason: linked.unavailable, pending: true };
    }
    return { k: 'extern', name, reason: linked?.unavailable };
  }

  /**
   * Resolves a `use` path from module `m` (also a `::a::b` type path). 2018 rules: relative to
   * `m`, or an extern crate. 2015 rules: from the crate root (where `extern crate` puts crates
   * and std is injected), unless it starts with `self`, `super` or `crate`.
   */
  resolveUse(m: ModuleScope, path: readonly string[], global: boolean): Binding | undefined {
    // `use *;` / `use ::*;` (a glob of nothing): the crate root in the 2015 edition (openssl-sys's modules).
    if (path.length === 0) return m.crate.rootRelativeUse ? { k: 'module', m: m.crate.outside ?? m.crate.root } : undefined;
    let cur: Binding | undefined;
    const first = path[0]!;
    if (m.crate.rootRelativeUse && (global || (first !== 'self' && first !== 'super' && first !== 'crate' && first !== SELF_CRATE && first !== ENCLOSING))) {
      // A detached file is not the crate root: what a 2015 path names there is still being read.
      const outside = m.crate.outside;
      if (outside) cur = this.stdRoot(first) ?? { k: 'module', m: outside };
      else cur = this.lookupIn(m.crate.root, first) ?? (m.crate.isStd ? undefined : this.externCrate(m.crate, first));
    } else if (global) cur = this.externCrate(m.crate, first);
    else cur = this.firstSegment(m, first);
    for (let i = 1; i < path.length && cur; i++) cur = this.step(cur, path[i]!, m.crate);
    return cur;
  }

  /** The first segment of a path: keywords, local names, extern crates, std. */
  firstSegment(m: ModuleScope, name: string): Binding | undefined {
    if (name === 'crate' || name === SELF_CRATE) return { k: 'module', m: m.crate.outside ?? m.crate.root };
    if (name === 'self') return { k: 'module', m: enclosingModule(m) };
    if (name === 'super') return this.parentOf(enclosingModule(m));
    if (name === ENCLOSING) return m.parent ? { k: 'module', m: m.parent } : undefined;
    const local = this.lookupIn(m, name);
    if (local) return local;
    const std = this.stdRoot(name);
    if (std && !m.crate.isStd) return std;
    if (m.crate.externs.has(name)) return this.externCrate(m.crate, name);
    return undefined;
  }

  /** `super` of a module: its parent, the rest of the crate above a detached root, or nothing. */
  private parentOf(m: ModuleScope): Binding | undefined {
    if (m.parent) return { k: 'module', m: m.parent };
    if (m === m.crate.root && m.crate.outside) return { k: 'module', m: m.crate.outside };
    return undefined;
  }

  /** One more segment of a path written in crate `from`. */
  step(cur: Binding, name: string, from: CrateScope): Binding | undefined {
    if (cur.k === 'module') {
      if (name === 'super') return this.parentOf(cur.m);
      if (name === 'self') return cur;
      return this.lookupIn(cur.m, name, from);
    }
    if (cur.k === 'extern') return { k: 'extern', name: `${cur.name}::${name}`, reason: cur.reason };
    // A path through a name rustc refuses is refused too.
    if (cur.k === 'error') return cur;
    return undefined;
  }

  /**
   * `use std::primitive::u16 as u8;` (or `core::primitive::X`, the old `std::u16`): the primitive
   * type under the name imported, as resolveTypePath reads such a path. Undefined otherwise.
   */
  private primitiveUse(m: ModuleScope, u: UseEntry): Binding | undefined {
    const last = u.path[u.path.length - 1];
    if (u.glob || u.path.length < 2 || last === undefined || !PRIMITIVES.has(last)) return undefined;
    if (u.path.length === 3 && (u.path[0] === 'std' || u.path[0] === 'core') && u.path[1] === 'primitive') {
      const head = u.global ? undefined : this.lookupIn(m, u.path[0]);
      if (head === undefined || (head.k === 'module' && head.m.crate.isStd)) return { k: 'prim', name: last };
    }
    const parent = this.resolveUse(m, u.path.slice(0, -1), u.global);
    return parent?.k === 'module' && parent.m.crate.isStd && !parent.m.types.has(last) ? { k: 'prim', name: last } : undefined;
  }

  /** Full resolution of a type path's segments (no generic handling here). */
  resolveTypePath(m: ModuleScope, segs: readonly string[], global: boolean): Binding | undefined {
    // `super`, `self` and `crate` alone name modules (`super::N` asks for `super`'s const N).
    if (segs.length === 1 && !global && !PATH_KEYWORDS.has(segs[0]!)) {
      const name = segs[0]!;
      const local = this.lookupIn(m, name);
      // A module with a primitive's name (`use std::str;`, `use core::u8;`) does not hide the
      // primitive type: rustc falls back to it when a type path resolves to a module.
      if (local && !(local.k === 'module' && PRIMITIVES.has(name))) return local;
      const p = this.prelude[name];
      // `Result`, the prelude name macros most often define again (`type Result<T> = ..`).
      if (p && name === 'Result' && m.macroCalls.length) {
        return { k: 'extern', name, reason: `\`Result\` may be an alias made by the unexpanded macro call \`${shownMacro(m.macroCalls[0]!.name)}!\` rather than the prelude's` };
      }
      if (p) {
        const b = this.resolveUse(this.std.root, p, false);
        if (b) return b;
      }
      if (PRIMITIVES.has(name)) return { k: 'prim', name };
      return undefined;
    }
    let cur: Binding | undefined = global ? this.resolveUse(m, [segs[0]!], true) : this.firstSegment(m, segs[0]!);
    if (!cur && PRIMITIVES.has(segs[0]!)) return undefined;
    for (let i = 1; i < segs.length && cur; i++) {
      // `std::primitive::u8` and the old `std::u8` modules.
      if (cur.k === 'module' && cur.m.crate.isStd && PRIMITIVES.has(segs[i]!) && i === segs.length - 1 && !cur.m.types.has(segs[i]!)) {
        return { k: 'prim', name: segs[i]! };
      }
      cur = this.step(cur, segs[i]!, m.crate);
    }
    return cur;
  }

  /**
   * Const items visible from a module (for array lengths and discriminants). Import cycles
   * (`a` re-exports `b::N` or `b::*`, and `b` re-exports `a`'s) find nothing, as do chains
   * deeper than MAX_IMPORT_DEPTH.
   */
  lookupConst(m: ModuleScope, segs: readonly string[], global = false): ConstFound | undefined {
    if (global) {
      // `::N` / `::a::N`: from the crate root in the 2015 edition (libc's `[c_char; ::IFNAMSIZ]`),
      // else `::a` is an extern crate (a lone `::N` names none).
      if (segs.length === 1) {
        if (!m.crate.rootRelativeUse || m.crate.outside) return undefined;
        return this.lookupConst(m.crate.root, segs);
      }
      return this.constOf(this.resolveTypePath(m, segs.slice(0, -1), true), segs[segs.length - 1]!);
    }
    if (segs.length === 1) {
      const unsure = m.unsureConsts.size ? (m.unsureConsts.get(segs[0]!) ?? (m.consts.has(segs[0]!) ? undefined : m.unsureConsts.get('*'))) : undefined;
      if (unsure !== undefined) return { unknown: unsure };
      const c = m.consts.get(segs[0]!);
      if (c) return { item: c, m };
      // In `visiting` with the type lookups' keys: lookups made meanwhile are not cached either.
      const key = `const/${m.crate.id}/${m.displayPath}/${segs[0]}`;
      if (this.visiting.has(key) || this.depth >= MAX_IMPORT_DEPTH) {
        this.cuts++;
        if (this.walk) this.walk.blind = true;
        return undefined;
      }
      this.visiting.add(key);
      this.depth++;
      try {
        return this.importedConst(m, segs);
      } finally {
        this.visiting.delete(key);
        this.depth--;
      }
    }
    // `<X as Tr>::N` and `<X>::N`: the written self type (its generic arguments aside) and trait.
    const q = segs.length === 2 ? /^<\s*((?:::)?\s*[A-Za-z_][\w\s:]*?)\s*(?:<[^]*>)?\s*(?:\bas\s+([\w\s:]+?)\s*(?:<[^]*>)?\s*)?>$/.exec(segs[0]!) : null;
    if (q) {
      const written = q[1]!.replace(/\s+/g, '');
      const self = this.resolveTypePath(m, written.replace(/^::/, '').split('::'), written.startsWith('::'));
      const trait = q[2]?.replace(/\s+/g, '');
      if (self?.k === 'prim' && trait !== undefined) {
        const withArgs = /\bas\s+[\w\s:]+?\s*</.test(segs[0]!);
        return this.primitiveAssociatedConst(self.name, segs[1]!, { path: trait, m }, withArgs);
      }
      if (self?.k !== 'item') return undefined;
      // `<V as Tr>` and `<V>` write a type: one whose type or const parameter has no default needs
      // its arguments there (rustc: E0107), whatever the impls.
      const selfArgs = /^<\s*(?:::)?\s*[A-Za-z_][\w\s:]*?\s*</.test(segs[0]!);
      const needed = self.item.kind === 'struct' || self.item.kind === 'enum' || self.item.kind === 'union' ? self.item.generics.params.filter((p) => p.kind !== 'lifetime' && p.default === undefined) : [];
      if (!selfArgs && needed.length) {
        const message = `missing generics for \`${self.item.name}\`: its parameter \`${needed[0]!.name}\` has no default`;
        return { unknown: message, reject: { code: 'E0107', message } };
      }
      // Generic arguments (`<S as Tr<u16>>`, `<W<u16>>`) are not compared with the impls': an
      // impl for other arguments could be taken, so only one candidate in all answers.
      const args = selfArgs || (q[2] !== undefined && /\bas\s+[\w\s:]+?\s*</.test(segs[0]!));
      // A type written in `<..>` is complete (its defaults apply): nothing is left to infer.
      const found = this.associatedConst(self, segs[1]!, trait === undefined ? undefined : { path: trait, m }, args, true);
      return found;
    }
    // `u8::MAX` with a module `u8` in scope is that module's (rustc falls back to the primitive
    // type only when the path finds nothing: the engine does).
    if (segs.length === 2 && PRIMITIVES.has(segs[0]!)) return this.constOf(this.firstSegment(m, segs[0]!), segs[1]!);
    // `Header::N` names a type, `libc::PATH_MAX` (or a renamed dependency's `ffi::N`) a crate.
    return this.constOf(this.resolveTypePath(m, segs.slice(0, -1), false) ?? (segs.length === 2 ? this.firstSegment(m, segs[0]!) : undefined), segs[segs.length - 1]!);
  }

  /** Constant `name` of what a path's owner segments name: a module's, a type's associated one. */
  private constOf(owner: Binding | undefined, name: string): ConstFound | undefined {
    if (owner?.k === 'extern' && owner.reason !== undefined) return { unknown: owner.reason };
    if (owner?.k === 'module') return this.lookupConst(owner.m, [name]);
    if (owner?.k === 'item') return this.associatedConst(owner, name);
    return undefined;
  }

  /**
   * The procedural-macro crate an attribute of a type comes from (`#[bitfield]` imported from
   * modular_bitfield, `#[pin_project::pin_project]`), if it does: such an attribute may rewrite
   * the type. Undefined for other attributes (built-in ones, derive helpers, unknown names).
   */
  attributeMacroCrate(m: ModuleScope, attrName: string): string | undefined {
    const segs = attrName.split('::');
    let head = segs[0]!;
    if (segs.length === 1) {
      const u = m.uses.find((x) => (x.alias ?? x.path[x.path.length - 1]) === head && x.path.length >= 2);
      if (!u) {
        // Through a glob import (`use modular_bitfield::prelude::*;` then `#[bitfield]`): a name
        // the glob brings from another crate that this model does not read (a procedural-macro
        // crate's re-exported attribute) is such a macro.
        if (!m.globs.length) return undefined;
        const b = this.lookupIn(m, head);
        return b?.k === 'extern' ? b.name.split('::')[0] : undefined;
      }
      head = u.path[0]!;
    }
    if (head === 'std' || head === 'core' || head === 'alloc') return undefined;
    // A procedural-macro crate, or any dependency: an attribute written through a crate is a
    // macro it re-exports (`#[cxx::bridge]`, `use ouroboros::self_referencing;`), since a crate
    // defines no other attributes (tools' `rustfmt::skip` are no crates).
    const links = m.crate.input.links;
    if (links) return links.crate(head) ? head : undefined;
    // No crate graph (a file alone): a path that starts at no module of the file and no tool's
    // namespace names another crate, whose attribute may rewrite the item
    // (`#[ouroboros::self_referencing]`, `use modular_bitfield::bitfield;`).
    if (head === 'crate' || head === 'self' || head === 'super' || TOOL_NAMESPACES.has(head)) return undefined;
    const b = this.lookupIn(m, head);
    return b?.k === 'module' ? undefined : head;
  }

  /**
   * Where a bare attribute name that is neither built-in nor a derive helper comes from, seen from
   * module `m` (rustc resolves it in the macro namespace): an attribute macro of a crate (`macro`,
   * which may rewrite the item), maybe one (`maybe`: a glob import of another crate, a
   * `#[macro_use] extern crate`, a macro call left unexpanded or a file not read may bring it),
   * found nowhere (`missing`: rustc's "cannot find attribute"), or something else a `use` names.
   */
  attributeSource(m: ModuleScope, name: string, seen = new Set<ModuleScope>()): AttributeSource {
    if (seen.has(m)) return { k: 'missing' };
    seen.add(m);
    const named = m.uses.find((u) => (u.alias ?? u.path[u.path.length - 1]) === name && u.alias !== '_');
    if (named) {
      const from = this.attributeMacroCrate(m, name);
      if (from) return { k: 'macro', from };
      // `use crate::prelude::bitfield;` where the prelude re-exports another crate's macro.
      if (named.path.length >= 2) {
        const owner = this.resolveUse(m, named.path.slice(0, -1), named.global);
        if (owner?.k === 'module' && owner.m.crate === m.crate) {
          const inner = this.attributeSource(owner.m, named.path[named.path.length - 1]!, seen);
          if (inner.k === 'macro' || inner.k === 'maybe') return inner;
        }
      }
      const b = this.lookupIn(m, name);
      if (b?.k === 'extern') {
        const head = b.name.split('::')[0]!;
        if (head !== 'std' && head !== 'core' && head !== 'alloc') return { k: 'macro', from: head };
      }
      return { k: 'other' };
    }
    const reading = m.pending || m.missing || m.crate.outside;
    if (reading) return { k: 'maybe', why: 'the rest of the crate is not read yet' };
    const call = m.macroCalls[0];
    if (call) return { k: 'maybe', why: `the unexpanded macro call \`${shownMacro(call.name)}!\` may import it` };
    for (const g of m.globs) {
      const target = this.resolveUse(m, g.path, g.global);
      if (target?.k === 'module' && target.m.crate.isStd) continue;
      if (target?.k === 'module' && target.m.crate === m.crate) {
        const inner = this.attributeSource(target.m, name, seen);
        if (inner.k !== 'missing') return inner;
        continue;
      }
      return { k: 'maybe', why: `the glob import \`use ${useText(g)}\` may bring it` };
    }
    const macroUse = [...m.crate.macroUseCrates][0];
    if (macroUse !== undefined) return { k: 'maybe', why: `\`#[macro_use] extern crate ${macroUse};\` may bring it` };
    return { k: 'missing' };
  }

  /** Whether the item's crate has an `impl Clone for Item` (whose self type resolves to the item). */
  hasCloneImpl(item: TypeItem, m: ModuleScope): boolean {
    return this.hasMarkerImpl(item, m, 'clone');
  }

  private readonly copyRenamed = new WeakMap<CrateScope, boolean>();

  /**
   * Whether the crate imports a `Copy` under another name (`use std::marker::Copy as Cp;`): an
   * `impl Cp for X {}` is then not seen as an impl of Copy (impls are told Copy by their trait's
   * written name), so a type without a seen one may still be Copy.
   */
  renamesCopy(crate: CrateScope): boolean {
    let r = this.copyRenamed.get(crate);
    if (r === undefined) {
      r = crate.modules().some((mod) => mod.uses.some((u) => u.path[u.path.length - 1] === 'Copy' && u.alias !== undefined && u.alias !== 'Copy'));
      this.copyRenamed.set(crate, r);
    }
    return r;
  }

  private hasMarkerImpl(item: TypeItem, m: ModuleScope, which: 'copy' | 'clone'): boolean {
    for (const { impl, m: at } of m.crate.impls.get(item.name) ?? []) {
      // An impl whose cfg a build script decides may be there: counted (a type is not called non-Copy on a guess).
      if (!impl[which] || (!m.crate.active(impl.cfg) && m.crate.unsure(impl.cfg) === undefined) || impl.selfTy.kind !== 'path') continue;
      const self = this.resolveTypePath(at, impl.selfTy.segments.map((x) => x.name), impl.selfTy.global);
      if (self?.k === 'item' && self.item === item) return true;
    }
    return false;
  }

  /** `Type::NAME` where an inherent `impl Type { const NAME: .. }` of Type's crate defines it. */
  private associatedConst(owner: Extract<Binding, { k: 'item' }>, name: string, trait?: { readonly path: string; readonly m: ModuleScope }, withArgs = false, complete = false): ConstFound | undefined {
    const crate = owner.m.crate;
    // Inherent impls first, as rustc looks them up; then trait impls (`impl Tr for X { const N }`).
    // Several impls defining the name (of different instantiations, or of different traits) are
    // not told apart here: the path's generic arguments are not kept.
    const inherent: ConstFound[] = [];
    const ofTraits: ConstFound[] = [];
    for (const { impl, m } of crate.impls.get(owner.item.name) ?? []) {
      if (impl.selfTy.kind !== 'path' || !impl.consts.some((x) => x.name === name)) continue;
      if (trait !== undefined && !this.sameTrait(trait.path, trait.m, impl.traitPath ?? impl.trait, m)) continue;
      const unsure = crate.unsure(impl.cfg) ?? impl.consts.map((x) => (x.name === name ? crate.unsure(x.cfg) : undefined)).find((x) => x !== undefined);
      const c = impl.consts.find((x) => x.name === name && crate.active(x.cfg));
      if (unsure === undefined && (!c || !crate.active(impl.cfg))) continue;
      const self = this.resolveTypePath(m, impl.selfTy.segments.map((x) => x.name), impl.selfTy.global);
      if (self?.k !== 'item' || self.item !== owner.item) continue;
      // `Self::N` in the constant's value is the impl's self type.
      const found: ConstFound =
        unsure !== undefined
          ? { unknown: unsure }
          : {
              item: c!,
              m,
              selfPath: impl.selfTy.segments.map((x) => x.name),
              ...(impl.attrs?.length ? { implAttrs: impl.attrs } : {}),
              // Without generic arguments on it, the self type is one type (an impl's parameters must appear in it: E0207).
              ...(impl.selfTy.segments.every((x) => !x.args.length) && !impl.selfTy.qself ? { selfTy: impl.selfTy } : {}),
            };
      const checked = implConstFound(impl, found);
      (impl.trait === undefined ? inherent : ofTraits).push(withArgs || complete || 'unknown' in checked ? checked : uninferredConstFound(impl, checked));
    }
    const pick = inherent.length ? inherent : ofTraits;
    if (pick.length > 1) return { unknown: `\`${owner.item.name}::${name}\` is defined by ${pick.length} impls, which are not told apart here` };
    // With generic arguments written, an impl for other arguments (of any kind, or a blanket
    // impl, which is not looked at here) may be the one: answered only when nothing else could be.
    if (withArgs && (inherent.length + ofTraits.length !== 1 || (crate.impls.get(BLANKET_IMPLS) ?? []).some(({ impl }) => impl.consts.length > 0))) {
      return { unknown: `\`${owner.item.name}::${name}\` with generic arguments: the impls' arguments are not compared here` };
    }
    return pick[0];
  }

  /**
   * `<u32 as Tr>::N`: the constant of an `impl Tr for u32` of the asking crate or of the trait's.
   * Such an impl is the only one that can apply (a blanket impl of the trait would overlap it); a
   * constant the impl leaves to the trait's default, or several impls (of other trait arguments),
   * are not looked at here.
   */
  private primitiveAssociatedConst(prim: string, name: string, trait: { readonly path: string; readonly m: ModuleScope }, withArgs: boolean): ConstFound | undefined {
    const t = this.traitPath(trait.path, trait.m);
    const crates = new Set<CrateScope>([trait.m.crate]);
    if (t?.k === 'item') crates.add(t.m.crate);
    const found: ConstFound[] = [];
    let candidates = 0;
    for (const crate of crates) {
      for (const { impl, m } of crate.impls.get(prim) ?? []) {
        if (impl.selfTy.kind !== 'path' || impl.selfTy.segments.length !== 1) continue;
        if (!this.sameTrait(trait.path, trait.m, impl.traitPath ?? impl.trait, m)) continue;
        // `impl Tr for u32` where the module has a type `u32` of its own is that type's.
        if (this.resolveTypePath(m, [prim], impl.selfTy.global)?.k !== 'prim') continue;
        candidates++;
        const unsure = crate.unsure(impl.cfg) ?? impl.consts.map((x) => (x.name === name ? crate.unsure(x.cfg) : undefined)).find((x) => x !== undefined);
        if (unsure !== undefined) {
          found.push({ unknown: unsure });
          continue;
        }
        const c = impl.consts.find((x) => x.name === name && crate.active(x.cfg));
        if (c && crate.active(impl.cfg)) found.push(implConstFound(impl, { item: c, m, selfPath: [prim], ...(impl.attrs?.length ? { implAttrs: impl.attrs } : {}) }));
      }
    }
    if (found.length > 1 || (withArgs && candidates > 1)) return { unknown: `\`<${prim} as ${trait.path}>::${name}\` is defined by ${Math.max(found.length, candidates)} impls, which are not told apart here` };
    return found[0];
  }

  /** What a trait path as written in `m` (`Tr`, `a::Tr`, `::core::ops::Sub`) names. */
  traitPath(path: string, m: ModuleScope): Binding | undefined {
    const global = path.startsWith('::');
    const segs = path.replace(/^::/, '').split('::');
    return segs.length === 1 && !global ? this.lookupIn(m, segs[0]!) : this.resolveTypePath(m, segs, global);
  }

  /**
   * Whether two trait paths, each written in its module, name the same trait: the same item when
   * both lead to one (`use a::Tr as B` then `B` is `a::Tr`), else the same last segment.
   */
  sameTrait(a: string, am: ModuleScope, b: string | undefined, bm: ModuleScope): boolean {
    if (b === undefined) return false;
    const item = (path: string, m: ModuleScope) => {
      const r = this.traitPath(path, m);
      return r?.k === 'item' && r.item.kind === 'trait' ? r.item : undefined;
    };
    const x = item(a, am);
    const y = item(b, bm);
    if (x && y) return x === y;
    return a.slice(a.lastIndexOf(':') + 1) === b.slice(b.lastIndexOf(':') + 1);
  }

  /** A const imported into `m` by name or by a glob (`segs` is one name). */
  private importedConst(m: ModuleScope, segs: readonly string[]): ConstFound | undefined {
    for (const u of m.uses) {
      const bound = u.alias ?? u.path[u.path.length - 1];
      if (bound !== segs[0]) continue;
      const owner = this.resolveUse(m, u.path.slice(0, -1), u.global);
      if (owner?.k === 'module') return this.lookupConst(owner.m, [u.path[u.path.length - 1]!]);
    }
    for (const g of m.globs) {
      const owner = this.resolveUse(m, g.path, g.global);
      if (owner?.k === 'module' && owner.m !== m) {
        const r = this.lookupConst(owner.m, segs);
        // A constant of the glob's module that is private to it is not imported.
        if (r && 'item' in r && r.m === owner.m && !owner.m.crate.isStd && owner.m.crate === m.crate && !visibleFrom('vis' in r.item ? r.item.vis : undefined, owner.m, m)) continue;
        if (r) return r;
      }
    }
    return undefined;
  }
}

/** The key of `CrateScope.impls` for impls whose self type is none of the kinds keyed by name (a tuple, a raw or fn pointer, a reference to one of those). */
export const OTHER_IMPLS = '<other>';

/** The key of `CrateScope.impls` for impls whose self type is a parameter of the impl (see `blanketParam`). */
export const BLANKET_IMPLS = '<blanket>';

/**
 * The impl parameter a blanket impl is for: `impl<T> Tr for T`, and for `*mut T`, `*const T`,
 * `&T`, `&mut T`, `[T]` (`T` then names the pointee or element). Undefined for other impls.
 */
export function blanketParam(impl: ImplDef): string | undefined {
  let t = impl.selfTy;
  if (t.kind === 'ptr' || t.kind === 'ref') t = t.inner;
  else if (t.kind === 'slice') t = t.elem;
  if (t.kind !== 'path' || t.global || t.qualified || t.segments.length !== 1 || t.segments[0]!.args.length) return undefined;
  const name = t.segments[0]!.name;
  return impl.generics?.params.some((p) => p.kind === 'type' && p.name === name) ? name : undefined;
}

/** Namespaces of tool attributes (`#[rustfmt::skip]`, `#[clippy::msrv]`), which are no crates. */
