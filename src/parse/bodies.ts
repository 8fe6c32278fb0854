/**
 * Function bodies blanked out before a dependency's file is parsed.
 *
 * A layout never reads a function body: the extractor stops at a function's signature (see
 * `visitChild` in ./extract.ts), and items written inside a body are local to it. Yet bodies are
 * most of a crate's text, and tree-sitter's time grows with the tokens it reads. In a crate whose
 * sources never change (a registry, vendored or git dependency), each body's inside is replaced by
 * spaces before the parse: same length and same line breaks, so every offset and line of the
 * model stays what it was. An inline `#[cfg(test)] mod` is blanked the same way (a dependency is
 * never built for its tests).
 *
 * What is left alone, so that nothing the engine reads can change:
 * - a `const fn`'s body (the constant evaluator reads it: `[u8; twice(N)]`);
 * - a body with the word `impl` in it (an impl written in a function holds for the whole crate);
 * - `macro_rules!` definitions and every macro call's input (a macro may read a body's tokens);
 * - a brace group inside a signature (`-> Foo<{ N }>`, `where [(); { N }]:`), told from a body by
 *   the token before it;
 * - any text the scanner does not understand: it then gives the text back unchanged from there.
 */

export interface BlankOptions {
  /**
   * Blank inline `#[cfg(test)]` modules too (the default): right for a dependency, never built
   * for its tests; not for a crate that may be (the workspace's own), whose test modules' items
   * are then kept and only their function bodies blanked.
   */
  readonly testModules?: boolean;
}

/**
 * `text` with the inside of every function body (and inline `#[cfg(test)]` module, unless
 * `testModules` is false) replaced by spaces, line breaks kept; `text` itself when there is
 * nothing to blank.
 */
export function blankFunctionBodies(text: string, options: BlankOptions = {}): string {
  const s = new Scanner(text, options.testModules !== false);
  s.run();
  if (s.blanks.length === 0) return text;
  let out = '';
  let at = 0;
  for (let i = 0; i < s.blanks.length; i += 2) {
    const a = s.blanks[i]!;
    const b = s.blanks[i + 1]!;
    out += text.slice(at, a) + blank(text, a, b);
    at = b;
  }
  return out + text.slice(at);
}

/** Spaces for `text[a, b)`, its line breaks kept. */
function blank(text: string, a: number, b: number): string {
  let out = '';
  let from = a;
  for (let i = text.indexOf('\n', a); i >= 0 && i < b; i = text.indexOf('\n', i + 1)) {
    const cr = i > from && text.charCodeAt(i - 1) === 13 ? 1 : 0;
    out += ' '.repeat(i - from - cr) + (cr ? '\r\n' : '\n');
    from = i + 1;
  }
  return out + ' '.repeat(b - from);
}

/** Whether `text[at - 1]` ends a raw literal's prefix (`r`, `br`, `cr`) that starts a token. */
function rawPrefixEndsAt(text: string, at: number): boolean {
  if (text.charCodeAt(at - 1) !== 114) return false; // r
  const b = text.charCodeAt(at - 2);
  if (!isIdentChar(b)) return true;
  return (b === 98 || b === 99) && !isIdentChar(text.charCodeAt(at - 3)); // br cr
}

/** At `#`: whether hashes then a `"` follow (a raw string, not a raw identifier). */
function rawHashesThenQuote(text: string, at: number): boolean {
  let i = at;
  while (text.charCodeAt(i) === 35) i++;
  return text.charCodeAt(i) === 34;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** Keywords that end a function's signature if met before its body: the scan went wrong. */
const NOT_IN_SIGNATURE = new Set(['struct', 'enum', 'union', 'mod', 'trait', 'pub', 'static', 'let', 'macro_rules']);

/** The scanner gave up (text it does not understand): nothing after this point is blanked. */
const GIVE_UP = Symbol('give up');
/** The text before a `fn` keyword that makes it a `const fn` (`const unsafe extern "C" fn`). */
const CONST_BEFORE_FN = /\bconst\s+(?:unsafe\s+)?(?:extern\s*(?:"[^"]*"\s*)?)?$/;

class Scanner {
  /** Pairs of offsets [start, end) to blank, in order. */
  readonly blanks: number[] = [];
  private i = 0;
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly testModules: boolean,
  ) {
    this.n = text.length;
  }

  run(): void {
    try {
      this.items();
    } catch (e) {
      if (e !== GIVE_UP) throw e;
    }
  }

  /** Reads the text's tokens to its end, blanking the function bodies met on the way. */
  private items(): void {
    const t = this.text;
    const open: number[] = [];
    while (true) {
      const c = this.skipTrivia();
      if (c < 0) {
        if (open.length) throw GIVE_UP;
        return;
      }
      if (c === 40 || c === 91 || c === 123) {
        // ( [ {
        open.push(c === 40 ? 41 : c === 91 ? 93 : 125);
        this.i++;
        continue;
      }
      if (c === 41 || c === 93 || c === 125) {
        if (open.pop() !== c) throw GIVE_UP;
        this.i++;
        continue;
      }
      if (c === 35 && this.testModules && t.charCodeAt(this.i + 1) === 91 && this.cfgTestModule()) continue; // #[cfg(test)] mod x { … }
      if (isIdentStart(c)) {
        // A word, with the literal or raw identifier it may begin (`r"…"`, `b'…'`, `r#fn`).
        const start = this.i;
        this.literalAfterWord();
        // `name!`: a macro call or `macro_rules!`; its input is left as written.
        if (t.charCodeAt(this.i) === 33 && this.macroCall()) continue;
        if (this.i - start === 2 && t.startsWith('fn', start)) this.fnItem(CONST_BEFORE_FN.test(t.slice(Math.max(0, start - 48), start)));
        continue;
      }
      if (c === 34) {
        this.string();
        continue;
      }
      if (c === 39) {
        this.charOrLifetime();
        continue;
      }
      this.i++;
    }
  }

  /** Skips whitespace and comments; the next character, or -1 at the end. */
  private skipTrivia(): number {
    const t = this.text;
    while (this.i < this.n) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 9 || c === 13) {
        this.i++;
        continue;
      }
      if (c === 47) {
        const d = t.charCodeAt(this.i + 1);
        if (d === 47) {
          const nl = t.indexOf('\n', this.i);
          this.i = nl < 0 ? this.n : nl + 1;
          continue;
        }
        if (d === 42) {
          this.blockComment();
          continue;
        }
      }
      if (c === 0xfeff || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029) {
        this.i++;
        continue;
      }
      return c;
    }
    return -1;
  }

  private blockComment(): void {
    const t = this.text;
    let depth = 0;
    while (this.i < this.n) {
      const c = t.charCodeAt(this.i);
      const d = t.charCodeAt(this.i + 1);
      if (c === 47 && d === 42) {
        depth++;
        this.i += 2;
      } else if (c === 42 && d === 47) {
        depth--;
        this.i += 2;
        if (depth === 0) return;
      } else this.i++;
    }
    throw GIVE_UP;
  }

  private ident(): string {
    const t = this.text;
    const start = this.i;
    while (this.i < this.n && isIdentChar(t.charCodeAt(this.i))) this.i++;
    return t.slice(start, this.i);
  }

  /** At `"`: past the closing quote. */
  private string(): void {
    const t = this.text;
    this.i++;
    while (this.i < this.n) {
      const c = t.charCodeAt(this.i);
      if (c === 92) this.i += 2;
      else if (c === 34) {
        this.i++;
        return;
      } else this.i++;
    }
    throw GIVE_UP;
  }

  /** After `r`/`br`/`cr`, at `#`* `"`: past the closing `"` and as many `#`. */
  private rawString(): void {
    const t = this.text;
    let hashes = 0;
    while (t.charCodeAt(this.i) === 35) {
      hashes++;
      this.i++;
    }
    if (t.charCodeAt(this.i) !== 34) throw GIVE_UP;
    const end = '"' + '#'.repeat(hashes);
    const k = t.indexOf(end, this.i + 1);
    if (k < 0) throw GIVE_UP;
    this.i = k + end.length;
  }

  /** At `'`: a character literal or a lifetime (label). */
  private charOrLifetime(): void {
    const t = this.text;
    const c = t.charCodeAt(this.i + 1);
    if (c === 92) {
      // '\n', '\'', '\u{..}'
      const k = t.indexOf("'", this.i + 3);
      if (k < 0) throw GIVE_UP;
      this.i = k + 1;
      return;
    }
    // One character (a surrogate pair is one) and a closing quote: a literal.
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    if (t.charCodeAt(this.i + 1 + width) === 39) {
      this.i += 2 + width;
      return;
    }
    // A lifetime: the quote, then its name.
    this.i++;
    while (this.i < this.n && isIdentChar(t.charCodeAt(this.i))) this.i++;
  }

  /**
   * At `!` after a name: a macro call `name!(…)`, `name![…]`, `name!{…}` or
   * `macro_rules! name {…}`, whose input is skipped unchanged. False when it is not one (`!=`).
   */
  private macroCall(): boolean {
    const save = this.i;
    this.i++; // !
    let c = this.skipTrivia();
    if (isIdentStart(c)) {
      // macro_rules! name { … } (the name may be raw: `macro_rules! r#impl`)
      this.literalAfterWord();
      c = this.skipTrivia();
    }
    if (c !== 40 && c !== 91 && c !== 123) {
      this.i = save;
      return false;
    }
    this.skipGroup();
    return true;
  }

  /**
   * At a word: past it, and past the literal it begins (`r"…"`, `r#"…"#`,
   * `b"…"`, `b'…'`, `c"…"`, `br"…"`, `cr"…"`) or the raw identifier (`r#type`). No string is made
   * of the word: this runs over every word outside the bodies.
   */
  private literalAfterWord(): void {
    const t = this.text;
    const start = this.i;
    const c0 = t.charCodeAt(start);
    while (this.i < this.n && isIdentChar(t.charCodeAt(this.i))) this.i++;
    const len = this.i - start;
    if (len > 2) return;
    const next = t.charCodeAt(this.i);
    if (next !== 34 && next !== 35 && next !== 39) return;
    const c1 = len === 2 ? t.charCodeAt(start + 1) : -1;
    const raw = (len === 1 && c0 === 114) || (len === 2 && (c0 === 98 || c0 === 99) && c1 === 114); // r br cr
    const plain = len === 1 && (c0 === 98 || c0 === 99); // b c
    if (raw && next === 35 && isIdentStart(t.charCodeAt(this.i + 1))) {
      this.i++;
      while (this.i < this.n && isIdentChar(t.charCodeAt(this.i))) this.i++;
    } else if (raw && (next === 35 || next === 34)) this.rawString();
    else if (plain && next === 34) this.string();
    else if (len === 1 && c0 === 98 && next === 39) this.charOrLifetime();
  }

  /**
   * At an opening delimiter (or trivia before one): past its matching close, blanking nothing
   * inside. This loop reads every character of every body, so it looks at one character at a
   * time and makes no strings.
   */
  private skipGroup(): void {
    const t = this.text;
    const n = this.n;
    let i = this.i;
    let depth = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 40 || c === 91 || c === 123) {
        depth++;
        i++;
      } else if (c === 41 || c === 93 || c === 125) {
        i++;
        if (--depth <= 0) {
          this.i = i;
          return;
        }
      } else if (c === 47) {
        const d = t.charCodeAt(i + 1);
        if (d === 47) {
          const nl = t.indexOf('\n', i);
          i = nl < 0 ? n : nl + 1;
        } else if (d === 42) {
          this.i = i;
          this.blockComment();
          i = this.i;
        } else i++;
      } else if (c === 34 || c === 35) {
        // `"`, or `#` of `r#"…"#` (else of a raw identifier `r#type`, read as it comes)
        if (rawPrefixEndsAt(t, i) && (c === 34 || rawHashesThenQuote(t, i))) {
          this.i = i;
          this.rawString();
          i = this.i;
        } else if (c === 34) {
          i++;
          while (i < n) {
            const d = t.charCodeAt(i);
            if (d === 92) i += 2;
            else if (d === 34) break;
            else i++;
          }
          if (i >= n) throw GIVE_UP;
          i++;
        } else i++;
      } else if (c === 39) {
        this.i = i;
        this.charOrLifetime();
        i = this.i;
      } else i++;
    }
    throw GIVE_UP;
  }

  /**
   * After the `fn` keyword: when a name follows, finds the body's opening brace (or the `;` of
   * a declaration) and blanks the body's inside. A `fn(…)` pointer type is left as it is.
   */
  private fnItem(keepBody: boolean): void {
    const t = this.text;
    const c = this.skipTrivia();
    if (!isIdentStart(c)) return;
    this.ident();
    // Parentheses and brackets, and angle brackets (a signature has no comparison outside a
    // brace group, and `->` is told apart).
    let depth = 0;
    let angle = 0;
    while (true) {
      const d = this.skipTrivia();
      if (d < 0) throw GIVE_UP;
      if (d === 40 || d === 91) {
        depth++;
        this.i++;
      } else if (d === 41 || d === 93) {
        if (depth === 0) throw GIVE_UP; // not a function item after all
        depth--;
        this.i++;
      } else if (d === 60) {
        angle++;
        this.i++;
      } else if (d === 62) {
        if (t.charCodeAt(this.i - 1) !== 45) angle = Math.max(0, angle - 1);
        this.i++;
      } else if (d === 59) {
        this.i++;
        if (depth === 0) return; // a declaration without a body
      } else if (d === 125) {
        throw GIVE_UP; // the end of an enclosing block: not what it seemed
      } else if (d === 123) {
        if (depth > 0 || angle > 0) {
          // A brace group inside the signature (a const argument).
          this.skipGroup();
          continue;
        }
        const open = this.i;
        this.skipGroup();
        const close = this.i - 1;
        // A body with an impl in it is kept: the impl holds for the whole crate.
        if (close > open + 1 && !keepBody && !/\bimpl\b/.test(t.slice(open + 1, close))) this.blanks.push(open + 1, close);
        return;
      } else if (d === 34) this.string();
      else if (d === 39) this.charOrLifetime();
      else if (isIdentStart(d)) {
        const w = this.i;
        this.literalAfterWord();
        // A word no signature holds: the scanner has lost its way.
        if (depth === 0 && angle === 0 && NOT_IN_SIGNATURE.has(t.slice(w, this.i))) throw GIVE_UP;
        // A macro in the signature (`-> ty!(..)`): skipped as written.
        if (t.charCodeAt(this.i) === 33 && t.charCodeAt(this.i + 1) !== 61) this.macroCall();
      } else this.i++;
    }
  }

  /**
   * At `#[`: reads the outer attributes here; when one is `#[cfg(test)]` and an inline module
   * follows (`mod name {`), blanks the module's inside. False when the text is not that (the
   * scanner then goes on from `#` as usual).
   */
  private cfgTestModule(): boolean {
    const t = this.text;
    const save = this.i;
    let test = false;
    while (t.charCodeAt(this.i) === 35 && t.charCodeAt(this.i + 1) === 91) {
      const a = this.i;
      this.i++; // #
      this.skipGroup();
      if (t.slice(a, this.i).replace(/\s+/g, '') === '#[cfg(test)]') test = true;
      if (this.skipTrivia() < 0) break;
    }
    if (!test) {
      this.i = save;
      return false;
    }
    const at = this.i;
    let c = this.skipTrivia();
    if (isIdentStart(c) && t.startsWith('pub', this.i)) {
      this.ident();
      c = this.skipTrivia();
      if (c === 40) {
        this.skipGroup();
        c = this.skipTrivia();
      }
    }
    if (!(isIdentStart(c) && this.ident() === 'mod')) {
      this.i = at;
      return true; // the attributes are read; what follows is scanned as usual
    }
    c = this.skipTrivia();
    if (!isIdentStart(c)) {
      this.i = at;
      return true;
    }
    this.ident();
    c = this.skipTrivia();
    if (c !== 123) {
      this.i = at;
      return true;
    }
    const open = this.i;
    this.skipGroup();
    const close = this.i - 1;
    if (close > open + 1) this.blanks.push(open + 1, close);
    return true;
  }
}
