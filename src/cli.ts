/**
 * Headless command line: `node dist/cli.js [--json] [--target TRIPLE] PATH...`
 * PATH is a `.rs` file or a crate directory. Prints one JSON document with `--json`,
 * otherwise a readable table. Exit code 2 on usage errors, 1 when a path cannot be read.
 */
import { readStdModel } from './platform/stdModelFile';
import { useNodeParseClock } from './platform/nodeClock';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { TypeReport } from './core/reportTypes';
import { shownPath } from './core/report';
import type { HeapReport } from './core/heap/collections';
import { Analyzer, UnknownTargetError } from './analysis/analyzer';
import { loadPath } from './analysis/program';
import { mergeWorkspaceReports } from './analysis/workspaceBuild';
import type { ParseFn } from './analysis/project';
import { NodeFs } from './platform/nodeFs';
import { DEFAULT_TARGET, registerCustomTarget } from './core/targets';
import { readFileSync } from 'node:fs';
import { runDiff } from './cliDiff';
import type { ProjectFs } from './cargo/fs';
import type { FeatureSelection } from './cargo/graph';
import { findRepositoryRoot, readRevision, revisionFs } from './platform/gitRevision';
import { hostTriple } from './core/hostTarget';

const USAGE = `usage: rust-layout-lens [--json] [--target TRIPLE] [--features F,..] [--all-features] [--no-default-features] [--heap N [--heap-inner M]] [--verbose] PATH...
  PATH       a .rs file or a crate directory (src/lib.rs or src/main.rs)
  --json     print one JSON document {target, types}
  --heap     also give what each type owns on the heap with N entries in each collection it holds
             (JSON: a "heap" object per type; the table: a heap column)
  --heap-inner  entries in the collections inside elements (Vec<String>: each String; default 16)
  --verbose  also list the dependency crates read and their problems (on stderr)
  --target   any target of rustc 1.95's \`rustc --print target-list\` (docs/targets.md), or a custom
             target .json file (default ${DEFAULT_TARGET})
  --features, --all-features, --no-default-features
             the package's features, as cargo's options of the same names select them (a
             comma- or space-separated list, \`dep/feature\` too; may be repeated)

  --at       lay out PATH as it was at a git revision (see --diff for the forms of REV)

Layout diff: rust-layout-lens --diff REV [--base-dir DIR] [--format json|markdown|text] [--fail-on-growth BYTES] [--target TRIPLE] PATH
  --diff            a git revision (HEAD, a branch, a tag, a commit, REV~N, merge-base:A:B) to
                    compare the working tree with, or BASE..HEAD for two revisions
  --base-dir        the git repository (default: found upwards from PATH)
  --format          json (default with --json), markdown (a table for a pull request), text
  --fail-on-growth  exit 1 when a type grew by more than BYTES`;

const span = (r: { min: number; max: number }): string => (r.min === r.max ? String(r.min) : `${r.min}-${r.max}`);

/** `; held as W<u32> (8 B, align 4), W<String> (32 B, align 8)` for a generic type the crate's types hold. */
function instancesNote(t: TypeReport): string {
  const list = t.instances ?? [];
  if (list.length === 0) return '';
  const shown = list.slice(0, 3).map((i) => `${i.type} (${i.size} B, align ${i.align})`);
  return `; held as ${shown.join(', ')}${list.length > 3 ? `, +${list.length - 3} more` : ''}`;
}

function table(types: readonly (TypeReport & { heap?: HeapReport })[], heap: boolean): string {
  const rows = types.map((t) => [
    t.name,
    t.kind,
    t.size === null ? '?' : String(t.size),
    t.align === undefined ? '' : String(t.align),
    t.padding === undefined ? '' : String(t.padding),
    ...(heap ? [!t.heap ? '' : t.heap.unknown ? '?' : `${span(t.heap.bytes!)} B / ${span(t.heap.allocations!)} calls`] : []),
    t.error ?? (t.unknown ? `unknown: ${t.unknown}${instancesNote(t)}` : t.heap?.unknown ? `heap unknown: ${t.heap.unknown}` : t.tag ? `tag ${t.tag.size} B @${t.tag.offset}` : ''),
  ]);
  const head = ['type', 'kind', 'size', 'align', 'padding', ...(heap ? ['heap'] : []), 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: [...argv], allowPositionals: true, options: { json: { type: 'boolean' }, target: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' }, diff: { type: 'string' }, at: { type: 'string' }, 'base-dir': { type: 'string' }, format: { type: 'string' }, 'fail-on-growth': { type: 'string' }, heap: { type: 'string' }, 'heap-inner': { type: 'string' }, features: { type: 'string', short: 'F', multiple: true }, 'all-features': { type: 'boolean' }, 'no-default-features': { type: 'boolean' } } });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.positionals.length === 0) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const features: FeatureSelection = {
    features: (args.values.features ?? []).flatMap((f) => f.split(/[\s,]+/)).filter((f) => f !== ''),
    ...(args.values['all-features'] ? { all: true } : {}),
    ...(args.values['no-default-features'] ? { noDefault: true } : {}),
  };
  useNodeParseClock();
  const analyzer = new Analyzer({ wasmDir: __dirname, prebuiltStd: () => readStdModel(__dirname) });
  try {
    let triple = args.values.target;
    if (triple?.endsWith('.json')) {
      // A custom target file: known by its file name's stem, as rustc and cargo name it.
      try {
        triple = registerCustomTarget(path.basename(triple, '.json'), JSON.parse(readFileSync(triple, 'utf8'))).triple;
      } catch (e) {
        process.stderr.write(`--target ${triple}: ${(e as Error).message}\n`);
        return 2;
      }
    }
    const target = analyzer.resolveTarget(triple);
    if (args.values.diff !== undefined) {
      const format = args.values.format ?? (args.values.json ? 'json' : 'text');
      const growth = args.values['fail-on-growth'];
      if (!['json', 'markdown', 'text'].includes(format) || args.positionals.length !== 1 || (growth !== undefined && !/^\d+$/.test(growth))) {
        process.stderr.write(`--diff takes one PATH, --format json|markdown|text and --fail-on-growth BYTES\n${USAGE}\n`);
        return 2;
      }
      const w = (s: string) => process.stdout.write(s);
      const e = (s: string) => process.stderr.write(s);
      return await runDiff({ analyzer, target, features, path: path.resolve(args.positionals[0]!), rev: args.values.diff, baseDir: args.values['base-dir'], format: format as 'json' | 'markdown' | 'text', failOnGrowth: growth === undefined ? undefined : Number(growth) }, w, e);
    }
    const heapArg = args.values.heap;
    const innerArg = args.values['heap-inner'];
    if ((heapArg !== undefined && !/^\d{1,9}$/.test(heapArg)) || (innerArg !== undefined && (!/^\d{1,7}$/.test(innerArg) || heapArg === undefined))) {
      process.stderr.write(`--heap takes a whole number of entries, and --heap-inner (with --heap) another\n${USAGE}\n`);
      return 2;
    }
    const heap = heapArg === undefined ? undefined : { entries: Number(heapArg), inner: innerArg === undefined ? 16 : Number(innerArg) };
    const parser = await analyzer.parser();
    const all: (TypeReport & { heap?: HeapReport })[] = [];
    let failed = false;
    // `--at REV`: the crates as they were at a git revision (the editor's layout diff asks so).
    let fs: ProjectFs = new NodeFs();
    if (args.values.at !== undefined) {
      const first = path.resolve(args.positionals[0]!);
      const root = args.values['base-dir'] ? path.resolve(args.values['base-dir']) : await findRepositoryRoot(first);
      if (!root) {
        process.stderr.write(`no git repository holds ${first} (give one with --base-dir)\n`);
        return 2;
      }
      try {
        fs = revisionFs(await readRevision(root, args.values.at), fs);
      } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        return 2;
      }
    }
    for (const p of args.positionals) {
      let loaded;
      try {
        // A batch tool: every file is parsed to the end, however long its error recovery takes
        // (the parse budget keeps the editor responsive; here completeness comes first).
        const parse: ParseFn = (file, text, hints) => analyzer.parseWith(parser, file, text, { budgetMs: Infinity }, hints);
        loaded = loadPath(path.resolve(p).replace(/\\/g, '/'), { fs, parse, target, host: hostTriple(process.platform, process.arch), ownIncludes: true, features });
      } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        failed = true;
        continue;
      }
      for (const pr of loaded.problems) process.stderr.write(`warning: ${path.relative(loaded.root, pr.file) || pr.file}: ${pr.message}\n`);
      const a = await analyzer.analyze(loaded.program, target.triple);
      const heaps = heap && a.heapReports(heap.entries, heap.inner);
      // A workspace member whose dependencies a whole-workspace build compiles with other
      // features: the types whose layout that changes say both layouts, as unknown.
      const ws = loaded.wholeWorkspace?.();
      const reports = ws ? mergeWorkspaceReports(a.reports(), (await analyzer.analyze(ws.program, target.triple)).reports(), ws) : a.reports();
      for (const t of reports) {
        const file = path.relative(loaded.root, t.file) || path.basename(t.file);
        const h = heaps?.get(t.name);
        // Names and messages as rustc writes paths (`m::_::P` for a type in `const _: () = {..}`).
        const shown = {
          name: shownPath(t.name),
          ...(t.unknown ? { unknown: shownPath(t.unknown) } : {}),
          ...(t.error ? { error: shownPath(t.error) } : {}),
          ...(t.instances ? { instances: t.instances.map((i) => ({ ...i, in: shownPath(i.in) })) } : {}),
        };
        all.push({ ...t, ...shown, file, ...(h ? { heap: h } : {}) });
      }
      // Dependency crates are read when a type reaches them, so their problems are known now.
      if (args.values.verbose) {
        for (const n of loaded.project?.read ?? []) process.stderr.write(`read ${n.name} ${n.version ?? ''} (${n.dir})\n`);
        for (const pr of loaded.project?.problems ?? []) process.stderr.write(`note: ${pr.crate}: ${pr.message}\n`);
      }
    }
    if (args.values.json) {
      const types = all.map(({ nameSpan: _n, span: _s, ...rest }) => ({
        ...rest,
        fields: rest.fields?.map(({ nameSpan: _f, ...f }) => f),
        variants: rest.variants?.map((v) => ({ ...v, fields: v.fields.map(({ nameSpan: _f, ...f }) => f) })),
      }));
      process.stdout.write(JSON.stringify({ target: target.triple, types }) + '\n');
    } else {
      process.stdout.write(`target: ${target.triple}${heap ? ` · heap with ${heap.entries} entries per collection (${heap.inner} in inner ones)` : ''}\n${table(all, !!heap)}\n`);
    }
    return failed ? 1 : 0;
  } catch (e) {
    if (e instanceof UnknownTargetError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  } finally {
    analyzer.dispose({ disposeParser: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
