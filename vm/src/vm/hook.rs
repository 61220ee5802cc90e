//! Debug hooks: call, return, line and count events. Mirrors `luaD_hook`, `callhook` and the
//! hook part of `luaD_poscall` in ldo.c, `luaG_traceexec` in ldebug.c, and `hookf` in ldblib.c.
//!
//! The interpreter tests the hook mask once per instruction; with no line or count hook that
//! test is all hooks cost.

use super::{FrameKind, Lua, LuaError, MASK_CALL, MASK_COUNT, MASK_LINE, MASK_RETURN, MIN_STACK};
use crate::bytecode::{self as bc, OpCode};
use crate::value::Value;

impl Lua {
    /// Calls the hook function with an event and a line (`luaD_hook` with `hookf`). Hooks are off
    /// while it runs, and the running frame is marked so that the hook is named `hook '?'`.
    pub(crate) fn run_hook(&mut self, event: &[u8], line: Option<i64>) -> Result<(), LuaError> {
        let Some(function) = self.hook.function else {
            return Ok(());
        };
        if !self.hook.allowed {
            return Ok(());
        }
        let index = self.frames.len() - 1;
        let saved_top = self.top;
        // The hook's arguments go above whatever the running frame may be using.
        self.top = self.top.max(self.frames[index].top);
        self.ensure_stack(MIN_STACK)?;
        let func = self.top;
        let event = self.string(event);
        self.push(function);
        self.push(event);
        self.push(line.map_or(Value::Nil, Value::Int));
        self.hook.allowed = false;
        self.frames[index].hooked = true;
        let result = self.call_at(func, 0);
        self.hook.allowed = true;
        if let Some(frame) = self.frames.get_mut(index) {
            frame.hooked = false;
        }
        self.top = saved_top;
        result
    }

    /// Line and count events before instruction `npc` of the running Lua frame
    /// (`luaG_traceexec`). A line event fires on entering a function, on a jump backwards, and
    /// on reaching a new line.
    #[inline(never)]
    pub(crate) fn trace_exec(&mut self, npc: usize) -> Result<(), LuaError> {
        let mask = self.hook.mask;
        self.hook.count -= 1;
        let count_event = self.hook.count == 0 && mask & MASK_COUNT != 0;
        if count_event {
            self.hook.count = self.hook.base_count;
        } else if mask & MASK_LINE == 0 {
            return Ok(());
        }
        if count_event {
            self.run_hook(b"count", None)?;
        }
        if mask & MASK_LINE != 0 {
            let frame = self.frames[self.frames.len() - 1];
            let FrameKind::Lua(f) = frame.kind else {
                return Ok(());
            };
            let line_info = &self.heap.lua_fn(f).proto.proto.line_info;
            let line_of = |pc: usize| line_info.get(pc).map_or(-1, |&line| line as i64);
            let new_line = line_of(npc);
            // `old_pc` is PUC's `oldpc`: the pc after the last traced instruction.
            let old_pc = self.hook.old_pc;
            if npc == 0 || npc < old_pc || new_line != line_of(old_pc.wrapping_sub(1)) {
                self.run_hook(b"line", Some(new_line))?;
            }
        }
        self.hook.old_pc = npc + 1;
        Ok(())
    }

    /// The call event for the frame just pushed (`callhook` for Lua functions, `luaD_hook` for
    /// native ones): `tail call` when a Lua caller is running a TAILCALL.
    pub(crate) fn call_hook(&mut self) -> Result<(), LuaError> {
        if self.hook.mask & MASK_CALL == 0 {
            return Ok(());
        }
        let index = self.frames.len() - 1;
        let is_lua = matches!(self.frames[index].kind, FrameKind::Lua(_));
        let mut event: &[u8] = b"call";
        if is_lua && index > 0 {
            if let FrameKind::Lua(caller) = self.frames[index - 1].kind {
                let caller_pc = self.frames[index - 1].pc;
                let code = &self.heap.lua_fn(caller).proto.proto.code;
                if code
                    .get(caller_pc.wrapping_sub(1))
                    .is_some_and(|&i| bc::opcode(i) == OpCode::TailCall)
                {
                    self.frames[index].is_tail_call = true;
                    event = b"tail call";
                }
            }
        }
        if is_lua {
            // Hooks see a Lua function's pc as already past its first instruction.
            self.frames[index].pc = 1;
            let result = self.run_hook(event, None);
            self.frames[index].pc = 0;
            result
        } else {
            self.run_hook(event, None)
        }
    }

    /// The return event, and the caller's pc for line events (the hook part of
    /// `luaD_poscall`), while the returning frame is still on top.
    pub(crate) fn return_hook(&mut self) -> Result<(), LuaError> {
        let mask = self.hook.mask;
        if mask & (MASK_RETURN | MASK_LINE) == 0 {
            return Ok(());
        }
        if mask & MASK_RETURN != 0 {
            self.run_hook(b"return", None)?;
        }
        if let Some(caller) = self.frames.len().checked_sub(2).map(|i| self.frames[i]) {
            if matches!(caller.kind, FrameKind::Lua(_)) {
                self.hook.old_pc = caller.pc;
            }
        }
        Ok(())
    }
}
