//! Every editable setting of a management application, as data: where it is
//! read in the loaded object, where it is written in the request, what kind
//! of value it is, and its allowed range. The form, its validation and the
//! request body are all driven by this table.

/// The wizard's steps and the edit page's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Basics,
    Client,
    Login,
    Domains,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Basics,
        Section::Client,
        Section::Login,
        Section::Domains,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Section::Basics => "Basics",
            Section::Client => "First client",
            Section::Login => "Login preferences",
            Section::Domains => "Domains",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Free text; `required` when the field's group is on.
    Text {
        max: usize,
        required: bool,
    },
    /// Hidden while typed (client secrets).
    Secret,
    /// An https URL (optional).
    Url,
    Int {
        min: i64,
        max: i64,
    },
    Bool,
    Choice(&'static [(&'static str, &'static str)]),
    /// A number picked from a list.
    IntChoice(&'static [i64]),
    /// Several of a fixed list.
    Multi(&'static [&'static str]),
    /// Origins, one per line: https, or http on localhost.
    Origins,
    /// A host name such as `login.example.com`.
    Domain,
    /// A DNS label: lower-case letters, digits, dashes.
    Subdomain,
    /// Whether the group's object exists (an auth method on or off).
    Toggle,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    /// Dotted path in the loaded application.
    pub read: &'static str,
    /// Dotted path in the request body.
    pub write: &'static str,
    pub kind: Kind,
    pub section: Section,
    /// The auth method this field belongs to (shown only while it is on).
    pub group: Option<&'static str>,
}

const fn entry(
    key: &'static str,
    label: &'static str,
    path: &'static str,
    kind: Kind,
    section: Section,
) -> Field {
    Field {
        key,
        label,
        read: path,
        write: path,
        kind,
        section,
        group: None,
    }
}

/// A field read at `read` and sent as a `first_client` field.
const fn client_entry(
    key: &'static str,
    label: &'static str,
    read: &'static str,
    write: &'static str,
    kind: Kind,
) -> Field {
    Field {
        write,
        ..entry(key, label, read, kind, Section::Client)
    }
}

/// A login-preferences field of auth method `group`.
const fn login_entry(
    group: &'static str,
    key: &'static str,
    label: &'static str,
    path: &'static str,
    kind: Kind,
) -> Field {
    Field {
        group: Some(group),
        ..entry(key, label, path, kind, Section::Login)
    }
}

const TEXT: Kind = Kind::Text {
    max: 256,
    required: false,
};
const ID: Kind = Kind::Text {
    max: 256,
    required: true,
};
const MINUTES: Kind = Kind::Int { min: 1, max: 1440 };
const FAILURES: Kind = Kind::Int { min: 1, max: 20 };
const CODE_LEN: Kind = Kind::Int { min: 4, max: 10 };

pub const PROTOCOLS: &[(&str, &str)] = &[("oidc", "OpenID Connect"), ("saml", "SAML")];
pub const CLIENT_TYPES: &[(&str, &str)] = &[
    ("web", "Web app"),
    ("spa", "Single-page app"),
    ("native", "Native app"),
    ("m2m", "Machine to machine"),
];
pub const AUTH_METHODS: &[(&str, &str)] = &[
    ("client_secret_basic", "Client secret (HTTP Basic)"),
    ("client_secret_post", "Client secret (form post)"),
    ("private_key_jwt", "Private key JWT"),
    ("none", "None (public client)"),
];
pub const PKCE: &[(&str, &str)] = &[
    ("enforcePkceInsteadOfClientCredentials", "Required"),
    ("allowPkce", "Allowed"),
    ("disabled", "Off"),
];
pub const ALGORITHMS: &[(&str, &str)] = &[
    ("sha1", "SHA-1"),
    ("sha256", "SHA-256"),
    ("sha512", "SHA-512"),
];

/// The auth methods with a toggle each, in display order.
pub const METHODS: &[(&str, &str)] = &[
    ("google", "Google"),
    ("facebook", "Facebook"),
    ("apple", "Apple"),
    ("line", "LINE"),
    ("email", "Email link"),
    ("email_otp", "Email one-time code"),
    ("sms", "SMS code"),
    ("webauthn_api", "Passkeys (WebAuthn)"),
    ("password", "Password"),
    ("totp", "Authenticator app (TOTP)"),
];

const AM: &str = "login_preferences.auth_methods";

macro_rules! method {
    ($g:literal) => {
        Field {
            key: concat!($g, ".on"),
            label: $g,
            read: concat!("login_preferences.auth_methods.", $g),
            write: concat!("login_preferences.auth_methods.", $g),
            kind: Kind::Toggle,
            section: Section::Login,
            group: None,
        }
    };
}

pub const FIELDS: &[Field] = &[
    entry(
        "app_name",
        "Name",
        "app_name",
        Kind::Text {
            max: 256,
            required: true,
        },
        Section::Basics,
    ),
    entry(
        "app_description",
        "Description",
        "app_description",
        Kind::Text {
            max: 1000,
            required: false,
        },
        Section::Basics,
    ),
    entry("logo", "Logo URL", "logo", Kind::Url, Section::Basics),
    Field {
        key: "protocol",
        label: "Protocol",
        read: "authentication_protocol",
        write: "first_client_authentication_protocol",
        kind: Kind::Choice(PROTOCOLS),
        section: Section::Client,
        group: None,
    },
    client_entry(
        "client_type",
        "Client type",
        "client_type",
        "first_client.client_type",
        Kind::Choice(CLIENT_TYPES),
    ),
    client_entry(
        "response_types",
        "Response types",
        "response_types",
        "first_client.response_types",
        Kind::Multi(&["code", "token", "id_token"]),
    ),
    client_entry(
        "token_auth",
        "Token endpoint auth method",
        "client_auth_method",
        "first_client.token_endpoint_auth_method",
        Kind::Choice(AUTH_METHODS),
    ),
    entry("pkce", "PKCE", "pkce", Kind::Choice(PKCE), Section::Client),
    client_entry(
        "prompts",
        "Supported prompts",
        "supported_prompts",
        "first_client.supported_prompts",
        Kind::Multi(&["login", "consent", "none", "select_account"]),
    ),
    entry(
        "device_auth",
        "Device authorization (TV and CLI sign-in)",
        "device_authorization.enabled",
        Kind::Bool,
        Section::Client,
    ),
    method!("google"),
    login_entry(
        "google",
        "google.id",
        "Google client ID",
        "login_preferences.auth_methods.google.clientId",
        ID,
    ),
    login_entry(
        "google",
        "google.secret",
        "Google client secret",
        "login_preferences.auth_methods.google.clientSecret",
        Kind::Secret,
    ),
    method!("facebook"),
    login_entry(
        "facebook",
        "facebook.id",
        "Facebook app ID",
        "login_preferences.auth_methods.facebook.clientId",
        ID,
    ),
    login_entry(
        "facebook",
        "facebook.secret",
        "Facebook app secret",
        "login_preferences.auth_methods.facebook.clientSecret",
        Kind::Secret,
    ),
    method!("apple"),
    login_entry(
        "apple",
        "apple.id",
        "Apple services ID",
        "login_preferences.auth_methods.apple.clientId",
        ID,
    ),
    login_entry(
        "apple",
        "apple.secret",
        "Apple client secret",
        "login_preferences.auth_methods.apple.clientSecret",
        Kind::Secret,
    ),
    login_entry(
        "apple",
        "apple.team",
        "Apple team ID",
        "login_preferences.auth_methods.apple.appleTeamId",
        TEXT,
    ),
    login_entry(
        "apple",
        "apple.key",
        "Apple key ID",
        "login_preferences.auth_methods.apple.keyId",
        TEXT,
    ),
    method!("line"),
    login_entry(
        "line",
        "line.id",
        "LINE channel ID",
        "login_preferences.auth_methods.line.clientId",
        ID,
    ),
    login_entry(
        "line",
        "line.secret",
        "LINE channel secret",
        "login_preferences.auth_methods.line.clientSecret",
        Kind::Secret,
    ),
    method!("email"),
    login_entry(
        "email",
        "email.expires",
        "Link expires after (seconds)",
        "login_preferences.auth_methods.email.expiresIn",
        Kind::Int {
            min: 60,
            max: 86_400,
        },
    ),
    method!("email_otp"),
    login_entry(
        "email_otp",
        "email_otp.expires",
        "Code expires after (seconds)",
        "login_preferences.auth_methods.email_otp.expiresIn",
        Kind::Int { min: 60, max: 3600 },
    ),
    login_entry(
        "email_otp",
        "email_otp.failures",
        "Failures before lockout",
        "login_preferences.auth_methods.email_otp.maxFailures",
        FAILURES,
    ),
    login_entry(
        "email_otp",
        "email_otp.lockout",
        "Lockout (minutes)",
        "login_preferences.auth_methods.email_otp.lockoutDuration",
        MINUTES,
    ),
    login_entry(
        "email_otp",
        "email_otp.length",
        "Code length",
        "login_preferences.auth_methods.email_otp.codeLength",
        CODE_LEN,
    ),
    method!("sms"),
    login_entry(
        "sms",
        "sms.expires",
        "Code expires after (seconds)",
        "login_preferences.auth_methods.sms.expiresIn",
        Kind::Int { min: 60, max: 3600 },
    ),
    login_entry(
        "sms",
        "sms.failures",
        "Failures before lockout",
        "login_preferences.auth_methods.sms.maxFailures",
        FAILURES,
    ),
    login_entry(
        "sms",
        "sms.lockout",
        "Lockout (minutes)",
        "login_preferences.auth_methods.sms.lockoutDuration",
        MINUTES,
    ),
    login_entry(
        "sms",
        "sms.length",
        "Code length",
        "login_preferences.auth_methods.sms.codeLength",
        CODE_LEN,
    ),
    method!("webauthn_api"),
    login_entry(
        "webauthn_api",
        "webauthn.rp_id",
        "Relying party ID (domain)",
        "login_preferences.auth_methods.webauthn_api.rpId",
        Kind::Domain,
    ),
    login_entry(
        "webauthn_api",
        "webauthn.origins",
        "Allowed origins (one per line)",
        "login_preferences.auth_methods.webauthn_api.rpOrigins",
        Kind::Origins,
    ),
    method!("password"),
    login_entry(
        "password",
        "password.min",
        "Minimum length",
        "login_preferences.auth_methods.password.passwordMinLength",
        Kind::Int { min: 8, max: 128 },
    ),
    login_entry(
        "password",
        "password.complexity",
        "Character kinds required (1–5)",
        "login_preferences.auth_methods.password.passwordComplexity",
        Kind::Int { min: 1, max: 5 },
    ),
    login_entry(
        "password",
        "password.expires",
        "Expires after (days, 0 = never)",
        "login_preferences.auth_methods.password.passwordExpiresIn",
        Kind::Int { min: 0, max: 365 },
    ),
    login_entry(
        "password",
        "password.failures",
        "Failures before lockout",
        "login_preferences.auth_methods.password.maxPasswordFailures",
        FAILURES,
    ),
    login_entry(
        "password",
        "password.lockout",
        "Lockout (minutes)",
        "login_preferences.auth_methods.password.passwordSuspensionDuration",
        MINUTES,
    ),
    login_entry(
        "password",
        "password.mfa",
        "Require MFA",
        "login_preferences.auth_methods.password.requireMFA",
        Kind::Bool,
    ),
    method!("totp"),
    login_entry(
        "totp",
        "totp.algorithm",
        "Algorithm",
        "login_preferences.auth_methods.totp.algorithm",
        Kind::Choice(ALGORITHMS),
    ),
    login_entry(
        "totp",
        "totp.digits",
        "Digits",
        "login_preferences.auth_methods.totp.digits",
        Kind::IntChoice(&[6, 8]),
    ),
    login_entry(
        "totp",
        "totp.period",
        "Period (seconds)",
        "login_preferences.auth_methods.totp.period",
        Kind::Int { min: 15, max: 120 },
    ),
    login_entry(
        "totp",
        "totp.window",
        "Accepted steps either side",
        "login_preferences.auth_methods.totp.window",
        Kind::Int { min: 0, max: 5 },
    ),
    login_entry(
        "totp",
        "totp.issuer",
        "Issuer shown in the app",
        "login_preferences.auth_methods.totp.issuer",
        Kind::Text {
            max: 64,
            required: true,
        },
    ),
    login_entry(
        "totp",
        "totp.failures",
        "Failures before lockout",
        "login_preferences.auth_methods.totp.maxFailures",
        FAILURES,
    ),
    login_entry(
        "totp",
        "totp.lockout",
        "Lockout (minutes)",
        "login_preferences.auth_methods.totp.lockoutDuration",
        MINUTES,
    ),
    entry(
        "subdomain",
        "Subdomain",
        "subdomain",
        Kind::Subdomain,
        Section::Domains,
    ),
    Field {
        key: "custom_domain",
        label: "Custom domain",
        read: "custom_domain.domain",
        write: "custom_domain",
        kind: Kind::Domain,
        section: Section::Domains,
        group: None,
    },
    entry(
        "invite_minutes",
        "Invitation emails expire after (minutes)",
        "invite_member_email_expiration_minutes",
        Kind::Int {
            min: 5,
            max: 43_200,
        },
        Section::Domains,
    ),
];

/// The toggle field of auth method `group`.
pub fn toggle_key(group: &str) -> String {
    format!("{group}.on")
}

/// Where an auth method's object lives.
pub fn method_path(group: &str) -> String {
    format!("{AM}.{group}")
}

pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}
