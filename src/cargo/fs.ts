/**
 * The one file-access interface of the project model (Cargo manifests, lockfiles, configs,
 * crate sources). Adapters: the disk (CLI, tests: src/platform/nodeFs.ts) and the editor's
 * workspace index (open documents first). Synchronous: every read is small and local.
 */
export interface ProjectFs {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** The names of a directory's entries, or undefined when it is not a readable directory. */
  readDir(path: string): readonly string[] | undefined;
  /** An environment variable (`CARGO_HOME`, `HOME`), or undefined. */
  env(name: string): string | undefined;
}

/** A ProjectFs over a map of path → text (tests); directories are derived from the paths. */
export function memoryFs(files: Readonly<Record<string, string>>, env: Readonly<Record<string, string>> = {}): ProjectFs {
  return {
    readFile: (p) => files[p],
    readDir(p) {
      const prefix = p.endsWith('/') ? p : `${p}/`;
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]!);
      return names.size ? [...names] : undefined;
    },
    env: (n) => env[n],
  };
}
