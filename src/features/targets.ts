/**
 * The targets offered by the `rustLayout.target` setting and the Select Target command.
 * No `vscode` import: test/unit/manifest.test.ts checks this list against package.json.
 */
export interface TargetChoice {
  readonly triple: string;
  readonly description: string;
}

export const TARGETS: readonly TargetChoice[] = [
  { triple: 'x86_64-unknown-linux-gnu', description: '64-bit x86 Linux (8-byte pointers).' },
  { triple: 'aarch64-unknown-linux-gnu', description: '64-bit ARM Linux (8-byte pointers).' },
  { triple: 'i686-unknown-linux-gnu', description: '32-bit x86 Linux (4-byte pointers; u64 and f64 are 4-aligned).' },
  { triple: 'wasm32-unknown-unknown', description: 'WebAssembly (4-byte pointers; u64 is 8-aligned).' },
  { triple: 'thumbv7em-none-eabihf', description: 'ARM Cortex-M4F/M7F bare metal (4-byte pointers; u128 is 8-aligned).' },
];

export const DEFAULT_TARGET = 'x86_64-unknown-linux-gnu';

export function isKnownTarget(triple: string): boolean {
  return TARGETS.some((t) => t.triple === triple);
}
