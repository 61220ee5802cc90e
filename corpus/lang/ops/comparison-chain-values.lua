-- Comparisons return real booleans.
local a = 1 < 2
print(a, type(a), 1 == 1, type(1 ~= 1))
print((1 < 2) == true, (2 < 1) == false)
print(1 < 2 and 'yes' or 'no', 2 < 1 and 'yes' or 'no')
