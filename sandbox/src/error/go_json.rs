//! Go's `encoding/json` words for a body it cannot decode, as gin's `ShouldBindJSON` hands
//! them to a handler: `unexpected EOF`, `invalid character 'x' looking for beginning of
//! value`, `json: cannot unmarshal string into Go struct field T.active of type bool`.
//! The struct is named after the sandbox's request type (AuthSec's Go names differ).

use serde::de::DeserializeOwned;
use serde_json::error::Category;

/// Decodes `body` as Go would, or answers Go's text for why not.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err("EOF".into());
    }
    // serde_json decodes; a failure is decoded again through serde_path_to_error, only
    // for the field's path, so what decodes is exactly what serde_json takes.
    serde_json::from_slice(body).map_err(|e| {
        let de = &mut serde_json::Deserializer::from_slice(body);
        let path = match serde_path_to_error::deserialize::<_, T>(de) {
            Err(e) => e.path().to_string(),
            Ok(_) => ".".to_string(),
        };
        text(body, &e, &path, short_name::<T>())
    })
}

fn short_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    let full = full.split('<').next().unwrap_or(full);
    full.rsplit("::").next().unwrap_or(full)
}

fn text(body: &[u8], e: &serde_json::Error, path: &str, strukt: &str) -> String {
    match e.classify() {
        Category::Eof => "unexpected EOF".into(),
        Category::Syntax => syntax(body, e),
        Category::Data | Category::Io => unmarshal(e, path, strukt),
    }
}

/// The start of serde_json's syntax message, and what Go says where it stopped.
const CONTEXTS: &[(&str, &str)] = &[
    ("trailing characters", "after top-level value"),
    (
        "key must be a string",
        "looking for beginning of object key string",
    ),
    ("expected `:`", "after object key"),
    ("expected `,` or `}`", "after object key:value pair"),
    ("expected `,` or `]`", "after array element"),
    ("control character", "in string literal"),
    ("invalid escape", "in string literal"),
];

/// `invalid character 'c' <context>` at the character serde stopped at.
fn syntax(body: &[u8], e: &serde_json::Error) -> String {
    let said = e.to_string();
    let line = body.split(|&b| b == b'\n').nth(e.line().saturating_sub(1));
    let c = line
        .and_then(|l| l.get(e.column().saturating_sub(1)))
        .map_or('?', |&b| b as char);
    let context = CONTEXTS
        .iter()
        .find(|(start, _)| said.starts_with(start))
        .map_or("looking for beginning of value", |(_, go)| go);
    format!("invalid character '{c}' {context}")
}

/// `json: cannot unmarshal <kind> into Go struct field <T>.<path> of type <type>`.
fn unmarshal(e: &serde_json::Error, path: &str, strukt: &str) -> String {
    let said = e.to_string();
    let said = said.split(" at line ").next().unwrap_or(&said);
    let Some((got, wanted)) = said
        .strip_prefix("invalid type: ")
        .or_else(|| said.strip_prefix("invalid value: "))
        .and_then(|s| s.split_once(", expected "))
    else {
        return said.to_string();
    };
    let into = match path {
        "." | "" => "Go value".to_string(),
        // Go names the field by its dotted JSON path, without array indices.
        p => {
            let field: String = p.split('[').next().unwrap_or(p).into();
            format!("Go struct field {strukt}.{field}")
        }
    };
    format!(
        "json: cannot unmarshal {} into {into} of type {}",
        kind(got),
        go_type(wanted)
    )
}

/// serde's unexpected value as Go names the JSON kind.
fn kind(got: &str) -> &'static str {
    match got.split([' ', '`']).next().unwrap_or(got) {
        "string" | "character" => "string",
        "boolean" => "bool",
        "integer" | "floating" => "number",
        "sequence" => "array",
        "map" => "object",
        _ => "value",
    }
}

/// serde's expectation as the Go type a field of it would have.
fn go_type(wanted: &str) -> String {
    let t = match wanted {
        "a boolean" => "bool",
        "a string" | "a borrowed string" => "string",
        "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" => "int",
        "f32" | "f64" => "float64",
        "a sequence" => "[]string",
        "a map" => "map[string]interface {}",
        w if w.starts_with("struct ") => return w.trim_start_matches("struct ").to_string(),
        w if w.starts_with("a UUID") || w.starts_with("UUID") => "uuid.UUID",
        w => return w.to_string(),
    };
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[allow(dead_code)]
    #[derive(Deserialize, Debug)]
    struct StatusReq {
        user_id: Option<String>,
        active: Option<bool>,
        limit: Option<i64>,
        tags: Option<Vec<String>>,
    }

    fn err(body: &str) -> String {
        decode::<StatusReq>(body.as_bytes()).unwrap_err()
    }

    #[test]
    fn texts_are_go_s() {
        assert_eq!(err(""), "EOF");
        assert_eq!(err("{\"active\":"), "unexpected EOF");
        assert_eq!(
            err("nope"),
            "invalid character 'o' looking for beginning of value"
        );
        assert_eq!(
            err("{\"active\":true}x"),
            "invalid character 'x' after top-level value"
        );
        assert_eq!(
            err("{\"active\" true}"),
            "invalid character 't' after object key"
        );
        assert_eq!(
            err("{\"active\":\"yes\"}"),
            "json: cannot unmarshal string into Go struct field StatusReq.active of type bool"
        );
        assert_eq!(
            err("{\"limit\":1.5}"),
            "json: cannot unmarshal number into Go struct field StatusReq.limit of type int"
        );
        assert_eq!(
            err("{\"tags\":[1]}"),
            "json: cannot unmarshal number into Go struct field StatusReq.tags of type string"
        );
        assert_eq!(
            err("\"x\""),
            "json: cannot unmarshal string into Go value of type StatusReq"
        );
        assert!(decode::<StatusReq>(b"{\"active\":true,\"other\":1}").is_ok());
    }
}
