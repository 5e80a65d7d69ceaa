//! The window: the egui app, its state and actions, the panels and the chart view.
//!
//! Panels and keys read the [`AppState`] and push [`Action`]s; [`AtlasApp::apply`] is the one place
//! that changes the state.

mod action;
mod app;
mod chart;
mod drop;
mod hover;
mod jobs;
pub mod link;
#[cfg(not(target_arch = "wasm32"))]
mod native;
mod panels;
mod settings;
mod shortcuts;
mod state;
mod watch;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use action::{Action, ExportChoice};
pub use app::{AtlasApp, Screenshot};
#[cfg(not(target_arch = "wasm32"))]
pub use native::{run, Launch};
pub use panels::outline::ROWS_ID as OUTLINE_ROWS_ID;
pub use settings::{load_settings, LeftTab, OutlineMode, SavedView, Settings};
pub use shortcuts::{Command, SHORTCUTS};
pub use state::{AppState, Notice};

/// The application id: the window class, the launcher file's name and the icon's.
pub const APP_ID: &str = "csto-atlas";
