/**
 * The system OpenSSL that openssl-sys's build script would find, read without running it: the
 * build script's cfgs (`ossl300`, `osslconf="OPENSSL_NO_…"`, …) and those of the `openssl` crate
 * (from openssl-sys's `DEP_OPENSSL_*` metadata) depend on nothing else. Only where that search
 * can be followed exactly is an answer given:
 *  - the host is Linux and the target is the host (cross builds read the target's OpenSSL);
 *  - not the `vendored` feature (openssl-src builds its own), not BoringSSL or LibreSSL;
 *  - no variable that changes the C compiler's or pkg-config's search (`CFLAGS`, `CPPFLAGS`,
 *    `PKG_CONFIG_PATH`, …) is set.
 * The headers are then looked for as the build script does (`OPENSSL_INCLUDE_DIR`,
 * `OPENSSL_DIR`, else pkg-config's `openssl.pc`, else the C compiler's default directories):
 * `opensslv.h` gives the version and `opensslconf.h` (with the `configuration.h` it includes on
 * OpenSSL 3) the `OPENSSL_NO_*` names the library was configured with.
 */
import type { ProjectFs } from './fs';
import { join } from './paths';

export interface SystemOpenssl {
  /** OPENSSL_VERSION_NUMBER as openssl-sys reads it (3.x: major << 28 | minor << 20 | patch << 4). */
  readonly version: bigint;
  /** The `OPENSSL_NO_*` names the headers define. */
  readonly conf: ReadonlySet<string>;
  /** Where the version was read (for messages). */
  readonly header: string;
}

/** Variables that change where the build script's C preprocessor or pkg-config look. */
const SEARCH_VARIABLES = ['CFLAGS', 'CPPFLAGS', 'CPATH', 'C_INCLUDE_PATH', 'TARGET_CFLAGS', 'HOST_CFLAGS', 'CC', 'TARGET_CC', 'PKG_CONFIG', 'PKG_CONFIG_PATH', 'PKG_CONFIG_LIBDIR', 'PKG_CONFIG_SYSROOT_DIR', 'OPENSSL_NO_PKG_CONFIG', 'OPENSSL_STATIC'];

/** Linux multiarch names of the hosts Debian-style systems install headers for. */
const MULTIARCH: Readonly<Record<string, string>> = {
  'x86_64-unknown-linux-gnu': 'x86_64-linux-gnu',
  'aarch64-unknown-linux-gnu': 'aarch64-linux-gnu',
  'i686-unknown-linux-gnu': 'i386-linux-gnu',
  'armv7-unknown-linux-gnueabihf': 'arm-linux-gnueabihf',
  'riscv64gc-unknown-linux-gnu': 'riscv64-linux-gnu',
  'powerpc64le-unknown-linux-gnu': 'powerpc64le-linux-gnu',
  's390x-unknown-linux-gnu': 's390x-linux-gnu',
  'loongarch64-unknown-linux-gnu': 'loongarch64-linux-gnu',
};

/**
 * The OpenSSL a build of openssl-sys for `target` on `host` would use, or why that is not known.
 * `features`: openssl-sys's features.
 */
export function systemOpenssl(fs: ProjectFs, target: string, host: string | undefined, features: ReadonlySet<string>): SystemOpenssl | { readonly unknown: string } {
  if (features.has('vendored') && fs.env('OPENSSL_NO_VENDOR') === undefined) return { unknown: 'the `vendored` feature builds its own OpenSSL (openssl-src), which is not read' };
  if (features.has('unstable_boringssl')) return { unknown: 'BoringSSL is not read' };
  if (host === undefined || !host.includes('-linux-')) return { unknown: 'the system OpenSSL is read on Linux hosts only' };
  if (host !== target) return { unknown: `a build for ${target} on ${host} reads that target's OpenSSL, which is not read` };
  const prefix = target.toUpperCase().replace(/-/g, '_');
  const envOf = (name: string) => fs.env(`${prefix}_${name}`) ?? fs.env(name);
  for (const v of SEARCH_VARIABLES) {
    if (fs.env(v) !== undefined || fs.env(`${v}_${target.replace(/-/g, '_')}`) !== undefined || fs.env(`${v}_${target}`) !== undefined) {
      return { unknown: `\`${v}\` is set: where the build script finds OpenSSL's headers is not followed then` };
    }
  }
  const multiarch = MULTIARCH[target];
  // The C compiler's own directories, in its order (gcc on Debian-style and other Linux systems).
  const defaults = ['/usr/local/include', ...(multiarch ? [`/usr/include/${multiarch}`] : []), '/usr/include'];
  let first: string | undefined;
  const includeDir = envOf('OPENSSL_INCLUDE_DIR');
  const dir = envOf('OPENSSL_DIR');
  if (includeDir !== undefined) first = includeDir;
  else if (dir !== undefined) first = join(dir, 'include');
  else {
    const pc = pkgConfigIncludeDir(fs, multiarch);
    if (pc === undefined) return { unknown: 'no `openssl.pc` in pkg-config\'s directories: the build script would stop there' };
    first = pc;
  }
  const search = [...(first && !defaults.includes(first) ? [first] : []), ...defaults];
  const find = (rel: string): { path: string; text: string } | undefined => {
    for (const d of search) {
      const path = join(d, rel);
      const text = fs.readFile(path);
      if (text !== undefined) return { path, text };
    }
    return undefined;
  };
  const v = find('openssl/opensslv.h');
  if (!v) return { unknown: `no \`openssl/opensslv.h\` in ${search.join(', ')}` };
  if (/^\s*#\s*define\s+LIBRESSL_VERSION_NUMBER\b/m.test(v.text)) return { unknown: 'LibreSSL is not read' };
  const num = (name: string): bigint | undefined => {
    const m = new RegExp(`^\\s*#\\s*define\\s+${name}\\s+(0x[0-9a-fA-F]+|\\d+)L?\\s*$`, 'm').exec(v.text);
    return m ? BigInt(m[1]!) : undefined;
  };
  let version: bigint | undefined;
  const major = num('OPENSSL_VERSION_MAJOR');
  if (major !== undefined) {
    const minor = num('OPENSSL_VERSION_MINOR');
    const patch = num('OPENSSL_VERSION_PATCH');
    if (minor === undefined || patch === undefined) return { unknown: `${v.path}: the version is not written as expected` };
    version = (major << 28n) | (minor << 20n) | (patch << 4n);
  } else version = num('OPENSSL_VERSION_NUMBER');
  if (version === undefined) return { unknown: `${v.path}: no OPENSSL_VERSION_NUMBER` };
  // The configuration: opensslconf.h, and what it includes of OpenSSL's own headers.
  const conf = new Set<string>();
  const seen = new Set<string>();
  const read = (rel: string, depth: number): boolean => {
    if (seen.has(rel) || depth > 4) return true;
    seen.add(rel);
    const h = find(rel);
    if (!h) return false;
    for (const m of h.text.matchAll(/^\s*#\s*define\s+(OPENSSL_NO_\w+)/gm)) conf.add(m[1]!);
    for (const m of h.text.matchAll(/^\s*#\s*include\s+<(openssl\/(?:configuration|opensslconf)\.h)>/gm)) if (!read(m[1]!, depth + 1)) return false;
    return true;
  };
  if (!read('openssl/opensslconf.h', 0)) return { unknown: 'OpenSSL\'s configuration headers were not found' };
  // OpenSSL 3's macros.h: OPENSSL_NO_DEPRECATED_3_0 when configured without deprecated APIs (the default API level).
  if (version >= 0x3_00_00_00_0n && conf.has('OPENSSL_NO_DEPRECATED')) conf.add('OPENSSL_NO_DEPRECATED_3_0');
  return { version, conf, header: v.path };
}

/** pkg-config's `includedir` for `openssl` from its default directories, or undefined when there is no openssl.pc. */
function pkgConfigIncludeDir(fs: ProjectFs, multiarch: string | undefined): string | undefined {
  const dirs = [
    ...(multiarch ? [`/usr/local/lib/${multiarch}/pkgconfig`] : []),
    '/usr/local/lib/pkgconfig',
    '/usr/local/share/pkgconfig',
    ...(multiarch ? [`/usr/lib/${multiarch}/pkgconfig`] : []),
    '/usr/lib64/pkgconfig',
    '/usr/lib/pkgconfig',
    '/usr/share/pkgconfig',
  ];
  for (const d of dirs) {
    const text = fs.readFile(join(d, 'openssl.pc'));
    if (text === undefined) continue;
    const vars = new Map<string, string>();
    for (const line of text.split('\n')) {
      const m = /^([A-Za-z_][\w.]*)=(.*)$/.exec(line.trim());
      if (m) vars.set(m[1]!, m[2]!.replace(/\$\{([\w.]+)\}/g, (_, k: string) => vars.get(k) ?? ''));
    }
    return vars.get('includedir') ?? '/usr/include';
  }
  return undefined;
}

/**
 * What a cfg of openssl-sys's or openssl's build script is with this OpenSSL: `osslXYZ[p]` (set
 * from version X.Y.Z, patch letter p, on), `libressl*` and `boringssl` (unset), `openssl` and
 * `const_fn` (set), `osslconf="NAME"` (NAME defined by the headers and tested by openssl-sys's
 * expando.c, `tested`). Undefined for any other name.
 */
export function opensslCfg(name: string, ssl: SystemOpenssl, tested: ReadonlySet<string> | undefined): boolean | undefined {
  if (name === 'openssl' || name === 'const_fn') return true;
  if (name === 'boringssl' || name === 'libressl' || /^libressl\d+$/.test(name)) return false;
  const v = /^ossl(\d)(\d)(\d)([a-z]?)$/.exec(name);
  if (v) {
    const patch = v[4] ? BigInt(v[4].charCodeAt(0) - 96) : 0n;
    const threshold = (BigInt(v[1]!) << 28n) | (BigInt(v[2]!) << 20n) | (BigInt(v[3]!) << 12n) | (patch << 4n);
    return ssl.version >= threshold;
  }
  const c = /^osslconf="(\w+)"$/.exec(name);
  if (c) return ssl.conf.has(c[1]!) && (tested === undefined || tested.has(c[1]!));
  return undefined;
}
