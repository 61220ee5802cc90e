-- Library results keep PUC's subtypes across conversions from strings and floats.
local function show(v) return tostring(v) .. ":" .. tostring(math.type(v)) end
print(show(math.floor(-0.0)), show(math.ceil(-0.5)), show(math.floor(-2^63)))
print(show(math.abs(-2^63)), show(math.fmod(-6, 3)), show(math.fmod(-6.0, 3)))
print(show(math.max(2, 2.0)), show(math.min(2.0, 2)))
print(show(select(1, math.modf(-0.0))), show(select(2, math.modf(-0.0))))
print(show(math.sqrt(4)), show(math.exp(0)), show(math.log(1)))
print(show(math.tointeger("  10  ")), show(math.floor("  10  ")))
