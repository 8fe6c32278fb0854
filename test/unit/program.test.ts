import assert from 'node:assert/strict';
import * as path from 'node:path';
import { crateEntry, readCargoToml, type FileSource } from '../../src/analysis/program';

function memory(files: Record<string, string>): FileSource {
  return { read: (p) => files[path.normalize(p)] };
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
    const c = readCargoToml(toml);
    assert.equal(c.name, 'ttf-parser');
    assert.deepEqual([...c.defaultFeatures].sort(), ['apple-layout', 'opentype-layout', 'std']);
    assert.deepEqual(c.deps.sort(), ['bar', 'foo', 'real_bar']);
  });
});
