/**
 * Cargo's feature unification across a workspace, against rustc through cargo (offline, Debian's
 * registry in /usr/share/cargo/registry). Member `b` holds `serde_json::Value` and
 * `smallvec::SmallVec<[u8; 16]>`; member `a` enables `serde_json/preserve_order` (Map becomes an
 * IndexMap) and `smallvec/union`. `cargo build -p b` compiles them without those features,
 * `cargo build --workspace` with them: b's types have two real layouts, and the analysis of b must
 * show neither as the fact. With resolver 2, `a`'s dev-dependencies are not unified into a
 * `cargo build`: one layout, which stands.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { loadPath } from '../../src/analysis/program';
import { mergeWorkspaceReports, type WorkspaceVariant, workspaceVariant } from '../../src/analysis/workspaceBuild';
import { CargoGraph, featureDifferences } from '../../src/cargo/graph';
import { memoryFs } from '../../src/cargo/fs';
import type { TypeReport } from '../../src/core/reportTypes';
import { getTarget } from '../../src/core/targets';
import { NodeFs } from '../../src/platform/nodeFs';

const REGISTRY = '/usr/share/cargo/registry';
const x86 = getTarget('x86_64-unknown-linux-gnu')!;

const B_SRC = `pub struct B { pub v: serde_json::Value, pub s: smallvec::SmallVec<[u8; 16]> }
pub struct J(pub serde_json::Value);
pub struct S(pub smallvec::SmallVec<[u8; 16]>);
pub struct Same(pub u32, pub serde_json::Number);
`;

function workspace(root: string, opts: { resolver?: string; aKind: 'dependencies' | 'dev-dependencies' }): void {
  mkdirSync(join(root, 'a/src'), { recursive: true });
  mkdirSync(join(root, 'b/src'), { recursive: true });
  writeFileSync(join(root, 'Cargo.toml'), `[workspace]\nmembers = ["a", "b"]\n${opts.resolver ? `resolver = "${opts.resolver}"\n` : ''}`);
  writeFileSync(join(root, 'a/Cargo.toml'), `[package]\nname = "a"\nversion = "0.1.0"\nedition = "2021"\n[${opts.aKind}]\nserde_json = { version = "1", features = ["preserve_order"] }\nsmallvec = { version = "1", features = ["union"] }\n`);
  writeFileSync(join(root, 'a/src/lib.rs'), 'pub fn f() {}\n');
  writeFileSync(join(root, 'b/Cargo.toml'), '[package]\nname = "b"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\nserde_json = "1"\nsmallvec = "1"\n');
  writeFileSync(join(root, 'b/src/lib.rs'), B_SRC);
}

/** rustc's sizes of b's types, built by cargo with `args` (`-p b`, `--workspace`); one target directory for all (the registry crates built once per feature set). */
function rustcSizes(root: string, home: string, args: readonly string[], targetDir: string): Map<string, number> {
  const r = spawnSync('cargo', ['build', '-q', '--offline', '--target-dir', targetDir, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CARGO_HOME: home, RUSTC_BOOTSTRAP: '1', RUSTFLAGS: '-Zprint-type-sizes' },
  });
  assert.equal(r.status, 0, r.stderr);
  const out = new Map<string, number>();
  for (const m of r.stdout.matchAll(/print-type-size type: `(B|J|S|Same)`: (\d+) bytes/g)) out.set(m[1]!, Number(m[2]));
  return out;
}

/** The analysis of member b as the CLI makes it (built alone, then merged with the whole-workspace build's). */
async function analysed(dir: string, home: string): Promise<Map<string, TypeReport>> {
  const analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
  try {
    const parser = await analyzer.parser();
    const loaded = loadPath(dir, { fs: new NodeFs({ CARGO_HOME: home }), parse: (f, t) => analyzer.parseWith(parser, f, t), target: x86 });
    const alone = (await analyzer.analyze(loaded.program, x86.triple)).reports();
    const ws = loaded.wholeWorkspace?.();
    const reports = ws ? mergeWorkspaceReports(alone, (await analyzer.analyze(ws.program, x86.triple)).reports(), ws) : alone;
    return new Map(reports.map((t) => [t.name, t]));
  } finally {
    analyzer.dispose();
  }
}

describe('workspace feature unification: a member built alone and with the whole workspace (rustc through cargo, offline)', function () {
  this.timeout(10 * 60_000);
  let home: string;

  before(function () {
    if (!existsSync(join(REGISTRY, 'serde_json-1.0.87')) || !existsSync(join(REGISTRY, 'smallvec-1.9.0')) || spawnSync('cargo', ['--version']).status !== 0) this.skip();
    home = mkdtempSync(join(tmpdir(), 'rll-wsfeat-'));
    writeFileSync(join(home, 'config.toml'), `[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "${REGISTRY}"\n[net]\noffline = true\n`);
  });
  after(() => home && rmSync(home, { recursive: true, force: true }));

  for (const resolver of ['2', '1']) {
    it(`resolver ${resolver}: another member's features change b's dependency types: each such type is unknown, naming rustc's two sizes; the others keep their number`, async () => {
      const root = join(home, `ws-r${resolver}`);
      workspace(root, { ...(resolver === '2' ? { resolver } : {}), aKind: 'dependencies' });
      const alone = rustcSizes(root, home, ['-p', 'b'], join(home, 'target'));
      const whole = rustcSizes(root, home, ['--workspace'], join(home, 'target'));
      // What rustc 1.95 gives on x86_64: Value 32 B alone, 72 B with preserve_order; SmallVec<[u8; 16]> 32 B, 24 B with union.
      assert.deepEqual([...alone].sort(), [['B', 64], ['J', 32], ['S', 32], ['Same', 24]]);
      assert.deepEqual([...whole].sort(), [['B', 96], ['J', 72], ['S', 24], ['Same', 24]]);
      const got = await analysed(join(root, 'b'), home);
      for (const name of ['B', 'J', 'S']) {
        const t = got.get(name);
        assert.ok(t, name);
        assert.equal(t.size, null, `${name}: ${JSON.stringify(t)}`);
        assert.equal(t.fields, undefined);
        assert.equal(
          t.unknown,
          `depends on which workspace members are built together: ${alone.get(name)} B built alone (\`cargo build -p b\`), ${whole.get(name)} B in a whole-workspace build (\`cargo build --workspace\` or \`cargo build\` at the workspace root), where \`a\` enables \`serde_json/preserve_order\`, \`smallvec/union\``,
        );
      }
      assert.equal(got.get('Same')?.size, alone.get('Same'));
      assert.equal(got.get('Same')?.unknown, undefined);
    });
  }

  it("resolver 2: another member's dev-dependencies are not unified into a build: b's numbers stand (resolver 1 unifies them: unknown)", async () => {
    for (const resolver of ['2', '1']) {
      const root = join(home, `wsdev-r${resolver}`);
      workspace(root, { resolver, aKind: 'dev-dependencies' });
      const whole = rustcSizes(root, home, ['--workspace'], join(home, 'target'));
      const got = await analysed(join(root, 'b'), home);
      if (resolver === '2') {
        assert.equal(whole.get('J'), 32);
        assert.equal(got.get('J')?.size, 32, JSON.stringify(got.get('J')));
        assert.equal(got.get('B')?.size, whole.get('B'));
      } else {
        assert.equal(whole.get('J'), 72);
        assert.equal(got.get('J')?.size, null);
        assert.match(got.get('J')!.unknown!, /32 B built alone .* 72 B in a whole-workspace build/);
      }
    }
  });
});

describe('workspace feature unification: the graphs', () => {
  const files = {
    '/w/Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nexclude = ["crates/skip"]\nresolver = "2"\n',
    '/w/crates/a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\nedition = "2021"\n[features]\ndefault = ["fast"]\nfast = ["dep/fast"]\n[dependencies]\ndep = "1"\n',
    '/w/crates/a/src/lib.rs': '',
    '/w/crates/b/Cargo.toml': '[package]\nname = "b"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\ndep = "1"\n',
    '/w/crates/b/src/lib.rs': '',
    '/w/crates/skip/Cargo.toml': '[package]\nname = "skip"\nversion = "0.1.0"\n[dependencies]\ndep = { version = "1", features = ["slow"] }\n',
    '/home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f/dep-1.0.0/Cargo.toml': '[package]\nname = "dep"\nversion = "1.0.0"\n[features]\nfast = []\nslow = []\n',
    '/home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f/dep-1.0.0/src/lib.rs': '',
  };
  const fs = () => memoryFs(files, { CARGO_HOME: '/home/u/.cargo' });

  it('a member glob is expanded, `exclude` left out; a feature another member turns on through its own feature table is attributed to it', () => {
    const alone = new CargoGraph(fs(), x86, '/w/crates/b');
    const together = new CargoGraph(fs(), x86, '/w/crates/b', {}, false, true);
    assert.deepEqual(alone.workspaceMembers()?.dirs, ['/w/crates/a', '/w/crates/b']);
    assert.deepEqual([...together.others].map((n) => n.name), ['a']);
    assert.deepEqual(featureDifferences(alone, together), [{ name: 'dep', version: '1.0.0', added: ['fast'], by: [{ member: 'a', feature: 'dep/fast' }] }]);
  });

  it('no difference: no variant (the crate is not loaded a second time)', () => {
    const same = { ...files, '/w/crates/a/Cargo.toml': '[package]\nname = "a"\nversion = "0.1.0"\nedition = "2021"\n[dependencies]\ndep = "1"\n' };
    const f = memoryFs(same, { CARGO_HOME: '/home/u/.cargo' });
    assert.equal(workspaceVariant(new CargoGraph(f, x86, '/w/crates/b'), () => new CargoGraph(f, x86, '/w/crates/b', {}, false, true)), undefined);
  });

  it('a package alone (no workspace) has no whole-workspace variant', () => {
    const single = { '/p/Cargo.toml': '[package]\nname = "p"\nversion = "0.1.0"\n', '/p/src/lib.rs': '' };
    const g = new CargoGraph(memoryFs(single), x86, '/p');
    assert.equal(g.workspaceMembers(), undefined);
  });
});

describe('workspace feature unification: pairing the two builds\' reports', () => {
  const v = { alone: 'cargo build -p b', how: 'cargo build --workspace', why: 'a turns on dep/fast' } as unknown as WorkspaceVariant;
  const r = (name: string, line: number, size: number, file = '/w/b/src/lib.rs'): TypeReport => ({ name, file, line, size, align: 8 }) as unknown as TypeReport;

  it('by file, line and name: a type of the same name elsewhere is not its counterpart', () => {
    const alone = [r('P', 3, 16), r('P', 9, 16, '/w/b/src/other.rs')];
    const together = [r('P', 9, 24, '/w/b/src/other.rs'), r('P', 3, 16)];
    const got = mergeWorkspaceReports(alone, together, v);
    assert.equal(got[0]!.size, 16, 'lib.rs:3 is 16 B in both builds');
    assert.equal(got[1]!.size, null);
    assert.match(got[1]!.unknown!, /16 B built alone .* 24 B in a whole-workspace build/);
  });

  it('twins (one macro call making two types of one name): equal layouts stand; differing ones never borrow a twin\'s number', () => {
    const same = mergeWorkspaceReports([r('_::Projection', 5, 16), r('_::Projection', 5, 16)], [r('_::Projection', 5, 16), r('_::Projection', 5, 16)], v);
    assert.deepEqual(same.map((t) => t.size), [16, 16]);
    // Alone: 16 and 24. Together: 24 and 16 (the order tells nothing): neither may keep a number
    // on the strength of the other twin's.
    const differ = mergeWorkspaceReports([r('_::Projection', 5, 16), r('_::Projection', 5, 24)], [r('_::Projection', 5, 24), r('_::Projection', 5, 16)], v);
    assert.deepEqual(differ.map((t) => t.size), [null, null]);
    assert.match(differ[0]!.unknown!, /2 types of this name are made at this line/);
  });
});
