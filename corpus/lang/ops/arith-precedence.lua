-- Arithmetic precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 % 4, 2 + 3 % 4)
print(-2 ^ 2, 2 ^ -2, -2 * -2, 10 - 4 - 3, 100 / 10 / 5)
print(2 ^ 3 ^ 2, 7 // 2 * 2, 7 % 3 * 2)
print(1 + 2 .. '', 2 .. 3 + 1)
print(not nil == true, #'abc' + 1, -#'abc')
