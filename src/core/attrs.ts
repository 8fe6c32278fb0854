/**
 * Text-level parsing of attribute contents (pure text: shared by src/parse and the engine): `repr(...)`, `cfg(...)`, `doc = "..."`,
 * `path = "..."`. Attributes are short, so a tiny tokenizer over their text is simpler and
 * more robust (half-typed input) than walking their token trees.
 */
import type { CfgPredicate, IntTy } from '../core/model';

type Tok =
  | { readonly t: 'ident'; readonly v: string; readonly raw?: boolean }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'num'; readonly v: string }
  | { readonly t: 'punct'; readonly v: string };

/** Tokenizes attribute text (identifiers, string/raw-string literals, numbers, punctuation). */
export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const ch = s[i]!;
    // raw strings r"..", r#".."#, br".."
    const raw = ch === 'r' || ch === 'b' ? /^b?r(#*)"/.exec(s.slice(i, i + 80)) : null;
    if (raw) {
      const hashes = raw[1]!;
      const start = i + raw[0].length;
      const close = s.indexOf('"' + hashes, start);
      const end = close < 0 ? n : close;
      out.push({ t: 'str', v: s.slice(start, end) });
      i = close < 0 ? n : close + 1 + hashes.length;
      continue;
    }
    if (ch === '"' || (ch === 'b' && s[i + 1] === '"')) {
      let j = ch === 'b' ? i + 2 : i + 1;
      let v = '';
      while (j < n && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < n) {
          const [text, len] = unescapeAt(s, j);
          v += text;
          j += len;
        } else {
          v += s[j];
          j++;
        }
      }
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_#]/.test(s[j]!)) j++;
      let v = s.slice(i, j);
      const raw = v.startsWith('r#');
      if (raw) v = v.slice(2);
      out.push(raw ? { t: 'ident', v, raw } : { t: 'ident', v });
      i = j;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_]/.test(s[j]!)) j++;
      out.push({ t: 'num', v: s.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === ':' && s[i + 1] === ':') {
      out.push({ t: 'punct', v: '::' });
      i += 2;
      continue;
    }
    out.push({ t: 'punct', v: ch });
    i++;
  }
  return out;
}

/** Decodes the escape at `s[j] === '\\'`; returns the text and the number of chars consumed. */
function unescapeAt(s: string, j: number): [string, number] {
  const e = s[j + 1];
  switch (e) {
    case 'n':
      return ['\n', 2];
    case 't':
      return ['\t', 2];
    case 'r':
      return ['\r', 2];
    case '0':
      return ['\0', 2];
    case '\\':
      return ['\\', 2];
    case '"':
      return ['"', 2];
    case "'":
      return ["'", 2];
    case 'x': {
      const hex = s.slice(j + 2, j + 4);
      return [String.fromCharCode(parseInt(hex, 16) || 0), 4];
    }
    case 'u': {
      const m = /^\{([0-9a-fA-F_]{1,8})\}/.exec(s.slice(j + 2, j + 14));
      if (m) {
        const cp = parseInt(m[1]!.replace(/_/g, ''), 16);
        return [cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd', 2 + m[0].length];
      }
      return ['u', 2];
    }
    case '\n': {
      // line continuation: skip the newline and leading whitespace of the next line
      let k = j + 2;
      while (k < s.length && /\s/.test(s[k]!)) k++;
      return ['', k - j];
    }
    default:
      return [e ?? '', 2];
  }
}

/** Unescapes the body of a string literal's source text (with its quotes / `r#"`…). */
export function stringLiteralValue(literal: string): string {
  const toks = tokenize(literal);
  const first = toks[0];
  return first && first.t === 'str' ? first.v : literal;
}

const INT_TYS: ReadonlySet<string> = new Set([
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
  'usize',
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'isize',
]);

export interface MutableRepr {
  c: boolean;
  transparent: boolean;
  packed?: number;
  align?: number;
  int?: IntTy;
  simd: boolean;
  unknown: string[];
  /** `repr(Rust)`: the default, spelled out. */
  rust?: boolean;
  /**
   * Hints rustc refuses: `packed(1), packed(2)` (E0634), `transparent` twice (E0692), an
   * alignment or packing that is not a power of two (E0589), `align = "8"` (E0693).
   */
  conflict?: ReprConflict;
}

export type ReprConflict = 'E0634' | 'E0692' | 'E0589' | 'E0693' | 'E0552' | 'E0565' | 'E0539';

export function emptyRepr(): MutableRepr {
  return { c: false, transparent: false, simd: false, unknown: [] };
}

/** Splits the tokens between the outer parentheses at top-level commas. */
function splitArgs(toks: readonly Tok[], from: number): { groups: Tok[][]; end: number } {
  const groups: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  let i = from;
  for (; i < toks.length; i++) {
    const tk = toks[i]!;
    if (tk.t === 'punct' && (tk.v === '(' || tk.v === '[' || tk.v === '{')) depth++;
    else if (tk.t === 'punct' && (tk.v === ')' || tk.v === ']' || tk.v === '}')) {
      if (depth === 0) break;
      depth--;
    } else if (tk.t === 'punct' && tk.v === ',' && depth === 0) {
      groups.push(cur);
      cur = [];
      continue;
    }
    cur.push(tk);
  }
  if (cur.length) groups.push(cur);
  return { groups, end: i };
}

function tokText(toks: readonly Tok[]): string {
  let s = '';
  for (const tk of toks) {
    if (tk.t === 'str') s += JSON.stringify(tk.v);
    else if (tk.t === 'punct' && tk.v === ',') s += ', ';
    else s += tk.v;
  }
  return s;
}

/** rustc's limit for `align(N)` and `packed(N)`: larger values are rejected (E0589, E0552). */
const MAX_REPR_ALIGN = 1n << 29n;

/**
 * The value of an `align(N)` / `packed(N)` argument when rustc accepts it: a power of two no
 * larger than 2^29. Checked on the exact integer (a JS number's `&` truncates to 32 bits, so
 * 2^32 or 2^64 would pass for a power of two).
 */
function parsePow2(tok: Tok | undefined): number | undefined {
  if (!tok || tok.t !== 'num') return undefined;
  let v: bigint;
  try {
    v = BigInt(tok.v.replace(/_/g, '').replace(/(u|i)(8|16|32|64|128|size)$/, ''));
  } catch {
    return undefined; // a float or a malformed literal
  }
  return v > 0n && v <= MAX_REPR_ALIGN && (v & (v - 1n)) === 0n ? Number(v) : undefined;
}

/** The hints rustc 1.95 knows by name (`repr(uwu)` is its E0552). */
const REPR_NAMES: ReadonlySet<string> = new Set(['C', 'Rust', 'transparent', 'simd', 'packed', 'align', ...INT_TYS]);

/**
 * rustc 1.95's error for a hint written in a form it refuses, each measured: an unknown name
 * (E0552), arguments to a hint that takes none or `= value` (E0552), `align` without its
 * argument (E0589) or with other than one (E0693), `packed(..)` with other than one (E0552),
 * an argument that is a name or path (`align(N)`: E0693, `packed(N)`: E0552) or a literal other
 * than an integer (E0589), `packed = 2` (E0693). Undefined for the forms read below.
 */
function malformedHint(name: string, g: readonly Tok[]): ReprConflict | undefined {
  if (!REPR_NAMES.has(name)) return 'E0552';
  if (g.length === 1) return name === 'align' ? 'E0589' : undefined;
  if (g[1]?.v === '=') return name === 'align' || name === 'packed' ? 'E0693' : 'E0552';
  if (g[1]?.v !== '(' || g[g.length - 1]?.v !== ')') return undefined;
  if (name !== 'align' && name !== 'packed') return 'E0552';
  const args = splitArgs(g, 2).groups;
  if (args.length !== 1) return name === 'align' ? 'E0693' : 'E0552';
  const arg = args[0]!;
  // A string, a float (`16.0` is three tokens here, `1e3` one) or a bool: not an unsuffixed integer.
  const float = arg[0]?.t === 'num' && arg[1]?.v === '.' && arg.length <= 3 && (arg.length === 2 || arg[2]!.t === 'num');
  const single = arg.length === 1 ? arg[0]! : undefined;
  if (float || single?.t === 'str' || (single?.t === 'num' && /^[0-9][0-9_]*[eE]/.test(single.v)) || (single?.t === 'ident' && (single.v === 'true' || single.v === 'false'))) return 'E0589';
  if (arg.every((t) => t.t === 'ident' || (t.t === 'punct' && t.v === '::'))) return name === 'align' ? 'E0693' : 'E0552';
  return undefined;
}

/**
 * Merges the hints of one `repr(...)` attribute (its text between `#[` and `]`) into `into`.
 * Multiple `align` take the largest, as rustc does; `packed` hints of different values and a
 * second `transparent` are rustc errors, kept in `conflict`.
 */
export function mergeRepr(into: MutableRepr, attrText: string): void {
  const toks = tokenize(attrText);
  // toks: repr ( ... )
  if (toks.length < 2 || toks[1]!.v !== '(') {
    // A bare `#[repr]` or `#[repr = "C"]`: malformed (rustc: E0539).
    if (toks.length === 1 || toks[1]!.v === '=') into.conflict ??= 'E0539';
    else into.unknown.push(attrText);
    return;
  }
  const { groups } = splitArgs(toks, 2);
  for (const g of groups) {
    const head = g[0];
    if (!head || head.t !== 'ident') {
      // `repr(1)`, `repr("C")`: a literal where a hint's name goes (rustc: E0565).
      if (g.length === 1 && (head?.t === 'num' || head?.t === 'str')) into.conflict ??= 'E0565';
      else if (g.length) into.unknown.push(tokText(g));
      continue;
    }
    const name = head.v;
    const malformed = malformedHint(name, g);
    if (malformed) {
      into.conflict ??= malformed;
      continue;
    }
    if (g.length === 1) {
      if (name === 'C') into.c = true;
      else if (name === 'transparent') {
        if (into.transparent) into.conflict ??= 'E0692';
        into.transparent = true;
      }
      else if (name === 'simd') into.simd = true;
      else if (name === 'Rust') into.rust = true;
      else if (name === 'packed') {
        if (into.packed !== undefined && into.packed !== 1) into.conflict ??= 'E0634';
        into.packed = 1;
      }
      else if (INT_TYS.has(name)) into.int = name as IntTy;
      else into.unknown.push(name);
      continue;
    }
    if ((name === 'packed' || name === 'align') && g.length === 4 && g[1]!.v === '(' && g[3]!.v === ')') {
      // `align(16usize)`: suffixed literals are not allowed in attributes (rustc: E0589).
      if (g[2]!.t === 'num' && /(u|i)(8|16|32|64|128|size)$/.test(g[2]!.v)) {
        into.conflict ??= 'E0589';
        continue;
      }
      const n = parsePow2(g[2]);
      if (n !== undefined) {
        if (name === 'packed') {
          if (into.packed !== undefined && into.packed !== n) into.conflict ??= 'E0634';
          into.packed = into.packed === undefined ? n : Math.min(into.packed, n);
        }
        else into.align = into.align === undefined ? n : Math.max(into.align, n);
        continue;
      }
      // An integer that is not a power of two (0 included): rustc's E0589.
      const t = g[2]!;
      if (t.t === 'num' && /^(0|[1-9][0-9_]*)$/.test(t.v)) {
        into.conflict ??= 'E0589';
        continue;
      }
    }
    // `align = "8"`: the wrong form (E0693).
    if (name === 'align' && g[1]?.v === '=') {
      into.conflict ??= 'E0693';
      continue;
    }
    into.unknown.push(tokText(g));
  }
}

/** Parses the text of a `cfg(...)` attribute (between `#[` and `]`). */
export function parseCfgAttr(attrText: string): CfgPredicate {
  const toks = tokenize(attrText);
  if (toks.length < 3 || toks[1]!.v !== '(') return { kind: 'unknown', text: attrText };
  const r = parsePred(toks, 2);
  if (!r || toks[r.next]?.v !== ')' || r.next + 1 !== toks.length) {
    return { kind: 'unknown', text: attrText.replace(/^cfg\s*\(/, '').replace(/\)\s*$/, '') };
  }
  return r.pred;
}

function parsePred(toks: readonly Tok[], i: number, depth = 0): { pred: CfgPredicate; next: number } | undefined {
  const tk = toks[i];
  if (!tk || tk.t !== 'ident' || depth > 200) return undefined;
  let name = tk.v;
  let j = i + 1;
  // paths like `target_has_atomic` are plain; allow `a::b` names defensively
  while (toks[j]?.v === '::' && toks[j + 1]?.t === 'ident') {
    name += '::' + toks[j + 1]!.v;
    j += 2;
  }
  const nx = toks[j];
  if (nx && nx.t === 'punct' && nx.v === '=') {
    const val = toks[j + 1];
    if (!val || val.t !== 'str') return undefined;
    return { pred: { kind: 'keyValue', key: name, value: val.v }, next: j + 2 };
  }
  if (nx && nx.t === 'punct' && nx.v === '(') {
    if (name !== 'all' && name !== 'any' && name !== 'not') return undefined;
    const items: CfgPredicate[] = [];
    let k = j + 1;
    while (k < toks.length && toks[k]!.v !== ')') {
      const r = parsePred(toks, k, depth + 1);
      if (!r) return undefined;
      items.push(r.pred);
      k = r.next;
      if (toks[k]?.v === ',') k++;
      else if (toks[k]?.v !== ')') return undefined;
    }
    if (toks[k]?.v !== ')') return undefined;
    if (name === 'not') {
      if (items.length !== 1) return undefined;
      return { pred: { kind: 'not', item: items[0]! }, next: k + 1 };
    }
    return { pred: { kind: name, items }, next: k + 1 };
  }
  // `cfg(true)` / `cfg(false)` (stable since Rust 1.88): always and never, as `all()` / `any()`.
  if ((name === 'true' || name === 'false') && j === i + 1 && !tk.raw) return { pred: { kind: name === 'true' ? 'all' : 'any', items: [] }, next: j };
  return { pred: { kind: 'name', name }, next: j };
}

/** `doc = "..."` / `path = "..."`: the string value, or undefined. */
export function keyValueString(attrText: string): string | undefined {
  const toks = tokenize(attrText);
  if (toks.length === 3 && toks[1]!.v === '=' && toks[2]!.t === 'str') return toks[2]!.v;
  return undefined;
}

/**
 * `cfg_attr(pred, a, b(..), c = "..")` → the predicate and the texts of the attributes it adds
 * when the predicate holds (which may be `cfg_attr`s again). Undefined when the text is not a
 * well-formed `cfg_attr`.
 */
export function cfgAttrParts(attrText: string): { pred: CfgPredicate; attrs: string[] } | undefined {
  const open = attrText.indexOf('(');
  const body = attrText.trimEnd();
  if (open < 0 || !/^cfg_attr\s*$/.test(attrText.slice(0, open)) || !body.endsWith(')')) return undefined;
  const args = splitTopLevel(body.slice(open + 1, body.length - 1));
  if (args.length < 1) return undefined;
  return { pred: parseCfgAttr(`cfg(${args[0]!})`), attrs: args.slice(1) };
}

/**
 * The condition `cfg`s inside a `cfg_attr` put on an item: `#[cfg_attr(p, cfg(q))]` removes the
 * item where p holds and q does not, so it is `any(not(p), q)`; nested `cfg_attr`s and several
 * `cfg`s compose the same way. Undefined when the `cfg_attr` adds no `cfg`.
 */
export function cfgAttrCondition(attrText: string, depth = 0): CfgPredicate | undefined {
  const parts = depth < 16 ? cfgAttrParts(attrText) : undefined;
  if (!parts) return undefined;
  const inner: CfgPredicate[] = [];
  for (const a of parts.attrs) {
    if (/^cfg\s*\(/.test(a)) inner.push(parseCfgAttr(a));
    else if (/^cfg_attr\s*\(/.test(a)) {
      const c = cfgAttrCondition(a, depth + 1);
      if (c) inner.push(c);
    }
  }
  if (inner.length === 0) return undefined;
  return { kind: 'any', items: [{ kind: 'not', item: parts.pred }, inner.length === 1 ? inner[0]! : { kind: 'all', items: inner }] };
}

/**
 * The texts of the attributes `cfg_attr`s add to an item (`#[cfg_attr(unix, path = "u.rs")]` →
 * `path = "u.rs"` where `holds(unix)`), nested `cfg_attr`s expanded, at most 16 deep.
 */
export function cfgAttrTexts(attrTexts: readonly string[], holds: (p: CfgPredicate) => boolean, depth = 0): string[] {
  const out: string[] = [];
  for (const t of attrTexts) {
    const parts = depth < 16 ? cfgAttrParts(t) : undefined;
    if (parts && holds(parts.pred)) {
      for (const a of parts.attrs) {
        if (/^cfg_attr\s*\(/.test(a)) out.push(...cfgAttrTexts([a], holds, depth + 1));
        else out.push(a);
      }
    }
  }
  return out;
}
/**
 * Splits text at commas outside brackets and string literals (raw ones too: `r#"a, "b""#`);
 * parts trimmed, empty ones dropped.
 */
export function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      // A raw string ends at a quote followed by as many `#`s as opened it, and has no escapes.
      const raw = /(?:^|[^\w])b?r(#*)$/.exec(s.slice(0, i));
      if (raw) {
        const close = '"' + raw[1]!;
        const end = s.indexOf(close, i + 1);
        i = end < 0 ? s.length : end + close.length - 1;
      } else for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(s.slice(start).trim());
  return out.filter((x) => x.length > 0);
}

/**
 * Bare attribute names rustc 1.95 resolves without an import: its built-in attributes and std's
 * attribute macros (measured: each written on a struct, the names rustc does not answer with
 * "cannot find attribute"), and `unsafe(..)`, the wrapper of unsafe attributes.
 */
export const BUILTIN_ATTR_NAMES: ReadonlySet<string> = new Set([
  'alloc_error_handler', 'allow', 'allow_internal_unsafe', 'allow_internal_unstable', 'automatically_derived', 'bench', 'cfg', 'cfg_accessible', 'cfg_attr', 'cfg_eval',
  'cfi_encoding', 'cold', 'collapse_debuginfo', 'compiler_builtins', 'const_continue', 'coverage', 'crate_name', 'crate_type', 'custom_mir', 'debugger_visualizer',
  'default_lib_allocator', 'define_opaque', 'deny', 'deprecated', 'derive', 'doc', 'expect', 'export_name', 'export_stable', 'feature', 'ffi_const', 'ffi_pure', 'forbid',
  'force_target_feature', 'fundamental', 'global_allocator', 'ignore', 'inline', 'instruction_set', 'lang', 'link', 'link_name', 'link_ordinal', 'link_section', 'linkage',
  'loop_match', 'macro_escape', 'macro_export', 'macro_use', 'marker', 'may_dangle', 'move_size_limit', 'must_not_suspend', 'must_use', 'naked', 'needs_allocator',
  'needs_panic_runtime', 'no_builtins', 'no_core', 'no_implicit_prelude', 'no_link', 'no_main', 'no_mangle', 'no_std', 'non_exhaustive', 'optimize', 'panic_handler',
  'panic_runtime', 'patchable_function_entry', 'path', 'pin_v2', 'prelude_import', 'proc_macro', 'proc_macro_attribute', 'proc_macro_derive', 'profiler_runtime',
  'recursion_limit', 'reexport_test_harness_main', 'register_tool', 'repr', 'sanitize', 'should_panic', 'stable', 'target_feature', 'test', 'test_case', 'test_runner',
  'thread_local', 'track_caller', 'type_length_limit', 'unstable', 'unstable_feature_bound', 'used', 'warn', 'windows_subsystem', 'unsafe',
]);

/**
 * Whether an attribute may be a procedural macro's (its name is no built-in one, or a path:
 * `#[dbus_proxy(..)]`, `#[pyo3::pyclass]`), which may rewrite or remove the item it stands on.
 * Tool attributes (`#[rustfmt::skip]`) are not.
 */
export function mayBeMacroAttr(name: string): boolean {
  if (name.includes('::')) return !TOOL_NAMESPACES.has(name.replace(/^::/, '').split('::')[0]!);
  return !BUILTIN_ATTR_NAMES.has(name) && !name.startsWith('rustc');
}

/** The namespaces of tool attributes (`#[rustfmt::skip]`, `#[diagnostic::on_unimplemented]`): no crates. */
export const TOOL_NAMESPACES: ReadonlySet<string> = new Set(['rustfmt', 'clippy', 'rustdoc', 'diagnostic', 'rust_analyzer', 'miri']);

/** An attribute's path from its text, spaces and `r#` left out (`serde(rename = "x")` → `serde`, `pin_project :: pin_project` → `pin_project::pin_project`). */
export function attrPath(text: string): string | undefined {
  return /^\s*((?:::)?\s*(?:r#)?[A-Za-z_]\w*(?:\s*::\s*(?:r#)?[A-Za-z_]\w*)*)/.exec(text)?.[1]?.replace(/\s+|r#/g, '');
}

/** The texts of the attributes in force: those written, then those the `cfg_attr`s whose predicate `holds` add. */
export function attrTextsWhere(attrs: readonly { readonly name: string; readonly text: string }[], holds: (p: CfgPredicate) => boolean): string[] {
  const texts = attrs.filter((a) => a.name !== 'cfg_attr').map((a) => a.text);
  return attrs.some((a) => a.name === 'cfg_attr') ? [...texts, ...cfgAttrTexts(attrs.filter((a) => a.name === 'cfg_attr').map((a) => a.text), holds)] : texts;
}
