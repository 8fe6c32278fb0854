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
};

describe('definition errors rustc finds in the definition alone (E0124, E0428, E0392, E0261), against rustc', function () {
  this.timeout(600_000);
  for (const [name, c] of Object.entries(CASES)) it(name, () => checkPackageCase(c));
});
