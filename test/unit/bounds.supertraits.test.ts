/**
 * A bound on a crate's trait asks for its supertraits too (`T: Sub` with `trait Sub: Sup` needs
 * `T: Sup`: rustc refuses an impl of `Sub` for a type without `Sup`, E0277), and a bound with
 * generic arguments on a crate's trait (`A: Allocator<u16>`) is decided by that trait's impls.
 * A generic definition that passes its parameter on (`struct H<U: Sub>(W<U>)`) gets the asked
 * trait through its bounds' supertraits and blanket impls. These gave numbers where rustc refuses
 * the crate. Each case is a package checked against rustc
 * 1.95: a refused one must carry rustc's error code on `Use`, a compiled one rustc's numbers.
 */
import { checkPackageCase, type PackageCase } from './packageCases';

const ALLOC = `pub trait Allocator<T> { type M; }
pub struct HeapAlloc<T>(core::marker::PhantomData<T>);
impl<T> Allocator<T> for HeapAlloc<T> { type M = Vec<T>; }
`;
const BROTLI = `${ALLOC}pub trait BrotliAlloc: Allocator<u8> + Allocator<u16> {}
impl<A: Allocator<u8> + Allocator<u16>> BrotliAlloc for A {}
pub struct Worker<Alloc: BrotliAlloc> { pub a: Alloc, pub b: <Alloc as Allocator<u8>>::M, pub c: <Alloc as Allocator<u16>>::M }
`;
const G = 'pub struct G<T: Sub>(pub T, pub u16);\npub struct Use { pub g: G<K> }\n';

const CASES: Readonly<Record<string, PackageCase>> = {
  "a crate's supertrait the argument lacks (`trait Sub: Sup`, `impl Sub for K` alone): E0277": {
    lib: `pub trait Sup {}\npub trait Sub: Sup {}\npub struct K;\nimpl Sub for K {}\n${G}`,
    refused: ['Use'],
  },
  'a supertrait of a supertrait (`Sub: Mid`, `Mid: Sup`): E0277': {
    lib: `pub trait Sup {}\npub trait Mid: Sup {}\npub trait Sub: Mid {}\npub struct K;\nimpl Sub for K {}\nimpl Mid for K {}\n${G}`,
    refused: ['Use'],
  },
  'a supertrait written as a where clause on Self (`trait Sub where Self: Sup`): E0277': {
    lib: `pub trait Sup {}\npub trait Sub where Self: Sup {}\npub struct K;\nimpl Sub for K {}\n${G}`,
    refused: ['Use'],
  },
  "std `Copy` as a supertrait of a type that is not Copy: E0277": {
    lib: `pub trait Sub: Copy {}\npub struct K(pub u32);\nimpl Sub for K {}\n${G}`,
    refused: ['Use'],
  },
  'std `Debug` as a supertrait, Clone derived only: E0277': {
    lib: `pub trait Sub: Clone + core::fmt::Debug {}\n#[derive(Clone)]\npub struct K(pub u8);\nimpl Sub for K {}\n${G}`,
    refused: ['Use'],
  },
  'std `Send` as a supertrait of a type holding an Rc: E0277': {
    lib: `pub trait Sub: Send {}\npub struct K(pub std::rc::Rc<u8>);\nimpl Sub for K {}\n${G}`,
    refused: ['Use'],
  },
  'a supertrait met only by a blanket impl whose bound the argument lacks (`impl<T: Copy> Sup for T`): E0277': {
    lib: `pub trait Sup {}\nimpl<T: Copy> Sup for T {}\npub trait Sub: Sup {}\npub struct K(pub u8);\nimpl Sub for K {}\n${G}`,
    refused: ['Use'],
  },
  "a generic trait's supertrait with its argument (`trait Sub<T>: Sup<T>`, `Sub<u16>` asked, `Sup<u8>` given): E0277": {
    lib: `pub trait Sup<T> {}\npub trait Sub<T>: Sup<T> {}\npub struct K;\nimpl Sup<u8> for K {}\nimpl Sub<u16> for K {}\npub struct G<T: Sub<u16>>(pub T, pub u16);\npub struct Use { pub g: G<K> }\n`,
    refused: ['Use'],
  },
  "a bound with arguments on a crate's trait no impl meets (`A: Allocator<u16>` for `HeapAlloc<u8>`): E0277": {
    lib: `${ALLOC}pub struct W<A: Allocator<u16>>(pub A, pub u8);\npub struct Use { pub w: W<HeapAlloc<u8>> }\n`,
    refused: ['Use'],
  },
  "brotli's pattern: `Alloc: BrotliAlloc` with `BrotliAlloc: Allocator<u8> + Allocator<u16>` and an allocator of u8 only: E0277": {
    lib: `${BROTLI}pub struct Use { pub w: Worker<HeapAlloc<u8>> }\n`,
    refused: ['Use'],
  },
  'supertraits that hold (own impls, derives, a blanket impl, where Self, generic arguments, std auto traits): numbers': {
    lib: `pub trait Sup {}
impl<T: Copy> Sup for T {}
pub trait Sub: Sup + Clone + core::fmt::Debug + Send + Sync {}
#[derive(Clone, Copy, Debug)]
pub struct K(pub u8);
impl Sub for K {}
${G}pub trait Own {}
pub trait Sub2 where Self: Own {}
pub struct K2(pub u32);
impl Own for K2 {}
impl Sub2 for K2 {}
pub struct G2<T: Sub2>(pub T, pub u8);
pub struct Use2 { pub g: G2<K2> }
pub trait GSup<T> {}
pub trait GSub<T>: GSup<T> {}
impl GSup<u16> for K2 {}
impl GSub<u16> for K2 {}
pub struct G3<T: GSub<u16>>(pub T, pub u16);
pub struct Use3 { pub g: G3<K2> }
`,
    numbers: ['Use', 'Use2', 'Use3'],
  },
  "brotli's pattern with an allocator of both (`impl Allocator<u8> for S`, `impl Allocator<u16> for S`): numbers": {
    lib: `${BROTLI}pub struct S;
impl Allocator<u8> for S { type M = Box<[u8]>; }
impl Allocator<u16> for S { type M = Vec<u16>; }
pub struct Use { pub w: Worker<S> }
`,
    numbers: ['Use'],
  },
  "a generic definition passing its parameter on (`struct H<U: Sub>(W<U>)`, `W<T: Sup>`): a crate trait without the asked supertrait is E0277, as rustc rejects H": {
    lib: `pub trait Sup {}
pub trait Sub {}
pub struct W<T: Sup>(pub T);
pub struct H<U: Sub>(pub W<U>, pub u8);
pub struct K; impl Sup for K {} impl Sub for K {}
pub struct Use(pub H<K>);
`,
    refused: ['Use'],
  },
  "a crate trait's std supertraits do not give another std trait (`Sub: Debug` asked `Clone`): E0277": {
    lib: `pub trait Sub: core::fmt::Debug {}
pub struct W<T: Clone>(pub T);
pub struct H<U: Sub>(pub W<U>, pub u8);
#[derive(Clone, Copy, Debug)] pub struct K; impl Sub for K {}
pub struct Use(pub H<K>);
`,
    refused: ['Use'],
  },
  "a blanket impl (`impl<T: Copy> Sup for T`) covers the parameter only when its bounds give `Copy`: E0277": {
    lib: `pub trait Sup {}
impl<T: Copy> Sup for T {}
pub trait Sub {}
pub struct W<T: Sup>(pub T);
pub struct H<U: Sub>(pub W<U>, pub u8);
#[derive(Clone, Copy)] pub struct K; impl Sub for K {}
pub struct Use(pub H<K>);
`,
    refused: ['Use'],
  },
  "a parameter's bounds give the asked trait through supertraits, where clauses and blanket impls: numbers": {
    lib: `pub mod p1 {
pub trait Sup {}
pub trait Sub: Sup {}
pub struct W<T: Sup>(pub T);
pub struct H<U: Sub>(pub W<U>, pub u8);
pub struct K; impl Sup for K {} impl Sub for K {}
pub struct Use(pub H<K>);
}
pub mod p3 {
pub trait Sub: Copy {}
pub struct W<T: Clone>(pub T);
pub struct H<U: Sub>(pub W<U>, pub u8);
#[derive(Clone, Copy)] pub struct K; impl Sub for K {}
pub struct Use(pub H<K>);
}
pub mod p5 {
pub trait Sup {}
pub trait Mid: Sup {}
pub trait Sub: Mid {}
pub struct W<T: Sup>(pub T);
pub struct H<U>(pub W<U>, pub u8) where U: Sub;
pub struct K; impl Sup for K {} impl Mid for K {} impl Sub for K {}
pub struct Use(pub H<K>);
}
pub mod p7 {
pub trait Sup {}
impl<T: Copy> Sup for T {}
pub trait Sub: Copy {}
pub struct W<T: Sup>(pub T);
pub struct H<U: Sub>(pub W<U>, pub u8);
#[derive(Clone, Copy)] pub struct K; impl Sub for K {}
pub struct Use(pub H<K>);
}
pub mod p8 {
pub trait Sup {}
impl<T> Sup for T {}
pub trait Sub {}
pub struct W<T: Sup>(pub T);
pub struct H<U: Sub>(pub W<U>, pub u8);
pub struct K; impl Sub for K {}
pub struct Use(pub H<K>);
}
pub mod p9 {
pub trait Sup {}
impl<T: Sub> Sup for T {}
pub trait Sub {}
pub struct W<T: Sup>(pub T);
pub struct H<U: Sub>(pub W<U>, pub u8);
pub struct K; impl Sub for K {}
pub struct Use(pub H<K>);
}
`,
    numbers: ['p1::Use', 'p3::Use', 'p5::Use', 'p7::Use', 'p8::Use', 'p9::Use'],
  },
};

describe("bounds: a crate trait's supertraits and its bounds with arguments, against rustc", function () {
  this.timeout(300_000);
  for (const [title, c] of Object.entries(CASES)) it(title, () => checkPackageCase(c));
});
