//! `generate --bodies N --out FILE`: a synthetic atlas, for scale tests.

use std::path::Path;

use csto_atlas::{export, generate};

pub fn run(bodies: usize, out: &Path, seed: u64) -> Result<(), String> {
    if bodies == 0 {
        return Err("--bodies must be at least 1".into());
    }
    let atlas = generate::synthetic(bodies, seed);
    let text = generate::to_ron(&atlas).map_err(|e| e.to_string())?;
    export::write_atomic(out, text.as_bytes()).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} ({} bodies, {} relations)",
        out.display(),
        atlas.bodies.len(),
        atlas.relations.len()
    );
    Ok(())
}
