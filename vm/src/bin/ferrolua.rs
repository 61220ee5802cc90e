//! The `ferrolua` command: a standalone interpreter, flag-compatible with PUC's `lua`.
//! Mirrors lua.c of PUC Lua 5.3.6: the same options, the same `arg` table, `LUA_INIT`, the same
//! messages, and a REPL that prints values and continues incomplete statements.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use ferrolua::value::Value;
use ferrolua::vm::{ErrorKind, Lua, LuaError};
use ferrolua::ChunkMode;

const COPYRIGHT: &str = "Lua 5.3.6  Copyright (C) 1994-2020 Lua.org, PUC-Rio";
const PROMPT: &str = "> ";
const PROMPT2: &str = ">> ";
/// What an incomplete chunk's syntax error ends with (`EOFMARK`).
const EOF_MARK: &[u8] = b"<eof>";

/// Bits of the options seen (`has_i` and the rest in lua.c).
#[derive(Clone, Copy, Default)]
struct Options {
    interactive: bool,
    version: bool,
    execute: bool,
    ignore_env: bool,
}

fn write_error(text: &[u8]) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text);
    let _ = stderr.flush();
}

/// Prints `progname: message` on standard error (`l_message`).
fn message(progname: Option<&str>, text: &[u8]) {
    let mut line = Vec::new();
    if let Some(progname) = progname {
        line.extend_from_slice(progname.as_bytes());
        line.extend_from_slice(b": ");
    }
    line.extend_from_slice(text);
    line.push(b'\n');
    write_error(&line);
}

/// The message handler of lua.c (`msghandler`): adds a traceback to the message, using
/// `__tostring` for error objects that have one.
fn message_handler(lua: &mut Lua) -> Result<usize, LuaError> {
    let error = lua.arg(1);
    let text = match error {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            let s = lua.to_display_string(error)?;
            lua.str_bytes(s).to_vec()
        }
        _ => {
            let handler = lua.metafield(error, b"__tostring");
            if !handler.is_nil() {
                let results = lua.call(handler, &[error])?;
                if let Some(&Value::Str(s)) = results.first() {
                    lua.push(Value::Str(s));
                    return Ok(1);
                }
            }
            format!("(error object is a {} value)", error.type_name()).into_bytes()
        }
    };
    let traceback = lua.traceback(Some(&text), 1);
    let value = lua.string(&traceback);
    lua.push(value);
    Ok(1)
}

/// The interpreter's state between the Lua state and the command line.
struct Interpreter<'a> {
    lua: &'a mut Lua,
    progname: Option<String>,
}

impl Interpreter<'_> {
    /// Prints an error's message (`report`).
    fn report(&self, error: &LuaError) {
        let text = match error.value {
            Value::Str(s) => self.lua.str_bytes(s).to_vec(),
            Value::Int(i) => i.to_string().into_bytes(),
            Value::Float(f) => {
                ferrolua::number::number_to_string(ferrolua::number::Number::Float(f)).into_bytes()
            }
            other => format!("(error object is a {} value)", other.type_name()).into_bytes(),
        };
        message(self.progname.as_deref(), &text);
    }

    /// Calls `function` with `args` under the message handler (`docall`).
    fn call(&mut self, function: Value, args: &[Value]) -> Result<Vec<Value>, LuaError> {
        let handler = self.lua.native_function(message_handler);
        sigint::catch(self.lua.signal_handle());
        let result = self.lua.pcall(function, args, Some(handler));
        sigint::release();
        result
    }

    /// Loads and runs a chunk, reporting errors (`dochunk`).
    fn run_chunk(&mut self, source: &[u8], name: &[u8]) -> bool {
        match self.lua.load(source, name, ChunkMode::Both) {
            Ok(function) => match self.call(function, &[]) {
                Ok(_) => true,
                Err(error) => {
                    self.report(&error);
                    false
                }
            },
            Err(text) => {
                message(self.progname.as_deref(), &text);
                false
            }
        }
    }

    /// Reads a file as `luaL_loadfile` does; `None` is standard input.
    fn load_file(&mut self, path: Option<&str>) -> Result<Value, Vec<u8>> {
        let (contents, name) = match path {
            Some(path) => match std::fs::read(path) {
                Ok(contents) => (contents, format!("@{path}").into_bytes()),
                Err(error) => {
                    let text = ferrolua::stdlib::base::io_error_text(&error);
                    return Err(format!("cannot open {path}: {text}").into_bytes());
                }
            },
            None => {
                let mut contents = Vec::new();
                let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut contents);
                (contents, b"=stdin".to_vec())
            }
        };
        let source = ferrolua::compiler::skip_file_prefix(&contents).to_vec();
        self.lua.load(&source, &name, ChunkMode::Both)
    }

    fn run_file(&mut self, path: Option<&str>) -> bool {
        match self.load_file(path) {
            Ok(function) => match self.call(function, &[]) {
                Ok(_) => true,
                Err(error) => {
                    self.report(&error);
                    false
                }
            },
            Err(text) => {
                message(self.progname.as_deref(), &text);
                false
            }
        }
    }

    /// `-l name`: `name = require(name)` (`dolibrary`).
    fn require(&mut self, name: &str) -> bool {
        let require = self.lua.get_global("require");
        let name_value = self.lua.string(name.as_bytes());
        match self.call(require, &[name_value]) {
            Ok(results) => {
                let module = results.first().copied().unwrap_or_default();
                self.lua.set_global(name, module);
                true
            }
            Err(error) => {
                self.report(&error);
                false
            }
        }
    }

    /// `LUA_INIT_5_3` or `LUA_INIT`: a file after `@`, or code (`handle_luainit`).
    fn run_init(&mut self) -> bool {
        let (name, init) = match std::env::var_os("LUA_INIT_5_3") {
            Some(init) => ("=LUA_INIT_5_3", init),
            None => match std::env::var_os("LUA_INIT") {
                Some(init) => ("=LUA_INIT", init),
                None => return true,
            },
        };
        let init = init.to_string_lossy().into_owned();
        match init.strip_prefix('@') {
            Some(path) => self.run_file(Some(path)),
            None => self.run_chunk(init.as_bytes(), name.as_bytes()),
        }
    }

    /// Runs the script with the positive entries of `arg` as arguments (`handle_script`).
    fn run_script(&mut self, script: &str, after_double_dash: bool) -> bool {
        let path = if script == "-" && !after_double_dash {
            None
        } else {
            Some(script)
        };
        let function = match self.load_file(path) {
            Ok(function) => function,
            Err(text) => {
                message(self.progname.as_deref(), &text);
                return false;
            }
        };
        // The script's arguments are `arg[1..#arg]` as the program left them (`pushargs`);
        // `arg` must still be a table. The error ends pmain, so it has no traceback.
        let mut args = Vec::new();
        let Value::Table(arg) = self.lua.get_global("arg") else {
            message(self.progname.as_deref(), b"'arg' is not a table");
            return false;
        };
        let n = self.lua.heap.table(arg).length();
        for i in 1..=n {
            args.push(self.lua.heap.table(arg).get(Value::Int(i)));
        }
        match self.call(function, &args) {
            Ok(_) => true,
            Err(error) => {
                self.report(&error);
                false
            }
        }
    }

    /// The read-eval-print loop (`doREPL`): lines are tried as `return <line>;` first, then
    /// as statements, continued while the only error is an unexpected end of input.
    fn repl(&mut self) {
        let saved_progname = self.progname.take();
        let mut input = LineReader::new();
        while let Some(line) = input.read(self, true) {
            let function = match self.load_line(&mut input, line) {
                Some(Ok(function)) => function,
                Some(Err(text)) => {
                    message(None, &text);
                    continue;
                }
                None => break,
            };
            match self.call(function, &[]) {
                Ok(results) if !results.is_empty() => {
                    let print = self.lua.get_global("print");
                    if let Err(error) = self.lua.pcall(print, &results, None) {
                        let mut text = b"error calling 'print' (".to_vec();
                        if let Value::Str(s) = error.value {
                            text.extend_from_slice(self.lua.str_bytes(s));
                        }
                        text.push(b')');
                        message(saved_progname.as_deref(), &text);
                    }
                }
                Ok(_) => {}
                Err(error) => self.report(&error),
            }
        }
        println!();
        self.progname = saved_progname;
    }

    /// Compiles one REPL entry, reading continuation lines as needed (`loadline`).
    fn load_line(
        &mut self,
        input: &mut LineReader,
        line: Vec<u8>,
    ) -> Option<Result<Value, Vec<u8>>> {
        let line = match line.strip_prefix(b"=") {
            Some(rest) => [b"return ".as_slice(), rest].concat(),
            None => line,
        };
        let with_return = [b"return ".as_slice(), &line, b";"].concat();
        if let Ok(function) = self.lua.load(&with_return, b"=stdin", ChunkMode::Both) {
            input.remember(&line);
            return Some(Ok(function));
        }
        let mut buffer = line;
        loop {
            match self.lua.load(&buffer, b"=stdin", ChunkMode::Both) {
                Err(text) if text.ends_with(EOF_MARK) => match input.read(self, false) {
                    Some(more) => {
                        buffer.push(b'\n');
                        buffer.extend_from_slice(&more);
                    }
                    None => {
                        // PUC has already dropped the message here and prints a null string.
                        input.remember(&buffer);
                        return Some(Err(b"(null)".to_vec()));
                    }
                },
                result => {
                    input.remember(&buffer);
                    return Some(result);
                }
            }
        }
    }
}

/// Reads REPL lines with editing on a terminal, or plainly from a pipe (`lua_readline`).
struct LineReader {
    editor: Option<rustyline::DefaultEditor>,
}

impl LineReader {
    fn new() -> LineReader {
        let editor = if std::io::stdin().is_terminal() {
            rustyline::DefaultEditor::new().ok()
        } else {
            None
        };
        LineReader { editor }
    }

    /// The prompt: `_PROMPT`/`_PROMPT2` if they are strings (`get_prompt`).
    fn prompt(interpreter: &mut Interpreter, first_line: bool) -> String {
        let name = if first_line { "_PROMPT" } else { "_PROMPT2" };
        match interpreter.lua.get_global(name) {
            value @ (Value::Str(_) | Value::Int(_) | Value::Float(_)) => {
                match interpreter.lua.to_display_string(value) {
                    Ok(s) => String::from_utf8_lossy(interpreter.lua.str_bytes(s)).into_owned(),
                    Err(_) => String::new(),
                }
            }
            _ => if first_line { PROMPT } else { PROMPT2 }.to_string(),
        }
    }

    fn read(&mut self, interpreter: &mut Interpreter, first_line: bool) -> Option<Vec<u8>> {
        let prompt = Self::prompt(interpreter, first_line);
        match &mut self.editor {
            Some(editor) => editor.readline(&prompt).ok().map(String::into_bytes),
            None => {
                print!("{prompt}");
                let _ = std::io::stdout().flush();
                let mut line = Vec::new();
                match std::io::stdin().lock().read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => None,
                    Ok(_) => {
                        if line.last() == Some(&b'\n') {
                            line.pop();
                        }
                        Some(line)
                    }
                }
            }
        }
    }

    fn remember(&mut self, line: &[u8]) {
        if let Some(editor) = &mut self.editor {
            if !line.is_empty() {
                let _ = editor.add_history_entry(String::from_utf8_lossy(line).into_owned());
            }
        }
    }
}

/// Scans the options (`collectargs`): the options seen and the index of the script, or the
/// index of a bad option.
fn collect_args(argv: &[String]) -> Result<(Options, usize), usize> {
    let mut options = Options::default();
    let mut i = 1;
    while i < argv.len() {
        let arg = argv[i].as_bytes();
        if arg.first() != Some(&b'-') {
            return Ok((options, i));
        }
        match arg.get(1) {
            Some(b'-') => {
                if arg.len() > 2 {
                    return Err(i);
                }
                return Ok((options, i + 1));
            }
            None => return Ok((options, i)),
            Some(b'E') if arg.len() == 2 => options.ignore_env = true,
            Some(b'i') if arg.len() == 2 => {
                options.interactive = true;
                options.version = true;
            }
            Some(b'v') if arg.len() == 2 => options.version = true,
            Some(&option @ (b'e' | b'l')) => {
                if option == b'e' {
                    options.execute = true;
                }
                if arg.len() == 2 {
                    i += 1;
                    if i >= argv.len() || argv[i].starts_with('-') {
                        return Err(i - 1);
                    }
                }
            }
            _ => return Err(i),
        }
        i += 1;
    }
    Ok((options, i))
}

fn print_usage(progname: &str, bad_option: &str) {
    let mut text = format!("{progname}: ");
    if bad_option.starts_with("-e") || bad_option.starts_with("-l") {
        text.push_str(&format!("'{bad_option}' needs argument\n"));
    } else {
        text.push_str(&format!("unrecognized option '{bad_option}'\n"));
    }
    text.push_str(&format!(
        "usage: {progname} [options] [script [args]]\n\
         Available options are:\n  \
         -e stat  execute string 'stat'\n  \
         -i       enter interactive mode after executing 'script'\n  \
         -l name  require library 'name' into global 'name'\n  \
         -v       show version information\n  \
         -E       ignore environment variables\n  \
         --       stop handling options\n  \
         -        stop handling options and execute stdin\n"
    ));
    write_error(text.as_bytes());
}

/// Everything lua.c's `pmain` does, run inside a native frame so that tracebacks end as PUC's.
fn pmain(lua: &mut Lua) -> Result<usize, LuaError> {
    let Value::Table(argv_table) = lua.native_upvalue(1) else {
        return Ok(0);
    };
    let n = lua.heap.table(argv_table).length();
    let mut argv = Vec::new();
    for i in 1..=n {
        if let Value::Str(s) = lua.heap.table(argv_table).get(Value::Int(i)) {
            argv.push(String::from_utf8_lossy(lua.str_bytes(s)).into_owned());
        }
    }
    let progname = argv
        .first()
        .cloned()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "lua".to_string());
    let mut interpreter = Interpreter {
        lua,
        progname: Some(progname),
    };
    let ok = run_pmain(&mut interpreter, &argv);
    interpreter.lua.push(Value::boolean(ok));
    Ok(1)
}

fn run_pmain(interpreter: &mut Interpreter, argv: &[String]) -> bool {
    let (options, script) = match collect_args(argv) {
        Ok(found) => found,
        Err(bad) => {
            print_usage(interpreter.progname.as_deref().unwrap_or("lua"), &argv[bad]);
            return false;
        }
    };
    if options.version {
        println!("{COPYRIGHT}");
    }
    // Libraries open only now, as in lua.c, so that `-E` can keep `package` from reading
    // `LUA_PATH` and `LUA_CPATH`.
    if options.ignore_env {
        let registry = interpreter.lua.registry();
        let key = interpreter.lua.string(b"LUA_NOENV");
        interpreter
            .lua
            .heap
            .table_set(registry, key, Value::Bool(ferrolua::value::Truth::True));
    }
    ferrolua::stdlib::open_libs(interpreter.lua);
    // The `arg` table: the script at 0, its arguments from 1, the interpreter and options below.
    let script_index = if script == argv.len() { 0 } else { script };
    let table = interpreter.lua.new_table();
    if let Value::Table(t) = table {
        for (i, arg) in argv.iter().enumerate() {
            let value = interpreter.lua.string(arg.as_bytes());
            interpreter
                .lua
                .heap
                .table_set(t, Value::Int(i as i64 - script_index as i64), value);
        }
    }
    interpreter.lua.set_global("arg", table);
    if !options.ignore_env && !interpreter.run_init() {
        return false;
    }
    // `-e` and `-l`, in order.
    let mut i = 1;
    while i < script {
        let arg = &argv[i];
        if let Some(option @ ('e' | 'l')) = arg.chars().nth(1) {
            let extra = if arg.len() > 2 {
                arg[2..].to_string()
            } else {
                i += 1;
                argv[i].clone()
            };
            let ok = if option == 'e' {
                interpreter.run_chunk(extra.as_bytes(), b"=(command line)")
            } else {
                interpreter.require(&extra)
            };
            if !ok {
                return false;
            }
        }
        i += 1;
    }
    if script < argv.len() {
        let after_double_dash = argv[script - 1] == "--";
        if !interpreter.run_script(&argv[script], after_double_dash) {
            return false;
        }
    }
    if options.interactive {
        interpreter.repl();
    } else if script == argv.len() && !options.execute && !options.version {
        if std::io::stdin().is_terminal() {
            println!("{COPYRIGHT}");
            interpreter.repl();
        } else {
            interpreter.run_file(None);
        }
    }
    true
}

/// SIGINT while a chunk runs (lua.c's `laction`): the first one makes the script raise
/// `interrupted!` at its next Lua instruction boundary; it also restores the default action,
/// so a second one, while a long library call keeps the script from getting there, terminates
/// the process.
///
/// This is the command's only `unsafe` code: installing a signal handler is a C call with no
/// safe wrapper in the standard library.
#[allow(unsafe_code)]
mod sigint {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, OnceLock};

    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

    extern "C" fn on_interrupt(signal: libc::c_int) {
        // SAFETY: `signal` is async-signal-safe (POSIX.1 lists it), and restoring the default
        // action touches no state of this program.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
        }
        // An atomic store, also async-signal-safe; the flag was set before the handler was
        // installed, so `get` only reads it.
        if let Some(flag) = FLAG.get() {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// Installs the handler, which sets `flag` (`setsignal(SIGINT, laction)`).
    pub fn catch(flag: Arc<AtomicBool>) {
        let _ = FLAG.set(flag);
        let handler = on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: the handler only makes async-signal-safe calls (see `on_interrupt`), and it
        // stays valid for the life of the process.
        unsafe {
            libc::signal(libc::SIGINT, handler);
        }
    }

    /// Restores the default action (`setsignal(SIGINT, SIG_DFL)`).
    pub fn release() {
        // SAFETY: restoring the default action has no preconditions.
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
        }
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let mut lua = Lua::new_bare();
    let argv_table = lua.new_table();
    if let Value::Table(t) = argv_table {
        for (i, arg) in argv.iter().enumerate() {
            let value = lua.string(arg.as_bytes());
            lua.heap.table_set(t, Value::Int(i as i64 + 1), value);
        }
    }
    let main_function = lua.native_closure(pmain, vec![argv_table]);
    let progname = argv.first().cloned().unwrap_or_else(|| "lua".to_string());
    let code = match lua.pcall(main_function, &[], None) {
        Ok(results)
            if matches!(
                results.first(),
                Some(Value::Bool(ferrolua::value::Truth::True))
            ) =>
        {
            ExitCode::SUCCESS
        }
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            if error.kind != ErrorKind::Interrupted {
                let interpreter = Interpreter {
                    lua: &mut lua,
                    progname: Some(progname),
                };
                interpreter.report(&error);
            }
            ExitCode::FAILURE
        }
    };
    // `lua_close`: the pending finalizers run.
    lua.close();
    code
}
