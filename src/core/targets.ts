/**
 * Target facts, taken from rustc's own target specifications
 * (`RUSTC_BOOTSTRAP=1 rustc -Z unstable-options --print target-spec-json --target T`, rustc 1.95).
 * The data-layout strings are parsed the way rustc parses them (`TargetDataLayout::parse_from_llvm_datalayout_string`).
 */

export interface Target {
  readonly triple: string;
  /** Short name for the status bar. */
  readonly short: string;
  readonly pointerSize: number;
  readonly pointerAlign: number;
  /** ABI alignment of the integer of each byte size (1, 2, 4, 8, 16). */
  readonly intAlign: Readonly<Record<1 | 2 | 4 | 8 | 16, number>>;
  readonly f32Align: number;
  readonly f64Align: number;
  readonly aggregateAlign: number;
  /** Smallest size of a `#[repr(C)]` enum's tag (c-enum-min-bits / 8). */
  readonly cEnumMinSize: number;
  /** Widest atomic integer in bytes (max-atomic-width / 8). */
  readonly maxAtomicSize: number;
  /**
   * Which standard library implementation we model for OS-dependent std types
   * (Mutex, HashMap's RandomState, Instant…): 'linux64' only for the 64-bit Linux targets,
   * where it was measured; otherwise such types abstain.
   */
  readonly stdFlavor: 'linux64' | 'other';
  /** Exclusive upper bound on an object's size (rustc's `obj_size_bound`). */
  readonly objSizeBound: bigint;
  readonly dataLayout: string;
  /** `#[cfg]` key-value pairs (`target_os` → ['linux'], `target_feature` → ['sse2', …]) from `rustc --print cfg`. */
  readonly cfg: Readonly<Record<string, readonly string[]>>;
  /** `#[cfg]` names that are set (`unix`, `debug_assertions`). */
  readonly cfgNames: ReadonlySet<string>;
}

interface TargetSpec {
  readonly triple: string;
  readonly short: string;
  readonly dataLayout: string;
  readonly pointerWidth: number;
  readonly cEnumMinBits?: number;
  readonly maxAtomicWidth: number;
  readonly stdFlavor: 'linux64' | 'other';
  /** `rustc --print cfg --target T` (rustc 1.95), space separated. */
  readonly printCfg: string;
}

const SPECS: readonly TargetSpec[] = [
  {
    triple: 'x86_64-unknown-linux-gnu',
    short: 'x86_64',
    dataLayout: 'e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128',
    pointerWidth: 64,
    maxAtomicWidth: 64,
    stdFlavor: 'linux64',
    printCfg: 'debug_assertions panic="unwind" target_abi="" target_arch="x86_64" target_endian="little" target_env="gnu" target_family="unix" target_feature="fxsr" target_feature="sse" target_feature="sse2" target_has_atomic="16" target_has_atomic="32" target_has_atomic="64" target_has_atomic="8" target_has_atomic="ptr" target_os="linux" target_pointer_width="64" target_vendor="unknown" unix',
  },
  {
    triple: 'aarch64-unknown-linux-gnu',
    short: 'aarch64',
    dataLayout: 'e-m:e-p270:32:32-p271:32:32-p272:64:64-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32',
    pointerWidth: 64,
    maxAtomicWidth: 128,
    stdFlavor: 'linux64',
    printCfg: 'debug_assertions panic="unwind" target_abi="" target_arch="aarch64" target_endian="little" target_env="gnu" target_family="unix" target_feature="neon" target_has_atomic="128" target_has_atomic="16" target_has_atomic="32" target_has_atomic="64" target_has_atomic="8" target_has_atomic="ptr" target_os="linux" target_pointer_width="64" target_vendor="unknown" unix',
  },
  {
    triple: 'i686-unknown-linux-gnu',
    short: 'i686',
    dataLayout: 'e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-i128:128-f64:32:64-f80:32-n8:16:32-S128',
    pointerWidth: 32,
    maxAtomicWidth: 64,
    stdFlavor: 'other',
    printCfg: 'debug_assertions panic="unwind" target_abi="" target_arch="x86" target_endian="little" target_env="gnu" target_family="unix" target_feature="fxsr" target_feature="sse" target_feature="sse2" target_has_atomic="16" target_has_atomic="32" target_has_atomic="64" target_has_atomic="8" target_has_atomic="ptr" target_os="linux" target_pointer_width="32" target_vendor="unknown" unix',
  },
  {
    triple: 'wasm32-unknown-unknown',
    short: 'wasm32',
    dataLayout: 'e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20',
    pointerWidth: 32,
    maxAtomicWidth: 64,
    stdFlavor: 'other',
    printCfg: 'debug_assertions panic="abort" target_abi="" target_arch="wasm32" target_endian="little" target_env="" target_family="wasm" target_feature="bulk-memory" target_feature="multivalue" target_feature="mutable-globals" target_feature="nontrapping-fptoint" target_feature="reference-types" target_feature="sign-ext" target_has_atomic="16" target_has_atomic="32" target_has_atomic="64" target_has_atomic="8" target_has_atomic="ptr" target_os="unknown" target_pointer_width="32" target_vendor="unknown"',
  },
  {
    triple: 'thumbv7em-none-eabihf',
    short: 'thumbv7em',
    dataLayout: 'e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64',
    pointerWidth: 32,
    cEnumMinBits: 8,
    maxAtomicWidth: 32,
    stdFlavor: 'other',
    printCfg: 'debug_assertions panic="abort" target_abi="eabihf" target_arch="arm" target_endian="little" target_env="" target_has_atomic="16" target_has_atomic="32" target_has_atomic="8" target_has_atomic="ptr" target_os="none" target_pointer_width="32" target_vendor="unknown"',
  },
];

export const DEFAULT_TARGET = 'x86_64-unknown-linux-gnu';

/** Parses an LLVM data-layout string with rustc's defaults and rules. */
export function parseDataLayout(dl: string): {
  pointerSize: number;
  pointerAlign: number;
  intAlign: Record<1 | 2 | 4 | 8 | 16, number>;
  f32Align: number;
  f64Align: number;
  aggregateAlign: number;
} {
  // rustc's TargetDataLayout::default().
  const r = {
    pointerSize: 8,
    pointerAlign: 8,
    intAlign: { 1: 1, 2: 2, 4: 4, 8: 4, 16: 8 } as Record<1 | 2 | 4 | 8 | 16, number>,
    f32Align: 4,
    f64Align: 8,
    aggregateAlign: 1,
  };
  // The i128 alignment is taken from the largest i{64..=128} spec present.
  let i128Source = 0;
  for (const spec of dl.split('-')) {
    const parts = spec.split(':');
    const head = parts[0] ?? '';
    const abiBits = (s: string | undefined): number => {
      const n = Number(s ?? '0');
      return n === 0 ? 1 : n / 8;
    };
    if (head === 'p' || head === 'p0') {
      r.pointerSize = Number(parts[1]) / 8;
      r.pointerAlign = abiBits(parts[2]);
    } else if (head === 'a') {
      r.aggregateAlign = abiBits(parts[1]);
    } else if (/^i\d+$/.test(head)) {
      const bits = Number(head.slice(1));
      const align = abiBits(parts[1]);
      const bytes = bits / 8;
      if (bytes === 1 || bytes === 2 || bytes === 4 || bytes === 8) r.intAlign[bytes] = align;
      if (bits >= i128Source && bits <= 128 && bits >= 64) {
        i128Source = bits;
        r.intAlign[16] = align;
      }
    } else if (head === 'f32') {
      r.f32Align = abiBits(parts[1]);
    } else if (head === 'f64') {
      r.f64Align = abiBits(parts[1]);
    }
  }
  return r;
}

const cache = new Map<string, Target>();

export function listTargets(): readonly string[] {
  return SPECS.map((s) => s.triple);
}

/** The target for a triple (or its short name), or undefined when it is not one we know. */
export function getTarget(tripleOrShort: string): Target | undefined {
  const spec = SPECS.find((s) => s.triple === tripleOrShort || s.short === tripleOrShort);
  if (!spec) return undefined;
  const hit = cache.get(spec.triple);
  if (hit) return hit;
  const dl = parseDataLayout(spec.dataLayout);
  const bits = spec.pointerWidth;
  const t: Target = {
    triple: spec.triple,
    short: spec.short,
    pointerSize: dl.pointerSize,
    pointerAlign: dl.pointerAlign,
    intAlign: dl.intAlign,
    f32Align: dl.f32Align,
    f64Align: dl.f64Align,
    aggregateAlign: dl.aggregateAlign,
    cEnumMinSize: (spec.cEnumMinBits ?? 32) / 8,
    maxAtomicSize: spec.maxAtomicWidth / 8,
    stdFlavor: spec.stdFlavor,
    objSizeBound: bits === 64 ? 1n << 61n : bits === 32 ? 1n << 31n : 1n << 15n,
    dataLayout: spec.dataLayout,
    ...parsePrintCfg(spec.printCfg),
  };
  cache.set(spec.triple, t);
  return t;
}

/** Parses `rustc --print cfg` output (`name` or `key="value"` tokens). */
export function parsePrintCfg(text: string): { cfg: Record<string, string[]>; cfgNames: Set<string> } {
  const cfg: Record<string, string[]> = {};
  const cfgNames = new Set<string>();
  for (const tok of text.split(/\s+/)) {
    if (!tok) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)="(.*)"$/.exec(tok);
    if (m) (cfg[m[1]!] ??= []).push(m[2]!);
    else cfgNames.add(tok);
  }
  return { cfg, cfgNames };
}
