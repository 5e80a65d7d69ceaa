//! Loading, validation, scene building (layout and relation routing) and SVG export of arbitrary
//! bytes: whatever the file, no panic. Run with `cargo fuzz run load_export` (see the README).

#![no_main]

use csto_atlas::export::{self, ExportRequest, Format};
use csto_atlas::view::{Filters, RelationsShown};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(model) = csto_atlas::model::load_bytes(data, "fuzz.ron") else {
        return;
    };
    let _ = csto_atlas::model::warnings(&model);
    for as_of in [None, csto_atlas::model::Date::parse("2000-01-01")] {
        let request = ExportRequest {
            filters: Filters {
                relations: RelationsShown::All,
                as_of,
                ..Default::default()
            },
            ..ExportRequest::new(Format::Svg)
        };
        let svg = export::render(&model, &request).expect("an SVG export cannot fail");
        assert!(std::str::from_utf8(&svg).is_ok());
    }
});
