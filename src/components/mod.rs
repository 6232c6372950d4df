//! Components shared by several screens.

pub mod calendar_download;
pub mod conflict;
pub mod countdown;
pub mod field;
pub mod poe;
pub mod status;
pub mod timeline;
