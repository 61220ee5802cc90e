//! Tests of the collector's invariants: what it frees, what it keeps, its barriers, weak
//! tables, finalizers, the memory limit and the string table's deletion.

use crate::value::{Truth, Value};
use crate::vm::{ErrorKind, Lua, LuaError};
use crate::ChunkMode;

fn run(lua: &mut Lua, source: &str) -> Result<Vec<Value>, LuaError> {
    let function = lua
        .load(source.as_bytes(), b"=test", ChunkMode::Text)
        .expect("the test chunk compiles");
    lua.pcall(function, &[], None)
}

fn run_ok(lua: &mut Lua, source: &str) -> Vec<Value> {
    match run(lua, source) {
        Ok(values) => values,
        Err(error) => {
            let text = match error.value {
                Value::Str(s) => String::from_utf8_lossy(lua.str_bytes(s)).into_owned(),
                other => format!("{other:?}"),
            };
            panic!("the chunk failed: {text}\n{source}")
        }
    }
}

fn live_tables(lua: &Lua) -> usize {
    lua.heap.tables.live()
}

#[test]
fn unreachable_cycles_are_freed_and_slots_reused() {
    let mut lua = Lua::new();
    run_ok(&mut lua, "collectgarbage()");
    let before = live_tables(&lua);
    run_ok(
        &mut lua,
        "for i = 1, 100000 do local a, b = {}, {} a.other = b b.other = a end
         collectgarbage()",
    );
    assert!(
        live_tables(&lua) <= before + 2,
        "{} tables alive, {before} before",
        live_tables(&lua)
    );
    assert!(lua.heap.tables.slots() < 50_000, "freed slots are reused");
    lua.verify_heap().expect("the heap is consistent");
}

#[test]
fn automatic_collection_keeps_memory_bounded() {
    let mut lua = Lua::new();
    run_ok(
        &mut lua,
        "for i = 1, 300000 do local t = {i, tostring(i), function() return i end} end",
    );
    assert!(lua.gc_count() < 4096.0, "{} KB in use", lua.gc_count());
    let (cycles, _) = lua.gc_stats();
    assert!(cycles > 0, "the collector ran on its own");
    lua.verify_heap().expect("the heap is consistent");
}

#[test]
fn reachable_objects_survive_every_kind_of_root() {
    let mut lua = Lua::new();
    let results = run_ok(
        &mut lua,
        "local kept = {}
         local up = {}
         local function f() return up end
         local co = coroutine.create(function(x) local inner = {x} coroutine.yield() return inner end)
         coroutine.resume(co, 'arg')
         setmetatable(kept, {__index = {deep = 'mt'}})
         debug.getregistry().mine = {'registry'}
         collectgarbage()
         collectgarbage()
         local _, inner = coroutine.resume(co)
         return f() == up, kept.deep, inner[1], debug.getregistry().mine[1]",
    );
    assert!(matches!(results[0], Value::Bool(Truth::True)));
    let texts: Vec<String> = results[1..]
        .iter()
        .map(|v| match v {
            Value::Str(s) => String::from_utf8_lossy(lua.str_bytes(*s)).into_owned(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(texts, ["mt", "arg", "registry"]);
    lua.verify_heap().expect("the heap is consistent");
}

#[test]
fn the_back_barrier_keeps_objects_stored_into_black_tables() {
    let mut lua = Lua::new();
    // The test drives the phases itself.
    lua.set_gc_stress(false);
    run_ok(&mut lua, "old = {} collectgarbage() collectgarbage('stop')");
    // Mark everything, so `old` is black, then store a new object into it before the atomic
    // phase.
    lua.start_cycle();
    lua.heap.gc.phase = super::Phase::Propagate;
    lua.heap.gc.marking = true;
    lua.propagate_all();
    run_ok(&mut lua, "old.new = {'fresh'} old.s = ('x'):rep(10)");
    let mut safety = 0;
    while lua.heap.gc.phase != super::Phase::Pause {
        lua.single_step().expect("steps do not fail");
        safety += 1;
        assert!(safety < 1_000_000);
    }
    lua.verify_heap().expect("the heap is consistent");
    let results = run_ok(&mut lua, "return old.new[1], #old.s");
    assert!(matches!(results[1], Value::Int(10)));
    match results[0] {
        Value::Str(s) => assert_eq!(lua.str_bytes(s), b"fresh"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn steps_are_incremental() {
    let mut lua = Lua::new();
    let results = run_ok(
        &mut lua,
        "big = {} for i = 1, 20000 do big[i] = {i} end
         collectgarbage() collectgarbage('stop')
         local steps = 0
         repeat steps = steps + 1 until collectgarbage('step', 0)
         return steps",
    );
    let Value::Int(steps) = results[0] else {
        panic!("{results:?}")
    };
    assert!(
        steps > 50,
        "a cycle over 20,000 tables took {steps} small steps"
    );
    lua.verify_heap().expect("the heap is consistent");
}

#[test]
fn weak_tables_lose_collected_entries_but_not_strings() {
    let mut lua = Lua::new();
    let results = run_ok(
        &mut lua,
        "local k = setmetatable({}, {__mode = 'k'})
         local v = setmetatable({}, {__mode = 'v'})
         local keep = {}
         k[keep] = 1 k[{}] = 2 k['s'] = 3
         v[1] = keep v[2] = {} v[3] = 'str' .. 1
         collectgarbage()
         local nk, nv = 0, 0
         for _ in pairs(k) do nk = nk + 1 end
         for _ in pairs(v) do nv = nv + 1 end
         return nk, nv, v[3]",
    );
    assert!(matches!(results[..2], [Value::Int(2), Value::Int(2)]));
    lua.verify_heap().expect("the heap is consistent");
}

#[test]
fn ephemeron_values_do_not_keep_their_keys() {
    let mut lua = Lua::new();
    let results = run_ok(
        &mut lua,
        "local e = setmetatable({}, {__mode = 'k'})
         for i = 1, 10 do local key = {} e[key] = {key, i} end
         local kept = {}
         e[kept] = {kept}
         collectgarbage()
         local n = 0
         for _ in pairs(e) do n = n + 1 end
         return n",
    );
    assert!(matches!(results[0], Value::Int(1)), "{results:?}");
    lua.verify_heap().expect("the heap is consistent");
}

#[test]
fn finalizers_run_newest_first_and_resurrect() {
    let mut lua = Lua::new();
    let results = run_ok(
        &mut lua,
        "local order = {}
         local mt = {__gc = function(o) order[#order + 1] = o.id; saved = o end}
         for i = 1, 3 do setmetatable({id = i}, mt) end
         collectgarbage()
         local ids = table.concat(order, ',')
         local alive = saved.id
         saved = nil
         collectgarbage()
         return ids, alive, #order",
    );
    match results[0] {
        Value::Str(s) => assert_eq!(lua.str_bytes(s), b"3,2,1"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(results[1..], [Value::Int(1), Value::Int(3)]));
    lua.verify_heap().expect("the heap is consistent");
}

#[test]
fn finalizer_errors_propagate_from_collectgarbage() {
    let mut lua = Lua::new();
    let results = run_ok(
        &mut lua,
        "setmetatable({}, {__gc = function() error('boom', 0) end})
         return pcall(collectgarbage)",
    );
    match results[..] {
        [Value::Bool(Truth::False), Value::Str(s)] => {
            assert_eq!(lua.str_bytes(s), b"error in __gc metamethod (boom)")
        }
        _ => panic!("{results:?}"),
    }
}

#[test]
fn close_runs_pending_finalizers_once() {
    let mut lua = Lua::new();
    run_ok(
        &mut lua,
        "closed = 0
         holder = setmetatable({}, {__gc = function() closed = closed + 1 end})",
    );
    lua.close();
    lua.close();
    let results = run_ok(&mut lua, "return closed");
    assert!(matches!(results[0], Value::Int(1)));
}

#[test]
fn the_memory_limit_raises_a_catchable_error_and_the_state_stays_usable() {
    let mut lua = Lua::new();
    run_ok(&mut lua, "collectgarbage()");
    let base = (lua.gc_count() * 1024.0) as usize;
    lua.set_memory_limit(Some(base + (4 << 20)));
    let error = run(&mut lua, "local t = {} for i = 1, 1e8 do t[i] = {} end")
        .expect_err("the loop runs out of memory");
    assert_eq!(error.kind, ErrorKind::Memory);
    match error.value {
        Value::Str(s) => assert_eq!(lua.str_bytes(s), b"not enough memory"),
        other => panic!("{other:?}"),
    }
    let caught = run_ok(&mut lua, "return pcall(string.rep, 'x', 1 << 40)");
    assert!(matches!(caught[0], Value::Bool(Truth::False)));
    let results = run_ok(
        &mut lua,
        "local t = {} for i = 1, 1000 do t[i] = i end return #t",
    );
    assert!(matches!(results[0], Value::Int(1000)));
    assert!(lua.heap.total_bytes() <= base + (4 << 20) + (1 << 20));
    lua.verify_heap().expect("the heap is consistent");
}

#[test]
fn stress_mode_keeps_the_heap_consistent() {
    let mut lua = Lua::new();
    lua.set_gc_stress(true);
    run_ok(
        &mut lua,
        "local weak = setmetatable({}, {__mode = 'v'})
         local gen = coroutine.wrap(function()
           for i = 1, 200 do coroutine.yield({i}) end
         end)
         local acc = {}
         for i = 1, 200 do
           local t = gen()
           weak[i] = t
           acc[#acc + 1] = tostring(t[1]) .. ':' .. i
           local f = function() return acc, t end
           assert(select(2, f()) == t)
         end
         table.sort(acc)
         assert(#acc == 200)
         setmetatable({}, {__gc = function(o) resurrected = o end})
         collectgarbage()
         assert(resurrected)",
    );
    lua.verify_heap().expect("the heap is consistent");
    let (cycles, _) = lua.gc_stats();
    assert!(cycles > 3, "stress mode ran {cycles} cycles");
}

#[test]
fn the_string_table_deletes_without_breaking_probe_chains() {
    let mut strings = crate::object::StringTable::default();
    let refs: Vec<_> = (0..2000)
        .map(|i| strings.intern(format!("s{i}").as_bytes()))
        .collect();
    for (i, r) in refs.iter().enumerate() {
        if i % 3 == 0 {
            strings.remove(r.index);
        }
    }
    for (i, r) in refs.iter().enumerate() {
        if i % 3 != 0 {
            let again = strings.intern(format!("s{i}").as_bytes());
            assert_eq!(again.index, r.index, "string {i} is still found");
        }
    }
    assert_eq!(strings.live(), 2000 - 667);
}
