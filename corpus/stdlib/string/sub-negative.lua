-- Negative positions count from the end; positions before the start clamp to 1.
local s = "abcdef"
print(s:sub(-1), s:sub(-3), s:sub(-3, -2), s:sub(2, -2), s:sub(-100, 2))
print(s:sub(-6, -6), s:sub(-7, -6), s:sub(0), s:sub(0, 0) == "", s:sub(-1, -6) == "")
print(s:sub(3, -4), s:sub(4, -4) == "")
