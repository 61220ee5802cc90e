-- Unary minus on integers, floats and coercible strings.
print(-1, - -1, -(-1))
print(-0, -0.0, -(0.0))
print(-math.maxinteger, -math.mininteger)
print(-'2', -'2.0', -' 0x10 ')
print(math.type(-'2'), math.type(-'2.0'))
local x = 5
print(-x, -(-x), - - -x)
