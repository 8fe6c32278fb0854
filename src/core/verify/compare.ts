/**
 * Compares the engine's layouts (the CLI JSON contract of DESIGN.md, or the Analyzer's Report)
 * with rustc's (the oracle), type by type.
 *
 *  exact          size, align and every field offset equal (and the tag, when both report one)
 *  wrong          the engine claimed a number (or an error) and rustc disagrees
 *  abstained      the engine said size null with an `unknown` reason
 *  missing        the engine did not report the type at all
 *  error-match    rustc rejects the type and the engine reports the same error code
 *  error-mismatch rustc rejects the type and the engine does not say so (or another code)
 */
import { ptsToOracleByKind, type OracleRejected, type OracleType, type PtsType } from './printTypeSizes';

export interface EngineField {
  readonly name: string;
  readonly offset: number | null;
  readonly size?: number | null;
}

export interface EngineType {
  readonly name: string;
  readonly kind?: string;
  readonly size?: number | null;
  readonly align?: number | null;
  readonly fields?: readonly EngineField[];
  readonly variants?: readonly { readonly name: string; readonly fields?: readonly EngineField[]; readonly absent?: boolean }[];
  readonly tag?: { readonly size: number; readonly offset: number; readonly encoding?: string } | null;
  readonly unknown?: string;
  readonly error?: string;
}

export interface EngineReport {
  readonly target?: string;
  readonly types: readonly EngineType[];
}

export type Verdict = 'exact' | 'wrong' | 'abstained' | 'missing' | 'error-match' | 'error-mismatch';
export const VERDICTS: readonly Verdict[] = ['exact', 'wrong', 'abstained', 'missing', 'error-match', 'error-mismatch'];

export interface TypeVerdict {
  readonly name: string;
  readonly verdict: Verdict;
  /** What differed (wrong/error-mismatch), the abstain reason, or notes that do not change the verdict. */
  readonly details: readonly string[];
}

export interface Summary {
  readonly title: string;
  readonly total: number;
  readonly counts: Record<Verdict, number>;
  readonly verdicts: readonly TypeVerdict[];
}

function errorCode(s: string): string {
  return /E\d{4}/.exec(s)?.[0] ?? s.trim().split(/[:\s]/)[0];
}

function compareFields(where: string, expected: readonly { name: string; offset: number }[], actual: readonly EngineField[] | undefined, diffs: string[]): void {
  if (!expected.length) return;
  if (!actual) {
    diffs.push(`${where}fields not reported`);
    return;
  }
  for (const f of expected) {
    const a = actual.find((x) => x.name === f.name);
    if (!a) diffs.push(`${where}field ${f.name} not reported`);
    else if (a.offset !== f.offset) diffs.push(`${where}${f.name}@${a.offset ?? 'null'}, rustc @${f.offset}`);
  }
}

export function compareType(expected: OracleType, engine: EngineType | undefined): TypeVerdict {
  const name = expected.name;
  if (!engine) return { name, verdict: 'missing', details: ['not in the engine report'] };
  if (engine.error) return { name, verdict: 'wrong', details: [`engine reports error "${engine.error}" but rustc accepts the type (size ${expected.size})`] };
  if (engine.size === null || engine.size === undefined) return { name, verdict: 'abstained', details: [engine.unknown ?? '(no reason given)'] };
  const diffs: string[] = [];
  const notes: string[] = [];
  if (engine.size !== expected.size) diffs.push(`size ${engine.size}, rustc ${expected.size}`);
  if (engine.align !== expected.align) diffs.push(`align ${engine.align ?? 'missing'}, rustc ${expected.align}`);
  if (expected.kind !== 'enum') compareFields('', expected.fields, engine.fields, diffs);
  for (const v of expected.variants ?? []) {
    if (!v.fields.length) continue;
    const ev = engine.variants?.find((x) => x.name === v.name);
    if (!ev) {
      if (engine.variants) notes.push(`variant ${v.name} not reported`);
      continue;
    }
    compareFields(`${v.name}.`, v.fields, ev.fields, diffs);
  }
  if (expected.tag !== undefined && engine.tag) {
    const t = engine.tag;
    if (t.encoding === 'niche') {
      if (expected.tag) diffs.push(`tag: engine uses a niche, rustc a direct ${expected.tag.size}-byte tag`);
    } else if (!expected.tag) diffs.push(`tag: engine reports a direct ${t.size}-byte tag at ${t.offset}, rustc has none (niche or single variant)`);
    else if (t.size !== expected.tag.size || t.offset !== expected.tag.offset) diffs.push(`tag ${t.size}B@${t.offset}, rustc ${expected.tag.size}B@${expected.tag.offset}`);
  } else if (expected.tag && !engine.tag) notes.push(`tag (${expected.tag.size} bytes) not reported`);
  if (diffs.length) return { name, verdict: 'wrong', details: diffs };
  return { name, verdict: 'exact', details: notes };
}

export function compareRejected(expected: OracleRejected, engine: EngineType | undefined): TypeVerdict {
  const name = expected.name;
  const want = expected.codes.join('/') || '(rustc accepted it)';
  if (!engine) return { name, verdict: 'error-mismatch', details: [`not in the engine report; rustc: ${want} ${expected.message}`] };
  if (engine.error) {
    const code = errorCode(engine.error);
    // The first error is the cause; later ones (E0391 cycles, E0080 from the forcing const) follow from it.
    if (code === expected.codes[0]) return { name, verdict: 'error-match', details: [] };
    return { name, verdict: 'error-mismatch', details: [`engine "${engine.error}", rustc ${want}: ${expected.message}`] };
  }
  if (engine.size === null || engine.size === undefined) return { name, verdict: 'error-mismatch', details: [`engine abstained (${engine.unknown ?? 'no reason'}); rustc ${want}: ${expected.message}`] };
  return { name, verdict: 'error-mismatch', details: [`engine claims size ${engine.size}; rustc ${want}: ${expected.message}`] };
}

/**
 * The types rustc rejects as too big for the target (no_core corpora on 16-bit targets), as
 * rejected cases: the engine must report the error, never a size.
 */
export function tooBigCases(names: readonly string[]): OracleRejected[] {
  return names.map((name) => ({ id: name, name, intended: 'E0080', codes: ['E0080'], message: `values of the type \`${name}\` are too big for the target architecture` }));
}

/** Compares a whole engine report with the oracle's expectations. Engine types the oracle does not know are ignored. */
export function compareReport(title: string, engine: EngineReport, expected: readonly OracleType[], rejected: readonly OracleRejected[] = []): Summary {
  const byName = new Map<string, EngineType>();
  for (const t of engine.types) if (!byName.has(t.name)) byName.set(t.name, t);
  const verdicts: TypeVerdict[] = [];
  for (const e of expected) verdicts.push(compareType(e, byName.get(e.name)));
  for (const r of rejected) verdicts.push(compareRejected(r, byName.get(r.name)));
  return summarize(title, verdicts);
}

export function summarize(title: string, verdicts: readonly TypeVerdict[]): Summary {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const v of verdicts) counts[v.verdict]++;
  return { title, total: verdicts.length, counts, verdicts };
}

export function mergeSummaries(title: string, parts: readonly Summary[]): Summary {
  return summarize(
    title,
    parts.flatMap((p) => p.verdicts.map((v) => ({ ...v, name: `${p.title}: ${v.name}` }))),
  );
}

export function exactRate(s: Summary): number {
  const layoutTotal = s.total - s.counts['error-match'] - s.counts['error-mismatch'];
  return layoutTotal ? s.counts.exact / layoutTotal : 1;
}

/** A summary table, then the wrong and mismatched types with what differed, then abstain reasons. */
export function formatSummary(s: Summary, maxDetails = 25): string {
  const lines: string[] = [];
  const pct = (n: number): string => (s.total ? ((100 * n) / s.total).toFixed(2) : '0.00') + '%';
  lines.push(`${s.title}: ${s.total} types`);
  lines.push('  verdict          count   share');
  for (const v of VERDICTS) lines.push(`  ${v.padEnd(15)} ${String(s.counts[v]).padStart(6)}  ${pct(s.counts[v]).padStart(7)}`);
  const show = (verdict: Verdict): void => {
    const list = s.verdicts.filter((v) => v.verdict === verdict);
    if (!list.length) return;
    lines.push(`  ${verdict}:`);
    for (const v of list.slice(0, maxDetails)) lines.push(`    ${v.name}: ${v.details.join('; ')}`);
    if (list.length > maxDetails) lines.push(`    … ${list.length - maxDetails} more`);
  };
  show('wrong');
  show('error-mismatch');
  show('missing');
  const reasons = new Map<string, number>();
  for (const v of s.verdicts) if (v.verdict === 'abstained') reasons.set(v.details[0] ?? '', (reasons.get(v.details[0] ?? '') ?? 0) + 1);
  if (reasons.size) {
    lines.push('  abstain reasons:');
    for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, maxDetails)) lines.push(`    ${String(n).padStart(5)}  ${r}`);
  }
  return lines.join('\n');
}

/** The engine's types rustc can be asked about: those defined in a file, not generic. */
export function probeCandidates(engine: EngineReport): { name: string; kind: string; file: string }[] {
  return (engine.types as readonly (EngineType & { file?: string })[]).filter((t) => t.file && !/generic/i.test(t.unknown ?? '')).map((t) => ({ name: t.name, kind: t.kind ?? 'struct', file: t.file!.replace(/\\/g, '/') }));
}

/**
 * The engine's report against rustc's layouts of the probed types (`types`, by the probe's names)
 * and the probes rustc refused for a reason about the type (`rejected`: E0277, unsized). A type
 * rustc did not lay out (generic, cfg'd out, a probe it refused otherwise) is not compared:
 * `notChecked` lists it.
 */
export function compareWithRustc(title: string, engine: EngineReport, types: ReadonlyMap<string, PtsType>, rejected: ReadonlyMap<string, { code: string; message: string }>): { summary: Summary; oracle: OracleType[]; rejected: OracleRejected[]; notChecked: string[] } {
  const oracle: OracleType[] = [];
  const rej: OracleRejected[] = [];
  const notChecked: string[] = [];
  const seen = new Set<string>();
  for (const c of probeCandidates(engine)) {
    if (seen.has(c.name)) continue; // cfg'd alternatives of one name: rustc saw only one
    seen.add(c.name);
    const no = rejected.get(c.name);
    if (no) {
      rej.push({ id: c.name, name: c.name, intended: no.code, codes: [no.code], message: no.message });
      continue;
    }
    const p = types.get(c.name);
    if (p) oracle.push(ptsToOracleByKind(c.name, c.kind, p));
    else notChecked.push(c.name);
  }
  return { summary: compareReport(title, engine, oracle, rej), oracle, rejected: rej, notChecked };
}
