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
        let head = self.client.request_into(line, fields, body, &mut out)?;
        self.client_sent(&out);
        Ok(head)
    }

    /// The client writes body data and the end of the request; each call
    /// that succeeds goes on the wire, even if the next one is refused.
    pub fn request_rest(&mut self, data: &[u8], trailers: &[Field<'_>]) -> Result<(), EncodeError> {
        let mut out = Vec::new();
        if !data.is_empty() {
            self.client.body_into(data, &mut out)?;
            self.client_sent(&core::mem::take(&mut out));
        }
        self.client.end_into(trailers, &mut out)?;
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
        let head = self.server.response_into(line, fields, body, &mut out)?;
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
            self.server.body_into(data, &mut out)?;
            self.server_sent(&core::mem::take(&mut out));
        }
        self.server.end_into(trailers, &mut out)?;
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
        loop {
            let step = match self.server.decode(&self.to_server) {
                Ok(step) => step,
                Err(error) => {
                    self.server_saw
                        .push(Ev::Error(error.kind(), error.offset()));
                    return Stop::Error(error);
                }
            };
            assert!(step.consumed <= self.to_server.len());
            let stop = match step.status {
                ConnStatus::Event(event) => {
                    self.server_saw.push(own(event, &self.to_server));
                    None
                }
                ConnStatus::NeedMore => Some(Stop::NeedMore),
                ConnStatus::Paused => Some(Stop::Paused),
                ConnStatus::Switched => Some(Stop::Switched),
                ConnStatus::Done { ignored } => Some(Stop::Done { ignored }),
            };
            self.to_server.drain(..step.consumed);
            if let Some(stop) = stop {
                return stop;
            }
        }
    }

    /// The client decodes what it was sent, until it needs more or stops.
    pub fn pump_client(&mut self) -> Stop {
        loop {
            let step = match self.client.decode(&self.to_client) {
                Ok(step) => step,
                Err(error) => {
                    self.client_saw
                        .push(Ev::Error(error.kind(), error.offset()));
                    return Stop::Error(error);
                }
            };
            let stop = match step.status {
                ConnStatus::Event(event) => {
                    self.client_saw.push(own(event, &self.to_client));
                    None
                }
                ConnStatus::NeedMore => Some(Stop::NeedMore),
                ConnStatus::Paused => Some(Stop::Paused),
                ConnStatus::Switched => Some(Stop::Switched),
                ConnStatus::Done { ignored } => Some(Stop::Done { ignored }),
            };
            self.to_client.drain(..step.consumed);
            if let Some(stop) = stop {
                return stop;
            }
        }
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
