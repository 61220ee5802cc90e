-- Writing a nil key is an error; reading one gives nil.
local t = {}
print(t[nil])
print(pcall(function() t[nil] = 1 end))
print(pcall(rawset, t, nil, 1))
print(pcall(function() local k; return {[k] = 1} end))
print(rawget(t, nil))
