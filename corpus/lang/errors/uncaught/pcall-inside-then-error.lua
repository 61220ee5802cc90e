-- pcall handles one error, then a later one escapes.
local function may_fail(x) if x then error('failed ' .. x) end return 'ok' end
print(pcall(may_fail, 'first'))
print(may_fail())
may_fail('second')
