use super::*;
use crate::pages::users::import::report::{Outcome, Report};

fn parse(text: &str) -> Parser {
    Parser::parse_all(text.as_bytes().to_vec()).expect("parses")
}

#[test]
fn reads_quoted_fields_bom_and_crlf() {
    let text = "\u{feff}Email,First name,Last name\r\n\
                ada@acme.test,\"Ada, Countess\",\"Love\"\"lace\"\r\n\
                \"bob@acme.test\",\"Two\nLines\",B\r\n";
    let p = parse(text);
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.rows[0].user.email, "ada@acme.test");
    assert_eq!(p.rows[0].user.first_name, "Ada, Countess");
    assert_eq!(p.rows[0].user.last_name, "Love\"lace");
    assert_eq!(p.rows[1].user.first_name, "Two\nLines");
    assert!(p.rows.iter().all(Row::is_valid));
    assert_eq!(p.rows[0].line, 2);
    assert_eq!(p.rows[1].line, 3);
    let p = parse("email\n\n\"x\ny\"@z.io\nlast@z.io\n");
    assert_eq!(
        p.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        vec![3, 5]
    );
}

#[test]
fn skips_empty_rows_and_flags_repeats() {
    let text = "email,password\n\na@x.io,\n,,\nA@X.io,\nb@x.io,Abcdefghi1\n";
    let p = parse(text);
    assert_eq!(p.empty, 1);
    assert_eq!(p.rows.len(), 3);
    assert!(p.rows[0].is_valid());
    assert_eq!(
        p.rows[1].problems,
        vec!["Same email as line 3.".to_string()]
    );
    assert_eq!(
        p.rows[2].user.password.as_ref().map(Secret::expose),
        Some("Abcdefghi1")
    );
    assert_eq!(p.rows[0].user.password, None);
}

#[test]
fn marks_each_problem_of_a_bad_row() {
    let long = "n".repeat(300);
    let text = format!("email,first_name,password\nnot-an-email,{long},short\n");
    let p = parse(&text);
    let probs = &p.rows[0].problems;
    assert_eq!(probs.len(), 3, "{probs:?}");
    assert!(probs[0].starts_with("Email:"));
    assert!(probs[1].starts_with("First name:"));
    assert!(probs[2].starts_with("Password:"));
}

#[test]
fn a_file_without_an_email_column_is_refused_whole() {
    let e = Parser::parse_all(b"name,phone\nAda,123\n".to_vec())
        .err()
        .unwrap();
    assert!(e.contains("email column"), "{e}");
    assert_eq!(
        Parser::parse_all(Vec::new()).err().unwrap(),
        "The file is empty."
    );
    let e = Parser::parse_all(vec![b'e', b'm', b'a', b'i', b'l', b'\n', 0xff, 0xfe]).err();
    assert!(e.unwrap().contains("not valid CSV"));
}

#[test]
fn reads_in_slices_with_the_same_result() {
    let mut text = String::from("email\n");
    for i in 0..2_345 {
        text.push_str(&format!("user{i}@acme.test\n"));
    }
    let mut p = Parser::new(text.clone().into_bytes());
    let mut steps = 0;
    while !p.step(500).unwrap() {
        steps += 1;
    }
    assert_eq!(steps, 4);
    assert_eq!(p.read, p.size);
    assert_eq!(p.rows, parse(&text).rows);
}

#[test]
fn chunks_hold_at_most_a_thousand_good_rows() {
    let mut text = String::from("email\n");
    for i in 0..2_500 {
        if i % 250 == 0 {
            text.push_str("bad-row\n");
        }
        text.push_str(&format!("u{i}@acme.test\n"));
    }
    let p = parse(&text);
    assert_eq!(p.rows.len(), 2_510);
    let c = chunks(&p.rows);
    assert_eq!(
        c.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![1000, 1000, 500]
    );
    assert!(c.iter().flatten().all(|i| p.rows[*i].is_valid()));
    assert!(chunks(&[]).is_empty());
}

#[test]
fn the_report_counts_every_row_and_exports_csv() {
    let p = parse("email\na@x.io\nb@x.io\nbad\nc@x.io\nd@x.io\n");
    let mut r = Report::new(&p.rows);
    let c = chunks(&p.rows);
    assert_eq!(c, vec![vec![0, 1, 3, 4]]);
    r.apply(
        &[0, 1],
        &Ok(crate::api::users::BatchResult {
            success_created_count: 1,
            fail_create_emails: vec![],
            duplicate_emails: vec!["B@x.io".into()],
        }),
    );
    r.apply(&[3], &Err(crate::api::ApiError::network()));
    let n = r.counts();
    assert_eq!(
        (n.created, n.duplicate, n.invalid, n.failed, n.not_sent),
        (1, 1, 1, 1, 1)
    );
    assert_eq!(r.retryable(), vec![3, 4]);
    assert_eq!(r.lines[2].2.label(), "invalid");
    let csv = r.to_csv();
    assert!(csv.starts_with("line,email,result,detail\r\n2,a@x.io,created,\r\n"));
    assert!(csv.contains("3,b@x.io,duplicate,A user with this email already exists."));
    assert!(matches!(r.lines[3].2, Outcome::Failed(_)));
}
