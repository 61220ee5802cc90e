-- Equality across types never converts.
print(1 == '1', '1' == 1, 0 == false, nil == false)
print('abc' == 'abc', 'abc' == 'ab' .. 'c', 'a' ~= 'b')
print(true == true, false ~= nil, nil == nil)
local t1, t2 = {}, {}
print(t1 == t1, t1 == t2, t1 ~= t2)
print(print == print, print == tostring)
print(1 ~= 1.0, 1.0 ~= 2)
