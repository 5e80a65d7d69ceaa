//! Synthetic atlases for scale tests: a realistic shape (depth 4 to 7, uneven fan-out, about 15%
//! cross relations, long names), deterministic for a given size and seed.

use crate::model::{
    Article, ArticleRef, Atlas, Body, Claim, Document, Meta, Relation, Source, SourceKind, Status,
};

const TOPICS: [&str; 16] = [
    "Border Security",
    "Information Policy",
    "Military-Technical Cooperation",
    "Emergency Response",
    "Counter-Terrorism",
    "Illicit Trafficking",
    "Cyber Incidents",
    "Peacekeeping Training",
    "Logistics and Supply",
    "Legal Harmonisation",
    "Air Defence Coordination",
    "Medical Support",
    "Scientific Research",
    "Standardisation of Equipment",
    "Crisis Planning",
    "Public Outreach",
];
const FORMS: [&str; 8] = [
    "Coordination Council on",
    "Working Group on",
    "Interstate Commission for",
    "Expert Council on",
    "Permanent Committee for",
    "Joint Directorate of",
    "Consultative Meeting on",
    "Centre for",
];

/// Builds an atlas of `bodies` bodies (at least 1).
pub fn synthetic(bodies: usize, seed: u64) -> Atlas {
    let n = bodies.max(1);
    let mut rng = fastrand::Rng::with_seed(seed ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let max_depth = 4 + rng.usize(0..4);
    let mut depth = vec![0usize; n];
    let mut list: Vec<Body> = Vec::with_capacity(n);
    for i in 0..n {
        let parent = if i == 0 {
            None
        } else {
            // A random recursive tree: earlier bodies gather more subordinates (uneven fan-out,
            // a few dozen at most), never deeper than max_depth.
            let mut p;
            loop {
                p = rng.usize(0..i);
                if depth[p] < max_depth {
                    break;
                }
            }
            depth[i] = depth[p] + 1;
            Some(p)
        };
        let kind = match depth[i] {
            0 | 1 => "statutory",
            _ if rng.u8(0..10) == 0 => "permanent_working",
            _ => "subsidiary",
        };
        let topic = TOPICS[rng.usize(0..TOPICS.len())];
        let topic2 = TOPICS[rng.usize(0..TOPICS.len())];
        let form = FORMS[rng.usize(0..FORMS.len())];
        let name = if rng.bool() {
            format!("{form} {topic} and {topic2} No. {i}")
        } else {
            format!("{form} {topic} No. {i}")
        };
        let claim = |text: String| Claim {
            text,
            status: Status::Inferred,
            sources: vec!["synthetic".into()],
            note: Some("generated".into()),
        };
        list.push(Body {
            id: format!("body-{i}"),
            short: format!("B{i}"),
            aliases: Vec::new(),
            kind: kind.into(),
            kind_status: Status::Inferred,
            parent: parent.map(|p| format!("body-{p}")),
            established: None,
            seat: None,
            mandate: Some(claim(format!(
                "Coordinates {} among the member states.",
                topic.to_lowercase()
            ))),
            composition: Some(claim("Heads of the competent national authorities.".into())),
            chair: None,
            articles: vec![ArticleRef {
                document: "statute".into(),
                article: "1".into(),
                status: Status::Inferred,
                sources: Vec::new(),
                note: None,
            }],
            sources: vec!["synthetic".into()],
            notes: Vec::new(),
            holders: Vec::new(),
            names: Default::default(),
            fields: Default::default(),
            name,
        });
    }
    let kinds = crate::model::builtin_relation_kinds();
    let relations = (0..(n * 15 / 100))
        .filter_map(|_| {
            let (a, b) = (rng.usize(0..n), rng.usize(0..n));
            (a != b).then(|| Relation {
                from: format!("body-{a}"),
                to: format!("body-{b}"),
                kind: kinds[rng.usize(0..kinds.len())].id.clone(),
                status: Status::Inferred,
                sources: vec!["synthetic".into()],
                note: None,
            })
        })
        .collect();
    frame(n, list, relations)
}

/// The atlas around generated bodies and relations: its edition, one source, one statute.
fn frame(n: usize, bodies: Vec<Body>, relations: Vec<Relation>) -> Atlas {
    Atlas {
        meta: Meta {
            title: format!("Synthetic organization of {n} bodies"),
            short: "SYN".into(),
            edition: "2026-01-01".into(),
            start: Some("2000-01-01".into()),
            checked: None,
            description: "Generated for scale tests.".into(),
            noun: None,
            second_line: None,
            credit: Some("Generated data, not a real organization.".into()),
            names: Default::default(),
            read_from: None,
        },
        sources: vec![Source {
            id: "synthetic".into(),
            title: "Generated by csto-atlas generate".into(),
            kind: SourceKind::Other,
            ..Source::default()
        }],
        documents: vec![Document {
            id: "statute".into(),
            title: "Synthetic statute".into(),
            short: "Statute".into(),
            signed: "2000-01-01".into(),
            place: None,
            in_force: None,
            summary: String::new(),
            sources: vec!["synthetic".into()],
            articles: vec![Article {
                number: "1".into(),
                topic: "Bodies".into(),
                paraphrase: "The organization may set up bodies.".into(),
                status: Status::Inferred,
                sources: vec!["synthetic".into()],
                note: None,
            }],
        }],
        bodies,
        relations,
        members: Vec::new(),
        disputes: Vec::new(),
        kinds: Vec::new(),
        relation_kinds: Vec::new(),
        events: Vec::new(),
    }
}

/// The atlas as RON text, as `generate` writes it.
pub fn to_ron(atlas: &Atlas) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(atlas, ron::ser::PrettyConfig::default().struct_names(true))
}
