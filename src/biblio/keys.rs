//! Sources cited in prose by their keys in brackets ("[S81]"), and those keys made numbers.

/// The keys in brackets in a text: "[S81]" gives "S81".
pub fn keys_in(text: &str) -> impl Iterator<Item = &str> {
    text.split('[')
        .skip(1)
        .filter_map(|rest| rest.split_once(']').map(|(key, _)| key))
        .filter(|key| !key.is_empty() && !key.contains(char::is_whitespace))
}

/// `text` with each "[key]" of a numbered source written "[n]".
pub fn renumber(text: &str, numbers: &[(String, usize)]) -> String {
    if !text.contains('[') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let number = after.split_once(']').and_then(|(key, _)| {
            let n = numbers.iter().find(|(id, _)| id == key)?.1;
            Some((n, key.len()))
        });
        match number {
            Some((n, len)) => {
                out.push_str(&format!("[{n}]"));
                rest = &after[len + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_prose_become_numbers() {
        let numbers = vec![("S81".to_owned(), 3), ("S82".to_owned(), 7)];
        assert_eq!(
            renumber("as [S81] says, and [S82][S83]; [x", &numbers),
            "as [3] says, and [7][S83]; [x"
        );
        let keys: Vec<&str> = keys_in("a [S1] b [not a key] [S2][S3]").collect();
        assert_eq!(keys, ["S1", "S2", "S3"]);
    }
}
