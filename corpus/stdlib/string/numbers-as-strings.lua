-- Numbers convert to strings with tostring's format wherever a string is expected.
print(string.len(100), string.len(1e100), string.len(2^63), string.upper(1.5), string.reverse(-12))
print(string.find(3.25, "."), string.match(1e15, "e"), string.match(1e16, "e"), string.byte(7))
print(string.rep(1, 3), string.sub(123456, 2, 4), string.format("%s|%s", 10 // 3, 10 / 2))
print(("x"):rep(2) .. 1, string.gsub(1234, 3, 0.5))
