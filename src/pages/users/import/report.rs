//! What became of each row of an import, counted and downloadable as CSV.

use super::model::Row;
use crate::api::users::BatchResult;
use crate::api::ApiError;
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Created,
    /// A user with this email already exists.
    Duplicate,
    /// The server refused the row, or its batch failed.
    Failed(String),
    /// Not sent: the row has problems.
    Invalid(String),
    /// Not sent: the import was cancelled first.
    NotSent,
}

impl Outcome {
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Created => "created",
            Outcome::Duplicate => "duplicate",
            Outcome::Failed(_) => "failed",
            Outcome::Invalid(_) => "invalid",
            Outcome::NotSent => "not sent",
        }
    }
    pub fn detail(&self) -> &str {
        match self {
            Outcome::Created => "",
            Outcome::Duplicate => "A user with this email already exists.",
            Outcome::Failed(m) | Outcome::Invalid(m) => m,
            Outcome::NotSent => "The import was cancelled before this row was sent.",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub created: usize,
    pub duplicate: usize,
    pub failed: usize,
    pub invalid: usize,
    pub not_sent: usize,
}

/// One line of the report per data row, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub lines: Vec<(u64, String, Outcome)>,
}

impl Report {
    /// Starts with every row either invalid or not (yet) sent.
    pub fn new(rows: &[Row]) -> Report {
        let lines = rows
            .iter()
            .map(|r| {
                let o = if r.is_valid() {
                    Outcome::NotSent
                } else {
                    Outcome::Invalid(r.problems.join(" "))
                };
                (r.line, r.user.email.clone(), o)
            })
            .collect();
        Report { lines }
    }

    /// Records a batch's answer for the rows at `idx`.
    pub fn apply(&mut self, idx: &[usize], result: &Result<BatchResult, ApiError>) {
        match result {
            Ok(r) => {
                let lower = |v: &[String]| -> HashSet<String> {
                    v.iter().map(|e| e.to_lowercase()).collect()
                };
                let (dup, failed) = (lower(&r.duplicate_emails), lower(&r.fail_create_emails));
                for &i in idx {
                    let e = self.lines[i].1.to_lowercase();
                    self.lines[i].2 = if dup.contains(&e) {
                        Outcome::Duplicate
                    } else if failed.contains(&e) {
                        Outcome::Failed("The server could not create this user.".into())
                    } else {
                        Outcome::Created
                    };
                }
            }
            Err(e) => {
                for &i in idx {
                    self.lines[i].2 = Outcome::Failed(format!("The batch failed: {}", e.message));
                }
            }
        }
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for (_, _, o) in &self.lines {
            match o {
                Outcome::Created => c.created += 1,
                Outcome::Duplicate => c.duplicate += 1,
                Outcome::Failed(_) => c.failed += 1,
                Outcome::Invalid(_) => c.invalid += 1,
                Outcome::NotSent => c.not_sent += 1,
            }
        }
        c
    }

    /// The rows worth sending again: failed ones (a retry is safe, since a
    /// row that did land comes back as a duplicate).
    pub fn retryable(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|i| matches!(self.lines[*i].2, Outcome::Failed(_) | Outcome::NotSent))
            .collect()
    }

    pub fn to_csv(&self) -> String {
        let mut out = crate::csv::row(&["line", "email", "result", "detail"]);
        for (line, email, o) in &self.lines {
            out.push_str(&crate::csv::row(&[
                line.to_string().as_str(),
                email,
                o.label(),
                o.detail(),
            ]));
        }
        out
    }
}
