// Fetches the real-crate corpus of `npm run bench` (and of the real-code accuracy check) from
// Debian: each crate's `librust-<name>-dev` package, pinned to a bookworm version, downloaded with
// `apt-get download` (no root) and unpacked with `dpkg-deb -x` into the cache, outside the repo:
//
//   ~/.cache/rust-layout-lens/bench-crates/crates/<crate>-<version>/{Cargo.toml,src/...}
//
// Idempotent: a crate already unpacked is not fetched again. Nothing here is committed.
//
//   node scripts/bench-corpus.mjs            the pinned bench list below
//   node scripts/bench-corpus.mjs NAME...    other crates (Debian's candidate version), e.g. hex fastrand
//   --json                                   print {dir, crates: [dir...]} on stdout (progress on stderr)
//
// Exit code 1 with a one-paragraph message (no stack trace) when apt or dpkg-deb is missing or
// the packages cannot be downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheRoot } from './lib.mjs';

/**
 * Debian package suffix (`librust-<pkg>-dev`) and bookworm version: 25 popular crates of different
 * styles, 7.9 MB of Rust reachable from their crate roots: parsers and ASTs (regex-syntax with its
 * Unicode tables, syn, nom), automata (regex, regex-automata, aho-corasick), collections
 * (hashbrown, indexmap, smallvec, arrayvec), serialisation (serde, serde_json, ryu, itoa), bytes,
 * url, log, memchr. Crates that are mostly lookup tables (unicode-normalization,
 * unicode-segmentation) are left out: data parses slowly and extracts nothing, which flatters
 * the ratio.
 */
export const PINNED = [
  ['aho-corasick', '0.7.19-1'],
  ['anyhow', '1.0.69-1'],
  ['arrayvec', '0.7.2-2'],
  ['bitflags', '1.3.2-3'],
  ['byteorder', '1.4.3-2'],
  ['bytes', '1.2.1-1'],
  ['either', '1.6.1-1'],
  ['hashbrown', '0.12.3-1'],
  ['indexmap', '1.9.2-1'],
  ['itoa', '1.0.1-2'],
  ['log', '0.4.17-3'],
  ['memchr', '2.5.0-1'],
  ['nom', '7.1.1-1'],
  ['once-cell', '1.17.0-1'],
  ['proc-macro2', '1.0.47-1'],
  ['regex', '1.7.1-1'],
  ['regex-automata', '0.1.8-2'],
  ['regex-syntax', '0.6.27-1'],
  ['ryu', '1.0.2-1'],
  ['semver', '1.0.14-1'],
  ['serde', '1.0.152-2'],
  ['serde-json', '1.0.87-1'],
  ['smallvec', '1.9.0-1'],
  ['syn', '1.0.107-1'],
  ['url', '2.3.1-1'],
];

export function benchCratesDir() {
  return join(cacheRoot(), 'bench-crates');
}

class FetchError extends Error {}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') {
    throw new FetchError(`\`${cmd}\` is not installed: the real-crate corpus comes from Debian's librust-*-dev packages (apt-get download + dpkg-deb), so it needs a Debian-based system.`);
  }
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** Unpacks (downloading first) one package; returns the crate directory. */
function fetchOne(root, pkg, version, log) {
  const crates = join(root, 'crates');
  const markerName = `.${pkg}${version ? `_${version}` : ''}.done`;
  const marker = join(crates, markerName);
  if (existsSync(marker)) {
    const dir = join(crates, readFileSync(marker, 'utf8').trim());
    if (existsSync(join(dir, 'Cargo.toml'))) return dir;
  }
  mkdirSync(crates, { recursive: true });
  const tmp = mkdtempSync(join(root, 'tmp-'));
  try {
    const name = `librust-${pkg}-dev`;
    log(`fetching ${name}${version ? ` ${version}` : ''}`);
    let r = run('apt-get', ['download', version ? `${name}=${version}` : name], tmp);
    if (!r.ok && version && /Version '.*' for '.*' was not found/.test(r.out)) {
      log(`  ${name} ${version} is no longer in the archive: taking Debian's current version (figures may differ from earlier runs)`);
      r = run('apt-get', ['download', name], tmp);
    }
    if (!r.ok) {
      const hint = /Unable to locate package|Can't select/.test(r.out)
        ? 'apt does not know the package: run `sudo apt-get update` (the package lists may be missing or stale).'
        : /Could not resolve|Failed to fetch|Temporary failure|Connection|timed out/i.test(r.out)
          ? 'the Debian archive is unreachable from this machine.'
          : '';
      throw new FetchError(`cannot download ${name}${hint ? `: ${hint}` : ''}\n  apt-get says: ${r.out.split('\n').filter((l) => /^(E|Err):/.test(l)).slice(0, 3).join('\n  ') || r.out.slice(0, 300)}`);
    }
    const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'));
    if (!deb) throw new FetchError(`apt-get download ${name} produced no .deb`);
    const x = run('dpkg-deb', ['-x', join(tmp, deb), join(tmp, 'x')], tmp);
    if (!x.ok) throw new FetchError(`dpkg-deb cannot unpack ${deb}: ${x.out.slice(0, 300)}`);
    const reg = join(tmp, 'x/usr/share/cargo/registry');
    const [dirName] = existsSync(reg) ? readdirSync(reg) : [];
    if (!dirName) throw new FetchError(`${deb} holds no crate source (usr/share/cargo/registry is empty)`);
    const dest = join(crates, dirName);
    rmSync(dest, { recursive: true, force: true });
    renameSync(join(reg, dirName), dest);
    writeFileSync(marker, dirName + '\n');
    return dest;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Fetches the given packages (default: the pinned list); returns their crate directories. */
export function fetchCrates(list = PINNED, log = (m) => console.error(m)) {
  const root = benchCratesDir();
  mkdirSync(root, { recursive: true });
  return { dir: root, crates: list.map(([pkg, version]) => fetchOne(root, pkg, version, log)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--'));
  const list = names.length ? names.map((n) => [n.replace(/_/g, '-').toLowerCase(), undefined]) : PINNED;
  try {
    const r = fetchCrates(list);
    if (json) process.stdout.write(JSON.stringify(r) + '\n');
    else console.log(`${r.crates.length} crates in ${join(r.dir, 'crates')}:\n${r.crates.map((c) => `  ${c}`).join('\n')}`);
  } catch (e) {
    if (!(e instanceof FetchError)) throw e;
    console.error(`bench-corpus: ${e.message}`);
    process.exitCode = 1;
  }
}
