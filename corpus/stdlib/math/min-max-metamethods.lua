-- min and max compare with __lt, so they work on objects that define it.
local mt = {__lt = function(a, b) return a.v < b.v end, __tostring = function(o) return "obj" .. o.v end}
local function obj(v) return setmetatable({v = v}, mt) end
print(tostring(math.max(obj(3), obj(7), obj(5))))
print(tostring(math.min(obj(3), obj(7), obj(1))))
local calls = 0
local counting = {__lt = function(a, b) calls = calls + 1 return a.v < b.v end}
local list = {}
for i = 1, 5 do list[i] = setmetatable({v = i}, counting) end
math.max(table.unpack(list))
print("comparisons", calls)
