//! Expressions, generated for a type: literals (with the tricky numbers), variables, fields,
//! operators with the operands they accept (coercions included), calls and constructors.

use std::rc::Rc;

use super::ast::{BinOp, Expr, Item, UnOp};
use super::stat::{Generator, MAX_EXPR_DEPTH};
use super::types::{IndexKind, Sig, Ty};
use super::Feature;

/// Integers worth trying, simplest first.
const INTS: &[i64] = &[
    0,
    1,
    2,
    3,
    -1,
    5,
    7,
    10,
    -2,
    100,
    255,
    256,
    -128,
    1 << 31,
    (1 << 31) - 1,
    1 << 32,
    1 << 53,
    (1 << 53) + 1,
    i64::MAX,
    i64::MIN,
    i64::MAX - 1,
    i64::MIN + 1,
];

/// Floats worth trying, simplest first.
const FLOATS: &[f64] = &[
    0.0,
    1.0,
    0.5,
    2.5,
    -1.5,
    3.0,
    -0.0,
    0.1,
    1e15,
    1e16,
    9007199254740992.0,
    9007199254740993.0,
    1e308,
    -1e308,
    1e-310,
    9223372036854775808.0,
    -9223372036854775808.0,
    123.456,
    1.0 / 3.0,
    1e100,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
];

/// Strings worth trying, simplest first: numerals that coerce, ones that nearly do, bytes that
/// need escapes, and pattern-looking text.
const STRINGS: &[&[u8]] = &[
    b"",
    b"a",
    b"abc",
    b"hello world",
    b"10",
    b"0x1F",
    b" 7 ",
    b"1e2",
    b"3.0",
    b"-5",
    b".5",
    b"5.",
    b"0x",
    b"1e",
    b"inf",
    b"nan",
    b"a\0b",
    b"line\nnext",
    b"\xc3\xa9t\xc3\xa9",
    b"\xff\x01",
    b"%",
    b"a.b",
    b"[x]",
    b"(y)",
    b"%d",
    b"  padded  ",
    b"Mixed Case 42",
    b"a,b,,c",
];

/// Integers that are safe divisors: never zero.
const DIVISORS: &[i64] = &[2, 3, -1, 7, -3, 1, 10, i64::MAX, i64::MIN];

/// `-x` for a float that may be NaN, without flipping the sign of a NaN.
///
/// Which NaN an operation on two NaNs gives (and so whether `tostring` shows `-nan` or `nan`)
/// depends on the order in which the C compiler put the operands, which IEEE 754 and C leave
/// unspecified; the sign also changes a string's length and everything computed from it.
/// Operations on non-NaN operands give the same NaN in every build (on x86, `-nan`), so the
/// generator never makes a NaN of the other sign: negation, `math.abs` and `pow` (whose C
/// implementation returns a positive NaN) are guarded, by `x ~= x and x or -x` for a name and
/// by the helpers `N`, `A` and `F` (prelude.rs) for anything else.
pub(crate) fn negated(operand: Expr) -> Expr {
    match operand {
        Expr::Name(name) => Expr::bin(
            BinOp::Or,
            Expr::bin(
                BinOp::And,
                Expr::bin(BinOp::Ne, Expr::name(&name), Expr::name(&name)),
                Expr::name(&name),
            ),
            Expr::un(UnOp::Neg, Expr::name(&name)),
        ),
        Expr::Float(value) if !value.is_nan() => Expr::un(UnOp::Neg, Expr::Float(value)),
        other => Expr::call_named("N", vec![other]),
    }
}

impl Generator<'_> {
    /// An expression of type `ty`.
    pub(crate) fn expr(&mut self, ty: &Ty) -> Expr {
        self.fuel -= 1;
        if self.depth >= MAX_EXPR_DEPTH || self.fuel <= 0 {
            return self.leaf(ty);
        }
        self.depth += 1;
        let expr = match ty {
            Ty::Nil => self.nil_expr(),
            Ty::Bool => self.bool_expr(),
            Ty::Int => self.int_expr(),
            Ty::Float => self.float_expr(),
            Ty::Num => self.num_expr(),
            Ty::Str => self.str_expr(),
            Ty::Seq(element) => self.seq_expr(element),
            Ty::Rec(shape) => self.rec_expr(*shape),
            Ty::Obj(class) => self.obj_expr(*class),
            Ty::Func(sig) => self.func_expr(sig),
            Ty::Any => self.any_expr(),
            Ty::Opaque => Expr::Nil,
        };
        self.depth -= 1;
        expr
    }

    /// A variable or a literal of type `ty`.
    pub(crate) fn leaf(&mut self, ty: &Ty) -> Expr {
        if self.c.chance(1, 2) {
            if let Some(var) = self.variable(ty) {
                return var;
            }
        }
        match ty {
            Ty::Nil | Ty::Any | Ty::Opaque => Expr::Nil,
            Ty::Bool => Expr::Bool(self.c.chance(1, 2)),
            Ty::Int => self.int_literal(),
            Ty::Float => self.float_literal(),
            Ty::Num => {
                if self.c.chance(1, 2) {
                    self.float_literal()
                } else {
                    self.int_literal()
                }
            }
            Ty::Str => self.string_literal(),
            Ty::Seq(element) => {
                let count = self.c.below(4);
                let items = (0..count).map(|_| Item::Pos(self.leaf(element))).collect();
                Expr::Table(items)
            }
            Ty::Rec(shape) => self.rec_constructor(*shape),
            Ty::Obj(class) => self.new_object(*class),
            Ty::Func(sig) => {
                // A function that only returns leaves.
                let saved = self.fuel;
                self.fuel = 0;
                let (func, _) = self.function_body(sig, 1);
                self.fuel = saved;
                Expr::Function(Box::new(func))
            }
        }
    }

    /// A visible variable whose type fits `ty`, or a field of a visible record or object that
    /// does.
    pub(crate) fn variable(&mut self, ty: &Ty) -> Option<Expr> {
        let vars = self.scope.of_type(ty);
        let fields = self.typed_fields(ty);
        let total = vars.len() + fields.len();
        if total == 0 {
            return None;
        }
        let index = self.c.below(total);
        if index < vars.len() {
            Some(Expr::name(&vars[index].name))
        } else {
            Some(fields[index - vars.len()].clone())
        }
    }

    /// Reads of fields of visible records and objects whose type fits `ty`.
    fn typed_fields(&self, ty: &Ty) -> Vec<Expr> {
        let mut out = Vec::new();
        for var in self.scope.visible() {
            match &var.ty {
                Ty::Rec(shape) => {
                    for (field, field_ty) in &self.shapes[*shape].fields {
                        if field_ty.fits(ty) {
                            out.push(Expr::field(Expr::name(&var.name), field));
                        }
                    }
                }
                Ty::Obj(_) if Ty::Int.fits(ty) => {
                    out.push(Expr::field(Expr::name(&var.name), "v"));
                }
                _ => {}
            }
        }
        out
    }

    // ---- Literals ----

    pub(crate) fn int_literal(&mut self) -> Expr {
        if self.c.chance(1, 4) {
            return Expr::Int(self.c.range(-20, 20));
        }
        let index = self.c.weighted(&[10, 4, 2, 1]);
        match index {
            0 => Expr::Int(INTS[self.c.below(8)]),
            1 => Expr::Int(INTS[self.c.below(INTS.len())]),
            2 => match self.c.below(3) {
                0 => Expr::path("math.maxinteger"),
                1 => Expr::path("math.mininteger"),
                _ => Expr::HexInt(self.c.pick(&[0xff, 0x10, u64::MAX, 1 << 63, (1 << 63) - 1])),
            },
            _ => Expr::Int(self.c.u64() as i64),
        }
    }

    pub(crate) fn float_literal(&mut self) -> Expr {
        match self.c.weighted(&[10, 4, 2, 1]) {
            0 => Expr::Float(FLOATS[self.c.below(8)]),
            1 => Expr::Float(FLOATS[self.c.below(FLOATS.len())]),
            2 => match self.c.below(3) {
                0 => Expr::path("math.huge"),
                1 => Expr::path("math.pi"),
                _ => Expr::un(UnOp::Neg, Expr::path("math.huge")),
            },
            _ => {
                let bits = self.c.u64();
                let value = f64::from_bits(bits);
                Expr::Float(if value.is_finite() { value } else { 0.25 })
            }
        }
    }

    pub(crate) fn string_literal(&mut self) -> Expr {
        if self.c.chance(1, 4) {
            // A short random string of letters, digits and punctuation.
            let length = self.c.below(7);
            let alphabet = b"abcxyzABC019 .,-_%()[]";
            let bytes = (0..length)
                .map(|_| alphabet[self.c.below(alphabet.len())])
                .collect();
            return Expr::Str(bytes);
        }
        let index = if self.c.chance(1, 3) {
            self.c.below(STRINGS.len())
        } else {
            self.c.below(4)
        };
        Expr::Str(STRINGS[index].to_vec())
    }

    /// A string that coerces to a number in arithmetic.
    fn numeric_string(&mut self) -> Expr {
        Expr::str(
            self.c
                .pick(&["10", "0x1F", " 7 ", "1e2", "3.0", "-5", ".5", "5.", "2"]),
        )
    }

    // ---- Per type ----

    fn nil_expr(&mut self) -> Expr {
        match self.c.weighted(&[4, 2, 1, 1]) {
            0 => Expr::Nil,
            1 => self.call_returning(&Ty::Nil).unwrap_or(Expr::Nil),
            // In parentheses: a call of a function without results gives no value at all.
            2 => Expr::paren(Expr::call(
                Expr::paren(Expr::function(vec![], false, Default::default())),
                vec![],
            )),
            _ => {
                let records = self.scope.matching(|var| matches!(var.ty, Ty::Rec(_)));
                if records.is_empty() {
                    return Expr::Nil;
                }
                let record = &records[self.c.below(records.len())];
                Expr::call_named(
                    "rawget",
                    vec![Expr::name(&record.name), Expr::str("missing")],
                )
            }
        }
    }

    fn bool_expr(&mut self) -> Expr {
        let metatables = self.has(Feature::Metatables);
        match self
            .c
            .weighted(&[3, 6, 3, 2, 2, 2, 2, if metatables { 1 } else { 0 }])
        {
            0 => self.leaf(&Ty::Bool),
            1 => {
                // Order comparisons of numbers or of strings.
                let op = self.c.pick(&[BinOp::Lt, BinOp::Le, BinOp::Gt, BinOp::Ge]);
                let ty = if self.c.chance(1, 3) {
                    Ty::Str
                } else {
                    Ty::Num
                };
                let a = self.expr(&ty);
                let b = self.expr(&ty);
                Expr::bin(op, a, b)
            }
            2 => {
                // Equality, between values of the same type or of any two.
                let op = self.c.pick(&[BinOp::Eq, BinOp::Ne]);
                let ty = if self.c.chance(1, 4) {
                    Ty::Any
                } else {
                    self.printable_type()
                };
                let a = self.expr(&ty);
                let b = self.expr(&ty);
                Expr::bin(op, a, b)
            }
            3 => {
                let ty = self.any_type();
                let operand = self.expr(&ty);
                Expr::un(UnOp::Not, operand)
            }
            4 => {
                let op = self.c.pick(&[BinOp::And, BinOp::Or]);
                let a = self.expr(&Ty::Bool);
                let b = self.expr(&Ty::Bool);
                Expr::bin(op, a, b)
            }
            5 => self
                .call_returning(&Ty::Bool)
                .unwrap_or_else(|| self.leaf(&Ty::Bool)),
            6 => self.library_bool(),
            _ => self.object_bool().unwrap_or(Expr::Bool(true)),
        }
    }

    fn int_expr(&mut self) -> Expr {
        let metatables = self.has(Feature::Metatables);
        match self
            .c
            .weighted(&[6, 5, 2, 2, 1, 2, 2, 2, 1, 1, if metatables { 2 } else { 0 }])
        {
            0 => self.leaf(&Ty::Int),
            1 => {
                let op = self.c.pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul]);
                let a = self.expr(&Ty::Int);
                let b = self.expr(&Ty::Int);
                Expr::bin(op, a, b)
            }
            2 => {
                // Integer division and modulo, by something that is never zero.
                let op = self.c.pick(&[BinOp::IDiv, BinOp::Mod]);
                let a = self.expr(&Ty::Int);
                let b = self.divisor();
                Expr::bin(op, a, b)
            }
            3 => self.bitwise(),
            4 => {
                let op = self.c.pick(&[UnOp::Neg, UnOp::BNot]);
                let operand = self.expr(&Ty::Int);
                Expr::un(op, operand)
            }
            5 => {
                let ty = if self.c.chance(1, 2) {
                    Ty::Str
                } else {
                    Ty::Seq(Box::new(self.element_type()))
                };
                let operand = self.expr(&ty);
                Expr::un(UnOp::Len, operand)
            }
            6 => self
                .call_returning(&Ty::Int)
                .unwrap_or_else(|| self.leaf(&Ty::Int)),
            7 => self.library_int(),
            8 => self.conditional(&Ty::Int),
            9 => self.sequence_index(&Ty::Int),
            _ => self.object_int().unwrap_or_else(|| self.leaf(&Ty::Int)),
        }
    }

    /// An integer divisor that is never zero.
    fn divisor(&mut self) -> Expr {
        match self.c.weighted(&[4, 1, 1]) {
            0 => Expr::Int(self.c.pick(DIVISORS)),
            1 => {
                let operand = self.expr(&Ty::Int);
                Expr::bin(BinOp::BOr, operand, Expr::Int(1))
            }
            _ => {
                let operand = self.expr(&Ty::Int);
                Expr::bin(
                    BinOp::Add,
                    Expr::bin(BinOp::Mod, operand, Expr::Int(7)),
                    Expr::Int(1),
                )
            }
        }
    }

    /// A bitwise operation on integers, sometimes with an operand that converts: an integral
    /// float or a numeric string.
    fn bitwise(&mut self) -> Expr {
        let op = self
            .c
            .pick(&[BinOp::BAnd, BinOp::BOr, BinOp::BXor, BinOp::Shl, BinOp::Shr]);
        let a = self.expr(&Ty::Int);
        let b = match self.c.weighted(&[8, 1, 1]) {
            0 => {
                if matches!(op, BinOp::Shl | BinOp::Shr) && self.c.chance(2, 3) {
                    Expr::Int(self.c.pick(&[1, 2, 3, 8, 63, 64, -1, 65]))
                } else {
                    self.expr(&Ty::Int)
                }
            }
            1 => Expr::Float(self.c.pick(&[2.0, -1.0, 0.0, 1024.0, -0.0])),
            _ => Expr::str(self.c.pick(&["3", "0x10", " 5 ", "2.0"])),
        };
        Expr::bin(op, a, b)
    }

    fn float_expr(&mut self) -> Expr {
        let metatables = self.has(Feature::Metatables);
        match self
            .c
            .weighted(&[6, 4, 3, 2, 2, 2, 1, 2, 1, if metatables { 1 } else { 0 }])
        {
            0 => self.leaf(&Ty::Float),
            1 => {
                let op =
                    self.c
                        .pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::IDiv, BinOp::Mod]);
                let (a, b) = if self.c.chance(1, 2) {
                    let a = self.expr(&Ty::Float);
                    let b = self.expr(&Ty::Num);
                    (a, b)
                } else {
                    let a = self.expr(&Ty::Num);
                    let b = self.expr(&Ty::Float);
                    (a, b)
                };
                Expr::bin(op, a, b)
            }
            2 => {
                let op = self.c.pick(&[BinOp::Div, BinOp::Pow]);
                let a = self.expr(&Ty::Num);
                let b = self.expr(&Ty::Num);
                if op == BinOp::Pow {
                    // The C library's `pow` turns a negative NaN into a positive one.
                    Expr::call_named("F", vec![Expr::bin(op, a, b)])
                } else {
                    Expr::bin(op, a, b)
                }
            }
            3 => {
                // Arithmetic on a string that converts to a number gives a float in 5.3.
                let op = self
                    .c
                    .pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::IDiv]);
                let text = self.numeric_string();
                let number = self.expr(&Ty::Num);
                if self.c.chance(1, 2) {
                    Expr::bin(op, text, number)
                } else {
                    Expr::bin(op, number, text)
                }
            }
            4 => self
                .call_returning(&Ty::Float)
                .unwrap_or_else(|| self.leaf(&Ty::Float)),
            5 => self.library_float(),
            6 => {
                let operand = self.expr(&Ty::Float);
                negated(operand)
            }
            7 => self.conditional(&Ty::Float),
            8 => self.sequence_index(&Ty::Float),
            _ => self.object_float().unwrap_or_else(|| self.leaf(&Ty::Float)),
        }
    }

    fn num_expr(&mut self) -> Expr {
        match self.c.weighted(&[4, 3, 3, 2, 2]) {
            0 => self.leaf(&Ty::Num),
            1 => self.int_expr(),
            2 => self.float_expr(),
            3 => {
                let op = self
                    .c
                    .pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Mod]);
                let a = self.expr(&Ty::Num);
                let b = if op == BinOp::Mod {
                    Expr::Float(self.c.pick(&[2.0, -3.0, 0.5]))
                } else {
                    self.expr(&Ty::Num)
                };
                Expr::bin(op, a, b)
            }
            _ => self.library_num(),
        }
    }

    fn str_expr(&mut self) -> Expr {
        let strings = self.has(Feature::Strings);
        let metatables = self.has(Feature::Metatables);
        match self.c.weighted(&[
            6,
            5,
            2,
            if strings { 5 } else { 0 },
            2,
            1,
            1,
            if metatables { 1 } else { 0 },
            if self.has(Feature::Format) { 2 } else { 0 },
        ]) {
            0 => self.leaf(&Ty::Str),
            1 => {
                // Concatenation of strings and numbers.
                let a = self.concat_operand();
                let b = self.concat_operand();
                Expr::bin(BinOp::Concat, a, b)
            }
            2 => {
                let ty = self.printable_type();
                let value = self.expr(&ty);
                Expr::call_named("tostring", vec![value])
            }
            3 => self.library_str(),
            4 => self
                .call_returning(&Ty::Str)
                .unwrap_or_else(|| self.leaf(&Ty::Str)),
            5 => self.conditional(&Ty::Str),
            6 => {
                if self.c.chance(1, 2) {
                    self.sequence_index(&Ty::Str)
                } else {
                    let ty = self.any_type();
                    let value = self.expr(&ty);
                    Expr::call_named("type", vec![value])
                }
            }
            7 => self.object_str().unwrap_or_else(|| self.leaf(&Ty::Str)),
            _ => self.format_call(),
        }
    }

    fn concat_operand(&mut self) -> Expr {
        if self.c.chance(1, 3) {
            self.expr(&Ty::Num)
        } else {
            self.expr(&Ty::Str)
        }
    }

    /// `cond and a or b`, where `a` is never false, so the result is `a` or `b`.
    fn conditional(&mut self, ty: &Ty) -> Expr {
        let cond = self.condition();
        let a = self.expr(ty);
        let b = self.expr(ty);
        Expr::bin(BinOp::Or, Expr::bin(BinOp::And, cond, a), b)
    }

    /// `(q[k] or d)` for a visible sequence `q` of `ty` elements: an element or a default.
    fn sequence_index(&mut self, ty: &Ty) -> Expr {
        let seqs = self
            .scope
            .matching(|var| matches!(&var.ty, Ty::Seq(element) if element.fits(ty)));
        if seqs.is_empty() {
            return self.leaf(ty);
        }
        let seq = seqs[self.c.below(seqs.len())].clone();
        let key = if self.c.chance(1, 2) {
            Expr::Int(self.c.range(-1, 4))
        } else {
            self.expr(&Ty::Int)
        };
        let default = self.leaf(ty);
        Expr::paren(Expr::bin(
            BinOp::Or,
            Expr::index(Expr::name(&seq.name), key),
            default,
        ))
    }

    fn seq_expr(&mut self, element: &Ty) -> Expr {
        let vararg_fits = self
            .ctx()
            .vararg
            .as_ref()
            .is_some_and(|ty| ty.fits(element));
        let tables = self.has(Feature::Tables);
        match self.c.weighted(&[
            4,
            5,
            1,
            if vararg_fits { 2 } else { 0 },
            if tables { 1 } else { 0 },
            if *element == Ty::Int && self.has(Feature::Strings) {
                1
            } else {
                0
            },
        ]) {
            0 => self.leaf(&Ty::Seq(Box::new(element.clone()))),
            1 => {
                let count = self.c.below(5);
                let mut items = (0..count)
                    .map(|_| Item::Pos(self.expr(element)))
                    .collect::<Vec<_>>();
                // A last item that is a call expands to all its results.
                if self.c.chance(1, 4) {
                    let wanted = element.clone();
                    let functions =
                        self.callable_functions(|sig| sig.rets.iter().all(|ty| ty.fits(&wanted)));
                    if !functions.is_empty() {
                        let var = functions[self.c.below(functions.len())].clone();
                        if let Ty::Func(sig) = &var.ty {
                            let _ = self.afford(var.cost);
                            let args = self.arguments(sig);
                            items.push(Item::Pos(Expr::call(Expr::name(&var.name), args)));
                        }
                    }
                }
                Expr::Table(items)
            }
            2 => self
                .call_returning(&Ty::Seq(Box::new(element.clone())))
                .unwrap_or_else(|| Expr::Table(Vec::new())),
            3 => Expr::Table(vec![Item::Pos(Expr::Vararg)]),
            4 => {
                // A copy: `table.move(q, 1, #q, 1, {})` returns the new table.
                let source = self.expr(&Ty::Seq(Box::new(element.clone())));
                match source {
                    Expr::Name(name) => Expr::call_named(
                        "table.move",
                        vec![
                            Expr::name(&name),
                            Expr::Int(1),
                            Expr::un(UnOp::Len, Expr::name(&name)),
                            Expr::Int(1),
                            Expr::Table(Vec::new()),
                        ],
                    ),
                    other => other,
                }
            }
            _ => {
                let text = self.expr(&Ty::Str);
                Expr::Table(vec![Item::Pos(Expr::call_named(
                    "string.byte",
                    vec![text, Expr::Int(1), Expr::Int(-1)],
                ))])
            }
        }
    }

    fn rec_expr(&mut self, shape: usize) -> Expr {
        if self.c.chance(1, 3) {
            if let Some(var) = self.variable(&Ty::Rec(shape)) {
                return var;
            }
        }
        self.rec_constructor(shape)
    }

    /// A constructor with every field of the shape, in one of the three field syntaxes.
    fn rec_constructor(&mut self, shape: usize) -> Expr {
        let fields = self.shapes[shape].fields.clone();
        let items = fields
            .iter()
            .map(|(name, ty)| {
                let value = self.expr(ty);
                if self.c.chance(1, 5) {
                    Item::Keyed(Expr::str(name), value)
                } else {
                    Item::Named(name.clone(), value)
                }
            })
            .collect();
        Expr::Table(items)
    }

    fn func_expr(&mut self, sig: &Rc<Sig>) -> Expr {
        if self.c.chance(1, 2) {
            if let Some(var) = self.variable(&Ty::Func(sig.clone())) {
                return var;
            }
        }
        let (func, _) = self.function_body(sig, super::stat::FUNCTION_COST / 4);
        Expr::Function(Box::new(func))
    }

    fn any_expr(&mut self) -> Expr {
        let vararg = self.ctx().vararg.is_some();
        match self.c.weighted(&[6, 2, if vararg { 2 } else { 0 }, 2, 1]) {
            0 => {
                let ty = self.value_type();
                self.expr(&ty)
            }
            1 => {
                if let Some(var) = self.variable(&Ty::Any) {
                    return var;
                }
                let ty = self.printable_type();
                self.expr(&ty)
            }
            2 => {
                if self.c.chance(1, 2) {
                    Expr::paren(Expr::Vararg)
                } else {
                    let n = self.c.range(1, 3);
                    Expr::paren(Expr::call_named("select", vec![Expr::Int(n), Expr::Vararg]))
                }
            }
            3 => self.library_any(),
            _ => {
                // A field that may or may not be there.
                let tables = self
                    .scope
                    .matching(|var| matches!(var.ty, Ty::Rec(_) | Ty::Obj(_)));
                if tables.is_empty() {
                    return Expr::Nil;
                }
                let table = tables[self.c.below(tables.len())].clone();
                let field = self.c.pick(&["a", "x", "name", "other", "v"]);
                Expr::field(Expr::name(&table.name), field)
            }
        }
    }

    /// A call of a visible function whose first result fits `ty`, within the work budget; for
    /// a recursive function, a call of itself with a smaller depth.
    pub(crate) fn call_returning(&mut self, ty: &Ty) -> Option<Expr> {
        if let Some(call) = self.recursive_call(ty) {
            return Some(call);
        }
        let wanted = ty.clone();
        let functions = self.callable_functions(|sig| sig.first_ret().fits(&wanted));
        if functions.is_empty() {
            return None;
        }
        let var = functions[self.c.below(functions.len())].clone();
        let Ty::Func(sig) = &var.ty else {
            return None;
        };
        if !self.afford(var.cost) {
            return None;
        }
        let args = self.arguments(sig);
        let call = Expr::call(Expr::name(&var.name), args);
        // Parentheses keep one value where a call would expand.
        Some(if sig.rets.len() == 1 {
            call
        } else {
            Expr::paren(call)
        })
    }

    /// `f(d - 1, ...)` inside a bounded recursive function `f`, outside loops, at most twice
    /// per body.
    fn recursive_call(&mut self, ty: &Ty) -> Option<Expr> {
        let ctx = self.ctx();
        let recursion = ctx.recursive.clone()?;
        if ctx.mult != 1 || ctx.self_calls >= 2 || !recursion.sig.first_ret().fits(ty) {
            return None;
        }
        if !self.c.chance(1, 2) {
            return None;
        }
        self.ctx_mut().self_calls += 1;
        let mut args = vec![Expr::bin(
            BinOp::Sub,
            Expr::name(&recursion.depth_param),
            Expr::Int(1),
        )];
        for param in recursion.sig.params.iter().skip(1) {
            args.push(self.expr(param));
        }
        Some(Expr::call(Expr::name(&recursion.name), args))
    }

    /// `C.new(n)` or `setmetatable({v = n}, C)` for a visible class.
    pub(crate) fn new_object(&mut self, class: usize) -> Expr {
        let name = self.classes[class].name.clone();
        let value = if self.depth >= MAX_EXPR_DEPTH {
            self.int_literal()
        } else {
            self.expr(&Ty::Int)
        };
        if self.c.chance(1, 4) {
            Expr::call_named(
                "setmetatable",
                vec![
                    Expr::Table(vec![Item::Named("v".to_string(), value)]),
                    Expr::name(&name),
                ],
            )
        } else {
            Expr::call(Expr::field(Expr::name(&name), "new"), vec![value])
        }
    }

    fn obj_expr(&mut self, class: usize) -> Expr {
        if self.c.chance(1, 2) {
            if let Some(var) = self.variable(&Ty::Obj(class)) {
                return var;
            }
        }
        // A binary metamethod that returns an instance.
        let ops = self.classes[class]
            .binary
            .iter()
            .filter(|(_, ty)| *ty == Ty::Obj(class))
            .map(|(op, _)| *op)
            .collect::<Vec<_>>();
        if !ops.is_empty() && self.c.chance(1, 3) {
            let op = ops[self.c.below(ops.len())];
            let a = self.expr(&Ty::Obj(class));
            let b = if self.c.chance(1, 3) {
                self.expr(&Ty::Int)
            } else {
                self.expr(&Ty::Obj(class))
            };
            return Expr::bin(op, a, b);
        }
        self.new_object(class)
    }

    /// The classes whose instances are visible as variables, with those variables.
    fn visible_objects(&self) -> Vec<(String, usize)> {
        self.scope
            .visible()
            .into_iter()
            .filter_map(|var| match var.ty {
                Ty::Obj(class) => Some((var.name.clone(), class)),
                _ => None,
            })
            .collect()
    }

    /// An integer from an object: a metamethod (`#o`, `o + p`, `o(...)`), a method, or a
    /// field through `__index`.
    fn object_int(&mut self) -> Option<Expr> {
        self.object_value(&Ty::Int)
    }

    fn object_float(&mut self) -> Option<Expr> {
        self.object_value(&Ty::Float)
    }

    fn object_str(&mut self) -> Option<Expr> {
        let objects = self.visible_objects();
        if objects.is_empty() {
            return None;
        }
        let (name, class) = objects[self.c.below(objects.len())].clone();
        let info = self.classes[class].clone();
        let mut options: Vec<Expr> = Vec::new();
        if info.tostring {
            options.push(Expr::call_named("tostring", vec![Expr::name(&name)]));
        }
        if info.concat {
            let other = self.expr(&Ty::Str);
            options.push(if self.c.chance(1, 2) {
                Expr::bin(BinOp::Concat, Expr::name(&name), other)
            } else {
                Expr::bin(BinOp::Concat, other, Expr::name(&name))
            });
        }
        if let Some(protected) = &info.protected {
            let _ = protected;
            options.push(Expr::call_named("getmetatable", vec![Expr::name(&name)]));
        }
        if let Some(value) = self.object_value_of(&name, class, &Ty::Str) {
            options.push(value);
        }
        if options.is_empty() {
            return None;
        }
        let index = self.c.below(options.len());
        Some(options.swap_remove(index))
    }

    fn object_value(&mut self, ty: &Ty) -> Option<Expr> {
        let objects = self.visible_objects();
        if objects.is_empty() {
            return None;
        }
        let (name, class) = objects[self.c.below(objects.len())].clone();
        self.object_value_of(&name, class, ty)
    }

    /// A value of type `ty` obtained from the object `name` of class `class`, if the class
    /// has a way to give one.
    fn object_value_of(&mut self, name: &str, class: usize, ty: &Ty) -> Option<Expr> {
        let info = self.classes[class].clone();
        let object = Expr::name(name);
        let mut options: Vec<u8> = Vec::new();
        let binary = info
            .binary
            .iter()
            .filter(|(_, result)| result.fits(ty))
            .map(|(op, _)| *op)
            .collect::<Vec<_>>();
        if !binary.is_empty() {
            options.push(0);
        }
        if info.len && *ty == Ty::Int {
            options.push(1);
        }
        if info
            .call
            .as_ref()
            .is_some_and(|sig| sig.first_ret().fits(ty))
        {
            options.push(2);
        }
        let methods = self.all_methods(class);
        let methods = methods
            .into_iter()
            .filter(|(_, sig)| sig.first_ret().fits(ty))
            .collect::<Vec<_>>();
        if !methods.is_empty() {
            options.push(3);
        }
        if matches!(&info.index, IndexKind::Function(result) if result.fits(ty)) {
            options.push(4);
        }
        if info.unm.as_ref().is_some_and(|result| result.fits(ty)) {
            options.push(5);
        }
        if info.bnot.as_ref().is_some_and(|result| result.fits(ty)) {
            options.push(6);
        }
        if options.is_empty() {
            return None;
        }
        Some(match options[self.c.below(options.len())] {
            0 => {
                let op = binary[self.c.below(binary.len())];
                let other = if self.c.chance(1, 3) {
                    self.expr(&Ty::Int)
                } else {
                    self.expr(&Ty::Obj(class))
                };
                if self.c.chance(1, 4) {
                    Expr::bin(op, other, object)
                } else {
                    Expr::bin(op, object, other)
                }
            }
            1 => Expr::un(UnOp::Len, object),
            2 => {
                let sig = info.call.clone()?;
                let args = self.arguments(&sig);
                Expr::call(object, args)
            }
            3 => {
                let (method, sig) = methods[self.c.below(methods.len())].clone();
                if !self.afford(super::stat::FUNCTION_COST / 2) {
                    return None;
                }
                let args = self.arguments(&sig);
                Expr::method(object, &method, args)
            }
            4 => {
                let key = self.c.pick(&["missing", "other", "w"]);
                Expr::field(object, key)
            }
            5 => Expr::un(UnOp::Neg, object),
            _ => Expr::un(UnOp::BNot, object),
        })
    }

    /// The methods instances of `class` can call: its own, then its ancestors'.
    pub(crate) fn all_methods(&self, class: usize) -> Vec<(String, Rc<Sig>)> {
        let mut out = Vec::new();
        let mut current = Some(class);
        while let Some(index) = current {
            let info = &self.classes[index];
            if info.index != IndexKind::Methods {
                break;
            }
            for (name, sig) in &info.methods {
                if !out.iter().any(|(existing, _)| existing == name) {
                    out.push((name.clone(), sig.clone()));
                }
            }
            current = info.parent;
        }
        out
    }

    /// A comparison of objects through `__eq`, `__lt` or `__le`.
    fn object_bool(&mut self) -> Option<Expr> {
        let objects = self.visible_objects();
        if objects.is_empty() {
            return None;
        }
        let (name, class) = objects[self.c.below(objects.len())].clone();
        let info = self.classes[class].clone();
        let mut ops = Vec::new();
        if info.eq {
            ops.extend([BinOp::Eq, BinOp::Ne]);
        }
        if info.lt {
            ops.extend([BinOp::Lt, BinOp::Gt]);
        }
        if info.le || info.lt {
            // Without `__le`, 5.3 tries `not (b < a)` through `__lt`.
            ops.extend([BinOp::Le, BinOp::Ge]);
        }
        if ops.is_empty() {
            return None;
        }
        let op = ops[self.c.below(ops.len())];
        // Order metamethods are also called when one operand is a number.
        let mixed =
            matches!(op, BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge) && self.c.chance(1, 3);
        let other = if mixed {
            self.expr(&Ty::Int)
        } else {
            self.expr(&Ty::Obj(class))
        };
        Some(if mixed && self.c.chance(1, 2) {
            Expr::bin(op, other, Expr::name(&name))
        } else {
            Expr::bin(op, Expr::name(&name), other)
        })
    }
}
