/**
 * The workspace's crates are read when the editor starts (setting
 * `rustLayout.readWorkspaceAtStart`, on by default): before any file is opened, their package
 * graphs are made and their files parsed in the parse worker, with the function bodies blanked
 * (no document holds them), then walked, so that the first file opened is laid out in its crate
 * at once.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, workspaceRoot } from './helpers';

interface ReadAhead {
  readonly entry: string;
  readonly files: number;
  readonly unshown: number;
  readonly walked: boolean;
}

suite('reading the workspace at start', () => {
  test("the workspace folder's package is read before any of its files is opened, every file parsed with its bodies blanked", async () => {
    await activateExtension();
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { readAhead(): Promise<readonly ReadAhead[]> };
    const read = await api.readAhead();
    const lib = path.join(workspaceRoot().fsPath, 'src', 'lib.rs');
    const root = read.find((r) => r.entry === lib);
    assert.ok(root, `the package at the workspace's root was not read at start (read: ${JSON.stringify(read)})`);
    // src/lib.rs, src/fixes.rs and src/geometry.rs; none was open when the editor started.
    assert.strictEqual(root.files, 3, JSON.stringify(root));
    assert.strictEqual(root.unshown, root.files, JSON.stringify(root));
    // And walked: the first file opened finds its crate laid out.
    assert.strictEqual(root.walked, true, JSON.stringify(root));
    // The packages one level below the folder are read too (at most 4 crates in all).
    assert.ok(read.length >= 2 && read.length <= 4, JSON.stringify(read.map((r) => r.entry)));
    assert.ok(read.every((r) => r.files > 0 && r.unshown > 0), JSON.stringify(read));
  });
});
