/**
 * The package graph without cargo: manifests, workspace inheritance, Cargo.lock, `[source]`
 * replacement, `$CARGO_HOME` registry and git checkouts, and feature unification, on in-memory
 * projects (each case names the cargo rule it checks), plus Debian's packaged env_logger.
 */
import * as assert from 'node:assert/strict';
import { CargoGraph } from '../../src/cargo/graph';
import { memoryFs } from '../../src/cargo/fs';
import { cargoRange, parseSourceId, satisfies } from '../../src/cargo/sources';
import semver from 'semver';
import { getTarget, type Target } from '../../src/core/targets';
import type { TypeReport } from '../../src/core/reportTypes';
import { NodeFs } from '../../src/platform/nodeFs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCfgs } from '../../src/cargo/buildScripts';
import { readRustflags, rustflagCfgs } from '../../src/cargo/config';
import { loadPath } from '../../src/analysis/program';
import { Analyzer } from '../../src/analysis/analyzer';

const x86 = getTarget('x86_64-unknown-linux-gnu')!;
const wasm = getTarget('wasm32-unknown-unknown')!;

const pkg = (name: string, version: string, extra = '') => `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2021"\n${extra}`;
const lib = '';

function graph(files: Record<string, string>, env: Record<string, string> = { CARGO_HOME: '/home/u/.cargo' }, target = x86, dir = '/w/app') {
  return new CargoGraph(memoryFs(files, env), target, dir);
}

/** The reports of the crate at `dir` made of in-memory `files`, by name. */
async function reportsOf(files: Record<string, string>, opts: { dir?: string; target?: Target; env?: Record<string, string> } = {}): Promise<Map<string, TypeReport>> {
  const { dir = '/w/app', target = x86, env } = opts;
  const analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
  try {
    const parser = await analyzer.parser();
    const { program } = loadPath(dir, { fs: memoryFs(files, env), parse: (f, t) => analyzer.parseWith(parser, f, t), target });
    return new Map((await analyzer.analyze(program, target.triple)).reports().map((t) => [t.name, t]));
  } finally {
    analyzer.dispose();
  }
}

function featuresOf(g: CargoGraph, name: string): string[] {
  const n = g.packages().find((p) => p.name === name);
  assert.ok(n, `package ${name} not reached`);
  return [...g.features(n)].sort();
}

const REG = '/home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f';

describe('cargo graph', () => {
  it('resolves a registry dependency in $CARGO_HOME to the highest version satisfying the requirement (no Cargo.lock)', () => {
    const g = graph({
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nbytes = "1.2"\n'),
      '/w/app/src/lib.rs': lib,
      [`${REG}/bytes-1.1.0/Cargo.toml`]: pkg('bytes', '1.1.0'),
      [`${REG}/bytes-1.5.0/Cargo.toml`]: pkg('bytes', '1.5.0'),
      [`${REG}/bytes-2.0.0/Cargo.toml`]: pkg('bytes', '2.0.0'),
    });
    const [e] = g.deps(g.root);
    assert.ok(e && !('missing' in e.to));
    assert.equal(e.to.version, '1.5.0');
    assert.equal(e.externName, 'bytes');
  });

  it('takes the exact version from Cargo.lock, and says when it is not on disk', () => {
    const files = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nbytes = "1"\n'),
      '/w/app/src/lib.rs': lib,
      '/w/app/Cargo.lock': `version = 3\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["bytes"]\n[[package]]\nname = "bytes"\nversion = "1.1.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n`,
      [`${REG}/bytes-1.1.0/Cargo.toml`]: pkg('bytes', '1.1.0'),
      [`${REG}/bytes-1.5.0/Cargo.toml`]: pkg('bytes', '1.5.0'),
    };
    const g = graph(files);
    const e = g.deps(g.root)[0]!;
    assert.ok(!('missing' in e.to) && e.to.version === '1.1.0');
    const { [`${REG}/bytes-1.1.0/Cargo.toml`]: _gone, ...without } = files;
    const g2 = graph(without);
    const e2 = g2.deps(g2.root)[0]!;
    assert.ok('missing' in e2.to);
    assert.match(e2.to.missing, /`bytes` 1\.1\.0 is not on disk \(run `cargo fetch`\)/);
  });

  it("a registry crate built as the root is not the registry's copy of itself: a dev-dependency's features for that copy do not reach it (resolver 1)", () => {
    // tokio 1.24 (edition 2018) in Debian's registry: its dev-dependency tokio-stream asks
    // `tokio` for `time`; cargo building tokio's own directory compiles it with `default` only.
    const files = {
      '/w/.cargo/config.toml': '[source.crates-io]\nreplace-with = "vendored"\n[source.vendored]\ndirectory = "vendor"\n',
      '/w/vendor/rt/Cargo.toml': '[package]\nname = "rt"\nversion = "1.0.0"\nedition = "2018"\n[features]\ndefault = []\ntime = []\n[dev-dependencies]\nrt-stream = "0.1"\n',
      '/w/vendor/rt/src/lib.rs': lib,
      '/w/vendor/rt-stream/Cargo.toml': '[package]\nname = "rt-stream"\nversion = "0.1.0"\nedition = "2018"\n[dependencies]\nrt = { version = "1", features = ["time"] }\n',
      '/w/vendor/rt-stream/src/lib.rs': lib,
    };
    const g = graph(files, { CARGO_HOME: '/home/u/.cargo' }, x86, '/w/vendor/rt');
    assert.deepEqual([...g.features(g.root)], ['default']);
    // The registry's copy is reached (through the dev-dependency) and gets the feature.
    const copy = g.packages().find((p) => p.name === 'rt' && p !== g.root);
    assert.ok(copy, 'the registry copy of rt is a package of its own');
    assert.ok(g.features(copy).has('time'));
  });

  it('follows [source] replace-with to a directory source, from .cargo/config.toml above the crate', () => {
    const g = graph({
      '/w/.cargo/config.toml': '[source.crates-io]\nreplace-with = "vendored"\n[source.vendored]\ndirectory = "vendor"\n',
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nlog = "0.4"\n'),
      '/w/app/src/lib.rs': lib,
      '/w/vendor/log/Cargo.toml': pkg('log', '0.4.17'),
      [`${REG}/log-0.4.20/Cargo.toml`]: pkg('log', '0.4.20'),
    });
    const e = g.deps(g.root)[0]!;
    assert.ok(!('missing' in e.to));
    assert.equal(e.to.dir, '/w/vendor/log');
  });

  it('a directory source: folders named `name` or `name-<version>` first; a package in a folder of another name is found too', () => {
    const files = {
      '/w/.cargo/config.toml': '[source.crates-io]\nreplace-with = "vendored"\n[source.vendored]\ndirectory = "vendor"\n',
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nlog = "0.4"\nodd = "2"\n'),
      '/w/app/src/lib.rs': lib,
      '/w/vendor/log-0.4.17/Cargo.toml': pkg('log', '0.4.17'),
      '/w/vendor/log-0.4.20/Cargo.toml': pkg('log', '0.4.20'),
      // `log-ext` starts like `log-`: it is another package, not a version of log.
      '/w/vendor/log-ext/Cargo.toml': pkg('log-ext', '9.0.0'),
      '/w/vendor/unusual-folder/Cargo.toml': pkg('odd', '2.1.0'),
    };
    const g = graph(files);
    const [log, odd] = g.deps(g.root);
    assert.ok(log && !('missing' in log.to) && odd && !('missing' in odd.to));
    assert.equal(log.to.dir, '/w/vendor/log-0.4.20');
    assert.equal(odd.to.dir, '/w/vendor/unusual-folder');
  });

  it('path dependencies, renamed dependencies (`package = ..`) and the library name', () => {
    const g = graph({
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nutil = { path = "../util-crate" }\nold = { package = "serde", version = "1" }\n'),
      '/w/app/src/lib.rs': lib,
      '/w/util-crate/Cargo.toml': pkg('util-crate', '0.2.0', '[lib]\nname = "my_util"\n'),
      '/w/util-crate/src/lib.rs': lib,
      [`${REG}/serde-1.0.1/Cargo.toml`]: pkg('serde', '1.0.1'),
    });
    const names = g.deps(g.root).map((e) => e.externName).sort();
    assert.deepEqual(names, ['my_util', 'old']);
  });

  it('workspace inheritance: `workspace = true` dependencies (features merged) and `edition.workspace`', () => {
    const g = graph(
      {
        '/w/Cargo.toml': '[workspace]\nmembers = ["app"]\n[workspace.package]\nedition = "2018"\n[workspace.dependencies]\nlog = { version = "0.4", features = ["std"] }\n',
        '/w/app/Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition.workspace = true\n[dependencies]\nlog = { workspace = true, features = ["serde"] }\n',
        '/w/app/src/lib.rs': lib,
        [`${REG}/log-0.4.17/Cargo.toml`]: pkg('log', '0.4.17', '[features]\nstd = []\nserde = []\n'),
      },
    );
    assert.equal(g.root.edition, '2018');
    assert.deepEqual(featuresOf(g, 'log'), ['serde', 'std']);
  });

  it('target-specific dependencies are evaluated for the selected target', () => {
    const files = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', "[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n[target.'cfg(target_arch = \"wasm32\")'.dependencies]\njs-sys = \"0.3\"\n"),
      '/w/app/src/lib.rs': lib,
      [`${REG}/libc-0.2.1/Cargo.toml`]: pkg('libc', '0.2.1'),
      [`${REG}/js-sys-0.3.1/Cargo.toml`]: pkg('js-sys', '0.3.1'),
    };
    const onX86 = graph(files);
    assert.deepEqual(onX86.deps(onX86.root).map((e) => e.externName), ['libc']);
    const onWasm = graph(files, undefined, wasm);
    assert.deepEqual(onWasm.deps(onWasm.root).map((e) => e.externName), ['js_sys']);
  });

  it('features: defaults, default-features = false, optional deps as implicit features, dep:, x/f and x?/f, unified over dependents', () => {
    const g = graph({
      '/w/app/Cargo.toml': pkg(
        'app',
        '0.1.0',
        '[dependencies]\na = { version = "1", default-features = false, features = ["x"] }\nb = "1"\nopt = { version = "1", optional = true }\nhidden = { version = "1", optional = true }\nweak = { version = "1", optional = true }\n' +
          '[features]\ndefault = ["opt", "viadep", "weak?/w1"]\nviadep = ["dep:hidden", "a/y"]\n',
      ),
      '/w/app/src/lib.rs': lib,
      [`${REG}/a-1.0.0/Cargo.toml`]: pkg('a', '1.0.0', '[features]\ndefault = ["d"]\nd = []\nx = []\ny = []\nz = []\n'),
      [`${REG}/b-1.0.0/Cargo.toml`]: pkg('b', '1.0.0', '[dependencies]\na = { version = "1", features = ["z"] }\n'),
      [`${REG}/opt-1.0.0/Cargo.toml`]: pkg('opt', '1.0.0'),
      [`${REG}/hidden-1.0.0/Cargo.toml`]: pkg('hidden', '1.0.0'),
      [`${REG}/weak-1.0.0/Cargo.toml`]: pkg('weak', '1.0.0', '[features]\nw1 = []\n'),
    });
    assert.deepEqual(featuresOf(g, 'app'), ['default', 'opt', 'viadep']);
    // b asks for a's defaults too: features unify over the graph.
    assert.deepEqual(featuresOf(g, 'a'), ['d', 'default', 'x', 'y', 'z']);
    const reached = g.packages().map((p) => p.name).sort();
    assert.deepEqual(reached, ['a', 'app', 'b', 'hidden', 'opt'], 'weak?/w1 does not turn `weak` on');
  });

  it("the root's features as cargo's command line selects them: --features (with dep/feature and the package's own name/feature), --all-features, --no-default-features; unknown names are reported and left out", () => {
    const files = {
      '/w/app/Cargo.toml': pkg(
        'app',
        '0.1.0',
        '[dependencies]\na = "1"\nopt = { version = "1", optional = true }\nhidden = { version = "1", optional = true }\n' + '[features]\ndefault = ["d"]\nd = []\nx = ["y"]\ny = []\nviadep = ["dep:hidden"]\n',
      ),
      '/w/app/src/lib.rs': lib,
      [`${REG}/a-1.0.0/Cargo.toml`]: pkg('a', '1.0.0', '[features]\nfast = []\n'),
      [`${REG}/opt-1.0.0/Cargo.toml`]: pkg('opt', '1.0.0', '[features]\nbig = []\n'),
      [`${REG}/hidden-1.0.0/Cargo.toml`]: pkg('hidden', '1.0.0'),
    };
    const sel = (s: ConstructorParameters<typeof CargoGraph>[3]) => new CargoGraph(memoryFs(files, { CARGO_HOME: '/home/u/.cargo' }), x86, '/w/app', s);
    assert.deepEqual(featuresOf(sel({}), 'app'), ['d', 'default']);
    const picked = sel({ noDefault: true, features: ['x', 'a/fast', 'opt/big', 'app/viadep'] });
    assert.deepEqual(featuresOf(picked, 'app'), ['opt', 'viadep', 'x', 'y']);
    assert.deepEqual(featuresOf(picked, 'a'), ['fast']);
    assert.deepEqual(featuresOf(picked, 'opt'), ['big']);
    assert.deepEqual(picked.problems, []);
    // Every feature, and the implicit feature of an optional dependency not named with `dep:`.
    const all = sel({ all: true });
    assert.deepEqual(featuresOf(all, 'app'), ['d', 'default', 'opt', 'viadep', 'x', 'y']);
    assert.deepEqual(all.packages().map((p) => p.name).sort(), ['a', 'app', 'hidden', 'opt']);
    const typo = sel({ features: ['nope', 'hidden'] });
    assert.deepEqual(featuresOf(typo, 'app'), ['d', 'default']);
    assert.equal(typo.problems.length, 2);
    assert.match(typo.problems[0]!.message, /no feature or dependency named `nope`/);
    assert.match(typo.problems[1]!.message, /`hidden`/, 'an optional dependency named with `dep:` is no feature');
  });

  it('a git dependency is found in $CARGO_HOME/git/checkouts by its locked revision', () => {
    const g = graph({
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nfoo = { git = "https://github.com/o/foo-rs" }\n'),
      '/w/app/src/lib.rs': lib,
      '/w/app/Cargo.lock':
        'version = 3\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["foo"]\n[[package]]\nname = "foo"\nversion = "0.3.0"\nsource = "git+https://github.com/o/foo-rs#abcdef1234567890"\n',
      '/home/u/.cargo/git/checkouts/foo-rs-0123456789abcdef/abcdef1/crates/foo/Cargo.toml': pkg('foo', '0.3.0'),
      '/home/u/.cargo/git/checkouts/foo-rs-0123456789abcdef/9999999/crates/foo/Cargo.toml': pkg('foo', '0.3.0'),
    });
    const e = g.deps(g.root)[0]!;
    assert.ok(!('missing' in e.to));
    assert.equal(e.to.dir, '/home/u/.cargo/git/checkouts/foo-rs-0123456789abcdef/abcdef1/crates/foo');
  });

  it('cargo version requirements and lockfile sources', () => {
    assert.equal(cargoRange('1.2'), '^1.2');
    assert.equal(cargoRange('>= 1.0, < 2'), '>=1.0 <2');
    assert.equal(cargoRange('=0.3.1'), '=0.3.1');
    assert.equal(cargoRange(undefined), '*');
    assert.deepEqual(parseSourceId('sparse+https://index.crates.io/'), { kind: 'registry', url: 'https://github.com/rust-lang/crates.io-index' });
    assert.deepEqual(parseSourceId('git+https://x/y?branch=m#abc'), { kind: 'git', url: 'https://x/y', query: 'branch=m', sha: 'abc' });
  });

  it('the memoized version test answers as semver.satisfies does, asked once or many times', () => {
    const versions = ['0.1.0', '0.1.9', '0.2.0', '1.0.0', '1.2.3', '1.9.0-beta.1', '2.0.0', '0.0.3', 'not.a.version'];
    const reqs = ['1.2', '>= 1.0, < 2', '=0.1.9', '0.1', '~1.2', '*', '0.0.3', '1.*', '>=2', 'garbage req', undefined];
    for (let round = 0; round < 2; round++) {
      for (const v of versions) {
        for (const r of reqs) {
          const range = cargoRange(r);
          assert.equal(satisfies(v, range), semver.satisfies(v, range, { loose: true }), `${v} against ${r} (round ${round})`);
        }
      }
    }
    assert.equal(satisfies('1.5.0', cargoRange('1.2')), true);
    assert.equal(satisfies('2.0.0', cargoRange('1.2')), false);
  });

  // Debian's packaged crates (installed by .ci/run): the real manifests, as published.
  it("env_logger 0.9.3 (Debian): its default features turn on the optional `regex` dependency, so cfg(feature = \"regex\") holds", function () {
    const dir = '/usr/share/cargo/registry/env_logger-0.9.3';
    assert.ok(existsSync(dir), `${dir} is missing: .ci/run installs librust-env-logger-dev`);
    const fs = new NodeFs({ CARGO_HOME: '/nonexistent' });
    // A user crate depending on env_logger through Debian's directory source.
    const g = new CargoGraph(
      {
        readFile: (p) =>
          p === '/w/app/Cargo.toml'
            ? pkg('app', '0.1.0', '[dependencies]\nenv_logger = "0.9"\n')
            : p === '/w/app/src/lib.rs'
              ? ''
              : p === '/w/.cargo/config.toml'
                ? '[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "/usr/share/cargo/registry"\n'
                : fs.readFile(p),
        readDir: (p) => fs.readDir(p),
        env: () => undefined,
      },
      x86,
      '/w/app',
    );
    assert.deepEqual(featuresOf(g, 'env_logger'), ['atty', 'default', 'humantime', 'regex', 'termcolor']);
    assert.ok(g.packages().some((p) => p.name === 'regex'));
    assert.ok(featuresOf(g, 'regex').includes('std'));
  });
});

describe('build scripts (never run)', () => {
  it("reads autocfg's emit_*_cfg and emit_has_* names (mangled as autocfg does) and takes calls into other crates as printing any cfg", () => {
    const script = `fn main() {
    let ac = autocfg::new();
    ac.emit_path_cfg("std::ptr::addr_of", "has_addr_of");
    ac.emit_expression_cfg("1u32.count_ones()", "has_count_ones");
    ac.emit_type_cfg("std::num::NonZeroU8", "has_nonzero");
    ac.emit_trait_cfg("std::iter::FusedIterator", "has_fused");
    ac.emit_constant_cfg("u8::MAX", "has_u8_max");
    ac.emit_has_path("std::ptr::addr_of");
    ac.emit_has_trait("std::iter::FusedIterator");
    ac.emit_has_type("i128");
    let out = std::env::var("OUT_DIR").unwrap();
    cc::Build::new().file("x.c").compile("x");
}`;
    const quiet = buildCfgs('ac', script, x86, new Set());
    assert.deepEqual([...quiet.uncertain.keys()].sort(), ['has_addr_of', 'has_count_ones', 'has_fused', 'has_i128', 'has_nonzero', 'has_std__iter__FusedIterator', 'has_std__ptr__addr_of', 'has_u8_max']);
    const loud = buildCfgs('pyo3-ffi', 'fn main() { let c = pyo3_build_config::get(); c.emit_pyo3_cfgs(); }', x86, new Set());
    assert.match(loud.uncertain.get('*') ?? '', /does not spell out/);
    const aliases = buildCfgs('a', 'fn main() { cfg_aliases::cfg_aliases! { linux: { target_os = "linux" }, apple: { target_os = "macos" }, both: { any(linux, apple) } } }', x86, new Set());
    assert.deepEqual(aliases.set, ['linux', 'both', '!apple']);
  });

  it('reads the cfgs a build script may set, knows indexmap/serde_json/log/memchr on rustc 1.95, and leaves the rest uncertain', () => {
    const ix = buildCfgs('indexmap', 'fn main() { match std::env::var_os("CARGO_FEATURE_STD") { Some(_) => autocfg::emit("has_std"), None => autocfg::new().emit_sysroot_crate("std") } }', x86, new Set());
    assert.deepEqual(ix.set, ['has_std']);
    const thumb = getTarget('thumbv7em-none-eabihf')!;
    assert.deepEqual(buildCfgs('indexmap', 'autocfg::new().emit_sysroot_crate("std")', thumb, new Set()).set, []);
    const sj = buildCfgs('serde_json', 'println!("cargo:rustc-cfg=limb_width_64"); println!("cargo:rustc-cfg=limb_width_32"); println!("cargo:rustc-cfg=no_btreemap_retain");', getTarget('i686-unknown-linux-gnu')!, new Set());
    assert.deepEqual(sj.set, ['limb_width_32']);
    assert.equal(sj.uncertain.size, 0, 'no_* names are unset on the compilers modelled');
    const libcScript = 'match which_freebsd() { Some(10) if libc_ci => println!("cargo:rustc-cfg=freebsd10"), Some(12) if libc_ci => println!("cargo:rustc-cfg=freebsd12"), Some(_) | None => println!("cargo:rustc-cfg=freebsd11"), }\nif libc_ci { println!("cargo:rustc-cfg=libc_deny_warnings"); }\nif rustc_minor_ver >= 25 { println!("cargo:rustc-cfg=libc_align"); }\nif rustc_minor_ver >= 30 { println!("cargo:rustc-cfg=libc_core_cvoid"); }\nif rustc_dep_of_std { println!("cargo:rustc-cfg=libc_thread_local"); }';
    const libc = buildCfgs('libc', libcScript, x86, new Set());
    assert.deepEqual([...libc.set].sort(), ['freebsd11', 'libc_align', 'libc_core_cvoid']);
    assert.equal(libc.uncertain.size, 0);
    const wasi = getTarget('wasm32-wasip1')!;
    assert.deepEqual([...buildCfgs('tokio', 'autocfg::emit("tokio_wasm"); autocfg::emit("tokio_wasi"); autocfg::emit("tokio_wasm_not_wasi"); autocfg::emit("tokio_no_addr_of")', wasi, new Set()).set].sort(), ['tokio_wasi', 'tokio_wasm']);
    assert.deepEqual(buildCfgs('tokio', 'autocfg::emit("tokio_wasm"); autocfg::emit("tokio_wasi");', x86, new Set()).set, []);
    assert.deepEqual(buildCfgs('num-bigint', 'autocfg::emit("u64_digit"); autocfg::emit("has_try_from");', getTarget('i686-unknown-linux-gnu')!, new Set()).set, ['has_try_from']);
    // Features a build script turns on: ahash 0.7's by OS and architecture; a name made at run time.
    const ahash = buildCfgs('ahash', 'println!("cargo:rustc-cfg=feature=\\"specialize\\""); println!("cargo:rustc-cfg=feature=\\"runtime-rng\\""); println!("cargo:rustc-cfg=feature=\\"folded_multiply\\"");', x86, new Set());
    assert.deepEqual([...ahash.features].sort(), ['folded_multiply', 'runtime-rng']);
    assert.equal(ahash.uncertain.size, 0);
    const anyhow = buildCfgs('anyhow', 'const PROBE: &str = r#"#![feature(provide_any)] use std::any::{Demand, Provider};"#; fn main() { println!("cargo:rustc-cfg=backtrace"); println!("cargo:rustc-cfg=anyhow_no_ptr_addr_of"); }', x86, new Set());
    assert.deepEqual([anyhow.set, anyhow.uncertain.size], [[], 0], "anyhow 1.0.69's backtrace probe cannot compile on 1.95");
    // eyre 0.6.8's build.rs, its probes and prints.
    const eyreScript = 'const BACKTRACE_PROBE: &str = r#"\n#![feature(backtrace)]\nimpl Error for E {\n fn backtrace(&self) -> Option<&Backtrace> {\n unimplemented!()\n }\n}\n"#;\nconst TRACK_CALLER_PROBE: &str = r#"\n#[track_caller]\nfn foo() {}\n"#;\nfn main() {\n match compile_probe(BACKTRACE_PROBE) { Some(status) if status.success() => println!("cargo:rustc-cfg=backtrace"), _ => {} }\n match compile_probe(TRACK_CALLER_PROBE) { Some(status) if status.success() => println!("cargo:rustc-cfg=track_caller"), _ => {} }\n if rustc < 52 { println!("cargo:rustc-cfg=eyre_no_fmt_arguments_as_str"); }\n}\n';
    const eyre = buildCfgs('eyre', eyreScript, x86, new Set());
    assert.deepEqual([eyre.set, eyre.uncertain.size], [['track_caller'], 0], "eyre 0.6.8: Error::backtrace's probe fails on 1.95, #[track_caller]'s compiles");
    // key="value" cfgs: a written pair is that pair; a value made at run time leaves the key open.
    const kv = buildCfgs('kv', 'println!("cargo:rustc-cfg=lit=\\"on\\""); println!("cargo:rustc-cfg=osslconf=\\"{}\\"", x);', x86, new Set());
    assert.deepEqual([...kv.uncertain.keys()].sort(), ['lit="on"', 'osslconf']);
    assert.deepEqual(buildCfgs('ryu', 'if minor >= 26 && !emscripten { println!("cargo:rustc-cfg=integer128"); } if minor >= 36 { println!("cargo:rustc-cfg=maybe_uninit"); }', x86, new Set()).set, ['integer128', 'maybe_uninit']);
    const rkyvScript = 'if has_atomic64 { println!("cargo:rustc-cfg=has_atomics_64"); } if has_atomic32 { println!("cargo:rustc-cfg=has_atomics"); }';
    assert.deepEqual(buildCfgs('rkyv', rkyvScript, x86, new Set()).set, ['has_atomics_64', 'has_atomics']);
    assert.deepEqual(buildCfgs('rkyv', rkyvScript, getTarget('wasm32-unknown-unknown')!, new Set()).set, ['has_atomics']);
    const imScript = 'if channel.supports_features() { println!("cargo:rustc-cfg=has_specialisation"); } "im" => { if !test_rc { println!("cargo:rustc-cfg=threadsafe") } }';
    assert.deepEqual([buildCfgs('im-rc', imScript, x86, new Set()).set, [...buildCfgs('im-rc', imScript, x86, new Set()).uncertain.keys()]], [[], ['has_specialisation']]);
    assert.deepEqual(buildCfgs('im', imScript, x86, new Set()).set, ['threadsafe']);
    const made = buildCfgs('maker', 'for f in FEATURES { println!("cargo:rustc-cfg={}", f); } println!("cargo:rustc-cfg=feature=\\"fast\\"");', x86, new Set());
    assert.deepEqual([...made.uncertain.keys()].sort(), ['*', 'feature="fast"']);
    const other = buildCfgs('mystery', 'println!("cargo:rustc-cfg=fast_path"); ac.emit_rustc_version(1, 60);', x86, new Set());
    assert.deepEqual(other.set, []);
    assert.deepEqual([...other.uncertain.keys()], ['fast_path', 'rustc_1_60']);
  });

  it("names printed through helper functions (rustix's and io-lifetimes' `use_feature`) are known names, decided per target; nightly probes stay uncertain", () => {
    // The shape of rustix 0.35's build.rs: helpers that print a name they are given.
    const script = [
      'fn main() {',
      '    use_feature_or_nothing("rustc_attrs");',
      '    let arch = var("CARGO_CFG_TARGET_ARCH").unwrap();',
      '    let asm_name = format!("{}/{}.s", OUTLINE_PATH, arch);',
      '    if feature_use_libc || os_name != "linux" || !asm_name_present { use_feature("libc"); } else { use_feature("linux_raw"); use_feature_or_nothing("core_intrinsics"); use_feature("asm"); }',
      '}',
      'fn use_feature_or_nothing(feature: &str) {',
      '    if has_feature(feature) {',
      '        use_feature(feature);',
      '    }',
      '}',
      'fn use_feature(feature: &str) {',
      '    println!("cargo:rustc-cfg={}", feature);',
      '}',
    ].join('\n');
    const fs = memoryFs({ '/r/src/backend/linux_raw/arch/outline/x86_64.s': '' });
    const ctx = { fs, dir: '/r', host: undefined };
    const onX86 = buildCfgs('rustix', script, x86, new Set(), ctx);
    assert.deepEqual([...onX86.set].sort(), ['asm', 'linux_raw']);
    assert.deepEqual([...onX86.uncertain.keys()].sort(), ['core_intrinsics', 'rustc_attrs']);
    assert.match(onX86.uncertain.get('rustc_attrs')!, /nightly/);
    assert.deepEqual([...buildCfgs('rustix', script, x86, new Set(['use-libc']), ctx).set], ['libc']);
    assert.deepEqual([...buildCfgs('rustix', script, getTarget('x86_64-pc-windows-msvc')!, new Set(), ctx).set], ['libc']);
    // No outline file for the architecture: the libc backend, as the script decides.
    assert.deepEqual([...buildCfgs('rustix', script, getTarget('aarch64-unknown-linux-gnu')!, new Set(), ctx).set], ['libc']);
    // A helper called with a name made at run time: any name may be set.
    assert.ok(buildCfgs('other', `${script}\nfn more(x: String) { use_feature(&x); }`, x86, new Set()).uncertain.has('*'));
    const io = buildCfgs('io-lifetimes', script.replace('use_feature_or_nothing("rustc_attrs");', 'use_feature_or_nothing("rustc_attrs"); use_feature("panic_in_const_fn");'), x86, new Set());
    assert.ok(io.set.includes('panic_in_const_fn') && io.uncertain.has('rustc_attrs'));
  });

  it("a build script known to copy a source file into OUT_DIR (cssparser's tokenizer.rs, match_byte! expanded): `include!(concat!(env!(\"OUT_DIR\"), ..))` reads that file", async function () {
    this.timeout(20_000);
    const script = 'mod match_byte;\nfn main() {\n    let input = Path::new(&manifest_dir).join("src/tokenizer.rs");\n    let output = Path::new(&env::var("OUT_DIR").unwrap()).join("tokenizer.rs");\n    crate::match_byte::expand(&input, &output);\n    println!("cargo:rustc-cfg=rustc_has_pr45225")\n}\n';
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\ncssparser = { path = "../cssparser" }\nother = { path = "../other" }\n'),
      '/w/app/src/lib.rs': 'pub struct HoldsToken(pub cssparser::Token, pub u8);\npub struct HoldsOther(pub other::Gen);\n',
      '/w/cssparser/Cargo.toml': pkg('cssparser', '0.29.6'),
      '/w/cssparser/build.rs': script,
      '/w/cssparser/src/lib.rs': 'mod tokenizer {\n    include!(concat!(env!("OUT_DIR"), "/tokenizer.rs"));\n}\npub use tokenizer::Token;\n',
      '/w/cssparser/src/tokenizer.rs': 'pub enum Token { Ident(u32), Delim(char), Number { value: f32, int: Option<i32> } }\n',
      '/w/other/Cargo.toml': pkg('other', '0.1.0'),
      '/w/other/build.rs': script,
      '/w/other/src/lib.rs': 'mod gen {\n    include!(concat!(env!("OUT_DIR"), "/tokenizer.rs"));\n}\npub use gen::Gen;\n',
      '/w/other/src/tokenizer.rs': 'pub struct Gen(pub u64);\n',
    };
    const r = await reportsOf(files);
    // rustc 1.95: Token is 12 bytes, HoldsToken 16.
    assert.equal(r.get('HoldsToken')!.size, 16);
    // Another package with the same script shape is not trusted: its generated file is not read.
    assert.equal(r.get('HoldsOther')!.size, null);
    assert.ok(r.get('HoldsOther')!.unknown);
  });

  it("a type gated by a cfg that the crate's build script may set is not laid out, and says why", async function () {
    this.timeout(20_000);
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0'),
      '/w/app/build.rs': 'fn main() { if std::env::var("X").is_ok() { println!("cargo:rustc-cfg=wide"); } println!("cargo:rustc-cfg=no_old_thing"); }',
      '/w/app/src/lib.rs': '#[cfg(wide)] pub struct A(u64);\n#[cfg(not(wide))] pub struct A(u8);\npub struct B { x: u16, #[cfg(no_old_thing)] y: u64 }\npub struct C(A);\n',
    };
    const r = await reportsOf(files);
    assert.match(r.get('A')!.unknown ?? '', /`cfg\(wide\)` is set or not by app's build script/);
    assert.match(r.get('C')!.unknown ?? '', /build script/);
    assert.equal(r.get('B')!.size, 2, 'no_* cfgs are unset: the field is not there');
  });
});

describe("std's item macros", () => {
  it('`thread_local!` and `global_asm!` define no type: a missing type is not blamed on them', async function () {
    this.timeout(20_000);
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0'),
      '/w/app/src/lib.rs': 'use std::cell::Cell;\nthread_local! { static DEPTH: Cell<u8> = Cell::new(0); }\nstd::thread_local! { static OTHER: u8 = 1; }\npub struct S { a: Missing }\npub struct T(u16);\n',
    };
    const r = await reportsOf(files);
    assert.equal(r.get('T')!.size, 2);
    assert.match(r.get('S')!.unknown ?? '', /unknown type `Missing`/);
    assert.doesNotMatch(r.get('S')!.unknown ?? '', /thread_local/);
  });
  it('modules that glob-import each other: a macro not found in any of them is looked up once per module (proptest 1.0 hung here)', async function () {
    this.timeout(20_000);
    // Each module globs all the others; looking `thread_local!` up through every glob path up to
    // the depth limit used to cost (globs)^16 lookups.
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0'),
      '/w/app/src/lib.rs': names.map((n) => `pub mod ${n};`).join('\n') + '\npub struct Top(e::S, u8);\n',
    };
    for (const n of names) {
      const others = names.filter((o) => o !== n).map((o) => `pub use crate::${o}::*;`).join('\n');
      files[`/w/app/src/${n}.rs`] = n === 'e' ? `${others}\nthread_local!(static X: u8 = 0);\npub struct S(u32);\n` : `${others}\n`;
    }
    const r = await reportsOf(files);
    assert.equal(r.get('e::S')!.size, 4);
    assert.equal(r.get('Top')!.size, 8);
  });
});

describe("a module's own #![cfg(..)]", () => {
  it('a file module or a crate root whose inner cfg fails is not compiled: its types are not reported (zbus `xml.rs` without its feature, schannel off Windows)', async function () {
    this.timeout(20_000);
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[features]\nxml = []\n[dependencies]\nwin = { path = "../win" }\n'),
      '/w/app/src/lib.rs': 'pub mod xml;\npub mod always;\npub struct Top(always::A);\n',
      '/w/app/src/xml.rs': '#![cfg(feature = "xml")]\npub struct Node(u64);\n',
      '/w/app/src/always.rs': '#![cfg(unix)]\npub struct A(u16);\n',
      '/w/win/Cargo.toml': pkg('win', '0.1.0'),
      '/w/win/src/lib.rs': '#![cfg(windows)]\npub struct Handle(u64);\n',
    };
    const r = await reportsOf(files);
    assert.deepEqual([...r.keys()].sort(), ['Top', 'always::A']);
    assert.equal(r.get('Top')!.size, 2);
    assert.deepEqual([...(await reportsOf(files, { dir: '/w/win' })).keys()], []);
    const onWindows = await reportsOf(files, { dir: '/w/win', target: getTarget('x86_64-pc-windows-msvc')! });
    assert.deepEqual([...onWindows.values()].map((t) => `${t.name} ${t.size}`), ['Handle 8']);
  });
});

describe('lints rustc denies by default, in dependencies', () => {
  it('a registry dependency is built with --cap-lints allow (its overflowing literal wraps, its conflicting reprs pass); a path dependency is not', async function () {
    this.timeout(20_000);
    const dep = '#[repr(u8)]\npub enum W { A = 256, B = 255 }\n#[repr(C, u8)]\npub enum K { X, Y }\n';
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nwrap = "1"\nnear = { path = "../near" }\n'),
      '/w/app/src/lib.rs': 'pub struct FromRegistry(wrap::W, wrap::K, u16);\npub struct FromPath(near::W);\n#[repr(u8)]\npub enum Own { A = 256 }\n',
      [`${REG}/wrap-1.0.0/Cargo.toml`]: pkg('wrap', '1.0.0'),
      [`${REG}/wrap-1.0.0/src/lib.rs`]: dep,
      '/w/near/Cargo.toml': pkg('near', '0.1.0'),
      '/w/near/src/lib.rs': dep,
    };
    const r = await reportsOf(files, { env: { CARGO_HOME: '/home/u/.cargo' } });
    // rustc 1.95 through cargo: W and K are 1 byte each in the registry crate.
    assert.equal(r.get('FromRegistry')!.size, 4);
    assert.equal(r.get('FromPath')!.size, null);
    assert.match(r.get('FromPath')!.error ?? r.get('FromPath')!.unknown ?? '', /overflowing_literals/);
    assert.match(r.get('Own')!.error ?? '', /^overflowing_literals: literal `256` out of range/);
  });
});

describe('types a dependency does not define as read', () => {
  it("a name a `-sys` dependency's generated bindings would define says so: the include! of OUT_DIR there, not an unknown crate (also through a projection of a type holding it)", async function () {
    this.timeout(20_000);
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nbind-sys = "1"\n'),
      '/w/app/src/lib.rs':
        'use bind_sys::{ctx_t, Plain};\npub struct A { c: ctx_t }\npub struct B { c: bind_sys::ctx_t }\npub struct C { p: Plain }\npub struct D { x: bind_sys::nothing::Here }\n' +
        'pub trait Ptr { type Inner; }\nimpl<T> Ptr for *mut T { type Inner = T; }\npub struct E(std::ptr::NonNull<<*mut ctx_t as Ptr>::Inner>);\npub struct F(<*mut u16 as Ptr>::Inner);\n' +
        'use bind_sys::protocol::wl_seat;\npub struct G(wl_seat::WlSeat);\n',
      [`${REG}/bind-sys-1.0.0/Cargo.toml`]: pkg('bind-sys', '1.0.0', 'build = "build.rs"\n'),
      [`${REG}/bind-sys-1.0.0/build.rs`]: 'fn main() {}\n',
      [`${REG}/bind-sys-1.0.0/src/lib.rs`]: 'include!(concat!(env!("OUT_DIR"), "/bindings.rs"));\npub struct Plain(pub u16);\npub mod protocol { include!(concat!(env!("OUT_DIR"), "/api.rs")); }\n',
    };
    const r = await reportsOf(files, { env: { CARGO_HOME: '/home/u/.cargo' } });
    for (const n of ['A', 'B']) {
      assert.match(r.get(n)!.unknown ?? '', /`bind_sys::ctx_t`: not found in the crate `bind_sys`, where the unexpanded macro call `include!` may make it: .*build script/, n);
    }
    assert.equal(r.get('C')!.size, 2);
    assert.equal(r.get('D')!.size, null);
    // Through a projection whose self type holds it: the same reason, not "depends on a trait impl".
    assert.match(r.get('E')!.unknown ?? '', /`bind_sys::ctx_t`: not found in the crate `bind_sys`, where the unexpanded macro call `include!` may make it/);
    assert.equal(r.get('F')!.size, 2);
    // A module the generated file would define, imported and then named through (wayland-client's
    // `protocol::wl_seat`): the same reason, not "external crate `wl_seat`?".
    assert.match(r.get('G')!.unknown ?? '', /`wl_seat::WlSeat`: `bind_sys::protocol::wl_seat` is not found in the crate `bind_sys`, where the unexpanded macro call `include!` may make it/);
  });
});

describe('procedural-macro dependencies', () => {
  it('a type under an attribute macro of a proc-macro crate is not laid out (it may be rewritten); derives and helpers are fine', async function () {
    this.timeout(20_000);
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dependencies]\nbits = { path = "../bits" }\n'),
      '/w/app/src/lib.rs':
        'use bits::bitfield;\n#[bitfield]\npub struct B { a: u8, b: u8 }\n#[bits::bitfield(u64)]\npub struct C { a: u8 }\n#[derive(bits::Thing)]\n#[thing(rename = "x")]\npub struct D { a: u8, b: u16 }\n',
      '/w/bits/Cargo.toml': pkg('bits', '0.1.0', '[lib]\nproc-macro = true\n'),
      '/w/bits/src/lib.rs': '',
    };
    const r = await reportsOf(files);
    assert.match(r.get('B')!.unknown ?? '', /`#\[bitfield\]` is an attribute macro \(from the crate `bits`\)/);
    assert.match(r.get('C')!.unknown ?? '', /attribute macro/);
    assert.equal(r.get('D')!.size, 4);
  });

  it('an attribute macro brought by a glob import of a facade crate\'s prelude, or added by a `cfg_attr` that holds, is one too; a `cfg_attr` that does not hold adds nothing', async function () {
    this.timeout(20_000);
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[features]\ndefault = ["on"]\non = []\noff = []\n[dependencies]\nfacade = { path = "../facade" }\n'),
      '/w/app/src/lib.rs':
        'use facade::prelude::*;\n#[bitfield]\npub struct G { a: u8, b: u8 }\n' +
        'mod k { #[cfg_attr(feature = "on", facade::bitfield)]\npub struct On { a: u8, b: u16 }\n#[cfg_attr(feature = "off", facade::bitfield)]\npub struct Off { a: u8, b: u16 }\n' +
        'use facade::bitfield;\n#[cfg_attr(all(), bitfield)]\npub struct Plain { a: u8 }\n}\n' +
        'mod n { use facade::prelude::*; #[derive(Thing)]\n#[thing(rename = "x")]\npub struct Helper { a: u8, b: u16 }\npub struct Spec(pub B4); }\n',
      '/w/facade/Cargo.toml': pkg('facade', '0.1.0', '[dependencies]\nfacade_impl = { path = "../facade_impl" }\n'),
      '/w/facade/src/lib.rs': 'pub use facade_impl::{bitfield, Thing};\npub struct B4(pub u8);\npub mod prelude { pub use crate::{bitfield, Thing, B4}; }\n',
      '/w/facade_impl/Cargo.toml': pkg('facade_impl', '0.1.0', '[lib]\nproc-macro = true\n'),
      '/w/facade_impl/src/lib.rs': '',
    };
    const r = await reportsOf(files);
    assert.match(r.get('G')!.unknown ?? '', /`#\[bitfield\]` is an attribute macro \(from the crate `facade_impl`\)/);
    assert.match(r.get('k::On')!.unknown ?? '', /`#\[facade::bitfield\]` is an attribute macro/);
    assert.equal(r.get('k::Off')!.size, 4);
    assert.match(r.get('k::Plain')!.unknown ?? '', /attribute macro/);
    // A derive and its helper attribute through the same glob leave the type as written.
    assert.equal(r.get('n::Helper')!.size, 4);
    assert.equal(r.get('n::Spec')!.size, 1);
  });
});

describe('tests, examples and binaries of a package', () => {
  it('a file under tests/ is its own crate with the library and the dev-dependencies; the library does not see dev-dependencies', async function () {
    this.timeout(20_000);
    const files: Record<string, string> = {
      '/w/app/Cargo.toml': pkg('app', '0.1.0', '[dev-dependencies]\nhelper = { path = "../helper" }\n'),
      '/w/app/src/lib.rs': 'pub struct Lib { pub a: u64 }\npub struct NoDev(helper::H);\n',
      '/w/app/tests/it.rs': 'struct T { l: app::Lib, h: helper::H }\n',
      '/w/app/src/bin/tool.rs': 'struct Tool(app::Lib, u8);\nstruct NoDevHere(helper::H);\n',
      '/w/helper/Cargo.toml': pkg('helper', '0.1.0'),
      '/w/helper/src/lib.rs': 'pub struct H(pub u16);\n',
    };
    const analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
    try {
      const parser = await analyzer.parser();
      const opts = { fs: memoryFs(files), parse: (f: string, t: string) => analyzer.parseWith(parser, f, t), target: x86 };
      const reports = async (p: string) => new Map((await analyzer.analyze(loadPath(p, opts).program)).reports().map((t) => [t.name, t]));
      const test = await reports('/w/app/tests/it.rs');
      assert.equal(test.get('T')!.size, 16);
      const bin = await reports('/w/app/src/bin/tool.rs');
      assert.equal(bin.get('Tool')!.size, 16);
      assert.match(bin.get('NoDevHere')!.unknown ?? '', /helper/);
      const lib = await reports('/w/app');
      assert.equal(lib.get('Lib')!.size, 8);
      assert.match(lib.get('NoDev')!.unknown ?? '', /helper/);
    } finally {
      analyzer.dispose();
    }
  });
});

describe('rustflags (cargo precedence)', () => {
  const files = {
    '/w/.cargo/config.toml': '[build]\nrustflags = ["--cfg", "far"]\n',
    '/w/app/.cargo/config.toml': "[build]\nrustflags = \"--cfg near\"\n[target.'cfg(unix)']\nrustflags = [\"--cfg=via_cfg\", \"--cfg\", 'k=\"v\"']\n[target.'cfg(windows)']\nrustflags = [\"--cfg\", \"never\"]\n",
  };
  const unix = (key: string) => key === 'cfg(unix)';
  it('target tables (the matching cfg ones, joined) win over [build]; arrays of several files are joined; RUSTFLAGS and CARGO_ENCODED_RUSTFLAGS win over both', () => {
    const cfg = readRustflags(memoryFs(files), '/w/app', 'x86_64-unknown-linux-gnu', unix);
    assert.deepEqual(rustflagCfgs(cfg!).set, ['via_cfg', 'k="v"']);
    const noTarget = readRustflags(memoryFs(files), '/w/app', 'x86_64-unknown-linux-gnu', () => false);
    assert.deepEqual(rustflagCfgs(noTarget!).set, ['far', 'near']);
    const env = readRustflags(memoryFs(files, { RUSTFLAGS: '  --cfg from_env -Ctarget-feature=+aes,-sse2 ' }), '/w/app', 'x86_64-unknown-linux-gnu', unix);
    const r = rustflagCfgs(env!);
    assert.deepEqual(r.set, ['from_env', 'target_feature="aes"']);
    assert.match(r.uncertain.get('target_feature') ?? '', /RUSTFLAGS/);
    const enc = readRustflags(memoryFs(files, { RUSTFLAGS: '--cfg no', CARGO_ENCODED_RUSTFLAGS: '--cfg\x1fa b' }), '/w/app', 'x86_64-unknown-linux-gnu', unix);
    assert.deepEqual(rustflagCfgs(enc!).set, ['a b']);
    assert.equal(readRustflags(memoryFs({}), '/w/app', 'x86_64-unknown-linux-gnu', unix), undefined);
  });
});
