//! JSON exports: JSON Lines (one record a line, read as a stream, a line over the limit skipped
//! to its end) and whole JSON files (one record as news-please writes per article, an array of
//! records, or an API answer holding one: `{"articles": […]}`). Which fields mean what is
//! `fields`' business.

use crate::budget::Budget;
use crate::fields::{self, Picked};
use crate::lines::{self, Line};
use crate::{Entry, Item, Source, size};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::io::{BufRead, Cursor};
use std::rc::Rc;

/// The records of a JSON Lines stream.
pub struct Lines<'a> {
    name: String,
    reader: Box<dyn BufRead + 'a>,
    budget: Rc<Budget>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<'a> Lines<'a> {
    pub fn new(name: &str, reader: Box<dyn BufRead + 'a>, budget: &Rc<Budget>) -> Lines<'a> {
        Lines {
            name: name.to_string(),
            reader,
            budget: Rc::clone(budget),
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl Source for Lines<'_> {
    fn next(&mut self) -> Option<Item> {
        while !self.done {
            self.line += 1;
            let at = format!("{}:{}", self.name, self.line);
            let max = self.budget.limits.max_line_bytes;
            match lines::read_line(&mut *self.reader, max, &mut self.buf) {
                Ok(Line::End) => self.done = true,
                Ok(Line::TooLong(n)) => {
                    return Some(Item::Entry(Entry::Skipped {
                        name: at,
                        reason: format!(
                            "the line is {}; lines over {} are not read",
                            size(n),
                            size(max)
                        ),
                    }));
                }
                Ok(Line::Text) => {
                    let line = trim(&self.buf);
                    if line.is_empty() {
                        continue;
                    }
                    return Some(Item::Entry(match serde_json::from_slice::<Value>(line) {
                        Ok(value) => entry(at, value),
                        Err(e) => Entry::Skipped {
                            name: at,
                            reason: format!("the line is not JSON ({e})"),
                        },
                    }));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Item::Entry(Entry::Skipped {
                        name: at,
                        reason: lines::reason(&e),
                    }));
                }
            }
        }
        None
    }

    fn name(&self) -> &str {
        &self.name
    }
}

fn trim(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace());
    match (start, end) {
        (Some(s), Some(e)) => &bytes[s..=e],
        _ => &[],
    }
}

/// A whole JSON file: its records, or JSON Lines when it is several values one after another.
pub fn whole<'a>(name: &str, bytes: Cow<'a, [u8]>, budget: &Rc<Budget>) -> Box<dyn Source + 'a> {
    match serde_json::from_slice::<Value>(trim(&bytes)) {
        Ok(value) => Box::new(Values::new(name, value)),
        Err(e) if e.is_syntax() && e.line() > 1 && first_line_is_object(&bytes) => {
            Box::new(Lines::new(name, Box::new(Cursor::new(bytes)), budget))
        }
        Err(e) => Box::new(crate::Single::entry(
            name,
            Entry::Skipped {
                name: name.to_string(),
                reason: format!("not readable JSON ({e})"),
            },
        )),
    }
}

fn first_line_is_object(bytes: &[u8]) -> bool {
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    matches!(
        serde_json::from_slice::<Value>(trim(line)),
        Ok(Value::Object(_))
    )
}

/// The records of one JSON value.
struct Values {
    name: String,
    /// One object read as the record, named as the file.
    single: Option<Value>,
    list: std::vec::IntoIter<Value>,
    index: usize,
}

impl Values {
    fn new(name: &str, value: Value) -> Values {
        let mut values = Values {
            name: name.to_string(),
            single: None,
            list: Vec::new().into_iter(),
            index: 0,
        };
        match value {
            Value::Array(list) => values.list = list.into_iter(),
            Value::Object(map) if !has_page(&map) => match records_inside(map) {
                Ok(list) => values.list = list.into_iter(),
                Err(map) => values.single = Some(Value::Object(map)),
            },
            other => values.single = Some(other),
        }
        values
    }
}

impl Source for Values {
    fn next(&mut self) -> Option<Item> {
        if let Some(value) = self.single.take() {
            return Some(Item::Entry(entry(self.name.clone(), value)));
        }
        let value = self.list.next()?;
        self.index += 1;
        Some(Item::Entry(entry(
            format!("{}#{}", self.name, self.index),
            value,
        )))
    }

    fn name(&self) -> &str {
        &self.name
    }
}

/// Whether an object has a field that can hold a page.
fn has_page(map: &Map<String, Value>) -> bool {
    map.iter().any(|(k, v)| {
        v.as_str().is_some_and(|s| !s.trim().is_empty())
            && fields::roles(k).iter().any(|(role, _)| {
                matches!(
                    role,
                    fields::Role::Html | fields::Role::Text | fields::Role::Content
                )
            })
    })
}

/// The list of records an API answer holds (`{"status": "ok", "articles": […]}`): its first
/// field that is a list of objects.
fn records_inside(map: Map<String, Value>) -> Result<Vec<Value>, Map<String, Value>> {
    let key = map.iter().find_map(|(k, v)| match v {
        Value::Array(list) if list.first().is_some_and(Value::is_object) => Some(k.clone()),
        _ => None,
    });
    match key {
        Some(key) => {
            let mut map = map;
            match map.remove(&key) {
                Some(Value::Array(list)) => Ok(list),
                _ => Err(map),
            }
        }
        None => Err(map),
    }
}

/// One JSON value as a record, or why it is none.
fn entry(name: String, value: Value) -> Entry {
    let Value::Object(map) = value else {
        return Entry::Skipped {
            name,
            reason: format!(
                "{} is not a record (an object with fields such as url, title and text)",
                describe(&value)
            ),
        };
    };
    let mut picked = Picked::new();
    pick(&mut picked, &map, true);
    fields::build(name, picked)
}

/// Offers an object's fields; one level into `metadata`, `meta` and `source` objects, and an
/// outlet as an object's `name` (`"source": {"name": "…"}`, `"publisher": {"name": "…"}`).
fn pick(picked: &mut Picked<Vec<u8>>, map: &Map<String, Value>, top: bool) {
    let mut inner_maps = Vec::new();
    for (key, value) in map {
        match value {
            Value::String(s) => fields::offer(picked, key, s.as_bytes()),
            Value::Number(n) => fields::offer(picked, key, n.to_string().as_bytes()),
            Value::Object(inner) => {
                let name = inner
                    .get("name")
                    .or_else(|| inner.get("title"))
                    .and_then(Value::as_str);
                if let Some(name) = name
                    && fields::roles(key)
                        .iter()
                        .any(|(role, _)| *role == fields::Role::Outlet)
                {
                    fields::offer(picked, "outlet", name.as_bytes());
                }
                if top && matches!(fields::normalise(key).as_str(), "metadata" | "meta") {
                    inner_maps.push(inner);
                }
            }
            Value::Array(list) => {
                // A list of strings stands for its first (`"title": ["…"]` from some crawlers).
                if let Some(Value::String(s)) = list.first() {
                    fields::offer(picked, key, s.as_bytes());
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }
    // What the record says itself outranks what its metadata object says.
    let mut from_inner = Picked::new();
    for inner in inner_maps {
        pick(&mut from_inner, inner, false);
    }
    picked.fill_from(from_inner);
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
