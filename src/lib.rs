//! CSTO Atlas: the Collective Security Treaty Organization as an interactive org chart.
//!
//! The flow runs one way: [`model`] (load and validate) → [`view`] (filters) → [`layout`]
//! (positions and routed connectors) → [`scene`] (shapes, styled from [`style`]) → the window
//! ([`ui`]) or a file ([`export`]). Beside the view, [`search`] finds bodies by name and text and
//! [`history`] compares two dates, and
//! [`report`] gathers all that is known about one body, which [`book`] typesets for print. The command line lives in the binary and is a leaf.

pub mod biblio;
/// The atlas as a typeset book (native only: typst is not built for the browser).
#[cfg(not(target_arch = "wasm32"))]
pub mod book;
pub mod export;
pub mod fonts;
pub mod generate;
pub mod history;
pub mod i18n;
pub mod layout;
pub mod metrics;
pub mod model;
pub mod report;
pub mod scene;
pub mod search;
pub mod style;
pub mod ui;
pub mod view;
