//! Tenant admins: list, invite, status and delete (last-admin and self protection).

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::Json;
use axum::Router;
use chrono::Duration;
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use super::endusers::new_end_user;
use crate::auth::{Admin, Caller};
use crate::body::Body;
use crate::error::{ApiError, ApiResult, Reply, ToggleReq};
use crate::state::AppState;

/// Admins under `/authsec/uflow`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users/list", post(list))
        .route("/admin/me/roles-permissions", get(me_roles_permissions))
        .route("/admin/invite", post(invite))
        .route("/admin/invite/pending", get(pending_invites))
        .route("/admin/invite/resend", post(resend_invite))
        .route("/admin/invite/cancel", post(cancel_invite))
        .route("/admin/users/active", post(set_status))
        .route("/admin/users/{user_id}", delete(delete_one))
        .route("/admin/users/delete_all/{user_id}", delete(delete_all))
}

pub async fn list(st: AppState, caller: Admin, body: Bytes) -> Reply {
    // AuthSec ignores the body (and a body that does not bind).
    let _ = body;
    let db = st.db();
    let mut hits: Vec<_> = db
        .users
        .values()
        // Only active admins (authsec-api.md §c.2): a deactivated one leaves the list.
        .filter(|u| u.tenant_id == caller.tenant_id && u.is_admin && u.active)
        .collect();
    hits.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    let domain = db
        .tenant(caller.tenant_id)
        .map(|t| t.domain.clone())
        .unwrap_or_default();
    // AuthSec answers every admin at once: no paging, no search, no totals.
    let users: Vec<Value> = hits.iter().map(|u| u.admin_view(&domain)).collect();
    Ok(Json(json!({ "users": users })))
}

#[derive(Deserialize)]
pub struct InviteReq {
    email: Option<String>,
    username: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    tenant_id: Option<String>,
}

pub async fn invite(
    st: AppState,
    caller: Admin,
    Body(req, _): Body<InviteReq>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    caller.require_tenant_opt(req.tenant_id.as_deref())?;
    let email = req.email.unwrap_or_default().trim().to_lowercase();
    let username = req.username.unwrap_or_default().trim().to_string();
    if username.is_empty() || username.chars().count() > 128 {
        return Err(ApiError::field(
            "username",
            "username must be 1-128 characters",
        ));
    }
    let mut u = new_end_user(
        caller.tenant_id,
        &email,
        None,
        &req.first_name.unwrap_or_default(),
        &req.last_name.unwrap_or_default(),
    )
    .map_err(ApiError::validation)?;
    let mut db = st.db();
    let tenant_domain = db
        .tenant(caller.tenant_id)
        .map(|t| t.domain.clone())
        .unwrap_or_default();
    let taken = db.users.values().any(|x| {
        x.tenant_id == caller.tenant_id
            && (x.email == email || (x.is_admin && x.username.eq_ignore_ascii_case(&username)))
    });
    if taken {
        return Err(ApiError::gin(
            StatusCode::CONFLICT,
            "User with this email or username already exists",
        ));
    }
    u.is_admin = true;
    u.pending_registration = true;
    u.invited = true;
    // AuthSec answers the temporary password (and e-mails it); so does the sandbox.
    let temporary = crate::util::random_b64(15);
    u.password_hash = Some(crate::util::password_hash(u.id, &temporary));
    u.username = username.clone();
    let expires = u.created_at + Duration::days(7);
    let id = u.id;
    db.rbac.bind_admin(&u);
    db.users.insert(id, u);
    db.invite_expiry.insert(id, expires);
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "message": "Admin user invited successfully. The sandbox sends no e-mail.",
            "user_id": id, "email": email, "username": username,
            "temporary_password": temporary,
            "expires_at": expires.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "email_sent": false,
            "user": { "id": id, "email": email, "username": username, "tenant_id": caller.tenant_id,
                      "tenant_domain": tenant_domain },
        })),
    ))
}

fn admin_id(st: &AppState, caller: &Caller, raw: &str) -> ApiResult<Uuid> {
    let id = Uuid::parse_str(raw.trim()).map_err(|_| ApiError::not_found("User not found"))?;
    st.db()
        .user_in(caller.tenant_id, id)
        .filter(|u| u.is_admin)
        .map(|u| u.id)
        .ok_or_else(|| ApiError::not_found("User not found"))
}

/// Whether removing this admin's activity would leave the tenant with no active admin.
fn is_last_active(st: &AppState, caller: &Caller, id: Uuid) -> bool {
    let db = st.db();
    let counts = db
        .users
        .get(&id)
        .is_some_and(|u| u.active && !u.pending_registration);
    counts && db.active_admin_count(caller.tenant_id) <= 1
}

pub async fn set_status(st: AppState, caller: Admin, Body(req, _): Body<ToggleReq>) -> Reply {
    let (active, user) = req.check()?;
    let id = admin_id(&st, &caller, &user)?;
    if !active && is_last_active(&st, &caller, id) {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "Cannot deactivate the last active admin",
        ));
    }
    if !active && id == caller.user_id {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "You cannot deactivate your own account",
        ));
    }
    Ok(Json(st.db().set_active(id, active, "Admin user")))
}

pub async fn delete_one(st: AppState, caller: Admin, Path(raw): Path<String>) -> Reply {
    caller.require_perm(&st.db(), "users", "delete")?;
    let id = admin_id(&st, &caller, &raw)?;
    if is_last_active(&st, &caller, id) {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "Cannot delete the last active admin",
        ));
    }
    if id == caller.user_id {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "You cannot delete your own account",
        ));
    }
    // AuthSec's DELETE only deactivates (authsec-api.md §c.2).
    if let Some(u) = st.db().users.get_mut(&id) {
        u.active = false;
    }
    Ok(Json(json!({ "message": "Admin user soft deleted" })))
}

/// `DELETE /admin/users/delete_all/:user_id` with `{tenant_id, user_id}` (the path is not
/// read): the admin and their data, gone.
pub async fn delete_all(st: AppState, caller: Admin, body: Bytes) -> Reply {
    caller.require_perm(&st.db(), "users", "delete")?;
    let req = super::endusers::DeleteAllReq::of(&body);
    let (Some(t), Some(raw)) = (req.tenant_id, req.user_id) else {
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            "Invalid request payload: Key: 'DeleteAdminRequest.UserID' Error:Field validation for 'UserID' failed on the 'required' tag",
        ));
    };
    if caller.require_tenant(&t).is_err() {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "Cross-tenant deletion is not allowed",
        ));
    }
    let id = admin_id(&st, &caller, &raw)
        .map_err(|_| ApiError::gin(StatusCode::NOT_FOUND, "Admin user not found"))?;
    if id == caller.user_id || is_last_active(&st, &caller, id) {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            "Cannot delete the last active admin in the tenant",
        ));
    }
    let passkeys = st.db().users.get(&id).map_or(0, |u| u.passkeys.len());
    st.db().remove_user(id);
    Ok(Json(json!({
        "deleted_counts": { "backup_codes": 0, "refresh_tokens": 0, "role_bindings": 1,
            "sessions": 0, "totp_secrets": 0, "user_groups": 0, "users": 1,
            "webauthn_credentials": passkeys },
        "message": "Admin user and all related data deleted successfully",
        "user_id": id,
    })))
}

/// `GET /uflow/admin/me/roles-permissions` (ADMIN guard): the tenant's role and
/// permission vocabulary, not the caller's (authsec-api.md §e). The console calls it
/// to learn whether the signed-in account is an admin: a 403 says it is not.
/// The **tenant's** roles, permissions and resources, not the caller's (AuthSec's
/// `delegation_helpers.go:244-365`); arrays are `null` when the tenant has none.
pub async fn me_roles_permissions(st: AppState, caller: Admin) -> Reply {
    let db = st.db();
    let t = caller.tenant_id;
    let or_null = |v: Vec<String>| if v.is_empty() { Value::Null } else { json!(v) };
    let roles: Vec<String> = db.rbac.roles_of(t).map(|r| r.name.clone()).collect();
    let permissions: Vec<String> = db.rbac.permissions_of(t).map(|p| p.full()).collect();
    let mut resources: Vec<String> = Vec::new();
    for p in db.rbac.permissions_of(t) {
        if !resources.contains(&p.resource) {
            resources.push(p.resource.clone());
        }
    }
    Ok(Json(json!({
        "permissions": or_null(permissions),
        "resources": resources,
        "roles": or_null(roles),
        "scopes": [],
        "tenant_id": caller.tenant_id,
        "user_id": caller.user_id,
    })))
}

/// An invitee: an invited admin still on the temporary password, never signed in.
fn is_invitee(u: &crate::db::User) -> bool {
    u.is_admin && u.invited && u.pending_registration && u.last_login.is_none()
}

fn secs(t: crate::util::Time) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// `GET /admin/invite/pending`: the tenant's invitees, newest first.
pub async fn pending_invites(st: AppState, caller: Admin) -> Reply {
    let db = st.db();
    let domain = db
        .tenant(caller.tenant_id)
        .map(|t| t.domain.clone())
        .unwrap_or_default();
    let mut hits: Vec<_> = db
        .users
        .values()
        .filter(|u| u.tenant_id == caller.tenant_id && is_invitee(u))
        .collect();
    hits.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
    let now = crate::util::now();
    let invites: Vec<Value> = hits
        .iter()
        .map(|u| {
            let exp = db
                .invite_expiry
                .get(&u.id)
                .copied()
                .unwrap_or(u.created_at + Duration::days(7));
            json!({ "user_id": u.id, "email": u.email, "username": u.username, "name": u.name(),
                    "tenant_domain": domain, "expires_at": secs(exp), "is_expired": exp < now,
                    "created_at": secs(u.created_at) })
        })
        .collect();
    Ok(Json(json!({ "total": invites.len(), "invites": invites })))
}

#[derive(Deserialize)]
pub struct InviteeReq {
    user_id: Option<String>,
}

fn not_found_invitee() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        json!({ "error": "User not found",
                "hint": "User may have already been deleted or invite was not created successfully" }),
    )
}

/// A resend or a cancel, in AuthSec's words: the verb, and the refusal once the invitee
/// has signed in.
struct InviteAction {
    verb: &'static str,
    logged_in: &'static str,
}

const RESEND: InviteAction = InviteAction {
    verb: "resend",
    logged_in: "User has already logged in. They should use 'forgot password' instead.",
};

const CANCEL: InviteAction = InviteAction {
    verb: "cancel",
    logged_in: "User has already logged in. Use deactivate instead.",
};

/// The invitee a resend or cancel names, checked as AuthSec checks it.
fn invitee(
    st: &AppState,
    caller: &Caller,
    req: InviteeReq,
    action: InviteAction,
) -> ApiResult<Uuid> {
    let raw = req.user_id.unwrap_or_default();
    if raw.is_empty() {
        return Err(crate::error::bind_error(
            "ResendInviteRequest",
            &[("UserID", "required")],
        ));
    }
    let id = Uuid::parse_str(&raw)
        .map_err(|_| ApiError::gin(StatusCode::BAD_REQUEST, "Invalid user_id format"))?;
    let db = st.db();
    let u = db.users.get(&id).ok_or_else(not_found_invitee)?;
    if u.tenant_id != caller.tenant_id {
        return Err(ApiError::gin(
            StatusCode::FORBIDDEN,
            format!("Cannot {} invite for user in different tenant", action.verb),
        ));
    }
    if !(u.invited && u.pending_registration) {
        return Err(ApiError::gin(
            StatusCode::BAD_REQUEST,
            "User has already accepted the invitation and set their password",
        ));
    }
    if u.last_login.is_some() {
        return Err(ApiError::gin(StatusCode::BAD_REQUEST, action.logged_in));
    }
    Ok(id)
}

/// `POST /admin/invite/resend`: a new temporary password, valid 7 more days.
pub async fn resend_invite(st: AppState, caller: Admin, Body(req, _): Body<InviteeReq>) -> Reply {
    let id = invitee(&st, &caller, req, RESEND)?;
    let temporary = crate::util::random_b64(15);
    let expires = crate::util::now() + Duration::days(7);
    let mut db = st.db();
    db.invite_expiry.insert(id, expires);
    let u = db.users.get_mut(&id).ok_or_else(not_found_invitee)?;
    u.password_hash = Some(crate::util::password_hash(id, &temporary));
    Ok(Json(json!({
        "message": "Invitation resent successfully. The sandbox sends no e-mail.",
        "user_id": id, "email": u.email, "temporary_password": temporary,
        "expires_at": secs(expires), "email_sent": false,
    })))
}

/// `POST /admin/invite/cancel`: deletes the invitee and its role bindings.
pub async fn cancel_invite(st: AppState, caller: Admin, Body(req, _): Body<InviteeReq>) -> Reply {
    let id = invitee(&st, &caller, req, CANCEL)?;
    let mut db = st.db();
    let u = db.remove_user(id).ok_or_else(not_found_invitee)?;
    Ok(Json(
        json!({ "message": "Invitation cancelled successfully", "user_id": id, "email": u.email }),
    ))
}
