/**
 * Hunt Y: random crate STRUCTURES against rustc. Not part of `npm test`.
 *
 *   node scripts/build.mjs && nice -n 10 node out/test/oracle/crate-structures.js --seed S --count N [--keep DIR] [--verbose]
 *
 * Each seed gives a multi-file Cargo package (edition 2015 to 2024, its root at `src/lib.rs` or
 * elsewhere through `[lib] path`) whose type layouts depend on name resolution: module trees
 * (`a.rs` / `a/mod.rs`, nested inline modules, `#[path]` from mod-rs files, non-mod-rs files and
 * inline modules, `..` paths, `cfg(feature)` alternatives of one module, an inner `#![cfg]` in the
 * module's file, `cfg_attr(feature, path = ..)`, modules declared by macro_rules! calls and by a
 * cfg_if!-like macro of the crate, items pulled in by `include!`), features that turn on others,
 * names (one name in several modules, `use` renames, brace imports with `self as q`, module
 * aliases, `pub use` chains, cfg'd imports of one name, globs shadowed by explicit imports and
 * items, glob-vs-glob ambiguities never used, private / `pub(crate)` / `pub(super)` /
 * `pub(in ..)` items that globs do or do not see, `self`/`super`/`crate`, edition 2015 `use`
 * paths and `::a`, items shadowing prelude and primitive names: `String`, `Option<T>`,
 * `Result<T, E = u8>`, `u32`, `bool`), consts in array lengths (paths, `size_of::<T>()`,
 * associated consts, `Self::M`) and enum discriminants, cfg'd fields and items, generic structs
 * and aliases, and macros (`#[macro_use]` modules, cfg'd ones too, a type macro `lm!` redefined
 * between module declarations and by a macro-defining macro, `$crate` paths, `#[macro_export]`).
 * Every struct carries an `[u8; K]` with a K of its own, so a path resolved to another type shows
 * as another size.
 *
 * Every non-generic type defined in an active module gets `const _: usize = size_of::<T>();`
 * beside its definition; cargo (offline, RUSTC_BOOTSTRAP=1, -Zprint-type-sizes) builds the
 * package with its default features and the layouts are compared with `node dist/cli.js --json`.
 * The generator's own model of the scopes only serves to write paths rustc accepts; rustc is the
 * oracle of what they mean.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { Rng } from './prng';
import { compareType, summarize, formatSummary, type TypeVerdict, type EngineReport, type EngineType } from './compare';
import { parsePrintTypeSizes } from '../../src/core/verify/printTypeSizes';
import { ptsToOracleByKind } from '../../src/core/verify/printTypeSizes';
import { run } from '../../src/platform/rustcProbe';

type Edition = '2015' | '2018' | '2021' | '2024';

interface TypeDef {
  readonly name: string;
  readonly mod: Mod;
  readonly kind: 'struct' | 'enum';
  /** Generic (`Option<T>`, `W<T>`): used in fields with arguments, not probed. */
  readonly params: number;
  /** An alias (`type Result<T, E = u8>`): not probed. */
  readonly alias?: boolean;
  /** Has an inherent `const M: usize`. */
  assoc?: boolean;
}

interface ConstDef {
  readonly name: string;
  readonly mod: Mod;
  readonly ty: 'usize' | 'isize';
}

type Def = { t: 'type'; d: TypeDef } | { t: 'const'; d: ConstDef } | { t: 'mod'; d: Mod };

interface Entry {
  readonly def: Def;
  /** Module whose scope holds the name, and whether it is `pub` there. */
  readonly owner: Mod;
  readonly pub: boolean;
  /** Visible in this module's subtree only (private: the owner; `pub(super)`: its parent); null: the whole crate. */
  readonly visRoot?: Mod | null;
  readonly level: 2 | 1; // 2: item or explicit import, 1: glob
}

interface Mod {
  readonly name: string;
  readonly path: readonly string[];
  readonly parent?: Mod;
  readonly children: Mod[];
  /** Active under the default features (this module's cfg and its ancestors'). */
  readonly active: boolean;
  /** Module directory state of rustc_expand (dir_path, relative ident) for `mod x;` children. */
  readonly dir: string;
  readonly rel: string | null;
  /** The file its items are written in. */
  readonly file: string;
  /** Inline in its parent's text (false: a file of its own). */
  readonly inline: boolean;
  /** Lines of its body (items); children's declarations are added when rendered. */
  readonly lines: string[];
  /** Name → entries (several at level 1: glob candidates). */
  readonly scope: Map<string, Entry[]>;
  /** Globs this module imports (`use M::*`), resolved lazily in `lookup`. */
  readonly globs: { from: Mod; pub: boolean }[];
  /** Declaration text in the parent (attributes and `mod x;` / `mod x { BODY }`), BODY replaced when rendering. */
  decl: string;
  /** The twin alternative (cfg'd out) of this module, if any. */
  twin?: Mod;
  /** Set once its items are generated (imports may name it then). */
  filled: boolean;
}

const FEATURES = ['f1', 'f2', 'f3'];
const NAMES = ['A', 'B', 'C', 'Node', 'Inner', 'String', 'Option', 'Vec', 'Result', 'A', 'B', 'u32', 'bool', 'u16'];
const PRIMS: readonly [string, number][] = [
  ['u8', 1],
  ['u16', 2],
  ['u32', 4],
  ['u64', 8],
  ['bool', 1],
  ['char', 4],
  ['i16', 2],
];

class Gen {
  readonly rng: Rng;
  readonly edition: Edition;
  readonly on: Set<string>;
  readonly files = new Map<string, Mod>();
  readonly extraFiles = new Map<string, string>();
  /** Directories a `#[path]` with `..` goes through: they must exist. */
  readonly dirs = new Set<string>();
  /** File modules declared `#[macro_use]`: their file ends with an `lm` definition. */
  readonly macroUse = new Set<Mod>();
  readonly types: TypeDef[] = [];
  readonly consts: ConstDef[] = [];
  readonly mods: Mod[] = [];
  readonly defaults: string[];
  /** The crate root (\`[lib] path\`): any name, a mod-rs file all the same. */
  readonly rootFile: string;
  /** Files whose first line is an inner \`#![cfg(..)]\`. */
  readonly innerCfg = new Map<Mod, string>();
  /** Included files (\`include!\`): path → text. */
  readonly included = new Map<string, string>();
  readonly implies = new Map<string, string[]>();
  private k = 1;
  /** The type whose fields are being written (a bare name resolving to it would make it recursive). */
  current: TypeDef | undefined;
  /** `macro_rules! lm` (a type) is defined at the top of the root and redefined between modules. */
  readonly legacy: boolean;
  private uniq = 0;
  /** Re-export chains: (module, exported name) pairs that resolve to a type. */
  root!: Mod;
  /** The crate has the item macros (`mk_struct!`, `mk_mod!`, `inline_mod!`, `my_cfg_if!`). */
  readonly macroMod: boolean;
  readonly tyMacros: { name: string; target: TypeDef }[] = [];

  constructor(seed: number) {
    this.rng = new Rng(seed);
    this.edition = this.rng.pick(['2015', '2018', '2021', '2021', '2024'] as const);
    this.rootFile = this.rng.pick(['src/lib.rs', 'src/lib.rs', 'src/root.rs', 'lib/krate.rs']);
    this.defaults = FEATURES.filter(() => this.rng.chance(0.4));
    // `f1 = ["f2"]`: a default feature turns others on.
    if (this.rng.chance(0.4)) this.implies.set('f1', [this.rng.pick(['f2', 'f3'])]);
    if (this.rng.chance(0.3)) this.implies.set('f2', ['f3']);
    this.on = new Set<string>();
    const enable = (f: string): void => {
      if (this.on.has(f)) return;
      this.on.add(f);
      for (const g of this.implies.get(f) ?? []) enable(g);
    };
    for (const f of this.defaults) enable(f);
    this.macroMod = this.rng.chance(0.5);
    this.legacy = this.rng.chance(0.4);
  }

  lm(): string {
    return `macro_rules! lm {\n    () => { [u8; ${this.nextK()}] };\n}`;
  }

  nextK(): number {
    return this.k++;
  }

  fresh(prefix: string): string {
    return `${prefix}${this.uniq++}`;
  }

  cfg(): { text: string; value: boolean } {
    const f = this.rng.pick(FEATURES);
    const neg = this.rng.chance(0.4);
    return { text: neg ? `not(feature = "${f}")` : `feature = "${f}"`, value: neg ? !this.on.has(f) : this.on.has(f) };
  }

  newMod(name: string, parent: Mod | undefined, active: boolean, dir: string, rel: string | null, file: string, inline: boolean, decl: string): Mod {
    const m: Mod = { name, path: parent ? [...parent.path, name] : [], parent, children: [], active, dir, rel, file, inline, lines: [], scope: new Map(), globs: [], decl, filled: false };
    if (parent) parent.children.push(m);
    if (parent && active) this.add(parent, name, { t: 'mod', d: m }, true);
    this.mods.push(m);
    if (!inline) this.files.set(file, m);
    return m;
  }

  fileFree(f: string): boolean {
    return !this.files.has(f) && !this.extraFiles.has(f) && ![...this.files.keys()].some((g) => g.startsWith(f.replace(/\.rs$/, '/')) || f.startsWith(g.replace(/\.rs$/, '/')));
  }

  /** Builds the module tree (no items yet). */
  tree(): void {
    this.root = this.newMod('', undefined, true, posix.dirname(this.rootFile), null, this.rootFile, false, '');
    const budget = this.rng.int(3, 12);
    const queue: Mod[] = [this.root];
    let made = 0;
    while (made < budget && queue.length) {
      const parent = this.rng.pick(queue);
      if (parent.path.length >= 3) {
        queue.splice(queue.indexOf(parent), 1);
        continue;
      }
      const name = this.fresh(this.rng.pick(['m', 'a', 'imp', 'sys', 'x']));
      const made1 = this.declareChild(parent, name);
      for (const m of made1) if (m.active) queue.push(m);
      made++;
    }
  }

  /** `mod name` in `parent` in one of the ways rustc allows; returns the module(s) (two for cfg alternatives). */
  declareChild(parent: Mod, name: string): Mod[] {
    const how = this.rng.weighted<string>([
      [3, 'file'],
      [2, 'modrs'],
      [3, 'inline'],
      [2, 'path'],
      [1, 'inline-path'],
      [2, 'cfg-pair'],
      [1, 'cfg-attr-path'],
      [1, 'cfg-one'],
      [this.macroMod ? 2 : 0, 'macro-file'],
      [this.macroMod ? 1 : 0, 'macro-inline'],
      [this.macroMod ? 2 : 0, 'cfg-if'],
    ]);
    const fileMod = (attrs0: string, active: boolean, viaPath: string | null, modrs: boolean): Mod | undefined => {
      let attrs = attrs0;
      let file: string;
      let dir: string;
      let rel: string | null;
      if (viaPath) {
        file = posix.normalize(posix.join(parent.dir, viaPath));
        dir = posix.dirname(file);
        rel = null;
      } else {
        const base = parent.rel ? posix.join(parent.dir, parent.rel) : parent.dir;
        file = modrs ? posix.join(base, name, 'mod.rs') : posix.join(base, `${name}.rs`);
        dir = posix.dirname(file);
        rel = modrs ? null : name;
      }
      if (!this.fileFree(file)) return undefined;
      if (viaPath) this.dirs.add(parent.dir);
      if (viaPath && !attrs.includes('path =') && !attrs.startsWith('CFGIF')) attrs = `#[path = "${viaPath}"]\n${attrs}`;
      return this.newMod(name, parent, active, dir, rel, file, false, `${attrs}pub mod ${name};`);
    };
    const inlineMod = (attrs: string, active: boolean, viaPath: string | null): Mod => {
      if (viaPath) this.dirs.add(parent.dir);
      const dir = viaPath ? posix.normalize(posix.join(parent.dir, viaPath)) : posix.join(parent.rel ? posix.join(parent.dir, parent.rel) : parent.dir, name);
      return this.newMod(name, parent, active, dir, null, parent.file, true, `${attrs}pub mod ${name} {\nBODY\n}`);
    };
    const pathName = (): string =>
      this.rng.pick([`${name}_impl.rs`, `gen/${name}.rs`, `../extra/${name}.rs`, `alt_${name}/lib_${name}.rs`, `${this.fresh('p')}/${name}.rs`]);
    const out: Mod[] = [];
    const push = (m: Mod | undefined): void => {
      if (m) out.push(m);
    };
    switch (how) {
      case 'file':
        push(fileMod('', parent.active, null, false));
        break;
      case 'modrs':
        push(fileMod('', parent.active, null, true));
        break;
      case 'inline':
        out.push(inlineMod('', parent.active, null));
        break;
      case 'path': {
        const p = pathName();
        push(fileMod(`#[path = "${p}"]\n`, parent.active, p, false));
        break;
      }
      case 'inline-path': {
        const p = this.rng.pick([`dir_${name}`, `q/${name}`, name]);
        out.push(inlineMod(`#[path = "${p}"]\n`, parent.active, p));
        break;
      }
      case 'cfg-one': {
        const c = this.cfg();
        if (this.rng.chance(0.4)) {
          // `#![cfg(..)]` inside the module's file instead of on its declaration.
          const m = fileMod('', parent.active && c.value, this.rng.chance(0.5) ? pathName() : null, this.rng.chance(0.5));
          if (m) {
            this.innerCfg.set(m, c.text);
            out.push(m);
          }
          break;
        }
        push(this.rng.chance(0.5) ? fileMod(`#[cfg(${c.text})]\n`, parent.active && c.value, null, this.rng.chance(0.5)) : inlineMod(`#[cfg(${c.text})]\n`, parent.active && c.value, null));
        break;
      }
      case 'cfg-pair': {
        // Two alternatives of one module: the one a feature selects, the other with `cfg(not(..))`.
        const c = this.cfg();
        const a = this.rng.chance(0.6) ? fileMod(`#[cfg(${c.text})]\n`, parent.active && c.value, null, this.rng.chance(0.4)) : inlineMod(`#[cfg(${c.text})]\n`, parent.active && c.value, null);
        if (!a) break;
        const p = pathName();
        const b = this.rng.chance(0.7) ? fileMod(`#[cfg(not(${c.text}))]\n#[path = "${p}"]\n`, parent.active && !c.value, p, false) : inlineMod(`#[cfg(not(${c.text}))]\n`, parent.active && !c.value, null);
        if (!b) {
          out.push(a);
          break;
        }
        a.twin = b;
        b.twin = a;
        out.push(a, b);
        break;
      }
      case 'cfg-attr-path': {
        // `#[cfg_attr(feature = "x", path = "..")] mod m;`: one of two files, the other never read.
        const c = this.cfg();
        const p = pathName();
        const base = parent.rel ? posix.join(parent.dir, parent.rel) : parent.dir;
        const dflt = posix.join(base, `${name}.rs`);
        const alt = posix.normalize(posix.join(parent.dir, p));
        this.dirs.add(parent.dir);
        if (!this.fileFree(dflt) || !this.fileFree(alt) || dflt === alt) break;
        const attrs = `#[cfg_attr(${c.text}, path = "${p}")]\n`;
        const a = c.value ? this.newMod(name, parent, parent.active, posix.dirname(alt), null, alt, false, `${attrs}pub mod ${name};`) : this.newMod(name, parent, parent.active, posix.dirname(dflt), name, dflt, false, `${attrs}pub mod ${name};`);
        // The other file exists too, with the same names and other sizes.
        const b = this.newMod(name, undefined, false, 'src', null, c.value ? dflt : alt, false, '');
        (b as { path: readonly string[] }).path = a.path;
        a.twin = b;
        b.twin = a;
        out.push(a);
        break;
      }
      case 'macro-file':
        push(fileMod('MACRO_FILE', parent.active, null, this.rng.chance(0.3)));
        break;
      case 'macro-inline':
        out.push(inlineMod('MACRO_INLINE', parent.active, null));
        break;
      case 'cfg-if': {
        const c = this.cfg();
        const a = fileMod('CFGIF_A', parent.active && c.value, null, false);
        if (!a) break;
        const p = pathName();
        const b = fileMod('CFGIF_B', parent.active && !c.value, p, false);
        if (!b) {
          (a as { decl: string }).decl = a.decl.replace('CFGIF_A', `#[cfg(${c.text})]\n`);
          out.push(a);
          break;
        }
        a.decl = `my_cfg_if! {\n  if #[cfg(${c.text})] {\n    pub mod ${name};\n  } else {\n    #[path = "${p}"]\n    pub mod ${name};\n  }\n}`;
        b.decl = '';
        a.twin = b;
        b.twin = a;
        out.push(a, b);
        break;
      }
    }
    for (const m of out) {
      if (m.decl.startsWith('MACRO_FILE')) m.decl = `mk_mod!(${name});`;
      else if (m.decl.startsWith('MACRO_INLINE')) m.decl = `inline_mod! { ${name} {\nBODY\n} }`;
    }
    return out;
  }

  // ---- scopes -------------------------------------------------------------------------------

  isAncestorOrSelf(a: Mod, m: Mod): boolean {
    for (let x: Mod | undefined = m; x; x = x.parent) if (x === a) return true;
    return false;
  }

  visibleFrom(e: Entry, from: Mod): boolean {
    if (e.pub) return true;
    const root = e.visRoot === undefined ? e.owner : e.visRoot;
    return root === null || this.isAncestorOrSelf(root, from);
  }

  /** What `name` means in `m`'s scope, as the generator knows it: a def, 'ambiguous', or undefined. */
  lookup(m: Mod, name: string, from: Mod = m, seen = new Set<Mod>()): Def | 'ambiguous' | undefined {
    const own = (m.scope.get(name) ?? []).filter((e) => e.level === 2 && this.visibleFrom(e, from));
    if (own.length) return own[0]!.def;
    if (seen.has(m)) return undefined;
    seen.add(m);
    const found: Def[] = [];
    for (const g of m.globs) {
      if (!g.pub && !this.isAncestorOrSelf(m, from)) continue;
      const d = this.lookup(g.from, name, m, seen);
      if (d === 'ambiguous') return 'ambiguous';
      if (d && d.t !== 'mod') found.push(d);
      else if (d) found.push(d);
    }
    seen.delete(m);
    const uniq = [...new Set(found.map((d) => d.d))];
    if (uniq.length > 1) return 'ambiguous';
    return found[0];
  }

  /** Every name some glob could bring into m (to avoid item-vs-glob surprises from macro-expanded items). */
  add(m: Mod, name: string, def: Def, pub: boolean, visRoot?: Mod | null): void {
    m.scope.set(name, [...(m.scope.get(name) ?? []), { def, owner: m, pub, level: 2, visRoot }]);
  }

  hasOwn(m: Mod, name: string): boolean {
    return (m.scope.get(name) ?? []).some((e) => e.level === 2);
  }

  // ---- paths ----------------------------------------------------------------------------------

  /** A path from module `from` to module `to` (its segments, ending at `to`), in one of the ways that name it. */
  modPath(from: Mod, to: Mod, inUse: boolean): string | undefined {
    const choices: { p: string; bare: boolean }[] = [];
    const abs = to.path.join('::');
    choices.push({ p: to.path.length ? `crate::${abs}` : 'crate', bare: false });
    if (this.edition === '2015') {
      if (inUse && to.path.length) choices.push({ p: abs, bare: false });
      else if (to.path.length) choices.push({ p: `::${abs}`, bare: false });
    }
    // super::super::..::rest
    let up = from;
    let supers = 0;
    while (up.parent && !this.isAncestorOrSelf(up, to)) {
      up = up.parent;
      supers++;
    }
    if (this.isAncestorOrSelf(up, to)) {
      const rest = to.path.slice(up.path.length);
      const head = supers ? Array(supers).fill('super').join('::') : 'self';
      choices.push({ p: [head, ...rest].join('::'), bare: false });
      // Relative without `self::` (type paths in any edition; `use` paths from 2018).
      if (!supers && rest.length && (!inUse || this.edition !== '2015')) choices.push({ p: rest.join('::'), bare: true });
    }
    const c = this.rng.pick(choices);
    if (c.p === 'self' || c.p === 'crate') return inUse ? undefined : c.p;
    if (c.bare) {
      // A bare first segment must name the child module in this scope.
      const first = c.p.split('::')[0]!;
      const d = this.lookup(from, first);
      if (!d || d === 'ambiguous' || d.t !== 'mod' || d.d.path.join('::') !== [...from.path, first].join('::')) return `crate::${abs}`;
    }
    return c.p;
  }

  /** A path naming `def` (in module `owner` under `name`) from module `from`. */
  pathTo(from: Mod, owner: Mod, name: string, inUse = false): string | undefined {
    if (!inUse && owner === from) return name;
    const mp = this.modPath(from, owner, inUse);
    if (!mp) return inUse ? undefined : name;
    return `${mp}::${name}`;
  }

  /** Places a def can be reached by name: the module and the name there (items, re-exports). */
  whereIs(def: Def): { owner: Mod; name: string }[] {
    const out: { owner: Mod; name: string }[] = [];
    for (const m of this.mods) {
      if (!m.active || !m.filled) continue;
      for (const [n, es] of m.scope) for (const e of es) if (e.level === 2 && e.def.d === def.d) out.push({ owner: m, name: n });
    }
    return out;
  }

  /** Any accessible way to name an active type or const from `from`. */
  refer(from: Mod, def: Def): string | undefined {
    if (def.d === this.current) return undefined;
    const ways: string[] = [];
    const name = def.d.name;
    const l = this.lookup(from, name);
    if (l && l !== 'ambiguous' && l.d === def.d) ways.push(name, name);
    for (const w of this.whereIs(def)) {
      if (this.lookup(w.owner, w.name, from) === undefined) continue;
      const visible = (w.owner.scope.get(w.name) ?? []).some((e) => e.level === 2 && e.def.d === def.d && this.visibleFrom(e, from));
      if (!visible) continue;
      const p = this.pathTo(from, w.owner, w.name);
      if (p && (p !== w.name || (l && l !== 'ambiguous' && l.d === def.d))) ways.push(p);
    }
    // Through a module alias of this scope (`use crate::a as q;` then `q::T`).
    for (const [k, es] of from.scope) {
      for (const e of es) {
        if (e.level !== 2 || e.def.t !== 'mod' || e.owner !== from || k === e.def.d.name) continue;
        const target = e.def.d;
        for (const [n, tes] of target.scope) if (tes.some((te) => te.level === 2 && te.def.d === def.d && this.visibleFrom(te, from))) ways.push(`${k}::${n}`);
      }
    }
    return ways.length ? this.rng.pick(ways) : undefined;
  }

  // ---- items ----------------------------------------------------------------------------------

  fieldType(m: Mod, depth = 0): string {
    const kind = this.rng.weighted<string>([
      [3, 'prim'],
      [6, 'type'],
      [3, 'array'],
      [2, 'ambient'],
      [depth < 2 ? 2 : 0, 'generic'],
      [this.tyMacros.length && this.edition !== '2015' ? 1 : 0, 'tymacro'],
      [this.legacy ? 1 : 0, 'legacy'],
      [2, 'alias'],
      [1, 'tuple'],
    ]);
    switch (kind) {
      case 'type': {
        const cands = this.types.filter((t) => t.mod.active && t.mod.filled && !t.params && !t.alias);
        if (!cands.length) break;
        const t = this.rng.pick(cands);
        const p = this.refer(m, { t: 'type', d: t });
        if (p) return p;
        break;
      }
      case 'array': {
        const len = this.constExpr(m);
        return `[${this.rng.pick(['u8', 'u16', 'u32'])}; ${len}]`;
      }
      case 'ambient': {
        // Prelude names, shadowed or not in this module: rustc decides which one is meant.
        const n = this.rng.pick(['String', 'Option', 'Vec', 'Result']);
        const l = this.lookup(m, n);
        if (l === 'ambiguous') break;
        if (l && (l.t !== 'type' || l.d === this.current)) break;
        const arg = this.rng.pick(['u8', 'u32', 'u64', 'u16']);
        if (n === 'String') return 'String';
        if (n === 'Result') return `Result<${arg}, u16>`;
        return `${n}<${arg}>`;
      }
      case 'generic': {
        const gens = this.types.filter((t) => t.mod.active && t.mod.filled && t.params === 1 && !['Option', 'Vec'].includes(t.name));
        if (!gens.length) break;
        const g = this.rng.pick(gens);
        const p = this.refer(m, { t: 'type', d: g });
        if (p) return `${p}<${this.fieldType(m, depth + 1)}>`;
        break;
      }
      case 'tymacro': {
        const t = this.rng.pick(this.tyMacros);
        return `crate::${t.name}!()`;
      }
      case 'alias': {
        const cands = this.types.filter((t) => t.mod.active && t.mod.filled && !t.params && t.alias);
        if (!cands.length) break;
        const p = this.refer(m, { t: 'type', d: this.rng.pick(cands) });
        if (p) return p;
        break;
      }
      case 'legacy':
        return 'lm!()';
      case 'tuple':
        return `(${this.fieldType(m, depth + 1)}, ${this.rng.pick(PRIMS)[0]})`;
    }
    return this.rng.pick(PRIMS)[0];
  }

  constExpr(m: Mod): string {
    const r = this.rng.next();
    if (r < 0.45) {
      const cands = this.consts.filter((c) => c.mod.active && c.mod.filled && c.ty === 'usize');
      if (cands.length) {
        const c = this.rng.pick(cands);
        const p = this.refer(m, { t: 'const', d: c });
        if (p) return this.rng.chance(0.3) ? `${p} + ${this.rng.int(1, 3)}` : p;
      }
    } else if (r < 0.55) {
      const cands = this.types.filter((t) => t.mod.active && t.mod.filled && !t.params && !t.alias);
      if (cands.length) {
        const t = this.rng.pick(cands);
        const p = this.refer(m, { t: 'type', d: t });
        if (p) return `${this.edition === '2015' ? '::std' : '::core'}::mem::size_of::<${p}>()`;
      }
    } else if (r < 0.65) {
      const cands = this.types.filter((t) => t.mod.active && t.mod.filled && t.assoc);
      if (cands.length) {
        const t = this.rng.pick(cands);
        const p = this.refer(m, { t: 'type', d: t });
        if (p && !p.includes('!')) return `${p}::M`;
      }
    }
    return String(this.rng.int(1, 9));
  }

  /** An item's visibility: `pub`, private, `pub(crate)`, `pub(super)`, `pub(in crate::..)`. */
  vis(m: Mod, twin: boolean): { text: string; pub: boolean; root: Mod | null | undefined } {
    if (twin) return { text: 'pub ', pub: true, root: null };
    const anc: Mod[] = [];
    for (let x = m.parent; x; x = x.parent) anc.push(x);
    const w = this.rng.weighted<string>([
      [8, 'pub'],
      [2, 'priv'],
      [1, 'crate'],
      [anc.length ? 1 : 0, 'super'],
      [anc.length && this.edition !== '2015' ? 1 : 0, 'in'],
    ]);
    if (w === 'priv') return { text: '', pub: false, root: m };
    if (w === 'crate') return { text: 'pub(crate) ', pub: false, root: null };
    if (w === 'super') return { text: 'pub(super) ', pub: false, root: m.parent! };
    if (w === 'in') {
      const a = this.rng.pick(anc);
      return { text: `pub(in ${a.path.length ? `crate::${a.path.join('::')}` : 'crate'}) `, pub: false, root: a };
    }
    return { text: 'pub ', pub: true, root: null };
  }

  struct(m: Mod, name: string, twin: boolean): TypeDef {
    const t: TypeDef = { name, mod: m, kind: 'struct', params: 0 };
    const vis = this.vis(m, twin);
    this.add(m, name, { t: 'type', d: t }, vis.pub, vis.root);
    this.current = t;
    const k = this.nextK();
    // Prelude and primitive names get primitive fields only (a bare `String` elsewhere may mean them).
    const primNamed = name === 'String' || PRIMS.some(([p]) => p === name);
    if (this.rng.chance(0.3)) t.assoc = true;
    const field = (): string => {
      if (primNamed) return this.rng.pick(PRIMS.filter(([p]) => p !== name && !this.hasOwn(m, p)))[0];
      if (t.assoc && this.rng.chance(0.2)) return `[u8; Self::M]`;
      return this.fieldType(m);
    };
    const fields = twin ? [] : Array.from({ length: this.rng.int(0, 3) }, (_, i) => `pub f${i}: ${field()}`);
    // A field only some features have.
    if (!twin && !primNamed && this.rng.chance(0.2)) {
      const c = this.cfg();
      fields.push(`#[cfg(${c.text})] pub g: ${this.rng.pick(['u64', 'u16', '[u8; 33]'])}`);
    }
    const repr = this.rng.chance(0.2) ? '#[repr(C)]\n' : this.rng.chance(0.1) ? `#[cfg_attr(${this.cfg().text}, repr(C))]\n` : '';
    if (!twin && this.macroMod && vis.pub && !fields.some((f) => f.startsWith('#')) && this.rng.chance(0.25)) {
      m.lines.push(`mk_struct!(${name}, ${k}${fields.map((f) => `, ${f.replace(/^pub /, '')}`).join('')});`);
    } else {
      let attrs = repr;
      if (!twin && this.rng.chance(0.15)) {
        // The same struct under the other features: never compiled, another size.
        const c = this.cfg();
        m.lines.push(`#[cfg(${c.value ? `not(${c.text})` : c.text})]\npub struct ${name} {\n    pub id: [u8; ${this.nextK()}],\n}`);
        attrs += `#[cfg(${c.value ? c.text : `not(${c.text})`})]\n`;
      }
      m.lines.push(`${attrs}${vis.text}struct ${name} {\n    pub id: [u8; ${k}],${fields.map((f) => `\n    ${f},`).join('')}\n}`);
    }
    if (t.assoc) {
      m.lines.push(`impl ${name} {\n    pub const M: usize = ${this.rng.chance(0.3) ? `Self::L + 1` : this.rng.int(1, 12)};${''}\n}`);
      if (m.lines[m.lines.length - 1]!.includes('Self::L')) m.lines.push(`impl ${name} {\n    pub const L: usize = ${this.rng.int(1, 5)};\n}`);
    }
    return t;
  }

  enumDef(m: Mod, name: string, twin: boolean): TypeDef {
    const t: TypeDef = { name, mod: m, kind: 'enum', params: 0 };
    const vis = this.vis(m, twin);
    this.add(m, name, { t: 'type', d: t }, vis.pub, vis.root);
    this.current = t;
    if (this.rng.chance(0.5)) {
      // Discriminants from consts (the tag's size follows their range).
      const cands = this.consts.filter((c) => c.mod.active && c.mod.filled && c.ty === 'isize');
      const vals = Array.from({ length: this.rng.int(1, 3) }, () => {
        if (cands.length && !twin && this.rng.chance(0.7)) {
          const c = this.rng.pick(cands);
          const p = this.refer(m, { t: 'const', d: c });
          if (p) return p;
        }
        return String(this.rng.pick([0, 3, 200, 300, -2, 70000]));
      });
      // Distinct values: the variants after an explicit one count up from it, the others are spaced.
      m.lines.push(`${vis.text}enum ${name} {\n${vals.map((v, i) => `    V${i} = (${v}) * 4 + ${i},`).join('\n')}\n    Last,\n}`);
    } else {
      const k = this.nextK();
      const vs = [`    V0([u8; ${k}])`, ...Array.from({ length: this.rng.int(0, 2) }, (_, i) => `    V${i + 1}(${twin ? 'u8' : this.fieldType(m)})`), '    E'];
      m.lines.push(`${vis.text}enum ${name} {\n${vs.join(',\n')},\n}`);
    }
    return t;
  }

  /** The items of a module (and of its twin, with the same names and other sizes). */
  fill(m: Mod): void {
    m.filled = true;
    if (m.twin) m.twin.filled = true;
    const twin = m.twin && !m.twin.active ? m.twin : undefined;
    const both = (f: (x: Mod, isTwin: boolean) => void): void => {
      f(m, false);
      if (twin) f(twin, true);
    };
    // Imports first (they may shadow globs and prelude names).
    const nImports = this.rng.int(0, 3);
    for (let i = 0; i < nImports; i++) this.importSomething(m);
    if (this.rng.chance(0.4)) this.globSomething(m);
    const n = this.rng.int(2, 6);
    for (let i = 0; i < n; i++) {
      const r = this.rng.next();
      if (r < 0.2) {
        const name = this.fresh(this.rng.chance(0.5) ? 'N' : 'LEN');
        const usize = this.rng.chance(0.7);
        const val = usize ? this.constExpr(m) : String(this.rng.pick([1, 60, 100, 300, -50, 20000]));
        const c: ConstDef = { name, mod: m, ty: usize ? 'usize' : 'isize' };
        both((x, tw) => {
          x.lines.push(`pub const ${name}: ${c.ty} = ${tw ? this.rng.int(1, 30) : val};`);
          this.add(x, name, { t: 'const', d: tw ? { ...c, mod: x } : c }, true);
        });
        this.consts.push(c);
        continue;
      }
      let name = this.rng.pick(NAMES);
      if (this.hasOwn(m, name)) name = this.fresh('T');
      if (name === 'Option' || name === 'Vec') {
        const t: TypeDef = { name, mod: m, kind: 'struct', params: 1 };
        both((x) => {
          x.lines.push(`pub struct ${name}<T> {\n    pub v: T,\n    pub id: [u8; ${this.nextK()}],\n}`);
          this.add(x, name, { t: 'type', d: x === m ? t : { ...t, mod: x } }, true);
        });
        this.types.push(t);
        continue;
      }
      if (name === 'Result') {
        const t: TypeDef = { name, mod: m, kind: 'struct', params: 2, alias: true };
        both((x) => {
          x.lines.push(`pub type Result<T, E = u8> = ::std::result::Result<(T, [u8; ${this.nextK()}]), E>;`);
          this.add(x, name, { t: 'type', d: x === m ? t : { ...t, mod: x } }, true);
        });
        this.types.push(t);
        continue;
      }
      if (r < 0.3 && !this.types.some((t) => t.name === 'W' + m.path.join('_'))) {
        // A generic helper struct.
        const gname = this.fresh('W');
        const t: TypeDef = { name: gname, mod: m, kind: 'struct', params: 1 };
        both((x) => {
          x.lines.push(`pub struct ${gname}<T> {\n    pub a: T,\n    pub b: [u8; ${this.nextK()}],\n}`);
          this.add(x, gname, { t: 'type', d: x === m ? t : { ...t, mod: x } }, true);
        });
        this.types.push(t);
        continue;
      }
      if (r >= 0.37 && r < 0.42) {
        const aname = this.fresh('Al');
        const t: TypeDef = { name: aname, mod: m, kind: 'struct', params: 0, alias: true };
        both((x, tw) => {
          x.lines.push(`pub type ${aname} = ${tw ? `[u8; ${this.nextK()}]` : this.fieldType(x)};`);
          this.add(x, aname, { t: 'type', d: x === m ? t : { ...t, mod: x } }, true);
        });
        this.types.push(t);
        continue;
      }
      if (r < 0.37) {
        // A generic alias, used like a type of this module.
        const aname = this.fresh('P');
        const t: TypeDef = { name: aname, mod: m, kind: 'struct', params: 1, alias: true };
        both((x) => {
          x.lines.push(`pub type ${aname}<T> = (T, [u8; ${this.nextK()}]);`);
          this.add(x, aname, { t: 'type', d: x === m ? t : { ...t, mod: x } }, true);
        });
        this.types.push(t);
        continue;
      }
      const isEnum = name !== 'String' && !PRIMS.some(([p]) => p === name) && this.rng.chance(0.3);
      let main: TypeDef | undefined;
      both((x, tw) => {
        const t = isEnum ? this.enumDef(x, name, tw) : this.struct(x, name, tw);
        if (!tw) main = t;
        this.current = undefined;
        x.lines.push(`const _: usize = ${this.edition === '2015' ? '::std' : '::core'}::mem::size_of::<${name}>(); // rll-probe`);
      });
      this.types.push(main!);
    }
    if (this.rng.chance(0.25)) this.reexport(m);
    if (this.edition !== '2015' && m.active && !this.viaMacro(m) && this.rng.chance(0.15)) this.typeMacro(m);
  }

  /** `use PATH::Name [as Other];` of something already defined. */
  importSomething(m: Mod): void {
    if (this.rng.chance(0.25)) {
      // A module under another name: `use crate::a::b as q;`
      const mods = this.mods.filter((x) => x !== this.root && x.active && x.filled && x !== m);
      if (!mods.length) return;
      const to = this.rng.pick(mods);
      const p = this.modPath(m, to, true);
      if (!p) return;
      const as = this.fresh('q');
      this.lineAndTwin(m, `use ${p} as ${as};`);
      this.add(m, as, { t: 'mod', d: to }, false);
      return;
    }
    const cands = this.types.filter((t) => t.mod.active && t.mod.filled && !t.alias);
    if (!cands.length) return;
    const t = this.rng.pick(cands);
    const places = this.whereIs({ t: 'type', d: t }).filter((w) => w.owner !== m);
    if (!places.length) return;
    const w = this.rng.pick(places);
    if (!(w.owner.scope.get(w.name) ?? []).some((e) => e.level === 2 && this.visibleFrom(e, m))) return;
    const p = this.pathTo(m, w.owner, w.name, true);
    if (!p) return;
    let as = this.rng.chance(0.4) ? this.fresh('R') : w.name;
    if (this.hasOwn(m, as)) as = this.fresh('R');
    const pub = this.rng.chance(0.5) && (w.owner.scope.get(w.name) ?? []).some((e) => e.level === 2 && e.pub);
    const vis = pub ? 'pub ' : '';
    const form = this.rng.weighted<string>([
      [3, 'plain'],
      [2, 'brace'],
      [1, 'cfg'],
    ]);
    const cut = p.lastIndexOf('::');
    const prefix = cut > 0 ? p.slice(0, cut) : '';
    if (form === 'brace' && prefix && !p.startsWith('::')) {
      const lastSeg = prefix.split('::').pop()!;
      const withSelf = !['crate', 'self', 'super'].includes(lastSeg) && this.rng.chance(0.5);
      const q = withSelf ? this.fresh('q') : '';
      this.lineAndTwin(m, `${vis}use ${prefix}::{${withSelf ? `self as ${q}, ` : ''}${w.name}${as !== w.name ? ` as ${as}` : ''}};`);
      if (withSelf) this.add(m, q, { t: 'mod', d: w.owner }, pub);
      this.add(m, as, { t: 'type', d: t }, pub);
      return;
    }
    if (form === 'cfg') {
      // The same name imported from two places under two features: only one is read.
      const other = this.rng.pick(cands);
      const ow = this.whereIs({ t: 'type', d: other }).filter((x) => x.owner !== m && (x.owner.scope.get(x.name) ?? []).some((e) => e.level === 2 && this.visibleFrom(e, m)));
      const op = ow.length ? this.pathTo(m, ow[0]!.owner, ow[0]!.name, true) : undefined;
      if (op) {
        const c = this.cfg();
        const name = this.hasOwn(m, as) || as === w.name ? this.fresh('R') : as;
        this.lineAndTwin(m, `#[cfg(${c.text})]\nuse ${c.value ? p : op} as ${name};\n#[cfg(not(${c.text}))]\nuse ${c.value ? op : p} as ${name};`);
        this.add(m, name, { t: 'type', d: t }, false);
        return;
      }
    }
    this.lineAndTwin(m, `${vis}use ${p}${as !== w.name ? ` as ${as}` : ''};`);
    this.add(m, as, { t: 'type', d: t }, pub);
  }

  lineAndTwin(m: Mod, line: string): void {
    m.lines.push(line);
    if (m.twin && !m.twin.active && m.twin.parent) m.twin.lines.push(line);
  }

  globSomething(m: Mod): void {
    const cands = this.mods.filter((x) => x !== m && x.active && x.filled);
    if (!cands.length) return;
    const from = this.rng.pick(cands);
    const p = this.modPath(m, from, true);
    if (!p) return;
    const pub = this.rng.chance(0.3);
    this.lineAndTwin(m, `${pub ? 'pub ' : ''}use ${p}::*;`);
    m.globs.push({ from, pub });
  }

  /** `pub use` of a type under a new name in this module (chains build up over modules). */
  reexport(m: Mod): void {
    const cands = this.types.filter((t) => t.mod.active && t.mod.filled && !t.alias && t.mod !== m);
    if (!cands.length) return;
    const t = this.rng.pick(cands);
    const places = this.whereIs({ t: 'type', d: t }).filter((w) => w.owner !== m && (w.owner.scope.get(w.name) ?? []).some((e) => e.level === 2 && e.pub));
    if (!places.length) return;
    const w = this.rng.pick(places);
    const p = this.pathTo(m, w.owner, w.name, true);
    if (!p) return;
    const as = this.fresh('X');
    this.lineAndTwin(m, `pub use ${p} as ${as};`);
    this.add(m, as, { t: 'type', d: t }, true);
  }

  viaMacro(m: Mod): boolean {
    for (let x: Mod | undefined = m; x; x = x.parent) if (x.decl.includes('!')) return true;
    return false;
  }

  /** `#[macro_export] macro_rules! tyN { () => { $crate::path::T } }`, used as `crate::tyN!()`. */
  typeMacro(m: Mod): void {
    const cands = this.types.filter((t) => t.mod.active && t.mod.filled && !t.params && !t.alias && (t.mod.scope.get(t.name) ?? []).some((e) => e.def.d === t && e.pub));
    if (!cands.length) return;
    const t = this.rng.pick(cands);
    const name = this.fresh('ty');
    m.lines.push(`#[macro_export]\nmacro_rules! ${name} {\n    () => { $crate::${[...t.mod.path, t.name].join('::')} };\n}`);
    this.tyMacros.push({ name, target: t });
  }

  // ---- rendering ------------------------------------------------------------------------------

  render(m: Mod): string {
    const parts = [...m.lines];
    if (m !== this.root && parts.length > 1 && !parts.some((l) => l.includes('macro_export')) && this.rng.chance(0.12)) {
      const cut = this.rng.int(0, parts.length - 1);
      const base = this.fresh('inc');
      const dir = posix.dirname(m.file);
      const f = posix.join(dir, `${base}.rs`);
      if (this.fileFree(f)) {
        this.included.set(f, parts.splice(cut).join('\n'));
        this.extraFiles.set(f, '');
        parts.push(`include!("${base}.rs");`);
      }
    }
    if (this.legacy && m !== this.root && this.rng.chance(0.2)) parts.splice(this.rng.int(0, parts.length), 0, this.lm());
    for (const c of m.children) {
      if (!c.decl) continue;
      if (this.legacy && this.rng.chance(0.3)) parts.push(this.lm());
      if (this.legacy && (c.decl.startsWith('pub mod') || c.decl.startsWith('#[')) && this.rng.chance(0.25)) {
        // `#[macro_use]`: the child's last `lm` is seen by what follows it here.
        parts.push(`#[macro_use]\n${c.decl.replace('BODY', `${this.render(c)}\n${this.lm()}`)}`);
        if (!c.inline) this.macroUse.add(c);
        continue;
      }
      if (c.inline) parts.push(c.decl.replace('BODY', this.render(c)));
      else {
        parts.push(c.decl);
      }
    }
    return parts.join('\n');
  }

  generate(): { files: Map<string, string>; toml: string } {
    this.tree();
    const order = [...this.mods].filter((m) => m.active || !m.twin || !m.twin.active);
    // Parents before children often, not always: imports may only name modules filled before.
    const shuffled = order.sort(() => this.rng.next() - 0.5);
    for (const m of shuffled) if (!m.filled && m.active) this.fill(m);
    // Inactive modules without an active twin: items of their own.
    for (const m of this.mods) if (!m.filled) this.fill(m);
    const files = new Map<string, string>();
    const header: string[] = [];
    if (this.macroMod) {
      header.push(`#[macro_use]\nmod macros {\n${MACROS}\n}`);
    }
    if (this.legacy) header.push(`macro_rules! def_lm {\n    ($k:expr) => { macro_rules! lm { () => { [u8; $k] } } };\n}`, this.rng.chance(0.5) ? `def_lm!(${this.nextK()});` : this.lm());
    const texts = new Map<Mod, string>();
    // The root first: rendering decides which file modules end with an `lm` (`#[macro_use]`).
    for (const m of [this.root, ...this.mods.filter((x) => x !== this.root)]) {
      if (m.inline) continue;
      let text = this.render(m);
      if (m === this.root) text = `${header.join('\n')}\n${text}\n`;
      texts.set(m, text);
    }
    for (const [m, text] of texts) {
      const inner = this.innerCfg.get(m);
      files.set(m.file, (inner ? `#![cfg(${inner})]\n` : '') + text + (this.macroUse.has(m) ? `\n${this.lm()}` : '') + '\n');
    }
    for (const [f, text] of this.included) files.set(f, text + '\n');
    const toml = `[package]\nname = "gen"\nversion = "0.1.0"\nedition = "${this.edition}"\n\n[lib]\npath = "${this.rootFile}"\n\n[features]\ndefault = [${this.defaults.map((f) => `"${f}"`).join(', ')}]\n${FEATURES.map((f) => `${f} = [${(this.implies.get(f) ?? []).map((g) => `"${g}"`).join(', ')}]`).join('\n')}\n`;
    return { files, toml };
  }
}

const MACROS = `
macro_rules! mk_struct {
    ($name:ident, $k:expr $(, $f:ident : $t:ty)*) => {
        pub struct $name { pub id: [u8; $k] $(, pub $f: $t)* }
    };
}
macro_rules! mk_mod {
    ($m:ident) => { pub mod $m; };
}
macro_rules! inline_mod {
    ($m:ident { $($body:item)* }) => { pub mod $m { $($body)* } };
}
macro_rules! my_cfg_if {
    (if #[cfg($c:meta)] { $($a:item)* } else { $($b:item)* }) => {
        $(#[cfg($c)] $a)*
        $(#[cfg(not($c))] $b)*
    };
}`;

interface CrateResult {
  readonly seed: number;
  readonly built: boolean;
  readonly error?: string;
  readonly verdicts: TypeVerdict[];
}

export async function checkSeed(seed: number, opts: { cli: string; targetDir: string; keep?: string; verbose?: boolean }): Promise<CrateResult> {
  const g = new Gen(seed);
  const { files, toml } = g.generate();
  const dir = mkdtempSync(join(tmpdir(), `rll-hy-${seed}-`));
  try {
    writeFileSync(join(dir, 'Cargo.toml'), toml);
    for (const d of g.dirs) mkdirSync(join(dir, d), { recursive: true });
    for (const [f, text] of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    if (opts.keep) {
      rmSync(join(opts.keep, String(seed)), { recursive: true, force: true });
      cpSync(dir, join(opts.keep, String(seed)), { recursive: true });
    }
    const env = { ...process.env, RUSTC_BOOTSTRAP: '1', CARGO_TARGET_DIR: opts.targetDir, CARGO_HOME: process.env.CARGO_HOME ?? '/tmp/ch' };
    const r = await run('cargo', ['rustc', '--lib', '--offline', '--quiet', '--profile', 'check', '--', '-Zprint-type-sizes', '--cap-lints', 'allow'], { cwd: dir, env, timeoutMs: 120000 });
    if (r.code !== 0) {
      const errs = r.stderr.split('\n').filter((l) => /^error/.test(l)).slice(0, 3).join(' / ');
      return { seed, built: false, error: errs || r.stderr.slice(0, 300), verdicts: [] };
    }
    const pts = parsePrintTypeSizes(r.stdout);
    const out = execFileSync(process.execPath, [opts.cli, '--json', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    const engine = JSON.parse(out) as EngineReport;
    const byName = new Map<string, EngineType[]>();
    for (const t of engine.types) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
    const verdicts: TypeVerdict[] = [];
    for (const t of g.types) {
      if (!t.mod.active || t.params || t.alias) continue;
      const name = [...t.mod.path, t.name].join('::');
      const p = pts.get(name);
      const cands = byName.get(name) ?? [];
      // Alternatives the engine lists under one name (cfg'd-out twins) must not disagree with rustc.
      const e = cands.find((c) => c.size !== null && c.size !== undefined) ?? cands[0];
      if (!p) {
        verdicts.push({ name: `${seed}:${name}`, verdict: 'missing', details: ['rustc did not lay it out'] });
        continue;
      }
      const v = compareType(ptsToOracleByKind(name, t.kind, p), e);
      verdicts.push({ ...v, name: `${seed}:${name}` });
      for (const other of cands) {
        if (other === e || other.size === null || other.size === undefined) continue;
        const v2 = compareType(ptsToOracleByKind(name, t.kind, p), other);
        if (v2.verdict === 'wrong') verdicts.push({ ...v2, name: `${seed}:${name} (second entry)` });
      }
    }
    return { seed, built: true, verdicts };
  } finally {
    if (!opts.verbose) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (n: string): string | undefined => {
    const i = argv.indexOf(n);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed0 = Number(opt('--seed') ?? 1);
  const count = Number(opt('--count') ?? 10);
  const cli = opt('--cli') ?? 'dist/cli.js';
  const keep = opt('--keep');
  const jobs = Number(opt('--jobs') ?? 1);
  const verbose = argv.includes('--verbose');
  const targetDir = opt('--target-dir') ?? join(tmpdir(), 'rll-hy-target');
  const results: CrateResult[] = [];
  let next = seed0;
  const worker = async (): Promise<void> => {
    while (next < seed0 + count) {
      const s = next++;
      try {
        const r = await checkSeed(s, { cli, targetDir, keep, verbose });
        results.push(r);
        // One line per crate as it is done, so a run cut short still tells what it saw.
        const bad = r.verdicts.filter((v) => v.verdict !== 'exact');
        console.error(`seed ${s}: ${r.built ? `${r.verdicts.length} types, ${r.verdicts.length - bad.length} exact` : `not built: ${r.error ?? ''}`}${bad.length ? `; ${bad.map((v) => `${v.name} ${v.verdict}: ${v.details.join('; ')}`).join(' | ')}` : ''}`);
      } catch (e) {
        results.push({ seed: s, built: false, error: `harness: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`, verdicts: [] });
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  results.sort((a, b) => a.seed - b.seed);
  const failed = results.filter((r) => !r.built);
  const s = summarize(`crate structures seeds ${seed0}..${seed0 + count - 1}`, results.flatMap((r) => r.verdicts));
  console.log(formatSummary(s, 60));
  console.log(`crates: ${results.length}, built ${results.length - failed.length}, not built ${failed.length}`);
  for (const f of failed.slice(0, 30)) console.log(`  seed ${f.seed}: ${f.error}`);
  if (s.counts.wrong || s.counts['error-mismatch']) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
