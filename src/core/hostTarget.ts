/**
 * The target triple of the machine the editor runs on (what `cargo build` builds for when nothing
 * says otherwise), from Node's `process.platform` and `process.arch`. Pure: the caller passes them.
 */
const TRIPLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  linux: { x64: 'x86_64-unknown-linux-gnu', arm64: 'aarch64-unknown-linux-gnu', ia32: 'i686-unknown-linux-gnu', arm: 'armv7-unknown-linux-gnueabihf', riscv64: 'riscv64gc-unknown-linux-gnu', ppc64: 'powerpc64le-unknown-linux-gnu', s390x: 's390x-unknown-linux-gnu', loong64: 'loongarch64-unknown-linux-gnu' },
  win32: { x64: 'x86_64-pc-windows-msvc', arm64: 'aarch64-pc-windows-msvc', ia32: 'i686-pc-windows-msvc' },
  darwin: { x64: 'x86_64-apple-darwin', arm64: 'aarch64-apple-darwin' },
  freebsd: { x64: 'x86_64-unknown-freebsd', arm64: 'aarch64-unknown-freebsd', ia32: 'i686-unknown-freebsd' },
  netbsd: { x64: 'x86_64-unknown-netbsd' },
  openbsd: { x64: 'x86_64-unknown-openbsd', arm64: 'aarch64-unknown-openbsd' },
  android: { arm64: 'aarch64-linux-android', x64: 'x86_64-linux-android' },
};

/** The host's triple, or undefined for a platform and architecture not in the table. */
export function hostTriple(platform: string, arch: string): string | undefined {
  return TRIPLES[platform]?.[arch];
}
