-- Methods on strings receive the string as self.
local mt = getmetatable('')
print(rawequal(mt.__index, string))
local s = 'abc'
print(s.rep(s, 2), s:rep(2), ('x').rep('y', 3))
