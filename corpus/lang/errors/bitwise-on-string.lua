-- Bitwise operations on non-numeric strings and other values.
print(pcall(function() local s = 'abc'; return s | 1 end))
print(pcall(function() return 'abc' & 1 end))
print(pcall(function() local t = {}; return t ~ 1 end))
print(pcall(function() return nil_global << 1 end))
print(pcall(function() local s = '1.5'; return s | 1 end))
