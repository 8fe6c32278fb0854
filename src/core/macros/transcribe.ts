//! Transcription (rustc's `mbe::transcribe`): the transcriber's tokens with `$var`s replaced by
//! their fragments, `$( .. ) sep op` repeated as often as the variables inside it were matched
//! (all of them the same number of times), `$crate` replaced. An `expr` fragment that is more
//! than one token tree is written inside parentheses, where rustc keeps it one invisible group
//! (so `$e * 2` with `$e = 1 + 1` still means 4).

import type { Emitter } from './emit';
import { ExpandError } from './errors';
import type { Fragment, NamedMatch } from './matcher';
import type { TranscriberNode } from './rules';
import { NT_MARK, type Token } from './tokens';

/** How an empty `vis` fragment is written out: private, as no visibility is (see Transcriber.fragment). */
export const EMPTY_VIS = 'pub(in self)';

export class TranscribeError extends ExpandError {}

/** rustc's `LockstepIterSize`. */
type Lockstep = { readonly t: 'free' } | { readonly t: 'len'; readonly n: number; readonly name: string } | { readonly t: 'clash'; readonly msg: string };

function combine(a: Lockstep, b: Lockstep): Lockstep {
  if (a.t === 'free' || b.t === 'clash') return b;
  if (b.t === 'free' || a.t === 'clash') return a;
  if (a.n === b.n) return a;
  return { t: 'clash', msg: `meta-variable \`${a.name}\` repeats ${a.n} times, but \`${b.name}\` repeats ${b.n} times` };
}

/** A fragment that reads as a single operand without parentheses: one token tree, a path, a call. */
function isAtomic(toks: readonly Token[]): boolean {
  // Split the fragment into its top-level token trees.
  const trees: Token[] = [];
  let depth = 0;
  for (const t of toks) {
    if (depth === 0) trees.push(t);
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth--;
  }
  if (trees.length <= 1) return true;
  let i = trees[0].kind === 'punct' && trees[0].text === '::' ? 1 : 0;
  if (trees[i]?.kind !== 'ident') return false;
  for (i++; i + 1 < trees.length && trees[i].text === '::' && trees[i + 1].kind === 'ident'; i += 2);
  if (i < trees.length && trees[i].kind === 'punct' && trees[i].text === '!') i++; // macro call
  if (i < trees.length && trees[i].kind === 'open' && (trees[i].text === '(' || trees[i - 1].text === '!')) i++; // call
  return i === trees.length;
}

/** Fragments rustc passes on to another macro as written tokens (the rest stay opaque there). */
const TRANSPARENT_KINDS: ReadonlySet<string> = new Set(['ident', 'lifetime', 'tt']);

/** The index of the `close` token matching the `open` token at `i` of a token slice. */
function closeOf(toks: readonly Token[], i: number): number {
  let depth = 0;
  for (let k = i; k < toks.length; k++) {
    if (toks[k]!.kind === 'open') depth++;
    else if (toks[k]!.kind === 'close' && --depth === 0) return k;
  }
  return toks.length;
}

export class Transcriber {
  /** How many macro-call groups (`m!( .. )`) the output is inside: fragments there are forwarded. */
  private calls = 0;
  /** Whether the last two tokens written are `ident !` (a group after them is a macro call's input). */
  private afterBang = false;
  private lastIdent = false;

  constructor(
    private readonly bindings: ReadonlyMap<string, NamedMatch>,
    private readonly dollarCrate: string,
    private readonly out: Emitter,
  ) {}

  private emit(text: string, kind: Token['kind'], origin?: number): void {
    this.out.push(text, kind, origin);
    this.afterBang = this.lastIdent && kind === 'punct' && text === '!';
    this.lastIdent = kind === 'ident';
  }

  /** rustc's `lookup_cur_matched`: the binding at the current repetition indices. */
  private lookup(name: string, repeats: readonly number[]): NamedMatch | undefined {
    let m = this.bindings.get(name);
    for (const i of repeats) {
      if (!Array.isArray(m)) break;
      m = m[i];
    }
    return m;
  }

  private lockstep(nodes: readonly TranscriberNode[], repeats: readonly number[]): Lockstep {
    let size: Lockstep = { t: 'free' };
    for (const n of nodes) {
      if (n.t === 'var') {
        const m = this.lookup(n.name, repeats);
        if (Array.isArray(m)) size = combine(size, { t: 'len', n: m.length, name: n.name });
      } else if (n.t === 'group' || n.t === 'seq') {
        size = combine(size, this.lockstep(n.body, repeats));
      }
    }
    return size;
  }

  /**
   * A fragment's tokens. Inside a macro call's input (`inner!($t)`), a fragment other than an
   * ident, lifetime or tt is forwarded as one opaque piece (NT_MARK), as rustc forwards it: the
   * called macro's literal tokens cannot match it, only a fragment of its kind (or a tt). Elsewhere
   * it is written out, a forwarded piece inside it as the fragment it was.
   */
  private fragment(f: Fragment): void {
    if (this.calls > 0) {
      const whole = f.toks[0]?.nt !== undefined && closeOf(f.toks, 0) === f.toks.length - 1;
      if (whole || TRANSPARENT_KINDS.has(f.kind)) this.tokens(f.toks, true);
      else {
        this.emit(`${NT_MARK}${f.kind}(`, 'open');
        this.tokens(f.toks, true);
        this.emit(')', 'close');
      }
      return;
    }
    if (f.toks[0]?.nt !== undefined && closeOf(f.toks, 0) === f.toks.length - 1) {
      // A forwarded piece matched whole (by `$t:ty`, or a tt): the fragment it was.
      this.fragment({ kind: f.toks[0].nt as Fragment['kind'], toks: f.toks.slice(1, -1) });
      return;
    }
    this.written(f);
  }

  /** Tokens written out; a forwarded piece among them kept as one (`keep`) or written as the fragment it was. */
  private tokens(toks: readonly Token[], keep: boolean): void {
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.nt === undefined) {
        this.emit(t.text, t.kind, t.start);
        continue;
      }
      const end = closeOf(toks, i);
      const inner = toks.slice(i + 1, end);
      if (keep) {
        this.emit(t.text, 'open');
        this.tokens(inner, true);
        this.emit(')', 'close');
      } else this.fragment({ kind: t.nt as Fragment['kind'], toks: inner });
      i = end;
    }
  }

  private written(f: Fragment): void {
    if (f.kind === 'vis' && f.toks.length === 0) {
      // rustc keeps an empty `$v:vis` as an (empty) invisible group, which a `$w:vis` of the next
      // macro matches even where nothing else may follow, as before a closing delimiter
      // (pin-project-lite passes a private struct's visibility on as `[$vis .. $vis]`). As text,
      // the visibility that means the same, is matched alike and that nobody writes: EMPTY_VIS.
      this.emit('pub', 'ident');
      this.emit('(', 'open');
      this.emit('in', 'ident');
      this.emit('self', 'ident');
      this.emit(')', 'close');
      return;
    }
    // rustc keeps a fragment one piece (an invisible group): as text, an expression in
    // parentheses, and a type with a top-level `+` too (`&'static $t` with `dyn Tr + Send` is
    // `&'static (dyn Tr + Send)`, not a reference to `dyn Tr` plus `Send`).
    const wrap =
      ((f.kind === 'expr' || f.kind === 'expr_2021') && !isAtomic(f.toks)) ||
      (f.kind === 'ty' && hasTopLevelPlus(f.toks)) ||
      // `$l:literal` matched from `-2i32`: `$l.pow(2)` is `(-2i32).pow(2)`.
      (f.kind === 'literal' && f.toks.length > 1 && f.toks[0]!.text === '-');
    if (wrap) this.emit('(', 'open');
    this.tokens(f.toks, false);
    if (wrap) this.emit(')', 'close');
  }

  run(nodes: readonly TranscriberNode[], repeats: readonly number[] = []): void {
    for (const n of nodes) {
      switch (n.t) {
        case 'token':
          this.emit(n.tok.text, n.tok.kind);
          break;
        case 'group': {
          const call = this.afterBang;
          this.emit(n.open.text, 'open');
          if (call) this.calls++;
          this.run(n.body, repeats);
          if (call) this.calls--;
          this.emit(n.close.text, 'close');
          break;
        }
        case 'crate':
          this.emit(this.dollarCrate, 'ident');
          break;
        case 'var': {
          const m = this.lookup(n.name, repeats);
          if (m === undefined) {
            // Not a metavariable of this rule: rustc leaves `$name` in the output.
            this.emit('$', 'punct');
            this.emit(n.ident.text, 'ident');
          } else if (Array.isArray(m)) {
            throw new TranscribeError(`variable \`${n.name}\` is still repeating at this depth`);
          } else {
            this.fragment(m);
          }
          break;
        }
        case 'seq': {
          const size = this.lockstep(n.body, repeats);
          if (size.t === 'free') throw new TranscribeError('attempted to repeat an expression containing no syntax variables matched as repeating at this depth');
          if (size.t === 'clash') throw new TranscribeError(size.msg);
          if (size.n === 0 && n.op === '+') throw new TranscribeError(`this must repeat at least once (\`${size.name}\` matched nothing)`);
          for (let k = 0; k < size.n; k++) {
            if (k > 0 && n.sep) this.emit(n.sep.text, n.sep.kind);
            this.run(n.body, [...repeats, k]);
          }
          break;
        }
      }
    }
  }
}

/** Whether a type's tokens have a `+` outside every bracket and generic argument list (`dyn A + B`). */
function hasTopLevelPlus(toks: readonly { readonly text: string; readonly kind: string }[]): boolean {
  let depth = 0;
  for (const t of toks) {
    if (t.kind === 'open' || t.text === '<') depth++;
    else if (t.kind === 'close' || t.text === '>') depth--;
    else if (t.text === '>>') depth -= 2;
    else if (t.text === '+' && depth === 0) return true;
  }
  return false;
}
