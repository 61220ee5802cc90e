//! Statement templates for what random statements rarely produce on their own: closures that
//! capture loop variables and share upvalues, `goto`, bounded and deep-tail recursion, vararg
//! functions, coroutines, and a deliberate stack overflow.

use std::rc::Rc;

use super::ast::{BinOp, Block, Expr, Stat, UnOp};
use super::stat::{Generator, Recursion, FUNCTION_COST};
use super::types::{Sig, Ty};

impl Generator<'_> {
    /// Closures: a loop that stores one closure per iteration (each captures that iteration's
    /// variables), or a counter whose state is an upvalue shared by two closures.
    pub(crate) fn closures(&mut self) -> Option<Stat> {
        if !self.afford(30) {
            return None;
        }
        if self.c.chance(1, 3) {
            return Some(self.escaping_closures());
        }
        if self.c.chance(1, 2) {
            let list = self.fresh("fs");
            let index = self.fresh("i");
            let local = self.fresh("j");
            let count = self.c.range(1, 4);
            // The closure's result is computed from the captured variables.
            self.scope.open_block();
            self.declare_readonly(&index, Ty::Int);
            self.declare(&local, Ty::Int);
            let captured = {
                self.fns.push(super::stat::FnCtx::closure());
                let value = self.expr(&Ty::Int);
                self.fns.pop();
                value
            };
            self.scope.close_block();
            let mutate = self.c.chance(1, 2);
            let mut body = Vec::new();
            if mutate {
                body.push(Stat::Assign(
                    vec![Expr::name(&local)],
                    vec![Expr::bin(BinOp::Add, Expr::name(&local), Expr::Int(1))],
                ));
            }
            body.push(Stat::Return(vec![captured]));
            let closure = Expr::function(vec![], false, Block(body));
            let call_each = Stat::Raw(format!("for _, f in ipairs({list}) do print(f(), f()) end"));
            Some(Stat::Do(Block(vec![
                Stat::Local(vec![list.clone()], vec![Expr::Table(vec![])]),
                Stat::NumFor(
                    index.clone(),
                    Expr::Int(1),
                    Expr::Int(count),
                    None,
                    Block(vec![
                        Stat::Local(
                            vec![local.clone()],
                            vec![Expr::bin(BinOp::Mul, Expr::name(&index), Expr::Int(10))],
                        ),
                        Stat::Assign(
                            vec![Expr::index(
                                Expr::name(&list),
                                Expr::bin(
                                    BinOp::Add,
                                    Expr::un(UnOp::Len, Expr::name(&list)),
                                    Expr::Int(1),
                                ),
                            )],
                            vec![closure],
                        ),
                    ]),
                ),
                call_each,
            ])))
        } else {
            // Two closures sharing one upvalue, returned from a factory, then called.
            let factory = self.fresh("mk");
            let state = self.fresh("c");
            let step = self.c.range(1, 3);
            let start = self.int_literal();
            let get = self.fresh("get");
            let bump = self.fresh("inc");
            let text = format!(
                "local function {factory}(n)\n  local {state} = n\n  return function() {state} = {state} + {step} return {state} end, function() return {state} end\nend\nlocal {bump}, {get} = {factory}({start})\nprint({bump}(), {bump}(), {get}())\nlocal {bump}2, {get}2 = {factory}(0)\nprint({bump}2(), {get}(), {get}2())",
                start = super::ast::render_expr(&start),
            );
            Some(Stat::Do(Block(vec![Stat::Raw(text)])))
        }
    }

    /// Closures over locals of loop bodies that are left by `break`, `goto` or the end of a
    /// `repeat` whose condition reads the captured local: each exit must close the upvalues.
    fn escaping_closures(&mut self) -> Stat {
        let list = self.fresh("fs");
        let n = self.c.range(1, 4);
        let step = self.c.range(1, 3);
        let text = match self.c.below(4) {
            0 => format!(
                "local {list}, i = {{}}, 0\nwhile true do\n  i = i + 1\n  local x = i * 2\n  {list}[#{list} + 1] = function() x = x + {step} return x end\n  if i >= {n} then break end\nend\nprint(#{list}, {list}[1](), {list}[#{list}](), {list}[1]())"
            ),
            1 => format!(
                "local {list}, n = {{}}, 0\nrepeat\n  local y = n\n  {list}[#{list} + 1] = function() y = y + {step} return y end\n  n = n + 1\nuntil (function() return y >= {n} end)()\nfor _, f in ipairs({list}) do print(f(), f()) end"
            ),
            2 => format!(
                "local {list} = {{}}\nfor i = 1, {n} + 1 do\n  local z = i\n  if i % 2 == 0 then goto cont end\n  {list}[#{list} + 1] = function() z = z * 10 return z end\n  ::cont::\nend\nfor _, f in ipairs({list}) do print(f(), f()) end"
            ),
            _ => format!(
                "local {list} = {{}}\nfor i = 1, 3 do\n  local a, b = i, -i\n  {list}[i] = {{function() a = a + {step} return a end, function() return a + b end}}\n  if i == {n} then break end\nend\nfor _, p in ipairs({list}) do print(p[1](), p[2](), p[1]()) end"
            ),
        };
        Stat::Do(Block(vec![Stat::Raw(text)]))
    }

    /// `goto`: a `continue` in a loop, or a backward jump that forms a loop.
    pub(crate) fn goto_statement(&mut self) -> Option<Stat> {
        self.ctx_mut().labels += 1;
        let label = format!("L{}", self.ctx().labels);
        if self.c.chance(1, 2) {
            // for i = 1, n do if cond then goto continue end ... ::continue:: end
            let var = self.fresh("i");
            let count = self.c.range(1, 4);
            let body = self.in_loop(count as u64, |g| {
                let cond_and_rest = g.block(3, |g| g.declare_readonly(&var, Ty::Int));
                let mut scope_for_cond = Vec::new();
                g.scope.open_block();
                g.declare_readonly(&var, Ty::Int);
                let cond = g.expr(&Ty::Bool);
                g.scope.close_block();
                scope_for_cond.push(Stat::If(
                    vec![(cond, Block(vec![Stat::Goto(label.clone())]))],
                    None,
                ));
                scope_for_cond.push(Stat::Call(Expr::call_named(
                    "print",
                    vec![Expr::str("at"), Expr::name(&var)],
                )));
                scope_for_cond.extend(cond_and_rest.0);
                scope_for_cond.push(Stat::Label(label.clone()));
                Block(scope_for_cond)
            })?;
            Some(Stat::NumFor(
                var,
                Expr::Int(1),
                Expr::Int(count),
                None,
                body,
            ))
        } else {
            let counter = self.fresh("g");
            let limit = self.c.range(1, 4);
            Some(Stat::Do(Block(vec![
                Stat::Local(vec![counter.clone()], vec![Expr::Int(0)]),
                Stat::Label(label.clone()),
                Stat::Assign(
                    vec![Expr::name(&counter)],
                    vec![Expr::bin(BinOp::Add, Expr::name(&counter), Expr::Int(1))],
                ),
                Stat::Call(Expr::call_named("print", vec![Expr::name(&counter)])),
                Stat::If(
                    vec![(
                        Expr::bin(BinOp::Lt, Expr::name(&counter), Expr::Int(limit)),
                        Block(vec![Stat::Goto(label)]),
                    )],
                    None,
                ),
            ])))
        }
    }

    /// Bounded recursion: a function whose first parameter is a depth that every call of
    /// itself lowers, called with a small depth; or a deep tail recursion, which runs in
    /// constant stack space.
    pub(crate) fn recursion(&mut self) -> Option<Stat> {
        if self.c.chance(1, 3) {
            let name = self.fresh("loop");
            let depth = self.c.pick(&[10, 100, 1000, 5000]);
            if !self.afford(depth as u64 / 20 + 1) {
                return None;
            }
            let step = self.c.range(1, 3);
            let text = format!(
                "local function {name}(n, acc)\n  if n <= 0 then return acc end\n  return {name}(n - 1, acc + n % {step})\nend\nprint({name}({depth}, 0))"
            );
            return Some(Stat::Do(Block(vec![Stat::Raw(text)])));
        }
        let name = self.fresh("rec");
        let depth_param = self.fresh("d");
        let mut sig = Sig {
            params: vec![Ty::Int],
            vararg: None,
            rets: vec![self.c.pick(&[Ty::Int, Ty::Str, Ty::Num])],
        };
        if self.c.chance(1, 2) {
            sig.params.push(Ty::Int);
        }
        let sig = Rc::new(sig);
        let max_depth = self.c.range(0, 5);
        let cost = FUNCTION_COST / (1 << max_depth);
        if !self.afford(FUNCTION_COST) {
            return None;
        }
        // The body: a base case, then statements that may call the function itself.
        let recursion = Recursion {
            name: name.clone(),
            sig: sig.clone(),
            depth_param: depth_param.clone(),
        };
        // The function calls itself through `recursion`, never as a variable, so that it is
        // never used as a value of some other type.
        let (mut func, _) =
            self.function_body_full(&sig, cost, Some(recursion), Some(&depth_param));
        let base = self.leaf(&sig.rets[0]);
        func.body.0.insert(
            0,
            Stat::If(
                vec![(
                    Expr::bin(BinOp::Le, Expr::name(&depth_param), Expr::Int(0)),
                    Block(vec![Stat::Return(vec![base])]),
                )],
                None,
            ),
        );
        let mut args = vec![Expr::Int(max_depth)];
        for param in sig.params.iter().skip(1) {
            args.push(self.expr(param));
        }
        let call = Expr::call(Expr::name(&name), args);
        Some(Stat::Do(Block(vec![
            Stat::LocalFunction(name, func),
            Stat::Call(Expr::call_named("print", vec![call])),
        ])))
    }

    /// A vararg function, called with different numbers of arguments, nils included: `select`,
    /// `table.pack`, `...` in the middle and at the end of lists.
    pub(crate) fn varargs(&mut self) -> Option<Stat> {
        if !self.afford(20) {
            return None;
        }
        let name = self.fresh("va");
        let body = match self.c.below(5) {
            0 => "return select(\"#\", ...), ...",
            1 => "local t = table.pack(...) return t.n, t[1], t[t.n]",
            2 => "local a, b = ... return b, a, select(2, ...)",
            3 => "return (select(\"#\", ...)), {...}, ...",
            _ => "if select(\"#\", ...) > 0 then return select(-1, ...), (select(1, ...)) end return \"none\"",
        };
        let mut calls = Vec::new();
        for _ in 0..self.c.range(1, 3) {
            let count = self.c.below(4);
            let mut args = Vec::new();
            for _ in 0..count {
                if self.c.chance(1, 4) {
                    args.push(Expr::Nil);
                } else {
                    let ty = self.printable_type();
                    args.push(self.expr(&ty));
                }
            }
            if self.c.chance(1, 4) {
                if let Some((call, _)) = self.multi_call() {
                    args.push(call);
                }
            }
            calls.push(Stat::Call(Expr::call_named(
                "P",
                vec![Expr::call(Expr::name(&name), args)],
            )));
        }
        let mut stats = vec![Stat::Raw(format!("local function {name}(...) {body} end"))];
        stats.extend(calls);
        Some(Stat::Do(Block(stats)))
    }

    /// Runaway recursion caught by `pcall`: a Lua stack overflow, or a C stack overflow
    /// through a metamethod that calls itself.
    pub(crate) fn stack_overflow(&mut self) -> Option<Stat> {
        if !self.c.chance(1, 6) {
            return Some(self.print_statement());
        }
        let name = self.fresh("so");
        let text = if self.c.chance(1, 2) {
            // Fifty locals make each frame big, so the stack fills after about 20,000 calls
            // rather than 500,000.
            let locals = (1..=50)
                .map(|n| format!("v{n}"))
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                "local function {name}(n) local {locals} return 1 + {name}(n + 1) end\nlocal ok, e = pcall({name}, 1)\nprint(ok, e)"
            )
        } else {
            format!(
                "local {name} = setmetatable({{}}, {{__index = function(t, k) return t[k .. \"x\"] end}})\nlocal ok, e = pcall(function() return {name}.a end)\nprint(ok, e)"
            )
        };
        Some(Stat::Do(Block(vec![Stat::Raw(text)])))
    }

    /// Coroutines: a generator through `wrap`, `resume`/`yield` passing values both ways, an
    /// error inside a coroutine, `status` at each step, resuming a dead coroutine.
    pub(crate) fn coroutine_statement(&mut self) -> Option<Stat> {
        if !self.afford(40) {
            return None;
        }
        let name = self.fresh("co");
        let count = self.c.range(0, 3);
        let value = self.expr(&Ty::Int);
        let value = super::ast::render_expr(&value);
        let text = match self.c.below(5) {
            0 => format!(
                "local {name} = coroutine.wrap(function(a) for i = 1, {count} do a = coroutine.yield(a + i) end return \"done\", a end)\nprint({name}(1))\nfor i = 1, {count} do print({name}(i * 10)) end"
            ),
            1 => format!(
                "local {name} = coroutine.create(function(a, b) local c = coroutine.yield(a + b) local d, e = coroutine.yield(c * 2) return d + e, {value} end)\nprint(coroutine.resume({name}, 1, 2))\nprint(coroutine.status({name}))\nprint(coroutine.resume({name}, 5))\nprint(coroutine.resume({name}, 3, 4))\nprint(coroutine.status({name}), coroutine.resume({name}))"
            ),
            2 => format!(
                "local {name} = coroutine.create(function(x) coroutine.yield(x) error(\"inside \" .. x) end)\nprint(coroutine.resume({name}, {value}))\nprint(coroutine.resume({name}))\nprint(coroutine.status({name}), coroutine.resume({name}))"
            ),
            3 => format!(
                "local {name} = coroutine.wrap(function() print(coroutine.isyieldable(), select(2, coroutine.running())) local ok, v = pcall(coroutine.yield, 1) print(ok, v) return 2 end)\nprint(coroutine.isyieldable(), select(2, coroutine.running()))\nprint({name}())\nprint({name}(\"back\"))"
            ),
            _ => format!(
                "local {name} = coroutine.wrap(function() error({{code = {count}}}) end)\nlocal ok, e = pcall({name})\nprint(ok, type(e), type(e) == \"table\" and e.code)\nprint(pcall(coroutine.yield, 1))"
            ),
        };
        Some(Stat::Do(Block(vec![Stat::Raw(text)])))
    }
}
