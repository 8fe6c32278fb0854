/**
 * The probe of the in-crate bench (scripts/bench-in-crate.mjs): a tiny extension that the bench
 * packs (package.json + this bundle, out/test/bench/inCrateProbe.js) into a .vsix and installs
 * into the scratch extensions folder of its code-server, beside Rust Layout Lens loaded as the
 * development extension. It is not part of the product: it activates on `*`, does nothing
 * unless `RLL_PROBE_DIR` is set (the bench sets it in the environment of the code-server it
 * starts), and then, inside the real extension host:
 *  - watches the main thread: a setInterval(…, 5) gap tracker (every gap over 10 ms, with its
 *    wall-clock time) and perf_hooks.monitorEventLoopDelay({ resolution: 10 }) (reset by `mark`);
 *  - serves the bench on 127.0.0.1 (a random port, written to `$RLL_PROBE_DIR/<pid>.json`):
 *    `POST /` with `{ op, ...args }`, answering JSON. The ops open files, type into them, time
 *    `vscode.executeHoverProvider` / `vscode.executeCodeLensProvider` after each edit, report the
 *    blocks, take a CPU profile (node:inspector, in-process) and measure the heap after a full GC.
 * Times that cross processes (the open's start, the blocks) are wall clock (ms since the epoch,
 * fractional); durations measured here are performance.now() differences.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { spawnSync } from 'node:child_process';

const TICK_MS = 5;
const GAP_RECORD_MS = 10;

interface Gap {
  /** Wall-clock time (ms) at which the blocked stretch began. */
  readonly at: number;
  /** How much later than due the tick ran (ms): the length of the block, to within a tick. */
  readonly ms: number;
  /**
   * Of the tick's whole interval, how long the main thread ran on a CPU and how long it was
   * runnable but waiting for one (ms; Linux's /proc schedstat, else undefined): a block the
   * thread spent waiting was other processes' (or threads') doing, not this thread's work.
   */
  readonly onCpu?: number;
  readonly waiting?: number;
}

/** The main thread's [on-CPU, run-queue wait] times so far (ms), or undefined off Linux. */
const SCHEDSTAT = `/proc/${process.pid}/task/${process.pid}/schedstat`;
function schedstat(): [number, number] | undefined {
  try {
    const [run, wait] = fs.readFileSync(SCHEDSTAT, 'utf8').split(' ');
    return [Number(run) / 1e6, Number(wait) / 1e6];
  } catch {
    return undefined;
  }
}

const gaps: Gap[] = [];
/** Whether the ticks read the main thread's schedstat (see startWatching). */
let splitBlocks = false;
/** The process's CPU time (ms, every thread) every 100 ms: [wall clock, cpu]. */
const cpu: Array<[number, number]> = [];
const wall = (): number => performance.timeOrigin + performance.now();
let gapTimer: ReturnType<typeof setInterval> | undefined;
const eld = monitorEventLoopDelay({ resolution: 10 });

function startWatching(): void {
  let last = performance.now();
  let lastSched: [number, number] | undefined;
  let ticks = 0;
  gapTimer = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    // Read only while a cold open is measured (`open` → `blocks`): the read is not free, and the
    // keystroke figures count every millisecond of this thread's work.
    const sched = splitBlocks ? schedstat() : undefined;
    if (late > GAP_RECORD_MS) {
      const split = sched && lastSched ? { onCpu: sched[0] - lastSched[0], waiting: sched[1] - lastSched[1] } : {};
      gaps.push({ at: performance.timeOrigin + last, ms: late, ...split });
      if (gaps.length > 20_000) gaps.splice(0, 10_000);
    }
    last = now;
    lastSched = sched;
    if (++ticks % 20 === 0) {
      const u = process.cpuUsage();
      cpu.push([wall(), (u.user + u.system) / 1000]);
      if (cpu.length > 20_000) cpu.splice(0, 10_000);
    }
  }, TICK_MS);
  eld.enable();
}

/**
 * Idle for the last `ms`: no tick late by more than `maxGap` ms, and the process used less than
 * `maxCpu` of one core (work in small asynchronous slices leaves no late tick, but uses CPU).
 */
function idleFor(ms: number, maxGap: number, maxCpu = 0.15): boolean {
  const now = wall();
  const since = now - ms;
  if (gaps.some((g) => g.at + g.ms >= since && g.ms > maxGap)) return false;
  const first = cpu.find(([t]) => t >= since);
  const lastSample = cpu.at(-1);
  if (!first || !lastSample || lastSample[0] - first[0] < ms * 0.8) return false;
  return (lastSample[1] - first[1]) / (lastSample[0] - first[0]) < maxCpu;
}

/** A full, synchronous GC: the global `gc` when the host has --expose-gc, else V8's own through a fresh context. */
function fullGc(): { gc: () => void; how: string } {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return { gc: g, how: 'global.gc (--expose-gc)' };
  v8.setFlagsFromString('--expose-gc');
  const fn = vm.runInNewContext('gc') as () => void;
  return { gc: fn, how: "v8.setFlagsFromString('--expose-gc') + vm.runInNewContext('gc')" };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

function stats(xs: readonly number[]): { n: number; p50: number | null; p95: number | null; max: number | null } {
  return { n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: xs.length ? Math.max(...xs) : null };
}

function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  const out: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) out.push(typeof c === 'string' ? c : 'value' in c ? c.value : '');
  }
  return out.join('\n');
}

const SIZED = /\d+ B · align/;

function editorFor(uri: vscode.Uri): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
}

/**
 * Opens a file in an editor the way the workbench does (`vscode.open` runs in the workbench, as
 * Quick Open does). Not window.showTextDocument: a document the extension host opens itself is
 * kept alive by the workbench for minutes after its editor closes.
 */
async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  for (let i = 0; i < 200; i++) {
    const e = editorFor(uri);
    if (e) return e;
    await sleep(10);
  }
  throw new Error(`no editor for ${uri.fsPath}`);
}

async function documentFor(file: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = vscode.Uri.file(file);
  const editor = editorFor(uri) ?? (await openEditor(uri));
  return { uri, doc: editor.document, editor };
}

/** One keystroke through the editor, as typing does (no undo stops, so the undo stack stays small). */
async function type(editor: vscode.TextEditor, apply: (b: vscode.TextEditorEdit) => void): Promise<void> {
  const ok = await editor.edit(apply, { undoStopBefore: false, undoStopAfter: false });
  if (!ok) throw new Error('the edit was not applied');
}

interface Pos {
  readonly line: number;
  readonly character: number;
}

const position = (p: Pos) => new vscode.Position(p.line, p.character);

type Handler = (args: Record<string, unknown>) => Promise<unknown>;

/** Waits until the host has been idle for 1 s (at most 10 s). */
async function settle(): Promise<void> {
  const start = wall();
  while (wall() - start < 10_000) {
    await sleep(100);
    if (wall() - start >= 1000 && idleFor(1000, 20)) return;
  }
}

/**
 * `count` edits (or as many as fit in `budgetMs`), each followed by `ask()`, `pauseMs` apart.
 * Per edit: `total`, from just before TextEditor.edit to ask()'s answer (the edit's round trip
 * to the workbench and the command's are inside); `fromChange`, from the moment the extension
 * host received the change (this probe's onDidChangeTextDocument listener, registered before the
 * extension's, so it runs first) to the answer; `host`, the extension host main thread's active
 * time over that stretch (performance.eventLoopUtilization: the work of the extensions, the
 * providers, the RPC, without the time spent waiting for the workbench). With `edit` undefined,
 * only the request is timed (from just before it).
 */
async function edits(
  editor: vscode.TextEditor,
  o: { count: number; budgetMs: number; pauseMs: number; edit: ((i: number) => (b: vscode.TextEditorEdit) => void) | undefined; ask: () => Promise<string | undefined> },
): Promise<{ total: ReturnType<typeof stats>; fromChange: ReturnType<typeof stats>; host: ReturnType<typeof stats>; misses: number; elapsedMs: number }> {
  const total: number[] = [];
  const fromChange: number[] = [];
  const host: number[] = [];
  let misses = 0;
  let changedAt = 0;
  let eluAtChange = performance.eventLoopUtilization();
  const uri = editor.document.uri.toString();
  const sub = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() !== uri || e.contentChanges.length === 0) return;
    changedAt = performance.now();
    eluAtChange = performance.eventLoopUtilization();
  });
  const started = performance.now();
  try {
    for (let i = 0; i < o.count && performance.now() - started < o.budgetMs; i++) {
      const t = performance.now();
      changedAt = 0;
      if (o.edit) await type(editor, o.edit(i));
      else {
        changedAt = t;
        eluAtChange = performance.eventLoopUtilization();
      }
      if (changedAt === 0) throw new Error('the edit reached the extension host after TextEditor.edit resolved');
      const answer = await o.ask();
      const end = performance.now();
      const elu = performance.eventLoopUtilization(eluAtChange);
      if (answer === undefined) misses++;
      total.push(end - t);
      fromChange.push(end - changedAt);
      host.push(elu.active);
      if (o.pauseMs) await sleep(o.pauseMs);
    }
  } finally {
    sub.dispose();
  }
  return { total: stats(total), fromChange: stats(fromChange), host: stats(host), misses, elapsedMs: performance.now() - started };
}

let profiler: inspector.Session | undefined;

const OPS: Record<string, Handler> = {
  async ping() {
    const rust = vscode.extensions.getExtension('rust-layout-lens.rust-layout-lens');
    const development = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    const rustDocuments = vscode.workspace.textDocuments.filter((d) => d.languageId === 'rust').length;
    return { pid: process.pid, uptime: process.uptime(), node: process.version, vscode: vscode.version, app: vscode.env.appName, extensionFound: !!rust, active: !!rust?.isActive, rustDocuments, development };
  },

  /** Resolves once the host has been idle (see idleFor) for `ms` ms, or after `timeout` (then `quietAfter` is null). */
  async quiet(a) {
    const ms = Number(a.ms ?? 500);
    const maxGap = Number(a.maxGap ?? 20);
    const timeout = Number(a.timeout ?? 10_000);
    const start = wall();
    while (wall() - start < timeout) {
      await sleep(100);
      if (wall() - start >= ms && idleFor(ms, maxGap)) return { quietAfter: wall() - start };
    }
    return { quietAfter: null };
  },

  /** Whether the host has been idle for the last `ms` ms. */
  async idle(a) {
    return { idle: idleFor(Number(a.ms ?? 3000), Number(a.maxGap ?? 20)) };
  },

  /** Starts a measured stretch: the event-loop-delay histogram is reset. */
  async mark() {
    eld.reset();
    return { at: wall() };
  },

  /** Opens a file in an editor (`vscode.open`, run by the workbench); `t0` is the wall-clock time just before. */
  async open(a) {
    splitBlocks = true;
    eld.reset();
    const t0 = wall();
    const editor = await openEditor(vscode.Uri.file(String(a.file)));
    return { t0, shownAfter: wall() - t0, lines: editor.document.lineCount };
  },

  /** The file's CodeLenses as the extension gives them now (vscode.executeCodeLensProvider). */
  async lenses(a) {
    const t = performance.now();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', vscode.Uri.file(String(a.file)), 1000);
    const ms = performance.now() - t;
    const titles = (lenses ?? []).map((l) => l.command?.title ?? '');
    const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(String(a.file))).map((d) => d.message);
    return { ms, count: titles.length, sized: titles.filter((x) => SIZED.test(x)).length, sample: titles.slice(0, 3), unsized: titles.filter((x) => !SIZED.test(x)).slice(0, 3), diagnostics: diagnostics.length, gaveUp: diagnostics.find((d) => /gave up/.test(d)) ?? null };
  },

  /** The blocks (late ticks) between `since` and `until` (wall clock), longest first, and the histogram's max since the last reset. */
  async blocks(a) {
    splitBlocks = false;
    const since = Number(a.since);
    const until = Number(a.until ?? wall());
    const inside = gaps.filter((g) => g.at + g.ms >= since && g.at <= until);
    const top = [...inside].sort((x, y) => y.ms - x.ms).slice(0, Number(a.top ?? 5));
    const over50 = inside.filter((g) => g.ms > 50);
    // The longest stretch of this thread's own running: a block less the time it waited for a CPU.
    const ownMs = (g: Gap): number => (g.waiting === undefined ? g.ms : Math.max(0, g.ms - g.waiting));
    const ownTop = [...inside].sort((x, y) => ownMs(y) - ownMs(x))[0];
    return {
      longest: top[0]?.ms ?? 0,
      longestOwn: ownTop ? ownMs(ownTop) : 0,
      top: top.map((g) => ({ startAfter: g.at - since, ms: g.ms, onCpu: g.onCpu, waiting: g.waiting })),
      over50: over50.length,
      over50Total: over50.reduce((s, g) => s + g.ms, 0),
      eldMax: eld.max / 1e6,
      eldP99: eld.percentile(99) / 1e6,
    };
  },

  async profileStart(a) {
    profiler = new inspector.Session();
    profiler.connect();
    const post = (m: string, p?: object) => new Promise<void>((res, rej) => profiler!.post(m, p ?? {}, (e) => (e ? rej(e) : res())));
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: Number(a.intervalUs ?? 500) });
    const before = wall();
    await post('Profiler.start');
    return { startedAt: (before + wall()) / 2 };
  },

  async profileStop(a) {
    const s = profiler;
    if (!s) throw new Error('no profile running');
    profiler = undefined;
    const before = wall();
    const profile = await new Promise<unknown>((res, rej) => s.post('Profiler.stop', (e, r) => (e ? rej(e) : res(r.profile))));
    const stoppedAt = (before + wall()) / 2;
    s.disconnect();
    fs.mkdirSync(path.dirname(String(a.file)), { recursive: true });
    fs.writeFileSync(String(a.file), JSON.stringify(profile));
    return { file: a.file, stoppedAt };
  },

  /** Heap after a full GC (run 3 times, with a pause, so finalizers and weak maps settle). */
  async memory(a) {
    const { gc, how } = fullGc();
    await sleep(Number(a.settleMs ?? 500));
    for (let i = 0; i < 3; i++) {
      gc();
      await sleep(200);
    }
    const m = process.memoryUsage();
    // RLL_BENCH_HEAP_SNAPSHOT: a heap snapshot of the extension host at this point, for DevTools.
    const snapshot = typeof a.snapshotFile === 'string' ? v8.writeHeapSnapshot(a.snapshotFile) : undefined;
    return { gc: how, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss, snapshot };
  },

  /** Opens more files of the crate and waits until each has its CodeLens (so each is analysed). */
  async openMore(a) {
    const files = a.files as string[];
    let sized = 0;
    for (const f of files) {
      const { uri } = await documentFor(f);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000);
      sized += (lenses ?? []).filter((l) => SIZED.test(l.command?.title ?? '')).length;
    }
    await documentFor(String(a.back));
    return { opened: files.length, sizedLenses: sized };
  },

  /**
   * Typing in a doc comment: a character appended to line `line`, then deleted, `count` times
   * (or until `budgetMs`), each followed by a hover at `hover` (`mode: 'hover'`) or every
   * CodeLens of the file (`mode: 'lens'`). See `edits` for what is timed; `floor` is the same
   * request with no edit before it (the analysis cached): the round trips alone.
   */
  async typing(a) {
    const { uri, editor } = await documentFor(String(a.file));
    const line = Number(a.line);
    const at = position(a.hover as Pos);
    // The first answer without a layout, as a sample for the report.
    let missSample: string | undefined;
    const ask = async (): Promise<string | undefined> => {
      if (a.mode === 'hover') {
        const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at));
        const size = /size (\d+)/.exec(text)?.[1];
        if (!size) missSample ??= text.slice(0, 300);
        return size;
      }
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000);
      const titles = (lenses ?? []).map((l) => l.command?.title ?? '');
      const sized = titles.filter((t) => SIZED.test(t)).length;
      if (!sized) missSample ??= titles.slice(0, 3).join(' | ');
      return sized ? String(sized) : undefined;
    };
    await ask();
    // Let the work of earlier edits finish first (the whole-file re-parse 400 ms after typing
    // stops, the diagnostics after 250 ms), so it does not land in the floor.
    await settle();
    const floor = await edits(editor, { count: 30, budgetMs: 10_000, pauseMs: 0, edit: undefined, ask });
    const typed = await edits(editor, {
      count: Number(a.count ?? 200),
      budgetMs: Number(a.budgetMs ?? 60_000),
      pauseMs: Number(a.pauseMs ?? 20),
      edit: (i) => {
        const end = editor.document.lineAt(line).range.end;
        return i % 2 === 0 ? (b) => b.insert(end, 'x') : (b) => b.delete(new vscode.Range(end.translate(0, -1), end));
      },
      ask,
    });
    // Leave the text as it was (an odd count left one character).
    if (typed.total.n % 2 === 1) {
      const end = editor.document.lineAt(line).range.end;
      await type(editor, (b) => b.delete(new vscode.Range(end.translate(0, -1), end)));
    }
    return { ...typed, floor, missSample };
  },

  /** Editing a field's type back and forth (`from` ↔ `to` at `at`), each followed by a hover at `hover` (see `edits`). */
  async fieldEdit(a) {
    const { uri, editor } = await documentFor(String(a.file));
    const from = String(a.from);
    const to = String(a.to);
    const at = position(a.at as Pos);
    const hoverAt = position(a.hover as Pos);
    const now = () => editor.document.getText(new vscode.Range(at, at.translate(0, Math.max(from.length, to.length))));
    if (!now().startsWith(from)) throw new Error(`expected \`${from}\` at ${at.line + 1}:${at.character + 1}, found \`${now()}\``);
    let current = from;
    const sizes = new Set<string>();
    await settle();
    const r = await edits(editor, {
      count: Number(a.count ?? 100),
      budgetMs: Number(a.budgetMs ?? 60_000),
      pauseMs: Number(a.pauseMs ?? 20),
      edit: () => {
        const next = current === from ? to : from;
        const range = new vscode.Range(at, at.translate(0, current.length));
        current = next;
        return (b) => b.replace(range, next);
      },
      ask: async () => {
        const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, hoverAt));
        const size = /size (\d+)/.exec(text)?.[1];
        if (size) sizes.add(`${current}: ${size}`);
        return size;
      },
    });
    if (current !== from) await type(editor, (b) => b.replace(new vscode.Range(at, at.translate(0, current.length)), from));
    return { ...r, sizes: [...sizes] };
  },

  /** Reverts and closes every editor; waits until the extension host dropped the documents. */
  async closeAll(a) {
    for (const d of vscode.workspace.textDocuments) {
      if (d.isDirty) {
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const started = wall();
    const rust = () => vscode.workspace.textDocuments.filter((d) => d.languageId === 'rust' && !d.isClosed).length;
    while (rust() > 0 && wall() - started < Number(a.timeout ?? 15_000)) await sleep(100);
    return { rustDocumentsLeft: rust(), waitedMs: wall() - started };
  },
};

export function activate(context: vscode.ExtensionContext): void {
  const dir = process.env.RLL_PROBE_DIR;
  if (!dir) return;
  // RLL_BENCH_PIN=<cpu> (Linux): this extension host, every thread of it, on that CPU alone; the
  // bench runs under `taskset -c <another>` so the workbench, code-server and Chromium do not
  // take it (what a machine with more cores than this shared 2-core one gives the host).
  const pin = process.env.RLL_BENCH_PIN;
  if (pin && process.platform === 'linux') spawnSync('taskset', ['-a', '-p', '-c', pin, String(process.pid)], { stdio: 'ignore' });
  startWatching();
  // VS Code's own floor for a first CodeLens (the bench's `floor` windows): a provider that
  // answers at once, with a sized-looking title, for one plain-text file.
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider({ pattern: '**/rll-floor.txt' }, {
      provideCodeLenses: () => [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '8 B · align 8 · floor', command: '' })],
    }),
    // And for a keystroke → hover: a hover provider that answers at once (see `typing`).
    vscode.languages.registerHoverProvider({ pattern: '**/rll-floor.txt' }, { provideHover: () => new vscode.Hover('size 8 · floor') }),
  );
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        let status = 200;
        let out: unknown;
        try {
          const args = JSON.parse(body || '{}') as Record<string, unknown>;
          const op = OPS[String(args.op)];
          if (!op) throw new Error(`unknown op ${String(args.op)}`);
          out = await op(args);
        } catch (e) {
          status = 500;
          out = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
        }
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(out));
      })();
    });
  });
  server.requestTimeout = 0;
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    fs.mkdirSync(dir, { recursive: true });
    // Written whole under a temporary name, then renamed: the bench never reads half a file.
    const file = path.join(dir, `${process.pid}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ port, pid: process.pid }));
    fs.renameSync(`${file}.tmp`, file);
  });
  context.subscriptions.push({
    dispose: () => {
      server.close();
      if (gapTimer) clearInterval(gapTimer);
      eld.disable();
    },
  });
}

export function deactivate(): void {}
