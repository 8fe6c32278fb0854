//! An expansion's text as the tree-sitter grammar can read it. Macros write empty generic lists
//! (pin-project-lite: `struct Proj<'__pin, $($impl_generics)*>`, `where B<$($ty_generics)*>`,
//! `impl<> B<> {..}` for a type without parameters), which rustc takes as no list at all but
//! tree-sitter-rust rejects, recovering the item badly. Each `<` directly followed by `>` outside
//! a macro call's input or an attribute is blanked out with spaces, so every offset stays where
//! it was and a nested call's input (matched by another macro) is left as written.

import { lex } from './lexer';

/** `text` with its empty generic lists blanked out; `text` itself when it has none. */
export function blankEmptyGenerics(text: string): string {
  if (!/<\s*>/.test(text)) return text;
  const lexed = lex(text);
  if ('error' in lexed) return text;
  const toks = lexed.tokens;
  let out: string[] | undefined;
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    const next = toks[i + 1]!;
    if (t.kind === 'punct' && (t.text === '!' || t.text === '#') && next.kind === 'open') {
      // A macro call's input or an attribute: token trees that stay as written.
      i = next.pair;
      continue;
    }
    if (t.kind === 'punct' && t.text === '!' && next.kind === 'ident' && toks[i + 2]?.kind === 'open') {
      // `macro_rules! name { .. }`
      i = toks[i + 2]!.pair;
      continue;
    }
    if (t.kind !== 'punct' || t.text !== '<' || next.kind !== 'punct' || !next.text.startsWith('>') || t.doc) continue;
    out ??= text.split('');
    out[t.start] = ' ';
    out[next.start] = ' ';
  }
  return out ? out.join('') : text;
}
