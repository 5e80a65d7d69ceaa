//! CSTO Atlas: the Collective Security Treaty Organization as an interactive org chart.
//!
//! The flow: [`model`] (load and validate) → [`view`] (filters) → [`layout`] (positions) →
//! [`scene`] (shapes) → the window ([`ui`]) or a file ([`export`]).

pub mod cli;
pub mod export;
pub mod generate;
pub mod layout;
pub mod model;
pub mod scene;
pub mod ui;
pub mod view;
