//! The interpreter loop. Mirrors `luaV_execute` in lvm.c of PUC Lua 5.3.6; each arm's comment
//! is the opcode's description from the opcode table.
//!
//! The loop keeps the running frame's code, constants, base and pc in locals. A call to a Lua
//! function pushes a frame and restarts the outer loop on it; a return pops it and restarts on
//! the caller; only the frame this invocation started with returns to Rust. Fast paths (integer
//! and float arithmetic, plain table access) are inline; everything else is a call to a helper
//! in `ops.rs`, made after saving the pc so errors report the right line.

use std::rc::Rc;

use super::call::Called;
use super::ops::{number_le, number_lt, Origin};
use super::running_proto::RunningProto;
use super::{ErrorKind, FrameKind, Lua, LuaError, MASK_COUNT, MASK_LINE, MULTRET};
use crate::arith::{self, ArithOp};
use crate::bytecode::{self as bc, OpCode, MAX_SBX};
use crate::limits::FIELDS_PER_FLUSH;
use crate::object::{FnProto, LuaClosure, Table, Upvalue};
use crate::value::{LuaFnRef, UpvalRef, Value};

macro_rules! opcode_constants {
    ($($name:ident = $op:ident;)*) => { $(const $name: u32 = OpCode::$op as u32;)* };
}

opcode_constants! {
    MOVE = Move; LOADK = LoadK; LOADKX = LoadKx; LOADBOOL = LoadBool; LOADNIL = LoadNil;
    GETUPVAL = GetUpval; GETTABUP = GetTabUp; GETTABLE = GetTable; SETTABUP = SetTabUp;
    SETUPVAL = SetUpval; SETTABLE = SetTable; NEWTABLE = NewTable; SELF = SelfOp; ADD = Add;
    SUB = Sub; MUL = Mul; MOD = Mod; POW = Pow; DIV = Div; IDIV = IDiv; BAND = BAnd; BOR = BOr;
    BXOR = BXor; SHL = Shl; SHR = Shr; UNM = Unm; BNOT = BNot; NOT = Not; LEN = Len;
    CONCAT = Concat; JMP = Jmp; EQ = Eq; LT = Lt; LE = Le; TEST = Test; TESTSET = TestSet;
    CALL = Call; TAILCALL = TailCall; RETURN = Return; FORLOOP = ForLoop; FORPREP = ForPrep;
    TFORCALL = TForCall; TFORLOOP = TForLoop; SETLIST = SetList; CLOSURE = Closure;
    VARARG = VarArg;
}

/// Decodes a "floating point byte" table size (`luaO_fb2int`).
fn fb_to_int(x: u32) -> usize {
    if x < 8 {
        x as usize
    } else {
        (((x & 7) + 8) as usize) << ((x >> 3) - 1)
    }
}

impl Lua {
    /// Runs the Lua frame on top of the stack until it returns (`luaV_execute`).
    ///
    /// The loop may switch to a coroutine that Lua code resumes and back when it yields
    /// ([`Lua::switch_call`]). Such a coroutine can also end, fail, or yield from a call made
    /// below the loop: its run then ends with that outcome, and it is taken here back to its
    /// resumer, whose call to `resume` it completes, before the loop runs on.
    pub(crate) fn execute(&mut self) -> Result<(), LuaError> {
        let loop_base = self.loop_resumes.len();
        // The depth at which the loop returns: below the frame it started with, or, while it
        // runs a coroutine it switched to, below that coroutine's first frame.
        let mut entry_depth = self.frames.len();
        loop {
            // The loop works on the stack as a parameter of its own: a `&mut` parameter cannot
            // alias anything else, so the stack's pointer and length stay in registers instead
            // of being reloaded from `self` after every store. Slow paths hand it back to
            // `self` around their calls (`with_stack!`).
            let mut stack = std::mem::take(&mut self.stack);
            let mut result = self.run(&mut stack, &mut entry_depth, loop_base);
            self.stack = stack;
            loop {
                if self.loop_resumes.len() == loop_base {
                    return result;
                }
                match self.leave_loop_coroutine(result, &mut entry_depth) {
                    Ok(()) => break,
                    // An error raised for the resumer: a `wrap` function's, or an interruption.
                    Err(error) => result = Err(error),
                }
            }
        }
    }

    fn run(
        &mut self,
        stack_vec: &mut Vec<Value>,
        entry_depth: &mut usize,
        loop_base: usize,
    ) -> Result<(), LuaError> {
        // The stack as a slice, so that reaching a register reads the slice's pointer rather
        // than the vector's; it is taken again after every slow path, which may grow it.
        let mut stack: &mut [Value] = &mut stack_vec[..];
        'frame: loop {
            let frame_index = self.frames.len() - 1;
            let frame = self.frames[frame_index];
            let FrameKind::Lua(closure) = frame.kind else {
                unreachable!("execute runs Lua frames")
            };
            let running = RunningProto::of(&self.heap, closure);
            let function = running.get();
            let code = &function.proto.code[..];
            let k = &function.constants[..];
            let base = frame.base;
            let frame_top = frame.top;
            let mut pc = frame.pc;
            // Start of the straight-line stretch not yet charged to the instruction budget.
            let mut segment_start = pc;

            macro_rules! save_pc {
                () => {
                    self.frames[frame_index].pc = pc;
                    self.top = frame_top;
                };
            }
            macro_rules! with_stack {
                ($e:expr) => {{
                    std::mem::swap(&mut self.stack, stack_vec);
                    let result = $e;
                    std::mem::swap(&mut self.stack, stack_vec);
                    // Unread when the arm goes on to another slow path or frame.
                    #[allow(unused_assignments)]
                    {
                        stack = &mut stack_vec[..];
                    }
                    result
                }};
            }
            // A slow path: saves the pc, lends the stack back to `self`, and propagates errors.
            macro_rules! slow {
                ($e:expr) => {{
                    save_pc!();
                    with_stack!($e)?
                }};
            }
            macro_rules! get_upvalue {
                ($cell:expr) => {
                    match self.heap.upvalue($cell) {
                        Upvalue::Open { thread, index } if thread == self.current_thread => {
                            stack[index]
                        }
                        Upvalue::Open { thread, index } => self.thread_state(thread).stack[index],
                        Upvalue::Closed(value) => value,
                    }
                };
            }
            // A safe point (`checkGC`): registers from `limit` up are dead, as PUC declares by
            // setting the top there while it collects.
            macro_rules! check_gc {
                ($limit:expr) => {
                    if self.heap.total_bytes() >= self.heap.gc.threshold {
                        self.frames[frame_index].pc = pc;
                        self.top = $limit;
                        with_stack!(self.gc_check())?;
                        self.top = frame_top;
                    }
                };
            }
            macro_rules! rk {
                ($x:expr) => {
                    if bc::is_k($x) {
                        k[bc::index_k($x) as usize]
                    } else {
                        stack[base + $x as usize]
                    }
                };
            }
            macro_rules! rk_origin {
                ($x:expr) => {
                    if bc::is_k($x) {
                        Origin::None
                    } else {
                        Origin::Stack(base + $x as usize)
                    }
                };
            }
            // `object[key]` for GETTABUP, GETTABLE and SELF: the fast path with the
            // instruction's lookup hint, else the full `Lua::index` naming `origin` in errors.
            // The object is matched where it lies rather than copied: its tag and handle are
            // read as two words, as the store that wrote it may have left them, so that the
            // load is served from that store instead of waiting for it to reach the cache.
            macro_rules! get {
                ($object:expr, $key:expr, $origin:expr) => {
                    match $object {
                        Value::Table(t) => {
                            let hint = &function.lookup_hints[pc - 1];
                            match fast_get(&self.heap, t, $key, hint) {
                                Some(value) => value,
                                None => slow!(self.index(Value::Table(t), $key, $origin)),
                            }
                        }
                        object => slow!(self.index(object, $key, $origin)),
                    }
                };
            }
            macro_rules! upvalue {
                ($index:expr) => {
                    self.heap.lua_fn(closure).upvalues[$index as usize]
                };
            }
            // Charges the instructions run since the last checkpoint to the budget. Checkpoints
            // are backward jumps, calls and returns: every loop passes one, so a budget stops any
            // runaway program, while straight-line code pays nothing.
            macro_rules! charge {
                () => {{
                    let used = (pc - segment_start) as u64;
                    if self.ticks >= used {
                        self.ticks -= used;
                    } else if self.poll(used, true) {
                        save_pc!();
                        return Err(self.interrupted());
                    }
                }};
            }
            macro_rules! jump_by {
                ($offset:expr) => {{
                    let offset = $offset;
                    if offset < 0 {
                        charge!();
                        pc = (pc as i64 + offset as i64) as usize;
                        segment_start = pc;
                    } else {
                        pc += offset as usize;
                    }
                }};
            }
            macro_rules! do_jump {
                ($i:expr) => {{
                    let a = bc::arg_a($i);
                    if a != 0 {
                        with_stack!(self.close_upvalues(base + a as usize - 1));
                    }
                    jump_by!(bc::arg_sbx($i));
                }};
            }
            macro_rules! cond_jump {
                ($cond:expr) => {{
                    if $cond {
                        let next = code[pc];
                        pc += 1;
                        do_jump!(next);
                    } else {
                        pc += 1;
                    }
                }};
            }
            macro_rules! arith_op {
                ($i:expr, $op:expr, $int:expr, $float:expr) => {{
                    let (b, c) = (bc::arg_b($i), bc::arg_c($i));
                    let (x, y) = (rk!(b), rk!(c));
                    let ra = base + bc::arg_a($i) as usize;
                    stack[ra] = match (x, y) {
                        (Value::Int(x), Value::Int(y)) => Value::Int($int(x, y)),
                        (Value::Float(x), Value::Float(y)) => Value::Float($float(x, y)),
                        (Value::Int(x), Value::Float(y)) => Value::Float($float(x as f64, y)),
                        (Value::Float(x), Value::Int(y)) => Value::Float($float(x, y as f64)),
                        _ => {
                            slow!(self.arith($op, (x, rk_origin!(b)), (y, rk_origin!(c))))
                        }
                    };
                }};
            }
            macro_rules! float_op {
                ($i:expr, $op:expr, $float:expr) => {{
                    let (b, c) = (bc::arg_b($i), bc::arg_c($i));
                    let (x, y) = (rk!(b), rk!(c));
                    let ra = base + bc::arg_a($i) as usize;
                    stack[ra] = match (x, y) {
                        (Value::Float(x), Value::Float(y)) => Value::Float($float(x, y)),
                        (Value::Int(x), Value::Int(y)) => Value::Float($float(x as f64, y as f64)),
                        (Value::Int(x), Value::Float(y)) => Value::Float($float(x as f64, y)),
                        (Value::Float(x), Value::Int(y)) => Value::Float($float(x, y as f64)),
                        _ => {
                            slow!(self.arith($op, (x, rk_origin!(b)), (y, rk_origin!(c))))
                        }
                    };
                }};
            }
            macro_rules! int_op {
                ($i:expr, $op:expr, $int:expr) => {{
                    let (b, c) = (bc::arg_b($i), bc::arg_c($i));
                    let (x, y) = (rk!(b), rk!(c));
                    let ra = base + bc::arg_a($i) as usize;
                    stack[ra] = match (x, y) {
                        (Value::Int(x), Value::Int(y)) => Value::Int($int(x, y)),
                        _ => {
                            slow!(self.arith($op, (x, rk_origin!(b)), (y, rk_origin!(c))))
                        }
                    };
                }};
            }

            loop {
                let i = code[pc];
                pc += 1;
                if self.hook.mask & (MASK_LINE | MASK_COUNT) != 0 {
                    // As `luaD_hook`: the hook runs above the frame's registers and above the
                    // values a call for all its results left, and `top` is restored after it.
                    self.frames[frame_index].pc = pc;
                    let top = self.top;
                    self.top = top.max(frame_top);
                    with_stack!(self.trace_exec(pc - 1))?;
                    self.top = top;
                }
                let ra = base + bc::arg_a(i) as usize;
                match i & 0x3f {
                    // R(A) := R(B)
                    MOVE => stack[ra] = stack[base + bc::arg_b(i) as usize],
                    // R(A) := Kst(Bx)
                    LOADK => stack[ra] = k[bc::arg_bx(i) as usize],
                    // R(A) := Kst(extra arg)
                    LOADKX => {
                        stack[ra] = k[bc::arg_ax(code[pc]) as usize];
                        pc += 1;
                    }
                    // R(A) := (Bool)B; if (C) pc++
                    LOADBOOL => {
                        stack[ra] = Value::boolean(bc::arg_b(i) != 0);
                        if bc::arg_c(i) != 0 {
                            pc += 1;
                        }
                    }
                    // R(A), R(A+1), ..., R(A+B) := nil
                    LOADNIL => {
                        for slot in &mut stack[ra..=ra + bc::arg_b(i) as usize] {
                            *slot = Value::Nil;
                        }
                    }
                    // R(A) := UpValue[B]
                    GETUPVAL => stack[ra] = get_upvalue!(upvalue!(bc::arg_b(i))),
                    // R(A) := UpValue[B][RK(C)]
                    GETTABUP => {
                        let b = bc::arg_b(i);
                        let table = get_upvalue!(upvalue!(b));
                        let key = rk!(bc::arg_c(i));
                        stack[ra] = get!(table, key, Origin::Upvalue(b as usize));
                    }
                    // R(A) := R(B)[RK(C)]
                    GETTABLE => {
                        let rb = base + bc::arg_b(i) as usize;
                        let key = rk!(bc::arg_c(i));
                        stack[ra] = get!(stack[rb], key, Origin::Stack(rb));
                    }
                    // UpValue[A][RK(B)] := RK(C)
                    SETTABUP => {
                        let a = bc::arg_a(i);
                        let table = get_upvalue!(upvalue!(a));
                        let (key, value) = (rk!(bc::arg_b(i)), rk!(bc::arg_c(i)));
                        if !self.fast_set(table, key, value) {
                            slow!(self.set_index(table, key, value, Origin::Upvalue(a as usize)));
                        }
                    }
                    // UpValue[B] := R(A)
                    SETUPVAL => {
                        let value = stack[ra];
                        match self.heap.upvalue(upvalue!(bc::arg_b(i))) {
                            Upvalue::Open { thread, index } if thread == self.current_thread => {
                                stack[index] = value
                            }
                            Upvalue::Open { thread, index } => {
                                self.thread_state_mut(thread).stack[index] = value
                            }
                            Upvalue::Closed(_) => {
                                *self.heap.upvalue_mut(upvalue!(bc::arg_b(i))) =
                                    Upvalue::Closed(value)
                            }
                        }
                    }
                    // R(A)[RK(B)] := RK(C)
                    SETTABLE => {
                        let table = stack[ra];
                        let (key, value) = (rk!(bc::arg_b(i)), rk!(bc::arg_c(i)));
                        if !self.fast_set(table, key, value) {
                            slow!(self.set_index(table, key, value, Origin::Stack(ra)));
                        }
                    }
                    // R(A) := {} (size = B,C)
                    NEWTABLE => {
                        let table =
                            Table::with_capacity(fb_to_int(bc::arg_b(i)), fb_to_int(bc::arg_c(i)));
                        stack[ra] = Value::Table(self.heap.new_table(table));
                        check_gc!(ra + 1);
                    }
                    // R(A+1) := R(B); R(A) := R(B)[RK(C)]
                    SELF => {
                        let rb = base + bc::arg_b(i) as usize;
                        let key = rk!(bc::arg_c(i));
                        stack[ra + 1] = stack[rb];
                        stack[ra] = get!(stack[ra + 1], key, Origin::Stack(rb));
                    }
                    // R(A) := RK(B) + RK(C)
                    ADD => arith_op!(i, ArithOp::Add, i64::wrapping_add, |x: f64, y: f64| x + y),
                    // R(A) := RK(B) - RK(C)
                    SUB => arith_op!(i, ArithOp::Sub, i64::wrapping_sub, |x: f64, y: f64| x - y),
                    // R(A) := RK(B) * RK(C)
                    MUL => arith_op!(i, ArithOp::Mul, i64::wrapping_mul, |x: f64, y: f64| x * y),
                    // R(A) := RK(B) % RK(C)
                    MOD => {
                        let (x, y) = (rk!(bc::arg_b(i)), rk!(bc::arg_c(i)));
                        match (x, y) {
                            (Value::Int(m), Value::Int(n)) if n != 0 => {
                                stack[ra] = Value::Int(arith::int_mod(m, n).unwrap_or(0));
                            }
                            (Value::Float(m), Value::Float(n)) => {
                                stack[ra] = Value::Float(arith::float_mod(m, n))
                            }
                            _ => {
                                let (ob, oc) = (rk_origin!(bc::arg_b(i)), rk_origin!(bc::arg_c(i)));
                                stack[ra] = slow!(self.arith(ArithOp::Mod, (x, ob), (y, oc)));
                            }
                        }
                    }
                    // R(A) := RK(B) ^ RK(C)
                    POW => float_op!(i, ArithOp::Pow, arith::float_pow),
                    // R(A) := RK(B) / RK(C)
                    DIV => float_op!(i, ArithOp::Div, |x: f64, y: f64| x / y),
                    // R(A) := RK(B) // RK(C)
                    IDIV => {
                        let (x, y) = (rk!(bc::arg_b(i)), rk!(bc::arg_c(i)));
                        match (x, y) {
                            (Value::Int(m), Value::Int(n)) if n != 0 => {
                                stack[ra] = Value::Int(arith::int_floor_div(m, n).unwrap_or(0));
                            }
                            (Value::Float(m), Value::Float(n)) => {
                                stack[ra] = Value::Float((m / n).floor())
                            }
                            _ => {
                                let (ob, oc) = (rk_origin!(bc::arg_b(i)), rk_origin!(bc::arg_c(i)));
                                stack[ra] = slow!(self.arith(ArithOp::IDiv, (x, ob), (y, oc)));
                            }
                        }
                    }
                    // R(A) := RK(B) & RK(C)
                    BAND => int_op!(i, ArithOp::BAnd, |x: i64, y: i64| x & y),
                    // R(A) := RK(B) | RK(C)
                    BOR => int_op!(i, ArithOp::BOr, |x: i64, y: i64| x | y),
                    // R(A) := RK(B) ~ RK(C)
                    BXOR => int_op!(i, ArithOp::BXor, |x: i64, y: i64| x ^ y),
                    // R(A) := RK(B) << RK(C)
                    SHL => int_op!(i, ArithOp::Shl, arith::shift_left),
                    // R(A) := RK(B) >> RK(C)
                    SHR => int_op!(i, ArithOp::Shr, |x: i64, y: i64| arith::shift_left(
                        x,
                        y.wrapping_neg()
                    )),
                    // R(A) := -R(B)
                    UNM => {
                        let rb = base + bc::arg_b(i) as usize;
                        stack[ra] = match stack[rb] {
                            Value::Int(x) => Value::Int(x.wrapping_neg()),
                            Value::Float(x) => Value::Float(-x),
                            x => {
                                slow!(self.arith(
                                    ArithOp::Unm,
                                    (x, Origin::Stack(rb)),
                                    (x, Origin::Stack(rb))
                                ))
                            }
                        };
                    }
                    // R(A) := ~R(B)
                    BNOT => {
                        let rb = base + bc::arg_b(i) as usize;
                        stack[ra] = match stack[rb] {
                            Value::Int(x) => Value::Int(!x),
                            x => {
                                slow!(self.arith(
                                    ArithOp::BNot,
                                    (x, Origin::Stack(rb)),
                                    (x, Origin::Stack(rb))
                                ))
                            }
                        };
                    }
                    // R(A) := not R(B)
                    NOT => {
                        stack[ra] = Value::boolean(stack[base + bc::arg_b(i) as usize].is_falsy())
                    }
                    // R(A) := length of R(B)
                    LEN => {
                        let rb = base + bc::arg_b(i) as usize;
                        let value = stack[rb];
                        stack[ra] = match value {
                            Value::Str(s) => Value::Int(self.str_bytes(s).len() as i64),
                            Value::Table(t) if self.heap.table(t).metatable().is_none() => {
                                Value::Int(self.heap.table(t).length())
                            }
                            _ => {
                                slow!(self.length(value, Origin::Stack(rb)))
                            }
                        };
                    }
                    // R(A) := R(B).. ... ..R(C)
                    CONCAT => {
                        let (rb, rc) = (base + bc::arg_b(i) as usize, base + bc::arg_c(i) as usize);
                        self.frames[frame_index].pc = pc;
                        self.top = rc + 1;
                        with_stack!(self.concat(rc - rb + 1))?;
                        stack[ra] = stack[rb];
                        self.top = frame_top;
                        check_gc!(if ra >= rb { ra + 1 } else { rb });
                    }
                    // pc+=sBx; if (A) close all upvalues >= R(A - 1)
                    JMP => do_jump!(i),
                    // if ((RK(B) == RK(C)) ~= A) then pc++
                    EQ => {
                        let (x, y) = (rk!(bc::arg_b(i)), rk!(bc::arg_c(i)));
                        let equal = match (x, y) {
                            (Value::Table(_), Value::Table(_))
                            | (Value::Userdata(_), Value::Userdata(_)) => {
                                slow!(self.equals(x, y))
                            }
                            _ => x.raw_equal(y),
                        };
                        cond_jump!(equal == (bc::arg_a(i) != 0));
                    }
                    // if ((RK(B) <  RK(C)) ~= A) then pc++
                    LT => {
                        let (x, y) = (rk!(bc::arg_b(i)), rk!(bc::arg_c(i)));
                        let less = match (x, y) {
                            (Value::Int(x), Value::Int(y)) => x < y,
                            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                                number_lt(x, y)
                            }
                            _ => {
                                slow!(self.less_than(x, y))
                            }
                        };
                        cond_jump!(less == (bc::arg_a(i) != 0));
                    }
                    // if ((RK(B) <= RK(C)) ~= A) then pc++
                    LE => {
                        let (x, y) = (rk!(bc::arg_b(i)), rk!(bc::arg_c(i)));
                        let less_equal = match (x, y) {
                            (Value::Int(x), Value::Int(y)) => x <= y,
                            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                                number_le(x, y)
                            }
                            _ => {
                                slow!(self.less_equal(x, y))
                            }
                        };
                        cond_jump!(less_equal == (bc::arg_a(i) != 0));
                    }
                    // if not (R(A) <=> C) then pc++
                    TEST => {
                        let truthy = !stack[ra].is_falsy();
                        cond_jump!(truthy == (bc::arg_c(i) != 0));
                    }
                    // if (R(B) <=> C) then R(A) := R(B) else pc++
                    TESTSET => {
                        let value = stack[base + bc::arg_b(i) as usize];
                        if value.is_falsy() == (bc::arg_c(i) != 0) {
                            pc += 1;
                        } else {
                            stack[ra] = value;
                            let next = code[pc];
                            pc += 1;
                            do_jump!(next);
                        }
                    }
                    // R(A), ... ,R(A+C-2) := R(A)(R(A+1), ... ,R(A+B-1))
                    CALL => {
                        let b = bc::arg_b(i) as usize;
                        if b != 0 {
                            self.top = ra + b;
                        }
                        self.frames[frame_index].pc = pc;
                        charge!();
                        segment_start = pc;
                        let n_results = bc::arg_c(i) as i32 - 1;
                        match with_stack!(self.precall(ra, n_results, true))? {
                            Called::Lua => continue 'frame,
                            Called::Native => {}
                            Called::Switch => {
                                if with_stack!(self.switch_call(loop_base, entry_depth))? {
                                    continue 'frame;
                                }
                            }
                        }
                        if n_results >= 0 {
                            self.top = frame_top;
                        }
                    }
                    // return R(A)(R(A+1), ... ,R(A+B-1))
                    TAILCALL => {
                        let b = bc::arg_b(i) as usize;
                        if b != 0 {
                            self.top = ra + b;
                        }
                        self.frames[frame_index].pc = pc;
                        charge!();
                        segment_start = pc;
                        if with_stack!(self.precall(ra, MULTRET, false))? == Called::Lua {
                            with_stack!(self.replace_frame_for_tail_call(frame_index));
                            continue 'frame;
                        }
                    }
                    // return R(A), ... ,R(A+B-2)
                    RETURN => {
                        charge!();
                        let b = bc::arg_b(i) as usize;
                        if !function.children.is_empty() {
                            with_stack!(self.close_upvalues(base));
                        }
                        let n = if b != 0 { b - 1 } else { self.top - ra };
                        if self.hook.mask != 0 {
                            self.frames[frame_index].pc = pc;
                            with_stack!(self.return_hook())?;
                        }
                        let wanted = self.frames[frame_index].n_results;
                        with_stack!(self.poscall(ra, n));
                        if self.frames.len() < *entry_depth {
                            return Ok(());
                        }
                        if wanted != MULTRET {
                            self.top = self.frames[self.frames.len() - 1].top;
                        }
                        continue 'frame;
                    }
                    // R(A)+=R(A+2); if R(A) <?= R(A+1) then { pc+=sBx; R(A+3)=R(A) }
                    FORLOOP => match (stack[ra], stack[ra + 1], stack[ra + 2]) {
                        (Value::Int(index), Value::Int(limit), Value::Int(step)) => {
                            let index = index.wrapping_add(step);
                            if if step > 0 {
                                index <= limit
                            } else {
                                limit <= index
                            } {
                                jump_by!(bc::arg_sbx(i));
                                stack[ra] = Value::Int(index);
                                stack[ra + 3] = Value::Int(index);
                            }
                        }
                        (Value::Float(index), Value::Float(limit), Value::Float(step)) => {
                            let index = index + step;
                            if if 0.0 < step {
                                index <= limit
                            } else {
                                limit <= index
                            } {
                                jump_by!(bc::arg_sbx(i));
                                stack[ra] = Value::Float(index);
                                stack[ra + 3] = Value::Float(index);
                            }
                        }
                        // Only bytecode not made by the compiler reaches a loop not prepared by
                        // FORPREP; it gets an error rather than a guess.
                        _ => {
                            save_pc!();
                            return Err(self.runtime_error(b"'for' loop not prepared"));
                        }
                    },
                    // R(A)-=R(A+2); pc+=sBx
                    FORPREP => {
                        slow!(self.for_prepare(ra));
                        pc = (pc as i64 + bc::arg_sbx(i) as i64) as usize;
                    }
                    // R(A+3), ... ,R(A+2+C) := R(A)(R(A+1), R(A+2))
                    TFORCALL => {
                        let call_base = ra + 3;
                        stack[call_base] = stack[ra];
                        stack[call_base + 1] = stack[ra + 1];
                        stack[call_base + 2] = stack[ra + 2];
                        self.frames[frame_index].pc = pc;
                        self.top = call_base + 3;
                        charge!();
                        segment_start = pc;
                        let n_results = bc::arg_c(i) as i32;
                        // A `wrap` generator may switch the loop to its coroutine, to come
                        // back to the TFORLOOP that follows.
                        if with_stack!(self.call_iterator(
                            call_base,
                            n_results,
                            loop_base,
                            entry_depth
                        ))? {
                            continue 'frame;
                        }
                        self.top = frame_top;
                        // The next instruction is always the TFORLOOP.
                        let next = code[pc];
                        pc += 1;
                        let ra = base + bc::arg_a(next) as usize;
                        if !stack[ra + 1].is_nil() {
                            stack[ra] = stack[ra + 1];
                            jump_by!(bc::arg_sbx(next));
                        }
                    }
                    // if R(A+1) ~= nil then { R(A)=R(A+1); pc += sBx }
                    TFORLOOP if !stack[ra + 1].is_nil() => {
                        stack[ra] = stack[ra + 1];
                        jump_by!(bc::arg_sbx(i));
                    }
                    TFORLOOP => {}
                    // R(A)[(C-1)*FPF+i] := R(A+i), 1 <= i <= B
                    SETLIST => {
                        let mut n = bc::arg_b(i) as usize;
                        if n == 0 {
                            n = self.top - ra - 1;
                        }
                        let mut c = bc::arg_c(i) as usize;
                        if c == 0 {
                            c = bc::arg_ax(code[pc]) as usize;
                            pc += 1;
                        }
                        let Value::Table(t) = stack[ra] else {
                            save_pc!();
                            return Err(self.runtime_error(b"SETLIST on a non-table"));
                        };
                        let first = (c - 1) * FIELDS_PER_FLUSH as usize + 1;
                        self.heap.table_grow_array(t, first + n - 1);
                        let table = self.heap.table_mut(t);
                        for j in 0..n {
                            table.set_in_array(first + j, stack[ra + 1 + j]);
                        }
                        self.top = frame_top;
                    }
                    // R(A) := closure(KPROTO[Bx])
                    CLOSURE => {
                        let child = &function.children[bc::arg_bx(i) as usize];
                        stack[ra] = self.make_closure(closure, child, base);
                        check_gc!(ra + 1);
                    }
                    // R(A), R(A+1), ..., R(A+B-2) = vararg
                    VARARG => {
                        let wanted = bc::arg_b(i) as i64 - 1;
                        let n_varargs = (base - frame.func - 1)
                            .saturating_sub(function.proto.num_params as usize);
                        let wanted = if wanted < 0 {
                            self.frames[frame_index].pc = pc;
                            self.top = ra;
                            with_stack!(self.ensure_stack(n_varargs))?;
                            self.top = ra + n_varargs;
                            n_varargs
                        } else {
                            wanted as usize
                        };
                        for j in 0..wanted {
                            stack[ra + j] = if j < n_varargs {
                                stack[base - n_varargs + j]
                            } else {
                                Value::Nil
                            };
                        }
                    }
                    // EXTRAARG is consumed by the instruction before it; the verifier keeps jumps
                    // from landing on one, and executing one does nothing.
                    _ => {}
                }
            }
        }
    }

    /// `t[key] = value` when it needs no metamethod: `t` is a table that already has a non-nil
    /// value at `key` (`luaV_fastset`). Returns whether it stored.
    #[inline]
    fn fast_set(&mut self, t: Value, key: Value, value: Value) -> bool {
        let Value::Table(t) = t else { return false };
        let table = self.heap.table_mut(t);
        if table.get(key).is_nil() {
            if table.metatable().is_some() {
                return false;
            }
            return match key {
                Value::Nil => false,
                Value::Float(f) if f.is_nan() => false,
                _ => {
                    // A new key: the table may grow.
                    self.heap.table_set(t, key, value);
                    true
                }
            };
        }
        table.set(key, value);
        true
    }

    /// Moves the frame just pushed by a tail call down over the frame that made it
    /// (`OP_TAILCALL`).
    #[inline(never)]
    fn replace_frame_for_tail_call(&mut self, caller_index: usize) {
        let callee = self.frames.pop().expect("the tail-called frame");
        let caller = self.frames[caller_index];
        self.close_upvalues(caller.base);
        let FrameKind::Lua(f) = callee.kind else {
            unreachable!("tail-called frames are Lua frames")
        };
        let n_params = self.heap.lua_fn(f).proto.proto.num_params as usize;
        let limit = callee.base + n_params;
        self.stack.copy_within(callee.func..limit, caller.func);
        let frame = &mut self.frames[caller_index];
        frame.kind = callee.kind;
        frame.base = caller.func + (callee.base - callee.func);
        frame.top = caller.func + (callee.top - callee.func);
        frame.pc = 0;
        frame.is_tail_call = true;
        self.top = caller.func + (self.top - callee.func);
    }

    /// Creates (or reuses from the prototype's cache) a closure of `child` inside the running
    /// function (`pushclosure` and `getcached`).
    #[inline(never)]
    fn make_closure(&mut self, parent: LuaFnRef, child: &Rc<FnProto>, base: usize) -> Value {
        let descriptions = &child.proto.upvalues;
        // A cached closure the collector found dead, not yet swept, must not come back.
        let cached = child
            .cache
            .get()
            .filter(|&cached| !self.heap.lua_fn_is_dead(cached));
        if let Some(cached) = cached {
            let cached_upvalues = &self.heap.lua_fn(cached).upvalues;
            let reusable = descriptions
                .iter()
                .zip(cached_upvalues)
                .all(|(desc, &cell)| {
                    if desc.in_stack {
                        matches!(self.heap.upvalue(cell), Upvalue::Open { thread, index }
                        if thread == self.current_thread && index == base + desc.index as usize)
                    } else {
                        self.heap.lua_fn(parent).upvalues[desc.index as usize] == cell
                    }
                });
            if reusable {
                return Value::LuaFn(cached);
            }
        }
        let upvalues: Vec<UpvalRef> = descriptions
            .iter()
            .map(|desc| {
                if desc.in_stack {
                    self.find_upvalue(base + desc.index as usize)
                } else {
                    self.heap.lua_fn(parent).upvalues[desc.index as usize]
                }
            })
            .collect();
        let call_info = crate::object::CallInfo::of(&child.proto);
        let closure = self.heap.new_lua_fn(LuaClosure {
            proto: child.clone(),
            upvalues,
            call_info,
        });
        child.cache.set(Some(closure));
        Value::LuaFn(closure)
    }

    /// Prepares a numeric for loop (`OP_FORPREP`): all integers if the initial value and step
    /// are integers and the limit can be clipped to one, floats otherwise.
    #[inline(never)]
    fn for_prepare(&mut self, ra: usize) -> Result<(), LuaError> {
        let (init, limit, step) = (self.stack[ra], self.stack[ra + 1], self.stack[ra + 2]);
        if let (Value::Int(init), Value::Int(step)) = (init, step) {
            if let Some((limit, stop_now)) = self.for_limit(limit, step) {
                let init = if stop_now { 0 } else { init };
                self.stack[ra + 1] = Value::Int(limit);
                self.stack[ra] = Value::Int(init.wrapping_sub(step));
                return Ok(());
            }
        }
        let to_float = |lua: &Lua, v: Value| {
            super::ops::to_number(v, &lua.heap.strings).map(|n| match n {
                crate::number::Number::Int(i) => i as f64,
                crate::number::Number::Float(f) => f,
            })
        };
        let Some(limit) = to_float(self, limit) else {
            return Err(self.runtime_error(b"'for' limit must be a number"));
        };
        self.stack[ra + 1] = Value::Float(limit);
        let Some(step) = to_float(self, step) else {
            return Err(self.runtime_error(b"'for' step must be a number"));
        };
        self.stack[ra + 2] = Value::Float(step);
        let Some(init) = to_float(self, init) else {
            return Err(self.runtime_error(b"'for' initial value must be a number"));
        };
        self.stack[ra] = Value::Float(init - step);
        Ok(())
    }

    /// The integer limit of an integer loop (`forlimit`): a float limit is floored (or ceiled
    /// for negative steps) and clipped to the integer range; `stop_now` when the loop cannot
    /// run at all. `None` if the limit is not a number.
    fn for_limit(&self, limit: Value, step: i64) -> Option<(i64, bool)> {
        let number = super::ops::to_number(limit, &self.heap.strings)?;
        let f = match number {
            crate::number::Number::Int(i) => return Some((i, false)),
            crate::number::Number::Float(f) => f,
        };
        let rounded = if step < 0 { f.ceil() } else { f.floor() };
        if let Some(i) = arith::float_to_int_exact(rounded) {
            return Some((i, false));
        }
        if f.is_nan() {
            // NaN: PUC's comparison `0 < n` is false, so the limit is the minimum.
            return Some((i64::MIN, step >= 0));
        }
        if 0.0 < f {
            Some((i64::MAX, step < 0))
        } else {
            Some((i64::MIN, step >= 0))
        }
    }

    #[cold]
    pub(crate) fn interrupted(&mut self) -> LuaError {
        if self
            .signal
            .swap(false, std::sync::atomic::Ordering::Relaxed)
        {
            // lua.c's `lstop` hook: `luaL_error(L, "interrupted!")`, whose level 1 is the
            // caller of the running function, since a hook has no frame of its own.
            let mut text = self.where_(1);
            text.extend_from_slice(b"interrupted!");
            let value = self.string(&text);
            return self.raise(value);
        }
        let text: &[u8] = if self.interrupt_requested() {
            b"interrupted"
        } else {
            b"instruction budget exhausted"
        };
        let value = self.string(text);
        LuaError {
            value,
            kind: ErrorKind::Interrupted,
        }
    }
}

const _: () = assert!(MAX_SBX > 0);

/// `object[key]` when no metamethod can take part, with the instruction's lookup hint: the
/// value of a table that has the key, or nil from a table without a metatable (`luaV_fastget`,
/// with the nil case that `luaV_finishget` settles at once). `None` sends the access to the
/// full `Lua::index`.
#[inline(always)]
fn fast_get(
    heap: &crate::object::Heap,
    t: crate::value::TableRef,
    key: Value,
    hint: &std::cell::Cell<u32>,
) -> Option<Value> {
    let table = heap.table(t);
    let value = match key {
        Value::Str(s) => table.get_str_hinted(s, hint),
        _ => table.get(key),
    };
    (!value.is_nil() || table.metatable().is_none()).then_some(value)
}
