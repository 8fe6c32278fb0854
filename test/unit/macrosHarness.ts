/**
 * Test support for the macro expander: a miniature loader that expands the item-position macro
 * calls of one Rust file recursively (what the crate loader does with the expander), rustc's own
 * expansion of a file (`-Zunpretty=expanded`), and a comparison of two expanded files item by item.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cursor } from '../../src/core/macros/cursor';
import { parseItem, parseVis } from '../../src/core/macros/grammar/items';
import { skipOuterAttributes } from '../../src/core/macros/grammar/types';
import { expandBitflags, expandCfgIf, expandMacro, parseMacroRules, type Expansion, type Failure, type MacroRules } from '../../src/core/macros/index';
import { lex } from '../../src/core/macros/lexer';
import { isKeyword, isOpen, isPunct, type Token } from '../../src/core/macros/tokens';

export const RUSTC_ENV = { ...process.env, RUSTC_BOOTSTRAP: '1' };

export function rustcAvailable(): boolean {
  return spawnSync('rustc', ['--version'], { stdio: 'pipe' }).status === 0;
}

/**
 * Name-resolution errors that fragments of real crates (lifted out of their crate) cause after
 * expansion, and that do not affect the expanded text: unknown types, traits, values, paths.
 */
const RESOLUTION_ERRORS = new Set(['E0404', 'E0405', 'E0412', 'E0422', 'E0423', 'E0425', 'E0432', 'E0433', 'E0531', 'E0532', 'E0573', 'E0574', 'E0576']);

/** rustc's expansion of `src` as a 2021 library crate; throws on any error but name resolution's. */
export function rustcExpand(src: string, cfgs: readonly string[] = []): string {
  const args = ['--edition', '2021', '--crate-type', 'lib', '-Zunpretty=expanded', ...cfgs.flatMap((c) => ['--cfg', c]), '-'];
  const r = spawnSync('rustc', args, { input: src, env: RUSTC_ENV, encoding: 'utf8', maxBuffer: 64 << 20 });
  const errors = [...r.stderr.matchAll(/^error(?:\[(E\d+)\])?: (.*)$/gm)].filter((m) => !m[2].startsWith('aborting due to') && !RESOLUTION_ERRORS.has(m[1] ?? ''));
  if (r.status === null || errors.length > 0 || r.stdout.length === 0) throw new Error(`rustc -Zunpretty=expanded failed: ${errors.map((m) => m[0]).join('\n')}\n${r.stderr.slice(0, 4000)}`);
  return r.stdout;
}

export function lexOrThrow(text: string): Token[] {
  const r = lex(text);
  if ('error' in r) throw new Error(`lex: ${r.error}\n${text.slice(0, 300)}`);
  return r.tokens;
}

/** The source text from token `from` to just before token `to` (or the end). */
function textOf(src: string, toks: readonly Token[], from: number, to: number): string {
  const end = to < toks.length ? toks[to].start : src.length;
  return src.slice(toks[from].start, end).trimEnd();
}

/** Splits `toks` (a file or a group's contents up to `end`) into items: [start, end) index pairs. */
export function splitItems(toks: readonly Token[], start = 0, end = toks.length): [number, number][] {
  const c = new Cursor(toks, start);
  // Leading inner attributes (`#![..]`) belong to the file, not to an item.
  while (isPunct(c.cur, '#') && isPunct(c.ahead(1), '!') && isOpen(c.ahead(2), '[')) for (let k = 0; k < 3; k++) c.bump();
  const items: [number, number][] = [];
  while (c.i < end) {
    const from = c.i;
    if (!parseItem(c) || c.cut !== 0) throw new Error(`not an item at offset ${toks[from].start}: ${toks.slice(from, from + 12).map((t) => t.text).join(' ')}`);
    items.push([from, c.i]);
  }
  return items;
}

/** Host cfg (x86_64 Linux) plus `extra`, enough to evaluate `#[cfg]` on macro definitions. */
function cfgHolds(toks: readonly Token[], i: number, end: number, extra: ReadonlySet<string>): boolean {
  const HOST = new Set(['unix', 'target_os="linux"', 'target_family="unix"', 'target_arch="x86_64"', 'target_pointer_width="64"', 'target_endian="little"', 'target_env="gnu"', 'panic="unwind"', 'debug_assertions']);
  const t = toks[i];
  if (isOpen(toks[i + 1], '(')) {
    const args: boolean[] = [];
    for (let j = i + 2; j < toks[i + 1].pair; ) {
      const next = toks[j + 1] && isOpen(toks[j + 1], '(') ? toks[j + 1].pair + 1 : isPunct(toks[j + 1], '=') ? j + 3 : j + 1;
      args.push(cfgHolds(toks, j, next, extra));
      j = isPunct(toks[next], ',') ? next + 1 : next;
    }
    if (t.text === 'all') return args.every(Boolean);
    if (t.text === 'any') return args.some(Boolean);
    return !args[0];
  }
  const key = end - i === 3 ? `${t.text}=${toks[i + 2].text}` : t.text;
  return HOST.has(key) || extra.has(key);
}

/** Whether the outer attributes in `toks[from..to)` keep the item (every `#[cfg(..)]` holds). */
function cfgKeeps(toks: readonly Token[], from: number, to: number, extra: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i++) {
    if (isPunct(toks[i], '#') && isOpen(toks[i + 1], '[') && isKeyword(toks[i + 2], 'cfg')) {
      const p = toks[i + 3];
      if (!cfgHolds(toks, i + 4, p.pair, extra)) return false;
      i = toks[i + 1].pair;
    }
  }
  return true;
}

export interface LoaderOptions {
  /** Extra cfgs set (as passed to rustc with `--cfg`), e.g. `feature="x"`. */
  readonly cfgs?: readonly string[];
  /** Expand `cfg_if!` with the builtin even when a `macro_rules! cfg_if` is in scope. */
  readonly builtinCfgIf?: boolean;
  /** Expand `bitflags!` with the builtin of this major version. */
  readonly bitflags?: 1 | 2;
}

/**
 * Expands every item-position macro call in `src` with the expander, recursively (definitions
 * are taken in textual order, `#[cfg]` on a definition is evaluated, attributes on a call are
 * put on each item it expands to, inline modules are entered). Definitions stay in the result,
 * for the calls in expression or type position that only rustc expands.
 */
export class MiniLoader {
  readonly macros = new Map<string, MacroRules>();
  expansions = 0;
  private readonly extra: ReadonlySet<string>;

  constructor(private readonly opts: LoaderOptions = {}) {
    this.extra = new Set(opts.cfgs ?? []);
  }

  private expandCall(name: string, body: string): Expansion | Failure | undefined {
    if (name === 'cfg_if' && (this.opts.builtinCfgIf || !this.macros.has(name))) return expandCfgIf(body);
    if (name === 'bitflags' && this.opts.bitflags) return expandBitflags(body, this.opts.bitflags);
    const rules = this.macros.get(name);
    return rules && expandMacro(rules, body, { dollarCrate: 'crate' });
  }

  run(src: string, depth = 0, inherited = ''): string {
    if (depth > 128) throw new Error('recursion limit reached while expanding');
    const toks = lexOrThrow(src);
    const items = splitItems(toks);
    // The file's inner attributes (`#![no_std]`) stay where they are.
    const out: string[] = items.length > 0 ? [src.slice(0, toks[items[0][0]].start).trim()] : [];
    for (const [from, to] of items) {
      const c = new Cursor(toks, from);
      skipOuterAttributes(c);
      const attrsEnd = c.i;
      const attrs = attrsEnd > from ? textOf(src, toks, from, attrsEnd) + ' ' : '';
      const t = c.cur!;
      if (isKeyword(t, 'macro_rules') && isPunct(c.ahead(1), '!')) {
        const name = c.ahead(2)!;
        const body = toks[c.i + 3];
        const localInnerMacros = toks.slice(from, attrsEnd).some((a) => a.text === 'local_inner_macros');
        const rules = parseMacroRules(name.text, src.slice(body.start + 1, toks[body.pair].start), { localInnerMacros });
        if ('error' in rules) throw new Error(rules.error);
        if (cfgKeeps(toks, from, attrsEnd, this.extra)) this.macros.set(name.text, rules);
        out.push(inherited + textOf(src, toks, from, to)); // kept for calls the loader leaves to rustc
        continue;
      }
      parseVis(c);
      if (isKeyword(c.cur, 'mod') && isOpen(c.ahead(2), '{')) {
        // An inline module: expand inside it.
        const open = toks[c.i + 2];
        out.push(`${inherited}${textOf(src, toks, from, c.i + 2)} {\n${this.run(src.slice(open.start + 1, toks[open.pair].start), depth)}\n}`);
        continue;
      }
      c.i = attrsEnd;
      // A call `a::b::name! (..)`: the name is the identifier before `!`.
      let bang = c.i;
      while (bang < to && !(isPunct(toks[bang], '!') && isOpen(toks[bang + 1]))) bang++;
      const pathOk = bang < to && toks.slice(c.i, bang).every((p) => p.kind === 'ident' || isPunct(p, '::'));
      const expansion = pathOk && bang > c.i ? this.expandCall(toks[bang - 1].text, src.slice(toks[bang + 1].start + 1, toks[toks[bang + 1].pair].start)) : undefined;
      if (expansion === undefined) {
        out.push(inherited + textOf(src, toks, from, to));
        continue;
      }
      if ('error' in expansion) throw new Error(`${expansion.error}\n  in: ${textOf(src, toks, from, to).slice(0, 300)}`);
      this.expansions++;
      out.push(this.run(expansion.text, depth + 1, inherited + attrs));
    }
    return out.filter((s) => s.length > 0).join('\n');
  }
}

/** Token trees for comparison. */
type Tree = { readonly tok: Token } | { readonly open: Token; readonly body: Tree[] };

function trees(toks: readonly Token[], from: number, to: number): Tree[] {
  const out: Tree[] = [];
  for (let i = from; i < to; i++) {
    const t = toks[i];
    // rustc prints a `let` statement captured by `$s:stmt` with its own `;`, so a transcribed
    // `$s;` shows as `let x = 1; ;`: an empty statement, which means nothing.
    if (isPunct(t, ';') && i > from && isPunct(toks[i - 1], ';')) continue;
    // An empty `$v:vis` is written out as EMPTY_VIS (`pub(in self)`, private as no visibility
    // is), where rustc prints nothing for the invisible group it keeps.
    if (isKeyword(t, 'pub') && isOpen(toks[i + 1], '(') && toks[i + 1]!.pair === i + 4 && isKeyword(toks[i + 2], 'in') && isKeyword(toks[i + 3], 'self')) {
      i += 4;
      continue;
    }
    if (t.kind === 'open') {
      out.push({ open: t, body: trees(toks, i + 1, t.pair) });
      i = t.pair;
    } else {
      out.push({ tok: t });
    }
  }
  return out;
}

/** A string literal's value (raw or escaped); other tokens compare by text. */
function tokenKey(t: Token): string {
  if (t.kind !== 'literal') return t.kind + ':' + t.text;
  const raw = /^r(#*)"([\s\S]*)"\1$/.exec(t.text);
  if (raw) return 'str:' + raw[2];
  const cooked = /^"([\s\S]*)"$/.exec(t.text);
  if (cooked) return 'str:' + cooked[1].replace(/\\(u\{[0-9a-fA-F]+\}|.)/gs, (_m, e: string) => (e.startsWith('u{') ? String.fromCodePoint(parseInt(e.slice(2, -1), 16)) : ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[e] ?? e));
  return 'lit:' + t.text;
}

const isParen = (t: Tree): t is { open: Token; body: Tree[] } => 'open' in t && t.open.text === '(';

/** Equal token trees, allowing `ours` extra parentheses where `theirs` has none (around expr fragments). */
function sameModuloParens(ours: readonly Tree[], theirs: readonly Tree[]): boolean {
  const a = [...ours];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = theirs[j];
    if (isParen(x) && !(y && isParen(y) && sameModuloParens(x.body, y.body))) {
      a.splice(i, 1, ...x.body);
      i--;
      continue;
    }
    if (y === undefined) return false;
    if ('tok' in x) {
      if (!('tok' in y) || tokenKey(x.tok) !== tokenKey(y.tok)) return false;
    } else if (!('open' in y) || x.open.text !== y.open.text || !sameModuloParens(x.body, y.body)) {
      return false;
    }
    j++;
  }
  return j === theirs.length;
}

export interface Comparison {
  readonly items: number;
  readonly mismatches: string[];
}

/** Compares two files as rustc printed them, item by item, leaving out `macro_rules!` definitions. */
export function compareExpanded(ours: string, theirs: string): Comparison {
  // Items in order, inline modules entered (their header counts as an item of its own).
  const side = (text: string): { text: string; tree: Tree[] }[] => {
    const toks = lexOrThrow(text);
    const out: { text: string; tree: Tree[] }[] = [];
    const walk = (start: number, end: number): void => {
      for (const [from, to] of splitItems(toks, start, end)) {
        const c = new Cursor(toks, from);
        skipOuterAttributes(c);
        if (isKeyword(c.cur, 'macro_rules') && isPunct(c.ahead(1), '!')) continue;
        parseVis(c);
        if (isKeyword(c.cur, 'mod') && isOpen(c.ahead(2), '{')) {
          const open = toks[c.i + 2];
          out.push({ text: textOf(text, toks, from, c.i + 2), tree: trees(toks, from, c.i + 2) });
          walk(c.i + 3, open.pair);
          continue;
        }
        out.push({ text: textOf(text, toks, from, to), tree: trees(toks, from, to) });
      }
    };
    walk(0, toks.length);
    return out;
  };
  const a = side(ours);
  const b = side(theirs);
  const mismatches: string[] = [];
  if (a.length !== b.length) mismatches.push(`${a.length} items in ours, ${b.length} in rustc's`);
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    if (!sameModuloParens(a[k].tree, b[k].tree)) mismatches.push(`item ${k}:\n  ours:  ${a[k].text}\n  rustc: ${b[k].text}`);
  }
  return { items: b.length, mismatches };
}

/**
 * One test file from a real crate's sources: from `macroFiles` the definitions and the calls of
 * macros defined before them (some define macros), then from each of `files` its top-level calls
 * of those macros, in a module of its own. Calls that declare file modules (`mod x;`) are left
 * out (rustc would look for the files).
 */
export function crateSource(dir: string, macroFiles: readonly string[], files: readonly string[]): string {
  const parts: string[] = [];
  const names = new Set<string>();
  const itemsOf = (file: string): { text: string; def?: string; call?: string }[] => {
    const src = readFileSync(join(dir, file), 'utf8');
    const toks = lexOrThrow(src);
    return splitItems(toks).map(([from, to]) => {
      const c = new Cursor(toks, from);
      skipOuterAttributes(c);
      const text = src.slice(toks[from].start, to < toks.length ? toks[to].start : src.length);
      const declaresFiles = toks.slice(from, to).some((t, k, a) => isKeyword(t, 'mod') && a[k + 1]?.kind === 'ident' && isPunct(a[k + 2], ';'));
      if (isKeyword(c.cur, 'macro_rules')) return { text, def: c.ahead(2)!.text };
      const bang = c.ahead(1);
      return { text, call: isPunct(bang, '!') && !declaresFiles ? c.cur!.text : undefined };
    });
  };
  for (const f of macroFiles) {
    for (const it of itemsOf(f)) {
      if (it.def) names.add(it.def);
      if (it.def || (it.call && names.has(it.call))) parts.push(it.text);
    }
  }
  // Without std, rustc's import suggestions for the names these fragments leave unresolved cost
  // seconds instead of tens of seconds.
  parts.unshift('#![no_std]');
  files.forEach((f, k) => {
    const calls = itemsOf(f).filter((it) => it.call && names.has(it.call));
    parts.push(`pub mod file${k} {\n${calls.map((it) => it.text).join('\n')}\n}`);
  });
  return parts.join('\n');
}

/** The text of the `macro_rules! name` item (with its attributes) in `file`. */
export function macroDefinition(file: string, name: string): string {
  const src = readFileSync(file, 'utf8');
  const toks = lexOrThrow(src);
  for (const [from, to] of splitItems(toks)) {
    const c = new Cursor(toks, from);
    skipOuterAttributes(c);
    if (isKeyword(c.cur, 'macro_rules') && c.ahead(2)?.text === name) return textOf(src, toks, from, to);
  }
  throw new Error(`no macro_rules! ${name} in ${file}`);
}
