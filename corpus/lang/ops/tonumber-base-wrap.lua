-- tonumber with a base wraps around like integer arithmetic.
print(tonumber('7fffffffffffffff', 16), tonumber('8000000000000000', 16))
print(tonumber('ffffffffffffffff', 16), tonumber('10000000000000000', 16))
print(tonumber('zzzzzzzzzzzzzz', 36))
print(math.type(tonumber('10', 16)))
