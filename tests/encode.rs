//! Property tests of the encoders.
//!
//! - Requests: the generators the decoder's round trips use, written by
//!   `Encoder::client` (body data cut into random pieces), decoded at random
//!   splits by the strict decoder, give back exactly the messages described,
//!   plus the one framing field the encoder was asked to add.
//! - Invalid heads (one defect injected into a valid one) are refused with
//!   the kind that names the defect, and nothing is written.
//! - Responses: written by `Encoder::server`, read back by h1wire's client
//!   decoder at random splits, and by httparse for the head with a small
//!   independent reader of RFC 9112 section 6.3 for the body.

mod support;

use h1wire::{
    Answering, Body as Framed, EncodeError, EncodeErrorKind, Encoder, EncoderOptions, Field,
    Framing, MethodKind, RequestLine, StatusLine, Version,
};
use h1wire_testkit::{has_empty_list_element, lists, senders};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use support::gen::{field_line, field_value, other_field_name, pipeline, request, Shape};
use support::{
    decode_cut_at, decode_responses_split, expected_stream, merge_bodies, Body, Ev, FieldLine, Req,
};

const CASES: u32 = 512;

/// The body data of a request, all chunks joined.
fn body_data(req: &Req) -> Vec<u8> {
    match &req.body {
        Body::None => Vec::new(),
        Body::Length(data) => data.clone(),
        Body::Chunked { chunks, .. } => chunks.iter().flat_map(|c| c.data.clone()).collect(),
    }
}

fn trailers(req: &Req) -> Vec<FieldLine> {
    match &req.body {
        Body::Chunked { trailers, .. } => trailers.clone(),
        _ => Vec::new(),
    }
}

fn as_fields(lines: &[FieldLine]) -> Vec<Field<'_>> {
    lines
        .iter()
        .map(|f| Field {
            name: &f.name,
            value: &f.value,
        })
        .collect()
}

fn is_framing_field(f: &FieldLine) -> bool {
    f.name.eq_ignore_ascii_case(b"content-length")
        || f.name.eq_ignore_ascii_case(b"transfer-encoding")
}

/// Write `req` with `encoder`: its head with `body`, its body data cut at
/// `cuts`, its trailers. Returns the bytes, or the first refusal.
fn encode_request(
    encoder: &mut Encoder,
    req: &Req,
    fields: &[FieldLine],
    body: Framed,
    cuts: &[Index],
) -> Result<Vec<u8>, EncodeError> {
    let line = RequestLine {
        method: &req.method,
        target: &req.target,
        version: req.version,
    };
    let mut wire = Vec::new();
    encoder.request_into(&line, &as_fields(fields), body, &mut wire)?;
    let data = body_data(req);
    let mut points: Vec<usize> = cuts.iter().map(|i| i.index(data.len() + 1)).collect();
    points.extend([0, data.len()]);
    points.sort_unstable();
    for piece in points.windows(2).map(|w| &data[w[0]..w[1]]) {
        // Half the pieces through the vectored contract, half copied.
        if piece.len() % 2 == 0 {
            let frame = encoder.body(piece.len())?;
            wire.extend_from_slice(frame.before());
            wire.extend_from_slice(piece);
            wire.extend_from_slice(frame.after());
        } else {
            encoder.body_into(piece, &mut wire)?;
        }
    }
    encoder.end_into(&as_fields(&trailers(req)), &mut wire)?;
    Ok(wire)
}

/// What a strict decoder accepts but a strict sender must not write, read
/// here from `req` with `fields` independently of the encoder: the options that let
/// `Encoder::client` write it as it is. An HTTP/1.0 request without Host
/// (RFC 9110 section 7.2), a Host other than the absolute-form target's
/// authority or a CONNECT's target (RFC 9112 section 3.2), a Connection
/// that lists a framing field (RFC 9110 section 7.6.1), content in TRACE
/// (section 9.3.8), empty elements in Transfer-Encoding
/// (RFC 9110 section 5.6.1), `chunked` in TE (RFC 9112 section 7.4),
/// trailers that belong in the header section (RFC 9110 section 6.5.1).
fn sender_options(req: &Req, fields: &[FieldLine]) -> EncoderOptions {
    let hosts: Vec<&[u8]> = fields
        .iter()
        .filter(|f| f.name.eq_ignore_ascii_case(b"host"))
        .map(|f| &f.value[..])
        .collect();
    let authority = req
        .target
        .windows(3)
        .position(|w| w == b"://")
        .filter(|&at| req.target[..at].iter().all(u8::is_ascii_alphabetic))
        .map(|at| {
            let rest = &req.target[at + 3..];
            let end = rest
                .iter()
                .position(|b| b"/?#".contains(b))
                .unwrap_or(rest.len());
            let authority = &rest[..end];
            match authority.iter().position(|&b| b == b'@') {
                Some(at) => &authority[at + 1..],
                None => authority,
            }
        });
    let has = |name: &[u8]| fields.iter().any(|f| f.name.eq_ignore_ascii_case(name));
    let content = match &req.body {
        Body::None => false,
        Body::Length(data) => !data.is_empty(),
        Body::Chunked { .. } => true,
    };
    let expects_continue = fields
        .iter()
        .any(|f| f.name.eq_ignore_ascii_case(b"expect") && lists(&f.value, b"100-continue"));
    let mut options = EncoderOptions::STRICT;
    options.missing_connection_option = (has(b"upgrade") && !connection_lists(fields, b"upgrade"))
        || (has(b"te") && !connection_lists(fields, b"te"));
    options.continue_without_body = expects_continue && !content;
    options.http10_without_host = hosts.is_empty();
    options.host_other_than_authority = if req.is_connect() {
        hosts
            .iter()
            .any(|&h| !senders::host_names_connect_target(&req.target, h))
    } else {
        authority.is_some_and(|a| hosts.iter().any(|&h| h != a))
    };
    options.framing_connection_option = fields.iter().any(|f| {
        f.name.eq_ignore_ascii_case(b"connection") && senders::connection_lists_framing(&f.value)
    });
    options.forbidden_content = req.method == b"TRACE" && content;
    options.empty_list_elements = fields.iter().any(|f| {
        f.name.eq_ignore_ascii_case(b"transfer-encoding") && has_empty_list_element(&f.value)
    });
    options.chunked_in_te = fields
        .iter()
        .any(|f| f.name.eq_ignore_ascii_case(b"te") && senders::te_lists_chunked(&f.value));
    options.header_fields_in_trailers = match &req.body {
        Body::Chunked { trailers, .. } => trailers.iter().any(|t| senders::header_only(&t.name)),
        _ => false,
    };
    options
}

/// Whether a Connection field among `fields` lists `option`.
fn connection_lists(fields: &[FieldLine], option: &[u8]) -> bool {
    fields
        .iter()
        .any(|f| f.name.eq_ignore_ascii_case(b"connection") && lists(&f.value, option))
}

/// Write `req` as [`encode_request`] does, with the options it needs
/// ([`sender_options`]); when it needs any, the strict encoder must have
/// refused it first, with the kind the rule it breaks names.
fn encode_request_as_relay(
    encoder: &mut Encoder,
    req: &Req,
    fields: &[FieldLine],
    body: Framed,
    cuts: &[Index],
) -> Result<Vec<u8>, EncodeError> {
    use EncodeErrorKind::*;
    let options = sender_options(req, fields);
    if options != EncoderOptions::STRICT {
        let kind = encode_request(&mut Encoder::client(), req, fields, body, cuts)
            .unwrap_err()
            .kind();
        let named = match kind {
            MissingHost => options.http10_without_host,
            HostNotAuthority => options.host_other_than_authority,
            InvalidTransferEncoding => options.empty_list_elements,
            MissingConnectionOption => options.missing_connection_option,
            ContinueWithoutBody => options.continue_without_body,
            ChunkedInTe => options.chunked_in_te,
            ForbiddenTrailer => options.header_fields_in_trailers,
            FramingConnectionOption => options.framing_connection_option,
            ForbiddenContent => options.forbidden_content,
            _ => false,
        };
        assert!(named, "{req:?}: the strict encoder said {kind:?}");
    }
    let mut relay = core::mem::replace(encoder, Encoder::client()).with_options(options);
    let written = encode_request(&mut relay, req, fields, body, cuts);
    *encoder = relay.with_options(EncoderOptions::STRICT);
    written
}

/// The request with its framing field taken out, the `Body` that asks the
/// encoder to put one back, and the field it will add (at the end).
fn without_framing_field(req: &Req) -> (Vec<FieldLine>, Framed, Option<FieldLine>) {
    let fields: Vec<FieldLine> = req
        .fields
        .iter()
        .filter(|f| !is_framing_field(f))
        .cloned()
        .collect();
    // (An empty POST, PUT or PATCH says its length, 0: RFC 9110 section
    // 8.6.)
    let content_has_meaning = matches!(&req.method[..], b"POST" | b"PUT" | b"PATCH");
    let (body, added) = match (&req.body, req.is_connect()) {
        (Body::None, false) if content_has_meaning => {
            (Framed::Empty, Some(FieldLine::new("Content-Length", "0")))
        }
        (_, true) | (Body::None, _) => (Framed::Empty, None),
        (Body::Length(data), _) => (
            Framed::Length(data.len() as u64),
            Some(FieldLine::new("Content-Length", &data.len().to_string())),
        ),
        (Body::Chunked { .. }, _) => (
            Framed::Streamed,
            Some(FieldLine::new("Transfer-Encoding", "chunked")),
        ),
    };
    (fields, body, added)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Requests with their own framing fields, written as given.
    #[test]
    fn generated_requests_read_back_as_written(
        (requests, _tunnel) in pipeline(),
        body_cuts in vec(any::<Index>(), 0..4),
        wire_cuts in vec(any::<usize>(), 0..6),
        split in 1usize..9,
    ) {
        let mut encoder = Encoder::client();
        let mut wire = Vec::new();
        for req in &requests {
            let bytes = encode_request_as_relay(&mut encoder, req, &req.fields, Framed::AsFields, &body_cuts)
                .unwrap_or_else(|e| panic!("refused {req:?}: {e}"));
            wire.extend_from_slice(&bytes);
        }
        let expected = expected_stream(&requests, &[]);
        let cut: Vec<usize> = wire_cuts.iter().map(|c| c % (wire.len() + 1)).collect();
        prop_assert_eq!(&merge_bodies(decode_cut_at(&wire, Default::default(), &cut)), &expected);
        let pieces: Vec<&[u8]> = wire.chunks(split).collect();
        prop_assert_eq!(&merge_bodies(support::decode_pieces(pieces, Default::default())), &expected);
    }

    /// The same requests without framing fields: the encoder adds the one
    /// the `Body` asks for, after the caller's fields.
    #[test]
    fn the_encoder_adds_the_framing_field_asked_for(
        req in request(Shape::Ordinary),
        body_cuts in vec(any::<Index>(), 0..4),
        split in 1usize..9,
    ) {
        let (fields, body, added) = without_framing_field(&req);
        let mut encoder = Encoder::client();
        let wire = encode_request_as_relay(&mut encoder, &req, &fields, body, &body_cuts)
            .unwrap_or_else(|e| panic!("refused {req:?}: {e}"));
        prop_assert!(encoder.is_idle());
        let mut expected_req = req.clone();
        expected_req.fields = fields;
        if matches!(expected_req.body, Body::None) && added.is_some() {
            // An empty POST, PUT or PATCH: framed by its `Content-Length: 0`.
            expected_req.body = Body::Length(Vec::new());
        }
        expected_req.fields.extend(added);
        let decoded = merge_bodies(support::decode_all(&wire, Default::default(), split));
        prop_assert_eq!(decoded, expected_req.expected_events());
    }
}

// ---------------------------------------------------------------------------
// Invalid heads are refused, never written
// ---------------------------------------------------------------------------

/// One defect to put into a valid request, and the kind that must name it.
#[derive(Clone, Debug)]
enum Defect {
    /// A byte that may not be in a field value, at an index of the value.
    ValueByte(u8, Index),
    /// Whitespace at the start or end of a value.
    ValueEdge(u8, bool),
    /// A byte that is not a token character in a name.
    NameByte(u8, Index),
    /// A byte that may not be in a target.
    TargetByte(u8, Index),
    /// A byte that is not a token character in the method.
    MethodByte(u8, Index),
    /// A target of a form the method does not take.
    WrongForm,
    /// A second Content-Length.
    SecondContentLength,
    /// Content-Length beside Transfer-Encoding.
    BothFramings,
    /// A Content-Length that is not 1*DIGIT.
    BadLength(&'static str),
    /// An HTTP/1.1 request without Host.
    NoHost,
}

fn defect() -> impl Strategy<Value = Defect> {
    let not_value = prop_oneof![0u8..=8, 0x0au8..=0x1f, Just(0x7f)];
    let not_tchar = any::<u8>().prop_filter("not a tchar", |&b| !support::is_tchar(b));
    let not_target = prop_oneof![0u8..=0x20, 0x7fu8..=0xff];
    prop_oneof![
        (not_value, any::<Index>()).prop_map(|(b, i)| Defect::ValueByte(b, i)),
        (select(&b" \t"[..]), any::<bool>()).prop_map(|(b, end)| Defect::ValueEdge(b, end)),
        (not_tchar.clone(), any::<Index>()).prop_map(|(b, i)| Defect::NameByte(b, i)),
        (not_target, any::<Index>()).prop_map(|(b, i)| Defect::TargetByte(b, i)),
        (not_tchar, any::<Index>()).prop_map(|(b, i)| Defect::MethodByte(b, i)),
        Just(Defect::WrongForm),
        Just(Defect::SecondContentLength),
        Just(Defect::BothFramings),
        select(&["", "-1", "+1", "1 2", "0x1", "1,", "99999999999999999999"][..])
            .prop_map(Defect::BadLength),
        Just(Defect::NoHost),
    ]
}

/// Put `defect` into `req` (made HTTP/1.1 with a plain field to spoil).
fn spoil(mut req: Req, defect: &Defect, spoiled_at: Index) -> (Req, EncodeErrorKind) {
    use EncodeErrorKind::*;
    req.version = Version::Http11;
    req.fields.retain(|f| !is_framing_field(f));
    if !req
        .fields
        .iter()
        .any(|f| f.name.eq_ignore_ascii_case(b"host"))
    {
        req.fields.push(FieldLine::new("Host", "example.com"));
    }
    req.body = Body::None;
    let plain = FieldLine::new("X-Plain", "value");
    let at = spoiled_at.index(req.fields.len() + 1);
    req.fields.insert(at, plain);
    let insert = |v: &mut Vec<u8>, i: &Index, b: u8| {
        let at = i.index(v.len() + 1);
        v.insert(at, b);
    };
    let kind = match defect {
        Defect::ValueByte(b, i) => {
            insert(&mut req.fields[at].value, i, *b);
            InvalidFieldValue
        }
        Defect::ValueEdge(b, end) => {
            let value = &mut req.fields[at].value;
            if *end {
                value.push(*b)
            } else {
                value.insert(0, *b)
            }
            InvalidFieldValue
        }
        Defect::NameByte(b, i) => {
            insert(&mut req.fields[at].name, i, *b);
            InvalidFieldName
        }
        Defect::TargetByte(b, i) => {
            insert(&mut req.target, i, *b);
            InvalidTarget
        }
        Defect::MethodByte(b, i) => {
            insert(&mut req.method, i, *b);
            InvalidMethod
        }
        Defect::WrongForm => {
            req.target = b"example.com:443".to_vec();
            TargetFormMismatch
        }
        Defect::SecondContentLength => {
            req.fields.insert(at, FieldLine::new("Content-Length", "1"));
            req.fields.push(FieldLine::new("content-length", "1"));
            DuplicateContentLength
        }
        Defect::BothFramings => {
            req.fields
                .insert(at, FieldLine::new("Transfer-Encoding", "chunked"));
            req.fields.push(FieldLine::new("Content-Length", "1"));
            ContentLengthWithTransferEncoding
        }
        Defect::BadLength(value) => {
            req.fields[at] = FieldLine::new("Content-Length", value);
            InvalidContentLength
        }
        Defect::NoHost => {
            req.fields.retain(|f| !f.name.eq_ignore_ascii_case(b"host"));
            MissingHost
        }
    };
    (req, kind)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn invalid_heads_are_refused_and_nothing_is_written(
        req in request(Shape::Ordinary),
        defect in defect(),
        at in any::<Index>(),
        with_bufmut in any::<bool>(),
    ) {
        let (req, expected) = spoil(req, &defect, at);
        let line = RequestLine { method: &req.method, target: &req.target, version: req.version };
        let fields = as_fields(&req.fields);
        // (The generator's Host may be other than an absolute-form
        // target's authority, which is not the defect looked for.)
        let mut encoder = Encoder::client().with_options(sender_options(&req, &req.fields));
        let error = if with_bufmut {
            let mut out = b"kept".to_vec();
            let e = encoder.request_into(&line, &fields, Framed::AsFields, &mut out).unwrap_err();
            prop_assert_eq!(&out, b"kept");
            e
        } else {
            let mut out = [0x5a; 2048];
            let e = encoder.request(&line, &fields, Framed::AsFields, &mut out).unwrap_err();
            prop_assert!(out.iter().all(|&b| b == 0x5a));
            e
        };
        prop_assert_eq!(error.kind(), expected, "{:?} gave {}", defect, error);
        prop_assert!(encoder.is_idle(), "a refused head leaves the encoder ready");
    }
}

// ---------------------------------------------------------------------------
// Responses, read back by httparse and an independent framing reader
// ---------------------------------------------------------------------------

/// A response to write.
#[derive(Clone, Debug)]
struct Resp {
    version: Version,
    status: u16,
    reason: Vec<u8>,
    fields: Vec<FieldLine>,
    body: Framed,
    data: Vec<u8>,
    trailers: Vec<FieldLine>,
    answering: Answering,
}

fn response() -> impl Strategy<Value = Resp> {
    let status = prop_oneof![
        4 => select(&[200u16, 201, 204, 206, 301, 304, 404, 500][..]),
        1 => 100u16..=999,
    ];
    let reason = vec(
        prop_oneof![8 => 0x21u8..=0x7e, 1 => Just(b' '), 1 => Just(b'\t')],
        0..=20,
    );
    let body = prop_oneof![
        Just(Framed::Empty),
        Just(Framed::Chunked),
        Just(Framed::Streamed),
        Just(Framed::UntilClose),
        Just(Framed::AsFields),
        Just(Framed::Length(0)),
    ];
    let answering = (
        select(&[MethodKind::Other, MethodKind::Head, MethodKind::Connect][..]),
        any::<bool>(),
    )
        .prop_map(|(method, http11)| {
            Answering::new(
                method,
                if http11 {
                    Version::Http11
                } else {
                    Version::Http10
                },
            )
        });
    (
        any::<bool>(),
        status,
        reason,
        vec(field_line(other_field_name(), field_value()), 0..=6),
        body,
        vec(any::<u8>(), 0..=80),
        vec(field_line(other_field_name(), field_value()), 0..=2),
        answering,
    )
        .prop_map(
            |(http11, status, reason, fields, body, data, trailers, answering)| {
                let body = match body {
                    Framed::Length(_) => Framed::Length(data.len() as u64),
                    other => other,
                };
                Resp {
                    version: if http11 {
                        Version::Http11
                    } else {
                        Version::Http10
                    },
                    status,
                    reason,
                    fields,
                    body,
                    data,
                    trailers,
                    answering,
                }
            },
        )
}

/// What a recipient finds after a response head (RFC 9112 section 6.3,
/// written out again here, apart from the crate's own `decide`).
#[derive(Debug, PartialEq, Eq)]
enum Framing6_3 {
    None,
    Upgrade,
    Length(usize),
    Chunked,
    Close,
}

fn framing_of(status: u16, method: MethodKind, headers: &[httparse::Header<'_>]) -> Framing6_3 {
    if status == 101 || (method == MethodKind::Connect && (200..300).contains(&status)) {
        return Framing6_3::Upgrade;
    }
    if method == MethodKind::Head || (100..200).contains(&status) || status == 204 || status == 304
    {
        return Framing6_3::None;
    }
    let te: Vec<&[u8]> = headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("transfer-encoding"))
        .map(|h| h.value)
        .collect();
    if let Some(last) = te.last() {
        let last_coding = last
            .split(|&b| b == b',')
            .map(|c| c.trim_ascii())
            .rfind(|c| !c.is_empty());
        return if last_coding.is_some_and(|c| c.eq_ignore_ascii_case(b"chunked")) {
            Framing6_3::Chunked
        } else {
            Framing6_3::Close
        };
    }
    match headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("content-length"))
    {
        Some(h) => Framing6_3::Length(std::str::from_utf8(h.value).unwrap().parse().unwrap()),
        None => Framing6_3::Close,
    }
}

/// Field lines as (name, value) pairs.
type Lines = Vec<(Vec<u8>, Vec<u8>)>;

/// Read a chunked body written with plain chunk-size lines: the data and
/// the trailer lines, and what follows.
fn read_chunked(mut rest: &[u8]) -> (Vec<u8>, Lines, &[u8]) {
    let mut data = Vec::new();
    loop {
        let eol = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk-size line");
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..eol]).unwrap(), 16).unwrap();
        assert!(
            size == 0 || rest[0] != b'0',
            "no leading zeros in a chunk size"
        );
        rest = &rest[eol + 2..];
        if size == 0 {
            break;
        }
        data.extend_from_slice(&rest[..size]);
        assert_eq!(&rest[size..size + 2], b"\r\n", "chunk data ends in CRLF");
        rest = &rest[size + 2..];
    }
    let mut trailers = Vec::new();
    loop {
        let eol = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("trailer line");
        let line = &rest[..eol];
        rest = &rest[eol + 2..];
        if line.is_empty() {
            return (data, trailers, rest);
        }
        let colon = line.iter().position(|&b| b == b':').unwrap();
        trailers.push((line[..colon].to_vec(), line[colon + 2..].to_vec()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn encoded_responses_read_back(resp in response(), cuts in vec(any::<Index>(), 0..3), split in 1usize..9) {
        let mut encoder = Encoder::server();
        let status = StatusLine { version: resp.version, status: resp.status, reason: &resp.reason };
        let fields = as_fields(&resp.fields);
        let mut wire = Vec::new();
        // Refusals the RFC asks for, whose absence is checked when the
        // head is written.
        let interim_to_http10 =
            (100..200).contains(&resp.status) && resp.answering.version == Version::Http10;
        let names_protocol = resp.fields.iter().any(|f| {
            f.name.eq_ignore_ascii_case(b"upgrade") && senders::upgrade_names_protocol(&f.value)
        });
        let switch_names_nothing = (resp.status == 101 || resp.status == 426) && !names_protocol;
        let upgrade = resp.fields.iter().any(|f| f.name.eq_ignore_ascii_case(b"upgrade"));
        let upgrade_unlisted = upgrade && !connection_lists(&resp.fields, b"upgrade");
        let content_in_205 = resp.status == 205
            && !matches!(resp.answering.method, MethodKind::Head | MethodKind::Connect)
            && match resp.body {
                Framed::Chunked | Framed::Streamed | Framed::UntilClose => true,
                Framed::Length(n) => n > 0,
                _ => false,
            };
        let head = match encoder.response_into(&status, &fields, resp.body, resp.answering, &mut wire) {
            Ok(head) => head,
            Err(e) => {
                // Only the refusals the RFC asks for.
                let no_body = resp.answering.method == MethodKind::Head
                    || (100..200).contains(&resp.status)
                    || resp.status == 204
                    || resp.status == 304
                    || (resp.answering.method == MethodKind::Connect && (200..300).contains(&resp.status));
                let chunked_asked = resp.body == Framed::Chunked;
                let http10 = resp.version == Version::Http10 || resp.answering.version == Version::Http10;
                let expected = match e.kind() {
                    EncodeErrorKind::BodyNotAllowed => no_body,
                    EncodeErrorKind::TransferEncodingInHttp10 => chunked_asked && resp.version == Version::Http10,
                    EncodeErrorKind::TransferEncodingToHttp10 => chunked_asked && http10,
                    // RFC 9110 section 15.2: no 1xx to an HTTP/1.0 client;
                    // sections 15.2.2 and 15.5.22: a 101 or 426 names the
                    // protocols; 7.8: Connection lists `upgrade` beside an
                    // Upgrade.
                    EncodeErrorKind::InterimToHttp10 => interim_to_http10,
                    EncodeErrorKind::MissingUpgrade => switch_names_nothing,
                    EncodeErrorKind::MissingConnectionOption => upgrade_unlisted,
                    // RFC 9110 section 15.3.6: no content in a 205, so no
                    // framing that could carry some.
                    EncodeErrorKind::ForbiddenContent => {
                        resp.status == 205
                            && !matches!(resp.answering.method, MethodKind::Head | MethodKind::Connect)
                            && !matches!(resp.body, Framed::Empty | Framed::Length(0))
                    }
                    _ => false,
                };
                prop_assert!(expected, "{resp:?} refused: {e}");
                prop_assert!(wire.is_empty());
                return Ok(());
            }
        };
        prop_assert_eq!(head.len, wire.len());
        // And what the RFC asks to refuse was refused.
        prop_assert!(!interim_to_http10, "{:?}: a 1xx written to HTTP/1.0", resp);
        prop_assert!(!switch_names_nothing, "{:?}: a 101 or 426 naming no protocol", resp);
        prop_assert!(!upgrade_unlisted, "{:?}: an Upgrade that Connection does not list", resp);
        prop_assert!(!content_in_205, "{:?}: content framed in a 205", resp);
        // The body, when the framing takes one.
        let data: &[u8] = match head.framing {
            Framing::Length(n) => &resp.data[..n as usize],
            Framing::Chunked | Framing::Close => &resp.data,
            Framing::None | Framing::Upgrade => &[],
        };
        let mut points: Vec<usize> = cuts.iter().map(|i| i.index(data.len() + 1)).collect();
        points.extend([0, data.len()]);
        points.sort_unstable();
        for w in points.windows(2) {
            encoder.body_into(&data[w[0]..w[1]], &mut wire).unwrap();
        }
        let chunked = head.framing == Framing::Chunked;
        let trailers = if chunked { as_fields(&resp.trailers) } else { Vec::new() };
        // Trailers that belong in the header section (RFC 9110 section
        // 6.5.1) are refused, the encoder left as it was; a relay's option
        // writes them.
        if let Some(first) = trailers.iter().position(|t| senders::header_only(t.name)) {
            let mut untouched = Vec::new();
            let e = encoder.end_into(&trailers, &mut untouched).unwrap_err();
            prop_assert_eq!((e.kind(), e.field()), (EncodeErrorKind::ForbiddenTrailer, Some(first)));
            prop_assert!(untouched.is_empty());
            let mut options = EncoderOptions::STRICT;
            options.header_fields_in_trailers = true;
            encoder = encoder.with_options(options);
        }
        encoder.end_into(&trailers, &mut wire).unwrap();

        let mut headers = [httparse::EMPTY_HEADER; 16];
        let mut parsed = httparse::Response::new(&mut headers);
        let status_ok = parsed.parse(&wire).unwrap();
        let httparse::Status::Complete(head_len) = status_ok else { panic!("partial head") };
        prop_assert_eq!(head_len, head.len);
        prop_assert_eq!(parsed.version, Some(if resp.version == Version::Http11 { 1 } else { 0 }));
        prop_assert_eq!(parsed.code, Some(resp.status));
        prop_assert_eq!(parsed.reason.map(str::as_bytes), Some(&resp.reason[..]));
        let got: Vec<(Vec<u8>, Vec<u8>)> = parsed.headers.iter().map(|h| (h.name.as_bytes().to_vec(), h.value.to_vec())).collect();
        let given: Vec<(Vec<u8>, Vec<u8>)> = resp.fields.iter().map(|f| (f.name.clone(), f.value.clone())).collect();
        prop_assert_eq!(&got[..given.len()], &given[..], "the caller's fields first, in order");
        let added = &got[given.len()..];
        prop_assert!(added.len() <= 1, "at most one field added: {:?}", added);

        // h1wire's own client decoder reads the same message, however cut.
        let mut expected = vec![Ev::Response {
            version: resp.version,
            status: resp.status,
            reason: resp.reason.clone(),
        }];
        expected.extend(got.iter().map(|(n, v)| Ev::Header(n.clone(), v.clone())));
        expected.push(Ev::HeadEnd(head.framing));
        if !data.is_empty() {
            expected.push(Ev::Body(data.to_vec()));
        }
        expected.extend(trailers.iter().map(|f| Ev::Trailer(f.name.to_vec(), f.value.to_vec())));
        expected.push(Ev::MessageEnd);
        if head.framing == Framing::Upgrade {
            expected.push(Ev::Upgraded(Vec::new()));
        }
        let decoded = decode_responses_split(&wire, Default::default(), &[resp.answering.method], split);
        prop_assert_eq!(merge_bodies(decoded), expected);

        let rest = &wire[head_len..];
        match framing_of(resp.status, resp.answering.method, parsed.headers) {
            Framing6_3::None => {
                prop_assert_eq!(head.framing, Framing::None);
                prop_assert!(rest.is_empty());
            }
            Framing6_3::Upgrade => {
                prop_assert_eq!(head.framing, Framing::Upgrade);
                prop_assert!(rest.is_empty());
                prop_assert!(encoder.is_ended());
            }
            Framing6_3::Length(n) => {
                prop_assert_eq!(head.framing, Framing::Length(n as u64));
                prop_assert_eq!(rest, data);
            }
            Framing6_3::Close => {
                prop_assert_eq!(head.framing, Framing::Close);
                prop_assert_eq!(rest, data);
                prop_assert!(encoder.is_ended());
            }
            Framing6_3::Chunked => {
                prop_assert_eq!(head.framing, Framing::Chunked);
                let (body, trailer_lines, after) = read_chunked(rest);
                prop_assert_eq!(body, data);
                let expected: Vec<(Vec<u8>, Vec<u8>)> = resp.trailers.iter().map(|f| (f.name.clone(), f.value.clone())).collect();
                prop_assert_eq!(trailer_lines, expected);
                prop_assert!(after.is_empty());
            }
        }
    }
}

#[test]
fn a_stream_of_requests_keeps_each_framing() {
    let host = FieldLine::new("Host", "a");
    let reqs = [
        Req {
            empty_line_before: false,
            method: b"POST".to_vec(),
            target: b"/a".to_vec(),
            version: Version::Http11,
            fields: vec![host.clone(), FieldLine::new("Content-Length", "3")],
            body: Body::Length(b"abc".to_vec()),
        },
        Req {
            empty_line_before: false,
            method: b"GET".to_vec(),
            target: b"/b".to_vec(),
            version: Version::Http11,
            fields: vec![host.clone()],
            body: Body::None,
        },
        Req {
            empty_line_before: false,
            method: b"CONNECT".to_vec(),
            target: b"a:443".to_vec(),
            version: Version::Http11,
            fields: vec![host],
            body: Body::None,
        },
    ];
    let mut encoder = Encoder::client();
    let mut wire = Vec::new();
    for req in &reqs {
        wire.extend(encode_request(&mut encoder, req, &req.fields, Framed::AsFields, &[]).unwrap());
    }
    assert!(
        encoder.is_ended(),
        "nothing follows a CONNECT on the HTTP/1 stream"
    );
    let mut expected = expected_stream(&reqs, &[]);
    assert_eq!(expected.pop(), Some(Ev::Upgraded(Vec::new())));
    let decoded = merge_bodies(support::decode_whole(&wire, Default::default()));
    assert_eq!(&decoded[..expected.len()], &expected[..]);
}
