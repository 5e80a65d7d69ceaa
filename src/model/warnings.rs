//! What is odd in an atlas but not wrong: `check` prints these as warnings, `check --strict`
//! counts them as problems.

use super::date::Date;
use super::validate::Problem;

/// What is odd but not wrong: a body without a mandate, composition or sources (a chart is
/// useful before every box is documented), a body dated before its parent (the chart never shows a subordinate
/// before its parent, so it appears only from the parent's date), a name with characters no
/// embedded font has, and a citation a reader cannot follow (a `verified` fact none of whose
/// sources has an address or a locator). `check` prints these as
/// warnings; `check --strict` counts them as problems.
pub fn warnings(model: &super::Model) -> Vec<Problem> {
    let date = |i: super::BodyIdx| {
        let e = model.body(i).established.as_ref()?;
        Date::parse(e.date.as_deref().or(e.not_before.as_deref())?)
    };
    let mut out = super::validate::unfollowable(&model.atlas);
    missing_glyphs(model, &mut out);
    for i in model.indices() {
        let b = model.body(i);
        let missing = [
            (b.mandate.is_none(), "no mandate"),
            (b.composition.is_none(), "no composition"),
            (b.sources.is_empty(), "no sources"),
        ];
        for (_, what) in missing.into_iter().filter(|(m, _)| *m) {
            out.push(Problem {
                at: format!("bodies[{}] {:?}", i.0, b.id),
                message: what.into(),
            });
        }
    }
    for i in model.indices() {
        let Some(parent) = model.parent(i) else {
            continue;
        };
        if let (Some(own), Some(theirs)) = (date(i), date(parent)) {
            if own < theirs {
                let b = model.body(i);
                out.push(Problem {
                    at: format!("bodies[{}] {:?}.established", i.0, b.id),
                    message: format!(
                        "dated {own}, before its parent {:?} ({theirs}); shown from {theirs}",
                        model.body(parent).id
                    ),
                });
            }
        }
    }
    out
}

/// Warnings about names whose characters the embedded font lacks: pictures show "?" there.
fn missing_glyphs(model: &super::Model, out: &mut Vec<Problem>) {
    let font = crate::layout::TextMetrics::get();
    for i in model.indices() {
        let b = model.body(i);
        for (field, text) in [("name", &b.name), ("short", &b.short)] {
            let mut missing: Vec<char> = text.chars().filter(|&c| !font.covers(c)).collect();
            missing.dedup();
            if !missing.is_empty() {
                let list: String = missing
                    .iter()
                    .map(|c| c.escape_unicode().to_string())
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(Problem {
                    at: format!("bodies[{}] {:?}.{field}", i.0, b.id),
                    message: format!(
                        "no embedded font has {list}; pictures show \"?\" there (the fonts cover Latin, Greek and Cyrillic)"
                    ),
                });
            }
        }
    }
}
