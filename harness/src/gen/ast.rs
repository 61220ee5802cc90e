//! The syntax tree of generated programs, and how it is printed as Lua source.
//!
//! The tree is small on purpose: just enough of the grammar of manual §9 for the generator to
//! build programs and for the shrinker to delete and simplify their parts. Printing puts
//! parentheses only where the operator priorities of manual §3.4.8 need them, so the programs
//! exercise the parser's precedence handling too.

use std::fmt::Write;

/// A sequence of statements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block(pub Vec<Stat>);

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Stat {
    /// `local a, b = e1, e2`
    Local(Vec<String>, Vec<Expr>),
    /// `t1, t2 = e1, e2`
    Assign(Vec<Expr>, Vec<Expr>),
    /// A call used as a statement.
    Call(Expr),
    /// `do ... end`
    Do(Block),
    /// `while cond do ... end`
    While(Expr, Block),
    /// `repeat ... until cond`
    Repeat(Block, Expr),
    /// `if c1 then b1 elseif c2 then b2 else b3 end`
    If(Vec<(Expr, Block)>, Option<Block>),
    /// `for v = start, stop, step do ... end`
    NumFor(String, Expr, Expr, Option<Expr>, Block),
    /// `for n1, n2 in e1, e2 do ... end`
    GenFor(Vec<String>, Vec<Expr>, Block),
    /// `local function name(...) ... end`
    LocalFunction(String, Func),
    /// `function a.b.c(...) ... end`, or `function a.b:c(...) ... end` when the flag is set.
    Function(Vec<String>, bool, Func),
    /// `return e1, e2`; printed as `do return ... end` when it is not last in its block.
    Return(Vec<Expr>),
    /// `break`
    Break,
    /// `goto name`
    Goto(String),
    /// `::name::`
    Label(String),
    /// Lua text printed as it is, one or more lines: templates of the generator.
    Raw(String),
}

/// A function body.
#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    /// Parameter names.
    pub params: Vec<String>,
    /// Whether it ends its parameters with `...`.
    pub vararg: bool,
    /// The body.
    pub body: Block,
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// `nil`
    Nil,
    /// `true` or `false`
    Bool(bool),
    /// An integer numeral, printed in decimal (or as `math.mininteger`, which has no numeral).
    Int(i64),
    /// An integer as a hexadecimal numeral: `0xffffffffffffffff` is `-1`.
    HexInt(u64),
    /// A float numeral, printed so that it reads back exactly; infinities and NaN as
    /// expressions (`1/0`, `-(0/0)`).
    Float(f64),
    /// A short string literal.
    Str(Vec<u8>),
    /// `...`
    Vararg,
    /// A variable name.
    Name(String),
    /// `prefix[key]`
    Index(Box<Expr>, Box<Expr>),
    /// `prefix.name`
    Field(Box<Expr>, String),
    /// `f(args)`
    Call(Box<Expr>, Vec<Expr>),
    /// `obj:name(args)`
    Method(Box<Expr>, String, Vec<Expr>),
    /// `function(...) ... end`
    Function(Box<Func>),
    /// A binary operation.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// A unary operation.
    Unary(UnOp, Box<Expr>),
    /// A table constructor.
    Table(Vec<Item>),
    /// `(e)`, which also cuts a multiple result down to one value.
    Paren(Box<Expr>),
    /// Lua text printed as it is, in parentheses where an operand or prefix is needed.
    Raw(String),
}

/// A field of a table constructor.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A positional item.
    Pos(Expr),
    /// `name = value`
    Named(String, Expr),
    /// `[key] = value`
    Keyed(Expr, Expr),
}

/// Binary operators, in manual §3.4.8 order of priority, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Lt,
    Gt,
    Le,
    Ge,
    Ne,
    Eq,
    BOr,
    BXor,
    BAnd,
    Shl,
    Shr,
    Concat,
    Add,
    Sub,
    Mul,
    Div,
    IDiv,
    Mod,
    Pow,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Not,
    Len,
    BNot,
}

impl BinOp {
    /// The operator's token.
    pub fn token(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::Le => "<=",
            BinOp::Ge => ">=",
            BinOp::Ne => "~=",
            BinOp::Eq => "==",
            BinOp::BOr => "|",
            BinOp::BXor => "~",
            BinOp::BAnd => "&",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Concat => "..",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::IDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "^",
        }
    }

    /// Left and right priorities, as `priority` in lparser.c.
    fn priority(self) -> (u8, u8) {
        match self {
            BinOp::Or => (1, 1),
            BinOp::And => (2, 2),
            BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge | BinOp::Ne | BinOp::Eq => (3, 3),
            BinOp::BOr => (4, 4),
            BinOp::BXor => (5, 5),
            BinOp::BAnd => (6, 6),
            BinOp::Shl | BinOp::Shr => (7, 7),
            BinOp::Concat => (9, 8),
            BinOp::Add | BinOp::Sub => (10, 10),
            BinOp::Mul | BinOp::Div | BinOp::IDiv | BinOp::Mod => (11, 11),
            BinOp::Pow => (14, 13),
        }
    }
}

/// The priority of unary operators (`UNARY_PRIORITY` in lparser.c).
const UNARY_PRIORITY: u8 = 12;

impl UnOp {
    /// The operator's token.
    pub fn token(self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Not => "not ",
            UnOp::Len => "#",
            UnOp::BNot => "~",
        }
    }
}

/// Shorthands for building trees.
impl Expr {
    /// A name.
    pub fn name(name: &str) -> Expr {
        Expr::Name(name.to_string())
    }

    /// A string literal.
    pub fn str(text: &str) -> Expr {
        Expr::Str(text.as_bytes().to_vec())
    }

    /// `a op b`
    pub fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
        Expr::Binary(op, Box::new(a), Box::new(b))
    }

    /// `op a`
    pub fn un(op: UnOp, a: Expr) -> Expr {
        Expr::Unary(op, Box::new(a))
    }

    /// `f(args)`
    pub fn call(f: Expr, args: Vec<Expr>) -> Expr {
        Expr::Call(Box::new(f), args)
    }

    /// `name(args)` for a global or local function name, or a dotted path such as
    /// `string.rep`.
    pub fn call_named(path: &str, args: Vec<Expr>) -> Expr {
        Expr::call(Expr::path(path), args)
    }

    /// A dotted path: `a.b.c`.
    pub fn path(path: &str) -> Expr {
        let mut parts = path.split('.');
        let mut expr = Expr::name(parts.next().unwrap_or(path));
        for part in parts {
            expr = Expr::Field(Box::new(expr), part.to_string());
        }
        expr
    }

    /// `obj:name(args)`
    pub fn method(obj: Expr, name: &str, args: Vec<Expr>) -> Expr {
        Expr::Method(Box::new(obj), name.to_string(), args)
    }

    /// `prefix.name`
    pub fn field(prefix: Expr, name: &str) -> Expr {
        Expr::Field(Box::new(prefix), name.to_string())
    }

    /// `prefix[key]`
    pub fn index(prefix: Expr, key: Expr) -> Expr {
        Expr::Index(Box::new(prefix), Box::new(key))
    }

    /// `(e)`
    pub fn paren(e: Expr) -> Expr {
        Expr::Paren(Box::new(e))
    }

    /// `function(params) body end`
    pub fn function(params: Vec<String>, vararg: bool, body: Block) -> Expr {
        Expr::Function(Box::new(Func {
            params,
            vararg,
            body,
        }))
    }

    /// Whether the expression can produce several values (a call or `...`).
    pub fn is_multi(&self) -> bool {
        matches!(self, Expr::Call(..) | Expr::Method(..) | Expr::Vararg)
    }
}

/// Prints a block as a chunk.
pub fn render(block: &Block) -> String {
    let mut printer = Printer::default();
    printer.block(block);
    printer.out
}

/// Prints one expression.
pub fn render_expr(expr: &Expr) -> String {
    let mut printer = Printer::default();
    printer.expr(expr, 0, 0);
    printer.out
}

#[derive(Default)]
struct Printer {
    out: String,
    indent: usize,
}

impl Printer {
    fn line_start(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
    }

    fn block(&mut self, block: &Block) {
        let count = block.0.len();
        for (index, stat) in block.0.iter().enumerate() {
            self.line_start();
            match stat {
                // `return` must end its block, so one the shrinker left in the middle is
                // wrapped (`break`, unlike in 5.1, may appear anywhere).
                Stat::Return(values) if index + 1 != count => {
                    self.out.push_str("do ");
                    self.ret(values);
                    self.out.push_str(" end");
                }
                _ => self.stat(stat),
            }
            self.out.push('\n');
        }
    }

    fn nested(&mut self, block: &Block) {
        self.out.push('\n');
        self.indent += 1;
        self.block(block);
        self.indent -= 1;
        self.line_start();
    }

    fn ret(&mut self, values: &[Expr]) {
        self.out.push_str("return");
        if !values.is_empty() {
            self.out.push(' ');
            self.list(values);
        }
    }

    fn list(&mut self, exprs: &[Expr]) {
        for (index, expr) in exprs.iter().enumerate() {
            if index > 0 {
                self.out.push_str(", ");
            }
            self.expr(expr, 0, 0);
        }
    }

    fn stat(&mut self, stat: &Stat) {
        match stat {
            Stat::Local(names, values) => {
                self.out.push_str("local ");
                self.out.push_str(&names.join(", "));
                if !values.is_empty() {
                    self.out.push_str(" = ");
                    self.list(values);
                }
            }
            Stat::Assign(targets, values) => {
                self.list(targets);
                self.out.push_str(" = ");
                self.list(values);
            }
            Stat::Call(call) => self.expr(call, 0, 0),
            Stat::Do(body) => {
                self.out.push_str("do");
                self.nested(body);
                self.out.push_str("end");
            }
            Stat::While(cond, body) => {
                self.out.push_str("while ");
                self.expr(cond, 0, 0);
                self.out.push_str(" do");
                self.nested(body);
                self.out.push_str("end");
            }
            Stat::Repeat(body, cond) => {
                self.out.push_str("repeat");
                self.nested(body);
                self.out.push_str("until ");
                self.expr(cond, 0, 0);
            }
            Stat::If(arms, otherwise) => {
                for (index, (cond, body)) in arms.iter().enumerate() {
                    self.out
                        .push_str(if index == 0 { "if " } else { "elseif " });
                    self.expr(cond, 0, 0);
                    self.out.push_str(" then");
                    self.nested(body);
                }
                if let Some(body) = otherwise {
                    self.out.push_str("else");
                    self.nested(body);
                }
                self.out.push_str("end");
            }
            Stat::NumFor(var, start, stop, step, body) => {
                let _ = write!(self.out, "for {var} = ");
                self.expr(start, 0, 0);
                self.out.push_str(", ");
                self.expr(stop, 0, 0);
                if let Some(step) = step {
                    self.out.push_str(", ");
                    self.expr(step, 0, 0);
                }
                self.out.push_str(" do");
                self.nested(body);
                self.out.push_str("end");
            }
            Stat::GenFor(names, exprs, body) => {
                let _ = write!(self.out, "for {} in ", names.join(", "));
                self.list(exprs);
                self.out.push_str(" do");
                self.nested(body);
                self.out.push_str("end");
            }
            Stat::LocalFunction(name, func) => {
                let _ = write!(self.out, "local function {name}");
                self.func(func);
            }
            Stat::Function(path, is_method, func) => {
                self.out.push_str("function ");
                for (index, part) in path.iter().enumerate() {
                    if index > 0 {
                        let last = index + 1 == path.len();
                        self.out.push(if last && *is_method { ':' } else { '.' });
                    }
                    self.out.push_str(part);
                }
                self.func(func);
            }
            Stat::Return(values) => self.ret(values),
            Stat::Break => self.out.push_str("break"),
            Stat::Goto(label) => {
                let _ = write!(self.out, "goto {label}");
            }
            Stat::Label(label) => {
                let _ = write!(self.out, "::{label}::");
            }
            Stat::Raw(text) => {
                for (index, line) in text.lines().enumerate() {
                    if index > 0 {
                        self.out.push('\n');
                        self.line_start();
                    }
                    self.out.push_str(line);
                }
            }
        }
    }

    fn func(&mut self, func: &Func) {
        self.out.push('(');
        self.out.push_str(&func.params.join(", "));
        if func.vararg {
            if !func.params.is_empty() {
                self.out.push_str(", ");
            }
            self.out.push_str("...");
        }
        self.out.push(')');
        if func.body.0.is_empty() {
            self.out.push_str(" end");
        } else {
            self.nested(&func.body);
            self.out.push_str("end");
        }
    }

    /// Prints `expr` between an operator of right priority `before` and one of left priority
    /// `after` (0 where there is none), as `subexpr` in lparser.c reads it: a binary operation
    /// needs parentheses when the operator before would not let its own operator in, or when
    /// the one after would be taken into its right operand; a unary one when the operator after
    /// binds tighter than it (only `^` does).
    fn expr(&mut self, expr: &Expr, before: u8, after: u8) {
        match expr {
            Expr::Nil => self.out.push_str("nil"),
            Expr::Bool(value) => self.out.push_str(if *value { "true" } else { "false" }),
            Expr::Int(value) => self.int(*value, after),
            Expr::HexInt(value) => {
                let _ = write!(self.out, "0x{value:x}");
            }
            Expr::Float(value) => self.float(*value, after),
            Expr::Str(bytes) => self.out.push_str(&lua_string(bytes)),
            Expr::Vararg => self.out.push_str("..."),
            Expr::Name(name) => self.out.push_str(name),
            Expr::Index(prefix, key) => {
                self.prefix(prefix);
                self.out.push('[');
                self.expr(key, 0, 0);
                self.out.push(']');
            }
            Expr::Field(prefix, name) => {
                self.prefix(prefix);
                self.out.push('.');
                self.out.push_str(name);
            }
            Expr::Call(function, args) => {
                self.prefix(function);
                self.args(args);
            }
            Expr::Method(object, name, args) => {
                self.prefix(object);
                self.out.push(':');
                self.out.push_str(name);
                self.args(args);
            }
            Expr::Function(func) => {
                self.out.push_str("function");
                self.func(func);
            }
            Expr::Binary(op, left, right) => {
                let (left_priority, right_priority) = op.priority();
                let wrap = left_priority <= before || after > right_priority;
                let (before, after) = if wrap { (0, 0) } else { (before, after) };
                if wrap {
                    self.out.push('(');
                }
                self.expr(left, before, left_priority);
                let _ = write!(self.out, " {} ", op.token());
                self.expr(right, right_priority, after);
                if wrap {
                    self.out.push(')');
                }
            }
            Expr::Unary(op, operand) => {
                let wrap = after > UNARY_PRIORITY;
                let after = if wrap { 0 } else { after };
                if wrap {
                    self.out.push('(');
                }
                self.out.push_str(op.token());
                // Two minus signs in a row would start a comment.
                let operand_starts_like_op = match (op, operand.as_ref()) {
                    (UnOp::Neg, Expr::Unary(UnOp::Neg, _)) => true,
                    (UnOp::Neg, Expr::Int(value)) => *value < 0,
                    (UnOp::Neg, Expr::Float(value)) => value.is_sign_negative(),
                    (UnOp::BNot, Expr::Unary(UnOp::BNot, _)) => true,
                    _ => false,
                };
                if operand_starts_like_op {
                    self.out.push(' ');
                }
                self.expr(operand, UNARY_PRIORITY, after);
                if wrap {
                    self.out.push(')');
                }
            }
            Expr::Table(items) => self.table(items),
            Expr::Paren(inner) => {
                self.out.push('(');
                self.expr(inner, 0, 0);
                self.out.push(')');
            }
            Expr::Raw(text) => {
                let wrap = before > 0 || after > 0;
                if wrap {
                    self.out.push('(');
                }
                self.out.push_str(text);
                if wrap {
                    self.out.push(')');
                }
            }
        }
    }

    /// A prefix expression: names, indexing, calls and parenthesized expressions print as
    /// themselves; anything else is parenthesized.
    fn prefix(&mut self, expr: &Expr) {
        match expr {
            Expr::Name(_)
            | Expr::Index(..)
            | Expr::Field(..)
            | Expr::Call(..)
            | Expr::Method(..)
            | Expr::Paren(_) => self.expr(expr, 0, 0),
            _ => {
                self.out.push('(');
                self.expr(expr, 0, 0);
                self.out.push(')');
            }
        }
    }

    fn args(&mut self, args: &[Expr]) {
        self.out.push('(');
        self.list(args);
        self.out.push(')');
    }

    fn table(&mut self, items: &[Item]) {
        self.out.push('{');
        for (index, item) in items.iter().enumerate() {
            if index > 0 {
                self.out.push_str(", ");
            }
            match item {
                Item::Pos(value) => self.expr(value, 0, 0),
                Item::Named(name, value) => {
                    let _ = write!(self.out, "{name} = ");
                    self.expr(value, 0, 0);
                }
                Item::Keyed(key, value) => {
                    self.out.push('[');
                    self.expr(key, 0, 0);
                    self.out.push_str("] = ");
                    self.expr(value, 0, 0);
                }
            }
        }
        self.out.push('}');
    }

    /// Negative numerals are a unary minus applied to a numeral, which the parser folds; the
    /// smallest integer has no numeral at all.
    fn int(&mut self, value: i64, after: u8) {
        if value == i64::MIN {
            self.out.push_str("math.mininteger");
        } else if value < 0 {
            let wrap = after > UNARY_PRIORITY;
            if wrap {
                self.out.push('(');
            }
            let _ = write!(self.out, "-{}", value.unsigned_abs());
            if wrap {
                self.out.push(')');
            }
        } else {
            let _ = write!(self.out, "{value}");
        }
    }

    fn float(&mut self, value: f64, after: u8) {
        let text = if value.is_nan() {
            "(0/0)".to_string()
        } else if value.is_infinite() {
            if value > 0.0 { "(1/0)" } else { "(-1/0)" }.to_string()
        } else {
            // Rust's `{:?}` prints the shortest text that reads back to the same float, always
            // with a `.` or an exponent, so Lua reads it as a float too.
            format!("{value:?}")
        };
        let negative = text.starts_with('-');
        let wrap = negative && after > UNARY_PRIORITY;
        if wrap {
            self.out.push('(');
        }
        self.out.push_str(&text);
        if wrap {
            self.out.push(')');
        }
    }
}

/// A Lua short string literal for `bytes`: printable ASCII as itself, the usual escapes, and
/// every other byte as a decimal escape (`\ddd` with three digits, so a digit after it is never
/// read as part of it).
pub fn lua_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for &byte in bytes {
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\{byte:03}");
            }
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::{render, render_expr, BinOp, Block, Expr, Stat, UnOp};

    #[test]
    fn parentheses_follow_priorities() {
        let sum = Expr::bin(BinOp::Add, Expr::Int(1), Expr::Int(2));
        let product = Expr::bin(BinOp::Mul, sum.clone(), Expr::Int(3));
        assert_eq!(render_expr(&product), "(1 + 2) * 3");
        let right = Expr::bin(BinOp::Sub, Expr::Int(1), sum.clone());
        assert_eq!(render_expr(&right), "1 - (1 + 2)");
        let concat = Expr::bin(
            BinOp::Concat,
            Expr::str("a"),
            Expr::bin(BinOp::Concat, Expr::str("b"), Expr::str("c")),
        );
        assert_eq!(render_expr(&concat), "\"a\" .. \"b\" .. \"c\"");
        let pow = Expr::bin(BinOp::Pow, Expr::Int(2), Expr::un(UnOp::Neg, Expr::Int(3)));
        assert_eq!(render_expr(&pow), "2 ^ -3");
        let neg_pow = Expr::un(UnOp::Neg, Expr::bin(BinOp::Pow, Expr::Int(2), Expr::Int(2)));
        assert_eq!(render_expr(&neg_pow), "-2 ^ 2");
        let double_neg = Expr::un(UnOp::Neg, Expr::Int(-3));
        assert_eq!(render_expr(&double_neg), "- -3");
        let called = Expr::method(Expr::str("x"), "rep", vec![Expr::Int(2)]);
        assert_eq!(render_expr(&called), "(\"x\"):rep(2)");
    }

    #[test]
    fn numbers_read_back_exactly() {
        for (value, text) in [
            (Expr::Float(-0.0), "-0.0"),
            (Expr::Float(1e308), "1e308"),
            (Expr::Float(9007199254740992.0), "9007199254740992.0"),
            (Expr::Float(f64::INFINITY), "(1/0)"),
            (Expr::Int(i64::MIN), "math.mininteger"),
            (Expr::HexInt(u64::MAX), "0xffffffffffffffff"),
            (Expr::str("a\"\n\u{1}9"), "\"a\\\"\\n\\0019\""),
        ] {
            assert_eq!(render_expr(&value), text);
        }
    }

    #[test]
    fn a_return_in_the_middle_of_a_block_is_wrapped() {
        let block = Block(vec![Stat::Return(vec![]), Stat::Break]);
        assert_eq!(render(&block), "do return end\nbreak\n");
    }
}
