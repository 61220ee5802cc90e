-- Strings index the string library through their metatable.
print(('x'):rep(3), ('%d'):format(5), ('abc'):sub(2), ('abc'):byte(1, -1))
local s = 'hello'
print(s:rep(2, '-'), s:sub(-3), s:len(), #s)
print(getmetatable('').__index == string)
print(('A'):byte(), (('z'):rep(3)):sub(2, 2))
