//! The atlas as a book: a typeset PDF handbook of the view (title page, contents, the chart
//! with every box a link, a section per body with what its side panel knows, the documents,
//! the member states, the events and the bibliography), typeset by typst from an embedded
//! template and the atlas's data as JSON. See `assets/book/book.typ`.

mod chart;
mod data;
mod world;

pub use data::BookData;

use std::time::{Duration, Instant};

use crate::model::Model;
use crate::view::Filters;

/// The paper of a book.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BookPaper {
    #[default]
    A4,
    Letter,
}

impl BookPaper {
    /// typst's name of the paper.
    fn typst(self) -> &'static str {
        match self {
            BookPaper::A4 => "a4",
            BookPaper::Letter => "us-letter",
        }
    }
}

/// Where a book's time went (`export --book … --timings`).
#[derive(Clone, Copy, Debug, Default)]
pub struct BookTimings {
    /// Gathering the facts and drawing the chart's pictures.
    pub data: Duration,
    /// typst's fonts and files.
    pub world: Duration,
    /// typst's evaluation and layout, all its passes.
    pub typeset: Duration,
    /// Writing the PDF.
    pub pdf: Duration,
}

/// The book of the view `filters` selects, as PDF bytes, printed on `today`; or what typst
/// found wrong (which would be a fault of this program, not of the atlas).
pub fn book_pdf(
    model: &Model,
    filters: &Filters,
    paper: BookPaper,
    today: crate::model::Date,
) -> Result<Vec<u8>, String> {
    book_pdf_timed(model, filters, paper, today).map(|(bytes, _)| bytes)
}

/// [`book_pdf`], and how long each step took.
pub fn book_pdf_timed(
    model: &Model,
    filters: &Filters,
    paper: BookPaper,
    today: crate::model::Date,
) -> Result<(Vec<u8>, BookTimings), String> {
    let mut timings = BookTimings::default();
    let mut step = Instant::now();
    let mut lap =
        |slot: &mut Duration| *slot = std::mem::replace(&mut step, Instant::now()).elapsed();
    let (data, pictures) = data::build(model, filters, paper.typst(), today);
    let json = serde_json::to_vec(&data).map_err(|e| e.to_string())?;
    let mut files = vec![("/book.json".to_owned(), json)];
    files.extend(
        pictures
            .into_iter()
            .map(|(path, svg)| (path, svg.into_bytes())),
    );
    lap(&mut timings.data);
    let world = world::BookWorld::new(files, today);
    lap(&mut timings.world);
    let document = typst::compile::<typst::layout::PagedDocument>(&world)
        .output
        .map_err(|errors| diagnostics(&errors))?;
    lap(&mut timings.typeset);
    let options = typst_pdf::PdfOptions::default();
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| diagnostics(&errors))?;
    lap(&mut timings.pdf);
    Ok((bytes, timings))
}

fn diagnostics(errors: &[typst::diag::SourceDiagnostic]) -> String {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("typesetting the book: {}", e.message))
        .collect();
    lines.join("\n")
}
