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
    let mut pc = 0;
    while pc < code.len() {
        let i = code[pc];
        let op = match super::OpCode::from_u8((i & 0x3f) as u8) {
            Some(op) => op,
            None => return Err(fail(pc, "unknown opcode")),
        };
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
            OpCode::Return => b <= 1 || reg(a + b - 2),
            OpCode::ForLoop | OpCode::ForPrep => reg(a + 3) && jump_ok(arg_sbx(i)),
            OpCode::TForCall => reg(a + 2 + c) && next_is(pc, OpCode::TForLoop),
            OpCode::TForLoop => reg(a + 1) && jump_ok(arg_sbx(i)),
            OpCode::SetList => reg(a + b) && (c != 0 || next_is(pc, OpCode::ExtraArg)),
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
