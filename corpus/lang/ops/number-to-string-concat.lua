-- Numbers are converted to strings by '..'.
print(1 .. '', 1.0 .. '', -0.0 .. '')
print(10 .. 20, 1.5 .. 'x', 'x' .. 2^63)
print(math.maxinteger .. '', math.mininteger .. '')
print(1e100 .. '', (0/0 ~= 0/0) and 'nan ok' or 'bad')
print(1 .. 2 .. 3, 'a' .. 1 + 2 .. 'b')
print(2^53 .. '|' .. 0.1 .. '|' .. 1/3)
