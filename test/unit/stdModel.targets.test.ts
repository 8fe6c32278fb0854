import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';
import type { TypeReport } from '../../src/core/reportTypes';

/**
 * The std model on targets whose standard library is not installed here (so not measured by
 * stdModel.test.ts): types whose implementation depends on the OS say they are not known
 * (#[rll_os]: laid out for the OS families modelled), std-only types the same on every OS are laid
 * out where std exists and not on bare metal (#[rll_os(std)]), atomics exist only where the target has them
 * (#[rll_atomic]), and the pointer width is honoured (#[cfg(target_pointer_width)]).
 */
const SOURCE = `
pub struct File(std::fs::File);
pub struct Mtx(std::sync::Mutex<u8>);
pub struct Map(std::collections::HashMap<u8, u8>);
pub struct MapIter(std::collections::hash_map::Iter<'static, u8, u8>);
pub struct Now(std::time::Instant);
pub struct Join(std::thread::JoinHandle<()>);
pub struct Cmd(std::process::Command);
pub struct Tcp(std::net::TcpStream);
pub struct In(std::io::Stdin);
pub struct Args(std::env::Args);
pub struct Meta(std::fs::Metadata);
pub struct Fd(std::os::fd::OwnedFd);
pub struct A64(std::sync::atomic::AtomicU64);
pub struct A32(std::sync::atomic::AtomicU32);
pub struct Id(std::any::TypeId);
pub struct Lay(std::alloc::Layout);
pub struct V(Vec<u8>);
pub struct It(std::slice::Iter<'static, u64>);
pub struct Pk(std::iter::Peekable<std::str::Chars<'static>>);
pub struct Cur(std::io::Cursor<Vec<u8>>);
pub struct Pm(proc_macro::TokenTree, Option<proc_macro::Span>, proc_macro::LexError);
`;

const OS_DEPENDENT = ['File', 'Mtx', 'Now', 'Join', 'Cmd', 'Tcp', 'In', 'Args', 'Meta', 'Fd'];

describe('std model on targets without an installed std', function () {
  this.timeout(60_000);
  let analyzer: Analyzer;
  before(() => {
    analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
  });
  after(() => analyzer.dispose());

  const layouts = async (target: string): Promise<Map<string, TypeReport>> => {
    const r = await analyzer.analyzeText('targets.rs', SOURCE, target);
    return new Map(r.types.map((t) => [t.name, t]));
  };

  for (const target of ['wasm32-unknown-unknown', 'thumbv7em-none-eabihf', 'i686-unknown-linux-gnu']) {
    it(`${target}: OS-dependent std types are unknown, with the reason`, async () => {
      const by = await layouts(target);
      for (const name of OS_DEPENDENT) {
        const t = by.get(name)!;
        assert.equal(t.size, null, `${name} laid out on ${target}`);
        assert.match(t.unknown ?? '', new RegExp(`standard library's implementation for ${target}`), name);
      }
    });
  }

  it('HashMap and its iterators: laid out wherever std exists (the same on every OS), never on bare metal', async () => {
    const i686 = await layouts('i686-unknown-linux-gnu');
    assert.deepEqual([i686.get('Map')?.size, i686.get('Map')?.align], [32, 4]);
    assert.equal(i686.get('MapIter')?.size, 20);
    const thumb = await layouts('thumbv7em-none-eabihf');
    for (const n of ['Map', 'MapIter']) {
      assert.equal(thumb.get(n)?.size, null, n);
      assert.match(thumb.get(n)?.unknown ?? '', /is part of std, which thumbv7em-none-eabihf does not have/, n);
    }
  });

  it('proc_macro (a sysroot crate that needs std): laid out where std exists, never on bare metal', async () => {
    // TokenTree 20 bytes (u32 handles), Option<Span> 4 (the handle's niche), LexError a String.
    assert.deepEqual([(await layouts('i686-unknown-linux-gnu')).get('Pm')?.size, (await layouts('x86_64-unknown-linux-gnu')).get('Pm')?.size], [36, 48]);
    const thumb = (await layouts('thumbv7em-none-eabihf')).get('Pm');
    assert.equal(thumb?.size, null);
    assert.match(thumb?.unknown ?? '', /is part of std, which thumbv7em-none-eabihf does not have/);
  });

  it('atomics exist only where the target has atomics of their width', async () => {
    // thumbv7em: max-atomic-width 32, so no AtomicU64 (rustc: unresolved import, E0432).
    const thumb = await layouts('thumbv7em-none-eabihf');
    assert.match(thumb.get('A64')?.error ?? '', /^E0432/);
    assert.deepEqual([thumb.get('A32')?.size, thumb.get('A32')?.align], [4, 4]);
    // i686 has 64-bit atomics, aligned to 8 although u64 is 4-aligned there.
    const i686 = await layouts('i686-unknown-linux-gnu');
    assert.deepEqual([i686.get('A64')?.size, i686.get('A64')?.align], [8, 8]);
  });

  it('target-independent std types follow the pointer width', async () => {
    const sizes = (by: Map<string, TypeReport>) => Object.fromEntries(['Id', 'Lay', 'V', 'It', 'Pk', 'Cur'].map((n) => [n, [by.get(n)?.size, by.get(n)?.align]]));
    // TypeId is [*const (); 16 / size_of::<*const ()>()] (core/any.rs): 4-aligned on 32-bit targets.
    assert.deepEqual(sizes(await layouts('wasm32-unknown-unknown')), { Id: [16, 4], Lay: [8, 4], V: [12, 4], It: [8, 4], Pk: [12, 4], Cur: [24, 8] });
    assert.deepEqual(sizes(await layouts('i686-unknown-linux-gnu')), { Id: [16, 4], Lay: [8, 4], V: [12, 4], It: [8, 4], Pk: [12, 4], Cur: [20, 4] });
    assert.deepEqual(sizes(await layouts('x86_64-unknown-linux-gnu')), { Id: [16, 8], Lay: [16, 8], V: [24, 8], It: [16, 8], Pk: [24, 8], Cur: [32, 8] });
  });
});

describe('std model: private helpers are not std API', function () {
  this.timeout(60_000);
  it('a crate naming one (a private module, a private item, a glob of a private module) gets unknown, not a layout', async () => {
    const analyzer = new Analyzer({ wasmDir: join(__dirname, '../../../dist') });
    try {
      const r = await analyzer.analyzeText(
        'private.rs',
        `
pub struct A(std::sys::FileDesc);
pub struct B(std::assoc::ItemOf<std::ops::Range<u8>>);
pub struct C(std::str::SplitInternal<'static, char>);
use std::hashbrown::*;
pub struct D(RawTable<u8>);
pub struct E(std::collections::hash_map::Iter<'static, u8, u8>);
pub struct F(std::io::Result<u8>);
`,
      );
      const by = new Map(r.types.map((t) => [t.name, t]));
      for (const n of ['A', 'B', 'C', 'D']) assert.match(by.get(n)?.unknown ?? '', /is not a std type this extension models/, n);
      assert.deepEqual([by.get('E')?.size, by.get('F')?.size], [40, 16]);
    } finally {
      analyzer.dispose();
    }
  });
});
