//! The scope an API key needs for a route.

/// Maps a request to the scope it needs: reads need `:read`, everything else `:write`
/// (the lists AuthSec reads by POST, `…/list` and `getClients`, are reads).
pub fn required(method: &str, path: &str) -> &'static str {
    let read = method == "GET" || path.ends_with("/list") || path.ends_with("/getClients");
    let pick = |r: &'static str, w: &'static str| if read { r } else { w };
    if path.starts_with("/authsec/clientms/") {
        pick("clients:read", "clients:write")
    } else if path.starts_with("/authsec/apps") {
        pick("apps:read", "apps:write")
    } else if path.starts_with("/authsec/uflow/api-keys") {
        "api-keys:manage"
    } else if path.starts_with("/authsec/uflow/sessions")
        || path.starts_with("/authsec/uflow/admin/sessions")
    {
        pick("sessions:read", "sessions:write")
    } else if path.starts_with("/authsec/uflow/admin/") || path.starts_with("/authsec/uflow/user/")
    {
        pick("users:read", "users:write")
    } else {
        "mfa:self"
    }
}

#[cfg(test)]
mod tests {
    use super::required;

    #[test]
    fn maps_routes() {
        assert_eq!(
            required("GET", "/authsec/clientms/tenants/x/clients/getClients"),
            "clients:read"
        );
        assert_eq!(
            required("POST", "/authsec/clientms/tenants/x/clients/getClients"),
            "clients:read"
        );
        assert_eq!(
            required("POST", "/authsec/uflow/admin/enduser/list"),
            "users:read"
        );
        assert_eq!(
            required("POST", "/authsec/uflow/admin/invite"),
            "users:write"
        );
        assert_eq!(
            required("DELETE", "/authsec/uflow/admin/sessions/x"),
            "sessions:write"
        );
        assert_eq!(required("PUT", "/authsec/apps/x"), "apps:write");
    }
}
