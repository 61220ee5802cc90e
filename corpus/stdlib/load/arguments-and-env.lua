-- load's chunk, chunk name and env arguments: default names, names in messages, env given as nil or a table, numbers as chunks, and argument errors.
print(pcall(load("error('x')", "=custom")))
print(pcall(load("error('x')")))
print(pcall(load("error('x')", "@file.lua")))
print(pcall(load("\n\nerror('x')", "plain name")))
print(pcall(load(function() return nil end) or print))
local n = 0
local f = load(function() n = n + 1 if n == 1 then return "error('from reader')" end end)
print(pcall(f))
print(load("x = ", "=named"))
print(load("x = "))
print(load(string.rep("x", 100) .. " = "))
-- A number is loaded as a string.
print(load(42))
print(pcall(load(1e300)))
-- env replaces the chunk's first upvalue, even when given as nil.
local env = {y = "from env"}
print(load("return y", "=e", "t", env)())
print(load("y = 'set' return y", "=e", "t", env)(), env.y)
print(pcall(load("return y", "=e", "t", nil)))
print(load("return y", "=e", "t")(), load("return ...", "=e", "t", env)(1, 2))
print(load("return _ENV", "=e", "t", 5)())
print(load(function() return nil end, "=e", "t", env)())
local dumped = string.dump(function() return y end)
print(load(dumped, "=d", "b", env)(), pcall(load(dumped, "=d", "b")))
-- Errors in the arguments.
print(pcall(load))
print(pcall(load, nil))
print(pcall(load, {}))
print(pcall(load, true))
print(pcall(load, "x", {}))
print(pcall(load, function() end, {}))
print(pcall(load, function() end, 1, {}))
print(pcall(function() return load() end))
-- A reader must return strings (numbers count); under pcall no message handler is active.
print(pcall(load, function() return {} end))
print(pcall(load, function() return true end))
local pieces = {"ret", "urn ", 4, "2", ""}
local i = 0
print(load(function() i = i + 1 return pieces[i] end)())
print(pcall(load, function() error("reader error") end))
print(pcall(load, function() error({}) end) and "true")
