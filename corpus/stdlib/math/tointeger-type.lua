-- math.tointeger converts exactly or gives nil; math.type tells the subtype.
print(math.tointeger(3), math.tointeger(3.0), math.tointeger(-0.0), math.tointeger(3.5))
print(math.tointeger(2^53), math.tointeger(2^63), math.tointeger(-2^63), math.tointeger(1/0))
print(math.tointeger("8"), math.tointeger("8.0"), math.tointeger("0x10"), math.tointeger("x"))
print(math.tointeger({}), math.tointeger(nil), math.tointeger(true))
print(pcall(math.tointeger))
print(math.type(1), math.type(1.0), math.type(-0.0), math.type(2^63), math.type(math.mininteger))
print(math.type("1"), math.type(nil), math.type({}), math.type(print))
print(pcall(math.type))
