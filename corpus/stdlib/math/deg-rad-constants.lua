-- deg, rad and the library's constants.
print(math.deg(math.pi), math.deg(1), math.deg(-math.pi / 2), math.deg(0))
print(math.rad(180), math.rad(1), math.rad(-90), math.rad(360))
print(math.pi, string.format("%.17g", math.pi))
print(math.huge, -math.huge, math.huge == 1/0, math.type(math.huge))
print(math.maxinteger, math.mininteger, math.type(math.maxinteger))
print(math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger)
print(math.maxinteger + 0.0, math.mininteger + 0.0)
print(math.deg(3) , math.type(math.deg(3)), math.type(math.rad(180)))
