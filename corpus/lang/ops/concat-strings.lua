-- Concatenation is right associative and works with long chains.
local a, b, c = 'x', 'y', 'z'
print(a .. b .. c, a .. (b .. c), (a .. b) .. c)
print('' .. '', #('' .. ''), ('ab' .. 'cd'):len())
local s = ''
for i = 1, 10 do s = s .. i end
print(s, #s)
print('a' .. 'b' .. 'c' .. 'd' .. 'e' .. 'f' .. 'g' .. 'h' .. 'i' .. 'j')
print(('-'):rep(3) .. '|' .. ('='):rep(2))
