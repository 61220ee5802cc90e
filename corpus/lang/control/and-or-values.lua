-- Values produced by 'and'/'or' combinations.
print(nil and 1, false or nil, 1 and 2 or 3, nil and 2 or 3)
print(false and nil, nil or false, 1 and false or 'x', 0 and 'zero')
print(nil or nil or 'third', 'first' or error('unreached'))
local x = false
print(x == false and 'is false' or 'not false')
print((nil or {}) and 'table', 1 and nil)
