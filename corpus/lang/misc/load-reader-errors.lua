-- A reader returning something other than a string or nil makes load fail.
-- In 5.3.6 the reader's error is raised with lua_error while the message
-- handler of the enclosing xpcall (the harness's) is still active, so load's
-- second result is whatever that handler returns (a table in the harness,
-- a message with a traceback under lua.c). Only its type is printed.
-- Under pcall no handler is active and the plain message comes back.
local f, e = load(function() return {} end)
print(f, type(e))
f, e = load(function() return true end)
print(f, type(e))
local n = 0
print(pcall(load, function() n = n + 1; if n == 1 then return 'return 1' end error('reader failed') end))
-- Numbers count as strings: this reader yields "return 4", then "2", then ends.
local m = 0
f = load(function() m = m + 1; if m == 1 then return 'return 4' end if m == 2 then return 2 end end)
print(f())
