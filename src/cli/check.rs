//! `check FILE...`: validate atlas files and report every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use csto_atlas::model;

pub fn run(files: &[PathBuf]) -> ExitCode {
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
