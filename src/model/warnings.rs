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
    let checks: [(&str, Lacks); 3] = [
        ("mandate", |b| b.mandate.is_none()),
        ("composition", |b| b.composition.is_none()),
        ("sources", |b| b.sources.is_empty()),
    ];
    for (what, lacks) in checks {
        missing(model, what, lacks, &mut out);
    }
    let mut early = Vec::new();
    for i in model.indices() {
        let Some(parent) = model.parent(i) else {
            continue;
        };
        if let (Some(own), Some(theirs)) = (date(i), date(parent)) {
            if own < theirs {
                let b = model.body(i);
                early.push(Problem {
                    at: format!("bodies[{}] {:?}.established", i.0, b.id),
                    message: format!(
                        "dated {own}, before its parent {:?} ({theirs}); shown from {theirs}",
                        model.body(parent).id
                    ),
                });
            }
        }
    }
    let summary = |early: &[Problem]| {
        format!(
            "{} bodies are dated before their parents and are shown from their parents' dates; the first: {}: {}",
            early.len(),
            early[0].at,
            early[0].message
        )
    };
    grouped(early, summary, &mut out);
    out
}

/// `each` as it is when there are few, else one warning that `summary` writes of them all.
fn grouped(each: Vec<Problem>, summary: impl FnOnce(&[Problem]) -> String, out: &mut Vec<Problem>) {
    if each.len() > GROUP_ABOVE {
        let message = summary(&each);
        out.push(Problem {
            at: "bodies".into(),
            message,
        });
    } else {
        out.extend(each);
    }
}

/// Bodies without a mandate, composition or sources: nothing when none has one (a sheet without
/// such a column keeps no such thing), one line per body for a few, else one line for all.
fn missing(model: &super::Model, what: &str, lacks: Lacks, out: &mut Vec<Problem>) {
    let lacking: Vec<super::BodyIdx> = model.indices().filter(|&i| lacks(model.body(i))).collect();
    if lacking.len() == model.len() {
        return;
    }
    let each = lacking
        .iter()
        .map(|&i| Problem {
            at: format!("bodies[{}] {:?}", i.0, model.body(i).id),
            message: format!("no {what}"),
        })
        .collect();
    let summary = |_: &[Problem]| {
        let first: Vec<String> = lacking
            .iter()
            .take(3)
            .map(|&i| format!("{:?}", model.body(i).id))
            .collect();
        format!(
            "{} bodies have no {what}: {} and {} more",
            lacking.len(),
            first.join(", "),
            lacking.len() - first.len()
        )
    };
    grouped(each, summary, out);
}

/// Whether a body lacks a thing.
type Lacks = fn(&super::Body) -> bool;

/// More bodies than this lacking one thing make one warning, not one each.
const GROUP_ABOVE: usize = 5;

/// Warnings about names whose characters the embedded font lacks: pictures show "?" there.
fn missing_glyphs(model: &super::Model, out: &mut Vec<Problem>) {
    let font = crate::metrics::TextMetrics::get();
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
