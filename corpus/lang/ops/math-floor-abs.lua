-- math.floor returns an integer when it fits; math.abs keeps the subtype.
print(math.floor(3.7), math.floor(-3.7), math.floor(3), math.floor(-0.0))
print(math.type(math.floor(3.7)), math.floor(2^63), math.floor(-2^63))
print(math.floor(1e100), math.floor(-math.huge))
print(math.abs(-3), math.abs(-3.5), math.abs(math.mininteger), math.abs(-0.0))
print(math.abs(math.maxinteger), math.type(math.abs(-2.0)))
