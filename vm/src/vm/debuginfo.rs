//! Debug information for messages: current lines, names of variables and functions, and
//! tracebacks. Mirrors ldebug.c (`currentline`, `getobjname`, `findsetreg`, `funcnamefromcode`,
//! `varinfo`) and `luaL_traceback` in lauxlib.c.

use super::ops::Origin;
use super::{FrameKind, Lua, TagMethod};
use crate::bytecode::{self as bc, Constant, OpCode, Proto};
use crate::value::Value;

/// Frames shown before and after the `...` of a long traceback (`LEVELS1`, `LEVELS2`).
const TRACEBACK_HEAD: usize = 10;
const TRACEBACK_TAIL: usize = 11;

/// The name of local `n` (1-based among those active at `pc`), if any (`luaF_getlocalname`).
pub fn local_name(proto: &Proto, mut n: usize, pc: usize) -> Option<&[u8]> {
    for var in &proto.local_vars {
        if var.start_pc as usize > pc {
            break;
        }
        if pc < var.end_pc as usize {
            n -= 1;
            if n == 0 {
                return Some(&var.name);
            }
        }
    }
    None
}

/// The last instruction before `last_pc` that set register `reg`, if it is not conditional
/// (`findsetreg`).
fn find_set_register(proto: &Proto, last_pc: usize, reg: u32) -> Option<usize> {
    let mut set_at = None;
    let mut jump_target = 0;
    for pc in 0..last_pc {
        let i = proto.code[pc];
        let a = bc::arg_a(i);
        let sets = match bc::opcode(i) {
            OpCode::LoadNil => a <= reg && reg <= a + bc::arg_b(i),
            OpCode::TForCall => reg >= a + 2,
            OpCode::Call | OpCode::TailCall => reg >= a,
            OpCode::Jmp => {
                let dest = (pc as i64 + 1 + bc::arg_sbx(i) as i64) as usize;
                if pc < dest && dest <= last_pc && dest > jump_target {
                    jump_target = dest;
                }
                false
            }
            op => op.sets_a() && reg == a,
        };
        if sets {
            set_at = if pc < jump_target { None } else { Some(pc) };
        }
    }
    set_at
}

/// The kind and name of the value in register `reg` at `last_pc`, found by reading the code
/// backwards (`getobjname`): `("local", "x")`, `("global", "x")`, `("field", "x")`,
/// `("upvalue", "x")`, `("constant", "x")` or `("method", "x")`.
pub fn object_name(proto: &Proto, last_pc: usize, reg: u32) -> Option<(&'static str, Vec<u8>)> {
    if let Some(name) = local_name(proto, reg as usize + 1, last_pc) {
        return Some(("local", name.to_vec()));
    }
    let pc = find_set_register(proto, last_pc, reg)?;
    let i = proto.code[pc];
    match bc::opcode(i) {
        OpCode::Move => {
            let b = bc::arg_b(i);
            if b < bc::arg_a(i) {
                return object_name(proto, pc, b);
            }
            None
        }
        op @ (OpCode::GetTabUp | OpCode::GetTable) => {
            let table = bc::arg_b(i);
            let table_name: Option<Vec<u8>> = if op == OpCode::GetTable {
                local_name(proto, table as usize + 1, pc).map(<[u8]>::to_vec)
            } else {
                upvalue_name(proto, table as usize)
            };
            let name = constant_name(proto, pc, bc::arg_c(i));
            let kind = if table_name.as_deref() == Some(b"_ENV".as_slice()) {
                "global"
            } else {
                "field"
            };
            Some((kind, name))
        }
        OpCode::GetUpval => Some(("upvalue", upvalue_name(proto, bc::arg_b(i) as usize)?)),
        op @ (OpCode::LoadK | OpCode::LoadKx) => {
            let k = if op == OpCode::LoadK {
                bc::arg_bx(i)
            } else {
                bc::arg_ax(proto.code[pc + 1])
            };
            match &proto.constants[k as usize] {
                Constant::Str(s) => Some(("constant", c_string(s))),
                _ => None,
            }
        }
        OpCode::SelfOp => Some(("method", constant_name(proto, pc, bc::arg_c(i)))),
        _ => None,
    }
}

/// A string constant as a name: PUC hands names around as C strings (`getstr`), so every
/// message and `debug.getinfo` shows them only up to their first zero byte.
fn c_string(s: &[u8]) -> Vec<u8> {
    s.split(|&b| b == 0).next().unwrap_or_default().to_vec()
}

/// The name of upvalue `index`, `?` when stripped (`upvalname`).
fn upvalue_name(proto: &Proto, index: usize) -> Option<Vec<u8>> {
    proto.upvalues.get(index).map(|up| {
        if up.name.is_empty() {
            b"?".to_vec()
        } else {
            up.name.to_vec()
        }
    })
}

/// The name an RK key gives a field: a string constant itself, or a register holding one
/// (`kname`); `?` otherwise.
fn constant_name(proto: &Proto, pc: usize, c: u32) -> Vec<u8> {
    if bc::is_k(c) {
        if let Constant::Str(s) = &proto.constants[bc::index_k(c) as usize] {
            return c_string(s);
        }
    } else if let Some(("constant", name)) = object_name(proto, pc, c) {
        return name;
    }
    b"?".to_vec()
}

impl Lua {
    /// The line frame `index` is at, if it is a Lua function (`currentline`).
    pub(crate) fn current_line(&self, index: usize) -> Option<u32> {
        let frame = &self.frames[index];
        let FrameKind::Lua(f) = frame.kind else {
            return None;
        };
        let proto = &self.heap.lua_fn(f).proto.proto;
        proto.line_info.get(frame.pc.saturating_sub(1)).copied()
    }

    /// ` (kind 'name')` for an operand of the running Lua function, or empty (`varinfo`).
    pub(crate) fn variable_info(&self, origin: Origin) -> Vec<u8> {
        let Some(frame) = self.frames.last() else {
            return Vec::new();
        };
        let FrameKind::Lua(f) = frame.kind else {
            return Vec::new();
        };
        let proto = &self.heap.lua_fn(f).proto.proto;
        let found = match origin {
            Origin::Upvalue(index) => upvalue_name(proto, index).map(|name| ("upvalue", name)),
            Origin::Stack(index) => {
                let frame_top = frame.base + proto.max_stack_size as usize;
                if index >= frame.base && index < frame_top {
                    object_name(
                        proto,
                        frame.pc.saturating_sub(1),
                        (index - frame.base) as u32,
                    )
                } else {
                    None
                }
            }
            Origin::None => None,
        };
        match found {
            Some((kind, name)) => {
                let mut text = format!(" ({kind} '").into_bytes();
                text.extend_from_slice(&name);
                text.extend_from_slice(b"')");
                text
            }
            None => Vec::new(),
        }
    }

    /// How the function of frame `index` was named by its caller (`getfuncname` and
    /// `funcnamefromcode`): `("global", "f")`, `("method", "m")`, `("metamethod", "index")`,
    /// `("for iterator", "for iterator")`...
    pub(crate) fn function_name(&self, index: usize) -> Option<(&'static str, Vec<u8>)> {
        let frame = &self.frames[index];
        if frame.running_finalizer {
            return Some(("metamethod", b"__gc".to_vec()));
        }
        if frame.is_tail_call || index == 0 {
            return None;
        }
        let caller = &self.frames[index - 1];
        let FrameKind::Lua(f) = caller.kind else {
            return None;
        };
        if caller.hooked {
            return Some(("hook", b"?".to_vec()));
        }
        let proto = &self.heap.lua_fn(f).proto.proto;
        let pc = caller.pc.checked_sub(1)?;
        let i = proto.code[pc];
        let event = match bc::opcode(i) {
            OpCode::Call | OpCode::TailCall => return object_name(proto, pc, bc::arg_a(i)),
            OpCode::TForCall => return Some(("for iterator", b"for iterator".to_vec())),
            OpCode::SelfOp | OpCode::GetTabUp | OpCode::GetTable => TagMethod::Index,
            OpCode::SetTabUp | OpCode::SetTable => TagMethod::NewIndex,
            op @ (OpCode::Add
            | OpCode::Sub
            | OpCode::Mul
            | OpCode::Mod
            | OpCode::Pow
            | OpCode::Div
            | OpCode::IDiv
            | OpCode::BAnd
            | OpCode::BOr
            | OpCode::BXor
            | OpCode::Shl
            | OpCode::Shr) => {
                TagMethod::ALL[TagMethod::Add as usize + (op as usize - OpCode::Add as usize)]
            }
            OpCode::Unm => TagMethod::Unm,
            OpCode::BNot => TagMethod::BNot,
            OpCode::Len => TagMethod::Len,
            OpCode::Concat => TagMethod::Concat,
            OpCode::Eq => TagMethod::Eq,
            OpCode::Lt => TagMethod::Lt,
            OpCode::Le => TagMethod::Le,
            _ => return None,
        };
        // 5.3 names the event with its underscores (`metamethod '__add'`); 5.4 drops them.
        Some(("metamethod", event.name().as_bytes().to_vec()))
    }

    /// The global name of a function, searched in `package.loaded` as `pushglobalfuncname`
    /// does: `print`, `string.format`... (`_G.` is dropped).
    pub(crate) fn global_function_name(&self, function: Value) -> Option<Vec<u8>> {
        let loaded = self.heap.table(self.loaded);
        let mut key = Value::Nil;
        while let Ok(Some((module_name, module))) = loaded.next(key) {
            key = module_name;
            let (Value::Str(module_name), Value::Table(module)) = (module_name, module) else {
                continue;
            };
            let fields = self.heap.table(module);
            let mut field = Value::Nil;
            while let Ok(Some((name, value))) = fields.next(field) {
                field = name;
                if let Value::Str(name) = name {
                    if value.raw_equal(function) {
                        let module_name = self.str_bytes(module_name);
                        let mut full = Vec::new();
                        if module_name != b"_G" {
                            full.extend_from_slice(module_name);
                            full.push(b'.');
                        }
                        full.extend_from_slice(self.str_bytes(name));
                        return Some(full);
                    }
                }
            }
        }
        None
    }

    /// The traceback of the stack from `level` frames down (`luaL_traceback`), after `message`.
    pub fn traceback(&self, message: Option<&[u8]>, level: usize) -> Vec<u8> {
        let mut text = Vec::new();
        if let Some(message) = message {
            text.extend_from_slice(message);
            text.push(b'\n');
        }
        text.extend_from_slice(b"stack traceback:");
        let n_levels = self.frames.len().saturating_sub(level);
        let mut shown = 0;
        let mut depth = level;
        while depth < self.frames.len() {
            if shown == TRACEBACK_HEAD && n_levels > TRACEBACK_HEAD + TRACEBACK_TAIL {
                text.extend_from_slice(b"\n\t...");
                depth = self.frames.len() - TRACEBACK_TAIL;
                shown += 1;
                continue;
            }
            let index = self.frames.len() - 1 - depth;
            text.extend_from_slice(b"\n\t");
            self.describe_frame(index, &mut text);
            if self.frames[index].is_tail_call {
                text.extend_from_slice(b"\n\t(...tail calls...)");
            }
            shown += 1;
            depth += 1;
        }
        text
    }

    /// One traceback line: `source:line: in <what>`.
    fn describe_frame(&self, index: usize, text: &mut Vec<u8>) {
        let frame = &self.frames[index];
        let function = self.stack[frame.func];
        match frame.kind {
            FrameKind::Lua(f) => {
                let proto = &self.heap.lua_fn(f).proto.proto;
                text.extend_from_slice(&crate::compiler::chunk_id(&proto.source));
                text.push(b':');
                if let Some(line) = self.current_line(index) {
                    text.extend_from_slice(line.to_string().as_bytes());
                    text.push(b':');
                }
            }
            FrameKind::Native(_) => text.extend_from_slice(b"[C]:"),
        }
        text.extend_from_slice(b" in ");
        if let Some(name) = self.global_function_name(function) {
            text.extend_from_slice(b"function '");
            text.extend_from_slice(&name);
            text.push(b'\'');
        } else if let Some((kind, name)) = self.function_name(index) {
            text.extend_from_slice(kind.as_bytes());
            text.extend_from_slice(b" '");
            text.extend_from_slice(&name);
            text.push(b'\'');
        } else {
            match frame.kind {
                FrameKind::Lua(f) => {
                    let proto = &self.heap.lua_fn(f).proto.proto;
                    if proto.line_defined == 0 {
                        text.extend_from_slice(b"main chunk");
                    } else {
                        text.extend_from_slice(b"function <");
                        text.extend_from_slice(&crate::compiler::chunk_id(&proto.source));
                        text.extend_from_slice(format!(":{}>", proto.line_defined).as_bytes());
                    }
                }
                FrameKind::Native(_) => text.push(b'?'),
            }
        }
    }
}

/// Frame inspection for the debug library.
impl Lua {
    /// How many frames are on the stack (stack levels).
    pub fn frame_count(&self) -> usize {
        self.frames.len()
    }

    /// The function running in frame `index`.
    pub fn frame_function(&self, index: usize) -> Value {
        self.stack[self.frames[index].func]
    }

    /// The current line of frame `index`, for Lua functions.
    pub fn frame_line(&self, index: usize) -> Option<u32> {
        self.current_line(index)
    }

    /// How frame `index`'s function was named by its caller.
    pub fn frame_name(&self, index: usize) -> Option<(&'static str, Vec<u8>)> {
        self.function_name(index)
    }

    /// Whether frame `index` was entered by a tail call.
    pub fn frame_is_tail_call(&self, index: usize) -> bool {
        self.frames[index].is_tail_call
    }

    /// What `lua_getlocal` needs of frame `index`: kind, base, function slot, pc, and the end of
    /// its live slots (the top for the running frame, the next frame's function otherwise).
    pub fn frame_layout(&self, index: usize) -> (FrameKind, usize, usize, usize, usize) {
        let frame = &self.frames[index];
        let limit = if index + 1 == self.frames.len() {
            self.top
        } else {
            self.frames[index + 1].func
        };
        (frame.kind, frame.base, frame.func, frame.pc, limit)
    }

    /// The value in stack slot `index`.
    pub fn stack_value(&self, index: usize) -> Value {
        self.stack.get(index).copied().unwrap_or_default()
    }

    /// Stores into stack slot `index`.
    pub fn set_stack_value(&mut self, index: usize, value: Value) {
        if let Some(slot) = self.stack.get_mut(index) {
            *slot = value;
        }
    }
}
