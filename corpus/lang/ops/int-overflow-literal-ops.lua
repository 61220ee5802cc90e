-- Integer overflow in multiplication and negation of literals.
print(9223372036854775807 + 1, -9223372036854775807 - 2)
print(4611686018427387904 * 2, 4611686018427387904 * 4)
print(3037000500 * 3037000500)
print(-(-9223372036854775807 - 1))
print(math.mininteger * -1 == math.mininteger)
