//! The keyboard shortcuts, defined once: the key handling and the menus both read this table, and
//! menus show keys with `ctx.format_shortcut` (so "Ctrl" on Linux and Windows, "⌘" on macOS).

use egui::{Key, KeyboardShortcut, Modifiers};

/// What a menu item or a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Search,
    Export,
    Open,
    CopyImage,
    FitAll,
    CentreSelection,
    ZoomIn,
    ZoomOut,
    ResetView,
    ToggleOrientation,
    ClearSelection,
    /// Copy a citation of the view and the command line that reopens it.
    CiteView,
    /// Fold or unfold the selected body.
    ToggleFold,
    /// View → Go to date…: the "as of" field takes the focus.
    GoToDate,
    /// Help → About: version, data edition, licence.
    About,
    Quit,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const COMMAND: Modifiers = Modifiers::COMMAND;
const NONE: Modifiers = Modifiers::NONE;

/// Every shortcut. A command may have several keys; the first is the one menus show.
pub const SHORTCUTS: &[(Command, KeyboardShortcut)] = &[
    (Command::Search, key(COMMAND, Key::F)),
    (Command::Export, key(COMMAND, Key::E)),
    (Command::Open, key(COMMAND, Key::O)),
    (
        Command::CopyImage,
        key(COMMAND.plus(Modifiers::SHIFT), Key::C),
    ),
    (Command::FitAll, key(NONE, Key::F)),
    (Command::CentreSelection, key(NONE, Key::C)),
    (Command::CentreSelection, key(NONE, Key::Enter)),
    (Command::ZoomIn, key(NONE, Key::Plus)),
    (Command::ZoomIn, key(NONE, Key::Equals)),
    (Command::ZoomOut, key(NONE, Key::Minus)),
    (Command::ResetView, key(NONE, Key::Num0)),
    (Command::ToggleOrientation, key(NONE, Key::O)),
    (Command::ClearSelection, key(NONE, Key::Escape)),
    (Command::ToggleFold, key(NONE, Key::Space)),
    (Command::GoToDate, key(COMMAND, Key::G)),
];

/// The key a menu shows for `command`, as this platform writes it.
pub fn label(ctx: &egui::Context, command: Command) -> String {
    SHORTCUTS
        .iter()
        .find(|(c, _)| *c == command)
        .map(|(_, s)| ctx.format_shortcut(s))
        .unwrap_or_default()
}

/// The commands whose keys were pressed this frame. Plain keys (no modifier) belong to the
/// focused widget: they act only when `chart_keys` (the chart, or nothing, has the focus), so
/// that Space on a focused button presses it and does not fold the chart.
pub fn pressed(ctx: &egui::Context, chart_keys: bool) -> Vec<Command> {
    let mut out = Vec::new();
    for (command, shortcut) in SHORTCUTS {
        if !chart_keys && shortcut.modifiers.is_none() {
            continue;
        }
        if ctx.input_mut(|i| i.consume_shortcut(shortcut)) && !out.contains(command) {
            out.push(*command);
        }
    }
    out
}
