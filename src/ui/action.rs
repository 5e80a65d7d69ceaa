//! What panels, keys and the chart ask for. They push actions; [`super::AtlasApp::apply`] is the
//! one place that carries them out.

use std::path::PathBuf;

use egui::ThemePreference;

use crate::export::Format;
use crate::model::BodyIdx;
use crate::view::Filters;

use super::settings::{LeftTab, OutlineMode};
use super::shortcuts::Command;
use super::state::Notice;

/// One change the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A menu item or a shortcut.
    Run(Command),
    /// Selects a body (or nothing); `reveal` brings it into view.
    Select {
        body: Option<BodyIdx>,
        reveal: bool,
    },
    Hover(Option<BodyIdx>),
    /// Chooses a relation (index in the atlas) to read about, or none.
    SelectRelation(Option<usize>),
    HoverRelation(Option<usize>),
    /// Centres the view on a body.
    Centre(BodyIdx),
    SetSearch(String),
    /// Highlights the bodies that cite an article (document id, number), or stops.
    ChooseArticle(Option<(String, String)>),
    SetFilters(Filters),
    /// Clears every filter but showcase mode.
    ClearFilters,
    SetTheme(ThemePreference),
    SetLeftTab(LeftTab),
    SetOutlineMode(OutlineMode),
    /// ▶ Play or ⏸ Pause the run through the years.
    TogglePlay,
    /// Replaces the atlas with a file's; the one on screen stays if it does not load.
    Open(PathBuf),
    /// Replaces the atlas with a file the user picked in a browser: its name and contents.
    OpenBytes {
        name: String,
        bytes: Vec<u8>,
    },
    /// Opens a spreadsheet read as the import dialog set it, and remembers that for the file.
    OpenWith {
        path: PathBuf,
        import: crate::model::import::Import,
    },
    /// File → Import settings: the import dialog for the open spreadsheet.
    ImportSettings,
    /// The watched atlas file changed on disk.
    Reload,
    /// A large file read in the background is ready: its atlas (or why not) goes on screen.
    TakeLoaded,
    /// Shows or hides the overview in the chart's corner.
    SetMinimap(bool),
    /// Folds a body into one box with "+N", or unfolds it.
    ToggleFold(BodyIdx),
    /// Opens this many levels below each apex and folds the rest; `None` opens everything.
    ExpandTo(Option<usize>),
    /// Writes a picture or the data to a file, in the background.
    Export(ExportChoice),
    /// The background export finished: the file written, or an error.
    ExportDone(Result<crate::ui::jobs::Written, String>),
    Notify(Notice),
    DismissNotice,
    /// Puts text on the clipboard and says in the header what was copied.
    CopyText {
        text: String,
        what: String,
    },
    /// The citation style of the sources; `None` follows the language.
    SetCiteStyle(Option<crate::biblio::Style>),
}

/// What the export dialog asks for; the rest comes from the window's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportChoice {
    pub path: PathBuf,
    pub format: Format,
    pub scale: f32,
    /// The whole chart, or only the part in view.
    pub whole: bool,
    /// The legend and the caption.
    pub legend: bool,
    /// The selection, search matches and neighbours drawn as on screen.
    pub highlights: bool,
    /// PNG and SVG: no page behind the chart.
    pub transparent: bool,
    /// SVG: text as outlines.
    pub text_as_paths: bool,
    /// The picture's theme: light by default, whatever the window shows (a page is white).
    pub theme: crate::style::Theme,
    /// PDF only: the paper.
    pub page: crate::export::PageSetup,
    /// PDF only: the view typeset as a book (a section per body, the bibliography).
    pub book: bool,
}
