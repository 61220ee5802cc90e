//! The parser: Lua 5.3's grammar (manual §9), read by recursive descent and compiled as it is
//! read. Mirrors the grammar half of lparser.c of PUC Lua 5.3.6.
//!
//! Recursion is bounded: every statement and subexpression counts a "C level", and more than
//! [`MAX_C_CALLS`](crate::limits::MAX_C_CALLS) of them is PUC's `too many C levels` error, so
//! hostile input cannot overflow the Rust stack.

use std::rc::Rc;

use super::codegen::{int_to_fb, BinOpr, ConstKey, ExpDesc, ExpKind, UnOpr, MULTRET, NO_JUMP};
use super::lexer::{Lexer, SemInfo, StrId};
use super::scope::{FuncState, LabelDesc};
use super::token::Token;
use super::SyntaxError;
use crate::bytecode::{self as bc, OpCode, Proto};
use crate::hash::FastMap;
use crate::limits::{FIELDS_PER_FLUSH, MAX_C_CALLS};

type Result<T> = std::result::Result<T, Box<SyntaxError>>;

/// Priority of unary operators (`UNARY_PRIORITY`).
const UNARY_PRIORITY: u8 = 12;

/// The whole parsing state: PUC's `LexState` with its `Dyndata`.
#[derive(Debug)]
pub(crate) struct Parser<'src> {
    pub(super) lex: Lexer<'src>,
    /// The function being compiled.
    pub(super) cur: FuncState,
    /// The functions enclosing it, outermost first.
    pub(super) outer: Vec<FuncState>,
    /// Active local variables of all open functions, as indices into each one's `local_vars`.
    pub(super) active_vars: Vec<u32>,
    /// The names of `active_vars`, side by side, so name lookups scan one contiguous array.
    pub(super) active_names: Vec<StrId>,
    pub(super) gotos: Vec<LabelDesc>,
    pub(super) labels: Vec<LabelDesc>,
    /// Where each constant was last put, shared by all functions as PUC's scanner table is.
    pub(super) constant_cache: FastMap<ConstKey, u32>,
    /// The same for string constants, indexed by string id (`u32::MAX` where none).
    pub(super) string_constant_cache: Vec<u32>,
    pub(super) env_name: StrId,
    pub(super) break_name: StrId,
    pub(super) c_levels: u32,
    pub(super) source: Rc<[u8]>,
    /// Targets of the multiple assignments being compiled, innermost last; kept between
    /// statements so that an assignment allocates nothing.
    assign_targets: Vec<ExpDesc>,
}

/// One table constructor being compiled (`ConsControl`).
struct Constructor {
    /// The last list item read, not yet stored.
    pending: ExpDesc,
    /// The table's register.
    table: u32,
    n_hash: u32,
    n_array: u32,
    to_store: u32,
}

/// Compiles a main chunk (`luaY_parser` and `mainfunc`).
pub(crate) fn parse_main(source: &[u8], chunk_name: &[u8], c_levels_in_use: u32) -> Result<Proto> {
    let mut lex = Lexer::new(source, chunk_name);
    let env_name = lex.strings.intern(b"_ENV");
    let break_name = lex.strings.intern(b"break");
    let source_name: Rc<[u8]> = Rc::from(chunk_name);
    let mut parser = Parser {
        lex,
        cur: FuncState::new(source_name.clone(), 0, 0),
        outer: Vec::new(),
        active_vars: Vec::new(),
        active_names: Vec::new(),
        gotos: Vec::new(),
        labels: Vec::new(),
        constant_cache: FastMap::default(),
        string_constant_cache: Vec::new(),
        env_name,
        break_name,
        c_levels: c_levels_in_use,
        source: source_name,
        assign_targets: Vec::new(),
    };
    parser.main_function()?;
    Ok(parser.cur.f)
}

impl Parser<'_> {
    fn main_function(&mut self) -> Result<()> {
        self.enter_block(false);
        self.cur.f.is_vararg = true;
        self.new_upvalue(0, self.env_name, ExpKind::Local(0))?;
        self.lex.next()?;
        self.statement_list()?;
        self.check(Token::Eos)?;
        self.code_ret(0, 0)?;
        self.leave_block()
    }

    // ---- Token helpers ----

    /// `X expected` (`error_expected`).
    #[cold]
    #[inline(never)]
    fn error_expected(&self, token: Token) -> Box<SyntaxError> {
        let mut message = token.to_message_text();
        message.extend_from_slice(b" expected");
        self.lex.syntax_error(&message)
    }

    fn test_next(&mut self, token: Token) -> Result<bool> {
        if self.lex.token == token {
            self.lex.next()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn check(&self, token: Token) -> Result<()> {
        if self.lex.token != token {
            return Err(self.error_expected(token));
        }
        Ok(())
    }

    fn check_next(&mut self, token: Token) -> Result<()> {
        self.check(token)?;
        self.lex.next()
    }

    /// Expects `what` closing `who` opened at line `where_` (`check_match`).
    fn check_match(&mut self, what: Token, who: Token, where_: u32) -> Result<()> {
        if self.test_next(what)? {
            return Ok(());
        }
        if where_ == self.lex.line {
            return Err(self.error_expected(what));
        }
        let mut message = what.to_message_text();
        message.extend_from_slice(b" expected (to close ");
        message.extend_from_slice(&who.to_message_text());
        message.extend_from_slice(format!(" at line {where_})").as_bytes());
        Err(self.lex.syntax_error(&message))
    }

    /// Reads a name (`str_checkname`).
    pub(super) fn check_name(&mut self) -> Result<StrId> {
        self.check(Token::Name)?;
        let SemInfo::Str(name) = self.lex.sem else {
            unreachable!("a name token carries its string")
        };
        self.lex.next()?;
        Ok(name)
    }

    /// Reads a name as a string constant (`checkname`).
    fn check_name_constant(&mut self) -> Result<ExpDesc> {
        let name = self.check_name()?;
        Ok(ExpDesc::new(ExpKind::K(self.string_k(name))))
    }

    fn current_string(&self) -> StrId {
        let SemInfo::Str(s) = self.lex.sem else {
            unreachable!("a string token carries its string")
        };
        s
    }

    // ---- Statements ----

    /// Whether the current token ends a block (`block_follow`).
    fn block_follow(&self, with_until: bool) -> bool {
        match self.lex.token {
            Token::Else | Token::Elseif | Token::End | Token::Eos => true,
            Token::Until => with_until,
            _ => false,
        }
    }

    /// `statlist -> { stat [';'] }`; a return ends the list.
    fn statement_list(&mut self) -> Result<()> {
        while !self.block_follow(true) {
            if self.lex.token == Token::Return {
                return self.statement();
            }
            self.statement()?;
        }
        Ok(())
    }

    fn statement(&mut self) -> Result<()> {
        let line = self.lex.line;
        self.enter_level()?;
        match self.lex.token {
            Token::Char(b';') => self.lex.next()?,
            Token::If => self.if_statement(line)?,
            Token::While => self.while_statement(line)?,
            Token::Do => {
                self.lex.next()?;
                self.block()?;
                self.check_match(Token::End, Token::Do, line)?;
            }
            Token::For => self.for_statement(line)?,
            Token::Repeat => self.repeat_statement(line)?,
            Token::Function => self.function_statement(line)?,
            Token::Local => {
                self.lex.next()?;
                if self.test_next(Token::Function)? {
                    self.local_function()?;
                } else {
                    self.local_statement()?;
                }
            }
            Token::DbColon => {
                self.lex.next()?;
                let name = self.check_name()?;
                self.label_statement(name, line)?;
            }
            Token::Return => {
                self.lex.next()?;
                self.return_statement()?;
            }
            Token::Break | Token::Goto => {
                let pc = self.jump()?;
                self.goto_statement(pc)?;
            }
            _ => self.expression_statement()?,
        }
        debug_assert!(
            self.cur.f.max_stack_size as u32 >= self.cur.freereg
                && self.cur.freereg >= self.cur.nactvar
        );
        self.cur.freereg = self.cur.nactvar;
        self.leave_level();
        Ok(())
    }

    fn block(&mut self) -> Result<()> {
        self.enter_block(false);
        self.statement_list()?;
        self.leave_block()
    }

    /// `goto NAME` or `break`, whose jump is at `pc` (`gotostat`).
    fn goto_statement(&mut self, pc: i32) -> Result<()> {
        let line = self.lex.line;
        let label = if self.test_next(Token::Goto)? {
            self.check_name()?
        } else {
            self.lex.next()?;
            self.break_name
        };
        let g = self.new_label_entry(true, label, line, pc);
        self.find_label(g)?;
        Ok(())
    }

    /// Skips statements that generate no code after a label (`skipnoopstat`).
    fn skip_no_op_statements(&mut self) -> Result<()> {
        while matches!(self.lex.token, Token::Char(b';') | Token::DbColon) {
            self.statement()?;
        }
        Ok(())
    }

    /// `::NAME::` (`labelstat`).
    fn label_statement(&mut self, name: StrId, line: u32) -> Result<()> {
        self.check_repeated(name)?;
        self.check_next(Token::DbColon)?;
        let pc = self.get_label() as i32;
        let l = self.new_label_entry(false, name, line, pc);
        self.skip_no_op_statements()?;
        if self.block_follow(false) {
            // A label at the end of a block sees the locals as already out of scope.
            self.labels[l].nactvar = self.current_block().nactvar;
        }
        let label = self.labels[l];
        self.find_gotos(label)
    }

    fn while_statement(&mut self, line: u32) -> Result<()> {
        self.lex.next()?;
        let while_init = self.get_label();
        let cond_exit = self.condition()?;
        self.enter_block(true);
        self.check_next(Token::Do)?;
        self.block()?;
        self.jump_to(while_init)?;
        self.check_match(Token::End, Token::While, line)?;
        self.leave_block()?;
        self.patch_to_here(cond_exit)
    }

    fn repeat_statement(&mut self, line: u32) -> Result<()> {
        let repeat_init = self.get_label();
        self.enter_block(true);
        self.enter_block(false);
        self.lex.next()?;
        self.statement_list()?;
        self.check_match(Token::Until, Token::Repeat, line)?;
        let cond_exit = self.condition()?;
        let scope = *self.current_block();
        if scope.upval {
            self.patch_close(cond_exit, scope.nactvar);
        }
        self.leave_block()?;
        self.patch_list(cond_exit, repeat_init)?;
        self.leave_block()
    }

    /// A condition; returns its false list (`cond`).
    fn condition(&mut self) -> Result<i32> {
        let mut v = self.expression()?;
        if v.k == ExpKind::Nil {
            v.k = ExpKind::False;
        }
        self.go_if_true(&mut v)?;
        Ok(v.f)
    }

    /// An expression put in the next register (`exp1`).
    fn exp1(&mut self) -> Result<()> {
        let mut e = self.expression()?;
        self.exp_to_next_reg(&mut e)
    }

    fn for_body(&mut self, base: u32, line: u32, n_vars: u32, is_numeric: bool) -> Result<()> {
        self.adjust_local_vars(3);
        self.check_next(Token::Do)?;
        let prep = if is_numeric {
            self.code_asbx(OpCode::ForPrep, base, NO_JUMP)? as i32
        } else {
            self.jump()?
        };
        self.enter_block(false);
        self.adjust_local_vars(n_vars);
        self.reserve_regs(n_vars)?;
        self.block()?;
        self.leave_block()?;
        self.patch_to_here(prep)?;
        let end_for = if is_numeric {
            self.code_asbx(OpCode::ForLoop, base, NO_JUMP)?
        } else {
            self.code_abc(OpCode::TForCall, base, 0, n_vars)?;
            self.fix_line(line);
            self.code_asbx(OpCode::TForLoop, base + 2, NO_JUMP)?
        };
        self.patch_list(end_for as i32, prep as u32 + 1)?;
        self.fix_line(line);
        Ok(())
    }

    fn numeric_for(&mut self, var_name: StrId, line: u32) -> Result<()> {
        let base = self.cur.freereg;
        self.new_local_var_literal(b"(for index)")?;
        self.new_local_var_literal(b"(for limit)")?;
        self.new_local_var_literal(b"(for step)")?;
        self.new_local_var(var_name)?;
        self.check_next(Token::Char(b'='))?;
        self.exp1()?;
        self.check_next(Token::Char(b','))?;
        self.exp1()?;
        if self.test_next(Token::Char(b','))? {
            self.exp1()?;
        } else {
            let k = self.int_k(1);
            let reg = self.cur.freereg;
            self.code_k(reg, k)?;
            self.reserve_regs(1)?;
        }
        self.for_body(base, line, 1, true)
    }

    fn generic_for(&mut self, index_name: StrId) -> Result<()> {
        let mut n_vars = 4;
        let base = self.cur.freereg;
        self.new_local_var_literal(b"(for generator)")?;
        self.new_local_var_literal(b"(for state)")?;
        self.new_local_var_literal(b"(for control)")?;
        self.new_local_var(index_name)?;
        while self.test_next(Token::Char(b','))? {
            let name = self.check_name()?;
            self.new_local_var(name)?;
            n_vars += 1;
        }
        self.check_next(Token::In)?;
        let line = self.lex.line;
        let (n_exps, mut e) = self.expression_list()?;
        self.adjust_assign(3, n_exps, &mut e)?;
        self.check_stack(3)?;
        self.for_body(base, line, n_vars - 3, false)
    }

    fn for_statement(&mut self, line: u32) -> Result<()> {
        self.enter_block(true);
        self.lex.next()?;
        let var_name = self.check_name()?;
        match self.lex.token {
            Token::Char(b'=') => self.numeric_for(var_name, line)?,
            Token::Char(b',') | Token::In => self.generic_for(var_name)?,
            _ => return Err(self.lex.syntax_error(b"'=' or 'in' expected")),
        }
        self.check_match(Token::End, Token::For, line)?;
        self.leave_block()
    }

    /// `[IF | ELSEIF] cond THEN block` (`test_then_block`).
    fn test_then_block(&mut self, escape_list: &mut i32) -> Result<()> {
        self.lex.next()?;
        let mut v = self.expression()?;
        self.check_next(Token::Then)?;
        let jump_false = if matches!(self.lex.token, Token::Goto | Token::Break) {
            self.go_if_false(&mut v)?;
            self.enter_block(false);
            self.goto_statement(v.t)?;
            while self.test_next(Token::Char(b';'))? {}
            if self.block_follow(false) {
                return self.leave_block();
            }
            self.jump()?
        } else {
            self.go_if_true(&mut v)?;
            self.enter_block(false);
            v.f
        };
        self.statement_list()?;
        self.leave_block()?;
        if matches!(self.lex.token, Token::Else | Token::Elseif) {
            let j = self.jump()?;
            self.concat_jumps(escape_list, j)?;
        }
        self.patch_to_here(jump_false)
    }

    fn if_statement(&mut self, line: u32) -> Result<()> {
        let mut escape_list = NO_JUMP;
        self.test_then_block(&mut escape_list)?;
        while self.lex.token == Token::Elseif {
            self.test_then_block(&mut escape_list)?;
        }
        if self.test_next(Token::Else)? {
            self.block()?;
        }
        self.check_match(Token::End, Token::If, line)?;
        self.patch_to_here(escape_list)
    }

    fn local_function(&mut self) -> Result<()> {
        let name = self.check_name()?;
        self.new_local_var(name)?;
        self.adjust_local_vars(1);
        let line = self.lex.line;
        let b = self.body(false, line)?;
        // Debug information sees the variable only after its closure exists.
        let index = self.local_var_index(b.info());
        self.cur.f.local_vars[index].start_pc = self.pc();
        Ok(())
    }

    fn local_statement(&mut self) -> Result<()> {
        let mut n_vars = 0;
        loop {
            let name = self.check_name()?;
            self.new_local_var(name)?;
            n_vars += 1;
            if !self.test_next(Token::Char(b','))? {
                break;
            }
        }
        let (n_exps, mut e) = if self.test_next(Token::Char(b'='))? {
            self.expression_list()?
        } else {
            (0, ExpDesc::new(ExpKind::Void))
        };
        self.adjust_assign(n_vars, n_exps, &mut e)?;
        self.adjust_local_vars(n_vars);
        Ok(())
    }

    /// `funcname -> NAME {'.' NAME} [':' NAME]`; returns whether it names a method.
    fn function_name(&mut self) -> Result<(ExpDesc, bool)> {
        let mut v = self.single_var()?;
        while self.lex.token == Token::Char(b'.') {
            self.field_selector(&mut v)?;
        }
        let is_method = self.lex.token == Token::Char(b':');
        if is_method {
            self.field_selector(&mut v)?;
        }
        Ok((v, is_method))
    }

    fn function_statement(&mut self, line: u32) -> Result<()> {
        self.lex.next()?;
        let (v, is_method) = self.function_name()?;
        let mut b = self.body(is_method, line)?;
        self.store_var(&v, &mut b)?;
        // The definition "happens" on the line of `function`.
        self.fix_line(line);
        Ok(())
    }

    /// An expression statement: a call, or an assignment (`exprstat`).
    fn expression_statement(&mut self) -> Result<()> {
        let v = self.suffixed_expression()?;
        if matches!(self.lex.token, Token::Char(b'=' | b',')) {
            return self.assignment(v);
        }
        let ExpKind::Call(pc) = v.k else {
            return Err(self.lex.syntax_error(b"syntax error"));
        };
        bc::set_arg_c(&mut self.cur.f.code[pc as usize], 1);
        Ok(())
    }

    /// `v1, v2, ... = explist` (`restassign`, with its recursion turned into a list of targets).
    fn assignment(&mut self, first: ExpDesc) -> Result<()> {
        // Targets live on a stack shared by nested assignments (in function bodies on the
        // right-hand side); this one's start at `base`.
        let base = self.assign_targets.len();
        self.assign_targets.push(first);
        let result = self.assignment_targets(base);
        self.assign_targets.truncate(base);
        result
    }

    fn assignment_targets(&mut self, base: usize) -> Result<()> {
        loop {
            let last = self.assign_targets[self.assign_targets.len() - 1];
            if !matches!(
                last.k,
                ExpKind::Local(_) | ExpKind::Upval(_) | ExpKind::Indexed { .. }
            ) {
                return Err(self.lex.syntax_error(b"syntax error"));
            }
            if !self.test_next(Token::Char(b','))? {
                break;
            }
            let v = self.suffixed_expression()?;
            if !matches!(v.k, ExpKind::Indexed { .. }) {
                self.check_conflict(base, &v)?;
            }
            let n_vars = (self.assign_targets.len() - base) as u32;
            self.check_limit(n_vars + self.c_levels, MAX_C_CALLS, "C levels")?;
            self.assign_targets.push(v);
        }
        self.check_next(Token::Char(b'='))?;
        let n_vars = (self.assign_targets.len() - base) as u32;
        let (n_exps, mut e) = self.expression_list()?;
        let last = self.assign_targets[self.assign_targets.len() - 1];
        if n_exps != n_vars {
            self.adjust_assign(n_vars, n_exps, &mut e)?;
            let mut value = ExpDesc::new(ExpKind::NonReloc(self.cur.freereg - 1));
            self.store_var(&last, &mut value)?;
        } else {
            self.set_one_ret(&mut e);
            self.store_var(&last, &mut e)?;
        }
        for i in (base..self.assign_targets.len() - 1).rev() {
            let target = self.assign_targets[i];
            let mut value = ExpDesc::new(ExpKind::NonReloc(self.cur.freereg - 1));
            self.store_var(&target, &mut value)?;
        }
        Ok(())
    }

    /// If a local or upvalue assigned in a multiple assignment is also the table or key of an
    /// earlier target, makes those targets use a copy taken before the assignment
    /// (`check_conflict`).
    fn check_conflict(&mut self, base: usize, v: &ExpDesc) -> Result<()> {
        let extra = self.cur.freereg;
        let mut conflict = false;
        for target in self.assign_targets[base..].iter_mut().rev() {
            if let ExpKind::Indexed { t, idx, t_is_upval } = target.k {
                let (mut new_t, mut new_idx, mut new_upval) = (t, idx, t_is_upval);
                let same_table = match v.k {
                    ExpKind::Local(reg) => !t_is_upval && t == reg,
                    ExpKind::Upval(index) => t_is_upval && t == index,
                    _ => false,
                };
                if same_table {
                    conflict = true;
                    new_upval = false;
                    new_t = extra;
                }
                if let ExpKind::Local(reg) = v.k {
                    if idx == reg {
                        conflict = true;
                        new_idx = extra;
                    }
                }
                target.k = ExpKind::Indexed {
                    t: new_t,
                    idx: new_idx,
                    t_is_upval: new_upval,
                };
            }
        }
        if conflict {
            let (op, source) = match v.k {
                ExpKind::Local(reg) => (OpCode::Move, reg),
                _ => (OpCode::GetUpval, v.info()),
            };
            self.code_abc(op, extra, source, 0)?;
            self.reserve_regs(1)?;
        }
        Ok(())
    }

    /// Adjusts `n_exps` values to `n_vars` targets (`adjust_assign`).
    fn adjust_assign(&mut self, n_vars: u32, n_exps: u32, e: &mut ExpDesc) -> Result<()> {
        let mut extra = n_vars as i32 - n_exps as i32;
        if e.has_multret() {
            extra = (extra + 1).max(0);
            self.set_returns(e, extra)?;
            if extra > 1 {
                self.reserve_regs(extra as u32 - 1)?;
            }
        } else {
            if e.k != ExpKind::Void {
                self.exp_to_next_reg(e)?;
            }
            if extra > 0 {
                let reg = self.cur.freereg;
                self.reserve_regs(extra as u32)?;
                self.code_nil(reg, extra as u32)?;
            }
        }
        if n_exps > n_vars {
            // Values with no target were computed for their effects; their registers are freed.
            self.cur.freereg -= n_exps - n_vars;
        }
        Ok(())
    }

    fn return_statement(&mut self) -> Result<()> {
        let (first, n_ret) = if self.block_follow(true) || self.lex.token == Token::Char(b';') {
            (0, 0)
        } else {
            let (n_ret, mut e) = self.expression_list()?;
            if e.has_multret() {
                self.set_multret(&e)?;
                if let ExpKind::Call(pc) = e.k {
                    if n_ret == 1 {
                        let i = &mut self.cur.f.code[pc as usize];
                        *i = (*i & !0x3f) | OpCode::TailCall as u32;
                    }
                }
                (self.cur.nactvar, MULTRET)
            } else if n_ret == 1 {
                (self.exp_to_any_reg(&mut e)?, 1)
            } else {
                self.exp_to_next_reg(&mut e)?;
                (self.cur.nactvar, n_ret as i32)
            }
        };
        self.code_ret(first, n_ret)?;
        self.test_next(Token::Char(b';'))?;
        Ok(())
    }

    // ---- Functions ----

    /// `body -> '(' parlist ')' block END`, compiled into a new function whose closure is put in
    /// the next register (`body` and `codeclosure`).
    fn body(&mut self, is_method: bool, line: u32) -> Result<ExpDesc> {
        self.open_function(line);
        if is_method {
            self.new_local_var_literal(b"self")?;
            self.adjust_local_vars(1);
        }
        self.check_next(Token::Char(b'('))?;
        self.parameter_list()?;
        self.check_next(Token::Char(b')'))?;
        self.statement_list()?;
        self.cur.f.last_line_defined = self.lex.line;
        self.check_match(Token::End, Token::Function, line)?;
        // PUC emits the CLOSURE in the parent before it closes the child.
        let child = std::mem::replace(
            &mut self.cur,
            self.outer.pop().expect("a function has a parent"),
        );
        let proto_index = self.cur.n_protos - 1;
        let closure = self.code_abx(OpCode::Closure, 0, proto_index);
        let parent = std::mem::replace(&mut self.cur, child);
        self.outer.push(parent);
        let closure_pc = closure?;
        let proto = self.close_function()?;
        debug_assert_eq!(self.cur.f.protos.len() as u32, proto_index);
        self.cur.f.protos.push(Rc::new(proto));
        let mut e = ExpDesc::new(ExpKind::Relocable(closure_pc));
        self.exp_to_next_reg(&mut e)?;
        Ok(e)
    }

    /// `parlist -> [ param { ',' param } ]`.
    fn parameter_list(&mut self) -> Result<()> {
        let mut n_params = 0;
        if self.lex.token != Token::Char(b')') {
            loop {
                match self.lex.token {
                    Token::Name => {
                        let name = self.check_name()?;
                        self.new_local_var(name)?;
                        n_params += 1;
                    }
                    Token::Dots => {
                        self.lex.next()?;
                        self.cur.f.is_vararg = true;
                    }
                    _ => return Err(self.lex.syntax_error(b"<name> or '...' expected")),
                }
                if self.cur.f.is_vararg || !self.test_next(Token::Char(b','))? {
                    break;
                }
            }
        }
        self.adjust_local_vars(n_params);
        self.cur.f.num_params = self.cur.nactvar as u8;
        self.reserve_regs(self.cur.nactvar)
    }

    // ---- Expressions ----

    /// `explist -> expr { ',' expr }`; returns the count and the last expression, still open.
    fn expression_list(&mut self) -> Result<(u32, ExpDesc)> {
        let mut n = 1;
        let mut v = self.expression()?;
        while self.test_next(Token::Char(b','))? {
            self.exp_to_next_reg(&mut v)?;
            v = self.expression()?;
            n += 1;
        }
        Ok((n, v))
    }

    pub(super) fn expression(&mut self) -> Result<ExpDesc> {
        let mut v = ExpDesc::new(ExpKind::Void);
        self.subexpression(&mut v, 0)?;
        Ok(v)
    }

    /// `subexpr -> (simpleexp | unop subexpr) { binop subexpr }`, reading operators that bind
    /// tighter than `limit`; returns the first operator it did not take.
    fn subexpression(&mut self, v: &mut ExpDesc, limit: u8) -> Result<Option<BinOpr>> {
        self.enter_level()?;
        if let Some(op) = unary_operator(self.lex.token) {
            let line = self.lex.line;
            self.lex.next()?;
            self.subexpression(v, UNARY_PRIORITY)?;
            self.prefix(op, v, line)?;
        } else {
            self.simple_expression(v)?;
        }
        let mut op = binary_operator(self.lex.token);
        while let Some(current) = op {
            let (left, right) = priority(current);
            if left <= limit {
                break;
            }
            let line = self.lex.line;
            self.lex.next()?;
            self.infix(current, v)?;
            let mut v2 = ExpDesc::new(ExpKind::Void);
            let next = self.subexpression(&mut v2, right)?;
            self.posfix(current, v, &mut v2, line)?;
            op = next;
        }
        self.leave_level();
        Ok(op)
    }

    fn simple_expression(&mut self, v: &mut ExpDesc) -> Result<()> {
        *v = match self.lex.token {
            Token::Float => {
                let SemInfo::Float(r) = self.lex.sem else {
                    unreachable!("a float token carries its value")
                };
                ExpDesc::new(ExpKind::KFlt(r))
            }
            Token::Int => {
                let SemInfo::Int(i) = self.lex.sem else {
                    unreachable!("an integer token carries its value")
                };
                ExpDesc::new(ExpKind::KInt(i))
            }
            Token::String => {
                let s = self.current_string();
                ExpDesc::new(ExpKind::K(self.string_k(s)))
            }
            Token::Nil => ExpDesc::new(ExpKind::Nil),
            Token::True => ExpDesc::new(ExpKind::True),
            Token::False => ExpDesc::new(ExpKind::False),
            Token::Dots => {
                if !self.cur.f.is_vararg {
                    return Err(self
                        .lex
                        .syntax_error(b"cannot use '...' outside a vararg function"));
                }
                ExpDesc::new(ExpKind::Vararg(self.code_abc(OpCode::VarArg, 0, 1, 0)?))
            }
            Token::Char(b'{') => {
                *v = self.constructor()?;
                return Ok(());
            }
            Token::Function => {
                self.lex.next()?;
                let line = self.lex.line;
                *v = self.body(false, line)?;
                return Ok(());
            }
            _ => {
                *v = self.suffixed_expression()?;
                return Ok(());
            }
        };
        self.lex.next()
    }

    /// `primaryexp -> NAME | '(' expr ')'`.
    fn primary_expression(&mut self) -> Result<ExpDesc> {
        match self.lex.token {
            Token::Char(b'(') => {
                let line = self.lex.line;
                self.lex.next()?;
                let mut v = self.expression()?;
                self.check_match(Token::Char(b')'), Token::Char(b'('), line)?;
                self.discharge_vars(&mut v)?;
                Ok(v)
            }
            Token::Name => self.single_var(),
            _ => Err(self.lex.syntax_error(b"unexpected symbol")),
        }
    }

    /// `suffixedexp -> primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs }`.
    fn suffixed_expression(&mut self) -> Result<ExpDesc> {
        let line = self.lex.line;
        let mut v = self.primary_expression()?;
        loop {
            match self.lex.token {
                Token::Char(b'.') => self.field_selector(&mut v)?,
                Token::Char(b'[') => {
                    self.exp_to_any_reg_up(&mut v)?;
                    let mut key = self.index()?;
                    self.indexed(&mut v, &mut key)?;
                }
                Token::Char(b':') => {
                    self.lex.next()?;
                    let mut key = self.check_name_constant()?;
                    self.code_self(&mut v, &mut key)?;
                    self.function_arguments(&mut v, line)?;
                }
                Token::Char(b'(' | b'{') | Token::String => {
                    self.exp_to_next_reg(&mut v)?;
                    self.function_arguments(&mut v, line)?;
                }
                _ => return Ok(v),
            }
        }
    }

    /// `fieldsel -> ['.' | ':'] NAME`.
    fn field_selector(&mut self, v: &mut ExpDesc) -> Result<()> {
        self.exp_to_any_reg_up(v)?;
        self.lex.next()?;
        let mut key = self.check_name_constant()?;
        self.indexed(v, &mut key)
    }

    /// `index -> '[' expr ']'` (`yindex`).
    fn index(&mut self) -> Result<ExpDesc> {
        self.lex.next()?;
        let mut v = self.expression()?;
        self.exp_to_val(&mut v)?;
        self.check_next(Token::Char(b']'))?;
        Ok(v)
    }

    /// `funcargs -> '(' [ explist ] ')' | constructor | STRING`, then the CALL (`funcargs`).
    fn function_arguments(&mut self, f: &mut ExpDesc, line: u32) -> Result<()> {
        let mut args = match self.lex.token {
            Token::Char(b'(') => {
                self.lex.next()?;
                let args = if self.lex.token == Token::Char(b')') {
                    ExpDesc::new(ExpKind::Void)
                } else {
                    let (_, args) = self.expression_list()?;
                    self.set_multret(&args)?;
                    args
                };
                self.check_match(Token::Char(b')'), Token::Char(b'('), line)?;
                args
            }
            Token::Char(b'{') => self.constructor()?,
            Token::String => {
                let s = self.current_string();
                let args = ExpDesc::new(ExpKind::K(self.string_k(s)));
                self.lex.next()?;
                args
            }
            _ => return Err(self.lex.syntax_error(b"function arguments expected")),
        };
        let base = f.info();
        let n_params = if args.has_multret() {
            MULTRET
        } else {
            if args.k != ExpKind::Void {
                self.exp_to_next_reg(&mut args)?;
            }
            (self.cur.freereg - (base + 1)) as i32
        };
        f.k = ExpKind::Call(self.code_abc(OpCode::Call, base, (n_params + 1) as u32, 2)?);
        f.t = NO_JUMP;
        f.f = NO_JUMP;
        self.fix_line(line);
        self.cur.freereg = base + 1;
        Ok(())
    }

    // ---- Table constructors ----

    /// `constructor -> '{' [ field { sep field } [sep] ] '}'`.
    fn constructor(&mut self) -> Result<ExpDesc> {
        let line = self.lex.line;
        let pc = self.code_abc(OpCode::NewTable, 0, 0, 0)?;
        let mut t = ExpDesc::new(ExpKind::Relocable(pc));
        self.exp_to_next_reg(&mut t)?;
        let mut cc = Constructor {
            pending: ExpDesc::new(ExpKind::Void),
            table: t.info(),
            n_hash: 0,
            n_array: 0,
            to_store: 0,
        };
        self.check_next(Token::Char(b'{'))?;
        loop {
            if self.lex.token == Token::Char(b'}') {
                break;
            }
            self.close_list_field(&mut cc)?;
            self.field(&mut cc)?;
            if !(self.test_next(Token::Char(b','))? || self.test_next(Token::Char(b';'))?) {
                break;
            }
        }
        self.check_match(Token::Char(b'}'), Token::Char(b'{'), line)?;
        self.last_list_field(&mut cc)?;
        let i = &mut self.cur.f.code[pc as usize];
        bc::set_arg_b(i, int_to_fb(cc.n_array));
        bc::set_arg_c(i, int_to_fb(cc.n_hash));
        Ok(t)
    }

    fn field(&mut self, cc: &mut Constructor) -> Result<()> {
        match self.lex.token {
            Token::Name => {
                if self.lex.lookahead()? != Token::Char(b'=') {
                    self.list_field(cc)
                } else {
                    self.record_field(cc)
                }
            }
            Token::Char(b'[') => self.record_field(cc),
            _ => self.list_field(cc),
        }
    }

    /// `recfield -> (NAME | '[' exp ']') = exp`.
    fn record_field(&mut self, cc: &mut Constructor) -> Result<()> {
        let reg = self.cur.freereg;
        let mut key = if self.lex.token == Token::Name {
            self.check_name_constant()?
        } else {
            self.index()?
        };
        cc.n_hash += 1;
        self.check_next(Token::Char(b'='))?;
        let rk_key = self.exp_to_rk(&mut key)?;
        let mut value = self.expression()?;
        let rk_value = self.exp_to_rk(&mut value)?;
        self.code_abc(OpCode::SetTable, cc.table, rk_key, rk_value)?;
        self.cur.freereg = reg;
        Ok(())
    }

    fn list_field(&mut self, cc: &mut Constructor) -> Result<()> {
        cc.pending = self.expression()?;
        cc.n_array += 1;
        cc.to_store += 1;
        Ok(())
    }

    /// Puts the pending list item in its register, flushing a full batch (`closelistfield`).
    fn close_list_field(&mut self, cc: &mut Constructor) -> Result<()> {
        if cc.pending.k == ExpKind::Void {
            return Ok(());
        }
        self.exp_to_next_reg(&mut cc.pending)?;
        cc.pending.k = ExpKind::Void;
        if cc.to_store == FIELDS_PER_FLUSH {
            self.set_list(cc.table, cc.n_array, cc.to_store as i32)?;
            cc.to_store = 0;
        }
        Ok(())
    }

    /// Stores the last batch of list items (`lastlistfield`).
    fn last_list_field(&mut self, cc: &mut Constructor) -> Result<()> {
        if cc.to_store == 0 {
            return Ok(());
        }
        if cc.pending.has_multret() {
            self.set_multret(&cc.pending)?;
            self.set_list(cc.table, cc.n_array, MULTRET)?;
            cc.n_array -= 1;
        } else {
            if cc.pending.k != ExpKind::Void {
                self.exp_to_next_reg(&mut cc.pending)?;
            }
            self.set_list(cc.table, cc.n_array, cc.to_store as i32)?;
        }
        Ok(())
    }
}

fn unary_operator(token: Token) -> Option<UnOpr> {
    Some(match token {
        Token::Not => UnOpr::Not,
        Token::Char(b'-') => UnOpr::Minus,
        Token::Char(b'~') => UnOpr::BNot,
        Token::Char(b'#') => UnOpr::Len,
        _ => return None,
    })
}

fn binary_operator(token: Token) -> Option<BinOpr> {
    Some(match token {
        Token::Char(b'+') => BinOpr::Add,
        Token::Char(b'-') => BinOpr::Sub,
        Token::Char(b'*') => BinOpr::Mul,
        Token::Char(b'%') => BinOpr::Mod,
        Token::Char(b'^') => BinOpr::Pow,
        Token::Char(b'/') => BinOpr::Div,
        Token::IDiv => BinOpr::IDiv,
        Token::Char(b'&') => BinOpr::BAnd,
        Token::Char(b'|') => BinOpr::BOr,
        Token::Char(b'~') => BinOpr::BXor,
        Token::Shl => BinOpr::Shl,
        Token::Shr => BinOpr::Shr,
        Token::Concat => BinOpr::Concat,
        Token::Ne => BinOpr::Ne,
        Token::Eq => BinOpr::Eq,
        Token::Char(b'<') => BinOpr::Lt,
        Token::Le => BinOpr::Le,
        Token::Char(b'>') => BinOpr::Gt,
        Token::Ge => BinOpr::Ge,
        Token::And => BinOpr::And,
        Token::Or => BinOpr::Or,
        _ => return None,
    })
}

/// Left and right priorities of a binary operator (PUC's `priority` table): `^` and `..` bind
/// tighter on the left, which makes them right associative.
fn priority(op: BinOpr) -> (u8, u8) {
    match op {
        BinOpr::Add | BinOpr::Sub => (10, 10),
        BinOpr::Mul | BinOpr::Mod | BinOpr::Div | BinOpr::IDiv => (11, 11),
        BinOpr::Pow => (14, 13),
        BinOpr::BAnd => (6, 6),
        BinOpr::BOr => (4, 4),
        BinOpr::BXor => (5, 5),
        BinOpr::Shl | BinOpr::Shr => (7, 7),
        BinOpr::Concat => (9, 8),
        BinOpr::Eq | BinOpr::Lt | BinOpr::Le | BinOpr::Ne | BinOpr::Gt | BinOpr::Ge => (3, 3),
        BinOpr::And => (2, 2),
        BinOpr::Or => (1, 1),
    }
}
