-- Float loops stop when accumulated error passes the limit.
local n, last = 0, nil
for x = 0.1, 1.0, 0.1 do n = n + 1; last = x end
print(n, last, string.format('%.17g', last))
n = 0
for x = 1, 2, 1/3 do n = n + 1 end
print(n)
