-- floor and ceil return integers when the result fits, floats otherwise.
local function show(v) return tostring(v) .. ":" .. math.type(v) end
for _, x in ipairs({3.7, -3.7, 3, -3, 0.0, -0.0, 0.5, -0.5, 2^53 + 0.0, 2^62, 2^63, -2^63, 2^70, 1e300}) do
  print(show(x), show(math.floor(x)), show(math.ceil(x)))
end
print(show(math.floor(1/0)), show(math.ceil(-1/0)), math.floor(0/0) ~= math.floor(0/0))
print(show(math.floor("2.5")), show(math.ceil("2")), show(math.floor(" 0x10 ")))
print(pcall(math.floor, "x"))
print(pcall(math.ceil))
