//! The browser side of the WebAuthn ceremonies: JSON options from the server
//! become `navigator.credentials` calls, and the credential goes back as JSON
//! with every binary field in base64url (the `base64` crate, no padding).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use js_sys::{Array, Function, Reflect, Uint8Array, JSON};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What went wrong, in terms a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasskeyError {
    /// Cancelled by the user, or timed out (`NotAllowedError`).
    Cancelled,
    /// This authenticator already holds a passkey for the account.
    AlreadyRegistered,
    /// The browser has no WebAuthn.
    Unsupported,
    Other(String),
}

impl PasskeyError {
    pub fn message(&self) -> String {
        match self {
            PasskeyError::Cancelled => {
                "The passkey request was cancelled or timed out. Nothing was changed; you can try again.".into()
            }
            PasskeyError::AlreadyRegistered => "This device already holds a passkey for your account.".into(),
            PasskeyError::Unsupported => "This browser does not support passkeys.".into(),
            PasskeyError::Other(m) => m.clone(),
        }
    }

    /// Maps a DOMException name to an error.
    pub fn from_dom_name(name: &str, message: &str) -> Self {
        match name {
            "NotAllowedError" | "AbortError" => PasskeyError::Cancelled,
            "InvalidStateError" => PasskeyError::AlreadyRegistered,
            "NotSupportedError" => PasskeyError::Unsupported,
            "SecurityError" => PasskeyError::Other(
                "This address cannot be used with passkeys (the site's domain does not match)."
                    .into(),
            ),
            _ if message.is_empty() => PasskeyError::Other("The passkey request failed.".into()),
            _ => PasskeyError::Other(format!("The passkey request failed: {message}")),
        }
    }
}

/// A friendly default name for a new passkey, such as "Chrome on Linux".
pub fn device_label(user_agent: &str) -> String {
    let ua = user_agent;
    let browser = if ua.contains("Edg/") {
        "Edge"
    } else if ua.contains("Firefox/") {
        "Firefox"
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("HeadlessChrome/") {
        "Chrome"
    } else if ua.contains("Safari/") {
        "Safari"
    } else {
        "Browser"
    };
    let os = if ua.contains("Android") {
        "Android"
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        "iOS"
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        "macOS"
    } else if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("CrOS") {
        "ChromeOS"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        "this device"
    };
    format!("{browser} on {os}")
}

/// Decodes base64url, tolerating padding and the standard alphabet.
pub fn decode_b64url(s: &str) -> Result<Vec<u8>, PasskeyError> {
    let cleaned: String = s
        .trim_end_matches('=')
        .chars()
        .map(|c| match c {
            '+' => '-',
            '/' => '_',
            c => c,
        })
        .collect();
    URL_SAFE_NO_PAD
        .decode(cleaned)
        .map_err(|_| PasskeyError::Other("The server sent a malformed passkey challenge.".into()))
}

pub fn is_supported() -> bool {
    web_sys::window()
        .is_some_and(|w| Reflect::has(&w, &"PublicKeyCredential".into()).unwrap_or(false))
}

fn buffer(s: &str) -> Result<JsValue, PasskeyError> {
    Ok(Uint8Array::from(decode_b64url(s)?.as_slice())
        .buffer()
        .into())
}

fn set(obj: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &key.into(), value);
}

/// Turns the JSON options into a JS object with ArrayBuffers where WebAuthn
/// wants them: the challenge, `user.id`, and each listed credential's id.
fn options_to_js(options: &Value) -> Result<JsValue, PasskeyError> {
    let js = JSON::parse(&options.to_string())
        .map_err(|_| PasskeyError::Other("Bad passkey options.".into()))?;
    let text = |v: &Value| v.as_str().map(str::to_string);
    if let Some(c) = options.get("challenge").and_then(text) {
        set(&js, "challenge", &buffer(&c)?);
    }
    if let Some(id) = options.pointer("/user/id").and_then(text) {
        set(
            &Reflect::get(&js, &"user".into()).unwrap_or_default(),
            "id",
            &buffer(&id)?,
        );
    }
    for list in ["excludeCredentials", "allowCredentials"] {
        if let Some(items) = options.get(list).and_then(Value::as_array) {
            let arr: Array = Reflect::get(&js, &list.into())
                .unwrap_or_default()
                .unchecked_into();
            for (i, item) in items.iter().enumerate() {
                if let Some(id) = item.get("id").and_then(text) {
                    set(&arr.get(i as u32), "id", &buffer(&id)?);
                }
            }
        }
    }
    Ok(js)
}

fn field_b64(obj: &JsValue, key: &str) -> Option<String> {
    let v = Reflect::get(obj, &key.into())
        .ok()
        .filter(|v| !v.is_null() && !v.is_undefined())?;
    Some(URL_SAFE_NO_PAD.encode(Uint8Array::new(&v).to_vec()))
}

fn to_error(e: JsValue) -> PasskeyError {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let msg = Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    PasskeyError::from_dom_name(&name, &msg)
}

fn credentials() -> Result<web_sys::CredentialsContainer, PasskeyError> {
    if !is_supported() {
        return Err(PasskeyError::Unsupported);
    }
    Ok(web_sys::window()
        .ok_or(PasskeyError::Unsupported)?
        .navigator()
        .credentials())
}

/// Registration: `navigator.credentials.create`, answered as the JSON the
/// finish row expects.
pub async fn create(public_key: &Value) -> Result<Value, PasskeyError> {
    let opts = web_sys::CredentialCreationOptions::new();
    set(&opts, "publicKey", &options_to_js(public_key)?);
    let promise = credentials()?
        .create_with_options(&opts)
        .map_err(to_error)?;
    let cred = JsFuture::from(promise).await.map_err(to_error)?;
    let resp = Reflect::get(&cred, &"response".into()).map_err(to_error)?;
    let transports: Vec<String> = Reflect::get(&resp, &"getTransports".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&resp).ok())
        .map(|v| {
            Array::from(&v)
                .iter()
                .filter_map(|t| t.as_string())
                .collect()
        })
        .unwrap_or_default();
    let response = json!({
        "attestationObject": field_b64(&resp, "attestationObject"),
        "clientDataJSON": field_b64(&resp, "clientDataJSON"),
        "transports": transports,
    });
    Ok(credential_json(&cred, response))
}

/// Assertion: `navigator.credentials.get`, answered as JSON.
pub async fn get(public_key: &Value) -> Result<Value, PasskeyError> {
    let opts = web_sys::CredentialRequestOptions::new();
    set(&opts, "publicKey", &options_to_js(public_key)?);
    let promise = credentials()?.get_with_options(&opts).map_err(to_error)?;
    let cred = JsFuture::from(promise).await.map_err(to_error)?;
    let resp = Reflect::get(&cred, &"response".into()).map_err(to_error)?;
    let response = json!({
        "authenticatorData": field_b64(&resp, "authenticatorData"),
        "clientDataJSON": field_b64(&resp, "clientDataJSON"),
        "signature": field_b64(&resp, "signature"),
        "userHandle": field_b64(&resp, "userHandle"),
    });
    Ok(credential_json(&cred, response))
}

/// A `PublicKeyCredential` as the JSON the server reads, with its `response` already read.
fn credential_json(cred: &JsValue, response: Value) -> Value {
    json!({
        "id": Reflect::get(cred, &"id".into()).ok().and_then(|v| v.as_string()),
        "rawId": field_b64(cred, "rawId"),
        "type": "public-key",
        "response": response,
        "extensions": {},
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_common_user_agents() {
        let linux_chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
        assert_eq!(device_label(linux_chrome), "Chrome on Linux");
        let mac_safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
        assert_eq!(device_label(mac_safari), "Safari on macOS");
        assert_eq!(
            device_label(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
            ),
            "Firefox on Windows"
        );
        assert_eq!(device_label("curl/8"), "Browser on this device");
    }

    #[test]
    fn base64url_is_decoded_leniently() {
        assert_eq!(decode_b64url("AQID").unwrap(), vec![1, 2, 3]);
        assert_eq!(decode_b64url("-_8=").unwrap(), vec![0xfb, 0xff]);
        assert_eq!(decode_b64url("+/8").unwrap(), vec![0xfb, 0xff]);
        assert!(decode_b64url("***").is_err());
    }

    #[test]
    fn dom_errors_become_sentences() {
        assert_eq!(
            PasskeyError::from_dom_name("NotAllowedError", "x"),
            PasskeyError::Cancelled
        );
        assert_eq!(
            PasskeyError::from_dom_name("InvalidStateError", ""),
            PasskeyError::AlreadyRegistered
        );
        assert!(PasskeyError::Cancelled.message().contains("try again"));
        assert!(PasskeyError::from_dom_name("UnknownError", "boom")
            .message()
            .contains("boom"));
    }
}
