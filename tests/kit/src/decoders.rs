//! The decoders the driver feeds: what it needs from one
//! ([`StreamDecoder`]), and the wrappers that tell a decoder what a caller
//! tells it as it goes: the methods the responses answer
//! ([`ClientDecoder`]), whether a CONNECT's tunnel opened
//! ([`ResumingDecoder`]).

use h1wire::{
    Config, Decoder, Error, Event, Lenient, MethodKind, Readings, Status, Step, TooManyInFlight,
};

/// What the driver needs from a decoder; see the crate docs for adding one.
pub trait StreamDecoder {
    fn decode<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error>;
    fn finish(&mut self) -> Result<Option<Event<'static>>, Error>;
    /// Stream offset of the first byte not yet consumed.
    fn position(&self) -> u64;
    /// Lenient readings used in the current message.
    fn readings(&self) -> Readings;
    /// The lenient options in force (readings outside them are a bug).
    fn lenient(&self) -> Lenient;
    /// What the decoder reads: the checks of its start lines and framing
    /// depend on it.
    fn reads(&self) -> Reads;
    /// The decoder stopped at `Status::Upgraded` after message `index`
    /// (counting from 0): whether the switch did not happen, so that it
    /// was told to resume ([`Decoder::resume`]) and reads HTTP/1 on. A
    /// caller that does not say otherwise lets every switch happen.
    fn resume_after(&mut self, index: usize) -> bool {
        let _ = index;
        false
    }
}

/// What a decoder reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reads {
    /// Requests (the server role).
    Requests,
    /// Responses (the client role), the final ones answering requests with
    /// these methods, in order; past the end of the list they answer GET.
    Responses(Vec<MethodKind>),
}

/// Whether a response with this status answers a request (takes a method
/// off the queue): all but the 1xx other than 101, which are interim.
pub fn is_final(status: u16) -> bool {
    !(100..200).contains(&status) || status == 101
}

/// A `Decoder` on its own stands for a server's decoder
/// ([`Decoder::server`]): it reads requests. Drive a client's decoder
/// through [`ClientDecoder`], which tells it the methods.
impl StreamDecoder for Decoder {
    fn decode<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error> {
        Decoder::decode(self, input)
    }
    fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        Decoder::finish(self)
    }
    fn position(&self) -> u64 {
        Decoder::position(self)
    }
    fn readings(&self) -> Readings {
        Decoder::readings(self)
    }
    fn lenient(&self) -> Lenient {
        self.config().lenient
    }
    fn reads(&self) -> Reads {
        Reads::Requests
    }
}

/// A client's decoder ([`Decoder::client`]) told the method of each request
/// in flight the way the dump (`examples/dump.rs`) tells it: as many as it
/// holds at once ([`Decoder::MAX_IN_FLIGHT`]), then one more after each
/// final response (a 1xx other than 101 takes none).
///
/// Every call also checks the queue against a count kept here:
/// `in_flight()` is what was told minus the final responses decoded (never
/// below 0), `expect_response` succeeds below `MAX_IN_FLIGHT` and is
/// refused with [`TooManyInFlight`], changing nothing, at it.
#[derive(Clone, Debug)]
pub struct ClientDecoder {
    decoder: Decoder,
    methods: Vec<MethodKind>,
    /// Methods told to the decoder so far (a prefix of `methods`).
    told: usize,
    /// Requests awaiting their final response, as counted here.
    in_flight: usize,
}

impl ClientDecoder {
    pub fn new(config: Config, methods: &[MethodKind]) -> Self {
        let mut client = ClientDecoder {
            decoder: Decoder::client(config),
            methods: methods.to_vec(),
            told: 0,
            in_flight: 0,
        };
        while client.told < client.methods.len() && client.in_flight < Decoder::MAX_IN_FLIGHT {
            client.tell();
        }
        client.check_queue();
        client
    }

    /// The decoder driven.
    pub fn decoder(&self) -> &Decoder {
        &self.decoder
    }

    /// Tell the decoder the next method.
    fn tell(&mut self) {
        let method = self.methods[self.told];
        assert_eq!(
            self.decoder.expect_response(method),
            Ok(()),
            "expect_response refused with {} in flight",
            self.in_flight
        );
        self.told += 1;
        self.in_flight += 1;
    }

    /// The queue holds what was counted; when full, one more is refused.
    fn check_queue(&mut self) {
        if self.in_flight == Decoder::MAX_IN_FLIGHT {
            if let Some(&method) = self.methods.get(self.told) {
                assert_eq!(
                    self.decoder.expect_response(method),
                    Err(TooManyInFlight),
                    "expect_response accepted a method past MAX_IN_FLIGHT"
                );
            }
        }
        assert_eq!(
            self.decoder.in_flight(),
            self.in_flight,
            "in_flight() differs from the count of methods told minus final responses"
        );
    }
}

impl StreamDecoder for ClientDecoder {
    fn decode<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error> {
        let result = self.decoder.decode(input);
        if let Ok(Step {
            status: Status::Event(Event::Response(line)),
            ..
        }) = result
        {
            if is_final(line.status) {
                // The decoder took the oldest method for it; make room
                // for the next one, as the dump does.
                self.in_flight = self.in_flight.saturating_sub(1);
                if self.told < self.methods.len() {
                    self.tell();
                }
            }
        }
        self.check_queue();
        result
    }
    fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        let result = self.decoder.finish();
        self.check_queue();
        result
    }
    fn position(&self) -> u64 {
        self.decoder.position()
    }
    fn readings(&self) -> Readings {
        self.decoder.readings()
    }
    fn lenient(&self) -> Lenient {
        self.decoder.config().lenient
    }
    fn reads(&self) -> Reads {
        Reads::Responses(self.methods.clone())
    }
}

/// A server's decoder ([`Decoder::server`]) whose CONNECT requests may be
/// refused: at each upgrade, `tunnel_opens(k)` (k: the index of the
/// request that asked, counting from 0) says whether the answer opened the
/// tunnel; if not, the decoder resumes and reads the next request, as the
/// connection types make it do after a CONNECT answered 407.
pub struct ResumingDecoder<'f> {
    decoder: Decoder,
    tunnel_opens: &'f dyn Fn(usize) -> bool,
}

impl<'f> ResumingDecoder<'f> {
    pub fn new(config: Config, tunnel_opens: &'f dyn Fn(usize) -> bool) -> Self {
        ResumingDecoder {
            decoder: Decoder::server(config),
            tunnel_opens,
        }
    }
}

impl StreamDecoder for ResumingDecoder<'_> {
    fn decode<'a>(&mut self, input: &'a [u8]) -> Result<Step<'a>, Error> {
        self.decoder.decode(input)
    }
    fn finish(&mut self) -> Result<Option<Event<'static>>, Error> {
        self.decoder.finish()
    }
    fn position(&self) -> u64 {
        self.decoder.position()
    }
    fn readings(&self) -> Readings {
        self.decoder.readings()
    }
    fn lenient(&self) -> Lenient {
        self.decoder.config().lenient
    }
    fn reads(&self) -> Reads {
        Reads::Requests
    }
    fn resume_after(&mut self, index: usize) -> bool {
        if (self.tunnel_opens)(index) {
            return false;
        }
        self.decoder.resume();
        true
    }
}
