/**
 * What typenum's build script (1.x before 1.17, which ship the file in `src/gen/` instead) writes
 * into `OUT_DIR/consts.rs`: a `consts` module of type aliases, `U<n>` for 0..=1024 and for the
 * powers of 2 and 10 below 2^64, `P<n>`/`N<n>` for the same numbers up to i64::MAX. Each `U<n>`
 * is n in binary, most significant bit innermost: `U6 = UInt<UInt<UInt<UTerm, B1>, B1>, B0>`.
 * generic-array 0.14 (RustCrypto's digests and ciphers) lays its arrays out through them.
 */

/** Whether a build script is typenum's generator of `consts.rs` (and the env variable naming it). */
export function isTypenumConstsScript(script: string): boolean {
  return /fn\s+gen_uint\b/.test(script) && /pub\s+mod\s+consts\b/.test(script);
}

/** The OUT_DIR file typenum's script names by a `cargo:rustc-env` variable (`include!(env!("TYPENUM_BUILD_CONSTS"))`). */
export function typenumEnvFile(script: string, env: string): string | undefined {
  if (env !== 'TYPENUM_BUILD_CONSTS' || !new RegExp(`rustc-env=${env}=`).test(script)) return undefined;
  return 'consts.rs';
}

const HIGHEST = 1024n;

function numbers(): bigint[] {
  const out: bigint[] = [];
  for (let n = 0n; n <= HIGHEST; n++) out.push(n);
  for (let i = 11n; i < 64n; i++) out.push(2n ** i);
  for (let i = 4n; i < 20n; i++) out.push(10n ** i);
  return out;
}

/** n as typenum's unsigned type: its binary digits wrapped around `UTerm`, the highest innermost. */
export function typenumUint(n: bigint): string {
  let out = 'UTerm';
  for (const bit of n === 0n ? '' : n.toString(2)) out = `UInt<${out}, B${bit}>`;
  return out;
}

let consts: string | undefined;

/** The text of `consts.rs` (made once: about 200 KB). */
export function typenumConsts(): string {
  if (consts !== undefined) return consts;
  const lines = [
    '#[allow(missing_docs)]',
    'pub mod consts {',
    '    use crate::uint::{UInt, UTerm};',
    '    use crate::int::{PInt, NInt};',
    '    pub use crate::bit::{B0, B1};',
    '    pub use crate::int::Z0;',
    '    pub type True = B1;',
    '    pub type False = B0;',
  ];
  const i64Max = (1n << 63n) - 1n;
  for (const n of numbers()) {
    lines.push(`    pub type U${n} = ${typenumUint(n)};`);
    if (n !== 0n && n <= i64Max) lines.push(`    pub type P${n} = PInt<U${n}>; pub type N${n} = NInt<U${n}>;`);
  }
  lines.push('}', '');
  consts = lines.join('\n');
  return consts;
}
