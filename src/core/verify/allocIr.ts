/**
 * "Does this function allocate?", answered from a crate's optimised LLVM IR
 * (`--emit=llvm-ir -C opt-level=3 -C codegen-units=1`, legacy symbol mangling): a function
 * allocates when a call to `__rust_alloc`, `__rust_alloc_zeroed` or `__rust_realloc` survives in
 * it or in a function of the same module it calls (inlined callees are part of it already); it
 * frees when only `__rust_dealloc` does. Calls to functions that never return (panics,
 * `handle_alloc_error`) are not followed: those paths end the program. A call to a function the
 * module does not define (std's non-generic code, C functions) or through a pointer cannot be
 * followed: the answer is then "unknown", naming it, unless an allocation was found anyway.
 * Pure: the command (src/features/allocCheck.ts) and the tests share it.
 */

export type AllocAnswer =
  | { readonly kind: 'allocates'; readonly via: readonly string[] }
  | { readonly kind: 'frees'; readonly via: readonly string[] }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly why: string };

interface IrFunction {
  readonly symbol: string;
  readonly calls: readonly string[];
  readonly indirect: boolean;
}

const ALLOC = /(?:^|[^A-Za-z0-9])__rust_(alloc|alloc_zeroed|realloc)(?:[^A-Za-z0-9_]|$)/;
const DEALLOC = /(?:^|[^A-Za-z0-9])__rust_dealloc(?:[^A-Za-z0-9_]|$)/;

/** `_ZN5alloc7raw_vec19RawVec$LT$T$C$A$GT$8grow_one17h…E` → `alloc::raw_vec::RawVec<T,A>::grow_one`. */
export function demangleLegacy(symbol: string): string {
  const s = symbol.replace(/^"|"$/g, '');
  if (!s.startsWith('_ZN')) return s;
  const parts: string[] = [];
  let i = 3;
  while (i < s.length && s[i] !== 'E') {
    const m = /^\d+/.exec(s.slice(i));
    if (!m) break;
    const n = Number(m[0]);
    i += m[0].length;
    parts.push(s.slice(i, i + n));
    i += n;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1]!)) parts.pop();
  const decode = (p: string): string =>
    p
      .replace(/^_(?=\$)/, '')
      .replace(/\$LT\$/g, '<')
      .replace(/\$GT\$/g, '>')
      .replace(/\$u20\$/g, ' ')
      .replace(/\$C\$/g, ',')
      .replace(/\$RF\$/g, '&')
      .replace(/\$BP\$/g, '*')
      .replace(/\$SP\$/g, '@')
      .replace(/\$LP\$/g, '(')
      .replace(/\$RP\$/g, ')')
      .replace(/\$u7b\$/g, '{')
      .replace(/\$u7d\$/g, '}')
      .replace(/\$u5b\$/g, '[')
      .replace(/\$u5d\$/g, ']')
      .replace(/\$u3b\$/g, ';')
      .replace(/\$u27\$/g, "'")
      .replace(/\$u2b\$/g, '+')
      .replace(/\$u22\$/g, '"')
      .replace(/\.\./g, '::');
  return parts.map(decode).join('::');
}

/** A readable name for a symbol: legacy paths demangled, v0 ones (std's) reduced to their identifiers. */
export function symbolName(symbol: string): string {
  if (symbol.startsWith('_ZN')) return demangleLegacy(symbol);
  if (!symbol.startsWith('_R')) return symbol;
  const body = symbol.replace(/C[s][A-Za-z0-9]*_/g, 'C');
  const names: string[] = [];
  for (let i = 0; i < body.length; ) {
    const m = /^(\d+)(_?)/.exec(body.slice(i));
    if (!m) {
      i++;
      continue;
    }
    const n = Number(m[1]);
    const start = i + m[0].length;
    const name = body.slice(start, start + n);
    // v0's own tags and backreferences read as short names with digits: skip those.
    if (/^[A-Za-z_][A-Za-z_]*$/.test(name)) {
      names.push(name);
      i = start + n;
    } else i++;
  }
  return names.length ? names.join('::') : symbol;
}

/**
 * The key a function is found by: its path from the crate root with generic arguments and the
 * trait of a trait impl dropped (`<krate::a::T<u8> as core::fmt::Display>::fmt` → `krate::a::T::fmt`).
 */
export function functionKey(path: string): string {
  let p = path;
  const impl = /^<(.+?) as .+>::(.+)$/.exec(p);
  if (impl) p = `${impl[1]}::${impl[2]}`;
  // Generic arguments, however nested.
  let out = '';
  let depth = 0;
  for (const c of p) {
    if (c === '<') depth++;
    else if (c === '>') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out.replace(/^</, '').replace(/\s+/g, '');
}

/** The functions an LLVM IR module defines, what each calls, and the symbols that never return. */
export function parseIr(ir: string): { defined: Map<string, IrFunction>; noreturn: Set<string> } {
  const defined = new Map<string, IrFunction>();
  const attrs = new Map<string, string>();
  for (const m of ir.matchAll(/^attributes (#\d+) = \{(.*)\}$/gm)) attrs.set(m[1]!, m[2]!);
  const noreturn = new Set<string>();
  const symbolOf = (line: string): string | undefined => /@("[^"]+"|[A-Za-z0-9_.$]+)\(/.exec(line)?.[1]?.replace(/^"|"$/g, '');
  const isNoreturn = (line: string): boolean => {
    const after = line.slice(line.lastIndexOf(')'));
    if (/\bnoreturn\b/.test(after)) return true;
    return [...after.matchAll(/#\d+/g)].some((g) => /\bnoreturn\b/.test(attrs.get(g[0]) ?? ''));
  };
  const lines = ir.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('declare ')) {
      const sym = symbolOf(line);
      if (sym && isNoreturn(line)) noreturn.add(sym);
      continue;
    }
    if (!line.startsWith('define ')) continue;
    const sym = symbolOf(line);
    if (!sym) continue;
    if (isNoreturn(line)) noreturn.add(sym);
    const calls: string[] = [];
    let indirect = false;
    for (i++; i < lines.length && lines[i] !== '}'; i++) {
      const l = lines[i]!;
      const c = /\b(?:call|invoke)\b[^@%]*?(?:@("[^"]+"|[A-Za-z0-9_.$]+)|(%[A-Za-z0-9_.]+))\(/.exec(l);
      if (!c) continue;
      if (c[1]) calls.push(c[1].replace(/^"|"$/g, ''));
      else if (c[2] && !/\basm\b/.test(l)) indirect = true;
    }
    defined.set(sym, { symbol: sym, calls, indirect });
  }
  return { defined, noreturn };
}

/** The answer for every function the module defines, by its key (several instantiations merged). */
export function allocationAnswers(ir: string): Map<string, AllocAnswer> {
  const { defined, noreturn } = parseIr(ir);
  const memo = new Map<string, AllocAnswer>();
  const visiting = new Set<string>();
  const answer = (sym: string): AllocAnswer => {
    const hit = memo.get(sym);
    if (hit) return hit;
    if (visiting.has(sym)) return { kind: 'none' }; // a cycle: the other members decide
    visiting.add(sym);
    const f = defined.get(sym)!;
    let allocates: string[] | undefined;
    let frees: string[] | undefined;
    let unknown: string | undefined;
    for (const callee of f.calls) {
      if (noreturn.has(callee) || callee.startsWith('llvm.')) continue;
      if (ALLOC.test(callee)) {
        allocates ??= [`__rust_${ALLOC.exec(callee)![1]}`];
        continue;
      }
      if (DEALLOC.test(callee)) {
        frees ??= ['__rust_dealloc'];
        continue;
      }
      if (!defined.has(callee)) {
        if (/^(?:rust_eh_personality|__rust_no_alloc_shim_is_unstable\w*|_ZN\w*__rust_no_alloc_shim_is_unstable\w*)$/.test(callee) || /__rust_no_alloc_shim/.test(callee)) continue;
        unknown ??= `calls \`${symbolName(callee)}\` (not compiled into this crate: its code was not looked at)`;
        continue;
      }
      const a = answer(callee);
      const name = symbolName(callee);
      if (a.kind === 'allocates') allocates ??= [name, ...a.via];
      else if (a.kind === 'frees') frees ??= [name, ...a.via];
      else if (a.kind === 'unknown') unknown ??= a.why;
    }
    if (f.indirect) unknown ??= 'calls a function through a pointer (a trait object or a callback)';
    visiting.delete(sym);
    const r: AllocAnswer = allocates ? { kind: 'allocates', via: allocates } : unknown ? { kind: 'unknown', why: unknown } : frees ? { kind: 'frees', via: frees } : { kind: 'none' };
    memo.set(sym, r);
    return r;
  };
  const out = new Map<string, AllocAnswer>();
  const rank = { allocates: 3, unknown: 2, frees: 1, none: 0 } as const;
  for (const sym of defined.keys()) {
    if (!sym.startsWith('_ZN')) continue;
    const key = functionKey(demangleLegacy(sym));
    const a = answer(sym);
    const prev = out.get(key);
    if (!prev || rank[a.kind] > rank[prev.kind]) out.set(key, a);
  }
  return out;
}
