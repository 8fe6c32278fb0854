/**
 * Errors rustc finds in a type's definition alone (src/core/definitionChecks.ts, and names
 * defined twice in a module): a field declared twice (E0124), a variant or a type defined twice
 * (E0428), a type or lifetime parameter no field uses (E0392), and a lifetime used but never
 * declared (E0261). Each gave a number, on the definition and on every type holding it, for code
 * rustc refuses. Half-typed code meets them all the time. Each case is a package checked against
 * rustc 1.95: a refused one must carry one of rustc's error codes, a compiled one rustc's numbers.
 */
import { checkPackageCase, type PackageCase } from './packageCases';

const CASES: Readonly<Record<string, PackageCase>> = {
  'a field declared twice, in a struct and in a variant (E0124)': {
    lib: 'pub struct D1 { pub a: u8, pub a: u16 }\npub enum D3 { A { x: u8, x: u8 } }\n',
    refused: ['D1', 'D3'],
  },
  'a variant defined twice (E0428)': {
    lib: 'pub enum D2 { A, A }\n',
    refused: ['D2'],
  },
  'a type defined twice in its module, a struct holding it, a macro-made one (E0428)': {
    lib: 'pub struct S8 { pub a: u8 }\npub struct S8 { pub b: u16 }\npub struct V { pub a: S8 }\nmacro_rules! mk { ($n:ident) => { pub struct $n(pub u32); } }\nmk!(W);\npub struct W(pub u8);\n',
    refused: ['S8', 'V', 'W'],
  },
  "a lifetime parameter no field uses, one used only in a bound (`'a` in `T: 'a`), one that outlives another (E0392)": {
    lib: "pub struct D4<'a> { pub a: u8 }\npub struct D7<'a, T: 'a> { pub t: T }\npub struct U7 { pub d: D7<'static, u8> }\npub struct D17<'a, 'b: 'a> { pub a: &'a u8 }\npub struct U17 { pub d: D17<'static, 'static> }\n",
    refused: ['D4', 'U7', 'U17'],
  },
  'a type parameter no field uses, in a struct, an enum and a unit struct, held by another type (E0392)': {
    lib: 'pub struct D5<T> { pub a: u8 }\npub struct U5 { pub d: D5<u8> }\npub enum D18<T> { A, B }\npub struct U18(pub D18<u16>);\npub struct D19<T>;\npub struct U19(pub D19<u32>, pub u8);\npub struct D15<T> where T: Copy { pub a: u8 }\npub struct U15(pub D15<u8>);\n',
    refused: ['U5', 'U18', 'U19', 'U15'],
  },
  "lifetimes used but never declared (E0261), in a reference, an argument, an alias": {
    lib: "pub struct P1 { pub a: u8, pub s: &'a str }\npub struct P3 { pub c: std::borrow::Cow<'a, str> }\npub type A3 = &'z u8;\npub struct P6(pub A3);\n",
    refused: ['P1', 'P3', 'P6'],
  },
  'parameters used where the model keeps little (a function pointer, a trait object, `[T; 0]`, a binding that constrains `U`), and distinct names: numbers': {
    lib: "pub struct D8<T> { pub f: fn(T) }\npub struct D9<'a> { pub f: Box<dyn Fn(&'a u8)> }\npub struct D20<T>(pub [T; 0]);\npub struct D21<'a>(pub [&'a u8; 0]);\npub struct D10<T: Iterator<Item = U>, U> { pub t: T }\npub struct D13<'a> { pub p: std::marker::PhantomData<&'a ()> }\npub struct D14<'a> { pub s: &'a str, pub t: &'a str }\npub struct W { pub a: D8<u8>, pub b: D9<'static>, pub c: D20<u64>, pub d: D21<'static>, pub e: D10<std::vec::IntoIter<u8>, u8>, pub f: D13<'static>, pub g: D14<'static> }\npub enum E { A { x: u8, y: u8 }, B { x: u16, y: u16 } }\npub struct F { pub x: u8, pub y: u8 }\n",
    numbers: ['W', 'D21', 'E', 'F'],
  },
  "a type parameter constrained by a function bound's output (`F: FnOnce() -> O`, tokio-util's CallOnDrop; `F: for<'c> Fn(&'c u8) -> V` in a where clause, slog's FnValue): numbers": {
    lib: "pub struct CallOnDrop<O, F: FnOnce() -> O> { pub f: std::mem::ManuallyDrop<F> }\npub struct FnValue<V, F>(pub F) where F: 'static + for<'c> Fn(&'c u8) -> V;\npub struct W1(pub CallOnDrop<u8, fn() -> u8>, pub FnValue<u16, fn(&u8) -> u16>, pub u8);\n",
    numbers: ['W1'],
  },
  "a raw lifetime (`'r#a`) is the lifetime `'a`: declared and used either way, numbers": {
    lib: "pub struct K8<'r#a> { pub x: &'r#a u8, pub y: &'a u16 }\npub struct K9<'a> { pub x: std::borrow::Cow<'r#a, str> }\npub struct W(pub K8<'static>, pub K9<'static>);\n",
    numbers: ['W'],
  },
  'an argument rustc refuses where the layout never looks at it (`Vec<Strng>`, `PhantomData<Vec<u8, u8, u8>>`, `Vec<Box<Tr>>`): no number': {
    lib: 'pub struct A1 { pub a: Vec<Strng> }\npub struct A5 { pub a: std::marker::PhantomData<Foo> }\npub struct A9 { pub a: Vec<Vec<Foo>>, pub b: u8 }\npub struct B5 { pub a: Vec<Option> }\npub struct B3 { pub a: std::marker::PhantomData<Vec<u8, u8, u8>> }\npub trait Tr {}\npub struct B1 { pub a: Vec<Box<Tr>> }\npub struct H<T> { pub v: Vec<T> }\npub struct U { pub h: H<Strng> }\n',
    noNumber: ['A1', 'A5', 'A9', 'B5', 'U'],
    refused: ['B3', 'B1'],
  },
  "std derives a field or the type itself cannot have: `Copy` over a `String` (E0204), `Eq` over an `f32`, `Copy` without `Clone`, `Debug` over a type without it (E0277), a union's `Debug`, an enum's `Default` without `#[default]` (E0665)": {
    lib: "#[derive(Clone, Copy)] pub struct C1 { pub s: String }\n#[derive(Eq, PartialEq)] pub struct C2 { pub f: f32 }\n#[derive(Hash)] pub struct C3 { pub f: f64 }\n#[derive(Default)] pub enum C4 { A, B }\npub struct NoDbg;\n#[derive(Debug)] pub struct C5 { pub n: NoDbg }\n#[derive(Copy)] pub struct C6 { pub a: u8 }\n#[derive(Clone)] pub union U1 { pub a: u8 }\n#[derive(Debug)] pub union U2 { pub a: u8 }\n#[derive(Clone, Copy)] pub union U3 { pub a: std::mem::ManuallyDrop<String> }\n#[derive(Eq)] pub struct E1 { pub a: u8 }\n#[derive(Ord, PartialOrd, PartialEq)] pub struct E2 { pub a: u8 }\n#[derive(PartialOrd)] pub struct C12 { pub a: u8 }\n#[derive(Clone, Copy)] pub enum C13 { A(Vec<u8>), B }\n#[derive(Clone)] pub struct G1<T> { pub v: Vec<T>, pub r: &'static mut u8 }\n#[derive(Copy, Clone)] pub struct G3<T> { pub v: std::marker::PhantomData<T>, pub b: Box<u8> }\npub struct W(pub G3<u8>, pub u16);\n#[derive(Hash)] pub struct H1<'a> { pub s: &'a str, pub f: &'a f32 }\n",
    refused: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'U1', 'U3', 'E1', 'E2', 'C12', 'C13', 'G1', 'W', 'H1'],
    noNumber: ['U2'],
  },
  'std derives rustc accepts: generic fields bounded by the derive, a recursive type, a manual `Clone` under a derived `Copy`, a union `Copy`, an enum `Default` on a unit variant: numbers': {
    lib: "use std::fmt::Debug;\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)] pub struct P<T> { pub t: T, pub pair: (T, u8), pub arr: [T; 2] }\n#[derive(Clone, Debug, PartialEq, Default)] pub struct V<T> { pub v: Vec<T>, pub o: Option<Box<V<T>>>, pub p: std::marker::PhantomData<T> }\n#[derive(Copy)] pub struct M { pub a: u8 }\nimpl Clone for M { fn clone(&self) -> Self { *self } }\n#[derive(Clone, Copy)] pub union Un { pub a: u32, pub b: f32 }\n#[derive(Default, Debug, Clone, PartialEq, Eq, Hash)] pub enum En { #[default] A, B(String), C { x: Vec<u8> } }\n#[derive(Debug, Hash, PartialEq, Eq, PartialOrd, Ord, Clone)] pub struct R<'a> { pub s: &'a str, pub f: fn(&str) -> usize, pub b: Box<str> }\n#[derive(Debug, Clone, PartialEq, PartialOrd)] pub struct F { pub x: f32, pub y: Option<f64> }\npub struct W { pub a: P<u16>, pub b: V<String>, pub c: M, pub d: Un, pub e: En, pub f: R<'static>, pub g: F }\n",
    numbers: ['W', 'M', 'Un', 'En', 'F'],
  },
  "a derive written twice, or beside the crate's own impl of the trait (E0119); `pub` on an enum's field (E0449)": {
    lib: '#[derive(Clone)]\n#[derive(Clone, Debug)]\npub struct D(pub u8);\n#[derive(Clone)] pub struct F(pub u8);\nimpl Clone for F { fn clone(&self) -> Self { F(self.0) } }\npub enum E1 { A(u8), B(pub u8) }\npub enum E2 { A { pub(crate) x: u16 } }\npub struct W(pub E1);\n',
    refused: ['D', 'F', 'E1', 'E2', 'W'],
  },
  'an impl written for a type alias or a renamed import beside a derive of the same trait, a struct holding the type (E0119; hunt P)': {
    lib: '#[derive(Clone)] pub struct T1(pub u8);\npub type A1 = T1;\nimpl Clone for A1 { fn clone(&self) -> Self { T1(self.0) } }\nmod m { #[derive(Default)] pub struct T2(pub u16); }\nuse m::T2 as R2;\nimpl Default for R2 { fn default() -> Self { R2(0) } }\npub struct W(pub T1, pub m::T2);\n',
    refused: ['T1', 'm::T2', 'W'],
  },
  'a unit or tuple struct is a value too: a constant or static of its name is E0428 (a braced struct is not)': {
    lib: '#![allow(non_upper_case_globals)]\npub struct C;\npub const C: u8 = 1;\npub struct D(pub u16);\npub static D: u8 = 1;\npub struct U(pub C, pub D);\n',
    refused: ['C', 'D', 'U'],
  },
  'a braced struct and a constant of its name: numbers': {
    lib: '#![allow(non_upper_case_globals)]\npub struct B { pub b: u8 }\npub const B: u8 = 1;\npub struct U(pub B, pub u16);\n',
    numbers: ['B', 'U'],
  },
  'a type alias defined twice (E0428), with a derive (E0774) or a repr (E0517), held by a struct': {
    lib: 'pub type A = u8;\npub type A = u16;\npub struct U1(pub A);\n#[derive(Clone)] pub type B = u8;\npub struct U2(pub B);\n#[repr(C)] pub type C = u8;\npub struct U3(pub C);\n',
    refused: ['U1', 'U2', 'U3'],
  },
  "generics rustc refuses whatever the arguments: a default naming no type, an unsized default of a Sized parameter (E0277), a default before a parameter without one, a `where` predicate on an undeclared `T`, a reference to a slice of no type": {
    lib: "pub struct A<T = Foo>(pub std::marker::PhantomData<T>);\npub struct UA(pub A<u8>);\npub struct B<T = [u8]>(pub Vec<T>);\npub struct UB(pub B<u8>);\npub struct C where T: Copy { pub a: u8 }\npub struct D<L = u8, R>(pub L, pub R);\npub struct UD(pub D<u8, u8>);\npub struct E { pub s: &'static [Strng] }\n",
    refused: ['B', 'UB'],
    noNumber: ['A', 'UA', 'C', 'D', 'UD', 'E'],
  },
  "what rustc accepts beside those: raw and weak keywords as field names, aliases, defaults, `where` predicates, `T: ?Sized = str`, `PartialEq<u8>` beside a derived `PartialEq`: numbers": {
    lib: "pub struct K { pub r#type: u8, pub union: u16, pub r#match: u32 }\npub type A = Vec<u8>;\npub struct F<T: Clone = u32> { pub t: T }\npub struct G<T> where Vec<T>: Clone, u8: Copy { pub t: T }\npub struct H<T: ?Sized = str>(pub Box<T>);\n#[derive(PartialEq)] pub struct P(pub u8);\nimpl PartialEq<u8> for P { fn eq(&self, o: &u8) -> bool { self.0 == *o } }\npub enum E { A(u8), B { x: u16 } }\npub struct W { pub k: K, pub a: A, pub f: F, pub g: G<u8>, pub h: H, pub p: P, pub e: E, pub s: &'static [u8] }\n",
    numbers: ['K', 'W', 'P', 'E'],
  },
  "an allocator argument (E0658), a `where` predicate on a concrete type that does not hold, a `?Sized` parameter held by value before the last field, in an enum or in an array (E0277)": {
    lib: "pub struct V1 { pub v: Vec<u8, std::alloc::Global> }\npub union W1 where String: Copy { pub a: u8 }\npub struct W3<T> where f32: Eq { pub t: T }\npub struct UW3(pub W3<u8>);\npub enum S1<L: ?Sized, R> { A(L), B(R) }\npub struct US1(pub S1<u8, u8>);\npub struct S2<T: ?Sized> { pub v: T, pub n: u8 }\npub struct US2(pub S2<u8>);\npub struct S4<T: ?Sized> { pub n: u8, pub v: [T; 2] }\npub struct US4(pub S4<u8>);\n",
    refused: ['V1', 'W1', 'UW3', 'US1', 'US2', 'US4'],
  },
  "`async` as a field's name: a keyword from the 2018 edition on, a name in 2015": {
    lib: 'pub struct N1 { pub async: u8, pub b: u16 }\npub struct U(pub N1);\n',
    noNumber: ['N1', 'U'],
  },
  "`async` as a field's name in a 2015 crate, `?Sized` parameters in a tail or behind a pointer, `where` predicates that hold: numbers": {
    edition: '2015',
    lib: 'pub struct N1 { pub async: u8, pub b: u16 }\npub struct S3<T: ?Sized> { pub n: u8, pub v: T }\npub struct S5<T: ?Sized> { pub n: u8, pub v: Box<T> }\npub struct W2 where u8: Copy, Vec<u8>: Clone { pub a: u8 }\npub struct U { pub a: N1, pub b: S3<u8>, pub c: S5<str>, pub d: W2 }\n',
    numbers: ['N1', 'U', 'W2'],
  },
  "a bound naming a trait found nowhere (E0405: `T: Foo`, `T: Debug` not imported), a default that does not meet its parameter's bound (`T: Copy = String`: E0277)": {
    lib: 'pub struct Id<T: Foo>(pub u64, pub std::marker::PhantomData<T>);\npub struct UI(pub Id<u8>);\npub struct D<T: Debug>(pub T);\npub struct UD(pub D<u8>);\n',
    noNumber: ['UI', 'UD'],
  },
  "a default that does not meet its parameter's bound (`T: Copy = String`: E0277), the type used with another argument": {
    lib: 'pub union G<T: Copy = String> { pub v: T, pub r: u8 }\npub struct UG(pub G<u32>);\n',
    refused: ['UG'],
  },
  'bounds naming an imported trait, the prelude\'s, a crate\'s trait, defaults that meet their bounds: numbers': {
    lib: 'use std::hash::Hash;\nuse std::fmt::Debug;\npub struct H<T: Hash + Send + Unpin + Clone + Debug>(pub T);\npub trait Tr {}\nimpl Tr for u8 {}\npub struct Q<T> where T: Tr + Iterator<Item = u8> { pub t: T }\npub union G<T: Copy = u16> { pub v: T, pub r: u8 }\npub struct W(pub H<u8>, pub G, pub Q<std::iter::Empty<u8>>);\nimpl Tr for std::iter::Empty<u8> {}\n',
    numbers: ['W'],
  },
  '`Self` in a default (E0735), a const parameter of a type found nowhere (`const N: Vect`)': {
    lib: 'pub enum Tree<T = Self> { Leaf(T), B(u8) }\npub struct UT(pub Tree<u8>);\npub struct Fx<T, const N: Vect> { pub items: [T; 2], pub len: u8 }\npub struct UF(pub Fx<u16, 5>);\n',
    refused: ['UT'],
    noNumber: ['UF'],
  },
};

describe('definition errors rustc finds in the definition alone (E0124, E0428, E0392, E0261), against rustc', function () {
  this.timeout(600_000);
  for (const [name, c] of Object.entries(CASES)) it(name, () => checkPackageCase(c));
});
