//! The `io` library: files, the standard streams, and the default input and output.
//! Mirrors liolib.c of PUC Lua 5.3.6 (built for POSIX) and `luaL_fileresult`/
//! `luaL_execresult` of lauxlib.c; manual §6.8.
//!
//! A file handle is a full userdata with the shared metatable `FILE*` (whose `__index` holds
//! the methods), holding the number of its stream, or nothing once closed. Differences from
//! PUC:
//! - The streams themselves live in a process-wide registry, by number. A file the program
//!   does not close is closed by its `__gc` when the collector finds it unreachable, or when
//!   the state is closed or dropped.
//! - Writes are not buffered unless `setvbuf` asks for it: by default each `write` reaches
//!   the file (or, for standard output, the same sink as `print`) at once, because no exit
//!   hook could flush buffers when the program ends. After `setvbuf("full", size)` or
//!   `setvbuf("line")` a file buffers as C's streams do, and its buffer is written by
//!   `flush`, `seek`, `close`, a read, or `os.exit`; the standard streams ignore `setvbuf`.
//!   Reads are buffered, and a write or seek after a read gives back what was read ahead, so
//!   mixed reads and writes see the file as C's streams do.
//! - `seek` fails on the standard streams and pipes with `Illegal seek`, as it does in PUC
//!   when they are terminals or pipes.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::number::{self, Number};
use crate::object::NativeFunction;
use crate::value::{TableRef, Truth, Value};
use crate::vm::{Lua, LuaError};

/// The private key under which a handle table keeps its stream number.
/// What a handle userdata holds: its stream's number, or `None` once closed.
struct FileHandle(Option<u64>);

/// Slots of the library's state table, the first upvalue of every function.
const STATE_METATABLE: i64 = 1;
const STATE_INPUT: i64 = 2;
const STATE_OUTPUT: i64 = 3;

/// The maximum number of formats `lines` takes (`MAXARGLINE`).
const MAX_LINE_ARGS: usize = 250;

/// The maximum length of a numeral `read("n")` reads (`L_MAXLENNUM`).
const MAX_NUMERAL: usize = 200;

/// How much a read asks of the system at once (`LUAL_BUFFERSIZE`).
const CHUNK: usize = 8192;

/// Opens the library into `_G.io` and `package.loaded.io`, with the metatable of file handles
/// and the three standard files (`luaopen_io`).
pub fn open(lua: &mut Lua) {
    let state = new_table(lua);
    let library = new_table(lua);
    let functions: [(&str, NativeFunction); 11] = [
        ("close", io_close),
        ("flush", io_flush),
        ("input", io_input),
        ("lines", io_lines),
        ("open", io_open),
        ("output", io_output),
        ("popen", io_popen),
        ("read", io_read),
        ("tmpfile", io_tmpfile),
        ("type", io_type),
        ("write", io_write),
    ];
    register_closures(lua, library, state, &functions);
    // The metatable of file handles (`createmeta`).
    let metatable = new_table(lua);
    let methods: [(&str, NativeFunction); 9] = [
        ("close", f_close),
        ("flush", f_flush),
        ("lines", f_lines),
        ("read", f_read),
        ("seek", f_seek),
        ("setvbuf", f_setvbuf),
        ("write", f_write),
        ("__gc", f_gc),
        ("__tostring", f_tostring),
    ];
    register_closures(lua, metatable, state, &methods);
    set_field(lua, metatable, "__index", Value::Table(metatable));
    let name = lua.string(b"FILE*");
    set_field(lua, metatable, "__name", name);
    lua.heap
        .table_set_int(state, STATE_METATABLE, Value::Table(metatable));
    // The standard files (`createstdfile`).
    for (name, backend, slot) in [
        ("stdin", Backend::Stdin, Some(STATE_INPUT)),
        ("stdout", Backend::Stdout, Some(STATE_OUTPUT)),
        ("stderr", Backend::Stderr, None),
    ] {
        let handle = new_handle(lua, state, Stream::new(backend, CloseKind::Standard));
        if let Some(slot) = slot {
            lua.heap.table_set_int(state, slot, handle);
        }
        set_field(lua, library, name, handle);
    }
    lua.set_global("io", Value::Table(library));
    lua.set_loaded("io", Value::Table(library));
}

fn new_table(lua: &mut Lua) -> TableRef {
    let Value::Table(t) = lua.new_table() else {
        unreachable!("new_table makes a table")
    };
    t
}

fn set_field(lua: &mut Lua, table: TableRef, name: &str, value: Value) {
    let key = lua.string(name.as_bytes());
    lua.heap.table_set(table, key, value);
}

/// Registers functions that share the library's state table as their first upvalue.
fn register_closures(
    lua: &mut Lua,
    table: TableRef,
    state: TableRef,
    functions: &[(&str, NativeFunction)],
) {
    for &(name, function) in functions {
        let closure = lua.native_closure(function, vec![Value::Table(state)]);
        set_field(lua, table, name, closure);
    }
}

// ---- Results of system calls ----

/// The results of an operation on a file (`luaL_fileresult`): true, or nil, the message of
/// the error (after `name: ` if a name is given) and its number.
pub(crate) fn file_result(
    lua: &mut Lua,
    result: std::io::Result<()>,
    name: Option<&[u8]>,
) -> usize {
    match result {
        Ok(()) => {
            lua.push(Value::Bool(Truth::True));
            1
        }
        Err(error) => {
            lua.push(Value::Nil);
            let mut message = Vec::new();
            if let Some(name) = name {
                message.extend_from_slice(name);
                message.extend_from_slice(b": ");
            }
            message.extend_from_slice(super::base::io_error_text(&error).as_bytes());
            let message = lua.string(&message);
            lua.push(message);
            lua.push(Value::Int(error.raw_os_error().unwrap_or(0) as i64));
            3
        }
    }
}

/// An error with a C `errno` value, for failures the system does not report itself.
fn errno_error(errno: i32) -> std::io::Error {
    std::io::Error::from_raw_os_error(errno)
}

const EBADF: i32 = 9;
const EINVAL: i32 = 22;
const ESPIPE: i32 = 29;

// ---- Streams ----

/// Where a stream's bytes come from or go to.
#[derive(Debug)]
enum Backend {
    Stdin,
    /// Standard output, written through [`Lua::write_output`], the sink of `print`.
    Stdout,
    Stderr,
    File(std::fs::File),
    /// A command started by `io.popen`, with a pipe from its output or to its input.
    Pipe(std::process::Child),
}

/// What closing a stream does (PUC's `closef`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CloseKind {
    /// The standard files are never closed (`io_noclose`).
    Standard,
    File,
    Pipe,
}

/// How a stream buffers writes (`setvbuf`'s modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Buffering {
    /// Written at once: the default here, PUC's `"no"`.
    No,
    /// Written when the buffer holds this many bytes.
    Full(usize),
    /// Written at each newline.
    Line,
}

/// An open stream: a C `FILE`, as far as Lua can see one.
#[derive(Debug)]
struct Stream {
    backend: Backend,
    close_kind: CloseKind,
    buffering: Buffering,
    /// Bytes written but not yet passed to the system.
    pending: Vec<u8>,
    /// Bytes read ahead; those from `position` on are not consumed yet.
    buffer: Vec<u8>,
    position: usize,
    /// The error indicator (`ferror`), set by a failed read.
    error: Option<std::io::Error>,
}

type SharedStream = Arc<Mutex<Stream>>;

/// Every open stream of the process, by number.
static STREAMS: Mutex<BTreeMap<u64, SharedStream>> = Mutex::new(BTreeMap::new());

/// The number of the next stream.
static NEXT_STREAM: AtomicU64 = AtomicU64::new(1);

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Stream {
    fn new(backend: Backend, close_kind: CloseKind) -> Stream {
        Stream {
            backend,
            close_kind,
            buffering: Buffering::No,
            pending: Vec::new(),
            buffer: Vec::new(),
            position: 0,
            error: None,
        }
    }

    /// Reads from the system into `buffer`.
    fn read_raw(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        match &mut self.backend {
            Backend::Stdin => std::io::stdin().lock().read(buffer),
            Backend::File(file) => file.read(buffer),
            Backend::Pipe(child) => match child.stdout.as_mut() {
                Some(pipe) => pipe.read(buffer),
                None => Err(errno_error(EBADF)),
            },
            Backend::Stdout | Backend::Stderr => Err(errno_error(EBADF)),
        }
    }

    /// Makes sure an unconsumed byte is buffered; false at end of file or on an error, which
    /// is recorded.
    fn fill(&mut self) -> bool {
        if self.position < self.buffer.len() {
            return true;
        }
        if let Err(error) = self.flush() {
            self.error = Some(error);
            return false;
        }
        self.buffer.resize(CHUNK, 0);
        self.position = 0;
        let mut chunk = std::mem::take(&mut self.buffer);
        let result = loop {
            match self.read_raw(&mut chunk) {
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        let n = match result {
            Ok(n) => n,
            Err(error) => {
                self.error = Some(error);
                0
            }
        };
        chunk.truncate(n);
        self.buffer = chunk;
        n > 0
    }

    /// The next byte (`getc`), or `None` at end of file.
    fn getc(&mut self) -> Option<u8> {
        if !self.fill() {
            return None;
        }
        self.position += 1;
        Some(self.buffer[self.position - 1])
    }

    /// Gives back the byte just read (`ungetc`); nothing after end of file.
    fn ungetc(&mut self, byte: Option<u8>) {
        if byte.is_some() {
            self.position -= 1;
        }
    }

    /// Forgets the bytes read ahead, moving a file back to the first of them, before a write
    /// or a seek.
    fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        let unread = (self.buffer.len() - self.position) as i64;
        self.buffer.clear();
        self.position = 0;
        if let (Backend::File(file), true) = (&mut self.backend, unread > 0) {
            file.seek(SeekFrom::Current(-unread))?;
        }
        Ok(())
    }

    /// Writes bytes to a stream other than standard output, through its buffer if it has
    /// one.
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.drop_read_ahead()?;
        match self.buffering {
            Buffering::No => self.write_raw(bytes),
            Buffering::Full(size) => {
                self.pending.extend_from_slice(bytes);
                if self.pending.len() >= size {
                    self.flush()?;
                }
                Ok(())
            }
            Buffering::Line => {
                self.pending.extend_from_slice(bytes);
                if bytes.contains(&b'\n') {
                    self.flush()?;
                }
                Ok(())
            }
        }
    }

    /// Passes buffered writes to the system (`fflush`).
    fn flush(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        self.write_raw(&pending)
    }

    /// Writes bytes to the system.
    fn write_raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match &mut self.backend {
            Backend::Stderr => std::io::stderr().write_all(bytes),
            Backend::File(file) => file.write_all(bytes),
            Backend::Pipe(child) => match child.stdin.as_mut() {
                Some(pipe) => pipe.write_all(bytes),
                None => Err(errno_error(EBADF)),
            },
            Backend::Stdin => Err(errno_error(EBADF)),
            Backend::Stdout => unreachable!("standard output is written through the state"),
        }
    }

    /// A line, without or with its newline (`read_line`); false if nothing was read.
    fn read_line(&mut self, keep_newline: bool, out: &mut Vec<u8>) -> bool {
        let start = out.len();
        loop {
            if !self.fill() {
                return out.len() > start;
            }
            let available = &self.buffer[self.position..];
            match available.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    let end = if keep_newline { i + 1 } else { i };
                    out.extend_from_slice(&available[..end]);
                    self.position += i + 1;
                    return true;
                }
                None => {
                    out.extend_from_slice(available);
                    self.position = self.buffer.len();
                }
            }
        }
    }

    /// Up to `n` bytes (`read_chars`); false if none were read.
    fn read_chars(&mut self, n: usize, out: &mut Vec<u8>) -> bool {
        let mut left = n;
        while left > 0 && self.fill() {
            let available = &self.buffer[self.position..];
            let taken = available.len().min(left);
            out.extend_from_slice(&available[..taken]);
            self.position += taken;
            left -= taken;
        }
        left < n
    }

    /// Everything up to the end of the file (`read_all`).
    fn read_all(&mut self, out: &mut Vec<u8>) {
        while self.fill() {
            out.extend_from_slice(&self.buffer[self.position..]);
            self.position = self.buffer.len();
        }
    }

    /// Whether the stream is at its end, without consuming anything (`test_eof`).
    fn at_end(&mut self) -> bool {
        !self.fill()
    }

    /// A numeral, read as far as it looks like one (`read_number`), and its value.
    fn read_number(&mut self) -> Option<Number> {
        let mut reader = NumeralReader {
            stream: self,
            text: Vec::new(),
            overflow: false,
            current: None,
        };
        reader.current = reader.stream.getc();
        while reader.current.is_some_and(number::is_space) {
            reader.current = reader.stream.getc();
        }
        reader.accept(b"-+");
        let mut count = 0;
        let mut hex = false;
        if reader.accept(b"00") {
            if reader.accept(b"xX") {
                hex = true;
            } else {
                count = 1;
            }
        }
        count += reader.digits(hex);
        if reader.accept(b"..") {
            count += reader.digits(hex);
        }
        if count > 0 && reader.accept(if hex { b"pP" } else { b"eE" }) {
            reader.accept(b"-+");
            reader.digits(false);
        }
        let last = reader.current;
        reader.stream.ungetc(last);
        if reader.overflow {
            return None;
        }
        number::str_to_number(&reader.text)
    }

    /// Moves to a position (`fseek` then `ftell`).
    fn seek(&mut self, whence: usize, offset: i64) -> std::io::Result<i64> {
        self.flush()?;
        let unread = (self.buffer.len() - self.position) as i64;
        let Backend::File(file) = &mut self.backend else {
            return Err(errno_error(ESPIPE));
        };
        let target = match whence {
            0 if offset < 0 => return Err(errno_error(EINVAL)),
            0 => SeekFrom::Start(offset as u64),
            1 => SeekFrom::Current(offset - unread),
            _ => SeekFrom::End(offset),
        };
        let position = file.seek(target)?;
        self.buffer.clear();
        self.position = 0;
        Ok(position as i64)
    }
}

/// The state of `read_number` (`RN`): the numeral so far and one byte of look-ahead.
struct NumeralReader<'a> {
    stream: &'a mut Stream,
    text: Vec<u8>,
    /// Set when the numeral grew past [`MAX_NUMERAL`], which invalidates it.
    overflow: bool,
    current: Option<u8>,
}

impl NumeralReader<'_> {
    /// Keeps the current byte and reads the next (`nextc`); false past the length limit.
    fn next(&mut self) -> bool {
        if self.text.len() >= MAX_NUMERAL {
            self.overflow = true;
            return false;
        }
        if let Some(byte) = self.current {
            self.text.push(byte);
        }
        self.current = self.stream.getc();
        true
    }

    /// Takes the current byte if it is one of the two in `set` (`test2`).
    fn accept(&mut self, set: &[u8; 2]) -> bool {
        match self.current {
            Some(byte) if byte == set[0] || byte == set[1] => self.next(),
            _ => false,
        }
    }

    /// Takes a run of (hexadecimal) digits and returns its length (`readdigits`).
    fn digits(&mut self, hex: bool) -> usize {
        let mut count = 0;
        while self.current.is_some_and(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        }) && self.next()
        {
            count += 1;
        }
        count
    }
}

// ---- Handles ----

/// The library's state table, the first upvalue of the running function.
fn state(lua: &Lua) -> TableRef {
    match lua.native_upvalue(1) {
        Value::Table(t) => t,
        _ => unreachable!("io functions are opened with their state"),
    }
}

/// A new handle for a stream (`newprefile` and `newfile`).
fn new_handle(lua: &mut Lua, state: TableRef, stream: Stream) -> Value {
    let id = NEXT_STREAM.fetch_add(1, Ordering::Relaxed);
    lock(&STREAMS).insert(id, Arc::new(Mutex::new(stream)));
    let metatable = match lua.heap.table(state).get_int(STATE_METATABLE) {
        Value::Table(metatable) => Some(metatable),
        _ => None,
    };
    lua.new_userdata(Box::new(FileHandle(Some(id))), metatable)
}

/// What a value is as a file handle.
enum HandleState {
    NotAHandle,
    Closed,
    Open(u64),
}

fn handle_state(lua: &Lua, value: Value) -> HandleState {
    let metatable = lua.heap.table(state(lua)).get_int(STATE_METATABLE);
    let is_handle = match (lua.metatable(value), metatable) {
        (Some(a), Value::Table(b)) => a == b && matches!(value, Value::Userdata(_)),
        _ => false,
    };
    if !is_handle {
        return HandleState::NotAHandle;
    }
    match lua.userdata_ref::<FileHandle>(value) {
        Some(FileHandle(Some(id))) if lock(&STREAMS).contains_key(id) => HandleState::Open(*id),
        Some(_) => HandleState::Closed,
        None => HandleState::NotAHandle,
    }
}

/// The stream of an open handle.
fn stream_of(id: u64) -> SharedStream {
    lock(&STREAMS)
        .get(&id)
        .cloned()
        .expect("an open handle has a stream")
}

/// Argument `arg` as a handle, open or closed (`tolstream`, via `luaL_checkudata`).
fn check_handle(lua: &mut Lua, arg: usize) -> Result<Option<u64>, LuaError> {
    match handle_state(lua, lua.arg(arg)) {
        HandleState::Open(id) => Ok(Some(id)),
        HandleState::Closed => Ok(None),
        HandleState::NotAHandle => Err(lua.arg_type_error(arg, "FILE*")),
    }
}

/// Argument `arg` as an open handle (`tofile`).
fn check_open(lua: &mut Lua, arg: usize) -> Result<u64, LuaError> {
    match check_handle(lua, arg)? {
        Some(id) => Ok(id),
        None => Err(lua.error(b"attempt to use a closed file")),
    }
}

/// The default input or output handle and its stream (`getiofile`).
fn default_file(lua: &mut Lua, slot: i64) -> Result<(Value, u64), LuaError> {
    let handle = lua.heap.table(state(lua)).get_int(slot);
    match handle_state(lua, handle) {
        HandleState::Open(id) => Ok((handle, id)),
        _ => {
            let which = if slot == STATE_INPUT {
                "input"
            } else {
                "output"
            };
            Err(lua.error(format!("standard {which} file is closed").as_bytes()))
        }
    }
}

/// Closes the stream of an open handle and returns the results of closing (`aux_close`).
fn close_handle(lua: &mut Lua, handle: Value, id: u64) -> usize {
    let shared = stream_of(id);
    let kind = lock(&shared).close_kind;
    if kind == CloseKind::Standard {
        lua.push(Value::Nil);
        let message = lua.string(b"cannot close standard file");
        lua.push(message);
        return 2;
    }
    lock(&STREAMS).remove(&id);
    if let Some(file) = lua.userdata_mut::<FileHandle>(handle) {
        file.0 = None;
    }
    // Another thread may hold the stream for a moment (`flush_all`), so the backend is taken
    // out rather than the stream unwrapped; dropping it closes the file.
    let mut stream = lock(&shared);
    let flushed = stream.flush();
    let backend = std::mem::replace(&mut stream.backend, Backend::Stdin);
    drop(stream);
    match backend {
        Backend::Pipe(mut child) => {
            // Closing our end of an input pipe lets the command finish.
            drop(child.stdin.take());
            let status = child.wait();
            super::os::exec_result(lua, status)
        }
        _ => file_result(lua, flushed, None),
    }
}

/// Opens a file as `fopen` does with `mode`, which passed [`valid_mode`].
fn open_file(name: &[u8], mode: &[u8]) -> std::io::Result<std::fs::File> {
    let plus = mode.contains(&b'+');
    let mut options = std::fs::OpenOptions::new();
    match mode[0] {
        b'r' => options.read(true).write(plus),
        b'w' => options.write(true).create(true).truncate(true).read(plus),
        _ => options.append(true).create(true).read(plus),
    };
    options.open(super::os::path_of(name))
}

/// Whether a mode is `[rwa]%+?b*` (`l_checkmode`).
fn valid_mode(mode: &[u8]) -> bool {
    let Some((&first, mut rest)) = mode.split_first() else {
        return false;
    };
    if !b"rwa".contains(&first) {
        return false;
    }
    if rest.first() == Some(&b'+') {
        rest = &rest[1..];
    }
    rest.iter().all(|&b| b == b'b')
}

/// Opens a file for `io.lines` or `io.input`/`io.output`, failing with an error
/// (`opencheck`).
fn open_or_fail(lua: &mut Lua, name: &[u8], mode: &[u8]) -> Result<Value, LuaError> {
    match open_file(name, mode) {
        Ok(file) => {
            let state = state(lua);
            Ok(new_handle(
                lua,
                state,
                Stream::new(Backend::File(file), CloseKind::File),
            ))
        }
        Err(error) => {
            let mut message = b"cannot open file '".to_vec();
            message.extend_from_slice(name);
            message.extend_from_slice(b"' (");
            message.extend_from_slice(super::base::io_error_text(&error).as_bytes());
            message.push(b')');
            Err(lua.error(&message))
        }
    }
}

// ---- Library functions ----

/// `io.type(obj)`: `"file"`, `"closed file"` or nil.
fn io_type(lua: &mut Lua) -> Result<usize, LuaError> {
    let value = lua.check_any(1)?;
    let result = match handle_state(lua, value) {
        HandleState::Open(_) => lua.string(b"file"),
        HandleState::Closed => lua.string(b"closed file"),
        HandleState::NotAHandle => Value::Nil,
    };
    lua.push(result);
    Ok(1)
}

/// `tostring(file)`: `file (closed)` or `file (0x...)` (`f_tostring`).
fn f_tostring(lua: &mut Lua) -> Result<usize, LuaError> {
    let text = match check_handle(lua, 1)? {
        None => "file (closed)".to_string(),
        Some(_) => format!("file (0x{:x})", super::address_of(lua.arg(1))),
    };
    let text = lua.string(text.as_bytes());
    lua.push(text);
    Ok(1)
}

/// `file:close()` (`f_close`).
fn f_close(lua: &mut Lua) -> Result<usize, LuaError> {
    let id = check_open(lua, 1)?;
    let handle = lua.arg(1);
    Ok(close_handle(lua, handle, id))
}

/// `io.close([file])`: closes a file, or the default output (`io_close`).
fn io_close(lua: &mut Lua) -> Result<usize, LuaError> {
    if lua.arg_count() == 0 {
        let output = lua.heap.table(state(lua)).get_int(STATE_OUTPUT);
        lua.push(output);
    }
    f_close(lua)
}

/// The `__gc` metamethod: closes a file that is still open (`f_gc`).
fn f_gc(lua: &mut Lua) -> Result<usize, LuaError> {
    if let Some(id) = check_handle(lua, 1)? {
        let handle = lua.arg(1);
        // The results of closing are left on the stack, unused.
        close_handle(lua, handle, id);
    }
    Ok(0)
}

/// `io.open(filename [, mode])` (`io_open`).
fn io_open(lua: &mut Lua) -> Result<usize, LuaError> {
    let name = lua.check_string(1)?;
    let mode = lua.opt_string(2, b"r")?;
    let (name, mode) = (lua.str_bytes(name).to_vec(), lua.str_bytes(mode).to_vec());
    if !valid_mode(&mode) {
        return Err(lua.arg_error(2, b"invalid mode"));
    }
    match open_file(&name, &mode) {
        Ok(file) => {
            let state = state(lua);
            let handle = new_handle(
                lua,
                state,
                Stream::new(Backend::File(file), CloseKind::File),
            );
            lua.push(handle);
            Ok(1)
        }
        Err(error) => Ok(file_result(lua, Err(error), Some(&name))),
    }
}

/// `io.popen(prog [, mode])`: runs a command through `/bin/sh` with a pipe from its output
/// (`"r"`) or to its input (`"w"`).
fn io_popen(lua: &mut Lua) -> Result<usize, LuaError> {
    use std::process::{Command, Stdio};
    let program = lua.check_string(1)?;
    let mode = lua.opt_string(2, b"r")?;
    let (program, mode) = (
        lua.str_bytes(program).to_vec(),
        lua.str_bytes(mode).to_vec(),
    );
    let reading = match mode.as_slice() {
        b"r" => true,
        b"w" => false,
        _ => return Err(lua.arg_error(2, b"invalid mode")),
    };
    let mut command = Command::new("/bin/sh");
    command
        .arg("-c")
        .arg(super::os::path_of(&program).into_os_string());
    if reading {
        command.stdout(Stdio::piped());
    } else {
        command.stdin(Stdio::piped());
    }
    match command.spawn() {
        Ok(child) => {
            let state = state(lua);
            let handle = new_handle(
                lua,
                state,
                Stream::new(Backend::Pipe(child), CloseKind::Pipe),
            );
            lua.push(handle);
            Ok(1)
        }
        Err(error) => Ok(file_result(lua, Err(error), Some(&program))),
    }
}

/// `io.tmpfile()`: a new file, open for reading and writing, removed already.
fn io_tmpfile(lua: &mut Lua) -> Result<usize, LuaError> {
    let mut last_error = errno_error(EINVAL);
    for attempt in 0..100u32 {
        let name = format!(
            "/tmp/ferrolua_tmp_{}_{}_{attempt}",
            std::process::id(),
            NEXT_STREAM.load(Ordering::Relaxed)
        );
        let created = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&name);
        match created {
            Ok(file) => {
                let _ = std::fs::remove_file(&name);
                let state = state(lua);
                let handle = new_handle(
                    lua,
                    state,
                    Stream::new(Backend::File(file), CloseKind::File),
                );
                lua.push(handle);
                return Ok(1);
            }
            Err(error) => last_error = error,
        }
    }
    Ok(file_result(lua, Err(last_error), None))
}

/// `io.input([file])` and `io.output([file])`: sets the default file from a name or a
/// handle, and returns it (`g_iofile`).
fn default_file_access(lua: &mut Lua, slot: i64, mode: &[u8]) -> Result<usize, LuaError> {
    if !lua.arg(1).is_nil() {
        let handle = match lua.arg(1) {
            Value::Str(_) | Value::Int(_) | Value::Float(_) => {
                let name = lua.check_string(1)?;
                let name = lua.str_bytes(name).to_vec();
                open_or_fail(lua, &name, mode)?
            }
            handle => {
                check_open(lua, 1)?;
                handle
            }
        };
        let state = state(lua);
        lua.heap.table_set_int(state, slot, handle);
    }
    let current = lua.heap.table(state(lua)).get_int(slot);
    lua.push(current);
    Ok(1)
}

fn io_input(lua: &mut Lua) -> Result<usize, LuaError> {
    default_file_access(lua, STATE_INPUT, b"r")
}

fn io_output(lua: &mut Lua) -> Result<usize, LuaError> {
    default_file_access(lua, STATE_OUTPUT, b"w")
}

// ---- Reading ----

/// What one format of `read` asks for.
enum Format {
    Count(usize),
    Number,
    Line { keep_newline: bool },
    All,
}

/// The meaning of a format value, checked as `g_read` checks it; `arg` numbers it in
/// messages.
fn parse_format(lua: &mut Lua, value: Value, arg: usize) -> Result<Format, LuaError> {
    let text = match value {
        Value::Int(n) => return Ok(Format::Count(usize::try_from(n).unwrap_or(usize::MAX))),
        Value::Float(f) => match crate::arith::float_to_int_exact(f) {
            Some(n) => return Ok(Format::Count(usize::try_from(n).unwrap_or(usize::MAX))),
            None => return Err(lua.arg_error(arg, b"number has no integer representation")),
        },
        Value::Str(s) => lua.str_bytes(s).to_vec(),
        other => {
            let kind = match lua.metafield(other, b"__name") {
                Value::Str(s) => lua.str_bytes(s).to_vec(),
                _ => other.type_name().as_bytes().to_vec(),
            };
            let mut message = b"string expected, got ".to_vec();
            message.extend_from_slice(&kind);
            return Err(lua.arg_error(arg, &message));
        }
    };
    // A leading '*' is accepted for compatibility with Lua 5.2.
    let text = text.strip_prefix(b"*").unwrap_or(&text);
    match text.first() {
        Some(b'n') => Ok(Format::Number),
        Some(b'l') => Ok(Format::Line {
            keep_newline: false,
        }),
        Some(b'L') => Ok(Format::Line { keep_newline: true }),
        Some(b'a') => Ok(Format::All),
        _ => Err(lua.arg_error(arg, b"invalid format")),
    }
}

/// Reads by `formats` (`g_read`) and returns the values read: one per format up to the first
/// that fails, which gives nil, or nil, a message and an error number if the stream failed.
/// `first_arg` is how messages number the first format.
fn read_formats(
    lua: &mut Lua,
    id: u64,
    formats: &[Value],
    first_arg: usize,
) -> Result<Vec<Value>, LuaError> {
    let shared = stream_of(id);
    lock(&shared).error = None;
    let mut results = Vec::new();
    let default_format = [lua.string(b"l")];
    let formats = if formats.is_empty() {
        &default_format[..]
    } else {
        formats
    };
    for (i, &value) in formats.iter().enumerate() {
        let format = parse_format(lua, value, first_arg + i)?;
        let mut stream = lock(&shared);
        let mut bytes = Vec::new();
        let (success, result) = match format {
            Format::Count(0) => (!stream.at_end(), None),
            Format::Count(n) => (stream.read_chars(n, &mut bytes), None),
            Format::Line { keep_newline } => (stream.read_line(keep_newline, &mut bytes), None),
            Format::All => {
                stream.read_all(&mut bytes);
                (true, None)
            }
            Format::Number => match stream.read_number() {
                Some(Number::Int(n)) => (true, Some(Value::Int(n))),
                Some(Number::Float(f)) => (true, Some(Value::Float(f))),
                None => (false, None),
            },
        };
        drop(stream);
        if !success {
            results.push(Value::Nil);
            break;
        }
        let value = match result {
            Some(value) => value,
            None => lua.string(&bytes),
        };
        results.push(value);
    }
    let error = lock(&shared).error.take();
    if let Some(error) = error {
        let base = lua.top;
        let n = file_result(lua, Err(error), None);
        let values = lua.stack[base..base + n].to_vec();
        lua.top = base;
        return Ok(values);
    }
    Ok(results)
}

fn push_all(lua: &mut Lua, values: &[Value]) -> Result<usize, LuaError> {
    lua.ensure_stack(values.len())?;
    for &value in values {
        lua.push(value);
    }
    Ok(values.len())
}

/// `io.read(...)`: reads from the default input (`io_read`).
fn io_read(lua: &mut Lua) -> Result<usize, LuaError> {
    let (_, id) = default_file(lua, STATE_INPUT)?;
    let formats: Vec<Value> = (1..=lua.arg_count()).map(|i| lua.arg(i)).collect();
    let results = read_formats(lua, id, &formats, 1)?;
    push_all(lua, &results)
}

/// `file:read(...)` (`f_read`).
fn f_read(lua: &mut Lua) -> Result<usize, LuaError> {
    let id = check_open(lua, 1)?;
    let formats: Vec<Value> = (2..=lua.arg_count()).map(|i| lua.arg(i)).collect();
    let results = read_formats(lua, id, &formats, 2)?;
    push_all(lua, &results)
}

/// An iterator reading `file` by `formats`, closing it at the end when `close_at_end`
/// (`aux_lines`): a closure with upvalues state, file, count, close flag and the formats.
fn lines_iterator(
    lua: &mut Lua,
    file: Value,
    formats: Vec<Value>,
    close_at_end: bool,
) -> Result<Value, LuaError> {
    if formats.len() > MAX_LINE_ARGS {
        return Err(lua.arg_error(MAX_LINE_ARGS + 2, b"too many arguments"));
    }
    let mut upvalues = vec![
        Value::Table(state(lua)),
        file,
        Value::Int(formats.len() as i64),
        Value::boolean(close_at_end),
    ];
    upvalues.extend(formats);
    Ok(lua.native_closure(lines_step, upvalues))
}

/// One step of a `lines` iterator (`io_readline`).
fn lines_step(lua: &mut Lua) -> Result<usize, LuaError> {
    let file = lua.native_upvalue(2);
    let id = match handle_state(lua, file) {
        HandleState::Open(id) => id,
        _ => return Err(lua.error(b"file is already closed")),
    };
    let n = match lua.native_upvalue(3) {
        Value::Int(n) => n as usize,
        _ => 0,
    };
    let formats: Vec<Value> = (0..n).map(|i| lua.native_upvalue(5 + i)).collect();
    let results = read_formats(lua, id, &formats, 2)?;
    if !results.first().copied().unwrap_or_default().is_falsy() {
        return push_all(lua, &results);
    }
    if results.len() > 1 {
        // A read error: its message is the second result.
        let message = match results[1] {
            Value::Str(s) => lua.str_bytes(s).to_vec(),
            _ => Vec::new(),
        };
        return Err(lua.error(&message));
    }
    if !lua.native_upvalue(4).is_falsy() {
        let top = lua.top;
        close_handle(lua, file, id);
        lua.top = top;
    }
    Ok(0)
}

/// `file:lines(...)` (`f_lines`).
fn f_lines(lua: &mut Lua) -> Result<usize, LuaError> {
    check_open(lua, 1)?;
    let file = lua.arg(1);
    let formats = (2..=lua.arg_count()).map(|i| lua.arg(i)).collect();
    let iterator = lines_iterator(lua, file, formats, false)?;
    lua.push(iterator);
    Ok(1)
}

/// `io.lines([filename, ...])`: lines of a file, closed at the end, or of the default input
/// (`io_lines`).
fn io_lines(lua: &mut Lua) -> Result<usize, LuaError> {
    let formats = (2..=lua.arg_count()).map(|i| lua.arg(i)).collect();
    let (file, close_at_end) = if lua.arg(1).is_nil() {
        let input = lua.heap.table(state(lua)).get_int(STATE_INPUT);
        if lua.arg_count() == 0 {
            lua.push(input);
        } else {
            let base = lua.current_base();
            lua.stack[base] = input;
        }
        check_open(lua, 1)?;
        (input, false)
    } else {
        let name = lua.check_string(1)?;
        let name = lua.str_bytes(name).to_vec();
        (open_or_fail(lua, &name, b"r")?, true)
    };
    let iterator = lines_iterator(lua, file, formats, close_at_end)?;
    lua.push(iterator);
    Ok(1)
}

// ---- Writing ----

/// Writes arguments `first..` to a stream (`g_write`): strings as they are, integers in
/// decimal, floats with `%.14g`. Returns true or the error results.
fn write_arguments(lua: &mut Lua, id: u64, first: usize) -> Result<Result<(), usize>, LuaError> {
    let shared = stream_of(id);
    let to_stdout = matches!(lock(&shared).backend, Backend::Stdout);
    let mut status = Ok(());
    for arg in first..=lua.arg_count() {
        let bytes = match lua.arg(arg) {
            Value::Int(i) => i.to_string().into_bytes(),
            Value::Float(f) => number::format_g14(f).into_bytes(),
            _ => {
                let s = lua.check_string(arg)?;
                lua.str_bytes(s).to_vec()
            }
        };
        if to_stdout {
            lua.write_output(&bytes);
        } else if status.is_ok() {
            status = lock(&shared).write(&bytes);
        }
    }
    Ok(status.map_err(|error| file_result(lua, Err(error), None)))
}

/// `io.write(...)`: writes to the default output and returns it (`io_write`).
fn io_write(lua: &mut Lua) -> Result<usize, LuaError> {
    let (handle, id) = default_file(lua, STATE_OUTPUT)?;
    match write_arguments(lua, id, 1)? {
        Ok(()) => {
            lua.push(handle);
            Ok(1)
        }
        Err(n) => Ok(n),
    }
}

/// `file:write(...)`: returns the file (`f_write`).
fn f_write(lua: &mut Lua) -> Result<usize, LuaError> {
    let id = check_open(lua, 1)?;
    let handle = lua.arg(1);
    match write_arguments(lua, id, 2)? {
        Ok(()) => {
            lua.push(handle);
            Ok(1)
        }
        Err(n) => Ok(n),
    }
}

/// Argument `arg` as one of `options`, by index (`luaL_checkoption`).
fn check_option(
    lua: &mut Lua,
    arg: usize,
    default: Option<&[u8]>,
    options: &[&str],
) -> Result<usize, LuaError> {
    let name = match default {
        Some(default) => lua.opt_string(arg, default)?,
        None => lua.check_string(arg)?,
    };
    let name = lua.str_bytes(name).to_vec();
    match options.iter().position(|o| o.as_bytes() == name.as_slice()) {
        Some(index) => Ok(index),
        None => {
            let mut message = b"invalid option '".to_vec();
            message.extend_from_slice(&name);
            message.push(b'\'');
            Err(lua.arg_error(arg, &message))
        }
    }
}

/// `file:seek([whence [, offset]])` (`f_seek`).
fn f_seek(lua: &mut Lua) -> Result<usize, LuaError> {
    let id = check_open(lua, 1)?;
    let whence = check_option(lua, 2, Some(b"cur"), &["set", "cur", "end"])?;
    let offset = lua.opt_integer(3, 0)?;
    let result = lock(&stream_of(id)).seek(whence, offset);
    match result {
        Ok(position) => {
            lua.push(Value::Int(position));
            Ok(1)
        }
        Err(error) => Ok(file_result(lua, Err(error), None)),
    }
}

/// `file:setvbuf(mode [, size])` (`f_setvbuf`): writes are never buffered here, so this
/// only checks its arguments.
fn f_setvbuf(lua: &mut Lua) -> Result<usize, LuaError> {
    let id = check_open(lua, 1)?;
    let mode = check_option(lua, 2, None, &["no", "full", "line"])?;
    let size = lua.opt_integer(3, CHUNK as i64)?;
    let shared = stream_of(id);
    let mut stream = lock(&shared);
    let result = match stream.backend {
        Backend::Stdin | Backend::Stdout | Backend::Stderr => Ok(()),
        _ => stream.flush().map(|()| {
            stream.buffering = match mode {
                0 => Buffering::No,
                1 => Buffering::Full(usize::try_from(size).unwrap_or(usize::MAX).max(1)),
                _ => Buffering::Line,
            };
        }),
    };
    drop(stream);
    Ok(file_result(lua, result, None))
}

/// Flushes a stream (`fflush`).
fn flush_stream(id: u64) -> std::io::Result<()> {
    let shared = stream_of(id);
    let mut stream = lock(&shared);
    match stream.backend {
        Backend::Stdout => std::io::stdout().flush(),
        Backend::Stderr => std::io::stderr().flush(),
        _ => stream.flush(),
    }
}

/// Flushes every stream of the process, as C's `exit` does; for `os.exit`.
pub(crate) fn flush_all() {
    let streams: Vec<SharedStream> = lock(&STREAMS).values().cloned().collect();
    for stream in streams {
        let _ = lock(&stream).flush();
    }
    let _ = std::io::stdout().flush();
}

/// `io.flush()`: flushes the default output (`io_flush`).
fn io_flush(lua: &mut Lua) -> Result<usize, LuaError> {
    let (_, id) = default_file(lua, STATE_OUTPUT)?;
    Ok(file_result(lua, flush_stream(id), None))
}

/// `file:flush()` (`f_flush`).
fn f_flush(lua: &mut Lua) -> Result<usize, LuaError> {
    let id = check_open(lua, 1)?;
    Ok(file_result(lua, flush_stream(id), None))
}
