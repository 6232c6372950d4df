//! Components shared by several screens.

pub mod countdown;
pub mod field;
pub mod poe;
pub mod status;
pub mod timeline;
