//! The macro expander's API: `macro_rules!` by example, as rustc expands it, plus built-in
//! expansions of `cfg_if!` and `bitflags!`. Pure text in, text out: no tree-sitter, no VS Code,
//! no Node built-ins. Nested macro calls in an expansion are left for the caller to expand.
//! Every function returns `{ error }` instead of throwing, whatever its input.

import { expandBitflags as bitflags } from './bitflags';
import { expandCfgIf as cfgIf } from './cfgIf';
import { expandMacro as expand, parseMacroRules as parse, type ExpandOptions, type Expansion, type Failure, type MacroRules, type ParseOptions } from './expand';
import { blankMarkers, lex } from './lexer';
export { blankEmptyGenerics } from './forParse';
export { expandPinProjectLite } from './pinProjectLite';
export { EMPTY_VIS } from './transcribe';

export type { Edition } from './fragments';
export type { Limits, Origin } from './emit';
export { DEFAULT_LIMITS } from './emit';
export type { ExpandOptions, Expansion, Failure, MacroRules, ParseOptions };

/** Runs `f`; an exception escaping it is a bug of the expander, reported as a Failure. */
function guarded<T>(f: () => T | Failure): T | Failure {
  try {
    return f();
  } catch (e) {
    return { error: `internal error in the macro expander: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Parses the body of `macro_rules! name { BODY }` (the text between the outer delimiters). */
export function parseMacroRules(name: string, body: string, opts?: ParseOptions): MacroRules | Failure {
  return guarded(() => parse(name, body, opts));
}

/** Expands one invocation; `input` is the text between the invocation's delimiters. */
export function expandMacro(rules: MacroRules, input: string, opts: ExpandOptions): Expansion | Failure {
  return guarded(() => expand(rules, input, opts));
}

/** `cfg_if::cfg_if!`: every item of branch i under `#[cfg(all(cond_i, not(any(earlier conds))))]`. */
export function expandCfgIf(input: string): Expansion | Failure {
  return guarded(() => cfgIf(blankMarkers(input)));
}

/** `bitflags::bitflags!` (1.x or 2.x): the flags structs with the layout the real macro gives them. */
export function expandBitflags(input: string, major: 1 | 2): Expansion | Failure {
  return guarded(() => bitflags(blankMarkers(input), major));
}

/**
 * Where the one macro call that `text` is (nothing else but whitespace, comments and a final
 * `;`) has its path, its input and the input's offset: `$crate::step! { .. }`, as each step of a
 * recursive macro expands to. Undefined for anything else (`macro_rules!` included).
 */
export function soleMacroCall(text: string): { readonly name: string; readonly start: number; readonly input: string; readonly inputStart: number; readonly end: number; readonly unterminated?: true } | undefined {
  const head = /^\s*((?:::\s*)?[A-Za-z_]\w*(?:\s*::\s*[A-Za-z_]\w*)*)\s*!\s*(?=[({[])/.exec(text);
  if (!head) return undefined;
  const name = head[1]!.replace(/\s+/g, '');
  if (name === 'macro_rules') return undefined;
  const open = head[0].length;
  const lexed = guarded(() => {
    const r = lex(text.slice(open));
    return 'error' in r ? { error: r.error } : r;
  });
  if ('error' in lexed) return undefined;
  const toks = lexed.tokens;
  if (toks[0]?.kind !== 'open') return undefined;
  const close = toks[0].pair;
  const rest = toks.length - close - 1;
  if (rest > 1 || (rest === 1 && toks[close + 1]!.text !== ';')) return undefined;
  const closeAt = open + toks[close]!.start;
  // `m!(..)` without `;` (see MacroItem.unterminated).
  const unterminated = rest === 0 && toks[0].text !== '{';
  return { name, start: text.length - text.trimStart().length, input: text.slice(open + 1, closeAt), inputStart: open + 1, end: rest === 1 ? open + toks[close + 1]!.start + 1 : closeAt + 1, ...(unterminated ? { unterminated: true as const } : {}) };
}
