-- Positions may be numeric strings or floats with an integral value.
print(("hello"):sub("2", "3"), ("hello"):sub(2.0, 4.0), ("hello"):sub("0x2", "-1"))
print(string.sub(12345, 2, 3), string.sub(1.25, 2))
print(pcall(string.sub, "hello", 1.5))
print(pcall(string.sub, "hello", "x"))
print(pcall(string.sub, "hello"))
print(pcall(string.sub, "hello", 1, {}))
