//! Column names on stacked rows. Below 720 px a table's rows stack (style/areas.css)
//! and each cell shows its column's name before it, from its `data-label`. This copies
//! each column head's text into the cells under it once the table is in the page, so
//! the rows that draw the cells need not repeat the heads.
//!
//! ```ignore
//! let table = use_cell_labels();
//! view! { <table node_ref=table class="table">…</table> }
//! ```
//! A table is drawn whole per answer (a new page of rows is a new table), so labelling
//! it once is enough.

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
    let Ok(rows) = table.query_selector_all("tbody tr") else {
        return;
    };
    for row in (0..rows.length()).filter_map(|i| rows.get(i)?.dyn_into::<Element>().ok()) {
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
    }
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
