//! The JSON body extractor: a handler names the request type and the service's error
//! shape once, in its signature, instead of opening with `parse_body`.

use std::collections::HashMap;
use std::marker::PhantomData;

use axum::body::Bytes;
use axum::extract::{FromRequest, Query, Request};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::auth::{GinShape, ShapeOf};
use crate::error::parse_body;

/// A query string as a map: each name once, the last value wins (gin's `c.Query`).
pub type Params = Query<HashMap<String, String>>;

/// A request body parsed with [`parse_body`] in `S`'s shape (an empty body counts as `{}`).
/// It reads the body, so it comes last; the extractors before it refuse first, as when
/// handlers parsed the bytes themselves.
pub struct Body<T, S: ShapeOf = GinShape>(pub T, pub PhantomData<S>);

impl<T, S, St> FromRequest<St> for Body<T, S>
where
    T: DeserializeOwned,
    S: ShapeOf,
    St: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &St) -> Result<Self, Response> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match parse_body(&bytes, S::SHAPE) {
            Ok(value) => Ok(Body(value, PhantomData)),
            Err(e) => Err(e.into_response()),
        }
    }
}
