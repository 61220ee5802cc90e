-- debug.upvaluejoin refuses C functions that have upvalues with "Lua function expected" (coroutine.wrap's function has one).
local x = 1
local function f() return x end
local w = coroutine.wrap(function() end)
print(debug.getupvalue(w, 1) == "")
print(pcall(debug.upvaluejoin, w, 1, f, 1))
print(pcall(debug.upvaluejoin, f, 1, w, 1))
print(pcall(function() debug.upvaluejoin(w, 1, w, 1) end))
