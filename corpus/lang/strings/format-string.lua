-- %s with widths and precision; %% escapes.
print(string.format('%s|%10s|%-10s|%.2s', 'abc', 'abc', 'abc', 'abc'))
print(string.format('%s %s %s', 1, 1.0, true))
print(string.format('%s', nil), string.format('%5s', nil))
print(string.format('100%%'), string.format('%%d'))
print(string.format('[%s]', ''), string.format('%s', 'a\0b'):len())
local t = setmetatable({}, {__tostring = function() return 'T!' end})
print(string.format('%s|%6s', t, t))
