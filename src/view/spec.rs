//! One view, one text form. A [`ViewSpec`] (the filters, typed, and the selection) is written as
//! one list of option pairs ([`ViewSpec::pairs`]); the command line (`--as-of 2005-01-01`), the
//! web address (`#as-of=2005-01-01`) and "Cite this view" all print that list, and all read it
//! back through the one clap definition, [`ViewArgs`]. A flag renamed there is renamed
//! everywhere, and a property test holds the round trip.

use clap::{Args, CommandFactory as _, Parser};

use super::{kinds_except, Filters, RelationsShown, UndatedShown};
use crate::model::{Date, Kinds, Model};

/// The view options of the command line: the same for the window and for `export`.
#[derive(Debug, Clone, Default, PartialEq, Args)]
pub struct ViewArgs {
    /// Show only bodies of this kind (repeat for several), by the id the atlas declares; the
    /// CSTO's: statutory, permanent_working, subsidiary, official.
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<String>,
    /// Hide bodies of this kind (repeat for several); the opposite of --kind.
    #[arg(long = "hide-kind", value_name = "KIND", conflicts_with = "kinds")]
    pub hide_kinds: Vec<String>,
    /// Show the organization as of this date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<Date>,
    /// Compare with this earlier date: bodies established since are marked "new".
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub compare: Option<Date>,
    /// Show only this body and its neighbourhood.
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// How many steps out --focus reaches (default 1).
    #[arg(long, value_name = "N", requires = "focus")]
    pub depth: Option<usize>,
    /// Fade filtered bodies instead of hiding them.
    #[arg(long)]
    pub showcase: bool,
    /// Lay out only the shown bodies, for a tight picture (by default every body keeps its place
    /// across dates).
    #[arg(long)]
    pub repack: bool,
    /// Which relations pictures draw: none, those of the selected (or focused) body, or all.
    /// Default: selected in the window; for export, selected with --select or --focus, else none.
    #[arg(long, value_enum, value_name = "WHICH")]
    pub relations: Option<RelationsShown>,
    /// Hide relations of this kind (repeat for several), by the id the atlas declares.
    #[arg(long = "hide-relation", value_name = "KIND")]
    pub hide_relations: Vec<String>,
    /// The language of names on the chart, by code: en (default), or one the atlas gives
    /// names in (the CSTO atlas: ru). A body without a name in it keeps its English one.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<String>,
    /// Keep N levels below each apex of the shown tree open; deeper bodies fold into their
    /// ancestor, drawn with "+N" (0: only the apexes).
    #[arg(long, value_name = "N")]
    pub expand: Option<usize>,
    /// Fold this body (repeat for several): one box with "+N" for the bodies beneath it.
    #[arg(long = "fold", value_name = "ID")]
    pub folded: Vec<String>,
    /// At a date before the edition, bodies of unknown founding date: show them as any other,
    /// ghost them (lighter, dashed: they may not have existed yet; the default) or hide them.
    #[arg(long, value_enum, value_name = "HOW")]
    pub undated: Option<UndatedShown>,
    /// Select this body (the window centres it; a picture highlights it).
    #[arg(long, value_name = "ID")]
    pub select: Option<String>,
}

/// A whole view: typed filters (dates as dates) and the selected body, every id checked against
/// the atlas it was resolved with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewSpec {
    pub filters: Filters,
    pub selected: Option<String>,
}

/// The argument parser of [`ViewArgs`] alone, for reading words and addresses back.
#[derive(Debug, Parser)]
#[command(name = "csto-atlas", no_binary_name = true)]
struct Words {
    #[command(flatten)]
    view: ViewArgs,
}

impl ViewArgs {
    /// Reads view options from words (`["--as-of", "2005-01-01"]`), as the command line would.
    pub fn from_words<I, S>(words: I) -> Result<ViewArgs, String>
    where
        I: IntoIterator<Item = S>,
        S: Into<std::ffi::OsString> + Clone,
    {
        Words::try_parse_from(words)
            .map(|w| w.view)
            .map_err(|e| e.to_string())
    }

    /// True when any view option was given.
    pub fn is_set(&self) -> bool {
        *self != ViewArgs::default()
    }
}

impl ViewSpec {
    /// The view the options ask for, checked against `model`: an unknown kind, relation kind or
    /// body id is an error that names what the atlas has. `relations` applies when the options
    /// do not say (the window shows the selection's; an export, none unless something is chosen).
    pub fn resolve(
        args: &ViewArgs,
        model: &Model,
        relations: RelationsShown,
    ) -> Result<ViewSpec, String> {
        let kinds = model.kinds();
        let hidden_kinds = if args.hide_kinds.is_empty() {
            kinds_except(model, &args.kinds)?
        } else {
            for id in &args.hide_kinds {
                if kinds.body_kind(id).is_none() {
                    // kinds_except words the error, naming the atlas's kinds.
                    kinds_except(model, std::slice::from_ref(id))?;
                }
            }
            kinds
                .body_kinds()
                .map(|k| kinds.body(k).id.clone())
                .filter(|id| args.hide_kinds.contains(id))
                .collect()
        };
        for id in &args.hide_relations {
            if kinds.relation_kind(id).is_none() {
                let known: Vec<&str> = kinds
                    .relation_kinds()
                    .map(|k| kinds.relation(k).id.as_str())
                    .collect();
                return Err(format!(
                    "unknown relation kind {id:?}; one of: {}",
                    known.join(", ")
                ));
            }
        }
        for id in args.focus.iter().chain(&args.folded).chain(&args.select) {
            model.lookup(id).map_err(|e| e.to_string())?;
        }
        Ok(ViewSpec {
            filters: Filters {
                hidden_kinds,
                hidden_relations: args.hide_relations.clone(),
                as_of: args.as_of,
                focus: args.focus.clone(),
                depth: args.depth.unwrap_or(Filters::default().depth),
                showcase: args.showcase,
                repack: args.repack,
                relations: args.relations.unwrap_or(relations),
                compare: args.compare,
                lang: args.lang.clone().filter(|l| l != "en"),
                folded: args.folded.clone(),
                expand: args.expand,
                undated: args.undated.unwrap_or_default(),
            },
            selected: args.select.clone(),
        })
    }

    /// The view as option pairs (`("as-of", Some("2005-01-01"))`, `("showcase", None)`), in the
    /// order the command line prints them; the window's defaults are left out. Kinds are written
    /// as those kept (`kind`), in the atlas's order, unless none is.
    pub fn pairs(&self, kinds: &Kinds) -> Vec<(&'static str, Option<String>)> {
        let f = &self.filters;
        let mut out: Vec<(&'static str, Option<String>)> = Vec::new();
        let all: Vec<&String> = kinds.body_kinds().map(|k| &kinds.body(k).id).collect();
        let hidden: Vec<&String> = all
            .iter()
            .copied()
            .filter(|id| f.hidden_kinds.contains(id))
            .collect();
        if hidden.len() == all.len() && !all.is_empty() {
            out.extend(hidden.into_iter().map(|id| ("hide-kind", Some(id.clone()))));
        } else if !hidden.is_empty() {
            let kept = all.iter().filter(|id| !f.hidden_kinds.contains(id));
            out.extend(kept.map(|id| ("kind", Some((*id).clone()))));
        }
        out.extend(f.as_of.map(|d| ("as-of", Some(d.to_string()))));
        out.extend(f.compare.map(|d| ("compare", Some(d.to_string()))));
        if let Some(focus) = &f.focus {
            out.push(("focus", Some(focus.clone())));
            if f.depth != Filters::default().depth {
                out.push(("depth", Some(f.depth.to_string())));
            }
        }
        if f.showcase {
            out.push(("showcase", None));
        }
        if f.repack {
            out.push(("repack", None));
        }
        if f.relations != RelationsShown::default() {
            out.push(("relations", Some(value_name(f.relations))));
        }
        let hidden_relations = f.hidden_relations.iter().cloned();
        out.extend(hidden_relations.map(|id| ("hide-relation", Some(id))));
        if let Some(lang) = f.lang.as_deref().filter(|l| *l != "en") {
            out.push(("lang", Some(lang.to_owned())));
        }
        out.extend(f.expand.map(|n| ("expand", Some(n.to_string()))));
        out.extend(f.folded.iter().map(|id| ("fold", Some(id.clone()))));
        if f.undated != UndatedShown::default() {
            out.push(("undated", Some(value_name(f.undated))));
        }
        out.extend(self.selected.clone().map(|id| ("select", Some(id))));
        out
    }

    /// The view as command-line words: `["--as-of", "2005-01-01", "--showcase"]`.
    pub fn words(&self, kinds: &Kinds) -> Vec<String> {
        words_of(&self.pairs(kinds))
    }

    /// Reads a view from option pairs, as an address gives them. Unknown options and values
    /// that do not parse or name nothing in `model` are left out: a link is never an error.
    pub fn from_pairs(
        pairs: &[(String, Option<String>)],
        model: &Model,
        relations: RelationsShown,
    ) -> ViewSpec {
        let mut command = Words::command();
        command.build();
        let mut kept: Vec<(String, Option<String>)> = Vec::new();
        let mut spec =
            ViewSpec::resolve(&ViewArgs::default(), model, relations).unwrap_or_default();
        for (key, value) in pairs {
            let Some(arg) = command
                .get_arguments()
                .find(|a| a.get_long() == Some(key.as_str()))
            else {
                continue;
            };
            // A flag (`showcase`) takes no value, whatever the address wrote after it.
            let value = arg
                .get_action()
                .takes_values()
                .then(|| value.clone().unwrap_or_default());
            kept.push((key.clone(), value));
            let resolved = ViewArgs::from_words(words_of(&kept))
                .and_then(|args| ViewSpec::resolve(&args, model, relations));
            match resolved {
                Ok(s) => spec = s,
                Err(_) => {
                    kept.pop();
                }
            }
        }
        spec
    }
}

fn words_of<K: AsRef<str>>(pairs: &[(K, Option<String>)]) -> Vec<String> {
    let mut words = Vec::new();
    for (key, value) in pairs {
        words.push(format!("--{}", key.as_ref()));
        words.extend(value.clone());
    }
    words
}

/// The word an option takes for `v`, from its clap definition.
fn value_name(v: impl clap::ValueEnum) -> String {
    v.to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_owned())
}

/// A language code as the options take it: two or three lowercase letters.
pub fn parse_lang(s: &str) -> Result<String, String> {
    let ok = (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase());
    ok.then(|| s.to_owned()).ok_or_else(|| {
        format!("{s:?} is not a language code: two or three lowercase letters (en, ru, fr, …)")
    })
}
