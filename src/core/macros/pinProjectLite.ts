//! pin-project-lite's `pin_project!` as far as layouts go. Its input is the item itself (a struct
//! or an enum) with `#[pin]` on some fields and `#[project = Name]`-style attributes on the item,
//! and its expansion writes the item back unchanged beside projection types and impls (inside a
//! `const _: () = { .. };` block, or generic named projections) that no field of another type can
//! hold. The item alone is what a dependency's layouts need: it is the input with those attributes
//! blanked out (offsets kept, so names map back to the call's input one to one). Expanding the
//! real rules costs far more (a tt-muncher: a third of the time reading hyper's dependencies).

import type { Expansion, Failure } from './expand';
import { blankMarkers, lex } from './lexer';

const HELPER_ATTRS = new Set(['pin', 'project', 'project_ref', 'project_replace']);

/** The item a `pin_project! { .. }` call defines, from its input. */
export function expandPinProjectLite(written: string): Expansion | Failure {
  // Forwarded fragments are plain tokens here (the output is the input, rewritten in place).
  const input = blankMarkers(written);
  const lexed = lex(input);
  if ('error' in lexed) return { error: `\`pin_project!\`: ${lexed.error}` };
  const toks = lexed.tokens;
  const out = input.split('');
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    const open = toks[i + 1]!;
    if (t.kind !== 'punct' || t.text !== '#' || open.kind !== 'open' || open.text !== '[') continue;
    const name = toks[i + 2];
    if (name?.kind !== 'ident' || !HELPER_ATTRS.has(name.text)) continue;
    const close = toks[open.pair]!;
    for (let k = t.start; k < close.start + close.text.length; k++) if (out[k] !== '\n') out[k] = ' ';
    i = open.pair;
  }
  return { text: out.join(''), origins: [{ outStart: 0, outEnd: input.length, inStart: 0 }] };
}
