//! Classes: tables used as metatables with every metamethod the generator can make
//! deterministic, inheritance through `__index` chains, methods, and statements that use
//! instances.
//!
//! Metamethod bodies read their operands only through the helper `V` (an instance's `v`
//! field, or the number itself), never through operators on the operands, so a metamethod
//! never calls itself. `__gc` and `__mode` are left out: when they act depends on the garbage
//! collector, and ferrolua's differs from PUC's by design.

use std::rc::Rc;

use super::ast::{BinOp, Block, Expr, Stat};
use super::stat::{FnCtx, Generator, FUNCTION_COST};
use super::types::{Class, IndexKind, Sig, Ty};

/// The binary operators that have metamethods, with their event names.
const BINARY_EVENTS: &[(BinOp, &str)] = &[
    (BinOp::Add, "__add"),
    (BinOp::Sub, "__sub"),
    (BinOp::Mul, "__mul"),
    (BinOp::Div, "__div"),
    (BinOp::Mod, "__mod"),
    (BinOp::Pow, "__pow"),
    (BinOp::IDiv, "__idiv"),
    (BinOp::BAnd, "__band"),
    (BinOp::BOr, "__bor"),
    (BinOp::BXor, "__bxor"),
    (BinOp::Shl, "__shl"),
    (BinOp::Shr, "__shr"),
];

impl FnCtx {
    /// The context of a metamethod body: no varargs, one result.
    fn metamethod(ret: Ty) -> FnCtx {
        FnCtx {
            vararg: None,
            rets: Some(vec![ret]),
            loops: 0,
            mult: 1,
            cost: 1,
            cap: FUNCTION_COST / 4,
            recursive: None,
            self_calls: 0,
            labels: 0,
        }
    }
}

impl Generator<'_> {
    /// A class at the top level of the main chunk, so that it stays visible: its table, its
    /// constructor, methods and metamethods.
    pub(crate) fn class_definition(&mut self) -> Vec<Stat> {
        if self.classes.len() >= 4 {
            return self.object_statement().into_iter().collect();
        }
        let index = self.classes.len();
        let name = self.fresh("C");
        let parent = if index > 0 && self.c.chance(1, 3) {
            let parent = self.c.below(index);
            (self.classes[parent].index == IndexKind::Methods).then_some(parent)
        } else {
            None
        };
        let mut class = Class {
            name: name.clone(),
            parent,
            index: IndexKind::Methods,
            methods: Vec::new(),
            binary: Vec::new(),
            unm: None,
            bnot: None,
            concat: false,
            len: false,
            eq: false,
            lt: false,
            le: false,
            call: None,
            tostring: false,
            type_name: None,
            protected: None,
            pairs: false,
            newindex: false,
        };
        let mut lines = Vec::new();
        let table = match parent {
            Some(parent) => format!(
                "setmetatable({{}}, {{__index = {}}})",
                self.classes[parent].name
            ),
            None => "{}".to_string(),
        };
        lines.push(Stat::Local(vec![name.clone()], vec![Expr::Raw(table)]));
        if parent.is_none() && self.c.chance(1, 5) {
            // `__index` as a function: instances answer any missing key.
            let ty = self.c.pick(&[Ty::Int, Ty::Str]);
            let key = self.fresh("k");
            let value = self.metamethod_value(&[], Some(&key), &ty);
            class.index = IndexKind::Function(ty);
            lines.push(assign_field(
                &name,
                "__index",
                Expr::function(
                    vec!["_".to_string(), key],
                    false,
                    Block(vec![Stat::Return(vec![value])]),
                ),
            ));
        } else {
            lines.push(assign_field(&name, "__index", Expr::name(&name)));
        }
        lines.push(Stat::Raw(format!(
            "function {name}.new(v) return setmetatable({{v = v}}, {name}) end"
        )));

        for &(op, event) in BINARY_EVENTS {
            if !self.c.chance(1, 4) {
                continue;
            }
            let ty = match op {
                BinOp::Div | BinOp::Pow => Ty::Float,
                _ if self.c.chance(1, 3) => Ty::Obj(index),
                _ => Ty::Int,
            };
            let value = if ty == Ty::Obj(index) {
                let inner = self.metamethod_value(&["a", "b"], None, &Ty::Int);
                Expr::call(Expr::field(Expr::name(&name), "new"), vec![inner])
            } else {
                self.metamethod_value(&["a", "b"], None, &ty)
            };
            lines.push(assign_field(&name, event, metamethod(&["a", "b"], value)));
            class.binary.push((op, ty));
        }
        if self.c.chance(1, 4) {
            let value = self.metamethod_value(&["a"], None, &Ty::Int);
            lines.push(assign_field(&name, "__unm", metamethod(&["a"], value)));
            class.unm = Some(Ty::Int);
        }
        if self.c.chance(1, 6) {
            let value = self.metamethod_value(&["a"], None, &Ty::Int);
            lines.push(assign_field(&name, "__bnot", metamethod(&["a"], value)));
            class.bnot = Some(Ty::Int);
        }
        if self.c.chance(1, 3) {
            let value = self.metamethod_value(&["a"], None, &Ty::Int);
            lines.push(assign_field(&name, "__len", metamethod(&["a"], value)));
            class.len = true;
        }
        if self.c.chance(1, 3) {
            lines.push(Stat::Raw(format!(
                "{name}.__concat = function(a, b) return tostring(V(a)) .. \"&\" .. tostring(V(b)) end"
            )));
            class.concat = true;
        }
        if self.c.chance(1, 3) {
            lines.push(Stat::Raw(format!(
                "{name}.__eq = function(a, b) return V(a) == V(b) end"
            )));
            class.eq = true;
        }
        if self.c.chance(1, 3) {
            lines.push(Stat::Raw(format!(
                "{name}.__lt = function(a, b) return V(a) < V(b) end"
            )));
            class.lt = true;
        }
        if self.c.chance(1, 4) {
            lines.push(Stat::Raw(format!(
                "{name}.__le = function(a, b) return V(a) <= V(b) end"
            )));
            class.le = true;
        }
        if self.c.chance(1, 3) {
            let sig = Sig {
                params: vec![Ty::Int],
                vararg: None,
                rets: vec![self.c.pick(&[Ty::Int, Ty::Str])],
            };
            let value = self.metamethod_value(&["self", "n"], None, &sig.rets[0]);
            lines.push(assign_field(
                &name,
                "__call",
                Expr::function(
                    vec!["self".to_string(), "n".to_string()],
                    false,
                    Block(vec![
                        Stat::Raw("local x, y = V(self), n".to_string()),
                        Stat::Return(vec![value]),
                    ]),
                ),
            ));
            class.call = Some(Rc::new(sig));
        }
        if self.c.chance(1, 2) {
            let tag = self.c.pick(&["obj", "P", "<>", ""]);
            lines.push(Stat::Raw(format!(
                "{name}.__tostring = function(o) return \"{tag}(\" .. V(o) .. \")\" end"
            )));
            class.tostring = true;
        }
        if self.c.chance(1, 4) {
            let type_name = self.c.pick(&["Thing", "my.type", "Point"]).to_string();
            lines.push(assign_field(&name, "__name", Expr::str(&type_name)));
            class.type_name = Some(type_name);
        }
        if self.c.chance(1, 5) {
            lines.push(Stat::Raw(format!(
                "{name}.__pairs = function(t) return function(_, k) if k < 3 then return k + 1, V(t) * (k + 1) end end, t, 0 end"
            )));
            class.pairs = true;
        }
        if self.c.chance(1, 5) {
            lines.push(Stat::Raw(format!(
                "{name}.__newindex = function(t, k, v) P(\"set\", k, v) rawset(t, k, v) end"
            )));
            class.newindex = true;
        }
        if self.c.chance(1, 8) {
            let value = self
                .c
                .pick(&["locked", "none of your business"])
                .to_string();
            lines.push(assign_field(&name, "__metatable", Expr::str(&value)));
            class.protected = Some(value);
        }

        // The class is visible to its methods, which may use instances of it.
        self.declare_readonly(&name, Ty::Opaque);
        self.classes.push(class);
        let method_count = if self.classes[index].index == IndexKind::Methods {
            self.c.range(0, 3)
        } else {
            0
        };
        for m in 0..method_count {
            let method = format!("m{m}");
            let mut sig = self.signature();
            sig.vararg = None;
            let mut with_self = sig.clone();
            with_self.params.insert(0, Ty::Obj(index));
            let (mut func, _) =
                self.function_body_full(&with_self, FUNCTION_COST / 2, None, Some("self"));
            func.params.remove(0);
            lines.push(Stat::Function(
                vec![name.clone(), method.clone()],
                true,
                func,
            ));
            self.classes[index].methods.push((method, Rc::new(sig)));
        }
        lines
    }

    /// A value for a metamethod body, of type `ty`, computed from `x` and `y`, which the body
    /// binds to `V(a), V(b)` (see [`metamethod`]); only they are visible to the generator.
    /// `key` names a string parameter, for `__index` functions.
    fn metamethod_value(&mut self, operands: &[&str], key: Option<&str>, ty: &Ty) -> Expr {
        self.fns.push(FnCtx::metamethod(ty.clone()));
        self.scope.open_block();
        for local in ["x", "y"].iter().take(operands.len()) {
            self.declare(local, Ty::Int);
        }
        if let Some(key) = key {
            self.declare(key, Ty::Str);
        }
        let saved_depth = self.depth;
        self.depth = 2;
        let value = self.expr(ty);
        self.depth = saved_depth;
        self.scope.close_block();
        self.fns.pop();
        value
    }

    /// A statement using an instance: create one, call a method, set and read a field, iterate
    /// with `__pairs`, read the metatable, print through `tostring`.
    pub(crate) fn object_statement(&mut self) -> Option<Stat> {
        let Some(Ty::Obj(class)) = self.object_type() else {
            return Some(self.print_statement());
        };
        let info = self.classes[class].clone();
        let objects = self
            .scope
            .matching(|var| var.ty == Ty::Obj(class))
            .into_iter()
            .map(|var| var.name)
            .collect::<Vec<_>>();
        if objects.is_empty() || self.c.chance(1, 3) {
            let name = self.fresh("o");
            let value = self.new_object(class);
            self.declare(&name, Ty::Obj(class));
            return Some(Stat::Local(vec![name], vec![value]));
        }
        let object = objects[self.c.below(objects.len())].clone();
        let methods = self.all_methods(class);
        Some(match self.c.weighted(&[3, 2, 1, 1, 1]) {
            0 if !methods.is_empty() => {
                let (method, sig) = methods[self.c.below(methods.len())].clone();
                if !self.afford(FUNCTION_COST / 2) {
                    return None;
                }
                let args = self.arguments(&sig);
                Stat::Call(Expr::call_named(
                    "P",
                    vec![Expr::method(Expr::name(&object), &method, args)],
                ))
            }
            1 => {
                let field = self.c.pick(&["w", "extra", "v2"]);
                let value = self.expr(&Ty::Int);
                Stat::Do(Block(vec![
                    Stat::Assign(vec![Expr::field(Expr::name(&object), field)], vec![value]),
                    Stat::Call(Expr::call_named(
                        "P",
                        vec![Expr::call_named(
                            "rawget",
                            vec![Expr::name(&object), Expr::str(field)],
                        )],
                    )),
                ]))
            }
            2 if info.pairs => Stat::Raw(format!("for k, v in pairs({object}) do print(k, v) end")),
            3 => {
                let check = match &info.protected {
                    Some(_) => Expr::call_named("getmetatable", vec![Expr::name(&object)]),
                    None => Expr::bin(
                        BinOp::Eq,
                        Expr::call_named("getmetatable", vec![Expr::name(&object)]),
                        Expr::name(&info.name),
                    ),
                };
                Stat::Call(Expr::call_named("print", vec![check]))
            }
            _ => {
                let value = if info.tostring {
                    Expr::call_named("tostring", vec![Expr::name(&object)])
                } else {
                    Expr::field(Expr::name(&object), "v")
                };
                Stat::Call(Expr::call_named("print", vec![value]))
            }
        })
    }
}

/// `name.field = value`
fn assign_field(name: &str, field: &str, value: Expr) -> Stat {
    Stat::Assign(vec![Expr::field(Expr::name(name), field)], vec![value])
}

/// `function(a, b) local x, y = V(a), V(b) return value end`
fn metamethod(params: &[&str], value: Expr) -> Expr {
    let locals = ["x", "y"]
        .iter()
        .take(params.len())
        .map(|local| local.to_string())
        .collect();
    let reads = params
        .iter()
        .map(|param| Expr::call_named("V", vec![Expr::name(param)]))
        .collect();
    Expr::function(
        params.iter().map(|param| param.to_string()).collect(),
        false,
        Block(vec![Stat::Local(locals, reads), Stat::Return(vec![value])]),
    )
}
