//! Loading binary chunks: bytes in PUC Lua 5.3's format back to a prototype. Mirrors
//! `luaU_undump` in lundump.c, with PUC's messages (`truncated precompiled chunk`...).
//!
//! What is read is then checked by [`super::verify`], which PUC does not do: a binary chunk
//! made by hand must not make the interpreter read outside its registers or constants.

use std::rc::Rc;

use super::{Constant, LocalVar, Proto, UpvalueDesc, SIGNATURE};

/// Why a binary chunk was refused: PUC's message, without the chunk name.
pub type UndumpError = Vec<u8>;

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The chunk's name as messages show it (`S->name`).
    name: Vec<u8>,
}

impl Reader<'_> {
    #[cold]
    fn error(&self, why: &str) -> UndumpError {
        let mut text = self.name.clone();
        text.extend_from_slice(format!(": {why} precompiled chunk").as_bytes());
        text
    }

    fn block(&mut self, n: usize) -> Result<&[u8], UndumpError> {
        if self.bytes.len() - self.pos < n {
            return Err(self.error("truncated"));
        }
        let block = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(block)
    }

    fn byte(&mut self) -> Result<u8, UndumpError> {
        Ok(self.block(1)?[0])
    }

    fn int(&mut self) -> Result<i32, UndumpError> {
        let b = self.block(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A count (`LoadInt` used as a size): negative counts are refused as truncation would be.
    fn count(&mut self) -> Result<usize, UndumpError> {
        let n = self.int()?;
        usize::try_from(n).map_err(|_| self.error("truncated"))
    }

    fn u64(&mut self) -> Result<u64, UndumpError> {
        let b = self.block(8)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(b);
        Ok(u64::from_le_bytes(word))
    }

    fn string(&mut self) -> Result<Option<Rc<[u8]>>, UndumpError> {
        let mut size = self.byte()? as u64;
        if size == 0xff {
            size = self.u64()?;
        }
        if size == 0 {
            return Ok(None);
        }
        let len = usize::try_from(size - 1).map_err(|_| self.error("truncated"))?;
        Ok(Some(Rc::from(self.block(len)?)))
    }

    /// Reads `literal.len()` bytes, then compares: truncation is reported as such first.
    fn check_literal(&mut self, literal: &[u8], why: &str) -> Result<(), UndumpError> {
        if self.block(literal.len())? != literal {
            return Err(self.error(why));
        }
        Ok(())
    }

    fn header(&mut self) -> Result<(), UndumpError> {
        self.check_literal(&SIGNATURE[1..], "not a")?;
        if self.byte()? != 0x53 {
            return Err(self.error("version mismatch in"));
        }
        if self.byte()? != 0 {
            return Err(self.error("format mismatch in"));
        }
        self.check_literal(b"\x19\x93\r\n\x1a\n", "corrupted")?;
        for (size, what) in [
            (4, "int"),
            (8, "size_t"),
            (4, "Instruction"),
            (8, "lua_Integer"),
            (8, "lua_Number"),
        ] {
            if self.byte()? != size {
                return Err(self.error(&format!("{what} size mismatch in")));
            }
        }
        if self.u64()? as i64 != 0x5678 {
            return Err(self.error("endianness mismatch in"));
        }
        if f64::from_bits(self.u64()?) != 370.5 {
            return Err(self.error("float format mismatch in"));
        }
        Ok(())
    }

    fn function(
        &mut self,
        parent_source: Option<Rc<[u8]>>,
        depth: usize,
    ) -> Result<Proto, UndumpError> {
        if depth > 200 {
            // Nesting beyond what the compiler can produce; refusing it bounds the recursion.
            return Err(self.error("truncated"));
        }
        let source = self
            .string()?
            .or(parent_source)
            .unwrap_or_else(|| Rc::from(&b"=?"[..]));
        let line_defined = self.int()? as u32;
        let last_line_defined = self.int()? as u32;
        let num_params = self.byte()?;
        let is_vararg = self.byte()? != 0;
        let max_stack_size = self.byte()?;
        let n = self.count()?;
        let mut code = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            code.push(self.int()? as u32);
        }
        let n = self.count()?;
        let mut constants = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            constants.push(match self.byte()? {
                0 => Constant::Nil,
                1 => Constant::Bool(self.byte()? != 0),
                3 => Constant::Float(f64::from_bits(self.u64()?)),
                19 => Constant::Int(self.u64()? as i64),
                4 | 20 => Constant::Str(self.string()?.unwrap_or_else(|| Rc::from(&b""[..]))),
                _ => return Err(self.error("corrupted")),
            });
        }
        let n = self.count()?;
        let mut upvalues = Vec::with_capacity(n.min(256));
        for _ in 0..n {
            let in_stack = self.byte()? != 0;
            let index = self.byte()?;
            upvalues.push(UpvalueDesc {
                name: Rc::from(&b""[..]),
                in_stack,
                index,
            });
        }
        let n = self.count()?;
        let mut protos = Vec::with_capacity(n.min(1 << 12));
        for _ in 0..n {
            protos.push(Rc::new(self.function(Some(source.clone()), depth + 1)?));
        }
        let n = self.count()?;
        let mut line_info = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            line_info.push(self.int()? as u32);
        }
        let n = self.count()?;
        let mut local_vars = Vec::with_capacity(n.min(1 << 12));
        for _ in 0..n {
            let name = self.string()?.unwrap_or_else(|| Rc::from(&b""[..]));
            let start_pc = self.int()? as u32;
            let end_pc = self.int()? as u32;
            local_vars.push(LocalVar {
                name,
                start_pc,
                end_pc,
            });
        }
        let n = self.count()?;
        for i in 0..n {
            let name = self.string()?.unwrap_or_else(|| Rc::from(&b""[..]));
            if let Some(up) = upvalues.get_mut(i) {
                up.name = name;
            }
        }
        Ok(Proto {
            code,
            line_info,
            constants,
            protos,
            upvalues,
            local_vars,
            source,
            line_defined,
            last_line_defined,
            num_params,
            is_vararg,
            max_stack_size,
        })
    }
}

/// Reads a binary chunk named `chunk_name` (as given to `load`), checking its header and then
/// its code (`luaU_undump`).
pub fn undump(bytes: &[u8], chunk_name: &[u8]) -> Result<Proto, UndumpError> {
    let name = match chunk_name.first() {
        Some(b'@' | b'=') => chunk_name[1..].to_vec(),
        Some(&c) if c == SIGNATURE[0] => b"binary string".to_vec(),
        _ => chunk_name.to_vec(),
    };
    let mut reader = Reader {
        bytes,
        pos: 1,
        name,
    };
    reader.header()?;
    let n_upvalues = reader.byte()?;
    let proto = reader.function(None, 0)?;
    if proto.upvalues.len() != n_upvalues as usize {
        return Err(reader.error("corrupted"));
    }
    super::verify::verify(&proto, None).map_err(|_| reader.error("bad code in"))?;
    Ok(proto)
}
