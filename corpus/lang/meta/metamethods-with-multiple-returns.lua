-- Results of __add and __index are truncated to one value; __call is a
-- real call, so all its results are kept.
local mt = {
  __add = function() return 1, 2 end,
  __index = function() return 'a', 'b' end,
  __call = function() return 'c1', 'c2' end,
}
local t = setmetatable({}, mt)
print(t + t)
print(t.x)
print(t())
print(select('#', t.x), select('#', t()))
