//! Column names on stacked rows. Below 720 px a table's rows stack (style/areas.css)
//! and each cell shows its column's name before it, from its `data-label`. This copies
//! each column head's text into the cells under it once the table is in the page, so
//! the rows that draw the cells need not repeat the heads.
//!
//! ```ignore
//! let table = use_cell_labels();
//! view! { <table node_ref=table class="table">…</table> }
//! ```
//! It also gives the table, its row groups, rows, heads and cells their roles outright:
//! some browsers drop a table's semantics once CSS changes its `display`, as the stacked
//! rows do. A table is drawn whole per answer (a new page of rows is a new table), so
//! doing this once is enough.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub fn use_cell_labels() -> NodeRef<html::Table> {
    let table = NodeRef::<html::Table>::new();
    table.on_load(|t| label_cells(&t));
    table
}

/// Cells that need no name: the row's check box and its buttons.
const UNLABELLED: [&str; 2] = ["table__check", "table__actions"];

fn label_cells(table: &Element) {
    let _ = table.set_attribute("role", "table");
    for (selector, role) in ROLES {
        for_each(table, selector, |e| {
            let _ = e.set_attribute("role", role);
        });
    }
    let Ok(heads) = table.query_selector_all("thead th") else {
        return;
    };
    let names: Vec<String> = (0..heads.length())
        .map(|i| {
            heads
                .get(i)
                .and_then(|h| h.text_content())
                .unwrap_or_default()
        })
        .map(|t| head_name(&t).to_string())
        .collect();
    for_each(table, ":scope > tbody > tr", |row| {
        let cells = row.children();
        for (i, name) in names.iter().enumerate() {
            let Some(cell) = cells.item(i as u32) else {
                break;
            };
            let skip = UNLABELLED.iter().any(|c| cell.class_list().contains(c));
            if !skip && !name.is_empty() {
                let _ = cell.set_attribute("data-label", name);
            }
        }
    });
}

/// The roles a table's parts keep whatever their `display` (ARIA in HTML's implicit ones).
const ROLES: [(&str, &str); 4] = [
    (":scope > thead, :scope > tbody", "rowgroup"),
    (":scope > * > tr", "row"),
    (":scope > thead th", "columnheader"),
    (":scope > tbody td", "cell"),
];

fn for_each(root: &Element, selector: &str, f: impl Fn(&Element)) {
    let Ok(found) = root.query_selector_all(selector) else {
        return;
    };
    (0..found.length())
        .filter_map(|i| found.get(i)?.dyn_into::<Element>().ok())
        .for_each(|e| f(&e));
}

/// A head's name without the sort arrow a sortable head draws after it.
pub fn head_name(text: &str) -> &str {
    text.trim().trim_end_matches(['▲', '▼']).trim_end()
}

#[cfg(test)]
mod tests {
    use super::head_name;

    #[test]
    fn a_head_name_drops_its_sort_arrow_and_spaces() {
        assert_eq!(head_name("  Created ▼ "), "Created");
        assert_eq!(head_name("User▲"), "User");
        assert_eq!(head_name("Client ID"), "Client ID");
    }
}
