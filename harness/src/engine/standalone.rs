//! A third engine: a standalone Lua interpreter found on `PATH` (such as Debian's `lua5.3`), run
//! as a subprocess and observed the way the harness observes the embedded engines.
//!
//! `conform report --engine lua5.3` adds it as a column beside ferrolua and the embedded
//! reference. Each run writes the case to a scratch file and starts the interpreter on a small
//! Lua wrapper ([`WRAPPER`]) that does what the harness does from Rust: the original `load`
//! compiles the case under its chunk name, and the original `xpcall` runs it with the shared
//! message handler and error describer of [`super::wrapper`]. What the case prints reaches the
//! interpreter's stdout, which is the captured output; status, results, error message and
//! traceback come back in a result file. The traceback is cut after `[C]: in function 'xpcall'`,
//! where the harness's tracebacks end, so the wrapper's own frames do not count.
//!
//! The interpreter has no instruction budget: a run that outlasts [`StandaloneEngine::timeout`]
//! is killed and reported as [`Status::OutOfBudget`].

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::wrapper::{BUDGET_MESSAGE, DESCRIBE_SOURCE, HANDLER_SOURCE, WRAPPER_CHUNK_NAME};
use super::{Engine, Observation, Status};

/// The Lua script the interpreter runs. Its arguments are the mode (`run` or `compile`), the
/// case file, the chunk name and the result file. Records in the result file are
/// `<tag> <length>\n<bytes>\n`.
const WRAPPER: &str = r#"
local mode, case_path, chunk_name, result_path, handler_source, describe_source, wrapper_name = ...
local open, load, xpcall, tostring, type, dump, pack = io.open, load, xpcall, tostring, type, string.dump, table.pack
local handler = load(handler_source, wrapper_name)()
local describe = load(describe_source, wrapper_name)()
local out = assert(open(result_path, "wb"))
local write, close = out.write, out.close
local function record(tag, bytes) write(out, tag, " ", #bytes, "\n", bytes, "\n") end
local input = assert(open(case_path, "rb"))
local source = input:read("a")
input:close()
local main, message = load(source, chunk_name, "t")
if not main then
  record("status", "syntax error"); record("error", message); close(out); return
end
if mode == "compile" then
  record("status", "ok"); record("dump", dump(main)); close(out); return
end
local returned = pack(xpcall(main, handler))
if returned[1] then
  record("status", "ok")
  for i = 2, returned.n do record("result", tostring(returned[i])) end
else
  local caught = returned[2]
  if type(caught) == "table" then
    record("error", describe(caught.msg))
    if type(caught.tb) == "string" then record("traceback", caught.tb) end
  else
    record("error", describe(caught))
  end
  record("status", "runtime error")
end
close(out)
"#;

/// Environment variables the interpreter reads at start-up, removed from every run so that the
/// user's settings cannot change what it does.
pub const LUA_VARIABLES: [&str; 6] = [
    "LUA_INIT",
    "LUA_INIT_5_3",
    "LUA_PATH",
    "LUA_PATH_5_3",
    "LUA_CPATH",
    "LUA_CPATH_5_3",
];

/// Where the harness's tracebacks end; what follows in the subprocess is the wrapper's.
const TRACEBACK_END: &[u8] = b"[C]: in function 'xpcall'";

/// A Lua interpreter executable, driven as a subprocess.
#[derive(Debug)]
pub struct StandaloneEngine {
    program: PathBuf,
    label: String,
    scratch: PathBuf,
    next_file: AtomicU64,
    /// How long one run may take before it is killed and counted as out of budget.
    pub timeout: Duration,
}

impl StandaloneEngine {
    /// The interpreter `name`: a path if it holds a `/`, else the first match on `PATH`. Checks
    /// that it runs, and prepares a scratch folder for cases.
    pub fn find(name: &str) -> io::Result<StandaloneEngine> {
        let program = resolve(name).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("no executable named {name} on PATH"),
            )
        })?;
        let scratch = std::env::temp_dir().join(format!(
            "conform-standalone-{}-{}",
            std::process::id(),
            unique_suffix()
        ));
        fs::create_dir_all(&scratch)?;
        fs::write(scratch.join("wrapper.lua"), WRAPPER)?;
        let engine = StandaloneEngine {
            program,
            label: name.to_string(),
            scratch,
            next_file: AtomicU64::new(0),
            timeout: Duration::from_secs(20),
        };
        let check = engine.observe(b"return _VERSION", b"=check");
        if check.status != Status::Ok {
            return Err(io::Error::other(format!(
                "{} does not run the harness wrapper: {}",
                engine.program.display(),
                String::from_utf8_lossy(check.error.as_deref().unwrap_or_default())
            )));
        }
        Ok(engine)
    }

    /// The name the engine was asked for, such as `lua5.3`, for table headers.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The executable's path.
    pub fn program(&self) -> &Path {
        &self.program
    }

    /// Runs a chunk as [`Engine::run`] does; usable from several threads at once.
    pub fn observe(&self, source: &[u8], chunk_name: &[u8]) -> Observation {
        match self.invoke("run", source, chunk_name) {
            Ok(invocation) => invocation.observation(),
            Err(error) => Observation {
                error: Some(format!("harness error: {error}").into_bytes()),
                ..Observation::empty(Status::RuntimeError)
            },
        }
    }

    /// Starts the interpreter on the wrapper for one chunk and collects what it left.
    fn invoke(&self, mode: &str, source: &[u8], chunk_name: &[u8]) -> io::Result<Invocation> {
        let number = self.next_file.fetch_add(1, Ordering::Relaxed);
        let case_path = self.scratch.join(format!("case-{number}.lua"));
        let result_path = self.scratch.join(format!("result-{number}"));
        fs::write(&case_path, source)?;
        let mut command = Command::new(&self.program);
        command
            .arg(self.scratch.join("wrapper.lua"))
            .arg(mode)
            .arg(&case_path)
            .arg(os_string(chunk_name))
            .arg(&result_path)
            .arg(HANDLER_SOURCE)
            .arg(DESCRIBE_SOURCE)
            .arg(WRAPPER_CHUNK_NAME)
            .current_dir(&self.scratch);
        for variable in LUA_VARIABLES {
            command.env_remove(variable);
        }
        let finished = run_to_end(&mut command, self.timeout);
        let records = fs::read(&result_path).unwrap_or_default();
        let _ = fs::remove_file(&case_path);
        let _ = fs::remove_file(&result_path);
        let finished = finished?;
        Ok(Invocation {
            stdout: finished.stdout,
            stderr: finished.stderr,
            exit: finished.exit,
            records: parse_records(&records),
        })
    }
}

impl Drop for StandaloneEngine {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.scratch);
    }
}

impl Engine for StandaloneEngine {
    fn name(&self) -> &'static str {
        "standalone"
    }

    fn compile(&mut self, source: &[u8], chunk_name: &[u8]) -> Result<Vec<u8>, Vec<u8>> {
        let invocation = self
            .invoke("compile", source, chunk_name)
            .map_err(|error| format!("harness error: {error}").into_bytes())?;
        let field = |tag: &str| {
            invocation
                .records
                .iter()
                .find(|(name, _)| name == tag)
                .map(|(_, bytes)| bytes.clone())
        };
        match (field("dump"), field("error")) {
            (Some(chunk), _) => Ok(chunk),
            (None, Some(message)) => Err(message),
            (None, None) => Err(invocation.failure_message()),
        }
    }

    fn run(&mut self, source: &[u8], chunk_name: &[u8]) -> Observation {
        self.observe(source, chunk_name)
    }
}

/// How the subprocess ended: its exit code, or `None` when it was killed for taking too long.
pub(crate) type Exit = Option<std::process::ExitStatus>;

/// What one subprocess left behind.
struct Invocation {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    exit: Exit,
    records: Vec<(String, Vec<u8>)>,
}

impl Invocation {
    fn observation(self) -> Observation {
        if self.exit.is_none() {
            return Observation {
                output: self.stdout,
                error: Some(BUDGET_MESSAGE.as_bytes().to_vec()),
                ..Observation::empty(Status::OutOfBudget)
            };
        }
        let mut observation = Observation::empty(Status::RuntimeError);
        let mut status = None;
        for (tag, bytes) in &self.records {
            match tag.as_str() {
                "status" => status = Some(bytes.clone()),
                "result" => observation.results.push(bytes.clone()),
                "error" => observation.error = Some(bytes.clone()),
                "traceback" => observation.traceback = Some(cut_traceback(bytes)),
                _ => {}
            }
        }
        match status.as_deref() {
            Some(b"ok") => observation.status = Status::Ok,
            Some(b"syntax error") => observation.status = Status::SyntaxError,
            Some(b"runtime error") => observation.status = Status::RuntimeError,
            // The interpreter ended before the wrapper finished: `os.exit`, a crash, or an error
            // the wrapper could not catch.
            _ => {
                observation = Observation {
                    error: Some(self.failure_message()),
                    ..Observation::empty(Status::RuntimeError)
                }
            }
        }
        observation.output = self.stdout;
        observation
    }

    fn failure_message(&self) -> Vec<u8> {
        let stderr = String::from_utf8_lossy(&self.stderr);
        format!(
            "harness error: the interpreter ended without a result ({}){}{}",
            self.exit
                .map_or_else(|| "killed".to_string(), |status| status.to_string()),
            if stderr.trim().is_empty() { "" } else { ": " },
            stderr.trim()
        )
        .into_bytes()
    }
}

/// What a finished subprocess left: its standard output and error, and how it ended (`None`
/// when it was killed for outlasting its time).
#[derive(Debug)]
pub(crate) struct Finished {
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
    pub(crate) exit: Exit,
}

/// Runs `command` to its end with standard input closed, standard output and error captured,
/// and kills it after `timeout`.
///
/// The command runs in a process group of its own, which is killed when it ends, so that a
/// background process it started (the suite's main.lua starts interpreters that loop until
/// signalled) neither outlives the run nor keeps its pipes open.
pub(crate) fn run_to_end(command: &mut Command, timeout: Duration) -> io::Result<Finished> {
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    let mut child = command.spawn()?;
    drop(child.stdin.take());
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    std::thread::scope(|scope| {
        let out_reader = scope.spawn(move || {
            let mut bytes = Vec::new();
            let _ = stdout.read_to_end(&mut bytes);
            bytes
        });
        let err_reader = scope.spawn(move || {
            let mut bytes = Vec::new();
            let _ = stderr.read_to_end(&mut bytes);
            bytes
        });
        let started = Instant::now();
        let exit = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if started.elapsed() < timeout => {
                    std::thread::sleep(Duration::from_millis(2))
                }
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
            }
        };
        kill_group(&child);
        let stdout = out_reader.join().unwrap_or_default();
        let stderr = err_reader.join().unwrap_or_default();
        Ok(Finished {
            stdout,
            stderr,
            exit,
        })
    })
}

/// Kills what is left of the process group `child` leads: only processes it started.
fn kill_group(child: &Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .arg("-KILL")
            .arg("--")
            .arg(format!("-{}", child.id()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    #[cfg(not(unix))]
    let _ = child;
}

/// The records of a result file: `<tag> <length>\n<bytes>\n`, as many as are whole.
fn parse_records(mut bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut records = Vec::new();
    while let Some(newline) = bytes.iter().position(|&byte| byte == b'\n') {
        let header = String::from_utf8_lossy(&bytes[..newline]).into_owned();
        let Some((tag, length)) = header.split_once(' ') else {
            break;
        };
        let Ok(length) = length.parse::<usize>() else {
            break;
        };
        let start = newline + 1;
        let Some(body) = bytes.get(start..start + length) else {
            break;
        };
        records.push((tag.to_string(), body.to_vec()));
        bytes = bytes.get(start + length + 1..).unwrap_or_default();
    }
    records
}

/// The traceback up to where the harness's would end.
fn cut_traceback(traceback: &[u8]) -> Vec<u8> {
    let end = traceback
        .windows(TRACEBACK_END.len())
        .rposition(|window| window == TRACEBACK_END);
    match end {
        Some(start) => traceback[..start + TRACEBACK_END.len()].to_vec(),
        None => traceback.to_vec(),
    }
}

/// The first executable called `name` on `PATH`, or `name` itself when it is a path.
fn resolve(name: &str) -> Option<PathBuf> {
    if name.contains(std::path::MAIN_SEPARATOR) {
        let path = PathBuf::from(name);
        return path.is_file().then_some(path);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A chunk name as a command-line argument. Chunk names are the harness's own (`@lang/...`),
/// so they are text; other bytes are replaced.
fn os_string(bytes: &[u8]) -> OsString {
    OsString::from(String::from_utf8_lossy(bytes).into_owned())
}

/// A suffix that keeps two engines of one process from sharing a scratch folder.
fn unique_suffix() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::{cut_traceback, parse_records};

    #[test]
    fn records_are_read_while_whole() {
        let records = parse_records(b"status 2\nok\nresult 3\na\nb\nerror 9\ncut");
        assert_eq!(
            records,
            vec![
                ("status".to_string(), b"ok".to_vec()),
                ("result".to_string(), b"a\nb".to_vec()),
            ]
        );
    }

    #[test]
    fn tracebacks_end_where_the_harness_ends_them() {
        let traceback = b"x\nstack traceback:\n\t[C]: in function 'error'\n\t[C]: in function 'xpcall'\n\twrapper.lua:25: in main chunk\n\t[C]: in ?";
        assert_eq!(
            cut_traceback(traceback),
            b"x\nstack traceback:\n\t[C]: in function 'error'\n\t[C]: in function 'xpcall'"
        );
    }
}
