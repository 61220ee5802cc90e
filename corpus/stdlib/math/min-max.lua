-- min and max return the first extreme argument unchanged, comparing with <.
local function show(v) return tostring(v) .. ":" .. tostring(math.type(v)) end
print(show(math.max(1, 2, 3)), show(math.max(3, 2, 1)), show(math.min(1, 2, 3)))
print(show(math.max(1, 1.0)), show(math.max(1.0, 1)), show(math.min(1, 1.0)))
print(show(math.max(-0.0, 0.0)), show(math.min(0.0, -0.0)))
print(show(math.max(5)), show(math.min(-2.5)))
print(math.max("a", "c", "b"), math.min("b", "a", "c"))
print(show(math.max(math.maxinteger, 2^63)), show(math.min(math.mininteger, -2^63)))
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.max, 1, "x"))
print(pcall(math.min, {}, {}))
