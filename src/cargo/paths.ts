/**
 * Path arithmetic for the project model, on `/`-separated absolute paths (what the file system
 * adapters hand in). No `node:path`: this folder runs wherever the engine runs.
 */

/** `a/./b/../c` → `a/c`; keeps a leading `/`; never climbs above the root. */
export function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const s = out.join('/');
  return abs ? `/${s}` : s || '.';
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** Joins and normalizes; an absolute later part starts over (as `path.resolve` does). */
export function join(...parts: readonly string[]): string {
  let acc = '';
  for (const p of parts) {
    if (!p) continue;
    acc = isAbsolute(p) || !acc ? p : `${acc}/${p}`;
  }
  return normalize(acc);
}

export function dirname(p: string): string {
  const n = normalize(p);
  const i = n.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : n.slice(0, i);
}

export function basename(p: string): string {
  const n = normalize(p);
  return n.slice(n.lastIndexOf('/') + 1);
}

/** The directories from `dir` up to the root, `dir` first. */
export function ancestors(dir: string): string[] {
  const out: string[] = [];
  let cur = normalize(dir);
  for (;;) {
    out.push(cur);
    const up = dirname(cur);
    if (up === cur) return out;
    cur = up;
  }
}

/** True when `p` is `dir` or inside it. */
export function isInside(p: string, dir: string): boolean {
  const d = normalize(dir);
  const q = normalize(p);
  return q === d || q.startsWith(d.endsWith('/') ? d : `${d}/`);
}
