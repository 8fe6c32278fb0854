//! Writing output tokens as Rust source text: one space between tokens except where leaving it
//! out cannot change how the text lexes (`Vec<u8>`, `a::b`, `f(x)`, `#[doc]`, `x, y;`), each
//! token's place recorded when it came from the invocation's input, and a hard size limit.

import { TooLarge } from './errors';
import { isPathSegmentKeyword, isReservedIdent, type TokenKind } from './tokens';

export interface Origin {
  readonly outStart: number;
  readonly outEnd: number;
  readonly inStart: number;
}

export interface Limits {
  /** Output length in UTF-16 code units. */
  readonly maxChars: number;
  readonly maxTokens: number;
}

export const DEFAULT_LIMITS: Limits = { maxChars: 1_000_000, maxTokens: 200_000 };

interface Written {
  readonly text: string;
  readonly kind: TokenKind;
}

/** A word that may touch `::`, `.`, `!`, `:`, `?`, `<` or `>` after it: `a::b`, `x.y`, `m!`, `T>`. */
function isWordLike(t: Written): boolean {
  return t.kind === 'ident' || t.kind === 'lifetime' || t.kind === 'close';
}

/** A keyword before `::` or `(` keeps its space (`use ::x`, `*mut ::T`, `let (a, b)`), but `pub(crate)`, `fn(u8)`. */
function isSpacedKeyword(t: Written): boolean {
  return isReservedIdent(t) && !isPathSegmentKeyword(t);
}

const TIGHT_AFTER_WORD = new Set(['::', '.', '!', ':', '?', '<', '>', '>>']);
const TIGHT_BEFORE_WORD = new Set(['::', '.', '&', '<', '$', '@']);

/** Whether `b` can follow `a` with no space between them and both still lex as they are. */
function tight(a: Written, b: Written): boolean {
  if ((a.kind === 'open' && a.text !== '{') || (b.kind === 'close' && b.text !== '}')) return true;
  if (b.kind === 'punct' && (b.text === ',' || b.text === ';')) return true;
  if (isWordLike(a) && b.kind === 'punct' && TIGHT_AFTER_WORD.has(b.text)) return !(b.text === '::' && isSpacedKeyword(a));
  if (a.kind === 'ident' && b.kind === 'open' && b.text === '(') return !isSpacedKeyword(a) || a.text === 'pub' || a.text === 'fn';
  if (a.kind === 'punct' && TIGHT_BEFORE_WORD.has(a.text) && (b.kind === 'ident' || b.kind === 'lifetime')) return true;
  if (a.kind === 'punct' && a.text === '#' && ((b.kind === 'open' && b.text === '[') || (b.kind === 'punct' && b.text === '!'))) return true;
  if (a.kind === 'punct' && a.text === '!' && b.kind === 'open') return b.text !== '{';
  if (a.kind === 'punct' && a.text === '-' && b.kind === 'literal') return true;
  if (a.kind === 'punct' && a.text === '?' && b.kind === 'punct' && b.text === '.') return true;
  return a.kind === 'punct' && ((a.text === '::' && b.text === '<') || (a.text === '>' && b.text === '::'));
}

export class Emitter {
  private out = '';
  private count = 0;
  private last: Written | undefined;
  readonly origins: Origin[] = [];

  constructor(private readonly limits: Limits) {}

  /** Appends a token; `origin` is its offset in the invocation input, if it came from there. */
  push(text: string, kind: TokenKind, origin?: number): void {
    const t = { text, kind };
    if (this.last && !tight(this.last, t)) this.out += ' ';
    if (origin !== undefined) this.origins.push({ outStart: this.out.length, outEnd: this.out.length + text.length, inStart: origin });
    this.out += text;
    this.last = t;
    if (++this.count > this.limits.maxTokens) throw new TooLarge(`expansion exceeds ${this.limits.maxTokens} tokens`);
    if (this.out.length > this.limits.maxChars) throw new TooLarge(`expansion exceeds ${this.limits.maxChars} characters`);
  }

  /** Starts a new line (between items of a builtin's output, for readability). */
  newline(): void {
    if (this.last === undefined) return;
    this.out += '\n';
    this.last = undefined;
  }

  get text(): string {
    return this.out;
  }
}
