-- Equal strings built different ways compare equal.
local a = 'hello'
local b = 'hel' .. 'lo'
local c = string.rep('l', 2)
local d = 'he' .. c .. 'o'
print(a == b, b == d, a == d, rawequal(a, d))
local t = {}
t[a] = 1
print(t[d], t['hello'])
