//! Expanding one `macro_rules!` invocation: lex the input, try the rules in order (the first
//! whose matcher matches the whole input wins; a hard matching error stops the search, as in
//! rustc), transcribe the winner. Nested macro calls in the output are left as written.

import { DEFAULT_LIMITS, Emitter, type Limits, type Origin } from './emit';
import { ExpandError } from './errors';
import type { Edition } from './fragments';
import { lex } from './lexer';
import { matchRule } from './matcher';
import { parseRules, type Rule } from './rules';
import { KEYWORDS_SINCE_2018, type Token } from './tokens';
import { Transcriber } from './transcribe';

export interface MacroRules {
  readonly name: string;
  readonly rules: readonly Rule[];
}

export interface ParseOptions {
  /** Edition of the crate that defines the macro: decides what `pat` and `expr` mean. Default 2021. */
  readonly edition?: Edition;
  /**
   * The definition has `#[macro_export(local_inner_macros)]`: the single-segment macro calls its
   * transcriber writes (`helper!(..)`) come out as `$crate::helper!(..)`, as rustc resolves them.
   */
  readonly localInnerMacros?: boolean;
}

export interface ExpandOptions {
  /** What `$crate` becomes in the output text (e.g. `crate` or `::__rll_crate_3`). */
  readonly dollarCrate: string;
  /** Output size limits; defaults to DEFAULT_LIMITS (1,000,000 characters, 200,000 tokens). */
  readonly limits?: Limits;
  /** Edition of the crate the call is written in: in 2015 `try!(..)`, `async` and `await` are identifiers. Default 2021. */
  readonly inputEdition?: Edition;
}

export interface Expansion {
  /** The expanded tokens as Rust source text. */
  readonly text: string;
  /** Output tokens that came from the invocation input: output range -> input offset. Sorted by outStart. */
  readonly origins: readonly Origin[];
}

export type Failure = { readonly error: string };

/** Parses the body of `macro_rules! name { BODY }` (the text between the outer delimiters). */
export function parseMacroRules(name: string, body: string, opts: ParseOptions = {}): MacroRules | Failure {
  const rules = parseRules(body, opts.edition ?? 2021, opts.localInnerMacros ?? false);
  if ('error' in rules) return { error: `\`macro_rules! ${name}\`: ${rules.error}` };
  return { name, rules };
}

/** Runs `f`, turning the expander's own exceptions (ExpandError) into a Failure naming `what`. */
export function catchExpansionErrors<T>(what: string, f: () => T): T | Failure {
  try {
    return f();
  } catch (e) {
    if (e instanceof ExpandError) return { error: `${what}: ${e.message}` };
    throw e;
  }
}

function unexpected(toks: readonly Token[], at: number): string {
  const t = toks[at];
  return t === undefined ? 'unexpected end of macro invocation' : `no rules expected the token \`${t.text}\` (offset ${t.start})`;
}

/** Expands one invocation; `input` is the text between the invocation's delimiters. */
export function expandMacro(rules: MacroRules, input: string, opts: ExpandOptions): Expansion | Failure {
  const what = `\`${rules.name}!\``;
  const lexed = lex(input);
  if ('error' in lexed) return { error: `${what}: ${lexed.error}` };
  const toks = opts.inputEdition === 2015 ? lexed.tokens.map((t) => (t.kind === 'ident' && KEYWORDS_SINCE_2018.has(t.text) ? { ...t, e2015: true as const } : t)) : lexed.tokens;
  let furthest = -1;
  for (const rule of rules.rules) {
    const r = matchRule(rule, toks);
    if (r.t === 'error') return { error: `${what}: ${r.error}` };
    if (r.t === 'fail') {
      furthest = Math.max(furthest, r.at);
      continue;
    }
    return catchExpansionErrors(what, () => {
      const out = new Emitter(opts.limits ?? DEFAULT_LIMITS);
      new Transcriber(r.bindings, opts.dollarCrate, out).run(rule.transcriber);
      return { text: out.text, origins: out.origins };
    });
  }
  if (furthest < 0) return { error: `${what}: the macro has no rules` };
  return { error: `${what}: ${unexpected(toks, furthest)}` };
}
