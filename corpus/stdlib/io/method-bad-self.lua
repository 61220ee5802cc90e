-- File methods called on values that are not files: as methods, as plain functions and through io.
local t = {}
for _, m in ipairs({"close", "flush", "lines", "read", "seek", "setvbuf", "write"}) do
  t[m] = io.stdin[m]
end
print(pcall(function() return t:read() end))
print(pcall(function() return t:write("x") end))
print(pcall(function() return t:lines() end))
print(pcall(function() return t:seek() end))
print(pcall(function() return t:setvbuf("no") end))
print(pcall(function() return t:flush() end))
print(pcall(function() return t:close() end))
print(pcall(t.read, 1))
print(pcall(t.write))
print(pcall(t.close, "file"))
print(pcall(function() return t.seek(nil, "set") end))
local s = "abc"
print(pcall(function() return io.stdin.read(s) end))
print(pcall(io.close, {}))
print(pcall(io.close, nil))
print(pcall(io.input, {}))
print(pcall(io.output, true))
print(pcall(io.lines, {}))
print(pcall(io.lines, true))
-- A table whose metatable is named FILE* is reported with that name.
local fake = setmetatable({}, {__name = "FILE*"})
print(pcall(t.read, fake))
local named = setmetatable({}, {__name = "MyType"})
print(pcall(t.read, named))
