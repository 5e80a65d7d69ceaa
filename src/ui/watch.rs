//! Watching the open atlas file, so that an edit in another program shows up at once.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use web_time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

/// How long a burst of file events must settle before we reload (editors write in steps).
const SETTLE: Duration = Duration::from_millis(250);

/// A watcher on one file, through its folder (editors often replace a file by renaming).
pub struct FileWatch {
    pub path: PathBuf,
    _watcher: notify::RecommendedWatcher,
    events: Receiver<()>,
    due: Option<Instant>,
}

impl FileWatch {
    /// Starts watching `path`; wakes the UI through `ctx` when it changes.
    pub fn new(path: &Path, ctx: &egui::Context) -> Result<FileWatch, notify::Error> {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let folder = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let (tx, events) = channel();
        let name = path.file_name().map(|n| n.to_owned());
        let ctx = ctx.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else { return };
                let ours = event
                    .paths
                    .iter()
                    .any(|p| p.file_name().map(|n| n.to_owned()) == name);
                if ours && (event.kind.is_modify() || event.kind.is_create()) {
                    let _ = tx.send(());
                    ctx.request_repaint_after(SETTLE);
                }
            })?;
        watcher.watch(&folder, RecursiveMode::NonRecursive)?;
        Ok(FileWatch {
            path,
            _watcher: watcher,
            events,
            due: None,
        })
    }

    /// True once the file has changed and the changes have settled.
    pub fn changed(&mut self, ctx: &egui::Context) -> bool {
        while self.events.try_recv().is_ok() {
            self.due = Some(Instant::now() + SETTLE);
        }
        match self.due {
            Some(due) if Instant::now() >= due => {
                self.due = None;
                true
            }
            Some(due) => {
                ctx.request_repaint_after(due - Instant::now());
                false
            }
            None => false,
        }
    }
}
