-- A long expression that needs many temporary registers.
local a, b, c, d = 1, 2, 3, 4
local r = ((a + b) * (c + d) - (a - b) * (c - d)) // ((a * b) + (c * d) - 3)
print(r)
local s = (a + (b + (c + (d + (a + (b + (c + (d + (a + b)))))))))
print(s)
print(((((a .. b) .. c) .. d) .. (a .. (b .. (c .. d)))))
print(a < b and c < d and (a + b < c + d) and 'all' or 'none')
