/**
 * Std types whose shape depends on more than the pointer width (src/core/stdSource.ts), on the
 * targets that differ. std is installed here for x86_64 Linux only (test/unit/stdModel.test.ts
 * checks that one against rustc); these follow rustc 1.95's source: core/ffi/primitives.rs for
 * the C types, std/sys/os_str/{bytes,wtf8}.rs for OsString, and for the OS-dependent types on
 * Windows and Apple the files named beside each model in the std source (the Linux numbers below
 * are rustc's, compiled here).
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Analyzer } from '../../src/analysis/analyzer';

const ROOT = join(__dirname, '../../..');

describe('std types that depend on the target’s OS or architecture', () => {
  const analyzer = new Analyzer({ wasmDir: join(ROOT, 'dist') });
  after(() => analyzer.dispose());
  const sizeOf = async (ty: string, target: string): Promise<number | null> => {
    const r = await analyzer.analyzeText('t.rs', `pub struct T(${ty});`, target);
    return r.types[0]!.size;
  };

  it('C int is 16-bit on avr and msp430, 32-bit elsewhere', async () => {
    for (const t of ['avr-none', 'msp430-none-elf']) assert.equal(await sizeOf('core::ffi::c_int', t), 2, t);
    for (const t of ['x86_64-pc-windows-msvc', 'thumbv6m-none-eabi', 'x86_64-unknown-linux-gnu']) assert.equal(await sizeOf('core::ffi::c_uint', t), 4, t);
  });

  it('C long is 64-bit on 64-bit targets but Windows, 32-bit elsewhere', async () => {
    for (const t of ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin', 'powerpc64-unknown-linux-gnu']) assert.equal(await sizeOf('std::ffi::c_long', t), 8, t);
    for (const t of ['x86_64-pc-windows-msvc', 'aarch64-pc-windows-msvc', 'x86_64-pc-windows-gnu', 'i686-unknown-linux-gnu', 'msp430-none-elf']) assert.equal(await sizeOf('core::ffi::c_ulong', t), 4, t);
  });

  it('OsString is WTF-8 on Windows (bytes and a flag), a byte vector elsewhere', async () => {
    assert.equal(await sizeOf('std::ffi::OsString', 'x86_64-pc-windows-msvc'), 32);
    assert.equal(await sizeOf('std::path::PathBuf', 'i686-pc-windows-msvc'), 16);
    assert.equal(await sizeOf('std::ffi::OsString', 'x86_64-unknown-linux-gnu'), 24);
    assert.equal(await sizeOf('std::ffi::OsString', 'aarch64-apple-darwin'), 24);
  });

  // [type, x86_64 Linux (compiled), x86_64 Windows, aarch64 macOS] as [size, align]; the Windows
  // and macOS columns follow rustc 1.95's std source (std/sys/sync/*, sys/pal/windows/futex.rs,
  // sys/time/windows.rs, sys/fs/windows.rs, os/windows/io/*.rs, sys/thread/*.rs).
  const OS_TABLE: [string, [number, number], [number, number], [number, number]][] = [
    ['std::sync::Mutex<u8>', [8, 4], [3, 1], [16, 8]], // futex u32 / futex u8 / OnceBox pointer
    ['std::sync::Mutex<u64>', [16, 8], [16, 8], [24, 8]],
    ['std::sync::RwLock<u64>', [24, 8], [24, 8], [24, 8]], // two u32 futexes / one queue pointer
    ['std::sync::Condvar', [4, 4], [4, 4], [16, 8]], // a futex / an OnceBox and the mutex's address
    ['std::sync::Once', [4, 4], [4, 4], [8, 8]],
    ['std::sync::OnceState', [8, 4], [8, 4], [16, 8]],
    ['std::sync::OnceLock<u64>', [16, 8], [16, 8], [16, 8]],
    ['std::sync::Barrier', [40, 8], [40, 8], [56, 8]],
    ['std::sync::ReentrantLock<u8>', [24, 8], [16, 8], [24, 8]],
    ['std::time::Instant', [16, 8], [16, 8], [16, 8]], // Timespec / a Duration
    ['std::time::SystemTime', [16, 8], [8, 4], [16, 8]], // Timespec / a FILETIME
    ['Option<std::time::SystemTime>', [16, 8], [12, 4], [16, 8]],
    ['std::fs::File', [4, 4], [8, 8], [4, 4]], // a file descriptor / a HANDLE
    ['Option<std::fs::File>', [4, 4], [16, 8], [4, 4]], // a HANDLE has no niche
    ['Option<std::net::TcpStream>', [4, 4], [8, 8], [4, 4]], // a SOCKET is never all ones
    ['std::thread::JoinHandle<()>', [24, 8], [24, 8], [24, 8]],
    ['std::collections::HashMap<u64, u64>', [48, 8], [48, 8], [48, 8]],
    ['std::hash::RandomState', [16, 8], [16, 8], [16, 8]],
    ['std::sync::mpsc::Sender<u8>', [16, 8], [16, 8], [16, 8]],
    ['std::io::StdoutLock<\'static>', [8, 8], [8, 8], [8, 8]],
  ];

  it('OS-dependent std types on Windows and macOS: the shapes of rustc 1.95’s std for each OS', async () => {
    const layout = async (ty: string, target: string): Promise<[number, number] | string> => {
      const r = (await analyzer.analyzeText('t.rs', `#![feature(reentrant_lock)]\npub struct T(${ty});`, target)).types[0]!;
      return r.size === null ? `unknown: ${r.unknown ?? r.error}` : [r.size, r.align!];
    };
    const wrong: string[] = [];
    for (const [ty, linux, windows, mac] of OS_TABLE) {
      for (const [target, want] of [['x86_64-unknown-linux-gnu', linux], ['x86_64-pc-windows-msvc', windows], ['aarch64-apple-darwin', mac], ['aarch64-pc-windows-msvc', windows], ['x86_64-apple-darwin', mac]] as const) {
        const got = await layout(ty, target);
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${ty} on ${target}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
    assert.deepEqual(wrong, []);
    // Windows handles and sockets exist on Windows only, as in rustc.
    assert.deepEqual(await layout('Option<std::os::windows::io::OwnedSocket>', 'x86_64-pc-windows-gnu'), [8, 8]);
    assert.match(String(await layout('std::os::windows::io::OwnedHandle', 'x86_64-unknown-linux-gnu')), /^unknown/);
  });

  it('std::fs on macOS: libc\'s stat and dirent, a 16-bit mode_t, a creation time in FileTimes (std/sys/fs/unix.rs)', async () => {
    // [type, x86_64 Linux (compiled), aarch64 macOS]; Windows's are not modelled (unknown).
    const table: [string, [number, number], [number, number]][] = [
      ['std::fs::Metadata', [176, 8], [144, 8]],
      ['std::fs::DirEntry', [40, 8], [1056, 8]],
      ['std::fs::ReadDir', [16, 8], [16, 8]],
      ['std::fs::OpenOptions', [16, 4], [12, 4]],
      ['std::fs::FileTimes', [32, 8], [48, 8]],
      ['std::fs::Permissions', [4, 4], [2, 2]],
      ['std::fs::FileType', [4, 4], [2, 2]],
      ['std::fs::DirBuilder', [8, 4], [4, 2]],
    ];
    const wrong: string[] = [];
    for (const [ty, linux, mac] of table) {
      for (const [target, want] of [['x86_64-unknown-linux-gnu', linux], ['aarch64-apple-darwin', mac], ['x86_64-apple-darwin', mac]] as const) {
        const r = (await analyzer.analyzeText('t.rs', `#![feature(reentrant_lock)]\npub struct T(${ty});`, target)).types[0]!;
        if (r.size !== want[0] || r.align !== want[1]) wrong.push(`${ty} on ${target}: ${r.size}/${r.align} (${r.unknown ?? ''}), want ${want.join('/')}`);
      }
      const win = (await analyzer.analyzeText('t.rs', `pub struct T(${ty});`, 'x86_64-pc-windows-msvc')).types[0]!;
      if (win.size !== null) wrong.push(`${ty} on Windows: ${win.size}, want unknown`);
    }
    assert.deepEqual(wrong, []);
  });

  it('never a Linux number on an OS whose std is not modelled: those abstain', async () => {
    for (const t of ['i686-unknown-linux-gnu', 'x86_64-unknown-freebsd', 'x86_64-unknown-linux-musl', 'x86_64-win7-windows-msvc', 'i686-pc-windows-msvc', 'aarch64-apple-watchos']) {
      for (const ty of ['std::sync::Mutex<u8>', 'std::fs::File', 'std::time::SystemTime', 'std::thread::JoinHandle<()>']) {
        const r = (await analyzer.analyzeText('t.rs', `pub struct T(${ty});`, t)).types[0]!;
        assert.equal(r.size, null, `${ty} on ${t}`);
        assert.match(r.unknown ?? '', /depends on the standard library's implementation/, `${ty} on ${t}`);
      }
    }
    // What is the same on every OS is known everywhere std is.
    assert.equal(await sizeOf('std::collections::HashMap<u32, u32>', 'i686-unknown-linux-gnu'), 32);
  });
});
