-- Pattern errors surface when the iterator runs, not when it is made.
local it = string.gmatch("abc", "(")
print(type(it))
print(pcall(it))
print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch))
print(pcall(function() for m in string.gmatch("abc", "%") do end end))
print(pcall(function() for m in string.gmatch("abc", "[a") do end end))
