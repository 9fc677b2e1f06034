//! Passkey registration at `/webauthn/{admin,enduser}/{begin,finish}Registration`.

use axum::extract::{FromRequest, FromRequestParts, OriginalUri, Request};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;
use webauthn_rs::prelude::RegisterPublicKeyCredential;

use crate::auth::{Caller, OriginChecked};
use crate::body::Body;
use crate::config::Args;
use crate::db::{Db, StoredPasskey};
use crate::error::{ApiError, ApiResult, Reply};
use crate::routes::enrol::enrolee;
use crate::routes::login_mfa::account;
use crate::state::AppState;
use crate::util::{b64url, now};

#[derive(Deserialize)]
pub struct RegReq {
    email: Option<String>,
    tenant_id: Option<String>,
    client_id: Option<String>,
    credential: Option<Value>,
}

/// What a registration row is given, taken in this order: the `Origin` check, the path
/// (admin or end user), the token if any (a registration may also ride a sign-in
/// attempt), then the body.
pub struct Registration {
    uri: Uri,
    caller: Option<Caller>,
    req: RegReq,
}

impl FromRequest<AppState> for Registration {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        OriginChecked::from_request_parts(&mut parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Ok(OriginalUri(uri)) = OriginalUri::from_request_parts(&mut parts, state).await;
        let caller = Caller::from_request_parts(&mut parts, state).await.ok();
        let request = Request::from_parts(parts, body);
        let Body(req, _) = Body::<RegReq>::from_request(request, state).await?;
        Ok(Registration { uri, caller, req })
    }
}

impl Registration {
    /// The account the row names, if the caller may enrol it: by e-mail on
    /// `/webauthn/admin/…`; by tenant, e-mail and client on `/webauthn/enduser/…` (all
    /// three required there, as on AuthSec).
    fn registrant(&self, db: &mut Db, cfg: &Args, finish: bool) -> ApiResult<Uuid> {
        let (uri, req) = (&self.uri, &self.req);
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        let admin = uri.path().contains("/webauthn/admin/");
        let missing = if admin {
            blank(&req.email) || (finish && req.credential.is_none())
        } else {
            blank(&req.email)
                || blank(&req.tenant_id)
                || blank(&req.client_id)
                || (finish && req.credential.is_none())
        };
        if missing {
            let msg = match (admin, finish) {
                (true, false) => "email is required",
                (true, true) => "email and credential are required",
                (false, false) => "tenant_id, email, and client_id are required",
                (false, true) => "tenant_id, email, client_id, and credential are required",
            };
            return Err(ApiError::gin(StatusCode::BAD_REQUEST, msg));
        }
        let email = req.email.as_deref().unwrap_or_default();
        let id = account(db, uri, email, req.tenant_id.as_deref())
            .ok_or_else(|| ApiError::gin(StatusCode::NOT_FOUND, "user not found"))?;
        enrolee(db, cfg, self.caller.as_ref(), id)
    }
}

/// `POST /webauthn/{admin,enduser}/beginRegistration`: AuthSec's creation options (no
/// `excludeCredentials`, a discouraged resident key, preferred verification).
pub async fn begin_registration(st: AppState, reg: Registration) -> Reply {
    let mut db = st.db();
    let id = reg.registrant(&mut db, &st.cfg, false)?;
    let user = db.users.get(&id).ok_or_else(ApiError::unauthorized)?;
    let exclude: Vec<_> = user
        .passkeys
        .iter()
        .map(|p| p.passkey.cred_id().clone())
        .collect();
    let failed = || {
        ApiError::gin(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Failed to begin registration",
        )
    };
    let (challenge, state) = st
        .webauthn
        .start_passkey_registration(user.id, &user.email, &user.email, Some(exclude))
        .map_err(|_| failed())?;
    db.reg_states.insert(id, state);
    let mut v = serde_json::to_value(challenge).map_err(|_| failed())?;
    let pk = &mut v["publicKey"];
    let keep = |o: &Value, keys: &[&str]| -> Value {
        keys.iter()
            .filter_map(|k| o.get(*k).map(|x| (k.to_string(), x.clone())))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let mut out = keep(
        pk,
        &["rp", "user", "challenge", "pubKeyCredParams", "timeout"],
    );
    out["rp"] = keep(&pk["rp"], &["name", "id"]);
    out["user"] = keep(&pk["user"], &["name", "displayName", "id"]);
    out["authenticatorSelection"] =
        json!({ "residentKey": "discouraged", "userVerification": "preferred" });
    out["attestation"] = json!("none");
    Ok(Json(json!({ "publicKey": out })))
}

/// `POST /webauthn/{admin,enduser}/finishRegistration` `{…, credential}`: the passkey
/// becomes a sign-in factor; answers its id in lower-case hex.
pub async fn finish_registration(st: AppState, reg: Registration) -> Reply {
    let mut db = st.db();
    let id = reg.registrant(&mut db, &st.cfg, true)?;
    let bad = |m: &str| ApiError::gin(StatusCode::BAD_REQUEST, m);
    let cred: RegisterPublicKeyCredential =
        serde_json::from_value(reg.req.credential.clone().unwrap_or_default())
            .map_err(|_| bad("invalid credential payload"))?;
    let state = db
        .reg_states
        .remove(&id)
        .ok_or_else(|| bad("no registration session"))?;
    let passkey = st
        .webauthn
        .finish_passkey_registration(&cred, &state)
        .map_err(|_| bad("registration failed"))?;
    let transports = cred.response.transports.clone().unwrap_or_default();
    let transports: Vec<String> = transports
        .iter()
        .filter_map(|t| serde_json::to_value(t).ok()?.as_str().map(str::to_string))
        .filter(|t| t != "unknown")
        .collect();
    let raw: &[u8] = passkey.cred_id().as_ref();
    let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    let user = db.users.get_mut(&id).ok_or_else(ApiError::unauthorized)?;
    user.passkeys.push(StoredPasskey {
        id: b64url(passkey.cred_id()),
        name: "Passkey".into(),
        passkey,
        created_at: now(),
        last_used_at: None,
        authenticator_attachment: transports
            .iter()
            .any(|t| t == "internal")
            .then(|| "platform".into()),
        transports,
    });
    user.updated_at = now();
    Ok(Json(json!({ "credential_id": hex, "success": true })))
}
