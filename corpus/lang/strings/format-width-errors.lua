-- string.format rejects too-long widths and precisions.
print(pcall(string.format, '%100d', 7))
print(pcall(string.format, '%.100f', 1))
print(#string.format('%99d', 7), #string.format('%.99f', 1))
local ok, msg = pcall(string.format, '%', 1)
print(ok, string.format('%q', msg))
