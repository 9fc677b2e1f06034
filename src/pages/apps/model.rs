//! The application form: read from the loaded object, checked against each
//! field's range, and turned into a request that is the complete loaded
//! object plus only the user's edits (the contract replaces object fields
//! whole, so nothing the user did not touch may be lost).

use super::fields::{field, method_path, toggle_key, Field, Kind, FIELDS};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The form's values by field key, as typed (booleans "true"/"false", lists
/// joined with ", " or newlines).
pub type Form = BTreeMap<&'static str, String>;

fn get<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

/// Sets `path` in `v`, creating objects on the way (a null becomes one).
fn set(v: &mut Value, path: &str, new: Value) {
    let mut cur = v;
    let keys: Vec<&str> = path.split('.').collect();
    for k in &keys[..keys.len() - 1] {
        if !cur.is_object() {
            *cur = Value::Object(Map::new());
        }
        cur = cur
            .as_object_mut()
            .expect("object")
            .entry(k.to_string())
            .or_insert(Value::Null);
    }
    if !cur.is_object() {
        *cur = Value::Object(Map::new());
    }
    cur.as_object_mut()
        .expect("object")
        .insert(keys[keys.len() - 1].to_string(), new);
}

fn remove(v: &mut Value, path: &str) {
    let (parent, last) = path.rsplit_once('.').unwrap_or(("", path));
    let target = if parent.is_empty() {
        Some(v)
    } else {
        parent.split('.').try_fold(v, |v, k| v.get_mut(k))
    };
    if let Some(Value::Object(m)) = target {
        m.remove(last);
    }
}

fn as_text(f: &Field, v: Option<&Value>) -> String {
    match (f.kind, v) {
        (Kind::Toggle, v) => v.is_some_and(Value::is_object).to_string(),
        (Kind::Bool, v) => v.and_then(Value::as_bool).unwrap_or(false).to_string(),
        (_, None | Some(Value::Null)) => String::new(),
        (Kind::Origins, Some(Value::Array(a))) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        (_, Some(Value::Array(a))) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        (_, Some(Value::String(s))) => s.clone(),
        (_, Some(other)) => other.to_string(),
    }
}

/// The form for a loaded application.
pub fn read(app: &Value) -> Form {
    FIELDS
        .iter()
        .map(|f| (f.key, as_text(f, get(app, f.read))))
        .collect()
}

fn split(s: &str) -> Vec<String> {
    s.split([',', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

/// The JSON value a typed field stands for.
fn to_json(f: &Field, s: &str) -> Value {
    let t = s.trim();
    match f.kind {
        Kind::Bool | Kind::Toggle => json!(t == "true"),
        Kind::Int { .. } | Kind::IntChoice(_) => {
            t.parse::<i64>().map(Value::from).unwrap_or(Value::Null)
        }
        Kind::Multi(_) | Kind::Origins => json!(split(t)),
        Kind::Url | Kind::Domain | Kind::Subdomain if t.is_empty() => Value::Null,
        _ => json!(t),
    }
}

/// True when auth method `group` is on in `form`.
pub fn is_on(form: &Form, group: &str) -> bool {
    form.get(toggle_key(group).as_str())
        .is_some_and(|v| v == "true")
}

/// The request: `base` (the complete loaded object) with every field that
/// differs between `before` and `now` written at its request path. An auth
/// method switched off is removed; switched on, it starts from `defaults`.
pub fn body(base: &Value, before: &Form, now: &Form, defaults: &Value) -> Value {
    let mut out = base.clone();
    let changed = |k: &str| before.get(k) != now.get(k);
    // First the toggles, so a method's fields land in its fresh object.
    for f in FIELDS
        .iter()
        .filter(|f| f.kind == Kind::Toggle && changed(f.key))
    {
        let group = f.key.trim_end_matches(".on");
        if is_on(now, group) {
            let d = get(defaults, &method_path(group))
                .cloned()
                .unwrap_or(json!({}));
            set(&mut out, f.write, d);
        } else {
            remove(&mut out, f.write);
        }
    }
    for f in FIELDS.iter().filter(|f| f.kind != Kind::Toggle) {
        if f.group.is_some_and(|g| !is_on(now, g)) || !changed(f.key) {
            continue;
        }
        let v = to_json(f, now.get(f.key).map(String::as_str).unwrap_or(""));
        if f.key == "custom_domain" {
            // The request names the domain; its status is the server's.
            out["custom_domain"] = v;
            continue;
        }
        set(&mut out, f.write, v.clone());
        if f.read != f.write && !f.write.starts_with(f.read) && !f.read.starts_with(f.write) {
            // Keep the object's own view consistent too.
            set(&mut out, f.read, v);
        }
    }
    if !changed("custom_domain") {
        // Sending it back would restart the domain's verification.
        if let Some(o) = out.as_object_mut() {
            o.remove("custom_domain");
        }
    }
    out
}

/// An optional value: a message when it is given and `ok` refuses it.
fn bad_if(t: &str, ok: fn(&str) -> bool, msg: &str) -> Option<String> {
    (!t.is_empty() && !ok(t)).then(|| msg.to_string())
}

fn is_https_url(t: &str) -> bool {
    t.starts_with("https://") && t.len() > 8 && !t.contains(' ')
}

fn is_domain(t: &str) -> bool {
    t.contains('.')
        && t.len() <= 253
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

fn is_label(t: &str) -> bool {
    t.len() <= 63
        && !t.starts_with('-')
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Switches auth method `group` on or off; switched on, its empty fields
/// take the defaults, so the user starts from working settings.
pub fn set_method(form: &mut Form, group: &str, on: bool) {
    if let Some(f) = field(&toggle_key(group)) {
        form.insert(f.key, on.to_string());
    }
    if on {
        let defaults = read(&all_method_defaults());
        for f in FIELDS.iter().filter(|f| f.group == Some(group)) {
            if form.get(f.key).is_none_or(|v| v.trim().is_empty()) {
                form.insert(f.key, defaults.get(f.key).cloned().unwrap_or_default());
            }
        }
    }
}

fn check(f: &Field, s: &str) -> Option<String> {
    let t = s.trim();
    match f.kind {
        Kind::Text { max, required } => {
            if required && t.is_empty() {
                Some(format!("Enter the {}.", f.label.to_lowercase()))
            } else if t.chars().count() > max {
                Some(format!("Use at most {max} characters."))
            } else {
                None
            }
        }
        Kind::Secret => t.is_empty().then(|| "Enter the secret.".to_string()),
        Kind::Url => bad_if(t, is_https_url, "Use an https:// address."),
        Kind::Int { min, max } => match t.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => None,
            _ => Some(format!("Enter a whole number from {min} to {max}.")),
        },
        Kind::IntChoice(opts) => (!t.parse::<i64>().is_ok_and(|n| opts.contains(&n)))
            .then(|| "Pick one of the options.".to_string()),
        Kind::Multi(_) => split(t)
            .is_empty()
            .then(|| "Pick at least one.".to_string()),
        Kind::Origins => {
            let list = split(t);
            let ok = |o: &String| {
                (o.starts_with("https://")
                    || o.starts_with("http://localhost")
                    || o.starts_with("http://127.0.0.1"))
                    && !o.trim_end_matches('/').contains(['?', '#', ' '])
            };
            if list.is_empty() {
                Some("Enter at least one origin.".into())
            } else {
                list.iter()
                    .find(|o| !ok(o))
                    .map(|o| format!("{o} is not an https origin (http is allowed on localhost)."))
            }
        }
        Kind::Domain => bad_if(t, is_domain, "Enter a domain name like login.example.com."),
        Kind::Subdomain => bad_if(
            t,
            is_label,
            "Use up to 63 lower-case letters, digits and dashes.",
        ),
        Kind::Bool | Kind::Toggle | Kind::Choice(_) => None,
    }
}

/// Messages by field key, for the fields that are shown (an auth method's
/// fields only while it is on).
pub fn validate(form: &Form) -> BTreeMap<&'static str, String> {
    FIELDS
        .iter()
        .filter(|f| f.group.is_none_or(|g| is_on(form, g)))
        .filter_map(|f| {
            check(f, form.get(f.key).map(String::as_str).unwrap_or("")).map(|m| (f.key, m))
        })
        .collect()
}

/// The platform's defaults for a new application (the blank the wizard
/// starts from), with password and TOTP sign-in on.
pub fn template() -> Value {
    json!({
        "app_name": "", "app_description": "", "logo": null,
        "authentication_protocol": "oidc", "client_type": "web", "response_types": ["code"],
        "client_auth_method": "client_secret_basic", "pkce": "enforcePkceInsteadOfClientCredentials",
        "supported_prompts": ["login", "consent", "none"], "device_authorization": {"enabled": false},
        "login_preferences": {"auth_methods": {
            "password": method_defaults("password"),
            "totp": method_defaults("totp"),
        }},
        "subdomain": null, "custom_domain": null, "invite_member_email_expiration_minutes": 2880,
    })
}

/// A freshly switched-on auth method's settings.
pub fn method_defaults(group: &str) -> Value {
    match group {
        "email" => json!({"expiresIn": 900}),
        "email_otp" | "sms" => {
            json!({"expiresIn": 600, "maxFailures": 3, "lockoutDuration": 15, "codeLength": 6})
        }
        "webauthn_api" => json!({"rpId": "", "rpOrigins": []}),
        "password" => {
            json!({"passwordMinLength": 12, "passwordComplexity": 3, "passwordExpiresIn": 0,
            "maxPasswordFailures": 5, "passwordSuspensionDuration": 15, "requireMFA": false})
        }
        "totp" => {
            json!({"algorithm": "sha1", "digits": 6, "period": 30, "window": 1, "issuer": "AuthSec",
            "maxFailures": 3, "lockoutDuration": 15})
        }
        _ => json!({"clientId": "", "clientSecret": ""}),
    }
}

/// Defaults for every method, shaped like an application (for [`body`]).
pub fn all_method_defaults() -> Value {
    let mut v = json!({});
    for (g, _) in super::fields::METHODS {
        set(&mut v, &method_path(g), method_defaults(g));
    }
    v
}

/// The create request: the template with every form value written (so the
/// first client is spelled out in full), plus `first_client.name`.
pub fn create_body(form: &Form) -> Value {
    let base = template();
    let empty: Form = FIELDS
        .iter()
        .map(|f| (f.key, "\u{0}".to_string()))
        .collect();
    let mut b = body(&base, &empty, form, &all_method_defaults());
    let name = form.get("app_name").cloned().unwrap_or_default();
    set(&mut b, "first_client.name", json!(name.trim()));
    b
}

/// The text of field `key` (for tests and the review step).
pub fn value<'a>(form: &'a Form, key: &str) -> &'a str {
    let _ = field(key);
    form.get(key).map(String::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests;
