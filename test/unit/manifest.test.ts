/**
 * The manifest is a contract with VS Code and with the tools that run the extension: check the
 * parts that break silently (wrong engine, activation, settings out of sync with the code).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TARGET, TARGETS } from '../../src/features/targets';
import { getTarget } from '../../src/core/targets';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourcesUnder(p));
    else if (p.endsWith('.ts')) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

describe('package.json', () => {
  it('identifies the extension', () => {
    assert.equal(pkg.name, 'rust-layout-lens');
    assert.equal(pkg.displayName, 'Rust Layout Lens');
    assert.equal(typeof pkg.publisher, 'string');
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.license, 'MIT');
  });

  it('asks for no VS Code newer than 1.100 (code-server 4.100.3 must load it)', () => {
    const m = /^\^?(\d+)\.(\d+)\.(\d+)$/.exec(pkg.engines.vscode);
    assert.ok(m, `engines.vscode ${pkg.engines.vscode} is not ^X.Y.Z`);
    assert.ok(Number(m[1]) === 1 && Number(m[2]) <= 100, `engines.vscode ${pkg.engines.vscode} > 1.100`);
    const types = /(\d+)\.(\d+)/.exec(pkg.devDependencies['@types/vscode']);
    assert.ok(types && Number(types[2]) <= Number(m[2]), '@types/vscode must not be newer than engines.vscode');
  });

  it('activates on Rust files and in Cargo workspaces (the parse worker and std are ready before the first file opens)', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:rust', 'workspaceContains:Cargo.toml', 'workspaceContains:*/Cargo.toml']);
  });

  it('declares both workspace capabilities, with a reason when limited', () => {
    const caps = pkg.capabilities;
    for (const key of ['untrustedWorkspaces', 'virtualWorkspaces']) {
      assert.ok(caps?.[key], `capabilities.${key} missing`);
      if (caps[key].supported === 'limited') assert.ok(caps[key].description, `capabilities.${key} needs a description`);
    }
  });

  it('puts every command under "Rust Layout" with a rustLayout.* id that the code registers', () => {
    const sources = sourcesUnder(join(root, 'src')).join('\n');
    const commands: { command: string; title: string; category: string }[] = pkg.contributes.commands;
    assert.ok(commands.length >= 2);
    for (const c of commands) {
      assert.match(c.command, /^rustLayout\.[a-z][A-Za-z]*$/);
      assert.equal(c.category, 'Rust Layout');
      assert.ok(c.title.length > 0);
      assert.ok(sources.includes(`'${c.command}'`), `${c.command} is contributed but no source file names it`);
    }
    const ids = commands.map((c) => c.command);
    for (const id of ['rustLayout.showLog', 'rustLayout.selectTarget']) assert.ok(ids.includes(id), id);
  });

  it('describes every rustLayout.* setting', () => {
    const props: Record<string, { description?: string; markdownDescription?: string }> = pkg.contributes.configuration.properties;
    for (const [key, p] of Object.entries(props)) {
      assert.match(key, /^rustLayout\./);
      assert.ok(p.description || p.markdownDescription, `${key} has no description`);
    }
    assert.equal(props['rustLayout.codeLens.enabled'] && (props['rustLayout.codeLens.enabled'] as { default?: unknown }).default, true);
    assert.equal(props['rustLayout.hover.enabled'] && (props['rustLayout.hover.enabled'] as { default?: unknown }).default, true);
  });

  it('lets the target setting name any target (empty: automatic), with examples the table knows', () => {
    const t = pkg.contributes.configuration.properties['rustLayout.target'];
    assert.equal(t.enum, undefined, 'an enum would flag 300 valid triples and custom .json files as errors');
    assert.equal(t.default, '');
    assert.match(t.markdownDescription, /\.cargo\/config\.toml/);
    for (const e of t.examples as string[]) assert.ok(e.endsWith('.json') || getTarget(e), e);
    for (const f of TARGETS) assert.ok(getTarget(f.triple), f.triple);
    assert.ok(getTarget(DEFAULT_TARGET));
  });

  it('keeps the npm script contracts', () => {
    for (const s of ['build', 'typecheck', 'lint', 'test', 'test:unit', 'test:integration', 'test:e2e', 'test:electron', 'start', 'package', 'bench']) {
      assert.ok(pkg.scripts[s], `npm script ${s} missing`);
    }
    assert.equal(pkg.scripts.bench, 'node scripts/build.mjs && node dist/bench.js');
  });
});

describe('.vscodeignore', () => {
  it('is an allowlist that ships dist/ but not its source maps', () => {
    const lines = readFileSync(join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    for (const l of ['!package.json', '!README.md', '!LICENSE', '!CHANGELOG.md']) assert.ok(lines.includes(l), l);
    // vsce lets negations win whatever the order, so maps must be excluded inside the negation.
    const dist = lines.filter((l) => l.startsWith('!dist/'));
    assert.ok(dist.length > 0 && dist.every((l) => l.includes('!(*.map')), `dist allowlist must exclude *.map: ${dist}`);
  });
});
