-- Booleans, tables and functions can be keys.
local k1, k2 = {}, {}
local t = {[true] = 'T', [false] = 'F', [k1] = 'k1', [print] = 'print'}
t[k2] = 'k2'
print(t[true], t[false], t[k1], t[k2], t[print], t[{}])
t[k1] = nil
print(t[k1], t[k2])
