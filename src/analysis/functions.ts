/**
 * The functions of a Rust file with the path rustc gives their code: `module::name`,
 * `module::Type::method` (inherent and trait impls alike: the trait is dropped, as in
 * src/core/verify/allocIr.ts's keys), `Trait::method` for a default method, inline
 * `mod x { … }` included. A light scan of the text
 * (comments and strings skipped, braces counted), enough to find a function and its impl. No
 * `vscode` here.
 */

export interface FnSite {
  readonly name: string;
  /** Path inside the file's module: `Type::method`, `inner::helper`. */
  readonly path: string;
  /** Offset of the `fn` keyword, and of the name. */
  readonly start: number;
  readonly nameStart: number;
  /** Offset just past the body's closing brace (or the `;` of a declaration without body). */
  readonly end: number;
}

/** Blanks out comments, string and char literals (same length), so braces and keywords in them do not count. */
function codeOnly(text: string): string {
  const out = text.split('');
  let i = 0;
  const blank = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < text.length) {
    const c = text[i]!;
    const n = text[i + 1];
    if (c === '/' && n === '/') {
      const e = text.indexOf('\n', i);
      const end = e < 0 ? text.length : e;
      blank(i, end);
      i = end;
    } else if (c === '/' && n === '*') {
      let depth = 1;
      let k = i + 2;
      while (k < text.length && depth > 0) {
        if (text[k] === '/' && text[k + 1] === '*') {
          depth++;
          k += 2;
        } else if (text[k] === '*' && text[k + 1] === '/') {
          depth--;
          k += 2;
        } else k++;
      }
      blank(i, k);
      i = k;
    } else if (c === 'r' && /^r#*"/.test(text.slice(i, i + 10)) && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
      const hashes = /^r(#*)"/.exec(text.slice(i))![1]!;
      const close = `"${hashes}`;
      const e = text.indexOf(close, i + 2 + hashes.length);
      const end = e < 0 ? text.length : e + close.length;
      blank(i, end);
      i = end;
    } else if (c === '"') {
      let k = i + 1;
      while (k < text.length && text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
      blank(i, k + 1);
      i = k + 1;
    } else if (c === "'" && /^'(?:\\.|[^\\'])'/.test(text.slice(i, i + 4))) {
      const m = /^'(?:\\.|[^\\'])'/.exec(text.slice(i))!;
      blank(i, i + m[0].length);
      i += m[0].length;
    } else i++;
  }
  return out.join('');
}

/** The last path segment of an impl's self type, generics dropped: `impl<T> fmt::Display for a::Foo<T>` → `Foo`. */
function implSelf(header: string): string | undefined {
  let h = header.replace(/^\s*(?:unsafe\s+)?impl\b/, '').trim();
  if (h.startsWith('<')) {
    let depth = 0;
    let k = 0;
    for (; k < h.length; k++) {
      if (h[k] === '<') depth++;
      else if (h[k] === '>') if (--depth === 0) break;
    }
    h = h.slice(k + 1).trim();
  }
  h = h.replace(/\bwhere\b[\s\S]*$/, '').trim();
  const forAt = /\bfor\s+(?=[A-Za-z_:&([])/.exec(h);
  const self = forAt ? h.slice(forAt.index + forAt[0].length) : h;
  const noGenerics = self.replace(/<[\s\S]*$/, '').trim();
  const m = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(noGenerics);
  return m?.[1];
}

export function functionsIn(text: string): FnSite[] {
  const code = codeOnly(text);
  const out: FnSite[] = [];
  // Open blocks: a module or impl name (pushed onto the path), or '' for any other brace.
  const stack: { scope: string; fnBody?: boolean }[] = [];
  const re = /\b(mod|trait)\s+([A-Za-z_][A-Za-z0-9_]*)[^{;]*\{|\b((?:unsafe\s+)?impl\b[^{;]*)\{|\bfn\s+([A-Za-z_][A-Za-z0-9_]*)|[{}]/g;
  let m: RegExpExecArray | null;
  const pending: { name: string; start: number; nameStart: number; scope: string; depth: number }[] = [];
  while ((m = re.exec(code))) {
    const tok = m[0];
    if (m[1]) stack.push({ scope: m[2]! });
    else if (m[3] !== undefined) stack.push({ scope: implSelf(m[3]) ?? '?' });
    else if (m[4]) {
      const scope = stack.some((s) => s.fnBody) ? '' : stack.map((s) => s.scope).filter(Boolean).join('::');
      // A declaration without a body (`fn f();` in a trait or an extern block) left its entry: drop it.
      while (pending.length && pending.at(-1)!.depth >= stack.length) pending.pop();
      if (!stack.some((s) => s.fnBody)) pending.push({ name: m[4], start: m.index, nameStart: m.index + tok.indexOf(m[4]), scope, depth: stack.length });
    } else if (tok === '{') {
      const p = pending.at(-1);
      // The first brace at the function's own depth opens its body.
      stack.push(p && p.depth === stack.length && !stack.some((s) => s.fnBody) ? { scope: '', fnBody: true } : { scope: '' });
    } else if (tok === '}') {
      const top = stack.pop();
      if (!top?.fnBody) while (pending.length && pending.at(-1)!.depth > stack.length) pending.pop();
      if (top?.fnBody) {
        const p = pending.pop();
        if (p) out.push({ name: p.name, path: p.scope ? `${p.scope}::${p.name}` : p.name, start: p.start, nameStart: p.nameStart, end: m.index + 1 });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
