//! A position in a flat token array, as rustc's parser holds one: the index of the current token
//! plus how many leading characters of it were already taken, because the parser splits glued
//! punctuation when it needs one character of it (`>>` closing two generic lists, `&&T`).
//! Groups are stepped over whole; a closing delimiter (or the array's end) reads as end of input.

import { TooDeep } from './errors';
import { splitsAfterFirst, type Token } from './tokens';

const MAX_DEPTH = 400;

export interface Pos {
  readonly i: number;
  readonly cut: number;
}

export class Cursor {
  i: number;
  /** Characters of `toks[i]` already consumed (a split punctuation token). */
  cut = 0;
  private depth = 0;

  constructor(
    readonly toks: readonly Token[],
    start: number,
  ) {
    this.i = start;
  }

  get pos(): Pos {
    return { i: this.i, cut: this.cut };
  }

  /** The current token (the remainder of a split one), or undefined at a closing delimiter or the end. */
  get cur(): Token | undefined {
    const t = this.toks[this.i];
    if (t === undefined || t.kind === 'close') return undefined;
    return this.cut === 0 ? t : { kind: 'punct', text: t.text.slice(this.cut), start: t.start + this.cut, pair: -1 };
  }

  /** The token `k` token trees after the current one (groups count as one), ignoring any split. */
  ahead(k: number): Token | undefined {
    let i = this.i;
    for (let n = 0; n < k; n++) {
      const t = this.toks[i];
      if (t === undefined || t.kind === 'close') return undefined;
      i = t.kind === 'open' ? t.pair + 1 : i + 1;
    }
    const t = this.toks[i];
    return t === undefined || t.kind === 'close' ? undefined : t;
  }

  /** Steps over the current token, or the whole group it opens. */
  bump(): void {
    const t = this.toks[this.i];
    if (t === undefined || t.kind === 'close') return;
    this.i = t.kind === 'open' ? t.pair + 1 : this.i + 1;
    this.cut = 0;
  }

  /** Eats the punctuation `p` exactly. */
  eat(p: string): boolean {
    const t = this.cur;
    if (t?.kind !== 'punct' || t.text !== p) return false;
    this.bump();
    return true;
  }

  /** Eats `p` (one character), splitting it off a glued token as rustc's `break_and_eat` does. */
  eatSplit(p: '<' | '>' | '&' | '|' | '+'): boolean {
    const t = this.cur;
    if (t?.kind !== 'punct') return false;
    if (t.text === p) {
      this.bump();
      return true;
    }
    if (!splitsAfterFirst(t.text, p)) return false;
    this.cut += 1;
    return true;
  }

  eatKeyword(kw: string): boolean {
    const t = this.cur;
    if (t?.kind !== 'ident' || t.text !== kw) return false;
    this.bump();
    return true;
  }

  eatGroup(delim?: '(' | '[' | '{'): boolean {
    const t = this.cur;
    if (t?.kind !== 'open' || (delim !== undefined && t.text !== delim)) return false;
    this.bump();
    return true;
  }

  /** Runs `f` one level deeper; fragment parsers recurse through this so nesting stays bounded. */
  nest<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  /** The tokens from `from` to the cursor, split tokens cut to the part inside. */
  since(from: Pos): Token[] {
    const out: Token[] = [];
    const piece = (i: number, a: number, b: number): void => {
      const t = this.toks[i];
      out.push(a === 0 && b === t.text.length ? t : { kind: 'punct', text: t.text.slice(a, b), start: t.start + a, pair: -1 });
    };
    if (from.i === this.i) {
      if (this.cut > from.cut) piece(from.i, from.cut, this.cut);
      return out;
    }
    piece(from.i, from.cut, this.toks[from.i].text.length);
    for (let i = from.i + 1; i < this.i; i++) out.push(this.toks[i]);
    if (this.cut > 0) piece(this.i, 0, this.cut);
    return out;
  }
}
