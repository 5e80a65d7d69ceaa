//! The command line: the window's options and the headless subcommands, one file each. A leaf:
//! nothing in the library imports it; it turns arguments into the library's plain values.

mod changes;
mod check;
mod convert;
mod events;
mod export;
mod generate;
mod list;
mod members;
mod search;
mod show;
mod sources;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory as _, Parser, Subcommand, ValueEnum};
use csto_atlas::layout::Orientation;
use csto_atlas::model;
use csto_atlas::style::Theme;
pub use csto_atlas::view::spec::ViewArgs;
use csto_atlas::view::spec::ViewSpec;
use csto_atlas::view::RelationsShown;

/// CSTO Atlas: the Collective Security Treaty Organization as an interactive org chart.
#[derive(Debug, Parser)]
#[command(name = "csto-atlas", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(flatten)]
    pub import: ImportArgs,
}

/// How a spreadsheet is read, for every command that opens one.
#[derive(Debug, Clone, Default, Args)]
pub struct ImportArgs {
    /// A workbook's sheet to read (the first that holds anything by default).
    #[arg(long, value_name = "NAME", global = true)]
    pub sheet: Option<String>,
    /// Which column plays which role, where the headers do not say it:
    /// `id=Employee ID,parent=Manager,name={First Name} {Last Name},label2=Title,kind=Dept`
    /// (roles: id, parent, name, label2, kind, short, mandate, composition, established, seat,
    /// source, status; `-` for none).
    #[arg(long, value_name = "ROLE=COLUMN,...", global = true, value_parser = parse_map)]
    pub map: Option<std::collections::BTreeMap<String, String>>,
}

impl ImportArgs {
    pub fn import(&self) -> model::import::Import {
        model::import::Import {
            sheet: self.sheet.clone(),
            map: self.map.clone().unwrap_or_default(),
        }
    }
}

fn parse_map(spec: &str) -> Result<std::collections::BTreeMap<String, String>, String> {
    model::import::Import::parse_map(spec)
}

/// The reading options given on the command line, set once before a command runs.
static IMPORT: std::sync::OnceLock<model::import::Import> = std::sync::OnceLock::new();

/// Sets the reading options of spreadsheets for this run.
pub fn set_import(import: model::import::Import) {
    let _ = IMPORT.set(import);
}

fn import() -> &'static model::import::Import {
    IMPORT.get_or_init(model::import::Import::default)
}

/// Loads `atlas` (the embedded one when `None`) as the command line says to read it.
fn load(atlas: Option<&std::path::Path>) -> Result<model::Model, model::LoadError> {
    model::load_with(atlas, import())
}

/// Options of the window (no subcommand).
#[derive(Debug, Clone, Default, Args)]
pub struct WindowArgs {
    /// Open this atlas file instead of the embedded CSTO atlas.
    #[arg(long, value_name = "FILE")]
    pub atlas: Option<PathBuf>,
    /// Window size in points, e.g. 1400x900.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,
    /// Once the chart is painted, save a PNG of the window and exit.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// Light or dark, instead of following the system (or the saved choice).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    #[command(flatten)]
    pub view: ViewArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate atlas files and report every problem.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Count warnings (a body dated before its parent, …) as problems.
        #[arg(long)]
        strict: bool,
    },
    /// List the bodies, one per line (or a JSON array).
    List {
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        /// Names in this language (en, or one the atlas gives names in).
        #[arg(long, value_name = "LANG", value_parser = csto_atlas::view::spec::parse_lang)]
        lang: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The bibliography: every source the atlas cites, or those of some bodies.
    Sources {
        /// Bodies whose sources to list (default: the whole atlas).
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        /// Citation style of the text format (default: GOST with --lang ru, else APA).
        #[arg(long, value_enum)]
        style: Option<StyleArg>,
        /// The language of the reader, which picks the default style.
        #[arg(long, value_name = "LANG", value_parser = csto_atlas::view::spec::parse_lang)]
        lang: Option<String>,
        /// text (formatted, numbered), bibtex, csl-json or ris.
        #[arg(long, value_enum, default_value = "text")]
        format: BibFormatArg,
    },
    /// Everything known about one body.
    Show {
        id: String,
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        /// Names in this language (en, or one the atlas gives names in).
        #[arg(long, value_name = "LANG", value_parser = csto_atlas::view::spec::parse_lang)]
        lang: Option<String>,
        /// Name the office holder on this date (default: the edition).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<model::Date>,
        #[arg(long)]
        json: bool,
    },
    /// Bodies matching a query, best first: names fuzzily, mandate and composition by words.
    Search {
        /// What to look for; several words are one query.
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        /// Names in this language (en, or one the atlas gives names in).
        #[arg(long, value_name = "LANG", value_parser = csto_atlas::view::spec::parse_lang)]
        lang: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// What changed between two dates: bodies established, member states joining or leaving.
    Changes {
        /// The earlier date (exclusive for bodies: one set up that day already existed).
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: model::Date,
        /// The later date (inclusive), not before --from.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: model::Date,
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The atlas's dated events: sessions, decisions, deployments, statements.
    Events {
        /// Only events after this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<model::Date>,
        /// Only events on or before this date.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<model::Date>,
        /// Only events that concern this body.
        #[arg(long, value_name = "ID")]
        body: Option<String>,
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The states that were parties to the Treaty or members on a date, and their standing.
    Members {
        /// The date (default: the edition).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<model::Date>,
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Export the chart (.png .svg .pdf) or its data (.dot .json .graphml), by extension.
    Export(Box<export::ExportArgs>),
    /// Write a spreadsheet (CSV) as an atlas file (RON), to enrich by hand.
    Convert {
        /// The spreadsheet: a header row with id, name, parent, kind (and optional columns).
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        #[arg(long, value_name = "FILE.ron")]
        out: PathBuf,
        /// The atlas's title (the file's name when absent).
        #[arg(long)]
        title: Option<String>,
    },
    /// Write a synthetic atlas of N bodies, for scale tests.
    Generate {
        #[arg(long, value_name = "N")]
        bodies: usize,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

impl ThemeArg {
    pub fn theme(self) -> Theme {
        match self {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        self.theme().into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StyleArg {
    /// APA, 7th edition.
    Apa,
    /// Chicago, notes and bibliography.
    Chicago,
    /// GOST R 7.0.5-2008.
    Gost,
}

impl StyleArg {
    fn style(self) -> csto_atlas::biblio::Style {
        use csto_atlas::biblio::Style;
        match self {
            StyleArg::Apa => Style::Apa,
            StyleArg::Chicago => Style::Chicago,
            StyleArg::Gost => Style::Gost,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BibFormatArg {
    Text,
    Bibtex,
    CslJson,
    Ris,
}

impl BibFormatArg {
    fn format(self) -> csto_atlas::biblio::formats::Format {
        use csto_atlas::biblio::formats::Format;
        match self {
            BibFormatArg::Text => Format::Text,
            BibFormatArg::Bibtex => Format::Bibtex,
            BibFormatArg::CslJson => Format::CslJson,
            BibFormatArg::Ris => Format::Ris,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OrientationArg {
    Tb,
    Lr,
}

impl From<OrientationArg> for Orientation {
    fn from(o: OrientationArg) -> Orientation {
        match o {
            OrientationArg::Tb => Orientation::TopDown,
            OrientationArg::Lr => Orientation::LeftRight,
        }
    }
}

/// Opens the window: loads the atlas and checks the view options against it first, so that a
/// bad option is an error on the terminal, not a window that ignores it.
pub fn open_window(w: WindowArgs) -> ExitCode {
    let opened = load(w.atlas.as_deref())
        .map_err(|e| e.to_string())
        .and_then(|m| {
            let spec = ViewSpec::resolve(&w.view, &m, RelationsShown::default())?;
            Ok((m, spec))
        });
    let (model, spec) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("error: {}", terminal_safe(&e));
            return ExitCode::FAILURE;
        }
    };
    // Only --select given: the saved filters stay.
    let filters_given = ViewArgs {
        select: None,
        ..w.view.clone()
    }
    .is_set();
    let select = spec.selected.as_deref().and_then(|id| model.index_of(id));
    csto_atlas::ui::run(csto_atlas::ui::Launch {
        model,
        atlas: w.atlas,
        select,
        size: w.size,
        screenshot: w.screenshot,
        theme: w.theme.map(ThemeArg::preference),
        filters: filters_given.then_some(spec.filters),
        import: import().clone(),
    })
}

/// Runs a subcommand; returns the exit status.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Check { files, strict } => return check::run(&files, strict),
        Command::List { atlas, lang, json } => list::run(atlas.as_deref(), lang.as_deref(), json),
        Command::Sources {
            ids,
            atlas,
            style,
            lang,
            format,
        } => sources::run(
            &ids,
            atlas.as_deref(),
            style.map(StyleArg::style),
            lang.as_deref(),
            format.format(),
        ),
        Command::Show {
            id,
            atlas,
            lang,
            as_of,
            json,
        } => show::run(&id, atlas.as_deref(), lang.as_deref(), as_of, json),
        Command::Search {
            query,
            atlas,
            lang,
            json,
        } => search::run(&query.join(" "), atlas.as_deref(), lang.as_deref(), json),
        Command::Members { as_of, atlas, json } => members::run(as_of, atlas.as_deref(), json),
        Command::Changes {
            from,
            to,
            atlas,
            json,
        } => {
            if from > to {
                usage_error("changes", &format!("--from {from} is after --to {to}"));
            }
            changes::run(from, to, atlas.as_deref(), json)
        }
        Command::Events {
            from,
            to,
            body,
            atlas,
            json,
        } => events::run(from, to, body.as_deref(), atlas.as_deref(), json),
        Command::Export(args) => export::run(&args),
        Command::Generate { bodies, out, seed } => generate::run(bodies, &out, seed),
        Command::Convert { file, out, title } => convert::run(&file, &out, title.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {}", terminal_safe(&message));
            ExitCode::FAILURE
        }
    }
}

/// Reports bad usage of `subcommand` found after parsing the way clap reports its own (with the
/// subcommand's usage), and exits with status 2.
pub(crate) fn usage_error(subcommand: &str, message: &str) -> ! {
    let mut cli = Cli::command();
    cli.build();
    let kind = clap::error::ErrorKind::ArgumentConflict;
    match cli.find_subcommand(subcommand).cloned() {
        Some(mut sub) => sub.error(kind, message).exit(),
        None => cli.error(kind, message).exit(),
    }
}

/// Text for a terminal: control characters and bidirectional overrides (from an untrusted
/// atlas) are written escaped, as `\u{1b}`, so that they can neither drive the terminal nor
/// disguise what is printed. Line breaks and tabs stay.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
        if (c.is_control() && c != '\n' && c != '\t') || bidi {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes a value as pretty JSON: every control character in it, even those serde_json leaves
/// raw (C1), is a JSON escape (`\u0085`), so the output is safe for a terminal and still JSON.
fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    let mut safe = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        let bidi = ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
        if (c.is_control() && c != '\n') || bidi {
            safe.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            safe.push(c);
        }
    }
    safe.push('\n');
    write_out(&safe)
}

/// Writes to stdout, terminal-safe; a closed pipe (`| head`) is not an error worth a message.
fn print(text: &str) -> Result<(), String> {
    write_out(&terminal_safe(text))
}

fn write_out(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("{s:?} is not WxH, e.g. 1400x900"))?;
    let parse = |v: &str| -> Result<f32, String> {
        let v: u32 = v
            .trim()
            .parse()
            .map_err(|_| format!("{s:?} is not WxH, e.g. 1400x900"))?;
        if (100..=16_000).contains(&v) {
            Ok(v as f32)
        } else {
            Err(format!("{v} is out of range (100 to 16000)"))
        }
    };
    Ok([parse(w)?, parse(h)?])
}
