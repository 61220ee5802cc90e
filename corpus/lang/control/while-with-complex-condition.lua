-- while conditions combining comparisons and calls.
local t = {3, 1, 4, 1, 5, 9, 2, 6}
local i = 1
while i <= #t and t[i] ~= 9 do i = i + 1 end
print(i, t[i])
local a, b = 1071, 462
while b ~= 0 do a, b = b, a % b end
print(a)
