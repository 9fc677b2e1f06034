//! How the console opens after the first load's sign-in (`crate::first_load`) hands over:
//! the console's code arrives only once someone has used the page's own form.

use super::Session;
use crate::api::login::PasswordOk;

/// What was typed into the first load's form, kept for the console's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Typed {
    pub workspace: String,
    pub email: String,
}

/// Where the console starts.
#[derive(Clone, Default)]
pub enum Start {
    /// As the address says: a console path (another tab may hand over its session),
    /// "Page not found", or the console's own sign-in.
    #[default]
    Plain,
    /// Signed in: the page the sign-in was asked for (`?next=`), else the home page.
    Session(Session),
    /// The password was right; the second factor's step comes next.
    Factor(Typed, PasswordOk),
    /// "Use an access token" was pressed.
    Token(Typed),
}
