-- Methods called on string literals and on numbers converted to strings.
print(('abc'):len(), ('abc'):sub(2, 2), ('x'):rep(3, '-'))
print(('%5.1f'):format(3.14159), ('%q'):format('a"b'))
local n = 12345
print(tostring(n):len(), tostring(n):sub(-2), (n .. ''):byte(1))
