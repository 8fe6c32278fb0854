/**
 * One cargo target directory kept between test runs, as a CI cache keeps one, for the checks that
 * build Debian's packaged crates with cargo (depCrates, cargoRules): the dependencies are built
 * once, and cargo's fingerprints decide what is rebuilt. Each package a test writes or checks is
 * still compiled, with its probes, in every run.
 *
 * The directory is `${RLL_CACHE:-~/.cache/rust-layout-lens}/cargo-target/NAME`, the cache folder
 * of the code-server and test-web installs (scripts/lib.mjs); `RLL_CARGO_TARGET_CACHE=0` builds in
 * the fallback, a fresh temporary directory. The directory is emptied whenever what its builds were made with differs
 * from now: rustc, cargo, the registry's package list, and `inputs` (files a build script reads
 * that cargo is not told of, such as the system OpenSSL's headers).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY = '/usr/share/cargo/registry';

/** What cargo's builds from the registry depend on besides the toolchain: its package list, and `inputs`' contents. */
export function registryStamp(inputs: readonly string[] = []): string {
  return [readdirSync(REGISTRY).sort().join('\n'), ...inputs.map((f) => `${f}\n${existsSync(f) ? readFileSync(f, 'utf8') : '(none)'}`)].join('\n');
}

export function cargoTargetCache(name: string, fallback: string, inputs: readonly string[] = []): string {
  if (process.env.RLL_CARGO_TARGET_CACHE === '0') return fallback;
  const dir = join(process.env.RLL_CACHE ?? join(homedir(), '.cache', 'rust-layout-lens'), 'cargo-target', name);
  try {
    const stamp = [
      execFileSync('rustc', ['-vV'], { encoding: 'utf8' }),
      execFileSync('cargo', ['-V'], { encoding: 'utf8' }),
      registryStamp(inputs),
    ].join('\n');
    const stampFile = join(dir, 'rll-stamp.txt');
    if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(stampFile, stamp);
    }
    return dir;
  } catch (e) {
    console.log(`      the shared cargo target directory ${dir} could not be used (${String(e).split('\n')[0]}): building in ${fallback}`);
    mkdirSync(fallback, { recursive: true });
    return fallback;
  }
}
