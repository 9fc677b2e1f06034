//! Management applications (§6, extension). Applications stay JSON values:
//! the edit form must send back everything it loaded, known fields or not.

use super::error::ApiError;
use super::extensions::Extension;
use super::http::Api;
use super::retry::Method;
use super::unsure::{Made, Once};
use super::url::{segment, Query};
use crate::config::Service;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Many {
    #[serde(default)]
    result: Vec<Value>,
}

#[derive(Deserialize)]
struct One {
    result: Value,
}

pub async fn list(api: &Api) -> Result<Vec<Value>, ApiError> {
    let r = api.get(Service::Apps, "/", &Query::new()).await;
    let m: Many = api.noted(Extension::Apps, r)?;
    Ok(m.result)
}

/// One application, found in the list (the contract has no single GET).
pub async fn get(api: &Api, app_id: &str) -> Result<Value, ApiError> {
    list(api)
        .await?
        .into_iter()
        .find(|a| a.get("app_id").and_then(Value::as_str) == Some(app_id))
        .ok_or_else(|| ApiError::new(super::error::ErrorKind::Http, 404, "Application not found"))
}

/// Creates; the answer holds `client_secret` this once (`Made::Found` when it was lost).
pub async fn create(api: &Api, body: &Value, once: &Once) -> Result<Made<Value>, ApiError> {
    let named = |n: String| async move {
        let all = list(api).await?;
        let ids = all.iter().filter(|a| text(a, "app_name") == n);
        Ok(ids.map(|a| text(a, "app_id").to_string()).collect())
    };
    let send = || async {
        let o: One = api
            .send(Method::Post, Service::Apps, "/", Some(body))
            .await?;
        Ok(o.result)
    };
    once.create(text(body, "app_name"), named, send).await
}

pub async fn update(api: &Api, app_id: &str, body: &Value) -> Result<Value, ApiError> {
    let path = format!("/{}", segment(app_id));
    let o: One = api
        .send(Method::Put, Service::Apps, &path, Some(body))
        .await?;
    Ok(o.result)
}

pub async fn delete(api: &Api, app_id: &str) -> Result<(), ApiError> {
    let path = format!("/{}", segment(app_id));
    api.send_ok::<()>(Method::Delete, Service::Apps, &path, None)
        .await
}

/// A string field of an application ("" when absent).
pub fn text<'a>(app: &'a Value, key: &str) -> &'a str {
    app.get(key).and_then(Value::as_str).unwrap_or("")
}
