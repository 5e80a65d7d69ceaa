//! The code map in the README holds: dependencies run one way (model → view → layout → scene →
//! export and ui), the font metrics are a leaf below the model, the command line is a leaf that
//! nothing in the library imports, and the files of `export/` import each other without a cycle.
//! Read from the `crate::` and `super::` paths in the sources, as a reviewer would.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comments, so that a doc comment naming a module is no import.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(|l| match l.find("//") {
            Some(at) if !l[..at].contains('"') => &l[..at],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first path segment after each `prefix::`, including those inside `use prefix::{a, b::c}`.
fn modules_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let pattern = format!("{prefix}::");
    for (at, _) in code.match_indices(&pattern) {
        let rest = &code[at + pattern.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group: `a`, `b::c`, `d::{e, f}`.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(word(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            found.insert(word(item.trim()));
        } else {
            found.insert(word(rest));
        }
    }
    found.retain(|m| !m.is_empty() && m.chars().next().is_some_and(|c| c.is_ascii_lowercase()));
    found
}

/// Each top-level module of the library and the top-level modules it names.
fn library_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let top = top.trim_end_matches(".rs").to_string();
        if top == "main" || top == "cli" {
            continue;
        }
        let mut names = modules_after(&code(&file), "crate");
        names.remove(&top);
        graph.entry(top).or_default().extend(names);
    }
    graph
}

#[test]
fn dependencies_run_one_way_as_the_code_map_draws_them() {
    let graph = library_graph();
    // What each module must not name: everything after it in the chain, and the window.
    let forbidden: &[(&str, &[&str])] = &[
        (
            "metrics",
            &["model", "view", "layout", "scene", "export", "ui", "book"],
        ),
        (
            "model",
            &["view", "layout", "scene", "export", "ui", "book", "report"],
        ),
        ("view", &["layout", "scene", "export", "ui", "book"]),
        (
            "layout",
            &["model", "view", "scene", "export", "ui", "book"],
        ),
        ("scene", &["export", "ui", "book"]),
        ("export", &["ui"]),
        ("book", &["ui"]),
        ("report", &["scene", "export", "ui", "book"]),
    ];
    let mut wrong = Vec::new();
    for (module, not) in forbidden {
        let names = graph
            .get(*module)
            .unwrap_or_else(|| panic!("no module {module}"));
        for n in *not {
            if names.contains(*n) {
                wrong.push(format!("{module} → {n}"));
            }
        }
    }
    // The command line is a leaf of the binary: the library never names it.
    for (module, names) in &graph {
        if names.contains("cli") {
            wrong.push(format!("{module} → cli"));
        }
    }
    assert!(wrong.is_empty(), "imports against the code map: {wrong:?}");
    // The check reads real imports: the chain's own steps are there.
    assert!(graph["scene"].contains("layout") && graph["export"].contains("scene"));
    assert!(graph["model"].contains("metrics"), "{:?}", graph["model"]);
}

#[test]
fn the_files_of_export_import_each_other_without_a_cycle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/export");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    sources(&dir, &mut files);
    let names: BTreeSet<String> = (files.iter())
        .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|n| n != "mod")
        .collect();
    for file in &files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "mod" {
            continue;
        }
        let text = code(file);
        let mut deps = modules_after(&text, "super");
        deps.extend(modules_after(&text, "crate::export"));
        deps.retain(|d| names.contains(d) && *d != name);
        graph.insert(name, deps);
    }
    assert!(graph["pdf"].contains("svg"), "the graph is read: {graph:?}");
    // Depth-first search for a way back to where it started.
    fn cycle(
        graph: &BTreeMap<String, BTreeSet<String>>,
        at: &str,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == at) {
            return Some(path[i..].to_vec());
        }
        path.push(at.to_string());
        for next in graph.get(at).into_iter().flatten() {
            if let Some(c) = cycle(graph, next, path) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    for start in graph.keys() {
        if let Some(c) = cycle(&graph, start, &mut Vec::new()) {
            panic!("export/ has an import cycle: {}", c.join(" → "));
        }
    }
}

/// Each function's length in lines, from its `fn` line to its closing brace (braces counted
/// outside strings and comments; a one-line declaration has no body).
fn function_lengths(code: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let t = t.strip_prefix("pub ").unwrap_or(t);
        let t = if t.starts_with("pub(") {
            t.split_once(") ").map_or(t, |(_, rest)| rest)
        } else {
            t
        };
        let t = t.strip_prefix("const ").unwrap_or(t);
        let Some(rest) = t.strip_prefix("fn ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let (mut depth, mut opened) = (0i64, false);
        for (j, l) in lines.iter().enumerate().skip(i) {
            // Braces in string and char literals are no blocks.
            let mut in_str = false;
            let mut prev = ' ';
            for c in l.chars() {
                match c {
                    '"' if prev != '\\' => in_str = !in_str,
                    '{' if !in_str && prev != '\'' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' if !in_str && prev != '\'' => depth -= 1,
                    _ => {}
                }
                prev = c;
            }
            if !opened && l.trim_end().ends_with(';') {
                break;
            }
            if opened && depth <= 0 {
                out.push((name.clone(), j - i + 1));
                break;
            }
        }
    }
    out
}

/// No function over 120 lines and no file over 600: each reads on a screen or two.
#[test]
fn functions_and_files_stay_short() {
    let mut files = Vec::new();
    sources(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let mut long = Vec::new();
    for path in &files {
        let text = code(path);
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(path);
        let lines = std::fs::read_to_string(path).unwrap().lines().count();
        if lines > 600 {
            long.push(format!("{}: {lines} lines", name.display()));
        }
        for (f, n) in function_lengths(&text) {
            if n > 120 {
                long.push(format!("{}: fn {f}: {n} lines", name.display()));
            }
        }
    }
    assert!(long.is_empty(), "too long to read: {long:#?}");
    // The counter itself: a function of known length is measured right.
    let sample = "fn a() {\n    let s = \"}\";\n    if x {\n        y();\n    }\n}\nfn b();\n";
    assert_eq!(function_lengths(sample), vec![("a".to_owned(), 6)]);
}
