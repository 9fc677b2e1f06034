//! The CSV import's pure core: read the file in slices (so a 10,000-row file
//! never freezes the page), check each row before anything is sent, cut the
//! good rows into batches of at most 1,000, and build the per-row report.

use crate::api::users::BatchUser;
use crate::secret::Secret;
use crate::validate;
use std::collections::HashMap;
use std::io::Cursor;

/// The server's largest batch (§3 "batch create").
pub const CHUNK: usize = 1000;
/// Refuse files beyond this many rows: the preview must stay usable.
pub const MAX_ROWS: usize = 50_000;

/// Where each known column sits in the file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Header {
    email: usize,
    first: Option<usize>,
    last: Option<usize>,
    password: Option<usize>,
}

/// Reads the header row; column names are matched loosely
/// (`Email`, `e-mail`, `First name`, `given_name`, `surname`…).
pub fn header(fields: &[&str]) -> Result<Header, String> {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let find = |names: &[&str]| fields.iter().position(|f| names.contains(&key(f).as_str()));
    let email = find(&["email", "emailaddress", "mail"]).ok_or_else(|| {
        "The first row must name the columns, with an email column \
         (for example: email,first_name,last_name,password)."
            .to_string()
    })?;
    Ok(Header {
        email,
        first: find(&["firstname", "first", "givenname", "forename"]),
        last: find(&["lastname", "last", "surname", "familyname"]),
        password: find(&["password"]),
    })
}

/// One data row: where it was in the file, what it would send, and what is
/// wrong with it (empty when it can be sent).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub line: u64,
    pub user: BatchUser,
    pub problems: Vec<String>,
}

impl Row {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks one row against the server's rules; `seen` maps each email met so
/// far (lower-cased) to its line, to flag repeats within the file.
pub fn check(line: u64, user: BatchUser, seen: &mut HashMap<String, u64>) -> Row {
    let mut problems = Vec::new();
    if let Some(m) = validate::email(&user.email) {
        problems.push(format!("Email: {m}"));
    } else {
        match seen.get(&user.email.to_lowercase()) {
            Some(first) => problems.push(format!("Same email as line {first}.")),
            None => {
                seen.insert(user.email.to_lowercase(), line);
            }
        }
    }
    for (what, v) in [
        ("First name", &user.first_name),
        ("Last name", &user.last_name),
    ] {
        if let Some(m) = validate::name(v) {
            problems.push(format!("{what}: {m}"));
        }
    }
    if let Some(m) = user
        .password
        .as_ref()
        .map(Secret::expose)
        .and_then(validate::password)
    {
        problems.push(format!("Password: {m}"));
    }
    Row {
        line,
        user,
        problems,
    }
}

/// Reads a CSV file a slice at a time.
pub struct Parser {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    record: csv::StringRecord,
    header: Option<Header>,
    seen: HashMap<String, u64>,
    pub rows: Vec<Row>,
    /// Rows of only empty fields skipped (wholly blank lines are not rows).
    pub empty: u64,
    /// Bytes read so far (for a progress bar).
    pub read: u64,
    pub size: u64,
    counted_to: usize,
    newlines: u64,
}

impl Parser {
    pub fn new(mut bytes: Vec<u8>) -> Parser {
        if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            bytes.drain(..3);
        }
        let size = bytes.len() as u64;
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(Cursor::new(bytes));
        Parser {
            reader,
            record: csv::StringRecord::new(),
            header: None,
            seen: HashMap::new(),
            rows: Vec::new(),
            empty: 0,
            read: 0,
            size,
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The file line (1-based) where the record just read starts. The
    /// reader's own line count skips blank lines, so count newlines up to
    /// the record's first byte instead (incrementally: O(file) in all).
    fn line_of_record(&mut self) -> u64 {
        let bytes = self.reader.get_ref().get_ref();
        let mut at = self.record.position().map_or(0, |p| p.byte() as usize);
        while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        let from = self.counted_to.min(at);
        self.newlines += bytes[from..at].iter().filter(|b| **b == b'\n').count() as u64;
        self.counted_to = at;
        self.newlines + 1
    }

    /// Reads up to `max` records; `Ok(true)` once the file is done.
    pub fn step(&mut self, max: usize) -> Result<bool, String> {
        for _ in 0..max {
            let more = self.reader.read_record(&mut self.record).map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                format!("Line {line} could not be read: the file is not valid CSV text (UTF-8).")
            })?;
            self.read = self.reader.position().byte();
            let line = self.line_of_record();
            if !more {
                return if self.header.is_none() {
                    Err("The file is empty.".into())
                } else {
                    Ok(true)
                };
            }
            let fields: Vec<&str> = self.record.iter().map(str::trim).collect();
            let Some(h) = self.header else {
                self.header = Some(header(&fields)?);
                continue;
            };
            if fields.iter().all(|f| f.is_empty()) {
                self.empty += 1;
                continue;
            }
            if self.rows.len() >= MAX_ROWS {
                return Err(format!(
                    "The file has more than {MAX_ROWS} rows; split it into smaller files."
                ));
            }
            let get = |i: Option<usize>| i.and_then(|i| fields.get(i)).map(|s| s.to_string());
            let user = BatchUser {
                email: get(Some(h.email)).unwrap_or_default(),
                first_name: get(h.first).unwrap_or_default(),
                last_name: get(h.last).unwrap_or_default(),
                password: get(h.password).filter(|p| !p.is_empty()).map(Secret::from),
            };
            let row = check(line, user, &mut self.seen);
            self.rows.push(row);
        }
        Ok(false)
    }

    /// Reads the whole file at once (tests and small files).
    pub fn parse_all(bytes: Vec<u8>) -> Result<Parser, String> {
        let mut p = Parser::new(bytes);
        while !p.step(usize::MAX)? {}
        Ok(p)
    }
}

/// The rows to send, in batches of at most [`CHUNK`], skipping bad rows.
pub fn chunks(rows: &[Row]) -> Vec<Vec<usize>> {
    let good: Vec<usize> = (0..rows.len()).filter(|i| rows[*i].is_valid()).collect();
    good.chunks(CHUNK).map(<[usize]>::to_vec).collect()
}

#[cfg(test)]
mod tests;
