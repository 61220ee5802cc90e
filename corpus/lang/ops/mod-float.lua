-- Float modulo: a - floor(a/b)*b semantics, sign follows divisor.
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(5.0 % 3, math.type(5.0 % 3), 5 % 3.0)
print(0.3 % 0.1 < 0.1, 1 % math.huge, -1 % math.huge)
print(1 % -math.huge, -1 % -math.huge)
print(5.0 % 0 ~= 5.0 % 0, math.huge % 2 ~= math.huge % 2)
print(-0.0 % 1, 3 % -0.5)
