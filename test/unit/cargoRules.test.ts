/**
 * Rules that only show in a cargo package (a build script, dependencies, modules that import
 * from each other), each a small package built by `cargo rustc -- -Zprint-type-sizes` offline
 * (dependencies from Debian's registry, as in test/unit/depCrates.test.ts) and compared with
 * the CLI type by type: no number rustc does not give, and for each rule the types named must be
 * exact or say they do not know.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatSummary, type TypeVerdict } from '../oracle/compare';
import { checkCrate } from '../oracle/real-crates';
import { buildCfgs } from '../../src/cargo/buildScripts';
import { NodeFs } from '../../src/platform/nodeFs';
import { getTarget } from '../../src/core/targets';
import type { FeatureSelection } from '../../src/cargo/graph';
import { typenumConsts } from '../../src/cargo/typenum';
import { REGISTRY, cargoTargetCache, registryStamp } from './cargoTargetCache';

const ROOT = join(__dirname, '../../..');

interface Rule {
  readonly files: Readonly<Record<string, string>>;
  /** Types that must be exact. */
  readonly exact: readonly string[];
  /** Types that must say they do not know, with a reason matching the pattern. */
  readonly abstain?: readonly (readonly [string, RegExp])[];
  /** More checks once the package is built (its cargo target directory given). */
  readonly check?: (targetDir: string) => void;
  /** The root's features, given alike to cargo and to the CLI (`--features`…). */
  readonly features?: FeatureSelection;
}

/** The cfgs a dependency's build script printed in this build (`target/…/build/<pkg>-<hash>/output`). */
function printedCfgs(targetDir: string, pkg: string): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = join(d, e.name);
      if (e.name.startsWith(`${pkg}-`) && /-[0-9a-f]{16}$/.test(e.name) && existsSync(join(p, 'output'))) found.push(join(p, 'output'));
      else if (depth < 4) walk(p, depth + 1);
    }
  };
  walk(targetDir, 0);
  assert.ok(found.length > 0, `no build output of ${pkg} under ${targetDir}`);
  const text = readFileSync(found[0]!, 'utf8');
  return [...text.matchAll(/^cargo::?rustc-cfg=(.*)$/gm)].map((m) => m[1]!.replace(/\\"/g, '"')).sort();
}

function manifest(name: string, deps = ''): string {
  return `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n${deps}`;
}

const RULES: Readonly<Record<string, Rule>> = {
  "a std trait named where a type goes, without `dyn`, is a trait object in the 2015 and 2018 editions (clap 2's `&'a mut Write`): imported, imported under another name, through std's module, by the prelude; a crate's type of a trait's name is that type": {
    files: {
      'Cargo.toml': manifest('bare15').replace('edition = "2021"', 'edition = "2015"'),
      'src/lib.rs': `#![allow(bare_trait_objects, dead_code)]
use std::io::{self, Read, Write as W};
use std::fmt;
use std::hash::Hasher;
pub struct A<'a> { w: &'a mut W, r: &'a mut Read }
pub struct B { w: Box<fmt::Debug>, d: Box<::std::fmt::Display> }
pub struct C { w: Option<Box<Iterator<Item = u8>>>, h: Box<Hasher> }
pub struct D<'a> { w: &'a io::BufRead, s: *const Send, t: &'a ToString }
pub struct E { w: Box<std::any::Any>, p: Box<PartialEq<u8>>, x: u16 }
pub struct F { a: std::rc::Rc<AsRef<str>>, b: Box<DoubleEndedIterator<Item = String>> }
pub struct G { a: Box<std::ops::Add<u8, Output = u8>>, b: Box<fmt::LowerHex>, c: u8 }
pub mod m {
    pub struct Debug(pub u8);
    pub struct Inner { pub a: Debug, pub b: Box<::std::fmt::Debug> }
}
`,
    },
    exact: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'Debug', 'Inner'],
  },
  "a std trait named through two globs: `use super::*;` in a module whose parent has `use std::io::prelude::*;` (zip's `ZipWriter<W: Write + Seek>`: `File: Write` was unknown); not when a glob on the way is another crate's": {
    files: {
      'Cargo.toml': manifest('glob2', 'cfg-if = "1"\n').replace('edition = "2021"', 'edition = "2018"'),
      'src/lib.rs': `#![allow(dead_code, unused_imports)]
pub mod w {
    use std::io::prelude::*;
    pub struct Top<W: Write>(pub W, pub u8);
    pub mod inner {
        use super::*;
        pub struct B<W: Write + Seek>(pub W, pub u8);
        pub struct C(pub B<std::fs::File>);
        pub struct D(pub B<std::io::Cursor<Vec<u8>>>);
        pub mod deeper {
            use super::*;
            pub struct R<T: BufRead>(pub T);
            pub struct E(pub R<std::io::BufReader<std::fs::File>>, pub B<std::fs::File>);
        }
    }
}
pub mod x {
    use cfg_if::*;
    use std::io::prelude::*;
    pub mod inner {
        use super::*;
        pub struct F<W: Write>(pub W);
        pub struct G(pub F<std::fs::File>);
    }
}
`,
    },
    exact: ['C', 'D', 'E'],
    abstain: [['G', /Write/]],
  },
  "a registry dependency's trait holds where the engine cannot tell (its impls are often macro-made): `regex_automata::Regex` with its default `DenseDFA<Vec<usize>, usize>` for `D: DFA`, or with that argument written, is laid out": {
    files: {
      'Cargo.toml': manifest('trustdep', 'regex-automata = "0.1"\n'),
      'src/lib.rs': `pub struct Defaulted(pub regex_automata::Regex, pub u8);
pub struct Written(pub regex_automata::Regex<regex_automata::DenseDFA<Vec<usize>, usize>>);
pub struct Dfa(pub regex_automata::DenseDFA<Vec<usize>, usize>);
`,
    },
    exact: ['Defaulted', 'Written', 'Dfa'],
  },
  "a 2015 module's `use lib::*;` names the crate root's `lib` (serde's): the prelude's `Iterator`, `IntoIterator` and `FromStr` in a bound there are std's (serde_urlencoded's `MapDeserializer<'de, PartIterator<'de>, Error>` was unknown)": {
    files: {
      'Cargo.toml': manifest('glob15').replace('edition = "2021"', 'edition = "2015"'),
      'src/lib.rs': `#![allow(dead_code, unused_imports)]
mod lib {
    mod core {
        pub use std::*;
    }
    pub use self::core::{cmp, iter, mem};
}
pub mod value {
    use lib::*;
    pub struct MapD<I> where I: Iterator { pub it: I, pub n: u8 }
    pub struct Into<I: IntoIterator>(pub I, pub u16);
    pub struct Parse<P: ::std::str::FromStr>(pub P);
}
pub struct It(pub u32);
impl Iterator for It { type Item = u8; fn next(&mut self) -> Option<u8> { None } }
pub struct S(pub value::MapD<It>);
pub struct T(pub value::Into<Vec<u64>>, pub value::MapD<::std::vec::IntoIter<u8>>);
pub struct U(pub value::Parse<u32>, pub value::Parse<String>);
`,
    },
    exact: ['It', 'S', 'T', 'U'],
  },
  "bare trait objects in the 2018 edition: std's `io::Write` (clap 2's help writer, unknown before), `Error`, `Fn`, a crate's own trait": {
    files: {
      'Cargo.toml': manifest('bare18').replace('edition = "2021"', 'edition = "2018"'),
      'src/lib.rs': `#![allow(bare_trait_objects, dead_code)]
use std::io::Write;
use std::error::Error;
pub trait Tr { fn f(&self); }
pub trait WithType { type X; }
pub struct Help<'a> { writer: &'a mut Write, next_line: bool, term_w: usize }
pub struct Errs { e: Vec<Box<Error + Send + Sync>>, f: Option<Box<Fn(u8) -> u8>> }
pub struct Own<'a> { t: &'a Tr, w: Box<WithType<X = u8>>, n: u8 }
`,
    },
    exact: ['Help', 'Errs', 'Own'],
  },
  "a cfg the crate's build script sets (not run here) gates type aliases, constants, modules, imports, `cfg_attr(.., repr)` and `cfg_if!` branches: what depends on it says so, never the default's number": {
    files: {
      'Cargo.toml': manifest('bscfg', 'cfg-if = "1"\n'),
      'build.rs': 'fn main() {\n    println!("cargo::rustc-check-cfg=cfg(wide)");\n    if std::env::var("CARGO_PKG_NAME").is_ok() {\n        println!("cargo::rustc-cfg=wide");\n    }\n}\n',
      'src/lib.rs': `#[cfg(wide)]
pub type M = u64;
#[cfg(not(wide))]
pub type M = u32;
pub struct ViaAlias {
    pub a: M,
}

#[cfg(wide)]
const N: usize = 16;
#[cfg(not(wide))]
const N: usize = 4;
pub struct ViaConst {
    pub a: [u8; N],
}

#[cfg(wide)]
mod imp {
    pub struct Inner(pub u64);
}
#[cfg(not(wide))]
mod imp {
    pub struct Inner(pub u8);
}
pub struct ViaModule(pub imp::Inner);

#[cfg(wide)]
use std::sync::atomic::AtomicU64 as Word;
#[cfg(not(wide))]
use std::sync::atomic::AtomicU8 as Word;
pub struct ViaUse(pub Word);

#[cfg_attr(wide, repr(align(16)))]
pub struct ViaCfgAttr {
    pub a: u8,
}

cfg_if::cfg_if! {
    if #[cfg(wide)] {
        pub struct ViaCfgIf(pub u128);
    } else {
        pub struct ViaCfgIf(pub u8);
    }
}
pub struct HoldsCfgIf(pub ViaCfgIf, pub u8);

#[cfg(wide)]
pub struct OnlyWide(pub u64);

#[cfg_attr(wide, derive(Debug))]
pub struct Plain {
    pub a: u8,
    pub b: u32,
}
`,
    },
    exact: ['Plain'],
    abstain: ['OnlyWide', 'ViaAlias', 'ViaConst', 'ViaModule', 'Inner', 'ViaUse', 'ViaCfgAttr', 'ViaCfgIf', 'HoldsCfgIf'].map((n) => [n, /build script/] as const),
  },
  'a build script that turns on a feature of its package (`cargo:rustc-cfg=feature="x"`) or prints cfg names it makes at run time (`rustc-cfg={}`): what they gate says so': {
    files: {
      'Cargo.toml': manifest('bsfeat') + '\n[features]\nfast = []\n',
      'build.rs': 'fn main() {\n    println!("cargo::rustc-check-cfg=cfg(made_up)");\n    println!("cargo:rustc-cfg=feature=\\"fast\\"");\n    for name in ["made", "up"] {\n        if name == "made" {\n            println!("cargo:rustc-cfg={}_up", name);\n        }\n    }\n}\n',
      'src/lib.rs': `pub struct ByFeature {
    pub a: u8,
    #[cfg(feature = "fast")]
    pub table: [u64; 4],
}
#[cfg(made_up)]
pub type Word = u64;
#[cfg(not(made_up))]
pub type Word = u16;
pub struct ByMadeName(pub Word, pub u8);
#[cfg(all(unix, not(unix)))]
pub struct Never(pub u8);
pub struct Plain2 {
    pub a: u16,
    #[cfg(test)]
    pub only_in_tests: u64,
    #[cfg(debug_assertions)]
    pub checked: u8,
}
`,
    },
    exact: ['Plain2'],
    abstain: [
      ['ByFeature', /`cfg\(feature="fast"\)` is set or not by bsfeat's build script/],
      ['ByMadeName', /names made at run time/],
    ],
  },
  "a glob import brings in only what is visible where it is written: not a module's private items or its private `use`s; `pub(crate)` and `pub(super)` ones, and everything to `use super::*`": {
    files: {
      'Cargo.toml': manifest('globvis'),
      'src/lib.rs': `#![allow(dead_code, unused_imports)]
mod a {
    struct Error([u8; 100]);
    pub struct FromA(pub u16);
}
pub use a::*;
mod b {
    pub enum Error {
        X(u64),
    }
}
pub use b::*;
pub struct HoldsError(pub Error, pub FromA);

mod c {
    use std::fmt::Error as Failure;
    pub struct FromC(pub u8);
}
mod d {
    pub struct Failure([u64; 3]);
}
use c::*;
use d::*;
pub(crate) struct HoldsFailure(Failure, FromC);

mod e {
    pub(crate) struct ForCrate(pub u16);
    pub mod f {
        pub(super) struct ForParent(pub u32);
        pub(in crate::e) struct ForE(pub [u8; 3]);
    }
    pub use self::f::*;
    pub(crate) struct HoldsF(pub ForParent, pub ForE);
}
use e::*;
pub(crate) struct HoldsCrate(ForCrate, HoldsF);

struct Parent(u64);
mod g {
    use super::*;
    pub(crate) struct Child(pub Parent, pub u8);
}
pub(crate) use g::Child;
`,
    },
    exact: ['HoldsError', 'HoldsFailure', 'HoldsF', 'HoldsCrate', 'Child'],
  },
  "associated types from the crate's impls: an array's (`A::Item` with `A = [T; N]`, one impl per length or one for every `N`, as smallvec writes them), a std adapter's over the crate's own iterator (`Peekable<Pairs>`), and one of an impl for references (`<&'a Bag as IntoIterator>::IntoIter`)": {
    files: {
      'Cargo.toml': manifest('arrays'),
      'src/lib.rs': `#![allow(dead_code)]
pub trait Array {
    type Item;
}
macro_rules! impl_array {
    ($($n:expr),*) => { $( impl<T> Array for [T; $n] { type Item = T; } )* };
}
impl_array!(1, 2, 4, 8);
pub struct Small<A: Array> {
    len: usize,
    first: Option<A::Item>,
    data: A,
}
pub struct UsesSmall(pub Small<[u16; 4]>, pub Small<[u8; 1]>);
pub trait Generic {
    type Elem;
}
impl<T, const N: usize> Generic for [T; N] {
    type Elem = (T, [u8; N]);
}
pub struct G<A: Generic>(pub A::Elem);
pub struct UsesG(pub G<[u32; 3]>, pub u8);

// A std adapter over the crate's own iterator: Peekable<I> holds an Option<Option<I::Item>>.
pub struct Pairs<'a>(std::str::Chars<'a>);
impl<'a> Iterator for Pairs<'a> {
    type Item = (u8, u64);
    fn next(&mut self) -> Option<(u8, u64)> {
        None
    }
}
pub struct HoldsPeekable<'a>(pub std::iter::Peekable<Pairs<'a>>, pub u8);

// An impl for references to a type (serde_json's \`impl<'a> IntoIterator for &'a Map<..>\`).
pub struct Bag {
    items: Vec<u32>,
}
pub struct BagIter<'a> {
    inner: std::slice::Iter<'a, u32>,
    n: u8,
}
impl<'a> Iterator for BagIter<'a> {
    type Item = &'a u32;
    fn next(&mut self) -> Option<&'a u32> {
        self.inner.next()
    }
}
impl<'a> IntoIterator for &'a Bag {
    type Item = &'a u32;
    type IntoIter = BagIter<'a>;
    fn into_iter(self) -> BagIter<'a> {
        BagIter { inner: self.items.iter(), n: 0 }
    }
}
pub struct HoldsRefIter<'a>(pub <&'a Bag as IntoIterator>::IntoIter, pub u16);
`,
    },
    exact: ['UsesSmall', 'UsesG', 'HoldsPeekable', 'HoldsRefIter'],
  },
  "associated constants: a trait impl's (`Header::SIZE`, `<Header as Sized2>::SIZE`), an inherent one before a trait's of the same name, and unknown when several impls define the name (`<W<u16> as Sized2>::SIZE` with impls for W<u8> and W<u16>)": {
    files: {
      'Cargo.toml': manifest('assocconst'),
      'src/lib.rs': `pub trait Sized2 {
    const SIZE: usize;
}
pub struct Header;
impl Sized2 for Header {
    const SIZE: usize = 12;
}
pub struct ViaTrait {
    pub a: [u8; Header::SIZE],
}
pub struct ViaQualified {
    pub a: [u16; <Header as Sized2>::SIZE],
}
pub struct Both;
impl Both {
    pub const K: usize = 3;
}
pub trait HasK {
    const K: usize;
}
impl HasK for Both {
    const K: usize = 9;
}
pub struct InherentFirst {
    pub a: [u8; Both::K],
}
pub struct TraitNamed {
    pub a: [u8; <Both as HasK>::K],
}
pub struct W<T>(pub T);
impl Sized2 for W<u8> {
    const SIZE: usize = 1;
}
impl Sized2 for W<u16> {
    const SIZE: usize = 2;
}
pub struct Instantiated {
    pub a: [u8; <W<u16> as Sized2>::SIZE],
}
// \`Self\` in a field's array length is the type itself (base64ct's BlockBuffer).
pub struct SelfSized {
    pub a: [u8; Self::SIZE],
    pub b: u16,
}
impl SelfSized {
    const SIZE: usize = 5;
}
`,
    },
    exact: ['ViaTrait', 'ViaQualified', 'InherentFirst', 'TraitNamed', 'SelfSized'],
    abstain: [['Instantiated', /defined by 2 impls/]],
  },
  "macros in type position (`Token![;]`, `Pair!(u8, u32)`), and `$crate` in a macro that another macro defines: the defining crate's, while a written `crate` is the calling crate's (syn's `Token!` is made so)": {
    files: {
      'Cargo.toml': manifest('typemac', 'hyga = { path = "../hyga" }\n'),
      '../hyga/Cargo.toml': manifest('hyga'),
      '../hyga/src/lib.rs': `pub mod m {
    pub struct X(pub u8);
}
pub mod token {
    pub struct Semi(pub [u32; 1]);
}
#[macro_export]
macro_rules! lit {
    () => { crate::m::X };
}
macro_rules! outer {
    ($($rule:tt)*) => {
        #[macro_export]
        macro_rules! Token {
            [;] => { $crate::token::Semi };
            $($rule => { $crate::m::X };)*
        }
    };
}
outer! { [x] }
pub struct Own(pub Token![;], pub Token![x]);
`,
      'src/lib.rs': `#![allow(dead_code)]
pub mod m {
    pub struct X(pub [u64; 4]);
}
pub mod token {
    pub struct Semi(pub [u64; 2]);
}
use hyga::Token;
pub struct ViaLit(pub hyga::lit!());
pub struct ViaToken(pub Token![;], pub u8);
pub struct ViaTokenX(pub Token![x]);
macro_rules! Pair {
    ($a:ty, $b:ty) => { ($a, $b) };
}
pub struct Local {
    pub a: Pair!(u8, u32),
    pub b: Vec<Pair!(u16, Token![;])>,
}
// A struct an item macro writes, naming a macro its module imports (syn-mid's ast_struct!).
mod inner {
    use hyga::Token;
    macro_rules! ast {
        ($($t:tt)*) => { $($t)* };
    }
    ast! {
        pub struct InExpansion {
            pub semi: Token![;],
            pub x: Token![x],
        }
    }
}
`,
    },
    exact: ['ViaLit', 'ViaToken', 'ViaTokenX', 'Local', 'InExpansion'],
  },
  "`Cow` of a crate's own type: the type itself when it is Clone (derived or implemented), else the crate's `ToOwned` impl's `Owned`": {
    files: {
      'Cargo.toml': manifest('cowown'),
      'src/lib.rs': `#![allow(dead_code)]
use std::borrow::Cow;
#[derive(Clone)]
pub struct Big {
    pub a: [u64; 4],
}
pub struct ByDerive<'a>(pub Cow<'a, Big>, pub u8);
pub struct Manual {
    pub a: u16,
}
impl Clone for Manual {
    fn clone(&self) -> Self {
        Manual { a: self.a }
    }
}
pub struct ByImpl<'a>(pub Cow<'a, Manual>);
pub struct Borrowed {
    pub x: u8,
}
pub struct OwnedForm {
    pub v: Vec<u8>,
    pub w: u32,
}
impl std::borrow::Borrow<Borrowed> for OwnedForm {
    fn borrow(&self) -> &Borrowed {
        unimplemented!()
    }
}
impl ToOwned for Borrowed {
    type Owned = OwnedForm;
    fn to_owned(&self) -> OwnedForm {
        unimplemented!()
    }
}
pub struct ByToOwned<'a>(pub Cow<'a, Borrowed>);
`,
    },
    exact: ['ByDerive', 'ByImpl', 'ByToOwned'],
  },
  "constants named by a path with a leading `::` in array lengths: the crate root's in the 2015 edition (libc's `[c_char; ::IFNAMSIZ]`, the constant defined inside `cfg_if!` and reached through `pub use unix::*`), a module's through `::unix::N`": {
    files: {
      'Cargo.toml': manifest('globconst', 'cfg-if = "1"\n').replace('edition = "2021"', 'edition = "2015"'),
      'src/lib.rs': `#[macro_use]
extern crate cfg_if;
pub type c_char = i8;
pub type size_t = usize;
cfg_if! {
    if #[cfg(unix)] {
        mod unix;
        pub use unix::*;
    }
}
pub struct AtRoot { pub name: [c_char; ::IFNAMSIZ], pub n: u32 }
`,
      'src/unix/mod.rs': `cfg_if! {
    if #[cfg(not(any(target_os = "haiku", target_os = "illumos")))] {
        pub const IF_NAMESIZE: ::size_t = 16;
        pub const IFNAMSIZ: ::size_t = IF_NAMESIZE;
    }
}
pub const WIDE: usize = 24;
mod linux;
pub use self::linux::*;
`,
      'src/unix/linux.rs': `pub struct Ifreq { pub name: [::c_char; ::IFNAMSIZ], pub x: u32 }
pub struct ThroughModule { pub name: [u8; ::unix::WIDE], pub x: u16 }
pub struct ViaSuper { pub name: [::c_char; super::IF_NAMESIZE + 1] }
`,
    },
    exact: ['AtRoot', 'Ifreq', 'ThroughModule', 'ViaSuper'],
  },
  'a build script that prints `key="value"` cfgs (openssl\'s `osslconf="OPENSSL_NO_…"`), with the value made at run time or written: what `cfg(key = "value")` gates says so; a pair it never prints is unset': {
    files: {
      'Cargo.toml': manifest('kvcfg'),
      'build.rs': `fn main() {
    println!("cargo::rustc-check-cfg=cfg(mode, values(\\"wide\\", \\"narrow\\"))");
    println!("cargo::rustc-check-cfg=cfg(lit, values(\\"on\\", \\"off\\"))");
    let v = if std::env::var("CARGO_PKG_NAME").is_ok() { "wide" } else { "narrow" };
    println!("cargo:rustc-cfg=mode=\\"{}\\"", v);
    println!("cargo:rustc-cfg=lit=\\"on\\"");
}
`,
      'src/lib.rs': `#[cfg(mode = "wide")]
pub type W = u64;
#[cfg(not(mode = "wide"))]
pub type W = u8;
pub struct ByMode { pub a: W, pub b: u8 }
pub struct ByLit {
    #[cfg(lit = "on")]
    pub on: [u8; 24],
    pub b: u8,
}
pub struct NeverPrinted {
    #[cfg(lit = "off")]
    pub off: [u8; 24],
    pub b: u16,
}
`,
    },
    exact: ['NeverPrinted'],
    abstain: [
      ['ByMode', /mode/],
      ['ByLit', /lit/],
    ],
  },
  "openssl's own `vendored` feature decides nothing: whether OpenSSL is vendored is openssl-sys's feature (Debian's openssl defines `vendored = []`, so the system OpenSSL is still the one read; hunt M)": {
    files: {
      'Cargo.toml': manifest('sslvendored', 'openssl = { version = "0.10", features = ["vendored"] }\n'),
      'src/lib.rs': `pub struct Tls { pub ctx: openssl::ssl::SslContext, pub ssl: openssl::ssl::Ssl, pub md: openssl::hash::MessageDigest, pub hasher: openssl::hash::Hasher, pub sha: openssl::sha::Sha256 }
`,
    },
    exact: ['Tls'],
  },
  "the system OpenSSL that openssl-sys's build script finds (its headers read: version, `OPENSSL_NO_*`) decides openssl-sys's and openssl's cfgs; a 2015 crate's `use *;` is its root; a dependency's constant by the crate's name (`libc::PATH_MAX`, `ffi::N` of a renamed dependency)": {
    files: {
      'Cargo.toml': manifest('sslrule', 'openssl = "0.10"\nopenssl-sys = "0.9"\nnative-tls = "0.2"\nlibc = "0.2"\n'),
      'src/lib.rs': `pub struct Tls { pub connector: native_tls::TlsConnector, pub flag: bool }
pub struct Keys { pub key: openssl::pkey::PKey<openssl::pkey::Private>, pub sha: openssl::sha::Sha256, pub aes: openssl::aes::AesKey }
pub struct Digest(pub openssl::hash::DigestBytes, pub u8);
pub struct Ffi { pub pkey: *mut openssl_sys::EVP_PKEY, pub key: openssl_sys::AES_KEY, pub ctx: openssl_sys::SHA256_CTX }
pub struct PathBuf([u8; libc::PATH_MAX as usize], u8);
pub struct Salt([u8; openssl_sys::PKCS5_SALT_LEN as usize]);
`,
    },
    exact: ['Tls', 'Keys', 'Digest', 'Ffi', 'PathBuf', 'Salt'],
    // The cfgs read from the headers are the ones the two build scripts printed in this build.
    check(targetDir) {
      const fs = new NodeFs();
      const host = 'x86_64-unknown-linux-gnu';
      const sys = readdirSync(REGISTRY).filter((e) => e.startsWith('openssl-sys-')).map((e) => join(REGISTRY, e))[0]!;
      const ssl = readdirSync(REGISTRY).filter((e) => /^openssl-\d/.test(e)).map((e) => join(REGISTRY, e))[0]!;
      const t = getTarget(host)!;
      const ours = (pkg: string, dir: string, script: string) => {
        const r = buildCfgs(pkg, fs.readFile(join(dir, script)), t, new Set(), { fs, dir, host, sysDir: sys });
        assert.equal(r.uncertain.size, 0, [...r.uncertain.values()].join('; '));
        return [...r.set].sort();
      };
      assert.deepEqual(ours('openssl-sys', sys, 'build/main.rs'), printedCfgs(targetDir, 'openssl-sys').filter((c) => c !== 'boringssl'));
      assert.deepEqual(ours('openssl', ssl, 'build.rs'), printedCfgs(targetDir, 'openssl'));
    },
  },
  "`extern crate x as y;` at the crate root puts `y` in the extern prelude: every module's paths and `use`s find it (trust-dns-resolver's `proto`)": {
    files: {
      'Cargo.toml': manifest('externalias', 'walkdir = "2"\n'),
      'src/lib.rs': `pub extern crate walkdir as wd;
pub mod a {
    use wd::DirEntry;
    pub struct A(pub DirEntry, pub u8);
}
pub mod b {
    pub struct B(pub Option<wd::WalkDir>);
}
pub struct C(pub wd::Error);
`,
    },
    exact: ['A', 'B', 'C'],
  },
  "a module with two `path` attributes (plain or from `cfg_attr`) is read from the first one, as rustc does (it warns about the others)": {
    files: {
      'Cargo.toml': manifest('twopaths'),
      'src/lib.rs': `#[path = "sys/a.rs"]
#[path = "sys/b.rs"]
pub mod two;
#[cfg_attr(all(), path = "sys/a.rs")]
#[cfg_attr(all(), path = "sys/b.rs")]
pub mod twoca;
#[cfg_attr(all(), path = "sys/b.rs", path = "sys/a.rs")]
pub mod oneca;
#[path = "sys/a.rs"]
#[cfg_attr(unix, path = "sys/b.rs")]
pub mod ba;
#[cfg_attr(any(), path = "sys/b.rs")]
#[path = "sys/a.rs"]
pub mod off;
pub struct H(pub two::T, pub twoca::T, pub oneca::T, pub ba::T, pub off::T);
`,
      'src/sys/a.rs': 'pub struct T(pub [u8; 3]);\n',
      'src/sys/b.rs': 'pub struct T(pub [u8; 5]);\n',
    },
    // Each module's T is compared too (no wrong verdict); H holds the five.
    exact: ['T', 'H'],
  },
  "the command line reads `include!(\"file.rs\")` in the crate's own files too (syn includes the file that defines `Token!`), and `concat!(env!(\"CARGO_MANIFEST_DIR\"), ..)` paths (cryptoki-sys' bindings)": {
    files: {
      'Cargo.toml': manifest('ownincl'),
      'src/lib.rs': `include!("gen/items.rs");
pub mod m {
    include!("gen/inner.rs");
}
pub mod b {
    #[cfg(target_pointer_width = "64")]
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/bindings/",
        "wide.rs",
    ));
    #[cfg(not(target_pointer_width = "64"))]
    include!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/bindings/narrow.rs"));
}
pub struct Uses { pub g: Generated, pub i: m::Inner, pub b: u8, pub w: b::Bound }
`,
      'src/gen/items.rs': 'pub struct Generated { pub a: u64, pub b: u16 }\n',
      'src/gen/inner.rs': 'pub struct Inner(pub u32, pub u8);\n',
      'src/bindings/wide.rs': '#[repr(C)]\npub struct Bound { pub a: u8, pub b: u64 }\n',
      'src/bindings/narrow.rs': '#[repr(C)]\npub struct Bound { pub a: u8 }\n',
    },
    exact: ['Generated', 'Inner', 'Uses', 'Bound'],
  },
  "`$crate::N` in an array length of a type another crate's macro writes: the macro's crate's constant, not the caller's of the same name": {
    files: {
      'Cargo.toml': manifest('dcconst', 'dcdef = { path = "../dcdef" }\n'),
      '../dcdef/Cargo.toml': manifest('dcdef'),
      '../dcdef/src/lib.rs': `pub const SIZE: usize = 24;
pub mod inner {
    pub const N: usize = 3;
}
#[macro_export]
macro_rules! buf {
    ($name:ident) => {
        pub struct $name {
            pub b: [u8; $crate::SIZE],
            pub c: [u16; $crate::inner::N],
            pub d: [u8; ::core::mem::size_of::<u64>()],
        }
    };
}
`,
      'src/lib.rs': `pub const SIZE: usize = 100;
dcdef::buf!(FromDef);
pub struct Holds(pub FromDef, pub u8);
`,
    },
    exact: ['FromDef', 'Holds'],
  },
  "a crate's own trait implemented for a std type gives that type's associated type (rkyv's `impl ArchivePointee for CStr`), also under a name std's traits use (`Target`), through the parameter's one bound": {
    files: {
      'Cargo.toml': manifest('stdassoc'),
      'src/lib.rs': `pub trait Meta { type M; }
impl Meta for std::ffi::CStr { type M = u64; }
impl Meta for String { type M = u16; }
pub struct Rel<T: Meta + ?Sized> { pub off: i32, pub meta: T::M }
pub struct CStrRel(pub Rel<std::ffi::CStr>);
pub struct StringRel(pub Rel<String>, pub u8);
pub trait MyDeref { type Target; }
impl MyDeref for String { type Target = u8; }
pub struct D<T: MyDeref> { pub t: T::Target }
pub struct OfString(pub D<String>);
`,
    },
    exact: ['CStrRel', 'StringRel', 'OfString'],
  },
  "types a dependency defines with pin-project-lite's `pin_project!` (futures-util's `Map`, an enum with `#[project = MapProj]`; `stream::Map`, a struct with `#[pin]`): the item itself, as rustc lays it out": {
    files: {
      'Cargo.toml': manifest('pinned', 'futures-util = "0.3"\n'),
      'src/lib.rs': `use futures_util::future::{Fuse, Map, Ready};
pub struct MapHolder(pub Map<Ready<u8>, fn(u8) -> u16>, pub u8);
pub struct StreamMap(pub futures_util::stream::Map<futures_util::stream::Iter<std::vec::IntoIter<u8>>, fn(u8) -> u64>);
pub struct Both(pub Fuse<Ready<u32>>, pub Option<Map<Ready<u8>, fn(u8) -> u16>>);
`,
    },
    exact: ['MapHolder', 'StreamMap', 'Both'],
  },
  'bitflags 1.x reached through `use super::*` or `use super::bitflags` in a module is expanded as bitflags 1.x (a field `bits`)': {
    files: {
      'Cargo.toml': manifest('flags', 'bitflags = "1"\n'),
      'src/lib.rs': `use bitflags::bitflags;
pub mod process {
    use super::*;
    bitflags! {
        pub struct Mode: u32 {
            const READ = 1;
            const WRITE = 2;
        }
    }
    pub struct HoldsMode(pub Mode, pub u8);
}
pub mod net {
    use super::bitflags;
    bitflags! {
        pub struct Opts: u16 {
            const A = 1;
        }
    }
}
`,
    },
    exact: ['Mode', 'HoldsMode', 'Opts'],
  },
  "bitflags! whose `#[macro_use] extern crate bitflags;` is in an `include!`d file (cloudabi 0.0.3) is expanded as the package's bitflags dependency, 1.x here (a field `bits`)": {
    files: {
      'Cargo.toml': manifest('inc', 'bitflags = "1"\n').replace('edition = "2021"', 'edition = "2015"'),
      'src/inc.rs': '#[macro_use]\nextern crate bitflags;\n',
      'src/lib.rs': `include!("inc.rs");
bitflags! {
    pub struct F: u16 {
        const A = 1;
    }
}
pub struct HoldsF(pub F, pub u8);
`,
    },
    exact: ['F', 'HoldsF'],
  },
  "a glob-imported name in a module with an item macro left unexpanded (`include!` of a build script's file) is unknown: the macro's item may shadow it, as here; names the module defines itself are known": {
    files: {
      'Cargo.toml': manifest('shadow'),
      'build.rs': 'fn main() {\n    let out = std::env::var("OUT_DIR").unwrap();\n    std::fs::write(format!("{out}/gen.rs"), "pub struct Bar(pub u64);\\n").unwrap();\n}\n',
      'src/lib.rs': `mod a {
    pub struct Foo(pub u8);
    pub struct Bar(pub u8);
}
use a::*;
include!(concat!(env!("OUT_DIR"), "/gen.rs"));
pub struct X(pub Bar);
pub struct Own(pub u16);
pub struct UsesOwn(pub Own, pub u8);
`,
    },
    exact: ['Own', 'UsesOwn'],
    abstain: [['X', /may shadow/]],
  },
  "rustflags in .cargo/config.toml reach every crate's `#[cfg]`: `--cfg tokio_unstable` (also in a dependency and in `[target.'cfg(..)'.dependencies]`), `-C target-feature=+avx2`; a feature it may imply stays unknown": {
    files: {
      'Cargo.toml': manifest('flags', 'dep = { path = "dep" }\n') + "\n[target.'cfg(tokio_unstable)'.dependencies]\nextra = { path = \"extra\" }\n",
      '.cargo/config.toml': '[build]\nrustflags = ["--cfg", "tokio_unstable", "-C", "target-feature=+avx2"]\n',
      'dep/Cargo.toml': manifest('dep'),
      'dep/src/lib.rs': 'pub struct D { #[cfg(tokio_unstable)] pub a: [u8; 4], pub z: u64 }\n',
      'extra/Cargo.toml': manifest('extra'),
      'extra/src/lib.rs': 'pub struct E(pub u16);\n',
      'src/lib.rs': `pub struct F { #[cfg(tokio_unstable)] pub a: [u8; 4], pub z: u64 }
pub struct X { #[cfg(target_feature = "avx2")] pub a: [u8; 8], pub z: u64 }
pub struct Y { #[cfg(target_feature = "avx")] pub a: [u8; 8], pub z: u64 }
pub struct HoldsDep(pub dep::D);
#[cfg(tokio_unstable)]
pub struct HoldsExtra(pub extra::E, pub u8);
`,
    },
    exact: ['F', 'X', 'HoldsDep', 'HoldsExtra'],
    abstain: [['Y', /target-feature=\+avx2.*implies/]],
  },

  "the dev profile of the workspace's Cargo.toml reaches `#[cfg]`: `debug-assertions = false`, `panic = \"abort\"`": {
    files: {
      'Cargo.toml': '[package]\nname = "prof"\nversion = "0.1.0"\nedition = "2021"\n\n[profile.dev]\ndebug-assertions = false\npanic = "abort"\n\n[dependencies]\n',
      'src/lib.rs': `pub struct D { #[cfg(debug_assertions)] pub a: [u8; 1], pub z: u64 }
pub struct P { #[cfg(panic = "unwind")] pub a: [u8; 2], pub z: u64 }
pub struct A { #[cfg(panic = "abort")] pub a: [u8; 3], pub z: u64 }
pub struct N { #[cfg(not(debug_assertions))] pub a: [u8; 4], pub z: u64 }
`,
    },
    exact: ['D', 'P', 'A', 'N'],
  },

  "`[target.'cfg(debug_assertions)']` and `[target.'cfg(panic = \"unwind\")']` dependencies follow `rustc --print cfg`, not the dev profile: with `debug-assertions = false` and `panic = \"abort\"` they are still active (their features reach the dependency), while the crate's own `#[cfg]` follows the profile": {
    files: {
      'Cargo.toml':
        '[package]\nname = "tcfg"\nversion = "0.1.0"\nedition = "2021"\n\n[profile.dev]\ndebug-assertions = false\npanic = "abort"\n\n[dependencies]\ndep = { path = "dep" }\n\n' +
        "[target.'cfg(debug_assertions)'.dependencies]\ndep = { path = \"dep\", features = [\"big\"] }\n\n[target.'cfg(panic = \"unwind\")'.dependencies]\ndep = { path = \"dep\", features = [\"wide\"] }\n",
      'dep/Cargo.toml': '[package]\nname = "dep"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nbig = []\nwide = []\n',
      'dep/src/lib.rs': 'pub struct D { #[cfg(feature = "big")] pub b: [u8; 100], #[cfg(feature = "wide")] pub w: [u16; 10], pub x: u8 }\n',
      'src/lib.rs': 'pub struct H(pub dep::D);\npub struct Q { #[cfg(debug_assertions)] pub a: [u8; 7], pub z: u8 }\n',
    },
    exact: ['H', 'Q'],
  },

  "rustflags `-C opt-level=2` turn `debug_assertions` off (in the crate and for `[target.'cfg(debug_assertions)']` tables), `-C panic=abort` makes `panic = \"abort\"` hold": {
    files: {
      'Cargo.toml':
        '[package]\nname = "optflags"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ndep = { path = "dep" }\n\n' +
        "[target.'cfg(debug_assertions)'.dependencies]\ndep = { path = \"dep\", features = [\"big\"] }\n\n[target.'cfg(panic = \"abort\")'.dependencies]\ndep = { path = \"dep\", features = [\"wide\"] }\n",
      '.cargo/config.toml': '[build]\nrustflags = ["-C", "opt-level=2", "-C", "panic=abort"]\n',
      'dep/Cargo.toml': '[package]\nname = "dep"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nbig = []\nwide = []\n',
      'dep/src/lib.rs': 'pub struct D { #[cfg(feature = "big")] pub b: [u8; 100], #[cfg(feature = "wide")] pub w: [u16; 10], pub x: u8 }\n',
      'src/lib.rs': 'pub struct H(pub dep::D);\npub struct Q { #[cfg(debug_assertions)] pub a: [u8; 7], #[cfg(panic = "abort")] pub p: [u8; 3], pub z: u8 }\n',
    },
    exact: ['H', 'Q'],
  },

  "rustflags `-C debug-assertions=off` turn `debug_assertions` off, in the crate and for target tables": {
    files: {
      'Cargo.toml':
        '[package]\nname = "daflags"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ndep = { path = "dep" }\n\n' +
        "[target.'cfg(debug_assertions)'.dependencies]\ndep = { path = \"dep\", features = [\"big\"] }\n\n[target.'cfg(panic = \"abort\")'.dependencies]\ndep = { path = \"dep\", features = [\"wide\"] }\n",
      '.cargo/config.toml': '[build]\nrustflags = ["-C", "debug-assertions=off"]\n',
      'dep/Cargo.toml': '[package]\nname = "dep"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nbig = []\nwide = []\n',
      'dep/src/lib.rs': 'pub struct D { #[cfg(feature = "big")] pub b: [u8; 100], #[cfg(feature = "wide")] pub w: [u16; 10], pub x: u8 }\n',
      'src/lib.rs': 'pub struct H(pub dep::D);\npub struct Q { #[cfg(debug_assertions)] pub a: [u8; 7], #[cfg(panic = "abort")] pub p: [u8; 3], pub z: u8 }\n',
    },
    exact: ['H', 'Q'],
  },

  "`[profile.dev.package.<name>]` and `[profile.dev.package.\"*\"]` (packages outside the workspace) set `debug-assertions` for those packages alone": {
    files: {
      'Cargo.toml':
        '[package]\nname = "pkgprof"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ndep = { path = "dep" }\ndep2 = { path = "dep2" }\nfar = { path = "../pkgproffar" }\n\n[profile.dev.package.dep]\ndebug-assertions = false\n\n[profile.dev.package."*"]\ndebug-assertions = false\n',
      'dep/Cargo.toml': manifest('dep'),
      'dep/src/lib.rs': 'pub struct D { #[cfg(debug_assertions)] pub b: [u8; 100], pub x: u8 }\n',
      'dep2/Cargo.toml': manifest('dep2'),
      'dep2/src/lib.rs': 'pub struct D2 { #[cfg(debug_assertions)] pub b: [u8; 20], pub x: u8 }\n',
      '../pkgproffar/Cargo.toml': manifest('far'),
      '../pkgproffar/src/lib.rs': 'pub struct F { #[cfg(debug_assertions)] pub b: [u8; 40], pub x: u8 }\n',
      'src/lib.rs': 'pub struct H(pub dep::D, pub dep2::D2, pub far::F);\npub struct Q { #[cfg(debug_assertions)] pub a: [u8; 7], pub z: u8 }\n',
    },
    exact: ['H', 'Q'],
  },

  "with a `[workspace]`: `[profile.dev.package.<name>]` and `[profile.dev.package.\"*\"]` (packages outside the workspace) set `debug-assertions` for those packages alone; in a `[workspace]`, path packages under it are members, which `\"*\"` leaves alone": {
    files: {
      'Cargo.toml':
        '[package]\nname = "pkgprofws"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ndep = { path = "dep" }\ndep2 = { path = "dep2" }\nfar = { path = "../pkgprofwsfar" }\n\n[profile.dev.package.dep]\ndebug-assertions = false\n\n[profile.dev.package."*"]\ndebug-assertions = false\n\n[workspace]\n',
      'dep/Cargo.toml': manifest('dep'),
      'dep/src/lib.rs': 'pub struct D { #[cfg(debug_assertions)] pub b: [u8; 100], pub x: u8 }\n',
      'dep2/Cargo.toml': manifest('dep2'),
      'dep2/src/lib.rs': 'pub struct D2 { #[cfg(debug_assertions)] pub b: [u8; 20], pub x: u8 }\n',
      '../pkgprofwsfar/Cargo.toml': manifest('far'),
      '../pkgprofwsfar/src/lib.rs': 'pub struct F { #[cfg(debug_assertions)] pub b: [u8; 40], pub x: u8 }\n',
      'src/lib.rs': 'pub struct H(pub dep::D, pub dep2::D2, pub far::F);\npub struct Q { #[cfg(debug_assertions)] pub a: [u8; 7], pub z: u8 }\n',
    },
    exact: ['H', 'Q'],
  },

  "`[patch.crates-io]` in the root manifest replaces a registry package with a local one": {
    files: {
      'Cargo.toml': manifest('patched', 'walkdir = "2"\n') + '\n[patch.crates-io]\nwalkdir = { path = "fork" }\n',
      'fork/Cargo.toml': '[package]\nname = "walkdir"\nversion = "2.99.0"\nedition = "2021"\n',
      'fork/src/lib.rs': 'pub struct DirEntry { pub path: [u8; 40], pub depth: u16 }\n',
      'src/lib.rs': 'pub struct Holds(pub walkdir::DirEntry, pub u8);\n',
    },
    exact: ['Holds'],
  },

  "`[patch]` in `.cargo/config.toml` is read too, and wins over the manifest's `[patch]` for the same package": {
    files: {
      'Cargo.toml': manifest('cfgpatched', 'walkdir = "2"\nsame-file = "1"\n') + '\n[patch.crates-io]\nwalkdir = { path = "fork" }\n',
      '.cargo/config.toml': '[patch.crates-io]\nwalkdir = { path = "fork2" }\nsame-file = { path = "sf" }\n',
      'fork/Cargo.toml': '[package]\nname = "walkdir"\nversion = "2.99.0"\nedition = "2021"\n',
      'fork/src/lib.rs': 'pub struct DirEntry { pub path: [u8; 40], pub depth: u16 }\n',
      'fork2/Cargo.toml': '[package]\nname = "walkdir"\nversion = "2.98.0"\nedition = "2021"\n',
      'fork2/src/lib.rs': 'pub struct DirEntry { pub path: [u8; 24], pub depth: u8 }\n',
      'sf/Cargo.toml': '[package]\nname = "same-file"\nversion = "1.99.0"\nedition = "2021"\n',
      'sf/src/lib.rs': 'pub struct Handle(pub [u16; 9]);\n',
      'src/lib.rs': 'pub struct Holds(pub walkdir::DirEntry, pub u8);\npub struct HoldsHandle(pub same_file::Handle, pub u8);\n',
    },
    exact: ['Holds', 'HoldsHandle'],
  },

  "`paths` overrides in `.cargo/config.toml` replace a registry package of the same name; `[replace]` in the root manifest replaces a named version": {
    files: {
      'Cargo.toml': manifest('overridden', 'walkdir = "2"\nsame-file = "1"\n') + '\n[replace]\n"same-file:1.0.6" = { path = "repl" }\n',
      '.cargo/config.toml': 'paths = ["local/walkdir"]\n',
      'local/walkdir/Cargo.toml': '[package]\nname = "walkdir"\nversion = "2.3.2"\nedition = "2021"\n\n[dependencies]\nsame-file = "1"\n',
      'local/walkdir/src/lib.rs': 'pub struct DirEntry { pub path: [u8; 12], pub depth: u8 }\n',
      'repl/Cargo.toml': '[package]\nname = "same-file"\nversion = "1.0.6"\nedition = "2021"\n',
      'repl/src/lib.rs': 'pub struct Handle(pub [u16; 5]);\n',
      'src/lib.rs': 'pub struct Holds(pub walkdir::DirEntry, pub u8);\npub struct HoldsHandle(pub same_file::Handle, pub u8);\n',
    },
    exact: ['Holds', 'HoldsHandle'],
  },

  "feature resolver 1 (a 2018 root without `resolver = \"2\"`) unifies the features of build-dependencies and other targets' dependencies with the normal ones; resolver 2 keeps them apart": {
    files: {
      'Cargo.toml': '[package]\nname = "top"\nversion = "0.1.0"\nedition = "2018"\n\n[dependencies]\ny = { path = "y" }\nz = { path = "z" }\n\n[build-dependencies]\ny = { path = "y", features = ["bld"] }\n\n[target.\'cfg(windows)\'.dependencies]\ny = { path = "y", features = ["win"] }\n',
      'y/Cargo.toml': '[package]\nname = "y"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nbld = []\nwin = []\n',
      'y/src/lib.rs': 'pub struct S { #[cfg(feature = "bld")] pub b: [u8; 200], #[cfg(feature = "win")] pub w: [u8; 400], pub x: u8 }\n',
      'z/Cargo.toml': '[package]\nname = "z"\nversion = "0.1.0"\nedition = "2021"\nresolver = "2"\n',
      'z/src/lib.rs': 'pub struct Z(pub u8);\n',
      'src/lib.rs': 'pub struct T(pub y::S);\npub struct U(pub z::Z, pub u16);\n',
    },
    exact: ['T', 'U'],
  },

  "feature resolver 1 also unifies the root's dev-dependencies with its normal ones: `cargo build` turns on what `[dev-dependencies]` ask of a dependency, directly or through a dev-only crate": {
    files: {
      'Cargo.toml': '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2018"\n\n[dependencies]\ndep = { path = "dep" }\n\n[dev-dependencies]\ndep = { path = "dep", features = ["big"] }\nhelper = { path = "helper" }\n',
      'dep/Cargo.toml': '[package]\nname = "dep"\nversion = "0.1.0"\nedition = "2018"\n\n[features]\nbig = []\nwide = []\n',
      'dep/src/lib.rs': 'pub struct D { #[cfg(feature = "big")] pub big: [u8; 1000], pub x: u8 }\npub struct W { #[cfg(feature = "wide")] pub w: [u8; 300], pub x: u8 }\n',
      'helper/Cargo.toml': '[package]\nname = "helper"\nversion = "0.1.0"\nedition = "2018"\n\n[dependencies]\ndep = { path = "../dep", features = ["wide"] }\n',
      'helper/src/lib.rs': 'pub struct H(pub u8);\n',
      'src/lib.rs': 'pub struct App { pub d: dep::D }\npub struct AppW { pub w: dep::W }\n',
    },
    exact: ['App', 'AppW'],
  },

  "`[lints.rust]` in Cargo.toml (and `lints.workspace = true`) sets lint levels as command-line flags: `overflowing_literals = \"allow\"` lets the literal wrap; an attribute in the source still wins": {
    files: {
      'Cargo.toml': '[package]\nname = "lints"\nversion = "0.1.0"\nedition = "2021"\n\n[lints.rust]\noverflowing_literals = "allow"\nfuture_incompatible = { level = "allow", priority = -1 }\n\n[dependencies]\n',
      'src/lib.rs': `pub struct A([u8; 300u8 as usize]);
#[repr(u8)] pub enum B { X = 256, Y = 3 }
pub struct C([u8; 0x1_0000_0003u32 as usize]);
#[repr(u8)] #[repr(u16)] pub enum D { X, Y }
`,
    },
    exact: ['A', 'B', 'C', 'D'],
  },

  "build scripts: `cfg_aliases!` aliases decided from the target, cfgs printed from the script's own modules and functions of other crates (which may print any cfg) make what they gate unknown, never unset": {
    files: {
      'Cargo.toml': '[package]\nname = "scripts"\nversion = "0.1.0"\nedition = "2021"\nbuild = "build/main.rs"\n\n[build-dependencies]\ncfg_aliases = { path = "cfg_aliases" }\nprinter = { path = "printer" }\n\n[dependencies]\n',
      'cfg_aliases/Cargo.toml': '[package]\nname = "cfg_aliases"\nversion = "0.2.1"\nedition = "2018"\n',
      'cfg_aliases/src/lib.rs': '#[macro_export]\nmacro_rules! cfg_aliases {\n    ($($alias:ident : { target_os = $os:literal }),* $(,)?) => {\n        $( if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok($os) { println!("cargo:rustc-cfg={}", stringify!($alias)); } )*\n    };\n}\n',
      'printer/Cargo.toml': '[package]\nname = "printer"\nversion = "0.1.0"\nedition = "2021"\n',
      'printer/src/lib.rs': 'pub fn print_cfgs() { println!("cargo:rustc-cfg=from_dep"); }\n',
      'build/main.rs': 'use cfg_aliases::cfg_aliases;\nmod probe;\nfn main() {\n    cfg_aliases! {\n        linux: { target_os = "linux" },\n        apple: { target_os = "macos" },\n    }\n    probe::run();\n    printer::print_cfgs();\n}\n',
      'build/probe.rs': 'pub fn run() {\n    println!("cargo:rustc-cfg=from_module");\n}\n',
      'src/lib.rs': `pub struct S { #[cfg(linux)] pub a: [u8; 7], pub z: u8 }
pub struct M { #[cfg(apple)] pub a: [u8; 7], pub z: u8 }
pub struct P { #[cfg(from_module)] pub a: [u8; 7], pub z: u8 }
pub struct D { #[cfg(from_dep)] pub a: [u8; 7], pub z: u8 }
pub struct Plain { #[cfg(unix)] pub a: [u8; 3], pub z: u8 }
`,
    },
    exact: ['S', 'M', 'Plain'],
    abstain: [
      ['P', /cfg\(from_module\).*build script/],
      ['D', /does not spell out/],
    ],
  },

  "the features cargo's command line selects (`--no-default-features --features a,z/wide,opt/big`): chained features, a dependency's feature, an optional dependency turned on by `opt/big`": {
    features: { noDefault: true, features: ['a', 'z/wide', 'opt/big'] },
    files: {
      'Cargo.toml': '[package]\nname = "featsel"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\ndefault = ["d"]\nd = []\na = ["b"]\nb = []\n\n[dependencies]\nopt = { path = "opt", optional = true }\nz = { path = "z" }\n',
      'opt/Cargo.toml': '[package]\nname = "opt"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nbig = []\n',
      'opt/src/lib.rs': 'pub struct S { #[cfg(feature = "big")] pub b: [u8; 40], pub x: u8 }\n',
      'z/Cargo.toml': '[package]\nname = "z"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nwide = []\n',
      'z/src/lib.rs': '#[cfg(feature = "wide")]\npub type W = u64;\n#[cfg(not(feature = "wide"))]\npub type W = u8;\n',
      'src/lib.rs': `pub struct D { #[cfg(feature = "d")] pub x: [u8; 100], pub z: u8 }
pub struct A { #[cfg(feature = "b")] pub x: [u8; 7], pub z: u8 }
pub struct Z(pub z::W, pub u8);
pub struct O { #[cfg(feature = "opt")] pub s: opt::S, pub z: u8 }
`,
    },
    exact: ['D', 'A', 'Z', 'O'],
  },

  "`--all-features`: every feature and every optional dependency's implicit feature; an optional dependency named with `dep:` has no feature of its name": {
    features: { all: true },
    files: {
      'Cargo.toml': '[package]\nname = "featall"\nversion = "0.1.0"\nedition = "2021"\n\n[features]\nx = []\nserde = ["dep:hid"]\n\n[dependencies]\nhid = { path = "hid", optional = true }\nimp = { path = "imp", optional = true }\n',
      'hid/Cargo.toml': '[package]\nname = "hid"\nversion = "0.1.0"\nedition = "2021"\n',
      'hid/src/lib.rs': 'pub struct T(pub [u16; 5]);\n',
      'imp/Cargo.toml': '[package]\nname = "imp"\nversion = "0.1.0"\nedition = "2021"\n',
      'imp/src/lib.rs': 'pub struct T(pub u32);\n',
      'src/lib.rs': `pub struct X { #[cfg(feature = "x")] pub a: [u8; 3], pub z: u8 }
pub struct S { #[cfg(feature = "serde")] pub t: hid::T, pub z: u8 }
pub struct N { #[cfg(feature = "hid")] pub a: [u8; 5], pub z: u8 }
pub struct I { #[cfg(feature = "imp")] pub t: imp::T, pub z: u8 }
`,
    },
    exact: ['X', 'S', 'N', 'I'],
  },

  "RustCrypto 0.10 through generic-array 0.14: typenum's numbers (a `consts` module its build script writes, known here), `pub extern crate typenum` re-exported, `U::ArrayType` through the bound `U: ArrayLength<T>`": {
    files: {
      'Cargo.toml': manifest('crypto', 'generic-array = "0.14"\nsha2 = "0.10"\nblock-buffer = "0.10"\ntypenum = "1"\n'),
      'src/lib.rs': `use generic_array::GenericArray;
use generic_array::typenum::{U0, U7, U32, U64};
pub struct Digest(pub GenericArray<u8, U32>);
pub struct Odd(pub GenericArray<u16, U7>, pub u8);
pub struct Empty(pub GenericArray<u64, U0>);
pub struct Hasher(pub sha2::Sha256, pub sha2::Sha512);
pub struct Both(pub GenericArray<u8, U64>, pub Option<GenericArray<core::num::NonZeroU32, U7>>);
pub struct Block(pub block_buffer::Block<U64>);
pub struct Big(pub GenericArray<u8, typenum::U1024>, pub GenericArray<u8, typenum::U4096>);
pub struct Direct(pub typenum::U5, pub typenum::consts::P7, pub u8);
`,
    },
    exact: ['Digest', 'Odd', 'Empty', 'Hasher', 'Both', 'Block', 'Big', 'Direct'],
    // What typenum's build script wrote is what the engine reads for it: the same aliases.
    check: (targetDir) => {
      const found: string[] = [];
      const walk = (d: string, depth: number): void => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const p = join(d, e.name);
          if (e.isDirectory() && depth < 5) walk(p, depth + 1);
          else if (e.name === 'consts.rs' && p.includes('/build/typenum-')) found.push(p);
        }
      };
      walk(targetDir, 0);
      assert.ok(found.length > 0, `typenum's consts.rs not found under ${targetDir}`);
      const aliases = (text: string) => [...text.matchAll(/pub type (\w+) = ([^;]+);/g)].map((m) => `${m[1]} = ${m[2]!.replace(/\s+/g, ' ')}`).sort();
      const real = aliases(readFileSync(found[0]!, 'utf8'));
      assert.ok(real.length > 3000, `${real.length} aliases`);
      assert.deepEqual(aliases(typenumConsts()), real);
    },
  },

  "tokio's `cfg_has_atomic_u64!`: `#[cfg_attr(p, cfg(q))]` put by a macro on two `#[path]` modules of one name picks the one whose condition holds (tokio::time's StateCell was 8 bytes too big)": {
    files: {
      'Cargo.toml': manifest('atomics'),
      'src/lib.rs': `macro_rules! cfg_has_atomic_u64 {
    ($($item:item)*) => { $(
        #[cfg_attr(not(no_target_has_atomic), cfg(all(target_has_atomic = "64", not(no_atomic_u64))))]
        #[cfg_attr(no_target_has_atomic, cfg(not(no_atomic_u64)))]
        $item
    )* }
}
macro_rules! cfg_not_has_atomic_u64 {
    ($($item:item)*) => { $(
        #[cfg_attr(not(no_target_has_atomic), cfg(any(not(target_has_atomic = "64"), no_atomic_u64)))]
        #[cfg_attr(no_target_has_atomic, cfg(no_atomic_u64))]
        $item
    )* }
}
mod loom;
pub struct Cell(pub loom::imp::AtomicU64, pub u8);
`,
      'src/loom/mod.rs': 'cfg_has_atomic_u64! {\n    #[path = "native.rs"]\n    pub mod imp;\n}\ncfg_not_has_atomic_u64! {\n    #[path = "as_mutex.rs"]\n    pub mod imp;\n}\n',
      'src/loom/native.rs': 'pub struct AtomicU64 { inner: std::sync::atomic::AtomicU64 }\npub mod deep { pub struct Z(pub u8, pub u32); }\n',
      'src/loom/as_mutex.rs': 'pub struct AtomicU64 { inner: std::sync::Mutex<u64> }\n',
    },
    // The types of the `#[path]` module are probed too (by their file's module, found from the report).
    exact: ['Cell', 'AtomicU64', 'Z'],
  },

  "a `mod x;` in a file brought in by `include!` is looked for beside that file (rustc reads it as a `mod.rs`), also with `#[path]`, and so is an `include!` inside it": {
    files: {
      'Cargo.toml': manifest('incmods'),
      'src/lib.rs': 'include!("gen/defs.rs");\npub mod inline { include!("../src/gen/defs2.rs"); }\npub mod n { include!("gen/nest.rs"); }\npub struct Uses(pub a::A, pub inline::b::B, pub n::Inner);\n',
      'src/gen/defs.rs': 'pub mod a;\n',
      'src/gen/defs2.rs': '#[path = "b_file.rs"] pub mod b;\n',
      'src/gen/nest.rs': 'pub struct N { pub x: [u8; 5] } include!("inner.rs");\n',
      'src/gen/a.rs': 'pub struct A { pub x: [u8; 1] }\n',
      'src/gen/b_file.rs': 'pub struct B { pub x: [u8; 3] }\n',
      'src/gen/inner.rs': 'pub struct Inner { pub x: [u8; 6] }\n',
      // Where the included files' modules were looked for before: not read by rustc.
      'src/a.rs': 'pub struct A { pub x: [u8; 2] }\n',
      'src/inline/b_file.rs': 'pub struct B { pub x: [u8; 4] }\n',
      'src/inner.rs': 'pub struct Inner { pub x: [u8; 7] }\n',
    },
    exact: ['Uses', 'A', 'B', 'Inner', 'N'],
  },

  "`include!` of a raw string (`r\"../gen/b.rs\"`) and of `concat!` of literals is read like a literal path, relative to the file that includes (a file module's include! too)": {
    files: {
      'Cargo.toml': manifest('incforms'),
      'src/lib.rs': 'pub mod b { include!(r"../gen/b.rs"); }\npub mod sub;\npub mod c { include!(concat!("../", "gen/c.rs")); }\npub mod d { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/", "gen", "/d.rs")); }\npub struct Uses(pub b::B, pub sub::Sub, pub c::C, pub d::D);\n',
      'src/sub.rs': 'include!("gen/s.rs");\n',
      'src/gen/s.rs': 'pub struct Sub { pub x: [u8; 3] }\n',
      'src/sub/gen/s.rs': 'pub struct Sub { pub x: [u8; 4] }\n',
      'gen/b.rs': 'pub struct B { pub x: [u8; 2] }\n',
      'gen/c.rs': 'pub struct C { pub x: [u8; 8] }\n',
      'gen/d.rs': 'pub struct D { pub x: [u8; 9] }\n',
    },
    exact: ['Uses', 'B', 'Sub', 'C', 'D'],
  },

  "an `include!` inside an included file, and one inside an inline module of an included file, start beside the file they are written in, and so do the `mod`s of what they include": {
    files: {
      'Cargo.toml': manifest('nestinc'),
      'src/lib.rs': 'include!("gen/top.rs");\ninclude!("gen/body.rs");\npub struct Uses(pub N1, pub z::Z);\n',
      'src/gen/top.rs': 'include!("sub/nested.rs");\n',
      'src/gen/sub/nested.rs': 'mod c;\npub struct N1 { pub c: c::CC }\n',
      'src/gen/sub/c.rs': 'pub struct CC(pub u8);\n',
      'src/gen/c.rs': 'pub struct CC(pub u16);\n',
      'src/c.rs': 'pub struct CC(pub u64);\n',
      'src/gen/body.rs': 'pub mod z { include!("zbody.rs"); }\n',
      'src/gen/zbody.rs': 'pub struct Z(pub [u8; 3]);\n',
      'src/zbody.rs': 'pub struct Z(pub [u8; 5]);\n',
    },
    exact: ['Uses', 'N1', 'Z'],
  },

  "impls chosen by a cfg the build script sets (`#[cfg(has_x)] impl Tr for S3`): the associated type is unknown, never the other impl's": {
    files: {
      'Cargo.toml': manifest('bcfgimpl'),
      'build.rs': 'fn main() {\n    println!("cargo:rustc-check-cfg=cfg(has_x)");\n    println!("cargo:rustc-cfg=has_x");\n}\n',
      'src/lib.rs': 'pub trait Tr { type Out; }\npub struct S3;\n#[cfg(has_x)] impl Tr for S3 { type Out = u16; }\n#[cfg(not(has_x))] impl Tr for S3 { type Out = u32; }\npub struct P5 { pub a: <S3 as Tr>::Out, pub b: u8 }\npub struct G<T: Tr>(pub T::Out, pub u8);\npub struct P7(pub G<S3>);\n',
    },
    exact: ['S3'],
    abstain: [['P5', /trait impl/], ['P7', /trait impl|whether `S3: Tr` holds/]],
  },

  "impls and derives behind a cfg the build script sets (`#[cfg(has_x)] impl Default for X`, `#[cfg_attr(has_x, derive(Clone))]`): a bound that asks for them is not called unmet": {
    files: {
      'Cargo.toml': manifest('bcfgbound'),
      'build.rs': 'fn main() {\n    println!("cargo:rustc-check-cfg=cfg(has_x)");\n    println!("cargo:rustc-cfg=has_x");\n}\n',
      'src/lib.rs':
        'pub struct X(pub u32);\n#[cfg(has_x)] impl Default for X { fn default() -> Self { X(0) } }\n#[cfg_attr(has_x, derive(Clone))] pub struct Z(pub u16);\n' +
        '#[derive(Clone)] pub struct Y(pub u16);\n#[cfg(has_x)] impl Copy for Y {}\npub trait Tr {}\n#[cfg(has_x)] impl Tr for u8 {}\n' +
        'pub struct WD<T: Default>(pub T, pub u8);\npub struct WC<T: Clone>(pub T, pub u8);\npub struct WT<T: Tr>(pub T, pub u16);\npub struct WY<T: Copy>(pub T);\n' +
        'pub struct A(pub WD<X>);\npub struct B(pub WC<Z>);\npub struct C(pub WT<u8>);\npub struct D(pub WY<Y>);\n',
    },
    // rustc (the build script sets has_x) lays them all out; the engine does not run it, and must not say E0277.
    exact: ['X', 'Y', 'Z', 'D'],
    abstain: [['A', /not known here/], ['B', /not known here/], ['C', /not known here/]],
  },

  "an attribute macro re-exported by a facade crate (`#[facade::bridge]`, `use facade::bridge;`), on the type or on a module around it, may rewrite the type: no number (it was laid out as written)": {
    files: {
      'Cargo.toml': '[package]\nname = "facades"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nfacade = { path = "facade" }\n',
      'facade/Cargo.toml': '[package]\nname = "facade"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\npm = { path = "../pm" }\n',
      'facade/src/lib.rs': 'pub use pm::bridge;\n',
      'pm/Cargo.toml': '[package]\nname = "pm"\nversion = "0.1.0"\nedition = "2021"\n\n[lib]\nproc-macro = true\n',
      'pm/src/lib.rs': 'extern crate proc_macro;\nuse proc_macro::TokenStream;\n/// Puts `#[repr(C)]` on a struct; leaves anything else as it is.\n#[proc_macro_attribute]\npub fn bridge(_a: TokenStream, item: TokenStream) -> TokenStream {\n    if !item.to_string().contains("struct") || item.to_string().starts_with("mod") || item.to_string().contains("mod ") { return item; }\n    let mut s: TokenStream = "#[repr(C)]".parse().unwrap();\n    s.extend(item);\n    s\n}\n',
      'src/lib.rs': `use facade::bridge;
#[facade::bridge]
pub struct ViaPath { a: u8, b: u64, c: u8 }
#[bridge]
pub struct ViaUse { a: u8, b: u64, c: u8 }
#[facade::bridge]
pub mod ffi { pub struct Shared { pub a: u8, pub b: u64 } }
#[rustfmt::skip]
pub struct Plain { a: u8, b: u64, c: u8 }
`,
    },
    exact: ['Plain'],
    abstain: [
      ['ViaPath', /attribute macro \(from the crate `facade`\)/],
      ['ViaUse', /attribute macro \(from the crate `facade`\)/],
      ['Shared', /module `ffi` is under `#\[facade::bridge\]`/],
    ],
  },

  "a build script that assembles its directives (`concat!(\"cargo:rustc-cfg=\", stringify!($n))`, time 0.2's form, or `\"cargo:{}={}\"`) may set any cfg: what such a cfg gates is unknown, never unset": {
    files: {
      'Cargo.toml': '[package]\nname = "assembled"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
      'build.rs': 'macro_rules! cfg_ { ($n:ident) => { println!(concat!("cargo:rustc-cfg=", stringify!($n))); } }\nfn main() {\n    println!("cargo:rustc-check-cfg=cfg(x)");\n    println!("cargo:rustc-check-cfg=cfg(y)");\n    cfg_!(x);\n    println!("cargo:{}={}", "rustc-cfg", "y");\n}\n',
      'src/lib.rs': 'pub struct S { #[cfg(x)] pub a: u64, pub d: u8 }\npub struct T { #[cfg(y)] pub a: u32, pub d: u8 }\npub struct Plain { #[cfg(unix)] pub a: u16, pub d: u8 }\n',
    },
    exact: ['Plain'],
    abstain: [
      ['S', /sets cfgs it does not spell out/],
      ['T', /sets cfgs it does not spell out/],
    ],
  },

};

/** The system OpenSSL's version and configuration headers, which openssl-sys's build script reads. */
const OPENSSL_HEADERS = ['/usr/include/openssl/opensslv.h', '/usr/include/x86_64-linux-gnu/openssl/opensslconf.h', '/usr/include/x86_64-linux-gnu/openssl/configuration.h'];

describe('rules checked in cargo packages against rustc (offline)', function () {
  this.timeout(10 * 60_000);
  let home: string;
  let work: string;
  let target: string;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'rll-cargo-rules-'));
    writeFileSync(join(home, 'config.toml'), `[source.crates-io]\nreplace-with = "debian"\n[source.debian]\ndirectory = "${REGISTRY}"\n[net]\noffline = true\n`);
    work = join(home, 'packages');
    // Kept between runs (./cargoTargetCache.ts); openssl-sys's build script reads the system's
    // OpenSSL headers without telling cargo, so they are part of what the builds were made with.
    target = cargoTargetCache('cargo-rules', join(home, 'target'), OPENSSL_HEADERS);
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  for (const [title, rule] of Object.entries(RULES)) {
    it(title, async () => {
      // A package of the rule (its dependencies beside it, as `../name/…`).
      const dir = join(work, rule.files['Cargo.toml']!.match(/name = "([^"]+)"/)![1]!);
      for (const [rel, text] of Object.entries(rule.files)) {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), text);
      }
      // Registry dependencies (`name = "1"`; path dependencies are written by the rule).
      const deps = [...(rule.files['Cargo.toml'] ?? '').split('[dependencies]')[1]!.matchAll(/^([a-z0-9_-]+) = "/gm)].map((m) => m[1]!);
      for (const d of deps) assert.ok(existsSync(REGISTRY) && readdirSync(REGISTRY).some((e) => e.startsWith(`${d}-`)), `${d} is missing from ${REGISTRY}: .ci/run installs it (scripts/install-crates.sh)`);
      // rustc's answer is kept between runs for the same files and registry (test/oracle/rustcCache.ts),
      // unless the rule looks at what the build left in the target directory.
      const rustcKey = rule.check ? undefined : [rule.files, registryStamp(OPENSSL_HEADERS)];
      const { summary } = await checkCrate(dir, { cli: join(ROOT, 'dist/cli.js'), cargoHome: home, cargoTargetDir: target, rustcKey, ...(rule.features ? { features: rule.features } : {}) });
      assert.ok(summary, 'the CLI and rustc were both run');
      const table = formatSummary(summary, 50);
      assert.equal(summary.counts.wrong, 0, table);
      assert.equal(summary.counts['error-mismatch'], 0, table);
      // Verdicts are named by path from the crate root (`imp::Inner`).
      const byName = new Map<string, TypeVerdict>(summary.verdicts.map((v) => [v.name.split('::').pop()!, v]));
      for (const n of rule.exact) assert.equal(byName.get(n)?.verdict, 'exact', `${n}: ${JSON.stringify(byName.get(n))}\n${table}`);
      for (const [n, why] of rule.abstain ?? []) {
        const v = byName.get(n);
        assert.equal(v?.verdict, 'abstained', `${n} must not get a number: ${JSON.stringify(v)}\n${table}`);
        assert.match(v.details.join(' '), why, n);
      }
      rule.check?.(target);
    });
  }
});
