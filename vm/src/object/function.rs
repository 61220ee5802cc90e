//! Functions: prototypes ready to run, Lua closures, upvalue cells and native functions.
//! Mirrors lfunc.c and the closure types of lobject.h.

use std::cell::Cell;
use std::rc::Rc;

use crate::bytecode::Proto;
use crate::value::{LuaFnRef, UpvalRef, Value};
use crate::vm::{Lua, LuaError};

/// A compiled function with its constants turned into values of one Lua state.
#[derive(Debug, Default)]
pub struct FnProto {
    pub proto: Rc<Proto>,
    /// The constants, as values (strings interned in this state).
    pub constants: Vec<Value>,
    /// The nested functions, in the order of `proto.protos`.
    pub children: Vec<Rc<FnProto>>,
    /// The last closure made from this prototype, reused when a new one would capture the
    /// same upvalues (PUC 5.3's `Proto.cache`), which makes such closures equal.
    /// PUC 5.3's cache is weak: it does not keep the closure alive, and the collector clears
    /// it when it frees that closure.
    pub cache: Cell<Option<LuaFnRef>>,
    /// The collector's cycle in which the constants were last marked.
    pub mark_epoch: Cell<u32>,
    /// One hint per instruction, for GETTABUP, GETTABLE and SELF with a constant string key:
    /// the hash entry where the key was found last time (see `Table::get_str_hinted`).
    pub lookup_hints: Box<[Cell<u32>]>,
}

thread_local! {
    /// What a freed closure slot points to.
    static NO_PROTO: Rc<FnProto> = Rc::new(FnProto::default());
}

/// A Lua function with its upvalues (`LClosure`).
#[derive(Debug)]
pub struct LuaClosure {
    pub proto: Rc<FnProto>,
    pub upvalues: Vec<UpvalRef>,
    /// What a call needs from the prototype, copied here so that calling reads one object.
    pub call_info: CallInfo,
}

impl Default for LuaClosure {
    /// The placeholder in a freed slot.
    fn default() -> Self {
        LuaClosure {
            proto: NO_PROTO.with(Rc::clone),
            upvalues: Vec::new(),
            call_info: CallInfo {
                n_params: 0,
                is_vararg: false,
                frame_size: 0,
            },
        }
    }
}

/// The facts about a prototype that every call of it needs.
#[derive(Clone, Copy, Debug)]
pub struct CallInfo {
    pub n_params: u8,
    pub is_vararg: bool,
    /// Registers the function needs (`maxstacksize`).
    pub frame_size: u8,
}

impl CallInfo {
    pub fn of(proto: &crate::bytecode::Proto) -> CallInfo {
        CallInfo {
            n_params: proto.num_params,
            is_vararg: proto.is_vararg,
            frame_size: proto.max_stack_size,
        }
    }
}

/// An upvalue cell (`UpVal`). While open it names a slot of a thread's stack; when the slot's
/// scope ends it is closed and holds the value itself.
#[derive(Clone, Copy, Debug)]
pub enum Upvalue {
    /// Open: the value lives in the stack of thread `thread` at `index`.
    Open {
        thread: crate::value::ThreadRef,
        index: usize,
    },
    /// Closed: the value lives here.
    Closed(Value),
}

/// The signature of a native function (`lua_CFunction`). Arguments are read from the native
/// frame with [`Lua::arg`]; results are pushed, and their count returned.
pub type NativeFunction = fn(&mut Lua) -> Result<usize, LuaError>;

/// A native function with its upvalues (`CClosure`).
#[derive(Debug)]
pub struct NativeClosure {
    pub function: NativeFunction,
    pub upvalues: Vec<Value>,
    /// Whether the function switches threads, so that the interpreter loop may do it in place
    /// of the function when Lua code calls it.
    pub(crate) switch: ThreadSwitch,
}

/// The native functions that switch threads: when Lua code calls one, the interpreter loop
/// makes the switch itself and runs on in the other thread, so that neither a resume nor a
/// yield takes Rust stack (see `Lua::switch_call`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum ThreadSwitch {
    /// An ordinary function.
    #[default]
    None,
    /// `coroutine.resume`: its first argument is the coroutine.
    Resume,
    /// A function made by `coroutine.wrap`: its first upvalue is the coroutine.
    Wrap,
    /// `coroutine.yield`.
    Yield,
}

impl Default for Upvalue {
    fn default() -> Self {
        Upvalue::Closed(Value::Nil)
    }
}

impl Default for NativeClosure {
    /// The placeholder in a freed slot.
    fn default() -> Self {
        NativeClosure {
            function: |_| Ok(0),
            upvalues: Vec::new(),
            switch: ThreadSwitch::None,
        }
    }
}
