-- setmetatable returns its first argument; nil removes the metatable.
local mt = {}
local t = {}
print(setmetatable(t, mt) == t, getmetatable(t) == mt)
setmetatable(t, nil)
print(getmetatable(t))
print(getmetatable(1), getmetatable(nil), getmetatable(print), getmetatable(true))
print(getmetatable('abc') == getmetatable(''), type(getmetatable('')))
