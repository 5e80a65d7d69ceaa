//! The panels around the chart, one per file. Each is a small type with a `ui` method that reads
//! the [`AppState`] and pushes [`Action`]s; only the app applies them. A panel's own state (a
//! dialog's fields, a text box's focus) lives in the panel.

mod about;
mod articles;
mod date_field;
mod details;
mod export_dialog;
mod filters;
mod header;
mod import_dialog;
mod left;
mod legend;
mod members;
mod menu;
mod notice;
mod open_dialog;
pub(crate) mod outline;
pub(crate) mod widgets;

pub use about::AboutWindow;
pub use details::DetailsPanel;
pub use export_dialog::ExportDialog;
pub use header::Header;
pub use import_dialog::ImportDialog;
pub use left::LeftPanel;
pub use legend::LegendBar;
pub use menu::MenuBar;
pub use notice::NoticeWindow;
pub use open_dialog::OpenDialog;

use super::action::Action;
use super::state::AppState;

/// Every panel of the window, in the order they are laid out.
#[derive(Default)]
pub struct Panels {
    pub menu: MenuBar,
    pub header: Header,
    pub legend: LegendBar,
    pub left: LeftPanel,
    pub details: DetailsPanel,
    pub export: ExportDialog,
    pub open: OpenDialog,
    pub import: ImportDialog,
    pub notice: NoticeWindow,
    pub about: AboutWindow,
}

impl Panels {
    /// The panels that frame the chart: call before the central panel.
    pub fn sides_ui(&mut self, ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
        let Self {
            menu,
            header,
            legend,
            left,
            details,
            ..
        } = self;
        menu.ui(ui, state, actions);
        header.ui(ui, state, actions);
        legend.ui(ui, state, actions);
        left.ui(ui, state, actions);
        details.ui(ui, state, actions);
    }

    /// The windows over the chart: call after the central panel.
    pub fn windows_ui(&mut self, ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
        let Self {
            export,
            open,
            import,
            notice,
            about,
            ..
        } = self;
        export.ui(ui, state, actions);
        open.ui(ui, state, actions);
        import.ui(ui, state, actions);
        notice.ui(ui, state, actions);
        about.ui(ui, state);
    }
}
