//! The generator's state, and statements: blocks, declarations, assignments, control flow,
//! functions and the program itself.

use std::rc::Rc;

use arbitrary::Unstructured;

use super::ast::{BinOp, Block, Expr, Func, Item, Stat, UnOp};
use super::prelude::is_helper_name;
use super::types::{Class, Scope, Shape, Sig, Ty, Var};
use super::{Choices, Feature, Features};

/// How deep expressions nest.
pub(crate) const MAX_EXPR_DEPTH: usize = 5;
/// How deep blocks nest (loops, conditionals, function bodies).
const MAX_BLOCK_DEPTH: usize = 5;
/// How deep function literals nest.
const MAX_FUNCTION_DEPTH: usize = 3;
/// The most locals the generator declares in one function (PUC allows 200).
const MAX_LOCALS: usize = 120;
/// The work one call of a generated function may do, in statements executed (a loop counts its
/// body once per iteration, a call counts the callee's work).
pub(crate) const FUNCTION_COST: u64 = 400;
/// The work a whole program may do, in the same unit.
const PROGRAM_COST: u64 = 6000;
/// The product of the iteration counts of nested loops in one function.
const MAX_LOOP_PRODUCT: u64 = 48;

/// What the generator knows about the function it is generating.
#[derive(Debug)]
pub(crate) struct FnCtx {
    /// The element type of `...`, when the function is a vararg function.
    pub(crate) vararg: Option<Ty>,
    /// What `return` must give; `None` in the main chunk, which returns printable values.
    pub(crate) rets: Option<Vec<Ty>>,
    /// Loops around the statement being generated, in this function (for `break`).
    pub(crate) loops: usize,
    /// How many times the statement being generated runs per call: the product of the
    /// iteration counts of the loops around it.
    pub(crate) mult: u64,
    /// The work done so far by one call.
    pub(crate) cost: u64,
    /// The most work one call may do.
    pub(crate) cap: u64,
    /// The function itself, for a bounded recursive function.
    pub(crate) recursive: Option<Recursion>,
    /// Calls of itself generated so far, for a recursive function.
    pub(crate) self_calls: u32,
    /// Labels in use in this function (names must be unique per function for simplicity).
    pub(crate) labels: usize,
}

impl FnCtx {
    /// The context of a small closure body.
    pub(crate) fn closure() -> FnCtx {
        FnCtx::new(None, Some(vec![Ty::Int]), FUNCTION_COST / 4)
    }

    fn new(vararg: Option<Ty>, rets: Option<Vec<Ty>>, cap: u64) -> FnCtx {
        FnCtx {
            vararg,
            rets,
            loops: 0,
            mult: 1,
            cost: 1,
            cap,
            recursive: None,
            self_calls: 0,
            labels: 0,
        }
    }
}

/// A bounded recursive function being generated: its name, its type, and the name of its first
/// parameter, the remaining depth, which every call of itself decreases.
#[derive(Clone, Debug)]
pub(crate) struct Recursion {
    pub(crate) name: String,
    pub(crate) sig: Rc<Sig>,
    pub(crate) depth_param: String,
}

/// The program generator.
pub(crate) struct Generator<'a> {
    pub(crate) c: Choices<'a>,
    pub(crate) features: Features,
    pub(crate) scope: Scope,
    pub(crate) shapes: Vec<Shape>,
    pub(crate) classes: Vec<Class>,
    pub(crate) fns: Vec<FnCtx>,
    /// Nodes left to generate; when it runs out, expressions are leaves and blocks end.
    pub(crate) fuel: i64,
    /// The nesting of the expression being generated.
    pub(crate) depth: usize,
    /// The nesting of the block being generated.
    pub(crate) block_depth: usize,
    next_name: usize,
}

impl<'a> Generator<'a> {
    pub(crate) fn new(u: Unstructured<'a>, features: Features) -> Generator<'a> {
        Generator {
            c: Choices::new(u),
            features,
            scope: Scope::default(),
            shapes: Vec::new(),
            classes: Vec::new(),
            fns: vec![FnCtx::new(None, None, PROGRAM_COST)],
            fuel: 0,
            depth: 0,
            block_depth: 0,
            next_name: 0,
        }
    }

    pub(crate) fn has(&self, feature: Feature) -> bool {
        self.features.has(feature)
    }

    pub(crate) fn ctx(&self) -> &FnCtx {
        self.fns
            .last()
            .expect("the main chunk's context is never popped")
    }

    pub(crate) fn ctx_mut(&mut self) -> &mut FnCtx {
        self.fns
            .last_mut()
            .expect("the main chunk's context is never popped")
    }

    /// Whether the statement being generated is in the main chunk's outermost block, where
    /// globals and classes are defined, so that they are defined for the rest of the program.
    pub(crate) fn at_top(&self) -> bool {
        self.fns.len() == 1 && self.block_depth == 0
    }

    /// A new variable name with this prefix.
    pub(crate) fn fresh(&mut self, prefix: &str) -> String {
        self.next_name += 1;
        format!("{prefix}{}", self.next_name)
    }

    /// A name for a new local: usually fresh, sometimes one that is visible already, which the
    /// new local shadows.
    pub(crate) fn local_name(&mut self, prefix: &str) -> String {
        if self.c.chance(1, 10) {
            // Read-only variables (loop counters, recursion depths) are never shadowed: loops
            // and recursions end because of them.
            let visible = self.scope.matching(|var| {
                !is_helper_name(&var.name) && !var.readonly && var.level == self.fns.len() - 1
            });
            if !visible.is_empty() {
                let index = self.c.below(visible.len());
                return visible[index].name.clone();
            }
        }
        self.fresh(prefix)
    }

    pub(crate) fn declare(&mut self, name: &str, ty: Ty) {
        let level = self.fns.len() - 1;
        self.scope.declare(Var {
            name: name.to_string(),
            ty,
            level,
            readonly: false,
            cost: FUNCTION_COST,
        });
    }

    pub(crate) fn declare_readonly(&mut self, name: &str, ty: Ty) {
        let level = self.fns.len() - 1;
        self.scope.declare(Var {
            name: name.to_string(),
            ty,
            level,
            readonly: true,
            cost: FUNCTION_COST,
        });
    }

    /// Whether a statement costing `cost` per run fits in the current function's work budget,
    /// and charges it if so.
    pub(crate) fn afford(&mut self, cost: u64) -> bool {
        let ctx = self.ctx_mut();
        let total = ctx.cost.saturating_add(ctx.mult.saturating_mul(cost));
        if total > ctx.cap {
            return false;
        }
        ctx.cost = total;
        true
    }

    /// Whether there is room to declare another local.
    fn room_for_locals(&self) -> bool {
        self.scope.local_count() < MAX_LOCALS
    }

    // ---- The program ----

    /// A whole program: statements until the budget or the choices run out, then possibly an
    /// uncaught error, then possibly a `return` of printable values.
    pub(crate) fn program(&mut self) -> Block {
        self.fuel = match self.c.weighted(&[2, 4, 4, 2]) {
            0 => 12,
            1 => 50,
            2 => 120,
            _ => 260,
        };
        let mut stats = Vec::new();
        while self.fuel > 0 && self.c.chance(15, 16) {
            stats.extend(self.statement());
        }
        if self.has(Feature::Uncaught) && self.c.chance(1, 12) {
            stats.extend(self.uncaught_error());
        } else if self.c.chance(1, 4) {
            let count = self.c.range(1, 3) as usize;
            let mut values = (0..count)
                .map(|_| {
                    let ty = self.printable_type();
                    self.expr(&ty)
                })
                .collect::<Vec<_>>();
            close_list(&mut values);
            stats.push(Stat::Return(values));
        }
        Block(stats)
    }

    /// A block of statements in a new scope. `setup` declares what the block sees first (loop
    /// variables, parameters).
    pub(crate) fn block(&mut self, max_statements: usize, setup: impl FnOnce(&mut Self)) -> Block {
        self.scope.open_block();
        self.block_depth += 1;
        setup(self);
        let mut stats = Vec::new();
        while stats.len() < max_statements && self.fuel > 0 && self.c.chance(4, 5) {
            stats.extend(self.statement());
        }
        self.block_depth -= 1;
        self.scope.close_block();
        Block(stats)
    }

    /// One statement (a class is several), or none when the one chosen does not fit here.
    pub(crate) fn statement(&mut self) -> Vec<Stat> {
        self.fuel -= 1;
        if !self.afford(1) {
            self.fuel -= 5;
            return Vec::new();
        }
        let nested = self.block_depth < MAX_BLOCK_DEPTH;
        let top = self.at_top();
        let f = self.features;
        let weights = [
            12,                         // 0 print
            10,                         // 1 local
            6,                          // 2 assignment
            if nested { 5 } else { 0 }, // 3 if
            if nested { 4 } else { 0 }, // 4 numeric for
            if nested { 3 } else { 0 }, // 5 generic for
            if nested { 2 } else { 0 }, // 6 while
            if nested { 2 } else { 0 }, // 7 repeat
            if nested { 1 } else { 0 }, // 8 do
            if nested { 5 } else { 0 }, // 9 local function
            4,                          // 10 call statement
            if top && f.has(Feature::Metatables) {
                3
            } else {
                0
            }, // 11 class
            if nested { 2 } else { 0 }, // 12 record with methods
            if nested && f.has(Feature::Closures) {
                3
            } else {
                0
            }, // 13 closures
            if nested && f.has(Feature::Errors) {
                6
            } else {
                0
            }, // 14 protected error
            if nested && f.has(Feature::Goto) { 1 } else { 0 }, // 15 goto
            if nested && f.has(Feature::Recursion) {
                2
            } else {
                0
            }, // 16 recursion
            if nested && f.has(Feature::Varargs) {
                2
            } else {
                0
            }, // 17 varargs
            if f.has(Feature::Patterns) { 3 } else { 0 }, // 18 pattern matching
            if top { 2 } else { 0 },    // 19 global
            if nested && f.has(Feature::Coroutines) {
                3
            } else {
                0
            }, // 20 coroutine
            if self.ctx().loops > 0 { 1 } else { 0 }, // 21 break
            if self.ctx().rets.is_some() { 1 } else { 0 }, // 22 early return
            if f.has(Feature::Tables) { 3 } else { 0 }, // 23 table library
            if f.has(Feature::Metatables) { 1 } else { 0 }, // 24 object use
            if top && f.has(Feature::StackOverflow) {
                1
            } else {
                0
            }, // 25 stack overflow
        ];
        let single = match self.c.weighted(&weights) {
            0 => Some(self.print_statement()),
            1 => self.local_statement(),
            2 => self.assignment(),
            3 => Some(self.if_statement()),
            4 => self.numeric_for(),
            5 => self.generic_for(),
            6 => self.while_loop(),
            7 => self.repeat_loop(),
            8 => Some(Stat::Do(self.block(4, |_| {}))),
            9 => self.local_function(),
            10 => self.call_statement(),
            11 => return self.class_definition(),
            12 => return self.record_with_methods(),
            13 => self.closures(),
            14 => self.protected_error(),
            15 => self.goto_statement(),
            16 => self.recursion(),
            17 => self.varargs(),
            18 => self.pattern_statement(),
            19 => self.global_definition(),
            20 => self.coroutine_statement(),
            21 => Some(self.break_statement()),
            22 => self.early_return(),
            23 => self.table_library_statement(),
            24 => self.object_statement(),
            _ => self.stack_overflow(),
        };
        single.into_iter().collect()
    }

    // ---- Simple statements ----

    /// `print(...)` of printable values, or `P(...)` when something may not be printable.
    pub(crate) fn print_statement(&mut self) -> Stat {
        let count = self.c.range(1, 3) as usize;
        let mut args = Vec::with_capacity(count);
        let mut safe = true;
        for _ in 0..count {
            if self.c.chance(1, 6) {
                safe = false;
                let ty = self.any_type();
                args.push(self.expr(&ty));
            } else {
                let ty = self.printable_type();
                args.push(self.expr(&ty));
            }
        }
        // A call as the last argument prints all its results, which may not be printable.
        if args.last().is_some_and(Expr::is_multi) {
            safe = false;
        }
        let printer = if safe { "print" } else { "P" };
        Stat::Call(Expr::call_named(printer, args))
    }

    /// `local x = e`, `local a, b = e1, e2` or `local a, b = f()`.
    fn local_statement(&mut self) -> Option<Stat> {
        if !self.room_for_locals() {
            return Some(self.print_statement());
        }
        match self.c.weighted(&[6, 2, 1]) {
            0 => {
                let ty = self.value_type();
                let value = self.expr(&ty);
                let name = self.local_name(prefix_for(&ty));
                self.declare(&name, ty);
                Some(Stat::Local(vec![name], vec![value]))
            }
            1 => {
                let count = self.c.range(2, 3) as usize;
                let types = (0..count).map(|_| self.value_type()).collect::<Vec<_>>();
                let values = types.iter().map(|ty| self.expr(ty)).collect::<Vec<_>>();
                let names = types
                    .iter()
                    .map(|ty| self.fresh(prefix_for(ty)))
                    .collect::<Vec<_>>();
                for (name, ty) in names.iter().zip(types) {
                    self.declare(name, ty);
                }
                Some(Stat::Local(names, values))
            }
            _ => {
                // Several results of one call; names past its results get nil.
                let (call, sig) = self.multi_call()?;
                let count = (sig.rets.len() + self.c.below(2)).max(1);
                let names = (0..count).map(|_| self.fresh("m")).collect::<Vec<_>>();
                for (index, name) in names.iter().enumerate() {
                    let ty = sig.rets.get(index).cloned().unwrap_or(Ty::Nil);
                    self.declare(name, ty);
                }
                Some(Stat::Local(names, vec![call]))
            }
        }
    }

    /// An assignment to a variable, a field, or a sequence slot, keeping every type.
    fn assignment(&mut self) -> Option<Stat> {
        let kind = self.c.weighted(&[6, 3, 3, 1]);
        match kind {
            0 => {
                let vars = self.scope.matching(|var| {
                    !var.readonly && !is_helper_name(&var.name) && !matches!(var.ty, Ty::Func(_))
                });
                if vars.is_empty() {
                    return self.local_statement();
                }
                let var = vars[self.c.below(vars.len())].clone();
                let value = self.assigned_value(&var.ty);
                Some(Stat::Assign(vec![Expr::name(&var.name)], vec![value]))
            }
            1 => {
                // A record field.
                let records = self.scope.matching(|var| matches!(var.ty, Ty::Rec(_)));
                if records.is_empty() {
                    return self.local_statement();
                }
                let record = records[self.c.below(records.len())].clone();
                let Ty::Rec(shape) = record.ty else {
                    return None;
                };
                let fields = self.shapes[shape]
                    .fields
                    .iter()
                    .filter(|(_, ty)| !matches!(ty, Ty::Func(_)))
                    .cloned()
                    .collect::<Vec<_>>();
                if fields.is_empty() {
                    return None;
                }
                let (field, ty) = fields[self.c.below(fields.len())].clone();
                let value = self.assigned_value(&ty);
                let target = if self.c.chance(1, 4) {
                    Expr::index(Expr::name(&record.name), Expr::str(&field))
                } else {
                    Expr::field(Expr::name(&record.name), &field)
                };
                Some(Stat::Assign(vec![target], vec![value]))
            }
            2 => {
                // Append to a sequence, or overwrite its last element.
                let seqs = self.scope.matching(|var| matches!(var.ty, Ty::Seq(_)));
                if seqs.is_empty() {
                    return self.local_statement();
                }
                let seq = seqs[self.c.below(seqs.len())].clone();
                let Ty::Seq(element) = &seq.ty else {
                    return None;
                };
                let value = self.expr(element);
                let length = Expr::un(UnOp::Len, Expr::name(&seq.name));
                if self.c.chance(1, 3) {
                    // `if #s > 0 then s[#s] = v end`
                    let cond = Expr::bin(BinOp::Gt, length.clone(), Expr::Int(0));
                    let target = Expr::index(Expr::name(&seq.name), length);
                    Some(Stat::If(
                        vec![(cond, Block(vec![Stat::Assign(vec![target], vec![value])]))],
                        None,
                    ))
                } else {
                    let slot = Expr::bin(BinOp::Add, length, Expr::Int(1));
                    let target = Expr::index(Expr::name(&seq.name), slot);
                    Some(Stat::Assign(vec![target], vec![value]))
                }
            }
            _ => {
                // A multiple assignment, which evaluates every value before assigning: a swap.
                let vars = self.scope.matching(|var| {
                    !var.readonly && !is_helper_name(&var.name) && var.ty.is_printable()
                });
                if vars.len() < 2 {
                    return None;
                }
                let first = vars[self.c.below(vars.len())].clone();
                let same = vars
                    .iter()
                    .filter(|var| var.ty == first.ty && var.name != first.name)
                    .cloned()
                    .collect::<Vec<_>>();
                let second = same.first().cloned()?;
                Some(Stat::Assign(
                    vec![Expr::name(&first.name), Expr::name(&second.name)],
                    vec![Expr::name(&second.name), Expr::name(&first.name)],
                ))
            }
        }
    }

    /// A value for an assignment to something of type `ty`. Strings assigned to existing
    /// variables are cut to a few dozen bytes, so that `s = s .. s` in a loop cannot grow
    /// without bound.
    fn assigned_value(&mut self, ty: &Ty) -> Expr {
        let value = self.expr(ty);
        if *ty == Ty::Str && !matches!(value, Expr::Str(_)) {
            Expr::method(Expr::paren(value), "sub", vec![Expr::Int(1), Expr::Int(40)])
        } else {
            value
        }
    }

    /// A call whose results are dropped: a function, a method, or a library function with
    /// side effects.
    fn call_statement(&mut self) -> Option<Stat> {
        let functions = self.callable_functions(|_| true);
        if functions.is_empty() || self.c.chance(1, 3) {
            return Some(self.print_statement());
        }
        let var = functions[self.c.below(functions.len())].clone();
        let Ty::Func(sig) = &var.ty else {
            return None;
        };
        let args = self.arguments(sig);
        Some(Stat::Call(Expr::call(Expr::name(&var.name), args)))
    }

    /// Visible function variables whose calls fit in the work budget and match `keep`.
    pub(crate) fn callable_functions(&mut self, keep: impl Fn(&Sig) -> bool) -> Vec<Var> {
        let (cost, mult, cap) = {
            let ctx = self.ctx();
            (ctx.cost, ctx.mult, ctx.cap)
        };
        self.scope.matching(|var| match &var.ty {
            Ty::Func(sig) => keep(sig) && cost.saturating_add(mult.saturating_mul(var.cost)) <= cap,
            _ => false,
        })
    }

    /// `if c then ... elseif c then ... else ... end`
    fn if_statement(&mut self) -> Stat {
        let arms_count = self.c.weighted(&[6, 2, 1]) + 1;
        let mut arms = Vec::new();
        for _ in 0..arms_count {
            let cond = self.condition();
            let body = self.block(4, |_| {});
            arms.push((cond, body));
        }
        let otherwise = self.c.chance(1, 2).then(|| self.block(4, |_| {}));
        Stat::If(arms, otherwise)
    }

    /// A condition: usually a boolean, sometimes any value (only `nil` and `false` are false).
    pub(crate) fn condition(&mut self) -> Expr {
        if self.c.chance(1, 6) {
            let ty = self.value_type();
            self.expr(&ty)
        } else {
            self.expr(&Ty::Bool)
        }
    }

    /// Runs `body` with the loop multiplier raised by `iterations`; refuses when loops are
    /// already nested too deeply for the work budget.
    pub(crate) fn in_loop<T>(
        &mut self,
        iterations: u64,
        body: impl FnOnce(&mut Self) -> T,
    ) -> Option<T> {
        let mult = self.ctx().mult;
        let new_mult = mult.saturating_mul(iterations.max(1));
        if new_mult > MAX_LOOP_PRODUCT * self.fns.len() as u64 && iterations > 1 {
            return None;
        }
        {
            let ctx = self.ctx_mut();
            ctx.mult = new_mult;
            ctx.loops += 1;
        }
        let result = body(self);
        let ctx = self.ctx_mut();
        ctx.mult = mult;
        ctx.loops -= 1;
        Some(result)
    }

    /// A numeric `for`, with bounds that keep it short: small literals, lengths, or one of the
    /// corner cases (float steps, integer extremes, a string limit, an empty range).
    fn numeric_for(&mut self) -> Option<Stat> {
        let (start, stop, step, iterations, float) = match self.c.weighted(&[8, 3, 3, 2, 2, 1]) {
            0 => {
                let start = self.c.range(0, 3);
                let stop = start + self.c.range(-1, 4);
                (
                    Expr::Int(start),
                    Expr::Int(stop),
                    None,
                    (stop - start + 1).max(0),
                    false,
                )
            }
            1 => {
                let start = self.c.range(3, 6);
                let step = -self.c.range(1, 2);
                let stop = self.c.range(-2, 2);
                let count = (start - stop) / -step + 1;
                (
                    Expr::Int(start),
                    Expr::Int(stop),
                    Some(Expr::Int(step)),
                    count.max(0),
                    false,
                )
            }
            2 => {
                // Length-bounded: strings and sequences stay short.
                let lengths = self
                    .scope
                    .matching(|var| matches!(var.ty, Ty::Str | Ty::Seq(_)));
                if lengths.is_empty() {
                    (Expr::Int(1), Expr::Int(2), None, 2, false)
                } else {
                    let var = lengths[self.c.below(lengths.len())].clone();
                    let stop = Expr::un(UnOp::Len, Expr::name(&var.name));
                    let stop = if var.ty == Ty::Str {
                        Expr::call_named("math.min", vec![stop, Expr::Int(6)])
                    } else {
                        stop
                    };
                    (Expr::Int(1), stop, None, 6, false)
                }
            }
            3 => {
                let (start, stop, step) = self.c.pick(&[
                    (0.0, 1.0, 0.25),
                    (1.0, 2.5, 0.5),
                    (2.0, 0.0, -0.5),
                    (0.1, 0.5, 0.1),
                    (-1.0, 1.0, 0.75),
                ]);
                (
                    Expr::Float(start),
                    Expr::Float(stop),
                    Some(Expr::Float(step)),
                    5,
                    true,
                )
            }
            4 => {
                // Lua 5.3 does not check integer loops for overflow, so a loop must end
                // before its control variable would wrap around: `for i = 1, math.huge,
                // 2^62` never ends.
                let (start, stop, step) = self.c.pick(&[
                    ("math.maxinteger - 2", "math.maxinteger - 1", None),
                    ("math.mininteger", "math.mininteger + 2", None),
                    ("math.mininteger + 2", "math.mininteger + 1", Some(-1)),
                    ("1", "3.7", None),
                    ("1", "\"3\"", None),
                    ("3", "1", None),
                    ("1", "0", Some(-1)),
                    ("-3", "-3.5", Some(-1)),
                    ("0", "-0.0", None),
                ]);
                (
                    raw_int_expr(start),
                    raw_int_expr(stop),
                    step.map(Expr::Int),
                    3,
                    false,
                )
            }
            _ => {
                // A float loop written with integer-looking values.
                (Expr::Int(1), Expr::Int(2), Some(Expr::Float(0.5)), 3, true)
            }
        };
        let var = self.fresh("i");
        let ty = if float { Ty::Float } else { Ty::Int };
        let body = self.in_loop(iterations as u64, |g| {
            g.block(5, |g| g.declare_readonly(&var, ty))
        })?;
        Some(Stat::NumFor(var, start, stop, step, body))
    }

    /// A generic `for`: sorted pairs over a table, `ipairs` over a sequence, `gmatch`, or a
    /// hand-written iterator.
    fn generic_for(&mut self) -> Option<Stat> {
        let tables = self
            .scope
            .matching(|var| matches!(var.ty, Ty::Seq(_) | Ty::Rec(_)));
        let choice = self.c.weighted(&[4, 4, 2, 2]);
        if choice == 2 && self.has(Feature::Patterns) {
            return self.gmatch_loop();
        }
        if choice == 3 || tables.is_empty() {
            return self.iterator_loop();
        }
        let table = tables[self.c.below(tables.len())].clone();
        let key = self.fresh("k");
        let value = self.fresh("v");
        match (&table.ty, choice) {
            (Ty::Seq(element), 0) => {
                let element = (**element).clone();
                let mut body = self.in_loop(6, |g| {
                    g.block(4, |g| {
                        g.declare_readonly(&key, Ty::Int);
                        g.declare(&value, element);
                    })
                })?;
                // The body may append to the sequence, directly or through a call, and
                // `ipairs` would then never end.
                body.0.insert(
                    0,
                    Stat::If(
                        vec![(
                            Expr::bin(BinOp::Gt, Expr::name(&key), Expr::Int(6)),
                            Block(vec![Stat::Break]),
                        )],
                        None,
                    ),
                );
                Some(Stat::GenFor(
                    vec![key, value],
                    vec![Expr::call_named("ipairs", vec![Expr::name(&table.name)])],
                    body,
                ))
            }
            (Ty::Seq(element), _) => {
                let element = (**element).clone();
                let body = self.in_loop(6, |g| {
                    g.block(4, |g| {
                        g.declare_readonly(&key, Ty::Int);
                        g.declare(&value, element);
                    })
                })?;
                Some(Stat::GenFor(
                    vec![key, value],
                    vec![Expr::call_named("spairs", vec![Expr::name(&table.name)])],
                    body,
                ))
            }
            _ => {
                let body = self.in_loop(6, |g| {
                    g.block(4, |g| {
                        g.declare_readonly(&key, Ty::Str);
                        g.declare(&value, Ty::Any);
                    })
                })?;
                Some(Stat::GenFor(
                    vec![key, value],
                    vec![Expr::call_named("spairs", vec![Expr::name(&table.name)])],
                    body,
                ))
            }
        }
    }

    /// `for i, x in iter, state, init do`: a stateless iterator function written out, which
    /// counts up to a small limit.
    fn iterator_loop(&mut self) -> Option<Stat> {
        let limit = self.c.range(0, 4);
        let state = self.fresh("st");
        let control = self.fresh("c");
        // function(st, c) if c < limit then return c + 1, st .. c end end
        let iterator = Expr::function(
            vec![state.clone(), control.clone()],
            false,
            Block(vec![Stat::If(
                vec![(
                    Expr::bin(BinOp::Lt, Expr::name(&control), Expr::Int(limit)),
                    Block(vec![Stat::Return(vec![
                        Expr::bin(BinOp::Add, Expr::name(&control), Expr::Int(1)),
                        Expr::bin(BinOp::Concat, Expr::name(&state), Expr::name(&control)),
                    ])]),
                )],
                None,
            )]),
        );
        let prefix = self.string_literal();
        let key = self.fresh("n");
        let value = self.fresh("s");
        let body = self.in_loop(limit as u64, |g| {
            g.block(4, |g| {
                g.declare_readonly(&key, Ty::Int);
                g.declare(&value, Ty::Str);
            })
        })?;
        Some(Stat::GenFor(
            vec![key, value],
            vec![iterator, prefix, Expr::Int(0)],
            body,
        ))
    }

    /// `local c = 0 while c < n and cond do c = c + 1 ... end`: the counter is read-only to
    /// the body, so the loop ends.
    fn while_loop(&mut self) -> Option<Stat> {
        let counter = self.fresh("w");
        let limit = self.c.range(0, 5);
        let cond = self.expr(&Ty::Bool);
        let guard = Expr::bin(BinOp::Lt, Expr::name(&counter), Expr::Int(limit));
        let cond = if self.c.chance(1, 2) {
            Expr::bin(BinOp::And, guard, cond)
        } else {
            guard
        };
        let body = self.in_loop(limit as u64, |g| {
            let mut body = g.block(4, |_| {});
            body.0.insert(
                0,
                Stat::Assign(
                    vec![Expr::name(&counter)],
                    vec![Expr::bin(BinOp::Add, Expr::name(&counter), Expr::Int(1))],
                ),
            );
            body
        })?;
        Some(Stat::Do(Block(vec![
            Stat::Local(vec![counter.clone()], vec![Expr::Int(0)]),
            Stat::While(cond, body),
        ])))
    }

    /// `local c = 0 repeat c = c + 1 ... until c >= n or cond`: the condition sees the body's
    /// locals.
    fn repeat_loop(&mut self) -> Option<Stat> {
        let counter = self.fresh("r");
        let limit = self.c.range(1, 5);
        let body = self.in_loop(limit as u64, |g| {
            g.scope.open_block();
            g.block_depth += 1;
            let mut stats = vec![Stat::Assign(
                vec![Expr::name(&counter)],
                vec![Expr::bin(BinOp::Add, Expr::name(&counter), Expr::Int(1))],
            )];
            while stats.len() < 5 && g.fuel > 0 && g.c.chance(3, 4) {
                stats.extend(g.statement());
            }
            // The condition is generated while the body's locals are still in scope.
            let guard = Expr::bin(BinOp::Ge, Expr::name(&counter), Expr::Int(limit));
            let cond = if g.c.chance(1, 2) {
                let extra = g.expr(&Ty::Bool);
                Expr::bin(BinOp::Or, guard, extra)
            } else {
                guard
            };
            g.block_depth -= 1;
            g.scope.close_block();
            (Block(stats), cond)
        })?;
        Some(Stat::Do(Block(vec![
            Stat::Local(vec![counter.clone()], vec![Expr::Int(0)]),
            Stat::Repeat(body.0, body.1),
        ])))
    }

    fn break_statement(&mut self) -> Stat {
        let cond = self.expr(&Ty::Bool);
        Stat::If(vec![(cond, Block(vec![Stat::Break]))], None)
    }

    fn early_return(&mut self) -> Option<Stat> {
        let rets = self.ctx().rets.clone()?;
        let cond = self.expr(&Ty::Bool);
        let mut values = rets.iter().map(|ty| self.expr(ty)).collect::<Vec<_>>();
        close_list(&mut values);
        Some(Stat::If(
            vec![(cond, Block(vec![Stat::Return(values)]))],
            None,
        ))
    }

    // ---- Functions ----

    /// The body of a function literal without parameters or results, in its own function
    /// context (so `break`, labels and `return` belong to it); its work is charged to the
    /// enclosing function as one call.
    pub(crate) fn function_block(&mut self, max_statements: usize) -> Block {
        let saved_depth = self.depth;
        self.depth = 0;
        self.fns
            .push(FnCtx::new(None, Some(Vec::new()), FUNCTION_COST / 4));
        let body = self.block(max_statements, |_| {});
        let ctx = self.fns.pop().expect("pushed above");
        self.depth = saved_depth;
        let _ = self.afford(ctx.cost);
        body
    }

    /// A random signature.
    pub(crate) fn signature(&mut self) -> Sig {
        let params = (0..self.c.weighted(&[2, 4, 3, 1]))
            .map(|_| self.param_type())
            .collect();
        let vararg = (self.has(Feature::Varargs) && self.c.chance(1, 6)).then_some(Ty::Int);
        let rets = match self.c.weighted(&[2, 6, 2, 1]) {
            0 => Vec::new(),
            1 => vec![self.value_type()],
            2 => vec![self.value_type(), self.value_type()],
            _ => vec![self.value_type(), self.value_type(), self.printable_type()],
        };
        Sig {
            params,
            vararg,
            rets,
        }
    }

    /// A function literal of type `sig`, and the work one call does.
    pub(crate) fn function_body(&mut self, sig: &Sig, cap: u64) -> (Func, u64) {
        self.function_body_named(sig, cap, None)
    }

    /// A function of type `sig`; `recursive` names the function itself for bounded recursion.
    pub(crate) fn function_body_named(
        &mut self,
        sig: &Sig,
        cap: u64,
        recursive: Option<Recursion>,
    ) -> (Func, u64) {
        self.function_body_full(sig, cap, recursive, None)
    }

    /// A function of type `sig` whose first parameter, if `first_name` is given, has that
    /// name (`self` for methods).
    pub(crate) fn function_body_full(
        &mut self,
        sig: &Sig,
        cap: u64,
        recursive: Option<Recursion>,
        first_name: Option<&str>,
    ) -> (Func, u64) {
        let mut params = sig
            .params
            .iter()
            .map(|ty| self.fresh(prefix_for(ty)))
            .collect::<Vec<_>>();
        if let (Some(first), Some(name)) = (params.first_mut(), first_name) {
            *first = name.to_string();
        }
        let too_deep = self.fns.len() > MAX_FUNCTION_DEPTH;
        let saved_depth = self.depth;
        self.depth = 0;
        // The depth parameter of a recursive function is never assigned to.
        let first_readonly = recursive.is_some();
        let mut ctx = FnCtx::new(sig.vararg.clone(), Some(sig.rets.clone()), cap);
        ctx.recursive = recursive;
        self.fns.push(ctx);
        let max_statements = if too_deep { 0 } else { 5 };
        let declare_params = |g: &mut Self| {
            for (index, (name, ty)) in params.iter().zip(&sig.params).enumerate() {
                if index == 0 && first_readonly {
                    g.declare_readonly(name, ty.clone());
                } else {
                    g.declare(name, ty.clone());
                }
            }
        };
        // The final `return` is generated in the body's scope: it may read the body's locals,
        // which may shadow parameters.
        self.scope.open_block();
        self.block_depth += 1;
        declare_params(self);
        let mut stats = Vec::new();
        while stats.len() < max_statements && self.fuel > 0 && self.c.chance(4, 5) {
            stats.extend(self.statement());
        }
        if !sig.rets.is_empty() || self.c.chance(1, 4) {
            stats.push(self.return_statement(&sig.rets));
        }
        self.block_depth -= 1;
        self.scope.close_block();
        let body = Block(stats);
        let ctx = self.fns.pop().expect("pushed above");
        self.depth = saved_depth;
        (
            Func {
                params,
                vararg: sig.vararg.is_some(),
                body,
            },
            ctx.cost,
        )
    }

    /// `return` with values of the given types, sometimes as a tail call of a function that
    /// returns exactly those.
    fn return_statement(&mut self, rets: &[Ty]) -> Stat {
        if !rets.is_empty() && self.c.chance(1, 4) {
            let rets_owned = rets.to_vec();
            let candidates = self.callable_functions(|sig| {
                sig.rets.len() == rets_owned.len()
                    && sig
                        .rets
                        .iter()
                        .zip(&rets_owned)
                        .all(|(have, want)| have.fits(want))
            });
            if !candidates.is_empty() {
                let var = candidates[self.c.below(candidates.len())].clone();
                if let Ty::Func(sig) = &var.ty {
                    let args = self.arguments(sig);
                    let _ = self.afford(var.cost);
                    return Stat::Return(vec![Expr::call(Expr::name(&var.name), args)]);
                }
            }
        }
        let mut values = rets.iter().map(|ty| self.expr(ty)).collect::<Vec<_>>();
        close_list(&mut values);
        Stat::Return(values)
    }

    /// `local function f(...) ... end`, usable afterwards.
    fn local_function(&mut self) -> Option<Stat> {
        if !self.room_for_locals() || self.fns.len() > MAX_FUNCTION_DEPTH {
            return None;
        }
        let sig = self.signature();
        let name = self.fresh("f");
        let (func, cost) = self.function_body(&sig, FUNCTION_COST);
        let level = self.fns.len() - 1;
        self.scope.declare(Var {
            name: name.clone(),
            ty: Ty::Func(Rc::new(sig)),
            level,
            readonly: false,
            cost,
        });
        Some(Stat::LocalFunction(name, func))
    }

    /// A global variable or function, defined at the top level so that it is defined for the
    /// rest of the program.
    fn global_definition(&mut self) -> Option<Stat> {
        let name = self.fresh("G");
        if self.c.chance(1, 2) {
            let sig = self.signature();
            let (func, cost) = self.function_body(&sig, FUNCTION_COST);
            self.scope.declare_global(Var {
                name: name.clone(),
                ty: Ty::Func(Rc::new(sig)),
                level: 0,
                readonly: false,
                cost,
            });
            Some(Stat::Function(vec![name], false, func))
        } else {
            let ty = self.value_type();
            let value = self.expr(&ty);
            self.scope.declare_global(Var {
                name: name.clone(),
                ty,
                level: 0,
                readonly: false,
                cost: FUNCTION_COST,
            });
            Some(Stat::Assign(vec![Expr::name(&name)], vec![value]))
        }
    }

    /// A record whose function fields are methods (`function r:m(...)` and `function r.f(...)`),
    /// then calls of them.
    fn record_with_methods(&mut self) -> Vec<Stat> {
        if !self.room_for_locals() || self.fns.len() > MAX_FUNCTION_DEPTH {
            return Vec::new();
        }
        let name = self.fresh("t");
        let shape_index = self.shapes.len();
        let mut fields = vec![("x".to_string(), Ty::Int), ("name".to_string(), Ty::Str)];
        if self.c.chance(1, 2) {
            fields.push(("list".to_string(), Ty::Seq(Box::new(Ty::Int))));
        }
        self.shapes.push(Shape {
            fields: fields.clone(),
        });
        let constructor = Expr::Table(
            fields
                .iter()
                .map(|(field, ty)| {
                    let value = self.expr(ty);
                    Item::Named(field.clone(), value)
                })
                .collect(),
        );
        let mut stats = vec![Stat::Local(vec![name.clone()], vec![constructor])];
        self.declare(&name, Ty::Rec(shape_index));
        let method_count = self.c.range(1, 2);
        for index in 0..method_count {
            let is_method = index == 0 || self.c.chance(1, 2);
            let method_name = format!("m{index}");
            let mut sig = self.signature();
            sig.vararg = None;
            let (mut func, cost) = if is_method {
                // The body sees `self` as the record.
                let mut with_self = sig.clone();
                with_self.params.insert(0, Ty::Rec(shape_index));
                self.function_body_full(&with_self, FUNCTION_COST, None, Some("self"))
            } else {
                self.function_body(&sig, FUNCTION_COST)
            };
            if is_method {
                func.params.remove(0);
            }
            stats.push(Stat::Function(
                vec![name.clone(), method_name.clone()],
                is_method,
                func,
            ));
            // The record stays in scope after these statements, so it must not be in a block.
            // Call it once right away, printing what it gives.
            if self.afford(cost) {
                let args = self.arguments(&sig);
                let call = if is_method {
                    Expr::method(Expr::name(&name), &method_name, args)
                } else {
                    Expr::call(Expr::field(Expr::name(&name), &method_name), args)
                };
                stats.push(Stat::Call(Expr::call_named("P", vec![call])));
            }
        }
        stats
    }

    /// The arguments for a call of a function of type `sig`: one per parameter, then for a
    /// vararg function a few more, possibly ending with `...` or a call whose results expand.
    pub(crate) fn arguments(&mut self, sig: &Sig) -> Vec<Expr> {
        let mut args = sig
            .params
            .iter()
            .map(|ty| self.expr(ty))
            .collect::<Vec<_>>();
        if let Some(element) = &sig.vararg {
            for _ in 0..self.c.below(4) {
                args.push(self.expr(element));
            }
            if self.ctx().vararg.as_ref() == Some(element) && self.c.chance(1, 3) {
                args.push(Expr::Vararg);
            }
        } else if self.c.chance(1, 12) {
            // An extra argument, which the callee ignores.
            let ty = self.printable_type();
            args.push(self.expr(&ty));
        }
        close_list(&mut args);
        args
    }

    /// A call of a visible function that returns more than one value, with its type.
    pub(crate) fn multi_call(&mut self) -> Option<(Expr, Rc<Sig>)> {
        let functions = self.callable_functions(|sig| sig.rets.len() > 1);
        if functions.is_empty() {
            return None;
        }
        let var = functions[self.c.below(functions.len())].clone();
        let Ty::Func(sig) = &var.ty else {
            return None;
        };
        let _ = self.afford(var.cost);
        let args = self.arguments(sig);
        Some((Expr::call(Expr::name(&var.name), args), sig.clone()))
    }

    // ---- Types ----

    /// A type for a new variable.
    pub(crate) fn value_type(&mut self) -> Ty {
        match self.c.weighted(&[5, 3, 2, 4, 2, 2, 1, 1, 1]) {
            0 => Ty::Int,
            1 => Ty::Float,
            2 => Ty::Num,
            3 => Ty::Str,
            4 => Ty::Bool,
            5 => Ty::Seq(Box::new(self.element_type())),
            6 => self.record_type(),
            7 => self.object_type().unwrap_or(Ty::Int),
            _ => Ty::Nil,
        }
    }

    /// A type for a parameter: values and, sometimes, functions.
    fn param_type(&mut self) -> Ty {
        if self.c.chance(1, 8) && self.fns.len() <= MAX_FUNCTION_DEPTH {
            let ret = self.printable_type();
            let param = self.printable_type();
            Ty::Func(Rc::new(Sig {
                params: vec![param],
                vararg: None,
                rets: vec![ret],
            }))
        } else if self.c.chance(1, 10) {
            Ty::Any
        } else {
            self.value_type()
        }
    }

    /// A type whose values print the same in every run.
    pub(crate) fn printable_type(&mut self) -> Ty {
        match self.c.weighted(&[5, 3, 2, 4, 2, 1]) {
            0 => Ty::Int,
            1 => Ty::Float,
            2 => Ty::Num,
            3 => Ty::Str,
            4 => Ty::Bool,
            _ => Ty::Nil,
        }
    }

    /// Any type, for values that are only printed through `P`, compared or passed on.
    pub(crate) fn any_type(&mut self) -> Ty {
        if self.c.chance(1, 3) {
            Ty::Any
        } else {
            self.value_type()
        }
    }

    /// The element type of a new sequence.
    pub(crate) fn element_type(&mut self) -> Ty {
        match self.c.weighted(&[5, 4, 2, 1, 1]) {
            0 => Ty::Int,
            1 => Ty::Str,
            2 => Ty::Float,
            3 => Ty::Bool,
            _ => Ty::Seq(Box::new(Ty::Int)),
        }
    }

    /// A record type: an existing shape, or a new one with a few typed fields.
    fn record_type(&mut self) -> Ty {
        if !self.shapes.is_empty() && self.c.chance(1, 2) {
            return Ty::Rec(self.c.below(self.shapes.len()));
        }
        let count = self.c.range(1, 4) as usize;
        let names = ["a", "b", "c", "d"];
        let fields = (0..count)
            .map(|index| {
                let ty = match self.c.weighted(&[4, 2, 3, 2, 1]) {
                    0 => Ty::Int,
                    1 => Ty::Float,
                    2 => Ty::Str,
                    3 => Ty::Bool,
                    _ => Ty::Seq(Box::new(Ty::Int)),
                };
                (names[index].to_string(), ty)
            })
            .collect();
        self.shapes.push(Shape { fields });
        Ty::Rec(self.shapes.len() - 1)
    }

    /// The instance type of a class whose table is visible.
    pub(crate) fn object_type(&mut self) -> Option<Ty> {
        let visible = (0..self.classes.len())
            .filter(|&index| self.scope.is_visible(&self.classes[index].name))
            .collect::<Vec<_>>();
        if visible.is_empty() {
            return None;
        }
        Some(Ty::Obj(visible[self.c.below(visible.len())]))
    }
}

/// Keeps a list of values at its length: a call or `...` at its end would add all its values
/// (of types the generator did not plan for), so it is cut to one value with parentheses.
pub(crate) fn close_list(list: &mut [Expr]) {
    if let Some(last) = list.last_mut() {
        if last.is_multi() {
            let inner = std::mem::replace(last, Expr::Nil);
            *last = Expr::paren(inner);
        }
    }
}

/// A variable-name prefix that hints at the type, for readable programs.
pub(crate) fn prefix_for(ty: &Ty) -> &'static str {
    match ty {
        Ty::Int => "n",
        Ty::Float => "x",
        Ty::Num => "u",
        Ty::Str => "s",
        Ty::Bool => "b",
        Ty::Nil => "z",
        Ty::Seq(_) => "q",
        Ty::Rec(_) => "r",
        Ty::Obj(_) => "o",
        Ty::Func(_) => "fn",
        Ty::Any | Ty::Opaque => "a",
    }
}

/// An integer expression written as Lua text in a table of corner cases: a numeral, or a
/// `math.` constant plus or minus a numeral.
fn raw_int_expr(text: &str) -> Expr {
    if let Ok(value) = text.parse::<i64>() {
        return Expr::Int(value);
    }
    if let Some(rest) = text.strip_prefix('-') {
        return Expr::un(UnOp::Neg, raw_int_expr(rest));
    }
    if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        return Expr::str(inner);
    }
    if let Ok(value) = text.parse::<f64>() {
        return Expr::Float(value);
    }
    let mut parts = text.split(' ');
    let base = Expr::path(parts.next().unwrap_or(text));
    match (
        parts.next(),
        parts.next().and_then(|n| n.parse::<i64>().ok()),
    ) {
        (Some("+"), Some(n)) => Expr::bin(BinOp::Add, base, Expr::Int(n)),
        (Some("-"), Some(n)) => Expr::bin(BinOp::Sub, base, Expr::Int(n)),
        _ => base,
    }
}
