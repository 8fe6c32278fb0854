//! A Rust lexer over text, after `rustc_lexer` and rustc's token-tree reader: identifiers (raw
//! too), lifetimes, every literal form with its suffix, punctuation glued as rustc glues joint
//! characters (`::`, `=>`, `..=`, `>>=`), delimiters paired into groups. Comments are skipped;
//! doc comments become the `#[doc = r"..."]` / `#![doc = r"..."]` tokens rustc matches them as.
//! Offsets are UTF-16 code units into the lexed text.

import { NT_MARK, type Token, type TokenKind } from './tokens';

export type LexResult = { readonly tokens: Token[] } | { readonly error: string };

/** Deeper delimiter nesting than this is refused (it would only exhaust the stack further on). */
export const MAX_NESTING = 256;

const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

function isIdStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || (c > '\x7f' && XID_START.test(c));
}

function isIdContinue(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || (c > '\x7f' && XID_CONTINUE.test(c));
}

/** Rust's `Pattern_White_Space`. */
function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\v' || c === '\f' || c === '\u0085' || c === '\u200e' || c === '\u200f' || c === '\u2028' || c === '\u2029';
}

const PUNCT_CHARS = ';,.@#~?:$=!<>-&|+*/^%';

/** rustc's `Token::glue`: the token that a glued token and the next joint character make. */
const GLUE: Readonly<Record<string, string>> = {
  '==': '==', '=>': '=>', '<=': '<=', '<<': '<<', '<-': '<-', '>=': '>=', '>>': '>>', '!=': '!=',
  '+=': '+=', '-=': '-=', '->': '->', '*=': '*=', '/=': '/=', '%=': '%=', '^=': '^=', '&=': '&=', '&&': '&&',
  '|=': '|=', '||': '||', '<<=': '<<=', '>>=': '>>=', '..': '..', '...': '...', '..=': '..=', '::': '::',
};

/** A token while the lexer still pairs its delimiters. */
type LexedToken = { -readonly [K in keyof Token]: Token[K] };

class Lexer {
  private i = 0;
  readonly tokens: LexedToken[] = [];

  constructor(private readonly s: string) {}

  /** The code point at `i` as a string ('' at the end). */
  private at(i: number): string {
    const c = this.s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) return String.fromCodePoint(this.s.codePointAt(i)!);
    return i < this.s.length ? this.s[i] : '';
  }

  private push(kind: TokenKind, start: number, end: number, text = this.s.slice(start, end), doc = false): void {
    this.tokens.push(doc ? { kind, text, start, pair: -1, doc } : { kind, text, start, pair: -1 });
  }

  run(): string | undefined {
    const s = this.s;
    while (this.i < s.length) {
      const c = this.at(this.i);
      const start = this.i;
      if (isWhitespace(c)) {
        this.i += c.length;
      } else if (c === '/' && s[this.i + 1] === '/') {
        this.lineComment();
      } else if (c === '/' && s[this.i + 1] === '*') {
        const err = this.blockComment();
        if (err) return err;
      } else if (c === '(' || c === '[' || c === '{') {
        this.push('open', start, ++this.i);
      } else if (c === ')' || c === ']' || c === '}') {
        this.push('close', start, ++this.i);
      } else if (c === "'") {
        const err = this.quote();
        if (err) return err;
      } else if (c === '"') {
        const err = this.quoted(this.i, this.i + 1, '"');
        if (err) return err;
      } else if (c >= '0' && c <= '9') {
        const err = this.number();
        if (err) return err;
      } else if (isIdStart(c)) {
        const err = this.identOrPrefixedLiteral();
        if (err) return err;
      } else if (PUNCT_CHARS.includes(c)) {
        this.punct();
      } else {
        return `unknown start of token: ${JSON.stringify(c)} at offset ${start}`;
      }
    }
    return undefined;
  }

  private punct(): void {
    const start = this.i;
    let text = this.s[this.i++];
    // Glue while the next character follows immediately (rustc's `Spacing::Joint`).
    while (this.i < this.s.length && PUNCT_CHARS.includes(this.s[this.i])) {
      const glued = GLUE[text + this.s[this.i]];
      if (glued === undefined) break;
      text = glued;
      this.i++;
    }
    this.push('punct', start, this.i, text);
  }

  private lineComment(): void {
    const start = this.i;
    let end = this.s.indexOf('\n', start);
    if (end < 0) end = this.s.length;
    this.i = end;
    const body = this.s.slice(start, end);
    if (body.startsWith('///') && !body.startsWith('////')) this.doc(start, false, body.slice(3));
    else if (body.startsWith('//!')) this.doc(start, true, body.slice(3));
  }

  private blockComment(): string | undefined {
    const start = this.i;
    let depth = 0;
    let j = start;
    const s = this.s;
    while (j < s.length) {
      if (s[j] === '/' && s[j + 1] === '*') {
        depth++;
        j += 2;
      } else if (s[j] === '*' && s[j + 1] === '/') {
        depth--;
        j += 2;
        if (depth === 0) break;
      } else {
        j++;
      }
    }
    if (depth !== 0) return `unterminated block comment at offset ${start}`;
    this.i = j;
    const body = s.slice(start, j);
    // `/**/` and `/***...` are ordinary comments; `/** x */` and `/*! x */` are doc comments.
    if (body.startsWith('/**') && !body.startsWith('/***') && body !== '/**/') this.doc(start, false, body.slice(3, -2));
    else if (body.startsWith('/*!')) this.doc(start, true, body.slice(3, -2));
    return undefined;
  }

  /** `#[doc = r"text"]` (or `#![...]`) with rustc's hash count, every token at the comment's offset. */
  private doc(at: number, inner: boolean, text: string): void {
    const data = text.replace(/\r$/, '');
    let hashes = 0;
    let count = 0;
    for (const ch of data) {
      count = ch === '"' ? 1 : ch === '#' && count > 0 ? count + 1 : 0;
      hashes = Math.max(hashes, count);
    }
    const h = '#'.repeat(hashes);
    const open = this.tokens.length + (inner ? 2 : 1);
    this.push('punct', at, at, '#', true);
    if (inner) this.push('punct', at, at, '!', true);
    this.tokens.push({ kind: 'open', text: '[', start: at, pair: open + 4, doc: true });
    this.push('ident', at, at, 'doc', true);
    this.push('punct', at, at, '=', true);
    this.push('literal', at, at, `r${h}"${data}"${h}`, true);
    this.tokens.push({ kind: 'close', text: ']', start: at, pair: open, doc: true });
  }

  /** After `'`: a lifetime (`'a`, `'r#a`) or a character literal, decided as `rustc_lexer` does. */
  private quote(): string | undefined {
    const s = this.s;
    const start = this.i;
    const first = this.at(start + 1);
    const second = this.at(start + 1 + first.length);
    const canBeLifetime = second !== "'" && first !== '' && (isIdStart(first) || (first >= '0' && first <= '9'));
    if (!canBeLifetime) return this.quoted(start, start + 1, "'");
    let j = start + 1;
    if (s[j] === 'r' && s[j + 1] === '#' && isIdStart(this.at(j + 2))) j += 2;
    while (j < s.length && isIdContinue(this.at(j))) j += this.at(j).length;
    if (s[j] === "'") return `invalid character literal at offset ${start}`;
    this.i = j;
    this.push('lifetime', start, j);
    return undefined;
  }

  /** A quoted literal (`'c'`, `"s"`, `b'x'`, `b"x"`, `c"x"`) from `start`, body at `bodyStart`. */
  private quoted(start: number, bodyStart: number, q: string): string | undefined {
    const s = this.s;
    let j = bodyStart;
    while (j < s.length && s[j] !== q) {
      if (s[j] === '\\') j++;
      j++;
    }
    if (j >= s.length) return `unterminated ${q === '"' ? 'string' : 'character'} literal at offset ${start}`;
    this.i = j + 1;
    this.suffix();
    this.push('literal', start, this.i);
    return undefined;
  }

  /** `r"..."`, `r#"..."#`, `br##"..."##`, `cr"..."`: `hashStart` is the index just after the `r`. */
  private rawString(start: number, hashStart: number): string | undefined {
    const s = this.s;
    let j = hashStart;
    while (s[j] === '#') j++;
    const hashes = j - hashStart;
    if (s[j] !== '"') return `invalid raw string literal at offset ${start}`;
    const close = '"' + '#'.repeat(hashes);
    const end = s.indexOf(close, j + 1);
    if (end < 0) return `unterminated raw string at offset ${start}`;
    this.i = end + close.length;
    this.suffix();
    this.push('literal', start, this.i);
    return undefined;
  }

  private suffix(): void {
    if (this.i < this.s.length && isIdStart(this.at(this.i))) {
      while (this.i < this.s.length && isIdContinue(this.at(this.i))) this.i += this.at(this.i).length;
    }
  }

  private identOrPrefixedLiteral(): string | undefined {
    const s = this.s;
    const start = this.i;
    const c = s[start];
    const n1 = s[start + 1];
    const n2 = s[start + 2];
    if (c === 'r' && (n1 === '"' || (n1 === '#' && (n2 === '"' || n2 === '#')))) return this.rawString(start, start + 1);
    if ((c === 'b' || c === 'c') && n1 === 'r' && (n2 === '"' || n2 === '#')) return this.rawString(start, start + 2);
    if (c === 'b' && n1 === "'") return this.quoted(start, start + 2, "'");
    if ((c === 'b' || c === 'c') && n1 === '"') return this.quoted(start, start + 2, '"');
    let j = start;
    if (c === 'r' && n1 === '#' && isIdStart(this.at(start + 2))) j += 2;
    while (j < s.length && isIdContinue(this.at(j))) j += this.at(j).length;
    this.i = j;
    this.push('ident', start, j);
    return undefined;
  }

  private digits(hex: boolean): void {
    const s = this.s;
    while (this.i < s.length) {
      const d = s[this.i];
      if ((d >= '0' && d <= '9') || d === '_' || (hex && ((d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F')))) this.i++;
      else break;
    }
  }

  private exponent(start: number): string | undefined {
    if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
    const before = this.i;
    this.digits(false);
    return /[0-9]/.test(this.s.slice(before, this.i)) ? undefined : `expected at least one digit in exponent at offset ${start}`;
  }

  /** `rustc_lexer::Cursor::number`, then the suffix. */
  private number(): string | undefined {
    const s = this.s;
    const start = this.i;
    const finish = (): undefined => {
      this.suffix();
      this.push('literal', start, this.i);
      return undefined;
    };
    this.i++;
    if (s[start] === '0' && (s[this.i] === 'b' || s[this.i] === 'o' || s[this.i] === 'x')) {
      this.i++;
      this.digits(s[this.i - 1] === 'x');
      return finish();
    }
    this.digits(false);
    const c = s[this.i];
    if (c === '.' && s[this.i + 1] !== '.' && !isIdStart(this.at(this.i + 1))) {
      this.i++;
      if (s[this.i] >= '0' && s[this.i] <= '9') {
        this.digits(false);
        if (s[this.i] === 'e' || s[this.i] === 'E') {
          this.i++;
          const err = this.exponent(start);
          if (err) return err;
        }
      }
      return finish();
    }
    if (c === 'e' || c === 'E') {
      this.i++;
      const err = this.exponent(start);
      if (err) return err;
    }
    return finish();
  }
}

/** Words that begin a type that is not a path. */
const NOT_PATH_TYPE_START = new Set(['dyn', 'impl', 'fn', 'unsafe', 'extern', 'for', '_']);

/**
 * `'__rll_nt_ty(` … `)` (NT_MARK, written by the transcriber around a forwarded fragment) as one
 * invisible group: the lifetime-like word and the `(` glued to it become one `open` token.
 * Doc comments' pre-paired brackets are renumbered.
 */
function mergeMarkers(tokens: LexedToken[]): LexedToken[] {
  let out: LexedToken[] | undefined;
  let moved: number[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    if (t.kind === 'lifetime' && t.text.startsWith(NT_MARK) && n?.kind === 'open' && n.text === '(' && n.start === t.start + t.text.length) {
      out ??= tokens.slice(0, i);
      moved ??= Array.from({ length: i }, (_, k) => k);
      moved[i] = moved[i + 1] = out.length;
      const nt = t.text.slice(NT_MARK.length);
      // What the group holds, where a matcher's choice depends on it (see ntVerdict).
      const a = tokens[i + 2];
      const b = tokens[i + 3];
      const literal = ((a?.kind === 'literal' || (a?.kind === 'ident' && (a.text === 'true' || a.text === 'false'))) && b?.kind === 'close') || (a?.kind === 'punct' && a.text === '-' && b?.kind === 'literal' && tokens[i + 4]?.kind === 'close');
      const path = nt === 'ty' && ((a?.kind === 'ident' && !NOT_PATH_TYPE_START.has(a.text)) || (a?.kind === 'punct' && a.text === '::'));
      let args = false;
      if (path) {
        for (let j = i + 2, depth = 0; j < tokens.length && depth >= 0 && !args; j++) {
          const x = tokens[j]!;
          if (x.kind === 'open') depth++;
          else if (x.kind === 'close') depth--;
          else if (x.kind === 'punct' && x.text.startsWith('<')) args = true;
        }
      }
      out.push({ kind: 'open', text: `${t.text}(`, start: t.start, pair: -1, nt, ...(literal ? { ntLiteral: true } : {}), ...(path ? { ntPath: true } : {}), ...(args ? { ntArgs: true } : {}) });
      i++;
    } else if (out && moved) {
      moved[i] = out.length;
      out.push(t);
    }
  }
  if (!out || !moved) return tokens;
  for (const t of out) if (t.doc && t.pair >= 0) t.pair = moved[t.pair]!;
  return out;
}

/** Pairs delimiters; fails on a stray, mismatched or unclosed one, or nesting past MAX_NESTING. */
function pairDelimiters(tokens: LexedToken[]): string | undefined {
  const stack: number[] = [];
  const closing: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'open') {
      if (t.doc) {
        i = t.pair; // a doc comment's brackets come paired
        continue;
      }
      stack.push(i);
      if (stack.length > MAX_NESTING) return `delimiters nested deeper than ${MAX_NESTING} at offset ${t.start}`;
    } else if (t.kind === 'close') {
      const o = stack.pop();
      if (o === undefined) return `unexpected closing delimiter \`${t.text}\` at offset ${t.start}`;
      if ((tokens[o].nt !== undefined ? ')' : closing[tokens[o].text]) !== t.text) return `mismatched closing delimiter \`${t.text}\` at offset ${t.start}`;
      tokens[o].pair = i;
      t.pair = o;
    }
  }
  const o = stack.pop();
  return o === undefined ? undefined : `unclosed delimiter \`${tokens[o].text}\` at offset ${tokens[o].start}`;
}

/** Lexes `text` into flat token trees (delimiters paired). */
export function lex(text: string): LexResult {
  const lexer = new Lexer(text);
  const error = lexer.run();
  if (error) return { error };
  const tokens = text.includes(NT_MARK) ? mergeMarkers(lexer.tokens) : lexer.tokens;
  const unpaired = pairDelimiters(tokens);
  return unpaired ? { error: unpaired } : { tokens };
}

/**
 * `text` with the forwarded-fragment markers (NT_MARK) blanked out, each character by a space so
 * that offsets stay: for what reads a call's input without the macro matcher (cfg_if!, bitflags!),
 * where a forwarded fragment is plain tokens. An expression keeps its parentheses.
 */
export function blankMarkers(text: string): string {
  if (!text.includes(NT_MARK)) return text;
  const r = lex(text);
  if ('error' in r) return text;
  const chars = text.split('');
  for (const t of r.tokens) {
    if (t.nt === undefined) continue;
    const keepParens = t.nt === 'expr' || t.nt === 'expr_2021';
    const end = t.start + t.text.length - (keepParens ? 1 : 0);
    for (let k = t.start; k < end; k++) chars[k] = ' ';
    if (!keepParens) chars[r.tokens[t.pair]!.start] = ' ';
  }
  return chars.join('');
}
