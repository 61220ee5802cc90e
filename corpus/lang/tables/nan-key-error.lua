-- Writing a NaN key is an error; reading one gives nil.
local t = {}
print(t[0/0])
print(pcall(function() t[0/0] = 1 end))
print(pcall(rawset, t, 0/0, 1))
print(pcall(function() return {[0/0] = 1} end))
print(next(t))
