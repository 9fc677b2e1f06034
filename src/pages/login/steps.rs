//! The sign-in's later steps, in a chunk of their own (`signin_more`): the first load
//! carries only the password step.

use super::sign_in::enrol::EnrolStep;
use super::sign_in::second_factor::SecondFactorStep;
use super::token_paste::TokenPaste;
use crate::api::login::PasswordOk;
use crate::auth::flow::{AskedFactors, StepError};
use crate::auth::Session;
use crate::chunks::chunk;
use leptos::prelude::*;

chunk!(signin_more: fn second_factor(
    ok: PasswordOk,
    factors: AskedFactors,
    tenant: String,
    on_signed_in: Callback<Session>,
    on_error: Callback<StepError>,
    on_back: Callback<()>
) => view! { <SecondFactorStep ok factors tenant on_signed_in on_error on_back /> });
chunk!(signin_more: fn enrol(
    ok: PasswordOk,
    tenant: String,
    on_signed_in: Callback<Session>,
    on_error: Callback<StepError>,
    on_back: Callback<()>
) => view! { <EnrolStep ok tenant on_signed_in on_error on_back /> });
chunk!(signin_more: fn token_paste(on_signed_in: Callback<Session>, on_back: Callback<()>) =>
    view! { <TokenPaste on_signed_in on_back /> });
