//! Shared building blocks of the publisher endpoints: a query/form builder that checks each value
//! before it is sent, typed decoding that keeps the object as sent (`raw`), multipart bodies, and the
//! macros that declare request records, list endpoints and page records.

use serde::de::DeserializeOwned;
#[cfg(not(target_arch = "wasm32"))]
use serde_json::value::RawValue;

use super::AdmitadContext;
use super::errors::decode;
use super::pagination::{Page, check_limit, decode_page};
use crate::driver::Exchange;
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;
use crate::validate;

/// Items that keep the object as sent.
pub(crate) trait WithRaw: DeserializeOwned + Default {
    fn set_raw(&mut self, raw: Json);
}

impl WithRaw for Json {
    fn set_raw(&mut self, raw: Json) {
        *self = raw;
    }
}

/// Implements [`WithRaw`] for records with a `raw` field.
macro_rules! with_raw {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::admitad::wire::WithRaw for $t {
            fn set_raw(&mut self, raw: $crate::json::Json) {
                self.raw = raw;
            }
        }
    )+};
}
pub(crate) use with_raw;

/// One object: the typed fields it has and the whole object in `raw`. A field of the wrong type reads as
/// its default and the others keep their values (Admitad's types are loose): when the object does not
/// decode as a whole, each field is tried on its own and the ones that fail are left out.
pub(crate) fn typed<T: WithRaw>(v: serde_json::Value) -> T {
    // One decode per type; the field-by-field fallback below is shared by every type.
    let decode = |value: &serde_json::Value| T::deserialize(value).ok();
    let mut item = decode(&v)
        .or_else(|| decode(&well_typed_fields(&v, &|alone| decode(alone).is_some())))
        .unwrap_or_default();
    item.set_raw(Json::new(v));
    item
}

/// [`typed`] for an object still in its text: decoded straight from the text (no tree), which is kept
/// as sent; only an object that does not decode as a whole is parsed into a tree for the
/// field-by-field fallback.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn typed_text<T: WithRaw>(text: Box<RawValue>) -> T {
    // From the text (already checked UTF-8): faster than from bytes.
    match serde_json::from_str::<T>(text.get()) {
        Ok(mut item) => {
            item.set_raw(Json::from_raw(text));
            item
        }
        Err(_) => {
            typed(serde_json::from_slice(text.get().as_bytes()).unwrap_or(serde_json::Value::Null))
        }
    }
}

/// The object's fields that decode on their own (`fits` tries one field alone); not an object: `null`.
fn well_typed_fields(
    v: &serde_json::Value,
    fits: &dyn Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let Some(object) = v.as_object() else {
        return serde_json::Value::Null;
    };
    object
        .iter()
        .filter(|(k, field)| {
            let alone = std::iter::once(((*k).clone(), (*field).clone())).collect();
            fits(&serde_json::Value::Object(alone))
        })
        .map(|(k, field)| (k.clone(), field.clone()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// A page (`results` + `_meta`, or a bare array) of typed items.
pub(crate) fn typed_page<T: WithRaw>(exchange: &Exchange, offset: u64) -> Result<Page<T>, Error> {
    #[cfg(not(target_arch = "wasm32"))]
    let (page, typed): (Page<Box<RawValue>>, _) = (decode_page(exchange, offset)?, typed_text);
    #[cfg(target_arch = "wasm32")]
    let (page, typed): (Page<serde_json::Value>, _) = (decode_page(exchange, offset)?, typed);
    Ok(Page {
        request_id: None,
        items: page.items.into_iter().map(typed).collect(),
        count: page.count,
        limit: page.limit,
        offset: page.offset,
    })
}

/// A page of plain values (strings).
pub(crate) fn plain_page<T: DeserializeOwned>(
    exchange: &Exchange,
    offset: u64,
) -> Result<Page<T>, Error> {
    decode_page(exchange, offset)
}

/// One typed object.
pub(crate) fn typed_one<T: WithRaw>(exchange: &Exchange, _offset: u64) -> Result<T, Error> {
    #[cfg(not(target_arch = "wasm32"))]
    return decode::<Box<RawValue>>(exchange).map(typed_text);
    #[cfg(target_arch = "wasm32")]
    return decode::<serde_json::Value>(exchange).map(typed);
}

/// A bare array of typed objects (also read inside `results`), as the operation's list record.
pub(crate) fn typed_vec<T: WithRaw, L: From<Vec<T>>>(
    exchange: &Exchange,
    offset: u64,
) -> Result<L, Error> {
    typed_page(exchange, offset).map(|p| p.items.into())
}

/// `{"0": {...}, "1": {...}}` — objects keyed by the index of the input they answer — in index order.
pub(crate) fn typed_indexed<T: WithRaw, L: From<Vec<T>>>(
    exchange: &Exchange,
    _offset: u64,
) -> Result<L, Error> {
    let body: serde_json::Map<String, serde_json::Value> = decode(exchange)?;
    let mut indexed: Vec<(usize, T)> = body
        .into_iter()
        .filter_map(|(k, v)| Some((k.parse().ok()?, typed(v))))
        .collect();
    indexed.sort_by_key(|(i, _)| *i);
    Ok(indexed
        .into_iter()
        .map(|(_, item)| item)
        .collect::<Vec<T>>()
        .into())
}

/// A bare array decoded as is, as the operation's list record.
pub(crate) fn plain_vec<T: DeserializeOwned, L: From<Vec<T>>>(
    exchange: &Exchange,
    _offset: u64,
) -> Result<L, Error> {
    decode::<Vec<T>>(exchange).map(Into::into)
}

/// The answer as sent.
pub(crate) fn plain_json(exchange: &Exchange, _offset: u64) -> Result<crate::JsonReply, Error> {
    decode::<serde_json::Value>(exchange).map(|v| crate::JsonReply {
        body: Json::new(v),
        request_id: None,
    })
}

/// A response decoded as is.
pub(crate) fn plain<T: DeserializeOwned>(exchange: &Exchange, _offset: u64) -> Result<T, Error> {
    decode(exchange)
}

/// The object as sent, or `null` for an empty 2xx body.
pub(crate) fn plain_or_null(exchange: &Exchange, offset: u64) -> Result<crate::JsonReply, Error> {
    if exchange.response.status < 300 && exchange.response.body.iter().all(u8::is_ascii_whitespace)
    {
        return Ok(crate::JsonReply::default());
    }
    plain_json(exchange, offset)
}

/// A repeated request value given as a list or as one value (`"website": 22` reads as `[22]`): callers
/// that used to pass one value keep working when a filter learns to repeat.
pub(crate) fn one_or_many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        Many(Vec<T>),
        One(T),
    }
    Ok(
        match <Option<OneOrMany<T>> as serde::Deserialize>::deserialize(d)? {
            None => Vec::new(),
            Some(OneOrMany::Many(v)) => v,
            Some(OneOrMany::One(x)) => vec![x],
        },
    )
}

/// Repeated text values given as a list or as one value, each a string or a number (read as its
/// digits): `"name"`, `["name", "-rating"]`, `[1, "gift"]`.
pub(crate) fn texts<'de, D>(d: D) -> Result<Vec<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::de::Error as _;
    let one = |v: serde_json::Value| match v {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        _ => Err(D::Error::custom("expected text or a number")),
    };
    match <serde_json::Value as serde::Deserialize>::deserialize(d)? {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::Array(items) => items.into_iter().map(one).collect(),
        other => one(other).map(|s| vec![s]),
    }
}

/// `dd.mm.yyyy HH:MM:SS` → comparable parts, or a typed error.
fn check_date_time(field: &str, value: &str) -> Result<(i32, u8, u8, u32), Error> {
    let bad = || {
        Error::invalid(
            field,
            format!("`{value}` is not in the form dd.mm.yyyy HH:MM:SS (e.g. 01.05.2012 13:00:00)"),
        )
    };
    let (date, clock) = value.split_once(' ').ok_or_else(bad)?;
    let (y, m, d) = check_dotted_date(field, date).map_err(|_| bad())?;
    let parts: Vec<u32> = clock
        .split(':')
        .map(|p| if p.len() == 2 { p.parse().ok() } else { None })
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    match parts.as_slice() {
        [h, mi, s] if *h < 24 && *mi < 60 && *s < 60 => Ok((y, m, d, h * 3600 + mi * 60 + s)),
        _ => Err(bad()),
    }
}

/// An id that must be given (ids start at 1), as a path segment.
pub(crate) fn id(field: &str, value: u64) -> Result<String, Error> {
    if value == 0 {
        return Err(Error::invalid(field, "give the id (a positive number)"));
    }
    Ok(value.to_string())
}

/// Query or form pairs, each checked as it is added.
#[derive(Debug, Default)]
pub(crate) struct Query(Vec<(std::borrow::Cow<'static, str>, String)>);

impl Query {
    /// A text value (no control characters; blank refused).
    pub(crate) fn text(&mut self, key: &'static str, value: &Option<String>) -> Result<(), Error> {
        if let Some(v) = value {
            validate::required(key, v)?;
            self.0.push((key.into(), v.clone()));
        }
        Ok(())
    }

    /// A text value that must be given.
    pub(crate) fn required(&mut self, key: &'static str, value: &str) -> Result<(), Error> {
        validate::required(key, value)?;
        self.0.push((key.into(), value.to_owned()));
        Ok(())
    }

    /// A text value of at most `max` characters.
    pub(crate) fn bounded(
        &mut self,
        key: &'static str,
        value: &Option<String>,
        max: usize,
    ) -> Result<(), Error> {
        if let Some(v) = value {
            if v.chars().count() > max {
                return Err(Error::invalid(key, format!("at most {max} characters")));
            }
        }
        self.text(key, value)
    }

    /// One of the documented values.
    pub(crate) fn one_of(
        &mut self,
        key: &'static str,
        value: &Option<String>,
        allowed: &[&str],
    ) -> Result<(), Error> {
        if let Some(v) = value {
            if !allowed.contains(&v.as_str()) {
                return Err(Error::invalid(
                    key,
                    format!("`{v}` is not one of: {}", allowed.join(", ")),
                ));
            }
        }
        self.text(key, value)
    }

    /// A number.
    pub(crate) fn num(&mut self, key: &'static str, value: Option<impl ToString>) {
        if let Some(v) = value {
            self.0.push((key.into(), v.to_string()));
        }
    }

    /// A repeated key (`campaign=1&campaign=2`).
    pub(crate) fn each(&mut self, key: &'static str, values: &[impl ToString]) {
        for v in values {
            self.0.push((key.into(), v.to_string()));
        }
    }

    /// Repeated text values.
    pub(crate) fn each_text(&mut self, key: &'static str, values: &[String]) -> Result<(), Error> {
        for v in values {
            self.required(key, v)?;
        }
        Ok(())
    }

    /// A comma list (`advcampaign_id=1,2`), of at most `max` ids.
    pub(crate) fn comma(
        &mut self,
        key: &'static str,
        values: &[u64],
        max: usize,
    ) -> Result<(), Error> {
        if values.len() > max {
            return Err(Error::invalid(key, format!("at most {max} ids")));
        }
        if !values.is_empty() {
            let list: Vec<String> = values.iter().map(u64::to_string).collect();
            self.0.push((key.into(), list.join(",")));
        }
        Ok(())
    }

    /// A flag sent as `1`/`0`.
    pub(crate) fn flag(&mut self, key: &'static str, value: Option<bool>) {
        if let Some(v) = value {
            self.0
                .push((key.into(), if v { "1" } else { "0" }.to_owned()));
        }
    }

    /// A flag sent as `true`/`false`.
    pub(crate) fn boolean(&mut self, key: &'static str, value: Option<bool>) {
        if let Some(v) = value {
            self.0.push((key.into(), v.to_string()));
        }
    }

    /// A `dd.mm.yyyy` date.
    pub(crate) fn date(&mut self, key: &'static str, value: &Option<String>) -> Result<(), Error> {
        if let Some(v) = value {
            check_dotted_date(key, v)?;
            self.0.push((key.into(), v.clone()));
        }
        Ok(())
    }

    /// A `dd.mm.yyyy` start and end (the end not before the start), under the given keys.
    pub(crate) fn date_range(
        &mut self,
        keys: (&'static str, &'static str),
        start: &Option<String>,
        end: &Option<String>,
    ) -> Result<(), Error> {
        let s = start.as_deref().map(|d| check_dotted_date(keys.0, d));
        let e = end.as_deref().map(|d| check_dotted_date(keys.1, d));
        if let (Some(s), Some(e)) = (s.transpose()?, e.transpose()?) {
            if e < s {
                return Err(Error::invalid(keys.1, "the end is before the start"));
            }
        }
        self.date(keys.0, start)?;
        self.date(keys.1, end)
    }

    /// A `dd.mm.yyyy HH:MM:SS` start and end (the end not before the start).
    pub(crate) fn date_time_range(
        &mut self,
        keys: (&'static str, &'static str),
        start: &Option<String>,
        end: &Option<String>,
    ) -> Result<(), Error> {
        let s = start.as_deref().map(|d| check_date_time(keys.0, d));
        let e = end.as_deref().map(|d| check_date_time(keys.1, d));
        if let (Some(s), Some(e)) = (s.transpose()?, e.transpose()?) {
            if e < s {
                return Err(Error::invalid(keys.1, "the end is before the start"));
            }
        }
        self.text(keys.0, start)?;
        self.text(keys.1, end)
    }

    /// `limit` (1..=500) and `offset`.
    pub(crate) fn page(&mut self, limit: Option<u32>, offset: Option<u64>) -> Result<(), Error> {
        check_limit(limit)?;
        self.num("limit", limit);
        self.num("offset", offset);
        Ok(())
    }

    /// A pair whose name is not known in advance (checked by the caller).
    pub(crate) fn named(&mut self, key: String, value: String) {
        self.0.push((key.into(), value));
    }

    /// The pairs, borrowed.
    pub(crate) fn pairs(&self) -> Vec<(&str, &str)> {
        self.0
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_str()))
            .collect()
    }

    /// The pairs as an `application/x-www-form-urlencoded` body.
    pub(crate) fn form(&self) -> Vec<u8> {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.pairs())
            .finish()
            .into_bytes()
    }
}

impl AdmitadContext<'_> {
    /// `GET path?query`.
    pub(crate) fn get(&self, path: &[&str], query: &Query) -> HttpRequest {
        self.request(Method::Get, path, &query.pairs())
    }

    /// `POST path` with a form body (no body when the form is empty).
    pub(crate) fn post_form(&self, path: &[&str], form: &Query) -> HttpRequest {
        let mut req = self.request(Method::Post, path, &[]);
        if !form.0.is_empty() {
            req.set_header("Content-Type", "application/x-www-form-urlencoded");
            req.body = form.form();
        }
        req
    }
}

/// A file to upload (a lost order's or an appeal's receipt).
#[derive(Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default)]
pub struct Attachment {
    /// The file name, e.g. `receipt.pdf`.
    pub file_name: String,
    /// The media type: `image/jpeg`, `image/png` or `application/pdf`.
    pub content_type: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attachment")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("bytes", &format_args!("{} bytes", self.bytes.len()))
            .finish()
    }
}

/// The largest receipt sent (Admitad documents none; 10 MiB keeps a request well under the body cap).
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

impl Attachment {
    /// Checks the receipt: a JPEG, PNG or PDF by media type, extension and leading bytes.
    pub(crate) fn check(&self, field: &str) -> Result<(), Error> {
        validate::required(field, &self.file_name)?;
        if self.file_name.contains(['"', '/', '\\']) {
            return Err(Error::invalid(
                field,
                "the file name must not contain quotes or slashes",
            ));
        }
        let ext = self
            .file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let magic_ok = match self.content_type.as_str() {
            "image/jpeg" => {
                matches!(ext.as_str(), "jpg" | "jpeg") && self.bytes.starts_with(&[0xFF, 0xD8])
            }
            "image/png" => ext == "png" && self.bytes.starts_with(b"\x89PNG"),
            "application/pdf" => ext == "pdf" && self.bytes.starts_with(b"%PDF"),
            other => {
                return Err(Error::invalid(
                    field,
                    format!(
                        "`{other}` is not accepted: send image/jpeg, image/png or application/pdf"
                    ),
                ));
            }
        };
        if !magic_ok {
            return Err(Error::invalid(
                field,
                "the file name's extension or the file's content does not match its media type",
            ));
        }
        if self.bytes.len() > MAX_ATTACHMENT_BYTES {
            return Err(Error::invalid(field, "larger than 10 MiB"));
        }
        Ok(())
    }
}

/// A `multipart/form-data` body: text fields, then files.
pub(crate) fn multipart(
    fields: &Query,
    files: &[(&str, &Attachment)],
) -> Result<(String, Vec<u8>), Error> {
    let boundary = format!("adkit-{}", crate::random::uuid_v4()?.replace('-', ""));
    let mut body = Vec::new();
    for (name, value) in fields.pairs() {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        body.extend_from_slice(
            format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(value.as_bytes());
        body.extend_from_slice(b"\r\n");
    }
    for (name, file) in files {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        body.extend_from_slice(
            format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                file.file_name, file.content_type
            )
            .as_bytes(),
        );
        body.extend_from_slice(&file.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    Ok((format!("multipart/form-data; boundary={boundary}"), body))
}

/// Declares a request record: `#[serde(default)]`, uniffi defaults for the fields that have one.
macro_rules! request_record {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty $(= $default:tt)?),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        #[serde(default)]
        pub struct $name {
            $(
                $(#[$fm])*
                $(#[cfg_attr(feature = "uniffi", uniffi(default = $default))])?
                pub $field: $ty,
            )*
        }
    };
}
pub(crate) use request_record;

/// Declares a response record: every field optional on the wire (`#[serde(default)]`).
macro_rules! response_record {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        #[serde(default)]
        pub struct $name {
            $(
                $(#[$fm])*
                pub $field: $ty,
            )*
        }
    };
}
pub(crate) use response_record;

/// Implements [`AdmitadEndpoint`] for a request: `build` fills a [`Query`] and returns the path and
/// how to send it; `parse` is one of the decoders above.
macro_rules! endpoint {
    ($t:ty => $out:ty, $parse:ident, $offset:expr, idempotent = $idem:expr, |$s:ident, $q:ident| $body:block) => {
        impl $crate::Endpoint for $t {
            type Api = $crate::admitad::AdmitadApi;
            type Output = $out;
            fn build(
                &self,
                ctx: &$crate::admitad::AdmitadContext<'_>,
            ) -> Result<$crate::http::HttpRequest, $crate::error::Error> {
                let $s = self;
                let mut query = $crate::admitad::wire::Query::default();
                let send: $crate::admitad::wire::Send = {
                    let $q = &mut query;
                    let _ = &$q;
                    $body
                };
                send.request(ctx, &query)
            }
            fn parse(
                &self,
                exchange: &$crate::driver::Exchange,
            ) -> Result<$out, $crate::error::Error> {
                let offset: u64 = {
                    let $s = self;
                    let _ = $s;
                    $offset
                };
                $crate::admitad::wire::$parse(exchange, offset)
            }
            fn policy(&self) -> $crate::driver::RequestPolicy {
                let $s = self;
                let _ = $s;
                $crate::driver::RequestPolicy {
                    idempotent: $idem,
                    follow_redirects: false,
                }
            }
        }
    };
}
pub(crate) use endpoint;

/// A list endpoint (GET, paginated, repeatable) and its [`Paginated`](super::Paginated) impl.
macro_rules! list_endpoint {
    ($t:ty => $item:ty, $parse:ident, |$s:ident, $q:ident| $body:block) => {
        $crate::admitad::wire::endpoint!($t => $crate::admitad::Page<$item>, $parse, $s.offset.unwrap_or(0), idempotent = true, |$s, $q| {
            let send: $crate::admitad::wire::Send = $body;
            // Paging last, after the filters, on every list.
            $q.page($s.limit, $s.offset)?;
            send
        });
        impl $crate::admitad::Paginated for $t {
            type Item = $item;
            fn at_offset(&self, offset: u64) -> Self {
                Self { offset: Some(offset), ..self.clone() }
            }
            fn offset(&self) -> u64 {
                self.offset.unwrap_or(0)
            }
        }
    };
}
pub(crate) use list_endpoint;

/// A list with nothing but paging at a fixed path: the request record and its endpoint.
macro_rules! paged_list {
    ($(#[$m:meta])* $name:ident => $item:ty, [$($seg:expr),+]) => {
        $crate::admitad::wire::request_record! {
            $(#[$m])*
            $name {
                /// `limit` (1..=500).
                limit: Option<u32> = None,
                /// `offset`.
                offset: Option<u64> = None,
            }
        }

        $crate::admitad::wire::list_endpoint!($name => $item, typed_page, |_s, _q| {
            $crate::admitad::wire::Send::Get($crate::admitad::wire::segs![$($seg),+])
        });
    };
}
pub(crate) use paged_list;

/// How a built request is sent.
pub(crate) enum Send {
    /// GET with the query.
    Get(Vec<String>),
    /// POST with the pairs as a form body.
    Form(Vec<String>),
    /// POST with a JSON body (already encoded, so struct fields keep their order).
    Json(Vec<String>, Vec<u8>),
    /// POST as `multipart/form-data` with the pairs and files.
    Multipart(Vec<String>, Vec<(&'static str, Attachment)>),
}

impl Send {
    pub(crate) fn request(self, ctx: &AdmitadContext<'_>, q: &Query) -> Result<HttpRequest, Error> {
        Ok(match self {
            Send::Get(p) => ctx.get(&strs(&p), q),
            Send::Form(p) => ctx.post_form(&strs(&p), q),
            Send::Json(p, v) => {
                let mut req = ctx.request(Method::Post, &strs(&p), &q.pairs());
                req.set_header("Content-Type", "application/json");
                req.body = v;
                req
            }
            Send::Multipart(p, files) => {
                let refs: Vec<(&str, &Attachment)> = files.iter().map(|(k, f)| (*k, f)).collect();
                let (content_type, body) = multipart(q, &refs)?;
                let mut req = ctx.request(Method::Post, &strs(&p), &[]);
                req.set_header("Content-Type", content_type);
                req.body = body;
                req
            }
        })
    }
}

fn strs(p: &[String]) -> Vec<&str> {
    p.iter().map(String::as_str).collect()
}

/// Path segments from string-likes: `segs!["retag", id]`.
macro_rules! segs {
    ($($seg:expr),* $(,)?) => { vec![$($seg.to_string()),*] };
}
pub(crate) use segs;

/// Implements the page records for surfaces without generics.
macro_rules! concrete_page {
    ($($(#[$m:meta])* $name:ident($item:ty)),+ $(,)?) => {$(
        $(#[$m])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct $name {
            /// The items.
            pub items: Vec<$item>,
            /// `_meta.count`.
            pub count: u64,
            /// `_meta.limit`.
            pub limit: u32,
            /// `_meta.offset`.
            pub offset: u64,
            /// The vendor's request id of the response, when it sent one.
            #[serde(default)]
            pub request_id: Option<String>,
        }

        impl From<$crate::admitad::Page<$item>> for $name {
            fn from(p: $crate::admitad::Page<$item>) -> Self {
                $name { items: p.items, count: p.count, limit: p.limit, offset: p.offset, request_id: p.request_id }
            }
        }
    )+};
}
pub(crate) use concrete_page;

/// `dd.mm.yyyy` → (y, m, d), or a typed error.
pub(crate) fn check_dotted_date(field: &str, value: &str) -> Result<(i32, u8, u8), Error> {
    let bad = || {
        Error::invalid(
            field,
            format!("`{value}` is not a date in the form dd.mm.yyyy (e.g. 01.05.2012)"),
        )
    };
    let b = value.as_bytes();
    if b.len() != 10 || b[2] != b'.' || b[5] != b'.' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| value.get(r)?.parse::<u32>().ok();
    let (d, m, y) = (
        num(0..2).ok_or_else(bad)?,
        num(3..5).ok_or_else(bad)?,
        num(6..10).ok_or_else(bad)?,
    );
    let month = time::Month::try_from(m as u8).map_err(|_| bad())?;
    time::Date::from_calendar_date(y as i32, month, d as u8).map_err(|_| bad())?;
    Ok((y as i32, m as u8, d as u8))
}
