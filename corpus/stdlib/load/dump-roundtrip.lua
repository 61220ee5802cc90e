-- string.dump then load: parameters, varargs, constants of every type, nested functions, upvalues (fresh and nil after loading), debug info kept or stripped.
local function roundtrip(f, strip) return assert(load(string.dump(f, strip), "=roundtrip", "b")) end
local function consts()
  return nil, true, false, 0, -1, math.maxinteger, math.mininteger, 0.5, -0.0, 1/0, 2^53, "", "short", string.rep("long", 100)
end
local r = table.pack(roundtrip(consts)())
for i = 1, r.n do r[i] = math.type(r[i]) or type(r[i]) .. ":" .. tostring(r[i]):sub(1, 10) end
print(table.concat(r, " "))
print(roundtrip(function(a, b, ...) return a + b, select("#", ...) end)(1, 2, 3, 4))
print(roundtrip(function(n)
  local function fact(k) if k <= 1 then return 1 end return k * fact(k - 1) end
  local t = {}
  for i = 1, n do t[i] = fact(i) end
  return table.concat(t, ",")
end)(6))
-- Loaded functions get fresh upvalues: the first one is the global environment, the others are nil.
local captured = "captured"
local function uses_upvalues() return captured, type(print) end
print(pcall(roundtrip(uses_upvalues)))
local function env_first() return type(print), captured end
print(pcall(roundtrip(env_first)))
local g = roundtrip(uses_upvalues)
print(debug.getupvalue(g, 1), debug.getupvalue(g, 2))
print(debug.setupvalue(g, 1, "set later"), debug.setupvalue(g, 2, _ENV), g())
-- Debug information: line numbers and names survive unless stripped.
local function fails(x)
  local t = nil
  return t.x
end
print(pcall(roundtrip(fails)))
print(pcall(roundtrip(fails, true)))
print(debug.getinfo(roundtrip(fails), "S").source, debug.getinfo(roundtrip(fails, true), "S").source)
print(debug.getinfo(roundtrip(fails), "S").linedefined, debug.getinfo(roundtrip(fails, true), "S").linedefined)
print(debug.getlocal(roundtrip(fails), 1), debug.getlocal(roundtrip(fails, true), 1))
print(#string.dump(fails, true) < #string.dump(fails), string.dump(fails) == string.dump(fails))
print(string.dump(fails, false) == string.dump(fails), string.dump(fails, nil) == string.dump(fails))
-- A dump of a loaded dump is the same chunk.
print(string.dump(roundtrip(fails)) == string.dump(fails))
-- A main chunk loaded from text, dumped and loaded again.
local main = load("local a, b = ... return (a or 0) * 2, b", "=main")
print(roundtrip(main)(21, "x"))
print(load(string.dump(main))(5))
-- The header starts with the signature, the version 0x53 and the format 0.
local d = string.dump(main)
print(d:sub(1, 4) == "\27Lua", d:byte(5), d:byte(6), d:sub(7, 12) == "\x19\x93\r\n\x1a\n")
print(d:byte(13), d:byte(14), d:byte(15), d:byte(16), d:byte(17))
print(pcall(string.dump, print))
print(pcall(string.dump, coroutine.wrap(print)))
