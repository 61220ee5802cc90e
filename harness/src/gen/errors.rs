//! Runtime errors made on purpose: every kind the VM and the libraries raise, with the
//! variable descriptions of messages (`local`, `upvalue`, `global`, `field`, `method`,
//! `constant`), `error` with every kind of value and level, `assert`, and errors inside
//! metamethods and library callbacks. They run inside `pcall`/`xpcall`, whose results are
//! printed, or, for a few programs, end the program uncaught, so that the message and the
//! traceback are compared too.

use super::ast::{BinOp, Block, Expr, Stat, UnOp};
use super::stat::Generator;
use super::types::Ty;
use super::Feature;

/// How to call a link of an error chain from the next one: the link's name, or for links
/// reached through a table, a function that does it.
fn call_target(call: &str, name: &str) -> String {
    if call.starts_with(&format!("{name}(")) {
        name.to_string()
    } else {
        format!("(function(v) {call} end)")
    }
}

impl Generator<'_> {
    /// A statement raising an error, as Lua text; `n` is a fresh name it may use.
    fn error_text(&mut self) -> String {
        let n = self.fresh("e");
        let options: &[&str] = &[
            // Arithmetic, concatenation, length and bitwise operations on wrong types.
            "local {n} = nil\nreturn {n} + 1",
            "local {n} = {}\nreturn {n}.x * 2",
            "return {n} - 1",
            "local {n}\nreturn (function() return {n} .. \"x\" end)()",
            "return \"abc\" + 1",
            "return {} + 1",
            "local {n} = true\nreturn -{n}",
            "return \"a\" .. {}",
            "local {n} = {f = false}\nreturn {n}.f .. \"x\"",
            "local {n} = 5\nreturn #{n}",
            "return #nil",
            "return {} & 1",
            "return 1.5 | 0",
            "return 2^63 | 0",
            "return \"1.5\" | 1",
            "return \"x\" >> 1",
            "return math.huge // 1 | 0",
            // Indexing and calling what cannot be.
            "local {n} = nil\nreturn {n}.x",
            "local {n} = 5\nreturn {n}.y",
            "return (\"x\").y.z",
            "local {n} = {}\nreturn {n}.a.b",
            "local {n}\n{n}()",
            "local {n} = {}\n{n}.m()",
            "local {n} = {}\n{n}:m()",
            "{n}()",
            "local {n} = {}\nreturn {n}[1][2]",
            "return (5)()",
            "return (\"x\"):bad()",
            "return setmetatable({}, {__call = 5})()",
            "return setmetatable({}, {__index = 5}).x",
            "local {n} = {}\n{n}[nil] = 1",
            "local {n} = {}\n{n}[0/0] = 1",
            "rawset({}, nil, 1)",
            // Comparisons of values that have no order.
            "return {} < {}",
            "return 1 < \"x\"",
            "return nil <= 1",
            "return \"a\" >= 1",
            "return true < false",
            // Division by zero and conversions.
            "local {n} = 0\nreturn 1 // {n}",
            "local {n} = 0\nreturn 5 % {n}",
            "return math.mininteger // 0",
            "return math.tointeger(2^53) // 0",
            // `for` with bad control values.
            "for i = 1, \"x\" do end",
            "for i = nil, 2 do end",
            "for i = 1, 2, 0 do end",
            "for i = 1.0, 2, 0 do end",
            "for i = 1, 2, {} do end",
            // `error` with every kind of value and level.
            "error(\"plain message\")",
            "error(\"no position\", 0)",
            "local function {n}() error(\"caller's position\", 2) end\n{n}()",
            "error({code = 42})",
            "error(setmetatable({}, {__tostring = function() return \"custom object\" end}))",
            "error(42)",
            "error(1.5)",
            "error()",
            "error(nil)",
            "error(true)",
            "error(\"level 3\", 3)",
            // `assert`.
            "assert(false)",
            "assert(nil, \"assertion with message\")",
            "assert(1 == 2, 42)",
            "assert(false, {})",
            "assert()",
            // Bad arguments to library functions.
            "return string.rep()",
            "return (\"x\"):rep(\"y\")",
            "return string.sub()",
            "return string.char(256)",
            "return string.char(-1)",
            "return string.format(\"%d\", 1.5)",
            "return string.format(\"%d\", \"x\")",
            "return string.format(\"%y\", 1)",
            "return string.format(\"%\", 1)",
            "return string.format(\"%10.123f\", 1)",
            "return string.format(\"%-+ #0-5d\", 1)",
            "return string.format(\"%s\")",
            "return string.format(\"%q\", {})",
            "return string.format(\"%10s\", \"a\\0b\")",
            "return string.rep(\"xx\", math.maxinteger)",
            "return math.floor(\"a\")",
            "return math.max()",
            "return math.fmod(1, 0)",
            "return math.random(0)",
            "return setmetatable(1, {})",
            "return setmetatable({}, 1)",
            "return select(0)",
            "return select(-5, 1)",
            "table.insert({}, 1, 2, 3)",
            "table.insert({}, 5, 1)",
            "return table.concat({{}})",
            "return table.concat({1, {}, 3})",
            "return table.concat({1, 2}, \",\", 1, 5)",
            "return ipairs()",
            "return tostring()",
            "return tonumber(\"10\", 99)",
            "return tonumber(10, 16)",
            "return (\"x\"):bad()",
            "return utf8.char(-1)",
            "return utf8.codepoint(\"\\xff\")",
            "return string.char(1e20)",
            "return next({}, \"nope\")",
            "return rawlen(5)",
            "return getmetatable()",
            "return table.unpack({}, 1, 1e7)",
            // Patterns.
            "return (\"x\"):find(\"%\")",
            "return (\"x\"):match(\"[a\")",
            "return (\"x\"):gsub(\"(\", \"\")",
            "return (\"x\"):match(\"%1\")",
            "return (\"x\"):gsub(\".\", \"%2\")",
            "return (\"x\"):gsub(\".\", {x = true})",
            "return (\"x\"):gsub(\"x\", \"%\")",
            "return (\"abc\"):match(\"%f\")",
            "return (\"x\"):match(\"(()\")",
            "return (\"x\"):match(\")\")",
            "return (\"x\"):gsub(\".\", function() return {} end)",
            "return string.gmatch(\"x\", \"%\")()",
            // Metamethods that fail or misbehave.
            "return tostring(setmetatable({}, {__tostring = function() return 1 end}))",
            "return setmetatable({}, {__index = function(t, k) error(\"no field \" .. k) end}).foo",
            "setmetatable({}, {__newindex = function() error(\"read-only\", 2) end}).x = 1",
            "return setmetatable({}, {__add = function(a, b) return a.v + b end}) + 1",
            "return setmetatable({}, {__metatable = \"locked\"}) and setmetatable(setmetatable({}, {__metatable = \"locked\"}), {})",
            "return #setmetatable({}, {__len = function() error(\"len failed\") end})",
            "return setmetatable({}, {__concat = function(a, b) return nil .. a end}) .. \"x\"",
            "return setmetatable({}, {__lt = function() error(\"no order\") end}) < {}",
            "local {n} = setmetatable({}, {__name = \"MyType\"})\nreturn {n} + 1",
            "local {n} = setmetatable({}, {__name = \"MyType\"})\nreturn {n}()",
            // Errors inside library callbacks.
            "table.sort({3, 1, 2}, function(a, b) error(\"in comparator\") end)",
            "return (\"abc\"):gsub(\".\", function(c) error(\"in replacement \" .. c) end)",
            "return load(function() error(\"in reader\") end)",
            // Errors in nested protected calls.
            "local ok, e = pcall(error, \"inner\")\nerror(\"outer after \" .. tostring(e))",
            "error(select(2, pcall(error, {})))",
        ];
        let template = options[self.c.below(options.len())];
        template.replace("{n}", &n)
    }

    /// `P(pcall(function() ... end))` around some statements and an error, or another way of
    /// catching it: `xpcall` with a handler, `pcall` of a library function directly, `load`
    /// of broken chunks.
    pub(crate) fn protected_error(&mut self) -> Option<Stat> {
        if !self.afford(10) {
            return None;
        }
        let choice = self.c.weighted(&[8, 3, 2, 2, 1, 2, 5, 2]);
        Some(match choice {
            6 => {
                // A wrong-type operation on a generated expression: the message describes the
                // operand the way the compiled code names it (local, upvalue, global, field,
                // method, constant, or nothing).
                let operation = self.wrong_type_operation()?;
                let mut body = self.function_block(1).0;
                body.push(operation);
                let func = Expr::function(vec![], false, Block(body));
                Stat::Call(Expr::call_named(
                    "P",
                    vec![Expr::call_named("pcall", vec![func])],
                ))
            }
            7 => {
                // `debug.traceback` as a message handler: the traceback becomes output.
                let mut body = self.function_block(1).0;
                body.push(Stat::Raw(self.error_text()));
                let func = Expr::function(vec![], false, Block(body));
                let level = self.c.pick(&["", ", 1", ", 2"]);
                Stat::Raw(format!(
                    "print(select(2, xpcall({}, function(m) return debug.traceback(type(m) == \"string\" and m or type(m){level}) end)))",
                    super::ast::render_expr(&func).replace('\n', "\n  ")
                ))
            }
            5 => {
                // A call that succeeds: `pcall` returns true and all the results.
                let functions = self.callable_functions(|_| true);
                if functions.is_empty() {
                    return Some(self.print_statement());
                }
                let var = functions[self.c.below(functions.len())].clone();
                let super::types::Ty::Func(sig) = &var.ty else {
                    return None;
                };
                if !self.afford(var.cost) {
                    return None;
                }
                let mut args = vec![Expr::name(&var.name)];
                args.extend(self.arguments(sig));
                Stat::Call(Expr::call_named("P", vec![Expr::call_named("pcall", args)]))
            }
            0 | 1 => {
                let mut body = self.function_block(2).0;
                body.push(Stat::Raw(self.error_text()));
                let func = Expr::function(vec![], false, Block(body));
                let call = if choice == 0 {
                    Expr::call_named("pcall", vec![func])
                } else {
                    Expr::call_named("xpcall", vec![func, Expr::name("H")])
                };
                Stat::Call(Expr::call_named("P", vec![call]))
            }
            2 => {
                // Library functions called directly by `pcall` are named from the loaded
                // table in messages ('string.rep' rather than 'rep').
                let call = self.c.pick(&[
                    "pcall(string.rep)",
                    "pcall(string.sub, \"x\", {})",
                    "pcall(math.floor, \"a\")",
                    "pcall(setmetatable, 1, 2)",
                    "pcall(error)",
                    "pcall(error, \"x\", 0)",
                    "pcall(table.concat, {{}})",
                    "pcall(string.char, -1)",
                    "pcall(ipairs)",
                    "pcall(select, 0)",
                    "pcall(tostring)",
                    "pcall(string.format, \"%d\", 1.5)",
                    "pcall(pcall)",
                    "pcall(rawset, {}, nil, 1)",
                    "xpcall(error, H, \"via xpcall\")",
                ]);
                Stat::Raw(format!("P({call})"))
            }
            3 if self.c.chance(1, 2) => {
                // `load` with an environment and a mode, and binary chunks from `string.dump`.
                let text = self.c.pick(&[
                    "P(pcall(load(\"return x, ...\", \"=env\", \"t\", {x = 5}), 1, 2))",
                    "P(pcall(load(\"x = 1 return x + (y or 0)\", \"=env\", \"t\", {y = 2.5})))",
                    "P(load(\"return 1\", \"=text\", \"b\"))",
                    "P(load(string.dump(function() return 1 end), \"=bin\", \"t\"))",
                    "local f = function(a, ...) local t = {...} return a * 2, #t, select(\"#\", ...) end\nlocal g = load(string.dump(f), \"=dumped\")\nP(g(21, nil, 3), #string.dump(f) == #string.dump(f, true), #string.dump(f) > #string.dump(f, true))",
                    "local n = 3\nlocal f = function() return n end\nlocal g = load(string.dump(f))\nP(pcall(g))",
                    "P(pcall(string.dump, print))",
                    "local parts, i = {\"return \", \"1 + \", \"41\"}, 0\nP(load(function() i = i + 1 return parts[i] end, \"=pieces\")())",
                    "P(pcall(load(\"error('in chunk', 1)\", \"@chunk.lua\")))",
                    "P(pcall(load(\"local a <close> = 1\")))",
                ]);
                Stat::Raw(text.to_string())
            }
            3 => {
                // `load` of broken and working chunks: syntax messages at run time.
                let chunk = self.c.pick(&[
                    "return 1 +",
                    "x = = 1",
                    "return 'unfinished",
                    "for i = 1 do end",
                    "goto nowhere",
                    "local x <const> = 1",
                    "return 1 + 2",
                    "return ...",
                    "break",
                    "::a:: ::a::",
                    "return 0x",
                    "return \\\"\\\\q\\\"",
                    "f(",
                    "return 1e",
                    "local function() end",
                ]);
                let name =
                    self.c
                        .pick(&["", ", \"=named\"", ", \"@file.lua\"", ", \"chunk text\""]);
                Stat::Raw(format!("P(load(\"{chunk}\"{name}))"))
            }
            _ => {
                // A handler that fails: 5.3 reports an error in error handling.
                let text = self.error_text();
                Stat::Raw(format!(
                    "P(xpcall(function()\n{text}\nend, function(m) error(\"handler failed\") end))"
                ))
            }
        })
    }

    /// An operation that fails on the type of a generated expression: indexing, calling,
    /// arithmetic, concatenation, length or comparison of a value that does not support it.
    fn wrong_type_operation(&mut self) -> Option<Stat> {
        // An operand of a type the operation rejects, as a variable, field, call or literal.
        let (operation, operand_type) = match self.c.below(7) {
            0 => (
                "index",
                self.c.pick(&[Ty::Int, Ty::Bool, Ty::Nil, Ty::Float]),
            ),
            1 => ("call", self.c.pick(&[Ty::Int, Ty::Str, Ty::Bool, Ty::Nil])),
            2 => ("arith", self.c.pick(&[Ty::Bool, Ty::Nil, Ty::Str])),
            3 => ("concat", self.c.pick(&[Ty::Bool, Ty::Nil])),
            4 => ("len", self.c.pick(&[Ty::Int, Ty::Bool, Ty::Nil, Ty::Float])),
            5 => ("bitwise", self.c.pick(&[Ty::Float, Ty::Str, Ty::Bool])),
            _ => ("compare", self.c.pick(&[Ty::Bool, Ty::Nil])),
        };
        let operand = if self.c.chance(3, 4) {
            self.variable(&operand_type)
                .unwrap_or_else(|| self.leaf(&operand_type))
        } else {
            self.expr(&operand_type)
        };
        let other = self.int_literal();
        let value = match operation {
            "index" => {
                if self.c.chance(1, 2) {
                    Expr::field(operand, self.c.pick(&["x", "name", "y"]))
                } else {
                    Expr::index(operand, other)
                }
            }
            "call" => {
                if self.c.chance(1, 3) {
                    Expr::method(operand, self.c.pick(&["m", "len", "upper"]), vec![])
                } else {
                    Expr::call(operand, vec![other])
                }
            }
            "arith" => {
                let op = self
                    .c
                    .pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Pow, BinOp::Mod]);
                if self.c.chance(1, 3) {
                    Expr::un(UnOp::Neg, operand)
                } else if self.c.chance(1, 2) {
                    Expr::bin(op, other, operand)
                } else {
                    Expr::bin(op, operand, other)
                }
            }
            "concat" => {
                let text = self.string_literal();
                if self.c.chance(1, 2) {
                    Expr::bin(BinOp::Concat, text, operand)
                } else {
                    Expr::bin(BinOp::Concat, operand, text)
                }
            }
            "len" => Expr::un(UnOp::Len, operand),
            "bitwise" => {
                let op = self.c.pick(&[BinOp::BAnd, BinOp::BOr, BinOp::Shl]);
                if self.c.chance(1, 3) {
                    Expr::un(UnOp::BNot, operand)
                } else {
                    Expr::bin(op, operand, other)
                }
            }
            _ => {
                let op = self.c.pick(&[BinOp::Lt, BinOp::Le, BinOp::Gt]);
                Expr::bin(op, operand, other)
            }
        };
        Some(Stat::Return(vec![value]))
    }

    /// The end of a program that fails: an error raised a few calls deep, through a chain of
    /// functions defined and called in different ways (local, global, field, method, upvalue,
    /// tail call, metamethod, iterator, library callback, re-raised from `pcall`), not
    /// caught.
    pub(crate) fn uncaught_error(&mut self) -> Vec<Stat> {
        let mut text = if self.c.chance(1, 3) {
            match self.wrong_type_operation() {
                Some(operation) => super::ast::render(&Block(vec![operation])),
                None => self.error_text(),
            }
        } else {
            self.error_text()
        };
        let mut stats = Vec::new();
        let links = self.c.range(1, 4);
        let mut callee = self.fresh("fail");
        stats.push(Stat::Raw(format!(
            "local function {callee}(x)\n{}\nend",
            text.trim_end()
        )));
        for _ in 1..links {
            let name = self.fresh("f");
            let (definition, call) = self.chain_link(&name, &callee);
            stats.push(Stat::Raw(definition));
            text = call;
            callee = call_target(&text, &name);
        }
        let last = self.fresh("top");
        let (definition, call) = self.chain_link(&last, &callee);
        stats.push(Stat::Raw(definition));
        stats.push(Stat::Raw(call));
        stats
    }

    /// A function `name` that calls `callee` (a callable expression), and an expression that
    /// calls `name`: its definition as text, and the call.
    fn chain_link(&mut self, name: &str, callee: &str) -> (String, String) {
        match self.c.below(10) {
            0 => (
                format!("local function {name}(y) local r = {callee}(y) return r end"),
                format!("{name}(1)"),
            ),
            1 => (
                format!("local function {name}(y) return {callee}(y) end"),
                format!("{name}(2)"),
            ),
            2 => (
                format!("function {name}(y) local r = {callee}(y) return r end"),
                format!("{name}(3)"),
            ),
            3 => (
                format!("local {name} = {{}}\nfunction {name}:method(y) local r = {callee}(y) return r end"),
                format!("{name}:method(4)"),
            ),
            4 => (
                format!("local {name} = {{}}\n{name}.run = function(y) return ({callee}(y)) end"),
                format!("{name}.run(5)"),
            ),
            5 => (
                format!("local {name} = setmetatable({{}}, {{__index = function(t, k) return {callee}(k) end}})"),
                format!("local _ = {name}.key"),
            ),
            6 => (
                format!("local {name} = setmetatable({{}}, {{__add = function(a, b) return {callee}(b) end}})"),
                format!("local _ = {name} + 1"),
            ),
            7 => (
                format!("local function {name}() for i in function(_, c) if not c then return {callee}(1) end end do end end"),
                format!("{name}()"),
            ),
            8 => {
                if self.has(Feature::Tables) {
                    (
                        format!("local function {name}(y) table.sort({{3, 2, 1}}, function(a, b) {callee}(a) return a < b end) end"),
                        format!("{name}(6)"),
                    )
                } else {
                    (
                        format!("local function {name}(y) return (string.gsub(\"ab\", \".\", {callee})) end"),
                        format!("{name}(7)"),
                    )
                }
            }
            _ => (
                format!("local function {name}(y) local ok, e = pcall({callee}, y) if not ok then error(e, 0) end end"),
                format!("{name}(8)"),
            ),
        }
    }
}
