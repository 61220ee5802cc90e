-- getmetatable and setmetatable: __metatable protection, the string metatable, return values, and every argument error.
local mt = {}
local t = {}
print(setmetatable(t, mt) == t, getmetatable(t) == mt)
print(setmetatable(t, nil) == t, getmetatable(t))
mt.__metatable = "locked"
setmetatable(t, mt)
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
print(pcall(function() setmetatable(t, mt) end))
mt.__metatable = false
print(getmetatable(t), pcall(setmetatable, t, {}))
-- __metatable is read raw from the metatable.
local t2 = setmetatable({}, setmetatable({}, {__index = {__metatable = "inherited"}}))
print(type(getmetatable(t2)), rawget(getmetatable(t2), "__metatable"))
print(getmetatable("abc").__index == string, getmetatable("") == getmetatable("abc"), getmetatable(1), getmetatable(nil), getmetatable(print))
print(getmetatable(io.stdout).__name)
print(pcall(getmetatable))
print(pcall(setmetatable))
print(pcall(setmetatable, {}))
print(pcall(setmetatable, nil, {}))
print(pcall(setmetatable, "s", {}))
print(pcall(setmetatable, {}, true))
print(pcall(setmetatable, {}, "mt"))
print(pcall(setmetatable, io.stdout, {}))
print(pcall(function() return setmetatable(1, 2) end))
print(pcall(function() return getmetatable() end))
