-- Float rounding is visible in %.14g output only sometimes.
local s = 0
for _ = 1, 10 do s = s + 0.1 end
print(s, s == 1.0, s == 1, string.format('%.17g', s))
print(0.1 + 0.2 == 0.3, 0.1 + 0.2, string.format('%.17g', 0.1 + 0.2))
print(1e16 + 1, 1e16 + 2, 2^53 + 1.0)
print(100 * 1.1, 3 * 0.1)
