/**
 * The expander against the real compiler: files of macro definitions and item-position calls
 * are expanded by the expander (through MiniLoader, recursively) and by `rustc
 * -Zunpretty=expanded`; both results go through rustc's printer and must be the same items,
 * token for token (ours may add parentheses around `expr` fragments, which rustc keeps as
 * invisible groups). Needs rustc (skipped without it); the real-crate cases need Debian's crate
 * sources in /usr/share/cargo/registry (each skipped without its crate).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankMarkers } from '../../src/core/macros/lexer';
import { compareExpanded, crateSource, macroDefinition, MiniLoader, rustcAvailable, rustcExpand, type LoaderOptions } from './macrosHarness';

const FIXTURES = join(__dirname, '../../../test/fixtures/macros');
const REGISTRY = '/usr/share/cargo/registry';
const HAVE_RUSTC = rustcAvailable();

/** Expands `src` both ways and asserts the same items; returns how many expansions were compared. */
export function assertSameAsRustc(src: string, opts: LoaderOptions = {}): { expansions: number; items: number } {
  const loader = new MiniLoader(opts);
  // Calls left in our output (in function bodies) hold forwarded fragments marked as ours: rustc reads them as plain tokens.
  const ours = blankMarkers(loader.run(src));
  const cfgs = opts.cfgs ?? [];
  const { items, mismatches } = compareExpanded(rustcExpand(ours, cfgs), rustcExpand(src, cfgs));
  assert.deepEqual(mismatches, [], `${mismatches.length} item(s) differ from rustc's expansion`);
  assert.ok(loader.expansions > 0, 'nothing was expanded');
  return { expansions: loader.expansions, items };
}

describe('macros: expansions equal rustc -Zunpretty=expanded', function () {
  this.timeout(120_000);
  before(function () {
    if (!HAVE_RUSTC) this.skip();
  });

  it('hand-written corpus: builders, records, newtypes, nested repetitions, tt-munchers, every fragment kind', () => {
    const r = assertSameAsRustc(readFileSync(join(FIXTURES, 'corpus.rs'), 'utf8'));
    assert.ok(r.expansions >= 50, `only ${r.expansions} expansions`);
  });

  const libc = join(REGISTRY, 'libc-0.2.139/src');
  it('libc 0.2.139: s!, s_no_extra_traits!, e!, f!, safe_f!, cfg_if! over the Linux x86_64 modules', function () {
    if (!existsSync(libc)) this.skip();
    const files = ['unix/mod.rs', 'unix/linux_like/mod.rs', 'unix/linux_like/linux/mod.rs', 'unix/linux_like/linux/gnu/mod.rs', 'unix/linux_like/linux/gnu/b64/mod.rs', 'unix/linux_like/linux/gnu/b64/x86_64/mod.rs', 'unix/linux_like/linux/gnu/b64/x86_64/not_x32.rs'];
    const r = assertSameAsRustc(crateSource(libc, ['macros.rs'], files));
    assert.ok(r.items > 500, `only ${r.items} items`);
  });

  const rustls = join(REGISTRY, 'rustls-0.20.8/src');
  it('rustls 0.20.8: enum_builder! and declare_u8_vec!/declare_u16_vec!', function () {
    if (!existsSync(rustls)) this.skip();
    assertSameAsRustc(crateSource(rustls, ['msgs/macros.rs', 'msgs/handshake.rs'], ['msgs/enums.rs', 'enums.rs', 'msgs/handshake.rs']));
  });

  const syn = join(REGISTRY, 'syn-1.0.107/src');
  it('syn 1.0.107: ast_struct!/ast_enum_of_structs! tt-munchers, macros given as input to macros, Token! definitions', function () {
    if (!existsSync(syn)) this.skip();
    const files = readdirSync(syn).filter((f) => f.endsWith('.rs') && !['lib.rs', 'macros.rs', 'token.rs', 'await.rs'].includes(f));
    const r = assertSameAsRustc(crateSource(syn, ['macros.rs', 'token.rs', 'await.rs'], files), { cfgs: ['feature="full"', 'feature="derive"', 'feature="printing"', 'feature="parsing"'] });
    assert.ok(r.expansions > 1000, `only ${r.expansions} expansions`);
  });

  const tokio = join(REGISTRY, 'tokio-1.24.2/src');
  it('tokio 1.24.2: the cfg_*! item macros over every source file', function () {
    if (!existsSync(tokio)) this.skip();
    const walk = (d: string): string[] =>
      readdirSync(join(tokio, d), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${d}${e.name}/`) : e.name.endsWith('.rs') ? [d + e.name] : []));
    const macroFiles = ['macros/cfg.rs', ...walk('macros/').filter((f) => f !== 'macros/cfg.rs' && f !== 'macros/mod.rs')];
    const files = walk('').filter((f) => !f.startsWith('macros/'));
    const r = assertSameAsRustc(crateSource(tokio, macroFiles, files), { cfgs: ['feature="full"', 'feature="rt"', 'feature="sync"', 'feature="net"'] });
    assert.ok(r.expansions > 100, `only ${r.expansions} expansions`);
  });

  const bitflags1 = join(REGISTRY, 'bitflags-1.3.2/src');
  it('bitflags 1.3.2: the real macro (which the builtin stands in for) expands as rustc expands it', function () {
    if (!existsSync(bitflags1)) this.skip();
    const src = `${crateSource(bitflags1, ['lib.rs'], [])}\n${readFileSync(join(FIXTURES, 'bitflags.rs'), 'utf8')}`;
    const r = assertSameAsRustc(src);
    assert.ok(r.items > 100, `only ${r.items} items`);
  });

  const lazy = join(REGISTRY, 'lazy_static-1.4.0/src');
  it('lazy_static 1.4.0: internal rules, local_inner_macros, $crate paths, visibility as tokens', function () {
    if (!existsSync(lazy)) this.skip();
    const defs = [
      macroDefinition(join(lazy, 'inline_lazy.rs'), '__lazy_static_create'),
      macroDefinition(join(lazy, 'lib.rs'), '__lazy_static_internal'),
      macroDefinition(join(lazy, 'lib.rs'), 'lazy_static'),
    ];
    const calls = `
      lazy_static! {
          /// Documented.
          static ref A: Vec<u8> = vec![1, 2, 3];
          pub static ref B: std::collections::HashMap<u32, &'static str> = { let mut m = std::collections::HashMap::new(); m.insert(0, "x"); m };
          pub(crate) static ref C: Option<Box<dyn Fn() -> u8 + Sync>> = None;
          #[allow(unused)]
          static ref D: (u8, u16) = (1, 2);
      }
      lazy_static! { pub(in crate) static ref E: [u64; 4] = [0; 4]; }`;
    const r = assertSameAsRustc(`${defs.join('\n')}\n${calls}`);
    assert.ok(r.expansions >= 15, `only ${r.expansions} expansions`);
  });
});

describe('macros: the cfg_if! builtin equals the real cfg_if! macros', function () {
  this.timeout(60_000);
  before(function () {
    if (!HAVE_RUSTC) this.skip();
  });

  const calls = (): string => readFileSync(join(FIXTURES, 'cfg_if.rs'), 'utf8');
  const cases: [string, string][] = [
    ['cfg-if 1.0.0', join(REGISTRY, 'cfg-if-1.0.0/src/lib.rs')],
    ['libc 0.2.139 (the cfg-if 0.1 macro, items as `$it:item`)', join(REGISTRY, 'libc-0.2.139/src/macros.rs')],
  ];
  for (const [label, file] of cases) {
    it(`${label}: chains with and without else, nested calls, every kind of item, --cfg feature="a"`, function () {
      if (!existsSync(file)) this.skip();
      const r = assertSameAsRustc(`${macroDefinition(file, 'cfg_if')}\n${calls()}`, { cfgs: ['feature="a"'], builtinCfgIf: true });
      assert.ok(r.items >= 20, `only ${r.items} items`);
    });
  }
});
