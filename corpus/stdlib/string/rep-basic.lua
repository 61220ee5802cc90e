-- string.rep repeats, with zero and negative counts giving the empty string.
print(string.rep("ab", 3), string.rep("x", 1), string.rep("x", 0) == "", string.rep("x", -5) == "")
print(("-"):rep(10), ("\0"):rep(3) == "\0\0\0", #string.rep("abc", 1000))
print(string.rep("", 1000000) == "", string.rep(5, 3), string.rep("a", 2.0), string.rep("a", "3"))
