//! Passkey registration (webauthn-rs), the passkey list extension and MFA status.

use axum::extract::{OriginalUri, Path, State};
use axum::http::StatusCode;
use axum::routing::{get, patch, post};
use axum::Json;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};
use webauthn_rs::prelude::RegisterPublicKeyCredential;

use axum::http::Uri;
use uuid::Uuid;

use super::enrol::{enrolee, methods_answer};
use super::login_mfa::account;
use crate::auth::{Caller, FastShape, OriginChecked};
use crate::body::Body;
use crate::db::StoredPasskey;
use crate::error::{fast_name, ApiError, ApiResult};
use crate::state::AppState;
use crate::util::{b64url, now};

/// Passkey registration (and the credentials extension) under `/authsec/webauthn`.
pub fn routes(credentials: bool) -> Router<AppState> {
    let mut r = Router::new().route("/enduser/mfa/loginStatus", post(login_status));
    for flow in ["admin", "enduser"] {
        r = r
            .route(
                &format!("/{flow}/beginRegistration"),
                post(begin_registration),
            )
            .route(
                &format!("/{flow}/finishRegistration"),
                post(finish_registration),
            );
    }
    if credentials {
        r = r
            .route("/credentials", get(list))
            .route("/credentials/{id}", patch(rename).delete(remove));
    }
    r
}

#[derive(Deserialize)]
pub struct RegReq {
    email: Option<String>,
    tenant_id: Option<String>,
    client_id: Option<String>,
    credential: Option<Value>,
}

/// The account a registration row names, if the caller may enrol it: by e-mail on
/// `/webauthn/admin/…`; by tenant, e-mail and client on `/webauthn/enduser/…` (all three
/// required there, as on AuthSec).
fn registrant(
    db: &mut crate::db::Db,
    uri: &Uri,
    caller: Option<&Caller>,
    req: &RegReq,
    finish: bool,
) -> ApiResult<Uuid> {
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
    enrolee(db, caller, id)
}

/// `POST /webauthn/{admin,enduser}/beginRegistration`: AuthSec's creation options (no
/// `excludeCredentials`, a discouraged resident key, preferred verification).
pub async fn begin_registration(
    State(st): State<AppState>,
    _o: OriginChecked,
    OriginalUri(uri): OriginalUri,
    caller: Result<Caller, ApiError>,
    Body(req, _): Body<RegReq>,
) -> ApiResult<Json<Value>> {
    let mut db = st.db();
    let id = registrant(&mut db, &uri, caller.as_ref().ok(), &req, false)?;
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
pub async fn finish_registration(
    State(st): State<AppState>,
    _o: OriginChecked,
    OriginalUri(uri): OriginalUri,
    caller: Result<Caller, ApiError>,
    Body(req, _): Body<RegReq>,
) -> ApiResult<Json<Value>> {
    let mut db = st.db();
    let id = registrant(&mut db, &uri, caller.as_ref().ok(), &req, true)?;
    let bad = |m: &str| ApiError::gin(StatusCode::BAD_REQUEST, m);
    let cred: RegisterPublicKeyCredential =
        serde_json::from_value(req.credential.clone().unwrap_or_default())
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

pub async fn list(State(st): State<AppState>, caller: Caller) -> ApiResult<Json<Value>> {
    let db = st.db();
    let user = db
        .users
        .get(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    let list: Vec<Value> = user.passkeys.iter().map(|p| json!({
        "id": p.id, "name": p.name, "created_at": p.created_at, "last_used_at": p.last_used_at,
        "transports": p.transports, "authenticator_attachment": p.authenticator_attachment,
    })).collect();
    Ok(Json(json!({ "passkeys": list })))
}

#[derive(Deserialize)]
pub struct RenameReq {
    name: Option<Value>,
}

pub async fn rename(
    State(st): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Body(req, _): Body<RenameReq, FastShape>,
) -> ApiResult<Json<Value>> {
    let name = fast_name(req.name)?;
    let mut db = st.db();
    let user = db
        .users
        .get_mut(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    let pk = user
        .passkeys
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| ApiError::fast(StatusCode::NOT_FOUND, "Passkey not found"))?;
    pk.name = name.clone();
    Ok(Json(json!({ "id": id, "name": name })))
}

pub async fn remove(
    State(st): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let mut db = st.db();
    let user = db
        .users
        .get_mut(&caller.user_id)
        .ok_or_else(ApiError::unauthorized)?;
    let before = user.passkeys.len();
    user.passkeys.retain(|p| p.id != id);
    if user.passkeys.len() == before {
        return Err(ApiError::fast(StatusCode::NOT_FOUND, "Passkey not found"));
    }
    Ok(Json(json!({ "success": true })))
}

#[derive(Deserialize)]
pub struct StatusReq {
    email: Option<String>,
    tenant_id: Option<String>,
}

/// `POST /webauthn/enduser/mfa/loginStatus` `{tenant_id, email}` (public, as on AuthSec):
/// which factors the end user has, as `MFAMethod` rows (without their secrets).
pub async fn login_status(
    State(st): State<AppState>,
    Body(req, _): Body<StatusReq>,
) -> ApiResult<Json<Value>> {
    let required = || ApiError::gin(StatusCode::BAD_REQUEST, "tenant_id and email are required");
    let email = req
        .email
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(required)?;
    let tenant = req
        .tenant_id
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(required)?;
    let not_found = || ApiError::gin(StatusCode::NOT_FOUND, "user not found");
    let tenant = uuid::Uuid::parse_str(tenant.trim()).map_err(|_| not_found())?;
    let db = st.db();
    let user = db.user_by_email(tenant, &email).ok_or_else(not_found)?;
    Ok(Json(methods_answer(user)))
}
