-- Empty and out-of-range intervals give no values.
print(select("#", string.byte("")), select("#", string.byte("abc", 4)), select("#", string.byte("abc", 3, 2)))
print(select("#", string.byte("abc", 0)), string.byte("abc", 0, 1), string.byte("abc", -10, 1))
print(string.byte("abc", 2, 100))
print(select("#", string.byte(("x"):rep(300), 1, -1)))
print(pcall(string.byte, "abc", 1.5))
print(pcall(string.byte, "abc", {}, 2))
