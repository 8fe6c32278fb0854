/**
 * The one file-access interface of the project model (Cargo manifests, lockfiles, configs,
 * crate sources). Adapters: the disk (CLI, tests: src/platform/nodeFs.ts) and the editor's
 * workspace index (open documents first). Synchronous: every read is small and local.
 */
import { Postponed, type WorkBudget } from '../core/budget';

export interface ProjectFs {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** The names of a directory's entries, or undefined when it is not a readable directory. */
  readDir(path: string): readonly string[] | undefined;
  /** An environment variable (`CARGO_HOME`, `HOME`), or undefined. */
  env(name: string): string | undefined;
  /**
   * `readFile` off the calling thread, where the host can (Node's file system): the editor reads a
   * crate's files ahead with it, so its main thread does not wait on the disk. Optional.
   */
  readFileAsync?(path: string): Promise<string | undefined>;
  /** `readDir` off the calling thread, where the host can. Optional. */
  readDirAsync?(path: string): Promise<readonly string[] | undefined>;
}

/** How many reads are in flight at once when files are read ahead asynchronously. */
export const READS_IN_FLIGHT = 8;

/**
 * Reads `paths` with `fs.readFileAsync` (at most READS_IN_FLIGHT at a time) and hands each text to
 * `got` as it arrives, in no particular order; stops early when `stop()` says so. Reads that
 * complete together are handled in one turn of the event loop: with `yieldTurn`, a lane whose
 * handling made the turn's share pass `sliceMs` waits for it before taking the next file.
 */
export async function readAhead(
  fs: ProjectFs,
  paths: readonly string[],
  got: (path: string, text: string) => void,
  stop: () => boolean = () => false,
  yieldTurn?: () => Promise<void>,
  sliceMs = 8,
): Promise<void> {
  const read = fs.readFileAsync!.bind(fs);
  let next = 0;
  let sliceStart = performance.now();
  const lane = async (): Promise<void> => {
    while (next < paths.length && !stop()) {
      const p = paths[next++]!;
      const text = await read(p);
      if (text !== undefined && !stop()) got(p, text);
      if (yieldTurn && performance.now() - sliceStart > sliceMs) {
        await yieldTurn();
        sliceStart = performance.now();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, paths.length) }, lane));
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

/**
 * `fs` whose reads are charged to `budget` (src/core/budget.ts): once the turn's budget is
 * spent, a read throws Postponed, and the caller builds again in a later turn with the same
 * wrapper (file texts are cached by the editor's file system, directory listings here, so
 * what was read costs nothing then).
 */
export function budgetedFs(fs: ProjectFs, budget: WorkBudget): ProjectFs {
  const charge = <T>(read: () => T): T => {
    if (!budget.left) throw new Postponed();
    return budget.spend(read);
  };
  const dirs = new Map<string, readonly string[] | undefined>();
  return {
    readFile: (p) => charge(() => fs.readFile(p)),
    readDir: (p) => {
      if (dirs.has(p)) return dirs.get(p);
      const names = charge(() => fs.readDir(p));
      dirs.set(p, names);
      return names;
    },
    env: (name) => fs.env(name),
  };
}
