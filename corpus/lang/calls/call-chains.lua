-- Calling the results of calls: f()()() and f().x().
local function a() return function() return function(x) return 'deep ' .. tostring(x) end end end
print(a()()(1))
local function obj() return {get = function() return {v = 'field'} end} end
print(obj().get().v)
local curry = function(x) return function(y) return function(z) return x + y + z end end end
print(curry(1)(2)(3))
