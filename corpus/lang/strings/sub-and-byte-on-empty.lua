-- Operations on the empty string.
local e = ''
print(e:sub(1), e:sub(0, 0), e:sub(-1), #e:sub(1, 100))
print(select('#', e:byte()), e:rep(5) == '', e .. e == '')
print(e < 'a', e == '', #e)
