//! Two connections wired together in memory, as quinn's tests pair two
//! endpoints: a client and a server, the bytes each writes handed to the
//! other's decoder. Tests script the callers' actions and pump each side;
//! every event each side decodes is kept, owned, for the assertions.

use h1wire::{
    client, server, Body, ConnState, ConnStatus, ConnectionConfig, EncodeError, Error, Field,
    RequestLine, StatusLine, WrittenHead,
};

use super::{own, Ev};

/// Why a side stopped decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    NeedMore,
    Paused,
    Switched,
    Done { ignored: usize },
    Error(Error),
}

pub struct Pair {
    pub client: client::Connection,
    pub server: server::Connection,
    /// Written by the client, not yet consumed by the server.
    pub to_server: Vec<u8>,
    /// Written by the server, not yet consumed by the client.
    pub to_client: Vec<u8>,
    /// What each side decoded, in order.
    pub server_saw: Vec<Ev>,
    pub client_saw: Vec<Ev>,
    /// Everything each side wrote.
    pub client_wrote: Vec<u8>,
    pub server_wrote: Vec<u8>,
    /// Read bodies through the connections' `decode_body`, into an array
    /// of this many pieces, rather than `decode` (events the same).
    pub body_array: Option<usize>,
}

impl Pair {
    pub fn new() -> Self {
        Pair::with(ConnectionConfig::default(), ConnectionConfig::default())
    }

    pub fn with(client: ConnectionConfig, server: ConnectionConfig) -> Self {
        Pair {
            client: client::Connection::new(client),
            server: server::Connection::new(server),
            to_server: Vec::new(),
            to_client: Vec::new(),
            server_saw: Vec::new(),
            client_saw: Vec::new(),
            client_wrote: Vec::new(),
            server_wrote: Vec::new(),
            body_array: None,
        }
    }

    /// The client writes a request head (nothing else).
    pub fn request_head(
        &mut self,
        line: &RequestLine<'_>,
        fields: &[Field<'_>],
        body: Body,
    ) -> Result<WrittenHead, EncodeError> {
        let mut out = Vec::new();
        let head =
            wrote_nothing_if_refused(self.client.request_into(line, fields, body, &mut out), &out)?;
        self.client_sent(&out);
        Ok(head)
    }

    /// The client writes body data and the end of the request; each call
    /// that succeeds goes on the wire, even if the next one is refused.
    pub fn request_rest(&mut self, data: &[u8], trailers: &[Field<'_>]) -> Result<(), EncodeError> {
        let mut out = Vec::new();
        if !data.is_empty() {
            wrote_nothing_if_refused(self.client.body_into(data, &mut out), &out)?;
            self.client_sent(&core::mem::take(&mut out));
        }
        wrote_nothing_if_refused(self.client.end_into(trailers, &mut out), &out)?;
        self.client_sent(&out);
        Ok(())
    }

    /// The client writes a whole request.
    pub fn request(
        &mut self,
        line: &RequestLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        data: &[u8],
    ) -> Result<WrittenHead, EncodeError> {
        let head = self.request_head(line, fields, body)?;
        self.request_rest(data, &[])?;
        Ok(head)
    }

    /// The server writes a response head.
    pub fn response_head(
        &mut self,
        line: &StatusLine<'_>,
        fields: &[Field<'_>],
        body: Body,
    ) -> Result<WrittenHead, EncodeError> {
        let mut out = Vec::new();
        let head = wrote_nothing_if_refused(
            self.server.response_into(line, fields, body, &mut out),
            &out,
        )?;
        self.server_sent(&out);
        Ok(head)
    }

    /// The server writes body data and the end of the response.
    pub fn response_rest(
        &mut self,
        data: &[u8],
        trailers: &[Field<'_>],
    ) -> Result<(), EncodeError> {
        // Each call that succeeds goes on the wire, even if the next one
        // is refused.
        let mut out = Vec::new();
        if !data.is_empty() {
            wrote_nothing_if_refused(self.server.body_into(data, &mut out), &out)?;
            self.server_sent(&core::mem::take(&mut out));
        }
        wrote_nothing_if_refused(self.server.end_into(trailers, &mut out), &out)?;
        self.server_sent(&out);
        Ok(())
    }

    /// The server writes a whole response.
    pub fn response(
        &mut self,
        line: &StatusLine<'_>,
        fields: &[Field<'_>],
        body: Body,
        data: &[u8],
    ) -> Result<WrittenHead, EncodeError> {
        let head = self.response_head(line, fields, body)?;
        self.response_rest(data, &[])?;
        Ok(head)
    }

    pub fn client_sent(&mut self, bytes: &[u8]) {
        self.to_server.extend_from_slice(bytes);
        self.client_wrote.extend_from_slice(bytes);
    }

    pub fn server_sent(&mut self, bytes: &[u8]) {
        self.to_client.extend_from_slice(bytes);
        self.server_wrote.extend_from_slice(bytes);
    }

    /// The server decodes what it was sent, until it needs more or stops.
    pub fn pump_server(&mut self) -> Stop {
        let (server, input, saw) = (&mut self.server, &mut self.to_server, &mut self.server_saw);
        pump(
            |input, pieces| match pieces {
                Some(pieces) => server
                    .decode_body(input, pieces)
                    .map(|r| (r.consumed, r.pieces.to_vec(), r.then)),
                None => server
                    .decode(input)
                    .map(|s| (s.consumed, Vec::new(), Some(s.status))),
            },
            input,
            saw,
            self.body_array,
        )
    }

    /// The client decodes what it was sent, until it needs more or stops.
    pub fn pump_client(&mut self) -> Stop {
        let (client, input, saw) = (&mut self.client, &mut self.to_client, &mut self.client_saw);
        pump(
            |input, pieces| match pieces {
                Some(pieces) => client
                    .decode_body(input, pieces)
                    .map(|r| (r.consumed, r.pieces.to_vec(), r.then)),
                None => client
                    .decode(input)
                    .map(|s| (s.consumed, Vec::new(), Some(s.status))),
            },
            input,
            saw,
            self.body_array,
        )
    }

    /// The server closes its side: the client reads the end of stream.
    pub fn server_closes(&mut self) -> Result<(), Error> {
        let stop = self.pump_client();
        assert!(
            matches!(stop, Stop::NeedMore | Stop::Done { .. }),
            "{stop:?}"
        );
        if let Some(event) = self.client.finish()? {
            self.client_saw.push(own(event, &[]));
        }
        Ok(())
    }

    pub fn states(&self) -> (ConnState, ConnState) {
        (self.client.state(), self.server.state())
    }

    /// Take the events each side saw so far.
    pub fn take(&mut self) -> (Vec<Ev>, Vec<Ev>) {
        (
            core::mem::take(&mut self.server_saw),
            core::mem::take(&mut self.client_saw),
        )
    }
}

impl Default for Pair {
    fn default() -> Self {
        Pair::new()
    }
}

/// What one call read: bytes consumed, body pieces, what came after them
/// (`None`: call again).
type Read<'a> = (usize, Vec<&'a [u8]>, Option<ConnStatus<'a>>);

/// Decode `input` with `call` (through `decode_body` into an array of
/// `body_array` pieces when given, else `decode`) until it needs more or
/// stops, keeping every event in `saw` and dropping what was consumed.
fn pump(
    mut call: impl for<'a> FnMut(&'a [u8], Option<&mut [&'a [u8]]>) -> Result<Read<'a>, Error>,
    input: &mut Vec<u8>,
    saw: &mut Vec<Ev>,
    body_array: Option<usize>,
) -> Stop {
    loop {
        let mut array = vec![&b""[..]; body_array.unwrap_or(0)];
        let (consumed, pieces, then) = match call(input, body_array.map(|_| &mut array[..])) {
            Ok(read) => read,
            Err(error) => {
                saw.push(Ev::Error(error.kind(), error.offset()));
                return Stop::Error(error);
            }
        };
        assert!(consumed <= input.len());
        for piece in &pieces {
            assert!(!piece.is_empty(), "an empty piece");
            saw.push(own(h1wire::Event::Body(piece), input));
        }
        let stop = match then {
            None => {
                assert!(!pieces.is_empty(), "nothing read, nothing after");
                None
            }
            Some(ConnStatus::Event(event)) => {
                saw.push(own(event, input));
                None
            }
            Some(ConnStatus::NeedMore) => Some(Stop::NeedMore),
            Some(ConnStatus::Paused) => Some(Stop::Paused),
            Some(ConnStatus::Switched) => Some(Stop::Switched),
            Some(ConnStatus::Done { ignored }) => Some(Stop::Done { ignored }),
        };
        input.drain(..consumed);
        if let Some(stop) = stop {
            return stop;
        }
    }
}

/// `result` of a call that wrote into the empty `out`: a refused call
/// must have written nothing (checked here, for every call the pair
/// makes), and its error is passed on.
fn wrote_nothing_if_refused<T>(
    result: Result<T, EncodeError>,
    out: &[u8],
) -> Result<T, EncodeError> {
    if let Err(e) = &result {
        assert!(
            out.is_empty(),
            "a refused call ({e}) wrote {:?}",
            String::from_utf8_lossy(out)
        );
    }
    result
}
