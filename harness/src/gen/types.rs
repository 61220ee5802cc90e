//! The generator's types and scopes: what each name holds, and which names can be read where.
//!
//! The types are coarse but sound for what the generator does with them: a value of type
//! [`Ty::Seq`] is always a proper sequence (so `#` is specified on it), a [`Ty::Rec`] has
//! string keys only, and an [`Ty::Any`] value is only printed through the helpers, compared
//! or passed on.

use std::rc::Rc;

use super::ast::BinOp;

/// The type of a value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Ty {
    Nil,
    Bool,
    Int,
    Float,
    /// An integer or a float, not known which.
    Num,
    Str,
    /// A sequence (manual §3.4.7) whose elements all have this type, which is never `Nil`
    /// or `Any`.
    Seq(Box<Ty>),
    /// A table with the fields of shape number `n` and no other keys but strings.
    Rec(usize),
    /// An instance of class number `n`: a table `{v = <integer>}` with the class as metatable.
    Obj(usize),
    /// A function.
    Func(Rc<Sig>),
    /// Anything, possibly `nil`.
    Any,
    /// A value the generator only passes around by name (a class table): it fits only `Any`,
    /// whose values are printed through the helpers.
    Opaque,
}

impl Ty {
    /// Whether a value of type `self` can be used where `want` is expected.
    pub(crate) fn fits(&self, want: &Ty) -> bool {
        self == want
            || *want == Ty::Any
            || (*want == Ty::Num && matches!(self, Ty::Int | Ty::Float))
    }

    /// Whether values of this type print the same in every run: numbers, strings, booleans
    /// and `nil`. Tables and functions would print their addresses.
    pub(crate) fn is_printable(&self) -> bool {
        matches!(
            self,
            Ty::Nil | Ty::Bool | Ty::Int | Ty::Float | Ty::Num | Ty::Str
        )
    }
}

/// A function's type: parameters, an optional vararg element type, results.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Sig {
    pub(crate) params: Vec<Ty>,
    pub(crate) vararg: Option<Ty>,
    pub(crate) rets: Vec<Ty>,
}

impl Sig {
    /// The type of a call used as one value: the first result, or `nil` when there is none.
    pub(crate) fn first_ret(&self) -> Ty {
        self.rets.first().cloned().unwrap_or(Ty::Nil)
    }
}

/// The fields of a record type.
#[derive(Clone, Debug, Default)]
pub(crate) struct Shape {
    pub(crate) fields: Vec<(String, Ty)>,
}

/// What reading a missing key of a class instance gives.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum IndexKind {
    /// `__index` is the class table itself, where the methods live.
    Methods,
    /// `__index` is a function that returns a value of this type for any key.
    Function(Ty),
}

/// A class: a table used both as the metatable of its instances and, usually, as their
/// `__index`. Instances are `{v = <integer>}`.
#[derive(Clone, Debug)]
pub(crate) struct Class {
    /// The local variable that holds the class table.
    pub(crate) name: String,
    /// The parent class, whose methods instances also see (through the class's own metatable).
    pub(crate) parent: Option<usize>,
    pub(crate) index: IndexKind,
    /// Methods, called as `obj:name(args)`; the signatures leave out `self`.
    pub(crate) methods: Vec<(String, Rc<Sig>)>,
    /// Binary metamethods and the type they return.
    pub(crate) binary: Vec<(BinOp, Ty)>,
    /// `__unm` and `__bnot`, with their result types.
    pub(crate) unm: Option<Ty>,
    pub(crate) bnot: Option<Ty>,
    pub(crate) concat: bool,
    pub(crate) len: bool,
    pub(crate) eq: bool,
    pub(crate) lt: bool,
    pub(crate) le: bool,
    pub(crate) call: Option<Rc<Sig>>,
    pub(crate) tostring: bool,
    /// `__name`, which error messages use as the type name.
    pub(crate) type_name: Option<String>,
    /// `__metatable`: `getmetatable` returns this string and `setmetatable` fails.
    pub(crate) protected: Option<String>,
    pub(crate) pairs: bool,
    /// Whether `__newindex` is set (to a function that logs and stores with `rawset`).
    pub(crate) newindex: bool,
}

/// A variable the generator can use.
#[derive(Clone, Debug)]
pub(crate) struct Var {
    pub(crate) name: String,
    pub(crate) ty: Ty,
    /// The function nesting level where it was declared (0 for the main chunk and globals).
    pub(crate) level: usize,
    /// Loop counters and control variables are never assigned to.
    pub(crate) readonly: bool,
    /// For function variables: an estimate of the work one call does.
    pub(crate) cost: u64,
}

/// The variables in scope: locals in a stack of blocks, and globals, which never leave scope.
#[derive(Debug, Default)]
pub(crate) struct Scope {
    locals: Vec<Var>,
    blocks: Vec<usize>,
    globals: Vec<Var>,
}

impl Scope {
    pub(crate) fn open_block(&mut self) {
        self.blocks.push(self.locals.len());
    }

    pub(crate) fn close_block(&mut self) {
        let start = self.blocks.pop().unwrap_or(0);
        self.locals.truncate(start);
    }

    pub(crate) fn declare(&mut self, var: Var) {
        self.locals.push(var);
    }

    pub(crate) fn declare_global(&mut self, var: Var) {
        self.globals.push(var);
    }

    /// How many locals are in scope (PUC allows 200 per function; the generator stays far
    /// below).
    pub(crate) fn local_count(&self) -> usize {
        self.locals.len()
    }

    /// Every visible variable: locals not shadowed by a later local of the same name, then
    /// globals not shadowed by any local. Innermost first.
    pub(crate) fn visible(&self) -> Vec<&Var> {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for var in self.locals.iter().rev().chain(self.globals.iter().rev()) {
            if !seen.contains(&var.name.as_str()) {
                seen.push(&var.name);
                out.push(var);
            }
        }
        out
    }

    /// The visible variables whose type fits `ty`.
    pub(crate) fn of_type(&self, ty: &Ty) -> Vec<Var> {
        self.visible()
            .into_iter()
            .filter(|var| var.ty.fits(ty))
            .cloned()
            .collect()
    }

    /// The visible variables for which `keep` holds.
    pub(crate) fn matching(&self, keep: impl Fn(&Var) -> bool) -> Vec<Var> {
        self.visible()
            .into_iter()
            .filter(|var| keep(var))
            .cloned()
            .collect()
    }

    /// Whether `name` is visible.
    pub(crate) fn is_visible(&self, name: &str) -> bool {
        self.visible().iter().any(|var| var.name == name)
    }
}
