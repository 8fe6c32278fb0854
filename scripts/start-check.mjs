// Checks `npm start` as a new user meets it: the real command, the printed URL opened in
// headless Debian Chromium, a hover, typing into examples/src/lib.rs, and stopping it by signal.
//
//   node scripts/start-check.mjs [--no-build] [OUT_DIR]
//
// Two runs of `npm start` (`-- --no-build` passed through when given; otherwise npm start's
// own rule applies: it builds only when dist/ is older than a source):
//   1. its URL and banner (a scratch copy, the URL shaped as the README's example), the time
//      from the command to the first hover in the workbench, typing into src/lib.rs past any
//      autosave delay with the repository's examples/ unchanged (git status and bytes), then
//      SIGTERM to the npm process: every process it started is gone, its scratch folder too;
//   2. the same stop by SIGHUP (npm does not forward SIGHUP to its script).
// "Every process it started": the npm process's descendants seen just before the signal, and
// any process whose environment carries this run's token (a process that changed its parent
// or process group still inherits it). Linux only (/proc). Prints `N passed, M failed`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT, VERBOSE, ensureCodeServer, launchBrowser, makeScratch, makeUi, parseArgs, say } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), { flags: ['no-build'] });
const outDir = resolve(args._[0] ?? join(ROOT, '.test-output/start-check'));
const EXAMPLES = join(ROOT, 'examples');
/** Longest wait for `npm start` to print its URL (a build, when dist/ is stale, is part of it). */
const URL_TIMEOUT_MS = 90_000;
/** How long a stopped `npm start` may take until every process it started is gone. */
const STOP_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Processes, from /proc.

/** { pid, ppid, pgid, state, start, cmd } of a live process, or undefined. */
function proc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces and parentheses) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, state: f[0], ppid: Number(f[1]), pgid: Number(f[2]), start: f[19], cmd };
  } catch {
    return undefined;
  }
}

function allProcs() {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => proc(Number(d)))
    .filter(Boolean);
}

/** `root` and every process below it. */
function tree(rootPid) {
  const procs = allProcs();
  const out = procs.filter((p) => p.pid === rootPid);
  for (let i = 0; i < out.length; i++) out.push(...procs.filter((p) => p.ppid === out[i].pid));
  return out;
}

/** Processes whose environment holds RLL_START_CHECK=token. */
function withToken(token) {
  const needle = `RLL_START_CHECK=${token}\0`;
  return allProcs().filter((p) => {
    try {
      return readFileSync(`/proc/${p.pid}/environ`, 'latin1').includes(needle);
    } catch {
      return false;
    }
  });
}

/** Still running: the same process (pid and start time), not a zombie waiting to be reaped. */
function running(p) {
  const now = proc(p.pid);
  return !!now && now.start === p.start && now.state !== 'Z';
}

/** `pid cmd` with paths cut to their last two parts: `31859 node node/entry.js --config …`. */
const short = (p) => `${p.pid} ${p.cmd.split(' ').slice(0, 4).map((a) => a.split('/').slice(-2).join('/')).join(' ').slice(0, 100)}`;

// ---------------------------------------------------------------------------------------------
// The repository's examples/: its git status and every file's bytes.

function examplesState() {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'examples'], { cwd: ROOT, encoding: 'utf8' });
  if (status.status !== 0) throw new Error(`git status failed: ${status.stderr}`);
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (name === 'target' && dir === EXAMPLES) continue;
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(ROOT, p)] = readFileSync(p);
    }
  };
  walk(EXAMPLES);
  return { status: status.stdout, files };
}

const digest = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 12);

// ---------------------------------------------------------------------------------------------
// One `npm start`.

/** Runs `npm start`, resolves when it printed its URL: { child, pid, url, banner, token, exited, t0 }. */
async function npmStart() {
  const token = randomBytes(8).toString('hex');
  const t0 = Date.now();
  const child = spawn('npm', ['start', ...(args['no-build'] ? ['--', '--no-build'] : [])], {
    cwd: ROOT,
    env: { ...process.env, RLL_START_CHECK: token, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal, at: Date.now() })));
  const url = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`npm start printed no URL within ${URL_TIMEOUT_MS / 1000} s:\n${output}`)), URL_TIMEOUT_MS);
    const onData = (buf) => {
      output += buf.toString();
      if (VERBOSE) process.stdout.write(`[npm start] ${buf}`);
      const m = /^\s+(http:\/\/\S+)\s*$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(new Error(`npm start exited (${code ?? signal}) before printing a URL:\n${output}`));
    });
  });
  return { child, pid: child.pid, url, token, exited, t0, output: () => output, urlAt: Date.now() };
}

/** The scratch folder npm start made (rll-start-XXXXXX), holding the copy it opened. */
function scratchOf(run) {
  return /^(.*\/rll-start-\w{6})\/[^/]+$/.exec(new URL(run.url).searchParams.get('folder') ?? '')?.[1];
}

/**
 * Sends `signal` to the npm process and checks that every process it started is gone within
 * STOP_TIMEOUT_MS, and its scratch folder too. Kills (by pid) whatever is left, so a failing
 * check leaves nothing running. Returns a note.
 */
async function stopAndCheck(run, signal) {
  const before = new Map();
  for (const p of [...tree(run.pid), ...withToken(run.token)]) before.set(p.pid, p);
  const names = [...before.values()].map((p) => p.cmd);
  const has = (re) => names.some((c) => re.test(c));
  // What a stop has to reach, seen before it starts: otherwise an empty snapshot passes.
  if (!has(/code-server\/out\/node\/entry\.js/) || !has(/scripts\/start\.mjs/)) {
    throw new Error(`before the ${signal}, the processes of npm start were not all found: ${[...before.values()].map(short).join('; ')}`);
  }
  const scratchDir = scratchOf(run);
  const t = Date.now();
  process.kill(run.pid, signal);
  const deadline = t + STOP_TIMEOUT_MS;
  let left = [];
  while (Date.now() < deadline) {
    left = [...before.values(), ...withToken(run.token)].filter(running);
    if (!left.length) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  if (left.length) {
    const unique = [...new Map(left.map((p) => [p.pid, p])).values()];
    for (const p of unique) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
    throw new Error(`${unique.length} of ${before.size} processes still ran ${secs} s after ${signal} (killed now): ${unique.map(short).join('; ')}`);
  }
  if (scratchDir && existsSync(scratchDir)) throw new Error(`the scratch folder ${scratchDir} is left after ${signal}`);
  return `${before.size} processes (npm, start.mjs, code-server and its children) gone ${secs} s after ${signal}`;
}

// ---------------------------------------------------------------------------------------------
// Checks.

/** What the README's example URL and a printed URL have in common: host, path, parameters, folder. */
function urlShape(text) {
  const u = new URL(text.replace(/…$/, ''));
  const folder = (u.searchParams.get('folder') ?? '').split('/').slice(-2).join('/').replace(/^rll-start-\w{6}/, 'rll-start-XXXXXX');
  return `${u.protocol}//${u.hostname}:${/^\d+$/.test(u.port) ? 'PORT' : u.port}${u.pathname}?${[...u.searchParams.keys()].join('&')} folder=…/${folder}`;
}

function checkBanner(run) {
  const out = run.output();
  if (!/scratch copy of .*examples/.test(out)) throw new Error(`the banner does not say it opens a scratch copy:\n${out}`);
  const folder = new URL(run.url).searchParams.get('folder');
  if (!folder || resolve(folder) === EXAMPLES || folder.startsWith(`${ROOT}/`)) throw new Error(`the URL opens ${folder}, not a copy outside the repository`);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const example = /prints a URL such as `([^`]+)`/.exec(readme)?.[1];
  if (!example) throw new Error('README.md has no "prints a URL such as `…`" example');
  if (urlShape(example) !== urlShape(run.url)) {
    throw new Error(`README's example URL ${example} (${urlShape(example)}) is not shaped as the printed one ${run.url} (${urlShape(run.url)})`);
  }
  const built = /building \(([^)]*)\)/.exec(out);
  return `${folder}; README's example has the same shape; ${built ? `built first (${built[1]})` : 'no build'}`;
}

/** Opens the printed URL, waits for lib.rs and a hover on Point; returns the phases' times. */
async function firstHover(run, ui) {
  const { page } = ui;
  await page.goto(run.url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const workbenchAt = Date.now();
  // npm start opens src/lib.rs itself; a user without that step would use Quick Open.
  const tab = page.locator('.tab.active', { hasText: 'lib.rs' });
  const opened = await tab.waitFor({ timeout: 15_000 }).then(() => true, () => false);
  if (!opened) await ui.openFile('src/lib.rs');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 15_000 });
  const fileAt = Date.now();
  // The first CodeLens: the extension host runs, the extension activated and laid out the file.
  await page.locator('.contentWidgets .codelens-decoration', { hasText: /align/ }).first().waitFor({ timeout: 45_000 });
  const lensAt = Date.now();
  const text = await ui.hoverWord('Point', { line: /struct\s+Point\b/, timeoutMs: 30_000 });
  const hoverAt = Date.now();
  if (!/\bPoint\b/.test(text) || !/size \d+/.test(text)) throw new Error(`no layout in the hover on Point: ${JSON.stringify(text)}`);
  const s = (a, b) => ((b - a) / 1000).toFixed(1);
  return {
    note:
      `${s(run.t0, hoverAt)} s from the command to the hover: URL printed ${s(run.t0, run.urlAt)} s, workbench ${s(run.urlAt, workbenchAt)} s, ` +
      `lib.rs shown ${s(workbenchAt, fileAt)} s${opened ? ' (opened by npm start)' : ' (Quick Open)'}, first CodeLens ${s(fileAt, lensAt)} s, hover ${s(lensAt, hoverAt)} s`,
    secs: (hoverAt - run.t0) / 1000,
  };
}

/** Types into src/lib.rs, waits past autosave (delay and focus change), compares examples/. */
async function typingLeavesExamples(ui, before) {
  const { page } = ui;
  const marker = `typed by start-check ${Date.now()}`;
  let typed = false;
  let failure;
  try {
    const target = ui.word('Point', { line: /struct\s+Point\b/ });
    await target.click();
    await page.keyboard.press('End');
    await page.keyboard.type(` // ${marker}`);
    // The editor took the keystrokes (else this proves nothing). Autosave on, the tab may be
    // saved before its dirty mark could be seen: the text is what shows it.
    typed = await page.locator('.view-line', { hasText: marker }).first().waitFor({ timeout: 10_000 }).then(() => true, () => false);
    // files.autoSave afterDelay waits files.autoSaveDelay (1 s by default); onFocusChange saves
    // when the editor loses focus: do both.
    await page.waitForTimeout(2_500);
    await page.keyboard.press('Control+P');
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_500);
    await ui.screenshot('typed');
  } catch (err) {
    failure = err; // compared (and put back) below all the same
  }
  const after = examplesState();
  const changed = [...new Set([...Object.keys(before.files), ...Object.keys(after.files)])].filter(
    (f) => !before.files[f] || !after.files[f] || !before.files[f].equals(after.files[f]),
  );
  // Put back what a failure wrote, so a failing run does not leave the repository edited.
  for (const f of changed) {
    if (before.files[f]) writeFileSync(join(ROOT, f), before.files[f]);
    else rmSync(join(ROOT, f), { force: true });
  }
  if (after.status !== before.status || changed.length) {
    throw new Error(
      `examples/ changed after typing: git status ${JSON.stringify(before.status)} → ${JSON.stringify(after.status)}; files ${changed
        .map((f) => `${f} ${before.files[f] ? digest(before.files[f]) : 'new'} → ${after.files[f] ? digest(after.files[f]) : 'gone'}`)
        .join(', ')} (restored)`,
    );
  }
  if (failure) throw failure;
  if (!typed) throw new Error(`the typed text did not show in the editor: nothing was tested`);
  if (before.status !== '') throw new Error(`examples/ had local changes before the check (git status ${JSON.stringify(before.status)}): it proves less`);
  return `${Object.keys(after.files).length} files byte-equal, git status clean`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (process.platform !== 'linux') throw new Error('start-check reads /proc: Linux only');
  mkdirSync(outDir, { recursive: true });
  ensureCodeServer();
  const started = Date.now();
  const results = [];
  const check = async (name, fn) => {
    const t = Date.now();
    try {
      const note = await fn();
      results.push(true);
      console.log(`  ✔ ${name} (${Date.now() - t} ms)${note ? `: ${note}` : ''}`);
    } catch (err) {
      results.push(false);
      console.log(`  ✘ ${name} (${Date.now() - t} ms): ${err instanceof Error ? err.message : err}`);
    }
  };
  const scratch = makeScratch('rll-start-check-');
  const runs = [];
  let browser;
  try {
    browser = await launchBrowser(scratch);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const ui = makeUi(page, outDir);
    const before = examplesState();

    // Run 1: URL, hover, typing, SIGTERM.
    let run;
    await check('npm start prints a URL to a scratch copy, shaped as the README says', async () => {
      run = await npmStart();
      runs.push(run);
      return checkBanner(run);
    });
    let hovered = false;
    await check('a hover answers in the printed workbench', async () => {
      if (!run) throw new Error('npm start did not start');
      const r = await firstHover(run, ui);
      hovered = true;
      return r.note;
    });
    await check('typing into examples/src/lib.rs leaves the repository unchanged', async () => {
      if (!hovered) throw new Error('the workbench did not show src/lib.rs');
      return typingLeavesExamples(ui, before);
    });
    await check('SIGTERM to npm start leaves no process behind', async () => {
      if (!run) throw new Error('npm start did not start');
      return stopAndCheck(run, 'SIGTERM');
    });

    // Run 2: SIGHUP (a closed terminal), with the workbench open so the extension host runs.
    await check('SIGHUP to npm start leaves no process behind', async () => {
      const run2 = await npmStart();
      runs.push(run2);
      const r = await firstHover(run2, ui);
      return `${await stopAndCheck(run2, 'SIGHUP')}; this run's first hover: ${r.note}`;
    });
  } finally {
    await browser?.close().catch(() => {});
    // Whatever a failed check left: the npm processes, everything carrying their token, and
    // the scratch folder of a killed npm start.
    for (const run of runs) {
      for (const p of [...tree(run.pid), ...withToken(run.token)]) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      const dir = scratchOf(run);
      if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    }
    scratch.remove();
  }
  const passed = results.filter(Boolean).length;
  say(`npm start checks took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${results.length - passed} failed`);
  return passed === results.length && passed > 0 ? 0 : 1;
}

let code;
try {
  code = await main();
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  console.log('0 passed, 1 failed');
  code = 1;
}
process.exit(code);
