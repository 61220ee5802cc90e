//! Binary chunks: a prototype as bytes, in PUC Lua 5.3's format. Mirrors `luaU_dump` in ldump.c.
//!
//! The layout follows PUC on a 64-bit little-endian machine (4-byte `int`, 8-byte `size_t`,
//! `lua_Integer` and `lua_Number`), so a chunk dumped here is byte-identical to the reference's
//! `string.dump` of the same source, which the harness checks.

use super::{Constant, Proto, SIGNATURE};

/// Version byte (`LUAC_VERSION`): 5.3.
const VERSION: u8 = 0x53;
/// Format byte (`LUAC_FORMAT`): the official format.
const FORMAT: u8 = 0;
/// Bytes that catch text-mode conversions (`LUAC_DATA`).
const DATA: &[u8] = b"\x19\x93\r\n\x1a\n";
/// An integer and a float to check the number formats (`LUAC_INT`, `LUAC_NUM`).
const CHECK_INT: i64 = 0x5678;
const CHECK_NUM: f64 = 370.5;
/// The longest string stored as a short string (`LUAI_MAXSHORTLEN`).
const MAX_SHORT_LEN: usize = 40;

/// Type tags of constants in a binary chunk (lobject.h's variant tags).
const TAG_NIL: u8 = 0;
const TAG_BOOLEAN: u8 = 1;
const TAG_FLOAT: u8 = 3;
const TAG_INTEGER: u8 = 3 | (1 << 4);
const TAG_SHORT_STRING: u8 = 4;
const TAG_LONG_STRING: u8 = 4 | (1 << 4);

/// Dumps a main function as `string.dump` does; `strip` drops the debug information.
pub fn dump(proto: &Proto, strip: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + proto.code.len() * 8);
    out.extend_from_slice(SIGNATURE);
    out.push(VERSION);
    out.push(FORMAT);
    out.extend_from_slice(DATA);
    out.extend_from_slice(&[4, 8, 4, 8, 8]);
    out.extend_from_slice(&CHECK_INT.to_le_bytes());
    out.extend_from_slice(&CHECK_NUM.to_le_bytes());
    out.push(proto.upvalues.len() as u8);
    dump_function(&mut out, proto, None, strip);
    out
}

fn dump_int(out: &mut Vec<u8>, value: usize) {
    out.extend_from_slice(&(value as i32).to_le_bytes());
}

fn dump_string(out: &mut Vec<u8>, s: Option<&[u8]>) {
    let Some(s) = s else {
        out.push(0);
        return;
    };
    let size = s.len() + 1;
    if size < 0xff {
        out.push(size as u8);
    } else {
        out.push(0xff);
        out.extend_from_slice(&(size as u64).to_le_bytes());
    }
    out.extend_from_slice(s);
}

fn dump_function(out: &mut Vec<u8>, f: &Proto, parent_source: Option<&[u8]>, strip: bool) {
    let source: &[u8] = &f.source;
    if strip || parent_source == Some(source) {
        dump_string(out, None);
    } else {
        dump_string(out, Some(source));
    }
    dump_int(out, f.line_defined as usize);
    dump_int(out, f.last_line_defined as usize);
    out.extend_from_slice(&[f.num_params, f.is_vararg as u8, f.max_stack_size]);
    dump_int(out, f.code.len());
    for i in &f.code {
        out.extend_from_slice(&i.to_le_bytes());
    }
    dump_int(out, f.constants.len());
    for k in &f.constants {
        match k {
            Constant::Nil => out.push(TAG_NIL),
            Constant::Bool(b) => out.extend_from_slice(&[TAG_BOOLEAN, *b as u8]),
            Constant::Float(r) => {
                out.push(TAG_FLOAT);
                out.extend_from_slice(&r.to_le_bytes());
            }
            Constant::Int(i) => {
                out.push(TAG_INTEGER);
                out.extend_from_slice(&i.to_le_bytes());
            }
            Constant::Str(s) => {
                out.push(if s.len() <= MAX_SHORT_LEN {
                    TAG_SHORT_STRING
                } else {
                    TAG_LONG_STRING
                });
                dump_string(out, Some(s));
            }
        }
    }
    dump_int(out, f.upvalues.len());
    for up in &f.upvalues {
        out.extend_from_slice(&[up.in_stack as u8, up.index]);
    }
    dump_int(out, f.protos.len());
    for p in &f.protos {
        dump_function(out, p, Some(source), strip);
    }
    let debug_len = |n: usize| if strip { 0 } else { n };
    dump_int(out, debug_len(f.line_info.len()));
    for &line in f.line_info.iter().take(debug_len(f.line_info.len())) {
        dump_int(out, line as usize);
    }
    dump_int(out, debug_len(f.local_vars.len()));
    for var in f.local_vars.iter().take(debug_len(f.local_vars.len())) {
        dump_string(out, Some(&var.name));
        dump_int(out, var.start_pc as usize);
        dump_int(out, var.end_pc as usize);
    }
    dump_int(out, debug_len(f.upvalues.len()));
    for up in f.upvalues.iter().take(debug_len(f.upvalues.len())) {
        dump_string(out, Some(&up.name));
    }
}
