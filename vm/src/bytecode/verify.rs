//! The bytecode verifier: checks that a prototype cannot make the interpreter index outside its
//! registers, constants, upvalues, nested functions or code. PUC Lua has no such check (5.0 had
//! `luaG_checkcode`); ferrolua runs it on every binary chunk it loads, and the harness checks that
//! everything the compiler emits passes it.
//!
//! The rules, for each function with `n` registers, `k` constants and `u` upvalues:
//! - every register operand is below `n`, counting the ranges an instruction touches (a call's
//!   arguments and results, a loop's control registers, a `LOADNIL` range...);
//! - every constant operand is below `k`, every upvalue operand below `u`, every `CLOSURE`
//!   index below the number of nested functions;
//! - jumps land on an instruction of the function that is not an `EXTRAARG`;
//! - tests are followed by a `JMP`, `TFORCALL` by `TFORLOOP`, `LOADKX` and `SETLIST` with
//!   `C == 0` by an `EXTRAARG`, `LOADBOOL` with a skip by another instruction;
//! - the last instruction is a `RETURN`, so execution cannot run off the end;
//! - an instruction that reads the stack top (`CALL` or `TAILCALL` with `B == 0`, `RETURN` or
//!   `SETLIST` with `B == 0`) directly follows one that sets it (`CALL` or `TAILCALL` with
//!   `C == 0`, `VARARG` with `B == 0`) whose results start at or above its own `A`, and nothing
//!   jumps or skips to it; an instruction that sets the top is followed by one that reads it
//!   (5.1's `checkopenop`). So `top - A` is always the number of values PUC's code would see;
//! - a nested function's upvalues capture registers or upvalues that exist.

use super::{arg_a, arg_ax, arg_b, arg_bx, arg_c, arg_sbx, index_k, is_k, opcode, OpCode, Proto};

/// Why a prototype was refused: the function's line and the pc of the bad instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    pub line_defined: u32,
    pub pc: usize,
    pub what: &'static str,
}

/// Checks a prototype and its nested functions. `parent` is the enclosing function's register
/// and upvalue counts, for checking upvalue descriptions (`None` for a main function).
pub fn verify(proto: &Proto, parent: Option<(usize, usize)>) -> Result<(), VerifyError> {
    let fail = |pc: usize, what: &'static str| VerifyError {
        line_defined: proto.line_defined,
        pc,
        what,
    };
    let n_regs = proto.max_stack_size as usize;
    let n_k = proto.constants.len();
    let n_up = proto.upvalues.len();
    let code = &proto.code;
    if proto.num_params as usize > n_regs {
        return Err(fail(0, "more parameters than registers"));
    }
    if let Some((parent_regs, parent_ups)) = parent {
        for up in &proto.upvalues {
            let limit = if up.in_stack { parent_regs } else { parent_ups };
            if up.index as usize >= limit {
                return Err(fail(0, "upvalue captures nothing"));
            }
        }
    }
    if code.last().map(|&i| opcode(i)) != Some(OpCode::Return) {
        return Err(fail(code.len(), "code does not end with RETURN"));
    }
    let is_extra_arg = |pc: usize| code.get(pc).is_some_and(|&i| opcode(i) == OpCode::ExtraArg);
    let next_is = |pc: usize, op: OpCode| code.get(pc + 1).is_some_and(|&i| opcode(i) == op);
    let landing = landing_points(code);
    let mut pc = 0;
    while pc < code.len() {
        let i = code[pc];
        let op = match super::OpCode::from_u8((i & 0x3f) as u8) {
            Some(op) => op,
            None => return Err(fail(pc, "unknown opcode")),
        };
        if reads_top(i) {
            let fed = pc > 0 && sets_top(code[pc - 1]) && arg_a(code[pc - 1]) >= arg_a(i);
            if !fed || landing[pc] {
                return Err(fail(pc, "stack top read without being set"));
            }
        }
        if sets_top(i) && !code.get(pc + 1).is_some_and(|&next| reads_top(next)) {
            return Err(fail(pc, "stack top set but not read"));
        }
        let (a, b, c) = (arg_a(i) as usize, arg_b(i) as usize, arg_c(i) as usize);
        let reg = |r: usize| r < n_regs;
        let rk = |x: usize| {
            if is_k(x as u32) {
                (index_k(x as u32) as usize) < n_k
            } else {
                x < n_regs
            }
        };
        let jump_ok = |offset: i32| {
            let target = pc as i64 + 1 + offset as i64;
            target >= 0 && (target as usize) < code.len() && !is_extra_arg(target as usize)
        };
        let ok = match op {
            OpCode::Move => reg(a) && reg(b),
            OpCode::LoadK => reg(a) && (arg_bx(i) as usize) < n_k,
            OpCode::LoadKx => {
                reg(a) && next_is(pc, OpCode::ExtraArg) && (arg_ax(code[pc + 1]) as usize) < n_k
            }
            OpCode::LoadBool => reg(a) && (c == 0 || pc + 2 < code.len()),
            OpCode::LoadNil => reg(a + b),
            OpCode::GetUpval | OpCode::SetUpval => reg(a) && b < n_up,
            OpCode::GetTabUp => reg(a) && b < n_up && rk(c),
            OpCode::GetTable => reg(a) && reg(b) && rk(c),
            OpCode::SetTabUp => a < n_up && rk(b) && rk(c),
            OpCode::SetTable => reg(a) && rk(b) && rk(c),
            OpCode::NewTable => reg(a),
            OpCode::SelfOp => reg(a + 1) && reg(b) && rk(c),
            OpCode::Add
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
            | OpCode::Shr => reg(a) && rk(b) && rk(c),
            OpCode::Unm | OpCode::BNot | OpCode::Not | OpCode::Len => reg(a) && reg(b),
            OpCode::Concat => reg(a) && b <= c && reg(c),
            OpCode::Jmp => jump_ok(arg_sbx(i)),
            OpCode::Eq | OpCode::Lt | OpCode::Le => rk(b) && rk(c) && next_is(pc, OpCode::Jmp),
            OpCode::Test => reg(a) && next_is(pc, OpCode::Jmp),
            OpCode::TestSet => reg(a) && reg(b) && next_is(pc, OpCode::Jmp),
            OpCode::Call => reg(a) && (b == 0 || reg(a + b - 1)) && (c <= 1 || reg(a + c - 2)),
            OpCode::TailCall => reg(a) && (b == 0 || reg(a + b - 1)),
            // `return` with no values names the first free register, which may be one past the last.
            OpCode::Return => a <= n_regs && (b == 1 || reg(a)) && (b <= 1 || reg(a + b - 2)),
            OpCode::ForLoop | OpCode::ForPrep => reg(a + 3) && jump_ok(arg_sbx(i)),
            OpCode::TForCall => reg(a + 2 + c) && next_is(pc, OpCode::TForLoop),
            OpCode::TForLoop => reg(a + 1) && jump_ok(arg_sbx(i)),
            // The block number counts from 1, in `C` or in the `EXTRAARG` after it.
            OpCode::SetList => {
                reg(a + b)
                    && (c != 0 || (next_is(pc, OpCode::ExtraArg) && arg_ax(code[pc + 1]) != 0))
            }
            OpCode::Closure => reg(a) && (arg_bx(i) as usize) < proto.protos.len(),
            OpCode::VarArg => reg(a) && (b <= 1 || reg(a + b - 2)),
            OpCode::ExtraArg => false,
        };
        if !ok {
            return Err(fail(pc, op.name()));
        }
        // Skips the argument an instruction consumes.
        if matches!(op, OpCode::LoadKx) || (op == OpCode::SetList && c == 0) {
            pc += 1;
        }
        pc += 1;
    }
    for child in &proto.protos {
        verify(child, Some((n_regs, n_up)))?;
    }
    Ok(())
}

/// Whether `i` sets the stack top to the end of its open list of results.
fn sets_top(i: u32) -> bool {
    match OpCode::from_u8((i & 0x3f) as u8) {
        Some(OpCode::Call | OpCode::TailCall) => arg_c(i) == 0,
        Some(OpCode::VarArg) => arg_b(i) == 0,
        _ => false,
    }
}

/// Whether `i` takes its operands up to the stack top.
fn reads_top(i: u32) -> bool {
    match OpCode::from_u8((i & 0x3f) as u8) {
        Some(OpCode::Call | OpCode::TailCall | OpCode::Return | OpCode::SetList) => arg_b(i) == 0,
        _ => false,
    }
}

/// The pcs execution can reach other than from the instruction before: jump targets, and the
/// instructions a test's or a `LOADBOOL`'s skip lands on.
fn landing_points(code: &[u32]) -> Vec<bool> {
    let mut landing = vec![false; code.len() + 2];
    for (pc, &i) in code.iter().enumerate() {
        let target = match OpCode::from_u8((i & 0x3f) as u8) {
            Some(OpCode::Jmp | OpCode::ForLoop | OpCode::ForPrep | OpCode::TForLoop) => {
                pc as i64 + 1 + arg_sbx(i) as i64
            }
            Some(OpCode::Eq | OpCode::Lt | OpCode::Le | OpCode::Test | OpCode::TestSet) => {
                pc as i64 + 2
            }
            Some(OpCode::LoadBool) if arg_c(i) != 0 => pc as i64 + 2,
            _ => continue,
        };
        if let Some(slot) = usize::try_from(target)
            .ok()
            .and_then(|t| landing.get_mut(t))
        {
            *slot = true;
        }
    }
    landing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{set_arg_a, set_arg_b, set_arg_c};

    fn compiled(source: &str) -> Proto {
        crate::compile(source.as_bytes(), b"=test").expect("the test chunk compiles")
    }

    fn position(proto: &Proto, op: OpCode) -> usize {
        proto
            .code
            .iter()
            .position(|&i| opcode(i) == op)
            .expect("the instruction is there")
    }

    #[test]
    fn compiled_code_with_open_results_passes() {
        for source in [
            "return f()",
            "return ...",
            "f(g(...))",
            "local t = {f()}",
            "return f(...)",
        ] {
            assert_eq!(verify(&compiled(source), None), Ok(()), "{source}");
        }
    }

    #[test]
    fn a_return_to_the_top_needs_an_instruction_that_set_it() {
        // `return f()` is `TAILCALL; RETURN A 0`: a call that keeps one result leaves the top
        // where it was, so `RETURN` would read a stale top.
        let mut proto = compiled("return f()");
        let call = position(&proto, OpCode::TailCall);
        set_arg_c(&mut proto.code[call], 2);
        let error = verify(&proto, None).expect_err("the stale top is refused");
        assert_eq!(error.what, "stack top read without being set");
        assert_eq!(error.pc, call + 1);
    }

    #[test]
    fn an_open_call_must_feed_the_next_instruction() {
        let mut proto = compiled("local a = f(g())");
        let inner = position(&proto, OpCode::Call);
        // Making the outer call take a fixed number of arguments leaves the inner one's open
        // results unread.
        set_arg_b(&mut proto.code[inner + 1], 2);
        let error = verify(&proto, None).expect_err("unread open results are refused");
        assert_eq!(error.what, "stack top set but not read");
        assert_eq!(error.pc, inner);
    }

    #[test]
    fn an_empty_return_may_name_the_register_after_the_last() {
        let mut proto = compiled("local a, b, c = 1, 2, 3 return");
        let ret = proto.code.len() - 1;
        let n_regs = proto.max_stack_size as u32;
        set_arg_a(&mut proto.code[ret], n_regs);
        assert_eq!(verify(&proto, None), Ok(()));
        set_arg_a(&mut proto.code[ret], n_regs + 1);
        assert!(verify(&proto, None).is_err());
    }
}
