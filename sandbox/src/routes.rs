//! The router: every contract row, grouped by service, minus `--disable`d groups.

pub mod admins;
pub mod apikeys;
pub mod apps;
pub mod clients;
pub mod clients_write;
pub mod endusers;
pub mod enrol;
pub mod login;
pub mod login_mfa;
pub mod passkeys;
pub mod sessions;
pub mod totp;
pub mod user_batch;

use axum::routing::{delete, get, patch, post, put};
use axum::Router;

use crate::config::Feature;
use crate::middleware;
use crate::state::AppState;

pub fn router(state: AppState) -> Router {
    let cfg = state.cfg.clone();
    let on = |f: Feature| cfg.enabled(f);

    let c = "/authsec/clientms/tenants/{tenant_id}/clients";
    let mut r = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route(&format!("{c}/getClients"), get(clients::list))
        .route(&format!("{c}/create"), post(clients_write::create))
        .route(
            &format!("{c}/platform-selectors"),
            get(clients::platform_selectors),
        )
        .route(
            &format!("{c}/delete-complete"),
            post(clients_write::hard_delete),
        )
        .route(
            &format!("{c}/{{id}}"),
            get(clients::get_one)
                .put(clients_write::update)
                .patch(clients_write::update)
                .delete(clients_write::soft_delete),
        )
        .route(
            &format!("{c}/{{id}}/activate"),
            patch(clients_write::activate),
        )
        .route(
            &format!("{c}/{{id}}/deactivate"),
            patch(clients_write::deactivate),
        );
    if on(Feature::RotateSecret) {
        r = r.route(
            &format!("{c}/{{id}}/rotate-secret"),
            post(clients_write::rotate_secret),
        );
    }

    let u = "/authsec/uflow";
    r = r
        .route(
            &format!("{u}/auth/admin/login/precheck"),
            post(login::precheck),
        )
        .route(&format!("{u}/auth/admin/login"), post(login::admin_login))
        .route(&format!("{u}/login"), post(login::login))
        .route(&format!("{u}/user/login"), post(login::user_login))
        .route(
            &format!("{u}/auth/enduser/webauthn-callback"),
            post(login::enduser_callback),
        )
        .route(
            &format!("{u}/login/webauthn-callback"),
            post(login::callback),
        )
        .route(&format!("{u}/admin/enduser/list"), post(endusers::list))
        .route(
            &format!("{u}/admin/enduser/active"),
            post(endusers::set_status),
        )
        .route(
            &format!("{u}/user/enduser/{{tenant_id}}/{{user_id}}"),
            get(endusers::get_one)
                .put(endusers::update)
                .delete(endusers::delete_one),
        )
        .route(
            &format!("{u}/user/enduser/delete_all/{{tenant_id}}/{{user_id}}"),
            delete(endusers::delete_all),
        )
        .route(
            &format!("{u}/scim/v2/{{client_id}}/{{project_id}}/Users"),
            post(endusers::scim_create),
        )
        .route(&format!("{u}/admin/users/list"), post(admins::list))
        .route(
            &format!("{u}/admin/me/roles-permissions"),
            get(admins::me_roles_permissions),
        )
        .route(&format!("{u}/admin/invite"), post(admins::invite))
        .route(&format!("{u}/admin/users/active"), post(admins::set_status))
        .route(
            &format!("{u}/admin/users/{{user_id}}"),
            delete(admins::delete_one),
        )
        .route(
            &format!("{u}/admin/users/delete_all/{{user_id}}"),
            delete(admins::delete_all),
        )
        .route(
            &format!("{u}/auth/tenant/totp/register"),
            post(totp::register),
        )
        .route(
            &format!("{u}/auth/tenant/totp/confirm"),
            post(totp::confirm),
        )
        .route(&format!("{u}/auth/tenant/totp/devices"), get(totp::devices))
        .route(
            &format!("{u}/auth/tenant/totp/devices/delete"),
            post(totp::delete_device),
        )
        .route(
            &format!("{u}/auth/tenant/totp/devices/primary"),
            post(totp::make_primary),
        );
    if on(Feature::UserBatch) {
        r = r
            .route(
                &format!("{u}/admin/enduser/batch"),
                post(user_batch::create),
            )
            .route(
                &format!("{u}/admin/enduser/batch-delete"),
                post(user_batch::delete),
            );
    }
    if on(Feature::Sessions) {
        r = r
            .route(&format!("{u}/sessions"), get(sessions::mine))
            .route(
                &format!("{u}/sessions/revoke-all"),
                post(sessions::revoke_all),
            )
            .route(
                &format!("{u}/sessions/{{id}}"),
                delete(sessions::revoke_mine),
            )
            .route(&format!("{u}/admin/sessions"), get(sessions::tenant_list))
            .route(
                &format!("{u}/admin/sessions/{{id}}"),
                delete(sessions::revoke_any),
            );
    }
    if on(Feature::ApiKeys) {
        r = r
            .route(&format!("{u}/api-keys/scopes"), get(apikeys::scopes))
            .route(
                &format!("{u}/api-keys"),
                get(apikeys::list).post(apikeys::create),
            )
            .route(
                &format!("{u}/api-keys/{{key_id}}/regenerate"),
                post(apikeys::regenerate),
            )
            .route(
                &format!("{u}/api-keys/{{key_id}}"),
                delete(apikeys::delete_one),
            );
    }

    let w = "/authsec/webauthn";
    r = r
        .route(
            &format!("{w}/totp/verifyLogin"),
            post(login_mfa::verify_totp),
        )
        .route(
            &format!("{w}/totp/verify"),
            post(login_mfa::verify_enduser_totp),
        )
        .route(&format!("{w}/admin/mfa/status"), post(enrol::admin_status))
        .route(
            &format!("{w}/admin/mfa/loginStatus"),
            post(enrol::admin_status),
        );
    for (begin, confirm) in [
        ("beginLoginSetup", "confirmLoginSetup"),
        ("beginSetup", "confirmSetup"),
    ] {
        r = r
            .route(&format!("{w}/totp/{begin}"), post(enrol::totp_begin))
            .route(&format!("{w}/totp/{confirm}"), post(enrol::totp_confirm));
    }
    if on(Feature::BackupRegenerate) {
        r = r.route(
            &format!("{w}/totp/backup/regenerate"),
            post(totp::regenerate_backup),
        );
    }
    for flow in ["admin", "enduser"] {
        r = r
            .route(
                &format!("{w}/{flow}/beginAuthentication"),
                post(login_mfa::begin_auth),
            )
            .route(
                &format!("{w}/{flow}/finishAuthentication"),
                post(login_mfa::finish_auth),
            )
            .route(
                &format!("{w}/{flow}/beginRegistration"),
                post(passkeys::begin_registration),
            )
            .route(
                &format!("{w}/{flow}/finishRegistration"),
                post(passkeys::finish_registration),
            );
    }
    r = r.route(
        &format!("{w}/enduser/mfa/loginStatus"),
        post(passkeys::login_status),
    );
    if on(Feature::PasskeyCredentials) {
        r = r
            .route(&format!("{w}/credentials"), get(passkeys::list))
            .route(
                &format!("{w}/credentials/{{id}}"),
                patch(passkeys::rename).delete(passkeys::remove),
            );
    }

    if on(Feature::Apps) {
        for base in ["/authsec/apps", "/authsec/apps/"] {
            r = r.route(base, get(apps::list).post(apps::create));
        }
        r = r.route(
            "/authsec/apps/{app_id}",
            put(apps::update).delete(apps::delete_one),
        );
    }

    // gin's answer for a path with no route (and for a wrong method: AuthSec leaves
    // HandleMethodNotAllowed off, authsec-api.md §1.1).
    r.fallback(gin_not_found)
        .method_not_allowed_fallback(gin_not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::faults,
        ))
        .layer(middleware::cors(&state))
        .with_state(state)
}

async fn gin_not_found() -> impl axum::response::IntoResponse {
    (
        axum::http::StatusCode::NOT_FOUND,
        [(axum::http::header::CONTENT_TYPE, "text/plain")],
        "404 page not found",
    )
}
