use super::*;

#[test]
fn reads_the_contract_uri() {
    let o = parse_otpauth(
        "otpauth://totp/AuthSec:ada%40acme.test?secret=JBSWY3DPEHPK3PXP&issuer=AuthSec&algorithm=SHA1&digits=6&period=30",
    )
    .unwrap();
    assert_eq!(o.issuer, "AuthSec");
    assert_eq!(o.account, "ada@acme.test");
    assert_eq!(o.secret, "JBSWY3DPEHPK3PXP");
    assert_eq!((o.algorithm.as_str(), o.digits, o.period), ("SHA1", 6, 30));
}

#[test]
fn defaults_and_refusals() {
    let o = parse_otpauth("otpauth://totp/bob@x.io?secret=jbswy3dp").unwrap();
    assert_eq!(
        (o.issuer.as_str(), o.account.as_str(), o.secret.expose()),
        ("", "bob@x.io", "JBSWY3DP")
    );
    assert_eq!((o.digits, o.period), (6, 30));
    assert!(parse_otpauth("otpauth://hotp/x?secret=AAAA").is_err());
    assert!(parse_otpauth("otpauth://totp/x?issuer=y").is_err());
    assert!(parse_otpauth("otpauth://totp/x?secret=not-base32!").is_err());
    assert!(parse_otpauth("otpauth://totp/x?secret=AAAA&digits=six").is_err());
}

#[test]
fn secrets_show_in_groups_of_four() {
    assert_eq!(group_secret("JBSWY3DPEHPK3PXP"), "JBSW Y3DP EHPK 3PXP");
    assert_eq!(group_secret("ABCDEF"), "ABCD EF");
    assert_eq!(group_secret(""), "");
    assert_eq!(group_secret("AB CD-EF"), "ABCD EF");
}

#[test]
fn backup_codes_file_numbers_each_code() {
    let codes: Vec<String> = (0..10).map(|i| format!("abcd-{i:04}")).collect();
    let t = backup_codes_text("AuthSec Console", "ada@acme.test", &codes);
    assert!(t.starts_with("AuthSec Console backup codes for ada@acme.test\r\n"));
    assert!(t.contains("\r\n 1. abcd-0000\r\n"));
    assert!(t.ends_with("10. abcd-0009\r\n"));
}

#[test]
fn the_setup_walks_its_steps() {
    let mut s = Setup::default();
    assert_eq!(s.step, Step::Begin);
    s.begun(Ok(()));
    assert_eq!((s.step.clone(), s.shown_step()), (Step::Scan, 1));
    s.scanned();
    assert_eq!((s.step.clone(), s.shown_step()), (Step::Verify, 2));
    assert_eq!(s.code_typed("12345"), None, "five digits wait");
    assert_eq!(
        s.code_typed("123 456").as_deref(),
        Some("123456"),
        "the sixth digit sends"
    );
    assert_eq!(s.code_typed("123456"), None, "never twice while in flight");
    assert!(!s.cancel(), "no cancelling while the code is checked");
    s.confirmed(Err((400, "invalid TOTP code".into())));
    assert_eq!(s.step, Step::Verify, "a wrong code stays on the step");
    assert!(s
        .error
        .as_deref()
        .unwrap()
        .starts_with("That code is not right"));
    assert_eq!(s.code_typed("654321").as_deref(), Some("654321"));
    s.confirmed(Ok(()));
    assert_eq!(s.step, Step::Codes);
    assert!(!s.cancel(), "the codes must be seen");
    s.acknowledged();
    assert_eq!(s.step, Step::Done);
}

#[test]
fn cancel_works_at_every_step_before_the_codes() {
    for steps in 0..3 {
        let mut s = Setup::default();
        if steps > 0 {
            s.begun(Ok(()));
        }
        if steps > 1 {
            s.scanned();
        }
        assert!(s.cancel(), "cancel after {steps} steps");
        assert_eq!(s.step, Step::Cancelled);
    }
}

#[test]
fn a_failed_begin_says_why_and_an_unfinishable_setup_stops() {
    let mut s = Setup::default();
    s.begun(Err("The server is busy.".into()));
    assert_eq!(
        (s.step.clone(), s.error.as_deref()),
        (Step::Begin, Some("The server is busy."))
    );
    s.begun(Ok(()));
    s.scanned();
    s.code_typed("111111");
    s.confirmed(Err((404, "client not found".into())));
    assert!(s.expired);
    assert_eq!(s.code_typed("222222"), None, "only Restart is offered");
}
