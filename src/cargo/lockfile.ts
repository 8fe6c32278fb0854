/**
 * Cargo.lock → the exact version and source of every package, and which version of a name each
 * package depends on (a lockfile's `dependencies` entries carry the version only when the name
 * is ambiguous).
 */
import { parse as parseToml } from 'smol-toml';

export interface LockedPackage {
  readonly name: string;
  readonly version: string;
  /** `registry+https://…`, `sparse+https://…`, `git+https://…?rev=..#sha`; absent for path packages. */
  readonly source?: string;
  /** `name`, `name version` or `name version (source)`, as written. */
  readonly dependencies: readonly { readonly name: string; readonly version?: string; readonly source?: string }[];
}

export interface Lockfile {
  readonly packages: readonly LockedPackage[];
}

/** The last lockfile parsed (a package graph is built again after every change on disk; 300 packages take 20-50 ms to parse). */
let last: { readonly text: string; readonly lock: Lockfile | undefined } | undefined;

/** Parses a Cargo.lock; undefined when it is not valid TOML. The result is shared: never modify it. */
export function parseLockfile(text: string): Lockfile | undefined {
  if (last?.text === text) return last.lock;
  const lock = parseLockfileNow(text);
  last = { text, lock };
  return lock;
}

function parseLockfileNow(text: string): Lockfile | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const pkgs = Array.isArray(doc.package) ? doc.package : [];
  const packages: LockedPackage[] = [];
  for (const p of pkgs) {
    if (typeof p !== 'object' || p === null) continue;
    const r = p as Record<string, unknown>;
    if (typeof r.name !== 'string' || typeof r.version !== 'string') continue;
    const deps = Array.isArray(r.dependencies) ? r.dependencies.filter((d): d is string => typeof d === 'string') : [];
    packages.push({
      name: r.name,
      version: r.version,
      source: typeof r.source === 'string' ? r.source : undefined,
      dependencies: deps.map((d) => {
        const m = /^(\S+)(?:\s+(\S+))?(?:\s+\((.+)\))?$/.exec(d.trim());
        return m ? { name: m[1]!, version: m[2], source: m[3] } : { name: d };
      }),
    });
  }
  return { packages };
}
