//! The parent side of the suite run: the scratch copy of the suite, the interpreters the files
//! see as `arg[-1]`, and the `conform run-trial` children, started, timed and read.
//!
//! Each engine's run of a trial is a child process, because the files must run with the scratch
//! copy as the working directory (they `dofile` and `require` each other, and write scratch
//! files), which is process-wide, and because a crash must end a trial, not the harness. The
//! child limits itself ([`super::child`]); the parent's own deadline is only a backstop.

use std::collections::HashMap;
use std::env;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::{protocol, EngineKind, Mode, SideResult, SideStatus, Trial, TrialOutcome, MAIN_FILE};
use crate::corpus::Progress;

/// The wall-clock limit of each run. The slowest files take under 3 s on PUC Lua and under
/// 20 s of processor time in a debug build of ferrolua, but a machine shared with other work
/// stretches that (verybig.lua took 47 s on two cores loaded five times over); a ferrolua run
/// stuck in a loop normally stops at its instruction budget long before this.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(180);

/// How long after [`RUN_TIMEOUT`] the parent kills a child that has not ended by itself.
const KILL_AFTER: Duration = Duration::from_secs(30);

/// How many times the reference runs a trial before its failure is believed: main.lua's Ctrl-C
/// test is racy even on PUC Lua, failing about one run in seven (REFERENCE-NOTES.md).
const REFERENCE_ATTEMPTS: usize = 3;

/// How much of a child's output a result keeps, for diagnosis.
const TAIL_LINES: usize = 20;

/// A scratch folder, removed when dropped: a copy of the suite, and the interpreter wrappers of
/// [`interpreter_wrapper`] beside it. Tests write scratch files (attrib.lua writes into libs/,
/// all.lua writes time.txt), so the suite never runs in its own folder.
#[derive(Debug)]
pub struct Scratch {
    root: PathBuf,
}

impl Scratch {
    /// Copies `suite_dir` into a new folder under the system's temporary folder, without
    /// `_upstream/`, and creates the empty `libs/P1/` that attrib.lua needs and git drops.
    pub fn create(suite_dir: &Path) -> io::Result<Scratch> {
        if !suite_dir.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                crate::paths::suite_missing_help(suite_dir),
            ));
        }
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.subsec_nanos());
        let root = env::temp_dir().join(format!("conform-suite-{}-{nanos}", std::process::id()));
        let scratch = Scratch { root };
        copy_dir(suite_dir, &scratch.dir())?;
        fs::create_dir_all(scratch.dir().join("libs").join("P1"))?;
        fs::create_dir_all(scratch.bin_dir())?;
        Ok(scratch)
    }

    /// The copy of the suite, where the files run.
    pub fn dir(&self) -> PathBuf {
        self.root.join("suite")
    }

    /// The folder of the interpreter wrappers.
    fn bin_dir(&self) -> PathBuf {
        self.root.join("bin")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// What main.lua gets as `arg[-1]` for `interpreter`: a bash script that starts it under the
/// script's own name (so that lua.c's messages and `arg` show the name main.lua expects), after
/// a pause when its standard input is /dev/null; or the interpreter itself where bash is
/// missing.
///
/// The pause makes a race in main.lua's Ctrl-C test go one way. The test starts a script with
/// `lua -e "..." & echo $!` and reads the pid the shell echoes, then the script's first line,
/// from the same pipe, assuming that the echo comes first. On a busy machine the script often
/// prints first (PUC Lua failed 5 runs in 12 on two loaded cores), the pid read is the
/// script's output, and the test fails, leaving the script running. A job started with `&` by
/// a non-interactive shell has /dev/null as standard input, and no other run of main.lua does,
/// so only those runs wait.
fn interpreter_wrapper(bin_dir: &Path, interpreter: &Path) -> io::Result<PathBuf> {
    let Some(bash) = find_on_path("bash") else {
        return Ok(interpreter.to_path_buf());
    };
    let name = interpreter
        .file_name()
        .map_or_else(|| "lua".into(), |name| name.to_os_string());
    let wrapper = bin_dir.join(name);
    let script = format!(
        "#!{}\n\
         # Written by conform suite (harness/src/suite/runner.rs, interpreter_wrapper).\n\
         if [ /dev/stdin -ef /dev/null ]; then sleep 0.5; fi\n\
         exec -a \"$0\" {} \"$@\"\n",
        bash.display(),
        shell_quoted(&interpreter.to_string_lossy())
    );
    fs::write(&wrapper, script)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755))?;
    }
    Ok(wrapper)
}

/// `text` as one single-quoted shell word.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// A program on `PATH`, if there is one.
fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(format!("{program}{}", env::consts::EXE_SUFFIX)))
        .find(|candidate| candidate.is_file())
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "_upstream" {
            continue;
        }
        let source = entry.path();
        if source.is_dir() {
            copy_dir(&source, &to.join(&name))?;
        } else {
            fs::copy(&source, to.join(&name)).map_err(|error| {
                io::Error::new(error.kind(), format!("{}: {error}", source.display()))
            })?;
        }
    }
    Ok(())
}

/// Runs trials: one scratch copy for the whole process, children started from `conform`.
#[derive(Debug)]
pub struct SuiteRunner {
    scratch: Scratch,
    conform: PathBuf,
    ferrolua: PathBuf,
    lua53: Option<PathBuf>,
    /// One lock per file: two runs of the same file never overlap, since a file may write
    /// scratch files under fixed names (attrib.lua writes libs/*.lua in default mode).
    file_locks: Mutex<HashMap<String, Arc<Mutex<()>>>>,
}

impl SuiteRunner {
    /// Copies the suite and finds the interpreters. `conform` is the binary whose `run-trial`
    /// runs each trial; the `ferrolua` binary beside it (built here if needed) is ferrolua's
    /// `arg[-1]`, and a `lua5.3` on `PATH`, if any, the reference's.
    pub fn new(suite_dir: &Path, conform: PathBuf) -> io::Result<SuiteRunner> {
        let ferrolua = ferrolua_binary(&conform).map_err(io::Error::other)?;
        let scratch = Scratch::create(suite_dir)?;
        let ferrolua = interpreter_wrapper(&scratch.bin_dir(), &ferrolua)?;
        let lua53 = match standalone_lua53() {
            Some(lua53) => Some(interpreter_wrapper(&scratch.bin_dir(), &lua53)?),
            None => None,
        };
        Ok(SuiteRunner {
            scratch,
            conform,
            ferrolua,
            lua53,
            file_locks: Mutex::default(),
        })
    }

    /// The standalone PUC interpreter used as the reference's `arg[-1]` (wrapped as
    /// [`interpreter_wrapper`] says), if one was found.
    pub fn lua53(&self) -> Option<&Path> {
        self.lua53.as_deref()
    }

    /// Runs every trial, in parallel, showing progress on stderr if asked. Outcomes come back
    /// in the order of `trials`.
    pub fn run_all(&self, trials: &[Trial], show_progress: bool) -> Vec<TrialOutcome> {
        let progress = Progress::new(trials.len(), show_progress);
        let outcomes = trials
            .par_iter()
            .map(|trial| {
                let outcome = self.run_trial(trial);
                progress.tick();
                outcome
            })
            .collect();
        progress.finish();
        outcomes
    }

    /// Runs one trial in the reference, then in ferrolua.
    pub fn run_trial(&self, trial: &Trial) -> TrialOutcome {
        let lock = self.file_lock(&trial.file);
        let _running = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut reference = self.run_side(trial, EngineKind::Reference);
        for _ in 1..REFERENCE_ATTEMPTS {
            if !matches!(
                reference.status,
                SideStatus::Fail | SideStatus::Timeout | SideStatus::Panic
            ) {
                break;
            }
            reference = self.run_side(trial, EngineKind::Reference);
        }
        let ferrolua = self.run_side(trial, EngineKind::Ferrolua);
        TrialOutcome {
            trial: trial.clone(),
            reference,
            ferrolua,
        }
    }

    fn file_lock(&self, file: &str) -> Arc<Mutex<()>> {
        let mut locks = self
            .file_locks
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Arc::clone(locks.entry(file.to_string()).or_default())
    }

    /// One engine's run of a trial, in a child process.
    fn run_side(&self, trial: &Trial, engine: EngineKind) -> SideResult {
        let interpreter: OsString = match engine {
            EngineKind::Ferrolua => self.ferrolua.clone().into(),
            EngineKind::Reference => match &self.lua53 {
                Some(lua53) => lua53.clone().into(),
                None if trial.file == MAIN_FILE && trial.mode == Mode::Default => {
                    return SideResult::with_message(
                        SideStatus::Unconfirmed,
                        0,
                        "main.lua needs a standalone PUC interpreter as arg[-1], and no lua5.3 \
                         is on PATH",
                    )
                }
                None => "lua5.3".into(),
            },
        };
        let mut command = Command::new(&self.conform);
        command
            .arg("run-trial")
            .arg("--engine")
            .arg(engine.name())
            .arg("--mode")
            .arg(trial.mode.name())
            .arg("--timeout")
            .arg(RUN_TIMEOUT.as_secs().to_string())
            .arg("--interpreter")
            .arg(interpreter)
            .arg(&trial.file)
            .current_dir(self.scratch.dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for variable in crate::engine::standalone::LUA_VARIABLES {
            command.env_remove(variable);
        }
        // Its own process group, so that what the file leaves running can be ended with it
        // (main.lua starts interpreters in the background, and when its racy Ctrl-C test fails,
        // one of them loops forever).
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let started = Instant::now();
        match command.spawn() {
            Ok(child) => watch_child(child, started),
            Err(error) => SideResult::with_message(
                SideStatus::Panic,
                0,
                format!(
                    "harness error: cannot start {}: {error}",
                    self.conform.display()
                ),
            ),
        }
    }
}

/// Waits for a child, killing it at the backstop deadline, ends what it left running, and reads
/// its result.
fn watch_child(mut child: Child, started: Instant) -> SideResult {
    // files.lua needs standard input to be a pipe (not /dev/null); closing it gives end of file.
    drop(child.stdin.take());
    let stdout = read_all(child.stdout.take());
    let stderr = read_all(child.stderr.take());
    let deadline = RUN_TIMEOUT + KILL_AFTER;
    let (status, killed) = loop {
        match child.try_wait() {
            Ok(Some(status)) => break (Some(status), false),
            Ok(None) if started.elapsed() >= deadline => {
                let _ = child.kill();
                break (child.wait().ok(), true);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break (None, false),
        }
    };
    end_process_group(child.id());
    let stdout = stdout.finish();
    let stderr = stderr.finish();
    let elapsed = started.elapsed().as_millis() as u64;
    let tail = output_tail(&stdout, &stderr);
    let mut result = if killed {
        SideResult::with_message(
            SideStatus::Timeout,
            elapsed,
            format!(
                "killed by the harness after {} s: the child's own limits did not stop it",
                deadline.as_secs()
            ),
        )
    } else {
        match protocol::decode(&stdout) {
            Some(result) => result,
            None => {
                SideResult::with_message(SideStatus::Panic, elapsed, crash_message(status, &stderr))
            }
        }
    };
    result.output_tail = tail;
    result
}

/// Kills whatever is left in the process group the child led. The group is gone once its last
/// member ends, so this only ever reaches processes the child started.
#[cfg(unix)]
fn end_process_group(leader: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{leader}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

#[cfg(not(unix))]
fn end_process_group(_leader: u32) {}

/// What a child that ended without a result line died of.
fn crash_message(status: Option<ExitStatus>, stderr: &[u8]) -> String {
    let stderr = String::from_utf8_lossy(stderr);
    let panic_line = stderr
        .lines()
        .skip_while(|line| !line.contains("panicked at"))
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let how = match status {
        None => "ended in an unknown way".to_string(),
        Some(status) => match status.code() {
            Some(code) => format!("exited with code {code}"),
            None => signal_of(status),
        },
    };
    let last_line = stderr.lines().rev().find(|line| !line.trim().is_empty());
    match (panic_line.is_empty(), last_line) {
        (false, _) => format!("the child {how} without a result: {panic_line}"),
        (true, Some(line)) => format!("the child {how} without a result: {line}"),
        (true, None) => format!("the child {how} without a result"),
    }
}

#[cfg(unix)]
fn signal_of(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    let signal = status.signal().unwrap_or(0);
    let name = match signal {
        4 => " (SIGILL)",
        6 => " (SIGABRT: an abort, such as a stack overflow)",
        7 => " (SIGBUS)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        _ => "",
    };
    format!("was killed by signal {signal}{name}")
}

#[cfg(not(unix))]
fn signal_of(status: ExitStatus) -> String {
    format!("ended with {status}")
}

/// The last lines of a child's output, without the result line.
fn output_tail(stdout: &[u8], stderr: &[u8]) -> String {
    let stdout = String::from_utf8_lossy(stdout);
    let stderr = String::from_utf8_lossy(stderr);
    let lines = stdout
        .lines()
        .filter(|line| !line.starts_with(protocol::MARKER))
        .chain(stderr.lines())
        .collect::<Vec<_>>();
    let start = lines.len().saturating_sub(TAIL_LINES);
    lines[start..].join("\n")
}

/// A pipe read to its end on a thread of its own.
struct Reader {
    buffer: Arc<Mutex<Vec<u8>>>,
    thread: Option<JoinHandle<()>>,
}

fn read_all(pipe: Option<impl Read + Send + 'static>) -> Reader {
    let buffer = Arc::new(Mutex::new(Vec::new()));
    let thread = pipe.map(|mut pipe| {
        let buffer = Arc::clone(&buffer);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = pipe.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                buffer
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .extend_from_slice(&chunk[..n]);
            }
        })
    });
    Reader { buffer, thread }
}

impl Reader {
    /// What was read, once the pipe closes or, if a grandchild keeps it open (main.lua starts
    /// interpreters), after a short wait.
    fn finish(mut self) -> Vec<u8> {
        if let Some(thread) = self.thread.take() {
            let waited = Instant::now();
            while !thread.is_finished() && waited.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        let buffer = self
            .buffer
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        buffer.clone()
    }
}

/// The `ferrolua` binary of the same build profile as `conform`, in the same target folder.
///
/// `cargo test` builds `conform` for the harness's tests but not the `ferrolua` binary (it
/// belongs to another package), and a binary left from an earlier build may be stale, so cargo
/// is asked to build it first; that is quick when it is up to date. A binary that exists is
/// used if cargo cannot be run.
pub fn ferrolua_binary(conform: &Path) -> Result<PathBuf, String> {
    let mut dir = conform
        .parent()
        .ok_or_else(|| format!("{} has no folder", conform.display()))?;
    // Test executables live in target/<profile>/deps.
    if dir.file_name().is_some_and(|name| name == "deps") {
        dir = dir.parent().unwrap_or(dir);
    }
    let binary = dir.join(format!("ferrolua{}", env::consts::EXE_SUFFIX));
    let profile = match dir.file_name().and_then(|name| name.to_str()) {
        Some("debug") => "dev".to_string(),
        Some(other) => other.to_string(),
        None => {
            return Err(format!(
                "cannot tell the build profile of {}",
                dir.display()
            ))
        }
    };
    let target_dir = dir.parent().unwrap_or(dir);
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(&cargo)
        .args([
            "build",
            "--quiet",
            "--package",
            "ferrolua",
            "--bin",
            "ferrolua",
        ])
        .arg("--profile")
        .arg(&profile)
        .arg("--target-dir")
        .arg(target_dir)
        .current_dir(crate::paths::workspace_root())
        .stdin(Stdio::null())
        .status();
    match built {
        Ok(status) if status.success() && binary.is_file() => Ok(binary),
        _ if binary.is_file() => {
            eprintln!(
                "conform: warning: could not build the ferrolua binary with cargo; using {}, \
                 which may be stale",
                binary.display()
            );
            Ok(binary)
        }
        Ok(status) => Err(format!(
            "`cargo build --package ferrolua --bin ferrolua --profile {profile}` failed ({status}); \
             main.lua needs the ferrolua binary at {}",
            binary.display()
        )),
        Err(error) => Err(format!(
            "cannot run {} to build the ferrolua binary ({error}); main.lua needs it at {}",
            PathBuf::from(cargo).display(),
            binary.display()
        )),
    }
}

/// A standalone PUC Lua 5.3 interpreter on `PATH` (`lua5.3`), if there is one that says it is
/// Lua 5.3.
pub fn standalone_lua53() -> Option<PathBuf> {
    find_on_path("lua5.3").filter(|candidate| {
        Command::new(candidate)
            .arg("-v")
            .stdin(Stdio::null())
            .output()
            .is_ok_and(|output| {
                let version = [output.stdout, output.stderr].concat();
                String::from_utf8_lossy(&version).contains("Lua 5.3")
            })
    })
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;
    use std::process::Command;

    use super::{crash_message, interpreter_wrapper, Scratch};

    #[cfg(unix)]
    #[test]
    fn children_that_die_are_described() {
        use std::os::unix::process::ExitStatusExt;
        let segfault = std::process::ExitStatus::from_raw(11);
        assert_eq!(
            crash_message(Some(segfault), b""),
            "the child was killed by signal 11 (SIGSEGV) without a result"
        );
        let panicked = std::process::ExitStatus::from_raw(101 << 8);
        let stderr =
            b"noise\nthread 'ferrolua' panicked at vm/src/x.rs:1:2:\nindex out of bounds\n";
        assert_eq!(
            crash_message(Some(panicked), stderr),
            "the child exited with code 101 without a result: thread 'ferrolua' panicked at \
             vm/src/x.rs:1:2: index out of bounds"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_interpreter_wrapper_passes_its_arguments_on() {
        let scratch_root =
            std::env::temp_dir().join(format!("conform-wrapper-test-{}", std::process::id()));
        fs::create_dir_all(&scratch_root).expect("a scratch folder");
        let wrapper = interpreter_wrapper(&scratch_root, Path::new("/bin/echo"))
            .expect("the wrapper is written");
        let output = Command::new(&wrapper)
            .args(["a", "b c"])
            .stdin(std::process::Stdio::piped())
            .output()
            .expect("the wrapper runs");
        let _ = fs::remove_dir_all(&scratch_root);
        assert_eq!(String::from_utf8_lossy(&output.stdout), "a b c\n");
    }

    #[test]
    fn the_scratch_copy_has_libs_p1_and_goes_away() {
        let suite = std::env::temp_dir().join(format!("conform-suite-src-{}", std::process::id()));
        fs::create_dir_all(suite.join("_upstream")).expect("a fake suite");
        fs::write(suite.join("a.lua"), "return 1").expect("a file");
        let scratch = Scratch::create(&suite).expect("the copy is made");
        let copy = scratch.dir();
        assert!(copy.join("a.lua").is_file());
        assert!(copy.join("libs").join("P1").is_dir());
        assert!(!copy.join("_upstream").exists());
        drop(scratch);
        assert!(!copy.exists());
        let _ = fs::remove_dir_all(&suite);
    }
}
