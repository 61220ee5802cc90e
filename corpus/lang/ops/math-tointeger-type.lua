-- math.type and math.tointeger classify numbers.
print(math.type(1), math.type(1.0), math.type('1'), math.type(nil))
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(3))
print(math.tointeger(2^63), math.tointeger(-2^63), math.tointeger('8'))
print(math.tointeger(0/0), math.tointeger(math.huge), math.tointeger(-0.0))
