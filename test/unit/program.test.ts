import assert from 'node:assert/strict';
import * as path from 'node:path';
import { crateEntry, type FileSource } from '../../src/analysis/program';

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
