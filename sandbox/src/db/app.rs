//! Management applications (seed 004). Object fields are replaced whole on update.

use serde::Serialize;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::util::Time;

pub const APP_CLIENT_TYPES: [&str; 4] = ["web", "spa", "native", "m2m"];

#[derive(Debug, Clone, Serialize)]
pub struct App {
    pub app_id: String,
    pub tenant_id: Uuid,
    pub app_name: String,
    pub app_description: String,
    pub client_type: String,
    pub logo: Option<String>,
    pub client_id: String,
    pub client_display_name: String,
    pub client_description: String,
    pub redirect_uris: Vec<String>,
    pub login_preferences: Value,
    pub created_at: Time,
    pub created_by: String,
    pub updated_at: Time,
    pub resources: Vec<String>,
    pub service_providers: Vec<String>,
    pub authenticator_preferences: Value,
    pub allow_public_signup: bool,
    pub client_auth_method: String,
    pub pkce: String,
    pub device_authorization: Value,
    pub authentication_protocol: String,
    pub response_types: Vec<String>,
    pub supported_prompts: Vec<String>,
    pub password_sharing_group_id: Option<String>,
    pub subdomain: Option<String>,
    pub invite_member_email_expiration_minutes: u64,
    pub custom_domain: Value,
    pub external_communication: Value,
    #[serde(skip)]
    pub secret_hash: String,
}

fn strings(v: &Value, field: &str) -> Result<Vec<String>, String> {
    let arr = v
        .as_array()
        .ok_or(format!("{field} must be an array of strings"))?;
    arr.iter()
        .map(|x| x.as_str().map(str::to_string))
        .collect::<Option<Vec<_>>>()
        .ok_or(format!("{field} must be an array of strings"))
}

fn text(v: &Value, field: &str) -> Result<String, String> {
    v.as_str()
        .map(str::to_string)
        .ok_or(format!("{field} must be a string"))
}

fn object(v: &Value, field: &str) -> Result<Value, String> {
    if v.is_object() {
        Ok(v.clone())
    } else {
        Err(format!("{field} must be an object"))
    }
}

impl App {
    /// Applies create/update fields from a request body; every object field replaces
    /// the stored value whole. Returns a message for the first invalid field.
    pub fn apply(&mut self, body: &Map<String, Value>, now: Time) -> Result<(), String> {
        for (key, v) in body {
            match key.as_str() {
                "app_name" => {
                    let name = text(v, key)?;
                    if name.trim().is_empty() || name.chars().count() > 256 {
                        return Err("app_name must be 1-256 characters".into());
                    }
                    self.app_name = name;
                }
                "app_description" => self.app_description = text(v, key)?,
                "logo" => self.logo = v.as_str().map(str::to_string),
                "client_display_name" => self.client_display_name = text(v, key)?,
                "client_description" => self.client_description = text(v, key)?,
                "redirect_uris" => self.redirect_uris = strings(v, key)?,
                "resources" => self.resources = strings(v, key)?,
                "service_providers" => self.service_providers = strings(v, key)?,
                "login_preferences" => self.login_preferences = object(v, key)?,
                "authenticator_preferences" => self.authenticator_preferences = object(v, key)?,
                "device_authorization" => self.device_authorization = object(v, key)?,
                "external_communication" => self.external_communication = object(v, key)?,
                "allow_public_signup" => {
                    self.allow_public_signup =
                        v.as_bool().ok_or("allow_public_signup must be a boolean")?
                }
                "client_auth_method" => self.client_auth_method = text(v, key)?,
                "pkce" => self.pkce = text(v, key)?,
                "first_client_authentication_protocol" => {
                    let p = text(v, key)?;
                    if p != "oidc" && p != "saml" {
                        return Err(
                            "first_client_authentication_protocol must be oidc or saml".into()
                        );
                    }
                    self.authentication_protocol = p;
                }
                "first_client" => self.apply_first_client(&object(v, key)?)?,
                "subdomain" => self.subdomain = subdomain(v)?,
                "invite_member_email_expiration_minutes" => {
                    self.invite_member_email_expiration_minutes = v.as_u64().ok_or(
                        "invite_member_email_expiration_minutes must be a non-negative integer",
                    )?
                }
                "custom_domain" => self.custom_domain = custom_domain(v, now)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// `first_client`'s fields, each in turn in a fixed order; the first invalid one is
    /// named as `first_client.<field>`.
    fn apply_first_client(&mut self, fc: &Value) -> Result<(), String> {
        for k in FIRST_CLIENT_FIELDS {
            let Some(v) = fc.get(k) else { continue };
            let key = &format!("first_client.{k}");
            match k {
                "client_type" => {
                    let t = text(v, key)?;
                    if !APP_CLIENT_TYPES.contains(&t.as_str()) {
                        return Err(
                            "first_client.client_type must be web, spa, native or m2m".into()
                        );
                    }
                    self.client_type = t;
                }
                "name" => self.client_display_name = text(v, key)?,
                "description" => self.client_description = text(v, key)?,
                "resources" => self.resources = strings(v, key)?,
                "response_types" => self.response_types = strings(v, key)?,
                "supported_prompts" => self.supported_prompts = strings(v, key)?,
                "token_endpoint_auth_method" => self.client_auth_method = text(v, key)?,
                "pkce" => self.pkce = text(v, key)?,
                "device_authorization" => self.device_authorization = object(v, key)?,
                "authentication_protocol" => self.authentication_protocol = text(v, key)?,
                _ => {}
            }
        }
        Ok(())
    }
}

/// What `first_client` may carry, in the order it is checked.
const FIRST_CLIENT_FIELDS: [&str; 10] = [
    "client_type",
    "name",
    "description",
    "resources",
    "response_types",
    "supported_prompts",
    "token_endpoint_auth_method",
    "pkce",
    "device_authorization",
    "authentication_protocol",
];

fn subdomain(v: &Value) -> Result<Option<String>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.is_empty() => Ok(None),
        Value::String(s)
            if s.len() <= 63
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') =>
        {
            Ok(Some(s.clone()))
        }
        _ => Err("subdomain must be 1-63 lower-case letters, digits or dashes".into()),
    }
}

fn custom_domain(v: &Value, now: Time) -> Result<Value, String> {
    let domain = match v {
        Value::Null => return Ok(Value::Null),
        Value::String(s) if s.trim().is_empty() => return Ok(Value::Null),
        Value::String(s) => s.trim().to_lowercase(),
        Value::Object(o) => match o.get("domain").and_then(Value::as_str) {
            Some(d) => d.trim().to_lowercase(),
            None => return Err("custom_domain.domain must be a string".into()),
        },
        _ => return Err("custom_domain must be a domain name".into()),
    };
    if !domain.contains('.') || domain.contains('/') || domain.contains(' ') {
        return Err("custom_domain must be a domain name like myapp.com".into());
    }
    Ok(json!({ "domain": domain, "status": "pending", "updated_at": now }))
}
