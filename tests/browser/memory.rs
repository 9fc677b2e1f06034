//! Route changes keep no memory: after a warm-up round through every area, more rounds
//! leave the wasm heap's live bytes where they were. The heap is counted by this test
//! binary's allocator (every allocation of the console's code and Leptos's goes through it).

use super::support::*;
use authsec_console::SignedInRoutes;
use leptos::prelude::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// The system allocator, counting the bytes held.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as isize, Relaxed);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as isize, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size() as isize, Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, size) };
        if !q.is_null() {
            LIVE.fetch_add(size as isize - layout.size() as isize, Relaxed);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

type Navigate = Box<dyn Fn(&str, leptos_router::NavigateOptions)>;

thread_local! {
    /// The mounted router's own navigation: what a click on a link ends in. (A click
    /// itself could be taken by a router an earlier test left behind.)
    static NAVIGATE: std::cell::RefCell<Option<Navigate>> = const { std::cell::RefCell::new(None) };
}

/// Opens each page of the main navigation in turn, each shown to its end (every
/// request answered, here with a failure: the pages show their error states).
async fn round(root: &web_sys::Element) {
    let hrefs: Vec<String> = (0..links(root).len())
        .map(|i| {
            let nav = root.query_selector_all("nav a").unwrap();
            let link: web_sys::Element = nav.item(i as u32).unwrap().unchecked_into();
            link.get_attribute("href").unwrap_or_default()
        })
        .collect();
    for href in hrefs {
        NAVIGATE.with_borrow(|n| n.as_ref().unwrap()(&href, Default::default()));
        let shown = || {
            current_url().split('?').next() == Some(href.as_str())
                && root.query_selector("main h1").unwrap().is_some()
                && root
                    .query_selector(".skeleton-table, .skeleton-row, .chunk-loading")
                    .unwrap()
                    .is_none()
        };
        until(&format!("{href} shown"), shown).await;
        settle().await;
    }
}

#[wasm_bindgen_test]
async fn route_changes_keep_no_memory() {
    let script = Script::default();
    let (root, _h) = mount_admin(&script, || {
        NAVIGATE.set(Some(Box::new(leptos_router::hooks::use_navigate())));
        view! { <SignedInRoutes /> }.into_any()
    });
    until("the navigation", || links(&root).len() == 12).await;
    for _ in 0..3 {
        round(&root).await;
    }
    *script.log.borrow_mut() = Vec::new();
    let before = LIVE.load(Relaxed);
    const ROUNDS: isize = 60;
    for _ in 0..ROUNDS {
        round(&root).await;
    }
    *script.log.borrow_mut() = Vec::new();
    let grown = LIVE.load(Relaxed) - before;
    let changes = ROUNDS * 12;
    // Leptos frees some things in batches (dead entries are dropped when a list of them
    // would grow), so the live bytes swing by some kilobytes; a leak grows with the
    // changes. Before the fixes in vendor/ each change kept about 500 B.
    web_sys::console::log_1(&format!("{changes} route changes kept {grown} B").into());
    assert!(
        grown < changes * 32,
        "{changes} route changes kept {grown} B ({} B a change)",
        grown / changes
    );
}
