-- Integers and floats compare equal by mathematical value.
print(1 == 1.0, 0 == -0.0, -1 == -1.0)
print(1 == 1.5, 2^53 == 2^53 + 1)
print(math.maxinteger + 0.0 == math.maxinteger)
print(math.maxinteger + 0.0 == 2^63)
print(math.mininteger == -2^63, math.mininteger + 0.0 == math.mininteger)
print(math.maxinteger - 1 == math.maxinteger + 0.0)
