//! The sign-in's later steps, in a chunk of their own (`signin_more`): the first load
//! carries only the password step.

use super::sign_in::enrol::EnrolStep;
use super::sign_in::second_factor::SecondFactorStep;
use super::sign_in::FactorStep;
use super::token_paste::TokenPaste;
use crate::auth::flow::AskedFactors;
use crate::auth::Session;
use crate::chunks::chunk;
use leptos::prelude::*;

chunk!(signin_more: fn second_factor(step: FactorStep, factors: AskedFactors) =>
    view! { <SecondFactorStep step factors /> });
chunk!(signin_more: fn enrol(step: FactorStep) => view! { <EnrolStep step /> });
chunk!(signin_more: fn token_paste(on_signed_in: Callback<Session>, on_back: Callback<()>) =>
    view! { <TokenPaste on_signed_in on_back /> });
