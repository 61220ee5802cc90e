//! Lua values: a small `Copy` type. Mirrors `TValue` of lobject.h; types in manual §2.1.
//!
//! Objects that live on the heap (strings, tables, functions, userdata, threads) are `u32`
//! indices into the heap's slabs. A string carries its hash beside its index, so tables hash
//! string keys without touching the heap, and since every string is interned, two strings are
//! equal exactly when their indices are.

/// A string on the heap, with its hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StrRef {
    pub index: u32,
    pub hash: u32,
}

macro_rules! object_ref {
    ($($(#[$doc:meta])* $name:ident;)*) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            pub struct $name(pub u32);
        )*
    };
}

object_ref! {
    /// A table on the heap.
    TableRef;
    /// A Lua closure on the heap.
    LuaFnRef;
    /// A native function (with its upvalues) on the heap.
    NativeFnRef;
    /// A full userdata on the heap.
    UserdataRef;
    /// A thread (coroutine) on the heap.
    ThreadRef;
    /// An upvalue cell on the heap.
    UpvalRef;
}

/// A boolean as a whole word, so that storing a boolean value writes its payload in one word,
/// as copying the value reads it (see [`Value`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u64)]
pub enum Truth {
    False = 0,
    True = 1,
}

impl Truth {
    /// The boolean.
    #[inline]
    pub fn get(self) -> bool {
        self == Truth::True
    }
}

impl From<bool> for Truth {
    #[inline]
    fn from(b: bool) -> Truth {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

/// A Lua value.
///
/// The word-sized tag puts every payload at offset 8, so a value is copied as two aligned
/// words. With a one-byte tag, rustc packs small payloads next to the tag and copies values in
/// overlapping unaligned pieces, which stalls store-to-load forwarding in the interpreter.
#[derive(Clone, Copy, Debug, Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    Nil,
    Bool(Truth),
    Int(i64),
    Float(f64),
    Str(StrRef),
    Table(TableRef),
    LuaFn(LuaFnRef),
    NativeFn(NativeFnRef),
    LightUserdata(usize),
    Userdata(UserdataRef),
    Thread(ThreadRef),
}

// A value is two words; the interpreter copies them constantly.
const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// The basic types, in the order of lua.h's `LUA_T*` constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    Nil,
    Boolean,
    LightUserdata,
    Number,
    String,
    Table,
    Function,
    Userdata,
    Thread,
}

impl Type {
    /// The name `type` returns (`luaT_typenames_`).
    pub fn name(self) -> &'static str {
        match self {
            Type::Nil => "nil",
            Type::Boolean => "boolean",
            Type::LightUserdata | Type::Userdata => "userdata",
            Type::Number => "number",
            Type::String => "string",
            Type::Table => "table",
            Type::Function => "function",
            Type::Thread => "thread",
        }
    }

    /// The index of the type, for per-type metatables.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl Value {
    /// A boolean value.
    #[inline]
    pub fn boolean(b: bool) -> Value {
        Value::Bool(Truth::from(b))
    }

    /// The value's basic type.
    #[inline]
    pub fn type_of(self) -> Type {
        match self {
            Value::Nil => Type::Nil,
            Value::Bool(_) => Type::Boolean,
            Value::Int(_) | Value::Float(_) => Type::Number,
            Value::Str(_) => Type::String,
            Value::Table(_) => Type::Table,
            Value::LuaFn(_) | Value::NativeFn(_) => Type::Function,
            Value::LightUserdata(_) => Type::LightUserdata,
            Value::Userdata(_) => Type::Userdata,
            Value::Thread(_) => Type::Thread,
        }
    }

    /// The value's type name.
    pub fn type_name(self) -> &'static str {
        self.type_of().name()
    }

    /// Whether the value counts as false in a condition (`l_isfalse`).
    #[inline]
    pub fn is_falsy(self) -> bool {
        matches!(self, Value::Nil | Value::Bool(Truth::False))
    }

    #[inline]
    pub fn is_nil(self) -> bool {
        matches!(self, Value::Nil)
    }

    /// Primitive equality, without metamethods (`luaV_rawequalobj`): numbers compare by
    /// mathematical value across subtypes, everything else by identity (strings are interned).
    #[inline]
    pub fn raw_equal(self, other: Value) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::Int(i), Value::Float(f)) | (Value::Float(f), Value::Int(i)) => {
                crate::arith::float_to_int_exact(f) == Some(i)
            }
            (Value::Str(a), Value::Str(b)) => a.index == b.index,
            (Value::Table(a), Value::Table(b)) => a == b,
            (Value::LuaFn(a), Value::LuaFn(b)) => a == b,
            (Value::NativeFn(a), Value::NativeFn(b)) => a == b,
            (Value::LightUserdata(a), Value::LightUserdata(b)) => a == b,
            (Value::Userdata(a), Value::Userdata(b)) => a == b,
            (Value::Thread(a), Value::Thread(b)) => a == b,
            _ => false,
        }
    }
}
