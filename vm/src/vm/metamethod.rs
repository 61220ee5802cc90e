//! Metamethods: their names and how a value's metamethod is found. Mirrors ltm.c; semantics
//! in manual §2.4.

use super::Lua;
use crate::value::{TableRef, Value};

/// A metamethod event, in PUC's `TMS` order (ltm.h): the order matters, since arithmetic
/// opcodes map to events by offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagMethod {
    Index,
    NewIndex,
    Gc,
    Mode,
    Len,
    Eq,
    Add,
    Sub,
    Mul,
    Mod,
    Pow,
    Div,
    IDiv,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
    Unm,
    BNot,
    Lt,
    Le,
    Concat,
    Call,
}

impl TagMethod {
    pub const ALL: [TagMethod; 24] = [
        TagMethod::Index,
        TagMethod::NewIndex,
        TagMethod::Gc,
        TagMethod::Mode,
        TagMethod::Len,
        TagMethod::Eq,
        TagMethod::Add,
        TagMethod::Sub,
        TagMethod::Mul,
        TagMethod::Mod,
        TagMethod::Pow,
        TagMethod::Div,
        TagMethod::IDiv,
        TagMethod::BAnd,
        TagMethod::BOr,
        TagMethod::BXor,
        TagMethod::Shl,
        TagMethod::Shr,
        TagMethod::Unm,
        TagMethod::BNot,
        TagMethod::Lt,
        TagMethod::Le,
        TagMethod::Concat,
        TagMethod::Call,
    ];

    /// The metamethod's field name (`luaT_eventname`).
    pub fn name(self) -> &'static str {
        match self {
            TagMethod::Index => "__index",
            TagMethod::NewIndex => "__newindex",
            TagMethod::Gc => "__gc",
            TagMethod::Mode => "__mode",
            TagMethod::Len => "__len",
            TagMethod::Eq => "__eq",
            TagMethod::Add => "__add",
            TagMethod::Sub => "__sub",
            TagMethod::Mul => "__mul",
            TagMethod::Mod => "__mod",
            TagMethod::Pow => "__pow",
            TagMethod::Div => "__div",
            TagMethod::IDiv => "__idiv",
            TagMethod::BAnd => "__band",
            TagMethod::BOr => "__bor",
            TagMethod::BXor => "__bxor",
            TagMethod::Shl => "__shl",
            TagMethod::Shr => "__shr",
            TagMethod::Unm => "__unm",
            TagMethod::BNot => "__bnot",
            TagMethod::Lt => "__lt",
            TagMethod::Le => "__le",
            TagMethod::Concat => "__concat",
            TagMethod::Call => "__call",
        }
    }

    /// Whether absence of this metamethod is cached in a table's flags (`fasttm`); the first
    /// six events are, as in PUC.
    fn is_cached(self) -> bool {
        (self as usize) <= TagMethod::Eq as usize
    }
}

impl Lua {
    /// The metamethod `event` in metatable `mt`, or nil (`fasttm`/`luaT_gettm`), caching its
    /// absence in the metatable's flags for the frequent events.
    #[inline]
    pub(crate) fn metamethod_in(&mut self, mt: TableRef, event: TagMethod) -> Value {
        let bit = 1u8 << (event as u8 & 7);
        let table = self.heap.table(mt);
        if event.is_cached() && table.absent_metamethods & bit != 0 {
            return Value::Nil;
        }
        let name = Value::Str(self.tm_names[event as usize]);
        let found = table.get(name);
        if found.is_nil() && event.is_cached() {
            self.heap.table_mut(mt).absent_metamethods |= bit;
        }
        found
    }

    /// The metamethod `event` of a value, or nil (`luaT_gettmbyobj`).
    #[inline]
    pub(crate) fn metamethod(&mut self, value: Value, event: TagMethod) -> Value {
        match self.metatable(value) {
            Some(mt) => self.metamethod_in(mt, event),
            None => Value::Nil,
        }
    }

    /// The type name of a value for messages, honouring a string `__name` in the metatable of a
    /// table or full userdata (`luaT_objtypename`).
    pub(crate) fn object_type_name(&mut self, value: Value) -> Vec<u8> {
        if matches!(value, Value::Table(_) | Value::Userdata(_)) {
            if let Some(mt) = self.metatable(value) {
                let key = self.string(b"__name");
                if let Value::Str(name) = self.heap.table(mt).get(key) {
                    return self.str_bytes(name).to_vec();
                }
            }
        }
        value.type_name().as_bytes().to_vec()
    }
}
