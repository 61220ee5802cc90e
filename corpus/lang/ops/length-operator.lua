-- '#' on strings and on proper sequences.
print(#'', #'abc', #'a\0b', #'\u{10FFFF}')
print(#{}, #{1, 2, 3}, #{n = 1}, #{1, 2, 3, n = 3})
local t = {}
for i = 1, 50 do t[i] = i end
print(#t)
t[#t] = nil
print(#t)
local s = 'hello'
print(#s + 1, -#s, #s * #s)
