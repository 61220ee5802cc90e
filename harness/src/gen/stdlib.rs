//! Calls of the standard library, typed: the string library with a small pattern grammar and
//! a grammar of `string.format` specifications, the table, math and utf8 libraries, and the
//! base functions that return plain values.

use super::ast::{BinOp, Block, Expr, Item, Stat, UnOp};
use super::stat::Generator;
use super::types::Ty;
use super::Feature;

/// Subjects for pattern matching: words, numbers, punctuation, brackets to balance.
const SUBJECTS: &[&str] = &[
    "hello world",
    "key=value; k2=v2",
    "  spaced  out  ",
    "(a(b)c)[d]",
    "x1 y22 z333",
    "THE end.",
    "a,b,,c",
    "",
    "aaa",
    "f(1, g(2))",
    "0x1F -7 3.5e2",
    "tab\there\nline",
];

/// Character classes of patterns (manual §6.4.1), upper-case forms being complements.
const CLASSES: &[&str] = &[
    "%a", "%d", "%s", "%w", "%l", "%u", "%p", "%x", "%c", "%g", "%A", "%D", "%S", "%W",
];

impl Generator<'_> {
    // ---- Values from library calls ----

    pub(crate) fn library_bool(&mut self) -> Expr {
        match self.c.weighted(&[3, 2, 2, 1, 2]) {
            0 => {
                let ty = self.any_type();
                let value = self.expr(&ty);
                let name = self
                    .c
                    .pick(&["number", "string", "nil", "table", "boolean"]);
                Expr::bin(
                    BinOp::Eq,
                    Expr::call_named("type", vec![value]),
                    Expr::str(name),
                )
            }
            1 => {
                let a = self.expr(&Ty::Int);
                let b = self.expr(&Ty::Int);
                Expr::call_named("math.ult", vec![a, b])
            }
            2 => {
                let ty = self.printable_type();
                let a = self.expr(&ty);
                let b = self.expr(&ty);
                Expr::call_named("rawequal", vec![a, b])
            }
            3 => {
                let ty = Ty::Seq(Box::new(self.element_type()));
                let table = self.expr(&ty);
                Expr::bin(BinOp::Eq, Expr::call_named("next", vec![table]), Expr::Nil)
            }
            _ => {
                let text = self.expr(&Ty::Str);
                let needle = self.string_literal();
                Expr::bin(
                    BinOp::Ne,
                    Expr::call_named(
                        "string.find",
                        vec![text, needle, Expr::Int(1), Expr::Bool(true)],
                    ),
                    Expr::Nil,
                )
            }
        }
    }

    pub(crate) fn library_int(&mut self) -> Expr {
        let math = self.has(Feature::Math);
        match self.c.weighted(&[
            2,
            if math { 2 } else { 0 },
            if math { 2 } else { 0 },
            1,
            if math { 1 } else { 0 },
            1,
        ]) {
            0 => {
                let text = self.expr(&Ty::Str);
                if self.c.chance(1, 2) {
                    Expr::call_named("string.len", vec![text])
                } else {
                    Expr::method(Expr::paren(text), "len", vec![])
                }
            }
            1 => {
                let a = self.expr(&Ty::Int);
                Expr::call_named("math.abs", vec![a])
            }
            2 => {
                let name = self.c.pick(&["math.max", "math.min"]);
                let count = self.c.range(1, 3);
                let args = (0..count).map(|_| self.expr(&Ty::Int)).collect();
                Expr::call_named(name, args)
            }
            3 => {
                let ty = Ty::Seq(Box::new(self.element_type()));
                let table = self.expr(&ty);
                Expr::call_named("rawlen", vec![table])
            }
            4 => {
                // An integer `fmod`, whose divisor must not be zero.
                let a = self.expr(&Ty::Int);
                let b = Expr::Int(self.c.pick(&[3, -2, 1, 7, i64::MIN]));
                Expr::call_named("math.fmod", vec![a, b])
            }
            _ => {
                let a = self.expr(&Ty::Int);
                let b = self.expr(&Ty::Int);
                Expr::call_named("select", vec![Expr::str("#"), a, b])
            }
        }
    }

    /// A float from the math library. The C library decides the sign of the NaNs its
    /// functions return (glibc's `log10(-1)` is a positive NaN), so results that may be NaN go
    /// through `F`, which makes every NaN the one `0/0` gives (see `negated` in expr.rs).
    pub(crate) fn library_float(&mut self) -> Expr {
        if !self.has(Feature::Math) {
            let a = self.expr(&Ty::Num);
            return Expr::bin(BinOp::Div, a, Expr::Int(2));
        }
        let value = match self.c.weighted(&[3, 2, 2, 1, 1, 1]) {
            0 => {
                let a = self.expr(&Ty::Num);
                Expr::call_named("math.sqrt", vec![a])
            }
            1 => {
                // `A` is `math.abs` that leaves a NaN alone.
                let a = self.expr(&Ty::Float);
                let name = self.c.pick(&["A", "math.max", "math.min"]);
                return Expr::call_named(name, vec![a]);
            }
            2 => {
                let a = self.expr(&Ty::Float);
                let b = self.expr(&Ty::Num);
                Expr::call_named("math.fmod", vec![a, b])
            }
            3 => {
                let a = self.expr(&Ty::Num);
                Expr::paren(Expr::call_named("math.modf", vec![a]))
            }
            4 => {
                let a = self.expr(&Ty::Num);
                let base = self.c.pick(&[2, 10]);
                Expr::call_named("math.log", vec![a, Expr::Int(base)])
            }
            _ => {
                let a = Expr::Float(self.c.pick(&[0.0, 1.0, -1.0, 0.5, 10.0]));
                return Expr::call_named("math.exp", vec![a]);
            }
        };
        Expr::call_named("F", vec![value])
    }

    pub(crate) fn library_num(&mut self) -> Expr {
        if !self.has(Feature::Math) {
            return self.expr(&Ty::Int);
        }
        match self.c.weighted(&[3, 2, 1]) {
            0 => {
                let name = self.c.pick(&["math.floor", "math.ceil"]);
                let a = self.expr(&Ty::Num);
                Expr::call_named(name, vec![a])
            }
            1 => {
                let name = self.c.pick(&["math.max", "math.min"]);
                let a = self.expr(&Ty::Num);
                let b = self.expr(&Ty::Num);
                Expr::call_named(name, vec![a, b])
            }
            _ => {
                let a = self.expr(&Ty::Num);
                Expr::call_named("A", vec![a])
            }
        }
    }

    pub(crate) fn library_str(&mut self) -> Expr {
        let patterns = self.has(Feature::Patterns);
        let tables = self.has(Feature::Tables);
        match self.c.weighted(&[
            3,
            3,
            2,
            2,
            2,
            if tables { 2 } else { 0 },
            if patterns { 2 } else { 0 },
            1,
            if self.has(Feature::Utf8) { 1 } else { 0 },
            if self.has(Feature::Math) { 1 } else { 0 },
        ]) {
            0 => {
                let name = self.c.pick(&["upper", "lower", "reverse"]);
                let text = self.expr(&Ty::Str);
                if self.c.chance(1, 2) {
                    Expr::method(Expr::paren(text), name, vec![])
                } else {
                    Expr::call_named(&format!("string.{name}"), vec![text])
                }
            }
            1 => {
                let text = self.expr(&Ty::Str);
                let i = self.small_index();
                let mut args = vec![text, i];
                if self.c.chance(2, 3) {
                    args.push(self.small_index());
                }
                Expr::call_named("string.sub", args)
            }
            2 => {
                // `rep` of a short string, a few times, maybe with a separator.
                let text = self.expr(&Ty::Str);
                let text = Expr::call_named("string.sub", vec![text, Expr::Int(1), Expr::Int(8)]);
                let count = Expr::Int(self.c.range(-1, 4));
                let mut args = vec![text, count];
                if self.c.chance(1, 3) {
                    args.push(self.string_literal());
                }
                Expr::call_named("string.rep", args)
            }
            3 => {
                let count = self.c.range(0, 4);
                let args = (0..count)
                    .map(|_| {
                        if self.c.chance(1, 2) {
                            Expr::Int(self.c.pick(&[65, 97, 48, 0, 255, 10, 32, 200]))
                        } else {
                            let n = self.expr(&Ty::Int);
                            Expr::bin(BinOp::Mod, n, Expr::Int(256))
                        }
                    })
                    .collect();
                Expr::call_named("string.char", args)
            }
            4 => {
                let ty = self.printable_type();
                let value = self.expr(&ty);
                Expr::call_named("tostring", vec![value])
            }
            5 => {
                let element = self.c.pick(&[Ty::Int, Ty::Str, Ty::Float]);
                let table = self.expr(&Ty::Seq(Box::new(element)));
                let mut args = vec![table];
                if self.c.chance(2, 3) {
                    args.push(Expr::str(self.c.pick(&[", ", "", "-", "\n"])));
                }
                Expr::call_named("table.concat", args)
            }
            6 => {
                let (pattern, captures) = self.pattern();
                let text = self.subject();
                let repl = self.replacement(captures);
                let mut args = vec![text, pattern, repl];
                if self.c.chance(1, 4) {
                    args.push(Expr::Int(self.c.range(0, 3)));
                }
                Expr::paren(Expr::call_named("string.gsub", args))
            }
            7 => {
                let text = self.expr(&Ty::Str);
                Expr::method(Expr::paren(text), "upper", vec![])
            }
            8 => {
                let count = self.c.range(1, 3);
                let args = (0..count)
                    .map(|_| {
                        Expr::Int(
                            self.c
                                .pick(&[65, 0xe9, 0x20ac, 0x10ffff, 0x7f, 0x80, 0x7ff, 0x800]),
                        )
                    })
                    .collect();
                Expr::call_named("utf8.char", args)
            }
            _ => {
                let value = self.expr(&Ty::Num);
                Expr::call_named("math.type", vec![value])
            }
        }
    }

    /// A string index for `sub` and friends: small, negative, zero, or out of range.
    fn small_index(&mut self) -> Expr {
        if self.c.chance(1, 5) {
            self.expr(&Ty::Int)
        } else {
            Expr::Int(
                self.c
                    .pick(&[1, 2, -1, 0, 3, -2, 10, -10, i64::MAX, i64::MIN]),
            )
        }
    }

    /// Values of any type from library calls: matches, conversions, lookups.
    pub(crate) fn library_any(&mut self) -> Expr {
        let patterns = self.has(Feature::Patterns);
        match self.c.weighted(&[
            2,
            if patterns { 3 } else { 0 },
            if patterns { 2 } else { 0 },
            1,
            if self.has(Feature::Utf8) { 1 } else { 0 },
            1,
        ]) {
            0 => {
                let text = if self.c.chance(1, 2) {
                    self.numeric_like()
                } else {
                    self.expr(&Ty::Str)
                };
                if self.c.chance(1, 4) {
                    let base = Expr::Int(self.c.pick(&[2, 16, 36, 10, 8]));
                    Expr::call_named("tonumber", vec![text, base])
                } else {
                    Expr::call_named("tonumber", vec![text])
                }
            }
            1 => {
                let (pattern, _) = self.pattern();
                let text = self.subject();
                let name = self.c.pick(&["string.match", "string.find"]);
                let mut args = vec![text, pattern];
                if self.c.chance(1, 4) {
                    args.push(self.small_index());
                }
                Expr::paren(Expr::call_named(name, args))
            }
            2 => {
                let (pattern, _) = self.pattern();
                let text = self.subject();
                let name = self.c.pick(&["match", "find"]);
                Expr::method(text, name, vec![pattern])
            }
            3 => {
                // 5.3 converts strings too: `math.tointeger("8")` is 8.
                let value = if self.c.chance(1, 4) {
                    self.numeric_like()
                } else {
                    self.expr(&Ty::Num)
                };
                Expr::call_named("math.tointeger", vec![value])
            }
            4 => {
                let text = self.expr(&Ty::Str);
                Expr::call_named("utf8.len", vec![text])
            }
            _ => {
                let text = self.expr(&Ty::Str);
                let i = self.small_index();
                Expr::paren(Expr::call_named("string.byte", vec![text, i]))
            }
        }
    }

    /// A string that may or may not read as a number.
    fn numeric_like(&mut self) -> Expr {
        Expr::str(self.c.pick(&[
            "10",
            "0x10",
            "  12  ",
            "1e2",
            "0x1p4",
            "1.5",
            "-.5",
            "abc",
            "10a",
            "",
            "ff",
            "z",
            "9223372036854775807",
            "9223372036854775808",
            "-0",
            "1e400",
            "0x",
            "1 2",
        ]))
    }

    // ---- Patterns ----

    /// A subject for pattern matching: a fixed one or any string.
    fn subject(&mut self) -> Expr {
        if self.c.chance(2, 3) {
            Expr::str(self.c.pick(SUBJECTS))
        } else {
            self.expr(&Ty::Str)
        }
    }

    /// A pattern from a small grammar, and how many captures it has. Most are valid; a few
    /// are malformed on purpose only where errors are generated.
    pub(crate) fn pattern(&mut self) -> (Expr, usize) {
        let mut text = String::new();
        let mut captures = 0usize;
        if self.c.chance(1, 5) {
            text.push('^');
        }
        let items = self.c.range(1, 4);
        let mut open = 0usize;
        for _ in 0..items {
            match self.c.weighted(&[5, 3, 2, 2, 1, 1, 1, 1]) {
                0 => self.pattern_single(&mut text),
                1 => {
                    self.pattern_single(&mut text);
                    text.push(self.c.pick(&['*', '+', '-', '?']));
                }
                2 => {
                    if captures < 3 {
                        text.push('(');
                        open += 1;
                        captures += 1;
                    }
                }
                3 => {
                    if open > 0 {
                        text.push(')');
                        open -= 1;
                    } else {
                        self.pattern_single(&mut text);
                    }
                }
                4 => {
                    if captures < 3 {
                        text.push_str("()");
                        captures += 1;
                    }
                }
                5 => text.push_str(self.c.pick(&["%b()", "%b[]", "%bxy"])),
                6 => text.push_str(self.c.pick(&["%f[%w]", "%f[%W]", "%f[%a_]"])),
                _ => {
                    // A back reference to a capture that is already closed.
                    let closed = captures - open;
                    if closed > 0 && open == 0 {
                        text.push_str(&format!("%{}", self.c.range(1, closed as i64)));
                    } else {
                        text.push('.');
                    }
                }
            }
        }
        for _ in 0..open {
            text.push(')');
        }
        if self.c.chance(1, 6) {
            text.push('$');
        }
        (Expr::str(&text), captures)
    }

    fn pattern_single(&mut self, text: &mut String) {
        match self.c.weighted(&[3, 3, 2, 1]) {
            0 => text.push(self.c.pick(&['a', 'l', 'o', ' ', '1', 'x', '='])),
            1 => text.push_str(self.c.pick(CLASSES)),
            2 => text.push_str(self.c.pick(&[
                "[abc]",
                "[^a-z]",
                "[%d%s]",
                "[a-]",
                "[]]",
                "[^%w]",
                "[%a_][%w_]*",
                "[0-9a-f]",
            ])),
            _ => text.push_str(self.c.pick(&[".", "%.", "%%", "%(", "%-"])),
        }
    }

    /// A replacement for `gsub`: a string with capture references, a table, or a function.
    fn replacement(&mut self, captures: usize) -> Expr {
        match self.c.weighted(&[4, 2, 2]) {
            0 => {
                let highest = captures.max(1);
                let mut text = String::new();
                for _ in 0..self.c.range(0, 3) {
                    match self.c.below(4) {
                        0 => text.push_str(&format!("%{}", self.c.range(0, highest as i64))),
                        1 => text.push_str("%%"),
                        2 => text.push('<'),
                        _ => text.push_str("ab"),
                    }
                }
                Expr::str(&text)
            }
            1 => Expr::Table(vec![
                Item::Named("a".to_string(), Expr::str("A")),
                Item::Named("l".to_string(), Expr::Int(1)),
                Item::Named("o".to_string(), Expr::Bool(false)),
                Item::Keyed(Expr::str("hello"), Expr::Float(2.5)),
            ]),
            _ => {
                let param = self.fresh("m");
                let body = if self.c.chance(1, 3) {
                    Block(vec![Stat::Return(vec![Expr::Nil])])
                } else {
                    Block(vec![Stat::Return(vec![Expr::bin(
                        BinOp::Concat,
                        Expr::str("<"),
                        Expr::bin(
                            BinOp::Concat,
                            Expr::call_named("string.upper", vec![Expr::name(&param)]),
                            Expr::str(">"),
                        ),
                    )])])
                };
                Expr::function(vec![param], false, body)
            }
        }
    }

    /// `for c1, c2 in s:gmatch(p) do ... end`, with as many variables as captures.
    pub(crate) fn gmatch_loop(&mut self) -> Option<Stat> {
        let (pattern, captures) = self.pattern();
        let text = self.subject();
        let names = (0..captures.max(1))
            .map(|_| self.fresh("w"))
            .collect::<Vec<_>>();
        let body = self.in_loop(8, |g| {
            g.block(3, |g| {
                for name in &names {
                    // A position capture gives an integer; strings print the same either way.
                    g.declare_readonly(name, Ty::Any);
                }
            })
        })?;
        let mut body = body;
        body.0.insert(
            0,
            Stat::Call(Expr::call_named(
                "P",
                names.iter().map(|name| Expr::name(name)).collect(),
            )),
        );
        Some(Stat::GenFor(
            names,
            vec![Expr::call_named("string.gmatch", vec![text, pattern])],
            body,
        ))
    }

    /// A statement about patterns: a printed match, find, or substitution, or a `gmatch` loop;
    /// sometimes `string.pack` or the `utf8` library instead.
    pub(crate) fn pattern_statement(&mut self) -> Option<Stat> {
        let utf8 = self.has(Feature::Utf8);
        match self.c.weighted(&[3, 2, 2, 2, if utf8 { 2 } else { 0 }]) {
            3 => return Some(self.pack_statement()),
            4 => return Some(self.utf8_statement()),
            _ => {}
        }
        match self.c.weighted(&[3, 2, 2]) {
            0 => {
                let value = self.library_any();
                Some(Stat::Call(Expr::call_named("P", vec![value])))
            }
            1 => {
                let (pattern, captures) = self.pattern();
                let text = self.subject();
                let repl = self.replacement(captures);
                Some(Stat::Call(Expr::call_named(
                    "P",
                    vec![Expr::call_named("string.gsub", vec![text, pattern, repl])],
                )))
            }
            _ => {
                if self.block_depth >= 4 {
                    return None;
                }
                self.gmatch_loop()
            }
        }
    }

    // ---- string.pack and utf8 ----

    /// `string.pack` and `string.unpack` round trips, and `string.packsize`.
    fn pack_statement(&mut self) -> Stat {
        // Formats and the kinds of values they take: i (small integer), I (any integer),
        // n (any number), f (float), s (short string without zeros).
        let (format, kinds) = self.c.pick(&[
            ("<i4", "i"),
            (">I2", "i"),
            ("b", "i"),
            ("B", "i"),
            ("<h", "i"),
            (">H", "i"),
            ("<j", "I"),
            (">J", "I"),
            ("n", "n"),
            ("<d", "n"),
            (">f", "f"),
            ("s1", "s"),
            ("z", "s"),
            ("i4 i8", "iI"),
            ("!4 b i4", "ii"),
            ("<!8 i2 x d", "in"),
            (">s2 B", "si"),
            ("i3", "i"),
            ("I7", "i"),
        ]);
        let args = kinds
            .chars()
            .map(|kind| match kind {
                'i' => {
                    let value = self.expr(&Ty::Int);
                    Expr::bin(BinOp::Mod, value, Expr::Int(100))
                }
                'I' => self.expr(&Ty::Int),
                'n' => self.expr(&Ty::Num),
                'f' => Expr::Float(self.c.pick(&[0.5, 1.0 / 3.0, -2.25, 1e10, 0.0])),
                _ => {
                    let text = self.c.pick(&["", "abc", "hello world", "\u{e9}"]);
                    Expr::str(text)
                }
            })
            .collect::<Vec<_>>();
        let format = Expr::str(format);
        let mut pack_args = vec![format.clone()];
        pack_args.extend(args);
        let packed = Expr::call_named("string.pack", pack_args);
        match self.c.below(3) {
            0 => Stat::Call(Expr::call_named(
                "P",
                vec![Expr::call_named("string.unpack", vec![format, packed])],
            )),
            1 => Stat::Call(Expr::call_named(
                "print",
                vec![
                    Expr::un(UnOp::Len, packed),
                    Expr::call_named("string.packsize", vec![Expr::str("<i4 i8 !8 d")]),
                ],
            )),
            _ => Stat::Call(Expr::call_named(
                "print",
                vec![Expr::call_named(
                    "string.format",
                    vec![Expr::str("%q"), packed],
                )],
            )),
        }
    }

    /// The `utf8` library on valid text: code points, offsets, `utf8.codes`, the pattern.
    fn utf8_statement(&mut self) -> Stat {
        let text = self.c.pick(&[
            "h\u{e9}llo",
            "\u{20ac}\u{10ffff}a",
            "",
            "plain",
            "\u{7ff}\u{800}\u{ffff}\u{10000}",
        ]);
        let text = Expr::Raw(format!("\"{text}\""));
        match self.c.below(4) {
            0 => Stat::Call(Expr::call_named(
                "P",
                vec![Expr::call_named(
                    "utf8.codepoint",
                    vec![text, Expr::Int(1), Expr::Int(-1)],
                )],
            )),
            1 => {
                let n = self.c.pick(&[1, 2, -1, 0, 3, 10]);
                let i = self.c.pick(&[None, Some(1), Some(2)]);
                let mut args = vec![text, Expr::Int(n)];
                if let Some(i) = i {
                    args.push(Expr::Int(i));
                }
                Stat::Call(Expr::call_named(
                    "P",
                    vec![Expr::call_named("pcall", {
                        let mut all = vec![Expr::path("utf8.offset")];
                        all.extend(args);
                        all
                    })],
                ))
            }
            2 => Stat::GenFor(
                vec!["p".to_string(), "c".to_string()],
                vec![Expr::call_named("utf8.codes", vec![text])],
                Block(vec![Stat::Call(Expr::call_named(
                    "print",
                    vec![Expr::name("p"), Expr::name("c")],
                ))]),
            ),
            _ => Stat::Call(Expr::call_named(
                "P",
                vec![
                    Expr::call_named("utf8.len", vec![text.clone()]),
                    Expr::call_named(
                        "string.gsub",
                        vec![text, Expr::path("utf8.charpattern"), Expr::str("[%0]")],
                    ),
                ],
            )),
        }
    }

    // ---- string.format ----

    /// `string.format` with one to three specifications and matching arguments.
    pub(crate) fn format_call(&mut self) -> Expr {
        let mut format = String::new();
        let mut args = Vec::new();
        for _ in 0..self.c.range(1, 3) {
            if self.c.chance(1, 3) {
                format.push_str(self.c.pick(&["x=", " ", "[", "] ", "%%", ":"]));
            }
            let conversion = self.c.pick(&[
                'd', 's', 'g', 'f', 'x', 'q', 'c', 'e', 'i', 'o', 'X', 'G', 'E', 'a', 'u', 'A',
            ]);
            format.push('%');
            if self.c.chance(1, 3) {
                let flags = self.c.pick(&["-", "0", "+", " ", "#", "-0", "+ "]);
                format.push_str(flags);
            }
            if conversion != 'q' {
                if self.c.chance(1, 3) {
                    format.push_str(&self.c.range(1, 20).to_string());
                }
                if self.c.chance(1, 3) && conversion != 'c' {
                    format.push('.');
                    format.push_str(&self.c.range(0, 15).to_string());
                }
            }
            format.push(conversion);
            let arg = match conversion {
                'd' | 'i' | 'x' | 'X' | 'o' | 'u' => {
                    if self.c.chance(1, 5) {
                        Expr::Float(self.c.pick(&[3.0, -2.0, 1e15]))
                    } else {
                        self.expr(&Ty::Int)
                    }
                }
                'c' => Expr::Int(self.c.pick(&[65, 97, 48, 10, 0, 200])),
                'q' => {
                    let ty = self
                        .c
                        .pick(&[Ty::Str, Ty::Int, Ty::Float, Ty::Bool, Ty::Nil]);
                    self.expr(&ty)
                }
                's' => {
                    let ty = self.printable_type();
                    self.expr(&ty)
                }
                _ => self.expr(&Ty::Num),
            };
            args.push(arg);
        }
        // `%s` with a width and no precision is limited to strings without zeros; that is a
        // documented error, kept out of valid programs by using strings without zero bytes.
        let mut all = vec![Expr::Str(format.into_bytes())];
        all.extend(args);
        Expr::call_named("string.format", all)
    }

    // ---- The table library ----

    /// A table with keys of every kind, read back through equal keys of other types: float
    /// keys with integer values are the same keys as integers (manual §2.1), other floats,
    /// strings that look like numbers and booleans are not.
    fn mixed_keys(&mut self) -> Stat {
        let name = self.fresh("mk");
        let value = self.expr(&Ty::Str);
        let constructor = format!(
            "local {name} = {{[1] = \"int\", [2.0] = \"float two\", [2^53] = \"big\", [\"1\"] = \"string\", [true] = \"yes\", [-0.0] = \"zero\", [1.5] = \"half\", x = {value}, [math.mininteger] = \"min\"}}",
            value = super::ast::render_expr(&value)
        );
        let reads = self.c.pick(&[
            "print({name}[1.0], {name}[2], {name}[9007199254740992], {name}[\"1\"], {name}[true], {name}[0], {name}[3/2], {name}[-2^63])",
            "{name}[3.0] = \"three\" {name}[2] = nil print(#{name} >= 0, {name}[3], rawget({name}, 2.0), {name}[2^53 + 1])",
            "for k, v in spairs({name}) do print(math.type(k) or type(k), k, v) end",
            "print(next({}), rawlen({1, 2, [3.0] = 3}), #\"\\0\\0\", {name}.x == {name}[\"x\"])",
            // Positional items are stored last, by SETLIST, fifty at a time.
            "local t = {1, 2, [2] = \"x\", 3, [4] = \"y\", n = 5, [1.0] = \"z\"} print(t[1], t[2], t[3], t[4], t.n, #t)",
            "local t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, {name}.x, [53] = 0, [60] = 60} print(#t, t[50], t[51], t[53], t[54], select(\"#\", table.unpack(t)))",
        ]);
        Stat::Do(Block(vec![
            Stat::Raw(constructor),
            Stat::Raw(reads.replace("{name}", &name)),
        ]))
    }

    /// A statement using the table library on a visible sequence: insert, remove, sort,
    /// concat, unpack.
    pub(crate) fn table_library_statement(&mut self) -> Option<Stat> {
        if self.c.chance(1, 5) {
            return Some(self.mixed_keys());
        }
        let seqs = self.scope.matching(|var| matches!(var.ty, Ty::Seq(_)));
        if seqs.is_empty() {
            return Some(self.print_statement());
        }
        let seq = seqs[self.c.below(seqs.len())].clone();
        let Ty::Seq(element) = &seq.ty else {
            return None;
        };
        let element = (**element).clone();
        let name = Expr::name(&seq.name);
        let sortable = matches!(element, Ty::Int | Ty::Str);
        Some(
            match self
                .c
                .weighted(&[3, 2, 2, if sortable { 2 } else { 0 }, 2, 1])
            {
                0 => {
                    let value = self.expr(&element);
                    if self.c.chance(1, 3) {
                        Stat::Call(Expr::call_named(
                            "table.insert",
                            vec![name, Expr::Int(1), value],
                        ))
                    } else {
                        Stat::Call(Expr::call_named("table.insert", vec![name, value]))
                    }
                }
                1 => {
                    let mut args = vec![name];
                    if self.c.chance(1, 3) {
                        args.push(Expr::Int(1));
                    }
                    Stat::Call(Expr::call_named(
                        "P",
                        vec![Expr::call_named("table.remove", args)],
                    ))
                }
                2 => Stat::Call(Expr::call_named(
                    "P",
                    vec![
                        Expr::un(UnOp::Len, name.clone()),
                        Expr::call_named("table.unpack", vec![name]),
                    ],
                )),
                3 => {
                    let mut args = vec![name.clone()];
                    if self.c.chance(1, 2) {
                        let a = self.fresh("p");
                        let b = self.fresh("p");
                        let op = self.c.pick(&[BinOp::Gt, BinOp::Lt]);
                        args.push(Expr::function(
                            vec![a.clone(), b.clone()],
                            false,
                            Block(vec![Stat::Return(vec![Expr::bin(
                                op,
                                Expr::name(&a),
                                Expr::name(&b),
                            )])]),
                        ));
                    }
                    let _ = self.afford(20);
                    Stat::Do(Block(vec![
                        Stat::Call(Expr::call_named("table.sort", args)),
                        Stat::Call(Expr::call_named(
                            "P",
                            vec![Expr::call_named("table.unpack", vec![name])],
                        )),
                    ]))
                }
                4 => {
                    let sep = self.string_literal();
                    let printable = matches!(element, Ty::Int | Ty::Str | Ty::Float);
                    if printable {
                        Stat::Call(Expr::call_named(
                            "print",
                            vec![Expr::call_named("table.concat", vec![name, sep])],
                        ))
                    } else {
                        Stat::Call(Expr::call_named(
                            "P",
                            vec![Expr::call_named(
                                "select",
                                vec![Expr::str("#"), Expr::call_named("table.unpack", vec![name])],
                            )],
                        ))
                    }
                }
                _ => {
                    let i = Expr::Int(self.c.range(1, 3));
                    let j = Expr::Int(self.c.range(-1, 4));
                    Stat::Call(Expr::call_named(
                        "P",
                        vec![Expr::call_named("table.unpack", vec![name, i, j])],
                    ))
                }
            },
        )
    }
}
