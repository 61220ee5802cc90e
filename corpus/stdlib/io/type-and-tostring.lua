-- io.type and tostring of file handles: open, closed, standard and non-file values, and io.type's argument check.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdin), io.type(io.stdout), io.type(io.stderr))
print(io.type(nil), io.type(1), io.type("file"), io.type({}), io.type(print))
print(pcall(io.type))
print(tostring(f):match("^file %(") ~= nil, tostring(io.stdout):match("^file %(") ~= nil)
print(tostring(f) == tostring(f), tostring(f) ~= tostring(io.stdout))
print(f:close())
print(io.type(f), tostring(f))
-- The handles share one metatable named FILE*, whose __index is the metatable itself.
local mt = getmetatable(f)
print(mt == getmetatable(io.stdout), mt.__index == mt, mt.__name)
local methods = {}
for k in pairs(mt) do methods[#methods + 1] = k end
table.sort(methods)
print(table.concat(methods, " "))
print(mt.__tostring(f))
print(pcall(mt.__tostring, {}))
print(pcall(mt.__tostring))
local tostr = mt.__tostring
print(pcall(function() return tostr(1) end))
-- A userdata of another kind is no file.
print(io.type(debug.upvalueid(function() return f end, 1)))
-- io.type reads no __name: a table pretending to be a file is not one.
print(io.type(setmetatable({}, {__name = "FILE*"})))
os.remove(name)
