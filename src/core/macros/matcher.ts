//! Matching one rule's matcher against an invocation's tokens: rustc's NFA matcher
//! (`mbe::macro_parser::TtParser`). All matcher positions advance together over the input; a
//! fragment is parsed only when exactly one position wants one and no position wants a literal
//! token (otherwise rustc reports a local ambiguity), and once parsed it is never backtracked.
//! Bindings are recorded as a shared event list per position and built at the end.

import { Cursor } from './cursor';
import { TooDeep } from './errors';
import { mayBegin, parseFragment, type FragmentKind } from './fragments';
import type { MatcherLoc, Rule } from './rules';
import type { Token } from './tokens';

/** What one `$x:kind` captured: the tokens, split tokens cut to their captured part. */
export interface Fragment {
  readonly kind: FragmentKind;
  readonly toks: readonly Token[];
}

/** A variable's binding: a fragment, or one entry per repetition (nested per depth). */
export type NamedMatch = Fragment | NamedMatch[];

export type MatchResult =
  | { readonly t: 'ok'; readonly bindings: ReadonlyMap<string, NamedMatch> }
  /** The rule does not apply; `at` is the index of the input token it stopped at (tokens.length at the end). */
  | { readonly t: 'fail'; readonly at: number }
  /** A hard error: rustc stops here rather than trying the next rule. */
  | { readonly t: 'error'; readonly error: string };

/** Matching work (positions processed) allowed per rule before giving up. */
const MATCH_BUDGET = 2_000_000;

interface Event {
  readonly v: number;
  readonly depth: number;
  /** `null` opens a new (empty) repetition list. */
  readonly value: Fragment | null;
  readonly prev: Event | undefined;
}

interface Thread {
  readonly idx: number;
  readonly events: Event | undefined;
}

function sameToken(a: Token, b: Token): boolean {
  return a.kind === b.kind && a.text === b.text;
}

/** Replays a thread's events into bindings, as rustc's `push_match` built them along the way. */
function bindings(rule: Rule, last: Event | undefined): Map<string, NamedMatch> {
  const events: Event[] = [];
  for (let e = last; e; e = e.prev) events.push(e);
  const slots: NamedMatch[] = new Array<NamedMatch>(rule.vars.length);
  for (let k = events.length - 1; k >= 0; k--) {
    const { v, depth, value } = events[k];
    const item: NamedMatch = value ?? [];
    if (depth === 0) {
      slots[v] = item;
      continue;
    }
    let list = slots[v] as NamedMatch[];
    for (let d = 1; d < depth; d++) list = list[list.length - 1] as NamedMatch[];
    list.push(item);
  }
  return new Map(rule.vars.map((name, i) => [name, slots[i]]));
}

type VarLoc = Extract<MatcherLoc, { t: 'var' }>;

/** Matches `toks` (a whole invocation's input, flat) against `rule`. */
export function matchRule(rule: Rule, toks: readonly Token[]): MatchResult {
  const m = rule.matcher;
  const c = new Cursor(toks, 0);
  // Positions to process at this token, positions that matched it, positions waiting for a
  // fragment, positions at the matcher's end; the arrays are reused from token to token.
  let cur: Thread[] = [{ idx: 0, events: undefined }];
  let next: Thread[] = [];
  const waiting: Thread[] = [];
  const done: Thread[] = [];
  let work = 0;
  for (;;) {
    const raw = toks[c.i];
    // The token at the cursor, the remainder of a split one included; undefined at the end.
    const token: Token | undefined = raw === undefined || c.cut === 0 ? raw : { kind: 'punct', text: raw.text.slice(c.cut), start: raw.start + c.cut, pair: -1 };
    next.length = 0;
    waiting.length = 0;
    done.length = 0;
    while (cur.length > 0) {
      if (++work > MATCH_BUDGET) return { t: 'error', error: `matching took more than ${MATCH_BUDGET} steps (pathological matcher)` };
      const mp = cur.pop()!;
      const loc = m[mp.idx];
      switch (loc.t) {
        case 'token':
          if (token && sameToken(loc.tok, token)) next.push({ idx: mp.idx + 1, events: mp.events });
          break;
        case 'seq': {
          let events = mp.events;
          for (let v = loc.firstVar; v < loc.firstVar + loc.vars; v++) events = { v, depth: loc.depth, value: null, prev: events };
          if (loc.op !== '+') cur.push({ idx: loc.after, events });
          cur.push({ idx: mp.idx + 1, events });
          break;
        }
        case 'repeat':
          cur.push({ idx: mp.idx + 1, events: mp.events });
          if (loc.op !== '?') cur.push({ idx: loc.first, events: mp.events });
          break;
        case 'sep':
          cur.push({ idx: mp.idx + 2, events: mp.events });
          if (token && sameToken(loc.sep, token)) next.push({ idx: mp.idx + 1, events: mp.events });
          break;
        case 'repeatAfterSep':
          cur.push({ idx: loc.first, events: mp.events });
          break;
        case 'var':
          if (mayBegin(loc.kind, token?.kind === 'close' ? undefined : token)) waiting.push(mp);
          break;
        case 'eof':
          if (token === undefined) done.push(mp);
          break;
      }
    }
    if (token === undefined) {
      if (done.length === 1) return { t: 'ok', bindings: bindings(rule, done[0].events) };
      if (done.length > 1) return { t: 'error', error: 'ambiguity: multiple successful parses' };
      return { t: 'fail', at: toks.length };
    }
    if (waiting.length === 0) {
      if (next.length === 0) return { t: 'fail', at: c.i };
      [cur, next] = [next, cur];
      c.i += 1;
      c.cut = 0;
      continue;
    }
    if (next.length > 0 || waiting.length > 1) {
      const vars = waiting.map((w) => m[w.idx] as VarLoc).map((v) => `\`$${v.name}:${v.kind}\``);
      const options = [...vars, ...(next.length ? [`${next.length} other option(s)`] : [])];
      return { t: 'error', error: `local ambiguity at \`${token.text}\`: multiple parsing options: ${options.join(', ')}` };
    }
    const mp = waiting[0];
    const loc = m[mp.idx] as VarLoc;
    const from = c.pos;
    let parsed: boolean;
    try {
      parsed = parseFragment(loc.kind, c);
    } catch (e) {
      if (e instanceof TooDeep) return { t: 'error', error: `\`$${loc.name}:${loc.kind}\` is nested too deeply to parse` };
      throw e;
    }
    if (!parsed) return { t: 'error', error: `could not parse \`$${loc.name}:${loc.kind}\` at \`${token.text}\` (offset ${token.start})` };
    const frag: Fragment = { kind: loc.kind, toks: c.since(from) };
    cur.push({ idx: mp.idx + 1, events: { v: loc.index, depth: loc.depth, value: frag, prev: mp.events } });
  }
}
