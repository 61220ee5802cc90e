//! The code generator: expression descriptors to instructions. Mirrors lcode.c of PUC Lua 5.3.6.
//!
//! The parser calls these functions as it reads, so each instruction is emitted at the moment PUC
//! emits it and gets the same line (`last_line`, the line of the last token consumed). Jump lists
//! are threaded through the sBx fields of the jumps themselves, ending in [`NO_JUMP`], as in PUC.

use super::lexer::StrId;
use super::parser::Parser;
use super::SyntaxError;
use crate::arith::{self, ArithOp};
use crate::bytecode::{
    self as bc, create_abc, create_abx, create_ax, Constant, Instruction, OpCode, MAX_AX, MAX_BX,
    MAX_C, MAX_INDEX_RK, MAX_SBX, NO_REG,
};
use crate::limits::{FIELDS_PER_FLUSH, MAX_REGISTERS};
use crate::number::Number;

/// The end of a jump list.
pub(super) const NO_JUMP: i32 = -1;

/// "All results", for calls and varargs (`LUA_MULTRET`).
pub(super) const MULTRET: i32 = -1;

type Result<T> = std::result::Result<T, Box<SyntaxError>>;

/// What an expression is, before it is put anywhere (`expkind` and the `u` union of `expdesc`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum ExpKind {
    /// No value: an empty expression list.
    Void,
    Nil,
    True,
    False,
    /// A constant; the index into the function's constants.
    K(u32),
    /// A float numeral, not yet in the constants.
    KFlt(f64),
    /// An integer numeral, not yet in the constants.
    KInt(i64),
    /// A value in a fixed register.
    NonReloc(u32),
    /// A local variable's register.
    Local(u32),
    /// An upvalue's index.
    Upval(u32),
    /// `t[idx]`: `t` is a register or, if `t_is_upval`, an upvalue; `idx` is an RK operand.
    Indexed {
        t: u32,
        idx: u32,
        t_is_upval: bool,
    },
    /// A comparison; the pc of its jump.
    Jmp(u32),
    /// An instruction whose result register is still open; its pc.
    Relocable(u32),
    /// A call; its pc.
    Call(u32),
    /// `...`; the pc of its VARARG.
    Vararg(u32),
}

/// An expression descriptor (`expdesc`) with its "exit when true" and "exit when false" lists.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct ExpDesc {
    pub k: ExpKind,
    pub t: i32,
    pub f: i32,
}

impl ExpDesc {
    pub fn new(k: ExpKind) -> ExpDesc {
        ExpDesc {
            k,
            t: NO_JUMP,
            f: NO_JUMP,
        }
    }

    fn has_jumps(&self) -> bool {
        self.t != self.f
    }

    /// The pc or register the kind carries (`u.info`), for the kinds that have one.
    pub fn info(&self) -> u32 {
        match self.k {
            ExpKind::K(i)
            | ExpKind::NonReloc(i)
            | ExpKind::Local(i)
            | ExpKind::Upval(i)
            | ExpKind::Jmp(i)
            | ExpKind::Relocable(i)
            | ExpKind::Call(i)
            | ExpKind::Vararg(i) => i,
            _ => unreachable!("expression kind {:?} has no info", self.k),
        }
    }

    /// A numeral with no jumps, as a number (`tonumeral`).
    fn as_numeral(&self) -> Option<Number> {
        if self.has_jumps() {
            return None;
        }
        match self.k {
            ExpKind::KInt(i) => Some(Number::Int(i)),
            ExpKind::KFlt(f) => Some(Number::Float(f)),
            _ => None,
        }
    }

    pub fn has_multret(&self) -> bool {
        matches!(self.k, ExpKind::Call(_) | ExpKind::Vararg(_))
    }
}

/// Keys of the constant cache shared by all functions of a chunk (PUC's `ls->h`). Integers and
/// floats never share a key, as PUC keys integers by a light userdata; floats with the same value
/// do, which makes 0.0 and -0.0 collide exactly as they do in PUC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum ConstKey {
    Nil,
    Bool(bool),
    Int(i64),
    Float(u64),
}

/// Binary operators in PUC's `BinOpr` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BinOpr {
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
    Concat,
    Eq,
    Lt,
    Le,
    Ne,
    Gt,
    Ge,
    And,
    Or,
}

impl BinOpr {
    /// The arithmetic operator and opcode of an arithmetic or bitwise `BinOpr`.
    fn arith(self) -> Option<(ArithOp, OpCode)> {
        Some(match self {
            BinOpr::Add => (ArithOp::Add, OpCode::Add),
            BinOpr::Sub => (ArithOp::Sub, OpCode::Sub),
            BinOpr::Mul => (ArithOp::Mul, OpCode::Mul),
            BinOpr::Mod => (ArithOp::Mod, OpCode::Mod),
            BinOpr::Pow => (ArithOp::Pow, OpCode::Pow),
            BinOpr::Div => (ArithOp::Div, OpCode::Div),
            BinOpr::IDiv => (ArithOp::IDiv, OpCode::IDiv),
            BinOpr::BAnd => (ArithOp::BAnd, OpCode::BAnd),
            BinOpr::BOr => (ArithOp::BOr, OpCode::BOr),
            BinOpr::BXor => (ArithOp::BXor, OpCode::BXor),
            BinOpr::Shl => (ArithOp::Shl, OpCode::Shl),
            BinOpr::Shr => (ArithOp::Shr, OpCode::Shr),
            _ => return None,
        })
    }
}

/// Unary operators (`UnOpr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UnOpr {
    Minus,
    BNot,
    Not,
    Len,
}

/// Encodes a table size hint as a "floating point byte" (`luaO_int2fb` in lobject.c).
pub(super) fn int_to_fb(mut x: u32) -> u32 {
    let mut e = 0;
    if x < 8 {
        return x;
    }
    while x >= (8 << 4) {
        x = (x + 0xf) >> 4;
        e += 4;
    }
    while x >= (8 << 1) {
        x = (x + 1) >> 1;
        e += 1;
    }
    ((e + 1) << 3) | (x - 8)
}

/// Whether an operation on two constants may be folded (`validop`): bitwise operands must have
/// integer values, and nothing is divided by zero, so that such errors happen at run time.
fn valid_fold(op: ArithOp, a: Number, b: Number) -> bool {
    if op.is_bitwise() {
        return arith::number_to_int(a).is_some() && arith::number_to_int(b).is_some();
    }
    if matches!(op, ArithOp::Div | ArithOp::IDiv | ArithOp::Mod) {
        return match b {
            Number::Int(i) => i != 0,
            Number::Float(f) => f != 0.0,
        };
    }
    true
}

impl Parser<'_> {
    // ---- Emitting instructions ----

    pub(super) fn pc(&self) -> u32 {
        self.cur.f.code.len() as u32
    }

    fn instruction(&mut self, pc: u32) -> &mut Instruction {
        &mut self.cur.f.code[pc as usize]
    }

    /// Appends an instruction with the line of the last token read (`luaK_code`).
    fn code(&mut self, i: Instruction) -> Result<u32> {
        self.discharge_jpc()?;
        self.cur.f.code.push(i);
        self.cur.f.line_info.push(self.lex.last_line);
        Ok(self.pc() - 1)
    }

    pub(super) fn code_abc(&mut self, op: OpCode, a: u32, b: u32, c: u32) -> Result<u32> {
        self.code(create_abc(op, a, b, c))
    }

    pub(super) fn code_abx(&mut self, op: OpCode, a: u32, bx: u32) -> Result<u32> {
        self.code(create_abx(op, a, bx))
    }

    pub(super) fn code_asbx(&mut self, op: OpCode, a: u32, sbx: i32) -> Result<u32> {
        self.code(create_abx(op, a, (sbx + MAX_SBX) as u32))
    }

    fn code_extra_arg(&mut self, a: u32) -> Result<u32> {
        self.code(create_ax(OpCode::ExtraArg, a))
    }

    /// Loads constant `k` into `reg` (`luaK_codek`).
    pub(super) fn code_k(&mut self, reg: u32, k: u32) -> Result<u32> {
        if k <= MAX_BX {
            self.code_abx(OpCode::LoadK, reg, k)
        } else {
            let pc = self.code_abx(OpCode::LoadKx, reg, 0)?;
            self.code_extra_arg(k)?;
            Ok(pc)
        }
    }

    /// Gives the last instruction another line (`luaK_fixline`).
    pub(super) fn fix_line(&mut self, line: u32) {
        if let Some(last) = self.cur.f.line_info.last_mut() {
            *last = line;
        }
    }

    /// Sets registers `from..from+n` to nil, merging with a previous LOADNIL when nothing jumps
    /// in between (`luaK_nil`).
    pub(super) fn code_nil(&mut self, mut from: u32, n: u32) -> Result<()> {
        let mut last = from + n - 1;
        if self.pc() as i32 > self.cur.last_target {
            if let Some(&previous) = self.cur.f.code.last() {
                if bc::opcode(previous) == OpCode::LoadNil {
                    let previous_from = bc::arg_a(previous);
                    let previous_last = previous_from + bc::arg_b(previous);
                    if (previous_from <= from && from <= previous_last + 1)
                        || (from <= previous_from && previous_from <= last + 1)
                    {
                        from = from.min(previous_from);
                        last = last.max(previous_last);
                        let pc = self.pc() - 1;
                        let i = self.instruction(pc);
                        bc::set_arg_a(i, from);
                        bc::set_arg_b(i, last - from);
                        return Ok(());
                    }
                }
            }
        }
        self.code_abc(OpCode::LoadNil, from, n - 1, 0)?;
        Ok(())
    }

    /// Emits `RETURN first nret` (`luaK_ret`).
    pub(super) fn code_ret(&mut self, first: u32, n_ret: i32) -> Result<()> {
        self.code_abc(OpCode::Return, first, (n_ret + 1) as u32, 0)?;
        Ok(())
    }

    // ---- Jumps ----

    fn get_jump(&self, pc: u32) -> i32 {
        let offset = bc::arg_sbx(self.cur.f.code[pc as usize]);
        if offset == NO_JUMP {
            NO_JUMP
        } else {
            pc as i32 + 1 + offset
        }
    }

    fn fix_jump(&mut self, pc: u32, dest: u32) -> Result<()> {
        let offset = dest as i32 - (pc as i32 + 1);
        if offset.abs() > MAX_SBX {
            return Err(self.lex.syntax_error(b"control structure too long"));
        }
        bc::set_arg_sbx(self.instruction(pc), offset);
        Ok(())
    }

    /// Appends jump list `l2` to list `l1` (`luaK_concat`).
    pub(super) fn concat_jumps(&mut self, l1: &mut i32, l2: i32) -> Result<()> {
        if l2 == NO_JUMP {
            return Ok(());
        }
        if *l1 == NO_JUMP {
            *l1 = l2;
            return Ok(());
        }
        let mut list = *l1 as u32;
        loop {
            let next = self.get_jump(list);
            if next == NO_JUMP {
                break;
            }
            list = next as u32;
        }
        self.fix_jump(list, l2 as u32)
    }

    /// Emits a jump to be patched later, carrying the pending jumps to here with it (`luaK_jump`).
    pub(super) fn jump(&mut self) -> Result<i32> {
        let jpc = self.cur.jpc;
        self.cur.jpc = NO_JUMP;
        let mut j = self.code_asbx(OpCode::Jmp, 0, NO_JUMP)? as i32;
        self.concat_jumps(&mut j, jpc)?;
        Ok(j)
    }

    /// Emits a jump back to `target` (`luaK_jumpto`).
    pub(super) fn jump_to(&mut self, target: u32) -> Result<()> {
        let j = self.jump()?;
        self.patch_list(j, target)
    }

    fn cond_jump(&mut self, op: OpCode, a: u32, b: u32, c: u32) -> Result<i32> {
        self.code_abc(op, a, b, c)?;
        self.jump()
    }

    /// Marks the current pc as a jump target and returns it (`luaK_getlabel`).
    pub(super) fn get_label(&mut self) -> u32 {
        self.cur.last_target = self.pc() as i32;
        self.pc()
    }

    /// The instruction that controls the jump at `pc`: the test before it, if there is one.
    fn jump_control_pc(&self, pc: u32) -> u32 {
        if pc >= 1 && bc::opcode(self.cur.f.code[pc as usize - 1]).is_test() {
            pc - 1
        } else {
            pc
        }
    }

    /// Makes the TESTSET controlling a jump store into `reg`, or turns it into a TEST when there is
    /// nowhere to store (`patchtestreg`). Returns false if the jump is not controlled by a TESTSET.
    fn patch_test_reg(&mut self, node: u32, reg: u32) -> bool {
        let control = self.jump_control_pc(node);
        let i = self.cur.f.code[control as usize];
        if bc::opcode(i) != OpCode::TestSet {
            return false;
        }
        let patched = if reg != NO_REG && reg != bc::arg_b(i) {
            let mut patched = i;
            bc::set_arg_a(&mut patched, reg);
            patched
        } else {
            create_abc(OpCode::Test, bc::arg_b(i), 0, bc::arg_c(i))
        };
        *self.instruction(control) = patched;
        true
    }

    fn remove_values(&mut self, mut list: i32) {
        while list != NO_JUMP {
            self.patch_test_reg(list as u32, NO_REG);
            list = self.get_jump(list as u32);
        }
    }

    fn patch_list_aux(
        &mut self,
        mut list: i32,
        value_target: u32,
        reg: u32,
        default_target: u32,
    ) -> Result<()> {
        while list != NO_JUMP {
            let next = self.get_jump(list as u32);
            if self.patch_test_reg(list as u32, reg) {
                self.fix_jump(list as u32, value_target)?;
            } else {
                self.fix_jump(list as u32, default_target)?;
            }
            list = next;
        }
        Ok(())
    }

    fn discharge_jpc(&mut self) -> Result<()> {
        let jpc = self.cur.jpc;
        if jpc != NO_JUMP {
            let pc = self.pc();
            self.patch_list_aux(jpc, pc, NO_REG, pc)?;
            self.cur.jpc = NO_JUMP;
        }
        Ok(())
    }

    /// Makes a jump list go to the next instruction emitted (`luaK_patchtohere`).
    pub(super) fn patch_to_here(&mut self, list: i32) -> Result<()> {
        self.get_label();
        let mut jpc = self.cur.jpc;
        self.concat_jumps(&mut jpc, list)?;
        self.cur.jpc = jpc;
        Ok(())
    }

    /// Makes a jump list go to `target` (`luaK_patchlist`).
    pub(super) fn patch_list(&mut self, list: i32, target: u32) -> Result<()> {
        if target == self.pc() {
            self.patch_to_here(list)
        } else {
            self.patch_list_aux(list, target, NO_REG, target)
        }
    }

    /// Makes every jump of a list close upvalues from register `level` up (`luaK_patchclose`).
    pub(super) fn patch_close(&mut self, mut list: i32, level: u32) {
        while list != NO_JUMP {
            bc::set_arg_a(self.instruction(list as u32), level + 1);
            list = self.get_jump(list as u32);
        }
    }

    // ---- Registers ----

    /// Checks that `n` more registers fit (`luaK_checkstack`).
    pub(super) fn check_stack(&mut self, n: u32) -> Result<()> {
        let new_stack = self.cur.freereg + n;
        if new_stack > self.cur.f.max_stack_size as u32 {
            if new_stack >= MAX_REGISTERS {
                return Err(self
                    .lex
                    .syntax_error(b"function or expression needs too many registers"));
            }
            self.cur.f.max_stack_size = new_stack as u8;
        }
        Ok(())
    }

    /// Reserves `n` registers (`luaK_reserveregs`).
    pub(super) fn reserve_regs(&mut self, n: u32) -> Result<()> {
        self.check_stack(n)?;
        self.cur.freereg += n;
        Ok(())
    }

    fn free_reg(&mut self, reg: u32) {
        if !bc::is_k(reg) && reg >= self.cur.nactvar {
            self.cur.freereg -= 1;
            debug_assert_eq!(reg, self.cur.freereg);
        }
    }

    fn free_exp(&mut self, e: &ExpDesc) {
        if let ExpKind::NonReloc(reg) = e.k {
            self.free_reg(reg);
        }
    }

    /// Frees two expressions' registers, the higher one first (`freeexps`).
    fn free_exps(&mut self, e1: &ExpDesc, e2: &ExpDesc) {
        let reg_of = |e: &ExpDesc| match e.k {
            ExpKind::NonReloc(r) => Some(r),
            _ => None,
        };
        let (r1, r2) = (reg_of(e1), reg_of(e2));
        if r1 > r2 {
            r1.into_iter().chain(r2).for_each(|r| self.free_reg(r));
        } else {
            r2.into_iter().chain(r1).for_each(|r| self.free_reg(r));
        }
    }

    // ---- Constants ----

    fn add_k(&mut self, key: ConstKey, value: Constant) -> u32 {
        if let Some(&k) = self.constant_cache.get(&key) {
            if let Some(existing) = self.cur.f.constants.get(k as usize) {
                if constants_identical(existing, &value) {
                    return k;
                }
            }
        }
        let k = self.cur.f.constants.len() as u32;
        self.cur.f.constants.push(value);
        self.constant_cache.insert(key, k);
        k
    }

    /// The constant index of a string (`luaK_stringK`). Strings, the most common constants, are
    /// cached in an array indexed by their id rather than in the hash table; the rule is the same
    /// as `add_k`'s.
    pub(super) fn string_k(&mut self, s: StrId) -> u32 {
        let index = s.0 as usize;
        if let Some(&k) = self.string_constant_cache.get(index) {
            if let Some(Constant::Str(existing)) = self.cur.f.constants.get(k as usize) {
                if existing[..] == self.lex.strings.bytes(s)[..] {
                    return k;
                }
            }
        }
        let k = self.cur.f.constants.len() as u32;
        let bytes = self.lex.strings.shared(s);
        self.cur.f.constants.push(Constant::Str(bytes));
        if self.string_constant_cache.len() <= index {
            self.string_constant_cache
                .resize(self.lex.strings.len(), u32::MAX);
        }
        self.string_constant_cache[index] = k;
        k
    }

    /// The constant index of an integer (`luaK_intK`).
    pub(super) fn int_k(&mut self, n: i64) -> u32 {
        self.add_k(ConstKey::Int(n), Constant::Int(n))
    }

    fn number_k(&mut self, r: f64) -> u32 {
        // Floats are keyed by value: as table keys in PUC, 0.0 and -0.0 are the same key.
        let bits = if r == 0.0 { 0 } else { r.to_bits() };
        self.add_k(ConstKey::Float(bits), Constant::Float(r))
    }

    fn bool_k(&mut self, b: bool) -> u32 {
        self.add_k(ConstKey::Bool(b), Constant::Bool(b))
    }

    fn nil_k(&mut self) -> u32 {
        self.add_k(ConstKey::Nil, Constant::Nil)
    }

    // ---- Discharging expressions ----

    /// Fixes how many results a call or vararg gives (`luaK_setreturns`).
    pub(super) fn set_returns(&mut self, e: &ExpDesc, n_results: i32) -> Result<()> {
        match e.k {
            ExpKind::Call(pc) => bc::set_arg_c(self.instruction(pc), (n_results + 1) as u32),
            ExpKind::Vararg(pc) => {
                let freereg = self.cur.freereg;
                let i = self.instruction(pc);
                bc::set_arg_b(i, (n_results + 1) as u32);
                bc::set_arg_a(i, freereg);
                self.reserve_regs(1)?;
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn set_multret(&mut self, e: &ExpDesc) -> Result<()> {
        self.set_returns(e, MULTRET)
    }

    /// Makes a call or vararg give exactly one result (`luaK_setoneret`).
    pub(super) fn set_one_ret(&mut self, e: &mut ExpDesc) {
        match e.k {
            ExpKind::Call(pc) => e.k = ExpKind::NonReloc(bc::arg_a(self.cur.f.code[pc as usize])),
            ExpKind::Vararg(pc) => {
                bc::set_arg_b(self.instruction(pc), 2);
                e.k = ExpKind::Relocable(pc);
            }
            _ => {}
        }
    }

    /// Turns a variable into a value (`luaK_dischargevars`).
    pub(super) fn discharge_vars(&mut self, e: &mut ExpDesc) -> Result<()> {
        match e.k {
            ExpKind::Local(reg) => e.k = ExpKind::NonReloc(reg),
            ExpKind::Upval(index) => {
                e.k = ExpKind::Relocable(self.code_abc(OpCode::GetUpval, 0, index, 0)?);
            }
            ExpKind::Indexed { t, idx, t_is_upval } => {
                self.free_reg(idx);
                let op = if t_is_upval {
                    OpCode::GetTabUp
                } else {
                    self.free_reg(t);
                    OpCode::GetTable
                };
                e.k = ExpKind::Relocable(self.code_abc(op, 0, t, idx)?);
            }
            ExpKind::Vararg(_) | ExpKind::Call(_) => self.set_one_ret(e),
            _ => {}
        }
        Ok(())
    }

    fn discharge_to_reg(&mut self, e: &mut ExpDesc, reg: u32) -> Result<()> {
        self.discharge_vars(e)?;
        match e.k {
            ExpKind::Nil => self.code_nil(reg, 1)?,
            ExpKind::False | ExpKind::True => {
                self.code_abc(OpCode::LoadBool, reg, (e.k == ExpKind::True) as u32, 0)?;
            }
            ExpKind::K(k) => {
                self.code_k(reg, k)?;
            }
            ExpKind::KFlt(r) => {
                let k = self.number_k(r);
                self.code_k(reg, k)?;
            }
            ExpKind::KInt(i) => {
                let k = self.int_k(i);
                self.code_k(reg, k)?;
            }
            ExpKind::Relocable(pc) => bc::set_arg_a(self.instruction(pc), reg),
            ExpKind::NonReloc(source) => {
                if reg != source {
                    self.code_abc(OpCode::Move, reg, source, 0)?;
                }
            }
            _ => return Ok(()),
        }
        e.k = ExpKind::NonReloc(reg);
        Ok(())
    }

    fn discharge_to_any_reg(&mut self, e: &mut ExpDesc) -> Result<()> {
        if !matches!(e.k, ExpKind::NonReloc(_)) {
            self.reserve_regs(1)?;
            let reg = self.cur.freereg - 1;
            self.discharge_to_reg(e, reg)?;
        }
        Ok(())
    }

    fn code_load_bool(&mut self, a: u32, b: u32, jump: u32) -> Result<u32> {
        self.get_label();
        self.code_abc(OpCode::LoadBool, a, b, jump)
    }

    /// Whether some jump in the list is not a TESTSET, so needs an explicit value (`need_value`).
    fn need_value(&self, mut list: i32) -> bool {
        while list != NO_JUMP {
            let control = self.jump_control_pc(list as u32);
            if bc::opcode(self.cur.f.code[control as usize]) != OpCode::TestSet {
                return true;
            }
            list = self.get_jump(list as u32);
        }
        false
    }

    fn exp_to_reg(&mut self, e: &mut ExpDesc, reg: u32) -> Result<()> {
        self.discharge_to_reg(e, reg)?;
        if let ExpKind::Jmp(pc) = e.k {
            let mut t = e.t;
            self.concat_jumps(&mut t, pc as i32)?;
            e.t = t;
        }
        if e.has_jumps() {
            let mut load_false = NO_JUMP;
            let mut load_true = NO_JUMP;
            if self.need_value(e.t) || self.need_value(e.f) {
                let fj = if matches!(e.k, ExpKind::Jmp(_)) {
                    NO_JUMP
                } else {
                    self.jump()?
                };
                load_false = self.code_load_bool(reg, 0, 1)? as i32;
                load_true = self.code_load_bool(reg, 1, 0)? as i32;
                self.patch_to_here(fj)?;
            }
            let end = self.get_label();
            self.patch_list_aux(e.f, end, reg, load_false as u32)?;
            self.patch_list_aux(e.t, end, reg, load_true as u32)?;
        }
        e.f = NO_JUMP;
        e.t = NO_JUMP;
        e.k = ExpKind::NonReloc(reg);
        Ok(())
    }

    /// Puts an expression in the next free register (`luaK_exp2nextreg`).
    pub(super) fn exp_to_next_reg(&mut self, e: &mut ExpDesc) -> Result<()> {
        self.discharge_vars(e)?;
        self.free_exp(e);
        self.reserve_regs(1)?;
        let reg = self.cur.freereg - 1;
        self.exp_to_reg(e, reg)
    }

    /// Puts an expression in some register and returns it (`luaK_exp2anyreg`).
    pub(super) fn exp_to_any_reg(&mut self, e: &mut ExpDesc) -> Result<u32> {
        self.discharge_vars(e)?;
        if let ExpKind::NonReloc(reg) = e.k {
            if !e.has_jumps() {
                return Ok(reg);
            }
            if reg >= self.cur.nactvar {
                self.exp_to_reg(e, reg)?;
                return Ok(reg);
            }
        }
        self.exp_to_next_reg(e)?;
        Ok(e.info())
    }

    /// Puts an expression in a register or leaves it an upvalue (`luaK_exp2anyregup`).
    pub(super) fn exp_to_any_reg_up(&mut self, e: &mut ExpDesc) -> Result<()> {
        if !matches!(e.k, ExpKind::Upval(_)) || e.has_jumps() {
            self.exp_to_any_reg(e)?;
        }
        Ok(())
    }

    /// Makes an expression a value: in a register or a constant (`luaK_exp2val`).
    pub(super) fn exp_to_val(&mut self, e: &mut ExpDesc) -> Result<()> {
        if e.has_jumps() {
            self.exp_to_any_reg(e)?;
            Ok(())
        } else {
            self.discharge_vars(e)
        }
    }

    /// Makes an expression an RK operand: a constant index with the K bit, or a register
    /// (`luaK_exp2RK`).
    pub(super) fn exp_to_rk(&mut self, e: &mut ExpDesc) -> Result<u32> {
        self.exp_to_val(e)?;
        let k = match e.k {
            ExpKind::True => Some(self.bool_k(true)),
            ExpKind::False => Some(self.bool_k(false)),
            ExpKind::Nil => Some(self.nil_k()),
            ExpKind::KInt(i) => Some(self.int_k(i)),
            ExpKind::KFlt(r) => Some(self.number_k(r)),
            ExpKind::K(k) => Some(k),
            _ => None,
        };
        if let Some(k) = k {
            e.k = ExpKind::K(k);
            if k <= MAX_INDEX_RK {
                return Ok(bc::rk_as_k(k));
            }
        }
        self.exp_to_any_reg(e)
    }

    /// Stores `ex` into variable `var` (`luaK_storevar`).
    pub(super) fn store_var(&mut self, var: &ExpDesc, ex: &mut ExpDesc) -> Result<()> {
        match var.k {
            ExpKind::Local(reg) => {
                self.free_exp(ex);
                return self.exp_to_reg(ex, reg);
            }
            ExpKind::Upval(index) => {
                let e = self.exp_to_any_reg(ex)?;
                self.code_abc(OpCode::SetUpval, e, index, 0)?;
            }
            ExpKind::Indexed { t, idx, t_is_upval } => {
                let op = if t_is_upval {
                    OpCode::SetTabUp
                } else {
                    OpCode::SetTable
                };
                let e = self.exp_to_rk(ex)?;
                self.code_abc(op, t, idx, e)?;
            }
            _ => unreachable!("store into a non-variable"),
        }
        self.free_exp(ex);
        Ok(())
    }

    /// `e:key` as the function and self of a method call (`luaK_self`).
    pub(super) fn code_self(&mut self, e: &mut ExpDesc, key: &mut ExpDesc) -> Result<()> {
        self.exp_to_any_reg(e)?;
        let ereg = e.info();
        self.free_exp(e);
        let base = self.cur.freereg;
        e.k = ExpKind::NonReloc(base);
        self.reserve_regs(2)?;
        let rk = self.exp_to_rk(key)?;
        self.code_abc(OpCode::SelfOp, base, ereg, rk)?;
        self.free_exp(key);
        Ok(())
    }

    /// `t[k]` as a variable (`luaK_indexed`).
    pub(super) fn indexed(&mut self, t: &mut ExpDesc, k: &mut ExpDesc) -> Result<()> {
        let (table, t_is_upval) = match t.k {
            ExpKind::Upval(i) => (i, true),
            ExpKind::Local(r) | ExpKind::NonReloc(r) => (r, false),
            _ => unreachable!("indexing a non-register"),
        };
        let idx = self.exp_to_rk(k)?;
        t.k = ExpKind::Indexed {
            t: table,
            idx,
            t_is_upval,
        };
        Ok(())
    }

    // ---- Conditions ----

    fn negate_condition(&mut self, e: &ExpDesc) {
        let control = self.jump_control_pc(e.info());
        let i = self.instruction(control);
        let a = bc::arg_a(*i);
        bc::set_arg_a(i, (a == 0) as u32);
    }

    fn jump_on_cond(&mut self, e: &mut ExpDesc, cond: bool) -> Result<i32> {
        if let ExpKind::Relocable(pc) = e.k {
            let i = self.cur.f.code[pc as usize];
            if bc::opcode(i) == OpCode::Not {
                // Drops the NOT and tests its operand the other way round.
                self.cur.f.code.pop();
                self.cur.f.line_info.pop();
                return self.cond_jump(OpCode::Test, bc::arg_b(i), 0, (!cond) as u32);
            }
        }
        self.discharge_to_any_reg(e)?;
        self.free_exp(e);
        self.cond_jump(OpCode::TestSet, NO_REG, e.info(), cond as u32)
    }

    /// Emits code to fall through if `e` is true and jump otherwise (`luaK_goiftrue`).
    pub(super) fn go_if_true(&mut self, e: &mut ExpDesc) -> Result<()> {
        self.discharge_vars(e)?;
        let pc = match e.k {
            ExpKind::Jmp(pc) => {
                self.negate_condition(e);
                pc as i32
            }
            ExpKind::K(_) | ExpKind::KFlt(_) | ExpKind::KInt(_) | ExpKind::True => NO_JUMP,
            _ => self.jump_on_cond(e, false)?,
        };
        let mut f = e.f;
        self.concat_jumps(&mut f, pc)?;
        e.f = f;
        self.patch_to_here(e.t)?;
        e.t = NO_JUMP;
        Ok(())
    }

    /// Emits code to fall through if `e` is false and jump otherwise (`luaK_goiffalse`).
    pub(super) fn go_if_false(&mut self, e: &mut ExpDesc) -> Result<()> {
        self.discharge_vars(e)?;
        let pc = match e.k {
            ExpKind::Jmp(pc) => pc as i32,
            ExpKind::Nil | ExpKind::False => NO_JUMP,
            _ => self.jump_on_cond(e, true)?,
        };
        let mut t = e.t;
        self.concat_jumps(&mut t, pc)?;
        e.t = t;
        self.patch_to_here(e.f)?;
        e.f = NO_JUMP;
        Ok(())
    }

    fn code_not(&mut self, e: &mut ExpDesc) -> Result<()> {
        self.discharge_vars(e)?;
        match e.k {
            ExpKind::Nil | ExpKind::False => e.k = ExpKind::True,
            ExpKind::K(_) | ExpKind::KFlt(_) | ExpKind::KInt(_) | ExpKind::True => {
                e.k = ExpKind::False
            }
            ExpKind::Jmp(_) => self.negate_condition(e),
            ExpKind::Relocable(_) | ExpKind::NonReloc(_) => {
                self.discharge_to_any_reg(e)?;
                self.free_exp(e);
                e.k = ExpKind::Relocable(self.code_abc(OpCode::Not, 0, e.info(), 0)?);
            }
            _ => unreachable!("'not' of {:?}", e.k),
        }
        std::mem::swap(&mut e.t, &mut e.f);
        self.remove_values(e.f);
        self.remove_values(e.t);
        Ok(())
    }

    // ---- Operators ----

    /// Folds `e1 op e2` into `e1` if both are numerals and the result is safe to fold
    /// (`constfolding`): never NaN or zero, which could be -0.0.
    fn const_folding(&mut self, op: ArithOp, e1: &mut ExpDesc, e2: &ExpDesc) -> bool {
        let (Some(a), Some(b)) = (e1.as_numeral(), e2.as_numeral()) else {
            return false;
        };
        if !valid_fold(op, a, b) {
            return false;
        }
        match arith::arith(op, a, b) {
            Some(Number::Int(i)) => {
                e1.k = ExpKind::KInt(i);
                true
            }
            Some(Number::Float(f)) if !f.is_nan() && f != 0.0 => {
                e1.k = ExpKind::KFlt(f);
                true
            }
            _ => false,
        }
    }

    fn code_unexp_val(&mut self, op: OpCode, e: &mut ExpDesc, line: u32) -> Result<()> {
        let r = self.exp_to_any_reg(e)?;
        self.free_exp(e);
        e.k = ExpKind::Relocable(self.code_abc(op, 0, r, 0)?);
        self.fix_line(line);
        Ok(())
    }

    fn code_bin_exp_val(
        &mut self,
        op: OpCode,
        e1: &mut ExpDesc,
        e2: &mut ExpDesc,
        line: u32,
    ) -> Result<()> {
        let rk2 = self.exp_to_rk(e2)?;
        let rk1 = self.exp_to_rk(e1)?;
        self.free_exps(e1, e2);
        e1.k = ExpKind::Relocable(self.code_abc(op, 0, rk1, rk2)?);
        self.fix_line(line);
        Ok(())
    }

    fn code_comp(&mut self, op: BinOpr, e1: &mut ExpDesc, e2: &mut ExpDesc) -> Result<()> {
        let rk1 = match e1.k {
            ExpKind::K(k) => bc::rk_as_k(k),
            _ => e1.info(),
        };
        let rk2 = self.exp_to_rk(e2)?;
        self.free_exps(e1, e2);
        let jump = match op {
            BinOpr::Ne => self.cond_jump(OpCode::Eq, 0, rk1, rk2)?,
            BinOpr::Gt => self.cond_jump(OpCode::Lt, 1, rk2, rk1)?,
            BinOpr::Ge => self.cond_jump(OpCode::Le, 1, rk2, rk1)?,
            BinOpr::Eq => self.cond_jump(OpCode::Eq, 1, rk1, rk2)?,
            BinOpr::Lt => self.cond_jump(OpCode::Lt, 1, rk1, rk2)?,
            _ => self.cond_jump(OpCode::Le, 1, rk1, rk2)?,
        };
        e1.k = ExpKind::Jmp(jump as u32);
        Ok(())
    }

    /// Applies a unary operator (`luaK_prefix`).
    pub(super) fn prefix(&mut self, op: UnOpr, e: &mut ExpDesc, line: u32) -> Result<()> {
        let zero = ExpDesc::new(ExpKind::KInt(0));
        match op {
            UnOpr::Minus | UnOpr::BNot => {
                let (arith_op, opcode) = if op == UnOpr::Minus {
                    (ArithOp::Unm, OpCode::Unm)
                } else {
                    (ArithOp::BNot, OpCode::BNot)
                };
                if !self.const_folding(arith_op, e, &zero) {
                    self.code_unexp_val(opcode, e, line)?;
                }
                Ok(())
            }
            UnOpr::Len => self.code_unexp_val(OpCode::Len, e, line),
            UnOpr::Not => self.code_not(e),
        }
    }

    /// Prepares the first operand before the second is read (`luaK_infix`).
    pub(super) fn infix(&mut self, op: BinOpr, v: &mut ExpDesc) -> Result<()> {
        match op {
            BinOpr::And => self.go_if_true(v),
            BinOpr::Or => self.go_if_false(v),
            BinOpr::Concat => self.exp_to_next_reg(v),
            _ if op.arith().is_some() => {
                // A numeral is kept as it is, so that it may fold with the second operand.
                if v.as_numeral().is_none() {
                    self.exp_to_rk(v)?;
                }
                Ok(())
            }
            _ => {
                self.exp_to_rk(v)?;
                Ok(())
            }
        }
    }

    /// Finishes a binary operation once both operands are read (`luaK_posfix`).
    pub(super) fn posfix(
        &mut self,
        op: BinOpr,
        e1: &mut ExpDesc,
        e2: &mut ExpDesc,
        line: u32,
    ) -> Result<()> {
        match op {
            BinOpr::And => {
                self.discharge_vars(e2)?;
                let mut f = e2.f;
                self.concat_jumps(&mut f, e1.f)?;
                e2.f = f;
                *e1 = *e2;
            }
            BinOpr::Or => {
                self.discharge_vars(e2)?;
                let mut t = e2.t;
                self.concat_jumps(&mut t, e1.t)?;
                e2.t = t;
                *e1 = *e2;
            }
            BinOpr::Concat => {
                self.exp_to_val(e2)?;
                if let ExpKind::Relocable(pc) = e2.k {
                    if bc::opcode(self.cur.f.code[pc as usize]) == OpCode::Concat {
                        // Extends the CONCAT of the right operand to start at the left one.
                        self.free_exp(e1);
                        let first = e1.info();
                        bc::set_arg_b(self.instruction(pc), first);
                        e1.k = ExpKind::Relocable(pc);
                        return Ok(());
                    }
                }
                self.exp_to_next_reg(e2)?;
                self.code_bin_exp_val(OpCode::Concat, e1, e2, line)?;
            }
            BinOpr::Eq | BinOpr::Lt | BinOpr::Le | BinOpr::Ne | BinOpr::Gt | BinOpr::Ge => {
                self.code_comp(op, e1, e2)?;
            }
            _ => {
                let (arith_op, opcode) = op.arith().unwrap_or((ArithOp::Add, OpCode::Add));
                if !self.const_folding(arith_op, e1, e2) {
                    self.code_bin_exp_val(opcode, e1, e2, line)?;
                }
            }
        }
        Ok(())
    }

    /// Stores list items `base+1..` into the table at `base` (`luaK_setlist`).
    pub(super) fn set_list(&mut self, base: u32, n_elems: u32, to_store: i32) -> Result<()> {
        let c = (n_elems.wrapping_sub(1)) / FIELDS_PER_FLUSH + 1;
        let b = if to_store == MULTRET {
            0
        } else {
            to_store as u32
        };
        if c <= MAX_C {
            self.code_abc(OpCode::SetList, base, b, c)?;
        } else if c <= MAX_AX {
            self.code_abc(OpCode::SetList, base, b, 0)?;
            self.code_extra_arg(c)?;
        } else {
            return Err(self.lex.syntax_error(b"constructor too long"));
        }
        self.cur.freereg = base + 1;
        Ok(())
    }
}

/// Whether a cached constant is the same as a new one: same subtype and raw-equal
/// (the check in PUC's `addk`).
fn constants_identical(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Nil, Constant::Nil) => true,
        (Constant::Bool(x), Constant::Bool(y)) => x == y,
        (Constant::Int(x), Constant::Int(y)) => x == y,
        (Constant::Float(x), Constant::Float(y)) => x == y,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        _ => false,
    }
}
