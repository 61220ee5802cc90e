-- file:lines and io.lines: formats, closing, errors raised by the iterator, and the argument limit.
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("one\ntwo\n\nthree 3 4.5\nlast")
f:close()
for l in io.lines(name) do print(string.format("%q", l)) end
for l in io.lines(name, "L") do print(string.format("%q", l)) end
for a, b in io.lines(name, 2, "l") do print(a, b) end
for n in io.lines(name, "n") do print(n) end
for c in io.lines(name, 6) do print(string.format("%q", c)) end
f = assert(io.open(name))
for l in f:lines() do print(l) end
print(io.type(f), f:read("a"), f:seek("set"))
for a, b, c in f:lines("l", "l", "a") do print(a, b, c) end
print(io.type(f))
f:close()
-- io.lines closes the file it opened once the end is reached, and its iterator then fails.
local it = io.lines(name)
print(it(), it(), it(), it(), it())
print(it())
print(pcall(it))
-- The iterator of file:lines fails once its file is closed.
f = assert(io.open(name))
local it2 = f:lines()
print(it2())
f:close()
print(pcall(it2))
print(pcall(function() for l in it2 do end end))
-- A bad format is reported when the iterator runs, not when it is made.
f = assert(io.open(name))
local bad = f:lines("x")
print(pcall(bad))
print(pcall(function() for l in f:lines("x") do end end))
print(pcall(function() for l in f:lines({}) do end end))
f:close()
-- A read error inside the iterator is raised with the C library's message.
f = assert(io.open(name, "a"))
print(pcall(function() for l in f:lines() do end end))
local it3 = f:lines()
print(pcall(it3))
f:close()
-- Missing files and bad names.
print(pcall(io.lines, "/nonexistent-dir/ferrolua-file"))
print(pcall(function() return io.lines("/nonexistent-dir/ferrolua-file", "l") end))
print(pcall(io.lines, {}))
print(pcall(io.lines, 1))
-- At most 250 formats.
local formats = {}
for i = 1, 250 do formats[i] = "l" end
f = assert(io.open(name))
print(type(f:lines(table.unpack(formats))))
formats[251] = "l"
print(pcall(f.lines, f, table.unpack(formats)))
print(pcall(function() return f:lines(table.unpack(formats)) end))
print(pcall(io.lines, name, table.unpack(formats)))
f:close()
os.remove(name)
