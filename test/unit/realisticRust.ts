/**
 * Generates large, clean, realistic Rust at test time (nothing of it is committed): documented
 * structs and enums, impl blocks with method bodies (loops, matches, closures, macros), traits,
 * constants, a test module. tree-sitter parses it at about the speed of real crates, without a
 * syntax error. Used by the parse-budget unit tests and by the cold-open UI check
 * (scripts/cold-open-check.mjs imports the built out/test/unit/realisticRust.js).
 */
import { Rng } from '../oracle/prng';

const PRIMS = ['u8', 'u16', 'u32', 'u64', 'i32', 'i64', 'usize', 'bool', 'char', 'f64'];
const WORDS = [
  'buffer', 'offset', 'length', 'cursor', 'header', 'entry', 'record', 'segment', 'window', 'token',
  'span', 'label', 'limit', 'count', 'index', 'state', 'flags', 'weight', 'score', 'origin',
];
const PROSE = [
  'Keeps track of where the reader stands in the input.',
  'The fields are ordered as the on-disk format stores them.',
  'Cheap to clone: every buffer is shared.',
  'Returned by the parser when a section ends early.',
  'See the module documentation for the invariants.',
  'This is the hot path: keep it small.',
  'Values are validated once, when the table is built.',
  'An empty value means the default of the target.',
];

function camel(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

/**
 * One Rust module of at least `chars` characters. `prefix` keeps its type names apart from other
 * modules' (e.g. `A` gives `AHeader12`); `seed` picks everything else.
 */
export function realisticRustModule(chars: number, prefix = 'M', seed = 1): string {
  const r = new Rng(seed);
  const out: string[] = [
    `//! Generated module ${prefix}: records, tables and their readers.\n`,
    '#![allow(dead_code)]\n\nuse std::collections::HashMap;\nuse std::fmt;\n\n',
  ];
  let size = out.join('').length;
  const structs: Array<{ name: string; fields: Array<[string, string]> }> = [];
  const enums: string[] = [];
  let n = 0;
  const doc = (indent = ''): string => {
    const lines = [`${indent}/// ${r.pick(PROSE)}`];
    if (r.chance(0.5)) lines.push(`${indent}///`, `${indent}/// ${r.pick(PROSE)} The \`${r.pick(WORDS)}\` is in bytes.`);
    return lines.join('\n') + '\n';
  };
  const fieldType = (): string => {
    const k = r.int(0, 9);
    if (k < 5) return r.pick(PRIMS);
    if (k === 5) return `Option<Box<${r.pick(PRIMS)}>>`;
    if (k === 6) return `Vec<${r.pick(PRIMS)}>`;
    if (k === 7) return `[${r.pick(['u8', 'u16', 'u32'])}; ${r.int(2, 16)}]`;
    if (k === 8 && structs.length) return r.chance(0.5) ? r.pick(structs).name : `Option<${r.pick(structs).name}>`;
    return r.pick(['String', '&\'static str', 'HashMap<u32, String>', '(u16, u8)']);
  };
  while (size < chars) {
    n++;
    const kind = r.weighted([
      [5, 'struct'],
      [2, 'enum'],
      [4, 'impl'],
      [1, 'const'],
      [1, 'trait'],
    ] as const);
    let s = '';
    if (kind === 'struct' || (kind === 'impl' && structs.length === 0)) {
      const name = `${prefix}${camel(r.pick(WORDS))}${n}`;
      const fields: Array<[string, string]> = [];
      const count = r.int(2, 9);
      for (let f = 0; f < count; f++) fields.push([`${r.pick(WORDS)}_${f}`, fieldType()]);
      const attrs = r.chance(0.25) ? '#[repr(C)]\n' : `#[derive(Debug, Clone${r.chance(0.4) ? ', PartialEq' : ''})]\n`;
      const body = fields.map(([f, t]) => `${r.chance(0.6) ? doc('    ') : ''}    pub ${f}: ${t},\n`).join('');
      s = `${doc()}${attrs}pub struct ${name} {\n${body}}\n\n`;
      structs.push({ name, fields });
    } else if (kind === 'enum') {
      const name = `${prefix}${camel(r.pick(WORDS))}Kind${n}`;
      const variants: string[] = [];
      const count = r.int(2, 8);
      for (let v = 0; v < count; v++) {
        const vn = `${camel(r.pick(WORDS))}${v}`;
        const shape = r.int(0, 2);
        const d = r.chance(0.5) ? doc('    ') : '';
        if (shape === 0) variants.push(`${d}    ${vn},\n`);
        else if (shape === 1) variants.push(`${d}    ${vn}(${fieldType()}, ${r.pick(PRIMS)}),\n`);
        else variants.push(`${d}    ${vn} { ${r.pick(WORDS)}: ${fieldType()}, at: usize },\n`);
      }
      s = `${doc()}#[derive(Debug)]\npub enum ${name} {\n${variants.join('')}}\n\n`;
      enums.push(name);
    } else if (kind === 'impl') {
      const st = r.pick(structs);
      const [f0, t0] = st.fields[0]!;
      const numeric = st.fields.filter(([, t]) => PRIMS.includes(t) && t !== 'bool' && t !== 'char');
      const sum = numeric.length ? numeric.map(([f]) => `self.${f} as u64`).join(' + ') : '0';
      s =
        `impl ${st.name} {\n` +
        `    /// Builds one from its parts; ${r.pick(PROSE).toLowerCase()}\n` +
        `    pub fn total(&self) -> u64 {\n        ${sum}\n    }\n\n` +
        `    pub fn describe(&self, out: &mut String) -> fmt::Result {\n` +
        `        use fmt::Write;\n` +
        `        write!(out, "{}: {:?}", stringify!(${f0}), self.total())?;\n` +
        `        for (i, part) in ["a", "b", "c"].iter().enumerate() {\n` +
        `            if i % 2 == 0 {\n                out.push_str(part);\n            } else {\n                out.push(',');\n            }\n        }\n` +
        `        Ok(())\n    }\n\n` +
        `    pub fn scaled(&self, k: u32) -> Vec<u64> {\n` +
        `        let base = self.total();\n` +
        `        (0..k).map(|i| base.wrapping_mul(i as u64 + 1)).filter(|x| x % 3 != 0).collect()\n    }\n` +
        (r.chance(0.5) ? `\n    pub fn first(&self) -> &${t0.startsWith('&') ? 'str' : t0} {\n        ${t0.startsWith('&') ? 'self.' + f0 : '&self.' + f0}\n    }\n` : '') +
        `}\n\n`;
      if (enums.length && r.chance(0.5)) {
        const e = r.pick(enums);
        s +=
          `impl fmt::Display for ${e} {\n` +
          `    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {\n` +
          `        match self {\n            other => write!(f, "{:?}", other as *const Self),\n        }\n    }\n}\n\n`;
      }
    } else if (kind === 'const') {
      s = `/// ${r.pick(PROSE)}\npub const ${prefix.toUpperCase()}_${r.pick(WORDS).toUpperCase()}_${n}: usize = ${r.int(1, 4096)} * ${r.int(1, 8)};\n\n`;
      if (r.chance(0.5)) s += `pub type ${prefix}Table${n} = HashMap<${r.pick(['u32', 'String', 'usize'])}, Vec<${r.pick(PRIMS)}>>;\n\n`;
    } else {
      const name = `${prefix}${camel(r.pick(WORDS))}Source${n}`;
      s =
        `${doc()}pub trait ${name} {\n    /// ${r.pick(PROSE)}\n    fn next_${r.pick(WORDS)}(&mut self) -> Option<u32>;\n\n` +
        `    fn skip(&mut self, n: usize) -> usize {\n        let mut done = 0;\n        while done < n && self.next_x().is_some() {\n            done += 1;\n        }\n        done\n    }\n\n` +
        `    fn next_x(&mut self) -> Option<u32> {\n        None\n    }\n}\n\n`;
    }
    out.push(s);
    size += s.length;
  }
  out.push(`#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn sizes() {\n        assert!(std::mem::size_of::<u64>() == 8);\n    }\n}\n`);
  return out.join('');
}
