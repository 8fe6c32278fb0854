// The in-crate section of `npm run bench` (issues 13 and 14): what a user of the real extension
// host gets in real crates, measured inside code-server's Node extension host, in headless
// Chromium, with the extension loaded as a development extension from this folder. It prints
// figures and asserts nothing (the machine is shared and noisy).
//
//   node scripts/bench-in-crate.mjs            (after `npm run build`; `npm run bench` runs it last)
//   RLL_BENCH_ONLY=in-crate npm run bench      (build, then this section alone)
//
// Corpora (scripts/bench-in-crate-corpora.mjs, made in a scratch folder at bench time): the real
// crates object 0.30, gimli 0.27 and regex-syntax 0.6.27 (Debian's sources, each in a workspace
// of its own whose .cargo/config.toml points crates.io at /usr/share/cargo/registry), `gen20`
// (a generated 20 MB crate of 1,000 module files) and `deps` (a package whose dependency graph
// has 83 crates: hyper, h2, tokio, tracing-subscriber, rustls, clap, regex, serde_json…).
//
// A probe (test/bench/inCrateProbe.ts, packed by vsce into a .vsix and installed into the scratch
// extensions folder of the code-server the bench starts, so it loads beside the development
// extension; it does nothing outside the bench) runs in the same extension host and answers the
// bench over a local HTTP port. Per corpus:
//  1. cold open → first sized CodeLens: in each of RLL_BENCH_WINDOWS (5) fresh workbench windows
//     (a new page on a folder the workbench has never opened, a symlink to the corpus, so a new
//     extension host with nothing cached and no editor restored; the file-system cache is warm),
//     once the host is idle, the probe opens the corpus's file with the `vscode.open` command
//     (run by the workbench, as Quick Open does); the time runs from just before that call to the
//     moment a CodeLens whose title has a size (`/\d+ B · align/`) is put into the workbench's
//     DOM (a MutationObserver in the page). The extension is active before the open (it activates
//     in a workspace with a Cargo.toml: its parse worker, grammar and std model are loaded while
//     the bench waits for the host to be quiet). It includes reading and analysing the crate and
//     its dependencies, and VS Code's own pipeline: its CodeLens debounce (the workbench asks at
//     least 250 ms after the editor gets its model), a resolve pass, the rendering. That pipeline
//     alone is measured too (`floor`): a provider of the probe that answers at once, on a
//     plain-text file opened the same way in fresh windows. From 1.5 s
//     after the open the probe also asks the extension (vscode.executeCodeLensProvider, sharing
//     the analysis the workbench's request started). The extension reads a crate's files off the
//     main thread and shows the opened file first (lenses that say "still being read", or none
//     for a moment), then has the workbench ask again as files come in: so an answer without a
//     sized lens ends the wait only once the extension host (every thread: the parse worker
//     too) has been idle for 2 s and asking again still gives none (e.g. the parse of the file
//     was given up: its diagnostic is recorded); an answer with sized lenses that the screen has
//     not shown 5 s later ends it too. Such a window counts as "no sized lens".
//  2. longest main-thread block of the extension host, from the open until the host has been
//     idle for 1 s after the lens (no late tick over 20 ms and under 15% of a core): the longest
//     late tick of a setInterval(…, 5) in the probe (monitorEventLoopDelay({ resolution: 10 })'s
//     max agrees to within its resolution), with the 3 longest and when each began after the
//     open. `deps`'s row is issue 13's figure.
//  3. in the last window: keystroke → hover and keystroke → every CodeLens. A character is
//     appended to a doc-comment line above the hovered type, then deleted, and so on
//     (RLL_BENCH_KEYSTROKES = 200 each, or as many as fit in RLL_BENCH_PHASE_S = 25 s; 20 ms
//     apart); after each edit the probe runs vscode.executeHoverProvider at a type's name further
//     down, or vscode.executeCodeLensProvider (resolving every lens). Two figures per keystroke,
//     both taken in the extension host:
//       - ext-host work: the extension host main thread's active time (performance.
//         eventLoopUtilization) from the moment the change reached it (the probe's
//         onDidChangeTextDocument listener, registered before the extension's) to the answer:
//         the extension's change handler and provider, the RPC, any GC; the time spent waiting
//         for the workbench is left out. This is the figure the targets (p95 ≤ 5 ms, ≤ 2 ms)
//         are about;
//       - wall: from just before TextEditor.edit to the answer, with the edit's round trip to the
//         workbench and the command's (the command runs in the workbench, which calls the
//         providers back): what a caller in the extension host waits;
//     and both for the same request with no edit before it (the answer cached): the overhead.
//  4. a field-type edit → hover: a field's type toggled (u16 ↔ u32, or U16<LE> ↔ U32<LE>) in a
//     type that others hold, then a hover on a holder (RLL_BENCH_FIELD_EDITS = 100, ≤ 15 s),
//     timed the same two ways.
//  5. memory: the extension host's heapUsed after a full GC (run by the probe through
//     v8.setFlagsFromString('--expose-gc') + vm.runInNewContext('gc'), since code-server starts
//     the host without --expose-gc) before the open, with the file and up to 9 more of the crate
//     open (each analysed), and after reverting and closing every editor (once the extension host
//     dropped the documents).
// Then a table (rows: measures; columns: corpora; ranges are min–max over the windows) and the
// figures as JSON in .test-output/bench-in-crate.json.
//
// RLL_BENCH_CORPORA=object,gen20   only these corpora
// RLL_BENCH_PROFILE=gen20,deps     one more window per named corpus (or `all`) with a CPU profile
//                                  of the extension host (node:inspector in the probe) from the
//                                  open to the settle, written to .test-output/in-crate-<corpus>.cpuprofile
//                                  (open it in Chrome DevTools), and summed up: the functions that
//                                  ran during the longest block, and during all blocks over 50 ms
// RLL_BENCH_PROFILE_TYPING=1       a CPU profile of the extension host during the keystroke → hover phase,
//                                  in .test-output/typing-<corpus>.cpuprofile
// RLL_BENCH_GEN_BYTES              size of the generated crate (default 20,000,000)
// RLL_BENCH_PIN=1                  the probe moves its extension host (every thread) to CPU 1;
//                                  run the bench as `taskset -c 0 node dist/bench.js` so code-server,
//                                  Chromium and the bench share CPU 0: the extension host gets a
//                                  CPU of its own, as on a machine with more than two cores
// RLL_BENCH_HEAP_SNAPSHOT=1        a heap snapshot of the extension host once the files are open
//                                  (after the memory measure), beside the bench's results
// RLL_BENCH_SCREENSHOTS=1          a screenshot of each window once its lens came (or did not)
// RLL_BENCH_STAGES=1               how long each window took to load, settle and close
// VERBOSE=1, KEEP_TMP=1            as in scripts/run-tests.mjs
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { prepareCorpora } from './bench-in-crate-corpora.mjs';
import { ROOT, VERBOSE, ensureCodeServer, installVsix, launchBrowser, makeScratch, say, startCodeServer, workbenchUrl } from './lib.mjs';

const num = (name, dflt) => Number(process.env[name] ?? dflt);
const WINDOWS = Math.max(1, num('RLL_BENCH_WINDOWS', 5));
const KEYSTROKES = num('RLL_BENCH_KEYSTROKES', 200);
const FIELD_EDITS = num('RLL_BENCH_FIELD_EDITS', 100);
const PHASE_MS = num('RLL_BENCH_PHASE_S', 25) * 1000;
const FIELD_MS = Math.min(PHASE_MS, 15_000);
const ONLY = process.env.RLL_BENCH_CORPORA?.split(',').filter(Boolean);
const SCREENSHOTS = !!process.env.RLL_BENCH_SCREENSHOTS;
const PROFILE = process.env.RLL_BENCH_PROFILE?.split(',').filter(Boolean) ?? [];
const OUT = join(ROOT, '.test-output');
const PROBE_BUNDLE = join(ROOT, 'out/test/bench/inCrateProbe.js');
const SIZED = /\d+ B · align/;
const EXTENSION_BUNDLE = `${ROOT}/dist/extension.js`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The probe extension and its HTTP channel.

/**
 * Packs the probe as a .vsix (vsce, a devDependency) in `dir`. Installed into the scratch
 * extensions folder, it loads in every window beside the development extension (the workbench
 * URL takes one extensionDevelopmentPath only: its payload is read into a Map).
 */
function packProbe(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'rll-bench-probe',
        displayName: 'Rust Layout Lens bench probe',
        description: 'Measures the extension host for scripts/bench-in-crate.mjs',
        publisher: 'rll-bench',
        version: '0.0.0',
        engines: { vscode: '^1.100.0' },
        main: './extension.js',
        activationEvents: ['*'],
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'extension.js'), readFileSync(PROBE_BUNDLE, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, ''));
  const vsix = join(dir, 'probe.vsix');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packing the probe failed:\n${r.stdout}${r.stderr}`);
  return vsix;
}

function post(port, body) {
  return new Promise((res, rej) => {
    const data = JSON.stringify(body);
    // agent: false, a connection per request: a kept-alive socket can be closed by the probe's
    // server (5 s keep-alive) just as the next request goes out on it (ECONNRESET).
    const req = request({ host: '127.0.0.1', port, agent: false, method: 'POST', path: '/', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (r) => {
      let text = '';
      r.on('data', (c) => (text += c));
      r.on('end', () => {
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          return rej(new Error(`probe answered ${r.statusCode}: ${text.slice(0, 200)}`));
        }
        if (r.statusCode !== 200) rej(new Error(`probe ${body.op} failed: ${json.error}`));
        else res(json);
      });
    });
    req.on('error', rej);
    req.end(data);
  });
}

async function waitForNewFile(dir, seen, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const fresh = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && !seen.has(f)) : [];
    if (fresh.length) return JSON.parse(readFileSync(join(dir, fresh[0]), 'utf8'));
    await sleep(100);
  }
  throw new Error(`the probe did not start within ${timeoutMs / 1000} s (no new port file in ${dir})`);
}

/** Runs in the page: records when the first CodeLens, and the first sized one, enter the DOM. */
function lensObserver() {
  if (window.top !== window) return;
  const r = { armed: false, firstAny: null, firstSized: null, titles: [] };
  window.__rllLens = r;
  const now = () => performance.timeOrigin + performance.now();
  const check = () => {
    if (!r.armed || r.firstSized !== null) return;
    const els = document.querySelectorAll('.monaco-editor .codelens-decoration');
    if (els.length === 0) return;
    const t = now();
    if (r.firstAny === null) r.firstAny = t;
    r.titles = [...els].map((e) => e.textContent ?? '');
    if (r.titles.some((x) => /\d+ B · align/.test(x))) r.firstSized = t;
  };
  const start = () => new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

// ---------------------------------------------------------------------------------------------
// One window: a fresh page on a folder never opened before, so a fresh extension host.

let windowCount = 0;

async function openWindow(ctx, corpus) {
  const portsDir = ctx.portsDir;
  const seen = new Set(existsSync(portsDir) ? readdirSync(portsDir) : []);
  // The folder through a symlink of its own: a workspace the workbench has never seen, so it
  // restores no editor of an earlier window (which would open, and analyse, the file before the
  // measured open). The browser profile stays (its HTTP cache makes the workbench load faster).
  const folder = `${corpus.dir}.w${++windowCount}`;
  symlinkSync(corpus.dir, folder);
  const page = await ctx.browser.newPage();
  if (VERBOSE) page.on('console', (m) => console.log(`[browser] ${m.type()}: ${m.text()}`));
  await page.addInitScript(lensObserver);
  const url = workbenchUrl(ctx.server.origin, { folder, devPath: ROOT });
  const tg = Date.now();
  await page.goto(url);
  const tl = Date.now();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const tw = Date.now();
  // This window's extension host is the one whose probe wrote a port file the bench has not seen.
  const { port, pid } = await waitForNewFile(portsDir, seen, 60_000);
  const probe = (op, args = {}) => post(port, { op, ...args });
  const info = await probe('ping');
  if (process.env.RLL_BENCH_STAGES) say(`  page loaded ${tl - tg} ms, workbench ${tw - tl} ms, probe up ${Date.now() - tw} ms (extension host up ${(info.uptime * 1000).toFixed(0)} ms)`);
  if (!info.extensionFound) throw new Error(`Rust Layout Lens is not loaded in the extension host (non-built-in extensions: ${info.development.join(', ') || 'none'})`);
  return {
    page,
    pid,
    probe,
    info,
    /** The path of `file` (in the corpus folder) as this window's workspace sees it. */
    path: (file) => join(folder, relative(corpus.dir, file)),
    async close() {
      await page.close().catch(() => {});
      // The server ends a window's extension host once the page is gone; wait for it, so the
      // next window does not share the cores with a dying one.
      const until = Date.now() + 10_000;
      while (Date.now() < until && alive(pid)) await sleep(100);
      if (alive(pid)) {
        say(`extension host ${pid} still running 10 s after its window closed: ending it`);
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
  };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Cold open of the corpus's file in window `w`: lens times and blocks. */
async function coldOpen(w, corpus, { profileFile } = {}) {
  const lensTimeout = corpus.bytes > 5e6 ? 90_000 : 45_000;
  const before = await w.probe('ping');
  // A cold open: no Rust document open (nothing restored). The extension is active already: it
  // activates with a workspace that has a Cargo.toml, as a user's window does before they open a file.
  const cold = before.rustDocuments === 0;
  if (!cold) say(`  warning: not a cold window (Rust documents open: ${before.rustDocuments})`);
  const quiet = await w.probe('quiet', { ms: 700, maxGap: 15, timeout: 10_000 });
  await w.page.evaluate(() => {
    Object.assign(window.__rllLens, { armed: true, firstAny: null, firstSized: null, titles: [] });
  });
  const profStart = profileFile ? await w.probe('profileStart', { intervalUs: 500 }) : undefined;
  const { t0 } = await w.probe('open', { file: w.path(corpus.file) });
  // Wait for a sized lens on screen. From 1.5 s after the open (the workbench asked for the
  // lenses by then), the probe also asks the extension (vscode.executeCodeLensProvider shares the
  // analysis the workbench's request started). The crate's files are read off the main thread
  // and the lenses asked for again as they come in (onDidChangeCodeLenses): an answer without a
  // sized lens ends the wait only once the host has been idle for 2 s (no more files coming)
  // and a new answer still has none.
  const until = Date.now() + lensTimeout;
  const ask = async () => {
    const a = await w.probe('lenses', { file: w.path(corpus.file) });
    a.answeredMs = Date.now() - t0;
    return a;
  };
  let lens;
  let asked;
  let askedAt;
  let idleCheckedAt = 0;
  for (;;) {
    lens = await w.page.evaluate(() => window.__rllLens);
    if (lens.firstSized !== null || Date.now() > until) break;
    if (asked && asked.sized > 0 && Date.now() - askedAt > 5000) break; // the extension has sized lenses, the screen never showed them
    if (!asked && Date.now() - t0 > 1500) {
      asked = await ask();
      askedAt = Date.now();
      continue;
    }
    if (asked && asked.sized === 0 && Date.now() - idleCheckedAt > 500) {
      idleCheckedAt = Date.now();
      const { idle } = await w.probe('idle', { ms: 2000, maxGap: 20 });
      if (idle) {
        asked = await ask();
        askedAt = Date.now();
        if (asked.sized === 0) break; // settled without one: none will come
        continue;
      }
    }
    await sleep(50);
  }
  if (SCREENSHOTS) await w.page.screenshot({ path: join(OUT, `in-crate-${corpus.name}-${Date.now()}.png`) }).catch(() => {});
  // No sized lens on screen: what the extension answers when asked (none: the parse was given up…).
  const askedLater = lens.firstSized === null ? (asked ?? (await w.probe('lenses', { file: w.path(corpus.file) }))) : undefined;
  // Let the crate and its dependencies finish loading (diagnostics, lenses of the other
  // editors…): until the host has been quiet for a second.
  const settled = await w.probe('quiet', { ms: 1000, maxGap: 20, timeout: 15_000 });
  // A profiled window keeps every block over 50 ms (up to 100), for the profile's summary.
  const blocks = await w.probe('blocks', { since: t0, top: profileFile ? 100 : 3 });
  let profile;
  let profileOver50;
  if (profileFile) {
    const { stoppedAt } = await w.probe('profileStop', { file: profileFile });
    const prof = JSON.parse(readFileSync(profileFile, 'utf8'));
    const times = { startedAt: profStart.startedAt, stoppedAt };
    profile = summariseProfile(prof, times, t0, blocks.top.slice(0, 1));
    const over50 = blocks.top.filter((b) => b.ms > 50);
    if (over50.length > 1) profileOver50 = { blocks: over50.length, ...summariseProfile(prof, times, t0, over50) };
    // For a later look at the profile: its samples are placed on the wall clock as above.
    profile.clock = { ...times, t0 };
  }
  // What the extension gives once the host settled (after the blocks were taken: this may start work).
  const settledLenses = await w.probe('lenses', { file: w.path(corpus.file) });
  return {
    cold,
    settledLenses: { count: settledLenses.count, sized: settledLenses.sized, unsized: settledLenses.unsized },
    pid: before.pid,
    quietBeforeMs: quiet.quietAfter,
    lensMs: lens.firstSized === null ? null : lens.firstSized - t0,
    anyLensMs: lens.firstAny === null ? null : lens.firstAny - t0,
    lensTitles: lens.titles.length,
    sizedTitles: lens.titles.filter((t) => SIZED.test(t)).length,
    sampleTitle: lens.titles.find((t) => SIZED.test(t)) ?? lens.titles[0] ?? null,
    settledMs: settled.quietAfter,
    askedLater,
    blocks,
    profile,
    profileOver50,
  };
}

// ---------------------------------------------------------------------------------------------
// CPU profile summary: which functions ran during the longest block.

function summariseProfile(profile, { startedAt, stoppedAt }, t0, blocks) {
  const parent = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Profile time is V8's monotonic clock in µs, from Profiler.start to Profiler.stop; the blocks
  // are wall clock. The probe noted the wall clock around both calls: samples are placed
  // linearly between them (to within the calls' own duration, a few ms).
  const STALL_SAMPLE_MS = 5;
  const total = profile.endTime - profile.startTime;
  const toWall = (t) => startedAt + ((t - profile.startTime) / total) * (stoppedAt - startedAt);
  // The blocks' spans (wall clock), or the whole profile when there is none.
  const spans = blocks.map((b) => [t0 + b.startAfter, t0 + b.startAfter + b.ms]);
  const within = (at) => spans.length === 0 || spans.some(([from, to]) => at >= from && at <= to);
  const self = new Map();
  const stacks = new Map();
  let t = profile.startTime;
  let inside = 0;
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? ` ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ''}`;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const at = toWall(t);
    if (!within(at)) continue;
    inside += dt;
    // A gap between two samples far longer than the sampling interval: the thread did not run
    // (it waited for a CPU, or the process was stopped); the function it was in did not cost that.
    if (dt > STALL_SAMPLE_MS) {
      self.set('(no sample: not running)', (self.get('(no sample: not running)') ?? 0) + dt);
      continue;
    }
    const leaf = byId.get(profile.samples[i]);
    if (!leaf || /^\((idle|program|garbage collector)\)$/.test(leaf.callFrame.functionName)) {
      const k = leaf?.callFrame.functionName ?? '?';
      self.set(k, (self.get(k) ?? 0) + dt);
      continue;
    }
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
    const ours = [];
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      if (n.callFrame.url.endsWith(EXTENSION_BUNDLE) && n.callFrame.functionName) ours.push(n.callFrame.functionName);
    }
    const key = ours.slice(0, 5).reverse().join(' > ') || '(not in the extension)';
    stacks.set(key, (stacks.get(key) ?? 0) + dt);
  }
  const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => ({ ms: Math.round(ms), what: k }));
  return { profiledMs: Math.round(total / 1000), windowMs: Math.round(inside), self: top(self, 12), stacks: top(stacks, 10) };
}

function shortUrl(url) {
  const p = url.replace(/^file:\/\//, '');
  return p.startsWith(ROOT) ? relative(ROOT, p) : p.replace(/^.*\/node_modules\//, '');
}

// ---------------------------------------------------------------------------------------------
// VS Code's floor: how long the workbench itself takes to show a first CodeLens whose provider
// answers at once (its CodeLens debounce, the resolve pass, rendering). A plain-text file in a
// folder of its own, opened as the corpora's files are, in WINDOWS fresh windows.

async function benchFloor(ctx, root) {
  const dir = join(root, 'floor');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'rll-floor.txt');
  writeFileSync(file, 'A plain-text file: the probe gives it one CodeLens and a hover at once.\n');
  const out = { lens: [], keyHover: undefined };
  for (let i = 0; i < WINDOWS; i++) {
    const w = await openWindow(ctx, { dir, file });
    try {
      await w.probe('quiet', { ms: 700, maxGap: 15, timeout: 10_000 });
      await w.page.evaluate(() => Object.assign(window.__rllLens, { armed: true, firstAny: null, firstSized: null, titles: [] }));
      const { t0 } = await w.probe('open', { file: w.path(file) });
      const until = Date.now() + 10_000;
      let lens;
      while (Date.now() < until) {
        lens = await w.page.evaluate(() => window.__rllLens);
        if (lens.firstSized !== null) break;
        await sleep(20);
      }
      if (lens?.firstSized != null) out.lens.push(lens.firstSized - t0);
      say(`  floor window ${i + 1}: first lens ${lens?.firstSized != null ? `${(lens.firstSized - t0).toFixed(0)} ms` : 'none in 10 s'}`);
      if (i === WINDOWS - 1) {
        // The keystroke → hover round trip of VS Code alone, typed and measured as in the corpora.
        out.keyHover = await w.probe('typing', { file: w.path(file), mode: 'hover', line: 0, hover: { line: 0, character: 2 }, count: KEYSTROKES, budgetMs: PHASE_MS });
        say(`  floor: keystroke → hover: ${fmtStats(out.keyHover)}`);
      }
    } finally {
      await w.close();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One corpus.

async function benchCorpus(ctx, corpus) {
  say(`${corpus.name}: ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB; ${WINDOWS} cold windows`);
  const result = { corpus: corpus.name, label: corpus.label, files: corpus.files, bytes: corpus.bytes, graphCrates: corpus.graphCrates, file: relative(corpus.dir, corpus.file), windows: [] };
  for (let i = 0; i < WINDOWS; i++) {
    const last = i === WINDOWS - 1;
    const tw = Date.now();
    const w = await openWindow(ctx, corpus);
    try {
      const loaded = Date.now() - tw;
      if (last) result.heapBefore = await w.probe('memory');
      const r = await coldOpen(w, corpus);
      r.windowLoadMs = loaded;
      if (VERBOSE || process.env.RLL_BENCH_STAGES) say(`  window ${i + 1}: workbench and probe up in ${loaded} ms; quiet after ${r.quietBeforeMs?.toFixed(0)} ms; cold open measured in ${Date.now() - tw - loaded} ms`);
      result.windows.push(r);
      const a = r.askedLater;
      const none = a ? `none (${r.lensTitles} lenses on screen; asked${a.answeredMs ? `, the extension answered ${a.answeredMs.toFixed(0)} ms after the open with` : ' afterwards, the extension gave'} ${a.sized} sized of ${a.count}${a.gaveUp ? `; diagnostic: ${a.gaveUp.slice(0, 90)}…` : ''})` : '';
      say(`  window ${i + 1}: first sized lens ${r.lensMs === null ? none : `${r.lensMs.toFixed(0)} ms`}, longest block ${r.blocks.longest.toFixed(0)} ms (eld max ${r.blocks.eldMax.toFixed(0)} ms; without its wait for a CPU, the longest is ${r.blocks.longestOwn?.toFixed(0)} ms)`);
      if (last) await inWindow(w, corpus, result);
    } catch (e) {
      result.error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      say(`  window ${i + 1} failed: ${result.error}`);
    } finally {
      const tc = Date.now();
      await w.close();
      if (VERBOSE || process.env.RLL_BENCH_STAGES) say(`  window ${i + 1}: closed in ${Date.now() - tc} ms`);
    }
  }
  if (PROFILE.includes(corpus.name) || PROFILE.includes('all')) {
    const w = await openWindow(ctx, corpus);
    try {
      const file = join(OUT, `in-crate-${corpus.name}.cpuprofile`);
      const r = await coldOpen(w, corpus, { profileFile: file });
      result.profiled = { ...r, file: relative(ROOT, file) };
      say(`  profiled window: first sized lens ${r.lensMs === null ? 'none' : `${r.lensMs.toFixed(0)} ms`}, longest block ${r.blocks.longest.toFixed(0)} ms; profile in ${relative(ROOT, file)}`);
    } finally {
      await w.close();
    }
  }
  return result;
}

/** The measures taken in the last window, after its cold open. */
async function inWindow(w, corpus, result) {
  const { sites } = corpus;
  if (corpus.others.length) {
    const more = await w.probe('openMore', { files: corpus.others.map(w.path), back: w.path(corpus.file) });
    result.openFiles = 1 + more.opened;
  } else result.openFiles = 1;
  const snapshotFile = process.env.RLL_BENCH_HEAP_SNAPSHOT ? join(OUT, `heap-${corpus.name}.heapsnapshot`) : undefined;
  result.heapOpen = await w.probe('memory', snapshotFile ? { snapshotFile } : {});
  if (snapshotFile) say(`  heap snapshot in ${relative(ROOT, snapshotFile)}`);
  say(`  heap after GC: ${mb(result.heapBefore.heapUsed)} MB before the open, ${mb(result.heapOpen.heapUsed)} MB with ${result.openFiles} file(s) open`);
  const typing = (mode) => w.probe('typing', { file: w.path(corpus.file), mode, line: sites.docLine, hover: sites.hover, count: KEYSTROKES, budgetMs: PHASE_MS });
  // RLL_BENCH_PROFILE_TYPING=1: a CPU profile of the extension host while typing (hover phase).
  const profTyping = process.env.RLL_BENCH_PROFILE_TYPING ? join(OUT, `typing-${corpus.name}.cpuprofile`) : undefined;
  if (profTyping) await w.probe('profileStart', { intervalUs: 200 });
  result.keyHover = await typing('hover');
  if (profTyping) say(`  typing profile in ${relative(ROOT, (await w.probe('profileStop', { file: profTyping })).file)}`);
  say(`  keystroke → hover: ${fmtStats(result.keyHover)}`);
  result.keyLens = await typing('lens');
  say(`  keystroke → CodeLens: ${fmtStats(result.keyLens)}`);
  if (sites.field) {
    result.field = { what: sites.field.what, ...(await w.probe('fieldEdit', { file: w.path(corpus.file), ...sites.field, count: FIELD_EDITS, budgetMs: FIELD_MS })) };
    say(`  field edit → hover: ${fmtStats(result.field)} (${result.field.sizes.join(', ')})`);
  }
  result.closed = await w.probe('closeAll');
  result.heapClosed = await w.probe('memory', { settleMs: 1500 });
  say(`  heap after closing: ${mb(result.heapClosed.heapUsed)} MB (${result.closed.rustDocumentsLeft} Rust documents left)`);
}

const mb = (b) => (b / 1e6).toFixed(1);
const pp = (s) => (s && s.n ? `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}` : '–');
const fmtStats = (r) =>
  r.total.n
    ? `extension host ${pp(r.host)} ms, wall ${pp(r.total)} ms (p50 / p95, n=${r.total.n}${r.misses ? `, ${r.misses} answers without a layout${r.missSample !== undefined ? ` (the first: ${JSON.stringify(r.missSample.slice(0, 160))})` : ''}` : ''}${r.floor ? `; no edit: host ${pp(r.floor.host)}, wall ${pp(r.floor.total)}` : ''})`
    : 'none';

// ---------------------------------------------------------------------------------------------
// The table.

function range(xs, digits = 0) {
  const v = xs.filter((x) => x !== null && x !== undefined);
  if (!v.length) return '–';
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return lo.toFixed(digits) === hi.toFixed(digits) ? lo.toFixed(digits) : `${lo.toFixed(digits)}–${hi.toFixed(digits)}`;
}

function table(results) {
  const rows = [
    ['files / MB', (r) => `${r.files} / ${(r.bytes / 1e6).toFixed(1)}${r.graphCrates ? ` (${r.graphCrates} crates)` : ''}`],
    ['cold open → first sized CodeLens, ms', (r) => range(r.windows.map((w) => w.lensMs))],
    ['  windows without a sized lens', (r) => `${r.windows.filter((w) => w.lensMs === null).length}/${r.windows.length}`],
    ['  sized / all lenses on screen (last window)', (r) => { const w = r.windows.at(-1); return w ? `${w.sizedTitles}/${w.lensTitles}` : '–'; }],
    ['  sized / all lenses once settled (last window)', (r) => { const l = r.windows.at(-1)?.settledLenses; return l ? `${l.sized}/${l.count}` : '–'; }],
    ['longest ext-host block, open → settled, ms', (r) => range(r.windows.map((w) => w.blocks.longest))],
    ['  the same less its wait for a CPU (run queue), ms', (r) => range(r.windows.map((w) => w.blocks.longestOwn))],
    ['  eld max (resolution 10 ms), ms', (r) => range(r.windows.map((w) => w.blocks.eldMax))],
    ['  blocks > 50 ms (most in a window)', (r) => `${Math.max(0, ...r.windows.map((w) => w.blocks.over50))}`],
    ['keystroke → hover, ext-host work p50/p95 ms', (r) => pp(r.keyHover?.host)],
    ['keystroke → hover, wall p50/p95 ms', (r) => pp(r.keyHover?.total)],
    ['keystroke → every CodeLens, ext-host work', (r) => pp(r.keyLens?.host)],
    ['keystroke → every CodeLens, wall', (r) => pp(r.keyLens?.total)],
    ['  keystrokes (hover, lens)', (r) => `${r.keyHover?.total.n ?? '–'}, ${r.keyLens?.total.n ?? '–'}`],
    ['  no edit, hover: ext-host work / wall p50', (r) => (r.keyHover ? `${r.keyHover.floor.host.p50.toFixed(1)} / ${r.keyHover.floor.total.p50.toFixed(1)}` : '–')],
    ['field type edit → hover, ext-host work', (r) => pp(r.field?.host)],
    ['field type edit → hover, wall', (r) => pp(r.field?.total)],
    ['  edits (n)', (r) => `${r.field?.total.n ?? '–'}`],
    ['heap after GC before the open, MB', (r) => (r.heapBefore ? mb(r.heapBefore.heapUsed) : '–')],
    ['heap after GC, files open, MB', (r) => (r.heapOpen ? `${mb(r.heapOpen.heapUsed)} (${r.openFiles} open)` : '–')],
    ['heap after GC, files closed, MB', (r) => (r.heapClosed ? mb(r.heapClosed.heapUsed) : '–')],
  ];
  const head = ['', ...results.map((r) => r.corpus)];
  const body = rows.map(([name, f]) => [name, ...results.map((r) => { try { return f(r); } catch { return '–'; } })]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => String(row[i]).length)));
  const line = (row) => row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  for (const f of [join(ROOT, 'dist/extension.js'), PROBE_BUNDLE]) {
    if (!existsSync(f)) throw new Error(`${relative(ROOT, f)} is missing: run \`npm run build\``);
  }
  ensureCodeServer();
  const started = Date.now();
  const scratch = makeScratch('rll-incrate-');
  // A private CARGO_HOME: the user's cargo configuration and registry stay out of the figures.
  const cargoHome = join(scratch.dir, 'cargo-home');
  mkdirSync(cargoHome, { recursive: true });
  const env = scratch.env;
  const portsDir = join(scratch.dir, 'probe-ports');
  // The probe writes its port into RLL_PROBE_DIR (code-server's environment reaches every
  // extension host it starts; the workbench URL cannot set a variable for one window).
  scratch.env = () => ({ ...env(), CARGO_HOME: cargoHome, RLL_PROBE_DIR: portsDir });
  let server;
  let browser;
  const results = [];
  let floor;
  try {
    say('in-crate bench: preparing the corpora');
    const corpora = prepareCorpora(join(scratch.dir, 'corpora'), { only: ONLY, cargoHome, log: (m) => say(m) });
    const deps = corpora.find((c) => c.name === 'deps');
    if (deps) say(`deps: cargo tree counts ${deps.graphCrates ?? 'an unknown number of (no cargo)'} crates in its graph`);
    installVsix(scratch, packProbe(join(scratch.dir, 'probe')));
    server = await startCodeServer(scratch);
    browser = await launchBrowser(scratch);
    const ctx = { server, browser, portsDir };
    for (const corpus of corpora) results.push(await benchCorpus(ctx, corpus));
    floor = await benchFloor(ctx, scratch.dir);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    scratch.remove();
  }
  const secs = (Date.now() - started) / 1000;
  const first = results.find((r) => r.windows.length);
  console.log(`\nin-crate, in the real extension host (code-server ${process.env.CS_VERSION ?? '4.100.3'}, headless Chromium; ${WINDOWS} cold windows per corpus; ranges are min–max over the windows):`);
  console.log(table(results));
  if (floor?.lens.length) {
    console.log(`  VS Code's own floor: a CodeLens provider that answers at once (the probe's, on a plain-text file opened the same way in ${floor.lens.length} cold windows): first lens on screen ${Math.min(...floor.lens).toFixed(0)}–${Math.max(...floor.lens).toFixed(0)} ms after the open`);
  }
  if (floor?.keyHover) {
    const k = floor.keyHover;
    console.log(`  VS Code's own floor for keystroke → hover: a hover provider that answers at once, typed in the same way: ext-host work ${pp(k.host)} ms, wall ${pp(k.total)} ms (p50 / p95, n=${k.total.n}); no edit: ext-host work ${pp(k.floor.host)} ms`);
  }
  for (const r of results) {
    const worst = r.windows.reduce((a, w) => (w.blocks.longest > (a?.blocks.longest ?? -1) ? w : a), undefined);
    const waited = (b) => (b.waiting === undefined ? '' : `, ${b.waiting.toFixed(0)} waiting for a CPU`);
    if (worst) console.log(`  ${r.corpus}: worst window's longest blocks began ${worst.blocks.top.map((b) => `${b.startAfter.toFixed(0)} ms (${b.ms.toFixed(0)} ms${waited(b)})`).join(', ')} after the open`);
    const settled = r.windows.at(-1)?.settledLenses;
    if (settled && settled.sized < settled.count) console.log(`  ${r.corpus}: lenses once settled (last window), the first unsized: ${settled.unsized.map((t) => JSON.stringify(t)).join(', ')}`);
    if (r.field) console.log(`  ${r.corpus}: field edit ${r.field.what}; hover sizes ${r.field.sizes.join(', ')}`);
    if (r.error) console.log(`  ${r.corpus}: ERROR ${r.error}`);
    if (r.profiled?.profile) {
      const pr = r.profiled.profile;
      console.log(`  ${r.corpus}: CPU profile ${r.profiled.file}; during its longest block (${r.profiled.blocks.longest.toFixed(0)} ms, ${pr.windowMs} ms of samples):`);
      for (const s of pr.stacks.slice(0, 6)) console.log(`      ${String(s.ms).padStart(6)} ms  ${s.what}`);
      console.log('    self time:');
      for (const s of pr.self.slice(0, 8)) console.log(`      ${String(s.ms).padStart(6)} ms  ${s.what}`);
    }
    const all = r.profiled?.profileOver50;
    if (all) {
      console.log(`  ${r.corpus}: during all ${all.blocks} blocks over 50 ms of the profiled window (${all.windowMs} ms of samples):`);
      for (const s of all.stacks.slice(0, 6)) console.log(`      ${String(s.ms).padStart(6)} ms  ${s.what}`);
      console.log('    self time:');
      for (const s of all.self.slice(0, 8)) console.log(`      ${String(s.ms).padStart(6)} ms  ${s.what}`);
    }
  }
  if (first) console.log(`  gc: ${first.heapBefore?.gc ?? '–'}`);
  mkdirSync(OUT, { recursive: true });
  const json = join(OUT, 'bench-in-crate.json');
  writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), windows: WINDOWS, seconds: secs, results }, null, 2));
  say(`in-crate section took ${secs.toFixed(0)} s; figures in ${relative(ROOT, json)}`);
  return results.some((r) => r.error) ? 1 : 0;
}

let code;
try {
  code = await main();
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  code = 1;
}
process.exit(code);
