//! Every answer of the real backend decodes (issue 15): each fixture of
//! `../shared/authsec-fixtures/` (authsec-ai/authsec-ai@ea80426) and of
//! `tests/fixtures/authsec/` (the end-user sign-in rows, written from the same source) is
//! either one the console calls, whose 2xx bodies must decode with the console's own type
//! and say what a user would see, or one it does not call yet, named below. Every error body
//! of every fixture must give a sentence, not JSON.

use super::access::{Binding, NewPermission, Permission, PolicyAnswer, Role, RoleDetail, Saved};
use super::clients::{AllClients, Client, ClientPage, Created, Wrapped};
use super::domains::{Domain, Listed as DomainList, One as OneDomain};
use super::error::decode_error;
use super::groups::{Counted, Created as GroupsCreated, Listed, MembersChanged, WithMembers};
use super::idp::model::{
    OidcConfig as IdpConfig, OidcTemplates as IdpOidcTemplates, SamlList as IdpSamlList,
    SamlTemplates as IdpSamlTemplates,
};
use super::login::{PasswordOk, TokenOk};
use super::mfa::{enrolled_of, BackupCodes, TotpBegin};
use super::scopes::{ApiScope, Scope};
use super::tenant::{Listed as Tenants, ScimToken};
use super::users::{
    AdminUser, Created as ScimCreated, EndUser, Invited, PendingInvites, TemporaryPassword,
    Updated, UserPage,
};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;
use std::path::PathBuf;

type Check = fn(&Value) -> Result<(), String>;

fn decode<T: DeserializeOwned>(v: &Value) -> Result<T, String> {
    serde_json::from_value(v.clone()).map_err(|e| e.to_string())
}

fn any(v: &Value) -> Result<(), String> {
    decode::<IgnoredAny>(v).map(|_| ())
}

fn expect(cond: bool, what: &str) -> Result<(), String> {
    cond.then_some(()).ok_or_else(|| what.to_string())
}

/// A domain as the settings page shows it: name, TXT record, a time it can read.
fn domain_reads(d: &Domain) -> bool {
    !d.domain.is_empty()
        && d.verification_txt_value
            .contains("authsec-domain-verification=")
        && crate::time::epoch_secs(&d.created_at).is_some()
}

/// The fixtures of the calls the console makes, with what each answer must show.
const CALLED: &[(&str, Check)] = &[
    ("uflow.login", |v| {
        let ok: PasswordOk = decode(v)?;
        expect(
            !ok.tenant_id.is_empty() && !ok.email.is_empty(),
            "tenant and e-mail",
        )
    }),
    ("uflow.login.webauthn-callback", |v| {
        let t: TokenOk = decode(v)?;
        let claims = super::claims::decode_claims(&t.access_token)?;
        expect(
            !claims.email().is_empty(),
            "the token names the e-mail (email_id)",
        )
    }),
    ("webauthn.totp.verifyLogin", any),
    ("webauthn.admin.beginAuthentication", |v| {
        expect(v.get("publicKey").is_some(), "publicKey")
    }),
    ("webauthn.admin.finishAuthentication", any),
    ("uflow.admin.me.roles-permissions", any),
    // Access control (§e.1).
    ("uflow.admin.roles.list", |v| {
        let roles: Option<Vec<Role>> = decode(v)?;
        expect(
            roles.unwrap_or_default().iter().all(|r| !r.name.is_empty()),
            "every role has a name (none: null)",
        )
    }),
    ("uflow.admin.roles.get", |v| {
        let r: RoleDetail = decode(v)?;
        expect(
            r.permissions.iter().all(|p| p.contains(':')),
            "permissions as resource:action",
        )
    }),
    ("uflow.admin.roles.create", |v| {
        let s: Saved = decode(v)?;
        expect(!s.id.is_empty() && s.permissions_count > 0, "id and count")
    }),
    ("uflow.admin.roles.update", |v| {
        decode::<Saved>(v).map(|_| ())
    }),
    ("uflow.admin.roles.delete", any),
    ("uflow.admin.permissions.list", |v| {
        let p: Vec<Permission> = decode(v)?;
        expect(
            p.iter()
                .all(|p| !p.resource.is_empty() && !p.action.is_empty()),
            "resource and action",
        )
    }),
    ("uflow.admin.permissions.create", |v| {
        let p: NewPermission = decode(v)?;
        expect(!p.id.is_empty(), "the new id")
    }),
    ("uflow.admin.permissions.deleteById", any),
    ("uflow.admin.bindings.list", |v| {
        let b: Vec<Binding> = decode(v)?;
        expect(
            b.iter()
                .all(|b| !b.user_id.is_empty() && !b.role_id.is_empty()),
            "who holds which role",
        )
    }),
    ("uflow.admin.bindings.create", any),
    // Groups (§e.3).
    ("uflow.admin.groups.list", |v| {
        let l: Listed<WithMembers> = decode(v)?;
        let counted: Listed<Counted> = decode(v)?;
        expect(
            l.groups
                .iter()
                .all(|g| !g.group.id.is_empty() && !g.group.name.is_empty()),
            "each group's id and name",
        )?;
        let counts = |g: &[WithMembers]| g.iter().map(|g| g.users.len()).collect::<Vec<_>>();
        expect(
            counts(&l.groups) == counted.groups.iter().map(|g| g.members).collect::<Vec<_>>(),
            "the members, counted without decoding them",
        )
    }),
    ("uflow.admin.groups.create", |v| {
        let c: GroupsCreated = decode(v)?;
        expect(c.groups.len() == 1, "the group made (or found)")
    }),
    ("uflow.admin.groups.update", any),
    ("uflow.admin.groups.delete", any),
    ("uflow.admin.groups.users.bulk.add", |v| {
        let m: MembersChanged = decode(v)?;
        expect(m.user_count > 0, "how many were added")
    }),
    ("uflow.admin.groups.users.bulk.remove", |v| {
        decode::<MembersChanged>(v).map(|_| ())
    }),
    ("clientms.getClients", |v| {
        let p: ClientPage = decode(v)?;
        expect(p.pagination.limit > 0, "paging")
    }),
    ("clientms.getClients.post", |v| {
        let all: AllClients = decode(v)?;
        let c = all.data.clients.first().ok_or("a client")?;
        expect(!c.name.is_empty() && c.active, "an active client by name")
    }),
    ("clientms.getClient", |v| {
        let c: Client = decode(v)?;
        expect(!c.name.is_empty() && !c.id.is_empty(), "name and id")
    }),
    ("clientms.create", |v| decode::<Created>(v).map(|_| ())),
    ("clientms.update", |v| decode::<Client>(v).map(|_| ())),
    ("clientms.edit", |v| decode::<Client>(v).map(|_| ())),
    ("clientms.activate", |v| {
        let w: Wrapped = decode(v)?;
        expect(w.client.active, "active after activate")
    }),
    ("clientms.deactivate", |v| {
        let w: Wrapped = decode(v)?;
        expect(!w.client.active, "inactive after deactivate")
    }),
    ("clientms.delete", any),
    ("clientms.softDelete", any),
    ("clientms.deleteComplete", any),
    ("uflow.user.enduser.list", |v| {
        let p: UserPage<EndUser> = decode(v)?;
        let u = p.users.first().ok_or("a user")?;
        expect(
            p.total > 0 && p.total_pages > 0 && u.is_active() && !u.mfa_enabled,
            "a count, pages, and each user's state and MFA flag",
        )
    }),
    ("uflow.admin.enduser.list", |v| {
        let p: UserPage<EndUser> = decode(v)?;
        expect(
            p.users.iter().all(|u| !u.full_name().is_empty()),
            "every listed user has a name",
        )
    }),
    ("uflow.user.enduser.get", |v| {
        let u: EndUser = decode(v)?;
        expect(
            !u.full_name().is_empty() && u.is_active(),
            "name and active",
        )
    }),
    ("uflow.user.enduser.update", |v| {
        let u: Updated = decode(v)?;
        expect(
            !u.user.email.is_empty() && !u.user.full_name().is_empty(),
            "the saved user",
        )
    }),
    ("uflow.admin.enduser.active", any),
    ("uflow.user.enduser.deleteAll", any),
    ("uflow.scim.users.create", |v| {
        let c: ScimCreated = decode(v)?;
        expect(!c.id.is_empty(), "the new user's id")
    }),
    ("uflow.admin.users.list", |v| {
        let p: UserPage<AdminUser> = decode(v)?;
        expect(
            p.users.iter().all(|u| !u.full_name().is_empty()),
            "every admin has a name",
        )
    }),
    ("uflow.admin.invite", |v| {
        let i: Invited = decode(v)?;
        expect(!i.user_id.is_empty(), "the invited user's id")
    }),
    ("uflow.admin.users.active", any),
    ("uflow.admin.invite.pending", |v| {
        let p: PendingInvites = decode(v)?;
        expect(
            p.invites
                .iter()
                .all(|i| !i.user_id.is_empty() && i.expires_at.is_some()),
            "who and until when",
        )
    }),
    ("uflow.admin.invite.resend", |v| {
        let i: Invited = decode(v)?;
        expect(!i.expires_at.is_empty(), "the new expiry")
    }),
    ("uflow.admin.invite.cancel", any),
    // Workspace settings: the profile, domains (Go's time strings become RFC 3339), SCIM.
    ("uflow.admin.tenants.list", |v| {
        let l: Tenants = decode(v)?;
        expect(
            l.tenants
                .iter()
                .all(|t| !t.id.is_empty() && !t.name.is_empty()),
            "each tenant's id and name",
        )
    }),
    ("uflow.admin.domains.list", |v| {
        let l: DomainList = decode(v)?;
        expect(
            l.domains.iter().all(domain_reads),
            "each domain's name, record and RFC 3339 time",
        )
    }),
    ("uflow.admin.domains.create", |v| {
        let o: OneDomain = decode(v)?;
        expect(domain_reads(&o.domain), "the domain and its record")
    }),
    ("uflow.admin.domains.get", |v| {
        let o: OneDomain = decode(v)?;
        expect(domain_reads(&o.domain), "the domain")
    }),
    ("uflow.admin.domains.verify", |v| {
        let o: OneDomain = decode(v)?;
        expect(o.domain.is_verified, "a verified domain")
    }),
    ("uflow.admin.domains.setPrimary", |v| {
        let o: OneDomain = decode(v)?;
        expect(o.domain.is_primary, "the primary domain")
    }),
    ("uflow.admin.domains.delete", any),
    // An end user's password reset: two JSON objects in one body, the first read.
    ("uflow.user.admin.resetPassword", |v| {
        let t: TemporaryPassword = decode(v)?;
        expect(!t.temporary_password.is_empty(), "the temporary password")
    }),
    // Scopes (their resources, `*` for all) and API scopes (with their permissions).
    ("uflow.admin.scopes.mappings", |v| {
        let l: Option<Vec<Scope>> = decode(v)?;
        expect(
            l.unwrap_or_default()
                .iter()
                .all(|s| !s.scope_name.is_empty() && !s.resources.is_empty()),
            "each scope's name and resources",
        )
    }),
    ("uflow.admin.scopes.create", any),
    ("uflow.admin.scopes.update", any),
    ("uflow.admin.scopes.delete", any),
    ("uflow.admin.api_scopes.list", |v| {
        let l: Option<Vec<ApiScope>> = decode(v)?;
        expect(
            l.unwrap_or_default()
                .iter()
                .all(|s| s.name.contains(':') && !s.created_at.is_empty()),
            "each API scope's name and time",
        )
    }),
    ("uflow.admin.api_scopes.get", |v| {
        let s: ApiScope = decode(v)?;
        expect(
            s.permission_ids.len() == s.permissions_linked as usize,
            "its permission ids",
        )
    }),
    ("uflow.admin.api_scopes.create", |v| {
        let s: ApiScope = decode(v)?;
        expect(!s.id.is_empty(), "the new API scope's id")
    }),
    ("uflow.admin.api_scopes.update", |v| {
        let s: ApiScope = decode(v)?;
        expect(!s.id.is_empty(), "the API scope")
    }),
    ("uflow.admin.api_scopes.delete", any),
    ("uflow.admin.scim.generateToken", |v| {
        let t: ScimToken = decode(v)?;
        expect(
            !t.token.is_empty() && crate::time::epoch_secs(&t.expire_at).is_some(),
            "the token and its expiry",
        )
    }),
    ("uflow.admin.users.deleteAll", any),
    // Invited admins' sign-in: a token for an account without a factor, else its factor.
    ("uflow.auth.admin.login", |v| {
        let ok: PasswordOk = decode(v)?;
        expect(
            ok.token.is_some() != ok.mfa_required,
            "a token, or the factor that stops it",
        )
    }),
    // Sign-in factors: which are on, the authenticator app's setup, passkey registration.
    ("webauthn.admin.mfa.loginStatus", |v| {
        let e = enrolled_of(v.clone()).map_err(|e| e.message)?;
        // A passkey that must first be registered for a custom domain does not count.
        let register = v["requires_registration"] == true;
        expect(
            e.any() == (v["mfa_required"] == true && !register) || (register && !e.passkey),
            "the factors with mfa_required",
        )
    }),
    ("webauthn.totp.beginLoginSetup", |v| {
        let b: TotpBegin = decode(v)?;
        expect(
            !b.secret.is_empty() && b.otp_auth_url.expose().contains(b.secret.expose()),
            "the secret and its otpauth URI",
        )
    }),
    ("webauthn.totp.confirmLoginSetup", |v| {
        let c: BackupCodes = decode(v)?;
        expect(c.backup_codes.len() == 10, "ten backup codes")
    }),
    ("webauthn.admin.beginRegistration", |v| {
        expect(v.get("publicKey").is_some(), "publicKey")
    }),
    ("webauthn.admin.finishRegistration", any),
    // The end-user sign-in (tests/fixtures/authsec/).
    ("uflow.user.login", |v| {
        let ok: PasswordOk = decode(v)?;
        expect(
            !ok.tenant_id.is_empty() && !ok.email.is_empty(),
            "tenant and e-mail",
        )
    }),
    ("webauthn.enduser.mfa.loginStatus", |v| {
        let e = enrolled_of(v.clone()).map_err(|e| e.message)?;
        // A passkey that must first be registered for a custom domain does not count.
        let register = v["requires_registration"] == true;
        expect(
            e.any() == (v["mfa_required"] == true && !register) || (register && !e.passkey),
            "the factors with mfa_required",
        )
    }),
    ("webauthn.totp.beginSetup", |v| {
        let b: TotpBegin = decode(v)?;
        expect(!b.secret.is_empty(), "the secret")
    }),
    ("webauthn.totp.confirmSetup", |v| {
        let c: BackupCodes = decode(v)?;
        expect(c.backup_codes.len() == 10, "ten backup codes")
    }),
    ("webauthn.enduser.beginRegistration", |v| {
        expect(v.get("publicKey").is_some(), "publicKey")
    }),
    ("webauthn.enduser.finishRegistration", any),
    ("webauthn.totp.verify", any),
    ("webauthn.enduser.beginAuthentication", |v| {
        expect(v.get("publicKey").is_some(), "publicKey")
    }),
    ("webauthn.enduser.finishAuthentication", any),
    ("uflow.auth.enduser.webauthn-callback", |v| {
        let t: TokenOk = decode(v)?;
        let claims = super::claims::decode_claims(&t.access_token)?;
        expect(
            !claims.email().is_empty(),
            "the token names the e-mail (email_id)",
        )
    }),
    // Sign-in providers: listed without any secret, templates by name.
    ("oocmgr.oidc.getConfig", |v| {
        let c: IdpConfig = decode(v)?;
        let p = &c.data.oidc_providers;
        expect(
            !p.is_empty()
                && p.iter()
                    .all(|p| p.hydra_id.ends_with("-oidc") && !p.callback_url.is_empty()),
            "each provider's record and return address",
        )
    }),
    ("oocmgr.oidc.addProvider", any),
    // What a role allows, as the route's permission check will ask it.
    ("uflow.admin.policy.check", |v| {
        decode::<PolicyAnswer>(v).map(|_| ())
    }),
    ("oocmgr.oidc.updateProvider", any),
    ("oocmgr.oidc.deleteProvider", any),
    ("oocmgr.oidc.templates", |v| {
        let t: IdpOidcTemplates = decode(v)?;
        let g = t.data.templates.get("google").ok_or("a google template")?;
        expect(
            g.auth_url.starts_with("https://") && !g.scopes.is_empty(),
            "its addresses and scopes",
        )
    }),
    ("oocmgr.saml.listProviders", |v| {
        let l: IdpSamlList = decode(v)?;
        expect(
            l.providers
                .iter()
                .all(|p| !p.id.is_empty() && !p.sso_url.is_empty()),
            "ids and addresses",
        )
    }),
    ("oocmgr.saml.addProvider", any),
    ("oocmgr.saml.updateProvider", any),
    ("oocmgr.saml.deleteProvider", any),
    ("oocmgr.saml.templates", |v| {
        let t: IdpSamlTemplates = decode(v)?;
        expect(
            t.templates.values().all(|t| !t.name_id_format.is_empty()),
            "name-id formats",
        )
    }),
];

/// Fixtures of routes the console does not call (yet): access control, tenant settings,
/// providers and the end-user sign-in rows are the next issues' work.
const NOT_CALLED: &[&str] = &[
    "clientms.health",
    "clientms.platformSelectors",
    "clientms.setStatus",
    "oocmgr.health",
    "oocmgr.oidc.editClientAuthProvider",
    "oocmgr.oidc.getProvider",
    "oocmgr.oidc.showAuthProviders",
    "oocmgr.oidc.validate",
    "oocmgr.saml.getProvider",
    "oocmgr.stats.tenant",
    "sdkmgr.dashboard.adminUsers",
    "sdkmgr.dashboard.statistics",
    "uflow.admin.agentAudit",
    "uflow.admin.groups.get",
    "uflow.admin.groups.map",
    "uflow.admin.groups.unmap",
    "uflow.admin.oidc.providers.list",
    "uflow.admin.oidc.providers.update",
    "uflow.admin.permissions.deleteByBody",
    "uflow.admin.permissions.resources",
    "uflow.admin.scopes.list",
    "uflow.admin.tenants.create",
    "uflow.admin.tenants.delete",
    "uflow.admin.tenants.update",
    "uflow.admin.tenants.users",
    "uflow.auth.admin.login-hybrid",
    "uflow.auth.admin.login.precheck",
    "uflow.admin.users.delete",
    "uflow.user.enduser.delete",
    "uflow.auth.tenant.totp.confirm",
    "uflow.auth.tenant.totp.devices",
    "uflow.auth.tenant.totp.devices.delete",
    "uflow.auth.tenant.totp.devices.primary",
    "uflow.auth.tenant.totp.login",
    "uflow.auth.tenant.totp.register",
    "uflow.health",
    "uflow.health.tenant",
    "uflow.health.tenants",
    "uflow.user.admin.changePassword",
    "uflow.user.enduser.delete.post",
    "uflow.user.enduser.active",
    "uflow.user.enduser.status",
    "uflow.user.register",
    "webauthn.admin.mfa.status",
    "webauthn.health",
    // tests/fixtures/authsec/: end-user enrolment at sign-in (not offered yet).
];

/// Every fixture file: (name, parsed JSON).
pub(crate) fn all_fixtures() -> Vec<(String, Value)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dirs = [
        root.join("../shared/authsec-fixtures"),
        root.join("tests/fixtures/authsec"),
    ];
    let mut out = Vec::new();
    for dir in dirs {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
            panic!("{}: {e} (the fixtures are part of the test)", dir.display())
        });
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(&path).expect("a readable fixture");
                let v: Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let name = path.file_stem().unwrap().to_string_lossy().to_string();
                out.push((name, v));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The body as the server sends it: `body_raw` when given, a text body as text.
fn raw_body(resp: &Value) -> String {
    if let Some(raw) = resp.get("body_raw").and_then(Value::as_str) {
        return raw.to_string();
    }
    match resp.get("body") {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

#[test]
fn every_fixture_is_classified_once() {
    let fixtures = all_fixtures();
    assert!(
        fixtures.len() >= 130,
        "only {} fixtures found",
        fixtures.len()
    );
    let mut unknown = Vec::new();
    for (name, _) in &fixtures {
        let called = CALLED.iter().filter(|(n, _)| n == name).count();
        let not = NOT_CALLED.iter().filter(|n| *n == name).count();
        if called + not != 1 {
            unknown.push(name.clone());
        }
    }
    assert!(unknown.is_empty(), "classify these fixtures: {unknown:?}");
    for (n, _) in CALLED {
        assert!(fixtures.iter().any(|(f, _)| f == n), "no fixture {n}");
    }
}

#[test]
fn every_answer_the_console_reads_decodes() {
    let mut failures = Vec::new();
    let mut decoded = 0;
    for (name, fx) in all_fixtures() {
        let Some((_, check)) = CALLED.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        for resp in fx["responses"].as_array().expect("responses") {
            let status = resp["status"].as_u64().unwrap_or(0);
            if !(200..300).contains(&status) {
                continue;
            }
            // The first JSON value, as the client reads it (one body holds two at times).
            let raw = raw_body(resp);
            let body: Value = serde_json::Deserializer::from_str(&raw)
                .into_iter::<Value>()
                .next()
                .and_then(Result::ok)
                .unwrap_or(Value::Null);
            match check(&body) {
                Ok(()) => decoded += 1,
                Err(e) => failures.push(format!("{name} {status}: {e}")),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(decoded >= 40, "only {decoded} answers decoded");
}

#[test]
fn every_error_answer_gives_a_sentence() {
    let mut failures = Vec::new();
    for (name, fx) in all_fixtures() {
        for resp in fx["responses"].as_array().expect("responses") {
            let status = resp["status"].as_u64().unwrap_or(0) as u16;
            if status < 400 {
                continue;
            }
            let e = decode_error(status, &raw_body(resp), None);
            let m = e.message.trim();
            if m.is_empty() || m.starts_with('{') || m.starts_with('[') {
                failures.push(format!("{name} {status}: {m:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
