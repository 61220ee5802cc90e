-- Sorting a mix of integers and floats uses numeric comparison.
local t = {3, 2.5, -1, 2^53, 9007199254740991, -0.0, 1, 1.0, math.maxinteger, -math.huge}
table.sort(t)
for i = 1, #t do print(i, t[i], math.type(t[i])) end
