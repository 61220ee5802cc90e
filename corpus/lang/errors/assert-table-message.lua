-- assert with a non-string message raises that value unchanged.
local msg = {reason = 'table'}
local ok, e = pcall(assert, false, msg)
print(ok, e == msg, e.reason)
ok, e = pcall(function() assert(false, 'no position added') end)
print(ok, e)
