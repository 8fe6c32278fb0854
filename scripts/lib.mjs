// Shared helpers for the scripts that run the extension in a real VS Code: code-server 4.100.3
// (VS Code 1.100.3, Node extension host) driven by Debian's Chromium through playwright-core.
// See ../shared/VSCODE-OFFLINE.md for why each step is the way it is.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CS_VERSION = process.env.CS_VERSION ?? '4.100.3';
export const EXTENSION_ID = 'rust-layout-lens.rust-layout-lens';
export const VERBOSE = !!process.env.VERBOSE && process.env.VERBOSE !== '0';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function cacheRoot() {
  return process.env.RLL_CACHE ?? join(homedir(), '.cache', 'rust-layout-lens');
}

export function codeServerDir() {
  return process.env.CODE_SERVER_DIR ?? join(cacheRoot(), `code-server-${CS_VERSION}`);
}

export function codeServerEntry() {
  return process.env.CODE_SERVER_ENTRY ?? join(codeServerDir(), 'node_modules/code-server/out/node/entry.js');
}

export function say(...parts) {
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
}

/** Installs code-server (and chromium) through scripts/install-code-server.sh unless present. */
export function ensureCodeServer() {
  const entry = codeServerEntry();
  const marker = join(codeServerDir(), `.installed-${CS_VERSION}`);
  if (existsSync(entry) && (process.env.CODE_SERVER_ENTRY || existsSync(marker)) && existsSync(CHROMIUM)) return entry;
  say(`installing code-server ${CS_VERSION} into ${codeServerDir()} (once per machine, about a minute)`);
  const started = Date.now();
  const r = spawnSync('bash', [join(ROOT, 'scripts/install-code-server.sh'), codeServerDir()], {
    stdio: ['ignore', VERBOSE ? 'inherit' : 'ignore', 'inherit'],
    env: { ...process.env, CS_VERSION },
  });
  if (r.status !== 0) throw new Error(`install-code-server.sh failed (exit ${r.status ?? r.signal})`);
  say(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!existsSync(entry)) throw new Error(`code-server entry missing after install: ${entry}`);
  return entry;
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * A private scratch folder for one run: user data, extensions, XDG dirs and TMPDIR all live
 * here, so neither code-server nor chromium writes into $HOME or the shared /tmp.
 */
export function makeScratch(prefix = 'rll-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const sub = (name) => {
    const p = join(dir, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  const scratch = {
    dir,
    userData: sub('user-data'),
    extensions: sub('extensions'),
    xdgConfig: sub('xdg/config'),
    xdgData: sub('xdg/data'),
    xdgCache: sub('xdg/cache'),
    tmp: sub('tmp'),
    browserProfile: sub('browser'),
    env() {
      return {
        ...process.env,
        XDG_CONFIG_HOME: scratch.xdgConfig,
        XDG_DATA_HOME: scratch.xdgData,
        XDG_CACHE_HOME: scratch.xdgCache,
        TMPDIR: scratch.tmp,
      };
    },
    remove() {
      if (process.env.KEEP_TMP) {
        say(`kept scratch folder ${dir}`);
        return;
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  return scratch;
}

/**
 * Copies a fixture folder into the scratch folder, so tests may write settings into it.
 * With `asCloned`, only the files git lists there (tracked, and new files git does not ignore):
 * build leftovers such as `target/` or an ignored `Cargo.lock` stay out, as in a fresh clone
 * (what `npm start` and the README's screenshots show). Outside a git checkout, and without
 * `asCloned`, everything but `target/` and `.git`.
 */
export function copyWorkspace(scratch, folder, name = 'workspace', { asCloned = false } = {}) {
  const dest = join(scratch.dir, name);
  const listed = asCloned ? gitListedFiles(folder) : undefined;
  if (listed) {
    mkdirSync(dest, { recursive: true });
    for (const rel of listed) {
      mkdirSync(dirname(join(dest, rel)), { recursive: true });
      copyFileSync(join(folder, rel), join(dest, rel));
    }
    return dest;
  }
  cpSync(folder, dest, { recursive: true, filter: (src) => !/[\\/](target|\.git)$/.test(src) });
  return dest;
}

/** The files under `folder` that git tracks or would add (not ignored), relative; undefined outside git. */
function gitListedFiles(folder) {
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], { cwd: folder, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  // A tracked file deleted in the work tree is listed too: skip it.
  const files = [...new Set(r.stdout.split('\0').filter(Boolean))].filter((rel) => existsSync(join(folder, rel)));
  return files.length ? files : undefined;
}

export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  // Checks type into documents: nothing may be written back to the folder they opened.
  'files.autoSave': 'off',
};

function writeSettings(scratch, settings) {
  const dir = join(scratch.userData, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
}

function baseArgs(scratch) {
  return ['--user-data-dir', scratch.userData, '--extensions-dir', scratch.extensions];
}

/** `code-server --install-extension x.vsix` into the scratch extensions folder. */
export function installVsix(scratch, vsix) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [codeServerEntry(), ...baseArgs(scratch), '--install-extension', resolve(vsix), '--force'], {
    env: scratch.env(),
    encoding: 'utf8',
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (VERBOSE) process.stdout.write(out);
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  }
  say(`installed ${vsix} in ${Date.now() - started} ms`);
}

/**
 * Starts code-server on a free port (or `port`) and resolves when it listens.
 * Returns { origin, port, stop() }. stop() kills its whole process group.
 */
export async function startCodeServer(scratch, { settings = {}, port, host = '127.0.0.1' } = {}) {
  const entry = codeServerEntry();
  writeSettings(scratch, settings);
  port ??= await freePort();
  const config = join(scratch.dir, 'config.yaml');
  writeFileSync(config, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);
  const args = [
    entry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    ...baseArgs(scratch),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // RLL_LOG=debug: every log (the extension's output channel, and its file under user-data/logs) at that level.
    ...(process.env.RLL_LOG ? ['--log', process.env.RLL_LOG] : []),
  ];
  const proc = spawn(process.execPath, args, { env: scratch.env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', stop);
  await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (buf) => {
      const text = buf.toString();
      output += text;
      if (VERBOSE) process.stdout.write(`[code-server] ${text}`);
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        res();
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!stopped) rej(new Error(`code-server exited early (${code ?? signal}):\n${output}`));
    });
  });
  const origin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return {
    origin,
    port,
    proc,
    output: () => output,
    stop() {
      stop();
      return new Promise((res) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return res();
        const t = setTimeout(() => {
          try {
            process.kill(-proc.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
          res();
        }, 5000);
        proc.once('exit', () => {
          clearTimeout(t);
          res();
        });
      });
    },
  };
}

/**
 * The workbench URL. `devPath`/`testsPath` go into the `payload` as `vscode-remote://` URIs
 * whose authority is the page's host:port: that puts them on the server, so the extension
 * (and the tests) run in code-server's Node extension host. `openFile` (a server path) is
 * opened in an editor as the window starts, as `code FILE` does.
 */
export function workbenchUrl(origin, { folder, devPath, testsPath, openFile } = {}) {
  const authority = new URL(origin).host;
  const remote = (p) => `vscode-remote://${authority}${resolve(p)}`;
  const payload = [];
  if (devPath) payload.push(['extensionDevelopmentPath', remote(devPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', resolve(folder));
  let url = `${origin}/?${q.toString().replace(/%2F/g, '/')}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Headless Debian chromium through playwright-core, with a fresh profile in the scratch folder. */
export async function launchBrowser(scratch, { viewport = { width: 1400, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium`);
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(scratch.browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    env: scratch.env(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// The helper object the UI checks use (scripts/ui-check.mjs, scripts/start-check.mjs).

export function makeUi(page, outDir) {
  const editorLines = page.locator('.editor-instance .monaco-editor .view-lines').first();
  const ui = {
    page,
    /**
     * Saves `${name}.png` into the output folder and returns its path. With `{ doc: true }` and
     * UPDATE_SCREENSHOTS=1 it also refreshes docs/images/${name}.png (the README's pictures).
     */
    async screenshot(name, { doc = false } = {}) {
      const file = join(outDir, `${name}.png`);
      await page.screenshot({ path: file });
      if (doc && process.env.UPDATE_SCREENSHOTS === '1') {
        mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
        copyFileSync(file, join(ROOT, 'docs/images', `${name}.png`));
      }
      return file;
    },
    /** Opens a workspace file through Quick Open and waits for its text. */
    async openFile(relPath) {
      const base = relPath.split('/').pop();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(relPath);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: base }).waitFor({ timeout: 15_000 });
      await editorLines.waitFor({ state: 'visible', timeout: 15_000 });
    },
    /** Puts the cursor on 1-based line `n` of the active editor (Go to Line), so that the line is rendered. */
    async goToLine(n) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`:${n}`);
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => {});
    },
    /** The rendered word `word` on the first view line that matches `line` (spaces render as U+00A0: use \\s). */
    word(word, { line } = {}) {
      const lines = line ? page.locator('.view-line', { hasText: line }) : page.locator('.view-line');
      return lines.first().locator('span > span', { hasText: new RegExp(`^${word}$`) }).first();
    },
    /**
     * Moves the mouse onto `word` until a hover with text appears; returns its innerText.
     * Retries by moving away and back: the first hover may come before the extension activated.
     */
    async hoverWord(word, { line, timeoutMs = 30_000, accept = (t) => t.trim().length > 0 && !/^\s*Loading/.test(t) } = {}) {
      const target = ui.word(word, { line });
      await target.waitFor({ state: 'visible', timeout: 15_000 });
      const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents');
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        const box = await target.boundingBox();
        if (!box) throw new Error(`word ${word} has no bounding box`);
        await page.mouse.move(5, 5);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
        await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
        try {
          await hover.first().waitFor({ state: 'visible', timeout: 3_000 });
          // The hover shows "Loading..." until every provider answered (the first analysis
          // loads the WASM grammar): keep reading it for a while before moving again.
          const until = Math.min(deadline, Date.now() + 5_000);
          do {
            await page.waitForTimeout(200);
            last = (await hover.allInnerTexts()).join('\n');
            if (accept(last)) return last;
          } while (Date.now() < until);
        } catch {
          /* no hover yet: retry */
        }
      }
      return last;
    },
  };
  return ui;
}

/** Parses the last `N passed, M failed` line of some output. */
export function parseSummary(text) {
  const all = [...text.matchAll(/^\s*(\d+) passed, (\d+) failed\s*$/gm)];
  const m = all.at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
}

/** Simple `--name value` / `--flag` / positional argument parsing. */
export function parseArgs(argv, { flags = [], options = [] } = {}) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.slice(2).split('=')[0] : undefined;
    if (name !== undefined && flags.includes(name)) out[name] = true;
    else if (name !== undefined && options.includes(name)) out[name] = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
    else if (name !== undefined) throw new Error(`unknown option ${a}`);
    else out._.push(a);
  }
  return out;
}
