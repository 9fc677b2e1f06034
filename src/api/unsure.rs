//! Creates whose answer may be lost. A 5xx, a timeout or a broken connection leaves it
//! open whether the server made the record, and sending again could make it twice.
//! `Once` finds out instead: before the first try it notes which records already
//! carry the new one's key (a name, an email), and after a try whose answer was lost
//! (and before any later try) it looks again. A record that was not there before is
//! the one the lost answer was about: the create is done, and nothing is sent again.
//!
//! ```ignore
//! let once = Once::default(); // one per form, kept across its tries
//! match once.create(&name, |n| async move { ids_named(&api, &n).await }, || send(&api, &body)).await {
//!     Ok(Made::Answered(created)) => …, // the usual answer
//!     Ok(Made::Found(id)) => …,         // made by a try whose answer was lost
//!     Err(e) => create.refuse(e.sentence("The client was not created")),
//! }
//! ```

use super::error::{ApiError, ErrorKind};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::future::Future;
use std::rc::Rc;

/// How a create ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Made<T> {
    /// The server's answer.
    Answered(T),
    /// The id of the record a try made whose answer was lost.
    Found(String),
}

/// Whether `e` leaves it open that the server did the write: no answer, an answer
/// that could not be read, or a server error (501 aside: the route is not there).
pub fn unsure(e: &ApiError) -> bool {
    match e.kind {
        ErrorKind::Timeout | ErrorKind::Network | ErrorKind::Decode => true,
        ErrorKind::Http => e.status >= 500 && e.status != 501,
        ErrorKind::Aborted | ErrorKind::Unsettled => false,
    }
}

#[derive(Clone, Debug)]
struct Tried {
    key: String,
    before: BTreeSet<String>,
    lost: bool,
}

impl Tried {
    fn new_in(&self, now: &[String]) -> Option<String> {
        now.iter().find(|id| !self.before.contains(*id)).cloned()
    }
}

/// One form's tries at one create (clones share them).
#[derive(Clone, Debug, Default)]
pub struct Once {
    tried: Rc<RefCell<Option<Tried>>>,
    /// The server refuses a second record with the same key, so none exists before.
    unique: bool,
}

impl Once {
    /// For keys the server keeps unique (it answers 409 before it writes): no look
    /// before the first try.
    pub fn unique() -> Self {
        Once {
            unique: true,
            ..Once::default()
        }
    }

    /// Sends the create unless an earlier try of this form turns out to have made it.
    /// `ids` lists the records that carry a key; `send` is the create itself.
    pub async fn create<T, L, LF, S, SF>(
        &self,
        key: &str,
        ids: L,
        send: S,
    ) -> Result<Made<T>, ApiError>
    where
        L: Fn(String) -> LF,
        LF: Future<Output = Result<Vec<String>, ApiError>>,
        S: FnOnce() -> SF,
        SF: Future<Output = Result<T, ApiError>>,
    {
        let earlier = self.tried.borrow().clone();
        if let Some(t) = earlier.filter(|t| t.lost) {
            let now = ids(t.key.clone()).await.map_err(|e| unsettled(&e))?;
            if let Some(id) = t.new_in(&now) {
                self.tried.replace(None);
                return Ok(Made::Found(id));
            }
            self.tried.replace(Some(Tried { lost: false, ..t }));
        }
        let known = self.tried.borrow().clone().filter(|t| t.key == key);
        let tried = match known {
            Some(t) => t,
            None => Tried {
                key: key.to_string(),
                before: match self.unique {
                    true => BTreeSet::new(),
                    false => ids(key.to_string()).await?.into_iter().collect(),
                },
                lost: false,
            },
        };
        self.tried.replace(Some(tried.clone()));
        match send().await {
            Ok(t) => {
                self.tried.replace(None);
                Ok(Made::Answered(t))
            }
            Err(e) if !unsure(&e) => Err(e),
            Err(e) => match ids(key.to_string()).await {
                Ok(now) => match tried.new_in(&now) {
                    Some(id) => {
                        self.tried.replace(None);
                        Ok(Made::Found(id))
                    }
                    None => Err(e),
                },
                Err(_) => {
                    self.tried.replace(Some(Tried {
                        lost: true,
                        ..tried
                    }));
                    Err(unsettled(&e))
                }
            },
        }
    }
}

fn unsettled(e: &ApiError) -> ApiError {
    ApiError::new(
        ErrorKind::Unsettled,
        e.status,
        format!(
            "AuthSec's answer was lost ({}), and whether it was done could not be checked. \
             Try again: the console checks first and does not do it twice.",
            e.message.trim_end_matches('.')
        ),
    )
}

#[cfg(test)]
mod tests;
