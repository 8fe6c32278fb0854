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
  "a generic definition passing its parameter to a `where Vec<T>: Clone` its bounds do not give (`H<U: Hash>`): E0277, as rustc rejects H": {
    lib: `pub struct G<T>(pub T, pub u8) where Vec<T>: Clone;
pub struct H<U: core::hash::Hash>(pub G<U>, pub u16);
pub struct Use { pub g: H<u32> }
`,
    refused: ['Use'],
  },
  "a generic definition passing its parameter to a `where (T, u8): Debug` (`H<U: Send>`): E0277": {
    lib: `pub struct G<T>(pub T, pub u8) where (T, u8): core::fmt::Debug;
pub struct H<U: Send>(pub G<U>, pub u16);
pub struct Use { pub g: H<u32> }
`,
    refused: ['Use'],
  },
  "a blanket impl of the asked trait whose bound does not give its supertrait (`trait Tr: Send`, `impl<T: Eq> Tr for T`): E0277, as rustc refuses the impl": {
    lib: `pub trait Tr: Send {}
impl<T: Eq> Tr for T {}
pub struct G<T: Tr>(pub T, pub u8);
pub struct Use { pub g: G<u8> }
`,
    refused: ['Use'],
  },
  "an impl of the asked trait for another type without its supertrait (`impl Tr for K1`, K1 not Copy; `G<K0>` asked): E0277": {
    lib: `pub trait Tr: Copy {}
#[derive(Clone, Copy)] pub struct K0(pub u8);
pub struct K1(pub u8);
impl Tr for K0 {}
impl Tr for K1 {}
pub struct G<T: Tr>(pub T, pub u8);
pub struct Use { pub g: G<K0> }
`,
    refused: ['Use'],
  },
  "an impl for a generic type whose parameter's bound does not give the supertrait (`impl<T: Hash> Tr for Vec<T>`, `Tr: Clone`): E0277": {
    lib: `pub trait Tr: Clone {}
impl<T: core::hash::Hash> Tr for Vec<T> {}
pub struct G<T: Tr>(pub T, pub u8);
pub struct Use { pub g: G<Vec<u8>> }
`,
    refused: ['Use'],
  },
  "impls and where clauses whose parameters' bounds give what is asked: numbers": {
    lib: `pub mod q1 {
pub struct G<T>(pub T, pub u8) where Vec<T>: Clone, (T, u8): core::fmt::Debug;
pub struct H<U: Copy + core::fmt::Debug>(pub G<U>, pub u16);
pub struct Use { pub g: H<u32> }
}
pub mod q2 {
pub trait Tr: Send + Clone {}
impl<T: Send + Copy> Tr for T {}
pub struct G<T: Tr>(pub T, pub u8);
pub struct Use { pub g: G<u16> }
}
pub mod q3 {
pub trait Tr: Clone + core::fmt::Debug {}
#[derive(Clone, Debug)] pub struct W<T>(pub T, pub u8);
impl<T: Copy + core::fmt::Debug> Tr for W<T> {}
impl<T: Clone + core::fmt::Debug> Tr for Vec<T> {}
pub struct G<T: Tr>(pub T, pub u8);
pub struct Use { pub g: G<W<u32>>, pub v: G<Vec<u8>> }
}
pub mod q4 {
pub trait Sup {}
impl<T: Copy> Sup for T {}
pub trait Tr: Sup {}
impl<T: Copy + Eq> Tr for T {}
pub struct G<T: Tr>(pub T, pub u8);
pub struct Use { pub g: G<u64> }
}
`,
    numbers: ['q1::Use', 'q2::Use', 'q3::Use', 'q4::Use'],
  },
};

describe("bounds: a crate trait's supertraits and its bounds with arguments, against rustc", function () {
  this.timeout(300_000);
  for (const [title, c] of Object.entries(CASES)) it(title, () => checkPackageCase(c));
});
