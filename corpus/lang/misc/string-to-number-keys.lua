-- Table keys are not converted between strings and numbers.
local t = {[1] = 'int', ['1'] = 'str'}
print(t[1], t['1'], t[tonumber('1')], t[tostring(1)])
