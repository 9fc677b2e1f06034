//! The workspace's upstream identity providers (authsec-api.md §f.3, AuthSec's oocmgr
//! rows): OIDC providers, kept by AuthSec as Hydra records `<client>-<provider>-oidc` beside
//! the client's `<client>-main-client`, and SAML providers. Like AuthSec's own console,
//! the console attaches them to the workspace's default client, whose id is the tenant's.
//!
//! AuthSec guards none of these rows (the token goes along all the same) and answers an
//! OIDC provider's client secret in clear text: no type here has a field for it, so a
//! stored secret never reaches the page. Writing one is the only way to change it.

pub(crate) mod model;

use super::error::{ApiError, ErrorKind};
use super::http::Api;
use super::retry::Method;
use crate::config::Service;
use model::{OidcConfig, OidcTemplates, SamlList, SamlTemplates, Updated};
pub use model::{
    OidcDraft, OidcProvider, OidcSetup, OidcTemplate, SamlDraft, SamlProvider, SamlTemplate,
    NAME_ID_EMAIL,
};
use serde_json::json;

/// The workspace's default client: the one AuthSec's console attaches providers to.
fn client(api: &Api) -> String {
    api.tenant_id()
}

/// The workspace's OIDC providers, by their order then name, and where people come back.
/// `Ok(None)`: AuthSec has no OAuth base record for the workspace (`Tenant configuration
/// not found`), so none can be added.
pub async fn oidc_list(api: &Api) -> Result<Option<OidcSetup>, ApiError> {
    let body = json!({ "client_id": client(api) });
    match api
        .post_read::<_, OidcConfig>(Service::Oocmgr, "/oidc/get-config", &body)
        .await
    {
        Ok(c) => Ok(Some(c.data.setup())),
        Err(e) if e.status == 404 => Ok(None),
        Err(e) => Err(e),
    }
}

/// Adds an OIDC provider. `site` is where AuthSec sends people back
/// (`<site>/oidc/auth/callback/<provider>`); `by` is the admin's e-mail.
pub async fn oidc_add(api: &Api, d: &OidcDraft, site: &str, by: &str) -> Result<(), ApiError> {
    let body = json!({
        "tenant_id": api.tenant_id(),
        "client_id": client(api),
        "provider": d.provider(),
        "react_app_url": site,
        "created_by": by,
    });
    api.send_ok(
        Method::Post,
        Service::Oocmgr,
        "/oidc/add-provider",
        Some(&body),
    )
    .await
}

/// Saves an OIDC provider's settings; answers the Hydra record AuthSec changed (it looks
/// the provider up by tenant and name first, which may find another application's copy).
/// An empty secret is left out: AuthSec would store the empty string over the old one.
pub async fn oidc_update(api: &Api, d: &OidcDraft, by: &str) -> Result<String, ApiError> {
    let mut body = d.update();
    body["tenant_id"] = json!(client(api));
    body["updated_by"] = json!(by);
    let u: Updated = api
        .send(
            Method::Post,
            Service::Oocmgr,
            "/oidc/update-provider",
            Some(&body),
        )
        .await?;
    Ok(u.data.client_id)
}

/// Deletes an OIDC provider. AuthSec deletes the Hydra record its table gives for the
/// tenant and the provider's name, which may be another application's copy of the same key
/// (oocmgr_controller.go:580-586), and its answer does not say which: the list is read
/// back, and if this record is still there the error says so (as a 409: AuthSec answered
/// 200). A failed read-back counts as deleted: the page reads the list again anyway.
pub async fn oidc_delete(api: &Api, p: &OidcProvider) -> Result<(), ApiError> {
    let body = json!({
        "tenant_id": client(api),
        "client_id": p.hydra_id,
        "provider_name": p.provider_name,
    });
    api.send_ok(
        Method::Post,
        Service::Oocmgr,
        "/oidc/delete-provider",
        Some(&body),
    )
    .await?;
    let listed = oidc_list(api).await.ok().flatten();
    match listed.is_some_and(|s| s.providers.iter().any(|o| o.hydra_id == p.hydra_id)) {
        false => Ok(()),
        true => Err(ApiError::new(
            ErrorKind::Http,
            409,
            "AuthSec deleted another application's copy of this provider (they share its key), not this one, which is still here. Check that application's sign-in settings; Delete again removes this one too.",
        )),
    }
}

/// AuthSec's starting points for OIDC providers (Google, Microsoft, GitHub…), by name.
pub async fn oidc_templates(api: &Api) -> Result<Vec<OidcTemplate>, ApiError> {
    let t: OidcTemplates = api
        .post_read(Service::Oocmgr, "/oidc/templates", &json!({}))
        .await?;
    Ok(t.data.templates.into_values().collect())
}

/// The workspace's SAML providers, in AuthSec's order (sort order, then name).
pub async fn saml_list(api: &Api) -> Result<Vec<SamlProvider>, ApiError> {
    let body = json!({ "tenant_id": api.tenant_id(), "client_id": client(api) });
    let l: SamlList = api
        .post_read(Service::Oocmgr, "/saml/list-providers", &body)
        .await?;
    Ok(l.providers)
}

pub async fn saml_add(api: &Api, d: &SamlDraft) -> Result<(), ApiError> {
    let mut body = d.add();
    body["tenant_id"] = json!(api.tenant_id());
    body["client_id"] = json!(client(api));
    api.send_ok(
        Method::Post,
        Service::Oocmgr,
        "/saml/add-provider",
        Some(&body),
    )
    .await
}

/// Saves a SAML provider's settings. AuthSec ignores empty fields: one cannot be cleared.
pub async fn saml_update(api: &Api, id: &str, d: &SamlDraft) -> Result<(), ApiError> {
    let mut body = d.update();
    body["tenant_id"] = json!(api.tenant_id());
    body["provider_id"] = json!(id);
    api.send_ok(
        Method::Post,
        Service::Oocmgr,
        "/saml/update-provider",
        Some(&body),
    )
    .await
}

pub async fn saml_delete(api: &Api, id: &str) -> Result<(), ApiError> {
    let body = json!({ "tenant_id": api.tenant_id(), "provider_id": id });
    api.send_ok(
        Method::Post,
        Service::Oocmgr,
        "/saml/delete-provider",
        Some(&body),
    )
    .await
}

/// AuthSec's starting points for SAML providers (Okta, Azure AD…), by name.
pub async fn saml_templates(api: &Api) -> Result<Vec<SamlTemplate>, ApiError> {
    let t: SamlTemplates = api
        .post_read(Service::Oocmgr, "/saml/templates", &json!({}))
        .await?;
    Ok(t.templates.into_values().collect())
}
