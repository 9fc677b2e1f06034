//! The keyboard: one window listener for the shortcuts of [`keys`](super::keys), and
//! the `?` dialog that lists them. A page offers its "New" and its filter to `n` and
//! `/` by marking the control with `aria-keyshortcuts` (which also tells screen readers).

use super::keys::{Keys, Press, Shortcut, GO};
use super::nav::Areas;
use crate::components::{Button, Modal};
use crate::routes::Page;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_navigate;
use web_sys::{HtmlElement, HtmlInputElement};

/// Whether keys pressed now type into something (a text field, a select, an editor).
fn typing() -> bool {
    document()
        .active_element()
        .is_some_and(|el| match el.dyn_ref::<HtmlInputElement>() {
            Some(i) => !matches!(
                i.type_().as_str(),
                "checkbox" | "radio" | "button" | "submit" | "reset"
            ),
            None => {
                matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            }
        })
}

/// The first element in the page's content matching `selector`.
fn in_main(selector: &str) -> Option<HtmlElement> {
    document()
        .query_selector(&format!("main {selector}"))
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
}

/// The areas `g` reaches for this user: letter, label, page.
fn go_keys(areas: Areas) -> Vec<(&'static str, &'static str, Page<'static>)> {
    GO.iter()
        .filter_map(|(k, page)| {
            areas
                .visible()
                .find(|(_, p, _)| p == page)
                .map(|(label, _, _)| (*k, *label, *page))
        })
        .collect()
}

#[component]
pub fn Shortcuts(palette: RwSignal<bool>, help: RwSignal<bool>) -> impl IntoView {
    let navigate = use_navigate();
    let areas = Areas::expect();
    let keys = StoredValue::new(Keys::default());
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key();
        let press = Press {
            key: &key,
            command: ev.ctrl_key() || ev.meta_key(),
            alt: ev.alt_key(),
            typing: typing(),
            at: ev.time_stamp(),
        };
        // Every key moves the chord on, even one another handler took.
        let mut found = None;
        keys.update_value(|k| found = k.press(&press));
        // A dialog (this help, the palette, a confirmation) has the keyboard.
        let dialog = document().query_selector("dialog[open]").ok().flatten();
        if ev.default_prevented() || ev.repeat() || dialog.is_some() {
            return;
        }
        let done = match found {
            None => false,
            Some(Shortcut::Palette) => {
                palette.set(true);
                true
            }
            Some(Shortcut::Help) => {
                help.set(true);
                true
            }
            Some(Shortcut::Go(page)) => {
                let here = go_keys(areas).iter().any(|(_, _, p)| *p == page);
                if here {
                    navigate(&page.path(), Default::default());
                }
                here
            }
            Some(Shortcut::New) => in_main("[aria-keyshortcuts~=\"n\"]")
                .map(|el| match el.dyn_ref::<HtmlInputElement>() {
                    Some(input) => drop(input.focus()),
                    None => el.click(),
                })
                .is_some(),
            Some(Shortcut::Filter) => in_main("[aria-keyshortcuts~=\"/\"]")
                .or_else(|| in_main("input[type=search]"))
                .map(|el| drop(el.focus()))
                .is_some(),
        };
        if done {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
    view! { <ShortcutHelp open=help areas /> }
}

/// `?`: every shortcut this user has, each row marked with its keys (`data-keys`).
#[component]
fn ShortcutHelp(open: RwSignal<bool>, areas: Areas) -> impl IntoView {
    let row = |keys: String, shown: AnyView, does: String| {
        view! {
            <tr data-keys=keys>
                <td>{shown}</td>
                <td>{does}</td>
            </tr>
        }
    };
    let rows = move || {
        let mut rows = vec![row(
            "Control+k".into(),
            view! { <kbd>"Ctrl"</kbd> " " <kbd>"K"</kbd> }.into_any(),
            "Open the command palette (⌘ K on a Mac)".into(),
        )];
        for (k, label, _) in go_keys(areas) {
            let keys = format!("g {k}");
            let shown = view! {
                <kbd>"g"</kbd>
                " then "
                <kbd>{k}</kbd>
            }
            .into_any();
            rows.push(row(keys, shown, format!("Go to {label}")));
        }
        rows.push(row(
            "n".into(),
            view! { <kbd>"n"</kbd> }.into_any(),
            "New item on this page".into(),
        ));
        rows.push(row(
            "/".into(),
            view! { <kbd>"/"</kbd> }.into_any(),
            "Search this list".into(),
        ));
        rows.push(row(
            "?".into(),
            view! { <kbd>"?"</kbd> }.into_any(),
            "This list".into(),
        ));
        rows
    };
    view! {
        <Modal open title="Keyboard shortcuts" on_cancel=move || open.set(false)>
            <p class="muted">"None of them work while you type in a field, except Ctrl K."</p>
            <table class="table shortcuts" aria-label="Keyboard shortcuts">
                <thead>
                    <tr>
                        <th scope="col">"Keys"</th>
                        <th scope="col">"What they do"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="actions">
                <Button class="btn btn--primary" on_click=move || open.set(false)>
                    "Close"
                </Button>
            </div>
        </Modal>
    }
}
