//! `check FILE...`: validate atlas files and report every problem; warnings too, which `--strict`
//! counts as problems.

use std::path::PathBuf;
use std::process::ExitCode;

use csto_atlas::model;

pub fn run(files: &[PathBuf], strict: bool) -> ExitCode {
    let mut failed = false;
    for path in files {
        let m = match model::load_file_with(path, super::import()) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{}", super::terminal_safe(&e.to_string()));
                failed = true;
                continue;
            }
        };
        let warnings = model::warnings(&m);
        for w in &warnings {
            // A closed pipe (`| head -1`) ends the output quietly.
            let _ = super::print(&format!("{}: warning: {w}\n", path.display()));
        }
        if strict && !warnings.is_empty() {
            eprintln!(
                "{}: {} warning{} (--strict makes them errors)",
                path.display(),
                warnings.len(),
                if warnings.len() == 1 { "" } else { "s" }
            );
            failed = true;
            continue;
        }
        let articles: usize = m.atlas.documents.iter().map(|d| d.articles.len()).sum();
        let _ = super::print(&format!(
            "{}: ok: {} bodies, {} relations, {} articles, {} sources\n",
            path.display(),
            m.len(),
            m.atlas.relations.len(),
            articles,
            m.atlas.sources.len()
        ));
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
