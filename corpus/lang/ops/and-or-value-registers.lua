-- 'and'/'or' values assigned to locals, fields and arguments.
local t = {}
local a, b = nil, 0
local x = a or b and 'second' or 'third'
t.y = a and a.z or 'safe'
t.z = (b or 1) + 1
print(x, t.y, t.z)
print(select('#', a and 1), select('#', nil or nil))
print(false or false or 'last', nil and nil and 'never')
local n = 5
print(n > 3 and 'big' or 'small', n > 10 and 'big' or 'small')
