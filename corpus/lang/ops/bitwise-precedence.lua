-- Precedence of bitwise operators; '..' binds tighter than shifts.
print(1 << 2 + 1, (1 << 2) + 1)
print(1 | 2 ~ 3 & 4, ((1 | (2 ~ (3 & 4)))))
print(1 .. 2 << 1)
print(5 & 4 == 4)
print(2 < 3 == true, 1 + 2 * 3 ^ 2)
