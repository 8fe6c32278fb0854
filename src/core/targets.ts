/**
 * Target facts for every built-in target of rustc 1.95, from a table generated from rustc's own
 * target specifications by scripts/gen-targets.mjs
 * (`RUSTC_BOOTSTRAP=1 rustc -Z unstable-options --print target-spec-json --target T` and
 * `rustc --print cfg --target T`), and for custom target JSON files.
 * The data-layout strings are parsed the way rustc parses them (`TargetDataLayout::parse_from_llvm_datalayout_string`).
 */
import table from './targetTable.json';

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
   * Which standard library implementation we model for OS-dependent std types (Mutex, File,
   * Instant…): 'linux64' for 64-bit Linux with glibc (x86_64, aarch64), where it is compiled and
   * measured; 'windows64' (64-bit Windows, vendor `pc`) and 'apple64' (64-bit macOS and iOS),
   * whose models follow rustc 1.95's std source; otherwise such types abstain. Each OS-dependent
   * item of the std model lists the flavors it holds for (`#[rll_os(linux64, windows64)]`).
   */
  readonly stdFlavor: StdFlavor;
  /** Whether std exists for the target (false for bare-metal targets: core and alloc only). */
  readonly hasStd: boolean;
  /** Exclusive upper bound on an object's size (rustc's `obj_size_bound`). */
  readonly objSizeBound: bigint;
  readonly dataLayout: string;
  /** `#[cfg]` key-value pairs (`target_os` → ['linux'], `target_feature` → ['sse2', …]) from `rustc --print cfg`. */
  readonly cfg: Readonly<Record<string, readonly string[]>>;
  /** `#[cfg]` names that are set (`unix`, `debug_assertions`). */
  readonly cfgNames: ReadonlySet<string>;
  /**
   * Why a `target_feature` the target does not list may still be on (a custom target file: its
   * CPU's own features and those its listed ones imply are not derived); undefined when the list
   * is rustc's own.
   */
  readonly uncertainFeatures?: string;
}

/** One row of the generated table (src/core/targetTable.json, written by scripts/gen-targets.mjs). */
export interface TargetSpec {
  /** rustc's one-line description of the target (its metadata). */
  readonly description: string | null;
  readonly tier: number | null;
  /** Whether std is available for the target (false: core and alloc only). */
  readonly std: boolean | null;
  readonly dataLayout: string;
  readonly pointerWidth: number;
  readonly endian: 'little' | 'big';
  /** Absent: `cIntWidth` (rustc's default). */
  readonly cEnumMinBits?: number;
  /** Width of C's `int`; absent: 32. */
  readonly cIntWidth?: number;
  /** Absent: the pointer width (rustc's default). */
  readonly maxAtomicWidth?: number;
  /** The CPU rustc needs named for this target (`-C target-cpu`), where it needs one. */
  readonly targetCpu?: string;
  /** `rustc --print cfg --target T`, the cfgs stable code sees, space separated. */
  readonly cfg: string;
}

const TABLE = table as unknown as { readonly rustc: string; readonly targets: Readonly<Record<string, TargetSpec>> };

/** The rustc whose target specifications the table holds. */
export const TARGET_TABLE_RUSTC = TABLE.rustc;

/** Short names of the targets offered first (the status bar shows them; `--target x86_64` works). */
const SHORT: Readonly<Record<string, string>> = {
  'x86_64-unknown-linux-gnu': 'x86_64',
  'aarch64-unknown-linux-gnu': 'aarch64',
  'i686-unknown-linux-gnu': 'i686',
  'wasm32-unknown-unknown': 'wasm32',
  'thumbv7em-none-eabihf': 'thumbv7em',
};

/**
 * Which standard library implementation is modelled for OS-dependent std types (Mutex,
 * Instant, RandomState…): 'linux64' for 64-bit Linux with glibc on x86_64 and aarch64, where it
 * was measured; otherwise such types abstain.
 */
export type StdFlavor = 'linux64' | 'windows64' | 'apple64' | 'other';

function stdFlavorOf(triple: string, spec: TargetSpec): StdFlavor {
  if (triple === 'x86_64-unknown-linux-gnu' || triple === 'aarch64-unknown-linux-gnu') return 'linux64';
  if (spec.pointerWidth !== 64 || !spec.std) return 'other';
  const cfg = parsePrintCfg(spec.cfg).cfg;
  const os = cfg.target_os?.[0];
  const vendor = cfg.target_vendor?.[0];
  if (os === 'windows' && vendor === 'pc' && (cfg.target_arch?.[0] === 'x86_64' || cfg.target_arch?.[0] === 'aarch64')) return 'windows64';
  if (vendor === 'apple' && (os === 'macos' || os === 'ios') && (cfg.target_arch?.[0] === 'x86_64' || cfg.target_arch?.[0] === 'aarch64')) return 'apple64';
  return 'other';
}

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
    intAlign: { 1: 1, 2: 2, 4: 4, 8: 4, 16: 4 } as Record<1 | 2 | 4 | 8 | 16, number>,
    f32Align: 4,
    f64Align: 8,
    aggregateAlign: 1,
  };
  // The i128 alignment is taken from the largest i{64..=128} spec present (none: 32 bits, as on m68k).
  let i128Source = 64;
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
      if (bits >= i128Source && bits <= 128) {
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

/**
 * The targets offered first (the picker, the robustness fuzz): the five of the first releases,
 * then Windows, macOS, a big-endian and a 16-bit one. Every other target of the table works too.
 */
export const FEATURED_TARGETS: readonly string[] = [
  'x86_64-unknown-linux-gnu',
  'aarch64-unknown-linux-gnu',
  'i686-unknown-linux-gnu',
  'wasm32-unknown-unknown',
  'thumbv7em-none-eabihf',
  'x86_64-pc-windows-msvc',
  'aarch64-apple-darwin',
  'powerpc64-unknown-linux-gnu',
  'msp430-none-elf',
];

/** Every built-in target of the rustc the table was made from, sorted. */
export function listTargets(): readonly string[] {
  return Object.keys(TABLE.targets);
}

/** The generated table's row for a built-in triple. */
export function targetSpec(triple: string): TargetSpec | undefined {
  return Object.prototype.hasOwnProperty.call(TABLE.targets, triple) ? TABLE.targets[triple] : undefined;
}

/** The target for a triple (or a short name such as `x86_64`), or a custom target registered before; undefined when unknown. */
export function getTarget(tripleOrShort: string): Target | undefined {
  const hit = cache.get(tripleOrShort);
  if (hit) return hit;
  const triple = Object.keys(SHORT).find((k) => SHORT[k] === tripleOrShort) ?? tripleOrShort;
  const spec = targetSpec(triple);
  if (!spec) return undefined;
  const t = makeTarget(triple, SHORT[triple] ?? triple, spec, stdFlavorOf(triple, spec));
  cache.set(triple, t);
  if (t.short !== triple) cache.set(t.short, t);
  return t;
}

function makeTarget(triple: string, short: string, spec: TargetSpec, stdFlavor: Target['stdFlavor']): Target {
  const dl = parseDataLayout(spec.dataLayout);
  const bits = spec.pointerWidth;
  return {
    triple,
    short,
    pointerSize: dl.pointerSize,
    pointerAlign: dl.pointerAlign,
    intAlign: dl.intAlign,
    f32Align: dl.f32Align,
    f64Align: dl.f64Align,
    aggregateAlign: dl.aggregateAlign,
    cEnumMinSize: (spec.cEnumMinBits ?? spec.cIntWidth ?? 32) / 8,
    maxAtomicSize: (spec.maxAtomicWidth ?? bits) / 8,
    stdFlavor,
    hasStd: spec.std !== false,
    objSizeBound: bits === 64 ? 1n << 61n : bits === 32 ? 1n << 31n : 1n << 15n,
    dataLayout: spec.dataLayout,
    ...parsePrintCfg(spec.cfg),
  };
}

/**
 * A custom target from its JSON specification (the file `[build] target` or `--target` names;
 * cargo and rustc call the target by the file's stem). The layout facts are the file's own
 * (`data-layout`, `target-pointer-width`, `c-enum-min-bits`, `target-c-int-width`, `max-atomic-width`); the cfgs are
 * derived from its fields the way rustc derives them (arch, os, env, vendor, families, endian,
 * pointer width, abi, atomics, panic strategy, the `+feature`s it lists that are Rust feature names). Registered, so that
 * `getTarget(name)` finds it afterwards. Throws with a readable message on a malformed file.
 */
export function registerCustomTarget(name: string, json: unknown): Target {
  const o = (json ?? {}) as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const num = (k: string): number | undefined => {
    const v = o[k];
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
    return undefined;
  };
  const dataLayout = str('data-layout');
  const pointerWidth = num('target-pointer-width');
  const arch = str('arch');
  if (!dataLayout || !pointerWidth || !arch) {
    throw new Error(`custom target \`${name}\`: the file must give \`data-layout\`, \`target-pointer-width\` and \`arch\``);
  }
  if (![16, 32, 64].includes(pointerWidth)) throw new Error(`custom target \`${name}\`: target-pointer-width ${pointerWidth} is not 16, 32 or 64`);
  const endian = str('target-endian') === 'big' ? 'big' : 'little';
  const maxAtomicWidth = num('max-atomic-width') ?? pointerWidth;
  const minAtomicWidth = num('min-atomic-width') ?? 8;
  const cas = o['atomic-cas'] !== false;
  const families = Array.isArray(o['target-family']) ? (o['target-family'] as unknown[]).filter((x): x is string => typeof x === 'string') : typeof o['target-family'] === 'string' ? [o['target-family'] as string] : [];
  const toks: string[] = ['debug_assertions', `panic="${str('panic-strategy') ?? 'unwind'}"`, `target_abi="${str('abi') ?? ''}"`, `target_arch="${arch}"`, `target_endian="${endian}"`, `target_env="${str('env') ?? ''}"`];
  for (const f of families) toks.push(`target_family="${f}"`);
  // `features` lists LLVM's names; only those that are also Rust feature names of the arch (some
  // built-in target of the arch enables them) become cfgs. Features implied by others are not derived.
  const rustFeatures = featuresOfArch(arch);
  for (const f of (str('features') ?? '').split(',')) if (f.startsWith('+') && rustFeatures.has(f.slice(1))) toks.push(`target_feature="${f.slice(1)}"`);
  if (cas) {
    for (const w of [8, 16, 32, 64, 128]) if (w <= maxAtomicWidth && w >= minAtomicWidth) toks.push(`target_has_atomic="${w}"`);
    if (maxAtomicWidth >= pointerWidth && minAtomicWidth <= pointerWidth) toks.push('target_has_atomic="ptr"');
  }
  toks.push(`target_os="${str('os') ?? 'none'}"`, `target_pointer_width="${pointerWidth}"`, `target_vendor="${str('vendor') ?? 'unknown'}"`, ...families);
  const spec: TargetSpec = {
    description: `custom target ${name}`,
    tier: null,
    std: null,
    dataLayout,
    pointerWidth,
    endian,
    maxAtomicWidth,
    ...(num('c-enum-min-bits') !== undefined ? { cEnumMinBits: num('c-enum-min-bits') } : {}),
    ...(num('target-c-int-width') !== undefined ? { cIntWidth: num('target-c-int-width') } : {}),
    cfg: toks.join(' '),
  };
  const t: Target = {
    ...makeTarget(name, name, spec, 'other'),
    uncertainFeatures: `custom target \`${name}\`: the features of its CPU (\`${str('cpu') ?? 'generic'}\`) and those its \`features\` imply are not derived`,
  };
  cache.set(name, t);
  return t;
}

/** The `target_feature`s some built-in target of `arch` enables: Rust's names for that arch's features. */
function featuresOfArch(arch: string): Set<string> {
  const out = new Set<string>();
  for (const spec of Object.values(TABLE.targets)) {
    if (!spec.cfg.includes(`target_arch="${arch}"`)) continue;
    for (const m of spec.cfg.matchAll(/target_feature="([^"]+)"/g)) out.add(m[1]!);
  }
  return out;
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
