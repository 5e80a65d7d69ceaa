//! A view as a link: the part of a web address after `#` that reopens it, as in
//! `#select=cmd&as-of=2005-01-01&lang=ru`. The keys are the command line's long options, written
//! and read by [`ViewSpec`]; this file only encodes them as a query string.

use crate::model::Model;
use crate::view::spec::ViewSpec;
use crate::view::RelationsShown;

/// The fragment (without `#`) for a view; empty for the default view.
pub fn fragment(spec: &ViewSpec, model: &Model) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in spec.pairs(model.kinds()) {
        match value {
            Some(v) => out.append_pair(key, &v),
            None => out.append_key_only(key),
        };
    }
    out.finish()
}

/// The view a fragment asks for, in full: what it does not say is the window's default. Unknown
/// keys, malformed values and ids the atlas does not have are left out: a link is never an error.
pub fn parse(fragment: &str, model: &Model) -> ViewSpec {
    let pairs: Vec<(String, Option<String>)> =
        form_urlencoded::parse(fragment.trim_start_matches('#').as_bytes())
            .map(|(k, v)| (k.into_owned(), Some(v.into_owned())))
            .collect();
    ViewSpec::from_pairs(&pairs, model, RelationsShown::default())
}
