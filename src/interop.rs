//! Conversions to and from the `http` crate's types (feature `http`): a
//! decoded head becomes an `http::Request<()>` or `http::Response<()>`,
//! and an `http` head gives the encoders their start line and fields,
//! borrowed.
//!
//! The `http` types own their parts, so a conversion to them copies the
//! method, target, names and values once (and `http` lowercases field
//! names). The way back borrows: nothing is copied until the encoder
//! writes the head.

use crate::{Field, Head, RequestLine, StartLine, StatusLine, Version};

/// Why a head could not become an `http` type.
#[derive(Debug)]
#[non_exhaustive]
pub enum HttpConversionError {
    /// The head is a request where a response was asked for, or the other
    /// way round.
    WrongKind,
    /// `http` refused a part (it is stricter in places: the strict
    /// profile refuses whitespace and control bytes in a target, where
    /// `http::Uri` also refuses `<`, `>` and a backquote).
    Http(http::Error),
    /// The request's target holds a fragment (`#...`), which `http::Uri`
    /// would drop.
    Fragment,
    /// An OPTIONS request whose absolute-form target has no path
    /// (`OPTIONS http://a.example`): it asks about the server, as
    /// `OPTIONS *` does (RFC 9112 section 3.2.4), where `http::Uri` would
    /// read the path as `/`, a question about one resource.
    OptionsWithoutPath,
}

impl core::fmt::Display for HttpConversionError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            HttpConversionError::WrongKind => f.write_str("a request is not a response"),
            HttpConversionError::Http(e) => write!(f, "http: {e}"),
            HttpConversionError::Fragment => f.write_str("a fragment in the target"),
            HttpConversionError::OptionsWithoutPath => {
                f.write_str("an OPTIONS target with no path, which http::Uri reads as /")
            }
        }
    }
}

impl std::error::Error for HttpConversionError {}

impl From<http::Error> for HttpConversionError {
    fn from(e: http::Error) -> Self {
        HttpConversionError::Http(e)
    }
}

fn http_version(version: Version) -> http::Version {
    match version {
        Version::Http10 => http::Version::HTTP_10,
        Version::Http11 => http::Version::HTTP_11,
    }
}

impl Head<'_, '_> {
    /// The head of a request, as an `http::Request<()>`: method, target
    /// (as its `Uri`), version, and every field in order (repeated names
    /// kept; a folded value, which a decoder with
    /// [`Lenient::obs_fold`](crate::Lenient::obs_fold) lets through, as
    /// its pieces joined by one SP, RFC 9112 section 5.2). The body stays
    /// with the decoder. A fragment (`#...`), which the decoder lets
    /// through in a target, is refused: `http::Uri` has no place for it,
    /// and dropping it would change the request unseen. So is an OPTIONS
    /// whose absolute-form target has no path, which asks about the
    /// server as `*` does and which `http::Uri` would make a question
    /// about `/`.
    ///
    /// ```
    /// use h1wire::{Config, Decoder, Field, HeadStatus};
    ///
    /// let mut decoder = Decoder::server(Config::default());
    /// let mut fields = [Field::EMPTY; 16];
    /// let input = b"GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nAccept: text/html\r\n\r\n";
    /// let Ok(HeadStatus::Complete(head)) = decoder.decode_head(input, &mut fields) else { panic!() };
    /// let request = head.to_http_request().unwrap();
    /// assert_eq!(request.method(), http::Method::GET);
    /// assert_eq!(request.uri().query(), Some("b=c"));
    /// assert_eq!(request.headers().get_all("accept").iter().count(), 2);
    /// ```
    pub fn to_http_request(&self) -> Result<http::Request<()>, HttpConversionError> {
        let StartLine::Request(line) = self.start else {
            return Err(HttpConversionError::WrongKind);
        };
        if line.target.contains(&b'#') {
            return Err(HttpConversionError::Fragment);
        }
        if line.method == b"OPTIONS" && absolute_without_path(line.target) {
            return Err(HttpConversionError::OptionsWithoutPath);
        }
        let mut builder = http::Request::builder()
            .method(http::Method::from_bytes(line.method).map_err(http::Error::from)?)
            .uri(http::Uri::try_from(line.target).map_err(http::Error::from)?)
            .version(http_version(line.version));
        for field in self.fields {
            builder = builder.header(field.name, &*unfolded(field));
        }
        Ok(builder.body(())?)
    }

    /// The head of a response, as an `http::Response<()>`: status,
    /// version, and every field in order (a folded value, which responses
    /// may carry, as its pieces joined by one SP, RFC 9112 section 5.2).
    /// (`http` keeps no reason phrase: it has the status's canonical one.)
    pub fn to_http_response(&self) -> Result<http::Response<()>, HttpConversionError> {
        let StartLine::Response(line) = self.start else {
            return Err(HttpConversionError::WrongKind);
        };
        let mut builder = http::Response::builder()
            .status(line.status)
            .version(http_version(line.version));
        for field in self.fields {
            builder = builder.header(field.name, &*unfolded(field));
        }
        Ok(builder.body(())?)
    }
}

/// An absolute-form target (`scheme://authority...`) whose path is
/// empty: nothing, or a query, after its authority.
fn absolute_without_path(target: &[u8]) -> bool {
    // (An origin-form target has a path, whatever its query holds.)
    if target.starts_with(b"/") || target == b"*" {
        return false;
    }
    let Some(scheme_end) = target.windows(3).position(|w| w == b"://") else {
        return false;
    };
    let after_authority = target
        .get(scheme_end + 3..)
        .unwrap_or_default()
        .iter()
        .find(|&&b| b == b'/' || b == b'?');
    after_authority != Some(&b'/')
}

/// A field's value as `http` takes it: as it is, or, folded, its pieces
/// joined by one SP (an `http::HeaderValue` holds no line break).
fn unfolded<'a>(field: &Field<'a>) -> std::borrow::Cow<'a, [u8]> {
    if field.is_folded() {
        field
            .value_pieces()
            .collect::<std::vec::Vec<_>>()
            .join(&b' ')
            .into()
    } else {
        field.value.into()
    }
}

/// The fields of an `http` header map, borrowed, in the map's order (all
/// values of a name together), for the encoders' `&[Field]`:
/// `let fields: Vec<_> = h1wire::http_fields(parts.headers()).collect();`.
pub fn http_fields(headers: &http::HeaderMap) -> impl Iterator<Item = Field<'_>> {
    headers.iter().map(|(name, value)| Field {
        name: name.as_str().as_bytes(),
        value: value.as_bytes(),
    })
}

impl<'a> RequestLine<'a> {
    /// The request line of an `http` request, borrowed: the method, the
    /// URI's path and query as an origin-form target (`/` when it has
    /// none), or for CONNECT its authority (authority-form, RFC 9112
    /// section 3.2.3), the version. `None` for a version other than
    /// HTTP/1.0 and HTTP/1.1, for a CONNECT whose URI is not
    /// authority-form with a port (`a.example:443`), and for a URI with a
    /// query but no path (`http://a.example?x=1`):
    /// its origin-form target, `/?x=1` (RFC 9112 section 3.2.1), is no
    /// slice of the URI to borrow. (An absolute-form target is not kept
    /// whole by `http::Uri`: write it from your own string.)
    ///
    /// The URI's scheme and authority are not part of an origin-form
    /// target: where the request goes is then the Host field's to say
    /// (RFC 9112 section 3.2). [`http_fields`] gives the headers' own
    /// Host, even one that names another host than the URI; with none,
    /// the client encoder refuses the request
    /// ([`MissingHost`](crate::EncodeErrorKind::MissingHost)) until you
    /// add the URI's authority as Host.
    pub fn from_http(parts: &'a http::request::Parts) -> Option<Self> {
        let version = match parts.version {
            http::Version::HTTP_10 => Version::Http10,
            http::Version::HTTP_11 => Version::Http11,
            _ => return None,
        };
        let target = if parts.method == http::Method::CONNECT {
            // Authority-form only: `host:port`, nothing else.
            let authority = parts.uri.authority()?;
            if parts.uri.scheme().is_some()
                || parts.uri.path_and_query().is_some()
                || authority.port().is_none()
            {
                return None;
            }
            authority.as_str()
        } else {
            match parts.uri.path_and_query().map(|pq| pq.as_str()) {
                None | Some("") => "/",
                Some(target) if target.starts_with('/') || target == "*" => target,
                Some(_) => return None,
            }
        };
        Some(RequestLine {
            method: parts.method.as_str().as_bytes(),
            target: target.as_bytes(),
            version,
        })
    }
}

impl StatusLine<'static> {
    /// The status line of an `http` response: its status, the status's
    /// canonical reason (empty when it has none), its version. `None` for
    /// a version other than HTTP/1.0 and HTTP/1.1.
    pub fn from_http(parts: &http::response::Parts) -> Option<Self> {
        let version = match parts.version {
            http::Version::HTTP_10 => Version::Http10,
            http::Version::HTTP_11 => Version::Http11,
            _ => return None,
        };
        Some(StatusLine {
            version,
            status: parts.status.as_u16(),
            reason: parts.status.canonical_reason().unwrap_or("").as_bytes(),
        })
    }
}
