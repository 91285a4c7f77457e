//! [`WebUrl`]: the strict subset of absolute URLs adkit talks to — `http`/`https`, an ASCII host
//! (name, IPv4 or bracketed IPv6), an optional port, a path and a query.
//!
//! Why not the `url` crate: it carries a WHATWG parser and IDNA that together cost the npm package
//! about 12 KB gzipped (8% of its budget), while adkit only ever needs vendor base URLs, endpoint paths
//! and `Location` headers. Encoding stays with the rust-url project's `percent-encoding` and
//! `form_urlencoded` crates. The parser is deliberately strict: anything outside the subset (user
//! info, backslashes, whitespace, non-ASCII hosts, other schemes) is refused rather than interpreted,
//! so no odd spelling can make two origins look equal.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

/// Characters escaped in a path segment (RFC 3986 `pchar` complement, plus `/`, `?`, `#`, `%`).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|');

/// An absolute `http` or `https` URL in the subset described in the module docs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebUrl {
    https: bool,
    host: String,
    port: Option<u16>,
    path: String,
    query: Option<String>,
}

/// The (scheme, host, port) triple two URLs must share to be the same origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    https: bool,
    host: String,
    port: u16,
}

impl WebUrl {
    /// Parses an absolute URL. A fragment is dropped; everything outside the subset is an error.
    pub fn parse(input: &str) -> Result<WebUrl, String> {
        check_chars(input)?;
        let (scheme, rest) = input
            .split_once("://")
            .ok_or("not an absolute URL (expected scheme://host/...)")?;
        let https = if scheme.eq_ignore_ascii_case("https") {
            true
        } else if scheme.eq_ignore_ascii_case("http") {
            false
        } else {
            return Err(format!("unsupported scheme `{scheme}`"));
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let (host, port) = parse_authority(authority)?;
        let mut url = WebUrl {
            https,
            host,
            port,
            path: "/".into(),
            query: None,
        };
        url.set_path_and_query(tail, "/");
        Ok(url)
    }

    /// Resolves a reference (a `Location` header) against this URL: absolute, scheme-relative
    /// (`//host/p`), absolute-path (`/p`), query-only (`?q`) or relative-path (`p`) forms.
    pub fn join(&self, reference: &str) -> Result<WebUrl, String> {
        check_chars(reference)?;
        let has_scheme = reference.split_once(':').is_some_and(|(s, _)| {
            !s.is_empty()
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
                && !s.contains('/')
        });
        if has_scheme {
            return WebUrl::parse(reference);
        }
        if let Some(rest) = reference.strip_prefix("//") {
            return WebUrl::parse(&format!(
                "{}://{rest}",
                if self.https { "https" } else { "http" }
            ));
        }
        let mut url = self.clone();
        if reference.is_empty() || reference.starts_with('#') {
            return Ok(url);
        }
        if reference.starts_with('?') {
            let query = reference.split('#').next().unwrap_or_default();
            url.query = Some(query[1..].to_owned());
            return Ok(url);
        }
        let directory = &self.path[..self.path.rfind('/').map_or(0, |i| i + 1)];
        url.set_path_and_query(reference, directory);
        Ok(url)
    }

    /// Whether the scheme is `https`.
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// Whether the host is loopback (`localhost`, `127.0.0.0/8`, `::1`).
    pub fn is_loopback(&self) -> bool {
        if self.host.eq_ignore_ascii_case("localhost") {
            return true;
        }
        if let Ok(ip) = self.host.parse::<Ipv4Addr>() {
            return ip.is_loopback();
        }
        self.host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .and_then(|h| h.parse::<Ipv6Addr>().ok())
            .is_some_and(|ip| ip.is_loopback())
    }

    /// The origin (default ports filled in).
    pub fn origin(&self) -> Origin {
        Origin {
            https: self.https,
            host: self.host.clone(),
            port: self.port.unwrap_or(if self.https { 443 } else { 80 }),
        }
    }

    /// The path (always starting with `/`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query without `?`.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// Makes the path end with `/`, so endpoint paths go under it.
    pub fn ensure_trailing_slash(&mut self) {
        if !self.path.ends_with('/') {
            self.path.push('/');
        }
    }

    /// A URL under this one (which should end in `/`): `segments` percent-encoded one by one, then
    /// `query` form-encoded.
    pub fn endpoint(&self, segments: &[&str], query: &[(&str, &str)]) -> WebUrl {
        let mut url = self.clone();
        let mut path = url.path.trim_end_matches('/').to_owned();
        for segment in segments {
            path.push('/');
            path.extend(utf8_percent_encode(segment, SEGMENT));
        }
        if path.is_empty() {
            path.push('/');
        }
        url.path = path;
        url.query = (!query.is_empty()).then(|| {
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(query)
                .finish()
        });
        url
    }

    fn set_path_and_query(&mut self, tail: &str, directory: &str) {
        let tail = tail.split('#').next().unwrap_or_default();
        let (path, query) = match tail.split_once('?') {
            Some((p, q)) => (p, Some(q.to_owned())),
            None => (tail, None),
        };
        let joined = if path.starts_with('/') {
            path.to_owned()
        } else {
            format!("{directory}{path}")
        };
        self.path = remove_dot_segments(&joined);
        self.query = query;
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}://{}",
            if self.https { "https" } else { "http" },
            self.host
        )?;
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        f.write_str(&self.path)?;
        if let Some(q) = &self.query {
            write!(f, "?{q}")?;
        }
        Ok(())
    }
}

fn check_chars(input: &str) -> Result<(), String> {
    // What RFC 3986 never allows unencoded (and the `http` crate refuses): controls, space, non-ASCII,
    // and `"`, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`.
    if input
        .bytes()
        .any(|b| b <= b' ' || b == 0x7f || !b.is_ascii() || b"\"<>\\^`{|}".contains(&b))
    {
        return Err("URLs must be ASCII without spaces, control characters or any of \" < > \\ ^ ` { | } (percent-encode them)".into());
    }
    Ok(())
}

fn parse_authority(authority: &str) -> Result<(String, Option<u16>), String> {
    if authority.contains('@') {
        return Err("URLs must not carry user info".into());
    }
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let close = rest.find(']').ok_or("unclosed IPv6 address")?;
        let ip = &rest[..close];
        ip.parse::<Ipv6Addr>()
            .map_err(|_| format!("invalid IPv6 address `{ip}`"))?;
        let after = &rest[close + 1..];
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return Err("unexpected text after the IPv6 address".into()),
        };
        (format!("[{}]", ip.to_ascii_lowercase()), port)
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h.to_ascii_lowercase(), Some(p)),
            None => (authority.to_ascii_lowercase(), None),
        }
    };
    let name_ok = host.starts_with('[')
        || (!host.is_empty()
            && host.len() <= 253
            && host.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            }));
    if !name_ok {
        return Err(format!("invalid host `{host}`"));
    }
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => Some(
            p.parse::<u16>()
                .map_err(|_| format!("invalid port `{p}`"))?,
        ),
        Some(p) => return Err(format!("invalid port `{p}`")),
    };
    Ok((host, port))
}

/// RFC 3986 §5.2.4, on a path starting with `/`.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.strip_prefix('/').unwrap_or(path).split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> WebUrl {
        WebUrl::parse(s).unwrap()
    }

    #[test]
    fn parses_the_subset() {
        let u = p("HTTPS://Settings.Adjust.com/api/?a=1#frag");
        assert_eq!(u.to_string(), "https://settings.adjust.com/api/?a=1");
        assert_eq!(
            p("http://127.0.0.1:8080").to_string(),
            "http://127.0.0.1:8080/"
        );
        assert_eq!(p("http://[::1]:9/x").to_string(), "http://[::1]:9/x");
        assert_eq!(p("https://x.test/a/./b/../c").path(), "/a/c");
        for bad in [
            "settings.adjust.com/api",
            "ftp://x/",
            "https://user:pw@x.com/",
            "https://evil.com\\@settings.adjust.com/",
            "https://exa mple.com/",
            "https://bücher.de/",
            "https://x.com:99999/",
            "https://x.com:/",
            "https:///path",
            "https://[::1/",
            "https://a..b/",
            "javascript:alert(1)",
        ] {
            assert!(WebUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn loopback_and_origin() {
        assert!(p("http://localhost:1/").is_loopback());
        assert!(p("http://127.1.2.3/").is_loopback());
        assert!(p("http://[::1]/").is_loopback());
        assert!(!p("http://127.0.0.1.nip.io/").is_loopback());
        assert!(!p("http://10.0.0.1/").is_loopback());
        assert_eq!(
            p("https://a.com/x").origin(),
            p("https://A.com:443/y?z").origin()
        );
        assert_ne!(p("https://a.com/").origin(), p("http://a.com/").origin());
        assert_ne!(
            p("https://a.com/").origin(),
            p("https://a.com:8443/").origin()
        );
        assert_ne!(
            p("https://a.com/").origin(),
            p("https://a.com.evil.test/").origin()
        );
    }

    #[test]
    fn joins_references() {
        let base = p("https://s.adjust.com/api/app?store_id=x");
        assert_eq!(
            base.join("/api/app/abc").unwrap().to_string(),
            "https://s.adjust.com/api/app/abc"
        );
        assert_eq!(
            base.join("app/abc").unwrap().to_string(),
            "https://s.adjust.com/api/app/abc"
        );
        assert_eq!(
            base.join("../x").unwrap().to_string(),
            "https://s.adjust.com/x"
        );
        assert_eq!(
            base.join("?q=1").unwrap().to_string(),
            "https://s.adjust.com/api/app?q=1"
        );
        assert_eq!(
            base.join("//other.test/p").unwrap().to_string(),
            "https://other.test/p"
        );
        assert_eq!(
            base.join("http://127.0.0.1:5/c").unwrap().to_string(),
            "http://127.0.0.1:5/c"
        );
        assert!(base.join("ftp://x/").is_err());
        assert!(base.join("/a b").is_err());
    }

    #[test]
    fn builds_endpoints() {
        let mut base = p("https://s.adjust.com/api");
        base.ensure_trailing_slash();
        assert_eq!(
            base.endpoint(&["app", "a b/c"], &[]).to_string(),
            "https://s.adjust.com/api/app/a%20b%2Fc"
        );
        assert_eq!(
            base.endpoint(&["app"], &[("store_id", "a b&c"), ("platform", "ios")])
                .to_string(),
            "https://s.adjust.com/api/app?store_id=a+b%26c&platform=ios"
        );
        assert_eq!(
            p("http://127.0.0.1:1/").endpoint(&[], &[]).to_string(),
            "http://127.0.0.1:1/"
        );
    }
}

#[cfg(test)]
mod fuzz {
    use super::WebUrl;

    /// Arbitrary strings and references never panic the parser or the resolver.
    #[test]
    fn never_panics() {
        let alphabet: &[u8] = b"hts:/p?#@[]:.-%0123456789azAZ\\ \x7f\xc3\xa9";
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let base = WebUrl::parse("https://a.test/x/y?z").unwrap();
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            let mut bytes = Vec::with_capacity(len + 8);
            if state % 3 == 0 {
                bytes.extend_from_slice(b"https://");
            }
            let mut s = state;
            for _ in 0..len {
                s = s.rotate_left(7) ^ 0x5851_F42D_4C95_7F2D;
                bytes.push(alphabet[(s % alphabet.len() as u64) as usize]);
            }
            let text = String::from_utf8_lossy(&bytes);
            if let Ok(u) = WebUrl::parse(&text) {
                // What parses re-parses to itself.
                assert_eq!(WebUrl::parse(&u.to_string()).as_ref(), Ok(&u), "{text}");
            }
            let _ = base.join(&text);
        }
    }
}
