//! Listings of compiled functions in the format of `luac -l -l`. Mirrors `PrintFunction` and
//! its helpers in luac.c of PUC Lua 5.3.6.
//!
//! Addresses, which `luac` prints as `%p`, are replaced by stable ones derived from each
//! function's position in the chunk, so that two listings of the same code are identical.

use std::fmt::Write;

use super::{
    arg_a, arg_ax, arg_b, arg_bx, arg_c, arg_sbx, index_k, is_k, opcode, Constant, OpArg, OpCode,
    OpMode, Proto,
};
use crate::number::{format_g14, Number};

/// The listing of a main function and, recursively, of the functions inside it, with the
/// constants, locals and upvalues of each (`luac -l -l`).
pub fn disassemble(proto: &Proto) -> String {
    let mut out = String::new();
    let mut next_id = 0;
    print_function(&mut out, proto, &mut next_id);
    out
}

fn address(id: usize) -> String {
    format!("0x{:012x}", 0x5000_0000_0000usize + id * 0x100)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn print_function(out: &mut String, f: &Proto, next_id: &mut usize) {
    let id = *next_id;
    *next_id += 1;
    let source = String::from_utf8_lossy(&f.source);
    let shown = match source.chars().next() {
        Some('@' | '=') => source[1..].to_string(),
        Some('\x1b') => "(bstring)".to_string(),
        _ => "(string)".to_string(),
    };
    let n_code = f.code.len();
    let _ = writeln!(
        out,
        "\n{} <{}:{},{}> ({} instruction{} at {})",
        if f.line_defined == 0 {
            "main"
        } else {
            "function"
        },
        shown,
        f.line_defined,
        f.last_line_defined,
        n_code,
        plural(n_code),
        address(id)
    );
    let n_params = f.num_params as usize;
    let _ = writeln!(
        out,
        "{}{} param{}, {} slot{}, {} upvalue{}, {} local{}, {} constant{}, {} function{}",
        n_params,
        if f.is_vararg { "+" } else { "" },
        plural(n_params),
        f.max_stack_size,
        plural(f.max_stack_size as usize),
        f.upvalues.len(),
        plural(f.upvalues.len()),
        f.local_vars.len(),
        plural(f.local_vars.len()),
        f.constants.len(),
        plural(f.constants.len()),
        f.protos.len(),
        plural(f.protos.len())
    );
    // Functions are numbered in the order they are printed: a child's id follows the ids of
    // its earlier siblings' whole subtrees.
    let mut child_ids = Vec::with_capacity(f.protos.len());
    let mut id_of_next = *next_id;
    for child in &f.protos {
        child_ids.push(id_of_next);
        id_of_next += subtree_size(child);
    }
    print_code(out, f, &child_ids);
    print_debug(out, f, id);
    for child in &f.protos {
        print_function(out, child, next_id);
    }
}

fn subtree_size(f: &Proto) -> usize {
    1 + f
        .protos
        .iter()
        .map(|child| subtree_size(child))
        .sum::<usize>()
}

fn constant_text(f: &Proto, i: usize) -> String {
    match &f.constants[i] {
        Constant::Nil => "nil".to_string(),
        Constant::Bool(b) => b.to_string(),
        Constant::Int(n) => n.to_string(),
        Constant::Float(x) => {
            let mut text = format_g14(*x);
            if text.bytes().all(|b| b == b'-' || b.is_ascii_digit()) {
                text.push_str(".0");
            }
            let _ = Number::Float(*x);
            text
        }
        Constant::Str(s) => {
            let mut text = String::from("\"");
            for &c in s.iter() {
                match c {
                    b'"' => text.push_str("\\\""),
                    b'\\' => text.push_str("\\\\"),
                    0x07 => text.push_str("\\a"),
                    0x08 => text.push_str("\\b"),
                    0x0c => text.push_str("\\f"),
                    b'\n' => text.push_str("\\n"),
                    b'\r' => text.push_str("\\r"),
                    b'\t' => text.push_str("\\t"),
                    0x0b => text.push_str("\\v"),
                    0x20..=0x7e => text.push(c as char),
                    _ => {
                        let _ = write!(text, "\\{c:03}");
                    }
                }
            }
            text.push('"');
            text
        }
    }
}

fn upvalue_name(f: &Proto, i: u32) -> String {
    match f.upvalues.get(i as usize) {
        Some(up) if !up.name.is_empty() => String::from_utf8_lossy(&up.name).into_owned(),
        _ => "-".to_string(),
    }
}

/// `MYK`: how luac shows a constant operand.
fn as_k(x: u32) -> i64 {
    -1 - x as i64
}

fn print_code(out: &mut String, f: &Proto, child_ids: &[usize]) {
    let mut pc = 0;
    while pc < f.code.len() {
        let i = f.code[pc];
        let op = opcode(i);
        let (a, b, c, ax, bx, sbx) = (
            arg_a(i),
            arg_b(i),
            arg_c(i),
            arg_ax(i),
            arg_bx(i),
            arg_sbx(i),
        );
        let _ = write!(out, "\t{}\t", pc + 1);
        match f.line_info.get(pc) {
            Some(&line) if line > 0 => {
                let _ = write!(out, "[{line}]\t");
            }
            _ => out.push_str("[-]\t"),
        }
        let _ = write!(out, "{:<9}\t", op.name());
        let rk = |x: u32| if is_k(x) { as_k(index_k(x)) } else { x as i64 };
        match op.mode() {
            OpMode::IAbc => {
                let _ = write!(out, "{a}");
                if op.b_mode() != OpArg::N {
                    let _ = write!(out, " {}", rk(b));
                }
                if op.c_mode() != OpArg::N {
                    let _ = write!(out, " {}", rk(c));
                }
            }
            OpMode::IAbx => {
                let _ = write!(out, "{a}");
                match op.b_mode() {
                    OpArg::K => {
                        let _ = write!(out, " {}", as_k(bx));
                    }
                    OpArg::U => {
                        let _ = write!(out, " {bx}");
                    }
                    _ => {}
                }
            }
            OpMode::IAsBx => {
                let _ = write!(out, "{a} {sbx}");
            }
            OpMode::IAx => {
                let _ = write!(out, "{}", as_k(ax));
            }
        }
        match op {
            OpCode::LoadK => {
                let _ = write!(out, "\t; {}", constant_text(f, bx as usize));
            }
            OpCode::GetUpval | OpCode::SetUpval => {
                let _ = write!(out, "\t; {}", upvalue_name(f, b));
            }
            OpCode::GetTabUp => {
                let _ = write!(out, "\t; {}", upvalue_name(f, b));
                if is_k(c) {
                    let _ = write!(out, " {}", constant_text(f, index_k(c) as usize));
                }
            }
            OpCode::SetTabUp => {
                let _ = write!(out, "\t; {}", upvalue_name(f, a));
                for x in [b, c] {
                    if is_k(x) {
                        let _ = write!(out, " {}", constant_text(f, index_k(x) as usize));
                    }
                }
            }
            OpCode::GetTable | OpCode::SelfOp if is_k(c) => {
                let _ = write!(out, "\t; {}", constant_text(f, index_k(c) as usize));
            }
            OpCode::SetTable
            | OpCode::Add
            | OpCode::Sub
            | OpCode::Mul
            | OpCode::Mod
            | OpCode::Pow
            | OpCode::Div
            | OpCode::IDiv
            | OpCode::BAnd
            | OpCode::BOr
            | OpCode::BXor
            | OpCode::Shl
            | OpCode::Shr
            | OpCode::Eq
            | OpCode::Lt
            | OpCode::Le
                if is_k(b) || is_k(c) =>
            {
                let side = |x: u32| {
                    if is_k(x) {
                        constant_text(f, index_k(x) as usize)
                    } else {
                        "-".to_string()
                    }
                };
                let _ = write!(out, "\t; {} {}", side(b), side(c));
            }
            OpCode::Jmp | OpCode::ForLoop | OpCode::ForPrep | OpCode::TForLoop => {
                let _ = write!(out, "\t; to {}", sbx as i64 + pc as i64 + 2);
            }
            OpCode::Closure => {
                let id = child_ids.get(bx as usize).copied().unwrap_or(0);
                let _ = write!(out, "\t; {}", address(id));
            }
            OpCode::SetList => {
                if c == 0 {
                    pc += 1;
                    let _ = write!(out, "\t; {}", f.code.get(pc).copied().unwrap_or(0));
                } else {
                    let _ = write!(out, "\t; {c}");
                }
            }
            OpCode::ExtraArg => {
                let _ = write!(out, "\t; {}", constant_text(f, ax as usize));
            }
            _ => {}
        }
        out.push('\n');
        pc += 1;
    }
}

fn print_debug(out: &mut String, f: &Proto, id: usize) {
    let _ = writeln!(
        out,
        "constants ({}) for {}:",
        f.constants.len(),
        address(id)
    );
    for i in 0..f.constants.len() {
        let _ = writeln!(out, "\t{}\t{}", i + 1, constant_text(f, i));
    }
    let _ = writeln!(out, "locals ({}) for {}:", f.local_vars.len(), address(id));
    for (i, var) in f.local_vars.iter().enumerate() {
        let _ = writeln!(
            out,
            "\t{}\t{}\t{}\t{}",
            i,
            String::from_utf8_lossy(&var.name),
            var.start_pc + 1,
            var.end_pc + 1
        );
    }
    let _ = writeln!(out, "upvalues ({}) for {}:", f.upvalues.len(), address(id));
    for (i, up) in f.upvalues.iter().enumerate() {
        let _ = writeln!(
            out,
            "\t{}\t{}\t{}\t{}",
            i,
            upvalue_name(f, i as u32),
            up.in_stack as u8,
            up.index
        );
    }
}

#[cfg(test)]
mod tests {
    use super::disassemble;

    /// `luac5.3 -l -l` of this program (PUC Lua 5.3.6), with its addresses replaced by the ones
    /// this module prints.
    const EXPECTED: &str = "
main <t.lua:0,0> (7 instructions at 0x500000000000)
0+ params, 3 slots, 1 upvalue, 1 local, 3 constants, 1 function
\t1\t[1]\tCLOSURE  \t0 0\t; 0x500000000100
\t2\t[2]\tMOVE     \t1 0
\t3\t[2]\tLOADK    \t2 -2\t; 10
\t4\t[2]\tCALL     \t1 2 2
\t5\t[2]\tSETTABUP \t0 -1 1\t; _ENV \"x\"
\t6\t[3]\tSETTABUP \t0 -3 -2\t; _ENV \"y\" 10
\t7\t[3]\tRETURN   \t0 1
constants (3) for 0x500000000000:
\t1\t\"x\"
\t2\t10
\t3\t\"y\"
locals (1) for 0x500000000000:
\t0\tf\t2\t8
upvalues (1) for 0x500000000000:
\t0\t_ENV\t1\t0

function <t.lua:1,1> (6 instructions at 0x500000000100)
1 param, 2 slots, 0 upvalues, 1 local, 2 constants, 0 functions
\t1\t[1]\tLE       \t0 0 -1\t; - 1
\t2\t[1]\tJMP      \t0 1\t; to 4
\t3\t[1]\tRETURN   \t0 2
\t4\t[1]\tMUL      \t1 0 -2\t; - 2.5
\t5\t[1]\tRETURN   \t1 2
\t6\t[1]\tRETURN   \t0 1
constants (2) for 0x500000000100:
\t1\t1
\t2\t2.5
locals (1) for 0x500000000100:
\t0\tn\t1\t7
upvalues (0) for 0x500000000100:
";

    #[test]
    fn listing_matches_luac() {
        let source = b"local function f(n) if n <= 1 then return n end return n * 2.5 end\nx = f(10)\ny = 10";
        let proto = crate::compile(source, b"@t.lua").expect("the program compiles");
        assert_eq!(disassemble(&proto), EXPECTED);
    }
}
