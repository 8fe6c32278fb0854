import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import { crateEntry, loadPath } from '../../src/analysis/program';
import { memoryFs, type ProjectFs } from '../../src/cargo/fs';
import { parseManifest } from '../../src/cargo/manifest';
import { getTarget } from '../../src/core/targets';
import { NodeFs } from '../../src/platform/nodeFs';

function memory(files: Record<string, string>): ProjectFs {
  return memoryFs(files);
}

describe('program: crate entry', () => {
  it('takes Cargo.toml `[lib] path` first (crates with lib.rs at the package root), then src/lib.rs, then src/main.rs', () => {
    const dir = path.normalize('/c');
    const toml = '[package]\nname = "fnv"\n\n[lib]\nname = "fnv"\npath = "lib.rs"  # at the root\n\n[dependencies]\n';
    assert.equal(crateEntry(dir, memory({ '/c/Cargo.toml': toml, '/c/lib.rs': '' })), path.join(dir, 'lib.rs'));
    assert.equal(crateEntry(dir, memory({ '/c/Cargo.toml': toml, '/c/lib.rs': '', '/c/src/lib.rs': '' })), path.join(dir, 'lib.rs'));
    // A `path` key in another table is not the library's.
    const other = '[package]\nname = "x"\n[[bin]]\npath = "tool.rs"\n';
    assert.equal(crateEntry(dir, memory({ '/c/Cargo.toml': other, '/c/tool.rs': '', '/c/src/main.rs': '' })), path.join(dir, 'src/main.rs'));
    assert.equal(crateEntry(dir, memory({ '/c/src/lib.rs': '', '/c/src/main.rs': '' })), path.join(dir, 'src/lib.rs'));
    // A `[lib] path` that does not exist falls back to the conventional files.
    assert.equal(crateEntry(dir, memory({ '/c/Cargo.toml': toml, '/c/src/lib.rs': '' })), path.join(dir, 'src/lib.rs'));
    assert.equal(crateEntry(dir, memory({})), undefined);
  });
});

describe('program: crate entry of a package of binaries only', () => {
  it('takes the first [[bin]] target’s file when there is no library and no src/main.rs (ripgrep’s crates/core/main.rs; hunt P)', () => {
    const dir = path.normalize('/c');
    const rg = '[package]\nname = "ripgrep"\n\n[[bin]]\nname = "rg"\npath = "crates/core/main.rs"\nbench = false\n';
    assert.equal(crateEntry(dir, memory({ '/c/Cargo.toml': rg, '/c/crates/core/main.rs': '' })), path.join(dir, 'crates/core/main.rs'));
    // Without `path`: cargo's place for the name.
    const named = '[package]\nname = "x"\n[[bin]]\nname = "tool"\n';
    assert.equal(crateEntry(dir, memory({ '/c/Cargo.toml': named, '/c/src/bin/tool.rs': '' })), path.join(dir, 'src/bin/tool.rs'));
    assert.equal(crateEntry(dir, memory({ '/c/Cargo.toml': named, '/c/src/bin/tool/main.rs': '' })), path.join(dir, 'src/bin/tool/main.rs'));
    // A library still comes first.
    assert.equal(crateEntry(dir, memory({ '/c/Cargo.toml': rg, '/c/crates/core/main.rs': '', '/c/src/lib.rs': '' })), path.join(dir, 'src/lib.rs'));
  });
});

describe('program: Cargo.toml', () => {
  it('reads default features written over several lines (as `cargo publish` writes them), comments and multi-line strings aside', () => {
    // ttf-parser 0.15.2's manifest: with only the first line read, no default feature was on and
    // #[cfg(feature = "opentype-layout")] fields were dropped (Face: 696 bytes instead of 1944).
    const toml = [
      '[package]',
      'name = "ttf-parser"',
      'description = """',
      'A high-level [TrueType { font parser',
      '[features]',
      'default = ["bogus"]',
      '"""',
      '[dependencies.foo]',
      'version = "1"',
      '[features]',
      'apple-layout = []',
      'default = [',
      '    "std",  # the standard library',
      '    "opentype-layout",',
      '    "apple-layout",',
      ']',
      'gvar-alloc = ["std"]',
      'opentype-layout = []',
      'std = [ "dep:foo" ]',
      'weird = ["a#b"] # not a comment inside the string',
      '[dependencies]',
      'bar = { version = "1",',
      '  package = "real-bar" }',
    ].join('\n');
    const c = parseManifest(toml, '/c');
    assert.equal(c.package?.name, 'ttf-parser');
    assert.deepEqual(c.features.get('default'), ['std', 'opentype-layout', 'apple-layout']);
    assert.deepEqual(c.deps.map((d) => `${d.name}=${d.package}`).sort(), ['bar=real-bar', 'foo=foo']);
  });
});

describe('program: 2015-edition crates', function () {
  this.timeout(20_000);
  const analyzer = new Analyzer({ wasmDir: path.join(__dirname, '../../../dist') });
  after(() => analyzer.dispose());

  async function layouts(toml: string): Promise<Map<string, string>> {
    const dir = mkdtempSync(path.join(tmpdir(), 'rll-2015-'));
    try {
      mkdirSync(path.join(dir, 'src'));
      writeFileSync(path.join(dir, 'Cargo.toml'), toml);
      writeFileSync(path.join(dir, 'src/lib.rs'), 'mod a;\nmod b;\npub struct S(u8);\npub struct Top { x: a::A, y: a::inner::UsesS }\n');
      writeFileSync(path.join(dir, 'src/a.rs'), 'use b::B;\nuse ::b::m::M;\nuse std::cell::Cell;\npub struct S(u64);\npub struct A { b: B, m: M, c: Cell<u8> }\npub mod inner {\n    use S;\n    pub struct UsesS(S, u16);\n}\n');
      writeFileSync(path.join(dir, 'src/b.rs'), 'pub struct B(u32);\npub mod m { pub struct M(u16); }\n');
      const parser = await analyzer.parser();
      const { program } = loadPath(dir, { fs: new NodeFs(), parse: (f, t) => analyzer.parseWith(parser, f, t), target: getTarget('x86_64-unknown-linux-gnu')! });
      const a = await analyzer.analyze(program);
      return new Map(a.reports().map((r) => [r.name, r.size === null ? `? ${r.unknown ?? r.error}` : `${r.size}/${r.align}`]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('resolves `use a::b` and `::a::b` from the crate root when Cargo.toml has no edition (as rustc --edition 2015)', async () => {
    const r = await layouts('[package]\nname = "e2015"\nversion = "0.1.0"\n');
    // rustc 1.95 --edition 2015 -Zprint-type-sizes: Top 12/4, a::A 8/4, a::inner::UsesS 4/2
    // (`use S;` inside a::inner is the root's S, one byte, not a::S).
    assert.equal(r.get('Top'), '12/4');
    assert.equal(r.get('a::A'), '8/4');
    assert.equal(r.get('a::inner::UsesS'), '4/2');
  });

  it('keeps 2018 rules for a later edition or an edition inherited from the workspace', async () => {
    for (const ed of ['edition = "2021"', 'edition.workspace = true', 'edition = { workspace = true }']) {
      const r = await layouts(`[package]\nname = "e"\n${ed}\n`);
      assert.match(r.get('a::A')!, /^\? /, ed); // `use b::B` is not a path from the root
    }
    const edition = (t: string) => parseManifest(t, '/c').package?.edition;
    assert.equal(edition('[package]\nname = "x"\n'), '2015');
    assert.equal(edition('[package]\nname = "x"\nedition = "2018"\n'), '2018');
    assert.equal(edition('[package]\nname = "x"\nedition.workspace = true\n'), undefined);
    assert.equal(edition('[workspace]\nmembers = ["a"]\n'), undefined);
  });
});
