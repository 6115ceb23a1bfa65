//! Conversations: `h1wire::client::Connection` and
//! `h1wire::server::Connection` driven by random caller actions and peer
//! bytes (the script's layout is in `h1wire_fuzz::conversation_gen`):
//! request and response heads (methods, targets, statuses, versions and
//! fields from small lists, now and then raw bytes), body pieces, ends
//! with or without trailers, each through the `Vec` API, a large slice or
//! a slice that may be too small; each side reading what arrived (all, or
//! a few bytes more at a time; through `decode`, or, for some scripts,
//! `decode_body` with two pieces per call, and for some, heads between
//! messages through `decode_head`), a peer closing its side, raw bytes
//! injected toward either side. The two connections are wired together,
//! or one runs alone with raw bytes as its peer.
//!
//! Checked:
//! - no panic, and no decode loop without progress;
//! - a refused call is an `EncodeError` whose kind is justified: a misuse
//!   kind only when the connection's state says so (`MessageInProgress`
//!   inside a message, `PipelineFull` at the depth, `AwaitingSwitch` after
//!   a request that may switch, `ConnectionClosed` once closing,
//!   `NoRequest` with nothing to answer, `InterimToHttp10`,
//!   `UnexpectedSwitch`, `NoMessage`/`StreamEnded` for a body or end
//!   outside a message), any other kind only when a fresh `Encoder` refuses
//!   the same head with that kind; a head a fresh encoder accepts is
//!   accepted when the state allows it, and written as the fresh encoder
//!   writes it (a server's head plus at most the `Connection: close` or
//!   `keep-alive` line the connection adds);
//! - a refused call writes nothing (the slice keeps its marker bytes, the
//!   `Vec` its previous contents) and leaves the connection as it was (its
//!   whole `Debug` form for the first refusals of each run, then what its
//!   methods show: state, requests in flight, 100-continue, the request
//!   answered, readings); `BufferTooSmall` gives a `required()` size with
//!   which the call succeeds, writing exactly that much; a body piece or an
//!   end outside a message is refused;
//! - whatever either side read, what each side wrote is well-formed: a
//!   fresh strict `Decoder` reads it without error (the server role over
//!   the client's bytes, resuming after a CONNECT the client saw refused;
//!   the client role over the server's bytes, told the method of each
//!   request the server answered), but for a stream its writer closed in
//!   the middle of a message (`Incomplete`, at the end only);
//! - as long as no raw bytes were injected: neither connection's decoder
//!   returns an error (but `Incomplete` from `finish` when the peer closed
//!   mid-message), the events each delivered are a prefix of what the
//!   fresh decoder reads from its peer's bytes (bodies merged), the server
//!   answered the requests the client wrote, in order, and once the client
//!   read all the server wrote, both switched protocols or neither;
//! - errors are sticky; after `Done` or `Switched` no more events; a
//!   connection switches protocols only at the end of a message it read;
//!   a server's final response says `Connection: close` (the caller's or
//!   the connection's) exactly when the connection is closed after it;
//!   `state()` never leaves Closed or Switched, nor goes from Closing back
//!   to Open.
//!
//! The five crate bugs this target found are fixed; each has a `CHECK_*`
//! constant below (on) and its reproducer in `regressions/conversation/`
//! (fuzz/README.md lists them).

#![no_main]

use h1wire::{
    client, server, Answering, ConnHeadStatus, ConnState, ConnStatus, ConnectionConfig,
    EncodeError, EncodeErrorKind as K, Encoder, EncoderOptions, Error, ErrorKind, Event, Field,
    Framing, MethodKind, StartLine, Version, WrittenHead,
};
use h1wire_fuzz::conversation_gen::{
    fields_of, offers_upgrade, Action, Api, Mode, OwnedField, RequestDesc, ResponseDesc, Script,
    Side,
};
use h1wire_fuzz::{
    drive, drive_open, esc, is_final, is_prefix, lenient_all, strict, ClientDecoder, Ev, Pieces,
    ResumingDecoder, StreamDecoder,
};
use libfuzzer_sys::fuzz_target;

/// The protocols of `fields`' Upgrade fields, lower-case, each element of
/// each list trimmed (no folds: the conversation writes none).
fn upgrade_protocols(fields: &[OwnedField]) -> Vec<Vec<u8>> {
    fields
        .iter()
        .filter(|f| f.name.eq_ignore_ascii_case(b"upgrade"))
        .flat_map(|f| f.value.split(|&b| b == b','))
        .map(|e| e.trim_ascii().to_ascii_lowercase())
        .filter(|e| !e.is_empty())
        .collect()
}
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

/// What a slice is filled with before a call.
const MARK: u8 = 0xA5;
/// What a `Vec` holds before a call (a call appends).
const PRIOR: &[u8] = b"prior";
/// A slice always large enough.
const BIG: usize = 1 << 11;

/// How many refused calls per run compare the connection's whole `Debug`
/// form (before and after: two per call); the others compare what it shows.
const FULL_COMPARISONS_PER_RUN: isize = 16;
static FULL_COMPARISONS: AtomicIsize = AtomicIsize::new(0);

/// Crate bugs this target found, each fixed and checked (`true`); turning
/// one off tolerates its symptom again, to fuzz past a regression.
///
/// A server connection accepted a 101 (Switching Protocols) to a request
/// whose body has not been read to its end, and then reports `Switched`:
/// the rest of that body would go to the new protocol.
const CHECK_SWITCH_AT_MESSAGE_END: bool = true;
/// A client connection whose CONNECT was answered with a final response
/// that is not 2xx before its caller called `end` for it refuses every
/// later request with `StreamEnded` while `state()` says `Open`.
const CHECK_REQUEST_AFTER_EARLY_REFUSED_CONNECT: bool = true;
/// A server connection's final response that ends the connection because
/// its body runs to the end of the stream (`Framing::Close`) gets no
/// `Connection: close`, and answering an HTTP/1.0 request that asked for
/// keep-alive it gets `Connection: keep-alive` instead.
const CHECK_CLOSE_DELIMITED_SAYS_CLOSE: bool = true;
/// A server connection whose decoder failed inside a CONNECT request (or
/// an Upgrade offer) takes a 2xx (or a 101) as the answer to the error and
/// switches protocols: no `Connection: close`, and `decode` then returns
/// `Switched` instead of the error.
const CHECK_NO_SWITCH_AFTER_ERROR: bool = true;
/// A server connection whose decoder fails inside a request it already
/// answered (an early final response, then the peer closes mid-body) owes
/// one more final response: the client reads it as unsolicited.
const CHECK_ONE_ANSWER_PER_FAILED_REQUEST: bool = true;

/// `CONVERSATION_TRACE=1` prints each action and what came of it (for
/// reading a reproducer: `cargo fuzz run conversation <file>`).
fn tracing() -> bool {
    static TRACE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("CONVERSATION_TRACE").is_some())
}

macro_rules! trace {
    ($($arg:tt)*) => {
        if tracing() {
            eprintln!($($arg)*);
        }
    };
}

fuzz_target!(|data: &[u8]| {
    let script = Script::parse(data);
    run(&script);
});

/// One connection of either role, for the parts the harness drives alike.
#[derive(Clone)]
enum Conn {
    Client(client::Connection),
    Server(server::Connection),
}

/// Body pieces per `decode_body` call, when the script reads that way.
const PIECES: usize = 2;

impl Conn {
    /// One read: through `decode` (no pieces, and its status), or, with
    /// `at_once`, through `decode_body` (its pieces, then what followed
    /// them; `None`: call again). With `head`, between messages, first
    /// through `decode_head`: a whole head comes back as the events
    /// `decode` would have given (`MessageEnd` too when it is a whole
    /// message), then `None`.
    #[allow(clippy::type_complexity)]
    fn read<'a>(
        &mut self,
        input: &'a [u8],
        at_once: bool,
        head: bool,
    ) -> Result<(usize, Vec<Ev>, Vec<&'a [u8]>, Option<ConnStatus<'a>>), Error> {
        if head {
            // As many as the default limit lets a head hold: never full.
            let mut fields = [Field::EMPTY; 100];
            let read = match self {
                Conn::Client(c) => c.decode_head(input, &mut fields),
                Conn::Server(s) => s.decode_head(input, &mut fields),
            }?;
            match read {
                ConnHeadStatus::Complete(head) => {
                    let mut events = vec![Ev::of(&match head.start {
                        StartLine::Request(line) => Event::Request(line),
                        StartLine::Response(line) => Event::Response(line),
                    })];
                    events.extend(head.fields.iter().map(|f| Ev::of(&Event::Header(*f))));
                    events.push(Ev::HeadEnd(head.framing));
                    if matches!(head.framing, Framing::None | Framing::Upgrade) {
                        events.push(Ev::MessageEnd);
                    }
                    return Ok((head.len, events, Vec::new(), None));
                }
                ConnHeadStatus::NeedMore => {
                    return Ok((0, Vec::new(), Vec::new(), Some(ConnStatus::NeedMore)))
                }
                ConnHeadStatus::Stopped(status) => {
                    return Ok((0, Vec::new(), Vec::new(), Some(status)))
                }
                // Not between messages after all: read on as events.
                ConnHeadStatus::NotAtHead => {}
            }
        }
        if at_once {
            let mut pieces = [&b""[..]; PIECES];
            let read = match self {
                Conn::Client(c) => c.decode_body(input, &mut pieces),
                Conn::Server(s) => s.decode_body(input, &mut pieces),
            }?;
            assert!(
                read.then.is_some() || !read.pieces.is_empty(),
                "decode_body read nothing, and nothing followed"
            );
            return Ok((read.consumed, Vec::new(), read.pieces.to_vec(), read.then));
        }
        let step = match self {
            Conn::Client(c) => c.decode(input),
            Conn::Server(s) => s.decode(input),
        }?;
        Ok((step.consumed, Vec::new(), Vec::new(), Some(step.status)))
    }
    fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        match self {
            Conn::Client(c) => c.finish(),
            Conn::Server(s) => s.finish(),
        }
    }
    fn state(&self) -> ConnState {
        match self {
            Conn::Client(c) => c.state(),
            Conn::Server(s) => s.state(),
        }
    }
    fn debug(&self) -> String {
        match self {
            Conn::Client(c) => format!("{c:?}"),
            Conn::Server(s) => format!("{s:?}"),
        }
    }
    /// What the connection shows of itself: compared after every refused
    /// call, the whole `Debug` form after the first few of each run (it is
    /// what most of the time went to).
    fn observable(&self, full: bool) -> String {
        if full {
            return self.debug();
        }
        match self {
            Conn::Client(c) => format!(
                "{:?} {} {} {:?}",
                c.state(),
                c.in_flight(),
                c.awaiting_continue(),
                c.readings()
            ),
            Conn::Server(s) => format!(
                "{:?} {} {} {:?} {:?}",
                s.state(),
                s.in_flight(),
                s.expects_continue(),
                s.answering(),
                s.readings()
            ),
        }
    }
    fn body(&mut self, len: usize) -> Result<h1wire::BodyFrame, EncodeError> {
        match self {
            Conn::Client(c) => c.body(len),
            Conn::Server(s) => s.body(len),
        }
    }
    fn body_into(&mut self, data: &[u8], out: &mut Vec<u8>) -> Result<(), EncodeError> {
        match self {
            Conn::Client(c) => c.body_into(data, out),
            Conn::Server(s) => s.body_into(data, out),
        }
    }
    fn end(&mut self, trailers: &[Field<'_>], out: &mut [u8]) -> Result<usize, EncodeError> {
        match self {
            Conn::Client(c) => c.end(trailers, out),
            Conn::Server(s) => s.end(trailers, out),
        }
    }
    fn end_into(
        &mut self,
        trailers: &[Field<'_>],
        out: &mut Vec<u8>,
    ) -> Result<usize, EncodeError> {
        match self {
            Conn::Client(c) => c.end_into(trailers, out),
            Conn::Server(s) => s.end_into(trailers, out),
        }
    }
    fn client(&mut self) -> &mut client::Connection {
        match self {
            Conn::Client(c) => c,
            Conn::Server(_) => unreachable!(),
        }
    }
    fn server(&mut self) -> &mut server::Connection {
        match self {
            Conn::Server(s) => s,
            Conn::Client(_) => unreachable!(),
        }
    }
}

/// One end of the conversation: its connection, what it reads, what it
/// wrote.
struct End {
    side: Side,
    conn: Conn,
    depth: usize,
    encoder_options: EncoderOptions,
    /// Sent toward this end, not arrived yet.
    wire: Vec<u8>,
    /// Arrived, not consumed.
    rx: Vec<u8>,
    /// Every event this end's connection delivered.
    saw: Vec<Ev>,
    /// `Done` or `Switched` was returned.
    stopped: bool,
    /// The error its decoding returned, sticky from then on.
    error: Option<Error>,
    /// The peer closed its side: `finish` once everything is read.
    eof: bool,
    /// The writer was inside a message when it closed.
    eof_mid_message: bool,
    finished: bool,
    last_state: ConnState,
    /// This end's writer: a head was written and its end not yet.
    in_message: bool,
    /// Everything this end wrote.
    wrote: Vec<u8>,
    /// This end closed its writing side (or is absent): it writes no more.
    write_closed: bool,
}

struct World {
    mode: Mode,
    /// Both ends read through `decode_body`.
    bodies_at_once: bool,
    /// Both ends read heads between messages through `decode_head`.
    heads_at_once: bool,
    client: End,
    server: End,
    /// Raw bytes went toward either end.
    injected: bool,
    /// The methods of the requests the client wrote, in order.
    client_methods: Vec<MethodKind>,
    /// Whether the client's last request may switch protocols (`None`:
    /// unknown, it had raw parts).
    client_last_may_switch: Option<bool>,
    /// The protocols the client's last request offered in its Upgrade
    /// fields, lower-case (`None`: unknown, it had raw parts).
    client_last_offer: Option<Vec<Vec<u8>>>,
    /// The method of the request each final response the server wrote
    /// answers, in order (from `answering()` before writing it).
    server_answered: Vec<MethodKind>,
    /// The client's message in progress is a CONNECT request.
    client_writing_connect: bool,
    /// The client ended a CONNECT after its final response was read.
    client_connect_ended_late: bool,
    /// The head of the server's response in progress, if final, and its
    /// framing.
    server_final_head: Option<(Vec<u8>, Framing)>,
    /// The server's reading had ended (an error, or its peer closed) when
    /// that head was written: a later end closes the connection without
    /// the head having been able to say so.
    server_read_open_at_head: bool,
    /// The server's decoder failed inside a request it had answered
    /// already (see `CHECK_ONE_ANSWER_PER_FAILED_REQUEST`).
    /// (How many final responses were written then.)
    server_failed_answered: Option<usize>,
}

fn config(
    lenient: bool,
    ignored_framing: bool,
    depth: usize,
) -> (ConnectionConfig, EncoderOptions) {
    let mut options = EncoderOptions::default();
    options.ignored_framing_fields = ignored_framing;
    let mut c = ConnectionConfig::default();
    c.config = if lenient { lenient_all() } else { strict() };
    c.encoder = options;
    c.depth = depth;
    (c, options)
}

impl End {
    fn new(
        side: Side,
        conn: Conn,
        depth: usize,
        encoder_options: EncoderOptions,
        absent: bool,
    ) -> Self {
        End {
            side,
            conn,
            depth,
            encoder_options,
            wire: Vec::new(),
            rx: Vec::new(),
            saw: Vec::new(),
            stopped: false,
            error: None,
            eof: false,
            eof_mid_message: false,
            finished: false,
            last_state: ConnState::Open,
            in_message: false,
            wrote: Vec::new(),
            write_closed: absent,
        }
    }
}

fn run(script: &Script) {
    FULL_COMPARISONS.store(FULL_COMPARISONS_PER_RUN, Relaxed);
    let (server_config, server_options) = config(
        script.server_lenient,
        script.server_ignored_framing,
        script.server_depth,
    );
    let (client_config, client_options) = config(
        script.client_lenient,
        script.client_ignored_framing,
        script.client_depth,
    );
    let mut w = World {
        mode: script.mode,
        bodies_at_once: script.bodies_at_once,
        heads_at_once: script.heads_at_once,
        client: End::new(
            Side::Client,
            Conn::Client(client::Connection::new(client_config)),
            script.client_depth,
            client_options,
            script.mode == Mode::ServerAlone,
        ),
        server: End::new(
            Side::Server,
            Conn::Server(server::Connection::new(server_config)),
            script.server_depth,
            server_options,
            script.mode == Mode::ClientAlone,
        ),
        injected: false,
        client_methods: Vec::new(),
        client_last_may_switch: Some(false),
        client_last_offer: Some(Vec::new()),
        server_answered: Vec::new(),
        client_writing_connect: false,
        client_connect_ended_late: false,
        server_final_head: None,
        server_read_open_at_head: true,
        server_failed_answered: None,
    };
    trace!(
        "{:?}: server depth {}, client depth {}",
        script.mode,
        script.server_depth,
        script.client_depth
    );
    for action in &script.actions {
        trace!("> {action:?}");
        w.act(action);
        w.check_states();
    }
    // Read what is left.
    for side in [Side::Server, Side::Client] {
        if w.present(side) {
            let end = w.end_mut(side);
            let wire = core::mem::take(&mut end.wire);
            end.rx.extend_from_slice(&wire);
            w.pump(side);
        }
    }
    w.check_states();
    w.check_directions();
}

impl World {
    fn present(&self, side: Side) -> bool {
        !matches!(
            (self.mode, side),
            (Mode::ServerAlone, Side::Client) | (Mode::ClientAlone, Side::Server)
        )
    }

    fn end_mut(&mut self, side: Side) -> &mut End {
        match side {
            Side::Client => &mut self.client,
            Side::Server => &mut self.server,
        }
    }

    fn peer_mut(&mut self, side: Side) -> &mut End {
        match side {
            Side::Client => &mut self.server,
            Side::Server => &mut self.client,
        }
    }

    fn act(&mut self, action: &Action) {
        match action {
            Action::Request(d) => self.request(d),
            Action::Response(d) => self.response(d),
            Action::Body { side, data, slice } => self.body(*side, data, *slice),
            Action::End {
                side,
                trailers,
                api,
            } => self.end(*side, trailers, *api),
            Action::Pump { side, chunk } => {
                if !self.present(*side) {
                    return;
                }
                let end = self.end_mut(*side);
                let n = chunk.unwrap_or(end.wire.len()).min(end.wire.len());
                let arrived: Vec<u8> = end.wire.drain(..n).collect();
                end.rx.extend_from_slice(&arrived);
                self.pump(*side);
            }
            Action::PeerCloses { side } => {
                if !self.present(*side) || self.end_mut(*side).eof {
                    return;
                }
                let peer_in_message = {
                    let peer = self.peer_mut(*side);
                    peer.write_closed = true;
                    peer.in_message
                };
                let end = self.end_mut(*side);
                end.eof = true;
                end.eof_mid_message = peer_in_message;
                let wire = core::mem::take(&mut end.wire);
                end.rx.extend_from_slice(&wire);
                self.pump(*side);
            }
            Action::Inject { side, bytes } => {
                if !self.present(*side) || self.end_mut(*side).eof || bytes.is_empty() {
                    return;
                }
                self.injected = true;
                self.end_mut(*side).wire.extend_from_slice(bytes);
            }
        }
    }

    /// Bytes `side` wrote: on the wire toward its peer, if there is one.
    fn sent(&mut self, side: Side, bytes: &[u8]) {
        self.end_mut(side).wrote.extend_from_slice(bytes);
        let peer_present = match side {
            Side::Client => self.present(Side::Server),
            Side::Server => self.present(Side::Client),
        };
        if peer_present {
            self.peer_mut(side).wire.extend_from_slice(bytes);
        }
    }

    // -----------------------------------------------------------------
    // Writing
    // -----------------------------------------------------------------

    fn request(&mut self, d: &RequestDesc) {
        if self.client.write_closed {
            return;
        }
        let fields = fields_of(&d.fields);
        let line = d.line();
        let body = d.body.body();
        let fresh = {
            let mut buf = vec![0u8; BIG];
            Encoder::client()
                .with_options(self.client.encoder_options)
                .request(&line, &fields, body, &mut buf)
                .map(|h| buf[..h.len].to_vec())
        };
        let state = self.client.conn.state();
        let in_flight = self.client.conn.client().in_flight();
        let in_message = self.client.in_message;
        let depth = self.client.depth;
        let switch_pending = self.client_last_may_switch.map(|m| m && in_flight > 0);
        let result = checked_write(
            &mut self.client.conn,
            d.api,
            "request",
            |h: &WrittenHead| h.len,
            |c, out| c.client().request(&line, &fields, body, out),
            |c, out| c.client().request_into(&line, &fields, body, out),
        );
        let context = || {
            format!(
                "request {} {} {:?} fields {:?} body {:?}; state {state:?}, in flight {in_flight}, \
                 depth {depth}, in message {in_message}, switch pending {switch_pending:?}; \
                 a fresh encoder: {:?}",
                esc(&d.method),
                esc(&d.target),
                d.version,
                d.fields,
                d.body,
                fresh.as_ref().map(|b| esc(b))
            )
        };
        match &result {
            Err(e) => {
                let ok = match e.kind() {
                    K::MessageInProgress => in_message,
                    K::PipelineFull => in_flight >= depth,
                    K::AwaitingSwitch => switch_pending != Some(false),
                    K::ConnectionClosed => matches!(state, ConnState::Closing | ConnState::Closed),
                    K::UnexpectedSwitch => state == ConnState::Switched,
                    K::StreamEnded => {
                        state == ConnState::Switched
                            || (!CHECK_REQUEST_AFTER_EARLY_REFUSED_CONNECT
                                && self.client_connect_ended_late)
                    }
                    K::NoRequest | K::InterimToHttp10 | K::NoMessage | K::WrongRole => false,
                    K::BufferTooSmall => unreachable!("handled by checked_write"),
                    kind => fresh.as_ref().is_err_and(|f| f.kind() == kind),
                };
                assert!(ok, "request refused with {e:?}, unjustified: {}", context());
                let allowed = state == ConnState::Open
                    && !in_message
                    && in_flight < depth
                    && switch_pending == Some(false)
                    && (CHECK_REQUEST_AFTER_EARLY_REFUSED_CONNECT
                        || !self.client_connect_ended_late);
                assert!(
                    !(allowed && fresh.is_ok()),
                    "request refused with {e:?} where it must be accepted: {}",
                    context()
                );
            }
            Ok((_, bytes)) => {
                assert!(
                    state == ConnState::Open
                        && !in_message
                        && in_flight < depth
                        && switch_pending != Some(true),
                    "request accepted where it must be refused: {}",
                    context()
                );
                match &fresh {
                    Ok(f) => assert!(
                        f == bytes,
                        "the connection wrote {} where a fresh encoder writes {}: {}",
                        esc(bytes),
                        esc(f),
                        context()
                    ),
                    Err(f) => panic!(
                        "request accepted, a fresh encoder refuses it ({f:?}): {}",
                        context()
                    ),
                }
            }
        }
        trace!("  client head: {:?}", result.as_ref().map(|(_, b)| esc(b)));
        let Ok((_, bytes)) = result else {
            return;
        };
        self.sent(Side::Client, &bytes);
        self.client.in_message = true;
        let method = MethodKind::of(&d.method);
        self.client_writing_connect = method == MethodKind::Connect;
        self.client_methods.push(method);
        self.client_last_offer = (!d.raw).then(|| upgrade_protocols(&d.fields));
        self.client_last_may_switch = if d.raw {
            None
        } else {
            Some(
                method == MethodKind::Connect
                    || (d.version == Version::Http11 && offers_upgrade(&d.fields)),
            )
        };
        if let Some(whole) = &d.whole {
            if !whole.data.is_empty() {
                self.body(Side::Client, &whole.data, d.api != Api::Vec);
            }
            self.end(Side::Client, &whole.trailers, d.api);
        }
    }

    fn response(&mut self, d: &ResponseDesc) {
        if self.server.write_closed {
            return;
        }
        let fields = fields_of(&d.fields);
        let line = d.line();
        let body = d.body.body();
        let state = self.server.conn.state();
        let answering = self.server.conn.server().answering();
        let in_flight = self.server.conn.server().in_flight();
        let in_message = self.server.in_message;
        let failed = self.server.error.is_some();
        let interim = !is_final(d.status);
        let fresh = {
            let mut buf = vec![0u8; BIG];
            Encoder::server()
                .with_options(self.server.encoder_options)
                .response(
                    &line,
                    &fields,
                    body,
                    answering.unwrap_or(Answering::HTTP11),
                    &mut buf,
                )
                .map(|h| buf[..h.len].to_vec())
        };
        let result = checked_write(
            &mut self.server.conn,
            d.api,
            "response",
            |h: &WrittenHead| h.len,
            |s, out| s.server().response(&line, &fields, body, out),
            |s, out| s.server().response_into(&line, &fields, body, out),
        );
        let context = || {
            format!(
                "response {} {} {:?} fields {:?} body {:?}; state {state:?}, answering \
                 {answering:?}, in flight {in_flight}, in message {in_message}, failed {failed}; \
                 a fresh encoder: {:?}",
                d.status,
                esc(&d.reason),
                d.version,
                d.fields,
                d.body,
                fresh.as_ref().map(|b| esc(b))
            )
        };
        let tunnel = answering.is_some_and(|a| a.method == MethodKind::Connect)
            && (200..300).contains(&d.status);
        match &result {
            Err(e) => {
                let ok = match e.kind() {
                    K::MessageInProgress => in_message,
                    K::NoRequest => answering.is_none() || (interim && failed),
                    K::ConnectionClosed => matches!(state, ConnState::Closing | ConnState::Closed),
                    // A switch waits for the whole request and never
                    // answers a request that failed (RFC 9110 section 7.8).
                    K::UnexpectedSwitch => {
                        d.status == 101 || state == ConnState::Switched || tunnel
                    }
                    // (A 101 is a 1xx too: RFC 9110 section 15.2.)
                    K::InterimToHttp10 => {
                        (interim || d.status == 101)
                            && answering.is_some_and(|a| a.version == Version::Http10)
                    }
                    K::StreamEnded => state != ConnState::Open,
                    K::PipelineFull | K::AwaitingSwitch | K::NoMessage | K::WrongRole => false,
                    K::BufferTooSmall => unreachable!("handled by checked_write"),
                    kind => fresh.as_ref().is_err_and(|f| f.kind() == kind),
                };
                assert!(
                    ok,
                    "response refused with {e:?}, unjustified: {}",
                    context()
                );
                let allowed = state == ConnState::Open
                    && !in_message
                    && answering.is_some()
                    && d.status != 101
                    && !tunnel
                    && !(interim && answering.is_some_and(|a| a.version == Version::Http10))
                    && !failed;
                assert!(
                    !(allowed && fresh.is_ok()),
                    "response refused with {e:?} where it must be accepted: {}",
                    context()
                );
            }
            Ok((_, bytes)) => {
                assert!(
                    !in_message
                        && answering.is_some()
                        && !matches!(state, ConnState::Closed | ConnState::Switched),
                    "response accepted where it must be refused: {}",
                    context()
                );
                // RFC 9110 section 15.2.2: a 101 names the protocol it
                // switches to (an Upgrade that lists nothing names none).
                assert!(
                    d.status != 101 || !upgrade_protocols(&d.fields).is_empty(),
                    "a 101 that names no protocol was accepted: {}",
                    context()
                );
                // RFC 9110 section 7.8: a 101 names only protocols the
                // request offered (a name alone matches any version of
                // it; an offer without a version takes any version). The
                // connection keeps two offered protocols: a longer offer
                // takes any answer. (Raw bytes toward the server are
                // requests the client never wrote: their offers are not
                // known here.)
                let kept = self
                    .client_last_offer
                    .as_ref()
                    .filter(|o| o.len() <= 2 && !self.injected);
                if let (101, Some(offered)) = (d.status, kept) {
                    for answered in upgrade_protocols(&d.fields) {
                        let name =
                            |p: &[u8]| p.split(|&b| b == b'/').next().unwrap_or_default().to_vec();
                        let ok = offered.iter().any(|o| {
                            o == &answered
                                || (name(o) == name(&answered)
                                    && (!answered.contains(&b'/') || !o.contains(&b'/')))
                        });
                        assert!(
                            ok,
                            "a 101 switched to {} that the request did not offer ({:?}): {}",
                            esc(&answered),
                            offered.iter().map(|o| esc(o)).collect::<Vec<_>>(),
                            context()
                        );
                    }
                }
                match &fresh {
                    Ok(f) => assert!(
                        same_but_connection_line(bytes, f),
                        "the connection wrote {} where a fresh encoder writes {}: {}",
                        esc(bytes),
                        esc(f),
                        context()
                    ),
                    Err(f) => panic!(
                        "response accepted, a fresh encoder refuses it ({f:?}): {}",
                        context()
                    ),
                }
            }
        }
        trace!("  server head: {:?}", result.as_ref().map(|(_, b)| esc(b)));
        let Ok((head, bytes)) = result else {
            return;
        };
        let result_framing = head.framing;
        self.sent(Side::Server, &bytes);
        self.server.in_message = true;
        self.server_final_head = (!interim).then(|| (bytes.clone(), result_framing));
        self.server_read_open_at_head = self.server.error.is_none() && !self.server.eof;
        if !interim {
            let answering = answering.expect("checked above");
            self.server_answered.push(answering.method);
        }
        if let Some(whole) = &d.whole {
            if !whole.data.is_empty() {
                self.body(Side::Server, &whole.data, d.api != Api::Vec);
            }
            self.end(Side::Server, &whole.trailers, d.api);
        }
    }

    fn body(&mut self, side: Side, data: &[u8], slice: bool) {
        let end = self.end_mut(side);
        if end.write_closed {
            return;
        }
        let before = end.conn.clone();
        let in_message = end.in_message;
        let result = if slice {
            end.conn
                .body(data.len())
                .map(|frame| [frame.before(), data, frame.after()].concat())
        } else {
            let mut out = PRIOR.to_vec();
            let result = end.conn.body_into(data, &mut out);
            match result {
                Ok(()) => {
                    assert!(
                        out.starts_with(PRIOR),
                        "body_into changed what the Vec held"
                    );
                    Ok(out[PRIOR.len()..].to_vec())
                }
                Err(e) => {
                    assert_eq!(out, PRIOR, "a refused body_into ({e:?}) wrote bytes");
                    Err(e)
                }
            }
        };
        trace!("  {side:?} body: {:?}", result.as_ref().map(|b| esc(b)));
        match result {
            Ok(bytes) => {
                assert!(in_message, "{side:?}: body data accepted outside a message");
                assert!(
                    bytes.len() >= data.len(),
                    "{side:?}: body data shrunk to {}",
                    esc(&bytes)
                );
                self.sent(side, &bytes);
            }
            Err(e) => {
                let end = self.end_mut(side);
                let full = FULL_COMPARISONS.fetch_sub(1, Relaxed) > 0;
                assert_eq!(
                    end.conn.observable(full),
                    before.observable(full),
                    "{side:?}: a refused body piece ({e:?}) changed the connection"
                );
                let ok = match e.kind() {
                    K::NoMessage | K::StreamEnded => !in_message,
                    K::BodyNotAllowed | K::BodyTooLong => in_message && !data.is_empty(),
                    // A client stops sending a body a closing final
                    // response answered (RFC 9112 section 9.3).
                    K::ConnectionClosed => {
                        side == Side::Client && before.state() == ConnState::Closed
                    }
                    _ => false,
                };
                assert!(
                    ok,
                    "{side:?}: body piece of {} bytes refused with {e:?} (in message {in_message})",
                    data.len()
                );
            }
        }
    }

    fn end(&mut self, side: Side, trailers: &[OwnedField], api: Api) {
        let end = self.end_mut(side);
        if end.write_closed {
            return;
        }
        let fields = fields_of(trailers);
        let in_message = end.in_message;
        let state_before = end.conn.state();
        let result = checked_write(
            &mut end.conn,
            api,
            "end",
            |n: &usize| *n,
            |c, out| c.end(&fields, out),
            |c, out| c.end_into(&fields, out),
        );
        trace!("  {side:?} end: {:?}", result.as_ref().map(|(_, b)| esc(b)));
        match result {
            Ok((_, bytes)) => {
                assert!(in_message, "{side:?}: end accepted outside a message");
                self.end_mut(side).in_message = false;
                if side == Side::Server {
                    if let Some((head, framing)) = self.server_final_head.take() {
                        self.check_closing_says_close(&head, framing);
                    }
                }
                if side == Side::Client
                    && self.client_writing_connect
                    && self.client.conn.client().in_flight() == 0
                {
                    self.client_connect_ended_late = true;
                }
                self.sent(side, &bytes);
            }
            Err(e) => {
                let ok = match e.kind() {
                    K::NoMessage | K::StreamEnded => !in_message,
                    K::BodyTooShort
                    | K::TrailersNotAllowed
                    | K::ForbiddenTrailer
                    | K::InvalidFieldName
                    | K::InvalidFieldValue => in_message,
                    K::ConnectionClosed => {
                        side == Side::Client && state_before == ConnState::Closed
                    }
                    _ => false,
                };
                assert!(
                    ok,
                    "{side:?}: end with trailers {trailers:?} refused with {e:?} (in message \
                     {in_message})"
                );
            }
        }
    }

    /// A final response just ended: the connection is closed now exactly
    /// when the head said `Connection: close` (the caller's field or the
    /// one the connection adds to "the final response of a closing
    /// exchange").
    fn check_closing_says_close(&mut self, head: &[u8], framing: Framing) {
        let state = self.server.conn.state();
        if state == ConnState::Switched {
            return;
        }
        let says_close = connection_options(head).any(|o| o.eq_ignore_ascii_case(b"close"));
        if !CHECK_CLOSE_DELIMITED_SAYS_CLOSE && framing == Framing::Close && !says_close {
            return;
        }
        // Reading failed or ended between the head and its end: the
        // connection closes, and the head written before could not say so.
        let read_ended_since =
            self.server_read_open_at_head && (self.server.error.is_some() || self.server.eof);
        if read_ended_since && !says_close && state == ConnState::Closed {
            return;
        }
        assert_eq!(
            says_close,
            state == ConnState::Closed,
            "the server's final response {} left the connection {state:?}",
            esc(head)
        );
    }

    // -----------------------------------------------------------------
    // Reading
    // -----------------------------------------------------------------

    /// Whether an error of `side`'s decoding is expected.
    fn error_expected(&mut self, side: Side, error: &Error, from_finish: bool) -> bool {
        if side == Side::Server {
            // Inside a request that was answered already?
            let saw = &self.server.saw;
            let requests = saw
                .iter()
                .filter(|e| matches!(e, Ev::Request { .. }))
                .count();
            let last_start = saw.iter().rposition(|e| matches!(e, Ev::Request { .. }));
            let last_end = saw.iter().rposition(|e| *e == Ev::MessageEnd);
            let inside = last_start.is_some() && last_start > last_end;
            if inside && self.server_answered.len() >= requests {
                self.server_failed_answered = Some(self.server_answered.len());
            }
        }
        let known = !CHECK_ONE_ANSWER_PER_FAILED_REQUEST
            && side == Side::Client
            && self.server_failed_answered.is_some()
            && error.kind() == ErrorKind::UnsolicitedResponse;
        let end = match side {
            Side::Client => &self.client,
            Side::Server => &self.server,
        };
        known
            || self.injected
            || self.mode != Mode::Pair
            || (from_finish && error.kind() == ErrorKind::Incomplete && end.eof_mid_message)
    }

    /// `side` decodes what arrived until it needs more or stops; at the
    /// end of stream, `finish`.
    fn pump(&mut self, side: Side) {
        let mut need_more = false;
        let mut calls = 0usize;
        let budget = 4 * self.end_mut(side).rx.len() + 64;
        loop {
            calls += 1;
            assert!(calls <= budget, "{side:?}: decode makes no progress");
            let at_once = self.bodies_at_once;
            let heads = self.heads_at_once;
            let end = self.end_mut(side);
            let rx_len = end.rx.len();
            // Between messages, as far as the events delivered say (a head
            // call after a body's last piece would imply its `MessageEnd`
            // unseen: tests/conn_head*.rs hold that to the events).
            let at_head = heads && matches!(end.saw.last(), None | Some(Ev::MessageEnd));
            let (consumed, head_events, pieces, then) =
                match end.conn.read(&end.rx, at_once, at_head) {
                    Ok(read) => {
                        trace!("  {side:?} read: {read:?}");
                        read
                    }
                    Err(error) => {
                        trace!("  {side:?} read: {error:?}");
                        if let Some(previous) = end.error {
                            assert_eq!(error, previous, "{side:?}: the error is not sticky");
                            return;
                        }
                        end.error = Some(error);
                        let expected = self.error_expected(side, &error, false);
                        let end = self.end_mut(side);
                        assert!(
                        expected,
                        "{side:?}: decode error {error:?} with no raw bytes injected; it saw {:?}",
                        end.saw
                    );
                        return;
                    }
                };
            if let Some(previous) = end.error {
                let known = !CHECK_NO_SWITCH_AFTER_ERROR
                    && side == Side::Server
                    && then == Some(ConnStatus::Switched)
                    && pieces.is_empty()
                    && head_events.is_empty();
                assert!(
                    known,
                    "{side:?}: decode went on after the error {previous:?}: {head_events:?} \
                     {pieces:?} {then:?}"
                );
            }
            assert!(consumed <= rx_len, "{side:?}: consumed past the input");
            for event in &head_events {
                assert!(!end.stopped, "{side:?}: a head after Done or Switched");
                end.saw.push(event.clone());
            }
            for piece in &pieces {
                assert!(!piece.is_empty(), "{side:?}: an empty body piece");
                assert!(!end.stopped, "{side:?}: body data after Done or Switched");
                end.saw.push(Ev::of(&Event::Body(piece)));
            }
            let stop = match then {
                // The array filled: call again.
                None => false,
                Some(ConnStatus::Event(event)) => {
                    assert!(
                        !end.stopped,
                        "{side:?}: an event after Done or Switched: {event:?}"
                    );
                    end.saw.push(Ev::of(&event));
                    false
                }
                Some(ConnStatus::NeedMore) => {
                    need_more = true;
                    true
                }
                Some(ConnStatus::Paused) => true,
                Some(ConnStatus::Switched) => {
                    if !end.stopped && CHECK_SWITCH_AT_MESSAGE_END {
                        assert!(
                            end.saw.last() == Some(&Ev::MessageEnd),
                            "{side:?}: switched protocols in the middle of a message it reads; \
                             it saw {:?}",
                            end.saw
                        );
                    }
                    end.stopped = true;
                    true
                }
                Some(ConnStatus::Done { ignored }) => {
                    assert!(
                        consumed + ignored <= rx_len,
                        "{side:?}: Done ignores {ignored} bytes of {rx_len}"
                    );
                    end.stopped = true;
                    true
                }
            };
            end.rx.drain(..consumed);
            if stop {
                break;
            }
        }
        let end = self.end_mut(side);
        if need_more && end.eof && !end.finished {
            end.finished = true;
            let finished = end.conn.finish();
            trace!("  {side:?} finish: {finished:?}");
            match finished {
                Ok(Some(event)) => {
                    assert!(
                        !end.stopped,
                        "{side:?}: finish delivered an event after Done or Switched"
                    );
                    end.saw.push(Ev::of(&event));
                }
                Ok(None) => {}
                Err(error) => {
                    if let Some(previous) = end.error {
                        assert_eq!(error, previous, "{side:?}: the error is not sticky");
                        return;
                    }
                    end.error = Some(error);
                    let expected = self.error_expected(side, &error, true);
                    let end = self.end_mut(side);
                    assert!(
                        expected,
                        "{side:?}: finish error {error:?} with no raw bytes injected and the \
                         peer between messages; it saw {:?}",
                        end.saw
                    );
                }
            }
        }
    }

    // -----------------------------------------------------------------
    // Whole-run checks
    // -----------------------------------------------------------------

    fn check_states(&mut self) {
        for end in [&mut self.client, &mut self.server] {
            let now = end.conn.state();
            let before = end.last_state;
            let fine = match before {
                ConnState::Closed => now == ConnState::Closed,
                ConnState::Switched => now == ConnState::Switched,
                ConnState::Closing => now != ConnState::Open,
                ConnState::Open => true,
            };
            assert!(
                fine,
                "{:?}: state went from {before:?} to {now:?}",
                end.side
            );
            end.last_state = now;
        }
    }

    fn check_directions(&self) {
        // Requests: what the client wrote, read by a fresh server decoder.
        if self.present(Side::Client) {
            let finals: Vec<u16> = self
                .client
                .saw
                .iter()
                .filter_map(|e| match e {
                    Ev::Response { status, .. } if is_final(*status) => Some(*status),
                    _ => None,
                })
                .collect();
            let (events, error) = read_requests(&self.client.wrote, &finals, self.server.eof);
            check_stream(
                "the client",
                &self.client.wrote,
                &events,
                error,
                self.server.eof_mid_message || !self.present(Side::Server),
            );
            if self.mode == Mode::Pair && !self.injected {
                assert!(
                    is_prefix(&self.server.saw, &events),
                    "the server saw {:?}\nthe client wrote {:?}",
                    self.server.saw,
                    events
                );
            }
        }
        // Responses: what the server wrote, read by a fresh client decoder
        // told the methods the server answered.
        if self.present(Side::Server) {
            let (events, error) =
                read_responses(&self.server.wrote, &self.server_answered, self.client.eof);
            check_stream(
                "the server",
                &self.server.wrote,
                &events,
                error,
                self.client.eof_mid_message || !self.present(Side::Client),
            );
            if self.mode == Mode::Pair && !self.injected {
                let answered = match self.server_failed_answered {
                    Some(n) if !CHECK_ONE_ANSWER_PER_FAILED_REQUEST => &self.server_answered[..n],
                    _ => &self.server_answered[..],
                };
                assert!(
                    self.client_methods.starts_with(answered),
                    "the server answered {:?}, the client asked {:?}",
                    self.server_answered,
                    self.client_methods
                );
                assert!(
                    is_prefix(&self.client.saw, &events),
                    "the client saw {:?}\nthe server wrote {:?}",
                    self.client.saw,
                    events
                );
                if self.client.wire.is_empty()
                    && self.client.rx.is_empty()
                    && self.server.conn.state() == ConnState::Switched
                {
                    assert_eq!(
                        self.client.conn.state(),
                        ConnState::Switched,
                        "the server switched, the client read all and did not"
                    );
                }
            }
        }
    }
}

/// A stream read by a fresh decoder holds no error, but `Incomplete` at the
/// end when its writer closed in the middle of a message.
fn check_stream(who: &str, wrote: &[u8], events: &[Ev], error: Option<(Error, bool)>, mid: bool) {
    if let Some((error, at_finish)) = error {
        assert!(
            at_finish && error.kind() == ErrorKind::Incomplete && mid,
            "{who} wrote a malformed stream: {error:?} after {events:?}\nstream {}",
            esc(wrote)
        );
    }
}

/// A server's strict decoder over `stream`; after a CONNECT head it goes
/// on when the client read a final response to it that is not 2xx.
fn read_requests(stream: &[u8], finals: &[u16], eof: bool) -> (Vec<Ev>, Option<(Error, bool)>) {
    let opens = |k: usize| finals.get(k).is_none_or(|s| (200..300).contains(s));
    read(ResumingDecoder::new(strict(), &opens), stream, eof)
}

/// A client's strict decoder over `stream`, told `methods` (as many as it
/// holds, then one more after each final response).
fn read_responses(
    stream: &[u8],
    methods: &[MethodKind],
    eof: bool,
) -> (Vec<Ev>, Option<(Error, bool)>) {
    read(ClientDecoder::new(strict(), methods), stream, eof)
}

/// `decoder` over `stream` through the test kit's loop (which checks every
/// call), told the end of stream when its writer closed (`eof`). Returns
/// the events and the error, if any (and whether `finish` returned it:
/// only `finish` returns `Incomplete`).
fn read<D: StreamDecoder>(
    mut decoder: D,
    stream: &[u8],
    eof: bool,
) -> (Vec<Ev>, Option<(Error, bool)>) {
    let trace = if eof {
        drive(&mut decoder, stream, Pieces::whole())
    } else {
        drive_open(&mut decoder, stream, Pieces::whole())
    };
    let events = trace.records.iter().map(|r| r.ev.plain()).collect();
    let error = match trace.end() {
        h1wire_fuzz::End::Error(e) => Some((e, e.kind() == ErrorKind::Incomplete)),
        // Closed, upgraded, or open (the writer did not close).
        _ => None,
    };
    (events, error)
}

/// The connection options of a head's Connection fields.
fn connection_options(head: &[u8]) -> impl Iterator<Item = &[u8]> {
    head.split(|&b| b == b'\n')
        .skip(1)
        .filter_map(|line| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let colon = line.iter().position(|&b| b == b':')?;
            line[..colon]
                .eq_ignore_ascii_case(b"connection")
                .then(|| &line[colon + 1..])
        })
        .flat_map(|value| value.split(|&b| b == b','))
        .map(|option| option.trim_ascii())
}

/// `written` is `fresh`, or `fresh` with one `Connection: close` or
/// `Connection: keep-alive` line added among its fields.
fn same_but_connection_line(written: &[u8], fresh: &[u8]) -> bool {
    if written == fresh {
        return true;
    }
    for extra in [&b"Connection: close\r\n"[..], b"Connection: keep-alive\r\n"] {
        if written.len() != fresh.len() + extra.len() {
            continue;
        }
        for at in 2..=written.len() - extra.len() {
            if written[at - 2..at] == *b"\r\n"
                && written[at..].starts_with(extra)
                && written[..at] == fresh[..at]
                && written[at + extra.len()..] == fresh[at..]
            {
                return true;
            }
        }
    }
    false
}

/// One writing call through `api`, checked: a refused call writes nothing
/// and leaves the connection as it was; `BufferTooSmall` says how much room
/// it needs, and the call then succeeds writing exactly that much; a call
/// refused for another reason with a small buffer is refused the same way
/// with room to spare. Returns the value and the bytes written.
fn checked_write<T: core::fmt::Debug>(
    conn: &mut Conn,
    api: Api,
    what: &str,
    len_of: fn(&T) -> usize,
    mut slice: impl FnMut(&mut Conn, &mut [u8]) -> Result<T, EncodeError>,
    mut vec: impl FnMut(&mut Conn, &mut Vec<u8>) -> Result<T, EncodeError>,
) -> Result<(T, Vec<u8>), EncodeError> {
    // Compared (through `Debug`) only when a call is refused.
    let before = conn.clone();
    let refused = |conn: &Conn, e: &EncodeError| {
        let full = FULL_COMPARISONS.fetch_sub(1, Relaxed) > 0;
        assert_eq!(
            conn.observable(full),
            before.observable(full),
            "{what}: a refused call ({e:?}) changed the connection"
        );
    };
    let mut into_slice = |conn: &mut Conn, size: usize| {
        let mut buf = vec![MARK; size];
        let result = slice(conn, &mut buf);
        match &result {
            Ok(t) => {
                let n = len_of(t);
                assert!(n <= size, "{what}: wrote {n} bytes into {size}");
                assert!(
                    buf[n..].iter().all(|&b| b == MARK),
                    "{what}: wrote past the {n} bytes it reports"
                );
            }
            Err(e) => {
                assert!(
                    buf.iter().all(|&b| b == MARK),
                    "{what}: a refused call ({e:?}) wrote into the buffer"
                );
                refused(conn, e);
            }
        }
        result.map(|t| {
            let n = len_of(&t);
            (t, buf[..n].to_vec())
        })
    };
    match api {
        Api::Vec => {
            let mut out = PRIOR.to_vec();
            let result = vec(conn, &mut out);
            match result {
                Ok(t) => {
                    assert!(out.starts_with(PRIOR), "{what}: changed what the Vec held");
                    let bytes = out[PRIOR.len()..].to_vec();
                    assert_eq!(
                        bytes.len(),
                        len_of(&t),
                        "{what}: appended other than it says"
                    );
                    Ok((t, bytes))
                }
                Err(e) => {
                    assert_eq!(out, PRIOR, "{what}: a refused call ({e:?}) appended bytes");
                    refused(conn, &e);
                    assert_ne!(e.kind(), K::BufferTooSmall, "{what}: a Vec is too small");
                    Err(e)
                }
            }
        }
        Api::Slice => {
            let result = into_slice(conn, BIG);
            if let Err(e) = &result {
                assert_ne!(e.kind(), K::BufferTooSmall, "{what}: {BIG} bytes too small");
            }
            result
        }
        Api::Small(size) => match into_slice(conn, size) {
            Ok(done) => Ok(done),
            Err(e) if e.kind() == K::BufferTooSmall => {
                let required = e.required().expect("BufferTooSmall says required()");
                assert!(
                    required > size,
                    "{what}: BufferTooSmall with {size} bytes requires {required}"
                );
                let (t, bytes) = into_slice(conn, required).unwrap_or_else(|e| {
                    panic!("{what}: refused ({e:?}) with the {required} bytes it required")
                });
                assert_eq!(
                    bytes.len(),
                    required,
                    "{what}: wrote other than it required"
                );
                Ok((t, bytes))
            }
            Err(e) => {
                let again = into_slice(conn, BIG);
                assert!(
                    again.as_ref().is_err_and(|a| a.kind() == e.kind()),
                    "{what}: refused with {e:?} in {size} bytes, {again:?} in {BIG}"
                );
                Err(e)
            }
        },
    }
}
