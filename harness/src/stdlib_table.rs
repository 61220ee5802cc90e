//! The standard-library table: every function of the Lua 5.3 manual's §6, probed in each engine
//! at report time and classed as implemented, differs or missing.
//!
//! A function is **missing** from an engine when its global or field is not a function there.
//! It **differs** when it is present but its probe battery does not give the reference's
//! observations: each probe is a small function body, run under `pcall` in a fresh state of
//! each engine, whose results (or error message) are printed one line per probe; the lines must
//! match the reference's byte for byte. It is **implemented** when it is present and every
//! probe agrees. Functions whose effect cannot be observed in a test (`os.exit`,
//! `debug.debug`) have no probes and count as implemented when present.
//!
//! Probes are deterministic on PUC Lua: they never show addresses, random numbers or times,
//! and they use scratch files only through `io.tmpfile` and `os.tmpname`.

use std::fmt::Write;

use rayon::prelude::*;

use crate::engine::{
    Budget, Engine, FerroluaEngine, Observation, ReferenceEngine, StandaloneEngine, Status,
};
use crate::json::Json;

/// One function of the manual's §6, with its probes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StdFunction {
    /// The name as the manual writes it: `print`, `string.format`, `file:read`.
    pub name: &'static str,
    /// Function bodies, each run as `pcall(function() <body> end)`; the observations of each
    /// must match the reference's.
    pub probes: &'static [&'static str],
}

impl StdFunction {
    /// The library, as the manual's §6 groups functions: `base`, `string`, `io`...
    pub fn library(&self) -> &'static str {
        if self.name == "require" {
            "package"
        } else if self.name.starts_with("file:") {
            "io"
        } else {
            self.name
                .split_once('.')
                .map_or("base", |(library, _)| library)
        }
    }

    /// The section of the manual that documents the library.
    pub fn section(&self) -> &'static str {
        match self.library() {
            "base" => "§6.1",
            "coroutine" => "§6.2",
            "package" => "§6.3",
            "string" => "§6.4",
            "utf8" => "§6.5",
            "table" => "§6.6",
            "math" => "§6.7",
            "io" => "§6.8",
            "os" => "§6.9",
            _ => "§6.10",
        }
    }

    /// A Lua expression whose value is the function. File methods are looked up on
    /// `io.stdout`, through its metatable's `__index` as a script would.
    fn lookup(&self) -> String {
        match self.name.strip_prefix("file:") {
            Some(method) => format!("io.stdout.{method}"),
            None => self.name.to_string(),
        }
    }
}

/// Declares a function with its probes.
const fn f(name: &'static str, probes: &'static [&'static str]) -> StdFunction {
    StdFunction { name, probes }
}

/// Every function of the Lua 5.3 manual's §6, library by library, in the manual's order.
/// Values that are not functions (`_G`, `_VERSION`, `math.pi`, `package.path`...) are not
/// listed.
pub const FUNCTIONS: &[StdFunction] = &[
    // §6.1 Basic functions.
    f("assert", &[
        "return assert(1, 2, 3)",
        "return assert(false)",
        "return assert(nil, 'message')",
        "return assert(false, 42)",
        "return assert()",
    ]),
    f("collectgarbage", &[
        "return type(collectgarbage('count')), math.type(collectgarbage('count'))",
        "return collectgarbage()",
        "return collectgarbage('collect')",
        "return collectgarbage('isrunning')",
        "return collectgarbage('bogus')",
    ]),
    f("dofile", &[
        "return dofile('/nonexistent/conform-probe.lua')",
        "local n = os.tmpname() local f = io.open(n, 'w') f:write('return 1 + 1, ...') f:close() local a, b = dofile(n) os.remove(n) return a, b",
    ]),
    f("error", &[
        "error('x')",
        "error('x', 0)",
        "error('x', 2)",
        "error({code = 1})",
        "error()",
        "return select('#', pcall(error))",
    ]),
    f("getmetatable", &[
        "return getmetatable('').__index == string",
        "return getmetatable(setmetatable({}, {__metatable = 'locked'}))",
        "return getmetatable(1), getmetatable({})",
        "return getmetatable()",
    ]),
    f("ipairs", &[
        "local s = '' for i, v in ipairs({1, 2, nil, 4}) do s = s .. i .. '=' .. v .. ' ' end return s",
        "local t = setmetatable({}, {__index = function(t, i) if i < 4 then return i * 10 end end}) local s = '' for i, v in ipairs(t) do s = s .. v .. ' ' end return s",
        "local f, t, i = ipairs({}) return type(f), i",
        "return ipairs()",
    ]),
    f("load", &[
        "return load('return 1 + 1')()",
        "return load('x =')",
        "return load('return ...', 'chunk')(1, 2)",
        "return load('return 1', 'c', 'b')",
        "local parts = {'return ', '4', '2'} local i = 0 return load(function() i = i + 1 return parts[i] end)()",
        "return load('return x', 'c', 't', {x = 'env'})()",
        "return load(string.dump(function() return 7 end), 'd', 'b')()",
        "return load(1)",
        "return load({})",
    ]),
    f("loadfile", &[
        "return loadfile('/nonexistent/conform-probe.lua')",
        "local n = os.tmpname() local f = io.open(n, 'w') f:write('return x or 5') f:close() local a = loadfile(n)() local b = loadfile(n, 't', {x = 6})() local c, e = loadfile(n, 'b') os.remove(n) return a, b, c, e",
    ]),
    f("next", &[
        "return next({})",
        "return next({10})",
        "return next({a = 1}, 'a')",
        "return next({}, 'nokey')",
        "return next()",
    ]),
    f("pairs", &[
        "local n = 0 for k, v in pairs({1, 2, x = 3}) do n = n + 1 end return n",
        "local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, 'one' end end, t, nil end}) local s = '' for k, v in pairs(t) do s = s .. k .. v end return s",
        "local f, t, k = pairs({}) return f == next, k",
        "return pairs(nil)",
    ]),
    f("pcall", &[
        "return pcall(error, 'x')",
        "return pcall(function(...) return select('#', ...), ... end, 1, nil, 3)",
        "return pcall()",
        "return pcall(pcall)",
        "return pcall(error)",
    ]),
    f("print", &[
        "print(1, 'a', nil, true, 2.5, -0.0, 1e100, 2^63)",
        "print()",
        "print(setmetatable({}, {__tostring = function() return 'T' end}))",
        "local saved = tostring tostring = function() return 'X' end print(1, 2) tostring = saved",
    ]),
    f("rawequal", &[
        "return rawequal(1, 1.0), rawequal('a', 'a'), rawequal({}, {})",
        "local mt = {__eq = function() return true end} return rawequal(setmetatable({}, mt), setmetatable({}, mt))",
        "return rawequal(1)",
    ]),
    f("rawget", &[
        "return rawget(setmetatable({}, {__index = function() return 1 end}), 'x')",
        "return rawget({10}, 1.0)",
        "return rawget('s', 1)",
    ]),
    f("rawlen", &[
        "return rawlen({1, 2, 3}), rawlen('abcd')",
        "return rawlen(setmetatable({}, {__len = function() return 9 end}))",
        "return rawlen(5)",
    ]),
    f("rawset", &[
        "local t = setmetatable({}, {__newindex = error}) rawset(t, 'k', 'v') return t.k",
        "local t = {} return rawset(t, 1, 2) == t",
        "return rawset({}, nil, 1)",
        "return rawset({}, 0/0, 1)",
    ]),
    f("select", &[
        "return select('#')",
        "return select('#', nil, nil)",
        "return select(2, 'a', 'b', 'c')",
        "return select(-1, 'a', 'b', 'c')",
        "return select(0)",
        "return select(-5, 1)",
        "return select('x')",
    ]),
    f("setmetatable", &[
        "local t = {} return setmetatable(t, {}) == t",
        "return getmetatable(setmetatable({}, nil))",
        "return setmetatable({}, 1)",
        "return setmetatable(setmetatable({}, {__metatable = 1}), {})",
        "return setmetatable(1, {})",
    ]),
    f("tonumber", &[
        "return tonumber('0x10'), tonumber(' 10 '), tonumber('1e1'), tonumber('10', 16), tonumber('z', 36), tonumber('8', 8)",
        "return tonumber('0x1p4'), tonumber('1e'), tonumber(''), tonumber('  -0x10  '), tonumber('9223372036854775808')",
        "return tonumber('ff', 16), tonumber('-ff', 16), tonumber('7fffffffffffffff', 16), tonumber('1.5', 10)",
        "return tonumber('1', 99)",
        "return tonumber()",
        "return tonumber(12, 10)",
    ]),
    f("tostring", &[
        "return tostring(1), tostring(1.0), tostring(-0.0), tostring(1e100), tostring(2^63), tostring(math.huge), tostring(-math.huge)",
        "return tostring(nil), tostring(true), tostring(0.1), tostring(1/3), tostring(123456789012345678)",
        "return tostring(setmetatable({}, {__tostring = function() return 'T' end}))",
        "return (tostring(setmetatable({}, {__name = 'MyType'})):match('^(.-): '))",
        "return tostring(setmetatable({}, {__tostring = function() return 1 end}))",
        "return tostring()",
    ]),
    f("type", &[
        "return type(nil), type(1), type('s'), type({}), type(print), type(true), type(coroutine.create(print)), type(io.stdout)",
        "return type()",
    ]),
    f("xpcall", &[
        "return xpcall(error, function(m) return 'handled: ' .. m end, 'x')",
        "return xpcall(function(...) return ... end, print, 1, 2)",
        "return xpcall(function() error({}) end, function(m) return type(m) end)",
        "return xpcall(error)",
    ]),
    // §6.2 Coroutine manipulation.
    f("coroutine.create", &[
        "return type(coroutine.create(print))",
        "return coroutine.create(1)",
    ]),
    f("coroutine.isyieldable", &[
        "return coroutine.isyieldable()",
        "return coroutine.wrap(function() return coroutine.isyieldable() end)()",
    ]),
    f("coroutine.resume", &[
        "local co = coroutine.create(function(a, b) local c = coroutine.yield(a + b) return c * 2 end) local r1 = {coroutine.resume(co, 1, 2)} local r2 = {coroutine.resume(co, 10)} return r1[1], r1[2], r2[1], r2[2], coroutine.resume(co)",
        "return coroutine.resume(coroutine.create(function() error('oops') end))",
        "return coroutine.resume(coroutine.create(function() error({}) end))",
        "local co co = coroutine.create(function() return coroutine.resume(co) end) return coroutine.resume(co)",
        "return coroutine.resume(1)",
    ]),
    f("coroutine.running", &[
        "local co, main = coroutine.running() return type(co), main",
        "return coroutine.wrap(function() local co, main = coroutine.running() return type(co), main end)()",
    ]),
    f("coroutine.status", &[
        "local co = coroutine.create(function() return coroutine.status(coroutine.running()) end) local s1 = coroutine.status(co) local _, s2 = coroutine.resume(co) return s1, s2, coroutine.status(co)",
        "local outer outer = coroutine.create(function() local inner = coroutine.create(function() return coroutine.status(outer) end) return coroutine.resume(inner) end) return coroutine.resume(outer)",
        "return coroutine.status(nil)",
    ]),
    f("coroutine.wrap", &[
        "local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) return gen(), gen(), gen()",
        "local f = coroutine.wrap(function() error('inside') end) return f()",
        "local f = coroutine.wrap(function() end) f() return f()",
        "return coroutine.wrap(1)",
    ]),
    f("coroutine.yield", &[
        "return coroutine.yield(1)",
        "local co = coroutine.wrap(function(...) return coroutine.yield(...) end) return co(1, 2, 3)",
    ]),
    // §6.3 Modules.
    f("require", &[
        "return require('string') == string",
        "package.loaded.conform_probe = 'cached' return require('conform_probe')",
        "package.preload.conform_probe = function(name, extra) return name .. '|' .. tostring(extra) end return require('conform_probe')",
        "package.path = '/nonexistent/?.lua' package.cpath = '' return require('conform_probe_missing')",
        "return require()",
    ]),
    f("package.loadlib", &[
        "return select('#', package.loadlib('/nonexistent/conform.so', 'f'))",
        "local a, b, c = package.loadlib('/nonexistent/conform.so', 'f') return a, c",
    ]),
    f("package.searchpath", &[
        "return package.searchpath('a.b', '/nonexistent/?.lua;/nonexistent/?/init.lua')",
        "return package.searchpath('a.b', 'X/?', '.', '_')",
        "return package.searchpath('x', '')",
    ]),
    // §6.4 String manipulation.
    f("string.byte", &[
        "return ('ABC'):byte()",
        "return ('ABC'):byte(1, -1)",
        "return ('ABC'):byte(10)",
        "return string.byte('ABC', -2, 100)",
        "return string.byte()",
    ]),
    f("string.char", &[
        "return string.char(72, 105)",
        "return string.char()",
        "return string.char('65')",
        "return string.char(256)",
    ]),
    f("string.dump", &[
        "return type(string.dump(function() end))",
        "return load(string.dump(function(a) return a * 2 end))(21)",
        "return string.dump(load('local a = 1 return a + 1', '=x'))",
        "return #string.dump(function() return 1 end, true) > 0",
        "return string.dump(print)",
    ]),
    f("string.find", &[
        "return ('hello world'):find('o w')",
        "return ('hello'):find('l+')",
        "return ('a.b'):find('.', 1, true)",
        "return ('abc'):find('b', -1)",
        "return ('abc'):find('(b)(c)')",
        "return ('abc'):find(''), ('abc'):find('', 10)",
        "return ('abc'):find('[a')",
    ]),
    f("string.format", &[
        "return string.format('%5.2f|%d|%s|%q', 3.14159, 42, 'x', 'a\\nb\"\\0')",
        "return string.format('%x|%X|%o|%e|%g|%g', 255, 255, 8, 12345.678, 0.0001, 1e20)",
        "return string.format('%-5d|%+d|%05.1f|%10s|%-10s|', 7, 7, 2.5, 'right', 'left')",
        "return string.format('%c%c%c|%i|%%', 76, 117, 97, -3)",
        "return string.format('%a', 1.0)",
        "return string.format('%q', 1/3), string.format('%q', math.mininteger), string.format('%q', math.huge)",
        "return string.format('%d', 3.0)",
        "return string.format('%d', 3.5)",
        "return string.format('%s', setmetatable({}, {__tostring = function() return 'T' end}))",
        "return string.format('%y', 1)",
        "return string.format('%d')",
    ]),
    f("string.gmatch", &[
        "local s = '' for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do s = s .. k .. v end return s",
        "local n = 0 for w in ('one two  three'):gmatch('%a+') do n = n + 1 end return n",
        "local t = {} for p in ('abc'):gmatch('()') do t[#t + 1] = p end return #t, t[4]",
    ]),
    f("string.gsub", &[
        "return ('hello world'):gsub('o', '0')",
        "return ('hello'):gsub('l', {l = 'L'})",
        "return ('abc'):gsub('%w', '%0%0')",
        "return ('abc'):gsub('', '-')",
        "return ('hello world'):gsub('(%w+)', '<%1>', 1)",
        "return ('abc'):gsub('b', function(c) return nil end)",
        "return ('abc'):gsub('b', '%2')",
        "return ('abc'):gsub('.', {a = true})",
    ]),
    f("string.len", &[
        "return ('abc'):len(), string.len(''), string.len('\\0\\0'), string.len(123)",
        "return string.len()",
    ]),
    f("string.lower", &[
        "return ('HeLLo 123'):lower()",
        "return string.lower()",
    ]),
    f("string.match", &[
        "return ('key = value'):match('(%w+)%s*=%s*(%w+)')",
        "return ('2024-01-02'):match('(%d+)-(%d+)-(%d+)')",
        "return ('abc'):match('().()')",
        "return ('  x  '):match('^%s*(.-)%s*$')",
        "return ('f(a(b)c)'):match('%b()')",
        "return ('THE (quick) fox'):match('%f[%a]%a+', 5)",
        "return ('abc'):match('%')",
    ]),
    f("string.pack", &[
        "return string.pack('i4', 100)",
        "return string.pack('>I2 s1 z', 258, 'ab', 'cd')",
        "return string.pack('d', 1.5)",
        "return string.pack('!4 i1 i4', 1, 2)",
        "return string.pack('j', math.mininteger)",
        "return string.pack('i1', 200)",
    ]),
    f("string.packsize", &[
        "return string.packsize('i4 i8 d')",
        "return string.packsize('!8 i1 i8')",
        "return string.packsize('s')",
    ]),
    f("string.rep", &[
        "return ('ab'):rep(3), ('ab'):rep(3, ','), ('ab'):rep(0), ('ab'):rep(-1)",
        "return ('ab'):rep()",
    ]),
    f("string.reverse", &["return ('abc'):reverse(), (''):reverse()"]),
    f("string.sub", &[
        "return ('hello'):sub(2, 4), ('hello'):sub(-3), ('hello'):sub(0), ('hello'):sub(10), ('hello'):sub(2, 1), ('hello'):sub(-100, 2)",
        "return ('hello'):sub(math.mininteger, math.maxinteger)",
        "return ('hello'):sub(1.5)",
    ]),
    f("string.unpack", &[
        "return string.unpack('i4', string.pack('i4', -7))",
        "return string.unpack('z B', 'ab\\0\\7')",
        "return string.unpack('>I2', '\\1\\2\\3', 2)",
        "return string.unpack('i4', 'abc')",
    ]),
    f("string.upper", &["return ('Hello'):upper()", "return string.upper()"]),
    // §6.5 UTF-8 support.
    f("utf8.char", &[
        "return utf8.char(72, 228, 8364, 128512)",
        "return utf8.char()",
        "return utf8.char(-1)",
    ]),
    f("utf8.codes", &[
        "local s = '' for p, c in utf8.codes('a\\u{e9}\\u{20ac}') do s = s .. p .. ':' .. c .. ' ' end return s",
        "for p, c in utf8.codes('a\\xff') do end",
    ]),
    f("utf8.codepoint", &[
        "return utf8.codepoint('a\\u{e9}\\u{20ac}', 1, -1)",
        "return utf8.codepoint('\\xff')",
        "return utf8.codepoint('abc', 4)",
    ]),
    f("utf8.len", &[
        "return utf8.len('a\\u{e9}\\u{20ac}'), utf8.len('abc', -1)",
        "return utf8.len('a\\xffb')",
        "return utf8.len('abc', 5)",
    ]),
    f("utf8.offset", &[
        "return utf8.offset('a\\u{e9}\\u{20ac}', 3), utf8.offset('a\\u{e9}\\u{20ac}', -1), utf8.offset('a\\u{e9}\\u{20ac}', 0, 3)",
        "return utf8.offset('abc', 5)",
        "return utf8.offset('\\x80', 1)",
    ]),
    // §6.6 Table manipulation.
    f("table.concat", &[
        "return table.concat({1, 2, 3}, ', ')",
        "return table.concat({'a', 'b', 'c'}, '', 2, 3), table.concat({}), table.concat({1.5, 2})",
        "return table.concat({1, {}, 3})",
    ]),
    f("table.insert", &[
        "local t = {1, 2} table.insert(t, 3) table.insert(t, 1, 0) return table.concat(t, ',')",
        "return table.insert({}, 1, 2, 3)",
        "return table.insert({1}, 5, 2)",
        "return table.insert(nil, 1)",
    ]),
    f("table.move", &[
        "local t = table.move({1, 2, 3}, 1, 3, 2) return table.concat(t, ',')",
        "local t = table.move({1, 2, 3}, 1, 3, 1, {}) return table.concat(t, ',')",
        "local t = table.move(setmetatable({}, {__index = function(t, k) return k * 10 end}), 1, 3, 1, {}) return table.concat(t, ',')",
        "return table.move({}, 1, math.maxinteger, 2)",
    ]),
    f("table.pack", &[
        "local t = table.pack(1, nil, 3) return t.n, t[1], t[2], t[3]",
        "return table.pack().n",
    ]),
    f("table.remove", &[
        "local t = {1, 2, 3} return table.remove(t), table.remove(t, 1), #t",
        "return table.remove({}), table.remove({}, 0)",
        "return table.remove({1}, 5)",
    ]),
    f("table.sort", &[
        "local t = {5, 2, 8, 1} table.sort(t) return table.concat(t, ',')",
        "local t = {5, 2, 8, 1} table.sort(t, function(a, b) return a > b end) return table.concat(t, ',')",
        "local t = {'b', 'a', 'C'} table.sort(t) return table.concat(t, ',')",
        "return table.sort({1, 'x'})",
        "return table.sort({3, 1, 2}, 1)",
    ]),
    f("table.unpack", &[
        "return table.unpack({1, 2, 3})",
        "return table.unpack({1, 2, 3}, 2)",
        "return table.unpack({1, 2, 3}, -1, 1)",
        "return select('#', table.unpack({}, 1, 0))",
        "return table.unpack({}, 1, 1e8)",
    ]),
    // §6.7 Mathematical functions.
    f("math.abs", &[
        "return math.abs(-3), math.abs(-3.5), math.abs(math.mininteger), math.abs(-0.0), math.abs('-2')",
        "return math.abs('x')",
    ]),
    f("math.acos", &["return math.acos(1), math.acos(0.5), math.acos(2)"]),
    f("math.asin", &["return math.asin(1), math.asin(0)"]),
    f("math.atan", &["return math.atan(1), math.atan(1, -1), math.atan(0, -1), math.atan(-0.0, -1)"]),
    f("math.ceil", &[
        "return math.ceil(3.2), math.ceil(-3.2), math.ceil(5), math.ceil(2^70), math.ceil(-0.5)",
        "return math.ceil('x')",
    ]),
    f("math.cos", &["return math.cos(0), math.cos(math.pi)"]),
    f("math.deg", &["return math.deg(math.pi), math.deg(1)"]),
    f("math.exp", &["return math.exp(0), math.exp(1)"]),
    f("math.floor", &[
        "return math.floor(3.7), math.floor(-3.7), math.floor(5), math.floor(2^70), math.floor(-0.0), math.floor('3.7')",
        "return math.floor({})",
    ]),
    f("math.fmod", &[
        "return math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), math.fmod(math.mininteger, -1)",
        "return math.fmod(7, 0)",
    ]),
    f("math.log", &["return math.log(1), math.log(8, 2), math.log(100, 10), math.log(27, 3), math.log(0)"]),
    f("math.max", &[
        "return math.max(1, 5, 3), math.max(1, 2.5), math.max(2, 2.0), math.max(-0.0, 0)",
        "return math.max()",
    ]),
    f("math.min", &[
        "return math.min(1, 5, 3), math.min(1, 0.5), math.min(2.0, 2), math.min(0, -0.0)",
        "return math.min()",
    ]),
    f("math.modf", &[
        "return math.modf(3.7)",
        "return math.modf(-3.7)",
        "return math.modf(5), math.modf(math.huge)",
    ]),
    f("math.rad", &["return math.rad(180), math.rad(0)"]),
    f("math.random", &[
        "local x = math.random() return x >= 0 and x < 1, math.type(x)",
        "local v = math.random(5, 7) return v >= 5 and v <= 7, math.type(v), math.random(3, 3), math.random(1)",
        "return math.random(0)",
        "return math.random(1, 2, 3)",
        "return math.random(math.mininteger, math.maxinteger)",
    ]),
    f("math.randomseed", &[
        "math.randomseed(7) local a = math.random(1000) math.randomseed(7) return a == math.random(1000)",
        "return math.randomseed(7)",
        "return math.randomseed()",
    ]),
    f("math.sin", &["return math.sin(0), math.sin(math.pi / 2)"]),
    f("math.sqrt", &["return math.sqrt(16), math.sqrt(2), math.sqrt(-1)"]),
    f("math.tan", &["return math.tan(0), math.tan(1)"]),
    f("math.tointeger", &[
        "return math.tointeger(3.0), math.tointeger(3.5), math.tointeger('8'), math.tointeger(2^63), math.tointeger({})",
        "return math.tointeger()",
    ]),
    f("math.type", &[
        "return math.type(1), math.type(1.0), math.type('1'), math.type(nil)",
        "return math.type()",
    ]),
    f("math.ult", &[
        "return math.ult(1, 2), math.ult(-1, 1), math.ult(1, -1)",
        "return math.ult(1.5, 2)",
    ]),
    // §6.8 Input and output facilities.
    f("io.close", &[
        "local f = io.tmpfile() return io.close(f), io.type(f)",
        "local f = io.tmpfile() f:close() return io.close(f)",
    ]),
    f("io.flush", &["return io.flush()"]),
    f("io.input", &[
        "return io.type(io.input())",
        "local f = io.tmpfile() f:write('line1\\nline2') f:seek('set') io.input(f) return io.read('l'), io.read('l'), io.read('l')",
        "return io.input('/nonexistent/conform-probe')",
    ]),
    f("io.lines", &[
        "local n = os.tmpname() local f = io.open(n, 'w') f:write('1 2\\n3\\n') f:close() local s = '' for a, b in io.lines(n, 'n', 'n') do s = s .. tostring(a) .. ',' .. tostring(b) .. ';' end os.remove(n) return s",
        "local n = os.tmpname() local f = io.open(n, 'w') f:write('a\\nb') f:close() local s = '' for l in io.lines(n) do s = s .. l .. ';' end os.remove(n) return s",
        "return io.lines('/nonexistent/conform-probe')",
    ]),
    f("io.open", &[
        "return io.open('/nonexistent/conform-probe')",
        "local n = os.tmpname() local f = io.open(n, 'w') local t = io.type(f) f:write('x') f:close() f = io.open(n) local s = f:read('a') f:close() os.remove(n) return t, s",
        "return io.open('/tmp', 'rz')",
    ]),
    f("io.output", &[
        "return io.type(io.output())",
        "local f = io.tmpfile() io.output(f) io.write('a', 1, 2.5) f:seek('set') return f:read('a')",
    ]),
    f("io.popen", &[
        "local p = io.popen('echo hi') local s = p:read('a') return s, p:close()",
        "return io.popen('true', 'x')",
    ]),
    f("io.read", &[
        "local f = io.tmpfile() f:write('12 0x10 abc\\nrest') f:seek('set') io.input(f) return io.read('n', 'n', 'l', 'a')",
        "local f = io.tmpfile() io.input(f) return io.read('x')",
    ]),
    f("io.tmpfile", &["local f = io.tmpfile() return io.type(f), f:write('abc') == f, f:seek('cur')"]),
    f("io.type", &[
        "return io.type(io.stdout), io.type(42), io.type(nil)",
        "local f = io.tmpfile() f:close() return io.type(f)",
    ]),
    f("io.write", &[
        "local f = io.tmpfile() io.output(f) local r = io.write('x', 42, 1.5) f:seek('set') return r == f, f:read('a')",
        "local f = io.tmpfile() io.output(f) return io.write({})",
    ]),
    f("file:close", &[
        "local f = io.tmpfile() return f:close(), tostring(f)",
        "local f = io.tmpfile() f:close() return f:close()",
    ]),
    f("file:flush", &["local f = io.tmpfile() f:write('x') return f:flush()"]),
    f("file:lines", &[
        "local f = io.tmpfile() f:write('a\\nb\\n') f:seek('set') local s = '' for l in f:lines() do s = s .. l .. ';' end return s",
        "local f = io.tmpfile() f:write('a\\nb') f:seek('set') local s = '' for l in f:lines('L') do s = s .. l .. ';' end return s",
    ]),
    f("file:read", &[
        "local f = io.tmpfile() f:write('hello\\nworld') f:seek('set') return f:read(2, 'l', 'L', 'a', 'a')",
        "local f = io.tmpfile() f:write('abc') f:seek('set') return f:read('n'), f:read(0), f:read('a'), f:read(0)",
        "local f = io.tmpfile() return f:read('x')",
    ]),
    f("file:seek", &[
        "local f = io.tmpfile() f:write('abcdef') return f:seek('cur'), f:seek('set', 2), f:read(2), f:seek('end', -1)",
        "return io.tmpfile():seek('bogus')",
    ]),
    f("file:setvbuf", &[
        "return io.tmpfile():setvbuf('no'), io.tmpfile():setvbuf('full', 1024)",
        "return io.tmpfile():setvbuf('x')",
    ]),
    f("file:write", &[
        "local f = io.tmpfile() return f:write('a', 1, 2.5) == f",
        "return io.tmpfile():write(true)",
    ]),
    // §6.9 Operating system facilities.
    f("os.clock", &["return type(os.clock()), math.type(os.clock())"]),
    f("os.date", &[
        "return os.date('!%Y-%m-%d %H:%M:%S', 86400 * 365)",
        "local t = os.date('!*t', 3600) return t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst",
        "return os.date('!%c', 0)",
        "return type(os.date())",
        "return os.date('%Ez', 0)",
    ]),
    f("os.difftime", &["return os.difftime(10, 5), os.difftime(5)"]),
    f("os.execute", &[
        "return os.execute()",
        "return os.execute('exit 3')",
        "return os.execute('true')",
    ]),
    f("os.exit", &[]),
    f("os.getenv", &[
        "return os.getenv('PATH') ~= nil, os.getenv('CONFORM_SURELY_UNSET_VARIABLE')",
        "return os.getenv()",
    ]),
    f("os.remove", &[
        "return os.remove('/nonexistent/conform-probe')",
        "local n = os.tmpname() return os.remove(n), io.open(n) == nil",
    ]),
    f("os.rename", &["return os.rename('/nonexistent/a', '/nonexistent/b')"]),
    f("os.setlocale", &[
        "return os.setlocale(), os.setlocale('C'), os.setlocale(nil, 'numeric')",
        "return os.setlocale('C', 'bogus')",
    ]),
    f("os.time", &[
        "return math.type(os.time())",
        "return os.time({year = 2000, month = 1, day = 1, hour = 12}) - os.time({year = 2000, month = 1, day = 2, hour = 12})",
        "local t = {year = 2000, month = 14, day = 1, hour = 12} os.time(t) return t.year, t.month",
        "return os.time({year = 2000})",
    ]),
    f("os.tmpname", &["return type(os.tmpname())"]),
    // §6.10 The debug library.
    f("debug.debug", &[]),
    f("debug.gethook", &[
        "local function h() end debug.sethook(h, 'c', 5) local f, mask, count = debug.gethook() debug.sethook() return f == h, mask, count",
    ]),
    f("debug.getinfo", &[
        "local i = debug.getinfo(print) return i.what, i.short_src, i.source, i.currentline, i.linedefined",
        "local function f() return debug.getinfo(1, 'nSl') end local i = f() return i.what, i.source, i.short_src, i.currentline, i.linedefined, i.name, i.namewhat",
        "local i = debug.getinfo(function(a, b, ...) end, 'u') return i.nups, i.nparams, i.isvararg",
        "return debug.getinfo(100)",
        "return debug.getinfo(1, 'X')",
    ]),
    f("debug.getlocal", &[
        "local x = 10 local name, value = debug.getlocal(1, 1) return name, value",
        "return debug.getlocal(function(a, b) end, 2)",
        "return debug.getlocal(1, 100)",
        "return debug.getlocal(50, 1)",
    ]),
    f("debug.getmetatable", &[
        "return debug.getmetatable(setmetatable({}, {__metatable = 'x'})).__metatable",
        "return debug.getmetatable(1)",
    ]),
    f("debug.getregistry", &["return type(debug.getregistry())"]),
    f("debug.getupvalue", &[
        "local up = 5 local function f() return up end return debug.getupvalue(f, 1)",
        "local up = 5 local function f() return up end return debug.getupvalue(f, 2)",
    ]),
    f("debug.getuservalue", &["return debug.getuservalue(1), debug.getuservalue(io.tmpfile())"]),
    f("debug.sethook", &[
        "local n = 0 debug.sethook(function() n = n + 1 end, 'l') local x = 1 x = 2 debug.sethook() return n > 0",
        "return debug.sethook(1, 'x')",
    ]),
    f("debug.setlocal", &[
        "local x = 1 local name = debug.setlocal(1, 1, 42) return name, x",
        "return debug.setlocal(1, 100, 1)",
    ]),
    f("debug.setmetatable", &[
        "local t = debug.setmetatable(10, {__index = {twice = function(n) return n * 2 end}}) local r = (5):twice() debug.setmetatable(10, nil) return t, r",
    ]),
    f("debug.setupvalue", &[
        "local up = 1 local function f() return up end return debug.setupvalue(f, 1, 9), f()",
        "return debug.setupvalue(function() end, 1, 0)",
    ]),
    f("debug.setuservalue", &[
        "local f = io.tmpfile() debug.setuservalue(f, {7}) return debug.getuservalue(f)[1]",
        "return debug.setuservalue({}, {})",
    ]),
    f("debug.traceback", &[
        // Tracebacks are cut after the probe's `pcall`: the frames around the probe chunk are
        // the harness's, which differ between embedded and standalone engines.
        "local t = debug.traceback('msg') return t:sub(1, t:find('pcall', 1, true) + 5)",
        "local function f() return debug.traceback('m', 1) end local t = f() return t:sub(1, t:find('pcall', 1, true) + 5)",
        "local t = debug.traceback('m', 2) return t:sub(1, t:find('pcall', 1, true) + 5)",
        "return type(debug.traceback({}))",
        "return debug.traceback(coroutine.create(print))",
    ]),
    f("debug.upvalueid", &[
        "local a, b = 1, 2 local function f() return a, b end local function g() return a end return debug.upvalueid(f, 1) == debug.upvalueid(g, 1), debug.upvalueid(f, 2) == debug.upvalueid(g, 1), type(debug.upvalueid(f, 1))",
        "local a = 1 local function f() return a end return debug.upvalueid(f, 5)",
    ]),
    f("debug.upvaluejoin", &[
        "local a, b = 1, 2 local function f() return a end local function g() return b end debug.upvaluejoin(f, 1, g, 1) return f()",
        "return debug.upvaluejoin(print, 1, print, 1)",
    ]),
];

/// How one engine does on one function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Availability {
    /// Present, and every probe agrees with the reference.
    Implemented,
    /// Present, but a probe's observation differs from the reference's.
    Differs(ProbeDifference),
    /// Not a function in this engine.
    Missing,
}

impl Availability {
    /// The label tables show.
    pub fn label(&self) -> &'static str {
        match self {
            Availability::Implemented => "implemented",
            Availability::Differs(_) => "differs",
            Availability::Missing => "missing",
        }
    }
}

/// The first probe whose observation differs from the reference's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProbeDifference {
    /// The probe's body, or a description when the whole run failed.
    pub probe: String,
    /// What the reference printed for it.
    pub reference: String,
    /// What the engine printed for it.
    pub engine: String,
}

/// One function's row: how each engine does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StdlibRow {
    /// The function.
    pub function: StdFunction,
    /// Whether the reference has it; PUC 5.3.6 has them all, so `false` is a harness problem.
    pub in_reference: bool,
    /// ferrolua's status.
    pub ferrolua: Availability,
    /// The standalone interpreter's status, when one was given.
    pub standalone: Option<Availability>,
}

/// The whole table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StdlibTable {
    /// One row per function of [`FUNCTIONS`], in that order.
    pub rows: Vec<StdlibRow>,
    /// The standalone interpreter's name, when one was probed too.
    pub standalone: Option<String>,
}

/// How many functions are in each state for one engine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StdlibCounts {
    /// Functions present whose probes agree.
    pub implemented: usize,
    /// Functions present whose probes do not agree.
    pub differs: usize,
    /// Functions absent.
    pub missing: usize,
}

impl StdlibCounts {
    fn of<'a>(states: impl Iterator<Item = &'a Availability>) -> StdlibCounts {
        let mut counts = StdlibCounts::default();
        for state in states {
            match state {
                Availability::Implemented => counts.implemented += 1,
                Availability::Differs(_) => counts.differs += 1,
                Availability::Missing => counts.missing += 1,
            }
        }
        counts
    }

    /// The counts as JSON.
    pub fn json(&self) -> Json {
        Json::object([
            ("implemented", Json::Int(self.implemented as i64)),
            ("differs", Json::Int(self.differs as i64)),
            ("missing", Json::Int(self.missing as i64)),
        ])
    }
}

impl StdlibTable {
    /// ferrolua's counts, over all rows or one library.
    pub fn ferrolua_counts(&self, library: Option<&str>) -> StdlibCounts {
        StdlibCounts::of(
            self.rows
                .iter()
                .filter(|row| library.is_none_or(|library| row.function.library() == library))
                .map(|row| &row.ferrolua),
        )
    }

    /// The standalone interpreter's counts, if it was probed.
    pub fn standalone_counts(&self) -> Option<StdlibCounts> {
        self.standalone.as_ref()?;
        Some(StdlibCounts::of(
            self.rows.iter().filter_map(|row| row.standalone.as_ref()),
        ))
    }

    /// The libraries in the manual's order.
    pub fn libraries(&self) -> Vec<&'static str> {
        let mut libraries: Vec<&'static str> = Vec::new();
        for row in &self.rows {
            if !libraries.contains(&row.function.library()) {
                libraries.push(row.function.library());
            }
        }
        libraries
    }

    /// The table as a Markdown section body: counts per library, then every function that is
    /// not implemented, with its first differing probe.
    pub fn markdown(&self) -> String {
        let mut md = String::new();
        md.push_str(
            "Every function of the Lua 5.3 manual's §6, probed in both engines at report time: \
             missing when it is not a function in ferrolua, differs when a probe (a call run \
             under `pcall`) prints something other than the reference does, implemented \
             otherwise.\n\n",
        );
        md.push_str("| library | functions | implemented | differs | missing |\n");
        md.push_str("| --- | ---: | ---: | ---: | ---: |\n");
        for library in self.libraries() {
            let counts = self.ferrolua_counts(Some(library));
            let _ = writeln!(
                md,
                "| {library} | {} | {} | {} | {} |",
                counts.implemented + counts.differs + counts.missing,
                counts.implemented,
                counts.differs,
                counts.missing
            );
        }
        let all = self.ferrolua_counts(None);
        let _ = writeln!(
            md,
            "| all | {} | {} | {} | {} |",
            self.rows.len(),
            all.implemented,
            all.differs,
            all.missing
        );
        let not_implemented = self
            .rows
            .iter()
            .filter(|row| row.ferrolua != Availability::Implemented)
            .collect::<Vec<_>>();
        if !not_implemented.is_empty() {
            let _ = writeln!(md, "\n### Not implemented ({})\n", not_implemented.len());
            for row in not_implemented {
                match &row.ferrolua {
                    Availability::Differs(difference) => {
                        let _ = writeln!(
                            md,
                            "- `{}`: differs on `{}`: reference `{}`, ferrolua `{}`",
                            row.function.name,
                            one_line(&difference.probe),
                            one_line(&difference.reference),
                            one_line(&difference.engine)
                        );
                    }
                    _ => {
                        let _ = writeln!(md, "- `{}`: missing", row.function.name);
                    }
                }
            }
        }
        md
    }

    /// The table as JSON: the counts, and one entry per function that is not implemented.
    pub fn json(&self) -> Json {
        let entry = |row: &StdlibRow, state: &Availability| {
            let mut pairs = vec![
                ("function".to_string(), Json::str(row.function.name)),
                ("status".to_string(), Json::str(state.label())),
            ];
            if let Availability::Differs(difference) = state {
                pairs.push(("probe".to_string(), Json::str(&difference.probe)));
                pairs.push(("reference".to_string(), Json::str(&difference.reference)));
                pairs.push(("engine".to_string(), Json::str(&difference.engine)));
            }
            Json::Object(pairs)
        };
        let ferrolua = self
            .rows
            .iter()
            .filter(|row| row.ferrolua != Availability::Implemented)
            .map(|row| entry(row, &row.ferrolua))
            .collect();
        let standalone = match (&self.standalone, self.standalone_counts()) {
            (Some(name), Some(counts)) => Json::object([
                ("engine", Json::str(name)),
                ("counts", counts.json()),
                (
                    "not_implemented",
                    Json::Array(
                        self.rows
                            .iter()
                            .filter_map(|row| {
                                row.standalone
                                    .as_ref()
                                    .filter(|state| **state != Availability::Implemented)
                                    .map(|state| entry(row, state))
                            })
                            .collect(),
                    ),
                ),
            ]),
            _ => Json::Null,
        };
        Json::object([
            ("functions", Json::Int(self.rows.len() as i64)),
            ("ferrolua", self.ferrolua_counts(None).json()),
            ("not_implemented", Json::Array(ferrolua)),
            ("standalone", standalone),
        ])
    }
}

fn one_line(text: &str) -> String {
    text.replace('\n', "\\n")
        .replace('|', "\\|")
        .replace('`', "'")
}

/// The limits of one probe run: small, since probes are a handful of calls.
const PROBE_BUDGET: Budget = Budget {
    instructions: 20_000_000,
    memory_bytes: 128 << 20,
};

/// The chunk name probes run under, so messages read `probe:3: ...`.
const PROBE_CHUNK_NAME: &[u8] = b"=probe";

/// Probes every function in ferrolua, the reference and, if given, a standalone interpreter.
pub fn probe(standalone: Option<&StandaloneEngine>) -> StdlibTable {
    let presence_source = presence_chunk(FUNCTIONS);
    let reference_present =
        present(&ReferenceEngine::new(PROBE_BUDGET).run(&presence_source, PROBE_CHUNK_NAME));
    let ferrolua_present =
        present(&FerroluaEngine::with_budget(PROBE_BUDGET).run(&presence_source, PROBE_CHUNK_NAME));
    let standalone_present =
        standalone.map(|engine| present(&engine.observe(&presence_source, PROBE_CHUNK_NAME)));
    let rows = FUNCTIONS
        .par_iter()
        .map(|function| {
            let source = probe_chunk(function);
            let in_reference = reference_present.contains(&function.name);
            let expected = (in_reference && !function.probes.is_empty())
                .then(|| ReferenceEngine::new(PROBE_BUDGET).run(&source, PROBE_CHUNK_NAME));
            let status_of = |is_present: bool, run: &dyn Fn() -> Observation| {
                if !is_present {
                    return Availability::Missing;
                }
                match &expected {
                    None => Availability::Implemented,
                    Some(expected) => judge(function, expected, &run()),
                }
            };
            let ferrolua = status_of(ferrolua_present.contains(&function.name), &|| {
                FerroluaEngine::with_budget(PROBE_BUDGET).run(&source, PROBE_CHUNK_NAME)
            });
            let standalone =
                standalone
                    .zip(standalone_present.as_ref())
                    .map(|(engine, standalone_present)| {
                        status_of(standalone_present.contains(&function.name), &|| {
                            engine.observe(&source, PROBE_CHUNK_NAME)
                        })
                    });
            StdlibRow {
                function: *function,
                in_reference,
                ferrolua,
                standalone,
            }
        })
        .collect();
    StdlibTable {
        rows,
        standalone: standalone.map(|engine| engine.label().to_string()),
    }
}

/// A chunk that prints `name<TAB>type` for every function, each looked up under `pcall` so
/// that a missing library does not stop the others.
fn presence_chunk(functions: &[StdFunction]) -> Vec<u8> {
    let mut source = String::from(
        "local pcall, type, print = pcall, type, print\n\
         local function P(name, lookup) local ok, t = pcall(function() return type(lookup()) end) print(name .. '\\t' .. (ok and t or 'error')) end\n",
    );
    for function in functions {
        let _ = writeln!(
            source,
            "P('{}', function() return {} end)",
            function.name,
            function.lookup()
        );
    }
    source.into_bytes()
}

/// The names the presence chunk's run says are functions.
fn present(observation: &Observation) -> Vec<&'static str> {
    let output = String::from_utf8_lossy(&observation.output);
    FUNCTIONS
        .iter()
        .map(|function| function.name)
        .filter(|name| {
            output
                .lines()
                .any(|line| line.split_once('\t') == Some((name, "function")))
        })
        .collect()
}

/// A chunk that runs each probe under `pcall` and prints one line per probe: its number,
/// `ok` or `error`, and the values, strings quoted and tables, functions, threads and
/// userdata by type only, so that no address is printed.
fn probe_chunk(function: &StdFunction) -> Vec<u8> {
    let mut source = String::from(
        "local pcall, print, type, tostring, select = pcall, print, type, tostring, select\n\
         local function show(v) local t = type(v) if t == 'string' then return '\"' .. v .. '\"' elseif t == 'number' or t == 'boolean' or t == 'nil' then return tostring(v) else return t end end\n\
         local function P(i, ok, ...) local s = i .. (ok and ' ok' or ' error') for k = 1, select('#', ...) do s = s .. ' | ' .. show((select(k, ...))) end print(s) end\n",
    );
    for (index, body) in function.probes.iter().enumerate() {
        let _ = writeln!(source, "P({}, pcall(function() {body} end))", index + 1);
    }
    source.into_bytes()
}

/// Compares a probe run with the reference's.
fn judge(function: &StdFunction, expected: &Observation, got: &Observation) -> Availability {
    if expected.status == got.status && expected.output == got.output && expected.error == got.error
    {
        return Availability::Implemented;
    }
    let expected_output = String::from_utf8_lossy(&expected.output);
    let got_output = String::from_utf8_lossy(&got.output);
    let mut expected_lines = expected_output.lines();
    let mut got_lines = got_output.lines();
    loop {
        match (expected_lines.next(), got_lines.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (None, None) => break,
            (a, b) => {
                let probe = a
                    .or(b)
                    .and_then(|line| line.split_once(' '))
                    .and_then(|(number, _)| number.parse::<usize>().ok())
                    .and_then(|number| function.probes.get(number.wrapping_sub(1)))
                    .map_or_else(
                        || "(the printed lines)".to_string(),
                        |body| body.to_string(),
                    );
                return Availability::Differs(ProbeDifference {
                    probe,
                    reference: a.unwrap_or("(nothing)").to_string(),
                    engine: b.map_or_else(|| ended(got), str::to_string),
                });
            }
        }
    }
    Availability::Differs(ProbeDifference {
        probe: "(the whole probe run)".to_string(),
        reference: ended(expected),
        engine: ended(got),
    })
}

/// How a run ended, for a difference that is not in the printed lines.
fn ended(observation: &Observation) -> String {
    match observation.status {
        Status::Ok => "(nothing more)".to_string(),
        status => format!(
            "({}: {})",
            status.as_str(),
            String::from_utf8_lossy(observation.error.as_deref().unwrap_or_default())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{judge, probe_chunk, Availability, StdFunction, FUNCTIONS};
    use crate::engine::{Engine, Observation, ReferenceEngine, Status};

    #[test]
    fn every_function_of_the_manual_is_listed_once() {
        assert_eq!(FUNCTIONS.len(), 129);
        for (index, function) in FUNCTIONS.iter().enumerate() {
            assert!(
                !FUNCTIONS[..index]
                    .iter()
                    .any(|other| other.name == function.name),
                "{} is listed twice",
                function.name
            );
        }
        let count = |library| {
            FUNCTIONS
                .iter()
                .filter(|function| function.library() == library)
                .count()
        };
        assert_eq!(count("base"), 22);
        assert_eq!(count("coroutine"), 7);
        assert_eq!(count("package"), 3);
        assert_eq!(count("string"), 17);
        assert_eq!(count("utf8"), 5);
        assert_eq!(count("table"), 7);
        assert_eq!(count("math"), 23);
        assert_eq!(count("io"), 18);
        assert_eq!(count("os"), 11);
        assert_eq!(count("debug"), 16);
    }

    #[test]
    fn probes_run_cleanly_in_the_reference() {
        // Every probe must compile and the chunk must finish, or the battery tests nothing.
        for function in FUNCTIONS {
            let run = ReferenceEngine::new(super::PROBE_BUDGET)
                .run(&probe_chunk(function), super::PROBE_CHUNK_NAME);
            assert_eq!(run.status, Status::Ok, "{}: {:?}", function.name, run.error);
            let lines = String::from_utf8_lossy(&run.output)
                .lines()
                .filter(|line| {
                    line.split_once(' ')
                        .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
                })
                .count();
            assert!(lines >= function.probes.len(), "{}", function.name);
        }
    }

    #[test]
    fn the_first_differing_probe_is_named() {
        const F: StdFunction = StdFunction {
            name: "x",
            probes: &["return 1", "return 2"],
        };
        let printed = |text: &str| Observation {
            output: text.as_bytes().to_vec(),
            ..Observation::empty(Status::Ok)
        };
        assert_eq!(
            judge(
                &F,
                &printed("1 ok | 1\n2 ok | 2\n"),
                &printed("1 ok | 1\n2 ok | 2\n")
            ),
            Availability::Implemented
        );
        let Availability::Differs(difference) = judge(
            &F,
            &printed("1 ok | 1\n2 ok | 2\n"),
            &printed("1 ok | 1\n2 error | \"no\"\n"),
        ) else {
            panic!("the outputs differ")
        };
        assert_eq!(difference.probe, "return 2");
        assert_eq!(difference.reference, "2 ok | 2");
        assert_eq!(difference.engine, "2 error | \"no\"");
    }
}
