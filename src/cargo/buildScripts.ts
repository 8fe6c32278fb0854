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
import { isTypenumConstsScript, typenumConsts, typenumEnvFile } from './typenum';
import type { Target } from '../core/targets';
import { evalCfg } from '../core/resolve';
import { parseCfgAttr } from '../core/attrs';
import type { ProjectFs } from './fs';
import { join } from './paths';
import { opensslCfg, systemOpenssl } from './openssl';

/** In BuildCfgs.uncertain: the script makes cfg names at run time (`rustc-cfg={}`), so any name may be set. */
export const ANY_NAME = '*';

/** Names a build script's text may set as cfgs (`feature="x"` for a feature it turns on; ANY_NAME). */
export function buildScriptCfgNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/cargo::?rustc-cfg=([A-Za-z_][A-Za-z0-9_]*)(=\\?"([^"\\{}]*)\\?")?/g)) {
    // `feature=\"x\"` turns on a feature of the package itself.
    if (m[1] === 'feature' && m[3] !== undefined) names.add(`feature="${m[3]}"`);
    // `key="value"`: that pair; a key whose value is made at run time (`osslconf=\"{}\"`): the key, any value.
    else if (m[1] !== 'feature') names.add(m[3] !== undefined ? `${m[1]}="${m[3]}"` : m[1]!);
    else names.add(ANY_NAME);
  }
  // `rustc-cfg={}`: a name made at run time, so any name may be set; unless it is printed only by
  // helpers such as rustix's `fn use_feature(feature: &str)`, every call of which names it.
  if (/cargo::?rustc-cfg=\{/.test(text)) {
    const helped = cfgHelperCalls(text);
    if (helped) for (const n of helped) names.add(n);
    else names.add(ANY_NAME);
  }
  // A directive assembled from pieces may set any name: `concat!("cargo:rustc-cfg=", stringify!($n))`
  // (time 0.2), `concat!("cargo:rustc-", "cfg=x")`, `"cargo:{}={}"`, `"cargo:rustc-{}"`.
  if (/cargo::?rustc-cfg="/.test(text) || /cargo::?rustc-(?:"|\{)/.test(text) || /cargo::?(?:"|\{)/.test(text)) names.add(ANY_NAME);
  for (const m of text.matchAll(/\bemit\s*\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/\bemit_sysroot_crate\s*\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) names.add(`has_${m[1]!}`);
  for (const m of text.matchAll(/\bemit_rustc_version\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)/g)) names.add(`rustc_${m[1]!}_${m[2]!}`);
  // autocfg's `emit_has_type("i128")`, `emit_has_path("std::ptr::addr_of")`, `emit_has_trait(..)`:
  // `has_` and the name with every other character than a letter or digit as `_`.
  for (const m of text.matchAll(/\bemit_has_(?:type|path|trait)\s*\(\s*"([^"]*)"\s*\)/g)) names.add(`has_${m[1]!.replace(/[^A-Za-z0-9]/g, '_')}`);
  // `emit_path_cfg(path, "name")` and the expression, type, trait and constant probes: the name given.
  for (const m of text.matchAll(/\bemit_(?:path|expression|type|trait|constant)_cfg\s*\(\s*"(?:[^"\\]|\\.)*"\s*,\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/g)) names.add(m[1]!);
  // Functions of other crates (pyo3-build-config's `emit_pyo3_cfgs()`) may print cfgs of any name.
  if (callsUnknownCrate(text)) names.add(ANY_NAME);
  return [...names];
}

/**
 * Crates whose functions build scripts call that print no `rustc-cfg` of their own: they compile
 * C (cc, cmake), find libraries (pkg-config, vcpkg), generate code into OUT_DIR (bindgen, prost,
 * tonic, lalrpop…) or answer questions the script prints from itself (version_check,
 * rustc_version, autocfg, whose `emit*` calls are read above; cfg_aliases, read exactly).
 */
const QUIET_BUILD_CRATES: ReadonlySet<string> = new Set([
  'std', 'core', 'alloc', 'crate', 'self', 'super', 'cc', 'cmake', 'pkg_config', 'vcpkg', 'bindgen', 'prost_build', 'tonic_build', 'lalrpop',
  'version_check', 'rustc_version', 'autocfg', 'cfg_aliases', 'semver', 'regex', 'walkdir', 'glob', 'serde', 'serde_json', 'toml', 'which',
  'tempfile', 'anyhow', 'fs_extra', 'shlex', 'winres', 'embed_resource', 'built', 'vergen', 'chrono', 'time', 'pkg_version', 'rustversion',
  'env', 'fs', 'path', 'process', 'io', 'ffi', 'fmt', 'str', 'string', 'vec', 'collections', 'cmp', 'mem', 'Some', 'None', 'Ok', 'Err',
  'thread', 'sync', 'net', 'os', 'hash', 'iter', 'char', 'num', 'ops', 'borrow', 'rc', 'cell', 'array', 'slice', 'option', 'result',
  'convert', 'default', 'ptr', 'any', 'marker', 'error', 'f32', 'f64', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32',
  'u64', 'u128', 'usize', 'bool', 'ascii', 'panic', 'arch', 'hint', 'boxed', 'primitive', 'prelude',
  'proc_macro', 'build_const', 'string_cache_codegen', 'dunce', 'hashbrown', 'rand', 'musl_reference_tests', 'cbindgen', 'cfg_if',
  'capnpc', 'protobuf_codegen', 'cxx_build', 'napi_build', 'tauri_build', 'windows_targets', 'phf_codegen', 'askama', 'uuid', 'bytes',
]);

/** Whether a build script calls a function through another crate's path (`pyo3_build_config::use_pyo3_cfgs()`) not known to print no cfgs. */
function callsUnknownCrate(text: string): boolean {
  const local = new Set([...text.matchAll(/\b(?:mod|fn|struct|enum|type|trait|const|static|use\s+\S+\s+as)\s+([A-Za-z_]\w*)/g)].map((m) => m[1]!));
  // `extern crate version_check as rustc;`: the alias of a quiet crate is quiet.
  for (const m of text.matchAll(/\bextern\s+crate\s+([A-Za-z_]\w*)\s+as\s+([A-Za-z_]\w*)/g)) if (QUIET_BUILD_CRATES.has(m[1]!)) local.add(m[2]!);
  // Comments and string literals name paths that are not calls.
  text = text.replace(/\/\/[^\n]*/g, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (const m of text.matchAll(/(?<![\w:])([a-z_][a-z0-9_]*)::(?:[A-Za-z_]\w*::)*[a-z_]\w*\s*\(/g)) {
    const root = m[1]!;
    if (!QUIET_BUILD_CRATES.has(root) && !local.has(root)) return true;
  }
  // `.emit_*_cfgs()` / `.print_*_cfgs()` methods of a value from another crate (pyo3's interpreter config).
  return /\.\s*(?:emit|print)_[a-z0-9_]*cfgs\s*\(/.test(text);
}

/**
 * `cfg_aliases! { name: { predicate }, .. }` (the cfg_aliases crate: nix, winit, wgpu): each
 * alias is set where its predicate holds for the target and features (aliases may name earlier
 * ones). Undefined when the script has no such call or it is not read to the end.
 */
export function cfgAliases(text: string, holds: (pred: string, set: ReadonlySet<string>) => boolean): { set: string[]; names: string[] } | undefined {
  const at = /\bcfg_aliases!\s*\{/.exec(text);
  if (!at) return undefined;
  let depth = 1;
  let i = at.index + at[0].length;
  const start = i;
  for (; i < text.length && depth > 0; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
  }
  if (depth !== 0) return undefined;
  const body = text.slice(start, i - 1);
  const set = new Set<string>();
  const names: string[] = [];
  let k = 0;
  const re = /\s*([A-Za-z_]\w*)\s*:\s*\{/y;
  while (k < body.length) {
    re.lastIndex = k;
    const m = re.exec(body);
    if (!m) {
      if (/^[\s,]*$/.test(body.slice(k))) break;
      return undefined;
    }
    let d = 1;
    let j = re.lastIndex;
    const from = j;
    for (; j < body.length && d > 0; j++) {
      if (body[j] === '{') d++;
      else if (body[j] === '}') d--;
    }
    const pred = body.slice(from, j - 1).trim();
    names.push(m[1]!);
    if (holds(pred, set)) set.add(m[1]!);
    k = j;
    while (k < body.length && /[\s,]/.test(body[k]!)) k++;
  }
  return { set: [...set], names };
}

/**
 * The build script's text with the files of its `mod name;` declarations appended (they may print
 * cfgs too), read next to the file that declares them, a few levels deep.
 */
export function withScriptModules(read: (path: string) => string | undefined, path: string, text: string, depth = 0): string {
  if (depth > 4) return text;
  const dir = path.replace(/\/[^/]*$/, '');
  const own = /(?:^|\/)(?:main|mod|build)\.rs$/.test(path) ? dir : path.replace(/\.rs$/, '');
  let out = text;
  for (const m of text.matchAll(/^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_]\w*)\s*;/gm)) {
    for (const p of [`${own}/${m[1]!}.rs`, `${own}/${m[1]!}/mod.rs`]) {
      const t = read(p);
      if (t === undefined) continue;
      out += `\n${withScriptModules(read, p, t, depth + 1)}`;
      break;
    }
  }
  return out;
}

/**
 * The cfg names a script prints through helper functions (`fn use_feature(feature: &str) {
 * println!("cargo:rustc-cfg={}", feature) }`, and helpers that call one with their parameter,
 * like `use_feature_or_nothing`), when every `rustc-cfg={}` is inside such a helper and every
 * call of one outside them passes a string literal; undefined otherwise.
 */
function cfgHelperCalls(text: string): string[] | undefined {
  const fns: { name: string; param: string; start: number; end: number; body: string }[] = [];
  for (const m of text.matchAll(/\bfn\s+([A-Za-z_]\w*)\s*\(\s*([A-Za-z_]\w*)\s*:\s*&(?:'static\s+)?str\s*\)\s*\{/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    fns.push({ name: m[1]!, param: m[2]!, start: m.index, end: i, body: text.slice(m.index + m[0].length, i) });
  }
  const helpers = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of fns) {
      if (helpers.has(f.name)) continue;
      const prints = new RegExp(`cargo::?rustc-cfg=\\{\\}"\\s*,\\s*${f.param}\\s*\\)`).test(f.body);
      const forwards = [...helpers].some((h) => new RegExp(`\\b${h}\\s*\\(\\s*${f.param}\\s*\\)`).test(f.body));
      if (prints || forwards) {
        helpers.add(f.name);
        changed = true;
      }
    }
  }
  if (helpers.size === 0) return undefined;
  const inHelper = (at: number) => fns.some((f) => helpers.has(f.name) && at >= f.start && at < f.end);
  for (const m of text.matchAll(/cargo::?rustc-cfg=\{/g)) if (!inHelper(m.index)) return undefined;
  const names: string[] = [];
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*\(\s*("([A-Za-z_][A-Za-z0-9_]*)"|[^)]*)\s*\)/g)) {
    if (!helpers.has(m[1]!) || inHelper(m.index)) continue;
    if (m[3] === undefined) return undefined;
    names.push(m[3]);
  }
  return names;
}

/** A build script's probe of `#![feature(name)]`: it compiles only where nightly features are accepted. */
function nightlyProbe(pkg: string, n: string): string {
  return `${pkg}'s build script sets \`cfg(${n})\` only when the compiler accepts \`#![feature(${n})]\` (a nightly toolchain, or RUSTC_BOOTSTRAP): not known here`;
}

function hasStd(t: Target): boolean {
  return !t.triple.includes('-none');
}

function arch(t: Target): string {
  return t.cfg.target_arch?.[0] ?? '';
}

function limbWidth(n: string, t: Target): boolean | undefined {
  const wide = ['aarch64', 'mips64', 'powerpc64', 'x86_64'].includes(arch(t));
  return n === 'limb_width_64' ? wide : n === 'limb_width_32' ? !wide : undefined;
}

/** libc 0.2's cfgs that its build script sets when rustc is at least some version far below 1.95. */
const LIBC_SINCE = new Set([
  'libc_priv_mod_use', 'libc_union', 'libc_const_size_of', 'libc_align', 'libc_int128', 'libc_core_cvoid',
  'libc_packedN', 'libc_cfg_target_vendor', 'libc_non_exhaustive', 'libc_long_array', 'libc_ptr_addr_of',
  'libc_underscore_const_names', 'libc_const_extern_fn',
]);

/** Per package name: the value each build-script cfg has on rustc 1.95 for a target and features (`script`: the build script's text). */
/** A string: the name stays uncertain, for that reason. `ctx`: where the script would run (its package's files). */
const KNOWN: Readonly<Record<string, (name: string, t: Target, features: ReadonlySet<string>, script: string, ctx?: BuildContext) => boolean | string | undefined>> = {
  // rustix 0.35 build.rs: the linux_raw backend on Linux when `src/backend/linux_raw/arch/outline/
  // <arch>.s` exists, the use-libc feature is off and the ABI is not x32, arm64 ILP32 or a big-endian
  // powerpc64/mips/mips64 (else the libc backend); `asm` with linux_raw except on powerpc64, mips and
  // mips64 (and on x86 only with naked functions, a nightly probe); the other names are probes of
  // `#![feature(..)]`, which pass only where nightly features are accepted.
  rustix: (n, t, f, _script, ctx) => {
    const a = arch(t);
    const os = t.cfg.target_os?.[0] ?? '';
    const endian = t.cfg.target_endian?.[0] ?? 'little';
    const unsupported = (a === 'x86_64' && t.pointerSize === 4) || (a === 'aarch64' && t.pointerSize === 4) || (endian === 'big' && ['powerpc64', 'mips', 'mips64'].includes(a));
    const asmFile = ctx ? ctx.fs.readFile(join(ctx.dir, `src/backend/linux_raw/arch/outline/${a}.s`)) !== undefined : undefined;
    const linuxRaw = os !== 'linux' || unsupported || f.has('use-libc') ? false : asmFile;
    if (n === 'linux_raw') return linuxRaw;
    if (n === 'libc') return linuxRaw === undefined ? undefined : !linuxRaw;
    if (n === 'asm') {
      if (linuxRaw !== true || ['powerpc64', 'mips', 'mips64'].includes(a)) return linuxRaw === undefined ? undefined : false;
      return a === 'x86' ? nightlyProbe('rustix', 'naked_functions') : true;
    }
    if (n === 'asm_experimental_arch') return false;
    if (n === 'thumb_mode') return a === 'arm' ? undefined : false;
    if (['rustc_attrs', 'core_intrinsics', 'naked_functions', 'const_raw_ptr_deref', 'core_ffi_c', 'core_c_str', 'alloc_c_string'].includes(n)) return nightlyProbe('rustix', n);
    return undefined;
  },
  // cssparser 0.27–0.29 build.rs: rustc_has_pr45225 when `Option<bool>` is one byte (rustc 1.24 on).
  cssparser: (n) => (n === 'rustc_has_pr45225' ? true : undefined),
  // io-lifetimes 0.7 build.rs: `rustc_attrs` from a `#![feature(rustc_attrs)]` probe (nightly
  // only); `panic_in_const_fn` from rustc 1.57 on.
  'io-lifetimes': (n) => (n === 'panic_in_const_fn' ? true : n === 'rustc_attrs' ? nightlyProbe('io-lifetimes', n) : undefined),
  // ahash 0.7 build.rs: the specialize and stdsimd features on a nightly compiler only;
  // runtime-rng on the listed OSes; folded_multiply on the listed 64-bit architectures.
  ahash: (n, t) => {
    if (n === 'feature="specialize"' || n === 'feature="stdsimd"') return false;
    if (n === 'feature="runtime-rng"') {
      const os = t.cfg.target_os?.[0] ?? '';
      return ['linux', 'android', 'windows', 'macos', 'ios', 'freebsd', 'openbsd', 'dragonfly', 'solaris', 'illumos', 'fuchsia', 'redox', 'cloudabi', 'haiku', 'vxworks', 'emscripten', 'wasi'].includes(os);
    }
    if (n === 'feature="folded_multiply"') return ['x86_64', 'aarch64', 'mips64', 'powerpc64', 'riscv64gc', 's390x'].includes(arch(t));
    return undefined;
  },
  // anyhow 1.0.x build.rs: `backtrace` when a probe compiles; up to 1.0.7x the probe uses
  // `provide_any`'s `Demand`, which later compilers removed, so never on 1.95; `std_backtrace`
  // (later versions) from rustc 1.65 on; nightly-only probes never.
  anyhow: (n, _t, _f, script) => {
    if (n === 'backtrace') return /provide_any|Demand</.test(script) ? false : undefined;
    if (n === 'std_backtrace') return true;
    if (n === 'error_generic_member_access' || n === 'anyhow_nightly_testing') return false;
    return undefined;
  },
  // eyre 0.6 build.rs: `backtrace` when a probe compiles that implements `Error::backtrace`, a
  // method std's Error trait no longer has (so never on 1.95); `track_caller` when
  // `#[track_caller]` compiles (stable since 1.46).
  eyre: (n, _t, _f, script) => {
    if (n === 'backtrace') return /fn backtrace\(&self\) -> Option<&Backtrace>/.test(script) ? false : undefined;
    if (n === 'track_caller') return /#\[track_caller\]/.test(script) ? true : undefined;
    return undefined;
  },
  // ryu 1.0 build.rs: version checks from rustc 1.26, 1.27 and 1.36; integer128 except on emscripten.
  ryu: (n, t) => {
    if (n === 'integer128') return !t.triple.includes('emscripten');
    if (n === 'must_use_return' || n === 'maybe_uninit') return true;
    return undefined;
  },
  // rkyv 0.7 build.rs: has_atomics and has_atomics_64 unless the triple or its architecture is
  // in its lists of targets without 32- or 64-bit atomics.
  rkyv: (n, t) => {
    const arch = t.triple.split('-')[0]!;
    const no32 = ['avr', 'riscv32i', 'riscv32imc', 'thumbv6m'].includes(arch);
    const no64 = no32 || ['arm-linux-androideabi', 'asmjs-unknown-emscripten', 'wasm32-unknown-emscripten', 'wasm32-unknown-unknown'].includes(t.triple) || ['armv5te', 'mips', 'mipsel', 'powerpc', 'riscv32imac', 'thumbv7em', 'thumbv7m', 'thumbv8m.base', 'thumbv8m.main', 'armebv7r', 'armv7r'].includes(arch);
    if (n === 'has_atomics') return !no32;
    if (n === 'has_atomics_64') return !no64;
    return undefined;
  },
  // im 15 and im-rc 15 share a build.rs: threadsafe for the package named im (unless IM_TEST_RC
  // is set, im's own test setting), never for im-rc; has_specialisation on nightly only (left open).
  im: (n) => (n === 'threadsafe' ? true : undefined),
  'im-rc': (n) => (n === 'threadsafe' ? false : undefined),
  // syn 1.x build.rs: version checks for compilers older than 1.56 (all unset on 1.95) and
  // syn_disable_nightly_tests on a stable compiler (it gates tests only).
  syn: (n) => {
    if (n === 'syn_omit_await_from_token_macro') return false;
    if (n === 'syn_disable_nightly_tests') return true;
    return undefined;
  },
  // target-lexicon 0.12 build.rs: the rust_1_40 feature from rustc 1.40 on.
  'target-lexicon': (n) => (n === 'feature="rust_1_40"' ? true : undefined),
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
  serde_json: limbWidth,
  // lexical-core 0.7 build.rs: the same test, by CARGO_CFG_TARGET_ARCH.
  'lexical-core': limbWidth,
  // crc32fast 1.x build.rs: crc32fast_stdarchx86 when rustc is 1.27 or later.
  crc32fast: (n) => (n === 'crc32fast_stdarchx86' ? true : undefined),
  // num-bigint 0.4 build.rs: u64_digit with 64-bit pointers; has_try_from (core has TryFrom);
  // use_addcarry on x86 and x86_64, where core::arch has `_addcarry_u32`/`_addcarry_u64`.
  'num-bigint': (n, t) => {
    if (n === 'u64_digit') return t.pointerSize === 8;
    if (n === 'has_try_from') return true;
    if (n === 'use_addcarry') return arch(t) === 'x86_64' || arch(t) === 'x86';
    return undefined;
  },
  // tokio 1.x build.rs: tokio_wasm on wasm targets, then tokio_wasi or tokio_wasm_not_wasi by the
  // triple (its tokio_no_* cfgs are for compilers older than 1.95).
  tokio: (n, t) => {
    const wasm = t.triple.startsWith('wasm');
    const wasi = wasm && t.triple.includes('wasi');
    if (n === 'tokio_wasm') return wasm;
    if (n === 'tokio_wasi') return wasi;
    if (n === 'tokio_wasm_not_wasi') return wasm && !wasi;
    return undefined;
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

/**
 * What a build script's `OUT_DIR/<name>` output holds, for the scripts whose output is known
 * without running them: cssparser 0.27–0.29 copies `src/tokenizer.rs` to `tokenizer.rs` with
 * only its `match_byte!` expressions expanded (the package file, relative to the package);
 * typenum before 1.17 writes its `consts` module (the text). Undefined for any other output.
 */
export function outDirSource(pkg: string, script: string | undefined, name: string): OutDirSource | undefined {
  if (pkg === 'cssparser' && name === 'tokenizer.rs' && script && /match_byte::expand\s*\(/.test(script) && /join\(\s*"src\/tokenizer\.rs"\s*\)/.test(script)) return { rel: 'src/tokenizer.rs' };
  // typenum before 1.17: its `consts` module of type-level numbers, generated (src/cargo/typenum.ts).
  if (pkg === 'typenum' && name === 'consts.rs' && script && isTypenumConstsScript(script)) return { rel: 'OUT_DIR/consts.rs', text: typenumConsts() };
  return undefined;
}

/** A known build script's OUT_DIR file: a package file with its items (`rel`), or its generated `text` (then `rel` only names it). */
export interface OutDirSource {
  readonly rel: string;
  readonly text?: string;
}

/** The OUT_DIR file a known build script names by an environment variable it sets (`include!(env!("TYPENUM_BUILD_CONSTS"))`). */
export function outDirEnvFile(pkg: string, script: string | undefined, env: string): string | undefined {
  if (pkg === 'typenum' && script) return typenumEnvFile(script, env);
  return undefined;
}

export interface BuildCfgs {
  /** Names the build script sets for this target and features. */
  readonly set: readonly string[];
  /** Features of the package it turns on (`cargo:rustc-cfg=feature="x"`). */
  readonly features: readonly string[];
  /**
   * Names it may set that cannot be known without running it, with why: a name, `feature="x"`,
   * or ANY_NAME when it makes names at run time.
   */
  readonly uncertain: ReadonlyMap<string, string>;
}

/**
 * Where a build script runs, for the scripts whose outcome depends on the machine and not only on
 * the target and features (openssl-sys and openssl read the system's OpenSSL headers).
 */
export interface BuildContext {
  readonly fs: ProjectFs;
  /** The package's directory. */
  readonly dir: string;
  /** The triple of the machine the build runs on (undefined: not known, as on the web). */
  readonly host: string | undefined;
  /** For openssl: the directory of the openssl-sys it depends on (its metadata gives openssl's cfgs). */
  readonly sysDir?: string;
  /**
   * For openssl: that openssl-sys's features, as the graph unifies them. Whether OpenSSL is
   * vendored is openssl-sys's `vendored` feature: openssl's own may not turn it on (Debian's
   * package defines `vendored = []`).
   */
  readonly sysFeatures?: ReadonlySet<string>;
}

/** What a package's build script (its text) makes of each cfg it may set. */
export function buildCfgs(pkg: string, script: string | undefined, t: Target, features: ReadonlySet<string>, ctx?: BuildContext): BuildCfgs {
  const set: string[] = [];
  const on: string[] = [];
  const uncertain = new Map<string, string>();
  if (script === undefined) return { set, features: on, uncertain };
  if ((pkg === 'openssl-sys' || pkg === 'openssl') && ctx) {
    const r = opensslCfgs(pkg, script, t, features, ctx);
    if (r) return r;
  }
  const known = KNOWN[pkg];
  // cfg_aliases: every alias decided from the target and features.
  const aliases = cfgAliases(script, (pred, already) => evalCfg(parseCfgAttr(`cfg(${pred})`), t, features, already));
  // An alias that does not hold is decided too (`!name`), whatever else the script may print.
  if (aliases) set.push(...aliases.set, ...aliases.names.filter((n) => !aliases.set.includes(n)).map((n) => `!${n}`));
  const aliased = new Set(aliases?.names);
  for (const n of buildScriptCfgNames(script)) {
    if (aliased.has(n)) continue;
    const feature = /^feature="(.*)"$/.exec(n)?.[1];
    if (feature !== undefined && features.has(feature)) continue;
    const v = n === ANY_NAME ? undefined : known?.(n, t, features, script, ctx);
    if (v === true) (feature !== undefined ? on : set).push(feature ?? n);
    else if (v === false || (feature === undefined && /(^|_)no_/.test(n))) continue;
    else if (typeof v === 'string') uncertain.set(n, v);
    else if (n === ANY_NAME) uncertain.set(n, `${pkg}'s build script, which is not run, sets cfgs it does not spell out (names made at run time, or printed by functions of other crates)`);
    else uncertain.set(n, `\`cfg(${n})\` is set or not by ${pkg}'s build script, which is not run`);
  }
  return { set, features: on, uncertain };
}

/**
 * The cfgs of rust-openssl's two build scripts with the system OpenSSL read (src/cargo/openssl.ts):
 * openssl-sys prints `openssl`, `const_fn`, the `ossl*` names of build/cfgs.rs up to the version
 * and `osslconf="NAME"` for each `OPENSSL_NO_*` its build/expando.c tests that the headers define;
 * openssl prints the same version names and pairs from openssl-sys's metadata. Every name the
 * scripts can print is then decided; when the OpenSSL is not known, each is uncertain with why.
 * Undefined for a script of another shape (then read as any other).
 */
function opensslCfgs(pkg: 'openssl-sys' | 'openssl', script: string, t: Target, features: ReadonlySet<string>, ctx: BuildContext): BuildCfgs | undefined {
  const sysDir = pkg === 'openssl-sys' ? ctx.dir : ctx.sysDir;
  const cfgsRs = pkg === 'openssl-sys' ? ctx.fs.readFile(join(ctx.dir, 'build/cfgs.rs')) : undefined;
  const expando = sysDir !== undefined ? ctx.fs.readFile(join(sysDir, 'build/expando.c')) : undefined;
  // rust-openssl's scripts: openssl-sys's version list in build/cfgs.rs, openssl's thresholds on DEP_OPENSSL_VERSION_NUMBER.
  if (pkg === 'openssl-sys' ? cfgsRs === undefined || !/cfgs\.push\(/.test(cfgsRs) : !/DEP_OPENSSL_VERSION_NUMBER/.test(script)) return undefined;
  if (expando === undefined) return undefined;
  const names = new Set(buildScriptCfgNames(script));
  for (const m of (cfgsRs ?? '').matchAll(/cfgs\.push\("(\w+)"\)/g)) names.add(m[1]!);
  names.delete(ANY_NAME);
  names.delete('osslconf');
  const tested = new Set([...expando.matchAll(/#\s*ifdef\s+(OPENSSL_NO_\w+)/g)].map((m) => m[1]!));
  const ssl = systemOpenssl(ctx.fs, t.triple, ctx.host, pkg === 'openssl' ? (ctx.sysFeatures ?? features) : features);
  const set: string[] = [];
  const uncertain = new Map<string, string>();
  if ('unknown' in ssl) {
    const why = `which OpenSSL ${pkg}'s build script finds is not known: ${ssl.unknown}`;
    for (const n of names) uncertain.set(n, `\`cfg(${n})\` is set or not by ${pkg}'s build script, which is not run (${why})`);
    uncertain.set('osslconf', `\`osslconf\` is set by ${pkg}'s build script, which is not run (${why})`);
    uncertain.set(ANY_NAME, `${pkg}'s build script, which is not run, sets cfgs by the OpenSSL it finds (${why})`);
    return { set, features: [], uncertain };
  }
  for (const n of names) {
    const v = opensslCfg(n, ssl, tested);
    if (v === true) set.push(n);
    else if (v === undefined) uncertain.set(n, `\`cfg(${n})\` is set or not by ${pkg}'s build script, which is not run`);
  }
  for (const c of tested) if (ssl.conf.has(c)) set.push(`osslconf="${c}"`);
  return { set, features: [], uncertain };
}
