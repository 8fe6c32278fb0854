// The corpora of the in-crate bench (scripts/bench-in-crate.mjs), made at bench time in a scratch
// folder, never committed:
//  - three real crates from Debian's librust-*-dev sources (/usr/share/cargo/registry, else
//    fetched by scripts/bench-corpus.mjs into the cache), each copied into a workspace folder
//    of its own with a `.cargo/config.toml` that replaces crates.io by the directory source
//    /usr/share/cargo/registry, so their dependencies resolve offline as cargo would;
//  - `gen20`: a generated crate of about 20 MB in 1,000 module files (10 folders of 100), with
//    doc comments, derives, `#[repr(C)]` headers, enums, impls, functions with bodies, and `use`
//    of types from earlier modules (by value, so no type is infinite);
//  - `deps`: a package depending on hyper, h2, tokio, tokio-util, tracing-subscriber, rustls,
//    clap, regex, serde_json, toml_edit and ignore (default features, plus tokio/hyper "full"):
//    83 crates for x86_64 Linux with Debian bookworm's packages (`cargo tree -e normal`, counted
//    again at bench time), whose lib.rs names a type of each.
// Each corpus says which file the bench opens, where it types (a doc-comment line), which type
// name it hovers further down, and which field type it toggles (u16 ↔ u32 or the like).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fetchCrates } from './bench-corpus.mjs';

export const REGISTRY = '/usr/share/cargo/registry';

const CARGO_CONFIG = `[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "${REGISTRY}"
[net]
offline = true
`;

/** The real crates: Debian package, the version the issue names, and what the bench does in it. */
const REAL = [
  {
    name: 'object',
    pkg: 'object',
    version: '0.30',
    file: 'src/pe.rs',
    hover: 'ImageNtHeaders64',
    field: { decl: /\bstruct ImageFileHeader\b/, pattern: /machine: (U16<LE>)/, to: 'U32<LE>', hover: 'ImageNtHeaders64' },
  },
  {
    name: 'gimli',
    pkg: 'gimli',
    version: '0.27',
    file: 'src/write/unit.rs',
    hover: 'Attribute',
    field: { decl: /\benum AttributeValue\b/, pattern: /Data2\((u16)\)/, to: 'u32', hover: 'Attribute' },
  },
  {
    name: 'regex-syntax',
    pkg: 'regex-syntax',
    version: '0.6.27',
    file: 'src/ast/mod.rs',
    hover: 'Group',
    field: { decl: /\bstruct CaptureName\b/, pattern: /index: (u32)/, to: 'u16', hover: 'Group' },
  },
];

function walkRs(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (name !== 'target' && !name.startsWith('.')) walkRs(p, out);
    } else if (name.endsWith('.rs')) out.push({ path: p, bytes: st.size });
  }
  return out;
}

/** The crate's source folder: Debian's installed package, else one fetched into the cache. */
function realSource(c, log) {
  if (existsSync(REGISTRY)) {
    const hit = readdirSync(REGISTRY)
      .filter((d) => d.startsWith(`${c.name}-${c.version}`))
      .sort()
      .at(-1);
    if (hit) return join(REGISTRY, hit);
  }
  const { crates } = fetchCrates([[c.pkg, undefined]], log);
  return crates[0];
}

/** Line/character of `re`'s match (of its group 1 when it has one) in `text`, searching from line `fromLine`. */
function find(text, re, fromLine = 0) {
  const lines = text.split('\n');
  for (let l = fromLine; l < lines.length; l++) {
    const m = re.exec(lines[l]);
    if (m) return { line: l, character: m.index + (m[1] !== undefined ? m[0].indexOf(m[1]) : 0), text: m[1] ?? m[0] };
  }
  return undefined;
}

/**
 * Where the bench types, hovers and edits in `file`: the first `///` line, the name of the
 * type declared as `hover` (a struct/enum/union), and the field type toggled.
 */
export function sites(file, { hover, field }) {
  const text = readFileSync(file, 'utf8');
  const doc = find(text, /^\s*\/\/\/.*$/);
  const decl = (name) => find(text, new RegExp(`\\b(?:struct|enum|union)\\s+(${name})\\b`));
  const h = decl(hover);
  if (!doc || !h) throw new Error(`${file}: no doc comment or no type ${hover}`);
  if (doc.line >= h.line) throw new Error(`${file}: the doc comment (line ${doc.line + 1}) is not above ${hover} (line ${h.line + 1})`);
  const out = { docLine: doc.line, hover: { line: h.line, character: h.character } };
  if (field) {
    const d = find(text, field.decl);
    const f = d && find(text, field.pattern, d.line);
    const fh = decl(field.hover);
    if (!f || !fh) throw new Error(`${file}: field edit site not found (${field.decl} ${field.pattern})`);
    out.field = { at: { line: f.line, character: f.character }, from: f.text, to: field.to, hover: { line: fh.line, character: fh.character }, what: `${field.decl.source.replace(/\\b/g, '')}: ${f.text} ↔ ${field.to}, hover ${field.hover}` };
  }
  return out;
}

function describe(dir) {
  const files = walkRs(dir);
  return { files: files.length, bytes: files.reduce((s, f) => s + f.bytes, 0) };
}

/** Copies a real crate into `<root>/<name>` with the offline cargo config. */
function prepareReal(root, c, log) {
  const src = realSource(c, log);
  const dir = join(root, c.name);
  cpSync(src, dir, { recursive: true, filter: (p) => !/[\\/](target|\.git)$/.test(p) });
  mkdirSync(join(dir, '.cargo'), { recursive: true });
  writeFileSync(join(dir, '.cargo/config.toml'), CARGO_CONFIG);
  const file = join(dir, c.file);
  // Other files of the crate opened beside the chosen one for the memory figure: the largest.
  const others = walkRs(join(dir, 'src'))
    .filter((f) => f.path !== file)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 9)
    .map((f) => f.path);
  return { name: c.name, label: `${c.name} ${src.split('-').at(-1)}`, dir, file, others, ...describe(dir), sites: sites(file, c) };
}

// ---------------------------------------------------------------------------------------------
// The generated 20 MB crate.

function rng(seed) {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

const WORDS = 'frame buffer record header entry table index offset length cursor block segment chunk region page slot node edge token span range window queue batch packet stream channel section symbol relocation section string value'.split(' ');
const VERBS = 'reads writes holds keeps tracks maps counts owns describes marks'.split(' ');

function sentence(r, words = 8) {
  const w = Array.from({ length: words }, () => WORDS[r(WORDS.length)]);
  w.splice(1, 0, VERBS[r(VERBS.length)]);
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

const modPath = (i) => `g${Math.floor(i / 100)}::m${String(i % 100).padStart(2, '0')}`;

/** One module file of about `target` bytes; types of modules `deps` (all < i) are used by value. */
function genModule(i, target, r) {
  const deps = [];
  for (let k = 0; k < 3 && i > 0; k++) {
    const j = Math.max(0, i - 1 - r(Math.min(i, 120)));
    if (!deps.includes(j)) deps.push(j);
  }
  const out = [];
  out.push(`//! Module ${i}: ${sentence(r)}\n//!\n//! ${sentence(r, 14)} ${sentence(r, 10)}\n\n`);
  out.push('use std::collections::HashMap;\nuse std::fmt;\n');
  for (const j of deps) out.push(`use crate::${modPath(j)}::{Header${j}, Kind${j}, Record${j}};\n`);
  const dep = deps[0];
  const prims = ['u8', 'u16', 'u32', 'u64', 'i32', 'i64', 'f32', 'f64', 'bool', 'char', 'usize'];
  const fieldType = (k) => {
    const x = r(16);
    if (x < 7) return prims[r(prims.length)];
    if (x === 7) return 'String';
    if (x === 8) return `Vec<Header${i}>`;
    if (x === 9) return `Option<Box<Item${i}_${Math.max(0, k - 1)}>>`;
    if (x === 10 && dep !== undefined) return `Header${dep}`;
    if (x === 11 && dep !== undefined) return `Kind${deps[r(deps.length)]}`;
    if (x === 12) return `[u8; ${1 + r(32)}]`;
    if (x === 13) return `Option<u${8 << r(4)}>`;
    if (x === 14) return `(u32, u16)`;
    return `Kind${i}`;
  };
  out.push(`
/// Header ${i}: ${sentence(r)}
///
/// ${sentence(r, 12)}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct Header${i} {
    /// ${sentence(r, 5)}
    pub kind: u16,
    /// ${sentence(r, 5)}
    pub flags: u8,
    /// ${sentence(r, 5)}
    pub len: u32,
    /// ${sentence(r, 5)}
    pub offset: u64,
}

/// Kind ${i}: ${sentence(r)}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind${i} {
    /// ${sentence(r, 4)}
    Empty,
    /// ${sentence(r, 4)}
    Small(u8),
    /// ${sentence(r, 4)}
    Pair { left: u16, right: u32 },
    /// ${sentence(r, 4)}
    Wide(u64),
}
`);
  const items = 6 + r(6);
  for (let k = 0; k < items; k++) {
    if (r(4) === 0) {
      out.push(`\n/// Event ${i}.${k}: ${sentence(r)}\n#[derive(Debug, Clone)]\npub enum Item${i}_${k} {\n`);
      const n = 2 + r(5);
      for (let v = 0; v < n; v++) {
        const shape = r(3);
        out.push(`    /// ${sentence(r, 5)}\n`);
        if (shape === 0) out.push(`    V${v},\n`);
        else if (shape === 1) out.push(`    V${v}(${fieldType(k)}),\n`);
        else out.push(`    V${v} { a: ${fieldType(k)}, b: ${fieldType(k)} },\n`);
      }
      out.push('}\n');
    } else {
      out.push(`\n/// Item ${i}.${k}: ${sentence(r)}\n///\n/// ${sentence(r, 12)}\n${r(3) === 0 ? '#[repr(C)]\n' : ''}#[derive(Debug, Clone)]\npub struct Item${i}_${k} {\n`);
      const n = 2 + r(8);
      for (let f = 0; f < n; f++) out.push(`    /// ${sentence(r, 6)}\n    pub ${WORDS[r(WORDS.length)]}_${f}: ${fieldType(k)},\n`);
      out.push('}\n');
    }
  }
  out.push(`
/// Record ${i}: ${sentence(r)}
///
/// ${sentence(r, 12)} ${sentence(r, 9)}
#[derive(Debug, Clone)]
pub struct Record${i} {
    /// ${sentence(r, 5)}
    pub header: Header${i},
    /// ${sentence(r, 5)}
    pub kind: Kind${i},
    /// ${sentence(r, 5)}
    pub name: String,
    /// ${sentence(r, 5)}
    pub tags: Vec<String>,
${dep !== undefined ? `    /// ${sentence(r, 5)}\n    pub parent: Option<Box<Record${dep}>>,\n    /// ${sentence(r, 5)}\n    pub link: Header${dep},\n` : ''}    /// ${sentence(r, 5)}
    pub counts: HashMap<String, u64>,
    /// ${sentence(r, 5)}
    pub first: Item${i}_0,
    /// ${sentence(r, 5)}
    pub score: f64,
}

impl Header${i} {
    /// ${sentence(r, 6)}
    pub const SIZE: usize = 16;

    /// ${sentence(r, 6)}
    pub fn new(kind: u16, len: u32) -> Self {
        Header${i} { kind, flags: 0, len, offset: 0 }
    }

    /// ${sentence(r, 6)}
    pub fn end(&self) -> u64 {
        self.offset + u64::from(self.len)
    }

    /// ${sentence(r, 6)}
    pub fn is_empty(&self) -> bool {
        self.len == 0 && self.flags & 1 == 0
    }
}

impl Record${i} {
    /// ${sentence(r, 6)}
    pub fn total(&self) -> u64 {
        let mut sum = self.header.end();
        for (name, count) in &self.counts {
            if name.starts_with("${WORDS[r(WORDS.length)]}") {
                sum = sum.wrapping_add(*count);
            }
        }
        sum
    }

    /// ${sentence(r, 6)}
    pub fn weight(&self) -> f64 {
        match self.kind {
            Kind${i}::Empty => 0.0,
            Kind${i}::Small(x) => f64::from(x) * self.score,
            Kind${i}::Pair { left, right } => f64::from(left) + f64::from(right),
            Kind${i}::Wide(w) => w as f64 / 2.0,
        }
    }
}

impl fmt::Display for Record${i} {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} tags, {:?})", self.name, self.tags.len(), self.kind)
    }
}
`);
  let size = out.reduce((s, x) => s + x.length, 0);
  for (let fnk = 0; size < target; fnk++) {
    const w = WORDS[r(WORDS.length)];
    const body = `
/// ${sentence(r)}
///
/// ${sentence(r, 10)}
pub fn ${w}_${fnk}(records: &[Record${i}], limit: usize) -> Vec<(String, u64)> {
    let mut out = Vec::with_capacity(records.len().min(limit));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (n, record) in records.iter().enumerate() {
        if n >= limit {
            break;
        }
        let entry = seen.entry(record.name.as_str()).or_insert(0);
        *entry += 1;
        let total = match record.kind {
            Kind${i}::Empty => 0,
            Kind${i}::Small(x) => u64::from(x) << ${r(8)},
            Kind${i}::Pair { left, right } => u64::from(left) * u64::from(right),
            Kind${i}::Wide(w) => w.rotate_left(${r(31) + 1}),
        };
        // ${sentence(r, 7)}
        if total > ${r(10000)} && !record.header.is_empty() {
            out.push((format!("{}-{}", record.name, entry), total + record.total()));
        }
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}
`;
    out.push(body);
    size += body.length;
  }
  out.push(`
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_end() {
        let h = Header${i}::new(${r(100)}, ${r(1000)});
        assert_eq!(h.end(), ${'u64::from(h.len)'});
    }
}
`);
  return out.join('');
}

/** Writes the generated crate (about `totalBytes`, 1,000 files) into `<root>/gen20`. */
function prepareGenerated(root, totalBytes = 20_000_000) {
  const dir = join(root, 'gen20');
  const r = rng(20_2611);
  const files = 1000;
  const avg = totalBytes / files;
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "gen20"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n');
  mkdirSync(join(dir, '.cargo'), { recursive: true });
  writeFileSync(join(dir, '.cargo/config.toml'), CARGO_CONFIG);
  const groups = files / 100;
  writeFileSync(
    join(dir, 'src/lib.rs'),
    `//! A generated crate for the in-crate bench: ${files} modules in ${groups} folders.\n#![allow(dead_code)]\n\n${Array.from({ length: groups }, (_, g) => `/// Group ${g}.\npub mod g${g};\n`).join('')}`,
  );
  for (let g = 0; g < groups; g++) {
    mkdirSync(join(dir, `src/g${g}`), { recursive: true });
    writeFileSync(join(dir, `src/g${g}/mod.rs`), `//! Group ${g}.\n\n${Array.from({ length: 100 }, (_, m) => `pub mod m${String(m).padStart(2, '0')};\n`).join('')}`);
    for (let m = 0; m < 100; m++) {
      const i = g * 100 + m;
      // Sizes vary like a real crate's: from a third to 1.65 times the average.
      const target = avg * (0.35 + (r(1000) / 1000) * 1.3);
      writeFileSync(join(dir, `src/g${g}/m${String(m).padStart(2, '0')}.rs`), genModule(i, target, r));
    }
  }
  const file = join(dir, 'src/g5/m50.rs');
  const others = [0, 1, 2, 3, 4, 6, 7, 8, 9].map((g) => join(dir, `src/g${g}/m50.rs`));
  const c = { hover: 'Record550', field: { decl: /\bstruct Header550\b/, pattern: /kind: (u16)/, to: 'u32', hover: 'Record550' } };
  return { name: 'gen20', label: 'generated 20 MB', dir, file, others, ...describe(dir), sites: sites(file, c) };
}

// ---------------------------------------------------------------------------------------------
// The package with a large dependency graph.

const DEPS_MANIFEST = `[package]
name = "deps"
version = "0.1.0"
edition = "2021"

[dependencies]
hyper = { version = "0.14", features = ["full"] }
h2 = "0.3"
tokio = { version = "1", features = ["full"] }
tokio-util = { version = "0.7", features = ["full"] }
tracing-subscriber = "0.3"
rustls = "0.20"
clap = "4"
regex = "1"
serde_json = "1"
toml_edit = "0.14"
ignore = "0.4"
`;

const DEPS_LIB = `//! A service made of many dependencies (written by the in-crate bench).
//!
//! Each type below holds types of one or more dependency crates, so laying it out reads
//! those crates (and theirs) from the directory source.

use std::collections::HashMap;

/// Counters kept for each connection.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Requests served.
    pub requests: u16,
    /// Requests that failed.
    pub errors: u32,
    /// Bytes written.
    pub bytes: u64,
}

/// The HTTP side.
pub struct Http {
    /// The client.
    pub client: hyper::Client<hyper::client::HttpConnector>,
    /// A body being read.
    pub body: hyper::Body,
    /// The status of the last response.
    pub status: hyper::StatusCode,
}

/// An HTTP/2 stream.
pub struct Stream {
    /// Where requests go.
    pub send: h2::client::SendRequest<hyper::body::Bytes>,
    /// The reason of the last reset.
    pub reason: h2::Reason,
}

/// Framing.
pub struct Codecs {
    /// Length-prefixed frames.
    pub frames: tokio_util::codec::LengthDelimitedCodec,
    /// Lines.
    pub lines: tokio_util::codec::LinesCodec,
    /// Cancellation.
    pub cancel: tokio_util::sync::CancellationToken,
}

/// Logging.
pub struct Logging {
    /// The level filter.
    pub level: tracing_subscriber::filter::LevelFilter,
    /// Format options.
    pub format: tracing_subscriber::fmt::format::Format,
}

/// TLS.
pub struct Tls {
    /// The client's configuration.
    pub config: rustls::ClientConfig,
    /// The server name.
    pub name: rustls::ServerName,
}

/// The command line.
pub struct Cli {
    /// The command.
    pub command: clap::Command,
    /// Parsed matches.
    pub matches: clap::ArgMatches,
}

/// Patterns.
pub struct Patterns {
    /// One pattern.
    pub one: regex::Regex,
    /// Many.
    pub set: regex::RegexSet,
    /// Over bytes.
    pub bytes: regex::bytes::Regex,
}

/// Documents.
pub struct Documents {
    /// A JSON value.
    pub json: serde_json::Value,
    /// A JSON object.
    pub object: serde_json::Map<String, serde_json::Value>,
    /// A TOML document.
    pub toml: toml_edit::Document,
}

/// Walking a tree.
pub struct Walk {
    /// The walker's builder.
    pub builder: ignore::WalkBuilder,
    /// Overrides.
    pub overrides: ignore::overrides::Override,
}

/// The runtime.
pub struct Runtime {
    /// The runtime.
    pub runtime: tokio::runtime::Runtime,
    /// A channel.
    pub tx: tokio::sync::mpsc::Sender<u64>,
    /// A notification.
    pub notify: tokio::sync::Notify,
    /// A timer.
    pub interval: tokio::time::Interval,
}

/// Everything.
pub struct Service {
    /// Counters.
    pub stats: Stats,
    /// Per-route counters.
    pub routes: HashMap<String, Stats>,
    /// Documents.
    pub documents: Documents,
    /// Walking the tree.
    pub walk: Walk,
    /// The command line.
    pub cli: Cli,
}
`;

function prepareDeps(root, cargoHome) {
  const dir = join(root, 'deps');
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, '.cargo'), { recursive: true });
  writeFileSync(join(dir, 'Cargo.toml'), DEPS_MANIFEST);
  writeFileSync(join(dir, '.cargo/config.toml'), CARGO_CONFIG);
  writeFileSync(join(dir, 'src/lib.rs'), DEPS_LIB);
  const file = join(dir, 'src/lib.rs');
  const c = { hover: 'Service', field: { decl: /\bstruct Stats\b/, pattern: /requests: (u16)/, to: 'u32', hover: 'Service' } };
  const crates = graphSize(dir, cargoHome);
  return { name: 'deps', label: crates ? `${crates}-crate graph` : 'dependency graph', graphCrates: crates, dir, file, others: [], ...describe(dir), sites: sites(file, c) };
}

/**
 * How many crates cargo's graph of the package has for x86_64 Linux (normal dependencies, the
 * package included): `cargo tree`, offline, through the package's .cargo/config.toml. Undefined
 * without cargo. Cargo.lock is written into the package as cargo resolved it.
 */
function graphSize(dir, cargoHome) {
  const r = spawnSync('cargo', ['tree', '--offline', '-e', 'normal', '--prefix', 'none', '--target', 'x86_64-unknown-linux-gnu'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CARGO_HOME: cargoHome },
  });
  if (r.status !== 0) return undefined;
  return new Set(r.stdout.split('\n').map((l) => l.replace(/ \(\*\)$/, '').trim()).filter(Boolean)).size;
}

/** Every corpus (or those named in `only`), made under `root`. */
export function prepareCorpora(root, { only, cargoHome, log = (m) => console.error(m) } = {}) {
  const want = (n) => !only || only.includes(n);
  const out = [];
  for (const c of REAL) if (want(c.name)) out.push(prepareReal(root, c, log));
  if (want('gen20')) out.push(prepareGenerated(root, Number(process.env.RLL_BENCH_GEN_BYTES ?? 20_000_000)));
  if (want('deps')) out.push(prepareDeps(root, cargoHome ?? join(root, '.cargo-home')));
  return out;
}
