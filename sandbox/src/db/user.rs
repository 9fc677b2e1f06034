//! Users (admins and end users share one record), their TOTP devices and passkeys.

use serde_json::{json, Value};
use uuid::Uuid;
use webauthn_rs::prelude::{AuthenticationResult, Passkey};

use crate::util::Time;

pub const ADMIN_ROLE_ID: &str = "5b0e5a52-0000-4000-8000-00000000ad01";
pub const USER_ROLE_ID: &str = "5b0e5a52-0000-4000-8000-00000000e501";

#[derive(Debug, Clone)]
pub struct TotpDevice {
    pub id: Uuid,
    pub name: String,
    pub device_type: String,
    pub secret: String,
    pub confirmed: bool,
    pub is_primary: bool,
    pub last_used: Option<Time>,
    pub created_at: Time,
}

#[derive(Debug, Clone)]
pub struct StoredPasskey {
    /// Credential id, base64url without padding.
    pub id: String,
    pub name: String,
    pub passkey: Passkey,
    pub created_at: Time,
    pub last_used_at: Option<Time>,
    pub transports: Vec<String>,
    pub authenticator_attachment: Option<String>,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub email: String,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub client_id: Option<Uuid>,
    pub provider: String,
    pub active: bool,
    pub email_verified: bool,
    pub is_admin: bool,
    pub pending_registration: bool,
    /// Invited by another admin (`/uflow/admin/invite`): not the tenant's owner, so
    /// `/uflow/login` refuses them and `/uflow/auth/admin/login` is their route.
    pub invited: bool,
    pub password_hash: Option<String>,
    /// Methods recorded by the directory (seed data); real factors are added on top.
    pub mfa_methods: Vec<String>,
    /// AuthSec's tenant TOTP devices (`/uflow/auth/tenant/totp/*`): a store of their
    /// own, which sign-in never reads (authsec-api.md §d).
    pub totp_devices: Vec<TotpDevice>,
    /// The sign-in authenticator app's secret (`mfa_methods` 'totp', written by
    /// `/webauthn/totp/confirmLoginSetup` or `confirmSetup`); the backup codes below go with it.
    pub sign_in_totp: Option<String>,
    /// When a sign-in factor last passed (`MFAMethod.last_used_at`).
    pub factor_used_at: Option<Time>,
    pub passkeys: Vec<StoredPasskey>,
    pub backup_codes: Vec<String>,
    pub metadata: Value,
    pub created_at: Time,
    pub updated_at: Time,
    pub last_login: Option<Time>,
    pub login_count: u64,
}

impl User {
    /// Notes a passkey's use: its counter as the assertion left it, and when.
    pub fn passkey_used(&mut self, result: &AuthenticationResult, at: Time) {
        for pk in self
            .passkeys
            .iter_mut()
            .filter(|p| p.passkey.cred_id() == result.cred_id())
        {
            pk.passkey.update_credential(result);
            pk.last_used_at = Some(at);
        }
    }

    pub fn has_totp(&self) -> bool {
        self.sign_in_totp.is_some()
    }

    /// Second factors the account can actually use at sign-in.
    pub fn factors(&self) -> Vec<&'static str> {
        let mut f = Vec::new();
        if self.has_totp() {
            f.push("totp");
        }
        if !self.passkeys.is_empty() {
            f.push("webauthn");
        }
        f
    }

    pub fn all_mfa_methods(&self) -> Vec<String> {
        let mut m = self.mfa_methods.clone();
        for f in self.factors() {
            if !m.iter().any(|x| x == f) {
                m.push(f.to_string());
            }
        }
        m
    }

    pub fn role_names(&self) -> Vec<String> {
        vec![if self.is_admin { "admin" } else { "user" }.to_string()]
    }

    fn roles_json(&self) -> Value {
        if self.is_admin {
            json!([{ "id": ADMIN_ROLE_ID, "name": "admin" }])
        } else {
            json!([{ "id": USER_ROLE_ID, "name": "user" }])
        }
    }

    pub fn status(&self) -> &'static str {
        if self.active {
            "active"
        } else {
            "inactive"
        }
    }

    /// One name, as AuthSec's `User` has it (the sandbox keeps first and last).
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name.trim(), self.last_name.trim())
            .trim()
            .to_string()
    }

    /// Sets the one name: the first word is the first name, the rest the last.
    pub fn set_name(&mut self, name: &str) {
        let name = name.trim();
        let (first, last) = name.split_once(' ').unwrap_or((name, ""));
        self.first_name = first.to_string();
        self.last_name = last.trim().to_string();
    }

    /// AuthSec's end-user `User` record (authsec-api.md §c.1, the GET/PUT answer; keys in
    /// struct order, omitempty ones left out): `groups` is `[]` when preloaded (GET),
    /// `null` otherwise (PUT).
    pub fn record_json(&self, tenant_domain: &str, groups_loaded: bool) -> Value {
        let factors = self.factors();
        let mut m = serde_json::Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_string(), v);
        };
        put("id", json!(self.id));
        put("client_id", json!(self.client_id.unwrap_or(self.tenant_id)));
        put("tenant_id", json!(self.tenant_id));
        put("project_id", json!(self.tenant_id));
        put("name", json!(self.name()));
        put("username", json!(self.username));
        put("email", json!(self.email));
        put(
            "password_hash",
            json!(self.password_hash.as_deref().unwrap_or("")),
        );
        put("tenant_domain", json!(tenant_domain));
        put("provider", json!(self.provider));
        put("provider_id", json!(self.email));
        put("active", json!(self.active));
        put(
            "groups",
            if groups_loaded {
                json!([])
            } else {
                Value::Null
            },
        );
        put("mfa_enabled", json!(!factors.is_empty()));
        if !factors.is_empty() {
            put("mfa_method", json!(factors));
            put("mfa_default_method", json!(factors[0]));
        }
        put("mfa_verified", json!(!factors.is_empty()));
        put("created_at", json!(self.created_at));
        put("updated_at", json!(self.updated_at));
        if let Some(t) = self.last_login {
            put("last_login", json!(t));
        }
        put("is_synced_user", json!(false));
        Value::Object(m)
    }

    /// AuthSec's `EndUserSummary` (the admin list's rows; keys sorted).
    pub fn summary_json(&self) -> Value {
        json!({
            "client_id": self.client_id.map(|c| c.to_string()).unwrap_or_default(),
            "created_at": self.created_at, "email": self.email, "first_name": self.first_name,
            "id": self.id, "last_name": self.last_name, "provider": self.provider,
            "roles": self.roles_json(), "status": self.status(), "updated_at": self.updated_at,
        })
    }

    /// AuthSec's `AdminUser` (authsec-api.md §c.2; keys sorted, omitempty ones left out
    /// when empty): one `name`, no first/last name.
    pub fn admin_view(&self, tenant_domain: &str) -> Value {
        let factors = self.factors();
        let mut v = json!({
            "accepted_invite": !self.pending_registration, "active": self.active,
            "created_at": self.created_at, "email": self.email, "failed_login_attempts": 0,
            "id": self.id, "invite_accepted": !self.pending_registration,
            "is_primary_admin": false, "is_synced_user": false,
            "name": format!("{} {}", self.first_name, self.last_name).trim(),
            "password_reset_required": false, "pending": self.pending_registration,
            "pending_registration": self.pending_registration, "provider": "local",
            "provider_data": {}, "roles": self.roles_json(), "temporary_password": false,
            "tenant_domain": tenant_domain, "tenant_id": self.tenant_id,
            "updated_at": self.updated_at, "username": self.username,
        });
        if let Some(t) = self.last_login {
            v["last_login"] = json!(t);
        }
        // `mfa_enabled` and `mfa_verified` are omitempty too: absent while false.
        if let Some(m) = factors.first() {
            v["mfa_default_method"] = json!(m);
            v["mfa_enabled"] = json!(true);
            v["mfa_method"] = json!(factors);
            v["mfa_verified"] = json!(true);
        }
        v
    }
}
