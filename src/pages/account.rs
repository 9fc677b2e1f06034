//! `/account/security`: the signed-in user's own factors.

mod add_passkey;

use add_passkey::AddPasskey;
use leptos::prelude::*;

#[component]
pub fn SecurityPage() -> impl IntoView {
    view! {
        <h1>"Security"</h1>
        <section class="card stack" aria-labelledby="passkeys-h">
            <h2 id="passkeys-h">"Passkeys"</h2>
            <p class="muted">"A passkey signs you in with your device's screen lock or a security key, and cannot be phished."</p>
            <AddPasskey />
        </section>
    }
}
