//! The in-memory database: every tenant's objects plus sign-in state.

pub mod apikey;
pub mod app;
pub mod client;
pub mod domain;
pub mod group;
pub mod idp;
pub mod rbac;
pub mod scope;
pub mod session;
pub mod user;

use std::collections::HashMap;

use uuid::Uuid;
use webauthn_rs::prelude::{PasskeyAuthentication, PasskeyRegistration};

pub use apikey::ApiKey;
pub use app::App;
pub use client::Client;
pub use session::Session;
pub use user::{StoredPasskey, TotpDevice, User};

use crate::util::Time;

#[derive(Debug, Clone)]
pub struct Tenant {
    pub id: Uuid,
    pub domain: String,
    pub name: String,
    pub project_id: Uuid,
    pub org_id: Uuid,
}

/// A sign-in under way: the password step opens it (5-minute life), a second-factor
/// check marks it, the token step closes it. AuthSec itself keeps no such state (its
/// token step trusts `mfa_verified`); the sandbox keeps it so that it mints a token only
/// after the factor really passed. Nothing of it shows in any answer: it is found by
/// tenant and e-mail, which every step's body already names. One account may have
/// several under way at once (two browsers): a factor check marks the oldest one still
/// open and a token step spends the oldest that passed, so one sign-in never undoes
/// another, and no more tokens are minted than factors passed.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub email: String,
    /// The OAuth client an end user signs in through (`None`: the admin sign-in).
    pub client_id: Option<Uuid>,
    pub expires_at: Time,
    pub second_factor_ok: bool,
    pub failures: u32,
}

/// Seeded facts printed at start-up and reported to tests.
#[derive(Debug, Clone, Default)]
pub struct DemoFacts {
    pub admin_email: String,
    pub totp_secret: String,
    pub backup_codes: Vec<String>,
    pub acme_tenant_id: Uuid,
    pub globex_tenant_id: Uuid,
    pub default_client_id: Uuid,
}

#[derive(Default)]
pub struct Db {
    pub tenants: Vec<Tenant>,
    pub users: HashMap<Uuid, User>,
    pub clients: HashMap<Uuid, Client>,
    pub sessions: HashMap<Uuid, Session>,
    pub apps: HashMap<String, App>,
    pub api_keys: HashMap<Uuid, ApiKey>,
    /// Roles, permissions and role bindings of every tenant.
    pub rbac: rbac::Rbac,
    /// Groups of every tenant, and who is in them.
    pub groups: Vec<group::Group>,
    pub memberships: Vec<group::Membership>,
    /// Scope rows (a scope is the rows of one name) and API scopes of every tenant.
    pub scope_rows: Vec<scope::ScopeRow>,
    pub api_scopes: Vec<scope::ApiScope>,
    /// Domains of every tenant.
    pub domains: Vec<domain::Domain>,
    /// OIDC providers (Hydra records) and SAML providers of every tenant's clients.
    pub oidc_providers: Vec<idp::OidcRecord>,
    pub saml_providers: Vec<idp::SamlRecord>,
    /// When each invited admin's temporary password expires (AuthSec's
    /// `temporary_password_expires_at`).
    pub invite_expiry: HashMap<Uuid, Time>,
    /// Sign-ins under way, oldest first.
    pub attempts: Vec<Attempt>,
    /// Passkey registration in progress, by user id.
    pub reg_states: HashMap<Uuid, PasskeyRegistration>,
    /// Passkey authentication in progress, by user id.
    pub auth_states: HashMap<Uuid, PasskeyAuthentication>,
    /// Wrong step-up proofs by session: the fifth ends the session.
    pub step_up_failures: HashMap<Uuid, u32>,
    /// Failed password attempts by lower-cased email.
    pub login_failures: HashMap<String, Vec<Time>>,
    pub facts: DemoFacts,
}

impl Db {
    pub fn tenant(&self, id: Uuid) -> Option<&Tenant> {
        self.tenants.iter().find(|t| t.id == id)
    }

    pub fn tenant_by_domain(&self, domain: &str) -> Option<&Tenant> {
        let d = domain.trim().to_lowercase();
        self.tenants.iter().find(|t| t.domain == d)
    }

    /// The ids of a tenant's end users (not its admins), sorted.
    pub fn end_user_ids(&self, tenant: Uuid) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = self
            .users
            .values()
            .filter(|u| u.tenant_id == tenant && !u.is_admin)
            .map(|u| u.id)
            .collect();
        ids.sort();
        ids
    }

    pub fn user_by_email(&self, tenant_id: Uuid, email: &str) -> Option<&User> {
        let e = email.trim().to_lowercase();
        self.users
            .values()
            .find(|u| u.tenant_id == tenant_id && u.email == e)
    }

    pub fn user_id_by_email(&self, tenant_id: Uuid, email: &str) -> Option<Uuid> {
        self.user_by_email(tenant_id, email).map(|u| u.id)
    }

    /// A user of the tenant (None for another tenant's user).
    pub fn user_in(&self, tenant_id: Uuid, id: Uuid) -> Option<&User> {
        self.users.get(&id).filter(|u| u.tenant_id == tenant_id)
    }

    pub fn user_in_mut(&mut self, tenant_id: Uuid, id: Uuid) -> Option<&mut User> {
        self.users.get_mut(&id).filter(|u| u.tenant_id == tenant_id)
    }

    pub fn client_in_mut(&mut self, tenant_id: Uuid, id: Uuid) -> Option<&mut Client> {
        self.clients
            .get_mut(&id)
            .filter(|c| c.tenant_id == tenant_id)
    }

    /// Active (enabled, registered) admins of a tenant.
    pub fn active_admin_count(&self, tenant_id: Uuid) -> usize {
        self.users
            .values()
            .filter(|u| u.tenant_id == tenant_id && u.is_admin && u.active)
            .filter(|u| !u.pending_registration)
            .count()
    }

    /// Removes a user with everything that hangs off it.
    pub fn remove_user(&mut self, id: Uuid) -> Option<User> {
        let user = self.users.remove(&id)?;
        self.rbac.bindings.retain(|b| b.user_id != id);
        self.memberships.retain(|m| m.user_id != id);
        self.invite_expiry.remove(&id);
        self.sessions.retain(|_, s| s.user_id != id);
        self.api_keys.retain(|_, k| k.user_id != id);
        self.attempts.retain(|t| t.user_id != id);
        self.reg_states.remove(&id);
        Some(user)
    }

    /// Switches a user's account on or off; switching it off revokes its sessions.
    /// AuthSec's answer: `{active, message: "<subject> activated successfully", user_id}`.
    pub fn set_active(&mut self, id: Uuid, active: bool, subject: &str) -> serde_json::Value {
        if let Some(u) = self.users.get_mut(&id) {
            u.active = active;
            u.updated_at = crate::util::now();
        }
        if !active {
            self.revoke_user_sessions(id);
        }
        let message = crate::util::switched(subject, active);
        serde_json::json!({ "active": active, "message": message, "user_id": id })
    }

    /// Revokes every live session of a user (used when an account is disabled).
    pub fn revoke_user_sessions(&mut self, user_id: Uuid) {
        for s in self.sessions.values_mut().filter(|s| s.user_id == user_id) {
            s.revoked = true;
        }
    }
}
