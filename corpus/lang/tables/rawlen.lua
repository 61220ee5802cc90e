-- rawlen ignores __len and works on strings and tables only.
local t = setmetatable({1, 2, 3}, {__len = function() return 99 end})
print(#t, rawlen(t), rawlen('hello'), rawlen({}))
print(pcall(rawlen, 5))
print(pcall(rawlen))
