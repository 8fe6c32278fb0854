import assert from 'node:assert/strict';
import { extract, item, struct, enumDef, showType, showConst } from './parseHelpers';
import { parseIntLiteral, parseCharLiteral, outerDocText } from '../../src/parse/extract';
import type { TypeAliasDef, TypeExpr } from '../../src/core/model';

async function aliasType(src: string): Promise<string> {
  const f = await extract(`type T = ${src};`);
  const a: TypeAliasDef = item(f, 'alias', 'T');
  assert.ok(a.ty, `no type for ${src}`);
  return showType(a.ty);
}

describe('parse: extractFile', () => {
  describe('type expressions', () => {
    const cases: [string, string][] = [
      ['u8', 'u8'],
      ['Vec<u8>', 'Vec<u8>'],
      ['std::collections::HashMap<K, V>', 'std::collections::HashMap<K, V>'],
      ['::std::vec::Vec<u8>', '::std::vec::Vec<u8>'],
      ['Option<Box<dyn Fn(u8) -> u8 + Send>>', 'Option<Box<dyn Fn+Send>>'],
      ['[u8; N]', '[u8; N]'],
      ['[u8; 4]', '[u8; 4]'],
      ['[[u16; 2]; 3]', '[[u16; 2]; 3]'],
      ['[u8; 1 << 3]', '[u8; (1 << 3)]'],
      ['[u8; size_of::<u64>() * 2]', '[u8; (size_of<u64> * 2)]'],
      ['Foo<3>', 'Foo<{3}>'],
      ['Foo<{N + 1}>', 'Foo<{(N + 1)}>'],
      ['Foo<-1>', 'Foo<{(-1)}>'],
      ['Foo<true>', 'Foo<{true}>'],
      ["&'a mut [u8]", '&mut [u8]'],
      ["&'static str", '&str'],
      ['&T', '&T'],
      ['*const T', '*const T'],
      ['*mut u8', '*mut u8'],
      ['[u8]', '[u8]'],
      ['(u8, u16)', '(u8, u16)'],
      ['(u8,)', '(u8)'],
      ['()', '()'],
      ['fn(u8) -> u8', 'fn'],
      ['unsafe extern "C" fn(i32) -> !', 'fn'],
      ["for<'a> fn(&'a u8)", 'fn'],
      ['!', '!'],
      ['dyn Any', 'dyn Any'],
      ["dyn Any + Send + 'static", 'dyn Any+Send'],
      ['dyn std::io::Write', 'dyn std::io::Write'],
      ['impl Iterator<Item = u8>', 'impl'],
      ['_', '_'],
      ['my_macro!(u8)', 'macro:my_macro!(u8)'],
      ['<T as Trait>::X', 'Q:<T as Trait>::X'],
      ['Self', 'Self'],
      ['Self::Item', 'Self::Item'],
      ['crate::a::B', 'crate::a::B'],
      ['super::B', 'super::B'],
      ['self::B', 'self::B'],
      ['a::B<u8>::C', 'a::B<u8>::C'],
      ['Iterator<Item = u8>', 'Iterator<Item=u8>'],
      ["Cow<'a, str>", "Cow<'a, str>"],
      ['Box<Fn(u8)>', 'Box<dyn Fn>'],
      ['Box<Tr + Send>', 'Box<dyn Tr+Send>'],
      ['r#type', 'type'],
    ];
    for (const [src, want] of cases) {
      it(`${src} → ${want}`, async () => {
        assert.equal(await aliasType(src), want);
      });
    }
  });

  describe('constant expressions (discriminants)', () => {
    const cases: [string, string][] = [
      ['0x1F', '31'],
      ['0b1010_1010', '170'],
      ['0o17', '15'],
      ['1_000', '1000'],
      ['1u8', '1'],
      ['0xffu8', '255'],
      ['0x1f32', '7986'],
      ['-1', '(-1)'],
      ['-0x80i8', '(-128)'],
      ['1 << 3', '(1 << 3)'],
      ['(1 + 2) * 3', '((1 + 2) * 3)'],
      ['A | B', '(A | B)'],
      ['X::Y', 'X::Y'],
      ['N as isize', '(N as isize)'],
      ["b'a'", '97'],
      ["'\\n' as isize", '(10 as isize)'],
      ['size_of::<u32>()', 'size_of<u32>'],
      ['core::mem::size_of::<T>() as isize', '(size_of<T> as isize)'],
      ['std::mem::align_of::<u64>()', 'align_of<u64>'],
      ['!0', '(!0)'],
      ['{ 5 }', '5'],
      ['f(1)', 'f(1)'], ['x.pow(2)', 'x.pow(2)'], ['u32::MAX.count_ones()', 'u32::MAX.count_ones()'], ['a.b', '?a.b'],
      ['a == b', '(a == b)'],
      ['a < 1 && !(b >= 2)', '((a < 1) && (!(b >= 2)))'],
      ['a = b', '?a = b'],
      ['18446744073709551615u64', '18446744073709551615'],
      // Blocks with `let`, `match`, string and array lengths, turbofish calls.
      ['{ let x: u32 = V2; let y = x - 6; y }', '{ let x: u32 = V2; let y = (x - 6); y }'],
      ['{ let mut x = 1; x }', '{ let x = 1; x }'],
      ['{ let (a, b) = (1, 2); a }', '?{ let (a, b) = (1, 2); a }'],
      ['{ 1; 2 }', '?{ 1; 2 }'],
      ['{ let x = 1; }', '?let x = 1;'],
      ['match x { 0 => 1, -1 | 2 => 3, 1..=9 => 4, ..=5 => 6, 10.. => 7, 3..8 => 0, N => 8, a::B => 9, _ => { 10 } }', 'match x { 0 => 1, (-1) | 2 => 3, 1..=9 => 4, ..=5 => 6, 10.. => 7, 3..8 => 0, N => 8, a::B => 9, _ => 10 }'],
      ['match x { 1 | _ => 2 }', 'match x { 1 | _ => 2 }'],
      ['match x { 1 if c => 2, _ => 3 }', '?match x { 1 if c => 2, _ => 3 }'],
      ['match x { y @ 1 => 2, _ => 3 }', 'match x { ?y @ 1 => 2, _ => 3 }'],
      ['"h\\u{e9}llo".len()', 'str(6).len()'],
      ['b"x\\xffz\\\\\\n".len()', 'str bytes(5).len()'],
      ['r#"a"b"#.len()', 'str(3).len()'],
      ['"a\\q".len()', '?"a\\q".len()'],
      ['[0u8; 7].len()', '[0; 7].len()'],
      ['[1, 2, 3].len()', '[1, 2, 3].len()'],
      ['(&[1, 2]).len()', '&[1, 2].len()'],
      ['&mut [1]', '?&mut [1]'],
      ['gsz::<u64>()', 'gsz::<u64>()'],
      ['a::b::<u8, T>(1)', 'a::b::<u8, T>(1)'],
    ];
    for (const [src, want] of cases) {
      it(`${src} → ${want}`, async () => {
        const f = await extract(`enum E { A = ${src}, B }`);
        const v = enumDef(f, 'E').variants[0]!;
        assert.ok(v.discriminant, 'discriminant missing');
        assert.equal(showConst(v.discriminant), want);
        assert.equal(enumDef(f, 'E').variants[1]!.discriminant, undefined);
      });
    }
    it('keeps the literal text', async () => {
      const f = await extract('enum E { A = 0x1_0u8 }');
      const d = enumDef(f, 'E').variants[0]!.discriminant;
      assert.deepEqual(d, { kind: 'int', value: 16n, text: '0x1_0u8' });
    });
    it('parseIntLiteral rejects garbage and accepts all radixes', () => {
      assert.equal(parseIntLiteral('0x'), undefined);
      assert.equal(parseIntLiteral('0b102'), undefined);
      assert.equal(parseIntLiteral('12abc'), undefined);
      assert.equal(parseIntLiteral('0o777_usize'), 511n);
      assert.equal(parseIntLiteral('340282366920938463463374607431768211455u128'), 2n ** 128n - 1n);
    });
    it('parseCharLiteral handles escapes and astral chars', () => {
      assert.equal(parseCharLiteral("'\\u{1F600}'"), 0x1f600n);
      assert.equal(parseCharLiteral("'😀'"), 0x1f600n);
      assert.equal(parseCharLiteral("b'\\x7f'"), 127n);
      assert.equal(parseCharLiteral("'ab'"), undefined);
    });
  });

  describe('structs, unions, enums', () => {
    it('named, tuple and unit structs', async () => {
      const f = await extract('struct A { x: u8, pub y: u16 }\npub struct B(pub u8, u16);\nstruct C;\nstruct D {}\nstruct E();');
      const a = struct(f, 'A');
      assert.equal(a.shape, 'named');
      assert.deepEqual(a.fields.map((x) => [x.name, showType(x.ty), x.vis]), [
        ['x', 'u8', undefined],
        ['y', 'u16', 'pub'],
      ]);
      const b = struct(f, 'B');
      assert.equal(b.shape, 'tuple');
      assert.equal(b.vis, 'pub');
      assert.deepEqual(b.fields.map((x) => [x.name, showType(x.ty), x.vis]), [
        ['0', 'u8', 'pub'],
        ['1', 'u16', undefined],
      ]);
      assert.equal(struct(f, 'C').shape, 'unit');
      assert.equal(struct(f, 'C').bodySpan, undefined);
      assert.equal(struct(f, 'D').shape, 'named');
      assert.equal(struct(f, 'D').fields.length, 0);
      assert.equal(struct(f, 'E').shape, 'tuple');
      assert.equal(struct(f, 'E').fields.length, 0);
    });
    it('unions', async () => {
      const f = await extract('#[repr(C)] union U { a: u32, b: [u8; 4] }');
      const u = item(f, 'union', 'U');
      assert.equal(u.repr.c, true);
      assert.deepEqual(u.fields.map((x) => showType(x.ty)), ['u32', '[u8; 4]']);
    });
    it('enum variants of every shape, with attributes and docs', async () => {
      const src = `enum E {
    /// the a
    #[cfg(unix)]
    A,
    B(u8, #[cfg(x)] u16),
    C { x: u32 },
    D = 5,
}`;
      const f = await extract(src);
      const e = enumDef(f, 'E');
      assert.deepEqual(e.variants.map((v) => [v.name, v.shape, v.fields.length]), [
        ['A', 'unit', 0],
        ['B', 'tuple', 2],
        ['C', 'named', 1],
        ['D', 'unit', 0],
      ]);
      const a = e.variants[0]!;
      assert.deepEqual(a.cfg, [{ kind: 'name', name: 'unix' }]);
      assert.equal(src.slice(a.span.start, a.span.end), '/// the a\n    #[cfg(unix)]\n    A');
      assert.equal(a.line, 3);
      assert.deepEqual(e.variants[1]!.fields[1]!.cfg, [{ kind: 'name', name: 'x' }]);
      assert.equal(src.slice(e.bodySpan!.start, e.bodySpan!.end).startsWith('{'), true);
    });
    it('field spans cover leading attributes and doc comments, not the comma', async () => {
      const src = 'struct S {\n    /// doc\n    #[serde(skip)]\n    pub a: Vec<u8>,\n    b: u8\n}';
      const f = await extract(src);
      const [a, b] = struct(f, 'S').fields;
      assert.equal(src.slice(a!.span.start, a!.span.end), '/// doc\n    #[serde(skip)]\n    pub a: Vec<u8>');
      assert.equal(src.slice(b!.span.start, b!.span.end), 'b: u8');
      assert.equal(src.slice(a!.nameSpan.start, a!.nameSpan.end), 'a');
      assert.deepEqual(a!.attrs.map((x) => x.name), ['serde']);
    });
    it('tuple field spans include attributes and visibility; nameSpan is the type', async () => {
      const src = 'struct T(#[x] pub u8, /** d */ Box<u8>);';
      const [a, b] = struct(await extract(src), 'T').fields;
      assert.equal(src.slice(a!.span.start, a!.span.end), '#[x] pub u8');
      assert.equal(src.slice(a!.nameSpan.start, a!.nameSpan.end), 'u8');
      assert.equal(src.slice(b!.span.start, b!.span.end), '/** d */ Box<u8>');
    });
    it('item span covers attributes and docs; line is the name line', async () => {
      const src = '// plain\n/// Doc one\n/// Doc two\n#[derive(Debug)]\npub struct S;';
      const s = struct(await extract(src), 'S');
      assert.equal(src.slice(s.span.start, s.span.end), '/// Doc one\n/// Doc two\n#[derive(Debug)]\npub struct S;');
      assert.equal(s.line, 4);
      assert.equal(src.slice(s.nameSpan.start, s.nameSpan.end), 'S');
    });
  });

  describe('attributes', () => {
    const reprCases: [string, object][] = [
      ['#[repr(C)]', { c: true }],
      ['#[repr(transparent)]', { transparent: true }],
      ['#[repr(packed)]', { packed: 1 }],
      ['#[repr(packed(4))]', { packed: 4 }],
      ['#[repr(align(16))]', { align: 16 }],
      ['#[repr(C, align(8))]', { c: true, align: 8 }],
      ['#[repr(u8)]', { int: 'u8' }],
      ['#[repr(C, i64)]', { c: true, int: 'i64' }],
      ['#[repr(simd)]', { simd: true }],
      ['#[repr(C)]\n#[repr(packed(2))]', { c: true, packed: 2 }],
      ['#[repr(align(4))] #[repr(align(16))]', { align: 16 }],
      // rustc 1.95: "unrecognized representation hint" (E0552).
      ['#[repr(foo)]', { conflict: 'E0552' }],
      // rustc: "expected a literal, found expression" (no code): not told here.
      ['#[repr(align(-8))]', { unknown: ['align(-8)'] }],
      ['#[repr(align(3))]', { conflict: 'E0589' }],
      // rustc: "suffixed literals are not allowed in attributes", then E0589 (checked by hand, rustc 1.95).
      ['#[repr(align(16usize))]', { conflict: 'E0589' }],
      ['#[repr(packed(2u8))]', { conflict: 'E0589' }],
      ['#[derive(Clone)]\n/// d\n#[repr(C)]', { c: true }],
    ];
    for (const [attrs, want] of reprCases) {
      it(`repr: ${attrs.replace(/\n/g, ' ')}`, async () => {
        const s = struct(await extract(`${attrs}\nstruct S { a: u8 }`), 'S');
        const full = { c: false, transparent: false, simd: false, unknown: [], ...want };
        assert.deepEqual({ ...s.repr }, full);
      });
    }
    const cfgCases: [string, object][] = [
      ['unix', { kind: 'name', name: 'unix' }],
      ['feature = "std"', { kind: 'keyValue', key: 'feature', value: 'std' }],
      ['not(test)', { kind: 'not', item: { kind: 'name', name: 'test' } }],
      [
        'all(target_pointer_width = "64", any(unix, windows))',
        {
          kind: 'all',
          items: [
            { kind: 'keyValue', key: 'target_pointer_width', value: '64' },
            { kind: 'any', items: [{ kind: 'name', name: 'unix' }, { kind: 'name', name: 'windows' }] },
          ],
        },
      ],
      ['any()', { kind: 'any', items: [] }],
      ['foo(bar)', { kind: 'unknown', text: 'foo(bar)' }],
    ];
    for (const [pred, want] of cfgCases) {
      it(`cfg(${pred})`, async () => {
        const s = struct(await extract(`#[cfg(${pred})]\nstruct S;`), 'S');
        assert.deepEqual(s.cfg, [want]);
      });
    }
    it('#[doc = ".."] and /** */ docs belong to the item, inner doc comments do not', async () => {
      const src = '//! crate docs\n#[doc = "first \\"q\\""]\n/**\n * second\n */\nstruct S;';
      const s = struct(await extract(src), 'S');
      assert.equal(src.slice(s.span.start, s.span.end), '#[doc = "first \\"q\\""]\n/**\n * second\n */\nstruct S;');
      assert.deepEqual(s.attrs.map((a) => a.name), ['doc']);
    });
    it('//// and /*** are not doc comments', async () => {
      assert.equal(outerDocText('//// x'), undefined);
      assert.equal(outerDocText('/*** x */'), undefined);
      assert.equal(outerDocText('/**/'), undefined);
      assert.equal(outerDocText('/// x\n'), 'x');
    });
    it('inner attributes of the file', async () => {
      const f = await extract('#![no_std]\n#![cfg_attr(docsrs, feature(doc_cfg))]\nstruct S;');
      assert.deepEqual(f.innerAttrs.map((a) => a.name), ['no_std', 'cfg_attr']);
      assert.equal(f.items.length, 1);
    });
    it('visibility forms', async () => {
      const f = await extract('pub struct A; pub(crate) struct B; pub(super) struct C; pub(in crate::x) struct D; pub( crate ) struct E; struct F;');
      assert.deepEqual(
        ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => struct(f, n).vis),
        ['pub', 'pub(crate)', 'pub(super)', 'pub(in crate::x)', 'pub(crate)', undefined],
      );
    });
  });

  describe('generics', () => {
    it('where predicates on other types than the parameters are kept, those on a projection and for<..> ones marked; lifetime ones are not', async () => {
      const f = await extract(
        "struct S<'a, 'b, T>(&'a T) where Vec<T>: Clone + fmt::Debug, u64: From<T>, T: Copy, 'a: 'b, T::Out: Sized, for<'c> &'c T: Tr;\n" +
          'enum E<T> where Option<T>: Default { A(T) }\nstruct P<T>(T) where T: Copy;',
      );
      const g = struct(f, 'S').generics;
      assert.deepEqual(
        g.predicates?.map((w) => `${showType(w.ty)}: ${[...(w.traits ?? []), ...(w.bounds ?? []).map(showType)].join(' + ')}${w.projection ? ' (projection)' : ''}${w.higherRanked ? ' (for<..>)' : ''}`),
        ['Vec<T>: Clone + fmt::Debug', 'u64: From<T>', 'T::Out: Sized (projection)', '&T: Tr (for<..>)'],
      );
      assert.deepEqual(
        g.params.flatMap((p) => (p.kind === 'type' ? [`${p.name}: ${(p.traits ?? []).join(' + ')}${p.projectionBounds ? ' (projection)' : ''}`] : [])),
        ['T: Copy (projection)'],
      );
      assert.deepEqual(enumDef(f, 'E').generics.predicates?.map((w) => showType(w.ty)), ['Option<T>']);
      assert.equal(struct(f, 'P').generics.predicates, undefined);
    });
    it('type, const and lifetime params, ?Sized inline and in where clauses', async () => {
      const f = await extract(
        "struct S<'a, T: ?Sized, U: Clone = u8, V, const N: usize = 3, const M: u8>(&'a T, U, V) where V: ?Sized, U: Copy;",
      );
      const ps = struct(f, 'S').generics.params;
      assert.deepEqual(
        ps.map((p) => {
          switch (p.kind) {
            case 'lifetime':
              return p.name;
            case 'type':
              return `${p.name}${p.maybeUnsized ? '?' : ''}${p.default ? '=' + showType(p.default) : ''}`;
            case 'const':
              return `const ${p.name}: ${showType(p.ty)}${p.default ? '=' + showConst(p.default) : ''}`;
          }
        }),
        ["'a", 'T?', 'U=u8', 'V?', 'const N: usize=3', 'const M: u8'],
      );
    });
    it('?core::marker::Sized counts as ?Sized', async () => {
      const f = await extract('struct S<T: ?core::marker::Sized>(Box<T>);');
      const p = struct(f, 'S').generics.params[0]!;
      assert.equal(p.kind === 'type' && p.maybeUnsized, true);
    });
  });

  describe('other items', () => {
    it('type aliases, consts, statics', async () => {
      const f = await extract('pub type A<T> = Vec<T>;\nconst N: usize = 4 * 2;\nstatic mut S: [u8; N] = [0; N];\nconst _: () = ();');
      const a = item(f, 'alias', 'A');
      assert.equal(showType(a.ty!), 'Vec<T>');
      assert.equal(a.generics.params.length, 1);
      const n = item(f, 'const', 'N');
      assert.equal(showType(n.ty!), 'usize');
      assert.equal(showConst(n.value!), '(4 * 2)');
      const s = item(f, 'static', 'S');
      assert.equal(showType(s.ty!), '[u8; N]');
      assert.equal(s.value && showConst(s.value), '[0; N]');
    });
    const useCases: [string, [string, string?, boolean?, boolean?][]][] = [
      ['use a::b;', [['a::b']]],
      ['use a::b as c;', [['a::b', 'c']]],
      ['use a::*;', [['a', undefined, true]]],
      ['use ::std::fmt;', [['std::fmt', undefined, false, true]]],
      ['use a::{b, c as d, e::{self, *}};', [['a::b'], ['a::c', 'd'], ['a::e'], ['a::e', undefined, true]]],
      ['use a::{self as x};', [['a', 'x']]],
      ['use crate::{y, z::{self as w}};', [['crate::y'], ['crate::z', 'w']]],
      ['use self::m::T;', [['self::m::T']]],
      ['use super::super::s as _;', [['super::super::s', '_']]],
      ['use {p, q::r};', [['p'], ['q::r']]],
      ['use ::{r, s};', [['r', undefined, false, true], ['s', undefined, false, true]]],
      ['use a::{b::{c::{d, e}}, f};', [['a::b::c::d'], ['a::b::c::e'], ['a::f']]],
    ];
    for (const [src, want] of useCases) {
      it(src, async () => {
        const u = item(await extract(src), 'use');
        assert.deepEqual(
          u.entries.map((e) => [e.path.join('::'), e.alias, e.glob, e.global]),
          want.map(([p, alias, glob, global]) => [p, alias, glob ?? false, global ?? false]),
        );
      });
    }
    it('pub use keeps its visibility and cfg', async () => {
      const u = item(await extract('#[cfg(feature = "x")]\npub use a::B;'), 'use');
      assert.equal(u.vis, 'pub');
      assert.deepEqual(u.cfg, [{ kind: 'keyValue', key: 'feature', value: 'x' }]);
    });
    it('mods: file, inline with items, #[path]', async () => {
      const f = await extract('mod a;\npub mod b { pub struct X; mod c { struct Y; } }\n#[path = "other/d.rs"]\nmod d;');
      const a = item(f, 'mod', 'a');
      assert.equal(a.items, undefined);
      const b = item(f, 'mod', 'b');
      assert.ok(b.items);
      assert.equal(b.vis, 'pub');
      assert.deepEqual(b.items.map((i) => i.kind), ['struct', 'mod']);
      const c = b.items[1];
      assert.ok(c && c.kind === 'mod' && c.items?.[0]?.kind === 'struct');
      assert.equal(item(f, 'mod', 'd').pathAttr, 'other/d.rs');
    });
    it('extern crate, traits, macro invocations with their input, macro_rules! with their rules', async () => {
      const f = await extract(
        'extern crate alloc;\nextern crate foo as bar;\npub trait Tr { fn f(&self) { struct Hidden; } }\nbitflags! { struct F: u8 {} }\nfoo::bar!(x);\nmacro_rules! m { () => {} }',
      );
      assert.deepEqual(
        f.items.filter((i) => i.kind === 'externCrate').map((i) => i.kind === 'externCrate' && [i.crate, i.alias]),
        [
          ['alloc', undefined],
          ['foo', 'bar'],
        ],
      );
      assert.equal(item(f, 'trait', 'Tr').vis, 'pub');
      assert.deepEqual(
        f.items.filter((i) => i.kind === 'macroCall').map((i) => 'name' in i && i.name),
        ['bitflags', 'foo::bar'],
      );
      const calls = f.items.filter((i) => i.kind === 'macroCall');
      assert.deepEqual(calls.map((c) => c.kind === 'macroCall' && [c.input, c.inputStart]), [
        [' struct F: u8 {} ', 104],
        ['x', 133],
      ]);
      const rules = f.items.find((i) => i.kind === 'macroRules');
      assert.ok(rules?.kind === 'macroRules');
      assert.equal(rules.name, 'm');
      assert.equal(rules.body, ' () => {} ');
      assert.equal(f.items.length, 6);
    });
    it('items inside function bodies and impl blocks are ignored; inherent impls are kept for their associated consts, every trait impl for its trait', async () => {
      const f = await extract(
        'fn f() { struct Inner; enum E2 { A } }\nimpl S { const X: u8 = 1; fn g() { struct Inner2; } }\nimpl<T> Tr for S<T> { const Y: u8 = 2; }\nimpl S { fn h() {} }\nimpl Tr2 for S { fn k() {} }\nimpl !Send for S {}\nstruct Outer;',
      );
      assert.deepEqual(f.items.map((i) => ('name' in i ? i.name : i.kind)), ['impl', 'impl', 'impl', 'Outer']);
      const [impl, traitImpl, bare] = f.items;
      assert.ok(impl?.kind === 'impl' && traitImpl?.kind === 'impl' && bare?.kind === 'impl');
      assert.deepEqual(impl.consts.map((c) => c.name), ['X']);
      assert.deepEqual([traitImpl.trait, traitImpl.consts.map((c) => c.name)], ['Tr', ['Y']]);
      assert.deepEqual([bare.trait, bare.consts.length], ['Tr2', 0]);
      assert.equal(f.problems.length, 0);
    });
  });

  describe('syntax errors and half-typed code', () => {
    it('struct A { x: u8, y: } keeps x and makes y unknown', async () => {
      const f = await extract('struct A { x: u8, y: }\nstruct B { z: u16 }');
      const a = struct(f, 'A');
      assert.deepEqual(a.fields.map((x) => [x.name, x.ty.kind]), [
        ['x', 'path'],
        ['y', 'unknown'],
      ]);
      assert.equal(struct(f, 'B').fields.length, 1);
      assert.ok(f.problems.length >= 1, 'a problem is reported');
    });
    it('text tree-sitter cannot parse in a field list is a field of unknown type, never dropped (2015 bare `for<\'a> Tr<\'a>` objects, stray commas, a missing comma)', async () => {
      // rustc 1.95 (edition 2015): D, D3 and D5 are 16 bytes; the others do not compile.
      const f = await extract(
        "pub trait Tr<'a> {}\npub struct D(&'static (for<'a> Tr<'a> + Send));\npub struct D3(*const for<'a> Tr<'a>);\npub struct D5(u8, &'static for<'a> Tr<'a>);\npub struct T(u8, , u16);\npub struct U { a: u8, b: u32 c: u8 }\npub enum E { A(u8, , u16), B { x: u8 y: u8 } }\npub struct Unit(());",
      );
      for (const n of ['D', 'D3', 'D5', 'T', 'U']) {
        const fields = struct(f, n).fields;
        assert.ok(fields.some((x) => JSON.stringify(x.ty).includes('"kind":"unknown"')), `${n}: ${JSON.stringify(fields.map((x) => x.ty))}`);
      }
      const e = f.items.find((i) => i.kind === 'enum');
      assert.ok(e && e.kind === 'enum');
      for (const v of e.variants) assert.ok(v.fields.some((x) => x.ty.kind === 'unknown'), v.name);
      assert.deepEqual(struct(f, 'Unit').fields.map((x) => x.ty.kind), ['tuple'], '`()` itself is still the unit type');
    });
    it('enum E { A( followed by a struct: reports a problem, does not invent variants', async () => {
      const f = await extract('enum E { A(\nstruct C { a: u8 }\n');
      assert.ok(f.problems.length >= 1);
      for (const it of f.items) {
        if (it.kind === 'enum') assert.ok(it.variants.every((v) => v.name !== 'struct'));
      }
    });
    it('unclosed function body: items after it are still extracted', async () => {
      const f = await extract('struct P { a: u8 }\nfn x() {\n  let a = 1;\n\nstruct F { b: u8 }\nenum G { A, B }\n');
      const names = f.items.map((i) => ('name' in i ? i.name : ''));
      assert.deepEqual(names, ['P', 'F', 'G']);
      assert.ok(f.problems.length >= 1);
    });
    it('unclosed impl: recovers the struct it swallowed', async () => {
      const src = 'impl X {\n fn a(&self) {}\n\nstruct F { b: Vec<u8 }\n';
      const f = await extract(src);
      const s = struct(f, 'F');
      assert.equal(s.fields.length, 1);
      assert.ok(f.problems.some((p) => p.message.includes('unclosed')), JSON.stringify(f.problems));
    });
    it('unbalanced closing braces', async () => {
      const f = await extract('struct A { a: u8 } }\n}\nstruct B(u8);');
      assert.deepEqual(f.items.filter((i) => i.kind === 'struct').map((i) => 'name' in i && i.name), ['A', 'B']);
      assert.ok(f.problems.length >= 1);
    });
    it('missing `>` is reported at the item', async () => {
      const src = 'struct S { v: Vec<u8 }';
      const f = await extract(src);
      assert.equal(struct(f, 'S').fields.length, 1);
      assert.ok(f.problems.length >= 1);
      for (const p of f.problems) assert.ok(p.span.start >= 0 && p.span.end <= src.length);
    });
    it('never throws on truncations of a realistic source', async () => {
      const src =
        '#[repr(C)]\npub struct S<T: ?Sized> { /// d\n a: [u8; 1 << 2], b: Option<Box<dyn Fn(u8) -> u8>>, c: T }\nenum E { A = -1, B(u8), C { x: u16 } }\nuse a::{b, c::{self, *}};\nmod m { type X = (u8, [u16; 3]); }\n';
      for (let i = 0; i <= src.length; i++) {
        const f = await extract(src.slice(0, i));
        assert.ok(Array.isArray(f.items));
      }
    });
  });

  describe('lifetimes declared nowhere (E0261)', () => {
    it('the first one the generics or a where clause name, and those of trait objects and fn pointers, binders and declarations left out (both paths)', async () => {
      const src = [
        "struct A<'a: 'b, T: 'c + Copy>(&'a T) where 'a: 'd;",
        "struct B<'a, T: 'a>(&'a T) where T: Copy /* don't */;",
        "enum C<T> where for<'x> &'x T: Clone, T: 'y { X(T) }",
        "type D<T: 'k> = Vec<T>;",
        "struct E(Box<dyn for<'x> Fn(&'x u8) -> &'v u8 + 'w + 'static>, fn(&'p u8), for<'x> fn(&'x u8) -> &'q u8);",
        "struct F<'a>(Box<dyn Iterator<Item = std::borrow::Cow<'a, str>> + 'a>, Box<dyn Fn(char) -> u8>);",
        "struct G(Box<Fn(&'r u8) + Send>);",
        "struct H<const C: char = 'a'>(u8);",
      ].join('\n');
      const f = await extract(src);
      const gen = (name: string) => (f.items.find((i) => 'name' in i && i.name === name) as { generics: { undeclaredLifetime?: string } }).generics;
      assert.equal(gen('A').undeclaredLifetime, "'b");
      assert.equal(gen('B').undeclaredLifetime, undefined);
      assert.equal(gen('C').undeclaredLifetime, "'y");
      assert.equal(gen('D').undeclaredLifetime, "'k");
      assert.equal(gen('H').undeclaredLifetime, undefined);
      // The field's type, or its first generic argument (`Box<dyn ..>`).
      const inner = (t: TypeExpr): TypeExpr => (t.kind === 'path' && t.segments.at(-1)!.args[0]?.kind === 'type' ? (t.segments.at(-1)!.args[0] as { ty: TypeExpr }).ty : t);
      const lifetimes = (name: string) => struct(f, name).fields.map((x) => { const t = inner(x.ty); return (t.kind === 'dyn' || t.kind === 'fnptr' ? t.lifetimes : undefined) ?? []; });
      assert.deepEqual(lifetimes('E'), [["'v", "'w"], ["'p"], ["'q"]]);
      assert.deepEqual(lifetimes('F'), [["'a"], []]);
      assert.deepEqual(lifetimes('G'), [["'r"]]);
    });
  });

  describe('fn pointers and Fn bounds', () => {
    it("a pointer's parameters, return, safety and ABI (both paths); an Fn bound's signature", async () => {
      const src = [
        'struct F(unsafe extern "C" fn(u8) -> !, extern fn(), fn(u8, u16) -> u32, for<\'a> unsafe fn(&\'a u8), extern "Rust" fn(x: u8) -> (u8,));',
        "struct G<T: Clone + FnMut(u8, &T) -> Option<T>>(T) where T: for<'a> Fn(&'a str);",
      ].join('\n');
      const f = await extract(src);
      const sig = struct(f, 'F').fields.map((x) => {
        const t = x.ty;
        return t.kind === 'fnptr' ? [t.params, (t.inner ?? []).length, t.retNever ?? false, t.unsafe ?? false, t.abi ?? '-'] : [];
      });
      assert.deepEqual(sig, [[1, 1, true, true, 'C'], [0, 0, false, false, 'C'], [2, 3, false, false, '-'], [1, 1, false, true, '-'], [1, 2, false, false, 'Rust']]);
      const g = struct(f, 'G').generics.params[0]!;
      assert.ok(g.kind === 'type');
      assert.deepEqual(g.fnBounds?.map((b) => [b.text, b.trait, b.params.map(showType), b.ret ? showType(b.ret) : '-']), [
        ['FnMut(u8, &T) -> Option<T>', 'FnMut', ['u8', '&T'], 'Option<T>'],
        ["for<'a> Fn(&'a str)", 'Fn', ['&str'], '-'],
      ]);
    });
  });

  describe("the types inside a trait object's bounds", () => {
    it('generic arguments and bindings, then an Fn signature, bound by bound (both paths)', async () => {
      const src = [
        'struct A(Box<dyn Fn(u32, &str) -> Strng + Send>, Box<dyn Iterator<Item = Vec<u8>> + AsRef<[u8]>>);',
        "struct B(&'static (dyn for<'a> FnMut(&'a u8,) -> ! + Sync), Box<Fn(u8) -> u16 + Send>, Box<dyn Tr<u8, N = (u8, u16)>>);",
        'struct C(Box<dyn Send>, Box<dyn std::ops::Fn()>, Box<dyn Iterator<Item = Box<dyn Fn(i8)>>>);',
      ].join('\n');
      const f = await extract(src);
      const dynOf = (t: TypeExpr): TypeExpr => (t.kind === 'dyn' ? t : t.kind === 'ref' ? dynOf(t.inner) : t.kind === 'path' && t.segments.at(-1)!.args[0]?.kind === 'type' ? dynOf((t.segments.at(-1)!.args[0] as { ty: TypeExpr }).ty) : t);
      const inner = (name: string) => struct(f, name).fields.map((x) => { const t = dynOf(x.ty); return t.kind === 'dyn' ? (t.inner ?? []).map(showType) : ['not dyn']; });
      assert.deepEqual(inner('A'), [['u32', '&str', 'Strng'], ['Vec<u8>', '[u8]']]);
      assert.deepEqual(inner('B'), [['&u8'], ['u8', 'u16'], ['u8', '(u8, u16)']]);
      assert.deepEqual(inner('C'), [[], [], ['Box<dyn Fn>']]);
      // Written without `dyn` (E0782 from the 2021 edition on).
      const bare = (name: string) => struct(f, name).fields.map((x) => { const t = dynOf(x.ty); return t.kind === 'dyn' && t.bare === true; });
      assert.deepEqual(bare('A'), [false, false]);
      assert.deepEqual(bare('B'), [false, true, false]);
    });
  });

  describe('UTF-16 spans', () => {
    it('offsets after é😀 are UTF-16 code units', async () => {
      const src = '// é😀 \nstruct Ü😀 { /// ß😀\n x: u8, 😀y: u16 }\nstruct After { z: u8 }';
      const f = await extract(src);
      const after = struct(f, 'After');
      assert.equal(src.slice(after.nameSpan.start, after.nameSpan.end), 'After');
      assert.equal(src.slice(after.span.start, after.span.end), 'struct After { z: u8 }');
      const z = after.fields[0]!;
      assert.equal(src.slice(z.nameSpan.start, z.nameSpan.end), 'z');
      const first = f.items[0];
      assert.ok(first && first.kind === 'struct');
      assert.equal(src.slice(first.fields[0]!.span.start, first.fields[0]!.span.end), '/// ß😀\n x: u8');
    });
  });
});
