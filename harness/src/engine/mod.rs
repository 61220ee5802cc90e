//! The two engines the harness compares, behind one trait: PUC Lua 5.3.6 and ferrolua; and a
//! third for reports, a standalone interpreter run as a subprocess ([`standalone`]).
//!
//! An [`Engine`] answers two questions about a chunk: does it compile, and what happens when it
//! runs. Answers are what a Lua program would see, byte for byte, so that comparing two
//! [`Observation`]s field by field is a conformance check.

pub mod ferrolua;
pub mod reference;
pub mod standalone;
pub mod wrapper;

pub use self::ferrolua::{on_large_stack, FerroluaEngine};
pub use self::reference::{new_state as new_reference_state, Budget, ReferenceEngine};
pub use self::standalone::StandaloneEngine;

/// A Lua implementation under test, or the reference one.
pub trait Engine {
    /// A short name for messages and reports.
    fn name(&self) -> &'static str;

    /// Compiles only, as `load(source, chunk_name, "t")` does. `Ok` holds the compiled function
    /// as `string.dump` writes it, so that two engines' code can be compared byte for byte;
    /// `Err` holds the error message's bytes exactly as `load` returns them.
    fn compile(&mut self, source: &[u8], chunk_name: &[u8]) -> Result<Vec<u8>, Vec<u8>>;

    /// Compiles and runs a chunk, and observes what it does.
    fn run(&mut self, source: &[u8], chunk_name: &[u8]) -> Observation;
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// The chunk compiled and returned normally.
    Ok,
    /// The chunk did not compile; [`Observation::error`] has the message.
    SyntaxError,
    /// The chunk raised an error that nothing caught; [`Observation::error`] has the message.
    RuntimeError,
    /// The run hit the harness's instruction budget. This is decided by the harness, never read
    /// from the program's output, since a script can catch the budget's error.
    OutOfBudget,
    /// The engine cannot run this yet.
    Unsupported,
    /// The engine panicked; [`Observation::error`] has the panic message. Only ferrolua can do
    /// this, and it never agrees with anything.
    Panicked,
}

impl Status {
    /// The status as reports spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::SyntaxError => "syntax error",
            Status::RuntimeError => "runtime error",
            Status::OutOfBudget => "out of budget",
            Status::Unsupported => "unsupported",
            Status::Panicked => "panicked",
        }
    }
}

/// Everything a Lua user can see of one run, kept apart so that a traceback difference never
/// hides a wrong result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observation {
    /// How the run ended.
    pub status: Status,
    /// What the chunk printed with `print`.
    pub output: Vec<u8>,
    /// The chunk's return values, each as Lua's `tostring` shows it.
    pub results: Vec<Vec<u8>>,
    /// The error message, for syntax and runtime errors and budget overruns.
    pub error: Option<Vec<u8>>,
    /// The traceback of a runtime error, as `debug.traceback(message, 2)` in the message
    /// handler gives it.
    pub traceback: Option<Vec<u8>>,
}

impl Observation {
    /// An observation with the given status and nothing else seen.
    pub fn empty(status: Status) -> Observation {
        Observation {
            status,
            output: Vec::new(),
            results: Vec::new(),
            error: None,
            traceback: None,
        }
    }

    /// A run that stopped at compilation with this message.
    pub fn syntax_error(message: Vec<u8>) -> Observation {
        Observation {
            error: Some(message),
            ..Observation::empty(Status::SyntaxError)
        }
    }
}

/// The message a panic was raised with, from the payload `catch_unwind` or `join` hands back.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        message.to_string()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "a panic without a message".to_string()
    }
}
