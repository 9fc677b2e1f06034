use super::*;
use std::cell::Cell;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Runs a future whose awaits are all ready (the fakes below never wait).
fn run<F: Future>(f: F) -> F::Output {
    match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the fakes never wait"),
    }
}

fn lost() -> ApiError {
    ApiError::new(ErrorKind::Http, 503, "Service temporarily unavailable")
}

/// A server's records by key; `sends` counts the creates that reached it.
#[derive(Default)]
struct Server {
    records: RefCell<Vec<(String, String)>>,
    sends: Cell<u32>,
    lookups_fail: Cell<bool>,
}

impl Server {
    async fn ids(&self, key: String) -> Result<Vec<String>, ApiError> {
        if self.lookups_fail.get() {
            return Err(lost());
        }
        let r = self.records.borrow();
        Ok(r.iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, id)| id.clone())
            .collect())
    }
    /// A create that writes, then answers `answer` (the id on success).
    fn send(
        &self,
        key: &str,
        answer: Result<(), ApiError>,
    ) -> impl Future<Output = Result<String, ApiError>> + '_ {
        let key = key.to_string();
        async move {
            self.sends.set(self.sends.get() + 1);
            let id = format!("id{}", self.sends.get());
            if answer.as_ref().map_or_else(unsure, |_| true) {
                self.records.borrow_mut().push((key, id.clone()));
            }
            answer.map(|_| id)
        }
    }
}

#[test]
fn a_lost_answer_of_a_create_that_was_made_is_found_and_not_sent_again() {
    let s = Server::default();
    s.records.borrow_mut().push(("ci".into(), "older".into()));
    let once = Once::default();
    let made = run(once.create("ci", |k| s.ids(k), || s.send("ci", Err(lost()))));
    assert_eq!(
        made,
        Ok(Made::Found("id1".into())),
        "the older record of that name is not taken for it"
    );
    assert_eq!(s.sends.get(), 1);
}

#[test]
fn a_lost_answer_that_cannot_be_checked_is_checked_before_the_next_try() {
    let s = Server::default();
    let once = Once::default();
    s.lookups_fail.set(false);
    let first = run(async {
        let r = once.create(
            "ci",
            |k| s.ids(k),
            || async {
                s.lookups_fail.set(true); // the server goes away with the answer
                s.send("ci", Err(lost())).await
            },
        );
        r.await
    });
    let e = first.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsettled);
    assert_eq!(
        e.sentence("The key was not created"),
        e.message,
        "it does not claim nothing was made"
    );
    s.lookups_fail.set(false);
    let again = run(once.create("ci", |k| s.ids(k), || s.send("ci", Ok(()))));
    assert_eq!(again, Ok(Made::Found("id1".into())));
    assert_eq!(s.sends.get(), 1, "the try was not sent twice");
}

#[test]
fn a_refusal_or_a_lost_answer_of_nothing_lets_the_next_try_send() {
    let s = Server::default();
    let once = Once::default();
    let refused = ApiError::new(ErrorKind::Http, 429, "Too many requests");
    let e = run(once.create("ci", |k| s.ids(k), || s.send("ci", Err(refused.clone()))));
    assert_eq!(
        e.unwrap_err().sentence("The key was not created"),
        "The key was not created. Too many requests"
    );
    let ok = run(once.create("ci", |k| s.ids(k), || s.send("ci", Ok(()))));
    assert_eq!(ok, Ok(Made::Answered("id2".into())));
    // The same name again is a new record, not the one just made.
    let second = run(once.create("ci", |k| s.ids(k), || s.send("ci", Err(lost()))));
    assert_eq!(second, Ok(Made::Found("id3".into())));
}

#[test]
fn a_failed_look_before_the_first_try_sends_nothing() {
    let s = Server::default();
    s.lookups_fail.set(true);
    let e = run(Once::default().create("ci", |k| s.ids(k), || s.send("ci", Ok(()))));
    assert_eq!(e.unwrap_err().kind, ErrorKind::Http);
    assert_eq!(s.sends.get(), 0);
    // Unique keys need no look before.
    let ok = run(Once::unique().create("ci", |k| s.ids(k), || s.send("ci", Ok(()))));
    assert_eq!(ok, Ok(Made::Answered("id1".into())));
}
