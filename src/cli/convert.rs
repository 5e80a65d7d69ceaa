//! `convert FILE.csv --out FILE.ron`: a spreadsheet as an atlas file, to be enriched by hand
//! (documents, articles, relations, names in other languages).

use std::path::Path;

use csto_atlas::{export, generate, model};

pub fn run(file: &Path, out: &Path, title: Option<&str>) -> Result<(), String> {
    if out == file {
        return Err(format!(
            "{}: --out is the file being converted; choose another name",
            out.display()
        ));
    }
    let m = model::load_file_with(file, super::import()).map_err(|e| e.to_string())?;
    let mut atlas = m.atlas;
    if let Some(title) = title {
        atlas.meta.title = title.to_owned();
        atlas.meta.short = title.to_owned();
    }
    let text = generate::to_ron(&atlas).map_err(|e| e.to_string())?;
    // What is written must read back as the same atlas, or nothing is written.
    let again = model::load_bytes(text.as_bytes(), &out.display().to_string())
        .map_err(|e| format!("the converted atlas does not read back ({e}); nothing written"))?;
    if again.atlas != atlas {
        return Err("the converted atlas reads back differently; nothing written".into());
    }
    export::write_atomic(out, text.as_bytes()).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} ({} bodies, {} kinds)",
        out.display(),
        atlas.bodies.len(),
        atlas.kinds.len()
    );
    Ok(())
}
