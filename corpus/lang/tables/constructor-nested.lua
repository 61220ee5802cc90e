-- Nested constructors.
local t = {{1, 2}, {3, {4, 5, {6}}}, name = {first = 'a', last = 'b'}}
print(t[1][2], t[2][2][3][1], t.name.first .. t.name.last)
print(#t, #t[2], #t[2][2])
local m = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
for i = 1, 3 do print(m[i][1] + m[i][2] + m[i][3], m[1][i] * m[3][i]) end
