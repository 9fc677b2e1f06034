//! A list of short values typed one by one: Enter or comma adds, Backspace
//! on an empty input removes the last, each chip has a remove button.

use super::field::unique_id;
use leptos::prelude::*;

/// Adds `raw` (comma-separated allowed) to `list`, skipping blanks and repeats.
pub fn add_values(list: &mut Vec<String>, raw: &str) {
    for v in raw.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        if !list.iter().any(|x| x == v) {
            list.push(v.to_string());
        }
    }
}

#[component]
pub fn ChipInput(
    #[prop(into)] label: String,
    values: RwSignal<Vec<String>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = unique_id("chips");
    let hint_id = format!("{id}-hint");
    let typed = RwSignal::new(String::new());
    let commit = move || {
        let t = typed.get_untracked();
        if !t.trim().is_empty() {
            values.update(|v| add_values(v, &t));
        }
        typed.set(String::new());
    };
    let chip_label = label.clone();
    view! {
        <div class="field chips" class:field--invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <ul class="chips__list" aria-label=format!("{chip_label} added")>
                <For each=move || values.get() key=|v| v.clone() let:v>
                    {
                        let name = v.clone();
                        view! {
                            <li class="chip">
                                <span>{v.clone()}</span>
                                <button
                                    type="button"
                                    class="chip__remove"
                                    aria-label=format!("Remove {}", v)
                                    on:click=move |_| values.update(|list| list.retain(|x| *x != name))
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <input
                id=id
                type="text"
                bind:value=typed
                aria-describedby=hint.is_some().then(|| hint_id.clone())
                on:keydown=move |ev| match ev.key().as_str() {
                    "Enter" | "," => {
                        ev.prevent_default();
                        commit();
                    }
                    "Backspace" if typed.with_untracked(String::is_empty) => {
                        values.update(|v| {
                            v.pop();
                        });
                    }
                    _ => {}
                }
                on:blur=move |_| commit()
            />
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            <p class="field__error" aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::add_values;

    #[test]
    fn adds_trimmed_unique_values() {
        let mut v = vec!["prod".to_string()];
        add_values(&mut v, " eu , prod,, mobile ");
        assert_eq!(v, ["prod", "eu", "mobile"]);
    }
}
