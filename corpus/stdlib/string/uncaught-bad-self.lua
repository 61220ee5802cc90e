-- A string method called on a table through a method call blames the bad self.
local box = {sub = string.sub}
print(("hello"):sub(2, 3))
local function cut(obj) return obj:sub(1, 2) end
cut(box)
