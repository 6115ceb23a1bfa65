//! The encoder against the decoders: an arbitrary message description
//! (read from the fuzzer's bytes, see `h1wire_fuzz::encode_gen` for the
//! layout: method, target or status and reason, version, fields from lists
//! or raw bytes, a `Body` choice, body pieces, trailers, encoder options)
//! is either refused with a typed `EncodeError` at some step, or written
//! into bytes that read back as exactly that message.
//!
//! Requests (`Encoder::client()`) are read back by h1wire's strict server
//! decoder (limits out of the way, through `h1wire_fuzz::drive`), whole
//! and cut where the fuzzer says, which must agree: same method, target,
//! version, the caller's fields in order, then at most the one framing
//! field the encoder added (Content-Length: N or Transfer-Encoding:
//! chunked, matching the framing), the framing equal to
//! `WrittenHead::framing`, the same body bytes, the same trailers, and a
//! complete message. Responses (`Encoder::server()`) are read back the same
//! way by h1wire's client decoder (told the method each answers), and
//! independently by `httparse::Response::parse` for the head (version,
//! code, reason, fields) and a small reading of the body framing here
//! (Content-Length: that many bytes; chunked: the chunk lines the encoder
//! writes, the last chunk, the trailers; HEAD, 1xx, 204, 304 and upgrades:
//! nothing). Every head's framing is also checked against RFC 9112 section
//! 6.3 as read from the fields written, and against the `Body` choice.
//!
//! Also checked: no panic; a call that fails leaves the output buffer byte
//! for byte untouched and the encoder as it was; a successful one writes
//! only the front of the buffer; the head is the start line and fields
//! exactly as given; `BufferTooSmall` (tried first with a fuzzer-chosen
//! small buffer) gives a `required()` size with which the call then
//! succeeds, writing exactly that much; a refused body piece leaves the
//! encoder accepting a correct one; a Content-Length body ended short is
//! refused by `end`; a refusal's kind, field index and byte index point at
//! something in the description that is wrong in that way (and no field
//! for the start line, the body or the added field); a plainly fine head
//! is never refused, and one breaking a sender rule a recipient would not
//! notice is never accepted (`encode_gen::must_refuse_head`); out-of-order
//! calls (flag 0x04) get their documented kinds; a second message after
//! the first (flag 0x08) is written and read back too; the `BufMut` API
//! (`*_into` into a `Vec`), driven in lockstep, agrees call by call and
//! byte for byte.

#![no_main]

use h1wire::{
    Answering, Body, BodyFrame, Config, Decoder, EncodeError, EncodeErrorKind as K, Encoder,
    ErrorKind, Field, Framing, MethodKind, Readings, RequestLine, StatusLine, Version, WrittenHead,
};
use h1wire_fuzz::encode_gen::{
    clean_field, connection_lists, is_framing_name, must_accept_head, must_refuse_head, named,
    read_chunked, reference_framing, Desc, StartDesc, F_MISUSE, F_SECOND, F_SMALL,
};
use h1wire_fuzz::{
    absolute_authority_ok, authority_of, drive, esc, is_absolute, is_ctl, is_final, is_scheme_char,
    is_tchar, is_token, is_ws, port_zero, senders, web_userinfo, ClientDecoder, End, Message,
    Pieces, Start,
};
use libfuzzer_sys::fuzz_target;

/// What an output buffer is filled with before a call.
const MARK: u8 = 0xA5;

/// The longest rest of a short Content-Length body the target sends to
/// complete it (longer ones stay incomplete and are checked as such).
const FILL_MAX: u64 = 1 << 16;

fuzz_target!(|data: &[u8]| {
    let desc = Desc::parse(data);
    run(&desc);
});

type Pairs = Vec<(Vec<u8>, Vec<u8>)>;

fn pairs(fields: &[Field<'_>]) -> Pairs {
    fields
        .iter()
        .map(|f| (f.name.to_vec(), f.value.to_vec()))
        .collect()
}

/// One message as written.
#[derive(Debug)]
struct Written<'a> {
    start: StartDesc<'a>,
    /// The caller's fields, then the one the encoder added, if any.
    headers: Pairs,
    framing: Framing,
    head_len: usize,
    chunks: Vec<usize>,
    body: Vec<u8>,
    trailers: Pairs,
    complete: bool,
}

fn state(encoder: &Encoder) -> String {
    format!("{encoder:?}")
}

/// One call that writes into a buffer, checked: first into a buffer of
/// `small` bytes if given (then, on `BufferTooSmall`, into one of exactly
/// `required()` bytes, which must succeed), else into one of `cap` bytes,
/// which is always large enough. Every buffer is filled with [`MARK`]
/// first; a failed call leaves it and the encoder untouched.
fn write_call<T: Copy + core::fmt::Debug>(
    encoder: &mut Encoder,
    what: &str,
    small: Option<usize>,
    cap: usize,
    len_of: fn(&T) -> usize,
    mut call: impl FnMut(&mut Encoder, &mut [u8]) -> Result<T, EncodeError>,
) -> Result<(T, Vec<u8>), EncodeError> {
    let before = state(encoder);
    let mut small_error = None;
    if let Some(size) = small {
        let mut buf = vec![MARK; size];
        match call(encoder, &mut buf) {
            Ok(t) => {
                let n = len_of(&t);
                assert!(
                    n <= size,
                    "{what}: wrote {n} bytes into a {size}-byte buffer"
                );
                assert!(
                    buf[n..].iter().all(|&b| b == MARK),
                    "{what}: wrote past the {n} bytes it reports"
                );
                return Ok((t, buf[..n].to_vec()));
            }
            Err(e) => {
                untouched(what, &e, &buf, encoder, &before);
                if e.kind() == K::BufferTooSmall {
                    let required = e.required().expect("BufferTooSmall says required()");
                    assert!(
                        required > size,
                        "{what}: BufferTooSmall with a {size}-byte buffer requires {required}"
                    );
                    let mut buf = vec![MARK; required];
                    let t = call(encoder, &mut buf).unwrap_or_else(|e| {
                        panic!("{what}: refused ({e}) with the {required} bytes it required")
                    });
                    let n = len_of(&t);
                    assert_eq!(
                        n, required,
                        "{what}: wrote {n} bytes where it required {required}"
                    );
                    return Ok((t, buf));
                }
                small_error = Some(e);
            }
        }
    }
    let mut buf = vec![MARK; cap];
    match call(encoder, &mut buf) {
        Ok(t) => {
            let n = len_of(&t);
            assert!(
                small_error.is_none(),
                "{what}: refused ({}) with a small buffer, accepted with a large one",
                small_error.unwrap()
            );
            assert!(n <= cap);
            assert!(
                buf[n..].iter().all(|&b| b == MARK),
                "{what}: wrote past the {n} bytes it reports"
            );
            buf.truncate(n);
            Ok((t, buf))
        }
        Err(e) => {
            untouched(what, &e, &buf, encoder, &before);
            assert_ne!(
                e.kind(),
                K::BufferTooSmall,
                "{what}: BufferTooSmall ({e}) with {cap} bytes, more than anything it can write"
            );
            if let Some(s) = small_error {
                assert_eq!(s, e, "{what}: refused differently with a small buffer");
            }
            Err(e)
        }
    }
}

/// A failed call wrote nothing and changed nothing.
fn untouched(what: &str, e: &EncodeError, buf: &[u8], encoder: &Encoder, before: &str) {
    assert!(
        buf.iter().all(|&b| b == MARK),
        "{what}: refused ({e}) but wrote into the buffer: {}",
        esc(buf)
    );
    assert_eq!(
        state(encoder),
        before,
        "{what}: refused ({e}) but changed the encoder"
    );
    assert_eq!(
        e.required().is_some(),
        e.kind() == K::BufferTooSmall,
        "{what}: required() on {e}"
    );
}

/// A call that must be refused with `kind`, writing nothing.
fn refused(
    encoder: &mut Encoder,
    what: &str,
    kind: K,
    call: impl FnOnce(&mut Encoder, &mut [u8]) -> Result<(), EncodeError>,
) {
    let before = state(encoder);
    let mut buf = vec![MARK; 256];
    match call(encoder, &mut buf) {
        Ok(()) => panic!("{what}: accepted, expected {kind}"),
        Err(e) => {
            assert_eq!(e.kind(), kind, "{what}: refused as {e}, expected {kind}");
            untouched(what, &e, &buf, encoder, &before);
        }
    }
}

fn head(
    encoder: &mut Encoder,
    start: &StartDesc<'_>,
    fields: &[Field<'_>],
    body: Body,
    out: &mut [u8],
) -> Result<WrittenHead, EncodeError> {
    match start {
        StartDesc::Request(line) => encoder.request(line, fields, body, out),
        StartDesc::Response(line, answering) => {
            encoder.response(line, fields, body, *answering, out)
        }
    }
}

fn start_line(start: &StartDesc<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    match start {
        StartDesc::Request(line) => {
            out.extend_from_slice(line.method);
            out.push(b' ');
            out.extend_from_slice(line.target);
            out.push(b' ');
            out.extend_from_slice(line.version.as_str().as_bytes());
        }
        StartDesc::Response(line, _) => {
            out.extend_from_slice(line.version.as_str().as_bytes());
            out.extend_from_slice(format!(" {:03} ", line.status).as_bytes());
            out.extend_from_slice(line.reason);
        }
    }
    out.extend_from_slice(b"\r\n");
    out
}

fn version_of(start: &StartDesc<'_>) -> Version {
    match start {
        StartDesc::Request(line) => line.version,
        StartDesc::Response(line, _) => line.version,
    }
}

/// The head as written is the start line, the caller's fields, at most one
/// framing field the encoder added, and CRLF; the added field and the
/// framing fit the caller's `Body` choice and RFC 9112 section 6.3.
/// What follows a field's name: `": "`, or `":"` with
/// `EncoderOptions::tight_fields`.
fn colon(tight: bool) -> &'static [u8] {
    if tight {
        b":"
    } else {
        b": "
    }
}

fn check_head(
    ctx: &str,
    start: &StartDesc<'_>,
    fields: &[Field<'_>],
    (body, tight): (Body, bool),
    head: WrittenHead,
    bytes: &[u8],
) -> Pairs {
    assert_eq!(head.len, bytes.len());
    let mut expected = start_line(start);
    for f in fields {
        expected.extend_from_slice(f.name);
        expected.extend_from_slice(colon(tight));
        expected.extend_from_slice(f.value);
        expected.extend_from_slice(b"\r\n");
    }
    assert!(
        bytes.len() >= expected.len() + 2
            && bytes.starts_with(&expected)
            && bytes.ends_with(b"\r\n"),
        "{ctx}: the head is not the start line and fields as given: {}",
        esc(bytes)
    );
    let added_line = &bytes[expected.len()..bytes.len() - 2];
    let mut headers = pairs(fields);
    let framing = head.framing;
    // A response to HEAD or a 304 may state the length it would have had.
    let may_state_length = matches!(start, StartDesc::Response(line, a)
        if a.method == MethodKind::Head || line.status == 304);
    if !added_line.is_empty() {
        assert!(
            !fields.iter().any(|f| is_framing_name(f.name)),
            "{ctx}: added {} after the caller's own framing fields",
            esc(added_line)
        );
        assert_ne!(
            body,
            Body::AsFields,
            "{ctx}: added a field for Body::AsFields"
        );
        let line = added_line
            .strip_suffix(b"\r\n")
            .unwrap_or_else(|| panic!("{ctx}: added {} without its CRLF", esc(added_line)));
        if let Some(n) = line.strip_prefix(b"Content-Length: ") {
            let text = core::str::from_utf8(n).unwrap_or("?");
            let value: u64 = text
                .parse()
                .unwrap_or_else(|_| panic!("{ctx}: added Content-Length: {}", esc(n)));
            assert_eq!(
                value.to_string().as_bytes(),
                n,
                "{ctx}: not a canonical length"
            );
            assert!(
                framing == Framing::Length(value)
                    || (framing == Framing::None
                        && may_state_length
                        && body == Body::Length(value)),
                "{ctx}: added Content-Length: {value} with framing {framing:?}"
            );
            headers.push((b"Content-Length".to_vec(), n.to_vec()));
        } else if line == b"Transfer-Encoding: chunked" {
            assert_eq!(framing, Framing::Chunked, "{ctx}: added chunked");
            headers.push((b"Transfer-Encoding".to_vec(), b"chunked".to_vec()));
        } else {
            panic!(
                "{ctx}: added something that is not one framing field: {}",
                esc(added_line)
            );
        }
    }
    // The framing the written fields give, by RFC 9112 section 6.3.
    assert_eq!(
        reference_framing(start, &headers),
        Some(framing),
        "{ctx}: WrittenHead::framing is not what the head says"
    );
    // And the one the caller asked for, given the framing the start line
    // fixes whatever the fields say.
    let request = matches!(start, StartDesc::Request(_));
    let fixed = match start {
        StartDesc::Request(line) => (line.method == b"CONNECT").then_some(Framing::Upgrade),
        StartDesc::Response(..) => {
            reference_framing(start, &[]).filter(|f| matches!(f, Framing::None | Framing::Upgrade))
        }
    };
    let peer11 = match start {
        StartDesc::Request(line) => line.version == Version::Http11,
        StartDesc::Response(line, a) => {
            line.version == Version::Http11 && a.version == Version::Http11
        }
    };
    let fits = match body {
        Body::AsFields => added_line.is_empty(),
        Body::Empty if fixed.is_some() => Some(framing) == fixed,
        Body::Empty if request => matches!(framing, Framing::None | Framing::Length(0)),
        Body::Empty => framing == Framing::Length(0),
        Body::Length(_) if fixed.is_some() => framing == Framing::None && may_state_length,
        // A HEAD response or a 304 takes GET's choices, stating none of
        // them.
        Body::Chunked | Body::Streamed | Body::UntilClose if fixed.is_some() => {
            framing == Framing::None && may_state_length && added_line.is_empty()
        }
        Body::Length(n) => framing == Framing::Length(n),
        Body::Chunked => framing == Framing::Chunked,
        Body::Streamed if peer11 => framing == Framing::Chunked,
        Body::Streamed | Body::UntilClose => !request && framing == Framing::Close,
    };
    assert!(fits, "{ctx}: framing {framing:?} for {body:?}");
    headers
}

fn bad_token_byte(s: &[u8], at: usize) -> bool {
    (at < s.len() && !is_tchar(s[at])) || (s.is_empty() && at == 0)
}

fn bad_value_byte(v: &[u8], at: usize) -> bool {
    at < v.len() && (is_ctl(v[at]) || ((at == 0 || at + 1 == v.len()) && is_ws(v[at])))
}

/// A refused head: the kind, field and byte point at something wrong.
fn check_head_refusal(ctx: &str, desc: &Desc<'_>, e: &EncodeError) {
    let fields = &desc.fields;
    let field = e.field();
    let field = field.map(|i| {
        assert!(
            i < fields.len(),
            "{ctx}: {e} names field {i} of the {} given",
            fields.len()
        );
        fields[i]
    });
    let field_named = |name: &str| field.is_some_and(|f| named(&f, name));
    let byte = e.byte();
    let kind = e.kind();
    let version = version_of(&desc.start);
    // Errors about the start line, the body or the framing field to add
    // name no field.
    let about_fields = !matches!(
        kind,
        K::InvalidMethod
            | K::InvalidTarget
            | K::TargetFormMismatch
            | K::InvalidStatus
            | K::InvalidReason
            | K::UnframedRequestBody
            | K::MissingHost
            | K::BodyNotAllowed
    );
    assert!(about_fields || field.is_none(), "{ctx}: {e} names a field");
    let ok = match (kind, desc.start) {
        (K::InvalidMethod, StartDesc::Request(l)) => {
            byte.is_some_and(|b| bad_token_byte(l.method, b))
        }
        (K::InvalidTarget, StartDesc::Request(l)) => byte.is_some_and(|b| {
            let bad_authority = (is_absolute(l.target) && !absolute_authority_ok(l.target))
                || (!is_absolute(l.target) && port_zero(l.target));
            b == 0
                || (b < l.target.len() && (l.target[b] <= b' ' || l.target[b] >= 0x7f))
                || (bad_authority && b <= l.target.len())
        }),
        (K::TargetUserinfo, StartDesc::Request(l)) => {
            web_userinfo(l.target) && !desc.options().target_userinfo
        }
        (K::TargetFragment, StartDesc::Request(l)) => byte.is_some_and(|b| {
            l.target.first() == Some(&b'/')
                && l.target.get(b) == Some(&b'#')
                && !l.target[..b].contains(&b'#')
                && !desc.options().target_fragment
        }),
        (K::InterimToHttp10, StartDesc::Response(s, a)) => {
            (100..200).contains(&s.status) && a.version == Version::Http10
        }
        (K::MissingUpgrade, StartDesc::Response(s, _)) => {
            (s.status == 101 || s.status == 426)
                && !fields
                    .iter()
                    .any(|f| named(f, "upgrade") && senders::upgrade_names_protocol(f.value))
                && !desc.options().switch_without_upgrade
        }
        (K::MissingConnectionOption, start) => {
            let request = matches!(start, StartDesc::Request(_));
            let unlisted =
                |name: &str| field_named(name) && !connection_lists(fields, name.as_bytes());
            !desc.options().missing_connection_option
                && (unlisted("upgrade") || (request && unlisted("te")))
        }
        (K::ContinueWithoutBody, StartDesc::Request(_)) => {
            field_named("expect") && !desc.options().continue_without_body
        }
        // RFC 9112 section 7.4: the byte is where the `chunked` coding
        // starts.
        (K::ChunkedInTe, StartDesc::Request(_)) => {
            field.zip(byte).is_some_and(|(f, b)| {
                named(&f, "te")
                    && senders::te_lists_chunked(f.value)
                    && f.value
                        .get(b..b + 7)
                        .is_some_and(|c| c.eq_ignore_ascii_case(b"chunked"))
            }) && !desc.options().chunked_in_te
        }
        (K::TargetFormMismatch, StartDesc::Request(l)) => {
            // Neither origin-form, asterisk-form nor absolute-form
            // (`scheme "://"`): the target is authority-form or nothing.
            let t = l.target;
            let scheme = t.iter().position(|&b| !is_scheme_char(b));
            let absolute = t.first().is_some_and(u8::is_ascii_alphabetic)
                && scheme.is_some_and(|n| t[n..].starts_with(b"://"));
            let authority = !t.starts_with(b"/") && t != b"*" && !absolute;
            (l.method == b"CONNECT") != authority
        }
        (K::InvalidStatus, StartDesc::Response(s, _)) => !(100..=999).contains(&s.status),
        (K::InvalidReason, StartDesc::Response(s, _)) => {
            byte.is_some_and(|b| b < s.reason.len() && is_ctl(s.reason[b]))
        }
        (K::InvalidFieldName, _) => field
            .zip(byte)
            .is_some_and(|(f, b)| bad_token_byte(f.name, b)),
        (K::InvalidFieldValue, _) => field
            .zip(byte)
            .is_some_and(|(f, b)| bad_value_byte(f.value, b)),
        (K::InvalidContentLength | K::DuplicateContentLength, _) => {
            field_named("content-length")
                && byte.is_none_or(|b| b <= field.map_or(0, |f| f.value.len()))
        }
        (K::ContentLengthWithTransferEncoding, start) => {
            // Written for a response with the option.
            let request = matches!(start, StartDesc::Request(_));
            fields.iter().any(|f| named(f, "content-length"))
                && fields.iter().any(|f| named(f, "transfer-encoding"))
                && (request || !desc.options().length_with_transfer_encoding)
        }
        (K::TransferEncodingInHttp10, _) => version == Version::Http10,
        (K::TransferEncodingToHttp10, StartDesc::Response(_, a)) => a.version == Version::Http10,
        (
            K::InvalidTransferEncoding
            | K::UnknownTransferCoding
            | K::ChunkedTwice
            | K::ChunkedNotFinal,
            _,
        ) => {
            field_named("transfer-encoding")
                && byte.is_none_or(|b| b <= field.map_or(0, |f| f.value.len()))
        }
        (K::FramingFieldNotAllowed, start) => {
            // Passed on by the option, but for a Transfer-Encoding on a
            // CONNECT request, which the decoder refuses too.
            let relay = desc.options().ignored_framing_fields;
            let connect = matches!(start, StartDesc::Request(l) if l.method == b"CONNECT");
            field.is_some_and(|f| {
                is_framing_name(f.name) && (!relay || (connect && named(&f, "transfer-encoding")))
            })
        }
        (K::FramingConflict, _) => {
            desc.body != Body::AsFields && field.is_some_and(|f| is_framing_name(f.name))
        }
        (K::UnframedRequestBody, StartDesc::Request(_)) => {
            matches!(desc.body, Body::Streamed | Body::UntilClose)
        }
        (K::MissingHost, StartDesc::Request(_)) => {
            (version == Version::Http11 || !desc.options().http10_without_host)
                && !fields.iter().any(|f| named(f, "host"))
        }
        (K::HostNotAuthority, StartDesc::Request(l)) => {
            // A CONNECT's authority-form target is its authority (RFC 9112
            // section 3.3), which Host names with or without the port.
            let connect = l.method == b"CONNECT";
            let authority = match connect {
                true => Some(l.target),
                false => authority_of(l.target).map(|a| a.host),
            };
            let foreign = |f: &Field<'_>| match connect {
                true => !senders::host_names_connect_target(l.target, f.value),
                false => authority.is_some_and(|a| f.value != a),
            };
            field_named("host")
                && !desc.options().host_other_than_authority
                && field.is_some_and(|f| foreign(&f))
                && {
                    // The first byte that differs, or none when the Host
                    // stops short of the authority.
                    let host = field.map_or(&b""[..], |f| f.value);
                    authority.is_some_and(|a| match byte {
                        Some(b) => b < host.len() && host.get(b) != a.get(b),
                        None => a.starts_with(host),
                    })
                }
        }
        (K::DuplicateHost, StartDesc::Request(_)) => {
            field_named("host") && fields.iter().filter(|f| named(f, "host")).count() > 1
        }
        (K::InvalidHost, StartDesc::Request(_)) => field_named("host"),
        (K::BodyNotAllowed, _) => !matches!(desc.body, Body::AsFields | Body::Empty),
        // RFC 9110 section 7.6.1: the byte is where the option starts.
        (K::FramingConnectionOption, _) => {
            field.zip(byte).is_some_and(|(f, b)| {
                named(&f, "connection")
                    && senders::connection_lists_framing(f.value)
                    && f.value.get(b..).is_some_and(|rest| {
                        ["content-length", "transfer-encoding", "host"]
                            .iter()
                            .any(|n| {
                                rest.get(..n.len())
                                    .is_some_and(|o| o.eq_ignore_ascii_case(n.as_bytes()))
                            })
                    })
            }) && !desc.options().framing_connection_option
        }
        // RFC 9110 sections 15.3.6 and 9.3.8: no content in a 205 or a
        // TRACE request, so no framing that could carry some.
        (K::ForbiddenContent, start) => {
            let no_content = match start {
                StartDesc::Request(l) => l.method == b"TRACE",
                StartDesc::Response(s, a) => {
                    s.status == 205 && !matches!(a.method, MethodKind::Head | MethodKind::Connect)
                }
            };
            no_content
                && !matches!(desc.body, Body::Empty | Body::Length(0))
                && field.is_none_or(|f| is_framing_name(f.name))
                && !desc.options().forbidden_content
        }
        _ => false,
    };
    assert!(ok, "{ctx}: refused as {e} ({kind:?}, field {:?}, byte {byte:?}), which the description does not show", e.field());
    assert!(
        !must_accept_head(desc),
        "{ctx}: refused ({e}) a head that is plainly fine"
    );
}

/// A trailer the encoder refuses: framing and routing fields always, the
/// rest of what RFC 9110 section 6.5.1 keeps in the header section unless
/// `header_fields` (the relay's option) lets them through.
fn forbidden_trailer(f: &Field<'_>, header_fields: bool) -> bool {
    is_framing_name(f.name) || named(f, "host") || (!header_fields && senders::header_only(f.name))
}

/// A refused end: the kind and trailer index fit the description.
fn check_end_refusal(
    ctx: &str,
    header_fields: bool,
    trailers: &[Field<'_>],
    chunked: bool,
    short: bool,
    e: &EncodeError,
) {
    let kind = e.kind();
    if !chunked {
        let expected = if !trailers.is_empty() {
            K::TrailersNotAllowed
        } else {
            assert!(short, "{ctx}: end refused ({e}) for no reason");
            K::BodyTooShort
        };
        // Trailers on a body that cannot carry them are refused first, or
        // the short body is.
        assert!(
            kind == expected || (short && kind == K::BodyTooShort),
            "{ctx}: end refused as {e}, expected {expected}"
        );
        return;
    }
    let i = e
        .field()
        .unwrap_or_else(|| panic!("{ctx}: trailer refusal {e} names no trailer"));
    assert!(
        i < trailers.len(),
        "{ctx}: {e} names trailer {i} of {}",
        trailers.len()
    );
    let t = trailers[i];
    let ok = match kind {
        K::InvalidFieldName => e.byte().is_some_and(|b| bad_token_byte(t.name, b)),
        K::InvalidFieldValue => {
            is_token(t.name) && e.byte().is_some_and(|b| bad_value_byte(t.value, b))
        }
        K::ForbiddenTrailer => clean_field(&t) && forbidden_trailer(&t, header_fields),
        _ => false,
    };
    assert!(
        ok,
        "{ctx}: trailer {i} ({}: {}) refused as {e}",
        esc(t.name),
        esc(t.value)
    );
}

fn frame_bytes(frame: &BodyFrame) -> (Vec<u8>, Vec<u8>) {
    (frame.before().to_vec(), frame.after().to_vec())
}

/// The same encoder driven in lockstep through the `BufMut` API
/// (`request_into`, `response_into`, `body_into`, `end_into`, appending to
/// a `Vec<u8>`): each call gives what the slice API gave, appends nothing
/// and changes nothing when refused, and in the end the `Vec` holds
/// exactly the bytes sent through the slice API.
struct Mirror {
    encoder: Encoder,
    out: Vec<u8>,
}

impl Mirror {
    fn call<T: PartialEq + core::fmt::Debug>(
        &mut self,
        ctx: &str,
        what: &str,
        expected: Result<T, EncodeError>,
        call: impl FnOnce(&mut Encoder, &mut Vec<u8>) -> Result<T, EncodeError>,
    ) {
        let (len, before) = (self.out.len(), state(&self.encoder));
        let got = call(&mut self.encoder, &mut self.out);
        assert_eq!(got, expected, "{ctx}: {what} through BufMut");
        if got.is_err() {
            assert_eq!(self.out.len(), len, "{ctx}: a refused {what} appended");
            assert_eq!(
                state(&self.encoder),
                before,
                "{ctx}: a refused {what} changed the encoder"
            );
        }
    }

    fn head(
        &mut self,
        ctx: &str,
        start: &StartDesc<'_>,
        fields: &[Field<'_>],
        body: Body,
        expected: Result<WrittenHead, EncodeError>,
    ) {
        self.call(ctx, "head", expected, |e, out| match start {
            StartDesc::Request(line) => e.request_into(line, fields, body, out),
            StartDesc::Response(line, a) => e.response_into(line, fields, body, *a, out),
        });
    }

    fn body(&mut self, ctx: &str, data: &[u8], expected: Result<(), EncodeError>) {
        self.call(ctx, "body", expected, |e, out| e.body_into(data, out));
    }

    fn end(&mut self, ctx: &str, trailers: &[Field<'_>], expected: Result<usize, EncodeError>) {
        self.call(ctx, "end", expected, |e, out| e.end_into(trailers, out));
    }

    fn check(&self, ctx: &str, encoder: &Encoder, wire: &[u8]) {
        assert_eq!(
            self.out,
            wire,
            "{ctx}: the BufMut API wrote {} where the slice API sent {}",
            esc(&self.out),
            esc(wire)
        );
        assert_eq!(
            state(&self.encoder),
            state(encoder),
            "{ctx}: the encoders differ"
        );
    }
}

fn run(desc: &Desc<'_>) {
    let ctx = desc.show();
    let ctx = ctx.as_str();
    let misuse = desc.flags & F_MISUSE != 0;
    let small = |n: usize| (desc.flags & F_SMALL != 0).then_some(n);
    let cap = desc.bound();
    let options = desc.options();
    let mut encoder = if desc.is_request() {
        Encoder::client()
    } else {
        Encoder::server()
    }
    .with_options(options);
    assert_eq!(encoder.options(), options);

    if misuse {
        if desc.is_request() {
            refused(
                &mut encoder,
                "a response on a client",
                K::WrongRole,
                |e, b| {
                    let status = StatusLine::new(Version::Http11, 200, "OK");
                    e.response(&status, &[], Body::Empty, Answering::HTTP11, b)
                        .map(drop)
                },
            );
        } else {
            refused(
                &mut encoder,
                "a request on a server",
                K::WrongRole,
                |e, b| {
                    let line = RequestLine {
                        method: b"GET",
                        target: b"/",
                        version: Version::Http11,
                    };
                    e.request(&line, &[Field::new("Host", "a")], Body::Empty, b)
                        .map(drop)
                },
            );
        }
        refused(&mut encoder, "body(0) first", K::NoMessage, |e, _| {
            e.body(0).map(drop)
        });
        refused(&mut encoder, "body(1) first", K::NoMessage, |e, _| {
            e.body(1).map(drop)
        });
        refused(&mut encoder, "end first", K::NoMessage, |e, b| {
            e.end(&desc.trailers, b).map(drop)
        });
    }

    let mut written = Vec::new();
    let mut wire = Vec::new();
    assert!(
        !(must_accept_head(desc) && must_refuse_head(desc).is_some()),
        "target bug: a head both plainly fine and to be refused: {:?} {}",
        must_refuse_head(desc),
        ctx
    );
    let mut mirror = Mirror {
        encoder: encoder.clone(),
        out: Vec::new(),
    };
    let first = write_call(
        &mut encoder,
        "head",
        small(usize::from(desc.small)),
        cap,
        |h: &WrittenHead| h.len,
        |e, b| head(e, &desc.start, &desc.fields, desc.body, b),
    );
    let result = first.as_ref().map(|(h, _)| *h).map_err(|e| *e);
    mirror.head(ctx, &desc.start, &desc.fields, desc.body, result);
    let (written_head, bytes) = match first {
        Ok(x) => x,
        Err(e) => {
            check_head_refusal(ctx, desc, &e);
            assert!(encoder.is_idle());
            mirror.check(ctx, &encoder, &[]);
            return;
        }
    };
    if let Some(why) = must_refuse_head(desc) {
        panic!("{ctx}: accepted a head with {why}: {}", esc(&bytes));
    }
    let headers = check_head(
        ctx,
        &desc.start,
        &desc.fields,
        (desc.body, desc.options().tight_fields),
        written_head,
        &bytes,
    );
    wire.extend_from_slice(&bytes);
    let framing = written_head.framing;
    let length = match framing {
        Framing::Length(n) => Some(n),
        _ => None,
    };
    assert_eq!(
        encoder.remaining(),
        length,
        "{ctx}: remaining() after the head"
    );
    assert!(!encoder.is_idle() && !encoder.is_ended());
    if misuse {
        refused(
            &mut encoder,
            "a head in a message",
            K::MessageInProgress,
            |e, b| head(e, &desc.start, &desc.fields, desc.body, b).map(drop),
        );
    }

    // The body, piece by piece.
    let mut sent: u64 = 0;
    let mut body = Vec::new();
    let mut chunks = Vec::new();
    for piece in &desc.pieces {
        let len = piece.len();
        let allowed = match framing {
            Framing::None | Framing::Upgrade => len == 0,
            Framing::Length(n) => sent + len as u64 <= n,
            Framing::Chunked | Framing::Close => true,
        };
        let before = state(&encoder);
        let result = encoder.body(len);
        mirror.body(ctx, piece, result.map(drop));
        match result {
            Ok(frame) => {
                assert!(
                    allowed,
                    "{ctx}: body({len}) accepted with framing {framing:?} after {sent} bytes"
                );
                let expected = if framing == Framing::Chunked && len > 0 {
                    (format!("{len:x}\r\n").into_bytes(), b"\r\n".to_vec())
                } else {
                    (Vec::new(), Vec::new())
                };
                assert_eq!(
                    frame_bytes(&frame),
                    expected,
                    "{ctx}: the frame of {len} bytes"
                );
                assert_eq!(frame.len(), expected.0.len() + expected.1.len());
                assert_eq!(frame.is_empty(), expected.0.is_empty());
                wire.extend_from_slice(frame.before());
                wire.extend_from_slice(piece);
                wire.extend_from_slice(frame.after());
                if !frame.is_empty() {
                    chunks.push(len);
                }
                body.extend_from_slice(piece);
                sent += len as u64;
            }
            Err(e) => {
                assert!(
                    !allowed,
                    "{ctx}: body({len}) refused ({e}) with framing {framing:?} after {sent} bytes"
                );
                assert_eq!(
                    state(&encoder),
                    before,
                    "{ctx}: a refused body piece changed the encoder"
                );
                let fix = match framing {
                    Framing::Length(n) => {
                        assert_eq!(
                            e.kind(),
                            K::BodyTooLong,
                            "{ctx}: body({len}) refused as {e}"
                        );
                        assert_eq!(
                            e.byte(),
                            usize::try_from(n - sent).ok(),
                            "{ctx}: {e} points at the wrong byte"
                        );
                        (n - sent) as usize
                    }
                    _ => {
                        assert_eq!(
                            e.kind(),
                            K::BodyNotAllowed,
                            "{ctx}: body({len}) refused as {e}"
                        );
                        0
                    }
                };
                // A correct piece is still accepted.
                let frame = encoder.body(fix).unwrap_or_else(|e| {
                    panic!("{ctx}: body({fix}) refused ({e}) after a refused piece")
                });
                mirror.body(ctx, &piece[..fix], Ok(()));
                assert!(frame.is_empty());
                wire.extend_from_slice(&piece[..fix]);
                body.extend_from_slice(&piece[..fix]);
                sent += fix as u64;
            }
        }
        assert_eq!(
            encoder.remaining(),
            length.map(|n| n - sent),
            "{ctx}: remaining()"
        );
    }

    // The end.
    let chunked = framing == Framing::Chunked;
    let trailers = &desc.trailers;
    let short = length.is_some_and(|n| sent < n);
    let trailers_ok = trailers
        .iter()
        .all(|t| clean_field(t) && !forbidden_trailer(t, options.header_fields_in_trailers));
    let end_ok = if chunked {
        trailers_ok
    } else {
        trailers.is_empty() && !short
    };
    let end_bytes = |trailers: &[Field<'_>]| {
        if !chunked {
            return Vec::new();
        }
        let mut out = b"0\r\n".to_vec();
        for t in trailers {
            out.extend_from_slice(t.name);
            out.extend_from_slice(colon(options.tight_fields));
            out.extend_from_slice(t.value);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"\r\n");
        out
    };
    let small_end = small(usize::from(desc.small % 32));
    let mut complete = true;
    let mut trailers_written = Vec::new();
    let ended = write_call(
        &mut encoder,
        "end",
        small_end,
        cap,
        |n: &usize| *n,
        |e, b| e.end(trailers, b),
    );
    mirror.end(
        ctx,
        trailers,
        ended.as_ref().map(|(n, _)| *n).map_err(|e| *e),
    );
    match ended {
        Ok((_, bytes)) => {
            assert!(
                end_ok,
                "{ctx}: end accepted (framing {framing:?}, {sent} bytes sent)"
            );
            assert_eq!(bytes, end_bytes(trailers), "{ctx}: what end wrote");
            wire.extend_from_slice(&bytes);
            trailers_written = pairs(trailers);
        }
        Err(e) => {
            assert!(!end_ok, "{ctx}: end refused ({e})");
            check_end_refusal(
                ctx,
                options.header_fields_in_trailers,
                trailers,
                chunked,
                short,
                &e,
            );
            if let (true, Some(n)) = (short, length) {
                refused(
                    &mut encoder,
                    "end of a short body",
                    K::BodyTooShort,
                    |e, b| e.end(&[], b).map(drop),
                );
                let left = n - sent;
                if left <= FILL_MAX {
                    let fill: Vec<u8> = (0..left).map(|i| b'A' + (i % 26) as u8).collect();
                    let frame = encoder
                        .body(fill.len())
                        .unwrap_or_else(|e| panic!("{ctx}: the rest of the body refused ({e})"));
                    assert!(frame.is_empty());
                    mirror.body(ctx, &fill, Ok(()));
                    wire.extend_from_slice(&fill);
                    body.extend_from_slice(&fill);
                } else {
                    complete = false;
                }
            }
            if complete {
                let (_, bytes) = write_call(
                    &mut encoder,
                    "end again",
                    small_end,
                    cap,
                    |n: &usize| *n,
                    |e, b| e.end(&[], b),
                )
                .unwrap_or_else(|e| panic!("{ctx}: end without trailers refused ({e})"));
                assert_eq!(bytes, end_bytes(&[]), "{ctx}: what end wrote");
                mirror.end(ctx, &[], Ok(bytes.len()));
                wire.extend_from_slice(&bytes);
            }
        }
    }
    written.push(Written {
        start: desc.start,
        headers,
        framing,
        head_len: written_head.len,
        chunks,
        body,
        trailers: trailers_written,
        complete,
    });

    if complete {
        let ends_stream = matches!(framing, Framing::Close | Framing::Upgrade);
        assert_eq!(
            encoder.is_ended(),
            ends_stream,
            "{ctx}: is_ended() after end"
        );
        assert_eq!(
            encoder.is_idle(),
            !ends_stream,
            "{ctx}: is_idle() after end"
        );
        assert_eq!(encoder.remaining(), None);
        if misuse {
            let kind = if ends_stream {
                K::StreamEnded
            } else {
                K::NoMessage
            };
            refused(&mut encoder, "body(0) after end", kind, |e, _| {
                e.body(0).map(drop)
            });
            refused(&mut encoder, "body(1) after end", kind, |e, _| {
                e.body(1).map(drop)
            });
            refused(&mut encoder, "end after end", kind, |e, b| {
                e.end(&[], b).map(drop)
            });
            if ends_stream {
                refused(
                    &mut encoder,
                    "a head after the stream ended",
                    K::StreamEnded,
                    |e, b| head(e, &desc.start, &desc.fields, desc.body, b).map(drop),
                );
            }
        }
        if desc.flags & F_SECOND != 0 && !ends_stream {
            second_message(
                ctx,
                desc,
                &mut encoder,
                &mut mirror,
                &mut wire,
                &mut written,
            );
        }
    }

    mirror.check(ctx, &encoder, &wire);
    if desc.is_request() {
        check_requests(ctx, desc, &wire, &written);
    } else {
        check_responses(ctx, desc, &wire, &written);
    }
}

const NEXT_FIELDS: [Field<'static>; 1] = [Field::new("Host", "next")];

/// A plain second message: `GET /next` with a Host, or a 304.
fn second_message<'a>(
    ctx: &str,
    desc: &Desc<'a>,
    encoder: &mut Encoder,
    mirror: &mut Mirror,
    wire: &mut Vec<u8>,
    written: &mut Vec<Written<'a>>,
) {
    let (start, fields, expected): (StartDesc<'a>, &[Field<'static>], &[u8]) = match desc.start {
        StartDesc::Request(_) => (
            StartDesc::Request(RequestLine {
                method: b"GET",
                target: b"/next",
                version: Version::Http11,
            }),
            &NEXT_FIELDS,
            match desc.options().tight_fields {
                false => b"GET /next HTTP/1.1\r\nHost: next\r\n\r\n",
                true => b"GET /next HTTP/1.1\r\nHost:next\r\n\r\n",
            },
        ),
        StartDesc::Response(_, answering) => (
            StartDesc::Response(
                StatusLine::new(Version::Http11, 304, "Not Modified"),
                answering,
            ),
            &[],
            b"HTTP/1.1 304 Not Modified\r\n\r\n",
        ),
    };
    let small = (desc.flags & F_SMALL != 0).then_some(usize::from(desc.small));
    let (h, bytes) = write_call(
        encoder,
        "second head",
        small,
        256,
        |h: &WrittenHead| h.len,
        |e, b| head(e, &start, fields, Body::Empty, b),
    )
    .unwrap_or_else(|e| panic!("{ctx}: the second message refused ({e})"));
    assert_eq!(bytes, expected, "{ctx}: the second head");
    assert_eq!(h.framing, Framing::None);
    mirror.head(ctx, &start, fields, Body::Empty, Ok(h));
    let n = encoder
        .end(&[], &mut [0u8; 8])
        .unwrap_or_else(|e| panic!("{ctx}: second end ({e})"));
    assert_eq!(n, 0);
    mirror.end(ctx, &[], Ok(0));
    assert!(encoder.is_idle());
    wire.extend_from_slice(&bytes);
    written.push(Written {
        start,
        headers: pairs(fields),
        framing: Framing::None,
        head_len: h.len,
        chunks: Vec::new(),
        body: Vec::new(),
        trailers: Vec::new(),
        complete: true,
    });
}

/// The strict profile with limits out of the way.
fn large_limits() -> Config {
    let mut config = Config::default();
    config.limits.head = usize::MAX;
    config.limits.line = usize::MAX;
    config.limits.fields = usize::MAX;
    config.limits.chunk_line = usize::MAX;
    config.limits.trailers = usize::MAX;
    config
}

/// Requests: h1wire's strict decoder reads the wire back, whole and split.
fn check_requests(ctx: &str, desc: &Desc<'_>, wire: &[u8], written: &[Written<'_>]) {
    let config = large_limits();
    let whole = drive(&mut Decoder::server(config), wire, Pieces::whole());
    let split = drive(
        &mut Decoder::server(config),
        wire,
        Pieces::sizes(desc.split),
    );
    assert_eq!(
        whole.reduction,
        split.reduction,
        "{ctx}: the split decode of {} differs (pieces {:?})",
        esc(wire),
        Pieces::sizes(desc.split).ranges(wire.len())
    );
    assert_eq!(whole.normalized(), split.normalized());
    let expected: Vec<Message> = written
        .iter()
        .map(|w| {
            let StartDesc::Request(line) = w.start else {
                unreachable!()
            };
            Message {
                start: Start::Request {
                    method: line.method.to_vec(),
                    target: line.target.to_vec(),
                    version: line.version,
                },
                headers: w.headers.clone(),
                framing: Some(w.framing),
                body: w.body.clone(),
                trailers: w.trailers.clone(),
                complete: w.complete,
                head_readings: Some(Readings::default()),
                end_readings: w.complete.then(Readings::default),
            }
        })
        .collect();
    let got = &whole.reduction;
    assert_eq!(
        got.messages,
        expected,
        "{ctx}: the wire {} reads back otherwise (ended {:?})",
        esc(wire),
        got.end
    );
    check_end(ctx, wire, written, got.end);
}

/// The decode of `wire` ended as the last message written says: an upgrade
/// after an upgrade, `Incomplete` at the end of the wire after a message
/// left unfinished, a clean end otherwise.
fn check_end(ctx: &str, wire: &[u8], written: &[Written<'_>], end: End) {
    let last = written.last().unwrap();
    match end {
        End::Upgraded => assert_eq!(last.framing, Framing::Upgrade, "{ctx}: upgraded"),
        End::Closed => assert!(
            last.complete && last.framing != Framing::Upgrade,
            "{ctx}: closed"
        ),
        End::Error(e) => assert!(
            !last.complete && e.kind() == ErrorKind::Incomplete && e.offset() == wire.len() as u64,
            "{ctx}: the wire {} ends in {e:?}",
            esc(wire)
        ),
        End::Open => unreachable!("the wire is read to its end"),
    }
}

/// Responses: h1wire's client decoder reads the wire back (whole and
/// split, alike, through the kit's loop), httparse reads each head, and a
/// small reading here each body's framing.
fn check_responses(ctx: &str, desc: &Desc<'_>, wire: &[u8], written: &[Written<'_>]) {
    let methods: Vec<MethodKind> = written
        .iter()
        .filter_map(|w| match w.start {
            // A 1xx other than 101 is interim: it answers nothing yet.
            StartDesc::Response(s, _) if !is_final(s.status) => None,
            StartDesc::Response(_, a) => Some(a.method),
            StartDesc::Request(_) => unreachable!(),
        })
        .collect();
    let read = |pieces| {
        drive(
            &mut ClientDecoder::new(large_limits(), &methods),
            wire,
            pieces,
        )
    };
    let whole = read(Pieces::whole());
    let split = read(Pieces::sizes(desc.split));
    assert_eq!(
        whole.reduction,
        split.reduction,
        "{ctx}: the split decode of {} differs (pieces {:?})",
        esc(wire),
        Pieces::sizes(desc.split).ranges(wire.len())
    );
    assert_eq!(whole.normalized(), split.normalized());
    let expected: Vec<Message> = written
        .iter()
        .map(|w| {
            let StartDesc::Response(line, _) = w.start else {
                unreachable!()
            };
            Message {
                start: Start::Response {
                    version: line.version,
                    status: line.status,
                    reason: line.reason.to_vec(),
                },
                headers: w.headers.clone(),
                framing: Some(w.framing),
                body: w.body.clone(),
                trailers: w.trailers.clone(),
                complete: w.complete,
                head_readings: Some(Readings::default()),
                end_readings: w.complete.then(Readings::default),
            }
        })
        .collect();
    let got = &whole.reduction;
    assert_eq!(
        got.messages,
        expected,
        "{ctx}: the wire {} reads back otherwise (ended {:?})",
        esc(wire),
        got.end
    );
    check_end(ctx, wire, written, got.end);
    check_responses_httparse(ctx, wire, written, desc.options().tight_fields);
}

/// httparse reads each head, a small reading here the body (its trailer
/// lines `name:value` with `tight`).
fn check_responses_httparse(ctx: &str, wire: &[u8], written: &[Written<'_>], tight: bool) {
    let mut at = 0;
    for (index, w) in written.iter().enumerate() {
        let StartDesc::Response(status, _) = w.start else {
            unreachable!()
        };
        let rest = &wire[at..];
        let mut headers = vec![httparse::EMPTY_HEADER; w.headers.len() + 2];
        let mut response = httparse::Response::new(&mut headers);
        let n = match response.parse(rest) {
            Ok(httparse::Status::Complete(n)) => n,
            other => panic!(
                "{ctx}: httparse reads response {index} of {} as {other:?}",
                esc(wire)
            ),
        };
        assert_eq!(n, w.head_len, "{ctx}: httparse's head length");
        let version = match status.version {
            Version::Http10 => 0,
            Version::Http11 => 1,
        };
        assert_eq!(response.version, Some(version), "{ctx}: httparse's version");
        assert_eq!(
            response.code,
            Some(status.status),
            "{ctx}: httparse's status"
        );
        // httparse gives an empty reason for one with obs-text.
        let reason = if status.reason.is_ascii() {
            status.reason
        } else {
            b""
        };
        assert_eq!(
            response.reason.map(str::as_bytes),
            Some(reason),
            "{ctx}: httparse's reason"
        );
        let got: Pairs = response
            .headers
            .iter()
            .map(|h| (h.name.as_bytes().to_vec(), h.value.to_vec()))
            .collect();
        assert_eq!(got, w.headers, "{ctx}: httparse's fields of {}", esc(wire));
        let rest = &rest[n..];
        let taken = match w.framing {
            Framing::None | Framing::Upgrade => 0,
            Framing::Length(len) if w.complete => {
                let len = usize::try_from(len).unwrap();
                assert!(rest.len() >= len, "{ctx}: a {len}-byte body cut short");
                assert_eq!(&rest[..len], &w.body[..], "{ctx}: the body");
                len
            }
            Framing::Length(_) | Framing::Close => {
                assert_eq!(rest, &w.body[..], "{ctx}: the body");
                rest.len()
            }
            Framing::Chunked => {
                let (sizes, data, trailers, len) =
                    read_chunked(rest, tight).unwrap_or_else(|why| {
                        panic!("{ctx}: the chunked body of {}: {why}", esc(wire))
                    });
                assert_eq!(sizes, w.chunks, "{ctx}: the chunks");
                assert_eq!(data, w.body, "{ctx}: the body");
                assert_eq!(trailers, w.trailers, "{ctx}: the trailers");
                len
            }
        };
        at += n + taken;
    }
    assert_eq!(
        at,
        wire.len(),
        "{ctx}: bytes after the last message in {}",
        esc(wire)
    );
}
