/**
 * Regenerates the committed oracle fixtures from fixed seeds with the installed rustc:
 *
 *   node scripts/build.mjs && node out/test/oracle/make-fixtures.js [--root DIR]
 *
 * Writes (under DIR, default: the current directory, i.e. the repo root):
 *   test/fixtures/oracle/x86_64-seed<N>.rs + .expected.json     std corpora, probe program
 *   test/fixtures/oracle/nocore-seed<N>.rs + .<target>.expected.json   one no_core corpus, every target
 *   test/fixtures/oracle/rejected/<id>.rs + rejected.expected.json    types rustc rejects
 */
import { mkdirSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { generate, generateRejected } from './generator';
import { CROSS_TARGETS, HOST, probeNoCore, probeRejected, probeStd, renderRejected, rustcVersion, type OracleReport } from './rustc';

export const STD_FIXTURES = [
  { seed: '1', count: 300 },
  { seed: '2', count: 300 },
] as const;
export const NOCORE_FIXTURE = { seed: 'nocore1', count: 250 } as const;
export const NOCORE_TARGETS = [HOST, ...CROSS_TARGETS] as const;
export const REJECTED_FIXTURE = { seed: 'rejected1', count: 40 } as const;

export interface ExpectedFile extends OracleReport {
  /** no_core on 16-bit targets: types rustc rejects as too big for the address space. */
  readonly tooBig?: readonly string[];
  readonly generator: { readonly seed: string; readonly mode: string; readonly count: number };
  readonly source: string;
}

/** Pretty at the top level, one line per type or case: small files, readable diffs. */
function json(v: Record<string, unknown>): string {
  const parts = Object.entries(v).map(([k, val]) => {
    if (Array.isArray(val) && val.length && typeof val[0] === 'object') return ` ${JSON.stringify(k)}: [\n${val.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n ]`;
    return ` ${JSON.stringify(k)}: ${JSON.stringify(val)}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}

export async function makeFixtures(root: string, log: (s: string) => void = console.log): Promise<void> {
  const oracleDir = join(root, 'test/fixtures/oracle');
  const rejDir = join(oracleDir, 'rejected');
  mkdirSync(rejDir, { recursive: true });
  log(rustcVersion());

  for (const { seed, count } of STD_FIXTURES) {
    const corpus = generate({ seed, count, mode: 'std' });
    const t0 = Date.now();
    const r = await probeStd(corpus);
    const stem = `x86_64-seed${seed}`;
    writeFileSync(join(oracleDir, `${stem}.rs`), r.source);
    const exp: ExpectedFile = { generator: { seed, mode: 'std', count }, source: `${stem}.rs`, target: r.target, rustc: r.rustc, types: r.types };
    writeFileSync(join(oracleDir, `${stem}.expected.json`), json({ ...exp }));
    log(`${stem}: ${r.types.length} types in ${Date.now() - t0} ms`);
  }

  const nc = generate({ seed: NOCORE_FIXTURE.seed, count: NOCORE_FIXTURE.count, mode: 'nocore' });
  const ncStem = `nocore-seed${NOCORE_FIXTURE.seed.replace(/^nocore/, '')}`;
  for (const target of NOCORE_TARGETS) {
    const t0 = Date.now();
    const r = await probeNoCore(nc, target);
    writeFileSync(join(oracleDir, `${ncStem}.rs`), r.source);
    const exp: ExpectedFile = { generator: { seed: NOCORE_FIXTURE.seed, mode: 'nocore', count: NOCORE_FIXTURE.count }, source: `${ncStem}.rs`, target, rustc: r.rustc, types: r.types, ...(r.tooBig.length ? { tooBig: r.tooBig } : {}) };
    writeFileSync(join(oracleDir, `${ncStem}.${target}.expected.json`), json({ ...exp }));
    log(`${ncStem} ${target}: ${r.types.length} types in ${Date.now() - t0} ms`);
  }

  for (const f of existsSync(rejDir) ? readdirSync(rejDir) : []) if (f.endsWith('.rs')) rmSync(join(rejDir, f));
  const cases = generateRejected(REJECTED_FIXTURE.seed, REJECTED_FIXTURE.count);
  const t0 = Date.now();
  const results = await probeRejected(cases);
  for (const c of cases) writeFileSync(join(rejDir, `${c.id}.rs`), renderRejected(c));
  writeFileSync(
    join(oracleDir, 'rejected.expected.json'),
    json({
      generator: { seed: REJECTED_FIXTURE.seed, mode: 'rejected', count: REJECTED_FIXTURE.count },
      target: HOST,
      rustc: rustcVersion(),
      cases: results.map((r) => ({ ...r, file: `rejected/${r.id}.rs` })),
    }),
  );
  const off = results.filter((r) => !r.codes.includes(r.intended));
  log(`rejected: ${results.length} cases in ${Date.now() - t0} ms${off.length ? `; not as intended: ${off.map((r) => `${r.id} → ${r.codes.join('/') || 'accepted'}`).join(', ')}` : ''}`);
}

if (require.main === module) {
  const i = process.argv.indexOf('--root');
  const root = i > 0 ? process.argv[i + 1] : process.cwd();
  makeFixtures(root).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
