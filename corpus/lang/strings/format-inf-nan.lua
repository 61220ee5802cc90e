-- Formatting infinities and NaN with numeric directives.
print(string.format('%5.1f|%5.1f|%f', 1/0, -1/0, 0/0))
print(string.format('%g|%g|%e', 1/0, -(0/0), -1/0))
print(string.format('%.3f|%d', 2^63, 2^53))
print(pcall(string.format, '%d', 1/0))
