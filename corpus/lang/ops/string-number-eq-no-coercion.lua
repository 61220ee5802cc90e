-- Equality and ordering never convert between strings and numbers.
print('1' == 1, 1 == '1', '1.0' == '1')
print(pcall(function() return 1 < '2' end))
print(pcall(function() return '1' <= 2 end))
local t = {}
t['1'] = 'str'; t[1] = 'num'
print(t['1'], t[1])
