//! Pagination: rows per page, first/previous/next/last, a typed page number
//! and "41–60 of 250".

use crate::components::Button;
use crate::hooks::list_url::{ListUrl, Paged};
use crate::paging::{page_count, range_label, PAGE_SIZES};
use leptos::prelude::*;

#[component]
pub fn Pager(
    #[prop(into)] page: Signal<u32>,
    #[prop(into)] size: Signal<u32>,
    #[prop(into)] total: Signal<u64>,
    /// Called with the new (page, size).
    #[prop(into)]
    on_change: Callback<(u32, u32)>,
    #[prop(default = "Pagination")] label: &'static str,
) -> impl IntoView {
    let pages = move || page_count(total.get(), size.get());
    let go = move |p: u32| {
        let p = p.clamp(1, pages());
        if p != page.get_untracked() {
            on_change.run((p, size.get_untracked()));
        }
    };
    let typed = RwSignal::new(String::new());
    Effect::new(move |_| typed.set(page.get().to_string()));
    let submit_typed = move || match typed.get_untracked().trim().parse::<u32>() {
        Ok(p) => go(p),
        Err(_) => typed.set(page.get_untracked().to_string()),
    };
    view! {
        <nav class="pager" aria-label=label>
            <label class="pager__size">
                "Rows per page "
                <select
                    prop:value=move || size.get().to_string()
                    on:change=move |ev| {
                        if let Ok(s) = event_target_value(&ev).parse::<u32>() {
                            on_change.run((1, s));
                        }
                    }
                >
                    {PAGE_SIZES
                        .iter()
                        .map(|s| view! { <option value=s.to_string()>{s.to_string()}</option> })
                        .collect_view()}
                </select>
            </label>
            <span class="pager__range" aria-live="polite">
                {move || range_label(page.get(), size.get(), total.get())}
            </span>
            <span class="pager__buttons">
                <Button
                    class="btn btn--small"
                    label="First page"
                    disabled=move || { page.get() <= 1 }
                    on_click=move || go(1)
                >
                    "«"
                </Button>
                <Button
                    class="btn btn--small"
                    label="Previous page"
                    disabled=move || { page.get() <= 1 }
                    on_click=move || go(page.get_untracked().saturating_sub(1))
                >
                    "‹"
                </Button>
                <label class="pager__page">
                    "Page "
                    <input
                        type="number"
                        min="1"
                        max=move || pages().to_string()
                        inputmode="numeric"
                        bind:value=typed
                        on:change=move |_| submit_typed()
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                submit_typed()
                            }
                        }
                    /> {move || format!(" of {}", pages())}
                </label>
                <Button
                    class="btn btn--small"
                    label="Next page"
                    disabled=move || { page.get() >= pages() }
                    on_click=move || go(page.get_untracked() + 1)
                >
                    "›"
                </Button>
                <Button
                    class="btn btn--small"
                    label="Last page"
                    disabled=move || { page.get() >= pages() }
                    on_click=move || go(pages())
                >
                    "»"
                </Button>
            </span>
        </nav>
    }
}

/// A [`Pager`] over a list's state in the URL: a page change is a new URL.
#[component]
pub fn UrlPager<S: Paged>(
    url: ListUrl<S>,
    #[prop(into)] total: Signal<u64>,
    #[prop(default = "Pagination")] label: &'static str,
) -> impl IntoView {
    let state = url.state;
    view! {
        <Pager
            page=Signal::derive(move || state.with(S::page))
            size=Signal::derive(move || state.with(S::size))
            total=total
            on_change=move |(p, size)| url.page(p, |s: &mut S| s.set_size(size))
            label=label
        />
    }
}
