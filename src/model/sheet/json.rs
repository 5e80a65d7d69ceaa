//! Org charts kept as JSON, read as sheets.

use super::RowProblem;

/// An org chart in JSON as a sheet (CSV text) for [`read`]: a flat array of objects
/// (`[{"id": 1, "parentId": null, "name": …}, …]`) is one row per object; a nested tree
/// (`{"name": …, "children": […]}`) is flattened, each node under its parent, with ids made
/// from the path ("1", "1-2") where nodes have none. Object N is reported as line N + 1.
pub fn json_to_sheet(text: &str) -> Result<String, RowProblem> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|e| RowProblem {
        line: e.line() as u64,
        column: "row".into(),
        message: format!("not JSON: {e}"),
    })?;
    let mut rows: Vec<serde_json::Map<String, Value>> = Vec::new();
    fn flatten(
        node: &Value,
        parent: Option<&str>,
        path: &str,
        rows: &mut Vec<serde_json::Map<String, Value>>,
    ) {
        let Value::Object(fields) = node else {
            return;
        };
        let mut row = fields.clone();
        let children = row.remove("children");
        let id = match row.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => path.to_owned(),
        };
        row.insert("id".into(), Value::String(id.clone()));
        if let Some(p) = parent {
            row.insert("parent".into(), Value::String(p.to_owned()));
        }
        rows.push(row);
        if let Some(Value::Array(children)) = children {
            for (n, child) in children.iter().enumerate() {
                flatten(child, Some(&id), &format!("{path}-{}", n + 1), rows);
            }
        }
    }
    match &value {
        Value::Array(items) if items.iter().all(Value::is_object) => {
            rows.extend(items.iter().filter_map(|v| v.as_object().cloned()));
        }
        Value::Object(_) => flatten(&value, None, "1", &mut rows),
        _ => {
            return Err(RowProblem {
                line: 1,
                column: "row".into(),
                message: "expected an array of objects or a tree of objects with \"children\""
                    .into(),
            })
        }
    }
    let mut columns: Vec<String> = Vec::new();
    for row in &rows {
        for key in row.keys() {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
    }
    let cell = |v: Option<&Value>| match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| RowProblem {
        line: 1,
        column: "row".into(),
        message: e.to_string(),
    };
    out.write_record(&columns).map_err(fail)?;
    for row in &rows {
        out.write_record(columns.iter().map(|c| cell(row.get(c))))
            .map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| RowProblem {
        line: 1,
        column: "row".into(),
        message: e.to_string(),
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
