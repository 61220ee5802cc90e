-- math.fmod truncates toward zero (unlike %), with integers when both arguments are.
local function show(v) return tostring(v) .. ":" .. math.type(v) end
for _, p in ipairs({{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {6, 3}, {math.mininteger, -1}, {math.maxinteger, -1}, {math.mininteger, 2}}) do
  print(p[1], p[2], show(math.fmod(p[1], p[2])), show(p[1] % p[2]))
end
print(pcall(math.fmod, 5, 0))
local ok, nan = pcall(math.fmod, 5, 0.0)
print(ok, nan ~= nan)
print(pcall(math.fmod, 5))
print(pcall(math.fmod, 5, "a"))
