-- pcall returns false and the message; the program goes on.
local ok, msg = pcall(function() local t = nil; return t.x end)
print(ok, msg)
print(pcall(function() return 'fine' end))
print(pcall(function(...) return ... end, 1, 2))
print('after')
