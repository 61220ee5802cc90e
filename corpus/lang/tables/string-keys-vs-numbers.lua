-- String keys that look like numbers are distinct from numbers.
local t = {}
t['1'] = 'string one'; t[1] = 'int one'; t['1.0'] = 'string 1.0'
print(t['1'], t[1], t[1.0], t['1.0'])
t['01'] = 'zero one'
print(t['01'], t[tonumber('01')])
