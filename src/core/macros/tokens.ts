//! Tokens as rustc's token trees see them, flattened: one array per lexed text in which every
//! opening delimiter knows the index of its closing partner, so a group can be skipped whole.
//! Also the keyword classes and the "can this token begin a ..." predicates that rustc's parser
//! uses (`rustc_ast::token`), which decide which fragments a matcher may try.

export type TokenKind = 'ident' | 'lifetime' | 'literal' | 'punct' | 'open' | 'close';

export interface Token {
  readonly kind: TokenKind;
  /**
   * The token's text: `r#type`, `'a`, `b"x"`, `1u8`, `::`, `(`. Multi-character punctuation is
   * glued the way rustc's lexer glues it (`::`, `=>`, `>>=`, `..=`), so `>>` is one token.
   */
  readonly text: string;
  /** Lexed from a 2015-edition crate: `async`, `await` and `try` are plain identifiers there. */
  readonly e2015?: true;
  /** Offset of the token's first character in the text it was lexed from. */
  readonly start: number;
  /** For `open` and `close` tokens, the index of the partner delimiter in the same array. */
  readonly pair: number;
  /** Part of the `#[doc = r"..."]` that a doc comment became (rustc ignores these in matchers). */
  readonly doc?: boolean;
  /**
   * On an `open` token: the group is a fragment forwarded to another macro (rustc's invisible
   * delimiters around a nonterminal), of this fragment kind (`ty`, `expr`, …); see NT_MARK.
   */
  readonly nt?: string;
  /** On a forwarded fragment: it is a literal or a negated one (`5`, `-5`), which a `literal` matcher takes. */
  readonly ntLiteral?: true;
  /** On a forwarded `ty`: it starts like a path (`u8`, `Vec<u8>`), which a `path` matcher takes. */
  readonly ntPath?: true;
  /** On a forwarded `ty`: it has generic arguments (`Vec<u8>`), which a `meta` matcher rejects. */
  readonly ntArgs?: true;
}

/**
 * How a forwarded fragment is written in expansion text so that it stays one opaque piece for the
 * macro it is passed to, as rustc keeps it (`inner!($t)` with `$t:ty = u8` is `inner!('__rll_nt_ty(u8))`):
 * a lifetime-like word glued to a parenthesised group, which tree-sitter reads as ordinary tokens
 * inside a macro call and the macro lexer turns back into one invisible group (Token.nt).
 */
export const NT_MARK = "'__rll_nt_";

/** The fragment kinds a forwarded fragment of kind `nt` may begin (for the `can_begin_*` checks). */
const NT_TYPES = new Set(['ty', 'path']);
const NT_EXPRS = new Set(['expr', 'expr_2021', 'literal', 'path', 'block']);
const NT_PATTERNS = new Set(['pat', 'pat_param']);

/** Keywords used by the language (2018+), `true`/`false` included, as rustc's `is_used_keyword`. */
const USED_KEYWORDS = new Set([
  'as', 'break', 'const', 'continue', 'crate', 'else', 'enum', 'extern', 'false', 'fn', 'for', 'if', 'impl', 'in',
  'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'self', 'Self', 'static', 'struct', 'super',
  'trait', 'true', 'type', 'unsafe', 'use', 'where', 'while', 'async', 'await', 'dyn',
]);
/** Keywords reserved for future use (2018+): reserved identifiers too. */
const UNUSED_KEYWORDS = new Set(['abstract', 'become', 'box', 'do', 'final', 'macro', 'override', 'priv', 'typeof', 'unsized', 'virtual', 'yield', 'try']);
const PATH_SEGMENT_KEYWORDS = new Set(['super', 'self', 'Self', 'crate']);

/** A non-raw identifier with this exact text (rustc's `is_keyword`). */
export function isKeyword(t: Token | undefined, kw: string): boolean {
  return t !== undefined && t.kind === 'ident' && t.text === kw;
}

export function isPunct(t: Token | undefined, p: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === p;
}

export function isOpen(t: Token | undefined, delim?: '(' | '[' | '{'): boolean {
  return t !== undefined && t.kind === 'open' && (delim === undefined || t.text === delim);
}

/** Keywords of the 2018 edition on that are identifiers in 2015 (`dyn` is kept: `dyn Trait` parses in 2015 too). */
export const KEYWORDS_SINCE_2018: ReadonlySet<string> = new Set(['async', 'await', 'try']);

/** Keywords and `_`: identifiers that cannot name things unless written raw (`r#type`). */
export function isReservedIdent(t: Pick<Token, 'kind' | 'text' | 'e2015'> | undefined): boolean {
  if (t === undefined || t.kind !== 'ident') return false;
  if (t.e2015 && KEYWORDS_SINCE_2018.has(t.text)) return false;
  return t.text === '_' || USED_KEYWORDS.has(t.text) || UNUSED_KEYWORDS.has(t.text);
}

export function isPathSegmentKeyword(t: Pick<Token, 'kind' | 'text'> | undefined): boolean {
  return t !== undefined && t.kind === 'ident' && PATH_SEGMENT_KEYWORDS.has(t.text);
}

export function isBoolLit(t: Token | undefined): boolean {
  return isKeyword(t, 'true') || isKeyword(t, 'false');
}

/** rustc's `is_path_start`: `::`, `<` / `<<` (qualified path), `self`-like keywords, plain identifiers. */
export function isPathStart(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.kind === 'punct') return t.text === '::' || t.text === '<' || t.text === '<<';
  return t.kind === 'ident' && (isPathSegmentKeyword(t) || !isReservedIdent(t));
}

const EXPR_KEYWORDS = new Set([
  'async', 'do', 'box', 'break', 'const', 'continue', 'false', 'for', 'gen', 'if', 'let', 'loop', 'match', 'move',
  'return', 'true', 'try', 'unsafe', 'while', 'yield', 'safe', 'static',
]);
const EXPR_START_PUNCT = new Set(['!', '-', '*', '|', '||', '&', '&&', '..', '...', '..=', '<', '<<', '::', '#']);

/** rustc's `Token::can_begin_expr`. */
export function canBeginExpr(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.nt !== undefined) return NT_EXPRS.has(t.nt);
  switch (t.kind) {
    case 'ident':
      return !isReservedIdent(t) || isPathSegmentKeyword(t) || EXPR_KEYWORDS.has(t.text);
    case 'open':
    case 'literal':
    case 'lifetime':
      return true;
    case 'punct':
      return EXPR_START_PUNCT.has(t.text);
    case 'close':
      return false;
  }
}

const TYPE_KEYWORDS = new Set(['_', 'for', 'impl', 'fn', 'unsafe', 'extern', 'typeof', 'dyn']);
const TYPE_START_PUNCT = new Set(['!', '*', '&', '&&', '?', '<', '<<', '::']);

/** rustc's `Token::can_begin_type`. */
export function canBeginType(t: Token | undefined): boolean {
  if (t === undefined) return false;
  if (t.nt !== undefined) return NT_TYPES.has(t.nt);
  switch (t.kind) {
    case 'ident':
      return !isReservedIdent(t) || isPathSegmentKeyword(t) || TYPE_KEYWORDS.has(t.text);
    case 'open':
      return t.text === '(' || t.text === '[';
    case 'lifetime':
      return true;
    case 'punct':
      return TYPE_START_PUNCT.has(t.text);
    default:
      return false;
  }
}

const PATTERN_START_PUNCT = new Set(['&', '-', '&&', '..', '...', '::', '<', '<<']);

/** rustc's `Token::can_begin_pattern`; `withOr` allows a leading `|` (the 2021 `pat` fragment). */
export function canBeginPattern(t: Token | undefined, withOr: boolean): boolean {
  if (t === undefined) return false;
  if (t.nt !== undefined) return NT_PATTERNS.has(t.nt);
  switch (t.kind) {
    case 'ident':
    case 'literal':
      return true;
    case 'open':
      return t.text === '(' || t.text === '[';
    case 'punct':
      return PATTERN_START_PUNCT.has(t.text) || (withOr && t.text === '|');
    default:
      return false;
  }
}

/** rustc's `Token::can_begin_literal_maybe_minus`. */
export function canBeginLiteralMaybeMinus(t: Token | undefined): boolean {
  return t !== undefined && (t.nt !== undefined ? t.nt === 'literal' : t.kind === 'literal' || isPunct(t, '-') || isBoolLit(t));
}

/**
 * What a matcher of kind `kind` does with a forwarded fragment `t` (rustc's invisible group), as
 * measured with rustc 1.95 for every pair of kinds: `take` it (parse it as that kind), `skip` the
 * arm (the fragment cannot begin one), or `error` (it may begin one, but does not parse as one:
 * the expansion fails, no other arm is tried). `empty`: a `vis` matcher matches nothing before it.
 */
export function ntVerdict(kind: string, t: Token): 'take' | 'skip' | 'error' | 'empty' {
  const nt = t.nt === 'expr_2021' ? 'expr' : t.nt === 'pat_param' ? 'pat' : t.nt!;
  const k = kind === 'expr_2021' ? 'expr' : kind === 'pat_param' ? 'pat' : kind;
  if (k === 'tt') return 'take';
  if (k === 'ident' || k === 'lifetime') return 'skip';
  if (k === 'vis') return nt === 'vis' ? 'take' : 'empty';
  if (k === 'item') return nt === 'item' ? 'take' : 'error';
  const row = NT_VERDICTS[nt === 'literal' ? 'expr' : nt];
  if (!row) return 'error';
  if (k === 'literal') return (nt === 'expr' || nt === 'literal') && t.ntLiteral ? 'take' : 'skip';
  const v = row[k];
  if (v === 'path') return t.ntPath && !(k === 'meta' && t.ntArgs) ? 'take' : 'error';
  return v ?? 'error';
}

type NtRow = Readonly<Record<string, 'take' | 'skip' | 'error' | 'path'>>;
/** By forwarded kind, then matcher kind (see ntVerdict); `path`: taken if the type is a path (for `meta`, one without generic arguments), else an error. */
const NT_VERDICTS: Readonly<Record<string, NtRow>> = {
  expr: { expr: 'take', ty: 'skip', block: 'error', path: 'error', meta: 'error', pat: 'take', stmt: 'take' },
  path: { expr: 'take', ty: 'take', block: 'skip', path: 'take', meta: 'take', pat: 'take', stmt: 'take' },
  ty: { expr: 'skip', ty: 'take', block: 'skip', path: 'path', meta: 'path', pat: 'error', stmt: 'error' },
  pat: { expr: 'skip', ty: 'skip', block: 'skip', path: 'error', meta: 'error', pat: 'take', stmt: 'error' },
  block: { expr: 'take', ty: 'skip', block: 'take', path: 'skip', meta: 'skip', pat: 'skip', stmt: 'take' },
  stmt: { expr: 'skip', ty: 'skip', block: 'error', path: 'error', meta: 'error', pat: 'skip', stmt: 'take' },
  item: { expr: 'skip', ty: 'skip', block: 'skip', path: 'skip', meta: 'skip', pat: 'skip', stmt: 'take' },
  meta: { expr: 'skip', ty: 'skip', block: 'skip', path: 'error', meta: 'take', pat: 'error', stmt: 'error' },
  vis: { expr: 'skip', ty: 'skip', block: 'skip', path: 'skip', meta: 'skip', pat: 'skip', stmt: 'error' },
};

/** rustc's `Token::break_two_token_op(1)` restricted to the first-character splits the parser asks for. */
export function splitsAfterFirst(text: string, first: string): boolean {
  if (text.length < 2 || text[0] !== first) return false;
  switch (first) {
    case '<':
      return text === '<=' || text === '<<' || text === '<<=' || text === '<-';
    case '>':
      return text === '>=' || text === '>>' || text === '>>=';
    case '&':
      return text === '&&' || text === '&=';
    case '|':
      return text === '||' || text === '|=';
    case '+':
      return text === '+=';
    default:
      return false;
  }
}
