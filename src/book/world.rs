//! The little world typst typesets the book in: one source (the embedded template), the files
//! the atlas gives it (the book's data as JSON, the chart as SVG), the fonts built into the
//! program, and a fixed date. Nothing is read from disk or the network.

use std::collections::HashMap;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World};

/// The template, typeset with the data of [`super::BookData`].
const TEMPLATE: &str = include_str!("../../assets/book/book.typ");

/// The fonts: typst's own (Libertinus Serif, New Computer Modern, DejaVu Sans Mono: Latin,
/// Cyrillic, bold and italic) and the Ubuntu face the chart is drawn in.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let data = typst_assets::fonts()
            .chain([crate::fonts::UBUNTU_LIGHT])
            .map(Bytes::new);
        let fonts: Vec<Font> = data.flat_map(Font::iter).collect();
        let book = FontBook::from_fonts(&fonts);
        (LazyHash::new(book), fonts)
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// One book to typeset: the template and its files.
pub struct BookWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl BookWorld {
    /// A world whose template reads `files` (by their path from the root, "/book.json"), on
    /// `today`.
    pub fn new(files: Vec<(String, Vec<u8>)>, today: crate::model::Date) -> BookWorld {
        let id = |path: &str| FileId::new(None, VirtualPath::new(path));
        let main = Source::new(id("/book.typ"), TEMPLATE.to_owned());
        BookWorld {
            main,
            files: files
                .into_iter()
                .map(|(path, bytes)| (id(&path), Bytes::new(bytes)))
                .collect(),
            today: Datetime::from_ymd(
                today.year,
                u8::try_from(today.month.max(1)).unwrap_or(1),
                u8::try_from(today.day.max(1)).unwrap_or(1),
            )
            .unwrap_or(Datetime::from_ymd(2026, 1, 1).expect("a valid date")),
        }
    }
}

impl World for BookWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match id == self.main.id() {
            true => Ok(self.main.clone()),
            false => Err(FileError::NotFound(id.vpath().as_rootless_path().into())),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        (self.files.get(&id).cloned())
            .ok_or_else(|| FileError::NotFound(id.vpath().as_rootless_path().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        Some(self.today)
    }
}
