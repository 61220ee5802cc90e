-- Positions at the limits of the integer range.
local s = "abc"
local maxi, mini = 9223372036854775807, -9223372036854775807 - 1
print(s:sub(mini, maxi), s:sub(mini), s:sub(maxi) == "", s:sub(1, mini) == "")
print(s:sub(-maxi, -maxi) == "", s:sub(mini, -3), s:sub(2, maxi))
print(s:sub(2^53) == "", s:sub(-2^53, 2))
