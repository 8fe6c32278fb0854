/**
 * The probe behind "Verify with rustc" (src/platform/rustcProbe.ts) with the real cargo and rustc:
 * a crate's types laid out by rustc in a scratch copy and compared with the extension's numbers,
 * and the ways a run ends without a report (cargo missing, a build error, a cancel, a timeout).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareWithRustc, probeCandidates, type EngineReport } from '../../src/core/verify/compare';
import { ProbeError, probeCrateLayouts } from '../../src/platform/rustcProbe';
import { rustcAvailable } from '../oracle/rustc';

const ROOT = join(__dirname, '../../..');
const FIXTURE = join(ROOT, 'test/fixtures/workspace/verify');

function engineReport(dir: string): EngineReport {
  return JSON.parse(execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), '--json', dir], { encoding: 'utf8' })) as EngineReport;
}

async function failure(p: Promise<unknown>): Promise<ProbeError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ProbeError, String(e));
    return e;
  }
  assert.fail('the probe was expected to fail');
}

describe('rustc probe (Verify with rustc)', function () {
  this.timeout(180_000);
  let targetDir: string;
  before(function () {
    if (!rustcAvailable()) this.skip();
    targetDir = mkdtempSync(join(tmpdir(), 'rll-verify-target-'));
  });
  after(() => targetDir && rmSync(targetDir, { recursive: true, force: true }));

  it('lays out every type of a crate with cargo, private ones included, and they match the extension', async () => {
    const engine = engineReport(FIXTURE);
    const before = readFileSync(join(FIXTURE, 'src/lib.rs'), 'utf8');
    const probe = await probeCrateLayouts(FIXTURE, probeCandidates(engine), { cargo: { targetDir, offline: true } });
    assert.equal(readFileSync(join(FIXTURE, 'src/lib.rs'), 'utf8'), before, 'the user’s files are never touched');
    assert.match(probe.report, /^print-type-size type: `Header`: 16 bytes, alignment: 8 bytes$/m);
    const { summary, notChecked } = compareWithRustc('verify', engine, probe.types, probe.rejected);
    assert.deepEqual(notChecked, []);
    assert.equal(summary.counts.wrong, 0, JSON.stringify(summary.verdicts));
    assert.equal(summary.counts.exact, 5);
    const abstained = summary.verdicts.filter((v) => v.verdict === 'abstained').map((v) => v.name);
    assert.deepEqual(abstained, ['Counted'], 'an abstention is listed as such, not as a match');
  });

  it('a package of binaries only, its [[bin]] named otherwise and its file elsewhere (ripgrep’s `rg`, crates/core/main.rs), is laid out and built by that name (hunt P)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rll-bin-only-'));
    try {
      writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "ripgrep-like"\nversion = "0.1.0"\nedition = "2021"\n\n[[bin]]\nname = "rgx"\npath = "crates/core/main.rs"\n');
      mkdirSync(join(dir, 'crates/core'), { recursive: true });
      writeFileSync(join(dir, 'crates/core/main.rs'), 'mod args;\npub struct Config { pub a: u8, pub b: u64, pub c: u16 }\nfn main() {}\n');
      writeFileSync(join(dir, 'crates/core/args.rs'), 'pub enum Mode { A(u32), B }\n');
      const engine = engineReport(dir);
      assert.deepEqual(engine.types.map((t) => t.name).sort(), ['Config', 'args::Mode']);
      const probe = await probeCrateLayouts(dir, probeCandidates(engine), { cargo: { targetDir, offline: true } });
      const { summary } = compareWithRustc('bin-only', engine, probe.types, probe.rejected);
      assert.equal(summary.counts.exact, 2, JSON.stringify(summary.verdicts));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a number that differs from rustc’s is a mismatch', async () => {
    const engine = engineReport(FIXTURE);
    const skewed: EngineReport = { ...engine, types: engine.types.map((t) => (t.name === 'private::Inner' ? { ...t, size: 24 } : t)) };
    const probe = await probeCrateLayouts(FIXTURE, probeCandidates(skewed), { cargo: { targetDir, offline: true } });
    const { summary } = compareWithRustc('verify', skewed, probe.types, probe.rejected);
    assert.deepEqual(summary.verdicts.filter((v) => v.verdict === 'wrong').map((v) => [v.name, v.details.join()]), [['private::Inner', 'size 24, rustc 16']]);
  });

  it('says so when cargo is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'rll-empty-path-'));
    try {
      const e = await failure(probeCrateLayouts(FIXTURE, [], { cargo: { targetDir } }));
      assert.equal(e.reason, 'not-found');
      assert.match(e.message, /cargo/);
    } finally {
      rmSync(process.env.PATH, { recursive: true, force: true });
      process.env.PATH = path;
    }
  });

  it('reports a build error outside the probes with rustc’s message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rll-broken-'));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      writeFileSync(join(dir, 'src/lib.rs'), `${readFileSync(join(dir, 'src/lib.rs'), 'utf8')}\npub fn broken() -> u8 { "not a number" }\n`);
      const e = await failure(probeCrateLayouts(dir, probeCandidates(engineReport(dir)), { cargo: { targetDir, offline: true } }));
      assert.equal(e.reason, 'build');
      assert.match(e.message, /mismatched types/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops when cancelled, and when the time is up', async () => {
    const abort = new AbortController();
    abort.abort();
    assert.equal((await failure(probeCrateLayouts(FIXTURE, [], { cargo: { targetDir }, signal: abort.signal }))).reason, 'cancelled');
    assert.equal((await failure(probeCrateLayouts(FIXTURE, [], { cargo: { targetDir: join(targetDir, 'fresh') }, timeoutMs: 1 }))).reason, 'timeout');
  });
});

describe('the command line names types as rustc prints them', function () {
  this.timeout(60_000);
  before(function () {
    if (!rustcAvailable()) this.skip();
  });

  it('a type in an anonymous constant’s block is `m::_::P`, as in -Zprint-type-sizes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rll-names-'));
    try {
      const file = join(dir, 'lib.rs');
      writeFileSync(
        file,
        [
          'pub mod m {',
          '    const _: () = { pub struct P { a: u8, b: u32 } const X: usize = core::mem::size_of::<P>(); };',
          '    pub struct Q(u16);',
          '}',
          'const _: () = { struct R(u64, u8); const Y: usize = core::mem::size_of::<R>(); };',
          'const _: usize = core::mem::size_of::<m::Q>();',
        ].join('\n'),
      );
      const printed = execFileSync('rustc', ['--edition', '2021', '--crate-type', 'lib', '-Zprint-type-sizes', '--emit=metadata', '-o', join(dir, 'out.rmeta'), file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, RUSTC_BOOTSTRAP: '1' },
      });
      const rustc = new Map([...printed.matchAll(/^print-type-size type: `([^`]+)`: (\d+) bytes/gm)].map((m) => [m[1]!, Number(m[2])]));
      const cli = new Map(engineReport(file).types.map((t) => [t.name, t.size]));
      assert.deepEqual([...rustc.keys()].sort(), ['_::R', 'm::Q', 'm::_::P']);
      for (const [name, size] of rustc) assert.equal(cli.get(name), size, `${name}: the command line has ${JSON.stringify([...cli])}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
