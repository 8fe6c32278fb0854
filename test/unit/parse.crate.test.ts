import assert from 'node:assert/strict';
import * as path from 'node:path';
import { allModules, findCrateRoot, loadCrate, loadCrateWith, readFromDisk, type CrateModel } from '../../src/parse/crate';
import { getParser, repoRoot } from './parseHelpers';

const crate1 = path.join(repoRoot, 'test/fixtures/parse/crate1');

function summary(c: CrateModel): string[] {
  return allModules(c.modules).map((m) => {
    const rel = path.relative(crate1, m.file);
    const names = m.items.flatMap((i) => (i.kind === 'struct' ? [i.name] : []));
    return `${m.path.join('::') || '(root)'} ${rel}${m.inline ? ' inline' : ''}${m.missing ? ' MISSING' : ''} [${names.join(',')}]`;
  });
}

describe('parse: crate module tree', () => {
  it('follows mod declarations, mod.rs, nested non-mod-rs dirs, #[path] and inline modules like rustc', async () => {
    // The fixture compiles with rustc (cfg(any()) hides `missing` and `amb`), so every path below is rustc's.
    const c = loadCrate(await getParser(), crate1);
    assert.equal(c.root, path.join(crate1, 'src/lib.rs'));
    assert.deepEqual(summary(c), [
      '(root) src/lib.rs [Root]',
      'a src/a.rs [A]',
      'a::child src/a/child.rs [Child]',
      'a::sib src/sibling.rs [Sib]',
      'a::sib::under src/under.rs [Under]',
      'a::inl2 src/a.rs inline []',
      'a::inl2::z src/a/inl2/z.rs [Z]',
      'a::inl3 src/a.rs inline []',
      'a::inl3::q src/a/inl3/q.rs [Q]',
      'b src/b/mod.rs []',
      'b::bb src/b/bb.rs [BB]',
      'c src/custom/c_file.rs []',
      'c::cc src/custom/cc.rs [CC]',
      'inl src/lib.rs inline []',
      'inl::deep src/inl/deep.rs [Deep]',
      'missing src/missing.rs MISSING []',
      'amb src/amb.rs MISSING []',
    ]);
    assert.equal(c.files.size, 12);
    assert.deepEqual(
      c.problems.map((p) => p.message.slice(0, 5)),
      ['E0583', 'E0761'],
    );
    assert.equal(path.relative(crate1, c.problems[0]!.file), 'src/lib.rs');
    const decl = allModules(c.modules).find((m) => m.path[0] === 'missing')?.decl;
    assert.deepEqual(decl?.cfg, [{ kind: 'any', items: [] }]);
  });

  it('reads unsaved buffers through the callback', async () => {
    const childPath = path.join(crate1, 'src/a/child.rs');
    const c = loadCrateWith(await getParser(), path.join(crate1, 'src/lib.rs'), (p) =>
      p === childPath ? 'pub struct Child;\npub struct Unsaved(u64);\n' : readFromDisk(p),
    );
    const child = allModules(c.modules).find((m) => m.path.join('::') === 'a::child');
    assert.deepEqual(
      child?.items.map((i) => ('name' in i ? i.name : '')),
      ['Child', 'Unsaved'],
    );
  });

  it('works fully in memory, reports #[path] cycles and unreadable roots', async () => {
    const files: Record<string, string> = {
      '/v/src/lib.rs': 'mod x;\n#[path = "lib.rs"] mod again;\n',
      '/v/src/x.rs': 'mod y;\npub struct X;',
      '/v/src/x/y.rs': 'pub struct Y;',
    };
    const c = loadCrateWith(await getParser(), '/v/src/lib.rs', (p) => files[p]);
    assert.deepEqual(
      allModules(c.modules).map((m) => m.path.join('::') + (m.missing ? '!' : '')),
      ['', 'x', 'x::y', 'again!'],
    );
    assert.ok(c.problems.some((p) => p.message.startsWith('circular')));
    const none = loadCrateWith(await getParser(), '/nowhere/lib.rs', () => undefined);
    assert.equal(none.modules.missing, true);
    assert.equal(none.problems.length, 1);
  });

  it('a single .rs file is its own root; a directory without src/lib.rs is a problem', async () => {
    const p = await getParser();
    const single = loadCrate(p, path.join(crate1, 'src/b/bb.rs'));
    assert.equal(single.modules.items.length, 1);
    assert.equal(single.files.size, 1);
    const bad = loadCrate(p, path.join(crate1, 'src'));
    assert.equal(bad.modules.missing, true);
    assert.match(bad.problems[0]!.message, /no src\/lib.rs/);
    assert.equal(findCrateRoot(crate1), path.join(crate1, 'src/lib.rs'));
  });
});
