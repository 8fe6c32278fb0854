/**
 * Which type the cursor is on, and its doc comment: what the panel's diagram follows.
 * Pure (no vscode), shared by src/features/guideView.ts and the unit tests.
 */
import type { TypeReport } from '../core/reportTypes';

/** The innermost type whose text contains `offset`, else a type named like the word at `offset`. */
export function typeAtOffset(types: readonly TypeReport[], text: string, offset: number): TypeReport | undefined {
  let best: TypeReport | undefined;
  for (const t of types) {
    if (t.span && t.span.start <= offset && offset <= t.span.end) {
      if (!best?.span || t.span.end - t.span.start < best.span.end - best.span.start) best = t;
    }
  }
  if (best) return best;
  const before = /[A-Za-z0-9_]*$/.exec(text.slice(Math.max(0, offset - 100), offset))![0];
  const after = /^[A-Za-z0-9_]*/.exec(text.slice(offset, offset + 100))![0];
  const word = before + after;
  if (!/^[A-Za-z_]/.test(word)) return undefined;
  return types.find((t) => t.name === word) ?? types.find((t) => t.name.endsWith(`::${word}`));
}

/** The `///` and `/** … *\/` doc comment lines in front of a type's name (markers stripped). */
export function docLines(text: string, t: TypeReport): string[] {
  if (!t.span || !t.nameSpan) return [];
  const head = text.slice(t.span.start, t.nameSpan.start);
  const out: string[] = [];
  for (const m of head.matchAll(/^[ \t]*\/\/\/(?!\/) ?(.*)$|\/\*\*(?!\/)([\s\S]*?)\*\//gm)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(...m[2]!.split(/\r?\n/).map((l) => l.replace(/^\s*(?:\* ?)?/, '')));
  }
  return out;
}
