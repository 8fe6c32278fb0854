/**
 * The module loader (src/analysis/modules.ts): rustc's rules for finding module files, `#[cfg]`
 * and `#[cfg_attr(.., path = ..)]` evaluated for the target and features, problems reported
 * with rustc's codes. The fixture crate compiles with rustc (`cfg(any())` hides what it must).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadModules, type LoadedModules } from '../../src/analysis/modules';
import { NodeFs } from '../../src/platform/nodeFs';
import { evalCfg } from '../../src/core/resolve';
import { getTarget } from '../../src/core/targets';
import { extractFile } from '../../src/parse/extract';
import type { CfgPredicate } from '../../src/core/model';
import { getParser, repoRoot } from './parseHelpers';
import { loadFile } from '../../src/analysis/program';
import { memoryFs } from '../../src/cargo/fs';

const crate1 = path.join(repoRoot, 'test/fixtures/parse/crate1');
const x86 = getTarget('x86_64-unknown-linux-gnu')!;

async function load(root: string, read: (p: string) => string | undefined, features: string[] = []): Promise<LoadedModules> {
  const parser = await getParser();
  const on = new Set(features);
  return loadModules(root, {
    read,
    parse: (p, text) => {
      const tree = parser.parse(text);
      try {
        return extractFile(tree, text, p);
      } finally {
        tree.delete();
      }
    },
    holds: (p: CfgPredicate) => evalCfg(p, x86, on),
  });
}

function summary(m: LoadedModules, base: string): string[] {
  const out = [`(root) ${path.relative(base, m.root.file)}`];
  for (const [p, input] of m.fileModules) {
    const names = input.items.flatMap((i) => (i.kind === 'struct' ? [i.name] : []));
    out.push(`${p} ${path.relative(base, input.file)} [${names.join(',')}]`);
  }
  return out;
}

describe('module loader', () => {
  it('follows mod declarations, mod.rs, nested non-mod-rs dirs, #[path] and inline modules like rustc', async () => {
    const disk = new NodeFs();
    const m = await load(path.join(crate1, 'src/lib.rs'), (p) => disk.readFile(p));
    assert.deepEqual(summary(m, crate1), [
      '(root) src/lib.rs',
      'a src/a.rs [A]',
      'a::child src/a/child.rs [Child]',
      'a::sib src/sibling.rs [Sib]',
      'a::sib::under src/under.rs [Under]',
      'a::inl2::z src/a/inl2/z.rs [Z]',
      'a::inl3::q src/a/inl3/q.rs [Q]',
      'b src/b/mod.rs []',
      'b::bb src/b/bb.rs [BB]',
      'c src/custom/c_file.rs []',
      'c::cc src/custom/cc.rs [CC]',
      'inl::deep src/inl/deep.rs [Deep]',
    ]);
    // `#[cfg(any())] mod missing;` and `mod amb;` are not looked for, as rustc does not.
    assert.deepEqual(m.problems, []);
    assert.equal(m.texts.size, 12);
  });

  it('reports E0583 (no file), E0761 (two files) and #[path] cycles, and reads unsaved buffers', async () => {
    const files: Record<string, string> = {
      '/v/src/lib.rs': 'mod x;\nmod gone;\nmod amb;\n#[path = "lib.rs"] mod again;\n',
      '/v/src/x.rs': 'mod y;\npub struct X;',
      '/v/src/x/y.rs': 'pub struct Y;',
      '/v/src/amb.rs': '',
      '/v/src/amb/mod.rs': '',
    };
    const m = await load('/v/src/lib.rs', (p) => (p === '/v/src/x/y.rs' ? 'pub struct Unsaved;' : files[p]));
    assert.deepEqual(summary(m, '/v'), ['(root) src/lib.rs', 'x src/x.rs [X]', 'x::y src/x/y.rs [Unsaved]']);
    assert.deepEqual(
      m.problems.map((p) => p.message.slice(0, 8)),
      ['E0583: f', 'E0761: f', 'circular'],
    );
  });

  it('reads only the `mod` whose #[cfg] holds: env_logger 0.9 picks regex.rs or string.rs by feature', async () => {
    // env_logger 0.9.3 src/filter/mod.rs declares both; rustc with the default features (regex on) reads regex.rs.
    const files: Record<string, string> = {
      '/e/src/lib.rs': '#[cfg(feature = "regex")]\n#[path = "regex.rs"]\nmod inner;\n#[cfg(not(feature = "regex"))]\n#[path = "string.rs"]\nmod inner;\n',
      '/e/src/regex.rs': 'pub struct Filter { inner: u64 }',
      '/e/src/string.rs': 'pub struct Filter { inner: String }',
    };
    const on = await load('/e/src/lib.rs', (p) => files[p], ['regex']);
    assert.deepEqual(summary(on, '/e'), ['(root) src/lib.rs', 'inner src/regex.rs [Filter]']);
    const off = await load('/e/src/lib.rs', (p) => files[p]);
    assert.deepEqual(summary(off, '/e'), ['(root) src/lib.rs', 'inner src/string.rs [Filter]']);
  });

  it('#[cfg_attr(pred, path = "..")] gives the module its file where pred holds (env_logger 0.9 termcolor/humantime)', async () => {
    const files: Record<string, string> = {
      '/e/src/lib.rs': '#[cfg_attr(feature = "termcolor", path = "extern_impl.rs")]\n#[cfg_attr(not(feature = "termcolor"), path = "shim_impl.rs")]\nmod imp;\n',
      '/e/src/extern_impl.rs': 'pub struct Real(u32);',
      '/e/src/shim_impl.rs': 'pub struct Shim;',
    };
    assert.deepEqual(summary(await load('/e/src/lib.rs', (p) => files[p], ['termcolor']), '/e'), ['(root) src/lib.rs', 'imp src/extern_impl.rs [Real]']);
    assert.deepEqual(summary(await load('/e/src/lib.rs', (p) => files[p]), '/e'), ['(root) src/lib.rs', 'imp src/shim_impl.rs [Shim]']);
  });

  it('a crate walked twice (an exported macro called by path before its definition) parses each file once', async () => {
    const parser = await getParser();
    const files: Record<string, string> = {
      '/m/src/lib.rs': 'pub mod early;\npub mod other;\n#[macro_export]\nmacro_rules! late { ($n:ident) => { pub struct $n(u64); }; }\n',
      '/m/src/early.rs': 'crate::late!(Early);\n',
      '/m/src/other.rs': 'pub struct Other(u8);\n',
    };
    const parsed: string[] = [];
    const m = loadFile('/m/src/lib.rs', {
      fs: memoryFs(files),
      target: x86,
      parse: (p, text) => {
        if (!p.includes('#macro:')) parsed.push(p);
        const tree = parser.parse(text);
        try {
          return extractFile(tree, text, p);
        } finally {
          tree.delete();
        }
      },
    });
    // The second walk happened (the call was expanded with the definition met after it) …
    assert.deepEqual(m.program.crate.fileModules.get('early')?.items.map((i) => ('name' in i ? i.name : i.kind)), ['Early']);
    // … and took the first walk's models.
    assert.deepEqual(parsed.sort(), ['/m/src/early.rs', '/m/src/lib.rs', '/m/src/other.rs']);
  });
});
