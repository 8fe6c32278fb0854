/**
 * Layout changes against git while typing: each type whose layout differs from the same type at
 * the base revision (`rustLayout.diff.base`: `HEAD` by default, a branch, a tag, a commit,
 * `merge-base:A:B`; empty turns it off) gets a CodeLens `Δ HEAD: 24 B → 32 B (+8) · padding +7`
 * and a hover section with before and after. New types say "new since HEAD".
 *
 * The base's layouts come from the command-line tool in a child process (`cli.js --json --at REV`,
 * which reads the revision's files from the repository's objects with isomorphic-git): the
 * extension host never parses a whole revision itself. They are kept per (crate, target, commit):
 * a revision's layouts are computed once. The commit a name points at is looked up again every
 * few seconds, so a commit or a checkout is followed.
 */
import { execFile } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import * as git from 'isomorphic-git';
import * as vscode from 'vscode';
import { changeSummary, diffLayouts, type LayoutFacts, type TypeChange } from '../core/layoutDiff';
import type { TypeReport } from '../core/reportTypes';
import { findRepositoryRoot, resolveRevision } from '../platform/gitRevision';
import type { Command } from './commands';
import { spanContains, spanToRange } from './convert';
import { Disposable } from './dispose';
import { SECTION } from './config';
import type { Log } from './log';
import type { DocumentAnalysis, DocumentReports } from './reports';

/** How long (ms) the commit a revision name points at is trusted before it is looked up again. */
const RESOLVE_TTL_MS = 3000;

interface Baseline {
  readonly rev: string;
  readonly oid: string;
  /** Reports at the revision, `file` relative to the crate directory. */
  readonly types: readonly TypeReport[];
}

type Entry = { state: 'loading' } | { state: 'ready'; baseline: Baseline } | { state: 'failed'; why: string };

export function baseRevision(scope?: vscode.ConfigurationScope): string {
  return (vscode.workspace.getConfiguration(SECTION, scope ?? null).get<string>('diff.base', 'HEAD') ?? '').trim();
}

export class LayoutBaselines extends Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly resolved = new Map<string, { oid: string | undefined; at: number; pending?: Promise<void> }>();
  private readonly roots = new Map<string, Promise<string | undefined>>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when a base's layouts arrive (the lenses and hovers then show the changes). */
  readonly onDidChange = this._onDidChange.event;

  constructor(
    private readonly cli: string,
    private readonly log: Log,
  ) {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.diff.base`)) {
          this.resolved.clear();
          this._onDidChange.fire();
        }
      }),
    );
  }

  /**
   * The layout changes of the document's types against the base, by type name, once the base's
   * layouts are known (undefined before, and when there is no base: not in a git repository,
   * turned off, the revision unknown). Starts what is missing.
   */
  changesFor(a: DocumentAnalysis, document: vscode.TextDocument): { rev: string; oid: string; changes: Map<string, TypeChange> } | undefined {
    const rev = baseRevision(document);
    if (!rev || !a.crateDir || document.uri.scheme !== 'file') return undefined;
    const crateDir = a.crateDir;
    const oid = this.oidOf(crateDir, rev);
    if (!oid) return undefined;
    const key = `${crateDir}\0${a.target}\0${oid}`;
    const e = this.entries.get(key);
    if (!e) {
      this.load(key, crateDir, a.target, rev, oid);
      return undefined;
    }
    if (e.state !== 'ready') return undefined;
    const rel = path.relative(crateDir, document.uri.fsPath).replace(/\\/g, '/');
    return { rev, oid, changes: changesInFile(e.baseline.types, a.types.map((t) => t.report), rel) };
  }

  /** The type as it was at the base, with what changed, when its layout differs from the base's (the panel draws both). */
  beforeOf(a: DocumentAnalysis, document: vscode.TextDocument, name: string): { rev: string; oid: string; change: TypeChange; report: TypeReport } | undefined {
    const d = this.changesFor(a, document);
    const c = d?.changes.get(name);
    if (!d || !c || c.status === 'new') return undefined;
    const key = `${a.crateDir}\0${a.target}\0${d.oid}`;
    const e = this.entries.get(key);
    if (e?.state !== 'ready') return undefined;
    const report = e.baseline.types.find((t) => t.name === (c.renamedFrom ?? c.name));
    return report ? { rev: d.rev, oid: d.oid, change: c, report } : undefined;
  }

  /** The commit `rev` names in the repository holding `dir`, if known now; looked up again in the background. */
  private oidOf(dir: string, rev: string): string | undefined {
    const key = `${dir}\0${rev}`;
    const r = this.resolved.get(key);
    const fresh = r && performance.now() - r.at < RESOLVE_TTL_MS;
    if (!fresh && !r?.pending) {
      const pending = (async () => {
        let root = this.roots.get(dir);
        if (!root) this.roots.set(dir, (root = findRepositoryRoot(dir)));
        const repo = await root;
        let oid: string | undefined;
        try {
          oid = repo ? await resolveRevision(repo, rev) : undefined;
        } catch (err) {
          this.log.debug(`layout diff: ${(err as Error).message}`);
        }
        const before = this.resolved.get(key)?.oid;
        this.resolved.set(key, { oid, at: performance.now() });
        if (oid !== before) this._onDidChange.fire();
      })();
      this.resolved.set(key, { oid: r?.oid, at: r?.at ?? 0, pending });
    }
    return r?.oid;
  }

  private load(key: string, crateDir: string, target: string, rev: string, oid: string): void {
    this.entries.set(key, { state: 'loading' });
    const started = performance.now();
    execFile(process.execPath, [this.cli, '--json', '--at', oid, '--target', target, crateDir], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      try {
        const parsed = JSON.parse(stdout) as { types: TypeReport[] };
        this.entries.set(key, { state: 'ready', baseline: { rev, oid, types: parsed.types } });
        this.log.info(`layout diff: ${parsed.types.length} types of ${crateDir} at ${rev} (${oid.slice(0, 8)}) in ${(performance.now() - started).toFixed(0)} ms`);
        this._onDidChange.fire();
      } catch {
        const why = (stderr || err?.message || 'no output').split('\n')[0]!;
        this.entries.set(key, { state: 'failed', why });
        this.log.warn(`layout diff: ${crateDir} at ${rev}: ${why}`);
      }
    });
  }
}

/**
 * The changes of one file's types. A type is matched with the base by its name; failing that, by
 * its last path segment among the base's types of the same file (the document's names can be
 * file-relative before its crate is read). A type found in neither is new, or renamed when a
 * type of that file was removed with the same shape.
 */
export function changesInFile(base: readonly TypeReport[], now: readonly TypeReport[], file: string): Map<string, TypeChange> {
  const baseNames = new Set(base.map((t) => t.name));
  const last = (n: string): string => n.slice(n.lastIndexOf('::') + 1);
  const inFile = base.filter((t) => t.file === file);
  const renamedNow = now.map((t) => {
    if (baseNames.has(t.name)) return t;
    const same = inFile.filter((b) => last(b.name) === last(t.name));
    return same.length === 1 ? { ...t, name: same[0]!.name, displayName: t.name } : t;
  });
  const used = new Set(renamedNow.map((t) => t.name));
  // The base side: every type matched by name, and the file's other types (removed or renamed).
  const baseSide = base.filter((b) => used.has(b.name) || b.file === file);
  const out = new Map<string, TypeChange>();
  for (const c of diffLayouts(baseSide, renamedNow)) {
    if (c.status === 'removed') continue;
    const shown = renamedNow.find((t) => t.name === c.name) as (TypeReport & { displayName?: string }) | undefined;
    out.set(shown?.displayName ?? c.name, c);
  }
  return out;
}

function factsRow(what: string, f: (x: LayoutFacts) => string, c: TypeChange): string {
  return `| ${what} | ${c.before ? f(c.before) : '—'} | ${c.after ? f(c.after) : '—'} |`;
}

/** The hover section of a changed type: before and after side by side, then what moved. */
export function changeMarkdown(c: TypeChange, rev: string, oid: string): string {
  const at = `\`${rev}\` (${oid.slice(0, 8)})`;
  if (c.status === 'new') return `**New since ${at}**`;
  const size = (x: LayoutFacts) => (x.size === null ? 'unknown' : `${x.size} B`);
  const rows = [`| | ${rev} | now |`, '| --- | --- | --- |', factsRow('size', size, c), factsRow('align', (x) => (x.align === undefined ? '—' : `${x.align}`), c), factsRow('padding', (x) => `${x.padding ?? 0} B`, c)];
  const notes = c.notes.filter((n) => !/^(size|align|padding) /.test(n));
  return [`**Layout changed since ${at}**: ${changeSummary(c)}`, '', ...rows, '', ...notes.map((n) => `- ${n}`)].join('\n');
}

export class LayoutDiffCodeLensProvider implements vscode.CodeLensProvider {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this._onDidChange.event;

  constructor(
    private readonly reports: DocumentReports,
    private readonly baselines: LayoutBaselines,
  ) {}

  refresh(): void {
    this._onDidChange.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    return this.reports.safely('layout diff CodeLens', async () => {
      if (!vscode.workspace.getConfiguration(SECTION, document).get<boolean>('codeLens.enabled', true)) return [];
      const a = await this.reports.analyze(document, token);
      if (!a || token.isCancellationRequested) return [];
      const d = this.baselines.changesFor(a, document);
      if (!d) return [];
      const lenses: vscode.CodeLens[] = [];
      for (const { report: t, shallow: item } of a.types) {
        const c = d.changes.get(t.name);
        if (!c) continue;
        const range = spanToRange(document, { start: item.span.start, end: item.span.start });
        lenses.push(new vscode.CodeLens(range, { title: `Δ ${d.rev}: ${changeSummary(c)}`, command: 'rustLayout.compareWith', tooltip: `${c.notes.join('\n')}\n\nCompared with ${d.rev} (${d.oid.slice(0, 8)}); click to compare with another revision.` }));
      }
      return lenses;
    }, []);
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}

export class LayoutDiffHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly reports: DocumentReports,
    private readonly baselines: LayoutBaselines,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    return this.reports.safely('layout diff hover', async () => {
      if (!vscode.workspace.getConfiguration(SECTION, document).get<boolean>('hover.enabled', true)) return undefined;
      const a = await this.reports.analyze(document, token);
      if (!a || token.isCancellationRequested) return undefined;
      // Without a base (no git repository, not loaded yet) nothing is asked of the reports; the
      // type is found by its item's name span, so only its own report is made (a keystroke's
      // hover would otherwise lay out every type above it).
      const d = this.baselines.changesFor(a, document);
      if (!d) return undefined;
      const offset = document.offsetAt(position);
      const entry = a.types.find((t) => t.shallow.nameSpan && spanContains(t.shallow.nameSpan, offset));
      const c = entry && d.changes.get(entry.report.name);
      if (!entry || !c) return undefined;
      const md = new vscode.MarkdownString(changeMarkdown(c, d.rev, d.oid));
      md.supportHtml = false;
      return new vscode.Hover(md, spanToRange(document, entry.report.nameSpan!));
    }, undefined);
  }
}

/** "Rust Layout: Compare with…": picks the base revision (written to `rustLayout.diff.base`). */
export function compareWithCommand(log: Log): Command {
  return {
    id: 'rustLayout.compareWith',
    execute: async (arg?: unknown): Promise<string | undefined> => {
      let rev: string | undefined = typeof arg === 'string' ? arg : undefined;
      if (rev === undefined) {
        const doc = vscode.window.activeTextEditor?.document;
        const dir = doc?.uri.scheme === 'file' ? path.dirname(doc.uri.fsPath) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
        const root = dir ? await findRepositoryRoot(dir) : undefined;
        const branches = root ? await git.listBranches({ fs: nodeFs, dir: root }).catch(() => [] as string[]) : [];
        const tags = root ? await git.listTags({ fs: nodeFs, dir: root }).catch(() => [] as string[]) : [];
        const current = baseRevision(doc);
        const main = branches.find((b) => b === 'main') ?? branches.find((b) => b === 'master');
        const items: (vscode.QuickPickItem & { rev: string })[] = [
          { label: 'HEAD', description: 'the last commit', rev: 'HEAD' },
          ...(main ? [{ label: `merge base with ${main}`, description: 'what this branch changed', rev: `merge-base:HEAD:${main}` }] : []),
          ...branches.map((b) => ({ label: b, description: 'branch', rev: b })),
          ...tags.map((t) => ({ label: t, description: 'tag', rev: t })),
          { label: 'Off', description: 'show no layout changes', rev: '' },
        ].map((i) => (i.rev === current ? { ...i, label: `$(check) ${i.label}` } : i));
        const pick = await vscode.window.showQuickPick(items, { title: 'Rust Layout: Compare with…', placeHolder: root ? `Base revision for the layout changes (now ${current || 'off'})` : 'Not in a git repository: only “Off” applies' });
        rev = pick?.rev;
      }
      if (rev === undefined) return undefined;
      const where = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration(SECTION, null).update('diff.base', rev, where);
      log.info(`layout diff base set to ${rev || 'off'}`);
      return rev;
    },
  };
}
