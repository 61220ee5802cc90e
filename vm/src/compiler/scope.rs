//! Scopes: function states, blocks, local variables, upvalues, labels and gotos. Mirrors the
//! scoping half of lparser.c (`FuncState`, `BlockCnt`, `Dyndata`) of PUC Lua 5.3.6.
//!
//! Invariants, as in PUC: the active locals of a function occupy registers `0..nactvar`, in
//! declaration order, so a local's register is its position among the active locals; `freereg`
//! is never below `nactvar` between statements; and a goto is resolved against labels of its own
//! block first, then carried outwards block by block until a label matches or the function ends.

use std::rc::Rc;

use super::codegen::{ExpDesc, ExpKind, NO_JUMP};
use super::lexer::StrId;
use super::parser::Parser;
use super::SyntaxError;
use crate::bytecode::{LocalVar, Proto, UpvalueDesc};
use crate::limits::{MAX_C_CALLS, MAX_UPVALUES, MAX_VARS};

type Result<T> = std::result::Result<T, Box<SyntaxError>>;

/// A block being compiled (`BlockCnt`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Block {
    /// Index of the block's first label in the parser's label list.
    pub first_label: usize,
    /// Index of the block's first pending goto in the parser's goto list.
    pub first_goto: usize,
    /// Active locals outside the block.
    pub nactvar: u32,
    /// Whether some local of the block is captured as an upvalue.
    pub upval: bool,
    /// Whether the block is a loop, which `break` leaves.
    pub is_loop: bool,
}

/// A label or a pending goto (`Labeldesc`).
#[derive(Clone, Copy, Debug)]
pub(super) struct LabelDesc {
    pub name: StrId,
    /// For a label, where it is; for a goto, its jump instruction.
    pub pc: i32,
    pub line: u32,
    /// Active locals where the label or goto appears.
    pub nactvar: u32,
}

/// The state of one function being compiled (`FuncState`).
#[derive(Debug)]
pub(super) struct FuncState {
    pub f: Proto,
    /// Names of `f.upvalues` as interned ids, for lookups.
    pub upvalue_names: Vec<StrId>,
    pub blocks: Vec<Block>,
    /// The last pc that is a jump target (`lasttarget`).
    pub last_target: i32,
    /// Jumps waiting for the next instruction (`jpc`).
    pub jpc: i32,
    /// Where this function's locals start in the parser's active-variable list (`firstlocal`).
    pub first_local: usize,
    pub nactvar: u32,
    pub freereg: u32,
    /// Nested functions declared so far, including one still being compiled (`np`).
    pub n_protos: u32,
}

impl FuncState {
    pub fn new(source: Rc<[u8]>, line_defined: u32, first_local: usize) -> FuncState {
        FuncState {
            // Capacities fit a typical small function, so most functions never reallocate.
            f: Proto {
                code: Vec::with_capacity(32),
                line_info: Vec::with_capacity(32),
                constants: Vec::with_capacity(8),
                local_vars: Vec::with_capacity(8),
                upvalues: Vec::with_capacity(4),
                source,
                line_defined,
                // Registers 0 and 1 are always valid.
                max_stack_size: 2,
                ..Proto::default()
            },
            upvalue_names: Vec::new(),
            blocks: Vec::with_capacity(8),
            last_target: 0,
            jpc: NO_JUMP,
            first_local,
            nactvar: 0,
            freereg: 0,
            n_protos: 0,
        }
    }
}

impl Parser<'_> {
    // ---- Limits ----

    /// `too many X (limit is N) in F` (`errorlimit`).
    #[cold]
    #[inline(never)]
    pub(super) fn error_limit(&self, line: u32, limit: u32, what: &str) -> Box<SyntaxError> {
        let place = if line == 0 {
            "main function".to_string()
        } else {
            format!("function at line {line}")
        };
        let message = format!("too many {what} (limit is {limit}) in {place}");
        self.lex.syntax_error(message.as_bytes())
    }

    pub(super) fn check_limit(&self, value: u32, limit: u32, what: &str) -> Result<()> {
        if value > limit {
            return Err(self.error_limit(self.cur.f.line_defined, limit, what));
        }
        Ok(())
    }

    /// Counts one more level of recursion (`enterlevel`); the count starts at the native calls
    /// already active, as PUC shares it with `nCcalls`.
    pub(super) fn enter_level(&mut self) -> Result<()> {
        self.c_levels += 1;
        self.check_limit(self.c_levels, MAX_C_CALLS, "C levels")
    }

    pub(super) fn leave_level(&mut self) {
        self.c_levels -= 1;
    }

    // ---- Local variables ----

    /// Declares a local that becomes active later with [`Parser::adjust_local_vars`]
    /// (`new_localvar`).
    pub(super) fn new_local_var(&mut self, name: StrId) -> Result<()> {
        let bytes = self.lex.strings.shared(name);
        let index = self.cur.f.local_vars.len() as u32;
        self.cur.f.local_vars.push(LocalVar {
            name: bytes,
            start_pc: 0,
            end_pc: 0,
        });
        let declared = (self.active_vars.len() + 1 - self.cur.first_local) as u32;
        self.check_limit(declared, MAX_VARS as u32, "local variables")?;
        self.active_vars.push(index);
        self.active_names.push(name);
        Ok(())
    }

    pub(super) fn new_local_var_literal(&mut self, name: &[u8]) -> Result<()> {
        let id = self.lex.strings.intern(name);
        self.new_local_var(id)
    }

    /// The debug entry of the `i`-th active local (`getlocvar`).
    pub(super) fn local_var_index(&self, i: u32) -> usize {
        self.active_vars[self.cur.first_local + i as usize] as usize
    }

    /// Activates the last `n` declared locals (`adjustlocalvars`).
    pub(super) fn adjust_local_vars(&mut self, n: u32) {
        self.cur.nactvar += n;
        let pc = self.pc();
        for i in (self.cur.nactvar - n)..self.cur.nactvar {
            let index = self.local_var_index(i);
            self.cur.f.local_vars[index].start_pc = pc;
        }
    }

    /// Deactivates locals down to `to_level` (`removevars`).
    fn remove_vars(&mut self, to_level: u32) {
        let new_len = self.active_vars.len() - (self.cur.nactvar - to_level) as usize;
        let pc = self.pc();
        while self.cur.nactvar > to_level {
            self.cur.nactvar -= 1;
            let index = self.local_var_index(self.cur.nactvar);
            self.cur.f.local_vars[index].end_pc = pc;
        }
        self.active_vars.truncate(new_len);
        self.active_names.truncate(new_len);
    }

    /// The register of the innermost active local named `name` in function `fs` (`searchvar`).
    fn search_var(&self, fs: &FuncState, name: StrId) -> Option<u32> {
        let active = &self.active_names[fs.first_local..fs.first_local + fs.nactvar as usize];
        active.iter().rposition(|&n| n == name).map(|i| i as u32)
    }

    // ---- Name resolution ----

    /// Resolves `name` in the function at `depth` (0 is the current one, 1 its parent...), adding
    /// upvalues on the way down (`singlevaraux`). `None` means the name is global.
    fn resolve(&mut self, depth: usize, name: StrId, base: bool) -> Result<Option<ExpKind>> {
        let Some(fs) = self.function_at(depth) else {
            return Ok(None);
        };
        if let Some(reg) = self.search_var(fs, name) {
            if !base {
                self.mark_upval(depth, reg);
            }
            return Ok(Some(ExpKind::Local(reg)));
        }
        if let Some(index) = fs.upvalue_names.iter().position(|&n| n == name) {
            return Ok(Some(ExpKind::Upval(index as u32)));
        }
        let Some(found) = self.resolve(depth + 1, name, false)? else {
            return Ok(None);
        };
        let index = self.new_upvalue(depth, name, found)?;
        Ok(Some(ExpKind::Upval(index)))
    }

    fn function_at(&self, depth: usize) -> Option<&FuncState> {
        if depth == 0 {
            Some(&self.cur)
        } else {
            self.outer.len().checked_sub(depth).map(|i| &self.outer[i])
        }
    }

    fn function_at_mut(&mut self, depth: usize) -> &mut FuncState {
        if depth == 0 {
            &mut self.cur
        } else {
            let i = self.outer.len() - depth;
            &mut self.outer[i]
        }
    }

    /// Marks the block that declared register `level` as having a captured local (`markupval`).
    fn mark_upval(&mut self, depth: usize, level: u32) {
        let fs = self.function_at_mut(depth);
        if let Some(block) = fs.blocks.iter_mut().rev().find(|b| b.nactvar <= level) {
            block.upval = true;
        }
    }

    /// Adds an upvalue to the function at `depth` (`newupvalue`).
    pub(super) fn new_upvalue(&mut self, depth: usize, name: StrId, found: ExpKind) -> Result<u32> {
        let count = self.function_at(depth).map_or(0, |fs| fs.f.upvalues.len()) as u32;
        if count + 1 > MAX_UPVALUES as u32 {
            // The message names the function whose upvalues overflow, which may be an outer one.
            let line = self.function_at(depth).map_or(0, |fs| fs.f.line_defined);
            return Err(self.error_limit(line, MAX_UPVALUES as u32, "upvalues"));
        }
        let (in_stack, index) = match found {
            ExpKind::Local(reg) => (true, reg),
            ExpKind::Upval(index) => (false, index),
            _ => unreachable!("upvalue of a non-variable"),
        };
        let bytes = self.lex.strings.shared(name);
        let fs = self.function_at_mut(depth);
        fs.f.upvalues.push(UpvalueDesc {
            name: bytes,
            in_stack,
            index: index as u8,
        });
        fs.upvalue_names.push(name);
        Ok(count)
    }

    /// Reads a name and resolves it as a variable: local, upvalue, or `_ENV.name` (`singlevar`).
    pub(super) fn single_var(&mut self) -> Result<ExpDesc> {
        let name = self.check_name()?;
        if let Some(kind) = self.resolve(0, name, true)? {
            return Ok(ExpDesc::new(kind));
        }
        let env = self.env_name;
        let env_kind = self.resolve(0, env, true)?.unwrap_or(ExpKind::Void);
        let mut var = ExpDesc::new(env_kind);
        let mut key = ExpDesc::new(ExpKind::K(self.string_k(name)));
        self.indexed(&mut var, &mut key)?;
        Ok(var)
    }

    // ---- Functions ----

    /// Starts compiling a nested function (`open_func`); `addprototype` is the reservation of its
    /// slot in the parent.
    pub(super) fn open_function(&mut self, line_defined: u32) {
        self.cur.n_protos += 1;
        let source = self.source.clone();
        let child = FuncState::new(source, line_defined, self.active_vars.len());
        let parent = std::mem::replace(&mut self.cur, child);
        self.outer.push(parent);
        self.enter_block(false);
    }

    /// Finishes the current function (`close_func`) and returns it.
    pub(super) fn close_function(&mut self) -> Result<Proto> {
        self.code_ret(0, 0)?;
        self.leave_block()?;
        let parent = self
            .outer
            .pop()
            .expect("closing the main function with close_function");
        let child = std::mem::replace(&mut self.cur, parent);
        Ok(child.f)
    }

    // ---- Blocks ----

    /// Opens a block (`enterblock`).
    pub(super) fn enter_block(&mut self, is_loop: bool) {
        let block = Block {
            first_label: self.labels.len(),
            first_goto: self.gotos.len(),
            nactvar: self.cur.nactvar,
            upval: false,
            is_loop,
        };
        self.cur.blocks.push(block);
        debug_assert_eq!(self.cur.freereg, self.cur.nactvar);
    }

    pub(super) fn current_block(&self) -> &Block {
        self.cur
            .blocks
            .last()
            .expect("a function always has a block")
    }

    /// Closes a block: closes upvalues, resolves breaks, and carries pending gotos out of it
    /// (`leaveblock`).
    pub(super) fn leave_block(&mut self) -> Result<()> {
        let block = *self.current_block();
        let has_previous = self.cur.blocks.len() > 1;
        if has_previous && block.upval {
            let j = self.jump()?;
            self.patch_close(j, block.nactvar);
            self.patch_to_here(j)?;
        }
        if block.is_loop {
            self.break_label()?;
        }
        self.cur.blocks.pop();
        self.remove_vars(block.nactvar);
        self.cur.freereg = self.cur.nactvar;
        self.labels.truncate(block.first_label);
        if has_previous {
            self.move_gotos_out(&block)?;
        } else if block.first_goto < self.gotos.len() {
            return Err(self.undefined_goto(self.gotos[block.first_goto]));
        }
        Ok(())
    }

    // ---- Labels and gotos ----

    /// `no visible label` or `<break> ... not inside a loop` (`undefgoto`).
    #[cold]
    fn undefined_goto(&self, goto: LabelDesc) -> Box<SyntaxError> {
        let name = String::from_utf8_lossy(self.lex.strings.bytes(goto.name)).into_owned();
        let message = if goto.name == self.break_name {
            format!("<{name}> at line {} not inside a loop", goto.line)
        } else {
            format!("no visible label '{name}' for <goto> at line {}", goto.line)
        };
        self.lex.semantic_error(message.as_bytes())
    }

    /// Records a label or goto (`newlabelentry`).
    pub(super) fn new_label_entry(
        &mut self,
        is_goto: bool,
        name: StrId,
        line: u32,
        pc: i32,
    ) -> usize {
        let entry = LabelDesc {
            name,
            pc,
            line,
            nactvar: self.cur.nactvar,
        };
        let list = if is_goto {
            &mut self.gotos
        } else {
            &mut self.labels
        };
        list.push(entry);
        list.len() - 1
    }

    /// Resolves pending goto `g` to `label` (`closegoto`).
    fn close_goto(&mut self, g: usize, label: LabelDesc) -> Result<()> {
        let goto = self.gotos[g];
        if goto.nactvar < label.nactvar {
            let local = self.local_var_index(goto.nactvar);
            let mut message = format!(
                "<goto {}> at line {} jumps into the scope of local '",
                self.name_text(goto.name),
                goto.line
            )
            .into_bytes();
            message.extend_from_slice(&self.cur.f.local_vars[local].name);
            message.push(b'\'');
            return Err(self.lex.semantic_error(&message));
        }
        self.patch_list(goto.pc, label.pc as u32)?;
        self.gotos.remove(g);
        Ok(())
    }

    fn name_text(&self, name: StrId) -> String {
        String::from_utf8_lossy(self.lex.strings.bytes(name)).into_owned()
    }

    /// Tries to resolve goto `g` with a label already seen in the current block (`findlabel`).
    pub(super) fn find_label(&mut self, g: usize) -> Result<bool> {
        let block = *self.current_block();
        let goto = self.gotos[g];
        for i in block.first_label..self.labels.len() {
            let label = self.labels[i];
            if label.name == goto.name {
                if goto.nactvar > label.nactvar
                    && (block.upval || self.labels.len() > block.first_label)
                {
                    self.patch_close(goto.pc, label.nactvar);
                }
                self.close_goto(g, label)?;
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Resolves the pending gotos of the current block that go to `label` (`findgotos`).
    pub(super) fn find_gotos(&mut self, label: LabelDesc) -> Result<()> {
        let mut i = self.current_block().first_goto;
        while i < self.gotos.len() {
            if self.gotos[i].name == label.name {
                self.close_goto(i, label)?;
            } else {
                i += 1;
            }
        }
        Ok(())
    }

    /// Moves the pending gotos of a closed block to the enclosing one (`movegotosout`).
    fn move_gotos_out(&mut self, block: &Block) -> Result<()> {
        let mut i = block.first_goto;
        while i < self.gotos.len() {
            let goto = self.gotos[i];
            if goto.nactvar > block.nactvar {
                if block.upval {
                    self.patch_close(goto.pc, block.nactvar);
                }
                self.gotos[i].nactvar = block.nactvar;
            }
            if !self.find_label(i)? {
                i += 1;
            }
        }
        Ok(())
    }

    /// Resolves the pending breaks of a loop that ends here (`breaklabel`).
    fn break_label(&mut self) -> Result<()> {
        let pc = self.pc() as i32;
        let l = self.new_label_entry(false, self.break_name, 0, pc);
        let label = self.labels[l];
        self.find_gotos(label)
    }

    /// Fails if the current block already has a label named `name` (`checkrepeated`).
    pub(super) fn check_repeated(&self, name: StrId) -> Result<()> {
        let first = self.current_block().first_label;
        if let Some(label) = self.labels[first..].iter().find(|l| l.name == name) {
            let mut message = b"label '".to_vec();
            message.extend_from_slice(self.lex.strings.bytes(name));
            message
                .extend_from_slice(format!("' already defined on line {}", label.line).as_bytes());
            return Err(self.lex.semantic_error(&message));
        }
        Ok(())
    }
}
