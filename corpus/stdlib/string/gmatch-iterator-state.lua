-- Each gmatch call has its own state; an exhausted iterator keeps returning nil.
local it1 = string.gmatch("a b c", "%a")
local it2 = string.gmatch("a b c", "%a")
print(it1(), it1(), it2(), it1(), it2())
print(it1(), it1())
local it = ("xy"):gmatch(".")
print(it(), it(), it(), it())
print(type(string.gmatch("", "")), select("#", string.gmatch("", "")()))
