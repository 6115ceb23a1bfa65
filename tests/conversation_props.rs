//! Random conversations: a client and a server connection wired together,
//! driven by random caller actions (well-meant or not). Whatever the
//! callers do, what goes on the wire stays well-formed: neither side's
//! decoder ever meets an error, an independent strict decoder reads each
//! direction's bytes without one, and what each side saw is what the
//! other wrote, in order, as far as it read (a prefix where it stopped
//! reading at a close, a pause or a switch; all of it where it read all it
//! was given). Misuse is refused with a typed error and
//! writes nothing (`support::pair` checks every call).

mod support;

use h1wire::{Body, Config, ConnState, Field, MethodKind, RequestLine, StatusLine, Version};
use h1wire_testkit::{
    drive_open, is_final, is_prefix, merge_bodies, ClientDecoder, Pieces, ResumingDecoder,
    StreamDecoder,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use support::pair::{Pair, Stop};
use support::Ev;

#[derive(Clone, Debug)]
enum Action {
    Request {
        method: &'static str,
        target: &'static str,
        http10: bool,
        fields: Vec<(&'static str, &'static str)>,
        body: BodyChoice,
        data: Vec<u8>,
        finish: bool,
    },
    RequestRest(Vec<u8>),
    Response {
        status: u16,
        fields: Vec<(&'static str, &'static str)>,
        body: BodyChoice,
        data: Vec<u8>,
        finish: bool,
    },
    ResponseRest(Vec<u8>),
    PumpServer,
    PumpClient,
}

#[derive(Clone, Copy, Debug)]
enum BodyChoice {
    AsFields,
    Empty,
    Length,
    Chunked,
    Streamed,
    UntilClose,
}

impl BodyChoice {
    fn body(self, data: &[u8]) -> Body {
        match self {
            BodyChoice::AsFields => Body::AsFields,
            BodyChoice::Empty => Body::Empty,
            BodyChoice::Length => Body::Length(data.len() as u64),
            BodyChoice::Chunked => Body::Chunked,
            BodyChoice::Streamed => Body::Streamed,
            BodyChoice::UntilClose => Body::UntilClose,
        }
    }
}

fn body_choice() -> impl Strategy<Value = BodyChoice> {
    select(
        &[
            BodyChoice::AsFields,
            BodyChoice::Empty,
            BodyChoice::Length,
            BodyChoice::Length,
            BodyChoice::Chunked,
            BodyChoice::Streamed,
            BodyChoice::UntilClose,
        ][..],
    )
}

const REQUEST_FIELDS: &[(&str, &str)] = &[
    ("Connection", "close"),
    ("Connection", "keep-alive"),
    ("Connection", "upgrade"),
    ("Upgrade", "websocket"),
    ("Expect", "100-continue"),
    ("Accept", "*/*"),
    ("Content-Length", "3"),
    ("Transfer-Encoding", "chunked"),
];

const RESPONSE_FIELDS: &[(&str, &str)] = &[
    ("Connection", "close"),
    ("Connection", "keep-alive"),
    ("Server", "test"),
    ("Content-Length", "3"),
    ("Transfer-Encoding", "chunked"),
    ("Upgrade", "websocket"),
];

fn action() -> impl Strategy<Value = Action> {
    let data = || vec(any::<u8>(), 0..6);
    let http10 = prop_oneof![5 => Just(false), 1 => Just(true)];
    prop_oneof![
        4 => (
            prop_oneof![
                8 => select(&[
                    ("GET", "/"),
                    ("POST", "/a?b"),
                    ("HEAD", "/"),
                    ("CONNECT", "example.com:443"),
                    ("OPTIONS", "*"),
                    ("GET", "http://example.com/"),
                ][..]),
                // Now and then a target that does not fit its method.
                1 => select(&[("GET", "example.com:443"), ("CONNECT", "/")][..]),
            ],
            http10,
            prop_oneof![2 => Just(Vec::new()), 3 => vec(select(REQUEST_FIELDS), 1..3)],
            body_choice(),
            data(),
            prop_oneof![3 => Just(true), 1 => Just(false)],
        )
            .prop_map(|((method, target), http10, fields, body, data, finish)| Action::Request {
                method,
                target,
                http10: http10 && target != "*",
                fields,
                body,
                data,
                finish,
            }),
        1 => data().prop_map(Action::RequestRest),
        4 => (
            select(&[100u16, 101, 103, 200, 200, 200, 204, 304, 407, 500][..]),
            vec(select(RESPONSE_FIELDS), 0..3),
            body_choice(),
            data(),
            prop_oneof![3 => Just(true), 1 => Just(false)],
        )
            .prop_map(|(status, fields, body, data, finish)| Action::Response {
                status,
                fields,
                body,
                data,
                finish,
            }),
        1 => data().prop_map(Action::ResponseRest),
        4 => Just(Action::PumpServer),
        4 => Just(Action::PumpClient),
    ]
}

fn fields_of(pairs: &[(&'static str, &'static str)], host: bool) -> Vec<Field<'static>> {
    let mut fields: Vec<Field<'static>> = pairs.iter().map(|(n, v)| Field::new(n, v)).collect();
    if host {
        fields.insert(0, Field::new("Host", "example.com"));
    }
    fields
}

/// Decode `stream` with a fresh strict decoder, through the test kit's
/// loop (which checks every call), the peer not closing: the events,
/// ending with the error or the upgrade if one stopped it. A request
/// stream's decoder is a `ResumingDecoder`: it stops at each CONNECT head,
/// and unless that request's answer opened the tunnel (or nothing more is
/// known) it resumes, as the connection does.
fn read_independently<D: StreamDecoder>(mut decoder: D, stream: &[u8]) -> Vec<Ev> {
    drive_open(&mut decoder, stream, Pieces::whole()).events(stream)
}

/// The status of each final response in `events`, in order.
fn final_statuses(events: &[Ev]) -> Vec<u16> {
    events
        .iter()
        .filter_map(|e| match e {
            Ev::Response { status, .. } if is_final(*status) => Some(*status),
            _ => None,
        })
        .collect()
}

fn run(actions: &[Action], body_array: Option<usize>) -> Result<(), TestCaseError> {
    let mut p = Pair::new();
    p.body_array = body_array;
    // The methods of the requests the client wrote, in order.
    let mut methods: Vec<MethodKind> = Vec::new();
    for action in actions {
        match action {
            Action::Request {
                method,
                target,
                http10,
                fields,
                body,
                data,
                finish,
            } => {
                let version = if *http10 {
                    Version::Http10
                } else {
                    Version::Http11
                };
                let line = RequestLine::new(method, target, version);
                let fields = fields_of(fields, !http10);
                // (A refused call that wrote anything fails the pair's
                // own check.)
                let head = p.request_head(&line, &fields, body.body(data));
                if head.is_ok() {
                    methods.push(MethodKind::of(method.as_bytes()));
                    if *finish {
                        let _ = p.request_rest(data, &[]);
                    }
                }
            }
            Action::RequestRest(data) => {
                let _ = p.request_rest(data, &[]);
            }
            Action::Response {
                status,
                fields,
                body,
                data,
                finish,
            } => {
                let line = StatusLine::new(Version::Http11, *status, "X");
                let fields = fields_of(fields, false);
                let head = p.response_head(&line, &fields, body.body(data));
                if head.is_ok() && *finish {
                    let _ = p.response_rest(data, &[]);
                }
            }
            Action::ResponseRest(data) => {
                let _ = p.response_rest(data, &[]);
            }
            Action::PumpServer => {
                let stop = p.pump_server();
                prop_assert!(
                    !matches!(stop, Stop::Error(_)),
                    "server read an error: {:?}",
                    p.server_saw
                );
            }
            Action::PumpClient => {
                let stop = p.pump_client();
                prop_assert!(
                    !matches!(stop, Stop::Error(_)),
                    "client read an error: {:?}",
                    p.client_saw
                );
            }
        }
    }
    // Read what is left.
    let server_stop = p.pump_server();
    let client_stop = p.pump_client();
    prop_assert!(!matches!(server_stop, Stop::Error(_)), "{:?}", p.server_saw);
    prop_assert!(!matches!(client_stop, Stop::Error(_)), "{:?}", p.client_saw);

    // Each direction, read by a fresh strict decoder, holds no error, and
    // the connection saw a prefix of what that decoder reads (it stops
    // reading at a close or a switch).
    let response_reader = ClientDecoder::new(Config::default(), &methods);
    let responses = read_independently(response_reader, &p.server_wrote);
    prop_assert!(
        !responses.iter().any(|e| matches!(e, Ev::Error(..))),
        "the server wrote a malformed stream: {:?}",
        responses
    );
    prop_assert!(
        is_prefix(&p.client_saw, &responses),
        "client saw {:?}\nwire {:?}",
        p.client_saw,
        responses
    );
    // A side that read all it was given and only waits for more saw all of
    // it: not a prefix but the whole reading.
    if matches!(client_stop, Stop::NeedMore) && p.to_client.is_empty() {
        prop_assert_eq!(merge_bodies(&p.client_saw), merge_bodies(&responses));
    }
    let finals = final_statuses(&responses);
    let opens = |k: usize| finals.get(k).is_none_or(|s| (200..300).contains(s));
    let request_reader = ResumingDecoder::new(Config::default(), &opens);
    let requests = read_independently(request_reader, &p.client_wrote);
    prop_assert!(
        !requests.iter().any(|e| matches!(e, Ev::Error(..))),
        "the client wrote a malformed stream: {:?}",
        requests
    );
    prop_assert!(
        is_prefix(&p.server_saw, &requests),
        "server saw {:?}\nwire {:?}",
        p.server_saw,
        requests
    );
    if matches!(server_stop, Stop::NeedMore) && p.to_server.is_empty() {
        prop_assert_eq!(merge_bodies(&p.server_saw), merge_bodies(&requests));
    }
    // A closed or switched connection wrote nothing more: its peer, having
    // read everything, agrees on where it stands.
    if p.to_client.is_empty() && p.to_server.is_empty() && p.server.state() == ConnState::Switched {
        prop_assert_eq!(p.client.state(), ConnState::Switched);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn random_conversations_stay_well_formed(
        actions in vec(action(), 0..40),
        body_array in proptest::option::of(1usize..=3),
    ) {
        run(&actions, body_array)?;
    }
}
