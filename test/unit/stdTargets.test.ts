/**
 * Std types whose shape depends on more than the pointer width (src/core/stdSource.ts), on the
 * targets that differ. std is installed here for x86_64 Linux only (test/unit/stdModel.test.ts
 * checks that one against rustc); these follow rustc 1.95's source: core/ffi/primitives.rs for
 * the C types, std/sys/os_str/{bytes,wtf8}.rs for OsString.
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
});
