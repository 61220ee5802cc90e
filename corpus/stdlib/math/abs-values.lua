-- math.abs keeps the subtype; the absolute value of mininteger wraps around to itself.
local function show(v) return tostring(v) .. ":" .. math.type(v) end
print(show(math.abs(-5)), show(math.abs(5)), show(math.abs(0)))
print(show(math.abs(-5.5)), show(math.abs(-0.0)), show(math.abs(-1/0)))
print(show(math.abs(math.mininteger)), show(math.abs(math.mininteger + 1)))
print(show(math.abs("-3")), show(math.abs("-3.0")))
print(pcall(math.abs, nil))
print(pcall(math.abs, "abc"))
