/**
 * ProjectFs on the local disk (the CLI, tests, and the editor's fallback for files that are
 * not open). Reads are cached for the life of the object: registry sources never change, and
 * the editor makes a new one when files change on disk.
 */
import * as fs from 'node:fs';
import type { ProjectFs } from '../cargo/fs';

export class NodeFs implements ProjectFs {
  private readonly files = new Map<string, string | undefined>();
  private readonly dirs = new Map<string, readonly string[] | undefined>();

  constructor(private readonly environment: Readonly<Record<string, string | undefined>> = process.env) {}

  readFile(p: string): string | undefined {
    if (this.files.has(p)) return this.files.get(p);
    let text: string | undefined;
    try {
      text = fs.readFileSync(p, 'utf8');
    } catch {
      text = undefined;
    }
    this.files.set(p, text);
    return text;
  }

  readDir(p: string): readonly string[] | undefined {
    if (this.dirs.has(p)) return this.dirs.get(p);
    let names: string[] | undefined;
    try {
      names = fs.readdirSync(p);
    } catch {
      names = undefined;
    }
    this.dirs.set(p, names);
    return names;
  }

  env(name: string): string | undefined {
    return this.environment[name];
  }
}
