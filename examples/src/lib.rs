//! Open this crate with Rust Layout Lens and hover a type's name: the size, alignment,
//! field offsets and padding shown are the ones rustc picks for the selected target
//! (`Rust Layout: Select Target`). Numbers in the comments are for x86_64-unknown-linux-gnu.
#![allow(dead_code)]

pub mod shapes;

use std::collections::HashMap;

use shapes::{Color, Shape};

/// Two `f64`s: 16 bytes, align 8, no padding.
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// The default representation lets rustc reorder fields: `b`, `c`, `a` → 16 bytes.
/// In declaration order it would need 24.
pub struct Mixed {
    a: u8,
    b: u64,
    c: u16,
}

/// `repr(C)` keeps declaration order, so the padding stays: 24 bytes, 13 of them padding
/// (7 after `tag`, 6 at the end). Declaring `length, flags, tag` would make it 16.
#[repr(C)]
pub struct Header {
    tag: u8,
    length: u64,
    flags: u16,
}

/// `Option<Box<Node>>` costs no tag: `None` is the null pointer (a niche), so it is 8 bytes
/// and a node is 16.
pub struct Node {
    value: u64,
    next: Option<Box<Node>>,
}

/// `String`'s capacity can never exceed `isize::MAX`, and the enum stores its tag in those
/// spare values: 24 bytes, the size of a `String` alone.
pub enum Token {
    Word(String),
    Number(u64),
    End,
}

/// Uses types declared in another file (`src/shapes.rs`).
pub struct Sprite {
    shape: Shape,
    color: Color,
    position: Point,
}

/// A tuple struct: fields are named `0`, `1`; reordered like any default-repr struct.
pub struct Pair(u8, u32);

/// 72 bytes inline; the rest is on the heap. Hover `names` or `stock` for what they take with
/// 1,000 entries (`rustLayout.heap.entries`), or open the panel on this type for the chart.
pub struct Inventory {
    names: Vec<String>,
    stock: HashMap<u32, u64>,
}

/// Generic: no layout of its own until it has arguments. Its CodeLens and hover list the
/// instances this file's types hold: `Slot<u8>` is 2 bytes, `Slot<u64>` 16.
pub struct Slot<T> {
    value: T,
    used: bool,
}

/// Holds two instances of `Slot`: 24 bytes (rustc puts the 16-byte one first).
pub struct Slots {
    small: Slot<u8>,
    large: Slot<u64>,
}
