//! The `os` library: dates and times, the environment, files by name, processes and the
//! locale. Mirrors loslib.c of PUC Lua 5.3.6 (built for POSIX); manual §6.9.
//!
//! ferrolua uses no C library, so it writes out what loslib.c borrows from it:
//! - The calendar (`gmtime`, `mktime`, `strftime` in the "C" locale) is computed here, on the
//!   proleptic Gregorian calendar, with glibc's range limits and number formats.
//! - **Local time is UTC.** Time zones are not read: `os.date` without `!` gives the same
//!   fields as with it (`isdst` false, `%z` `+0000`, `%Z` `UTC`), and `os.time` reads a table
//!   as UTC. This is exactly the reference's behaviour on a machine set to UTC; elsewhere the
//!   hours differ by the zone's offset. An `isdst = true` field moves the time back one hour,
//!   as glibc's `mktime` does in a zone without daylight saving time.
//! - `os.clock` is the CPU time of the running thread, from `/proc/thread-self/schedstat`,
//!   or the time since the first call where that file does not exist.
//! - `os.setlocale` knows the locales every glibc has: "C" (also spelt "POSIX") and
//!   "C.UTF-8" (or "C.utf8"); the name "" picks one from the environment as `setlocale` does.
//!   Since ferrolua formats numbers and dates the same way in all of them, the locale only
//!   changes what `os.setlocale` answers.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::value::{TableRef, Truth, Value};
use crate::vm::{Lua, LuaError};

/// Opens the library into `_G.os` and `package.loaded.os`.
pub fn open(lua: &mut Lua) {
    let library = lua.new_library(
        "os",
        &[
            ("clock", clock),
            ("date", date),
            ("difftime", difftime),
            ("execute", execute),
            ("exit", exit),
            ("getenv", getenv),
            ("remove", remove),
            ("rename", rename),
            ("time", time),
            ("tmpname", tmpname),
        ],
    );
    // `setlocale` keeps the current locale of each category in its upvalue.
    let Value::Table(locales) = lua.new_table() else {
        unreachable!("new_table makes a table")
    };
    let c = lua.string(b"C");
    for i in 1..=LOCALE_VARIABLES.len() {
        lua.heap.table_set_int(locales, i as i64, c);
    }
    let closure = lua.native_closure(setlocale, vec![Value::Table(locales)]);
    let key = lua.string(b"setlocale");
    lua.heap.table_set(library, key, closure);
}

// ---- Files and processes ----

/// `os.remove(name)`: removes a file or an empty directory, as C's `remove` does.
fn remove(lua: &mut Lua) -> Result<usize, LuaError> {
    let name = lua.check_string(1)?;
    let name = lua.str_bytes(name).to_vec();
    let path = path_of(&name);
    let result = match std::fs::remove_file(&path) {
        // EISDIR: C's `remove` then tries `rmdir`.
        Err(error) if error.raw_os_error() == Some(21) => std::fs::remove_dir(&path),
        other => other,
    };
    Ok(super::io::file_result(lua, result.map(|_| ()), Some(&name)))
}

/// `os.rename(old, new)`.
fn rename(lua: &mut Lua) -> Result<usize, LuaError> {
    let from = lua.check_string(1)?;
    let to = lua.check_string(2)?;
    let result = std::fs::rename(path_of(lua.str_bytes(from)), path_of(lua.str_bytes(to)));
    Ok(super::io::file_result(lua, result, None))
}

/// A path from Lua string bytes, cut at the first zero byte as C reads it.
pub(crate) fn path_of(bytes: &[u8]) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&bytes[..end]))
}

/// `os.tmpname()`: the name of a new empty file, made as `mkstemp("/tmp/lua_XXXXXX")` does.
fn tmpname(lua: &mut Lua) -> Result<usize, LuaError> {
    const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    use std::hash::{BuildHasher, Hasher};
    let state = std::collections::hash_map::RandomState::new();
    for attempt in 0..100u64 {
        let mut hasher = state.build_hasher();
        hasher.write_u64(attempt);
        hasher.write_u128(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        let mut bits = hasher.finish();
        let mut name = b"/tmp/lua_".to_vec();
        for _ in 0..6 {
            name.push(LETTERS[(bits % LETTERS.len() as u64) as usize]);
            bits /= LETTERS.len() as u64;
        }
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path_of(&name));
        match created {
            Ok(_) => {
                let name = lua.string(&name);
                lua.push(name);
                return Ok(1);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(_) => break,
        }
    }
    Err(lua.error(b"unable to generate a unique filename"))
}

/// `os.getenv(name)`.
fn getenv(lua: &mut Lua) -> Result<usize, LuaError> {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let name = lua.check_string(1)?;
    let name = lua.str_bytes(name);
    let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
    let name = &name[..end];
    let value = if name.is_empty() || name.contains(&b'=') {
        None
    } else {
        std::env::var_os(std::ffi::OsStr::from_bytes(name))
    };
    let result = match value {
        Some(value) => lua.string(&value.into_vec()),
        None => Value::Nil,
    };
    lua.push(result);
    Ok(1)
}

/// `os.execute([command])`: runs a command through `/bin/sh`, as C's `system` does.
fn execute(lua: &mut Lua) -> Result<usize, LuaError> {
    if lua.arg(1).is_nil() {
        // Is there a shell?
        let exists = std::path::Path::new("/bin/sh").exists();
        lua.push(Value::boolean(exists));
        return Ok(1);
    }
    let command = lua.check_string(1)?;
    let command = path_of(lua.str_bytes(command)).into_os_string();
    let status = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(command)
        .status();
    Ok(exec_result(lua, status))
}

/// The results of `os.execute` and of closing an `io.popen` file (`luaL_execresult`): true or
/// nil, then `"exit"` and the exit status, or `"signal"` and the signal number.
pub(crate) fn exec_result(
    lua: &mut Lua,
    status: std::io::Result<std::process::ExitStatus>,
) -> usize {
    use std::os::unix::process::ExitStatusExt;
    let status = match status {
        Ok(status) => status,
        Err(error) => return super::io::file_result(lua, Err(error), None),
    };
    let (what, code) = match (status.code(), status.signal()) {
        (Some(code), _) => ("exit", code),
        (None, Some(signal)) => ("signal", signal),
        (None, None) => ("exit", 0),
    };
    let first = if what == "exit" && code == 0 {
        Value::Bool(Truth::True)
    } else {
        Value::Nil
    };
    lua.push(first);
    let what = lua.string(what.as_bytes());
    lua.push(what);
    lua.push(Value::Int(code as i64));
    3
}

/// `os.exit([code [, close]])`: ends the process, after flushing the files that buffer.
fn exit(lua: &mut Lua) -> Result<usize, LuaError> {
    let status = match lua.arg(1) {
        Value::Bool(Truth::True) => 0,
        Value::Bool(Truth::False) => 1,
        _ => lua.opt_integer(1, 0)? as i32,
    };
    if !lua.arg(2).is_falsy() {
        // `os.exit(code, true)` closes the state first, running its finalizers.
        lua.close();
    }
    super::io::flush_all();
    std::process::exit(status)
}

/// `os.clock()`: CPU time used, in seconds.
fn clock(lua: &mut Lua) -> Result<usize, LuaError> {
    let seconds = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse::<u64>().ok())
        .map(|nanoseconds| nanoseconds as f64 / 1e9)
        .unwrap_or_else(|| {
            static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            START
                .get_or_init(std::time::Instant::now)
                .elapsed()
                .as_secs_f64()
        });
    lua.push(Value::Float(seconds));
    Ok(1)
}

// ---- The calendar ----

/// A broken-down time (`struct tm`), with the full year and 1-based month.
#[derive(Clone, Copy, Debug)]
struct DateTime {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    /// Days since Sunday, 0 to 6.
    wday: i64,
    /// Days since January 1, 0 to 365.
    yday: i64,
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (`days_from_civil`,
/// H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146097 + day_of_era - 719468
}

/// The date of a day counted from 1970-01-01 (`civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let day_of_era = z - era * 146097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + (month <= 2) as i64;
    (year, month, day)
}

/// The broken-down UTC time of `t` (`gmtime`), or `None` where glibc fails: when the year
/// minus 1900 does not fit C's `int` field `tm_year`.
fn broken_down(t: i64) -> Option<DateTime> {
    let days = t.div_euclid(86400);
    let seconds = t.rem_euclid(86400);
    let (year, month, day) = civil_from_days(days);
    let tm_year = i32::try_from(year - 1900).ok()?;
    Some(DateTime {
        // glibc adds 1900 back in an `int`, which wraps for the last 1900 years.
        year: tm_year.wrapping_add(1900) as i64,
        month,
        day,
        hour: seconds / 3600,
        min: seconds % 3600 / 60,
        sec: seconds % 60,
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1),
    })
}

/// The time of broken-down fields, normalising out-of-range values as `mktime` does. Fields
/// are C's: `year` counts from 1900 and `month` from 0.
fn time_of_fields(year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64) -> i64 {
    let months = year * 12 + month;
    let days = days_from_civil(months.div_euclid(12) + 1900, months.rem_euclid(12) + 1, 1);
    (days + day - 1) * 86400 + hour * 3600 + min * 60 + sec
}

/// The current time in whole seconds (`time(NULL)`).
fn now() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs_f64().ceil() as i64),
    }
}

#[cold]
fn not_representable(lua: &mut Lua) -> LuaError {
    lua.error(b"time result cannot be represented in this installation")
}

/// Sets the fields of a date table from a broken-down time (`setallfields`), with
/// metamethods, in PUC's order.
fn set_all_fields(lua: &mut Lua, table: Value, dt: &DateTime) -> Result<(), LuaError> {
    for (name, value) in [
        ("sec", Value::Int(dt.sec)),
        ("min", Value::Int(dt.min)),
        ("hour", Value::Int(dt.hour)),
        ("day", Value::Int(dt.day)),
        ("month", Value::Int(dt.month)),
        ("year", Value::Int(dt.year)),
        ("wday", Value::Int(dt.wday + 1)),
        ("yday", Value::Int(dt.yday + 1)),
        ("isdst", Value::Bool(Truth::False)),
    ] {
        let key = lua.string(name.as_bytes());
        lua.set_index(table, key, value, crate::vm::Origin::None)?;
    }
    Ok(())
}

/// Fields of date tables may not exceed this in magnitude (`L_MAXDATEFIELD`, `INT_MAX / 2`).
const MAX_DATE_FIELD: i64 = i32::MAX as i64 / 2;

/// Field `key` of the date table, minus `delta`, or `default` when absent (negative: the
/// field is required) (`getfield`).
fn get_field(
    lua: &mut Lua,
    table: Value,
    key: &str,
    default: i64,
    delta: i64,
) -> Result<i64, LuaError> {
    let name = lua.string(key.as_bytes());
    let value = lua.index_value(table, name)?;
    match crate::vm::to_integer(value, &lua.heap.strings) {
        Some(n) if (-MAX_DATE_FIELD..=MAX_DATE_FIELD).contains(&n) => Ok(n - delta),
        Some(_) => Err(lua.error(format!("field '{key}' is out-of-bound").as_bytes())),
        None if !value.is_nil() => {
            Err(lua.error(format!("field '{key}' is not an integer").as_bytes()))
        }
        None if default < 0 => {
            Err(lua.error(format!("field '{key}' missing in date table").as_bytes()))
        }
        None => Ok(default),
    }
}

/// `os.time([table])` (`os_time`): now, or the time of a date table, whose fields are then
/// normalised in place.
fn time(lua: &mut Lua) -> Result<usize, LuaError> {
    let t = if lua.arg(1).is_nil() {
        now()
    } else {
        lua.check_table(1)?;
        let table = lua.arg(1);
        let sec = get_field(lua, table, "sec", 0, 0)?;
        let min = get_field(lua, table, "min", 0, 0)?;
        let hour = get_field(lua, table, "hour", 12, 0)?;
        let day = get_field(lua, table, "day", -1, 0)?;
        let month = get_field(lua, table, "month", -1, 1)?;
        let year = get_field(lua, table, "year", -1, 1900)?;
        let key = lua.string(b"isdst");
        let isdst = lua.index_value(table, key)?;
        let mut t = time_of_fields(year, month, day, hour, min, sec);
        if !isdst.is_falsy() {
            // No daylight saving time exists in UTC; glibc's `mktime` takes the hour off.
            t -= 3600;
        }
        let Some(dt) = broken_down(t) else {
            return Err(not_representable(lua));
        };
        set_all_fields(lua, table, &dt)?;
        t
    };
    if t == -1 {
        // `(time_t)-1` is `mktime`'s error value.
        return Err(not_representable(lua));
    }
    lua.push(Value::Int(t));
    Ok(1)
}

/// `os.difftime(t2, t1)`: `t2 - t1` in seconds, as a float.
fn difftime(lua: &mut Lua) -> Result<usize, LuaError> {
    let t1 = lua.check_integer(1)?;
    let t2 = lua.check_integer(2)?;
    lua.push(Value::Float(t1 as f64 - t2 as f64));
    Ok(1)
}

/// Conversions `strftime` accepts (C99 and POSIX), one and two characters long
/// (`L_STRFTIMEC99`).
const SINGLE_OPTIONS: &[u8] = b"aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%";
const DOUBLE_OPTIONS: [&[u8]; 19] = [
    b"Ec", b"EC", b"Ex", b"EX", b"Ey", b"EY", b"Od", b"Oe", b"OH", b"OI", b"Om", b"OM", b"OS",
    b"Ou", b"OU", b"OV", b"Ow", b"OW", b"Oy",
];

/// `os.date([format [, time]])` (`os_date`).
fn date(lua: &mut Lua) -> Result<usize, LuaError> {
    let format = lua.opt_string(1, b"%c")?;
    let format = lua.str_bytes(format).to_vec();
    let t = if lua.arg(2).is_nil() {
        now()
    } else {
        lua.check_integer(2)?
    };
    let (utc, mut rest) = match format.first() {
        Some(b'!') => (true, &format[1..]),
        _ => (false, &format[..]),
    };
    let Some(dt) = broken_down(t) else {
        return Err(not_representable(lua));
    };
    // PUC compares as C strings, so text after a zero byte does not count.
    let c_string = &rest[..rest.iter().position(|&b| b == 0).unwrap_or(rest.len())];
    if c_string == b"*t" {
        let table = lua.new_table();
        set_all_fields(lua, table, &dt)?;
        lua.push(table);
        return Ok(1);
    }
    let mut out = Vec::new();
    while let Some((&byte, after)) = rest.split_first() {
        if byte != b'%' {
            out.push(byte);
            rest = after;
            continue;
        }
        let length = if after.first().is_some_and(|b| SINGLE_OPTIONS.contains(b)) {
            1
        } else if after.len() >= 2 && DOUBLE_OPTIONS.contains(&&after[..2]) {
            2
        } else {
            let shown = &after[..after.iter().position(|&b| b == 0).unwrap_or(after.len())];
            let mut message = b"invalid conversion specifier '%".to_vec();
            message.extend_from_slice(shown);
            message.push(b'\'');
            return Err(lua.arg_error(1, &message));
        };
        // The `E` and `O` modifiers change nothing in the "C" locale.
        let conversion = after[length - 1];
        format_conversion(&mut out, conversion, &dt, utc);
        rest = &after[length..];
    }
    let result = lua.string(&out);
    lua.push(result);
    Ok(1)
}

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ISO 8601 week-based year and week number of a date (`%G` and `%V`).
fn iso_week(dt: &DateTime) -> (i64, i64) {
    fn weeks_in_year(year: i64) -> i64 {
        let p = |y: i64| (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)) % 7;
        if p(year).rem_euclid(7) == 4 || p(year - 1).rem_euclid(7) == 3 {
            53
        } else {
            52
        }
    }
    // Monday is day 1 and Sunday day 7.
    let iso_wday = (dt.wday + 6) % 7 + 1;
    let week = (dt.yday + 1 - iso_wday + 10).div_euclid(7);
    if week < 1 {
        (dt.year - 1, weeks_in_year(dt.year - 1))
    } else if week > weeks_in_year(dt.year) {
        (dt.year + 1, 1)
    } else {
        (dt.year, week)
    }
}

/// Appends one `strftime` conversion in the "C" locale, with glibc's number formats.
fn format_conversion(out: &mut Vec<u8>, conversion: u8, dt: &DateTime, utc: bool) {
    use std::io::Write;
    let weekday = WEEKDAYS[dt.wday as usize];
    let month = MONTHS[(dt.month - 1) as usize];
    let hour12 = if dt.hour % 12 == 0 { 12 } else { dt.hour % 12 };
    let _ = match conversion {
        b'a' => write!(out, "{}", &weekday[..3]),
        b'A' => write!(out, "{weekday}"),
        b'b' | b'h' => write!(out, "{}", &month[..3]),
        b'B' => write!(out, "{month}"),
        b'c' => write!(
            out,
            "{} {} {:2} {:02}:{:02}:{:02} {}",
            &weekday[..3],
            &month[..3],
            dt.day,
            dt.hour,
            dt.min,
            dt.sec,
            dt.year
        ),
        b'C' => write!(out, "{}", dt.year.div_euclid(100)),
        b'd' => write!(out, "{:02}", dt.day),
        b'D' | b'x' => write!(
            out,
            "{:02}/{:02}/{:02}",
            dt.month,
            dt.day,
            dt.year.rem_euclid(100)
        ),
        b'e' => write!(out, "{:2}", dt.day),
        b'F' => write!(out, "{}-{:02}-{:02}", dt.year, dt.month, dt.day),
        b'g' => write!(out, "{:02}", iso_week(dt).0.rem_euclid(100)),
        b'G' => write!(out, "{}", iso_week(dt).0),
        b'H' => write!(out, "{:02}", dt.hour),
        b'I' => write!(out, "{hour12:02}"),
        b'j' => write!(out, "{:03}", dt.yday + 1),
        b'm' => write!(out, "{:02}", dt.month),
        b'M' => write!(out, "{:02}", dt.min),
        b'n' => writeln!(out),
        b'p' => write!(out, "{}", if dt.hour < 12 { "AM" } else { "PM" }),
        b'r' => write!(
            out,
            "{hour12:02}:{:02}:{:02} {}",
            dt.min,
            dt.sec,
            if dt.hour < 12 { "AM" } else { "PM" }
        ),
        b'R' => write!(out, "{:02}:{:02}", dt.hour, dt.min),
        b'S' => write!(out, "{:02}", dt.sec),
        b't' => write!(out, "\t"),
        b'T' | b'X' => write!(out, "{:02}:{:02}:{:02}", dt.hour, dt.min, dt.sec),
        b'u' => write!(out, "{}", (dt.wday + 6) % 7 + 1),
        b'U' => write!(out, "{:02}", (dt.yday + 7 - dt.wday) / 7),
        b'V' => write!(out, "{:02}", iso_week(dt).1),
        b'w' => write!(out, "{}", dt.wday),
        b'W' => write!(out, "{:02}", (dt.yday + 7 - (dt.wday + 6) % 7) / 7),
        b'y' => write!(out, "{:02}", dt.year.rem_euclid(100)),
        b'Y' => write!(out, "{}", dt.year),
        b'z' => write!(out, "+0000"),
        // glibc names UTC "GMT" in `gmtime`'s results.
        b'Z' => write!(out, "{}", if utc { "GMT" } else { "UTC" }),
        _ => write!(out, "%"),
    };
}

// ---- Locales ----

/// The categories `os.setlocale` names, in its order (`catnames`); "all" is all of them.
const LOCALE_CATEGORIES: [&str; 5] = ["collate", "ctype", "monetary", "numeric", "time"];

/// The environment variable for each category, as `setlocale(cat, "")` reads it. The last
/// entry stands for glibc's categories that `os.setlocale` cannot name, which only "all"
/// changes.
const LOCALE_VARIABLES: [&str; 6] = [
    "LC_COLLATE",
    "LC_CTYPE",
    "LC_MONETARY",
    "LC_NUMERIC",
    "LC_TIME",
    "LC_MESSAGES",
];

/// The name under which glibc reports a locale, if it is one every glibc provides.
fn known_locale(name: &[u8]) -> Option<&[u8]> {
    match name {
        b"C" | b"POSIX" => Some(b"C"),
        b"C.UTF-8" | b"C.utf8" => Some(name),
        _ => None,
    }
}

/// The locale `setlocale(category, "")` picks: `LC_ALL`, then the category's variable, then
/// `LANG`, then "C".
fn environment_locale(variable: &str) -> Vec<u8> {
    use std::os::unix::ffi::OsStringExt;
    for name in ["LC_ALL", variable, "LANG"] {
        if let Some(value) = std::env::var_os(name) {
            if !value.is_empty() {
                return value.into_vec();
            }
        }
    }
    b"C".to_vec()
}

/// `os.setlocale([locale [, category]])` (`os_setlocale`): queries or sets the locale;
/// returns its name, or nil if it cannot be set.
fn setlocale(lua: &mut Lua) -> Result<usize, LuaError> {
    let locale = match lua.arg(1) {
        Value::Nil => None,
        _ => Some(lua.check_string(1)?),
    };
    let category = lua.opt_string(2, b"all")?;
    let category_name = lua.str_bytes(category).to_vec();
    let category = if category_name == b"all" {
        None
    } else {
        match LOCALE_CATEGORIES
            .iter()
            .position(|c| c.as_bytes() == category_name.as_slice())
        {
            Some(index) => Some(index),
            None => {
                let mut message = b"invalid option '".to_vec();
                message.extend_from_slice(&category_name);
                message.push(b'\'');
                return Err(lua.arg_error(2, &message));
            }
        }
    };
    let Value::Table(state) = lua.native_upvalue(1) else {
        unreachable!("setlocale is opened with its state")
    };
    let indices: Vec<usize> = match category {
        Some(index) => vec![index],
        None => (0..LOCALE_VARIABLES.len()).collect(),
    };
    if let Some(locale) = locale {
        let requested = lua.str_bytes(locale).to_vec();
        let mut names = Vec::new();
        for &index in &indices {
            let name = if requested.is_empty() {
                environment_locale(LOCALE_VARIABLES[index])
            } else {
                requested.clone()
            };
            match known_locale(&name) {
                Some(name) => names.push(name.to_vec()),
                None => {
                    lua.push(Value::Nil);
                    return Ok(1);
                }
            }
        }
        for (&index, name) in indices.iter().zip(names) {
            let name = lua.string(&name);
            lua.heap.table_set_int(state, index as i64 + 1, name);
        }
    }
    let result = locale_name(lua, state, category);
    let result = lua.string(&result);
    lua.push(result);
    Ok(1)
}

/// The name `setlocale(category, NULL)` returns: for "all", the common name, or glibc's
/// composite name when the categories differ.
fn locale_name(lua: &Lua, state: TableRef, category: Option<usize>) -> Vec<u8> {
    let name_of = |index: usize| match lua.heap.table(state).get_int(index as i64 + 1) {
        Value::Str(s) => lua.str_bytes(s).to_vec(),
        _ => b"C".to_vec(),
    };
    if let Some(index) = category {
        return name_of(index);
    }
    let names: Vec<Vec<u8>> = (0..LOCALE_VARIABLES.len()).map(name_of).collect();
    if names.iter().all(|n| *n == names[0]) {
        return names[0].clone();
    }
    // glibc's order of categories, with the slot of each.
    let order = [
        ("LC_CTYPE", 1),
        ("LC_NUMERIC", 3),
        ("LC_TIME", 4),
        ("LC_COLLATE", 0),
        ("LC_MONETARY", 2),
        ("LC_MESSAGES", 5),
        ("LC_PAPER", 5),
        ("LC_NAME", 5),
        ("LC_ADDRESS", 5),
        ("LC_TELEPHONE", 5),
        ("LC_MEASUREMENT", 5),
        ("LC_IDENTIFICATION", 5),
    ];
    let mut composite = Vec::new();
    for (i, (variable, index)) in order.iter().enumerate() {
        if i > 0 {
            composite.push(b';');
        }
        composite.extend_from_slice(variable.as_bytes());
        composite.push(b'=');
        composite.extend_from_slice(&names[*index]);
    }
    composite
}
