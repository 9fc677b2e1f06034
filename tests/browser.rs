//! Browser layer: components mounted in headless Chromium and driven
//! through the DOM, with a scripted transport in place of the network.
#![cfg(target_arch = "wasm32")]

mod browser {
    pub mod access;
    pub mod answer;
    pub mod apps;
    pub mod clients;
    pub mod confirm;
    pub mod memory;
    pub mod mfa;
    pub mod overview;
    pub mod palette;
    pub mod reauth;
    pub mod shell;
    pub mod sign_in;
    pub mod support;
    pub mod users;
}

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
