-- Float floor division and modulo producing or using negative zero.
print(1 // -0.0, -1 // -0.0, 0.0 // -1, -0.0 // 1)
print(0.0 % -1, -0.0 % 1, 0 % -1.5, 5.5 % -0.0 ~= 5.5 % -0.0)
print(-0.0 // -1, math.type(-0.0 // 1))
