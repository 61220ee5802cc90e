-- debug.getupvalue, setupvalue, upvalueid and upvaluejoin: names, values, sharing, C functions, and every argument error.
local a, b = 1, 2
local function f() return a + b end
local function g() return b end
print(debug.getupvalue(f, 1), debug.getupvalue(f, 2))
print(debug.getupvalue(f, 0), debug.getupvalue(f, 3), debug.getupvalue(f, -1))
print(select("#", debug.getupvalue(f, 3)))
print(debug.setupvalue(f, 1, 10), a, f())
print(debug.setupvalue(f, 3, 0), select("#", debug.setupvalue(f, 3, 0)))
-- The main chunk's only upvalue is _ENV.
local main = debug.getinfo(1, "f").func
print(debug.getupvalue(main, 1) , select(2, debug.getupvalue(main, 1)) == _ENV)
-- Shared upvalues have the same id; upvalueid returns a light userdata.
print(type(debug.upvalueid(f, 2)), debug.upvalueid(f, 2) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvaluejoin(g, 1, f, 1))
print(g(), debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
a = 100
print(g())
-- C functions: a function with no upvalues has none; coroutine.wrap's has one with an empty name.
print(debug.getupvalue(type, 1))
local w = coroutine.wrap(function() end)
print(debug.getupvalue(w, 1) == "", type(select(2, debug.getupvalue(w, 1))))
print(pcall(debug.upvalueid, type, 1))
print(type(debug.upvalueid(w, 1)))
-- Argument errors.
print(pcall(debug.getupvalue))
print(pcall(debug.getupvalue, f))
print(pcall(debug.getupvalue, {}, 1))
print(pcall(debug.getupvalue, f, "x"))
print(pcall(debug.getupvalue, f, 1.5))
print(pcall(function() return debug.getupvalue(1, 1) end))
print(pcall(debug.setupvalue))
print(pcall(debug.setupvalue, f, 1))
print(pcall(debug.setupvalue, {}, 1, 1))
print(pcall(debug.setupvalue, f, nil, 1))
print(pcall(debug.upvalueid))
print(pcall(debug.upvalueid, f))
print(pcall(debug.upvalueid, f, 3))
print(pcall(debug.upvalueid, f, 0))
print(pcall(debug.upvalueid, "f", 1))
print(pcall(function() return debug.upvalueid(g, 9) end))
print(pcall(debug.upvaluejoin))
print(pcall(debug.upvaluejoin, f, 1))
print(pcall(debug.upvaluejoin, f, 5, g, 1))
print(pcall(debug.upvaluejoin, f, 1, g, 5))
print(pcall(debug.upvaluejoin, f, 1, {}, 1))
print(pcall(debug.upvaluejoin, nil, 1, g, 1))
print(pcall(function() debug.upvaluejoin(f, 1, g, "x") end))
