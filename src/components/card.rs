//! A card: a section named by its heading, with an optional lead sentence under it.
//!
//! ```ignore
//! view! {
//!     <Card title="Domains" lead="A verified domain can be used to sign in.">
//!         <DomainList />
//!     </Card>
//! }
//! ```

use super::field::unique_id;
use leptos::prelude::*;

#[component]
pub fn Card(
    /// The heading, which also names the section for assistive technology.
    title: &'static str,
    /// A muted sentence under the heading.
    #[prop(optional)]
    lead: Option<&'static str>,
    /// Classes beside `card`, e.g. "stack".
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let id = unique_id("card");
    let labelled_by = id.clone();
    let class = if class.is_empty() {
        "card".to_string()
    } else {
        format!("card {class}")
    };
    view! {
        <section class=class aria-labelledby=labelled_by>
            <h2 id=id>{title}</h2>
            {lead.map(|l| view! { <p class="muted">{l}</p> })}
            {children.map(|c| c())}
        </section>
    }
}
