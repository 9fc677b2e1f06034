//! The password step on index.html's own form (`#boot`): enabled once `config.json` is in,
//! checked like the console's (`pages::login::sign_in::check`), sent through
//! [`Anon`](crate::api::Anon), and handed to the console ([`super::open`]) when the password
//! is right, when "Use an access token" is pressed, or when another tab hands over its
//! session. The markup is index.html's; the console's `TextField` and `SubmitButton` write
//! the same, so nothing moves when the console takes over.

use crate::api::transport::fetch_transport;
use crate::api::{login, Anon};
use crate::auth::flow;
use crate::auth::start::{Start, Typed};
use crate::config::Config;
use crate::pages::login::sign_in::{check, Errors};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

mod around;

use around::show_demo;
pub(super) use around::{ask_siblings, cannot_load};

const CANNOT_LOAD: &str = "The console could not be loaded. Check your connection, then try again.";

/// The form's parts, by their ids in index.html.
pub(super) struct Form {
    doc: Document,
    form: Element,
    fields: [(HtmlInputElement, Element); 3],
    submit: HtmlElement,
    token: HtmlElement,
    pending: Cell<bool>,
    /// Handed over to the console: nothing here acts any more.
    gone: Cell<bool>,
    config: Rc<Config>,
}

fn by_id<T: JsCast>(doc: &Document, id: &str) -> Option<T> {
    doc.get_element_by_id(id)?.dyn_into().ok()
}

impl Form {
    fn find(config: Rc<Config>) -> Option<Form> {
        let doc = web_sys::window()?.document()?;
        let field = |id: &str| Some((by_id(&doc, id)?, by_id(&doc, &format!("{id}-err"))?));
        Some(Form {
            form: by_id(&doc, "boot-form")?,
            fields: [field("boot-w")?, field("boot-e")?, field("boot-p")?],
            submit: by_id(&doc, "boot-submit")?,
            token: by_id(&doc, "boot-token")?,
            pending: Cell::new(false),
            gone: Cell::new(false),
            config,
            doc,
        })
    }

    fn typed(&self) -> Typed {
        Typed {
            workspace: self.fields[0].0.value().trim().to_string(),
            email: self.fields[1].0.value().trim().to_string(),
        }
    }

    /// Each field's message (`None`: fine), as `TextField` shows it; the first wrong
    /// field gets the focus.
    fn show(&self, errors: &Errors) -> bool {
        let messages = [&errors.workspace, &errors.email, &errors.password];
        let mut first = true;
        for ((input, err), message) in self.fields.iter().zip(messages) {
            let bad = message.is_some();
            err.set_text_content(message.as_deref());
            let _ = input.set_attribute("aria-invalid", if bad { "true" } else { "false" });
            if bad {
                let _ = input.set_attribute("aria-describedby", &err.id());
            } else {
                let _ = input.remove_attribute("aria-describedby");
            }
            if let Some(div) = input.parent_element() {
                let _ = div.class_list().toggle_with_force("field--invalid", bad);
            }
            if bad && first {
                first = false;
                let _ = input.focus();
            }
        }
        first
    }

    /// The form's alert under its heading, as `SignIn` shows it (`None` removes it).
    fn alert(&self, message: Option<&str>) {
        if let Some(old) = self.doc.get_element_by_id("boot-alert") {
            old.remove();
        }
        let Some(m) = message else { return };
        let Ok(p) = self.doc.create_element("p") else {
            return;
        };
        p.set_id("boot-alert");
        p.set_class_name("alert");
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(m));
        if let Some(h) = self.form.query_selector("h1").ok().flatten() {
            let _ = h.after_with_node_1(&p);
        }
    }

    fn busy(&self, on: bool) {
        self.pending.set(on);
        self.submit
            .set_text_content(Some(if on { "Signing in…" } else { "Sign in" }));
        let _ = self
            .submit
            .set_attribute("aria-busy", if on { "true" } else { "false" });
        self.submit.toggle_attribute_with_force("disabled", on).ok();
    }

    /// Hands over to the console; should its code not arrive, the form says so and stays.
    fn hand_over(self: &Rc<Self>, start: Start) {
        self.gone.set(true);
        let me = self.clone();
        let config = Config::clone(&self.config);
        wasm_bindgen_futures::spawn_local(async move {
            if super::open(Ok(config), start).await.is_err() {
                me.gone.set(false);
                me.busy(false);
                me.alert(Some(CANNOT_LOAD));
            }
        });
    }

    async fn submit(self: Rc<Self>) {
        let password = self.fields[2].0.value();
        match super::send(Config::clone(&self.config), self.typed(), password).await {
            Ok(Ok(start)) => self.hand_over(start),
            Ok(Err(m)) => {
                self.busy(false);
                self.alert(Some(&m));
            }
            Err(_) => {
                self.busy(false);
                self.alert(Some(CANNOT_LOAD));
            }
        }
    }
}

/// The password step: where the console starts, or the sentence to show.
pub(super) async fn password_step(
    config: Config,
    typed: Typed,
    password: String,
) -> Result<Start, String> {
    let anon = Anon::new(config, fetch_transport());
    let (ws, em) = (&typed.workspace, &typed.email);
    match login::password(&anon, em, &password, ws).await {
        Err(e) => Err(flow::password_error(&e)),
        Ok(ok) if ok.invited => flow::invited(&anon, &ok, ws).await.map(Start::Session),
        Ok(ok) => Ok(Start::Factor(typed, ok)),
    }
}

/// Leaked on purpose: the form's listeners live as long as the page.
fn listen(target: &Element, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let f = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    f.forget();
}

/// Makes the page's form the sign-in.
pub fn run(config: Config) {
    let demo = config.demo.clone();
    let name = config.app_name.clone();
    let Some(form) = Form::find(Rc::new(config.clone())) else {
        // Not the page this build wrote: the console's own sign-in.
        wasm_bindgen_futures::spawn_local(super::open_plain(Ok(config)));
        return;
    };
    let form = Rc::new(form);
    let f = form.clone();
    listen(&form.form, "submit", move |ev| {
        ev.prevent_default();
        if f.pending.get() || f.gone.get() {
            return;
        }
        let [w, e, p] = &f.fields;
        if !f.show(&check(&w.0.value(), &e.0.value(), &p.0.value())) {
            return;
        }
        f.alert(None);
        f.busy(true);
        wasm_bindgen_futures::spawn_local(f.clone().submit());
    });
    let f = form.clone();
    listen(&form.token, "click", move |_| {
        if !f.pending.get() && !f.gone.get() {
            f.hand_over(Start::Token(f.typed()));
        }
    });
    // Ready: the workspace filled in, every control enabled.
    let doc = &form.doc;
    if let Some(brand) = doc.query_selector("#boot .brand").ok().flatten() {
        if brand.text_content().as_deref() != Some(name.as_str()) {
            brand.set_text_content(Some(&name));
        }
    }
    let workspace = &form.fields[0].0;
    if workspace.value().is_empty() {
        workspace.set_value(&config.tenant_domain);
    }
    for (input, _) in &form.fields {
        input.set_disabled(false);
    }
    for b in [&form.submit, &form.token] {
        let _ = b.remove_attribute("disabled");
    }
    if let Some(s) = doc.get_element_by_id("boot-status") {
        s.remove();
    }
    if let Some(main) = doc.get_element_by_id("boot") {
        let _ = main.remove_attribute("aria-busy");
    }
    if let Some(demo) = demo {
        show_demo(doc, &demo);
    }
    // The password step's code, fetched while the user types (asked again on sending if this
    // fails); it asks the other tabs for a session, too.
    let f = form.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = super::ask_siblings(f).await;
    });
}
