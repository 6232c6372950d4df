//! One module per screen, plus the banners every screen shows.

pub mod banners;
pub mod claim;
pub mod dashboard;
pub mod not_found;
pub mod settings;
pub mod training;
pub mod transfer;
pub mod update;
pub mod wizard;
