-- math.modf splits a number into an integral part (an integer when it fits) and a fraction.
local function show(...) local out = {} for i = 1, select("#", ...) do local v = select(i, ...) out[i] = tostring(v) .. ":" .. math.type(v) end return table.concat(out, " ") end
print(show(math.modf(3.75)))
print(show(math.modf(-3.75)))
print(show(math.modf(5)))
print(show(math.modf(-0.25)))
print(show(math.modf(1/0)))
print(show(math.modf(-1/0)))
print(show(math.modf(2^70)))
print(show(math.modf(2^53 + 0.5)))
local i, f = math.modf(0/0)
print(i ~= i, f ~= f)
print(pcall(math.modf))
