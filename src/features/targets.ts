/**
 * The targets the Select Target command offers first, with a description each; every other
 * target of the table (src/core/targets.ts) follows. No `vscode` import.
 */
import { getTarget } from '../core/targets';

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
  { triple: 'x86_64-pc-windows-msvc', description: '64-bit Windows (MSVC).' },
  { triple: 'aarch64-apple-darwin', description: 'Apple Silicon macOS.' },
  { triple: 'thumbv6m-none-eabi', description: 'ARM Cortex-M0/M0+ bare metal (no atomic read-modify-write).' },
  { triple: 'riscv32imc-unknown-none-elf', description: 'RISC-V 32-bit microcontrollers (ESP32-C3 and others).' },
  { triple: 'wasm32-wasip1', description: 'WebAssembly with WASI preview 1.' },
];

export const DEFAULT_TARGET = 'x86_64-unknown-linux-gnu';

/** A built-in target of rustc 1.95 (the generated table) or a custom target file. */
export function isKnownTarget(triple: string): boolean {
  return triple.endsWith('.json') || getTarget(triple) !== undefined;
}
