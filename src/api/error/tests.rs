use super::*;

#[test]
fn authsec_shape_with_field_details() {
    let e = decode_error(
        400,
        r#"{"error":"Validation failed","details":{"name":"name is required","redirect_uris":"must be https"}}"#,
        None,
    );
    assert_eq!(e.status, 400);
    assert_eq!(e.message, "Validation failed");
    assert_eq!(e.field("name"), Some("name is required"));
    assert_eq!(e.field("redirect_uris"), Some("must be https"));
}

#[test]
fn authsec_shape_plain() {
    let e = decode_error(
        404,
        r#"{"error":"Client not found","request_id":"r1","code":"NOT_FOUND"}"#,
        None,
    );
    assert_eq!(e.message, "Client not found");
    assert!(e.fields.is_empty());
    assert!(e.is_missing_feature());
}

#[test]
fn authsec_string_details_are_appended() {
    let e = decode_error(
        400,
        r#"{"error":"Bad request","details":"email is malformed"}"#,
        None,
    );
    assert_eq!(e.message, "Bad request: email is malformed");
}

#[test]
fn management_apps_shape() {
    let e = decode_error(
        400,
        r#"{"message":"App name is required","error_code":400}"#,
        None,
    );
    assert_eq!(e.message, "App name is required");
}

#[test]
fn fastapi_string_detail() {
    let e = decode_error(403, r#"{"detail":"Not enough permissions"}"#, None);
    assert_eq!(e.message, "Not enough permissions");
}

#[test]
fn fastapi_validation_list() {
    let e = decode_error(
        422,
        r#"{"detail":[{"loc":["body","name"],"msg":"field required","type":"value_error.missing"},
                      {"loc":["body","scopes",0],"msg":"unknown scope","type":"value_error"},
                      {"loc":["body"],"msg":"bad body","type":"x"}]}"#,
        None,
    );
    assert_eq!(e.field("name"), Some("field required"));
    assert_eq!(e.field("scopes"), Some("unknown scope"));
    assert_eq!(e.fields.len(), 2);
    assert_eq!(e.message, "Some fields need attention.");
}

#[test]
fn unreadable_bodies_fall_back_to_a_sentence() {
    let e = decode_error(502, "<html>Bad gateway</html>", None);
    assert_eq!(
        e.message,
        "The server had a problem. Try again in a moment."
    );
    let e = decode_error(429, "", Some(3));
    assert_eq!(e.retry_after, Some(3));
    assert!(e.message.contains("Too many requests"));
    let e = decode_error(401, r#"{"error":"  "}"#, None);
    assert!(e.message.contains("Sign in again"));
}

#[test]
fn retry_after_parses_seconds_only() {
    assert_eq!(parse_retry_after(Some(" 7 ")), Some(7));
    assert_eq!(
        parse_retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT")),
        None
    );
    assert_eq!(parse_retry_after(None), None);
}

#[test]
fn local_errors_read_clearly() {
    assert!(ApiError::timeout().to_string().contains("did not answer"));
    assert_eq!(ApiError::network().status, 0);
    assert!(!ApiError::timeout().is_missing_feature());
}

#[test]
fn gin_binding_texts_become_field_messages() {
    let e = decode_error(
        400,
        r#"{"error":"Key: 'LoginInput.Password' Error:Field validation for 'Password' failed on the 'min' tag"}"#,
        None,
    );
    assert_eq!(e.message, "Some fields need attention.");
    assert_eq!(e.field("password"), Some("This is too short."));
    let e = decode_error(
        400,
        r#"{"error":"Invalid request payload: Key: 'toggleAdminUserActiveRequest.TenantID' Error:Field validation for 'TenantID' failed on the 'required' tag\nKey: 'toggleAdminUserActiveRequest.MFAVerified' Error:Field validation for 'MFAVerified' failed on the 'required' tag"}"#,
        None,
    );
    assert_eq!(e.field("tenant_id"), Some("This field is required."));
    assert_eq!(e.field("mfa_verified"), Some("This field is required."));
    let e = decode_error(
        400,
        r#"{"error":"Key: 'RegisterClientsRequest.Email' Error:Field validation for 'Email' failed on the 'email' tag"}"#,
        None,
    );
    assert_eq!(
        e.field("email"),
        Some("Enter an email address like name@example.com.")
    );
}

#[test]
fn the_global_rate_limit_says_how_long() {
    let e = decode_error(
        429,
        r#"{"error":"Rate limit exceeded","limit":100,"message":"Too many requests. Maximum 100 requests per 1m0s allowed. Please try again later.","window":"1m0s"}"#,
        None,
    );
    assert!(e.message.starts_with("Too many requests. Maximum 100"));
}

#[test]
fn an_oauth_style_code_reads_as_its_status() {
    let body = r#"{"error":"insufficient_scope","error_description":"token is valid but lacks required permissions"}"#;
    let e = decode_error(403, body, None);
    assert_eq!(e.message, "You do not have permission to do this.");
}
