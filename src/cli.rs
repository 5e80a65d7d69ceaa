//! The command line: the window's options and the headless subcommands, over the same functions
//! the window uses.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::export::{self, Format, SvgOptions};
use crate::layout::Orientation;
use crate::model::{self, BodyKind, Model};
use crate::scene::{self, Marks, Theme};
use crate::view::{self, Filters};

/// CSTO Atlas: the Collective Security Treaty Organization as an interactive org chart.
#[derive(Debug, Parser)]
#[command(name = "csto-atlas", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub window: WindowArgs,
}

/// Options of the window (no subcommand).
#[derive(Debug, Clone, Default, Args)]
pub struct WindowArgs {
    /// Open this atlas file instead of the embedded CSTO atlas.
    #[arg(long, value_name = "FILE")]
    pub atlas: Option<PathBuf>,
    /// Open with this body selected and centred.
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,
    /// Window size in points, e.g. 1400x900.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,
    /// Once the chart is painted, save a PNG of the window and exit.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// Light or dark, instead of following the system (or the saved choice).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate atlas files and report every problem.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the bodies, one per line (or a JSON array).
    List {
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Everything known about one body.
    Show {
        id: String,
        #[arg(long, value_name = "FILE")]
        atlas: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Export the chart or the data: .png .svg .dot .json, by extension.
    Export(ExportArgs),
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

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OrientationArg {
    Tb,
    Lr,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file to write; its extension chooses the format (.png .svg .dot .json).
    #[arg(long, value_name = "FILE", value_parser = parse_out)]
    pub out: PathBuf,
    #[arg(long, value_name = "FILE")]
    pub atlas: Option<PathBuf>,
    /// PNG scale, 1 to 4.
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,
    /// Export the whole chart (default).
    #[arg(long, conflicts_with = "view")]
    pub whole: bool,
    /// Export the view the window opens at (see --size).
    #[arg(long)]
    pub view: bool,
    /// The window size for --view, e.g. 1400x900.
    #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "1400x900")]
    pub size: [f32; 2],
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    #[arg(long, value_enum, default_value = "tb")]
    pub orientation: OrientationArg,
    /// Show only bodies of this kind (repeat for several): statutory, permanent_working, subsidiary, official.
    #[arg(long = "kind", value_name = "KIND", value_parser = parse_kind)]
    pub kinds: Vec<BodyKind>,
    /// Show the organization as of this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<String>,
    /// Show only this body and its neighbourhood.
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// How many steps out --focus reaches.
    #[arg(long, default_value_t = 1, requires = "focus")]
    pub depth: usize,
    /// Highlight this body as selected.
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,
    /// Fade filtered bodies instead of hiding them.
    #[arg(long)]
    pub showcase: bool,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Print how long loading, layout, rendering and writing took (to stderr).
    #[arg(long)]
    pub timings: bool,
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

fn parse_scale(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.25..=8.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("scale {v} is out of range (0.25 to 8)"))
    }
}

fn parse_kind(s: &str) -> Result<BodyKind, String> {
    BodyKind::from_key(s).ok_or_else(|| {
        format!(
            "unknown kind {s:?}; one of: {}",
            BodyKind::ALL.map(|k| k.key()).join(", ")
        )
    })
}

fn parse_date(s: &str) -> Result<String, String> {
    model::Date::parse(s)
        .map(|d| d.to_string())
        .ok_or_else(|| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

fn parse_out(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    if Format::from_path(&path).is_none() {
        return Err(format!(
            "cannot tell the format of {s:?}: use one of .png .svg .dot .json"
        ));
    }
    Ok(path)
}

/// Loads `--atlas FILE` or the embedded atlas.
pub fn load(atlas: Option<&Path>) -> Result<Model, model::LoadError> {
    match atlas {
        Some(path) => model::load_file(path),
        None => model::load_embedded(),
    }
}

/// Runs a subcommand; returns the exit status.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Check { files } => return check(&files),
        Command::List { atlas, json } => list(atlas.as_deref(), json),
        Command::Show { id, atlas, json } => show(&id, atlas.as_deref(), json),
        Command::Export(args) => export_cmd(&args),
        Command::Generate { bodies, out, seed } => generate(bodies, &out, seed),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn print(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

fn check(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match model::load_file(path) {
            Ok(m) => {
                let articles: usize = m.atlas.documents.iter().map(|d| d.articles.len()).sum();
                println!(
                    "{}: ok: {} bodies, {} relations, {} articles, {} sources",
                    path.display(),
                    m.len(),
                    m.atlas.relations.len(),
                    articles,
                    m.atlas.sources.len()
                );
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn list(atlas: Option<&Path>, json: bool) -> Result<(), String> {
    let m = load(atlas).map_err(|e| e.to_string())?;
    if json {
        let rows: Vec<serde_json::Value> = m
            .atlas
            .bodies
            .iter()
            .map(|b| {
                serde_json::json!({
                    "id": b.id,
                    "name": b.name,
                    "short": b.short,
                    "kind": b.kind.key(),
                    "parent": b.parent,
                    "established": b.established.as_ref().and_then(|e| e.date.clone()),
                })
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
        return print(&(text + "\n"));
    }
    let width = m
        .atlas
        .bodies
        .iter()
        .map(|b| b.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut text = format!("{:width$}  {:12}  {:17}  NAME\n", "ID", "SHORT", "KIND");
    for b in &m.atlas.bodies {
        text.push_str(&format!(
            "{:width$}  {:12}  {:17}  {}\n",
            b.id,
            b.short,
            b.kind.key(),
            b.name
        ));
    }
    print(&text)
}

/// "no body X; did you mean …?", with the closest ids.
pub fn unknown_body(m: &Model, id: &str) -> String {
    format!(
        "no body {id:?}; did you mean {}?",
        m.suggest(id)
            .iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn show(id: &str, atlas: Option<&Path>, json: bool) -> Result<(), String> {
    let m = load(atlas).map_err(|e| e.to_string())?;
    let i = m.index_of(id).ok_or_else(|| unknown_body(&m, id))?;
    let b = m.body(i);
    let articles: Vec<serde_json::Value> = b
        .articles
        .iter()
        .map(|r| {
            let a = m.article(&r.document, &r.article);
            serde_json::json!({
                "document": r.document,
                "document_title": m.document(&r.document).map(|d| d.short.clone()),
                "article": r.article,
                "topic": a.map(|a| a.topic.clone()),
                "paraphrase": a.map(|a| a.paraphrase.clone()),
                "status": r.status,
                "note": r.note,
                "sources": r.sources,
            })
        })
        .collect();
    let relations: Vec<serde_json::Value> = m
        .relations_of(i)
        .map(|(r, _)| serde_json::json!({"from": r.from, "kind": r.kind.key(), "to": r.to, "status": r.status, "sources": r.sources, "note": r.note}))
        .collect();
    let disputes: Vec<&model::Dispute> = m.disputes_of(&b.id).collect();
    let sources: Vec<serde_json::Value> = m
        .sources_of(i)
        .into_iter()
        .filter_map(|s| m.source(s))
        .map(|s| serde_json::json!({"id": s.id, "title": s.title, "url": s.url, "kind": s.kind}))
        .collect();
    if json {
        let value = serde_json::json!({
            "id": b.id,
            "name": b.name,
            "short": b.short,
            "aliases": b.aliases,
            "kind": b.kind.key(),
            "kind_status": b.kind_status,
            "parent": b.parent,
            "children": m.children(i).iter().map(|&c| m.body(c).id.clone()).collect::<Vec<_>>(),
            "established": b.established,
            "seat": b.seat,
            "mandate": b.mandate,
            "composition": b.composition,
            "chair": b.chair,
            "articles": articles,
            "relations": relations,
            "disputes": disputes,
            "sources": sources,
            "notes": b.notes,
        });
        let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        return print(&(text + "\n"));
    }
    let mut t = format!("{} ({})\n{}\n", b.name, b.short, b.kind.label());
    let claim = |t: &mut String, label: &str, c: &Option<model::Claim>| {
        if let Some(c) = c {
            t.push_str(&format!(
                "\n{label} [{}]:\n  {}\n",
                c.status.label(),
                c.text
            ));
            if let Some(note) = &c.note {
                t.push_str(&format!("  note: {note}\n"));
            }
        }
    };
    claim(&mut t, "Mandate", &b.mandate);
    claim(&mut t, "Composition", &b.composition);
    claim(&mut t, "Chair", &b.chair);
    if let Some(e) = &b.established {
        t.push_str(&format!(
            "\nEstablished [{}]: {} {} {}\n",
            e.status.label(),
            e.date.as_deref().unwrap_or("date unknown"),
            e.by.as_deref()
                .map(|s| format!("by {s}"))
                .unwrap_or_default(),
            e.place
                .as_deref()
                .map(|s| format!("in {s}"))
                .unwrap_or_default()
        ));
    }
    claim(&mut t, "Seat", &b.seat);
    if !b.articles.is_empty() {
        t.push_str("\nLegal basis:\n");
        for r in &b.articles {
            let doc = m
                .document(&r.document)
                .map_or(r.document.as_str(), |d| d.short.as_str());
            let para = m
                .article(&r.document, &r.article)
                .map_or("", |a| a.paraphrase.as_str());
            t.push_str(&format!(
                "  {doc} {} [{}]: {para}\n",
                model::article_label(&r.article),
                r.status.label()
            ));
        }
    }
    let rels: Vec<_> = m.relations_of(i).collect();
    if !rels.is_empty() {
        t.push_str("\nRelations:\n");
        for (r, _) in rels {
            t.push_str(&format!("  {} {} {}\n", r.from, r.kind.label(), r.to));
        }
    }
    for d in disputes {
        t.push_str(&format!("\nDisputed: {}\n", d.topic));
        for c in &d.claims {
            t.push_str(&format!("  - {} [{}]\n", c.text, c.sources.join(", ")));
        }
    }
    t.push_str("\nSources:\n");
    for (n, s) in m.sources_of(i).into_iter().enumerate() {
        if let Some(src) = m.source(s) {
            t.push_str(&format!(
                "  [{}] {} {}: {}\n",
                n + 1,
                src.id,
                src.kind.label(),
                src.title
            ));
        }
    }
    print(&t)
}

/// Filters from the export options.
pub fn filters_from(args: &ExportArgs) -> Filters {
    Filters {
        hidden_kinds: if args.kinds.is_empty() {
            Vec::new()
        } else {
            BodyKind::ALL
                .into_iter()
                .filter(|k| !args.kinds.contains(k))
                .collect()
        },
        hidden_relations: Vec::new(),
        as_of: args.as_of.clone(),
        focus: args.focus.clone(),
        depth: args.depth,
        showcase: args.showcase,
    }
}

/// The caption of an exported image: title, filters and edition.
pub fn caption(m: &Model, filters: &Filters, shown: usize) -> String {
    format!(
        "{} — {}, {} of {} shown · edition {}",
        m.atlas.meta.title,
        filters.describe(m),
        shown,
        m.len(),
        m.atlas.meta.edition
    )
}

fn export_cmd(args: &ExportArgs) -> Result<(), String> {
    let started = std::time::Instant::now();
    let m = load(args.atlas.as_deref()).map_err(|e| e.to_string())?;
    let loaded = started.elapsed();
    for id in [&args.focus, &args.select].into_iter().flatten() {
        if m.index_of(id).is_none() {
            return Err(unknown_body(&m, id));
        }
    }
    let format = Format::from_path(&args.out)
        .ok_or_else(|| format!("{}: unknown extension", args.out.display()))?;
    let filters = filters_from(args);
    let visible = view::visible(&m, &filters);
    let orientation = match args.orientation {
        OrientationArg::Tb => Orientation::TopDown,
        OrientationArg::Lr => Orientation::LeftRight,
    };
    let laid_out_at = std::time::Instant::now();
    let scene = scene::build(&m, &visible, orientation);
    let laid_out = laid_out_at.elapsed();
    let selected = args.select.as_deref().and_then(|id| m.index_of(id));
    let options = SvgOptions {
        theme: match args.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        },
        marks: Marks {
            selected,
            highlighted: Vec::new(),
            path: selected.map(|s| m.path_to_root(s)).unwrap_or_default(),
            hovered: None,
        },
        region: args
            .view
            .then(|| scene::default_view(&scene, egui::vec2(args.size[0], args.size[1]))),
        legend: !args.no_legend,
        caption: Some(caption(&m, &filters, visible.shown_count())),
    };
    let rendered_at = std::time::Instant::now();
    let bytes = export::export_bytes(&m, &scene, format, &options, args.scale)
        .map_err(|e| e.to_string())?;
    let rendered = rendered_at.elapsed();
    let written_at = std::time::Instant::now();
    export::write_atomic(&args.out, &bytes).map_err(|e| e.to_string())?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    if args.timings {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        eprintln!(
            "timings: load {:.2} ms, layout {:.2} ms, render {:.2} ms, write {:.2} ms",
            ms(loaded),
            ms(laid_out),
            ms(rendered),
            ms(written_at.elapsed())
        );
    }
    Ok(())
}

fn generate(bodies: usize, out: &Path, seed: u64) -> Result<(), String> {
    if bodies == 0 {
        return Err("--bodies must be at least 1".into());
    }
    let atlas = crate::generate::synthetic(bodies, seed);
    let text = crate::generate::to_ron(&atlas).map_err(|e| e.to_string())?;
    export::write_atomic(out, text.as_bytes()).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} ({} bodies, {} relations)",
        out.display(),
        atlas.bodies.len(),
        atlas.relations.len()
    );
    Ok(())
}
