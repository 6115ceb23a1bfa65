//! A head to write: checked and measured in one pass over its parts, then
//! written in a second. Nothing reaches the output unless the whole head is
//! valid and fits.

use super::sink::Sink;
use super::{Answering, Body, EncodeError, EncodeErrorKind as Kind, EncoderOptions};
use crate::body::facts::{FramingFacts, LineAt, TransferCodings, NO_LINE};
use crate::body::{decide, fixed_by_start_line, FramingError, MessageKind};
use crate::conn::options::{
    asks_continue, framing_option_at, is_connection, is_option_field, is_te, te_lists_chunked,
    HeadOptions,
};
use crate::head::field::{classify, KnownField};
use crate::head::target::{authority_host, check_target_form, form_fits, userinfo};
use crate::role::{server, RoleFacts};
use crate::syntax::chars::{
    all_tchar, find_line_stop, find_target_stop, is_whitespace, no_controls, token_len,
};
use crate::syntax::number::Decimal;
use crate::syntax::Fault;
use crate::{ErrorKind, Field, Framing, MethodKind, RequestLine, StatusLine, TargetForm, Version};

/// The start line of the head to write.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Start<'a> {
    Request(&'a RequestLine<'a>),
    Response(&'a StatusLine<'a>, Answering),
}

/// A framing field the encoder adds after the caller's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Added {
    Nothing,
    ContentLength(u64),
    Chunked,
}

/// A head that was checked: what it frames, and how long it is.
#[derive(Clone, Copy, Debug)]
pub(super) struct Plan {
    pub framing: Framing,
    pub len: usize,
    added: Added,
    /// A whole field line the connection adds after the caller's fields
    /// (`Connection: close`, say); empty for none.
    extra: &'static [u8],
    /// The caller's fields go out as `name:value`
    /// ([`EncoderOptions::tight_fields`]).
    tight: bool,
}

const CONTENT_LENGTH: &[u8] = b"Content-Length: ";
const CHUNKED: &[u8] = b"Transfer-Encoding: chunked\r\n";

/// Check every part of a head and decide its framing; measure it.
/// (Inlined into the encoder's one caller, so that the start line goes
/// in and the plan comes out in registers, not through memory written in
/// pieces and read back whole, which stalls.)
#[inline(always)]
pub(super) fn plan(
    start: Start<'_>,
    fields: &[Field<'_>],
    body: Body,
    options: EncoderOptions,
    extra: impl FnOnce(Framing, &HeadOptions) -> &'static [u8],
) -> Result<Plan, EncodeError> {
    let (kind, start_len) = match start {
        Start::Request(line) => (check_request_line(line, options)?, request_line_len(line)),
        Start::Response(line, answering) => {
            (check_status_line(line, answering)?, status_line_len(line))
        }
    };
    let mut facts = FramingFacts::default();
    let mut hosts = RoleFacts::default();
    // Connection options, Upgrade, TE and Expect.
    let mut hop = HeadOptions::default();
    // The start line's CRLF and the empty line that ends the head. (In
    // u64: on a 32-bit target, fields borrowing one large value several
    // times could add up past `usize::MAX`.)
    let mut len = start_len + 2 + 2;
    for (index, field) in fields.iter().enumerate() {
        let fault = |kind: Kind| EncodeError::new(kind).in_field(index);
        if !field_is_clean(field) {
            field_fault(field).map_err(|e| e.in_field(index))?;
        }
        len += wide(field.name.len()) + wide(field.value.len()) + 4;
        let shared = |f: Fault| fault(Kind::from_shared(f.kind)).at_byte(f.at);
        match classify(field.name) {
            KnownField::Other => {}
            // A response that switches protocols frames nothing: its
            // framing fields are not read (RFC 9110 section 9.3.6), so they
            // are refused, or passed on untouched by a relay.
            known @ (KnownField::ContentLength | KnownField::TransferEncoding)
                if kind.ignores_framing_fields() =>
            {
                if !options.ignored_framing_fields {
                    return Err(fault(Kind::FramingFieldNotAllowed));
                }
                // Passed on as the decoder reads them, unread, an HTTP/1.0
                // response's too (a client ignores them, RFC 9110 section
                // 9.3.6: what a strict decoder accepted writes back); but
                // a server never sends a transfer coding to an HTTP/1.0
                // client (RFC 9112 section 6.1), whatever the options.
                if let (KnownField::TransferEncoding, Start::Response(_, answering)) =
                    (known, start)
                {
                    if answering.version == Version::Http10 {
                        return Err(fault(Kind::TransferEncodingToHttp10));
                    }
                }
            }
            KnownField::ContentLength => {
                facts
                    .content_length(field.value, field_at(index), false)
                    .map_err(shared)?;
                // A CONNECT that states a length closes the connection if
                // refused, on the client's side as on the server's.
                if let MessageKind::Request { connect: true, .. } = kind {
                    hop.observe(field);
                }
            }
            KnownField::TransferEncoding => {
                let empty_element = facts
                    .transfer_encoding(field.value, field_at(index), kind.codings())
                    .map_err(shared)?;
                if let (Some(at), false) = (empty_element, options.empty_list_elements) {
                    return Err(fault(Kind::InvalidTransferEncoding).at_byte(at));
                }
            }
            // The decoder's own Host rules, for the side that reads requests.
            KnownField::Host if matches!(start, Start::Request(_)) => {
                server::host_field(&mut hosts, field.value, 0).map_err(|f| match f.kind {
                    ErrorKind::DuplicateHost => fault(Kind::DuplicateHost),
                    kind => shared(Fault::new(kind, f.at)),
                })?;
                if let Start::Request(line) = start {
                    host_is_authority(line, field.value, options).map_err(|e| e.in_field(index))?;
                }
            }
            KnownField::Host => {}
        }
        // Connection, Upgrade, TE and Expect.
        if is_option_field(field.name) {
            hop.observe(field);
        }
    }
    if let Start::Request(_) = start {
        server::end_of_head(&hosts, kind).map_err(|k| EncodeError::new(Kind::from_shared(k)))?;
    }
    // What the fields alone say, through the decoder's own framing rules.
    let stated = decide(kind, &facts).map_err(|e| framing_error(e, fields.len()))?;
    let added = choose_added(kind, start, &facts, stated, body, fields.len())?;
    match added {
        Added::Nothing => {}
        Added::ContentLength(n) => {
            facts.set_length(n, field_at(fields.len()));
            len += wide(CONTENT_LENGTH.len() + Decimal::new(n).as_bytes().len() + 2);
        }
        Added::Chunked => {
            let at = field_at(fields.len());
            facts.transfer_encoding = Some(TransferCodings {
                first_at: at,
                last_at: at,
                chunked_seen: true,
                chunked_final: true,
            });
            len += wide(CHUNKED.len());
        }
    }
    // The framing of exactly what will be written.
    let framing = match added {
        Added::Nothing => stated,
        _ => decide(kind, &facts).map_err(|e| framing_error(e, fields.len()))?,
    };
    check_sender_rules(kind, start, &facts, framing, fields.len(), options)?;
    // (Most heads carry none of the fields it looks at.)
    let upgrade_status = matches!(
        kind,
        MessageKind::Response {
            status: 101 | 426,
            ..
        }
    );
    if hop.any_hop_field() || upgrade_status {
        check_hop_by_hop(kind, &hop, framing, fields, options)?;
    }
    // An HTTP/1.0 request's Host: what a server need not have (RFC 9112
    // section 3.2) but a user agent sends (RFC 9110 section 7.2). Checked
    // last, so that whatever else is wrong with the head is said first.
    if matches!(start, Start::Request(_)) && !hosts.host_seen && !options.http10_without_host {
        return Err(EncodeError::new(Kind::MissingHost));
    }
    // The connection's field, which may depend on the framing (a body
    // that runs to the end of the stream closes the connection) and on
    // what the fields say about the connection (read once, here).
    let extra = extra(framing, &hop);
    if options.tight_fields {
        // No SP after the caller's fields' colons.
        len -= wide(fields.len());
    }
    Ok(Plan {
        framing,
        // (Past `usize::MAX`: no buffer holds it.)
        len: usize::try_from(len + wide(extra.len())).unwrap_or(usize::MAX),
        added,
        extra,
        tight: options.tight_fields,
    })
}

/// Write a head [`plan`] accepted; `sink` has room for `plan.len` bytes.
pub(super) fn write(start: Start<'_>, fields: &[Field<'_>], plan: &Plan, sink: &mut impl Sink) {
    // (The field form chosen once for the whole head.)
    match plan.tight {
        false => write_as::<false>(start, fields, plan, sink),
        true => write_as::<true>(start, fields, plan, sink),
    }
}

fn write_as<const TIGHT: bool>(
    start: Start<'_>,
    fields: &[Field<'_>],
    plan: &Plan,
    sink: &mut impl Sink,
) {
    match start {
        Start::Request(line) => {
            sink.put(line.method);
            sink.put(b" ");
            sink.put(line.target);
            sink.put(b" ");
            sink.put(line.version.as_str().as_bytes());
            sink.put(b"\r\n");
        }
        Start::Response(line, _) => {
            let mut prefix = *b"HTTP/1.1 000 ";
            if line.version == Version::Http10 {
                prefix[7] = b'0';
            }
            let status = line.status;
            prefix[9] = b'0' + (status / 100 % 10) as u8;
            prefix[10] = b'0' + (status / 10 % 10) as u8;
            prefix[11] = b'0' + (status % 10) as u8;
            sink.put(&prefix);
            sink.put(line.reason);
            sink.put(b"\r\n");
        }
    }
    put_fields::<TIGHT>(fields, sink);
    if !plan.extra.is_empty() {
        sink.put(plan.extra);
    }
    match plan.added {
        Added::Nothing => {}
        Added::ContentLength(n) => {
            sink.put(CONTENT_LENGTH);
            sink.put(Decimal::new(n).as_bytes());
            sink.put(b"\r\n");
        }
        Added::Chunked => sink.put(CHUNKED),
    }
    sink.put(b"\r\n");
}

/// `name ": " value CRLF` (with `tight`, `name ":" value CRLF`) for each
/// field, in order: head fields and trailers alike.
pub(super) fn write_fields(fields: &[Field<'_>], tight: bool, sink: &mut impl Sink) {
    match tight {
        false => put_fields::<false>(fields, sink),
        true => put_fields::<true>(fields, sink),
    }
}

/// [`write_fields`] in one form.
fn put_fields<const TIGHT: bool>(fields: &[Field<'_>], sink: &mut impl Sink) {
    for field in fields {
        sink.put_field::<TIGHT>(field.name, field.value);
    }
}

/// A request's Host against its target: with an absolute-form target, the
/// Host must be the target's authority without userinfo, byte for byte
/// (RFC 9112 section 3.2), and a CONNECT's authority-form target is the
/// target URI's authority (section 3.3); the error is at the first byte
/// that differs, if one does.
fn host_is_authority(
    line: &RequestLine<'_>,
    host: &[u8],
    options: EncoderOptions,
) -> Result<(), EncodeError> {
    // (`check_request_line` saw that a CONNECT's target is authority-form:
    // `host:port`. RFC 9110's own example, section 9.3.6, answers
    // `CONNECT server.example.com:80` with `Host: server.example.com`: the
    // host without the port is the same authority.)
    let authority = if line.method == b"CONNECT" {
        let host_only = line
            .target
            .iter()
            .rposition(|&b| b == b':')
            .and_then(|colon| line.target.get(..colon));
        if host_only == Some(host) {
            return Ok(());
        }
        Some(line.target)
    } else {
        authority_host(line.target)
    };
    let Some(authority) = authority else {
        return Ok(());
    };
    if host == authority || options.host_other_than_authority {
        return Ok(());
    }
    let e = EncodeError::new(Kind::HostNotAuthority);
    // The first byte that differs, or the first byte past the authority;
    // a Host that stops short of it has no byte to blame.
    let differs = host.iter().zip(authority).position(|(a, b)| a != b);
    Err(match differs {
        Some(at) => e.at_byte(at),
        None if host.len() > authority.len() => e.at_byte(authority.len()),
        None => e,
    })
}

fn request_line_len(line: &RequestLine<'_>) -> u64 {
    wide(line.method.len()) + 1 + wide(line.target.len()) + 1 + 8
}

fn status_line_len(line: &StatusLine<'_>) -> u64 {
    8 + 1 + 3 + 1 + wide(line.reason.len())
}

/// A length for a sum that must not wrap: slices are at most
/// `isize::MAX` bytes, and a head holds fewer slices than that, so sums
/// of these fit a u64 on every target.
#[inline(always)]
pub(super) fn wide(len: usize) -> u64 {
    len as u64
}

fn check_request_line(
    line: &RequestLine<'_>,
    options: EncoderOptions,
) -> Result<MessageKind, EncodeError> {
    let method_len = token_len(line.method);
    if method_len == 0 || method_len < line.method.len() {
        return Err(EncodeError::new(Kind::InvalidMethod).at_byte(method_len));
    }
    if let Some(at) = find_target_stop(line.target, 0) {
        return Err(EncodeError::new(Kind::InvalidTarget).at_byte(at));
    }
    let form = check_target_form(line.target)
        .map_err(|at| EncodeError::new(Kind::InvalidTarget).at_byte(at))?;
    if !form_fits(line.method, form) {
        return Err(EncodeError::new(Kind::TargetFormMismatch));
    }
    if form == TargetForm::Absolute && !options.target_userinfo {
        if let Some(at) = userinfo(line.target) {
            return Err(EncodeError::new(Kind::TargetUserinfo).at_byte(at));
        }
    }
    if form == TargetForm::Origin && !options.target_fragment {
        if let Some(at) = memchr::memchr(b'#', line.target) {
            return Err(EncodeError::new(Kind::TargetFragment).at_byte(at));
        }
    }
    Ok(MessageKind::Request {
        version: line.version,
        connect: line.method == b"CONNECT",
    })
}

#[inline(always)]
fn check_status_line(
    line: &StatusLine<'_>,
    answering: Answering,
) -> Result<MessageKind, EncodeError> {
    if !(100..=999).contains(&line.status) {
        return Err(EncodeError::new(Kind::InvalidStatus));
    }
    // (Most reasons have no control byte at all: a SIMD pass clears
    // them; the exact scan allows HTAB and says where a line stop is.)
    if !no_controls(line.reason) {
        if let Some(at) = find_line_stop(line.reason, 0) {
            return Err(EncodeError::new(Kind::InvalidReason).at_byte(at));
        }
    }
    Ok(MessageKind::Response {
        version: line.version,
        status: line.status,
        method: answering.method,
    })
}

/// A field line as a strict decoder reads it back: the name a token, the
/// value `field-content` (RFC 9110 section 5.5), with no whitespace at
/// either end (the decoder would trim it) and no control byte but HTAB.
pub(super) fn check_field(field: &Field<'_>) -> Result<(), EncodeError> {
    if field_is_clean(field) {
        Ok(())
    } else {
        field_fault(field)
    }
}

/// The common case in one cheap pass over each part: a token name and a
/// value of visible bytes and inner spaces. False sends the field to
/// [`field_fault`] for the exact byte (or to clear a value with an HTAB).
#[inline(always)]
fn field_is_clean(field: &Field<'_>) -> bool {
    let value = field.value;
    // Only SP: an HTAB anywhere is a control byte to `no_controls`, which
    // sends the field to `field_fault` (which refuses one at an edge).
    let edges_clean = value.first() != Some(&b' ') && value.last() != Some(&b' ');
    !field.name.is_empty() && all_tchar(field.name) && edges_clean && no_controls(value)
}

/// Which byte of a field [`field_is_clean`] did not clear, if any.
#[cold]
fn field_fault(field: &Field<'_>) -> Result<(), EncodeError> {
    let name_len = token_len(field.name);
    if name_len == 0 || name_len < field.name.len() {
        return Err(EncodeError::new(Kind::InvalidFieldName).at_byte(name_len));
    }
    let value = field.value;
    let bad_value = |at| Err(EncodeError::new(Kind::InvalidFieldValue).at_byte(at));
    if let Some(at) = find_line_stop(value, 0) {
        return bad_value(at);
    }
    match (value.first(), value.last()) {
        (Some(&b), _) if is_whitespace(b) => bad_value(0),
        (_, Some(&b)) if is_whitespace(b) => bad_value(value.len() - 1),
        _ => Ok(()),
    }
}

/// The error for a framing rule that `decide` found broken by the field at
/// `error.at`: one of the caller's `count` fields, or the one the encoder
/// was about to add (no field of the caller's then).
fn framing_error(error: FramingError, count: usize) -> EncodeError {
    let e = EncodeError::new(Kind::from_shared(error.kind));
    match caller_field(error.at, count) {
        Some(index) => e.in_field(index),
        None => e,
    }
}

/// The index of field `at` if it is one of the caller's `count` fields.
fn caller_field(at: LineAt, count: usize) -> Option<usize> {
    usize::try_from(at).ok().filter(|&i| i < count)
}

/// Field `index` as the framing rules say where a line is, below
/// [`NO_LINE`]. (A head of that many fields would need 128 GiB of `Field`s
/// to describe.)
fn field_at(index: usize) -> LineAt {
    LineAt::try_from(index).map_or(NO_LINE - 1, |at| at.min(NO_LINE - 1))
}

/// The framing field to add, given what the fields say (`stated` is their
/// framing) and what the caller asked for: the caller's choice fills in what the fields leave
/// open and must agree with what they state.
#[inline(always)]
fn choose_added(
    kind: MessageKind,
    start: Start<'_>,
    facts: &FramingFacts,
    stated: Framing,
    body: Body,
    field_count: usize,
) -> Result<Added, EncodeError> {
    // The caller's fields say it all (whatever they say: the framing
    // rules checked them already), the common case when relaying a head.
    if let Body::AsFields = body {
        return Ok(Added::Nothing);
    }
    let stated_at = stated_at(facts);
    let conflict =
        || EncodeError::new(Kind::FramingConflict).in_field(stated_at.unwrap_or(field_count));
    let request = matches!(start, Start::Request(_));

    let peer_http11 = match start {
        Start::Request(line) => line.version == Version::Http11,
        Start::Response(line, answering) => {
            line.version == Version::Http11 && answering.version == Version::Http11
        }
    };

    // A message the start line frames has no body; a HEAD or 304 response
    // may still state the length the body would have had, and takes the
    // choices GET's would, agreeing with its fields as GET's must, so that
    // what answers GET answers HEAD. A chunked or unknown length is not
    // stated: RFC 9112 section 6.1 would let a Transfer-Encoding say it,
    // but a recipient that lost track of the HEAD would then read a
    // chunked body where none comes (hyper leaves it out too).
    if fixed_by_start_line(kind).is_some() {
        // What GET's answer would be, for a HEAD's or a 304.
        let as_get = match kind {
            MessageKind::Response {
                status,
                method,
                version,
            } if (method == MethodKind::Head || status == 304)
                && !framing_fields_forbidden(kind) =>
            {
                MessageKind::Response {
                    version,
                    status: 200,
                    method: MethodKind::Other,
                }
            }
            _ => {
                return match body {
                    Body::AsFields | Body::Empty => Ok(Added::Nothing),
                    _ => Err(EncodeError::new(Kind::BodyNotAllowed)),
                }
            }
        };
        // GET's answer: framed by the choice, or by the fields, which
        // must then agree with it (read as a response's: a
        // Transfer-Encoding over a Content-Length).
        let wanted = match body {
            Body::AsFields | Body::Empty => Framing::Length(0),
            Body::Length(n) => Framing::Length(n),
            Body::Chunked => Framing::Chunked,
            Body::Streamed if peer_http11 => Framing::Chunked,
            Body::Streamed | Body::UntilClose => Framing::Close,
        };
        if stated_at.is_some() {
            // The fields' framing as GET's answer: the decoder's reading.
            let as_stated = decide(as_get, facts).map_err(|e| framing_error(e, field_count))?;
            return if wanted == as_stated {
                Ok(Added::Nothing)
            } else {
                Err(conflict())
            };
        }
        return Ok(match body {
            Body::Length(n) => Added::ContentLength(n),
            _ => Added::Nothing,
        });
    }

    // What the caller's choice means here: `None` for "as the fields say".
    let wanted = match body {
        Body::AsFields => None,
        // RFC 9110 section 8.6: a user agent sends Content-Length when
        // the method gives content a meaning (servers may answer 411
        // without it): 0 for an empty POST, PUT or PATCH.
        Body::Empty if request => match start {
            Start::Request(line) if matches!(line.method, b"POST" | b"PUT" | b"PATCH") => {
                Some(Framing::Length(0))
            }
            _ => Some(Framing::None),
        },
        Body::Empty => Some(Framing::Length(0)),
        Body::Length(n) => Some(Framing::Length(n)),
        Body::Chunked => Some(Framing::Chunked),
        Body::Streamed if peer_http11 => Some(Framing::Chunked),
        Body::Streamed | Body::UntilClose if request => {
            return Err(EncodeError::new(Kind::UnframedRequestBody))
        }
        Body::Streamed | Body::UntilClose => Some(Framing::Close),
    };
    if stated_at.is_some() {
        // The fields frame the message: the choice, if any, must agree.
        // No body and an empty one read the same.
        let normal = |f: Framing| {
            if f == Framing::Length(0) {
                Framing::None
            } else {
                f
            }
        };
        return match wanted {
            Some(w) if normal(w) != normal(stated) => Err(conflict()),
            _ => Ok(Added::Nothing),
        };
    }
    Ok(match wanted {
        None | Some(Framing::None | Framing::Close | Framing::Upgrade) => Added::Nothing,
        Some(Framing::Length(n)) => Added::ContentLength(n),
        Some(Framing::Chunked) => Added::Chunked,
    })
}

/// Index of the first framing field the caller gave, if any.
fn stated_at(facts: &FramingFacts) -> Option<usize> {
    let cl = facts.content_length_line();
    let te = facts.transfer_encoding.map(|te| te.first_at);
    let first = match (cl, te) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    first.map(|at| usize::try_from(at).unwrap_or(usize::MAX))
}

/// What a head's fields ask of this hop, and what they must then carry:
/// Connection names no field meant for every recipient (RFC 9110
/// section 7.6.1); a 101 or 426 names the protocols (RFC 9110 sections 15.2.2, 15.5.22);
/// an Upgrade, or a request's TE, is listed in Connection (section 7.8,
/// RFC 9112 section 7.4); a request's TE does not list chunked (RFC 9112
/// section 7.4); a request expects 100 (Continue) only when it has
/// content to send (RFC 9110 section 10.1.1).
fn check_hop_by_hop(
    kind: MessageKind,
    hop: &HeadOptions,
    framing: Framing,
    fields: &[Field<'_>],
    options: EncoderOptions,
) -> Result<(), EncodeError> {
    let named = |kind: Kind, name: &[u8]| {
        let e = EncodeError::new(kind);
        match fields
            .iter()
            .position(|f| f.name.eq_ignore_ascii_case(name))
        {
            Some(index) => Err(e.in_field(index)),
            None => Err(e),
        }
    };
    if hop.framing_option() && !options.framing_connection_option {
        let listed = fields.iter().enumerate().find_map(|(index, field)| {
            let at = framing_option_at(field.value).filter(|_| is_connection(field.name))?;
            Some((index, at))
        });
        let e = EncodeError::new(Kind::FramingConnectionOption);
        return Err(match listed {
            Some((index, at)) => e.in_field(index).at_byte(at),
            None => e,
        });
    }
    if let MessageKind::Response {
        status: 101 | 426, ..
    } = kind
    {
        // An Upgrade that names nothing names no protocol to switch to.
        if !hop.upgrade_protocol() && !options.switch_without_upgrade {
            return Err(EncodeError::new(Kind::MissingUpgrade));
        }
    }
    let request = matches!(kind, MessageKind::Request { .. });
    if !options.missing_connection_option {
        if hop.upgrade_field() && !hop.upgrade_option() {
            return named(Kind::MissingConnectionOption, b"upgrade");
        }
        if request && hop.te_field() && !hop.te_option() {
            return named(Kind::MissingConnectionOption, b"te");
        }
    }
    if request && hop.te_field() && !options.chunked_in_te {
        for (index, field) in fields.iter().enumerate() {
            if let (true, Some(at)) = (is_te(field.name), te_lists_chunked(field.value)) {
                return Err(EncodeError::new(Kind::ChunkedInTe)
                    .in_field(index)
                    .at_byte(at));
            }
        }
    }
    let has_content = matches!(framing, Framing::Chunked | Framing::Close)
        || matches!(framing, Framing::Length(n) if n > 0);
    if request && hop.expects_continue() && !has_content && !options.continue_without_body {
        // The Expect field that asks for it (there may be others).
        let asks = fields.iter().position(asks_continue);
        let e = EncodeError::new(Kind::ContinueWithoutBody);
        return Err(asks.map_or(e, |index| e.in_field(index)));
    }
    Ok(())
}

/// What a sender must not send although a recipient could still read it
/// (RFC 9110 section 8.6, RFC 9112 sections 6.1 and 6.2). `count` is the
/// number of the caller's fields (a later index is the field the encoder
/// adds).
#[inline(always)]
fn check_sender_rules(
    kind: MessageKind,
    start: Start<'_>,
    facts: &FramingFacts,
    framing: Framing,
    count: usize,
    options: EncoderOptions,
) -> Result<(), EncodeError> {
    let cl_at = facts.content_length_line();
    let te_at = facts.transfer_encoding.map(|te| te.first_at);
    let refuse = |kind: Kind, at: LineAt| {
        let e = EncodeError::new(kind);
        Err(caller_field(at, count).map_or(e, |index| e.in_field(index)))
    };
    // Framing fields that the start line makes every recipient ignore: a
    // Content-Length on a CONNECT request, either field on a 1xx or 204
    // response or a 2xx answering CONNECT. A relay may pass them on.
    let ignored_framing = match kind {
        MessageKind::Request { connect, .. } => connect && cl_at.is_some(),
        MessageKind::Response { .. } => {
            framing_fields_forbidden(kind) && (cl_at.or(te_at)).is_some()
        }
    };
    if ignored_framing && !options.ignored_framing_fields {
        if let Some(at) = cl_at.or(te_at) {
            return refuse(Kind::FramingFieldNotAllowed, at);
        }
    }
    if let (MessageKind::Response { status, .. }, Start::Response(_, answering)) = (kind, start) {
        // An HTTP/1.0 client takes any response for the final one (RFC
        // 9110 section 15.2), and ignores Upgrade (section 7.8).
        if (100..200).contains(&status) && answering.version == Version::Http10 {
            return Err(EncodeError::new(Kind::InterimToHttp10));
        }
        // A response may carry both (the decoder lets Transfer-Encoding
        // win), but a sender never sends both, and an intermediary must
        // drop the Content-Length before forwarding (RFC 9112 section 6.3).
        if let (Some(cl), Some(te), false) = (cl_at, te_at, options.length_with_transfer_encoding) {
            return refuse(Kind::ContentLengthWithTransferEncoding, cl.max(te));
        }
        if let (Version::Http10, Some(at)) = (answering.version, te_at) {
            return refuse(Kind::TransferEncodingToHttp10, at);
        }
    }
    // No content in a 205 (RFC 9110 section 15.3.6) or a TRACE request
    // (section 9.3.8): only a framing that can carry none. (A 205 to
    // CONNECT opens a tunnel: what follows is no content.)
    let no_content_allowed = match start {
        Start::Request(line) => line.method == b"TRACE",
        Start::Response(line, _) => line.status == 205,
    };
    let may_carry_content = !matches!(
        framing,
        Framing::None | Framing::Length(0) | Framing::Upgrade
    );
    if no_content_allowed && may_carry_content && !options.forbidden_content {
        let e = EncodeError::new(Kind::ForbiddenContent);
        // (The framing field the encoder adds is no field of the caller's.)
        return Err(match stated_at(facts).filter(|&index| index < count) {
            Some(index) => e.in_field(index),
            None => e,
        });
    }
    Ok(())
}

/// Fields that RFC 9110 section 6.5.1 keeps out of trailers, beyond those
/// that frame or route (which `classify` knows): what must be known
/// before the content (see [`Kind::ForbiddenTrailer`] for why each).
const HEADER_ONLY: [&[u8]; 36] = [
    // Controls.
    b"cache-control",
    b"expect",
    b"max-forwards",
    b"pragma",
    b"range",
    b"te",
    // Content negotiation (request modifiers too).
    b"accept",
    b"accept-charset",
    b"accept-encoding",
    b"accept-language",
    // Conditionals.
    b"if-match",
    b"if-none-match",
    b"if-modified-since",
    b"if-unmodified-since",
    b"if-range",
    // Authentication (cookies among it).
    b"authorization",
    b"proxy-authorization",
    b"www-authenticate",
    b"proxy-authenticate",
    b"cookie",
    b"set-cookie",
    // Response control data.
    b"age",
    b"date",
    b"expires",
    b"location",
    b"retry-after",
    b"vary",
    b"warning",
    // How to process the content.
    b"content-encoding",
    b"content-range",
    b"content-type",
    b"trailer",
    // The connection's own fields: a recipient merging trailers into the
    // head would act on them, as on the framing fields.
    b"connection",
    b"keep-alive",
    b"proxy-connection",
    b"upgrade",
];

/// Whether a field named `name` belongs in the header section only (see
/// [`HEADER_ONLY`]). Trailers are few and rare: a plain walk.
fn header_only(name: &[u8]) -> bool {
    HEADER_ONLY
        .iter()
        .any(|known| known.eq_ignore_ascii_case(name))
}

/// Whether a field named `name` is refused as a trailer: one that frames
/// or routes the message always, one that belongs in the header section
/// unless `header_fields_allowed`
/// ([`EncoderOptions::header_fields_in_trailers`]). The encoders' rule, and
/// [`Field::may_be_trailer`]'s.
pub(crate) fn forbidden_trailer(name: &[u8], header_fields_allowed: bool) -> bool {
    classify(name) != KnownField::Other || (!header_fields_allowed && header_only(name))
}

/// Responses that may carry neither Content-Length nor Transfer-Encoding:
/// 1xx and 204 (RFC 9110 section 8.6, RFC 9112 section 6.1), and a 2xx
/// answering CONNECT (RFC 9110 section 9.3.6).
fn framing_fields_forbidden(kind: MessageKind) -> bool {
    match kind {
        MessageKind::Response { status, method, .. } => {
            (100..200).contains(&status)
                || status == 204
                || (method == MethodKind::Connect && (200..300).contains(&status))
        }
        MessageKind::Request { .. } => false,
    }
}
