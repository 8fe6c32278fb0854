/**
 * The `cfg`s a package's build script may set (`cargo:rustc-cfg=NAME`, autocfg's `emit` and
 * `emit_*` probes). Build scripts are never run here, so each such name is:
 *  - known, for a few widely used crates whose scripts were read and whose result on rustc 1.95
 *    depends only on the target and features (the table below, with the script's logic beside);
 *  - unset when it names the absence of something (`no_*`, `*_no_*`): those scripts set them
 *    only for compilers or targets older or smaller than the ones modelled here;
 *  - otherwise uncertain: a type whose definition is gated by it is not laid out (the engine
 *    says which build script sets what).
 */
import type { Target } from '../core/targets';

/** Names a build script's text may set as cfgs. */
export function buildScriptCfgNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/cargo::?rustc-cfg=([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/\bemit\s*\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/\bemit_sysroot_crate\s*\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) names.add(`has_${m[1]!}`);
  for (const m of text.matchAll(/\bemit_rustc_version\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)/g)) names.add(`rustc_${m[1]!}_${m[2]!}`);
  for (const m of text.matchAll(/\bemit_has_type\s*\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) names.add(`has_${m[1]!}`);
  return [...names];
}

function hasStd(t: Target): boolean {
  return !t.triple.includes('-none');
}

function arch(t: Target): string {
  return t.cfg.target_arch?.[0] ?? '';
}

/** libc 0.2's cfgs that its build script sets when rustc is at least some version far below 1.95. */
const LIBC_SINCE = new Set([
  'libc_priv_mod_use', 'libc_union', 'libc_const_size_of', 'libc_align', 'libc_int128', 'libc_core_cvoid',
  'libc_packedN', 'libc_cfg_target_vendor', 'libc_non_exhaustive', 'libc_long_array', 'libc_ptr_addr_of',
  'libc_underscore_const_names', 'libc_const_extern_fn',
]);

/** Per package name: the value each build-script cfg has on rustc 1.95 for a target and features (`script`: the build script's text). */
const KNOWN: Readonly<Record<string, (name: string, t: Target, features: ReadonlySet<string>, script: string) => boolean | undefined>> = {
  // libc 0.2 build.rs: version checks that all pass on 1.95; the FreeBSD ABI of its default
  // match arm (`Some(_) | None => ..freebsd11`) unless LIBC_CI is set; the rest only on libc's
  // CI, as a dependency of std or with unstable features.
  libc: (n, _t, _f, script) => {
    if (LIBC_SINCE.has(n)) return true;
    if (['libc_deny_warnings', 'libc_thread_local', 'libc_const_extern_fn_unstable', 'libc_ctest'].includes(n)) return false;
    const bsd = /^freebsd(\d+)$/.exec(n);
    if (bsd) {
      const dflt = /Some\(_\)\s*\|\s*None\s*=>\s*(?:println!\(\s*"cargo::?rustc-cfg=|set_cfg\(\s*")freebsd(\d+)"/.exec(script)?.[1];
      return dflt === undefined ? undefined : dflt === bsd[1];
    }
    return undefined;
  },
  // indexmap 1.x build.rs: `has_std` if the `std` feature is on, else if the target's sysroot has std.
  indexmap: (n, t, f) => (n === 'has_std' ? f.has('std') || hasStd(t) : undefined),
  // serde_json 1.x build.rs: limb_width_64 on aarch64, mips64, powerpc64 and x86_64, else limb_width_32.
  serde_json: (n, t) => {
    const wide = ['aarch64', 'mips64', 'powerpc64', 'x86_64'].includes(arch(t));
    return n === 'limb_width_64' ? wide : n === 'limb_width_32' ? !wide : undefined;
  },
  // log 0.4 build.rs: atomic_cas and has_atomics except on a few small targets none of which is modelled.
  log: (n) => (n === 'atomic_cas' || n === 'has_atomics' ? true : undefined),
  // proc-macro2 1.0 build.rs: on a stable compiler, use_proc_macro and wrap_proc_macro unless the
  // target is wasm32 or the proc-macro feature is off; span_locations with its feature; the
  // semver-exempt and nightly-only ones never.
  'proc-macro2': (n, t, f) => {
    const real = arch(t) !== 'wasm32' && f.has('proc-macro');
    if (n === 'use_proc_macro' || n === 'wrap_proc_macro') return real;
    if (n === 'span_locations') return f.has('span-locations');
    if (n === 'procmacro2_semver_exempt' || n === 'super_unstable' || n === 'proc_macro_span') return false;
    return undefined;
  },
  // memchr 2.x build.rs: the SIMD cfgs on x86_64 with the std feature (sse2 is on there), never by default on wasm32.
  memchr: (n, t, f) => {
    if (['memchr_runtime_simd', 'memchr_runtime_sse2', 'memchr_runtime_sse42', 'memchr_runtime_avx'].includes(n)) return arch(t) === 'x86_64' && f.has('std');
    return n === 'memchr_runtime_wasm128' ? false : undefined;
  },
};

export interface BuildCfgs {
  /** Names the build script sets for this target and features. */
  readonly set: readonly string[];
  /** Names it may set that cannot be known without running it, with why. */
  readonly uncertain: ReadonlyMap<string, string>;
}

/** What a package's build script (its text) makes of each cfg it may set. */
export function buildCfgs(pkg: string, script: string | undefined, t: Target, features: ReadonlySet<string>): BuildCfgs {
  const set: string[] = [];
  const uncertain = new Map<string, string>();
  if (script === undefined) return { set, uncertain };
  const known = KNOWN[pkg];
  for (const n of buildScriptCfgNames(script)) {
    const v = known?.(n, t, features, script);
    if (v === true) set.push(n);
    else if (v === false || /(^|_)no_/.test(n) || n === 'feature') continue;
    else uncertain.set(n, `\`cfg(${n})\` is set or not by ${pkg}'s build script, which is not run`);
  }
  return { set, uncertain };
}
