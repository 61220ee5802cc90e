//! Bytecode: the instruction format, the opcode table and function prototypes.
//!
//! Mirrors lopcodes.h (the 32-bit instruction layout) and the `Proto` structure of lobject.h.
//! An instruction is `B:9 C:9 A:8 OP:6` from the high bits down, `Bx:18 A:8 OP:6`, or `Ax:26 OP:6`,
//! exactly PUC 5.3's layout.

mod disasm;
mod dump;
mod opcode;
mod undump;
pub mod verify;

use std::rc::Rc;

pub use disasm::disassemble;
pub use dump::dump;
pub use opcode::{OpArg, OpCode, OpMode};
pub use undump::{undump, UndumpError};

/// The first bytes of a binary chunk (`LUA_SIGNATURE`, lua.h).
pub const SIGNATURE: &[u8] = b"\x1bLua";

/// One encoded instruction.
pub type Instruction = u32;

const SIZE_OP: u32 = 6;
const SIZE_A: u32 = 8;
const SIZE_B: u32 = 9;
const SIZE_C: u32 = 9;
const SIZE_BX: u32 = SIZE_B + SIZE_C;
const POS_A: u32 = SIZE_OP;
const POS_C: u32 = POS_A + SIZE_A;
const POS_B: u32 = POS_C + SIZE_C;
const POS_BX: u32 = POS_C;

/// Largest A operand.
pub const MAX_A: u32 = (1 << SIZE_A) - 1;
/// Largest B operand.
pub const MAX_B: u32 = (1 << SIZE_B) - 1;
/// Largest C operand.
pub const MAX_C: u32 = (1 << SIZE_C) - 1;
/// Largest Bx operand.
pub const MAX_BX: u32 = (1 << SIZE_BX) - 1;
/// Largest sBx operand in magnitude; sBx is stored as Bx minus this bias.
pub const MAX_SBX: i32 = (MAX_BX >> 1) as i32;
/// Largest Ax operand.
pub const MAX_AX: u32 = (1 << 26) - 1;
/// The bit that marks an RK operand as a constant index (`BITRK`).
pub const BIT_RK: u32 = 1 << (SIZE_B - 1);
/// Largest constant index usable as an RK operand (`MAXINDEXRK`).
pub const MAX_INDEX_RK: u32 = BIT_RK - 1;
/// The value of A in a TESTSET meaning "no register" (`NO_REG`).
pub const NO_REG: u32 = MAX_A;

/// Builds an iABC instruction (`CREATE_ABC`).
pub const fn create_abc(op: OpCode, a: u32, b: u32, c: u32) -> Instruction {
    (op as u32) | (a << POS_A) | (b << POS_B) | (c << POS_C)
}

/// Builds an iABx instruction (`CREATE_ABx`).
pub const fn create_abx(op: OpCode, a: u32, bx: u32) -> Instruction {
    (op as u32) | (a << POS_A) | (bx << POS_BX)
}

/// Builds an iAx instruction (`CREATE_Ax`).
pub const fn create_ax(op: OpCode, ax: u32) -> Instruction {
    (op as u32) | (ax << POS_A)
}

/// The opcode of an instruction. Every instruction the compiler emits has a valid opcode.
pub fn opcode(i: Instruction) -> OpCode {
    OpCode::from_u8((i & ((1 << SIZE_OP) - 1)) as u8).unwrap_or(OpCode::ExtraArg)
}

/// Operand A.
pub const fn arg_a(i: Instruction) -> u32 {
    (i >> POS_A) & MAX_A
}
/// Operand B.
pub const fn arg_b(i: Instruction) -> u32 {
    (i >> POS_B) & MAX_B
}
/// Operand C.
pub const fn arg_c(i: Instruction) -> u32 {
    (i >> POS_C) & MAX_C
}
/// Operand Bx.
pub const fn arg_bx(i: Instruction) -> u32 {
    (i >> POS_BX) & MAX_BX
}
/// Operand sBx.
pub const fn arg_sbx(i: Instruction) -> i32 {
    arg_bx(i) as i32 - MAX_SBX
}
/// Operand Ax.
pub const fn arg_ax(i: Instruction) -> u32 {
    (i >> POS_A) & MAX_AX
}

/// Replaces operand A.
pub fn set_arg_a(i: &mut Instruction, a: u32) {
    *i = (*i & !(MAX_A << POS_A)) | (a << POS_A);
}
/// Replaces operand B.
pub fn set_arg_b(i: &mut Instruction, b: u32) {
    *i = (*i & !(MAX_B << POS_B)) | (b << POS_B);
}
/// Replaces operand C.
pub fn set_arg_c(i: &mut Instruction, c: u32) {
    *i = (*i & !(MAX_C << POS_C)) | (c << POS_C);
}
/// Replaces operand sBx.
pub fn set_arg_sbx(i: &mut Instruction, sbx: i32) {
    let bx = (sbx + MAX_SBX) as u32;
    *i = (*i & !(MAX_BX << POS_BX)) | (bx << POS_BX);
}

/// Whether an RK operand names a constant (`ISK`).
pub const fn is_k(x: u32) -> bool {
    x & BIT_RK != 0
}
/// The constant index of an RK operand (`INDEXK`).
pub const fn index_k(x: u32) -> u32 {
    x & !BIT_RK
}
/// Marks a constant index as an RK operand (`RKASK`).
pub const fn rk_as_k(x: u32) -> u32 {
    x | BIT_RK
}

/// A constant of a function (`Proto.k`).
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<[u8]>),
}

/// Debug information for a local variable (`LocVar`): it is active for `start_pc..end_pc`.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalVar {
    pub name: Rc<[u8]>,
    pub start_pc: u32,
    pub end_pc: u32,
}

/// How a closure finds an upvalue when it is created (`Upvaldesc`).
#[derive(Clone, Debug, PartialEq)]
pub struct UpvalueDesc {
    /// The upvalue's name, for debug information.
    pub name: Rc<[u8]>,
    /// True if it captures a register of the enclosing function, false if it reuses one of the
    /// enclosing function's upvalues.
    pub in_stack: bool,
    /// The register or the enclosing upvalue's index.
    pub index: u8,
}

/// A compiled function: PUC's `Proto`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proto {
    pub code: Vec<Instruction>,
    /// The source line of each instruction.
    pub line_info: Vec<u32>,
    pub constants: Vec<Constant>,
    /// Functions defined inside this one.
    pub protos: Vec<Rc<Proto>>,
    pub upvalues: Vec<UpvalueDesc>,
    pub local_vars: Vec<LocalVar>,
    /// The chunk name this function comes from (PUC's `source`).
    pub source: Rc<[u8]>,
    /// First and last lines of the definition; 0 for a main chunk.
    pub line_defined: u32,
    pub last_line_defined: u32,
    pub num_params: u8,
    pub is_vararg: bool,
    /// Registers this function needs.
    pub max_stack_size: u8,
}
