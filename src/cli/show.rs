//! `show ID`: everything known about one body, as text or JSON.

use std::path::Path;

use csto_atlas::model;

use super::{print, print_json};

pub fn run(id: &str, atlas: Option<&Path>, json: bool) -> Result<(), String> {
    let m = model::load(atlas).map_err(|e| e.to_string())?;
    let i = m.lookup(id).map_err(|e| e.to_string())?;
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
        .map(|(r, _)| serde_json::json!({"from": r.from, "kind": r.kind, "to": r.to, "status": r.status, "sources": r.sources, "note": r.note}))
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
            "kind": b.kind,
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
            "holders": b.holders,
        });
        return print_json(&value);
    }
    let mut t = format!("{} ({})\n{}\n", b.name, b.short, m.kind_name(i, None));
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
            t.push_str(&format!(
                "  {} {} {}\n",
                r.from,
                m.relation_kind_name(r, None),
                r.to
            ));
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
