//! The server role: decoding requests.

use super::{RoleFacts, StartLineRead};
use crate::body::MessageKind;
use crate::head::host::check_host;
use crate::head::line::LineEnd;
use crate::head::start_line::{fast_request_line, parse_request_line};
use crate::head::target::{check_target_form, form_fits};
use crate::syntax::Fault;
use crate::{ErrorKind, Event, RequestLine, Version};

pub(super) fn parse_start_line<'a>(
    line: &'a [u8],
    end: LineEnd,
    non_ascii_target: bool,
) -> Result<StartLineRead<'a>, Fault> {
    let parsed = parse_request_line(line, end, non_ascii_target)?;
    let request = parsed.line;
    check_form(&request)?;
    Ok(StartLineRead {
        event: Event::Request(request),
        kind: MessageKind::Request {
            version: request.version,
            connect: request.method == b"CONNECT",
        },
        non_ascii_at: parsed.non_ascii_at,
    })
}

#[inline]
pub(super) fn fast_start_line(bytes: &[u8], cap: usize) -> Option<(StartLineRead<'_>, usize)> {
    let (request, next) = fast_request_line(bytes, cap)?;
    // A target that does not fit: the general path says how.
    check_form(&request).ok()?;
    let start = StartLineRead {
        event: Event::Request(request),
        kind: MessageKind::Request {
            version: request.version,
            connect: request.method == b"CONNECT",
        },
        non_ascii_at: None,
    };
    Some((start, next))
}

/// RFC 9112 section 3.2: the target is one of the four forms, and its form
/// fits the method (CONNECT takes authority-form, and only CONNECT does).
/// Faults index into the request line.
#[inline]
fn check_form(request: &RequestLine<'_>) -> Result<(), Fault> {
    // Origin-form, nearly every request, fits every method but CONNECT.
    if request.target.first() == Some(&b'/') && request.method != b"CONNECT" {
        return Ok(());
    }
    check_other_form(request)
}

/// [`check_form`] for a target that is not origin-form, or a CONNECT.
#[inline(never)]
fn check_other_form(request: &RequestLine<'_>) -> Result<(), Fault> {
    let target_at = request.method.len() + 1;
    let form = check_target_form(request.target)
        .map_err(|at| Fault::new(ErrorKind::InvalidTarget, target_at + at))?;
    if !form_fits(request.method, form) {
        return Err(Fault::new(ErrorKind::TargetFormMismatch, target_at));
    }
    Ok(())
}

/// RFC 9112 section 3.2: "A server MUST respond with a 400 (Bad Request)
/// status code to any HTTP/1.1 request message that lacks a Host header
/// field and to any request message that contains more than one Host header
/// field line or a Host header field with an invalid field value."
#[inline(never)]
pub(crate) fn host_field(
    facts: &mut RoleFacts,
    value: &[u8],
    value_at: usize,
) -> Result<(), Fault> {
    if facts.host_seen {
        return Err(Fault::new(ErrorKind::DuplicateHost, 0));
    }
    facts.host_seen = true;
    check_host(value).map_err(|i| Fault::new(ErrorKind::InvalidHost, value_at + i))
}

pub(crate) fn end_of_head(facts: &RoleFacts, kind: MessageKind) -> Result<(), ErrorKind> {
    let http11 = matches!(
        kind,
        MessageKind::Request {
            version: Version::Http11,
            ..
        }
    );
    if http11 && !facts.host_seen {
        return Err(ErrorKind::MissingHost);
    }
    Ok(())
}
