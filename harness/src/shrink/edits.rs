//! One-step simplifications of a generated program's syntax tree, numbered so that the
//! shrinker can try them in order: delete a statement, replace a compound statement by its
//! body, remove an item of a list, replace an expression by one of its parts or a literal.
//!
//! The edits do not keep programs valid or well typed; the shrinker keeps an edit only when
//! the program still diverges the same way.

use crate::gen::ast::{Block, Expr, Func, Item, Stat};

/// A kind of edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// Delete one statement.
    DeleteStatement,
    /// Replace a `do`, loop, `if` arm or function statement by the statements of its body.
    Unwrap,
    /// Remove one item of a list: an argument, a table field, a returned value, a name and
    /// its value in a declaration or assignment, an `if` arm.
    RemoveItem,
    /// Replace an expression by one of its operands or by a simple literal.
    Simplify,
}

impl EditKind {
    /// The kinds, in the order the shrinker tries them: the biggest cuts first.
    pub const ALL: [EditKind; 4] = [
        EditKind::DeleteStatement,
        EditKind::Unwrap,
        EditKind::RemoveItem,
        EditKind::Simplify,
    ];
}

/// The literals an expression may be replaced by.
fn literals() -> [Expr; 4] {
    [
        Expr::Nil,
        Expr::Int(0),
        Expr::Str(Vec::new()),
        Expr::Bool(true),
    ]
}

/// The block with the `index`-th edit of `kind` applied, or `None` when there are fewer.
pub fn apply(block: &Block, kind: EditKind, index: usize) -> Option<Block> {
    let mut copy = block.clone();
    let mut editor = Editor {
        kind,
        target: index,
        seen: 0,
        done: false,
    };
    editor.block(&mut copy);
    editor.done.then_some(copy)
}

struct Editor {
    kind: EditKind,
    target: usize,
    seen: usize,
    done: bool,
}

impl Editor {
    /// Counts a site; true when it is the one to edit.
    fn hit(&mut self) -> bool {
        if self.done {
            return false;
        }
        let hit = self.seen == self.target;
        self.seen += 1;
        if hit {
            self.done = true;
        }
        hit
    }

    fn block(&mut self, block: &mut Block) {
        let mut index = 0;
        while index < block.0.len() && !self.done {
            let kind = self.kind;
            match kind {
                EditKind::DeleteStatement if self.hit() => {
                    block.0.remove(index);
                    return;
                }
                EditKind::Unwrap => {
                    if let Some(bodies) = bodies_of(&block.0[index]) {
                        for body in 0..bodies {
                            if self.hit() {
                                let inner = take_body(&mut block.0[index], body);
                                block.0.splice(index..=index, inner.0);
                                return;
                            }
                        }
                    }
                }
                _ => {}
            }
            self.statement(&mut block.0[index]);
            index += 1;
        }
    }

    fn statement(&mut self, stat: &mut Stat) {
        if self.done {
            return;
        }
        match stat {
            Stat::Local(names, values) => {
                if self.kind == EditKind::RemoveItem && names.len() > 1 {
                    for index in 0..names.len() {
                        if self.hit() {
                            names.remove(index);
                            if index < values.len() {
                                values.remove(index);
                            }
                            return;
                        }
                    }
                }
                self.exprs(values);
            }
            Stat::Assign(targets, values) => {
                if self.kind == EditKind::RemoveItem && targets.len() > 1 {
                    for index in 0..targets.len() {
                        if self.hit() {
                            targets.remove(index);
                            if index < values.len() {
                                values.remove(index);
                            }
                            return;
                        }
                    }
                }
                for target in targets.iter_mut() {
                    self.inside(target);
                }
                self.exprs(values);
            }
            Stat::Call(call) => self.inside(call),
            Stat::Do(body) => self.block(body),
            Stat::While(cond, body) => {
                self.expr(cond);
                self.block(body);
            }
            Stat::Repeat(body, cond) => {
                self.block(body);
                self.expr(cond);
            }
            Stat::If(arms, otherwise) => {
                if self.kind == EditKind::RemoveItem {
                    let count = arms.len() + usize::from(otherwise.is_some());
                    if count > 1 {
                        for index in 0..count {
                            if self.hit() {
                                if index < arms.len() {
                                    arms.remove(index);
                                } else {
                                    *otherwise = None;
                                }
                                return;
                            }
                        }
                    }
                }
                for (cond, body) in arms.iter_mut() {
                    self.expr(cond);
                    self.block(body);
                }
                if let Some(body) = otherwise {
                    self.block(body);
                }
            }
            Stat::NumFor(_, start, stop, step, body) => {
                self.expr(start);
                self.expr(stop);
                if let Some(step) = step {
                    self.expr(step);
                }
                self.block(body);
            }
            Stat::GenFor(_, exprs, body) => {
                self.exprs(exprs);
                self.block(body);
            }
            Stat::LocalFunction(_, func) | Stat::Function(_, _, func) => self.func(func),
            Stat::Return(values) => {
                if self.kind == EditKind::RemoveItem {
                    for index in 0..values.len() {
                        if self.hit() {
                            values.remove(index);
                            return;
                        }
                    }
                }
                self.exprs(values);
            }
            Stat::Break | Stat::Goto(_) | Stat::Label(_) | Stat::Raw(_) => {}
        }
    }

    fn func(&mut self, func: &mut Func) {
        self.block(&mut func.body);
    }

    fn exprs(&mut self, exprs: &mut Vec<Expr>) {
        if self.kind == EditKind::RemoveItem {
            for index in 0..exprs.len() {
                if self.hit() {
                    exprs.remove(index);
                    return;
                }
            }
        }
        for expr in exprs.iter_mut() {
            self.expr(expr);
        }
    }

    /// An expression that may itself be replaced.
    fn expr(&mut self, expr: &mut Expr) {
        if self.done {
            return;
        }
        if self.kind == EditKind::Simplify {
            let mut options = children(expr);
            if *expr == Expr::name("P") {
                // The printing helper, which shows tables as their type, becomes `print`.
                options.push(Expr::name("print"));
            }
            if !is_literal(expr) {
                options.extend(literals());
            }
            for option in options {
                if self.hit() {
                    *expr = option;
                    return;
                }
            }
        }
        self.inside(expr);
    }

    /// The parts of an expression, which may be edited; the expression itself is not replaced
    /// (a call used as a statement, an assignment target).
    fn inside(&mut self, expr: &mut Expr) {
        if self.done {
            return;
        }
        match expr {
            Expr::Index(prefix, key) => {
                self.expr(prefix);
                self.expr(key);
            }
            Expr::Field(prefix, _) => self.expr(prefix),
            Expr::Call(function, args) => {
                self.expr(function);
                self.exprs(args);
            }
            Expr::Method(object, _, args) => {
                self.expr(object);
                self.exprs(args);
            }
            Expr::Function(func) => self.func(func),
            Expr::Binary(_, left, right) => {
                self.expr(left);
                self.expr(right);
            }
            Expr::Unary(_, operand) | Expr::Paren(operand) => self.expr(operand),
            Expr::Table(items) => {
                if self.kind == EditKind::RemoveItem {
                    for index in 0..items.len() {
                        if self.hit() {
                            items.remove(index);
                            return;
                        }
                    }
                }
                for item in items.iter_mut() {
                    match item {
                        Item::Pos(value) | Item::Named(_, value) => self.expr(value),
                        Item::Keyed(key, value) => {
                            self.expr(key);
                            self.expr(value);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// How many bodies an unwrap can take from a statement.
fn bodies_of(stat: &Stat) -> Option<usize> {
    match stat {
        Stat::Do(_)
        | Stat::While(..)
        | Stat::Repeat(..)
        | Stat::NumFor(..)
        | Stat::GenFor(..)
        | Stat::LocalFunction(..)
        | Stat::Function(..) => Some(1),
        Stat::If(arms, otherwise) => Some(arms.len() + usize::from(otherwise.is_some())),
        _ => None,
    }
}

/// The `index`-th body of a statement, taken out of it.
fn take_body(stat: &mut Stat, index: usize) -> Block {
    let take = std::mem::take;
    match stat {
        Stat::Do(body)
        | Stat::While(_, body)
        | Stat::Repeat(body, _)
        | Stat::NumFor(_, _, _, _, body)
        | Stat::GenFor(_, _, body) => take(body),
        Stat::LocalFunction(_, func) | Stat::Function(_, _, func) => take(&mut func.body),
        Stat::If(arms, otherwise) => {
            if index < arms.len() {
                take(&mut arms[index].1)
            } else {
                otherwise.take().unwrap_or_default()
            }
        }
        _ => Block::default(),
    }
}

/// The direct operands of an expression that could stand in for it.
fn children(expr: &Expr) -> Vec<Expr> {
    match expr {
        Expr::Binary(_, left, right) => vec![(**left).clone(), (**right).clone()],
        Expr::Unary(_, operand) | Expr::Paren(operand) => vec![(**operand).clone()],
        Expr::Index(prefix, key) => vec![(**prefix).clone(), (**key).clone()],
        Expr::Field(prefix, _) => vec![(**prefix).clone()],
        Expr::Call(_, args) | Expr::Method(_, _, args) => args.clone(),
        _ => Vec::new(),
    }
}

fn is_literal(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Nil | Expr::Bool(_) | Expr::Int(_) | Expr::HexInt(_) | Expr::Float(_) | Expr::Str(_)
    )
}

#[cfg(test)]
mod tests {
    use super::{apply, EditKind};
    use crate::gen::ast::{render, BinOp, Block, Expr, Stat};

    fn program() -> Block {
        Block(vec![
            Stat::Local(
                vec!["a".into()],
                vec![Expr::bin(BinOp::Add, Expr::Int(1), Expr::Int(2))],
            ),
            Stat::Do(Block(vec![Stat::Call(Expr::call_named(
                "print",
                vec![Expr::name("a"), Expr::Int(3)],
            ))])),
        ])
    }

    fn all(kind: EditKind) -> Vec<String> {
        (0..)
            .map_while(|index| apply(&program(), kind, index))
            .map(|block| render(&block))
            .collect()
    }

    #[test]
    fn each_kind_numbers_its_sites() {
        assert_eq!(
            all(EditKind::DeleteStatement),
            vec![
                "do\n  print(a, 3)\nend\n",
                "local a = 1 + 2\n",
                "local a = 1 + 2\ndo\nend\n"
            ]
        );
        assert_eq!(
            all(EditKind::Unwrap),
            vec!["local a = 1 + 2\nprint(a, 3)\n"]
        );
        assert_eq!(
            all(EditKind::RemoveItem),
            vec![
                "local a\ndo\n  print(a, 3)\nend\n",
                "local a = 1 + 2\ndo\n  print(3)\nend\n",
                "local a = 1 + 2\ndo\n  print(a)\nend\n"
            ]
        );
        let simplified = all(EditKind::Simplify);
        assert_eq!(simplified[0], "local a = 1\ndo\n  print(a, 3)\nend\n");
        assert!(simplified.contains(&"local a = nil\ndo\n  print(a, 3)\nend\n".to_string()));
    }
}
