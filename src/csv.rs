//! CSV (RFC 4180) for exports: every field quoted when it must be, CRLF rows.
//! Fields that a spreadsheet would run as a formula are prefixed with `'`: at the start
//! of the field and after any `;` or `,` inside it (a spreadsheet whose list separator
//! is `;` splits an unquoted `prod;=1+1` into a formula), so such fields are quoted too.
//! NUL characters are dropped.

const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether any part of `s` that a spreadsheet may read as a cell starts like a formula.
fn runs_as_formula(s: &str) -> bool {
    s.starts_with(FORMULA)
        || s.split([';', ','])
            .skip(1)
            .any(|part| part.trim_start_matches(' ').starts_with(FORMULA))
}

/// One field, quoted when it holds a comma, semicolon, quote, tab, CR or LF.
pub fn field(s: &str) -> String {
    let s = s.replace('\0', "");
    let guarded = if runs_as_formula(&s) {
        format!("'{s}")
    } else {
        s
    };
    if guarded.contains([',', ';', '"', '\n', '\r', '\t']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// One row, ending in CRLF.
pub fn row<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("@home"), "'@home");
    }

    #[test]
    fn a_formula_after_a_list_separator_is_defused_and_kept_in_one_cell() {
        assert_eq!(field("prod;=1+1"), "\"'prod;=1+1\"");
        assert_eq!(field("a, @SUM(A1)"), "\"'a, @SUM(A1)\"");
        assert_eq!(
            field("a;b"),
            "\"a;b\"",
            "quoted, so a ';' spreadsheet keeps one cell"
        );
        assert_eq!(field("x\0=1"), "x=1");
        assert_eq!(
            field("v1.2-beta"),
            "v1.2-beta",
            "a '-' inside a word is no cell start"
        );
    }

    #[test]
    fn rows_end_in_crlf() {
        assert_eq!(row(&["id", "name, inc", "x"]), "id,\"name, inc\",x\r\n");
    }
}
