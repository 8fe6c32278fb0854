// `npm start`: build, install code-server if needed, and serve a real VS Code on a scratch copy
// of examples/ (or on --folder DIR itself) with this folder loaded as a development extension.
// Prints the URL; Ctrl-C, SIGTERM or SIGHUP stops it all.
//
//   npm start [-- --port 8080] [--host 127.0.0.1] [--folder DIR] [--no-build]
import { spawnSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { ROOT, copyWorkspace, ensureCodeServer, freePort, makeScratch, parseArgs, say, startCodeServer, workbenchUrl } from './lib.mjs';

const args = parseArgs(process.argv.slice(2), { flags: ['no-build'], options: ['port', 'host', 'folder'] });
const folder = resolve(args.folder ?? join(ROOT, 'examples'));
// The examples are part of the repository: edit a copy of them, never the checked-out files.
const useCopy = args.folder === undefined;
const host = args.host ?? '127.0.0.1';

if (!args['no-build']) {
  say('building');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
ensureCodeServer();

async function pickPort() {
  if (args.port) return Number(args.port);
  if (process.env.PORT) return Number(process.env.PORT);
  return freePort();
}

const scratch = makeScratch('rll-start-');
let server;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping code-server');
  await server?.stop();
  scratch.remove();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
const workspace = useCopy ? copyWorkspace(scratch, folder, basename(folder)) : folder;

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
const url = workbenchUrl(server.origin, { folder: workspace, devPath: ROOT });
console.log('');
console.log('Rust Layout Lens is running in code-server (VS Code 1.100) on', workspace);
if (useCopy) console.log(`(a scratch copy of ${folder}: edits there are not written back, and it is removed on exit)`);
console.log('Open this URL in a browser (it loads the extension from this folder):');
console.log('');
console.log(`  ${url}`);
console.log('');
console.log('Hover a type name in src/lib.rs. After `npm run build`, reload the page to pick up changes.');
console.log('Press Ctrl-C to stop.');
