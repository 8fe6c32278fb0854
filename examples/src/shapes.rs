//! Enums: tags, niches, and a type from the crate root (`crate::Point`).

use crate::Point;

/// The payloads are `f64`s, which have no spare bit patterns, so the enum needs a separate
/// tag before them; rustc widens it to fill the 8 bytes before the payload: 8 + 32 → 40 bytes.
pub enum Shape {
    Circle { center: Point, radius: f64 },
    Rect { min: Point, max: Point },
    Empty,
}

/// Three variants need values 0..=2 of one byte; the other 253 values are a niche.
pub enum Color {
    Red,
    Green,
    Blue,
}

/// `Option<Color>` uses `Color`'s niche (`None` is 3): still one byte, so 2 in all.
pub struct Palette {
    primary: Color,
    accent: Option<Color>,
}

/// `bool` has 254 spare values: `Option<bool>` is 1 byte too.
pub struct Flags {
    visible: Option<bool>,
    enabled: bool,
}
