//! What the frame does around the form: the sandbox's demo accounts, the question to the
//! other tabs, and the sentence when the console's code does not arrive.

use super::Form;
use crate::auth::siblings;
use crate::auth::start::Start;
use crate::config::Demo;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Document;

/// A new tab on `/login` takes an open tab's session, as the console does (`auth::siblings`).
pub(in crate::first_load) fn ask_siblings(form: Rc<Form>) {
    let Ok(channel) = web_sys::BroadcastChannel::new(siblings::CHANNEL) else {
        return;
    };
    let f = form.clone();
    let heard = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if f.pending.get() || f.gone.get() {
            return;
        }
        if let Some(s) = e.data().as_string().as_deref().and_then(siblings::decode) {
            f.hand_over(Start::Session(s));
        }
    });
    channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
    let _ = channel.post_message(&siblings::HELLO.into());
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(siblings::WAIT_MS as u32).await;
        channel.close();
        drop(heard);
    });
}

/// The sandbox's demo accounts (config.json), as the console's sign-in lists them.
pub(super) fn show_demo(doc: &Document, demo: &Demo) {
    let Some(card) = doc.query_selector("#boot .login__card").ok().flatten() else {
        return;
    };
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).expect("an element");
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        e
    };
    let details = el("details", "");
    details.set_class_name("demo");
    let password = el("p", "Password for every account: ");
    let _ = password.append_child(&el("code", &demo.password));
    let list = el("ul", "");
    for a in &demo.accounts {
        let li = el("li", "");
        let _ = li.append_child(&el("code", &a.email));
        let rest = match a.workspace.is_empty() {
            true => format!(" — {}", a.note),
            false => format!(" ({}) — {}", a.workspace, a.note),
        };
        let _ = li.append_with_str_1(&rest);
        let _ = list.append_child(&li);
    }
    for child in [el("summary", "Demo accounts (sandbox)"), password, list] {
        let _ = details.append_child(&child);
    }
    let _ = card.append_child(&details);
}

/// The console's code did not arrive on a page without the form: said in the frame.
pub(in crate::first_load) fn cannot_load() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(s) = doc.get_element_by_id("boot-status") {
        let _ = s.set_attribute("class", "alert");
        s.set_text_content(Some(
            "The console could not be loaded. Check your connection, then reload the page.",
        ));
    }
}
