// `npm start`: build (when dist/ is older than a source), install code-server if needed, and
// serve a real VS Code on a scratch copy of examples/ (or on --folder DIR itself) with this
// folder loaded as a development extension and src/lib.rs open. Prints the URL; Ctrl-C,
// SIGTERM or SIGHUP stops it all, and so does the end of the `npm` process that ran it.
//
//   npm start [-- --port 8080] [--host 127.0.0.1] [--folder DIR] [--no-build] [--build]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ROOT, copyWorkspace, ensureCodeServer, freePort, makeScratch, parseArgs, say, startCodeServer, workbenchUrl } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), { flags: ['no-build', 'build'], options: ['port', 'host', 'folder'] });
const folder = resolve(args.folder ?? join(ROOT, 'examples'));
// The examples are part of the repository: edit a copy of them, never the checked-out files.
const useCopy = args.folder === undefined;
const host = args.host ?? '127.0.0.1';

/**
 * Why dist/ needs a build, or undefined when every file in it is newer than every input of
 * the build (sources, the build script, the manifest and lock files, the installed packages)
 * and it is a development build (source maps; `npm run package` leaves a minified one).
 */
function staleBecause() {
  const files = (dir, out = []) => {
    if (!existsSync(dir)) return out;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) files(p, out);
      else out.push(p);
    }
    return out;
  };
  const outputs = files(join(ROOT, 'dist'));
  const main = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main);
  if (!existsSync(main)) return `${relative(ROOT, main)} is missing`;
  if (!/\/\/# sourceMappingURL=\S+\s*$/.test(readFileSync(main, 'utf8').slice(-300))) return `${relative(ROOT, main)} is a production build`;
  const inputs = [
    ...files(join(ROOT, 'src')),
    ...files(join(ROOT, 'test/bench')),
    ...['scripts/build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'].map((p) => join(ROOT, p)).filter(existsSync),
  ];
  const mtime = (p) => statSync(p).mtimeMs;
  const oldest = outputs.reduce((a, p) => (mtime(p) < mtime(a) ? p : a));
  const newer = inputs.find((p) => mtime(p) > mtime(oldest));
  return newer ? `${relative(ROOT, newer)} is newer than ${relative(ROOT, oldest)}` : undefined;
}

const started = Date.now();
const npmChain = npmAncestors();
const stale = args['no-build'] ? undefined : args.build ? 'asked for' : staleBecause();
if (stale) {
  say(`building (${stale})`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
} else if (!args['no-build']) say('dist/ is up to date: no build (`npm start -- --build` forces one)');
ensureCodeServer();

async function pickPort() {
  if (args.port) return Number(args.port);
  if (process.env.PORT) return Number(process.env.PORT);
  return freePort();
}

const scratch = makeScratch('rll-start-');
let server;
let stopping = false;
async function shutdown(code, why) {
  if (stopping) return;
  stopping = true;
  say(`stopping code-server${why ? ` (${why})` : ''}`);
  await server?.stop();
  scratch.remove();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
watchNpm(npmChain);
const workspace = useCopy ? copyWorkspace(scratch, folder, basename(folder), { asCloned: true }) : folder;
const openFile = ['src/lib.rs', 'src/main.rs'].map((f) => join(workspace, f)).find((f) => existsSync(f));

try {
  server = await startCodeServer(scratch, { port: await pickPort(), host });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await shutdown(1);
}
server.proc.on('exit', (code) => {
  if (!stopping) {
    console.error(`code-server exited (${code})`);
    void shutdown(1);
  }
});
const url = workbenchUrl(server.origin, { folder: workspace, devPath: ROOT, openFile });
console.log('');
console.log('Rust Layout Lens is running in code-server (VS Code 1.100) on', workspace);
if (useCopy) console.log(`(a scratch copy of ${folder}: edits there are not written back, and it is removed on exit)`);
console.log(`Open this URL in a browser (it loads the extension from this folder; ready in ${((Date.now() - started) / 1000).toFixed(1)} s):`);
console.log('');
console.log(`  ${url}`);
console.log('');
console.log(
  `${openFile ? `${relative(workspace, openFile)} opens with the page` : 'Open a Rust file'}; hover a type name. The page takes a few seconds to load, the first hover a second more.`,
);
console.log('After `npm run build`, reload the page to pick up changes. Press Ctrl-C to stop.');

/**
 * npm forwards SIGINT and SIGTERM to the shell that runs this script, which dies without
 * passing them on, and SIGHUP not at all. So when run by npm, this watches the npm process
 * and the shell between (their pids taken before the build) and stops when one is gone,
 * rather than leave code-server running with no one to stop it. Run directly
 * (`node scripts/start.mjs`), signals reach this process and nothing is watched.
 */
function npmAncestors() {
  if (!process.env.npm_lifecycle_event) return [];
  const chain = [process.ppid];
  if (process.platform !== 'linux') return chain;
  for (let pid = process.ppid, i = 0; i < 4 && pid > 1; i++) {
    let stat;
    let cmd;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      break;
    }
    if (!chain.includes(pid)) chain.push(pid);
    if (/(^|[/\0])npm(-cli\.js)?\0/.test(cmd)) break;
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return chain;
}

function watchNpm(chain) {
  if (!chain.length) return;
  const alive = (pid) => {
    try {
      if (process.platform === 'linux') {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat[stat.lastIndexOf(')') + 2] !== 'Z';
      }
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const check = () => {
    const gone = process.ppid !== chain[0] ? chain[0] : chain.find((pid) => !alive(pid));
    if (gone !== undefined) void shutdown(0, `the npm process that ran it ended (pid ${gone})`);
  };
  check();
  setInterval(check, 500).unref();
}
