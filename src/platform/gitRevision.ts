/**
 * A crate as it was at a git revision, read from the repository's objects with isomorphic-git
 * (no `git` binary needed, packed objects included), for the layout diff. Only what the layout
 * engine reads is loaded: Rust sources, manifests, lock files and cargo configs, plus any file a
 * `#[path]` may name is found through the same tree. Node only (the node `fs`).
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import type { ProjectFs } from '../cargo/fs';

export interface Revision {
  /** The repository's work-tree root (the directory holding `.git`), `/` separators. */
  readonly root: string;
  /** The commit the revision names. */
  readonly oid: string;
  /** The revision as the user wrote it. */
  readonly name: string;
  /** Files at that commit, by path relative to the root. */
  readonly files: ReadonlyMap<string, string>;
}

/** Files the engine reads; the rest of a tree (images, vendored binaries…) is not loaded. */
const WANTED = /(?:\.rs|\/Cargo\.toml|^Cargo\.toml|\/Cargo\.lock|^Cargo\.lock|\.cargo\/config(?:\.toml)?)$/;

/** The repository root holding `dir` (searching upwards), or undefined. */
export async function findRepositoryRoot(dir: string): Promise<string | undefined> {
  try {
    return (await git.findRoot({ fs: nodeFs, filepath: dir })).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

/**
 * The commit a revision names: `HEAD`, a branch or tag, a full or abbreviated commit id, any of
 * them followed by `~N` or `^` (first parents), or `merge-base:A:B` (the merge base of two).
 */
export async function resolveRevision(root: string, rev: string): Promise<string> {
  const cache = {};
  const mb = /^merge-base:([^:]+):([^:]+)$/.exec(rev);
  if (mb) {
    const oids = await Promise.all([resolveRevision(root, mb[1]!), resolveRevision(root, mb[2]!)]);
    const base = await git.findMergeBase({ fs: nodeFs, dir: root, oids, cache });
    if (!base.length) throw new Error(`${mb[1]} and ${mb[2]} have no common ancestor`);
    return base[0] as string;
  }
  const m = /^(.*?)((?:~\d*|\^)*)$/.exec(rev)!;
  const head = m[1]!;
  let oid: string;
  try {
    oid = await git.resolveRef({ fs: nodeFs, dir: root, ref: head });
  } catch {
    if (!/^[0-9a-f]{4,40}$/i.test(head)) throw new Error(`unknown revision \`${rev}\``);
    try {
      oid = await git.expandOid({ fs: nodeFs, dir: root, oid: head.toLowerCase(), cache });
    } catch {
      throw new Error(`unknown revision \`${rev}\``);
    }
  }
  // Tags may point at tag objects: peel to the commit.
  for (let i = 0; i < 5; i++) {
    const o = await git.readObject({ fs: nodeFs, dir: root, oid, cache });
    if (o.type === 'commit') break;
    if (o.type !== 'tag') throw new Error(`\`${rev}\` is not a commit`);
    oid = (o.object as { object: string }).object;
  }
  for (const step of m[2]!.match(/~\d*|\^/g) ?? []) {
    const n = step === '^' ? 1 : step === '~' ? 1 : Number(step.slice(1));
    for (let i = 0; i < n; i++) {
      const c = await git.readCommit({ fs: nodeFs, dir: root, oid, cache });
      const parent = c.commit.parent[0];
      if (!parent) throw new Error(`\`${rev}\`: the history is shorter than that`);
      oid = parent;
    }
  }
  return oid;
}

/** The wanted files of a commit's tree. */
export async function readRevision(root: string, rev: string): Promise<Revision> {
  const oid = await resolveRevision(root, rev);
  const cache = {};
  const files = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const visit = async (treeOid: string, prefix: string): Promise<void> => {
    const { tree } = await git.readTree({ fs: nodeFs, dir: root, oid: treeOid, cache });
    for (const e of tree) {
      const p = prefix ? `${prefix}/${e.path}` : e.path;
      if (e.type === 'tree') {
        if (e.path === 'target' || e.path === '.git' || e.path === 'node_modules') continue;
        await visit(e.oid, p);
      } else if (e.type === 'blob' && WANTED.test(p)) {
        const { blob } = await git.readBlob({ fs: nodeFs, dir: root, oid: e.oid, cache });
        files.set(p, decoder.decode(blob));
      }
    }
  };
  const c = await git.readCommit({ fs: nodeFs, dir: root, oid, cache });
  await visit(c.commit.tree, '');
  return { root: root.replace(/\\/g, '/'), oid, name: rev, files };
}

/**
 * The file system as it was at the revision: paths inside the repository come from the commit
 * (a path the commit lacks does not exist), paths outside it (registry sources, `CARGO_HOME`)
 * from `outside`.
 */
export function revisionFs(rev: Revision, outside: ProjectFs): ProjectFs {
  const prefix = rev.root.endsWith('/') ? rev.root : `${rev.root}/`;
  const inside = (p: string): string | undefined => {
    const n = p.replace(/\\/g, '/');
    if (n === rev.root) return '';
    return n.startsWith(prefix) ? path.posix.normalize(n.slice(prefix.length)) : undefined;
  };
  let dirs: Map<string, Set<string>> | undefined;
  const dirIndex = (): Map<string, Set<string>> => {
    if (dirs) return dirs;
    dirs = new Map();
    for (const f of rev.files.keys()) {
      const parts = f.split('/');
      for (let i = 0; i < parts.length; i++) {
        const d = parts.slice(0, i).join('/');
        if (!dirs.has(d)) dirs.set(d, new Set());
        dirs.get(d)!.add(parts[i]!);
      }
    }
    return dirs;
  };
  return {
    readFile: (p) => {
      const rel = inside(p);
      return rel === undefined ? outside.readFile(p) : rev.files.get(rel);
    },
    readDir: (p) => {
      const rel = inside(p);
      if (rel === undefined) return outside.readDir(p);
      const names = dirIndex().get(rel === '.' ? '' : rel);
      return names ? [...names] : undefined;
    },
    env: (n) => outside.env(n),
  };
}
