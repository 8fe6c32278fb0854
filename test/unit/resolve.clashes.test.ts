/**
 * Names rustc refuses to resolve, checked against rustc 1.95 case by case (and `dyn`, a name in
 * the 2015 edition): a name two glob
 * imports bring from different items (E0659, or only the lint `ambiguous_glob_imports` when the
 * first import's item is another crate's), a `use` of a name its module defines in the same
 * namespace (E0255), two `use`s of one name (E0252). Each case is a small package (with a path
 * dependency `dep` when it needs one) compiled by rustc and read by the CLI: where rustc compiles
 * it, every type named gets rustc's size and alignment; where rustc refuses it, each type named as
 * refused carries rustc's error code, never a number.
 */
import { checkPackageCase, type PackageCase } from './packageCases';

const TWO = 'pub mod a { pub struct Node(pub u64); pub struct Option<T>(pub T, pub [u8; 19]); }\npub mod b { pub struct Node(pub u8); pub struct Option<T>(pub T, pub [u8; 1]); }\n';
const DEP = `${TWO}pub mod amb { pub use crate::a::*; pub use crate::b::*; }\npub mod ra { pub use crate::a::Node; }\n`;

const CASES: Readonly<Record<string, PackageCase>> = {
  // E0659: two glob imports of the crate's own modules.
  'two globs of the crate naming different items: E0659 where used (a field, a prelude name)': {
    lib: `${TWO}pub mod c { use crate::a::*; use crate::b::*; pub struct UsesNode { pub n: Node } pub struct UsesOption { pub o: Option<u64> } }\n`,
    refused: ['c::UsesNode', 'c::UsesOption'],
  },
  'a path through the ambiguous name (`crate::c::Node`), and a glob of a module whose globs make it ambiguous: E0659': {
    lib: `${TWO}pub mod c { pub use crate::a::*; pub use crate::b::*; }\npub mod d { use crate::c::*; pub struct Through(pub Node); }\npub struct ByPath(pub crate::c::Node);\n`,
    refused: ['d::Through', 'ByPath'],
  },
  'the crate\'s own item first, then a dependency\'s glob: E0659': {
    lib: `${TWO}pub mod c { use crate::a::*; use dep::b::*; pub struct U(pub Node); }\n`,
    dep: DEP,
    refused: ['c::U'],
  },
  'one item through two globs (a re-export), globs shadowed by an explicit import or an item, a glob over the prelude: numbers': {
    lib: `${TWO}pub mod r { pub use crate::a::Node; }
pub mod same { use crate::a::*; use crate::r::*; pub struct U(pub Node); }
pub mod explicit { use crate::a::*; use crate::b::*; use crate::b::Node; pub struct U(pub Node, pub u16); }
pub mod local { use crate::a::*; use crate::b::*; pub struct Node(pub u32); pub struct U(pub Node, pub u8); }
pub mod prelude { use crate::a::*; pub struct U { pub o: Option<u16> } }
`,
    numbers: ['same::U', 'explicit::U', 'local::U', 'prelude::U'],
  },
  'ambiguous names left unused, and a function against a struct (two namespaces): numbers': {
    lib: `pub mod a { pub struct Node(pub u64); pub struct Leaf(pub u32); }
pub mod b { pub struct Node(pub u8); #[allow(non_snake_case)] pub fn Leaf() {} }
pub mod c { use crate::a::*; use crate::b::*; pub struct U { pub l: Leaf } }
`,
    numbers: ['c::U'],
  },
  'std globs (`use std::io::*; use std::fmt::*;`, both `Error`): only the lint, the first is taken': {
    lib: 'pub mod c { use std::io::*; use std::fmt::*; pub struct U { pub e: Option<Error> } }\npub mod d { use std::fmt::*; use std::io::*; pub struct U { pub e: Option<Error> } }\n',
    numbers: ['c::U', 'd::U'],
  },
  "a dependency's item first (its globs, its ambiguous re-export, or the crate's re-export of it): the lint, the first is taken": {
    lib: `${TWO}pub mod x { pub use dep::a::*; }
pub mod c1 { use dep::a::*; use dep::b::*; pub struct U(pub Node); }
pub mod c2 { use dep::b::*; use crate::a::*; pub struct U(pub Node); }
pub mod c3 { use crate::x::*; use crate::b::*; pub struct U(pub Node); }
pub mod c4 { use dep::amb::*; pub struct U(pub Node, pub Option<u8>); }
pub mod c5 { use dep::ra::*; use dep::a::*; pub struct U(pub Node); }
pub struct ByPath(pub dep::amb::Node);
`,
    dep: DEP,
    numbers: ['c1::U', 'c2::U', 'c3::U', 'c4::U', 'c5::U', 'ByPath'],
  },
  // E0255 / E0252: a name bound twice in one namespace of a module.
  'a `use` of a name the module defines (hunt P finding 04): E0255 on the item and its users': {
    lib: 'pub mod a { pub struct Node(pub u64); }\npub mod c { use crate::a::Node; pub struct Node(pub u8); pub struct U(pub Node); }\n',
    refused: ['c::Node', 'c::U'],
  },
  'two `use`s of different items under one name: E0252': {
    lib: `${TWO}pub mod c { use crate::a::Node; use crate::b::Node; pub struct U(pub Node); }\n`,
    refused: ['c::U'],
  },
  'two `use`s of the same item: E0252': {
    lib: `${TWO}pub mod c { use crate::a::Node; use crate::a::{Node}; pub struct U(pub Node); }\n`,
    refused: ['c::U'],
  },
  'a renamed `use` onto another import\'s name: E0252': {
    lib: `${TWO}pub mod c { use crate::a::Node as N; use crate::b::Node as N; pub struct U(pub N); }\n`,
    refused: ['c::U'],
  },
  'a `use` of a module where a struct has its name: E0255': {
    lib: 'pub mod a { pub mod m {} }\n#[allow(non_camel_case_types)] pub mod c { use crate::a::m; pub struct m {} pub struct U(pub m); }\n',
    refused: ['c::m', 'c::U'],
  },
  // (A function of the other module would clash the same way; functions other than `const fn`s
  // are not read into the model, so that one is not seen.)
  'a `use` of a constant where a tuple struct of its name is (both value namespace): E0255': {
    lib: 'pub mod a { pub const F: u8 = 1; }\npub mod c { use crate::a::F; pub struct F(pub u16); pub struct U(pub F); }\n',
    refused: ['c::F', 'c::U'],
  },
  'a `use` of an enum\'s tuple variant where a unit struct of its name is: E0255': {
    lib: 'pub mod a { pub enum E { V(u8), W { x: u8 } } }\npub mod c { use crate::a::E::V; pub struct V; pub struct U(pub V, pub u8); }\n',
    refused: ['c::V', 'c::U'],
  },
  'namespaces apart, `as _`, items of function bodies, `macro_rules!`: numbers': {
    lib: `pub mod a { pub fn f() {} pub const K: u8 = 1; pub struct Node(pub u64); pub enum E { V(u8), W { x: u8 } } #[allow(non_snake_case)] pub fn Unit() {} }
#[allow(non_camel_case_types, dead_code)]
pub mod c {
    use crate::a::f; pub struct f { pub x: u16 }
    use crate::a::K; pub struct K { pub y: u32 }
    use crate::a::E::W; #[allow(non_snake_case)] fn W() {}
    use crate::a::Node as _; pub struct Node(pub u8);
    macro_rules! Unit { () => {}; }
    use crate::a::Unit; pub struct Unit { pub z: u8 }
    pub struct U(pub f, pub K, pub Node, pub Unit);
}
pub mod d { use crate::a::Node; fn g() { #[allow(dead_code)] struct Node(u8); } pub struct U(pub Node); }
`,
    numbers: ['c::f', 'c::K', 'c::Node', 'c::U', 'd::U'],
  },
  // `dyn` (hunt P finding 05): a name in the 2015 edition, a keyword from 2018 on.
  'edition 2015 (no `edition` in Cargo.toml): a type named `dyn`, beside `dyn Trait` objects: numbers': {
    lib: '#![allow(non_camel_case_types)]\npub struct dyn(pub u16);\npub trait Tr {}\npub struct W { pub d: Option<dyn>, pub r: &\'static dyn, pub b: Box<dyn Tr> }\npub struct V(pub [dyn; 3]);\n',
    edition: '2015',
    numbers: ['dyn', 'W', 'V'],
  },
  'edition 2021: `dyn` alone is a trait object without a trait: E0224': {
    lib: 'pub struct W { pub d: Option<Box<dyn>> }\n',
    refused: ['W'],
  },
};

describe('resolve: names rustc refuses (E0659, E0255, E0252) and `dyn` in 2015, against rustc', function () {
  this.timeout(300_000);
  for (const [title, c] of Object.entries(CASES)) it(title, () => checkPackageCase(c));
});
