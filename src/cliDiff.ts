/**
 * `node dist/cli.js --diff REV [--base-dir DIR] [--format json|markdown|text] [--fail-on-growth BYTES] PATH`:
 * the types whose layout changed between a git revision and the working tree (`REV`), or between
 * two revisions (`BASE..HEAD`). Each side is laid out by the same engine; the revision's files are
 * read from the repository's objects (src/platform/gitRevision.ts), the dependencies from the
 * sources that revision's Cargo.lock names.
 */
import * as path from 'node:path';
import type { Analyzer } from './analysis/analyzer';
import { loadPath } from './analysis/program';
import { mergeWorkspaceReports } from './analysis/workspaceBuild';
import type { ParseFn } from './analysis/project';
import { hostTriple } from './core/hostTarget';
import type { ProjectFs } from './cargo/fs';
import { changesMarkdown, changeSummary, diffLayouts, type TypeChange } from './core/layoutDiff';
import type { TypeReport } from './core/reportTypes';
import type { Target } from './core/targets';
import type { FeatureSelection } from './cargo/graph';
import { findRepositoryRoot, readRevision, revisionFs } from './platform/gitRevision';
import { NodeFs } from './platform/nodeFs';

export interface DiffOptions {
  readonly analyzer: Analyzer;
  readonly target: Target;
  /** The root package's features (cargo's `--features` and its companions). */
  readonly features?: FeatureSelection;
  /** The crate directory or file (absolute). */
  readonly path: string;
  /** `REV` (against the working tree) or `BASE..HEAD`. */
  readonly rev: string;
  /** The repository (default: found upwards from `path`). */
  readonly baseDir?: string;
  readonly format: 'json' | 'markdown' | 'text';
  /** Exit 1 when a type grew by more than this many bytes. */
  readonly failOnGrowth?: number;
}

/** The crate's reports as the file system `fs` has it (paths relative to the crate root). */
async function layoutsOn(opts: DiffOptions, fs: ProjectFs): Promise<TypeReport[]> {
  const parser = await opts.analyzer.parser();
  const parse: ParseFn = (file, text, hints) => opts.analyzer.parseWith(parser, file, text, { budgetMs: Infinity }, hints);
  let loaded;
  try {
    loaded = loadPath(opts.path.replace(/\\/g, '/'), { fs, parse, target: opts.target, host: hostTriple(process.platform, process.arch), ownIncludes: true, ...(opts.features ? { features: opts.features } : {}) });
  } catch {
    return []; // the crate did not exist there: every type is new
  }
  const a = await opts.analyzer.analyze(loaded.program, opts.target.triple);
  // As the layout command says them: a workspace member's types that a whole-workspace build lays out otherwise are unknown.
  const ws = loaded.wholeWorkspace?.();
  const reports = ws ? mergeWorkspaceReports(a.reports(), (await opts.analyzer.analyze(ws.program, opts.target.triple)).reports(), ws) : a.reports();
  return reports.map((t) => ({ ...t, file: path.relative(loaded.root, t.file) || path.basename(t.file) }));
}

export async function runDiff(opts: DiffOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const root = opts.baseDir ? path.resolve(opts.baseDir).replace(/\\/g, '/') : await findRepositoryRoot(opts.path);
  if (!root) {
    err(`no git repository holds ${opts.path} (give one with --base-dir)\n`);
    return 2;
  }
  const [baseRev, headRev] = opts.rev.includes('..') ? opts.rev.split('..', 2) : [opts.rev, undefined];
  if (!baseRev) {
    err(`--diff: no base revision in \`${opts.rev}\`\n`);
    return 2;
  }
  const disk = new NodeFs();
  let base, head;
  try {
    base = await readRevision(root, baseRev);
    head = headRev ? await readRevision(root, headRev) : undefined;
  } catch (e) {
    err(`${(e as Error).message}\n`);
    return 2;
  }
  const before = await layoutsOn(opts, revisionFs(base, disk));
  const after = await layoutsOn(opts, head ? revisionFs(head, disk) : disk);
  const changes = diffLayouts(before, after);
  const headName = head ? `\`${head.name}\`` : 'the working tree';
  if (opts.format === 'json') {
    out(JSON.stringify({ target: opts.target.triple, base: { rev: base.name, commit: base.oid }, head: head ? { rev: head.name, commit: head.oid } : { rev: 'working tree' }, changes }) + '\n');
  } else if (opts.format === 'markdown') {
    out(changesMarkdown(changes, base.name, headName, opts.target.triple));
  } else {
    out(changes.length ? `${changes.map((c) => `${c.name}: ${changeSummary(c)}${c.status === 'changed' ? ` (${c.notes.join('; ')})` : ''}`).join('\n')}\n` : `no layout changes between ${base.name} and ${headName.replace(/`/g, '')}\n`);
  }
  if (opts.failOnGrowth !== undefined) {
    const grew = changes.filter((c: TypeChange) => c.status === 'changed' && (c.sizeDelta ?? 0) > opts.failOnGrowth!);
    if (grew.length) {
      err(`${grew.length} type${grew.length === 1 ? '' : 's'} grew by more than ${opts.failOnGrowth} B: ${grew.map((c) => `${c.name} (+${c.sizeDelta})`).join(', ')}\n`);
      return 1;
    }
  }
  return 0;
}
